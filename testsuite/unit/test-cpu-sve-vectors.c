/* SVE instructions checked against qemu-aarch64's results.
 *
 * test-cpu-sve-vectors.inc holds random encodings of the SVE pattern rows,
 * each run by qemu-aarch64 -cpu max,sve-max-vq=16 at several vector lengths
 * (128 to 2048 bits, powers of two and not) from the state
 * test-cpu-sve-gen.h builds from the case's seed; qemu printed NZCV, FPSR
 * and a digest of every register and the memory window. Here the same state
 * is rebuilt, the instruction runs through the core's decoder and run loop
 * (cpu_run), and the outcome must match. Set SVE_VECTORS_VERBOSE=1 to print
 * what changed, in the oracle's -v format, for the failing cases. */
#include <glib.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "cpu/cpu-internal.h"
#include "testsuite/unit/test-cpu-sve-gen.h"

struct sve_case {
    uint32_t insn;
    unsigned vl, mode;
    uint32_t fpcr;
    uint64_t seed;
    int fault;  /* 0 none, 1 UNDEFINED, 2 memory fault */
    uint32_t nzcv, fpsr;
    uint64_t digest;
};

static const struct sve_case cases[] = {
#include "testsuite/unit/test-cpu-sve-vectors.inc"
};

#define CODE_VA 0x400000ull

static uint8_t code_page[4096] __attribute__((aligned(4096)));
static uint8_t mem[SVE_GEN_MEM_SIZE] __attribute__((aligned(4096)));

static int test_translate(void *opaque, uint64_t va, uint8_t **host,
                          unsigned *prot)
{
    uint64_t page = va & CPU_PAGE_MASK;
    (void)opaque;
    if (page == CODE_VA) {
        *host = code_page;
        *prot = CPU_PROT_READ | CPU_PROT_EXEC;
        return 0;
    }
    if (page >= SVE_GEN_MEM_BASE && page < SVE_GEN_MEM_BASE + SVE_GEN_MEM_SIZE) {
        *host = mem + (page - SVE_GEN_MEM_BASE);
        *prot = CPU_PROT_READ | CPU_PROT_WRITE;
        return 0;
    }
    return -1;
}

static const struct cpu_mem_ops test_ops = { .translate = test_translate };

static void dump_changes(const struct cpu_state *cpu,
                         const struct sve_gen_state *st, unsigned vl)
{
    for (int i = 0; i < 31; i++)
        if (cpu->x[i] != st->x[i])
            printf("x%d %016" PRIx64 "\n", i, cpu->x[i]);
    for (int i = 0; i < 32; i++)
        if (memcmp(cpu->z[i].b, st->z[i], vl)) {
            printf("z%d", i);
            for (int j = (int)vl / 8 - 1; j >= 0; j--)
                printf(" %016" PRIx64, cpu->z[i].d[j]);
            printf("\n");
        }
    for (int i = 0; i < 16; i++)
        if (memcmp(cpu->p[i], st->p[i], vl / 8)) {
            printf("p%d", i);
            for (int j = (int)vl / 8 - 1; j >= 0; j--)
                printf(" %02x", cpu->p[i][j]);
            printf("\n");
        }
    if (memcmp(cpu->ffr, st->ffr, vl / 8)) {
        printf("ffr");
        for (int j = (int)vl / 8 - 1; j >= 0; j--)
            printf(" %02x", cpu->ffr[j]);
        printf("\n");
    }
    for (unsigned i = 0; i < SVE_GEN_MEM_SIZE; i += 8)
        if (memcmp(mem + i, st->mem + i, 8)) {
            uint64_t v;
            memcpy(&v, mem + i, 8);
            printf("mem+%u %016" PRIx64 "\n", i, v);
        }
}

