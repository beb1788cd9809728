/* Signal system calls: dispositions, the mask, the alternate stack,
 * sending to oneself, waiting for signals, and rt_sigreturn. */
#include "config.h"

#include "user/syscall.h"
#include "user/timers.h"

#include "cpu/cpu.h"
#include "hw/pagestore.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>

#define GUEST_SIG_BLOCK 0
#define GUEST_SIG_UNBLOCK 1
#define GUEST_SIG_SETMASK 2
#define SIGSET_SIZE 8
#define NSEC_PER_SEC 1000000000

/* KILL and STOP can be neither caught nor blocked. */
#define UNBLOCKABLE (user_sigbit(USER_SIGKILL) | user_sigbit(USER_SIGSTOP))

USER_SYSCALL(rt_sigaction)
{
    int64_t sig = a[0];
    if (a[3] != SIGSET_SIZE || sig < 1 || sig > USER_NSIG)
        return -EINVAL;
    struct user_sigaction act;
    struct user_sigaction *cur = &p->sighand.action[sig];
    if (a[1]) {
        if (sig == USER_SIGKILL || sig == USER_SIGSTOP)
            return -EINVAL;
        int r = user_copy_in(p, &act, a[1], sizeof(act));
        if (r < 0)
            return r;
    }
    if (a[2]) {
        int r = user_copy_out(p, a[2], cur, sizeof(*cur));
        if (r < 0)
            return r;
    }
    if (a[1]) {
        act.mask &= ~UNBLOCKABLE;
        *cur = act;
        /* Ignoring a signal discards it if it is pending. */
        if (act.handler == USER_SIG_IGN
            || (act.handler == USER_SIG_DFL && user_signal_default_ignored(sig)))
        {
            p->shared_pending &= ~user_sigbit(sig);
            for (guint i = 0; i < p->threads->len; i++)
                ((struct user_thread *)g_ptr_array_index(p->threads, i))
                    ->sig->pending &= ~user_sigbit(sig);
        }
    }
    return 0;
}

USER_SYSCALL(rt_sigprocmask)
{
    struct user_sigthread *t = p->cur->sig;
    if (a[3] != SIGSET_SIZE)
        return -EINVAL;
    uint64_t set = 0;
    if (a[1]) {
        if (a[0] > GUEST_SIG_SETMASK)
            return -EINVAL;
        int r = user_copy_in(p, &set, a[1], sizeof(set));
        if (r < 0)
            return r;
    }
    if (a[2]) {
        int r = user_copy_out(p, a[2], &t->blocked, sizeof(t->blocked));
        if (r < 0)
            return r;
    }
    if (a[1]) {
        switch (a[0]) {
        case GUEST_SIG_BLOCK:
            t->blocked |= set;
            break;
        case GUEST_SIG_UNBLOCK:
            t->blocked &= ~set;
            break;
        case GUEST_SIG_SETMASK:
            t->blocked = set;
            break;
        }
        t->blocked &= ~UNBLOCKABLE;
        user_signal_check_pending(p);
    }
    return 0;
}

USER_SYSCALL(rt_sigpending)
{
    struct user_sigthread *t = p->cur->sig;
    if (a[1] > SIGSET_SIZE)
        return -EINVAL;
    uint64_t set = (t->pending | p->shared_pending) & t->blocked;
    return user_copy_out(p, a[0], &set, a[1]);
}

USER_SYSCALL(sigaltstack)
{
    struct user_stack ss;
    if (a[0]) {
        int r = user_copy_in(p, &ss, a[0], sizeof(ss));
        if (r < 0)
            return r;
    }
    if (a[1]) {
        struct user_stack old = user_sigaltstack_get(p, p->cpu->sp);
        int r = user_copy_out(p, a[1], &old, sizeof(old));
        if (r < 0)
            return r;
    }
    if (a[0])
        return user_sigaltstack_set(p, &ss, p->cpu->sp);
    return 0;
}

/* A signal from the calling thread, with SI_USER/SI_TKILL and its pid. */
static struct user_signal from_caller(struct user_process *p, uint64_t sig,
                                      int code)
{
    return (struct user_signal){ .info = {
        .signo = (int32_t)sig, .code = code,
        .f.kill = { .pid = (int32_t)p->pid, .uid = p->uid },
    } };
}

