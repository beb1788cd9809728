/* Unit tests of the page store's shared-memory objects (hw/pagestore.c,
 * SHARED OBJECTS): one object mapped into two stores, as a MAP_SHARED
 * region is after fork; unmapping, lifetimes, and snapshots of stores and
 * objects. */
#include "config.h"

#include "hw/pagestore.h"

#include <errno.h>
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

/* Two stores mapping one object, at different addresses, see each
 * other's writes; their private pages stay their own. */
static void test_two_stores_share(void)
{
    struct pagestore *a = pagestore_new(), *b = pagestore_new();
    struct pagestore_shm *shm = pagestore_shm_new(2 * PAGE);
    unsigned prot = 0;

    g_assert_nonnull(shm);
    g_assert_cmpint(pagestore_map_shm(a, 0x10000, 2 * PAGE, RW, shm, 0), ==, 0);
    g_assert_cmpint(pagestore_map_shm(b, 0x40000, PAGE, PAGESTORE_PROT_READ,
                                      shm, PAGE), ==, 0);
    pagestore_shm_unref(shm);   /* the mappings hold it now */
    g_assert_cmpint(pagestore_map(a, 0x20000, PAGE, RW), ==, 0);
    g_assert_cmpint(pagestore_map(b, 0x20000, PAGE, RW), ==, 0);

    /* Untouched shared pages read as zero and are not resident. */
    g_assert_null(pagestore_peek(a, 0x11000));
    poke(a, 0x11008, 42);
    g_assert_cmpuint(peek(b, 0x40008), ==, 42);
    g_assert_true(pagestore_translate(b, 0x40000, &prot)
                  == pagestore_translate(a, 0x11000, NULL));
    g_assert_cmpuint(prot, ==, PAGESTORE_PROT_READ);   /* the mapping's */
    poke(b, 0x40009, 43);    /* the store writes; protection is the CPU's */
    g_assert_cmpuint(peek(a, 0x11009), ==, 43);

    poke(a, 0x20000, 1);
    poke(b, 0x20000, 2);
    g_assert_cmpuint(peek(a, 0x20000), ==, 1);
    g_assert_cmpuint(peek(b, 0x20000), ==, 2);

    uint64_t off = 0;
    g_assert_true(pagestore_shm_at(a, 0x11000, &off) == shm);
    g_assert_cmpuint(off, ==, PAGE);
    g_assert_null(pagestore_shm_at(a, 0x20000, NULL));
    g_assert_null(pagestore_shm_at(a, 0x90000, NULL));
    g_assert_cmpint(pagestore_prot(b, 0x40000), ==, PAGESTORE_PROT_READ);
    /* Counted as mapped in each store, resident in the object only. */
    g_assert_cmpuint(pagestore_mapped_pages(a), ==, 3);
    g_assert_cmpuint(pagestore_resident_pages(a), ==, 1);
    g_assert_cmpuint(pagestore_shm_resident_pages(shm), ==, 1);
    g_assert_cmpuint(pagestore_shm_size(shm), ==, 2 * PAGE);

    /* One store unmapping leaves the other's view. */
    g_assert_cmpint(pagestore_unmap(a, 0x10000, 2 * PAGE), ==, 0);
    g_assert_cmpint(pagestore_prot(a, 0x11000), ==, -1);
    g_assert_cmpuint(peek(b, 0x40008), ==, 42);
    pagestore_free(a);
    g_assert_cmpuint(peek(b, 0x40009), ==, 43);
    pagestore_free(b);    /* the last mapping frees the object (ASan) */
}

/* Mapping a private page over a shared one (MAP_FIXED) ends the sharing
 * for that page only; bad ranges are refused. */
static void test_replace_and_bounds(void)
{
    struct pagestore *a = pagestore_new(), *b = pagestore_new();
    struct pagestore_shm *shm = pagestore_shm_new(2 * PAGE);

    g_assert_cmpint(pagestore_map_shm(a, 0x10000, 2 * PAGE, RW, shm, 0), ==, 0);
    g_assert_cmpint(pagestore_map_shm(b, 0x10000, 2 * PAGE, RW, shm, 0), ==, 0);
    g_assert_cmpint(pagestore_map_shm(b, 0x10000, PAGE, RW, shm, 2 * PAGE),
                    ==, -EINVAL);
    g_assert_cmpint(pagestore_map_shm(b, 0x10000, 3 * PAGE, RW, shm, 0),
                    ==, -EINVAL);
    g_assert_cmpint(pagestore_map_shm(b, 0x10001, PAGE, RW, shm, 0),
                    ==, -EINVAL);
    g_assert_cmpint(pagestore_map_shm(b, 0x10000, PAGE, RW, shm, 1),
                    ==, -EINVAL);
    g_assert_null(pagestore_shm_new(0));
    g_assert_null(pagestore_shm_new(PAGE + 1));

    g_assert_cmpint(pagestore_map(b, 0x10000, PAGE, RW), ==, 0);
    poke(a, 0x10000, 7);
    poke(a, 0x11000, 8);
    g_assert_cmpuint(peek(b, 0x10000), ==, 0);
    g_assert_cmpuint(peek(b, 0x11000), ==, 8);
    g_assert_null(pagestore_shm_at(b, 0x10000, NULL));
    g_assert_cmpuint(pagestore_mapped_pages(b), ==, 2);
    pagestore_shm_unref(shm);
    pagestore_free(a);
    pagestore_free(b);
}

