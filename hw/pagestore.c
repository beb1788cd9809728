/* The page store: a four-level radix table from guest page to host page.
 *
 * Levels 0..2 are interior nodes of 512 child pointers; level 3 is a leaf
 * of 512 entries, one per guest page. A leaf entry packs the host page
 * address (page-aligned, so its low 12 bits are free) with a MAPPED bit and
 * the protection: a mapped entry with a zero host address is reserved but
 * not yet touched.
 *
 * SNAPSHOT: copy-on-write snapshots will make host pages shared and
 * reference-counted; a spare low bit of the leaf entry (ENTRY_SHARED) will
 * mark them, and pagestore_translate() for a write will copy such a page
 * before handing it out (the CPU's TLB gets no write permission for it until
 * then). Dirty tracking is the same hook: the first write translation of a
 * page after a snapshot records it in a dirty set. Neither exists yet.
 */
#include "config.h"

#include "hw/pagestore.h"

#include <errno.h>
#include <glib.h>
#include <stdlib.h>
#include <string.h>

#define LEVEL_BITS 9
#define LEVEL_ENTRIES (1u << LEVEL_BITS)
#define LEAF_LEVEL 3

#define ENTRY_MAPPED 0x8u
#define ENTRY_PROT_MASK PAGESTORE_PROT_MASK
#define ENTRY_HOST_MASK ((uintptr_t)PAGESTORE_PAGE_MASK)

struct leaf {
    uintptr_t entry[LEVEL_ENTRIES];
    unsigned mapped;           /* entries with ENTRY_MAPPED: 0 frees it */
};

struct node {
    void *child[LEVEL_ENTRIES];   /* struct node, or struct leaf at level 2 */
};

struct pagestore {
    struct node root;
    size_t resident;           /* pages with host memory */
    size_t mapped;             /* pages with ENTRY_MAPPED */
};

/* Bytes covered by one entry of a table at this level. */
static inline uint64_t entry_span(int level)
{
    return 1ull << (PAGESTORE_PAGE_BITS + LEVEL_BITS * (LEAF_LEVEL - level));
}

static inline unsigned level_index(uint64_t addr, int level)
{
    return (addr >> (PAGESTORE_PAGE_BITS + LEVEL_BITS * (LEAF_LEVEL - level)))
           & (LEVEL_ENTRIES - 1);
}

static bool range_valid(uint64_t addr, uint64_t len)
{
    return (addr & ~PAGESTORE_PAGE_MASK) == 0
           && (len & ~PAGESTORE_PAGE_MASK) == 0
           && addr <= PAGESTORE_ADDR_LIMIT
           && len <= PAGESTORE_ADDR_LIMIT - addr;
}

struct pagestore *pagestore_new(void)
{
    return g_new0(struct pagestore, 1);
}

static void free_leaf(struct pagestore *ps, struct leaf *leaf)
{
    for (unsigned i = 0; i < LEVEL_ENTRIES; i++) {
        void *host = (void *)(leaf->entry[i] & ENTRY_HOST_MASK);
        if (host) {
            free(host);
            ps->resident--;
        }
    }
    g_free(leaf);
}

static void free_node(struct pagestore *ps, struct node *node, int level)
{
    for (unsigned i = 0; i < LEVEL_ENTRIES; i++) {
        if (!node->child[i])
            continue;
        if (level + 1 == LEAF_LEVEL)
            free_leaf(ps, node->child[i]);
        else
            free_node(ps, node->child[i], level + 1);
    }
    if (level > 0)
        g_free(node);
}

void pagestore_free(struct pagestore *ps)
{
    if (!ps)
        return;
    free_node(ps, &ps->root, 0);
    g_free(ps);
}

/* The leaf holding addr. If a level is missing: with create, allocate it;
 * otherwise return NULL and, in *empty_start and *empty_end, the bounds of the
 * unpopulated region around addr so a range walk can skip it whole. */
