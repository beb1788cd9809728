/* Loads and stores: addressing modes, sizes, sign extension, pairs, SIMD&FP
 * registers, literals, exclusives, acquire/release, LSE atomics, CAS, and
 * the memory path's faults and page crossings. */
#include <glib.h>
#include <string.h>

#include "cpu/cpu.h"
#include "testsuite/unit/cpu-core-harness.h"

#define BASE (HARNESS_DATA + 0x100)

struct core_random_ldst_case {
    uint32_t insn;
    uint64_t rt_out;
    uint64_t rt2_out;
    uint64_t x1_offset;
    uint64_t mem_hash;
};

#include "testsuite/unit/test-cpu-core-random-ldst.h"

/* mem[BASE + i] = i * 0x11 + 0x88 for i in -16 .. 255 */
static void fill_pattern(struct harness *h)
{
    for (int i = -16; i < 256; i++)
        harness_ptr(h, BASE + i)[0] = (uint8_t)(i * 0x11 + 0x88);
}

static void test_load_modes(void)
{
    struct harness *h = harness_new();
    struct cpu_state *cpu = h->cpu;

    fill_pattern(h);
    HARNESS_CODE_AT(h, HARNESS_CODE,
        0xf9400020, /* ldr x0, [x1] */
        0xb9400422, /* ldr w2, [x1, #4] */
        0x39400423, /* ldrb w3, [x1, #1] */
        0x39801c24, /* ldrsb x4, [x1, #7] */
        0x79c00c25, /* ldrsh w5, [x1, #6] */
        0xb9800426, /* ldrsw x6, [x1, #4] */
        0xf85f8027, /* ldur x7, [x1, #-8] */
        0xf8408c28, /* ldr x8, [x1, #8]! */
        0xf85f8429, /* ldr x9, [x1], #-8 */
        0xf86b782a, /* ldr x10, [x1, x11, lsl #3] */
        0xb86dd82c, /* ldr w12, [x1, w13, sxtw #2] */
        0x786f682e, /* ldrh w14, [x1, x15] */
        0x39c01c30, /* ldrsb w16, [x1, #7] */
        0x79800c31, /* ldrsh x17, [x1, #6] */
        0x385ff032, /* ldurb w18, [x1, #-1] */
    );
    cpu->x[1] = BASE;
    cpu->x[11] = 1;
    cpu->x[13] = 0xdeadbeefffffffffull;  /* sxtw uses the low word: -1 */
    cpu->x[15] = 2;
    g_assert_cmpint(harness_run(h, 15), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(cpu->x[0], ==, 0xffeeddccbbaa9988ull);
    g_assert_cmphex(cpu->x[1], ==, BASE);
    g_assert_cmphex(cpu->x[2], ==, 0xffeeddcc);
    g_assert_cmphex(cpu->x[3], ==, 0x99);
    g_assert_cmphex(cpu->x[4], ==, 0xffffffffffffffffull);
    g_assert_cmphex(cpu->x[5], ==, 0xffffffee);
    g_assert_cmphex(cpu->x[6], ==, 0xffffffffffeeddccull);
    g_assert_cmphex(cpu->x[7], ==, 0x7766554433221100ull);
    g_assert_cmphex(cpu->x[8], ==, 0x8776655443322110ull);
    g_assert_cmphex(cpu->x[9], ==, 0x8776655443322110ull);
    g_assert_cmphex(cpu->x[10], ==, 0x8776655443322110ull);
    g_assert_cmphex(cpu->x[12], ==, 0x77665544);
    g_assert_cmphex(cpu->x[14], ==, 0xbbaa);
    g_assert_cmphex(cpu->x[16], ==, 0xffffffff);
    g_assert_cmphex(cpu->x[17], ==, 0xffffffffffffffeeull);
    g_assert_cmphex(cpu->x[18], ==, 0x77);
    harness_free(h);
}

static void test_more_modes(void)
{
    struct harness *h = harness_new();
    struct cpu_state *cpu = h->cpu;
    uint64_t sp0 = cpu->sp;

    fill_pattern(h);
    HARNESS_CODE_AT(h, HARNESS_CODE,
        0xf8408820, /* ldtr x0, [x1, #8] */
        0xb81fc822, /* sttr w2, [x1, #-4] */
        0x38801823, /* ldtrsb x3, [x1, #1] */
        0xb8a57824, /* ldrsw x4, [x1, x5, lsl #2] */
        0x7867f826, /* ldrh w6, [x1, x7, sxtx #1] */
        0x78a94828, /* ldrsh x8, [x1, w9, uxtw] */
        0xadbf07e0, /* stp q0, q1, [sp, #-32]! */
        0xacc10fe2, /* ldp q2, q3, [sp], #32 */
        0xf8200420, /* ldraa x0, [x1]: no pointer authentication */
    );
    cpu->x[1] = BASE;
    cpu->x[2] = 0x11223344;
    cpu->x[5] = 1;
    cpu->x[7] = (uint64_t)-1;
    cpu->x[9] = 0xffffffff00000004ull;
    for (unsigned i = 0; i < 16; i++) {
        cpu->z[0].b[i] = (uint8_t)i;
        cpu->z[1].b[i] = (uint8_t)(0xf0 + i);
    }
    g_assert_cmpint(harness_run(h, 20), ==, CPU_EXIT_UNDEF);
    g_assert_cmphex(cpu->pc, ==, HARNESS_CODE + 32);
    g_assert_cmphex(cpu->x[0], ==, 0x8776655443322110ull);
    g_assert_cmphex(*(uint32_t *)harness_ptr(h, BASE - 4), ==, 0x11223344);
    g_assert_cmphex(cpu->x[3], ==, 0xffffffffffffff99ull);
    g_assert_cmphex(cpu->x[4], ==, 0xffffffffffeeddccull);
    g_assert_cmphex(cpu->x[6], ==, 0x1122);
    g_assert_cmphex(cpu->x[8], ==, 0xffffffffffffddccull);
    g_assert_cmphex(cpu->sp, ==, sp0);
    g_assert_cmpmem(cpu->z[2].b, 16, cpu->z[0].b, 16);
    g_assert_cmpmem(cpu->z[3].b, 16, cpu->z[1].b, 16);
    g_assert_cmpmem(harness_ptr(h, sp0 - 32), 16, cpu->z[0].b, 16);

    /* Acquire/release accesses must be aligned (no FEAT_LSE2). */
    HARNESS_CODE_AT(h, HARNESS_CODE, 0xc8dffd8b /* ldar x11, [x12] */);
    cpu->x[12] = BASE + 1;
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_ALIGNMENT);
    g_assert_cmphex(cpu->exit_info.fault_addr, ==, BASE + 1);
    harness_free(h);
}

