/* The newer AdvSIMD extensions as compilers use them: half-precision
 * arithmetic (_Float16 scalars and auto-vectorised loops), dot products,
 * int8 matrix multiply and BFloat16 (BFDOT, BFMMLA, BFMLALB/T, BFCVT,
 * BFCVTN/N2) through ACLE intrinsics. Each part is compiled only when
 * the -march flags enable it (the runner's armv8.2-a+fp16+dotprod+i8mm+
 * bf16 set); otherwise it prints that it was skipped, so the output
 * still compares. */
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "prog.h"

#define N 203

static void half_precision(void)
{
    static _Float16 a[N], b[N], c[N];
    for (int i = 0; i < N; i++) {
        a[i] = (_Float16)((i - 100) * 0.37f);
        b[i] = (_Float16)(1.0f / (float)(i + 1));
    }
    for (int i = 0; i < N; i++)
        c[i] = a[i] * b[i] + (_Float16)0.5f;          /* FMLA .8h with +fp16 */
    for (int i = 0; i < N; i++)
        c[i] = c[i] > a[i] ? c[i] : a[i] / (_Float16)3.0f;
    uint64_t h = PROG_HASH_INIT;
    prog_hash(&h, c, sizeof c);
    _Float16 s = 0;
    for (int i = 0; i < N; i++)
        s += c[i];
    _Float16 big = PROG_OPAQUE_FP((_Float16)60000.0f);
    printf("fp16 %016llx sum %a overflow %a sqrt %a\n", (unsigned long long)h, (double)s,
           (double)(big * (_Float16)2), (double)(_Float16)__builtin_sqrtf((float)c[7]));
}

static void dot_products(void)
{
#if defined(__ARM_FEATURE_DOTPROD)
    int8_t a[16], b[16];
    uint8_t ua[16];
    for (int i = 0; i < 16; i++) {
        a[i] = (int8_t)(i * 37 - 100);
        b[i] = (int8_t)(90 - i * 13);
        ua[i] = (uint8_t)(i * 17 + 3);
    }
    int32x4_t acc = vdotq_s32(vdupq_n_s32(1000), vld1q_s8(a), vld1q_s8(b));
    uint32x4_t uacc = vdotq_u32(vdupq_n_u32(7), vld1q_u8(ua), vld1q_u8(ua));
    int32x4_t lane = vdotq_laneq_s32(vdupq_n_s32(0), vld1q_s8(a), vld1q_s8(b), 3);
    printf("sdot %d %d %d %d udot %u %u lane %d %d\n", vgetq_lane_s32(acc, 0),
           vgetq_lane_s32(acc, 1), vgetq_lane_s32(acc, 2), vgetq_lane_s32(acc, 3),
           vgetq_lane_u32(uacc, 0), vgetq_lane_u32(uacc, 3), vgetq_lane_s32(lane, 0),
           vgetq_lane_s32(lane, 3));
    /* And the auto-vectorised form of the same reduction. */
    static int8_t x[N * 4], y[N * 4];
    for (int i = 0; i < N * 4; i++) {
        x[i] = (int8_t)(i * 7);
        y[i] = (int8_t)(i * 11 + 1);
    }
    int32_t sum = 0;
    for (int i = 0; i < N * 4; i++)
        sum += x[i] * y[i];
    printf("dot loop %d\n", sum);
#else
    printf("dotprod: not compiled in\n");
#endif
}

static void int8_matmul(void)
{
#if defined(__ARM_FEATURE_MATMUL_INT8)
    int8_t a[16], b[16];
    uint8_t ua[16];
    for (int i = 0; i < 16; i++) {
        a[i] = (int8_t)(i * 29 - 120);
        b[i] = (int8_t)(i * 5 - 40);
        ua[i] = (uint8_t)(255 - i * 9);
    }
    int32x4_t m = vmmlaq_s32(vdupq_n_s32(1), vld1q_s8(a), vld1q_s8(b));
    uint32x4_t um = vmmlaq_u32(vdupq_n_u32(2), vld1q_u8(ua), vld1q_u8(ua));
    int32x4_t us = vusmmlaq_s32(vdupq_n_s32(3), vld1q_u8(ua), vld1q_s8(b));
    int32x4_t usdot = vusdotq_s32(vdupq_n_s32(4), vld1q_u8(ua), vld1q_s8(a));
    printf("smmla %d %d %d %d ummla %u %u usmmla %d %d usdot %d %d\n",
           vgetq_lane_s32(m, 0), vgetq_lane_s32(m, 1), vgetq_lane_s32(m, 2),
           vgetq_lane_s32(m, 3), vgetq_lane_u32(um, 0), vgetq_lane_u32(um, 3),
           vgetq_lane_s32(us, 0), vgetq_lane_s32(us, 3), vgetq_lane_s32(usdot, 0),
           vgetq_lane_s32(usdot, 2));
#else
    printf("i8mm: not compiled in\n");
#endif
}

