// Runs one instruction with a full register state (for
// test-cpu-simd-oracle.c, which copies this code to an executable page and
// patches the instruction into stub_slot).
// void stub(struct regs *in, struct regs *out)
// struct regs: x[31] at 0, v[32][2] at 256, nzcv 768, fpcr 772, fpsr 776,
// saved sp 784. The instruction runs with sp pointing at *out.
#include "oracle-stub.inc"
    .text
    .global stub_begin, stub_slot, stub_end
    .p2align 4
stub_begin:
    stub_enter 784
    stub_load_flags 768
    ldp q0, q1, [x0, #256]
    ldp q2, q3, [x0, #288]
    ldp q4, q5, [x0, #320]
    ldp q6, q7, [x0, #352]
    ldp q8, q9, [x0, #384]
    ldp q10, q11, [x0, #416]
    ldp q12, q13, [x0, #448]
    ldp q14, q15, [x0, #480]
    ldp q16, q17, [x0, #512]
    ldp q18, q19, [x0, #544]
    ldp q20, q21, [x0, #576]
    ldp q22, q23, [x0, #608]
    ldp q24, q25, [x0, #640]
    ldp q26, q27, [x0, #672]
    ldp q28, q29, [x0, #704]
    ldp q30, q31, [x0, #736]
    stub_load_x
stub_slot:
    nop
    stub_store_x
    stp q0, q1, [sp, #256]
    stp q2, q3, [sp, #288]
    stp q4, q5, [sp, #320]
    stp q6, q7, [sp, #352]
    stp q8, q9, [sp, #384]
    stp q10, q11, [sp, #416]
    stp q12, q13, [sp, #448]
    stp q14, q15, [sp, #480]
    stp q16, q17, [sp, #512]
    stp q18, q19, [sp, #544]
    stp q20, q21, [sp, #576]
    stp q22, q23, [sp, #608]
    stp q24, q25, [sp, #640]
    stp q26, q27, [sp, #672]
    stp q28, q29, [sp, #704]
    stp q30, q31, [sp, #736]
    stub_store_flags 768
    mov x0, #0
    msr fpcr, x0
    stub_leave 784
stub_end:
