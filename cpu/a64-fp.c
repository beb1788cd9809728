/* Scalar floating point: data processing with one, two and three sources,
 * compare, conditional compare, conditional select, FMOV (register and
 * immediate) and FCVT between precisions. ftype 00 single, 01 double,
 * 11 half; 10 is unallocated here. Conversions to and from integers are in
 * a64-fp-conv.c. */
#include "cpu/a64-simd-fp-ops.h"

/* Every handler starts here: the element size of ftype, or UNDEFINED. */
#define FP_SIZE_OR_UNDEF(size, cpu, insn)                                     \
    unsigned size = fp_ftype_size(insn);                                     \
    if (!size)                                                               \
        return a64_undef(cpu, insn)

static uint64_t fp_read(struct cpu_state *cpu, unsigned size, unsigned n)
{
    return simd_get_scalar(cpu, n, 1u << size);
}

static void fp_write(struct cpu_state *cpu, unsigned size, unsigned d,
                     uint64_t v)
{
    simd_put_scalar(cpu, d, v, 1u << size);
}

static int trans_FMOV_reg(struct cpu_state *cpu, uint32_t insn)
{
    FP_SIZE_OR_UNDEF(size, cpu, insn);
    fp_write(cpu, size, A64_RD(insn), fp_read(cpu, size, A64_RN(insn)));
    return A64_NEXT;
}

static int trans_FABS(struct cpu_state *cpu, uint32_t insn)
{
    FP_SIZE_OR_UNDEF(size, cpu, insn);
    fp_write(cpu, size, A64_RD(insn), fp_abs(size, fp_read(cpu, size, A64_RN(insn))));
    return A64_NEXT;
}

static int trans_FNEG(struct cpu_state *cpu, uint32_t insn)
{
    FP_SIZE_OR_UNDEF(size, cpu, insn);
    fp_write(cpu, size, A64_RD(insn), fp_neg(size, fp_read(cpu, size, A64_RN(insn))));
    return A64_NEXT;
}

static int trans_FSQRT(struct cpu_state *cpu, uint32_t insn)
{
    FP_SIZE_OR_UNDEF(size, cpu, insn);
    fp_write(cpu, size, A64_RD(insn),
             fp_sqrt(cpu, size, fp_read(cpu, size, A64_RN(insn))));
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
    FP_SIZE_OR_UNDEF(size, cpu, insn);
    unsigned field = a64_bits(insn, 15, 3);
    if (field == 5)
        return a64_undef(cpu, insn);
    enum fpu_rmode rm = field < 5 ? modes[field] : fpu_fpcr_rmode(cpu);
    uint64_t v = fp_read(cpu, size, A64_RN(insn));
    fp_write(cpu, size, A64_RD(insn), fp_round_int(cpu, size, v, rm, field == 6));
    return A64_NEXT;
}

/* FRINT32Z, FRINT32X, FRINT64Z, FRINT64X (opcode 0100xx: bit 16 selects
 * 64, bit 15 the FPCR rounding mode instead of toward zero); single and
 * double only. */
static int trans_FRINT_N(struct cpu_state *cpu, uint32_t insn)
{
    unsigned intbits = a64_bits(insn, 16, 1) ? 64 : 32;
    enum fpu_rmode rm = a64_bits(insn, 15, 1) ? fpu_fpcr_rmode(cpu) : FPU_RZ;
    bool is_double = a64_bits(insn, 22, 1);
    uint64_t v = simd_get_scalar(cpu, A64_RN(insn), is_double ? 8 : 4);
    simd_put_scalar(cpu, A64_RD(insn),
                    is_double ? fpu64_round_int_n(cpu, v, rm, intbits)
                              : fpu32_round_int_n(cpu, (uint32_t)v, rm, intbits),
                    is_double ? 8 : 4);
    return A64_NEXT;
}

static uint64_t fp_elem_nmul(struct cpu_state *cpu, unsigned size, uint64_t a,
                             uint64_t b, uint64_t acc)
{
    return fp_neg(size, fp_elem_mul(cpu, size, a, b, acc));
}

/* Two-source operations, indexed by the opcode field (bits 15..12). */
static const fp_elem_fn fp_2src_ops[] = {
    fp_elem_mul,   /* 0000 FMUL */
    fp_elem_div,   /* 0001 FDIV */
    fp_elem_add,   /* 0010 FADD */
    fp_elem_sub,   /* 0011 FSUB */
    fp_elem_max,   /* 0100 FMAX */
    fp_elem_min,   /* 0101 FMIN */
    fp_elem_maxnm, /* 0110 FMAXNM */
    fp_elem_minnm, /* 0111 FMINNM */
    fp_elem_nmul,  /* 1000 FNMUL */
};

static int trans_FP_2src(struct cpu_state *cpu, uint32_t insn)
{
    FP_SIZE_OR_UNDEF(size, cpu, insn);
    unsigned opcode = a64_bits(insn, 12, 4);
    if (opcode >= sizeof fp_2src_ops / sizeof fp_2src_ops[0])
        return a64_undef(cpu, insn);
    uint64_t a = fp_read(cpu, size, A64_RN(insn));
    uint64_t b = fp_read(cpu, size, A64_RM(insn));
    fp_write(cpu, size, A64_RD(insn), fp_2src_ops[opcode](cpu, size, a, b, 0));
    return A64_NEXT;
}

/* FMADD/FMSUB/FNMADD/FNMSUB: o1 (bit 21) negates the addend, o1 != o0
 * (bit 15) negates the product's first operand; both before NaN
 * selection, as the architecture does. */
