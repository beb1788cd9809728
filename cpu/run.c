/* The run loop and its decoded-instruction cache.
 *
 * Guest code is cached per guest page: one slot per 4-byte instruction
 * holding the raw encoding and its handler, decoded lazily the first time
 * the slot executes. A block runs slot after slot until the page ends, a
 * branch leaves the page, the budget is spent or a handler exits; branches
 * inside the page continue without a lookup. The exit request and the
 * budget are checked at taken branches and page ends, never with a hash
 * lookup or an allocation per instruction.
 *
 * Invalidation is per slot: a write to a page holding decoded code (such
 * pages never get TLB write entries, so every write reaches the slow path),
 * cpu_code_invalidate() and breakpoint changes clear the slots' handlers,
 * and the next execution of those slots decodes the new bytes. A slot at a
 * breakpoint address decodes to the breakpoint handler.
 */
#include <glib.h>

#include "cpu/cpu-internal.h"

#define CODE_SLOTS (CPU_PAGE_SIZE / 4)
#define CODE_RECENT 64
/* Past this many decoded pages the cache starts over (bounds memory). */
#define CODE_MAX_PAGES 8192

struct code_slot {
    a64_handler handler;    /* NULL: not decoded yet */
    uint32_t insn;
};

struct code_page {
    uint64_t va;            /* guest page address */
    const uint8_t *host;    /* host address of the page's bytes */
    bool stale;             /* dropped: finish the current block only */
    struct code_page *next_free;
    struct code_slot slot[CODE_SLOTS];
};

/* Recently decoded encodings: re-decoding after a flush (every mmap,
 * munmap and mprotect drops all decoded pages) costs one probe here
 * instead of a table scan. */
#define DECODE_MEMO 4096

struct decode_memo {
    uint32_t insn;
    a64_handler handler;    /* NULL: empty */
};

struct cpu_code_cache {
    GHashTable *pages;                      /* va -> struct code_page */
    struct code_page *recent[CODE_RECENT];  /* direct-mapped by page number */
    struct code_page *free_list;            /* dropped pages, reused */
    struct decode_memo memo[DECODE_MEMO];
};

struct cpu_code_cache *code_cache_new(void)
{
    struct cpu_code_cache *c = g_new0(struct cpu_code_cache, 1);

    c->pages = g_hash_table_new(g_int64_hash, g_int64_equal);
    return c;
}

static void code_page_release(struct cpu_code_cache *c, struct code_page *p)
{
    p->stale = true;
    p->next_free = c->free_list;
    c->free_list = p;
}

void code_cache_drop_all(struct cpu_state *cpu)
{
    struct cpu_code_cache *c = cpu->code;
    GHashTableIter it;
    gpointer value;

    /* Pages are only marked and queued, not freed: the run loop may be in
     * the middle of one. They are reused at the next block boundary. */
    g_hash_table_iter_init(&it, c->pages);
    while (g_hash_table_iter_next(&it, NULL, &value))
        code_page_release(c, value);
    g_hash_table_remove_all(c->pages);
    memset(c->recent, 0, sizeof(c->recent));
}

void code_cache_free(struct cpu_code_cache *c)
{
    GHashTableIter it;
    gpointer value;

    if (!c)
        return;
    g_hash_table_iter_init(&it, c->pages);
    while (g_hash_table_iter_next(&it, NULL, &value))
        g_free(value);
    g_hash_table_destroy(c->pages);
    while (c->free_list) {
        struct code_page *p = c->free_list;
        c->free_list = p->next_free;
        g_free(p);
    }
    g_free(c);
}

static struct code_page *code_cache_find(struct cpu_code_cache *c,
                                         uint64_t page_va)
{
    unsigned r = (page_va >> CPU_PAGE_BITS) % CODE_RECENT;
    struct code_page *p = c->recent[r];

    if (p && p->va == page_va)
        return p;
    p = g_hash_table_lookup(c->pages, &page_va);
    if (p)
        c->recent[r] = p;
    return p;
}

bool code_cache_has_page(struct cpu_state *cpu, uint64_t page_va)
{
    return code_cache_find(cpu->code, page_va) != NULL;
}

