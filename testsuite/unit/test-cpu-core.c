/* The integer core: data processing, branches, system instructions, the
 * run loop's accounting and its exits.
 *
 * The vector tests (test-cpu-core-vectors.h) run snippets whose expected
 * results came from qemu-aarch64; the rest are written out by hand. */
#include <glib.h>
#include <string.h>

#include "cpu/cpu-internal.h"
#include "testsuite/unit/cpu-core-harness.h"

struct core_vector {
    const char *name;
    const uint32_t *insns;
    size_t n;
    uint32_t nzcv_in;
    uint64_t x_out[31];
    uint32_t nzcv_out;
};

#include "testsuite/unit/test-cpu-core-vectors.h"

struct core_random_case {
    uint32_t insn;
    uint32_t nzcv_in;
    uint64_t rd_out;
    uint32_t nzcv_out;
};

#include "testsuite/unit/test-cpu-core-random.h"

/* Run a snippet placed at HARNESS_CODE until it falls off its end into
 * the zeroed memory after it (0x00000000 is UDF). */
static void test_vector(gconstpointer data)
{
    const struct core_vector *v = data;
    struct harness *h = harness_new();
    struct cpu_state *cpu = h->cpu;
    uint64_t end = HARNESS_CODE + v->n * 4;

    memcpy(cpu->x, core_vector_init, sizeof(core_vector_init));
    cpu->nzcv = v->nzcv_in;
    harness_code(h, HARNESS_CODE, v->insns, v->n);
    g_assert_cmpint(harness_run(h, 100000), ==, CPU_EXIT_UNDEF);
    g_assert_cmphex(cpu->pc, ==, end);
    g_assert_cmphex(cpu->exit_info.insn, ==, 0);
    for (unsigned i = 0; i < 31; i++) {
        if (cpu->x[i] != v->x_out[i])
            g_error("%s: x%u = 0x%" G_GINT64_MODIFIER "x, expected 0x%"
                    G_GINT64_MODIFIER "x", v->name, i, cpu->x[i],
                    v->x_out[i]);
    }
    g_assert_cmphex(cpu->nzcv, ==, v->nzcv_out);
    g_assert_cmphex(cpu->x[31], ==, 0);
    harness_free(h);
}

/* Random data-processing encodings, one at a time, against qemu's results. */
static void test_random_dp(void)
{
    struct harness *h = harness_new();
    struct cpu_state *cpu = h->cpu;
    unsigned failures = 0;

    for (size_t i = 0; i < G_N_ELEMENTS(core_random_cases); i++) {
        const struct core_random_case *c = &core_random_cases[i];
        unsigned rd = c->insn & 31;
        enum cpu_exit e;

        memcpy(cpu->x, core_vector_init, sizeof(core_vector_init));
        cpu->nzcv = c->nzcv_in;
        harness_code(h, HARNESS_CODE, &c->insn, 1);
        e = harness_run(h, 1);
        if (e != CPU_EXIT_BUDGET || (rd != 31 && cpu->x[rd] != c->rd_out) ||
            cpu->nzcv != c->nzcv_out) {
            g_test_message("0x%08x: exit %s, x%u = 0x%" G_GINT64_MODIFIER
                           "x (expected 0x%" G_GINT64_MODIFIER "x), nzcv "
                           "0x%08x (expected 0x%08x)", c->insn,
                           cpu_exit_name(e), rd, cpu->x[rd], c->rd_out,
                           cpu->nzcv, c->nzcv_out);
            failures++;
        }
    }
    g_assert_cmpuint(failures, ==, 0);
    harness_free(h);
}

