/* SVE2 permutes: TBL with a two-register table, TBX, and the
 * constructive EXT and SPLICE (two consecutive source registers). */
#include "cpu/sve.h"

/* TBL Zd, {Zn, Zn+1}, Zm: an index beyond the two-register table gives
 * 0. TBX Zd, Zn, Zm (op 10): beyond the one-register table keeps Zd. */
static int trans_TBL2_TBX(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), d = A64_RD(insn), zn = A64_RN(insn);
    bool tbx = a64_bits(insn, 10, 1);
    unsigned elems = sve_elems(cpu, esz);
    const cpu_zreg *lo = &cpu->z[zn], *hi = &cpu->z[(zn + 1) % 32];
    const cpu_zreg *m = &cpu->z[A64_RM(insn)];
    cpu_zreg r;

    for (unsigned i = 0; i < elems; i++) {
        uint64_t idx = sve_elem(m, esz, i), v;
        if (idx < elems)
            v = sve_elem(lo, esz, (unsigned)idx);
        else if (tbx)
            v = sve_elem(&cpu->z[d], esz, i);
        else if (idx < 2ull * elems)
            v = sve_elem(hi, esz, (unsigned)(idx - elems));
        else
            v = 0;
        sve_set_elem(&r, esz, i, v);
    }
    sve_put_z(cpu, d, &r);
    return A64_NEXT;
}

/* SPLICE Zd, Pg, {Zn, Zn+1}: the elements of Zn from the first to the
 * last active one, then Zn+1's from its start. */
static int trans_SPLICE_con(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), pg = SVE_PG3(insn), zn = A64_RN(insn);
    unsigned elems = sve_elems(cpu, esz), first = elems, last = 0, k = 0;
    const cpu_zreg *a = &cpu->z[zn], *b = &cpu->z[(zn + 1) % 32];
    cpu_zreg r;

    for (unsigned i = 0; i < elems; i++) {
        if (sve_active(cpu, pg, esz, i)) {
            if (first == elems)
                first = i;
            last = i;
        }
    }
    if (first < elems)
        for (unsigned i = first; i <= last; i++)
            sve_set_elem(&r, esz, k++, sve_elem(a, esz, i));
    for (unsigned i = 0; k < elems; i++)
        sve_set_elem(&r, esz, k++, sve_elem(b, esz, i));
    sve_put_z(cpu, A64_RD(insn), &r);
    return A64_NEXT;
}

/* EXT Zd.B, {Zn.B, Zn+1.B}, #imm: the bytes of Zn+1:Zn from imm on (from
 * 0 when imm is not below the vector length). */
static int trans_EXT_con(struct cpu_state *cpu, uint32_t insn)
{
    unsigned vl = sve_vl(cpu), zn = A64_RN(insn);
    unsigned pos = a64_bits(insn, 16, 5) << 3 | a64_bits(insn, 10, 3);
    const cpu_zreg *lo = &cpu->z[zn], *hi = &cpu->z[(zn + 1) % 32];
    cpu_zreg r;

    if (pos >= vl)
        pos = 0;
    for (unsigned i = 0; i < vl; i++)
        r.b[i] = pos + i < vl ? lo->b[pos + i] : hi->b[pos + i - vl];
    sve_put_z(cpu, A64_RD(insn), &r);
    return A64_NEXT;
}

const struct a64_pattern sve2_perm_patterns[] = {
    A64_PATTERN(EXT_con, "00000101 011 iiiii 000 iii nnnnn ddddd"),
    A64_PATTERN(TBL2_TBX, "00000101 ss 1 mmmmm 00101 o nnnnn ddddd"),
    A64_PATTERN(SPLICE_con, "00000101 ss 101101 100 ggg nnnnn ddddd"),
    A64_PATTERN_END,
};
