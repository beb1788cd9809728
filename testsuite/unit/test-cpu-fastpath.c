/* The fast paths of FP and SIMD&FP execution against their references:
 *
 * - the run loop's fast loads and stores of S/D/Q registers, sign-extending
 *   loads, halfword register-offset accesses and W pairs (cpu/fastop.c,
 *   cpu/run.c) against the decode table's handler, on random registers
 *   and memory, with the TLB warm so the inline path really runs;
 * - the SVE fast forms (cpu/fastop-sve.c) against their handlers at
 *   several vector lengths;
 * - the FPU's fast path (round to nearest, FPSR.IXC already set: host
 *   arithmetic without flag handling, cpu/fpu-template.h) against the
 *   exact path on operands chosen to sit on every boundary the fast path
 *   relies on (smallest normal, largest finite, denormals, zeros,
 *   infinities, NaNs).
 */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "cpu/cpu-internal.h"
#include "cpu/fastop.h"
#include "cpu/fpu.h"
#include "testsuite/unit/cpu-core-harness.h"

/* --- loads and stores ------------------------------------------------- */

struct fast_case {
    uint32_t insn;
    const char *text;
};

/* Base X1 (or SP), index X2, data registers X3/X4 and V3/V4 (V5 for
 * pairs into one register). */
static const struct fast_case ldst_cases[] = {
    { 0xbd400423, "ldr s3, [x1, #4]" },
    { 0xfd400423, "ldr d3, [x1, #8]" },
    { 0x3dc00423, "ldr q3, [x1, #16]" },
    { 0xbd000423, "str s3, [x1, #4]" },
    { 0xfd000423, "str d3, [x1, #8]" },
    { 0x3d800423, "str q3, [x1, #16]" },
    { 0xfc5f8023, "ldur d3, [x1, #-8]" },
    { 0x3c9f0023, "stur q3, [x1, #-16]" },
    { 0xfc408c23, "ldr d3, [x1, #8]!" },
    { 0x3cc10423, "ldr q3, [x1], #16" },
    { 0xbc1fcc23, "str s3, [x1, #-4]!" },
    { 0x3c810423, "str q3, [x1], #16" },
    { 0xfc627823, "ldr d3, [x1, x2, lsl #3]" },
    { 0x3ce25823, "ldr q3, [x1, w2, uxtw #4]" },
    { 0xbc62d823, "ldr s3, [x1, w2, sxtw #2]" },
    { 0x3ca26823, "str q3, [x1, x2]" },
    { 0xfc227823, "str d3, [x1, x2, lsl #3]" },
    { 0x2d411023, "ldp s3, s4, [x1, #8]" },
    { 0x6d411023, "ldp d3, d4, [x1, #16]" },
    { 0xad411023, "ldp q3, q4, [x1, #32]" },
    { 0xadc11023, "ldp q3, q4, [x1, #32]!" },
    { 0x6cc11023, "ldp d3, d4, [x1], #16" },
    { 0x6d411425, "ldp d5, d5, [x1, #16]" },
    { 0xad011023, "stp q3, q4, [x1, #32]" },
    { 0x6d811023, "stp d3, d4, [x1, #16]!" },
    { 0x2c811023, "stp s3, s4, [x1], #8" },
    { 0x6c411023, "ldnp d3, d4, [x1, #16]" },
    { 0xac011023, "stnp q3, q4, [x1, #32]" },
    { 0xb9800423, "ldrsw x3, [x1, #4]" },
    { 0x79800423, "ldrsh x3, [x1, #2]" },
    { 0x79c00423, "ldrsh w3, [x1, #2]" },
    { 0x39800423, "ldrsb x3, [x1, #1]" },
    { 0x39c00423, "ldrsb w3, [x1, #1]" },
    { 0xb89ff023, "ldursw x3, [x1, #-1]" },
    { 0xb8a27823, "ldrsw x3, [x1, x2, lsl #2]" },
    { 0x78627823, "ldrh w3, [x1, x2, lsl #1]" },
    { 0x7822c823, "strh w3, [x1, w2, sxtw]" },
    { 0x29411023, "ldp w3, w4, [x1, #8]" },
    { 0x29c11023, "ldp w3, w4, [x1, #8]!" },
    { 0x28811023, "stp w3, w4, [x1], #8" },
    { 0x29011023, "stp w3, w4, [x1, #8]" },
    { 0x2d4113e3, "ldp s3, s4, [sp, #8]" },
    { 0x4c407023, "ld1 {v3.16b}, [x1]" },
    { 0x0c407c23, "ld1 {v3.1d}, [x1]" },
    { 0x4cdf7423, "ld1 {v3.8h}, [x1], #16" },
    { 0x4c40a023, "ld1 {v3.16b, v4.16b}, [x1]" },
    { 0x0cdfa83f, "ld1 {v31.2s, v0.2s}, [x1], #16" },
    { 0x4c007023, "st1 {v3.16b}, [x1]" },
    { 0x0c9f7c23, "st1 {v3.1d}, [x1], #8" },
    { 0x4c00ac23, "st1 {v3.2d, v4.2d}, [x1]" },
    { 0x4c9fa3e3, "st1 {v3.16b, v4.16b}, [sp], #32" },
    { 0x3d8007e3, "str q3, [sp, #16]" },
};

/* Register-only FP and vector operations (V3 result; V4, V5, V6 and
 * X4/W4 sources). */
