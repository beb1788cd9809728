/* Interval timers: setitimer and getitimer (alarm() is glibc's wrapper
 * around setitimer(ITIMER_REAL) on arm64), as Linux's kernel/time/itimer.c
 * behaves for a guest (user/kernel.h says what each timer counts and how
 * ITIMER_REAL stays deterministic under record and replay).
 *
 * The signals are process-directed, with si_code SI_KERNEL as Linux's
 * (SEND_SIG_PRIV): any thread of the process that does not block it
 * takes it. A reloading timer that expires again before its signal was
 * taken does not queue a second one (a standard signal is pending once).
 *
 * Also the timer engine (user/timers.h): the scheduler's hooks below
 * drive these timers and posix-timer.c's alike, and the clock arithmetic,
 * the sending of a timer's signal and the logging of a real-clock expiry
 * are shared with it. */
#include "config.h"

#include "user/syscall.h"
#include "user/timers.h"

#include <errno.h>

#define GUEST_SIGALRM 14
#define GUEST_SIGVTALRM 26
#define GUEST_SIGPROF 27

#define NS_PER_SEC 1000000000ll
#define NS_PER_USEC 1000ll

/* struct __kernel_old_itimerval on arm64: two struct timevals of two
 * longs, the interval first. */
struct guest_timeval {
    int64_t sec, usec;
};
struct guest_itimerval {
    struct guest_timeval interval, value;
};

static const int timer_signal[USER_ITIMER_COUNT] = {
    [USER_ITIMER_REAL] = GUEST_SIGALRM,
    [USER_ITIMER_VIRTUAL] = GUEST_SIGVTALRM,
    [USER_ITIMER_PROF] = GUEST_SIGPROF,
};

/* Linux's timeval_valid(). */
static bool timeval_valid(const struct guest_timeval *tv)
{
    return tv->sec >= 0 && tv->usec >= 0 && tv->usec < 1000000;
}

/* A valid timeval in ns, saturating as Linux's ktime does. */
static int64_t timeval_ns(const struct guest_timeval *tv)
{
    if (tv->sec >= INT64_MAX / NS_PER_SEC)
        return INT64_MAX;
    return tv->sec * NS_PER_SEC + tv->usec * NS_PER_USEC;
}

static struct guest_timeval ns_timeval(int64_t ns)
{
    return (struct guest_timeval){ ns / NS_PER_SEC,
                                   ns % NS_PER_SEC / NS_PER_USEC };
}

int64_t user_timer_saturating_add(int64_t a, int64_t b)
{
    return a > INT64_MAX - b ? INT64_MAX : a + b;
}

int64_t user_timer_forward(int64_t *deadline, int64_t interval, int64_t now)
{
    int64_t late = now - *deadline;
    int64_t periods = late >= 0 ? late / interval + 1 : 1;
    int64_t step = periods > INT64_MAX / interval ? INT64_MAX
                                                  : periods * interval;
    *deadline = user_timer_saturating_add(*deadline, step);
    return periods;
}

/* What getitimer reports: the time left (at least a microsecond while
 * armed, as Linux reports a timer that is due but not yet handled), and
 * the interval. */
static struct guest_itimerval timer_value(const struct user_itimer *it,
                                          int which)
{
    int64_t left = 0;
    if (it->value) {
        if (it->expired)
            left = 0;
        else if (which == USER_ITIMER_REAL)
            left = it->value - user_host_now_ns();
        else
            left = it->value;   /* instructions: one per ns */
        left = MAX(left, NS_PER_USEC);
    }
    return (struct guest_itimerval){ .interval = ns_timeval(it->interval_ns),
                                     .value = ns_timeval(left) };
}

static void timer_set(struct user_itimer *it, int which,
                      const struct guest_itimerval *v)
{
    int64_t ns = timeval_ns(&v->value);
    it->interval_ns = timeval_ns(&v->interval);
    it->expired = false;
    if (ns == 0)
        it->value = 0;
    else if (which == USER_ITIMER_REAL)
        it->value = user_timer_saturating_add(user_host_now_ns(), ns);
    else
        it->value = ns;
}

