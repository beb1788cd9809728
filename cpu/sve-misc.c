/* SVE miscellany: INDEX, element counts (CNT*, INC*, DEC* and their
 * saturating forms), ADDVL/ADDPL/RDVL, DUP/DUPM/FDUP, CPY/FCPY, SEL,
 * MOVPRFX, the bitwise immediates (AND/ORR/EOR) and ADR. */
#include "cpu/sve.h"

/* INDEX Zd, base, step in its four operand forms (imm/reg for each). */
static int trans_INDEX(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), form = a64_bits(insn, 10, 2);
    uint64_t base = (form & 1) ? a64_x(cpu, A64_RN(insn))
                               : (uint64_t)a64_sbits(insn, 5, 5);
    uint64_t step = (form & 2) ? a64_x(cpu, A64_RM(insn))
                               : (uint64_t)a64_sbits(insn, 16, 5);
    cpu_zreg r;

    for (unsigned i = 0; i < sve_elems(cpu, esz); i++)
        sve_set_elem(&r, esz, i, base + step * i);
    sve_put_z(cpu, A64_RD(insn), &r);
    return A64_NEXT;
}

static int trans_ADDVL(struct cpu_state *cpu, uint32_t insn)
{
    int64_t imm = a64_sbits(insn, 5, 6);
    uint64_t unit = a64_bits(insn, 22, 1) ? sve_pl(cpu) : sve_vl(cpu);
    a64_set_x_sp(cpu, A64_RD(insn),
                 a64_x_sp(cpu, A64_RM(insn)) + (uint64_t)imm * unit);
    return A64_NEXT;
}

static int trans_RDVL(struct cpu_state *cpu, uint32_t insn)
{
    a64_set_x(cpu, A64_RD(insn),
              (uint64_t)a64_sbits(insn, 5, 6) * sve_vl(cpu));
    return A64_NEXT;
}

static uint64_t sve_count_times(const struct cpu_state *cpu, uint32_t insn)
{
    return (uint64_t)sve_pattern_count(cpu, a64_bits(insn, 5, 5),
                                       SVE_SIZE(insn)) *
           (a64_bits(insn, 16, 4) + 1);
}

/* CNTB, CNTH, CNTW, CNTD */
static int trans_CNT_x(struct cpu_state *cpu, uint32_t insn)
{
    a64_set_x(cpu, A64_RD(insn), sve_count_times(cpu, insn));
    return A64_NEXT;
}

/* INC[BHWD], DEC[BHWD] (scalar) */
static int trans_INC_x(struct cpu_state *cpu, uint32_t insn)
{
    uint64_t c = sve_count_times(cpu, insn), x = a64_x(cpu, A64_RD(insn));
    a64_set_x(cpu, A64_RD(insn), a64_bits(insn, 10, 1) ? x - c : x + c);
    return A64_NEXT;
}

/* INC[HWD], DEC[HWD] (vector) */
static int trans_INC_z(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), d = A64_RD(insn);
    uint64_t c = sve_count_times(cpu, insn);
    cpu_zreg r;

    if (esz == 0)
        return a64_undef(cpu, insn);
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        uint64_t e = sve_elem(&cpu->z[d], esz, i);
        sve_set_elem(&r, esz, i, a64_bits(insn, 10, 1) ? e - c : e + c);
    }
    sve_put_z(cpu, d, &r);
    return A64_NEXT;
}

/* SQINC, UQINC, SQDEC, UQDEC [BHWD] (scalar; bit 20 selects 64-bit) */
static int trans_SQINC_x(struct cpu_state *cpu, uint32_t insn)
{
    int64_t c = (int64_t)sve_count_times(cpu, insn);
    bool dec = a64_bits(insn, 11, 1), is_unsigned = a64_bits(insn, 10, 1);
    a64_set_x(cpu, A64_RD(insn),
              sve_sat_add_scalar(a64_x(cpu, A64_RD(insn)), dec ? -c : c,
                                 is_unsigned, a64_bits(insn, 20, 1)));
    return A64_NEXT;
}

