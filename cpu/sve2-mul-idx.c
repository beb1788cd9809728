/* SVE2 integer multiplies by an indexed element: MLA, MLS, MUL,
 * SQRDMLAH, SQRDMLSH, SQDMULH, SQRDMULH (same-size), and the widening
 * SMLALB/T, UMLALB/T, SMLSLB/T, UMLSLB/T, SQDMLALB/T, SQDMLSLB/T,
 * SMULLB/T, UMULLB/T, SQDMULLB/T. The index picks one element of Zm in
 * each 128-bit segment; all are unpredicated. */
#include "cpu/sve2-mul.h"

/* The same-size forms: bits 23:22 = 0x half (index i3h (22):i3l (20:19),
 * Zm 18:16), 10 single (index 20:19, Zm 18:16), 11 double (index 20, Zm
 * 19:16). */
static void sve2_idx_decode(uint32_t insn, unsigned *esz, unsigned *zm,
                            unsigned *idx)
{
    unsigned size = SVE_SIZE(insn);
    if (size < 2) {
        *esz = 1;
        *idx = a64_bits(insn, 22, 1) << 2 | a64_bits(insn, 19, 2);
        *zm = a64_bits(insn, 16, 3);
    } else if (size == 2) {
        *esz = 2;
        *idx = a64_bits(insn, 19, 2);
        *zm = a64_bits(insn, 16, 3);
    } else {
        *esz = 3;
        *idx = a64_bits(insn, 20, 1);
        *zm = a64_bits(insn, 16, 4);
    }
}

enum sve2_idx_op { IDX_MLA, IDX_MLS, IDX_MUL, IDX_SQRDMLAH, IDX_SQRDMLSH,
                   IDX_SQDMULH, IDX_SQRDMULH };

static int sve2_same_idx(struct cpu_state *cpu, uint32_t insn,
                         enum sve2_idx_op op)
{
    unsigned esz, zm, idx, d = A64_RD(insn);
    sve2_idx_decode(insn, &esz, &zm, &idx);
    unsigned seg = 16u >> esz;
    const cpu_zreg *n = &cpu->z[A64_RN(insn)], *m = &cpu->z[zm];
    cpu_zreg r;

    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        uint64_t a = sve_elem(n, esz, i);
        uint64_t b = sve_elem(m, esz, i - i % seg + idx);
        uint64_t acc = sve_elem(&cpu->z[d], esz, i), v;
        switch (op) {
        case IDX_MLA: v = acc + a * b; break;
        case IDX_MLS: v = acc - a * b; break;
        case IDX_MUL: v = a * b; break;
        case IDX_SQRDMLAH:
        case IDX_SQRDMLSH:
            v = sve2_sqrdmlah_elem(esz, acc, a, b, op == IDX_SQRDMLSH, true);
            break;
        default:
            v = sve2_sqrdmlah_elem(esz, 0, a, b, false, op == IDX_SQRDMULH);
            break;
        }
        sve_set_elem(&r, esz, i, v & sve_esz_mask(esz));
    }
    sve_put_z(cpu, d, &r);
    return A64_NEXT;
}

/* MLA, MLS Zda, Zn, Zm[imm]: S (10) subtracts. */
static int trans_MLA_idx(struct cpu_state *cpu, uint32_t insn)
{
    return sve2_same_idx(cpu, insn, a64_bits(insn, 10, 1) ? IDX_MLS : IDX_MLA);
}

static int trans_MUL_idx(struct cpu_state *cpu, uint32_t insn)
{
    return sve2_same_idx(cpu, insn, IDX_MUL);
}

/* SQRDMLAH, SQRDMLSH Zda, Zn, Zm[imm] */
static int trans_SQRDMLAH_idx(struct cpu_state *cpu, uint32_t insn)
{
    return sve2_same_idx(cpu, insn, a64_bits(insn, 10, 1) ? IDX_SQRDMLSH
                                                          : IDX_SQRDMLAH);
}

/* SQDMULH, SQRDMULH Zd, Zn, Zm[imm] */
static int trans_SQDMULH_idx(struct cpu_state *cpu, uint32_t insn)
{
    return sve2_same_idx(cpu, insn, a64_bits(insn, 10, 1) ? IDX_SQRDMULH
                                                          : IDX_SQDMULH);
}

