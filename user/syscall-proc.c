/* Process, identity, time and scheduling system calls of a
 * single-threaded guest process. */
#define _GNU_SOURCE
#include "config.h"

#include "user/syscall.h"

#include "hw/pagestore.h"

#include <errno.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

USER_SYSCALL(exit)
{
    /* The only thread leaving ends the process, as exit_group does. */
    user_process_exit(p, (int)a[0]);
    return 0;
}

USER_SYSCALL(exit_group)
{
    user_process_exit(p, (int)a[0]);
    return 0;
}

USER_SYSCALL(getpid)
{
    return p->pid;
}

USER_SYSCALL(gettid)
{
    return p->tid;
}

USER_SYSCALL(getppid)
{
    return 1;   /* as if started by init: fixed, so runs are reproducible */
}

USER_SYSCALL(getuid)
{
    return p->uid;
}

USER_SYSCALL(geteuid)
{
    return p->uid;
}

USER_SYSCALL(getgid)
{
    return p->gid;
}

USER_SYSCALL(getegid)
{
    return p->gid;
}

USER_SYSCALL(getpgid)
{
    if (a[0] != 0 && (int64_t)a[0] != p->pid)
        return -ESRCH;
    return p->pid;
}

USER_SYSCALL(getsid)
{
    if (a[0] != 0 && (int64_t)a[0] != p->pid)
        return -ESRCH;
    return p->pid;
}

USER_SYSCALL(setpgid)
{
    if ((a[0] != 0 && (int64_t)a[0] != p->pid)
        || (a[1] != 0 && (int64_t)a[1] != p->pid))
        return -ESRCH;
    return 0;   /* it already leads its own group */
}

/* struct new_utsname: six fields of 65 bytes. */
USER_SYSCALL(uname)
{
    char u[6][65];
    memset(u, 0, sizeof(u));
    strcpy(u[0], "Linux");
    strcpy(u[1], "backstep");
    strcpy(u[2], "6.1.0");
    strcpy(u[3], "#1 SMP backstep");
    strcpy(u[4], "aarch64");
    strcpy(u[5], "(none)");
    return user_copy_out(p, a[0], u, sizeof(u));
}

#define GUEST_GRND_NONBLOCK 1
#define GUEST_GRND_RANDOM 2
#define GUEST_GRND_INSECURE 4

USER_SYSCALL(getrandom)
{
    /* Deterministic bytes (see random.c): issue 5 records real ones in
     * the event log; until then runs must reproduce. */
    if (a[2] & ~(uint64_t)(GUEST_GRND_NONBLOCK | GUEST_GRND_RANDOM
                           | GUEST_GRND_INSECURE))
        return -EINVAL;
    size_t len = MIN(a[1], (uint64_t)(32u << 20));
    if (!user_access_ok(p, a[0], len, PAGESTORE_PROT_WRITE))
        return -EFAULT;
    uint8_t chunk[256];
    for (size_t done = 0; done < len;) {
        size_t n = MIN(len - done, sizeof(chunk));
        user_random_fill(p, chunk, n);
        user_copy_out(p, a[0] + done, chunk, n);
        done += n;
    }
    return len;
}

/* Time: host clocks for now. Determinism rule 1 says time is the
 * instruction count; issue 5 routes these through the event log. */
static bool clock_known(int64_t id)
{
    switch (id) {
    case CLOCK_REALTIME: case CLOCK_MONOTONIC: case CLOCK_PROCESS_CPUTIME_ID:
    case CLOCK_THREAD_CPUTIME_ID: case CLOCK_MONOTONIC_RAW:
    case CLOCK_REALTIME_COARSE: case CLOCK_MONOTONIC_COARSE:
    case CLOCK_BOOTTIME:
        return true;
    default:
        return false;
    }
}

USER_SYSCALL(clock_gettime)
{
    if (!clock_known((int64_t)a[0]))
        return -EINVAL;
    struct timespec ts;
    if (clock_gettime((clockid_t)a[0], &ts) < 0)
        return -errno;
    int64_t g[2] = { ts.tv_sec, ts.tv_nsec };
    return user_copy_out(p, a[1], g, sizeof(g));
}

USER_SYSCALL(clock_getres)
{
    if (!clock_known((int64_t)a[0]))
        return -EINVAL;
    struct timespec ts;
    if (clock_getres((clockid_t)a[0], &ts) < 0)
        return -errno;
    int64_t g[2] = { ts.tv_sec, ts.tv_nsec };
    return a[1] ? user_copy_out(p, a[1], g, sizeof(g)) : 0;
}

USER_SYSCALL(gettimeofday)
{
    if (a[0]) {
        struct timeval tv;
        gettimeofday(&tv, NULL);
        int64_t g[2] = { tv.tv_sec, tv.tv_usec };
        int r = user_copy_out(p, a[0], g, sizeof(g));
        if (r < 0)
            return r;
    }
    if (a[1]) {
        int32_t tz[2] = { 0, 0 };
        return user_copy_out(p, a[1], tz, sizeof(tz));
    }
    return 0;
}