#if defined(__ARM_FEATURE_BF16_VECTOR_ARITHMETIC)
static void print_f32x4(const char *what, float32x4_t v)
{
    printf("%s %a %a %a %a\n", what, (double)vgetq_lane_f32(v, 0), (double)vgetq_lane_f32(v, 1),
           (double)vgetq_lane_f32(v, 2), (double)vgetq_lane_f32(v, 3));
}
#endif

static void bfloat16(void)
{
#if defined(__ARM_FEATURE_BF16_VECTOR_ARITHMETIC)
    float src[8] = { 1.0f, -2.5f, 3.14159265f, 1e-3f, 65504.0f, 1e-40f, 1e38f, -0.0f };
    float32x4_t lo = vld1q_f32(src), hi = vld1q_f32(src + 4);
    bfloat16x8_t a = vcvtq_high_bf16_f32(vcvtq_low_bf16_f32(lo), hi);   /* BFCVTN, BFCVTN2 */
    bfloat16x8_t b = vcvtq_high_bf16_f32(vcvtq_low_bf16_f32(hi), lo);
    uint16_t bits[8];
    vst1q_bf16((bfloat16_t *)bits, a);
    printf("bfcvtn %04x %04x %04x %04x %04x %04x %04x %04x\n", bits[0], bits[1], bits[2],
           bits[3], bits[4], bits[5], bits[6], bits[7]);
    bfloat16_t one = vcvth_bf16_f32(PROG_OPAQUE_FP(1.00390625f));       /* BFCVT: tie */
    bfloat16_t odd = vcvth_bf16_f32(PROG_OPAQUE_FP(1.01171875f));
    uint16_t ob, oo;
    memcpy(&ob, &one, 2);
    memcpy(&oo, &odd, 2);
    printf("bfcvt %04x %04x\n", ob, oo);

    float32x4_t acc = vdupq_n_f32(0.25f);
    print_f32x4("bfdot", vbfdotq_f32(acc, a, b));
    print_f32x4("bfdot lane", vbfdotq_laneq_f32(acc, a, b, 2));
    print_f32x4("bfmmla", vbfmmlaq_f32(acc, a, b));
    print_f32x4("bfmlalb", vbfmlalbq_f32(acc, a, b));
    print_f32x4("bfmlalt", vbfmlaltq_f32(acc, a, b));
    print_f32x4("bfmlalb lane", vbfmlalbq_laneq_f32(acc, a, b, 5));
    print_f32x4("bfmlalt lane", vbfmlaltq_lane_f32(acc, a, vget_low_bf16(b), 1));

    /* A dot product that rounds: BFDOT's round-to-odd shows in the last bit. */
    float x[4] = { 1.0f, 0x1p-24f, 3.0f, 0x1p-20f }, y[4] = { 1.0f, 1.0f, 1.0f, 1.0f };
    bfloat16x4_t xb = vcvt_bf16_f32(vld1q_f32(x)), yb = vcvt_bf16_f32(vld1q_f32(y));
    float32x2_t d = vbfdot_f32(vdup_n_f32(0), xb, yb);
    printf("bfdot rounding %a %a\n", (double)vget_lane_f32(d, 0), (double)vget_lane_f32(d, 1));

    /* A small matrix product with BFMMLA over a loop. */
    static float ma[64], mb[64];
    for (int i = 0; i < 64; i++) {
        ma[i] = (float)(i % 9) * 0.125f - 0.5f;
        mb[i] = (float)(i % 7) * 0.75f;
    }
    float32x4_t sum = vdupq_n_f32(0);
    for (int k = 0; k < 64; k += 8) {
        bfloat16x8_t va = vcvtq_high_bf16_f32(vcvtq_low_bf16_f32(vld1q_f32(ma + k)),
                                              vld1q_f32(ma + k + 4));
        bfloat16x8_t vb = vcvtq_high_bf16_f32(vcvtq_low_bf16_f32(vld1q_f32(mb + k)),
                                              vld1q_f32(mb + k + 4));
        sum = vbfmmlaq_f32(sum, va, vb);
    }
    print_f32x4("bfmmla loop", sum);
#else
    printf("bf16: not compiled in\n");
#endif
}

int main(void)
{
    half_precision();
    dot_products();
    int8_matmul();
    bfloat16();
    return 0;
}
