/* Deterministic input states for the FP/AdvSIMD vector tests.
 *
 * The same generator runs in two places: in the oracle (a small AArch64
 * program run under qemu-aarch64 that executed each case and recorded what
 * changed, producing test-cpu-simd-vectors.inc) and in test-cpu-simd-vectors.c,
 * which rebuilds the identical input state, runs the instruction on backstep
 * and compares. So this file must stay plain C with no dependency on either
 * side, and must not change without regenerating the vectors.
 */
#ifndef BACKSTEP_TEST_CPU_SIMD_GEN_H
#define BACKSTEP_TEST_CPU_SIMD_GEN_H

#include <stdint.h>
#include <string.h>

/* Guest memory window used by structure load/store cases. */
#define SIMD_GEN_MEM_BASE 0x10000000ull
#define SIMD_GEN_MEM_SIZE 4096u

struct simd_gen_state {
    uint64_t x[31];
    uint64_t v[32][2];
    uint32_t nzcv;
    uint32_t fpcr;
    uint32_t fpsr;
    uint8_t mem[SIMD_GEN_MEM_SIZE];
};

static inline uint64_t simd_gen_next(uint64_t *s)
{
    /* xorshift64*: small, good enough, identical everywhere. */
    uint64_t x = *s;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *s = x;
    return x * 0x2545F4914F6CDD1Dull;
}

static const uint32_t simd_gen_f32_special[] = {
    0x00000000, 0x80000000, 0x3f800000, 0xbfc00000, 0x7f800000, 0xff800000,
    0x7fc00001, 0x7f800001, 0xffc00002, 0x00000001, 0x807fffff, 0x7f7fffff,
    0x00800000, 0x4f32d05e, 0xc0200000, 0x3f000000, 0x4b000001, 0xcf000000,
    0x5f000000, 0x3effffff, 0x40490fdb, 0x00ffffff,
};
static const uint64_t simd_gen_f64_special[] = {
    0x0000000000000000ull, 0x8000000000000000ull, 0x3ff0000000000000ull,
    0xbff8000000000000ull, 0x7ff0000000000000ull, 0xfff0000000000000ull,
    0x7ff8000000000001ull, 0x7ff0000000000001ull, 0xfff8000000000002ull,
    0x0000000000000001ull, 0x800fffffffffffffull, 0x7fefffffffffffffull,
    0x0010000000000000ull, 0x41e0000000000000ull, 0xc3e0000000000000ull,
    0x43f0000000000000ull, 0x3fdfffffffffffffull, 0x400921fb54442d18ull,
    0x4330000000000001ull, 0x36a0000000000000ull, 0x47efffffe0000000ull,
    0x380fffffffffffffull,
};

/* A float with a moderate exponent, so arithmetic on two of them is mostly
 * ordinary; sometimes a tiny or huge one to reach the edges. */
static inline uint32_t simd_gen_f32(uint64_t *s)
{
    uint64_t r = simd_gen_next(s);
    unsigned pick = r % 8;
    if (pick < 3)
        return simd_gen_f32_special[(r >> 8) % (sizeof simd_gen_f32_special / 4)];
    uint32_t exp = pick == 7 ? (uint32_t)(r >> 16) % 256 : 120 + (uint32_t)(r >> 16) % 16;
    if (exp == 255)
        exp = 254;
    return (uint32_t)((r >> 24) & 0x807fffff) | exp << 23;
}

static inline uint64_t simd_gen_f64(uint64_t *s)
{
    uint64_t r = simd_gen_next(s);
    unsigned pick = r % 8;
    if (pick < 3)
        return simd_gen_f64_special[(r >> 8) % (sizeof simd_gen_f64_special / 8)];
    uint64_t m = simd_gen_next(s) & 0x800fffffffffffffull;
    uint64_t exp = pick == 7 ? (r >> 16) % 2048 : 1016 + (r >> 16) % 16;
    if (exp == 2047)
        exp = 2046;
    return m | exp << 52;
}

/* A 64-bit lane pattern: raw bits, two floats, one double, or small ints. */
static inline uint64_t simd_gen_lane(uint64_t *s)
{
    switch (simd_gen_next(s) % 5) {
    case 0:
        return simd_gen_next(s);
    case 1:
        return simd_gen_f32(s) | (uint64_t)simd_gen_f32(s) << 32;
    case 2:
        return simd_gen_f64(s);
    case 3: {
        /* small signed bytes/halves: saturation and shift edges */
        uint64_t v = 0;
        for (int i = 0; i < 8; i++) {
            uint64_t r = simd_gen_next(s) % 6;
            uint8_t b = r == 0 ? 0x7f : r == 1 ? 0x80 : r == 2 ? 0xff :
                        r == 3 ? 0 : (uint8_t)simd_gen_next(s);
            v |= (uint64_t)b << (8 * i);
        }
        return v;
    }
    default:
        return simd_gen_next(s) & 0x00ff00ff00ff00ffull;
    }
}

/* Is insn an AdvSIMD structure load/store (LD1..LD4, ST1..ST4, LDnR)? */
static inline int simd_gen_is_ldst_struct(uint32_t insn)
{
    return (insn & 0xbe000000u) == 0x0c000000u;
}

static inline void simd_gen_state(struct simd_gen_state *st, uint64_t seed,
                                  uint32_t insn, uint32_t fpcr)
{
    uint64_t s = seed * 0x9E3779B97F4A7C15ull + 1;
    memset(st, 0, sizeof *st);
    for (int i = 0; i < 31; i++)
        st->x[i] = simd_gen_next(&s) % 3 == 0 ? simd_gen_next(&s) % 256 :
                   simd_gen_next(&s);
    for (int i = 0; i < 32; i++) {
        st->v[i][0] = simd_gen_lane(&s);
        st->v[i][1] = simd_gen_lane(&s);
    }
    st->nzcv = (uint32_t)(simd_gen_next(&s) & 0xf) << 28;
    st->fpcr = fpcr;
    st->fpsr = 0;
    for (unsigned i = 0; i < SIMD_GEN_MEM_SIZE; i += 8) {
        uint64_t r = simd_gen_next(&s);
        memcpy(&st->mem[i], &r, 8);
    }
    if (simd_gen_is_ldst_struct(insn)) {
        unsigned rn = (insn >> 5) & 31, rm = (insn >> 16) & 31;
        if (rm != 31)
            st->x[rm] = simd_gen_next(&s) % 64;
        if (rn != 31)
            st->x[rn] = SIMD_GEN_MEM_BASE + 1024 + simd_gen_next(&s) % 1024;
    }
}

#endif
