/* Test support for the FP/AdvSIMD handlers; see test-cpu-simd-lib.h. */
#include <glib.h>
#include <string.h>

#include "cpu/a64-simd-common.h"
#include "testsuite/unit/test-cpu-simd-lib.h"

uint8_t simd_test_mem[SIMD_GEN_MEM_SIZE];

struct compiled_row {
    const struct a64_pattern *row;
    uint32_t mask, value;
    int fixed;
};

static bool compile_row(const struct a64_pattern *row, struct compiled_row *c)
{
    int n = 0;
    c->row = row;
    c->mask = c->value = 0;
    for (const char *p = row->bits; *p; p++) {
        if (*p == ' ' || *p == '_')
            continue;
        if (n == 32)
            return false;
        c->mask <<= 1;
        c->value <<= 1;
        if (*p == '0' || *p == '1') {
            c->mask |= 1;
            c->value |= (uint32_t)(*p - '0');
        }
        n++;
    }
    c->fixed = __builtin_popcount(c->mask);
    return n == 32;
}

static const struct a64_pattern *find_row(uint32_t insn)
{
    const struct a64_pattern *best = NULL;
    int best_fixed = -1;
    for (int t = 0; a64_fp_simd_tables[t]; t++) {
        for (const struct a64_pattern *row = a64_fp_simd_tables[t]; row->name;
             row++) {
            struct compiled_row c;
            if (!compile_row(row, &c))
                continue;
            if ((insn & c.mask) == c.value && c.fixed > best_fixed) {
                best = row;
                best_fixed = c.fixed;
            }
        }
    }
    return best;
}

const char *simd_test_row_name(uint32_t insn)
{
    const struct a64_pattern *row = find_row(insn);
    return row ? row->name : NULL;
}

int simd_test_exec(struct cpu_state *cpu, uint32_t insn)
{
    const struct a64_pattern *row = find_row(insn);
    cpu->exit = CPU_EXIT_NONE;
    if (!row)
        return a64_undef(cpu, insn);
    return row->handler(cpu, insn);
}

int simd_test_check_tables(void)
{
    GArray *rows = g_array_new(FALSE, FALSE, sizeof(struct compiled_row));
    int problems = 0;
    for (int t = 0; a64_fp_simd_tables[t]; t++) {
        for (const struct a64_pattern *row = a64_fp_simd_tables[t]; row->name;
             row++) {
            struct compiled_row c;
            if (!compile_row(row, &c)) {
                g_test_message("%s: pattern is not 32 bits", row->name);
                problems++;
                continue;
            }
            g_array_append_val(rows, c);
        }
    }
    for (guint i = 0; i < rows->len; i++) {
        struct compiled_row *a = &g_array_index(rows, struct compiled_row, i);
        for (guint j = i + 1; j < rows->len; j++) {
            struct compiled_row *b = &g_array_index(rows, struct compiled_row, j);
            uint32_t both = a->mask & b->mask;
            if ((a->value & both) == (b->value & both) && a->fixed == b->fixed) {
                g_test_message("%s and %s overlap with equal specificity",
                               a->row->name, b->row->name);
                problems++;
            }
        }
    }
    g_array_free(rows, TRUE);
    return problems;
}

/* Guest memory: one window of SIMD_GEN_MEM_SIZE bytes at SIMD_GEN_MEM_BASE,
 * through the core's real TLB and memory path. */
static int flat_translate(void *opaque, uint64_t vaddr, uint8_t **host,
                          unsigned *prot)
{
    (void)opaque;
    if (vaddr < SIMD_GEN_MEM_BASE ||
        vaddr - SIMD_GEN_MEM_BASE >= SIMD_GEN_MEM_SIZE)
        return -1;
    *host = simd_test_mem + ((vaddr - SIMD_GEN_MEM_BASE) & CPU_PAGE_MASK);
    *prot = CPU_PROT_READ | CPU_PROT_WRITE | CPU_PROT_EXEC;
    return 0;
}

static const struct cpu_mem_ops flat_ops = { .translate = flat_translate };

struct cpu_state *simd_test_cpu_new(void)
{
    return cpu_new(&flat_ops, NULL);
}

void simd_test_cpu_free(struct cpu_state *cpu)
{
    cpu_free(cpu);
}

uint32_t simd_test_f32(float f)
{
    uint32_t u;
    memcpy(&u, &f, 4);
    return u;
}

uint64_t simd_test_f64(double d)
{
    uint64_t u;
    memcpy(&u, &d, 8);
    return u;
}
