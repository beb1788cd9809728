/* difftest templates: SVE loads and stores. Every fixup aims the access
 * at the scratch page from the case's vector length: base registers,
 * index registers and, for gathers and scatters, the address or offset
 * vectors. One time in eight (dt_sve_aim_base, wild_element) the access
 * runs into the unmapped guard pages, so that faults, first-fault and
 * non-fault loads are exercised too. */
#include <string.h>

#include "gen.h"

static unsigned vl_of(const struct dt_gen *g)
{
    return g->c->sve.vl;
}

/* The memory and element sizes (log2 bytes) of a contiguous load's dtype
 * (LD1*, LDFF1*, LDNF1*, LD1R*): the unsigned forms have msz <= esz,
 * the others are the sign-extending ones. */
static void load_dtype(unsigned dtype, unsigned *msz, unsigned *esz)
{
    unsigned hi = dtype >> 2, lo = dtype & 3;
    if (hi <= lo) {
        *msz = hi;
        *esz = lo;
    } else {
        *msz = 3 - hi;
        *esz = 3 - lo;
    }
}

static int64_t sext(uint32_t v, unsigned bits)
{
    return (int64_t)((uint64_t)v << (64 - bits)) >> (64 - bits);
}

/* An index register Xm for the scalar-plus-scalar forms: a small element
 * index (Xm == Xn cannot be both). Returns false for that clash. */
static bool pick_index(struct dt_gen *g, unsigned m, unsigned n,
                       unsigned elems, int64_t *index)
{
    if (m == 31) {
        *index = 0;
        return true;
    }
    if (m == n)
        return false;
    *index = (int64_t)dt_rng_below(g->rng, elems + 1);
    g->c->regs.x[m] = (uint64_t)*index;
    return true;
}

/* LD1*, LDNF1* (scalar plus immediate): imm4 vectors' worth of memory. */
static bool fix_ld1_si(struct dt_gen *g, uint32_t *insn)
{
    unsigned msz, esz;
    load_dtype(dt_field(*insn, 21, 4), &msz, &esz);
    unsigned size = (vl_of(g) >> esz) << msz;
    int64_t imm = sext(dt_field(*insn, 16, 4), 4);
    dt_sve_aim_base(g, dt_field(*insn, 5, 5), imm * size, size, 1);
    return true;
}

/* LD1*, LDFF1* (scalar plus scalar) */
static bool fix_ld1_ss(struct dt_gen *g, uint32_t *insn)
{
    unsigned msz, esz, n = dt_field(*insn, 5, 5);
    load_dtype(dt_field(*insn, 21, 4), &msz, &esz);
    unsigned elems = vl_of(g) >> esz;
    int64_t index;
    if (!pick_index(g, dt_field(*insn, 16, 5), n, elems, &index))
        return false;
    dt_sve_aim_base(g, n, index << msz, elems << msz, 1);
    return true;
}

/* LD1R* (one element, replicated) */
static bool fix_ld1r(struct dt_gen *g, uint32_t *insn)
{
    unsigned msz, esz;
    load_dtype(dt_field(*insn, 23, 2) << 2 | dt_field(*insn, 13, 2), &msz,
               &esz);
    dt_sve_aim_base(g, dt_field(*insn, 5, 5),
                    (int64_t)dt_field(*insn, 16, 6) << msz, 1u << msz, 1);
    return true;
}

/* LD1RQ* / LD1RO* (scalar plus immediate): 16 or 32 bytes. */
static bool fix_ld1rq_si(struct dt_gen *g, uint32_t *insn)
{
    unsigned bytes = dt_field(*insn, 21, 1) ? 32 : 16;
    dt_sve_aim_base(g, dt_field(*insn, 5, 5),
                    sext(dt_field(*insn, 16, 4), 4) * bytes, bytes, 1);
    return true;
}

static bool fix_ld1rq_ss(struct dt_gen *g, uint32_t *insn)
{
    unsigned bytes = dt_field(*insn, 21, 1) ? 32 : 16;
    unsigned msz = dt_field(*insn, 23, 2), n = dt_field(*insn, 5, 5);
    int64_t index;
    if (!pick_index(g, dt_field(*insn, 16, 5), n, bytes >> msz, &index))
        return false;
    dt_sve_aim_base(g, n, index << msz, bytes, 1);
    return true;
}

/* LDn*, LDNT1* / STn*, STNT1* (scalar plus immediate): nn + 1 vectors
 * (LDNT1/STNT1 for nn 0), the immediate counts that many vectors. */
