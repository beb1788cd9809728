/* Guest memory access: the software TLB's slow path.
 *
 * The fast path (a64.h) handles TLB hits inside one page. Here: TLB fills
 * through mem_ops->translate, permission faults, accesses that cross a page,
 * debugger watchpoints, writes to pages holding decoded code, and MTE tag
 * checks (pages of tagged memory get no fast-path entries while the
 * thread checks tags, so every access to them comes here).
 *
 * An access is checked completely (every page translated, permitted and
 * free of watchpoints) before any byte moves, so a faulting or watched
 * access changes nothing.
 */
#include <glib.h>

#include "cpu/cpu-internal.h"
#include "cpu/mte.h"

enum access_kind {
    ACCESS_READ,
    ACCESS_WRITE,
};

void tlb_invalidate_all(struct cpu_state *cpu)
{
    for (unsigned i = 0; i < CPU_TLB_ENTRIES; i++) {
        cpu->tlb[i].read_tag = CPU_TLB_INVALID;
        cpu->tlb[i].write_tag = CPU_TLB_INVALID;
        cpu->tlb[i].exec_tag = CPU_TLB_INVALID;
        cpu->tlb[i].addend = 0;
    }
}

void tlb_invalidate_range(struct cpu_state *cpu, uint64_t addr, uint64_t len)
{
    uint64_t first = addr & CPU_PAGE_MASK;
    uint64_t last = (addr + (len ? len - 1 : 0)) & CPU_PAGE_MASK;

    for (uint64_t page = first;; page += CPU_PAGE_SIZE) {
        struct cpu_tlb_entry *e = cpu_tlb_entry_for(cpu, page);
        if (e->read_tag == page || e->write_tag == page ||
            e->exec_tag == page) {
            e->read_tag = e->write_tag = e->exec_tag = CPU_TLB_INVALID;
        }
        if (page == last)
            break;
    }
}

void cpu_tlb_flush(struct cpu_state *cpu)
{
    tlb_invalidate_all(cpu);
    code_cache_drop_all(cpu);
}

void cpu_set_data_abort(struct cpu_state *cpu, uint64_t addr, bool is_write,
                        bool is_perm)
{
    cpu->exit = CPU_EXIT_DATA_ABORT;
    cpu->exit_info.fault_addr = addr;
    cpu->exit_info.fault_is_write = is_write;
    cpu->exit_info.fault_is_perm = is_perm;
    cpu->exit_info.fault_is_tag_check = false;
}

/* The allocation tags of a page, or NULL for untagged memory. */
static uint8_t *page_tags(struct cpu_state *cpu, uint64_t page)
{
    if (!cpu->mem_ops || !cpu->mem_ops->tags)
        return NULL;
    return cpu->mem_ops->tags(cpu->mem_opaque, page);
}

void cpu_mte_set_tcf(struct cpu_state *cpu, enum cpu_mte_tcf tcf)
{
    if (cpu->mte_tcf != tcf)
        tlb_invalidate_all(cpu);
    cpu->mte_tcf = tcf;
}

/* Translate the page of va for one kind of access, refilling its TLB entry.
 * The entry gets a tag only for the kinds of access that may use the fast
 * path: not for watched kinds, and no write tag on pages with decoded code
 * (their writes must drop the decoded copy). Returns the host address of va,
 * or NULL with a data abort set (reported at fault_addr). */
static uint8_t *tlb_fill(struct cpu_state *cpu, uint64_t va,
                         enum access_kind kind, uint64_t fault_addr)
{
    uint64_t page = va & CPU_PAGE_MASK;
    struct cpu_tlb_entry *e = cpu_tlb_entry_for(cpu, va);
    uint8_t *host = NULL;
    unsigned prot = 0;
    unsigned watched;
    bool is_write = kind == ACCESS_WRITE;

