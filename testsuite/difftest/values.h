/* Interesting initial values: integers at the edges of their ranges, and
 * floating-point values at the edges of their formats (signed zeros,
 * infinities, quiet and signalling NaNs with payloads, denormals, ties,
 * values just around 2^31, 2^32, 2^63 and 2^64 for the conversions). */
#ifndef BACKSTEP_DIFFTEST_VALUES_H
#define BACKSTEP_DIFFTEST_VALUES_H

#include <stdint.h>

#include "dt-format.h"
#include "rng.h"

/* An integer of WIDTH bits (8, 16, 32, 64), zero-extended. */
uint64_t dt_value_int(struct dt_rng *r, unsigned width);
/* The bit pattern of a half, single or double (WIDTH 16, 32, 64). */
uint64_t dt_value_fp(struct dt_rng *r, unsigned width);
/* A 64-bit general register value: mostly dt_value_int(64), sometimes a
 * narrower one zero- or sign-extended, sometimes an FP bit pattern. */
uint64_t dt_value_x(struct dt_rng *r);
/* Fill BYTES bytes (a multiple of 16) with lanes of one randomly chosen
 * kind: integers or FP values of one width, or random bytes. */
void dt_value_fill(struct dt_rng *r, uint8_t *buf, unsigned bytes);
/* A random FPCR (rounding mode, FZ, DN, FZ16, AHP), often zero, and a
 * random FPSR (cumulative flags and QC), often zero. */
uint64_t dt_value_fpcr(struct dt_rng *r);
uint64_t dt_value_fpsr(struct dt_rng *r);

/* Fill the case's registers, flags and scratch memory; SP points into
 * the middle of the scratch page. */
void dt_value_case(struct dt_rng *r, struct dt_case *c);

/* A predicate of BYTES bytes (VL / 8) into BUF: all true or all false for
 * some element size, the first K elements of some size, or random bits
 * (which also set the bits that do not govern any element). */
void dt_value_pred(struct dt_rng *r, uint8_t *buf, unsigned bytes);
/* Make C an SVE case at vector length VL bytes: Z0-Z31 with lanes of the
 * kinds dt_value_fill draws (V0-V31 become their low 128 bits), random
 * predicates, and FFR a monotonic prefix (WRFFR leaves FFR UNPREDICTABLE
 * for anything else, so the harness may load only those). */
void dt_value_sve(struct dt_rng *r, struct dt_case *c, unsigned vl);

#endif
