/* AdvSIMD shift by immediate (vector and scalar): SSHR/USHR, SSRA/USRA,
 * SRSHR/URSHR, SRSRA/URSRA, SRI, SHL, SLI, SQSHLU, SQSHL/UQSHL (immediate),
 * the narrowing SHRN/RSHRN/SQSHRN/UQSHRN/SQRSHRN/UQRSHRN/SQSHRUN/SQRSHRUN,
 * SSHLL/USHLL, and the fixed-point SCVTF/UCVTF/FCVTZS/FCVTZU.
 *
 * immh (bits 22..19) gives the element size by its highest set bit;
 * immh = 0000 is the modified-immediate class (a64-simd-modimm.c). */
#include "cpu/a64-simd-fp-ops.h"

struct shift_imm {
    unsigned size;      /* element size, log2 bytes */
    unsigned right;     /* right shift amount: 1..esize */
    unsigned left;      /* left shift amount: 0..esize-1 */
};

static bool decode_shift(uint32_t insn, struct shift_imm *s)
{
    unsigned immh = a64_bits(insn, 19, 4), immhb = a64_bits(insn, 16, 7);
    if (!immh)
        return false;
    s->size = 31u - (unsigned)__builtin_clz(immh);
    unsigned esize = 8u << s->size;
    s->right = 2 * esize - immhb;
    s->left = immhb - esize;
    return true;
}

static i128 elem_wide(uint64_t v, unsigned size, bool u)
{
    if (u)
        return (i128)v;
    unsigned sh = 64 - (8u << size);
    return (i128)((int64_t)(v << sh) >> sh);
}

/* The element operations; u is the U bit, d the destination element. */
enum shift_op {
    SHIFT_SHR, SHIFT_SRA, SHIFT_RSHR, SHIFT_RSRA, SHIFT_SRI, SHIFT_SHL,
    SHIFT_SLI, SHIFT_SQSHLU, SHIFT_QSHL,
};

static uint64_t shift_elem(struct cpu_state *cpu, enum shift_op op,
                           const struct shift_imm *s, bool u, uint64_t a,
                           uint64_t d)
{
    uint64_t mask = simd_elem_mask(s->size);
    i128 v = elem_wide(a, s->size, u);
    switch (op) {
    case SHIFT_SHR:
        return (uint64_t)(v >> s->right) & mask;
    case SHIFT_SRA:
        return (d + (uint64_t)(v >> s->right)) & mask;
    case SHIFT_RSHR:
        return (uint64_t)((v + ((i128)1 << (s->right - 1))) >> s->right) & mask;
    case SHIFT_RSRA:
        return (d + (uint64_t)((v + ((i128)1 << (s->right - 1))) >> s->right)) & mask;
    case SHIFT_SRI: {
        if (s->right >= 64)
            return d;
        uint64_t keep = ~(mask >> s->right) & mask;
        return (d & keep) | (a >> s->right);
    }
    case SHIFT_SHL:
        return (a << s->left) & mask;
    case SHIFT_SLI: {
        uint64_t keep = ~(mask << s->left) & mask;
        return (d & keep) | ((a << s->left) & mask);
    }
    case SHIFT_SQSHLU:
        return simd_sat(cpu, elem_wide(a, s->size, false) * ((i128)1 << s->left),
                   s->size, true);
    default:
        return simd_sat(cpu, v * ((i128)1 << s->left), s->size, u);
    }
}

static int simd_shift(struct cpu_state *cpu, uint32_t insn, enum shift_op op)
{
    struct shift_imm s;
    unsigned q = SIMD_Q(insn);
    if (!decode_shift(insn, &s) || (s.size == 3 && !q))
        return a64_undef(cpu, insn);
    simd_vec n = simd_get(cpu, A64_RN(insn)), d = simd_get(cpu, A64_RD(insn));
    simd_vec r = { .d = { 0, 0 } };
    for (unsigned i = 0; i < simd_elems(q, s.size); i++)
        vec_set(&r, s.size, i,
                shift_elem(cpu, op, &s, SIMD_U(insn), vec_elem(&n, s.size, i),
                           vec_elem(&d, s.size, i)));
    simd_put(cpu, A64_RD(insn), &r, q);
    return A64_NEXT;
}