static void test_adrp(void)
{
    struct harness *h = harness_new();

    /* at 0x10ffc: adrp x0, . + 0x3000 -> page 0x13000 */
    HARNESS_CODE_AT(h, 0x10ffc, 0xf0000000 /* adrp x0, . + 0x3000 */,
                    0x10008001 /* adr x1, . + 0x1000 */);
    g_assert_cmpint(harness_run(h, 2), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(h->cpu->x[0], ==, 0x13000);
    /* adr x1, . + 0x1000 at 0x11000 */
    g_assert_cmphex(h->cpu->x[1], ==, 0x12000);
    harness_free(h);
}

static void test_budget_and_single_step(void)
{
    struct harness *h = harness_new();
    struct cpu_state *cpu = h->cpu;

    /* 1: add x0, x0, #1; b 1b */
    HARNESS_CODE_AT(h, HARNESS_CODE, 0x91000400, 0x17ffffff);
    g_assert_cmpint(cpu_run(cpu, 0), ==, CPU_EXIT_BUDGET);
    g_assert_cmpuint(cpu->icount, ==, 0);
    g_assert_cmpint(cpu_run(cpu, 1), ==, CPU_EXIT_BUDGET);
    g_assert_cmpuint(cpu->icount, ==, 1);
    g_assert_cmphex(cpu->pc, ==, HARNESS_CODE + 4);
    g_assert_cmpuint(cpu->x[0], ==, 1);
    g_assert_cmpint(cpu_run(cpu, 1), ==, CPU_EXIT_BUDGET);
    g_assert_cmphex(cpu->pc, ==, HARNESS_CODE);
    g_assert_cmpint(cpu_run(cpu, 1001), ==, CPU_EXIT_BUDGET);
    g_assert_cmpuint(cpu->icount, ==, 1003);
    /* 1003 = 501 adds + 502 branches: pc back at the add. */
    g_assert_cmpuint(cpu->x[0], ==, 502);
    g_assert_cmphex(cpu->pc, ==, HARNESS_CODE + 4);
    harness_free(h);
}

static void test_straight_line_across_pages(void)
{
    struct harness *h = harness_new();
    struct cpu_state *cpu = h->cpu;
    uint32_t *code = (uint32_t *)harness_ptr(h, HARNESS_CODE);

    /* 1500 x "add x0, x0, #1": runs across a page boundary. */
    for (unsigned i = 0; i < 1500; i++)
        code[i] = 0x91000400;
    cpu_code_invalidate(cpu, HARNESS_CODE, 1500 * 4);
    g_assert_cmpint(cpu_run(cpu, 1500), ==, CPU_EXIT_BUDGET);
    g_assert_cmpuint(cpu->x[0], ==, 1500);
    g_assert_cmpuint(cpu->icount, ==, 1500);
    g_assert_cmpint(cpu_run(cpu, 10), ==, CPU_EXIT_UNDEF);
    g_assert_cmphex(cpu->pc, ==, HARNESS_CODE + 1500 * 4);
    g_assert_cmpuint(cpu->icount, ==, 1500);
    harness_free(h);
}

static void test_request_exit(void)
{
    struct harness *h = harness_new();

    HARNESS_CODE_AT(h, HARNESS_CODE, 0x91000400, 0x17ffffff);
    cpu_request_exit(h->cpu);
    g_assert_cmpint(cpu_run(h->cpu, 100), ==, CPU_EXIT_REQUEST);
    g_assert_cmpuint(h->cpu->icount, ==, 0);
    /* The request is consumed. */
    g_assert_cmpint(cpu_run(h->cpu, 100), ==, CPU_EXIT_BUDGET);
    harness_free(h);
}

static gpointer request_exit_later(gpointer data)
{
    struct cpu_state *cpu = data;

    g_usleep(20000);
    cpu_request_exit(cpu);
    return NULL;
}

/* Another thread's request stops an endless loop (b .) promptly. */
static void test_request_exit_running(void)
{
    struct harness *h = harness_new();
    GThread *t;

    HARNESS_CODE_AT(h, HARNESS_CODE, 0x14000000 /* b . */);
    t = g_thread_new("request-exit", request_exit_later, h->cpu);
    g_assert_cmpint(cpu_run(h->cpu, UINT64_MAX), ==, CPU_EXIT_REQUEST);
    g_thread_join(t);
    g_assert_cmpuint(h->cpu->icount, >, 0);
    g_assert_cmphex(h->cpu->pc, ==, HARNESS_CODE);
    harness_free(h);
}

/* Loads and stores that hit the TLB do not ask the owner again. */
static void test_tlb_caches_translations(void)
{
    struct harness *h = harness_new();
    unsigned before;

    /* 1: ldr x2, [x1]; str x2, [x1, #8]; subs x0, x0, #1; b.ne 1b */
    HARNESS_CODE_AT(h, HARNESS_CODE, 0xf9400022, 0xf9000422, 0xf1000400,
                    0x54ffffa1);
    h->cpu->x[0] = 1000;
    h->cpu->x[1] = HARNESS_DATA + 0x100;
    g_assert_cmpint(harness_run(h, 8), ==, CPU_EXIT_BUDGET);
    before = h->translations;
    g_assert_cmpint(harness_run(h, 998 * 4), ==, CPU_EXIT_BUDGET);
    g_assert_cmpuint(h->translations, ==, before);
    g_assert_cmpuint(h->cpu->x[0], ==, 0);
    /* After a flush the next access asks again. */
    cpu_tlb_flush(h->cpu);
    h->cpu->pc = HARNESS_CODE;
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_BUDGET);
    g_assert_cmpuint(h->translations, >, before);
    harness_free(h);
}

