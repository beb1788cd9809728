/* SVE2 instructions without a wider family here yet: the ternary bitwise
 * operations (EOR3, BCAX, BSL, BSL1N, BSL2N, NBSL), the unpredicated
 * multiplies (MUL, PMUL, SMULH, UMULH), MATCH/NMATCH, HISTCNT/HISTSEG and
 * the bit permutes of SVE2-BitPerm (BEXT, BDEP, BGRP), and the
 * pointer-conflict checks WHILERW/WHILEWR. */
#include "cpu/sve.h"

/* EOR3, BCAX, BSL, BSL1N, BSL2N, NBSL Zdn, Zdn, Zm, Zk: opc (23:22) and
 * bit 10. */
static int trans_ternary_logic(struct cpu_state *cpu, uint32_t insn)
{
    unsigned op = a64_bits(insn, 22, 2) << 1 | a64_bits(insn, 10, 1);
    unsigned dn = A64_RD(insn);
    const cpu_zreg *m = &cpu->z[A64_RM(insn)], *k = &cpu->z[A64_RN(insn)];
    cpu_zreg r;

    if (op == 4 || op == 6)
        return a64_undef(cpu, insn);
    for (unsigned i = 0; i < sve_vl(cpu) / 8; i++) {
        uint64_t a = cpu->z[dn].d[i], b = m->d[i], c = k->d[i];
        switch (op) {
        case 0: r.d[i] = a ^ b ^ c; break;                 /* EOR3 */
        case 2: r.d[i] = a ^ (b & ~c); break;              /* BCAX */
        case 1: r.d[i] = (a & c) | (b & ~c); break;        /* BSL */
        case 3: r.d[i] = (~a & c) | (b & ~c); break;       /* BSL1N */
        case 5: r.d[i] = (a & c) | (~b & ~c); break;       /* BSL2N */
        default: r.d[i] = ~((a & c) | (b & ~c)); break;    /* NBSL */
        }
    }
    sve_put_z(cpu, dn, &r);
    return A64_NEXT;
}

/* Carry-less product of two bytes (low 8 bits). */
static uint64_t sve_pmul8(uint64_t a, uint64_t b)
{
    uint64_t r = 0;
    for (unsigned i = 0; i < 8; i++)
        if ((b >> i) & 1)
            r ^= a << i;
    return r & 0xff;
}

/* MUL, PMUL, SMULH, UMULH Zd, Zn, Zm (unpredicated) */
static int trans_MUL_unpred(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), op = a64_bits(insn, 10, 2);
    unsigned bits = 8u << esz;
    const cpu_zreg *n = &cpu->z[A64_RN(insn)], *m = &cpu->z[A64_RM(insn)];
    cpu_zreg r;

    if (op == 1 && esz != 0)
        return a64_undef(cpu, insn);
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        uint64_t a = sve_elem(n, esz, i), b = sve_elem(m, esz, i), v;
        switch (op) {
        case 0: v = a * b; break;
        case 1: v = sve_pmul8(a, b); break;
        case 2:
            v = (uint64_t)(((__int128)sve_sext(a, esz) * sve_sext(b, esz)) >>
                           bits);
            break;
        default: v = (uint64_t)(((unsigned __int128)a * b) >> bits); break;
        }
        sve_set_elem(&r, esz, i, v & sve_esz_mask(esz));
    }
    sve_put_z(cpu, A64_RD(insn), &r);
    return A64_NEXT;
}

/* MATCH, NMATCH Pd, Pg/Z, Zn, Zm (B, H): does an active element of Zn
 * equal any element of Zm's same 128-bit segment. Sets NZCV. */
static int trans_MATCH(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), pg = SVE_PG3(insn), seg = 16u >> esz;
    bool negate = a64_bits(insn, 4, 1);
    const cpu_zreg *n = &cpu->z[A64_RN(insn)], *m = &cpu->z[A64_RM(insn)];
    sve_pred r;

    if (esz > 1)
        return a64_undef(cpu, insn);
    memset(&r, 0, sizeof r);
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        if (!sve_active(cpu, pg, esz, i))
            continue;
        uint64_t a = sve_elem(n, esz, i);
        bool found = false;
        for (unsigned j = i - i % seg; j < i - i % seg + seg; j++)
            found |= sve_elem(m, esz, j) == a;
        sve_pset(&r, esz, i, found != negate);
    }
    cpu->nzcv = sve_pred_test(cpu, cpu->p[pg], r.b, esz);
    sve_put_p(cpu, a64_bits(insn, 0, 4), &r);
    return A64_NEXT;
}

/* HISTCNT Zd, Pg/Z, Zn, Zm (S, D): for each active element i, how many
 * active elements j <= i of Zm equal Zn[i]. */
static int trans_HISTCNT(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), pg = SVE_PG3(insn);
    const cpu_zreg *n = &cpu->z[A64_RN(insn)], *m = &cpu->z[A64_RM(insn)];
    cpu_zreg r;

    if (esz < 2)
        return a64_undef(cpu, insn);
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        uint64_t count = 0;
        if (sve_active(cpu, pg, esz, i)) {
            uint64_t a = sve_elem(n, esz, i);
            for (unsigned j = 0; j <= i; j++)
                count += sve_active(cpu, pg, esz, j) &&
                         sve_elem(m, esz, j) == a;
        }
        sve_set_elem(&r, esz, i, count);
    }
    sve_put_z(cpu, A64_RD(insn), &r);
    return A64_NEXT;
}

