/* SVE floating-point by-element (indexed) forms: FMLA, FMLS and FMUL
 * (indexed) and FCMLA (indexed). The index picks an element (or complex
 * pair) of Zm inside each 128-bit segment; they are unpredicated. */
#include "cpu/sve.h"
#include "cpu/a64-simd-fp-ops.h"

/* The element size, Zm and index of the FMLA/FMUL (indexed) encodings:
 * bits 23:22 = 0x half (index i3h:i3l, Zm 18:16), 10 single (index 20:19,
 * Zm 18:16), 11 double (index 20, Zm 19:16). */
static void sve_fp_idx_decode(uint32_t insn, unsigned *esz, unsigned *zm,
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

/* FMLA, FMLS Zda, Zn, Zm[imm]: FMLS negates the Zn element. */
static int trans_FMLA_idx(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz, zm, idx, da = A64_RD(insn);
    bool sub = a64_bits(insn, 10, 1);
    sve_fp_idx_decode(insn, &esz, &zm, &idx);
    const cpu_zreg *n = &cpu->z[A64_RN(insn)], *m = &cpu->z[zm];
    unsigned seg = 16u >> esz;
    cpu_zreg r;

    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        uint64_t a = sve_elem(n, esz, i);
        uint64_t b = sve_elem(m, esz, i - i % seg + idx);
        if (sub)
            a = fp_neg(esz, a);
        sve_set_elem(&r, esz, i, fp_muladd(cpu, esz,
                                           sve_elem(&cpu->z[da], esz, i),
                                           a, b));
    }
    sve_put_z(cpu, da, &r);
    return A64_NEXT;
}

/* FMUL Zd, Zn, Zm[imm] */
static int trans_FMUL_idx(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz, zm, idx;
    sve_fp_idx_decode(insn, &esz, &zm, &idx);
    const cpu_zreg *n = &cpu->z[A64_RN(insn)], *m = &cpu->z[zm];
    unsigned seg = 16u >> esz;
    cpu_zreg r;

    for (unsigned i = 0; i < sve_elems(cpu, esz); i++)
        sve_set_elem(&r, esz, i,
                     fp_elem_mul(cpu, esz, sve_elem(n, esz, i),
                                 sve_elem(m, esz, i - i % seg + idx), 0));
    sve_put_z(cpu, A64_RD(insn), &r);
    return A64_NEXT;
}

/* FCMLA Zda, Zn, Zm[imm], #rot: bit 22 is 0 for half (index 20:19, Zm
 * 18:16), 1 for single (index 20, Zm 19:16). */
static int trans_FCMLA_idx(struct cpu_state *cpu, uint32_t insn)
{
    bool single = a64_bits(insn, 22, 1);
    unsigned esz = single ? 2 : 1, rot = a64_bits(insn, 10, 2);
    unsigned idx = single ? a64_bits(insn, 20, 1) : a64_bits(insn, 19, 2);
    unsigned zm = single ? a64_bits(insn, 16, 4) : a64_bits(insn, 16, 3);
    unsigned da = A64_RD(insn), seg = 16u >> esz;
    const cpu_zreg *zn = &cpu->z[A64_RN(insn)], *mz = &cpu->z[zm];
    cpu_zreg r;

    for (unsigned i = 0; i < sve_elems(cpu, esz); i += 2) {
        unsigned j = i - i % seg + 2 * idx;
        uint64_t n[2] = { sve_elem(zn, esz, i), sve_elem(zn, esz, i + 1) };
        uint64_t m[2] = { sve_elem(mz, esz, j), sve_elem(mz, esz, j + 1) };
        uint64_t d[2] = { sve_elem(&cpu->z[da], esz, i),
                          sve_elem(&cpu->z[da], esz, i + 1) };
        sve_fp_cmla_pair(cpu, esz, rot, true, true, n, m, d);
        sve_set_elem(&r, esz, i, d[0]);
        sve_set_elem(&r, esz, i + 1, d[1]);
    }
    sve_put_z(cpu, da, &r);
    return A64_NEXT;
}

const struct a64_pattern sve_fp_elem_patterns[] = {
    A64_PATTERN(FMLA_idx, "01100100 ss 1 iiiii 00000 o nnnnn ddddd"),
    A64_PATTERN(FMUL_idx, "01100100 ss 1 iiiii 001000 nnnnn ddddd"),
    A64_PATTERN(FCMLA_idx, "01100100 1s 1 iiiii 0001 rr nnnnn ddddd"),
    A64_PATTERN_END,
};
