/* SVE floating-point arithmetic on vectors: the predicated binary
 * operations (FADD .. FDIV, FSCALE, FMULX), the unpredicated ones (FADD,
 * FSUB, FMUL, FTSMUL, FRECPS, FRSQRTS), the immediate forms, the fused
 * multiply-adds (FMLA, FMLS, FNMLA, FNMLS, FMAD, FMSB, FNMAD, FNMSB), the
 * trigonometric helpers (FTMAD, FTSSEL, FEXPA) and the complex FCADD and
 * FCMLA. Half, single and double elements (esz 1..3); esz 0 is UNDEFINED.
 * Inactive elements of a predicated destructive operation keep Zdn. */
#include "cpu/sve.h"
#include "cpu/a64-simd-fp-ops.h"

/* Bits 19:16 of the predicated form. */
enum sve_fp_binop {
    SVE_FADD = 0, SVE_FSUB = 1, SVE_FMUL = 2, SVE_FSUBR = 3,
    SVE_FMAXNM = 4, SVE_FMINNM = 5, SVE_FMAX = 6, SVE_FMIN = 7,
    SVE_FABD = 8, SVE_FSCALE = 9, SVE_FMULX = 10, SVE_FDIVR = 12,
    SVE_FDIV = 13,
};

static uint64_t sve_fp_binop(struct cpu_state *cpu, unsigned op,
                             unsigned esz, uint64_t a, uint64_t b)
{
    switch (op) {
    case SVE_FADD: return fp_elem_add(cpu, esz, a, b, 0);
    case SVE_FSUB: return fp_elem_sub(cpu, esz, a, b, 0);
    case SVE_FMUL: return fp_elem_mul(cpu, esz, a, b, 0);
    case SVE_FSUBR: return fp_elem_sub(cpu, esz, b, a, 0);
    case SVE_FMAXNM: return fp_elem_maxnm(cpu, esz, a, b, 0);
    case SVE_FMINNM: return fp_elem_minnm(cpu, esz, a, b, 0);
    case SVE_FMAX: return fp_elem_max(cpu, esz, a, b, 0);
    case SVE_FMIN: return fp_elem_min(cpu, esz, a, b, 0);
    case SVE_FABD: return fp_elem_abd(cpu, esz, a, b, 0);
    case SVE_FSCALE: return sve_fp_scale(cpu, esz, a, sve_sext(b, esz));
    case SVE_FMULX: return fp_elem_mulx(cpu, esz, a, b, 0);
    case SVE_FDIVR: return fp_elem_div(cpu, esz, b, a, 0);
    default: return fp_elem_div(cpu, esz, a, b, 0);
    }
}

static bool sve_fp_binop_valid(unsigned op)
{
    return op <= SVE_FMULX || op == SVE_FDIVR || op == SVE_FDIV;
}

/* <op> Zdn, Pg/M, Zdn, Zm */
static int trans_FP_binop_pred(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), op = a64_bits(insn, 16, 4);
    unsigned dn = A64_RD(insn), pg = SVE_PG3(insn);
    const cpu_zreg *m = &cpu->z[A64_RN(insn)];
    cpu_zreg r;

    if (esz == 0 || !sve_fp_binop_valid(op))
        return a64_undef(cpu, insn);
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        uint64_t a = sve_elem(&cpu->z[dn], esz, i);
        if (sve_active(cpu, pg, esz, i))
            a = sve_fp_binop(cpu, op, esz, a, sve_elem(m, esz, i));
        sve_set_elem(&r, esz, i, a);
    }
    sve_put_z(cpu, dn, &r);
    return A64_NEXT;
}

/* FTSMUL: the square, with the sign from bit 0 of the second operand
 * (unless the square is a NaN). */
static uint64_t sve_fp_tsmul(struct cpu_state *cpu, unsigned esz, uint64_t a,
                             uint64_t b)
{
    uint64_t r = fp_elem_mul(cpu, esz, a, a, 0);
    if (sve_fp_is_nan(esz, r))
        return r;
    return (b & 1) ? r | fp_neg(esz, 0) : fp_abs(esz, r);
}

