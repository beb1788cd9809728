/* The SVE and SVE2 decode tables as one NULL-terminated list (the same
 * entries a64-fp-simd-tables.c gives the decoder, via SVE_PATTERN_TABLES
 * in cpu/sve.h). */
#include "cpu/sve.h"

const struct a64_pattern *const sve_tables[] = {
    SVE_PATTERN_TABLES
    NULL,
};
