// Runs one instruction with a full SVE register state, for
// test-cpu-sve-oracle.c (which copies this code to an executable page and
// patches the instruction into stub_slot).
// void stub(struct regs *in, struct regs *out)
// struct regs: x[31] at 0, nzcv 256, fpcr 260, fpsr 264, saved sp 272,
// z buffer pointer 280 (32 x VL bytes), p buffer pointer 288 (16 x VL/8),
// ffr pointer 296. The instruction runs with sp pointing at *out.
    .arch armv9-a+sve2+sve2-bitperm+sve2-aes+sve2-sha3+sve2-sm4+i8mm+f64mm+bf16
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
    str x2, [x1, #272]
    mov sp, x1
    ldr x2, [x0, #296]
    ldr p0, [x2]
    wrffr p0.b
    ldr x2, [x0, #280]
    .irp i, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    ldr z\i, [x2, #\i, mul vl]
    .endr
    ldr x2, [x0, #288]
    .irp i, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
    ldr p\i, [x2, #\i, mul vl]
    .endr
    ldr w2, [x0, #260]
    msr fpcr, x2
    ldr w2, [x0, #264]
    msr fpsr, x2
    ldr w2, [x0, #256]
    msr nzcv, x2
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
    mrs x2, nzcv
    str w2, [sp, #256]
    mrs x2, fpsr
    str w2, [sp, #264]
    ldr x2, [sp, #280]
    .irp i, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    str z\i, [x2, #\i, mul vl]
    .endr
    ldr x2, [sp, #288]
    .irp i, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
    str p\i, [x2, #\i, mul vl]
    .endr
    rdffr p0.b
    ldr x2, [sp, #296]
    str p0, [x2]
    mov x1, sp
    ldr x2, [x1, #272]
    mov sp, x2
    ldp x19, x20, [sp, #16]
    ldp x21, x22, [sp, #32]
    ldp x23, x24, [sp, #48]
    ldp x25, x26, [sp, #64]
    ldp x27, x28, [sp, #80]
    ldp x29, x30, [sp], #96
    ret
stub_end:
