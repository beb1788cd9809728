/* Debugger breakpoints and watchpoints, kept in the emulator.
 *
 * Breakpoints cost nothing on other instructions: the decoded-code cache
 * puts a "breakpoint" handler in the slot of a breakpoint address when it
 * decodes it, so inserting or removing one only invalidates that slot.
 *
 * Watchpoints cost nothing on other pages: a page overlapping a watchpoint
 * never gets a TLB entry for the watched kind of access, so those accesses
 * take the slow path, which calls debug_check_watch().
 */
#include <glib.h>
#include <string.h>

#include "cpu/cpu-internal.h"

/* Bounds that keep a misbehaving debugger from growing the tables
 * without limit. */
#define DEBUG_MAX_BREAKPOINTS 65536
#define DEBUG_MAX_WATCHPOINTS 256
/* Beyond this many pages, a watchpoint change flushes the whole TLB. */
#define DEBUG_TLB_RANGE_PAGES 64

struct cpu_watchpoint {
    uint64_t addr;
    uint64_t len;
    enum cpu_watch_kind kind;
};

struct cpu_debug {
    GHashTable *breakpoints;   /* set of uint64_t addresses */
    GArray *watchpoints;       /* struct cpu_watchpoint */
};

struct cpu_debug *debug_new(void)
{
    struct cpu_debug *d = g_new0(struct cpu_debug, 1);

    d->breakpoints = g_hash_table_new_full(g_int64_hash, g_int64_equal,
                                           g_free, NULL);
    d->watchpoints = g_array_new(FALSE, FALSE, sizeof(struct cpu_watchpoint));
    return d;
}

void debug_free(struct cpu_debug *d)
{
    if (!d)
        return;
    g_hash_table_destroy(d->breakpoints);
    g_array_free(d->watchpoints, TRUE);
    g_free(d);
}

bool debug_has_breakpoint(const struct cpu_state *cpu, uint64_t addr)
{
    return g_hash_table_size(cpu->debug->breakpoints) != 0 &&
           g_hash_table_contains(cpu->debug->breakpoints, &addr);
}

int cpu_breakpoint_insert(struct cpu_state *cpu, uint64_t addr)
{
    GHashTable *bps = cpu->debug->breakpoints;
    uint64_t *key;

    if (g_hash_table_contains(bps, &addr))
        return 0;
    if (g_hash_table_size(bps) >= DEBUG_MAX_BREAKPOINTS)
        return -1;
    key = g_new(uint64_t, 1);
    *key = addr;
    g_hash_table_add(bps, key);
    cpu_code_invalidate(cpu, addr, 4);
    return 0;
}

int cpu_breakpoint_remove(struct cpu_state *cpu, uint64_t addr)
{
    if (!g_hash_table_remove(cpu->debug->breakpoints, &addr))
        return -1;
    cpu_code_invalidate(cpu, addr, 4);
    return 0;
}

static bool watch_kind_valid(enum cpu_watch_kind kind)
{
    return kind == CPU_WATCH_WRITE || kind == CPU_WATCH_READ ||
           kind == CPU_WATCH_ACCESS;
}

/* Pages covered by [addr, addr+len) lose (or regain) their TLB entries. */
static void watch_range_changed(struct cpu_state *cpu, uint64_t addr,
                                uint64_t len)
{
    if (len / CPU_PAGE_SIZE >= DEBUG_TLB_RANGE_PAGES)
        tlb_invalidate_all(cpu);
    else
        tlb_invalidate_range(cpu, addr, len);
}

int cpu_watchpoint_insert(struct cpu_state *cpu, uint64_t addr, uint64_t len,
                          enum cpu_watch_kind kind)
{
    GArray *wps = cpu->debug->watchpoints;
    struct cpu_watchpoint wp = { addr, len, kind };

    if (len == 0 || !watch_kind_valid(kind) || addr + len - 1 < addr ||
        wps->len >= DEBUG_MAX_WATCHPOINTS)
        return -1;
    g_array_append_val(wps, wp);
    watch_range_changed(cpu, addr, len);
    return 0;
}