/* The widening forms: bit 22 is 0 for S results from H (index
 * i3h (20:19):i3l (11), Zm 18:16), 1 for D results from S (index
 * i2h (20):i2l (11), Zm 19:16); T (10) picks the odd elements of Zn.
 * Element e of the result uses Zm's narrow element 2 * s + idx, s being
 * the first wide element of e's segment. */
static int sve2_long_idx(struct cpu_state *cpu, uint32_t insn,
                         enum sve2_long_op op, bool is_unsigned)
{
    bool wide = a64_bits(insn, 22, 1);
    unsigned esz = wide ? 3 : 2, nesz = esz - 1, d = A64_RD(insn);
    unsigned idx = (wide ? a64_bits(insn, 20, 1) : a64_bits(insn, 19, 2)) << 1 |
                   a64_bits(insn, 11, 1);
    unsigned zm = wide ? a64_bits(insn, 16, 4) : a64_bits(insn, 16, 3);
    unsigned t = a64_bits(insn, 10, 1), seg = 16u >> esz;
    const cpu_zreg *n = &cpu->z[A64_RN(insn)], *m = &cpu->z[zm];
    cpu_zreg r;

    for (unsigned e = 0; e < sve_elems(cpu, esz); e++) {
        unsigned s = e - e % seg;
        sve_set_elem(&r, esz, e,
                     sve2_long_elem(op, esz, is_unsigned,
                                    sve_elem(&cpu->z[d], esz, e),
                                    sve_elem(n, nesz, 2 * e + t),
                                    sve_elem(m, nesz, 2 * s + idx)));
    }
    sve_put_z(cpu, d, &r);
    return A64_NEXT;
}

/* SMLALB/T, UMLALB/T, SMLSLB/T, UMLSLB/T (indexed): S (13), U (12). */
static int trans_MLAL_idx(struct cpu_state *cpu, uint32_t insn)
{
    return sve2_long_idx(cpu, insn,
                         a64_bits(insn, 13, 1) ? SVE2_MLSL : SVE2_MLAL,
                         a64_bits(insn, 12, 1));
}

/* SQDMLALB/T, SQDMLSLB/T (indexed): S (12). */
static int trans_SQDMLAL_idx(struct cpu_state *cpu, uint32_t insn)
{
    return sve2_long_idx(cpu, insn,
                         a64_bits(insn, 12, 1) ? SVE2_SQDMLSL : SVE2_SQDMLAL,
                         false);
}

/* SMULLB/T, UMULLB/T (indexed): U (12). */
static int trans_MULL_idx(struct cpu_state *cpu, uint32_t insn)
{
    return sve2_long_idx(cpu, insn, SVE2_MULL, a64_bits(insn, 12, 1));
}

/* SQDMULLB/T (indexed) */
static int trans_SQDMULL_idx(struct cpu_state *cpu, uint32_t insn)
{
    return sve2_long_idx(cpu, insn, SVE2_SQDMULL, false);
}

const struct a64_pattern sve2_mul_idx_patterns[] = {
    A64_PATTERN(MLA_idx, "01000100 ss 1 iiiii 00001 s nnnnn ddddd"),
    A64_PATTERN(SQRDMLAH_idx, "01000100 ss 1 iiiii 00010 s nnnnn ddddd"),
    A64_PATTERN(SQDMULH_idx, "01000100 ss 1 iiiii 11110 r nnnnn ddddd"),
    A64_PATTERN(MUL_idx, "01000100 ss 1 iiiii 111110 nnnnn ddddd"),
    A64_PATTERN(MLAL_idx, "01000100 1s 1 iiiii 10 sui t nnnnn ddddd"),
    A64_PATTERN(SQDMLAL_idx, "01000100 1s 1 iiiii 001 si t nnnnn ddddd"),
    A64_PATTERN(MULL_idx, "01000100 1s 1 iiiii 110 ui t nnnnn ddddd"),
    A64_PATTERN(SQDMULL_idx, "01000100 1s 1 iiiii 1110 i t nnnnn ddddd"),
    A64_PATTERN_END,
};
