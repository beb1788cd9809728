/* Unit tests of the fd waits of user/ (poll.c, epoll.c): ppoll's signal
 * mask, pselect6's fd_sets and sigmask pair, epoll's 16-byte events,
 * called through the dispatcher as an svc would. */
#include "config.h"

#include "user/user-internal.h"
#include "user/poll.h"
#include "syscall-harness.h"

#include "cpu/cpu.h"

#include <errno.h>
#include <glib.h>
#include <string.h>
#include <unistd.h>

#define SIGUSR1_ 10
#define SIG_BLOCK_ 0
#define POLLIN_ 1
#define POLLOUT_ 4
#define EPOLLIN_ 1u
#define EPOLL_CTL_ADD_ 1

/* A pipe: its guest fds. */
static void new_pipe(struct user_process *p, uint64_t buf, int32_t fds[2])
{
    g_assert_cmpint(SYS(p, pipe2, buf, 0), ==, 0);
    g_assert_cmpint(user_mem_read(p, buf, fds, 8), ==, 8);
}

static uint64_t blocked_mask(struct user_process *p, uint64_t buf)
{
    g_assert_cmpint(SYS(p, rt_sigprocmask, SIG_BLOCK_, 0, buf, 8), ==, 0);
    return get64(p, buf);
}

/* SIGUSR1 blocked, with a handler: its sigaction written at tmp, the
 * mask at set (guest scratch). */
static void block_usr1_with_handler(struct user_process *p, uint64_t tmp,
                                    uint64_t set)
{
    uint64_t act[4] = { 0x400100, 0x04000000, 0x400200, 0 };
    guest_put(p, tmp, act, sizeof(act));
    g_assert_cmpint(SYS(p, rt_sigaction, SIGUSR1_, tmp, 0, 8), ==, 0);
    put64(p, set, 1ull << (SIGUSR1_ - 1));
    g_assert_cmpint(SYS(p, rt_sigprocmask, SIG_BLOCK_, set, 0, 8), ==, 0);
}

static void test_ppoll_sigmask(void)
{
    struct user_process *p = tiny_process_new(NULL);
    uint64_t buf = guest_alloc(p, 4096);
    uint64_t pfd = buf + 64, ts = buf + 128, set = buf + 192, tmp = buf + 256;
    int32_t fds[2];
    new_pipe(p, buf, fds);
    block_usr1_with_handler(p, tmp, set);

    int32_t g[2] = { fds[0], POLLIN_ };
    user_mem_write(p, pfd, g, 8);
    put64(p, ts, 0);
    put64(p, ts + 8, 0);
    put64(p, set, 0);
    /* A wrong sigset size is EINVAL, as before. */
    g_assert_cmpint(SYS(p, ppoll, pfd, 1, ts, set, 16), ==, -EINVAL);
    /* Nothing ready, zero timeout: 0, and the mask is back. */
    g_assert_cmpint(SYS(p, ppoll, pfd, 1, ts, set, 8), ==, 0);
    g_assert_cmphex(blocked_mask(p, tmp), ==, 1ull << (SIGUSR1_ - 1));
    g_assert_false(p->cur->sig->restore_mask);
    /* Ready: the count and revents, the mask back. */
    g_assert_cmpint(SYS(p, write, fds[1], buf, 1), ==, 1);
    g_assert_cmpint(SYS(p, ppoll, pfd, 1, ts, set, 8), ==, 1);
    user_mem_read(p, pfd, g, 8);
    g_assert_cmphex((uint32_t)g[1] >> 16, ==, POLLIN_);
    g_assert_cmphex(blocked_mask(p, tmp), ==, 1ull << (SIGUSR1_ - 1));
    g_assert_cmpint(SYS(p, read, fds[0], tmp, 8), ==, 1);

    /* A pending SIGUSR1 the mask unblocks: EINTR and a signal stop, the
     * caller's mask saved for the handler's frame. */
    g_assert_cmpint(SYS(p, tgkill, user_process_pid(p), user_process_tid(p),
                        SIGUSR1_), ==, 0);
    g_assert_false(p->stop_pending);
    g_assert_cmpint(SYS(p, ppoll, pfd, 1, 0, set, 8), ==, -EINTR);
    g_assert_true(p->stop_pending);
    g_assert_cmpint(p->stop.signal, ==, SIGUSR1_);
    g_assert_true(p->cur->sig->restore_mask);
    g_assert_cmphex(p->cur->sig->saved_mask, ==, 1ull << (SIGUSR1_ - 1));
    g_assert_cmphex(p->cur->sig->blocked, ==, 0);
    g_assert_true(p->cur->interrupted);
    user_process_free(p);
}

