/* ppoll and pselect6: wait on the guest's fds without blocking the host
 * thread: a thread whose fds are not ready is parked on their host fds
 * (sched.c polls them with the others' and retries the call). pause() is
 * ppoll with no fds and no timeout: a wait for a signal.
 *
 * A signal mask given to the call is installed for the wait with the
 * rt_sigsuspend machinery (sigstate.h's restore_mask): a handler that
 * runs saves the caller's mask in its frame, a wait that ends without one
 * puts it back.
 *
 * ppoll and pselect6 write the time left back to their timespec, as
 * Linux does (pselect's select() heritage; epoll's timeouts are not
 * written).
 *
 * EVENT LOG: readiness is an input from outside; see sched.c. A replay
 * does not run these calls: user_poll_replayed() does to the signal mask
 * what the call did. */
#include "config.h"

#include "user/poll.h"

#include "cpu/cpu.h"

#include <errno.h>
#include <string.h>

#define NSEC_PER_SEC 1000000000ll
#define UNBLOCKABLE (user_sigbit(USER_SIGKILL) | user_sigbit(USER_SIGSTOP))

/* --- the shared wait --------------------------------------------------- */

/* A retried call keeps the deadline of its first try. */
static int64_t deadline_after(struct user_process *p, int64_t ns)
{
    return p->cur->deadline_ns ? p->cur->deadline_ns : user_host_now_ns() + ns;
}

int user_poll_timeout_ts(struct user_process *p, uint64_t ts_addr,
                         struct user_poll_wait *w)
{
    if (!ts_addr)
        return 0;
    int64_t ts[2];
    int r = user_copy_in(p, ts, ts_addr, sizeof(ts));
    if (r < 0)
        return r;
    if (ts[0] < 0 || ts[1] < 0 || ts[1] >= NSEC_PER_SEC)
        return -EINVAL;
    w->zero_timeout = ts[0] == 0 && ts[1] == 0;
    w->deadline_ns = deadline_after(p, ts[0] > INT64_MAX / NSEC_PER_SEC / 2
                                           ? INT64_MAX / 2
                                           : ts[0] * NSEC_PER_SEC + ts[1]);
    return 0;
}

void user_poll_timeout_ms(struct user_process *p, int64_t ms,
                          struct user_poll_wait *w)
{
    if (ms < 0)
        return;
    w->zero_timeout = ms == 0;
    w->deadline_ns = deadline_after(p, ms * 1000000);
}

int user_poll_sigmask(struct user_process *p, uint64_t set, uint64_t size,
                      struct user_poll_wait *w)
{
    if (!set)
        return 0;
    if (size != sizeof(w->mask))
        return -EINVAL;
    int r = user_copy_in(p, &w->mask, set, sizeof(w->mask));
    if (r < 0)
        return r;
    w->masked = true;
    return 0;
}

static void mask_install(struct user_sigthread *s, uint64_t mask)
{
    if (!s->restore_mask) {
        /* First try (a retry finds its mask in place). No pc to restart
         * at: a wait that ends without a handler completes or restarts
         * through the thread's `interrupted`. */
        s->saved_mask = s->blocked;
        s->restore_mask = true;
        s->suspend_pc = 0;
    }
    s->blocked = mask & ~UNBLOCKABLE;
}

static void mask_restore(struct user_sigthread *s)
{
    s->blocked = s->saved_mask;
    s->restore_mask = false;
}

/* Linux's poll_select_finish: the time left goes back to the caller's
 * timespec when the call returns (done or interrupted), unless it had no
 * timeout or a zero one. A timespec that cannot be written is left as it
 * is (Linux ignores that too). */
static void write_time_left(struct user_process *p,
                            const struct user_poll_wait *w)
{
    if (!w->left_addr || !w->deadline_ns || w->zero_timeout)
        return;
    int64_t left = MAX(w->deadline_ns - user_host_now_ns(), (int64_t)0);
    int64_t ts[2] = { left / NSEC_PER_SEC, left % NSEC_PER_SEC };
    (void)user_copy_out(p, w->left_addr, ts, sizeof(ts));
}

/* Park on the host fds; at the deadline the call runs again to complete
 * (USER_TIMEOUT_RETRY): its results are then written by the call, where
 * the event log sees them. */
static int64_t park(struct user_thread *t, const struct user_poll_wait *w,
                    const struct pollfd *h, unsigned n)
{
    int64_t ret = user_block_polls(t, h, n, w->deadline_ns);
    if (w->deadline_ns)
        t->timeout_result = USER_TIMEOUT_RETRY;
    return ret;
}

