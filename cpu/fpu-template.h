/* One precision of cpu/fpu.c: included twice, with FPT_N 32 (float) and
 * 64 (double). The macros below are the only difference between the two
 * precisions; see fpu.h for what each public function does. */

#define FPT_CAT3_(a, b, c) a##b##c
#define FPT_CAT3(a, b, c) FPT_CAT3_(a, b, c)
#define PUB(name) FPT_CAT3(fpu, FPT_N, _##name)
#define LOC(name) FPT_CAT3(f, FPT_N, _##name)
#define F FPT_F
#define U FPT_U

static inline F LOC(val)(U u)
{
    F f;
    memcpy(&f, &u, sizeof f);
    return f;
}

static inline U LOC(bits)(F f)
{
    U u;
    memcpy(&u, &f, sizeof u);
    return u;
}

static inline bool LOC(is_nan)(U x) { return (x & ~FPT_SIGN) > FPT_EXP_MASK; }
static inline bool LOC(is_snan)(U x) { return LOC(is_nan)(x) && !(x & FPT_QUIET); }
static inline bool LOC(is_inf)(U x) { return (x & ~FPT_SIGN) == FPT_EXP_MASK; }
static inline bool LOC(is_zero)(U x) { return (x & ~FPT_SIGN) == 0; }

/* FPUnpack: with FPCR.FZ a denormal input reads as a zero of its sign. */
static U LOC(flush_in)(struct cpu_state *cpu, U x)
{
    if ((cpu->fpcr & FPCR_FZ) && (x & FPT_EXP_MASK) == 0 &&
        (x & ~FPT_SIGN) != 0) {
        cpu->fpsr |= FPSR_IDC;
        return x & FPT_SIGN;
    }
    return x;
}

static U LOC(quiet_nan)(struct cpu_state *cpu, U x)
{
    return (cpu->fpcr & FPCR_DN) ? FPT_DEFAULT_NAN : (x | FPT_QUIET);
}

/* FPProcessNaNs: the first signalling NaN, else the first quiet NaN. */
static bool LOC(process_nans)(struct cpu_state *cpu, const U *ops, int n,
                              U *out)
{
    for (int i = 0; i < n; i++) {
        if (LOC(is_snan)(ops[i])) {
            cpu->fpsr |= FPSR_IOC;
            *out = LOC(quiet_nan)(cpu, ops[i]);
            return true;
        }
    }
    for (int i = 0; i < n; i++) {
        if (LOC(is_nan)(ops[i])) {
            *out = LOC(quiet_nan)(cpu, ops[i]);
            return true;
        }
    }
    return false;
}

/* One host operation in a given rounding mode; *exc gets the host's
 * exception flags. volatile keeps the compiler from moving the arithmetic
 * across the reads and writes of the host's FP environment. */
static F LOC(host_calc)(enum fpu_op op, enum fpu_rmode rm, F a, F b, F c,
                        double src, uint64_t ival, int *exc)
{
    volatile F va = a, vb = b, vc = c;
    volatile double vsrc = src;
    volatile uint64_t vival = ival;
    volatile F r;
    bool odd = rm == FPU_RO;

    fpu_host_begin(odd ? FPU_RZ : rm);
    switch (op) {
    case FPU_OP_ADD:
        r = va + vb;
        break;
    case FPU_OP_SUB:
        r = va - vb;
        break;
    case FPU_OP_MUL:
        r = va * vb;
        break;
    case FPU_OP_DIV:
        r = va / vb;
        break;
    case FPU_OP_SQRT:
        r = FPT_SQRT(va);
        break;
    case FPU_OP_FMA:
        r = FPT_FMA(va, vb, vc);
        break;
    case FPU_OP_CVT:
        r = (F)vsrc;
        break;
    case FPU_OP_FROM_S64:
        r = (F)(int64_t)vival;
        break;
    case FPU_OP_FROM_U64:
        r = (F)vival;
        break;
    }
    *exc = fpu_host_end();
    if (odd && (*exc & FE_INEXACT)) {
        /* Round to odd: truncate, then set the lowest bit if inexact. */
        r = LOC(val)(LOC(bits)(r) | 1);
    }
    return r;
}

/* FPRound's flags and flush-to-zero on a host result. Arm detects tininess
 * before rounding, x86 after: a result that rounded up to the smallest
 * normal is recomputed toward zero to decide. */
