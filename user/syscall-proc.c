/* Identity, time and scheduling system calls, and the per-thread
 * registrations (set_tid_address, robust list, thread name). Creating
 * and ending threads and processes: fork.c, exec.c, wait.c; futex.c. */
#define _GNU_SOURCE
#include "config.h"

#include "user/syscall.h"
#include "user/mte.h"
#include "cpu/pauth.h"

#include "hw/pagestore.h"

#include <errno.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

USER_SYSCALL(getpid)
{
    return p->pid;
}

USER_SYSCALL(gettid)
{
    return p->cur->tid;
}

USER_SYSCALL(getppid)
{
    /* The program backstep started (and an orphan) has init as its
     * parent: fixed, so runs are reproducible. */
    return p->parent ? p->parent->pid : 1;
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

/* Process groups and sessions, as Linux keeps them (job control without
 * terminals: no controlling tty is ever assigned). */

/* The live process pid names (0: the caller), or NULL. */
static struct user_process *live_proc(struct user_process *p, int64_t pid)
{
    struct user_process *q = pid == 0 ? p : user_proc_find(p->kernel, pid);
    return q && !q->exited ? q : NULL;
}

/* Whether a live process is in group pgid (of session sid, if >= 0). */
static bool group_exists(struct user_kernel *k, int64_t pgid, int64_t sid)
{
    for (guint i = 0; i < k->procs->len; i++) {
        const struct user_process *q = g_ptr_array_index(k->procs, i);
        if (!q->exited && q->pgid == pgid && (sid < 0 || q->sid == sid))
            return true;
    }
    return false;
}

USER_SYSCALL(getpgid)
{
    struct user_process *q = live_proc(p, (int32_t)a[0]);
    return q ? q->pgid : -ESRCH;
}

USER_SYSCALL(getsid)
{
    struct user_process *q = live_proc(p, (int32_t)a[0]);
    return q ? q->sid : -ESRCH;
}

USER_SYSCALL(setpgid)
{
    int64_t pid = (int32_t)a[0], pgid = (int32_t)a[1];
    struct user_process *q;

    if (pgid < 0)
        return -EINVAL;
    q = live_proc(p, pid);
    if (!q || (q != p && q->parent != p))
        return -ESRCH;          /* only itself or a child */
    if (q->sid == q->pid)
        return -EPERM;          /* a session leader stays where it is */
    if (q->sid != p->sid)
        return -EPERM;
    if (pgid == 0)
        pgid = q->pid;
    if (pgid != q->pid && !group_exists(p->kernel, pgid, p->sid))
        return -EPERM;          /* joins only a group of its session */
    q->pgid = pgid;
    return 0;
}

USER_SYSCALL(setsid)
{
    if (group_exists(p->kernel, p->pid, -1))
        return -EPERM;          /* a group leader cannot */
    p->sid = p->pgid = p->pid;
    return p->pid;
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

/* sysinfo: arm64's struct sysinfo (112 bytes). glibc's qsort asks it for
 * the memory size. The values are fixed, not the host's: what the guest
 * sees must not depend on the machine it runs on (determinism). The
 * uptime follows the instruction count, on the same 1 GHz-equivalent scale
 * as the generic timer (CNTVCT_EL0 = icount / 16 at 62.5 MHz). */
USER_SYSCALL(sysinfo)
{
    struct {
        int64_t uptime;
        uint64_t loads[3];
        uint64_t totalram, freeram, sharedram, bufferram;
        uint64_t totalswap, freeswap;
        uint16_t procs, pad;
        uint32_t pad2;
        uint64_t totalhigh, freehigh;
        uint32_t mem_unit;
        char reserved[4];
    } info;
    G_STATIC_ASSERT(sizeof(info) == 112);

    memset(&info, 0, sizeof(info));
    info.uptime = (int64_t)(user_process_icount(p) / 1000000000u);
    info.totalram = 4ull << 30;
    info.freeram = 2ull << 30;
    info.procs = 1;
    info.mem_unit = 1;
    return user_copy_out(p, a[0], &info, sizeof(info));
}

/* prctl: the thread's name (comm: what `info threads` shows), the SVE
 * vector length (user/sve.c) and pointer authentication's options
 * (linux/prctl.h); the others are
 * unknown here, -EINVAL as from a kernel without them. */
#define GUEST_PR_SET_NAME 15
#define GUEST_PR_GET_NAME 16
#define GUEST_PR_SVE_SET_VL 50
#define GUEST_PR_SVE_GET_VL 51
#define GUEST_PR_PAC_RESET_KEYS 54
#define GUEST_PR_PAC_GET_ENABLED_KEYS 61

USER_SYSCALL(prctl)
{
    char name[16];
    switch (a[0]) {
    case GUEST_PR_SET_NAME: {
        ssize_t n = user_copy_str_in(p, a[1], name, sizeof(name));
        if (n == -ENAMETOOLONG) {
            /* Linux truncates to 15 bytes. */
            int r = user_copy_in(p, name, a[1], sizeof(name) - 1);
            if (r < 0)
                return r;
            name[sizeof(name) - 1] = '\0';
        } else if (n < 0) {
            return n;
        }
        memcpy(p->cur->comm, name, sizeof(name));
        return 0;
    }
    case GUEST_PR_GET_NAME:
        return user_copy_out(p, a[1], p->cur->comm, sizeof(p->cur->comm));
    case GUEST_PR_SVE_SET_VL:
        return user_sve_set_vl(p, a[1]);
    case GUEST_PR_SVE_GET_VL:
        return user_sve_get_vl(p);
    case GUEST_PR_PAC_RESET_KEYS:
        /* Linux: EINVAL without address or generic authentication. */
        if (!pauth_config()->enabled)
            return -EINVAL;
        if (a[1] & ~(uint64_t)USER_PAC_ALL_KEYS || a[2] || a[3] || a[4])
            return -EINVAL;
        user_pauth_reset_keys(p, p->cpu,
                              a[1] ? (unsigned)a[1] : USER_PAC_ALL_KEYS);
        return 0;
    case USER_PR_SET_TAGGED_ADDR_CTRL:
    case USER_PR_GET_TAGGED_ADDR_CTRL:
        return user_mte_prctl(p, a);
    case GUEST_PR_PAC_GET_ENABLED_KEYS:
        if (!pauth_config()->enabled || a[1] || a[2] || a[3] || a[4])
            return -EINVAL;
        /* The address keys; the generic key cannot be disabled. */
        return USER_PAC_APIAKEY | USER_PAC_APIBKEY | USER_PAC_APDAKEY
               | USER_PAC_APDBKEY;
    default:
        return -EINVAL;
    }
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

/* A sleep parks the thread until a host deadline (EVENT LOG: host time
 * decides when it ends, see sched.c); others run meanwhile. A signal
 * ends it early with EINTR (the time left is not reported). */
static int64_t sleep_for(struct user_process *p, uint64_t greq, int clock,
                         int flags)
{
    int64_t g[2];
    int r = user_copy_in(p, g, greq, sizeof(g));
    if (r < 0)
        return r;
    if (g[0] < 0 || g[1] < 0 || g[1] >= 1000000000)
        return -EINVAL;
    int64_t ns = g[0] > INT64_MAX / 2000000000 ? INT64_MAX / 2
                                               : g[0] * 1000000000 + g[1];
    int64_t now = user_host_now_ns();
    int64_t deadline;
    if (flags & TIMER_ABSTIME) {
        struct timespec ts;
        clock_gettime(clock, &ts);
        int64_t cnow = (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
        deadline = now + (ns - cnow);
    } else {
        deadline = now + ns;
    }
    if (deadline <= now)
        return 0;
    /* Parked even when it is the only thread: the scheduler waits for
     * the deadline in bounded steps, so a debugger's interrupt (or a
     * timer's signal) is seen while the program sleeps. */
    return user_block(p->cur, USER_BLOCK_SLEEP, deadline, 0);
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
    p->cur->clear_child_tid = a[0];
    return p->cur->tid;
}

USER_SYSCALL(set_robust_list)
{
    if (a[1] != 24)   /* sizeof(struct robust_list_head) */
        return -EINVAL;
    p->cur->robust_list_head = a[0];
    p->cur->robust_list_len = a[1];
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
    if (a[0] != 0 && !user_thread_find(p->kernel, (int64_t)a[0]))
        return -ESRCH;
    if (a[1] < 8 || (a[1] & 7))
        return -EINVAL;
    uint64_t mask = 1;
    int r = user_copy_out(p, a[2], &mask, sizeof(mask));
    return r < 0 ? r : 8;
}

USER_SYSCALL(sched_yield)
{
    /* The rest of the quantum goes to the next thread. */
    p->kernel->quantum_left = 0;
    return 0;
}

/* sched_getscheduler/getparam: every thread is SCHED_OTHER, priority 0. */
USER_SYSCALL(sched_getscheduler)
{
    if ((int64_t)a[0] < 0)
        return -EINVAL;
    if (a[0] && !user_thread_find(p->kernel, (int64_t)a[0]))
        return -ESRCH;
    return 0;
}

USER_SYSCALL(sched_getparam)
{
    if ((int64_t)a[0] < 0 || !a[1])
        return -EINVAL;
    if (a[0] && !user_thread_find(p->kernel, (int64_t)a[0]))
        return -ESRCH;
    int32_t prio = 0;
    return user_copy_out(p, a[1], &prio, sizeof(prio));
}

USER_SYSCALL(sched_get_priority_max)
{
    return a[0] <= 2 ? (a[0] == 0 ? 0 : 99) : -EINVAL;
}

USER_SYSCALL(sched_get_priority_min)
{
    return a[0] <= 2 ? (a[0] == 0 ? 0 : 1) : -EINVAL;
}

/* One CPU: any mask holding CPU 0 is accepted. */
USER_SYSCALL(sched_setaffinity)
{
    if (a[0] && !user_thread_find(p->kernel, (int64_t)a[0]))
        return -ESRCH;
    uint8_t first;
    if (a[1] == 0)
        return -EINVAL;
    int r = user_copy_in(p, &first, a[2], 1);
    if (r < 0)
        return r;
    return (first & 1) ? 0 : -EINVAL;
}