int cpu_watchpoint_remove(struct cpu_state *cpu, uint64_t addr, uint64_t len,
                          enum cpu_watch_kind kind)
{
    GArray *wps = cpu->debug->watchpoints;

    for (unsigned i = 0; i < wps->len; i++) {
        struct cpu_watchpoint *wp =
            &g_array_index(wps, struct cpu_watchpoint, i);
        if (wp->addr == addr && wp->len == len && wp->kind == kind) {
            g_array_remove_index(wps, i);
            watch_range_changed(cpu, addr, len);
            return 0;
        }
    }
    return -1;
}

bool debug_any_watchpoints(const struct cpu_state *cpu)
{
    return cpu->debug->watchpoints->len != 0;
}

/* Do [a, a+alen) and [b, b+blen) overlap? Both lengths are non-zero and
 * neither range wraps. */
static bool ranges_overlap(uint64_t a, uint64_t alen, uint64_t b,
                           uint64_t blen)
{
    return a <= b + (blen - 1) && b <= a + (alen - 1);
}

unsigned debug_watch_kinds_on_page(const struct cpu_state *cpu,
                                   uint64_t page_va)
{
    const GArray *wps = cpu->debug->watchpoints;
    unsigned kinds = 0;

    for (unsigned i = 0; i < wps->len; i++) {
        const struct cpu_watchpoint *wp =
            &g_array_index(wps, struct cpu_watchpoint, i);
        if (ranges_overlap(wp->addr, wp->len, page_va, CPU_PAGE_SIZE))
            kinds |= wp->kind;
    }
    return kinds;
}

/* Stop for an access of kinds to [va, va+len) that hit wp. */
static void watch_hit(struct cpu_state *cpu, const struct cpu_watchpoint *wp,
                      uint64_t va, unsigned kinds)
{
    /* The first watched byte the access touches: it lies inside the
     * watch range, which is what gdb matches the stop with. */
    cpu->exit = CPU_EXIT_WATCHPOINT;
    cpu->exit_info.fault_addr = va > wp->addr ? va : wp->addr;
    /* The kind of the access (both for a read-modify-write): the
     * debugger matches it against its own watch types. */
    cpu->exit_info.watch_kind = (enum cpu_watch_kind)kinds;
    cpu->exit_info.fault_is_write = (kinds & CPU_WATCH_WRITE) != 0;
}

bool debug_check_watch(struct cpu_state *cpu, uint64_t va, uint64_t len,
                       unsigned kinds)
{
    const GArray *wps = cpu->debug->watchpoints;

    if (cpu->skip_watchpoint_once || len == 0)
        return false;
    for (unsigned i = 0; i < wps->len; i++) {
        const struct cpu_watchpoint *wp =
            &g_array_index(wps, struct cpu_watchpoint, i);
        if ((wp->kind & kinds) && ranges_overlap(wp->addr, wp->len, va, len)) {
            watch_hit(cpu, wp, va, kinds);
            return true;
        }
    }
    return false;
}

bool debug_check_store_watch(struct cpu_state *cpu, uint64_t va,
                             uint64_t len, const uint8_t *old_bytes,
                             const uint8_t *new_bytes)
{
    const GArray *wps = cpu->debug->watchpoints;
    const struct cpu_watchpoint *first = NULL;

    if (cpu->skip_watchpoint_once || len == 0)
        return false;
    for (unsigned i = 0; i < wps->len; i++) {
        const struct cpu_watchpoint *wp =
            &g_array_index(wps, struct cpu_watchpoint, i);
        if (!(wp->kind & CPU_WATCH_WRITE)
            || !ranges_overlap(wp->addr, wp->len, va, len))
            continue;
        /* The bytes of the store inside this watch range. */
        uint64_t lo = va > wp->addr ? va : wp->addr;
        uint64_t hi = va + len < wp->addr + wp->len ? va + len
                                                    : wp->addr + wp->len;
        if (memcmp(old_bytes + (lo - va), new_bytes + (lo - va), hi - lo)) {
            watch_hit(cpu, wp, va, CPU_WATCH_WRITE);
            return true;
        }
        if (!first)
            first = wp;
    }
    if (!first)
        return false;
    watch_hit(cpu, first, va, CPU_WATCH_WRITE);
    return true;
}
