/* Signal system calls: the signal state is recorded (actions, mask,
 * alternate stack) and signals sent to the process itself stop it for the
 * debugger. Running handlers (building a signal frame, rt_sigreturn) is a
 * later issue. */
#include "config.h"

#include "user/syscall.h"

#include <errno.h>

#define GUEST_SIG_BLOCK 0
#define GUEST_SIG_UNBLOCK 1
#define GUEST_SIG_SETMASK 2
#define GUEST_SS_ONSTACK 1
#define GUEST_SS_DISABLE 2
#define GUEST_SS_AUTODISARM (1u << 31)
#define GUEST_MINSIGSTKSZ 5120
#define SIGSET_SIZE 8

/* KILL and STOP can be neither caught nor blocked. */
#define UNBLOCKABLE ((1ull << (USER_SIGKILL - 1)) | (1ull << (USER_SIGSTOP - 1)))

USER_SYSCALL(rt_sigaction)
{
    int64_t sig = a[0];
    if (a[3] != SIGSET_SIZE || sig < 1 || sig > USER_NSIG)
        return -EINVAL;
    struct user_sigaction act;
    if (a[1]) {
        if (sig == USER_SIGKILL || sig == USER_SIGSTOP)
            return -EINVAL;
        int r = user_copy_in(p, &act, a[1], sizeof(act));
        if (r < 0)
            return r;
    }
    if (a[2]) {
        int r = user_copy_out(p, a[2], &p->sigactions[sig],
                              sizeof(p->sigactions[sig]));
        if (r < 0)
            return r;
    }
    if (a[1]) {
        act.mask &= ~UNBLOCKABLE;
        p->sigactions[sig] = act;
        /* Ignoring a signal discards it if it is pending. */
        if (act.handler == USER_SIG_IGN
            || (act.handler == USER_SIG_DFL && user_signal_default_ignored(sig)))
            p->sigpending &= ~(1ull << (sig - 1));
    }
    return 0;
}

USER_SYSCALL(rt_sigprocmask)
{
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
        int r = user_copy_out(p, a[2], &p->sigmask, sizeof(p->sigmask));
        if (r < 0)
            return r;
    }
    if (a[1]) {
        switch (a[0]) {
        case GUEST_SIG_BLOCK:
            p->sigmask |= set;
            break;
        case GUEST_SIG_UNBLOCK:
            p->sigmask &= ~set;
            break;
        case GUEST_SIG_SETMASK:
            p->sigmask = set;
            break;
        }
        p->sigmask &= ~UNBLOCKABLE;
        user_signal_check_pending(p);
    }
    return 0;
}

/* stack_t on arm64: ss_sp, ss_flags (int, padded), ss_size. */
struct guest_stack {
    uint64_t sp;
    int32_t flags;
    uint32_t pad;
    uint64_t size;
};

USER_SYSCALL(sigaltstack)
{
    struct guest_stack ss;
    if (a[0]) {
        int r = user_copy_in(p, &ss, a[0], sizeof(ss));
        if (r < 0)
            return r;
    }
    if (a[1]) {
        struct guest_stack old = {
            .sp = p->altstack_sp, .size = p->altstack_size,
            .flags = p->altstack_size ? p->altstack_flags : GUEST_SS_DISABLE,
        };
        int r = user_copy_out(p, a[1], &old, sizeof(old));
        if (r < 0)
            return r;
    }
    if (a[0]) {
        uint32_t mode = (uint32_t)ss.flags & ~GUEST_SS_AUTODISARM;
        if (mode != 0 && mode != GUEST_SS_DISABLE && mode != GUEST_SS_ONSTACK)
            return -EINVAL;
        if (mode == GUEST_SS_DISABLE) {
            p->altstack_sp = p->altstack_size = 0;
            p->altstack_flags = GUEST_SS_DISABLE;
        } else {
            if (ss.size < GUEST_MINSIGSTKSZ)
                return -ENOMEM;
            p->altstack_sp = ss.sp;
            p->altstack_size = ss.size;
            p->altstack_flags = (uint32_t)ss.flags & GUEST_SS_AUTODISARM;
        }
    }
    return 0;
}

static int64_t send_to_self(struct user_process *p, uint64_t sig)
{
    if (sig > USER_NSIG)
        return -EINVAL;
    if (sig != 0)
        user_signal_send(p, (int)sig);
    return 0;
}

USER_SYSCALL(kill)
{
    int64_t pid = a[0];
    if (pid != p->pid && pid != 0 && pid != -1 && pid != -p->pid)
        return (int64_t)a[1] > USER_NSIG ? -EINVAL : -ESRCH;
    return send_to_self(p, a[1]);
}

USER_SYSCALL(tgkill)
{
    if ((int64_t)a[0] <= 0 || (int64_t)a[1] <= 0)
        return -EINVAL;
    if ((int64_t)a[0] != p->pid || (int64_t)a[1] != p->tid)
        return -ESRCH;
    return send_to_self(p, a[2]);
}

USER_SYSCALL(tkill)
{
    if ((int64_t)a[0] <= 0)
        return -EINVAL;
    if ((int64_t)a[0] != p->tid)
        return -ESRCH;
    return send_to_self(p, a[1]);
}