/* Run one case; describe the first difference in *why. */
static bool run_case(const struct sve_case *c, GString *why)
{
    static struct sve_gen_state st;
    static uint8_t z[32][256], p[16][32];
    struct cpu_state *cpu = cpu_new(&test_ops, NULL);
    bool ok = true;
    const char *row = a64_decode_name(c->insn);

    sve_gen_state(&st, c->seed, c->insn, c->mode, c->fpcr);
    memcpy(cpu->x, st.x, sizeof st.x);
    for (int i = 0; i < 32; i++)
        memcpy(cpu->z[i].b, st.z[i], 256);
    memcpy(cpu->p, st.p, sizeof st.p);
    memcpy(cpu->ffr, st.ffr, sizeof st.ffr);
    cpu->nzcv = st.nzcv;
    cpu->fpcr = st.fpcr;
    cpu->fpsr = st.fpsr;
    cpu->sve_vl = c->vl;
    memcpy(mem, st.mem, sizeof mem);
    memcpy(code_page, &c->insn, 4);
    cpu->pc = CODE_VA;
    cpu->sp = 0;

    enum cpu_exit e = cpu_run(cpu, 1);
    g_string_printf(why, "insn %08x (%s) vl %u mode %u fpcr %x seed %" PRIu64
                    ": ", c->insn, row ? row : "no row", c->vl, c->mode,
                    c->fpcr, c->seed);
    if (c->fault) {
        enum cpu_exit want = c->fault == 1 ? CPU_EXIT_UNDEF
                                           : CPU_EXIT_DATA_ABORT;
        if (e != want) {
            g_string_append_printf(why, "expected %s, got %s",
                                   cpu_exit_name(want), cpu_exit_name(e));
            ok = false;
        }
        cpu_free(cpu);
        return ok;
    }
    if (e != CPU_EXIT_BUDGET || cpu->pc != CODE_VA + 4) {
        g_string_append_printf(why, "exit %s at pc %" PRIx64,
                               cpu_exit_name(e), cpu->pc);
        cpu_free(cpu);
        return false;
    }
    for (int i = 0; i < 32; i++)
        memcpy(z[i], cpu->z[i].b, 256);
    memcpy(p, cpu->p, sizeof p);
    uint64_t h = sve_gen_digest(cpu->x, z, p, cpu->ffr, mem, c->vl);
    if (cpu->nzcv != c->nzcv) {
        g_string_append_printf(why, "nzcv %08x, want %08x ", cpu->nzcv,
                               c->nzcv);
        ok = false;
    }
    if (cpu->fpsr != c->fpsr) {
        g_string_append_printf(why, "fpsr %08x, want %08x ", cpu->fpsr,
                               c->fpsr);
        ok = false;
    }
    if (h != c->digest) {
        g_string_append_printf(why, "state digest %016" PRIx64 ", want %016"
                               PRIx64, h, c->digest);
        ok = false;
    }
    if (!ok && getenv("SVE_VECTORS_VERBOSE")) {
        printf("# %s\n", why->str);
        dump_changes(cpu, &st, c->vl);
    }
    cpu_free(cpu);
    return ok;
}

struct row_group {
    size_t first, count;
};

static void test_row_group(gconstpointer data)
{
    const struct row_group *g = data;
    GString *why = g_string_new(NULL);
    int failures = 0;
    for (size_t i = g->first; i < g->first + g->count; i++) {
        if (!run_case(&cases[i], why)) {
            if (failures < 5)
                g_test_message("%s", why->str);
            failures++;
        }
    }
    g_string_free(why, TRUE);
    if (failures) {
        g_test_message("%d of %zu cases differ from qemu-aarch64", failures,
                       g->count);
        g_test_fail();
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    size_t n = G_N_ELEMENTS(cases);
    size_t i = 0;
    while (i < n) {
        const char *name = a64_decode_name(cases[i].insn);
        struct row_group *g = g_new0(struct row_group, 1);
        g->first = i;
        while (i < n && a64_decode_name(cases[i].insn) == name)
            i++;
        g->count = i - g->first;
        char *path = g_strdup_printf("/cpu/sve/vectors/%s/%zu",
                                     name ? name : "unmatched", g->first);
        g_test_add_data_func_full(path, g, test_row_group, g_free);
        g_free(path);
    }
    return g_test_run();
}
