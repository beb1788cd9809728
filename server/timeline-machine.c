/* The timeline as a machine (server/machine.h): what the RSP target
 * drives. At the present the live machine runs and what the debugger
 * does to it is recorded; in the past the past machine replays, and
 * running forward reaches the present and goes on live. */
#include "config.h"

#include "server/timeline-private.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cpu/cpu.h"

static struct timeline *tl_of(struct machine *m)
{
    return (struct timeline *)m;
}

static struct machine *view_of(struct machine *m)
{
    return timeline_view(tl_of(m));
}

/* ---- Recording the debugger's changes -------------------------------- */

/* Remember every live thread's registers as the debugger sees them at a
 * stop. */
void timeline_save_live_regs(struct timeline *tl)
{
    GArray *tids = tl->live->ops->threads(tl->live);

    g_array_set_size(tl->live_regs, 0);
    for (guint i = 0; i < tids->len; i++) {
        int64_t tid = g_array_index(tids, int64_t, i);
        struct cpu_state *cpu = tl->live->ops->cpu(tl->live, tid);
        struct saved_regs s = { .tid = tid };
        if (!cpu)
            continue;
        cpu_debug_regs_get(cpu, &s.regs);
        g_array_append_val(tl->live_regs, s);
    }
    g_array_unref(tids);
}

static uint32_t stop_flags(struct timeline *tl)
{
    return tl->live_at_signal && tl->live_stop_icount == tl->present
               ? EVENT_AFTER_SIGNAL_STOP
               : 0;
}

/* Before the live machine runs: record register writes the debugger made
 * while it was stopped (they reach the CPU directly, not through us). */
static void record_register_writes(struct timeline *tl)
{
    for (guint i = 0; i < tl->live_regs->len; i++) {
        struct saved_regs *s = &g_array_index(tl->live_regs,
                                              struct saved_regs, i);
        struct cpu_state *cpu = tl->live->ops->cpu(tl->live, s->tid);
        struct cpu_debug_regs now;
        if (!cpu)
            continue;
        cpu_debug_regs_get(cpu, &now);
        if (!cpu_debug_regs_equal(&now, &s->regs))
            event_log_record(tl->log, EVENT_REGS, tl->present, s->tid, 0,
                             stop_flags(tl), &now, sizeof(now));
    }
}

static void after_live_stop(struct timeline *tl, const struct machine_stop *s)
{
    tl->present = timeline_icount_of(tl->live);
    tl->live_at_signal = s->kind == MACHINE_STOP_SIGNAL;
    tl->live_stop_icount = tl->present;
    if (s->tid)
        tl->last_tid = s->tid;
    timeline_save_live_regs(tl);
}

/* ---- Threads the debugger holds --------------------------------------
 *
 * The debugger holds the threads its resume does not name
 * (scheduler-locking, another inferior). Holds are inputs like any
 * other: a live run that starts with a held set other than the last one
 * recorded logs the difference (EVENT_HOLD) and applies it to the live
 * machine, which keeps it (its snapshots too), so a replay holds the
 * same threads over the same stretches as the recording. A resume given
 * in the past cannot change history: the replay holds what the
 * recording held until it reaches the present, and the debugger is told
 * once. doc/time-travel.md, "Threads the debugger holds". */

static void tl_hold_thread(struct machine *m, int64_t tid, bool held)
{
    static bool told;
    struct timeline *tl = tl_of(m);

    if (!held) {
        g_hash_table_remove(tl->held, &tid);
        return;
    }
    g_hash_table_add(tl->held, g_memdup2(&tid, sizeof(tid)));
    if ((tl->in_past || !tl->live) && !told) {
        told = true;
        fprintf(stderr, "backstep: replaying the past: every thread runs "
                        "as recorded (scheduler-locking and resuming one "
                        "inferior take effect at the present only)\n");
    }
}

/* Log and apply to the live machine each tid in `from` but not in `to`,
 * as held (or released). */
static void record_hold_changes(struct timeline *tl, GHashTable *from,
                                GHashTable *to, bool held)
{
    GHashTableIter it;
    gpointer key;

    g_hash_table_iter_init(&it, from);
    while (g_hash_table_iter_next(&it, &key, NULL)) {
        int64_t tid = *(int64_t *)key;
        if (g_hash_table_contains(to, &tid))
            continue;
        event_log_record(tl->log, EVENT_HOLD, tl->present, tid, held ? 1 : 0,
                         stop_flags(tl), NULL, 0);
        if (tl->live->ops->hold_thread)
            tl->live->ops->hold_thread(tl->live, tid, held);
    }
}