static const struct fast_case fp_cases[] = {
    { 0x1e252883, "fadd s3, s4, s5" },
    { 0x1e653883, "fsub d3, d4, d5" },
    { 0x1e650883, "fmul d3, d4, d5" },
    { 0x1e251883, "fdiv s3, s4, s5" },
    { 0x1e642884, "fadd d4, d4, d4" },
    { 0x1f451883, "fmadd d3, d4, d5, d6" },
    { 0x1f059883, "fmsub s3, s4, s5, s6" },
    { 0x1f651883, "fnmadd d3, d4, d5, d6" },
    { 0x1f259883, "fnmsub s3, s4, s5, s6" },
    { 0x1e61c083, "fsqrt d3, d4" },
    { 0x1e21c083, "fsqrt s3, s4" },
    { 0x1e652080, "fcmp d4, d5" },
    { 0x1e202098, "fcmpe s4, #0.0" },
    { 0x1e602088, "fcmp d4, #0.0" },
    { 0x1e652090, "fcmpe d4, d5" },
    { 0x1e604083, "fmov d3, d4" },
    { 0x1e204083, "fmov s3, s4" },
    { 0x1ee04083, "fmov h3, h4" },
    { 0x1e6f1003, "fmov d3, #1.500000000000000000e+00" },
    { 0x1e301003, "fmov s3, #-2.000000000000000000e+00" },
    { 0x1eea1003, "fmov h3, #2.500000000000000000e-01" },
    { 0x9e660083, "fmov x3, d4" },
    { 0x1e260083, "fmov w3, s4" },
    { 0x9e670083, "fmov d3, x4" },
    { 0x1e270083, "fmov s3, w4" },
    { 0x9e6703e3, "fmov d3, xzr" },
    { 0x4ea58483, "add v3.4s, v4.4s, v5.4s" },
    { 0x2e258483, "sub v3.8b, v4.8b, v5.8b" },
    { 0x4ee58483, "add v3.2d, v4.2d, v5.2d" },
    { 0x2e658483, "sub v3.4h, v4.4h, v5.4h" },
    { 0x4e659c83, "mul v3.8h, v4.8h, v5.8h" },
    { 0x4e259c83, "mul v3.16b, v4.16b, v5.16b" },
    { 0x0ea59c83, "mul v3.2s, v4.2s, v5.2s" },
    { 0x4ea59483, "mla v3.4s, v4.4s, v5.4s" },
    { 0x2e659483, "mls v3.4h, v4.4h, v5.4h" },
    { 0x4e251c83, "and v3.16b, v4.16b, v5.16b" },
    { 0x0e651c83, "bic v3.8b, v4.8b, v5.8b" },
    { 0x4ea51c83, "orr v3.16b, v4.16b, v5.16b" },
    { 0x4ee51c83, "orn v3.16b, v4.16b, v5.16b" },
    { 0x2e251c83, "eor v3.8b, v4.8b, v5.8b" },
    { 0x6e651c83, "bsl v3.16b, v4.16b, v5.16b" },
    { 0x6ea51c83, "bit v3.16b, v4.16b, v5.16b" },
    { 0x2ee51c83, "bif v3.8b, v4.8b, v5.8b" },
    { 0x4e25d483, "fadd v3.4s, v4.4s, v5.4s" },
    { 0x4ee5d483, "fsub v3.2d, v4.2d, v5.2d" },
    { 0x2e25dc83, "fmul v3.2s, v4.2s, v5.2s" },
    { 0x6e25fc83, "fdiv v3.4s, v4.4s, v5.4s" },
    { 0x4e65cc83, "fmla v3.2d, v4.2d, v5.2d" },
    { 0x4ea5cc83, "fmls v3.4s, v4.4s, v5.4s" },
    { 0x0e25cc83, "fmla v3.2s, v4.2s, v5.2s" },
    { 0x4ea56483, "smax v3.4s, v4.4s, v5.4s" },
    { 0x6e256483, "umax v3.16b, v4.16b, v5.16b" },
    { 0x0e656c83, "smin v3.4h, v4.4h, v5.4h" },
    { 0x6e656c83, "umin v3.8h, v4.8h, v5.8h" },
    { 0x4ea53483, "cmgt v3.4s, v4.4s, v5.4s" },
    { 0x6ee53483, "cmhi v3.2d, v4.2d, v5.2d" },
    { 0x0e253c83, "cmge v3.8b, v4.8b, v5.8b" },
    { 0x6e653c83, "cmhs v3.8h, v4.8h, v5.8h" },
    { 0x6e258c83, "cmeq v3.16b, v4.16b, v5.16b" },
    { 0x6ee58c83, "cmeq v3.2d, v4.2d, v5.2d" },
    { 0x4ea58c83, "cmtst v3.4s, v4.4s, v5.4s" },
    { 0x4e010c83, "dup v3.16b, w4" },
    { 0x0e020c83, "dup v3.4h, w4" },
    { 0x4e040c83, "dup v3.4s, w4" },
    { 0x4e080c83, "dup v3.2d, x4" },
    { 0x0e010fe3, "dup v3.8b, wzr" },
    { 0x0f0c8483, "shrn v3.8b, v4.8h, #4" },
    { 0x4f088483, "shrn2 v3.16b, v4.8h, #8" },
    { 0x0f1f8483, "shrn v3.4h, v4.4s, #1" },
    { 0x4f108483, "shrn2 v3.8h, v4.4s, #16" },
    { 0x0f208483, "shrn v3.2s, v4.2d, #32" },
    { 0x4f3f8483, "shrn2 v3.4s, v4.2d, #1" },
    { 0x0e658c83, "cmtst v3.4h, v4.4h, v5.4h" },
    { 0x4f340483, "sshr v3.4s, v4.4s, #12" },
    { 0x4f200483, "sshr v3.4s, v4.4s, #32" },
    { 0x6f0d0483, "ushr v3.16b, v4.16b, #3" },
    { 0x6f410483, "ushr v3.2d, v4.2d, #63" },
    { 0x0f080483, "sshr v3.8b, v4.8b, #8" },
    { 0x4f341483, "ssra v3.4s, v4.4s, #12" },
    { 0x6f111483, "usra v3.8h, v4.8h, #15" },
    { 0x4f401483, "ssra v3.2d, v4.2d, #64" },
    { 0x4f255483, "shl v3.4s, v4.4s, #5" },
    { 0x4f0f5483, "shl v3.16b, v4.16b, #7" },
    { 0x4f405483, "shl v3.2d, v4.2d, #0" },
    { 0x0f0ba483, "sshll v3.8h, v4.8b, #3" },
    { 0x2f10a483, "uxtl v3.4s, v4.4h" },
    { 0x6f3fa483, "ushll2 v3.2d, v4.4s, #31" },
    { 0x4f08a483, "sxtl2 v3.8h, v4.16b" },
    { 0x2f20a483, "uxtl v3.2d, v4.2s" },
    { 0x0e251083, "saddw v3.8h, v4.8h, v5.8b" },
    { 0x6e651083, "uaddw2 v3.4s, v4.4s, v5.8h" },
    { 0x0ea53083, "ssubw v3.2d, v4.2d, v5.2s" },
    { 0x2e252083, "usubl v3.8h, v4.8b, v5.8b" },
    { 0x4e650083, "saddl2 v3.4s, v4.8h, v5.8h" },
    { 0x2ea50083, "uaddl v3.2d, v4.2s, v5.2s" },
    { 0x4ea52083, "ssubl2 v3.2d, v4.4s, v5.4s" },
    { 0x6e25a483, "umaxp v3.16b, v4.16b, v5.16b" },
    { 0x6e25ac83, "uminp v3.16b, v4.16b, v5.16b" },
    { 0x4ea5a483, "smaxp v3.4s, v4.4s, v5.4s" },
    { 0x0e25ac83, "sminp v3.8b, v4.8b, v5.8b" },
    { 0x2e65ac83, "uminp v3.4h, v4.4h, v5.4h" },
    { 0x4ee5bc83, "addp v3.2d, v4.2d, v5.2d" },
    { 0x4e65bc83, "addp v3.8h, v4.8h, v5.8h" },
    { 0x0ea5bc83, "addp v3.2s, v4.2s, v5.2s" },
    { 0x4e209883, "cmeq v3.16b, v4.16b, #0" },
    { 0x4ee09883, "cmeq v3.2d, v4.2d, #0" },
    { 0x6e608883, "cmge v3.8h, v4.8h, #0" },
    { 0x4ea08883, "cmgt v3.4s, v4.4s, #0" },
    { 0x2e209883, "cmle v3.8b, v4.8b, #0" },
    { 0x0ea0a883, "cmlt v3.2s, v4.2s, #0" },
    { 0xfa441065, "ccmp x3, x4, #0x5, ne" },
    { 0x7a440060, "ccmp w3, w4, #0x0, eq" },
    { 0xba47b86f, "ccmn x3, #0x7, #0xf, lt" },
    { 0x3a448062, "ccmn w3, w4, #0x2, hi" },
    { 0xfa5fe868, "ccmp x3, #0x1f, #0x8, al" },
    { 0xea04007f, "tst x3, x4" },
    { 0x6a04147f, "tst w3, w4, lsl #5" },
    { 0xea04fc65, "ands x5, x3, x4, lsl #63" },
    { 0x6a040065, "ands w5, w3, w4" },
    { 0xea441c7f, "tst x3, x4, lsr #7" },
    { 0xeaa40c65, "bics x5, x3, x4, asr #3" },
    { 0x6a647c65, "bics w5, w3, w4, lsr #31" },
    { 0x6a842465, "ands w5, w3, w4, asr #9" },
};

