/* Debugger breakpoints and watchpoints in the core. */
#include <glib.h>
#include <string.h>

#include "cpu/a64.h"
#include "testsuite/unit/cpu-core-harness.h"

#define ADD_X5 0x910004a5u   /* add x5, x5, #1 */

static void test_breakpoint(void)
{
    struct harness *h = harness_new();
    struct cpu_state *cpu = h->cpu;

    /* add x5 (x4); b back to start */
    HARNESS_CODE_AT(h, HARNESS_CODE, ADD_X5, ADD_X5, ADD_X5, ADD_X5,
                    0x17fffffc /* b . - 16 */);
    /* Decode everything first: inserting must invalidate the slot. */
    g_assert_cmpint(harness_run(h, 5), ==, CPU_EXIT_BUDGET);
    g_assert_cmpuint(cpu->x[5], ==, 4);

    g_assert_cmpint(cpu_breakpoint_insert(cpu, HARNESS_CODE + 8), ==, 0);
    g_assert_cmpint(harness_run(h, 100), ==, CPU_EXIT_BREAKPOINT);
    g_assert_cmphex(cpu->pc, ==, HARNESS_CODE + 8);
    g_assert_cmpuint(cpu->x[5], ==, 6);
    g_assert_cmpuint(cpu->icount, ==, 7);
    /* Still there: running again stops at once, nothing executed. */
    g_assert_cmpint(harness_run(h, 100), ==, CPU_EXIT_BREAKPOINT);
    g_assert_cmpuint(cpu->icount, ==, 7);
    /* Stepping over it with skip_breakpoint_once. */
    cpu->skip_breakpoint_once = true;
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(cpu->pc, ==, HARNESS_CODE + 12);
    g_assert_cmpuint(cpu->x[5], ==, 7);
    g_assert_false(cpu->skip_breakpoint_once);
    /* Around the loop once more to hit it again. */
    g_assert_cmpint(harness_run(h, 100), ==, CPU_EXIT_BREAKPOINT);
    g_assert_cmpuint(cpu->x[5], ==, 10);
    cpu->skip_breakpoint_once = true;
    g_assert_cmpint(harness_run(h, 100), ==, CPU_EXIT_BREAKPOINT);
    g_assert_cmpuint(cpu->x[5], ==, 14);
    g_assert_cmphex(cpu->pc, ==, HARNESS_CODE + 8);

    /* Removal. */
    g_assert_cmpint(cpu_breakpoint_remove(cpu, HARNESS_CODE + 8), ==, 0);
    g_assert_cmpint(cpu_breakpoint_remove(cpu, HARNESS_CODE + 8), ==, -1);
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_BUDGET);
    g_assert_cmpuint(cpu->x[5], ==, 22);
    /* Debugger memory reads see the program's bytes: nothing patched. */
    g_assert_cmphex(*(uint32_t *)harness_ptr(h, HARNESS_CODE + 8), ==, ADD_X5);
    harness_free(h);
}

static void test_breakpoint_at_start_and_jump_target(void)
{
    struct harness *h = harness_new();
    struct cpu_state *cpu = h->cpu;

    HARNESS_CODE_AT(h, HARNESS_CODE, ADD_X5, 0x14000400 /* b . + 0x1000 */);
    HARNESS_CODE_AT(h, HARNESS_CODE + 0x1004, ADD_X5);
    cpu->pc = HARNESS_CODE;
    g_assert_cmpint(cpu_breakpoint_insert(cpu, HARNESS_CODE), ==, 0);
    g_assert_cmpint(cpu_breakpoint_insert(cpu, HARNESS_CODE + 0x1004), ==, 0);
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_BREAKPOINT);
    g_assert_cmphex(cpu->pc, ==, HARNESS_CODE);
    cpu->skip_breakpoint_once = true;
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_BREAKPOINT);
    g_assert_cmphex(cpu->pc, ==, HARNESS_CODE + 0x1004);
    g_assert_cmpuint(cpu->x[5], ==, 1);
    g_assert_cmpuint(cpu->icount, ==, 2);
    harness_free(h);
}

/* Run one instruction that accesses memory with a watchpoint set. */
struct watch_case {
    const char *name;
    uint32_t insn;
    uint64_t x1;                /* address register */
    uint64_t waddr, wlen;
    enum cpu_watch_kind kind;
    bool hits;
    uint64_t hit_addr;
    enum cpu_watch_kind access;  /* reported: the access's kind */
};

