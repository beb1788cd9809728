/* The page store: a four-level radix table from guest page to host page.
 *
 * Levels 0..2 are interior nodes of 512 child pointers; level 3 is a leaf
 * of 512 entries, one per guest page. A leaf entry packs the host page
 * address (page-aligned, so its low 12 bits are free) with a MAPPED bit and
 * the protection: a mapped entry with a zero host address is reserved but
 * not yet touched.
 *
 * SNAPSHOT: a snapshot is a second table of the same shape whose entries
 * point at the same host pages. Shared host pages are reference-counted in
 * a hash table (host address -> holders: the store and each snapshot that
 * has the page); a page with one holder is not in it. In the store's own
 * table a spare low bit (ENTRY_SHARED) marks an entry whose page may have
 * other holders, and pagestore_translate() gives such a page its own copy
 * before handing it out. Every translation may be for a write (the CPU's
 * TLB fills write permission from one translation), so the copy is made on
 * the first translation after a snapshot, not the first write: a page only
 * read costs a copy too, but nobody needs to tell reads from writes. The
 * pages copied or first touched since the last snapshot are the dirty set,
 * which the next snapshot will not share with this one.
 *
 * FORK: pagestore_fork() makes a store whose entries point at the same
 * host pages as its source's, copy-on-write in both, by the same means:
 * the two then share one pool (the holders table and the page counts),
 * as do all the stores forked from one another and all their snapshots.
 * A holder is a store or a snapshot, counted apart, so that the pool
 * knows how many of its pages some store still holds: the rest are held
 * by snapshots only, which is what history costs.
 *
 * SHARED OBJECTS: an entry with ENTRY_OBJ maps a page of a shared-memory
 * object (struct pagestore_shm) and holds no host address of its own: the
 * store's links table says which object and which page of it, and the
 * object, itself a store of its pages at offsets [0, size), gives the host
 * page. The host page is then never the mapping store's, so its snapshots
 * (entries without a host address) neither share nor copy it, and every
 * store mapping the object reaches the same page. Links are immutable and
 * reference-counted, so a store and its snapshots share them; each holds
 * a reference to its object.
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
#define ENTRY_SHARED 0x10u
#define ENTRY_OBJ 0x20u
#define ENTRY_PROT_MASK PAGESTORE_PROT_MASK
#define ENTRY_HOST_MASK ((uintptr_t)PAGESTORE_PAGE_MASK)

struct leaf {
    uintptr_t entry[LEVEL_ENTRIES];
    unsigned mapped;           /* entries with ENTRY_MAPPED: 0 frees it */
};

struct node {
    void *child[LEVEL_ENTRIES];   /* struct node, or struct leaf at level 2 */
};

/* The holders of the host pages of a family of stores (see FORK). */
struct page_pool {
    unsigned refs;             /* stores */
    /* host page -> its holders (see holders_of) for every page that has or
     * had more than one; a page not in it has one, a store. */
    GHashTable *shared;
    size_t host_pages;         /* allocated, each counted once */
    size_t store_pages;        /* of those, held by at least one store */
};

struct pagestore {
    struct node root;
    size_t resident;           /* pages with host memory */
    size_t mapped;             /* pages with ENTRY_MAPPED */
    struct page_pool *pool;    /* copy-on-write: see SNAPSHOT and FORK */
    size_t dirty;              /* pages copied or touched since a snapshot */
    /* Guest page number -> struct shm_link, for ENTRY_OBJ entries. */
    GHashTable *links;
};

struct pagestore_snapshot {
    struct node root;
    size_t mapped;
    size_t resident;
    GHashTable *links;
};

struct pagestore_shm {
    unsigned refs;
    uint64_t size;
    struct pagestore *pages;   /* [0, size) mapped read-write */
};

/* Which page of which object a guest page maps (see SHARED OBJECTS). */
struct shm_link {
    unsigned refs;
    struct pagestore_shm *shm;  /* a reference */
    uint64_t offset;
};

struct pagestore_shm_snapshot {
    struct pagestore_shm *shm;  /* a reference */
    struct pagestore_snapshot *pages;
};

static gpointer link_key(uint64_t addr)
{
    return GSIZE_TO_POINTER((gsize)(addr >> PAGESTORE_PAGE_BITS));
}

static void link_unref(gpointer data)
{
    struct shm_link *l = data;
    if (--l->refs == 0) {
        pagestore_shm_unref(l->shm);
        g_free(l);
    }
}

