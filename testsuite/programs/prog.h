/* Shared helpers of the compiled test programs: a deterministic random
 * generator and a checksum, so programs print a few lines that compare
 * exactly between backstep and qemu-aarch64 instead of megabytes. */
#ifndef BACKSTEP_PROGRAMS_PROG_H
#define BACKSTEP_PROGRAMS_PROG_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

static uint64_t prog_rng_state = 0x243f6a8885a308d3ull;

static inline uint64_t prog_rand(void)
{
    /* xorshift64* */
    prog_rng_state ^= prog_rng_state >> 12;
    prog_rng_state ^= prog_rng_state << 25;
    prog_rng_state ^= prog_rng_state >> 27;
    return prog_rng_state * 0x2545f4914f6cdd1dull;
}

static inline void prog_seed(uint64_t seed)
{
    prog_rng_state = seed ? seed : 1;
}

/* FNV-1a over bytes, chained through *h. */
static inline void prog_hash(uint64_t *h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        *h ^= b[i];
        *h *= 0x100000001b3ull;
    }
}

static inline void prog_hash_u64(uint64_t *h, uint64_t v)
{
    prog_hash(h, &v, sizeof v);
}

#define PROG_HASH_INIT 0xcbf29ce484222325ull

/* Keep the compiler from folding a value known at compile time, so the
 * instructions run at every optimisation level. */
#define PROG_OPAQUE(x) ({ __typeof__(+(x)) prog_v_ = (x); __asm__("" : "+r"(prog_v_)); prog_v_; })
#define PROG_OPAQUE_FP(x) ({ __typeof__(+(x)) prog_v_ = (x); __asm__("" : "+w"(prog_v_)); prog_v_; })

#endif