/* From no thread, as the kernel sends it: sent while one of p's threads
 * is the current one, user_signal_send_process() would stop that thread
 * for it at once, as for a kill() to oneself, even when it is parked or
 * blocks the signal from the handler's point of view; from no thread,
 * the signal is queued on the process (or the thread) and a thread that
 * takes it is woken. */
void user_timer_send(struct user_process *p, struct user_thread *t,
                     const struct user_signal *s)
{
    struct user_kernel *k = p->kernel;
    struct user_thread *current = k->current;
    k->current = NULL;
    if (t)
        user_signal_send_thread(t, s);
    else
        user_signal_send_process(p, s);
    k->current = current;
}

/* Send sig to p as the kernel does for an interval timer. */
static void send_timer_signal(struct user_process *p, int sig)
{
    struct user_signal s = { .info = { .signo = sig,
                                       .code = USER_SI_KERNEL } };
    user_timer_send(p, NULL, &s);
}

/* --- the system calls ---------------------------------------------------- */

USER_SYSCALL(getitimer)
{
    int64_t which = (int32_t)a[0];
    if (which < 0 || which >= USER_ITIMER_COUNT)
        return -EINVAL;
    struct guest_itimerval v = timer_value(&p->itimers[which], (int)which);
    return user_copy_out(p, a[1], &v, sizeof(v));
}

USER_SYSCALL(setitimer)
{
    int64_t which = (int32_t)a[0];
    struct guest_itimerval v = { 0 };
    if (a[1]) {
        /* A NULL new value disarms, as Linux still allows. */
        if (user_copy_in(p, &v, a[1], sizeof(v)))
            return -EFAULT;
        if (!timeval_valid(&v.value) || !timeval_valid(&v.interval))
            return -EINVAL;
    }
    if (which < 0 || which >= USER_ITIMER_COUNT)
        return -EINVAL;
    struct user_itimer *it = &p->itimers[which];
    struct guest_itimerval old = timer_value(it, (int)which);
    timer_set(it, (int)which, &v);
    if (a[2])
        return user_copy_out(p, a[2], &old, sizeof(old));
    return 0;
}

/* --- ITIMER_VIRTUAL and ITIMER_PROF: instructions ----------------------- */

static bool cpu_timer_running(const struct user_itimer *it)
{
    return it->value > 0 && !it->expired;
}

uint64_t user_itimer_cpu_budget(const struct user_process *p, uint64_t budget)
{
    for (int w = USER_ITIMER_VIRTUAL; w <= USER_ITIMER_PROF; w++) {
        const struct user_itimer *it = &p->itimers[w];
        if (cpu_timer_running(it) && (uint64_t)it->value < budget)
            budget = (uint64_t)it->value;
    }
    return MAX(user_ptimer_cpu_budget(p, budget), (uint64_t)1);
}

void user_itimer_cpu_ran(struct user_process *p, uint64_t n)
{
    for (int w = USER_ITIMER_VIRTUAL; w <= USER_ITIMER_PROF; w++) {
        struct user_itimer *it = &p->itimers[w];
        if (!cpu_timer_running(it))
            continue;
        if ((uint64_t)it->value <= n)
            it->expired = true;   /* value stays non-zero: still armed */
        else
            it->value -= (int64_t)n;
    }
    user_ptimer_cpu_ran(p, n);
}

bool user_itimer_cpu_fire(struct user_process *p)
{
    bool sent = false;
    for (int w = USER_ITIMER_VIRTUAL; w <= USER_ITIMER_PROF; w++) {
        struct user_itimer *it = &p->itimers[w];
        if (!it->expired)
            continue;
        it->expired = false;
        it->value = it->interval_ns;
        send_timer_signal(p, timer_signal[w]);
        sent = true;
    }
    if (user_ptimer_cpu_fire(p))
        sent = true;
    return sent;
}

/* --- ITIMER_REAL: the host's clock ---------------------------------------- */

