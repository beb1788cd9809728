/* AdvSIMD floating-point two-register miscellaneous (vector and scalar,
 * single and double): FRINT*, FCVT[NMAPZ][SU], SCVTF/UCVTF, compares with
 * zero, FABS/FNEG/FSQRT, and the precision changes FCVTN/FCVTXN/FCVTL.
 * FRECPE, FRSQRTE, URECPE, URSQRTE, and FRECPX (scalar only) are here too.
 * The FP16 class (half precision) shares the decoding. */
#include "cpu/a64-simd-fp-ops.h"

enum misc_fp_kind {
    MF_UNALLOCATED = 0,
    MF_ROUND,        /* FRINT* */
    MF_ROUND_N,      /* FRINT32*, FRINT64*: intbits in is_unsigned ? 64 : 32 */
    MF_TO_INT,       /* FCVT*S/U */
    MF_FROM_INT,     /* SCVTF/UCVTF */
    MF_CMP_ZERO,     /* cmp(a, 0), or cmp(0, a) when swap */
    MF_ABS,
    MF_NEG,
    MF_SQRT,
    MF_RECPX,
    MF_RECPE,
    MF_RSQRTE,
    MF_URECPE,       /* unsigned fixed point, 32-bit elements only */
    MF_URSQRTE,
};

struct misc_fp_desc {
    enum misc_fp_kind kind;
    enum fpu_rmode rm;
    bool use_fpcr;       /* FRINTX, FRINTI: rounding from FPCR */
    bool exact;          /* FRINTX: signal inexact */
    bool is_unsigned;
    fp_elem_fn cmp;
    bool swap;           /* FCMLE/FCMLT #0 are 0 >= a and 0 > a */
    bool scalar_ok;      /* also allocated in the scalar class */
    bool scalar_only;    /* not allocated in the vector class */
};

/* Key: U (bit 29), a (bit 23), opcode (bits 16..12). */
#define K(u, a, op) ((u) << 6 | (a) << 5 | (op))
#define ROUND(rm_, fpcr_, exact_) { MF_ROUND, rm_, fpcr_, exact_, false, NULL, false, false }
#define TO_INT(rm_, u_) { MF_TO_INT, rm_, false, false, u_, NULL, false, true }
#define CMP0(fn_, swap_) { MF_CMP_ZERO, FPU_RN, false, false, false, fn_, swap_, true }

