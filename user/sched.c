/* The scheduler: runs every guest thread of every process on this one
 * host thread, round-robin in tid order with a fixed quantum (see
 * user/kernel.h), parks threads whose system calls must wait, and waits
 * on the host only when no thread can run. */
#include "config.h"

#include "user/user-internal.h"
#include "user/poll.h"
#include "user/syscall.h"

#include "cpu/cpu.h"
#include "hw/pagestore.h"

#include <errno.h>
#include <inttypes.h>
#include <poll.h>
#include <stdio.h>
#include <time.h>

/* Instructions other threads may run per user_process_step() call while
 * the stepped thread waits: the caller gets control back that often. */
#define STEP_WAIT_SLICE 200000

int64_t user_host_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

void user_kernel_queue_event(struct user_kernel *k, const struct user_event *ev)
{
    g_array_append_val(k->queued_events, *ev);
}

/* --- parking and waking ------------------------------------------------ */

int64_t user_block(struct user_thread *t, enum user_block_kind kind,
                   int64_t deadline_ns, int64_t timeout_result)
{
    t->state = USER_THREAD_BLOCKED;
    t->block = kind;
    if (t->io_polls)
        g_array_set_size(t->io_polls, 0);
    t->deadline_ns = deadline_ns;
    t->timeout_result = timeout_result;
    t->retry = false;
    return USER_SYSCALL_BLOCKED;
}

int64_t user_block_polls(struct user_thread *t, const void *pollfds,
                         unsigned n, int64_t deadline_ns)
{
    user_block(t, USER_BLOCK_RETRY, deadline_ns, 0);
    if (!t->io_polls)
        t->io_polls = g_array_new(FALSE, FALSE, sizeof(struct pollfd));
    g_array_append_vals(t->io_polls, pollfds, n);
    return USER_SYSCALL_BLOCKED;
}

int64_t user_block_io(struct user_thread *t, int fd, short events)
{
    struct pollfd pfd = { .fd = fd, .events = events };
    /* Retried calls keep the first deadline (none for a read). */
    return user_block_polls(t, &pfd, 1, t->deadline_ns);
}

static void make_runnable(struct user_thread *t)
{
    t->state = USER_THREAD_RUNNABLE;
    t->block = USER_BLOCK_NONE;
    if (t->io_polls)
        g_array_set_size(t->io_polls, 0);
    t->deadline_ns = 0;
}

void user_wake(struct user_thread *t, int64_t result)
{
    if (t->state != USER_THREAD_BLOCKED)
        return;
    if (t->block == USER_BLOCK_RETRY) {
        /* The deadline stays: the retried call may wait on with it. */
        int64_t deadline = t->deadline_ns;
        make_runnable(t);
        t->deadline_ns = deadline;
        t->retry = true;
        return;
    }
    user_futex_forget(t);
    make_runnable(t);
    t->cpu->x[0] = (uint64_t)result;
}

/* A deliverable signal ends the wait: EINTR for the waits Linux does not
 * restart, which is every one we park in (futex waits, wait4, pipe I/O
 * and sleeps: glibc loops on EINTR where it must). rt_sigsuspend's own
 * EINTR and mask are handled by the signal code. */
void user_wake_for_signal(struct user_thread *t)
{
    if (t->state != USER_THREAD_BLOCKED)
        return;
    if (t->block == USER_BLOCK_VFORK)
        return;   /* the vfork parent waits for its child regardless */
    if (t->block == USER_BLOCK_SIGNAL) {
        user_wake(t, -EINTR);   /* rt_sigsuspend's own return */
        return;
    }
    t->interrupted = true;
    if (t->block == USER_BLOCK_RETRY) {
        /* It looks once more first: what it waited for may be there
         * (the child that sent SIGCHLD wrote to the pipe before). */
        user_wake(t, 0);
        return;
    }
    user_wake(t, -EINTR);
}

/* Linux's ERESTARTSYS calls: the ones a handler with SA_RESTART lets
 * run again. The others (pause/ppoll, sleeps, timed futex waits) return
 * EINTR once a handler has run. */
static bool restarts_after_handler(const struct user_thread *t)
{
    switch (t->sys_nr) {
    case USER_NR_read: case USER_NR_readv: case USER_NR_write:
    case USER_NR_writev: case USER_NR_wait4: case USER_NR_waitid:
    /* Sockets restart as Linux's do when no SO_RCVTIMEO/SO_SNDTIMEO bounds
     * the wait (with one, Linux gives EINTR; not told apart here). connect
     * is left out: an interrupted connect goes on in the background and a
     * restart would see EALREADY. */
    case USER_NR_accept: case USER_NR_accept4:
    case USER_NR_recvfrom: case USER_NR_recvmsg: case USER_NR_sendto:
    case USER_NR_sendmsg:
        return true;
    case USER_NR_futex:
        return t->sys_args[3] == 0;   /* untimed */
    default:
        return false;
    }
}

