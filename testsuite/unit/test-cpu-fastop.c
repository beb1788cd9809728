/* The run loop's fast operations (cpu/fastop.h): the cases where an
 * inline operation could differ from the decode table's handler, checked
 * through cpu_run on the flat-memory harness. Values are worked out by
 * hand from the architecture; qemu-derived vectors and the differential
 * tester cover the instructions at large. */
#include <glib.h>
#include <string.h>

#include "cpu/a64.h"
#include "cpu/cpu-internal.h"
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

/* cpu_tlb_flush (a snapshot, an mmap) retires the decoded pages; a page
 * revived when its address runs again keeps only the slots whose bytes
 * are unchanged, sees breakpoints set or removed while it was retired,
 * and faults if its page lost PROT_EXEC. */
static void test_retired_pages(void)
{
    struct harness *h = harness_new();
    struct cpu_state *cpu = h->cpu;
    const uint32_t add2 = 0x91000800;   /* add x0, x0, #2 */

    HARNESS_CODE_AT(h, HARNESS_CODE,
                    0x91000400,   /* add x0, x0, #1 */
                    0x91000400);  /* add x0, x0, #1 */
    g_assert_cmpint(harness_run(h, 2), ==, CPU_EXIT_BUDGET);
    g_assert_cmpuint(cpu->x[0], ==, 2);

    cpu_tlb_flush(cpu);
    cpu->pc = HARNESS_CODE;
    g_assert_cmpint(harness_run(h, 2), ==, CPU_EXIT_BUDGET);
    g_assert_cmpuint(cpu->x[0], ==, 4);

    /* New bytes behind the CPU's back (as a new mapping would bring). */
    memcpy(harness_ptr(h, HARNESS_CODE + 4), &add2, 4);
    cpu_tlb_flush(cpu);
    cpu->pc = HARNESS_CODE;
    g_assert_cmpint(harness_run(h, 2), ==, CPU_EXIT_BUDGET);
    g_assert_cmpuint(cpu->x[0], ==, 7);

    /* A breakpoint set while the page is retired. */
    cpu_tlb_flush(cpu);
    g_assert_cmpint(cpu_breakpoint_insert(cpu, HARNESS_CODE + 4), ==, 0);
    cpu->pc = HARNESS_CODE;
    g_assert_cmpint(harness_run(h, 2), ==, CPU_EXIT_BREAKPOINT);
    g_assert_cmphex(cpu->pc, ==, HARNESS_CODE + 4);
    g_assert_cmpuint(cpu->x[0], ==, 8);
    cpu_tlb_flush(cpu);
    g_assert_cmpint(cpu_breakpoint_remove(cpu, HARNESS_CODE + 4), ==, 0);
    cpu->pc = HARNESS_CODE;
    g_assert_cmpint(harness_run(h, 2), ==, CPU_EXIT_BUDGET);
    g_assert_cmpuint(cpu->x[0], ==, 11);

    /* Two flushes in a row: the page is reused, decoded afresh. */
    cpu_tlb_flush(cpu);
    cpu_tlb_flush(cpu);
    cpu->pc = HARNESS_CODE;
    g_assert_cmpint(harness_run(h, 2), ==, CPU_EXIT_BUDGET);
    g_assert_cmpuint(cpu->x[0], ==, 14);

    /* The page is no longer executable. */
    h->prot[(HARNESS_CODE - HARNESS_BASE) / 4096] &= ~(unsigned)CPU_PROT_EXEC;
    cpu_tlb_flush(cpu);
    cpu->pc = HARNESS_CODE;
    g_assert_cmpint(harness_run(h, 2), ==, CPU_EXIT_INSN_ABORT);
    g_assert_cmpuint(cpu->x[0], ==, 14);
    g_assert_cmpuint(cpu->icount, ==, 11);
    harness_free(h);
}

/* A compare fused with the B.cond after it (run.c, FOP_*_BC) against the
 * same pair run one instruction at a time, on operands at the edges of
 * every condition; every budget that ends between the two. */
