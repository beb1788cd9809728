/* The regions of a process's address space, for the debugger (lldb's
 * qMemoryRegionInfo): runs of pages with one protection and one tagging
 * (PROT_MTE), and the gaps between them.
 *
 * user/ keeps no list of mappings: the page store is the truth, so a
 * region is found by walking its pages outwards from the address asked
 * about. A mapping larger than REGION_CHUNK is reported in pieces cut at
 * fixed REGION_CHUNK boundaries, which bounds the walk (a 1 TiB
 * reservation would otherwise take 2^28 lookups per question) and keeps
 * the answer the same whichever of its addresses is asked about, so a
 * debugger walking region after region sees a consistent tiling. Gaps
 * cost nothing: the store skips unmapped parts of its table.
 */
#include "config.h"

#include "user/process.h"
#include "user/user-internal.h"
#include "user/mte.h"

#include "cpu/cpu.h"
#include "hw/pagestore.h"

#define REGION_CHUNK (256ull << 20)
#define PAGE PAGESTORE_PAGE_SIZE

static bool same_kind(struct user_process *p, uint64_t page, int prot,
                      bool tagged)
{
    return pagestore_prot(p->mem, page) == prot
           && user_mte_is_tagged(p, page) == tagged;
}

/* The gap holding the unmapped page (or address at or above the 48-bit
 * limit): from the end of the mapping below to the page before the next
 * one, or to the top of the 64-bit space. */
static void gap_at(struct user_process *p, uint64_t page,
                   struct user_mem_region *out)
{
    uint64_t below = page < PAGESTORE_ADDR_LIMIT ? page : PAGESTORE_ADDR_LIMIT;
    uint64_t found;

    out->mapped = false;
    out->prot = 0;
    out->tagged = false;
    out->start = pagestore_last_mapped(p->mem, 0, below, &found)
                     ? found + PAGE : 0;
    out->last = UINT64_MAX;
    /* (Compared this way round: page + PAGE wraps for the top page.) */
    if (page < PAGESTORE_ADDR_LIMIT - PAGE
        && pagestore_first_mapped(p->mem, page + PAGE, PAGESTORE_ADDR_LIMIT,
                                  &found))
        out->last = found - 1;
}

void user_process_mem_region(struct user_process *proc, uint64_t addr,
                             struct user_mem_region *out)
{
    uint64_t page = addr & PAGESTORE_PAGE_MASK;
    uint64_t chunk, start, end;
    int prot = addr < PAGESTORE_ADDR_LIMIT ? pagestore_prot(proc->mem, page)
                                           : -1;
    bool tagged;

    if (prot < 0) {
        gap_at(proc, page, out);
        return;
    }
    tagged = user_mte_is_tagged(proc, page);
    chunk = page & ~(REGION_CHUNK - 1);
    for (start = page; start > chunk && same_kind(proc, start - PAGE, prot,
                                                  tagged);)
        start -= PAGE;
    /* The chunk ends inside the 48-bit space: the limit is a multiple of
     * it. */
    for (end = page + PAGE; end < chunk + REGION_CHUNK
                            && same_kind(proc, end, prot, tagged);)
        end += PAGE;
    out->start = start;
    out->last = end - 1;
    out->mapped = true;
    out->prot = (unsigned)prot & PAGESTORE_PROT_MASK;
    out->tagged = tagged;
}

bool user_cpu_mem_region(const struct cpu_state *cpu, uint64_t addr,
                         struct user_mem_region *out)
{
    /* The opaque is a user_process only behind our own memory ops. */
    if (!cpu || cpu->mem_ops != &user_cpu_mem_ops || !cpu->mem_opaque)
        return false;
    user_process_mem_region(cpu->mem_opaque, addr, out);
    return true;
}