    if (!cpu->mem_ops || !cpu->mem_ops->translate ||
        cpu->mem_ops->translate(cpu->mem_opaque, page, &host, &prot) != 0 ||
        !host) {
        cpu_set_data_abort(cpu, fault_addr, is_write, false);
        return NULL;
    }
    if (!(prot & (is_write ? CPU_PROT_WRITE : CPU_PROT_READ))) {
        cpu_set_data_abort(cpu, fault_addr, is_write, true);
        return NULL;
    }
    watched = debug_watch_kinds_on_page(cpu, page);
    /* Tagged memory while tag checks are on: every access is checked
     * here. (PSTATE.TCO is not looked at: it changes without a flush.) */
    if (cpu->mte_tcf != CPU_MTE_TCF_NONE && page_tags(cpu, page))
        watched = CPU_WATCH_ACCESS;
    e->addend = (uintptr_t)host - (uintptr_t)page;
    e->read_tag = (prot & CPU_PROT_READ) && !(watched & CPU_WATCH_READ)
                      ? page : CPU_TLB_INVALID;
    e->write_tag = (prot & CPU_PROT_WRITE) && !(watched & CPU_WATCH_WRITE) &&
                           !code_cache_has_page(cpu, page)
                       ? page : CPU_TLB_INVALID;
    e->exec_tag = (prot & CPU_PROT_EXEC) ? page : CPU_TLB_INVALID;
    return host + (va - page);
}

/* The host address of va for an access that stays inside va's page. */
static uint8_t *page_host(struct cpu_state *cpu, uint64_t va,
                          enum access_kind kind)
{
    struct cpu_tlb_entry *e = cpu_tlb_entry_for(cpu, va);
    uint64_t page = va & CPU_PAGE_MASK;

    if ((kind == ACCESS_READ ? e->read_tag : e->write_tag) == page)
        return (uint8_t *)(e->addend + (uintptr_t)va);
    return tlb_fill(cpu, va, kind, va);
}

/* One piece of an access: the part inside one page. */
struct access_chunk {
    uint64_t va;
    uint8_t *host;
    unsigned len;
};

/* Check an access of size bytes and resolve it into at most two chunks
 * (size <= one page). store_src: a store's bytes (NULL for a load), so
 * that a watchpoint whose bytes it changes is the one reported. Returns
 * the number of chunks, or 0 with cpu->exit set. */
static unsigned access_prepare(struct cpu_state *cpu, uint64_t va,
                               unsigned size, enum access_kind kind,
                               const uint8_t *store_src,
                               struct access_chunk chunk[2])
{
    unsigned n = 0;
    unsigned done = 0;

    while (done < size) {
        uint64_t a = va + done;
        unsigned room = (unsigned)(CPU_PAGE_SIZE - (a & ~CPU_PAGE_MASK));
        unsigned len = size - done < room ? size - done : room;

        chunk[n].va = a;
        chunk[n].len = len;
        chunk[n].host = page_host(cpu, a, kind);
        if (!chunk[n].host)
            return 0;
        if (debug_any_watchpoints(cpu)
            && (store_src ? debug_check_store_watch(cpu, a, len,
                                                    chunk[n].host,
                                                    store_src + done)
                          : debug_check_watch(cpu, a, len,
                                              kind == ACCESS_WRITE
                                                  ? CPU_WATCH_WRITE
                                                  : CPU_WATCH_READ)))
            return 0;
        done += len;
        n++;
    }
    return n;
}

/* A write landed on a page that may hold decoded code. */
static void access_wrote(struct cpu_state *cpu, const struct access_chunk *c)
{
    if (code_cache_has_page(cpu, c->va & CPU_PAGE_MASK))
        cpu_code_invalidate(cpu, c->va, c->len);
}

/* The MTE tag check of an access of size bytes (<= one page) through the
 * pointer ptr, made after the access was translated and before any byte
 * moves. Every 16-byte granule touched must hold ptr's logical tag. A
 * mismatch is a synchronous fault (data abort, returns -1) or, in the
 * asynchronous modes, only sets mte_async_fault and lets the access
 * happen. Not checked: PSTATE.TCO set, untagged memory, upper-half
 * pointers. The instructions whose accesses are Tag Unchecked (SP base
 * with an immediate offset, literal loads) make them with TCO set
 * (mte_unchecked_begin, cpu/mte.h). */
static int mte_check(struct cpu_state *cpu, uint64_t ptr, unsigned size,
                     enum access_kind kind)
{
    enum cpu_mte_tcf tcf = cpu->mte_tcf;
    unsigned ltag = mte_logical_tag(ptr);
    uint64_t va, first, last, tags_page = CPU_TLB_INVALID;
    const uint8_t *tags = NULL;

