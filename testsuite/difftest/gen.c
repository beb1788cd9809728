/* The difftest case generator (see gen.h). */
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "gen.h"
#include "qemu-known.h"
#include "qemu-known-sve.h"
#include "values.h"

/* Classes whose instructions the seq class strings together: results of
 * one feed the next (flags, registers, FPSR), which single instructions
 * never test. */
static const char *const seq_mix[] = {
    /* the classes with few unallocated encodings: one UNDEFINED
     * instruction ends the whole sequence */
    "int-imm", "bitfield", "int-reg", "condsel", "muldiv", "fp-arith",
    "fp-cmp", "simd-perm", "simd-modimm", NULL,
};

const struct dt_class dt_classes[] = {
    { "int-imm", "add/sub, logical, move-wide immediates; ADR/ADRP",
      dt_int_imm_templates },
    { "bitfield", "SBFM/BFM/UBFM, EXTR", dt_bitfield_templates },
    { "int-reg", "logical/add/sub shifted and extended register, ADC/SBC, "
      "1- and 2-source data processing", dt_int_reg_templates },
    { "condsel", "CSEL family, CCMP/CCMN", dt_condsel_templates },
    { "muldiv", "MADD family, SMULH/UMULH, SDIV/UDIV", dt_muldiv_templates },
    { "branch", "B, BL, B.cond, CBZ, TBZ, BR, BLR, RET (forward)",
      dt_branch_templates },
    { "ldst-imm", "loads/stores: unscaled, pre/post-index, unprivileged, "
      "unsigned offset", dt_ldst_imm_templates },
    { "ldst-reg", "loads/stores: register offset", dt_ldst_reg_templates },
    { "ldst-pair", "load/store pair: all addressing modes",
      dt_ldst_pair_templates },
    { "ldst-literal", "LDR (literal), LDRSW, PRFM", dt_ldst_literal_templates },
    { "ldst-excl", "exclusives, load-acquire/store-release, CAS, CASP",
      dt_ldst_excl_templates },
    { "lse", "LSE atomics: LDADD..LDUMIN, SWP, LDAPR", dt_lse_templates },
    { "ldst-simd", "AdvSIMD structure loads/stores (LD1..LD4, ST1..ST4, LDnR)",
      dt_ldst_simd_templates },
    { "fp-arith", "scalar FP 1-, 2- and 3-source in H/S/D",
      dt_fp_arith_templates },
    { "fp-cmp", "FCMP/FCMPE, FCCMP, FCSEL, FMOV (immediate)",
      dt_fp_cmp_templates },
    { "fp-conv", "FP<->integer and FP<->fixed-point conversions, FMOV",
      dt_fp_conv_templates },
    { "simd-3same", "AdvSIMD three same (vector and scalar, FP16)",
      dt_simd_3same_templates },
    { "simd-2misc", "AdvSIMD two-register miscellaneous",
      dt_simd_2misc_templates },
    { "simd-shift", "AdvSIMD shift by immediate", dt_simd_shift_templates },
    { "simd-across", "AdvSIMD across lanes", dt_simd_across_templates },
    { "simd-perm", "AdvSIMD permute, EXT, TBL/TBX", dt_simd_perm_templates },
    { "simd-copy", "AdvSIMD copy: DUP, INS, UMOV, SMOV",
      dt_simd_copy_templates },
    { "simd-modimm", "AdvSIMD modified immediate", dt_simd_modimm_templates },
    { "simd-3diff", "AdvSIMD three different", dt_simd_3diff_templates },
    { "simd-elem", "AdvSIMD vector x indexed element", dt_simd_elem_templates },
    { "fp16", "FEAT_FP16: half-precision scalar FP and AdvSIMD",
      dt_fp16_templates },
    { "v8x", "later extensions: FRINTTS, JSCVT, RDM, DotProd, I8MM, FCMA, FHM",
      dt_v8x_templates },
    { "bf16", "FEAT_BF16: BFDOT, BFMLALB/T, BFMMLA, BFCVT, BFCVTN",
      dt_bf16_templates },
    { "seq", "sequences of 2-5 instructions from the register-only classes",
      NULL, seq_mix },
    { "sve-int", "SVE integer: arithmetic, logical, shifts, min/max, "
      "mul/div, dot, compares, element counts, immediates",
      dt_sve_int_templates, NULL, true },
    { "sve-fp", "SVE floating point: arithmetic, FMA, compares, converts, "
      "unary, reductions, complex", dt_sve_fp_templates, NULL, true },
    { "sve-pred", "SVE predicates: PTRUE..CTERM, BRK*, WHILE*, CNTP, "
      "INCP/DECP, FFR, predicate logical", dt_sve_pred_templates, NULL, true },
    { "sve-perm", "SVE permutes and moves: TBL, ZIP/UZP/TRN, REV, EXT, "
      "SPLICE, COMPACT, DUP, INSR, SEL, CLAST/LAST, CPY",
      dt_sve_perm_templates, NULL, true },
    { "sve-ldst", "SVE loads and stores: contiguous, replicate, "
      "first-fault, non-fault, structures, gather/scatter, LDR/STR",
      dt_sve_ldst_templates, NULL, true },
    { "sve2", "SVE2: every encoding group of the SVE2 instruction set",
      dt_sve2_templates, NULL, true },
    { NULL, NULL, NULL, NULL, false },
};

