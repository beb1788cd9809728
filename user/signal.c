/* Signals: generating, queueing (per thread, or process-wide for kill),
 * stopping for the debugger, and delivering (default action or a
 * handler's frame). Delivery acts on the process's current thread.
 *
 * The life of a signal, as under ptrace on Linux:
 *  1. generated (kill to self, a CPU fault, SIGPIPE): queued with its
 *     siginfo, or dropped if ignored (unlike Linux under ptrace, ignored
 *     signals do not stop: there is nothing to see);
 *  2. dequeued at the point where Linux would return to user mode (the end
 *     of the syscall or fault) if not blocked, synchronous ones first, and
 *     reported as a USER_EVENT_SIGNAL stop (the signal-delivery-stop);
 *  3. the debugger (or the free-running server, which passes everything)
 *     decides with user_process_set_signal(): deliver it, another one, or
 *     none; the next run acts on that before its first instruction.
 *
 * SA_RESTART: Linux restarts a syscall that a handler interrupted. Here no
 * syscall can be interrupted: only the guest's one thread sends signals,
 * and it is inside the syscall. The two that wait for a signal,
 * rt_sigsuspend and rt_sigtimedwait, are never restarted after a handler
 * on Linux either (ERESTARTNOHAND, EINTR), so the flag is kept and changes
 * nothing; rt_sigsuspend restarts only when no handler runs (below). */
#include "config.h"

#include "user/user-internal.h"

#include "user/process-signals.h"
#include "user/mte.h"

#include "cpu/cpu.h"

#include <stdio.h>
#include <string.h>

_Static_assert(sizeof(struct user_siginfo) == USER_SIGINFO_SIZE,
               "the siginfo server/ reads");

#define USER_SIGSYS 31
/* Dequeued before the others: the faults of the current instruction. */
#define SYNCHRONOUS_MASK                                                   \
    (user_sigbit(USER_SIGSEGV) | user_sigbit(USER_SIGBUS)                  \
     | user_sigbit(USER_SIGILL) | user_sigbit(USER_SIGTRAP)                \
     | user_sigbit(USER_SIGFPE) | user_sigbit(USER_SIGSYS))
#define UNBLOCKABLE (user_sigbit(USER_SIGKILL) | user_sigbit(USER_SIGSTOP))

/* ESR_EL1 as Linux reports it in esr_context: exception class, IL. */
#define ESR_EC_SHIFT 26
#define ESR_IL (1u << 25)
#define ESR_EC_UNKNOWN 0x00u
#define ESR_EC_FPAC 0x1cu
#define USER_ILL_ILLOPN 2
#define ESR_EC_IABT_LOW 0x20u
#define ESR_EC_PC_ALIGN 0x22u
#define ESR_EC_DABT_LOW 0x24u
#define ESR_EC_BRK64 0x3cu
#define ESR_WNR (1u << 6)
#define ESR_FSC_TRANSLATION_L3 0x07u
#define ESR_FSC_PERMISSION_L3 0x0fu
#define ESR_FSC_ALIGNMENT 0x21u
#define ESR_FSC_TAG_CHECK 0x11u   /* synchronous tag check fault */

/* What the debugger's injected signals claim as their sender: the
 * tracer, which is the parent (getppid() says 1). */
#define DEBUGGER_PID 1

void user_signal_init(struct user_process *p)
{
    p->cur->sig->altstack_flags = USER_SS_DISABLE;
}

bool user_signal_default_ignored(int sig)
{
    switch (sig) {
    case USER_SIGCHLD:
    case USER_SIGCONT:
    case USER_SIGURG:
    case USER_SIGWINCH:
    /* Job-control stops: there is no job control in here, and a stopped
     * process with a debugger attached is what USER_EVENT_SIGNAL is. */
    case USER_SIGSTOP:
    case USER_SIGTSTP:
    case USER_SIGTTIN:
    case USER_SIGTTOU:
        return true;
    default:
        return false;
    }
}

static bool ignored(const struct user_process *p, int sig)
{
    uint64_t h = p->sighand.action[sig].handler;
    if (sig == USER_SIGKILL || sig == USER_SIGSTOP)
        return false;
    return h == USER_SIG_IGN
           || (h == USER_SIG_DFL && user_signal_default_ignored(sig));
}

static void kill_process(struct user_process *p, int sig,
                         struct user_event *ev)
{
    p->stop_pending = false;
    user_process_kill(p, sig);
    *ev = (struct user_event){ .kind = USER_EVENT_KILLED, .signal = sig,
                               .pid = p->pid, .tid = p->pid };
    if (p->stop_pending) {
        *ev = p->stop;
        p->stop_pending = false;
    }
}

