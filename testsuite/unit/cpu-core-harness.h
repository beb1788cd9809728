/* A flat-memory machine for the CPU core's unit tests: a few guest pages
 * with per-page permissions behind cpu_mem_ops, code written as encodings,
 * and cpu_run. */
#ifndef BACKSTEP_TEST_CPU_CORE_HARNESS_H
#define BACKSTEP_TEST_CPU_CORE_HARNESS_H

#include <glib.h>
#include <stdint.h>

#include "cpu/cpu.h"

/* The guest address space: [HARNESS_BASE, HARNESS_END). */
#define HARNESS_BASE 0x10000ull
#define HARNESS_END 0x50000ull
#define HARNESS_CODE 0x10000ull   /* 16 pages, read/write/execute */
#define HARNESS_DATA 0x20000ull   /* 16 pages, read/write */
#define HARNESS_RODATA 0x30000ull /* 16 pages, read-only */
#define HARNESS_NOEXEC 0x40000ull /* 16 pages, read/write, not executable */
#define HARNESS_UNMAPPED 0x60000ull

struct harness {
    struct cpu_state *cpu;
    uint8_t *mem;
    unsigned prot[(HARNESS_END - HARNESS_BASE) / 4096];
    unsigned translations;   /* calls of the translate callback */
};

struct harness *harness_new(void);
void harness_free(struct harness *h);
/* Host pointer of a guest address inside the space. */
uint8_t *harness_ptr(struct harness *h, uint64_t va);
/* Write instructions at va (bypassing the CPU: invalidates decoded code)
 * and point pc at the first one. */
void harness_code(struct harness *h, uint64_t va, const uint32_t *insns,
                  size_t n);
#define HARNESS_CODE_AT(h, va, ...)                                        \
    do {                                                                   \
        static const uint32_t insns_[] = { __VA_ARGS__ };                  \
        harness_code((h), (va), insns_, G_N_ELEMENTS(insns_));             \
    } while (0)
/* Run until an exit other than the budget or the instruction count. */
enum cpu_exit harness_run(struct harness *h, uint64_t max_insns);
uint64_t harness_read64(struct harness *h, uint64_t va);
void harness_write64(struct harness *h, uint64_t va, uint64_t v);

#endif
