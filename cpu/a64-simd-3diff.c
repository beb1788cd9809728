/* AdvSIMD three different: the widening SADDL/UADDL, SADDW/UADDW,
 * SSUBL/USUBL, SSUBW/USUBW, SABAL/UABAL, SABDL/UABDL, SMLAL/UMLAL,
 * SMLSL/UMLSL, SMULL/UMULL, SQDMLAL, SQDMLSL, SQDMULL, PMULL (8 and 64 bit),
 * and the narrowing ADDHN/RADDHN, SUBHN/RSUBHN. Q=1 selects the "2" forms
 * (upper half of the narrow operands or result). */
#include "cpu/a64-simd-common.h"

enum diff_op {
    DIFF_ADDL, DIFF_ADDW, DIFF_SUBL, DIFF_SUBW, DIFF_ABAL, DIFF_ABDL,
    DIFF_MLAL, DIFF_MLSL, DIFF_MULL, DIFF_QDMLAL, DIFF_QDMLSL, DIFF_QDMULL,
};

static i128 narrow_val(const simd_vec *v, unsigned size, unsigned i, bool u)
{
    return u ? (i128)vec_elem(v, size, i) : (i128)vec_selem(v, size, i);
}

static int simd_3diff_wide(struct cpu_state *cpu, uint32_t insn, enum diff_op op)
{
    unsigned q = SIMD_Q(insn), size = SIMD_SIZE(insn);
    bool u = SIMD_U(insn);
    bool sat_op = op >= DIFF_QDMLAL;
    if (size == 3 || (sat_op && (size == 0 || u)))
        return a64_undef(cpu, insn);
    simd_vec n = simd_get(cpu, A64_RN(insn)), m = simd_get(cpu, A64_RM(insn));
    simd_vec d = simd_get(cpu, A64_RD(insn)), r = { .d = { 0, 0 } };
    unsigned count = 8u >> size, base = q ? count : 0, wsize = size + 1;
    for (unsigned i = 0; i < count; i++) {
        i128 a = (op == DIFF_ADDW || op == DIFF_SUBW)
                     ? narrow_val(&n, wsize, i, u)
                     : narrow_val(&n, size, base + i, u);
        i128 b = narrow_val(&m, size, base + i, u);
        uint64_t acc = vec_elem(&d, wsize, i);
        uint64_t res;
        switch (op) {
        case DIFF_ADDL:
        case DIFF_ADDW:
            res = (uint64_t)(a + b);
            break;
        case DIFF_SUBL:
        case DIFF_SUBW:
            res = (uint64_t)(a - b);
            break;
        case DIFF_ABAL:
            res = acc + (uint64_t)(a > b ? a - b : b - a);
            break;
        case DIFF_ABDL:
            res = (uint64_t)(a > b ? a - b : b - a);
            break;
        case DIFF_MLAL:
            res = acc + (uint64_t)(a * b);
            break;
        case DIFF_MLSL:
            res = acc - (uint64_t)(a * b);
            break;
        case DIFF_MULL:
            res = (uint64_t)(a * b);
            break;
        default: {
            /* 2*a*b saturates only for MIN*MIN; then the accumulate. */
            uint64_t prod = simd_sat(cpu, 2 * a * b, wsize, false);
            if (op == DIFF_QDMULL) {
                res = prod;
                break;
            }
            i128 p = (i128)vec_selem(&(simd_vec){ .d = { prod, 0 } }, wsize, 0);
            i128 c = (i128)vec_selem(&d, wsize, i);
            res = simd_sat(cpu, op == DIFF_QDMLAL ? c + p : c - p, wsize, false);
            break;
        }
        }
        vec_set(&r, wsize, i, res);
    }
    simd_put(cpu, A64_RD(insn), &r, true);
    return A64_NEXT;
}

#define DIFF_ROW(name, op_)                                                  \
    static int trans_##name(struct cpu_state *cpu, uint32_t insn)            \
    {                                                                        \
        return simd_3diff_wide(cpu, insn, op_);                              \
    }

