/* Loops the compiler auto-vectorises at -O3 (and -O2 in GCC 12 for the
 * cheap ones): element-wise arithmetic on every type, widening and
 * narrowing, saturation idioms, min/max/abs, conditional selects,
 * reductions, interleaved (structure) accesses, gathers and strided
 * accesses, and loops with a scalar tail of every length. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "prog.h"

#define N 1027   /* not a multiple of any vector length: tails run too */

static int8_t a8[N], b8[N], c8[N];
static uint8_t ua8[N], ub8[N], uc8[N];
static int16_t a16[N], b16[N], c16[N];
static int32_t a32[N], b32[N], c32[N];
static uint32_t u32[N];
static int64_t a64[N], b64[N], c64[N];
static float af[N], bf[N], cf[N];
static double ad[N], bd[N], cd[N];
static struct { float re, im; } cx[N], cy[N];

static void init(void)
{
    prog_seed(3);
    for (int i = 0; i < N; i++) {
        uint64_t r = prog_rand();
        a8[i] = (int8_t)r; b8[i] = (int8_t)(r >> 8);
        ua8[i] = (uint8_t)(r >> 16); ub8[i] = (uint8_t)(r >> 24);
        a16[i] = (int16_t)(r >> 32); b16[i] = (int16_t)(r >> 48);
        a32[i] = (int32_t)r; b32[i] = (int32_t)(r >> 29);
        u32[i] = (uint32_t)(r >> 7);
        a64[i] = (int64_t)r; b64[i] = (int64_t)prog_rand();
        af[i] = (float)(int32_t)r / 65536.0f; bf[i] = (float)(int16_t)(r >> 40) / 256.0f;
        ad[i] = (double)(int64_t)r / 1e12; bd[i] = (double)(int32_t)(r >> 20) / 1e3;
        cx[i].re = af[i]; cx[i].im = bf[i]; cy[i].re = bf[i]; cy[i].im = -af[i];
    }
}

__attribute__((noinline)) static void kernels(int n)
{
    for (int i = 0; i < n; i++) c8[i] = (int8_t)(a8[i] + b8[i]);
    for (int i = 0; i < n; i++) {
        int s = ua8[i] + ub8[i];
        uc8[i] = (uint8_t)(s > 255 ? 255 : s);             /* UQADD */
    }
    for (int i = 0; i < n; i++) {
        int d = a8[i] - b8[i];
        c8[i] = (int8_t)(d > 127 ? 127 : d < -128 ? -128 : d); /* SQSUB */
    }
    for (int i = 0; i < n; i++) c16[i] = (int16_t)(a8[i] * b8[i]);      /* SMULL */
    for (int i = 0; i < n; i++) c16[i] = (int16_t)(c16[i] + (a16[i] >> 3));
    for (int i = 0; i < n; i++) c32[i] = a16[i] * b16[i] + c32[i];      /* SMLAL */
    for (int i = 0; i < n; i++) c32[i] = abs(a32[i] >> 1) + (b32[i] < 0 ? -b32[i] / 2 : b32[i]);
    for (int i = 0; i < n; i++) c64[i] = a64[i] * 3 - (b64[i] >> 5) + (int64_t)a32[i] * b32[i];
    for (int i = 0; i < n; i++) c32[i] = a32[i] > b32[i] ? a32[i] : b32[i];
    for (int i = 0; i < n; i++) u32[i] = (u32[i] >> 3) | (u32[i] << 29);
    for (int i = 0; i < n; i++) ua8[i] = (uint8_t)((ua8[i] + ub8[i] + 1) >> 1);  /* URHADD */
    for (int i = 0; i < n; i++) cf[i] = af[i] * bf[i] + cf[i];          /* FMLA */
    for (int i = 0; i < n; i++) cf[i] = cf[i] > 0 ? cf[i] / (1.0f + af[i] * af[i]) : -cf[i];
    for (int i = 0; i < n; i++) cd[i] = ad[i] * bd[i] - cd[i] * 0.5;
    for (int i = 0; i < n; i++) cd[i] = cd[i] < ad[i] ? ad[i] : cd[i];
    for (int i = 0; i < n; i++) cf[i] = (float)cd[i] + (float)c32[i];   /* conversions */
    for (int i = 0; i < n; i++) c32[i] = (int32_t)(af[i] * 100.0f);
    for (int i = 0; i < n; i++) {                                       /* LD2/ST2 */
        float re = cx[i].re * cy[i].re - cx[i].im * cy[i].im;
        float im = cx[i].re * cy[i].im + cx[i].im * cy[i].re;
        cx[i].re = re;
        cx[i].im = im;
    }
    for (int i = 0; i < n / 3; i++) c16[i] = (int16_t)(a16[3 * i] + a16[3 * i + 2]);  /* LD3 */
    for (int i = 0; i < n; i++) c64[i] += a64[(unsigned)a32[i] % N];    /* gather */
}

int main(void)
{
    init();
    for (int n = N - 5; n <= N; n++)
        kernels(PROG_OPAQUE(n));
    uint64_t h = PROG_HASH_INIT;
    prog_hash(&h, c8, sizeof c8);
    prog_hash(&h, uc8, sizeof uc8);
    prog_hash(&h, ua8, sizeof ua8);
    prog_hash(&h, c16, sizeof c16);
    prog_hash(&h, c32, sizeof c32);
    prog_hash(&h, u32, sizeof u32);
    prog_hash(&h, c64, sizeof c64);
    prog_hash(&h, cf, sizeof cf);
    prog_hash(&h, cd, sizeof cd);
    prog_hash(&h, cx, sizeof cx);
    printf("kernels %016llx\n", (unsigned long long)h);

    /* Reductions (integer exact; FP only with an order the compiler keeps
     * unless -ffast-math, which we do not use). */
    int64_t s8 = 0, s32 = 0, mx = INT64_MIN;
    uint32_t x = 0;
    float sf = 0;
    double sd = 0;
    int cnt = 0;
    for (int i = 0; i < N; i++) {
        s8 += a8[i];
        s32 += (int64_t)a32[i] * b16[i];
        mx = a64[i] > mx ? a64[i] : mx;
        x ^= u32[i];
        sf += af[i];
        sd += ad[i] * bd[i];
        cnt += a16[i] > b16[i];
    }
    printf("sum8 %lld dot %lld max %lld xor %08x sumf %a dotd %a count %d\n", (long long)s8,
           (long long)s32, (long long)mx, x, (double)sf, sd, cnt);
    int first = -1;
    for (int i = 0; i < N; i++) {
        if (a32[i] % 1000 == 7) {
            first = i;
            break;
        }
    }
    printf("first %d\n", first);
    return 0;
}
