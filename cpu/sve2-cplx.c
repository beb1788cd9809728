/* SVE2 complex integer arithmetic: CMLA and SQRDCMLAH (vectors and
 * indexed) and CDOT (vectors and indexed). Even elements hold real
 * parts, odd ones imaginary parts; rot (0..3) is 0, 90, 180 or 270
 * degrees applied to the second operand. */
#include "cpu/sve2-mul.h"

/* One complex pair of CMLA/SQRDCMLAH: with sel_a = rot<0>, the real part
 * accumulates n[sel_a] * m[sel_a], the imaginary part n[sel_a] *
 * m[!sel_a], negated as rot says. */
static void sve2_cmla_pair(unsigned esz, unsigned rot, bool saturate,
                           const uint64_t n[2], const uint64_t m[2],
                           uint64_t d[2])
{
    unsigned sel_a = rot & 1;
    bool neg_i = rot & 2, neg_r = (rot & 1) != ((rot >> 1) & 1);
    uint64_t a = n[sel_a], mr = m[sel_a], mi = m[!sel_a];

    if (saturate) {
        d[0] = sve2_sqrdmlah_elem(esz, d[0], a, mr, neg_r, true);
        d[1] = sve2_sqrdmlah_elem(esz, d[1], a, mi, neg_i, true);
    } else {
        d[0] = (neg_r ? d[0] - a * mr : d[0] + a * mr) & sve_esz_mask(esz);
        d[1] = (neg_i ? d[1] - a * mi : d[1] + a * mi) & sve_esz_mask(esz);
    }
}

/* Pair i of Zn against pair j of Zm, accumulated into pair i of Zda. */
static void sve2_cmla(struct cpu_state *cpu, unsigned esz, unsigned rot,
                      bool saturate, unsigned da, const cpu_zreg *zn,
                      const cpu_zreg *zm, bool indexed, unsigned idx)
{
    unsigned pairs_per_seg = 8u >> esz;
    cpu_zreg r;

    for (unsigned i = 0; i < sve_elems(cpu, esz) / 2; i++) {
        unsigned j = indexed ? i - i % pairs_per_seg + idx : i;
        uint64_t n[2] = { sve_elem(zn, esz, 2 * i), sve_elem(zn, esz, 2 * i + 1) };
        uint64_t m[2] = { sve_elem(zm, esz, 2 * j), sve_elem(zm, esz, 2 * j + 1) };
        uint64_t d[2] = { sve_elem(&cpu->z[da], esz, 2 * i),
                          sve_elem(&cpu->z[da], esz, 2 * i + 1) };
        sve2_cmla_pair(esz, rot, saturate, n, m, d);
        sve_set_elem(&r, esz, 2 * i, d[0]);
        sve_set_elem(&r, esz, 2 * i + 1, d[1]);
    }
    sve_put_z(cpu, da, &r);
}

/* CMLA, SQRDCMLAH Zda, Zn, Zm, #rot: op (10) saturates. */
static int trans_CMLA(struct cpu_state *cpu, uint32_t insn)
{
    sve2_cmla(cpu, SVE_SIZE(insn), a64_bits(insn, 10, 2),
              a64_bits(insn, 12, 1), A64_RD(insn), &cpu->z[A64_RN(insn)],
              &cpu->z[A64_RM(insn)], false, 0);
    return A64_NEXT;
}

/* CMLA, SQRDCMLAH Zda, Zn, Zm[imm], #rot: bit 22 is 0 for H (index
 * 20:19, Zm 18:16), 1 for S (index 20, Zm 19:16). */
static int trans_CMLA_idx(struct cpu_state *cpu, uint32_t insn)
{
    bool single = a64_bits(insn, 22, 1);
    unsigned idx = single ? a64_bits(insn, 20, 1) : a64_bits(insn, 19, 2);
    unsigned zm = single ? a64_bits(insn, 16, 4) : a64_bits(insn, 16, 3);
    sve2_cmla(cpu, single ? 2 : 1, a64_bits(insn, 10, 2),
              a64_bits(insn, 12, 1), A64_RD(insn), &cpu->z[A64_RN(insn)],
              &cpu->z[zm], true, idx);
    return A64_NEXT;
}

/* CDOT: each wide element accumulates two complex products of quarter-
 * width signed elements: n_r * m[sel_a] -+ n_i * m[!sel_a], the
 * imaginary term subtracted for rot 0 and 270. Group j of Zm. */
static void sve2_cdot(struct cpu_state *cpu, unsigned esz, unsigned rot,
                      unsigned da, const cpu_zreg *zn, const cpu_zreg *zm,
                      bool indexed, unsigned idx)
{
    unsigned qesz = esz - 2, sel_a = rot & 1, seg = 16u >> esz;
    bool sub_i = rot == 0 || rot == 3;
    cpu_zreg r;

    for (unsigned e = 0; e < sve_elems(cpu, esz); e++) {
        unsigned j = indexed ? e - e % seg + idx : e;
        uint64_t acc = sve_elem(&cpu->z[da], esz, e);
        for (unsigned k = 0; k < 2; k++) {
            int64_t nr = sve_sext(sve_elem(zn, qesz, 4 * e + 2 * k), qesz);
            int64_t ni = sve_sext(sve_elem(zn, qesz, 4 * e + 2 * k + 1), qesz);
            int64_t ma = sve_sext(sve_elem(zm, qesz, 4 * j + 2 * k + sel_a),
                                  qesz);
            int64_t mb = sve_sext(sve_elem(zm, qesz, 4 * j + 2 * k + !sel_a),
                                  qesz);
            acc += (uint64_t)(nr * ma);
            acc = sub_i ? acc - (uint64_t)(ni * mb) : acc + (uint64_t)(ni * mb);
        }
        sve_set_elem(&r, esz, e, acc & sve_esz_mask(esz));
    }
    sve_put_z(cpu, da, &r);
}

/* CDOT Zda, Zn, Zm, #rot: S from B or D from H. */
static int trans_CDOT(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn);
    if (esz < 2)
        return a64_undef(cpu, insn);
    sve2_cdot(cpu, esz, a64_bits(insn, 10, 2), A64_RD(insn),
              &cpu->z[A64_RN(insn)], &cpu->z[A64_RM(insn)], false, 0);
    return A64_NEXT;
}

/* CDOT Zda, Zn, Zm[imm], #rot: bit 22 is 0 for S (index 20:19, Zm
 * 18:16), 1 for D (index 20, Zm 19:16). */
static int trans_CDOT_idx(struct cpu_state *cpu, uint32_t insn)
{
    bool wide = a64_bits(insn, 22, 1);
    unsigned idx = wide ? a64_bits(insn, 20, 1) : a64_bits(insn, 19, 2);
    unsigned zm = wide ? a64_bits(insn, 16, 4) : a64_bits(insn, 16, 3);
    sve2_cdot(cpu, wide ? 3 : 2, a64_bits(insn, 10, 2), A64_RD(insn),
              &cpu->z[A64_RN(insn)], &cpu->z[zm], true, idx);
    return A64_NEXT;
}

const struct a64_pattern sve2_cplx_patterns[] = {
    A64_PATTERN(CMLA, "01000100 ss 0 mmmmm 001 o rr nnnnn ddddd"),
    A64_PATTERN(CMLA_idx, "01000100 1s 1 iiiii 011 o rr nnnnn ddddd"),
    A64_PATTERN(CDOT, "01000100 ss 0 mmmmm 0001 rr nnnnn ddddd"),
    A64_PATTERN(CDOT_idx, "01000100 1s 1 iiiii 0100 rr nnnnn ddddd"),
    A64_PATTERN_END,
};
