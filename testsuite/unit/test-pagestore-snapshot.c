/* Unit tests of the page store's copy-on-write snapshots and dirty
 * tracking (hw/pagestore.c, SNAPSHOT). */
#include "config.h"

#include "hw/pagestore.h"

#include <glib.h>
#include <string.h>

#define PAGE PAGESTORE_PAGE_SIZE
#define RW (PAGESTORE_PROT_READ | PAGESTORE_PROT_WRITE)

static void poke(struct pagestore *ps, uint64_t addr, uint8_t v)
{
    uint8_t *page = pagestore_translate(ps, addr, NULL);
    g_assert_nonnull(page);
    page[addr & ~PAGESTORE_PAGE_MASK] = v;
}

static uint8_t peek(struct pagestore *ps, uint64_t addr)
{
    const uint8_t *page = pagestore_peek(ps, addr);
    return page ? page[addr & ~PAGESTORE_PAGE_MASK] : 0;
}

/* Writes after a snapshot leave it intact; restoring brings back the old
 * bytes; only the pages touched get copies. */
static void test_copy_on_write(void)
{
    struct pagestore *ps = pagestore_new();
    g_assert_cmpint(pagestore_map(ps, 0x10000, 4 * PAGE, RW), ==, 0);
    poke(ps, 0x10000, 1);
    poke(ps, 0x11000, 2);
    g_assert_cmpuint(pagestore_dirty_pages(ps), ==, 2);
    g_assert_cmpuint(pagestore_host_pages(ps), ==, 2);

    struct pagestore_snapshot *snap = pagestore_snapshot_take(ps);
    g_assert_nonnull(snap);
    g_assert_cmpuint(pagestore_dirty_pages(ps), ==, 0);
    /* Taking it copies nothing. */
    g_assert_cmpuint(pagestore_host_pages(ps), ==, 2);
    const uint8_t *before = pagestore_peek(ps, 0x10000);

    poke(ps, 0x10000, 10);           /* copied */
    poke(ps, 0x12000, 30);           /* first touch */
    g_assert_true(pagestore_peek(ps, 0x10000) != before);
    g_assert_cmpuint(pagestore_dirty_pages(ps), ==, 2);
    g_assert_cmpuint(pagestore_host_pages(ps), ==, 4);
    g_assert_cmpuint(pagestore_resident_pages(ps), ==, 3);
    g_assert_cmpuint(peek(ps, 0x10000), ==, 10);
    /* The snapshot alone holds the old first page. */
    g_assert_cmpuint(pagestore_snapshot_private_pages(ps, snap), ==, 1);
    /* A second translation of a copied page is the same page. */
    g_assert_true(pagestore_translate(ps, 0x10000, NULL)
                  == pagestore_peek(ps, 0x10000));

    pagestore_snapshot_restore(ps, snap);
    g_assert_cmpuint(peek(ps, 0x10000), ==, 1);
    g_assert_cmpuint(peek(ps, 0x11000), ==, 2);
    g_assert_null(pagestore_peek(ps, 0x12000));   /* untouched again */
    g_assert_cmpuint(pagestore_resident_pages(ps), ==, 2);
    g_assert_cmpuint(pagestore_host_pages(ps), ==, 2);

    /* The snapshot can be restored again after more writes. */
    poke(ps, 0x11000, 22);
    g_assert_cmpuint(peek(ps, 0x11000), ==, 22);
    pagestore_snapshot_restore(ps, snap);
    g_assert_cmpuint(peek(ps, 0x11000), ==, 2);

    pagestore_snapshot_free(ps, snap);
    /* Sole holder again: a translation no longer copies. */
    const uint8_t *p = pagestore_peek(ps, 0x11000);
    g_assert_true(pagestore_translate(ps, 0x11000, NULL) == p);
    g_assert_cmpuint(pagestore_host_pages(ps), ==, 2);
    pagestore_free(ps);
}

