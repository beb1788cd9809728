/* Floating-point formatting and parsing: printf's %a, %.17g, %e, %f of
 * doubles and floats across the range (subnormals, huge, ties), and
 * strtod/strtof round trips. glibc's printf is multi-precision integer
 * code, so this is as much an integer test as an FP one. */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "prog.h"

static double from_bits(uint64_t u)
{
    double d;
    memcpy(&d, &u, 8);
    return d;
}

int main(void)
{
    static const double fixed[] = {
        0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 0.5, 1e-300, 1e300,
        DBL_MAX, DBL_MIN, DBL_TRUE_MIN, DBL_EPSILON, 123456789.125, 9007199254740993.0,
        2.5, 3.5, -2.5, 0.125, 1e21, 1e22, 1e23, 5e-324, 4.9406564584124654e-324,
        2.2250738585072009e-308, 1.7976931348623157e308, 3.141592653589793,
        2.718281828459045, 6.02214076e23, 1.602176634e-19, INFINITY, -INFINITY, NAN,
    };
    for (unsigned i = 0; i < sizeof fixed / sizeof fixed[0]; i++) {
        double d = PROG_OPAQUE_FP(fixed[i]);
        printf("%a | %.17g | %e | %.3f | %g | %.0e\n", d, d, d, d < 1e30 ? d : 0.0, d, d);
        float f = (float)d;
        printf("  f %a | %.9g | %e\n", (double)f, (double)f, (double)f);
    }

    /* Random bit patterns: print, parse back, compare bits. */
    uint64_t h = PROG_HASH_INIT;
    int bad = 0;
    prog_seed(1234);
    char buf[64];
    for (int i = 0; i < 3000; i++) {
        uint64_t u = prog_rand();
        if (i % 4 == 1)
            u &= 0x800fffffffffffffull;  /* subnormal */
        double d = from_bits(u);
        if (isnan(d))
            continue;
        snprintf(buf, sizeof buf, "%.17g", d);
        prog_hash(&h, buf, strlen(buf));
        double back = strtod(buf, NULL);
        if (memcmp(&back, &d, 8) != 0)
            bad++;
        snprintf(buf, sizeof buf, "%a", d);
        prog_hash(&h, buf, strlen(buf));
        if (strtod(buf, NULL) != d)
            bad++;
        float f;
        uint32_t fu = (uint32_t)(u >> 32);
        memcpy(&f, &fu, 4);
        if (isnan(f))
            continue;
        snprintf(buf, sizeof buf, "%.9g", (double)f);
        prog_hash(&h, buf, strlen(buf));
        float fb = strtof(buf, NULL);
        if (memcmp(&fb, &f, 4) != 0)
            bad++;
    }
    printf("random: hash %016llx, round-trip failures %d\n", (unsigned long long)h, bad);

    static const char *const texts[] = {
        "0x1.fffffffffffff8p-1", "2.4703282292062327e-324", "2.4703282292062328e-324",
        "1e-400", "1e400", "-0", "inf", "-nan", "0x1p-1074", "1.00000000000000011102230246251565",
        "123.456e-2", "  42junk", "1.5e+", "4.9e-324", "179769313486231580793728971405301e276",
    };
    for (unsigned i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        char *end;
        double d = strtod(texts[i], &end);
        printf("strtod(\"%s\") = %a, consumed %d\n", texts[i], d, (int)(end - texts[i]));
    }
    long double ld = 1.0L / 3;
    printf("long double %.36Lg %La\n", ld, ld);
    return 0;
}
