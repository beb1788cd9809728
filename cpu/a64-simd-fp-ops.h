/* Floating-point operations by element size (1 half, 2 single, 3 double),
 * on values held in uint64_t, so one handler and one table serve every
 * precision of the scalar FP and vector FP classes. */
#ifndef BACKSTEP_CPU_A64_SIMD_FP_OPS_H
#define BACKSTEP_CPU_A64_SIMD_FP_OPS_H

#include "cpu/a64-simd-common.h"

/* ftype (bits 23..22) as an element size: 00 single, 01 double, 11 half;
 * 10 is not a floating-point type here (0). */
static inline unsigned fp_ftype_size(uint32_t insn)
{
    static const unsigned sizes[4] = { 2, 3, 0, 1 };
    return sizes[a64_bits(insn, 22, 2)];
}

/* An element operation: a from Vn, b from Vm, acc from Vd. */
typedef uint64_t (*fp_elem_fn)(struct cpu_state *cpu, unsigned size,
                               uint64_t a, uint64_t b, uint64_t acc);

#define FP_DISPATCH(size, call16, call32, call64)                            \
    ((size) == 1 ? (uint64_t)(call16) : (size) == 2 ? (uint64_t)(call32)     \
                                                    : (uint64_t)(call64))

#define FP_ELEM_BINOP(name, op)                                              \
    static inline uint64_t fp_elem_##name(struct cpu_state *cpu,             \
                                          unsigned size, uint64_t a,         \
                                          uint64_t b, uint64_t acc)          \
    {                                                                        \
        (void)acc;                                                           \
        return FP_DISPATCH(size, fpu16_##op(cpu, (uint16_t)a, (uint16_t)b),  \
                           fpu32_##op(cpu, (uint32_t)a, (uint32_t)b),        \
                           fpu64_##op(cpu, a, b));                           \
    }

FP_ELEM_BINOP(add, add)
FP_ELEM_BINOP(sub, sub)
FP_ELEM_BINOP(mul, mul)
FP_ELEM_BINOP(div, div)
FP_ELEM_BINOP(mulx, mulx)
FP_ELEM_BINOP(max, max)
FP_ELEM_BINOP(min, min)
FP_ELEM_BINOP(maxnm, maxnm)
FP_ELEM_BINOP(minnm, minnm)
FP_ELEM_BINOP(abd, abd)
FP_ELEM_BINOP(recps, recps)
FP_ELEM_BINOP(rsqrts, rsqrts)

static inline uint64_t fp_neg(unsigned size, uint64_t a)
{
    return a ^ (1ull << ((8u << size) - 1));
}

static inline uint64_t fp_abs(unsigned size, uint64_t a)
{
    return a & ~(1ull << ((8u << size) - 1));
}

/* acc + a * b, fused. */
static inline uint64_t fp_muladd(struct cpu_state *cpu, unsigned size,
                                 uint64_t acc, uint64_t a, uint64_t b)
{
    return FP_DISPATCH(size,
                       fpu16_muladd(cpu, (uint16_t)acc, (uint16_t)a, (uint16_t)b),
                       fpu32_muladd(cpu, (uint32_t)acc, (uint32_t)a, (uint32_t)b),
                       fpu64_muladd(cpu, acc, a, b));
}

static inline uint64_t fp_elem_mla(struct cpu_state *cpu, unsigned size,
                                   uint64_t a, uint64_t b, uint64_t acc)
{
    return fp_muladd(cpu, size, acc, a, b);
}

/* FMLS negates the first multiplicand before anything else (NaN too). */
static inline uint64_t fp_elem_mls(struct cpu_state *cpu, unsigned size,
                                   uint64_t a, uint64_t b, uint64_t acc)
{
    return fp_muladd(cpu, size, acc, fp_neg(size, a), b);
}

static inline uint64_t fp_sqrt(struct cpu_state *cpu, unsigned size, uint64_t a)
{
    return FP_DISPATCH(size, fpu16_sqrt(cpu, (uint16_t)a),
                       fpu32_sqrt(cpu, (uint32_t)a), fpu64_sqrt(cpu, a));
}

static inline uint64_t fp_recpx(struct cpu_state *cpu, unsigned size, uint64_t a)
{
    return FP_DISPATCH(size, fpu16_recpx(cpu, (uint16_t)a),
                       fpu32_recpx(cpu, (uint32_t)a), fpu64_recpx(cpu, a));
}

static inline uint64_t fp_round_int(struct cpu_state *cpu, unsigned size,
                                    uint64_t a, enum fpu_rmode rm, bool exact)
{
    return FP_DISPATCH(size, fpu16_round_int(cpu, (uint16_t)a, rm, exact),
                       fpu32_round_int(cpu, (uint32_t)a, rm, exact),
                       fpu64_round_int(cpu, a, rm, exact));
}

static inline uint64_t fp_to_int(struct cpu_state *cpu, unsigned size,
                                 uint64_t a, enum fpu_rmode rm, unsigned fbits,
                                 bool is_signed, unsigned width)
{
    return FP_DISPATCH(size,
                       fpu16_to_int(cpu, (uint16_t)a, rm, fbits, is_signed, width),
                       fpu32_to_int(cpu, (uint32_t)a, rm, fbits, is_signed, width),
                       fpu64_to_int(cpu, a, rm, fbits, is_signed, width));
}

static inline uint64_t fp_from_int(struct cpu_state *cpu, unsigned size,
                                   uint64_t v, bool is_signed, unsigned width,
                                   unsigned fbits)
{
    return FP_DISPATCH(size, fpu16_from_int(cpu, v, is_signed, width, fbits),
                       fpu32_from_int(cpu, v, is_signed, width, fbits),
                       fpu64_from_int(cpu, v, is_signed, width, fbits));
}

static inline uint32_t fp_compare(struct cpu_state *cpu, unsigned size,
                                  uint64_t a, uint64_t b, bool signal_nans)
{
    return (uint32_t)FP_DISPATCH(
        size, fpu16_compare(cpu, (uint16_t)a, (uint16_t)b, signal_nans),
        fpu32_compare(cpu, (uint32_t)a, (uint32_t)b, signal_nans),
        fpu64_compare(cpu, a, b, signal_nans));
}

static inline uint64_t fp_expand_imm(unsigned size, uint8_t imm8)
{
    return FP_DISPATCH(size, fpu16_expand_imm(imm8), fpu32_expand_imm(imm8),
                       fpu64_expand_imm(imm8));
}

static inline uint64_t fp_mask(unsigned size, bool v)
{
    return v ? simd_elem_mask(size) : 0;
}

#define FP_ELEM_CMP(name, op)                                                \
    static inline uint64_t fp_elem_##name(struct cpu_state *cpu,             \
                                          unsigned size, uint64_t a,         \
                                          uint64_t b, uint64_t acc)          \
    {                                                                        \
        (void)acc;                                                           \
        return fp_mask(size, FP_DISPATCH(size,                               \
            fpu16_##op(cpu, (uint16_t)a, (uint16_t)b),                       \
            fpu32_##op(cpu, (uint32_t)a, (uint32_t)b),                       \
            fpu64_##op(cpu, a, b)));                                         \
    }

FP_ELEM_CMP(cmeq, cmp_eq)
FP_ELEM_CMP(cmge, cmp_ge)
FP_ELEM_CMP(cmgt, cmp_gt)

static inline uint64_t fp_elem_acge(struct cpu_state *cpu, unsigned size,
                                    uint64_t a, uint64_t b, uint64_t acc)
{
    return fp_elem_cmge(cpu, size, fp_abs(size, a), fp_abs(size, b), acc);
}

static inline uint64_t fp_elem_acgt(struct cpu_state *cpu, unsigned size,
                                    uint64_t a, uint64_t b, uint64_t acc)
{
    return fp_elem_cmgt(cpu, size, fp_abs(size, a), fp_abs(size, b), acc);
}

#endif
