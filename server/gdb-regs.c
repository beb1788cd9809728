#include "config.h"

#include "server/gdb-regs.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib.h>

#include "cpu/cpu.h"
#include "user/mte.h"
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
    /* SVE: the description is sized for the longest vector length; a
     * thread's bytes past its own length read as zero and writes to them
     * are ignored, as Linux's NT_ARM_SVE regset does. */
    PLACE_Z,
    PLACE_P,
    PLACE_FFR,
    PLACE_VG,           /* the thread's length in 64-bit granules */
    PLACE_TAG_CTL,      /* MTE: the tagged-address control word (prctl) */
};

struct reg_slot {
    enum reg_place place;
    unsigned index;   /* X, V, Z and P register number */
    unsigned bytes;
};

struct gdb_regs {
    struct reg_slot *slots;
    unsigned count;
    unsigned sve_max_vl;  /* bytes of z0 in the description, 0: no SVE */
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
    else if (sscanf(r->name, "z%u%c", &n, &tail) == 1 && n <= 31 &&
             s.bytes % 16 == 0 && s.bytes <= CPU_ZREG_BYTES)
        s.place = PLACE_Z, s.index = n;
    else if (sscanf(r->name, "p%u%c", &n, &tail) == 1 && n <= 15 &&
             s.bytes % 2 == 0 && s.bytes <= CPU_PREG_BYTES)
        s.place = PLACE_P, s.index = n;
    else if (!strcmp(r->name, "ffr") && s.bytes % 2 == 0 &&
             s.bytes <= CPU_PREG_BYTES)
        s.place = PLACE_FFR;
    else if (!strcmp(r->name, "vg") && s.bytes == 8)
        s.place = PLACE_VG;
    else if ((!strcmp(r->name, "pauth_dmask") ||
              !strcmp(r->name, "pauth_cmask")) && s.bytes == 8)
        s.place = PLACE_PAUTH_MASK;
    else if (!strcmp(r->name, "tag_ctl") && s.bytes == 8)
        s.place = PLACE_TAG_CTL;
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
    const struct tdesc_reg *z0 = tdesc_find_reg(td, "z0");
    if (z0 && z0->regnum < regs->count &&
        regs->slots[z0->regnum].place == PLACE_Z)
        regs->sve_max_vl = regs->slots[z0->regnum].bytes;
    return regs;
}

void gdb_regs_free(struct gdb_regs *regs)
{
    if (!regs)
        return;
    g_free(regs->slots);
    g_free(regs);
}

/* The thread's vector length in bytes, within what the slot holds. */
static unsigned live_bytes(const struct cpu_state *cpu, unsigned slot_bytes,
                           unsigned divisor)
{
    unsigned vl = cpu->sve_vl <= CPU_ZREG_BYTES ? cpu->sve_vl : CPU_ZREG_BYTES;
    return MIN(vl / divisor, slot_bytes);
}

static void read_scalable(uint8_t *buf, const uint8_t *reg, unsigned live,
                          unsigned bytes)
{
    memcpy(buf, reg, live);
    memset(buf + live, 0, bytes - live);
}

/* A debugger's vg write changes the thread's vector length, as a ptrace
 * NT_ARM_SVE write with another length does: the registers keep their
 * low 128 bits (the V view), the rest of the SVE state is zeroed. */
static int set_vector_granules(const struct gdb_regs *regs,
                               struct cpu_state *cpu, uint64_t vg)
{
    if (vg == cpu->sve_vl / 8)
        return 0;
    if (vg < 2 || vg % 2 || vg * 8 > regs->sve_max_vl)
        return -EINVAL;
    for (unsigned i = 0; i < 32; i++)
        memset(cpu->z[i].b + 16, 0, CPU_ZREG_BYTES - 16);
    memset(cpu->p, 0, sizeof(cpu->p));
    memset(cpu->ffr, 0, sizeof(cpu->ffr));
    cpu->sve_vl = (uint32_t)(vg * 8);
    return 0;
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
    case PLACE_Z:
        read_scalable(buf, cpu->z[s->index].b, live_bytes(cpu, s->bytes, 1),
                      s->bytes);
        return 0;
    case PLACE_P:
        read_scalable(buf, cpu->p[s->index], live_bytes(cpu, s->bytes, 8),
                      s->bytes);
        return 0;
    case PLACE_FFR:
        read_scalable(buf, cpu->ffr, live_bytes(cpu, s->bytes, 8), s->bytes);
        return 0;
    case PLACE_VG:
        mask = cpu->sve_vl / 8;
        memcpy(buf, &mask, 8);
        return 0;
    case PLACE_TAG_CTL:
        mask = user_mte_tag_ctl(cpu);
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
    case PLACE_Z:
        memcpy(cpu->z[s->index].b, buf, live_bytes(cpu, s->bytes, 1));
        return 0;
    case PLACE_P:
        memcpy(cpu->p[s->index], buf, live_bytes(cpu, s->bytes, 8));
        return 0;
    case PLACE_FFR:
        memcpy(cpu->ffr, buf, live_bytes(cpu, s->bytes, 8));
        return 0;
    case PLACE_VG:
        memcpy(&mask, buf, 8);
        return set_vector_granules(regs, cpu, mask);
    case PLACE_TAG_CTL:
        /* As a ptrace NT_ARM_TAGGED_ADDR_CTRL write: prctl's checks. */
        memcpy(&mask, buf, 8);
        return user_mte_set_tag_ctl(cpu, mask) == 0 ? 0 : -EIO;
    case PLACE_NONE: break;
    }
    return -EIO;
}
