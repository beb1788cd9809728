#include "config.h"

#include "server/gdb-target.h"
#include "server/gdb-target-private.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cpu/cpu.h"
#include "rsp/conn.h"
#include "server/gdb-points.h"
#include "server/gdb-regs.h"
#include "server/gdb-signals.h"
#include "server/machine.h"
#include "server/monitor.h"
#include "user/mte.h"
#include "user/process.h"
#include "xml-features/tdesc.h"

static struct gdb_target *target_of(struct rsp_target *rt)
{
    return (struct gdb_target *)rt;
}

/* The thread of the last stop while it lives, else the first one. */
static int64_t current_tid(struct gdb_target *t)
{
    GArray *tids;
    int64_t tid;

    if (!t->machine)
        return 0;
    tids = t->machine->ops->threads(t->machine);
    tid = tids->len ? g_array_index(tids, int64_t, 0) : 0;

    for (guint i = 0; i < tids->len; i++)
        if (g_array_index(tids, int64_t, i) == t->last_stop.thread.tid)
            tid = t->last_stop.thread.tid;
    g_array_unref(tids);
    return tid;
}

static int64_t pid_of(struct gdb_target *t, int64_t tid);

/* The process gdb is most likely talking about (see gdb-points.h). */
static int64_t cur_pid(struct gdb_target *t)
{
    if (!t->machine)
        return 0;
    return t->mem_pid > 0 ? t->mem_pid : t->machine->ops->pid(t->machine);
}

static int64_t pid_of(struct gdb_target *t, int64_t tid)
{
    int64_t pid = 0;

    if (!t->machine)
        return 0;
    if (tid > 0 && t->machine->ops->pid_of)
        pid = t->machine->ops->pid_of(t->machine, tid);
    return pid > 0 ? pid : t->machine->ops->pid(t->machine);
}

static struct cpu_state *cpu_for(struct gdb_target *t, struct rsp_ptid ptid)
{
    /* 0 and -1 mean "any thread": the current one. */
    int64_t tid = ptid.tid > 0 ? ptid.tid : current_tid(t);
    struct cpu_state *cpu;

    if (!t->machine)
        return NULL;   /* no program yet (extended-remote) */
    cpu = t->machine->ops->cpu(t->machine, tid);

    /* A stop makes the stopping thread gdb's general thread (gdb resets
     * its idea of the Hg selection to it, as gdbserver does); rsp/ keeps
     * the last Hg, which may name a thread that has exited since. */
    if (!cpu && ptid.tid > 0 && ptid.tid != current_tid(t)
        && t->last_stop.thread.tid == current_tid(t))
        cpu = t->machine->ops->cpu(t->machine, current_tid(t));
    return cpu;
}

static const struct tdesc *target_tdesc(struct rsp_target *rt)
{
    return target_of(rt)->tdesc;
}

static int target_read_reg(struct rsp_target *rt, struct rsp_ptid thread,
                           unsigned regnum, uint8_t *buf)
{
    struct gdb_target *t = target_of(rt);
    struct cpu_state *cpu = cpu_for(t, thread);

    if (!cpu)
        return -ESRCH;
    if (thread.tid > 0)
        t->mem_pid = pid_of(t, thread.tid);
    return gdb_regs_read(t->regs, cpu, regnum, buf);
}

static int target_write_reg(struct rsp_target *rt, struct rsp_ptid thread,
                            unsigned regnum, const uint8_t *buf)
{
    struct gdb_target *t = target_of(rt);
    struct cpu_state *cpu = cpu_for(t, thread);

    if (!cpu)
        return -ESRCH;
    return gdb_regs_write(t->regs, cpu, regnum, buf);
}

static ssize_t target_read_mem(struct rsp_target *rt, uint64_t addr,
                               uint8_t *buf, size_t len)
{
    struct gdb_target *t = target_of(rt);
    if (!t->machine)
        return -EIO;
    if (t->machine->ops->read_mem_of && t->mem_pid > 0)
        return t->machine->ops->read_mem_of(t->machine, t->mem_pid, addr, buf,
                                            len);
    return t->machine->ops->read_mem(t->machine, addr, buf, len);
}

static int target_write_mem(struct rsp_target *rt, uint64_t addr,
                            const uint8_t *buf, size_t len)
{
    struct gdb_target *t = target_of(rt);
    if (!t->machine)
        return -EIO;
    if (t->machine->ops->write_mem_of && t->mem_pid > 0)
        return t->machine->ops->write_mem_of(t->machine, t->mem_pid, addr,
                                             buf, len);
    return t->machine->ops->write_mem(t->machine, addr, buf, len);
}

static void release_all(struct gdb_target *t);

static void stop_running(struct gdb_target *t)
{
    t->mode = RUN_STOPPED;
    if (t->run_source) {
        g_source_remove(t->run_source);
        t->run_source = 0;
    }
}

/* Whether any thread the debugger follows is left. */
static bool threads_left(struct gdb_target *t)
{
    GArray *tids;
    bool any;

    if (!t->machine)
        return false;
    tids = t->machine->ops->threads(t->machine);
    any = tids->len > 0;

    g_array_unref(tids);
    return any;
}

static void remove_all_points(struct gdb_target *t);
static void update_report(struct gdb_target *t);

static bool pid_in(const GArray *pids, int64_t pid)
{
    for (guint i = 0; pids && i < pids->len; i++)
        if (g_array_index(pids, int64_t, i) == pid)
            return true;
    return false;
}

static void add_pid(GArray **pids, int64_t pid)
{
    if (!*pids)
        *pids = g_array_new(FALSE, FALSE, sizeof(int64_t));
    if (!pid_in(*pids, pid))
        g_array_append_val(*pids, pid);
}

/* What a stop changes besides the running state (all-stop's report, and
 * each thread's stop in non-stop mode). */
void gdb_target_note_stop(struct gdb_target *t, const struct rsp_stop *stop,
                          bool all_ended)
{
    if (stop->kind != RSP_STOP_THREAD_EXITED)
        t->last_stop = *stop;
    if (stop->kind == RSP_STOP_SIGNAL && stop->thread.pid > 0)
        t->mem_pid = stop->thread.pid;
    if (stop->kind == RSP_STOP_SIGNAL && (stop->reason == RSP_REASON_FORK
                                          || stop->reason == RSP_REASON_VFORK)) {
        gdb_points_fork(t->points, stop->thread.pid, stop->child.pid,
                        stop->reason == RSP_REASON_VFORK);
        add_pid(&t->children, stop->child.pid);
    }
    /* A process gone, or one whose image exec replaced (gdb inserts the
     * new program's breakpoints afresh), has none of its own left. */
    if (stop->kind == RSP_STOP_EXITED || stop->kind == RSP_STOP_TERMINATED
        || (stop->kind == RSP_STOP_SIGNAL && stop->reason == RSP_REASON_EXEC))
        gdb_points_purge(t->points, stop->thread.pid);
    /* The session ends with the last process the debugger follows. */
    if ((stop->kind == RSP_STOP_EXITED || stop->kind == RSP_STOP_TERMINATED)
        && (all_ended || !threads_left(t))) {
        t->end = GDB_SESSION_EXITED;
        t->exit_status = stop->kind == RSP_STOP_EXITED
                             ? stop->exit_code
                             : 128 + gdb_signal_to_linux(stop->signal);
        if (!all_ended) {
            /* Processes the debugger let go (a fork parent or child it
             * did not follow) are still running: they run on to their
             * end, as if detached. */
            t->end = GDB_SESSION_DETACHED;
            remove_all_points(t);
            release_all(t);
            t->events = 0;
            update_report(t);
        }
    }
}

