/* Test support for the FP/AdvSIMD handlers: run one encoding through the
 * FP/SIMD pattern tables the way the decoder does (the most specific match
 * wins), without needing the core's decoder or run loop. */
#ifndef BACKSTEP_TEST_CPU_SIMD_LIB_H
#define BACKSTEP_TEST_CPU_SIMD_LIB_H

#include <stdbool.h>
#include <stdint.h>

#include "cpu/a64.h"
#include "testsuite/unit/test-cpu-simd-gen.h"

/* Flat guest memory at SIMD_GEN_MEM_BASE used by the structure loads and
 * stores in these tests. */
extern uint8_t simd_test_mem[SIMD_GEN_MEM_SIZE];

/* Run insn: returns the handler's result (A64_NEXT...), or A64_EXIT with
 * cpu->exit == CPU_EXIT_UNDEF if no row matches or the handler rejected it. */
int simd_test_exec(struct cpu_state *cpu, uint32_t insn);

/* The name of the row insn decodes to, or NULL. */
const char *simd_test_row_name(uint32_t insn);

/* Check every row: 32 pattern bits, and no two rows that match the same
 * encoding with equal specificity. Returns the number of problems, each
 * printed with g_test_message. */
int simd_test_check_tables(void);

/* A zeroed CPU for handler tests. */
struct cpu_state *simd_test_cpu_new(void);
void simd_test_cpu_free(struct cpu_state *cpu);

/* Single/double values as raw bits, for readable tests. */
uint32_t simd_test_f32(float f);
uint64_t simd_test_f64(double d);

#endif
