/* AdvSIMD vector x indexed element (vector and scalar): MUL, MLA, MLS,
 * SQDMULH, SQRDMULH, the long SMULL/UMULL, SMLAL/UMLAL, SMLSL/UMLSL,
 * SQDMULL, SQDMLAL, SQDMLSL, and FMUL, FMULX, FMLA, FMLS (single and
 * double, and half precision), SQRDMLAH/SQRDMLSH, SDOT/UDOT/USDOT/SUDOT,
 * FCMLA, FMLAL/FMLSL(2). Not implemented (UNDEFINED): the BF16 forms. */
#include "cpu/a64-simd-fp-ops.h"

/* The element index and Rm: halves use H:L:M and a 4-bit Rm; words (and
 * single precision) H:L; doublewords (double precision) H with L = 0. */
static bool elem_index(uint32_t insn, unsigned size, unsigned *index,
                       unsigned *rm)
{
    unsigned h = a64_bits(insn, 11, 1), l = a64_bits(insn, 21, 1);
    unsigned m = a64_bits(insn, 20, 1);
    switch (size) {
    case 1:
        *index = h << 2 | l << 1 | m;
        *rm = a64_bits(insn, 16, 4);
        return true;
    case 2:
        *index = h << 1 | l;
        *rm = a64_bits(insn, 16, 5);
        return true;
    case 3:
        *index = h;
        *rm = a64_bits(insn, 16, 5);
        return !l;
    default:
        return false;
    }
}

enum elem_op { EL_MUL, EL_MLA, EL_MLS, EL_QDMULH, EL_QRDMULH };

static uint64_t elem_same(struct cpu_state *cpu, enum elem_op op, unsigned size,
                          uint64_t a, uint64_t b, uint64_t acc)
{
    unsigned bits = 8u << size;
    switch (op) {
    case EL_MUL:
        return a * b;
    case EL_MLA:
        return acc + a * b;
    case EL_MLS:
        return acc - a * b;
    default: {
        unsigned sh = 64 - bits;
        i128 p = 2 * (i128)((int64_t)(a << sh) >> sh) * ((int64_t)(b << sh) >> sh);
        if (op == EL_QRDMULH)
            p += (i128)1 << (bits - 1);
        return simd_sat(cpu, p >> bits, size, false);
    }
    }
}

static int simd_elem_same(struct cpu_state *cpu, uint32_t insn, enum elem_op op,
                          bool scalar)
{
    unsigned q = SIMD_Q(insn), size = SIMD_SIZE(insn), index, rm;
    if (size == 3 || !elem_index(insn, size, &index, &rm))
        return a64_undef(cpu, insn);
    simd_vec n = simd_get(cpu, A64_RN(insn)), m = simd_get(cpu, rm);
    simd_vec d = simd_get(cpu, A64_RD(insn)), r = { .d = { 0, 0 } };
    uint64_t b = vec_elem(&m, size, index), mask = simd_elem_mask(size);
    if (scalar) {
        uint64_t v = elem_same(cpu, op, size, vec_elem(&n, size, 0), b, 0);
        simd_put_scalar(cpu, A64_RD(insn), v & mask, 1u << size);
        return A64_NEXT;
    }
    for (unsigned i = 0; i < simd_elems(q, size); i++)
        vec_set(&r, size, i,
                elem_same(cpu, op, size, vec_elem(&n, size, i), b,
                          vec_elem(&d, size, i)) & mask);
    simd_put(cpu, A64_RD(insn), &r, q);
    return A64_NEXT;
}

static int trans_MUL_elem(struct cpu_state *cpu, uint32_t insn)
{
    return simd_elem_same(cpu, insn, EL_MUL, false);
}

static int trans_MLA_elem(struct cpu_state *cpu, uint32_t insn)
{
    return simd_elem_same(cpu, insn, EL_MLA, false);
}

static int trans_MLS_elem(struct cpu_state *cpu, uint32_t insn)
{
    return simd_elem_same(cpu, insn, EL_MLS, false);
}

static int trans_SQDMULH_elem(struct cpu_state *cpu, uint32_t insn)
{
    return simd_elem_same(cpu, insn, EL_QDMULH, false);
}

static int trans_SQRDMULH_elem(struct cpu_state *cpu, uint32_t insn)
{
    return simd_elem_same(cpu, insn, EL_QRDMULH, false);
}

