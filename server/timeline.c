/* The timeline (server/timeline.h): moving the view through recorded
 * history. Snapshots are in timeline-snapshots.c, the machine operations
 * the debugger drives in timeline-machine.c. */
#include "config.h"

#include "server/timeline-private.h"

#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include "cpu/cpu.h"
#include "server/machine-snapshot.h"
#include "server/syscall-door.h"

struct timeline *timeline_of(struct machine *m)
{
    return m && m->ops == &timeline_machine_ops ? (struct timeline *)m : NULL;
}

uint64_t timeline_present(struct timeline *tl)
{
    return tl->present;
}

uint64_t timeline_now(struct timeline *tl)
{
    return timeline_icount_of(timeline_view(tl));
}

uint64_t timeline_start(struct timeline *tl)
{
    return tl->start;
}

int64_t timeline_thread(struct timeline *tl)
{
    return tl->last_tid;
}

const struct event_log *timeline_log(struct timeline *tl)
{
    return tl->log;
}

/* ---- Machines for the past ------------------------------------------ */

/* The door's mode follows the machine about to run. */
void timeline_door_live(struct timeline *tl)
{
    if (tl->door)
        syscall_door_record(tl->door, tl->log);
}

void timeline_door_past(struct timeline *tl)
{
    if (tl->door)
        syscall_door_replay(tl->door,
                            &timeline_track_of(tl, tl->past)->cursor);
}

static void apply_settings(struct timeline *tl, struct machine *m)
{
    for (guint i = 0; i < tl->points->len; i++) {
        struct point *p = &g_array_index(tl->points, struct point, i);
        if (p->watch && m->ops->insert_watchpoint)
            m->ops->insert_watchpoint(m, p->addr, p->len, p->kind);
        else if (!p->watch && m->ops->insert_breakpoint)
            m->ops->insert_breakpoint(m, p->addr);
    }
    if (tl->report_mask && m->ops->set_report)
        m->ops->set_report(m, tl->report_mask);
    if (tl->catch_set && m->ops->catch_syscalls)
        m->ops->catch_syscalls(m, tl->catch_all,
                               (const int *)tl->catch_nrs->data,
                               tl->catch_nrs->len);
    for (guint i = 0; i < tl->debugged->len; i++) {
        struct debugged_setting *d =
            &g_array_index(tl->debugged, struct debugged_setting, i);
        if (m->ops->set_debugged)
            m->ops->set_debugged(m, d->pid, d->debugged);
    }
}

void timeline_drop_replay(struct timeline *tl)
{
    timeline_track_clear(tl, &tl->replay_track);
    if (tl->replay)
        tl->replay->ops->free(tl->replay);
    if (tl->past == tl->replay)
        tl->past = NULL;
    tl->replay = NULL;
}

/* A separate replay machine at the start of history. */
static int replay_fresh(struct timeline *tl)
{
    GError *error = NULL;
    struct machine *m;

    /* The log no longer goes back to the initial state. */
    if (tl->start > 0)
        return -ERANGE;
    m = tl->make(tl->make_data, &error);
    if (!m) {
        g_warning("timeline: cannot rebuild the program: %s",
                  error ? error->message : "unknown error");
        g_clear_error(&error);
        return -EIO;
    }
    timeline_drop_replay(tl);
    tl->replay = m;
    apply_settings(tl, m);
    event_cursor_init(&tl->replay_track.cursor, tl->log);
    tl->replays++;
    timeline_take_snapshot(tl, m, false);
    return 0;
}

enum positioned {
    POSITIONED,
    NO_SNAPSHOT,         /* none before target (thinned away) */
    CANNOT_RESTORE,      /* the machine changed shape since */
};

/* Put machine m (the past's) at or before target, as close as its
 * snapshots allow: where it is, or its latest snapshot before target. */
static enum positioned position(struct timeline *tl, struct machine *m,
                                uint64_t target)
{
    struct track *tr = timeline_track_of(tl, m);
    uint64_t now = timeline_icount_of(m);
    struct snap_entry *e = timeline_snapshot_before(tr, target);

    if (now <= target && (!e || e->icount <= now))
        return POSITIONED;
    if (!e)
        return NO_SNAPSHOT;
    return timeline_restore(tl, m, e) ? POSITIONED : CANNOT_RESTORE;
}

void timeline_return_to_present(struct timeline *tl)
{
    if (!tl->live || !tl->in_past)
        return;
    if (tl->past == tl->live && tl->present_snap) {
        /* The live machine replayed the past: put the present back
         * (replaying to it is the same state, but the host's open files
         * must be the present's own). */
        if (!machine_snapshot_restore(tl->live, tl->present_snap))
            g_warning("timeline: the present could not be restored");
        machine_snapshot_free(tl->present_snap);
        tl->present_snap = NULL;
    }
    tl->in_past = false;
    tl->past = NULL;
}

/* Leave the present for the past: the live machine at its latest
 * snapshot before target if it can, else the replay machine. */
static int leave_present(struct timeline *tl, uint64_t target)
{
    struct snap_entry *e;
    const char *why;

    if (tl->live && !tl->live_track.off
        && (e = timeline_snapshot_before(&tl->live_track, target))) {
        struct machine_snapshot *now = machine_snapshot_take(tl->live, e->snap,
                                                             true, &why);
        if (now && timeline_restore(tl, tl->live, e)) {
            tl->present_snap = now;
            tl->past = tl->live;
            tl->in_past = true;
            return 0;
        }
        machine_snapshot_free(now);
    }
    if (!tl->replay || position(tl, tl->replay, target) != POSITIONED) {
        int err = replay_fresh(tl);
        if (err)
            return err;
    }
    tl->past = tl->replay;
    tl->in_past = true;
    return 0;
}

/* The past machine at or before target. */
static int go_before(struct timeline *tl, uint64_t target)
{
    enum positioned how;

    if (!tl->in_past || !tl->past)
        return leave_present(tl, target);
    how = position(tl, tl->past, target);
    if (how == POSITIONED)
        return 0;
    if (tl->past == tl->live) {
        /* The live machine cannot go there (no snapshot so far back, or
         * it changed shape since: then never again): back to the
         * present, and this trip from the replay machine. */
        timeline_return_to_present(tl);
        if (how == CANNOT_RESTORE)
            tl->live_track.off = true;
        return leave_present(tl, target);
    }
    int err = replay_fresh(tl);
    if (!err)
        tl->past = tl->replay;
    return err;
}

/* ---- Replaying -------------------------------------------------------- */

static void apply_event(struct timeline *tl, const struct event *ev)
{
    struct machine *m = tl->past;
    gsize len = 0;
    const void *data = ev->data ? g_bytes_get_data(ev->data, &len) : NULL;
    struct cpu_state *cpu;

    switch (ev->kind) {
    case EVENT_SIGNAL:
        /* A recording file is outside data: only real signal numbers. */
        if (ev->arg > 64)
            break;
        if (ev->tid >= 0 && m->ops->set_thread_signal)
            m->ops->set_thread_signal(m, ev->tid, (int)ev->arg);
        else
            m->ops->set_signal(m, (int)ev->arg);
        break;
    case EVENT_MEM_WRITE:
        if (ev->tid > 0 && m->ops->write_mem_of)
            m->ops->write_mem_of(m, ev->tid, ev->arg, data, len);
        else
            m->ops->write_mem(m, ev->arg, data, len);
        break;
    case EVENT_HOLD:
        if (m->ops->hold_thread)
            m->ops->hold_thread(m, ev->tid, ev->arg != 0);
        break;
    case EVENT_KILL_PROCESS:
        /* The error the debugger got at the present is the same now. */
        if (m->ops->kill_process)
            (void)m->ops->kill_process(m, ev->tid);
        break;
    case EVENT_REGS:
        cpu = m->ops->cpu(m, ev->tid);
        if (cpu && len == sizeof(struct cpu_debug_regs)) {
            struct cpu_debug_regs regs;
            memcpy(&regs, data, sizeof(regs));
            cpu_debug_regs_set(cpu, &regs);
        }
        break;
    default:
        /* System-call inputs are taken by the machine itself, through
         * the door, when it makes the call. */
        break;
    }
}

/* Apply the recorded events due now: those of earlier counts (late,
 * after a divergence) and those of this count, except one taken at a
 * signal stop the replay has not reached yet. */
void timeline_apply_due_events(struct timeline *tl)
{
    struct track *tr = timeline_track_of(tl, tl->past);
    uint64_t now = timeline_icount_of(tl->past);

    for (;;) {
        const struct event *ev = event_cursor_peek(&tr->cursor);
        if (!ev || ev->icount > now || ev->kind == EVENT_SYSCALL)
            return;
        if (ev->icount == now && (ev->flags & EVENT_AFTER_SIGNAL_STOP)
            && !(tr->at_signal && tr->stop_icount == now))
            return;
        apply_event(tl, ev);
        event_cursor_advance(&tr->cursor);
    }
}

/* The next event the timeline applies (not a system call's, which the
 * machine takes itself), or NULL. */
static const struct event *next_debugger_event(struct track *tr)
{
    for (size_t i = tr->cursor.next;; i++) {
        const struct event *ev = event_log_get(tr->cursor.log, i);
        if (!ev || ev->kind != EVENT_SYSCALL)
            return ev;
    }
}

static void pass_debug_stop(struct machine *m, const struct machine_stop *s)
{
    struct cpu_state *cpu = m->ops->cpu(m, s->tid);
    if (!cpu)
        return;
    if (s->kind == MACHINE_STOP_BREAKPOINT)
        cpu->skip_breakpoint_once = true;
    else
        cpu->skip_watchpoint_once = true;
}

/* ---- The debugger's Ctrl-C ---------------------------------------------- */

/* Asking costs a system call (a look at the debugger's socket): not at
 * every replay chunk, which can be one instruction long near events. */
#define INTERRUPT_POLL_US 10000
/* Runs in a row that change nothing before a replay counts as stuck. */
#define STUCK_RUNS 3
/* Instructions in one run of an interruptible move: some milliseconds. */
#define INTERRUPTIBLE_RUN (UINT64_C(1) << 22)

void timeline_set_interrupt_check(struct timeline *tl,
                                  timeline_interrupt_check check, void *data)
{
    tl->interrupt_check = check;
    tl->interrupt_data = data;
}

static bool interrupt_requested(struct timeline *tl)
{
    int64_t now;

    if (!tl->interruptible || !tl->interrupt_check)
        return false;
    now = g_get_monotonic_time();
    if (now - tl->interrupt_polled_us < INTERRUPT_POLL_US)
        return false;
    tl->interrupt_polled_us = now;
    return tl->interrupt_check(tl->interrupt_data);
}

/* Run the past machine up to instruction count limit, applying the log's
 * events at their times and taking snapshots on the way. True with *stop
 * when it stopped for something to report (report says what) or could
 * not go on (the program ended); false when it reached limit. */