/* SQINC, UQINC, SQDEC, UQDEC [HWD] (vector) */
static int trans_SQINC_z(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), d = A64_RD(insn);
    int64_t c = (int64_t)sve_count_times(cpu, insn);
    bool dec = a64_bits(insn, 11, 1), is_unsigned = a64_bits(insn, 10, 1);
    cpu_zreg r;

    if (esz == 0)
        return a64_undef(cpu, insn);
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        uint64_t e = sve_elem(&cpu->z[d], esz, i);
        __int128 v = is_unsigned ? (__int128)e : (__int128)sve_sext(e, esz);
        sve_set_elem(&r, esz, i, sve_sat(v + (dec ? -c : c), esz, is_unsigned));
    }
    sve_put_z(cpu, d, &r);
    return A64_NEXT;
}

static void sve_splat(struct cpu_state *cpu, unsigned d, unsigned esz,
                      uint64_t v)
{
    cpu_zreg r;
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++)
        sve_set_elem(&r, esz, i, v);
    sve_put_z(cpu, d, &r);
}

/* DUP Zd, Rn|SP */
static int trans_DUP_r(struct cpu_state *cpu, uint32_t insn)
{
    sve_splat(cpu, A64_RD(insn), SVE_SIZE(insn),
              a64_x_sp(cpu, A64_RN(insn)));
    return A64_NEXT;
}

/* DUP Zd, #imm{, LSL #8} */
static int trans_DUP_i(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn);
    bool sh = a64_bits(insn, 13, 1);
    if (esz == 0 && sh)
        return a64_undef(cpu, insn);
    sve_splat(cpu, A64_RD(insn), esz,
              (uint64_t)a64_sbits(insn, 5, 8) << (sh ? 8 : 0));
    return A64_NEXT;
}

static uint64_t sve_fp_imm(unsigned esz, uint8_t imm8)
{
    switch (esz) {
    case 1: return fpu16_expand_imm(imm8);
    case 2: return fpu32_expand_imm(imm8);
    default: return fpu64_expand_imm(imm8);
    }
}

static int trans_FDUP(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn);
    if (esz == 0)
        return a64_undef(cpu, insn);
    sve_splat(cpu, A64_RD(insn), esz,
              sve_fp_imm(esz, (uint8_t)a64_bits(insn, 5, 8)));
    return A64_NEXT;
}

/* DUP Zd, Zn[imm]: the element size is the lowest set bit of tsz (tsz =
 * 10000 is a 128-bit element); an index beyond the vector gives zero. */
static int trans_DUP_idx(struct cpu_state *cpu, uint32_t insn)
{
    unsigned tsz = a64_bits(insn, 16, 5), imm2 = a64_bits(insn, 22, 2);
    unsigned imm = imm2 << 5 | tsz;
    const cpu_zreg *n = &cpu->z[A64_RN(insn)];
    cpu_zreg r;

    if (tsz == 0)
        return a64_undef(cpu, insn);
    unsigned esz = (unsigned)__builtin_ctz(tsz);  /* 0..4 */
    unsigned bytes = 1u << esz, idx = imm >> (esz + 1);
    uint8_t elem[16] = { 0 };
    if ((idx + 1) * bytes <= sve_vl(cpu))
        memcpy(elem, n->b + idx * bytes, bytes);
    for (unsigned i = 0; i < sve_vl(cpu); i += bytes)
        memcpy(r.b + i, elem, bytes);
    sve_put_z(cpu, A64_RD(insn), &r);
    return A64_NEXT;
}

/* DecodeBitMasks' wmask for the SVE logical immediates (64-bit). */
static bool sve_decode_bitmask(unsigned n, unsigned imms, unsigned immr,
                               uint64_t *out)
{
    unsigned combined = n << 6 | (~imms & 0x3f);
    if (combined == 0)
        return false;
    unsigned len = 31 - (unsigned)__builtin_clz(combined);
    if (len < 1)
        return false;
    unsigned esize = 1u << len, levels = esize - 1;
    unsigned s = imms & levels, r = immr & levels;
    if (s == levels)
        return false;
    uint64_t welem = (s + 1 == 64) ? UINT64_MAX : (1ull << (s + 1)) - 1;
    uint64_t emask = esize == 64 ? UINT64_MAX : (1ull << esize) - 1;
    if (r)
        welem = ((welem >> r) | (welem << (esize - r))) & emask;
    uint64_t v = 0;
    for (unsigned i = 0; i < 64; i += esize)
        v |= welem << i;
    *out = v;
    return true;
}

