/* SVE permutes: INSR, REV, SUNPK/UUNPK, TBL, EXT, ZIP/UZP/TRN of vectors
 * and predicates, REV and PUNPK of predicates, COMPACT, SPLICE, LASTA/
 * LASTB, CLASTA/CLASTB, REVB/REVH/REVW/RBIT. */
#include "cpu/sve.h"

/* INSR Zdn, Rn / Vn: shift up one element and insert at element 0. */
static int trans_INSR(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), dn = A64_RD(insn);
    bool from_v = a64_bits(insn, 20, 1);
    uint64_t v = from_v ? cpu->z[A64_RN(insn)].d[0] : a64_x(cpu, A64_RN(insn));
    unsigned bytes = 1u << esz;
    cpu_zreg r;

    memcpy(r.b + bytes, cpu->z[dn].b, sve_vl(cpu) - bytes);
    sve_set_elem(&r, esz, 0, v);
    sve_put_z(cpu, dn, &r);
    return A64_NEXT;
}

/* REV Zd, Zn */
static int trans_REV_z(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), n = sve_elems(cpu, esz);
    const cpu_zreg *src = &cpu->z[A64_RN(insn)];
    cpu_zreg r;

    for (unsigned i = 0; i < n; i++)
        sve_set_elem(&r, esz, i, sve_elem(src, esz, n - 1 - i));
    sve_put_z(cpu, A64_RD(insn), &r);
    return A64_NEXT;
}

/* SUNPKLO, SUNPKHI, UUNPKLO, UUNPKHI */
static int trans_UNPK(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), n = sve_elems(cpu, esz);
    bool is_unsigned = a64_bits(insn, 17, 1), hi = a64_bits(insn, 16, 1);
    const cpu_zreg *src = &cpu->z[A64_RN(insn)];
    cpu_zreg r;

    if (esz == 0)
        return a64_undef(cpu, insn);
    for (unsigned i = 0; i < n; i++) {
        uint64_t e = sve_elem(src, esz - 1, i + (hi ? n : 0));
        sve_set_elem(&r, esz, i, is_unsigned ? e
                                 : (uint64_t)sve_sext(e, esz - 1));
    }
    sve_put_z(cpu, A64_RD(insn), &r);
    return A64_NEXT;
}

/* TBL Zd, {Zn}, Zm: out-of-range indexes give zero. */
static int trans_TBL(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), n = sve_elems(cpu, esz);
    const cpu_zreg *t = &cpu->z[A64_RN(insn)], *m = &cpu->z[A64_RM(insn)];
    cpu_zreg r;

    for (unsigned i = 0; i < n; i++) {
        uint64_t idx = sve_elem(m, esz, i);
        sve_set_elem(&r, esz, i, idx < n ? sve_elem(t, esz, (unsigned)idx) : 0);
    }
    sve_put_z(cpu, A64_RD(insn), &r);
    return A64_NEXT;
}

/* EXT Zdn, Zdn, Zm, #imm: bytes imm.. of Zdn:Zm (imm >= VL gives Zdn). */
static int trans_EXT(struct cpu_state *cpu, uint32_t insn)
{
    unsigned vl = sve_vl(cpu), dn = A64_RD(insn);
    unsigned pos = a64_bits(insn, 16, 5) << 3 | a64_bits(insn, 10, 3);
    uint8_t both[2 * CPU_ZREG_BYTES];
    cpu_zreg r;

    if (pos >= vl)
        pos = 0;
    memcpy(both, cpu->z[dn].b, vl);
    memcpy(both + vl, cpu->z[A64_RN(insn)].b, vl);
    memcpy(r.b, both + pos, vl);
    sve_put_z(cpu, dn, &r);
    return A64_NEXT;
}

/* Index of the source element (in n:m, 2 * count elements) that a
 * ZIP1/ZIP2/UZP1/UZP2/TRN1/TRN2 puts at element i. */
