/* Arm floating-point semantics on top of the host's IEEE arithmetic.
 *
 * Values travel as raw bits (uint32_t single, uint64_t double). Every
 * function honours cpu->fpcr (RMode, FZ, DN) and ORs the cumulative
 * exception flags into cpu->fpsr, as the architecture's FPRound,
 * FPProcessNaNs and FPUnpack pseudocode do. Where the host differs from
 * Arm (x86's negative default NaN, NaN operand selection, tininess after
 * rounding, out-of-range conversions) the difference is fixed up here, so
 * handlers never touch <fenv.h>.
 */
#ifndef BACKSTEP_CPU_FPU_H
#define BACKSTEP_CPU_FPU_H

#include <float.h>
#include <stdbool.h>
#include <stdint.h>

#include "cpu/cpu.h"

/* FPSR cumulative flags. */
#define FPSR_IOC (1u << 0)
#define FPSR_DZC (1u << 1)
#define FPSR_OFC (1u << 2)
#define FPSR_UFC (1u << 3)
#define FPSR_IXC (1u << 4)
#define FPSR_IDC (1u << 7)
#define FPSR_QC (1u << 27)

/* FPCR controls. */
#define FPCR_AHP (1u << 26)
#define FPCR_DN (1u << 25)
#define FPCR_FZ (1u << 24)
#define FPCR_FZ16 (1u << 19)
#define FPCR_RMODE_SHIFT 22

/* Rounding modes, numbered as FPCR.RMode; FPU_RA (ties away) exists only
 * for the FCVTA and FRINTA instructions, FPU_RO (round to odd) for FCVTXN. */
enum fpu_rmode {
    FPU_RN = 0,
    FPU_RP = 1,
    FPU_RM = 2,
    FPU_RZ = 3,
    FPU_RA = 4,
    FPU_RO = 5,
};

static inline enum fpu_rmode fpu_fpcr_rmode(const struct cpu_state *cpu)
{
    return (enum fpu_rmode)((cpu->fpcr >> FPCR_RMODE_SHIFT) & 3);
}

/* The fast path (used by cpu/fpu-template.h and by the run loop's inline
 * FP operations). When FPCR asks for round to nearest without flush to
 * zero and FPSR.IXC is already set (it is cumulative, and programs rarely
 * clear it, so after their first inexact operation this is the usual
 * state), a host result computed in round to nearest that is a normal
 * number above the smallest normal is exactly Arm's result, and raises
 * nothing Arm would record beyond IXC: NaN or infinite operands give NaN,
 * infinite or zero results; invalid operations give NaN, division by zero
 * and overflow infinity; and a result above the smallest normal was not
 * tiny before rounding either. Without flush to zero, denormal operands
 * are plain IEEE values on both sides. Anything else takes the exact
 * path, which also supplies IXC when it is not yet set. The host must run
 * in round to nearest with its exceptions masked (the default) and
 * evaluate float and double in their own precision (not x87's). */
static inline bool fpu_fast_mode(const struct cpu_state *cpu)
{
#if FLT_EVAL_METHOD != 0
    return false;
#endif
    return (cpu->fpsr & FPSR_IXC) &&
           !(cpu->fpcr & (FPCR_FZ | 3u << FPCR_RMODE_SHIFT));
}

static inline bool fpu32_fast_result(float r)
{
    float mag = __builtin_fabsf(r);
    return mag > FLT_MIN && mag <= FLT_MAX;   /* false for NaN */
}

static inline bool fpu64_fast_result(double r)
{
    double mag = __builtin_fabs(r);
    return mag > DBL_MIN && mag <= DBL_MAX;
}

#define FPU_DEFAULT_NAN16 0x7e00u
#define FPU_DEFAULT_NAN32 0x7fc00000u
#define FPU_DEFAULT_NAN64 0x7ff8000000000000ull

