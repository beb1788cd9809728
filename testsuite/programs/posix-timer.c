/* POSIX timers (timer_create and its family): one-shot and periodic
 * SIGEV_SIGNAL timers taken with sigwaitinfo (si_code, si_value,
 * si_timerid), SIGEV_NONE read with timer_gettime, TIMER_ABSTIME on
 * CLOCK_MONOTONIC, SIGEV_THREAD_ID to another thread, glibc's
 * SIGEV_THREAD, overruns while the signal stays blocked, CPU-time
 * clocks, a fork child without timers, and the error cases.
 *
 * Prints only facts that do not depend on the host's speed: counts
 * against generous bounds, never times. The timer ids themselves are not
 * printed either (qemu-aarch64 hands out its own, and its si_timerid is
 * the host kernel's), only whether they are consistent.
 *
 * Every signal stays blocked in every thread but where a test takes it;
 * a thread parked in read() for the whole run keeps a lone waiter from
 * looking like a deadlock to an emulator (backstep ends a lone thread's
 * sigwaitinfo when nothing else could send it a signal). */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MS 1000000L

static sigset_t all_signals;

static int idle_pipe[2];

static void *idle_thread(void *arg)
{
    char c;
    (void)arg;
    while (read(idle_pipe[0], &c, 1) < 0 && errno == EINTR)
        ;
    return NULL;
}

static timer_t make_timer(clockid_t clock, int notify, int signo, int value)
{
    struct sigevent ev;
    timer_t t;
    memset(&ev, 0, sizeof(ev));
    ev.sigev_notify = notify;
    ev.sigev_signo = signo;
    ev.sigev_value.sival_int = value;
    if (timer_create(clock, &ev, &t) != 0) {
        printf("timer_create failed: %s\n", strerror(errno));
        exit(1);
    }
    return t;
}

static void arm(timer_t t, int flags, long value_ns, long interval_ns)
{
    struct itimerspec its = {
        .it_interval = { interval_ns / 1000000000L, interval_ns % 1000000000L },
        .it_value = { value_ns / 1000000000L, value_ns % 1000000000L },
    };
    if (timer_settime(t, flags, &its, NULL) != 0)
        printf("timer_settime failed: %s\n", strerror(errno));
}

static long ns_of(const struct timespec *ts)
{
    return ts->tv_sec * 1000000000L + ts->tv_nsec;
}

static void sleep_ms(long ms)
{
    struct timespec ts = { ms / 1000, ms % 1000 * MS };
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
}

/* Wait for one signal of set, at most 10 s: its number, or -1. */
static int wait_signal(int sig, siginfo_t *si)
{
    sigset_t set;
    struct timespec ten = { 10, 0 };
    sigemptyset(&set);
    sigaddset(&set, sig);
    return sigtimedwait(&set, si, &ten);
}

static void test_errors(void)
{
    struct sigevent ev;
    timer_t t;
    memset(&ev, 0, sizeof(ev));
    ev.sigev_notify = SIGEV_SIGNAL;
    ev.sigev_signo = SIGUSR1;
    errno = 0;
    printf("bad clock: %d %s\n", timer_create(12345, &ev, &t),
           strerror(errno));
    errno = 0;
    printf("MONOTONIC_RAW: %d %s\n", timer_create(CLOCK_MONOTONIC_RAW, &ev, &t),
           strerror(errno));
    ev.sigev_notify = 99;
    errno = 0;
    printf("bad sigev_notify: %d %s\n", timer_create(CLOCK_MONOTONIC, &ev, &t),
           strerror(errno));
    ev.sigev_notify = SIGEV_SIGNAL;
    ev.sigev_signo = 0;
    errno = 0;
    printf("signal 0: %d %s\n", timer_create(CLOCK_MONOTONIC, &ev, &t),
           strerror(errno));
    ev.sigev_notify = SIGEV_THREAD_ID;
    ev.sigev_signo = SIGUSR1;
    ev._sigev_un._tid = 0x3ffffff0;
    errno = 0;
    printf("SIGEV_THREAD_ID to no thread: %d %s\n",
           timer_create(CLOCK_MONOTONIC, &ev, &t), strerror(errno));

    t = make_timer(CLOCK_MONOTONIC, SIGEV_SIGNAL, SIGUSR1, 1);
    struct itimerspec bad = { .it_value = { 0, 1000000000L } };
    errno = 0;
    printf("settime tv_nsec 1e9: %d %s\n", timer_settime(t, 0, &bad, NULL),
           strerror(errno));
    errno = 0;
    printf("settime no value: %d %s\n", timer_settime(t, 0, NULL, NULL),
           strerror(errno));
    printf("delete: %d\n", timer_delete(t));
    struct itimerspec cur;
    errno = 0;
    printf("delete again: %d %s\n", timer_delete(t), strerror(errno));
    errno = 0;
    printf("gettime deleted: %d %s\n", timer_gettime(t, &cur), strerror(errno));
    errno = 0;
    printf("getoverrun deleted: %d %s\n", timer_getoverrun(t), strerror(errno));
}