static struct leaf *leaf_lookup(const struct pagestore *ps, uint64_t addr,
                                bool create, uint64_t *empty_start,
                                uint64_t *empty_end)
{
    struct node *node = (struct node *)&ps->root;
    for (int level = 0; level < LEAF_LEVEL; level++) {
        unsigned i = level_index(addr, level);
        void *child = node->child[i];
        if (!child) {
            if (!create) {
                uint64_t span = entry_span(level);
                if (empty_start)
                    *empty_start = addr & ~(span - 1);
                if (empty_end)
                    *empty_end = (addr & ~(span - 1)) + span;
                return NULL;
            }
            if (level + 1 == LEAF_LEVEL)
                child = g_new0(struct leaf, 1);
            else
                child = g_new0(struct node, 1);
            node->child[i] = child;
        }
        if (level + 1 == LEAF_LEVEL)
            return child;
        node = child;
    }
    return NULL;
}

/* Drop the (now empty) leaf holding addr from its parent. Interior nodes
 * are kept: there are few of them and they are cheap. */
static void unlink_leaf(struct pagestore *ps, uint64_t addr)
{
    struct node *node = &ps->root;
    for (int level = 0; level < LEAF_LEVEL - 1; level++)
        node = node->child[level_index(addr, level)];
    unsigned i = level_index(addr, LEAF_LEVEL - 1);
    g_free(node->child[i]);
    node->child[i] = NULL;
}

static void clear_entry(struct pagestore *ps, struct leaf *leaf, unsigned i)
{
    uintptr_t e = leaf->entry[i];
    void *host = (void *)(e & ENTRY_HOST_MASK);
    if (host) {
        free(host);
        ps->resident--;
    }
    if (e & ENTRY_MAPPED) {
        leaf->mapped--;
        ps->mapped--;
    }
    leaf->entry[i] = 0;
}

int pagestore_map(struct pagestore *ps, uint64_t addr, uint64_t len,
                  unsigned prot)
{
    if (!range_valid(addr, len))
        return -EINVAL;
    for (uint64_t a = addr; a < addr + len; a += PAGESTORE_PAGE_SIZE) {
        struct leaf *leaf = leaf_lookup(ps, a, true, NULL, NULL);
        unsigned i = level_index(a, LEAF_LEVEL);
        clear_entry(ps, leaf, i);
        leaf->entry[i] = ENTRY_MAPPED | (prot & ENTRY_PROT_MASK);
        leaf->mapped++;
        ps->mapped++;
    }
    return 0;
}

int pagestore_unmap(struct pagestore *ps, uint64_t addr, uint64_t len)
{
    if (!range_valid(addr, len))
        return -EINVAL;
    uint64_t end = addr + len;
    uint64_t a = addr;
    while (a < end) {
        uint64_t empty_end;
        struct leaf *leaf = leaf_lookup(ps, a, false, NULL, &empty_end);
        if (!leaf) {
            a = empty_end;
            continue;
        }
        uint64_t leaf_end = (a & ~(entry_span(LEAF_LEVEL - 1) - 1))
                            + entry_span(LEAF_LEVEL - 1);
        uint64_t stop = MIN(end, leaf_end);
        uint64_t leaf_addr = a;
        for (; a < stop; a += PAGESTORE_PAGE_SIZE)
            clear_entry(ps, leaf, level_index(a, LEAF_LEVEL));
        if (leaf->mapped == 0)
            unlink_leaf(ps, leaf_addr);
    }
    return 0;
}

int pagestore_protect(struct pagestore *ps, uint64_t addr, uint64_t len,
                      unsigned prot)
{
    if (!range_valid(addr, len))
        return -EINVAL;
    if (!pagestore_range_ok(ps, addr, len, 0))
        return -ENOMEM;
    for (uint64_t a = addr; a < addr + len; a += PAGESTORE_PAGE_SIZE) {
        struct leaf *leaf = leaf_lookup(ps, a, false, NULL, NULL);
        uintptr_t *e = &leaf->entry[level_index(a, LEAF_LEVEL)];
        *e = (*e & ~(uintptr_t)ENTRY_PROT_MASK) | (prot & ENTRY_PROT_MASK);
    }
    return 0;
}

