/* CPU state copies for time travel (cpu/snapshot.h). */
#include "config.h"

#include "cpu/snapshot.h"

#include <glib.h>
#include <string.h>

#include "cpu/cpu-internal.h"

/* A whole cpu_state is copied and the host-side fields are put back on
 * restore: new architectural fields are then included without anyone
 * remembering to list them here. */
struct cpu_snapshot {
    struct cpu_state state;
};

struct cpu_snapshot *cpu_snapshot_take(const struct cpu_state *cpu)
{
    struct cpu_snapshot *snap = g_new(struct cpu_snapshot, 1);
    snap->state = *cpu;
    return snap;
}

void cpu_snapshot_restore(struct cpu_state *cpu,
                          const struct cpu_snapshot *snap)
{
    const struct cpu_mem_ops *mem_ops = cpu->mem_ops;
    void *mem_opaque = cpu->mem_opaque;
    struct cpu_code_cache *code = cpu->code;
    struct cpu_debug *debug = cpu->debug;

    *cpu = snap->state;
    cpu->mem_ops = mem_ops;
    cpu->mem_opaque = mem_opaque;
    cpu->code = code;
    cpu->debug = debug;
    cpu->exit_request = 0;
    tlb_invalidate_all(cpu);
}

void cpu_snapshot_free(struct cpu_snapshot *snap)
{
    g_free(snap);
}

size_t cpu_snapshot_size(void)
{
    return sizeof(struct cpu_snapshot);
}

void cpu_debug_regs_get(const struct cpu_state *cpu,
                        struct cpu_debug_regs *regs)
{
    memset(regs, 0, sizeof(*regs));
    memcpy(regs->x, cpu->x, sizeof(regs->x));
    regs->sp = cpu->sp;
    regs->pc = cpu->pc;
    regs->nzcv = cpu->nzcv;
    regs->fpsr = cpu->fpsr;
    regs->fpcr = cpu->fpcr;
    regs->tpidr_el0 = cpu->tpidr_el0;
    for (int i = 0; i < 32; i++)
        memcpy(regs->v[i], cpu->z[i].b, 16);
}

void cpu_debug_regs_set(struct cpu_state *cpu,
                        const struct cpu_debug_regs *regs)
{
    memcpy(cpu->x, regs->x, sizeof(regs->x));
    cpu->sp = regs->sp;
    cpu->pc = regs->pc;
    cpu->nzcv = regs->nzcv;
    cpu->fpsr = regs->fpsr;
    cpu->fpcr = regs->fpcr;
    cpu->tpidr_el0 = regs->tpidr_el0;
    for (int i = 0; i < 32; i++) {
        if (memcmp(cpu->z[i].b, regs->v[i], 16)) {
            memcpy(cpu->z[i].b, regs->v[i], 16);
            memset(cpu->z[i].b + 16, 0, CPU_ZREG_BYTES - 16);
        }
    }
}

bool cpu_debug_regs_equal(const struct cpu_debug_regs *a,
                          const struct cpu_debug_regs *b)
{
    /* memset in _get makes the padding comparable. */
    return memcmp(a, b, sizeof(*a)) == 0;
}