/* Integer forms (X3 result; X4, X5, X6 sources). */
static const struct fast_case int_cases[] = {
    { 0x100091a3, "adr x3, 1234" },
    { 0x10ffffe3, "adr x3, 0" },
    { 0x90000003, "adrp x3, 0" },
    { 0x8b25c883, "add x3, x4, w5, sxtw #2" },
    { 0x8b2543e3, "add x3, sp, w5, uxtw" },
    { 0x8b25649f, "add sp, x4, x5, lsl #1" },
    { 0x4b251083, "sub w3, w4, w5, uxtb #4" },
    { 0xab25a083, "adds x3, x4, w5, sxth" },
    { 0x6b25849f, "cmp w4, w5, sxtb #1" },
    { 0xeb25409f, "cmp x4, w5, uxtw" },
    { 0x2b252c9f, "cmn w4, w5, uxth #3" },
    { 0x9ac50883, "udiv x3, x4, x5" },
    { 0x1ac50883, "udiv w3, w4, w5" },
    { 0x9ac50c83, "sdiv x3, x4, x5" },
    { 0x1ac50c83, "sdiv w3, w4, w5" },
    { 0x9ac52083, "lsl x3, x4, x5" },
    { 0x1ac52483, "lsr w3, w4, w5" },
    { 0x9ac52883, "asr x3, x4, x5" },
    { 0x1ac52883, "asr w3, w4, w5" },
    { 0x9ac52c83, "ror x3, x4, x5" },
    { 0x1ac52c83, "ror w3, w4, w5" },
    { 0xdac00083, "rbit x3, x4" },
    { 0x5ac00083, "rbit w3, w4" },
    { 0xdac00483, "rev16 x3, x4" },
    { 0x5ac00483, "rev16 w3, w4" },
    { 0xdac00883, "rev32 x3, x4" },
    { 0x5ac00883, "rev w3, w4" },
    { 0xdac00c83, "rev x3, x4" },
    { 0xdac01083, "clz x3, x4" },
    { 0x5ac01083, "clz w3, w4" },
    { 0x9b059883, "msub x3, x4, x5, x6" },
    { 0x1b05fc83, "mneg w3, w4, w5" },
    { 0x9b251883, "smaddl x3, w4, w5, x6" },
    { 0x9ba59883, "umsubl x3, w4, w5, x6" },
    { 0x9b257c83, "smull x3, w4, w5" },
    { 0x9ba57c83, "umull x3, w4, w5" },
    { 0x9b457c83, "smulh x3, x4, x5" },
    { 0x9bc57c83, "umulh x3, x4, x5" },
    { 0x93c53483, "extr x3, x4, x5, #13" },
    { 0x93c4fc83, "ror x3, x4, #63" },
    { 0x13857c83, "extr w3, w4, w5, #31" },
    { 0x13850083, "extr w3, w4, w5, #0" },
    { 0x9a050083, "adc x3, x4, x5" },
    { 0x3a050083, "adcs w3, w4, w5" },
    { 0xda050083, "sbc x3, x4, x5" },
    { 0x7a050083, "sbcs w3, w4, w5" },
    { 0xfa0503e3, "ngcs x3, x5" },
    { 0xba050083, "adcs x3, x4, x5" },
    { 0xd503201f, "nop" },
    { 0xb3600c83, "bfi x3, x4, #32, #4" },
    { 0x33010083, "bfi w3, w4, #31, #1" },
    { 0xb3410c83, "bfxil x3, x4, #1, #3" },
    { 0x33187c83, "bfxil w3, w4, #24, #8" },
    { 0x33183c83, "bfi w3, w4, #8, #16" },
    { 0xb340fc83, "bfxil x3, x4, #0, #64" },
    { 0x331f7c83, "bfxil w3, w4, #31, #1" },
    { 0xb37ffc83, "bfxil x3, x4, #63, #1" },
    { 0xb3410fe3, "bfxil x3, xzr, #1, #3" },
    { 0xd503203f, "yield" },
    { 0x8b450c83, "add x3, x4, x5, lsr #3" },
    { 0x4b857c83, "sub w3, w4, w5, asr #31" },
    { 0xab85fc83, "adds x3, x4, x5, asr #63" },
    { 0x6b450483, "subs w3, w4, w5, lsr #1" },
    { 0xeb45309f, "cmp x4, x5, lsr #12" },
    { 0xda851083, "csinv x3, x4, x5, ne" },
    { 0x5a85b483, "csneg w3, w4, w5, lt" },
    { 0xda9f13e3, "csetm x3, eq" },
    { 0xda849483, "cneg x3, x4, hi" },
    { 0xd53bd043, "mrs x3, tpidr_el0" },
    { 0xd503233f, "paciasp" },
    { 0xd50323bf, "autiasp" },
    { 0xd503245f, "bti c" },
};