/* Forget held threads that have exited (their tids are not reused):
 * nothing to log for them, and the sets stay as small as the program. */
static void forget_exited_holds(struct timeline *tl, GHashTable *set)
{
    GHashTableIter it;
    gpointer key;

    g_hash_table_iter_init(&it, set);
    while (g_hash_table_iter_next(&it, &key, NULL)) {
        if (!tl->live->ops->cpu(tl->live, *(int64_t *)key))
            g_hash_table_iter_remove(&it);
    }
}

/* Before a live run: the debugger's held set becomes the recorded one. */
static void record_holds(struct timeline *tl)
{
    forget_exited_holds(tl, tl->held);
    forget_exited_holds(tl, tl->held_logged);
    record_hold_changes(tl, tl->held_logged, tl->held, false);
    record_hold_changes(tl, tl->held, tl->held_logged, true);
    g_hash_table_remove_all(tl->held_logged);
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, tl->held);
    while (g_hash_table_iter_next(&it, &key, NULL))
        g_hash_table_add(tl->held_logged, g_memdup2(key, sizeof(int64_t)));
}

/* The live machine runs (or steps), with the held threads held. */
static void live_run(struct timeline *tl, uint64_t max_insns, bool step,
                     int64_t step_tid, struct machine_stop *stop)
{
    struct machine *live = tl->live;

    record_holds(tl);
    if (!step)
        live->ops->run(live, max_insns, stop);
    else if (live->ops->step)
        live->ops->step(live, step_tid, stop);
    else
        live->ops->run(live, 1, stop);
}

static void end_of_recording(struct machine_stop *stop, int64_t tid)
{
    /* Nothing runs past the end of a saved recording. */
    memset(stop, 0, sizeof(*stop));
    stop->kind = MACHINE_STOP_SIGNAL;
    stop->signal = 5;
    stop->tid = tid;
    stop->replay_end = true;
}

static void tl_run(struct machine *m, uint64_t max_insns,
                   struct machine_stop *stop)
{
    struct timeline *tl = tl_of(m);

    if (tl->in_past || !tl->live) {
        uint64_t now = timeline_icount_of(tl->past);
        uint64_t limit = tl->present - now < max_insns ? tl->present
                                                       : now + max_insns;
        if (timeline_replay_advance(tl, limit, REPORT_DEBUG | REPORT_SIGNALS,
                                    stop)) {
            if (stop->tid)
                tl->last_tid = stop->tid;
            return;
        }
        memset(stop, 0, sizeof(*stop));
        stop->tid = tl->last_tid;
        if (timeline_icount_of(tl->past) < tl->present)
            return;   /* MACHINE_STOP_BUDGET */
        if (!tl->live) {
            end_of_recording(stop, tl->last_tid);
            return;
        }
        timeline_return_to_present(tl);
        return;   /* the next run goes on live */
    }
    /* Live: stop at the next snapshot point to take one there. */
    uint64_t now = tl->present;
    uint64_t snap_at = timeline_next_snapshot_point(tl, tl->live, now);
    if (snap_at - now < max_insns)
        max_insns = snap_at - now;
    record_register_writes(tl);
    timeline_door_live(tl);
    live_run(tl, max_insns, false, 0, stop);
    after_live_stop(tl, stop);
    if (stop->kind == MACHINE_STOP_BUDGET && tl->present == snap_at)
        timeline_take_snapshot(tl, tl->live, true);
    timeline_move_start(tl);
    timeline_thin(tl);
}

static void tl_step(struct machine *m, int64_t tid, struct machine_stop *stop)
{
    struct timeline *tl = tl_of(m);

    if (tl->in_past || !tl->live) {
        struct machine *p = tl->past;
        struct track *tr = timeline_track_of(tl, p);
        timeline_apply_due_events(tl);
        if (timeline_icount_of(p) >= tl->present) {
            if (!tl->live) {
                end_of_recording(stop, tid);
                return;
            }
            timeline_return_to_present(tl);
        } else {
            timeline_door_past(tl);
            if (p->ops->step)
                p->ops->step(p, tid, stop);
            else
                p->ops->run(p, 1, stop);
            tr->at_signal = stop->kind == MACHINE_STOP_SIGNAL;
            tr->stop_icount = timeline_icount_of(p);
            if (tr->stop_icount >= tl->present && tl->live
                && stop->kind == MACHINE_STOP_BUDGET && !stop->waiting)
                timeline_return_to_present(tl);
            return;
        }
    }
    record_register_writes(tl);
    timeline_door_live(tl);
    live_run(tl, 1, true, tid, stop);
    after_live_stop(tl, stop);
    timeline_move_start(tl);
    timeline_thin(tl);
}

