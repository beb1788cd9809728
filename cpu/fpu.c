/* Arm floating-point semantics on the host's IEEE arithmetic; see fpu.h.
 * The per-precision code is in fpu-template.h, included once for single
 * and once for double precision. */
#include <fenv.h>
#include <float.h>
#include <math.h>
#include <string.h>

#include "cpu/fpu.h"
#include "cpu/fpu-internal.h"


/* Round to an integral value in mode rm (exact: no host flags wanted). */
static double fpu_round_double(double x, enum fpu_rmode rm)
{
    switch (rm) {
    case FPU_RP:
        return ceil(x);
    case FPU_RM:
        return floor(x);
    case FPU_RZ:
        return trunc(x);
    case FPU_RA:
        return round(x);
    default:
        return nearbyint(x);  /* the host runs in round-to-nearest-even */
    }
}

/* FPToFixed's saturation: r is already integral. Out of range gives the
 * nearest bound and IOC (and no IXC); otherwise IXC if it was inexact. */
static uint64_t fpu_saturate_double(struct cpu_state *cpu, double r,
                                    bool inexact, bool is_signed,
                                    unsigned width)
{
    double limit = ldexp(1.0, (int)width - (is_signed ? 1 : 0));
    if (is_signed) {
        if (r >= limit || r < -limit) {
            cpu->fpsr |= FPSR_IOC;
            uint64_t max = (1ull << (width - 1)) - 1;
            uint64_t v = r > 0 ? max : ~max;
            return width == 32 ? (uint32_t)v : v;
        }
    } else if (r >= limit || r < 0) {
        cpu->fpsr |= FPSR_IOC;
        return r < 0 ? 0 : (width == 64 ? UINT64_MAX : (1ull << width) - 1);
    }
    if (inexact)
        cpu->fpsr |= FPSR_IXC;
    if (is_signed) {
        uint64_t v = (uint64_t)(int64_t)r;
        return width == 32 ? (uint32_t)v : v;
    }
    return (uint64_t)r;
}

#define FPT_N 32
#define FPT_F float
#define FPT_U uint32_t
#define FPT_SIGN 0x80000000u
#define FPT_EXP_MASK 0x7f800000u
#define FPT_EXP_UNIT 0x00800000u
#define FPT_QUIET 0x00400000u
#define FPT_DEFAULT_NAN FPU_DEFAULT_NAN32
#define FPT_MIN_NORMAL FLT_MIN
#define FPT_TWO 0x40000000u
#define FPT_ONE_POINT_FIVE 0x3fc00000u
#define FPT_SQRT sqrtf
#define FPT_FMA fmaf
#include "cpu/fpu-template.h"
#undef FPT_N
#undef FPT_F
#undef FPT_U
#undef FPT_SIGN
#undef FPT_EXP_MASK
#undef FPT_EXP_UNIT
#undef FPT_QUIET
#undef FPT_DEFAULT_NAN
#undef FPT_MIN_NORMAL
#undef FPT_TWO
#undef FPT_ONE_POINT_FIVE
#undef FPT_SQRT
#undef FPT_FMA

#define FPT_N 64
#define FPT_F double
#define FPT_U uint64_t
#define FPT_SIGN 0x8000000000000000ull
#define FPT_EXP_MASK 0x7ff0000000000000ull
#define FPT_EXP_UNIT 0x0010000000000000ull
#define FPT_QUIET 0x0008000000000000ull
#define FPT_DEFAULT_NAN FPU_DEFAULT_NAN64
#define FPT_MIN_NORMAL DBL_MIN
#define FPT_TWO 0x4000000000000000ull
#define FPT_ONE_POINT_FIVE 0x3ff8000000000000ull
#define FPT_SQRT sqrt
#define FPT_FMA fma
#include "cpu/fpu-template.h"

