/* POSIX per-process timers: timer_create, timer_settime, timer_gettime,
 * timer_getoverrun and timer_delete, as Linux's kernel/time/posix-timers.c
 * and posix-cpu-timers.c behave for a guest. The front end of the timer
 * engine in itimer.c (user/timers.h says what each clock counts and how
 * a real-clock expiry is recorded and replayed).
 *
 * Timers belong to a process (by pid, so a fork's child has none), with
 * ids from 0 up per process, never reused, as Linux gives them. A timer
 * signals its process (SIGEV_SIGNAL, any thread that takes it), one of
 * its threads (SIGEV_THREAD_ID, on which glibc builds SIGEV_THREAD) or
 * nobody (SIGEV_NONE: timer_gettime tells). The siginfo is SI_TIMER with
 * the timer's id, overrun count and sigev_value. An expiry that finds the
 * timer's signal still pending counts an overrun on it instead, as
 * Linux's send_sigqueue() does; timer_getoverrun() tells the count of the
 * last signal taken.
 *
 * The table of all processes' timers hangs off the kernel (k->ptimers),
 * and snapshots copy it whole. */
#include "config.h"

#include "user/syscall.h"
#include "user/timers.h"

#include "cpu/cpu.h"

#include <errno.h>
#include <string.h>
#include <time.h>

#define NS_PER_SEC 1000000000ll

/* Linux UAPI values (asm-generic/siginfo.h, linux/time.h). */
#define GUEST_SIGALRM 14
#define GUEST_SIGRTMAX 64
#define GUEST_SIGEV_SIGNAL 0
#define GUEST_SIGEV_NONE 1
#define GUEST_SIGEV_THREAD 2
#define GUEST_SIGEV_THREAD_ID 4
#define GUEST_SI_TIMER (-2)
#define GUEST_TIMER_ABSTIME 1
enum {
    GUEST_CLOCK_REALTIME = 0,
    GUEST_CLOCK_MONOTONIC = 1,
    GUEST_CLOCK_PROCESS_CPUTIME_ID = 2,
    GUEST_CLOCK_THREAD_CPUTIME_ID = 3,
    GUEST_CLOCK_MONOTONIC_RAW = 4,
    GUEST_CLOCK_REALTIME_COARSE = 5,
    GUEST_CLOCK_MONOTONIC_COARSE = 6,
    GUEST_CLOCK_BOOTTIME = 7,
    GUEST_CLOCK_REALTIME_ALARM = 8,
    GUEST_CLOCK_BOOTTIME_ALARM = 9,
    GUEST_CLOCK_TAI = 11,
};
/* A negative clock id names a CPU clock (linux/posix-timers.h):
 * ~pid << 3 | perthread << 2 | which, pid 0 being the caller. */
#define CPUCLOCK_PERTHREAD 4
#define CPUCLOCK_WHICH_MASK 3
#define CPUCLOCK_MAX 3          /* PROF, VIRT, SCHED: all the same here */
#define CLOCKFD 3               /* (id & 7) == 3: a dynamic clock (an fd) */

/* Live timers a process may hold (Linux's bound is the memory for them;
 * ours is what a recorded wake can name). */
#define PTIMER_MAX 256
_Static_assert(PTIMER_MAX <= USER_TIMER_WAKE_SLOTS, "slots fit a wake");
/* A late real-clock timer logs at most this many expiries at one look at
 * the host (its missed periods beyond are skipped), and all timers
 * together at most PTIMER_WAKES_PER_LOOK, so that a replay's bounded
 * loop over the wakes at one point takes them all. */
#define PTIMER_CATCHUP 64
#define PTIMER_WAKES_PER_LOOK 128

/* struct sigevent on arm64: 64 bytes. */
struct guest_sigevent {
    uint64_t value;
    int32_t signo;
    int32_t notify;
    int32_t thread_id;       /* sigev_notify_thread_id */
    int32_t pad[11];
};
_Static_assert(sizeof(struct guest_sigevent) == 64, "sigevent is 64 bytes");

