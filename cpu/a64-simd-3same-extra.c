/* AdvSIMD three same (extra): SQRDMLAH/SQRDMLSH (vector and scalar),
 * SDOT/UDOT/USDOT, the int8 matrix multiplies SMMLA/UMMLA/USMMLA, and the
 * complex-number FCADD/FCMLA (half, single, double). The BF16 forms are
 * not implemented (UNDEFINED). */
#include "cpu/a64-simd-fp-ops.h"

/* SQRDMLAH/SQRDMLSH on one element: (acc << esize) +/- 2*a*b, rounded,
 * high half, saturated. Shared with the by-element forms. */
uint64_t a64_simd_qrdmlah(struct cpu_state *cpu, unsigned size, bool sub,
                          uint64_t a, uint64_t b, uint64_t acc)
{
    unsigned bits = 8u << size;
    i128 prod = 2 * (i128)simd_sext(a, size) * simd_sext(b, size);
    i128 v = (i128)simd_sext(acc, size) * ((i128)1 << bits) + (sub ? -prod : prod) +
             ((i128)1 << (bits - 1));
    return simd_sat(cpu, v >> bits, size, false);
}

static int simd_qrdmlah(struct cpu_state *cpu, uint32_t insn, bool scalar)
{
    unsigned q = scalar ? 0 : SIMD_Q(insn), size = SIMD_SIZE(insn);
    bool sub = a64_bits(insn, 11, 1);
    if (size == 0 || size == 3)
        return a64_undef(cpu, insn);
    simd_vec n = simd_get(cpu, A64_RN(insn)), m = simd_get(cpu, A64_RM(insn));
    simd_vec d = simd_get(cpu, A64_RD(insn)), r = { .d = { 0, 0 } };
    unsigned count = scalar ? 1 : simd_elems(q, size);
    for (unsigned i = 0; i < count; i++)
        vec_set(&r, size, i,
                a64_simd_qrdmlah(cpu, size, sub, vec_elem(&n, size, i),
                                 vec_elem(&m, size, i), vec_elem(&d, size, i)));
    if (scalar)
        simd_put_scalar(cpu, A64_RD(insn), vec_elem(&r, size, 0), 1u << size);
    else
        simd_put(cpu, A64_RD(insn), &r, q);
    return A64_NEXT;
}

static int trans_SQRDMLAH_SQRDMLSH(struct cpu_state *cpu, uint32_t insn)
{
    return simd_qrdmlah(cpu, insn, false);
}

static int trans_SQRDMLAH_SQRDMLSH_scalar(struct cpu_state *cpu, uint32_t insn)
{
    return simd_qrdmlah(cpu, insn, true);
}

/* Dot product of four bytes into each word; the signedness of the n and m
 * bytes is given separately (USDOT: n unsigned, m signed). Shared with the
 * by-element forms, where m_word is the indexed word. */
uint32_t a64_simd_dot4(uint32_t acc, uint32_t n_word, uint32_t m_word,
                       bool n_signed, bool m_signed)
{
    uint32_t sum = acc;
    for (int k = 0; k < 4; k++) {
        uint8_t nb = (uint8_t)(n_word >> (8 * k)), mb = (uint8_t)(m_word >> (8 * k));
        int32_t x = n_signed ? (int8_t)nb : nb, y = m_signed ? (int8_t)mb : mb;
        sum += (uint32_t)(x * y);
    }
    return sum;
}

static int simd_dot(struct cpu_state *cpu, uint32_t insn, bool n_signed,
                    bool m_signed)
{
    unsigned q = SIMD_Q(insn);
    if (SIMD_SIZE(insn) != 2)
        return a64_undef(cpu, insn);
    simd_vec n = simd_get(cpu, A64_RN(insn)), m = simd_get(cpu, A64_RM(insn));
    simd_vec r = simd_get(cpu, A64_RD(insn));
    for (unsigned i = 0; i < (q ? 4u : 2u); i++)
        r.s[i] = a64_simd_dot4(r.s[i], n.s[i], m.s[i], n_signed, m_signed);
    simd_put(cpu, A64_RD(insn), &r, q);
    return A64_NEXT;
}

static int trans_SDOT_UDOT(struct cpu_state *cpu, uint32_t insn)
{
    bool s = !SIMD_U(insn);
    return simd_dot(cpu, insn, s, s);
}

static int trans_USDOT(struct cpu_state *cpu, uint32_t insn)
{
    return simd_dot(cpu, insn, false, true);
}

/* SMMLA/UMMLA/USMMLA: Vn and Vm as 2x8 byte matrices (one row per
 * doubleword); Vd.4S += Vn * transpose(Vm). */
static int simd_mmla(struct cpu_state *cpu, uint32_t insn, bool n_signed,
                     bool m_signed)
{
    simd_vec n = simd_get(cpu, A64_RN(insn)), m = simd_get(cpu, A64_RM(insn));
    simd_vec r = simd_get(cpu, A64_RD(insn));
    for (int i = 0; i < 2; i++) {
        for (int j = 0; j < 2; j++) {
            uint32_t acc = r.s[2 * i + j];
            acc = a64_simd_dot4(acc, n.s[2 * i], m.s[2 * j], n_signed, m_signed);
            acc = a64_simd_dot4(acc, n.s[2 * i + 1], m.s[2 * j + 1], n_signed,
                                m_signed);
            r.s[2 * i + j] = acc;
        }
    }
    simd_put(cpu, A64_RD(insn), &r, true);
    return A64_NEXT;
}