static void queue_on(struct user_sigthread *t, const struct user_signal *s,
                     bool replace)
{
    int sig = s->info.signo;
    if ((t->pending & user_sigbit(sig)) && !replace)
        return;   /* one instance per signal */
    t->pending |= user_sigbit(sig);
    t->queued[sig - 1] = *s;
}

static void queue(struct user_process *p, const struct user_signal *s,
                  bool replace)
{
    queue_on(p->cur->sig, s, replace);
}

/* The thread's own signals first (faults among them), then the
 * process-wide ones, as Linux's dequeue_signal. */
static bool dequeue(struct user_process *p, struct user_signal *out)
{
    struct user_sigthread *t = p->cur->sig;
    uint64_t ready = t->pending & ~t->blocked;
    if (ready) {
        if (ready & SYNCHRONOUS_MASK)
            ready &= SYNCHRONOUS_MASK;
        int sig = __builtin_ctzll(ready) + 1;
        t->pending &= ~user_sigbit(sig);
        *out = t->queued[sig - 1];
        return true;
    }
    ready = p->shared_pending & ~t->blocked;
    if (!ready)
        return false;
    int sig = __builtin_ctzll(ready) + 1;
    p->shared_pending &= ~user_sigbit(sig);
    *out = p->shared_queued[sig - 1];
    return true;
}

void user_signal_check_pending(struct user_process *p)
{
    struct user_sigthread *t = p->cur->sig;
    struct user_signal s;
    if (p->stop_pending || p->exited || p->cur->state == USER_THREAD_EXITED)
        return;
    /* A signal ignored since it was queued goes away unseen. */
    do {
        if (!dequeue(p, &s))
            return;
    } while (ignored(p, s.info.signo));
    t->stopped = s;
    t->has_stopped = true;
    struct user_event ev = {
        .kind = USER_EVENT_SIGNAL,
        .signal = s.info.signo,
        /* The fault address of a kernel-sent synchronous signal. */
        .addr = (user_sigbit(s.info.signo) & SYNCHRONOUS_MASK)
                        && s.info.code > 0
                    ? s.info.f.fault.addr
                    : 0,
    };
    user_process_stop(p, &ev);
}

void user_signal_send_info(struct user_process *p, const struct user_signal *s)
{
    int sig = s->info.signo;
    if (sig < 1 || sig > USER_NSIG)
        return;
    if (sig == USER_SIGKILL) {
        /* Not even a debugger sees SIGKILL coming. */
        struct user_event ev;
        p->stop_pending = false;
        kill_process(p, sig, &ev);
        user_process_stop(p, &ev);
        return;
    }
    if (ignored(p, sig))
        return;
    queue(p, s, false);
    user_signal_check_pending(p);
}

/* Whether t takes sig now, so that a wait of its may end. */
static bool deliverable(const struct user_thread *t, int sig)
{
    return !(t->sig->blocked & user_sigbit(sig));
}

void user_signal_send_thread(struct user_thread *t, const struct user_signal *s)
{
    struct user_process *p = t->proc;
    int sig = s->info.signo;
    if (sig < 1 || sig > USER_NSIG || p->exited)
        return;
    if (t == p->kernel->current) {
        /* The caller itself: stops after its syscall, as before. */
        user_signal_send_info(p, s);
        return;
    }
    if (sig == USER_SIGKILL) {
        struct user_event ev;
        kill_process(p, sig, &ev);
        return;
    }
    if (ignored(p, sig))
        return;
    queue_on(t->sig, s, false);
    if (deliverable(t, sig))
        user_wake_for_signal(t);
    else if (t->state == USER_THREAD_BLOCKED && t->block == USER_BLOCK_RETRY
             && !user_thread_polls(t))
        user_wake(t, 0);   /* sigtimedwait looks again */
}