/* struct itimerspec on arm64: the interval first. */
struct guest_itimerspec {
    int64_t interval_sec, interval_nsec;
    int64_t value_sec, value_nsec;
};

/* The SI_TIMER fields of siginfo, at the union's start (_timer). */
struct guest_timer_fields {
    int32_t tid;
    int32_t overrun;
    uint64_t value;
};

enum ptimer_clock {
    PTIMER_REAL,             /* host CLOCK_MONOTONIC ns */
    PTIMER_PROCESS_CPU,      /* the process's instructions */
    PTIMER_THREAD_CPU,       /* one thread's instructions */
};

struct ptimer {
    int64_t pid;             /* the process that owns it */
    int32_t id;
    uint32_t slot;           /* small, reused: names it in a recorded wake */
    int32_t clockid;         /* as created */
    enum ptimer_clock clock;
    int64_t clock_tid;       /* PTIMER_THREAD_CPU: whose time */
    int32_t notify;          /* GUEST_SIGEV_SIGNAL, _NONE or _THREAD_ID */
    int32_t signo;
    uint64_t value;          /* sigev_value */
    int64_t target_tid;      /* GUEST_SIGEV_THREAD_ID: who gets it */
    bool armed;
    int64_t expires;         /* on its clock */
    int64_t interval;        /* 0: one-shot */
    /* Expiries folded into the signal last queued, and the count of the
     * one last taken (timer_getoverrun). signal_out: that signal may
     * still be pending, its count not settled. */
    int64_t overrun, overrun_last;
    bool signal_out;
};

/* Per process: the next id, and its CPU clock (instructions retired
 * since before its first timer, by all its threads). */
struct ptimer_proc {
    int64_t pid;
    int32_t next_id;
    int64_t cpu_ns;
};

struct user_ptimer_table {
    GArray *timers;          /* of struct ptimer, creation order */
    GArray *procs;           /* of struct ptimer_proc */
};

struct user_ptimer_snapshot {
    GArray *timers, *procs;
};

/* The kernel's table (k->ptimers), made when first needed. */
static struct user_ptimer_table *table_of(const struct user_kernel *k)
{
    return k->ptimers;
}

static struct user_ptimer_table *table_get(struct user_kernel *k)
{
    struct user_ptimer_table *tb = k->ptimers;
    if (tb)
        return tb;
    tb = g_new0(struct user_ptimer_table, 1);
    tb->timers = g_array_new(FALSE, TRUE, sizeof(struct ptimer));
    tb->procs = g_array_new(FALSE, TRUE, sizeof(struct ptimer_proc));
    k->ptimers = tb;
    return tb;
}

static void table_free(struct user_ptimer_table *tb)
{
    g_array_unref(tb->timers);
    g_array_unref(tb->procs);
    g_free(tb);
}

void user_ptimer_kernel_free(struct user_kernel *k)
{
    struct user_ptimer_table *tb = table_of(k);
    if (!tb)
        return;
    k->ptimers = NULL;
    table_free(tb);
}

static struct ptimer *timer_at(struct user_ptimer_table *tb, guint i)
{
    return &g_array_index(tb->timers, struct ptimer, i);
}

static struct ptimer_proc *proc_entry(struct user_ptimer_table *tb, int64_t pid)
{
    for (guint i = 0; tb && i < tb->procs->len; i++) {
        struct ptimer_proc *pp = &g_array_index(tb->procs, struct ptimer_proc,
                                                i);
        if (pp->pid == pid)
            return pp;
    }
    return NULL;
}

static struct ptimer *find_timer(struct user_ptimer_table *tb, int64_t pid,
                                 int64_t id)
{
    for (guint i = 0; tb && i < tb->timers->len; i++) {
        struct ptimer *tm = timer_at(tb, i);
        if (tm->pid == pid && tm->id == id)
            return tm;
    }
    return NULL;
}