static GHashTable *links_new(void)
{
    return g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
                                 link_unref);
}

/* A table holding the same links as from (each one more reference). */
static GHashTable *links_copy(GHashTable *from)
{
    GHashTable *to = links_new();
    GHashTableIter it;
    gpointer key, value;

    g_hash_table_iter_init(&it, from);
    while (g_hash_table_iter_next(&it, &key, &value)) {
        ((struct shm_link *)value)->refs++;
        g_hash_table_insert(to, key, value);
    }
    return to;
}

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
    struct pagestore *ps = g_new0(struct pagestore, 1);
    ps->pool = g_new0(struct page_pool, 1);
    ps->pool->refs = 1;
    ps->pool->shared = g_hash_table_new(g_direct_hash, g_direct_equal);
    ps->links = links_new();
    return ps;
}

/* A new page, held by the store that asks. */
static void *alloc_page(struct pagestore *ps)
{
    void *host;
    if (posix_memalign(&host, PAGESTORE_PAGE_SIZE, PAGESTORE_PAGE_SIZE))
        return NULL;
    ps->pool->host_pages++;
    ps->pool->store_pages++;
    return host;
}

/* A page's holders, packed in the table's value: stores in the high
 * half, snapshots in the low. */
enum holder { BY_STORE, BY_SNAPSHOT };
#define HOLDERS_STORE_SHIFT 32
#define HOLDERS_SNAP_MASK 0xffffffffull

static uint64_t holders_of(const struct pagestore *ps, const void *host,
                           bool in_table)
{
    gpointer v = in_table ? g_hash_table_lookup(ps->pool->shared, host)
                          : NULL;
    return v ? (uint64_t)GPOINTER_TO_SIZE(v)
             : 1ull << HOLDERS_STORE_SHIFT;   /* a store's alone */
}

static unsigned holders(const struct pagestore *ps, const void *host)
{
    uint64_t h = holders_of(ps, host, true);
    return (unsigned)((h >> HOLDERS_STORE_SHIFT) + (h & HOLDERS_SNAP_MASK));
}

/* One more holder of a host page. */
static void page_ref(struct pagestore *ps, void *host, enum holder who)
{
    uint64_t h = holders_of(ps, host, true);
    if (who == BY_STORE) {
        if ((h >> HOLDERS_STORE_SHIFT) == 0)
            ps->pool->store_pages++;
        h += 1ull << HOLDERS_STORE_SHIFT;
    } else {
        h++;
    }
    g_hash_table_insert(ps->pool->shared, host, GSIZE_TO_POINTER((gsize)h));
}

/* One holder less; the last one frees it. may_be_shared: the holder's
 * entry says the page may be in the table (a snapshot's entries and the
 * store's ENTRY_SHARED ones); otherwise it is the holder's alone. */
static void page_unref(struct pagestore *ps, void *host, bool may_be_shared,
                       enum holder who)
{
    uint64_t h = holders_of(ps, host, may_be_shared);
    if (who == BY_STORE) {
        h -= 1ull << HOLDERS_STORE_SHIFT;
        if ((h >> HOLDERS_STORE_SHIFT) == 0)
            ps->pool->store_pages--;
    } else {
        h--;
    }
    if (h) {
        g_hash_table_insert(ps->pool->shared, host,
                            GSIZE_TO_POINTER((gsize)h));
        return;
    }
    if (may_be_shared)
        g_hash_table_remove(ps->pool->shared, host);
    free(host);
    ps->pool->host_pages--;
}

/* Walk every leaf entry holding a host page, in a table of either kind. */
typedef void (*entry_fn)(struct pagestore *ps, uintptr_t *entry, void *data);

static void for_each_entry(struct pagestore *ps, struct node *node, int level,
                           entry_fn fn, void *data)
{
    for (unsigned i = 0; i < LEVEL_ENTRIES; i++) {
        if (!node->child[i])
            continue;
        if (level + 1 == LEAF_LEVEL) {
            struct leaf *leaf = node->child[i];
            for (unsigned j = 0; j < LEVEL_ENTRIES; j++) {
                if (leaf->entry[j] & ENTRY_HOST_MASK)
                    fn(ps, &leaf->entry[j], data);
            }
        } else {
            for_each_entry(ps, node->child[i], level + 1, fn, data);
        }
    }
}

