/* user_process_mem_region (user/process-regions.c): the regions lldb's
 * qMemoryRegionInfo reports, on a real process whose address space the
 * test then lays out by hand far from the program's own mappings. */
#include "config.h"

#include "user/process.h"
#include "user/user-internal.h"
#include "syscall-harness.h"
#include "user/mte.h"

#include "cpu/cpu.h"
#include "hw/pagestore.h"

#include <glib.h>
#include <sys/mman.h>

#define P PAGESTORE_PAGE_SIZE
/* An empty part of the space: tiny-aarch64.elf lives at 0x400000 and its
 * stack near the top of the 48-bit space. */
#define BASE 0x100000000000ull
/* The 256 MiB boundary the regions are cut at. */
#define CHUNK (256ull << 20)

static void map(struct user_process *p, uint64_t addr, uint64_t len,
                unsigned prot, bool tagged)
{
    g_assert_cmpint(pagestore_map(p->mem, addr, len, prot), ==, 0);
    user_mte_map(p, addr, len, tagged);
}

static void assert_region(struct user_process *p, uint64_t addr,
                          uint64_t start, uint64_t last, bool mapped,
                          unsigned prot, bool tagged)
{
    struct user_mem_region r;

    user_process_mem_region(p, addr, &r);
    g_assert_cmphex(r.start, ==, start);
    g_assert_cmphex(r.last, ==, last);
    g_assert_cmpint(r.mapped, ==, mapped);
    g_assert_cmpuint(r.prot, ==, prot);
    g_assert_cmpint(r.tagged, ==, tagged);
}

static void test_runs_split_by_protection_and_tags(void)
{
    struct user_process *p = tiny_process_new(NULL);

    map(p, BASE, 3 * P, PROT_READ | PROT_WRITE, false);
    map(p, BASE + 3 * P, 2 * P, PROT_READ | PROT_WRITE, true);
    map(p, BASE + 5 * P, P, PROT_READ | PROT_EXEC, false);
    map(p, BASE + 10 * P, P, PROT_NONE, false);

    assert_region(p, BASE, BASE, BASE + 3 * P - 1, true,
                  PROT_READ | PROT_WRITE, false);
    assert_region(p, BASE + 3 * P - 1, BASE, BASE + 3 * P - 1, true,
                  PROT_READ | PROT_WRITE, false);
    assert_region(p, BASE + 4 * P + 5, BASE + 3 * P, BASE + 5 * P - 1, true,
                  PROT_READ | PROT_WRITE, true);
    assert_region(p, BASE + 5 * P, BASE + 5 * P, BASE + 6 * P - 1, true,
                  PROT_READ | PROT_EXEC, false);
    /* The gap between, and a mapping with no access at all. */
    assert_region(p, BASE + 8 * P, BASE + 6 * P, BASE + 10 * P - 1, false,
                  0, false);
    assert_region(p, BASE + 10 * P, BASE + 10 * P, BASE + 11 * P - 1, true,
                  PROT_NONE, false);
    user_process_free(p);
}

static void test_gaps_reach_neighbours_and_the_top(void)
{
    struct user_process *p = tiny_process_new(NULL);
    struct user_mem_region r, top;

    map(p, BASE, P, PROT_READ, false);
    /* Below BASE: a gap from whatever the program maps below it. */
    user_process_mem_region(p, BASE - 1, &r);
    g_assert_false(r.mapped);
    g_assert_cmphex(r.last, ==, BASE - 1);
    g_assert_cmphex(r.start, <, BASE);
    g_assert_cmphex(r.start % P, ==, 0);
    /* Past the 48-bit space: the last gap, to the end of the 64-bit
     * space, which starts where the highest mapping ends. */
    user_process_mem_region(p, 1ull << 60, &top);
    g_assert_false(top.mapped);
    g_assert_cmphex(top.last, ==, UINT64_MAX);
    g_assert_cmphex(top.start, <=, PAGESTORE_ADDR_LIMIT);
    g_assert_cmphex(top.start, >, BASE);
    user_process_mem_region(p, UINT64_MAX, &r);
    g_assert_cmphex(r.start, ==, top.start);
    g_assert_cmphex(r.last, ==, UINT64_MAX);
    if (top.start < PAGESTORE_ADDR_LIMIT) {
        user_process_mem_region(p, top.start, &r);
        g_assert_cmphex(r.start, ==, top.start);
        g_assert_cmphex(r.last, ==, UINT64_MAX);
    }
    user_process_free(p);
}

static void test_large_mappings_cut_at_chunks(void)
{
    struct user_process *p = tiny_process_new(NULL);
    uint64_t c = BASE + CHUNK;   /* a chunk boundary */

    map(p, c - 2 * P, CHUNK + 4 * P, PROT_READ | PROT_WRITE, false);
    /* The same pieces whichever address of them is asked about. */
    assert_region(p, c - 2 * P, c - 2 * P, c - 1, true,
                  PROT_READ | PROT_WRITE, false);
    assert_region(p, c - 1, c - 2 * P, c - 1, true, PROT_READ | PROT_WRITE,
                  false);
    assert_region(p, c, c, c + CHUNK - 1, true, PROT_READ | PROT_WRITE,
                  false);
    assert_region(p, c + CHUNK - 1, c, c + CHUNK - 1, true,
                  PROT_READ | PROT_WRITE, false);
    assert_region(p, c + CHUNK, c + CHUNK, c + CHUNK + 2 * P - 1, true,
                  PROT_READ | PROT_WRITE, false);
    user_process_free(p);
}

static void test_walk_tiles_the_space(void)
{
    struct user_process *p = tiny_process_new(NULL);
    struct user_mem_region r;
    uint64_t addr = 0;
    unsigned regions = 0, mapped = 0;

    map(p, BASE, 2 * P, PROT_READ | PROT_WRITE, true);
    /* As lldb walks: each region starts where the last one ended. */
    for (;;) {
        user_process_mem_region(p, addr, &r);
        g_assert_cmphex(r.start, ==, addr);
        g_assert_cmphex(r.last, >=, addr);
        regions++;
        mapped += r.mapped;
        g_assert_cmpuint(regions, <, 1000);
        if (r.last == UINT64_MAX)
            break;
        addr = r.last + 1;
    }
    /* The program, its stack and ours at least; gaps between. */
    g_assert_cmpuint(mapped, >=, 3);
    g_assert_cmpuint(regions, >, mapped);
    user_process_free(p);
}

static void test_cpu_view(void)
{
    struct user_process *p = tiny_process_new(NULL);
    struct user_mem_region a, b;

    map(p, BASE, P, PROT_READ, true);
    g_assert_true(user_cpu_mem_region(user_process_cpu(p), BASE, &a));
    user_process_mem_region(p, BASE, &b);
    g_assert_cmphex(a.start, ==, b.start);
    g_assert_cmphex(a.last, ==, b.last);
    g_assert_true(a.mapped && a.tagged);
    g_assert_false(user_cpu_mem_region(NULL, BASE, &a));
    user_process_free(p);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/user/regions/runs", test_runs_split_by_protection_and_tags);
    g_test_add_func("/user/regions/gaps", test_gaps_reach_neighbours_and_the_top);
    g_test_add_func("/user/regions/chunks", test_large_mappings_cut_at_chunks);
    g_test_add_func("/user/regions/walk", test_walk_tiles_the_space);
    g_test_add_func("/user/regions/cpu", test_cpu_view);
    return g_test_run();
}