/* kill(): a process (pid > 0), the caller's group (0, -pgid: every
 * process here is in one group) or everyone but init (-1). Signal 0 only
 * checks that there is someone. */
USER_SYSCALL(kill)
{
    struct user_kernel *k = p->kernel;
    int64_t pid = (int32_t)a[0];   /* pid_t: the upper half is not set */
    uint64_t sig = a[1];
    if (sig > USER_NSIG)
        return -EINVAL;
    struct user_signal s = from_caller(p, sig, USER_SI_USER);
    if (pid > 0) {
        struct user_process *q = user_proc_find(k, pid);
        if (!q || q->exited)
            return -ESRCH;
        if (sig)
            user_signal_send_process(q, &s);
        return 0;
    }
    /* 0: the caller's process group; < -1: group -pid; -1: every
     * process but the caller (Linux's rule, there is no init here). */
    int64_t pgid = pid == 0 ? p->pgid : -pid;
    bool self = false;
    GPtrArray *targets = g_ptr_array_new();
    for (guint i = 0; i < k->procs->len; i++) {
        struct user_process *q = g_ptr_array_index(k->procs, i);
        if (q->exited || (pid != -1 && q->pgid != pgid))
            continue;
        if (q == p)
            self = pid != -1;
        else
            g_ptr_array_add(targets, q);
    }
    if (!targets->len && !self) {
        g_ptr_array_unref(targets);
        return -ESRCH;
    }
    /* Others first: the caller may be the one that dies. */
    for (guint i = 0; sig && i < targets->len; i++)
        user_signal_send_process(g_ptr_array_index(targets, i), &s);
    g_ptr_array_unref(targets);
    if (sig && self)
        user_signal_send_process(p, &s);
    return 0;
}

static int64_t send_to_thread(struct user_process *p, int64_t tgid,
                              int64_t tid, uint64_t sig)
{
    if (sig > USER_NSIG)
        return -EINVAL;
    struct user_thread *t = user_thread_find(p->kernel, tid);
    if (!t || (tgid > 0 && t->proc->pid != tgid))
        return -ESRCH;
    if (sig == 0)
        return 0;
    struct user_signal s = from_caller(p, sig, USER_SI_TKILL);
    user_signal_send_thread(t, &s);
    return 0;
}

USER_SYSCALL(tgkill)
{
    if ((int64_t)a[0] <= 0 || (int64_t)a[1] <= 0)
        return -EINVAL;
    return send_to_thread(p, a[0], a[1], a[2]);
}

USER_SYSCALL(tkill)
{
    if ((int64_t)a[0] <= 0)
        return -EINVAL;
    return send_to_thread(p, 0, a[0], a[1]);
}

/* rt_sigqueueinfo and rt_tgsigqueueinfo to ourselves: the siginfo is the
 * caller's, except for the signal number. */
static int64_t queue_info(struct user_process *p, struct user_thread *to,
                          uint64_t sig, uint64_t uinfo)
{
    struct user_signal s = { 0 };
    if (sig > USER_NSIG)
        return -EINVAL;
    int r = user_copy_in(p, &s.info, uinfo, sizeof(s.info));
    if (r < 0)
        return r;
    if (sig == 0)
        return 0;
    s.info.signo = (int32_t)sig;
    if (to)
        user_signal_send_thread(to, &s);
    else
        user_signal_send_process(p, &s);
    return 0;
}

USER_SYSCALL(rt_sigqueueinfo)
{
    struct user_process *q = user_proc_find(p->kernel, (int64_t)a[0]);
    if ((int64_t)a[0] <= 0 || !q || q->exited)
        return (int64_t)a[1] > USER_NSIG ? -EINVAL : -ESRCH;
    if (q != p)
        return -EPERM;   /* siginfo of our own making only to ourselves */
    return queue_info(p, NULL, a[1], a[2]);
}

USER_SYSCALL(rt_tgsigqueueinfo)
{
    if ((int64_t)a[0] <= 0 || (int64_t)a[1] <= 0)
        return -EINVAL;
    struct user_thread *t = user_thread_find(p->kernel, (int64_t)a[1]);
    if (!t || t->proc->pid != (int64_t)a[0])
        return -ESRCH;
    if (t->proc != p)
        return -EPERM;
    return queue_info(p, t, a[2], a[3]);
}

