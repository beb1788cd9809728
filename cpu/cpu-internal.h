/* Interfaces between the core's own files (run loop, decoded-code cache,
 * memory path, debug state, system registers). Not for users of cpu/. */
#ifndef BACKSTEP_CPU_CPU_INTERNAL_H
#define BACKSTEP_CPU_CPU_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "cpu/a64.h"

/* --- decoded-instruction cache (run.c) --------------------------------- */
struct cpu_code_cache *code_cache_new(void);
void code_cache_free(struct cpu_code_cache *cache);
/* Drop every decoded page (mappings changed). */
void code_cache_drop_all(struct cpu_state *cpu);
/* Does the guest page at page_va hold decoded code? */
bool code_cache_has_page(struct cpu_state *cpu, uint64_t page_va);

/* --- memory path (mem-access.c) ---------------------------------------- */
/* Invalidate every TLB entry (tags only; decoded code is kept). */
void tlb_invalidate_all(struct cpu_state *cpu);
/* Invalidate the TLB entries of the pages overlapping [addr, addr+len). */
void tlb_invalidate_range(struct cpu_state *cpu, uint64_t addr, uint64_t len);

/* For read-modify-write accesses (atomics, exclusives, CAS): translate a
 * naturally aligned block of size bytes for both read and write, check
 * watchpoints of the kinds in watch_kinds, and drop decoded code in it.
 * Returns the host address, or NULL with cpu->exit set (alignment, data
 * abort, watchpoint). Nothing is accessed. */
uint8_t *cpu_access_rmw(struct cpu_state *cpu, uint64_t va, unsigned size,
                        unsigned watch_kinds);

/* Set a data-abort exit. */
void cpu_set_data_abort(struct cpu_state *cpu, uint64_t addr, bool is_write,
                        bool is_perm);

/* --- debug state (debug.c) -------------------------------------------- */
struct cpu_debug *debug_new(void);
void debug_free(struct cpu_debug *debug);
bool debug_has_breakpoint(const struct cpu_state *cpu, uint64_t addr);
/* The watchpoint kinds (enum cpu_watch_kind mask) of watchpoints that
 * overlap the page at page_va: such accesses must not get TLB entries. */
unsigned debug_watch_kinds_on_page(const struct cpu_state *cpu,
                                   uint64_t page_va);
/* If an access of `kinds` (CPU_WATCH_READ and/or CPU_WATCH_WRITE) to
 * [va, va+len) hits a watchpoint, set the CPU_EXIT_WATCHPOINT exit and
 * return true. */
bool debug_check_watch(struct cpu_state *cpu, uint64_t va, uint64_t len,
                       unsigned kinds);
/* The same for a store of len bytes new_bytes over old_bytes (the
 * memory now): of the write watchpoints it touches, the first whose
 * bytes it changes is reported, else the first. gdb matches the stop
 * with the watchpoint holding the address, then looks for a change. */
bool debug_check_store_watch(struct cpu_state *cpu, uint64_t va,
                             uint64_t len, const uint8_t *old_bytes,
                             const uint8_t *new_bytes);
bool debug_any_watchpoints(const struct cpu_state *cpu);

/* --- decoder (decode.c) ------------------------------------------------ */
/* The handler for an encoding (a64_undef when nothing matches). */
a64_handler a64_decode(uint32_t insn);
/* The table row that decodes insn, or NULL (unallocated). */
const struct a64_pattern *a64_decode_row(uint32_t insn);
/* The name of the table row that decodes insn, or NULL (for logs). */
const char *a64_decode_name(uint32_t insn);

/* --- logical immediates (a64-dp-imm.c) -------------------------------- */
/* The bit mask of a logical-immediate encoding (AND/ORR/EOR/ANDS imm), or
 * 0 for a reserved one. */
uint64_t a64_logic_imm_value(uint32_t insn);

/* --- implemented features (cpu.c) --------------------------------------- */
enum cpu_id_reg {
    CPU_ID_NONE,            /* a HWCAP without an ID register field */
    CPU_ID_AA64PFR0,
    CPU_ID_AA64PFR1,
    CPU_ID_AA64ISAR0,
    CPU_ID_AA64ISAR1,
    CPU_ID_AA64ZFR0,
};
/* The ID register's feature fields for what is implemented (the fields
 * the HWCAPs also announce). */
uint64_t cpu_id_reg_features(enum cpu_id_reg reg);

/* --- system registers (sysreg.c) --------------------------------------- */
/* MRS/MSR by encoding. Return 0, or -1 for an unknown or inaccessible
 * register (the caller raises UNDEF). */
int sysreg_read(struct cpu_state *cpu, unsigned op0, unsigned op1,
                unsigned crn, unsigned crm, unsigned op2, uint64_t *val);
int sysreg_write(struct cpu_state *cpu, unsigned op0, unsigned op1,
                 unsigned crn, unsigned crm, unsigned op2, uint64_t val);

/* --- flags -------------------------------------------------------------- */
static inline uint32_t a64_nz_flags(uint64_t result, bool is64)
{
    if (!is64)
        result = (uint64_t)(int64_t)(int32_t)result;
    return (result >> 63 ? CPU_NZCV_N : 0) | (result == 0 ? CPU_NZCV_Z : 0);
}

/* AddWithCarry: x + y + carry at 32 or 64 bits; *nzcv gets the flags. */
static inline uint64_t a64_add_with_carry(uint64_t x, uint64_t y,
                                          unsigned carry, bool is64,
                                          uint32_t *nzcv)
{
    uint64_t result;
    uint32_t f;

    if (is64) {
        unsigned __int128 u = (unsigned __int128)x + y + carry;
        result = (uint64_t)u;
        f = a64_nz_flags(result, true);
        if (u >> 64)
            f |= CPU_NZCV_C;
        if ((~(x ^ y) & (x ^ result)) >> 63)
            f |= CPU_NZCV_V;
    } else {
        uint32_t a = (uint32_t)x, b = (uint32_t)y;
        uint64_t u = (uint64_t)a + b + carry;
        uint32_t r = (uint32_t)u;
        result = r;
        f = a64_nz_flags(r, false);
        if (u >> 32)
            f |= CPU_NZCV_C;
        if ((~(a ^ b) & (a ^ r)) >> 31)
            f |= CPU_NZCV_V;
    }
    *nzcv = f;
    return result;
}

#endif
