/* AdvSIMD floating-point three same, in half (the FP16 class), single and
 * double precision, vector and scalar; and AdvSIMD scalar pairwise (ADDP,
 * FADDP, FMAXP, FMINP, FMAXNMP, FMINNMP); and the widening FMLAL/FMLSL
 * (half-precision products accumulated in single precision). */
#include "cpu/a64-simd-fp-ops.h"

struct fp_same_desc {
    fp_elem_fn fn;
    bool pairwise;
    bool scalar_ok;   /* also allocated in the scalar class */
};

/* Indexed by U:a:opcode<2:0> (a is bit 23, opcode bits 13..11). */
static const struct fp_same_desc fp_same_ops[16 * 2] = {
    [0x00] = { fp_elem_maxnm, false, false },  /* FMAXNM */
    [0x01] = { fp_elem_mla, false, false },    /* FMLA */
    [0x02] = { fp_elem_add, false, false },    /* FADD */
    [0x03] = { fp_elem_mulx, false, true },    /* FMULX */
    [0x04] = { fp_elem_cmeq, false, true },    /* FCMEQ */
    [0x06] = { fp_elem_max, false, false },    /* FMAX */
    [0x07] = { fp_elem_recps, false, true },   /* FRECPS */
    [0x08] = { fp_elem_minnm, false, false },  /* FMINNM */
    [0x09] = { fp_elem_mls, false, false },    /* FMLS */
    [0x0a] = { fp_elem_sub, false, false },    /* FSUB */
    [0x0e] = { fp_elem_min, false, false },    /* FMIN */
    [0x0f] = { fp_elem_rsqrts, false, true },  /* FRSQRTS */
    [0x10] = { fp_elem_maxnm, true, false },   /* FMAXNMP */
    [0x12] = { fp_elem_add, true, false },     /* FADDP */
    [0x13] = { fp_elem_mul, false, false },    /* FMUL */
    [0x14] = { fp_elem_cmge, false, true },    /* FCMGE */
    [0x15] = { fp_elem_acge, false, true },    /* FACGE */
    [0x16] = { fp_elem_max, true, false },     /* FMAXP */
    [0x17] = { fp_elem_div, false, false },    /* FDIV */
    [0x18] = { fp_elem_minnm, true, false },   /* FMINNMP */
    [0x1a] = { fp_elem_abd, false, true },     /* FABD */
    [0x1c] = { fp_elem_cmgt, false, true },    /* FCMGT */
    [0x1d] = { fp_elem_acgt, false, true },    /* FACGT */
    [0x1e] = { fp_elem_min, true, false },     /* FMINP */
};

static const struct fp_same_desc *fp_same_lookup(uint32_t insn)
{
    unsigned key = SIMD_U(insn) << 4 | a64_bits(insn, 23, 1) << 3 |
                   a64_bits(insn, 11, 3);
    return fp_same_ops[key].fn ? &fp_same_ops[key] : NULL;
}

/* size: 1 for the FP16 class, else 2 + sz. */
static int simd_fp_3same(struct cpu_state *cpu, uint32_t insn, unsigned size)
{
    const struct fp_same_desc *desc = fp_same_lookup(insn);
    unsigned q = SIMD_Q(insn);
    if (!desc || (size == 3 && !q))
        return a64_undef(cpu, insn);
    unsigned elems = simd_elems(q, size), half = elems / 2;
    simd_vec n = simd_get(cpu, A64_RN(insn)), m = simd_get(cpu, A64_RM(insn));
    simd_vec d = simd_get(cpu, A64_RD(insn)), r = { .d = { 0, 0 } };
    for (unsigned i = 0; i < elems; i++) {
        uint64_t a, b;
        if (desc->pairwise) {
            const simd_vec *src = i < half ? &n : &m;
            a = vec_elem(src, size, 2 * (i % half));
            b = vec_elem(src, size, 2 * (i % half) + 1);
        } else {
            a = vec_elem(&n, size, i);
            b = vec_elem(&m, size, i);
        }
        vec_set(&r, size, i, desc->fn(cpu, size, a, b, vec_elem(&d, size, i)));
    }
    simd_put(cpu, A64_RD(insn), &r, q);
    return A64_NEXT;
}

static int simd_fp_3same_scalar(struct cpu_state *cpu, uint32_t insn,
                                unsigned size)
{
    const struct fp_same_desc *desc = fp_same_lookup(insn);
    if (!desc || !desc->scalar_ok)
        return a64_undef(cpu, insn);
    unsigned bytes = 1u << size;
    uint64_t a = simd_get_scalar(cpu, A64_RN(insn), bytes);
    uint64_t b = simd_get_scalar(cpu, A64_RM(insn), bytes);
    simd_put_scalar(cpu, A64_RD(insn), desc->fn(cpu, size, a, b, 0), bytes);
    return A64_NEXT;
}

