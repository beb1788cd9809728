/* Waiting on fds: ppoll (with and without a signal mask), pselect and
 * epoll over pipes, with a thread that writes later so that waits park,
 * and a blocked pending signal that the call's mask lets through (EINTR,
 * the handler runs, the caller's mask comes back). */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t handled;

static void on_usr1(int sig)
{
    (void)sig;
    handled++;
}

static int late_fd;

static void *write_later(void *arg)
{
    (void)arg;
    struct timespec ts = { 0, 20 * 1000 * 1000 };
    nanosleep(&ts, NULL);
    if (write(late_fd, "L", 1) != 1)
        return (void *)1;
    return NULL;
}

static void start_writer(pthread_t *th, int fd)
{
    late_fd = fd;
    pthread_create(th, NULL, write_later, NULL);
}

static int usr1_blocked(void)
{
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    return sigismember(&cur, SIGUSR1);
}

static void drain(int fd)
{
    char buf[16];
    ssize_t n = read(fd, buf, sizeof(buf));
    printf("  drained %zd\n", n);
}

static void test_ppoll(int r, int w)
{
    struct pollfd pfd = { .fd = r, .events = POLLIN };
    struct timespec zero = { 0, 0 }, short_ts = { 0, 5 * 1000 * 1000 };
    printf("ppoll empty zero: %d\n", ppoll(&pfd, 1, &zero, NULL));
    printf("ppoll empty 5ms: %d\n", ppoll(&pfd, 1, &short_ts, NULL));
    write(w, "x", 1);
    int n = ppoll(&pfd, 1, NULL, NULL);
    printf("ppoll ready: %d revents=%#x\n", n, pfd.revents);
    drain(r);

    pthread_t th;
    start_writer(&th, w);
    sigset_t mask;
    sigemptyset(&mask);
    n = ppoll(&pfd, 1, NULL, &mask);
    printf("ppoll parked, masked: %d revents=%#x usr1 blocked=%d\n", n,
           pfd.revents, usr1_blocked());
    pthread_join(th, NULL);
    drain(r);

    /* A timeout that expires while parked puts the mask back too. */
    n = ppoll(&pfd, 1, &short_ts, &mask);
    printf("ppoll masked timeout: %d usr1 blocked=%d\n", n, usr1_blocked());

    /* SIGUSR1 is blocked and pending: the empty mask lets it in. */
    raise(SIGUSR1);
    handled = 0;
    n = ppoll(&pfd, 1, NULL, &mask);
    printf("ppoll signal: %d %s handled=%d usr1 blocked=%d\n", n,
           n < 0 ? strerror(errno) : "-", handled, usr1_blocked());
    /* A mask that keeps it blocked: a plain timeout. */
    sigset_t keep;
    sigemptyset(&keep);
    sigaddset(&keep, SIGUSR1);
    raise(SIGUSR1);
    handled = 0;
    n = ppoll(&pfd, 1, &short_ts, &keep);
    printf("ppoll signal kept blocked: %d handled=%d\n", n, handled);
    sigset_t pend;
    sigpending(&pend);
    printf("  still pending: %d\n", sigismember(&pend, SIGUSR1));
    /* Let it in (its handler runs once), block it again. */
    sigprocmask(SIG_UNBLOCK, &keep, NULL);
    sigprocmask(SIG_BLOCK, &keep, NULL);
    printf("  handled=%d\n", handled);
}

static void test_pselect(int r, int w)
{
    fd_set rd, wr;
    struct timespec zero = { 0, 0 }, short_ts = { 0, 5 * 1000 * 1000 };
    FD_ZERO(&rd);
    FD_SET(r, &rd);
    printf("pselect empty zero: %d isset=%d\n",
           pselect(r + 1, &rd, NULL, NULL, &zero, NULL), FD_ISSET(r, &rd));
    FD_SET(r, &rd);
    printf("pselect empty 5ms: %d\n",
           pselect(r + 1, &rd, NULL, NULL, &short_ts, NULL));
    FD_ZERO(&rd);
    FD_ZERO(&wr);
    FD_SET(r, &rd);
    FD_SET(w, &wr);
    int n = pselect(w + 1, &rd, &wr, NULL, NULL, NULL);
    printf("pselect writable: %d rd=%d wr=%d\n", n, FD_ISSET(r, &rd),
           FD_ISSET(w, &wr));
    write(w, "y", 1);
    FD_SET(r, &rd);
    FD_SET(w, &wr);
    n = pselect(w + 1, &rd, &wr, NULL, NULL, NULL);
    printf("pselect both: %d rd=%d wr=%d\n", n, FD_ISSET(r, &rd),
           FD_ISSET(w, &wr));
    drain(r);

    pthread_t th;
    start_writer(&th, w);
    sigset_t mask;
    sigemptyset(&mask);
    FD_ZERO(&rd);
    FD_SET(r, &rd);
    n = pselect(r + 1, &rd, NULL, NULL, NULL, &mask);
    printf("pselect parked, masked: %d rd=%d usr1 blocked=%d\n", n,
           FD_ISSET(r, &rd), usr1_blocked());
    pthread_join(th, NULL);
    drain(r);

    raise(SIGUSR1);
    handled = 0;
    FD_SET(r, &rd);
    n = pselect(r + 1, &rd, NULL, NULL, NULL, &mask);
    printf("pselect signal: %d %s handled=%d usr1 blocked=%d\n", n,
           n < 0 ? strerror(errno) : "-", handled, usr1_blocked());

    /* A descriptor number surely closed: one just freed. */
    int bad = dup(r);
    close(bad);
    FD_ZERO(&rd);
    FD_SET(bad, &rd);
    n = pselect(bad + 1, &rd, NULL, NULL, &zero, NULL);
    printf("pselect bad fd: %d %s\n", n, n < 0 ? strerror(errno) : "-");
}