static void test_pselect6(void)
{
    struct user_process *p = tiny_process_new(NULL);
    uint64_t buf = guest_alloc(p, 4096);
    uint64_t rd = buf + 64, wr = buf + 256, ts = buf + 512, pair = buf + 576;
    uint64_t set = buf + 600;
    int32_t fds[2];
    new_pipe(p, buf, fds);
    put64(p, ts, 0);
    put64(p, ts + 8, 0);

    put64(p, rd, 1ull << fds[0]);
    put64(p, wr, 1ull << fds[1] | 1ull << fds[0]);
    /* Write end writable; the read end is neither readable nor writable. */
    g_assert_cmpint(SYS(p, pselect6, fds[1] + 1, rd, wr, 0, ts, 0), ==, 1);
    g_assert_cmphex(get64(p, rd), ==, 0);
    g_assert_cmphex(get64(p, wr), ==, 1ull << fds[1]);
    g_assert_cmpint(SYS(p, write, fds[1], buf, 1), ==, 1);
    put64(p, rd, 1ull << fds[0]);
    put64(p, wr, 1ull << fds[1]);
    g_assert_cmpint(SYS(p, pselect6, fds[1] + 1, rd, wr, 0, ts, 0), ==, 2);
    g_assert_cmphex(get64(p, rd), ==, 1ull << fds[0]);
    g_assert_cmphex(get64(p, wr), ==, 1ull << fds[1]);

    /* The sigmask pair: a good one, then a wrong size. */
    put64(p, set, 0);
    put64(p, pair, set);
    put64(p, pair + 8, 8);
    g_assert_cmpint(SYS(p, pselect6, fds[1] + 1, rd, 0, 0, ts, pair), ==, 1);
    put64(p, pair + 8, 4);
    g_assert_cmpint(SYS(p, pselect6, fds[1] + 1, rd, 0, 0, ts, pair), ==,
                    -EINVAL);
    /* A NULL set pointer in the pair: no mask. */
    put64(p, pair, 0);
    g_assert_cmpint(SYS(p, pselect6, fds[1] + 1, rd, 0, 0, ts, pair), ==, 1);

    /* Bad fd, negative nfds, bad timespec, unreadable set. */
    put64(p, rd, 1ull << 40);
    g_assert_cmpint(SYS(p, pselect6, 41, rd, 0, 0, ts, 0), ==, -EBADF);
    g_assert_cmpint(SYS(p, pselect6, (uint64_t)-1, rd, 0, 0, ts, 0), ==,
                    -EINVAL);
    put64(p, ts + 8, 1000000000);
    g_assert_cmpint(SYS(p, pselect6, 1, rd, 0, 0, ts, 0), ==, -EINVAL);
    put64(p, ts + 8, 0);
    g_assert_cmpint(SYS(p, pselect6, 1, 8, 0, 0, ts, 0), ==, -EFAULT);
    /* nfds 0: a zero timeout returns 0 at once. */
    g_assert_cmpint(SYS(p, pselect6, 0, 0, 0, 0, ts, 0), ==, 0);
    user_process_free(p);
}

