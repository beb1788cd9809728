/* Every FP/AdvSIMD pattern row, checked against qemu-aarch64's results.
 *
 * test-cpu-simd-vectors.inc holds random encodings of each row with the
 * register/memory/flag changes qemu-aarch64 -cpu max made when it ran them
 * from the state test-cpu-simd-gen.h builds from each seed. Here the same
 * state is rebuilt, the encoding runs through the FP/SIMD tables, and every
 * change (and every absence of change) must match. */
#include <glib.h>
#include <inttypes.h>
#include <stdio.h>

#include "cpu/a64-simd-common.h"
#include "cpu/cpu-internal.h"
#include "testsuite/unit/test-cpu-simd-lib.h"

struct vector_case {
    uint32_t insn, fpcr;
    uint64_t seed;
    int fault;  /* 0 none, 1 UNDEFINED, 2 memory fault */
    uint32_t nzcv, fpsr;
    int nregs;
    struct {
        int reg;  /* 0-31 V, 32-62 X0-X30 */
        uint64_t lo, hi;
    } regs[6];
    int nmem;
    struct {
        unsigned off;
        uint64_t val;
    } mem[10];
};

static const struct vector_case cases[] = {
#include "testsuite/unit/test-cpu-simd-vectors.inc"
};

static void load_state(struct cpu_state *cpu, const struct simd_gen_state *st)
{
    memcpy(cpu->x, st->x, sizeof st->x);
    for (int i = 0; i < 32; i++)
        memcpy(cpu->z[i].d, st->v[i], 16);
    cpu->nzcv = st->nzcv;
    cpu->fpcr = st->fpcr;
    cpu->fpsr = st->fpsr;
    memcpy(simd_test_mem, st->mem, sizeof simd_test_mem);
}

/* Compare one case; describe the first difference in *why. */
static bool run_case(const struct vector_case *c, GString *why)
{
    static struct simd_gen_state st;
    struct cpu_state *cpu = simd_test_cpu_new();
    simd_gen_state(&st, c->seed, c->insn, c->fpcr);
    load_state(cpu, &st);
    int r = simd_test_exec(cpu, c->insn);
    bool ok = true;
    const char *row = simd_test_row_name(c->insn);

    g_string_printf(why, "insn %08x (%s) fpcr %08x seed %" PRIu64 ": ",
                    c->insn, row ? row : "no row", c->fpcr, c->seed);
    if (c->fault) {
        bool undef = r == A64_EXIT && cpu->exit == CPU_EXIT_UNDEF;
        bool abort = r == A64_EXIT && cpu->exit == CPU_EXIT_DATA_ABORT;
        if ((c->fault == 1 && !undef) || (c->fault == 2 && !abort)) {
            g_string_append_printf(why, "expected %s, got result %d exit %d",
                                   c->fault == 1 ? "UNDEF" : "a data abort",
                                   r, cpu->exit);
            ok = false;
        }
        simd_test_cpu_free(cpu);
        return ok;
    }
    if (r != A64_NEXT) {
        g_string_append_printf(why, "result %d exit %d", r, cpu->exit);
        simd_test_cpu_free(cpu);
        return false;
    }
    uint64_t want[63][2];
    for (int i = 0; i < 32; i++) {
        want[i][0] = st.v[i][0];
        want[i][1] = st.v[i][1];
    }
    for (int i = 0; i < 31; i++) {
        want[32 + i][0] = st.x[i];
        want[32 + i][1] = 0;
    }
    for (int i = 0; i < c->nregs; i++) {
        want[c->regs[i].reg][0] = c->regs[i].lo;
        want[c->regs[i].reg][1] = c->regs[i].hi;
    }
    for (int i = 0; i < 63 && ok; i++) {
        uint64_t lo = i < 32 ? cpu->z[i].d[0] : cpu->x[i - 32];
        uint64_t hi = i < 32 ? cpu->z[i].d[1] : 0;
        if (lo != want[i][0] || hi != want[i][1]) {
            g_string_append_printf(why,
                                   "%s%d = %016" PRIx64 ":%016" PRIx64
                                   ", want %016" PRIx64 ":%016" PRIx64,
                                   i < 32 ? "v" : "x", i < 32 ? i : i - 32,
                                   hi, lo, want[i][1], want[i][0]);
            ok = false;
        }
    }
    for (int i = 0; i < 32 && ok; i++) {
        for (unsigned b = 16; b < CPU_ZREG_BYTES; b++) {
            if (cpu->z[i].b[b]) {
                g_string_append_printf(why, "z%d byte %u not zero", i, b);
                ok = false;
                break;
            }
        }
    }
    if (ok && cpu->nzcv != c->nzcv) {
        g_string_append_printf(why, "nzcv %08x, want %08x", cpu->nzcv, c->nzcv);
        ok = false;
    }
    if (ok && cpu->fpsr != c->fpsr) {
        g_string_append_printf(why, "fpsr %08x, want %08x", cpu->fpsr, c->fpsr);
        ok = false;
    }
    if (ok) {
        uint8_t want_mem[SIMD_GEN_MEM_SIZE];
        memcpy(want_mem, st.mem, sizeof want_mem);
        for (int i = 0; i < c->nmem; i++)
            memcpy(&want_mem[c->mem[i].off], &c->mem[i].val, 8);
        for (unsigned i = 0; i < SIMD_GEN_MEM_SIZE && ok; i += 8) {
            if (memcmp(&want_mem[i], &simd_test_mem[i], 8)) {
                uint64_t got, w;
                memcpy(&got, &simd_test_mem[i], 8);
                memcpy(&w, &want_mem[i], 8);
                g_string_append_printf(why, "mem +%u = %016" PRIx64
                                       ", want %016" PRIx64, i, got, w);
                ok = false;
            }
        }
    }
    simd_test_cpu_free(cpu);
    return ok;
}

/* One GTest case per pattern row, so a failure names the row. */
struct row_group {
    const char *name;
    size_t first, count;
};

static void test_row_group(gconstpointer data)
{
    const struct row_group *g = data;
    GString *why = g_string_new(NULL);
    int failures = 0;
    for (size_t i = g->first; i < g->first + g->count; i++) {
        if (!run_case(&cases[i], why)) {
            if (failures < 10)
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

static void test_tables(void)
{
    g_assert_cmpint(simd_test_check_tables(), ==, 0);
}

/* The core's decoder, holding the integer tables too, must pick the same
 * row for every encoding here: no integer row may shadow an FP/SIMD one. */
static void test_core_decoder_agrees(void)
{
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        const char *ours = simd_test_row_name(cases[i].insn);
        const char *core = a64_decode_name(cases[i].insn);
        if (g_strcmp0(ours, core) != 0) {
            g_test_message("insn %08x: FP/SIMD tables say %s, decoder %s",
                           cases[i].insn, ours ? ours : "none",
                           core ? core : "none");
            g_test_fail();
        }
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/cpu/simd/tables", test_tables);
    g_test_add_func("/cpu/simd/core-decoder-agrees", test_core_decoder_agrees);
    size_t n = sizeof cases / sizeof cases[0];
    size_t i = 0;
    while (i < n) {
        const char *name = simd_test_row_name(cases[i].insn);
        struct row_group *g = g_new0(struct row_group, 1);
        g->first = i;
        g->name = name ? name : "unmatched";
        while (i < n && simd_test_row_name(cases[i].insn) == name)
            i++;
        g->count = i - g->first;
        char *path = g_strdup_printf("/cpu/simd/vectors/%s/%zu", g->name, g->first);
        g_test_add_data_func_full(path, g, test_row_group, g_free);
        g_free(path);
    }
    return g_test_run();
}