void user_signal_send_process(struct user_process *p, const struct user_signal *s)
{
    int sig = s->info.signo;
    struct user_kernel *k = p->kernel;
    if (sig < 1 || sig > USER_NSIG || p->exited)
        return;
    /* The running thread takes its own process's signal at once; one
     * that is parked goes the general way below, which wakes it. */
    if (k->current && k->current->proc == p
        && k->current->state == USER_THREAD_RUNNABLE
        && (sig == USER_SIGKILL || deliverable(k->current, sig))) {
        user_signal_send_info(p, s);
        return;
    }
    if (sig == USER_SIGKILL) {
        struct user_event ev;
        kill_process(p, sig, &ev);
        return;
    }
    if (ignored(p, sig))
        return;
    if (!(p->shared_pending & user_sigbit(sig))) {
        p->shared_pending |= user_sigbit(sig);
        p->shared_queued[sig - 1] = *s;
    }
    /* Wake one thread that takes it (Linux's complete_signal), and let
     * the ones in sigtimedwait look again. */
    bool woken = false;
    for (guint i = 0; i < p->threads->len; i++) {
        struct user_thread *t = g_ptr_array_index(p->threads, i);
        if (!woken && deliverable(t, sig)) {
            user_wake_for_signal(t);
            woken = true;
        } else if (t->state == USER_THREAD_BLOCKED
                   && t->block == USER_BLOCK_RETRY && !user_thread_polls(t)) {
            user_wake(t, 0);
        }
    }
}

void user_signal_send(struct user_process *p, int sig)
{
    struct user_signal s = { .info = {
        .signo = sig, .code = USER_SI_USER,
        .f.kill = { .pid = (int32_t)p->pid, .uid = p->uid },
    } };
    user_signal_send_info(p, &s);
}

/* A signal the kernel forces: it must get through, or the instruction
 * would fault forever. */
static void force(struct user_process *p, const struct user_signal *s)
{
    struct user_sigthread *t = p->cur->sig;
    int sig = s->info.signo;
    bool blocked = t->blocked & user_sigbit(sig);
    if (blocked || p->sighand.action[sig].handler == USER_SIG_IGN) {
        p->sighand.action[sig].handler = USER_SIG_DFL;
        t->blocked &= ~user_sigbit(sig);
    }
    queue(p, s, true);
    user_signal_check_pending(p);
}

void user_signal_force(struct user_process *p, int sig, int code,
                       uint64_t addr)
{
    struct user_signal s = { .info = {
        .signo = sig, .code = code, .f.fault.addr = addr,
    } };
    force(p, &s);
}

/* si_code and the syndrome of the CPU's last exit. */
static void describe_fault(const struct cpu_state *cpu, int sig,
                           struct user_signal *s)
{
    const struct cpu_exit_info *x = &cpu->exit_info;
    uint32_t fsc = x->fault_is_perm ? ESR_FSC_PERMISSION_L3
                                    : ESR_FSC_TRANSLATION_L3;
    switch (cpu->exit) {
    case CPU_EXIT_DATA_ABORT:
        s->info.code = x->fault_is_perm ? USER_SEGV_ACCERR : USER_SEGV_MAPERR;
        s->esr = (ESR_EC_DABT_LOW << ESR_EC_SHIFT) | ESR_IL | fsc
                 | (x->fault_is_write ? ESR_WNR : 0);
        s->fault_address = x->fault_addr;
        if (x->fault_is_tag_check) {
            s->info.code = USER_SEGV_MTESERR;
            s->esr = (ESR_EC_DABT_LOW << ESR_EC_SHIFT) | ESR_IL
                     | ESR_FSC_TAG_CHECK | (x->fault_is_write ? ESR_WNR : 0);
        }
        break;
    case CPU_EXIT_INSN_ABORT:
        s->info.code = x->fault_is_perm ? USER_SEGV_ACCERR : USER_SEGV_MAPERR;
        s->esr = (ESR_EC_IABT_LOW << ESR_EC_SHIFT) | ESR_IL | fsc;
        s->fault_address = x->fault_addr;
        break;
    case CPU_EXIT_ALIGNMENT:
        s->info.code = USER_BUS_ADRALN;
        s->esr = x->fault_addr == cpu->pc
                     ? (ESR_EC_PC_ALIGN << ESR_EC_SHIFT) | ESR_IL
                     : (ESR_EC_DABT_LOW << ESR_EC_SHIFT) | ESR_IL
                           | ESR_FSC_ALIGNMENT
                           | (x->fault_is_write ? ESR_WNR : 0);
        s->fault_address = x->fault_addr;
        break;
    case CPU_EXIT_BRK:
        s->info.code = USER_TRAP_BRKPT;
        s->esr = (ESR_EC_BRK64 << ESR_EC_SHIFT) | ESR_IL | (x->imm & 0xffff);
        break;
    default:   /* UNDEF, HLT, an exit the run loop does not know */
        s->info.code = sig == USER_SIGILL ? USER_ILL_ILLOPC : USER_SI_KERNEL;
        s->esr = (ESR_EC_UNKNOWN << ESR_EC_SHIFT) | ESR_IL;
        break;
    }
}