static void random_state(struct cpu_state *cpu, GRand *rng, uint32_t insn)
{
    /* Register-offset forms (bit 21, bits 11..10 = 10) with a 32-bit
     * index (option<0> = 0: UXTW, SXTW) ignore the index's top half. */
    bool index32 = (insn & 0x3b200c00u) == 0x38200800u && !((insn >> 13) & 1);

    for (unsigned i = 0; i < 31; i++)
        cpu->x[i] = (uint64_t)g_rand_int(rng) << 32 | g_rand_int(rng);
    for (unsigned i = 0; i < 32; i++)
        for (unsigned b = 0; b < CPU_ZREG_BYTES; b++)
            cpu->z[i].b[b] = (uint8_t)g_rand_int(rng);
    /* A base in the middle of the data pages, a small index either way. */
    cpu->x[1] = HARNESS_DATA + 0x4000 + g_rand_int_range(rng, -64, 64) * 4;
    cpu->sp = cpu->x[1];
    bool uxtw = index32 && ((insn >> 13) & 7) == 2;
    cpu->x[2] = (uint64_t)(int64_t)g_rand_int_range(rng, uxtw ? 0 : -16, 16);
    if (index32 && g_rand_boolean(rng))   /* junk above a 32-bit index */
        cpu->x[2] = (cpu->x[2] & 0xffffffffu) | 0x5a5a5a5a00000000ull;
}

static void assert_same_state(struct harness *a, struct harness *b,
                              const char *text)
{
    for (unsigned i = 0; i < 31; i++)
        if (a->cpu->x[i] != b->cpu->x[i])
            g_error("%s: x%u fast 0x%" G_GINT64_MODIFIER "x handler 0x%"
                    G_GINT64_MODIFIER "x", text, i, a->cpu->x[i],
                    b->cpu->x[i]);
    g_assert_cmphex(a->cpu->sp, ==, b->cpu->sp);
    for (unsigned i = 0; i < 32; i++)
        if (memcmp(a->cpu->z[i].b, b->cpu->z[i].b, CPU_ZREG_BYTES) != 0)
            g_error("%s: z%u differs", text, i);
    g_assert_cmpint(memcmp(harness_ptr(a, HARNESS_DATA),
                           harness_ptr(b, HARNESS_DATA), 16 * 4096), ==, 0);
    g_assert_cmphex(a->cpu->pc, ==, b->cpu->pc);
}

static uint64_t interesting64(GRand *rng);
static uint32_t interesting32(GRand *rng);

/* FP operands on every boundary of the fast path in the lanes of V3..V6,
 * and an FPCR/FPSR that allows it, or not. */
static void random_fp_state(struct cpu_state *cpu, GRand *rng)
{
    static const uint32_t fpcrs[] = { 0, 0, 0, FPCR_DN, FPCR_FZ,
                                      1u << FPCR_RMODE_SHIFT,
                                      3u << FPCR_RMODE_SHIFT };
    bool dbl = g_rand_boolean(rng);

    for (unsigned r = 3; r <= 6; r++)
        for (unsigned i = 0; i < 4; i++) {
            if (dbl && i < 2) {
                uint64_t v = interesting64(rng);
                memcpy(cpu->z[r].b + 8 * i, &v, 8);
            } else if (!dbl) {
                uint32_t v = interesting32(rng);
                memcpy(cpu->z[r].b + 4 * i, &v, 4);
            }
        }
    cpu->fpcr = fpcrs[g_rand_int_range(rng, 0, G_N_ELEMENTS(fpcrs))];
    cpu->fpsr = g_rand_boolean(rng) ? FPSR_IXC
                                    : g_rand_int(rng) & 0x9f;
    cpu->nzcv = (uint32_t)g_rand_int_range(rng, 0, 16) << 28;
}

/* Operands on the edges of integer arithmetic in X4, X5, X6. */
static void random_int_state(struct cpu_state *cpu, GRand *rng)
{
    static const uint64_t edges[] = {
        0, 1, 2, 0x7fffffff, 0x80000000u, 0xffffffffu, 0x100000000ull,
        0x7fffffffffffffffull, 0x8000000000000000ull, ~0ull, ~1ull, 63, 64,
    };
    for (unsigned r = 4; r <= 6; r++)
        if (g_rand_boolean(rng))
            cpu->x[r] = edges[g_rand_int_range(rng, 0, G_N_ELEMENTS(edges))];
    cpu->nzcv = (uint32_t)g_rand_int_range(rng, 0, 16) << 28;
}

/* Each encoding gets a fast operation, and running it inline (second run,
 * TLB warm) leaves the same registers, flags and memory as its handler. */
