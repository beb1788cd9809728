/* Unit tests of the fd waits of user/ (poll.c, epoll.c): ppoll's signal
 * mask, pselect6's fd_sets and sigmask pair, epoll's 16-byte events,
 * called through the dispatcher as an svc would. */
#include "config.h"

#include "user/user-internal.h"
#include "user/syscall-nr.h"

#include "cpu/cpu.h"

#include <errno.h>
#include <glib.h>
#include <string.h>

#define PROT_RW 3
#define MAP_PRIVATE_ANON 0x22
#define SIGUSR1_ 10
#define SIG_BLOCK_ 0
#define POLLIN_ 1
#define POLLOUT_ 4
#define EPOLLIN_ 1u
#define EPOLL_CTL_ADD_ 1

static int64_t sys(struct user_process *p, uint64_t nr, uint64_t a0,
                   uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4,
                   uint64_t a5)
{
    struct cpu_state *cpu = user_process_cpu(p);
    uint64_t args[6] = { a0, a1, a2, a3, a4, a5 };
    for (int i = 0; i < 6; i++)
        cpu->x[i] = args[i];
    cpu->x[8] = nr;
    user_syscall(p);
    return (int64_t)cpu->x[0];
}
#define SYS(p, name, ...) sys_n(p, USER_NR_##name, __VA_ARGS__)
#define sys_n(p, nr, ...) sys_pad(p, nr, __VA_ARGS__, 0, 0, 0, 0, 0, 0)
#define sys_pad(p, nr, a, b, c, d, e, f, ...) sys(p, nr, a, b, c, d, e, f)

static struct user_process *new_process(void)
{
    char *path = g_test_build_filename(G_TEST_DIST, "testsuite", "unit",
                                       "data", "tiny-aarch64.elf", NULL);
    char *argv[] = { "tiny", NULL };
    char *envp[] = { NULL };
    GError *error = NULL;
    struct user_process *p = user_process_new(path, argv, envp, NULL, &error);
    g_assert_no_error(error);
    g_free(path);
    return p;
}

static uint64_t guest_alloc(struct user_process *p, uint64_t len)
{
    int64_t addr = SYS(p, mmap, 0, len, PROT_RW, MAP_PRIVATE_ANON, -1, 0);
    g_assert_cmpint(addr, >, 0);
    return addr;
}

static void put64(struct user_process *p, uint64_t addr, uint64_t v)
{
    g_assert_cmpint(user_mem_write(p, addr, &v, 8), ==, 0);
}

static uint64_t get64(struct user_process *p, uint64_t addr)
{
    uint64_t v = 0;
    g_assert_cmpint(user_mem_read(p, addr, &v, 8), ==, 8);
    return v;
}

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

static void test_ppoll_sigmask(void)
{
    struct user_process *p = new_process();
    uint64_t buf = guest_alloc(p, 4096);
    uint64_t pfd = buf + 64, ts = buf + 128, set = buf + 192, tmp = buf + 256;
    int32_t fds[2];
    new_pipe(p, buf, fds);
    /* SIGUSR1 blocked, with a handler. */
    uint64_t act[4] = { 0x400100, 0x04000000, 0x400200, 0 };
    user_mem_write(p, tmp, act, sizeof(act));
    g_assert_cmpint(SYS(p, rt_sigaction, SIGUSR1_, tmp, 0, 8), ==, 0);
    put64(p, set, 1ull << (SIGUSR1_ - 1));
    g_assert_cmpint(SYS(p, rt_sigprocmask, SIG_BLOCK_, set, 0, 8), ==, 0);

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
    struct user_process *p = new_process();
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
    struct user_process *p = new_process();
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

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/user/poll/ppoll-sigmask", test_ppoll_sigmask);
    g_test_add_func("/user/poll/pselect6", test_pselect6);
    g_test_add_func("/user/poll/epoll", test_epoll);
    return g_test_run();
}
