/* SVE floating-point unary operations: FRINTN/P/M/Z/A/X/I, FRECPX and
 * FSQRT (predicated), the conversions FCVT, FCVTZS, FCVTZU, SCVTF and
 * UCVTF (predicated; narrower results sit zero- or sign-extended in the
 * wider element), the unpredicated estimates FRECPE and FRSQRTE, and
 * SVE2's FLOGB. BFCVT (BF16) is not implemented. */
#include "cpu/sve.h"
#include "cpu/a64-simd-fp-ops.h"

/* Apply op to every active element of size esz of Zn into Zd (merging). */
typedef uint64_t (*sve_fp_unop)(struct cpu_state *cpu, unsigned code,
                                unsigned esz, uint64_t a);

static int sve_fp_unary(struct cpu_state *cpu, uint32_t insn, unsigned esz,
                        sve_fp_unop op, unsigned code)
{
    unsigned d = A64_RD(insn), pg = SVE_PG3(insn);
    const cpu_zreg *n = &cpu->z[A64_RN(insn)];
    cpu_zreg r;

    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        uint64_t v = sve_elem(&cpu->z[d], esz, i);
        if (sve_active(cpu, pg, esz, i))
            v = op(cpu, code, esz, sve_elem(n, esz, i)) & sve_esz_mask(esz);
        sve_set_elem(&r, esz, i, v);
    }
    sve_put_z(cpu, d, &r);
    return A64_NEXT;
}

/* FRINT*: code is bits 18:16 (N P M Z A - X I). */
static uint64_t sve_frint(struct cpu_state *cpu, unsigned code, unsigned esz,
                          uint64_t a)
{
    static const int8_t modes[8] = {
        FPU_RN, FPU_RP, FPU_RM, FPU_RZ, FPU_RA, -1, -1, -1,
    };
    enum fpu_rmode rm = modes[code] >= 0 ? (enum fpu_rmode)modes[code]
                                         : fpu_fpcr_rmode(cpu);
    return fp_round_int(cpu, esz, a, rm, code == 6);
}

static int trans_FRINT(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), code = a64_bits(insn, 16, 3);
    if (esz == 0 || code == 5)
        return a64_undef(cpu, insn);
    return sve_fp_unary(cpu, insn, esz, sve_frint, code);
}

static uint64_t sve_frecpx_sqrt(struct cpu_state *cpu, unsigned code,
                                unsigned esz, uint64_t a)
{
    return code ? fp_sqrt(cpu, esz, a) : fp_recpx(cpu, esz, a);
}

/* FRECPX, FSQRT */
static int trans_FRECPX_FSQRT(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn);
    if (esz == 0)
        return a64_undef(cpu, insn);
    return sve_fp_unary(cpu, insn, esz, sve_frecpx_sqrt,
                        a64_bits(insn, 16, 1));
}

/* FCVT: code is opc:opc2 (bits 23:22, 17:16). */
static uint64_t sve_fcvt(struct cpu_state *cpu, unsigned code, unsigned esz,
                         uint64_t a)
{
    (void)esz;
    switch (code) {
    case 0x8: return sve_fp_cvt_to_16(cpu, (uint32_t)a, false);   /* S->H */
    case 0x9: return sve_fp_cvt_from_16(cpu, (uint16_t)a, false); /* H->S */
    case 0xc: return sve_fp_cvt_to_16(cpu, a, true);              /* D->H */
    case 0xd: return sve_fp_cvt_from_16(cpu, (uint16_t)a, true);  /* H->D */
    case 0xe: return fpu_cvt_64_to_32(cpu, a, fpu_fpcr_rmode(cpu)); /* D->S */
    default: return fpu_cvt_32_to_64(cpu, (uint32_t)a);           /* S->D */
    }
}

static int trans_FCVT(struct cpu_state *cpu, uint32_t insn)
{
    unsigned code = a64_bits(insn, 22, 2) << 2 | a64_bits(insn, 16, 2);
    if (code == 0xa || code == 0xb)  /* BFCVT (BF16) and unallocated */
        return a64_undef(cpu, insn);
    return sve_fp_unary(cpu, insn, code >= 0xc ? 3 : 2, sve_fcvt, code);
}

/* The integer conversions' (opc, opc2) pairs: FP size, integer size and
 * the element (container) size, all as esz. */
struct sve_cvt_form {
    uint8_t fp, integer, container;
};

static bool sve_cvt_form(uint32_t insn, struct sve_cvt_form *f)
{
    switch (a64_bits(insn, 22, 2) << 2 | a64_bits(insn, 17, 2)) {
    case 0x5: *f = (struct sve_cvt_form){ 1, 1, 1 }; return true;
    case 0x6: *f = (struct sve_cvt_form){ 1, 2, 2 }; return true;
    case 0x7: *f = (struct sve_cvt_form){ 1, 3, 3 }; return true;
    case 0xa: *f = (struct sve_cvt_form){ 2, 2, 2 }; return true;
    case 0xc: *f = (struct sve_cvt_form){ 3, 2, 3 }; return true;
    case 0xe: *f = (struct sve_cvt_form){ 2, 3, 3 }; return true;
    case 0xf: *f = (struct sve_cvt_form){ 3, 3, 3 }; return true;
    default: return false;
    }
}

/* FCVTZS/FCVTZU: code is the form's fp size, integer size and U bit. A
 * signed result narrower than the element is sign-extended into it. */
static uint64_t sve_fcvtz(struct cpu_state *cpu, unsigned code, unsigned esz,
                          uint64_t a)
{
    unsigned fp = code & 3, integer = (code >> 2) & 3;
    bool is_signed = !(code >> 4);
    (void)esz;
    uint64_t v = fp_to_int(cpu, fp, a, FPU_RZ, 0, is_signed, 8u << integer);
    v &= sve_esz_mask(integer);
    return is_signed ? (uint64_t)sve_sext(v, integer) : v;
}

static int trans_FCVTZ(struct cpu_state *cpu, uint32_t insn)
{
    struct sve_cvt_form f;
    if (!sve_cvt_form(insn, &f))
        return a64_undef(cpu, insn);
    return sve_fp_unary(cpu, insn, f.container, sve_fcvtz,
                        f.fp | f.integer << 2 | a64_bits(insn, 16, 1) << 4);
}

/* SCVTF/UCVTF: the integer is the low part of the element; the result is
 * zero-extended into it. */
static uint64_t sve_cvtf(struct cpu_state *cpu, unsigned code, unsigned esz,
                         uint64_t a)
{
    unsigned fp = code & 3, integer = (code >> 2) & 3;
    bool is_signed = !(code >> 4);
    (void)esz;
    a &= sve_esz_mask(integer);
    if (is_signed)
        a = (uint64_t)sve_sext(a, integer);
    return fp_from_int(cpu, fp, a, is_signed, 64, 0);
}

static int trans_CVTF(struct cpu_state *cpu, uint32_t insn)
{
    struct sve_cvt_form f;
    if (!sve_cvt_form(insn, &f))
        return a64_undef(cpu, insn);
    return sve_fp_unary(cpu, insn, f.container, sve_cvtf,
                        f.fp | f.integer << 2 | a64_bits(insn, 16, 1) << 4);
}

/* FLOGB (SVE2): the unbiased exponent as a signed integer of the element
 * size; subnormals count their leading zeros (unless flushed), infinity
 * gives the largest integer, zero and NaN the smallest with IOC. */
static uint64_t sve_flogb(struct cpu_state *cpu, unsigned code, unsigned esz,
                          uint64_t a)
{
    unsigned mant = esz == 1 ? 10 : esz == 2 ? 23 : 52;
    unsigned ebits = (8u << esz) - 1 - mant;
    uint64_t frac = a & ((1ull << mant) - 1);
    int64_t bias = (1 << (ebits - 1)) - 1;
    int64_t exp = (int64_t)((a >> mant) & ((1u << ebits) - 1));
    uint64_t min = 1ull << ((8u << esz) - 1);
    bool flush = esz == 1 ? (cpu->fpcr & FPCR_FZ16) : (cpu->fpcr & FPCR_FZ);
    (void)code;

    if (exp == 0 && frac != 0) {
        if (!flush)
            return (uint64_t)(1 - bias - (int64_t)(mant - (63 -
                              (unsigned)__builtin_clzll(frac))));
        /* FPUnpack: flushing a single or double input denormal raises
         * Input Denormal; FZ16 flushes halves silently. */
        if (esz != 1)
            cpu->fpsr |= FPSR_IDC;
    } else if (exp == (int64_t)(1u << ebits) - 1) {
        if (frac == 0)
            return min - 1;
    } else if (exp != 0) {
        return (uint64_t)(exp - bias);
    }
    cpu->fpsr |= FPSR_IOC;
    return min;
}

static int trans_FLOGB(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = a64_bits(insn, 17, 2);
    if (esz == 0)
        return a64_undef(cpu, insn);
    return sve_fp_unary(cpu, insn, esz, sve_flogb, 0);
}

/* FRECPE, FRSQRTE Zd, Zn (unpredicated) */
static int trans_FRECPE_FRSQRTE(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn);
    bool rsqrt = a64_bits(insn, 16, 1);
    const cpu_zreg *n = &cpu->z[A64_RN(insn)];
    cpu_zreg r;

    if (esz == 0)
        return a64_undef(cpu, insn);
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        uint64_t a = sve_elem(n, esz, i);
        sve_set_elem(&r, esz, i, rsqrt ? fpu_rsqrte(cpu, a, 8u << esz)
                                       : fpu_recpe(cpu, a, 8u << esz));
    }
    sve_put_z(cpu, A64_RD(insn), &r);
    return A64_NEXT;
}

const struct a64_pattern sve_fp_unary_patterns[] = {
    A64_PATTERN(FRINT, "01100101 ss 000 ooo 101 ggg nnnnn ddddd"),
    A64_PATTERN(FRECPX_FSQRT, "01100101 ss 0011 0o 101 ggg nnnnn ddddd"),
    A64_PATTERN(FCVT, "01100101 1s 0010 oo 101 ggg nnnnn ddddd"),
    A64_PATTERN(CVTF, "01100101 ss 010 oo u 101 ggg nnnnn ddddd"),
    A64_PATTERN(FCVTZ, "01100101 ss 011 oo u 101 ggg nnnnn ddddd"),
    A64_PATTERN(FLOGB, "01100101 00 011 ss 0 101 ggg nnnnn ddddd"),
    A64_PATTERN(FRECPE_FRSQRTE, "01100101 ss 001 11o 001100 nnnnn ddddd"),
    A64_PATTERN_END,
};
