/* The signal frame: struct rt_sigframe as arm64 Linux builds it on the
 * user stack when it runs a handler, and reads back in rt_sigreturn.
 *
 *   sp at handler entry -> siginfo (128 bytes)
 *                          ucontext: uc_flags, uc_link, uc_stack,
 *                            uc_sigmask, padding, uc_mcontext =
 *                            sigcontext { fault_address, regs[31], sp, pc,
 *                            pstate, __reserved[4096]: fpsimd_context,
 *                            esr_context (faults), sve_context (SVE
 *                            processes), a null terminator }
 *   x29 at handler entry -> frame record { fp, lr } of the interrupted code
 *
 * Records are placed as Linux's setup_sigframe_layout places them: when
 * one does not fit in what is left of __reserved (the SVE registers above
 * 512 bits), an extra_context and a terminator go there instead and the
 * records continue right after them, running past __reserved; the frame
 * then grows beyond sizeof(struct rt_sigframe).
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
#define RESERVED_OFFSET (offsetof(struct guest_rt_sigframe, uc) + \
                         offsetof(struct guest_ucontext, mcontext) + \
                         offsetof(struct guest_sigcontext, reserved))
#define TERMINATOR_SIZE 16u
#define EXTRA_CONTEXT_SIZE sizeof(struct guest_extra_context)

/* Where each record goes, as offsets from the frame's start (0: absent). */
struct frame_layout {
    size_t size;       /* bytes used so far */
    size_t limit;      /* how far records may go */
    size_t fpsimd, esr, sve, extra;
    size_t sve_size;
    size_t frame_size; /* the whole frame, a multiple of 16 */
};

/* Linux's sigframe_alloc: room for a record of size bytes, moving on to
 * an extra_context when __reserved is full and extend is allowed. */
static int layout_alloc(struct frame_layout *l, size_t *offset, size_t size,
                        bool extend)
{
    size_t padded = (size + 15) & ~(size_t)15;
    if (padded > l->limit - l->size && !l->extra && extend) {
        l->limit += EXTRA_CONTEXT_SIZE;
        if (layout_alloc(l, &l->extra, EXTRA_CONTEXT_SIZE, false) < 0) {
            l->limit -= EXTRA_CONTEXT_SIZE;
            return -ENOMEM;
        }
        l->size += TERMINATOR_SIZE;   /* __reserved's own terminator */
        l->limit = SIGFRAME_MAXSZ - TERMINATOR_SIZE;
    }
    if (padded > l->limit - l->size)
        return -ENOMEM;
    *offset = l->size;
    l->size += padded;
    return 0;
}

static int frame_layout(struct frame_layout *l, size_t sve_size, bool esr)
{
    *l = (struct frame_layout){
        .size = RESERVED_OFFSET,
        /* Keep room for the terminator at the end of __reserved. */
        .limit = RESERVED_OFFSET + sizeof(((struct guest_sigcontext *)0)->reserved)
                 - TERMINATOR_SIZE,
        .sve_size = sve_size,
    };
    size_t end;
    if (layout_alloc(l, &l->fpsimd, sizeof(struct guest_fpsimd_context), true) < 0
        || (esr && layout_alloc(l, &l->esr, sizeof(struct guest_esr_context),
                                true) < 0)
        || (sve_size && layout_alloc(l, &l->sve, sve_size, true) < 0))
        return -ENOMEM;
    l->limit += TERMINATOR_SIZE;
    if (layout_alloc(l, &end, TERMINATOR_SIZE, true) < 0)
        return -ENOMEM;
    l->frame_size = MAX(l->size, FRAME_SIZE);
    l->frame_size = (l->frame_size + 15) & ~(size_t)15;
    return 0;
}

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

/* Fill in the records where the layout puts them: fpsimd_context,
 * esr_context for a fault, sve_context, the extra_context pointing past
 * __reserved's terminator (the terminators are the zeroed buffer's). */
static void put_records(const struct user_process *p,
                        const struct user_signal *s,
                        const struct frame_layout *l, uint64_t frame_addr,
                        uint8_t *frame)
{
    const struct cpu_state *cpu = p->cpu;
    struct guest_fpsimd_context fp = {
        .head = { FPSIMD_MAGIC, sizeof(fp) },
        .fpsr = cpu->fpsr,
        .fpcr = cpu->fpcr,
    };
    for (int i = 0; i < 32; i++)
        memcpy(fp.vregs[i], cpu->z[i].b, 16);
    memcpy(frame + l->fpsimd, &fp, sizeof(fp));
    if (l->esr) {
        struct guest_esr_context esr = {
            .head = { ESR_MAGIC, sizeof(esr) },
            .esr = s->esr,
        };
        memcpy(frame + l->esr, &esr, sizeof(esr));
    }
    if (l->sve)
        user_sve_context_save(p, frame + l->sve);
    if (l->extra) {
        size_t data = l->extra + EXTRA_CONTEXT_SIZE + TERMINATOR_SIZE;
        struct guest_extra_context ec = {
            .head = { EXTRA_MAGIC, EXTRA_CONTEXT_SIZE },
            .datap = frame_addr + data,
            .size = (uint32_t)(l->frame_size - data),
        };
        memcpy(frame + l->extra, &ec, sizeof(ec));
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
    struct frame_layout layout;
    if (frame_layout(&layout, user_sve_context_size(p), s->esr != 0) < 0)
        return -EFAULT;
    uint64_t record_addr = (sp - sizeof(struct guest_frame_record)) & ~15ull;
    uint64_t frame_addr = record_addr - layout.frame_size;
    if (frame_addr > sp)
        return -EFAULT;   /* wrapped below address 0 */
    if (!(act->flags & USER_SA_RESTORER)) {
        restorer = sigreturn_tramp(p);
        if (!restorer)
            return -EFAULT;
    }

    /* The frame and the record above it, built here and written at once
     * so a stack that cannot hold them changes nothing. */
    size_t out_size = layout.frame_size + sizeof(struct guest_frame_record);
    uint8_t *out = g_malloc0(out_size);
    struct guest_rt_sigframe *f = (struct guest_rt_sigframe *)out;
    if (act->flags & USER_SA_SIGINFO)
        f->info = s->info;
    f->uc.stack = user_sigaltstack_get(p, cpu->sp);
    f->uc.sigmask = mask;
    struct guest_sigcontext *sc = &f->uc.mcontext;
    /* Never with its tag, whatever SA_EXPOSE_TAGBITS says (Linux's
     * Documentation/arm64/tagged-pointers.rst): bits 63:56 follow bit 55. */
    sc->fault_address = (s->fault_address & (1ull << 55))
                            ? s->fault_address | 0xffull << 56
                            : s->fault_address & ~(0xffull << 56);
    memcpy(sc->regs, cpu->x, sizeof(sc->regs));
    sc->sp = cpu->sp;
    sc->pc = cpu->pc;
    sc->pstate = cpu_get_cpsr(cpu);
    put_records(p, s, &layout, frame_addr, out);
    struct guest_frame_record record = { cpu->x[29], cpu->x[30] };
    memcpy(out + layout.frame_size, &record, sizeof(record));

    int r = user_copy_out(p, frame_addr, out, out_size);
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
    bool sve_allowed;                            /* the process has SVE */
    const struct guest_fpsimd_context *fpsimd;   /* into the buffers */
    const uint8_t *sve;                          /* sve_context, or NULL */
    size_t sve_size;
};

/* Walk the records in [base, base+limit) as Linux's parse_user_sigframe
 * does. *extra_out receives an extra_context and *extra_offset its offset
 * from base (only allowed in the frame proper, when extra_out is not
 * NULL). 0 or -EINVAL. */
static int parse_records(const uint8_t *base, size_t limit,
                         struct parsed_records *rec,
                         const struct guest_extra_context **extra_out,
                         size_t *extra_offset)
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
        case USER_SVE_MAGIC:
            if (!rec->sve_allowed || rec->sve)
                return -EINVAL;
            rec->sve = base + offset;
            rec->sve_size = head.size;
            break;
        case EXTRA_MAGIC:
            if (!extra_out || *extra_out
                || head.size < sizeof(struct guest_extra_context))
                return -EINVAL;
            *extra_out = (const void *)(base + offset);
            *extra_offset = offset;
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
    size_t ec_offset = 0;
    uint8_t *reserved = f->uc.mcontext.reserved;
    int r = parse_records(reserved, sizeof(f->uc.mcontext.reserved), rec, &ec,
                          &ec_offset);
    if (r < 0)
        return r;
    if (ec) {
        struct guest_extra_context x;
        memcpy(&x, ec, sizeof(x));
        size_t after = ec_offset + x.head.size;
        struct guest_ctx_head term;
        if (sizeof(f->uc.mcontext.reserved) - after < sizeof(term))
            return -EINVAL;
        memcpy(&term, reserved + after, sizeof(term));
        /* The extra data starts right after that terminator (16-aligned)
         * and the whole frame stays within SIGFRAME_MAXSZ, as Linux's
         * parse_user_sigframe requires. */
        uint64_t data = RESERVED_OFFSET + after + TERMINATOR_SIZE;
        if (term.magic || term.size || x.datap != frame_addr + data
            || x.size % 16 || x.size > SIGFRAME_MAXSZ - data)
            return -EINVAL;
        *extra = g_malloc(x.size + sizeof(term));
        if (user_copy_in(p, *extra, x.datap, x.size) < 0)
            return -EFAULT;
        r = parse_records(*extra, x.size, rec, NULL, NULL);
        if (r < 0)
            return r;
    }
    if (!rec->fpsimd)
        return -EINVAL;   /* Linux requires the FP/SIMD state back */
    if (rec->sve && user_sve_context_check(p, rec->sve, rec->sve_size) < 0)
        return -EINVAL;
    return 0;
}

int user_sigframe_restore(struct user_process *p)
{
    struct cpu_state *cpu = p->cpu;
    uint64_t frame_addr = cpu->sp;
    struct guest_rt_sigframe *f = g_malloc(sizeof(*f));
    struct parsed_records rec = { .sve_allowed = user_sve_context_size(p) != 0 };
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
    /* Z, P and FFR from the sve_context (none: only the V part of each Z
     * survives, as after Linux discards a task's SVE state), then V from
     * the fpsimd_context over the low 128 bits. */
    user_sve_context_restore(cpu, rec.sve, rec.sve_size,
                             (const uint8_t *)fp.vregs);
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
