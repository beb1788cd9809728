/* AdvSIMD modified immediate: MOVI, MVNI, ORR, BIC (vector, immediate) and
 * FMOV (vector, immediate) in half, single and double precision, by
 * AdvSIMDExpandImm. */
#include "cpu/a64-simd-common.h"

static uint64_t repl32(uint32_t v) { return (uint64_t)v << 32 | v; }
static uint64_t repl16(uint16_t v) { return repl32((uint32_t)v << 16 | v); }

/* The 64-bit pattern AdvSIMDExpandImm makes (replicated to both halves). */
static uint64_t modimm_expand(unsigned op, unsigned cmode, uint8_t imm8)
{
    uint64_t imm = imm8;
    switch (cmode >> 1) {
    case 0: return repl32((uint32_t)imm);
    case 1: return repl32((uint32_t)imm << 8);
    case 2: return repl32((uint32_t)imm << 16);
    case 3: return repl32((uint32_t)imm << 24);
    case 4: return repl16((uint16_t)imm);
    case 5: return repl16((uint16_t)(imm << 8));
    case 6:
        return (cmode & 1) ? repl32((uint32_t)imm << 16 | 0xffff)
                           : repl32((uint32_t)imm << 8 | 0xff);
    default:
        break;
    }
    if (!(cmode & 1)) {
        if (!op)
            return imm * 0x0101010101010101ull;
        uint64_t r = 0;
        for (int i = 0; i < 8; i++)
            if (imm8 & (1u << i))
                r |= 0xffull << (8 * i);
        return r;
    }
    if (!op)
        return repl32(fpu32_expand_imm(imm8));
    return fpu64_expand_imm(imm8);
}

static int simd_modimm(struct cpu_state *cpu, uint32_t insn)
{
    unsigned q = SIMD_Q(insn), op = a64_bits(insn, 29, 1);
    unsigned cmode = a64_bits(insn, 12, 4);
    uint8_t imm8 = (uint8_t)(a64_bits(insn, 16, 3) << 5 | a64_bits(insn, 5, 5));
    unsigned d = A64_RD(insn);
    if (cmode == 15 && op && !q)  /* FMOV Vd.2D needs Q=1 */
        return a64_undef(cpu, insn);
    uint64_t imm = modimm_expand(op, cmode, imm8);
    simd_vec v = simd_get(cpu, d);
    /* ORR/BIC: cmode 0xx1 or 10x1; everything else writes the immediate. */
    bool logic = (cmode & 1) && cmode < 12;
    for (int i = 0; i < 2; i++) {
        if (!logic)
            v.d[i] = (op && cmode < 14) ? ~imm : imm;   /* MVNI inverts */
        else if (op)
            v.d[i] &= ~imm;                          /* BIC */
        else
            v.d[i] |= imm;                           /* ORR */
    }
    simd_put(cpu, d, &v, q);
    return A64_NEXT;
}

/* FMOV Vd.4H/8H, #imm: the half-precision VFPExpandImm, replicated. */
static int trans_FMOV_half_imm(struct cpu_state *cpu, uint32_t insn)
{
    unsigned imm8 = a64_bits(insn, 16, 3) << 5 | a64_bits(insn, 5, 5);
    unsigned b6 = (imm8 >> 6) & 1;
    uint16_t half = (uint16_t)((imm8 >> 7) << 15 | (!b6) << 14 |
                               (b6 ? 3u : 0u) << 12 | ((imm8 >> 4) & 3) << 10 |
                               (imm8 & 15) << 6);
    simd_vec v;
    for (int i = 0; i < 8; i++)
        v.h[i] = half;
    simd_put(cpu, A64_RD(insn), &v, SIMD_Q(insn));
    return A64_NEXT;
}

static int trans_MOVI_ORR_FMOV(struct cpu_state *cpu, uint32_t insn)
{
    return simd_modimm(cpu, insn);
}

static int trans_MVNI_BIC_MOVI64(struct cpu_state *cpu, uint32_t insn)
{
    return simd_modimm(cpu, insn);
}

/* Field letters: q Q, a..h imm8, c cmode, d Rd. op (bit 29) is fixed per
 * row, which also makes these rows more specific than the shift-by-
 * immediate rows whose immh = 0000 they are. */
const struct a64_pattern a64_simd_modimm_patterns[] = {
    A64_PATTERN(MOVI_ORR_FMOV,   "0q00_1111_0000_0abc_cccc_01de_fghd_dddd"),
    A64_PATTERN(MVNI_BIC_MOVI64, "0q10_1111_0000_0abc_cccc_01de_fghd_dddd"),
    A64_PATTERN(FMOV_half_imm,   "0q00_1111_0000_0abc_1111_11de_fghd_dddd"),
    A64_PATTERN_END,
};