const struct dt_class *dt_class_find(const char *name)
{
    for (const struct dt_class *c = dt_classes; c->name; c++)
        if (strcmp(c->name, name) == 0)
            return c;
    return NULL;
}

bool dt_pattern_fixed(const char *pattern, uint32_t *mask, uint32_t *value)
{
    unsigned bit = 32;
    *mask = *value = 0;
    for (const char *p = pattern; *p; p++) {
        if (*p == ' ' || *p == '_')
            continue;
        if (bit == 0)
            return false;
        bit--;
        if (*p == '0' || *p == '1') {
            *mask |= 1u << bit;
            *value |= (uint32_t)(*p - '0') << bit;
        }
    }
    return bit == 0;
}

/* The bit positions of field LETTER in PATTERN, most significant first. */
static unsigned field_bits(const char *pattern, char letter, unsigned pos[32])
{
    unsigned bit = 32, n = 0;
    for (const char *p = pattern; *p && bit; p++) {
        if (*p == ' ' || *p == '_')
            continue;
        bit--;
        if (*p == letter)
            pos[n++] = bit;
    }
    return n;
}

/* The restriction of field LETTER in VALUES ("o=0-5,8 t=0,1,3") as up to
 * MAX ranges; returns how many, 0 if LETTER has none, -1 if it is
 * malformed. */
static int parse_restriction(const char *values, char letter,
                             unsigned long lo[], unsigned long hi[], int max)
{
    for (const char *p = values; p && *p; p++) {
        if (p[0] != letter || p[1] != '=' || (p != values && p[-1] != ' '))
            continue;
        int n = 0;
        const char *q = p + 2;
        while (*q && *q != ' ') {
            char *end;
            if (n == max)
                return -1;
            lo[n] = hi[n] = strtoul(q, &end, 0);
            if (end == q)
                return -1;
            if (*end == '-') {
                const char *r = end + 1;
                hi[n] = strtoul(r, &end, 0);
                if (end == r || hi[n] < lo[n])
                    return -1;
            }
            n++;
            if (*end == ',')
                end++;
            else if (*end && *end != ' ')
                return -1;
            q = end;
        }
        return n ? n : -1;
    }
    return 0;
}

/* Pick a value for field LETTER from the template's restriction, if it has
 * one; false if it has none. */
static bool restricted_value(struct dt_rng *r, const char *values, char letter,
                             uint32_t *out)
{
    unsigned long lo[32], hi[32];
    int n = parse_restriction(values, letter, lo, hi, 32);
    if (n <= 0)
        return false;
    uint64_t total = 0;
    for (int k = 0; k < n; k++)
        total += hi[k] - lo[k] + 1;
    uint64_t pick = dt_rng_below(r, total);
    for (int k = 0; k < n; k++) {
        if (pick <= hi[k] - lo[k]) {
            *out = (uint32_t)(lo[k] + pick);
            return true;
        }
        pick -= hi[k] - lo[k] + 1;
    }
    return false;
}

static uint32_t free_value(struct dt_rng *r, unsigned width)
{
    uint32_t all = width >= 32 ? ~0u : (1u << width) - 1;
    switch (dt_rng_below(r, 10)) {
    case 0: return 0;
    case 1: return all;
    case 2: return 1;
    case 3: return 1u << (width - 1);
    default: return (uint32_t)dt_rng_next(r) & all;
    }
}

