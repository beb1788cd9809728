/* Element arithmetic shared by the SVE2 integer files (cpu/sve2-int-*.c):
 * the architecture's shifts on unbounded integers, rounding, and the
 * B(ottom)/T(op) half-width element access of the widening and narrowing
 * forms. Values are carried as __int128 so that an element of up to 64
 * bits, sign- or zero-extended, plus a carry never overflows. */
#ifndef BACKSTEP_CPU_SVE2_INT_HELPERS_H
#define BACKSTEP_CPU_SVE2_INT_HELPERS_H

#include "cpu/sve.h"

/* Element i of z at esz, sign-extended (is_signed) or zero-extended. */
static inline __int128 sve2_elem_x(const cpu_zreg *z, unsigned esz,
                                   unsigned i, bool is_signed)
{
    uint64_t v = sve_elem(z, esz, i);
    return is_signed ? (__int128)sve_sext(v, esz) : (__int128)v;
}

/* x << shift for a shift count taken from a register (already clamped
 * by the caller): negative counts shift right, rounding (adding half of
 * the last bit shifted out) when asked. x fits in 65 bits. For shift >= esize the
 * exact value does not fit: a large value of x's sign stands for it (its
 * low esize bits are zero, and it saturates like the exact one). */
static inline __int128 sve2_shift_round(__int128 x, int shift, bool round,
                                        unsigned esize)
{
    if (shift >= 0) {
        if (x == 0)
            return 0;
        if ((unsigned)shift >= esize)
            return x < 0 ? -((__int128)1 << 100) : (__int128)1 << 100;
        return (__int128)((unsigned __int128)x << shift);
    }
    unsigned s = (unsigned)-shift;
    if (s > 100)
        s = 100;        /* |x| < 2^65: every larger count gives the same */
    if (round)
        x += (__int128)1 << (s - 1);
    return x >> s;
}

/* x >> shift (1 <= shift <= 64), rounding when asked: the immediate
 * right shifts. */
static inline __int128 sve2_shr_round(__int128 x, unsigned shift, bool round)
{
    return sve2_shift_round(x, -(int)shift, round, 128);
}

/* The low esize bits of v. */
static inline uint64_t sve2_trunc(__int128 v, unsigned esz)
{
    return (uint64_t)v & sve_esz_mask(esz);
}

/* The element size of a shift immediate's tsz field: the position of its
 * top set bit (the shift itself is tsz:imm3 counted down from twice the
 * element size for right shifts, up from it for left shifts). Returns
 * false for tsz = 0 (unallocated). */
static inline bool sve2_tsz_esz(unsigned tsz, unsigned *esz)
{
    if (tsz == 0)
        return false;
    *esz = 31u - (unsigned)__builtin_clz(tsz);
    return true;
}

#endif
