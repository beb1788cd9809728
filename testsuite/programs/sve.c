/* Loops that GCC vectorises with SVE (built with -march=armv8.2-a+sve in
 * the "sve" flag set): floating-point arithmetic, fused multiply-add,
 * division and square root, conversions, rounding, compares and selects,
 * reductions, gathers and scatters, structure loads, integer dot products
 * and divisions; and glibc's string functions, which use their SVE forms
 * when the kernel advertises SVE. Array lengths are not multiples of any
 * vector length, so the predicated tails run too. The reductions that
 * -ffast-math reorders add small integers, so every order gives the same
 * sum and the output does not depend on the vector length. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "prog.h"

#define N 1003

static float fa[N], fb[N], fc[N];
static double da[N], db[N], dc[N];
static int32_t ia[N], ib[N], ic[N];
static int64_t la[N], lb[N];
static uint32_t idx[N];
static int8_t sa[4 * N], sb[4 * N];

static float rand_float(void)
{
    /* Mostly ordinary values, with zeros, negatives and a few large ones. */
    uint64_t r = prog_rand();
    switch (r % 16) {
    case 0: return 0.0f;
    case 1: return -0.0f;
    case 2: return (float)(int64_t)(r >> 20) * 1e-3f;
    default: return (float)((int64_t)(r >> 32) % 20001 - 10000) / 64.0f;
    }
}

static void fill(void)
{
    for (int i = 0; i < N; i++) {
        fa[i] = rand_float();
        fb[i] = rand_float();
        da[i] = (double)rand_float() * 1.000001;
        db[i] = (double)rand_float() + 0.25;
        ia[i] = (int32_t)prog_rand();
        ib[i] = (int32_t)(prog_rand() % 2001) - 1000;
        la[i] = (int64_t)prog_rand();
        lb[i] = (int64_t)(prog_rand() % 4001) - 2000;
        idx[i] = (uint32_t)(prog_rand() % N);
    }
    for (int i = 0; i < 4 * N; i++) {
        sa[i] = (int8_t)prog_rand();
        sb[i] = (int8_t)prog_rand();
    }
}

static void report(const char *what, const void *p, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ull;
    prog_hash(&h, p, n);
    printf("%-12s %016llx\n", what, (unsigned long long)h);
}

static void __attribute__((noinline)) fp_arith(void)
{
    for (int i = 0; i < N; i++)
        fc[i] = fa[i] * 1.5f + fb[i];
    report("fmla.s", fc, sizeof fc);
    for (int i = 0; i < N; i++)
        dc[i] = da[i] * db[i] - dc[i] / 3.0;
    report("fmul.d", dc, sizeof dc);
    for (int i = 0; i < N; i++)
        fc[i] = (fa[i] - fb[i]) / (fb[i] + 0.5f);
    report("fdiv.s", fc, sizeof fc);
    for (int i = 0; i < N; i++)
        dc[i] = fabs(da[i]) - fmax(da[i], db[i]) + fmin(da[i], -db[i]);
    report("fminmax.d", dc, sizeof dc);
    for (int i = 0; i < N; i++)
        fc[i] = copysignf(fa[i], fb[i]) * -fb[i];
    report("fsign.s", fc, sizeof fc);
}

static void __attribute__((noinline, optimize("no-math-errno"))) fp_sqrt(void)
{
    for (int i = 0; i < N; i++)
        dc[i] = sqrt(fabs(da[i])) + sqrt(db[i]);
    report("fsqrt.d", dc, sizeof dc);
    for (int i = 0; i < N; i++)
        fc[i] = sqrtf(fa[i]);
    report("fsqrt.s", fc, sizeof fc);
}