uint64_t fpu_cvt_32_to_64(struct cpu_state *cpu, uint32_t a)
{
    a = f32_flush_in(cpu, a);
    if (f32_is_nan(a)) {
        if (f32_is_snan(a))
            cpu->fpsr |= FPSR_IOC;
        if (cpu->fpcr & FPCR_DN)
            return FPU_DEFAULT_NAN64;
        /* FPConvertNaN: sign, quiet bit, then the payload's top bits. */
        return (uint64_t)(a >> 31) << 63 | 0x7ff8000000000000ull |
               (uint64_t)(a & 0x003fffffu) << 29;
    }
    return f64_bits((double)f32_val(a));  /* exact */
}

uint32_t fpu_cvt_64_to_32(struct cpu_state *cpu, uint64_t a, enum fpu_rmode rm)
{
    a = f64_flush_in(cpu, a);
    if (f64_is_nan(a)) {
        if (f64_is_snan(a))
            cpu->fpsr |= FPSR_IOC;
        if (cpu->fpcr & FPCR_DN)
            return FPU_DEFAULT_NAN32;
        return (uint32_t)(a >> 63) << 31 | 0x7fc00000u |
               (uint32_t)((a >> 29) & 0x003fffffu);
    }
    return f32_round_result(cpu, FPU_OP_CVT, rm, 0, 0, 0, f64_val(a));
}

/* Half precision (IEEE, or Arm's alternative format when FPCR.AHP is set:
 * no infinities or NaNs, exponent 31 is an ordinary binade). Conversions
 * never flush half-precision values (FPConvert ignores FZ16). */

uint64_t fpu_cvt_from_16(struct cpu_state *cpu, uint16_t h, bool to_double)
{
    bool sign = h >> 15;
    unsigned exp = (h >> 10) & 31, frac = h & 0x3ff;
    bool ahp = cpu->fpcr & FPCR_AHP;
    if (exp == 31 && !ahp) {
        if (frac == 0)
            return to_double ? (uint64_t)sign << 63 | 0x7ff0000000000000ull
                             : (uint64_t)sign << 31 | 0x7f800000u;
        if (!(frac & 0x200))
            cpu->fpsr |= FPSR_IOC;
        if (cpu->fpcr & FPCR_DN)
            return to_double ? FPU_DEFAULT_NAN64 : FPU_DEFAULT_NAN32;
        return to_double ? (uint64_t)sign << 63 | 0x7ff8000000000000ull |
                               (uint64_t)(frac & 0x1ff) << 42
                         : (uint64_t)sign << 31 | 0x7fc00000u |
                               (uint64_t)(frac & 0x1ff) << 13;
    }
    /* Every half value is exact in single and double precision. */
    double v = exp ? ldexp(1024 + frac, (int)exp - 25) : ldexp(frac, -24);
    if (sign)
        v = -v;
    return to_double ? f64_bits(v) : f32_bits((float)v);
}

/* Round a finite double to half precision: 11 significant bits, fewer
 * below the normal range (quantum 2^-24). Arm detects tininess before
 * rounding; fz16 flushes tiny results to zero (arithmetic under FZ16;
 * conversions never flush). */
uint16_t fpu_round_to_16(struct cpu_state *cpu, double v, enum fpu_rmode rm,
                         bool ahp, bool fz16)
{
    uint16_t sign = signbit(v) ? 0x8000 : 0;
    if (v == 0)
        return sign;
    int e2;
    double m = frexp(fabs(v), &e2);      /* |v| = m * 2^e2, 0.5 <= m < 1 */
    int exp = e2 - 1;                    /* |v| = 1.f * 2^exp */
    if (exp < -14 && fz16) {
        cpu->fpsr |= FPSR_UFC;
        return sign;
    }
    uint64_t sig = (uint64_t)ldexp(m, 53);  /* 53 bits, exact */
    int drop = 42 + (exp < -14 ? -14 - exp : 0);
    uint64_t kept, rem, halfway;
    if (drop > 60) {
        kept = 0;
        rem = 1;
        halfway = 2;  /* far below half of the quantum */
    } else {
        kept = sig >> drop;
        rem = sig & ((1ull << drop) - 1);
        halfway = 1ull << (drop - 1);
    }
    bool up = false;
    switch (rm) {
    case FPU_RN:
        up = rem > halfway || (rem == halfway && (kept & 1));
        break;
    case FPU_RP:
        up = rem && !sign;
        break;
    case FPU_RM:
        up = rem && sign;
        break;
    case FPU_RA:
        up = rem >= halfway;
        break;
    default:
        break;
    }
    kept += up;
    if (exp < -14) {
        /* Tiny before rounding: a denormal (or, rounded up, 0x0400). */
        if (rem)
            cpu->fpsr |= FPSR_UFC | FPSR_IXC;
        return sign | (uint16_t)kept;
    }
    if (kept == 2048) {
        kept = 1024;
        exp++;
    }
    int max_exp = ahp ? 16 : 15;
    if (exp > max_exp) {
        if (ahp) {
            cpu->fpsr |= FPSR_IOC;
            return sign | 0x7fff;
        }
        cpu->fpsr |= FPSR_OFC | FPSR_IXC;
        bool to_inf = rm == FPU_RN || rm == FPU_RA || (rm == FPU_RP && !sign) ||
                      (rm == FPU_RM && sign);
        return sign | (to_inf ? 0x7c00 : 0x7bff);
    }
    if (rem)
        cpu->fpsr |= FPSR_IXC;
    return sign | (uint16_t)((exp + 15) << 10) | (uint16_t)(kept & 0x3ff);
}

