/* Half-precision arithmetic with Arm semantics (FPCR.FZ16 rather than FZ,
 * default NaN 0x7e00). Operands widen exactly to double; each operation
 * runs once on the host in round-to-odd, which keeps enough information
 * for the one correct rounding to half that follows (53 >= 11 + 2 bits),
 * including the sticky bit, so flags and tininess come out as Arm's. */
#include <fenv.h>
#include <math.h>
#include <string.h>

#include "cpu/fpu-internal.h"

#define H_SIGN 0x8000u
#define H_EXP 0x7c00u
#define H_QUIET 0x0200u
#define H_TWO 0x4000u
#define H_ONE_POINT_FIVE 0x3e00u

static bool h_is_nan(uint16_t h) { return (h & 0x7fff) > H_EXP; }
static bool h_is_snan(uint16_t h) { return h_is_nan(h) && !(h & H_QUIET); }
static bool h_is_inf(uint16_t h) { return (h & 0x7fff) == H_EXP; }
static bool h_is_zero(uint16_t h) { return (h & 0x7fff) == 0; }

/* Under FZ16 a denormal input reads as zero; unlike FZ for single and
 * double, this raises no Input Denormal exception. */
uint16_t fpu16_flush_in(struct cpu_state *cpu, uint16_t h)
{
    if ((cpu->fpcr & FPCR_FZ16) && (h & H_EXP) == 0)
        return h & H_SIGN;
    return h;
}

static uint16_t h_quiet(struct cpu_state *cpu, uint16_t h)
{
    return (cpu->fpcr & FPCR_DN) ? FPU_DEFAULT_NAN16 : (h | H_QUIET);
}

bool fpu16_process_nans(struct cpu_state *cpu, const uint16_t *ops, int n,
                        uint16_t *out)
{
    for (int i = 0; i < n; i++) {
        if (h_is_snan(ops[i])) {
            cpu->fpsr |= FPSR_IOC;
            *out = h_quiet(cpu, ops[i]);
            return true;
        }
    }
    for (int i = 0; i < n; i++) {
        if (h_is_nan(ops[i])) {
            *out = h_quiet(cpu, ops[i]);
            return true;
        }
    }
    return false;
}

/* Exact value of a non-NaN IEEE half, infinities included. Arithmetic
 * always reads exponent 31 as infinity: FPCR.AHP changes only the
 * conversions (fpu_cvt_from_16/fpu_cvt_to_16), never FPUnpack for
 * arithmetic, so there is no "65536" here. */
static double h_val(uint16_t h)
{
    unsigned exp = (h >> 10) & 31, frac = h & 0x3ff;
    double v;
    if (exp == 31)
        v = INFINITY;
    else
        v = exp ? ldexp(1024 + frac, (int)exp - 25) : ldexp(frac, -24);
    return (h & H_SIGN) ? -v : v;
}

/* Compute op on doubles in round-to-odd, then round to half. */
static uint16_t h_round_op(struct cpu_state *cpu, enum fpu_op op, double a,
                           double b, double c)
{
    int exc;
    double r = fpu_f64_calc(op, FPU_RO, a, b, c, 0, &exc);
    if (isnan(r)) {
        cpu->fpsr |= FPSR_IOC;
        return FPU_DEFAULT_NAN16;
    }
    if (exc & FE_DIVBYZERO)
        cpu->fpsr |= FPSR_DZC;
    /* Half operands are far from double's range, so an infinite result
     * comes from an infinite operand or a division by zero: exact, with
     * no overflow. */
    if (isinf(r))
        return signbit(r) ? (H_SIGN | H_EXP) : H_EXP;
    if (r == 0) {
        /* Round-to-odd never yields an inexact zero, so this zero is
         * exact; its sign depends on the real rounding mode (x - x is -0
         * only when rounding down). */
        r = fpu_f64_calc(op, fpu_fpcr_rmode(cpu), a, b, c, 0, &exc);
    }
    return fpu_round_to_16(cpu, r, fpu_fpcr_rmode(cpu), false,
                           cpu->fpcr & FPCR_FZ16);
}