/* Mappings are part of a snapshot: unmap, remap and protect are undone. */
static void test_mappings_restored(void)
{
    struct pagestore *ps = pagestore_new();
    pagestore_map(ps, 0x400000, 2 * PAGE, PAGESTORE_PROT_READ);
    poke(ps, 0x400010, 0x55);
    struct pagestore_snapshot *snap = pagestore_snapshot_take(ps);

    pagestore_unmap(ps, 0x400000, PAGE);
    pagestore_protect(ps, 0x401000, PAGE, RW);
    pagestore_map(ps, 0x7000000000, PAGE, RW);
    g_assert_cmpint(pagestore_prot(ps, 0x400000), ==, -1);
    g_assert_cmpuint(pagestore_mapped_pages(ps), ==, 2);

    pagestore_snapshot_restore(ps, snap);
    g_assert_cmpint(pagestore_prot(ps, 0x400000), ==, PAGESTORE_PROT_READ);
    g_assert_cmpint(pagestore_prot(ps, 0x401000), ==, PAGESTORE_PROT_READ);
    g_assert_cmpint(pagestore_prot(ps, 0x7000000000), ==, -1);
    g_assert_cmpuint(pagestore_mapped_pages(ps), ==, 2);
    g_assert_cmpuint(peek(ps, 0x400010), ==, 0x55);
    pagestore_snapshot_free(ps, snap);
    pagestore_free(ps);
}

/* Several snapshots share unchanged pages; each keeps its own version of
 * changed ones; freeing them in any order frees exactly their pages. */
static void test_many_snapshots(void)
{
    struct pagestore *ps = pagestore_new();
    struct pagestore_snapshot *snaps[8];
    pagestore_map(ps, 0, 16 * PAGE, RW);
    for (int i = 0; i < 16; i++)
        poke(ps, i * PAGE, 0xee);
    for (int s = 0; s < 8; s++) {
        poke(ps, 0, (uint8_t)s);       /* one page changes each time */
        snaps[s] = pagestore_snapshot_take(ps);
    }
    /* 16 pages plus one old copy of page 0 for each snapshot but the
     * last, which shares it with the store. */
    g_assert_cmpuint(pagestore_host_pages(ps), ==, 16 + 7);
    for (int s = 7; s >= 0; s--) {
        pagestore_snapshot_restore(ps, snaps[s]);
        g_assert_cmpuint(peek(ps, 0), ==, s);
        g_assert_cmpuint(peek(ps, 15 * PAGE), ==, 0xee);
    }
    pagestore_snapshot_free(ps, snaps[3]);
    pagestore_snapshot_free(ps, snaps[0]);
    pagestore_snapshot_restore(ps, snaps[5]);
    g_assert_cmpuint(peek(ps, 0), ==, 5);
    for (int s = 1; s < 8; s++) {
        if (s != 3)
            pagestore_snapshot_free(ps, snaps[s]);
    }
    g_assert_cmpuint(pagestore_host_pages(ps), ==, 16);
    pagestore_free(ps);
}

/* A snapshot not freed before its store is freed with it (no leak under
 * ASan). */
static void test_free_with_snapshot(void)
{
    struct pagestore *ps = pagestore_new();
    pagestore_map(ps, 0, 2 * PAGE, RW);
    poke(ps, 0, 1);
    struct pagestore_snapshot *snap = pagestore_snapshot_take(ps);
    poke(ps, 0, 2);
    pagestore_snapshot_free(ps, snap);
    snap = pagestore_snapshot_take(ps);
    pagestore_unmap(ps, 0, 2 * PAGE);
    g_assert_cmpuint(pagestore_host_pages(ps), ==, 1);
    pagestore_snapshot_free(ps, snap);
    g_assert_cmpuint(pagestore_host_pages(ps), ==, 0);
    pagestore_free(ps);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/pagestore/snapshot/copy-on-write", test_copy_on_write);
    g_test_add_func("/pagestore/snapshot/mappings", test_mappings_restored);
    g_test_add_func("/pagestore/snapshot/many", test_many_snapshots);
    g_test_add_func("/pagestore/snapshot/free", test_free_with_snapshot);
    return g_test_run();
}
