/* The assembler half of the difftest harness.
 *
 * dt_stub .. dt_stub_end is position-independent code that the harness
 * copies to DT_CODE_ADDR; it finds the state page DT_STATE_ADDR 4 KiB after
 * its own start with ADR. The entry stub loads every register the case
 * controls (x0..x30, SP, NZCV, FPCR, FPSR, v0..v31; for an SVE case also
 * FFR, p0..p15 and z0..z31, after the V registers whose writes would
 * clear the upper bits of the Z ones) and falls into the
 * DT_MAX_INSN instruction slots; the case's instructions end there (or
 * branch forward to dt_exit), and the exit stub saves every register.
 *
 * The exit stub has no free register to address memory with, so it parks
 * x0 in TPIDR_EL0 (writable at EL0) and puts glibc's thread pointer back
 * before returning. dt_enter is the C-callable way in: it keeps the
 * callee-saved registers on the harness stack and leaves its SP, return
 * address and TPIDR_EL0 in the state page for the exit stub.
 */
#include "dt-format.h"

#define STATE (dt_stub + 0x1000)

    .arch   armv8.2-a+sve

/* The SVE registers from/to the packed area at \base (see dt-format.h);
 * \base is advanced by 32 vector lengths on the way, to the P area. */
    .macro  sve_z op, base
    .irp    n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    \op     z\n, [\base, #\n, mul vl]
    .endr
    addvl   \base, \base, #16
    addvl   \base, \base, #16
    .endm
    .macro  sve_p op, base
    .irp    n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
    \op     p\n, [\base, #\n, mul vl]
    .endr
    .endm

    .text
    .balign 16
    .global dt_stub, dt_stub_slots, dt_stub_end
dt_stub:
    clrex                               /* no exclusive monitor left over */
    adr     x30, STATE + DT_STATE_IN
    ldr     x0, [x30, #DT_OFF_NZCV]
    msr     nzcv, x0
    ldr     x0, [x30, #DT_OFF_FPCR]
    msr     fpcr, x0
    ldr     x0, [x30, #DT_OFF_FPSR]
    msr     fpsr, x0
    ldr     x0, [x30, #DT_OFF_SP]
    mov     sp, x0
    ldp     q0, q1, [x30, #DT_OFF_V + 16 * 0]
    ldp     q2, q3, [x30, #DT_OFF_V + 16 * 2]
    ldp     q4, q5, [x30, #DT_OFF_V + 16 * 4]
    ldp     q6, q7, [x30, #DT_OFF_V + 16 * 6]
    ldp     q8, q9, [x30, #DT_OFF_V + 16 * 8]
    ldp     q10, q11, [x30, #DT_OFF_V + 16 * 10]
    ldp     q12, q13, [x30, #DT_OFF_V + 16 * 12]
    ldp     q14, q15, [x30, #DT_OFF_V + 16 * 14]
    ldp     q16, q17, [x30, #DT_OFF_V + 16 * 16]
    ldp     q18, q19, [x30, #DT_OFF_V + 16 * 18]
    ldp     q20, q21, [x30, #DT_OFF_V + 16 * 20]
    ldp     q22, q23, [x30, #DT_OFF_V + 16 * 22]
    ldp     q24, q25, [x30, #DT_OFF_V + 16 * 24]
    ldp     q26, q27, [x30, #DT_OFF_V + 16 * 26]
    ldp     q28, q29, [x30, #DT_OFF_V + 16 * 28]
    ldp     q30, q31, [x30, #DT_OFF_V + 16 * 30]
    ldr     w0, [x30, #DT_SVE_VL_OFF]
    cbz     w0, 1f
    add     x0, x30, #DT_SVE_IN
    sve_z   ldr, x0
    ldr     p0, [x0, #16, mul vl]
    wrffr   p0.b
    sve_p   ldr, x0
1:  ldp     x0, x1, [x30, #DT_OFF_X + 8 * 0]
    ldp     x2, x3, [x30, #DT_OFF_X + 8 * 2]
    ldp     x4, x5, [x30, #DT_OFF_X + 8 * 4]
    ldp     x6, x7, [x30, #DT_OFF_X + 8 * 6]
    ldp     x8, x9, [x30, #DT_OFF_X + 8 * 8]
    ldp     x10, x11, [x30, #DT_OFF_X + 8 * 10]
    ldp     x12, x13, [x30, #DT_OFF_X + 8 * 12]
    ldp     x14, x15, [x30, #DT_OFF_X + 8 * 14]
    ldp     x16, x17, [x30, #DT_OFF_X + 8 * 16]
    ldp     x18, x19, [x30, #DT_OFF_X + 8 * 18]
    ldp     x20, x21, [x30, #DT_OFF_X + 8 * 20]
    ldp     x22, x23, [x30, #DT_OFF_X + 8 * 22]
    ldp     x24, x25, [x30, #DT_OFF_X + 8 * 24]
    ldp     x26, x27, [x30, #DT_OFF_X + 8 * 26]
    ldp     x28, x29, [x30, #DT_OFF_X + 8 * 28]
    ldr     x30, [x30, #DT_OFF_X + 8 * 30]
dt_stub_slots:
    .if     dt_stub_slots - dt_stub != DT_SLOTS_OFF
    .error  "DT_SLOTS_OFF in dt-format.h does not match the entry stub"
    .endif
    .rept   DT_MAX_INSN
    nop
    .endr
dt_exit:
    msr     tpidr_el0, x0
    adr     x0, STATE + DT_STATE_OUT
    str     x1, [x0, #DT_OFF_X + 8]
    stp     x2, x3, [x0, #DT_OFF_X + 8 * 2]
    stp     x4, x5, [x0, #DT_OFF_X + 8 * 4]
    stp     x6, x7, [x0, #DT_OFF_X + 8 * 6]
    stp     x8, x9, [x0, #DT_OFF_X + 8 * 8]
    stp     x10, x11, [x0, #DT_OFF_X + 8 * 10]
    stp     x12, x13, [x0, #DT_OFF_X + 8 * 12]
    stp     x14, x15, [x0, #DT_OFF_X + 8 * 14]
    stp     x16, x17, [x0, #DT_OFF_X + 8 * 16]
    stp     x18, x19, [x0, #DT_OFF_X + 8 * 18]
    stp     x20, x21, [x0, #DT_OFF_X + 8 * 20]
    stp     x22, x23, [x0, #DT_OFF_X + 8 * 22]
    stp     x24, x25, [x0, #DT_OFF_X + 8 * 24]
    stp     x26, x27, [x0, #DT_OFF_X + 8 * 26]
    stp     x28, x29, [x0, #DT_OFF_X + 8 * 28]
    str     x30, [x0, #DT_OFF_X + 8 * 30]
    mov     x1, sp
    str     x1, [x0, #DT_OFF_SP]
    mrs     x1, nzcv
    str     x1, [x0, #DT_OFF_NZCV]
    mrs     x1, fpcr
    str     x1, [x0, #DT_OFF_FPCR]
    mrs     x1, fpsr
    str     x1, [x0, #DT_OFF_FPSR]
    stp     q0, q1, [x0, #DT_OFF_V + 16 * 0]
    stp     q2, q3, [x0, #DT_OFF_V + 16 * 2]
    stp     q4, q5, [x0, #DT_OFF_V + 16 * 4]
    stp     q6, q7, [x0, #DT_OFF_V + 16 * 6]
    stp     q8, q9, [x0, #DT_OFF_V + 16 * 8]
    stp     q10, q11, [x0, #DT_OFF_V + 16 * 10]
    stp     q12, q13, [x0, #DT_OFF_V + 16 * 12]
    stp     q14, q15, [x0, #DT_OFF_V + 16 * 14]
    stp     q16, q17, [x0, #DT_OFF_V + 16 * 16]
    stp     q18, q19, [x0, #DT_OFF_V + 16 * 18]
    stp     q20, q21, [x0, #DT_OFF_V + 16 * 20]
    stp     q22, q23, [x0, #DT_OFF_V + 16 * 22]
    stp     q24, q25, [x0, #DT_OFF_V + 16 * 24]
    stp     q26, q27, [x0, #DT_OFF_V + 16 * 26]
    stp     q28, q29, [x0, #DT_OFF_V + 16 * 28]
    stp     q30, q31, [x0, #DT_OFF_V + 16 * 30]
    adr     x1, STATE
    ldr     w1, [x1, #DT_SVE_VL_OFF]
    cbz     w1, 1f
    adr     x1, STATE + DT_SVE_OUT
    sve_z   str, x1
    sve_p   str, x1
    rdffr   p0.b
    str     p0, [x1, #16, mul vl]
1:  mrs     x1, tpidr_el0
    str     x1, [x0, #DT_OFF_X]
    adr     x0, STATE
    ldr     x1, [x0, #DT_SAVED_TPIDR]
    msr     tpidr_el0, x1
    ldr     x1, [x0, #DT_SAVED_SP]
    mov     sp, x1
    ldr     x30, [x0, #DT_SAVED_LR]
    ret
dt_stub_end:

/* void dt_enter(void *stub, void *state): run the stub copied to STUB,
 * whose state page is STATE. */
    .global dt_enter
    .type   dt_enter, %function
dt_enter:
    stp     x29, x30, [sp, #-160]!
    mov     x29, sp
    stp     x19, x20, [sp, #16]
    stp     x21, x22, [sp, #32]
    stp     x23, x24, [sp, #48]
    stp     x25, x26, [sp, #64]
    stp     x27, x28, [sp, #80]
    stp     d8, d9, [sp, #96]
    stp     d10, d11, [sp, #112]
    stp     d12, d13, [sp, #128]
    stp     d14, d15, [sp, #144]
    mov     x9, sp
    str     x9, [x1, #DT_SAVED_SP]
    adr     x9, 1f
    str     x9, [x1, #DT_SAVED_LR]
    mrs     x9, tpidr_el0
    str     x9, [x1, #DT_SAVED_TPIDR]
    br      x0
1:  msr     fpcr, xzr                   /* the harness's own FP environment */
    ldp     x19, x20, [sp, #16]
    ldp     x21, x22, [sp, #32]
    ldp     x23, x24, [sp, #48]
    ldp     x25, x26, [sp, #64]
    ldp     x27, x28, [sp, #80]
    ldp     d8, d9, [sp, #96]
    ldp     d10, d11, [sp, #112]
    ldp     d12, d13, [sp, #128]
    ldp     d14, d15, [sp, #144]
    ldp     x29, x30, [sp], #160
    ret
    .size   dt_enter, . - dt_enter

    .section .note.GNU-stack, "", %progbits
