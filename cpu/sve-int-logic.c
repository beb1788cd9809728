/* SVE bitwise operations and shifts: AND/ORR/EOR/BIC (unpredicated), the
 * shifts by immediate (predicated: ASR, LSR, LSL, ASRD; unpredicated), by
 * vector (ASR, LSR, LSL and the reversed ASRR, LSRR, LSLR) and by wide
 * (64-bit) elements. */
#include "cpu/sve.h"

/* AND, ORR, EOR, BIC (vectors, unpredicated) */
static int trans_logical_unpred(struct cpu_state *cpu, uint32_t insn)
{
    unsigned opc = a64_bits(insn, 22, 2);
    const cpu_zreg *n = &cpu->z[A64_RN(insn)], *m = &cpu->z[A64_RM(insn)];
    cpu_zreg r;

    for (unsigned i = 0; i < sve_elems(cpu, 3); i++) {
        uint64_t a = n->d[i], b = m->d[i];
        r.d[i] = opc == 0 ? a & b : opc == 1 ? a | b : opc == 2 ? a ^ b
                                                      : a & ~b;
    }
    sve_put_z(cpu, A64_RD(insn), &r);
    return A64_NEXT;
}

enum sve_shift { SVE_ASR, SVE_LSR, SVE_LSL, SVE_ASRD,
                 /* SVE2 (predicated, by immediate) */
                 SVE_SQSHL, SVE_UQSHL, SVE_SRSHR, SVE_URSHR, SVE_SQSHLU };

/* Shift an esz element by an unsigned amount (any size: saturates). */
static uint64_t sve_shift(enum sve_shift kind, unsigned esz, uint64_t a,
                          uint64_t amount)
{
    unsigned bits = 8u << esz;
    uint64_t mask = sve_esz_mask(esz);
    int64_t s = sve_sext(a, esz);

    switch (kind) {
    case SVE_ASR:
        return (uint64_t)(s >> (amount >= bits ? bits - 1 : amount)) & mask;
    case SVE_LSR:
        return amount >= bits ? 0 : (a >> amount);
    case SVE_LSL:
        return amount >= bits ? 0 : (a << amount) & mask;
    case SVE_SQSHL:
        return sve_sat((__int128)s * ((__int128)1 << amount), esz, false);
    case SVE_UQSHL:
        return sve_sat((__int128)a << amount, esz, true);
    case SVE_SQSHLU:
        return sve_sat((__int128)s * ((__int128)1 << amount), esz, true);
    case SVE_SRSHR:  /* amount 1..bits */
        return (uint64_t)((((__int128)s >> (amount - 1)) + 1) >> 1) & mask;
    case SVE_URSHR:
        return (uint64_t)((((__int128)a >> (amount - 1)) + 1) >> 1) & mask;
    default: {  /* ASRD: divide by 2^amount (<= bits) rounding to zero */
        __int128 v = s;
        if (v < 0)
            v += ((__int128)1 << amount) - 1;
        return (uint64_t)(v >> amount) & mask;
    }
    }
}

/* The element size and shift of the tsz:imm3 encodings; false if tsz=0. */
static bool sve_tsz_shift(unsigned tsz, unsigned imm3, bool left,
                          unsigned *esz, unsigned *shift)
{
    if (tsz == 0)
        return false;
    *esz = 31 - (unsigned)__builtin_clz(tsz);
    unsigned v = tsz << 3 | imm3, esize = 8u << *esz;
    *shift = left ? v - esize : 2 * esize - v;
    return true;
}

/* ASR, LSR, LSL, ASRD Zdn, Pg/M, Zdn, #imm; SVE2's SQSHL, UQSHL, SRSHR,
 * URSHR, SQSHLU (immediate). */
static int trans_shift_imm_pred(struct cpu_state *cpu, uint32_t insn)
{
    static const int kinds[16] = {
        SVE_ASR, SVE_LSR, -1, SVE_LSL, SVE_ASRD, -1, SVE_SQSHL, SVE_UQSHL,
        -1, -1, -1, -1, SVE_SRSHR, SVE_URSHR, -1, SVE_SQSHLU,
    };
    int kind = kinds[a64_bits(insn, 16, 4)];
    bool left = kind == SVE_LSL || kind == SVE_SQSHL || kind == SVE_UQSHL ||
                kind == SVE_SQSHLU;
    unsigned tsz = a64_bits(insn, 22, 2) << 2 | a64_bits(insn, 8, 2);
    unsigned esz, sh, dn = A64_RD(insn), pg = SVE_PG3(insn);
    cpu_zreg r;

    if (kind < 0 || !sve_tsz_shift(tsz, a64_bits(insn, 5, 3),
                                   left, &esz, &sh))
        return a64_undef(cpu, insn);
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        uint64_t a = sve_elem(&cpu->z[dn], esz, i);
        sve_set_elem(&r, esz, i, sve_active(cpu, pg, esz, i)
                                 ? sve_shift((enum sve_shift)kind, esz, a, sh)
                                 : a);
    }
    sve_put_z(cpu, dn, &r);
    return A64_NEXT;
}

/* ASR, LSR, LSL, ASRR, LSRR, LSLR (vectors, predicated), and the wide
 * forms (bit 19) whose shift is the 64-bit element holding element i. */
static int trans_shift_vec_pred(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), opc = a64_bits(insn, 16, 4);
    unsigned dn = A64_RD(insn), pg = SVE_PG3(insn);
    bool wide = opc & 8, rev = opc & 4;
    unsigned lu = opc & 3;
    const cpu_zreg *m = &cpu->z[a64_bits(insn, 5, 5)];
    cpu_zreg r;

    if (lu == 2 || (wide && (rev || esz == 3)))
        return a64_undef(cpu, insn);
    enum sve_shift kind = lu == 0 ? SVE_ASR : lu == 1 ? SVE_LSR : SVE_LSL;
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        uint64_t a = sve_elem(&cpu->z[dn], esz, i);
        if (sve_active(cpu, pg, esz, i)) {
            if (wide) {
                a = sve_shift(kind, esz, a, m->d[(i << esz) / 8]);
            } else {
                uint64_t b = sve_elem(m, esz, i);
                a = rev ? sve_shift(kind, esz, b, a) : sve_shift(kind, esz, a, b);
            }
        }
        sve_set_elem(&r, esz, i, a);
    }
    sve_put_z(cpu, dn, &r);
    return A64_NEXT;
}

/* ASR, LSR, LSL (wide elements, unpredicated) */
static int trans_shift_wide_unpred(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), opc = a64_bits(insn, 10, 2);
    const cpu_zreg *n = &cpu->z[A64_RN(insn)], *m = &cpu->z[A64_RM(insn)];
    cpu_zreg r;

    if (opc == 2 || esz == 3)
        return a64_undef(cpu, insn);
    enum sve_shift kind = opc == 0 ? SVE_ASR : opc == 1 ? SVE_LSR : SVE_LSL;
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++)
        sve_set_elem(&r, esz, i, sve_shift(kind, esz, sve_elem(n, esz, i),
                                           m->d[(i << esz) / 8]));
    sve_put_z(cpu, A64_RD(insn), &r);
    return A64_NEXT;
}

/* ASR, LSR, LSL (immediate, unpredicated) */
static int trans_shift_imm_unpred(struct cpu_state *cpu, uint32_t insn)
{
    unsigned opc = a64_bits(insn, 10, 2);
    unsigned tsz = a64_bits(insn, 22, 2) << 2 | a64_bits(insn, 19, 2);
    unsigned esz, sh;
    const cpu_zreg *n = &cpu->z[A64_RN(insn)];
    cpu_zreg r;

    if (opc == 2 || !sve_tsz_shift(tsz, a64_bits(insn, 16, 3), opc == 3,
                                   &esz, &sh))
        return a64_undef(cpu, insn);
    enum sve_shift kind = opc == 0 ? SVE_ASR : opc == 1 ? SVE_LSR : SVE_LSL;
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++)
        sve_set_elem(&r, esz, i, sve_shift(kind, esz, sve_elem(n, esz, i), sh));
    sve_put_z(cpu, A64_RD(insn), &r);
    return A64_NEXT;
}

const struct a64_pattern sve_int_logic_patterns[] = {
    A64_PATTERN(logical_unpred, "00000100 oo 1 mmmmm 001100 nnnnn ddddd"),
    A64_PATTERN(shift_imm_pred, "00000100 tt 00 oooo 100 ggg tt iii ddddd"),
    A64_PATTERN(shift_vec_pred, "00000100 ss 01 oooo 100 ggg mmmmm ddddd"),
    A64_PATTERN(shift_wide_unpred, "00000100 ss 1 mmmmm 1000 oo nnnnn ddddd"),
    A64_PATTERN(shift_imm_unpred, "00000100 tt 1 ttiii 1001 oo nnnnn ddddd"),
    A64_PATTERN_END,
};