static int trans_SQDMULH_elem_scalar(struct cpu_state *cpu, uint32_t insn)
{
    return simd_elem_same(cpu, insn, EL_QDMULH, true);
}

static int trans_SQRDMULH_elem_scalar(struct cpu_state *cpu, uint32_t insn)
{
    return simd_elem_same(cpu, insn, EL_QRDMULH, true);
}

/* SQRDMLAH/SQRDMLSH by element (bit 13 selects subtract). */
static int simd_elem_qrdmlah(struct cpu_state *cpu, uint32_t insn, bool scalar)
{
    unsigned q = scalar ? 0 : SIMD_Q(insn), size = SIMD_SIZE(insn), index, rm;
    bool sub = a64_bits(insn, 13, 1);
    if (size == 3 || !elem_index(insn, size, &index, &rm))
        return a64_undef(cpu, insn);
    simd_vec n = simd_get(cpu, A64_RN(insn)), m = simd_get(cpu, rm);
    simd_vec d = simd_get(cpu, A64_RD(insn)), r = { .d = { 0, 0 } };
    uint64_t b = vec_elem(&m, size, index);
    unsigned count = scalar ? 1 : simd_elems(q, size);
    for (unsigned i = 0; i < count; i++)
        vec_set(&r, size, i, a64_simd_qrdmlah(cpu, size, sub, vec_elem(&n, size, i),
                                              b, vec_elem(&d, size, i)));
    if (scalar)
        simd_put_scalar(cpu, A64_RD(insn), vec_elem(&r, size, 0), 1u << size);
    else
        simd_put(cpu, A64_RD(insn), &r, q);
    return A64_NEXT;
}

static int trans_SQRDMLAH_elem(struct cpu_state *cpu, uint32_t insn)
{
    return simd_elem_qrdmlah(cpu, insn, false);
}

static int trans_SQRDMLAH_elem_scalar(struct cpu_state *cpu, uint32_t insn)
{
    return simd_elem_qrdmlah(cpu, insn, true);
}

/* SDOT/UDOT (U), and USDOT/SUDOT (size 10/00 with U=0, bit 23 = 1) by
 * element: each word of Vn against the indexed word of Vm (H:L). */
static int simd_elem_dot(struct cpu_state *cpu, uint32_t insn, bool n_signed,
                         bool m_signed)
{
    unsigned q = SIMD_Q(insn);
    unsigned index = a64_bits(insn, 11, 1) << 1 | a64_bits(insn, 21, 1);
    simd_vec n = simd_get(cpu, A64_RN(insn));
    simd_vec m = simd_get(cpu, a64_bits(insn, 16, 5));
    simd_vec r = simd_get(cpu, A64_RD(insn));
    for (unsigned i = 0; i < (q ? 4u : 2u); i++)
        r.s[i] = a64_simd_dot4(r.s[i], n.s[i], m.s[index], n_signed, m_signed);
    simd_put(cpu, A64_RD(insn), &r, q);
    return A64_NEXT;
}

static int trans_SDOT_UDOT_elem(struct cpu_state *cpu, uint32_t insn)
{
    bool s = !SIMD_U(insn);
    return simd_elem_dot(cpu, insn, s, s);
}

/* size 00: SUDOT (n signed, m unsigned); size 10: USDOT. */
static int trans_SUDOT_USDOT_elem(struct cpu_state *cpu, uint32_t insn)
{
    bool sudot = !a64_bits(insn, 23, 1);
    return simd_elem_dot(cpu, insn, sudot, !sudot);
}

/* FCMLA by element: every complex pair of Vn against pair `index` of Vm.
 * size 01 is half precision (index H:L; with Q=0 only pairs 0 and 1),
 * size 10 single (index H; Q=1, L=0). */
