/* AdvSIMD integer two-register miscellaneous (vector and scalar): REV16/32/64,
 * pairwise widening adds, SUQADD/USQADD, CLS/CLZ/CNT/NOT/RBIT, SQABS/SQNEG,
 * compares against zero, ABS/NEG, and the narrowing XTN/SQXTN/UQXTN/SQXTUN
 * and widening SHLL. Floating-point opcodes are in a64-simd-misc-fp.c. */
#include "cpu/a64-simd-common.h"

/* An element-wise operation on Vn (and Vd for accumulating ones). */
typedef uint64_t (*misc_fn)(struct cpu_state *cpu, unsigned size, bool u,
                            uint64_t a, uint64_t acc);

static uint64_t op_suqadd_usqadd(struct cpu_state *cpu, unsigned size, bool u,
                                 uint64_t a, uint64_t acc)
{
    /* SUQADD: signed acc + unsigned a, signed result; USQADD the reverse. */
    if (u)
        return simd_sat(cpu, (i128)acc + simd_sext(a, size), size, true);
    return simd_sat(cpu, (i128)simd_sext(acc, size) + a, size, false);
}

static uint64_t op_cls_clz(struct cpu_state *cpu, unsigned size, bool u,
                           uint64_t a, uint64_t acc)
{
    unsigned bits = 8u << size;
    if (!u) /* CLS: leading bits equal to the sign, not counting it */
        a = (a ^ (a >> 1)) & (simd_elem_mask(size) >> 1);
    if (a == 0)
        return u ? bits : bits - 1;
    return (unsigned)__builtin_clzll(a) - (64 - bits) - (u ? 0 : 1);
}

static uint64_t op_sqabs_sqneg(struct cpu_state *cpu, unsigned size, bool u,
                               uint64_t a, uint64_t acc)
{
    i128 v = simd_sext(a, size);
    return simd_sat(cpu, u ? -v : (v < 0 ? -v : v), size, false);
}

static uint64_t op_cmgt_cmge_zero(struct cpu_state *cpu, unsigned size, bool u,
                                  uint64_t a, uint64_t acc)
{
    int64_t v = simd_sext(a, size);
    return (u ? v >= 0 : v > 0) ? UINT64_MAX : 0;
}

static uint64_t op_cmeq_cmle_zero(struct cpu_state *cpu, unsigned size, bool u,
                                  uint64_t a, uint64_t acc)
{
    int64_t v = simd_sext(a, size);
    return (u ? v <= 0 : v == 0) ? UINT64_MAX : 0;
}

static uint64_t op_cmlt_zero(struct cpu_state *cpu, unsigned size, bool u,
                             uint64_t a, uint64_t acc)
{
    return simd_sext(a, size) < 0 ? UINT64_MAX : 0;
}

static uint64_t op_abs_neg(struct cpu_state *cpu, unsigned size, bool u,
                           uint64_t a, uint64_t acc)
{
    int64_t v = simd_sext(a, size);
    return u ? (uint64_t)0 - a : (v < 0 ? (uint64_t)0 - a : a);
}

static int simd_misc_elementwise(struct cpu_state *cpu, uint32_t insn,
                                 misc_fn fn, unsigned sizes, bool u_allowed)
{
    unsigned q = SIMD_Q(insn), size = SIMD_SIZE(insn);
    bool u = SIMD_U(insn);
    if (!(sizes & (1u << size)) || (size == 3 && !q) || (u && !u_allowed))
        return a64_undef(cpu, insn);
    simd_vec n = simd_get(cpu, A64_RN(insn)), d = simd_get(cpu, A64_RD(insn));
    simd_vec r = { .d = { 0, 0 } };
    for (unsigned i = 0; i < simd_elems(q, size); i++)
        vec_set(&r, size, i,
                fn(cpu, size, u, vec_elem(&n, size, i), vec_elem(&d, size, i)));
    simd_put(cpu, A64_RD(insn), &r, q);
    return A64_NEXT;
}

