/* Unit tests of the page store (hw/pagestore.c). */
#include "config.h"

#include "hw/pagestore.h"

#include <errno.h>
#include <glib.h>
#include <string.h>

#define PAGE PAGESTORE_PAGE_SIZE

static void test_map_lookup(void)
{
    struct pagestore *ps = pagestore_new();
    g_assert_cmpint(pagestore_map(ps, 0x400000, 3 * PAGE,
                                  PAGESTORE_PROT_READ | PAGESTORE_PROT_EXEC),
                    ==, 0);
    g_assert_cmpuint(pagestore_mapped_pages(ps), ==, 3);
    g_assert_cmpuint(pagestore_resident_pages(ps), ==, 0);
    g_assert_null(pagestore_peek(ps, 0x401000));

    unsigned prot = 0;
    uint8_t *p = pagestore_translate(ps, 0x401234, &prot);
    g_assert_nonnull(p);
    g_assert_cmpuint(prot, ==, PAGESTORE_PROT_READ | PAGESTORE_PROT_EXEC);
    g_assert_cmpuint((uintptr_t)p % PAGE, ==, 0);
    for (size_t i = 0; i < PAGE; i++)
        g_assert_cmpuint(p[i], ==, 0);
    g_assert_cmpuint(pagestore_resident_pages(ps), ==, 1);
    g_assert_true(pagestore_peek(ps, 0x401fff) == p);
    g_assert_null(pagestore_peek(ps, 0x400000));
    g_assert_null(pagestore_peek(ps, 0x7000000000));
    /* The same page again: same host memory, no new allocation. */
    p[5] = 0xab;
    g_assert_true(pagestore_translate(ps, 0x401000, NULL) == p);
    g_assert_cmpuint(pagestore_translate(ps, 0x401000, NULL)[5], ==, 0xab);
    g_assert_cmpuint(pagestore_resident_pages(ps), ==, 1);

    g_assert_null(pagestore_translate(ps, 0x3ff000, NULL));
    g_assert_null(pagestore_translate(ps, 0x403000, NULL));
    g_assert_null(pagestore_translate(ps, PAGESTORE_ADDR_LIMIT, NULL));
    g_assert_null(pagestore_translate(ps, UINT64_MAX, NULL));
    g_assert_cmpint(pagestore_prot(ps, 0x402fff), ==,
                    PAGESTORE_PROT_READ | PAGESTORE_PROT_EXEC);
    g_assert_cmpint(pagestore_prot(ps, 0x403000), ==, -1);
    pagestore_free(ps);
}

static void test_bad_ranges(void)
{
    struct pagestore *ps = pagestore_new();
    g_assert_cmpint(pagestore_map(ps, 0x1001, PAGE, 1), ==, -EINVAL);
    g_assert_cmpint(pagestore_map(ps, 0x1000, 10, 1), ==, -EINVAL);
    g_assert_cmpint(pagestore_map(ps, PAGESTORE_ADDR_LIMIT - PAGE, 2 * PAGE, 1),
                    ==, -EINVAL);
    g_assert_cmpint(pagestore_map(ps, UINT64_MAX & PAGESTORE_PAGE_MASK,
                                  PAGE, 1), ==, -EINVAL);
    g_assert_cmpint(pagestore_unmap(ps, 0x1000, UINT64_MAX & PAGESTORE_PAGE_MASK),
                    ==, -EINVAL);
    /* The very last page of the space is fine. */
    g_assert_cmpint(pagestore_map(ps, PAGESTORE_ADDR_LIMIT - PAGE, PAGE, 3),
                    ==, 0);
    g_assert_nonnull(pagestore_translate(ps, PAGESTORE_ADDR_LIMIT - 1, NULL));
    g_assert_cmpuint(pagestore_mapped_pages(ps), ==, 1);
    pagestore_free(ps);
}

static void test_remap_zeroes(void)
{
    struct pagestore *ps = pagestore_new();
    g_assert_cmpint(pagestore_map(ps, 0x10000, PAGE, 3), ==, 0);
    uint8_t *p = pagestore_translate(ps, 0x10000, NULL);
    memset(p, 0x55, PAGE);
    g_assert_cmpint(pagestore_map(ps, 0x10000, PAGE, 1), ==, 0);
    unsigned prot;
    p = pagestore_translate(ps, 0x10000, &prot);
    g_assert_cmpuint(prot, ==, 1);
    g_assert_cmpuint(p[0], ==, 0);
    g_assert_cmpuint(p[PAGE - 1], ==, 0);
    g_assert_cmpuint(pagestore_mapped_pages(ps), ==, 1);
    g_assert_cmpuint(pagestore_resident_pages(ps), ==, 1);
    pagestore_free(ps);
}