/* A failed AUT* with FEAT_FPAC (the CPU's UNDEF exit with pauth_fault
 * set, which this consumes): Linux's do_el0_fpac sends SIGILL, ILL_ILLOPN,
 * with ESR EC 0x1C and the key in ISS[1:0]. */
static void describe_pauth_fault(struct cpu_state *cpu, struct user_signal *s)
{
    if (!cpu->pauth_fault)
        return;
    cpu->pauth_fault = false;
    if (cpu->exit != CPU_EXIT_UNDEF)
        return;
    s->info.code = USER_ILL_ILLOPN;
    s->esr = (ESR_EC_FPAC << ESR_EC_SHIFT) | ESR_IL | cpu->pauth_fault_code;
}

void user_signal_cpu_fault(struct user_process *p, int sig, uint64_t addr)
{
    struct user_signal s = { .info = { .signo = sig, .f.fault.addr = addr } };
    describe_fault(p->cpu, sig, &s);
    describe_pauth_fault(p->cpu, &s);
    force(p, &s);
}

/* sigaction's SA_EXPOSE_TAGBITS (asm-generic/signal-defs.h, Linux 5.11). */
#define USER_SA_EXPOSE_TAGBITS 0x00000800u

/* Whether si_addr of this signal is a fault address: Linux's
 * siginfo_layout() gives the _sigfault member to the fault signals
 * when the kernel sent them (0 < si_code < SI_KERNEL). */
static bool has_fault_address(const struct user_siginfo *info)
{
    switch (info->signo) {
    case USER_SIGILL: case USER_SIGFPE: case USER_SIGSEGV: case USER_SIGBUS:
    case USER_SIGTRAP:
        return info->code > 0 && info->code < USER_SI_KERNEL;
    default:
        return false;
    }
}

/* What a handler without SA_EXPOSE_TAGBITS sees in si_addr: arm64's
 * arch_untagged_si_addr() -- the address without its tag (bits 63:56
 * become copies of bit 55, untagged_addr()), except for watchpoint and
 * breakpoint traps, which keep every bit for historical reasons. With
 * SA_EXPOSE_TAGBITS the tag stays (for SEGV_MTESERR bits 59:56 only: the
 * fault address has 63:60 clear from the start, as FAR_EL1's are UNKNOWN
 * for tag check faults and Linux masks them). The debugger's $_siginfo
 * always has the whole address, as ptrace does. */
static void hide_addr_tag_bits(struct user_signal *s)
{
    uint64_t addr = s->info.f.fault.addr;

    if (!has_fault_address(&s->info))
        return;
    if (s->info.signo == USER_SIGTRAP && s->info.code == USER_TRAP_BRKPT)
        return;
    s->info.f.fault.addr = (addr & (1ull << 55)) ? addr | 0xffull << 56
                                                 : addr & ~(0xffull << 56);
}

enum delivery {
    DELIVERED_NOTHING,       /* ignored, or the frame could not be built */
    DELIVERED_KILLED,
    DELIVERED_HANDLER,       /* the CPU is at the handler, frame built */
};

static enum delivery deliver(struct user_process *p, const struct user_signal *s,
                             struct user_event *ev)
{
    struct user_sigthread *t = p->cur->sig;
    int sig = s->info.signo;
    struct user_sigaction *act = &p->sighand.action[sig];

    if (sig == USER_SIGKILL || act->handler == USER_SIG_DFL) {
        if (sig != USER_SIGKILL && user_signal_default_ignored(sig))
            return DELIVERED_NOTHING;
        /* Terminate (no core dump is written). */
        kill_process(p, sig, ev);
        return DELIVERED_KILLED;
    }
    if (act->handler == USER_SIG_IGN)
        return DELIVERED_NOTHING;

    struct user_sigaction a = *act;
    if (a.flags & USER_SA_RESETHAND)
        act->handler = USER_SIG_DFL;
    uint64_t mask = t->restore_mask ? t->saved_mask : t->blocked;
    /* A wait the signal interrupted: EINTR, or back onto the svc to run
     * again after the handler (SA_RESTART). Before the frame, which
     * saves pc and x0. */
    user_syscall_interrupted(p->cur, true, a.flags & USER_SA_RESTART);
    struct user_signal shown = *s;
    if (!(a.flags & USER_SA_EXPOSE_TAGBITS))
        hide_addr_tag_bits(&shown);
    if (user_sigframe_setup(p, &a, &shown, mask) < 0) {
        /* Linux's force_sigsegv: a SIGSEGV that cannot be handled ends
         * the process rather than faulting again and again. */
        if (sig == USER_SIGSEGV)
            act->handler = USER_SIG_DFL;
        user_signal_force(p, USER_SIGSEGV, USER_SI_KERNEL, 0);
        return DELIVERED_NOTHING;
    }
    t->restore_mask = false;
    t->blocked |= a.mask;
    if (!(a.flags & USER_SA_NODEFER))
        t->blocked |= user_sigbit(sig);
    t->blocked &= ~UNBLOCKABLE;
    return DELIVERED_HANDLER;
}

