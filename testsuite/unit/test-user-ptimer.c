/* Unit tests of the POSIX timers (user/posix-timer.c) beyond what the
 * program comparison with qemu-aarch64 (testsuite/programs/posix-timer.c)
 * can show: the ids Linux hands out (qemu-aarch64 has its own), the
 * error codes of each case, exact CPU-clock values (one instruction per
 * nanosecond), snapshots of the timer table, execve dropping the timers,
 * and the program recorded through the system-call door and replayed
 * from the log, where every real-clock expiry is a logged host wake. */
#include "config.h"

#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "server/event-log.h"
#include "server/syscall-door.h"
#include "user/kernel.h"
#include "user/snapshot.h"
#include "user/timers.h"
#include "guest-harness.h"
#include "syscall-harness.h"

#define GUEST_SIGEV_SIGNAL 0
#define GUEST_SIGEV_NONE 1
#define GUEST_SIGEV_THREAD_ID 4
#define GUEST_SIGUSR1 10
#define GUEST_CLOCK_MONOTONIC 1
#define GUEST_CLOCK_PROCESS_CPUTIME_ID 2
#define GUEST_CLOCK_MONOTONIC_RAW 4
#define GUEST_CLOCK_REALTIME_ALARM 8
/* glibc's ids for the caller's CPU clocks (MAKE_*_CPUCLOCK(0, SCHED)). */
#define GLIBC_PROCESS_CLOCK (-6)
#define GLIBC_THREAD_CLOCK (-2)
#define GUEST_TIMER_ABSTIME 1

/* struct sigevent on arm64: value, signo, notify, thread id, padding. */
static uint64_t put_sigevent(struct user_process *p, uint64_t at, int notify,
                             int signo, uint64_t value, int32_t tid)
{
    uint8_t ev[64] = { 0 };
    int32_t fields[3] = { signo, notify, tid };
    memcpy(ev, &value, 8);
    memcpy(ev + 8, fields, sizeof(fields));
    guest_put(p, at, ev, sizeof(ev));
    return at;
}

/* timer_create: the result, and the id written at out. */
static int64_t create(struct user_process *p, int64_t clock, uint64_t sev,
                      uint64_t out, int32_t *id)
{
    put32(p, out, 0xdeadbeef);
    int64_t r = SYS(p, timer_create, (uint64_t)clock, sev, out);
    *id = (int32_t)get32(p, out);
    return r;
}

/* timer_settime with a relative or absolute value and interval in ns. */
static int64_t settime(struct user_process *p, uint64_t mem, int32_t id,
                       int flags, int64_t value, int64_t interval,
                       uint64_t old)
{
    int64_t its[4] = { interval / 1000000000, interval % 1000000000,
                       value / 1000000000, value % 1000000000 };
    guest_put(p, mem, its, sizeof(its));
    return SYS(p, timer_settime, (uint64_t)id, (uint64_t)flags, mem, old);
}

/* timer_gettime: value and interval in ns. */
static void gettime(struct user_process *p, uint64_t mem, int32_t id,
                    int64_t *value, int64_t *interval)
{
    int64_t its[4];
    g_assert_cmpint(SYS(p, timer_gettime, (uint64_t)id, mem), ==, 0);
    guest_get(p, mem, its, sizeof(its));
    *interval = its[0] * 1000000000 + its[1];
    *value = its[2] * 1000000000 + its[3];
}

