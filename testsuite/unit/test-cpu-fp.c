/* Scalar floating point: directed cases for the Arm rules that differ
 * from plain host IEEE arithmetic (NaN selection, default NaN, flush to
 * zero, tininess before rounding, fused multiply-add, saturating
 * conversions, FCMP's NZCV). Expected values were confirmed on
 * qemu-aarch64 -cpu max; test-cpu-simd-vectors covers the rows at random. */
#include <glib.h>

#include "cpu/a64-simd-common.h"
#include "testsuite/unit/test-cpu-simd-lib.h"

/* Encodings (from aarch64-linux-gnu-as). */
#define FADD_S0_S1_S2 0x1e222820u
#define FMUL_S0_S1_S2 0x1e220820u
#define FMADD_D0_D1_D2_D3 0x1f420c20u
#define FCVTZS_W0_D1 0x1e780020u
#define FCVTZU_X0_S1 0x9e390020u
#define SCVTF_D0_X1 0x9e620020u
#define FCMP_S1_S2 0x1e222020u
#define FCMP_S1_ZERO 0x1e202028u
#define FMOV_D0_MINUS_1_25 0x1e7e9000u
#define FSQRT_D0_D1 0x1e61c020u
#define FRINTX_S0_S1 0x1e274020u
#define FRINTA_D0_D1 0x1e664020u
#define FCVT_S0_D1 0x1e624020u
#define FMOV_X0_D1 0x9e660020u
#define FADD_H0_H1_H2 0x1ee22820u

static struct cpu_state *cpu;

static void setup(uint32_t fpcr)
{
    simd_test_cpu_free(cpu);
    cpu = simd_test_cpu_new();
    cpu->fpcr = fpcr;
    /* Garbage above the scalar, to see it zeroed. */
    for (int i = 0; i < 32; i++)
        memset(cpu->z[i].b, 0xa5, CPU_ZREG_BYTES);
}

static void set_s(unsigned n, uint32_t v) { memcpy(cpu->z[n].b, &v, 4); }
static void set_d(unsigned n, uint64_t v) { memcpy(cpu->z[n].b, &v, 8); }

static uint32_t get_s(unsigned n)
{
    uint32_t v;
    memcpy(&v, cpu->z[n].b, 4);
    for (unsigned i = 4; i < CPU_ZREG_BYTES; i++)
        g_assert_cmpuint(cpu->z[n].b[i], ==, 0);
    return v;
}

static uint64_t get_d(unsigned n)
{
    uint64_t v;
    memcpy(&v, cpu->z[n].b, 8);
    for (unsigned i = 8; i < CPU_ZREG_BYTES; i++)
        g_assert_cmpuint(cpu->z[n].b[i], ==, 0);
    return v;
}

static void run(uint32_t insn)
{
    g_assert_cmpint(simd_test_exec(cpu, insn), ==, A64_NEXT);
}

static void test_nan_propagation(void)
{
    /* A signalling NaN wins over an earlier quiet one, and is quietened. */
    setup(0);
    set_s(1, 0x7fc00001);
    set_s(2, 0x7f800002);
    run(FADD_S0_S1_S2);
    g_assert_cmphex(get_s(0), ==, 0x7fc00002);
    g_assert_cmphex(cpu->fpsr, ==, FPSR_IOC);

    /* Two quiet NaNs: the first operand's, no exception. */
    setup(0);
    set_s(1, 0xffc00005);
    set_s(2, 0x7fc00001);
    run(FADD_S0_S1_S2);
    g_assert_cmphex(get_s(0), ==, 0xffc00005);
    g_assert_cmphex(cpu->fpsr, ==, 0);

    /* FPCR.DN: the default NaN instead. */
    setup(FPCR_DN);
    set_s(1, 0x7fc00001);
    set_s(2, 0x7f800002);
    run(FADD_S0_S1_S2);
    g_assert_cmphex(get_s(0), ==, 0x7fc00000);
    g_assert_cmphex(cpu->fpsr, ==, FPSR_IOC);
}