static void test_one_shot_and_periodic(void)
{
    siginfo_t si;
    timer_t once = make_timer(CLOCK_MONOTONIC, SIGEV_SIGNAL, SIGRTMIN + 1, 77);
    arm(once, 0, 5 * MS, 0);
    int sig = wait_signal(SIGRTMIN + 1, &si);
    printf("one-shot: signal ok %d, SI_TIMER %d, value %d\n",
           sig == SIGRTMIN + 1, si.si_code == SI_TIMER, si.si_value.sival_int);
    int once_id = si.si_timerid;
    struct itimerspec cur;
    timer_gettime(once, &cur);
    printf("one-shot after: value %ld interval %ld\n", ns_of(&cur.it_value),
           ns_of(&cur.it_interval));

    timer_t every = make_timer(CLOCK_MONOTONIC, SIGEV_SIGNAL, SIGUSR1, 5);
    arm(every, 0, 2 * MS, 2 * MS);
    int good = 0, same_id = 1, first_id = 0;
    for (int i = 0; i < 5; i++) {
        if (wait_signal(SIGUSR1, &si) == SIGUSR1 && si.si_code == SI_TIMER
            && si.si_value.sival_int == 5)
            good++;
        if (i == 0)
            first_id = si.si_timerid;
        else if (si.si_timerid != first_id)
            same_id = 0;
    }
    printf("periodic: %d of 5 signals SI_TIMER with value 5, one timerid %d, "
           "not the one-shot's %d\n", good, same_id, first_id != once_id);
    timer_gettime(every, &cur);
    printf("periodic gettime: interval %ld, 0 < value <= 2ms %d\n",
           ns_of(&cur.it_interval),
           ns_of(&cur.it_value) > 0 && ns_of(&cur.it_value) <= 2 * MS);
    struct itimerspec off = { { 0, 0 }, { 0, 0 } }, old;
    timer_settime(every, 0, &off, &old);
    printf("disarm: old interval %ld, 0 < old value <= 2ms %d\n",
           ns_of(&old.it_interval),
           ns_of(&old.it_value) > 0 && ns_of(&old.it_value) <= 2 * MS);
    timer_gettime(every, &cur);
    printf("disarmed: value %ld interval %ld\n", ns_of(&cur.it_value),
           ns_of(&cur.it_interval));
    /* A signal of the periodic timer may still be pending: take it. */
    struct timespec zero = { 0, 0 };
    sigset_t usr1;
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    sigtimedwait(&usr1, &si, &zero);
    timer_delete(every);
    timer_delete(once);

    /* No sigevent: SIGALRM, SI_TIMER. */
    timer_t plain;
    if (timer_create(CLOCK_REALTIME, NULL, &plain) != 0)
        printf("timer_create(NULL) failed: %s\n", strerror(errno));
    arm(plain, 0, 3 * MS, 0);
    sig = wait_signal(SIGALRM, &si);
    printf("no sigevent: SIGALRM %d, SI_TIMER %d\n", sig == SIGALRM,
           si.si_code == SI_TIMER);
    timer_delete(plain);
}