static void test_unmap(void)
{
    struct pagestore *ps = pagestore_new();
    g_assert_cmpint(pagestore_map(ps, 0x200000 - 2 * PAGE, 4 * PAGE, 3), ==, 0);
    for (uint64_t a = 0x200000 - 2 * PAGE; a < 0x200000 + 2 * PAGE; a += PAGE)
        g_assert_nonnull(pagestore_translate(ps, a, NULL));
    g_assert_cmpuint(pagestore_resident_pages(ps), ==, 4);
    /* Unmap across a leaf boundary, with holes around it. */
    g_assert_cmpint(pagestore_unmap(ps, 0x200000 - PAGE, 0x10000), ==, 0);
    g_assert_nonnull(pagestore_translate(ps, 0x200000 - 2 * PAGE, NULL));
    g_assert_null(pagestore_translate(ps, 0x200000 - PAGE, NULL));
    g_assert_null(pagestore_translate(ps, 0x200000, NULL));
    g_assert_null(pagestore_translate(ps, 0x200000 + PAGE, NULL));
    g_assert_cmpuint(pagestore_mapped_pages(ps), ==, 1);
    g_assert_cmpuint(pagestore_resident_pages(ps), ==, 1);
    /* Unmapping nothing is fine. */
    g_assert_cmpint(pagestore_unmap(ps, 0x7f0000000000, 0x100000000), ==, 0);
    g_assert_cmpint(pagestore_unmap(ps, 0, PAGESTORE_ADDR_LIMIT), ==, 0);
    g_assert_cmpuint(pagestore_mapped_pages(ps), ==, 0);
    g_assert_cmpuint(pagestore_resident_pages(ps), ==, 0);
    pagestore_free(ps);
}

static void test_protect(void)
{
    struct pagestore *ps = pagestore_new();
    g_assert_cmpint(pagestore_map(ps, 0x10000, 4 * PAGE, 3), ==, 0);
    uint8_t *p = pagestore_translate(ps, 0x11000, NULL);
    p[0] = 7;
    g_assert_cmpint(pagestore_protect(ps, 0x11000, 2 * PAGE, 1), ==, 0);
    g_assert_cmpint(pagestore_prot(ps, 0x10000), ==, 3);
    g_assert_cmpint(pagestore_prot(ps, 0x11000), ==, 1);
    g_assert_cmpint(pagestore_prot(ps, 0x12000), ==, 1);
    g_assert_cmpint(pagestore_prot(ps, 0x13000), ==, 3);
    /* Contents survive a protection change. */
    g_assert_true(pagestore_translate(ps, 0x11000, NULL) == p);
    g_assert_cmpuint(p[0], ==, 7);
    /* A hole in the range: -ENOMEM and nothing changes. */
    g_assert_cmpint(pagestore_protect(ps, 0x10000, 5 * PAGE, 0), ==, -ENOMEM);
    g_assert_cmpint(pagestore_prot(ps, 0x10000), ==, 3);
    g_assert_cmpint(pagestore_protect(ps, 0x10000, 4 * PAGE, 0), ==, 0);
    g_assert_cmpint(pagestore_prot(ps, 0x13000), ==, 0);
    g_assert_true(pagestore_range_ok(ps, 0x10000, 4 * PAGE, 0));
    g_assert_false(pagestore_range_ok(ps, 0x10000, 4 * PAGE, 1));
    pagestore_free(ps);
}

