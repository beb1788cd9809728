/* End-to-end tests of user/: real static glibc programs, compiled at test
 * time with the cross compiler, run through user_process_run, and
 * compared with qemu-aarch64 (the oracle): same stdout, same exit status
 * or terminating signal. Skipped when the tools are missing. */
#include "config.h"

#include "user/process.h"

#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char *tmpdir;
static char *guest;        /* the compiled program, or NULL */
static char *guest_pie;    /* the same as static-pie, or NULL */
static const char *program;   /* the one the current test runs */
static char *qemu;

struct outcome {
    char *out;
    bool killed;
    int status;            /* exit code or signal */
};

static char *compile(const char *cc, const char *src, const char *name,
                     const char *kind)
{
    char *out = g_build_filename(tmpdir, name, NULL);
    char *argv[] = { (char *)cc, (char *)kind, "-O1", "-o", out, (char *)src,
                     NULL };
    int status;
    if (g_spawn_sync(NULL, argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                     NULL, NULL, &status, NULL)
        && g_spawn_check_wait_status(status, NULL))
        return out;
    g_free(out);
    return NULL;
}

static void compile_guest(void)
{
    char *cc = g_find_program_in_path("aarch64-linux-gnu-gcc");
    qemu = g_find_program_in_path("qemu-aarch64");
    if (!cc)
        return;
    char *src = g_test_build_filename(G_TEST_DIST, "testsuite", "unit",
                                      "data", "glibc-guest.c", NULL);
    guest = compile(cc, src, "glibc-guest", "-static");
    guest_pie = compile(cc, src, "glibc-guest-pie", "-static-pie");
    g_free(src);
    g_free(cc);
}

static char *read_all(int fd)
{
    GString *s = g_string_new(NULL);
    char buf[4096];
    ssize_t n;
    lseek(fd, 0, SEEK_SET);
    while ((n = read(fd, buf, sizeof(buf))) > 0)
        g_string_append_len(s, buf, n);
    return g_string_free(s, FALSE);
}

/* Run under backstep as the server would with no debugger attached:
 * every signal stop is passed on to the guest. */
static struct outcome run_backstep(char **argv, char **envp)
{
    char *outpath = g_build_filename(tmpdir, "stdout", NULL);
    int fd = open(outpath, O_RDWR | O_CREAT | O_TRUNC, 0600);
    g_assert_cmpint(fd, >=, 0);
    int saved = dup(1);
    dup2(fd, 1);
    GError *error = NULL;
    struct user_process *p = user_process_new(program, argv, envp, NULL, &error);
    dup2(saved, 1);
    close(saved);
    g_assert_no_error(error);

    struct user_event ev;
    int slices = 0;
    for (;;) {
        user_process_run(p, 1000000, &ev);
        if (ev.kind == USER_EVENT_SIGNAL)
            user_process_set_signal(p, ev.signal);
        else if (ev.kind != USER_EVENT_BUDGET)
            break;
        g_assert_cmpint(++slices, <, 5000);
    }
    struct outcome o = { 0 };
    g_assert_true(ev.kind == USER_EVENT_EXITED || ev.kind == USER_EVENT_KILLED);
    o.killed = ev.kind == USER_EVENT_KILLED;
    o.status = o.killed ? ev.signal : ev.exit_code;
    user_process_free(p);
    o.out = read_all(fd);
    close(fd);
    g_unlink(outpath);
    g_free(outpath);
    return o;
}

static struct outcome run_qemu(char **argv, char **envp)
{
    GPtrArray *args = g_ptr_array_new();
    g_ptr_array_add(args, qemu);
    g_ptr_array_add(args, (char *)program);
    for (int i = 1; argv[i]; i++)
        g_ptr_array_add(args, argv[i]);
    g_ptr_array_add(args, NULL);
    struct outcome o = { 0 };
    int status;
    GError *error = NULL;
    g_assert_true(g_spawn_sync(NULL, (char **)args->pdata, envp,
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &o.out,
                               NULL, &status, &error));
    g_assert_no_error(error);
    /* qemu-aarch64 re-raises the guest's fatal signal on itself. */
    o.killed = WIFSIGNALED(status);
    o.status = o.killed ? WTERMSIG(status) : WEXITSTATUS(status);
    g_ptr_array_free(args, TRUE);
    return o;
}

