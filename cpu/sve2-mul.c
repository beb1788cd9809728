/* SVE2 integer multiplies on vectors (unpredicated): the widening
 * multiply-add and multiply-subtract long (SMLALB/T, UMLALB/T, SMLSLB/T,
 * UMLSLB/T), the saturating doubling ones (SQDMLALB/T, SQDMLSLB/T) and
 * their interleaved forms (SQDMLALBT, SQDMLSLBT), SQRDMLAH/SQRDMLSH and
 * SQDMULH/SQRDMULH. B (bottom) forms take the even narrow elements, T
 * (top) forms the odd ones. */
#include "cpu/sve2-mul.h"

/* Apply a widening op to every element: a from Zn[2i + sel_n], b from
 * Zm[2i + sel_m], the accumulator Zda[i]. */
static int sve2_long_vectors(struct cpu_state *cpu, uint32_t insn,
                             enum sve2_long_op op, bool is_unsigned,
                             unsigned sel_n, unsigned sel_m)
{
    unsigned esz = SVE_SIZE(insn), nesz = esz - 1, da = A64_RD(insn);
    const cpu_zreg *n = &cpu->z[A64_RN(insn)], *m = &cpu->z[A64_RM(insn)];
    cpu_zreg r;

    if (esz == 0)
        return a64_undef(cpu, insn);
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++)
        sve_set_elem(&r, esz, i,
                     sve2_long_elem(op, esz, is_unsigned,
                                    sve_elem(&cpu->z[da], esz, i),
                                    sve_elem(n, nesz, 2 * i + sel_n),
                                    sve_elem(m, nesz, 2 * i + sel_m)));
    sve_put_z(cpu, da, &r);
    return A64_NEXT;
}

/* SMLALB, SMLALT, UMLALB, UMLALT, SMLSLB, SMLSLT, UMLSLB, UMLSLT: S (12)
 * subtracts, U (11) is unsigned, T (10) picks the odd elements. */
static int trans_MLAL_long(struct cpu_state *cpu, uint32_t insn)
{
    unsigned t = a64_bits(insn, 10, 1);
    return sve2_long_vectors(cpu, insn,
                             a64_bits(insn, 12, 1) ? SVE2_MLSL : SVE2_MLAL,
                             a64_bits(insn, 11, 1), t, t);
}

/* SQDMLALB, SQDMLALT, SQDMLSLB, SQDMLSLT: S (11) subtracts. */
static int trans_SQDMLAL_long(struct cpu_state *cpu, uint32_t insn)
{
    unsigned t = a64_bits(insn, 10, 1);
    return sve2_long_vectors(cpu, insn,
                             a64_bits(insn, 11, 1) ? SVE2_SQDMLSL
                                                   : SVE2_SQDMLAL,
                             false, t, t);
}

/* SQDMLALBT, SQDMLSLBT: the even elements of Zn by the odd ones of Zm. */
static int trans_SQDMLAL_bt(struct cpu_state *cpu, uint32_t insn)
{
    return sve2_long_vectors(cpu, insn,
                             a64_bits(insn, 10, 1) ? SVE2_SQDMLSL
                                                   : SVE2_SQDMLAL,
                             false, 0, 1);
}

/* SQRDMLAH, SQRDMLSH Zda, Zn, Zm */
static int trans_SQRDMLAH(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), da = A64_RD(insn);
    bool sub = a64_bits(insn, 10, 1);
    const cpu_zreg *n = &cpu->z[A64_RN(insn)], *m = &cpu->z[A64_RM(insn)];
    cpu_zreg r;

    for (unsigned i = 0; i < sve_elems(cpu, esz); i++)
        sve_set_elem(&r, esz, i,
                     sve2_sqrdmlah_elem(esz, sve_elem(&cpu->z[da], esz, i),
                                        sve_elem(n, esz, i),
                                        sve_elem(m, esz, i), sub, true));
    sve_put_z(cpu, da, &r);
    return A64_NEXT;
}

/* SQDMULH, SQRDMULH Zd, Zn, Zm: R (10) rounds. */
static int trans_SQDMULH(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn);
    bool round = a64_bits(insn, 10, 1);
    const cpu_zreg *n = &cpu->z[A64_RN(insn)], *m = &cpu->z[A64_RM(insn)];
    cpu_zreg r;

    for (unsigned i = 0; i < sve_elems(cpu, esz); i++)
        sve_set_elem(&r, esz, i,
                     sve2_sqrdmlah_elem(esz, 0, sve_elem(n, esz, i),
                                        sve_elem(m, esz, i), false, round));
    sve_put_z(cpu, A64_RD(insn), &r);
    return A64_NEXT;
}

const struct a64_pattern sve2_mul_patterns[] = {
    A64_PATTERN(MLAL_long, "01000100 ss 0 mmmmm 010 sut nnnnn ddddd"),
    A64_PATTERN(SQDMLAL_long, "01000100 ss 0 mmmmm 0110 st nnnnn ddddd"),
    A64_PATTERN(SQDMLAL_bt, "01000100 ss 0 mmmmm 00001 s nnnnn ddddd"),
    A64_PATTERN(SQRDMLAH, "01000100 ss 0 mmmmm 01110 s nnnnn ddddd"),
    A64_PATTERN(SQDMULH, "00000100 ss 1 mmmmm 01110 r nnnnn ddddd"),
    A64_PATTERN_END,
};