static void report(struct gdb_target *t, const struct rsp_stop *stop,
                   bool all_ended)
{
    stop_running(t);
    gdb_target_note_stop(t, stop, all_ended);
    if (t->conn)
        rsp_conn_report_stop(t->conn, stop);
}

static void translate_event(struct gdb_target *t,
                            const struct machine_stop *ms,
                            struct rsp_stop *stop)
{
    switch (ms->event) {
    case MACHINE_EVENT_NONE:
        break;
    case MACHINE_EVENT_THREAD_CREATED:
        stop->reason = RSP_REASON_THREAD_CREATED;
        stop->thread.tid = ms->child_tid;
        break;
    case MACHINE_EVENT_THREAD_EXITED:
        stop->kind = RSP_STOP_THREAD_EXITED;
        stop->exit_code = ms->exit_code;
        break;
    case MACHINE_EVENT_FORK:
    case MACHINE_EVENT_VFORK:
        stop->reason = ms->event == MACHINE_EVENT_FORK ? RSP_REASON_FORK
                                                       : RSP_REASON_VFORK;
        stop->child = (struct rsp_ptid){ ms->child_pid, ms->child_tid };
        break;
    case MACHINE_EVENT_VFORK_DONE:
        stop->reason = RSP_REASON_VFORK_DONE;
        break;
    case MACHINE_EVENT_EXEC:
        stop->reason = RSP_REASON_EXEC;
        stop->exec_path = t->machine->ops->exe_path_of
                              ? t->machine->ops->exe_path_of(t->machine,
                                                             ms->pid)
                              : NULL;
        break;
    case MACHINE_EVENT_SYSCALL_ENTRY:
    case MACHINE_EVENT_SYSCALL_RETURN:
        stop->reason = ms->event == MACHINE_EVENT_SYSCALL_ENTRY
                           ? RSP_REASON_SYSCALL_ENTRY
                           : RSP_REASON_SYSCALL_RETURN;
        stop->syscall_nr = (uint64_t)ms->syscall;
        break;
    }
}

/* Turn a machine stop into the protocol's stop; false for "keep going". */
static bool translate_stop(struct gdb_target *t, const struct machine_stop *ms,
                           struct rsp_stop *stop)
{
    struct cpu_state *cpu;

    memset(stop, 0, sizeof *stop);
    stop->kind = RSP_STOP_SIGNAL;
    stop->thread.pid = ms->pid > 0 ? ms->pid : pid_of(t, ms->tid);
    stop->thread.tid = ms->tid;
    stop->signal = gdb_signal_from_linux(5); /* SIGTRAP */

    switch (ms->kind) {
    case MACHINE_STOP_BUDGET:
        return false;
    case MACHINE_STOP_EXITED:
        stop->kind = RSP_STOP_EXITED;
        stop->exit_code = ms->exit_code;
        return true;
    case MACHINE_STOP_KILLED:
        stop->kind = RSP_STOP_TERMINATED;
        stop->signal = gdb_signal_from_linux(ms->signal);
        return true;
    case MACHINE_STOP_SIGNAL:
        stop->signal = gdb_signal_from_linux(ms->signal);
        translate_event(t, ms, stop);
        if (ms->replay_end)
            stop->reason = RSP_REASON_REPLAY_END;
        return true;
    case MACHINE_STOP_BREAKPOINT:
        cpu = t->machine->ops->cpu(t->machine, ms->tid);
        stop->reason = cpu && gdb_points_has(t->points, RSP_BREAK_HW, cpu->pc)
                               && !gdb_points_has(t->points, RSP_BREAK_SW,
                                                  cpu->pc)
                           ? RSP_REASON_HWBREAK
                           : RSP_REASON_SWBREAK;
        return true;
    case MACHINE_STOP_WATCHPOINT:
        stop->reason = gdb_points_watch_reason(t->points, ms->addr,
                                               ms->watch_kind,
                                               &stop->watch_addr);
        return true;
    case MACHINE_STOP_INTERRUPTED:
        stop->signal = gdb_signal_from_linux(2); /* SIGINT */
        return true;
    }
    return false;
}

static bool pc_in_range(struct gdb_target *t)
{
    struct cpu_state *cpu = t->machine->ops->cpu(t->machine, t->step_tid);
    return cpu && cpu->pc >= t->range_start && cpu->pc < t->range_end;
}

/* Let the first instruction of a step pass a breakpoint at its own pc, for
 * debuggers that step without removing it. Watchpoints are not passed: a
 * step whose instruction writes a watched location must report it, as
 * AArch64 hardware does (gdb removes the watchpoint itself when it steps
 * over one that already stopped). */
static void pass_debug_stop_once(struct gdb_target *t)
{
    struct cpu_state *cpu = t->machine->ops->cpu(t->machine, t->step_tid);

    if (cpu)
        cpu->skip_breakpoint_once = true;
}

static void set_signal(struct gdb_target *t, int64_t tid, int sig)
{
    if (t->machine->ops->set_thread_signal)
        t->machine->ops->set_thread_signal(t->machine, tid, sig);
    else
        t->machine->ops->set_signal(t->machine, sig);
}

/* A signal stop the debugger asked not to see (QPassSignals): deliver
 * it, or drop it if QProgramSignals does not allow it, and keep going.
 * Only while continuing, and never SIGTRAP (as gdbserver: a step, or a
 * trap the debugger must judge, needs the debugger). */
static bool pass_signal_on(struct gdb_target *t, const struct machine_stop *ms)
{
    int gdb_sig;

    if (ms->kind != MACHINE_STOP_SIGNAL || ms->signal == 5)
        return false;
    gdb_sig = gdb_signal_from_linux(ms->signal);
    if (gdb_sig <= 0 || gdb_sig >= RSP_SIGNAL_COUNT || !t->pass_signals[gdb_sig])
        return false;
    if (t->program_signals_given && !t->program_signals[gdb_sig])
        set_signal(t, ms->tid, 0);
    else
        set_signal(t, ms->tid, ms->signal);
    return true;
}

static void target_pass_signals(struct rsp_target *rt, const bool *set)
{
    memcpy(target_of(rt)->pass_signals, set,
           sizeof(target_of(rt)->pass_signals));
}

static void target_program_signals(struct rsp_target *rt, const bool *set)
{
    struct gdb_target *t = target_of(rt);

    memcpy(t->program_signals, set, sizeof(t->program_signals));
    t->program_signals_given = true;
}

/* One instruction of the stepping thread. True when it is done (or
 * something else stopped): *ms says which. */
static bool step_once(struct gdb_target *t, struct machine_stop *ms)
{
    if (t->machine->ops->step)
        t->machine->ops->step(t->machine, t->step_tid, ms);
    else
        t->machine->ops->run(t->machine, 1, ms);
    return !ms->waiting;
}

/* The step is over: a SIGTRAP stop of the stepping thread. */
static void step_done(struct gdb_target *t, struct rsp_stop *stop)
{
    translate_stop(t, &(struct machine_stop){ .kind = MACHINE_STOP_SIGNAL,
                                              .signal = 5,
                                              .tid = t->step_tid },
                   stop);
}

static bool known_process(struct gdb_target *t, int64_t pid)
{
    if (pid_in(t->let_go, pid))
        return false;
    return pid == t->machine->ops->pid(t->machine)
           || pid_in(t->children, pid);
}