static void test_epoll(void)
{
    struct user_process *p = tiny_process_new(NULL);
    uint64_t buf = guest_alloc(p, 8192);
    uint64_t ev = buf + 64, out = buf + 128, set = buf + 4000;
    int32_t fds[2];
    new_pipe(p, buf, fds);
    g_assert_cmpint(SYS(p, epoll_create1, 1), ==, -EINVAL);
    int64_t ep = SYS(p, epoll_create1, 02000000);
    g_assert_cmpint(ep, ==, fds[1] + 1);

    uint32_t head[2] = { EPOLLIN_, 0xdeadbeef };   /* padding is ignored */
    user_mem_write(p, ev, head, 8);
    put64(p, ev + 8, 0x1122334455667788ull);
    g_assert_cmpint(SYS(p, epoll_ctl, ep, EPOLL_CTL_ADD_, fds[0], ev), ==, 0);
    g_assert_cmpint(SYS(p, epoll_ctl, ep, EPOLL_CTL_ADD_, fds[0], ev), ==,
                    -EEXIST);
    g_assert_cmpint(SYS(p, epoll_ctl, ep, EPOLL_CTL_ADD_, 99, ev), ==, -EBADF);
    g_assert_cmpint(SYS(p, epoll_ctl, fds[0], EPOLL_CTL_ADD_, fds[1], ev), ==,
                    -EINVAL);

    g_assert_cmpint(SYS(p, epoll_pwait, ep, out, 4, 0, 0, 8), ==, 0);
    g_assert_cmpint(SYS(p, write, fds[1], buf, 1), ==, 1);
    memset(head, 0xff, sizeof(head));
    user_mem_write(p, out, head, 8);
    put64(p, set, 0);
    g_assert_cmpint(SYS(p, epoll_pwait, ep, out, 4, 0, set, 8), ==, 1);
    /* arm64 layout: events at 0, data at 8. */
    uint32_t events = 0;
    user_mem_read(p, out, &events, 4);
    g_assert_cmphex(events, ==, EPOLLIN_);
    g_assert_cmphex(get64(p, out + 8), ==, 0x1122334455667788ull);
    g_assert_false(p->cur->sig->restore_mask);

    /* epoll_pwait2 with a zero timespec. */
    put64(p, buf + 32, 0);
    put64(p, buf + 40, 0);
    g_assert_cmpint(SYS(p, epoll_pwait2, ep, out, 4, buf + 32, 0, 0), ==, 1);

    /* Bad arguments. */
    g_assert_cmpint(SYS(p, epoll_pwait, ep, out, 0, 0, 0, 8), ==, -EINVAL);
    g_assert_cmpint(SYS(p, epoll_pwait, ep, out, 4, 0, set, 4), ==, -EINVAL);
    g_assert_cmpint(SYS(p, epoll_pwait, ep, 8, 4, 0, 0, 8), ==, -EFAULT);
    g_assert_cmpint(SYS(p, epoll_pwait, fds[0], out, 4, 0, 0, 8), ==, -EINVAL);
    g_assert_cmpint(SYS(p, epoll_pwait, 99, out, 4, 0, 0, 8), ==, -EBADF);
    g_assert_cmpint(SYS(p, close, ep), ==, 0);
    user_process_free(p);
}

/* The timespec at ts as nanoseconds. */
static int64_t get_ns(struct user_process *p, uint64_t ts)
{
    return (int64_t)get64(p, ts) * 1000000000 + (int64_t)get64(p, ts + 8);
}

static void put_ts(struct user_process *p, uint64_t ts, int64_t s, int64_t ns)
{
    put64(p, ts, (uint64_t)s);
    put64(p, ts + 8, (uint64_t)ns);
}

/* A parked call's timeout passes: run it again as the scheduler does. */
static int64_t retry_after_deadline(struct user_process *p)
{
    struct user_thread *t = p->cur;
    g_assert_cmpint(t->state, ==, USER_THREAD_BLOCKED);
    g_assert_cmpint(t->timeout_result, ==, USER_TIMEOUT_RETRY);
    while (user_host_now_ns() < t->deadline_ns)
        g_usleep(1000);
    t->state = USER_THREAD_RUNNABLE;
    t->block = USER_BLOCK_NONE;
    user_syscall_run(p, true);
    return (int64_t)p->cpu->x[0];
}

/* Linux's poll_select_finish: ppoll and pselect6 write the time left to
 * their timespec when they return: ready, timed out (zero left), or
 * interrupted; a zero timeout is not written; epoll_pwait2's is const. */