static uint16_t h_arith2(struct cpu_state *cpu, enum fpu_op op, uint16_t a,
                         uint16_t b)
{
    uint16_t ops[2] = { fpu16_flush_in(cpu, a), fpu16_flush_in(cpu, b) }, nan;
    if (fpu16_process_nans(cpu, ops, 2, &nan))
        return nan;
    return h_round_op(cpu, op, h_val(ops[0]), h_val(ops[1]), 0);
}

uint16_t fpu16_add(struct cpu_state *cpu, uint16_t a, uint16_t b) { return h_arith2(cpu, FPU_OP_ADD, a, b); }
uint16_t fpu16_sub(struct cpu_state *cpu, uint16_t a, uint16_t b) { return h_arith2(cpu, FPU_OP_SUB, a, b); }
uint16_t fpu16_mul(struct cpu_state *cpu, uint16_t a, uint16_t b) { return h_arith2(cpu, FPU_OP_MUL, a, b); }
uint16_t fpu16_div(struct cpu_state *cpu, uint16_t a, uint16_t b) { return h_arith2(cpu, FPU_OP_DIV, a, b); }

uint16_t fpu16_abd(struct cpu_state *cpu, uint16_t a, uint16_t b)
{
    return fpu16_abs(h_arith2(cpu, FPU_OP_SUB, a, b));
}

static bool inf_times_zero(uint16_t a, uint16_t b)
{
    return (h_is_inf(a) && h_is_zero(b)) || (h_is_zero(a) && h_is_inf(b));
}

uint16_t fpu16_mulx(struct cpu_state *cpu, uint16_t a, uint16_t b)
{
    uint16_t ops[2] = { fpu16_flush_in(cpu, a), fpu16_flush_in(cpu, b) }, nan;
    if (fpu16_process_nans(cpu, ops, 2, &nan))
        return nan;
    if (inf_times_zero(ops[0], ops[1]))
        return H_TWO | ((ops[0] ^ ops[1]) & H_SIGN);
    return h_round_op(cpu, FPU_OP_MUL, h_val(ops[0]), h_val(ops[1]), 0);
}

uint16_t fpu16_sqrt(struct cpu_state *cpu, uint16_t a)
{
    uint16_t op = fpu16_flush_in(cpu, a), nan;
    if (fpu16_process_nans(cpu, &op, 1, &nan))
        return nan;
    return h_round_op(cpu, FPU_OP_SQRT, h_val(op), 0, 0);
}

uint16_t fpu16_muladd(struct cpu_state *cpu, uint16_t addend, uint16_t a,
                      uint16_t b)
{
    uint16_t ops[3] = { fpu16_flush_in(cpu, addend), fpu16_flush_in(cpu, a),
                        fpu16_flush_in(cpu, b) }, nan;
    if (h_is_nan(ops[0]) && !h_is_snan(ops[0]) && inf_times_zero(ops[1], ops[2])) {
        cpu->fpsr |= FPSR_IOC;
        return FPU_DEFAULT_NAN16;
    }
    if (fpu16_process_nans(cpu, ops, 3, &nan))
        return nan;
    return h_round_op(cpu, FPU_OP_FMA, h_val(ops[1]), h_val(ops[2]), h_val(ops[0]));
}

uint16_t fpu16_recps(struct cpu_state *cpu, uint16_t a, uint16_t b)
{
    uint16_t ops[2] = { fpu16_neg(fpu16_flush_in(cpu, a)), fpu16_flush_in(cpu, b) };
    uint16_t nan;
    if (fpu16_process_nans(cpu, ops, 2, &nan))
        return nan;
    if (inf_times_zero(ops[0], ops[1]))
        return H_TWO;
    return h_round_op(cpu, FPU_OP_FMA, h_val(ops[0]), h_val(ops[1]), 2);
}

uint16_t fpu16_rsqrts(struct cpu_state *cpu, uint16_t a, uint16_t b)
{
    uint16_t ops[2] = { fpu16_neg(fpu16_flush_in(cpu, a)), fpu16_flush_in(cpu, b) };
    uint16_t nan;
    if (fpu16_process_nans(cpu, ops, 2, &nan))
        return nan;
    if (inf_times_zero(ops[0], ops[1]))
        return H_ONE_POINT_FIVE;
    /* A half product is exact in double and halving it is too, so
     * (3 - a*b) / 2 = 1.5 - (a/2)*b with one (odd) rounding. */
    return h_round_op(cpu, FPU_OP_FMA, h_val(ops[0]) / 2, h_val(ops[1]), 1.5);
}