/* The live process that owns pid's timers, or NULL (gone, or ended:
 * Linux deletes the timers at exit). */
static struct user_process *owner(const struct user_kernel *k, int64_t pid)
{
    struct user_process *q = user_proc_find((struct user_kernel *)k, pid);
    return q && !q->exited ? q : NULL;
}

/* Timers and clocks of processes that ended go. */
static void purge(struct user_kernel *k, struct user_ptimer_table *tb)
{
    for (guint i = 0; i < tb->timers->len;) {
        if (owner(k, timer_at(tb, i)->pid))
            i++;
        else
            g_array_remove_index(tb->timers, i);
    }
    for (guint i = 0; i < tb->procs->len;) {
        if (owner(k, g_array_index(tb->procs, struct ptimer_proc, i).pid))
            i++;
        else
            g_array_remove_index(tb->procs, i);
    }
}

/* The timer's engine work: it signals somebody when it runs out. */
static bool signals(const struct ptimer *tm)
{
    return tm->armed && tm->notify != GUEST_SIGEV_NONE;
}

static struct user_thread *live_thread(const struct user_kernel *k,
                                       int64_t tid)
{
    struct user_thread *t = user_thread_find((struct user_kernel *)k, tid);
    return t && t->state != USER_THREAD_EXITED ? t : NULL;
}

/* Its clock's reading; false if the clock stopped for good (the thread
 * whose CPU time it counts has ended). */
static bool clock_now(const struct user_kernel *k,
                      const struct user_ptimer_table *tb, const struct ptimer *tm,
                      int64_t *now)
{
    switch (tm->clock) {
    case PTIMER_REAL:
        *now = user_host_now_ns();
        return true;
    case PTIMER_PROCESS_CPU: {
        const struct ptimer_proc *pp =
            proc_entry((struct user_ptimer_table *)tb, tm->pid);
        *now = pp ? pp->cpu_ns : 0;
        return pp != NULL;
    }
    case PTIMER_THREAD_CPU: {
        struct user_thread *t = live_thread(k, tm->clock_tid);
        *now = t ? (int64_t)t->cpu->icount : 0;
        return t != NULL;
    }
    }
    return false;
}

/* --- signals ------------------------------------------------------------- */

static struct guest_timer_fields timer_fields(const struct user_siginfo *i)
{
    struct guest_timer_fields f;
    memcpy(&f, i->f.bytes, sizeof(f));
    return f;
}

/* The thread a SIGEV_THREAD_ID timer signals (NULL if it has gone), or
 * NULL for the process. *gone: there is nobody to signal. */
static struct user_thread *target(const struct user_kernel *k,
                                  const struct user_process *p,
                                  const struct ptimer *tm, bool *gone)
{
    *gone = false;
    if (tm->notify != GUEST_SIGEV_THREAD_ID)
        return NULL;
    struct user_thread *t = live_thread(k, tm->target_tid);
    *gone = !t || t->proc != p;
    return *gone ? NULL : t;
}

/* The timer's signal where it waits to be taken, or NULL if it is not
 * pending (taken, or never queued). */
static struct user_signal *pending_signal(struct user_process *p,
                                          struct user_thread *t,
                                          const struct ptimer *tm)
{
    uint64_t pending = t ? t->sig->pending : p->shared_pending;
    struct user_signal *q = t ? &t->sig->queued[tm->signo - 1]
                              : &p->shared_queued[tm->signo - 1];
    if (!(pending & user_sigbit(tm->signo)) || q->info.code != GUEST_SI_TIMER
        || timer_fields(&q->info).tid != tm->id)
        return NULL;
    return q;
}

static int32_t overrun_int(int64_t n)
{
    return (int32_t)MIN(n, (int64_t)INT32_MAX);   /* DELAYTIMER_MAX */
}