static int trans_SMMLA_UMMLA(struct cpu_state *cpu, uint32_t insn)
{
    bool s = !SIMD_U(insn);
    return simd_mmla(cpu, insn, s, s);
}

static int trans_USMMLA(struct cpu_state *cpu, uint32_t insn)
{
    return simd_mmla(cpu, insn, false, true);
}

/* FCADD #90 (rot=0) / #270 (rot=1): n + (m rotated), per complex pair. */
static int trans_FCADD(struct cpu_state *cpu, uint32_t insn)
{
    unsigned q = SIMD_Q(insn), size = SIMD_SIZE(insn);
    bool rot270 = a64_bits(insn, 12, 1);
    if (size == 0 || (size == 3 && !q))
        return a64_undef(cpu, insn);
    simd_vec n = simd_get(cpu, A64_RN(insn)), m = simd_get(cpu, A64_RM(insn));
    simd_vec r = { .d = { 0, 0 } };
    for (unsigned e = 0; e < simd_elems(q, size) / 2; e++) {
        uint64_t re = vec_elem(&m, size, 2 * e), im = vec_elem(&m, size, 2 * e + 1);
        uint64_t add_re = rot270 ? im : fp_neg(size, im);
        uint64_t add_im = rot270 ? fp_neg(size, re) : re;
        vec_set(&r, size, 2 * e,
                fp_elem_add(cpu, size, vec_elem(&n, size, 2 * e), add_re, 0));
        vec_set(&r, size, 2 * e + 1,
                fp_elem_add(cpu, size, vec_elem(&n, size, 2 * e + 1), add_im, 0));
    }
    simd_put(cpu, A64_RD(insn), &r, q);
    return A64_NEXT;
}

/* FCMLA on one complex pair: d += n * m rotated by rot * 90 degrees, as
 * two fused multiply-adds (the architecture's element1..element4). */
void a64_simd_fcmla_pair(struct cpu_state *cpu, unsigned size, unsigned rot,
                         uint64_t n_re, uint64_t n_im, uint64_t m_re,
                         uint64_t m_im, uint64_t *d_re, uint64_t *d_im)
{
    uint64_t e1, e2, e3, e4;
    switch (rot) {
    case 0:
        e1 = m_re; e2 = n_re; e3 = m_im; e4 = n_re;
        break;
    case 1:
        e1 = fp_neg(size, m_im); e2 = n_im; e3 = m_re; e4 = n_im;
        break;
    case 2:
        e1 = fp_neg(size, m_re); e2 = n_re; e3 = fp_neg(size, m_im); e4 = n_re;
        break;
    default:
        e1 = m_im; e2 = n_im; e3 = fp_neg(size, m_re); e4 = n_im;
        break;
    }
    *d_re = fp_muladd(cpu, size, *d_re, e2, e1);
    *d_im = fp_muladd(cpu, size, *d_im, e4, e3);
}

static int trans_FCMLA(struct cpu_state *cpu, uint32_t insn)
{
    unsigned q = SIMD_Q(insn), size = SIMD_SIZE(insn), rot = a64_bits(insn, 11, 2);
    if (size == 0 || (size == 3 && !q))
        return a64_undef(cpu, insn);
    simd_vec n = simd_get(cpu, A64_RN(insn)), m = simd_get(cpu, A64_RM(insn));
    simd_vec r = simd_get(cpu, A64_RD(insn));
    for (unsigned e = 0; e < simd_elems(q, size) / 2; e++) {
        uint64_t re = vec_elem(&r, size, 2 * e), im = vec_elem(&r, size, 2 * e + 1);
        a64_simd_fcmla_pair(cpu, size, rot, vec_elem(&n, size, 2 * e),
                            vec_elem(&n, size, 2 * e + 1), vec_elem(&m, size, 2 * e),
                            vec_elem(&m, size, 2 * e + 1), &re, &im);
        vec_set(&r, size, 2 * e, re);
        vec_set(&r, size, 2 * e + 1, im);
    }
    simd_put(cpu, A64_RD(insn), &r, q);
    return A64_NEXT;
}

/* Field letters: q Q, u U, s size, m Rm, x S (subtract), r rot, n Rn, d Rd. */
const struct a64_pattern a64_simd_3same_extra_patterns[] = {
    A64_PATTERN(SQRDMLAH_SQRDMLSH,        "0q10_1110_ss0m_mmmm_1000_x1nn_nnnd_dddd"),
    A64_PATTERN(SQRDMLAH_SQRDMLSH_scalar, "0111_1110_ss0m_mmmm_1000_x1nn_nnnd_dddd"),
    A64_PATTERN(SDOT_UDOT,                "0qu0_1110_ss0m_mmmm_1001_01nn_nnnd_dddd"),
    A64_PATTERN(USDOT,                    "0q00_1110_ss0m_mmmm_1001_11nn_nnnd_dddd"),
    A64_PATTERN(SMMLA_UMMLA,              "01u0_1110_100m_mmmm_1010_01nn_nnnd_dddd"),
    A64_PATTERN(USMMLA,                   "0100_1110_100m_mmmm_1010_11nn_nnnd_dddd"),
    A64_PATTERN(FCMLA,                    "0q10_1110_ss0m_mmmm_110r_r1nn_nnnd_dddd"),
    A64_PATTERN(FCADD,                    "0q10_1110_ss0m_mmmm_111r_01nn_nnnd_dddd"),
    A64_PATTERN_END,
};