static void test_sigev_none(void)
{
    struct itimerspec cur;
    timer_t t = make_timer(CLOCK_MONOTONIC, SIGEV_NONE, 0, 0);
    arm(t, 0, 10000 * MS, 0);
    timer_gettime(t, &cur);
    printf("SIGEV_NONE armed: 0 < value <= 10s %d, interval %ld\n",
           ns_of(&cur.it_value) > 0 && ns_of(&cur.it_value) <= 10000 * MS,
           ns_of(&cur.it_interval));
    arm(t, 0, 1 * MS, 0);
    sleep_ms(20);
    timer_gettime(t, &cur);
    printf("SIGEV_NONE run out: value %ld\n", ns_of(&cur.it_value));
    arm(t, 0, 1 * MS, 3 * MS);
    sleep_ms(20);
    timer_gettime(t, &cur);
    printf("SIGEV_NONE periodic: 0 < value <= 3ms %d, interval %ld\n",
           ns_of(&cur.it_value) > 0 && ns_of(&cur.it_value) <= 3 * MS,
           ns_of(&cur.it_interval));
    struct timespec zero = { 0, 0 };
    siginfo_t si;
    printf("SIGEV_NONE sent nothing: %d\n",
           sigtimedwait(&all_signals, &si, &zero) < 0 && errno == EAGAIN);
    timer_delete(t);
}

static void test_abstime(void)
{
    siginfo_t si;
    struct timespec now, after;
    timer_t t = make_timer(CLOCK_MONOTONIC, SIGEV_SIGNAL, SIGUSR2, 9);
    clock_gettime(CLOCK_MONOTONIC, &now);
    long target = ns_of(&now) + 10 * MS;
    arm(t, TIMER_ABSTIME, target, 0);
    int sig = wait_signal(SIGUSR2, &si);
    clock_gettime(CLOCK_MONOTONIC, &after);
    printf("TIMER_ABSTIME: signal %d, value %d, not before the time %d\n",
           sig == SIGUSR2, si.si_value.sival_int, ns_of(&after) >= target);
    /* A time already past: at once. */
    arm(t, TIMER_ABSTIME, ns_of(&after) - 1000 * MS, 0);
    sig = wait_signal(SIGUSR2, &si);
    printf("TIMER_ABSTIME in the past: signal %d\n", sig == SIGUSR2);
    timer_delete(t);
}

struct thread_target {
    sem_t ready;
    pid_t tid;
    int sig, code, value;
};

static void *target_thread(void *arg)
{
    struct thread_target *tt = arg;
    siginfo_t si;
    tt->tid = (pid_t)syscall(SYS_gettid);
    sem_post(&tt->ready);
    tt->sig = wait_signal(SIGRTMIN + 2, &si);
    tt->code = si.si_code;
    tt->value = si.si_value.sival_int;
    return NULL;
}

static sem_t callback_done;
static volatile int callback_value;

static void on_timer_thread(union sigval v)
{
    callback_value = v.sival_int;
    sem_post(&callback_done);
}

static void test_threads(void)
{
    struct thread_target tt;
    pthread_t th;
    memset(&tt, 0, sizeof(tt));
    sem_init(&tt.ready, 0, 0);
    pthread_create(&th, NULL, target_thread, &tt);
    sem_wait(&tt.ready);
    struct sigevent ev;
    timer_t t;
    memset(&ev, 0, sizeof(ev));
    ev.sigev_notify = SIGEV_THREAD_ID;
    ev.sigev_signo = SIGRTMIN + 2;
    ev.sigev_value.sival_int = 42;
    ev._sigev_un._tid = tt.tid;
    if (timer_create(CLOCK_MONOTONIC, &ev, &t) != 0)
        printf("SIGEV_THREAD_ID timer_create failed: %s\n", strerror(errno));
    arm(t, 0, 3 * MS, 0);
    pthread_join(th, NULL);
    sigset_t pending;
    sigpending(&pending);
    printf("SIGEV_THREAD_ID: the thread got it %d, SI_TIMER %d, value %d, "
           "nothing left for main %d\n",
           tt.sig == SIGRTMIN + 2, tt.code == SI_TIMER, tt.value,
           !sigismember(&pending, SIGRTMIN + 2));
    timer_delete(t);

    /* glibc's SIGEV_THREAD: a helper thread runs the function. */
    sem_init(&callback_done, 0, 0);
    memset(&ev, 0, sizeof(ev));
    ev.sigev_notify = SIGEV_THREAD;
    ev.sigev_notify_function = on_timer_thread;
    ev.sigev_value.sival_int = 123;
    if (timer_create(CLOCK_MONOTONIC, &ev, &t) != 0)
        printf("SIGEV_THREAD timer_create failed: %s\n", strerror(errno));
    arm(t, 0, 2 * MS, 0);
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += 10;
    int r = sem_timedwait(&callback_done, &deadline);
    printf("SIGEV_THREAD: function ran %d, value %d\n", r == 0,
           callback_value);
    timer_delete(t);
}

