/* SVE vector lengths per thread (prctl, exec, clone) and the signal
 * frame's sve_context, following arm64 Linux (arch/arm64/kernel/fpsimd.c
 * and signal.c; the record layout is asm/sigcontext.h's SVE_SIG_*). */
#include "config.h"

#include "user/sve.h"
#include "user/user-internal.h"

#include "cpu/cpu.h"

#include <errno.h>
#include <string.h>

/* linux/prctl.h */
#define GUEST_PR_SVE_SET_VL_ONEXEC (1u << 18)
#define GUEST_PR_SVE_VL_LEN_MASK 0xffffu
#define GUEST_PR_SVE_VL_INHERIT (1u << 17)

/* asm/sve_context.h: lengths in bytes, and the longest the architecture
 * allows (what Linux clamps a request to). */
#define SVE_VQ_BYTES 16u
#define SVE_VL_MIN 16u
#define SVE_VL_MAX (512u * SVE_VQ_BYTES)
#define SVE_VL_ARCH_MAX 256u

/* struct sve_context: the header, vl, flags, reserved; the registers
 * start at the next 16-byte boundary. */
#define SVE_CTX_HEAD 16u
#define SVE_CTX_VL_OFFSET 8u
#define SVE_CTX_REGS_OFFSET 16u

static uint32_t max_vl(const struct user_process *p)
{
    return p->kernel->sve_max_vl;
}

/* The register data of a record for vq quadwords: Z, then P, then FFR. */
static size_t regs_size(unsigned vq)
{
    return 32 * (size_t)vq * SVE_VQ_BYTES + 17 * (size_t)vq * 2;
}

void user_sve_thread_start(struct user_thread *t)
{
    struct user_kernel *k = t->proc->kernel;
    /* server/ checks --sve-vl; anything else here means no SVE. */
    if (k->sve_max_vl % SVE_VQ_BYTES || k->sve_max_vl > CPU_ZREG_BYTES)
        k->sve_max_vl = 0;
    t->sve_vl_onexec = 0;
    t->sve_vl_inherit = false;
    if (max_vl(t->proc))
        t->cpu->sve_vl = max_vl(t->proc);
}

void user_sve_exec(struct user_thread *t)
{
    uint32_t vl = t->sve_vl_onexec ? t->sve_vl_onexec : max_vl(t->proc);
    if (!max_vl(t->proc))
        return;
    t->cpu->sve_vl = vl;
    if (!t->sve_vl_inherit)
        t->sve_vl_onexec = 0;
}

void user_sve_clone(struct user_thread *child, const struct user_thread *parent)
{
    child->sve_vl_onexec = parent->sve_vl_onexec;
    child->sve_vl_inherit = parent->sve_vl_inherit;
}

/* A new length: the registers keep their V part, the rest of the SVE
 * state is gone (Linux converts the thread to FPSIMD-only state). */
static void change_vl(struct cpu_state *cpu, uint32_t vl)
{
    if (cpu->sve_vl == vl)
        return;
    for (int i = 0; i < 32; i++)
        memset(cpu->z[i].b + 16, 0, CPU_ZREG_BYTES - 16);
    memset(cpu->p, 0, sizeof(cpu->p));
    memset(cpu->ffr, 0, sizeof(cpu->ffr));
    cpu->sve_vl = vl;
}

static int64_t status_word(const struct user_thread *t, bool onexec)
{
    int64_t word = onexec ? t->sve_vl_onexec : t->cpu->sve_vl;
    if (t->sve_vl_inherit)
        word |= GUEST_PR_SVE_VL_INHERIT;
    return word;
}

