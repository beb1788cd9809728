/* Shared helpers of the SVE and SVE2 handlers (cpu/sve-*.c, cpu/sve2-*.c):
 * element access on Z registers at the current vector length, predicate
 * bits, the flags of predicate-setting instructions, and the tables.
 *
 * Conventions:
 * - esz is log2 of the element size in bytes (0 B, 1 H, 2 S, 3 D); a
 *   vector holds sve_vl >> esz elements.
 * - A predicate has one bit per vector byte; element i of size esz is
 *   governed by bit i << esz. Instructions that write a predicate clear
 *   the other bits of each element.
 * - Handlers build a result in a local register and write it back at the
 *   end, so a destination that is also a source reads the old value; the
 *   bytes above the vector length are zeroed on every write (as qemu and
 *   Linux do after a change of vector length).
 */
#ifndef BACKSTEP_CPU_SVE_H
#define BACKSTEP_CPU_SVE_H

#include <stdbool.h>

#include "cpu/a64.h"
#include "cpu/fpu.h"

/* The tables, one per encoding-class file (gathered in sve-tables.c). */
extern const struct a64_pattern sve_int_arith_patterns[];  /* sve-int-arith.c */
extern const struct a64_pattern sve_int_logic_patterns[];  /* sve-int-logic.c */
extern const struct a64_pattern sve_int_cmp_patterns[];    /* sve-int-cmp.c */
extern const struct a64_pattern sve_pred_patterns[];       /* sve-pred.c */
extern const struct a64_pattern sve_misc_patterns[];       /* sve-misc.c */
extern const struct a64_pattern sve_perm_patterns[];       /* sve-perm.c */
extern const struct a64_pattern sve_reduce_patterns[];     /* sve-reduce.c */
extern const struct a64_pattern sve_ldst_patterns[];       /* sve-ldst.c */
extern const struct a64_pattern sve_gather_patterns[];     /* sve-gather.c */
extern const struct a64_pattern sve_int_dot_patterns[];    /* sve-int-dot.c */
extern const struct a64_pattern sve2_misc_patterns[];      /* sve2-misc.c */
extern const struct a64_pattern sve2_int_pred_patterns[];  /* sve2-int-pred.c */
extern const struct a64_pattern sve2_int_widen_patterns[]; /* sve2-int-widen.c */
extern const struct a64_pattern sve2_int_acc_patterns[];   /* sve2-int-acc.c */
extern const struct a64_pattern sve2_int_narrow_patterns[]; /* sve2-int-narrow.c */
extern const struct a64_pattern sve2_mul_patterns[];          /* sve2-mul.c */
extern const struct a64_pattern sve2_mul_idx_patterns[];      /* sve2-mul-idx.c */
extern const struct a64_pattern sve2_cplx_patterns[];         /* sve2-cplx.c */
extern const struct a64_pattern sve2_fp_patterns[];           /* sve2-fp.c */
extern const struct a64_pattern sve2_bf16_patterns[];         /* sve2-bf16.c */
extern const struct a64_pattern sve2_i8mm_patterns[];         /* sve2-i8mm.c */
extern const struct a64_pattern sve2_crypto_patterns[];       /* sve2-crypto.c */
extern const struct a64_pattern sve2_perm_patterns[];         /* sve2-perm.c */
extern const struct a64_pattern sve2_mem_patterns[];          /* sve2-mem.c */
extern const struct a64_pattern sve_fp_arith_patterns[];   /* sve-fp-arith.c */
extern const struct a64_pattern sve_fp_elem_patterns[];    /* sve-fp-elem.c */
extern const struct a64_pattern sve_fp_unary_patterns[];   /* sve-fp-unary.c */
extern const struct a64_pattern sve_fp_cmp_patterns[];     /* sve-fp-cmp.c */
/* All of them, as entries of a table list: a64-fp-simd-tables.c puts this
 * in the decoder's list, sve-tables.c in sve_tables (NULL-terminated). */