/* ORR, EOR, AND (immediate) and DUPM: the immediate is replicated in 64
 * bits, so the same 64-bit pattern applies to every element size. */
static int trans_logical_imm(struct cpu_state *cpu, uint32_t insn)
{
    unsigned opc = a64_bits(insn, 22, 2), d = A64_RD(insn);
    uint64_t imm;
    cpu_zreg r;

    if (!sve_decode_bitmask(a64_bits(insn, 17, 1), a64_bits(insn, 5, 6),
                            a64_bits(insn, 11, 6), &imm))
        return a64_undef(cpu, insn);
    for (unsigned i = 0; i < sve_elems(cpu, 3); i++) {
        uint64_t e = cpu->z[d].d[i];
        switch (opc) {
        case 0: e |= imm; break;
        case 1: e ^= imm; break;
        case 2: e &= imm; break;
        default: e = imm; break;
        }
        r.d[i] = e;
    }
    sve_put_z(cpu, d, &r);
    return A64_NEXT;
}

/* Write v to the active elements of Zd; inactive ones are kept (merge) or
 * zeroed. */
static void sve_cpy(struct cpu_state *cpu, unsigned d, unsigned pg,
                    unsigned esz, uint64_t v, bool merge)
{
    cpu_zreg r;
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        uint64_t e = sve_active(cpu, pg, esz, i) ? v
                     : merge ? sve_elem(&cpu->z[d], esz, i) : 0;
        sve_set_elem(&r, esz, i, e);
    }
    sve_put_z(cpu, d, &r);
}

/* CPY Zd, Pg/Z|M, #imm{, LSL #8} */
static int trans_CPY_i(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn);
    bool sh = a64_bits(insn, 13, 1);
    if (esz == 0 && sh)
        return a64_undef(cpu, insn);
    sve_cpy(cpu, A64_RD(insn), a64_bits(insn, 16, 4), esz,
            (uint64_t)a64_sbits(insn, 5, 8) << (sh ? 8 : 0),
            a64_bits(insn, 14, 1));
    return A64_NEXT;
}

static int trans_FCPY(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn);
    if (esz == 0)
        return a64_undef(cpu, insn);
    sve_cpy(cpu, A64_RD(insn), a64_bits(insn, 16, 4), esz,
            sve_fp_imm(esz, (uint8_t)a64_bits(insn, 5, 8)), true);
    return A64_NEXT;
}

/* CPY Zd, Pg/M, Rn|SP */
static int trans_CPY_r(struct cpu_state *cpu, uint32_t insn)
{
    sve_cpy(cpu, A64_RD(insn), SVE_PG3(insn), SVE_SIZE(insn),
            a64_x_sp(cpu, A64_RN(insn)), true);
    return A64_NEXT;
}

/* CPY Zd, Pg/M, Vn */
static int trans_CPY_v(struct cpu_state *cpu, uint32_t insn)
{
    sve_cpy(cpu, A64_RD(insn), SVE_PG3(insn), SVE_SIZE(insn),
            cpu->z[A64_RN(insn)].d[0], true);
    return A64_NEXT;
}

static int trans_SEL(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), pg = a64_bits(insn, 10, 4);
    const cpu_zreg *n = &cpu->z[A64_RN(insn)], *m = &cpu->z[A64_RM(insn)];
    cpu_zreg r;

    for (unsigned i = 0; i < sve_elems(cpu, esz); i++)
        sve_set_elem(&r, esz, i, sve_active(cpu, pg, esz, i)
                                 ? sve_elem(n, esz, i) : sve_elem(m, esz, i));
    sve_put_z(cpu, A64_RD(insn), &r);
    return A64_NEXT;
}

/* MOVPRFX (unpredicated): a plain vector move. */
static int trans_MOVPRFX(struct cpu_state *cpu, uint32_t insn)
{
    cpu_zreg r;
    memcpy(r.b, cpu->z[A64_RN(insn)].b, sizeof r.b);
    sve_put_z(cpu, A64_RD(insn), &r);
    return A64_NEXT;
}