static uint32_t draw_encoding(struct dt_rng *r, const struct dt_template *t)
{
    uint32_t mask, value;
    bool done[128] = { false };
    dt_pattern_fixed(t->pattern, &mask, &value);
    uint32_t insn = value;

    for (const char *p = t->pattern; *p; p++) {
        unsigned char letter = (unsigned char)*p;
        if (letter == ' ' || letter == '_' || letter == '0' || letter == '1'
            || letter >= 128 || done[letter])
            continue;
        done[letter] = true;
        unsigned pos[32];
        unsigned n = field_bits(t->pattern, (char)letter, pos);
        uint32_t v;
        if (!restricted_value(r, t->values, (char)letter, &v))
            v = free_value(r, n);
        for (unsigned i = 0; i < n; i++)          /* pos[0] is the MSB */
            if (v & (1u << (n - 1 - i)))
                insn |= 1u << pos[i];
    }
    return insn;
}

/* One instruction of class CLS into *INSN (the case's state is already
 * drawn); false if no valid one came up. */
static bool draw_one(struct dt_rng *rng, const struct dt_class *cls,
                     struct dt_case *c, uint32_t *insn,
                     const struct dt_template **template)
{
    size_t ntemplates = 0;
    while (cls->templates[ntemplates].name)
        ntemplates++;
    for (int attempt = 0; attempt < 1000; attempt++) {
        const struct dt_template *t =
            &cls->templates[dt_rng_below(rng, ntemplates)];
        uint32_t mask, value;
        if (!dt_pattern_fixed(t->pattern, &mask, &value))
            return false;       /* not 32 bits: a table bug */
        *insn = draw_encoding(rng, t);
        struct dt_gen g = { rng, c };
        if (t->fixup && !t->fixup(&g, insn))
            continue;
        *template = t;
        return true;
    }
    return false;
}

enum { SEQ_MAX_LEN = 5 };

static bool generate_sequence(struct dt_rng *rng, const struct dt_class *cls,
                              struct dt_case *out,
                              const struct dt_template **template)
{
    size_t nmix = 0;
    while (cls->mix[nmix])
        nmix++;
    dt_value_case(rng, out);
    out->ninsn = 2 + (uint32_t)dt_rng_below(rng, SEQ_MAX_LEN - 1);
    for (unsigned k = 0; k < out->ninsn; k++) {
        const struct dt_class *from =
            dt_class_find(cls->mix[dt_rng_below(rng, nmix)]);
        if (!from || from->mix
            || !draw_one(rng, from, out, &out->insn[k], template))
            return false;
    }
    return true;
}

const unsigned dt_sve_check_vls[] = { 128, 512, 0 };
const unsigned dt_sve_campaign_vls[] = { 128, 256, 384, 512, 1024, 2048, 0 };

bool dt_generate(const struct dt_class *cls, uint64_t seed, uint64_t index,
                 unsigned sve_vl, struct dt_case *out,
                 const struct dt_template **template)
{
    struct dt_rng rng;
    dt_rng_seed(&rng, seed, cls->name, index);
    if (cls->mix)
        return generate_sequence(&rng, cls, out, template);
    size_t ntemplates = 0;
    while (cls->templates[ntemplates].name)
        ntemplates++;

    for (int attempt = 0; attempt < 1000; attempt++) {
        const struct dt_template *t =
            &cls->templates[dt_rng_below(&rng, ntemplates)];
        uint32_t mask, value;
        if (!dt_pattern_fixed(t->pattern, &mask, &value))
            return false;       /* not 32 bits: a table bug */
        dt_value_case(&rng, out);
        if (cls->sve)
            dt_value_sve(&rng, out, sve_vl);
        out->ninsn = 1;
        out->insn[0] = draw_encoding(&rng, t);
        struct dt_gen g = { &rng, out };
        if (t->fixup && !t->fixup(&g, &out->insn[0]))
            continue;
        *template = t;
        return true;
    }
    return false;
}