static int64_t sleep_for(struct user_process *p, uint64_t greq, int clock,
                         int flags)
{
    int64_t g[2];
    int r = user_copy_in(p, g, greq, sizeof(g));
    if (r < 0)
        return r;
    if (g[0] < 0 || g[1] < 0 || g[1] >= 1000000000)
        return -EINVAL;
    struct timespec ts = { g[0], g[1] };
    /* Interrupted sleeps just return early: no signal can reach the guest
     * while it sleeps (there is no host-signal door yet). */
    int e = clock_nanosleep(clock, flags, &ts, NULL);
    return e == EINTR ? 0 : -e;
}

USER_SYSCALL(nanosleep)
{
    return sleep_for(p, a[0], CLOCK_MONOTONIC, 0);
}

USER_SYSCALL(clock_nanosleep)
{
    int64_t clock = a[0];
    if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC
        && clock != CLOCK_BOOTTIME)
        return -EINVAL;
    return sleep_for(p, a[2], (int)clock, (int)a[1] & TIMER_ABSTIME);
}

USER_SYSCALL(set_tid_address)
{
    p->clear_child_tid = a[0];
    return p->tid;
}

USER_SYSCALL(set_robust_list)
{
    if (a[1] != 24)   /* sizeof(struct robust_list_head) */
        return -EINVAL;
    p->robust_list_head = a[0];
    p->robust_list_len = a[1];
    return 0;
}

USER_SYSCALL(rseq)
{
    /* glibc registers rseq when it can and carries on without it. */
    return -ENOSYS;
}

static int64_t rlimit(struct user_process *p, uint64_t resource,
                      uint64_t gnew, uint64_t gold)
{
    if (resource >= USER_RLIM_NLIMITS)
        return -EINVAL;
    struct user_rlimit nl;
    if (gnew) {
        int r = user_copy_in(p, &nl, gnew, sizeof(nl));
        if (r < 0)
            return r;
        if (nl.cur > nl.max)
            return -EINVAL;
        if (nl.max > p->rlimits[resource].max)
            return -EPERM;
    }
    if (gold) {
        int r = user_copy_out(p, gold, &p->rlimits[resource],
                              sizeof(p->rlimits[resource]));
        if (r < 0)
            return r;
    }
    if (gnew)
        p->rlimits[resource] = nl;
    return 0;
}

USER_SYSCALL(prlimit64)
{
    if (a[0] != 0 && (int64_t)a[0] != p->pid)
        return -ESRCH;
    return rlimit(p, a[1], a[2], a[3]);
}

USER_SYSCALL(getrlimit)
{
    return rlimit(p, a[0], 0, a[1]);
}

USER_SYSCALL(setrlimit)
{
    return rlimit(p, a[0], a[1], 0);
}

USER_SYSCALL(sched_getaffinity)
{
    /* One CPU: bit 0. The kernel wants room for its whole mask (8 bytes
     * here) and returns the bytes it wrote. */
    if (a[0] != 0 && (int64_t)a[0] != p->pid)
        return -ESRCH;
    if (a[1] < 8 || (a[1] & 7))
        return -EINVAL;
    uint64_t mask = 1;
    int r = user_copy_out(p, a[2], &mask, sizeof(mask));
    return r < 0 ? r : 8;
}

USER_SYSCALL(sched_yield)
{
    return 0;
}

#define GUEST_FUTEX_WAIT 0
#define GUEST_FUTEX_WAKE 1
#define GUEST_FUTEX_WAIT_BITSET 9
#define GUEST_FUTEX_WAKE_BITSET 10
#define GUEST_FUTEX_CMD_MASK 0x7f   /* without PRIVATE and CLOCK_REALTIME */

/* One thread: nobody else can wake a waiter, so a wait on the expected
 * value can only time out (timed) or would deadlock forever (untimed:
 * reported as -EINVAL rather than hanging the emulator). */
USER_SYSCALL(futex)
{
    uint64_t uaddr = a[0];
    int op = (int)a[1] & GUEST_FUTEX_CMD_MASK;
    if (uaddr & 3)
        return -EINVAL;
    switch (op) {
    case GUEST_FUTEX_WAIT:
    case GUEST_FUTEX_WAIT_BITSET: {
        uint32_t cur;
        int r = user_copy_in(p, &cur, uaddr, sizeof(cur));
        if (r < 0)
            return r;
        if (cur != (uint32_t)a[2])
            return -EAGAIN;
        return a[3] ? -ETIMEDOUT : -EINVAL;
    }
    case GUEST_FUTEX_WAKE:
    case GUEST_FUTEX_WAKE_BITSET:
        if (!user_access_ok(p, uaddr, 4, PAGESTORE_PROT_READ))
            return -EFAULT;
        return 0;
    default:
        return -ENOSYS;
    }
}
