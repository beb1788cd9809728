/* Floating-point element operations that SVE has and the scalar/AdvSIMD
 * core does not: FSCALE, the conversions that ignore FPCR.AHP, and the
 * FEXPA and FTMAD tables. Everything rounds through cpu/fpu.h, so the NaN,
 * flush-to-zero and flag rules are the architecture's. */
#include "cpu/sve.h"
#include "cpu/a64-simd-fp-ops.h"

/* Exponent limits of each precision (esz 1 half, 2 single, 3 double). */
static const int fp_emax[4] = { 0, 15, 127, 1023 };
static const int fp_mant[4] = { 0, 10, 23, 52 };

/* 2^k as an esz-sized value; k must lie in the normal range. */
static uint64_t fp_pow2(unsigned esz, int k)
{
    return (uint64_t)(k + fp_emax[esz]) << fp_mant[esz];
}

/* The unbiased exponent of a finite value; below the normal range for
 * zero and subnormals. */
static int fp_exponent(unsigned esz, uint64_t a)
{
    unsigned ebits = (8u << esz) - 1 - (unsigned)fp_mant[esz];
    int biased = (int)((a >> fp_mant[esz]) & ((1u << ebits) - 1));
    return biased == 0 ? -fp_emax[esz] - 1 : biased - fp_emax[esz];
}

/* FPScale: a * 2^s, rounded once. The product is built from
 * multiplications by normal powers of two that are exact (the value stays
 * normal, or has already overflowed to a result the later steps keep),
 * and one final multiplication that rounds. Scales beyond
 * twice the exponent range all give the same result as the clamp. */
uint64_t sve_fp_scale(struct cpu_state *cpu, unsigned esz, uint64_t a,
                      int64_t s)
{
    int emax = fp_emax[esz], emin = 1 - emax;
    int64_t lim = 2 * (emax + fp_mant[esz]) + 8;
    int scale = (int)(s > lim ? lim : s < -lim ? -lim : s);

    if (scale >= 0) {
        /* Upwards every step is exact until it overflows; after that the
         * value is infinity or the largest normal, which further steps
         * keep (with the same flags). */
        do {
            int k = scale > emax ? emax : scale;
            a = fp_elem_mul(cpu, esz, a, fp_pow2(esz, k), 0);
            scale -= k;
        } while (scale > 0);
        return a;
    }
    while (scale < 0) {
        /* While the value is normal (room > 0 steps above the smallest
         * normal exponent) a step down to at most that exponent is
         * exact; the first step from there rounds, once. */
        uint64_t mag = fp_abs(esz, a);
        bool special = mag >= ((uint64_t)(2 * emax + 1) << fp_mant[esz]);
        int room = special ? 0 : fp_exponent(esz, a) - emin;
        int k = scale < emin ? emin : scale;
        if (room > 0 && k < -room)
            k = -room;
        a = fp_elem_mul(cpu, esz, a, fp_pow2(esz, k), 0);
        scale -= k;
        if (room <= 0)
            break;
    }
    return a;
}

/* SVE's FCVT to and from half precision use the IEEE format whatever
 * FPCR.AHP says (FPConvertSVE). */
uint64_t sve_fp_cvt_to_16(struct cpu_state *cpu, uint64_t a, bool from_double)
{
    uint32_t saved = cpu->fpcr;
    cpu->fpcr &= ~FPCR_AHP;
    uint16_t r = fpu_cvt_to_16(cpu, a, from_double);
    cpu->fpcr = saved | (cpu->fpcr & ~FPCR_AHP);
    return r;
}

uint64_t sve_fp_cvt_from_16(struct cpu_state *cpu, uint16_t h, bool to_double)
{
    uint32_t saved = cpu->fpcr;
    cpu->fpcr &= ~FPCR_AHP;
    uint64_t r = fpu_cvt_from_16(cpu, h, to_double);
    cpu->fpcr = saved | (cpu->fpcr & ~FPCR_AHP);
    return r;
}

/* FEXPA: the fraction bits of 2^(i/32) (half) and 2^(i/64) (single,
 * double), rounded to nearest. */