int64_t user_sve_set_vl(struct user_process *p, uint64_t arg)
{
    struct user_thread *t = p->cur;
    uint64_t vl = arg & GUEST_PR_SVE_VL_LEN_MASK;
    uint64_t flags = arg & ~vl;

    if (!max_vl(p))
        return -EINVAL;
    if (flags & ~(uint64_t)(GUEST_PR_SVE_VL_INHERIT | GUEST_PR_SVE_SET_VL_ONEXEC))
        return -EINVAL;
    if (vl % SVE_VQ_BYTES || vl < SVE_VL_MIN || vl > SVE_VL_MAX)
        return -EINVAL;
    /* The longest supported length not above the request. */
    if (vl > SVE_VL_ARCH_MAX)
        vl = SVE_VL_ARCH_MAX;
    if (vl > max_vl(p))
        vl = max_vl(p);

    if (flags & (GUEST_PR_SVE_VL_INHERIT | GUEST_PR_SVE_SET_VL_ONEXEC))
        t->sve_vl_onexec = (uint32_t)vl;
    else
        t->sve_vl_onexec = 0;   /* the default again at the next exec */
    if (!(flags & GUEST_PR_SVE_SET_VL_ONEXEC))
        change_vl(t->cpu, (uint32_t)vl);
    t->sve_vl_inherit = (flags & GUEST_PR_SVE_VL_INHERIT) != 0;
    return status_word(t, (flags & GUEST_PR_SVE_SET_VL_ONEXEC) != 0);
}

int64_t user_sve_get_vl(struct user_process *p)
{
    if (!max_vl(p))
        return -EINVAL;
    return status_word(p->cur, false);
}

size_t user_sve_context_size(const struct user_process *p)
{
    if (!max_vl(p))
        return 0;
    unsigned vq = p->cpu->sve_vl / SVE_VQ_BYTES;
    return (SVE_CTX_REGS_OFFSET + regs_size(vq) + 15) & ~(size_t)15;
}

void user_sve_context_save(const struct user_process *p, uint8_t *dst)
{
    const struct cpu_state *cpu = p->cpu;
    uint32_t magic = USER_SVE_MAGIC;
    uint32_t size = (uint32_t)user_sve_context_size(p);
    uint16_t vl = (uint16_t)cpu->sve_vl;
    unsigned vq = cpu->sve_vl / SVE_VQ_BYTES;
    unsigned zbytes = vq * SVE_VQ_BYTES, pbytes = vq * 2;

    memcpy(dst, &magic, 4);
    memcpy(dst + 4, &size, 4);
    memcpy(dst + SVE_CTX_VL_OFFSET, &vl, 2);
    /* flags (streaming mode) and the reserved halfwords stay zero. */
    uint8_t *out = dst + SVE_CTX_REGS_OFFSET;
    for (int i = 0; i < 32; i++, out += zbytes)
        memcpy(out, cpu->z[i].b, zbytes);
    for (int i = 0; i < 16; i++, out += pbytes)
        memcpy(out, cpu->p[i], pbytes);
    memcpy(out, cpu->ffr, pbytes);
}

int user_sve_context_check(const struct user_process *p, const uint8_t *rec,
                           size_t size)
{
    uint16_t vl;

    if (!max_vl(p) || size < SVE_CTX_HEAD)
        return -EINVAL;
    memcpy(&vl, rec + SVE_CTX_VL_OFFSET, 2);
    /* A sigreturn cannot change the vector length. */
    if (vl != p->cpu->sve_vl)
        return -EINVAL;
    /* A header alone says the registers were not live; otherwise all of
     * them must be there. */
    if (size > SVE_CTX_HEAD
        && size < SVE_CTX_REGS_OFFSET + regs_size(vl / SVE_VQ_BYTES))
        return -EINVAL;
    return 0;
}

void user_sve_context_restore(struct cpu_state *cpu, const uint8_t *rec,
                              size_t size, const uint8_t *vregs)
{
    unsigned vq = cpu->sve_vl / SVE_VQ_BYTES;
    unsigned zbytes = vq * SVE_VQ_BYTES, pbytes = vq * 2;

    for (int i = 0; i < 32; i++)
        memset(cpu->z[i].b, 0, sizeof(cpu->z[i].b));
    memset(cpu->p, 0, sizeof(cpu->p));
    memset(cpu->ffr, 0, sizeof(cpu->ffr));
    if (rec && size > SVE_CTX_HEAD && zbytes <= CPU_ZREG_BYTES) {
        const uint8_t *in = rec + SVE_CTX_REGS_OFFSET;
        for (int i = 0; i < 32; i++, in += zbytes)
            memcpy(cpu->z[i].b, in, zbytes);
        for (int i = 0; i < 16; i++, in += pbytes)
            memcpy(cpu->p[i], in, pbytes);
        memcpy(cpu->ffr, in, pbytes);
    }
    for (int i = 0; i < 32; i++)
        memcpy(cpu->z[i].b, vregs + 16 * i, 16);
}