/* Declared once per precision: fpu32_* on single, fpu64_* on double. */
#define FPU_DECLARE(N, U)                                                      \
    U fpu##N##_add(struct cpu_state *cpu, U a, U b);                           \
    U fpu##N##_sub(struct cpu_state *cpu, U a, U b);                           \
    U fpu##N##_mul(struct cpu_state *cpu, U a, U b);                           \
    U fpu##N##_div(struct cpu_state *cpu, U a, U b);                           \
    /* FMULX: as FMUL, but (+-0) * (+-inf) is +-2.0. */                        \
    U fpu##N##_mulx(struct cpu_state *cpu, U a, U b);                          \
    U fpu##N##_max(struct cpu_state *cpu, U a, U b);                           \
    U fpu##N##_min(struct cpu_state *cpu, U a, U b);                           \
    U fpu##N##_maxnm(struct cpu_state *cpu, U a, U b);                         \
    U fpu##N##_minnm(struct cpu_state *cpu, U a, U b);                         \
    U fpu##N##_abd(struct cpu_state *cpu, U a, U b);                           \
    /* addend + a * b with a single rounding (FMADD, FMLA). */                 \
    U fpu##N##_muladd(struct cpu_state *cpu, U addend, U a, U b);              \
    /* FRECPS: 2 - a*b; FRSQRTS: (3 - a*b) / 2; fused. */                      \
    U fpu##N##_recps(struct cpu_state *cpu, U a, U b);                         \
    U fpu##N##_rsqrts(struct cpu_state *cpu, U a, U b);                        \
    U fpu##N##_sqrt(struct cpu_state *cpu, U a);                               \
    /* FRINT*: round to an integral value; exact=true raises IXC (FRINTX). */  \
    U fpu##N##_round_int(struct cpu_state *cpu, U a, enum fpu_rmode rm,        \
                         bool exact);                                          \
    /* FRECPX: the reciprocal exponent (sign kept, fraction zeroed). */      \
    U fpu##N##_recpx(struct cpu_state *cpu, U a);                              \
    /* FCMP/FCMPE: NZCV (bits 31..28); unordered is 0011. signal_nans=true     \
     * (FCMPE) raises IOC for quiet NaNs too. */                               \
    uint32_t fpu##N##_compare(struct cpu_state *cpu, U a, U b,                 \
                              bool signal_nans);                               \
    /* FCMEQ/FCMGE/FCMGT element tests: true/false, flags as Arm. */           \
    bool fpu##N##_cmp_eq(struct cpu_state *cpu, U a, U b);                     \
    bool fpu##N##_cmp_ge(struct cpu_state *cpu, U a, U b);                     \
    bool fpu##N##_cmp_gt(struct cpu_state *cpu, U a, U b);                     \
    /* FCVT*S/U: to a width-bit integer (32 or 64) of value * 2^fbits,       \
     * saturating; returned zero-extended to 64 bits. */                       \
    uint64_t fpu##N##_to_int(struct cpu_state *cpu, U a, enum fpu_rmode rm,    \
                             unsigned fbits, bool is_signed, unsigned width);  \
    /* SCVTF/UCVTF: value of a width-bit integer / 2^fbits, FPCR rounding. */  \
    U fpu##N##_from_int(struct cpu_state *cpu, uint64_t v, bool is_signed,     \
                        unsigned width, unsigned fbits);

FPU_DECLARE(16, uint16_t)
FPU_DECLARE(32, uint32_t)
FPU_DECLARE(64, uint64_t)

/* FRINT32*, FRINT64*: round to an integral value that fits an intbits
 * integer; otherwise (and for NaN, infinity) -2^(intbits-1) and IOC. */
uint32_t fpu32_round_int_n(struct cpu_state *cpu, uint32_t a, enum fpu_rmode rm,
                           unsigned intbits);
uint64_t fpu64_round_int_n(struct cpu_state *cpu, uint64_t a, enum fpu_rmode rm,
                           unsigned intbits);

/* FRECPE/FRSQRTE: the architecture's 8-bit estimates (exact tables, not
 * host division) on an n-bit value (16, 32, 64); URECPE/URSQRTE on
 * unsigned 32-bit fixed point. */
uint64_t fpu_recpe(struct cpu_state *cpu, uint64_t a, unsigned n);
uint64_t fpu_rsqrte(struct cpu_state *cpu, uint64_t a, unsigned n);
uint32_t fpu_urecpe(uint32_t a);
uint32_t fpu_ursqrte(uint32_t a);

/* FCVT between precisions. rm is FPCR's mode, or FPU_RO for FCVTXN. */
uint64_t fpu_cvt_32_to_64(struct cpu_state *cpu, uint32_t a);
uint32_t fpu_cvt_64_to_32(struct cpu_state *cpu, uint64_t a, enum fpu_rmode rm);

/* FMLAL/FMLSL: addend + a * b with half-precision a and b, in single. */
uint32_t fpu_muladd_h(struct cpu_state *cpu, uint32_t addend, uint16_t a,
                      uint16_t b);

/* Half precision to/from single (to_double=false) or double: IEEE format,
 * or the alternative format under FPCR.AHP. */
uint64_t fpu_cvt_from_16(struct cpu_state *cpu, uint16_t h, bool to_double);
uint16_t fpu_cvt_to_16(struct cpu_state *cpu, uint64_t a, bool from_double);

/* Sign manipulation never flushes, rounds or raises anything. */
static inline uint32_t fpu32_neg(uint32_t a) { return a ^ 0x80000000u; }
static inline uint32_t fpu32_abs(uint32_t a) { return a & 0x7fffffffu; }
static inline uint64_t fpu64_neg(uint64_t a) { return a ^ (1ull << 63); }
static inline uint64_t fpu64_abs(uint64_t a) { return a & ~(1ull << 63); }
static inline uint16_t fpu16_neg(uint16_t a) { return a ^ 0x8000u; }
static inline uint16_t fpu16_abs(uint16_t a) { return a & 0x7fffu; }

/* VFPExpandImm: the 8-bit FMOV immediate as a single or double. */
uint16_t fpu16_expand_imm(uint8_t imm8);
uint32_t fpu32_expand_imm(uint8_t imm8);
uint64_t fpu64_expand_imm(uint8_t imm8);

#endif
