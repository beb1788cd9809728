/* AdvSIMD permute (UZP1/2, TRN1/2, ZIP1/2), extract (EXT) and table lookup
 * (TBL, TBX). */
#include "cpu/a64-simd-common.h"

static int trans_SIMD_permute(struct cpu_state *cpu, uint32_t insn)
{
    unsigned q = SIMD_Q(insn), size = SIMD_SIZE(insn);
    unsigned opcode = a64_bits(insn, 12, 3);
    if ((size == 3 && !q) || (opcode & 3) == 0)
        return a64_undef(cpu, insn);
    simd_vec n = simd_get(cpu, A64_RN(insn)), m = simd_get(cpu, A64_RM(insn));
    simd_vec r = { .d = { 0, 0 } };
    unsigned elems = simd_elems(q, size), half = elems / 2;
    unsigned part = opcode >> 2;  /* 0: UZP1/TRN1/ZIP1, 1: the "2" forms */
    for (unsigned i = 0; i < elems; i++) {
        uint64_t e;
        switch (opcode & 3) {
        case 1: {  /* UZP: even (or odd) elements of n:m */
            unsigned src = 2 * i + part;
            e = src < elems ? vec_elem(&n, size, src)
                            : vec_elem(&m, size, src - elems);
            break;
        }
        case 2: {  /* TRN */
            unsigned src = (i & ~1u) + part;
            e = (i & 1) ? vec_elem(&m, size, src) : vec_elem(&n, size, src);
            break;
        }
        default: { /* ZIP */
            unsigned src = part * half + i / 2;
            e = (i & 1) ? vec_elem(&m, size, src) : vec_elem(&n, size, src);
            break;
        }
        }
        vec_set(&r, size, i, e);
    }
    simd_put(cpu, A64_RD(insn), &r, q);
    return A64_NEXT;
}

static int trans_EXT(struct cpu_state *cpu, uint32_t insn)
{
    unsigned q = SIMD_Q(insn), pos = a64_bits(insn, 11, 4);
    unsigned bytes = q ? 16 : 8;
    if (!q && pos >= 8)
        return a64_undef(cpu, insn);
    simd_vec n = simd_get(cpu, A64_RN(insn)), m = simd_get(cpu, A64_RM(insn));
    uint8_t both[32];
    memcpy(both, n.b, bytes);
    memcpy(both + bytes, m.b, bytes);
    simd_vec r = { .d = { 0, 0 } };
    memcpy(r.b, both + pos, bytes);
    simd_put(cpu, A64_RD(insn), &r, q);
    return A64_NEXT;
}

/* TBL/TBX: len+1 consecutive table registers (wrapping at V31); an index
 * past the table gives 0 (TBL) or leaves the destination byte (TBX). */
static int trans_TBL_TBX(struct cpu_state *cpu, uint32_t insn)
{
    unsigned q = SIMD_Q(insn), regs = a64_bits(insn, 13, 2) + 1;
    bool is_tbx = a64_bits(insn, 12, 1);
    uint8_t table[64];
    for (unsigned i = 0; i < regs; i++)
        memcpy(table + 16 * i, cpu->z[(A64_RN(insn) + i) % 32].b, 16);
    simd_vec idx = simd_get(cpu, A64_RM(insn));
    simd_vec r = simd_get(cpu, A64_RD(insn));
    for (unsigned i = 0; i < (q ? 16u : 8u); i++) {
        if (idx.b[i] < 16 * regs)
            r.b[i] = table[idx.b[i]];
        else if (!is_tbx)
            r.b[i] = 0;
    }
    simd_put(cpu, A64_RD(insn), &r, q);
    return A64_NEXT;
}

/* Field letters: q Q, s size, m Rm, o opcode, i imm4, l len, x op (TBX),
 * n Rn, d Rd. */
const struct a64_pattern a64_simd_perm_patterns[] = {
    A64_PATTERN(SIMD_permute, "0q00_1110_ss0m_mmmm_0ooo_10nn_nnnd_dddd"),
    A64_PATTERN(EXT,          "0q10_1110_000m_mmmm_0iii_i0nn_nnnd_dddd"),
    A64_PATTERN(TBL_TBX,      "0q00_1110_000m_mmmm_0llx_00nn_nnnd_dddd"),
    A64_PATTERN_END,
};
