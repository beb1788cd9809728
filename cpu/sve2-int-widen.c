/* SVE2 widening integer arithmetic ("SVE2 Widening Integer Arithmetic"):
 * add/subtract/absolute-difference long (SADDLB..UABDLT), add/subtract
 * wide (SADDWB..USUBWT), the interleaved SADDLBT/SSUBLBT/SSUBLTB, the
 * multiplies long (SMULLB..UMULLT, SQDMULLB/T, PMULLB/T including the
 * 64 -> 128-bit form of SVE2-AES), shift left long (SSHLLB..USHLLT) and
 * the interleaved EORBT/EORTB.
 *
 * A B(ottom) form reads the even-numbered narrow elements, a T(op) form
 * the odd-numbered ones: wide element i comes from narrow element
 * 2 * i + top. */
#include "cpu/sve2-int-helpers.h"

/* Carry-less product of two n-bit values (n <= 32: fits 64 bits). */
static uint64_t sve2_clmul(uint64_t a, uint64_t b, unsigned n)
{
    uint64_t r = 0;
    for (unsigned i = 0; i < n; i++)
        if ((b >> i) & 1)
            r ^= a << i;
    return r;
}

/* The long forms, op = bits 15:10 of 01000101 ss 0 mmmmm oooooo nnnnn
 * ddddd (0x00-0x0f add/sub/abd long, 0x18-0x1f multiply long, 0x20-0x23
 * interleaved): Zd.T, Zn.Tb, Zm.Tb. */
static int trans_sve2_long(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), op = a64_bits(insn, 10, 6);
    const cpu_zreg *n = &cpu->z[A64_RN(insn)], *m = &cpu->z[A64_RM(insn)];
    unsigned sel_n, sel_m;
    cpu_zreg r;

    if (esz == 0 || (op >= 0x08 && op <= 0x0b) || op == 0x21)
        return a64_undef(cpu, insn);
    if (op == 0x1a || op == 0x1b) {     /* PMULLB/T: B->H or S->D only */
        if (esz == 2)
            return a64_undef(cpu, insn);
    }
    if (op >= 0x20) {                   /* SADDLBT, SSUBLBT, SSUBLTB */
        sel_n = op == 0x23;
        sel_m = op != 0x23;
    } else {
        sel_n = sel_m = op & 1;
    }
    bool u = op < 0x20 && (op & 2);
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        __int128 a = sve2_elem_x(n, esz - 1, 2 * i + sel_n, !u);
        __int128 b = sve2_elem_x(m, esz - 1, 2 * i + sel_m, !u);
        __int128 v;
        switch (op) {
        case 0x00: case 0x01: case 0x02: case 0x03: case 0x20:
            v = a + b;
            break;
        case 0x04: case 0x05: case 0x06: case 0x07: case 0x22: case 0x23:
            v = a - b;
            break;
        case 0x0c: case 0x0d: case 0x0e: case 0x0f:
            v = a > b ? a - b : b - a;
            break;
        case 0x18: case 0x19:           /* SQDMULLB/T: only MIN*MIN overflows */
            v = sve_sat(2 * a * b, esz, false);
            break;
        case 0x1a: case 0x1b:
            v = (__int128)sve2_clmul((uint64_t)a & sve_esz_mask(esz - 1),
                                     (uint64_t)b & sve_esz_mask(esz - 1),
                                     4u << esz);
            break;
        default:                        /* SMULLB/T, UMULLB/T */
            v = a * b;
            break;
        }
        sve_set_elem(&r, esz, i, sve2_trunc(v, esz));
    }
    sve_put_z(cpu, A64_RD(insn), &r);
    return A64_NEXT;
}

/* PMULLB, PMULLT Zd.Q, Zn.D, Zm.D (SVE2-AES): 128-bit carry-less products
 * of the even (odd) doublewords. */
static int trans_sve2_pmull_q(struct cpu_state *cpu, uint32_t insn)
{
    unsigned top = a64_bits(insn, 10, 1);
    const cpu_zreg *n = &cpu->z[A64_RN(insn)], *m = &cpu->z[A64_RM(insn)];
    cpu_zreg r;

    for (unsigned i = 0; i < sve_vl(cpu) / 16; i++) {
        uint64_t a = n->d[2 * i + top], b = m->d[2 * i + top];
        uint64_t lo = 0, hi = 0;
        for (unsigned k = 0; k < 64; k++) {
            if ((b >> k) & 1) {
                lo ^= a << k;
                hi ^= k ? a >> (64 - k) : 0;
            }
        }
        r.d[2 * i] = lo;
        r.d[2 * i + 1] = hi;
    }
    sve_put_z(cpu, A64_RD(insn), &r);
    return A64_NEXT;
}

