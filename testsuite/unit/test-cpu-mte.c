/* Memory tagging in the core: the MTE instructions, allocation tags through
 * cpu_mem_ops.tags, and tag checks in every mode, on a small flat machine
 * whose middle pages are tagged memory. Encodings from
 * aarch64-linux-gnu-as -march=armv8.5-a+memtag. */
#include <glib.h>
#include <string.h>

#include "cpu/cpu.h"
#include "cpu/cpu-internal.h"
#include "cpu/mte.h"

#define BASE 0x10000ull
#define CODE 0x10000ull      /* page 0: code, untagged */
#define TAGGED 0x11000ull    /* pages 1 and 2: tagged memory */
#define UNTAGGED 0x13000ull  /* page 3: untagged data */
#define PAGES 4

struct machine {
    struct cpu_state *cpu;
    uint8_t mem[PAGES * 4096];
    uint8_t tags[2][CPU_MTE_TAGS_PER_PAGE];
    unsigned tag_lookups;
};

static int translate(void *opaque, uint64_t va, uint8_t **host,
                     unsigned *prot)
{
    struct machine *m = opaque;

    if (va < BASE || va >= BASE + PAGES * 4096)
        return -1;
    *host = m->mem + (va - BASE);
    *prot = CPU_PROT_READ | CPU_PROT_WRITE |
            (va < BASE + 4096 ? CPU_PROT_EXEC : 0);
    return 0;
}

static uint8_t *tags(void *opaque, uint64_t page)
{
    struct machine *m = opaque;

    m->tag_lookups++;
    if (page == TAGGED || page == TAGGED + 4096)
        return m->tags[(page - TAGGED) / 4096];
    return NULL;
}

static const struct cpu_mem_ops ops = { .translate = translate, .tags = tags };

static struct machine *machine_new(void)
{
    struct machine *m = g_new0(struct machine, 1);

    m->cpu = cpu_new(&ops, m);
    return m;
}

static void machine_free(struct machine *m)
{
    cpu_free(m->cpu);
    g_free(m);
}

/* Run insns at CODE (one each) and return the exit of the last run. */
static enum cpu_exit run(struct machine *m, const uint32_t *insns, size_t n)
{
    memcpy(m->mem, insns, n * 4);
    cpu_code_invalidate(m->cpu, CODE, 4096);
    m->cpu->pc = CODE;
    return cpu_run(m->cpu, n);
}
#define RUN(m, ...)                                                    \
    ({                                                                 \
        static const uint32_t insns_[] = { __VA_ARGS__ };              \
        run((m), insns_, G_N_ELEMENTS(insns_));                        \
    })

static uint8_t *atag(struct machine *m, uint64_t va)
{
    return &m->tags[(va - TAGGED) / 4096][(va & 4095) / 16];
}

static uint64_t tagged(uint64_t va, unsigned tag)
{
    return va | ((uint64_t)tag << 56);
}

static void test_decode(void)
{
    static const struct { uint32_t insn; const char *name; } rows[] = {
        { 0x9adf1001, "IRG" }, { 0x9ac41403, "GMI" },
        { 0x91820c05, "ADDG_SUBG" }, { 0xd1810406, "ADDG_SUBG" },
        { 0x9ac20007, "SUBP" }, { 0xbac20007, "SUBP" },
        { 0xd9200800, "LDST_tags" }, { 0xd9601128, "LDST_tags" },
        { 0x69012c0a, "STGP" }, { 0xd50b7460, "DC_GVA" },
        { 0xd50b7480, "DC_GVA" }, { 0xd503419f, "MSR_TCO" },
    };

    for (size_t i = 0; i < G_N_ELEMENTS(rows); i++)
        g_assert_cmpstr(a64_decode_name(rows[i].insn), ==, rows[i].name);
    /* LDP/STP and DC ZVA keep their own rows. */
    g_assert_cmpstr(a64_decode_name(0xa9400801), !=, "STGP");
    g_assert_cmpstr(a64_decode_name(0xd50b7420), !=, "DC_GVA");
}