/* Scalar forms: D only, except the saturating ones (any size). */
static int simd_shift_scalar(struct cpu_state *cpu, uint32_t insn,
                             enum shift_op op, bool any_size)
{
    struct shift_imm s;
    if (!decode_shift(insn, &s) || (!any_size && s.size != 3))
        return a64_undef(cpu, insn);
    unsigned bytes = 1u << s.size;
    uint64_t a = simd_get_scalar(cpu, A64_RN(insn), bytes);
    uint64_t d = simd_get_scalar(cpu, A64_RD(insn), bytes);
    simd_put_scalar(cpu, A64_RD(insn),
                    shift_elem(cpu, op, &s, SIMD_U(insn), a, d), bytes);
    return A64_NEXT;
}

#define SHIFT_ROW(name, op_, any_size_scalar_)                               \
    static int trans_##name(struct cpu_state *cpu, uint32_t insn)            \
    {                                                                        \
        return simd_shift(cpu, insn, op_);                                   \
    }                                                                        \
    static int trans_##name##_scalar(struct cpu_state *cpu, uint32_t insn)   \
    {                                                                        \
        return simd_shift_scalar(cpu, insn, op_, any_size_scalar_);          \
    }

SHIFT_ROW(SHR, SHIFT_SHR, false)
SHIFT_ROW(SRA, SHIFT_SRA, false)
SHIFT_ROW(RSHR, SHIFT_RSHR, false)
SHIFT_ROW(RSRA, SHIFT_RSRA, false)
SHIFT_ROW(SRI, SHIFT_SRI, false)
SHIFT_ROW(SHL, SHIFT_SHL, false)
SHIFT_ROW(SLI, SHIFT_SLI, false)

SHIFT_ROW(SQSHLU, SHIFT_SQSHLU, true)
SHIFT_ROW(QSHL_imm, SHIFT_QSHL, true)

/* U=0 of SRI and SQSHLU is unallocated. The vector rows keep U a field so
 * that they stay less specific than the modified-immediate rows (immh=0). */
static int trans_SRI_vector(struct cpu_state *cpu, uint32_t insn)
{
    return SIMD_U(insn) ? trans_SRI(cpu, insn) : a64_undef(cpu, insn);
}

static int trans_SQSHLU_vector(struct cpu_state *cpu, uint32_t insn)
{
    return SIMD_U(insn) ? trans_SQSHLU(cpu, insn) : a64_undef(cpu, insn);
}

static int trans_SHL_SLI(struct cpu_state *cpu, uint32_t insn)
{
    return SIMD_U(insn) ? trans_SLI(cpu, insn) : trans_SHL(cpu, insn);
}

/* Narrowing right shifts: source elements of 2 << size bytes. */
enum narrow_op { NARROW_PLAIN, NARROW_SAT_SIGNED, NARROW_SAT_UNSIGNED,
                 NARROW_SAT_S_TO_U };

static uint64_t narrow_elem(struct cpu_state *cpu, unsigned size, uint64_t wide,
                            unsigned shift, bool round, enum narrow_op op)
{
    bool src_unsigned = op == NARROW_PLAIN || op == NARROW_SAT_UNSIGNED;
    i128 v = elem_wide(wide, size + 1, src_unsigned);
    if (round)
        v += (i128)1 << (shift - 1);
    v >>= shift;
    switch (op) {
    case NARROW_PLAIN:
        return (uint64_t)v & simd_elem_mask(size);
    case NARROW_SAT_SIGNED:
        return simd_sat(cpu, v, size, false);
    default:
        return simd_sat(cpu, v, size, true);
    }
}

static int simd_shift_narrow(struct cpu_state *cpu, uint32_t insn, bool round,
                             enum narrow_op op)
{
    struct shift_imm s;
    unsigned q = SIMD_Q(insn);
    if (!decode_shift(insn, &s) || s.size == 3)
        return a64_undef(cpu, insn);
    /* immh names the narrow (destination) element size. */
    simd_vec n = simd_get(cpu, A64_RN(insn)), r = simd_get(cpu, A64_RD(insn));
    unsigned count = 8u >> s.size, base = q ? count : 0;
    for (unsigned i = 0; i < count; i++)
        vec_set(&r, s.size, base + i,
                narrow_elem(cpu, s.size, vec_elem(&n, s.size + 1, i), s.right,
                            round, op));
    simd_put(cpu, A64_RD(insn), &r, q);
    return A64_NEXT;
}