/* A stop of a process the debugger does not know (one it let go of or
 * killed, or was never told of: a child of one it let go of): not for
 * it; gdb fails an assertion on an inferior it does not know. Such a
 * stop is an end, or an event queued before the debugger let the
 * process go (vforkdone of a vfork child it killed). True: skip it and
 * go on. When nothing at all is left, the end is reported as the end of
 * the process the debugger resumed. */
static bool unknown_stop(struct gdb_target *t, struct machine_stop *ms)
{
    int64_t pid;

    if (ms->kind == MACHINE_STOP_BUDGET || ms->kind == MACHINE_STOP_INTERRUPTED)
        return false;
    pid = ms->pid > 0 ? ms->pid : pid_of(t, ms->tid);
    if (known_process(t, pid))
        return false;
    if (!ms->all_ended)
        return true;
    if (t->last_stop.thread.pid > 0
        && known_process(t, t->last_stop.thread.pid)) {
        ms->pid = t->last_stop.thread.pid;
        ms->tid = t->last_stop.thread.pid;
    }
    return false;
}

static gboolean run_slice(gpointer data)
{
    struct gdb_target *t = data;
    struct machine_stop ms;
    struct rsp_stop stop;

    if (t->interrupt_pending) {
        t->interrupt_pending = false;
        ms = (struct machine_stop){ .kind = MACHINE_STOP_INTERRUPTED,
                                    .tid = current_tid(t) };
        translate_stop(t, &ms, &stop);
        t->run_source = 0;
        report(t, &stop, false);
        return G_SOURCE_REMOVE;
    }

    memset(&ms, 0, sizeof(ms));
    switch (t->mode) {
    case RUN_CONTINUE:
        t->machine->ops->run(t->machine, CONTINUE_SLICE, &ms);
        if (unknown_stop(t, &ms) || !translate_stop(t, &ms, &stop)
            || pass_signal_on(t, &ms))
            return G_SOURCE_CONTINUE;
        break;
    case RUN_STEP:
        if (!step_once(t, &ms) || unknown_stop(t, &ms))
            return G_SOURCE_CONTINUE;   /* it waits in a syscall, or the
                                           step has not run yet */
        if (!translate_stop(t, &ms, &stop))
            step_done(t, &stop);
        break;
    case RUN_RANGE:
        for (int i = 0; i < RANGE_STEP_SLICE; i++) {
            if (!step_once(t, &ms))
                return G_SOURCE_CONTINUE;
            if (unknown_stop(t, &ms))
                continue;
            if (translate_stop(t, &ms, &stop))
                goto stopped;
            if (!pc_in_range(t)) {
                step_done(t, &stop);
                goto stopped;
            }
        }
        return G_SOURCE_CONTINUE;
    case RUN_STOPPED:
        t->run_source = 0;
        return G_SOURCE_REMOVE;
    }
stopped:
    t->run_source = 0;
    report(t, &stop, ms.all_ended);
    return G_SOURCE_REMOVE;
}

static bool action_applies(const struct rsp_resume_action *a, int64_t pid,
                           int64_t tid)
{
    return (a->thread.pid <= 0 || a->thread.pid == pid) &&
           (a->thread.tid <= 0 || a->thread.tid == tid);
}

/* All-stop: the first step action (s, r) steps its thread while the
 * others stay put (they run only while it waits in a system call);
 * otherwise the continue actions resume the threads they name. Threads
 * no action names are held. Signals go to the threads the actions name. */
static int target_resume(struct rsp_target *rt,
                         const struct rsp_resume_action *actions,
                         size_t n_actions)
{
    struct gdb_target *t = target_of(rt);
    int64_t tid = current_tid(t);
    const struct rsp_resume_action *step = NULL, *cont = NULL;

    if (t->non_stop)
        return gdb_target_ns_resume(t, actions, n_actions);
    if (t->end == GDB_SESSION_EXITED || !t->machine)
        return -ESRCH;
    gdb_points_settle_fork(t->points, true, cur_pid(t));
    for (size_t i = 0; i < n_actions; i++) {
        const struct rsp_resume_action *a = &actions[i];
        if (gdb_signal_to_linux(a->signal) < 0)
            return -EINVAL;
        if (a->kind == RSP_RESUME_STEP || a->kind == RSP_RESUME_RANGE_STEP) {
            if (!step)
                step = a;
        } else if (a->kind == RSP_RESUME_CONTINUE) {
            if (!cont)
                cont = a;
        }
    }
    if (!step && !cont)
        return -EINVAL;

    /* Threads no action resumes stay stopped (another inferior while
     * schedule-multiple is off, or scheduler-locking). */
    if (t->machine->ops->hold_thread && t->machine->ops->thread_list) {
        GArray *list = t->machine->ops->thread_list(t->machine);
        for (guint i = 0; i < list->len; i++) {
            struct machine_thread *mt =
                &g_array_index(list, struct machine_thread, i);
            bool resumed = false;
            for (size_t j = 0; j < n_actions && !resumed; j++) {
                const struct rsp_resume_action *a = &actions[j];
                if (a->kind == RSP_RESUME_STOP)
                    continue;
                if (a->kind != RSP_RESUME_CONTINUE
                    && a->thread.tid <= 0) {
                    /* A wildcard step steps the current thread only. */
                    resumed = mt->tid == tid;
                    continue;
                }
                resumed = action_applies(a, mt->pid, mt->tid);
            }
            t->machine->ops->hold_thread(t->machine, mt->tid, !resumed);
        }
        g_array_unref(list);
    }

    /* Signals: an action for one thread gives it its signal; a wildcard
     * action's signal goes to the current thread. */
    for (size_t i = 0; i < n_actions; i++) {
        const struct rsp_resume_action *a = &actions[i];
        int sig = gdb_signal_to_linux(a->signal);
        int64_t to = a->thread.tid > 0 ? a->thread.tid : tid;
        bool seen = false;

        for (size_t j = 0; j < i; j++)
            seen |= action_applies(&actions[j], pid_of(t, to), to);
        if (!seen)
            set_signal(t, to, sig);
    }

    if (step) {
        t->step_tid = step->thread.tid > 0 ? step->thread.tid : tid;
        if (step->kind == RSP_RESUME_STEP) {
            t->mode = RUN_STEP;
        } else {
            t->mode = RUN_RANGE;
            t->range_start = step->range_start;
            t->range_end = step->range_end;
            /* The first instruction always runs, even outside the range. */
            pass_debug_stop_once(t);
        }
    } else {
        t->mode = RUN_CONTINUE;
    }
    if (t->mode == RUN_STEP)
        pass_debug_stop_once(t);
    if (!t->run_source)
        t->run_source = g_idle_add(run_slice, t);
    return 0;
}

/* ---- Shared with the non-stop loop (gdb-target-private.h) ---------- */

int64_t gdb_target_current_tid(struct gdb_target *t)
{
    return current_tid(t);
}

int64_t gdb_target_cur_pid(struct gdb_target *t)
{
    return cur_pid(t);
}

bool gdb_target_translate_stop(struct gdb_target *t,
                               const struct machine_stop *ms,
                               struct rsp_stop *stop)
{
    return translate_stop(t, ms, stop);
}

bool gdb_target_unknown_stop(struct gdb_target *t, struct machine_stop *ms)
{
    return unknown_stop(t, ms);
}

bool gdb_target_pass_signal(struct gdb_target *t,
                            const struct machine_stop *ms)
{
    return pass_signal_on(t, ms);
}

void gdb_target_set_signal(struct gdb_target *t, int64_t tid, int sig)
{
    set_signal(t, tid, sig);
}