static void record_signal(struct timeline *tl, int64_t tid, int signal)
{
    if (signal != 0 || stop_flags(tl))
        event_log_record(tl->log, EVENT_SIGNAL, tl->present, tid,
                         (uint64_t)(int64_t)signal, stop_flags(tl), NULL, 0);
}

/* A signal given while the view is in the past would change history:
 * the recorded decision stands, and the replay applies it. */
static void tl_set_signal(struct machine *m, int signal)
{
    struct timeline *tl = tl_of(m);
    if (tl->in_past || !tl->live)
        return;
    record_signal(tl, -1, signal);
    tl->live->ops->set_signal(tl->live, signal);
}

static void tl_set_thread_signal(struct machine *m, int64_t tid, int signal)
{
    struct timeline *tl = tl_of(m);
    if (tl->in_past || !tl->live)
        return;
    record_signal(tl, tid, signal);
    if (tl->live->ops->set_thread_signal)
        tl->live->ops->set_thread_signal(tl->live, tid, signal);
    else
        tl->live->ops->set_signal(tl->live, signal);
}

static void record_mem_write(struct timeline *tl, int64_t pid, uint64_t addr,
                             const void *buf, size_t len)
{
    event_log_record(tl->log, EVENT_MEM_WRITE, tl->present, pid, addr,
                     stop_flags(tl), buf, len);
}

/* In the past a write changes only what the view shows (the past is
 * put back as recorded on the way to the present); at the present it is
 * recorded as an input. */
static int tl_write_mem(struct machine *m, uint64_t addr, const void *buf,
                        size_t len)
{
    struct timeline *tl = tl_of(m);
    struct machine *v = timeline_view(tl);
    int err = v->ops->write_mem(v, addr, buf, len);
    if (err == 0 && !tl->in_past && tl->live)
        record_mem_write(tl, 0, addr, buf, len);
    return err;
}

static int tl_write_mem_of(struct machine *m, int64_t pid, uint64_t addr,
                           const void *buf, size_t len)
{
    struct timeline *tl = tl_of(m);
    struct machine *v = timeline_view(tl);
    int err = v->ops->write_mem_of ? v->ops->write_mem_of(v, pid, addr, buf,
                                                          len)
                                   : v->ops->write_mem(v, addr, buf, len);
    if (err == 0 && !tl->in_past && tl->live)
        record_mem_write(tl, pid, addr, buf, len);
    return err;
}

/* ---- What the view shows ------------------------------------------------ */

static struct cpu_state *tl_cpu(struct machine *m, int64_t tid)
{
    struct machine *v = view_of(m);
    return v ? v->ops->cpu(v, tid) : NULL;
}

static ssize_t tl_read_mem(struct machine *m, uint64_t addr, void *buf,
                           size_t len)
{
    struct machine *v = view_of(m);
    return v->ops->read_mem(v, addr, buf, len);
}

static int64_t tl_pid(struct machine *m)
{
    struct machine *v = view_of(m);
    return v->ops->pid(v);
}

static GArray *tl_threads(struct machine *m)
{
    struct machine *v = view_of(m);
    return v->ops->threads(v);
}

static GBytes *tl_auxv(struct machine *m)
{
    struct machine *v = view_of(m);
    return v->ops->auxv(v);
}

static GBytes *tl_osdata(struct machine *m, const char *type)
{
    struct machine *v = view_of(m);
    return v->ops->osdata ? v->ops->osdata(v, type) : NULL;
}

static const char *tl_exe_path(struct machine *m)
{
    struct machine *v = view_of(m);
    return v->ops->exe_path(v);
}

static bool tl_siginfo(struct machine *m, int64_t tid, uint8_t *buf)
{
    struct machine *v = view_of(m);
    return v->ops->siginfo && v->ops->siginfo(v, tid, buf);
}

static char *tl_host_path(struct machine *m, const char *guest_path)
{
    struct machine *v = view_of(m);
    return v->ops->host_path ? v->ops->host_path(v, guest_path) : NULL;
}

