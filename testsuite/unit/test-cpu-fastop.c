/* The run loop's fast operations (cpu/fastop.h): the cases where an
 * inline operation could differ from the decode table's handler, checked
 * through cpu_run on the flat-memory harness. Values are worked out by
 * hand from the architecture; qemu-derived vectors and the differential
 * tester cover the instructions at large. */
#include <glib.h>
#include <string.h>

#include "cpu/a64.h"
#include "testsuite/unit/cpu-core-harness.h"

/* XZR as a destination (CMP, CMN) and as a source (MOV, CSET, ADD). */
static void test_zero_register(void)
{
    struct harness *h = harness_new();
    struct cpu_state *cpu = h->cpu;

    HARNESS_CODE_AT(h, HARNESS_CODE,
                    0x528000a1,   /* mov w1, #5 */
                    0x7100143f,   /* cmp w1, #5 */
                    0x9a9f17e2,   /* cset x2, eq */
                    0xaa0103e3,   /* mov x3, x1 */
                    0x8b1f0024,   /* add x4, x1, xzr */
                    0xb100143f,   /* cmn x1, #5 */
                    0x1a9f102c);  /* csel w12, w1, wzr, ne */
    cpu->x[12] = 77;
    g_assert_cmpint(harness_run(h, 7), ==, CPU_EXIT_BUDGET);
    g_assert_cmpuint(cpu->x[2], ==, 1);
    g_assert_cmpuint(cpu->x[3], ==, 5);
    g_assert_cmpuint(cpu->x[4], ==, 5);
    g_assert_cmpuint(cpu->x[12], ==, 5);
    g_assert_cmpuint(cpu->x[31], ==, 0);
    g_assert_cmphex(cpu->nzcv, ==, 0);   /* 5 + 5: no flag */
    g_assert_cmpuint(cpu->icount, ==, 7);
    harness_free(h);
}

/* SP as base and destination; pairs with pre- and post-index. */
static void test_stack_pointer(void)
{
    struct harness *h = harness_new();
    struct cpu_state *cpu = h->cpu;
    uint64_t top = HARNESS_DATA + 0x800;

    HARNESS_CODE_AT(h, HARNESS_CODE,
                    0x9100013f,   /* mov sp, x9 */
                    0xa9bf0be1,   /* stp x1, x2, [sp, #-16]! */
                    0xa8c113e3,   /* ldp x3, x4, [sp], #16 */
                    0xf85f03e5);  /* ldur x5, [sp, #-16] */
    cpu->x[9] = top;
    cpu->x[1] = 0x1111222233334444ull;
    cpu->x[2] = 0x5555666677778888ull;
    g_assert_cmpint(harness_run(h, 4), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(cpu->sp, ==, top);
    g_assert_cmphex(cpu->x[3], ==, cpu->x[1]);
    g_assert_cmphex(cpu->x[4], ==, cpu->x[2]);
    g_assert_cmphex(cpu->x[5], ==, cpu->x[1]);
    g_assert_cmphex(harness_read64(h, top - 8), ==, cpu->x[2]);
    harness_free(h);
}

/* Accesses that cross a page take the handler's path, with the same
 * result; so does one that faults, leaving the state unchanged. */
static void test_page_crossing_and_fault(void)
{
    struct harness *h = harness_new();
    struct cpu_state *cpu = h->cpu;
    uint64_t edge = HARNESS_DATA + 0x1000 - 4;

    memcpy(harness_ptr(h, edge), "\x01\x02\x03\x04\x05\x06\x07\x08", 8);
    HARNESS_CODE_AT(h, HARNESS_CODE,
                    0xf94000e6,   /* ldr x6, [x7] */
                    0xf90004e6);  /* str x6, [x7, #8] */
    cpu->x[7] = edge;
    g_assert_cmpint(harness_run(h, 2), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(cpu->x[6], ==, 0x0807060504030201ull);
    g_assert_cmphex(harness_read64(h, edge + 8), ==, 0x0807060504030201ull);

    HARNESS_CODE_AT(h, HARNESS_CODE, 0xf94000e6);   /* ldr x6, [x7] */
    cpu->x[7] = HARNESS_UNMAPPED;
    cpu->x[6] = 99;
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_DATA_ABORT);
    g_assert_cmphex(cpu->exit_info.fault_addr, ==, HARNESS_UNMAPPED);
    g_assert_cmphex(cpu->pc, ==, HARNESS_CODE);
    g_assert_cmpuint(cpu->x[6], ==, 99);
    g_assert_cmpuint(cpu->icount, ==, 2);

    /* A store to a read-only page: a permission fault, nothing stored. */
    HARNESS_CODE_AT(h, HARNESS_CODE, 0xf90004e6);   /* str x6, [x7, #8] */
    cpu->x[7] = HARNESS_RODATA;
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_DATA_ABORT);
    g_assert_true(cpu->exit_info.fault_is_write);
    g_assert_cmphex(harness_read64(h, HARNESS_RODATA + 8), ==, 0);
    harness_free(h);
}

