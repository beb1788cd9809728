// Runs one instruction with a full SVE register state, for
// test-cpu-sve-oracle.c (which copies this code to an executable page and
// patches the instruction into stub_slot).
// void stub(struct regs *in, struct regs *out)
// struct regs: x[31] at 0, nzcv 256, fpcr 260, fpsr 264, saved sp 272,
// z buffer pointer 280 (32 x VL bytes), p buffer pointer 288 (16 x VL/8),
// ffr pointer 296. The instruction runs with sp pointing at *out.
#include "oracle-stub.inc"
    .arch armv9-a+sve2+sve2-bitperm+sve2-aes+sve2-sha3+sve2-sm4+i8mm+f64mm+bf16
    .text
    .global stub_begin, stub_slot, stub_end
    .p2align 4
stub_begin:
    stub_enter 272
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
    stub_load_flags 256
    stub_load_x
stub_slot:
    nop
    stub_store_x
    stub_store_flags 256
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
    stub_leave 272
stub_end:
