/* SVE2 integer predicated operations ("SVE2 Integer - Predicated"): the
 * saturating/rounding shifts by vector and their reversed forms, halving
 * add/subtract, saturating add/subtract (with SUQADD/USQADD), the pairwise
 * ADDP/SMAXP..UMINP, SADALP/UADALP and the unary SQABS/SQNEG and
 * URECPE/URSQRTE. All merge: inactive elements of the destination keep
 * their value. */
#include "cpu/sve2-int-helpers.h"

/* One element of the binary group, op = bits 20:16 of
 * 01000100 ss 0 ooooo 100 ggg mmmmm ddddd. a is Zdn's element, b Zm's.
 * Returns false for an unallocated op. */
static bool sve2_pred_binop(unsigned op, unsigned esz, uint64_t a, uint64_t b,
                            uint64_t *out)
{
    unsigned esize = 8u << esz;
    bool u = op & 1;
    __int128 x = u ? (__int128)a : (__int128)sve_sext(a, esz);
    __int128 y = u ? (__int128)b : (__int128)sve_sext(b, esz);

    switch (op) {
    case 0x02: case 0x03:           /* SRSHL, URSHL */
    case 0x06: case 0x07:           /* SRSHLR, URSHLR */
    case 0x08: case 0x09:           /* SQSHL, UQSHL */
    case 0x0a: case 0x0b:           /* SQRSHL, UQRSHL */
    case 0x0c: case 0x0d:           /* SQSHLR, UQSHLR */
    case 0x0e: case 0x0f: {         /* SQRSHLR, UQRSHLR */
        bool reversed = op == 0x06 || op == 0x07 || op >= 0x0c;
        bool saturate = op >= 0x08;
        bool round = op < 0x08 || (op & 2);
        uint64_t val = reversed ? b : a, count = reversed ? a : b;
        __int128 v = u ? (__int128)val : (__int128)sve_sext(val, esz);
        /* ShiftSat: the whole element, clamped to +-(esize + 1), which
         * gives the same result as any larger count. */
        int64_t sh = sve_sext(count, esz);
        if (sh > (int64_t)esize + 1)
            sh = esize + 1;
        else if (sh < -(int64_t)esize - 1)
            sh = -(int64_t)esize - 1;
        __int128 r = sve2_shift_round(v, (int)sh, round, esize);
        *out = saturate ? sve_sat(r, esz, u) : sve2_trunc(r, esz);
        return true;
    }
    case 0x10: case 0x11:           /* SHADD, UHADD */
        *out = sve2_trunc((x + y) >> 1, esz);
        return true;
    case 0x12: case 0x13:           /* SHSUB, UHSUB */
        *out = sve2_trunc((x - y) >> 1, esz);
        return true;
    case 0x14: case 0x15:           /* SRHADD, URHADD */
        *out = sve2_trunc((x + y + 1) >> 1, esz);
        return true;
    case 0x16: case 0x17:           /* SHSUBR, UHSUBR */
        *out = sve2_trunc((y - x) >> 1, esz);
        return true;
    case 0x18: case 0x19:           /* SQADD, UQADD */
        *out = sve_sat(x + y, esz, u);
        return true;
    case 0x1a: case 0x1b:           /* SQSUB, UQSUB */
        *out = sve_sat(x - y, esz, u);
        return true;
    case 0x1c:                      /* SUQADD: signed + unsigned */
        *out = sve_sat((__int128)sve_sext(a, esz) + (__int128)b, esz, false);
        return true;
    case 0x1d:                      /* USQADD: unsigned + signed */
        *out = sve_sat((__int128)a + sve_sext(b, esz), esz, true);
        return true;
    case 0x1e: case 0x1f:           /* SQSUBR, UQSUBR */
        *out = sve_sat(y - x, esz, u);
        return true;
    default:
        return false;
    }
}

/* <op> Zdn.T, Pg/M, Zdn.T, Zm.T */
static int trans_sve2_pred_binop(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), op = a64_bits(insn, 16, 5);
    unsigned dn = A64_RD(insn), pg = SVE_PG3(insn);
    const cpu_zreg *m = &cpu->z[A64_RN(insn)];
    cpu_zreg r;
    uint64_t v;

    if (!sve2_pred_binop(op, esz, 0, 0, &v))
        return a64_undef(cpu, insn);
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        uint64_t a = sve_elem(&cpu->z[dn], esz, i);
        if (sve_active(cpu, pg, esz, i))
            sve2_pred_binop(op, esz, a, sve_elem(m, esz, i), &a);
        sve_set_elem(&r, esz, i, a);
    }
    sve_put_z(cpu, dn, &r);
    return A64_NEXT;
}