static void test_fused_compare_branch(void)
{
    static const uint32_t compares[] = {
        0xeb05009f,   /* cmp x4, x5 */
        0x6b05009f,   /* cmp w4, w5 */
        0xeb050c83,   /* subs x3, x4, x5, lsl #3 */
        0xf100049f,   /* cmp x4, #1 */
        0x7140049f,   /* cmp w4, #1, lsl #12 */
        0x71000483,   /* subs w3, w4, #1 */
        0xf10007ff,   /* cmp sp, #1 */
    };
    static const uint64_t values[] = {
        0, 1, 2, 0x7fffffff, 0x80000000, 0xffffffff, 0x100000000ull,
        0x7fffffffffffffffull, 0x8000000000000000ull, UINT64_MAX, 0x1000,
    };
    struct harness *a = harness_new(), *b = harness_new();
    GRand *rng = g_rand_new_with_seed(7);

    for (unsigned c = 0; c < G_N_ELEMENTS(compares); c++)
        for (unsigned cond = 0; cond < 16; cond++)
            for (int trial = 0; trial < 40; trial++) {
                /* cmp; b.cond +3; add x6, x6, #1; b .+8 (skipped); ...;
                 * target: add x7, x7, #1. Forward or backward target. */
                bool back = trial & 1;
                uint32_t code[8] = {
                    compares[c], 0x54000060 | cond,
                    0x910004c6, 0x91000400, 0x91000400,
                    0x910004e7, 0x91000400, 0x91000400,
                };
                uint64_t x4 = values[g_rand_int_range(rng, 0, G_N_ELEMENTS(values))];
                uint64_t x5 = g_rand_boolean(rng)
                    ? values[g_rand_int_range(rng, 0, G_N_ELEMENTS(values))]
                    : x4 + (uint64_t)g_rand_int_range(rng, -2, 3);
                uint64_t budget = (uint64_t)g_rand_int_range(rng, 1, 5);
                uint64_t base = HARNESS_CODE + 0x100;

                if (back) {     /* the target before the pair: b.cond -1 */
                    code[1] = 0x54ffffe0 | cond;
                    base += 4;
                }
                harness_code(a, HARNESS_CODE + 0x100, code, 8);
                harness_code(b, HARNESS_CODE + 0x100, code, 8);
                if (back)
                    a->cpu->pc = b->cpu->pc = base;
                for (struct harness **h = (struct harness *[]){ a, b, NULL };
                     *h; h++) {
                    (*h)->cpu->x[4] = x4;
                    (*h)->cpu->x[5] = x5;
                    (*h)->cpu->x[3] = (*h)->cpu->x[6] = (*h)->cpu->x[7] = 0;
                    (*h)->cpu->sp = x4 & ~15ull;
                    (*h)->cpu->nzcv = 0;
                    (*h)->cpu->icount = 0;
                }
                /* Warm the fused slot, then run it for real. */
                g_assert_cmpint(harness_run(a, budget), ==, CPU_EXIT_BUDGET);
                for (uint64_t i = 0; i < budget; i++)
                    g_assert_cmpint(cpu_run(b->cpu, 1), ==, CPU_EXIT_BUDGET);
                g_assert_cmphex(a->cpu->pc, ==, b->cpu->pc);
                g_assert_cmpuint(a->cpu->icount, ==, b->cpu->icount);
                g_assert_cmphex(a->cpu->nzcv, ==, b->cpu->nzcv);
                g_assert_cmphex(a->cpu->x[3], ==, b->cpu->x[3]);
                g_assert_cmpuint(a->cpu->x[6], ==, b->cpu->x[6]);
                g_assert_cmpuint(a->cpu->x[7], ==, b->cpu->x[7]);
            }
    g_rand_free(rng);
    harness_free(a);
    harness_free(b);
}

/* A breakpoint on the B.cond of a fused pair stops there, and the pair
 * fuses again once it is removed; rewriting the B.cond is seen. */