/* Free the interior nodes and leaves (not the pages) below node. */
static void free_tree(struct node *node, int level)
{
    for (unsigned i = 0; i < LEVEL_ENTRIES; i++) {
        if (!node->child[i])
            continue;
        if (level + 1 == LEAF_LEVEL)
            g_free(node->child[i]);
        else
            free_tree(node->child[i], level + 1);
        node->child[i] = NULL;
    }
    if (level > 0)
        g_free(node);
}

static void release_store_entry(struct pagestore *ps, uintptr_t *e, void *data)
{
    page_unref(ps, (void *)(*e & ENTRY_HOST_MASK), *e & ENTRY_SHARED,
               BY_STORE);
}

static void release_snapshot_entry(struct pagestore *ps, uintptr_t *e,
                                   void *data)
{
    page_unref(ps, (void *)(*e & ENTRY_HOST_MASK), true, BY_SNAPSHOT);
}

/* Empty the store's own table, releasing its pages. */
static void clear_store(struct pagestore *ps)
{
    for_each_entry(ps, &ps->root, 0, release_store_entry, NULL);
    free_tree(&ps->root, 0);
    g_hash_table_remove_all(ps->links);
    ps->resident = 0;
    ps->mapped = 0;
}

static void free_unowned(gpointer host, gpointer count, gpointer data)
{
    free(host);
}

