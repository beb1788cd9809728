/* The FP and AdvSIMD decode tables, gathered for the core's decoder.
 *
 * Each encoding-class file (a64-fp.c, a64-simd-*.c, a64-ldst-simd.c)
 * exports one pattern table; this list is what the decoder walks. */
#include "cpu/a64-simd-common.h"
#include "cpu/sve.h"  /* SVE_PATTERN_TABLES: the sve-*.c tables */

/* SM3/SM4 and BFloat16 (their tables are declared here rather than in
 * a64-simd-common.h, which belongs to the FP/SIMD files' author). */
extern const struct a64_pattern a64_simd_sm_patterns[];    /* a64-simd-sm.c */
extern const struct a64_pattern a64_simd_bf16_patterns[];  /* a64-simd-bf16.c */

const struct a64_pattern *const a64_fp_simd_tables[] = {
    a64_fp_patterns,
    a64_fp_conv_patterns,
    a64_simd_modimm_patterns,
    a64_simd_copy_patterns,
    a64_simd_perm_patterns,
    a64_simd_3same_patterns,
    a64_simd_misc_patterns,
    a64_simd_across_patterns,
    a64_simd_shift_patterns,
    a64_simd_3diff_patterns,
    a64_ldst_simd_patterns,
    a64_simd_3same_fp_patterns,
    a64_simd_misc_fp_patterns,
    a64_simd_elem_patterns,
    a64_simd_3same_extra_patterns,
    a64_simd_crypto_patterns,
    a64_simd_sm_patterns,
    a64_simd_bf16_patterns,
    SVE_PATTERN_TABLES
    NULL,
};
