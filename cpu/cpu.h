/* The AArch64 core: architectural state and the run loop.
 *
 * cpu/ depends on nothing else of ours. Memory is reached through the small
 * interface in cpu/mem.h, which the owner of the address space (user/ today,
 * hw/ later) implements.
 */
#ifndef BACKSTEP_CPU_CPU_H
#define BACKSTEP_CPU_CPU_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cpu/mem.h"

/* The vector register file is SVE-sized from the start: Z registers up to
 * 2048 bits; V registers are the low 128 bits of Z. */
#define CPU_ZREG_BYTES 256
#define CPU_PREG_BYTES (CPU_ZREG_BYTES / 8)

typedef union cpu_zreg {
    uint8_t b[CPU_ZREG_BYTES];
    uint16_t h[CPU_ZREG_BYTES / 2];
    uint32_t s[CPU_ZREG_BYTES / 4];
    uint64_t d[CPU_ZREG_BYTES / 8];
} __attribute__((aligned(16))) cpu_zreg;

/* PSTATE.NZCV kept in its architectural position (bits 31..28). */
#define CPU_NZCV_N (1u << 31)
#define CPU_NZCV_Z (1u << 30)
#define CPU_NZCV_C (1u << 29)
#define CPU_NZCV_V (1u << 28)

/* Why cpu_run() returned. */
enum cpu_exit {
    CPU_EXIT_NONE = 0,
    CPU_EXIT_BUDGET,      /* ran the requested number of instructions */
    CPU_EXIT_SVC,         /* SVC #imm; pc is past it, imm in exit_info.imm */
    CPU_EXIT_UNDEF,       /* unallocated/unimplemented encoding; pc at it */
    CPU_EXIT_BRK,         /* BRK #imm; pc at it */
    CPU_EXIT_DATA_ABORT,  /* translation/permission fault on a data access */
    CPU_EXIT_INSN_ABORT,  /* fault fetching an instruction */
    CPU_EXIT_ALIGNMENT,   /* SP or PC misalignment, unaligned exclusive */
    CPU_EXIT_BREAKPOINT,  /* debugger breakpoint at pc (not executed) */
    CPU_EXIT_WATCHPOINT,  /* debugger watchpoint; pc at the accessing insn */
    CPU_EXIT_HLT,         /* HLT #imm (semihosting not supported) */
    CPU_EXIT_REQUEST,     /* cpu_request_exit() was called */
};

/* Debugger watchpoint kinds (bit mask). */
enum cpu_watch_kind {
    CPU_WATCH_WRITE = 1,
    CPU_WATCH_READ = 2,
    CPU_WATCH_ACCESS = 3,
};

struct cpu_exit_info {
    uint64_t fault_addr;     /* data/insn abort, alignment, watchpoint */
    uint32_t insn;           /* UNDEF: the encoding */
    uint32_t imm;            /* SVC/BRK/HLT immediate */
    bool fault_is_write;     /* data abort: write access */
    bool fault_is_perm;      /* data abort: mapped but not permitted */
    /* Watchpoint: the kind of the access that hit it (READ, WRITE, or
     * ACCESS for a read-modify-write such as an atomic). */
    enum cpu_watch_kind watch_kind;
    /* Data abort: a synchronous MTE tag check fault (fault_addr carries
     * the pointer's logical tag in bits 59:56, as Linux reports it). */
    bool fault_is_tag_check;
};

struct cpu_code_cache;  /* decoded-instruction cache, cpu/run.c */
struct cpu_debug;       /* breakpoints and watchpoints, cpu/debug.c */

#define CPU_TLB_ENTRIES 256

/* One software-TLB entry. A hit is a compare and an add: host address =
 * guest address + addend. The tag is the guest page address; an entry with
 * no permission for an access holds CPU_TLB_INVALID in that tag. */
#define CPU_TLB_INVALID UINT64_MAX
struct cpu_tlb_entry {
    uint64_t read_tag;
    uint64_t write_tag;
    uint64_t exec_tag;
    uintptr_t addend;
};