static void test_undef(void)
{
    struct harness *h = harness_new();

    /* nop; udf #0 */
    HARNESS_CODE_AT(h, HARNESS_CODE, 0xd503201f, 0x00000000);
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_UNDEF);
    g_assert_cmphex(h->cpu->pc, ==, HARNESS_CODE + 4);
    g_assert_cmphex(h->cpu->exit_info.insn, ==, 0);
    g_assert_cmpuint(h->cpu->icount, ==, 1);
    /* Unallocated encodings in several classes. */
    /* Unallocated encodings in several classes. */
    static const uint32_t undefs[] = {
        0x12c00000, /* logical (immediate), sf=0 with N=1 */
        0x32a00000, /* move wide, opc=01 */
        0x1ac0fc00, /* data processing (2 source), opcode 111111 */
        0xd63f0800, /* BLRAA-class: no pointer authentication */
        0xd4000002, /* HVC: not from EL0 */
        0x38bf8000 | (1u << 12), /* LDAPR space with opc != 100 */
    };
    for (unsigned i = 0; i < G_N_ELEMENTS(undefs); i++) {
        harness_code(h, HARNESS_CODE, &undefs[i], 1);
        g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_UNDEF);
        g_assert_cmphex(h->cpu->exit_info.insn, ==, undefs[i]);
        g_assert_cmphex(h->cpu->pc, ==, HARNESS_CODE);
    }
    harness_free(h);
}

static void test_svc_brk_hlt(void)
{
    struct harness *h = harness_new();
    struct cpu_state *cpu = h->cpu;

    /* svc #0x12; brk #0x3e8; hlt #0xf000 */
    HARNESS_CODE_AT(h, HARNESS_CODE, 0xd4000241, 0xd4207d00, 0xd45e0000);
    cpu->excl_valid = true;
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_SVC);
    g_assert_cmphex(cpu->pc, ==, HARNESS_CODE + 4);
    g_assert_cmpuint(cpu->exit_info.imm, ==, 0x12);
    g_assert_cmpuint(cpu->icount, ==, 1);
    g_assert_false(cpu->excl_valid);
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_BRK);
    g_assert_cmphex(cpu->pc, ==, HARNESS_CODE + 4);
    g_assert_cmpuint(cpu->exit_info.imm, ==, 0x3e8);
    g_assert_cmpuint(cpu->icount, ==, 1);
    cpu->pc += 4;
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_HLT);
    g_assert_cmpuint(cpu->exit_info.imm, ==, 0xf000);
    g_assert_cmphex(cpu->pc, ==, HARNESS_CODE + 8);
    harness_free(h);
}