static const uint16_t fexpa_h[32] = {
    0x000, 0x016, 0x02d, 0x045, 0x05d, 0x075, 0x08e, 0x0a8,
    0x0c2, 0x0dc, 0x0f8, 0x114, 0x130, 0x14d, 0x16b, 0x189,
    0x1a8, 0x1c8, 0x1e8, 0x209, 0x22b, 0x24e, 0x271, 0x295,
    0x2ba, 0x2e0, 0x306, 0x32e, 0x356, 0x37f, 0x3a9, 0x3d4,
};
static const uint32_t fexpa_s[64] = {
    0x000000, 0x0164d2, 0x02cd87, 0x043a29, 0x05aac3, 0x071f62, 0x08980f,
    0x0a14d5, 0x0b95c2, 0x0d1adf, 0x0ea43a, 0x1031dc, 0x11c3d3, 0x135a2b,
    0x14f4f0, 0x16942d, 0x1837f0, 0x19e046, 0x1b8d3a, 0x1d3eda, 0x1ef532,
    0x20b051, 0x227043, 0x243516, 0x25fed7, 0x27cd94, 0x29a15b, 0x2b7a3a,
    0x2d583f, 0x2f3b79, 0x3123f6, 0x3311c4, 0x3504f3, 0x36fd92, 0x38fbaf,
    0x3aff5b, 0x3d08a4, 0x3f179a, 0x412c4d, 0x4346cd, 0x45672a, 0x478d75,
    0x49b9be, 0x4bec15, 0x4e248c, 0x506334, 0x52a81e, 0x54f35b, 0x5744fd,
    0x599d16, 0x5bfbb8, 0x5e60f5, 0x60ccdf, 0x633f89, 0x65b907, 0x68396a,
    0x6ac0c7, 0x6d4f30, 0x6fe4ba, 0x728177, 0x75257d, 0x77d0df, 0x7a83b3,
    0x7d3e0c,
};
static const uint64_t fexpa_d[64] = {
    0x0000000000000ull, 0x02c9a3e778061ull, 0x059b0d3158574ull,
    0x0874518759bc8ull, 0x0b5586cf9890full, 0x0e3ec32d3d1a2ull,
    0x11301d0125b51ull, 0x1429aaea92de0ull, 0x172b83c7d517bull,
    0x1a35beb6fcb75ull, 0x1d4873168b9aaull, 0x2063b88628cd6ull,
    0x2387a6e756238ull, 0x26b4565e27cddull, 0x29e9df51fdee1ull,
    0x2d285a6e4030bull, 0x306fe0a31b715ull, 0x33c08b26416ffull,
    0x371a7373aa9cbull, 0x3a7db34e59ff7ull, 0x3dea64c123422ull,
    0x4160a21f72e2aull, 0x44e086061892dull, 0x486a2b5c13cd0ull,
    0x4bfdad5362a27ull, 0x4f9b2769d2ca7ull, 0x5342b569d4f82ull,
    0x56f4736b527daull, 0x5ab07dd485429ull, 0x5e76f15ad2148ull,
    0x6247eb03a5585ull, 0x6623882552225ull, 0x6a09e667f3bcdull,
    0x6dfb23c651a2full, 0x71f75e8ec5f74ull, 0x75feb564267c9ull,
    0x7a11473eb0187ull, 0x7e2f336cf4e62ull, 0x82589994cce13ull,
    0x868d99b4492edull, 0x8ace5422aa0dbull, 0x8f1ae99157736ull,
    0x93737b0cdc5e5ull, 0x97d829fde4e50ull, 0x9c49182a3f090ull,
    0xa0c667b5de565ull, 0xa5503b23e255dull, 0xa9e6b5579fdbfull,
    0xae89f995ad3adull, 0xb33a2b84f15fbull, 0xb7f76f2fb5e47ull,
    0xbcc1e904bc1d2ull, 0xc199bdd85529cull, 0xc67f12e57d14bull,
    0xcb720dcef9069ull, 0xd072d4a07897cull, 0xd5818dcfba487ull,
    0xda9e603db3285ull, 0xdfc97337b9b5full, 0xe502ee78b3ff6ull,
    0xea4afa2a490daull, 0xefa1bee615a27ull, 0xf50765b6e4540ull,
    0xfa7c1819e90d8ull,
};

uint64_t sve_fp_expa(unsigned esz, uint64_t op)
{
    switch (esz) {
    case 1:
        return (op & 0x3e0) << 5 | fexpa_h[op & 31];
    case 2:
        return (op & 0x3fc0) << 17 | fexpa_s[op & 63];
    default:
        return (op & 0x1ffc0) << 46 | fexpa_d[op & 63];
    }
}

/* FTMAD: the sine (0-7) and cosine (8-15) series coefficients. */
static const uint16_t ftmad_h[16] = {
    0x3c00, 0xb155, 0x2030, 0, 0, 0, 0, 0,
    0x3c00, 0xb800, 0x293a, 0, 0, 0, 0, 0,
};
static const uint32_t ftmad_s[16] = {
    0x3f800000, 0xbe2aaaab, 0x3c088886, 0xb95008b9,
    0x36369d6d, 0x00000000, 0x00000000, 0x00000000,
    0x3f800000, 0xbf000000, 0x3d2aaaa6, 0xbab60705,
    0x37cd37cc, 0x00000000, 0x00000000, 0x00000000,
};
static const uint64_t ftmad_d[16] = {
    0x3ff0000000000000ull, 0xbfc5555555555543ull, 0x3f8111111110f30cull,
    0xbf2a01a019b92fc6ull, 0x3ec71de351f3d22bull, 0xbe5ae5e2b60f7b91ull,
    0x3de5d8408868552full, 0x0000000000000000ull,
    0x3ff0000000000000ull, 0xbfe0000000000000ull, 0x3fa5555555555536ull,
    0xbf56c16c16c13a0bull, 0x3efa01a019b1e8d8ull, 0xbe927e4f7282f468ull,
    0x3e21ee96d2641b13ull, 0xbda8f76380fbb401ull,
};

uint64_t sve_fp_trig_madd(struct cpu_state *cpu, unsigned esz, unsigned x,
                          uint64_t op1, uint64_t op2)
{
    uint64_t sign = 1ull << ((8u << esz) - 1);
    if (op2 & sign) {
        x += 8;
        op2 &= ~sign;
    }
    uint64_t coeff = esz == 1 ? ftmad_h[x] : esz == 2 ? ftmad_s[x]
                                                     : ftmad_d[x];
    return fp_muladd(cpu, esz, coeff, op1, op2);
}