static uint16_t h_maxmin(struct cpu_state *cpu, uint16_t a, uint16_t b,
                         bool is_max)
{
    uint16_t ops[2] = { fpu16_flush_in(cpu, a), fpu16_flush_in(cpu, b) }, nan;
    if (fpu16_process_nans(cpu, ops, 2, &nan))
        return nan;
    if (h_is_zero(ops[0]) && h_is_zero(ops[1]))
        return is_max ? (ops[0] & ops[1]) : (ops[0] | ops[1]);
    double x = h_val(ops[0]), y = h_val(ops[1]);
    return (is_max ? x > y : x < y) ? ops[0] : ops[1];
}

static uint16_t h_maxmin_num(struct cpu_state *cpu, uint16_t a, uint16_t b,
                             bool is_max)
{
    uint16_t far = is_max ? (H_SIGN | H_EXP) : H_EXP;
    bool qa = h_is_nan(a) && !h_is_snan(a), qb = h_is_nan(b) && !h_is_snan(b);
    if (qa && !qb)
        a = far;
    else if (qb && !qa)
        b = far;
    return h_maxmin(cpu, a, b, is_max);
}

uint16_t fpu16_max(struct cpu_state *cpu, uint16_t a, uint16_t b) { return h_maxmin(cpu, a, b, true); }
uint16_t fpu16_min(struct cpu_state *cpu, uint16_t a, uint16_t b) { return h_maxmin(cpu, a, b, false); }
uint16_t fpu16_maxnm(struct cpu_state *cpu, uint16_t a, uint16_t b) { return h_maxmin_num(cpu, a, b, true); }
uint16_t fpu16_minnm(struct cpu_state *cpu, uint16_t a, uint16_t b) { return h_maxmin_num(cpu, a, b, false); }

uint32_t fpu16_compare(struct cpu_state *cpu, uint16_t a, uint16_t b,
                       bool signal_nans)
{
    a = fpu16_flush_in(cpu, a);
    b = fpu16_flush_in(cpu, b);
    if (h_is_nan(a) || h_is_nan(b)) {
        if (signal_nans || h_is_snan(a) || h_is_snan(b))
            cpu->fpsr |= FPSR_IOC;
        return CPU_NZCV_C | CPU_NZCV_V;
    }
    double x = h_val(a), y = h_val(b);
    if (x == y)
        return CPU_NZCV_Z | CPU_NZCV_C;
    return x < y ? CPU_NZCV_N : CPU_NZCV_C;
}

bool fpu16_cmp_eq(struct cpu_state *cpu, uint16_t a, uint16_t b)
{
    a = fpu16_flush_in(cpu, a);
    b = fpu16_flush_in(cpu, b);
    if (h_is_nan(a) || h_is_nan(b)) {
        if (h_is_snan(a) || h_is_snan(b))
            cpu->fpsr |= FPSR_IOC;
        return false;
    }
    return h_val(a) == h_val(b);
}

bool fpu16_cmp_ge(struct cpu_state *cpu, uint16_t a, uint16_t b)
{
    a = fpu16_flush_in(cpu, a);
    b = fpu16_flush_in(cpu, b);
    if (h_is_nan(a) || h_is_nan(b)) {
        cpu->fpsr |= FPSR_IOC;
        return false;
    }
    return h_val(a) >= h_val(b);
}

bool fpu16_cmp_gt(struct cpu_state *cpu, uint16_t a, uint16_t b)
{
    a = fpu16_flush_in(cpu, a);
    b = fpu16_flush_in(cpu, b);
    if (h_is_nan(a) || h_is_nan(b)) {
        cpu->fpsr |= FPSR_IOC;
        return false;
    }
    return h_val(a) > h_val(b);
}