static void test_epoll(int r, int w)
{
    int ep = epoll_create1(EPOLL_CLOEXEC);
    printf("epoll_create1: %s\n", ep >= 0 ? "ok" : strerror(errno));
    struct epoll_event ev = { .events = EPOLLIN,
                              .data.u64 = 0x1122334455667788ull };
    printf("epoll_ctl add: %d\n", epoll_ctl(ep, EPOLL_CTL_ADD, r, &ev));
    printf("epoll_ctl add again: %d %s\n", epoll_ctl(ep, EPOLL_CTL_ADD, r, &ev),
           strerror(errno));
    struct epoll_event out[4];
    memset(out, 0, sizeof(out));
    printf("epoll_wait empty: %d\n", epoll_wait(ep, out, 4, 0));
    printf("epoll_wait empty 5ms: %d\n", epoll_wait(ep, out, 4, 5));
    write(w, "z", 1);
    int n = epoll_wait(ep, out, 4, -1);
    printf("epoll_wait ready: %d events=%#x data=%#llx\n", n, out[0].events,
           (unsigned long long)out[0].data.u64);
    drain(r);

    pthread_t th;
    start_writer(&th, w);
    sigset_t mask;
    sigemptyset(&mask);
    n = epoll_pwait(ep, out, 4, 1000, &mask);
    printf("epoll_pwait parked, masked: %d data=%#llx usr1 blocked=%d\n", n,
           (unsigned long long)out[0].data.u64, usr1_blocked());
    pthread_join(th, NULL);
    drain(r);

    n = epoll_pwait(ep, out, 4, 5, &mask);
    printf("epoll_pwait masked timeout: %d usr1 blocked=%d\n", n,
           usr1_blocked());

    raise(SIGUSR1);
    handled = 0;
    n = epoll_pwait(ep, out, 4, -1, &mask);
    printf("epoll_pwait signal: %d %s handled=%d usr1 blocked=%d\n", n,
           n < 0 ? strerror(errno) : "-", handled, usr1_blocked());

    ev.events = EPOLLOUT;
    ev.data.u64 = 42;
    printf("epoll_ctl mod: %d\n", epoll_ctl(ep, EPOLL_CTL_MOD, r, &ev));
    printf("epoll_ctl add w: %d\n", epoll_ctl(ep, EPOLL_CTL_ADD, w, &ev));
    n = epoll_wait(ep, out, 4, 0);
    printf("epoll_wait writable: %d data=%llu events=%#x\n", n,
           (unsigned long long)out[0].data.u64, out[0].events);
    printf("epoll_ctl del: %d\n", epoll_ctl(ep, EPOLL_CTL_DEL, w, NULL));
    printf("epoll_wait after del: %d\n", epoll_wait(ep, out, 4, 0));
    printf("epoll_wait bad max: %d %s\n", epoll_wait(ep, out, 0, 0),
           strerror(errno));
    printf("epoll_wait not epoll: %d %s\n", epoll_wait(r, out, 4, 0),
           strerror(errno));
    close(ep);
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_usr1;
    sigaction(SIGUSR1, &sa, NULL);
    sigset_t usr1;
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    sigprocmask(SIG_BLOCK, &usr1, NULL);

    setvbuf(stdout, NULL, _IONBF, 0);
    /* run-programs.sh starts us with descriptor 7 open on our own ELF. */
    char magic[4] = { 0 };
    printf("inherited fd 7: %zd %.3s\n", pread(7, magic, 4, 0), magic + 1);
    close(7);

    int p[2];
    if (pipe(p) != 0)
        return 1;
    test_ppoll(p[0], p[1]);
    test_pselect(p[0], p[1]);
    test_epoll(p[0], p[1]);
    return 0;
}
