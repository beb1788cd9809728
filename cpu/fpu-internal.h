/* Shared internals of cpu/fpu.c (single, double, conversions),
 * cpu/fpu-half.c (half-precision arithmetic) and cpu/fpu-estimate.c
 * (reciprocal estimates). Not for handlers: they use cpu/fpu.h. */
#ifndef BACKSTEP_CPU_FPU_INTERNAL_H
#define BACKSTEP_CPU_FPU_INTERNAL_H

#include <fenv.h>

#include "cpu/fpu.h"

/* The host's floating-point environment, for the exact (slow) path of an
 * operation: fpu_host_begin() selects rounding mode rm (FPU_RN..FPU_RZ)
 * with no exception flags raised; fpu_host_end() returns the flags raised
 * since (as FE_* bits) and puts the host back in round-to-nearest.
 *
 * On x86-64 the arithmetic is SSE, so this is the MXCSR register read and
 * written directly: glibc's feclearexcept/fetestexcept also save and load
 * the whole x87 environment, which cost over half of all cycles of FP code
 * (doc/performance.md). MXCSR's flag bits 0..5 are the FE_* values, and
 * its rounding-control field is FE_* rounding << 3. Other hosts use
 * <fenv.h>. */
#if defined(__x86_64__) && defined(__SSE2__) && FE_INVALID == 0x01 &&        \
    FE_DIVBYZERO == 0x04 && FE_OVERFLOW == 0x08 && FE_UNDERFLOW == 0x10 &&   \
    FE_INEXACT == 0x20 && FE_DOWNWARD == 0x400 && FE_UPWARD == 0x800 &&     \
    FE_TOWARDZERO == 0xc00
#include <xmmintrin.h>

#define FPU_MXCSR_FLAGS 0x3fu     /* the five FE_* flags and denormal */
#define FPU_MXCSR_RC 0x6000u      /* rounding control */

static inline void fpu_host_begin(enum fpu_rmode rm)
{
    /* FPU_RN, FPU_RP, FPU_RM, FPU_RZ as MXCSR.RC */
    static const unsigned rc[4] = { 0, FE_UPWARD << 3, FE_DOWNWARD << 3,
                                    FE_TOWARDZERO << 3 };
    unsigned csr = _mm_getcsr();
    unsigned want = (csr & ~(FPU_MXCSR_FLAGS | FPU_MXCSR_RC)) | rc[rm & 3];
    if (csr != want)
        _mm_setcsr(want);
}

static inline int fpu_host_end(void)
{
    unsigned csr = _mm_getcsr();
    if (csr & FPU_MXCSR_RC)
        _mm_setcsr(csr & ~FPU_MXCSR_RC);
    return (int)(csr & FE_ALL_EXCEPT);
}
#else
static inline void fpu_host_begin(enum fpu_rmode rm)
{
    static const int mode[4] = { FE_TONEAREST, FE_UPWARD, FE_DOWNWARD,
                                 FE_TOWARDZERO };
    if (rm & 3)
        fesetround(mode[rm & 3]);
    feclearexcept(FE_ALL_EXCEPT);
}

static inline int fpu_host_end(void)
{
    int exc = fetestexcept(FE_ALL_EXCEPT);
    if (fegetround() != FE_TONEAREST)
        fesetround(FE_TONEAREST);
    return exc;
}
#endif

enum fpu_op {
    FPU_OP_ADD,
    FPU_OP_SUB,
    FPU_OP_MUL,
    FPU_OP_DIV,
    FPU_OP_SQRT,
    FPU_OP_FMA,      /* a * b + c */
    FPU_OP_CVT,      /* from the double src */
    FPU_OP_FROM_S64, /* from the integer ival */
    FPU_OP_FROM_U64,
};

/* One double-precision host operation in mode rm (FPU_RO included);
 * *exc gets the host's exception flags. */
double fpu_f64_calc(enum fpu_op op, enum fpu_rmode rm, double a, double b,
                    double c, uint64_t ival, int *exc);

/* Round a finite double to half precision, with Arm's flags. */
uint16_t fpu_round_to_16(struct cpu_state *cpu, double v, enum fpu_rmode rm,
                         bool ahp, bool fz16);

/* FPUnpack's flush and FPProcessNaN for an n-bit (16, 32, 64) value. */
uint64_t fpu_flush_in_n(struct cpu_state *cpu, uint64_t a, unsigned n);
bool fpu_process_nan_n(struct cpu_state *cpu, uint64_t a, unsigned n,
                       uint64_t *out);

/* Half-precision input stage (fpu-half.c). */
uint16_t fpu16_flush_in(struct cpu_state *cpu, uint16_t h);
bool fpu16_process_nans(struct cpu_state *cpu, const uint16_t *ops, int n,
                        uint16_t *out);

#endif