static U LOC(round_result)(struct cpu_state *cpu, enum fpu_op op,
                           enum fpu_rmode rm, F a, F b, F c, double src)
{
    int exc;
    F r = LOC(host_calc)(op, rm, a, b, c, src, 0, &exc);
    if (isnan(r)) {
        cpu->fpsr |= FPSR_IOC;
        return FPT_DEFAULT_NAN;
    }
    F mag = r < 0 ? -r : r;
    bool inexact = exc & FE_INEXACT;
    bool tiny = (exc & FE_UNDERFLOW) || (r != 0 && mag < FPT_MIN_NORMAL);
    if (!tiny && inexact && mag == FPT_MIN_NORMAL) {
        int exc_rz;
        F rz = LOC(host_calc)(op, FPU_RZ, a, b, c, src, 0, &exc_rz);
        tiny = (rz < 0 ? -rz : rz) < FPT_MIN_NORMAL;
    }
    if (tiny && (cpu->fpcr & FPCR_FZ)) {
        cpu->fpsr |= FPSR_UFC;
        return LOC(bits)(r) & FPT_SIGN;
    }
    if (exc & FE_INVALID)
        cpu->fpsr |= FPSR_IOC;
    if (exc & FE_DIVBYZERO)
        cpu->fpsr |= FPSR_DZC;
    if (exc & FE_OVERFLOW)
        cpu->fpsr |= FPSR_OFC;
    if (inexact)
        cpu->fpsr |= FPSR_IXC;
    if (tiny && inexact)
        cpu->fpsr |= FPSR_UFC;
    return LOC(bits)(r);
}

/* Return the host's round-to-nearest `expr` when the fast path holds
 * (fpu_fast_mode() in fpu.h says why that is exact). */
#define FPT_TRY_FAST(cpu, expr)                                              \
    do {                                                                     \
        if (fpu_fast_mode(cpu)) {                                            \
            F fast_r_ = (expr);                                              \
            if (__builtin_expect(PUB(fast_result)(fast_r_), 1))              \
                return LOC(bits)(fast_r_);                                   \
        }                                                                    \
    } while (0)

static U LOC(arith2)(struct cpu_state *cpu, enum fpu_op op, U a, U b)
{
    U ops[2] = { LOC(flush_in)(cpu, a), LOC(flush_in)(cpu, b) };
    U nan;
    if (LOC(process_nans)(cpu, ops, 2, &nan))
        return nan;
    return LOC(round_result)(cpu, op, fpu_fpcr_rmode(cpu), LOC(val)(ops[0]),
                             LOC(val)(ops[1]), 0, 0);
}

U PUB(add)(struct cpu_state *cpu, U a, U b)
{
    FPT_TRY_FAST(cpu, LOC(val)(a) + LOC(val)(b));
    return LOC(arith2)(cpu, FPU_OP_ADD, a, b);
}

U PUB(sub)(struct cpu_state *cpu, U a, U b)
{
    FPT_TRY_FAST(cpu, LOC(val)(a) - LOC(val)(b));
    return LOC(arith2)(cpu, FPU_OP_SUB, a, b);
}

U PUB(mul)(struct cpu_state *cpu, U a, U b)
{
    FPT_TRY_FAST(cpu, LOC(val)(a) * LOC(val)(b));
    return LOC(arith2)(cpu, FPU_OP_MUL, a, b);
}

U PUB(div)(struct cpu_state *cpu, U a, U b)
{
    FPT_TRY_FAST(cpu, LOC(val)(a) / LOC(val)(b));
    return LOC(arith2)(cpu, FPU_OP_DIV, a, b);
}

U PUB(abd)(struct cpu_state *cpu, U a, U b)
{
    return PUB(sub)(cpu, a, b) & ~FPT_SIGN;
}

U PUB(mulx)(struct cpu_state *cpu, U a, U b)
{
    /* (+-0) * (+-inf) is NaN on the host: the exact path does FMULX's
     * special case. */
    FPT_TRY_FAST(cpu, LOC(val)(a) * LOC(val)(b));
    U ops[2] = { LOC(flush_in)(cpu, a), LOC(flush_in)(cpu, b) };
    U nan;
    if (LOC(process_nans)(cpu, ops, 2, &nan))
        return nan;
    if ((LOC(is_inf)(ops[0]) && LOC(is_zero)(ops[1])) ||
        (LOC(is_zero)(ops[0]) && LOC(is_inf)(ops[1])))
        return FPT_TWO | ((ops[0] ^ ops[1]) & FPT_SIGN);
    return LOC(round_result)(cpu, FPU_OP_MUL, fpu_fpcr_rmode(cpu),
                             LOC(val)(ops[0]), LOC(val)(ops[1]), 0, 0);
}