bool gdb_target_action_applies(const struct rsp_resume_action *a,
                               int64_t pid, int64_t tid)
{
    return action_applies(a, pid, tid);
}

void gdb_target_set_interrupt_poll(struct gdb_target *t,
                                   gdb_interrupt_poll poll, void *data)
{
    t->interrupt_poll = poll;
    t->interrupt_poll_data = data;
}

bool gdb_target_interrupt_requested(struct gdb_target *t)
{
    return t->interrupt_poll && t->interrupt_poll(t->interrupt_poll_data);
}

static void target_interrupt(struct rsp_target *rt)
{
    struct gdb_target *t = target_of(rt);

    if (t->mode != RUN_STOPPED)
        t->interrupt_pending = true;
}

static void target_select_thread(struct rsp_target *rt, struct rsp_ptid thread)
{
    struct gdb_target *t = target_of(rt);
    int64_t pid = thread.tid > 0 ? pid_of(t, thread.tid) : thread.pid;

    if (t->machine && pid > 0)
        t->mem_pid = pid;
}

static int target_insert_break(struct rsp_target *rt, enum rsp_break_type type,
                               uint64_t addr, uint64_t kind)
{
    struct gdb_target *t = target_of(rt);

    if (!t->machine || !t->machine->ops->cpu(t->machine, 0))
        return -ESRCH;
    return gdb_points_insert(t->points, type, addr, kind, cur_pid(t));
}

static int target_remove_break(struct rsp_target *rt, enum rsp_break_type type,
                               uint64_t addr, uint64_t kind)
{
    struct gdb_target *t = target_of(rt);

    if (!t->points)
        return -ESRCH;
    return gdb_points_remove(t->points, type, addr, kind, cur_pid(t));
}

static void remove_all_points(struct gdb_target *t)
{
    if (t->points)
        gdb_points_clear(t->points);
}

static GArray *target_threads(struct rsp_target *rt)
{
    struct gdb_target *t = target_of(rt);
    GArray *out = g_array_new(FALSE, TRUE, sizeof(struct rsp_thread_info));
    GArray *list;

    if (!t->machine)
        return out;
    if (!t->machine->ops->thread_list) {
        GArray *tids = t->machine->ops->threads(t->machine);
        const char *exe = t->machine->ops->exe_path(t->machine);
        g_autofree char *base = g_path_get_basename(exe ? exe : "backstep");

        for (guint i = 0; i < tids->len; i++) {
            struct rsp_thread_info info = {
                .ptid = { t->machine->ops->pid(t->machine),
                          g_array_index(tids, int64_t, i) },
                /* Linux truncates a thread's name (comm) to 15 bytes. */
                .name = g_strndup(base, 15),
            };
            g_array_append_val(out, info);
        }
        g_array_unref(tids);
        return out;
    }
    list = t->machine->ops->thread_list(t->machine);
    for (guint i = 0; i < list->len; i++) {
        struct machine_thread *mt = &g_array_index(list, struct machine_thread, i);
        struct rsp_thread_info info = {
            .ptid = { mt->pid, mt->tid },
            .name = g_strndup(mt->name, sizeof(mt->name)),
        };
        g_array_append_val(out, info);
    }
    g_array_unref(list);
    return out;
}

/* Which events the machine reports, from what the debugger enabled. */
static void update_report(struct gdb_target *t)
{
    unsigned mask = 0;

    if (!t->machine || !t->machine->ops->set_report)
        return;
    if (t->events & RSP_EVENT_THREADS)
        mask |= MACHINE_REPORT_THREADS;
    if (t->events & (RSP_EVENT_FORK | RSP_EVENT_VFORK)) {
        /* A debugger that sees forks sees each process end too. */
        mask |= MACHINE_REPORT_FORKS | MACHINE_REPORT_PROCESS_EXIT;
    }
    if (t->events & RSP_EVENT_EXEC)
        mask |= MACHINE_REPORT_EXEC;
    if (t->catching_syscalls)
        mask |= MACHINE_REPORT_SYSCALLS;
    t->machine->ops->set_report(t->machine, mask);
}

static unsigned target_event_support(struct rsp_target *rt)
{
    struct gdb_target *t = target_of(rt);

    /* Before the first vRun: what the user machines runs build have. */
    if (!t->machine)
        return t->make_machine ? RSP_EVENT_FORK | RSP_EVENT_VFORK
                                     | RSP_EVENT_EXEC | RSP_EVENT_THREADS
                               : 0;
    if (!t->machine->ops->set_report || !t->machine->ops->set_debugged)
        return 0;
    return RSP_EVENT_FORK | RSP_EVENT_VFORK | RSP_EVENT_EXEC
           | RSP_EVENT_THREADS;
}

static void target_set_events(struct rsp_target *rt, unsigned events)
{
    struct gdb_target *t = target_of(rt);

    t->events = events;
    update_report(t);
}

static int target_catch_syscalls(struct rsp_target *rt, bool enable,
                                 const uint64_t *nrs, size_t n)
{
    struct gdb_target *t = target_of(rt);
    int *numbers;

    if (!t->machine)
        return -ESRCH;
    if (!t->machine->ops->catch_syscalls || !t->machine->ops->set_report)
        return -EOPNOTSUPP;
    numbers = g_new0(int, n ? n : 1);

    for (size_t i = 0; i < n; i++)
        numbers[i] = nrs[i] > 100000 ? -1 : (int)nrs[i];
    t->catching_syscalls = enable;
    t->machine->ops->catch_syscalls(t->machine, enable && n == 0, numbers,
                                    enable ? n : 0);
    g_free(numbers);
    update_report(t);
    return 0;
}

/* D;PID: that process runs on by itself (a fork child gdb does not
 * follow); the last one followed is a detach of the whole session. */
static void target_detach(struct rsp_target *rt);

/* Whether the debugger follows process pid (*found) and others too. */
static void followed(struct gdb_target *t, int64_t pid, bool *found,
                     bool *others)
{
    GArray *list = t->machine->ops->thread_list(t->machine);

    *found = *others = false;
    for (guint i = 0; i < list->len; i++) {
        struct machine_thread *mt = &g_array_index(list, struct machine_thread, i);
        if (mt->pid == pid)
            *found = true;
        else
            *others = true;
    }
    g_array_unref(list);
}

/* The debugger is done with process pid: forget its points. */
static void forget_process(struct gdb_target *t, int64_t pid)
{
    add_pid(&t->let_go, pid);
    gdb_points_settle_fork(t->points, false, pid);
    gdb_points_purge(t->points, pid);
    if (t->mem_pid == pid)
        t->mem_pid = 0;
}

static int target_detach_process(struct rsp_target *rt, int64_t pid)
{
    struct gdb_target *t = target_of(rt);
    GArray *list;
    bool found, others;

    if (!t->machine)
        return -ESRCH;
    if (!t->machine->ops->thread_list || !t->machine->ops->set_debugged)
        return pid == t->machine->ops->pid(t->machine)
                   ? (target_detach(rt), 0)
                   : -ESRCH;
    followed(t, pid, &found, &others);
    if (!found)
        /* Let go already: gdb detaches again from a fork child whose
         * fork it sees again when replaying history. */
        return pid_in(t->let_go, pid) ? 0 : -ESRCH;
    if (!others) {
        target_detach(rt);
        return 0;
    }
    /* Its threads run on, unheld; then nobody follows them. */
    list = t->machine->ops->thread_list(t->machine);
    for (guint i = 0; i < list->len; i++) {
        struct machine_thread *mt = &g_array_index(list, struct machine_thread, i);
        if (mt->pid == pid && t->machine->ops->hold_thread)
            t->machine->ops->hold_thread(t->machine, mt->tid, false);
    }
    g_array_unref(list);
    t->machine->ops->set_debugged(t->machine, pid, false);
    forget_process(t, pid);
    return 0;
}