static void test_invalid_gives_positive_default_nan(void)
{
    /* x86 would produce 0xffc00000 here. */
    setup(0);
    set_s(1, 0x7f800000);
    set_s(2, 0xff800000);
    run(FADD_S0_S1_S2);
    g_assert_cmphex(get_s(0), ==, 0x7fc00000);
    g_assert_cmphex(cpu->fpsr, ==, FPSR_IOC);

    setup(0);
    set_d(1, simd_test_f64(-1.0));
    run(FSQRT_D0_D1);
    g_assert_cmphex(get_d(0), ==, 0x7ff8000000000000ull);
    g_assert_cmphex(cpu->fpsr, ==, FPSR_IOC);
}

static void test_fmadd_is_fused(void)
{
    /* (1 + 2^-30)(1 - 2^-30) - 1 = -2^-60 exactly; rounding the product
     * first would give 0. */
    setup(0);
    set_d(1, simd_test_f64(1.0 + 0x1p-30));
    set_d(2, simd_test_f64(1.0 - 0x1p-30));
    set_d(3, simd_test_f64(-1.0));
    run(FMADD_D0_D1_D2_D3);
    g_assert_cmphex(get_d(0), ==, simd_test_f64(-0x1p-60));
    g_assert_cmphex(cpu->fpsr, ==, 0);
}

static void test_flush_to_zero_and_tininess(void)
{
    /* 2^-100 * 2^-30 = 2^-130: an exact denormal, no flags... */
    setup(0);
    set_s(1, simd_test_f32(0x1p-100f));
    set_s(2, simd_test_f32(0x1p-30f));
    run(FMUL_S0_S1_S2);
    g_assert_cmphex(get_s(0), ==, 0x00080000);
    g_assert_cmphex(cpu->fpsr, ==, 0);
    /* ...and with FPCR.FZ a zero, with underflow but not inexact. */
    setup(FPCR_FZ);
    set_s(1, simd_test_f32(0x1p-100f));
    set_s(2, simd_test_f32(0x1p-30f));
    run(FMUL_S0_S1_S2);
    g_assert_cmphex(get_s(0), ==, 0);
    g_assert_cmphex(cpu->fpsr, ==, FPSR_UFC);

    /* (1 - 2^-24) * 2^-126 rounds up to 2^-126, the smallest normal. Arm
     * detects tininess before rounding: underflow as well as inexact. */
    setup(0);
    set_s(1, 0x3f7fffff);
    set_s(2, 0x00800000);
    run(FMUL_S0_S1_S2);
    g_assert_cmphex(get_s(0), ==, 0x00800000);
    g_assert_cmphex(cpu->fpsr, ==, FPSR_UFC | FPSR_IXC);
    setup(FPCR_FZ);
    set_s(1, 0x3f7fffff);
    set_s(2, 0x00800000);
    run(FMUL_S0_S1_S2);
    g_assert_cmphex(get_s(0), ==, 0);
    g_assert_cmphex(cpu->fpsr, ==, FPSR_UFC);

    /* A denormal input reads as zero under FZ, and raises IDC. */
    setup(FPCR_FZ);
    set_s(1, 0x00000001);
    set_s(2, simd_test_f32(1.0f));
    run(FADD_S0_S1_S2);
    g_assert_cmphex(get_s(0), ==, simd_test_f32(1.0f));
    g_assert_cmphex(cpu->fpsr, ==, FPSR_IDC);
}

static void test_rounding_modes(void)
{
    static const struct { uint32_t rmode, want; } cases[] = {
        { 0, 0x3f800000 }, { 1, 0x3f800001 }, { 2, 0x3f800000 }, { 3, 0x3f800000 },
    };
    for (unsigned i = 0; i < G_N_ELEMENTS(cases); i++) {
        setup(cases[i].rmode << FPCR_RMODE_SHIFT);
        set_s(1, simd_test_f32(1.0f));
        set_s(2, simd_test_f32(0x1p-30f));
        run(FADD_S0_S1_S2);
        g_assert_cmphex(get_s(0), ==, cases[i].want);
        g_assert_cmphex(cpu->fpsr, ==, FPSR_IXC);
    }
}

