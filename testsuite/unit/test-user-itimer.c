/* Unit tests of the interval timers (user/itimer.c): a program using
 * alarm(), setitimer(ITIMER_REAL) with an interval, ITIMER_VIRTUAL and
 * ITIMER_PROF (testsuite/programs/itimer.c) is recorded through the
 * system-call door and replayed from the log in other slices: the
 * ITIMER_REAL expiries are in the log as host wakes and the replay
 * takes every system call at the recording's instruction count; the CPU
 * timers fire at the same instruction in two runs without a log; and
 * execve keeps the timers (which qemu-aarch64 cannot show the program
 * comparison). Guests are compiled at test time with the cross compiler;
 * skipped without one. */
#include "config.h"

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
#include "user/kernel.h"
#include "user/poll.h"
#include "guest-harness.h"

static char *tmpdir;

/* ---- Running a program, noting its system calls ---------------------- */

struct call {
    uint64_t icount;
    int64_t tid;
    uint64_t nr;
};

struct traced_door {
    struct user_syscall_door ops;
    const struct user_syscall_door *inner;   /* NULL: no door behind */
    GArray *calls;
};

static enum user_door_action traced_before(void *opaque,
                                           struct user_process *p,
                                           uint64_t nr, const uint64_t *args,
                                           int64_t *ret)
{
    struct traced_door *t = opaque;
    if (nr < USER_DOOR_PARKED) {
        struct call c = { user_process_icount(p), user_process_tid(p), nr };
        g_array_append_val(t->calls, c);
    }
    if (!t->inner)
        return USER_DOOR_RUN;
    return t->inner->before(t->inner->opaque, p, nr, args, ret);
}

static void traced_after(void *opaque, struct user_process *p, uint64_t nr,
                         const uint64_t *args, int64_t *ret)
{
    struct traced_door *t = opaque;
    if (t->inner)
        t->inner->after(t->inner->opaque, p, nr, args, ret);
}

struct run {
    GArray *calls;
    uint64_t icount;
    int exit_code;
    char *out;               /* the guest's stdout */
};

/* Run path (with args) to its end in slices of slice instructions,
 * through door (NULL: none). */
static void run_program(const char *path, const char *arg,
                        struct syscall_door *door, uint64_t slice,
                        struct run *out)
{
    struct traced_door traced = {
        .ops = { traced_before, traced_after, &traced },
        .inner = door ? syscall_door_ops(door) : NULL,
        .calls = g_array_new(FALSE, FALSE, sizeof(struct call)),
    };
    char *argv[] = { (char *)path, (char *)arg, NULL };
    char *envp[] = { "LANG=C", NULL };
    struct user_options opts = { .door = &traced.ops };
    g_autofree char *out_path = g_build_filename(tmpdir, "stdout", NULL);
    GError *error = NULL;

    fflush(stdout);
    int saved_stdout = dup(1);
    int fd = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    g_assert_cmpint(saved_stdout, >=, 0);
    g_assert_cmpint(fd, >=, 0);
    dup2(fd, 1);
    close(fd);
    struct user_process *p = user_process_new(path, argv, envp, &opts,
                                              &error);
    g_assert_no_error(error);
    gint64 give_up = g_get_monotonic_time() + 120 * G_USEC_PER_SEC;
    struct user_event ev;
    for (;;) {
        user_process_run(p, slice, &ev);
        if (ev.kind == USER_EVENT_EXITED || ev.kind == USER_EVENT_KILLED)
            break;
        if (ev.kind == USER_EVENT_SIGNAL)
            user_process_set_thread_signal(p, ev.tid, ev.signal);
        if (g_get_monotonic_time() > give_up)
            break;
    }
    dup2(saved_stdout, 1);
    close(saved_stdout);
    g_assert_cmpint(ev.kind, ==, USER_EVENT_EXITED);
    out->calls = traced.calls;
    out->icount = user_process_icount(p);
    out->exit_code = ev.exit_code;
    g_assert_true(g_file_get_contents(out_path, &out->out, NULL, NULL));
    g_unlink(out_path);
    user_process_free(p);
}

static void run_free(struct run *r)
{
    g_array_unref(r->calls);
    g_free(r->out);
}