static unsigned sve_perm_src(unsigned opc, unsigned count, unsigned i)
{
    unsigned part = opc & 1;
    switch (opc >> 1) {
    case 0:  /* ZIP */
        return (i & 1) * count + part * (count / 2) + i / 2;
    case 1:  /* UZP */
        return 2 * i + part;
    default: /* TRN */
        return (i & 1) * count + (i & ~1u) + part;
    }
}

static int trans_PERM_z(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), n = sve_elems(cpu, esz);
    unsigned opc = a64_bits(insn, 10, 3);
    const cpu_zreg *a = &cpu->z[A64_RN(insn)], *b = &cpu->z[A64_RM(insn)];
    cpu_zreg r;

    if (opc >= 6)
        return a64_undef(cpu, insn);
    for (unsigned i = 0; i < n; i++) {
        unsigned s = sve_perm_src(opc, n, i);
        sve_set_elem(&r, esz, i, s < n ? sve_elem(a, esz, s)
                                       : sve_elem(b, esz, s - n));
    }
    sve_put_z(cpu, A64_RD(insn), &r);
    return A64_NEXT;
}

static int trans_PERM_p(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), n = sve_elems(cpu, esz);
    unsigned opc = a64_bits(insn, 10, 3);
    const uint8_t *a = cpu->p[a64_bits(insn, 5, 4)];
    const uint8_t *b = cpu->p[a64_bits(insn, 16, 4)];
    sve_pred r = { { 0 } };

    if (opc >= 6)
        return a64_undef(cpu, insn);
    for (unsigned i = 0; i < n; i++) {
        unsigned s = sve_perm_src(opc, n, i);
        sve_set_pchunk(&r, esz, i, s < n ? sve_pchunk(a, esz, s)
                                         : sve_pchunk(b, esz, s - n));
    }
    sve_put_p(cpu, a64_bits(insn, 0, 4), &r);
    return A64_NEXT;
}

static int trans_REV_p(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), n = sve_elems(cpu, esz);
    const uint8_t *src = cpu->p[a64_bits(insn, 5, 4)];
    sve_pred r = { { 0 } };

    for (unsigned i = 0; i < n; i++)
        sve_set_pchunk(&r, esz, i, sve_pchunk(src, esz, n - 1 - i));
    sve_put_p(cpu, a64_bits(insn, 0, 4), &r);
    return A64_NEXT;
}

/* PUNPKLO, PUNPKHI: byte predicate halves to halfword elements. */
static int trans_PUNPK(struct cpu_state *cpu, uint32_t insn)
{
    unsigned n = sve_elems(cpu, 1);
    bool hi = a64_bits(insn, 16, 1);
    const uint8_t *src = cpu->p[a64_bits(insn, 5, 4)];
    sve_pred r = { { 0 } };

    for (unsigned i = 0; i < n; i++)
        sve_pset(&r, 1, i, sve_pbit(src, i + (hi ? n : 0)));
    sve_put_p(cpu, a64_bits(insn, 0, 4), &r);
    return A64_NEXT;
}

/* COMPACT Zd, Pg, Zn (S and D only) */
static int trans_COMPACT(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), pg = SVE_PG3(insn), k = 0;
    const cpu_zreg *src = &cpu->z[A64_RN(insn)];
    cpu_zreg r;

    if (esz < 2)
        return a64_undef(cpu, insn);
    memset(r.b, 0, sizeof r.b);
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++)
        if (sve_active(cpu, pg, esz, i))
            sve_set_elem(&r, esz, k++, sve_elem(src, esz, i));
    sve_put_z(cpu, A64_RD(insn), &r);
    return A64_NEXT;
}

/* SPLICE Zdn, Pg, Zdn, Zm: the active segment (first to last active) of
 * Zdn, then elements of Zm from 0. */