/* Ids from 0 up, never reused; the clock and sigevent checks. */
static void test_create_errors(void)
{
    struct user_process *p = tiny_process_new(NULL);
    uint64_t mem = guest_alloc(p, 4096);
    uint64_t sev = mem + 256, out = mem + 512;
    int32_t id;

    g_assert_cmpint(create(p, GUEST_CLOCK_MONOTONIC, 0, out, &id), ==, 0);
    g_assert_cmpint(id, ==, 0);
    g_assert_cmpint(create(p, GUEST_CLOCK_MONOTONIC, 0, out, &id), ==, 0);
    g_assert_cmpint(id, ==, 1);
    g_assert_cmpint(SYS(p, timer_delete, 0), ==, 0);
    g_assert_cmpint(SYS(p, timer_delete, 0), ==, -EINVAL);
    g_assert_cmpint(create(p, GUEST_CLOCK_MONOTONIC, 0, out, &id), ==, 0);
    g_assert_cmpint(id, ==, 2);

    /* Clocks that are not, or have no timers, take no id; a CPU clock
     * of no kind or of nobody, a refused sigevent and an alarm clock do,
     * as Linux allocates it before their checks. */
    g_assert_cmpint(create(p, 12345, 0, out, &id), ==, -EINVAL);
    g_assert_cmpint(create(p, GUEST_CLOCK_MONOTONIC_RAW, 0, out, &id), ==,
                    -EOPNOTSUPP);
    g_assert_cmpint(create(p, -5, 0, out, &id), ==, -EOPNOTSUPP); /* fd */
    g_assert_cmpint(create(p, -1, 0, out, &id), ==, -EINVAL); /* which 3 */
    /* Another process's CPU clock (pid 999: ~999 << 3 | SCHED). */
    g_assert_cmpint(create(p, ~999ll * 8 + 2, 0, out, &id), ==, -EINVAL);
    put_sigevent(p, sev, 99, GUEST_SIGUSR1, 0, 0);
    g_assert_cmpint(create(p, GUEST_CLOCK_MONOTONIC, sev, out, &id), ==, -EINVAL);
    put_sigevent(p, sev, GUEST_SIGEV_SIGNAL, 65, 0, 0);
    g_assert_cmpint(create(p, GUEST_CLOCK_MONOTONIC, sev, out, &id), ==, -EINVAL);
    put_sigevent(p, sev, GUEST_SIGEV_THREAD_ID, GUEST_SIGUSR1, 0, 4242);
    g_assert_cmpint(create(p, GUEST_CLOCK_MONOTONIC, sev, out, &id), ==, -EINVAL);
    g_assert_cmpint(create(p, GUEST_CLOCK_REALTIME_ALARM, 0, out, &id), ==, -EPERM);
    g_assert_cmpint(SYS(p, timer_create, GUEST_CLOCK_MONOTONIC, 16, out), ==,
                    -EFAULT);   /* the sigevent */
    g_assert_cmpint(SYS(p, timer_create, GUEST_CLOCK_MONOTONIC, 0, 16), ==,
                    -EFAULT);   /* the id */
    put_sigevent(p, sev, GUEST_SIGEV_THREAD_ID, GUEST_SIGUSR1, 7,
                 (int32_t)user_process_tid(p));
    g_assert_cmpint(create(p, GUEST_CLOCK_MONOTONIC, sev, out, &id), ==, 0);
    g_assert_cmpint(id, ==, 10);   /* 3..9 went to the refused ones */
    g_assert_cmpint(create(p, GLIBC_PROCESS_CLOCK, 0, out, &id), ==, 0);
    g_assert_cmpint(create(p, GLIBC_THREAD_CLOCK, 0, out, &id), ==, 0);
    g_assert_cmpint(id, ==, 12);

    /* The other calls on ids that are not (or no longer) there. */
    g_assert_cmpint(SYS(p, timer_gettime, 0, mem), ==, -EINVAL);
    g_assert_cmpint(SYS(p, timer_getoverrun, 0), ==, -EINVAL);
    g_assert_cmpint(settime(p, mem, 0, 0, 1000, 0, 0), ==, -EINVAL);
    g_assert_cmpint(settime(p, mem, 2, 0, 1000000000, 0, 0), ==, 0);
    int64_t bad[4] = { 0, 0, 0, 1000000000 };
    guest_put(p, mem, bad, sizeof(bad));
    g_assert_cmpint(SYS(p, timer_settime, 2, 0, mem, 0), ==, -EINVAL);
    g_assert_cmpint(SYS(p, timer_settime, 2, 0, 0, 0), ==, -EINVAL);
    g_assert_cmpint(SYS(p, timer_settime, 2, 0, 16, 0), ==, -EFAULT);
    g_assert_cmpint(SYS(p, timer_gettime, 2, 16), ==, -EFAULT);
    g_assert_cmpint(SYS(p, timer_getoverrun, 2), ==, 0);
    user_process_free(p);
}

/* A GUEST_SIGEV_NONE timer on the process's CPU clock: nothing runs, so the
 * time left is exactly what was set; GUEST_TIMER_ABSTIME is on the same clock;
 * the old value comes back from settime. */
