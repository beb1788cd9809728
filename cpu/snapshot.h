/* CPU state for time travel: copies of a CPU's architectural state, and
 * the part of it a debugger can change (for recording such changes).
 *
 * A copy is everything that decides what the CPU does next (registers,
 * vector state, PSTATE, the exclusive monitor, PAuth keys, the instruction
 * count) and nothing of the host's: not the TLB, the decoded code, the
 * debugger's breakpoints or the memory callbacks, which belong to the CPU
 * the state is restored into.
 */
#ifndef BACKSTEP_CPU_SNAPSHOT_H
#define BACKSTEP_CPU_SNAPSHOT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cpu/cpu.h"

struct cpu_snapshot;

struct cpu_snapshot *cpu_snapshot_take(const struct cpu_state *cpu);
/* Put the state back. The TLB is emptied (the memory under it may have
 * been restored too); decoded code is kept: whoever restores memory
 * under it calls cpu_tlb_flush, which drops both. */
void cpu_snapshot_restore(struct cpu_state *cpu,
                          const struct cpu_snapshot *snap);
void cpu_snapshot_free(struct cpu_snapshot *snap);
/* Bytes a snapshot occupies. */
size_t cpu_snapshot_size(void);

/* The registers a debugger reads and writes (gdb's core, fpu and tls
 * features): a value type, compared to detect a debugger's changes. */
struct cpu_debug_regs {
    uint64_t x[31];
    uint64_t sp, pc;
    uint32_t nzcv, fpsr, fpcr, pad;
    uint64_t tpidr_el0;
    uint8_t v[32][16];
};

void cpu_debug_regs_get(const struct cpu_state *cpu,
                        struct cpu_debug_regs *regs);
/* Writing a V register clears the rest of its Z register, as a debugger
 * write through the fpu feature does. */
void cpu_debug_regs_set(struct cpu_state *cpu,
                        const struct cpu_debug_regs *regs);
bool cpu_debug_regs_equal(const struct cpu_debug_regs *a,
                          const struct cpu_debug_regs *b);

#endif