static int trans_SPLICE(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), pg = SVE_PG3(insn), dn = A64_RD(insn);
    unsigned n = sve_elems(cpu, esz), k = 0;
    int first = -1, last = -1;
    cpu_zreg r;

    for (unsigned i = 0; i < n; i++)
        if (sve_active(cpu, pg, esz, i)) {
            if (first < 0)
                first = (int)i;
            last = (int)i;
        }
    if (first >= 0)
        for (int i = first; i <= last; i++)
            sve_set_elem(&r, esz, k++, sve_elem(&cpu->z[dn], esz, (unsigned)i));
    for (unsigned j = 0; k < n; j++)
        sve_set_elem(&r, esz, k++, sve_elem(&cpu->z[A64_RN(insn)], esz, j));
    sve_put_z(cpu, dn, &r);
    return A64_NEXT;
}

/* The last active element's index, or -1. */
static int sve_last_active(const struct cpu_state *cpu, unsigned pg,
                           unsigned esz)
{
    for (unsigned i = sve_elems(cpu, esz); i-- > 0;)
        if (sve_active(cpu, pg, esz, i))
            return (int)i;
    return -1;
}

/* LASTA/LASTB: the element after the last active one (wrapping; element
 * 0 if none is active) or the last active one (the last element if none
 * is). */
static uint64_t sve_last_elem(const struct cpu_state *cpu, uint32_t insn,
                              bool after)
{
    unsigned esz = SVE_SIZE(insn), n = sve_elems(cpu, esz);
    int last = sve_last_active(cpu, SVE_PG3(insn), esz);
    unsigned idx;
    if (after)
        idx = (unsigned)(last + 1) % n;
    else
        idx = last < 0 ? n - 1 : (unsigned)last;
    return sve_elem(&cpu->z[A64_RN(insn)], esz, idx);
}

/* LASTA, LASTB (scalar: Wd/Xd) */
static int trans_LAST_r(struct cpu_state *cpu, uint32_t insn)
{
    a64_set_x(cpu, A64_RD(insn),
              sve_last_elem(cpu, insn, !a64_bits(insn, 16, 1)));
    return A64_NEXT;
}

/* LASTA, LASTB (SIMD&FP scalar) */
static int trans_LAST_v(struct cpu_state *cpu, uint32_t insn)
{
    uint64_t v = sve_last_elem(cpu, insn, !a64_bits(insn, 16, 1));
    unsigned d = A64_RD(insn);
    memset(cpu->z[d].b, 0, CPU_ZREG_BYTES);
    memcpy(cpu->z[d].b, &v, 1u << SVE_SIZE(insn));
    return A64_NEXT;
}

/* CLASTA/CLASTB: like LASTA/LASTB, but with no active element the
 * destination keeps its value. The vector is Zm in bits 9:5. Returns
 * false when no element is active. */
static bool sve_clast_value(const struct cpu_state *cpu, uint32_t insn,
                            uint64_t *v)
{
    unsigned esz = SVE_SIZE(insn), n = sve_elems(cpu, esz);
    int last = sve_last_active(cpu, SVE_PG3(insn), esz);
    if (last < 0)
        return false;
    unsigned idx = a64_bits(insn, 16, 1) ? (unsigned)last
                                         : (unsigned)(last + 1) % n;
    *v = sve_elem(&cpu->z[A64_RN(insn)], esz, idx);
    return true;
}

/* CLASTA, CLASTB (vectors): broadcast the element to Zdn. */
static int trans_CLAST_z(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn);
    uint64_t v;
    cpu_zreg r;

    if (!sve_clast_value(cpu, insn, &v))
        return A64_NEXT;  /* no active element: Zdn unchanged */
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++)
        sve_set_elem(&r, esz, i, v);
    sve_put_z(cpu, A64_RD(insn), &r);
    return A64_NEXT;
}

/* CLASTA, CLASTB (SIMD&FP scalar): the rest of Zd is zeroed either way. */
static int trans_CLAST_v(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), d = A64_RD(insn);
    uint64_t v;

    if (!sve_clast_value(cpu, insn, &v))
        v = cpu->z[d].d[0] & sve_esz_mask(esz);
    memset(cpu->z[d].b, 0, CPU_ZREG_BYTES);
    memcpy(cpu->z[d].b, &v, 1u << esz);
    return A64_NEXT;
}

