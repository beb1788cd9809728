/* Scalar floating point: data processing with one, two and three sources,
 * compare, conditional compare, conditional select and FMOV (register and
 * immediate). Single (ftype 00) and double (ftype 01); of half precision
 * (ftype 11) only the FCVT conversions are implemented, its arithmetic
 * stays UNDEFINED.
 * Conversions to and from integers are in a64-fp-conv.c. */
#include "cpu/a64-simd-common.h"

/* ftype bit 22: 0 single, 1 double (bit 23 is fixed 0 in every pattern). */
#define FP_IS_DOUBLE(insn) a64_bits(insn, 22, 1)

static uint64_t fp_read(struct cpu_state *cpu, uint32_t insn, unsigned n)
{
    return simd_get_scalar(cpu, n, FP_IS_DOUBLE(insn) ? 8 : 4);
}

static void fp_write(struct cpu_state *cpu, uint32_t insn, unsigned d,
                     uint64_t v)
{
    simd_put_scalar(cpu, d, v, FP_IS_DOUBLE(insn) ? 8 : 4);
}

static int trans_FMOV_reg(struct cpu_state *cpu, uint32_t insn)
{
    fp_write(cpu, insn, A64_RD(insn), fp_read(cpu, insn, A64_RN(insn)));
    return A64_NEXT;
}

static int trans_FABS(struct cpu_state *cpu, uint32_t insn)
{
    uint64_t v = fp_read(cpu, insn, A64_RN(insn));
    fp_write(cpu, insn, A64_RD(insn),
             FP_IS_DOUBLE(insn) ? fpu64_abs(v) : fpu32_abs((uint32_t)v));
    return A64_NEXT;
}

static int trans_FNEG(struct cpu_state *cpu, uint32_t insn)
{
    uint64_t v = fp_read(cpu, insn, A64_RN(insn));
    fp_write(cpu, insn, A64_RD(insn),
             FP_IS_DOUBLE(insn) ? fpu64_neg(v) : fpu32_neg((uint32_t)v));
    return A64_NEXT;
}

static int trans_FSQRT(struct cpu_state *cpu, uint32_t insn)
{
    uint64_t v = fp_read(cpu, insn, A64_RN(insn));
    fp_write(cpu, insn, A64_RD(insn),
             FP_IS_DOUBLE(insn) ? fpu64_sqrt(cpu, v)
                                : fpu32_sqrt(cpu, (uint32_t)v));
    return A64_NEXT;
}

static int trans_FCVT_s_to_d(struct cpu_state *cpu, uint32_t insn)
{
    uint32_t v = (uint32_t)simd_get_scalar(cpu, A64_RN(insn), 4);
    simd_put_scalar(cpu, A64_RD(insn), fpu_cvt_32_to_64(cpu, v), 8);
    return A64_NEXT;
}

static int trans_FCVT_d_to_s(struct cpu_state *cpu, uint32_t insn)
{
    uint64_t v = simd_get_scalar(cpu, A64_RN(insn), 8);
    simd_put_scalar(cpu, A64_RD(insn),
                    fpu_cvt_64_to_32(cpu, v, fpu_fpcr_rmode(cpu)), 4);
    return A64_NEXT;
}

static int trans_FCVT_s_to_h(struct cpu_state *cpu, uint32_t insn)
{
    uint64_t v = simd_get_scalar(cpu, A64_RN(insn), 4);
    simd_put_scalar(cpu, A64_RD(insn), fpu_cvt_to_16(cpu, v, false), 2);
    return A64_NEXT;
}

static int trans_FCVT_d_to_h(struct cpu_state *cpu, uint32_t insn)
{
    uint64_t v = simd_get_scalar(cpu, A64_RN(insn), 8);
    simd_put_scalar(cpu, A64_RD(insn), fpu_cvt_to_16(cpu, v, true), 2);
    return A64_NEXT;
}

static int trans_FCVT_h_to_s(struct cpu_state *cpu, uint32_t insn)
{
    uint16_t h = (uint16_t)simd_get_scalar(cpu, A64_RN(insn), 2);
    simd_put_scalar(cpu, A64_RD(insn), fpu_cvt_from_16(cpu, h, false), 4);
    return A64_NEXT;
}

static int trans_FCVT_h_to_d(struct cpu_state *cpu, uint32_t insn)
{
    uint16_t h = (uint16_t)simd_get_scalar(cpu, A64_RN(insn), 2);
    simd_put_scalar(cpu, A64_RD(insn), fpu_cvt_from_16(cpu, h, true), 8);
    return A64_NEXT;
}

/* FRINT<N,P,M,Z,A,X,I>: rmode field 000 N, 001 P, 010 M, 011 Z, 100 A,
 * 110 X (FPCR mode, signals inexact), 111 I (FPCR mode). */
