/* The Linux user-mode machine: struct machine over a user/ process. */
#include "config.h"

#include "server/machine.h"

#include "user/process.h"
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

static void user_run(struct machine *m, uint64_t max_insns,
                     struct machine_stop *stop)
{
    struct user_event ev = { 0 };
    struct user_process *proc = proc_of(m);

    user_process_run(proc, max_insns, &ev);
    *stop = (struct machine_stop){
        .exit_code = ev.exit_code,
        .signal = ev.signal,
        .addr = ev.addr,
        .watch_kind = ev.watch_kind,
        .tid = user_process_tid(proc),
    };
    switch (ev.kind) {
    case USER_EVENT_BUDGET: stop->kind = MACHINE_STOP_BUDGET; break;
    case USER_EVENT_EXITED: stop->kind = MACHINE_STOP_EXITED; break;
    case USER_EVENT_KILLED: stop->kind = MACHINE_STOP_KILLED; break;
    case USER_EVENT_SIGNAL: stop->kind = MACHINE_STOP_SIGNAL; break;
    case USER_EVENT_BREAKPOINT: stop->kind = MACHINE_STOP_BREAKPOINT; break;
    case USER_EVENT_WATCHPOINT: stop->kind = MACHINE_STOP_WATCHPOINT; break;
    case USER_EVENT_INTERRUPTED: stop->kind = MACHINE_STOP_INTERRUPTED; break;
    }
}

static void user_set_signal(struct machine *m, int signal)
{
    user_process_set_signal(proc_of(m), signal);
}

static struct cpu_state *user_cpu(struct machine *m, int64_t tid)
{
    if (tid > 0 && tid != user_process_tid(proc_of(m)))
        return NULL;
    return user_process_cpu(proc_of(m));
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
    GArray *tids = g_array_new(FALSE, FALSE, sizeof(int64_t));
    int64_t tid = user_process_tid(proc_of(m));

    if (!user_process_exited(proc_of(m)))
        g_array_append_val(tids, tid);
    return tids;
}

static GBytes *user_auxv(struct machine *m)
{
    return user_process_auxv(proc_of(m));
}

static const char *user_exe_path(struct machine *m)
{
    return user_process_exe(proc_of(m));
}

static char *user_host_path(struct machine *m, const char *guest_path)
{
    return user_process_host_path(proc_of(m), guest_path);
}

static bool user_siginfo(struct machine *m, int64_t tid, uint8_t *buf)
{
    if (tid > 0 && tid != user_process_tid(proc_of(m)))
        return false;
    return user_process_siginfo(proc_of(m), buf);
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
    .exe_path = user_exe_path,
    .siginfo = user_siginfo,
    .host_path = user_host_path,
    .free = user_free,
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