/* Rt = 31 is XZR and Rn = 31 is SP: not the same register, so the
 * writeback happens (it was once skipped as a "base is destination" load;
 * found by the difftest campaign). */
static void test_xzr_load_with_sp_writeback(void)
{
    struct harness *h = harness_new();
    struct cpu_state *cpu = h->cpu;
    uint64_t sp0 = cpu->sp;

    HARNESS_CODE_AT(h, HARNESS_CODE,
        0xf8500fff, /* ldr xzr, [sp, #-256]! */
        0x69eb83ff, /* ldpsw xzr, x0, [sp, #-164]! */
    );
    harness_write64(h, sp0 - 256 - 164, 0xffffffff80000000ull);
    g_assert_cmpint(harness_run(h, 2), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(cpu->sp, ==, sp0 - 256 - 164);
    g_assert_cmphex(cpu->x[0], ==, 0xffffffffffffffffull);
    g_assert_cmphex(cpu->x[31], ==, 0);
    harness_free(h);
}

static void test_store_modes(void)
{
    struct harness *h = harness_new();
    struct cpu_state *cpu = h->cpu;
    uint64_t b = HARNESS_DATA + 0x800;

    HARNESS_CODE_AT(h, HARNESS_CODE,
        0xf9001020, /* str x0, [x1, #32] */
        0x3900a020, /* strb w0, [x1, #40] */
        0x79005420, /* strh w0, [x1, #42] */
        0xb9002c20, /* str w0, [x1, #44] */
        0xf81f0020, /* stur x0, [x1, #-16] */
        0xf8010c20, /* str x0, [x1, #16]! */
        0xf8010420, /* str x0, [x1], #16 */
        0xb8225820, /* str w0, [x1, w2, uxtw #2] */
        0x38236820, /* strb w0, [x1, x3] */
    );
    cpu->x[0] = 0x1122334455667788ull;
    cpu->x[1] = b;
    cpu->x[2] = 0xffffffff00000005ull;   /* uxtw: 5 */
    cpu->x[3] = 0x30;
    g_assert_cmpint(harness_run(h, 9), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(cpu->x[1], ==, b + 32);
    g_assert_cmphex(harness_read64(h, b - 16), ==, 0x1122334455667788ull);
    g_assert_cmphex(harness_read64(h, b - 8), ==, 0);
    g_assert_cmphex(harness_read64(h, b), ==, 0);
    g_assert_cmphex(harness_read64(h, b + 16), ==, 0x1122334455667788ull);
    g_assert_cmphex(harness_read64(h, b + 32), ==, 0x1122334455667788ull);
    g_assert_cmphex(harness_read64(h, b + 40), ==, 0x5566778877880088ull);
    g_assert_cmphex(harness_read64(h, b + 48), ==, 0x5566778800000000ull);
    g_assert_cmphex(harness_read64(h, b + 80), ==, 0x88);
    harness_free(h);
}

static void test_pairs(void)
{
    struct harness *h = harness_new();
    struct cpu_state *cpu = h->cpu;
    uint64_t b = HARNESS_DATA + 0xc00;
    uint64_t sp0 = cpu->sp;

    harness_write64(h, b, 0x7fffffff80000001ull);
    HARNESS_CODE_AT(h, HARNESS_CODE,
        0xa9030820, /* stp x0, x2, [x1, #48] */
        0x29404430, /* ldp w16, w17, [x1] */
        0x69404c32, /* ldpsw x18, x19, [x1] */
        0xa9bf13e3, /* stp x3, x4, [sp, #-16]! */
        0xa8c157f4, /* ldp x20, x21, [sp], #16 */
        0x28081023, /* stnp w3, w4, [x1, #64] */
        0xa8431825, /* ldnp x5, x6, [x1, #48] */
        0x29890820, /* stp w0, w2, [x1, #72]! */
        0xa97ea027, /* ldp x7, x8, [x1, #-24] */
    );
    cpu->x[0] = 0x0102030405060708ull;
    cpu->x[1] = b;
    cpu->x[2] = 0xf0e0d0c0b0a09080ull;
    cpu->x[3] = 0xaaaa;
    cpu->x[4] = 0x8000000000000001ull;
    g_assert_cmpint(harness_run(h, 4), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(cpu->sp, ==, sp0 - 16);
    g_assert_cmphex(harness_read64(h, sp0 - 16), ==, 0xaaaa);
    g_assert_cmphex(harness_read64(h, sp0 - 8), ==, 0x8000000000000001ull);
    g_assert_cmpint(harness_run(h, 5), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(cpu->sp, ==, sp0);
    g_assert_cmphex(harness_read64(h, b + 48), ==, 0x0102030405060708ull);
    g_assert_cmphex(harness_read64(h, b + 56), ==, 0xf0e0d0c0b0a09080ull);
    g_assert_cmphex(cpu->x[16], ==, 0x80000001);
    g_assert_cmphex(cpu->x[17], ==, 0x7fffffff);
    g_assert_cmphex(cpu->x[18], ==, 0xffffffff80000001ull);
    g_assert_cmphex(cpu->x[19], ==, 0x7fffffff);
    g_assert_cmphex(cpu->x[20], ==, 0xaaaa);
    g_assert_cmphex(cpu->x[21], ==, 0x8000000000000001ull);
    g_assert_cmphex(harness_read64(h, b + 64), ==, 0x000000010000aaaaull);
    g_assert_cmphex(cpu->x[5], ==, 0x0102030405060708ull);
    g_assert_cmphex(cpu->x[6], ==, 0xf0e0d0c0b0a09080ull);
    g_assert_cmphex(cpu->x[1], ==, b + 72);
    g_assert_cmphex(harness_read64(h, b + 72), ==, 0xb0a0908005060708ull);
    g_assert_cmphex(cpu->x[7], ==, 0x0102030405060708ull);
    g_assert_cmphex(cpu->x[8], ==, 0xf0e0d0c0b0a09080ull);
    harness_free(h);
}

static void test_literal_and_prefetch(void)
{
    struct harness *h = harness_new();
    struct cpu_state *cpu = h->cpu;

    HARNESS_CODE_AT(h, HARNESS_CODE,
        0x58000216, /* ldr x22, .+0x40 */
        0x980001f7, /* ldrsw x23, .+0x3c */
        0x180001d8, /* ldr w24, .+0x38 */
        0xd8000180, /* prfm pldl1keep, .+0x30 */
        0xf9800020, /* prfm pldl1keep, [x1] */
        0xf8801020, /* prfum pldl1keep, [x1, #1] */
        0xf8a26830, /* prfm pstl1keep, [x1, x2] */
    );
    harness_write64(h, HARNESS_CODE + 0x40, 0x80000000fedcba98ull);
    cpu->x[1] = HARNESS_UNMAPPED;   /* prefetches never fault */
    g_assert_cmpint(harness_run(h, 7), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(cpu->x[22], ==, 0x80000000fedcba98ull);
    g_assert_cmphex(cpu->x[23], ==, 0xfffffffffedcba98ull);
    g_assert_cmphex(cpu->x[24], ==, 0xfedcba98);
    harness_free(h);
}

static void assert_v(struct cpu_state *cpu, unsigned n, struct harness *h,
                     uint64_t va, unsigned bytes)
{
    g_assert_cmpmem(cpu->z[n].b, bytes, harness_ptr(h, va), bytes);
    for (unsigned i = bytes; i < CPU_ZREG_BYTES; i++)
        g_assert_cmpuint(cpu->z[n].b[i], ==, 0);
}

static void test_simd_registers(void)
{
    struct harness *h = harness_new();
    struct cpu_state *cpu = h->cpu;
    uint8_t pattern[256];

    fill_pattern(h);
    memcpy(pattern, harness_ptr(h, BASE), 256);
    memset(cpu->z, 0xff, sizeof(cpu->z));
    for (unsigned i = 0; i < 16; i++)
        harness_ptr(h, HARNESS_CODE + 0x120)[i] = (uint8_t)(0xc0 + i);
    HARNESS_CODE_AT(h, HARNESS_CODE,
        0x3dc00020, /* ldr q0, [x1] */
        0xfd400421, /* ldr d1, [x1, #8] */
        0xbd400422, /* ldr s2, [x1, #4] */
        0x7d400423, /* ldr h3, [x1, #2] */
        0x3d400424, /* ldr b4, [x1, #1] */
        0x3cc01025, /* ldur q5, [x1, #1] */
        0xad401c26, /* ldp q6, q7, [x1] */
        0x2d412428, /* ldp s8, s9, [x1, #8] */
        0x9c00080a, /* ldr q10, .+0x100 */
        0x3d801020, /* str q0, [x1, #64] */
        0x6d050821, /* stp d1, d2, [x1, #80] */
        0x3d018024, /* str b4, [x1, #96] */
        0x7c062c23, /* str h3, [x1, #98]! */
        0x3ce2782b, /* ldr q11, [x1, x2, lsl #4] */
        0xbc1fe022, /* stur s2, [x1, #-2] */
        0xfc40842c, /* ldr d12, [x1], #8 */
    );
    cpu->x[1] = BASE;
    cpu->x[2] = 1;
    g_assert_cmpint(harness_run(h, 9), ==, CPU_EXIT_BUDGET);
    assert_v(cpu, 0, h, BASE, 16);
    assert_v(cpu, 1, h, BASE + 8, 8);
    assert_v(cpu, 2, h, BASE + 4, 4);
    assert_v(cpu, 3, h, BASE + 2, 2);
    assert_v(cpu, 4, h, BASE + 1, 1);
    assert_v(cpu, 5, h, BASE + 1, 16);
    assert_v(cpu, 6, h, BASE, 16);
    assert_v(cpu, 7, h, BASE + 16, 16);
    assert_v(cpu, 8, h, BASE + 8, 4);
    assert_v(cpu, 9, h, BASE + 12, 4);
    assert_v(cpu, 10, h, HARNESS_CODE + 0x120, 16);
    g_assert_cmphex(cpu->z[10].d[0], ==, 0xc7c6c5c4c3c2c1c0ull);

    g_assert_cmpint(harness_run(h, 7), ==, CPU_EXIT_BUDGET);
    g_assert_cmpmem(harness_ptr(h, BASE + 64), 16, pattern, 16);
    g_assert_cmpmem(harness_ptr(h, BASE + 80), 8, pattern + 8, 8);
    g_assert_cmpmem(harness_ptr(h, BASE + 88), 4, pattern + 4, 4);
    g_assert_cmphex(*(uint32_t *)harness_ptr(h, BASE + 92), ==, 0);
    /* b4 and h3 landed at 96..99, then stur s2 overwrote them. */
    g_assert_cmpmem(harness_ptr(h, BASE + 96), 4, pattern + 4, 4);
    /* ldr q11 read [base + 98 + 16] before. */
    assert_v(cpu, 11, h, BASE + 114, 16);
    /* ldr d12, [x1], #8 with x1 = base + 98 */
    g_assert_cmpmem(cpu->z[12].b, 2, pattern + 6, 2);
    g_assert_cmpmem(cpu->z[12].b + 2, 6, pattern + 100, 6);
    g_assert_cmphex(cpu->x[1], ==, BASE + 106);
    harness_free(h);
}

static void test_data_abort(void)
{
    struct harness *h = harness_new();
    struct cpu_state *cpu = h->cpu;

    /* ldr x0, [x1]; str x0, [x1] */
    HARNESS_CODE_AT(h, HARNESS_CODE, 0xf9400020, 0xf9000020);
    cpu->x[0] = 7;
    cpu->x[1] = HARNESS_UNMAPPED + 0x18;
    g_assert_cmpint(harness_run(h, 5), ==, CPU_EXIT_DATA_ABORT);
    g_assert_cmphex(cpu->exit_info.fault_addr, ==, HARNESS_UNMAPPED + 0x18);
    g_assert_false(cpu->exit_info.fault_is_write);
    g_assert_false(cpu->exit_info.fault_is_perm);
    g_assert_cmphex(cpu->pc, ==, HARNESS_CODE);
    g_assert_cmpuint(cpu->x[0], ==, 7);
    g_assert_cmpuint(cpu->icount, ==, 0);

    /* A store to read-only memory: permission fault. */
    cpu->x[1] = HARNESS_RODATA + 8;
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_BUDGET);
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_DATA_ABORT);
    g_assert_true(cpu->exit_info.fault_is_write);
    g_assert_true(cpu->exit_info.fault_is_perm);
    g_assert_cmphex(cpu->exit_info.fault_addr, ==, HARNESS_RODATA + 8);
    g_assert_cmphex(cpu->pc, ==, HARNESS_CODE + 4);

    /* An 8-byte store crossing from writable into read-only memory
     * changes nothing, even the writable half. */
    cpu->pc = HARNESS_CODE + 4;
    cpu->x[0] = ~0ull;
    cpu->x[1] = HARNESS_RODATA - 4;
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_DATA_ABORT);
    g_assert_cmphex(cpu->exit_info.fault_addr, ==, HARNESS_RODATA);
    g_assert_cmphex(*(uint32_t *)harness_ptr(h, HARNESS_RODATA - 4), ==, 0);

    /* Loads crossing a page boundary work. */
    harness_write64(h, HARNESS_DATA + 0xffc, 0x0123456789abcdefull);
    cpu->pc = HARNESS_CODE;
    cpu->x[1] = HARNESS_DATA + 0xffc;
    g_assert_cmpint(harness_run(h, 2), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(cpu->x[0], ==, 0x0123456789abcdefull);
    harness_free(h);
}

/* A fault in the second register of a pair leaves the first unchanged. */
static void test_pair_fault_atomic(void)
{
    struct harness *h = harness_new();
    struct cpu_state *cpu = h->cpu;

    HARNESS_CODE_AT(h, HARNESS_CODE, 0xa9400c22 /* ldp x2, x3, [x1] */);
    cpu->x[1] = HARNESS_NOEXEC + 0x10000 - 8;  /* next page unmapped */
    cpu->x[2] = 2;
    cpu->x[3] = 3;
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_DATA_ABORT);
    g_assert_cmphex(cpu->exit_info.fault_addr, ==, HARNESS_END);
    g_assert_cmpuint(cpu->x[2], ==, 2);
    g_assert_cmpuint(cpu->x[3], ==, 3);
    harness_free(h);
}

static void test_exclusives(void)
{
    struct harness *h = harness_new();
    struct cpu_state *cpu = h->cpu;
    uint64_t b = HARNESS_DATA + 0x400;

    harness_write64(h, b, 0x1111222233334444ull);
    harness_write64(h, b + 8, 0x5555666677778888ull);
    HARNESS_CODE_AT(h, HARNESS_CODE,
        0xc85f7c20, /* ldxr x0, [x1] */
        0xc8027c23, /* stxr w2, x3, [x1] */
        0xc8027c23, /* stxr w2, x3, [x1]: monitor gone, fails */
    );
    cpu->x[1] = b;
    cpu->x[3] = 0xabcdef;
    g_assert_cmpint(harness_run(h, 2), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(cpu->x[0], ==, 0x1111222233334444ull);
    g_assert_cmpuint(cpu->x[2], ==, 0);
    g_assert_cmphex(harness_read64(h, b), ==, 0xabcdef);
    cpu->x[3] = 0x999;
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_BUDGET);
    g_assert_cmpuint(cpu->x[2], ==, 1);
    g_assert_cmphex(harness_read64(h, b), ==, 0xabcdef);

    /* Pair: success, then failure after memory changed underneath. */
    HARNESS_CODE_AT(h, HARNESS_CODE,
        0xc87f2027, /* ldxp x7, x8, [x1] */
        0xc8292c2a, /* stxp w9, x10, x11, [x1] */
    );
    cpu->x[10] = 0xa0;
    cpu->x[11] = 0xb0;
    g_assert_cmpint(harness_run(h, 2), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(cpu->x[7], ==, 0xabcdef);
    g_assert_cmphex(cpu->x[8], ==, 0x5555666677778888ull);
    g_assert_cmpuint(cpu->x[9], ==, 0);
    g_assert_cmphex(harness_read64(h, b), ==, 0xa0);
    g_assert_cmphex(harness_read64(h, b + 8), ==, 0xb0);
    cpu->pc = HARNESS_CODE;
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_BUDGET);
    harness_write64(h, b + 8, 0x1234);   /* another agent's store */
    cpu->x[10] = 0xc0;
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_BUDGET);
    g_assert_cmpuint(cpu->x[9], ==, 1);
    g_assert_cmphex(harness_read64(h, b), ==, 0xa0);
    g_assert_cmphex(harness_read64(h, b + 8), ==, 0x1234);

    /* Byte/half/word forms, acquire/release, and CLREX. */
    HARNESS_CODE_AT(h, HARNESS_CODE,
        0x085f7c2f, /* ldxrb w15, [x1] */
        0x08107c2f, /* stxrb w16, w15, [x1] */
        0x485f7c31, /* ldxrh w17, [x1] */
        0xd5033f5f, /* clrex */
        0x4812fc31, /* stlxrh w18, w17, [x1] */
        0x885ffc24, /* ldaxr w4, [x1] */
        0x8805fc26, /* stlxr w5, w6, [x1] */
    );
    cpu->x[6] = 0x77777777;
    cpu->x[16] = cpu->x[18] = 9;
    g_assert_cmpint(harness_run(h, 7), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(cpu->x[15], ==, 0xa0);
    g_assert_cmpuint(cpu->x[16], ==, 0);
    g_assert_cmphex(cpu->x[17], ==, 0xa0);
    g_assert_cmpuint(cpu->x[18], ==, 1);
    g_assert_cmphex(cpu->x[4], ==, 0xa0);
    g_assert_cmpuint(cpu->x[5], ==, 0);
    g_assert_cmphex(harness_read64(h, b), ==, 0x77777777);

    /* A misaligned exclusive is an alignment fault. */
    HARNESS_CODE_AT(h, HARNESS_CODE, 0xc85f7c20 /* ldxr x0, [x1] */);
    cpu->x[1] = b + 4;
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_ALIGNMENT);
    g_assert_cmphex(cpu->exit_info.fault_addr, ==, b + 4);
    harness_free(h);
}

static void test_acquire_release(void)
{
    struct harness *h = harness_new();
    struct cpu_state *cpu = h->cpu;

    fill_pattern(h);
    HARNESS_CODE_AT(h, HARNESS_CODE,
        0xc8dffc20, /* ldar x0, [x1] */
        0x08dffc23, /* ldarb w3, [x1] */
        0xf8bfc025, /* ldapr x5, [x1] */
        0x38bfc026, /* ldaprb w6, [x1] */
        0xd9408027, /* ldapur x7, [x1, #8] */
        0x19801029, /* ldapursb x9, [x1, #1] */
        0x59c0202a, /* ldapursh w10, [x1, #2] */
        0xc8df7c2b, /* ldlar x11, [x1] */
        0xc89ffc22, /* stlr x2, [x1] */
        0x489ffc24, /* stlrh w4, [x1] */
        0x991fc028, /* stlur w8, [x1, #-4] */
        0x889f7c2c, /* stllr w12, [x1] */
    );
    cpu->x[1] = BASE;
    cpu->x[2] = 0x0102030405060708ull;
    cpu->x[4] = 0xbeef;
    cpu->x[8] = 0xcafef00d;
    g_assert_cmpint(harness_run(h, 8), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(cpu->x[0], ==, 0xffeeddccbbaa9988ull);
    g_assert_cmphex(cpu->x[3], ==, 0x88);
    g_assert_cmphex(cpu->x[5], ==, 0xffeeddccbbaa9988ull);
    g_assert_cmphex(cpu->x[6], ==, 0x88);
    g_assert_cmphex(cpu->x[7], ==, 0x8776655443322110ull);
    g_assert_cmphex(cpu->x[9], ==, 0xffffffffffffff99ull);
    g_assert_cmphex(cpu->x[10], ==, 0xffffbbaa);
    g_assert_cmphex(cpu->x[11], ==, 0xffeeddccbbaa9988ull);
    g_assert_cmpint(harness_run(h, 3), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(harness_read64(h, BASE), ==, 0x010203040506beefull);
    g_assert_cmphex(*(uint32_t *)harness_ptr(h, BASE - 4), ==, 0xcafef00d);
    cpu->x[12] = 0x42;
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(harness_read64(h, BASE), ==, 0x0102030400000042ull);
    harness_free(h);
}

static void test_atomics(void)
{
    struct harness *h = harness_new();
    struct cpu_state *cpu = h->cpu;
    uint64_t b = HARNESS_DATA + 0x600;

    HARNESS_CODE_AT(h, HARNESS_CODE,
        0xf8200041, /* ldadd x0, x1, [x2] */
        0xb8231044, /* ldclr w3, w4, [x2] */
        0xf8252046, /* ldeor x5, x6, [x2] */
        0xb8273048, /* ldset w7, w8, [x2] */
        0xf829404a, /* ldsmax x9, x10, [x2] */
        0xb82b504c, /* ldsmin w11, w12, [x2] */
        0xf82d604e, /* ldumax x13, x14, [x2] */
        0xb82f7050, /* ldumin w15, w16, [x2] */
        0xf8318052, /* swp x17, x18, [x2] */
        0x38f30054, /* ldaddalb w19, w20, [x2] */
        0x78354056, /* ldsmaxh w21, w22, [x2] */
        0xf820005f, /* stadd x0, [x2] */
        0xb8f78058, /* swpal w23, w24, [x2] */
    );
    harness_write64(h, b, 0x00000000fffffff0ull);
    cpu->x[2] = b;
    cpu->x[0] = 0x20;               /* ldadd: 0xfffffff0 + 0x20 = 0x1_00000010 */
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(cpu->x[1], ==, 0xfffffff0);
    g_assert_cmphex(harness_read64(h, b), ==, 0x100000010ull);
    cpu->x[3] = 0x10;               /* ldclr w: low word 0x10 & ~0x10 = 0 */
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(cpu->x[4], ==, 0x10);
    g_assert_cmphex(harness_read64(h, b), ==, 0x100000000ull);
    cpu->x[5] = 0x100000003ull;     /* ldeor x */
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(cpu->x[6], ==, 0x100000000ull);
    g_assert_cmphex(harness_read64(h, b), ==, 3);
    cpu->x[7] = 0x80000000;         /* ldset w */
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(cpu->x[8], ==, 3);
    g_assert_cmphex(harness_read64(h, b), ==, 0x80000003ull);
    cpu->x[9] = (uint64_t)-5;       /* ldsmax x: max(0x80000003, -5) */
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(cpu->x[10], ==, 0x80000003ull);
    g_assert_cmphex(harness_read64(h, b), ==, 0x80000003ull);
    cpu->x[11] = 7;                 /* ldsmin w: 0x80000003 is negative */
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(cpu->x[12], ==, 0x80000003ull);
    g_assert_cmphex(harness_read64(h, b), ==, 0x80000003ull);
    cpu->x[13] = 0x100000000ull;    /* ldumax x */
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(cpu->x[14], ==, 0x80000003ull);
    g_assert_cmphex(harness_read64(h, b), ==, 0x100000000ull);
    cpu->x[15] = 9;                 /* ldumin w: low word 0 */
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(cpu->x[16], ==, 0);
    g_assert_cmphex(harness_read64(h, b), ==, 0x100000000ull);
    cpu->x[17] = 0x80ff7f01ull;     /* swp x */
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(cpu->x[18], ==, 0x100000000ull);
    g_assert_cmphex(harness_read64(h, b), ==, 0x80ff7f01ull);
    cpu->x[19] = 0xff;              /* ldaddalb: byte 0x01 + 0xff wraps */
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(cpu->x[20], ==, 0x01);
    g_assert_cmphex(harness_read64(h, b), ==, 0x80ff7f00ull);
    cpu->x[21] = 0x8000;            /* ldsmaxh: max(0x7f00, -32768) */
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(cpu->x[22], ==, 0x7f00);
    g_assert_cmphex(harness_read64(h, b), ==, 0x80ff7f00ull);
    cpu->x[0] = 1;                  /* stadd: no register result */
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(harness_read64(h, b), ==, 0x80ff7f01ull);
    g_assert_cmphex(cpu->x[31], ==, 0);
    cpu->x[23] = 0x12345678;        /* swpal w */
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(cpu->x[24], ==, 0x80ff7f01ull);
    g_assert_cmphex(harness_read64(h, b), ==, 0x12345678ull);

    /* Atomics on read-only memory fault as writes. */
    HARNESS_CODE_AT(h, HARNESS_CODE, 0xf8200041);
    cpu->x[2] = HARNESS_RODATA;
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_DATA_ABORT);
    g_assert_true(cpu->exit_info.fault_is_write);
    harness_free(h);
}

static void test_cas(void)
{
    struct harness *h = harness_new();
    struct cpu_state *cpu = h->cpu;
    uint64_t b = HARNESS_DATA + 0x700;

    HARNESS_CODE_AT(h, HARNESS_CODE,
        0xc8a07c41, /* cas x0, x1, [x2] (fails) */
        0xc8a07c41, /* cas x0, x1, [x2] (succeeds: x0 now holds memory) */
        0x88e3fc44, /* casal w3, w4, [x2] */
        0x08a57c46, /* casb w5, w6, [x2] */
        0x48a77c48, /* cash w7, w8, [x2] */
        0x482a7c4c, /* casp x10, x11, x12, x13, [x2] */
        0x086efc50, /* caspal w14, w15, w16, w17, [x2] */
    );
    harness_write64(h, b, 100);
    harness_write64(h, b + 8, 200);
    cpu->x[2] = b;
    cpu->x[0] = 99;
    cpu->x[1] = 555;
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_BUDGET);
    g_assert_cmpuint(cpu->x[0], ==, 100);
    g_assert_cmpuint(harness_read64(h, b), ==, 100);
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_BUDGET);
    g_assert_cmpuint(cpu->x[0], ==, 100);
    g_assert_cmpuint(harness_read64(h, b), ==, 555);
    cpu->x[3] = 0xffffffff0000022bull;   /* compares the low word: 555 */
    cpu->x[4] = 0x1111111177;
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(cpu->x[3], ==, 555);
    g_assert_cmphex(harness_read64(h, b), ==, 0x11111177);
    cpu->x[5] = 0x77;
    cpu->x[6] = 0x1ee;
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(cpu->x[5], ==, 0x77);
    g_assert_cmphex(harness_read64(h, b), ==, 0x111111ee);
    cpu->x[7] = 0x1234;      /* fails: memory half is 0x11ee */
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(cpu->x[7], ==, 0x11ee);
    g_assert_cmphex(harness_read64(h, b), ==, 0x111111ee);
    cpu->x[10] = 0x111111ee;
    cpu->x[11] = 200;
    cpu->x[12] = 1;
    cpu->x[13] = 2;
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(cpu->x[10], ==, 0x111111ee);
    g_assert_cmphex(cpu->x[11], ==, 200);
    g_assert_cmphex(harness_read64(h, b), ==, 1);
    g_assert_cmphex(harness_read64(h, b + 8), ==, 2);
    cpu->x[14] = 1;
    cpu->x[15] = 5;          /* word pair: memory holds 1, 0: fails */
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(cpu->x[14], ==, 1);
    g_assert_cmphex(cpu->x[15], ==, 0);
    g_assert_cmphex(harness_read64(h, b), ==, 1);
    harness_free(h);
}

