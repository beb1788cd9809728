/* Interval timers: alarm() and pause(), setitimer(ITIMER_REAL) reloading
 * into a counting handler, getitimer's values, ITIMER_VIRTUAL and
 * ITIMER_PROF firing during a busy loop, a read interrupted by SIGALRM
 * (restarted with SA_RESTART, EINTR without), the error cases, and that
 * a fork child starts without timers. (execve keeps them: qemu-aarch64
 * cannot exec a guest program without binfmt_misc, so the unit tests
 * check that.) Prints only facts that do not depend
 * on the host's speed (counts, whether a value is within what was set). */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t alarms, vtalarms, profs;
static int wake_fd = -1;

static void on_alarm(int sig)
{
    (void)sig;
    alarms++;
    if (wake_fd >= 0) {
        char c = 'A';
        if (write(wake_fd, &c, 1) != 1)
            _exit(3);
    }
}

static void on_vtalarm(int sig)
{
    (void)sig;
    vtalarms++;
}

static void on_prof(int sig)
{
    (void)sig;
    profs++;
}

static void handle(int sig, void (*fn)(int), int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = fn;
    sa.sa_flags = flags;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

static void set_timer(int which, long value_us, long interval_us)
{
    struct itimerval v = {
        .it_interval = { interval_us / 1000000, interval_us % 1000000 },
        .it_value = { value_us / 1000000, value_us % 1000000 },
    };
    if (setitimer(which, &v, NULL) != 0)
        printf("setitimer(%d) failed: %s\n", which, strerror(errno));
}

static long us(const struct timeval *tv)
{
    return tv->tv_sec * 1000000L + tv->tv_usec;
}

static void test_alarm_pause(void)
{
    handle(SIGALRM, on_alarm, 0);
    alarms = 0;
    unsigned left = alarm(1);
    printf("alarm(1) returned %u\n", left);
    pause();
    printf("after pause: alarms=%d\n", (int)alarms);
    /* alarm() gives back the seconds left, rounded. */
    alarm(30);
    left = alarm(0);
    printf("alarm(0) after alarm(30) returned %u\n", left);
}

static void test_real_interval(void)
{
    handle(SIGALRM, on_alarm, 0);
    alarms = 0;
    set_timer(ITIMER_REAL, 5000, 5000);
    while (alarms < 5)
        pause();
    set_timer(ITIMER_REAL, 0, 0);
    printf("ITIMER_REAL interval: %d alarms\n", (int)alarms);
    struct itimerval v;
    getitimer(ITIMER_REAL, &v);
    printf("disarmed: value %ld interval %ld\n", us(&v.it_value),
           us(&v.it_interval));
}

static void test_getitimer_values(void)
{
    struct itimerval v, old;
    set_timer(ITIMER_REAL, 10000000, 1000000);
    getitimer(ITIMER_REAL, &v);
    printf("getitimer REAL: 0 < value <= set %d, interval %ld\n",
           us(&v.it_value) > 0 && us(&v.it_value) <= 10000000,
           us(&v.it_interval));
    struct itimerval none = { { 0, 0 }, { 0, 0 } };
    setitimer(ITIMER_REAL, &none, &old);
    printf("setitimer old: 0 < value <= set %d, interval %ld\n",
           us(&old.it_value) > 0 && us(&old.it_value) <= 10000000,
           us(&old.it_interval));
    /* A NULL new value disarms too (a misfeature Linux keeps). */
    set_timer(ITIMER_VIRTUAL, 50000000, 0);
    long r = syscall(103 /* setitimer */, ITIMER_VIRTUAL, NULL, &old);
    getitimer(ITIMER_VIRTUAL, &v);
    /* Linux adds a tick to a CPU timer's value when it arms it. */
    printf("setitimer(NULL): %ld, old armed %d, now %ld\n", r,
           us(&old.it_value) > 0 && us(&old.it_value) <= 50000000 + 20000,
           us(&v.it_value));
}

static volatile unsigned long spin_sink;

static void test_cpu_timers(void)
{
    handle(SIGVTALRM, on_vtalarm, 0);
    handle(SIGPROF, on_prof, 0);
    vtalarms = profs = 0;
    set_timer(ITIMER_VIRTUAL, 2000, 2000);
    set_timer(ITIMER_PROF, 3000, 3000);
    while (vtalarms < 3 || profs < 3)
        spin_sink++;
    set_timer(ITIMER_VIRTUAL, 0, 0);
    set_timer(ITIMER_PROF, 0, 0);
    printf("ITIMER_VIRTUAL >= 3: %d, ITIMER_PROF >= 3: %d\n",
           vtalarms >= 3, profs >= 3);
    /* One-shot: fires once. */
    vtalarms = 0;
    set_timer(ITIMER_VIRTUAL, 1000, 0);
    while (vtalarms < 1)
        spin_sink++;
    for (int i = 0; i < 2000000; i++)
        spin_sink++;
    printf("one-shot ITIMER_VIRTUAL: %d\n", (int)vtalarms);
}

static void test_interrupted_read(int flags, const char *what)
{
    int fds[2];
    char c = 0;
    if (pipe(fds) != 0)
        return;
    handle(SIGALRM, on_alarm, flags);
    alarms = 0;
    wake_fd = fds[1];
    set_timer(ITIMER_REAL, 10000, 0);
    ssize_t n = read(fds[0], &c, 1);
    int err = n < 0 ? errno : 0;
    wake_fd = -1;
    printf("%s: read %zd (%s) byte %c alarms %d\n", what, n,
           err ? strerror(err) : "ok", n == 1 ? c : '-', (int)alarms);
    close(fds[0]);
    close(fds[1]);
}

static void test_errors(void)
{
    struct itimerval v = { { 0, 0 }, { 1, 0 } };
    struct itimerval bad = { { 0, 0 }, { 0, 1000000 } };
    errno = 0;
    printf("setitimer(which 5): %d %s\n", setitimer(5, &v, NULL),
           strerror(errno));
    errno = 0;
    printf("getitimer(which -1): %d %s\n", getitimer(-1, &v),
           strerror(errno));
    errno = 0;
    printf("setitimer(usec 1000000): %d %s\n",
           setitimer(ITIMER_REAL, &bad, NULL), strerror(errno));
    errno = 0;
    printf("getitimer(bad pointer): %ld %s\n",
           syscall(102 /* getitimer */, ITIMER_REAL, (void *)8),
           strerror(errno));
    errno = 0;
    printf("setitimer(bad pointer): %ld %s\n",
           syscall(103, ITIMER_REAL, (void *)8, NULL), strerror(errno));
}

static void test_fork(void)
{
    struct itimerval v;
    set_timer(ITIMER_REAL, 60000000, 0);
    set_timer(ITIMER_VIRTUAL, 900000000, 0);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        getitimer(ITIMER_REAL, &v);
        long real = us(&v.it_value);
        getitimer(ITIMER_VIRTUAL, &v);
        printf("fork child: REAL %ld VIRTUAL %ld\n", real, us(&v.it_value));
        _exit(0);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("child exit %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    getitimer(ITIMER_REAL, &v);
    printf("parent REAL still armed: %d\n", us(&v.it_value) > 0);
    set_timer(ITIMER_REAL, 0, 0);
    set_timer(ITIMER_VIRTUAL, 0, 0);
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    test_alarm_pause();
    test_real_interval();
    test_getitimer_values();
    test_cpu_timers();
    test_interrupted_read(SA_RESTART, "SA_RESTART read");
    test_interrupted_read(0, "plain read");
    test_errors();
    test_fork();
    return 0;
}