static void test_time_left(void)
{
    struct user_process *p = tiny_process_new(NULL);
    uint64_t buf = guest_alloc(p, 4096);
    uint64_t pfd = buf + 64, ts = buf + 128, set = buf + 192, tmp = buf + 256;
    uint64_t rset = buf + 512, ev = buf + 640;
    int32_t fds[2];
    new_pipe(p, buf, fds);
    int32_t g[2] = { fds[0], POLLIN_ };
    user_mem_write(p, pfd, g, 8);

    /* Ready at once: nearly all of the 5 s are left. */
    g_assert_cmpint(SYS(p, write, fds[1], buf, 1), ==, 1);
    put_ts(p, ts, 5, 0);
    g_assert_cmpint(SYS(p, ppoll, pfd, 1, ts, 0, 0), ==, 1);
    g_assert_cmpint(get_ns(p, ts), <, 5000000000ll);
    g_assert_cmpint(get_ns(p, ts), >, 4000000000ll);
    g_assert_cmpuint(get64(p, ts + 8), <, 1000000000u);
    put64(p, rset, 1ull << fds[0]);
    put_ts(p, ts, 3, 500);
    g_assert_cmpint(SYS(p, pselect6, fds[0] + 1, rset, 0, 0, ts, 0), ==, 1);
    g_assert_cmpint(get_ns(p, ts), <, 3000000500ll);
    g_assert_cmpint(get_ns(p, ts), >, 2000000000ll);
    g_assert_cmpint(SYS(p, read, fds[0], tmp, 8), ==, 1);

    /* Nothing comes: parked; at the deadline the call runs again and
     * completes with 0, no revents, no fd set and no time left. */
    put_ts(p, ts, 0, 2000000);
    g[1] = POLLIN_ | 0x7fff0000;  /* stale revents */
    user_mem_write(p, pfd, g, 8);
    SYS(p, ppoll, pfd, 1, ts, 0, 0);
    g_assert_cmpint(retry_after_deadline(p), ==, 0);
    g_assert_cmpint(get_ns(p, ts), ==, 0);
    user_mem_read(p, pfd, g, 8);
    g_assert_cmphex((uint32_t)g[1] >> 16, ==, 0);
    put_ts(p, ts, 0, 2000000);
    put64(p, rset, 1ull << fds[0]);
    SYS(p, pselect6, fds[0] + 1, rset, 0, 0, ts, 0);
    g_assert_cmpint(retry_after_deadline(p), ==, 0);
    g_assert_cmpint(get_ns(p, ts), ==, 0);
    g_assert_cmphex(get64(p, rset), ==, 0);

    /* Interrupted by a signal the mask lets through: EINTR, and the time
     * left is written for the restart. */
    block_usr1_with_handler(p, tmp, set);
    g_assert_cmpint(SYS(p, tgkill, user_process_pid(p), user_process_tid(p),
                        SIGUSR1_), ==, 0);
    put64(p, set, 0);
    put_ts(p, ts, 7, 0);
    g_assert_cmpint(SYS(p, ppoll, pfd, 1, ts, set, 8), ==, -EINTR);
    g_assert_cmpint(get_ns(p, ts), <, 7000000000ll);
    g_assert_cmpint(get_ns(p, ts), >, 6000000000ll);

    /* A zero timeout is left alone (Linux: "no update for zero
     * timeout"); so is epoll_pwait2's. */
    p->stop_pending = false;
    p->cur->interrupted = false;
    p->cur->sig->restore_mask = false;
    put_ts(p, ts, 0, 0);
    g_assert_cmpint(SYS(p, ppoll, pfd, 1, ts, 0, 0), ==, 0);
    g_assert_cmpint(get_ns(p, ts), ==, 0);
    int ep = (int)SYS(p, epoll_create1, 0);
    g_assert_cmpint(ep, >=, 0);
    uint32_t e[4] = { EPOLLIN_, 0, 0, 0 };
    user_mem_write(p, ev, e, 16);
    g_assert_cmpint(SYS(p, epoll_ctl, ep, EPOLL_CTL_ADD_, fds[0], ev), ==, 0);
    g_assert_cmpint(SYS(p, write, fds[1], buf, 1), ==, 1);
    put_ts(p, ts, 9, 0);
    g_assert_cmpint(SYS(p, epoll_pwait2, ep, ev, 1, ts, 0, 0), ==, 1);
    g_assert_cmpint(get_ns(p, ts), ==, 9000000000ll);
    user_process_free(p);
}

/* What ppoll with a mask does to the signal state, live and as a replay
 * that took its results from a log (user_poll_replayed): the same. */
struct mask_state {
    bool restore_mask, interrupted, stop_pending;
    uint64_t blocked, saved_mask;
};