/* Clear the slots of page p that overlap [addr, end] (inclusive). */
static void code_page_invalidate(struct code_page *p, uint64_t addr,
                                 uint64_t end)
{
    uint64_t lo = addr > p->va ? addr : p->va;
    uint64_t hi = end < p->va + CPU_PAGE_SIZE - 1 ? end
                                                 : p->va + CPU_PAGE_SIZE - 1;

    if (lo > hi)
        return;
    for (uint64_t a = lo & ~3ull; a <= hi; a += 4)
        p->slot[(a - p->va) / 4].handler = NULL;
}

void cpu_code_invalidate(struct cpu_state *cpu, uint64_t addr, uint64_t len)
{
    struct cpu_code_cache *c = cpu->code;
    uint64_t end, pages;

    if (len == 0)
        return;
    end = addr + len - 1 < addr ? UINT64_MAX : addr + len - 1;
    pages = (end >> CPU_PAGE_BITS) - (addr >> CPU_PAGE_BITS) + 1;
    if (pages > g_hash_table_size(c->pages)) {
        /* A range larger than the cache (a guest may unmap terabytes):
         * visit the cached pages instead of the range's. */
        GHashTableIter it;
        gpointer value;
        g_hash_table_iter_init(&it, c->pages);
        while (g_hash_table_iter_next(&it, NULL, &value))
            code_page_invalidate(value, addr, end);
        return;
    }
    for (uint64_t page = addr & CPU_PAGE_MASK;; page += CPU_PAGE_SIZE) {
        struct code_page *p = code_cache_find(c, page);
        if (p)
            code_page_invalidate(p, addr, end);
        if (page >= (end & CPU_PAGE_MASK))
            break;
    }
}

/* Instruction fetch: the page of pc must be mapped executable. */
static const uint8_t *fetch_page(struct cpu_state *cpu, uint64_t page_va)
{
    struct cpu_tlb_entry *e = cpu_tlb_entry_for(cpu, page_va);
    uint8_t *host = NULL;
    unsigned prot = 0;

    if (e->exec_tag == page_va)
        return (const uint8_t *)(e->addend + (uintptr_t)page_va);
    if (!cpu->mem_ops || !cpu->mem_ops->translate ||
        cpu->mem_ops->translate(cpu->mem_opaque, page_va, &host, &prot) != 0 ||
        !host || !(prot & CPU_PROT_EXEC))
        return NULL;
    return host;
}

static void set_insn_abort(struct cpu_state *cpu, uint64_t pc)
{
    cpu->exit = CPU_EXIT_INSN_ABORT;
    cpu->exit_info.fault_addr = pc;
    cpu->exit_info.fault_is_write = false;
    cpu->exit_info.fault_is_perm = false;
}

/* The decoded page holding pc, created on first execution; NULL with the
 * exit set on a fetch fault. */
static struct code_page *code_page_for(struct cpu_state *cpu, uint64_t pc)
{
    struct cpu_code_cache *c = cpu->code;
    uint64_t page_va = pc & CPU_PAGE_MASK;
    struct code_page *p = code_cache_find(c, page_va);
    const uint8_t *host;
    struct cpu_tlb_entry *e;

    if (p)
        return p;
    host = fetch_page(cpu, page_va);
    if (!host) {
        set_insn_abort(cpu, pc);
        return NULL;
    }
    if (g_hash_table_size(c->pages) >= CODE_MAX_PAGES)
        code_cache_drop_all(cpu);
    if (c->free_list) {
        p = c->free_list;
        c->free_list = p->next_free;
    } else {
        p = g_new(struct code_page, 1);
    }
    p->va = page_va;
    p->host = host;
    p->stale = false;
    p->next_free = NULL;
    memset(p->slot, 0, sizeof(p->slot));
    g_hash_table_insert(c->pages, &p->va, p);
    c->recent[(page_va >> CPU_PAGE_BITS) % CODE_RECENT] = p;
    /* Writes to this page must now take the slow path. */
    e = cpu_tlb_entry_for(cpu, page_va);
    if (e->write_tag == page_va)
        e->write_tag = CPU_TLB_INVALID;
    return p;
}

static int trans_debug_breakpoint(struct cpu_state *cpu, uint32_t insn)
{
    cpu->exit = CPU_EXIT_BREAKPOINT;
    cpu->exit_info.fault_addr = cpu->pc;
    return A64_EXIT;
}