static bool fix_ldn_si(struct dt_gen *g, uint32_t *insn)
{
    unsigned nregs = dt_field(*insn, 21, 2) + 1;
    unsigned size = nregs * vl_of(g);
    dt_sve_aim_base(g, dt_field(*insn, 5, 5),
                    sext(dt_field(*insn, 16, 4), 4) * size, size, 1);
    return true;
}

static bool fix_ldn_ss(struct dt_gen *g, uint32_t *insn)
{
    unsigned nregs = dt_field(*insn, 21, 2) + 1, n = dt_field(*insn, 5, 5);
    unsigned msz = dt_field(*insn, 23, 2);
    int64_t index;
    if (!pick_index(g, dt_field(*insn, 16, 5), n, vl_of(g) >> msz, &index))
        return false;
    dt_sve_aim_base(g, n, index << msz, nregs * vl_of(g), 1);
    return true;
}

/* ST1* (scalar plus immediate, scalar plus scalar): msz in 24:23, the
 * element size in 22:21. */
static bool fix_st1_si(struct dt_gen *g, uint32_t *insn)
{
    unsigned msz = dt_field(*insn, 23, 2), esz = dt_field(*insn, 21, 2);
    unsigned size = (vl_of(g) >> esz) << msz;
    dt_sve_aim_base(g, dt_field(*insn, 5, 5),
                    sext(dt_field(*insn, 16, 4), 4) * size, size, 1);
    return true;
}

static bool fix_st1_ss(struct dt_gen *g, uint32_t *insn)
{
    unsigned msz = dt_field(*insn, 23, 2), esz = dt_field(*insn, 21, 2);
    unsigned n = dt_field(*insn, 5, 5), elems = vl_of(g) >> esz;
    int64_t index;
    if (!pick_index(g, dt_field(*insn, 16, 5), n, elems, &index))
        return false;
    dt_sve_aim_base(g, n, index << msz, elems << msz, 1);
    return true;
}

/* LDR/STR (vector, predicate): imm9 vectors (or predicates). */
static bool fix_ldr_z(struct dt_gen *g, uint32_t *insn)
{
    int64_t imm = sext(dt_field(*insn, 16, 6) << 3 | dt_field(*insn, 10, 3), 9);
    unsigned size = vl_of(g);
    dt_sve_aim_base(g, dt_field(*insn, 5, 5), imm * size, size, 1);
    return true;
}

static bool fix_ldr_p(struct dt_gen *g, uint32_t *insn)
{
    int64_t imm = sext(dt_field(*insn, 16, 6) << 3 | dt_field(*insn, 10, 3), 9);
    unsigned size = vl_of(g) / 8;
    dt_sve_aim_base(g, dt_field(*insn, 5, 5), imm * size, size, 1);
    return true;
}

/* Gathers and scatters. Element I of the access goes to an address of
 * the scratch page; one time in eight one element goes wild (into a
 * guard page). */
static uint64_t element_address(struct dt_gen *g, unsigned msz, bool wild)
{
    if (wild)
        return dt_rng_one_in(g->rng, 2)
               ? DT_SCRATCH_ADDR + DT_MEM_SIZE + dt_rng_below(g->rng, 64)
               : DT_SCRATCH_ADDR - 1 - dt_rng_below(g->rng, 64);
    uint64_t a = DT_SCRATCH_ADDR + dt_rng_below(g->rng, DT_MEM_SIZE - 8);
    if (!dt_rng_one_in(g->rng, 4))
        a &= ~(uint64_t)((1u << msz) - 1);
    return a;
}

static void set_zelem(struct dt_gen *g, unsigned z, unsigned esz, unsigned i,
                      uint64_t v)
{
    memcpy(g->c->sve.z[z] + (i << esz), &v, 1u << esz);
    if ((i << esz) < 16)
        memcpy(g->c->regs.v[z] + (i << esz), &v, 1u << esz);
}

static void set_base(struct dt_gen *g, unsigned n, uint64_t v)
{
    if (n == 31)
        g->c->regs.sp = v;
    else
        g->c->regs.x[n] = v;
}

/* Vector plus immediate: Zn holds the addresses (esz 2: 32 bits). */
static bool aim_vector_base(struct dt_gen *g, uint32_t insn, unsigned esz)
{
    unsigned msz = dt_field(insn, 23, 2), zn = dt_field(insn, 5, 5);
    uint64_t imm = (uint64_t)dt_field(insn, 16, 5) << msz;
    unsigned elems = vl_of(g) >> esz;
    unsigned wild = dt_rng_one_in(g->rng, 8)
                    ? (unsigned)dt_rng_below(g->rng, elems) : elems;
    for (unsigned i = 0; i < elems; i++)
        set_zelem(g, zn, esz, i, element_address(g, msz, i == wild) - imm);
    return true;
}

