/* BFloat16 (FEAT_BF16): BFCVT, BFCVTN/BFCVTN2, BFDOT (vector and by
 * element), BFMMLA, BFMLALB/BFMLALT (vector and by element).
 *
 * A BFloat16 is the top half of a single: widening is exact (the bits
 * shifted up by 16). The instructions follow three different rules:
 * - BFCVT/BFCVTN round a single to BFloat16 under FPCR (RMode, FZ, DN)
 *   and raise the usual exceptions (FPConvertBF).
 * - BFMLALB/BFMLALT are single-precision fused multiply-adds of widened
 *   inputs under FPCR (BFMulAddH is FPMulAdd).
 * - BFDOT and BFMMLA ignore FPCR (without FEAT_EBF16): each product and
 *   sum is rounded to single with round-to-odd, denormal inputs and
 *   results are flushed to zero, any NaN gives the default NaN, an
 *   overflow gives infinity, and nothing is flagged in FPSR (BFMul,
 *   BFAdd, BFRound in the Arm ARM). That arithmetic is done here exactly
 *   in integers, since no host rounding mode is round-to-odd.
 */
#include "cpu/a64-simd-common.h"

#define F32_SIGN 0x80000000u
#define F32_INF 0x7f800000u

static bool f32_is_nan(uint32_t a)
{
    return (a & 0x7fffffffu) > F32_INF;
}

/* ---- BFCVT and BFCVTN: single to BFloat16 under FPCR --------------------- */

static uint16_t bf16_from_f32(struct cpu_state *cpu, uint32_t a)
{
    uint32_t sign = a & F32_SIGN, mag = a & 0x7fffffffu;

    if (f32_is_nan(a)) {
        if (!(a & 0x00400000u))
            cpu->fpsr |= FPSR_IOC;         /* signalling */
        if (cpu->fpcr & FPCR_DN)
            return 0x7fc0;
        return (uint16_t)((a | 0x00400000u) >> 16);
    }
    if (mag == F32_INF || mag == 0)
        return (uint16_t)(a >> 16);
    if (mag < 0x00800000u && (cpu->fpcr & FPCR_FZ)) {
        cpu->fpsr |= FPSR_IDC;             /* input flushed to zero */
        return (uint16_t)(sign >> 16);
    }

    /* A BFloat16 has the single's exponent range, so rounding is rounding
     * the magnitude's bit pattern at bit 16: a carry into the exponent is
     * the correct next binade, and into 0x7f80 the correct overflow. */
    uint32_t low = mag & 0xffffu, kept = mag >> 16;
    bool up = false;
    if (low) {
        switch (fpu_fpcr_rmode(cpu)) {
        case FPU_RN:
            up = low > 0x8000u || (low == 0x8000u && (kept & 1));
            break;
        case FPU_RP:
            up = !sign;
            break;
        case FPU_RM:
            up = sign;
            break;
        default:
            break;
        }
        /* Tininess is detected before rounding, as Arm does. */
        if (mag < 0x00800000u)
            cpu->fpsr |= FPSR_UFC;
        cpu->fpsr |= FPSR_IXC;
    }
    kept += up;
    if (kept == F32_INF >> 16)
        cpu->fpsr |= FPSR_OFC;
    return (uint16_t)((sign | kept << 16) >> 16);
}

/* BFCVT Hd, Sn */
static int trans_BFCVT(struct cpu_state *cpu, uint32_t insn)
{
    uint32_t a = (uint32_t)simd_get_scalar(cpu, A64_RN(insn), 4);
    simd_put_scalar(cpu, A64_RD(insn), bf16_from_f32(cpu, a), 2);
    return A64_NEXT;
}

/* BFCVTN writes the low half and zeroes the high; BFCVTN2 writes the high
 * half and keeps the low. */
static int trans_BFCVTN(struct cpu_state *cpu, uint32_t insn)
{
    bool upper = SIMD_Q(insn);
    simd_vec n = simd_get(cpu, A64_RN(insn)), r = simd_get(cpu, A64_RD(insn));
    if (!upper)
        r.d[1] = 0;
    for (unsigned e = 0; e < 4; e++)
        r.h[(upper ? 4 : 0) + e] = bf16_from_f32(cpu, n.s[e]);
    simd_put(cpu, A64_RD(insn), &r, upper);
    return A64_NEXT;
}

/* ---- BFDOT and BFMMLA: round-to-odd single arithmetic ignoring FPCR ------ */

/* A finite non-zero value mant * 2^exp with its sign; mant < 2^64. */
struct bf_exact {
    bool neg;
    int exp;
    unsigned __int128 mant;
};

/* BFUnpack's classes: denormals count as zero and every NaN as a quiet NaN. */
enum bf_class { BF_ZERO, BF_FINITE, BF_INF, BF_NAN };

static enum bf_class bf_unpack(uint32_t a, struct bf_exact *v)
{
    unsigned e = (a >> 23) & 0xff;
    *v = (struct bf_exact){ .neg = a >> 31 };
    if (e == 0xff)
        return (a & 0x7fffffu) ? BF_NAN : BF_INF;
    if (e == 0)
        return BF_ZERO;
    v->mant = 0x800000u | (a & 0x7fffffu);
    v->exp = (int)e - 150;
    return BF_FINITE;
}

