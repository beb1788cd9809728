/* difftest templates: loads and stores. Every fixup points the base
 * register at the scratch page (see dt_aim_base) and rejects the register
 * overlaps the architecture makes CONSTRAINED UNPREDICTABLE. */
#include "gen.h"
#include "values.h"

#define RT(i) dt_field(i, 0, 5)
#define RN(i) dt_field(i, 5, 5)
#define RT2(i) dt_field(i, 10, 5)
#define RS(i) dt_field(i, 16, 5)

/* Access size of the single-register forms (size, V, opc). */
static unsigned ldst_size(uint32_t i)
{
    unsigned size = dt_field(i, 30, 2);
    if (dt_field(i, 26, 1) && size == 0 && (dt_field(i, 23, 1)))
        return 16;
    return 1u << size;
}

/* Writeback to a base register that is also transferred. */
static bool writeback_clash(uint32_t i, unsigned t)
{
    return !dt_field(i, 26, 1) && t == RN(i) && RN(i) != 31;
}

static bool fix_imm9(struct dt_gen *g, uint32_t *insn)
{
    uint32_t i = *insn;
    unsigned mode = dt_field(i, 10, 2);            /* unscaled, post, unpriv, pre */
    int64_t imm9 = (int64_t)(dt_field(i, 12, 9) ^ 0x100) - 0x100;
    if ((mode == 1 || mode == 3) && writeback_clash(i, RT(i)))
        return false;
    dt_aim_base(g, RN(i), mode == 1 ? 0 : imm9, ldst_size(i), 1);
    return true;
}

static bool fix_uimm12(struct dt_gen *g, uint32_t *insn)
{
    uint32_t i = *insn;
    unsigned size = ldst_size(i);
    dt_aim_base(g, RN(i), (int64_t)dt_field(i, 10, 12) * size, size, 1);
    return true;
}

static uint64_t extend_reg(uint64_t v, unsigned option)
{
    switch (option) {
    case 2: return (uint32_t)v;                     /* UXTW */
    case 6: return (uint64_t)(int64_t)(int32_t)v;   /* SXTW */
    default: return v;                              /* LSL / UXTX / SXTX */
    }
}

static bool fix_regoff(struct dt_gen *g, uint32_t *insn)
{
    uint32_t i = *insn;
    unsigned size = ldst_size(i), m = RS(i), n = RN(i);
    if (m == n && m != 31)
        return false;
    unsigned shift = dt_field(i, 12, 1) ? (unsigned)__builtin_ctz(size) : 0;
    uint64_t xm = 0;
    if (m != 31) {
        /* Small offsets, with junk in the bits a W extend ignores. */
        int64_t e = (int64_t)dt_rng_below(g->rng, 400) - 200;
        xm = dt_rng_one_in(g->rng, 4) ? dt_value_x(g->rng) : (uint64_t)e;
        if (dt_rng_one_in(g->rng, 2))
            xm = (xm & 0xffffffffu) | (dt_rng_next(g->rng) << 32);
        g->c->regs.x[m] = xm;
    }
    uint64_t off = extend_reg(xm, dt_field(i, 13, 3)) << shift;
    dt_aim_base(g, n, (int64_t)off, size, 1);
    return true;
}

static bool fix_pair(struct dt_gen *g, uint32_t *insn)
{
    uint32_t i = *insn;
    unsigned opc = dt_field(i, 30, 2), v = dt_field(i, 26, 1);
    unsigned mode = dt_field(i, 23, 3), load = dt_field(i, 22, 1);
    unsigned t = RT(i), t2 = RT2(i), n = RN(i);
    if (opc == 3)
        return false;
    if (!v && opc == 1 && !load)
        return false;   /* STGP: an MTE instruction, not a plain pair */
    unsigned size = v ? 4u << opc : opc == 2 ? 8 : 4;
    bool writeback = mode == 1 || mode == 3;
    if (writeback && !v && n != 31 && (t == n || t2 == n))
        return false;
    if (load && t == t2)
        return false;
    int64_t imm7 = (int64_t)(dt_field(i, 15, 7) ^ 0x40) - 0x40;
    dt_aim_base(g, n, mode == 1 ? 0 : imm7 * size, 2 * size, 1);
    return true;
}