void user_syscall_interrupted(struct user_thread *t, bool handler,
                              bool sa_restart)
{
    if (!t->interrupted)
        return;
    t->interrupted = false;
    if (!handler || (sa_restart && restarts_after_handler(t))) {
        t->cpu->pc -= 4;
        t->cpu->x[0] = t->sys_args[0];
    } else {
        t->cpu->x[0] = (uint64_t)-EINTR;
    }
}

void user_wake_retries(struct user_kernel *k)
{
    for (guint i = 0; i < k->threads->len; i++) {
        struct user_thread *t = g_ptr_array_index(k->threads, i);
        if (t->state == USER_THREAD_BLOCKED && t->block == USER_BLOCK_RETRY
            && !user_thread_polls(t))
            user_wake(t, 0);
    }
}

/* --- waiting on the host ----------------------------------------------- */

static bool host_waits(const struct user_thread *t)
{
    return t->state == USER_THREAD_BLOCKED
           && ((t->block == USER_BLOCK_RETRY && user_thread_polls(t))
               || t->deadline_ns);
}

/* --- waits on the host in the event log ---------------------------------
 * Which thread the host wakes, and when, depends on host timing: it is an
 * input from outside (DESIGN.md, determinism rule 2). Recording, the door
 * is told of each call that parks and of each wake host_wait() gives, at
 * the machine's instruction count; a replay parks a thread where the
 * recording's call parked (the replay does not run calls that touch the
 * host) and wakes it at the same point of the deterministic schedule,
 * never asking the host. */

/* A parked thread's wait as the door logs it: what a replay needs to
 * park it the same way: its kind, whether it waits on fds and on a
 * deadline (which decide when the scheduler looks at the host and which
 * wakes reach it), and x0 at the deadline. */
#define PARK_KIND_MASK 0xffu
#define PARK_POLLS (1u << 8)
#define PARK_DEADLINE (1u << 9)
#define PARK_TIMEOUT_RETRY (1u << 10)

static int64_t park_state(const struct user_thread *t)
{
    uint64_t s = (uint64_t)t->block & PARK_KIND_MASK;
    if (user_thread_polls(t))
        s |= PARK_POLLS;
    if (t->deadline_ns)
        s |= PARK_DEADLINE;
    if (t->timeout_result == USER_TIMEOUT_RETRY)
        s |= PARK_TIMEOUT_RETRY;
    else
        s |= (uint64_t)(uint32_t)(int32_t)t->timeout_result << 32;
    return (int64_t)s;
}

/* Replaying: park t as the recording's call parked it. Only waits a call
 * the replay takes from the log can have (on fds, a sleep); anything
 * else in the log parks it as a wait on fds. */
static void park_as_recorded(struct user_thread *t, int64_t state)
{
    uint64_t s = (uint64_t)state;
    enum user_block_kind kind = (enum user_block_kind)(s & PARK_KIND_MASK);
    if (kind != USER_BLOCK_SLEEP)
        kind = USER_BLOCK_RETRY;
    int64_t timeout = s & PARK_TIMEOUT_RETRY ? USER_TIMEOUT_RETRY
                                             : (int64_t)(int32_t)(s >> 32);
    /* The deadline's value is never looked at in a replay: the log says
     * when it passed. */
    user_block(t, kind, s & PARK_DEADLINE ? 1 : 0, timeout);
    if (s & PARK_POLLS) {
        struct pollfd none = { .fd = -1 };
        if (!t->io_polls)
            t->io_polls = g_array_new(FALSE, FALSE, sizeof(struct pollfd));
        g_array_append_val(t->io_polls, none);
    }
}

/* Run the current thread's system call (the svc's, or the saved one
 * again) and settle it with the door: recording, say that it parked;
 * replaying, park the thread if the recording's call parked, and do to
 * its signal mask what the call would have. */
static void run_syscall(struct user_thread *t, bool saved, bool svc)
{
    struct user_process *p = t->proc;
    const struct user_syscall_door *door = p->kernel->door;
    uint64_t no_args[6] = { 0 };
    int64_t replayed = 0;

    if (svc)
        user_syscall(p);
    else
        user_syscall_run(p, saved);
    if (!door || t->state == USER_THREAD_EXITED)
        return;
    if (door->before(door->opaque, p, USER_DOOR_NR_REPLAY_STATUS, no_args,
                     &replayed) == USER_DOOR_SKIP) {
        if (replayed && t->state == USER_THREAD_RUNNABLE)
            park_as_recorded(t, replayed);
        user_poll_replayed(p, replayed != 0);
        return;
    }
    if (t->state == USER_THREAD_BLOCKED) {
        int64_t state = park_state(t);
        door->after(door->opaque, p, t->sys_nr | USER_DOOR_PARKED,
                    t->sys_args, &state);
    }
}

