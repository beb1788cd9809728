/* The generator's random numbers: splitmix64, seeded per case from
 * (seed, class, case index), so any one case can be regenerated alone from
 * its reproducer line. */
#ifndef BACKSTEP_DIFFTEST_RNG_H
#define BACKSTEP_DIFFTEST_RNG_H

#include <stdint.h>

struct dt_rng {
    uint64_t state;
};

static inline uint64_t dt_rng_next(struct dt_rng *r)
{
    uint64_t z = (r->state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

/* A value in [0, n), n > 0 (the bias of the modulo is irrelevant here). */
static inline uint64_t dt_rng_below(struct dt_rng *r, uint64_t n)
{
    return dt_rng_next(r) % n;
}

/* True with probability 1/n. */
static inline int dt_rng_one_in(struct dt_rng *r, unsigned n)
{
    return dt_rng_below(r, n) == 0;
}

static inline void dt_rng_seed(struct dt_rng *r, uint64_t seed,
                               const char *class_name, uint64_t index)
{
    uint64_t h = 0xcbf29ce484222325ull;       /* FNV-1a of the class name */
    for (const char *p = class_name; *p; p++)
        h = (h ^ (unsigned char)*p) * 0x100000001b3ull;
    r->state = seed ^ h;
    r->state = dt_rng_next(r) ^ index;
    (void)dt_rng_next(r);
}

#endif