static int simd_misc_scalar(struct cpu_state *cpu, uint32_t insn, misc_fn fn,
                            unsigned sizes)
{
    unsigned size = SIMD_SIZE(insn), bytes = 1u << size;
    if (!(sizes & (1u << size)))
        return a64_undef(cpu, insn);
    uint64_t a = simd_get_scalar(cpu, A64_RN(insn), bytes);
    uint64_t acc = simd_get_scalar(cpu, A64_RD(insn), bytes);
    uint64_t r = fn(cpu, size, SIMD_U(insn), a, acc) & simd_elem_mask(size);
    simd_put_scalar(cpu, A64_RD(insn), r, bytes);
    return A64_NEXT;
}

/* A vector row and its scalar twin (scalar_sizes: sizes the scalar form
 * allows; only the saturating ones take B/H/S as well as D). */
#define MISC_ROW(name, fn_, sizes_, u_allowed_, scalar_sizes_)               \
    static int trans_##name(struct cpu_state *cpu, uint32_t insn)            \
    {                                                                        \
        return simd_misc_elementwise(cpu, insn, fn_, sizes_, u_allowed_);    \
    }                                                                        \
    static int trans_##name##_scalar(struct cpu_state *cpu, uint32_t insn)   \
    {                                                                        \
        return simd_misc_scalar(cpu, insn, fn_, scalar_sizes_);              \
    }

MISC_ROW(SUQADD_USQADD, op_suqadd_usqadd, 0xfu, true, 0xfu)
MISC_ROW(SQABS_SQNEG, op_sqabs_sqneg, 0xfu, true, 0xfu)
MISC_ROW(CMGT_CMGE_zero, op_cmgt_cmge_zero, 0xfu, true, 0x8u)
MISC_ROW(CMEQ_CMLE_zero, op_cmeq_cmle_zero, 0xfu, true, 0x8u)
MISC_ROW(CMLT_zero, op_cmlt_zero, 0xfu, false, 0x8u)
MISC_ROW(ABS_NEG, op_abs_neg, 0xfu, true, 0x8u)

static int trans_CLS_CLZ(struct cpu_state *cpu, uint32_t insn)
{
    return simd_misc_elementwise(cpu, insn, op_cls_clz, 0x7u, true);
}

/* REV16/REV32/REV64: reverse the elements inside each container of 2, 4
 * or 8 bytes; an element as large as the container is reserved. */
static int simd_rev(struct cpu_state *cpu, uint32_t insn, unsigned container_log2)
{
    unsigned q = SIMD_Q(insn), size = SIMD_SIZE(insn);
    if (size >= container_log2)
        return a64_undef(cpu, insn);
    simd_vec n = simd_get(cpu, A64_RN(insn)), r = { .d = { 0, 0 } };
    unsigned per = 1u << (container_log2 - size);
    for (unsigned i = 0; i < simd_elems(q, size); i++)
        vec_set(&r, size, i ^ (per - 1), vec_elem(&n, size, i));
    simd_put(cpu, A64_RD(insn), &r, q);
    return A64_NEXT;
}

static int trans_REV64_REV32(struct cpu_state *cpu, uint32_t insn)
{
    return simd_rev(cpu, insn, SIMD_U(insn) ? 2 : 3);
}

static int trans_REV16(struct cpu_state *cpu, uint32_t insn)
{
    return simd_rev(cpu, insn, 1);
}

/* SADDLP/UADDLP (accumulate=false) and SADALP/UADALP. */
static int simd_addlp(struct cpu_state *cpu, uint32_t insn, bool accumulate)
{
    unsigned q = SIMD_Q(insn), size = SIMD_SIZE(insn);
    bool u = SIMD_U(insn);
    if (size == 3)
        return a64_undef(cpu, insn);
    simd_vec n = simd_get(cpu, A64_RN(insn)), d = simd_get(cpu, A64_RD(insn));
    simd_vec r = { .d = { 0, 0 } };
    for (unsigned i = 0; i < simd_elems(q, size + 1); i++) {
        uint64_t a = u ? vec_elem(&n, size, 2 * i) : (uint64_t)vec_selem(&n, size, 2 * i);
        uint64_t b = u ? vec_elem(&n, size, 2 * i + 1)
                       : (uint64_t)vec_selem(&n, size, 2 * i + 1);
        uint64_t sum = a + b + (accumulate ? vec_elem(&d, size + 1, i) : 0);
        vec_set(&r, size + 1, i, sum);
    }
    simd_put(cpu, A64_RD(insn), &r, q);
    return A64_NEXT;
}

