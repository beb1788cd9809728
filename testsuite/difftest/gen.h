/* The difftest case generator: per-class tables of instruction templates.
 *
 * A template is one line of an encoding class, drawn as the manual draws
 * it: 32 characters of '0', '1' and field letters, most significant bit
 * first (spaces are ignored, so fields may be spaced apart), e.g.
 *
 *     { "ADD/SUB (imm)", "f o S 100010 h iiiiiiiiiiii nnnnn ddddd" }
 *
 * Each letter is one field (its bits need not be contiguous). A field's
 * value is drawn at random, biased to its edges (0, 1, all ones, the top
 * bit), unless the template's VALUES string restricts it: "o=0-5,8 t=0,1,3"
 * (per letter, a comma-separated list of values and ranges).
 *
 * A template's fixup, if any, runs after the initial registers and memory
 * are drawn: it points base registers into the scratch page, aims branches
 * forward inside the sequence, rewrites fields the encoding constrains,
 * may append instructions to the case, and returns false to reject an
 * encoding whose behaviour the architecture leaves CONSTRAINED
 * UNPREDICTABLE (the emulators may then both be right and still differ).
 */
#ifndef BACKSTEP_DIFFTEST_GEN_H
#define BACKSTEP_DIFFTEST_GEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dt-format.h"
#include "rng.h"

struct dt_gen {
    struct dt_rng *rng;
    struct dt_case *c;
};

typedef bool (*dt_fixup)(struct dt_gen *g, uint32_t *insn);

struct dt_template {
    const char *name;
    const char *pattern;
    const char *values;     /* NULL, or per-field value restrictions */
    dt_fixup fixup;         /* NULL, or see above */
};

struct dt_class {
    const char *name;
    const char *summary;
    const struct dt_template *templates;   /* ends with a NULL name */
    /* A sequence class has no templates of its own: each case is a few
     * instructions, each from one of these classes (whose
     * fixups must not append instructions). NULL-ended. */
    const char *const *mix;
    /* An SVE class: its cases carry Z, P and FFR at the run's vector
     * length, and both emulators run with SVE at that length. */
    bool sve;
};

/* All classes, in the order the campaign runs them; ends with NULL name. */
extern const struct dt_class dt_classes[];
const struct dt_class *dt_class_find(const char *name);

/* The class tables, one per file (gen-int.c, gen-ldst.c, gen-fp.c,
 * gen-simd.c; fp16 and v8x live in gen-simd.c), each ending with a NULL name. */
extern const struct dt_template dt_int_imm_templates[], dt_bitfield_templates[],
    dt_int_reg_templates[], dt_condsel_templates[], dt_muldiv_templates[],
    dt_branch_templates[];
extern const struct dt_template dt_ldst_imm_templates[],
    dt_ldst_reg_templates[], dt_ldst_pair_templates[],
    dt_ldst_literal_templates[], dt_ldst_excl_templates[],
    dt_lse_templates[], dt_ldst_simd_templates[];
extern const struct dt_template dt_fp_arith_templates[], dt_fp_cmp_templates[],
    dt_fp_conv_templates[];
extern const struct dt_template dt_simd_3same_templates[],
    dt_simd_2misc_templates[], dt_simd_shift_templates[],
    dt_simd_across_templates[], dt_simd_perm_templates[],
    dt_simd_copy_templates[], dt_simd_modimm_templates[],
    dt_simd_3diff_templates[], dt_simd_elem_templates[];
extern const struct dt_template dt_fp16_templates[], dt_v8x_templates[],
    dt_bf16_templates[];
/* gen-sve.c, gen-sve-ldst.c, gen-sve2.c */
extern const struct dt_template dt_sve_int_templates[],
    dt_sve_fp_templates[], dt_sve_pred_templates[], dt_sve_perm_templates[],
    dt_sve_ldst_templates[], dt_sve2_templates[];

/* The vector lengths (bits) make check runs the SVE classes at, and the
 * ones of the long campaign (make check-isa); 0-ended. */
extern const unsigned dt_sve_check_vls[], dt_sve_campaign_vls[];

/* Case INDEX of class CLS for SEED (and, for an SVE class, the vector
 * length SVE_VL in bytes): the same always give the same case. Sets
 * *TEMPLATE to the template used. Returns false if no valid encoding was
 * found in many tries (a table bug). */
bool dt_generate(const struct dt_class *cls, uint64_t seed, uint64_t index,
                 unsigned sve_vl, struct dt_case *out,
                 const struct dt_template **template);

/* Parse PATTERN into its fixed bits; false if it is not 32 bits long.
 * (Exposed for the table self-check.) */
bool dt_pattern_fixed(const char *pattern, uint32_t *mask, uint32_t *value);

/* Check every template of every class: 32-bit patterns, restrictions
 * naming real fields. False with a newly allocated *PROBLEM otherwise. */
bool dt_tables_valid(char **problem);

/* Helpers for fixups. */
static inline uint32_t dt_field(uint32_t insn, unsigned lo, unsigned width)
{
    return (insn >> lo) & ((1u << width) - 1);
}
static inline uint32_t dt_set_field(uint32_t insn, unsigned lo,
                                    unsigned width, uint32_t v)
{
    uint32_t m = ((1u << width) - 1) << lo;
    return (insn & ~m) | ((v << lo) & m);
}
/* The guest address of instruction slot I. */
uint64_t dt_slot_addr(unsigned i);
/* Set base register N (31: SP) so that BASE + OFFSET is a scratch address
 * with room for SIZE bytes, aligned to ALIGN (a power of two, 1 for any)
 * and, for SP, with SP 16-byte aligned. Returns the effective address. */
uint64_t dt_aim_base(struct dt_gen *g, unsigned n, int64_t offset,
                     unsigned size, unsigned align);
/* For SVE loads and stores: like dt_aim_base (SIZE up to 2 KiB), but one
 * time in eight the access runs off the end (or the start) of the
 * scratch page into an unmapped guard page, so faults and first-fault/
 * non-fault behaviour are exercised. */
uint64_t dt_sve_aim_base(struct dt_gen *g, unsigned n, int64_t offset,
                         unsigned size, unsigned align);

#endif