DIFF_ROW(ADDL, DIFF_ADDL)
DIFF_ROW(ADDW, DIFF_ADDW)
DIFF_ROW(SUBL, DIFF_SUBL)
DIFF_ROW(SUBW, DIFF_SUBW)
DIFF_ROW(ABAL, DIFF_ABAL)
DIFF_ROW(ABDL, DIFF_ABDL)
DIFF_ROW(MLAL, DIFF_MLAL)
DIFF_ROW(MLSL, DIFF_MLSL)
DIFF_ROW(MULL, DIFF_MULL)
DIFF_ROW(SQDMLAL, DIFF_QDMLAL)
DIFF_ROW(SQDMLSL, DIFF_QDMLSL)
DIFF_ROW(SQDMULL, DIFF_QDMULL)

/* ADDHN/RADDHN (U selects rounding), SUBHN/RSUBHN: the high half of each
 * wide sum or difference, into the lower (Q=0) or upper (Q=1) half. */
static int simd_hn(struct cpu_state *cpu, uint32_t insn, bool subtract)
{
    unsigned q = SIMD_Q(insn), size = SIMD_SIZE(insn);
    if (size == 3)
        return a64_undef(cpu, insn);
    simd_vec n = simd_get(cpu, A64_RN(insn)), m = simd_get(cpu, A64_RM(insn));
    simd_vec r = simd_get(cpu, A64_RD(insn));
    unsigned count = 8u >> size, base = q ? count : 0, bits = 8u << size;
    for (unsigned i = 0; i < count; i++) {
        uint64_t a = vec_elem(&n, size + 1, i), b = vec_elem(&m, size + 1, i);
        unsigned __int128 v = (unsigned __int128)a + (subtract ? -b : b);
        if (SIMD_U(insn))
            v += (uint64_t)1 << (bits - 1);
        vec_set(&r, size, base + i, (uint64_t)(v >> bits));
    }
    simd_put(cpu, A64_RD(insn), &r, q);
    return A64_NEXT;
}

static int trans_ADDHN(struct cpu_state *cpu, uint32_t insn)
{
    return simd_hn(cpu, insn, false);
}

static int trans_SUBHN(struct cpu_state *cpu, uint32_t insn)
{
    return simd_hn(cpu, insn, true);
}

/* PMULL/PMULL2: carry-less multiply of bytes to halves (size 00) or of
 * doublewords to a quadword (size 11). */
static int trans_PMULL(struct cpu_state *cpu, uint32_t insn)
{
    unsigned q = SIMD_Q(insn), size = SIMD_SIZE(insn);
    if (size != 0 && size != 3)
        return a64_undef(cpu, insn);
    simd_vec n = simd_get(cpu, A64_RN(insn)), m = simd_get(cpu, A64_RM(insn));
    simd_vec r = { .d = { 0, 0 } };
    if (size == 3) {
        uint64_t a = n.d[q], b = m.d[q], lo = 0, hi = 0;
        for (int i = 0; i < 64; i++) {
            if (b >> i & 1) {
                lo ^= a << i;
                hi ^= i ? a >> (64 - i) : 0;
            }
        }
        r.d[0] = lo;
        r.d[1] = hi;
    } else {
        for (unsigned i = 0; i < 8; i++) {
            uint16_t a = n.b[8 * q + i], b = m.b[8 * q + i], p = 0;
            for (int k = 0; k < 8; k++)
                if (b >> k & 1)
                    p ^= (uint16_t)(a << k);
            r.h[i] = p;
        }
    }
    simd_put(cpu, A64_RD(insn), &r, true);
    return A64_NEXT;
}