static int trans_ADDLP(struct cpu_state *cpu, uint32_t insn)
{
    return simd_addlp(cpu, insn, false);
}

static int trans_ADALP(struct cpu_state *cpu, uint32_t insn)
{
    return simd_addlp(cpu, insn, true);
}

/* CNT (U=0, bytes), NOT (U=1, size 00), RBIT (U=1, size 01). */
static int trans_CNT_NOT_RBIT(struct cpu_state *cpu, uint32_t insn)
{
    unsigned q = SIMD_Q(insn), size = SIMD_SIZE(insn);
    bool u = SIMD_U(insn);
    if (size > (u ? 1u : 0u))
        return a64_undef(cpu, insn);
    simd_vec n = simd_get(cpu, A64_RN(insn)), r = { .d = { 0, 0 } };
    for (int i = 0; i < 16; i++) {
        uint8_t b = n.b[i];
        if (!u) {
            r.b[i] = (uint8_t)__builtin_popcount(b);
        } else if (size == 0) {
            r.b[i] = (uint8_t)~b;
        } else {
            uint8_t rev = 0;
            for (int k = 0; k < 8; k++)
                rev |= (uint8_t)(((b >> k) & 1) << (7 - k));
            r.b[i] = rev;
        }
    }
    simd_put(cpu, A64_RD(insn), &r, q);
    return A64_NEXT;
}

/* Narrowing: elements of 2 << size bytes become 1 << size; Q=1 (the "2"
 * forms) writes the upper half and keeps the lower one. */
enum narrow_kind { NARROW_XTN, NARROW_SQXTN, NARROW_UQXTN, NARROW_SQXTUN };

static uint64_t narrow_one(struct cpu_state *cpu, enum narrow_kind kind,
                           unsigned size, uint64_t wide)
{
    switch (kind) {
    case NARROW_XTN:
        return wide & simd_elem_mask(size);
    case NARROW_SQXTN:
        return simd_sat(cpu, simd_sext(wide, size + 1), size, false);
    case NARROW_UQXTN:
        return simd_sat(cpu, (i128)wide, size, true);
    default:
        return simd_sat(cpu, simd_sext(wide, size + 1), size, true);
    }
}

static int simd_narrow(struct cpu_state *cpu, uint32_t insn,
                       enum narrow_kind kind)
{
    unsigned q = SIMD_Q(insn), size = SIMD_SIZE(insn);
    if (size == 3)
        return a64_undef(cpu, insn);
    simd_vec n = simd_get(cpu, A64_RN(insn)), r = simd_get(cpu, A64_RD(insn));
    unsigned count = 8u >> size, base = q ? count : 0;
    for (unsigned i = 0; i < count; i++)
        vec_set(&r, size, base + i,
                narrow_one(cpu, kind, size, vec_elem(&n, size + 1, i)));
    simd_put(cpu, A64_RD(insn), &r, q);
    return A64_NEXT;
}

static int trans_XTN_SQXTUN(struct cpu_state *cpu, uint32_t insn)
{
    return simd_narrow(cpu, insn, SIMD_U(insn) ? NARROW_SQXTUN : NARROW_XTN);
}

static int trans_SQXTN_UQXTN(struct cpu_state *cpu, uint32_t insn)
{
    return simd_narrow(cpu, insn, SIMD_U(insn) ? NARROW_UQXTN : NARROW_SQXTN);
}

/* Scalar SQXTN/UQXTN/SQXTUN: one element of 2 << size bytes. */
static int simd_narrow_scalar(struct cpu_state *cpu, uint32_t insn,
                              enum narrow_kind kind)
{
    unsigned size = SIMD_SIZE(insn);
    if (size == 3)
        return a64_undef(cpu, insn);
    uint64_t wide = simd_get_scalar(cpu, A64_RN(insn), 2u << size);
    simd_put_scalar(cpu, A64_RD(insn), narrow_one(cpu, kind, size, wide),
                    1u << size);
    return A64_NEXT;
}

static int trans_SQXTUN_scalar(struct cpu_state *cpu, uint32_t insn)
{
    return simd_narrow_scalar(cpu, insn, NARROW_SQXTUN);
}