/* Wake t for the host: its fds are ready (the call runs again), or its
 * deadline passed (x0 is the wait's timeout result). */
static void wake_from_host(struct user_thread *t, enum user_wake_how how)
{
    if (t->state != USER_THREAD_BLOCKED)
        return;
    if (how == USER_WAKE_RETRY) {
        user_wake(t, 0);
        return;
    }
    int64_t r = t->timeout_result;
    user_futex_forget(t);
    make_runnable(t);
    t->retry = false;
    t->cpu->x[0] = (uint64_t)r;
}

/* Recording: wake t and log it. */
static void host_woke(struct user_kernel *k, struct user_thread *t,
                      enum user_wake_how how)
{
    if (t->state != USER_THREAD_BLOCKED)
        return;
    wake_from_host(t, how);
    if (k->door) {
        uint64_t args[6] = { (uint64_t)t->tid, how };
        int64_t unused = 0;
        k->door->after(k->door->opaque, k->first, USER_DOOR_NR_HOST_WAKE,
                       args, &unused);
    }
}

/* Replaying: give the wakes the recording's host gave here. False if
 * not replaying. */
static bool replay_host_wakes(struct user_kernel *k, bool *woke)
{
    const struct user_syscall_door *door = k->door;
    uint64_t no_args[6] = { 0 };

    *woke = false;
    if (!door)
        return false;
    /* Bounded: a wake per thread at most makes sense at one point. */
    for (unsigned i = 0; i <= USER_TASK_LIMIT; i++) {
        int64_t w = 0;
        if (door->before(door->opaque, k->first, USER_DOOR_NR_HOST_WAKE,
                         no_args, &w) != USER_DOOR_SKIP)
            return i > 0;
        if (w == 0)
            break;
        if ((uint64_t)w >> 32 == USER_WAKE_ITIMER_REAL) {
            user_itimer_real_replayed(k, (int64_t)(uint32_t)w);
            *woke = true;
            continue;
        }
        struct user_thread *t = user_thread_find(k, (int64_t)(uint32_t)w);
        enum user_wake_how how = (enum user_wake_how)((uint64_t)w >> 32);
        if (t && t->state == USER_THREAD_BLOCKED
            && (how == USER_WAKE_RETRY || how == USER_WAKE_TIMEOUT)) {
            wake_from_host(t, how);
            *woke = true;
        }
    }
    return true;
}

/* Poll the host fds threads wait on and expire their timeouts, waiting at
 * most timeout_ms (0: just look). True if some thread became runnable.
 * Replaying, the recording's wakes instead. */
static bool host_wait(struct user_kernel *k, int timeout_ms)
{
    GArray *fds;
    GPtrArray *waiters;
    int64_t now;
    int64_t first_deadline = 0;
    bool woke = false;

    if (replay_host_wakes(k, &woke))
        return woke;
    fds = g_array_new(FALSE, FALSE, sizeof(struct pollfd));
    waiters = g_ptr_array_new();
    now = user_host_now_ns();
    for (guint i = 0; i < k->threads->len; i++) {
        struct user_thread *t = g_ptr_array_index(k->threads, i);
        if (!host_waits(t))
            continue;
        if (t->deadline_ns && (!first_deadline || t->deadline_ns < first_deadline))
            first_deadline = t->deadline_ns;
        if (t->block == USER_BLOCK_RETRY && user_thread_polls(t)) {
            for (guint j = 0; j < t->io_polls->len; j++) {
                g_array_append_val(fds, g_array_index(t->io_polls,
                                                      struct pollfd, j));
                g_ptr_array_add(waiters, t);
            }
        }
    }
    int64_t itimer_deadline = user_itimer_real_deadline(k);
    if (itimer_deadline
        && (!first_deadline || itimer_deadline < first_deadline))
        first_deadline = itimer_deadline;
    if (first_deadline) {
        int64_t ms = (first_deadline - now + 999999) / 1000000;
        timeout_ms = (int)MIN((int64_t)timeout_ms, MAX(ms, (int64_t)0));
    }
    if (fds->len || timeout_ms > 0) {
        int n = poll((struct pollfd *)fds->data, fds->len, timeout_ms);
        for (guint i = 0; n > 0 && i < fds->len; i++) {
            struct pollfd *pfd = &g_array_index(fds, struct pollfd, i);
            if (pfd->revents) {
                host_woke(k, g_ptr_array_index(waiters, i), USER_WAKE_RETRY);
                woke = true;
            }
        }
    }
    now = user_host_now_ns();
    for (guint i = 0; i < k->threads->len; i++) {
        struct user_thread *t = g_ptr_array_index(k->threads, i);
        if (t->state == USER_THREAD_BLOCKED && t->deadline_ns
            && t->deadline_ns <= now) {
            host_woke(k, t, t->timeout_result == USER_TIMEOUT_RETRY
                                ? USER_WAKE_RETRY : USER_WAKE_TIMEOUT);
            woke = true;
        }
    }
    if (user_itimer_real_expire(k, now))
        woke = true;
    g_array_unref(fds);
    g_ptr_array_unref(waiters);
    return woke;
}