/* The last signal has been taken: its count is the one to report. */
static void settle(struct user_process *p, struct user_thread *t,
                   struct ptimer *tm)
{
    if (tm->signal_out && !pending_signal(p, t, tm)) {
        tm->overrun_last = tm->overrun;
        tm->overrun = 0;
        tm->signal_out = false;
    }
}

/* The timer ran out `expiries` times: one signal, the rest overruns. */
static void notify(struct user_kernel *k, struct ptimer *tm, int64_t expiries)
{
    struct user_process *p = owner(k, tm->pid);
    bool gone;
    if (!p || tm->notify == GUEST_SIGEV_NONE)
        return;
    struct user_thread *t = target(k, p, tm, &gone);
    if (gone)
        return;
    settle(p, t, tm);
    struct user_signal *q = pending_signal(p, t, tm);
    if (q) {
        struct guest_timer_fields f = timer_fields(&q->info);
        tm->overrun = user_timer_saturating_add(tm->overrun, expiries);
        f.overrun = overrun_int(tm->overrun);
        memcpy(q->info.f.bytes, &f, sizeof(f));
        return;
    }
    tm->overrun = expiries - 1;
    tm->signal_out = true;
    struct guest_timer_fields f = { .tid = tm->id,
                                    .overrun = overrun_int(tm->overrun),
                                    .value = tm->value };
    struct user_signal s = { .info = { .signo = tm->signo,
                                       .code = GUEST_SI_TIMER } };
    memcpy(s.info.f.bytes, &f, sizeof(f));
    user_timer_send(p, t, &s);
}

/* The timer ran out at now on its clock: reload or disarm it. The
 * number of periods that ran out. */
static int64_t expire(struct ptimer *tm, int64_t now)
{
    if (tm->interval > 0)
        return user_timer_forward(&tm->expires, tm->interval, now);
    tm->armed = false;
    return 1;
}

/* --- the engine's hooks: real clocks -------------------------------------- */

bool user_ptimer_real_armed(const struct user_kernel *k)
{
    return user_ptimer_real_deadline(k) != 0;
}

int64_t user_ptimer_real_deadline(const struct user_kernel *k)
{
    struct user_ptimer_table *tb = table_of(k);
    int64_t first = 0;
    for (guint i = 0; tb && i < tb->timers->len; i++) {
        const struct ptimer *tm = timer_at(tb, i);
        if (!signals(tm) || tm->clock != PTIMER_REAL || !owner(k, tm->pid))
            continue;
        /* 0 means none: a deadline at 0 (a past absolute time) is 1. */
        int64_t d = MAX(tm->expires, (int64_t)1);
        if (!first || d < first)
            first = d;
    }
    return first;
}

bool user_ptimer_real_expire(struct user_kernel *k, int64_t now)
{
    struct user_ptimer_table *tb = table_of(k);
    unsigned wakes_left = PTIMER_WAKES_PER_LOOK;
    bool fired = false;
    if (!tb)
        return false;
    purge(k, tb);
    for (guint i = 0; i < tb->timers->len && wakes_left; i++) {
        struct ptimer *tm = timer_at(tb, i);
        if (!signals(tm) || tm->clock != PTIMER_REAL || tm->expires > now)
            continue;
        int64_t periods = expire(tm, now);
        unsigned n = (unsigned)MIN(periods, (int64_t)PTIMER_CATCHUP);
        n = MIN(n, wakes_left);
        wakes_left -= n;
        /* One logged wake per expiry: a replay counts them alike. */
        for (unsigned j = 0; j < n; j++) {
            user_timer_log_posix_wake(k, tm->pid, tm->slot);
            notify(k, tm, 1);
        }
        fired = true;
    }
    return fired;
}