    if (tcf == CPU_MTE_TCF_NONE || cpu->mte_tco || size == 0 ||
        (ptr & (1ull << 55)))
        return 0;
    va = ptr & ~(0xffull << 56);
    first = va & ~(uint64_t)(CPU_MTE_GRANULE - 1);
    last = (va + size - 1) & ~(uint64_t)(CPU_MTE_GRANULE - 1);
    for (uint64_t g = first;; g += CPU_MTE_GRANULE) {
        uint64_t page = g & CPU_PAGE_MASK;
        if (page != tags_page) {
            tags = page_tags(cpu, page);
            tags_page = page;
        }
        if (tags && tags[(g & ~CPU_PAGE_MASK) / CPU_MTE_GRANULE] != ltag) {
            bool sync = tcf == CPU_MTE_TCF_SYNC ||
                        (tcf == CPU_MTE_TCF_ASYMM && kind == ACCESS_READ);
            if (!sync) {
                cpu->mte_async_fault = true;
                return 0;
            }
            /* FAR: the first faulting byte, with the logical tag (bits
             * 63:60 as in the untagged address, as Linux rebuilds them). */
            cpu_set_data_abort(cpu, mte_with_tag(g > va ? g : va, ltag),
                               kind == ACCESS_WRITE, false);
            cpu->exit_info.fault_is_tag_check = true;
            return -1;
        }
        if (g == last)
            break;
    }
    return 0;
}

/* Top Byte Ignore, as Linux enables it for user space (TCR_EL1.TBI0):
 * a data address whose bit 55 is clear is translated without its top
 * byte, so tagged pointers (MTE, HWASan, the program's own tags) work. An
 * address with bit 55 set belongs to the upper (kernel) half and keeps its
 * top byte, so it faults. Only the slow path needs this: a tagged address
 * never matches a TLB tag, so the fast paths fall through to here. */
static inline uint64_t data_address(uint64_t va)
{
    if (!(va & (1ull << 55)))
        va &= ~(0xffull << 56);
    return va;
}

/* A translation or permission fault through a tagged pointer reports the
 * address with its tag, as FAR_EL1 does; user/ decides what a signal
 * handler sees (SA_EXPOSE_TAGBITS). */
static void fault_keeps_tag(struct cpu_state *cpu, uint64_t ptr)
{
    if (cpu->exit == CPU_EXIT_DATA_ABORT && !(ptr & (1ull << 55)))
        cpu->exit_info.fault_addr |= ptr & (0xffull << 56);
}

int cpu_load(struct cpu_state *cpu, uint64_t ptr, unsigned size, void *dst)
{
    struct access_chunk chunk[2];
    unsigned n, off = 0;
    uint64_t va;

    if (size == 0)
        return 0;
    va = data_address(ptr);
    if (size <= CPU_PAGE_SIZE) {
        /* TLB hit inside one page: entries exist only for pages without
         * watchpoints of this kind (and, for writes, without code). */
        const struct cpu_tlb_entry *e = cpu_tlb_entry_for(cpu, va);
        if (e->read_tag == (va & CPU_PAGE_MASK) &&
            (va & ~CPU_PAGE_MASK) <= CPU_PAGE_SIZE - size) {
            memcpy(dst, (const void *)(e->addend + (uintptr_t)va), size);
            return 0;
        }
    }
    if (size > CPU_PAGE_SIZE) {
        /* Not produced by any instruction; split to keep chunks <= 2. */
        for (unsigned done = 0; done < size; done += CPU_PAGE_SIZE) {
            unsigned len = size - done < CPU_PAGE_SIZE ? size - done
                                                      : CPU_PAGE_SIZE;
            if (cpu_load(cpu, ptr + done, len, (uint8_t *)dst + done) != 0)
                return -1;
        }
        return 0;
    }
    n = access_prepare(cpu, va, size, ACCESS_READ, NULL, chunk);
    if (n == 0) {
        fault_keeps_tag(cpu, ptr);
        return -1;
    }
    if (mte_check(cpu, ptr, size, ACCESS_READ) != 0)
        return -1;
    for (unsigned i = 0; i < n; i++) {
        memcpy((uint8_t *)dst + off, chunk[i].host, chunk[i].len);
        off += chunk[i].len;
    }
    return 0;
}

/* A store; `checked`: with the MTE tag check (all but the tag-setting
 * instructions' own data stores). */