static void assert_same_calls(const struct run *a, const struct run *b)
{
    for (guint i = 0; i < MIN(a->calls->len, b->calls->len); i++) {
        const struct call *x = &g_array_index(a->calls, struct call, i);
        const struct call *y = &g_array_index(b->calls, struct call, i);
        if (x->icount != y->icount || x->tid != y->tid || x->nr != y->nr)
            g_test_message("call %u: %" PRIu64 " in %" PRId64 " at %" PRIu64
                           ", then %" PRIu64 " in %" PRId64 " at %" PRIu64,
                           i, x->nr, x->tid, x->icount, y->nr, y->tid,
                           y->icount);
        g_assert_cmpuint(x->nr, ==, y->nr);
        g_assert_cmpint(x->tid, ==, y->tid);
        g_assert_cmpuint(x->icount, ==, y->icount);
    }
    g_assert_cmpuint(a->calls->len, ==, b->calls->len);
    g_assert_cmpuint(a->icount, ==, b->icount);
    g_assert_cmpint(a->exit_code, ==, b->exit_code);
}

/* ---- Guests ------------------------------------------------------------ */

static char *compile_file(const char *src, const char *name)
{
    static const char *const flags[] = { "-static", "-O1", NULL };

    if (!g_file_test(src, G_FILE_TEST_EXISTS))
        return NULL;
    return guest_compile(src, tmpdir, name, flags);
}

static char *compile_program(void)
{
    g_autofree char *src = g_test_build_filename(G_TEST_DIST, "testsuite",
                                                 "programs", "itimer.c",
                                                 NULL);
    return compile_file(src, "itimer");
}

static char *compile_source(const char *text, const char *name)
{
    g_autofree char *file = g_strconcat(name, ".c", NULL);
    g_autofree char *src = g_build_filename(tmpdir, file, NULL);
    g_assert_true(g_file_set_contents(src, text, -1, NULL));
    char *path = compile_file(src, name);
    g_unlink(src);
    return path;
}

/* The log's ITIMER_REAL expiries (host wakes of how
 * USER_WAKE_ITIMER_REAL). */
static size_t count_itimer_wakes(const struct event_log *log)
{
    size_t n = 0;
    for (size_t i = 0; i < event_log_length(log); i++) {
        const struct event *ev = event_log_get(log, i);
        gsize len = 0;
        const uint8_t *d = ev->data ? g_bytes_get_data(ev->data, &len) : NULL;
        if ((ev->flags & EVENT_HOST_WAKE) && len >= 8
            && d[0] == USER_WAKE_ITIMER_REAL)
            n++;
    }
    return n;
}

/* ---- Tests ------------------------------------------------------------- */

/* Record testsuite/programs/itimer.c, replay it in other slices. */
static void test_replay_alarm(void)
{
    g_autofree char *path = compile_program();
    struct run rec, rep;

    if (!path) {
        g_test_skip("no cross compiler");
        return;
    }
    struct event_log *log = event_log_new();
    struct syscall_door *recorder = syscall_door_new();
    syscall_door_record(recorder, log);
    run_program(path, NULL, recorder, 1u << 22, &rec);
    syscall_door_free(recorder);

    struct event_cursor cursor;
    event_cursor_init(&cursor, log);
    struct syscall_door *replayer = syscall_door_new();
    syscall_door_replay(replayer, &cursor);
    run_program(path, NULL, replayer, 100003, &rep);

    size_t wakes = count_itimer_wakes(log);
    g_test_message("%u calls, %zu events, %zu ITIMER_REAL expiries, "
                   "%" PRIu64 " instructions", rec.calls->len,
                   event_log_length(log), wakes, rec.icount);
    g_assert_nonnull(strstr(rec.out, "after pause: alarms=1\n"));
    g_assert_nonnull(strstr(rec.out, "ITIMER_REAL interval: 5 alarms\n"));
    g_assert_nonnull(strstr(rec.out, "SA_RESTART read: read 1 (ok)"));
    /* alarm(1), five of the interval and two reads: at least eight. */
    g_assert_cmpuint(wakes, >=, 8);
    g_assert_cmpuint(syscall_door_mismatches(replayer), ==, 0);
    assert_same_calls(&rec, &rep);
    g_assert_cmpuint(cursor.next, ==, event_log_length(log));

    run_free(&rec);
    run_free(&rep);
    syscall_door_free(replayer);
    event_log_free(log);
    g_unlink(path);
}

/* ITIMER_VIRTUAL and ITIMER_PROF count instructions: the handler runs at
 * the same instruction in every run, whatever the slices, and the
 * remaining value getitimer gives is exact. */