static uint32_t bf_zero(bool neg) { return neg ? F32_SIGN : 0; }
static uint32_t bf_inf(bool neg) { return (neg ? F32_SIGN : 0) | F32_INF; }

/* BFRound: to single with round-to-odd; results below the normal range
 * flush to zero, above it go to infinity. v->mant is non-zero, and any
 * discarded non-zero bits were already folded into its lowest bit. */
static uint32_t bf_round(const struct bf_exact *v)
{
    int len = 128 - (v->mant >> 64 ? __builtin_clzll((uint64_t)(v->mant >> 64))
                                   : 64 + __builtin_clzll((uint64_t)v->mant));
    int exponent = v->exp + len - 1;   /* value in [2^exponent, 2^(exponent+1)) */
    if (exponent < -126)
        return bf_zero(v->neg);
    if (exponent > 127)
        return bf_inf(v->neg);
    uint32_t m;
    if (len > 24) {
        unsigned __int128 rest = v->mant & (((unsigned __int128)1 << (len - 24)) - 1);
        m = (uint32_t)(v->mant >> (len - 24)) | (rest != 0);
    } else {
        m = (uint32_t)(v->mant << (24 - len));
    }
    return bf_zero(v->neg) | (uint32_t)(exponent + 127) << 23 | (m & 0x7fffffu);
}

/* BFMul of two singles (the widened BFloat16s). */
static uint32_t bf_mul(uint32_t a, uint32_t b)
{
    struct bf_exact x, y;
    enum bf_class ca = bf_unpack(a, &x), cb = bf_unpack(b, &y);
    bool neg = x.neg != y.neg;
    if (ca == BF_NAN || cb == BF_NAN)
        return FPU_DEFAULT_NAN32;
    if ((ca == BF_INF && cb == BF_ZERO) || (ca == BF_ZERO && cb == BF_INF))
        return FPU_DEFAULT_NAN32;
    if (ca == BF_INF || cb == BF_INF)
        return bf_inf(neg);
    if (ca == BF_ZERO || cb == BF_ZERO)
        return bf_zero(neg);
    struct bf_exact p = { neg, x.exp + y.exp, x.mant * y.mant };
    return bf_round(&p);
}

/* BFAdd of two singles. */
static uint32_t bf_add(uint32_t a, uint32_t b)
{
    struct bf_exact x, y;
    enum bf_class ca = bf_unpack(a, &x), cb = bf_unpack(b, &y);
    if (ca == BF_NAN || cb == BF_NAN)
        return FPU_DEFAULT_NAN32;
    if (ca == BF_INF && cb == BF_INF && x.neg != y.neg)
        return FPU_DEFAULT_NAN32;
    if (ca == BF_INF)
        return bf_inf(x.neg);
    if (cb == BF_INF)
        return bf_inf(y.neg);
    if (ca == BF_ZERO && cb == BF_ZERO)
        return bf_zero(x.neg && y.neg);
    if (ca == BF_ZERO)
        return bf_round(&y);
    if (cb == BF_ZERO)
        return bf_round(&x);

    /* Put the larger exponent 64 bits up; the other operand either lines
     * up exactly or (more than 64 places below) becomes a sticky bit. The
     * big operand's low bits are then zero, so a sticky operand leaves
     * the sum odd and the rounding sees it as inexact. */
    if (x.exp < y.exp) {
        struct bf_exact t = x;
        x = y;
        y = t;
    }
    int base = x.exp - 64;
    unsigned __int128 big = x.mant << 64, small;
    int gap = y.exp - base;
    if (gap >= 0)
        small = y.mant << gap;
    else if (-gap >= 64)
        small = 1;
    else
        small = (y.mant >> -gap) | ((y.mant & ((1ull << -gap) - 1)) != 0);

    struct bf_exact s = { x.neg, base, 0 };
    if (x.neg == y.neg) {
        s.mant = big + small;
    } else if (big >= small) {
        s.mant = big - small;
    } else {
        s.mant = small - big;
        s.neg = y.neg;
    }
    if (s.mant == 0)
        return 0;                      /* exact cancellation is +0 */
    return bf_round(&s);
}

/* BFDotAdd: addend + (n_lo * m_lo + n_hi * m_hi) on a pair of BFloat16s. */
static uint32_t bf_dot_add(uint32_t addend, uint32_t n_pair, uint32_t m_pair)
{
    uint32_t lo = bf_mul(n_pair << 16, m_pair << 16);
    uint32_t hi = bf_mul(n_pair & 0xffff0000u, m_pair & 0xffff0000u);
    return bf_add(addend, bf_add(lo, hi));
}

