/* SVE integer dot products: SDOT and UDOT (vectors and indexed). Each
 * 32-bit (64-bit) element of Zda accumulates the four products of the
 * corresponding bytes (halfwords) of Zn and Zm, wrapping. */
#include "cpu/sve.h"

/* The dot product of four narrow elements of size esz - 2 at element i of
 * n and element j of m, added to acc. */
static uint64_t sve_dot4(const cpu_zreg *n, const cpu_zreg *m, unsigned esz,
                         unsigned i, unsigned j, bool is_signed, uint64_t acc)
{
    unsigned nesz = esz - 2;
    for (unsigned k = 0; k < 4; k++) {
        uint64_t a = sve_elem(n, nesz, 4 * i + k);
        uint64_t b = sve_elem(m, nesz, 4 * j + k);
        if (is_signed)
            acc += (uint64_t)(sve_sext(a, nesz) * sve_sext(b, nesz));
        else
            acc += a * b;
    }
    return acc & sve_esz_mask(esz);
}

/* SDOT, UDOT Zda, Zn, Zm */
static int trans_DOT(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), da = A64_RD(insn);
    bool is_signed = !a64_bits(insn, 10, 1);
    const cpu_zreg *n = &cpu->z[A64_RN(insn)], *m = &cpu->z[A64_RM(insn)];
    cpu_zreg r;

    if (esz < 2)
        return a64_undef(cpu, insn);
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++)
        sve_set_elem(&r, esz, i, sve_dot4(n, m, esz, i, i, is_signed,
                                          sve_elem(&cpu->z[da], esz, i)));
    sve_put_z(cpu, da, &r);
    return A64_NEXT;
}

/* SDOT, UDOT Zda, Zn, Zm[imm]: bit 22 is 0 for S (index 20:19, Zm 18:16),
 * 1 for D (index 20, Zm 19:16); the index picks the group of four inside
 * each 128-bit segment. */
static int trans_DOT_idx(struct cpu_state *cpu, uint32_t insn)
{
    bool wide = a64_bits(insn, 22, 1);
    unsigned esz = wide ? 3 : 2, da = A64_RD(insn);
    unsigned idx = wide ? a64_bits(insn, 20, 1) : a64_bits(insn, 19, 2);
    unsigned zm = wide ? a64_bits(insn, 16, 4) : a64_bits(insn, 16, 3);
    bool is_signed = !a64_bits(insn, 10, 1);
    const cpu_zreg *n = &cpu->z[A64_RN(insn)], *m = &cpu->z[zm];
    unsigned seg = 16u >> esz;
    cpu_zreg r;

    for (unsigned i = 0; i < sve_elems(cpu, esz); i++)
        sve_set_elem(&r, esz, i,
                     sve_dot4(n, m, esz, i, i - i % seg + idx, is_signed,
                              sve_elem(&cpu->z[da], esz, i)));
    sve_put_z(cpu, da, &r);
    return A64_NEXT;
}

const struct a64_pattern sve_int_dot_patterns[] = {
    A64_PATTERN(DOT, "01000100 ss 0 mmmmm 00000 u nnnnn ddddd"),
    A64_PATTERN(DOT_idx, "01000100 1s 1 iiiii 00000 u nnnnn ddddd"),
    A64_PATTERN_END,
};
