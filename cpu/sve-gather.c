/* SVE gather loads, scatter stores and gather prefetches, in every
 * addressing form: vector plus immediate (32- and 64-bit elements), scalar
 * plus vector with 32-bit offsets (zero- or sign-extended, unscaled or
 * scaled by the memory size; packed in 32-bit elements or unpacked in
 * 64-bit ones) and with 64-bit offsets. LD1* and the first-fault LDFF1*.
 *
 * As for the contiguous forms (sve-ldst.c), a load that faults on an
 * element it must access changes no register; a first-fault load takes
 * the fault only on the first active element and otherwise clears FFR
 * from the failing element on. A scatter that faults part-way may have
 * written the earlier elements. */
#include "cpu/sve.h"

/* How the addresses of one instruction are formed. */
enum sve_offset_kind {
    SVE_OFF_UXTW,   /* 32-bit offset, zero-extended */
    SVE_OFF_SXTW,   /* 32-bit offset, sign-extended */
    SVE_OFF_64,     /* 64-bit offset */
    SVE_VEC_BASE,   /* vector element is the base, plus an immediate */
};

struct sve_gather {
    unsigned esz;           /* element size: 2 (S) or 3 (D) */
    unsigned msz;           /* memory access size */
    bool is_signed;         /* sign-extend the loaded value */
    enum sve_offset_kind kind;
    uint64_t scalar;        /* the base, or the immediate (vector base) */
    unsigned shift;         /* offset scaling */
    unsigned zv;            /* the vector of offsets or bases */
};

static uint64_t sve_gather_addr(const struct cpu_state *cpu,
                                const struct sve_gather *g, unsigned i)
{
    uint64_t v = sve_elem(&cpu->z[g->zv], g->esz, i);
    switch (g->kind) {
    case SVE_OFF_UXTW: v = (uint32_t)v; break;
    case SVE_OFF_SXTW: v = (uint64_t)(int64_t)(int32_t)v; break;
    case SVE_OFF_64: break;
    case SVE_VEC_BASE: return v + g->scalar;
    }
    return g->scalar + (v << g->shift);
}

static int sve_gather_load(struct cpu_state *cpu, const struct sve_gather *g,
                           unsigned zt, unsigned pg, bool first_fault)
{
    cpu_zreg r;
    bool first = true;

    memset(r.b, 0, sizeof r.b);
    for (unsigned i = 0; i < sve_elems(cpu, g->esz); i++) {
        uint64_t v;
        if (!sve_active(cpu, pg, g->esz, i))
            continue;
        int rc = sve_load_elem(cpu, sve_gather_addr(cpu, g, i), g->msz,
                               !first_fault || first, &v);
        if (rc < 0)
            return A64_EXIT;
        if (rc > 0) {
            sve_ffr_clear_from(cpu, g->esz, i);
            break;
        }
        first = false;
        if (g->is_signed)
            v = (uint64_t)sve_sext(v, g->msz);
        sve_set_elem(&r, g->esz, i, v);
    }
    sve_put_z(cpu, zt, &r);
    return A64_NEXT;
}

static int sve_scatter_store(struct cpu_state *cpu, const struct sve_gather *g,
                             unsigned zt, unsigned pg)
{
    /* Read every value first: Zt may also be the offset vector. */
    for (unsigned i = 0; i < sve_elems(cpu, g->esz); i++) {
        if (!sve_active(cpu, pg, g->esz, i))
            continue;
        uint64_t v = sve_elem(&cpu->z[zt], g->esz, i);
        if (cpu_store_uint(cpu, sve_gather_addr(cpu, g, i), 1u << g->msz,
                           v) < 0)
            return A64_EXIT;
    }
    return A64_NEXT;
}

/* The load fields common to every gather: msz (24:23), U (14), ff (13).
 * U = 0 is the sign-extending form, which has no element-sized variant. */
static bool sve_gather_type(uint32_t insn, unsigned esz,
                            struct sve_gather *g)
{
    g->esz = esz;
    g->msz = a64_bits(insn, 23, 2);
    g->is_signed = !a64_bits(insn, 14, 1);
    return g->msz < esz || (g->msz == esz && !g->is_signed);
}