static int trans_FRINT(struct cpu_state *cpu, uint32_t insn)
{
    static const enum fpu_rmode modes[] = { FPU_RN, FPU_RP, FPU_RM, FPU_RZ,
                                            FPU_RA };
    unsigned field = a64_bits(insn, 15, 3);
    enum fpu_rmode rm;
    if (field == 5)
        return a64_undef(cpu, insn);
    rm = field < 5 ? modes[field] : fpu_fpcr_rmode(cpu);
    bool exact = field == 6;
    uint64_t v = fp_read(cpu, insn, A64_RN(insn));
    fp_write(cpu, insn, A64_RD(insn),
             FP_IS_DOUBLE(insn) ? fpu64_round_int(cpu, v, rm, exact)
                                : fpu32_round_int(cpu, (uint32_t)v, rm, exact));
    return A64_NEXT;
}

/* FRINT32Z, FRINT32X, FRINT64Z, FRINT64X (opcode 0100xx: bit 16 selects
 * 64, bit 15 the FPCR rounding mode instead of toward zero). */
static int trans_FRINT_N(struct cpu_state *cpu, uint32_t insn)
{
    unsigned intbits = a64_bits(insn, 16, 1) ? 64 : 32;
    enum fpu_rmode rm = a64_bits(insn, 15, 1) ? fpu_fpcr_rmode(cpu) : FPU_RZ;
    uint64_t v = fp_read(cpu, insn, A64_RN(insn));
    fp_write(cpu, insn, A64_RD(insn),
             FP_IS_DOUBLE(insn) ? fpu64_round_int_n(cpu, v, rm, intbits)
                                : fpu32_round_int_n(cpu, (uint32_t)v, rm, intbits));
    return A64_NEXT;
}

/* Two-source operations, indexed by the opcode field (bits 15..12). */
struct fp_binop {
    uint32_t (*op32)(struct cpu_state *, uint32_t, uint32_t);
    uint64_t (*op64)(struct cpu_state *, uint64_t, uint64_t);
};

static uint32_t fpu32_nmul(struct cpu_state *cpu, uint32_t a, uint32_t b)
{
    return fpu32_neg(fpu32_mul(cpu, a, b));
}

static uint64_t fpu64_nmul(struct cpu_state *cpu, uint64_t a, uint64_t b)
{
    return fpu64_neg(fpu64_mul(cpu, a, b));
}

static const struct fp_binop fp_2src_ops[] = {
    { fpu32_mul, fpu64_mul },     /* 0000 FMUL */
    { fpu32_div, fpu64_div },     /* 0001 FDIV */
    { fpu32_add, fpu64_add },     /* 0010 FADD */
    { fpu32_sub, fpu64_sub },     /* 0011 FSUB */
    { fpu32_max, fpu64_max },     /* 0100 FMAX */
    { fpu32_min, fpu64_min },     /* 0101 FMIN */
    { fpu32_maxnm, fpu64_maxnm }, /* 0110 FMAXNM */
    { fpu32_minnm, fpu64_minnm }, /* 0111 FMINNM */
    { fpu32_nmul, fpu64_nmul },   /* 1000 FNMUL */
};

static int trans_FP_2src(struct cpu_state *cpu, uint32_t insn)
{
    unsigned opcode = a64_bits(insn, 12, 4);
    if (opcode >= sizeof fp_2src_ops / sizeof fp_2src_ops[0])
        return a64_undef(cpu, insn);
    uint64_t a = fp_read(cpu, insn, A64_RN(insn));
    uint64_t b = fp_read(cpu, insn, A64_RM(insn));
    const struct fp_binop *op = &fp_2src_ops[opcode];
    fp_write(cpu, insn, A64_RD(insn),
             FP_IS_DOUBLE(insn) ? op->op64(cpu, a, b)
                                : op->op32(cpu, (uint32_t)a, (uint32_t)b));
    return A64_NEXT;
}

/* FMADD/FMSUB/FNMADD/FNMSUB: o1 (bit 21) negates the addend, o1 != o0
 * (bit 15) negates the product's first operand; both before NaN
 * selection, as the architecture does. */
static int trans_FP_3src(struct cpu_state *cpu, uint32_t insn)
{
    bool o1 = a64_bits(insn, 21, 1), o0 = a64_bits(insn, 15, 1);
    uint64_t n = fp_read(cpu, insn, A64_RN(insn));
    uint64_t m = fp_read(cpu, insn, A64_RM(insn));
    uint64_t a = fp_read(cpu, insn, a64_bits(insn, 10, 5));
    uint64_t r;
    if (FP_IS_DOUBLE(insn)) {
        if (o1)
            a = fpu64_neg(a);
        if (o1 != o0)
            n = fpu64_neg(n);
        r = fpu64_muladd(cpu, a, n, m);
    } else {
        if (o1)
            a = fpu32_neg((uint32_t)a);
        if (o1 != o0)
            n = fpu32_neg((uint32_t)n);
        r = fpu32_muladd(cpu, (uint32_t)a, (uint32_t)n, (uint32_t)m);
    }
    fp_write(cpu, insn, A64_RD(insn), r);
    return A64_NEXT;
}

