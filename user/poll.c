/* ppoll: waits on the guest's fds without blocking the host thread: a
 * thread whose fds are not ready is parked on their host fds (sched.c
 * polls them with the others' and retries the call). pause() is ppoll
 * with no fds and no timeout: a wait for a signal.
 *
 * EVENT LOG: readiness is an input from outside; see sched.c. */
#include "config.h"

#include "user/syscall.h"

#include <errno.h>
#include <poll.h>
#include <string.h>

#define NSEC_PER_SEC 1000000000ll

struct guest_pollfd {
    int32_t fd;
    int16_t events;
    int16_t revents;
};

USER_SYSCALL(ppoll)
{
    struct user_thread *t = p->cur;
    uint64_t nfds = a[1];
    if (nfds > MIN(p->rlimits[USER_RLIMIT_NOFILE].cur, (uint64_t)USER_FD_MAX))
        return -EINVAL;
    if (a[3]) {
        /* A signal mask for the wait is not supported yet. */
        return a[4] != 8 ? -EINVAL : -ENOSYS;
    }
    int64_t deadline = 0;
    bool zero_timeout = false;
    if (a[2]) {
        int64_t ts[2];
        int r = user_copy_in(p, ts, a[2], sizeof(ts));
        if (r < 0)
            return r;
        if (ts[0] < 0 || ts[1] < 0 || ts[1] >= NSEC_PER_SEC)
            return -EINVAL;
        zero_timeout = ts[0] == 0 && ts[1] == 0;
        /* A retried call keeps the deadline of its first try. */
        deadline = t->deadline_ns
                       ? t->deadline_ns
                       : user_host_now_ns()
                             + (ts[0] > INT64_MAX / NSEC_PER_SEC / 2
                                    ? INT64_MAX / 2
                                    : ts[0] * NSEC_PER_SEC + ts[1]);
    }
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
    if (ready || zero_timeout
        || (deadline && deadline <= user_host_now_ns())) {
        ret = user_copy_out(p, a[0], g, nfds * sizeof(*g));
        if (ret == 0)
            ret = ready;
        goto out;
    }
    /* Park on the host fds that are open (none: only a signal or the
     * timeout ends it). */
    unsigned n = 0;
    for (uint64_t i = 0; i < nfds; i++)
        if (h[i].fd >= 0)
            h[n++] = h[i];
    ret = user_block_polls(t, h, n, deadline);
out:
    g_free(g);
    g_free(h);
    return ret;
}