void user_ptimer_real_replayed(struct user_kernel *k, int64_t pid,
                               unsigned slot)
{
    struct user_ptimer_table *tb = table_of(k);
    for (guint i = 0; tb && i < tb->timers->len; i++) {
        struct ptimer *tm = timer_at(tb, i);
        if (tm->pid != pid || tm->slot != slot)
            continue;
        /* A log that does not fit the replay (it diverged): nothing. */
        if (!signals(tm) || tm->clock != PTIMER_REAL)
            return;
        /* Only whether it stays armed matters in a replay. */
        if (tm->interval > 0)
            tm->expires = user_timer_saturating_add(tm->expires, tm->interval);
        else
            tm->armed = false;
        notify(k, tm, 1);
        return;
    }
}

/* --- the engine's hooks: CPU clocks --------------------------------------- */

uint64_t user_ptimer_cpu_budget(const struct user_process *p, uint64_t budget)
{
    struct user_ptimer_table *tb = table_of(p->kernel);
    for (guint i = 0; tb && i < tb->timers->len; i++) {
        const struct ptimer *tm = timer_at(tb, i);
        int64_t now;
        if (tm->pid != p->pid || !signals(tm) || tm->clock == PTIMER_REAL)
            continue;
        /* Another thread's CPU clock does not run while this one does. */
        if (tm->clock == PTIMER_THREAD_CPU
            && (!p->cur || p->cur->tid != tm->clock_tid))
            continue;
        if (!clock_now(p->kernel, tb, tm, &now))
            continue;
        uint64_t left = tm->expires > now ? (uint64_t)(tm->expires - now) : 1;
        budget = MIN(budget, left);
    }
    return budget;
}

void user_ptimer_cpu_ran(struct user_process *p, uint64_t n)
{
    struct ptimer_proc *pp = proc_entry(table_of(p->kernel), p->pid);
    if (pp)
        pp->cpu_ns = user_timer_saturating_add(pp->cpu_ns,
                                               (int64_t)MIN(n, (uint64_t)INT64_MAX));
}

bool user_ptimer_cpu_fire(struct user_process *p)
{
    struct user_ptimer_table *tb = table_of(p->kernel);
    bool sent = false;
    for (guint i = 0; tb && i < tb->timers->len; i++) {
        struct ptimer *tm = timer_at(tb, i);
        int64_t now;
        if (tm->pid != p->pid || !signals(tm) || tm->clock == PTIMER_REAL
            || !clock_now(p->kernel, tb, tm, &now) || now < tm->expires)
            continue;
        notify(p->kernel, tm, expire(tm, now));
        sent = true;
    }
    return sent;
}

/* --- the process's life ---------------------------------------------------- */

void user_ptimer_exec(struct user_process *p)
{
    struct user_ptimer_table *tb = table_of(p->kernel);
    for (guint i = 0; tb && i < tb->timers->len;) {
        if (timer_at(tb, i)->pid == p->pid)
            g_array_remove_index(tb->timers, i);
        else
            i++;
    }
}

struct user_ptimer_snapshot *user_ptimer_snapshot_take(struct user_kernel *k)
{
    struct user_ptimer_table *tb = table_of(k);
    if (!tb)
        return NULL;
    struct user_ptimer_snapshot *s = g_new0(struct user_ptimer_snapshot, 1);
    s->timers = g_array_copy(tb->timers);
    s->procs = g_array_copy(tb->procs);
    return s;
}

void user_ptimer_snapshot_restore(struct user_kernel *k,
                                  const struct user_ptimer_snapshot *s)
{
    if (!s) {
        user_ptimer_kernel_free(k);
        return;
    }
    struct user_ptimer_table *tb = table_get(k);
    g_array_set_size(tb->timers, 0);
    g_array_append_vals(tb->timers, s->timers->data, s->timers->len);
    g_array_set_size(tb->procs, 0);
    g_array_append_vals(tb->procs, s->procs->data, s->procs->len);
}

void user_ptimer_snapshot_free(struct user_ptimer_snapshot *s)
{
    if (!s)
        return;
    g_array_unref(s->timers);
    g_array_unref(s->procs);
    g_free(s);
}

/* --- the system calls ------------------------------------------------------ */