static const struct misc_fp_desc misc_fp_ops[128] = {
    [K(0, 0, 0x18)] = ROUND(FPU_RN, false, false),  /* FRINTN */
    [K(0, 0, 0x19)] = ROUND(FPU_RM, false, false),  /* FRINTM */
    [K(0, 1, 0x18)] = ROUND(FPU_RP, false, false),  /* FRINTP */
    [K(0, 1, 0x19)] = ROUND(FPU_RZ, false, false),  /* FRINTZ */
    [K(1, 0, 0x18)] = ROUND(FPU_RA, false, false),  /* FRINTA */
    [K(1, 0, 0x19)] = ROUND(FPU_RN, true, true),    /* FRINTX */
    [K(1, 1, 0x19)] = ROUND(FPU_RN, true, false),   /* FRINTI */
    [K(0, 0, 0x1e)] = { MF_ROUND_N, FPU_RZ, false, false, false },  /* FRINT32Z */
    [K(0, 0, 0x1f)] = { MF_ROUND_N, FPU_RZ, false, false, true },   /* FRINT64Z */
    [K(1, 0, 0x1e)] = { MF_ROUND_N, FPU_RN, true, false, false },   /* FRINT32X */
    [K(1, 0, 0x1f)] = { MF_ROUND_N, FPU_RN, true, false, true },    /* FRINT64X */
    [K(0, 0, 0x1a)] = TO_INT(FPU_RN, false),        /* FCVTNS */
    [K(1, 0, 0x1a)] = TO_INT(FPU_RN, true),         /* FCVTNU */
    [K(0, 0, 0x1b)] = TO_INT(FPU_RM, false),        /* FCVTMS */
    [K(1, 0, 0x1b)] = TO_INT(FPU_RM, true),         /* FCVTMU */
    [K(0, 0, 0x1c)] = TO_INT(FPU_RA, false),        /* FCVTAS */
    [K(1, 0, 0x1c)] = TO_INT(FPU_RA, true),         /* FCVTAU */
    [K(0, 1, 0x1a)] = TO_INT(FPU_RP, false),        /* FCVTPS */
    [K(1, 1, 0x1a)] = TO_INT(FPU_RP, true),         /* FCVTPU */
    [K(0, 1, 0x1b)] = TO_INT(FPU_RZ, false),        /* FCVTZS */
    [K(1, 1, 0x1b)] = TO_INT(FPU_RZ, true),         /* FCVTZU */
    [K(0, 0, 0x1d)] = { MF_FROM_INT, FPU_RN, false, false, false, NULL, false, true },
    [K(1, 0, 0x1d)] = { MF_FROM_INT, FPU_RN, false, false, true, NULL, false, true },
    [K(0, 1, 0x0c)] = CMP0(fp_elem_cmgt, false),    /* FCMGT #0 */
    [K(1, 1, 0x0c)] = CMP0(fp_elem_cmge, false),    /* FCMGE #0 */
    [K(0, 1, 0x0d)] = CMP0(fp_elem_cmeq, false),    /* FCMEQ #0 */
    [K(1, 1, 0x0d)] = CMP0(fp_elem_cmge, true),     /* FCMLE #0 */
    [K(0, 1, 0x0e)] = CMP0(fp_elem_cmgt, true),     /* FCMLT #0 */
    [K(0, 1, 0x0f)] = { MF_ABS },
    [K(1, 1, 0x0f)] = { MF_NEG },
    [K(1, 1, 0x1f)] = { MF_SQRT },
    [K(0, 1, 0x1d)] = { MF_RECPE, FPU_RN, false, false, false, NULL, false, true },
    [K(1, 1, 0x1d)] = { MF_RSQRTE, FPU_RN, false, false, false, NULL, false, true },
    [K(0, 1, 0x1c)] = { MF_URECPE },
    [K(1, 1, 0x1c)] = { MF_URSQRTE },
    [K(0, 1, 0x1f)] = { MF_RECPX, FPU_RN, false, false, false, NULL, false, true, true },
};

static uint64_t misc_fp_elem(struct cpu_state *cpu, const struct misc_fp_desc *d,
                             unsigned size, uint64_t a)
{
    enum fpu_rmode rm = d->use_fpcr ? fpu_fpcr_rmode(cpu) : d->rm;
    unsigned bits = 8u << size;
    switch (d->kind) {
    case MF_ROUND:
        return fp_round_int(cpu, size, a, rm, d->exact);
    case MF_ROUND_N: {
        unsigned intbits = d->is_unsigned ? 64 : 32;
        return size == 3 ? fpu64_round_int_n(cpu, a, rm, intbits)
                         : fpu32_round_int_n(cpu, (uint32_t)a, rm, intbits);
    }
    case MF_TO_INT:
        return fp_to_int(cpu, size, a, rm, 0, !d->is_unsigned, bits) &
               simd_elem_mask(size);
    case MF_FROM_INT:
        return fp_from_int(cpu, size, a, !d->is_unsigned, bits, 0);
    case MF_CMP_ZERO:
        return d->swap ? d->cmp(cpu, size, 0, a, 0) : d->cmp(cpu, size, a, 0, 0);
    case MF_ABS:
        return fp_abs(size, a);
    case MF_NEG:
        return fp_neg(size, a);
    case MF_SQRT:
        return fp_sqrt(cpu, size, a);
    case MF_RECPE:
        return fpu_recpe(cpu, a, bits);
    case MF_RSQRTE:
        return fpu_rsqrte(cpu, a, bits);
    case MF_URECPE:
        return fpu_urecpe((uint32_t)a);
    case MF_URSQRTE:
        return fpu_ursqrte((uint32_t)a);
    case MF_RECPX:
        return fp_recpx(cpu, size, a);
    default:
        return 0;
    }
}