static void get_mask_state(struct user_process *p, struct mask_state *m)
{
    *m = (struct mask_state){
        .restore_mask = p->cur->sig->restore_mask,
        .interrupted = p->cur->interrupted,
        .stop_pending = p->stop_pending,
        .blocked = p->cur->sig->blocked,
        .saved_mask = p->cur->sig->restore_mask ? p->cur->sig->saved_mask : 0,
    };
}

static void assert_same_mask_state(const struct mask_state *a,
                                   const struct mask_state *b)
{
    g_assert_cmpint(a->restore_mask, ==, b->restore_mask);
    g_assert_cmpint(a->interrupted, ==, b->interrupted);
    g_assert_cmpint(a->stop_pending, ==, b->stop_pending);
    g_assert_cmphex(a->blocked, ==, b->blocked);
    g_assert_cmphex(a->saved_mask, ==, b->saved_mask);
}

/* A process with SIGUSR1 blocked and pending, a pipe, and a ppoll's
 * arguments with a mask that lets SIGUSR1 through. */
static struct user_process *masked_setup(uint64_t *args, bool pending)
{
    struct user_process *p = tiny_process_new(NULL);
    uint64_t buf = guest_alloc(p, 4096);
    uint64_t pfd = buf + 64, set = buf + 192, tmp = buf + 256;
    int32_t fds[2];
    new_pipe(p, buf, fds);
    block_usr1_with_handler(p, tmp, set);
    if (pending)
        g_assert_cmpint(SYS(p, tgkill, user_process_pid(p),
                            user_process_tid(p), SIGUSR1_), ==, 0);
    int32_t g[2] = { fds[0], POLLIN_ };
    user_mem_write(p, pfd, g, 8);
    put64(p, set, 0);
    uint64_t a[6] = { pfd, 1, 0, set, 8, 0 };
    memcpy(args, a, sizeof(a));
    return p;
}

/* The replay's side: the call's registers, its recorded result, and
 * user_poll_replayed as sched.c calls it. */
static void replayed_ppoll(struct user_process *p, const uint64_t *args,
                           int64_t ret, bool parked)
{
    p->cur->sys_nr = USER_NR_ppoll;
    memcpy(p->cur->sys_args, args, 6 * sizeof(uint64_t));
    if (!parked)
        p->cpu->x[0] = (uint64_t)ret;
    user_poll_replayed(p, parked);
}

static void test_replayed_mask(void)
{
    uint64_t a[6];
    struct mask_state live, replay;

    /* EINTR: the mask stays for the handler's frame; interrupted. */
    struct user_process *p = masked_setup(a, true);
    g_assert_cmpint(SYS(p, ppoll, a[0], a[1], a[2], a[3], a[4]), ==, -EINTR);
    get_mask_state(p, &live);
    user_process_free(p);
    p = masked_setup(a, true);
    replayed_ppoll(p, a, -EINTR, false);
    get_mask_state(p, &replay);
    user_process_free(p);
    g_assert_true(live.restore_mask && live.interrupted && live.stop_pending);
    assert_same_mask_state(&live, &replay);

    /* Parked (nothing pending, no fd ready): the mask is in place. */
    p = masked_setup(a, false);
    /* A second thread would wake it; the test's lone thread parks. */
    a[2] = 0;
    SYS(p, ppoll, a[0], a[1], a[2], a[3], a[4]);
    g_assert_cmpint(p->cur->state, ==, USER_THREAD_BLOCKED);
    get_mask_state(p, &live);
    user_process_free(p);
    p = masked_setup(a, false);
    replayed_ppoll(p, a, 0, true);
    get_mask_state(p, &replay);
    g_assert_true(live.restore_mask);
    assert_same_mask_state(&live, &replay);
    /* ...and it completes: the caller's mask is back. */
    replayed_ppoll(p, a, 1, false);
    get_mask_state(p, &replay);
    g_assert_false(replay.restore_mask);
    g_assert_cmphex(replay.blocked, ==, 1ull << (SIGUSR1_ - 1));
    user_process_free(p);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/user/poll/ppoll-sigmask", test_ppoll_sigmask);
    g_test_add_func("/user/poll/pselect6", test_pselect6);
    g_test_add_func("/user/poll/epoll", test_epoll);
    g_test_add_func("/user/poll/time-left", test_time_left);
    g_test_add_func("/user/poll/replayed-mask", test_replayed_mask);
    return g_test_run();
}