static uint64_t fnv1a(const uint8_t *p, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

/* Random load/store encodings, one at a time, against qemu's results:
 * the data region (64 KiB) plays the oracle's buffer. */
static void test_random_ldst(void)
{
    struct harness *h = harness_new();
    struct cpu_state *cpu = h->cpu;
    uint8_t *buf = harness_ptr(h, HARNESS_DATA);
    unsigned failures = 0;

    for (size_t i = 0; i < G_N_ELEMENTS(core_random_ldst_cases); i++) {
        const struct core_random_ldst_case *c = &core_random_ldst_cases[i];
        unsigned rt = c->insn & 31, rt2 = (c->insn >> 10) & 31;
        bool pair = ((c->insn >> 27) & 7) == 5;
        enum cpu_exit e;

        for (unsigned k = 0; k < 65536; k++)
            buf[k] = (uint8_t)(k * 131 + 7);
        memcpy(cpu->x, core_random_ldst_init, sizeof(core_random_ldst_init));
        cpu->x[1] = HARNESS_DATA + 0x8000;
        harness_code(h, HARNESS_CODE, &c->insn, 1);
        e = harness_run(h, 1);
        if (e != CPU_EXIT_BUDGET ||
            (rt != 31 && cpu->x[rt] != c->rt_out) ||
            (pair && rt2 != 31 && cpu->x[rt2] != c->rt2_out) ||
            cpu->x[1] - HARNESS_DATA != c->x1_offset ||
            fnv1a(buf, 65536) != c->mem_hash) {
            g_test_message("0x%08x: exit %s, x%u = 0x%" G_GINT64_MODIFIER
                           "x (expected 0x%" G_GINT64_MODIFIER "x), x1 "
                           "offset 0x%" G_GINT64_MODIFIER "x (expected 0x%"
                           G_GINT64_MODIFIER "x)", c->insn, cpu_exit_name(e),
                           rt, cpu->x[rt], c->rt_out,
                           (uint64_t)(cpu->x[1] - HARNESS_DATA),
                           c->x1_offset);
            failures++;
        }
    }
    g_assert_cmpuint(failures, ==, 0);
    harness_free(h);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/cpu-core/ldst/load-modes", test_load_modes);
    g_test_add_func("/cpu-core/ldst/more-modes", test_more_modes);
    g_test_add_func("/cpu-core/ldst/xzr-sp-writeback",
                    test_xzr_load_with_sp_writeback);
    g_test_add_func("/cpu-core/ldst/store-modes", test_store_modes);
    g_test_add_func("/cpu-core/ldst/pairs", test_pairs);
    g_test_add_func("/cpu-core/ldst/literal-prefetch", test_literal_and_prefetch);
    g_test_add_func("/cpu-core/ldst/simd-registers", test_simd_registers);
    g_test_add_func("/cpu-core/ldst/data-abort", test_data_abort);
    g_test_add_func("/cpu-core/ldst/pair-fault", test_pair_fault_atomic);
    g_test_add_func("/cpu-core/ldst/exclusives", test_exclusives);
    g_test_add_func("/cpu-core/ldst/acquire-release", test_acquire_release);
    g_test_add_func("/cpu-core/ldst/atomics", test_atomics);
    g_test_add_func("/cpu-core/ldst/cas", test_cas);
    g_test_add_func("/cpu-core/ldst/random", test_random_ldst);
    return g_test_run();
}
