/* SVE2 integer accumulate ("SVE2 Accumulate") and XAR: absolute
 * difference and accumulate (SABA, UABA, SABALB..UABALT), add/subtract
 * long with carry (ADCLB, ADCLT, SBCLB, SBCLT), shift right and
 * accumulate (SSRA, USRA, SRSRA, URSRA), shift and insert (SRI, SLI),
 * complex integer add (CADD, SQCADD) and XAR of SVE2-SHA3's family
 * (it is in base SVE2). */
#include "cpu/sve2-int-helpers.h"

/* SABA, UABA Zda.T, Zn.T, Zm.T (bit 10: unsigned) */
static int trans_sve2_aba(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), da = A64_RD(insn);
    bool u = a64_bits(insn, 10, 1);
    const cpu_zreg *n = &cpu->z[A64_RN(insn)], *m = &cpu->z[A64_RM(insn)];
    cpu_zreg r;

    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        __int128 a = sve2_elem_x(n, esz, i, !u), b = sve2_elem_x(m, esz, i, !u);
        __int128 acc = sve_elem(&cpu->z[da], esz, i);
        sve_set_elem(&r, esz, i, sve2_trunc(acc + (a > b ? a - b : b - a), esz));
    }
    sve_put_z(cpu, da, &r);
    return A64_NEXT;
}

/* SABALB, SABALT, UABALB, UABALT Zda.T, Zn.Tb, Zm.Tb (bit 10: top, bit
 * 11: unsigned) */
static int trans_sve2_abal(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), da = A64_RD(insn);
    unsigned top = a64_bits(insn, 10, 1);
    bool u = a64_bits(insn, 11, 1);
    const cpu_zreg *n = &cpu->z[A64_RN(insn)], *m = &cpu->z[A64_RM(insn)];
    cpu_zreg r;

    if (esz == 0)
        return a64_undef(cpu, insn);
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        __int128 a = sve2_elem_x(n, esz - 1, 2 * i + top, !u);
        __int128 b = sve2_elem_x(m, esz - 1, 2 * i + top, !u);
        __int128 acc = sve_elem(&cpu->z[da], esz, i);
        sve_set_elem(&r, esz, i, sve2_trunc(acc + (a > b ? a - b : b - a), esz));
    }
    sve_put_z(cpu, da, &r);
    return A64_NEXT;
}

/* ADCLB, ADCLT, SBCLB (bit 23), SBCLT Zda.T, Zn.T, Zm.T (S, D: bit 22):
 * each even element of Zda gets Zda + Zn[2i + top] (inverted for SBCL)
 * + the carry in bit 0 of Zm's odd element; the odd element of the
 * result is the carry out. */
static int trans_sve2_adcl(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = 2 + a64_bits(insn, 22, 1), da = A64_RD(insn);
    unsigned top = a64_bits(insn, 10, 1);
    bool sub = a64_bits(insn, 23, 1);
    const cpu_zreg *n = &cpu->z[A64_RN(insn)], *m = &cpu->z[A64_RM(insn)];
    uint64_t mask = sve_esz_mask(esz);
    cpu_zreg r;

    for (unsigned i = 0; i < sve_elems(cpu, esz) / 2; i++) {
        uint64_t a = sve_elem(n, esz, 2 * i + top);
        unsigned __int128 sum = (unsigned __int128)sve_elem(&cpu->z[da], esz, 2 * i) +
                                ((sub ? ~a : a) & mask) +
                                (sve_elem(m, esz, 2 * i + 1) & 1);
        sve_set_elem(&r, esz, 2 * i, (uint64_t)sum & mask);
        sve_set_elem(&r, esz, 2 * i + 1, (uint64_t)(sum >> (8u << esz)) & 1);
    }
    sve_put_z(cpu, da, &r);
    return A64_NEXT;
}

/* The element size and right shift of a 4-bit tsz (23:22, 20:19) with
 * imm3 (18:16): shift = 2 * esize - tsz:imm3, 1..esize. */
static bool sve2_tsz4_shr(uint32_t insn, unsigned *esz, unsigned *shift)
{
    unsigned tsz = a64_bits(insn, 22, 2) << 2 | a64_bits(insn, 19, 2);
    if (!sve2_tsz_esz(tsz, esz))
        return false;
    *shift = (16u << *esz) - (tsz << 3 | a64_bits(insn, 16, 3));
    return true;
}

/* SSRA, USRA, SRSRA, URSRA Zda.T, Zn.T, #shift (bit 10: unsigned, bit 11:
 * rounding) */
static int trans_sve2_sra(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz, shift, da = A64_RD(insn);
    bool u = a64_bits(insn, 10, 1), round = a64_bits(insn, 11, 1);
    const cpu_zreg *n = &cpu->z[A64_RN(insn)];
    cpu_zreg r;

    if (!sve2_tsz4_shr(insn, &esz, &shift))
        return a64_undef(cpu, insn);
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        __int128 v = sve2_shr_round(sve2_elem_x(n, esz, i, !u), shift, round);
        sve_set_elem(&r, esz, i,
                     sve2_trunc(v + sve_elem(&cpu->z[da], esz, i), esz));
    }
    sve_put_z(cpu, da, &r);
    return A64_NEXT;
}

