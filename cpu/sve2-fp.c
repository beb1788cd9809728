/* SVE2 floating-point: the pairwise operations (FADDP, FMAXNMP, FMINNMP,
 * FMAXP, FMINP), the conversions of odd elements (FCVTNT, FCVTLT,
 * FCVTXNT) and FCVTX, and the widening half-precision multiply-adds
 * FMLALB/T, FMLSLB/T (vectors and indexed). Rounding, FPCR and FPSR
 * follow cpu/fpu.h. */
#include "cpu/sve.h"
#include "cpu/a64-simd-fp-ops.h"

/* FADDP, FMAXNMP, FMINNMP, FMAXP, FMINP Zdn, Pg/M, Zdn, Zm: an even
 * active element gets op(Zdn[e], Zdn[e + 1]), an odd one op(Zm[e - 1],
 * Zm[e]); inactive elements keep Zdn. */
static int trans_FP_pairwise(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), op = a64_bits(insn, 16, 3);
    unsigned dn = A64_RD(insn), pg = SVE_PG3(insn);
    const cpu_zreg *zdn = &cpu->z[dn], *zm = &cpu->z[A64_RN(insn)];
    fp_elem_fn fn;
    cpu_zreg r;

    switch (op) {
    case 0: fn = fp_elem_add; break;
    case 4: fn = fp_elem_maxnm; break;
    case 5: fn = fp_elem_minnm; break;
    case 6: fn = fp_elem_max; break;
    case 7: fn = fp_elem_min; break;
    default: return a64_undef(cpu, insn);
    }
    if (esz == 0)
        return a64_undef(cpu, insn);
    for (unsigned e = 0; e < sve_elems(cpu, esz); e++) {
        uint64_t v = sve_elem(zdn, esz, e);
        if (sve_active(cpu, pg, esz, e)) {
            const cpu_zreg *src = (e & 1) ? zm : zdn;
            unsigned first = e & ~1u;
            v = fn(cpu, esz, sve_elem(src, esz, first),
                   sve_elem(src, esz, first + 1), 0);
        }
        sve_set_elem(&r, esz, e, v);
    }
    sve_put_z(cpu, dn, &r);
    return A64_NEXT;
}

/* FCVTNT, FCVTLT, FCVTXNT (and BFCVTNT, sve2-bf16.c): code is opc:opc2
 * (bits 23:22, 17:16). The narrowing ones write the odd narrow element
 * of each active wide element and keep the even ones; the widening ones
 * read the odd narrow element. */
static int trans_FCVT_odd(struct cpu_state *cpu, uint32_t insn)
{
    unsigned code = a64_bits(insn, 22, 2) << 2 | a64_bits(insn, 16, 2);
    unsigned d = A64_RD(insn), pg = SVE_PG3(insn);
    const cpu_zreg *n = &cpu->z[A64_RN(insn)];
    unsigned wesz;
    cpu_zreg r;

    switch (code) {
    case 0x2: case 0x8: case 0x9: case 0xe: case 0xf:
        break;
    default:  /* 0xa is BFCVTNT (sve2-bf16.c); the rest are unallocated */
        return a64_undef(cpu, insn);
    }
    wesz = code >= 0xc || code == 0x2 ? 3 : 2;
    memcpy(r.b, cpu->z[d].b, sve_vl(cpu));
    for (unsigned e = 0; e < sve_elems(cpu, wesz); e++) {
        if (!sve_active(cpu, pg, wesz, e))
            continue;
        switch (code) {
        case 0x2:  /* FCVTXNT Zd.S, Pg/M, Zn.D: round to odd */
            r.s[2 * e + 1] = fpu_cvt_64_to_32(cpu, n->d[e], FPU_RO);
            break;
        case 0x8:  /* FCVTNT Zd.H, Pg/M, Zn.S */
            r.h[2 * e + 1] = (uint16_t)sve_fp_cvt_to_16(cpu, n->s[e], false);
            break;
        case 0x9:  /* FCVTLT Zd.S, Pg/M, Zn.H */
            r.s[e] = (uint32_t)sve_fp_cvt_from_16(cpu, n->h[2 * e + 1], false);
            break;
        case 0xe:  /* FCVTNT Zd.S, Pg/M, Zn.D */
            r.s[2 * e + 1] = fpu_cvt_64_to_32(cpu, n->d[e],
                                              fpu_fpcr_rmode(cpu));
            break;
        default:   /* FCVTLT Zd.D, Pg/M, Zn.S */
            r.d[e] = fpu_cvt_32_to_64(cpu, n->s[2 * e + 1]);
            break;
        }
    }
    sve_put_z(cpu, d, &r);
    return A64_NEXT;
}