static void target_kill(struct rsp_target *rt);

/* vKill;PID: that process ends as SIGKILL ends it (gdb's `kill inferior
 * N`, or the fork child of an inferior it kills); the last one followed
 * is a kill of the whole session. */
static int target_kill_process(struct rsp_target *rt, int64_t pid)
{
    struct gdb_target *t = target_of(rt);
    bool found, others;
    int err;

    if (!t->machine)
        return -ESRCH;
    if (!t->machine->ops->thread_list || !t->machine->ops->kill_process)
        return pid == t->machine->ops->pid(t->machine)
                   ? (target_kill(rt), 0)
                   : -ESRCH;
    followed(t, pid, &found, &others);
    if (!found)
        return pid_in(t->let_go, pid) ? 0 : -ESRCH;   /* killed already */
    if (!others) {
        target_kill(rt);
        return 0;
    }
    err = t->machine->ops->kill_process(t->machine, pid);
    if (err < 0)
        return err;
    forget_process(t, pid);
    return 0;
}

static void target_last_stop(struct rsp_target *rt, struct rsp_stop *stop)
{
    *stop = target_of(rt)->last_stop;
}

static GBytes *target_xfer_read(struct rsp_target *rt, const char *object,
                                const char *annex, int *err)
{
    struct gdb_target *t = target_of(rt);

    if (!t->machine) {
        *err = -ESRCH;
        return NULL;
    }
    if (!strcmp(object, "auxv")) {
        GBytes *auxv = t->machine->ops->auxv(t->machine);
        if (!auxv)
            *err = -EIO;
        return auxv;
    }
    if (!strcmp(object, "siginfo")) {
        /* Only a signal stop has one; a breakpoint or step does not. */
        uint8_t info[MACHINE_SIGINFO_SIZE];
        if (t->last_stop.kind != RSP_STOP_SIGNAL || !t->machine->ops->siginfo
            || !t->machine->ops->siginfo(t->machine, t->last_stop.thread.tid,
                                         info)) {
            *err = -EIO;
            return NULL;
        }
        return g_bytes_new(info, sizeof(info));
    }
    if (!strcmp(object, "osdata")) {
        GBytes *xml = t->machine->ops->osdata
                          ? t->machine->ops->osdata(t->machine, annex ? annex
                                                                      : "")
                          : NULL;
        if (!xml)
            *err = -EOPNOTSUPP;
        return xml;
    }
    if (!strcmp(object, "exec-file")) {
        /* annex: the pid in hex, or empty for the current process. */
        int64_t pid = annex && *annex ? (int64_t)g_ascii_strtoll(annex, NULL, 16)
                                      : t->mem_pid;
        const char *exe = t->machine->ops->exe_path_of && pid > 0
                              ? t->machine->ops->exe_path_of(t->machine, pid)
                              : t->machine->ops->exe_path(t->machine);
        if (!exe) {
            *err = -ENOENT;
            return NULL;
        }
        return g_bytes_new(exe, strlen(exe));
    }
    *err = -EOPNOTSUPP;
    return NULL;
}

/* Linux's SIGSTOP and SI_TKILL: what PTRACE_GETSIGINFO shows for a
 * thread gdbserver stopped with tkill in all-stop mode. */
#define LINUX_SIGSTOP 19
#define LINUX_SI_TKILL (-6)

/* $_siginfo of one thread (the Hg one): the signal it stopped for; a
 * thread that stopped only because another did shows SIGSTOP, as under
 * gdbserver. The thread of the last stop without a signal (a breakpoint,
 * a step) has none. */
static int target_siginfo_read(struct rsp_target *rt, struct rsp_ptid thread,
                               uint8_t *buf)
{
    struct gdb_target *t = target_of(rt);
    int64_t tid = thread.tid > 0 ? thread.tid : current_tid(t);
    int32_t word[4] = { LINUX_SIGSTOP, 0, LINUX_SI_TKILL, 0 };

    if (!t->machine)
        return -ESRCH;
    if (!t->machine->ops->cpu(t->machine, tid))
        return -ESRCH;
    if (t->machine->ops->siginfo && t->machine->ops->siginfo(t->machine, tid,
                                                             buf))
        return 0;
    if (tid == t->last_stop.thread.tid)
        return -ENODATA;
    memset(buf, 0, MACHINE_SIGINFO_SIZE);
    memcpy(buf, word, sizeof(word));   /* si_signo, si_errno, si_code */
    return 0;
}

/* $_siginfo written (gdb's `p $_siginfo.si_code = ...`, and its restore
 * after an inferior call): what the thread's handler will get. */
static int target_siginfo_write(struct rsp_target *rt, struct rsp_ptid thread,
                                uint64_t offset, const uint8_t *data,
                                size_t len)
{
    struct gdb_target *t = target_of(rt);
    int64_t tid = thread.tid > 0 ? thread.tid : current_tid(t);

    if (!t->machine)
        return -ESRCH;
    if (!t->machine->ops->set_siginfo)
        return -EOPNOTSUPP;
    return t->machine->ops->set_siginfo(t->machine, tid, offset, data, len);
}

static int target_monitor(struct rsp_target *rt, const char *command,
                          GString *out)
{
    struct gdb_target *t = target_of(rt);

    if (!t->machine) {
        g_string_append(out, "No program is running (start one with run).\n");
        return 0;
    }
    if (t->reverse.before_monitor)
        t->reverse.before_monitor(t->reverse.data, t->machine);
    return monitor_run(t->machine, command, out);
}

static int target_reverse(struct rsp_target *rt, enum rsp_reverse_kind kind,
                          struct rsp_ptid thread, struct rsp_stop *stop)
{
    struct gdb_target *t = target_of(rt);

    if (!t->machine)
        return -ESRCH;
    return t->reverse.reverse(t->reverse.data, t->machine, kind, thread.tid,
                              stop);
}

void gdb_target_set_reverse(struct gdb_target *t,
                            const struct gdb_reverse_hooks *hooks)
{
    t->reverse = *hooks;
    t->ops.reverse = hooks->reverse ? target_reverse : NULL;
}

static void drop_machine(struct gdb_target *t);

static void target_kill(struct rsp_target *rt)
{
    struct gdb_target *t = target_of(rt);

    stop_running(t);
    gdb_target_ns_forget(t);
    if (t->end == GDB_SESSION_ACTIVE) {
        t->end = GDB_SESSION_KILLED;
        t->exit_status = 128 + 9;
    }
    /* extended-remote: no process is left until the next vRun. */
    if (t->make_machine)
        drop_machine(t);
}

static void release_all(struct gdb_target *t)
{
    GArray *list;

    if (!t->machine || !t->machine->ops->hold_thread
        || !t->machine->ops->thread_list)
        return;
    list = t->machine->ops->thread_list(t->machine);
    for (guint i = 0; i < list->len; i++)
        t->machine->ops->hold_thread(
            t->machine, g_array_index(list, struct machine_thread, i).tid,
            false);
    g_array_unref(list);
}