static int store(struct cpu_state *cpu, uint64_t ptr, unsigned size,
                 const void *src, bool checked)
{
    struct access_chunk chunk[2];
    unsigned n, off = 0;
    uint64_t va;

    if (size == 0)
        return 0;
    va = data_address(ptr);
    if (size <= CPU_PAGE_SIZE) {
        const struct cpu_tlb_entry *e = cpu_tlb_entry_for(cpu, va);
        if (e->write_tag == (va & CPU_PAGE_MASK) &&
            (va & ~CPU_PAGE_MASK) <= CPU_PAGE_SIZE - size) {
            memcpy((void *)(e->addend + (uintptr_t)va), src, size);
            return 0;
        }
    }
    if (size > CPU_PAGE_SIZE) {
        for (unsigned done = 0; done < size; done += CPU_PAGE_SIZE) {
            unsigned len = size - done < CPU_PAGE_SIZE ? size - done
                                                      : CPU_PAGE_SIZE;
            if (store(cpu, ptr + done, len, (const uint8_t *)src + done,
                      checked) != 0)
                return -1;
        }
        return 0;
    }
    n = access_prepare(cpu, va, size, ACCESS_WRITE, src, chunk);
    if (n == 0) {
        fault_keeps_tag(cpu, ptr);
        return -1;
    }
    if (checked && mte_check(cpu, ptr, size, ACCESS_WRITE) != 0)
        return -1;
    for (unsigned i = 0; i < n; i++) {
        memcpy(chunk[i].host, (const uint8_t *)src + off, chunk[i].len);
        off += chunk[i].len;
        access_wrote(cpu, &chunk[i]);
    }
    return 0;
}

int cpu_store(struct cpu_state *cpu, uint64_t va, unsigned size,
              const void *src)
{
    return store(cpu, va, size, src, true);
}

int mte_store_unchecked(struct cpu_state *cpu, uint64_t va, unsigned size,
                        const void *src)
{
    return store(cpu, va, size, src, false);
}

int cpu_load_uint_slow(struct cpu_state *cpu, uint64_t va, unsigned size,
                       uint64_t *val)
{
    uint64_t v = 0;

    if (size > 8)
        size = 8;
    if (cpu_load(cpu, va, size, &v) != 0)
        return -1;
    *val = v;
    return 0;
}

int cpu_store_uint_slow(struct cpu_state *cpu, uint64_t va, unsigned size,
                        uint64_t val)
{
    if (size > 8)
        size = 8;
    return cpu_store(cpu, va, size, &val);
}

uint8_t *cpu_access_rmw(struct cpu_state *cpu, uint64_t ptr, unsigned size,
                        unsigned watch_kinds)
{
    struct access_chunk c;
    uint64_t va = data_address(ptr);

    if (size == 0 || size > 16 || (va & (size - 1)) != 0) {
        cpu->exit = CPU_EXIT_ALIGNMENT;
        cpu->exit_info.fault_addr = va;
        return NULL;
    }
    /* Both permissions are needed: a read-only page faults as a write. */
    if (!page_host(cpu, va, ACCESS_READ)) {
        fault_keeps_tag(cpu, ptr);
        return NULL;
    }
    c.va = va;
    c.len = size;
    c.host = page_host(cpu, va, ACCESS_WRITE);
    if (!c.host) {
        fault_keeps_tag(cpu, ptr);
        return NULL;
    }
    if (debug_any_watchpoints(cpu) &&
        debug_check_watch(cpu, va, size, watch_kinds))
        return NULL;
    /* The read half decides: asymmetric mode faults synchronously. */
    if (mte_check(cpu, ptr, size, ACCESS_READ) != 0)
        return NULL;
    access_wrote(cpu, &c);
    return c.host;
}

uint8_t *mte_tag_slot(struct cpu_state *cpu, uint64_t ptr, bool is_write,
                      uint8_t *scratch)
{
    uint64_t va = data_address(ptr);
    uint64_t page = va & CPU_PAGE_MASK;
    uint8_t *tags;

    if (!page_host(cpu, va, is_write ? ACCESS_WRITE : ACCESS_READ))
        return NULL;
    tags = page_tags(cpu, page);
    if (!tags) {
        *scratch = 0;
        return scratch;
    }
    return &tags[(va & ~CPU_PAGE_MASK) / CPU_MTE_GRANULE];
}
