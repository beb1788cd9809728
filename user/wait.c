/* The end of threads and processes: exit, exit_group, zombies, SIGCHLD
 * to the parent, and wait4/waitid. */
#include "config.h"

#include "user/syscall.h"

#include "cpu/cpu.h"

#include <errno.h>
#include <string.h>

#define GUEST_WNOHANG 0x1
#define GUEST_WUNTRACED 0x2
#define GUEST_WEXITED 0x4
#define GUEST_WCONTINUED 0x8
#define GUEST_WNOWAIT 0x01000000
#define GUEST_WNOTHREAD 0x20000000
#define GUEST_WALL 0x40000000
#define GUEST_WCLONE 0x80000000u
#define GUEST_P_ALL 0
#define GUEST_P_PID 1
#define GUEST_P_PGID 2
#define GUEST_CLD_EXITED 1
#define GUEST_CLD_KILLED 2
#define GUEST_SA_NOCLDWAIT 0x00000002u
/* The size of struct rusage on arm64. */
#define GUEST_RUSAGE_SIZE 144

struct user_process *user_proc_find(struct user_kernel *k, int64_t pid)
{
    for (guint i = 0; i < k->procs->len; i++) {
        struct user_process *p = g_ptr_array_index(k->procs, i);
        if (p->pid == pid)
            return p;
    }
    return NULL;
}

/* The SIGCHLD (or the clone's exit signal) a parent gets. */
static struct user_signal child_signal(const struct user_process *c, int sig)
{
    struct user_signal s = { .info = { .signo = sig } };
    bool killed = c->killed;
    int32_t fields[3] = { (int32_t)c->pid, (int32_t)c->uid,
                          killed ? c->term_signal : c->exit_code };
    s.info.code = killed ? GUEST_CLD_KILLED : GUEST_CLD_EXITED;
    memcpy(s.info.f.bytes, fields, sizeof(fields));
    return s;
}

static bool parent_reaps_automatically(const struct user_process *parent)
{
    const struct user_sigaction *act = &parent->sighand.action[USER_SIGCHLD];
    return act->handler == USER_SIG_IGN || (act->flags & GUEST_SA_NOCLDWAIT);
}

void user_proc_exited(struct user_process *p, int wstatus)
{
    struct user_kernel *k = p->kernel;
    if (p->zombie)
        return;
    p->exited = true;
    p->zombie = true;
    p->wstatus = wstatus;
    while (p->threads->len)
        user_thread_exit(g_ptr_array_index(p->threads, 0), wstatus);
    /* Linux closes the files at exit: readers of its pipes see EOF. */
    user_fd_close_all(p);

    if (p->vfork_parent) {
        struct user_thread *vp = p->vfork_parent;
        p->vfork_parent = NULL;
        user_wake(vp, p->pid);
        if ((k->report & USER_REPORT_FORKS) && vp->proc->debugged) {
            struct user_event ev = { .kind = USER_EVENT_VFORK_DONE,
                                     .pid = vp->proc->pid, .tid = vp->tid };
            user_kernel_queue_event(k, &ev);
        }
    }

    /* Orphans: nobody will wait for them now. */
    GPtrArray *orphans = g_ptr_array_new();
    for (guint i = 0; i < k->procs->len; i++) {
        struct user_process *c = g_ptr_array_index(k->procs, i);
        if (c->parent == p) {
            c->parent = NULL;
            if (c->zombie)
                g_ptr_array_add(orphans, c);
        }
    }
    for (guint i = 0; i < orphans->len; i++)
        user_proc_release(g_ptr_array_index(orphans, i));
    g_ptr_array_unref(orphans);

    bool alive = false;
    for (guint i = 0; i < k->procs->len; i++)
        alive |= !((struct user_process *)g_ptr_array_index(k->procs, i))->exited;
    if (!alive)
        k->ended = true;

    struct user_event ev = { .kind = p->killed ? USER_EVENT_KILLED
                                               : USER_EVENT_EXITED,
                             .exit_code = p->exit_code,
                             .signal = p->term_signal,
                             .pid = p->pid, .tid = p->pid,
                             .all_ended = !alive };
    if (k->current && k->current->proc == p) {
        p->stop_pending = false;   /* the end beats any stop before it */
        user_process_stop(p, &ev);
    } else {
        user_kernel_queue_event(k, &ev);
    }

    struct user_process *parent = p->parent;
    if (!parent || parent->exited) {
        p->parent = NULL;
        user_proc_release(p);
        return;
    }
    /* The parent's waiters look first, then its signal: wait4 returns
     * the child rather than EINTR, as on Linux. */
    user_wake_retries(k);
    if (p->exit_signal > 0 && p->exit_signal <= USER_NSIG) {
        struct user_signal s = child_signal(p, p->exit_signal);
        user_signal_send_process(parent, &s);
    }
    if (parent_reaps_automatically(parent))
        user_proc_release(p);
}