static void check_fast_equals_handler(const struct fast_case *cases,
                                      size_t count, bool fp_values,
                                      int trials)
{
    GRand *rng = g_rand_new_with_seed(20261121);
    struct harness *a = harness_new(), *b = harness_new();
    uint8_t *mem = g_malloc(16 * 4096);

    for (size_t c = 0; c < count; c++) {
        uint32_t insn = cases[c].insn;
        const struct a64_pattern *row = a64_decode_row(insn);
        struct code_slot slot = { .insn = insn };

        g_assert_nonnull(row);
        fastop_select(&slot, row->name);
        if (slot.op == FOP_GENERIC)
            g_error("%s (0x%08x): no fast operation", cases[c].text, insn);
        for (int trial = 0; trial < trials; trial++) {
            for (size_t i = 0; i < 16 * 4096; i += 4) {
                uint32_t r = g_rand_int(rng);
                memcpy(mem + i, &r, 4);
            }
            random_state(a->cpu, rng, insn);
            if (fp_values)
                random_fp_state(a->cpu, rng);
            else
                random_int_state(a->cpu, rng);
            memcpy(b->cpu->x, a->cpu->x, sizeof a->cpu->x);
            b->cpu->sp = a->cpu->sp;
            memcpy(b->cpu->z, a->cpu->z, sizeof a->cpu->z);
            b->cpu->fpcr = a->cpu->fpcr;
            b->cpu->fpsr = a->cpu->fpsr;
            b->cpu->nzcv = a->cpu->nzcv;
            harness_code(a, HARNESS_CODE, &insn, 1);
            harness_code(b, HARNESS_CODE, &insn, 1);

            /* Warm-up run on a: decodes the slot and fills the TLB. */
            struct cpu_state saved = *a->cpu;
            memcpy(harness_ptr(a, HARNESS_DATA), mem, 16 * 4096);
            if (harness_run(a, 1) != CPU_EXIT_BUDGET)
                g_error("%s: exit %d at 0x%" G_GINT64_MODIFIER "x, x1 0x%"
                        G_GINT64_MODIFIER "x", cases[c].text,
                        a->cpu->exit, a->cpu->exit_info.fault_addr,
                        saved.x[1]);
            memcpy(a->cpu->x, saved.x, sizeof saved.x);
            a->cpu->sp = saved.sp;
            memcpy(a->cpu->z, saved.z, sizeof saved.z);
            a->cpu->fpcr = saved.fpcr;
            a->cpu->fpsr = saved.fpsr;
            a->cpu->nzcv = saved.nzcv;
            a->cpu->pc = HARNESS_CODE;
            memcpy(harness_ptr(a, HARNESS_DATA), mem, 16 * 4096);
            g_assert_cmpint(harness_run(a, 1), ==, CPU_EXIT_BUDGET);

            memcpy(harness_ptr(b, HARNESS_DATA), mem, 16 * 4096);
            g_assert_cmpint(a64_decode(insn)(b->cpu, insn), ==, A64_NEXT);
            b->cpu->pc += 4;
            assert_same_state(a, b, cases[c].text);
            if (a->cpu->fpsr != b->cpu->fpsr || a->cpu->nzcv != b->cpu->nzcv)
                g_error("%s: fpsr 0x%x nzcv 0x%x, handler fpsr 0x%x nzcv "
                        "0x%x (fpcr 0x%x, fpsr before 0x%x)", cases[c].text,
                        a->cpu->fpsr, a->cpu->nzcv, b->cpu->fpsr,
                        b->cpu->nzcv, saved.fpcr, saved.fpsr);
        }
    }
    g_free(mem);
    harness_free(a);
    harness_free(b);
    g_rand_free(rng);
}

static void test_ldst_fast_equals_handler(void)
{
    check_fast_equals_handler(ldst_cases, G_N_ELEMENTS(ldst_cases), false,
                              50);
}

static void test_int_fast_equals_handler(void)
{
    check_fast_equals_handler(int_cases, G_N_ELEMENTS(int_cases), false, 300);
}

static void test_fp_fast_equals_handler(void)
{
    check_fast_equals_handler(fp_cases, G_N_ELEMENTS(fp_cases), true, 400);
}

/* A fast Q load across a page end, and one from an unmapped page, take
 * the handler: the same bytes, or a fault with nothing changed. */
static void test_simd_page_crossing_and_fault(void)
{
    struct harness *h = harness_new();
    struct cpu_state *cpu = h->cpu;
    uint64_t edge = HARNESS_DATA + 0x1000 - 8;

    for (unsigned i = 0; i < 16; i++)
        harness_ptr(h, edge)[i] = (uint8_t)(0x10 + i);
    HARNESS_CODE_AT(h, HARNESS_CODE,
                    0x3dc00023,   /* ldr q3, [x1] */
                    0x3d800423);  /* str q3, [x1, #16] */
    cpu->x[1] = edge;
    memset(cpu->z[3].b, 0xee, CPU_ZREG_BYTES);
    g_assert_cmpint(harness_run(h, 2), ==, CPU_EXIT_BUDGET);
    for (unsigned i = 0; i < 16; i++) {
        g_assert_cmpuint(cpu->z[3].b[i], ==, 0x10 + i);
        g_assert_cmpuint(harness_ptr(h, edge + 16)[i], ==, 0x10 + i);
    }
    for (unsigned i = 16; i < CPU_ZREG_BYTES; i++)
        g_assert_cmpuint(cpu->z[3].b[i], ==, 0);

    HARNESS_CODE_AT(h, HARNESS_CODE, 0xad411023);   /* ldp q3, q4, [x1, #32] */
    cpu->x[1] = HARNESS_UNMAPPED;
    memset(cpu->z[3].b, 0x77, CPU_ZREG_BYTES);
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_DATA_ABORT);
    g_assert_cmpuint(cpu->z[3].b[200], ==, 0x77);
    g_assert_cmphex(cpu->pc, ==, HARNESS_CODE);
    harness_free(h);
}

/* --- SVE fast forms (cpu/fastop-sve.c) --------------------------------- */

static uint32_t sve_while(unsigned esz, bool sf, bool u, bool eq)
{
    /* WHILE{LT,LE,LO,LS} P3.T, X4/W4, X5/W5 */
    return 0x25200000u | esz << 22 | 5u << 16 | (unsigned)sf << 12 |
           (unsigned)u << 11 | 1u << 10 | 4u << 5 | (unsigned)eq << 4 | 3u;
}
static uint32_t sve_ptrue(unsigned esz)
{
    return 0x2518e3e3u | esz << 22;             /* PTRUE P3.T */
}
static uint32_t sve_cnt(unsigned esz, unsigned mul)
{
    return 0x0420e3e3u | esz << 22 | (mul - 1) << 16;   /* CNTx X3, ALL */
}
static uint32_t sve_ld1(unsigned esz, int imm4, unsigned rn)
{
    /* LD1{B,H,W,D} Z3.T, P2/Z, [Xn, #imm, MUL VL] */
    return 0xa400a000u | (esz * 5) << 21 | ((unsigned)imm4 & 15) << 16 |
           2u << 10 | rn << 5 | 3u;
}
static uint32_t sve_st1(unsigned esz, int imm4, unsigned rn)
{
    /* ST1{B,H,W,D} Z3.T, P2, [Xn, #imm, MUL VL] */
    return 0xe400e000u | esz << 23 | esz << 21 | ((unsigned)imm4 & 15) << 16 |
           2u << 10 | rn << 5 | 3u;
}

/* Predicate P2 (and the others): empty, all true, a prefix (what WHILE
 * makes), a single bit, or random, over all 256 bits (the bits above VL
 * are the handler's to ignore too). */
