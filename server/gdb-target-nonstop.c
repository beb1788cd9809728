/* Non-stop mode for the RSP target: threads stop and run one by one.
 *
 * Every guest thread runs on this one host thread, so "the others keep
 * running" means: the machine goes on running in slices from the main
 * loop while at least one thread is resumed, and a thread that stops is
 * held (machine hold_thread: not scheduled) until the debugger resumes
 * it. Holds are the machine's own events, so a recording replays them.
 *
 * Each thread has a run state: stopped (held), continuing, stepping one
 * instruction, or range stepping. A thread this table does not know was
 * created while others ran, and runs. Stepping threads are held too
 * (the machine's step runs a held thread; no other turn may move them)
 * and stepped one by one; the machine's step runs no other thread except
 * while the stepping one waits in a system call, and then only the
 * continuing ones. When threads continue beside steppers, turns
 * alternate between the two kinds, so a thread range stepping through
 * an endless loop does not starve the rest.
 *
 * Stops go to the connection as they come (rsp/ queues them for the
 * debugger's vStopped); the debugger's packets are served between
 * slices, while threads run.
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "cpu/cpu.h"
#include "rsp/conn.h"
#include "server/gdb-points.h"
#include "server/gdb-signals.h"
#include "server/gdb-target-private.h"
#include "server/machine.h"

enum ns_state {
    NS_STOPPED,
    NS_CONTINUE,
    NS_STEP,
    NS_RANGE,
};

struct ns_thread {
    int64_t pid, tid;
    enum ns_state state;
    uint64_t range_start, range_end;   /* NS_RANGE */
    /* The stop it is stopped at, for '?' (none: it was stopped without
     * an event of its own, and reports signal 0). */
    bool has_stop;
    struct rsp_stop stop;
};

static struct ns_thread *ns_find(struct gdb_target *t, int64_t tid)
{
    if (!t->ns_threads)
        return NULL;
    return g_hash_table_lookup(t->ns_threads, &tid);
}

static struct ns_thread *ns_get(struct gdb_target *t, int64_t pid,
                                int64_t tid)
{
    struct ns_thread *th = ns_find(t, tid);

    if (th)
        return th;
    if (!t->ns_threads)
        t->ns_threads = g_hash_table_new_full(g_int64_hash, g_int64_equal,
                                              NULL, g_free);
    th = g_new0(struct ns_thread, 1);
    th->pid = pid;
    th->tid = tid;
    th->state = NS_CONTINUE;
    g_hash_table_insert(t->ns_threads, &th->tid, th);
    return th;
}

static enum ns_state ns_state_of(struct gdb_target *t, int64_t tid)
{
    struct ns_thread *th = ns_find(t, tid);

    return th ? th->state : NS_CONTINUE;
}

static void hold(struct gdb_target *t, int64_t tid, bool held)
{
    if (t->machine && t->machine->ops->hold_thread)
        t->machine->ops->hold_thread(t->machine, tid, held);
}

/* Live threads (machine_thread), or NULL for a machine without a list. */
static GArray *live_threads(struct gdb_target *t)
{
    if (!t->machine || !t->machine->ops->thread_list)
        return NULL;
    return t->machine->ops->thread_list(t->machine);
}

bool gdb_target_ns_running(struct gdb_target *t)
{
    GArray *list = live_threads(t);
    bool any = false;

    for (guint i = 0; list && i < list->len && !any; i++)
        any = ns_state_of(t, g_array_index(list, struct machine_thread,
                                           i).tid) != NS_STOPPED;
    if (list)
        g_array_unref(list);
    return any;
}

/* Thread tid stopped (th->stop, when given, is why): hold it. */
static void mark_stopped(struct gdb_target *t, int64_t pid, int64_t tid,
                         const struct rsp_stop *stop)
{
    struct ns_thread *th = ns_get(t, pid, tid);

    th->state = NS_STOPPED;
    hold(t, tid, true);
    th->has_stop = stop != NULL;
    if (stop) {
        th->stop = *stop;
        /* The path belongs to the target only until it runs again; a
         * later '?' tells the stop without it. */
        if (th->stop.reason == RSP_REASON_EXEC) {
            th->stop.reason = RSP_REASON_NONE;
            th->stop.exec_path = NULL;
        }
    }
}

/* A thread or process ended: forget the threads that went with it. */
static void forget_gone(struct gdb_target *t, const struct rsp_stop *stop,
                        bool all_ended)
{
    GHashTableIter it;
    gpointer value;

    if (!t->ns_threads)
        return;
    g_hash_table_iter_init(&it, t->ns_threads);
    while (g_hash_table_iter_next(&it, NULL, &value)) {
        struct ns_thread *th = value;
        bool gone = all_ended;

        if (stop->kind == RSP_STOP_THREAD_EXITED)
            gone = th->tid == stop->thread.tid;
        else if (stop->thread.pid > 0 && th->pid == stop->thread.pid)
            gone = true;
        if (gone)
            g_hash_table_iter_remove(&it);
    }
}