/* Scalar SQDMLAL/SQDMLSL/SQDMULL: one element, H or S to S or D. */
static int simd_3diff_scalar(struct cpu_state *cpu, uint32_t insn, enum diff_op op)
{
    unsigned size = SIMD_SIZE(insn);
    if (size == 0 || size == 3)
        return a64_undef(cpu, insn);
    simd_vec n = simd_get(cpu, A64_RN(insn)), m = simd_get(cpu, A64_RM(insn));
    simd_vec d = simd_get(cpu, A64_RD(insn));
    unsigned wsize = size + 1;
    i128 a = vec_selem(&n, size, 0), b = vec_selem(&m, size, 0);
    uint64_t prod = simd_sat(cpu, 2 * a * b, wsize, false);
    uint64_t res = prod;
    if (op != DIFF_QDMULL) {
        i128 p = (i128)vec_selem(&(simd_vec){ .d = { prod, 0 } }, wsize, 0);
        i128 c = vec_selem(&d, wsize, 0);
        res = simd_sat(cpu, op == DIFF_QDMLAL ? c + p : c - p, wsize, false);
    }
    simd_put_scalar(cpu, A64_RD(insn), res & simd_elem_mask(wsize), 2u << size);
    return A64_NEXT;
}

static int trans_SQDMLAL_scalar(struct cpu_state *cpu, uint32_t insn)
{
    return simd_3diff_scalar(cpu, insn, DIFF_QDMLAL);
}

static int trans_SQDMLSL_scalar(struct cpu_state *cpu, uint32_t insn)
{
    return simd_3diff_scalar(cpu, insn, DIFF_QDMLSL);
}

static int trans_SQDMULL_scalar(struct cpu_state *cpu, uint32_t insn)
{
    return simd_3diff_scalar(cpu, insn, DIFF_QDMULL);
}

/* Field letters: q Q, u U, s size, m Rm, n Rn, d Rd. */
const struct a64_pattern a64_simd_3diff_patterns[] = {
    A64_PATTERN(ADDL,    "0qu0_1110_ss1m_mmmm_0000_00nn_nnnd_dddd"),
    A64_PATTERN(ADDW,    "0qu0_1110_ss1m_mmmm_0001_00nn_nnnd_dddd"),
    A64_PATTERN(SUBL,    "0qu0_1110_ss1m_mmmm_0010_00nn_nnnd_dddd"),
    A64_PATTERN(SUBW,    "0qu0_1110_ss1m_mmmm_0011_00nn_nnnd_dddd"),
    A64_PATTERN(ADDHN,   "0qu0_1110_ss1m_mmmm_0100_00nn_nnnd_dddd"),
    A64_PATTERN(ABAL,    "0qu0_1110_ss1m_mmmm_0101_00nn_nnnd_dddd"),
    A64_PATTERN(SUBHN,   "0qu0_1110_ss1m_mmmm_0110_00nn_nnnd_dddd"),
    A64_PATTERN(ABDL,    "0qu0_1110_ss1m_mmmm_0111_00nn_nnnd_dddd"),
    A64_PATTERN(MLAL,    "0qu0_1110_ss1m_mmmm_1000_00nn_nnnd_dddd"),
    A64_PATTERN(SQDMLAL, "0q00_1110_ss1m_mmmm_1001_00nn_nnnd_dddd"),
    A64_PATTERN(MLSL,    "0qu0_1110_ss1m_mmmm_1010_00nn_nnnd_dddd"),
    A64_PATTERN(SQDMLSL, "0q00_1110_ss1m_mmmm_1011_00nn_nnnd_dddd"),
    A64_PATTERN(MULL,    "0qu0_1110_ss1m_mmmm_1100_00nn_nnnd_dddd"),
    A64_PATTERN(SQDMULL, "0q00_1110_ss1m_mmmm_1101_00nn_nnnd_dddd"),
    A64_PATTERN(PMULL,   "0q00_1110_ss1m_mmmm_1110_00nn_nnnd_dddd"),

    A64_PATTERN(SQDMLAL_scalar, "0101_1110_ss1m_mmmm_1001_00nn_nnnd_dddd"),
    A64_PATTERN(SQDMLSL_scalar, "0101_1110_ss1m_mmmm_1011_00nn_nnnd_dddd"),
    A64_PATTERN(SQDMULL_scalar, "0101_1110_ss1m_mmmm_1101_00nn_nnnd_dddd"),
    A64_PATTERN_END,
};