/* Vector plus immediate: Zn's elements plus imm5 (20:16) scaled by the
 * memory size. */
static void sve_gather_vi(uint32_t insn, struct sve_gather *g)
{
    g->kind = SVE_VEC_BASE;
    g->scalar = (uint64_t)a64_bits(insn, 16, 5) << g->msz;
    g->zv = A64_RN(insn);
}

/* Scalar plus vector: Xn|SP plus Zm's offsets, 64-bit or 32-bit ones
 * extended as the xs bit says (bit 22 in the loads, 14 in the stores);
 * bit 21 scales them by the memory size, which bytes cannot be (those
 * load encodings are the prefetches). */
static bool sve_gather_sv(struct cpu_state *cpu, uint32_t insn,
                          struct sve_gather *g, unsigned xs_bit,
                          bool offsets64)
{
    bool scaled = a64_bits(insn, 21, 1);
    if (scaled && g->msz == 0)
        return false;
    g->kind = offsets64 ? SVE_OFF_64
              : a64_bits(insn, xs_bit, 1) ? SVE_OFF_SXTW : SVE_OFF_UXTW;
    g->scalar = a64_x_sp(cpu, A64_RN(insn));
    g->shift = scaled ? g->msz : 0;
    g->zv = A64_RM(insn);
    return true;
}

/* A gather load of esz-sized elements, vector plus immediate (vi) or
 * scalar plus vector: Zt (4:0), Pg (12:10), first-fault ff (13). */
static int sve_gather_load_insn(struct cpu_state *cpu, uint32_t insn,
                                unsigned esz, bool vi, bool offsets64)
{
    struct sve_gather g;
    if (!sve_gather_type(insn, esz, &g))
        return a64_undef(cpu, insn);
    if (vi)
        sve_gather_vi(insn, &g);
    else if (!sve_gather_sv(cpu, insn, &g, 22, offsets64))
        return a64_undef(cpu, insn);
    return sve_gather_load(cpu, &g, A64_RD(insn), SVE_PG3(insn),
                           a64_bits(insn, 13, 1));
}

/* LD1*, LDFF1* Zt.S, Pg/Z, [Zn.S{, #imm}] */
static int trans_LD_g32_vi_vb32(struct cpu_state *cpu, uint32_t insn)
{
    return sve_gather_load_insn(cpu, insn, 2, true, false);
}

/* LD1*, LDFF1* Zt.D, Pg/Z, [Zn.D{, #imm}] */
static int trans_LD_g64_vi_vb(struct cpu_state *cpu, uint32_t insn)
{
    return sve_gather_load_insn(cpu, insn, 3, true, false);
}

/* LD1*, LDFF1* Zt.S, Pg/Z, [Xn|SP, Zm.S, <extend>{ #shift}] */
static int trans_LD_g32_so_vo(struct cpu_state *cpu, uint32_t insn)
{
    return sve_gather_load_insn(cpu, insn, 2, false, false);
}

/* LD1*, LDFF1* Zt.D, Pg/Z, [Xn|SP, Zm.D, <extend>{ #shift}] (unpacked
 * 32-bit offsets) */
static int trans_LD_g64_so32_vo(struct cpu_state *cpu, uint32_t insn)
{
    return sve_gather_load_insn(cpu, insn, 3, false, false);
}

/* LD1*, LDFF1* Zt.D, Pg/Z, [Xn|SP, Zm.D{, LSL #shift}] */
static int trans_LD_g64_so64_vo64(struct cpu_state *cpu, uint32_t insn)
{
    return sve_gather_load_insn(cpu, insn, 3, false, true);
}

/* The store forms: msz (24:23) at most the element size. */
static bool sve_scatter_type(uint32_t insn, unsigned esz,
                             struct sve_gather *g)
{
    g->esz = esz;
    g->msz = a64_bits(insn, 23, 2);
    g->is_signed = false;
    return g->msz <= esz;
}

/* A scatter store of esz-sized elements, as sve_gather_load_insn; the
 * xs bit is 14 here. */