/* MOVPRFX (predicated, zeroing or merging) */
static int trans_MOVPRFX_p(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), d = A64_RD(insn), pg = SVE_PG3(insn);
    bool merge = a64_bits(insn, 16, 1);
    const cpu_zreg *n = &cpu->z[A64_RN(insn)];
    cpu_zreg r;

    for (unsigned i = 0; i < sve_elems(cpu, esz); i++)
        sve_set_elem(&r, esz, i, sve_active(cpu, pg, esz, i)
                                 ? sve_elem(n, esz, i)
                                 : merge ? sve_elem(&cpu->z[d], esz, i) : 0);
    sve_put_z(cpu, d, &r);
    return A64_NEXT;
}

/* ADR Zd, [Zn, Zm{, mod #amount}]: opc 0 = D with SXTW offsets, 1 = D
 * with UXTW, 2 = S, 3 = D. */
static int trans_ADR(struct cpu_state *cpu, uint32_t insn)
{
    unsigned opc = a64_bits(insn, 22, 2), sh = a64_bits(insn, 10, 2);
    unsigned esz = opc == 2 ? 2 : 3;
    const cpu_zreg *n = &cpu->z[A64_RN(insn)], *m = &cpu->z[A64_RM(insn)];
    cpu_zreg r;

    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        uint64_t off = sve_elem(m, esz, i);
        if (opc == 0)
            off = (uint64_t)(int64_t)(int32_t)off;
        else if (opc == 1)
            off = (uint32_t)off;
        sve_set_elem(&r, esz, i, sve_elem(n, esz, i) + (off << sh));
    }
    sve_put_z(cpu, A64_RD(insn), &r);
    return A64_NEXT;
}

const struct a64_pattern sve_misc_patterns[] = {
    A64_PATTERN(INDEX, "00000100 ss 1 mmmmm 0100 ff nnnnn ddddd"),
    A64_PATTERN(ADDVL, "00000100 0p 1 nnnnn 01010 iiiiii ddddd"),
    A64_PATTERN(RDVL, "00000100 10 1 11111 01010 iiiiii ddddd"),
    A64_PATTERN(CNT_x, "00000100 ss 10 iiii 111000 ppppp ddddd"),
    A64_PATTERN(INC_x, "00000100 ss 11 iiii 11100 o ppppp ddddd"),
    A64_PATTERN(INC_z, "00000100 ss 11 iiii 11000 o ppppp ddddd"),
    A64_PATTERN(SQINC_x, "00000100 ss 1f iiii 1111 ou ppppp ddddd"),
    A64_PATTERN(SQINC_z, "00000100 ss 10 iiii 1100 ou ppppp ddddd"),
    A64_PATTERN(DUP_r, "00000101 ss 100000 001110 nnnnn ddddd"),
    A64_PATTERN(DUP_i, "00100101 ss 111000 11 h iiiiiiii ddddd"),
    A64_PATTERN(FDUP, "00100101 ss 111001 110 iiiiiiii ddddd"),
    A64_PATTERN(DUP_idx, "00000101 ii 1 ttttt 001000 nnnnn ddddd"),
    A64_PATTERN(logical_imm, "00000101 oo 0000 niiiiiiiiiiii ddddd"),
    A64_PATTERN(CPY_i, "00000101 ss 01 gggg 0 mh iiiiiiii ddddd"),
    A64_PATTERN(FCPY, "00000101 ss 01 gggg 110 iiiiiiii ddddd"),
    A64_PATTERN(CPY_r, "00000101 ss 101000 101 ggg nnnnn ddddd"),
    A64_PATTERN(CPY_v, "00000101 ss 100000 100 ggg nnnnn ddddd"),
    A64_PATTERN(SEL, "00000101 ss 1 mmmmm 11 gggg nnnnn ddddd"),
    A64_PATTERN(MOVPRFX, "00000100 00 100000 101111 nnnnn ddddd"),
    A64_PATTERN(MOVPRFX_p, "00000100 ss 01000 m 001 ggg nnnnn ddddd"),
    A64_PATTERN(ADR, "00000100 oo 1 mmmmm 1010 hh nnnnn ddddd"),
    A64_PATTERN_END,
};
