/* The system-call table and dispatcher: number in x8, arguments in
 * x0..x5, result (or -errno) in x0. */
#include "config.h"

#include "user/syscall.h"
#include "user/mte.h"

#include "cpu/cpu.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#define USER_O_CLOEXEC 02000000   /* O_CLOEXEC and SOCK_CLOEXEC on arm64 */
#define USER_MSG_CMSG_CLOEXEC 0x40000000

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

/* A call the door replayed made descriptors in the recording (accept,
 * a file opened for writing, SCM_RIGHTS received): the replay gets
 * stand-ins (/dev/null) at those numbers, so that its fd table keeps
 * step with the recording's and the descriptors made later (which do
 * run: socket, pipe2, read-only opens) get the numbers they had. I/O on
 * a stand-in is replayed too. */
static void stand_in(struct user_process *p, int64_t gfd, bool cloexec)
{
    if (gfd < 0 || gfd >= USER_FD_MAX || p->fds[gfd].host >= 0)
        return;
    int host = open("/dev/null", O_RDWR | O_CLOEXEC);
    if (host >= 0)
        user_fd_install_at(p, host, cloexec, gfd);
}

/* The fds recvmsg received: SCM_RIGHTS messages in the control buffer
 * the replay wrote back (the guest's struct msghdr: control at 32,
 * controllen at 40; struct cmsghdr: len, level, type, then data). */
static void stand_in_received(struct user_process *p, uint64_t msg,
                              bool cloexec)
{
    uint64_t control, len;
    if (user_copy_in(p, &control, msg + 32, 8) < 0
        || user_copy_in(p, &len, msg + 40, 8) < 0)
        return;
    for (uint64_t off = 0; len >= 16 && off <= len - 16;) {
        struct { uint64_t len; int32_t level, type; } h;
        if (user_copy_in(p, &h, control + off, sizeof(h)) < 0
            || h.len < 16 || h.len > len - off)
            return;
        for (uint64_t i = 0; h.level == 1 && h.type == 1 /* SCM_RIGHTS */
                             && 16 + 4 * (i + 1) <= h.len; i++) {
            int32_t gfd;
            if (user_copy_in(p, &gfd, control + off + 16 + 4 * i, 4) < 0)
                return;
            stand_in(p, gfd, cloexec);
        }
        off += (h.len + 7) & ~7ull;
    }
}

static void replayed_new_fd(struct user_process *p, uint64_t nr,
                            const uint64_t *a, int64_t ret)
{
    if (ret < 0)
        return;
    switch (nr) {
    case USER_NR_accept: stand_in(p, ret, false); break;
    case USER_NR_accept4: stand_in(p, ret, a[3] & USER_O_CLOEXEC); break;
    case USER_NR_openat: stand_in(p, ret, a[2] & USER_O_CLOEXEC); break;
    case USER_NR_recvmsg:
        stand_in_received(p, a[1], a[2] & USER_MSG_CMSG_CLOEXEC);
        break;
    default: break;
    }
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
    t->sys_retrying = saved;
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
        replayed_new_fd(p, nr, args, ret);
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
