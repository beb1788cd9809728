/* The Linux user-mode machine: struct machine over a user/ process set
 * (the program's process and whatever it forks and clones). */
#include "config.h"

#include "server/machine.h"

#include <errno.h>
#include <string.h>

#include "user/osdata.h"
#include "user/process.h"
#include "user/process-debug.h"
#include "user/process-signals.h"

_Static_assert(MACHINE_SIGINFO_SIZE == USER_SIGINFO_SIZE, "siginfo size");

struct machine_user {
    struct machine base;
    struct user_process *proc;
};

static struct user_process *proc_of(struct machine *m)
{
    return ((struct machine_user *)m)->proc;
}

static void event(struct machine_stop *stop, enum machine_event e)
{
    stop->kind = MACHINE_STOP_SIGNAL;
    stop->signal = 5;   /* SIGTRAP, as ptrace reports events */
    stop->event = e;
}

static void translate_event(const struct user_event *ev,
                            struct machine_stop *stop)
{
    *stop = (struct machine_stop){
        .exit_code = ev->exit_code,
        .signal = ev->signal,
        .addr = ev->addr,
        .watch_kind = ev->watch_kind,
        .tid = ev->tid,
        .pid = ev->pid,
        .child_pid = ev->child_pid,
        .child_tid = ev->child_tid,
        .syscall = ev->syscall,
        .all_ended = ev->all_ended,
    };
    switch (ev->kind) {
    case USER_EVENT_BUDGET: stop->kind = MACHINE_STOP_BUDGET; break;
    case USER_EVENT_EXITED: stop->kind = MACHINE_STOP_EXITED; break;
    case USER_EVENT_KILLED: stop->kind = MACHINE_STOP_KILLED; break;
    case USER_EVENT_SIGNAL: stop->kind = MACHINE_STOP_SIGNAL; break;
    case USER_EVENT_BREAKPOINT: stop->kind = MACHINE_STOP_BREAKPOINT; break;
    case USER_EVENT_WATCHPOINT: stop->kind = MACHINE_STOP_WATCHPOINT; break;
    case USER_EVENT_INTERRUPTED: stop->kind = MACHINE_STOP_INTERRUPTED; break;
    case USER_EVENT_WAITING:
        stop->kind = MACHINE_STOP_BUDGET;
        stop->waiting = true;
        break;
    case USER_EVENT_THREAD_CREATED:
        event(stop, MACHINE_EVENT_THREAD_CREATED);
        break;
    case USER_EVENT_THREAD_EXITED:
        event(stop, MACHINE_EVENT_THREAD_EXITED);
        break;
    case USER_EVENT_FORK: event(stop, MACHINE_EVENT_FORK); break;
    case USER_EVENT_VFORK: event(stop, MACHINE_EVENT_VFORK); break;
    case USER_EVENT_VFORK_DONE: event(stop, MACHINE_EVENT_VFORK_DONE); break;
    case USER_EVENT_EXEC: event(stop, MACHINE_EVENT_EXEC); break;
    case USER_EVENT_SYSCALL_ENTRY:
        event(stop, MACHINE_EVENT_SYSCALL_ENTRY);
        break;
    case USER_EVENT_SYSCALL_RETURN:
        event(stop, MACHINE_EVENT_SYSCALL_RETURN);
        break;
    }
    if (!stop->tid)
        stop->tid = stop->pid;
}

static void user_run(struct machine *m, uint64_t max_insns,
                     struct machine_stop *stop)
{
    struct user_event ev = { 0 };

    user_process_run(proc_of(m), max_insns, &ev);
    translate_event(&ev, stop);
}

static void user_step(struct machine *m, int64_t tid, struct machine_stop *stop)
{
    struct user_event ev = { 0 };

    user_process_step(proc_of(m), tid, &ev);
    translate_event(&ev, stop);
}

static GArray *user_thread_list(struct machine *m)
{
    GArray *threads = user_process_threads(proc_of(m));
    GArray *out = g_array_new(FALSE, TRUE, sizeof(struct machine_thread));

    for (guint i = 0; i < threads->len; i++) {
        struct user_thread_info *ti =
            &g_array_index(threads, struct user_thread_info, i);
        struct machine_thread mt = { .pid = ti->pid, .tid = ti->tid };
        memcpy(mt.name, ti->name, sizeof(mt.name));
        g_array_append_val(out, mt);
    }
    g_array_unref(threads);
    return out;
}