static void random_pred(uint8_t *p, GRand *rng)
{
    unsigned kind = (unsigned)g_rand_int_range(rng, 0, 5);
    unsigned cut = (unsigned)g_rand_int_range(rng, 0, 8 * CPU_PREG_BYTES);

    for (unsigned i = 0; i < CPU_PREG_BYTES; i++)
        p[i] = kind == 0 ? 0 : kind == 1 ? 0xff : (uint8_t)g_rand_int(rng);
    if (kind == 2)
        for (unsigned bit = 0; bit < 8 * CPU_PREG_BYTES; bit++) {
            if (bit < cut)
                p[bit / 8] |= (uint8_t)(1u << (bit % 8));
            else
                p[bit / 8] &= (uint8_t)~(1u << (bit % 8));
        }
    if (kind == 3) {
        memset(p, 0, CPU_PREG_BYTES);
        p[cut / 8] = (uint8_t)(1u << (cut % 8));
    }
}

/* WHILE operands: near each other, or on the 32- and 64-bit edges. */
static uint64_t while_operand(GRand *rng)
{
    static const uint64_t edges[] = {
        0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 0x100000000ull,
        0x7fffffffffffffffull, 0x8000000000000000ull, UINT64_MAX,
        UINT64_MAX - 3, 0xfffffffffffffff0ull, 0x7ffffffffffffff8ull,
    };
    if (g_rand_boolean(rng))
        return edges[g_rand_int_range(rng, 0, G_N_ELEMENTS(edges))];
    return (uint64_t)g_rand_int(rng) << 32 | g_rand_int(rng);
}

static void assert_same_sve_state(struct harness *a, struct harness *b,
                                  const char *text, unsigned vl)
{
    assert_same_state(a, b, text);
    for (unsigned i = 0; i < 16; i++)
        if (memcmp(a->cpu->p[i], b->cpu->p[i], CPU_PREG_BYTES) != 0)
            g_error("%s (VL %u): p%u differs", text, vl * 8, i);
    if (a->cpu->nzcv != b->cpu->nzcv)
        g_error("%s (VL %u): nzcv 0x%x, handler 0x%x", text, vl * 8,
                a->cpu->nzcv, b->cpu->nzcv);
}

/* Every SVE fast form against its handler at VL 128, 256 and 512 (and
 * 2048), run through cpu_run with the TLB warm, on random predicates,
 * vectors, memory and WHILE operands. Bases near a page end make some
 * spans cross it: those take the handler from the fast form. */
static void test_sve_fast_equals_handler(void)
{
    static const unsigned vls[] = { 16, 32, 64, 256 };
    GRand *rng = g_rand_new_with_seed(20261122);
    struct harness *a = harness_new(), *b = harness_new();
    uint8_t *mem = g_malloc(16 * 4096);
    GPtrArray *cases = g_ptr_array_new_with_free_func(g_free);
    unsigned fast_accesses = 0;

    for (unsigned esz = 0; esz < 4; esz++) {
        for (unsigned f = 0; f < 8; f++)
            g_ptr_array_add(cases, g_strdup_printf(
                "%08x", sve_while(esz, f & 1, f & 2, f & 4)));
        g_ptr_array_add(cases, g_strdup_printf("%08x", sve_ptrue(esz)));
        g_ptr_array_add(cases, g_strdup_printf("%08x", sve_cnt(esz, 1)));
        g_ptr_array_add(cases, g_strdup_printf("%08x", sve_cnt(esz, 16)));
        for (int imm = -8; imm < 8; imm += 5) {
            g_ptr_array_add(cases, g_strdup_printf("%08x", sve_ld1(esz, imm, 1)));
            g_ptr_array_add(cases, g_strdup_printf("%08x", sve_st1(esz, imm, 1)));
        }
        g_ptr_array_add(cases, g_strdup_printf("%08x", sve_ld1(esz, 1, 31)));
        g_ptr_array_add(cases, g_strdup_printf("%08x", sve_st1(esz, 0, 31)));
    }
    for (unsigned c = 0; c < cases->len; c++) {
        const char *text = g_ptr_array_index(cases, c);
        uint32_t insn = (uint32_t)strtoul(text, NULL, 16);
        const struct a64_pattern *row = a64_decode_row(insn);
        struct code_slot slot = { .insn = insn };

        g_assert_nonnull(row);
        fastop_select(&slot, row->name);
        if (slot.op == FOP_GENERIC)
            g_error("%s (%s): no fast operation", text, row->name);
        for (unsigned v = 0; v < G_N_ELEMENTS(vls); v++)
            for (int trial = 0; trial < 60; trial++) {
                unsigned vl = vls[v];
                for (size_t i = 0; i < 16 * 4096; i += 4) {
                    uint32_t r = g_rand_int(rng);
                    memcpy(mem + i, &r, 4);
                }
                random_state(a->cpu, rng, insn);
                /* A base that puts some accesses across a page end. */
                if (g_rand_int_range(rng, 0, 4) == 0)
                    a->cpu->x[1] = HARNESS_DATA + 0x5000 -
                                   (uint64_t)g_rand_int_range(rng, 1, 2 * vl);
                a->cpu->sp = a->cpu->x[1];
                a->cpu->x[4] = while_operand(rng);
                a->cpu->x[5] = g_rand_boolean(rng)
                                   ? while_operand(rng)
                                   : a->cpu->x[4] + (uint64_t)g_rand_int_range(
                                         rng, -4, 2 * vl + 4);
                for (unsigned i = 0; i < 16; i++)
                    random_pred(a->cpu->p[i], rng);
                a->cpu->nzcv = (uint32_t)g_rand_int_range(rng, 0, 16) << 28;
                a->cpu->sve_vl = b->cpu->sve_vl = vl;
                memcpy(b->cpu->x, a->cpu->x, sizeof a->cpu->x);
                b->cpu->sp = a->cpu->sp;
                memcpy(b->cpu->z, a->cpu->z, sizeof a->cpu->z);
                memcpy(b->cpu->p, a->cpu->p, sizeof a->cpu->p);
                b->cpu->nzcv = a->cpu->nzcv;
                harness_code(a, HARNESS_CODE, &insn, 1);
                harness_code(b, HARNESS_CODE, &insn, 1);
                memcpy(harness_ptr(a, HARNESS_DATA), mem, 16 * 4096);
                memcpy(harness_ptr(b, HARNESS_DATA), mem, 16 * 4096);

                /* Warm the TLB for reads and writes of the data pages. */
                for (uint64_t pg = 0; pg < 16; pg++) {
                    uint8_t byte;
                    uint64_t va = HARNESS_DATA + pg * 4096;
                    g_assert_cmpint(cpu_load(a->cpu, va, 1, &byte), ==, 0);
                    g_assert_cmpint(cpu_store(a->cpu, va, 1, &byte), ==, 0);
                }
                if (slot.op == FOP_SVE_LD1 || slot.op == FOP_SVE_ST1) {
                    /* Does the fast form itself complete it? (On a copy.) */
                    struct cpu_state *copy = g_memdup2(a->cpu, sizeof *a->cpu);
                    uint8_t *saved = g_memdup2(harness_ptr(a, HARNESS_DATA),
                                               16 * 4096);
                    struct code_slot sl = slot;
                    bool done = slot.op == FOP_SVE_LD1 ? fop_sve_ld1(copy, &sl)
                                                       : fop_sve_st1(copy, &sl);
                    fast_accesses += done;
                    memcpy(harness_ptr(a, HARNESS_DATA), saved, 16 * 4096);
                    g_free(saved);
                    g_free(copy);
                }
                g_assert_cmpint(harness_run(a, 1), ==, CPU_EXIT_BUDGET);
                g_assert_cmpint(a64_decode(insn)(b->cpu, insn), ==, A64_NEXT);
                b->cpu->pc += 4;
                assert_same_sve_state(a, b, text, vl);
            }
    }
    /* Most accesses lie in one page: the fast forms really ran. */
    g_assert_cmpuint(fast_accesses, >, 1000);
    g_ptr_array_unref(cases);
    g_free(mem);
    harness_free(a);
    harness_free(b);
    g_rand_free(rng);
}

/* A fast LD1/ST1 whose active span reaches an unmapped or read-only page
 * leaves everything to the handler: the same fault, nothing changed. */
static void test_sve_fast_fault(void)
{
    struct harness *h = harness_new();
    struct cpu_state *cpu = h->cpu;

    cpu->sve_vl = 32;
    memset(cpu->p[2], 0xff, CPU_PREG_BYTES);
    memset(cpu->z[3].b, 0x77, CPU_ZREG_BYTES);
    harness_code(h, HARNESS_CODE, (uint32_t[]){ sve_ld1(0, 0, 1) }, 1);
    cpu->x[1] = HARNESS_END - 16;   /* the last 16 bytes of the space */
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_DATA_ABORT);
    g_assert_cmpuint(cpu->z[3].b[0], ==, 0x77);
    g_assert_cmphex(cpu->pc, ==, HARNESS_CODE);

    /* Only the first 16 bytes active: no access beyond them. */
    memset(cpu->p[2] + 2, 0, CPU_PREG_BYTES - 2);
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_BUDGET);
    g_assert_cmpuint(cpu->z[3].b[0], ==, harness_ptr(h, HARNESS_END - 16)[0]);
    g_assert_cmpuint(cpu->z[3].b[16], ==, 0);

    harness_code(h, HARNESS_CODE, (uint32_t[]){ sve_st1(0, 0, 1) }, 1);
    cpu->x[1] = HARNESS_RODATA;
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_DATA_ABORT);
    g_assert_cmphex(cpu->pc, ==, HARNESS_CODE);
    harness_free(h);
}

/* --- FPU fast path ----------------------------------------------------- */

/* Operand bits that sit on the fast path's boundaries, or random. */
static uint64_t interesting64(GRand *rng)
{
    static const uint64_t special[] = {
        0, 1ull << 63, 0x0010000000000000ull, 0x8010000000000000ull,
        0x0010000000000001ull, 0x000fffffffffffffull, 0x0000000000000001ull,
        0x7fefffffffffffffull, 0xffefffffffffffffull, 0x7ff0000000000000ull,
        0xfff0000000000000ull, 0x7ff8000000000000ull, 0x7ff0000000000001ull,
        0x3ff0000000000000ull, 0xbff0000000000000ull, 0x4000000000000000ull,
        0x3fe0000000000000ull, 0x2000000000000000ull, 0x5fe0000000000000ull,
        0x1ff0000000000000ull, 0x3cb0000000000000ull,
    };
    uint64_t r = (uint64_t)g_rand_int(rng) << 32 | g_rand_int(rng);
    switch (g_rand_int_range(rng, 0, 6)) {
    case 0:
        return special[g_rand_int_range(rng, 0, G_N_ELEMENTS(special))];
    case 1:   /* near the bottom of the normal range */
        return (r & 0x800fffffffffffffull) |
               (uint64_t)g_rand_int_range(rng, 0, 60) << 52;
    case 2:   /* near the top */
        return (r & 0x800fffffffffffffull) |
               (uint64_t)g_rand_int_range(rng, 0x7c0, 0x800) << 52;
    case 3:   /* middle: products and quotients stay normal */
        return (r & 0x800fffffffffffffull) |
               (uint64_t)g_rand_int_range(rng, 0x3c0, 0x440) << 52;
    default:
        return r;
    }
}

static uint32_t interesting32(GRand *rng)
{
    static const uint32_t special[] = {
        0, 0x80000000u, 0x00800000u, 0x80800000u, 0x00800001u, 0x007fffffu,
        0x00000001u, 0x7f7fffffu, 0xff7fffffu, 0x7f800000u, 0xff800000u,
        0x7fc00000u, 0x7f800001u, 0x3f800000u, 0xbf800000u, 0x40000000u,
        0x3f000000u, 0x20000000u, 0x5f000000u, 0x1f800000u, 0x33800000u,
    };
    uint32_t r = g_rand_int(rng);
    switch (g_rand_int_range(rng, 0, 6)) {
    case 0:
        return special[g_rand_int_range(rng, 0, G_N_ELEMENTS(special))];
    case 1:
        return (r & 0x807fffffu) | (uint32_t)g_rand_int_range(rng, 0, 30) << 23;
    case 2:
        return (r & 0x807fffffu) |
               (uint32_t)g_rand_int_range(rng, 0xe0, 0x100) << 23;
    case 3:
        return (r & 0x807fffffu) |
               (uint32_t)g_rand_int_range(rng, 0x60, 0xa0) << 23;
    default:
        return r;
    }
}

enum fp_op { OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_MULX, OP_ABD, OP_SQRT,
             OP_FMA, OP_COUNT };

static uint64_t run64(struct cpu_state *cpu, enum fp_op op, uint64_t a,
                      uint64_t b, uint64_t c)
{
    switch (op) {
    case OP_ADD: return fpu64_add(cpu, a, b);
    case OP_SUB: return fpu64_sub(cpu, a, b);
    case OP_MUL: return fpu64_mul(cpu, a, b);
    case OP_DIV: return fpu64_div(cpu, a, b);
    case OP_MULX: return fpu64_mulx(cpu, a, b);
    case OP_ABD: return fpu64_abd(cpu, a, b);
    case OP_SQRT: return fpu64_sqrt(cpu, a);
    default: return fpu64_muladd(cpu, c, a, b);
    }
}

