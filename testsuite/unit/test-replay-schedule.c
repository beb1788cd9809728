/* Unit tests: a replay follows the recording's schedule across waits on
 * the host (issue 5). Guest programs whose threads and processes wait on
 * pipes, sockets, poll/epoll and sleeps (testsuite/guest/fork.c,
 * testsuite/programs/poll.c and sockets.c, compiled at test time with the
 * cross compiler; skipped without one) are recorded through the
 * system-call door, the log goes through a recording file, and a fresh
 * machine replays it: every system call (every try of one that waits)
 * must come at the same instruction count in the same thread, the run
 * must end at the same count with the same status, and the replay must
 * take every event of the log and no call from the host. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "server/event-log.h"
#include "server/syscall-door.h"
#include "user/process.h"

/* user/poll.h's pseudo-calls are above this; real calls are below. */
#define FIRST_PSEUDO_NR (1ull << 40)

static char *tmpdir;

/* ---- A door that notes every system call it is offered --------------- */

struct call {
    uint64_t icount;
    int64_t tid;
    uint64_t nr;
};

struct traced_door {
    struct user_syscall_door ops;
    const struct user_syscall_door *inner;
    GArray *calls;          /* of struct call */
};

static enum user_door_action traced_before(void *opaque,
                                           struct user_process *p,
                                           uint64_t nr, const uint64_t *args,
                                           int64_t *ret)
{
    struct traced_door *t = opaque;
    if (nr < FIRST_PSEUDO_NR) {
        struct call c = { user_process_icount(p), user_process_tid(p), nr };
        g_array_append_val(t->calls, c);
    }
    return t->inner->before(t->inner->opaque, p, nr, args, ret);
}

static void traced_after(void *opaque, struct user_process *p, uint64_t nr,
                         const uint64_t *args, int64_t *ret)
{
    struct traced_door *t = opaque;
    t->inner->after(t->inner->opaque, p, nr, args, ret);
}

static void traced_init(struct traced_door *t, struct syscall_door *door)
{
    t->inner = syscall_door_ops(door);
    t->ops = (struct user_syscall_door){ traced_before, traced_after, t };
    t->calls = g_array_new(FALSE, FALSE, sizeof(struct call));
}

/* ---- Running a program to its end --------------------------------------- */

struct run {
    GArray *calls;
    uint64_t icount;
    enum user_event_kind end;
    int status;             /* exit code or signal */
};

/* Run path under door to its end. The guest writes to our stdout while
 * recording: that goes to stdout_path (NULL: /dev/null), away from the
 * TAP stream. */
static void run_program(const char *path, struct syscall_door *door,
                        const char *stdout_path, struct run *out)
{
    struct traced_door traced;
    char *argv[] = { (char *)path, NULL };
    char *envp[] = { "LANG=C", NULL };
    struct user_options opts = { .door = &traced.ops };
    GError *error = NULL;
    unsigned still = 0;

    traced_init(&traced, door);
    fflush(stdout);
    int saved_stdout = dup(1);
    int null = open(stdout_path ? stdout_path : "/dev/null",
                    O_WRONLY | O_CREAT | O_TRUNC, 0600);
    g_assert_cmpint(saved_stdout, >=, 0);
    g_assert_cmpint(null, >=, 0);
    dup2(null, 1);
    close(null);
    struct user_process *p = user_process_new(path, argv, envp, &opts,
                                              &error);
    g_assert_no_error(error);
    gint64 give_up = g_get_monotonic_time() + 120 * G_USEC_PER_SEC;
    struct user_event ev;
    for (;;) {
        uint64_t before = user_process_icount(p);
        user_process_run(p, 1u << 22, &ev);
        if (ev.kind == USER_EVENT_EXITED || ev.kind == USER_EVENT_KILLED)
            break;
        if (ev.kind == USER_EVENT_SIGNAL)
            user_process_set_thread_signal(p, ev.tid, ev.signal);
        /* A recording waits on the host between runs; a replay never
         * needs to: a replay that does not move is stuck. */
        still = user_process_icount(p) == before ? still + 1 : 0;
        if (still > 100000 || g_get_monotonic_time() > give_up)
            break;
    }
    dup2(saved_stdout, 1);
    close(saved_stdout);
    g_assert_cmpuint(still, <=, 100000);
    g_assert_true(ev.kind == USER_EVENT_EXITED || ev.kind == USER_EVENT_KILLED);
    out->calls = traced.calls;
    out->icount = user_process_icount(p);
    out->end = ev.kind;
    out->status = ev.kind == USER_EVENT_EXITED ? ev.exit_code : ev.signal;
    user_process_free(p);
}

