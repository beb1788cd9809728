/* Memory tagging for the Linux personality (see user/mte.h): the tag store
 * of PROT_MTE memory, PR_SET/GET_TAGGED_ADDR_CTRL, asynchronous tag check
 * faults, and the debugger's access to tags.
 *
 * The tag store is a table of address spaces (keyed by their page store)
 * of tables of tagged pages (page number -> CPU_MTE_TAGS_PER_PAGE tags).
 * It is kept here, not in the page store, so that hw/ stays unaware of
 * MTE. Snapshots of an address space (user/snapshot.c) include a copy of
 * its tags (user/mte-snapshot.h), so reverse execution across an STG or a
 * PROT_MTE mmap shows the tags of then.
 */
#include "config.h"

#include "user/mte.h"
#include "user/mte-snapshot.h"
#include "user/user-internal.h"
#include "user/sigstate.h"

#include "cpu/cpu.h"
#include "hw/pagestore.h"

#include <errno.h>
#include <string.h>

/* pagestore -> GHashTable of page number -> uint8_t[TAGS_PER_PAGE]. */
static GHashTable *spaces;

static GHashTable *space_of(const struct pagestore *store, bool create)
{
    GHashTable *pages;

    if (!spaces) {
        if (!create)
            return NULL;
        spaces = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
                                       (GDestroyNotify)g_hash_table_unref);
    }
    pages = g_hash_table_lookup(spaces, store);
    if (!pages && create) {
        pages = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
                                      g_free);
        g_hash_table_insert(spaces, (gpointer)store, pages);
    }
    return pages;
}

static gpointer page_key(uint64_t addr)
{
    return GSIZE_TO_POINTER((gsize)(addr >> CPU_PAGE_BITS));
}

static uint8_t *page_tags(struct user_process *p, uint64_t addr)
{
    GHashTable *pages = space_of(p->mem, false);

    return pages ? g_hash_table_lookup(pages, page_key(addr)) : NULL;
}

uint8_t *user_mte_cpu_tags(void *opaque, uint64_t page)
{
    return page_tags(opaque, page);
}

void user_mte_map(struct user_process *p, uint64_t addr, uint64_t len,
                  bool tagged)
{
    GHashTable *pages = space_of(p->mem, tagged);

    if (!pages)
        return;
    for (uint64_t a = addr; a - addr < len; a += CPU_PAGE_SIZE) {
        if (tagged)
            g_hash_table_replace(pages, page_key(a),
                                 g_malloc0(CPU_MTE_TAGS_PER_PAGE));
        else
            g_hash_table_remove(pages, page_key(a));
    }
}

void user_mte_protect(struct user_process *p, uint64_t addr, uint64_t len)
{
    GHashTable *pages = space_of(p->mem, true);

    for (uint64_t a = addr; a - addr < len; a += CPU_PAGE_SIZE)
        if (!g_hash_table_contains(pages, page_key(a)))
            g_hash_table_insert(pages, page_key(a),
                                g_malloc0(CPU_MTE_TAGS_PER_PAGE));
}

void user_mte_unmap(struct user_process *p, uint64_t addr, uint64_t len)
{
    user_mte_map(p, addr, len, false);
}

void user_mte_copy_space(const struct pagestore *from,
                         const struct pagestore *to)
{
    GHashTable *src = space_of(from, false), *dst;
    GHashTableIter it;
    gpointer key, tags;

    if (!src || from == to)
        return;
    dst = space_of(to, true);
    g_hash_table_remove_all(dst);
    g_hash_table_iter_init(&it, src);
    while (g_hash_table_iter_next(&it, &key, &tags))
        g_hash_table_insert(dst, key, g_memdup2(tags, CPU_MTE_TAGS_PER_PAGE));
}

void user_mte_forget_space(const struct pagestore *store)
{
    if (spaces)
        g_hash_table_remove(spaces, store);
}

/* --- the control word ---------------------------------------------------- */

int64_t user_mte_prctl(struct user_process *p, const uint64_t *a)
{
    switch (a[0]) {
    case USER_PR_SET_TAGGED_ADDR_CTRL:
        if (a[2] || a[3] || a[4])
            return -EINVAL;
        return user_mte_set_tag_ctl(p->cpu, a[1]);
    case USER_PR_GET_TAGGED_ADDR_CTRL:
        if (a[1] || a[2] || a[3] || a[4])
            return -EINVAL;
        return (int64_t)user_mte_tag_ctl(p->cpu);
    default:
        return -EINVAL;
    }
}

bool user_mte_async_fault(struct user_process *p)
{
    struct cpu_state *cpu = p->cpu;

    if (!cpu->mte_async_fault)
        return false;
    cpu->mte_async_fault = false;
    cpu->pc -= 4;   /* back to the SVC: it runs after the handler */
    user_signal_force(p, USER_SIGSEGV, USER_SEGV_MTEAERR, 0);
    return true;
}

/* --- the debugger -------------------------------------------------------- */

bool user_mte_is_tagged(struct user_process *p, uint64_t addr)
{
    return page_tags(p, addr & ~(0xffull << 56)) != NULL;
}

int64_t user_mte_read_tags(struct user_process *p, uint64_t addr,
                           uint64_t len, uint8_t *tags, size_t max)
{
    uint64_t first, last;
    size_t n = 0;

    addr &= ~(0xffull << 56);
    first = addr & ~(uint64_t)(CPU_MTE_GRANULE - 1);
    last = (addr + (len ? len - 1 : 0)) & ~(uint64_t)(CPU_MTE_GRANULE - 1);
    if (last < first)
        return -1;
    for (uint64_t g = first;; g += CPU_MTE_GRANULE) {
        const uint8_t *page = page_tags(p, g);
        if (!page || n == max)
            return -1;
        tags[n++] = page[(g & ~CPU_PAGE_MASK) / CPU_MTE_GRANULE];
        if (g == last)
            break;
    }
    return (int64_t)n;
}