/* The mask is replaced until a handler has been set up (its frame saves
 * the old one) or, if none runs, until the syscall restarts. */
USER_SYSCALL(rt_sigsuspend)
{
    struct user_sigthread *t = p->cur->sig;
    uint64_t set;
    if (a[1] != SIGSET_SIZE)
        return -EINVAL;
    int r = user_copy_in(p, &set, a[0], sizeof(set));
    if (r < 0)
        return r;
    t->saved_mask = t->blocked;
    t->restore_mask = true;
    t->suspend_x0 = a[0];
    t->suspend_pc = p->cpu->pc;
    t->blocked = set & ~UNBLOCKABLE;
    user_signal_check_pending(p);
    if (!p->stop_pending) {
        /* Another thread or process, or a timer, may send one: wait. */
        if (user_kernel_live_threads(p->kernel) > 1
            || user_timers_may_signal(p))
            return user_block(p->cur, USER_BLOCK_SIGNAL, 0, 0);
        user_signal_deadlock(p, "rt_sigsuspend");
    }
    return -EINTR;
}

USER_SYSCALL(rt_sigtimedwait)
{
    struct user_sigthread *t = p->cur->sig;
    uint64_t set;
    if (a[3] != SIGSET_SIZE)
        return -EINVAL;
    int r = user_copy_in(p, &set, a[0], sizeof(set));
    if (r < 0)
        return r;
    if (a[2]) {
        int64_t ts[2];
        r = user_copy_in(p, ts, a[2], sizeof(ts));
        if (r < 0)
            return r;
        if (ts[0] < 0 || ts[1] < 0 || ts[1] >= NSEC_PER_SEC)
            return -EINVAL;
    }
    uint64_t own = t->pending & set & ~UNBLOCKABLE;
    uint64_t ready = own ? own : p->shared_pending & set & ~UNBLOCKABLE;
    if (!ready) {
        /* Alone, nothing can send one while we wait: a timeout expires
         * at once and no timeout would wait forever. With other threads
         * or processes, wait (a zero timeout is a poll). */
        bool zero = false;
        int64_t ts[2] = { 0, 0 };
        if (a[2]) {
            user_copy_in(p, ts, a[2], sizeof(ts));
            zero = ts[0] == 0 && ts[1] == 0;
        }
        if ((user_kernel_live_threads(p->kernel) > 1
             || user_timers_may_signal(p)) && !zero) {
            int64_t deadline = 0;
            if (a[2]) {
                /* Retried calls keep the first deadline. */
                deadline = p->cur->deadline_ns
                               ? p->cur->deadline_ns
                               : user_host_now_ns() + ts[0] * NSEC_PER_SEC + ts[1];
            }
            user_block(p->cur, USER_BLOCK_RETRY, deadline, -EAGAIN);
            return USER_SYSCALL_BLOCKED;
        }
        if (a[2])
            return -EAGAIN;
        user_signal_deadlock(p, "rt_sigtimedwait");
        return -EINTR;
    }
    int sig = __builtin_ctzll(ready) + 1;
    const struct user_signal *q = own ? &t->queued[sig - 1]
                                      : &p->shared_queued[sig - 1];
    if (a[1]) {
        r = user_copy_out(p, a[1], &q->info, sizeof(struct user_siginfo));
        if (r < 0)
            return r;
    }
    if (own)
        t->pending &= ~user_sigbit(sig);
    else
        p->shared_pending &= ~user_sigbit(sig);
    p->cur->deadline_ns = 0;
    return sig;
}

/* Returns the restored x0, which the dispatcher then writes back. A frame
 * that cannot be restored is the guest's SIGSEGV, at its stack pointer
 * (Linux's arm64_notify_segfault). */
USER_SYSCALL(rt_sigreturn)
{
    struct cpu_state *cpu = p->cpu;
    uint64_t sp = cpu->sp;
    if (user_sigframe_restore(p) < 0) {
        int code = pagestore_prot(p->mem, sp) < 0 ? USER_SEGV_MAPERR
                                                  : USER_SEGV_ACCERR;
        user_signal_force(p, USER_SIGSEGV, code, sp);
        return 0;
    }
    user_signal_check_pending(p);
    return (int64_t)cpu->x[0];
}
