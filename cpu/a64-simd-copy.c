/* AdvSIMD copy: DUP (element, general), INS (general, element), SMOV,
 * UMOV, and the scalar DUP (element) form (MOV Bd/Hd/Sd/Dd, Vn.T[i]). */
#include "cpu/a64-simd-common.h"

/* imm5's lowest set bit gives the element size; above it, the index.
 * Returns false for the reserved imm5 = x0000. */
static bool copy_size_index(uint32_t insn, unsigned *size, unsigned *index)
{
    unsigned imm5 = a64_bits(insn, 16, 5);
    if (!(imm5 & 15))
        return false;
    *size = (unsigned)__builtin_ctz(imm5);
    *index = imm5 >> (*size + 1);
    return true;
}

static int trans_DUP_element(struct cpu_state *cpu, uint32_t insn)
{
    unsigned size, index, q = SIMD_Q(insn);
    if (!copy_size_index(insn, &size, &index) || (size == 3 && !q))
        return a64_undef(cpu, insn);
    simd_vec n = simd_get(cpu, A64_RN(insn)), r = { .d = { 0, 0 } };
    uint64_t e = vec_elem(&n, size, index);
    for (unsigned i = 0; i < simd_elems(q, size); i++)
        vec_set(&r, size, i, e);
    simd_put(cpu, A64_RD(insn), &r, q);
    return A64_NEXT;
}

static int trans_DUP_general(struct cpu_state *cpu, uint32_t insn)
{
    unsigned size, index, q = SIMD_Q(insn);
    if (!copy_size_index(insn, &size, &index) || (size == 3 && !q))
        return a64_undef(cpu, insn);
    uint64_t e = a64_x(cpu, A64_RN(insn));
    simd_vec r = { .d = { 0, 0 } };
    for (unsigned i = 0; i < simd_elems(q, size); i++)
        vec_set(&r, size, i, e);
    simd_put(cpu, A64_RD(insn), &r, q);
    return A64_NEXT;
}

static int trans_INS_general(struct cpu_state *cpu, uint32_t insn)
{
    unsigned size, index;
    if (!copy_size_index(insn, &size, &index))
        return a64_undef(cpu, insn);
    simd_vec r = simd_get(cpu, A64_RD(insn));
    vec_set(&r, size, index, a64_x(cpu, A64_RN(insn)));
    simd_put(cpu, A64_RD(insn), &r, true);
    return A64_NEXT;
}

static int trans_INS_element(struct cpu_state *cpu, uint32_t insn)
{
    unsigned size, dst_index;
    if (!copy_size_index(insn, &size, &dst_index))
        return a64_undef(cpu, insn);
    unsigned src_index = a64_bits(insn, 11, 4) >> size;
    simd_vec n = simd_get(cpu, A64_RN(insn));
    simd_vec r = simd_get(cpu, A64_RD(insn));
    vec_set(&r, size, dst_index, vec_elem(&n, size, src_index));
    simd_put(cpu, A64_RD(insn), &r, true);
    return A64_NEXT;
}

/* SMOV: Q=0 to Wd (bytes, halves), Q=1 to Xd (bytes, halves, words). */
static int trans_SMOV(struct cpu_state *cpu, uint32_t insn)
{
    unsigned size, index, q = SIMD_Q(insn);
    if (!copy_size_index(insn, &size, &index) || size > 1 + q)
        return a64_undef(cpu, insn);
    simd_vec n = simd_get(cpu, A64_RN(insn));
    int64_t e = vec_selem(&n, size, index);
    if (q)
        a64_set_x(cpu, A64_RD(insn), (uint64_t)e);
    else
        a64_set_w(cpu, A64_RD(insn), (uint32_t)e);
    return A64_NEXT;
}

/* UMOV: Q=0 to Wd (sizes up to words), Q=1 to Xd (doublewords only). */
static int trans_UMOV(struct cpu_state *cpu, uint32_t insn)
{
    unsigned size, index, q = SIMD_Q(insn);
    if (!copy_size_index(insn, &size, &index) || (q ? size != 3 : size > 2))
        return a64_undef(cpu, insn);
    simd_vec n = simd_get(cpu, A64_RN(insn));
    a64_set_x(cpu, A64_RD(insn), vec_elem(&n, size, index));
    return A64_NEXT;
}

static int trans_DUP_scalar(struct cpu_state *cpu, uint32_t insn)
{
    unsigned size, index;
    if (!copy_size_index(insn, &size, &index))
        return a64_undef(cpu, insn);
    simd_vec n = simd_get(cpu, A64_RN(insn));
    simd_put_scalar(cpu, A64_RD(insn), vec_elem(&n, size, index), 1u << size);
    return A64_NEXT;
}

/* Field letters: q Q, i imm5, j imm4, n Rn, d Rd. */
const struct a64_pattern a64_simd_copy_patterns[] = {
    A64_PATTERN(DUP_element, "0q00_1110_000i_iiii_0000_01nn_nnnd_dddd"),
    A64_PATTERN(DUP_general, "0q00_1110_000i_iiii_0000_11nn_nnnd_dddd"),
    A64_PATTERN(INS_general, "0100_1110_000i_iiii_0001_11nn_nnnd_dddd"),
    A64_PATTERN(SMOV,        "0q00_1110_000i_iiii_0010_11nn_nnnd_dddd"),
    A64_PATTERN(UMOV,        "0q00_1110_000i_iiii_0011_11nn_nnnd_dddd"),
    A64_PATTERN(INS_element, "0110_1110_000i_iiii_0jjj_j1nn_nnnd_dddd"),
    A64_PATTERN(DUP_scalar,  "0101_1110_000i_iiii_0000_01nn_nnnd_dddd"),
    A64_PATTERN_END,
};