bool user_poll_settle(struct user_process *p, const struct user_poll_wait *w,
                      int ready, const struct pollfd *h, unsigned n,
                      int64_t *ret)
{
    struct user_thread *t = p->cur;
    if (w->masked)
        mask_install(t->sig, w->mask);
    if (ready)
        goto done;
    if (w->masked) {
        /* A signal the mask unblocks ends the wait (Linux checks fds
         * first, then signals, then the timeout). */
        user_signal_check_pending(p);
        if (p->stop_pending) {
            if (t->interrupted) {
                /* A signal woke this retry: the scheduler ends the
                 * wait with EINTR (sched.c's run_thread). */
                write_time_left(p, w);
                *ret = park(t, w, h, n);
                return false;
            }
            /* ERESTARTNOHAND: EINTR once a handler runs, else the call
             * starts again (user_syscall_interrupted). */
            t->interrupted = true;
            write_time_left(p, w);
            *ret = -EINTR;
            return false;
        }
    }
    if (w->zero_timeout || (w->deadline_ns && w->deadline_ns <= user_host_now_ns()))
        goto done;
    /* Park (no fds: only a signal or the timeout ends it). A retry that
     * a signal woke parks again and the scheduler ends it with EINTR:
     * the time left goes back now. */
    if (t->interrupted)
        write_time_left(p, w);
    *ret = park(t, w, h, n);
    return false;
done:
    write_time_left(p, w);
    if (w->masked)
        mask_restore(t->sig);
    return true;
}

/* The mask argument of a wait call in the thread's saved arguments, as
 * the call reads it: true with *mask if it has one. */
static bool call_mask(struct user_process *p, const struct user_thread *t,
                      uint64_t *mask)
{
    const uint64_t *a = t->sys_args;
    struct user_poll_wait w = { 0 };
    uint64_t set = 0, size = 0;
    switch (t->sys_nr) {
    case USER_NR_ppoll:
        set = a[3];
        size = a[4];
        break;
    case USER_NR_pselect6: {
        uint64_t pair[2];
        if (!a[5] || user_copy_in(p, pair, a[5], sizeof(pair)) < 0)
            return false;
        set = pair[0];
        size = pair[1];
        break;
    }
    case USER_NR_epoll_pwait: case USER_NR_epoll_pwait2:
        set = a[4];
        size = a[5];
        break;
    default:
        return false;
    }
    if (user_poll_sigmask(p, set, size, &w) < 0 || !w.masked)
        return false;
    *mask = w.mask;
    return true;
}

void user_poll_replayed(struct user_process *p, bool parked)
{
    struct user_thread *t = p->cur;
    uint64_t mask;
    if (!call_mask(p, t, &mask))
        return;
    if (parked) {
        mask_install(t->sig, mask);
    } else if ((int64_t)t->cpu->x[0] == -EINTR) {
        /* The recording's settle found a signal the mask lets through. */
        mask_install(t->sig, mask);
        t->interrupted = true;
        user_signal_check_pending(p);
    } else if (t->sig->restore_mask) {
        mask_restore(t->sig);
    }
}

/* --- ppoll --------------------------------------------------------------- */

struct guest_pollfd {
    int32_t fd;
    int16_t events;
    int16_t revents;
};

USER_SYSCALL(ppoll)
{
    uint64_t nfds = a[1];
    if (nfds > MIN(p->rlimits[USER_RLIMIT_NOFILE].cur, (uint64_t)USER_FD_MAX))
        return -EINVAL;
    struct user_poll_wait w = { 0 };
    int r = user_poll_sigmask(p, a[3], a[4], &w);
    if (r == 0)
        r = user_poll_timeout_ts(p, a[2], &w);
    if (r < 0)
        return r;
    w.left_addr = a[2];
    struct guest_pollfd *g = g_new0(struct guest_pollfd, nfds ? nfds : 1);
    struct pollfd *h = g_new0(struct pollfd, nfds ? nfds : 1);
    int64_t ret = user_copy_in(p, g, a[0], nfds * sizeof(*g));
    if (ret < 0)
        goto out;
    int ready = 0;
    for (uint64_t i = 0; i < nfds; i++) {
        g[i].revents = 0;
        h[i] = (struct pollfd){ .fd = -1, .events = g[i].events };
        if (g[i].fd < 0)
            continue;
        int host = user_fd_host(p, g[i].fd);
        if (host < 0)
            g[i].revents = POLLNVAL;
        else
            h[i].fd = host;
    }
    if (nfds && poll(h, nfds, 0) < 0) {
        ret = -errno;
        goto out;
    }
    for (uint64_t i = 0; i < nfds; i++) {
        if (h[i].fd >= 0)
            g[i].revents = h[i].revents;
        ready += g[i].revents != 0;
    }
    /* Park on the host fds that are open. */
    unsigned n = 0;
    for (uint64_t i = 0; i < nfds; i++)
        if (h[i].fd >= 0)
            h[n++] = h[i];
    if (user_poll_settle(p, &w, ready, h, n, &ret)) {
        ret = user_copy_out(p, a[0], g, nfds * sizeof(*g));
        if (ret == 0)
            ret = ready;
    }
out:
    g_free(g);
    g_free(h);
    return ret;
}