/* FADD, FSUB, FMUL, FTSMUL, FRECPS, FRSQRTS Zd, Zn, Zm */
static int trans_FP_binop_unpred(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), op = a64_bits(insn, 10, 3);
    const cpu_zreg *n = &cpu->z[A64_RN(insn)], *m = &cpu->z[A64_RM(insn)];
    cpu_zreg r;

    if (esz == 0 || op == 4 || op == 5)
        return a64_undef(cpu, insn);
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        uint64_t a = sve_elem(n, esz, i), b = sve_elem(m, esz, i), v;
        switch (op) {
        case 0: v = fp_elem_add(cpu, esz, a, b, 0); break;
        case 1: v = fp_elem_sub(cpu, esz, a, b, 0); break;
        case 2: v = fp_elem_mul(cpu, esz, a, b, 0); break;
        case 3: v = sve_fp_tsmul(cpu, esz, a, b); break;
        case 6: v = fp_elem_recps(cpu, esz, a, b, 0); break;
        default: v = fp_elem_rsqrts(cpu, esz, a, b, 0); break;
        }
        sve_set_elem(&r, esz, i, v);
    }
    sve_put_z(cpu, A64_RD(insn), &r);
    return A64_NEXT;
}

/* FADD, FSUB, FMUL, FSUBR, FMAXNM, FMINNM, FMAX, FMIN Zdn, Pg/M, Zdn,
 * #const: the constant is one of two by bit 5 (0.5 or 1.0; FMUL 0.5 or
 * 2.0; the max/min forms 0.0 or 1.0). */
static int trans_FP_binop_imm(struct cpu_state *cpu, uint32_t insn)
{
    static const uint8_t ops[8] = {
        SVE_FADD, SVE_FSUB, SVE_FMUL, SVE_FSUBR,
        SVE_FMAXNM, SVE_FMINNM, SVE_FMAX, SVE_FMIN,
    };
    unsigned esz = SVE_SIZE(insn), opc = a64_bits(insn, 16, 3);
    unsigned i1 = a64_bits(insn, 5, 1), dn = A64_RD(insn), pg = SVE_PG3(insn);
    cpu_zreg r;

    if (esz == 0)
        return a64_undef(cpu, insn);
    /* VFPExpandImm: 0x60 is 0.5, 0x70 1.0, 0x00 2.0. */
    uint64_t imm;
    if (opc >= 4)
        imm = i1 ? fp_expand_imm(esz, 0x70) : 0;
    else if (opc == 2)
        imm = fp_expand_imm(esz, i1 ? 0x00 : 0x60);
    else
        imm = fp_expand_imm(esz, i1 ? 0x70 : 0x60);
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        uint64_t a = sve_elem(&cpu->z[dn], esz, i);
        if (sve_active(cpu, pg, esz, i))
            a = sve_fp_binop(cpu, ops[opc], esz, a, imm);
        sve_set_elem(&r, esz, i, a);
    }
    sve_put_z(cpu, dn, &r);
    return A64_NEXT;
}

/* The four fused forms, by op (bits 14:13): 0 acc + a*b (FMLA, FMAD),
 * 1 acc - a*b (FMLS, FMSB), 2 -acc - a*b (FNMLA, FNMAD), 3 -acc + a*b
 * (FNMLS, FNMSB). The negations are sign flips of the raw operands, so a
 * NaN operand changes sign too, as Arm specifies. */
static uint64_t sve_fp_fma(struct cpu_state *cpu, unsigned esz, unsigned op,
                           uint64_t acc, uint64_t a, uint64_t b)
{
    if ((op ^ (op >> 1)) & 1)
        a = fp_neg(esz, a);
    if (op & 2)
        acc = fp_neg(esz, acc);
    return fp_muladd(cpu, esz, acc, a, b);
}