/* Scalar plus vector: Xn a base, Zm offsets (esz 2: 32-bit offsets,
 * sign- or zero-extended per XS; esz 3 with off32: the low 32 bits of
 * each 64-bit element), scaled by the memory size if SCALED. */
static bool aim_vector_offsets(struct dt_gen *g, uint32_t insn, unsigned esz,
                               bool off32, bool is_signed, bool scaled)
{
    unsigned msz = dt_field(insn, 23, 2), zm = dt_field(insn, 16, 5);
    unsigned n = dt_field(insn, 5, 5), shift = scaled ? msz : 0;
    unsigned elems = vl_of(g) >> esz;
    unsigned wild = dt_rng_one_in(g->rng, 8)
                    ? (unsigned)dt_rng_below(g->rng, elems) : elems;
    /* Unsigned offsets count up from the bottom of the page; the others
     * from its middle either way. */
    uint64_t base = DT_SCRATCH_ADDR + (off32 && !is_signed ? 0 : 2048);
    base -= dt_rng_below(g->rng, 64) * 16;
    set_base(g, n, base);
    for (unsigned i = 0; i < elems; i++) {
        uint64_t a = element_address(g, msz, i == wild);
        if (a < base && off32 && !is_signed)
            a = base + (base - a);          /* keep the offset positive */
        int64_t off = ((int64_t)(a - base)) >> shift;
        uint64_t v = (uint64_t)off;
        if (off32) {
            v &= 0xffffffffu;
            if (esz == 3)               /* the high half is ignored */
                v |= dt_rng_next(g->rng) & 0xffffffff00000000ull;
        }
        set_zelem(g, zm, esz, i, v);
    }
    return true;
}

/* 1000010 msz xs scaled Zm 0 U ff Pg Rn Zt: 32-bit elements, 32-bit
 * offsets; bits 22:21 = 01 is the vector plus immediate form. */
static bool fix_g32_vo(struct dt_gen *g, uint32_t *insn)
{
    return aim_vector_offsets(g, *insn, 2, true, dt_field(*insn, 22, 1),
                              dt_field(*insn, 21, 1));
}

static bool fix_g32_vi(struct dt_gen *g, uint32_t *insn)
{
    return aim_vector_base(g, *insn, 2);
}

static bool fix_g64_vi(struct dt_gen *g, uint32_t *insn)
{
    return aim_vector_base(g, *insn, 3);
}

/* 64-bit elements, 32-bit unpacked offsets (xs in bit 22, scaled 21). */
static bool fix_g64_vo32(struct dt_gen *g, uint32_t *insn)
{
    return aim_vector_offsets(g, *insn, 3, true, dt_field(*insn, 22, 1),
                              dt_field(*insn, 21, 1));
}

/* 64-bit elements, 64-bit offsets (scaled in bit 21). */
static bool fix_g64_vo64(struct dt_gen *g, uint32_t *insn)
{
    return aim_vector_offsets(g, *insn, 3, false, true,
                              dt_field(*insn, 21, 1));
}

/* Scatters: xs is bit 14, scaled bit 21. */
static bool fix_s32_vo(struct dt_gen *g, uint32_t *insn)
{
    return aim_vector_offsets(g, *insn, 2, true, dt_field(*insn, 14, 1),
                              dt_field(*insn, 21, 1));
}

static bool fix_s64_vo32(struct dt_gen *g, uint32_t *insn)
{
    return aim_vector_offsets(g, *insn, 3, true, dt_field(*insn, 14, 1),
                              dt_field(*insn, 21, 1));
}

