/* Deterministic input states for the SVE vector tests, and the digest of a
 * final state.
 *
 * The same code runs in the oracle (test-cpu-sve-oracle.c, an AArch64
 * program run under qemu-aarch64 -cpu max,sve-max-vq=16, which executed
 * each case and printed a digest of the result into
 * test-cpu-sve-vectors.inc) and in test-cpu-sve-vectors.c, which rebuilds
 * the identical state, runs the instruction on backstep and compares. It
 * must stay plain C and must not change without regenerating the vectors.
 */
#ifndef BACKSTEP_TEST_CPU_SVE_GEN_H
#define BACKSTEP_TEST_CPU_SVE_GEN_H

#include <stdint.h>
#include <string.h>

/* Guest memory window for loads and stores; the page after it is not
 * mapped (first-fault and fault cases run into it). */
#define SVE_GEN_MEM_BASE 0x10000000ull
#define SVE_GEN_MEM_SIZE 16384u

/* How the generator prepares addresses (chosen per case by the script):
 * SVE_GEN_PLAIN random registers only;
 * SVE_GEN_SCALAR_BASE Xn points into the middle of the window and Xm is a
 * small index; SVE_GEN_NEAR_END Xn points near the end of the window (a
 * later element crosses into the unmapped page); SVE_GEN_VEC_OFFSETS also
 * fills Zm with small offsets (gathers, scatters: scalar base + vector
 * offsets); SVE_GEN_VEC_BASE fills Zn with addresses in the window
 * (vector base + immediate, 64-bit elements); SVE_GEN_VEC_BASE32 the same
 * with 32-bit elements; SVE_GEN_VEC_OFFSETS64 is SVE_GEN_VEC_OFFSETS with
 * small 64-bit offsets (each 64-bit lane 0..255). */
enum sve_gen_mode {
    SVE_GEN_PLAIN = 0,
    SVE_GEN_SCALAR_BASE = 1,
    SVE_GEN_NEAR_END = 2,
    SVE_GEN_VEC_OFFSETS = 3,
    SVE_GEN_VEC_BASE = 4,
    SVE_GEN_VEC_BASE32 = 5,
    SVE_GEN_VEC_OFFSETS64 = 6,
};

struct sve_gen_state {
    uint64_t x[31];
    uint8_t z[32][256];
    uint8_t p[16][32];
    uint8_t ffr[32];
    uint32_t nzcv;
    uint32_t fpcr;
    uint32_t fpsr;
    uint8_t mem[SVE_GEN_MEM_SIZE];
};

static inline uint64_t sve_gen_next(uint64_t *s)
{
    /* xorshift64* */
    uint64_t x = *s;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *s = x;
    return x * 0x2545F4914F6CDD1Dull;
}

static const uint32_t sve_gen_f32_special[] = {
    0x00000000, 0x80000000, 0x3f800000, 0xbfc00000, 0x7f800000, 0xff800000,
    0x7fc00001, 0x7f800001, 0x00000001, 0x807fffff, 0x7f7fffff, 0x4f32d05e,
};
static const uint64_t sve_gen_f64_special[] = {
    0x0000000000000000ull, 0x8000000000000000ull, 0x3ff0000000000000ull,
    0xbff8000000000000ull, 0x7ff0000000000000ull, 0xfff0000000000000ull,
    0x7ff8000000000001ull, 0x7ff0000000000001ull, 0x0000000000000001ull,
    0x7fefffffffffffffull, 0x43f0000000000000ull, 0x400921fb54442d18ull,
};

/* One 64-bit lane: raw bits, two ordinary floats, a double, small bytes,
 * or halves with an ordinary FP16 value. */
static inline uint64_t sve_gen_lane(uint64_t *s)
{
    uint64_t r = sve_gen_next(s);
    switch (r % 7) {
    case 0:
    case 1:
        return sve_gen_next(s);
    case 2: {
        uint64_t v = 0;
        for (int i = 0; i < 2; i++) {
            uint64_t q = sve_gen_next(s);
            uint32_t f = q % 4 == 0
                ? sve_gen_f32_special[(q >> 8) % 12]
                : (uint32_t)((q >> 16) & 0x807fffff) |
                  (uint32_t)(120 + (q >> 40) % 16) << 23;
            v |= (uint64_t)f << (32 * i);
        }
        return v;
    }
    case 3: {
        uint64_t q = sve_gen_next(s);
        return q % 4 == 0 ? sve_gen_f64_special[(q >> 8) % 12]
                          : (sve_gen_next(s) & 0x800fffffffffffffull) |
                            (uint64_t)(1016 + (q >> 40) % 16) << 52;
    }
    case 4: {
        uint64_t v = 0;
        for (int i = 0; i < 8; i++) {
            uint64_t q = sve_gen_next(s) % 6;
            uint8_t b = q == 0 ? 0x7f : q == 1 ? 0x80 : q == 2 ? 0xff :
                        q == 3 ? 0 : (uint8_t)sve_gen_next(s);
            v |= (uint64_t)b << (8 * i);
        }
        return v;
    }
    case 5: {
        uint64_t v = 0;
        for (int i = 0; i < 4; i++) {
            uint64_t q = sve_gen_next(s);
            uint16_t h = (uint16_t)(((q >> 8) & 0x83ff) | (12 + (q >> 20) % 8) << 10);
            v |= (uint64_t)h << (16 * i);
        }
        return v;
    }
    default:
        return sve_gen_next(s) & 0x000000ff000000ffull;
    }
}