/* ---- Guests ---------------------------------------------------------------- */

static char *compile_source(const char *src, const char *name);

/* Compile testsuite/DIR/NAME.c into tmpdir; NULL without a cross
 * compiler (or if it does not build here). */
static char *compile(const char *dir, const char *name)
{
    g_autofree char *file = g_strconcat(name, ".c", NULL);
    g_autofree char *src = g_test_build_filename(G_TEST_DIST, "testsuite",
                                                 dir, file, NULL);
    return compile_source(src, name);
}

static char *compile_source(const char *src, const char *name)
{
    g_autofree char *cc = g_find_program_in_path("aarch64-linux-gnu-gcc");
    char *out = g_build_filename(tmpdir, name, NULL);
    int status;

    if (!cc || !g_file_test(src, G_FILE_TEST_EXISTS)) {
        g_free(out);
        return NULL;
    }
    char *argv[] = { cc, "-static", "-O1", "-pthread", "-o", out, (char *)src,
                     NULL };
    if (!g_spawn_sync(NULL, argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                      NULL, NULL, NULL, &status, NULL)
        || !g_spawn_check_wait_status(status, NULL)) {
        g_free(out);
        return NULL;
    }
    return out;
}

/* The log through a recording file, as --record-file and --replay take
 * it. */