/* What clock id names: 0, -EINVAL (no such clock), -EOPNOTSUPP (a clock
 * without timers); or a refusal of the clock's own timer creation, which
 * Linux makes only after the timer has taken its id: -EPERM (an alarm
 * clock: CAP_WAKE_ALARM, which a guest never has), -ESRCH (a CPU clock
 * of no thread of ours, or of no kind; the call's -EINVAL). The CPU
 * clocks of other processes are among those refused. */
static int parse_clock(struct user_process *p, int32_t id,
                       enum ptimer_clock *clock, int64_t *clock_tid)
{
    *clock_tid = 0;
    if (id < 0) {
        int64_t pid = ~(id >> 3);   /* arithmetic shift, as Linux's */
        if ((id & 7) == CLOCKFD)
            return -EOPNOTSUPP;   /* dynamic clocks have no timers */
        if ((id & CPUCLOCK_WHICH_MASK) >= CPUCLOCK_MAX)
            return -ESRCH;
        if (id & CPUCLOCK_PERTHREAD) {
            struct user_thread *t = pid ? live_thread(p->kernel, pid) : p->cur;
            if (!t || t->proc != p)
                return -ESRCH;
            *clock = PTIMER_THREAD_CPU;
            *clock_tid = t->tid;
            return 0;
        }
        if (pid && pid != p->pid)
            return -ESRCH;
        *clock = PTIMER_PROCESS_CPU;
        return 0;
    }
    switch (id) {
    case GUEST_CLOCK_REALTIME: case GUEST_CLOCK_MONOTONIC:
    case GUEST_CLOCK_BOOTTIME: case GUEST_CLOCK_TAI:
        *clock = PTIMER_REAL;
        return 0;
    case GUEST_CLOCK_PROCESS_CPUTIME_ID:
        *clock = PTIMER_PROCESS_CPU;
        return 0;
    case GUEST_CLOCK_THREAD_CPUTIME_ID:
        *clock = PTIMER_THREAD_CPU;
        *clock_tid = p->cur->tid;
        return 0;
    case GUEST_CLOCK_MONOTONIC_RAW: case GUEST_CLOCK_REALTIME_COARSE:
    case GUEST_CLOCK_MONOTONIC_COARSE:
        return -EOPNOTSUPP;
    case GUEST_CLOCK_REALTIME_ALARM: case GUEST_CLOCK_BOOTTIME_ALARM:
        return -EPERM;
    default:
        return -EINVAL;
    }
}

/* Linux's good_sigevent(): fills tm's notification, or -EINVAL. */
static int take_sigevent(struct user_process *p,
                         const struct guest_sigevent *ev, struct ptimer *tm)
{
    switch (ev->notify) {
    case GUEST_SIGEV_THREAD_ID: {
        struct user_thread *t = live_thread(p->kernel, ev->thread_id);
        if (!t || t->proc != p)
            return -EINVAL;
        tm->target_tid = t->tid;
    }
        /* fall through */
    case GUEST_SIGEV_SIGNAL:
    case GUEST_SIGEV_THREAD:
        if (ev->signo <= 0 || ev->signo > GUEST_SIGRTMAX)
            return -EINVAL;
        /* fall through */
    case GUEST_SIGEV_NONE:
        break;
    default:
        return -EINVAL;
    }
    /* SIGEV_THREAD from the kernel's side is a process-directed signal
     * (glibc's own SIGEV_THREAD uses SIGEV_THREAD_ID). */
    tm->notify = ev->notify == GUEST_SIGEV_THREAD ? GUEST_SIGEV_SIGNAL
                                                  : ev->notify;
    tm->signo = ev->signo;
    tm->value = ev->value;
    return 0;
}