static int trans_FP_3src(struct cpu_state *cpu, uint32_t insn)
{
    FP_SIZE_OR_UNDEF(size, cpu, insn);
    bool o1 = a64_bits(insn, 21, 1), o0 = a64_bits(insn, 15, 1);
    uint64_t n = fp_read(cpu, size, A64_RN(insn));
    uint64_t m = fp_read(cpu, size, A64_RM(insn));
    uint64_t a = fp_read(cpu, size, a64_bits(insn, 10, 5));
    if (o1)
        a = fp_neg(size, a);
    if (o1 != o0)
        n = fp_neg(size, n);
    fp_write(cpu, size, A64_RD(insn), fp_muladd(cpu, size, a, n, m));
    return A64_NEXT;
}

/* FCMP/FCMPE, with Rm or with #0.0 (bit 3). */
static int trans_FCMP(struct cpu_state *cpu, uint32_t insn)
{
    FP_SIZE_OR_UNDEF(size, cpu, insn);
    uint64_t a = fp_read(cpu, size, A64_RN(insn));
    uint64_t b = a64_bits(insn, 3, 1) ? 0 : fp_read(cpu, size, A64_RM(insn));
    cpu->nzcv = fp_compare(cpu, size, a, b, a64_bits(insn, 4, 1));
    return A64_NEXT;
}

/* FCCMP/FCCMPE: compare if the condition holds, else NZCV = #nzcv. */
static int trans_FCCMP(struct cpu_state *cpu, uint32_t insn)
{
    FP_SIZE_OR_UNDEF(size, cpu, insn);
    if (a64_fp_cond_holds(cpu->nzcv, a64_bits(insn, 12, 4))) {
        uint64_t a = fp_read(cpu, size, A64_RN(insn));
        uint64_t b = fp_read(cpu, size, A64_RM(insn));
        cpu->nzcv = fp_compare(cpu, size, a, b, a64_bits(insn, 4, 1));
    } else {
        cpu->nzcv = a64_bits(insn, 0, 4) << 28;
    }
    return A64_NEXT;
}

static int trans_FCSEL(struct cpu_state *cpu, uint32_t insn)
{
    FP_SIZE_OR_UNDEF(size, cpu, insn);
    bool take_n = a64_fp_cond_holds(cpu->nzcv, a64_bits(insn, 12, 4));
    unsigned src = take_n ? A64_RN(insn) : A64_RM(insn);
    fp_write(cpu, size, A64_RD(insn), fp_read(cpu, size, src));
    return A64_NEXT;
}

static int trans_FMOV_imm(struct cpu_state *cpu, uint32_t insn)
{
    FP_SIZE_OR_UNDEF(size, cpu, insn);
    fp_write(cpu, size, A64_RD(insn),
             fp_expand_imm(size, (uint8_t)a64_bits(insn, 13, 8)));
    return A64_NEXT;
}

/* Field letters: t ftype, n Rn, d Rd, m Rm, a Ra, r rounding field,
 * o opcode, c cond, e signal (E), z with zero, f nzcv, i imm8, p o1,
 * q o0. */
const struct a64_pattern a64_fp_patterns[] = {
    A64_PATTERN(FMOV_reg,      "0001_1110_tt10_0000_0100_00nn_nnnd_dddd"),
    A64_PATTERN(FABS,          "0001_1110_tt10_0000_1100_00nn_nnnd_dddd"),
    A64_PATTERN(FNEG,          "0001_1110_tt10_0001_0100_00nn_nnnd_dddd"),
    A64_PATTERN(FSQRT,         "0001_1110_tt10_0001_1100_00nn_nnnd_dddd"),
    A64_PATTERN(FCVT_s_to_d,   "0001_1110_0010_0010_1100_00nn_nnnd_dddd"),
    A64_PATTERN(FCVT_d_to_s,   "0001_1110_0110_0010_0100_00nn_nnnd_dddd"),
    A64_PATTERN(FCVT_s_to_h,   "0001_1110_0010_0011_1100_00nn_nnnd_dddd"),
    A64_PATTERN(FCVT_d_to_h,   "0001_1110_0110_0011_1100_00nn_nnnd_dddd"),
    A64_PATTERN(FCVT_h_to_s,   "0001_1110_1110_0010_0100_00nn_nnnd_dddd"),
    A64_PATTERN(FCVT_h_to_d,   "0001_1110_1110_0010_1100_00nn_nnnd_dddd"),
    A64_PATTERN(FRINT,         "0001_1110_tt10_01rr_r100_00nn_nnnd_dddd"),
    A64_PATTERN(FRINT_N,       "0001_1110_0t10_100r_r100_00nn_nnnd_dddd"),
    A64_PATTERN(FP_2src,       "0001_1110_tt1m_mmmm_oooo_10nn_nnnd_dddd"),
    A64_PATTERN(FP_3src,       "0001_1111_ttpm_mmmm_qaaa_aann_nnnd_dddd"),
    A64_PATTERN(FCMP,          "0001_1110_tt1m_mmmm_0010_00nn_nnne_z000"),
    A64_PATTERN(FCCMP,         "0001_1110_tt1m_mmmm_cccc_01nn_nnne_ffff"),
    A64_PATTERN(FCSEL,         "0001_1110_tt1m_mmmm_cccc_11nn_nnnd_dddd"),
    A64_PATTERN(FMOV_imm,      "0001_1110_tt1i_iiii_iii1_0000_000d_dddd"),
    A64_PATTERN_END,
};