static void target_detach(struct rsp_target *rt)
{
    struct gdb_target *t = target_of(rt);

    stop_running(t);
    gdb_target_ns_forget(t);
    remove_all_points(t);
    release_all(t);
    /* Running on its own, the program stops for nothing of ours. */
    t->events = 0;
    if (t->catching_syscalls && t->machine)
        target_catch_syscalls(rt, false, NULL, 0);
    update_report(t);
    if (t->end == GDB_SESSION_ACTIVE)
        t->end = GDB_SESSION_DETACHED;
}

static int64_t target_pid(struct rsp_target *rt)
{
    struct gdb_target *t = target_of(rt);
    return t->machine ? t->machine->ops->pid(t->machine) : 0;
}

/* vFile's files: opened read-only where the program itself would find
 * them (the machine's host_path); a handle indexes t->files, so the
 * debugger can reach no fd but the ones it opened. */
#define MAX_VFILE_HANDLES 64

/* The guest pid a /proc path names ("/proc/1001/maps", "/proc/self/...")
 * and the file's name in it, or 0 when it names no guest process (the
 * host's /proc/PID is not the guest's). */
static int64_t guest_proc_path(struct gdb_target *t, const char *path,
                               const char **name)
{
    const char *p;
    char *end;
    int64_t pid;

    if (!g_str_has_prefix(path, "/proc/"))
        return 0;
    p = path + strlen("/proc/");
    if (g_str_has_prefix(p, "self/")) {
        pid = cur_pid(t);
        end = (char *)p + strlen("self");
    } else {
        if (!g_ascii_isdigit(*p))
            return 0;
        pid = (int64_t)g_ascii_strtoll(p, &end, 10);
        if (*end != '/' || pid <= 0)
            return 0;
        if (t->machine->ops->pid_of ? t->machine->ops->pid_of(t->machine, pid)
                                          != pid
                                    : pid != t->machine->ops->pid(t->machine))
            return 0;
    }
    *name = end + 1;
    return pid;
}

/* /proc/PID/{maps,smaps,cmdline,stat,status,auxv} of a guest process:
 * an unlinked file holding what the machine builds. -ENOENT for other
 * paths (they are looked up as files). */
static int open_proc_file(struct gdb_target *t, const char *path)
{
    static const char *const built[] = { "maps", "smaps", "cmdline", "stat",
                                         "status", "auxv" };
    const char *name = NULL;
    int64_t pid = guest_proc_path(t, path, &name);
    GBytes *data;
    const void *bytes;
    gsize len;
    FILE *f;
    int fd;
    bool known = false;

    if (!pid || !t->machine->ops->proc_file)
        return -ENOENT;
    /* The guest's own opens of /proc/self/ reach backstep's (user/path.c):
     * a coredump_filter the program set is there, shared by all its
     * processes. */
    if (strcmp(name, "coredump_filter") == 0) {
        fd = open("/proc/self/coredump_filter", O_RDONLY | O_CLOEXEC);
        return fd < 0 ? -errno : fd;
    }
    for (size_t i = 0; i < G_N_ELEMENTS(built); i++)
        known |= strcmp(name, built[i]) == 0;
    if (!known)
        return -ENOENT;
    data = t->machine->ops->proc_file(t->machine, pid, name);
    if (!data)
        return -EACCES;   /* not the host's file of that name either */
    bytes = g_bytes_get_data(data, &len);
    f = tmpfile();
    if (!f || (len && fwrite(bytes, 1, len, f) != len) || fflush(f) != 0) {
        if (f)
            fclose(f);
        g_bytes_unref(data);
        return -EIO;
    }
    g_bytes_unref(data);
    fd = dup(fileno(f));
    fclose(f);
    return fd < 0 ? -errno : fd;
}