static void compare(char **argv, const char *expect_out, bool killed,
                    int status)
{
    if (!program) {
        g_test_skip("aarch64-linux-gnu-gcc cannot build this program");
        return;
    }
    char *envp[] = { "GUEST_VAR=value", "LANG=C", NULL };
    struct outcome b = run_backstep(argv, envp);
    g_assert_cmpstr(b.out, ==, expect_out);
    g_assert_cmpint(b.killed, ==, killed);
    g_assert_cmpint(b.status, ==, status);
    if (qemu) {
        struct outcome q = run_qemu(argv, envp);
        g_assert_cmpstr(b.out, ==, q.out);
        g_assert_cmpint(b.killed, ==, q.killed);
        g_assert_cmpint(b.status, ==, q.status);
        g_free(q.out);
    }
    g_free(b.out);
}

static void test_hello(void)
{
    program = guest;
    char *argv[] = { "glibc-guest", "hello", "backstep", NULL };
    compare(argv, "hello from backstep, argc 3\n 3.14 beef value\n", false, 3);
}

static void test_malloc(void)
{
    program = guest;
    char *argv[] = { "glibc-guest", "malloc", NULL };
    compare(argv, "malloc total 80800 sum 2500 big 7 9\nmmap ok 1\nmunmap 0\n",
            false, 0);
}

static void test_files(void)
{
    program = guest;
    char *argv[] = { "glibc-guest", "files", tmpdir, NULL };
    compare(argv, "size 8890 regular 1\nlines 1000 last line 999\nunlink 0\n"
                  "open missing: -1 No such file or directory\n", false, 0);
}

static void test_uname(void)
{
    program = guest;
    char *argv[] = { "glibc-guest", "uname", NULL };
    compare(argv, "Linux aarch64\nreadlink ok 1\npagesize 4096\n", false, 0);
}

static void test_abort(void)
{
    program = guest;
    char *argv[] = { "glibc-guest", "abort", NULL };
    compare(argv, "aborting\n", true, 6);
}

static void test_segv(void)
{
    program = guest;
    char *argv[] = { "glibc-guest", "segv", NULL };
    compare(argv, "about to fault\n", true, 11);
}

/* static-pie: loaded at USER_PIE_BASE, relocates itself. */
static void test_pie(void)
{
    program = guest_pie;
    char *argv[] = { "glibc-guest", "hello", "pie", NULL };
    compare(argv, "hello from pie, argc 3\n 3.14 beef value\n", false, 3);
    char *argv2[] = { "glibc-guest", "malloc", NULL };
    compare(argv2, "malloc total 80800 sum 2500 big 7 9\nmmap ok 1\nmunmap 0\n",
            false, 0);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    tmpdir = g_dir_make_tmp("backstep-glibc-XXXXXX", NULL);
    compile_guest();
    g_test_add_func("/user/glibc/hello", test_hello);
    g_test_add_func("/user/glibc/malloc", test_malloc);
    g_test_add_func("/user/glibc/files", test_files);
    g_test_add_func("/user/glibc/uname", test_uname);
    g_test_add_func("/user/glibc/abort", test_abort);
    g_test_add_func("/user/glibc/segv", test_segv);
    g_test_add_func("/user/glibc/static-pie", test_pie);
    int r = g_test_run();
    if (guest)
        g_unlink(guest);
    if (guest_pie)
        g_unlink(guest_pie);
    g_free(guest_pie);
    g_rmdir(tmpdir);
    g_free(guest);
    g_free(qemu);
    g_free(tmpdir);
    return r;
}