bool user_itimer_real_armed(const struct user_kernel *k)
{
    for (guint i = 0; i < k->procs->len; i++) {
        const struct user_process *q = g_ptr_array_index(k->procs, i);
        if (!q->exited && q->itimers[USER_ITIMER_REAL].value)
            return true;
    }
    return user_ptimer_real_armed(k);
}

int64_t user_itimer_real_deadline(const struct user_kernel *k)
{
    int64_t first = user_ptimer_real_deadline(k);
    for (guint i = 0; i < k->procs->len; i++) {
        const struct user_process *q = g_ptr_array_index(k->procs, i);
        int64_t d = q->itimers[USER_ITIMER_REAL].value;
        if (!q->exited && d && (!first || d < first))
            first = d;
    }
    return first;
}

/* The timer of q fired: reload it (skipping the periods the host let
 * pass, as hrtimer_forward does) or disarm it, and send SIGALRM. */
static void real_fired(struct user_process *q, int64_t now)
{
    struct user_itimer *it = &q->itimers[USER_ITIMER_REAL];
    if (it->interval_ns > 0)
        user_timer_forward(&it->value, it->interval_ns, now);
    else
        it->value = 0;
    send_timer_signal(q, GUEST_SIGALRM);
}

/* Log a host wake of word (a pid, with a POSIX timer's slot above it). */
static void log_real_wake(struct user_kernel *k, uint64_t word)
{
    if (k->door) {
        uint64_t args[6] = { word, USER_WAKE_ITIMER_REAL };
        int64_t unused = 0;
        k->door->after(k->door->opaque, k->first, USER_DOOR_NR_HOST_WAKE,
                       args, &unused);
    }
}

void user_timer_log_posix_wake(struct user_kernel *k, int64_t pid,
                               unsigned slot)
{
    log_real_wake(k, (uint64_t)pid
                         | (uint64_t)(slot + 1) << USER_TIMER_WAKE_PID_BITS);
}

bool user_itimer_real_expire(struct user_kernel *k, int64_t now)
{
    bool fired = false;
    for (guint i = 0; i < k->procs->len; i++) {
        struct user_process *q = g_ptr_array_index(k->procs, i);
        int64_t d = q->itimers[USER_ITIMER_REAL].value;
        if (q->exited || !d || d > now)
            continue;
        real_fired(q, now);
        fired = true;
        log_real_wake(k, (uint64_t)q->pid);
    }
    if (user_ptimer_real_expire(k, now))
        fired = true;
    return fired;
}

uint64_t user_itimer_replay_budget(struct user_kernel *k, uint64_t budget)
{
    const struct user_syscall_door *door = k->door;
    uint64_t now = user_process_icount(k->first);
    uint64_t args[6] = { budget > UINT64_MAX - now ? UINT64_MAX
                                                   : now + budget };
    int64_t at = 0;
    if (!door || door->before(door->opaque, k->first,
                              USER_DOOR_NR_NEXT_HOST_WAKE, args, &at)
                     != USER_DOOR_SKIP)
        return budget;
    if ((uint64_t)at > now && (uint64_t)at - now < budget)
        return (uint64_t)at - now;
    return budget;
}

void user_itimer_real_replayed(struct user_kernel *k, int64_t word)
{
    int64_t pid = word & ((1 << USER_TIMER_WAKE_PID_BITS) - 1);
    unsigned slot = (unsigned)((uint64_t)word >> USER_TIMER_WAKE_PID_BITS);
    if (slot) {
        user_ptimer_real_replayed(k, pid, slot - 1);
        return;
    }
    struct user_process *q = user_proc_find(k, pid);
    /* A log that does not fit the replay (it diverged): nothing fires. */
    if (!q || q->exited || !q->itimers[USER_ITIMER_REAL].value)
        return;
    /* The deadline's value does not matter in a replay, only whether the
     * timer stays armed. */
    real_fired(q, q->itimers[USER_ITIMER_REAL].value);
}

bool user_timers_may_signal(const struct user_process *p)
{
    if (p->itimers[USER_ITIMER_REAL].value)
        return true;
    return user_ptimer_real_armed(p->kernel);
}