/* A predicate byte: random, all true, all false, or sparse. */
static inline uint8_t sve_gen_pbyte(uint64_t *s, unsigned kind)
{
    uint64_t r = sve_gen_next(s);
    switch (kind) {
    case 0: return 0xff;
    case 1: return 0;
    case 2: return (uint8_t)(r & (r >> 8) & (r >> 16));
    default: return (uint8_t)r;
    }
}

static inline void sve_gen_state(struct sve_gen_state *st, uint64_t seed,
                                 uint32_t insn, unsigned mode, uint32_t fpcr)
{
    uint64_t s = seed * 0x9E3779B97F4A7C15ull + 1;
    unsigned rn = (insn >> 5) & 31, rm = (insn >> 16) & 31;
    memset(st, 0, sizeof *st);
    for (int i = 0; i < 31; i++)
        st->x[i] = sve_gen_next(&s) % 3 == 0 ? sve_gen_next(&s) % 300 :
                   sve_gen_next(&s);
    for (int i = 0; i < 32; i++)
        for (int j = 0; j < 256; j += 8) {
            uint64_t v = sve_gen_lane(&s);
            memcpy(&st->z[i][j], &v, 8);
        }
    for (int i = 0; i < 16; i++) {
        unsigned kind = (unsigned)(sve_gen_next(&s) % 6);
        for (int j = 0; j < 32; j++)
            st->p[i][j] = sve_gen_pbyte(&s, kind);
    }
    {
        unsigned kind = (unsigned)(sve_gen_next(&s) % 4);
        for (int j = 0; j < 32; j++)
            st->ffr[j] = sve_gen_pbyte(&s, kind);
    }
    st->nzcv = (uint32_t)(sve_gen_next(&s) & 0xf) << 28;
    st->fpcr = fpcr;
    st->fpsr = 0;
    for (unsigned i = 0; i < SVE_GEN_MEM_SIZE; i += 8) {
        uint64_t r = sve_gen_next(&s);
        memcpy(&st->mem[i], &r, 8);
    }
    if (mode == SVE_GEN_SCALAR_BASE || mode == SVE_GEN_VEC_OFFSETS ||
        mode == SVE_GEN_VEC_OFFSETS64) {
        if (rm != 31)
            st->x[rm] = sve_gen_next(&s) % 64;
        if (rn != 31)
            st->x[rn] = SVE_GEN_MEM_BASE + 6144 + sve_gen_next(&s) % 1024;
    }
    if (mode == SVE_GEN_NEAR_END) {
        if (rm != 31)
            st->x[rm] = sve_gen_next(&s) % 16;
        if (rn != 31)
            st->x[rn] = SVE_GEN_MEM_BASE + SVE_GEN_MEM_SIZE - 16 -
                        sve_gen_next(&s) % 512;
    }
    if (mode == SVE_GEN_VEC_OFFSETS) {
        /* Small offsets in every element size's view: each 32-bit word
         * holds 0..255, so D elements are small too. */
        for (int j = 0; j < 256; j += 4) {
            uint32_t v = (uint32_t)(sve_gen_next(&s) % 256);
            memcpy(&st->z[rm][j], &v, 4);
        }
    }
    if (mode == SVE_GEN_VEC_OFFSETS64) {
        for (int j = 0; j < 256; j += 8) {
            uint64_t v = sve_gen_next(&s) % 256;
            memcpy(&st->z[rm][j], &v, 8);
        }
    }
    if (mode == SVE_GEN_VEC_BASE || mode == SVE_GEN_VEC_BASE32) {
        for (int j = 0; j < 256; j += 8) {
            uint64_t v = SVE_GEN_MEM_BASE + 4096 + sve_gen_next(&s) % 4096;
            if (mode == SVE_GEN_VEC_BASE32)
                v |= (SVE_GEN_MEM_BASE + 4096 + sve_gen_next(&s) % 4096) << 32;
            memcpy(&st->z[rn][j], &v, 8);
        }
    }
}

/* FNV-1a over the architectural result at vector length vl: X0-X30,
 * Z0-Z31 and P0-P15 and FFR up to vl, and the memory window. */
static inline uint64_t sve_gen_fnv(uint64_t h, const void *p, size_t n)
{
    const uint8_t *b = p;
    for (size_t i = 0; i < n; i++) {
        h ^= b[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

static inline uint64_t sve_gen_digest(const uint64_t *x, uint8_t (*z)[256],
                                      uint8_t (*p)[32], const uint8_t *ffr,
                                      const uint8_t *mem, unsigned vl)
{
    uint64_t h = 0xcbf29ce484222325ull;
    h = sve_gen_fnv(h, x, 31 * 8);
    for (int i = 0; i < 32; i++)
        h = sve_gen_fnv(h, z[i], vl);
    for (int i = 0; i < 16; i++)
        h = sve_gen_fnv(h, p[i], vl / 8);
    h = sve_gen_fnv(h, ffr, vl / 8);
    return sve_gen_fnv(h, mem, SVE_GEN_MEM_SIZE);
}

#endif
