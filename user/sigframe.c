/* The signal frame: struct rt_sigframe as arm64 Linux builds it on the
 * user stack when it runs a handler, and reads back in rt_sigreturn.
 *
 *   sp at handler entry -> siginfo (128 bytes)
 *                          ucontext: uc_flags, uc_link, uc_stack,
 *                            uc_sigmask, padding, uc_mcontext =
 *                            sigcontext { fault_address, regs[31], sp, pc,
 *                            pstate, __reserved[4096]: fpsimd_context,
 *                            esr_context (faults), a null terminator }
 *   x29 at handler entry -> frame record { fp, lr } of the interrupted code
 *
 * Debuggers rely on this layout: gdb's aarch64-linux sigframe unwinder
 * finds the sigcontext at sp + 128 + 176 once it has recognised the
 * return address as `mov x8, #139; svc #0`. Everything read back from the
 * guest is checked; a bad frame is the guest's SIGSEGV, never ours. */
#include "config.h"

#include "user/user-internal.h"

#include "cpu/cpu.h"
#include "hw/pagestore.h"

#include <errno.h>
#include <stddef.h>
#include <string.h>

/* struct sigcontext (asm/sigcontext.h). */
struct guest_sigcontext {
    uint64_t fault_address;
    uint64_t regs[31];
    uint64_t sp;
    uint64_t pc;
    uint64_t pstate;
    uint8_t reserved[4096] __attribute__((aligned(16)));
};

/* struct ucontext (asm/ucontext.h): the kernel's sigset_t is 8 bytes,
 * padded to glibc's 128. */
struct guest_ucontext {
    uint64_t flags;
    uint64_t link;
    struct user_stack stack;
    uint64_t sigmask;
    uint8_t unused[128 - 8];
    struct guest_sigcontext mcontext __attribute__((aligned(16)));
};

struct guest_rt_sigframe {
    struct user_siginfo info;
    struct guest_ucontext uc;
};

/* Records in __reserved: a header, then the record's own fields. */
struct guest_ctx_head {
    uint32_t magic;
    uint32_t size;
};

#define FPSIMD_MAGIC 0x46508001u
#define ESR_MAGIC 0x45535201u
#define EXTRA_MAGIC 0x45585401u

struct guest_fpsimd_context {
    struct guest_ctx_head head;
    uint32_t fpsr;
    uint32_t fpcr;
    uint8_t vregs[32][16];
};

struct guest_esr_context {
    struct guest_ctx_head head;
    uint64_t esr;
};

struct guest_extra_context {
    struct guest_ctx_head head;
    uint64_t datap;
    uint32_t size;
    uint32_t reserved[3];
};

struct guest_frame_record {
    uint64_t fp;
    uint64_t lr;
};

_Static_assert(sizeof(struct guest_rt_sigframe) == 4688, "rt_sigframe");
_Static_assert(offsetof(struct guest_rt_sigframe, uc) == 128, "uc");
_Static_assert(offsetof(struct guest_ucontext, sigmask) == 40, "uc_sigmask");
_Static_assert(offsetof(struct guest_ucontext, mcontext) == 176, "mcontext");
_Static_assert(offsetof(struct guest_sigcontext, reserved) == 288, "reserved");
_Static_assert(sizeof(struct guest_fpsimd_context) == 528, "fpsimd_context");
_Static_assert(sizeof(struct guest_esr_context) == 16, "esr_context");
_Static_assert(sizeof(struct guest_extra_context) == 32, "extra_context");

/* Linux rejects frames that claim more than this (SIGFRAME_MAXSZ). */
#define SIGFRAME_MAXSZ (64 * 1024)
#define FRAME_SIZE sizeof(struct guest_rt_sigframe)   /* a multiple of 16 */

/* The rt_sigreturn trampoline's page: in the gap between the mmap area
 * and the stack, where neither grows (see USER_MMAP_TOP). */
#define SIGRETURN_TRAMP_ADDR USER_MMAP_TOP
static const uint32_t sigreturn_code[] = {
    0xd2801168,   /* mov x8, #139 (rt_sigreturn) */
    0xd4000001,   /* svc #0 */
};