static uint32_t fp_compare(struct cpu_state *cpu, uint32_t insn, uint64_t a,
                           uint64_t b, bool signal_nans)
{
    return FP_IS_DOUBLE(insn)
               ? fpu64_compare(cpu, a, b, signal_nans)
               : fpu32_compare(cpu, (uint32_t)a, (uint32_t)b, signal_nans);
}

/* FCMP/FCMPE, with Rm or with #0.0 (bit 3). */
static int trans_FCMP(struct cpu_state *cpu, uint32_t insn)
{
    uint64_t a = fp_read(cpu, insn, A64_RN(insn));
    uint64_t b = a64_bits(insn, 3, 1) ? 0 : fp_read(cpu, insn, A64_RM(insn));
    cpu->nzcv = fp_compare(cpu, insn, a, b, a64_bits(insn, 4, 1));
    return A64_NEXT;
}

/* FCCMP/FCCMPE: compare if the condition holds, else NZCV = #nzcv. */
static int trans_FCCMP(struct cpu_state *cpu, uint32_t insn)
{
    if (a64_fp_cond_holds(cpu->nzcv, a64_bits(insn, 12, 4))) {
        uint64_t a = fp_read(cpu, insn, A64_RN(insn));
        uint64_t b = fp_read(cpu, insn, A64_RM(insn));
        cpu->nzcv = fp_compare(cpu, insn, a, b, a64_bits(insn, 4, 1));
    } else {
        cpu->nzcv = a64_bits(insn, 0, 4) << 28;
    }
    return A64_NEXT;
}

static int trans_FCSEL(struct cpu_state *cpu, uint32_t insn)
{
    bool take_n = a64_fp_cond_holds(cpu->nzcv, a64_bits(insn, 12, 4));
    unsigned src = take_n ? A64_RN(insn) : A64_RM(insn);
    fp_write(cpu, insn, A64_RD(insn), fp_read(cpu, insn, src));
    return A64_NEXT;
}

static int trans_FMOV_imm(struct cpu_state *cpu, uint32_t insn)
{
    uint8_t imm8 = (uint8_t)a64_bits(insn, 13, 8);
    fp_write(cpu, insn, A64_RD(insn),
             FP_IS_DOUBLE(insn) ? fpu64_expand_imm(imm8)
                                : fpu32_expand_imm(imm8));
    return A64_NEXT;
}

/* Field letters: t ftype<0> (ftype<1> is 0), n Rn, d Rd, m Rm, a Ra,
 * r rounding field, o opcode, c cond, e signal (E), z with zero, f nzcv,
 * i imm8, p o1, q o0. */
const struct a64_pattern a64_fp_patterns[] = {
    A64_PATTERN(FMOV_reg,      "0001_1110_0t10_0000_0100_00nn_nnnd_dddd"),
    A64_PATTERN(FABS,          "0001_1110_0t10_0000_1100_00nn_nnnd_dddd"),
    A64_PATTERN(FNEG,          "0001_1110_0t10_0001_0100_00nn_nnnd_dddd"),
    A64_PATTERN(FSQRT,         "0001_1110_0t10_0001_1100_00nn_nnnd_dddd"),
    A64_PATTERN(FCVT_s_to_d,   "0001_1110_0010_0010_1100_00nn_nnnd_dddd"),
    A64_PATTERN(FCVT_d_to_s,   "0001_1110_0110_0010_0100_00nn_nnnd_dddd"),
    A64_PATTERN(FCVT_s_to_h,   "0001_1110_0010_0011_1100_00nn_nnnd_dddd"),
    A64_PATTERN(FCVT_d_to_h,   "0001_1110_0110_0011_1100_00nn_nnnd_dddd"),
    A64_PATTERN(FCVT_h_to_s,   "0001_1110_1110_0010_0100_00nn_nnnd_dddd"),
    A64_PATTERN(FCVT_h_to_d,   "0001_1110_1110_0010_1100_00nn_nnnd_dddd"),
    A64_PATTERN(FRINT,         "0001_1110_0t10_01rr_r100_00nn_nnnd_dddd"),
    A64_PATTERN(FRINT_N,       "0001_1110_0t10_100r_r100_00nn_nnnd_dddd"),
    A64_PATTERN(FP_2src,       "0001_1110_0t1m_mmmm_oooo_10nn_nnnd_dddd"),
    A64_PATTERN(FP_3src,       "0001_1111_0tpm_mmmm_qaaa_aann_nnnd_dddd"),
    A64_PATTERN(FCMP,          "0001_1110_0t1m_mmmm_0010_00nn_nnne_z000"),
    A64_PATTERN(FCCMP,         "0001_1110_0t1m_mmmm_cccc_01nn_nnne_ffff"),
    A64_PATTERN(FCSEL,         "0001_1110_0t1m_mmmm_cccc_11nn_nnnd_dddd"),
    A64_PATTERN(FMOV_imm,      "0001_1110_0t1i_iiii_iii1_0000_000d_dddd"),
    A64_PATTERN_END,
};