void pagestore_free(struct pagestore *ps)
{
    if (!ps)
        return;
    clear_store(ps);
    if (--ps->pool->refs == 0) {
        /* Pages of snapshots not freed first: theirs is the only hold
         * left. */
        g_hash_table_foreach(ps->pool->shared, free_unowned, NULL);
        g_hash_table_destroy(ps->pool->shared);
        g_free(ps->pool);
    }
    g_hash_table_destroy(ps->links);
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

static void clear_entry(struct pagestore *ps, struct leaf *leaf, unsigned i,
                        uint64_t addr)
{
    uintptr_t e = leaf->entry[i];
    void *host = (void *)(e & ENTRY_HOST_MASK);
    if (e & ENTRY_OBJ)
        g_hash_table_remove(ps->links, link_key(addr));
    if (host) {
        page_unref(ps, host, e & ENTRY_SHARED, BY_STORE);
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
        clear_entry(ps, leaf, i, a);
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
            clear_entry(ps, leaf, level_index(a, LEAF_LEVEL), a);
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
    if (*e & ENTRY_OBJ) {
        const struct shm_link *l = g_hash_table_lookup(ps->links,
                                                       link_key(addr));
        uint8_t *host = l ? pagestore_shm_translate(l->shm, l->offset) : NULL;
        if (host && prot)
            *prot = *e & ENTRY_PROT_MASK;
        return host;
    }
    if (!(*e & ENTRY_HOST_MASK)) {
        /* First touch: back the reserved page with zeroed host memory. */
        void *host = alloc_page(ps);
        if (!host)
            return NULL;
        memset(host, 0, PAGESTORE_PAGE_SIZE);
        *e |= (uintptr_t)host;
        ps->resident++;
        ps->dirty++;
    } else if (*e & ENTRY_SHARED) {
        /* Copy-on-write: a snapshot or a forked store holds this page
         * too. */
        void *old = (void *)(*e & ENTRY_HOST_MASK);
        if (holders(ps, old) > 1) {
            void *copy = alloc_page(ps);
            if (!copy)
                return NULL;
            memcpy(copy, old, PAGESTORE_PAGE_SIZE);
            page_unref(ps, old, true, BY_STORE);
            *e = (*e & ~ENTRY_HOST_MASK) | (uintptr_t)copy;
        } else {
            /* The last holder, this store: its own again. */
            g_hash_table_remove(ps->pool->shared, old);
        }
        *e &= ~(uintptr_t)ENTRY_SHARED;
        ps->dirty++;
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
    uintptr_t e = leaf->entry[level_index(addr, LEAF_LEVEL)];
    if (e & ENTRY_OBJ) {
        const struct shm_link *l = g_hash_table_lookup(ps->links,
                                                       link_key(addr));
        return l ? pagestore_peek(l->shm->pages, l->offset) : NULL;
    }
    return (uint8_t *)(e & ENTRY_HOST_MASK);
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

/* ---- Copy-on-write snapshots ------------------------------------------ */

/* A copy of a table's nodes and leaves (the entries as they are). */
static void *copy_tree(const struct node *from, int level)
{
    struct node *to = g_new0(struct node, 1);
    for (unsigned i = 0; i < LEVEL_ENTRIES; i++) {
        if (!from->child[i])
            continue;
        if (level + 1 == LEAF_LEVEL)
            to->child[i] = g_memdup2(from->child[i], sizeof(struct leaf));
        else
            to->child[i] = copy_tree(from->child[i], level + 1);
    }
    return to;
}

static void share_store_entry(struct pagestore *ps, uintptr_t *e, void *data)
{
    page_ref(ps, (void *)(*e & ENTRY_HOST_MASK), BY_SNAPSHOT);
    *e |= ENTRY_SHARED;
}

static void ref_restored_entry(struct pagestore *ps, uintptr_t *e, void *data)
{
    page_ref(ps, (void *)(*e & ENTRY_HOST_MASK), BY_STORE);
    *e |= ENTRY_SHARED;
}

static void mark_shared_entry(struct pagestore *ps, uintptr_t *e, void *data)
{
    *e |= ENTRY_SHARED;
}

struct pagestore *pagestore_fork(struct pagestore *src)
{
    struct pagestore *ps = g_new0(struct pagestore, 1);
    struct node *copy;

    ps->pool = src->pool;
    ps->pool->refs++;
    /* The source's pages become copy-on-write (its entries flagged
     * before the tree is copied, so the copy's are too); then the new
     * store holds each of them once more. */
    for_each_entry(src, &src->root, 0, mark_shared_entry, NULL);
    copy = copy_tree(&src->root, 0);
    ps->root = *copy;
    g_free(copy);
    for_each_entry(ps, &ps->root, 0, ref_restored_entry, NULL);
    ps->links = links_copy(src->links);
    ps->mapped = src->mapped;
    ps->resident = src->resident;
    return ps;
}

struct pagestore_snapshot *pagestore_snapshot_take(struct pagestore *ps)
{
    struct pagestore_snapshot *snap = g_new0(struct pagestore_snapshot, 1);
    struct node *copy = copy_tree(&ps->root, 0);

    /* The snapshot's entries need no flag of their own: each of its pages
     * is counted in ps->shared by the time the walk below is done. */
    snap->root = *copy;
    g_free(copy);
    snap->mapped = ps->mapped;
    snap->resident = ps->resident;
    snap->links = links_copy(ps->links);
    for_each_entry(ps, &ps->root, 0, share_store_entry, NULL);
    ps->dirty = 0;
    return snap;
}

void pagestore_snapshot_restore(struct pagestore *ps,
                                const struct pagestore_snapshot *snap)
{
    struct node *copy;

    clear_store(ps);
    copy = copy_tree(&snap->root, 0);
    ps->root = *copy;
    g_free(copy);
    g_hash_table_destroy(ps->links);
    ps->links = links_copy(snap->links);
    for_each_entry(ps, &ps->root, 0, ref_restored_entry, NULL);
    ps->mapped = snap->mapped;
    ps->resident = snap->resident;
    ps->dirty = 0;
}

void pagestore_snapshot_free(struct pagestore *ps,
                             struct pagestore_snapshot *snap)
{
    if (!snap)
        return;
    for_each_entry(ps, &snap->root, 0, release_snapshot_entry, NULL);
    free_tree(&snap->root, 0);
    g_hash_table_destroy(snap->links);
    g_free(snap);
}

size_t pagestore_dirty_pages(const struct pagestore *ps)
{
    return ps->dirty;
}

size_t pagestore_host_pages(const struct pagestore *ps)
{
    return ps->pool->host_pages;
}

size_t pagestore_history_pages(const struct pagestore *ps)
{
    return ps->pool->host_pages - ps->pool->store_pages;
}

bool pagestore_same_family(const struct pagestore *a,
                           const struct pagestore *b)
{
    return a->pool == b->pool;
}

static void count_private(struct pagestore *ps, uintptr_t *e, void *data)
{
    if (holders(ps, (void *)(*e & ENTRY_HOST_MASK)) <= 1)
        (*(size_t *)data)++;
}

size_t pagestore_snapshot_private_pages(const struct pagestore *ps,
                                        const struct pagestore_snapshot *snap)
{
    size_t n = 0;
    /* The walk only reads: the casts let it share for_each_entry. */
    for_each_entry((struct pagestore *)ps, (struct node *)&snap->root, 0,
                   count_private, &n);
    return n;
}

/* ---- Shared-memory objects ------------------------------------------------ */

struct pagestore_shm *pagestore_shm_new(uint64_t size)
{
    if (size == 0 || !range_valid(0, size))
        return NULL;
    struct pagestore_shm *shm = g_new0(struct pagestore_shm, 1);
    shm->refs = 1;
    shm->size = size;
    shm->pages = pagestore_new();
    pagestore_map(shm->pages, 0, size,
                  PAGESTORE_PROT_READ | PAGESTORE_PROT_WRITE);
    return shm;
}

struct pagestore_shm *pagestore_shm_ref(struct pagestore_shm *shm)
{
    shm->refs++;
    return shm;
}

void pagestore_shm_unref(struct pagestore_shm *shm)
{
    if (shm && --shm->refs == 0) {
        pagestore_free(shm->pages);
        g_free(shm);
    }
}

uint64_t pagestore_shm_size(const struct pagestore_shm *shm)
{
    return shm->size;
}

struct pagestore *pagestore_shm_store(const struct pagestore_shm *shm)
{
    return shm->pages;
}

uint8_t *pagestore_shm_translate(struct pagestore_shm *shm, uint64_t offset)
{
    if (offset >= shm->size)
        return NULL;
    return pagestore_translate(shm->pages, offset & PAGESTORE_PAGE_MASK,
                               NULL);
}

int pagestore_map_shm(struct pagestore *ps, uint64_t addr, uint64_t len,
                      unsigned prot, struct pagestore_shm *shm,
                      uint64_t offset)
{
    if (!range_valid(addr, len) || (offset & ~PAGESTORE_PAGE_MASK)
        || offset > shm->size || len > shm->size - offset)
        return -EINVAL;
    for (uint64_t a = addr; a < addr + len; a += PAGESTORE_PAGE_SIZE) {
        struct leaf *leaf = leaf_lookup(ps, a, true, NULL, NULL);
        unsigned i = level_index(a, LEAF_LEVEL);
        struct shm_link *l = g_new(struct shm_link, 1);
        *l = (struct shm_link){ .refs = 1, .shm = pagestore_shm_ref(shm),
                                .offset = offset + (a - addr) };
        clear_entry(ps, leaf, i, a);
        leaf->entry[i] = ENTRY_MAPPED | ENTRY_OBJ | (prot & ENTRY_PROT_MASK);
        g_hash_table_insert(ps->links, link_key(a), l);
        leaf->mapped++;
        ps->mapped++;
    }
    return 0;
}

struct pagestore_shm *pagestore_shm_at(const struct pagestore *ps,
                                       uint64_t addr, uint64_t *offset)
{
    if (addr >= PAGESTORE_ADDR_LIMIT)
        return NULL;
    const struct shm_link *l = g_hash_table_lookup(ps->links,
                                                   link_key(addr));
    if (!l)
        return NULL;
    if (offset)
        *offset = l->offset;
    return l->shm;
}

void pagestore_for_each_shm_page(const struct pagestore *ps,
                                 pagestore_shm_fn fn, void *data)
{
    GHashTableIter it;
    gpointer key, value;

    g_hash_table_iter_init(&it, ps->links);
    while (g_hash_table_iter_next(&it, &key, &value)) {
        const struct shm_link *l = value;
        fn(l->shm, (uint64_t)GPOINTER_TO_SIZE(key) << PAGESTORE_PAGE_BITS,
           l->offset, data);
    }
}

struct pagestore_shm_snapshot *pagestore_shm_snapshot_take(
    struct pagestore_shm *shm)
{
    struct pagestore_shm_snapshot *snap;

    snap = g_new0(struct pagestore_shm_snapshot, 1);
    snap->shm = pagestore_shm_ref(shm);
    snap->pages = pagestore_snapshot_take(shm->pages);
    return snap;
}

void pagestore_shm_snapshot_restore(const struct pagestore_shm_snapshot *snap)
{
    pagestore_snapshot_restore(snap->shm->pages, snap->pages);
}

void pagestore_shm_snapshot_free(struct pagestore_shm_snapshot *snap)
{
    if (!snap)
        return;
    pagestore_snapshot_free(snap->shm->pages, snap->pages);
    pagestore_shm_unref(snap->shm);
    g_free(snap);
}

struct pagestore_shm *pagestore_shm_snapshot_object(
    const struct pagestore_shm_snapshot *snap)
{
    return snap->shm;
}

size_t pagestore_shm_host_pages(const struct pagestore_shm *shm)
{
    return pagestore_host_pages(shm->pages);
}

size_t pagestore_shm_resident_pages(const struct pagestore_shm *shm)
{
    return pagestore_resident_pages(shm->pages);
}