/* CLASTA, CLASTB (general register): with no active element Rdn is
 * zero-extended from the element size. */
static int trans_CLAST_r(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), d = A64_RD(insn);
    uint64_t v;

    if (!sve_clast_value(cpu, insn, &v))
        v = a64_x(cpu, d) & sve_esz_mask(esz);
    a64_set_x(cpu, d, v);
    return A64_NEXT;
}

/* REVB, REVH, REVW (reverse bytes/halves/words within each element), RBIT */
static int trans_REV_elem(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), opc = a64_bits(insn, 16, 2);
    unsigned pg = SVE_PG3(insn), d = A64_RD(insn);
    const cpu_zreg *src = &cpu->z[A64_RN(insn)];
    cpu_zreg r;

    if (opc < 3 && esz <= opc)
        return a64_undef(cpu, insn);
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        uint64_t e = sve_elem(src, esz, i), v = 0;
        if (!sve_active(cpu, pg, esz, i)) {
            sve_set_elem(&r, esz, i, sve_elem(&cpu->z[d], esz, i));
            continue;
        }
        unsigned bits = 8u << esz;
        if (opc == 3) {
            for (unsigned b = 0; b < bits; b++)
                v |= ((e >> b) & 1) << (bits - 1 - b);
        } else {
            unsigned unit = 8u << opc, count = bits / unit;
            uint64_t umask = (1ull << unit) - 1;
            for (unsigned k = 0; k < count; k++)
                v |= ((e >> (k * unit)) & umask) << ((count - 1 - k) * unit);
        }
        sve_set_elem(&r, esz, i, v);
    }
    sve_put_z(cpu, d, &r);
    return A64_NEXT;
}

const struct a64_pattern sve_perm_patterns[] = {
    A64_PATTERN(INSR, "00000101 ss 1 v0100 001110 nnnnn ddddd"),
    A64_PATTERN(REV_z, "00000101 ss 111000 001110 nnnnn ddddd"),
    A64_PATTERN(UNPK, "00000101 ss 1100 uh 001110 nnnnn ddddd"),
    A64_PATTERN(TBL, "00000101 ss 1 mmmmm 001100 nnnnn ddddd"),
    A64_PATTERN(EXT, "00000101 001 iiiii 000 iii nnnnn ddddd"),
    A64_PATTERN(PERM_z, "00000101 ss 1 mmmmm 011 ooo nnnnn ddddd"),
    A64_PATTERN(PERM_p, "00000101 ss 10 mmmm 010 ooo 0 nnnn 0 dddd"),
    A64_PATTERN(REV_p, "00000101 ss 110100 010000 0 nnnn 0 dddd"),
    A64_PATTERN(PUNPK, "00000101 00 11000 h 010000 0 nnnn 0 dddd"),
    A64_PATTERN(COMPACT, "00000101 ss 100001 100 ggg nnnnn ddddd"),
    A64_PATTERN(SPLICE, "00000101 ss 101100 100 ggg nnnnn ddddd"),
    A64_PATTERN(LAST_r, "00000101 ss 10000 b 101 ggg nnnnn ddddd"),
    A64_PATTERN(LAST_v, "00000101 ss 10001 b 100 ggg nnnnn ddddd"),
    A64_PATTERN(CLAST_z, "00000101 ss 10100 b 100 ggg nnnnn ddddd"),
    A64_PATTERN(CLAST_v, "00000101 ss 10101 b 100 ggg nnnnn ddddd"),
    A64_PATTERN(CLAST_r, "00000101 ss 11000 b 101 ggg nnnnn ddddd"),
    A64_PATTERN(REV_elem, "00000101 ss 1001 oo 100 ggg nnnnn ddddd"),
    A64_PATTERN_END,
};