static int trans_FP_3same(struct cpu_state *cpu, uint32_t insn)
{
    return simd_fp_3same(cpu, insn, 2 + a64_bits(insn, 22, 1));
}

static int trans_FP16_3same(struct cpu_state *cpu, uint32_t insn)
{
    return simd_fp_3same(cpu, insn, 1);
}

static int trans_FP_3same_scalar(struct cpu_state *cpu, uint32_t insn)
{
    return simd_fp_3same_scalar(cpu, insn, 2 + a64_bits(insn, 22, 1));
}

static int trans_FP16_3same_scalar(struct cpu_state *cpu, uint32_t insn)
{
    return simd_fp_3same_scalar(cpu, insn, 1);
}

/* ADDP Dd, Vn.2D. */
static int trans_ADDP_scalar(struct cpu_state *cpu, uint32_t insn)
{
    simd_vec n = simd_get(cpu, A64_RN(insn));
    simd_put_scalar(cpu, A64_RD(insn), n.d[0] + n.d[1], 8);
    return A64_NEXT;
}

/* FADDP/FMAXP/FMINP/FMAXNMP/FMINNMP (scalar): the two elements of Vn.2H
 * (U=0), Vn.2S or Vn.2D (U=1). Opcode bits 16..12 with a (bit 23) choose
 * the operation. */
static int trans_FP_pairwise_scalar(struct cpu_state *cpu, uint32_t insn)
{
    unsigned opcode = a64_bits(insn, 12, 5), a = a64_bits(insn, 23, 1);
    unsigned size = SIMD_U(insn) ? 2 + a64_bits(insn, 22, 1) : 1;
    fp_elem_fn fn;
    if (!SIMD_U(insn) && a64_bits(insn, 22, 1))
        return a64_undef(cpu, insn);
    if (opcode == 0x0c)
        fn = a ? fp_elem_minnm : fp_elem_maxnm;
    else if (opcode == 0x0d && !a)
        fn = fp_elem_add;
    else if (opcode == 0x0f)
        fn = a ? fp_elem_min : fp_elem_max;
    else
        return a64_undef(cpu, insn);
    simd_vec n = simd_get(cpu, A64_RN(insn));
    uint64_t r = fn(cpu, size, vec_elem(&n, size, 0), vec_elem(&n, size, 1), 0);
    simd_put_scalar(cpu, A64_RD(insn), r, 1u << size);
    return A64_NEXT;
}

/* FMLAL/FMLSL (bit 23 subtracts) and the "2" forms (U=1): the lower or
 * upper half of the half-precision source elements (2 or 4 of them). */
static int trans_FMLAL_FMLSL(struct cpu_state *cpu, uint32_t insn)
{
    unsigned q = SIMD_Q(insn), count = q ? 4 : 2, base = SIMD_U(insn) ? count : 0;
    bool sub = a64_bits(insn, 23, 1);
    simd_vec n = simd_get(cpu, A64_RN(insn)), m = simd_get(cpu, A64_RM(insn));
    simd_vec r = simd_get(cpu, A64_RD(insn));
    for (unsigned e = 0; e < count; e++) {
        uint16_t a = n.h[base + e];
        r.s[e] = fpu_muladd_h(cpu, r.s[e], sub ? fpu16_neg(a) : a, m.h[base + e]);
    }
    simd_put(cpu, A64_RD(insn), &r, q);
    return A64_NEXT;
}

static int trans_FMLAL2_FMLSL2(struct cpu_state *cpu, uint32_t insn)
{
    return trans_FMLAL_FMLSL(cpu, insn);
}

/* Field letters: q Q, u U, a opcode bit (size<1>), z sz, m Rm, o opcode,
 * n Rn, d Rd. */
const struct a64_pattern a64_simd_3same_fp_patterns[] = {
    A64_PATTERN(FP_3same,           "0qu0_1110_az1m_mmmm_11oo_o1nn_nnnd_dddd"),
    A64_PATTERN(FP_3same_scalar,    "01u1_1110_az1m_mmmm_11oo_o1nn_nnnd_dddd"),
    A64_PATTERN(ADDP_scalar,        "0101_1110_1111_0001_1011_10nn_nnnd_dddd"),
    A64_PATTERN(FP_pairwise_scalar, "01u1_1110_az11_000o_oooo_10nn_nnnd_dddd"),
    A64_PATTERN(FMLAL_FMLSL,        "0q00_1110_a01m_mmmm_1110_11nn_nnnd_dddd"),
    A64_PATTERN(FMLAL2_FMLSL2,      "0q10_1110_a01m_mmmm_1100_11nn_nnnd_dddd"),
    A64_PATTERN(FP16_3same,         "0qu0_1110_a10m_mmmm_00oo_o1nn_nnnd_dddd"),
    A64_PATTERN(FP16_3same_scalar,  "01u1_1110_a10m_mmmm_00oo_o1nn_nnnd_dddd"),
    A64_PATTERN_END,
};