static uint32_t run32(struct cpu_state *cpu, enum fp_op op, uint32_t a,
                      uint32_t b, uint32_t c)
{
    switch (op) {
    case OP_ADD: return fpu32_add(cpu, a, b);
    case OP_SUB: return fpu32_sub(cpu, a, b);
    case OP_MUL: return fpu32_mul(cpu, a, b);
    case OP_DIV: return fpu32_div(cpu, a, b);
    case OP_MULX: return fpu32_mulx(cpu, a, b);
    case OP_ABD: return fpu32_abd(cpu, a, b);
    case OP_SQRT: return fpu32_sqrt(cpu, a);
    default: return fpu32_muladd(cpu, c, a, b);
    }
}

/* With FPSR.IXC set (the fast path may run) an operation gives the result
 * and the flags of the exact path (IXC clear beforehand), plus IXC. Under
 * FPCR values that rule the fast path out the same must hold trivially. */
static void test_fpu_fast_equals_exact(void)
{
    static const uint32_t fpcrs[] = { 0, FPCR_DN, 1u << FPCR_RMODE_SHIFT,
                                      FPCR_FZ, 3u << FPCR_RMODE_SHIFT };
    struct cpu_state *fast = cpu_new(NULL, NULL);
    struct cpu_state *exact = cpu_new(NULL, NULL);
    GRand *rng = g_rand_new_with_seed(42);
    unsigned fast_normal = 0;

    for (int i = 0; i < 200000; i++) {
        enum fp_op op = (enum fp_op)(i % OP_COUNT);
        uint32_t fpcr = fpcrs[(i / OP_COUNT) % G_N_ELEMENTS(fpcrs)];
        fast->fpcr = exact->fpcr = fpcr;
        fast->fpsr = FPSR_IXC;
        exact->fpsr = 0;
        if (g_rand_boolean(rng)) {
            uint64_t a = interesting64(rng), b = interesting64(rng);
            uint64_t c = interesting64(rng);
            uint64_t rf = run64(fast, op, a, b, c);
            uint64_t re = run64(exact, op, a, b, c);
            if (rf != re || fast->fpsr != (exact->fpsr | FPSR_IXC))
                g_error("op %d fpcr 0x%x: a 0x%016" G_GINT64_MODIFIER
                        "x b 0x%016" G_GINT64_MODIFIER "x c 0x%016"
                        G_GINT64_MODIFIER "x: fast 0x%016" G_GINT64_MODIFIER
                        "x fpsr 0x%x, exact 0x%016" G_GINT64_MODIFIER
                        "x fpsr 0x%x", op, fpcr, a, b, c, rf, fast->fpsr,
                        re, exact->fpsr);
            fast_normal += fpcr == 0 && fast->fpsr == FPSR_IXC;
        } else {
            uint32_t a = interesting32(rng), b = interesting32(rng);
            uint32_t c = interesting32(rng);
            uint32_t rf = run32(fast, op, a, b, c);
            uint32_t re = run32(exact, op, a, b, c);
            if (rf != re || fast->fpsr != (exact->fpsr | FPSR_IXC))
                g_error("op %d fpcr 0x%x: a 0x%08x b 0x%08x c 0x%08x: "
                        "fast 0x%08x fpsr 0x%x, exact 0x%08x fpsr 0x%x",
                        op, fpcr, a, b, c, rf, fast->fpsr, re, exact->fpsr);
            fast_normal += fpcr == 0 && fast->fpsr == FPSR_IXC;
        }
    }
    /* The fast path really ran: most round-to-nearest cases are normal. */
    g_assert_cmpuint(fast_normal, >, 10000);
    g_rand_free(rng);
    cpu_free(fast);
    cpu_free(exact);
}

/* The cases the fast path must hand over, one by one: a result exactly
 * the smallest normal after rounding up from below it (Arm: tiny, so UFC),
 * overflow, a NaN operand, and FZ with a denormal operand. */
static void test_fpu_fast_boundaries(void)
{
    struct cpu_state *cpu = cpu_new(NULL, NULL);

    /* (2^-1022 - 2^-1075) rounds up to 2^-1022; Arm detects tininess
     * before rounding, so UFC is set. */
    cpu->fpsr = FPSR_IXC;
    g_assert_cmphex(fpu64_mul(cpu, 0x001fffffffffffffull,
                              0x3fe0000000000000ull),
                    ==, 0x0010000000000000ull);
    g_assert_cmphex(cpu->fpsr, ==, FPSR_IXC | FPSR_UFC);

    cpu->fpsr = FPSR_IXC;
    g_assert_cmphex(fpu64_add(cpu, 0x7fefffffffffffffull,
                              0x7fefffffffffffffull),
                    ==, 0x7ff0000000000000ull);
    g_assert_cmphex(cpu->fpsr, ==, FPSR_IXC | FPSR_OFC);

    cpu->fpsr = FPSR_IXC;
    g_assert_cmphex(fpu32_add(cpu, 0x7f800001u, 0x3f800000u), ==, 0x7fc00001u);
    g_assert_cmphex(cpu->fpsr, ==, FPSR_IXC | FPSR_IOC);

    cpu->fpsr = FPSR_IXC;
    cpu->fpcr = FPCR_FZ;
    g_assert_cmphex(fpu32_add(cpu, 0x00000001u, 0x3f800000u), ==, 0x3f800000u);
    g_assert_cmphex(cpu->fpsr, ==, FPSR_IXC | FPSR_IDC);
    cpu_free(cpu);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/cpu/fastpath/ldst-fast-equals-handler",
                    test_ldst_fast_equals_handler);
    g_test_add_func("/cpu/fastpath/int-fast-equals-handler",
                    test_int_fast_equals_handler);
    g_test_add_func("/cpu/fastpath/fp-fast-equals-handler",
                    test_fp_fast_equals_handler);
    g_test_add_func("/cpu/fastpath/simd-page-crossing-and-fault",
                    test_simd_page_crossing_and_fault);
    g_test_add_func("/cpu/fastpath/sve-fast-equals-handler",
                    test_sve_fast_equals_handler);
    g_test_add_func("/cpu/fastpath/sve-fast-fault",
                    test_sve_fast_fault);
    g_test_add_func("/cpu/fastpath/fpu-fast-equals-exact",
                    test_fpu_fast_equals_exact);
    g_test_add_func("/cpu/fastpath/fpu-fast-boundaries",
                    test_fpu_fast_boundaries);
    return g_test_run();
}
