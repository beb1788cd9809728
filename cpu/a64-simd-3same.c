/* AdvSIMD integer three same (vector and scalar forms): halving, saturating
 * and plain add/subtract, compares, shifts by register, max/min, absolute
 * difference, multiply(-accumulate), pairwise ADDP/MAXP/MINP, doubling
 * multiply high, and the bitwise AND/BIC/ORR/ORN/EOR/BSL/BIT/BIF.
 * The floating-point opcodes of this class are in a64-simd-3same-fp.c. */
#include "cpu/a64-simd-common.h"

/* One element operation: a and b are the zero-extended elements of Vn and
 * Vm, acc that of Vd; the result is truncated to the element size. */
typedef uint64_t (*same_fn)(struct cpu_state *cpu, unsigned size, bool u,
                            uint64_t a, uint64_t b, uint64_t acc);

/* The element as a wide integer, signed or unsigned. */
static i128 wide(uint64_t v, unsigned size, bool u)
{
    return u ? (i128)v : (i128)simd_sext(v, size);
}

static uint64_t op_hadd(struct cpu_state *cpu, unsigned size, bool u,
                        uint64_t a, uint64_t b, uint64_t acc)
{
    return (uint64_t)((wide(a, size, u) + wide(b, size, u)) >> 1);
}

static uint64_t op_rhadd(struct cpu_state *cpu, unsigned size, bool u,
                         uint64_t a, uint64_t b, uint64_t acc)
{
    return (uint64_t)((wide(a, size, u) + wide(b, size, u) + 1) >> 1);
}

static uint64_t op_hsub(struct cpu_state *cpu, unsigned size, bool u,
                        uint64_t a, uint64_t b, uint64_t acc)
{
    return (uint64_t)((wide(a, size, u) - wide(b, size, u)) >> 1);
}

static uint64_t op_qadd(struct cpu_state *cpu, unsigned size, bool u,
                        uint64_t a, uint64_t b, uint64_t acc)
{
    return simd_sat(cpu, wide(a, size, u) + wide(b, size, u), size, u);
}

static uint64_t op_qsub(struct cpu_state *cpu, unsigned size, bool u,
                        uint64_t a, uint64_t b, uint64_t acc)
{
    return simd_sat(cpu, wide(a, size, u) - wide(b, size, u), size, u);
}

static uint64_t op_cmgt(struct cpu_state *cpu, unsigned size, bool u,
                        uint64_t a, uint64_t b, uint64_t acc)
{
    return wide(a, size, u) > wide(b, size, u) ? UINT64_MAX : 0;
}

static uint64_t op_cmge(struct cpu_state *cpu, unsigned size, bool u,
                        uint64_t a, uint64_t b, uint64_t acc)
{
    return wide(a, size, u) >= wide(b, size, u) ? UINT64_MAX : 0;
}

/* CMTST (U=0) / CMEQ (U=1). */
static uint64_t op_cmtst_cmeq(struct cpu_state *cpu, unsigned size, bool u,
                              uint64_t a, uint64_t b, uint64_t acc)
{
    if (u)
        return a == b ? UINT64_MAX : 0;
    return (a & b) ? UINT64_MAX : 0;
}

/* Shift a by the signed byte at the bottom of b: left if positive, right
 * (arithmetic for signed) if negative; optionally rounding and/or
 * saturating, as SSHL, SRSHL, SQSHL, SQRSHL and their U forms. */
static uint64_t shift_by_reg(struct cpu_state *cpu, unsigned size, bool u,
                             uint64_t a, uint64_t b, bool round, bool sat)
{
    int shift = (int8_t)(uint8_t)b;
    unsigned bits = 8u << size;
    i128 v = wide(a, size, u);
    if (shift >= 0) {
        if (v == 0)
            return 0;
        if (shift >= (int)bits) {
            /* Everything is shifted out; saturation sees a huge value. */
            if (!sat)
                return 0;
            return simd_sat(cpu, v > 0 ? (i128)1 << 100 : -((i128)1 << 100),
                            size, u);
        }
        i128 r = v * ((i128)1 << shift);
        if (sat)
            return simd_sat(cpu, r, size, u);
        return (uint64_t)r;
    }
    int rs = -shift;
    if (rs > (int)bits + 1)
        rs = (int)bits + 1;
    i128 r = round ? (v + ((i128)1 << (rs - 1))) >> rs : v >> rs;
    return (uint64_t)r;
}