static void test_cpu_clock_values(void)
{
    struct user_process *p = tiny_process_new(NULL);
    uint64_t mem = guest_alloc(p, 4096);
    uint64_t sev = mem + 256, out = mem + 512, old = mem + 1024;
    int64_t value, interval;
    int32_t id;

    put_sigevent(p, sev, GUEST_SIGEV_NONE, 0, 0, 0);
    g_assert_cmpint(create(p, GUEST_CLOCK_PROCESS_CPUTIME_ID, sev, out, &id), ==, 0);
    gettime(p, mem, id, &value, &interval);
    g_assert_cmpint(value, ==, 0);
    g_assert_cmpint(interval, ==, 0);
    g_assert_cmpint(settime(p, mem, id, 0, 5000, 700, 0), ==, 0);
    gettime(p, mem, id, &value, &interval);
    g_assert_cmpint(value, ==, 5000);
    g_assert_cmpint(interval, ==, 700);
    /* An absolute time on a clock at 0 instructions: the same. */
    g_assert_cmpint(settime(p, mem, id, GUEST_TIMER_ABSTIME, 9000, 0, old), ==, 0);
    int64_t o[4];
    guest_get(p, old, o, sizeof(o));
    g_assert_cmpint(o[0] * 1000000000 + o[1], ==, 700);
    g_assert_cmpint(o[2] * 1000000000 + o[3], ==, 5000);
    gettime(p, mem, id, &value, &interval);
    g_assert_cmpint(value, ==, 9000);
    g_assert_cmpint(interval, ==, 0);
    /* Huge times saturate (and never come). */
    int64_t huge[4] = { INT64_MAX, 999999999, INT64_MAX, 999999999 };
    guest_put(p, mem, huge, sizeof(huge));
    g_assert_cmpint(SYS(p, timer_settime, (uint64_t)id, 0, mem, 0), ==, 0);
    gettime(p, mem, id, &value, &interval);
    g_assert_cmpint(value, >, 1000000000ll * 1000000000ll);
    g_assert_cmpint(SYS(p, timer_settime, (uint64_t)id, GUEST_TIMER_ABSTIME,
                        mem, 0), ==, 0);
    /* Disarming clears the interval too. */
    g_assert_cmpint(settime(p, mem, id, 0, 0, 300, 0), ==, 0);
    gettime(p, mem, id, &value, &interval);
    g_assert_cmpint(value, ==, 0);
    g_assert_cmpint(interval, ==, 0);
    user_process_free(p);
}

/* A snapshot holds the table: timers deleted and created after it are
 * undone, ids go on from where they were. */
static void test_snapshot(void)
{
    struct user_process *p = tiny_process_new(NULL);
    uint64_t mem = guest_alloc(p, 4096);
    uint64_t out = mem + 512;
    const char *why = NULL;
    int64_t value, interval;
    int32_t id;

    g_assert_cmpint(create(p, GUEST_CLOCK_MONOTONIC, 0, out, &id), ==, 0);
    g_assert_cmpint(settime(p, mem, 0, 0, 60000000000ll, 1000, 0), ==, 0);
    struct user_snapshot *snap =
        user_snapshot_take(p, NULL, USER_SNAPSHOT_PRESENT, &why);
    g_assert_nonnull(snap);
    g_assert_cmpint(SYS(p, timer_delete, 0), ==, 0);
    g_assert_cmpint(create(p, GUEST_CLOCK_MONOTONIC, 0, out, &id), ==, 0);
    g_assert_cmpint(id, ==, 1);

    g_assert_true(user_snapshot_restore(p, snap));
    gettime(p, mem, 0, &value, &interval);
    g_assert_cmpint(value, >, 0);
    g_assert_cmpint(interval, ==, 1000);
    g_assert_cmpint(SYS(p, timer_gettime, 1, mem), ==, -EINVAL);
    g_assert_cmpint(create(p, GUEST_CLOCK_MONOTONIC, 0, out, &id), ==, 0);
    g_assert_cmpint(id, ==, 1);
    g_assert_true(user_timers_may_signal(p));
    user_snapshot_free(snap);
    user_process_free(p);
}

/* execve drops the timers (setitimer's stay: test-user-itimer). */
static void test_exec(void)
{
    struct user_process *p = tiny_process_new(NULL);
    uint64_t mem = guest_alloc(p, 4096);
    int32_t id;
    g_autofree char *tiny = g_test_build_filename(G_TEST_DIST, "testsuite",
                                                  "unit", "data",
                                                  "tiny-aarch64.elf", NULL);

    g_assert_cmpint(create(p, GUEST_CLOCK_MONOTONIC, 0, mem + 512, &id), ==, 0);
    g_assert_cmpint(settime(p, mem, id, 0, 60000000000ll, 0, 0), ==, 0);
    g_assert_true(user_timers_may_signal(p));
    uint64_t path = guest_str(p, tiny);
    uint64_t argv = guest_alloc(p, 16);
    put64(p, argv, path);
    put64(p, argv + 8, 0);
    g_assert_cmpint(SYS(p, execve, path, argv, argv + 8), ==, 0);
    g_assert_cmpint(SYS(p, timer_gettime, (uint64_t)id, 0), ==, -EINVAL);
    g_assert_false(user_timers_may_signal(p));
    user_process_free(p);
}