uint16_t fpu16_round_int(struct cpu_state *cpu, uint16_t a, enum fpu_rmode rm,
                         bool exact)
{
    uint16_t op = fpu16_flush_in(cpu, a), nan;
    if (fpu16_process_nans(cpu, &op, 1, &nan))
        return nan;
    if (h_is_inf(op) || h_is_zero(op))
        return op;
    double x = h_val(op), r;
    switch (rm) {
    case FPU_RP: r = ceil(x); break;
    case FPU_RM: r = floor(x); break;
    case FPU_RZ: r = trunc(x); break;
    case FPU_RA: r = round(x); break;
    default: r = nearbyint(x); break;
    }
    if (exact && r != x)
        cpu->fpsr |= FPSR_IXC;
    /* Integral values of a half are halves: this rounding is exact. */
    uint16_t bits = fpu_round_to_16(cpu, r, FPU_RZ, false, false);
    return bits | (op & H_SIGN);
}

uint16_t fpu16_recpx(struct cpu_state *cpu, uint16_t a)
{
    uint16_t op = fpu16_flush_in(cpu, a), nan;
    if (fpu16_process_nans(cpu, &op, 1, &nan))
        return nan;
    uint16_t exp = op & H_EXP, sign = op & H_SIGN;
    if (exp == 0)
        return sign | (H_EXP - 0x0400);
    return sign | (~exp & H_EXP);
}

uint64_t fpu16_to_int(struct cpu_state *cpu, uint16_t a, enum fpu_rmode rm,
                      unsigned fbits, bool is_signed, unsigned width)
{
    a = fpu16_flush_in(cpu, a);
    if (h_is_nan(a)) {
        cpu->fpsr |= FPSR_IOC;
        return 0;
    }
    /* Every half is exact in double: convert through double precision. */
    double x = h_val(a);
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    return fpu64_to_int(cpu, bits, rm, fbits, is_signed, width);
}

uint16_t fpu16_from_int(struct cpu_state *cpu, uint64_t v, bool is_signed,
                        unsigned width, unsigned fbits)
{
    uint64_t ext = v;
    if (width == 32)
        ext = is_signed ? (uint64_t)(int64_t)(int32_t)v : (uint32_t)v;
    else if (width == 16)
        ext = is_signed ? (uint64_t)(int64_t)(int16_t)v : (uint16_t)v;
    int exc;
    double r = fpu_f64_calc(is_signed ? FPU_OP_FROM_S64 : FPU_OP_FROM_U64,
                            FPU_RO, 0, 0, 0, ext, &exc);
    r = ldexp(r, -(int)fbits);  /* exact: r is at least 1 or 0 */
    if (isinf(r))
        return H_EXP;
    /* FixedToFP rounds with FPRound, not FPConvert's FPRoundCV: unlike
     * FCVT, a tiny result is flushed to zero under FZ16. */
    return fpu_round_to_16(cpu, r, fpu_fpcr_rmode(cpu), false,
                           cpu->fpcr & FPCR_FZ16);
}

uint16_t fpu16_expand_imm(uint8_t imm8)
{
    unsigned b6 = (imm8 >> 6) & 1;
    return (uint16_t)((imm8 >> 7) << 15 | (!b6) << 14 | (b6 ? 3u : 0u) << 12 |
                      ((imm8 >> 4) & 3) << 10 | (imm8 & 15) << 6);
}

/* FPMulAddH: addend (single) + a * b (halves), fused, rounded to single.
 * The halves widen exactly; a signalling NaN stays signalling, so the
 * single-precision NaN rules pick and quieten it as FPProcessNaNs3H does. */
static uint32_t h_widen_keep_nan(struct cpu_state *cpu, uint16_t h)
{
    h = fpu16_flush_in(cpu, h);
    if (h_is_nan(h))
        return (uint32_t)(h & H_SIGN) << 16 | 0x7f800000u |
               (uint32_t)(h & 0x3ff) << 13;
    if (h_is_inf(h))
        return (uint32_t)(h & H_SIGN) << 16 | 0x7f800000u;
    float f = (float)h_val(h);
    uint32_t bits;
    memcpy(&bits, &f, sizeof bits);
    return bits;
}

uint32_t fpu_muladd_h(struct cpu_state *cpu, uint32_t addend, uint16_t a,
                      uint16_t b)
{
    return fpu32_muladd(cpu, addend, h_widen_keep_nan(cpu, a),
                        h_widen_keep_nan(cpu, b));
}