/* PSTATE bits a user frame may hold: NZCV; anything else must be zero
 * where it says EL0t, AArch64 and no exceptions masked. */
#define PSTATE_NZCV 0xf0000000u
#define PSTATE_MODE 0x1fu            /* M[4]: AArch32, M[3:0]: EL and SP */
#define PSTATE_DAIF 0x3c0u

bool user_sigaltstack_on(const struct user_process *p, uint64_t sp)
{
    const struct user_sigthread *t = p->cur->sig;
    if (t->altstack_flags & USER_SS_AUTODISARM)
        return false;
    return sp > t->altstack_sp && sp - t->altstack_sp <= t->altstack_size;
}

struct user_stack user_sigaltstack_get(const struct user_process *p,
                                       uint64_t sp)
{
    const struct user_sigthread *t = p->cur->sig;
    struct user_stack ss = { .sp = t->altstack_sp, .size = t->altstack_size };
    if (!t->altstack_size)
        ss.flags = USER_SS_DISABLE;
    else
        ss.flags = user_sigaltstack_on(p, sp) ? USER_SS_ONSTACK : 0;
    ss.flags |= (int32_t)(t->altstack_flags & USER_SS_AUTODISARM);
    return ss;
}

int user_sigaltstack_set(struct user_process *p, const struct user_stack *ss,
                         uint64_t sp)
{
    struct user_sigthread *t = p->cur->sig;
    uint32_t mode = (uint32_t)ss->flags & ~USER_SS_AUTODISARM;
    if (user_sigaltstack_on(p, sp))
        return -EPERM;
    if (mode != 0 && mode != USER_SS_DISABLE && mode != USER_SS_ONSTACK)
        return -EINVAL;
    if (mode == USER_SS_DISABLE) {
        t->altstack_sp = t->altstack_size = 0;
        t->altstack_flags = USER_SS_DISABLE;
        return 0;
    }
    if (ss->size < USER_MINSIGSTKSZ)
        return -ENOMEM;
    t->altstack_sp = ss->sp;
    t->altstack_size = ss->size;
    t->altstack_flags = (uint32_t)ss->flags & USER_SS_AUTODISARM;
    return 0;
}

/* The page holding `mov x8, #139; svc #0`, mapped once per process.
 * 0 if the place is taken by a mapping of the guest's own. */
static uint64_t sigreturn_tramp(struct user_process *p)
{
    if (p->sighand.sigreturn_tramp)
        return p->sighand.sigreturn_tramp;
    uint64_t addr = SIGRETURN_TRAMP_ADDR;
    if (pagestore_prot(p->mem, addr) >= 0)
        return 0;
    user_mem_changed(p, addr, PAGESTORE_PAGE_SIZE);
    if (pagestore_map(p->mem, addr, PAGESTORE_PAGE_SIZE,
                      PAGESTORE_PROT_READ | PAGESTORE_PROT_EXEC) < 0)
        return 0;
    if (user_mem_write(p, addr, sigreturn_code, sizeof(sigreturn_code)) < 0)
        return 0;
    p->sighand.sigreturn_tramp = addr;
    return addr;
}

/* Fill __reserved: fpsimd_context, esr_context for a fault, terminator
 * (the rest of the buffer is already zero). */
static void put_records(const struct cpu_state *cpu, const struct user_signal *s,
                        uint8_t *reserved)
{
    struct guest_fpsimd_context fp = {
        .head = { FPSIMD_MAGIC, sizeof(fp) },
        .fpsr = cpu->fpsr,
        .fpcr = cpu->fpcr,
    };
    for (int i = 0; i < 32; i++)
        memcpy(fp.vregs[i], cpu->z[i].b, 16);
    memcpy(reserved, &fp, sizeof(fp));
    if (s->esr) {
        struct guest_esr_context esr = {
            .head = { ESR_MAGIC, sizeof(esr) },
            .esr = s->esr,
        };
        memcpy(reserved + sizeof(fp), &esr, sizeof(esr));
    }
}

int user_sigframe_setup(struct user_process *p, const struct user_sigaction *act,
                        const struct user_signal *s, uint64_t mask)
{
    struct cpu_state *cpu = p->cpu;
    struct user_sigthread *t = p->cur->sig;
    uint64_t sp = cpu->sp;
    uint64_t restorer = act->restorer;

    if ((act->flags & USER_SA_ONSTACK) && t->altstack_size
        && !user_sigaltstack_on(p, sp))
        sp = t->altstack_sp + t->altstack_size;
    uint64_t record_addr = (sp - sizeof(struct guest_frame_record)) & ~15ull;
    uint64_t frame_addr = record_addr - FRAME_SIZE;
    if (frame_addr > sp)
        return -EFAULT;   /* wrapped below address 0 */
    if (!(act->flags & USER_SA_RESTORER)) {
        restorer = sigreturn_tramp(p);
        if (!restorer)
            return -EFAULT;
    }

    /* The frame and the record above it, built here and written at once
     * so a stack that cannot hold them changes nothing. */
    struct {
        struct guest_rt_sigframe frame;
        struct guest_frame_record record;
    } *out = g_malloc0(sizeof(*out));
    _Static_assert(offsetof(__typeof__(*out), record) == FRAME_SIZE,
                   "the record follows the frame");
    struct guest_rt_sigframe *f = &out->frame;
    if (act->flags & USER_SA_SIGINFO)
        f->info = s->info;
    f->uc.stack = user_sigaltstack_get(p, cpu->sp);
    f->uc.sigmask = mask;
    struct guest_sigcontext *sc = &f->uc.mcontext;
    sc->fault_address = s->fault_address;
    memcpy(sc->regs, cpu->x, sizeof(sc->regs));
    sc->sp = cpu->sp;
    sc->pc = cpu->pc;
    sc->pstate = cpu_get_cpsr(cpu);
    put_records(cpu, s, sc->reserved);
    out->record = (struct guest_frame_record){ cpu->x[29], cpu->x[30] };

    int r = user_copy_out(p, frame_addr, out, sizeof(*out));
    g_free(out);
    if (r < 0)
        return r;

    if (t->altstack_flags & USER_SS_AUTODISARM) {
        t->altstack_sp = t->altstack_size = 0;
        t->altstack_flags = USER_SS_DISABLE;
    }
    cpu->x[0] = (uint64_t)s->info.signo;
    if (act->flags & USER_SA_SIGINFO) {
        cpu->x[1] = frame_addr + offsetof(struct guest_rt_sigframe, info);
        cpu->x[2] = frame_addr + offsetof(struct guest_rt_sigframe, uc);
    }
    cpu->sp = frame_addr;
    cpu->x[29] = record_addr;
    cpu->x[30] = restorer;
    cpu->pc = act->handler;
    return 0;
}

/* What the records of a frame say. */
struct parsed_records {
    const struct guest_fpsimd_context *fpsimd;   /* into the buffers */
};

/* Walk the records in [base, base+limit) as Linux's parse_user_sigframe
 * does. *extra_out receives an extra_context (only allowed in the frame
 * proper, when extra_out is not NULL). 0 or -EINVAL. */
static int parse_records(const uint8_t *base, size_t limit,
                         struct parsed_records *rec,
                         const struct guest_extra_context **extra_out)
{
    size_t offset = 0;
    for (;;) {
        struct guest_ctx_head head;
        if (limit - offset < sizeof(head))
            return -EINVAL;
        memcpy(&head, base + offset, sizeof(head));
        if (head.magic == 0)
            return head.size == 0 ? 0 : -EINVAL;
        if (head.size < sizeof(head) || head.size % 16
            || limit - offset < head.size)
            return -EINVAL;
        switch (head.magic) {
        case FPSIMD_MAGIC:
            if (rec->fpsimd || head.size < sizeof(*rec->fpsimd))
                return -EINVAL;
            rec->fpsimd = (const void *)(base + offset);
            break;
        case ESR_MAGIC:
            break;   /* information for the handler; nothing to restore */
        case EXTRA_MAGIC:
            if (!extra_out || *extra_out
                || head.size < sizeof(struct guest_extra_context))
                return -EINVAL;
            *extra_out = (const void *)(base + offset);
            /* The rest of __reserved must be a terminator, then parsing
             * goes on in the extra data. */
            return 0;
        default:
            /* Unknown, or SVE/ZA state this CPU does not have. */
            return -EINVAL;
        }
        offset += head.size;
    }
}

/* Read the frame at sp and check it all; fills *f and the restored FP
 * state. extra (if any) is a g_malloc'd copy the caller frees. */
static int read_frame(struct user_process *p, uint64_t frame_addr,
                      struct guest_rt_sigframe *f, uint8_t **extra,
                      struct parsed_records *rec)
{
    *extra = NULL;
    if (frame_addr & 15)
        return -EFAULT;
    if (user_copy_in(p, f, frame_addr, sizeof(*f)) < 0)
        return -EFAULT;
    uint64_t pstate = f->uc.mcontext.pstate;
    if ((pstate & PSTATE_MODE) || (pstate & PSTATE_DAIF))
        return -EINVAL;

    const struct guest_extra_context *ec = NULL;
    uint8_t *reserved = f->uc.mcontext.reserved;
    int r = parse_records(reserved, sizeof(f->uc.mcontext.reserved), rec, &ec);
    if (r < 0)
        return r;
    if (ec) {
        struct guest_extra_context x;
        memcpy(&x, ec, sizeof(x));
        size_t after = (const uint8_t *)ec - reserved + ec->head.size;
        struct guest_ctx_head term;
        if (sizeof(f->uc.mcontext.reserved) - after < sizeof(term))
            return -EINVAL;
        memcpy(&term, reserved + after, sizeof(term));
        /* Linux puts the extra data right after the frame, 16-aligned,
         * and bounds the whole. */
        if (term.magic || term.size || x.datap != frame_addr + FRAME_SIZE
            || x.size % 16 || x.size > SIGFRAME_MAXSZ - FRAME_SIZE)
            return -EINVAL;
        *extra = g_malloc(x.size + sizeof(term));
        if (user_copy_in(p, *extra, x.datap, x.size) < 0)
            return -EFAULT;
        r = parse_records(*extra, x.size, rec, NULL);
        if (r < 0)
            return r;
    }
    if (!rec->fpsimd)
        return -EINVAL;   /* Linux requires the FP/SIMD state back */
    return 0;
}

int user_sigframe_restore(struct user_process *p)
{
    struct cpu_state *cpu = p->cpu;
    uint64_t frame_addr = cpu->sp;
    struct guest_rt_sigframe *f = g_malloc(sizeof(*f));
    struct parsed_records rec = { 0 };
    uint8_t *extra;
    int r = read_frame(p, frame_addr, f, &extra, &rec);
    if (r < 0)
        goto out;

    struct guest_fpsimd_context fp;
    memcpy(&fp, rec.fpsimd, sizeof(fp));
    const struct guest_sigcontext *sc = &f->uc.mcontext;
    memcpy(cpu->x, sc->regs, sizeof(sc->regs));
    cpu->sp = sc->sp;
    cpu->pc = sc->pc;
    cpu->nzcv = (uint32_t)sc->pstate & PSTATE_NZCV;
    cpu->fpsr = fp.fpsr;
    cpu->fpcr = fp.fpcr;
    /* Restoring from fpsimd_context leaves no SVE state: the bits of Z
     * above V read as zero, as after Linux discards a task's SVE state. */
    for (int i = 0; i < 32; i++) {
        memset(cpu->z[i].b, 0, sizeof(cpu->z[i].b));
        memcpy(cpu->z[i].b, fp.vregs[i], 16);
    }
    cpu->excl_valid = false;
    p->cur->sig->blocked = f->uc.sigmask
                           & ~(user_sigbit(USER_SIGKILL) | user_sigbit(USER_SIGSTOP));
    /* As Linux's restore_altstack: errors other than a fault (such as
     * EPERM while still on the alternate stack) are ignored. The check
     * uses the stack pointer of the sigreturn, the frame's address. */
    (void)user_sigaltstack_set(p, &f->uc.stack, frame_addr);
    r = 0;
out:
    g_free(extra);
    g_free(f);
    return r;
}