/* BFDOT Vd.<2S|4S>, Vn.<4H|8H>, Vm.<4H|8H> */
static int trans_BFDOT(struct cpu_state *cpu, uint32_t insn)
{
    unsigned q = SIMD_Q(insn);
    simd_vec n = simd_get(cpu, A64_RN(insn)), m = simd_get(cpu, A64_RM(insn));
    simd_vec d = simd_get(cpu, A64_RD(insn));
    for (unsigned e = 0; e < (q ? 4u : 2u); e++)
        d.s[e] = bf_dot_add(d.s[e], n.s[e], m.s[e]);
    simd_put(cpu, A64_RD(insn), &d, q);
    return A64_NEXT;
}

/* BFDOT Vd.<2S|4S>, Vn.<4H|8H>, Vm.2H[H:L]; Rm is all five bits. */
static int trans_BFDOT_elem(struct cpu_state *cpu, uint32_t insn)
{
    unsigned q = SIMD_Q(insn);
    unsigned index = a64_bits(insn, 11, 1) << 1 | a64_bits(insn, 21, 1);
    simd_vec n = simd_get(cpu, A64_RN(insn)), m = simd_get(cpu, A64_RM(insn));
    simd_vec d = simd_get(cpu, A64_RD(insn));
    for (unsigned e = 0; e < (q ? 4u : 2u); e++)
        d.s[e] = bf_dot_add(d.s[e], n.s[e], m.s[index]);
    simd_put(cpu, A64_RD(insn), &d, q);
    return A64_NEXT;
}

/* BFMMLA Vd.4S, Vn.8H, Vm.8H: Vd (2x2) += Vn (2x4) * Vm^T (4x2). */
static int trans_BFMMLA(struct cpu_state *cpu, uint32_t insn)
{
    simd_vec n = simd_get(cpu, A64_RN(insn)), m = simd_get(cpu, A64_RM(insn));
    simd_vec d = simd_get(cpu, A64_RD(insn)), r;
    for (unsigned i = 0; i < 2; i++) {
        for (unsigned j = 0; j < 2; j++) {
            uint32_t sum = d.s[2 * i + j];
            for (unsigned k = 0; k < 2; k++)
                sum = bf_dot_add(sum, n.s[2 * i + k], m.s[2 * j + k]);
            r.s[2 * i + j] = sum;
        }
    }
    simd_put(cpu, A64_RD(insn), &r, true);
    return A64_NEXT;
}

/* ---- BFMLALB/BFMLALT: fused multiply-add in single under FPCR ------------- */

/* Q selects the even (B) or odd (T) BFloat16 of each word of Vn (and of
 * Vm for the vector form). */
static int trans_BFMLAL(struct cpu_state *cpu, uint32_t insn)
{
    unsigned top = SIMD_Q(insn);
    simd_vec n = simd_get(cpu, A64_RN(insn)), m = simd_get(cpu, A64_RM(insn));
    simd_vec d = simd_get(cpu, A64_RD(insn));
    for (unsigned e = 0; e < 4; e++)
        d.s[e] = fpu32_muladd(cpu, d.s[e], (uint32_t)n.h[2 * e + top] << 16,
                              (uint32_t)m.h[2 * e + top] << 16);
    simd_put(cpu, A64_RD(insn), &d, true);
    return A64_NEXT;
}

/* BFMLALB/T Vd.4S, Vn.8H, Vm.H[H:L:M]; Rm is V0-V15. */
static int trans_BFMLAL_elem(struct cpu_state *cpu, uint32_t insn)
{
    unsigned top = SIMD_Q(insn);
    unsigned index = a64_bits(insn, 11, 1) << 2 | a64_bits(insn, 20, 2);
    simd_vec n = simd_get(cpu, A64_RN(insn));
    simd_vec m = simd_get(cpu, a64_bits(insn, 16, 4));
    simd_vec d = simd_get(cpu, A64_RD(insn));
    uint32_t mval = (uint32_t)m.h[index] << 16;
    for (unsigned e = 0; e < 4; e++)
        d.s[e] = fpu32_muladd(cpu, d.s[e], (uint32_t)n.h[2 * e + top] << 16, mval);
    simd_put(cpu, A64_RD(insn), &d, true);
    return A64_NEXT;
}

/* Field letters: q Q, l L, k M, h H, m Rm, n Rn, d Rd. */
const struct a64_pattern a64_simd_bf16_patterns[] = {
    A64_PATTERN(BFCVT,         "0001_1110_0110_0011_0100_00nn_nnnd_dddd"),
    A64_PATTERN(BFCVTN,        "0q00_1110_1010_0001_0110_10nn_nnnd_dddd"),
    A64_PATTERN(BFDOT,         "0q10_1110_010m_mmmm_1111_11nn_nnnd_dddd"),
    A64_PATTERN(BFDOT_elem,    "0q00_1111_01lm_mmmm_1111_h0nn_nnnd_dddd"),
    A64_PATTERN(BFMMLA,        "0110_1110_010m_mmmm_1110_11nn_nnnd_dddd"),
    A64_PATTERN(BFMLAL,        "0q10_1110_110m_mmmm_1111_11nn_nnnd_dddd"),
    A64_PATTERN(BFMLAL_elem,   "0q00_1111_11lk_mmmm_1111_h0nn_nnnd_dddd"),
    A64_PATTERN_END,
};
