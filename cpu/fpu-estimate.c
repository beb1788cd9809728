/* FRECPE, FRSQRTE, URECPE, URSQRTE: the architecture's reciprocal and
 * reciprocal square root estimates (FPRecipEstimate, FPRSqrtEstimate),
 * computed with its integer algorithm, for half, single and double. */
#include "cpu/fpu-internal.h"

/* RecipEstimate: a in 256..511 is a fixed-point 0.5 <= x < 1 in steps of
 * 1/512; the result in 256..511 is 1/x in [1, 2) in steps of 1/256. */
static unsigned recip_estimate(unsigned a)
{
    a = a * 2 + 1;
    unsigned b = (1u << 19) / a;
    return (b + 1) / 2;
}

/* RecipSqrtEstimate: a in 128..511 (0.25 <= x < 1); result 256..511. */
static unsigned rsqrt_estimate(unsigned a)
{
    if (a < 256)
        a = a * 2 + 1;
    else
        a = (((a >> 1) << 1) + 1) * 2;
    uint64_t b = 512;
    while ((uint64_t)a * (b + 1) * (b + 1) < (1ull << 28))
        b++;
    return (unsigned)((b + 1) / 2);
}

/* Layout of an n-bit format. */
struct est_fmt {
    unsigned n, ebits, fbits;
};

static struct est_fmt est_fmt(unsigned n)
{
    switch (n) {
    case 16:
        return (struct est_fmt){ 16, 5, 10 };
    case 32:
        return (struct est_fmt){ 32, 8, 23 };
    default:
        return (struct est_fmt){ 64, 11, 52 };
    }
}

static uint64_t est_sign_bit(struct est_fmt f) { return 1ull << (f.n - 1); }
static uint64_t est_inf(struct est_fmt f) { return ((1ull << f.ebits) - 1) << f.fbits; }
static uint64_t est_default_nan(struct est_fmt f)
{
    return est_inf(f) | 1ull << (f.fbits - 1);
}

/* The operand's fraction widened to 52 bits, and its biased exponent. */
static void est_unpack(struct est_fmt f, uint64_t a, uint64_t *fraction, int *exp)
{
    *fraction = (a & ((1ull << f.fbits) - 1)) << (52 - f.fbits);
    *exp = (int)((a >> f.fbits) & ((1u << f.ebits) - 1));
}

static uint64_t est_pack(struct est_fmt f, uint64_t sign, int result_exp,
                         uint64_t fraction)
{
    return sign << (f.n - 1) |
           (uint64_t)((unsigned)result_exp & ((1u << f.ebits) - 1)) << f.fbits |
           fraction >> (52 - f.fbits);
}

uint64_t fpu_recpe(struct cpu_state *cpu, uint64_t a, unsigned n)
{
    struct est_fmt f = est_fmt(n);
    uint64_t sign_bit = est_sign_bit(f), inf = est_inf(f), nan;
    a = fpu_flush_in_n(cpu, a, n);
    if (fpu_process_nan_n(cpu, a, n, &nan))
        return nan;
    uint64_t sign = (a & sign_bit) != 0, mag = a & ~sign_bit;
    if (mag == inf)
        return sign * sign_bit;
    if (mag == 0) {
        cpu->fpsr |= FPSR_DZC;
        return sign * sign_bit | inf;
    }
    int bias = (1 << (f.ebits - 1)) - 1;
    /* |x| < 2^-(bias+1): the reciprocal overflows. That is a denormal
     * whose top two fraction bits are clear. */
    if (mag < (1ull << (f.fbits - 2))) {
        enum fpu_rmode rm = fpu_fpcr_rmode(cpu);
        bool to_inf = rm == FPU_RN || (rm == FPU_RP && !sign) ||
                      (rm == FPU_RM && sign);
        cpu->fpsr |= FPSR_OFC | FPSR_IXC;
        return sign * sign_bit | (to_inf ? inf : inf - 1);
    }
    /* |x| >= 2^(bias-1) under flush to zero: the reciprocal is flushed. */
    bool fz = n == 16 ? (cpu->fpcr & FPCR_FZ16) : (cpu->fpcr & FPCR_FZ);
    if (fz && mag >= ((uint64_t)(2 * bias - 1) << f.fbits)) {
        cpu->fpsr |= FPSR_UFC;
        return sign * sign_bit;
    }
    uint64_t fraction;
    int exp;
    est_unpack(f, a, &fraction, &exp);
    if (exp == 0) {
        if (!(fraction >> 51 & 1)) {
            exp = -1;
            fraction = (fraction << 2) & 0x000fffffffffffffull;
        } else {
            fraction = (fraction << 1) & 0x000fffffffffffffull;
        }
    }
    unsigned scaled = (unsigned)(256 | fraction >> 44);
    int result_exp = 2 * bias - 1 - exp;
    unsigned estimate = recip_estimate(scaled);
    fraction = (uint64_t)(estimate & 0xff) << 44;
    if (result_exp == 0) {
        fraction = 1ull << 51 | fraction >> 1;
    } else if (result_exp == -1) {
        fraction = 1ull << 50 | fraction >> 2;
        result_exp = 0;
    }
    return est_pack(f, sign, result_exp, fraction);
}

uint64_t fpu_rsqrte(struct cpu_state *cpu, uint64_t a, unsigned n)
{
    struct est_fmt f = est_fmt(n);
    uint64_t sign_bit = est_sign_bit(f), inf = est_inf(f), nan;
    a = fpu_flush_in_n(cpu, a, n);
    if (fpu_process_nan_n(cpu, a, n, &nan))
        return nan;
    uint64_t mag = a & ~sign_bit;
    if (mag == 0) {
        cpu->fpsr |= FPSR_DZC;
        return (a & sign_bit) | inf;
    }
    if (a & sign_bit) {
        cpu->fpsr |= FPSR_IOC;
        return est_default_nan(f);
    }
    if (mag == inf)
        return 0;
    uint64_t fraction;
    int exp;
    est_unpack(f, a, &fraction, &exp);
    if (exp == 0) {
        while (!(fraction >> 51 & 1)) {
            fraction = (fraction << 1) & 0x000fffffffffffffull;
            exp--;
        }
        fraction = (fraction << 1) & 0x000fffffffffffffull;
    }
    /* An even biased exponent is an odd unbiased one: 0.25 <= x < 0.5. */
    unsigned scaled = (exp & 1) ? (unsigned)(128 | fraction >> 45)
                                : (unsigned)(256 | fraction >> 44);
    int bias = (1 << (f.ebits - 1)) - 1;
    int result_exp = (3 * bias - 1 - exp) / 2;
    unsigned estimate = rsqrt_estimate(scaled);
    return est_pack(f, 0, result_exp, (uint64_t)(estimate & 0xff) << 44);
}

uint32_t fpu_urecpe(uint32_t a)
{
    if (!(a >> 31))
        return UINT32_MAX;
    return (recip_estimate(a >> 23) & 0x1ff) << 23;
}

uint32_t fpu_ursqrte(uint32_t a)
{
    if (!(a >> 30))
        return UINT32_MAX;
    return (rsqrt_estimate(a >> 23) & 0x1ff) << 23;
}
