/* What the debugger asks of the set of processes: its threads and their
 * CPUs, which processes it follows, the events it wants, breakpoints on
 * every thread. */
#include "config.h"

#include "user/user-internal.h"
#include "user/process-debug.h"

#include "cpu/cpu.h"

#include <errno.h>
#include <string.h>

GArray *user_process_threads(struct user_process *proc)
{
    struct user_kernel *k = proc->kernel;
    GArray *out = g_array_new(FALSE, TRUE, sizeof(struct user_thread_info));
    for (guint i = 0; i < k->threads->len; i++) {
        struct user_thread *t = g_ptr_array_index(k->threads, i);
        if (!t->proc->debugged || t->proc->exited)
            continue;
        struct user_thread_info info = { .pid = t->proc->pid, .tid = t->tid };
        memcpy(info.name, t->comm, sizeof(info.name));
        g_array_append_val(out, info);
    }
    return out;
}

struct cpu_state *user_process_thread_cpu(struct user_process *proc,
                                          int64_t tid)
{
    struct user_kernel *k = proc->kernel;
    if (tid <= 0)
        return k->current ? k->current->cpu : proc->cpu;
    struct user_thread *t = user_thread_find(k, tid);
    return t ? t->cpu : NULL;
}

struct user_process *user_process_of(struct user_process *proc, int64_t id)
{
    struct user_kernel *k = proc->kernel;
    struct user_thread *t = user_thread_find(k, id);
    if (t)
        return t->proc;
    return user_proc_find(k, id);
}

void user_process_set_debugged(struct user_process *proc, int64_t pid,
                               bool debugged)
{
    struct user_process *p = user_proc_find(proc->kernel, pid);
    if (p)
        p->debugged = debugged;
}

void user_process_set_report(struct user_process *proc, unsigned mask)
{
    proc->kernel->report = mask;
}

void user_process_catch_syscalls(struct user_process *proc, bool all,
                                 const int *numbers, size_t n)
{
    struct user_kernel *k = proc->kernel;
    memset(k->catch_syscalls, 0, sizeof(k->catch_syscalls));
    k->catch_all_syscalls = all;
    for (size_t i = 0; i < n; i++)
        if (numbers[i] >= 0 && numbers[i] < 512)
            k->catch_syscalls[numbers[i] / 64] |= 1ull << (numbers[i] % 64);
}

void user_process_set_thread_signal(struct user_process *proc, int64_t tid,
                                    int signal)
{
    struct user_kernel *k = proc->kernel;
    struct user_thread *t = tid > 0 ? user_thread_find(k, tid) : k->current;
    if (!t)
        t = proc->cur;
    if (!t)
        return;
    t->sig->deliver = signal > 0 && signal <= USER_NSIG ? signal : 0;
}

uint64_t user_process_icount(const struct user_process *proc)
{
    const struct user_kernel *k = proc->kernel;
    uint64_t n = k->icount_retired;
    for (guint i = 0; i < k->threads->len; i++)
        n += ((struct user_thread *)g_ptr_array_index(k->threads, i))->cpu->icount;
    for (guint i = 0; i < k->dead_threads->len; i++)
        n += ((struct user_thread *)g_ptr_array_index(k->dead_threads, i))->cpu->icount;
    return n;
}

/* Every CPU of every thread, live or not yet freed. */
static void for_each_cpu(struct user_kernel *k, user_cpu_fn fn, void *data)
{
    for (guint i = 0; i < k->threads->len; i++)
        fn(((struct user_thread *)g_ptr_array_index(k->threads, i))->cpu, data);
}

static bool find_point(struct user_kernel *k, const struct user_breakpoint *b,
                       guint *at)
{
    for (guint i = 0; i < k->breakpoints->len; i++) {
        const struct user_breakpoint *x =
            &g_array_index(k->breakpoints, struct user_breakpoint, i);
        if (x->watch == b->watch && x->addr == b->addr
            && (!b->watch || (x->len == b->len && x->kind == b->kind))) {
            *at = i;
            return true;
        }
    }
    return false;
}

struct point_op {
    const struct user_breakpoint *b;
    bool insert;
    int rc;
};

static void apply_point(struct cpu_state *cpu, void *data)
{
    struct point_op *op = data;
    const struct user_breakpoint *b = op->b;
    int rc;
    if (b->watch)
        rc = op->insert ? cpu_watchpoint_insert(cpu, b->addr, b->len, b->kind)
                        : cpu_watchpoint_remove(cpu, b->addr, b->len, b->kind);
    else
        rc = op->insert ? cpu_breakpoint_insert(cpu, b->addr)
                        : cpu_breakpoint_remove(cpu, b->addr);
    if (rc < 0)
        op->rc = rc;
}

static int change_point(struct user_process *proc,
                        const struct user_breakpoint *b, bool insert)
{
    struct user_kernel *k = proc->kernel;
    guint at;
    bool known = find_point(k, b, &at);
    if (insert && known)
        return 0;
    if (!insert && !known)
        return -1;
    struct point_op op = { b, insert, 0 };
    for_each_cpu(k, apply_point, &op);
    if (insert && op.rc < 0) {
        /* A full table on some CPU: take it back from all of them. */
        op.insert = false;
        for_each_cpu(k, apply_point, &op);
        return -1;
    }
    if (insert)
        g_array_append_val(k->breakpoints, *b);
    else
        g_array_remove_index(k->breakpoints, at);
    return 0;
}

int user_process_insert_breakpoint(struct user_process *proc, uint64_t addr)
{
    struct user_breakpoint b = { .addr = addr };
    return change_point(proc, &b, true);
}

int user_process_remove_breakpoint(struct user_process *proc, uint64_t addr)
{
    struct user_breakpoint b = { .addr = addr };
    return change_point(proc, &b, false);
}

int user_process_insert_watchpoint(struct user_process *proc, uint64_t addr,
                                   uint64_t len, int kind)
{
    struct user_breakpoint b = { .watch = true, .addr = addr, .len = len,
                                 .kind = kind };
    return change_point(proc, &b, true);
}

int user_process_remove_watchpoint(struct user_process *proc, uint64_t addr,
                                   uint64_t len, int kind)
{
    struct user_breakpoint b = { .watch = true, .addr = addr, .len = len,
                                 .kind = kind };
    return change_point(proc, &b, false);
}

void user_process_hold_thread(struct user_process *proc, int64_t tid,
                              bool held)
{
    struct user_thread *t = user_thread_find(proc->kernel, tid);
    if (t)
        t->held = held;
}

int user_process_debugger_kill(struct user_process *proc, int64_t pid)
{
    struct user_process *p = user_proc_find(proc->kernel, pid);

    if (!p || p->exited)
        return -ESRCH;
    /* Its end is the debugger's doing, not news to report. */
    p->debugged = false;
    for (guint i = 0; i < p->threads->len; i++)
        ((struct user_thread *)g_ptr_array_index(p->threads, i))->held = false;
    user_process_kill(p, USER_SIGKILL);
    return 0;
}

int user_process_thread_set_siginfo(struct user_process *proc, int64_t tid,
                                    uint64_t offset, const uint8_t *data,
                                    size_t len)
{
    struct user_kernel *k = proc->kernel;
    struct user_thread *t = tid > 0 ? user_thread_find(k, tid) : k->current;
    struct user_siginfo *info;

    if (!t)
        return -ESRCH;
    if (!t->sig->has_stopped)
        return -ENODATA;
    info = &t->sig->stopped.info;
    if (offset > sizeof(*info) || len > sizeof(*info) - offset)
        return -EINVAL;
    memcpy((uint8_t *)info + offset, data, len);
    return 0;
}