USER_SYSCALL(exit)
{
    struct user_thread *t = p->cur;
    if (p->threads->len <= 1) {
        /* The last thread leaving ends the process, as exit_group. */
        user_process_exit(p, (int)a[0]);
        return 0;
    }
    user_thread_exit(t, (int)a[0] & 0xff);
    return 0;
}

USER_SYSCALL(exit_group)
{
    user_process_exit(p, (int)a[0]);
    return 0;
}

/* Whether child c is one that wait's pid selects for parent p: any
 * (-1), p's group (0), group -pid (< -1), or pid itself. */
static bool matches(const struct user_process *p, const struct user_process *c,
                    int64_t pid)
{
    if (pid == -1)
        return true;
    if (pid == 0)
        return c->pgid == p->pgid;
    if (pid < -1)
        return c->pgid == -pid;
    return c->pid == pid;
}

/* The first child of p that pid selects and, in *zombie, the first of
 * them that has ended. False if p has no such child. */
static bool find_child(struct user_process *p, int64_t pid,
                       struct user_process **zombie)
{
    struct user_kernel *k = p->kernel;
    bool any = false;
    *zombie = NULL;
    for (guint i = 0; i < k->procs->len; i++) {
        struct user_process *c = g_ptr_array_index(k->procs, i);
        if (c->parent != p || !matches(p, c, pid))
            continue;
        any = true;
        if (c->zombie && !*zombie)
            *zombie = c;
    }
    return any;
}

USER_SYSCALL(wait4)
{
    int64_t pid = (int32_t)a[0];
    uint64_t options = a[2];
    if (options & ~(uint64_t)(GUEST_WNOHANG | GUEST_WUNTRACED | GUEST_WCONTINUED | GUEST_WNOTHREAD
                              | GUEST_WALL | GUEST_WCLONE))
        return -EINVAL;
    struct user_process *z;
    if (!find_child(p, pid, &z))
        return -ECHILD;
    if (!z) {
        if (options & GUEST_WNOHANG)
            return 0;
        return user_block(p->cur, USER_BLOCK_RETRY, 0, 0);
    }
    if (a[1]) {
        int32_t st = z->wstatus;
        int r = user_copy_out(p, a[1], &st, sizeof(st));
        if (r < 0)
            return r;
    }
    if (a[3]) {
        uint8_t ru[GUEST_RUSAGE_SIZE] = { 0 };
        int r = user_copy_out(p, a[3], ru, sizeof(ru));
        if (r < 0)
            return r;
    }
    int64_t got = z->pid;
    user_proc_release(z);
    return got;
}

USER_SYSCALL(waitid)
{
    int idtype = (int)a[0];
    int64_t id = (int32_t)a[1];
    uint64_t options = a[3];
    int64_t pid;
    switch (idtype) {
    case GUEST_P_ALL: pid = -1; break;
    case GUEST_P_PID: pid = id; if (id <= 0) return -EINVAL; break;
    case GUEST_P_PGID:
        if (id < 0)
            return -EINVAL;
        pid = id ? -id : 0;     /* 0: the caller's group */
        break;
    default: return -EINVAL;
    }
    if (!(options & (GUEST_WEXITED | GUEST_WUNTRACED | GUEST_WCONTINUED))
        || (options & ~(uint64_t)(GUEST_WNOHANG | GUEST_WUNTRACED | GUEST_WEXITED | GUEST_WCONTINUED
                                  | GUEST_WNOWAIT | GUEST_WNOTHREAD | GUEST_WALL | GUEST_WCLONE)))
        return -EINVAL;
    struct user_process *z;
    if (!find_child(p, pid, &z))
        return -ECHILD;
    if (!z || !(options & GUEST_WEXITED)) {
        if (options & GUEST_WNOHANG) {
            /* No child ready: si_pid is 0. */
            if (a[2]) {
                struct user_siginfo none = { 0 };
                return user_copy_out(p, a[2], &none, sizeof(none));
            }
            return 0;
        }
        if (!(options & GUEST_WEXITED))
            return -ECHILD;   /* stops and continues never happen here */
        return user_block(p->cur, USER_BLOCK_RETRY, 0, 0);
    }
    if (a[2]) {
        struct user_signal s = child_signal(z, USER_SIGCHLD);
        int r = user_copy_out(p, a[2], &s.info, sizeof(s.info));
        if (r < 0)
            return r;
    }
    if (a[4]) {
        uint8_t ru[GUEST_RUSAGE_SIZE] = { 0 };
        int r = user_copy_out(p, a[4], ru, sizeof(ru));
        if (r < 0)
            return r;
    }
    if (!(options & GUEST_WNOWAIT))
        user_proc_release(z);
    return 0;
}