/* A run begins (the debugger may have held the program for a while): an
 * ITIMER_REAL may have run out meanwhile. Logged as any look at the host
 * is; a replay ends its runs where the recording's looked
 * (user_itimer_replay_budget) and looks there too. */
static void look_for_itimers(struct user_kernel *k)
{
    if (user_itimer_real_armed(k))
        host_wait(k, 0);
}

static bool any_host_waits(struct user_kernel *k)
{
    for (guint i = 0; i < k->threads->len; i++)
        if (host_waits(g_ptr_array_index(k->threads, i)))
            return true;
    return false;
}

static bool any_held(struct user_kernel *k)
{
    for (guint i = 0; i < k->threads->len; i++)
        if (((struct user_thread *)g_ptr_array_index(k->threads, i))->held)
            return true;
    return false;
}

static const char *block_name(const struct user_thread *t)
{
    switch (t->block) {
    case USER_BLOCK_FUTEX: return "a futex wait";
    case USER_BLOCK_RETRY: return "a wait for a child or a signal (wait4, pause, sigwaitinfo)";
    case USER_BLOCK_VFORK: return "vfork (its child never execs or exits)";
    case USER_BLOCK_SIGNAL: return "rt_sigsuspend";
    case USER_BLOCK_SLEEP: return "a sleep";
    case USER_BLOCK_NONE: break;
    }
    return "nothing";
}

/* Every thread waits for something only another thread could do: say so
 * and end the whole set with SIGKILL rather than hang. */
static void deadlock(struct user_kernel *k)
{
    fprintf(stderr, "backstep: deadlock: every guest thread waits and "
                    "nothing can wake any of them:\n");
    for (guint i = 0; i < k->threads->len; i++) {
        struct user_thread *t = g_ptr_array_index(k->threads, i);
        if (t->block == USER_BLOCK_FUTEX)
            fprintf(stderr, "  pid %" PRId64 " tid %" PRId64
                            ": a futex wait on 0x%" PRIx64 "\n",
                    t->proc->pid, t->tid, t->futex_uaddr);
        else
            fprintf(stderr, "  pid %" PRId64 " tid %" PRId64 ": %s\n",
                    t->proc->pid, t->tid, block_name(t));
    }
    fprintf(stderr, "backstep: ending the program with SIGKILL\n");
    for (guint i = 0; i < k->procs->len; i++) {
        struct user_process *p = g_ptr_array_index(k->procs, i);
        if (!p->exited)
            user_process_kill(p, USER_SIGKILL);
    }
}

/* --- events ------------------------------------------------------------ */

static void ended_event(struct user_kernel *k, struct user_event *ev)
{
    const struct user_process *p = k->first;
    *ev = (struct user_event){ .pid = p->pid, .tid = p->pid,
                               .all_ended = true };
    if (p->killed) {
        ev->kind = USER_EVENT_KILLED;
        ev->signal = p->term_signal;
    } else {
        ev->kind = USER_EVENT_EXITED;
        ev->exit_code = p->exit_code;
    }
}

/* Whether an event goes to the caller. A process's end is news only at
 * the end of the set, unless each one is asked for; stops of processes
 * the debugger does not follow are dealt with here. */
static bool reportable(struct user_kernel *k, struct user_event *ev)
{
    switch (ev->kind) {
    case USER_EVENT_EXITED:
    case USER_EVENT_KILLED:
        if (k->ended) {
            if (!(k->report & USER_REPORT_PROCESS_EXIT))
                ended_event(k, ev);
            ev->all_ended = true;
            return true;
        }
        ev->all_ended = false;
        if (!(k->report & USER_REPORT_PROCESS_EXIT))
            return false;
        {
            struct user_process *p = user_proc_find(k, ev->pid);
            return !p || p->debugged;
        }
    case USER_EVENT_BUDGET:
        /* Only a signal's delivery ends a turn that way: a single step
         * that entered a handler, which ends the run there. */
        return true;
    default:
        return true;
    }
}

