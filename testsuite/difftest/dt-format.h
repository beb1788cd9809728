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
 *
 * SVE cases (dt_sve.vl != 0) also load and save Z0-Z31, P0-P15 and FFR
 * at that vector length: the harness sets it with prctl(PR_SVE_SET_VL),
 * and the stubs move the registers through two more areas of the state
 * pages (DT_SVE_IN, DT_SVE_OUT), packed as LDR/STR (vector) address them:
 * Z<i> at i * VL, then P<i> at 32 * VL + i * VL / 8, then FFR after P15.
 */
#ifndef BACKSTEP_DIFFTEST_DT_FORMAT_H
#define BACKSTEP_DIFFTEST_DT_FORMAT_H

#define DT_CODE_ADDR     0x20000000
#define DT_STATE_ADDR    0x20001000
#define DT_SCRATCH_ADDR  0x20010000
#define DT_MEM_SIZE      4096
#define DT_MAX_INSN      8
/* The longest SVE vector the format holds, in bytes (2048 bits). */
#define DT_SVE_MAX_VL    256
/* The state pages: DT_STATE_PAGES pages from DT_STATE_ADDR. */
#define DT_STATE_PAGES   7
/* Where the instruction slots start in the code page (harness.S checks). */
#define DT_SLOTS_OFF     388

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
#define DT_SVE_VL_OFF    (2 * DT_REGS_SIZE + 24)  /* 0: not an SVE case */
/* The packed SVE registers in and out (see above); each area holds
 * 32 Z + 17 P-sized registers at DT_SVE_MAX_VL. */
#define DT_SVE_IN        0x1000
#define DT_SVE_OUT       0x4000
#define DT_SVE_P_OFF(vl) (32 * (vl))

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

/* The SVE registers, each at its largest size; only the first VL (Z) or
 * VL / 8 (P, FFR) bytes count, the rest are zero. */
struct dt_sve {
    uint32_t vl;                    /* bytes; 0: the case does not use SVE */
    uint32_t pad[3];
    uint8_t z[32][DT_SVE_MAX_VL];
    uint8_t p[16][DT_SVE_MAX_VL / 8];
    uint8_t ffr[DT_SVE_MAX_VL / 8];
};

struct dt_case {
    uint32_t magic;
    uint32_t ninsn;                 /* 1..DT_MAX_INSN; other slots are NOP */
    struct dt_regs regs;
    uint32_t insn[DT_MAX_INSN];
    uint8_t mem[DT_MEM_SIZE];
    struct dt_sve sve;
};

struct dt_result {
    uint32_t magic;
    uint32_t index;                 /* the case's index in its file */
    int32_t signal;                 /* 0, or the signal the case raised */
    uint32_t pad;
    struct dt_regs regs;            /* all zero when signal != 0 */
    uint8_t mem[DT_MEM_SIZE];
    struct dt_sve sve;              /* vl as in the case; zero if trapped */
};

_Static_assert(offsetof(struct dt_regs, sp) == DT_OFF_SP, "dt_regs.sp");
_Static_assert(offsetof(struct dt_regs, nzcv) == DT_OFF_NZCV, "dt_regs.nzcv");
_Static_assert(offsetof(struct dt_regs, fpcr) == DT_OFF_FPCR, "dt_regs.fpcr");
_Static_assert(offsetof(struct dt_regs, fpsr) == DT_OFF_FPSR, "dt_regs.fpsr");
_Static_assert(offsetof(struct dt_regs, v) == DT_OFF_V, "dt_regs.v");
_Static_assert(sizeof(struct dt_regs) == DT_REGS_SIZE, "dt_regs size");
_Static_assert(sizeof(struct dt_sve) == 16 + 32 * DT_SVE_MAX_VL
               + 17 * DT_SVE_MAX_VL / 8, "dt_sve has no hidden padding");
_Static_assert(sizeof(struct dt_case) == 8 + DT_REGS_SIZE + 4 * DT_MAX_INSN
               + DT_MEM_SIZE + sizeof(struct dt_sve),
               "dt_case has no hidden padding");
_Static_assert(sizeof(struct dt_result) == 16 + DT_REGS_SIZE + DT_MEM_SIZE
               + sizeof(struct dt_sve), "dt_result has no hidden padding");
_Static_assert(DT_SVE_IN >= 2 * DT_REGS_SIZE + 32
               && DT_SVE_OUT - DT_SVE_IN >= 32 * DT_SVE_MAX_VL
                  + 17 * DT_SVE_MAX_VL / 8
               && DT_STATE_PAGES * 0x1000 - DT_SVE_OUT >= 32 * DT_SVE_MAX_VL
                  + 17 * DT_SVE_MAX_VL / 8, "the SVE areas fit");
#endif

#endif
