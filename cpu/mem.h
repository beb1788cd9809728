/* The memory-access interface the CPU declares and its owner implements.
 *
 * The CPU never knows how guest memory is laid out. On a TLB miss it asks
 * the owner (user/'s address space now, the system machine's MMU later)
 * to translate one guest page. This is the one place where a translation
 * regime turns a virtual address into a host pointer.
 */
#ifndef BACKSTEP_CPU_MEM_H
#define BACKSTEP_CPU_MEM_H

#include <stdint.h>

#define CPU_PAGE_BITS 12
#define CPU_PAGE_SIZE (1ull << CPU_PAGE_BITS)
#define CPU_PAGE_MASK (~(CPU_PAGE_SIZE - 1))

/* Page permissions, as in PROT_*. */
enum cpu_prot {
    CPU_PROT_READ = 1,
    CPU_PROT_WRITE = 2,
    CPU_PROT_EXEC = 4,
};

struct cpu_mem_ops {
    /* Translate the page holding vaddr. On success fill *host with the host
     * address of the start of that page and *prot with its permissions, and
     * return 0. Return -1 if nothing is mapped there. The host page stays
     * valid until the owner calls cpu_tlb_flush(). */
    int (*translate)(void *opaque, uint64_t vaddr, uint8_t **host,
                     unsigned *prot);
    /* Memory tagging (FEAT_MTE2), optional: the allocation tags of the
     * page at page_vaddr (page aligned), one byte per 16-byte granule
     * (CPU_MTE_TAGS_PER_PAGE of them, values 0..15), or NULL when the page
     * is not tagged memory (not PROT_MTE). The CPU writes them for STG and
     * friends; the array stays valid until the owner calls cpu_tlb_flush().
     * NULL callback: no memory is tagged. */
    uint8_t *(*tags)(void *opaque, uint64_t page_vaddr);
    /* IC IVAU, optional: code at [vaddr, vaddr + len) changed. The CPU
     * drops its own decoded copy; the instruction is broadcast to every
     * PE, so the owner drops those of the other CPUs that share the
     * address space (another thread's JIT wrote the code). */
    void (*code_changed)(void *opaque, uint64_t vaddr, uint64_t len);
};

#define CPU_MTE_GRANULE 16
#define CPU_MTE_TAGS_PER_PAGE (CPU_PAGE_SIZE / CPU_MTE_GRANULE)

#endif