bool dt_tables_valid(char **problem)
{
    for (const struct dt_class *c = dt_classes; c->name; c++) {
        for (const char *const *m = c->mix; m && *m; m++) {
            const struct dt_class *from = dt_class_find(*m);
            if (!from || from->mix) {
                *problem = g_strdup_printf("%s: cannot mix in '%s'",
                                           c->name, *m);
                return false;
            }
        }
        for (const struct dt_template *t = c->templates; t && t->name; t++) {
            uint32_t mask, value;
            if (!dt_pattern_fixed(t->pattern, &mask, &value)) {
                *problem = g_strdup_printf("%s: %s: the pattern is not 32 "
                                           "bits", c->name, t->name);
                return false;
            }
            /* Every restriction names a field of the pattern and holds
             * well-formed values that fit it. */
            for (const char *v = t->values; v && *v; v++) {
                if (v[1] != '=' || (v != t->values && v[-1] != ' '))
                    continue;
                unsigned pos[32];
                unsigned long lo[32], hi[32];
                unsigned width = field_bits(t->pattern, v[0], pos);
                int n = parse_restriction(t->values, v[0], lo, hi, 32);
                bool fits = n > 0;
                for (int k = 0; k < n; k++)
                    fits = fits && width < 32 && hi[k] < (1ul << width);
                if (!width || !fits) {
                    *problem = g_strdup_printf("%s: %s: bad restriction of "
                                               "field '%c'", c->name, t->name,
                                               v[0]);
                    return false;
                }
            }
        }
    }
    for (const struct dt_qemu_rule *r = dt_qemu_rules; r->name; r++) {
        uint32_t mask, value;
        if (!dt_pattern_fixed(r->pattern, &mask, &value)) {
            *problem = g_strdup_printf("qemu-known rule %s: the pattern is "
                                       "not 32 bits", r->name);
            return false;
        }
    }
    for (const struct dt_qemu_rule *r = dt_qemu_sve_rules; r->name; r++) {
        uint32_t mask, value;
        if (!dt_pattern_fixed(r->pattern, &mask, &value)) {
            *problem = g_strdup_printf("qemu-known rule %s: the pattern is "
                                       "not 32 bits", r->name);
            return false;
        }
    }
    return true;
}

uint64_t dt_slot_addr(unsigned i)
{
    return DT_CODE_ADDR + DT_SLOTS_OFF + 4ull * i;
}

uint64_t dt_aim_base(struct dt_gen *g, unsigned n, int64_t offset,
                     unsigned size, unsigned align)
{
    /* Stay 512 bytes clear of both ends of the page, so that writeback,
     * pairs and whole structures stay inside it too. */
    const uint64_t lo = 512, hi = DT_MEM_SIZE - 512 - size;
    uint64_t ea = lo + dt_rng_below(g->rng, hi - lo);
    if (align <= 1 && !dt_rng_one_in(g->rng, 4)) {
        /* Mostly naturally aligned, sometimes not at all. */
        align = 1;
        while (align * 2 <= size && align < 16)
            align *= 2;
    }
    ea &= ~(uint64_t)(align - 1);
    uint64_t base = DT_SCRATCH_ADDR + ea - (uint64_t)offset;
    if (n == 31) {
        /* SP must stay 16-byte aligned (Linux checks SP alignment). */
        uint64_t adj = base & 15;
        base -= adj;
        ea -= adj;
        g->c->regs.sp = base;
    } else {
        g->c->regs.x[n] = base;
    }
    return DT_SCRATCH_ADDR + ea;
}

uint64_t dt_sve_aim_base(struct dt_gen *g, unsigned n, int64_t offset,
                         unsigned size, unsigned align)
{
    if (size > DT_MEM_SIZE / 2 || !dt_rng_one_in(g->rng, 8))
        return dt_aim_base(g, n, offset, size, align);
    /* Straddle an end of the page: start up to SIZE bytes before the
     * top, or up to SIZE bytes below the bottom. */
    uint64_t ea;
    if (dt_rng_one_in(g->rng, 2))
        ea = DT_SCRATCH_ADDR + DT_MEM_SIZE - 1 - dt_rng_below(g->rng, size);
    else
        ea = DT_SCRATCH_ADDR - dt_rng_below(g->rng, size);
    ea &= ~(uint64_t)((align ? align : 1) - 1);
    uint64_t base = ea - (uint64_t)offset;
    if (n == 31) {
        uint64_t adj = base & 15;
        base -= adj;
        ea -= adj;
        g->c->regs.sp = base;
    } else {
        g->c->regs.x[n] = base;
    }
    return ea;
}