static int simd_shift_narrow_scalar(struct cpu_state *cpu, uint32_t insn,
                                    bool round, enum narrow_op op)
{
    struct shift_imm s;
    if (!decode_shift(insn, &s) || s.size == 3)
        return a64_undef(cpu, insn);
    uint64_t wide = simd_get_scalar(cpu, A64_RN(insn), 2u << s.size);
    simd_put_scalar(cpu, A64_RD(insn),
                    narrow_elem(cpu, s.size, wide, s.right, round, op),
                    1u << s.size);
    return A64_NEXT;
}

/* SHRN/RSHRN (U=0) and SQSHRUN/SQRSHRUN (U=1): bit 11 is the rounding. */
static int trans_SHRN_SQSHRUN(struct cpu_state *cpu, uint32_t insn)
{
    return simd_shift_narrow(cpu, insn, a64_bits(insn, 11, 1),
                             SIMD_U(insn) ? NARROW_SAT_S_TO_U : NARROW_PLAIN);
}

static int trans_QSHRN(struct cpu_state *cpu, uint32_t insn)
{
    return simd_shift_narrow(cpu, insn, a64_bits(insn, 11, 1),
                             SIMD_U(insn) ? NARROW_SAT_UNSIGNED : NARROW_SAT_SIGNED);
}

static int trans_SQSHRUN_scalar(struct cpu_state *cpu, uint32_t insn)
{
    return simd_shift_narrow_scalar(cpu, insn, a64_bits(insn, 11, 1),
                                    NARROW_SAT_S_TO_U);
}

static int trans_QSHRN_scalar(struct cpu_state *cpu, uint32_t insn)
{
    return simd_shift_narrow_scalar(cpu, insn, a64_bits(insn, 11, 1),
                                    SIMD_U(insn) ? NARROW_SAT_UNSIGNED
                                                 : NARROW_SAT_SIGNED);
}

/* SSHLL/USHLL (and SXTL/UXTL): widen the lower (upper, Q=1) half. */
static int trans_SHLL_imm(struct cpu_state *cpu, uint32_t insn)
{
    struct shift_imm s;
    unsigned q = SIMD_Q(insn);
    if (!decode_shift(insn, &s) || s.size == 3)
        return a64_undef(cpu, insn);
    simd_vec n = simd_get(cpu, A64_RN(insn)), r = { .d = { 0, 0 } };
    unsigned count = 8u >> s.size, base = q ? count : 0;
    for (unsigned i = 0; i < count; i++) {
        i128 v = elem_wide(vec_elem(&n, s.size, base + i), s.size, SIMD_U(insn));
        vec_set(&r, s.size + 1, i, (uint64_t)(v * ((i128)1 << s.left)));
    }
    simd_put(cpu, A64_RD(insn), &r, true);
    return A64_NEXT;
}

/* SCVTF/UCVTF and FCVTZS/FCVTZU with fbits = right shift; H, S and D. */
static uint64_t fixed_elem(struct cpu_state *cpu, bool to_int, bool u,
                           unsigned size, unsigned fbits, uint64_t a)
{
    unsigned width = 8u << size;
    if (to_int)
        return fp_to_int(cpu, size, a, FPU_RZ, fbits, !u, width) &
               simd_elem_mask(size);
    return fp_from_int(cpu, size, a, !u, width, fbits);
}

static int simd_fixed(struct cpu_state *cpu, uint32_t insn, bool to_int,
                      bool scalar)
{
    struct shift_imm s;
    unsigned q = scalar ? 0 : SIMD_Q(insn);
    if (!decode_shift(insn, &s) || s.size < 1 || (!scalar && s.size == 3 && !q))
        return a64_undef(cpu, insn);
    simd_vec n = simd_get(cpu, A64_RN(insn)), r = { .d = { 0, 0 } };
    if (scalar) {
        uint64_t a = vec_elem(&n, s.size, 0);
        simd_put_scalar(cpu, A64_RD(insn),
                        fixed_elem(cpu, to_int, SIMD_U(insn), s.size, s.right, a),
                        1u << s.size);
        return A64_NEXT;
    }
    for (unsigned i = 0; i < simd_elems(q, s.size); i++)
        vec_set(&r, s.size, i,
                fixed_elem(cpu, to_int, SIMD_U(insn), s.size, s.right,
                           vec_elem(&n, s.size, i)));
    simd_put(cpu, A64_RD(insn), &r, q);
    return A64_NEXT;
}

static int trans_CVTF_fixed(struct cpu_state *cpu, uint32_t insn)
{
    return simd_fixed(cpu, insn, false, false);
}