static void test_fused_compare_breakpoint(void)
{
    struct harness *h = harness_new();
    struct cpu_state *cpu = h->cpu;

    HARNESS_CODE_AT(h, HARNESS_CODE,
                    0xf1000421,   /* 0: subs x1, x1, #1 */
                    0x54ffffe1,   /* 4: b.ne 0 */
                    0x91000442);  /* 8: add x2, x2, #1 */
    cpu->x[1] = 10;
    g_assert_cmpint(harness_run(h, 4), ==, CPU_EXIT_BUDGET);   /* fused */
    g_assert_cmpuint(cpu->x[1], ==, 8);
    g_assert_cmpint(cpu_breakpoint_insert(cpu, HARNESS_CODE + 4), ==, 0);
    g_assert_cmpint(harness_run(h, 100), ==, CPU_EXIT_BREAKPOINT);
    g_assert_cmphex(cpu->pc, ==, HARNESS_CODE + 4);
    g_assert_cmpuint(cpu->x[1], ==, 7);
    g_assert_cmpuint(cpu->icount, ==, 5);
    g_assert_cmpint(cpu_breakpoint_remove(cpu, HARNESS_CODE + 4), ==, 0);
    g_assert_cmpint(harness_run(h, 2), ==, CPU_EXIT_BUDGET);
    g_assert_cmpuint(cpu->x[1], ==, 6);
    g_assert_cmphex(cpu->pc, ==, HARNESS_CODE + 4);
    /* b.ne becomes b.eq (0x54ffffe0): written by the guest's own store. */
    HARNESS_CODE_AT(h, HARNESS_CODE + 0x40,
                    0xb9000020,   /* str w0, [x1] */
                    0xf1000463);  /* subs x3, x3, #1 */
    cpu->x[0] = 0x54ffffe0;
    cpu->x[1] = HARNESS_CODE + 4;
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_BUDGET);
    cpu->pc = HARNESS_CODE;
    cpu->x[1] = 5;
    g_assert_cmpint(harness_run(h, 3), ==, CPU_EXIT_BUDGET);
    g_assert_cmpuint(cpu->x[1], ==, 4);     /* 4 != 0: b.eq not taken */
    g_assert_cmphex(cpu->pc, ==, HARNESS_CODE + 12);
    g_assert_cmpuint(cpu->x[2], ==, 1);
    harness_free(h);
}

/* LDP X fused with the RET or BR after it (run.c, FOP_LDP_X_BR) against
 * single steps: the epilogue's pair, a BR through either loaded register
 * or the written-back base, every budget, a first run that misses the TLB
 * (the LDP's handler, then the BR from its own slot). */
static void test_fused_ldp_branch(void)
{
    static const uint32_t pairs[][2] = {
        { 0xa8c17bfd, 0xd65f03c0 },   /* ldp x29, x30, [sp], #16; ret */
        { 0xa9417bfd, 0xd61f03a0 },   /* ldp x29, x30, [sp, #16]; br x29 */
        { 0xa9c10fe2, 0xd61f0060 },   /* ldp x2, x3, [sp, #16]!; br x3 */
        { 0xa8c10c22, 0xd61f0040 },   /* ldp x2, x3, [x1], #16; br x2 */
        { 0xa8c10c22, 0xd61f0020 },   /* ldp x2, x3, [x1], #16; br x1 */
    };
    for (unsigned c = 0; c < G_N_ELEMENTS(pairs); c++)
        for (uint64_t budget = 1; budget <= 3; budget++)
            for (int warm = 0; warm < 2; warm++) {
                struct harness *a = harness_new(), *b = harness_new();
                for (struct harness **h = (struct harness *[]){ a, b, NULL };
                     *h; h++) {
                    struct cpu_state *cpu = (*h)->cpu;
                    harness_code(*h, HARNESS_CODE + 0x800, pairs[c], 2);
                    cpu->sp = HARNESS_DATA + 0x100;
                    cpu->x[1] = HARNESS_CODE + 0x80;
                    harness_write64(*h, HARNESS_DATA + 0x100, HARNESS_CODE + 0x10);
                    harness_write64(*h, HARNESS_DATA + 0x108, HARNESS_CODE + 0x20);
                    harness_write64(*h, HARNESS_DATA + 0x110, HARNESS_CODE + 0x30);
                    harness_write64(*h, HARNESS_DATA + 0x118, HARNESS_CODE + 0x40);
                    for (unsigned i = 0; i < 32; i++)
                        harness_write64(*h, HARNESS_CODE + 8 * i,
                                        0x9100040091000400ull); /* add x0 */
                    /* The base of the last cases, in the code page: the
                     * branch to it lands past these two words. */
                    harness_write64(*h, HARNESS_CODE + 0x80, HARNESS_CODE + 0x50);
                    harness_write64(*h, HARNESS_CODE + 0x88, HARNESS_CODE + 0x60);
                    cpu_code_invalidate(cpu, HARNESS_CODE, 0x100);
                }
                if (warm) {     /* decode and fill the TLB, then rerun */
                    g_assert_cmpint(harness_run(a, 1), ==, CPU_EXIT_BUDGET);
                    a->cpu->pc = HARNESS_CODE + 0x800;
                    a->cpu->sp = HARNESS_DATA + 0x100;
                    a->cpu->x[1] = HARNESS_CODE + 0x80;
                    a->cpu->icount = 0;
                }
                g_assert_cmpint(harness_run(a, budget), ==, CPU_EXIT_BUDGET);
                for (uint64_t i = 0; i < budget; i++)
                    g_assert_cmpint(cpu_run(b->cpu, 1), ==, CPU_EXIT_BUDGET);
                g_assert_cmphex(a->cpu->pc, ==, b->cpu->pc);
                g_assert_cmpuint(a->cpu->icount, ==, b->cpu->icount);
                for (unsigned r = 0; r < 31; r++)
                    g_assert_cmphex(a->cpu->x[r], ==, b->cpu->x[r]);
                g_assert_cmphex(a->cpu->sp, ==, b->cpu->sp);
                harness_free(a);
                harness_free(b);
            }
}

