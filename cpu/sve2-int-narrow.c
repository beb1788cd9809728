/* SVE2 narrowing ("SVE2 Narrowing"): saturating extract narrow
 * (SQXTNB..SQXTUNT), shift right narrow (SHRNB..UQRSHRNT, SQSHRUNB..
 * SQRSHRUNT) and add/subtract narrow high part (ADDHNB..RSUBHNT).
 *
 * A B(ottom) form writes the narrow result to the even-numbered elements
 * and zeroes the odd ones; a T(op) form writes the odd-numbered elements
 * and keeps the even ones: narrow element 2 * i + top comes from wide
 * element i. */
#include "cpu/sve2-int-helpers.h"

/* Store narrow results v[i] (esz = the narrow size) into Zd by the B/T
 * rule. */
static void sve2_put_narrow(struct cpu_state *cpu, unsigned d, unsigned esz,
                            bool top, const uint64_t *v)
{
    cpu_zreg r = cpu->z[d];
    for (unsigned i = 0; i < sve_elems(cpu, esz + 1); i++) {
        sve_set_elem(&r, esz, 2 * i + top, v[i]);
        if (!top)
            sve_set_elem(&r, esz, 2 * i + 1, 0);
    }
    sve_put_z(cpu, d, &r);
}

/* The kinds of saturation: none (truncate), signed to signed, unsigned
 * to unsigned, signed to unsigned. */
enum sve2_narrow_sat { NARROW_TRUNC, NARROW_SS, NARROW_UU, NARROW_SU };

static uint64_t sve2_narrow_sat(__int128 v, unsigned esz,
                                enum sve2_narrow_sat kind)
{
    switch (kind) {
    case NARROW_TRUNC: return sve2_trunc(v, esz);
    case NARROW_SS: return sve_sat(v, esz, false);
    default: return sve_sat(v, esz, true);
    }
}

/* SQXTNB, SQXTNT, UQXTNB, UQXTNT, SQXTUNB, SQXTUNT Zd.T, Zn.Tb: tsz (22,
 * 20:19) must name one narrow size. */
static int trans_sve2_xtn(struct cpu_state *cpu, uint32_t insn)
{
    static const enum sve2_narrow_sat kinds[3] = {
        NARROW_SS, NARROW_UU, NARROW_SU };
    unsigned tsz = a64_bits(insn, 22, 1) << 2 | a64_bits(insn, 19, 2);
    unsigned op = a64_bits(insn, 11, 2), esz;
    uint64_t v[CPU_ZREG_BYTES / 2];
    const cpu_zreg *n = &cpu->z[A64_RN(insn)];

    if (op == 3 || !sve2_tsz_esz(tsz, &esz) || (tsz & (tsz - 1)))
        return a64_undef(cpu, insn);
    for (unsigned i = 0; i < sve_elems(cpu, esz + 1); i++)
        v[i] = sve2_narrow_sat(sve2_elem_x(n, esz + 1, i, op != 1), esz,
                               kinds[op]);
    sve2_put_narrow(cpu, A64_RD(insn), esz, a64_bits(insn, 10, 1), v);
    return A64_NEXT;
}

/* The shift right narrow forms, op = bits 13:11: 0 SQSHRUN, 1 SQRSHRUN,
 * 2 SHRN, 3 RSHRN, 4 SQSHRN, 5 SQRSHRN, 6 UQSHRN, 7 UQRSHRN; bit 10 top.
 * tsz (22, 20:19) names the narrow size, shift = 2 * esize - tsz:imm3. */
static int trans_sve2_shrn(struct cpu_state *cpu, uint32_t insn)
{
    unsigned tsz = a64_bits(insn, 22, 1) << 2 | a64_bits(insn, 19, 2);
    unsigned op = a64_bits(insn, 11, 3), esz;
    uint64_t v[CPU_ZREG_BYTES / 2];
    const cpu_zreg *n = &cpu->z[A64_RN(insn)];
    static const enum sve2_narrow_sat kinds[4] = {
        NARROW_SU, NARROW_TRUNC, NARROW_SS, NARROW_UU };

    if (!sve2_tsz_esz(tsz, &esz))
        return a64_undef(cpu, insn);
    unsigned shift = (16u << esz) - (tsz << 3 | a64_bits(insn, 16, 3));
    bool round = op & 1, is_signed = op < 6 && op != 2 && op != 3;
    for (unsigned i = 0; i < sve_elems(cpu, esz + 1); i++) {
        __int128 w = sve2_elem_x(n, esz + 1, i, is_signed);
        v[i] = sve2_narrow_sat(sve2_shr_round(w, shift, round), esz,
                               kinds[op >> 1]);
    }
    sve2_put_narrow(cpu, A64_RD(insn), esz, a64_bits(insn, 10, 1), v);
    return A64_NEXT;
}

/* ADDHNB, ADDHNT, RADDHNB, RADDHNT, SUBHNB, SUBHNT, RSUBHNB, RSUBHNT
 * Zd.T, Zn.Tb, Zm.Tb: the high half of the wide sum or difference (size
 * is the wide element's), rounded when bit 11 is set. */
static int trans_sve2_addhn(struct cpu_state *cpu, uint32_t insn)
{
    unsigned wesz = SVE_SIZE(insn);
    bool sub = a64_bits(insn, 12, 1), round = a64_bits(insn, 11, 1);
    uint64_t v[CPU_ZREG_BYTES / 2];
    const cpu_zreg *n = &cpu->z[A64_RN(insn)], *m = &cpu->z[A64_RM(insn)];

    if (wesz == 0)
        return a64_undef(cpu, insn);
    unsigned half = 4u << wesz;
    for (unsigned i = 0; i < sve_elems(cpu, wesz); i++) {
        __int128 a = sve_elem(n, wesz, i), b = sve_elem(m, wesz, i);
        __int128 s = (__int128)sve2_trunc(sub ? a - b : a + b, wesz);
        if (round)
            s += (__int128)1 << (half - 1);
        v[i] = sve2_trunc(s >> half, wesz - 1);
    }
    sve2_put_narrow(cpu, A64_RD(insn), wesz - 1, a64_bits(insn, 10, 1), v);
    return A64_NEXT;
}

const struct a64_pattern sve2_int_narrow_patterns[] = {
    A64_PATTERN(sve2_xtn, "01000101 0t 1 tt000 010 oot nnnnn ddddd"),
    A64_PATTERN(sve2_shrn, "01000101 0t 1 ttiii 00 ooot nnnnn ddddd"),
    A64_PATTERN(sve2_addhn, "01000101 ss 1 mmmmm 011 srt nnnnn ddddd"),
    A64_PATTERN_END,
};
