/* The flat-memory test machine of cpu-core-harness.h. */
#include <string.h>

#include "testsuite/unit/cpu-core-harness.h"

static int harness_translate(void *opaque, uint64_t vaddr, uint8_t **host,
                             unsigned *prot)
{
    struct harness *h = opaque;
    uint64_t page = vaddr & ~4095ull;

    h->translations++;
    if (page < HARNESS_BASE || page >= HARNESS_END)
        return -1;
    if (h->prot[(page - HARNESS_BASE) / 4096] == 0)
        return -1;
    *host = h->mem + (page - HARNESS_BASE);
    *prot = h->prot[(page - HARNESS_BASE) / 4096];
    return 0;
}

static const struct cpu_mem_ops harness_ops = {
    .translate = harness_translate,
};

struct harness *harness_new(void)
{
    struct harness *h = g_new0(struct harness, 1);

    h->mem = g_malloc0(HARNESS_END - HARNESS_BASE);
    for (uint64_t va = HARNESS_BASE; va < HARNESS_END; va += 4096) {
        unsigned prot;
        if (va < HARNESS_DATA)
            prot = CPU_PROT_READ | CPU_PROT_WRITE | CPU_PROT_EXEC;
        else if (va < HARNESS_RODATA)
            prot = CPU_PROT_READ | CPU_PROT_WRITE;
        else if (va < HARNESS_NOEXEC)
            prot = CPU_PROT_READ;
        else
            prot = CPU_PROT_READ | CPU_PROT_WRITE;
        h->prot[(va - HARNESS_BASE) / 4096] = prot;
    }
    h->cpu = cpu_new(&harness_ops, h);
    h->cpu->pc = HARNESS_CODE;
    h->cpu->sp = HARNESS_DATA + 0x8000;
    return h;
}

void harness_free(struct harness *h)
{
    cpu_free(h->cpu);
    g_free(h->mem);
    g_free(h);
}

uint8_t *harness_ptr(struct harness *h, uint64_t va)
{
    g_assert_cmpuint(va, >=, HARNESS_BASE);
    g_assert_cmpuint(va, <, HARNESS_END);
    return h->mem + (va - HARNESS_BASE);
}

void harness_code(struct harness *h, uint64_t va, const uint32_t *insns,
                  size_t n)
{
    memcpy(harness_ptr(h, va), insns, n * 4);
    cpu_code_invalidate(h->cpu, va, n * 4);
    h->cpu->pc = va;
}

enum cpu_exit harness_run(struct harness *h, uint64_t max_insns)
{
    return cpu_run(h->cpu, max_insns);
}

uint64_t harness_read64(struct harness *h, uint64_t va)
{
    uint64_t v;
    memcpy(&v, harness_ptr(h, va), 8);
    return v;
}

void harness_write64(struct harness *h, uint64_t va, uint64_t v)
{
    memcpy(harness_ptr(h, va), &v, 8);
}