/* The debugger resumed with a signal other than the stopped one (or after
 * a stop that was not a signal): Linux gives it SI_USER from the tracer. */
static struct user_signal injected(const struct user_process *p, int sig)
{
    return (struct user_signal){ .info = {
        .signo = sig, .code = USER_SI_USER,
        .f.kill = { .pid = DEBUGGER_PID, .uid = p->uid },
    } };
}

bool user_signal_resume(struct user_process *p, uint64_t max_insns,
                        struct user_event *ev)
{
    struct user_sigthread *t = p->cur->sig;
    struct cpu_state *cpu = p->cpu;
    int sig = t->deliver;
    bool had_stop = t->has_stopped;
    enum delivery done = DELIVERED_NOTHING;

    t->deliver = 0;
    t->has_stopped = false;
    if (sig > 0 && sig <= USER_NSIG) {
        struct user_signal s = had_stop && t->stopped.info.signo == sig
                                   ? t->stopped
                                   : injected(p, sig);
        if ((t->blocked & user_sigbit(sig)) && !(UNBLOCKABLE & user_sigbit(sig)))
            queue(p, &s, false);   /* blocked now: it waits, as on Linux */
        else
            done = deliver(p, &s, ev);
        if (done == DELIVERED_KILLED)
            return true;
    }
    if (done != DELIVERED_HANDLER && sig > 0)
        user_syscall_interrupted(p->cur, false, false);   /* no handler ran */
    if (done != DELIVERED_HANDLER && t->restore_mask) {
        /* rt_sigsuspend ended without running a handler: put the mask
         * back and, as Linux does for ERESTARTNOHAND, restart it. */
        t->blocked = t->saved_mask;
        t->restore_mask = false;
        if (cpu->pc == t->suspend_pc) {
            cpu->pc -= 4;
            cpu->x[0] = t->suspend_x0;
        }
    }
    if (done == DELIVERED_HANDLER && max_insns == 1) {
        *ev = (struct user_event){ .kind = USER_EVENT_BUDGET };
        return true;
    }
    /* More unblocked signals: Linux delivers them all before returning
     * to user mode, each stopping for the debugger first. */
    user_signal_check_pending(p);
    if (p->stop_pending) {
        p->stop_pending = false;
        *ev = p->stop;
        return true;
    }
    return false;
}

/* user_process_set_signal's half in here. */
void user_signal_set_deliver(struct user_process *p, int sig)
{
    p->cur->sig->deliver = sig > 0 && sig <= USER_NSIG ? sig : 0;
}

bool user_signal_stopped_info(const struct user_process *p,
                              struct user_siginfo *info)
{
    if (!p->cur || !p->cur->sig->has_stopped)
        return false;
    *info = p->cur->sig->stopped.info;
    return true;
}

/* Nothing can ever send a signal to a process that waits for one: end it
 * with a message rather than hang (the debugger sees it killed). */
void user_signal_deadlock(struct user_process *p, const char *syscall)
{
    struct user_event ev;
    fprintf(stderr,
            "backstep: %s waits for a signal, but none is pending and no "
            "other thread or process can send one: the program would wait "
            "forever; ending it with SIGKILL\n", syscall);
    p->stop_pending = false;
    kill_process(p, USER_SIGKILL, &ev);
    user_process_stop(p, &ev);
}

bool user_process_siginfo(const struct user_process *p, uint8_t *buf)
{
    struct user_siginfo info;
    if (!user_signal_stopped_info(p, &info))
        return false;
    memcpy(buf, &info, sizeof(info));
    return true;
}

bool user_process_thread_siginfo(struct user_process *proc, int64_t tid,
                                 uint8_t *buf)
{
    struct user_thread *t = tid > 0 ? user_thread_find(proc->kernel, tid)
                                    : proc->kernel->current;
    if (!t || !t->sig->has_stopped)
        return false;
    memcpy(buf, &t->sig->stopped.info, sizeof(t->sig->stopped.info));
    return true;
}