/* --- pselect6 ------------------------------------------------------------ */

/* What select counts as readable, writable and exceptional (Linux's
 * POLLIN_SET, POLLOUT_SET, POLLEX_SET). */
#define SELECT_IN (POLLIN | POLLRDNORM | POLLRDBAND | POLLHUP | POLLERR)
#define SELECT_OUT (POLLOUT | POLLWRNORM | POLLWRBAND | POLLERR)
#define SELECT_EX POLLPRI

/* fd_set words: 64 fds each, as the guest's unsigned long. */
#define SET_WORDS ((USER_FD_MAX + 63) / 64)

static bool fd_isset(const uint64_t *set, unsigned fd)
{
    return set[fd / 64] >> (fd % 64) & 1;
}

USER_SYSCALL(pselect6)
{
    int64_t nfds = (int32_t)a[0];
    if (nfds < 0)
        return -EINVAL;
    /* Bits past the fd table are not looked at, as on Linux. */
    unsigned n = (unsigned)MIN(nfds, (int64_t)USER_FD_MAX);
    size_t bytes = (n + 63) / 64 * 8;
    struct user_poll_wait w = { 0 };
    int r = user_poll_timeout_ts(p, a[4], &w);
    if (r < 0)
        return r;
    w.left_addr = a[4];
    if (a[5]) {
        /* arm64 passes { const sigset_t *ss; size_t ss_len } */
        uint64_t pair[2];
        r = user_copy_in(p, pair, a[5], sizeof(pair));
        if (r == 0)
            r = user_poll_sigmask(p, pair[0], pair[1], &w);
        if (r < 0)
            return r;
    }
    uint64_t in[3][SET_WORDS], out[3][SET_WORDS];
    memset(in, 0, sizeof(in));
    memset(out, 0, sizeof(out));
    for (int k = 0; k < 3; k++) {
        if (a[1 + k] && (r = user_copy_in(p, in[k], a[1 + k], bytes)) < 0)
            return r;
    }
    static const short want[3] = { POLLIN, POLLOUT, POLLPRI };
    static const short got[3] = { SELECT_IN, SELECT_OUT, SELECT_EX };
    struct pollfd *h = g_new0(struct pollfd, n ? n : 1);
    unsigned *fd_of = g_new0(unsigned, n ? n : 1);
    unsigned count = 0;
    int64_t ret = 0;
    for (unsigned fd = 0; fd < n; fd++) {
        short events = 0;
        for (int k = 0; k < 3; k++)
            if (fd_isset(in[k], fd))
                events |= want[k];
        if (!events)
            continue;
        int host = user_fd_host(p, fd);
        if (host < 0) {
            ret = -EBADF;
            goto out;
        }
        fd_of[count] = fd;
        h[count++] = (struct pollfd){ .fd = host, .events = events };
    }
    if (count && poll(h, count, 0) < 0) {
        ret = -errno;
        goto out;
    }
    int ready = 0;
    for (unsigned i = 0; i < count; i++) {
        unsigned fd = fd_of[i];
        for (int k = 0; k < 3; k++) {
            if (fd_isset(in[k], fd) && (h[i].revents & got[k])) {
                out[k][fd / 64] |= 1ull << (fd % 64);
                ready++;
            }
        }
        h[i].revents = 0;
    }
    if (user_poll_settle(p, &w, ready, h, count, &ret)) {
        for (int k = 0; k < 3; k++) {
            if (a[1 + k] && (r = user_copy_out(p, a[1 + k], out[k], bytes)) < 0) {
                ret = r;
                goto out;
            }
        }
        ret = ready;
    }
out:
    g_free(h);
    g_free(fd_of);
    return ret;
}
