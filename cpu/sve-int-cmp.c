/* SVE integer compares into predicates: CMP<cc> with a vector, with wide
 * (64-bit) elements, and with signed or unsigned immediates. All are
 * zeroing-predicated by Pg and set NZCV as PredTest(Pg, result). */
#include "cpu/sve.h"

enum sve_cond { SVE_EQ, SVE_NE, SVE_GE, SVE_GT, SVE_LT, SVE_LE,
                SVE_HS, SVE_HI, SVE_LO, SVE_LS };

static bool sve_cmp(enum sve_cond c, int64_t sa, int64_t sb, uint64_t a,
                    uint64_t b)
{
    switch (c) {
    case SVE_EQ: return a == b;
    case SVE_NE: return a != b;
    case SVE_GE: return sa >= sb;
    case SVE_GT: return sa > sb;
    case SVE_LT: return sa < sb;
    case SVE_LE: return sa <= sb;
    case SVE_HS: return a >= b;
    case SVE_HI: return a > b;
    case SVE_LO: return a < b;
    default: return a <= b;
    }
}

/* The second operand of a compare: a vector (same-size or wide
 * elements) or an immediate. */
struct sve_cmp_src {
    const cpu_zreg *m;  /* NULL: immediate */
    bool wide;
    int64_t imm;
};

static int sve_do_cmp(struct cpu_state *cpu, uint32_t insn, enum sve_cond c,
                      struct sve_cmp_src src)
{
    unsigned esz = SVE_SIZE(insn), pg = SVE_PG3(insn);
    const cpu_zreg *n = &cpu->z[A64_RN(insn)];
    sve_pred r = { { 0 } };

    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        if (!sve_active(cpu, pg, esz, i))
            continue;
        uint64_t a = sve_elem(n, esz, i);
        int64_t sa = sve_sext(a, esz);
        bool sgn = c == SVE_GE || c == SVE_GT || c == SVE_LT || c == SVE_LE ||
                   c == SVE_EQ || c == SVE_NE;
        int64_t sb;
        uint64_t b;
        if (!src.m) {
            sb = src.imm;
            b = (uint64_t)src.imm;
        } else if (src.wide) {
            b = src.m->d[(i << esz) / 8];
            sb = (int64_t)b;
            /* Compare at 64 bits: extend a by the comparison's signedness. */
            if (sgn)
                a = (uint64_t)sa;
        } else {
            b = sve_elem(src.m, esz, i);
            sb = sve_sext(b, esz);
        }
        if (!src.m && sgn && (c == SVE_EQ || c == SVE_NE))
            a = (uint64_t)sa;
        sve_pset(&r, esz, i, sve_cmp(c, sa, sb, a, b));
    }
    cpu->nzcv = sve_pred_test(cpu, cpu->p[pg], r.b, esz);
    sve_put_p(cpu, a64_bits(insn, 0, 4), &r);
    return A64_NEXT;
}

/* CMPHS, CMPHI, CMPEQ/NE (wide), CMPGE, CMPGT, CMPEQ, CMPNE (vectors) */
static int trans_CMP_vec(struct cpu_state *cpu, uint32_t insn)
{
    unsigned sel = a64_bits(insn, 15, 1) << 2 | a64_bits(insn, 13, 1) << 1 |
                   a64_bits(insn, 4, 1);
    static const enum sve_cond conds[8] = { SVE_HS, SVE_HI, SVE_EQ, SVE_NE,
                                            SVE_GE, SVE_GT, SVE_EQ, SVE_NE };
    bool wide = sel == 2 || sel == 3;
    if (wide && SVE_SIZE(insn) == 3)
        return a64_undef(cpu, insn);
    struct sve_cmp_src src = { &cpu->z[A64_RM(insn)], wide, 0 };
    return sve_do_cmp(cpu, insn, conds[sel], src);
}

/* CMPGE, CMPGT, CMPLT, CMPLE, CMPHS, CMPHI, CMPLO, CMPLS (wide elements) */
static int trans_CMP_wide(struct cpu_state *cpu, uint32_t insn)
{
    /* U (bit 15), lt (bit 13), ne (bit 4) */
    unsigned sel = a64_bits(insn, 15, 1) << 2 | a64_bits(insn, 13, 1) << 1 |
                   a64_bits(insn, 4, 1);
    static const enum sve_cond conds[8] = { SVE_GE, SVE_GT, SVE_LT, SVE_LE,
                                            SVE_HS, SVE_HI, SVE_LO, SVE_LS };
    if (SVE_SIZE(insn) == 3)
        return a64_undef(cpu, insn);
    struct sve_cmp_src src = { &cpu->z[A64_RM(insn)], true, 0 };
    return sve_do_cmp(cpu, insn, conds[sel], src);
}

/* CMPGE, CMPGT, CMPLT, CMPLE, CMPEQ, CMPNE (signed immediate) */
static int trans_CMP_simm(struct cpu_state *cpu, uint32_t insn)
{
    unsigned sel = a64_bits(insn, 15, 1) << 2 | a64_bits(insn, 13, 1) << 1 |
                   a64_bits(insn, 4, 1);
    static const int conds[8] = { SVE_GE, SVE_GT, SVE_LT, SVE_LE,
                                  SVE_EQ, SVE_NE, -1, -1 };
    if (conds[sel] < 0)
        return a64_undef(cpu, insn);
    struct sve_cmp_src src = { NULL, false, a64_sbits(insn, 16, 5) };
    return sve_do_cmp(cpu, insn, (enum sve_cond)conds[sel], src);
}

/* CMPHS, CMPHI, CMPLO, CMPLS (unsigned immediate) */
static int trans_CMP_uimm(struct cpu_state *cpu, uint32_t insn)
{
    unsigned sel = a64_bits(insn, 13, 1) << 1 | a64_bits(insn, 4, 1);
    static const enum sve_cond conds[4] = { SVE_HS, SVE_HI, SVE_LO, SVE_LS };
    struct sve_cmp_src src = { NULL, false, (int64_t)a64_bits(insn, 14, 7) };
    return sve_do_cmp(cpu, insn, conds[sel], src);
}

const struct a64_pattern sve_int_cmp_patterns[] = {
    A64_PATTERN(CMP_vec, "00100100 ss 0 mmmmm o0o ggg nnnnn e dddd"),
    A64_PATTERN(CMP_wide, "00100100 ss 0 mmmmm u1l ggg nnnnn e dddd"),
    A64_PATTERN(CMP_simm, "00100101 ss 0 iiiii o0o ggg nnnnn e dddd"),
    A64_PATTERN(CMP_uimm, "00100100 ss 1 iiiiiii l ggg nnnnn e dddd"),
    A64_PATTERN_END,
};