int user_mte_write_tags(struct user_process *p, uint64_t addr, uint64_t len,
                        const uint8_t *tags, size_t ntags)
{
    uint64_t first, last;
    size_t i = 0;

    if (ntags == 0)
        return -1;
    addr &= ~(0xffull << 56);
    first = addr & ~(uint64_t)(CPU_MTE_GRANULE - 1);
    last = (addr + (len ? len - 1 : 0)) & ~(uint64_t)(CPU_MTE_GRANULE - 1);
    if (last < first)
        return -1;
    /* All or nothing: check every granule first. */
    for (uint64_t g = first;; g += CPU_MTE_GRANULE) {
        if (!page_tags(p, g))
            return -1;
        if (g == last)
            break;
    }
    for (uint64_t g = first;; g += CPU_MTE_GRANULE) {
        page_tags(p, g)[(g & ~CPU_PAGE_MASK) / CPU_MTE_GRANULE] =
            tags[i++ % ntags] & 0xf;
        if (g == last)
            break;
    }
    return 0;
}

static gint compare_pages(gconstpointer a, gconstpointer b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

    return x < y ? -1 : x > y;
}

char *user_mte_smaps(const struct cpu_state *cpu)
{
    struct user_process *p;
    GString *out;
    GHashTable *pages;
    GHashTableIter it;
    gpointer key;
    GArray *sorted;

    /* The opaque is a user_process only behind our own callback. */
    if (!cpu->mem_ops || cpu->mem_ops->tags != user_mte_cpu_tags)
        return NULL;
    p = cpu->mem_opaque;
    out = g_string_new(NULL);
    pages = space_of(p->mem, false);
    if (!pages)
        return g_string_free(out, FALSE);
    sorted = g_array_sized_new(FALSE, FALSE, sizeof(uint64_t),
                               g_hash_table_size(pages));
    g_hash_table_iter_init(&it, pages);
    while (g_hash_table_iter_next(&it, &key, NULL)) {
        uint64_t page = GPOINTER_TO_SIZE(key);
        g_array_append_val(sorted, page);
    }
    g_array_sort(sorted, compare_pages);
    for (guint i = 0; i < sorted->len;) {
        uint64_t first = g_array_index(sorted, uint64_t, i), last = first;
        while (++i < sorted->len &&
               g_array_index(sorted, uint64_t, i) == last + 1)
            last++;
        int prot = pagestore_prot(p->mem, first << CPU_PAGE_BITS);
        g_string_append_printf(
            out,
            "%08" G_GINT64_MODIFIER "x-%08" G_GINT64_MODIFIER "x %c%c%cp "
            "00000000 00:00 0\n"
            "Size: %" G_GUINT64_FORMAT " kB\n"
            "VmFlags: rd wr mr mw me ac mt\n",
            (guint64)(first << CPU_PAGE_BITS),
            (guint64)((last + 1) << CPU_PAGE_BITS),
            prot >= 0 && (prot & PAGESTORE_PROT_READ) ? 'r' : '-',
            prot >= 0 && (prot & PAGESTORE_PROT_WRITE) ? 'w' : '-',
            prot >= 0 && (prot & PAGESTORE_PROT_EXEC) ? 'x' : '-',
            (guint64)((last + 1 - first) * (CPU_PAGE_SIZE / 1024)));
    }
    g_array_unref(sorted);
    return g_string_free(out, FALSE);
}

/* --- snapshots of the tags (user/mte-snapshot.h) --------------------------- */

struct user_mte_tags {
    GHashTable *pages;       /* page number -> a copy of its tags */
    size_t count;
};

struct user_mte_tags *user_mte_tags_save(const struct pagestore *store)
{
    GHashTable *src = space_of(store, false);
    struct user_mte_tags *t;
    GHashTableIter it;
    gpointer key, tags;

    if (!src || g_hash_table_size(src) == 0)
        return NULL;
    t = g_new0(struct user_mte_tags, 1);
    t->pages = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
                                     g_free);
    g_hash_table_iter_init(&it, src);
    while (g_hash_table_iter_next(&it, &key, &tags))
        g_hash_table_insert(t->pages, key,
                            g_memdup2(tags, CPU_MTE_TAGS_PER_PAGE));
    t->count = g_hash_table_size(t->pages);
    return t;
}

void user_mte_tags_restore(const struct pagestore *store,
                           const struct user_mte_tags *saved)
{
    GHashTable *dst = space_of(store, saved != NULL);
    GHashTableIter it;
    gpointer key, tags;

    if (!dst)
        return;
    /* The arrays are replaced: CPUs must drop the tag pointers their TLBs
     * hold (the caller flushes them, as for the pages). */
    g_hash_table_remove_all(dst);
    if (!saved)
        return;
    g_hash_table_iter_init(&it, saved->pages);
    while (g_hash_table_iter_next(&it, &key, &tags))
        g_hash_table_insert(dst, key, g_memdup2(tags, CPU_MTE_TAGS_PER_PAGE));
}

void user_mte_tags_free(struct user_mte_tags *saved)
{
    if (!saved)
        return;
    g_hash_table_unref(saved->pages);
    g_free(saved);
}

size_t user_mte_tags_size(const struct user_mte_tags *saved)
{
    return saved ? sizeof(*saved) + saved->count * (CPU_MTE_TAGS_PER_PAGE + 32)
                 : 0;
}
