/* The A64 decoder: pattern strings turned into mask/value matchers.
 *
 * Every encoding-class file exports a table of { name, pattern, handler }.
 * At first use the patterns are compiled into (mask, value) pairs and
 * bucketed by bits 28:25 (the top-level encoding groups of the manual), each
 * bucket sorted by the number of fixed bits so the first match is the most
 * specific one. Two rows of equal specificity that both match some encoding
 * are a table bug: it is reported once on stderr at start-up.
 *
 * Decoding happens once per guest instruction slot (the run loop caches the
 * handler), so a short linear scan per bucket is cheap enough.
 */
#include <glib.h>
#include <stdio.h>

#include "cpu/cpu-internal.h"
#include "cpu/pauth.h"
#include "cpu/mte.h"

/* a64_fp_simd_tables is defined in a64-fp-simd-tables.c, not weakly here:
 * from a static library a weak definition in this object would keep the
 * linker from ever pulling the real list in, silently disabling FP/SIMD. */

struct a64_matcher {
    uint32_t mask;
    uint32_t value;
    unsigned fixed_bits;
    const struct a64_pattern *row;
};

#define A64_BUCKETS 16

static struct a64_matcher_bucket {
    struct a64_matcher *m;
    unsigned n;
} a64_buckets[A64_BUCKETS];

static unsigned a64_bucket_of(uint32_t insn)
{
    return (insn >> 25) & 0xf;
}

/* Parse a pattern string; return false (and say why) if it is malformed. */
static bool a64_compile(const struct a64_pattern *row, struct a64_matcher *out)
{
    uint32_t mask = 0, value = 0;
    int bit = 31;

    for (const char *c = row->bits; *c; c++) {
        if (*c == ' ' || *c == '_')
            continue;
        if (bit < 0) {
            bit = -2;
            break;
        }
        if (*c == '0' || *c == '1') {
            mask |= 1u << bit;
            if (*c == '1')
                value |= 1u << bit;
        }
        bit--;
    }
    if (bit != -1) {
        fprintf(stderr, "backstep: decode table row %s: pattern \"%s\" is "
                "not 32 bits\n", row->name, row->bits);
        return false;
    }
    out->mask = mask;
    out->value = value;
    out->fixed_bits = (unsigned)__builtin_popcount(mask);
    out->row = row;
    return true;
}

static int a64_matcher_cmp(const void *a, const void *b)
{
    const struct a64_matcher *x = a, *y = b;

    if (x->fixed_bits != y->fixed_bits)
        return x->fixed_bits > y->fixed_bits ? -1 : 1;
    return 0;
}

static void a64_add_table(GArray *all, const struct a64_pattern *table)
{
    for (const struct a64_pattern *row = table; row && row->name; row++) {
        struct a64_matcher m;
        if (row->bits && row->handler && a64_compile(row, &m))
            g_array_append_val(all, m);
    }
}

/* Report equally specific rows that can match the same encoding. */
static void a64_check_overlaps(const struct a64_matcher_bucket *b)
{
    for (unsigned i = 0; i < b->n; i++) {
        for (unsigned j = i + 1; j < b->n &&
             b->m[j].fixed_bits == b->m[i].fixed_bits; j++) {
            uint32_t both = b->m[i].mask & b->m[j].mask;
            if (((b->m[i].value ^ b->m[j].value) & both) == 0)
                fprintf(stderr, "backstep: decode table bug: %s (\"%s\") and "
                        "%s (\"%s\") match the same encodings\n",
                        b->m[i].row->name, b->m[i].row->bits,
                        b->m[j].row->name, b->m[j].row->bits);
        }
    }
}

static gpointer a64_decoder_init(gpointer unused)
{
    GArray *all = g_array_new(FALSE, FALSE, sizeof(struct a64_matcher));

    a64_add_table(all, a64_dp_imm_patterns);
    a64_add_table(all, a64_dp_reg_patterns);
    a64_add_table(all, a64_branch_sys_patterns);
    a64_add_table(all, a64_ldst_patterns);
    a64_add_table(all, a64_ldst_excl_patterns);
    a64_add_table(all, a64_pauth_patterns);
    a64_add_table(all, a64_mte_patterns);
    for (unsigned t = 0; a64_fp_simd_tables[t]; t++)
        a64_add_table(all, a64_fp_simd_tables[t]);

    /* Stable order within equal specificity keeps reports reproducible. */
    for (unsigned k = 0; k < A64_BUCKETS; k++) {
        struct a64_matcher_bucket *b = &a64_buckets[k];
        uint32_t key = (uint32_t)k << 25;

        b->m = g_new(struct a64_matcher, all->len ? all->len : 1);
        b->n = 0;
        for (unsigned i = 0; i < all->len; i++) {
            const struct a64_matcher *m =
                &g_array_index(all, struct a64_matcher, i);
            uint32_t group_mask = m->mask & (0xfu << 25);
            if ((key & group_mask) == (m->value & group_mask))
                b->m[b->n++] = *m;
        }
        /* qsort is not stable; sort by (specificity, table order). */
        for (unsigned i = 1; i < b->n; i++) {
            struct a64_matcher x = b->m[i];
            unsigned j = i;
            while (j > 0 && a64_matcher_cmp(&b->m[j - 1], &x) > 0) {
                b->m[j] = b->m[j - 1];
                j--;
            }
            b->m[j] = x;
        }
    }
    /* An overlap is seen in every bucket it spans: report it from the first
     * bucket only by checking the buckets' union once. */
    {
        struct a64_matcher_bucket whole = {
            (struct a64_matcher *)(void *)all->data, all->len };
        qsort(whole.m, whole.n, sizeof(*whole.m), a64_matcher_cmp);
        a64_check_overlaps(&whole);
    }
    g_array_free(all, TRUE);
    return NULL;
}

static void a64_decoder_ready(void)
{
    static GOnce once = G_ONCE_INIT;
    g_once(&once, a64_decoder_init, NULL);
}

static const struct a64_pattern *a64_find(uint32_t insn)
{
    const struct a64_matcher_bucket *b;

    a64_decoder_ready();
    b = &a64_buckets[a64_bucket_of(insn)];
    for (unsigned i = 0; i < b->n; i++)
        if ((insn & b->m[i].mask) == b->m[i].value)
            return b->m[i].row;
    return NULL;
}

const struct a64_pattern *a64_decode_row(uint32_t insn)
{
    return a64_find(insn);
}

a64_handler a64_decode(uint32_t insn)
{
    const struct a64_pattern *row = a64_find(insn);
    return row ? row->handler : a64_undef;
}

const char *a64_decode_name(uint32_t insn)
{
    const struct a64_pattern *row = a64_find(insn);
    return row ? row->name : NULL;
}

int a64_undef(struct cpu_state *cpu, uint32_t insn)
{
    cpu->exit = CPU_EXIT_UNDEF;
    cpu->exit_info.insn = insn;
    return A64_EXIT;
}