/* Pop the first queued event worth reporting. */
static bool pop_event(struct user_kernel *k, struct user_event *ev)
{
    while (k->queued_events->len) {
        *ev = g_array_index(k->queued_events, struct user_event, 0);
        g_array_remove_index(k->queued_events, 0);
        if (!reportable(k, ev))
            continue;
        if (ev->kind == USER_EVENT_FORK || ev->kind == USER_EVENT_VFORK_DONE) {
            /* Linux stops the thread inside its fork or vfork call: a
             * step from there only finishes the call (it ends where the
             * pc is), and the call's return is still to come. */
            struct user_thread *t = user_thread_find(k, ev->tid);
            if (t && t->state == USER_THREAD_RUNNABLE) {
                t->step_done_early = true;
                t->return_after_event = true;
            }
        }
        return true;
    }
    return false;
}

/* A stop of a thread of a process the debugger does not follow: what
 * Linux does without a tracer (signals delivered, breakpoints absent). */
static bool undebugged_stop(struct user_thread *t, const struct user_event *ev)
{
    if (t->proc->debugged)
        return false;
    switch (ev->kind) {
    case USER_EVENT_SIGNAL:
        user_signal_set_deliver(t->proc, ev->signal);
        return true;
    case USER_EVENT_BREAKPOINT:
        t->cpu->skip_breakpoint_once = true;
        return true;
    case USER_EVENT_WATCHPOINT:
        t->cpu->skip_watchpoint_once = true;
        return true;
    case USER_EVENT_SYSCALL_ENTRY:
    case USER_EVENT_SYSCALL_RETURN:
    case USER_EVENT_INTERRUPTED:
        return true;
    default:
        return false;
    }
}

/* --- running one thread ------------------------------------------------ */

static void log_undef(struct user_process *p)
{
    struct cpu_state *cpu = p->cpu;
    /* A failed AUT* under FEAT_FPAC is the program's own fault, not an
     * instruction backstep lacks. */
    if (cpu->pauth_fault)
        return;
    /* Once per place: a debugger that resumes without the signal makes
     * the instruction fault again, which is not news. */
    if (p->undef_logged && p->undef_logged_pc == cpu->pc)
        return;
    p->undef_logged = true;
    p->undef_logged_pc = cpu->pc;
    fprintf(stderr, "backstep: unimplemented instruction 0x%08x at 0x%" PRIx64 "\n",
            cpu->exit_info.insn, cpu->pc);
}

/* A CPU fault becomes a signal stop; pc stays at the faulting insn. */
static void fault(struct user_process *p, int sig, uint64_t addr,
                  struct user_event *ev)
{
    user_signal_cpu_fault(p, sig, addr);
    *ev = (struct user_event){ .kind = USER_EVENT_SIGNAL, .signal = sig,
                               .addr = addr };
    if (p->stop_pending)   /* always: the fault's signal is forced */
        *ev = p->stop;
    p->stop_pending = false;
}

static bool catching(const struct user_kernel *k, uint64_t nr)
{
    if (!(k->report & USER_REPORT_SYSCALLS))
        return false;
    if (k->catch_all_syscalls)
        return true;
    return nr < 512 && (k->catch_syscalls[nr / 64] >> (nr % 64) & 1);
}

static bool take_stop(struct user_process *p, struct user_event *ev)
{
    if (!p->stop_pending)
        return false;
    p->stop_pending = false;
    *ev = p->stop;
    return true;
}

/* Whether t's system call (t->sys_nr) ends the program under
 * --stop-at-exit: exit or exit_group of the last thread there is, in a
 * process the debugger follows. */
static bool final_exit(const struct user_kernel *k,
                       const struct user_thread *t)
{
    return k->stop_before_exit && t->proc->debugged
           && (t->sys_nr == USER_NR_exit || t->sys_nr == USER_NR_exit_group)
           && user_kernel_live_threads(k) == 1;
}

static void syscall_event(struct user_thread *t, enum user_event_kind kind,
                          struct user_event *ev)
{
    *ev = (struct user_event){ .kind = kind, .syscall = (int)t->sys_nr };
}

/* Run thread t for at most budget instructions (0: only what is due
 * before its next instruction: a retried syscall, signals). *ran counts
 * the instructions retired. True with ev for a stop. */
static bool run_thread(struct user_kernel *k, struct user_thread *t,
                       uint64_t budget, bool stepping, uint64_t *ran,
                       struct user_event *ev)
{
    struct user_process *p = t->proc;
    struct cpu_state *cpu = t->cpu;
    *ran = 0;
    *ev = (struct user_event){ .kind = USER_EVENT_BUDGET };
    user_thread_switch_to(t);

