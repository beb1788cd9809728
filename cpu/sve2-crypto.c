/* SVE2 cryptographic extensions: AESE, AESD, AESMC, AESIMC (SVE-AES),
 * SM4E, SM4EKEY (SVE-SM4) on each 128-bit segment, by the AdvSIMD
 * handlers; RAX1 (SVE-SHA3). */
#include "cpu/sve2-segment.h"

/* AESE, AESD Zdn.B, Zdn.B, Zm.B: op (10) decrypts. */
static int trans_AESE(struct cpu_state *cpu, uint32_t insn)
{
    unsigned dn = A64_RD(insn), m = A64_RN(insn);
    uint32_t simd = 0x4e284800u | a64_bits(insn, 10, 1) << 12 | m << 5 | dn;
    return sve2_by_segment(cpu, insn, simd, dn, (const unsigned[]){ dn, m }, 2);
}

/* AESMC, AESIMC Zdn.B, Zdn.B: op (10) is the inverse. */
static int trans_AESMC(struct cpu_state *cpu, uint32_t insn)
{
    unsigned dn = A64_RD(insn);
    uint32_t simd = 0x4e286800u | a64_bits(insn, 10, 1) << 12 | dn << 5 | dn;
    return sve2_by_segment(cpu, insn, simd, dn, (const unsigned[]){ dn }, 1);
}

/* SM4E Zdn.S, Zdn.S, Zm.S: Zdn is the state, Zm the round keys. */
static int trans_SM4E(struct cpu_state *cpu, uint32_t insn)
{
    unsigned dn = A64_RD(insn), m = A64_RN(insn);
    return sve2_by_segment(cpu, insn, 0xcec08400u | m << 5 | dn, dn,
                           (const unsigned[]){ dn, m }, 2);
}

/* SM4EKEY Zd.S, Zn.S, Zm.S */
static int trans_SM4EKEY(struct cpu_state *cpu, uint32_t insn)
{
    unsigned d = A64_RD(insn), n = A64_RN(insn), m = A64_RM(insn);
    return sve2_by_segment(cpu, insn, 0xce60c800u | m << 16 | n << 5 | d, d,
                           (const unsigned[]){ n, m }, 2);
}

/* RAX1 Zd.D, Zn.D, Zm.D: Zn ^ (Zm rotated left by one). */
static int trans_RAX1(struct cpu_state *cpu, uint32_t insn)
{
    const cpu_zreg *n = &cpu->z[A64_RN(insn)], *m = &cpu->z[A64_RM(insn)];
    cpu_zreg r;
    for (unsigned e = 0; e < sve_elems(cpu, 3); e++)
        r.d[e] = n->d[e] ^ (m->d[e] << 1 | m->d[e] >> 63);
    sve_put_z(cpu, A64_RD(insn), &r);
    return A64_NEXT;
}

const struct a64_pattern sve2_crypto_patterns[] = {
    A64_PATTERN(AESE, "01000101 00 1 00010 11100 o mmmmm ddddd"),
    A64_PATTERN(AESMC, "01000101 00 1 00000 11100 o 00000 ddddd"),
    A64_PATTERN(SM4E, "01000101 00 1 00011 111000 mmmmm ddddd"),
    A64_PATTERN(SM4EKEY, "01000101 00 1 mmmmm 111100 nnnnn ddddd"),
    A64_PATTERN(RAX1, "01000101 00 1 mmmmm 111101 nnnnn ddddd"),
    A64_PATTERN_END,
};
