/* Shared internals of cpu/fpu.c (single, double, conversions),
 * cpu/fpu-half.c (half-precision arithmetic) and cpu/fpu-estimate.c
 * (reciprocal estimates). Not for handlers: they use cpu/fpu.h. */
#ifndef BACKSTEP_CPU_FPU_INTERNAL_H
#define BACKSTEP_CPU_FPU_INTERNAL_H

#include "cpu/fpu.h"

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