static int trans_FCMLA_elem(struct cpu_state *cpu, uint32_t insn)
{
    unsigned q = SIMD_Q(insn), size = SIMD_SIZE(insn), rot = a64_bits(insn, 13, 2);
    unsigned h = a64_bits(insn, 11, 1), l = a64_bits(insn, 21, 1), index;
    if (size == 1) {
        if (h && !q)
            return a64_undef(cpu, insn);
        index = h << 1 | l;
    } else if (size == 2) {
        if (!q || l)
            return a64_undef(cpu, insn);
        index = h;
    } else {
        return a64_undef(cpu, insn);
    }
    simd_vec n = simd_get(cpu, A64_RN(insn));
    simd_vec m = simd_get(cpu, a64_bits(insn, 16, 5));
    simd_vec r = simd_get(cpu, A64_RD(insn));
    uint64_t m_re = vec_elem(&m, size, 2 * index), m_im = vec_elem(&m, size, 2 * index + 1);
    for (unsigned e = 0; e < simd_elems(q, size) / 2; e++) {
        uint64_t re = vec_elem(&r, size, 2 * e), im = vec_elem(&r, size, 2 * e + 1);
        a64_simd_fcmla_pair(cpu, size, rot, vec_elem(&n, size, 2 * e),
                            vec_elem(&n, size, 2 * e + 1), m_re, m_im, &re, &im);
        vec_set(&r, size, 2 * e, re);
        vec_set(&r, size, 2 * e + 1, im);
    }
    simd_put(cpu, A64_RD(insn), &r, q);
    return A64_NEXT;
}

/* FMLAL/FMLSL (bit 14 subtracts) by element, and the "2" forms (U=1):
 * half-precision element H:L:M of Vm (Rm < 16). */
static int trans_FMLAL_elem(struct cpu_state *cpu, uint32_t insn)
{
    unsigned q = SIMD_Q(insn), count = q ? 4 : 2, base = SIMD_U(insn) ? count : 0;
    unsigned index = a64_bits(insn, 11, 1) << 2 | a64_bits(insn, 21, 1) << 1 |
                     a64_bits(insn, 20, 1);
    bool sub = a64_bits(insn, 14, 1);
    simd_vec n = simd_get(cpu, A64_RN(insn)), m = simd_get(cpu, a64_bits(insn, 16, 4));
    simd_vec r = simd_get(cpu, A64_RD(insn));
    uint16_t b = m.h[index];
    for (unsigned e = 0; e < count; e++) {
        uint16_t a = n.h[base + e];
        r.s[e] = fpu_muladd_h(cpu, r.s[e], sub ? fpu16_neg(a) : a, b);
    }
    simd_put(cpu, A64_RD(insn), &r, q);
    return A64_NEXT;
}

static int trans_FMLAL2_elem(struct cpu_state *cpu, uint32_t insn)
{
    return trans_FMLAL_elem(cpu, insn);
}

/* Long forms: the lower (Q=0) or upper (Q=1) half of Vn by one element,
 * into double-width elements. */
enum elem_long_op { EL_MULL, EL_MLAL, EL_MLSL, EL_QDMULL, EL_QDMLAL, EL_QDMLSL };

static uint64_t elem_long(struct cpu_state *cpu, enum elem_long_op op,
                          unsigned size, i128 a, i128 b, uint64_t acc)
{
    unsigned wsize = size + 1;
    switch (op) {
    case EL_MULL:
        return (uint64_t)(a * b);
    case EL_MLAL:
        return acc + (uint64_t)(a * b);
    case EL_MLSL:
        return acc - (uint64_t)(a * b);
    default: {
        uint64_t prod = simd_sat(cpu, 2 * a * b, wsize, false);
        if (op == EL_QDMULL)
            return prod;
        unsigned sh = 64 - (8u << wsize);
        i128 p = (int64_t)(prod << sh) >> sh, c = (int64_t)(acc << sh) >> sh;
        return simd_sat(cpu, op == EL_QDMLAL ? c + p : c - p, wsize, false);
    }
    }
}

static int simd_elem_long(struct cpu_state *cpu, uint32_t insn,
                          enum elem_long_op op, bool scalar)
{
    unsigned q = SIMD_Q(insn), size = SIMD_SIZE(insn), index, rm;
    bool u = SIMD_U(insn);
    if (op >= EL_QDMULL && u)
        return a64_undef(cpu, insn);
    if (size == 3 || !elem_index(insn, size, &index, &rm))
        return a64_undef(cpu, insn);
    simd_vec n = simd_get(cpu, A64_RN(insn)), m = simd_get(cpu, rm);
    simd_vec d = simd_get(cpu, A64_RD(insn)), r = { .d = { 0, 0 } };
    i128 b = u ? (i128)vec_elem(&m, size, index) : (i128)vec_selem(&m, size, index);
    unsigned wsize = size + 1;
    if (scalar) {
        uint64_t v = elem_long(cpu, op, size, vec_selem(&n, size, 0), b,
                               vec_elem(&d, wsize, 0));
        simd_put_scalar(cpu, A64_RD(insn), v & simd_elem_mask(wsize), 1u << wsize);
        return A64_NEXT;
    }
    unsigned count = 8u >> size, base = q ? count : 0;
    for (unsigned i = 0; i < count; i++) {
        i128 a = u ? (i128)vec_elem(&n, size, base + i)
                   : (i128)vec_selem(&n, size, base + i);
        vec_set(&r, wsize, i, elem_long(cpu, op, size, a, b, vec_elem(&d, wsize, i)));
    }
    simd_put(cpu, A64_RD(insn), &r, true);
    return A64_NEXT;
}