/* The smallest slot none of pid's timers has. */
static uint32_t free_slot(struct user_ptimer_table *tb, int64_t pid)
{
    uint64_t used[(PTIMER_MAX + 63) / 64] = { 0 };
    for (guint i = 0; i < tb->timers->len; i++) {
        const struct ptimer *tm = timer_at(tb, i);
        if (tm->pid == pid && tm->slot < PTIMER_MAX)
            used[tm->slot / 64] |= 1ull << (tm->slot % 64);
    }
    uint32_t slot = 0;
    while (slot < PTIMER_MAX && (used[slot / 64] & (1ull << (slot % 64))))
        slot++;
    return slot;
}

static struct ptimer_proc *proc_get(struct user_ptimer_table *tb,
                                    struct user_process *p)
{
    struct ptimer_proc *pp = proc_entry(tb, p->pid);
    if (pp)
        return pp;
    struct ptimer_proc fresh = { .pid = p->pid };
    for (guint i = 0; i < p->threads->len; i++) {
        const struct user_thread *t = g_ptr_array_index(p->threads, i);
        fresh.cpu_ns += (int64_t)t->cpu->icount;
    }
    g_array_append_val(tb->procs, fresh);
    return &g_array_index(tb->procs, struct ptimer_proc, tb->procs->len - 1);
}

USER_SYSCALL(timer_create)
{
    struct guest_sigevent ev;
    struct ptimer tm = { .pid = p->pid, .clockid = (int32_t)a[0] };
    int32_t id_out;
    int r;

    if (a[1] && user_copy_in(p, &ev, a[1], sizeof(ev)))
        return -EFAULT;
    r = parse_clock(p, (int32_t)a[0], &tm.clock, &tm.clock_tid);
    if (r == -EINVAL || r == -EOPNOTSUPP)
        return r;   /* before an id is taken, as Linux checks the clock */
    struct user_ptimer_table *tb = table_get(p->kernel);
    purge(p->kernel, tb);
    tm.slot = free_slot(tb, p->pid);
    /* A real clock's expiry is logged under the pid and slot. */
    if (tm.slot >= PTIMER_MAX
        || (tm.clock == PTIMER_REAL
            && p->pid >= (1 << USER_TIMER_WAKE_PID_BITS)))
        return -EAGAIN;
    struct ptimer_proc *pp = proc_get(tb, p);
    if (pp->next_id < 0)
        return -EAGAIN;   /* every id used, as Linux's wrapped search */
    tm.id = pp->next_id++;
    if (a[1]) {
        int e = take_sigevent(p, &ev, &tm);
        if (e)
            return e;
    } else {
        tm.notify = GUEST_SIGEV_SIGNAL;
        tm.signo = GUEST_SIGALRM;
        tm.value = (uint32_t)tm.id;   /* sival_int */
    }
    id_out = tm.id;
    if (user_copy_out(p, a[2], &id_out, sizeof(id_out)))
        return -EFAULT;
    if (r)
        return r == -ESRCH ? -EINVAL : r;   /* the clock's own refusal */
    g_array_append_val(tb->timers, tm);
    return 0;
}

static struct ptimer *lookup(struct user_process *p, uint64_t id)
{
    return find_timer(table_of(p->kernel), p->pid, (int32_t)id);
}

static bool timespec_ok(int64_t sec, int64_t nsec)
{
    return sec >= 0 && nsec >= 0 && nsec < NS_PER_SEC;
}

static int64_t timespec_ns(int64_t sec, int64_t nsec)
{
    if (sec >= INT64_MAX / NS_PER_SEC)
        return INT64_MAX;
    return sec * NS_PER_SEC + nsec;
}