#define SVE_PATTERN_TABLES                                                  \
    sve_pred_patterns, sve_misc_patterns, sve_ldst_patterns,                \
    sve_int_arith_patterns, sve_int_logic_patterns, sve_int_cmp_patterns,   \
    sve_reduce_patterns, sve_perm_patterns, sve_gather_patterns,            \
    sve_fp_arith_patterns, sve_fp_elem_patterns, sve_fp_unary_patterns,     \
    sve_fp_cmp_patterns, sve_int_dot_patterns, sve2_misc_patterns,          \
    sve2_int_pred_patterns, sve2_int_widen_patterns, sve2_int_acc_patterns, \
    sve2_int_narrow_patterns, sve2_mul_patterns, sve2_mul_idx_patterns,     \
    sve2_cplx_patterns, sve2_fp_patterns, sve2_bf16_patterns,              \
    sve2_i8mm_patterns, sve2_crypto_patterns, sve2_perm_patterns,          \
    sve2_mem_patterns,
extern const struct a64_pattern *const sve_tables[];

/* Common fields. */
#define SVE_SIZE(insn) a64_bits(insn, 22, 2)
#define SVE_PG3(insn) a64_bits(insn, 10, 3)
#define SVE_PG4(insn) a64_bits(insn, 10, 4)

static inline unsigned sve_vl(const struct cpu_state *cpu)
{
    return cpu->sve_vl;
}
static inline unsigned sve_elems(const struct cpu_state *cpu, unsigned esz)
{
    return cpu->sve_vl >> esz;
}
static inline unsigned sve_pl(const struct cpu_state *cpu)
{
    return cpu->sve_vl / 8;
}

static inline uint64_t sve_esz_mask(unsigned esz)
{
    return esz >= 3 ? UINT64_MAX : (1ull << (8u << esz)) - 1;
}
static inline int64_t sve_sext(uint64_t v, unsigned esz)
{
    unsigned sh = 64 - (8u << esz);
    return (int64_t)(v << sh) >> sh;
}

/* Element i of a register (zero-extended), and its store. */
static inline uint64_t sve_elem(const cpu_zreg *z, unsigned esz, unsigned i)
{
    switch (esz) {
    case 0: return z->b[i];
    case 1: return z->h[i];
    case 2: return z->s[i];
    default: return z->d[i];
    }
}
static inline void sve_set_elem(cpu_zreg *z, unsigned esz, unsigned i,
                                uint64_t v)
{
    switch (esz) {
    case 0: z->b[i] = (uint8_t)v; break;
    case 1: z->h[i] = (uint16_t)v; break;
    case 2: z->s[i] = (uint32_t)v; break;
    default: z->d[i] = v; break;
    }
}

/* Write a whole vector result (the bytes above VL are zeroed). */
static inline void sve_put_z(struct cpu_state *cpu, unsigned n,
                             const cpu_zreg *v)
{
    unsigned vl = sve_vl(cpu);
    memcpy(cpu->z[n].b, v->b, vl);
    memset(cpu->z[n].b + vl, 0, CPU_ZREG_BYTES - vl);
}

/* Predicates as byte arrays of CPU_PREG_BYTES. */
typedef struct sve_pred {
    uint8_t b[CPU_PREG_BYTES];
} sve_pred;

static inline bool sve_pbit(const uint8_t *p, unsigned bit)
{
    return (p[bit >> 3] >> (bit & 7)) & 1;
}
static inline bool sve_pelem(const uint8_t *p, unsigned esz, unsigned i)
{
    return sve_pbit(p, i << esz);
}
/* Element i of pred register pg is active. */
static inline bool sve_active(const struct cpu_state *cpu, unsigned pg,
                              unsigned esz, unsigned i)
{
    return sve_pelem(cpu->p[pg], esz, i);
}
/* Set element i of a predicate being built (it must start zeroed). */
static inline void sve_pset(sve_pred *p, unsigned esz, unsigned i, bool v)
{
    unsigned bit = i << esz;
    if (v)
        p->b[bit >> 3] |= (uint8_t)(1u << (bit & 7));
    else
        p->b[bit >> 3] &= (uint8_t)~(1u << (bit & 7));
}
/* The whole (1 << esz)-bit chunk of predicate element i: the permutes
 * move all of its bits, not only the governing one. */
static inline unsigned sve_pchunk(const uint8_t *p, unsigned esz, unsigned i)
{
    unsigned bit = i << esz;
    return (p[bit >> 3] >> (bit & 7)) & ((1u << (1u << esz)) - 1);
}
static inline void sve_set_pchunk(sve_pred *p, unsigned esz, unsigned i,
                                  unsigned v)
{
    unsigned bit = i << esz, width = 1u << esz;
    uint8_t mask = (uint8_t)(((1u << width) - 1) << (bit & 7));
    p->b[bit >> 3] = (uint8_t)((p->b[bit >> 3] & ~mask) |
                               ((v << (bit & 7)) & mask));
}