/* --- forwarding pairs and lazy flags (run.c, fastop-fwd.c) ------------ */

/* The reference: n instructions one at a time through their decode-table
 * handlers, bypassing the run loop and its decoded slots. */
static void run_by_handlers(struct harness *h, uint64_t n)
{
    struct cpu_state *cpu = h->cpu;

    for (uint64_t i = 0; i < n; i++) {
        uint32_t insn;
        int r;
        memcpy(&insn, harness_ptr(h, cpu->pc), 4);
        cpu->x[31] = 0;
        r = a64_decode(insn)(cpu, insn);
        g_assert_cmpint(r, !=, A64_EXIT);
        if (r == A64_NEXT)
            cpu->pc += 4;
        cpu->icount++;
    }
}

/* Registers, flags, pc, count and the data pages of a and b agree. */
static void assert_same_state(struct harness *a, struct harness *b)
{
    for (unsigned i = 0; i < 31; i++)
        if (a->cpu->x[i] != b->cpu->x[i])
            g_error("x%u: 0x%" G_GINT64_MODIFIER "x, reference 0x%"
                    G_GINT64_MODIFIER "x", i, a->cpu->x[i], b->cpu->x[i]);
    g_assert_cmphex(a->cpu->sp, ==, b->cpu->sp);
    g_assert_cmphex(a->cpu->pc, ==, b->cpu->pc);
    g_assert_cmphex(a->cpu->nzcv, ==, b->cpu->nzcv);
    g_assert_cmpuint(a->cpu->icount, ==, b->cpu->icount);
    g_assert_true(memcmp(harness_ptr(a, HARNESS_DATA),
                         harness_ptr(b, HARNESS_DATA), 0x2000) == 0);
}

static uint32_t crc32_reference(const uint8_t *p, size_t n, uint32_t crc)
{
    crc = ~crc;
    while (n--) {
        crc ^= *p++;
        for (int k = 0; k < 8; k++)
            crc = (crc >> 1) ^ (0xEDB88320u & -(crc & 1));
    }
    return ~crc;
}

/* The hot loops of testsuite/bench/wl-int (GCC's code, as built): chains
 * of dependent instructions where every producer forwards to the next
 * consumer (ALU to ALU, load to ALU, ALU to a register-offset load's
 * index) and the loop counters' compares leave lazy flags for a B.cond
 * two or three slots later. Run whole, in slices of every small size
 * (budgets ending between a producer and its consumer) and one at a time,
 * against the handlers. */
