/* SVE floating-point compares and reductions: FCMEQ, FCMGE, FCMGT, FCMNE,
 * FCMUO, FACGE, FACGT (vectors), FCMxx #0.0, the tree reductions FADDV,
 * FMAXNMV, FMINNMV, FMAXV, FMINV, and the strictly ordered FADDA. The
 * compares write a predicate (inactive elements false) and no flags. */
#include "cpu/sve.h"
#include "cpu/a64-simd-fp-ops.h"

enum sve_fp_cmp {
    SVE_FCMGE, SVE_FCMGT, SVE_FCMEQ, SVE_FCMNE, SVE_FCMUO,
    SVE_FACGE, SVE_FACGT,
};

static bool sve_fp_cmp(struct cpu_state *cpu, enum sve_fp_cmp op,
                       unsigned esz, uint64_t a, uint64_t b)
{
    switch (op) {
    case SVE_FCMGE: return fp_elem_cmge(cpu, esz, a, b, 0) != 0;
    case SVE_FCMGT: return fp_elem_cmgt(cpu, esz, a, b, 0) != 0;
    case SVE_FCMEQ: return fp_elem_cmeq(cpu, esz, a, b, 0) != 0;
    case SVE_FCMNE: return fp_elem_cmeq(cpu, esz, a, b, 0) == 0;
    case SVE_FCMUO:
        /* A quiet compare: unordered is NZCV 0011. */
        return fp_compare(cpu, esz, a, b, false) == 0x30000000u;
    case SVE_FACGE: return fp_elem_acge(cpu, esz, a, b, 0) != 0;
    default: return fp_elem_acgt(cpu, esz, a, b, 0) != 0;
    }
}

/* Compare every active element of Zn with b (Zm's element, or zero) into
 * Pd; swap compares b with the element instead (FCMLT, FCMLE #0.0). */
static int sve_fp_cmp_run(struct cpu_state *cpu, uint32_t insn, unsigned esz,
                          enum sve_fp_cmp op, const cpu_zreg *m, bool swap)
{
    unsigned pg = SVE_PG3(insn);
    const cpu_zreg *n = &cpu->z[A64_RN(insn)];
    sve_pred r;

    memset(&r, 0, sizeof r);
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        if (!sve_active(cpu, pg, esz, i))
            continue;
        uint64_t a = sve_elem(n, esz, i), b = m ? sve_elem(m, esz, i) : 0;
        sve_pset(&r, esz, i, swap ? sve_fp_cmp(cpu, op, esz, b, a)
                                  : sve_fp_cmp(cpu, op, esz, a, b));
    }
    sve_put_p(cpu, a64_bits(insn, 0, 4), &r);
    return A64_NEXT;
}

/* FCMxx Pd, Pg/Z, Zn, Zm: op (bit 15) : o2 (bit 13) : o3 (bit 4). */
static int trans_FCM_vec(struct cpu_state *cpu, uint32_t insn)
{
    static const int8_t ops[8] = {
        SVE_FCMGE, SVE_FCMGT, SVE_FCMEQ, SVE_FCMNE,
        SVE_FCMUO, SVE_FACGE, -1, SVE_FACGT,
    };
    unsigned esz = SVE_SIZE(insn);
    int op = ops[a64_bits(insn, 15, 1) << 2 | a64_bits(insn, 13, 1) << 1 |
                 a64_bits(insn, 4, 1)];
    if (esz == 0 || op < 0)
        return a64_undef(cpu, insn);
    return sve_fp_cmp_run(cpu, insn, esz, (enum sve_fp_cmp)op,
                          &cpu->z[A64_RM(insn)], false);
}

/* FCMGE, FCMGT, FCMLT, FCMLE, FCMEQ, FCMNE Pd, Pg/Z, Zn, #0.0: eq (bit
 * 17) : lt (bit 16) : ne (bit 4). */
static int trans_FCM_zero(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn);
    unsigned code = a64_bits(insn, 16, 2) << 1 | a64_bits(insn, 4, 1);
    if (esz == 0)
        return a64_undef(cpu, insn);
    switch (code) {
    case 0: return sve_fp_cmp_run(cpu, insn, esz, SVE_FCMGE, NULL, false);
    case 1: return sve_fp_cmp_run(cpu, insn, esz, SVE_FCMGT, NULL, false);
    case 2: return sve_fp_cmp_run(cpu, insn, esz, SVE_FCMGT, NULL, true);
    case 3: return sve_fp_cmp_run(cpu, insn, esz, SVE_FCMGE, NULL, true);
    case 4: return sve_fp_cmp_run(cpu, insn, esz, SVE_FCMEQ, NULL, false);
    case 6: return sve_fp_cmp_run(cpu, insn, esz, SVE_FCMNE, NULL, false);
    default: return a64_undef(cpu, insn);
    }
}

