/* Memory tagging for the Linux personality: the allocation tags of
 * PROT_MTE memory, the tagged-address prctl, and the debugger's view of
 * both (qMemTags/QMemTags, the tag_ctl register).
 *
 * Tags live beside guest memory in a tag store of user/'s own, one per
 * address space (keyed by its page store): per PROT_MTE page an array of
 * CPU_MTE_TAGS_PER_PAGE one-byte tags. A page with an array is tagged
 * memory; the CPU reaches it through cpu_mem_ops.tags. */
#ifndef BACKSTEP_USER_MTE_H
#define BACKSTEP_USER_MTE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <errno.h>

#include "cpu/cpu.h"

struct pagestore;
struct user_process;

/* linux/prctl.h */
#define USER_PR_SET_TAGGED_ADDR_CTRL 55
#define USER_PR_GET_TAGGED_ADDR_CTRL 56
#define USER_PR_TAGGED_ADDR_ENABLE 1ull
#define USER_PR_MTE_TCF_SYNC (1ull << 1)
#define USER_PR_MTE_TCF_ASYNC (1ull << 2)
#define USER_PR_MTE_TAG_SHIFT 3
#define USER_PR_MTE_TAG_MASK (0xffffull << USER_PR_MTE_TAG_SHIFT)
/* asm-generic/siginfo.h */
#define USER_SEGV_MTEAERR 8
#define USER_SEGV_MTESERR 9

/* cpu_mem_ops.tags for a process (opaque is the process). */
uint8_t *user_mte_cpu_tags(void *opaque, uint64_t page);

/* Mappings: [addr, addr+len) (page aligned) was mapped afresh (tagged:
 * with PROT_MTE, all tags 0; otherwise untagged), gained PROT_MTE through
 * mprotect (existing tags stay), or was unmapped. The caller flushes the
 * CPUs' TLBs (user_mem_changed) as for any change of mappings. */
void user_mte_map(struct user_process *p, uint64_t addr, uint64_t len,
                  bool tagged);
void user_mte_protect(struct user_process *p, uint64_t addr, uint64_t len);
void user_mte_unmap(struct user_process *p, uint64_t addr, uint64_t len);

/* Address spaces: fork copies the tags with the pages; a store that is
 * freed takes its tags with it. (Hooks for fork.c and process.c.) */
void user_mte_copy_space(const struct pagestore *from,
                         const struct pagestore *to);
void user_mte_forget_space(const struct pagestore *store);

/* PR_SET/GET_TAGGED_ADDR_CTRL for the calling thread: 0 / the control
 * word, or -EINVAL. */
int64_t user_mte_prctl(struct user_process *p, const uint64_t *args);

/* The control word of a thread (tag_ctl, as PR_GET_TAGGED_ADDR_CTRL
 * returns it), and setting it (as PR_SET_TAGGED_ADDR_CTRL): 0, or -EINVAL
 * for bits Linux refuses. Inline: the register code (server/gdb-regs.c)
 * uses them without the rest of user/. */
static inline uint64_t user_mte_tag_ctl(const struct cpu_state *cpu)
{
    uint64_t ctl = cpu->tagged_addr_enabled ? USER_PR_TAGGED_ADDR_ENABLE : 0;

    switch (cpu->mte_tcf) {
    case CPU_MTE_TCF_SYNC: ctl |= USER_PR_MTE_TCF_SYNC; break;
    case CPU_MTE_TCF_ASYNC: ctl |= USER_PR_MTE_TCF_ASYNC; break;
    case CPU_MTE_TCF_ASYMM:
        ctl |= USER_PR_MTE_TCF_SYNC | USER_PR_MTE_TCF_ASYNC;
        break;
    case CPU_MTE_TCF_NONE: break;
    }
    return ctl | ((uint64_t)cpu->mte_include << USER_PR_MTE_TAG_SHIFT);
}

static inline int user_mte_set_tag_ctl(struct cpu_state *cpu, uint64_t ctl)
{
    uint64_t tcf = ctl & (USER_PR_MTE_TCF_SYNC | USER_PR_MTE_TCF_ASYNC);

    if (ctl & ~(USER_PR_TAGGED_ADDR_ENABLE | USER_PR_MTE_TCF_SYNC |
                USER_PR_MTE_TCF_ASYNC | USER_PR_MTE_TAG_MASK))
        return -EINVAL;
    cpu->tagged_addr_enabled = ctl & USER_PR_TAGGED_ADDR_ENABLE;
    /* Both modes asked for: Linux picks the CPU's preferred one; ours
     * prefers asymmetric (FEAT_MTE3), the only way to reach it. */
    cpu_mte_set_tcf(cpu, tcf == USER_PR_MTE_TCF_SYNC ? CPU_MTE_TCF_SYNC
                         : tcf == USER_PR_MTE_TCF_ASYNC ? CPU_MTE_TCF_ASYNC
                         : tcf ? CPU_MTE_TCF_ASYMM : CPU_MTE_TCF_NONE);
    cpu->mte_include = (uint16_t)(ctl >> USER_PR_MTE_TAG_SHIFT);
    return 0;
}

/* Before a system call: an asynchronous tag check fault recorded by the
 * CPU is delivered as SIGSEGV/SEGV_MTEAERR (si_addr 0) and the call is
 * restarted after it, as Linux does on kernel entry. True if so (the
 * call must not run now). */
bool user_mte_async_fault(struct user_process *p);

/* The debugger: is the granule of addr tagged memory; the tags of the
 * granules covering [addr, addr+len) into tags[] (one byte each; their
 * number is returned), or -1 if any of them is not tagged memory; set the
 * granules from addr, tags[] repeated over len bytes (len 0: one
 * granule), 0 or -1. */
bool user_mte_is_tagged(struct user_process *p, uint64_t addr);
int64_t user_mte_read_tags(struct user_process *p, uint64_t addr,
                           uint64_t len, uint8_t *tags, size_t max);
int user_mte_write_tags(struct user_process *p, uint64_t addr, uint64_t len,
                        const uint8_t *tags, size_t ntags);

/* The PROT_MTE regions of the address space cpu runs in, as entries of
 * /proc/PID/smaps whose VmFlags say "mt": what gdb 13 reads (vFile) to
 * decide that an address has allocation tags. NULL if cpu's memory is not
 * a user process's; g_free the text. Only tagged regions are listed. */
char *user_mte_smaps(const struct cpu_state *cpu);

#endif