/* size: 1 for the FP16 class, else 2 + sz. */
static const struct misc_fp_desc *misc_fp_lookup(uint32_t insn, unsigned size)
{
    const struct misc_fp_desc *d =
        &misc_fp_ops[K(SIMD_U(insn), a64_bits(insn, 23, 1), a64_bits(insn, 12, 5))];
    if (d->kind == MF_UNALLOCATED)
        return NULL;
    /* Integer estimates are for 32-bit elements; FRINT32/64 have no
     * half-precision form. */
    if ((d->kind == MF_URECPE || d->kind == MF_URSQRTE) && size != 2)
        return NULL;
    if (d->kind == MF_ROUND_N && size == 1)
        return NULL;
    return d;
}

static int simd_fp_misc(struct cpu_state *cpu, uint32_t insn, unsigned size)
{
    const struct misc_fp_desc *d = misc_fp_lookup(insn, size);
    unsigned q = SIMD_Q(insn);
    if (!d || d->scalar_only || (size == 3 && !q))
        return a64_undef(cpu, insn);
    simd_vec n = simd_get(cpu, A64_RN(insn)), r = { .d = { 0, 0 } };
    for (unsigned i = 0; i < simd_elems(q, size); i++)
        vec_set(&r, size, i, misc_fp_elem(cpu, d, size, vec_elem(&n, size, i)));
    simd_put(cpu, A64_RD(insn), &r, q);
    return A64_NEXT;
}

static int simd_fp_misc_scalar(struct cpu_state *cpu, uint32_t insn,
                               unsigned size)
{
    const struct misc_fp_desc *d = misc_fp_lookup(insn, size);
    if (!d || !d->scalar_ok)
        return a64_undef(cpu, insn);
    unsigned bytes = 1u << size;
    uint64_t a = simd_get_scalar(cpu, A64_RN(insn), bytes);
    simd_put_scalar(cpu, A64_RD(insn), misc_fp_elem(cpu, d, size, a), bytes);
    return A64_NEXT;
}

static int trans_FP_misc(struct cpu_state *cpu, uint32_t insn)
{
    return simd_fp_misc(cpu, insn, 2 + a64_bits(insn, 22, 1));
}

static int trans_FP_misc_scalar(struct cpu_state *cpu, uint32_t insn)
{
    return simd_fp_misc_scalar(cpu, insn, 2 + a64_bits(insn, 22, 1));
}

static int trans_FP16_misc(struct cpu_state *cpu, uint32_t insn)
{
    return simd_fp_misc(cpu, insn, 1);
}

static int trans_FP16_misc_scalar(struct cpu_state *cpu, uint32_t insn)
{
    return simd_fp_misc_scalar(cpu, insn, 1);
}

static int trans_FP16_misc_cmp(struct cpu_state *cpu, uint32_t insn)
{
    return simd_fp_misc(cpu, insn, 1);
}

static int trans_FP16_misc_cmp_scalar(struct cpu_state *cpu, uint32_t insn)
{
    return simd_fp_misc_scalar(cpu, insn, 1);
}

/* The compare-with-zero, FABS and FNEG opcodes (0 11xx) decode the same. */
static int trans_FP_misc_cmp(struct cpu_state *cpu, uint32_t insn)
{
    return trans_FP_misc(cpu, insn);
}

static int trans_FP_misc_cmp_scalar(struct cpu_state *cpu, uint32_t insn)
{
    return trans_FP_misc_scalar(cpu, insn);
}

/* FCVTN/FCVTN2 (U=0) and FCVTXN/FCVTXN2 (U=1, round to odd): doubles to
 * singles, into the lower (Q=0) or upper (Q=1) half. */
