/* Unit tests of the page store's copy-on-write fork (hw/pagestore.c,
 * FORK): a forked store shares its source's pages until either writes;
 * shared objects stay shared; snapshots of a family of stores count their
 * pages once. */
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

/* The child starts with the parent's bytes and mappings and no copies;
 * a write on either side copies that page for the writer only. */
static void test_copy_on_write(void)
{
    struct pagestore *parent = pagestore_new();

    pagestore_map(parent, 0x10000, 4 * PAGE, RW);
    pagestore_map(parent, 0x20000, PAGE, PAGESTORE_PROT_READ);
    poke(parent, 0x10000, 1);
    poke(parent, 0x11000, 2);
    poke(parent, 0x12000, 3);
    const uint8_t *before = pagestore_peek(parent, 0x10000);

    struct pagestore *child = pagestore_fork(parent);
    g_assert_true(pagestore_same_family(parent, child));
    g_assert_cmpuint(pagestore_host_pages(parent), ==, 3);   /* no copies */
    g_assert_cmpuint(pagestore_host_pages(child), ==, 3);
    g_assert_cmpuint(pagestore_mapped_pages(child), ==, 5);
    g_assert_cmpuint(pagestore_resident_pages(child), ==, 3);
    g_assert_cmpint(pagestore_prot(child, 0x20000), ==, PAGESTORE_PROT_READ);
    g_assert_true(pagestore_peek(child, 0x10000) == before);
    g_assert_null(pagestore_peek(child, 0x13000));   /* untouched stays so */
    g_assert_cmpuint(pagestore_history_pages(child), ==, 0);

    poke(child, 0x10000, 10);
    g_assert_cmpuint(peek(child, 0x10000), ==, 10);
    g_assert_cmpuint(peek(parent, 0x10000), ==, 1);
    g_assert_true(pagestore_peek(parent, 0x10000) == before);
    g_assert_cmpuint(pagestore_host_pages(parent), ==, 4);
    poke(parent, 0x11000, 20);
    g_assert_cmpuint(peek(child, 0x11000), ==, 2);
    g_assert_cmpuint(pagestore_host_pages(parent), ==, 5);
    /* A page first touched after the fork is the toucher's alone. */
    poke(parent, 0x13000, 4);
    g_assert_null(pagestore_peek(child, 0x13000));
    /* Only stores hold pages: no history. */
    g_assert_cmpuint(pagestore_history_pages(parent), ==, 0);

    /* The child goes (exits, or execs): the page it still shared is the
     * parent's own again, kept, not copied. */
    const uint8_t *third = pagestore_peek(parent, 0x12000);
    pagestore_free(child);
    g_assert_cmpuint(pagestore_host_pages(parent), ==, 4);
    g_assert_true(pagestore_translate(parent, 0x12000, NULL) == third);
    g_assert_cmpuint(peek(parent, 0x12000), ==, 3);
    pagestore_free(parent);
}

/* The parent may go first; a grandchild is of the same family. */
static void test_parent_goes_first(void)
{
    struct pagestore *parent = pagestore_new();
    pagestore_map(parent, 0x10000, PAGE, RW);
    poke(parent, 0x10000, 7);
    struct pagestore *child = pagestore_fork(parent);
    struct pagestore *grandchild = pagestore_fork(child);
    g_assert_true(pagestore_same_family(parent, grandchild));
    pagestore_free(parent);
    poke(grandchild, 0x10000, 8);
    g_assert_cmpuint(peek(child, 0x10000), ==, 7);
    pagestore_free(child);
    g_assert_cmpuint(peek(grandchild, 0x10000), ==, 8);
    g_assert_cmpuint(pagestore_host_pages(grandchild), ==, 1);
    pagestore_free(grandchild);

    struct pagestore *a = pagestore_new(), *b = pagestore_new();
    g_assert_false(pagestore_same_family(a, b));
    pagestore_free(a);
    pagestore_free(b);
}

/* MAP_SHARED pages stay shared in the child. */
static void test_shared_objects_stay_shared(void)
{
    struct pagestore *parent = pagestore_new();
    struct pagestore_shm *shm = pagestore_shm_new(PAGE);
    pagestore_map_shm(parent, 0x10000, PAGE, RW, shm, 0);
    pagestore_shm_unref(shm);
    pagestore_map(parent, 0x20000, PAGE, RW);
    poke(parent, 0x10000, 1);
    poke(parent, 0x20000, 1);

    struct pagestore *child = pagestore_fork(parent);
    g_assert_true(pagestore_shm_at(child, 0x10000, NULL) == shm);
    poke(child, 0x10000, 2);
    poke(child, 0x20000, 2);
    g_assert_cmpuint(peek(parent, 0x10000), ==, 2);
    g_assert_cmpuint(peek(parent, 0x20000), ==, 1);
    pagestore_free(parent);
    g_assert_cmpuint(peek(child, 0x10000), ==, 2);
    pagestore_free(child);
}

/* Snapshots of a family: each store's comes back whole; the pages only
 * snapshots hold are counted once for the family. */
static void test_snapshots_of_a_family(void)
{
    struct pagestore *parent = pagestore_new();
    pagestore_map(parent, 0x10000, 2 * PAGE, RW);
    poke(parent, 0x10000, 1);
    poke(parent, 0x11000, 1);
    struct pagestore *child = pagestore_fork(parent);
    struct pagestore_snapshot *sp = pagestore_snapshot_take(parent);
    struct pagestore_snapshot *sc = pagestore_snapshot_take(child);
    g_assert_cmpuint(pagestore_history_pages(parent), ==, 0);

    poke(parent, 0x10000, 2);   /* copy: old page still the child's */
    g_assert_cmpuint(pagestore_history_pages(parent), ==, 0);
    poke(child, 0x10000, 3);    /* copy: old page the snapshots' alone */
    g_assert_cmpuint(pagestore_history_pages(parent), ==, 1);
    g_assert_cmpuint(pagestore_history_pages(child), ==, 1);
    g_assert_cmpuint(pagestore_host_pages(parent), ==, 4);

    pagestore_snapshot_restore(parent, sp);
    pagestore_snapshot_restore(child, sc);
    g_assert_cmpuint(peek(parent, 0x10000), ==, 1);
    g_assert_cmpuint(peek(child, 0x10000), ==, 1);
    g_assert_cmpuint(pagestore_history_pages(parent), ==, 0);
    /* Still copy-on-write between the two after the restore. */
    poke(child, 0x11000, 5);
    g_assert_cmpuint(peek(parent, 0x11000), ==, 1);

    pagestore_snapshot_free(parent, sp);
    pagestore_snapshot_free(child, sc);
    pagestore_free(child);
    pagestore_free(parent);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/pagestore-fork/copy-on-write", test_copy_on_write);
    g_test_add_func("/pagestore-fork/parent-goes-first",
                    test_parent_goes_first);
    g_test_add_func("/pagestore-fork/shared-objects-stay-shared",
                    test_shared_objects_stay_shared);
    g_test_add_func("/pagestore-fork/snapshots-of-a-family",
                    test_snapshots_of_a_family);
    return g_test_run();
}