/* Write a scalar FP result to V[d] (the rest of Z[d] zeroed). */
static void sve_fp_put_scalar(struct cpu_state *cpu, unsigned d, unsigned esz,
                              uint64_t v)
{
    memset(cpu->z[d].b, 0, CPU_ZREG_BYTES);
    memcpy(cpu->z[d].b, &v, 1u << esz);
}

/* FADDV, FMAXNMV, FMINNMV, FMAXV, FMINV Vd, Pg, Zn: Arm's Reduce() -- the
 * vector padded to a power of two with the identity (also for inactive
 * elements), then halves combined recursively, low half first. */
static int trans_FP_reduce(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), op = a64_bits(insn, 16, 3);
    unsigned pg = SVE_PG3(insn), n_elems = sve_elems(cpu, esz);
    const cpu_zreg *n = &cpu->z[A64_RN(insn)];
    uint64_t v[CPU_ZREG_BYTES / 2], identity;
    fp_elem_fn fn;

    if (esz == 0)
        return a64_undef(cpu, insn);
    switch (op) {
    case 0: fn = fp_elem_add; break;
    case 4: fn = fp_elem_maxnm; break;
    case 5: fn = fp_elem_minnm; break;
    case 6: fn = fp_elem_max; break;
    case 7: fn = fp_elem_min; break;
    default: return a64_undef(cpu, insn);
    }
    /* The identities: +0.0 for FADDV, the default NaN for the NM forms,
     * -infinity for FMAXV and +infinity for FMINV. */
    uint64_t sign = 1ull << ((8u << esz) - 1);
    uint64_t inf = esz == 1 ? 0x7c00 : esz == 2 ? 0x7f800000u
                                                : 0x7ff0000000000000ull;
    uint64_t dnan = esz == 1 ? FPU_DEFAULT_NAN16 : esz == 2
                        ? FPU_DEFAULT_NAN32 : FPU_DEFAULT_NAN64;
    identity = op == 0 ? 0 : op < 6 ? dnan : op == 6 ? (inf | sign) : inf;

    unsigned count = 1;
    while (count < n_elems)
        count <<= 1;
    for (unsigned i = 0; i < count; i++)
        v[i] = i < n_elems && sve_active(cpu, pg, esz, i)
                   ? sve_elem(n, esz, i) : identity;
    for (; count > 1; count >>= 1)
        for (unsigned i = 0; i < count / 2; i++)
            v[i] = fn(cpu, esz, v[2 * i], v[2 * i + 1], 0);
    sve_fp_put_scalar(cpu, A64_RD(insn), esz, v[0]);
    return A64_NEXT;
}

/* FADDA Vdn, Pg, Vdn, Zm: in element order. */
static int trans_FADDA(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), pg = SVE_PG3(insn), dn = A64_RD(insn);
    const cpu_zreg *m = &cpu->z[A64_RN(insn)];

    if (esz == 0)
        return a64_undef(cpu, insn);
    uint64_t acc = sve_elem(&cpu->z[dn], esz, 0);
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++)
        if (sve_active(cpu, pg, esz, i))
            acc = fp_elem_add(cpu, esz, acc, sve_elem(m, esz, i), 0);
    sve_fp_put_scalar(cpu, dn, esz, acc);
    return A64_NEXT;
}

const struct a64_pattern sve_fp_cmp_patterns[] = {
    A64_PATTERN(FCM_vec, "01100101 ss 0 mmmmm o1o ggg nnnnn o dddd"),
    A64_PATTERN(FCM_zero, "01100101 ss 010 0eo 001 ggg nnnnn o dddd"),
    A64_PATTERN(FP_reduce, "01100101 ss 000 ooo 001 ggg nnnnn ddddd"),
    A64_PATTERN(FADDA, "01100101 ss 011 000 001 ggg mmmmm ddddd"),
    A64_PATTERN_END,
};