/* One stop of the running machine: the threads it stops stay stopped,
 * the debugger hears of it, the others run on. */
static void handle_stop(struct gdb_target *t, const struct rsp_stop *stop,
                        bool all_ended)
{
    switch (stop->kind) {
    case RSP_STOP_SIGNAL:
        mark_stopped(t, stop->thread.pid, stop->thread.tid, stop);
        /* A fork's child waits for the debugger to follow it or not. */
        if (stop->reason == RSP_REASON_FORK
            || stop->reason == RSP_REASON_VFORK)
            mark_stopped(t, stop->child.pid, stop->child.tid, NULL);
        break;
    case RSP_STOP_THREAD_EXITED:
    case RSP_STOP_EXITED:
    case RSP_STOP_TERMINATED:
        forget_gone(t, stop, all_ended);
        break;
    }
    gdb_target_note_stop(t, stop, all_ended);
    if (t->conn)
        rsp_conn_report_stop(t->conn, stop);
}

static gint compare_tids(gconstpointer a, gconstpointer b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

    return x < y ? -1 : x > y;
}

/* Forget threads that ended without a word (no thread events): a
 * stepper among them would be stepped forever. */
static void forget_dead(struct gdb_target *t)
{
    GArray *list = live_threads(t);
    GHashTable *live = g_hash_table_new(g_int64_hash, g_int64_equal);
    GHashTableIter it;
    gpointer value;

    for (guint i = 0; list && i < list->len; i++)
        g_hash_table_add(live, &g_array_index(list, struct machine_thread,
                                              i).tid);
    if (t->ns_threads) {
        g_hash_table_iter_init(&it, t->ns_threads);
        while (g_hash_table_iter_next(&it, NULL, &value))
            if (!g_hash_table_contains(live,
                                       &((struct ns_thread *)value)->tid))
                g_hash_table_iter_remove(&it);
    }
    g_hash_table_unref(live);
    if (list)
        g_array_unref(list);
}

/* The threads that step, in tid order (of int64_t). */
static GArray *steppers(struct gdb_target *t)
{
    GArray *tids = g_array_new(FALSE, FALSE, sizeof(int64_t));
    GHashTableIter it;
    gpointer value;

    if (!t->ns_threads)
        return tids;
    g_hash_table_iter_init(&it, t->ns_threads);
    while (g_hash_table_iter_next(&it, NULL, &value)) {
        struct ns_thread *th = value;
        if (th->state == NS_STEP || th->state == NS_RANGE)
            g_array_append_val(tids, th->tid);
    }
    g_array_sort(tids, compare_tids);
    return tids;
}

/* Whether a live thread continues (resumed, not stepping). */
static bool any_continuing(struct gdb_target *t)
{
    GArray *list = live_threads(t);
    bool any = false;

    for (guint i = 0; list && i < list->len && !any; i++)
        any = ns_state_of(t, g_array_index(list, struct machine_thread,
                                           i).tid) == NS_CONTINUE;
    if (list)
        g_array_unref(list);
    return any;
}

static void step_thread(struct gdb_target *t, int64_t tid,
                        struct machine_stop *ms)
{
    memset(ms, 0, sizeof(*ms));
    if (t->machine->ops->step)
        t->machine->ops->step(t->machine, tid, ms);
    else
        t->machine->ops->run(t->machine, 1, ms);
}

static bool pc_in_range(struct gdb_target *t, const struct ns_thread *th)
{
    struct cpu_state *cpu = t->machine->ops->cpu(t->machine, th->tid);

    return cpu && cpu->pc >= th->range_start && cpu->pc < th->range_end;
}

/* Step thread tid (one instruction, or through its range for a while,
 * shared with the other steppers). */
static void step_slice(struct gdb_target *t, int64_t tid, unsigned steppers)
{
    struct ns_thread *th = ns_find(t, tid);
    int64_t pid;
    int count;
    struct machine_stop ms;
    struct rsp_stop stop;

    if (!th || (th->state != NS_STEP && th->state != NS_RANGE))
        return;     /* a stop of an earlier stepper's slice stopped it */
    pid = th->pid;
    count = th->state == NS_RANGE ? MAX(RANGE_STEP_SLICE / steppers, 1) : 1;
    for (int i = 0; i < count; i++) {
        step_thread(t, tid, &ms);
        if (ms.waiting)
            return;     /* it waits in a system call: step again later */
        if (gdb_target_unknown_stop(t, &ms))
            continue;
        if (gdb_target_translate_stop(t, &ms, &stop)) {
            /* Its own stop, or another thread's while it waited: that
             * one stops; a step not done yet goes on next slice. */
            handle_stop(t, &stop, ms.all_ended);
            return;
        }
        th = ns_find(t, tid);
        if (!th)
            return;
        if (th->state == NS_RANGE && pc_in_range(t, th))
            continue;
        /* Done: a SIGTRAP stop of the stepping thread. */
        memset(&stop, 0, sizeof(stop));
        stop.kind = RSP_STOP_SIGNAL;
        stop.signal = gdb_signal_from_linux(5);
        stop.thread = (struct rsp_ptid){ pid, tid };
        handle_stop(t, &stop, false);
        return;
    }
}