const struct dt_template dt_sve_ldst_templates[] = {
    { "LD1* (scalar plus immediate)", "1010010 dddd 0 iiii 101 ggg nnnnn ttttt",
      NULL, fix_ld1_si },
    { "LDNF1* (scalar plus immediate)",
      "1010010 dddd 1 iiii 101 ggg nnnnn ttttt", NULL, fix_ld1_si },
    { "LD1* (scalar plus scalar)", "1010010 dddd mmmmm 010 ggg nnnnn ttttt",
      NULL, fix_ld1_ss },
    { "LDFF1* (scalar plus scalar)", "1010010 dddd mmmmm 011 ggg nnnnn ttttt",
      NULL, fix_ld1_ss },
    { "LD1R*", "1000010 dd 1 iiiiii 1 ee ggg nnnnn ttttt", NULL, fix_ld1r },
    /* (LD1RO*, bit 21 set, is FEAT_F64MM, which backstep does not
     * implement.) */
    { "LD1RQ* (scalar plus immediate)",
      "1010010 ss 0 0 0 iiii 001 ggg nnnnn ttttt", NULL, fix_ld1rq_si },
    { "LD1RQ* (scalar plus scalar)",
      "1010010 ss 0 0 mmmmm 000 ggg nnnnn ttttt", NULL, fix_ld1rq_ss },
    { "LD2..LD4, LDNT1 (scalar plus immediate)",
      "1010010 ss nn 0 iiii 111 ggg nnnnn ttttt", NULL, fix_ldn_si },
    { "LD2..LD4, LDNT1 (scalar plus scalar)",
      "1010010 ss nn mmmmm 110 ggg nnnnn ttttt", NULL, fix_ldn_ss },
    { "ST1* (scalar plus immediate)", "1110010 ss ee 0 iiii 111 ggg nnnnn ttttt",
      NULL, fix_st1_si },
    { "ST1* (scalar plus scalar)", "1110010 ss ee mmmmm 010 ggg nnnnn ttttt",
      NULL, fix_st1_ss },
    { "ST2..ST4, STNT1 (scalar plus immediate)",
      "1110010 ss nn 1 iiii 111 ggg nnnnn ttttt", NULL, fix_ldn_si },
    { "ST2..ST4, STNT1 (scalar plus scalar)",
      "1110010 ss nn mmmmm 011 ggg nnnnn ttttt", NULL, fix_ldn_ss },
    { "LDR (vector)", "10000101 10 iiiiii 010 jjj nnnnn ttttt", NULL,
      fix_ldr_z },
    { "LDR (predicate)", "10000101 10 iiiiii 000 jjj nnnnn 0 tttt", NULL,
      fix_ldr_p },
    { "STR (vector)", "11100101 10 iiiiii 010 jjj nnnnn ttttt", NULL,
      fix_ldr_z },
    { "STR (predicate)", "11100101 10 iiiiii 000 jjj nnnnn 0 tttt", NULL,
      fix_ldr_p },
    { "PRFB..PRFD (scalar plus immediate)",
      "10000101 11 iiiiii 0 ss ggg nnnnn 0 oooo" },
    { "gather, 32-bit elements (scalar plus 32-bit offsets)",
      "1000010 mm x s zzzzz 0 u f ggg nnnnn ttttt", NULL, fix_g32_vo },
    { "gather, 32-bit elements (vector plus immediate)",
      "1000010 mm 01 iiiii 1 u f ggg nnnnn ttttt", NULL, fix_g32_vi },
    { "gather, 64-bit elements (vector plus immediate)",
      "1100010 mm 01 iiiii 1 u f ggg nnnnn ttttt", NULL, fix_g64_vi },
    { "gather, 64-bit elements (scalar plus 32-bit unpacked offsets)",
      "1100010 mm x s zzzzz 0 u f ggg nnnnn ttttt", NULL, fix_g64_vo32 },
    { "gather, 64-bit elements (scalar plus 64-bit offsets)",
      "1100010 mm 1 s zzzzz 1 u f ggg nnnnn ttttt", NULL, fix_g64_vo64 },
    { "scatter, 32-bit elements (scalar plus 32-bit offsets)",
      "1110010 mm 1 s zzzzz 1 x 0 ggg nnnnn ttttt", NULL, fix_s32_vo },
    { "scatter, 64-bit elements (scalar plus 32-bit unpacked offsets)",
      "1110010 mm 0 s zzzzz 1 x 0 ggg nnnnn ttttt", NULL, fix_s64_vo32 },
    { "scatter, 64-bit elements (scalar plus 64-bit offsets)",
      "1110010 mm 0 s zzzzz 101 ggg nnnnn ttttt", NULL, fix_g64_vo64 },
    { "scatter, 64-bit elements (vector plus immediate)",
      "1110010 mm 10 iiiii 101 ggg nnnnn ttttt", NULL, fix_g64_vi },
    { "scatter, 32-bit elements (vector plus immediate)",
      "1110010 mm 11 iiiii 101 ggg nnnnn ttttt", NULL, fix_g32_vi },
    { NULL },
};
