/* The wait shared by ppoll, pselect6 and epoll_pwait (poll.c): a timeout
 * that survives the call's retries, and the signal mask installed for
 * the wait and put back after it, as Linux's set_user_sigmask does. */
#ifndef BACKSTEP_USER_POLL_H
#define BACKSTEP_USER_POLL_H

#include "user/syscall.h"

#include <poll.h>

struct user_poll_wait {
    int64_t deadline_ns;     /* host CLOCK_MONOTONIC, 0: none */
    bool zero_timeout;       /* look once, never wait */
    bool masked;             /* a signal mask was given */
    uint64_t mask;
};

/* Timeout from a guest timespec at ts (0: wait forever). 0 or -errno. */
int user_poll_timeout_ts(struct user_process *p, uint64_t ts,
                         struct user_poll_wait *w);
/* Timeout in milliseconds, negative: forever (epoll_pwait). */
void user_poll_timeout_ms(struct user_process *p, int64_t ms,
                          struct user_poll_wait *w);
/* The mask at set (0: none) of size bytes. 0 or -errno. */
int user_poll_sigmask(struct user_process *p, uint64_t set, uint64_t size,
                      struct user_poll_wait *w);
/* After one look at the fds found `ready` of them ready: true if the call
 * completes now with its results (the mask is back). Else *ret is what
 * the handler returns: parked on the host fds h[0..n), or -EINTR for a
 * signal the mask lets through. */
bool user_poll_settle(struct user_process *p, const struct user_poll_wait *w,
                      int ready, const struct pollfd *h, unsigned n,
                      int64_t *ret);

#endif