static void test_sysregs(void)
{
    struct harness *h = harness_new();
    struct cpu_state *cpu = h->cpu;

    HARNESS_CODE_AT(h, HARNESS_CODE,
        0xd53b00e0, /* mrs x0, dczid_el0 */
        0xd53b0021, /* mrs x1, ctr_el0 */
        0xd5380002, /* mrs x2, midr_el1 */
        0xd5380603, /* mrs x3, id_aa64isar0_el1 */
        0xd5380404, /* mrs x4, id_aa64pfr0_el1 */
        0xd53be005, /* mrs x5, cntfrq_el0 */
        0xd53be046, /* mrs x6, cntvct_el0 */
        0xd53bd067, /* mrs x7, tpidrro_el0 */
        0xd5380728, /* mrs x8, id_aa64mmfr1_el1 (reads as zero) */
        0xd51b4409, /* msr fpcr, x9 */
        0xd53b440a, /* mrs x10, fpcr */
        0xd51b442b, /* msr fpsr, x11 */
        0xd53b442c, /* mrs x12, fpsr */
        0xd5380621, /* mrs x1, id_aa64isar1_el1 */
        0xd53c1000  /* mrs x0, sctlr_el2: UNDEF at EL0 */
    );
    cpu->icount = 1600;
    cpu->tpidrro_el0 = 0x1234;
    cpu->x[8] = 77;
    cpu->x[9] = ~0ull;
    cpu->x[11] = ~0ull;
    g_assert_cmpint(harness_run(h, 100), ==, CPU_EXIT_UNDEF);
    g_assert_cmphex(cpu->exit_info.insn, ==, 0xd53c1000);
    g_assert_cmphex(cpu->x[0], ==, 4);
    /* ISAR1: DPB 2, APA, JSCVT, FCMA, LRCPC 2, GPA, FRINTTS, SB, BF16,
     * I8MM. */
    g_assert_cmphex(cpu->x[1], ==,
                    2 | (1ull << 4) | (1ull << 12) | (1ull << 16) | (2ull << 20) |
                        (1ull << 24) | (1ull << 32) | (1ull << 36) | (1ull << 44) |
                        (1ull << 52));
    g_assert_cmphex(cpu->x[2], ==, 0x410fd083);
    /* ISAR0: AES+PMULL 2, SHA1, SHA2+SHA512 2, CRC32, atomics 2, RDM,
     * SHA3, SM3, SM4, DP, FHM, FlagM 2. */
    g_assert_cmphex(cpu->x[3], ==,
                    (2ull << 4) | (1ull << 8) | (2ull << 12) | (1ull << 16) |
                        (2ull << 20) | (1ull << 28) | (1ull << 32) |
                        (1ull << 36) | (1ull << 40) |
                        (1ull << 44) | (1ull << 48) | (2ull << 52));
    /* PFR0: EL0 and EL1 AArch64; FP and AdvSIMD with half precision; SVE. */
    g_assert_cmphex(cpu->x[4], ==, 0x100110011ull);
    g_assert_cmpuint(cpu->x[5], ==, 62500000);
    g_assert_cmpuint(cpu->x[6], ==, (1600 + 6) / 16);
    g_assert_cmphex(cpu->x[7], ==, 0x1234);
    g_assert_cmphex(cpu->x[8], ==, 0);
    g_assert_cmphex(cpu->x[10], ==, 0x07c80000);
    g_assert_cmphex(cpu->x[12], ==, 0xf800009f);
    g_assert_cmphex(cpu->fpcr, ==, 0x07c80000);

    /* Writing a read-only register is UNDEFINED. */
    HARNESS_CODE_AT(h, HARNESS_CODE, 0xd51b0020 /* msr ctr_el0, x0 */);
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_UNDEF);
    g_assert_cmphex(cpu->pc, ==, HARNESS_CODE);
    harness_free(h);
}

static void test_cpsr_hwcap(void)
{
    struct harness *h = harness_new();

    cpu_set_cpsr(h->cpu, 0x600003c5);
    g_assert_cmphex(h->cpu->nzcv, ==, 0x60000000);
    g_assert_cmphex(cpu_get_cpsr(h->cpu), ==, 0x60000000);
    /* FP, ASIMD, CRC32, ATOMICS, CPUID, PACA, PACG, SVE and SVE2; not
     * BTI (HWCAP2 17). MTE's bits are checked in test-cpu-mte. */
    g_assert_cmphex(cpu_hwcap() & 0x983, ==, 0x983);
    g_assert_cmphex(cpu_hwcap() & ((1ull << 30) | (1ull << 31)), ==,
                    (1ull << 30) | (1ull << 31));
    g_assert_cmphex(cpu_hwcap() & (1ull << 22), ==, 1ull << 22);
    g_assert_cmphex(cpu_hwcap2() & ((1ull << 1) | (1ull << 17)), ==,
                    1ull << 1);
    g_assert_cmpstr(cpu_exit_name(CPU_EXIT_WATCHPOINT), ==, "watchpoint");
    harness_free(h);
}