static uint32_t read_insn(const uint8_t *p)
{
    uint32_t insn;
    memcpy(&insn, p, 4);
    return insn;
}

static a64_handler slot_decode(struct cpu_state *cpu, struct code_page *p,
                               unsigned idx)
{
    struct code_slot *s = &p->slot[idx];
    uint64_t va = p->va + idx * 4ull;

    s->insn = read_insn(p->host + idx * 4);
    if (debug_has_breakpoint(cpu, va)) {
        s->handler = trans_debug_breakpoint;
    } else {
        uint32_t h = (s->insn ^ (s->insn >> 11) ^ (s->insn >> 22)) %
                     DECODE_MEMO;
        struct decode_memo *m = &cpu->code->memo[h];
        if (!m->handler || m->insn != s->insn) {
            m->insn = s->insn;
            m->handler = a64_decode(s->insn);
        }
        s->handler = m->handler;
    }
    return s->handler;
}

/* Execute one instruction ignoring breakpoints (watchpoints are ignored by
 * the memory path while skip_watchpoint_once is set). */
static int step_past_debug_stop(struct cpu_state *cpu)
{
    uint64_t pc = cpu->pc;
    const uint8_t *host;
    uint32_t insn;
    int r;

    if (pc & 3) {
        cpu->exit = CPU_EXIT_ALIGNMENT;
        cpu->exit_info.fault_addr = pc;
        return A64_EXIT;
    }
    host = fetch_page(cpu, pc & CPU_PAGE_MASK);
    if (!host) {
        set_insn_abort(cpu, pc);
        return A64_EXIT;
    }
    insn = read_insn(host + (pc & ~CPU_PAGE_MASK));
    r = a64_decode(insn)(cpu, insn);
    if (r == A64_NEXT)
        cpu->pc += 4;
    if (r != A64_EXIT)
        cpu->icount++;
    return r;
}

enum cpu_exit cpu_run(struct cpu_state *cpu, uint64_t max_insns)
{
    uint64_t remaining = max_insns;

    cpu->exit = CPU_EXIT_NONE;
    cpu->x[31] = 0;     /* the XZR invariant handlers rely on (a64_x) */
    if (remaining == 0)
        return cpu->exit = CPU_EXIT_BUDGET;

    if (cpu->skip_breakpoint_once || cpu->skip_watchpoint_once) {
        int r = step_past_debug_stop(cpu);
        cpu->skip_breakpoint_once = false;
        cpu->skip_watchpoint_once = false;
        if (r == A64_EXIT)
            return cpu->exit;
        remaining--;
    }

    while (remaining) {
        struct code_page *p;
        unsigned idx;

        if (cpu->exit_request) {
            cpu->exit_request = 0;
            return cpu->exit = CPU_EXIT_REQUEST;
        }
        if (cpu->pc & 3) {
            cpu->exit = CPU_EXIT_ALIGNMENT;
            cpu->exit_info.fault_addr = cpu->pc;
            return cpu->exit;
        }
        p = code_page_for(cpu, cpu->pc);
        if (!p)
            return cpu->exit;
        idx = (unsigned)((cpu->pc & ~CPU_PAGE_MASK) >> 2);

        for (;;) {
            struct code_slot *s = &p->slot[idx];
            a64_handler h = s->handler;
            int r;

            if (__builtin_expect(h == NULL, 0))
                h = slot_decode(cpu, p, idx);
            r = h(cpu, s->insn);
            if (__builtin_expect(r == A64_NEXT, 1)) {
                cpu->pc += 4;
                cpu->icount++;
                if (--remaining == 0 || ++idx == CODE_SLOTS)
                    break;
                continue;
            }
            if (r != A64_JUMP)
                return cpu->exit;
            cpu->icount++;
            if (--remaining == 0 || cpu->exit_request || p->stale ||
                (cpu->pc & CPU_PAGE_MASK) != p->va || (cpu->pc & 3))
                break;
            idx = (unsigned)((cpu->pc & ~CPU_PAGE_MASK) >> 2);
        }
    }
    return cpu->exit = CPU_EXIT_BUDGET;
}