static int sve_scatter_store_insn(struct cpu_state *cpu, uint32_t insn,
                                  unsigned esz, bool vi, bool offsets64)
{
    struct sve_gather g;
    if (!sve_scatter_type(insn, esz, &g))
        return a64_undef(cpu, insn);
    if (vi)
        sve_gather_vi(insn, &g);
    else if (!sve_gather_sv(cpu, insn, &g, 14, offsets64))
        return a64_undef(cpu, insn);
    return sve_scatter_store(cpu, &g, A64_RD(insn), SVE_PG3(insn));
}

/* ST1* Zt.S, Pg, [Xn|SP, Zm.S, <extend>{ #shift}] */
static int trans_ST_s32_so_vo(struct cpu_state *cpu, uint32_t insn)
{
    return sve_scatter_store_insn(cpu, insn, 2, false, false);
}

/* ST1* Zt.D, Pg, [Xn|SP, Zm.D, <extend>{ #shift}] (unpacked 32-bit
 * offsets) */
static int trans_ST_s64_so32_vo(struct cpu_state *cpu, uint32_t insn)
{
    return sve_scatter_store_insn(cpu, insn, 3, false, false);
}

/* ST1* Zt.D, Pg, [Xn|SP, Zm.D{, LSL #shift}] */
static int trans_ST_s64_so64_vo64(struct cpu_state *cpu, uint32_t insn)
{
    return sve_scatter_store_insn(cpu, insn, 3, false, true);
}

/* ST1* Zt.D, Pg, [Zn.D{, #imm}] */
static int trans_ST_s64_vi_vb(struct cpu_state *cpu, uint32_t insn)
{
    return sve_scatter_store_insn(cpu, insn, 3, true, false);
}

/* ST1* Zt.S, Pg, [Zn.S{, #imm}] */
static int trans_ST_s32_vi_vb32(struct cpu_state *cpu, uint32_t insn)
{
    return sve_scatter_store_insn(cpu, insn, 2, true, false);
}

/* PRFB, PRFH, PRFW, PRFD in the gather forms: hints, no access, no
 * fault. */
static int trans_PRF_gather(struct cpu_state *cpu, uint32_t insn)
{
    (void)cpu;
    (void)insn;
    return A64_NEXT;
}

const struct a64_pattern sve_gather_patterns[] = {
    A64_PATTERN(LD_g32_vi_vb32, "1000010 mm 01 iiiii 1 u f ggg nnnnn ttttt"),
    A64_PATTERN(LD_g32_so_vo, "1000010 mm x s mmmmm 0 u f ggg nnnnn ttttt"),
    A64_PATTERN(LD_g64_vi_vb, "1100010 mm 01 iiiii 1 u f ggg nnnnn ttttt"),
    A64_PATTERN(LD_g64_so32_vo, "1100010 mm x s mmmmm 0 u f ggg nnnnn ttttt"),
    A64_PATTERN(LD_g64_so64_vo64, "1100010 mm 1 s mmmmm 1 u f ggg nnnnn ttttt"),
    A64_PATTERN(ST_s32_so_vo, "1110010 mm 1 s mmmmm 1 x 0 ggg nnnnn ttttt"),
    A64_PATTERN(ST_s64_so32_vo, "1110010 mm 0 s mmmmm 1 x 0 ggg nnnnn ttttt"),
    A64_PATTERN(ST_s64_so64_vo64, "1110010 mm 0 s mmmmm 101 ggg nnnnn ttttt"),
    A64_PATTERN(ST_s64_vi_vb, "1110010 mm 10 iiiii 101 ggg nnnnn ttttt"),
    A64_PATTERN(ST_s32_vi_vb32, "1110010 mm 11 iiiii 101 ggg nnnnn ttttt"),
    /* Vector plus immediate (bit 30: 64-bit elements), then scalar plus
     * 32-bit scaled offsets packed, unpacked, and 64-bit scaled. */
    A64_PATTERN(PRF_gather, "1 e 00010 mm 00 iiiii 111 ggg nnnnn 0 oooo"),
    A64_PATTERN(PRF_gather, "1 e 000100 0 x 1 mmmmm 0 mm ggg nnnnn 0 oooo"),
    A64_PATTERN(PRF_gather, "11000100 0 11 mmmmm 1 mm ggg nnnnn 0 oooo"),
    A64_PATTERN_END,
};
