// Runs one instruction with a full register state (for
// test-cpu-simd-oracle.c, which copies this code to an executable page and
// patches the instruction into stub_slot).
// void stub(struct regs *in, struct regs *out)
// struct regs: x[31] at 0, v[32][2] at 256, nzcv 768, fpcr 772, fpsr 776,
// saved sp 784. The instruction runs with sp pointing at *out.
    .text
    .global stub_begin, stub_slot, stub_end
    .p2align 4
stub_begin:
    stp x29, x30, [sp, #-96]!
    stp x19, x20, [sp, #16]
    stp x21, x22, [sp, #32]
    stp x23, x24, [sp, #48]
    stp x25, x26, [sp, #64]
    stp x27, x28, [sp, #80]
    mov x2, sp
    str x2, [x1, #784]
    mov sp, x1
    ldr w2, [x0, #772]
    msr fpcr, x2
    ldr w2, [x0, #776]
    msr fpsr, x2
    ldr w2, [x0, #768]
    msr nzcv, x2
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
    ldp x2, x3, [x0, #16]
    ldp x4, x5, [x0, #32]
    ldp x6, x7, [x0, #48]
    ldp x8, x9, [x0, #64]
    ldp x10, x11, [x0, #80]
    ldp x12, x13, [x0, #96]
    ldp x14, x15, [x0, #112]
    ldp x16, x17, [x0, #128]
    ldp x18, x19, [x0, #144]
    ldp x20, x21, [x0, #160]
    ldp x22, x23, [x0, #176]
    ldp x24, x25, [x0, #192]
    ldp x26, x27, [x0, #208]
    ldp x28, x29, [x0, #224]
    ldr x30, [x0, #240]
    ldp x0, x1, [x0, #0]
stub_slot:
    nop
    stp x0, x1, [sp, #0]
    stp x2, x3, [sp, #16]
    stp x4, x5, [sp, #32]
    stp x6, x7, [sp, #48]
    stp x8, x9, [sp, #64]
    stp x10, x11, [sp, #80]
    stp x12, x13, [sp, #96]
    stp x14, x15, [sp, #112]
    stp x16, x17, [sp, #128]
    stp x18, x19, [sp, #144]
    stp x20, x21, [sp, #160]
    stp x22, x23, [sp, #176]
    stp x24, x25, [sp, #192]
    stp x26, x27, [sp, #208]
    stp x28, x29, [sp, #224]
    str x30, [sp, #240]
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
    mrs x0, nzcv
    str w0, [sp, #768]
    mrs x0, fpsr
    str w0, [sp, #776]
    mov x0, #0
    msr fpcr, x0
    ldr x0, [sp, #784]
    mov sp, x0
    ldp x19, x20, [sp, #16]
    ldp x21, x22, [sp, #32]
    ldp x23, x24, [sp, #48]
    ldp x25, x26, [sp, #64]
    ldp x27, x28, [sp, #80]
    ldp x29, x30, [sp], #96
    ret
stub_end:
