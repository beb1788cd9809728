/* The system-call table and dispatcher: number in x8, arguments in
 * x0..x5, result (or -errno) in x0. */
#include "config.h"

#include "user/syscall.h"
#include "user/mte.h"

#include "cpu/cpu.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

struct user_syscall_def {
    int64_t (*fn)(struct user_process *p, const uint64_t *a);
    unsigned nargs;
};

static const struct user_syscall_def table[USER_SYSCALL_MAX] = {
#define USER_SYSCALL_ROW(name, n) [USER_NR_##name] = { user_sys_##name, n },
    USER_SYSCALL_HANDLERS(USER_SYSCALL_ROW)
#undef USER_SYSCALL_ROW
};

static const char *const names[USER_SYSCALL_MAX] = {
#define USER_SYSCALL_NAME(name, nr) [nr] = #name,
    USER_SYSCALL_NR_LIST(USER_SYSCALL_NAME)
#undef USER_SYSCALL_NAME
};

static const char *syscall_name(uint64_t nr)
{
    return nr < USER_SYSCALL_MAX && names[nr] ? names[nr] : "unknown";
}

static void log_unsupported(struct user_process *p, uint64_t nr)
{
    uint64_t bit = MIN(nr, (uint64_t)USER_SYSCALL_LOG_BITS - 1);
    if (p->unsupported_logged[bit / 8] & (1u << (bit % 8)))
        return;
    p->unsupported_logged[bit / 8] |= 1u << (bit % 8);
    fprintf(stderr, "backstep: unsupported syscall %" PRIu64 " (%s)\n", nr,
            syscall_name(nr));
}

static void trace(const struct user_process *p, const struct user_thread *t,
                  uint64_t nr, const uint64_t *a, unsigned nargs, int64_t ret)
{
    GString *s = g_string_new(NULL);
    g_string_append_printf(s, "%" PRId64 " %s(", t->tid, syscall_name(nr));
    for (unsigned i = 0; i < nargs; i++)
        g_string_append_printf(s, "%s0x%" PRIx64, i ? ", " : "", a[i]);
    if (p->exited || t->state == USER_THREAD_EXITED)
        g_string_append(s, ") = ?\n");
    else if (ret == USER_SYSCALL_BLOCKED)
        g_string_append(s, ") = ? <waits>\n");
    else if (ret < 0 && ret >= -4095)
        g_string_append_printf(s, ") = %" PRId64 " (%s)\n", ret,
                               g_strerror((int)-ret));
    else
        g_string_append_printf(s, ") = 0x%" PRIx64 "\n", (uint64_t)ret);
    fputs(s->str, stderr);
    g_string_free(s, TRUE);
}

/* Run the system call of the current thread: the one in its registers,
 * or (saved) the one it is parked in, again. */
void user_syscall_run(struct user_process *p, bool saved)
{
    struct user_thread *t = p->cur;
    struct cpu_state *cpu = p->cpu;
    if (!saved) {
        t->sys_nr = cpu->x[8];
        for (int i = 0; i < 6; i++)
            t->sys_args[i] = cpu->x[i];
    }
    uint64_t nr = t->sys_nr;
    uint64_t args[6];
    memcpy(args, t->sys_args, sizeof(args));

    int64_t ret;
    unsigned nargs = 6;
    const struct user_syscall_door *door = p->kernel ? p->kernel->door : NULL;
    if (nr < USER_SYSCALL_MAX && table[nr].fn)
        nargs = table[nr].nargs;
    if (door && door->before(door->opaque, p, nr, args, &ret)
                    == USER_DOOR_SKIP) {
        /* Replayed: the door gave the recorded result. */
    } else if (nr < USER_SYSCALL_MAX && table[nr].fn) {
        ret = table[nr].fn(p, args);
    } else {
        log_unsupported(p, nr);
        ret = -ENOSYS;
    }
    if (door && ret != USER_SYSCALL_BLOCKED)
        door->after(door->opaque, p, nr, args, &ret);
    if (ret == USER_SYSCALL_BLOCKED) {
        /* Parked: x0 is written when it is woken or the call is retried. */
        if (p->log_syscalls && !saved)
            trace(p, t, nr, args, nargs, ret);
        return;
    }
    t->deadline_ns = 0;   /* done: a retried call's deadline goes */
    if (p->log_syscalls)
        trace(p, t, nr, args, nargs, ret);
    /* The thread that made the call, even if execve made another one
     * the leader: cpu is its CPU. */
    cpu->x[0] = (uint64_t)ret;
}

void user_syscall(struct user_process *p)
{
    if (user_mte_async_fault(p))
        return;   /* SIGSEGV first; the call restarts after it */
    user_syscall_run(p, false);
}