/* Literal loads read the code page, which holds the harness's stubs, the
 * case's instructions and zeros: the same bytes under every emulator. */
static bool fix_literal(struct dt_gen *g, uint32_t *insn)
{
    int64_t pc_word = (int64_t)(dt_slot_addr(0) - DT_CODE_ADDR) / 4;
    int64_t target = (int64_t)dt_rng_below(g->rng, 4096 / 4 - 4);
    *insn = dt_set_field(*insn, 5, 19, (uint32_t)(target - pc_word));
    return true;
}

/* Atomic accesses must be aligned (without FEAT_LSE2, which neither
 * backstep nor QEMU 7.2 has): one in sixteen is not, and must raise
 * SIGBUS. The base itself stays aligned when it is SP. */
static void aim_atomic_base(struct dt_gen *g, unsigned n, unsigned bytes)
{
    if (bytes > 1 && n != 31 && dt_rng_one_in(g->rng, 16)) {
        dt_aim_base(g, n, 0, bytes, bytes);
        g->c->regs.x[n] += 1 + dt_rng_below(g->rng, bytes - 1);
        return;
    }
    dt_aim_base(g, n, 0, bytes, bytes);
}

/* Exclusives, LDAR/STLR, CAS, CASP (the "load/store exclusive and
 * ordered" group): fields the encoding requires to be ones are set. */
static bool fix_excl(struct dt_gen *g, uint32_t *insn)
{
    uint32_t i = *insn;
    unsigned size = dt_field(i, 30, 2), o2 = dt_field(i, 23, 1);
    unsigned load = dt_field(i, 22, 1), o1 = dt_field(i, 21, 1);
    unsigned bytes = 1u << size;

    i = dt_set_field(i, 10, 5, 31);                 /* Rt2 SBO ... */
    if (!o2 && !o1) {                               /* LDXR, STXR */
        if (load)
            i = dt_set_field(i, 16, 5, 31);         /* Rs SBO */
        else if (RS(i) == RT(i) || (RS(i) == RN(i) && RN(i) != 31))
            return false;
    } else if (!o2 && o1 && size >= 2) {            /* LDXP, STXP */
        unsigned t2 = (unsigned)dt_rng_below(g->rng, 31);
        i = dt_set_field(i, 10, 5, t2);             /* ... except for pairs */
        bytes *= 2;
        if (load) {
            i = dt_set_field(i, 16, 5, 31);
            if (RT(i) == t2)
                return false;
        } else if (RS(i) == RT(i) || RS(i) == t2
                   || (RS(i) == RN(i) && RN(i) != 31)) {
            return false;
        }
    } else if (!o2 && o1) {                         /* CASP */
        bytes = 2u << (size + 2);
        if (!dt_rng_one_in(g->rng, 8)) {            /* mostly even pairs */
            i = dt_set_field(i, 16, 5, RS(i) & ~1u);
            i = dt_set_field(i, 0, 5, RT(i) & ~1u);
        }
    } else if (o2 && !o1) {                         /* LDAR, STLR, LDLAR */
        i = dt_set_field(i, 16, 5, 31);
    }                                               /* else CAS */
    *insn = i;
    aim_atomic_base(g, RN(i), bytes);
    return true;
}

/* A load-exclusive and a store-exclusive to the same address: the store
 * succeeds (status 0) and writes. */