    if (t->syscall_entry_pending) {
        /* From the registers: the debugger may have changed them. */
        t->syscall_entry_pending = false;
        run_syscall(t, false, false);
        if (take_stop(p, ev))
            return true;
        if (t->state != USER_THREAD_RUNNABLE || k->queued_events->len) {
            /* The return comes after the wait, or after the call's own
             * events (fork, clone, exec), as Linux reports them. */
            t->syscall_return_pending = t->state != USER_THREAD_EXITED;
            return false;
        }
        syscall_event(t, USER_EVENT_SYSCALL_RETURN, ev);
        return true;
    }
    if (t->retry) {
        t->retry = false;
        run_syscall(t, true, false);
        if (t->state == USER_THREAD_BLOCKED && t->interrupted) {
            /* Still nothing: the signal ends the wait after all. */
            user_futex_forget(t);
            make_runnable(t);
            t->cpu->x[0] = (uint64_t)-EINTR;
        } else if (t->state != USER_THREAD_BLOCKED) {
            t->interrupted = false;   /* it completed */
        }
        if (take_stop(p, ev))
            return true;
        if (t->state != USER_THREAD_RUNNABLE)
            return false;
    }
    if (t->syscall_return_pending) {
        t->syscall_return_pending = false;
        t->return_after_event = false;
        syscall_event(t, USER_EVENT_SYSCALL_RETURN, ev);
        return true;
    }
    if (t->return_after_event) {
        t->return_after_event = false;
        if (catching(k, t->sys_nr) && p->debugged) {
            syscall_event(t, USER_EVENT_SYSCALL_RETURN, ev);
            return true;
        }
    }
    uint64_t pc_before_signals = cpu->pc;
    bool signal_stop = user_signal_resume(p, stepping ? 1 : budget, ev);
    if (t->state != USER_THREAD_EXITED && cpu->pc != pc_before_signals) {
        /* A handler was entered (a timer's signal may come at the start
         * of a step off a breakpoint): the debugger's pass of a stop at
         * the old pc does not apply to a breakpoint at the handler. */
        cpu->skip_breakpoint_once = false;
        cpu->skip_watchpoint_once = false;
    }
    if (signal_stop)
        return true;
    user_signal_check_pending(p);
    if (take_stop(p, ev))
        return true;
    /* Interrupted, but no signal to deliver after all (ignored since):
     * the call starts again. */
    user_syscall_interrupted(t, false, false);
    if (t->state != USER_THREAD_RUNNABLE)
        return false;

    uint64_t left = budget;
    while (left > 0) {
        /* A CPU timer (ITIMER_VIRTUAL/PROF) ran out: its signal is taken
         * before the next instruction. */
        if (user_itimer_cpu_fire(p)) {
            user_signal_check_pending(p);
            if (take_stop(p, ev))
                return true;
        }
        uint64_t before = cpu->icount;
        enum cpu_exit why = cpu_run(cpu, user_itimer_cpu_budget(p, left));
        uint64_t n = cpu->icount - before;
        user_itimer_cpu_ran(p, n);
        *ran += n;
        left -= MIN(n, left);
        switch (why) {
        case CPU_EXIT_SVC:
            t->sys_nr = cpu->x[8];
            if (final_exit(k, t)) {
                /* As a syscall entry stop: resumed, the call runs. */
                t->syscall_entry_pending = true;
                *ev = (struct user_event){ .kind = USER_EVENT_SIGNAL,
                                           .signal = 0 };
                return true;
            }
            if (catching(k, cpu->x[8]) && p->debugged) {
                t->syscall_entry_pending = true;
                syscall_event(t, USER_EVENT_SYSCALL_ENTRY, ev);
                return true;
            }
            run_syscall(t, false, true);
            if (take_stop(p, ev))
                return true;
            if (k->queued_events->len)
                return false;
            if (t->state != USER_THREAD_RUNNABLE)
                return false;
            if (p->cur != t) {
                /* execve from another thread made this one the leader
                 * under a new tid: nothing changes for the loop. */
                user_thread_switch_to(t);
            }
            continue;
        case CPU_EXIT_BUDGET:
        case CPU_EXIT_NONE:
            left = 0;
            continue;
        case CPU_EXIT_UNDEF:
            log_undef(p);
            fault(p, USER_SIGILL, cpu->pc, ev);
            return true;
        case CPU_EXIT_HLT:
            /* HLT at EL0 without semihosting is UNDEFINED: SIGILL. */
            fault(p, USER_SIGILL, cpu->pc, ev);
            return true;
        case CPU_EXIT_BRK:
            fault(p, USER_SIGTRAP, cpu->pc, ev);
            return true;
        case CPU_EXIT_DATA_ABORT:
        case CPU_EXIT_INSN_ABORT:
            fault(p, USER_SIGSEGV, cpu->exit_info.fault_addr, ev);
            return true;
        case CPU_EXIT_ALIGNMENT:
            fault(p, USER_SIGBUS, cpu->exit_info.fault_addr, ev);
            return true;
        case CPU_EXIT_BREAKPOINT:
            *ev = (struct user_event){ .kind = USER_EVENT_BREAKPOINT,
                                       .addr = cpu->pc };
            return true;
        case CPU_EXIT_WATCHPOINT:
            *ev = (struct user_event){ .kind = USER_EVENT_WATCHPOINT,
                                       .addr = cpu->exit_info.fault_addr,
                                       .watch_kind = cpu->exit_info.watch_kind };
            return true;
        case CPU_EXIT_REQUEST:
            *ev = (struct user_event){ .kind = USER_EVENT_INTERRUPTED };
            return true;
        }
        /* An exit reason this loop does not know: report it as a SIGILL
         * stop rather than spinning. */
        fault(p, USER_SIGILL, cpu->pc, ev);
        return true;
    }
    return false;
}