bool timeline_replay_advance(struct timeline *tl, uint64_t limit,
                             unsigned report, struct machine_stop *stop)
{
    struct machine *m = tl->past;
    struct track *tr = timeline_track_of(tl, m);
    uint64_t stuck_at = UINT64_MAX;
    unsigned idle_runs = 0;

    for (;;) {
        timeline_apply_due_events(tl);
        uint64_t now = timeline_icount_of(m);
        size_t cursor_at = tr->cursor.next;
        const struct event *ev = next_debugger_event(tr);
        if (now >= limit)
            return false;
        if (interrupt_requested(tl)) {
            memset(stop, 0, sizeof(*stop));
            stop->kind = MACHINE_STOP_INTERRUPTED;
            stop->tid = tl->last_tid;
            return true;
        }
        uint64_t budget = limit - now;
        if (ev && ev->icount >= now && ev->icount - now < budget)
            budget = ev->icount - now;
        uint64_t snap_at = timeline_next_snapshot_point(tl, m, now);
        if (snap_at - now < budget)
            budget = snap_at - now;
        /* A Ctrl-C is looked for between runs: keep them short enough
         * that it is seen promptly however far the next stop is. */
        if (tl->interruptible && budget > INTERRUPTIBLE_RUN)
            budget = INTERRUPTIBLE_RUN;
        /* An event of this count waits for the signal stop it was taken
         * at: run to produce that stop. */
        if (budget == 0)
            budget = 1;
        memset(stop, 0, sizeof(*stop));
        timeline_door_past(tl);
        m->ops->run(m, budget, stop);
        tr->at_signal = stop->kind == MACHINE_STOP_SIGNAL;
        tr->stop_icount = timeline_icount_of(m);
        timeline_thin(tl);
        switch (stop->kind) {
        case MACHINE_STOP_BUDGET:
            if (tr->stop_icount == snap_at)
                timeline_take_snapshot(tl, m, false);
            /* Every thread waits and no recorded event wakes one: the
             * replay diverged (or its log was altered). It cannot go
             * on: end it as the end of the history, not spin. */
            if (tr->stop_icount == now && tr->cursor.next == cursor_at) {
                if (++idle_runs >= STUCK_RUNS) {
                    g_warning("timeline: the replay is stuck at instruction "
                              "%" PRIu64 " (every thread waits, nothing in "
                              "the recording wakes one)", now);
                    memset(stop, 0, sizeof(*stop));
                    stop->kind = MACHINE_STOP_SIGNAL;
                    stop->signal = 5;
                    stop->tid = tl->last_tid;
                    stop->replay_end = true;
                    return true;
                }
            } else {
                idle_runs = 0;
            }
            break;
        case MACHINE_STOP_INTERRUPTED:
            break;
        case MACHINE_STOP_EXITED:
        case MACHINE_STOP_KILLED:
            /* One process of several ended: news for the debugger (it
             * may follow it), not the end of the replay. */
            if (stop->all_ended || (report & REPORT_SIGNALS))
                return true;
            break;
        case MACHINE_STOP_BREAKPOINT:
        case MACHINE_STOP_WATCHPOINT:
            if (report & REPORT_DEBUG)
                return true;
            pass_debug_stop(m, stop);
            break;
        case MACHINE_STOP_SIGNAL:
            if (report & REPORT_SIGNALS)
                return true;
            /* A stop no recorded event settles is where the recording
             * ends (or the replay diverged): do not spin on it. */
            ev = next_debugger_event(tr);
            if (!ev || ev->icount != tr->stop_icount) {
                if (stuck_at == tr->stop_icount)
                    return true;
                stuck_at = tr->stop_icount;
            }
            break;
        }
    }
}

/* Show the past at instruction count target (< the present). */
static int seek(struct timeline *tl, uint64_t target)
{
    struct machine_stop stop;
    int err = go_before(tl, target);

    if (err)
        return err;
    if (timeline_replay_advance(tl, target, REPORT_NOTHING, &stop)
        && stop.kind == MACHINE_STOP_INTERRUPTED)
        return -EINTR;
    return timeline_icount_of(tl->past) == target ? 0 : -EIO;
}

/* Show instruction count n (start <= n <= present). */
static int go_to(struct timeline *tl, uint64_t n)
{
    if (n == tl->present && tl->live) {
        timeline_return_to_present(tl);
        return 0;
    }
    return seek(tl, n);
}

int timeline_goto(struct timeline *tl, uint64_t n)
{
    int err;

    if (n > tl->present || n < timeline_start(tl))
        return -ERANGE;
    tl->interruptible = true;
    err = go_to(tl, n);
    tl->interruptible = false;
    return err;
}

/* ---- Reverse execution ------------------------------------------------ */

int timeline_reverse_step(struct timeline *tl, int64_t tid,
                          enum timeline_arrival *arrival,
                          struct machine_stop *stop)
{
    uint64_t now = timeline_now(tl);
    int err;

    memset(stop, 0, sizeof(*stop));
    stop->kind = MACHINE_STOP_SIGNAL;
    stop->signal = 5;
    stop->tid = tid > 0 ? tid : tl->last_tid;
    if (now <= timeline_start(tl)) {
        *arrival = TIMELINE_BEGIN;
        return 0;
    }
    err = seek(tl, now - 1);
    if (err)
        return err;
    /* Landing on the first instruction is a step; only a step from
     * there reaches the start of the log. */
    *arrival = TIMELINE_STEPPED;
    return 0;
}