/* ---- Record and replay ------------------------------------------------ */

/* Real-clock timers whose expiries only signals show: one-shot,
 * periodic, to another thread, and overruns while the signal is blocked,
 * printed exactly. (timer_gettime's
 * time left is the host's: a replay gives the recording's back only once
 * the door mirrors the call, as it does getitimer.) A thread parked in
 * read() keeps the waits from looking like a lone thread's deadlock. */
static const char replay_source[] =
    "#define _GNU_SOURCE\n"
    "#include <pthread.h>\n#include <signal.h>\n#include <stdio.h>\n"
    "#include <string.h>\n#include <sys/syscall.h>\n#include <time.h>\n"
    "#include <unistd.h>\n"
    "static int fds[2];\n"
    "static void *idle(void *a) { char c; (void)a; read(fds[0], &c, 1);"
    " return NULL; }\n"
    "static pid_t target_tid;\n"
    "static void *target(void *a) {\n"
    "    siginfo_t si; sigset_t s; (void)a;\n"
    "    sigemptyset(&s); sigaddset(&s, SIGRTMIN + 2);\n"
    "    __atomic_store_n(&target_tid, (pid_t)syscall(SYS_gettid),"
    " __ATOMIC_SEQ_CST);\n"
    "    int sig = sigwaitinfo(&s, &si);\n"
    "    printf(\"thread: %d %d %d\\n\", sig - SIGRTMIN, si.si_code,"
    " si.si_value.sival_int);\n"
    "    return NULL;\n}\n"
    "static timer_t make(int notify, int sig, int value, pid_t tid) {\n"
    "    struct sigevent ev; timer_t t; memset(&ev, 0, sizeof(ev));\n"
    "    ev.sigev_notify = notify; ev.sigev_signo = sig;\n"
    "    ev.sigev_value.sival_int = value; ev._sigev_un._tid = tid;\n"
    "    timer_create(CLOCK_MONOTONIC, &ev, &t); return t;\n}\n"
    "static void arm(timer_t t, long v, long i) {\n"
    "    struct itimerspec s = { { 0, i }, { 0, v } };"
    " timer_settime(t, 0, &s, NULL);\n}\n"
    "int main(void) {\n"
    "    sigset_t all; siginfo_t si; pthread_t th[2];\n"
    "    sigfillset(&all); sigprocmask(SIG_BLOCK, &all, NULL);\n"
    "    pipe(fds); pthread_create(&th[0], NULL, idle, NULL);\n"
    "    timer_t once = make(SIGEV_SIGNAL, SIGUSR1, 7, 0);\n"
    "    arm(once, 3000000, 0);\n"
    "    int sig = sigwaitinfo(&all, &si);\n"
    "    printf(\"one-shot: %d %d %d %d\\n\", sig, si.si_code,"
    " si.si_value.sival_int, si.si_timerid);\n"
    "    timer_t every = make(SIGEV_SIGNAL, SIGUSR2, 8, 0);\n"
    "    arm(every, 2000000, 2000000);\n"
    "    for (int i = 0; i < 5; i++) {\n"
    "        sig = sigwaitinfo(&all, &si);\n"
    "        printf(\"periodic: %d %d %d %d %d\\n\", sig, si.si_code,"
    " si.si_value.sival_int, si.si_timerid, si.si_overrun);\n    }\n"
    "    arm(every, 1000000, 1000000);\n"
    "    struct timespec nap = { 0, 30000000 }; nanosleep(&nap, NULL);\n"
    "    sig = sigwaitinfo(&all, &si);\n"
    "    printf(\"overrun: %d %d %d\\n\", sig, si.si_overrun,"
    " timer_getoverrun(every));\n"
    "    timer_delete(every);\n"
    "    pthread_create(&th[1], NULL, target, NULL);\n"
    "    while (!__atomic_load_n(&target_tid, __ATOMIC_SEQ_CST))"
    " sched_yield();\n"
    "    timer_t to = make(SIGEV_THREAD_ID, SIGRTMIN + 2, 9, target_tid);\n"
    "    arm(to, 2000000, 0);\n"
    "    pthread_join(th[1], NULL);\n"
    "    timer_delete(to); timer_delete(once);\n"
    "    close(fds[1]); pthread_join(th[0], NULL);\n"
    "    return 0;\n}\n";

/* The log's POSIX timer expiries by timer slot: USER_WAKE_ITIMER_REAL
 * host wakes whose word names a slot (plus one) above the pid. */