static GArray *tl_thread_list(struct machine *m)
{
    struct machine *v = view_of(m);
    if (v->ops->thread_list)
        return v->ops->thread_list(v);
    /* The wrapped machine has one thread list only. */
    GArray *tids = v->ops->threads(v);
    GArray *out = g_array_new(FALSE, TRUE, sizeof(struct machine_thread));
    for (guint i = 0; i < tids->len; i++) {
        struct machine_thread t = { .pid = v->ops->pid(v),
                                    .tid = g_array_index(tids, int64_t, i) };
        g_array_append_val(out, t);
    }
    g_array_unref(tids);
    return out;
}

static int64_t tl_pid_of(struct machine *m, int64_t tid)
{
    struct machine *v = view_of(m);
    return v->ops->pid_of ? v->ops->pid_of(v, tid) : v->ops->pid(v);
}

static ssize_t tl_read_mem_of(struct machine *m, int64_t pid, uint64_t addr,
                              void *buf, size_t len)
{
    struct machine *v = view_of(m);
    if (!v->ops->read_mem_of)
        return v->ops->read_mem(v, addr, buf, len);
    return v->ops->read_mem_of(v, pid, addr, buf, len);
}

static const char *tl_exe_path_of(struct machine *m, int64_t pid)
{
    struct machine *v = view_of(m);
    return v->ops->exe_path_of ? v->ops->exe_path_of(v, pid)
                               : v->ops->exe_path(v);
}

static int tl_tls_align(struct machine *m, int64_t pid, uint64_t *align)
{
    struct machine *v = view_of(m);
    return v->ops->tls_align ? v->ops->tls_align(v, pid, align)
                             : -EOPNOTSUPP;
}

/* Killing a process changes what happens next: at the present only,
 * logged (EVENT_KILL_PROCESS) so that a replay kills it too. A kill
 * asked for in the past (gdb's `kill` after going back) is done there:
 * the history stays as it was. */
static int tl_kill_process(struct machine *m, int64_t pid)
{
    struct timeline *tl = tl_of(m);
    int err;

    if (!tl->live)
        return -EPERM;
    timeline_return_to_present(tl);
    if (!tl->live->ops->kill_process)
        return -EOPNOTSUPP;
    err = tl->live->ops->kill_process(tl->live, pid);
    if (err == 0)
        event_log_record(tl->log, EVENT_KILL_PROCESS, tl->present, pid, 0,
                         stop_flags(tl), NULL, 0);
    return err;
}

/* As a memory write: in the past it changes what the view shows (and
 * the replay from there), at the present the live machine. */
static int tl_set_siginfo(struct machine *m, int64_t tid, uint64_t offset,
                          const uint8_t *data, size_t len)
{
    struct machine *v = view_of(m);
    return v && v->ops->set_siginfo
               ? v->ops->set_siginfo(v, tid, offset, data, len)
               : -EOPNOTSUPP;
}

static GBytes *tl_proc_file(struct machine *m, int64_t pid, const char *name)
{
    struct machine *v = view_of(m);
    return v && v->ops->proc_file ? v->ops->proc_file(v, pid, name) : NULL;
}

static uint64_t tl_icount(struct machine *m)
{
    return timeline_now(tl_of(m));
}

static void tl_free(struct machine *m)
{
    timeline_free(tl_of(m));
}

/* ---- Debugger settings: every machine, present and future ------------ */

static size_t all_machines(struct timeline *tl, struct machine *out[2])
{
    size_t n = 0;
    if (tl->live)
        out[n++] = tl->live;
    if (tl->replay)
        out[n++] = tl->replay;
    return n;
}

static void tl_set_report(struct machine *m, unsigned mask)
{
    struct timeline *tl = tl_of(m);
    struct machine *ms[2];

    tl->report_mask = mask;
    for (size_t i = 0, n = all_machines(tl, ms); i < n; i++) {
        if (ms[i]->ops->set_report)
            ms[i]->ops->set_report(ms[i], mask);
    }
}

static void tl_catch_syscalls(struct machine *m, bool all, const int *nrs,
                              size_t n)
{
    struct timeline *tl = tl_of(m);
    struct machine *ms[2];

    tl->catch_set = true;
    tl->catch_all = all;
    g_array_set_size(tl->catch_nrs, 0);
    if (n)
        g_array_append_vals(tl->catch_nrs, nrs, n);
    for (size_t i = 0, count = all_machines(tl, ms); i < count; i++) {
        if (ms[i]->ops->catch_syscalls)
            ms[i]->ops->catch_syscalls(ms[i], all, nrs, n);
    }
}