static int trans_SQXTN_UQXTN_scalar(struct cpu_state *cpu, uint32_t insn)
{
    return simd_narrow_scalar(cpu, insn,
                              SIMD_U(insn) ? NARROW_UQXTN : NARROW_SQXTN);
}

/* SHLL/SHLL2: widen the lower (upper) half and shift by the element size. */
static int trans_SHLL(struct cpu_state *cpu, uint32_t insn)
{
    unsigned q = SIMD_Q(insn), size = SIMD_SIZE(insn);
    if (size == 3)
        return a64_undef(cpu, insn);
    simd_vec n = simd_get(cpu, A64_RN(insn)), r = { .d = { 0, 0 } };
    unsigned count = 8u >> size, base = q ? count : 0;
    for (unsigned i = 0; i < count; i++)
        vec_set(&r, size + 1, i, vec_elem(&n, size, base + i) << (8u << size));
    simd_put(cpu, A64_RD(insn), &r, true);
    return A64_NEXT;
}

/* Field letters: q Q, u U, s size, n Rn, d Rd. */
const struct a64_pattern a64_simd_misc_patterns[] = {
    A64_PATTERN(REV64_REV32,    "0qu0_1110_ss10_0000_0000_10nn_nnnd_dddd"),
    A64_PATTERN(REV16,          "0q00_1110_ss10_0000_0001_10nn_nnnd_dddd"),
    A64_PATTERN(ADDLP,          "0qu0_1110_ss10_0000_0010_10nn_nnnd_dddd"),
    A64_PATTERN(SUQADD_USQADD,  "0qu0_1110_ss10_0000_0011_10nn_nnnd_dddd"),
    A64_PATTERN(CLS_CLZ,        "0qu0_1110_ss10_0000_0100_10nn_nnnd_dddd"),
    A64_PATTERN(CNT_NOT_RBIT,   "0qu0_1110_ss10_0000_0101_10nn_nnnd_dddd"),
    A64_PATTERN(ADALP,          "0qu0_1110_ss10_0000_0110_10nn_nnnd_dddd"),
    A64_PATTERN(SQABS_SQNEG,    "0qu0_1110_ss10_0000_0111_10nn_nnnd_dddd"),
    A64_PATTERN(CMGT_CMGE_zero, "0qu0_1110_ss10_0000_1000_10nn_nnnd_dddd"),
    A64_PATTERN(CMEQ_CMLE_zero, "0qu0_1110_ss10_0000_1001_10nn_nnnd_dddd"),
    A64_PATTERN(CMLT_zero,      "0q00_1110_ss10_0000_1010_10nn_nnnd_dddd"),
    A64_PATTERN(ABS_NEG,        "0qu0_1110_ss10_0000_1011_10nn_nnnd_dddd"),
    A64_PATTERN(XTN_SQXTUN,     "0qu0_1110_ss10_0001_0010_10nn_nnnd_dddd"),
    A64_PATTERN(SHLL,           "0q10_1110_ss10_0001_0011_10nn_nnnd_dddd"),
    A64_PATTERN(SQXTN_UQXTN,    "0qu0_1110_ss10_0001_0100_10nn_nnnd_dddd"),

    A64_PATTERN(SUQADD_USQADD_scalar,  "01u1_1110_ss10_0000_0011_10nn_nnnd_dddd"),
    A64_PATTERN(SQABS_SQNEG_scalar,    "01u1_1110_ss10_0000_0111_10nn_nnnd_dddd"),
    A64_PATTERN(CMGT_CMGE_zero_scalar, "01u1_1110_ss10_0000_1000_10nn_nnnd_dddd"),
    A64_PATTERN(CMEQ_CMLE_zero_scalar, "01u1_1110_ss10_0000_1001_10nn_nnnd_dddd"),
    A64_PATTERN(CMLT_zero_scalar,      "0101_1110_ss10_0000_1010_10nn_nnnd_dddd"),
    A64_PATTERN(ABS_NEG_scalar,        "01u1_1110_ss10_0000_1011_10nn_nnnd_dddd"),
    A64_PATTERN(SQXTUN_scalar,         "0111_1110_ss10_0001_0010_10nn_nnnd_dddd"),
    A64_PATTERN(SQXTN_UQXTN_scalar,    "01u1_1110_ss10_0001_0100_10nn_nnnd_dddd"),
    A64_PATTERN_END,
};