#define LONG_ROW(name, op_)                                                  \
    static int trans_##name(struct cpu_state *cpu, uint32_t insn)            \
    {                                                                        \
        return simd_elem_long(cpu, insn, op_, false);                        \
    }

LONG_ROW(MULL_elem, EL_MULL)
LONG_ROW(MLAL_elem, EL_MLAL)
LONG_ROW(MLSL_elem, EL_MLSL)
LONG_ROW(SQDMULL_elem, EL_QDMULL)
LONG_ROW(SQDMLAL_elem, EL_QDMLAL)
LONG_ROW(SQDMLSL_elem, EL_QDMLSL)

static int trans_SQDMULL_elem_scalar(struct cpu_state *cpu, uint32_t insn)
{
    return simd_elem_long(cpu, insn, EL_QDMULL, true);
}

static int trans_SQDMLAL_elem_scalar(struct cpu_state *cpu, uint32_t insn)
{
    return simd_elem_long(cpu, insn, EL_QDMLAL, true);
}

static int trans_SQDMLSL_elem_scalar(struct cpu_state *cpu, uint32_t insn)
{
    return simd_elem_long(cpu, insn, EL_QDMLSL, true);
}

/* FMLA, FMLS, FMUL (U=0) and FMULX (U=1) by element. size 00 is half
 * precision (index H:L:M, Rm < 16), 10 single, 11 double; 01 reserved. */
static int simd_elem_fp(struct cpu_state *cpu, uint32_t insn, fp_elem_fn fn,
                        bool scalar)
{
    static const unsigned elem_size[4] = { 1, 0, 2, 3 };
    unsigned q = SIMD_Q(insn), index, rm;
    unsigned size = elem_size[SIMD_SIZE(insn)];
    if (!size || !elem_index(insn, size, &index, &rm) ||
        (!scalar && size == 3 && !q))
        return a64_undef(cpu, insn);
    simd_vec n = simd_get(cpu, A64_RN(insn)), m = simd_get(cpu, rm);
    simd_vec d = simd_get(cpu, A64_RD(insn)), r = { .d = { 0, 0 } };
    uint64_t b = vec_elem(&m, size, index);
    if (scalar) {
        uint64_t v = fn(cpu, size, vec_elem(&n, size, 0), b, vec_elem(&d, size, 0));
        simd_put_scalar(cpu, A64_RD(insn), v, 1u << size);
        return A64_NEXT;
    }
    for (unsigned i = 0; i < simd_elems(q, size); i++)
        vec_set(&r, size, i, fn(cpu, size, vec_elem(&n, size, i), b,
                                vec_elem(&d, size, i)));
    simd_put(cpu, A64_RD(insn), &r, q);
    return A64_NEXT;
}

static int trans_FMLA_elem(struct cpu_state *cpu, uint32_t insn)
{
    return simd_elem_fp(cpu, insn, fp_elem_mla, false);
}

static int trans_FMLS_elem(struct cpu_state *cpu, uint32_t insn)
{
    return simd_elem_fp(cpu, insn, fp_elem_mls, false);
}

static int trans_FMUL_FMULX_elem(struct cpu_state *cpu, uint32_t insn)
{
    return simd_elem_fp(cpu, insn, SIMD_U(insn) ? fp_elem_mulx : fp_elem_mul,
                        false);
}

static int trans_FMLA_elem_scalar(struct cpu_state *cpu, uint32_t insn)
{
    return simd_elem_fp(cpu, insn, fp_elem_mla, true);
}

static int trans_FMLS_elem_scalar(struct cpu_state *cpu, uint32_t insn)
{
    return simd_elem_fp(cpu, insn, fp_elem_mls, true);
}

static int trans_FMUL_FMULX_elem_scalar(struct cpu_state *cpu, uint32_t insn)
{
    return simd_elem_fp(cpu, insn, SIMD_U(insn) ? fp_elem_mulx : fp_elem_mul,
                        true);
}