static void test_forwarding_crc_loops(void)
{
    static const uint32_t code[] = {
        0x384014c0,   /* 00: ldrb w0, [x6], #1 */
        0x52800103,   /* 04: mov w3, #8 */
        0x4a000021,   /* 08: eor w1, w1, w0 */
        0x93400020,   /* 0c: sbfx x0, x1, #0, #1 */
        0x71000463,   /* 10: subs w3, w3, #1 */
        0x0a040000,   /* 14: and w0, w0, w4 */
        0x4a410401,   /* 18: eor w1, w0, w1, lsr #1 */
        0x54ffff81,   /* 1c: b.ne 0c */
        0xeb0500df,   /* 20: cmp x6, x5 */
        0x54fffee1,   /* 24: b.ne 00 */
        0x2a2103e1,   /* 28: mvn w1, w1 (the bitwise CRC) */
        0x2a0103ea,   /* 2c: mov w10, w1 */
        0x91000123,   /* 30: add x3, x9, #0 */
        0x38401460,   /* 34: ldrb w0, [x3], #1 */
        0x4a010000,   /* 38: eor w0, w0, w1 */
        0x92401c00,   /* 3c: and x0, x0, #0xff */
        0xb86078e0,   /* 40: ldr w0, [x7, x0, lsl #2] */
        0x4a412001,   /* 44: eor w1, w0, w1, lsr #8 */
        0xeb05007f,   /* 48: cmp x3, x5 */
        0x54ffff41,   /* 4c: b.ne 34 */
        0xaa0d03e0,   /* 50: mov x0, x13 */
        0x91000123,   /* 54: add x3, x9, #0 */
        0x38401466,   /* 58: ldrb w6, [x3], #1 */
        0xca0000c0,   /* 5c: eor x0, x6, x0 */
        0x9b087c00,   /* 60: mul x0, x0, x8 */
        0xeb05007f,   /* 64: cmp x3, x5 */
        0x54ffff81,   /* 68: b.ne 58 */
        0x14000000,   /* 6c: b . */
    };
    const uint64_t buf = HARNESS_DATA, table = HARNESS_DATA + 0x1000;
    const unsigned len = 48;
    struct harness *h[3];
    GRand *rng = g_rand_new_with_seed(41);
    uint8_t bytes[48];
    uint32_t words[256], x1 = g_rand_int(rng);
    uint64_t total = 0;

    for (unsigned i = 0; i < len; i++)
        bytes[i] = (uint8_t)g_rand_int(rng);
    for (unsigned i = 0; i < 256; i++)
        words[i] = g_rand_int(rng);
    for (unsigned k = 0; k < 3; k++) {
        struct cpu_state *cpu;
        h[k] = harness_new();
        cpu = h[k]->cpu;
        harness_code(h[k], HARNESS_CODE, code, G_N_ELEMENTS(code));
        memcpy(harness_ptr(h[k], buf), bytes, len);
        memcpy(harness_ptr(h[k], table), words, sizeof(words));
        cpu->x[1] = x1;
        cpu->x[4] = 0xedb88320u;
        cpu->x[5] = buf + len;
        cpu->x[6] = cpu->x[9] = buf;
        cpu->x[7] = table;
        cpu->x[8] = 0x100000001b3ull;
        cpu->x[13] = 0xcbf29ce484222325ull;
    }
    /* Until the final "b .": 45 per byte, then 7 and 5 per byte. */
    total = len * 45 + 3 + len * 7 + 2 + len * 5;
    /* h[0]: one run; h[1]: slices of 1..7; h[2]: the handlers. */
    g_assert_cmpint(harness_run(h[0], total), ==, CPU_EXIT_BUDGET);
    for (uint64_t done = 0, slice = 1; done < total;
         done += slice, slice = slice % 7 + 1) {
        if (slice > total - done)
            slice = total - done;
        g_assert_cmpint(harness_run(h[1], slice), ==, CPU_EXIT_BUDGET);
    }
    run_by_handlers(h[2], total);
    g_assert_cmphex(h[2]->cpu->pc, ==, HARNESS_CODE + 0x6c);
    g_assert_cmphex(h[2]->cpu->x[10], ==,
                    crc32_reference(bytes, len, ~x1));
    assert_same_state(h[0], h[2]);
    assert_same_state(h[1], h[2]);
    for (unsigned k = 0; k < 3; k++)
        harness_free(h[k]);
    g_rand_free(rng);
}

/* Each producer with each kind of consumer, including the cases that must
 * not forward (a writeback load into its own base, a consumer reading
 * the register as Rm only), on random registers against the handlers. */