/* FMLA, FMLS, FNMLA, FNMLS Zda, Pg/M, Zn, Zm: Zda = +-Zda +- Zn * Zm */
static int trans_FMLA_pred(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), op = a64_bits(insn, 13, 2);
    unsigned da = A64_RD(insn), pg = SVE_PG3(insn);
    const cpu_zreg *n = &cpu->z[A64_RN(insn)], *m = &cpu->z[A64_RM(insn)];
    cpu_zreg r;

    if (esz == 0)
        return a64_undef(cpu, insn);
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        uint64_t acc = sve_elem(&cpu->z[da], esz, i);
        if (sve_active(cpu, pg, esz, i))
            acc = sve_fp_fma(cpu, esz, op, acc,
                             sve_elem(n, esz, i), sve_elem(m, esz, i));
        sve_set_elem(&r, esz, i, acc);
    }
    sve_put_z(cpu, da, &r);
    return A64_NEXT;
}

/* FMAD, FMSB, FNMAD, FNMSB Zdn, Pg/M, Zm, Za: Zdn = +-Za +- Zdn * Zm */
static int trans_FMAD_pred(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), op = a64_bits(insn, 13, 2);
    unsigned dn = A64_RD(insn), pg = SVE_PG3(insn);
    const cpu_zreg *m = &cpu->z[A64_RN(insn)], *a = &cpu->z[A64_RM(insn)];
    cpu_zreg r;

    if (esz == 0)
        return a64_undef(cpu, insn);
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        uint64_t v = sve_elem(&cpu->z[dn], esz, i);
        if (sve_active(cpu, pg, esz, i))
            v = sve_fp_fma(cpu, esz, op,
                           sve_elem(a, esz, i), v, sve_elem(m, esz, i));
        sve_set_elem(&r, esz, i, v);
    }
    sve_put_z(cpu, dn, &r);
    return A64_NEXT;
}

/* FTMAD Zdn, Zdn, Zm, #imm */
static int trans_FTMAD(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), imm = a64_bits(insn, 16, 3);
    unsigned dn = A64_RD(insn);
    const cpu_zreg *m = &cpu->z[A64_RN(insn)];
    cpu_zreg r;

    if (esz == 0)
        return a64_undef(cpu, insn);
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++)
        sve_set_elem(&r, esz, i,
                     sve_fp_trig_madd(cpu, esz, imm,
                                      sve_elem(&cpu->z[dn], esz, i),
                                      sve_elem(m, esz, i)));
    sve_put_z(cpu, dn, &r);
    return A64_NEXT;
}

/* FTSSEL Zd, Zn, Zm: 1.0 or Zn by bit 0 of Zm, negated by bit 1. */
static int trans_FTSSEL(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn);
    const cpu_zreg *n = &cpu->z[A64_RN(insn)], *m = &cpu->z[A64_RM(insn)];
    cpu_zreg r;

    if (esz == 0)
        return a64_undef(cpu, insn);
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        uint64_t b = sve_elem(m, esz, i);
        uint64_t v = (b & 1) ? fp_expand_imm(esz, 0x70) : sve_elem(n, esz, i);
        if (b & 2)
            v = fp_neg(esz, v);
        sve_set_elem(&r, esz, i, v);
    }
    sve_put_z(cpu, A64_RD(insn), &r);
    return A64_NEXT;
}

/* FEXPA Zd, Zn */
static int trans_FEXPA(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn);
    const cpu_zreg *n = &cpu->z[A64_RN(insn)];
    cpu_zreg r;

    if (esz == 0)
        return a64_undef(cpu, insn);
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++)
        sve_set_elem(&r, esz, i, sve_fp_expa(esz, sve_elem(n, esz, i)));
    sve_put_z(cpu, A64_RD(insn), &r);
    return A64_NEXT;
}

/* FCADD Zdn, Pg/M, Zdn, Zm, #rot: (re, im) + Zm rotated by 90 or 270
 * degrees; the rotation negates one element of Zm before an FPAdd. */
static int trans_FCADD(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), rot270 = a64_bits(insn, 16, 1);
    unsigned dn = A64_RD(insn), pg = SVE_PG3(insn);
    const cpu_zreg *m = &cpu->z[A64_RN(insn)];
    cpu_zreg r;

    if (esz == 0)
        return a64_undef(cpu, insn);
    for (unsigned i = 0; i < sve_elems(cpu, esz); i += 2) {
        uint64_t re = sve_elem(&cpu->z[dn], esz, i);
        uint64_t im = sve_elem(&cpu->z[dn], esz, i + 1);
        uint64_t m_re = sve_elem(m, esz, i), m_im = sve_elem(m, esz, i + 1);
        if (rot270)
            m_re = fp_neg(esz, m_re);
        else
            m_im = fp_neg(esz, m_im);
        if (sve_active(cpu, pg, esz, i))
            re = fp_elem_add(cpu, esz, re, m_im, 0);
        if (sve_active(cpu, pg, esz, i + 1))
            im = fp_elem_add(cpu, esz, im, m_re, 0);
        sve_set_elem(&r, esz, i, re);
        sve_set_elem(&r, esz, i + 1, im);
    }
    sve_put_z(cpu, dn, &r);
    return A64_NEXT;
}