/* Pointer authentication (FEAT_PAuth) keys: each is a 128-bit key
 * register pair, [0] = APxxKeyLo_EL1 (K<63:0>), [1] = APxxKeyHi_EL1
 * (K<127:64>). User mode sets them per process at exec (cpu/pauth.h). */
struct cpu_pauth_keys {
    uint64_t apia[2], apib[2], apda[2], apdb[2], apga[2];
};

/* The bits a pointer authentication code occupies in a user pointer
 * (bit 55 clear) with 48-bit virtual addresses and top-byte-ignore, for
 * code and data alike: GENMASK(54, 48), the value Linux's
 * ptrauth_user_pac_mask() reports in the NT_ARM_PAC_MASK regset. */
#define CPU_PAUTH_USER_PAC_MASK 0x007f000000000000ull

/* The PAC algorithm: QARMA5 (FEAT_PACQARMA5, the default) or QARMA3
 * (FEAT_PACQARMA3). */
enum cpu_pauth_algo {
    CPU_PAUTH_QARMA5 = 0,
    CPU_PAUTH_QARMA3,
};

/* Memory tagging (FEAT_MTE2/MTE3): what a tag check fault does, as
 * SCTLR_EL1.TCF0 selects it (Linux sets it from PR_SET_TAGGED_ADDR_CTRL). */
enum cpu_mte_tcf {
    CPU_MTE_TCF_NONE = 0,   /* no checks */
    CPU_MTE_TCF_SYNC,       /* the access faults (data abort) */
    CPU_MTE_TCF_ASYNC,      /* the access happens; mte_async_fault is set */
    CPU_MTE_TCF_ASYMM,      /* FEAT_MTE3: reads synchronous, writes async */
};

struct cpu_state {
    /* General registers; x[31] is not a register (reads as XZR in most
     * encodings) and is kept zero so handlers can index with Rn/Rt freely
     * where the encoding means XZR. */
    uint64_t x[32];
    uint64_t sp;            /* SP_EL0 */
    uint64_t pc;
    uint32_t nzcv;          /* PSTATE.NZCV in bits 31..28 */
    uint32_t fpcr;
    uint32_t fpsr;
    uint8_t el;             /* current exception level: 0 in user mode */

    cpu_zreg z[32];
    uint8_t p[16][CPU_PREG_BYTES];
    uint8_t ffr[CPU_PREG_BYTES];
    uint32_t sve_vl;        /* current vector length in bytes (16..256) */

    uint64_t tpidr_el0;
    uint64_t tpidrro_el0;

    /* Exclusive monitor (LDXR/STXR). */
    bool excl_valid;
    uint64_t excl_addr;
    unsigned excl_size;     /* bytes covered, 1..16 */
    uint64_t excl_val[2];

    /* Time is the instruction count: retired instructions of this CPU. */
    uint64_t icount;

    /* Memory: the software TLB and the owner's translation callbacks. */
    struct cpu_tlb_entry tlb[CPU_TLB_ENTRIES];
    const struct cpu_mem_ops *mem_ops;
    void *mem_opaque;

    struct cpu_code_cache *code;
    struct cpu_debug *debug;

    /* Set by the handler that stops execution; read by cpu_run's caller. */
    enum cpu_exit exit;
    struct cpu_exit_info exit_info;
    volatile int exit_request;

    /* When set, the breakpoint at the current pc is ignored for the first
     * instruction of the next cpu_run (used to resume from a breakpoint
     * stop without the debugger removing it). */
    bool skip_breakpoint_once;
    /* When set, watchpoints are ignored for the first instruction of the
     * next cpu_run (to complete the access that stopped). */
    bool skip_watchpoint_once;

    /* Pointer authentication. When pauth_enabled is false the HINT-space
     * PAC instructions are NOPs and the others UNDEFINED (no FEAT_PAuth).
     * pauth_fpac selects FEAT_PAuth2 + FEAT_FPAC: a failed AUT* faults
     * (CPU_EXIT_UNDEF with pauth_fault set, which the owner turns into
     * Linux's SIGILL/ILL_ILLOPN and consumes) instead of returning a
     * corrupted pointer. */
    struct cpu_pauth_keys pauth_keys;
    bool pauth_enabled;
    enum cpu_pauth_algo pauth_algo;
    bool pauth_fpac;
    bool pauth_fault;
    uint8_t pauth_fault_code;   /* the FPAC syndrome's ISS[1:0]: data:B */