static void test_forwarding_pairs(void)
{
    static const uint32_t producers[] = {
        0x8a020020,   /* and x0, x1, x2 */
        0x0a020020,   /* and w0, w1, w2 */
        0xaa420820,   /* orr x0, x1, x2, lsr #2 */
        0x4a020c20,   /* eor w0, w1, w2, lsl #3 */
        0x8b021020,   /* add x0, x1, x2, lsl #4 */
        0x4b020020,   /* sub w0, w1, w2 */
        0x91001020,   /* add x0, x1, #4 */
        0x51001020,   /* sub w0, w1, #4 */
        0xd3441c20,   /* ubfx x0, x1, #4, #4 */
        0x13001c20,   /* sxtb w0, w1 */
        0x9b020c20,   /* madd x0, x1, x2, x3 */
        0x1b027c20,   /* mul w0, w1, w2 */
        0x92401c20,   /* and x0, x1, #0xff */
        0x321c0020,   /* orr w0, w1, #0x10 */
        0xd2400020,   /* eor x0, x1, #1 */
        0xf9400520,   /* ldr x0, [x9, #8] */
        0xb9400520,   /* ldr w0, [x9, #4] */
        0x39400520,   /* ldrb w0, [x9, #1] */
        0xf8627920,   /* ldr x0, [x9, x2, lsl #3] */
        0xb8627920,   /* ldr w0, [x9, x2, lsl #2] */
        0x38626920,   /* ldrb w0, [x9, x2] */
        0xf8408520,   /* ldr x0, [x9], #8 */
        0xb8404d20,   /* ldr w0, [x9, #4]! */
        0x38401520,   /* ldrb w0, [x9], #1 */
        0xf8408529,   /* ldr x9, [x9], #8 (rd is the base) */
        0xaa0103e0,   /* mov x0, x1 */
        0x2a0103e0,   /* mov w0, w1 */
        0x10000040,   /* adr x0, .+8 */
        0xb0000000,   /* adrp x0, .+0x1000 (page) */
        0xd2800400,   /* mov x0, #0x20 */
    };
    static const uint32_t consumers[] = {
        0x8a040005,   /* and x5, x0, x4 */
        0x4a440805,   /* eor w5, w0, w4, lsr #2 */
        0x8b000085,   /* add x5, x4, x0 (Rm only) */
        0x91000405,   /* add x5, x0, #1 */
        0x93407c05,   /* sxtw x5, w0 */
        0x9b041005,   /* madd x5, x0, x4, x4 */
        0x92400c05,   /* and x5, x0, #0xf */
        0x8a000005,   /* and x5, x0, x0 */
        0xf9400125,   /* ldr x5, [x9] (not from x0) */
        0xb8607925,   /* ldr w5, [x9, x0, lsl #2] */
        0x38606925,   /* ldrb w5, [x9, x0] */
        0x91000525,   /* add x5, x9, #1 (after the x9 load) */
        0xaa0003e5,   /* mov x5, x0 */
        0x2a0003e5,   /* mov w5, w0 */
        0xaa0403e5,   /* mov x5, x4 (not from x0) */
    };
    struct harness *a = harness_new(), *b = harness_new();
    GRand *rng = g_rand_new_with_seed(43);

    for (unsigned p = 0; p < G_N_ELEMENTS(producers); p++)
        for (unsigned c = 0; c < G_N_ELEMENTS(consumers); c++)
            for (int trial = 0; trial < 6; trial++) {
                uint32_t code[3] = { producers[p], consumers[c],
                                     0x91000529 /* add x9, x9, #1 */ };
                uint64_t budget = trial < 3 ? 3 : (uint64_t)trial - 2;
                /* A consumer that is a load takes its address from the
                 * producer: small values then, in registers and memory. */
                bool small = (c >= 8 && c <= 10) || (trial & 1);

                /* The load into x9 leaves no base for the loads; a code
                 * address is no index for them. */
                if ((producers[p] == 0xf8408529 ||
                     producers[p] == 0x10000040 ||
                     producers[p] == 0xb0000000) && c >= 8 && c <= 10)
                    continue;
                uint64_t data[0x2000 / 8];
                uint64_t regs[10];

                for (unsigned i = 0; i < G_N_ELEMENTS(data); i++)
                    data[i] = small ? g_rand_int(rng) & 0x3f
                                    : ((uint64_t)g_rand_int(rng) << 32) |
                                          g_rand_int(rng);
                for (unsigned i = 0; i < 10; i++)
                    regs[i] = small ? 0x40 + (g_rand_int(rng) & 0x3f)
                                    : ((uint64_t)g_rand_int(rng) << 32) |
                                          g_rand_int(rng);
                /* Small indexes and a base well inside the data. */
                regs[0] &= 0x3f;
                regs[2] &= 0x3f;
                regs[9] = HARNESS_DATA + 0x800 + (regs[9] & 0x3f8);
                for (struct harness **h = (struct harness *[]){ a, b, NULL };
                     *h; h++) {
                    harness_code(*h, HARNESS_CODE, code, 3);
                    memcpy(harness_ptr(*h, HARNESS_DATA), data, sizeof(data));
                    memcpy((*h)->cpu->x, regs, sizeof(regs));
                    (*h)->cpu->icount = 0;
                }
                /* Twice: the second run finds the pair decoded. */
                for (int pass = 0; pass < 2; pass++) {
                    a->cpu->pc = b->cpu->pc = HARNESS_CODE;
                    a->cpu->x[9] = b->cpu->x[9] = regs[9];
                    enum cpu_exit e = harness_run(a, budget);
                    if (e != CPU_EXIT_BUDGET)
                        g_error("%08x; %08x: exit %d", producers[p],
                                consumers[c], e);
                    run_by_handlers(b, budget);
                    assert_same_state(a, b);
                }
            }
    g_rand_free(rng);
    harness_free(a);
    harness_free(b);
}