static void count_wakes_by_slot(const struct event_log *log,
                                size_t by_slot[4])
{
    memset(by_slot, 0, 4 * sizeof(by_slot[0]));
    for (size_t i = 0; i < event_log_length(log); i++) {
        const struct event *ev = event_log_get(log, i);
        gsize len = 0;
        const uint8_t *d = ev->data ? g_bytes_get_data(ev->data, &len) : NULL;
        int64_t slot = (ev->tid >> USER_TIMER_WAKE_PID_BITS) - 1;
        if (!(ev->flags & EVENT_HOST_WAKE) || len < 8
            || d[0] != USER_WAKE_ITIMER_REAL || slot < 0)
            continue;
        g_assert_cmpint(ev->tid & ((1 << USER_TIMER_WAKE_PID_BITS) - 1), ==,
                        1000);   /* the program's pid */
        by_slot[MIN(slot, 3)]++;
    }
}

/* Record the program through the door, replay it from the log. */
static void test_replay(void)
{
    g_autofree char *dir = g_dir_make_tmp("ptimer-XXXXXX", NULL);
    g_autofree char *src = g_build_filename(dir, "replay.c", NULL);
    static const char *const flags[] = { "-static", "-O1", "-pthread", NULL };
    g_assert_true(g_file_set_contents(src, replay_source, -1, NULL));
    g_autofree char *path = guest_compile(src, dir, "replay", flags);
    g_unlink(src);
    if (!path) {
        g_test_skip("no cross compiler");
        g_rmdir(dir);
        return;
    }
    char *argv[] = { path, NULL };
    char *envp[] = { "LANG=C", NULL };

    struct event_log *log = event_log_new();
    struct syscall_door *recorder = syscall_door_new();
    syscall_door_record(recorder, log);
    struct user_options rec_opts = { .door = syscall_door_ops(recorder) };
    struct guest_run run = { .program = path, .argv = argv, .envp = envp,
                             .options = &rec_opts };
    struct guest_outcome rec = guest_run_backstep(&run);
    syscall_door_free(recorder);

    struct event_cursor cursor;
    event_cursor_init(&cursor, log);
    struct syscall_door *replayer = syscall_door_new();
    syscall_door_replay(replayer, &cursor);
    struct user_options rep_opts = { .door = syscall_door_ops(replayer) };
    run.options = &rep_opts;
    struct guest_outcome rep = guest_run_backstep(&run);

    size_t by_slot[4];
    count_wakes_by_slot(log, by_slot);
    g_test_message("%zu events, POSIX timer expiries by slot %zu %zu; "
                   "recorded:\n%s", event_log_length(log), by_slot[0],
                   by_slot[1], rec.out);
    g_assert_false(rec.killed);
    g_assert_cmpint(rec.status, ==, 0);
    g_assert_nonnull(strstr(rec.out, "one-shot: 10 -2 7 0\n"));
    g_assert_nonnull(strstr(rec.out, "periodic: 12 -2 8 1 0\n"));
    g_assert_nonnull(strstr(rec.out, "thread: 2 -2 9\n"));
    /* Slot 0: the one-shot, once. Slot 1: five periodic, the overrun's
     * (its signal and at least one overrun), then the thread's timer,
     * which takes the slot the deleted periodic one left. */
    g_assert_cmpuint(by_slot[0], ==, 1);
    g_assert_cmpuint(by_slot[1], >=, 8);
    g_assert_cmpuint(by_slot[2] + by_slot[3], ==, 0);
    const char *overrun = strstr(rec.out, "overrun: 12 ");
    g_assert_nonnull(overrun);
    int delivered = -1, reported = -1;
    g_assert_cmpint(sscanf(overrun, "overrun: 12 %d %d", &delivered,
                           &reported), ==, 2);
    g_assert_cmpint(delivered, >=, 1);
    g_assert_cmpint(reported, ==, delivered);
    /* The replay made the same calls and took every wake where the
     * recording did (its output is the recording's, not written again). */
    g_assert_cmpuint(syscall_door_mismatches(replayer), ==, 0);
    g_assert_false(rep.killed);
    g_assert_cmpint(rep.status, ==, rec.status);
    g_assert_cmpuint(cursor.next, ==, event_log_length(log));

    g_free(rec.out);
    g_free(rep.out);
    syscall_door_free(replayer);
    event_log_free(log);
    g_unlink(path);
    g_rmdir(dir);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/user/ptimer/create-errors", test_create_errors);
    g_test_add_func("/user/ptimer/cpu-clock-values", test_cpu_clock_values);
    g_test_add_func("/user/ptimer/snapshot", test_snapshot);
    g_test_add_func("/user/ptimer/exec", test_exec);
    g_test_add_func("/user/ptimer/replay", test_replay);
    return g_test_run();
}