uint8_t *pagestore_translate(struct pagestore *ps, uint64_t addr,
                             unsigned *prot)
{
    if (addr >= PAGESTORE_ADDR_LIMIT)
        return NULL;
    struct leaf *leaf = leaf_lookup(ps, addr, false, NULL, NULL);
    if (!leaf)
        return NULL;
    uintptr_t *e = &leaf->entry[level_index(addr, LEAF_LEVEL)];
    if (!(*e & ENTRY_MAPPED))
        return NULL;
    if (!(*e & ENTRY_HOST_MASK)) {
        /* First touch: back the reserved page with zeroed host memory. */
        void *host;
        if (posix_memalign(&host, PAGESTORE_PAGE_SIZE, PAGESTORE_PAGE_SIZE))
            return NULL;
        memset(host, 0, PAGESTORE_PAGE_SIZE);
        *e |= (uintptr_t)host;
        ps->resident++;
    }
    if (prot)
        *prot = *e & ENTRY_PROT_MASK;
    return (uint8_t *)(*e & ENTRY_HOST_MASK);
}

uint8_t *pagestore_peek(const struct pagestore *ps, uint64_t addr)
{
    if (addr >= PAGESTORE_ADDR_LIMIT)
        return NULL;
    struct leaf *leaf = leaf_lookup(ps, addr, false, NULL, NULL);
    if (!leaf)
        return NULL;
    return (uint8_t *)(leaf->entry[level_index(addr, LEAF_LEVEL)]
                       & ENTRY_HOST_MASK);
}

int pagestore_prot(const struct pagestore *ps, uint64_t addr)
{
    if (addr >= PAGESTORE_ADDR_LIMIT)
        return -1;
    struct leaf *leaf = leaf_lookup(ps, addr, false, NULL, NULL);
    if (!leaf)
        return -1;
    uintptr_t e = leaf->entry[level_index(addr, LEAF_LEVEL)];
    if (!(e & ENTRY_MAPPED))
        return -1;
    return e & ENTRY_PROT_MASK;
}

bool pagestore_range_ok(const struct pagestore *ps, uint64_t addr,
                        uint64_t len, unsigned need)
{
    if (len == 0)
        return true;
    if (addr >= PAGESTORE_ADDR_LIMIT || len > PAGESTORE_ADDR_LIMIT - addr)
        return false;
    uint64_t last = (addr + len - 1) & PAGESTORE_PAGE_MASK;
    for (uint64_t a = addr & PAGESTORE_PAGE_MASK;; a += PAGESTORE_PAGE_SIZE) {
        int prot = pagestore_prot(ps, a);
        if (prot < 0 || ((unsigned)prot & need) != need)
            return false;
        if (a == last)
            return true;
    }
}

bool pagestore_first_mapped(const struct pagestore *ps, uint64_t lo,
                            uint64_t hi, uint64_t *page)
{
    hi = MIN(hi, PAGESTORE_ADDR_LIMIT);
    uint64_t a = lo & PAGESTORE_PAGE_MASK;
    while (a < hi) {
        uint64_t empty_end;
        struct leaf *leaf = leaf_lookup(ps, a, false, NULL, &empty_end);
        if (!leaf) {
            a = empty_end;
            continue;
        }
        if (leaf->entry[level_index(a, LEAF_LEVEL)] & ENTRY_MAPPED) {
            *page = a;
            return true;
        }
        a += PAGESTORE_PAGE_SIZE;
    }
    return false;
}

bool pagestore_last_mapped(const struct pagestore *ps, uint64_t lo,
                           uint64_t hi, uint64_t *page)
{
    hi = MIN(hi, PAGESTORE_ADDR_LIMIT) & PAGESTORE_PAGE_MASK;
    lo &= PAGESTORE_PAGE_MASK;
    uint64_t a = hi;   /* one page past the next candidate */
    while (a > lo) {
        uint64_t cand = a - PAGESTORE_PAGE_SIZE;
        uint64_t empty_start;
        struct leaf *leaf = leaf_lookup(ps, cand, false, &empty_start, NULL);
        if (!leaf) {
            a = empty_start;
            continue;
        }
        if (leaf->entry[level_index(cand, LEAF_LEVEL)] & ENTRY_MAPPED) {
            *page = cand;
            return true;
        }
        a = cand;
    }
    return false;
}

size_t pagestore_resident_pages(const struct pagestore *ps)
{
    return ps->resident;
}

size_t pagestore_mapped_pages(const struct pagestore *ps)
{
    return ps->mapped;
}