static void tl_set_debugged(struct machine *m, int64_t pid, bool debugged)
{
    struct timeline *tl = tl_of(m);
    struct debugged_setting d = { pid, debugged };
    struct machine *ms[2];

    g_array_append_val(tl->debugged, d);
    for (size_t i = 0, n = all_machines(tl, ms); i < n; i++) {
        if (ms[i]->ops->set_debugged)
            ms[i]->ops->set_debugged(ms[i], pid, debugged);
    }
}

static int put_one(struct machine *x, const struct point *p, bool insert)
{
    if (p->watch) {
        if (insert)
            return x->ops->insert_watchpoint
                       ? x->ops->insert_watchpoint(x, p->addr, p->len, p->kind)
                       : -1;
        return x->ops->remove_watchpoint
                   ? x->ops->remove_watchpoint(x, p->addr, p->len, p->kind)
                   : -1;
    }
    if (insert)
        return x->ops->insert_breakpoint ? x->ops->insert_breakpoint(x, p->addr)
                                         : -1;
    return x->ops->remove_breakpoint ? x->ops->remove_breakpoint(x, p->addr)
                                     : -1;
}

static int put_point(struct timeline *tl, const struct point *p, bool insert)
{
    struct machine *ms[2];
    int result = -1;

    for (size_t i = 0, n = all_machines(tl, ms); i < n; i++) {
        int r = put_one(ms[i], p, insert);
        /* The view's answer is the debugger's. */
        if (i == 0 || ms[i] == timeline_view(tl))
            result = r;
    }
    if (result != 0)
        return result;
    if (insert) {
        g_array_append_val(tl->points, *p);
        return 0;
    }
    for (guint i = 0; i < tl->points->len; i++) {
        struct point *q = &g_array_index(tl->points, struct point, i);
        if (q->watch == p->watch && q->addr == p->addr
            && (!p->watch || (q->len == p->len && q->kind == p->kind))) {
            g_array_remove_index(tl->points, i);
            break;
        }
    }
    return 0;
}

static int tl_insert_breakpoint(struct machine *m, uint64_t addr)
{
    struct point p = { .addr = addr };
    return put_point(tl_of(m), &p, true);
}

static int tl_remove_breakpoint(struct machine *m, uint64_t addr)
{
    struct point p = { .addr = addr };
    return put_point(tl_of(m), &p, false);
}

static int tl_insert_watchpoint(struct machine *m, uint64_t addr, uint64_t len,
                                int kind)
{
    struct point p = { .watch = true, .addr = addr, .len = len, .kind = kind };
    return put_point(tl_of(m), &p, true);
}

static int tl_remove_watchpoint(struct machine *m, uint64_t addr, uint64_t len,
                                int kind)
{
    struct point p = { .watch = true, .addr = addr, .len = len, .kind = kind };
    return put_point(tl_of(m), &p, false);
}

const struct machine_ops timeline_machine_ops = {
    .run = tl_run,
    .set_signal = tl_set_signal,
    .cpu = tl_cpu,
    .read_mem = tl_read_mem,
    .write_mem = tl_write_mem,
    .pid = tl_pid,
    .threads = tl_threads,
    .auxv = tl_auxv,
    .osdata = tl_osdata,
    .exe_path = tl_exe_path,
    .siginfo = tl_siginfo,
    .host_path = tl_host_path,
    .free = tl_free,
    .step = tl_step,
    .thread_list = tl_thread_list,
    .set_thread_signal = tl_set_thread_signal,
    .pid_of = tl_pid_of,
    .read_mem_of = tl_read_mem_of,
    .write_mem_of = tl_write_mem_of,
    .exe_path_of = tl_exe_path_of,
    .tls_align = tl_tls_align,
    .set_report = tl_set_report,
    .catch_syscalls = tl_catch_syscalls,
    .set_debugged = tl_set_debugged,
    .insert_breakpoint = tl_insert_breakpoint,
    .remove_breakpoint = tl_remove_breakpoint,
    .insert_watchpoint = tl_insert_watchpoint,
    .remove_watchpoint = tl_remove_watchpoint,
    .icount = tl_icount,
    .hold_thread = tl_hold_thread,
    .kill_process = tl_kill_process,
    .set_siginfo = tl_set_siginfo,
    .proc_file = tl_proc_file,
};