static void __attribute__((noinline)) fp_round(void)
{
    for (int i = 0; i < N; i++)
        fc[i] = floorf(fa[i]) + ceilf(fb[i]) * 2 + truncf(fa[i] * 3);
    report("frint.s", fc, sizeof fc);
    for (int i = 0; i < N; i++)
        dc[i] = round(da[i] * 7) - rint(db[i] * 5) + nearbyint(da[i] * 9);
    report("frint.d", dc, sizeof dc);
}

static void __attribute__((noinline)) conversions(void)
{
    for (int i = 0; i < N; i++)
        ic[i] = (int32_t)(fa[i] * 100.0f);
    report("fcvtzs.s", ic, sizeof ic);
    for (int i = 0; i < N; i++)
        fc[i] = (float)ia[i] + (float)(uint32_t)ib[i];
    report("scvtf.s", fc, sizeof fc);
    for (int i = 0; i < N; i++)
        dc[i] = (double)fa[i] + (double)la[i];
    report("fcvt.d", dc, sizeof dc);
    for (int i = 0; i < N; i++)
        fc[i] = (float)(da[i] * 1e30);
    report("fcvt.s", fc, sizeof fc);
    for (int i = 0; i < N; i++)
        lb[i] = (int64_t)(db[i] * 1e6) + (int64_t)(uint64_t)fabs(da[i] * 1e3);
    report("fcvtzs.d", lb, sizeof lb);
}

static void __attribute__((noinline)) compares(void)
{
    for (int i = 0; i < N; i++)
        fc[i] = fa[i] < fb[i] ? fa[i] : fb[i] * 2.0f;
    report("fcmp.s", fc, sizeof fc);
    for (int i = 0; i < N; i++)
        if (da[i] >= db[i])
            dc[i] = da[i] - db[i];
    report("fcmge.d", dc, sizeof dc);
    int count = 0;
    for (int i = 0; i < N; i++)
        count += fa[i] != fa[i] * 0.5f;
    printf("fcmne.s      %d\n", count);
}

/* Strictly ordered sums (FADDA), and fast-math tree reductions of small
 * integers (exact in any order). */
static void __attribute__((noinline)) ordered_sums(void)
{
    float s = 0;
    double d = 1.0;
    for (int i = 0; i < N; i++)
        s += fa[i];
    for (int i = 0; i < N; i++)
        d += da[i] * db[i];
    printf("fadda        %a %a\n", s, d);
}

static void __attribute__((noinline, optimize("fast-math"))) fast_sums(void)
{
    float s = 0, mx = -1e30f, mn = 1e30f;
    double d = 0;
    for (int i = 0; i < N; i++) {
        float v = (float)(ib[i] % 100);
        s += v;
        mx = mx > v ? mx : v;
        mn = mn < v ? mn : v;
    }
    for (int i = 0; i < N; i++)
        d += (double)(lb[i] % 1000);
    printf("faddv        %a %a %a %a\n", s, mx, mn, d);
}

static void __attribute__((noinline)) gathers(void)
{
    float s = 0;
    for (int i = 0; i < N; i++)
        fc[i] = fa[idx[i]] + fb[i];
    report("gather.s", fc, sizeof fc);
    for (int i = 0; i < N; i++)
        dc[idx[i]] = da[i] * 2;
    report("scatter.d", dc, sizeof dc);
    for (int i = 0; i < N; i++)
        s += fb[idx[i] / 2];
    printf("gathersum    %a\n", s);
    int64_t t = 0;
    for (int i = 0; i < N; i++)
        t += la[idx[i]] ^ ib[idx[N - 1 - i]];
    printf("gather.d     %lld\n", (long long)t);
}

/* Interleaved data: LD2/ST2 and LD3. */
struct cplx { float re, im; };
struct rgb { int32_t r, g, b; };
static struct cplx ca[N], cb[N], cc[N];
static struct rgb px[N];