/* FCVTX Zd.S, Pg/M, Zn.D: round to odd into the low half of each active
 * 64-bit element, the high half zeroed. */
static int trans_FCVTX(struct cpu_state *cpu, uint32_t insn)
{
    unsigned d = A64_RD(insn), pg = SVE_PG3(insn);
    const cpu_zreg *n = &cpu->z[A64_RN(insn)];
    cpu_zreg r;

    memcpy(r.b, cpu->z[d].b, sve_vl(cpu));
    for (unsigned e = 0; e < sve_elems(cpu, 3); e++)
        if (sve_active(cpu, pg, 3, e))
            r.d[e] = fpu_cvt_64_to_32(cpu, n->d[e], FPU_RO);
    sve_put_z(cpu, d, &r);
    return A64_NEXT;
}

/* Zda.S[e] +-= Zn.H[2e + t] * m(e), fused, in single. */
static void sve2_fmlal(struct cpu_state *cpu, unsigned da, const cpu_zreg *n,
                       const cpu_zreg *m, bool sub, unsigned t, bool indexed,
                       unsigned idx)
{
    cpu_zreg r;
    for (unsigned e = 0; e < sve_elems(cpu, 2); e++) {
        uint16_t a = n->h[2 * e + t];
        uint16_t b = indexed ? m->h[2 * (e - e % 4) + idx] : m->h[2 * e + t];
        if (sub)
            a = fpu16_neg(a);
        r.s[e] = fpu_muladd_h(cpu, cpu->z[da].s[e], a, b);
    }
    sve_put_z(cpu, da, &r);
}

/* FMLALB, FMLALT, FMLSLB, FMLSLT Zda.S, Zn.H, Zm.H: S (13), T (10). */
static int trans_FMLAL(struct cpu_state *cpu, uint32_t insn)
{
    sve2_fmlal(cpu, A64_RD(insn), &cpu->z[A64_RN(insn)], &cpu->z[A64_RM(insn)],
               a64_bits(insn, 13, 1), a64_bits(insn, 10, 1), false, 0);
    return A64_NEXT;
}

/* FMLALB, FMLALT, FMLSLB, FMLSLT Zda.S, Zn.H, Zm.H[imm]: index
 * i3h (20:19):i3l (11), Zm 18:16. */
static int trans_FMLAL_idx(struct cpu_state *cpu, uint32_t insn)
{
    unsigned idx = a64_bits(insn, 19, 2) << 1 | a64_bits(insn, 11, 1);
    sve2_fmlal(cpu, A64_RD(insn), &cpu->z[A64_RN(insn)],
               &cpu->z[a64_bits(insn, 16, 3)], a64_bits(insn, 13, 1),
               a64_bits(insn, 10, 1), true, idx);
    return A64_NEXT;
}

const struct a64_pattern sve2_fp_patterns[] = {
    A64_PATTERN(FP_pairwise, "01100100 ss 010 ooo 100 ggg mmmmm ddddd"),
    A64_PATTERN(FCVT_odd, "01100100 oo 0010 oo 101 ggg nnnnn ddddd"),
    A64_PATTERN(FCVTX, "01100101 00 001010 101 ggg nnnnn ddddd"),
    A64_PATTERN(FMLAL, "01100100 101 mmmmm 10 s 00 t nnnnn ddddd"),
    A64_PATTERN(FMLAL_idx, "01100100 101 iimmm 01 s 0 it nnnnn ddddd"),
    A64_PATTERN_END,
};