static void run_watch_case(const struct watch_case *c)
{
    struct harness *h = harness_new();
    struct cpu_state *cpu = h->cpu;
    uint8_t before[64];

    for (unsigned i = 0; i < 64; i++)
        harness_ptr(h, HARNESS_DATA + 0x200 + i)[0] = (uint8_t)(i + 1);
    memcpy(before, harness_ptr(h, HARNESS_DATA + 0x200), 64);
    {
        const uint32_t code[] = { c->insn, ADD_X5 };
        harness_code(h, HARNESS_CODE, code, 2);
    }
    cpu->x[0] = 0xa5a5a5a5a5a5a5a5ull;
    cpu->x[1] = c->x1;
    cpu->x[2] = 0x2222;
    cpu->x[3] = 0x3333;
    cpu->x[4] = 0x4444;
    /* Warm the TLB first so the watchpoint must take entries away. */
    {
        uint64_t v;
        g_assert_cmpint(cpu_load(cpu, HARNESS_DATA + 0x200, 8, &v), ==, 0);
        g_assert_cmpint(cpu_store(cpu, HARNESS_DATA + 0x200, 8, &v), ==, 0);
    }
    g_assert_cmpint(cpu_watchpoint_insert(cpu, c->waddr, c->wlen, c->kind),
                    ==, 0);
    if (!c->hits) {
        g_assert_cmpint(harness_run(h, 2), ==, CPU_EXIT_BUDGET);
        g_assert_cmpuint(cpu->x[5], ==, 1);
        harness_free(h);
        return;
    }
    g_assert_cmpint(harness_run(h, 2), ==, CPU_EXIT_WATCHPOINT);
    g_assert_cmphex(cpu->pc, ==, HARNESS_CODE);
    g_assert_cmphex(cpu->exit_info.fault_addr, ==, c->hit_addr);
    g_assert_cmpint(cpu->exit_info.watch_kind, ==, c->access);
    g_assert_cmpuint(cpu->icount, ==, 0);
    /* Nothing changed: memory and registers. */
    g_assert_cmpmem(harness_ptr(h, HARNESS_DATA + 0x200), 64, before, 64);
    g_assert_cmphex(cpu->x[0], ==, 0xa5a5a5a5a5a5a5a5ull);
    g_assert_cmphex(cpu->x[1], ==, c->x1);
    g_assert_cmphex(cpu->x[2], ==, 0x2222);
    g_assert_cmphex(cpu->x[4], ==, 0x4444);
    /* Stops again without the skip; completes with it. */
    g_assert_cmpint(harness_run(h, 2), ==, CPU_EXIT_WATCHPOINT);
    cpu->skip_watchpoint_once = true;
    g_assert_cmpint(harness_run(h, 2), ==, CPU_EXIT_BUDGET);
    g_assert_cmpuint(cpu->x[5], ==, 1);
    g_assert_false(cpu->skip_watchpoint_once);
    /* Removed: no more stops. */
    cpu->pc = HARNESS_CODE;
    cpu->x[1] = c->x1;
    g_assert_cmpint(cpu_watchpoint_remove(cpu, c->waddr, c->wlen, c->kind),
                    ==, 0);
    g_assert_cmpint(harness_run(h, 2), ==, CPU_EXIT_BUDGET);
    g_assert_cmpuint(cpu->x[5], ==, 2);
    harness_free(h);
}

#define D (HARNESS_DATA + 0x200)
static const struct watch_case watch_cases[] = {
    { "store-write", 0xf9000020, D, D + 4, 1, CPU_WATCH_WRITE, true, D + 4, CPU_WATCH_WRITE },
    { "store-read", 0xf9000020, D, D + 4, 1, CPU_WATCH_READ, false, 0, CPU_WATCH_WRITE },
    { "store-access", 0xf9000020, D, D, 8, CPU_WATCH_ACCESS, true, D, CPU_WATCH_WRITE },
    { "load-read", 0xf9400020, D + 8, D + 2, 16, CPU_WATCH_READ, true, D + 8, CPU_WATCH_READ },
    { "load-write", 0xf9400020, D + 8, D + 8, 8, CPU_WATCH_WRITE, false, 0, CPU_WATCH_READ },
    { "load-access", 0xf9400020, D + 8, D + 15, 1, CPU_WATCH_ACCESS, true, D + 15, CPU_WATCH_READ },
    { "load-adjacent", 0xf9400020, D + 8, D + 16, 8, CPU_WATCH_ACCESS, false, 0, CPU_WATCH_READ },
    { "load-before", 0xf9400020, D + 8, D, 8, CPU_WATCH_ACCESS, false, 0, CPU_WATCH_READ },
    /* Unaligned accesses and odd lengths. */
    { "ldurh-unaligned", 0x78403024, D, D + 4, 3, CPU_WATCH_READ, true, D + 4, CPU_WATCH_READ },
    { "stur-unaligned", 0xb8005024, D, D + 8, 1, CPU_WATCH_WRITE, true, D + 8, CPU_WATCH_WRITE },
    { "stur-miss", 0xb8005024, D, D + 9, 7, CPU_WATCH_WRITE, false, 0, CPU_WATCH_WRITE },
    /* Pairs: the second register's half. */
    { "ldp-second", 0xa9400c22, D, D + 12, 2, CPU_WATCH_READ, true, D + 12, CPU_WATCH_READ },
    { "stp-second", 0xa9000c22, D, D + 8, 8, CPU_WATCH_WRITE, true, D + 8, CPU_WATCH_WRITE },
    /* A large range covering the access. */
    { "big-range", 0xf9000020, D + 32, HARNESS_DATA, 0x4000, CPU_WATCH_WRITE,
      true, D + 32, CPU_WATCH_WRITE },
    /* SIMD&FP register loads. */
    { "ldr-q", 0x3dc00020, D + 16, D + 31, 1, CPU_WATCH_READ, true, D + 31, CPU_WATCH_READ },
};

static void test_watch_case(gconstpointer data)
{
    run_watch_case(data);
}

static void test_watch_atomic(void)
{
    struct harness *h = harness_new();
    struct cpu_state *cpu = h->cpu;

    HARNESS_CODE_AT(h, HARNESS_CODE, 0xf8200041 /* ldadd x0, x1, [x2] */);
    cpu->x[0] = 5;
    cpu->x[2] = D;
    harness_write64(h, D, 10);
    g_assert_cmpint(cpu_watchpoint_insert(cpu, D + 7, 1, CPU_WATCH_READ), ==, 0);
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_WATCHPOINT);
    g_assert_cmphex(cpu->exit_info.fault_addr, ==, D + 7);
    g_assert_cmpint(cpu->exit_info.watch_kind, ==, CPU_WATCH_ACCESS);
    g_assert_cmphex(harness_read64(h, D), ==, 10);
    g_assert_cmphex(cpu->x[1], ==, 0);
    cpu->skip_watchpoint_once = true;
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(harness_read64(h, D), ==, 15);
    g_assert_cmphex(cpu->x[1], ==, 10);
    harness_free(h);
}

static void test_watch_bad_args(void)
{
    struct harness *h = harness_new();

    g_assert_cmpint(cpu_watchpoint_insert(h->cpu, D, 0, CPU_WATCH_WRITE), ==, -1);
    g_assert_cmpint(cpu_watchpoint_insert(h->cpu, D, 4, 0), ==, -1);
    g_assert_cmpint(cpu_watchpoint_insert(h->cpu, ~0ull - 2, 8, CPU_WATCH_WRITE),
                    ==, -1);
    g_assert_cmpint(cpu_watchpoint_remove(h->cpu, D, 4, CPU_WATCH_WRITE), ==, -1);
    harness_free(h);
}

/* A watched page keeps its TLB read entry when only writes are watched,
 * and a store to another, unwatched address of the page still works. */
static void test_watch_same_page_other_address(void)
{
    struct harness *h = harness_new();
    struct cpu_state *cpu = h->cpu;

    HARNESS_CODE_AT(h, HARNESS_CODE, 0xf9000020 /* str x0, [x1] */,
                    0xf9400020 /* ldr x0, [x1] */);
    cpu->x[0] = 0x77;
    cpu->x[1] = D + 0x100;
    g_assert_cmpint(cpu_watchpoint_insert(cpu, D, 8, CPU_WATCH_WRITE), ==, 0);
    g_assert_cmpint(harness_run(h, 2), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(harness_read64(h, D + 0x100), ==, 0x77);
    harness_free(h);
}

/* One store over two watched ranges (bitfields side by side): the
 * stop names the range whose bytes change, so that gdb, which matches
 * the address to a watchpoint and then looks for a change, sees it; a
 * store that changes neither names the first. */
static void test_watch_two_ranges(void)
{
    struct harness *h = harness_new();
    struct cpu_state *cpu = h->cpu;

    HARNESS_CODE_AT(h, HARNESS_CODE, 0xb9000020 /* str w0, [x1] */,
                    0xb9000020 /* str w0, [x1] */);
    harness_write64(h, D, 0x00000001);          /* byte D: 1, D+1..2: 0 */
    cpu->x[0] = 0x00000501;                     /* D stays 1, D+1 -> 5 */
    cpu->x[1] = D;
    g_assert_cmpint(cpu_watchpoint_insert(cpu, D, 1, CPU_WATCH_WRITE), ==, 0);
    g_assert_cmpint(cpu_watchpoint_insert(cpu, D + 1, 2, CPU_WATCH_WRITE),
                    ==, 0);
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_WATCHPOINT);
    g_assert_cmphex(cpu->exit_info.fault_addr, ==, D + 1);
    cpu->skip_watchpoint_once = true;
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(harness_read64(h, D), ==, 0x501);
    /* The same value again: nothing changes, the first range is named. */
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_WATCHPOINT);
    g_assert_cmphex(cpu->exit_info.fault_addr, ==, D);
    harness_free(h);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/cpu-core/debug/breakpoint", test_breakpoint);
    g_test_add_func("/cpu-core/debug/breakpoint-start-and-target",
                    test_breakpoint_at_start_and_jump_target);
    for (size_t i = 0; i < G_N_ELEMENTS(watch_cases); i++) {
        char *path = g_strdup_printf("/cpu-core/debug/watch/%s",
                                     watch_cases[i].name);
        g_test_add_data_func(path, &watch_cases[i], test_watch_case);
        g_free(path);
    }
    g_test_add_func("/cpu-core/debug/watch-atomic", test_watch_atomic);
    g_test_add_func("/cpu-core/debug/watch-bad-args", test_watch_bad_args);
    g_test_add_func("/cpu-core/debug/watch-two-ranges", test_watch_two_ranges);
    g_test_add_func("/cpu-core/debug/watch-same-page",
                    test_watch_same_page_other_address);
    return g_test_run();
}
