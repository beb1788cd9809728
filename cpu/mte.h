/* Memory tagging (FEAT_MTE2/MTE3) inside the core: what the MTE
 * instructions (a64-mte.c) need from the memory path (mem-access.c).
 *
 * Allocation tags are one per 16-byte granule, kept by the owner of
 * memory (cpu_mem_ops.tags). A pointer's logical tag is bits 59:56. */
#ifndef BACKSTEP_CPU_MTE_H
#define BACKSTEP_CPU_MTE_H

#include <stdbool.h>
#include <stdint.h>

#include "cpu/cpu.h"

#define MTE_TAG_SHIFT 56
#define MTE_TAG_MASK (0xfull << MTE_TAG_SHIFT)

static inline unsigned mte_logical_tag(uint64_t ptr)
{
    return (unsigned)(ptr >> MTE_TAG_SHIFT) & 0xf;
}

static inline uint64_t mte_with_tag(uint64_t ptr, unsigned tag)
{
    return (ptr & ~MTE_TAG_MASK) | ((uint64_t)(tag & 0xf) << MTE_TAG_SHIFT);
}

/* Tag Unchecked accesses (Arm ARM, "Tag Checked memory accesses"): a
 * load or store whose base is SP with an immediate offset (or none) and
 * no writeback -- the pseudocode's `tagchecked = wback || n != 31` --
 * and the PC-relative literal loads are never tag checked, so that
 * compilers may keep untagged stack slots in a tagged stack. The memory
 * path has one tag check, which PSTATE.TCO suppresses; a handler makes
 * such an access with TCO set for its duration:
 *
 *     bool tco = mte_unchecked_begin(cpu, rn == 31 && !writeback);
 *     r = access...;
 *     mte_unchecked_end(cpu, tco);
 *
 * Nothing runs between the two, so no guest code or debugger sees the
 * borrowed TCO. */
static inline bool mte_unchecked_begin(struct cpu_state *cpu, bool unchecked)
{
    bool saved = cpu->mte_tco;

    if (unchecked)
        cpu->mte_tco = true;
    return saved;
}

static inline void mte_unchecked_end(struct cpu_state *cpu, bool saved_tco)
{
    cpu->mte_tco = saved_tco;
}

/* The MTE instructions' decode rows (a64-mte.c). */
struct a64_pattern;
extern const struct a64_pattern a64_mte_patterns[];

/* The allocation tag of the granule holding va, for LDG/STG and friends
 * (allocation tag accesses are never tag checked). The page is translated
 * for a read or a write (a fault sets cpu->exit and returns NULL). For
 * memory that is not tagged the result points at *scratch, zeroed: reads
 * see tag 0 and writes are ignored, as the architecture says for Normal
 * untagged memory. */
uint8_t *mte_tag_slot(struct cpu_state *cpu, uint64_t va, bool is_write,
                      uint8_t *scratch);

/* A data store that is not tag checked (STZG, STGP, DC GZVA write data
 * with the new tag already set). 0, or -1 with cpu->exit set. */
int mte_store_unchecked(struct cpu_state *cpu, uint64_t va, unsigned size,
                        const void *src);

/* ChooseNonExcludedTag: step `offset` non-excluded tags on from `tag`
 * (offset 0: the first non-excluded tag from `tag` on). 0 if every tag is
 * excluded. */
unsigned mte_choose_tag(unsigned tag, unsigned offset, uint16_t exclude);

#endif