struct seen {
    struct pagestore_shm *shm;
    unsigned pages;
    uint64_t offsets;    /* sum */
};

static void count_page(struct pagestore_shm *shm, uint64_t addr,
                       uint64_t offset, void *data)
{
    struct seen *s = data;
    g_assert_true(shm == s->shm);
    g_assert_cmpuint(addr - 0x10000, ==, offset);
    s->pages++;
    s->offsets += offset;
}

static void test_for_each(void)
{
    struct pagestore *a = pagestore_new();
    struct pagestore_shm *shm = pagestore_shm_new(3 * PAGE);
    struct seen s = { .shm = shm };

    pagestore_map_shm(a, 0x10000, 3 * PAGE, RW, shm, 0);
    pagestore_map(a, 0x30000, PAGE, RW);
    pagestore_for_each_shm_page(a, count_page, &s);
    g_assert_cmpuint(s.pages, ==, 3);
    g_assert_cmpuint(s.offsets, ==, 3 * PAGE);
    pagestore_shm_unref(shm);
    pagestore_free(a);
}

/* Time travel with two stores mapping one object: the stores' snapshots
 * keep the mappings, the object's snapshot (one for both) its contents.
 * Restoring them brings both views back, consistently. */
static void test_snapshots(void)
{
    struct pagestore *a = pagestore_new(), *b = pagestore_new();
    struct pagestore_shm *shm = pagestore_shm_new(PAGE);

    pagestore_map_shm(a, 0x10000, PAGE, RW, shm, 0);
    pagestore_map_shm(b, 0x50000, PAGE, RW, shm, 0);
    poke(a, 0x10000, 1);

    struct pagestore_snapshot *sa = pagestore_snapshot_take(a);
    struct pagestore_snapshot *sb = pagestore_snapshot_take(b);
    struct pagestore_shm_snapshot *so = pagestore_shm_snapshot_take(shm);
    g_assert_true(pagestore_shm_snapshot_object(so) == shm);
    /* A store's snapshot holds none of the object's pages. */
    g_assert_cmpuint(pagestore_host_pages(a), ==, 0);
    g_assert_cmpuint(pagestore_shm_host_pages(shm), ==, 1);

    /* The child writes; the page is copied once, for both views. */
    poke(b, 0x50000, 2);
    g_assert_cmpuint(peek(a, 0x10000), ==, 2);
    g_assert_cmpuint(pagestore_shm_host_pages(shm), ==, 2);
    g_assert_cmpuint(pagestore_shm_resident_pages(shm), ==, 1);
    /* And then unmaps it; the parent maps something else there. */
    pagestore_unmap(b, 0x50000, PAGE);
    pagestore_map(a, 0x10000, PAGE, RW);
    poke(a, 0x10000, 9);

    pagestore_snapshot_restore(a, sa);
    pagestore_snapshot_restore(b, sb);
    pagestore_shm_snapshot_restore(so);
    g_assert_cmpuint(peek(a, 0x10000), ==, 1);
    g_assert_cmpuint(peek(b, 0x50000), ==, 1);
    g_assert_true(pagestore_shm_at(a, 0x10000, NULL) == shm);
    /* Shared again, after the restore as before. */
    poke(a, 0x10000, 5);
    g_assert_cmpuint(peek(b, 0x50000), ==, 5);

    /* Going forward again: another restore of the same snapshots. */
    pagestore_shm_snapshot_restore(so);
    g_assert_cmpuint(peek(b, 0x50000), ==, 1);

    pagestore_shm_unref(shm);
    pagestore_snapshot_free(a, sa);
    pagestore_snapshot_free(b, sb);
    pagestore_free(a);
    pagestore_free(b);
    /* The object's snapshot keeps it alive, and frees it last. */
    pagestore_shm_snapshot_restore(so);
    pagestore_shm_snapshot_free(so);
}

/* A store's snapshot alone keeps the object its mappings name. */
static void test_snapshot_holds_object(void)
{
    struct pagestore *a = pagestore_new();
    struct pagestore_shm *shm = pagestore_shm_new(PAGE);

    pagestore_map_shm(a, 0x10000, PAGE, RW, shm, 0);
    pagestore_shm_unref(shm);
    poke(a, 0x10000, 3);
    struct pagestore_snapshot *sa = pagestore_snapshot_take(a);
    pagestore_unmap(a, 0x10000, PAGE);
    g_assert_cmpint(pagestore_prot(a, 0x10000), ==, -1);
    pagestore_snapshot_restore(a, sa);
    g_assert_cmpuint(peek(a, 0x10000), ==, 3);
    g_assert_cmpint(pagestore_prot(a, 0x10000), ==, RW);
    pagestore_snapshot_free(a, sa);
    pagestore_free(a);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/pagestore-shm/two-stores-share", test_two_stores_share);
    g_test_add_func("/pagestore-shm/replace-and-bounds",
                    test_replace_and_bounds);
    g_test_add_func("/pagestore-shm/for-each", test_for_each);
    g_test_add_func("/pagestore-shm/snapshots", test_snapshots);
    g_test_add_func("/pagestore-shm/snapshot-holds-object",
                    test_snapshot_holds_object);
    return g_test_run();
}