U PUB(sqrt)(struct cpu_state *cpu, U a)
{
    FPT_TRY_FAST(cpu, FPT_SQRT(LOC(val)(a)));
    U op = LOC(flush_in)(cpu, a);
    U nan;
    if (LOC(process_nans)(cpu, &op, 1, &nan))
        return nan;
    return LOC(round_result)(cpu, FPU_OP_SQRT, fpu_fpcr_rmode(cpu),
                             LOC(val)(op), 0, 0, 0);
}

U PUB(muladd)(struct cpu_state *cpu, U addend, U a, U b)
{
    FPT_TRY_FAST(cpu, FPT_FMA(LOC(val)(a), LOC(val)(b), LOC(val)(addend)));
    U ops[3] = { LOC(flush_in)(cpu, addend), LOC(flush_in)(cpu, a),
                 LOC(flush_in)(cpu, b) };
    U nan;
    bool inf_times_zero =
        (LOC(is_inf)(ops[1]) && LOC(is_zero)(ops[2])) ||
        (LOC(is_zero)(ops[1]) && LOC(is_inf)(ops[2]));
    /* A quiet-NaN addend does not hide an invalid product. */
    if (LOC(is_nan)(ops[0]) && !LOC(is_snan)(ops[0]) && inf_times_zero) {
        cpu->fpsr |= FPSR_IOC;
        return FPT_DEFAULT_NAN;
    }
    if (LOC(process_nans)(cpu, ops, 3, &nan))
        return nan;
    return LOC(round_result)(cpu, FPU_OP_FMA, fpu_fpcr_rmode(cpu),
                             LOC(val)(ops[1]), LOC(val)(ops[2]),
                             LOC(val)(ops[0]), 0);
}

U PUB(recps)(struct cpu_state *cpu, U a, U b)
{
    U ops[2] = { LOC(flush_in)(cpu, a) ^ FPT_SIGN, LOC(flush_in)(cpu, b) };
    U nan;
    if (LOC(process_nans)(cpu, ops, 2, &nan))
        return nan;
    if ((LOC(is_inf)(ops[0]) && LOC(is_zero)(ops[1])) ||
        (LOC(is_zero)(ops[0]) && LOC(is_inf)(ops[1])))
        return FPT_TWO;
    return LOC(round_result)(cpu, FPU_OP_FMA, fpu_fpcr_rmode(cpu),
                             LOC(val)(ops[0]), LOC(val)(ops[1]), 2, 0);
}

U PUB(rsqrts)(struct cpu_state *cpu, U a, U b)
{
    U ops[2] = { LOC(flush_in)(cpu, a) ^ FPT_SIGN, LOC(flush_in)(cpu, b) };
    U nan;
    if (LOC(process_nans)(cpu, ops, 2, &nan))
        return nan;
    if ((LOC(is_inf)(ops[0]) && LOC(is_zero)(ops[1])) ||
        (LOC(is_zero)(ops[0]) && LOC(is_inf)(ops[1])))
        return FPT_ONE_POINT_FIVE;
    /* (3 - a*b) / 2 with one rounding: halve the operand with the larger
     * exponent (exactly), so the fused result needs no second rounding. If
     * both are too small to halve exactly the product is negligible
     * beside 3 and the final halving of a value near 1.5 is exact. */
    F x = LOC(val)(ops[0]), y = LOC(val)(ops[1]);
    U ex = ops[0] & FPT_EXP_MASK, ey = ops[1] & FPT_EXP_MASK;
    if (ex >= 2 * FPT_EXP_UNIT && ex != FPT_EXP_MASK) {
        x = x / 2;
    } else if (ey >= 2 * FPT_EXP_UNIT && ey != FPT_EXP_MASK) {
        y = y / 2;
    } else {
        U r = LOC(round_result)(cpu, FPU_OP_FMA, fpu_fpcr_rmode(cpu), x, y, 3, 0);
        return LOC(is_nan)(r) ? r : LOC(bits)(LOC(val)(r) / 2);
    }
    return LOC(round_result)(cpu, FPU_OP_FMA, fpu_fpcr_rmode(cpu), x, y, 1.5, 0);
}