static bool fix_excl_pair(struct dt_gen *g, uint32_t *insn)
{
    uint32_t store = *insn;
    unsigned n = RN(store), s = RS(store), t = RT(store);
    unsigned lt = (unsigned)dt_rng_below(g->rng, 31);
    if (s == t || (s == n && n != 31) || lt == n)
        return false;
    uint32_t load = (store & 0xc0008000u) | 0x085f7c00u | (n << 5) | lt;
    g->c->insn[1] = store;
    g->c->ninsn = 2;
    *insn = load;
    unsigned bytes = 1u << dt_field(store, 30, 2);
    dt_aim_base(g, n, 0, bytes, bytes);
    return true;
}

static bool fix_atomic(struct dt_gen *g, uint32_t *insn)
{
    aim_atomic_base(g, RN(*insn), 1u << dt_field(*insn, 30, 2));
    return true;
}

/* AdvSIMD structures move at most 64 bytes from the base; post-index by a
 * register adds any value to it. */
static bool fix_simd_struct(struct dt_gen *g, uint32_t *insn)
{
    dt_aim_base(g, RN(*insn), 0, 64, 1);
    return true;
}

const struct dt_template dt_ldst_imm_templates[] = {
    { "LDR/STR (imm9: unscaled, post, unprivileged, pre)",
      "zz 111 V 00 oo 0 iiiiiiiii ww nnnnn ttttt", NULL, fix_imm9 },
    { "LDR/STR (unsigned offset)",
      "zz 111 V 01 oo iiiiiiiiiiii nnnnn ttttt", NULL, fix_uimm12 },
    { NULL },
};

const struct dt_template dt_ldst_reg_templates[] = {
    { "LDR/STR (register offset)",
      "zz 111 V 00 oo 1 mmmmm xxx S 10 nnnnn ttttt", "x=2,3,6,7", fix_regoff },
    { NULL },
};

const struct dt_template dt_ldst_pair_templates[] = {
    { "LDP/STP/LDNP/STNP/LDPSW",
      "oo 101 V www L iiiiiii uuuuu nnnnn ttttt", "w=0-3", fix_pair },
    { NULL },
};

const struct dt_template dt_ldst_literal_templates[] = {
    { "LDR (literal)", "oo 011 V 00 iiiiiiiiiiiiiiiiiii ttttt", NULL,
      fix_literal },
    { NULL },
};

const struct dt_template dt_ldst_excl_templates[] = {
    { "exclusive/ordered/CAS", "zz 001000 p L q sssss o uuuuu nnnnn ttttt",
      NULL, fix_excl },
    { "LDXR then STXR", "zz 001000 0 0 0 sssss o 11111 nnnnn ttttt", NULL,
      fix_excl_pair },
    { NULL },
};

const struct dt_template dt_lse_templates[] = {
    { "LDADD/LDCLR/LDEOR/LDSET/LDSMAX/LDSMIN/LDUMAX/LDUMIN",
      "zz 111 0 00 A R 1 sssss 0 ppp 00 nnnnn ttttt", NULL, fix_atomic },
    { "SWP", "zz 111 0 00 A R 1 sssss 1 000 00 nnnnn ttttt", NULL, fix_atomic },
    { "LDAPR", "zz 111 0 00 1 0 1 11111 1 100 00 nnnnn ttttt", NULL,
      fix_atomic },
    { NULL },
};

const struct dt_template dt_ldst_simd_templates[] = {
    { "LD/ST multiple structures", "0 Q 0011000 L 000000 oooo zz nnnnn ttttt",
      "o=0,2,4,6,7,8,10", fix_simd_struct },
    { "LD/ST multiple structures (post-index)",
      "0 Q 0011001 L 0 mmmmm oooo zz nnnnn ttttt", "o=0,2,4,6,7,8,10",
      fix_simd_struct },
    { "LD/ST single structure", "0 Q 0011010 L R 00000 ooo S zz nnnnn ttttt",
      NULL, fix_simd_struct },
    { "LD/ST single structure (post-index)",
      "0 Q 0011011 L R mmmmm ooo S zz nnnnn ttttt", NULL, fix_simd_struct },
    { NULL },
};