/* Events a system call queues once it has completed. */
static bool is_syscall_event(const struct user_event *ev)
{
    switch (ev->kind) {
    case USER_EVENT_FORK:
    case USER_EVENT_VFORK:
    case USER_EVENT_THREAD_CREATED:
    case USER_EVENT_EXEC:
        return true;
    default:
        return false;
    }
}

/* Fill in who the event is about (the thread that ran) unless the event
 * names its own. */
static void stamp(struct user_thread *t, struct user_event *ev)
{
    if (!ev->pid) {
        ev->pid = t->proc->pid;
        ev->tid = t->tid;
    }
}

/* run_thread, with the event filtered: true if it is to be reported. */
static bool turn(struct user_kernel *k, struct user_thread *t, uint64_t budget,
                 bool stepping, uint64_t *ran, struct user_event *ev)
{
    bool stop = run_thread(k, t, budget, stepping, ran, ev);
    /* A CPU timer that ran out where the run ended (its last instruction,
     * or a system call that parked): the signal goes to the process. */
    user_itimer_cpu_fire(t->proc);
    if (stop) {
        stamp(t, ev);
        if (undebugged_stop(t, ev))
            return false;
        if (reportable(k, ev))
            return true;
    }
    return pop_event(k, ev);
}

/* Free threads that have exited, unless a process still names one as
 * its current thread (a test or the debugger may look at it). */
static void free_dead(struct user_kernel *k)
{
    user_kernel_free_released(k);
    for (guint i = 0; i < k->dead_threads->len;) {
        struct user_thread *t = g_ptr_array_index(k->dead_threads, i);
        if (t->proc->cur == t || k->current == t) {
            i++;
            continue;
        }
        g_ptr_array_remove_index(k->dead_threads, i);
        user_thread_free(t);
    }
}

/* The next runnable thread after the last one, in tid order. */
static struct user_thread *pick(struct user_kernel *k,
                                const struct user_thread *skip)
{
    struct user_thread *first = NULL;
    for (guint i = 0; i < k->threads->len; i++) {
        struct user_thread *t = g_ptr_array_index(k->threads, i);
        if (t->state != USER_THREAD_RUNNABLE || t == skip || t->held)
            continue;
        if (t->tid > k->last_tid)
            return t;
        if (!first)
            first = t;
    }
    return first;
}

/* One scheduling step: choose a thread and run it for the rest of its
 * quantum (at most budget). *ran: instructions retired. Returns true with
 * ev for an event to report; false with *idle when nothing could run
 * (the set waits on the host, or ended in a deadlock). */
static bool schedule(struct user_kernel *k, uint64_t budget,
                     const struct user_thread *skip, uint64_t *ran,
                     bool *idle, struct user_event *ev)
{
    struct user_thread *t = NULL;
    *ran = 0;
    *idle = false;
    if (k->current && k->quantum_left > 0 && k->current != skip
        && k->current->state == USER_THREAD_RUNNABLE && !k->current->held
        && g_ptr_array_find(k->threads, k->current, NULL))
        t = k->current;
    if (!t) {
        if (k->quantum_left == 0
            && (any_host_waits(k) || user_itimer_real_armed(k)))
            host_wait(k, 0);
        t = pick(k, skip);
        k->quantum_left = USER_QUANTUM;
    }
    if (!t) {
        *idle = true;
        if (skip && skip->state == USER_THREAD_RUNNABLE)
            return false;
        if (any_host_waits(k) || any_held(k)
            || user_itimer_real_armed(k)) {
            /* Threads the debugger holds may yet make progress possible:
             * not a deadlock, a wait (bounded: the caller's loop goes on). */
            host_wait(k, USER_HOST_WAIT_MS);
            return false;
        }
        if (k->ended)
            return false;
        deadlock(k);
        return pop_event(k, ev);
    }
    k->last_tid = t->tid;
    bool stop = turn(k, t, MIN(budget, k->quantum_left), false, ran, ev);
    k->quantum_left -= MIN(*ran, k->quantum_left);
    if (t->state != USER_THREAD_RUNNABLE)
        k->quantum_left = 0;
    return stop;
}