static void test_range_ok(void)
{
    struct pagestore *ps = pagestore_new();
    g_assert_cmpint(pagestore_map(ps, 0x10000, 2 * PAGE, 3), ==, 0);
    g_assert_true(pagestore_range_ok(ps, 0x10ffe, 4, 3));
    g_assert_true(pagestore_range_ok(ps, 0x11fff, 1, 2));
    g_assert_false(pagestore_range_ok(ps, 0x11fff, 2, 1));
    g_assert_false(pagestore_range_ok(ps, 0xffff, 2, 1));
    g_assert_true(pagestore_range_ok(ps, 0x5, 0, 7));
    g_assert_false(pagestore_range_ok(ps, 0x10000, UINT64_MAX, 0));
    g_assert_false(pagestore_range_ok(ps, 0x10000, 4, 4));
    /* range_ok never allocates. */
    g_assert_cmpuint(pagestore_resident_pages(ps), ==, 0);
    pagestore_free(ps);
}

/* A glibc arena reserves 64 MiB PROT_NONE; a 1 GiB reservation must not
 * cost 1 GiB. Touch two pages: two resident pages. */
static void test_lazy_reservation(void)
{
    struct pagestore *ps = pagestore_new();
    uint64_t base = 0x7f0000000000;
    uint64_t len = 1ull << 30;
    g_assert_cmpint(pagestore_map(ps, base, len, 0), ==, 0);
    g_assert_cmpuint(pagestore_mapped_pages(ps), ==, len / PAGE);
    g_assert_cmpuint(pagestore_resident_pages(ps), ==, 0);
    g_assert_cmpint(pagestore_protect(ps, base + 0x100000, 2 * PAGE, 3), ==, 0);
    g_assert_nonnull(pagestore_translate(ps, base + 0x100000, NULL));
    g_assert_nonnull(pagestore_translate(ps, base + 0x101fff, NULL));
    g_assert_cmpuint(pagestore_resident_pages(ps), ==, 2);
    g_assert_cmpint(pagestore_unmap(ps, base, len), ==, 0);
    g_assert_cmpuint(pagestore_resident_pages(ps), ==, 0);
    g_assert_cmpuint(pagestore_mapped_pages(ps), ==, 0);
    pagestore_free(ps);
}

static void test_find_mapped(void)
{
    struct pagestore *ps = pagestore_new();
    uint64_t page;
    g_assert_false(pagestore_first_mapped(ps, 0, PAGESTORE_ADDR_LIMIT, &page));
    g_assert_false(pagestore_last_mapped(ps, 0, PAGESTORE_ADDR_LIMIT, &page));
    g_assert_cmpint(pagestore_map(ps, 0x400000, 2 * PAGE, 1), ==, 0);
    g_assert_cmpint(pagestore_map(ps, 0x7ff000000000, PAGE, 1), ==, 0);
    g_assert_true(pagestore_first_mapped(ps, 0, PAGESTORE_ADDR_LIMIT, &page));
    g_assert_cmphex(page, ==, 0x400000);
    g_assert_true(pagestore_first_mapped(ps, 0x401000, PAGESTORE_ADDR_LIMIT,
                                         &page));
    g_assert_cmphex(page, ==, 0x401000);
    g_assert_true(pagestore_first_mapped(ps, 0x402000, PAGESTORE_ADDR_LIMIT,
                                         &page));
    g_assert_cmphex(page, ==, 0x7ff000000000);
    g_assert_false(pagestore_first_mapped(ps, 0x402000, 0x7ff000000000, &page));
    g_assert_true(pagestore_last_mapped(ps, 0, PAGESTORE_ADDR_LIMIT, &page));
    g_assert_cmphex(page, ==, 0x7ff000000000);
    g_assert_true(pagestore_last_mapped(ps, 0, 0x7ff000000000, &page));
    g_assert_cmphex(page, ==, 0x401000);
    g_assert_false(pagestore_last_mapped(ps, 0x402000, 0x7ff000000000, &page));
    g_assert_false(pagestore_last_mapped(ps, 0, 0x400000, &page));
    pagestore_free(ps);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/pagestore/map-lookup", test_map_lookup);
    g_test_add_func("/pagestore/bad-ranges", test_bad_ranges);
    g_test_add_func("/pagestore/remap-zeroes", test_remap_zeroes);
    g_test_add_func("/pagestore/unmap", test_unmap);
    g_test_add_func("/pagestore/protect", test_protect);
    g_test_add_func("/pagestore/range-ok", test_range_ok);
    g_test_add_func("/pagestore/lazy-reservation", test_lazy_reservation);
    g_test_add_func("/pagestore/find-mapped", test_find_mapped);
    return g_test_run();
}