static uint64_t op_shl(struct cpu_state *cpu, unsigned size, bool u,
                       uint64_t a, uint64_t b, uint64_t acc)
{
    return shift_by_reg(cpu, size, u, a, b, false, false);
}

static uint64_t op_qshl(struct cpu_state *cpu, unsigned size, bool u,
                        uint64_t a, uint64_t b, uint64_t acc)
{
    return shift_by_reg(cpu, size, u, a, b, false, true);
}

static uint64_t op_rshl(struct cpu_state *cpu, unsigned size, bool u,
                        uint64_t a, uint64_t b, uint64_t acc)
{
    return shift_by_reg(cpu, size, u, a, b, true, false);
}

static uint64_t op_qrshl(struct cpu_state *cpu, unsigned size, bool u,
                         uint64_t a, uint64_t b, uint64_t acc)
{
    return shift_by_reg(cpu, size, u, a, b, true, true);
}

static uint64_t op_max(struct cpu_state *cpu, unsigned size, bool u,
                       uint64_t a, uint64_t b, uint64_t acc)
{
    return wide(a, size, u) > wide(b, size, u) ? a : b;
}

static uint64_t op_min(struct cpu_state *cpu, unsigned size, bool u,
                       uint64_t a, uint64_t b, uint64_t acc)
{
    return wide(a, size, u) < wide(b, size, u) ? a : b;
}

static uint64_t op_abd(struct cpu_state *cpu, unsigned size, bool u,
                       uint64_t a, uint64_t b, uint64_t acc)
{
    i128 d = wide(a, size, u) - wide(b, size, u);
    return (uint64_t)(d < 0 ? -d : d);
}

static uint64_t op_aba(struct cpu_state *cpu, unsigned size, bool u,
                       uint64_t a, uint64_t b, uint64_t acc)
{
    return acc + op_abd(cpu, size, u, a, b, acc);
}

/* ADD (U=0) / SUB (U=1). */
static uint64_t op_add_sub(struct cpu_state *cpu, unsigned size, bool u,
                           uint64_t a, uint64_t b, uint64_t acc)
{
    return u ? a - b : a + b;
}

/* MLA (U=0) / MLS (U=1). */
static uint64_t op_mla_mls(struct cpu_state *cpu, unsigned size, bool u,
                           uint64_t a, uint64_t b, uint64_t acc)
{
    return u ? acc - a * b : acc + a * b;
}

/* Polynomial (carry-less) multiply of bytes, low half. */
static uint64_t pmul8(uint64_t a, uint64_t b)
{
    uint64_t r = 0;
    for (int i = 0; i < 8; i++)
        if (b & (1u << i))
            r ^= a << i;
    return r;
}

/* MUL (U=0) / PMUL (U=1, bytes only). */
static uint64_t op_mul_pmul(struct cpu_state *cpu, unsigned size, bool u,
                            uint64_t a, uint64_t b, uint64_t acc)
{
    return u ? pmul8(a, b) : a * b;
}

/* SQDMULH (U=0) / SQRDMULH (U=1): high half of 2*a*b, saturated. */
static uint64_t op_qdmulh(struct cpu_state *cpu, unsigned size, bool u,
                          uint64_t a, uint64_t b, uint64_t acc)
{
    unsigned bits = 8u << size;
    i128 p = 2 * (i128)simd_sext(a, size) * simd_sext(b, size);
    if (u)
        p += (i128)1 << (bits - 1);
    return simd_sat(cpu, p >> bits, size, false);
}

static uint64_t op_add(struct cpu_state *cpu, unsigned size, bool u,
                       uint64_t a, uint64_t b, uint64_t acc)
{
    return a + b;
}

/* Which element sizes an operation allows (bit per size), whether it is
 * pairwise, and whether U=1 is allocated. */
struct same_desc {
    same_fn fn;
    unsigned sizes;
    bool pairwise;
};

#define SZ_BHS 0x7u
#define SZ_ALL 0xfu