static void continue_slice(struct gdb_target *t)
{
    struct machine_stop ms;
    struct rsp_stop stop;

    memset(&ms, 0, sizeof(ms));
    t->machine->ops->run(t->machine, CONTINUE_SLICE, &ms);
    if (gdb_target_unknown_stop(t, &ms)
        || !gdb_target_translate_stop(t, &ms, &stop)
        || gdb_target_pass_signal(t, &ms))
        return;
    handle_stop(t, &stop, ms.all_ended);
}

/* One turn of the main loop: every stepping thread steps, or (every
 * other turn, when some threads continue beside them) the continuing
 * threads run, the steppers held; neither kind starves the other. */
static gboolean ns_slice(gpointer data)
{
    struct gdb_target *t = data;

    if (t->machine && t->non_stop && t->end != GDB_SESSION_EXITED) {
        GArray *tids;

        forget_dead(t);
        tids = steppers(t);

        if (tids->len == 0) {
            continue_slice(t);
        } else if (t->ns_continue_turn && any_continuing(t)) {
            continue_slice(t);
        } else {
            for (guint i = 0; i < tids->len && t->machine; i++)
                step_slice(t, g_array_index(tids, int64_t, i), tids->len);
        }
        t->ns_continue_turn = !t->ns_continue_turn;
        g_array_unref(tids);
    }
    if (t->machine && t->non_stop && t->end != GDB_SESSION_EXITED
        && gdb_target_ns_running(t))
        return G_SOURCE_CONTINUE;
    t->run_source = 0;
    return G_SOURCE_REMOVE;
}

/* The action of actions that applies to thread mt, or NULL. A step
 * without a thread steps the current thread only, as in all-stop. */
static const struct rsp_resume_action *
action_for(const struct rsp_resume_action *actions, size_t n,
           const struct machine_thread *mt, int64_t current)
{
    for (size_t i = 0; i < n; i++) {
        const struct rsp_resume_action *a = &actions[i];
        if ((a->kind == RSP_RESUME_STEP || a->kind == RSP_RESUME_RANGE_STEP)
            && a->thread.tid <= 0) {
            if (mt->tid == current
                && gdb_target_action_applies(a, mt->pid, mt->tid))
                return a;
            continue;
        }
        if (gdb_target_action_applies(a, mt->pid, mt->tid))
            return a;
    }
    return NULL;
}

/* Resume (or go on with) thread mt as a says. */
static void resume_thread(struct gdb_target *t,
                          const struct machine_thread *mt,
                          const struct rsp_resume_action *a)
{
    struct ns_thread *th = ns_get(t, mt->pid, mt->tid);
    bool was_stopped = th->state == NS_STOPPED;
    struct cpu_state *cpu;

    switch (a->kind) {
    case RSP_RESUME_STEP:
        th->state = NS_STEP;
        break;
    case RSP_RESUME_RANGE_STEP:
        th->state = NS_RANGE;
        th->range_start = a->range_start;
        th->range_end = a->range_end;
        break;
    default:
        th->state = NS_CONTINUE;
        break;
    }
    /* A stepping thread stays held: the machine's step runs it anyway,
     * and a held one is never run by another thread's turn (a plain run,
     * or a step that waits in a system call while the others run), which
     * would move it without watching its step. */
    hold(t, mt->tid, th->state != NS_CONTINUE);
    if (!was_stopped)
        return;     /* it runs already: only its way of running changed */
    th->has_stop = false;
    /* The signal it stopped with is delivered only if resumed with it. */
    gdb_target_set_signal(t, mt->tid, gdb_signal_to_linux(a->signal));
    /* A step passes a breakpoint at its own pc (see gdb-target.c). */
    cpu = t->machine->ops->cpu(t->machine, mt->tid);
    if (cpu && a->kind != RSP_RESUME_CONTINUE)
        cpu->skip_breakpoint_once = true;
}