uint16_t fpu_cvt_to_16(struct cpu_state *cpu, uint64_t a, bool from_double)
{
    bool ahp = cpu->fpcr & FPCR_AHP;
    bool nan, snan, neg, inf;
    if (from_double) {
        a = f64_flush_in(cpu, a);
        nan = f64_is_nan(a);
        snan = f64_is_snan(a);
        inf = f64_is_inf(a);
        neg = a >> 63;
    } else {
        a = f32_flush_in(cpu, (uint32_t)a);
        nan = f32_is_nan((uint32_t)a);
        snan = f32_is_snan((uint32_t)a);
        inf = f32_is_inf((uint32_t)a);
        neg = (a >> 31) & 1;
    }
    if (!nan && !inf) {
        double v = from_double ? f64_val(a) : f32_val((uint32_t)a);
        return fpu_round_to_16(cpu, v, fpu_fpcr_rmode(cpu), ahp, false);
    }
    uint16_t sign16 = neg ? 0x8000 : 0;
    if (ahp) {
        /* No infinities or NaNs in the alternative format. */
        cpu->fpsr |= FPSR_IOC;
        return nan ? sign16 : (sign16 | 0x7fff);
    }
    if (!nan)
        return sign16 | 0x7c00;
    if (snan)
        cpu->fpsr |= FPSR_IOC;
    if (cpu->fpcr & FPCR_DN)
        return FPU_DEFAULT_NAN16;
    uint16_t payload = from_double ? (uint16_t)((a >> 42) & 0x1ff)
                                   : (uint16_t)((a >> 13) & 0x1ff);
    return sign16 | 0x7e00 | payload;
}

double fpu_f64_calc(enum fpu_op op, enum fpu_rmode rm, double a, double b,
                    double c, uint64_t ival, int *exc)
{
    return f64_host_calc(op, rm, a, b, c, 0, ival, exc);
}

uint64_t fpu_flush_in_n(struct cpu_state *cpu, uint64_t a, unsigned n)
{
    switch (n) {
    case 16:
        return fpu16_flush_in(cpu, (uint16_t)a);
    case 32:
        return f32_flush_in(cpu, (uint32_t)a);
    default:
        return f64_flush_in(cpu, a);
    }
}

bool fpu_process_nan_n(struct cpu_state *cpu, uint64_t a, unsigned n,
                       uint64_t *out)
{
    switch (n) {
    case 16: {
        uint16_t h = (uint16_t)a, r = 0;
        bool is_nan = fpu16_process_nans(cpu, &h, 1, &r);
        *out = r;
        return is_nan;
    }
    case 32: {
        uint32_t v = (uint32_t)a, r = 0;
        bool is_nan = f32_process_nans(cpu, &v, 1, &r);
        *out = r;
        return is_nan;
    }
    default:
        return f64_process_nans(cpu, &a, 1, out);
    }
}