/* One complex pair of FCMLA: rot is 0..3 (0, 90, 180, 270 degrees). */
void sve_fp_cmla_pair(struct cpu_state *cpu, unsigned esz, unsigned rot,
                      bool act_re, bool act_im, const uint64_t n[2],
                      const uint64_t m[2], uint64_t d[2])
{
    unsigned sel = rot & 1;
    bool neg_r = (rot & 1) != (rot >> 1), neg_i = rot >> 1;
    uint64_t e1 = n[sel], e2a = m[sel], e2b = m[sel ^ 1];
    if (neg_r)
        e2a = fp_neg(esz, e2a);
    if (neg_i)
        e2b = fp_neg(esz, e2b);
    if (act_re)
        d[0] = fp_muladd(cpu, esz, d[0], e1, e2a);
    if (act_im)
        d[1] = fp_muladd(cpu, esz, d[1], e1, e2b);
}

/* FCMLA Zda, Pg/M, Zn, Zm, #rot */
static int trans_FCMLA(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), rot = a64_bits(insn, 13, 2);
    unsigned da = A64_RD(insn), pg = SVE_PG3(insn);
    const cpu_zreg *zn = &cpu->z[A64_RN(insn)], *zm = &cpu->z[A64_RM(insn)];
    cpu_zreg r;

    if (esz == 0)
        return a64_undef(cpu, insn);
    for (unsigned i = 0; i < sve_elems(cpu, esz); i += 2) {
        uint64_t n[2] = { sve_elem(zn, esz, i), sve_elem(zn, esz, i + 1) };
        uint64_t m[2] = { sve_elem(zm, esz, i), sve_elem(zm, esz, i + 1) };
        uint64_t d[2] = { sve_elem(&cpu->z[da], esz, i),
                          sve_elem(&cpu->z[da], esz, i + 1) };
        sve_fp_cmla_pair(cpu, esz, rot, sve_active(cpu, pg, esz, i),
                         sve_active(cpu, pg, esz, i + 1), n, m, d);
        sve_set_elem(&r, esz, i, d[0]);
        sve_set_elem(&r, esz, i + 1, d[1]);
    }
    sve_put_z(cpu, da, &r);
    return A64_NEXT;
}

const struct a64_pattern sve_fp_arith_patterns[] = {
    A64_PATTERN(FP_binop_pred, "01100101 ss 00 oooo 100 ggg mmmmm ddddd"),
    A64_PATTERN(FP_binop_unpred, "01100101 ss 0 mmmmm 000 ooo nnnnn ddddd"),
    A64_PATTERN(FP_binop_imm, "01100101 ss 011 ooo 100 ggg 0000 i ddddd"),
    A64_PATTERN(FMLA_pred, "01100101 ss 1 mmmmm 0 oo ggg nnnnn ddddd"),
    A64_PATTERN(FMAD_pred, "01100101 ss 1 aaaaa 1 oo ggg mmmmm ddddd"),
    A64_PATTERN(FTMAD, "01100101 ss 010 iii 100000 mmmmm ddddd"),
    A64_PATTERN(FTSSEL, "00000100 ss 1 mmmmm 101100 nnnnn ddddd"),
    A64_PATTERN(FEXPA, "00000100 ss 1 00000 101110 nnnnn ddddd"),
    A64_PATTERN(FCADD, "01100100 ss 00000 r 100 ggg mmmmm ddddd"),
    A64_PATTERN(FCMLA, "01100100 ss 0 mmmmm 0 rr ggg nnnnn ddddd"),
    A64_PATTERN_END,
};