static int simd_3same(struct cpu_state *cpu, uint32_t insn,
                      const struct same_desc *desc)
{
    unsigned q = SIMD_Q(insn), size = SIMD_SIZE(insn);
    bool u = SIMD_U(insn);
    if (!(desc->sizes & (1u << size)) || (size == 3 && !q))
        return a64_undef(cpu, insn);
    simd_vec n = simd_get(cpu, A64_RN(insn)), m = simd_get(cpu, A64_RM(insn));
    simd_vec d = simd_get(cpu, A64_RD(insn)), r = { .d = { 0, 0 } };
    unsigned elems = simd_elems(q, size), half = elems / 2;
    uint64_t mask = simd_elem_mask(size);
    for (unsigned i = 0; i < elems; i++) {
        uint64_t a, b;
        if (desc->pairwise) {
            const simd_vec *src = i < half ? &n : &m;
            unsigned j = 2 * (i % half);
            a = vec_elem(src, size, j);
            b = vec_elem(src, size, j + 1);
        } else {
            a = vec_elem(&n, size, i);
            b = vec_elem(&m, size, i);
        }
        vec_set(&r, size, i,
                desc->fn(cpu, size, u, a, b, vec_elem(&d, size, i)) & mask);
    }
    simd_put(cpu, A64_RD(insn), &r, q);
    return A64_NEXT;
}

#define SAME_ROW(name, fn_, sizes_, pairwise_)                               \
    static int trans_##name(struct cpu_state *cpu, uint32_t insn)            \
    {                                                                        \
        static const struct same_desc desc = { fn_, sizes_, pairwise_ };     \
        return simd_3same(cpu, insn, &desc);                                 \
    }

SAME_ROW(HADD, op_hadd, SZ_BHS, false)
SAME_ROW(QADD, op_qadd, SZ_ALL, false)
SAME_ROW(RHADD, op_rhadd, SZ_BHS, false)
SAME_ROW(HSUB, op_hsub, SZ_BHS, false)
SAME_ROW(QSUB, op_qsub, SZ_ALL, false)
SAME_ROW(CMGT_CMHI, op_cmgt, SZ_ALL, false)
SAME_ROW(CMGE_CMHS, op_cmge, SZ_ALL, false)
SAME_ROW(SSHL_USHL, op_shl, SZ_ALL, false)
SAME_ROW(SQSHL_UQSHL, op_qshl, SZ_ALL, false)
SAME_ROW(SRSHL_URSHL, op_rshl, SZ_ALL, false)
SAME_ROW(SQRSHL_UQRSHL, op_qrshl, SZ_ALL, false)
SAME_ROW(MAX, op_max, SZ_BHS, false)
SAME_ROW(MIN, op_min, SZ_BHS, false)
SAME_ROW(ABD, op_abd, SZ_BHS, false)
SAME_ROW(ABA, op_aba, SZ_BHS, false)
SAME_ROW(ADD_SUB, op_add_sub, SZ_ALL, false)
SAME_ROW(CMTST_CMEQ, op_cmtst_cmeq, SZ_ALL, false)
SAME_ROW(MLA_MLS, op_mla_mls, SZ_BHS, false)
SAME_ROW(MAXP, op_max, SZ_BHS, true)
SAME_ROW(MINP, op_min, SZ_BHS, true)
SAME_ROW(ADDP, op_add, SZ_ALL, true)

static int trans_MUL_PMUL(struct cpu_state *cpu, uint32_t insn)
{
    static const struct same_desc desc = { op_mul_pmul, SZ_BHS, false };
    if (SIMD_U(insn) && SIMD_SIZE(insn) != 0)
        return a64_undef(cpu, insn);
    return simd_3same(cpu, insn, &desc);
}

static int trans_QDMULH(struct cpu_state *cpu, uint32_t insn)
{
    static const struct same_desc desc = { op_qdmulh, 0x6u, false };
    return simd_3same(cpu, insn, &desc);
}

