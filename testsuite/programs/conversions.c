/* Conversions compiled code performs: integer <-> float/double of every
 * width (in range: out-of-range is undefined in C, so the saturating
 * instructions are reached through inline assembly), float <-> double,
 * half precision (_Float16), and binary128 long double arithmetic
 * (soft-float in libgcc). */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>

#include "prog.h"

static int64_t fcvtzs_sat(double d)
{
    int64_t r;
    __asm__("fcvtzs %0, %d1" : "=r"(r) : "w"(d));
    return r;
}

static uint32_t fcvtzu_sat(double d)
{
    uint32_t r;
    __asm__("fcvtzu %w0, %d1" : "=r"(r) : "w"(d));
    return r;
}

int main(void)
{
    uint64_t h = PROG_HASH_INIT;
    prog_seed(77);
    for (int i = 0; i < 20000; i++) {
        uint64_t u = prog_rand();
        int64_t s = (int64_t)u >> (i % 64);
        uint64_t us = u >> (i % 64);
        double d = (double)s, du = (double)us;
        float f = (float)s, fu = (float)us;
        prog_hash(&h, &d, 8);
        prog_hash(&h, &du, 8);
        prog_hash(&h, &f, 4);
        prog_hash(&h, &fu, 4);
        double x = (double)(int32_t)u / 4096.0;
        int32_t back32 = (int32_t)x;
        int64_t back64 = (int64_t)(x * 1e6);
        uint32_t ub = x >= 0 ? (uint32_t)x : 0;
        float xf = (float)x;
        double xd = (double)xf;
        prog_hash_u64(&h, (uint64_t)back32 ^ (uint64_t)back64 ^ ub);
        prog_hash(&h, &xd, 8);
        prog_hash_u64(&h, (uint64_t)fcvtzs_sat(ldexp(x, i % 80)));
        prog_hash_u64(&h, fcvtzu_sat(ldexp(x, i % 40)));
        _Float16 hv = (_Float16)x;
        float hb = (float)hv;
        prog_hash(&h, &hb, 4);
    }
    printf("conversions %016llx\n", (unsigned long long)h);

    static const double edge[] = { 0.5, -0.5, 1.5, -1.5, 2147483647.5, -2147483648.9,
                                   9.2233720368547748e18, -9.2233720368547758e18, 1e19,
                                   -1e19, 65504.0, 65520.0, 6e-8, 1e-8, NAN, INFINITY };
    for (unsigned i = 0; i < sizeof edge / sizeof edge[0]; i++) {
        double d = PROG_OPAQUE_FP(edge[i]);
        _Float16 hv = (_Float16)d;
        printf("%a: fcvtzs %lld fcvtzu32 %u half %a float %a\n", d,
               (long long)fcvtzs_sat(d), fcvtzu_sat(d), (double)hv, (double)(float)d);
    }

    long double a = 1, b = PROG_OPAQUE(3);
    for (int i = 0; i < 10; i++) {
        a = a * b / (b + 1) + 1.0L / 7;
        b = sqrtl(b * b + i);
    }
    printf("binary128 %La %La %.30Lg\n", a, b, a * b);
    printf("binary128 conv %lld %a %La\n", (long long)(a * 1e20L), (double)a, (long double)DBL_MAX * 2);
    return 0;
}