static void test_insn_abort(void)
{
    struct harness *h = harness_new();
    struct cpu_state *cpu = h->cpu;

    /* Jump to non-executable, then unmapped memory: br x0. */
    HARNESS_CODE_AT(h, HARNESS_CODE, 0xd61f0000);
    cpu->x[0] = HARNESS_NOEXEC + 8;
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_INSN_ABORT);
    g_assert_cmphex(cpu->pc, ==, HARNESS_NOEXEC + 8);
    g_assert_cmphex(cpu->exit_info.fault_addr, ==, HARNESS_NOEXEC + 8);
    g_assert_cmpuint(cpu->icount, ==, 1);
    cpu->pc = HARNESS_UNMAPPED;
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_INSN_ABORT);
    g_assert_cmphex(cpu->exit_info.fault_addr, ==, HARNESS_UNMAPPED);
    /* A misaligned target. */
    cpu->pc = HARNESS_CODE;
    cpu->x[0] = HARNESS_CODE + 2;
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_ALIGNMENT);
    g_assert_cmphex(cpu->exit_info.fault_addr, ==, HARNESS_CODE + 2);
    harness_free(h);
}

static void test_self_modifying_code(void)
{
    struct harness *h = harness_new();
    struct cpu_state *cpu = h->cpu;

    /* 0: ldr w1, [x2]       load the new encoding
     * 4: str w1, [x3]       overwrite the instruction at 12
     * 8: nop
     * 12: mov x0, #1        becomes mov x0, #2
     * 16: b 0 (loop once more, controlled by the budget) */
    HARNESS_CODE_AT(h, HARNESS_CODE, 0xb9400041, 0xb9000061, 0xd503201f,
                    0xd2800020, 0x17fffffc);
    *(uint32_t *)harness_ptr(h, HARNESS_DATA) = 0xd2800040; /* mov x0, #2 */
    cpu->x[2] = HARNESS_DATA;
    cpu->x[3] = HARNESS_CODE + 12;
    /* Decode the whole loop once with the old bytes first. */
    cpu->pc = HARNESS_CODE + 12;
    g_assert_cmpint(harness_run(h, 2), ==, CPU_EXIT_BUDGET);
    g_assert_cmpuint(cpu->x[0], ==, 1);
    g_assert_cmphex(cpu->pc, ==, HARNESS_CODE);
    g_assert_cmpint(harness_run(h, 4), ==, CPU_EXIT_BUDGET);
    g_assert_cmpuint(cpu->x[0], ==, 2);
    g_assert_cmphex(*(uint32_t *)harness_ptr(h, HARNESS_CODE + 12), ==,
                    0xd2800040);

    /* A debugger-style write outside the CPU, announced. */
    *(uint32_t *)harness_ptr(h, HARNESS_CODE + 12) = 0xd2800060; /* #3 */
    cpu_code_invalidate(cpu, HARNESS_CODE + 12, 4);
    cpu->pc = HARNESS_CODE + 12;
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_BUDGET);
    g_assert_cmpuint(cpu->x[0], ==, 3);

    /* Huge ranges (a guest unmapping everything) end quickly. */
    *(uint32_t *)harness_ptr(h, HARNESS_CODE + 12) = 0xd28000a0; /* #5 */
    cpu_code_invalidate(cpu, 0, UINT64_MAX);
    cpu_code_invalidate(cpu, HARNESS_CODE + 8, UINT64_MAX);
    cpu->pc = HARNESS_CODE + 12;
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_BUDGET);
    g_assert_cmpuint(cpu->x[0], ==, 5);

    /* cpu_tlb_flush drops everything: a new mapping of the page. */
    *(uint32_t *)harness_ptr(h, HARNESS_CODE + 12) = 0xd2800080; /* #4 */
    cpu_tlb_flush(cpu);
    cpu->pc = HARNESS_CODE + 12;
    g_assert_cmpint(harness_run(h, 1), ==, CPU_EXIT_BUDGET);
    g_assert_cmpuint(cpu->x[0], ==, 4);
    harness_free(h);
}