/* Bitwise: size selects AND/BIC/ORR/ORN (U=0) or EOR/BSL/BIT/BIF (U=1). */
static int trans_SIMD_logic(struct cpu_state *cpu, uint32_t insn)
{
    unsigned q = SIMD_Q(insn), op = SIMD_U(insn) << 2 | SIMD_SIZE(insn);
    simd_vec n = simd_get(cpu, A64_RN(insn)), m = simd_get(cpu, A64_RM(insn));
    simd_vec d = simd_get(cpu, A64_RD(insn)), r = { .d = { 0, 0 } };
    for (int i = 0; i < 2; i++) {
        uint64_t a = n.d[i], b = m.d[i], c = d.d[i];
        switch (op) {
        case 0: r.d[i] = a & b; break;                  /* AND */
        case 1: r.d[i] = a & ~b; break;                 /* BIC */
        case 2: r.d[i] = a | b; break;                  /* ORR */
        case 3: r.d[i] = a | ~b; break;                 /* ORN */
        case 4: r.d[i] = a ^ b; break;                  /* EOR */
        case 5: r.d[i] = (c & a) | (~c & b); break;     /* BSL */
        case 6: r.d[i] = (b & a) | (~b & c); break;     /* BIT */
        default: r.d[i] = (~b & a) | (b & c); break;    /* BIF */
        }
    }
    simd_put(cpu, A64_RD(insn), &r, q);
    return A64_NEXT;
}

/* Scalar three same: one element, D-sized except for the saturating
 * operations (and SQDMULH), which take any allowed size. */
static int simd_3same_scalar(struct cpu_state *cpu, uint32_t insn,
                             same_fn fn, unsigned sizes)
{
    unsigned size = SIMD_SIZE(insn);
    if (!(sizes & (1u << size)))
        return a64_undef(cpu, insn);
    unsigned bytes = 1u << size;
    uint64_t a = simd_get_scalar(cpu, A64_RN(insn), bytes);
    uint64_t b = simd_get_scalar(cpu, A64_RM(insn), bytes);
    uint64_t r = fn(cpu, size, SIMD_U(insn), a, b, 0) & simd_elem_mask(size);
    simd_put_scalar(cpu, A64_RD(insn), r, bytes);
    return A64_NEXT;
}

#define SCALAR_ROW(name, fn_, sizes_)                                        \
    static int trans_##name(struct cpu_state *cpu, uint32_t insn)            \
    {                                                                        \
        return simd_3same_scalar(cpu, insn, fn_, sizes_);                    \
    }

SCALAR_ROW(QADD_scalar, op_qadd, SZ_ALL)
SCALAR_ROW(QSUB_scalar, op_qsub, SZ_ALL)
SCALAR_ROW(CMGT_CMHI_scalar, op_cmgt, 0x8u)
SCALAR_ROW(CMGE_CMHS_scalar, op_cmge, 0x8u)
SCALAR_ROW(SSHL_USHL_scalar, op_shl, 0x8u)
SCALAR_ROW(SQSHL_UQSHL_scalar, op_qshl, SZ_ALL)
SCALAR_ROW(SRSHL_URSHL_scalar, op_rshl, 0x8u)
SCALAR_ROW(SQRSHL_UQRSHL_scalar, op_qrshl, SZ_ALL)
SCALAR_ROW(ADD_SUB_scalar, op_add_sub, 0x8u)
SCALAR_ROW(CMTST_CMEQ_scalar, op_cmtst_cmeq, 0x8u)
SCALAR_ROW(QDMULH_scalar, op_qdmulh, 0x6u)