/* Replay from where the past machine is to hi and remember the last
 * breakpoint or watchpoint hit on the way. */
static bool scan_for_hit(struct timeline *tl, uint64_t hi,
                         struct machine_stop *hit, uint64_t *hit_at,
                         bool *interrupted)
{
    struct machine_stop s;
    bool found = false;

    *interrupted = false;
    while (timeline_replay_advance(tl, hi, REPORT_DEBUG, &s)) {
        uint64_t at = timeline_icount_of(tl->past);
        if (s.kind == MACHINE_STOP_INTERRUPTED) {
            *interrupted = true;
            return false;
        }
        if ((s.kind != MACHINE_STOP_BREAKPOINT
             && s.kind != MACHINE_STOP_WATCHPOINT) || at >= hi)
            break;
        *hit = s;
        *hit_at = at;
        found = true;
        pass_debug_stop(tl->past, &s);
    }
    return found;
}

static int scan_back(struct timeline *tl, enum timeline_arrival *arrival,
                     struct machine_stop *stop)
{
    uint64_t hi = timeline_now(tl);
    struct machine_stop hit;
    uint64_t hit_at = 0;
    bool interrupted;
    int err;

    /* Interval by interval back from now, each from the snapshot before
     * it: the first interval with a hit has the one we want, its last. */
    while (hi > timeline_start(tl)) {
        err = go_before(tl, hi - 1);
        if (err)
            return err;
        uint64_t lo = timeline_icount_of(tl->past);
        bool found = scan_for_hit(tl, hi, &hit, &hit_at, &interrupted);
        if (interrupted) {
            /* Every instruction from hi to where the move started was
             * checked: stop at hi (at most one interval's replay away),
             * where going on backwards would take up the search. */
            tl->interruptible = false;
            err = go_to(tl, hi);
            if (err)
                return err;
            *arrival = TIMELINE_INTERRUPTED;
            return 0;
        }
        if (found) {
            tl->interruptible = false;   /* the answer is known */
            err = seek(tl, hit_at);
            if (err)
                return err;
            *stop = hit;
            if (stop->tid)
                tl->last_tid = stop->tid;
            *arrival = TIMELINE_HIT;
            return 0;
        }
        hi = lo;
    }
    tl->interruptible = false;
    err = seek(tl, timeline_start(tl));
    *arrival = TIMELINE_BEGIN;
    return err;
}

int timeline_reverse_continue(struct timeline *tl,
                              enum timeline_arrival *arrival,
                              struct machine_stop *stop)
{
    int err;

    memset(stop, 0, sizeof(*stop));
    stop->kind = MACHINE_STOP_SIGNAL;
    stop->signal = 5;
    stop->tid = tl->last_tid;
    tl->interruptible = true;
    err = scan_back(tl, arrival, stop);
    tl->interruptible = false;
    return err;
}

/* ---- Checkpoints and statistics ---------------------------------------- */

int timeline_checkpoint(struct timeline *tl)
{
    uint64_t now = timeline_now(tl);
    g_array_append_val(tl->checkpoints, now);
    return (int)tl->checkpoints->len;
}

GArray *timeline_checkpoints(struct timeline *tl)
{
    GArray *out = g_array_new(FALSE, FALSE, sizeof(uint64_t));
    for (guint i = 0; i < tl->checkpoints->len; i++) {
        uint64_t id = i + 1;
        g_array_append_val(out, id);
        g_array_append_val(out, g_array_index(tl->checkpoints, uint64_t, i));
    }
    return out;
}

int timeline_restart(struct timeline *tl, int id)
{
    if (id < 1 || (guint)id > tl->checkpoints->len)
        return -ENOENT;
    return timeline_goto(tl, g_array_index(tl->checkpoints, uint64_t,
                                           id - 1));
}

void timeline_get_stats(struct timeline *tl, struct timeline_stats *s)
{
    memset(s, 0, sizeof(*s));
    s->start = timeline_start(tl);
    s->present = tl->present;
    s->now = timeline_now(tl);
    s->events = event_log_length(tl->log);
    s->log_bytes = event_log_bytes(tl->log);
    s->snapshots = tl->live_track.snaps->len + tl->replay_track.snaps->len;
    s->memory_bytes = timeline_history_bytes(tl);
    s->history_mem = tl->history_mem;
    s->replays = tl->replays;
}