static void test_dc_zva(void)
{
    struct harness *h = harness_new();
    struct cpu_state *cpu = h->cpu;

    memset(harness_ptr(h, HARNESS_DATA), 0xaa, 256);
    /* dc zva, x0; dc civac, x0; ic ivau, x0 */
    HARNESS_CODE_AT(h, HARNESS_CODE, 0xd50b7420, 0xd50b7e20, 0xd50b7520);
    cpu->x[0] = HARNESS_DATA + 64 + 17;
    g_assert_cmpint(harness_run(h, 3), ==, CPU_EXIT_BUDGET);
    for (unsigned i = 0; i < 256; i++)
        g_assert_cmpuint(harness_ptr(h, HARNESS_DATA)[i], ==,
                         i >= 64 && i < 128 ? 0 : 0xaa);
    /* Into read-only memory: a permission fault, pc at the insn. */
    cpu->pc = HARNESS_CODE;
    cpu->x[0] = HARNESS_RODATA + 100;
    g_assert_cmpint(harness_run(h, 3), ==, CPU_EXIT_DATA_ABORT);
    g_assert_true(cpu->exit_info.fault_is_write);
    g_assert_true(cpu->exit_info.fault_is_perm);
    g_assert_cmphex(cpu->pc, ==, HARNESS_CODE);
    harness_free(h);
}

/* The decode tables (the core's and the FP/SIMD files') compile, and no two
 * equally specific rows match the same encoding: the decoder reports such
 * table bugs on stderr the first time it runs. */
static void test_decode_tables(void)
{
    if (g_test_subprocess()) {
        g_assert_true(a64_decode(0x91001420) != a64_undef); /* add x0, x1, #5 */
        g_assert_cmpstr(a64_decode_name(0x91001420), ==, "ADD_imm");
        g_assert_true(a64_decode(0x00000000) == a64_undef);
        g_assert_null(a64_decode_name(0x00000000));
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_passed();
    g_test_trap_assert_stderr_unmatched("*decode table*");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    for (size_t i = 0; i < G_N_ELEMENTS(core_vectors); i++) {
        char *path = g_strdup_printf("/cpu-core/vector/%s", core_vectors[i].name);
        g_test_add_data_func(path, &core_vectors[i], test_vector);
        g_free(path);
    }
    g_test_add_func("/cpu-core/decode-tables", test_decode_tables);
    g_test_add_func("/cpu-core/random-dp", test_random_dp);
    g_test_add_func("/cpu-core/adrp", test_adrp);
    g_test_add_func("/cpu-core/budget-single-step", test_budget_and_single_step);
    g_test_add_func("/cpu-core/straight-line-pages", test_straight_line_across_pages);
    g_test_add_func("/cpu-core/request-exit", test_request_exit);
    g_test_add_func("/cpu-core/request-exit-running", test_request_exit_running);
    g_test_add_func("/cpu-core/tlb-caches", test_tlb_caches_translations);
    g_test_add_func("/cpu-core/undef", test_undef);
    g_test_add_func("/cpu-core/svc-brk-hlt", test_svc_brk_hlt);
    g_test_add_func("/cpu-core/sysregs", test_sysregs);
    g_test_add_func("/cpu-core/cpsr-hwcap", test_cpsr_hwcap);
    g_test_add_func("/cpu-core/insn-abort", test_insn_abort);
    g_test_add_func("/cpu-core/self-modifying-code", test_self_modifying_code);
    g_test_add_func("/cpu-core/dc-zva", test_dc_zva);
    return g_test_run();
}
