/* Variadic functions: mixed integer, double, long double (binary128 in
 * memory), structures and more arguments than registers; va_copy; and
 * the vsnprintf path printf takes. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>

#include "prog.h"

struct pair { int a; double b; };
struct big { long v[5]; };

static double sum_mixed(int n, ...)
{
    va_list ap, copy;
    double total = 0;
    va_start(ap, n);
    va_copy(copy, ap);
    for (int i = 0; i < n; i++) {
        switch (i % 6) {
        case 0: total += va_arg(ap, int); break;
        case 1: total += va_arg(ap, double); break;
        case 2: total += (double)va_arg(ap, long double); break;
        case 3: { struct pair p = va_arg(ap, struct pair); total += p.a * p.b; break; }
        case 4: { struct big b = va_arg(ap, struct big); total += (double)(b.v[0] - b.v[4]); break; }
        default: total += (double)va_arg(ap, long long); break;
        }
    }
    /* The copy still sees the first argument. */
    total += va_arg(copy, int) * 1000;
    va_end(copy);
    va_end(ap);
    return total;
}

static void say(const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    printf("[%d] %s\n", n, buf);
}

static long many(long a, long b, long c, long d, long e, long f, long g, long h,
                 long i, long j, double x0, double x1, double x2, double x3,
                 double x4, double x5, double x6, double x7, double x8, float x9)
{
    return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h + 9 * i + 10 * j +
           (long)(x0 + 2 * x1 + 3 * x2 + 4 * x3 + 5 * x4 + 6 * x5 + 7 * x6 + 8 * x7 +
                  9 * x8 + 10 * x9);
}

int main(void)
{
    struct pair p = { 3, 0.5 };
    struct big b = { { 100, 2, 3, 4, 58 } };
    printf("sum %.17g\n", sum_mixed(12, 1, 2.5, 3.25L, p, b, 6LL, 7, 8.125, -9.5L, p, b, -12LL));
    say("%d %i %u %x %X %o %c %s %p", -42, 42, 42u, 0xbeefu, 0xbeefu, 8u, 'z', "str",
        (void *)0);
    say("%5d|%-5d|%05d|%+d|% d|%.3d", 42, 42, 42, 42, 42, 7);
    say("%ld %lld %hd %hhd %zu %jd", -1l, -2ll, (short)-3, (signed char)-4, (size_t)5,
        (intmax_t)-6);
    say("%f %e %g %a %Lf %Lg", 1.5, 1.5, 1.5, 1.5, 2.25L, 1e100L);
    say("%10.4f|%-10.2e|%G|%.0f|%#.0f|%#x", 3.14159265, 31415.9265, 1e-10, 2.5, 3.0, 255u);
    say("%s|%10s|%-10s|%.2s", "abc", "abc", "abc", "abc");
    printf("many %ld\n", many(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1.5, 2.5, 3.5, 4.5, 5.5,
                              6.5, 7.5, 8.5, 9.5, 10.5f));
    return 0;
}