int gdb_target_ns_resume(struct gdb_target *t,
                         const struct rsp_resume_action *actions,
                         size_t n_actions)
{
    int64_t current = gdb_target_current_tid(t);
    GArray *list, *stopped;

    if (t->end == GDB_SESSION_EXITED || !t->machine) {
        /* Stopping what already ended is no error: in non-stop the
         * debugger's vCont;t may cross the end's notification. */
        for (size_t i = 0; i < n_actions; i++)
            if (actions[i].kind != RSP_RESUME_STOP)
                return -ESRCH;
        return 0;
    }
    if (!t->machine->ops->hold_thread || !t->machine->ops->thread_list)
        return -EOPNOTSUPP;
    for (size_t i = 0; i < n_actions; i++)
        if (gdb_signal_to_linux(actions[i].signal) < 0)
            return -EINVAL;
    gdb_points_settle_fork(t->points, true, gdb_target_cur_pid(t));

    list = live_threads(t);
    stopped = g_array_new(FALSE, FALSE, sizeof(struct rsp_stop));
    for (guint i = 0; i < list->len; i++) {
        const struct machine_thread *mt = &g_array_index(list,
                                                         struct machine_thread,
                                                         i);
        const struct rsp_resume_action *a = action_for(actions, n_actions, mt,
                                                       current);

        if (!a)
            continue;
        if (a->kind != RSP_RESUME_STOP) {
            resume_thread(t, mt, a);
        } else if (ns_state_of(t, mt->tid) != NS_STOPPED) {
            /* vCont;t: stopped where it is, with no signal. */
            struct rsp_stop stop = {
                .kind = RSP_STOP_SIGNAL,
                .signal = 0,
                .thread = { mt->pid, mt->tid },
            };
            mark_stopped(t, mt->pid, mt->tid, &stop);
            g_array_append_val(stopped, stop);
        }
    }
    g_array_unref(list);
    /* Reported once every thread is in its new state. */
    for (guint i = 0; i < stopped->len; i++) {
        const struct rsp_stop *stop = &g_array_index(stopped,
                                                     struct rsp_stop, i);
        gdb_target_note_stop(t, stop, false);
        if (t->conn)
            rsp_conn_report_stop(t->conn, stop);
    }
    g_array_unref(stopped);
    if (!t->run_source && gdb_target_ns_running(t))
        t->run_source = g_idle_add(ns_slice, t);
    return 0;
}

void gdb_target_ns_all_stopped(struct gdb_target *t)
{
    GArray *list;

    if (t->ns_threads)
        g_hash_table_remove_all(t->ns_threads);
    list = live_threads(t);
    for (guint i = 0; list && i < list->len; i++) {
        const struct machine_thread *mt = &g_array_index(list,
                                                         struct machine_thread,
                                                         i);
        bool stopped_here = t->last_stop.kind == RSP_STOP_SIGNAL
                            && t->last_stop.thread.tid == mt->tid;

        mark_stopped(t, mt->pid, mt->tid,
                     stopped_here ? &t->last_stop : NULL);
    }
    if (list)
        g_array_unref(list);
}

void gdb_target_ns_forget(struct gdb_target *t)
{
    if (t->ns_threads) {
        g_hash_table_unref(t->ns_threads);
        t->ns_threads = NULL;
    }
}

int gdb_target_ns_set_mode(struct rsp_target *rt, bool non_stop)
{
    struct gdb_target *t = (struct gdb_target *)rt;

    if (t->mode != RUN_STOPPED || (t->non_stop && gdb_target_ns_running(t)))
        return -EBUSY;
    /* Without holds, threads cannot run apart. */
    if (non_stop && t->machine && (!t->machine->ops->hold_thread
                                   || !t->machine->ops->thread_list))
        return -EOPNOTSUPP;
    gdb_target_ns_forget(t);
    t->non_stop = non_stop;
    if (non_stop)
        gdb_target_ns_all_stopped(t);
    /* Back in all-stop, each resume sets every thread's hold itself. */
    return 0;
}

GArray *gdb_target_ns_stopped_threads(struct rsp_target *rt)
{
    struct gdb_target *t = (struct gdb_target *)rt;
    GArray *out = g_array_new(FALSE, TRUE, sizeof(struct rsp_stop));
    GArray *list = live_threads(t);

    for (guint i = 0; list && i < list->len; i++) {
        const struct machine_thread *mt = &g_array_index(list,
                                                         struct machine_thread,
                                                         i);
        struct ns_thread *th = ns_find(t, mt->tid);
        struct rsp_stop stop = {
            .kind = RSP_STOP_SIGNAL,
            .signal = 0,
            .thread = { mt->pid, mt->tid },
        };

        if (!th || th->state != NS_STOPPED)
            continue;
        if (th->has_stop)
            stop = th->stop;
        /* The thread of the last stop first: gdb makes the first one
         * it hears of its current thread. */
        if (mt->tid == t->last_stop.thread.tid)
            g_array_prepend_val(out, stop);
        else
            g_array_append_val(out, stop);
    }
    if (list)
        g_array_unref(list);
    /* No process at all (extended-remote before vRun) is an empty list:
     * OK, which gdb takes as "no thread is stopped". */
    return out;
}
