/* Shared helpers of the FP and AdvSIMD handlers: element access on the V
 * registers, and the pattern table each encoding-class file exports. */
#ifndef BACKSTEP_CPU_A64_SIMD_COMMON_H
#define BACKSTEP_CPU_A64_SIMD_COMMON_H

#include <stdbool.h>

#include "cpu/a64.h"
#include "cpu/fpu.h"

/* The tables, one per encoding-class file (see a64-fp-simd-tables.c). */
extern const struct a64_pattern a64_fp_patterns[];            /* a64-fp.c */
extern const struct a64_pattern a64_fp_conv_patterns[];       /* a64-fp-conv.c */
extern const struct a64_pattern a64_simd_modimm_patterns[];   /* a64-simd-modimm.c */
extern const struct a64_pattern a64_simd_copy_patterns[];     /* a64-simd-copy.c */
extern const struct a64_pattern a64_simd_perm_patterns[];     /* a64-simd-perm.c */
extern const struct a64_pattern a64_simd_3same_patterns[];    /* a64-simd-3same.c */
extern const struct a64_pattern a64_simd_3same_fp_patterns[]; /* a64-simd-3same-fp.c */
extern const struct a64_pattern a64_simd_3same_extra_patterns[]; /* a64-simd-3same-extra.c */
extern const struct a64_pattern a64_simd_misc_patterns[];     /* a64-simd-misc.c */
extern const struct a64_pattern a64_simd_misc_fp_patterns[];  /* a64-simd-misc-fp.c */
extern const struct a64_pattern a64_simd_across_patterns[];   /* a64-simd-across.c */
extern const struct a64_pattern a64_simd_shift_patterns[];    /* a64-simd-shift.c */
extern const struct a64_pattern a64_simd_3diff_patterns[];    /* a64-simd-3diff.c */
extern const struct a64_pattern a64_simd_elem_patterns[];     /* a64-simd-elem.c */
extern const struct a64_pattern a64_simd_crypto_patterns[];   /* a64-simd-crypto.c */
extern const struct a64_pattern a64_ldst_simd_patterns[];     /* a64-ldst-simd.c */

/* Element helpers shared between a64-simd-3same-extra.c and the by-element
 * forms in a64-simd-elem.c. */
uint64_t a64_simd_qrdmlah(struct cpu_state *cpu, unsigned size, bool sub,
                          uint64_t a, uint64_t b, uint64_t acc);
uint32_t a64_simd_dot4(uint32_t acc, uint32_t n_word, uint32_t m_word,
                       bool n_signed, bool m_signed);
void a64_simd_fcmla_pair(struct cpu_state *cpu, unsigned size, unsigned rot,
                         uint64_t n_re, uint64_t n_im, uint64_t m_re,
                         uint64_t m_im, uint64_t *d_re, uint64_t *d_im);

/* The low 128 bits of a vector register, as the AdvSIMD view sees them.
 * (The host is little-endian, like the guest's register layout.) */
typedef union simd_vec {
    uint8_t b[16];
    uint16_t h[8];
    uint32_t s[4];
    uint64_t d[2];
} simd_vec;

static inline simd_vec simd_get(const struct cpu_state *cpu, unsigned n)
{
    simd_vec v;
    memcpy(&v, cpu->z[n].b, sizeof v);
    return v;
}

/* Write a vector result: 8 bytes (Q=0) or 16; everything above is zeroed. */
static inline void simd_put(struct cpu_state *cpu, unsigned n,
                            const simd_vec *v, bool q)
{
    unsigned bytes = q ? 16 : 8;
    memcpy(cpu->z[n].b, v, bytes);
    a64_zero_v_above(cpu, n, bytes);
}

/* Write a scalar of 1, 2, 4, 8 bytes; the rest of the register is zeroed. */
static inline void simd_put_scalar(struct cpu_state *cpu, unsigned n,
                                   uint64_t val, unsigned bytes)
{
    memcpy(cpu->z[n].b, &val, bytes);
    a64_zero_v_above(cpu, n, bytes);
}