/* ---- Construction ------------------------------------------------------- */

static struct timeline *alloc_timeline(timeline_factory make, void *make_data,
                                       struct syscall_door *door,
                                       const struct timeline_options *opts)
{
    struct timeline *tl = g_new0(struct timeline, 1);

    tl->base.ops = &timeline_machine_ops;
    tl->make = make;
    tl->make_data = make_data;
    tl->door = door;
    tl->log = event_log_new();
    timeline_track_init(&tl->live_track);
    timeline_track_init(&tl->replay_track);
    tl->points = g_array_new(FALSE, FALSE, sizeof(struct point));
    tl->catch_nrs = g_array_new(FALSE, FALSE, sizeof(int));
    tl->debugged = g_array_new(FALSE, FALSE, sizeof(struct debugged_setting));
    tl->live_regs = g_array_new(FALSE, FALSE, sizeof(struct saved_regs));
    tl->checkpoints = g_array_new(FALSE, FALSE, sizeof(uint64_t));
    tl->held = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free,
                                     NULL);
    tl->held_logged = g_hash_table_new_full(g_int64_hash, g_int64_equal,
                                            g_free, NULL);
    tl->interval = TIMELINE_DEFAULT_INTERVAL;
    if (opts) {
        tl->history_mem = opts->history_mem;
        tl->keep_whole_log = opts->keep_whole_log;
        tl->release = opts->release;
        tl->release_data = opts->release_data;
        if (opts->snapshot_interval)
            tl->interval = opts->snapshot_interval;
    }
    return tl;
}

static void first_thread(struct timeline *tl, struct machine *m)
{
    GArray *tids = m->ops->threads(m);
    if (tids->len)
        tl->last_tid = g_array_index(tids, int64_t, 0);
    g_array_unref(tids);
}

struct machine *timeline_new(struct machine *live, timeline_factory make,
                             void *make_data, struct syscall_door *door,
                             const struct timeline_options *opts)
{
    struct timeline *tl = alloc_timeline(make, make_data, door, opts);

    tl->live = live;
    tl->present = timeline_icount_of(live);
    event_cursor_init(&tl->live_track.cursor, tl->log);
    first_thread(tl, live);
    timeline_save_live_regs(tl);
    /* The start of history. */
    timeline_take_snapshot(tl, live, true);
    return &tl->base;
}

void timeline_free(struct timeline *tl)
{
    timeline_return_to_present(tl);
    machine_snapshot_free(tl->present_snap);
    timeline_drop_replay(tl);
    timeline_track_clear(tl, &tl->live_track);
    g_array_unref(tl->live_track.snaps);
    g_array_unref(tl->replay_track.snaps);
    if (tl->live)
        tl->live->ops->free(tl->live);
    event_log_free(tl->log);
    g_array_unref(tl->points);
    g_array_unref(tl->catch_nrs);
    g_array_unref(tl->debugged);
    g_array_unref(tl->live_regs);
    g_array_unref(tl->checkpoints);
    g_hash_table_unref(tl->held);
    g_hash_table_unref(tl->held_logged);
    void (*release)(void *) = tl->release;
    void *release_data = tl->release_data;
    g_free(tl);
    if (release)
        release(release_data);
}

struct machine *timeline_new_replay(timeline_factory make, void *make_data,
                                    struct syscall_door *door,
                                    struct event_log *log,
                                    uint64_t end_icount,
                                    const struct timeline_options *opts,
                                    GError **error)
{
    struct timeline *tl = alloc_timeline(make, make_data, door, opts);

    event_log_free(tl->log);
    tl->log = log;
    tl->present = end_icount;
    if (replay_fresh(tl) != 0) {
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                    "cannot rebuild the recorded program");
        timeline_free(tl);
        return NULL;
    }
    tl->past = tl->replay;
    tl->in_past = true;
    first_thread(tl, tl->replay);
    return &tl->base;
}