static struct event_log *through_file(struct event_log *log, const char *path,
                                      uint64_t end)
{
    g_autofree char *file = g_build_filename(tmpdir, "rec.bsr", NULL);
    char *argv[] = { (char *)path, NULL };
    char *envp[] = { "LANG=C", NULL };
    char **argv_back = NULL, **envp_back = NULL;
    uint64_t end_back = 0;
    GError *error = NULL;

    g_assert_true(event_log_save(log, argv, envp, end, file, &error));
    g_assert_no_error(error);
    struct event_log *back = event_log_load(file, &argv_back, &envp_back,
                                            &end_back, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(end_back, ==, end);
    g_assert_cmpuint(event_log_length(back), ==, event_log_length(log));
    g_strfreev(argv_back);
    g_strfreev(envp_back);
    g_unlink(file);
    return back;
}

static size_t count_flagged(const struct event_log *log, uint32_t flag)
{
    size_t n = 0;
    for (size_t i = 0; i < event_log_length(log); i++)
        n += (event_log_get(log, i)->flags & flag) != 0;
    return n;
}

/* Record the program at path (its output to stdout_path), replay it
 * from the start, and compare. */
static void check_replay_of(const char *path, const char *name,
                            const char *stdout_path)
{
    struct run rec, rep;

    struct event_log *log = event_log_new();
    struct syscall_door *recorder = syscall_door_new();
    syscall_door_record(recorder, log);
    run_program(path, recorder, stdout_path, &rec);
    syscall_door_free(recorder);

    struct event_log *loaded = through_file(log, path, rec.icount);
    struct event_cursor cursor;
    event_cursor_init(&cursor, loaded);
    struct syscall_door *replayer = syscall_door_new();
    syscall_door_replay(replayer, &cursor);
    run_program(path, replayer, NULL, &rep);

    g_test_message("%s: %u calls, %zu events (%zu parked, %zu host wakes), "
                   "%" PRIu64 " instructions", name, rec.calls->len,
                   event_log_length(log),
                   count_flagged(log, EVENT_SYSCALL_PARKED),
                   count_flagged(log, EVENT_HOST_WAKE), rec.icount);
    g_assert_cmpuint(syscall_door_mismatches(replayer), ==, 0);
    for (guint i = 0; i < MIN(rec.calls->len, rep.calls->len); i++) {
        const struct call *a = &g_array_index(rec.calls, struct call, i);
        const struct call *b = &g_array_index(rep.calls, struct call, i);
        if (a->icount != b->icount || a->tid != b->tid || a->nr != b->nr)
            g_test_message("call %u: recorded %" PRIu64 " in %" PRId64
                           " at %" PRIu64 ", replayed %" PRIu64 " in %"
                           PRId64 " at %" PRIu64, i, a->nr, a->tid,
                           a->icount, b->nr, b->tid, b->icount);
        g_assert_cmpuint(a->nr, ==, b->nr);
        g_assert_cmpint(a->tid, ==, b->tid);
        g_assert_cmpuint(a->icount, ==, b->icount);
    }
    g_assert_cmpuint(rec.calls->len, ==, rep.calls->len);
    g_assert_cmpuint(rec.icount, ==, rep.icount);
    g_assert_cmpint(rec.end, ==, rep.end);
    g_assert_cmpint(rec.status, ==, rep.status);
    g_assert_cmpuint(cursor.next, ==, event_log_length(loaded));

    g_array_unref(rec.calls);
    g_array_unref(rep.calls);
    syscall_door_free(replayer);
    event_log_free(loaded);
    event_log_free(log);
}

/* Record testsuite/dir/name.c, replay it from the start, and compare. */
static void check_replay(const char *dir, const char *name)
{
    g_autofree char *path = compile(dir, name);

    if (!path) {
        g_test_skip("no cross compiler, or the guest does not build");
        return;
    }
    check_replay_of(path, name, NULL);
    g_unlink(path);
}

/* A child writes to a pipe its parent waits on: the parent's read parks
 * on the host. */
static void test_fork_pipe(void)
{
    check_replay("guest", "fork");
}

/* Threads: ppoll, pselect6 and epoll on pipes written later by a thread
 * that sleeps first, and a signal a wait's mask lets through. */
static void test_poll(void)
{
    check_replay("programs", "poll");
}

/* TCP, UDP and Unix sockets between threads: accept, connect, recv. */
static void test_sockets(void)
{
    check_replay("programs", "sockets");
}

/* The recording of the fork guest holds the parent's parked read and its
 * completion later, after the child ran: the schedule is in the log. */
static void test_parked_read_logged(void)
{
    g_autofree char *path = compile("guest", "fork");
    struct run rec;

    if (!path) {
        g_test_skip("no cross compiler");
        return;
    }
    struct event_log *log = event_log_new();
    struct syscall_door *recorder = syscall_door_new();
    syscall_door_record(recorder, log);
    run_program(path, recorder, NULL, &rec);
    gboolean parked_read = FALSE;
    for (size_t i = 0; i < event_log_length(log) && !parked_read; i++) {
        const struct event *ev = event_log_get(log, i);
        if (ev->kind != EVENT_SYSCALL || !(ev->flags & EVENT_SYSCALL_PARKED)
            || ev->arg != 63 /* read */)
            continue;
        parked_read = TRUE;
        const struct event *done = NULL;
        for (size_t j = i + 1; j < event_log_length(log) && !done; j++) {
            const struct event *d = event_log_get(log, j);
            if (d->tid == ev->tid && d->arg == 63 && d->flags == 0)
                done = d;
        }
        g_assert_nonnull(done);
        g_assert_cmpuint(done->icount, >, ev->icount);
    }
    g_assert_true(parked_read);
    g_array_unref(rec.calls);
    syscall_door_free(recorder);
    event_log_free(log);
    g_unlink(path);
}

/* ppoll and pselect6 give back the time left (Linux's
 * poll_select_finish), through the raw calls: glibc's wrappers copy the
 * timespec. Its output is compared with qemu-aarch64's, which passes the
 * calls to the host's Linux, then it is recorded and replayed. */
static const char time_left_source[] =
    "#define _GNU_SOURCE\n"
    "#include <poll.h>\n"
    "#include <signal.h>\n"
    "#include <stdio.h>\n"
    "#include <sys/select.h>\n"
    "#include <sys/syscall.h>\n"
    "#include <time.h>\n"
    "#include <unistd.h>\n"
    "static void on_usr1(int s) { (void)s; }\n"
    "int main(void)\n"
    "{\n"
    "    int fds[2];\n"
    "    pipe(fds);\n"
    "    struct pollfd p = { fds[0], POLLIN, 0x55 };\n"
    "    struct timespec ts = { 0, 30000000 };\n"
    "    long r = syscall(SYS_ppoll, &p, 1, &ts, NULL, 8);\n"
    "    printf(\"ppoll timeout: %ld left %ld.%09ld revents %d\\n\", r,\n"
    "           (long)ts.tv_sec, ts.tv_nsec, p.revents);\n"
    "    write(fds[1], \"x\", 1);\n"
    "    ts.tv_sec = 5; ts.tv_nsec = 0;\n"
    "    r = syscall(SYS_ppoll, &p, 1, &ts, NULL, 8);\n"
    "    printf(\"ppoll ready: %ld, 4s < left < 5s: %d\\n\", r,\n"
    "           ts.tv_sec == 4 && ts.tv_nsec > 0);\n"
    "    fd_set rs; FD_ZERO(&rs); FD_SET(fds[0], &rs);\n"
    "    ts.tv_sec = 3; ts.tv_nsec = 0;\n"
    "    r = syscall(SYS_pselect6, fds[0] + 1, &rs, NULL, NULL, &ts, NULL);\n"
    "    printf(\"pselect6 ready: %ld, 2s < left < 3s: %d\\n\", r,\n"
    "           ts.tv_sec == 2 && ts.tv_nsec > 0);\n"
    "    char c; read(fds[0], &c, 1);\n"
    "    FD_ZERO(&rs); FD_SET(fds[0], &rs);\n"
    "    ts.tv_sec = 0; ts.tv_nsec = 20000000;\n"
    "    r = syscall(SYS_pselect6, fds[0] + 1, &rs, NULL, NULL, &ts, NULL);\n"
    "    printf(\"pselect6 timeout: %ld left %ld.%09ld set %d\\n\", r,\n"
    "           (long)ts.tv_sec, ts.tv_nsec, FD_ISSET(fds[0], &rs));\n"
    "    ts.tv_sec = 0; ts.tv_nsec = 0;\n"
    "    r = syscall(SYS_ppoll, &p, 1, &ts, NULL, 8);\n"
    "    printf(\"zero: %ld %ld.%09ld\\n\", r, (long)ts.tv_sec, ts.tv_nsec);\n"
    "    signal(SIGUSR1, on_usr1);\n"
    "    sigset_t b, none;\n"
    "    sigemptyset(&b); sigaddset(&b, SIGUSR1); sigemptyset(&none);\n"
    "    sigprocmask(SIG_BLOCK, &b, NULL);\n"
    "    raise(SIGUSR1);\n"
    "    ts.tv_sec = 7; ts.tv_nsec = 0;\n"
    "    r = syscall(SYS_ppoll, &p, 1, &ts, &none, 8);\n"
    "    printf(\"ppoll interrupted: %ld, 6s < left <= 7s: %d\\n\", r,\n"
    "           (ts.tv_sec == 6 && ts.tv_nsec > 0)\n"
    "           || (ts.tv_sec == 7 && ts.tv_nsec == 0));\n"
    "    sigprocmask(SIG_SETMASK, &none, &b);\n"
    "    printf(\"mask back: %d\\n\", sigismember(&b, SIGUSR1));\n"
    "    return 0;\n"
    "}\n";

static void test_time_left(void)
{
    g_autofree char *src = g_build_filename(tmpdir, "time-left.c", NULL);
    g_autofree char *out = g_build_filename(tmpdir, "time-left.out", NULL);
    g_autofree char *qemu = g_find_program_in_path("qemu-aarch64");
    g_autofree char *path = NULL;
    g_autofree char *ours = NULL, *theirs = NULL;
    int status;

    g_assert_true(g_file_set_contents(src, time_left_source, -1, NULL));
    path = compile_source(src, "time-left");
    g_unlink(src);
    if (!path) {
        g_test_skip("no cross compiler");
        return;
    }
    check_replay_of(path, "time-left", out);
    g_assert_true(g_file_get_contents(out, &ours, NULL, NULL));
    g_unlink(out);
    g_assert_nonnull(strstr(ours, "ppoll timeout: 0 left 0.000000000 revents 0"));
    g_assert_nonnull(strstr(ours, "ppoll interrupted: -1, 6s < left <= 7s: 1"));
    if (qemu) {
        char *argv[] = { qemu, path, NULL };
        g_assert_true(g_spawn_sync(NULL, argv, NULL, G_SPAWN_DEFAULT, NULL,
                                   NULL, &theirs, NULL, &status, NULL));
        g_assert_cmpstr(ours, ==, theirs);
    }
    g_unlink(path);
}

/* A timed futex wait on an absolute time (pthread_cond_timedwait) that
 * has not passed while recording but has when the replay, later in host
 * time, gets there with the recorded clock: it must park and time out at
 * the recorded point in both. */
static const char timedwait_source[] =
    "#include <errno.h>\n"
    "#include <pthread.h>\n"
    "#include <stdio.h>\n"
    "#include <time.h>\n"
    "static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;\n"
    "static pthread_cond_t c = PTHREAD_COND_INITIALIZER;\n"
    "static void *sleeper(void *arg)\n"
    "{\n"
    "    struct timespec d = { 0, 150000000 };\n"
    "    nanosleep(&d, NULL);\n"
    "    return arg;\n"
    "}\n"
    "int main(void)\n"
    "{\n"
    "    struct timespec ts;\n"
    "    pthread_t th;\n"
    "    clock_gettime(CLOCK_REALTIME, &ts);\n"
    "    ts.tv_nsec += 50000000;\n"
    "    if (ts.tv_nsec >= 1000000000) { ts.tv_sec++; ts.tv_nsec -= 1000000000; }\n"
    "    pthread_create(&th, NULL, sleeper, NULL);\n"
    "    pthread_mutex_lock(&m);\n"
    "    int r = pthread_cond_timedwait(&c, &m, &ts);\n"
    "    pthread_mutex_unlock(&m);\n"
    "    pthread_join(th, NULL);\n"
    "    printf(\"timed out: %d\\n\", r == ETIMEDOUT);\n"
    "    return 0;\n"
    "}\n";

static void test_timed_futex(void)
{
    g_autofree char *src = g_build_filename(tmpdir, "timedwait.c", NULL);
    g_autofree char *path = NULL;

    g_assert_true(g_file_set_contents(src, timedwait_source, -1, NULL));
    path = compile_source(src, "timedwait");
    g_unlink(src);
    if (!path) {
        g_test_skip("no cross compiler");
        return;
    }
    check_replay_of(path, "timedwait", NULL);
    g_unlink(path);
}

/* A version 1 recording (before waits were logged) is refused with a
 * message that says why. */
static void test_version_1_refused(void)
{
    g_autofree char *file = g_build_filename(tmpdir, "v1.bsr", NULL);
    char *argv[] = { "prog", NULL };
    char *envp[] = { NULL };
    char **a = NULL, **e = NULL;
    uint64_t end;
    GError *error = NULL;
    struct event_log *log = event_log_new();
    g_autofree char *data = NULL;
    gsize len;

    event_log_record(log, EVENT_SYSCALL, 5, 1000, 63, 0,
                     "\1\0\0\0\0\0\0\0", 8);
    g_assert_true(event_log_save(log, argv, envp, 10, file, &error));
    event_log_free(log);
    /* The same file, as version 1 wrote it: only the version differs. */
    g_assert_true(g_file_get_contents(file, &data, &len, NULL));
    g_assert_cmpuint(len, >, 12);
    g_assert_cmpint(data[8], ==, 2);
    data[8] = 1;
    g_assert_true(g_file_set_contents(file, data, (gssize)len, NULL));
    g_assert_null(event_log_load(file, &a, &e, &end, &error));
    g_assert_nonnull(error);
    g_assert_nonnull(strstr(error->message, "version 1"));
    g_assert_nonnull(strstr(error->message, "record it again"));
    g_clear_error(&error);
    /* A later version than ours is refused too. */
    data[8] = 3;
    g_assert_true(g_file_set_contents(file, data, (gssize)len, NULL));
    g_assert_null(event_log_load(file, &a, &e, &end, &error));
    g_assert_nonnull(strstr(error->message, "format version 3"));
    g_clear_error(&error);
    g_unlink(file);
}

int main(int argc, char **argv)
{
    int ret;

    g_test_init(&argc, &argv, NULL);
    tmpdir = g_dir_make_tmp("backstep-replay-sched-XXXXXX", NULL);
    g_assert_nonnull(tmpdir);
    g_test_add_func("/replay-schedule/version-1-refused",
                    test_version_1_refused);
    g_test_add_func("/replay-schedule/parked-read-logged",
                    test_parked_read_logged);
    g_test_add_func("/replay-schedule/fork-pipe", test_fork_pipe);
    g_test_add_func("/replay-schedule/poll", test_poll);
    g_test_add_func("/replay-schedule/sockets", test_sockets);
    g_test_add_func("/replay-schedule/time-left", test_time_left);
    g_test_add_func("/replay-schedule/timed-futex", test_timed_futex);
    ret = g_test_run();
    g_rmdir(tmpdir);
    g_free(tmpdir);
    return ret;
}
