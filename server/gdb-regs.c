#include "config.h"

#include "server/gdb-regs.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib.h>

#include "cpu/cpu.h"
#include "xml-features/tdesc.h"

/* Guest and host are both little-endian; registers are copied bytewise. */
G_STATIC_ASSERT(G_BYTE_ORDER == G_LITTLE_ENDIAN);

enum reg_place {
    PLACE_NONE,
    PLACE_X,
    PLACE_SP,
    PLACE_PC,
    PLACE_CPSR,
    PLACE_V,
    PLACE_FPSR,
    PLACE_FPCR,
    PLACE_TPIDR,
    PLACE_PAUTH_MASK,   /* pauth_dmask, pauth_cmask: read-only */
};

struct reg_slot {
    enum reg_place place;
    unsigned index;   /* X and V register number */
    unsigned bytes;
};

struct gdb_regs {
    struct reg_slot *slots;
    unsigned count;
};

static struct reg_slot resolve(const struct tdesc_reg *r)
{
    struct reg_slot s = { PLACE_NONE, 0, r->bitsize / 8 };
    unsigned n;
    char tail;

    if (sscanf(r->name, "x%u%c", &n, &tail) == 1 && n <= 30 && s.bytes == 8)
        s.place = PLACE_X, s.index = n;
    else if (sscanf(r->name, "v%u%c", &n, &tail) == 1 && n <= 31 &&
             s.bytes == 16)
        s.place = PLACE_V, s.index = n;
    else if (!strcmp(r->name, "sp") && s.bytes == 8)
        s.place = PLACE_SP;
    else if (!strcmp(r->name, "pc") && s.bytes == 8)
        s.place = PLACE_PC;
    else if (!strcmp(r->name, "cpsr") && s.bytes == 4)
        s.place = PLACE_CPSR;
    else if (!strcmp(r->name, "fpsr") && s.bytes == 4)
        s.place = PLACE_FPSR;
    else if (!strcmp(r->name, "fpcr") && s.bytes == 4)
        s.place = PLACE_FPCR;
    else if (!strcmp(r->name, "tpidr") && s.bytes == 8)
        s.place = PLACE_TPIDR;
    else if ((!strcmp(r->name, "pauth_dmask") ||
              !strcmp(r->name, "pauth_cmask")) && s.bytes == 8)
        s.place = PLACE_PAUTH_MASK;
    return s;
}

struct gdb_regs *gdb_regs_new(const struct tdesc *td)
{
    struct gdb_regs *regs = g_new0(struct gdb_regs, 1);

    regs->count = td->regs->len;
    regs->slots = g_new0(struct reg_slot, regs->count);
    for (unsigned i = 0; i < regs->count; i++) {
        const struct tdesc_reg *r = g_ptr_array_index(td->regs, i);
        if (r && r->regnum < regs->count)
            regs->slots[r->regnum] = resolve(r);
    }
    return regs;
}

void gdb_regs_free(struct gdb_regs *regs)
{
    if (!regs)
        return;
    g_free(regs->slots);
    g_free(regs);
}

int gdb_regs_read(const struct gdb_regs *regs, const struct cpu_state *cpu,
                  unsigned regnum, uint8_t *buf)
{
    const struct reg_slot *s;
    uint32_t v32;
    uint64_t mask;

    if (regnum >= regs->count)
        return -ENOENT;
    s = &regs->slots[regnum];
    switch (s->place) {
    case PLACE_X: memcpy(buf, &cpu->x[s->index], 8); return 0;
    case PLACE_SP: memcpy(buf, &cpu->sp, 8); return 0;
    case PLACE_PC: memcpy(buf, &cpu->pc, 8); return 0;
    case PLACE_CPSR:
        v32 = cpu_get_cpsr(cpu);
        memcpy(buf, &v32, 4);
        return 0;
    case PLACE_V: memcpy(buf, cpu->z[s->index].b, 16); return 0;
    case PLACE_FPSR: memcpy(buf, &cpu->fpsr, 4); return 0;
    case PLACE_FPCR: memcpy(buf, &cpu->fpcr, 4); return 0;
    case PLACE_TPIDR: memcpy(buf, &cpu->tpidr_el0, 8); return 0;
    case PLACE_PAUTH_MASK:
        if (!cpu->pauth_enabled)
            return -EIO;
        /* EL0 with TBI: the same PAC field in code and data pointers. */
        mask = CPU_PAUTH_USER_PAC_MASK;
        memcpy(buf, &mask, 8);
        return 0;
    case PLACE_NONE: break;
    }
    return -EIO;
}

int gdb_regs_write(const struct gdb_regs *regs, struct cpu_state *cpu,
                   unsigned regnum, const uint8_t *buf)
{
    const struct reg_slot *s;
    uint32_t v32;
    uint64_t mask;

    if (regnum >= regs->count)
        return -ENOENT;
    s = &regs->slots[regnum];
    switch (s->place) {
    case PLACE_X: memcpy(&cpu->x[s->index], buf, 8); return 0;
    case PLACE_SP: memcpy(&cpu->sp, buf, 8); return 0;
    case PLACE_PC: memcpy(&cpu->pc, buf, 8); return 0;
    case PLACE_CPSR:
        memcpy(&v32, buf, 4);
        cpu_set_cpsr(cpu, v32);
        return 0;
    case PLACE_V:
        /* Like an AdvSIMD write, a V write clears the SVE bits above. */
        memcpy(cpu->z[s->index].b, buf, 16);
        memset(cpu->z[s->index].b + 16, 0, CPU_ZREG_BYTES - 16);
        return 0;
    case PLACE_FPSR: memcpy(&cpu->fpsr, buf, 4); return 0;
    case PLACE_FPCR: memcpy(&cpu->fpcr, buf, 4); return 0;
    case PLACE_TPIDR: memcpy(&cpu->tpidr_el0, buf, 8); return 0;
    case PLACE_PAUTH_MASK:
        /* Fixed by the architecture (Linux's regset is read-only): a G
         * packet writing back the value read is fine, a change is not. */
        memcpy(&mask, buf, 8);
        return cpu->pauth_enabled && mask == CPU_PAUTH_USER_PAC_MASK ? 0
                                                                     : -EIO;
    case PLACE_NONE: break;
    }
    return -EIO;
}