static inline uint64_t simd_get_scalar(const struct cpu_state *cpu,
                                       unsigned n, unsigned bytes)
{
    uint64_t v = 0;
    memcpy(&v, cpu->z[n].b, bytes);
    return v;
}

/* Element i of size 1 << size bytes, zero- or sign-extended. */
static inline uint64_t vec_elem(const simd_vec *v, unsigned size, unsigned i)
{
    switch (size) {
    case 0:
        return v->b[i];
    case 1:
        return v->h[i];
    case 2:
        return v->s[i];
    default:
        return v->d[i];
    }
}

static inline int64_t vec_selem(const simd_vec *v, unsigned size, unsigned i)
{
    switch (size) {
    case 0:
        return (int8_t)v->b[i];
    case 1:
        return (int16_t)v->h[i];
    case 2:
        return (int32_t)v->s[i];
    default:
        return (int64_t)v->d[i];
    }
}

static inline void vec_set(simd_vec *v, unsigned size, unsigned i, uint64_t x)
{
    switch (size) {
    case 0:
        v->b[i] = (uint8_t)x;
        break;
    case 1:
        v->h[i] = (uint16_t)x;
        break;
    case 2:
        v->s[i] = (uint32_t)x;
        break;
    default:
        v->d[i] = x;
        break;
    }
}

/* All-ones mask of an element of 1 << size bytes. */
static inline uint64_t simd_elem_mask(unsigned size)
{
    return size >= 3 ? UINT64_MAX : (1ull << (8u << size)) - 1;
}

/* Common fields of the vector encodings. */
#define SIMD_Q(insn) a64_bits(insn, 30, 1)
#define SIMD_U(insn) a64_bits(insn, 29, 1)
#define SIMD_SIZE(insn) a64_bits(insn, 22, 2)

/* Number of elements of 1 << size bytes in a Q=0/1 vector. */
static inline unsigned simd_elems(unsigned q, unsigned size)
{
    return (q ? 16u : 8u) >> size;
}

/* ConditionHolds on PSTATE.NZCV (bits 31..28). */
static inline bool a64_fp_cond_holds(uint32_t nzcv, unsigned cond)
{
    bool n = nzcv & CPU_NZCV_N, z = nzcv & CPU_NZCV_Z;
    bool c = nzcv & CPU_NZCV_C, v = nzcv & CPU_NZCV_V;
    bool r;
    switch (cond >> 1) {
    case 0: r = z; break;
    case 1: r = c; break;
    case 2: r = n; break;
    case 3: r = v; break;
    case 4: r = c && !z; break;
    case 5: r = n == v; break;
    case 6: r = n == v && !z; break;
    default: r = true; break;
    }
    if ((cond & 1) && cond != 15)
        r = !r;
    return r;
}

/* Integer element arithmetic is done wide enough never to overflow. */
typedef __int128 i128;

/* An element of 1 << size bytes, sign-extended. */
static inline int64_t simd_sext(uint64_t v, unsigned size)
{
    unsigned sh = 64 - (8u << size);
    return (int64_t)(v << sh) >> sh;
}

/* Saturate v to a signed or unsigned element of 1 << size bytes, noting
 * FPSR.QC when it had to clamp; the result is the element's bits. */
static inline uint64_t simd_sat(struct cpu_state *cpu, i128 v, unsigned size,
                                bool is_unsigned)
{
    unsigned bits = 8u << size;
    i128 max = is_unsigned ? ((i128)1 << bits) - 1 : ((i128)1 << (bits - 1)) - 1;
    i128 min = is_unsigned ? 0 : -((i128)1 << (bits - 1));
    if (v > max) {
        cpu->fpsr |= FPSR_QC;
        v = max;
    } else if (v < min) {
        cpu->fpsr |= FPSR_QC;
        v = min;
    }
    return (uint64_t)v & simd_elem_mask(size);
}

#endif