static const char cpu_timer_source[] =
    "#include <signal.h>\n"
    "#include <stdio.h>\n"
    "#include <sys/time.h>\n"
    "static volatile int fired;\n"
    "static volatile unsigned long spins, at[4];\n"
    "static void on_vt(int s)\n"
    "{\n"
    "    (void)s;\n"
    "    if (fired < 4) at[fired] = spins;\n"
    "    fired++;\n"
    "}\n"
    "int main(void)\n"
    "{\n"
    "    signal(SIGVTALRM, on_vt);\n"
    "    struct itimerval v = { { 0, 100 }, { 0, 250 } }, g;\n"
    "    setitimer(ITIMER_VIRTUAL, &v, 0);\n"
    "    getitimer(ITIMER_VIRTUAL, &g);\n"
    "    printf(\"value %ld interval %ld\\n\", (long)g.it_value.tv_usec,\n"
    "           (long)g.it_interval.tv_usec);\n"
    "    while (fired < 4) spins++;\n"
    "    v.it_value.tv_usec = 0;\n"
    "    setitimer(ITIMER_VIRTUAL, &v, 0);\n"
    "    printf(\"at %lu %lu %lu %lu\\n\", at[0], at[1], at[2], at[3]);\n"
    "    return 0;\n"
    "}\n";

static void test_cpu_timers_deterministic(void)
{
    g_autofree char *path = compile_source(cpu_timer_source, "cpu-timer");
    struct run a, b;

    if (!path) {
        g_test_skip("no cross compiler");
        return;
    }
    run_program(path, NULL, NULL, 1u << 22, &a);
    run_program(path, NULL, NULL, 7919, &b);
    g_test_message("%s", a.out);
    /* Armed for 250 us: 250000 instructions, less the few of the
     * setitimer's return and the getitimer call: never a whole us. */
    g_assert_true(g_str_has_prefix(a.out, "value 249 interval 100\n"));
    g_assert_cmpstr(a.out, ==, b.out);
    assert_same_calls(&a, &b);
    run_free(&a);
    run_free(&b);
    g_unlink(path);
}

/* execve keeps the timers; a fork child has none. */
static const char exec_source[] =
    "#include <stdio.h>\n"
    "#include <string.h>\n"
    "#include <sys/time.h>\n"
    "#include <sys/wait.h>\n"
    "#include <unistd.h>\n"
    "int main(int argc, char **argv)\n"
    "{\n"
    "    struct itimerval r, v;\n"
    "    if (argc > 1 && strcmp(argv[1], \"again\") == 0) {\n"
    "        getitimer(ITIMER_REAL, &r);\n"
    "        getitimer(ITIMER_VIRTUAL, &v);\n"
    "        printf(\"after exec: REAL %d VIRTUAL %d interval %ld\\n\",\n"
    "               r.it_value.tv_sec > 0 && r.it_value.tv_sec <= 60,\n"
    "               v.it_value.tv_sec > 0 && v.it_value.tv_sec <= 90,\n"
    "               (long)r.it_interval.tv_sec);\n"
    "        return 0;\n"
    "    }\n"
    "    struct itimerval a = { { 7, 0 }, { 60, 0 } };\n"
    "    struct itimerval b = { { 0, 0 }, { 90, 0 } };\n"
    "    setitimer(ITIMER_REAL, &a, 0);\n"
    "    setitimer(ITIMER_VIRTUAL, &b, 0);\n"
    "    fflush(stdout);\n"
    "    if (fork() == 0) {\n"
    "        getitimer(ITIMER_REAL, &r);\n"
    "        getitimer(ITIMER_VIRTUAL, &v);\n"
    "        printf(\"child: REAL %ld VIRTUAL %ld\\n\",\n"
    "               (long)r.it_value.tv_sec, (long)v.it_value.tv_sec);\n"
    "        return 0;\n"
    "    }\n"
    "    wait(0);\n"
    "    fflush(stdout);\n"
    "    execl(argv[0], argv[0], \"again\", (char *)0);\n"
    "    return 1;\n"
    "}\n";

static void test_fork_exec(void)
{
    g_autofree char *path = compile_source(exec_source, "exec-timers");
    struct run r;

    if (!path) {
        g_test_skip("no cross compiler");
        return;
    }
    run_program(path, NULL, NULL, 1u << 22, &r);
    g_assert_cmpstr(r.out, ==, "child: REAL 0 VIRTUAL 0\n"
                               "after exec: REAL 1 VIRTUAL 1 interval 7\n");
    g_assert_cmpint(r.exit_code, ==, 0);
    run_free(&r);
    g_unlink(path);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    tmpdir = g_dir_make_tmp("test-user-itimer-XXXXXX", NULL);
    g_assert_nonnull(tmpdir);
    g_test_add_func("/user/itimer/replay-alarm", test_replay_alarm);
    g_test_add_func("/user/itimer/cpu-timers-deterministic",
                    test_cpu_timers_deterministic);
    g_test_add_func("/user/itimer/fork-exec", test_fork_exec);
    int rc = g_test_run();
    guest_tmpdir_remove(tmpdir);
    return rc;
}