static void user_set_thread_signal(struct machine *m, int64_t tid, int signal)
{
    user_process_set_thread_signal(proc_of(m), tid, signal);
}

static int64_t user_pid_of(struct machine *m, int64_t tid)
{
    struct user_process *p = user_process_of(proc_of(m), tid);
    return p ? user_process_pid(p) : 0;
}

static ssize_t user_read_mem_of(struct machine *m, int64_t pid, uint64_t addr,
                                void *buf, size_t len)
{
    struct user_process *p = pid > 0 ? user_process_of(proc_of(m), pid)
                                     : proc_of(m);
    if (!p)
        return -ESRCH;
    return user_mem_read(p, addr, buf, len);
}

static int user_write_mem_of(struct machine *m, int64_t pid, uint64_t addr,
                             const void *buf, size_t len)
{
    struct user_process *p = pid > 0 ? user_process_of(proc_of(m), pid)
                                     : proc_of(m);
    if (!p)
        return -ESRCH;
    return user_mem_write(p, addr, buf, len);
}

static const char *user_exe_path_of(struct machine *m, int64_t pid)
{
    struct user_process *p = pid > 0 ? user_process_of(proc_of(m), pid)
                                     : proc_of(m);
    return p ? user_process_exe(p) : NULL;
}

static int user_tls_align(struct machine *m, int64_t pid, uint64_t *align)
{
    struct user_process *p = pid > 0 ? user_process_of(proc_of(m), pid)
                                     : proc_of(m);
    if (!p)
        return -ESRCH;
    return user_process_tls_align(p, align) ? 0 : -ENOENT;
}

static void user_set_report(struct machine *m, unsigned mask)
{
    unsigned u = 0;

    if (mask & MACHINE_REPORT_THREADS)
        u |= USER_REPORT_THREADS;
    if (mask & MACHINE_REPORT_FORKS)
        u |= USER_REPORT_FORKS;
    if (mask & MACHINE_REPORT_EXEC)
        u |= USER_REPORT_EXEC;
    if (mask & MACHINE_REPORT_SYSCALLS)
        u |= USER_REPORT_SYSCALLS;
    if (mask & MACHINE_REPORT_PROCESS_EXIT)
        u |= USER_REPORT_PROCESS_EXIT;
    user_process_set_report(proc_of(m), u);
}

static void user_catch_syscalls(struct machine *m, bool all, const int *nrs,
                                size_t n)
{
    user_process_catch_syscalls(proc_of(m), all, nrs, n);
}

static void user_set_debugged(struct machine *m, int64_t pid, bool debugged)
{
    user_process_set_debugged(proc_of(m), pid, debugged);
}

static int user_insert_breakpoint(struct machine *m, uint64_t addr)
{
    return user_process_insert_breakpoint(proc_of(m), addr);
}

static int user_remove_breakpoint(struct machine *m, uint64_t addr)
{
    return user_process_remove_breakpoint(proc_of(m), addr);
}

static int user_insert_watchpoint(struct machine *m, uint64_t addr,
                                  uint64_t len, int kind)
{
    return user_process_insert_watchpoint(proc_of(m), addr, len, kind);
}

static int user_remove_watchpoint(struct machine *m, uint64_t addr,
                                  uint64_t len, int kind)
{
    return user_process_remove_watchpoint(proc_of(m), addr, len, kind);
}

static void user_hold_thread(struct machine *m, int64_t tid, bool held)
{
    user_process_hold_thread(proc_of(m), tid, held);
}

static uint64_t user_icount(struct machine *m)
{
    return user_process_icount(proc_of(m));
}

static void user_set_signal(struct machine *m, int signal)
{
    user_process_set_signal(proc_of(m), signal);
}

static struct cpu_state *user_cpu(struct machine *m, int64_t tid)
{
    return user_process_thread_cpu(proc_of(m), tid);
}