/* What timer_gettime reports (Linux's common_timer_get). */
static struct guest_itimerspec current_setting(struct user_process *p,
                                               struct ptimer *tm)
{
    struct guest_itimerspec v = { tm->interval / NS_PER_SEC,
                                  tm->interval % NS_PER_SEC, 0, 0 };
    struct user_ptimer_table *tb = table_of(p->kernel);
    int64_t now;
    if (!tm->armed || !clock_now(p->kernel, tb, tm, &now))
        return v;
    if (tm->expires <= now && tm->notify == GUEST_SIGEV_NONE) {
        /* Nothing runs a SIGEV_NONE timer out: move it along here. */
        if (tm->interval > 0)
            user_timer_forward(&tm->expires, tm->interval, now);
        else
            tm->armed = false;
    }
    int64_t left = 0;
    if (tm->armed)
        left = tm->expires > now ? tm->expires - now : 1; /* due, not yet handled */
    v.value_sec = left / NS_PER_SEC;
    v.value_nsec = left % NS_PER_SEC;
    return v;
}

/* An absolute time on tm's clock, as a deadline on the clock it runs on
 * (the real clocks run on the host's CLOCK_MONOTONIC). */
static int64_t absolute_deadline(const struct ptimer *tm, int64_t ns)
{
    if (tm->clock != PTIMER_REAL || tm->clockid == GUEST_CLOCK_MONOTONIC)
        return ns;
    struct timespec ts;
    clock_gettime(tm->clockid == GUEST_CLOCK_BOOTTIME ? CLOCK_BOOTTIME
                  : tm->clockid == GUEST_CLOCK_TAI    ? CLOCK_TAI
                                                      : CLOCK_REALTIME,
                  &ts);
    int64_t then = timespec_ns(ts.tv_sec, ts.tv_nsec);
    return user_host_now_ns() + (ns - then);
}

USER_SYSCALL(timer_settime)
{
    struct guest_itimerspec v;
    if (!a[2])
        return -EINVAL;
    if (user_copy_in(p, &v, a[2], sizeof(v)))
        return -EFAULT;
    if (!timespec_ok(v.interval_sec, v.interval_nsec)
        || !timespec_ok(v.value_sec, v.value_nsec))
        return -EINVAL;
    struct ptimer *tm = lookup(p, a[0]);
    if (!tm)
        return -EINVAL;
    struct guest_itimerspec old = current_setting(p, tm);
    int64_t ns = timespec_ns(v.value_sec, v.value_nsec);
    /* A signal still pending stays, as Linux leaves it queued; the new
     * setting's counts start afresh. */
    tm->overrun = tm->overrun_last = 0;
    tm->signal_out = false;
    tm->interval = 0;
    tm->armed = ns != 0;
    if (tm->armed) {
        int64_t now = 0;
        tm->interval = timespec_ns(v.interval_sec, v.interval_nsec);
        clock_now(p->kernel, table_of(p->kernel), tm, &now);
        if (a[1] & GUEST_TIMER_ABSTIME)
            tm->expires = absolute_deadline(tm, ns);
        else
            tm->expires = user_timer_saturating_add(now, ns);
    }
    if (a[3])
        return user_copy_out(p, a[3], &old, sizeof(old));
    return 0;
}

USER_SYSCALL(timer_gettime)
{
    struct ptimer *tm = lookup(p, a[0]);
    if (!tm)
        return -EINVAL;
    struct guest_itimerspec v = current_setting(p, tm);
    return user_copy_out(p, a[1], &v, sizeof(v));
}

USER_SYSCALL(timer_getoverrun)
{
    struct ptimer *tm = lookup(p, a[0]);
    if (!tm)
        return -EINVAL;
    bool gone;
    struct user_thread *t = target(p->kernel, p, tm, &gone);
    if (!gone)
        settle(p, t, tm);
    return overrun_int(tm->overrun_last);
}

USER_SYSCALL(timer_delete)
{
    struct user_ptimer_table *tb = table_of(p->kernel);
    for (guint i = 0; tb && i < tb->timers->len; i++) {
        const struct ptimer *tm = timer_at(tb, i);
        if (tm->pid == p->pid && tm->id == (int32_t)a[0]) {
            /* A signal of its still pending is delivered all the same. */
            g_array_remove_index(tb->timers, i);
            return 0;
        }
    }
    return -EINVAL;
}