static int trans_FCVTZ_fixed(struct cpu_state *cpu, uint32_t insn)
{
    return simd_fixed(cpu, insn, true, false);
}

static int trans_CVTF_fixed_scalar(struct cpu_state *cpu, uint32_t insn)
{
    return simd_fixed(cpu, insn, false, true);
}

static int trans_FCVTZ_fixed_scalar(struct cpu_state *cpu, uint32_t insn)
{
    return simd_fixed(cpu, insn, true, true);
}

/* Field letters: q Q, u U, h immh, b immb, r round, n Rn, d Rd. */
const struct a64_pattern a64_simd_shift_patterns[] = {
    A64_PATTERN(SHR,          "0qu0_1111_0hhh_hbbb_0000_01nn_nnnd_dddd"),
    A64_PATTERN(SRA,          "0qu0_1111_0hhh_hbbb_0001_01nn_nnnd_dddd"),
    A64_PATTERN(RSHR,         "0qu0_1111_0hhh_hbbb_0010_01nn_nnnd_dddd"),
    A64_PATTERN(RSRA,         "0qu0_1111_0hhh_hbbb_0011_01nn_nnnd_dddd"),
    A64_PATTERN(SRI_vector,   "0qu0_1111_0hhh_hbbb_0100_01nn_nnnd_dddd"),
    A64_PATTERN(SHL_SLI,      "0qu0_1111_0hhh_hbbb_0101_01nn_nnnd_dddd"),
    A64_PATTERN(SQSHLU_vector, "0qu0_1111_0hhh_hbbb_0110_01nn_nnnd_dddd"),
    A64_PATTERN(QSHL_imm,     "0qu0_1111_0hhh_hbbb_0111_01nn_nnnd_dddd"),
    A64_PATTERN(SHRN_SQSHRUN, "0qu0_1111_0hhh_hbbb_1000_r1nn_nnnd_dddd"),
    A64_PATTERN(QSHRN,        "0qu0_1111_0hhh_hbbb_1001_r1nn_nnnd_dddd"),
    A64_PATTERN(SHLL_imm,     "0qu0_1111_0hhh_hbbb_1010_01nn_nnnd_dddd"),
    A64_PATTERN(CVTF_fixed,   "0qu0_1111_0hhh_hbbb_1110_01nn_nnnd_dddd"),
    A64_PATTERN(FCVTZ_fixed,  "0qu0_1111_0hhh_hbbb_1111_11nn_nnnd_dddd"),

    A64_PATTERN(SHR_scalar,          "01u1_1111_0hhh_hbbb_0000_01nn_nnnd_dddd"),
    A64_PATTERN(SRA_scalar,          "01u1_1111_0hhh_hbbb_0001_01nn_nnnd_dddd"),
    A64_PATTERN(RSHR_scalar,         "01u1_1111_0hhh_hbbb_0010_01nn_nnnd_dddd"),
    A64_PATTERN(RSRA_scalar,         "01u1_1111_0hhh_hbbb_0011_01nn_nnnd_dddd"),
    A64_PATTERN(SRI_scalar,          "0111_1111_0hhh_hbbb_0100_01nn_nnnd_dddd"),
    A64_PATTERN(SHL_scalar,          "0101_1111_0hhh_hbbb_0101_01nn_nnnd_dddd"),
    A64_PATTERN(SLI_scalar,          "0111_1111_0hhh_hbbb_0101_01nn_nnnd_dddd"),
    A64_PATTERN(SQSHLU_scalar,       "0111_1111_0hhh_hbbb_0110_01nn_nnnd_dddd"),
    A64_PATTERN(QSHL_imm_scalar,     "01u1_1111_0hhh_hbbb_0111_01nn_nnnd_dddd"),
    A64_PATTERN(SQSHRUN_scalar,      "0111_1111_0hhh_hbbb_1000_r1nn_nnnd_dddd"),
    A64_PATTERN(QSHRN_scalar,        "01u1_1111_0hhh_hbbb_1001_r1nn_nnnd_dddd"),
    A64_PATTERN(CVTF_fixed_scalar,   "01u1_1111_0hhh_hbbb_1110_01nn_nnnd_dddd"),
    A64_PATTERN(FCVTZ_fixed_scalar,  "01u1_1111_0hhh_hbbb_1111_11nn_nnnd_dddd"),
    A64_PATTERN_END,
};
