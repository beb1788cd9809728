/* epoll: a guest epoll fd is a host epoll instance in the guest's fd
 * table; the interest list holds host fds and the guest's 64-bit data as
 * it is. Waits park the thread on the epoll fd itself (readable when an
 * event is ready), like ppoll (poll.c), with the same signal mask.
 *
 * arm64's struct epoll_event is 16 bytes (uint32 events, padding, uint64
 * data); x86_64's is packed into 12: the host's is converted.
 *
 * EVENT LOG: readiness is an input from outside; see sched.c. */
#include "config.h"

#include "user/poll.h"

#include "hw/pagestore.h"

#include <errno.h>
#include <string.h>
#include <sys/epoll.h>
#include <unistd.h>

#define GUEST_EPOLL_CLOEXEC 02000000
#define GUEST_EPOLL_EVENT_SIZE 16
/* Events taken from the host per call: fewer than maxevents is a valid
 * answer, the rest come at the next call. */
#define EVENTS_PER_CALL 256
/* Linux's EP_MAX_EVENTS for a 16-byte struct. */
#define MAX_EVENTS (INT32_MAX / GUEST_EPOLL_EVENT_SIZE)

struct guest_epoll_event {
    uint32_t events;
    uint32_t pad;
    uint64_t data;
};
_Static_assert(sizeof(struct guest_epoll_event) == GUEST_EPOLL_EVENT_SIZE,
               "arm64 epoll_event is 16 bytes");

USER_SYSCALL(epoll_create1)
{
    if (a[0] & ~(uint64_t)GUEST_EPOLL_CLOEXEC)
        return -EINVAL;
    int host = epoll_create1(EPOLL_CLOEXEC);
    if (host < 0)
        return -errno;
    return user_fd_install(p, host, a[0] & GUEST_EPOLL_CLOEXEC, 0);
}

USER_SYSCALL(epoll_ctl)
{
    int epfd = user_fd_host(p, a[0]);
    int fd = user_fd_host(p, a[2]);
    if (epfd < 0 || fd < 0)
        return -EBADF;
    int op = (int)a[1];
    struct epoll_event ev = { 0 };
    if (op != EPOLL_CTL_DEL) {
        struct guest_epoll_event g;
        int r = user_copy_in(p, &g, a[3], sizeof(g));
        if (r < 0)
            return r;
        ev.events = g.events;
        ev.data.u64 = g.data;
    }
    if (epoll_ctl(epfd, op, fd, &ev) < 0)
        return -errno;
    return 0;
}

/* epoll_pwait and epoll_pwait2 once their timeout is known. */
static int64_t epoll_wait_common(struct user_process *p, const uint64_t *a,
                                 struct user_poll_wait *w)
{
    int epfd = user_fd_host(p, a[0]);
    if (epfd < 0)
        return -EBADF;
    int64_t maxevents = (int32_t)a[2];
    if (maxevents <= 0 || maxevents > MAX_EVENTS)
        return -EINVAL;
    if (!user_access_ok(p, a[1], (uint64_t)maxevents * GUEST_EPOLL_EVENT_SIZE,
                        PAGESTORE_PROT_WRITE))
        return -EFAULT;
    int r = user_poll_sigmask(p, a[4], a[5], w);
    if (r < 0)
        return r;
    int n = (int)MIN(maxevents, (int64_t)EVENTS_PER_CALL);
    struct epoll_event host[EVENTS_PER_CALL];
    int got = epoll_wait(epfd, host, n, 0);
    if (got < 0)
        return -errno;
    struct pollfd pfd = { .fd = epfd, .events = POLLIN };
    int64_t ret;
    if (!user_poll_settle(p, w, got, &pfd, 1, &ret))
        return ret;
    struct guest_epoll_event g[EVENTS_PER_CALL];
    for (int i = 0; i < got; i++)
        g[i] = (struct guest_epoll_event){ .events = host[i].events,
                                           .data = host[i].data.u64 };
    r = user_copy_out(p, a[1], g, (size_t)got * sizeof(g[0]));
    return r < 0 ? r : got;
}

USER_SYSCALL(epoll_pwait)
{
    struct user_poll_wait w = { 0 };
    user_poll_timeout_ms(p, (int32_t)a[3], &w);
    return epoll_wait_common(p, a, &w);
}

USER_SYSCALL(epoll_pwait2)
{
    struct user_poll_wait w = { 0 };
    int r = user_poll_timeout_ts(p, a[3], &w);
    if (r < 0)
        return r;
    return epoll_wait_common(p, a, &w);
}