static void __attribute__((noinline)) structures(void)
{
    for (int i = 0; i < N; i++) {
        ca[i].re = fa[i];
        ca[i].im = fb[i];
        cb[i].re = fb[i];
        cb[i].im = -fa[i] * 0.5f;
        px[i].r = ia[i] & 0xff;
        px[i].g = ib[i];
        px[i].b = (int32_t)(idx[i]);
    }
    for (int i = 0; i < N; i++) {
        cc[i].re = ca[i].re * cb[i].re - ca[i].im * cb[i].im;
        cc[i].im = ca[i].re * cb[i].im + ca[i].im * cb[i].re;
    }
    report("cmul.s", cc, sizeof cc);
    int64_t lum = 0;
    for (int i = 0; i < N; i++)
        lum += px[i].r * 3 + px[i].g * 6 + px[i].b;
    printf("ld3          %lld\n", (long long)lum);
}

static void __attribute__((noinline)) integers(void)
{
    int32_t dot = 0;
    for (int i = 0; i < 4 * N; i++)
        dot += sa[i] * sb[i];
    printf("sdot         %d\n", dot);
    for (int i = 0; i < N; i++)
        ic[i] = ib[i] ? ia[i] / ib[i] : ia[i] % 7;
    report("sdiv.s", ic, sizeof ic);
    for (int i = 0; i < N; i++)
        lb[i] = la[i] / (lb[i] | 1) + (la[i] < 0 ? -la[i] : la[i]);
    report("sdiv.d", lb, sizeof lb);
    for (int i = 0; i < N; i++)
        ic[i] = __builtin_popcount((unsigned)ia[i]) + (ia[i] > ib[i] ? ia[i] : ib[i]);
    report("cnt.s", ic, sizeof ic);
    uint32_t mx = 0;
    for (int i = 0; i < N; i++)
        mx = mx > (uint32_t)ia[i] ? mx : (uint32_t)ia[i];
    printf("umaxv        %u\n", mx);
}

/* glibc's string and memory functions over many sizes and alignments. */
static void strings(void)
{
    static char src[4096 + 64], dst[4096 + 64];
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < sizeof src; i++)
        src[i] = (char)('a' + prog_rand() % 26);
    for (size_t len = 0; len < 600; len += 1 + len / 8) {
        for (size_t off = 0; off < 17; off += 5) {
            memset(dst, (int)len, sizeof dst);
            memcpy(dst + off, src + (len % 13), len);
            prog_hash(&h, dst, len + 32);
            memmove(dst + 3, dst, len);
            prog_hash(&h, dst, len + 32);
            memmove(dst, dst + 7, len);
            prog_hash(&h, dst, len + 32);
            dst[off + len] = 0;
            prog_hash_u64(&h, strlen(dst + off));
            prog_hash_u64(&h, (uint64_t)(memchr(src + off, 'q', len) != NULL));
            prog_hash_u64(&h, (uint64_t)(int64_t)memcmp(src, dst, len));
            src[len + off] = 0;
            prog_hash_u64(&h, (uint64_t)(int64_t)(strcmp(src + off, dst + off) > 0));
            char *c = strchr(src + off, 'z');
            prog_hash_u64(&h, c ? (uint64_t)(c - src) : 0);
            src[len + off] = 'k';
        }
    }
    printf("strings      %016llx\n", (unsigned long long)h);
    char *big = malloc(1 << 20), *big2 = malloc(1 << 20);
    for (int i = 0; i < 1 << 20; i++)
        big[i] = (char)(i * 31 + (i >> 9));
    memcpy(big2, big, 1 << 20);
    memmove(big2 + 1, big2, (1 << 20) - 1);
    memset(big + 100, 7, 70000);
    report("bigcopy", big2, 1 << 20);
    report("bigset", big, 1 << 20);
    free(big);
    free(big2);
}

int main(void)
{
    prog_seed(2024);
    fill();
    fp_arith();
    fp_sqrt();
    fp_round();
    conversions();
    compares();
    ordered_sums();
    fast_sums();
    gathers();
    structures();
    integers();
    strings();
    return 0;
}
