/* libm over a sweep of arguments: the polynomial and table code of
 * glibc's exp, log, pow, sin, cos, tan, atan2, cbrt, hypot, erf, lgamma
 * (float and double), plus fma, sqrt, rounding functions and frexp,
 * printed with %a so every bit is compared. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>

#include "prog.h"

static uint64_t hd(uint64_t h, double d)
{
    prog_hash(&h, &d, 8);
    return h;
}

static uint64_t hf(uint64_t h, float f)
{
    prog_hash(&h, &f, 4);
    return h;
}

int main(void)
{
    static const double xs[] = { 0.5, 1.0, 2.0, 10.0, -0.75, 1e-5, 100.25, 3.14159, -7.5, 0.0 };
    for (unsigned i = 0; i < sizeof xs / sizeof xs[0]; i++) {
        double x = PROG_OPAQUE_FP(xs[i]);
        printf("x=%a exp %a log %a sin %a cos %a tan %a atan %a cbrt %a\n", x, exp(x),
               log(fabs(x)), sin(x), cos(x), tan(x), atan(x), cbrt(x));
        printf("  pow %a atan2 %a hypot %a erf %a lgamma %a sinh %a expm1 %a log1p %a\n",
               pow(fabs(x), 1.7), atan2(x, 0.3), hypot(x, 2.5), erf(x), lgamma(x + 8),
               sinh(x), expm1(x), log1p(fabs(x)));
        float xf = (float)x;
        printf("  f: exp %a log %a sin %a cos %a pow %a sqrt %a\n", (double)expf(xf),
               (double)logf(fabsf(xf)), (double)sinf(xf), (double)cosf(xf),
               (double)powf(fabsf(xf), 2.5f), (double)sqrtf(fabsf(xf)));
    }

    uint64_t h1 = PROG_HASH_INIT, h2 = PROG_HASH_INIT, h3 = PROG_HASH_INIT;
    for (int i = -2000; i <= 2000; i++) {
        double x = PROG_OPAQUE_FP(i / 97.0);
        h1 = hd(h1, exp(x / 4));
        h1 = hd(h1, log(fabs(x) + 1e-3));
        h1 = hd(h1, sin(x * 13));
        h1 = hd(h1, cos(x * 1e3));
        h1 = hd(h1, pow(1.0001, x * 1000));
        h1 = hd(h1, atan2(x, x + 0.5));
        h1 = hd(h1, tanh(x));
        h2 = hf(h2, expf((float)x));
        h2 = hf(h2, sinf((float)x * 7));
        h2 = hf(h2, logf((float)fabs(x) + 0.25f));
        h2 = hf(h2, powf(1.5f, (float)x));
        h3 = hd(h3, fma(x, x * 3, -x));
        h3 = hd(h3, sqrt(fabs(x)));
        h3 = hd(h3, rint(x * 3.3));
        h3 = hd(h3, floor(x) + ceil(-x) + trunc(x * 2) + round(x * 2.5));
        int e;
        h3 = hd(h3, frexp(x, &e) + e);
        h3 = hd(h3, ldexp(x, i % 50));
        h3 = hd(h3, fmod(x * 11, 0.7));
        h3 = hd(h3, remainder(x * 11, 0.7));
        h3 = hd(h3, nextafter(x, 0));
        h3 = hd(h3, (double)lround(x * 100) + (double)llrint(x * 1000));
    }
    printf("sweep double %016llx float %016llx exact %016llx\n", (unsigned long long)h1,
           (unsigned long long)h2, (unsigned long long)h3);
    printf("specials: %a %a %a %a %a\n", log(0.0), sqrt(-1.0) != sqrt(-1.0) ? 1.0 : 0.0,
           exp(1000.0), exp(-1000.0), pow(0.0, -1.0));
    return 0;
}