/* A producer keeps forwarding only to what its next slot holds now: a
 * breakpoint there, a consumer rewritten by a guest store into one that
 * reads another register, and new bytes found when a retired page is
 * revived. */
static void test_forwarding_next_slot_changes(void)
{
    struct harness *h = harness_new();
    struct cpu_state *cpu = h->cpu;
    const uint32_t add_x2_x4_7 = 0x91001c82;   /* add x2, x4, #7 */

    HARNESS_CODE_AT(h, HARNESS_CODE,
                    0x91000420,   /* 0: add x0, x1, #1 */
                    0x91000402,   /* 4: add x2, x0, #1 */
                    0xb9000149,   /* 8: str w9, [x10] */
                    0x17fffffd);  /* c: b 0 */
    cpu->x[1] = 100;
    cpu->x[4] = 1000;
    cpu->x[9] = add_x2_x4_7;
    cpu->x[10] = HARNESS_CODE + 4;
    g_assert_cmpint(cpu_breakpoint_insert(cpu, HARNESS_CODE + 4), ==, 0);
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_BREAKPOINT);
    g_assert_cmphex(cpu->pc, ==, HARNESS_CODE + 4);
    g_assert_cmpuint(cpu->x[0], ==, 101);
    g_assert_cmpint(cpu_breakpoint_remove(cpu, HARNESS_CODE + 4), ==, 0);
    /* add x2 (old), str (rewrites it), b, add x0, add x2, x4, #7 */
    g_assert_cmpint(harness_run(h, 5), ==, CPU_EXIT_BUDGET);
    g_assert_cmpuint(cpu->x[2], ==, 1007);
    g_assert_cmpuint(cpu->icount, ==, 6);

    /* Back to a consumer of x0, decoded; then new bytes behind the CPU's
     * back and a flush: the revived page must not forward x0. */
    cpu->x[9] = 0x91000402;   /* add x2, x0, #1 */
    g_assert_cmpint(harness_run(h, 4), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(cpu->pc, ==, HARNESS_CODE + 8);
    g_assert_cmpuint(cpu->x[2], ==, 102);
    memcpy(harness_ptr(h, HARNESS_CODE + 4), &add_x2_x4_7, 4);
    cpu_tlb_flush(cpu);
    cpu->pc = HARNESS_CODE;
    cpu->x[9] = add_x2_x4_7;
    g_assert_cmpint(harness_run(h, 2), ==, CPU_EXIT_BUDGET);
    g_assert_cmpuint(cpu->x[2], ==, 1007);
    harness_free(h);
}

/* A compare's flags left lazy: every condition read by a B.cond two
 * slots later, by CSET, CCMP and ADC (the carry), by a handler (MRS
 * NZCV), and as cpu->nzcv when the budget ends right after the compare;
 * W and X compares, immediate and register, on operands at the edges of
 * every condition, against the handlers. */