static void test_overrun(void)
{
    siginfo_t si;
    timer_t t = make_timer(CLOCK_MONOTONIC, SIGEV_SIGNAL, SIGUSR1, 3);
    printf("getoverrun before any signal: %d\n", timer_getoverrun(t));
    arm(t, 0, 1 * MS, 1 * MS);
    /* The signal stays blocked while the timer runs out many times. */
    sleep_ms(40);
    int sig = wait_signal(SIGUSR1, &si);
    int overrun = timer_getoverrun(t);
    printf("overrun: signal %d, si_overrun >= 5 %d, timer_getoverrun the "
           "same %d\n",
           sig == SIGUSR1, si.si_overrun >= 5, overrun == si.si_overrun);
    struct itimerspec off = { { 0, 0 }, { 0, 0 } };
    timer_settime(t, 0, &off, NULL);
    struct timespec zero = { 0, 0 };
    sigset_t usr1;
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    sigtimedwait(&usr1, &si, &zero);
    printf("getoverrun after settime: %d\n", timer_getoverrun(t));
    timer_delete(t);
}

static volatile sig_atomic_t cpu_ticks;

static void on_cpu_tick(int sig)
{
    (void)sig;
    cpu_ticks++;
}

/* Spin until *flag reaches want, or give up after a bound of work. */
static void spin_until(volatile sig_atomic_t *flag, int want)
{
    for (long i = 0; i < 4000000000L && *flag < want; i++)
        __asm__ volatile("" ::: "memory");
}

static void test_cpu_clocks(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_cpu_tick;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGVTALRM, &sa, NULL);
    sigset_t vt;
    sigemptyset(&vt);
    sigaddset(&vt, SIGVTALRM);

    timer_t t = make_timer(CLOCK_PROCESS_CPUTIME_ID, SIGEV_SIGNAL, SIGVTALRM, 0);
    arm(t, 0, 1 * MS, 1 * MS);
    cpu_ticks = 0;
    pthread_sigmask(SIG_UNBLOCK, &vt, NULL);
    spin_until(&cpu_ticks, 3);
    pthread_sigmask(SIG_BLOCK, &vt, NULL);
    printf("CLOCK_PROCESS_CPUTIME_ID: 3 signals while spinning %d\n",
           cpu_ticks >= 3);
    timer_delete(t);

    t = make_timer(CLOCK_THREAD_CPUTIME_ID, SIGEV_SIGNAL, SIGVTALRM, 0);
    arm(t, 0, 2 * MS, 0);
    cpu_ticks = 0;
    pthread_sigmask(SIG_UNBLOCK, &vt, NULL);
    spin_until(&cpu_ticks, 1);
    pthread_sigmask(SIG_BLOCK, &vt, NULL);
    struct itimerspec cur;
    timer_gettime(t, &cur);
    printf("CLOCK_THREAD_CPUTIME_ID: one-shot fired %d, then value %ld\n",
           cpu_ticks == 1, ns_of(&cur.it_value));
    timer_delete(t);
}

static void test_fork(void)
{
    timer_t t = make_timer(CLOCK_MONOTONIC, SIGEV_SIGNAL, SIGUSR1, 0);
    arm(t, 0, 10000 * MS, 0);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        struct itimerspec cur;
        errno = 0;
        int r = timer_gettime(t, &cur);
        printf("fork child: gettime of the parent's timer %d %s\n", r,
               strerror(errno));
        fflush(stdout);
        _exit(0);
    }
    int status;
    waitpid(pid, &status, 0);
    struct itimerspec cur;
    printf("parent's timer still armed: %d\n",
           timer_gettime(t, &cur) == 0 && ns_of(&cur.it_value) > 0);
    timer_delete(t);
}

int main(void)
{
    pthread_t idle;
    sigfillset(&all_signals);
    sigprocmask(SIG_BLOCK, &all_signals, NULL);
    if (pipe(idle_pipe) != 0)
        return 2;
    pthread_create(&idle, NULL, idle_thread, NULL);

    test_errors();
    test_one_shot_and_periodic();
    test_sigev_none();
    test_abstime();
    test_threads();
    test_overrun();
    test_cpu_clocks();
    test_fork();

    close(idle_pipe[1]);
    pthread_join(idle, NULL);
    return 0;
}