/* SADDWB..USUBWT Zd.T, Zn.T, Zm.Tb: the wide Zn plus or minus the
 * extended narrow element of Zm. */
static int trans_sve2_wide(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), op = a64_bits(insn, 10, 3);
    unsigned top = op & 1;
    bool u = op & 2, sub = op & 4;
    const cpu_zreg *n = &cpu->z[A64_RN(insn)], *m = &cpu->z[A64_RM(insn)];
    cpu_zreg r;

    if (esz == 0)
        return a64_undef(cpu, insn);
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        __int128 a = sve_elem(n, esz, i);
        __int128 b = sve2_elem_x(m, esz - 1, 2 * i + top, !u);
        sve_set_elem(&r, esz, i, sve2_trunc(sub ? a - b : a + b, esz));
    }
    sve_put_z(cpu, A64_RD(insn), &r);
    return A64_NEXT;
}

/* SSHLLB, SSHLLT, USHLLB, USHLLT Zd.T, Zn.Tb, #shift: tsz (22, 20:19)
 * gives the narrow size, tsz:imm3 - esize the shift (0..esize-1). */
static int trans_sve2_shll(struct cpu_state *cpu, uint32_t insn)
{
    unsigned tsz = a64_bits(insn, 22, 1) << 2 | a64_bits(insn, 19, 2);
    unsigned imm = tsz << 3 | a64_bits(insn, 16, 3), op = a64_bits(insn, 10, 2);
    unsigned top = op & 1, nesz;
    bool u = op & 2;
    const cpu_zreg *n = &cpu->z[A64_RN(insn)];
    cpu_zreg r;

    if (!sve2_tsz_esz(tsz, &nesz))
        return a64_undef(cpu, insn);
    unsigned shift = imm - (8u << nesz), esz = nesz + 1;
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        __int128 a = sve2_elem_x(n, nesz, 2 * i + top, !u);
        sve_set_elem(&r, esz, i,
                     sve2_trunc((__int128)((unsigned __int128)a << shift),
                                esz));
    }
    sve_put_z(cpu, A64_RD(insn), &r);
    return A64_NEXT;
}

/* EORBT (bit 10 = 0), EORTB Zd.T, Zn.T, Zm.T: the even (odd) elements of
 * Zd become Zn's same element EOR Zm's odd (even) neighbour; the others
 * keep their value. */
static int trans_sve2_eor_interleaved(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), d = A64_RD(insn);
    unsigned tb = a64_bits(insn, 10, 1);
    const cpu_zreg *n = &cpu->z[A64_RN(insn)], *m = &cpu->z[A64_RM(insn)];
    cpu_zreg r = cpu->z[d];

    for (unsigned i = 0; i < sve_elems(cpu, esz) / 2; i++) {
        unsigned dst = 2 * i + tb, src = 2 * i + (tb ^ 1);
        sve_set_elem(&r, esz, dst,
                     sve_elem(n, esz, dst) ^ sve_elem(m, esz, src));
    }
    sve_put_z(cpu, d, &r);
    return A64_NEXT;
}

const struct a64_pattern sve2_int_widen_patterns[] = {
    A64_PATTERN(sve2_long, "01000101 ss 0 mmmmm 00 oooo nnnnn ddddd"),
    A64_PATTERN(sve2_long, "01000101 ss 0 mmmmm 011 ooo nnnnn ddddd"),
    A64_PATTERN(sve2_long, "01000101 ss 0 mmmmm 1000 oo nnnnn ddddd"),
    A64_PATTERN(sve2_pmull_q, "01000101 00 0 mmmmm 01101 t nnnnn ddddd"),
    A64_PATTERN(sve2_wide, "01000101 ss 0 mmmmm 010 ooo nnnnn ddddd"),
    A64_PATTERN(sve2_shll, "01000101 0t 0 ttiii 1010 oo nnnnn ddddd"),
    A64_PATTERN(sve2_eor_interleaved, "01000101 ss 0 mmmmm 10010 t nnnnn ddddd"),
    A64_PATTERN_END,
};