void user_process_run(struct user_process *proc, uint64_t max_insns,
                      struct user_event *ev)
{
    struct user_kernel *k = proc->kernel;
    free_dead(k);
    for (guint i = 0; i < k->threads->len; i++) {
        struct user_thread *t = g_ptr_array_index(k->threads, i);
        t->step_done_early = false;
        t->step_in_syscall = false;
    }
    *ev = (struct user_event){ .kind = USER_EVENT_BUDGET };
    if (pop_event(k, ev))
        return;
    if (k->ended) {
        ended_event(k, ev);
        return;
    }
    look_for_itimers(k);
    uint64_t left = user_itimer_replay_budget(k, max_insns);
    while (left > 0) {
        uint64_t ran;
        bool idle;
        if (schedule(k, left, NULL, &ran, &idle, ev))
            return;
        if (k->ended) {
            ended_event(k, ev);
            return;
        }
        if (idle)
            break;   /* back to the caller while the host is waited on */
        left -= MIN(ran, left);
    }
    *ev = (struct user_event){ .kind = USER_EVENT_BUDGET };
    if (k->current) {
        ev->pid = k->current->proc->pid;
        ev->tid = k->current->tid;
    }
}

void user_process_step(struct user_process *proc, int64_t tid,
                       struct user_event *ev)
{
    struct user_kernel *k = proc->kernel;
    struct user_thread *t = tid > 0 ? user_thread_find(k, tid) : k->current;
    free_dead(k);
    *ev = (struct user_event){ .kind = USER_EVENT_BUDGET };
    if (pop_event(k, ev))
        return;
    if (k->ended) {
        ended_event(k, ev);
        return;
    }
    if (!t || t->state == USER_THREAD_EXITED) {
        user_process_run(proc, 1, ev);
        return;
    }
    look_for_itimers(k);
    uint64_t ran;
    if (t->step_done_early) {
        /* The instruction retired already: a system call's event (fork,
         * clone, exec...) stopped the step after it, where Linux stops
         * inside the call. The step ends here, as it would there (a
         * step reports no syscall return). */
        t->step_done_early = false;
        t->return_after_event = false;
        *ev = (struct user_event){ .kind = USER_EVENT_BUDGET,
                                   .pid = t->proc->pid, .tid = t->tid };
        return;
    }
    if (!t->step_in_syscall && t->state == USER_THREAD_RUNNABLE) {
        k->last_tid = t->tid;
        bool stop = turn(k, t, 1, true, &ran, ev);
        if (t->state == USER_THREAD_BLOCKED)
            t->step_in_syscall = true;   /* the svc waits: see below */
        if (stop) {
            t->step_done_early = is_syscall_event(ev) && ev->tid == t->tid
                                 && t->state == USER_THREAD_RUNNABLE;
            return;
        }
        if (k->ended) {
            ended_event(k, ev);
            return;
        }
        if (t->state == USER_THREAD_RUNNABLE) {
            *ev = (struct user_event){ .kind = USER_EVENT_BUDGET,
                                       .pid = t->proc->pid, .tid = t->tid };
            return;
        }
    }
    /* Parked in the system call the step executed: the others run until
     * it can go on; the step ends when the call completes, at the next
     * instruction (over several calls here, USER_EVENT_WAITING between
     * them, and events of other threads reported on the way). */
    uint64_t left = STEP_WAIT_SLICE;
    while (left > 0 && t->state == USER_THREAD_BLOCKED) {
        bool idle;
        if (schedule(k, left, t, &ran, &idle, ev))
            return;
        if (k->ended) {
            ended_event(k, ev);
            return;
        }
        if (idle)
            break;
        left -= MIN(ran, left);
    }
    if (t->state == USER_THREAD_RUNNABLE) {
        /* Woken: a retried call runs now, without an instruction. */
        if (turn(k, t, 0, true, &ran, ev))
            return;
    }
    if (t->state == USER_THREAD_EXITED || k->ended) {
        t->step_in_syscall = false;
        user_process_run(proc, 0, ev);
        if (ev->kind == USER_EVENT_BUDGET && k->ended)
            ended_event(k, ev);
        return;
    }
    bool done = t->state == USER_THREAD_RUNNABLE;
    if (done)
        t->step_in_syscall = false;
    *ev = (struct user_event){
        .kind = done ? USER_EVENT_BUDGET : USER_EVENT_WAITING,
        .pid = t->proc->pid, .tid = t->tid };
}
