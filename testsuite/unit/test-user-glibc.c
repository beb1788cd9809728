/* End-to-end tests of user/: real static glibc programs, compiled at test
 * time with the cross compiler, run through user_process_run, and
 * compared with qemu-aarch64 (the oracle): same stdout, same exit status
 * or terminating signal. Skipped when the tools are missing. */
#include "config.h"

#include "user/process.h"
#include "guest-harness.h"

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

static void compile_guest(void)
{
    static const char *const static_flags[] = { "-static", "-O1", NULL };
    static const char *const pie_flags[] = { "-static-pie", "-O1", NULL };
    g_autofree char *src = guest_source("unit/data", "glibc-guest.c");

    guest = guest_compile(src, tmpdir, "glibc-guest", static_flags);
    guest_pie = guest_compile(src, tmpdir, "glibc-guest-pie", pie_flags);
}

/* The same stdout and end under backstep (as the server runs a program
 * with no debugger) and qemu-aarch64. */
static void compare(char **argv, const char *expect_out, bool killed,
                    int status)
{
    if (!program) {
        g_test_skip("aarch64-linux-gnu-gcc cannot build this program");
        return;
    }
    char *envp[] = { "GUEST_VAR=value", "LANG=C", NULL };
    struct guest_run run = { .program = program, .argv = argv, .envp = envp };
    struct guest_outcome b = guest_run_backstep(&run);
    g_assert_cmpstr(b.out, ==, expect_out);
    g_assert_cmpint(b.killed, ==, killed);
    g_assert_cmpint(b.status, ==, status);
    if (guest_qemu()) {
        struct guest_outcome q = guest_run_qemu(program, argv, envp, NULL);
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
    guest_discard(guest);
    guest_discard(guest_pie);
    guest_tmpdir_remove(tmpdir);
    return r;
}