    /* Memory tagging (cpu/a64-mte.c; tags live with the memory's owner,
     * cpu_mem_ops.tags). Change mte_tcf through cpu_mte_set_tcf: pages of
     * tagged memory get no fast-path TLB entries while checks are on. */
    enum cpu_mte_tcf mte_tcf;
    bool mte_tco;               /* PSTATE.TCO: tag checks suppressed */
    /* The tags IRG, ADDG and SUBG may choose: ~GCR_EL1.Exclude, Linux's
     * include mask (0 until prctl sets one: every tag excluded, tag 0). */
    uint16_t mte_include;
    /* RGSR_EL1: SEED (bits 23:8) of the LFSR that IRG steps, and the last
     * tag chosen (bits 3:0); deterministic, seeded by the owner. */
    uint32_t mte_rgsr;
    bool mte_async_fault;       /* TFSRE0_EL1.TF0: the owner reports and
                                   clears it (SIGSEGV/SEGV_MTEAERR) */
    /* Linux's PR_TAGGED_ADDR_ENABLE for this thread (tag_ctl bit 0); kept
     * here so it follows clone and fork with the rest of the MTE state. */
    bool tagged_addr_enabled;
};

/* Allocate and free a CPU; mem_ops/opaque give it its address space. The
 * new CPU is zeroed except sve_vl (16 bytes) and fpcr/fpsr (0). */
struct cpu_state *cpu_new(const struct cpu_mem_ops *ops, void *opaque);
void cpu_free(struct cpu_state *cpu);

/* Run at most max_insns instructions. Returns the exit reason (also in
 * cpu->exit). Debug stops (breakpoint, watchpoint) happen before the
 * instruction executes; CPU_EXIT_BUDGET after exactly max_insns retired. */
enum cpu_exit cpu_run(struct cpu_state *cpu, uint64_t max_insns);

/* Ask a running cpu_run to return at its next block boundary (safe from a
 * signal handler or another callback). */
void cpu_request_exit(struct cpu_state *cpu);

/* The owner of the address space calls these when mappings change (not
 * from inside its translate callback). After cpu_tlb_flush no decoded code
 * is used unchecked: a page may now hold other bytes or lose PROT_EXEC, so
 * decoded pages are set aside and reused only once the page is found
 * executable again with unchanged bytes. */
void cpu_tlb_flush(struct cpu_state *cpu);
/* Guest code in [addr, addr+len) may have changed: drop decoded copies. */
void cpu_code_invalidate(struct cpu_state *cpu, uint64_t addr, uint64_t len);

/* Debugger breakpoints and watchpoints, kept in the emulator (never patched
 * into guest memory). Return 0, or -1 if the table is full/not found. */
int cpu_breakpoint_insert(struct cpu_state *cpu, uint64_t addr);
int cpu_breakpoint_remove(struct cpu_state *cpu, uint64_t addr);
int cpu_watchpoint_insert(struct cpu_state *cpu, uint64_t addr, uint64_t len,
                          enum cpu_watch_kind kind);
int cpu_watchpoint_remove(struct cpu_state *cpu, uint64_t addr, uint64_t len,
                          enum cpu_watch_kind kind);

/* PSTATE as the debugger's cpsr register shows it (NZCV, EL, SP...). */
uint32_t cpu_get_cpsr(const struct cpu_state *cpu);
void cpu_set_cpsr(struct cpu_state *cpu, uint32_t cpsr);

/* HWCAP bits (asm/hwcap.h) matching what this CPU implements, for AT_HWCAP
 * and AT_HWCAP2. */
uint64_t cpu_hwcap(void);
uint64_t cpu_hwcap2(void);

/* Set the tag check fault mode (drops TLB entries of tagged pages). */
void cpu_mte_set_tcf(struct cpu_state *cpu, enum cpu_mte_tcf tcf);

/* A short name of an exit reason, for logs. */
const char *cpu_exit_name(enum cpu_exit exit);

#endif