static void test_conversions(void)
{
    /* Out of range saturates with IOC (and no IXC). */
    setup(0);
    set_d(1, simd_test_f64(1e10));
    run(FCVTZS_W0_D1);
    g_assert_cmphex(cpu->x[0], ==, 0x7fffffff);
    g_assert_cmphex(cpu->fpsr, ==, FPSR_IOC);

    /* NaN converts to 0 with IOC. */
    setup(0);
    set_d(1, 0x7ff8000000000000ull);
    cpu->x[0] = 0x1234;
    run(FCVTZS_W0_D1);
    g_assert_cmphex(cpu->x[0], ==, 0);
    g_assert_cmphex(cpu->fpsr, ==, FPSR_IOC);

    /* -1.5 truncates to -1; a W result is zero-extended into X. */
    setup(0);
    set_d(1, simd_test_f64(-1.5));
    run(FCVTZS_W0_D1);
    g_assert_cmphex(cpu->x[0], ==, 0xffffffff);
    g_assert_cmphex(cpu->fpsr, ==, FPSR_IXC);

    /* -0.5 to unsigned: 0, inexact but in range. */
    setup(0);
    set_s(1, simd_test_f32(-0.5f));
    run(FCVTZU_X0_S1);
    g_assert_cmphex(cpu->x[0], ==, 0);
    g_assert_cmphex(cpu->fpsr, ==, FPSR_IXC);

    setup(0);
    cpu->x[1] = (uint64_t)-3;
    run(SCVTF_D0_X1);
    g_assert_cmphex(get_d(0), ==, simd_test_f64(-3.0));

    /* Double to single keeps a NaN's sign and top payload, quietened. */
    setup(0);
    set_d(1, 0xfff0000020000000ull);
    run(FCVT_S0_D1);
    g_assert_cmphex(get_s(0), ==, 0xffc00001);
    g_assert_cmphex(cpu->fpsr, ==, FPSR_IOC);

    setup(0);
    set_d(1, simd_test_f64(-2.5));
    run(FRINTA_D0_D1);
    g_assert_cmphex(get_d(0), ==, simd_test_f64(-3.0));
    g_assert_cmphex(cpu->fpsr, ==, 0);

    setup(0);
    set_s(1, simd_test_f32(-0.25f));
    run(FRINTX_S0_S1);
    g_assert_cmphex(get_s(0), ==, 0x80000000);  /* -0.0 */
    g_assert_cmphex(cpu->fpsr, ==, FPSR_IXC);
}

static void test_compare(void)
{
    static const struct { float a, b; uint32_t nzcv; } cases[] = {
        { 1.0f, 2.0f, CPU_NZCV_N },
        { 2.0f, 2.0f, CPU_NZCV_Z | CPU_NZCV_C },
        { 3.0f, 2.0f, CPU_NZCV_C },
        { -0.0f, 0.0f, CPU_NZCV_Z | CPU_NZCV_C },
    };
    for (unsigned i = 0; i < G_N_ELEMENTS(cases); i++) {
        setup(0);
        set_s(1, simd_test_f32(cases[i].a));
        set_s(2, simd_test_f32(cases[i].b));
        run(FCMP_S1_S2);
        g_assert_cmphex(cpu->nzcv, ==, cases[i].nzcv);
    }
    /* Unordered is 0011; a quiet NaN does not signal for FCMP. */
    setup(0);
    cpu->nzcv = CPU_NZCV_N;
    set_s(1, 0x7fc00000);
    run(FCMP_S1_ZERO);
    g_assert_cmphex(cpu->nzcv, ==, CPU_NZCV_C | CPU_NZCV_V);
    g_assert_cmphex(cpu->fpsr, ==, 0);
}

static void test_fmov(void)
{
    setup(0);
    run(FMOV_D0_MINUS_1_25);
    g_assert_cmphex(get_d(0), ==, simd_test_f64(-1.25));

    setup(0);
    set_d(1, 0x0123456789abcdefull);
    run(FMOV_X0_D1);
    g_assert_cmphex(cpu->x[0], ==, 0x0123456789abcdefull);
}

static void set_h(unsigned n, uint16_t v) { memcpy(cpu->z[n].b, &v, 2); }

static uint16_t get_h(unsigned n)
{
    uint16_t v;
    memcpy(&v, cpu->z[n].b, 2);
    for (unsigned i = 2; i < CPU_ZREG_BYTES; i++)
        g_assert_cmpuint(cpu->z[n].b[i], ==, 0);
    return v;
}

static void test_half_precision(void)
{
    /* 1.0 + 2.0 = 3.0 */
    setup(0);
    set_h(1, 0x3c00);
    set_h(2, 0x4000);
    run(FADD_H0_H1_H2);
    g_assert_cmphex(get_h(0), ==, 0x4200);
    g_assert_cmphex(cpu->fpsr, ==, 0);

    /* 65504 + 32 rounds to infinity: overflow and inexact. */
    setup(0);
    set_h(1, 0x7bff);
    set_h(2, 0x5000);
    run(FADD_H0_H1_H2);
    g_assert_cmphex(get_h(0), ==, 0x7c00);
    g_assert_cmphex(cpu->fpsr, ==, FPSR_OFC | FPSR_IXC);

    /* FZ16 flushes a denormal input without raising IDC (FZ would). */
    setup(FPCR_FZ16);
    set_h(1, 0x0001);
    set_h(2, 0x3c00);
    run(FADD_H0_H1_H2);
    g_assert_cmphex(get_h(0), ==, 0x3c00);
    g_assert_cmphex(cpu->fpsr, ==, 0);

    /* ftype 10 is not a floating-point type: UNDEFINED, not junk. */
    setup(0);
    g_assert_cmpint(simd_test_exec(cpu, FADD_H0_H1_H2 & ~(1u << 22)), ==, A64_EXIT);
    g_assert_cmpint(cpu->exit, ==, CPU_EXIT_UNDEF);
}

/* Half-precision regressions found by testsuite/difftest against
 * qemu-aarch64 -cpu max: each row is one difftest case (seed, class, case)
 * with the registers it reads and QEMU's exact result. Root causes: an
 * infinity operand was read as 65536 (exponent 31 taken as a finite
 * binade), and SCVTF/UCVTF to half did not flush tiny results under FZ16. */
struct fp16_regression {
    const char *origin;
    uint32_t insn;
    uint32_t fpcr, fpsr;
    unsigned n_in;
    struct { unsigned reg; uint64_t lo, hi; } in[3];
    unsigned xn; /* 0: no general-register input */
    uint64_t x_in;
    unsigned rd;
    uint64_t want_lo, want_hi;
    uint32_t want_fpsr;
};

static const struct fp16_regression fp16_regressions[] = {
    /* AHP changes only conversions: inf * denormal - (-44) is -inf, not
     * -44.15625 (inf taken as 65536). */
    { "fp16 seed 1 case 44: fmsub h16, h29, h31, h0", 0x1fdf83b0,
      FPCR_AHP, 0,
      3, { { 29, 0x7c00, 0 }, { 31, 0x0028, 0 }, { 0, 0xd180, 0 } },
      0, 0,
      16, 0xfc00, 0, 0 },
    /* 175.75 - inf = -inf exactly, no inexact (was 0xfbfb + IXC). */
    { "fp16 seed 23 case 391: fsub h31, h25, h4", 0x1ee43b3f,
      FPCR_FZ | 2u << FPCR_RMODE_SHIFT, 0,
      2, { { 25, 0x597e, 0 }, { 4, 0x7c00, 0 } },
      0, 0,
      31, 0xfc00, 0, 0 },
    /* Lane 5: |2.0625 - inf| = inf with no overflow (was OFC from 65536);
     * lane 6: |-0.0081 - 65504| rounds to 65504, inexact only. */
    { "fp16 seed 11 case 289: fabd v23.8h, v0.8h, v31.8h", 0x6edf1417,
      0, 0,
      2, { { 0, 0x7f7fffff00800000ull, 0x8e2ba02d40200000ull },
           { 31, 0x84008400d560825aull, 0x7c007bff7c008400ull } },
      0, 0,
      23, 0x7f7f7fff5560025aull, 0x7c007bff7c000400ull, FPSR_IXC },
    /* Rounding towards +inf: -inf * x stays -inf (lane 0 was 0xfbff). */
    { "fp16 seed 11 case 431: fmul v19.8h, v17.8h, v11.h[6]", 0x4f2b9a33,
      FPCR_FZ | 1u << FPCR_RMODE_SHIFT, 0x94,
      2, { { 17, 0x520080013400fc00ull, 0x71a6834d02d7801full },
           { 11, 0xfe00c7007bfffbffull, 0x53007589fc00de64ull } },
      0, 0,
      19, 0x7c0095896d89fc00ull, 0x7c00bc913bdda95cull, 0x94 },
    /* Rounding towards zero: an infinite addend stays infinite, never
     * -65504 (lane 6 was 0xfbff); lane 1's addend is a signalling NaN. */
    { "fp16 seed 11 case 904: fmls v3.8h, v31.8h, v13.h[7]", 0x4f3d5be3,
      3u << FPCR_RMODE_SHIFT, FPSR_IXC,
      3, { { 3, 0x54b00001fca9027bull, 0xce40fc00e76000c5ull },
           { 31, 0x07ff7f00808080ffull, 0xb27f8180e080018cull },
           { 13, 0x7fc0000000800000ull, 0x5321c00eff86e827ull } },
      0, 0,
      3, 0x54afff00fea91369ull, 0xcab6fc00778f9577ull, FPSR_IOC | FPSR_IXC },
    /* Lane 3: 0 * inf is invalid: default NaN (was 0x0000 = 0 * 65536). */
    { "fp16 seed 20261121 case 194: fmla v23.8h, v31.8h, v0.8h", 0x4e400ff7,
      FPCR_FZ | FPCR_FZ16, FPSR_IOC | FPSR_IXC,
      3, { { 23, 0x802a2591000d3ad0ull, 0x5f000000ffc00000ull },
           { 31, 0x0000000000000000ull, 0xffffffffffffffb5ull },
           { 0, 0x7c000000fe007e95ull, 0x03ff410000007c00ull } },
      0, 0,
      23, 0x7e002591fe007e95ull, 0xffffffffffc0ffb5ull, FPSR_IOC | FPSR_IXC },
    /* (3 - 0x1861 * -inf) / 2 = +inf (was 0x5479). */
    { "fp16 seed 23 case 510: frsqrts h17, h1, h16", 0x5ed03c31,
      0, 0,
      2, { { 1, 0x1861, 0 }, { 16, 0xfc00, 0 } },
      0, 0,
      17, 0x7c00, 0, 0 },
    /* inf * denormal is inf for FMULX too (lane 3 was 0x1c00); lane 2
     * underflows. */
    { "fp16 seed 23 case 864: fmulx v1.8h, v18.8h, v15.h[5]", 0x6f1f9a41,
      0, 0,
      2, { { 18, 0x7c005450fe00fc00ull, 0xfe0001b20236fe00ull },
           { 15, 0x3af07fffffa18000ull, 0x2c167fff00018000ull } },
      0, 0,
      1, 0x7c000045fe00fc00ull, 0xfe0000000000fe00ull, FPSR_UFC | FPSR_IXC },
    /* FixedToFP rounds with FPRound: under FZ16 the tiny 0x7fffff * 2^-63
     * flushes to zero with underflow only (was a denormal, UFC + IXC). */
    { "fp16 seed 7 case 363: scvtf h1, x3, #63", 0x9ec20461,
      FPCR_FZ16, 0,
      0, { { 0, 0, 0 } },
      3, 0x7fffff,
      1, 0, 0, FPSR_UFC },
    /* Lane 5: 1 * 2^-15 is tiny: zero under FZ16 (was 0x0200). */
    { "fp16 seed 7 case 1993: ucvtf v18.8h, v16.8h, #15", 0x6f11e612,
      FPCR_FZ16 | 3u << FPCR_RMODE_SHIFT, 0,
      1, { { 16, 0x00020000575b1289ull, 0x00000001ffffff7dull } },
      0, 0,
      18, 0x04000000397530a2ull, 0x000000003fff3ffbull, FPSR_UFC | FPSR_IXC },
    /* FCADD's FP16 lanes: lane 3 is -994 + -inf = -inf with no overflow
     * (was OFC from -65536). */
    { "v8x seed 23 case 34: fcadd v26.4h, v19.4h, v0.4h, #90", 0x2e40e67a,
      FPCR_FZ | 2u << FPCR_RMODE_SHIFT, 0,
      3, { { 19, 0xe3c4f10665ea7fdeull, 0xf484bbae71531868ull },
           { 0, 0x8400fc00fc000001ull, 0x040011d5fe008400ull },
           { 26, 0x4c72607c7e876968ull, 0x0b19305b49d0b2d2ull } },
      0, 0,
      26, 0xfc00f10665ea7fdeull, 0, FPSR_IXC },
    /* FCMLA's FP16 lanes: 0 * inf is invalid, not 0 * 65536. */
    { "v8x seed 23 case 201: fcmla v8.8h, v17.8h, v18.h[1], #0", 0x6f721228,
      1u << FPCR_RMODE_SHIFT, 0,
      3, { { 8, 0x0000b720ffaa0000ull, 0x7fff000100010001ull },
           { 17, 0xa00780006c47fd87ull, 0x00008029ffc87c00ull },
           { 18, 0x41efffffffe00000ull, 0x0000000000000000ull } },
      0, 0,
      8, 0x0000ffffff87ff87ull, 0x7fffffff7c00ffffull, FPSR_IOC },
};

static void set_q(unsigned n, uint64_t lo, uint64_t hi)
{
    memcpy(cpu->z[n].b, &lo, 8);
    memcpy(cpu->z[n].b + 8, &hi, 8);
}

static void test_half_precision_regressions(void)
{
    for (unsigned i = 0; i < G_N_ELEMENTS(fp16_regressions); i++) {
        const struct fp16_regression *c = &fp16_regressions[i];
        g_test_message("%s", c->origin);
        setup(c->fpcr);
        cpu->fpsr = c->fpsr;
        /* Scalar rows give only the low lane: the rest of the register
         * is zero, which the instruction ignores. */
        for (unsigned k = 0; k < c->n_in; k++)
            set_q(c->in[k].reg, c->in[k].lo, c->in[k].hi);
        if (c->xn)
            cpu->x[c->xn] = c->x_in;
        run(c->insn);
        uint64_t lo, hi;
        memcpy(&lo, cpu->z[c->rd].b, 8);
        memcpy(&hi, cpu->z[c->rd].b + 8, 8);
        g_assert_cmphex(lo, ==, c->want_lo);
        g_assert_cmphex(hi, ==, c->want_hi);
        for (unsigned b = 16; b < CPU_ZREG_BYTES; b++)
            g_assert_cmpuint(cpu->z[c->rd].b[b], ==, 0);
        g_assert_cmphex(cpu->fpsr, ==, c->want_fpsr);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/cpu/fp/nan-propagation", test_nan_propagation);
    g_test_add_func("/cpu/fp/default-nan", test_invalid_gives_positive_default_nan);
    g_test_add_func("/cpu/fp/fmadd-fused", test_fmadd_is_fused);
    g_test_add_func("/cpu/fp/flush-to-zero", test_flush_to_zero_and_tininess);
    g_test_add_func("/cpu/fp/rounding-modes", test_rounding_modes);
    g_test_add_func("/cpu/fp/conversions", test_conversions);
    g_test_add_func("/cpu/fp/compare", test_compare);
    g_test_add_func("/cpu/fp/fmov", test_fmov);
    g_test_add_func("/cpu/fp/half-precision", test_half_precision);
    g_test_add_func("/cpu/fp/half-precision-regressions",
                    test_half_precision_regressions);
    int r = g_test_run();
    simd_test_cpu_free(cpu);
    return r;
}
