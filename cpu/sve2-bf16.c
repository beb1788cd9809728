/* SVE's BFloat16 instructions (FEAT_BF16): BFDOT, BFMLALB/T (vectors and
 * indexed) and BFMMLA are their AdvSIMD namesakes on every 128-bit
 * segment; BFCVT and BFCVTNT convert each active single with the scalar
 * AdvSIMD BFCVT, so rounding and FPSR are a64-simd-bf16.c's. */
#include "cpu/sve2-segment.h"

/* BFDOT Zda.S, Zn.H, Zm.H */
static int trans_BFDOT(struct cpu_state *cpu, uint32_t insn)
{
    unsigned d = A64_RD(insn), n = A64_RN(insn), m = A64_RM(insn);
    return sve2_by_segment(cpu, insn, 0x6e40fc00u | m << 16 | n << 5 | d, d,
                           (const unsigned[]){ d, n, m }, 3);
}

/* BFDOT Zda.S, Zn.H, Zm.H[imm]: index 20:19, Zm 18:16; the AdvSIMD form
 * takes the index as H (11):L (21). */
static int trans_BFDOT_idx(struct cpu_state *cpu, uint32_t insn)
{
    unsigned d = A64_RD(insn), n = A64_RN(insn), m = a64_bits(insn, 16, 3);
    unsigned idx = a64_bits(insn, 19, 2);
    uint32_t simd = 0x4f40f000u | (idx >> 1) << 11 | (idx & 1) << 21 |
                    m << 16 | n << 5 | d;
    return sve2_by_segment(cpu, insn, simd, d, (const unsigned[]){ d, n, m }, 3);
}

/* BFMMLA Zda.S, Zn.H, Zm.H */
static int trans_BFMMLA(struct cpu_state *cpu, uint32_t insn)
{
    unsigned d = A64_RD(insn), n = A64_RN(insn), m = A64_RM(insn);
    return sve2_by_segment(cpu, insn, 0x6e40ec00u | m << 16 | n << 5 | d, d,
                           (const unsigned[]){ d, n, m }, 3);
}

/* BFMLALB, BFMLALT Zda.S, Zn.H, Zm.H: T (10) is the AdvSIMD Q bit. */
static int trans_BFMLAL(struct cpu_state *cpu, uint32_t insn)
{
    unsigned d = A64_RD(insn), n = A64_RN(insn), m = A64_RM(insn);
    uint32_t simd = 0x2ec0fc00u | a64_bits(insn, 10, 1) << 30 | m << 16 |
                    n << 5 | d;
    return sve2_by_segment(cpu, insn, simd, d, (const unsigned[]){ d, n, m }, 3);
}

/* BFMLALB, BFMLALT Zda.S, Zn.H, Zm.H[imm]: index i3h (20:19):i3l (11),
 * Zm 18:16; the AdvSIMD form takes H (11):L (21):M (20). */
static int trans_BFMLAL_idx(struct cpu_state *cpu, uint32_t insn)
{
    unsigned d = A64_RD(insn), n = A64_RN(insn), m = a64_bits(insn, 16, 3);
    unsigned idx = a64_bits(insn, 19, 2) << 1 | a64_bits(insn, 11, 1);
    uint32_t simd = 0x0fc0f000u | a64_bits(insn, 10, 1) << 30 |
                    (idx >> 2) << 11 | ((idx >> 1) & 1) << 21 |
                    (idx & 1) << 20 | m << 16 | n << 5 | d;
    return sve2_by_segment(cpu, insn, simd, d, (const unsigned[]){ d, n, m }, 3);
}

/* BFCVT Zd.H, Pg/M, Zn.S (top: 0) and BFCVTNT Zd.H, Pg/M, Zn.S (1): each
 * active single becomes the even (BFCVT, the odd half zeroed) or odd
 * (BFCVTNT, the even half kept) half of its 32-bit element. */
static int sve2_bfcvt(struct cpu_state *cpu, uint32_t insn, bool top)
{
    unsigned d = A64_RD(insn), n = A64_RN(insn), pg = SVE_PG3(insn);
    unsigned count = sve_elems(cpu, 2);
    uint64_t in[CPU_ZREG_BYTES / 4] = { 0 }, out[CPU_ZREG_BYTES / 4] = { 0 };
    bool active[CPU_ZREG_BYTES / 4] = { false };
    cpu_zreg r;

    for (unsigned e = 0; e < count; e++) {
        in[e] = cpu->z[n].s[e];
        active[e] = sve_active(cpu, pg, 2, e);
    }
    /* BFCVT H0, S0 on the scratch lane of Zd/Zn. */
    int rc = sve2_by_element(cpu, insn, 0x1e634000u | n << 5 | d, d, n, 2, 1,
                             in, active, out, count);
    if (rc != A64_NEXT)
        return rc;
    memcpy(r.b, cpu->z[d].b, sve_vl(cpu));
    for (unsigned e = 0; e < count; e++) {
        if (!active[e])
            continue;
        if (top)
            r.h[2 * e + 1] = (uint16_t)out[e];
        else
            r.s[e] = (uint16_t)out[e];
    }
    sve_put_z(cpu, d, &r);
    return A64_NEXT;
}

static int trans_BFCVT(struct cpu_state *cpu, uint32_t insn)
{
    return sve2_bfcvt(cpu, insn, false);
}

static int trans_BFCVTNT(struct cpu_state *cpu, uint32_t insn)
{
    return sve2_bfcvt(cpu, insn, true);
}

const struct a64_pattern sve2_bf16_patterns[] = {
    A64_PATTERN(BFDOT, "01100100 011 mmmmm 100000 nnnnn ddddd"),
    A64_PATTERN(BFDOT_idx, "01100100 011 iimmm 010000 nnnnn ddddd"),
    A64_PATTERN(BFMMLA, "01100100 011 mmmmm 111001 nnnnn ddddd"),
    A64_PATTERN(BFMLAL, "01100100 111 mmmmm 10000 t nnnnn ddddd"),
    A64_PATTERN(BFMLAL_idx, "01100100 111 iimmm 0100 i t nnnnn ddddd"),
    A64_PATTERN(BFCVT, "01100101 10 001010 101 ggg nnnnn ddddd"),
    A64_PATTERN(BFCVTNT, "01100100 10 001010 101 ggg nnnnn ddddd"),
    A64_PATTERN_END,
};