/* Field letters: q Q, u U, s size, m Rm, n Rn, d Rd. */
const struct a64_pattern a64_simd_3same_patterns[] = {
    A64_PATTERN(HADD,          "0qu0_1110_ss1m_mmmm_0000_01nn_nnnd_dddd"),
    A64_PATTERN(QADD,          "0qu0_1110_ss1m_mmmm_0000_11nn_nnnd_dddd"),
    A64_PATTERN(RHADD,         "0qu0_1110_ss1m_mmmm_0001_01nn_nnnd_dddd"),
    A64_PATTERN(SIMD_logic,    "0qu0_1110_ss1m_mmmm_0001_11nn_nnnd_dddd"),
    A64_PATTERN(HSUB,          "0qu0_1110_ss1m_mmmm_0010_01nn_nnnd_dddd"),
    A64_PATTERN(QSUB,          "0qu0_1110_ss1m_mmmm_0010_11nn_nnnd_dddd"),
    A64_PATTERN(CMGT_CMHI,     "0qu0_1110_ss1m_mmmm_0011_01nn_nnnd_dddd"),
    A64_PATTERN(CMGE_CMHS,     "0qu0_1110_ss1m_mmmm_0011_11nn_nnnd_dddd"),
    A64_PATTERN(SSHL_USHL,     "0qu0_1110_ss1m_mmmm_0100_01nn_nnnd_dddd"),
    A64_PATTERN(SQSHL_UQSHL,   "0qu0_1110_ss1m_mmmm_0100_11nn_nnnd_dddd"),
    A64_PATTERN(SRSHL_URSHL,   "0qu0_1110_ss1m_mmmm_0101_01nn_nnnd_dddd"),
    A64_PATTERN(SQRSHL_UQRSHL, "0qu0_1110_ss1m_mmmm_0101_11nn_nnnd_dddd"),
    A64_PATTERN(MAX,           "0qu0_1110_ss1m_mmmm_0110_01nn_nnnd_dddd"),
    A64_PATTERN(MIN,           "0qu0_1110_ss1m_mmmm_0110_11nn_nnnd_dddd"),
    A64_PATTERN(ABD,           "0qu0_1110_ss1m_mmmm_0111_01nn_nnnd_dddd"),
    A64_PATTERN(ABA,           "0qu0_1110_ss1m_mmmm_0111_11nn_nnnd_dddd"),
    A64_PATTERN(ADD_SUB,       "0qu0_1110_ss1m_mmmm_1000_01nn_nnnd_dddd"),
    A64_PATTERN(CMTST_CMEQ,    "0qu0_1110_ss1m_mmmm_1000_11nn_nnnd_dddd"),
    A64_PATTERN(MLA_MLS,       "0qu0_1110_ss1m_mmmm_1001_01nn_nnnd_dddd"),
    A64_PATTERN(MUL_PMUL,      "0qu0_1110_ss1m_mmmm_1001_11nn_nnnd_dddd"),
    A64_PATTERN(MAXP,          "0qu0_1110_ss1m_mmmm_1010_01nn_nnnd_dddd"),
    A64_PATTERN(MINP,          "0qu0_1110_ss1m_mmmm_1010_11nn_nnnd_dddd"),
    A64_PATTERN(QDMULH,        "0qu0_1110_ss1m_mmmm_1011_01nn_nnnd_dddd"),
    A64_PATTERN(ADDP,          "0q00_1110_ss1m_mmmm_1011_11nn_nnnd_dddd"),

    A64_PATTERN(QADD_scalar,          "01u1_1110_ss1m_mmmm_0000_11nn_nnnd_dddd"),
    A64_PATTERN(QSUB_scalar,          "01u1_1110_ss1m_mmmm_0010_11nn_nnnd_dddd"),
    A64_PATTERN(CMGT_CMHI_scalar,     "01u1_1110_ss1m_mmmm_0011_01nn_nnnd_dddd"),
    A64_PATTERN(CMGE_CMHS_scalar,     "01u1_1110_ss1m_mmmm_0011_11nn_nnnd_dddd"),
    A64_PATTERN(SSHL_USHL_scalar,     "01u1_1110_ss1m_mmmm_0100_01nn_nnnd_dddd"),
    A64_PATTERN(SQSHL_UQSHL_scalar,   "01u1_1110_ss1m_mmmm_0100_11nn_nnnd_dddd"),
    A64_PATTERN(SRSHL_URSHL_scalar,   "01u1_1110_ss1m_mmmm_0101_01nn_nnnd_dddd"),
    A64_PATTERN(SQRSHL_UQRSHL_scalar, "01u1_1110_ss1m_mmmm_0101_11nn_nnnd_dddd"),
    A64_PATTERN(ADD_SUB_scalar,       "01u1_1110_ss1m_mmmm_1000_01nn_nnnd_dddd"),
    A64_PATTERN(CMTST_CMEQ_scalar,    "01u1_1110_ss1m_mmmm_1000_11nn_nnnd_dddd"),
    A64_PATTERN(QDMULH_scalar,        "01u1_1110_ss1m_mmmm_1011_01nn_nnnd_dddd"),
    A64_PATTERN_END,
};
