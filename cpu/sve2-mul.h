/* Element arithmetic shared by the SVE2 multiply files (sve2-mul.c,
 * sve2-mul-idx.c, sve2-cplx.c): the widening multiply-accumulate of one
 * element and the saturating (rounding) doubling multiply-high family.
 * Values are esz-sized elements, zero-extended in uint64_t. */
#ifndef BACKSTEP_CPU_SVE2_MUL_H
#define BACKSTEP_CPU_SVE2_MUL_H

#include "cpu/sve.h"

/* The kinds of widening multiply: the accumulating ones add or subtract
 * the product of two narrow elements; the saturating doubling ones
 * saturate 2 * product to the wide size first, then the sum. */
enum sve2_long_op {
    SVE2_MLAL,      /* acc + a * b, wrapping */
    SVE2_MLSL,      /* acc - a * b, wrapping */
    SVE2_MULL,      /* a * b */
    SVE2_SQDMLAL,   /* sat(acc + sat(2 * a * b)) */
    SVE2_SQDMLSL,   /* sat(acc - sat(2 * a * b)) */
    SVE2_SQDMULL,   /* sat(2 * a * b) */
};

/* One element of a widening operation: a and b are elements of size
 * esz - 1, acc and the result of size esz. The SQD forms are signed. */
static inline uint64_t sve2_long_elem(enum sve2_long_op op, unsigned esz,
                                      bool is_unsigned, uint64_t acc,
                                      uint64_t a, uint64_t b)
{
    unsigned nesz = esz - 1;
    __int128 p = is_unsigned ? (__int128)(a * b)
                             : (__int128)sve_sext(a, nesz) * sve_sext(b, nesz);
    uint64_t mask = sve_esz_mask(esz);
    __int128 sacc = sve_sext(acc, esz);

    switch (op) {
    case SVE2_MLAL: return (acc + (uint64_t)p) & mask;
    case SVE2_MLSL: return (acc - (uint64_t)p) & mask;
    case SVE2_MULL: return (uint64_t)p & mask;
    case SVE2_SQDMLAL:
        return sve_sat(sacc + sve_sext(sve_sat(2 * p, esz, false), esz), esz,
                       false);
    case SVE2_SQDMLSL:
        return sve_sat(sacc - sve_sext(sve_sat(2 * p, esz, false), esz), esz,
                       false);
    default: return sve_sat(2 * p, esz, false);
    }
}

/* The doubling multiply-high family on signed esz-sized elements:
 * sat((acc << bits) +- 2 * a * b + (round ? 1 << (bits - 1) : 0)) >> bits),
 * with acc = 0 for SQDMULH/SQRDMULH. acc << bits is a multiple of
 * 1 << bits, so the shift distributes over it, and halving both the
 * product and the rounding constant keeps 64-bit elements inside 128
 * bits: the high part is floor((+-p + round / 2) / 2^(bits - 1)). */
static inline uint64_t sve2_sqrdmlah_elem(unsigned esz, uint64_t acc,
                                          uint64_t a, uint64_t b, bool sub,
                                          bool round)
{
    unsigned bits = 8u << esz;
    __int128 p = (__int128)sve_sext(a, esz) * sve_sext(b, esz);
    if (sub)
        p = -p;
    if (round)
        p += (__int128)1 << (bits - 2);
    return sve_sat((__int128)sve_sext(acc, esz) + (p >> (bits - 1)), esz,
                   false);
}

#endif
