/* The difftest wire format: what the driver (host) writes for the harness
 * (an AArch64 guest program) to run, and what the harness writes back.
 *
 * Both sides are little-endian LP64, so the records are plain structs of
 * fixed-width fields with explicit padding; the assembler half of the
 * harness uses the DT_OFF_* offsets, checked against the structs below.
 *
 * The harness runs every case at fixed guest addresses, so results that
 * depend on the PC (ADR, ADRP, BL, literal loads) or on data addresses
 * are the same under every emulator:
 *   DT_CODE_ADDR     one RWX page: the entry stub, DT_MAX_INSN instruction
 *                    slots, the exit stub;
 *   DT_STATE_ADDR    the page after it: registers in and out, and the
 *                    harness's own SP, return address and TPIDR_EL0;
 *   DT_SCRATCH_ADDR  one page of scratch memory, surrounded by unmapped
 *                    pages, loaded from the case and written back whole.
 */
#ifndef BACKSTEP_DIFFTEST_DT_FORMAT_H
#define BACKSTEP_DIFFTEST_DT_FORMAT_H

#define DT_CODE_ADDR     0x20000000
#define DT_STATE_ADDR    0x20001000
#define DT_SCRATCH_ADDR  0x20010000
#define DT_MEM_SIZE      4096
#define DT_MAX_INSN      8
/* Where the instruction slots start in the code page (harness.S checks). */
#define DT_SLOTS_OFF     168

/* struct dt_regs */
#define DT_OFF_X         0
#define DT_OFF_SP        248
#define DT_OFF_NZCV      256
#define DT_OFF_FPCR      264
#define DT_OFF_FPSR      272
#define DT_OFF_V         288
#define DT_REGS_SIZE     800

/* The state page: registers in, registers out, the harness's context. */
#define DT_STATE_IN      0
#define DT_STATE_OUT     DT_REGS_SIZE
#define DT_SAVED_SP      (2 * DT_REGS_SIZE)
#define DT_SAVED_LR      (2 * DT_REGS_SIZE + 8)
#define DT_SAVED_TPIDR   (2 * DT_REGS_SIZE + 16)

#define DT_CASE_MAGIC    0x43544464u   /* "dDTC" */
#define DT_RESULT_MAGIC  0x52544464u   /* "dDTR" */

#ifndef __ASSEMBLER__
#include <stddef.h>
#include <stdint.h>

struct dt_regs {
    uint64_t x[31];
    uint64_t sp;        /* in: the value; out (in a result): final - initial */
    uint64_t nzcv;      /* PSTATE.NZCV in bits 31..28, as MRS NZCV reads it */
    uint64_t fpcr;
    uint64_t fpsr;
    uint64_t pad;
    uint8_t v[32][16];
};

struct dt_case {
    uint32_t magic;
    uint32_t ninsn;                 /* 1..DT_MAX_INSN; other slots are NOP */
    struct dt_regs regs;
    uint32_t insn[DT_MAX_INSN];
    uint8_t mem[DT_MEM_SIZE];
};

struct dt_result {
    uint32_t magic;
    uint32_t index;                 /* the case's index in its file */
    int32_t signal;                 /* 0, or the signal the case raised */
    uint32_t pad;
    struct dt_regs regs;            /* all zero when signal != 0 */
    uint8_t mem[DT_MEM_SIZE];
};

_Static_assert(offsetof(struct dt_regs, sp) == DT_OFF_SP, "dt_regs.sp");
_Static_assert(offsetof(struct dt_regs, nzcv) == DT_OFF_NZCV, "dt_regs.nzcv");
_Static_assert(offsetof(struct dt_regs, fpcr) == DT_OFF_FPCR, "dt_regs.fpcr");
_Static_assert(offsetof(struct dt_regs, fpsr) == DT_OFF_FPSR, "dt_regs.fpsr");
_Static_assert(offsetof(struct dt_regs, v) == DT_OFF_V, "dt_regs.v");
_Static_assert(sizeof(struct dt_regs) == DT_REGS_SIZE, "dt_regs size");
_Static_assert(sizeof(struct dt_case) == 8 + DT_REGS_SIZE + 4 * DT_MAX_INSN
               + DT_MEM_SIZE, "dt_case has no hidden padding");
_Static_assert(sizeof(struct dt_result) == 16 + DT_REGS_SIZE + DT_MEM_SIZE,
               "dt_result has no hidden padding");
#endif

#endif
