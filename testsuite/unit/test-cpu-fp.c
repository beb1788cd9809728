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
    int r = g_test_run();
    simd_test_cpu_free(cpu);
    return r;
}