/* HISTSEG Zd.B, Zn.B, Zm.B: for each byte, how many bytes of Zm's same
 * 128-bit segment equal it. */
static int trans_HISTSEG(struct cpu_state *cpu, uint32_t insn)
{
    const cpu_zreg *n = &cpu->z[A64_RN(insn)], *m = &cpu->z[A64_RM(insn)];
    cpu_zreg r;

    if (SVE_SIZE(insn) != 0)
        return a64_undef(cpu, insn);
    for (unsigned i = 0; i < sve_vl(cpu); i++) {
        unsigned count = 0, base = i - i % 16;
        for (unsigned j = base; j < base + 16; j++)
            count += m->b[j] == n->b[i];
        r.b[i] = (uint8_t)count;
    }
    sve_put_z(cpu, A64_RD(insn), &r);
    return A64_NEXT;
}

/* BEXT: gather the bits of a selected by mask to the bottom. BDEP:
 * scatter the bottom bits of a to the mask's positions. BGRP: the bits
 * selected by mask at the bottom, the others above them. */
static uint64_t sve_bext(uint64_t a, uint64_t mask, unsigned bits)
{
    uint64_t r = 0;
    unsigned k = 0;
    for (unsigned i = 0; i < bits; i++)
        if ((mask >> i) & 1)
            r |= ((a >> i) & 1) << k++;
    return r;
}

static uint64_t sve_bdep(uint64_t a, uint64_t mask, unsigned bits)
{
    uint64_t r = 0;
    unsigned k = 0;
    for (unsigned i = 0; i < bits; i++)
        if ((mask >> i) & 1)
            r |= ((a >> k++) & 1) << i;
    return r;
}

/* BEXT, BDEP, BGRP Zd, Zn, Zm */
static int trans_bitperm(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), op = a64_bits(insn, 10, 2);
    unsigned bits = 8u << esz;
    const cpu_zreg *n = &cpu->z[A64_RN(insn)], *m = &cpu->z[A64_RM(insn)];
    cpu_zreg r;

    if (op == 3)
        return a64_undef(cpu, insn);
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        uint64_t a = sve_elem(n, esz, i), mask = sve_elem(m, esz, i), v;
        if (op == 0) {
            v = sve_bext(a, mask, bits);
        } else if (op == 1) {
            v = sve_bdep(a, mask, bits);
        } else {
            unsigned ones = (unsigned)__builtin_popcountll(mask);
            uint64_t hi = sve_bext(a, ~mask & sve_esz_mask(esz), bits);
            v = sve_bext(a, mask, bits) | (ones < 64 ? hi << ones : 0);
        }
        sve_set_elem(&r, esz, i, v & sve_esz_mask(esz));
    }
    sve_put_z(cpu, A64_RD(insn), &r);
    return A64_NEXT;
}

/* WHILEWR, WHILERW Pd, Xn, Xm: the elements that can be processed before
 * the write through Xm (WR) overlaps the read through Xn, or the two
 * accesses (RW, either order) overlap. Sets NZCV. */
static int trans_WHILE_ptr(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn);
    bool rw = a64_bits(insn, 4, 1);
    /* UInt(Xm) - UInt(Xn), exact: addresses are unsigned and the
     * difference does not wrap (as qemu-aarch64 computes it). */
    __int128 diff = (__int128)a64_x(cpu, A64_RM(insn)) -
                    (__int128)a64_x(cpu, A64_RN(insn));
    sve_pred all, r;
    uint64_t count;

    if (rw && diff < 0)
        diff = -diff;
    /* diff DIV esize-in-bytes; zero (and, for WR, negative) means no
     * conflict at all: every element. */
    diff >>= esz;
    count = diff <= 0 ? 0 : diff > (__int128)UINT32_MAX ? UINT32_MAX
                                                        : (uint64_t)diff;
    memset(&all, 0, sizeof all);
    memset(&r, 0, sizeof r);
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        sve_pset(&all, esz, i, true);
        sve_pset(&r, esz, i, count == 0 || i < count);
    }
    cpu->nzcv = sve_pred_test(cpu, all.b, r.b, esz);
    sve_put_p(cpu, a64_bits(insn, 0, 4), &r);
    return A64_NEXT;
}

const struct a64_pattern sve2_misc_patterns[] = {
    A64_PATTERN(WHILE_ptr, "00100101 ss 1 mmmmm 001100 nnnnn r dddd"),
    A64_PATTERN(ternary_logic, "00000100 oo 1 mmmmm 00111 o kkkkk ddddd"),
    A64_PATTERN(MUL_unpred, "00000100 ss 1 mmmmm 0110 oo nnnnn ddddd"),
    A64_PATTERN(MATCH, "01000101 ss 1 mmmmm 100 ggg nnnnn o dddd"),
    A64_PATTERN(HISTCNT, "01000101 ss 1 mmmmm 110 ggg nnnnn ddddd"),
    A64_PATTERN(HISTSEG, "01000101 ss 1 mmmmm 101000 nnnnn ddddd"),
    A64_PATTERN(bitperm, "01000101 ss 0 mmmmm 1011 oo nnnnn ddddd"),
    A64_PATTERN_END,
};