static ssize_t user_read_mem(struct machine *m, uint64_t addr, void *buf,
                             size_t len)
{
    return user_mem_read(proc_of(m), addr, buf, len);
}

static int user_write_mem(struct machine *m, uint64_t addr, const void *buf,
                          size_t len)
{
    return user_mem_write(proc_of(m), addr, buf, len);
}

static int64_t user_pid(struct machine *m)
{
    return user_process_pid(proc_of(m));
}

static GArray *user_threads(struct machine *m)
{
    GArray *threads = user_process_threads(proc_of(m));
    GArray *tids = g_array_new(FALSE, FALSE, sizeof(int64_t));

    for (guint i = 0; i < threads->len; i++)
        g_array_append_val(tids, g_array_index(threads,
                                               struct user_thread_info, i).tid);
    g_array_unref(threads);
    return tids;
}

static GBytes *user_auxv(struct machine *m)
{
    return user_process_auxv(proc_of(m));
}

static GBytes *user_osdata_of(struct machine *m, const char *type)
{
    GString *xml = user_osdata(proc_of(m), type);
    /* Empty, not an error, for an unknown type: gdb then says "Wrong
     * osdata type?", as with gdbserver. */
    return xml ? g_string_free_to_bytes(xml) : g_bytes_new(NULL, 0);
}

static const char *user_exe_path(struct machine *m)
{
    return user_process_exe(proc_of(m));
}

static char *user_host_path(struct machine *m, const char *guest_path)
{
    return user_process_host_path(proc_of(m), guest_path);
}

static int user_kill_process(struct machine *m, int64_t pid)
{
    return user_process_debugger_kill(proc_of(m), pid);
}

static int user_set_siginfo(struct machine *m, int64_t tid, uint64_t offset,
                            const uint8_t *data, size_t len)
{
    return user_process_thread_set_siginfo(proc_of(m), tid, offset, data,
                                           len);
}

static GBytes *user_proc_file(struct machine *m, int64_t pid,
                              const char *name)
{
    return user_process_proc_file(proc_of(m), pid, name);
}

static bool user_siginfo(struct machine *m, int64_t tid, uint8_t *buf)
{
    return user_process_thread_siginfo(proc_of(m), tid, buf);
}

static void user_free(struct machine *m)
{
    user_process_free(proc_of(m));
    g_free(m);
}

static const struct machine_ops machine_user_ops = {
    .run = user_run,
    .set_signal = user_set_signal,
    .cpu = user_cpu,
    .read_mem = user_read_mem,
    .write_mem = user_write_mem,
    .pid = user_pid,
    .threads = user_threads,
    .auxv = user_auxv,
    .osdata = user_osdata_of,
    .exe_path = user_exe_path,
    .siginfo = user_siginfo,
    .host_path = user_host_path,
    .free = user_free,
    .step = user_step,
    .thread_list = user_thread_list,
    .set_thread_signal = user_set_thread_signal,
    .pid_of = user_pid_of,
    .read_mem_of = user_read_mem_of,
    .write_mem_of = user_write_mem_of,
    .exe_path_of = user_exe_path_of,
    .tls_align = user_tls_align,
    .set_report = user_set_report,
    .catch_syscalls = user_catch_syscalls,
    .set_debugged = user_set_debugged,
    .insert_breakpoint = user_insert_breakpoint,
    .remove_breakpoint = user_remove_breakpoint,
    .insert_watchpoint = user_insert_watchpoint,
    .remove_watchpoint = user_remove_watchpoint,
    .icount = user_icount,
    .hold_thread = user_hold_thread,
    .kill_process = user_kill_process,
    .set_siginfo = user_set_siginfo,
    .proc_file = user_proc_file,
};

struct machine *machine_user_new(const char *program, char *const *argv,
                                 char *const *envp,
                                 const struct user_options *opts,
                                 GError **error)
{
    struct user_process *proc =
        user_process_new(program, argv, envp, opts, error);
    struct machine_user *mu;

    if (!proc)
        return NULL;
    mu = g_new0(struct machine_user, 1);
    mu->base.ops = &machine_user_ops;
    mu->proc = proc;
    return &mu->base;
}