/* A store into the next instruction (a fast STR on a page holding decoded
 * code) must be seen when that instruction executes. */
static void test_self_modifying_store(void)
{
    struct harness *h = harness_new();
    struct cpu_state *cpu = h->cpu;

    HARNESS_CODE_AT(h, HARNESS_CODE,
                    0xb9000128,   /* str w8, [x9] */
                    0xd280002a);  /* mov x10, #1 (overwritten) */
    cpu->x[8] = 0xd280054a;       /* mov x10, #42 */
    cpu->x[9] = HARNESS_CODE + 4;
    /* Decode both slots first, then run the store over them. */
    g_assert_cmpint(harness_run(h, 2), ==, CPU_EXIT_BUDGET);
    g_assert_cmpuint(cpu->x[10], ==, 42);
    cpu->pc = HARNESS_CODE;
    cpu->x[8] = 0xd280002a;       /* back to mov x10, #1 */
    g_assert_cmpint(harness_run(h, 2), ==, CPU_EXIT_BUDGET);
    g_assert_cmpuint(cpu->x[10], ==, 1);
    harness_free(h);
}

/* 32-bit operations write zeroes above bit 31. */
static void test_w_forms(void)
{
    struct harness *h = harness_new();
    struct cpu_state *cpu = h->cpu;

    HARNESS_CODE_AT(h, HARNESS_CODE,
                    0x92800001,   /* mov x1, #-1 */
                    0x11000422,   /* add w2, w1, #1 */
                    0x53047c23,   /* lsr w3, w1, #4 */
                    0x937ffc24,   /* asr x4, x1, #63 */
                    0x13000c25,   /* sbfx w5, w1, #0, #4 */
                    0x53010026,   /* lsl w6, w1, #31 */
                    0x4a412027,   /* eor w7, w1, w1, lsr #8 */
                    0x1b01042b,   /* madd w11, w1, w1, w1 */
                    0x72a24681);  /* movk w1, #0x1234, lsl #16 */
    g_assert_cmpint(harness_run(h, 9), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(cpu->x[2], ==, 0);
    g_assert_cmphex(cpu->x[3], ==, 0x0fffffff);
    g_assert_cmphex(cpu->x[4], ==, ~0ull);
    g_assert_cmphex(cpu->x[5], ==, 0xffffffff);
    g_assert_cmphex(cpu->x[6], ==, 0x80000000);
    g_assert_cmphex(cpu->x[7], ==, 0xff000000);
    g_assert_cmphex(cpu->x[11], ==, 0);          /* -1 * -1 + -1 */
    g_assert_cmphex(cpu->x[1], ==, 0x1234ffff);
    harness_free(h);
}

/* A loop run one instruction at a time ends in the same state, at the
 * same instruction count, as the loop run in one go: the budget is exact
 * across fast operations and taken branches. */
static void test_single_step_matches_run(void)
{
    static const uint32_t loop[] = {
        0xf1000421,   /* 0: subs x1, x1, #1 */
        0x8b010042,   /* 4: add x2, x2, x1 */
        0x54ffffc1,   /* 8: b.ne 0 */
        0xd65f03c0,   /* c: ret */
    };
    struct harness *a = harness_new(), *b = harness_new();
    uint64_t steps = 0;

    harness_code(a, HARNESS_CODE, loop, G_N_ELEMENTS(loop));
    harness_code(b, HARNESS_CODE, loop, G_N_ELEMENTS(loop));
    a->cpu->x[1] = b->cpu->x[1] = 50;
    a->cpu->x[30] = b->cpu->x[30] = HARNESS_CODE + 0x100;
    g_assert_cmpint(harness_run(a, 151), ==, CPU_EXIT_BUDGET);
    while (b->cpu->icount < 151) {
        g_assert_cmpint(cpu_run(b->cpu, 1), ==, CPU_EXIT_BUDGET);
        steps++;
    }
    g_assert_cmpuint(steps, ==, 151);
    g_assert_cmphex(a->cpu->pc, ==, HARNESS_CODE + 0x100);
    g_assert_cmphex(b->cpu->pc, ==, a->cpu->pc);
    g_assert_cmpuint(a->cpu->x[2], ==, 49 * 50 / 2);
    g_assert_cmpuint(b->cpu->x[2], ==, a->cpu->x[2]);
    g_assert_cmphex(b->cpu->nzcv, ==, a->cpu->nzcv);
    harness_free(a);
    harness_free(b);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/cpu-core/fastop/zero-register", test_zero_register);
    g_test_add_func("/cpu-core/fastop/stack-pointer", test_stack_pointer);
    g_test_add_func("/cpu-core/fastop/page-crossing-and-fault",
                    test_page_crossing_and_fault);
    g_test_add_func("/cpu-core/fastop/self-modifying-store",
                    test_self_modifying_store);
    g_test_add_func("/cpu-core/fastop/w-forms", test_w_forms);
    g_test_add_func("/cpu-core/fastop/single-step-matches-run",
                    test_single_step_matches_run);
    return g_test_run();
}