static void test_tag_arithmetic(void)
{
    struct machine *m = machine_new();
    struct cpu_state *c = m->cpu;

    c->x[0] = tagged(0x1000, 0xe);
    c->x[4] = 0x100;
    c->x[2] = tagged(0x0f00, 3);
    c->mte_include = 0x7fff;      /* ADDG from 0xe by 3 skips 0xf */
    g_assert_cmpint(RUN(m, 0x9ac41403,          /* gmi x3, x0, x4 */
                        0x91820c05,             /* addg x5, x0, #32, #3 */
                        0xd1810406,             /* subg x6, x0, #16, #1 */
                        0x9ac20007), ==,        /* subp x7, x0, x2 */
                    CPU_EXIT_BUDGET);
    g_assert_cmphex(c->x[3], ==, 0x100 | (1u << 0xe));
    g_assert_cmphex(c->x[5], ==, tagged(0x1020, 2));   /* e -> 0 1 2 */
    g_assert_cmphex(c->x[6], ==, tagged(0x0ff0, 0));   /* e -> (f) 0 */
    g_assert_cmphex(c->x[7], ==, 0x100);
    /* SUBPS: flags of a 64-bit compare of the 56-bit addresses. */
    c->x[0] = tagged(0x1000, 1);
    c->x[2] = tagged(0x2000, 7);
    g_assert_cmpint(RUN(m, 0xbac20007), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(c->x[7], ==, (uint64_t)-0x1000);
    g_assert_cmphex(c->nzcv, ==, CPU_NZCV_N);
    machine_free(m);
}

static void test_irg(void)
{
    struct machine *m = machine_new();
    struct cpu_state *c = m->cpu;
    unsigned seen = 0;

    c->mte_rgsr = 0x1234u << 8;
    c->mte_include = 0xfffe;          /* as glibc and the gdb test set */
    c->x[2] = 1u << 5;                /* IRG's own exclusion: tag 5 */
    for (int i = 0; i < 64; i++) {
        c->x[0] = 0x2000;
        g_assert_cmpint(RUN(m, 0x9ac21001), ==, CPU_EXIT_BUDGET);
        unsigned t = mte_logical_tag(c->x[1]);
        g_assert_cmphex(c->x[1] & ~MTE_TAG_MASK, ==, 0x2000);
        g_assert_cmpuint(t, !=, 0);
        g_assert_cmpuint(t, !=, 5);
        seen |= 1u << t;
    }
    /* The LFSR visits many tags, and the same seed gives the same run. */
    g_assert_cmpuint(__builtin_popcount(seen), >=, 8);
    c->mte_rgsr = 0x1234u << 8;
    c->x[0] = 0x2000;
    RUN(m, 0x9ac21001);
    unsigned first = mte_logical_tag(c->x[1]);
    c->mte_rgsr = 0x1234u << 8;
    RUN(m, 0x9ac21001);
    g_assert_cmpuint(mte_logical_tag(c->x[1]), ==, first);
    /* Everything excluded: tag 0. */
    c->x[2] = 0xffff;
    RUN(m, 0x9ac21001);
    g_assert_cmpuint(mte_logical_tag(c->x[1]), ==, 0);
    machine_free(m);
}

static void test_choose_tag(void)
{
    g_assert_cmpuint(mte_choose_tag(3, 0, 0), ==, 3);
    g_assert_cmpuint(mte_choose_tag(3, 0, 1u << 3), ==, 4);
    g_assert_cmpuint(mte_choose_tag(15, 1, 1u << 0), ==, 1);
    g_assert_cmpuint(mte_choose_tag(7, 2, 0xffff), ==, 0);
}

static void test_stg_ldg(void)
{
    struct machine *m = machine_new();
    struct cpu_state *c = m->cpu;

    c->x[0] = tagged(TAGGED + 0x40, 9);
    g_assert_cmpint(RUN(m, 0xd9200800), ==, CPU_EXIT_BUDGET); /* stg x0,[x0] */
    g_assert_cmpuint(*atag(m, TAGGED + 0x40), ==, 9);
    g_assert_cmpuint(*atag(m, TAGGED + 0x50), ==, 0);
    /* Pre-index writes back; post-index uses the old base. */
    g_assert_cmpint(RUN(m, 0xd9201c00), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(c->x[0], ==, tagged(TAGGED + 0x50, 9));
    g_assert_cmpuint(*atag(m, TAGGED + 0x50), ==, 9);
    g_assert_cmpint(RUN(m, 0xd93fe400), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(c->x[0], ==, tagged(TAGGED + 0x30, 9));
    /* ST2G: two granules. */
    c->x[0] = tagged(TAGGED + 0xff0, 4);   /* crosses into page 2 */
    g_assert_cmpint(RUN(m, 0xd9a00800), ==, CPU_EXIT_BUDGET);
    g_assert_cmpuint(*atag(m, TAGGED + 0xff0), ==, 4);
    g_assert_cmpuint(*atag(m, TAGGED + 0x1000), ==, 4);
    /* LDG replaces only the tag of Xt. */
    c->x[9] = TAGGED + 0xfe8;
    c->x[8] = tagged(0x123456, 0xa);
    g_assert_cmpint(RUN(m, 0xd9601128), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(c->x[8], ==, tagged(0x123456, 4));
    /* Misaligned STG: alignment fault, nothing stored. */
    c->x[0] = tagged(TAGGED + 0x88, 3);
    g_assert_cmpint(RUN(m, 0xd9200800), ==, CPU_EXIT_ALIGNMENT);
    g_assert_cmpuint(*atag(m, TAGGED + 0x80), ==, 0);
    g_assert_cmphex(c->pc, ==, CODE);
    /* Untagged memory: STG is ignored, LDG reads 0. */
    c->x[0] = tagged(UNTAGGED, 7);
    g_assert_cmpint(RUN(m, 0xd9200800), ==, CPU_EXIT_BUDGET);
    c->x[9] = UNTAGGED - 16;
    c->x[8] = tagged(0x55, 3);
    g_assert_cmpint(RUN(m, 0xd9601128), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(c->x[8], ==, 0x55);
    /* Unmapped: a data abort. */
    c->x[0] = 0x90000;
    g_assert_cmpint(RUN(m, 0xd9200800), ==, CPU_EXIT_DATA_ABORT);
    g_assert_false(c->exit_info.fault_is_tag_check);
    machine_free(m);
}

static void test_zeroing_stores(void)
{
    struct machine *m = machine_new();
    struct cpu_state *c = m->cpu;

    memset(m->mem + (TAGGED - BASE), 0xab, 256);
    cpu_mte_set_tcf(c, CPU_MTE_TCF_SYNC);
    /* STZG at +32: tag and zeroes, never checked against the old tag. */
    *atag(m, TAGGED + 0x20) = 6;
    c->x[0] = tagged(TAGGED, 2);
    g_assert_cmpint(RUN(m, 0xd9602800), ==, CPU_EXIT_BUDGET);
    g_assert_cmpuint(*atag(m, TAGGED + 0x20), ==, 2);
    g_assert_cmpuint(m->mem[TAGGED - BASE + 0x20], ==, 0);
    g_assert_cmpuint(m->mem[TAGGED - BASE + 0x2f], ==, 0);
    g_assert_cmpuint(m->mem[TAGGED - BASE + 0x30], ==, 0xab);
    /* STZ2G */
    c->x[0] = tagged(TAGGED + 0x40, 3);
    g_assert_cmpint(RUN(m, 0xd9e00800), ==, CPU_EXIT_BUDGET);
    g_assert_cmpuint(*atag(m, TAGGED + 0x50), ==, 3);
    g_assert_cmpuint(m->mem[TAGGED - BASE + 0x5f], ==, 0);
    g_assert_cmpuint(m->mem[TAGGED - BASE + 0x60], ==, 0xab);
    /* STGP x10, x11, [x0, #32]: data and the base's tag. */
    c->x[0] = tagged(TAGGED + 0x60, 0xc);
    c->x[10] = 0x1111;
    c->x[11] = 0x2222;
    g_assert_cmpint(RUN(m, 0x69012c0a), ==, CPU_EXIT_BUDGET);
    g_assert_cmpuint(*atag(m, TAGGED + 0x80), ==, 0xc);
    uint64_t pair[2];
    memcpy(pair, m->mem + (TAGGED - BASE + 0x80), 16);
    g_assert_cmphex(pair[0], ==, 0x1111);
    g_assert_cmphex(pair[1], ==, 0x2222);
    /* DC GVA: tags of a 64-byte block; DC GZVA also zeroes it. */
    c->x[0] = tagged(TAGGED + 0xc8, 5);
    g_assert_cmpint(RUN(m, 0xd50b7460), ==, CPU_EXIT_BUDGET);
    for (uint64_t g = 0xc0; g < 0x100; g += 16)
        g_assert_cmpuint(*atag(m, TAGGED + g), ==, 5);
    g_assert_cmpuint(m->mem[TAGGED - BASE + 0xc0], ==, 0xab);
    c->x[0] = tagged(TAGGED + 0x100, 7);
    g_assert_cmpint(RUN(m, 0xd50b7480), ==, CPU_EXIT_BUDGET);
    g_assert_cmpuint(*atag(m, TAGGED + 0x130), ==, 7);
    g_assert_cmpuint(m->mem[TAGGED - BASE + 0x13f], ==, 0);
    machine_free(m);
}

static void test_check_sync(void)
{
    struct machine *m = machine_new();
    struct cpu_state *c = m->cpu;

    *atag(m, TAGGED + 0x100) = 3;
    *atag(m, TAGGED + 0x110) = 4;
    memset(m->mem + (TAGGED - BASE + 0x100), 0x77, 32);
    /* No checks: any tag reads, and the page gets a TLB entry. */
    c->x[0] = TAGGED + 0x100;
    g_assert_cmpint(RUN(m, 0xf940000e), ==, CPU_EXIT_BUDGET);
    /* Turning checks on drops that entry: an untagged pointer faults. */
    cpu_mte_set_tcf(c, CPU_MTE_TCF_SYNC);
    c->x[14] = 0;
    g_assert_cmpint(RUN(m, 0xf940000e), ==, CPU_EXIT_DATA_ABORT);
    g_assert_true(c->exit_info.fault_is_tag_check);
    g_assert_false(c->exit_info.fault_is_write);
    g_assert_cmphex(c->exit_info.fault_addr, ==, TAGGED + 0x100);
    g_assert_cmphex(c->x[14], ==, 0);
    g_assert_cmphex(c->pc, ==, CODE);
    /* The right tag loads, repeatedly (no fast path lets a wrong one by). */
    c->x[0] = tagged(TAGGED + 0x100, 3);
    g_assert_cmpint(RUN(m, 0xf940000e, 0xf940000e), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(c->x[14], ==, 0x7777777777777777ull);
    /* ldr x14, [x0, #16] reaches the granule tagged 4. */
    g_assert_cmpint(RUN(m, 0xf940080e), ==, CPU_EXIT_DATA_ABORT);
    g_assert_cmphex(c->exit_info.fault_addr, ==, tagged(TAGGED + 0x110, 3));
    /* A store that straddles two granules faults at the second one. */
    c->x[0] = tagged(TAGGED + 0x10c, 3);
    g_assert_cmpint(RUN(m, 0xf900000e), ==, CPU_EXIT_DATA_ABORT);
    g_assert_true(c->exit_info.fault_is_write);
    g_assert_cmphex(c->exit_info.fault_addr, ==, tagged(TAGGED + 0x110, 3));
    g_assert_cmpuint(m->mem[TAGGED - BASE + 0x10c], ==, 0x77);
    /* Atomics are checked. */
    c->x[0] = tagged(TAGGED + 0x100, 5);
    g_assert_cmpint(RUN(m, 0xf82f0010), ==, CPU_EXIT_DATA_ABORT);
    g_assert_true(c->exit_info.fault_is_tag_check);
    /* PSTATE.TCO suppresses checks; MSR TCO, #imm and MRS TCO. */
    c->x[0] = TAGGED + 0x100;
    g_assert_cmpint(RUN(m, 0xd503419f, 0xf940000e, 0xd53b42ec), ==,
                    CPU_EXIT_BUDGET);
    g_assert_cmphex(c->x[12], ==, 1ull << 25);
    g_assert_cmpint(RUN(m, 0xd503409f, 0xf940000e), ==, CPU_EXIT_DATA_ABORT);
    g_assert_false(c->mte_tco);
    /* Untagged memory is never checked. */
    c->x[0] = tagged(UNTAGGED, 9);
    g_assert_cmpint(RUN(m, 0xf900000e, 0xf940000e), ==, CPU_EXIT_BUDGET);
    g_assert_false(c->mte_async_fault);
    machine_free(m);
}

/* Tag Unchecked: loads and stores based on SP with an immediate offset
 * (or none) and no writeback are not checked, in a tagged stack whose
 * allocation tags do not match SP's logical tag; the same address through
 * another register, SP with writeback or a register offset is checked. */
static void test_sp_unchecked(void)
{
    static const uint32_t unchecked[] = {
        0xf94003ee,   /* ldr x14, [sp] */
        0xf94007ee,   /* ldr x14, [sp, #8] */
        0xf85f83ee,   /* ldur x14, [sp, #-8] */
        0xf9000bee,   /* str x14, [sp, #16] */
        0xf8018bee,   /* sttr x14, [sp, #24] */
        0xa9403fee,   /* ldp x14, x15, [sp] */
        0xa9013fee,   /* stp x14, x15, [sp, #16] */
        0xa8423fee,   /* ldnp x14, x15, [sp, #32] */
        0xd94083ee,   /* ldapur x14, [sp, #8] */
        0xc85f7fee,   /* ldxr x14, [sp] */
        0xc8037fee,   /* stxr w3, x14, [sp] */
        0xc8dfffee,   /* ldar x14, [sp] */
        0xc89fffee,   /* stlr x14, [sp] */
        0xf82103ee,   /* ldadd x1, x14, [sp] */
        0xc8a17fee,   /* cas x1, x14, [sp] */
        0x3dc007e1,   /* ldr q1, [sp, #16] */
        0x4c4073e1,   /* ld1 {v1.16b}, [sp] */
        0x4c0073e1,   /* st1 {v1.16b}, [sp] */
        0x4d40cbe1,   /* ld1r {v1.4s}, [sp] */
    };
    static const uint32_t checked[] = {
        0xf8410fee,   /* ldr x14, [sp, #16]! */
        0xf84107ee,   /* ldr x14, [sp], #16 */
        0xa9ff3fee,   /* ldp x14, x15, [sp, #-16]! */
        0xf8616bee,   /* ldr x14, [sp, x1] */
        0xf940000e,   /* ldr x14, [x0] */
        0xf940040e,   /* ldr x14, [x0, #8] */
        0xa9403c0e,   /* ldp x14, x15, [x0] */
        0xc85f7c0e,   /* ldxr x14, [x0] */
        0xf821000e,   /* ldadd x1, x14, [x0] */
        0x3dc00401,   /* ldr q1, [x0, #16] */
        0x4cdf73e1,   /* ld1 {v1.16b}, [sp], #16 */
        0x4c407001,   /* ld1 {v1.16b}, [x0] */
    };
    const uint64_t stack = TAGGED + 0x200;
    struct machine *m = machine_new();
    struct cpu_state *c = m->cpu;

    /* The stack's granules carry tag 6; SP's logical tag is 0. */
    for (uint64_t g = stack - 0x40; g < stack + 0x40; g += 16)
        *atag(m, g) = 6;
    cpu_mte_set_tcf(c, CPU_MTE_TCF_SYNC);
    for (size_t i = 0; i < G_N_ELEMENTS(unchecked); i++) {
        c->sp = stack;
        c->x[1] = 0;
        c->x[14] = 0;
        g_assert_cmpint(run(m, &unchecked[i], 1), ==, CPU_EXIT_BUDGET);
        g_assert_false(c->mte_tco);
        g_assert_false(c->mte_async_fault);
    }
    for (size_t i = 0; i < G_N_ELEMENTS(checked); i++) {
        c->sp = stack;
        c->x[0] = stack;
        c->x[1] = 0;
        g_assert_cmpint(run(m, &checked[i], 1), ==, CPU_EXIT_DATA_ABORT);
        g_assert_true(c->exit_info.fault_is_tag_check);
        g_assert_false(c->mte_tco);
        /* A faulting writeback form leaves SP alone. */
        g_assert_cmphex(c->sp, ==, stack);
    }
    /* With the right tag in the pointer, the checked forms pass. */
    c->x[0] = tagged(stack, 6);
    g_assert_cmpint(RUN(m, 0xf940000e, 0xa9403c0e), ==, CPU_EXIT_BUDGET);
    /* TCO set by the program stays set after an SP-based access. */
    c->mte_tco = true;
    c->sp = stack;
    c->x[0] = stack;
    g_assert_cmpint(RUN(m, 0xf94003ee, 0xf940000e), ==, CPU_EXIT_BUDGET);
    g_assert_true(c->mte_tco);
    machine_free(m);
}

static void test_check_async_asymm(void)
{
    struct machine *m = machine_new();
    struct cpu_state *c = m->cpu;

    *atag(m, TAGGED) = 1;
    cpu_mte_set_tcf(c, CPU_MTE_TCF_ASYNC);
    c->x[0] = TAGGED;
    c->x[14] = 0x42;
    /* The store happens; the fault is only recorded. */
    g_assert_cmpint(RUN(m, 0xf900000e), ==, CPU_EXIT_BUDGET);
    g_assert_true(c->mte_async_fault);
    g_assert_cmpuint(m->mem[TAGGED - BASE], ==, 0x42);
    c->mte_async_fault = false;
    /* Asymmetric: reads fault synchronously, writes asynchronously. */
    cpu_mte_set_tcf(c, CPU_MTE_TCF_ASYMM);
    g_assert_cmpint(RUN(m, 0xf940000e), ==, CPU_EXIT_DATA_ABORT);
    g_assert_true(c->exit_info.fault_is_tag_check);
    g_assert_false(c->mte_async_fault);
    g_assert_cmpint(RUN(m, 0xf900000e), ==, CPU_EXIT_BUDGET);
    g_assert_true(c->mte_async_fault);
    machine_free(m);
}

static void test_id_registers(void)
{
    struct machine *m = machine_new();

    /* mrs x1, id_aa64pfr1_el1: MTE field = 3 (FEAT_MTE3). */
    g_assert_cmpint(RUN(m, 0xd5380421), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex((m->cpu->x[1] >> 8) & 0xf, ==, 3);
    g_assert_cmphex(cpu_hwcap2() & (1ull << 18), !=, 0);
    g_assert_cmphex(cpu_hwcap2() & (1ull << 22), !=, 0);
    /* STGM is EL1's. */
    g_assert_cmpint(RUN(m, 0xd9a00020), ==, CPU_EXIT_UNDEF);
    machine_free(m);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/cpu/mte/decode", test_decode);
    g_test_add_func("/cpu/mte/tag-arithmetic", test_tag_arithmetic);
    g_test_add_func("/cpu/mte/irg", test_irg);
    g_test_add_func("/cpu/mte/choose-tag", test_choose_tag);
    g_test_add_func("/cpu/mte/stg-ldg", test_stg_ldg);
    g_test_add_func("/cpu/mte/zeroing-stores", test_zeroing_stores);
    g_test_add_func("/cpu/mte/check-sync", test_check_sync);
    g_test_add_func("/cpu/mte/check-async-asymm", test_check_async_asymm);
    g_test_add_func("/cpu/mte/sp-unchecked", test_sp_unchecked);
    g_test_add_func("/cpu/mte/id-registers", test_id_registers);
    return g_test_run();
}