static int target_file_open(struct rsp_target *rt, const char *path)
{
    struct gdb_target *t = target_of(rt);
    char *host;
    int fd, err;

    if (!t->machine || !t->machine->ops->host_path)
        return -EOPNOTSUPP;
    fd = open_proc_file(t, path);
    if (fd == -ENOENT) {
        host = t->machine->ops->host_path(t->machine, path);
        if (!host)
            return -ENOENT;
        /* O_NONBLOCK: a FIFO must not hang the server. */
        fd = open(host, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
        err = errno;
        g_free(host);
        if (fd < 0)
            return -err;
    } else if (fd < 0) {
        return fd;
    }
    for (guint i = 0; i < t->files->len; i++) {
        if (g_array_index(t->files, int, i) < 0) {
            g_array_index(t->files, int, i) = fd;
            return (int)i;
        }
    }
    if (t->files->len >= MAX_VFILE_HANDLES) {
        close(fd);
        return -EMFILE;
    }
    g_array_append_val(t->files, fd);
    return (int)t->files->len - 1;
}

static int file_fd(struct gdb_target *t, int handle)
{
    if (handle < 0 || (guint)handle >= t->files->len
        || g_array_index(t->files, int, handle) < 0)
        return -EBADF;
    return g_array_index(t->files, int, handle);
}

static ssize_t target_file_pread(struct rsp_target *rt, int handle,
                                 uint8_t *buf, size_t len, uint64_t offset)
{
    int fd = file_fd(target_of(rt), handle);
    ssize_t n;

    if (fd < 0)
        return fd;
    if (offset > INT64_MAX)
        return -EINVAL;
    n = pread(fd, buf, len, (off_t)offset);
    return n < 0 ? -errno : n;
}

static int target_file_fstat(struct rsp_target *rt, int handle,
                             struct stat *st)
{
    int fd = file_fd(target_of(rt), handle);

    if (fd < 0)
        return fd;
    return fstat(fd, st) < 0 ? -errno : 0;
}

static int target_file_close(struct rsp_target *rt, int handle)
{
    struct gdb_target *t = target_of(rt);
    int fd = file_fd(t, handle);

    if (fd < 0)
        return fd;
    g_array_index(t->files, int, handle) = -1;
    return close(fd) < 0 ? -errno : 0;
}

static ssize_t target_file_readlink(struct rsp_target *rt, const char *path,
                                    char *buf, size_t size)
{
    struct gdb_target *t = target_of(rt);
    char *host;
    const char *name = NULL, *exe;
    int64_t pid;
    ssize_t n;
    int err;

    if (!t->machine || !t->machine->ops->host_path)
        return -EOPNOTSUPP;
    /* A guest process's links: its program, and the working directory it
     * shares with backstep (chdir is the host's). */
    pid = guest_proc_path(t, path, &name);
    if (pid && (!strcmp(name, "exe") || !strcmp(name, "cwd"))) {
        g_autofree char *cwd = NULL;
        if (!strcmp(name, "exe"))
            exe = t->machine->ops->exe_path_of
                      ? t->machine->ops->exe_path_of(t->machine, pid)
                      : t->machine->ops->exe_path(t->machine);
        else
            exe = cwd = g_get_current_dir();
        if (!exe)
            return -ENOENT;
        n = (ssize_t)MIN(strlen(exe), size);
        memcpy(buf, exe, (size_t)n);
        return n;
    }
    host = t->machine->ops->host_path(t->machine, path);
    if (!host)
        return -ENOENT;
    n = readlink(host, buf, size);
    err = errno;
    g_free(host);
    return n < 0 ? -err : n;
}

static void close_all_files(struct gdb_target *t)
{
    for (guint i = 0; i < t->files->len; i++) {
        int fd = g_array_index(t->files, int, i);
        if (fd >= 0)
            close(fd);
    }
    g_array_set_size(t->files, 0);
}

static const char *target_triple(struct rsp_target *rt)
{
    return "aarch64-unknown-linux-gnu";
}

/* What '?' says while no program runs: gdbserver --multi's "W00". */
static void set_no_process_stop(struct gdb_target *t)
{
    t->last_stop = (struct rsp_stop){ .kind = RSP_STOP_EXITED };
}

/* The stop of a program that waits before its first instruction, as if it
 * had just taken a SIGTRAP (what gdbserver reports after exec). */
static void set_initial_stop(struct gdb_target *t)
{
    t->last_stop = (struct rsp_stop){
        .kind = RSP_STOP_SIGNAL,
        .signal = gdb_signal_from_linux(5),
        .thread = { t->machine->ops->pid(t->machine), current_tid(t) },
    };
}

/* Forget the machine and everything about its processes (the target owns
 * it: there is a factory). */
static void drop_machine(struct gdb_target *t)
{
    stop_running(t);
    gdb_target_ns_forget(t);
    gdb_points_free(t->points);
    t->points = NULL;
    close_all_files(t);
    if (t->machine)
        t->machine->ops->free(t->machine);
    t->machine = NULL;
    t->mem_pid = 0;
    t->interrupt_pending = false;
    if (t->let_go)                      /* pids start again */
        g_array_set_size(t->let_go, 0);
    if (t->children)
        g_array_set_size(t->children, 0);
    set_no_process_stop(t);
}

/* The environment of a run: base less req's unset names, then req's
 * NAME=VALUE strings (replacing a same-named one). */
static char **run_environment(char *const *base,
                              const struct rsp_run_request *req)
{
    GPtrArray *env = g_ptr_array_new();

    for (char *const *e = base; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        size_t name_len = eq ? (size_t)(eq - *e) : strlen(*e);
        bool dropped = false;

        for (char *const *u = req->env_unset; u && *u && !dropped; u++)
            dropped = strlen(*u) == name_len && !strncmp(*u, *e, name_len);
        for (char *const *v = req->env_set; v && *v && !dropped; v++)
            dropped = !strncmp(*v, *e, name_len) && (*v)[name_len] == '=';
        if (!dropped)
            g_ptr_array_add(env, g_strdup(*e));
    }
    for (char *const *v = req->env_set; v && *v; v++)
        g_ptr_array_add(env, g_strdup(*v));
    g_ptr_array_add(env, NULL);
    return (char **)g_ptr_array_free(env, FALSE);
}

/* vRun / R: a new machine for the request, stopped before its first
 * instruction; the old one is killed first (as gdbserver does). A
 * program that cannot be started leaves no process. */
static int target_run(struct rsp_target *rt, const struct rsp_run_request *req,
                      struct rsp_stop *stop)
{
    struct gdb_target *t = target_of(rt);
    g_auto(GStrv) argv = NULL;
    g_auto(GStrv) envp = NULL;
    GError *error = NULL;
    struct machine *m;

    if (!t->make_machine)
        return -EOPNOTSUPP;
    if (!req->argv || !req->argv[0])
        return -EINVAL;
    /* "": the program run last, under its own name. */
    if (req->argv[0][0]) {
        g_free(t->last_program);
        t->last_program = g_strdup(req->argv[0]);
    }
    if (!t->last_program)
        return -ENOENT;
    drop_machine(t);
    if (req->working_dir && chdir(req->working_dir) < 0) {
        int err = -errno;
        fprintf(stderr, "backstep: vRun: working directory %s: %s\n",
                req->working_dir, g_strerror(-err));
        return err;
    }
    argv = g_strdupv((char **)req->argv);
    if (!argv[0][0]) {
        g_free(argv[0]);
        argv[0] = g_strdup(t->last_program);
    }
    envp = run_environment(t->base_env, req);
    m = t->make_machine(t->make_data, t->last_program, argv, envp, &error);
    if (!m) {
        fprintf(stderr, "backstep: vRun: %s\n", error->message);
        g_error_free(error);
        return -ENOENT;
    }
    fprintf(stderr, "backstep: running %s\n", t->last_program);
    t->machine = m;
    t->points = gdb_points_new(m);
    t->end = GDB_SESSION_ACTIVE;
    t->exit_status = 0;
    update_report(t);
    set_initial_stop(t);
    if (t->non_stop)
        gdb_target_ns_all_stopped(t);
    *stop = t->last_stop;
    return 0;
}

/* Memory tags (MTE), through the CPU's view of memory (cpu_mem_ops.tags)
 * of the current thread: type 1, allocation tags, one per 16 bytes. The
 * top byte of addr is ignored, as for data accesses. */
static uint8_t *tag_of(struct cpu_state *cpu, uint64_t granule)
{
    uint8_t *tags = cpu->mem_ops->tags(cpu->mem_opaque,
                                       granule & CPU_PAGE_MASK);
    return tags ? &tags[(granule & ~CPU_PAGE_MASK) / CPU_MTE_GRANULE] : NULL;
}

/* The granules of [addr, addr+len): the first and the count. */
static int tag_span(struct rsp_target *rt, uint64_t addr, uint64_t len,
                    int type, struct cpu_state **cpu, uint64_t *first,
                    uint64_t *count)
{
    uint64_t last;

    *cpu = cpu_for(target_of(rt), (struct rsp_ptid){ 0, 0 });
    if (type != 1)
        return -EINVAL;
    if (!*cpu || !(*cpu)->mem_ops || !(*cpu)->mem_ops->tags)
        return -EIO;
    addr &= ~(0xffull << 56);
    if (len > (1ull << 56) - addr)
        return -EINVAL;
    *first = addr & ~(uint64_t)(CPU_MTE_GRANULE - 1);
    last = (addr + (len ? len - 1 : 0)) & ~(uint64_t)(CPU_MTE_GRANULE - 1);
    *count = (last - *first) / CPU_MTE_GRANULE + 1;
    return 0;
}

static ssize_t target_read_tags(struct rsp_target *rt, uint64_t addr,
                                uint64_t len, int type, uint8_t *tags,
                                size_t max)
{
    struct cpu_state *cpu;
    uint64_t first, count;
    int err = tag_span(rt, addr, len, type, &cpu, &first, &count);

    if (err < 0)
        return err;
    if (count > max)
        return -E2BIG;
    for (uint64_t i = 0; i < count; i++) {
        const uint8_t *tag = tag_of(cpu, first + i * CPU_MTE_GRANULE);
        if (!tag)
            return -EIO;
        tags[i] = *tag;
    }
    return (ssize_t)count;
}

static int target_write_tags(struct rsp_target *rt, uint64_t addr,
                             uint64_t len, int type, const uint8_t *tags,
                             size_t ntags)
{
    struct cpu_state *cpu;
    uint64_t first, count;
    int err = tag_span(rt, addr, len, type, &cpu, &first, &count);

    if (err < 0)
        return err;
    if (ntags == 0)
        return -EINVAL;
    /* All or nothing: every granule must be tagged memory first. */
    for (uint64_t i = 0; i < count; i++)
        if (!tag_of(cpu, first + i * CPU_MTE_GRANULE))
            return -EIO;
    for (uint64_t i = 0; i < count; i++)
        *tag_of(cpu, first + i * CPU_MTE_GRANULE) = tags[i % ntags] & 0xf;
    return 0;
}

static int target_is_tagged(struct rsp_target *rt, uint64_t addr)
{
    struct cpu_state *cpu;
    uint64_t first, count;
    int err = tag_span(rt, addr, 1, 1, &cpu, &first, &count);

    if (err == -EIO)
        return 0;
    if (err < 0)
        return err;
    return tag_of(cpu, first) != NULL;
}

/* Thread-local storage (qGetTLSAddr). AArch64 uses TLS variant I: the
 * thread pointer (TPIDR_EL0) points at a 16-byte TCB, and the main
 * program's block (module 1, in the static TLS area) follows it at the
 * TCB size rounded up to the PT_TLS alignment (glibc's l_tls_offset for
 * the main map; this assumes the segment's address is itself aligned, as
 * linkers make it). Other modules' blocks are found through the DTV,
 * whose layout is the C library's business: not handled, an error. */
#define AARCH64_TCB_SIZE 16
#define LINK_MAP_PREV 32        /* offsetof(struct link_map, l_prev) */

/* lm names the main program: 0 (gdb's answer for a static program) or
 * the head of the dynamic linker's list, which is the program's map. */
static bool is_main_link_map(struct gdb_target *t, int64_t pid, uint64_t lm)
{
    const struct machine_ops *ops = t->machine->ops;
    uint64_t prev;
    ssize_t n;

    if (lm == 0)
        return true;
    if (lm > UINT64_MAX - LINK_MAP_PREV)
        return false;
    n = ops->read_mem_of
            ? ops->read_mem_of(t->machine, pid, lm + LINK_MAP_PREV, &prev,
                               sizeof(prev))
            : ops->read_mem(t->machine, lm + LINK_MAP_PREV, &prev,
                            sizeof(prev));
    return n == (ssize_t)sizeof(prev) && prev == 0;
}

static int target_tls_address(struct rsp_target *rt, struct rsp_ptid thread,
                              uint64_t offset, uint64_t lm, uint64_t *addr)
{
    struct gdb_target *t = target_of(rt);
    struct cpu_state *cpu;
    int64_t pid;
    uint64_t align, block;
    int err;

    if (!t->machine)
        return -ESRCH;
    if (!t->machine->ops->tls_align)
        return -EOPNOTSUPP;
    cpu = thread.tid > 0 ? t->machine->ops->cpu(t->machine, thread.tid)
                         : cpu_for(t, thread);
    if (!cpu)
        return -ESRCH;
    pid = pid_of(t, thread.tid > 0 ? thread.tid : current_tid(t));
    if (!is_main_link_map(t, pid, lm))
        return -EOPNOTSUPP;
    err = t->machine->ops->tls_align(t->machine, pid, &align);
    if (err < 0)
        return err;
    /* The loader keeps p_align >= 1; a power of two by the ELF rules,
     * but round without relying on it. A guest's absurd alignment must
     * not wrap the sum. */
    if (align > UINT32_MAX)
        return -EINVAL;
    block = (AARCH64_TCB_SIZE + align - 1) / align * align;
    *addr = cpu->tpidr_el0 + block + offset;
    return 0;
}

/* lldb's qMemoryRegionInfo: the region holding addr in the address space
 * of the current thread, from user/. A gap reaching the top of the 64-bit
 * space ends at UINT64_MAX itself (rsp/target.h). */
static int target_memory_region(struct rsp_target *rt, uint64_t addr,
                                struct rsp_region *out)
{
    struct cpu_state *cpu = cpu_for(target_of(rt), (struct rsp_ptid){ 0, 0 });
    struct user_mem_region r;

    if (!cpu)
        return -ESRCH;
    if (!user_cpu_mem_region(cpu, addr, &r))
        return -EOPNOTSUPP;
    out->start = r.start;
    out->size = r.last == UINT64_MAX ? UINT64_MAX - r.start
                                     : r.last - r.start + 1;
    out->mapped = r.mapped;
    out->readable = r.prot & PROT_READ;
    out->writable = r.prot & PROT_WRITE;
    out->executable = r.prot & PROT_EXEC;
    out->memory_tagged = r.tagged;
    out->name = NULL;
    return 0;
}

static const struct rsp_target_ops gdb_target_ops = {
    .tdesc = target_tdesc,
    .read_reg = target_read_reg,
    .write_reg = target_write_reg,
    .read_mem = target_read_mem,
    .write_mem = target_write_mem,
    .resume = target_resume,
    .interrupt = target_interrupt,
    .insert_break = target_insert_break,
    .remove_break = target_remove_break,
    .threads = target_threads,
    .last_stop = target_last_stop,
    .xfer_read = target_xfer_read,
    .pass_signals = target_pass_signals,
    .program_signals = target_program_signals,
    .monitor = target_monitor,
    .kill = target_kill,
    .detach = target_detach,
    .pid = target_pid,
    .triple = target_triple,
    .file_open = target_file_open,
    .file_pread = target_file_pread,
    .file_fstat = target_file_fstat,
    .file_close = target_file_close,
    .file_readlink = target_file_readlink,
    .event_support = target_event_support,
    .set_events = target_set_events,
    .catch_syscalls = target_catch_syscalls,
    .detach_process = target_detach_process,
    .kill_process = target_kill_process,
    .siginfo_read = target_siginfo_read,
    .siginfo_write = target_siginfo_write,
    .read_tags = target_read_tags,
    .write_tags = target_write_tags,
    .is_tagged = target_is_tagged,
    .tls_address = target_tls_address,
    .memory_region = target_memory_region,
    .select_thread = target_select_thread,
    .set_non_stop = gdb_target_ns_set_mode,
    .stopped_threads = gdb_target_ns_stopped_threads,
};

struct gdb_target *gdb_target_new(struct machine *machine,
                                  const struct tdesc *tdesc)
{
    struct gdb_target *t = g_new0(struct gdb_target, 1);

    t->ops = gdb_target_ops;
    t->base.ops = &t->ops;
    t->machine = machine;
    t->tdesc = tdesc;
    t->regs = gdb_regs_new(tdesc);
    t->points = machine ? gdb_points_new(machine) : NULL;

    t->files = g_array_new(FALSE, FALSE, sizeof(int));
    if (machine)
        set_initial_stop(t);
    else
        set_no_process_stop(t);
    return t;
}

void gdb_target_set_factory(struct gdb_target *t, gdb_machine_factory make,
                            void *data, char *const *base_env)
{
    t->make_machine = make;
    t->make_data = data;
    g_strfreev(t->base_env);
    t->base_env = g_strdupv((char **)base_env);
    t->ops.run = make ? target_run : NULL;
}

struct machine *gdb_target_machine(const struct gdb_target *t)
{
    return t->machine;
}

void gdb_target_free(struct gdb_target *t)
{
    if (!t)
        return;
    stop_running(t);
    gdb_target_ns_forget(t);
    gdb_regs_free(t->regs);
    gdb_points_free(t->points);
    if (t->make_machine && t->machine)
        t->machine->ops->free(t->machine);
    g_strfreev(t->base_env);
    g_free(t->last_program);

    close_all_files(t);
    g_array_unref(t->files);
    if (t->let_go)
        g_array_unref(t->let_go);
    if (t->children)
        g_array_unref(t->children);
    g_free(t);
}

struct rsp_target *gdb_target_rsp(struct gdb_target *t)
{
    return &t->base;
}

void gdb_target_set_conn(struct gdb_target *t, struct rsp_conn *conn)
{
    t->conn = conn;
}

void gdb_target_disconnected(struct gdb_target *t)
{
    stop_running(t);
    /* The next debugger starts in all-stop, every thread stopped. */
    if (t->non_stop)
        release_all(t);
    gdb_target_ns_forget(t);
    t->non_stop = false;
    remove_all_points(t);
    close_all_files(t);
    t->conn = NULL;
}

enum gdb_session_end gdb_target_session_end(const struct gdb_target *t)
{
    return t->end;
}

int gdb_target_exit_status(const struct gdb_target *t)
{
    return t->exit_status;
}