static int trans_FCVTN(struct cpu_state *cpu, uint32_t insn)
{
    unsigned q = SIMD_Q(insn);
    simd_vec n = simd_get(cpu, A64_RN(insn)), r = simd_get(cpu, A64_RD(insn));
    if (!a64_bits(insn, 22, 1)) {
        /* FCVTN to half precision; FCVTXN has no such form. */
        if (SIMD_U(insn))
            return a64_undef(cpu, insn);
        for (unsigned i = 0; i < 4; i++)
            r.h[4 * q + i] = fpu_cvt_to_16(cpu, n.s[i], false);
        simd_put(cpu, A64_RD(insn), &r, q);
        return A64_NEXT;
    }
    enum fpu_rmode rm = SIMD_U(insn) ? FPU_RO : fpu_fpcr_rmode(cpu);
    for (unsigned i = 0; i < 2; i++)
        r.s[2 * q + i] = fpu_cvt_64_to_32(cpu, n.d[i], rm);
    simd_put(cpu, A64_RD(insn), &r, q);
    return A64_NEXT;
}

static int trans_FCVTXN_scalar(struct cpu_state *cpu, uint32_t insn)
{
    if (!a64_bits(insn, 22, 1))
        return a64_undef(cpu, insn);
    uint64_t a = simd_get_scalar(cpu, A64_RN(insn), 8);
    simd_put_scalar(cpu, A64_RD(insn), fpu_cvt_64_to_32(cpu, a, FPU_RO), 4);
    return A64_NEXT;
}

/* FCVTL/FCVTL2: singles from the lower (upper) half to doubles. */
static int trans_FCVTL(struct cpu_state *cpu, uint32_t insn)
{
    unsigned q = SIMD_Q(insn);
    simd_vec n = simd_get(cpu, A64_RN(insn)), r = { .d = { 0, 0 } };
    if (!a64_bits(insn, 22, 1)) {
        for (unsigned i = 0; i < 4; i++)
            r.s[i] = (uint32_t)fpu_cvt_from_16(cpu, n.h[4 * q + i], false);
        simd_put(cpu, A64_RD(insn), &r, true);
        return A64_NEXT;
    }
    for (unsigned i = 0; i < 2; i++)
        r.d[i] = fpu_cvt_32_to_64(cpu, n.s[2 * q + i]);
    simd_put(cpu, A64_RD(insn), &r, true);
    return A64_NEXT;
}

/* Field letters: q Q, u U, a size<1>, z sz, o opcode, n Rn, d Rd.
 * Integer opcodes of the same class are fixed in a64-simd-misc.c; these
 * rows fix opcode<4> or <3:2> so they never meet. */
const struct a64_pattern a64_simd_misc_fp_patterns[] = {
    A64_PATTERN(FP_misc,        "0qu0_1110_az10_0001_1ooo_10nn_nnnd_dddd"),
    A64_PATTERN(FP_misc_cmp,    "0qu0_1110_1z10_0000_11oo_10nn_nnnd_dddd"),
    A64_PATTERN(FCVTN,          "0qu0_1110_0z10_0001_0110_10nn_nnnd_dddd"),
    A64_PATTERN(FCVTL,          "0q00_1110_0z10_0001_0111_10nn_nnnd_dddd"),
    A64_PATTERN(FP_misc_scalar,     "01u1_1110_az10_0001_1ooo_10nn_nnnd_dddd"),
    A64_PATTERN(FP_misc_cmp_scalar, "01u1_1110_1z10_0000_11oo_10nn_nnnd_dddd"),
    A64_PATTERN(FCVTXN_scalar,      "0111_1110_0z10_0001_0110_10nn_nnnd_dddd"),
    A64_PATTERN(FP16_misc,              "0qu0_1110_a111_1001_1ooo_10nn_nnnd_dddd"),
    A64_PATTERN(FP16_misc_cmp,          "0qu0_1110_1111_1000_11oo_10nn_nnnd_dddd"),
    A64_PATTERN(FP16_misc_scalar,       "01u1_1110_a111_1001_1ooo_10nn_nnnd_dddd"),
    A64_PATTERN(FP16_misc_cmp_scalar,   "01u1_1110_1111_1000_11oo_10nn_nnnd_dddd"),
    A64_PATTERN_END,
};