/* Field letters: q Q, u U, s size, z sz, l L, k M, m Rm, h H, x S (or
 * size<1>), n Rn, d Rd. */
const struct a64_pattern a64_simd_elem_patterns[] = {
    A64_PATTERN(MLA_elem,      "0q10_1111_sslk_mmmm_0000_h0nn_nnnd_dddd"),
    A64_PATTERN(MLAL_elem,     "0qu0_1111_sslk_mmmm_0010_h0nn_nnnd_dddd"),
    A64_PATTERN(SQDMLAL_elem,  "0q00_1111_sslk_mmmm_0011_h0nn_nnnd_dddd"),
    A64_PATTERN(MLS_elem,      "0q10_1111_sslk_mmmm_0100_h0nn_nnnd_dddd"),
    A64_PATTERN(MLSL_elem,     "0qu0_1111_sslk_mmmm_0110_h0nn_nnnd_dddd"),
    A64_PATTERN(SQDMLSL_elem,  "0q00_1111_sslk_mmmm_0111_h0nn_nnnd_dddd"),
    A64_PATTERN(MUL_elem,      "0q00_1111_sslk_mmmm_1000_h0nn_nnnd_dddd"),
    A64_PATTERN(MULL_elem,     "0qu0_1111_sslk_mmmm_1010_h0nn_nnnd_dddd"),
    A64_PATTERN(SQDMULL_elem,  "0q00_1111_sslk_mmmm_1011_h0nn_nnnd_dddd"),
    A64_PATTERN(SQDMULH_elem,  "0q00_1111_sslk_mmmm_1100_h0nn_nnnd_dddd"),
    A64_PATTERN(SQRDMULH_elem, "0q00_1111_sslk_mmmm_1101_h0nn_nnnd_dddd"),
    A64_PATTERN(SQRDMLAH_elem, "0q10_1111_sslk_mmmm_11x1_h0nn_nnnd_dddd"),
    A64_PATTERN(SDOT_UDOT_elem, "0qu0_1111_10lk_mmmm_1110_h0nn_nnnd_dddd"),
    A64_PATTERN(SUDOT_USDOT_elem, "0q00_1111_x0lk_mmmm_1111_h0nn_nnnd_dddd"),
    A64_PATTERN(FMLAL_elem,    "0q00_1111_10lk_mmmm_0x00_h0nn_nnnd_dddd"),
    A64_PATTERN(FMLAL2_elem,   "0q10_1111_10lk_mmmm_1x00_h0nn_nnnd_dddd"),
    A64_PATTERN(FCMLA_elem,    "0q10_1111_sslk_mmmm_0rr1_h0nn_nnnd_dddd"),
    A64_PATTERN(FMLA_elem,     "0q00_1111_sslk_mmmm_0001_h0nn_nnnd_dddd"),
    A64_PATTERN(FMLS_elem,     "0q00_1111_sslk_mmmm_0101_h0nn_nnnd_dddd"),
    A64_PATTERN(FMUL_FMULX_elem, "0qu0_1111_sslk_mmmm_1001_h0nn_nnnd_dddd"),

    A64_PATTERN(SQDMLAL_elem_scalar,  "0101_1111_sslk_mmmm_0011_h0nn_nnnd_dddd"),
    A64_PATTERN(SQDMLSL_elem_scalar,  "0101_1111_sslk_mmmm_0111_h0nn_nnnd_dddd"),
    A64_PATTERN(SQDMULL_elem_scalar,  "0101_1111_sslk_mmmm_1011_h0nn_nnnd_dddd"),
    A64_PATTERN(SQDMULH_elem_scalar,  "0101_1111_sslk_mmmm_1100_h0nn_nnnd_dddd"),
    A64_PATTERN(SQRDMULH_elem_scalar, "0101_1111_sslk_mmmm_1101_h0nn_nnnd_dddd"),
    A64_PATTERN(SQRDMLAH_elem_scalar, "0111_1111_sslk_mmmm_11x1_h0nn_nnnd_dddd"),
    A64_PATTERN(FMLA_elem_scalar,     "0101_1111_sslk_mmmm_0001_h0nn_nnnd_dddd"),
    A64_PATTERN(FMLS_elem_scalar,     "0101_1111_sslk_mmmm_0101_h0nn_nnnd_dddd"),
    A64_PATTERN(FMUL_FMULX_elem_scalar, "01u1_1111_sslk_mmmm_1001_h0nn_nnnd_dddd"),
    A64_PATTERN_END,
};