/* SRI (bit 10 = 0), SLI Zd.T, Zn.T, #shift: Zn shifted, inserted into Zd
 * keeping Zd's bits that the shifted value does not cover. */
static int trans_sve2_shift_insert(struct cpu_state *cpu, uint32_t insn)
{
    unsigned tsz = a64_bits(insn, 22, 2) << 2 | a64_bits(insn, 19, 2);
    unsigned imm = tsz << 3 | a64_bits(insn, 16, 3), esz, d = A64_RD(insn);
    bool left = a64_bits(insn, 10, 1);
    const cpu_zreg *n = &cpu->z[A64_RN(insn)];
    cpu_zreg r;

    if (!sve2_tsz_esz(tsz, &esz))
        return a64_undef(cpu, insn);
    unsigned esize = 8u << esz;
    unsigned shift = left ? imm - esize : 2 * esize - imm;
    uint64_t all = sve_esz_mask(esz);
    /* Right shifts go up to esize (nothing inserted). */
    uint64_t keep = left ? ~(all << shift)
                         : shift == 64 ? all : ~(all >> shift);
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        uint64_t a = sve_elem(n, esz, i);
        uint64_t ins = left ? a << shift : shift == 64 ? 0 : a >> shift;
        sve_set_elem(&r, esz, i,
                     ((sve_elem(&cpu->z[d], esz, i) & keep) | ins) & all);
    }
    sve_put_z(cpu, d, &r);
    return A64_NEXT;
}

/* CADD, SQCADD (bit 16) Zdn.T, Zdn.T, Zm.T, #rot (bit 10: 270): complex
 * pairs (real even, imaginary odd) plus Zm rotated by 90 or 270 degrees. */
static int trans_sve2_cadd(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), dn = A64_RD(insn);
    bool sat = a64_bits(insn, 16, 1), rot270 = a64_bits(insn, 10, 1);
    const cpu_zreg *n = &cpu->z[dn], *m = &cpu->z[A64_RN(insn)];
    cpu_zreg r;

    for (unsigned i = 0; i < sve_elems(cpu, esz) / 2; i++) {
        __int128 re = sve2_elem_x(n, esz, 2 * i, true);
        __int128 im = sve2_elem_x(n, esz, 2 * i + 1, true);
        __int128 mre = sve2_elem_x(m, esz, 2 * i, true);
        __int128 mim = sve2_elem_x(m, esz, 2 * i + 1, true);
        __int128 vre = rot270 ? re + mim : re - mim;
        __int128 vim = rot270 ? im - mre : im + mre;
        sve_set_elem(&r, esz, 2 * i,
                     sat ? sve_sat(vre, esz, false) : sve2_trunc(vre, esz));
        sve_set_elem(&r, esz, 2 * i + 1,
                     sat ? sve_sat(vim, esz, false) : sve2_trunc(vim, esz));
    }
    sve_put_z(cpu, dn, &r);
    return A64_NEXT;
}

/* XAR Zdn.T, Zdn.T, Zm.T, #shift: (Zdn EOR Zm) rotated right. */
static int trans_sve2_XAR(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz, shift, dn = A64_RD(insn);
    const cpu_zreg *m = &cpu->z[A64_RN(insn)];
    cpu_zreg r;

    if (!sve2_tsz4_shr(insn, &esz, &shift))
        return a64_undef(cpu, insn);
    unsigned esize = 8u << esz;
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        uint64_t v = sve_elem(&cpu->z[dn], esz, i) ^ sve_elem(m, esz, i);
        if (shift < esize)
            v = (v >> shift) | (v << (esize - shift));
        sve_set_elem(&r, esz, i, v & sve_esz_mask(esz));
    }
    sve_put_z(cpu, dn, &r);
    return A64_NEXT;
}

const struct a64_pattern sve2_int_acc_patterns[] = {
    A64_PATTERN(sve2_aba, "01000101 ss 0 mmmmm 11111 u nnnnn ddddd"),
    A64_PATTERN(sve2_abal, "01000101 ss 0 mmmmm 1100 ut nnnnn ddddd"),
    A64_PATTERN(sve2_adcl, "01000101 os 0 mmmmm 11010 t nnnnn ddddd"),
    A64_PATTERN(sve2_sra, "01000101 tt 0 ttiii 1110 ru nnnnn ddddd"),
    A64_PATTERN(sve2_shift_insert, "01000101 tt 0 ttiii 11110 l nnnnn ddddd"),
    A64_PATTERN(sve2_cadd, "01000101 ss 00000 q 11011 r mmmmm ddddd"),
    A64_PATTERN(sve2_XAR, "00000100 tt 1 ttiii 001101 mmmmm ddddd"),
    A64_PATTERN_END,
};
