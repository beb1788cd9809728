/* Signals of the one-thread process: sending, blocking, and the default
 * actions.
 *
 * Every signal that would be delivered first stops as USER_EVENT_SIGNAL so
 * the debugger sees it (as ptrace does); the owner then passes it on with
 * user_process_set_signal() or suppresses it. Handlers installed with
 * rt_sigaction are recorded, but building a signal frame and running them
 * is a later issue: until then their signals take the default action, and
 * stderr says so once. */
#include "config.h"

#include "user/user-internal.h"

#include <stdio.h>

static inline uint64_t sigbit(int sig)
{
    return 1ull << (sig - 1);
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
    uint64_t h = p->sigactions[sig].handler;
    if (sig == USER_SIGKILL || sig == USER_SIGSTOP)
        return false;
    return h == USER_SIG_IGN || (h == USER_SIG_DFL && user_signal_default_ignored(sig));
}

static void stop_for(struct user_process *p, int sig)
{
    struct user_event ev = { .kind = USER_EVENT_SIGNAL, .signal = sig };
    user_process_stop(p, &ev);
}

void user_signal_send(struct user_process *p, int sig)
{
    if (sig < 1 || sig > USER_NSIG)
        return;
    if (sig == USER_SIGKILL) {
        /* Not even a debugger sees SIGKILL coming. */
        p->exited = true;
        p->killed = true;
        p->term_signal = sig;
        p->stop_pending = false;
        struct user_event ev = { .kind = USER_EVENT_KILLED, .signal = sig };
        user_process_stop(p, &ev);
        return;
    }
    if (ignored(p, sig))
        return;
    if ((p->sigmask & sigbit(sig)) && sig != USER_SIGKILL
        && sig != USER_SIGSTOP) {
        p->sigpending |= sigbit(sig);
        return;
    }
    stop_for(p, sig);
}

void user_signal_check_pending(struct user_process *p)
{
    uint64_t ready = p->sigpending & ~p->sigmask;
    if (!ready || p->stop_pending)
        return;
    int sig = __builtin_ctzll(ready) + 1;
    p->sigpending &= ~sigbit(sig);
    if (!ignored(p, sig))
        stop_for(p, sig);
}

bool user_signal_deliver(struct user_process *p, int sig,
                         struct user_event *ev)
{
    if (sig < 1 || sig > USER_NSIG)
        return false;
    /* A fault's signal cannot be ignored or blocked away: Linux forces
     * the default action, or the instruction would fault forever. */
    bool forced = sig == p->fault_signal;
    p->fault_signal = 0;
    uint64_t h = p->sigactions[sig].handler;
    if (h != USER_SIG_DFL && h != USER_SIG_IGN
        && sig != USER_SIGKILL && sig != USER_SIGSTOP) {
        if (!p->handler_note_logged) {
            fprintf(stderr,
                    "backstep: signal handlers are not run yet; signal %d "
                    "takes its default action\n", sig);
            p->handler_note_logged = true;
        }
    } else if (h == USER_SIG_IGN && sig != USER_SIGKILL && !forced) {
        return false;   /* an ignored signal the debugger injected */
    }
    if (user_signal_default_ignored(sig))
        return false;
    /* Default action: terminate (no core dump is written). */
    p->exited = true;
    p->killed = true;
    p->term_signal = sig;
    ev->kind = USER_EVENT_KILLED;
    ev->signal = sig;
    return true;
}
