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
    /* The guest timespec that gets the time left when the call returns
     * (ppoll, pselect6: Linux's poll_select_finish); 0: none. */
    uint64_t left_addr;
};

/* timeout_result of a wait that runs its call again when its deadline
 * passes (sched.c's host_wait): the call then writes its results (no fd
 * ready, no time left) itself, so they are the call's completed output
 * that the event log records. */
#define USER_TIMEOUT_RETRY INT64_MIN

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

/* A replay took the current thread's call from the recording instead of
 * running it (parked: it had parked there). Do to the signal mask what
 * the call did when it ran: a ppoll, pselect6 or epoll_pwait with a mask
 * installs it for the wait and puts it back when it completes, unless a
 * signal the mask let through ended it (EINTR: the mask stays until the
 * handler's frame saves the caller's, as Linux's ERESTARTNOHAND). */
void user_poll_replayed(struct user_process *p, bool parked);

/* The door's view of waits on the host (USER_DOOR_PARKED,
 * USER_DOOR_NR_REPLAY_STATUS, USER_DOOR_NR_HOST_WAKE, user_wake_how) is
 * in user/process.h, shared with server/syscall-door.c. */

#endif