/* FPMax/FPMin: NaNs propagate; max(+0, -0) is +0 and min is -0. The
 * result is one of the (flushed) operands, so nothing is rounded. */
static U LOC(maxmin)(struct cpu_state *cpu, U a, U b, bool is_max)
{
    U ops[2] = { LOC(flush_in)(cpu, a), LOC(flush_in)(cpu, b) };
    U nan;
    if (LOC(process_nans)(cpu, ops, 2, &nan))
        return nan;
    if (LOC(is_zero)(ops[0]) && LOC(is_zero)(ops[1]))
        return is_max ? (ops[0] & ops[1]) : (ops[0] | ops[1]);
    F x = LOC(val)(ops[0]), y = LOC(val)(ops[1]);
    return (is_max ? x > y : x < y) ? ops[0] : ops[1];
}

/* FPMaxNum/FPMinNum: a single quiet NaN loses to a number. */
static U LOC(maxmin_num)(struct cpu_state *cpu, U a, U b, bool is_max)
{
    U far = is_max ? (FPT_EXP_MASK | FPT_SIGN) : FPT_EXP_MASK;
    bool qa = LOC(is_nan)(a) && !LOC(is_snan)(a);
    bool qb = LOC(is_nan)(b) && !LOC(is_snan)(b);
    if (qa && !qb)
        a = far;
    else if (qb && !qa)
        b = far;
    return LOC(maxmin)(cpu, a, b, is_max);
}

U PUB(max)(struct cpu_state *cpu, U a, U b) { return LOC(maxmin)(cpu, a, b, true); }
U PUB(min)(struct cpu_state *cpu, U a, U b) { return LOC(maxmin)(cpu, a, b, false); }
U PUB(maxnm)(struct cpu_state *cpu, U a, U b) { return LOC(maxmin_num)(cpu, a, b, true); }
U PUB(minnm)(struct cpu_state *cpu, U a, U b) { return LOC(maxmin_num)(cpu, a, b, false); }

U PUB(round_int)(struct cpu_state *cpu, U a, enum fpu_rmode rm, bool exact)
{
    U op = LOC(flush_in)(cpu, a);
    U nan;
    if (LOC(process_nans)(cpu, &op, 1, &nan))
        return nan;
    if (LOC(is_inf)(op) || LOC(is_zero)(op))
        return op;
    F x = LOC(val)(op);
    F r = (F)fpu_round_double(x, rm);
    if (exact && r != x)
        cpu->fpsr |= FPSR_IXC;
    /* An integral zero keeps the operand's sign (e.g. -0.4 -> -0.0). */
    return LOC(bits)(r) | (op & FPT_SIGN);
}

U PUB(round_int_n)(struct cpu_state *cpu, U a, enum fpu_rmode rm,
                   unsigned intbits)
{
    U op = LOC(flush_in)(cpu, a);
    F most_negative = (F)-ldexp(1.0, (int)intbits - 1);
    if (LOC(is_nan)(op) || LOC(is_inf)(op)) {
        cpu->fpsr |= FPSR_IOC;
        return LOC(bits)(most_negative);
    }
    if (LOC(is_zero)(op))
        return op;
    F x = LOC(val)(op);
    double r = fpu_round_double(x, rm);
    if (r < (double)most_negative || r >= -(double)most_negative) {
        cpu->fpsr |= FPSR_IOC;
        return LOC(bits)(most_negative);
    }
    if (r != x)
        cpu->fpsr |= FPSR_IXC;
    return LOC(bits)((F)r) | (op & FPT_SIGN);
}

U PUB(recpx)(struct cpu_state *cpu, U a)
{
    U op = LOC(flush_in)(cpu, a);
    U nan;
    if (LOC(process_nans)(cpu, &op, 1, &nan))
        return nan;
    U exp = op & FPT_EXP_MASK;
    U sign = op & FPT_SIGN;
    /* A zero (or flushed denormal) exponent gives the largest finite
     * exponent; otherwise the exponent's bitwise inverse. */
    if (exp == 0)
        return sign | (FPT_EXP_MASK - FPT_EXP_UNIT);
    return sign | (~exp & FPT_EXP_MASK);
}

uint32_t PUB(compare)(struct cpu_state *cpu, U a, U b, bool signal_nans)
{
    a = LOC(flush_in)(cpu, a);
    b = LOC(flush_in)(cpu, b);
    if (LOC(is_nan)(a) || LOC(is_nan)(b)) {
        if (signal_nans || LOC(is_snan)(a) || LOC(is_snan)(b))
            cpu->fpsr |= FPSR_IOC;
        return CPU_NZCV_C | CPU_NZCV_V;
    }
    F x = LOC(val)(a), y = LOC(val)(b);
    if (x == y)
        return CPU_NZCV_Z | CPU_NZCV_C;
    if (x < y)
        return CPU_NZCV_N;
    return CPU_NZCV_C;
}

bool PUB(cmp_eq)(struct cpu_state *cpu, U a, U b)
{
    a = LOC(flush_in)(cpu, a);
    b = LOC(flush_in)(cpu, b);
    if (LOC(is_nan)(a) || LOC(is_nan)(b)) {
        if (LOC(is_snan)(a) || LOC(is_snan)(b))
            cpu->fpsr |= FPSR_IOC;
        return false;
    }
    return LOC(val)(a) == LOC(val)(b);
}

bool PUB(cmp_ge)(struct cpu_state *cpu, U a, U b)
{
    a = LOC(flush_in)(cpu, a);
    b = LOC(flush_in)(cpu, b);
    if (LOC(is_nan)(a) || LOC(is_nan)(b)) {
        cpu->fpsr |= FPSR_IOC;
        return false;
    }
    return LOC(val)(a) >= LOC(val)(b);
}

bool PUB(cmp_gt)(struct cpu_state *cpu, U a, U b)
{
    a = LOC(flush_in)(cpu, a);
    b = LOC(flush_in)(cpu, b);
    if (LOC(is_nan)(a) || LOC(is_nan)(b)) {
        cpu->fpsr |= FPSR_IOC;
        return false;
    }
    return LOC(val)(a) > LOC(val)(b);
}

uint64_t PUB(to_int)(struct cpu_state *cpu, U a, enum fpu_rmode rm,
                     unsigned fbits, bool is_signed, unsigned width)
{
    a = LOC(flush_in)(cpu, a);
    if (LOC(is_nan)(a)) {
        cpu->fpsr |= FPSR_IOC;
        return 0;
    }
    /* Scaling by 2^fbits is exact in double (or overflows to infinity,
     * which saturates below as it should). */
    double x = ldexp((double)LOC(val)(a), (int)fbits);
    double r = fpu_round_double(x, rm);
    return fpu_saturate_double(cpu, r, r != x, is_signed, width);
}

U PUB(from_int)(struct cpu_state *cpu, uint64_t v, bool is_signed,
                unsigned width, unsigned fbits)
{
    uint64_t ext = v;
    if (width == 32)
        ext = is_signed ? (uint64_t)(int64_t)(int32_t)v : (uint32_t)v;
    int exc;
    F r = LOC(host_calc)(is_signed ? FPU_OP_FROM_S64 : FPU_OP_FROM_U64,
                         fpu_fpcr_rmode(cpu), 0, 0, 0, 0, ext,
                         &exc);
    if (exc & FE_INEXACT)
        cpu->fpsr |= FPSR_IXC;
    /* The integer is at least 1 (or 0), so dividing by at most 2^64 stays
     * normal: the scaling is exact. */
    return LOC(bits)(r * (F)ldexp(1.0, -(int)fbits));
}

U PUB(expand_imm)(uint8_t imm8)
{
    U sign = (U)(imm8 >> 7) << (FPT_N - 1);
    U b6 = (imm8 >> 6) & 1;
    /* exponent: NOT(b6), then b6 replicated, then imm8<5:4> */
    unsigned ebits = FPT_N == 32 ? 8 : 11;
    U exp = (U)(!b6) << (ebits - 1);
    if (b6)
        exp |= (((U)1 << (ebits - 3)) - 1) << 2;
    exp |= (imm8 >> 4) & 3;
    U frac = (U)(imm8 & 15) << (FPT_N - ebits - 1 - 4);
    return sign | exp << (FPT_N - 1 - ebits) | frac;
}

#undef FPT_TRY_FAST
#undef PUB
#undef LOC
#undef F
#undef U