/* ADDP, SMAXP, UMAXP, SMINP, UMINP Zdn.T, Pg/M, Zdn.T, Zm.T: an even
 * element takes the pair (Zdn[i], Zdn[i+1]), an odd one the pair
 * (Zm[i-1], Zm[i]). */
static int trans_sve2_pairwise(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), op = a64_bits(insn, 16, 5);
    unsigned dn = A64_RD(insn), pg = SVE_PG3(insn);
    const cpu_zreg *n = &cpu->z[dn], *m = &cpu->z[A64_RN(insn)];
    cpu_zreg r;

    if (op != 0x11 && (op < 0x14 || op > 0x17))
        return a64_undef(cpu, insn);
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        uint64_t v = sve_elem(n, esz, i);
        if (sve_active(cpu, pg, esz, i)) {
            const cpu_zreg *src = i % 2 ? m : n;
            unsigned lo = i - i % 2;
            uint64_t a = sve_elem(src, esz, lo), b = sve_elem(src, esz, lo + 1);
            int64_t sa = sve_sext(a, esz), sb = sve_sext(b, esz);
            switch (op) {
            case 0x11: v = (a + b) & sve_esz_mask(esz); break;
            case 0x14: v = sa > sb ? a : b; break;
            case 0x15: v = a > b ? a : b; break;
            case 0x16: v = sa < sb ? a : b; break;
            default: v = a < b ? a : b; break;
            }
        }
        sve_set_elem(&r, esz, i, v);
    }
    sve_put_z(cpu, dn, &r);
    return A64_NEXT;
}

/* SADALP, UADALP Zda.T, Pg/M, Zn.Tb: add each pair of narrow elements,
 * extended, to the wide accumulator element. */
static int trans_sve2_adalp(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), da = A64_RD(insn), pg = SVE_PG3(insn);
    bool u = a64_bits(insn, 16, 1);
    const cpu_zreg *n = &cpu->z[A64_RN(insn)];
    cpu_zreg r;

    if (esz == 0)
        return a64_undef(cpu, insn);
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        uint64_t acc = sve_elem(&cpu->z[da], esz, i);
        if (sve_active(cpu, pg, esz, i)) {
            __int128 sum = sve2_elem_x(n, esz - 1, 2 * i, !u) +
                           sve2_elem_x(n, esz - 1, 2 * i + 1, !u);
            acc = sve2_trunc((__int128)acc + sum, esz);
        }
        sve_set_elem(&r, esz, i, acc);
    }
    sve_put_z(cpu, da, &r);
    return A64_NEXT;
}

/* SQABS, SQNEG, URECPE, URSQRTE Zd.T, Pg/M, Zn.T */
static int trans_sve2_unary(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), op = a64_bits(insn, 16, 5);
    unsigned d = A64_RD(insn), pg = SVE_PG3(insn);
    const cpu_zreg *n = &cpu->z[A64_RN(insn)];
    cpu_zreg r;

    if ((op == 0x00 || op == 0x01) ? esz != 2 : (op != 0x08 && op != 0x09))
        return a64_undef(cpu, insn);
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        uint64_t v = sve_elem(&cpu->z[d], esz, i);
        if (sve_active(cpu, pg, esz, i)) {
            uint64_t a = sve_elem(n, esz, i);
            __int128 s = sve_sext(a, esz);
            switch (op) {
            case 0x00: v = fpu_urecpe((uint32_t)a); break;
            case 0x01: v = fpu_ursqrte((uint32_t)a); break;
            case 0x08: v = sve_sat(s < 0 ? -s : s, esz, false); break;
            default: v = sve_sat(-s, esz, false); break;
            }
        }
        sve_set_elem(&r, esz, i, v);
    }
    sve_put_z(cpu, d, &r);
    return A64_NEXT;
}

const struct a64_pattern sve2_int_pred_patterns[] = {
    A64_PATTERN(sve2_pred_binop, "01000100 ss 0 ooooo 100 ggg mmmmm ddddd"),
    A64_PATTERN(sve2_pairwise, "01000100 ss 0 1oooo 101 ggg mmmmm ddddd"),
    A64_PATTERN(sve2_adalp, "01000100 ss 0 0010u 101 ggg nnnnn ddddd"),
    A64_PATTERN(sve2_unary, "01000100 ss 0 0o00o 101 ggg nnnnn ddddd"),
    A64_PATTERN_END,
};