static void test_lazy_flags(void)
{
    static const uint32_t compares[] = {
        0xeb05009f,   /* cmp x4, x5 */
        0x6b05009f,   /* cmp w4, w5 */
        0xeb050c83,   /* subs x3, x4, x5, lsl #3 */
        0x6b054883,   /* subs w3, w4, w5, lsl #18 */
        0xf100049f,   /* cmp x4, #1 */
        0x7140049f,   /* cmp w4, #1, lsl #12 */
        0x71000483,   /* subs w3, w4, #1 */
        0xf10007ff,   /* cmp sp, #1 */
    };
    static const uint64_t values[] = {
        0, 1, 2, 0x7fffffff, 0x80000000, 0xffffffff, 0x100000000ull,
        0x7fffffffffffffffull, 0x8000000000000000ull, UINT64_MAX, 0x1000,
        0x80000001, 0xfffffffe, 0xffffffff00000000ull,
    };
    struct harness *a = harness_new(), *b = harness_new();
    GRand *rng = g_rand_new_with_seed(47);

    for (unsigned c = 0; c < G_N_ELEMENTS(compares); c++)
        for (unsigned cond = 0; cond < 16; cond++)
            for (int trial = 0; trial < 24; trial++) {
                /* cmp; add x20, x20, #1; b.cond +2; add x6, x6, #1;
                 * mrs x11, nzcv; cset x12, cond; nop; nop, or
                 * cmp; adc x13, x14, x15; ccmp x4, x5, #5, cond;
                 * mrs x11, nzcv; nops */
                uint32_t first[8] = {
                    compares[c], 0x91000694, 0x54000040 | cond,
                    0x910004c6, 0xd53b420b, 0x9a9f07ec | (cond ^ 1) << 12,
                    0xd503201f, 0xd503201f,
                };
                uint32_t second[8] = {
                    compares[c], 0x9a0f01cd, 0xfa450085 | cond << 12,
                    0xd53b420b, 0xd503201f, 0xd503201f, 0xd503201f,
                    0xd503201f,
                };
                /* cmp; ccmp w4, w5, #5, cond; csinv x12, x4, x5, cond;
                 * csel w13, w4, w5, cond^1; ccmp x4, #3, #2, cond;
                 * b.cond +2; add x6, x6, #1; mrs x11, nzcv */
                uint32_t third[8] = {
                    compares[c], 0x7a450085 | cond << 12,
                    0xda85008c | cond << 12, 0x1a85008d | (cond ^ 1) << 12,
                    0xfa430882 | cond << 12, 0x54000040 | cond,
                    0x910004c6, 0xd53b420b,
                };
                const uint32_t *code = trial % 3 == 0 ? first
                                       : trial % 3 == 1 ? second : third;
                uint64_t x4 = values[g_rand_int_range(
                    rng, 0, G_N_ELEMENTS(values))];
                uint64_t x5 = g_rand_boolean(rng)
                    ? values[g_rand_int_range(rng, 0, G_N_ELEMENTS(values))]
                    : x4 + (uint64_t)g_rand_int_range(rng, -2, 3);
                uint64_t budget = trial < 3 ? 1 : code == third ? 7 : 6;

                for (struct harness **h = (struct harness *[]){ a, b, NULL };
                     *h; h++) {
                    harness_code(*h, HARNESS_CODE, code, 8);
                    memset((*h)->cpu->x, 0, sizeof((*h)->cpu->x));
                    (*h)->cpu->x[4] = x4;
                    (*h)->cpu->x[5] = x5;
                    (*h)->cpu->x[14] = x4 ^ x5;
                    (*h)->cpu->x[15] = x5;
                    (*h)->cpu->sp = x4 & ~15ull;
                    (*h)->cpu->nzcv = 0x90000000;
                    (*h)->cpu->icount = 0;
                }
                for (int pass = 0; pass < 2; pass++) {
                    a->cpu->pc = b->cpu->pc = HARNESS_CODE;
                    a->cpu->icount = b->cpu->icount = 0;
                    g_assert_cmpint(harness_run(a, budget), ==,
                                    CPU_EXIT_BUDGET);
                    run_by_handlers(b, budget);
                    assert_same_state(a, b);
                }
            }
    g_rand_free(rng);
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
    g_test_add_func("/cpu-core/fastop/retired-pages", test_retired_pages);
    g_test_add_func("/cpu-core/fastop/fused-compare-branch",
                    test_fused_compare_branch);
    g_test_add_func("/cpu-core/fastop/fused-compare-breakpoint",
                    test_fused_compare_breakpoint);
    g_test_add_func("/cpu-core/fastop/forwarding-crc-loops",
                    test_forwarding_crc_loops);
    g_test_add_func("/cpu-core/fastop/forwarding-pairs",
                    test_forwarding_pairs);
    g_test_add_func("/cpu-core/fastop/forwarding-next-slot-changes",
                    test_forwarding_next_slot_changes);
    g_test_add_func("/cpu-core/fastop/lazy-flags", test_lazy_flags);
    g_test_add_func("/cpu-core/fastop/fused-ldp-branch",
                    test_fused_ldp_branch);
    return g_test_run();
}
