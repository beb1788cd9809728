/* AdvSIMD across lanes: ADDV, SADDLV/UADDLV, SMAXV/UMAXV, SMINV/UMINV, and
 * FMAXV/FMINV/FMAXNMV/FMINNMV (single precision 4S, half precision 4H/8H). */
#include "cpu/a64-simd-fp-ops.h"

enum across_op { ACROSS_ADD, ACROSS_ADDL, ACROSS_MAX, ACROSS_MIN };

static int simd_across(struct cpu_state *cpu, uint32_t insn, enum across_op op)
{
    unsigned q = SIMD_Q(insn), size = SIMD_SIZE(insn);
    bool u = SIMD_U(insn);
    /* Bytes and halves in 8B/16B/4H/8H; words only as 4S. */
    if (size == 3 || (size == 2 && !q))
        return a64_undef(cpu, insn);
    simd_vec n = simd_get(cpu, A64_RN(insn));
    unsigned elems = simd_elems(q, size);
    int64_t acc = u ? (int64_t)vec_elem(&n, size, 0) : vec_selem(&n, size, 0);
    for (unsigned i = 1; i < elems; i++) {
        int64_t e = u ? (int64_t)vec_elem(&n, size, i) : vec_selem(&n, size, i);
        switch (op) {
        case ACROSS_ADD:
        case ACROSS_ADDL:
            acc += e;
            break;
        case ACROSS_MAX:
            if (e > acc)
                acc = e;
            break;
        case ACROSS_MIN:
            if (e < acc)
                acc = e;
            break;
        }
    }
    unsigned out_size = op == ACROSS_ADDL ? size + 1 : size;
    simd_put_scalar(cpu, A64_RD(insn), (uint64_t)acc & simd_elem_mask(out_size),
                    1u << out_size);
    return A64_NEXT;
}

static int trans_ADDV(struct cpu_state *cpu, uint32_t insn)
{
    return simd_across(cpu, insn, ACROSS_ADD);
}

static int trans_ADDLV(struct cpu_state *cpu, uint32_t insn)
{
    return simd_across(cpu, insn, ACROSS_ADDL);
}

static int trans_MAXV(struct cpu_state *cpu, uint32_t insn)
{
    return simd_across(cpu, insn, ACROSS_MAX);
}

static int trans_MINV(struct cpu_state *cpu, uint32_t insn)
{
    return simd_across(cpu, insn, ACROSS_MIN);
}

/* FMAXV and friends reduce as a tree, like the architecture's Reduce():
 * op(reduce(lower half), reduce(upper half)). */
static uint64_t fp_reduce(struct cpu_state *cpu, fp_elem_fn op, unsigned size,
                          const simd_vec *v, unsigned first, unsigned count)
{
    if (count == 1)
        return vec_elem(v, size, first);
    uint64_t lo = fp_reduce(cpu, op, size, v, first, count / 2);
    uint64_t hi = fp_reduce(cpu, op, size, v, first + count / 2, count / 2);
    return op(cpu, size, lo, hi, 0);
}

/* U=1: single precision, 4S only (sz=1 reserved); U=0: half precision,
 * 4H or 8H (sz must be 0). */
static int simd_fp_across(struct cpu_state *cpu, uint32_t insn, fp_elem_fn op)
{
    unsigned q = SIMD_Q(insn), size = SIMD_U(insn) ? 2 : 1;
    if (a64_bits(insn, 22, 1) || (size == 2 && !q))
        return a64_undef(cpu, insn);
    simd_vec n = simd_get(cpu, A64_RN(insn));
    uint64_t r = fp_reduce(cpu, op, size, &n, 0, simd_elems(q, size));
    simd_put_scalar(cpu, A64_RD(insn), r, 1u << size);
    return A64_NEXT;
}

static int trans_FMAXNMV_FMINNMV(struct cpu_state *cpu, uint32_t insn)
{
    return simd_fp_across(cpu, insn, a64_bits(insn, 23, 1) ? fp_elem_minnm
                                                           : fp_elem_maxnm);
}

static int trans_FMAXV_FMINV(struct cpu_state *cpu, uint32_t insn)
{
    return simd_fp_across(cpu, insn, a64_bits(insn, 23, 1) ? fp_elem_min
                                                           : fp_elem_max);
}

/* Field letters: q Q, u U, s size, n Rn, d Rd, o o1 (min), z sz. */
const struct a64_pattern a64_simd_across_patterns[] = {
    A64_PATTERN(ADDLV,            "0qu0_1110_ss11_0000_0011_10nn_nnnd_dddd"),
    A64_PATTERN(MAXV,             "0qu0_1110_ss11_0000_1010_10nn_nnnd_dddd"),
    A64_PATTERN(MINV,             "0qu0_1110_ss11_0001_1010_10nn_nnnd_dddd"),
    A64_PATTERN(ADDV,             "0q00_1110_ss11_0001_1011_10nn_nnnd_dddd"),
    A64_PATTERN(FMAXNMV_FMINNMV,  "0qu0_1110_oz11_0000_1100_10nn_nnnd_dddd"),
    A64_PATTERN(FMAXV_FMINV,      "0qu0_1110_oz11_0000_1111_10nn_nnnd_dddd"),
    A64_PATTERN_END,
};