static inline void sve_put_p(struct cpu_state *cpu, unsigned n,
                             const sve_pred *p)
{
    unsigned pl = sve_pl(cpu);
    memcpy(cpu->p[n], p->b, pl);
    memset(cpu->p[n] + pl, 0, CPU_PREG_BYTES - pl);
}

/* The NZCV of a predicate result d governed by g (PredTest): N = first
 * active element of d is true, Z = no active element is true, C = the
 * last active element is not true, V = 0. */
uint32_t sve_pred_test(const struct cpu_state *cpu, const uint8_t *g,
                       const uint8_t *d, unsigned esz);

/* DecodePredCount: the element count of a PTRUE/CNT pattern at esz. */
unsigned sve_pattern_count(const struct cpu_state *cpu, unsigned pattern,
                           unsigned esz);

/* Saturating arithmetic on esz-sized elements (values sign- or zero-
 * extended in v); no FPSR.QC in SVE. */
static inline uint64_t sve_sat(__int128 v, unsigned esz, bool is_unsigned)
{
    unsigned bits = 8u << esz;
    __int128 max = is_unsigned ? ((__int128)1 << bits) - 1
                               : ((__int128)1 << (bits - 1)) - 1;
    __int128 min = is_unsigned ? 0 : -((__int128)1 << (bits - 1));
    if (v > max)
        v = max;
    else if (v < min)
        v = min;
    return (uint64_t)v & sve_esz_mask(esz);
}

/* Saturating x + delta for the scalar SQINC/UQINC/SQDEC/UQDEC forms:
 * 32-bit forms saturate to 32 bits (the signed one sign-extends into X). */
uint64_t sve_sat_add_scalar(uint64_t x, int64_t delta, bool is_unsigned,
                            bool is64);

/* Floating-point element operations of SVE (sve-fp-helpers.c); esz is
 * 1 half, 2 single, 3 double. FPScale: a * 2^s, one rounding. */
uint64_t sve_fp_scale(struct cpu_state *cpu, unsigned esz, uint64_t a,
                      int64_t s);
/* FCVT to/from half precision, always the IEEE format (SVE ignores AHP). */
uint64_t sve_fp_cvt_to_16(struct cpu_state *cpu, uint64_t a, bool from_double);
uint64_t sve_fp_cvt_from_16(struct cpu_state *cpu, uint16_t h, bool to_double);
/* One complex pair of FCMLA (rot 0..3 is 0, 90, 180, 270 degrees): d +=
 * the rotated product of n and m, element by element where active. */
void sve_fp_cmla_pair(struct cpu_state *cpu, unsigned esz, unsigned rot,
                      bool act_re, bool act_im, const uint64_t n[2],
                      const uint64_t m[2], uint64_t d[2]);
static inline bool sve_fp_is_nan(unsigned esz, uint64_t a)
{
    unsigned mant = esz == 1 ? 10 : esz == 2 ? 23 : 52;
    uint64_t mag = a & (sve_esz_mask(esz) >> 1);
    return mag > ((sve_esz_mask(esz) >> 1) & ~((1ull << mant) - 1));
}
/* FEXPA of one element; FTMAD's coefficient + op1 * |op2|. */
uint64_t sve_fp_expa(unsigned esz, uint64_t op);
uint64_t sve_fp_trig_madd(struct cpu_state *cpu, unsigned esz, unsigned x,
                          uint64_t op1, uint64_t op2);

/* The element loads of sve-ldst.c, shared with the gathers (sve-gather.c).
 * sve_load_elem: with may_fault false a failing access is undone and
 * reported as 1 (first-fault and non-fault loads). */
int sve_load_elem(struct cpu_state *cpu, uint64_t va, unsigned msz,
                  bool may_fault, uint64_t *val);
/* Clear FFR from element i of size esz on. */
void sve_ffr_clear_from(struct cpu_state *cpu, unsigned esz, unsigned i);

/* SVE instructions are UNDEFINED at VL = 0, which cannot happen; this is
 * the one place to add the CPACR/ZCR trap later. */
static inline bool sve_access_ok(const struct cpu_state *cpu)
{
    return cpu->sve_vl >= 16 && cpu->sve_vl <= CPU_ZREG_BYTES &&
           cpu->sve_vl % 16 == 0;
}

#endif
