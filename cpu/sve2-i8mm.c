/* SVE's Int8 matrix multiply extension (FEAT_I8MM): SMMLA, UMMLA, USMMLA
 * and the mixed-sign dot products USDOT (vectors and indexed) and SUDOT
 * (indexed): each is its AdvSIMD namesake on every 128-bit segment. */
#include "cpu/sve2-segment.h"

/* SMMLA, USMMLA, UMMLA Zda.S, Zn.B, Zm.B: uu (23:22) 00 signed, 10
 * unsigned by signed, 11 unsigned. */
static int trans_MMLA(struct cpu_state *cpu, uint32_t insn)
{
    static const uint32_t simd[4] = { 0x4e80a400u, 0, 0x4e80ac00u, 0x6e80a400u };
    unsigned d = A64_RD(insn), n = A64_RN(insn), m = A64_RM(insn);
    unsigned uu = a64_bits(insn, 22, 2);
    if (uu == 1)
        return a64_undef(cpu, insn);
    return sve2_by_segment(cpu, insn, simd[uu] | m << 16 | n << 5 | d, d,
                           (const unsigned[]){ d, n, m }, 3);
}

/* USDOT Zda.S, Zn.B, Zm.B */
static int trans_USDOT(struct cpu_state *cpu, uint32_t insn)
{
    unsigned d = A64_RD(insn), n = A64_RN(insn), m = A64_RM(insn);
    return sve2_by_segment(cpu, insn, 0x4e809c00u | m << 16 | n << 5 | d, d,
                           (const unsigned[]){ d, n, m }, 3);
}

/* USDOT, SUDOT Zda.S, Zn.B, Zm.B[imm]: index 20:19, Zm 18:16, bit 10
 * is SUDOT. The AdvSIMD by-element form takes the index as H (11):L (21). */
static int trans_USDOT_idx(struct cpu_state *cpu, uint32_t insn)
{
    unsigned d = A64_RD(insn), n = A64_RN(insn), m = a64_bits(insn, 16, 3);
    unsigned idx = a64_bits(insn, 19, 2);
    uint32_t simd = (a64_bits(insn, 10, 1) ? 0x4f00f000u : 0x4f80f000u) |
                    (idx >> 1) << 11 | (idx & 1) << 21 | m << 16 | n << 5 | d;
    return sve2_by_segment(cpu, insn, simd, d, (const unsigned[]){ d, n, m }, 3);
}

const struct a64_pattern sve2_i8mm_patterns[] = {
    A64_PATTERN(MMLA, "01000101 uu 0 mmmmm 100110 nnnnn ddddd"),
    A64_PATTERN(USDOT, "01000100 10 0 mmmmm 011110 nnnnn ddddd"),
    A64_PATTERN(USDOT_idx, "01000100 10 1 iimmm 00011 s nnnnn ddddd"),
    A64_PATTERN_END,
};
