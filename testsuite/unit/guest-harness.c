/* Compile, run under backstep, run under qemu-aarch64: see guest-harness.h. */
#include "config.h"

#include "guest-harness.h"

#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

char *guest_source(const char *dir, const char *name)
{
    return g_test_build_filename(G_TEST_DIST, "testsuite", dir, name, NULL);
}

char *guest_compile(const char *src, const char *outdir, const char *name,
                    const char *const *flags)
{
    g_autofree char *cc = g_find_program_in_path("aarch64-linux-gnu-gcc");
    if (!cc)
        return NULL;
    char *out = g_build_filename(outdir, name, NULL);
    GPtrArray *argv = g_ptr_array_new();
    g_ptr_array_add(argv, cc);
    for (size_t i = 0; flags && flags[i]; i++)
        g_ptr_array_add(argv, (char *)flags[i]);
    g_ptr_array_add(argv, "-o");
    g_ptr_array_add(argv, out);
    g_ptr_array_add(argv, (char *)src);
    g_ptr_array_add(argv, NULL);
    int status;
    bool ok = g_spawn_sync(NULL, (char **)argv->pdata, NULL,
                           G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                           &status, NULL)
              && g_spawn_check_wait_status(status, NULL);
    g_ptr_array_free(argv, TRUE);
    if (!ok) {
        g_free(out);
        return NULL;
    }
    return out;
}

void guest_discard(char *program)
{
    if (program)
        g_unlink(program);
    g_free(program);
}

void guest_tmpdir_remove(char *dir)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    const char *name;

    while (d && (name = g_dir_read_name(d))) {
        g_autofree char *path = g_build_filename(dir, name, NULL);
        g_unlink(path);
    }
    if (d)
        g_dir_close(d);
    g_rmdir(dir);
    g_free(dir);
}

bool guest_skip_unbuilt(const char *program, const char *what)
{
    if (program)
        return false;
    g_autofree char *why = g_strdup_printf("aarch64-linux-gnu-gcc cannot "
                                           "build %s", what);
    g_test_skip(why);
    return true;
}

static char *qemu_path;
static bool qemu_looked_up;

static void free_qemu_path(void)
{
    g_free(qemu_path);
}

const char *guest_qemu(void)
{
    if (!qemu_looked_up) {
        qemu_looked_up = true;
        qemu_path = g_find_program_in_path("qemu-aarch64");
        atexit(free_qemu_path);
    }
    return qemu_path;
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

struct guest_outcome guest_run_backstep(const struct guest_run *run)
{
    int max_slices = run->max_slices ? run->max_slices : 5000;
    char *outpath = NULL;
    GError *error = NULL;
    /* The guest's fd 1 is the host's: point it at a file for the run.
     * Flush first, or the test's own buffered output lands in the file. */
    int fd = g_file_open_tmp("backstep-guest-XXXXXX", &outpath, &error);
    g_assert_no_error(error);
    fflush(stdout);
    int saved = dup(1);
    g_assert_cmpint(saved, >=, 0);
    dup2(fd, 1);

    struct user_process *p = user_process_new(run->program, run->argv,
                                              run->envp, run->options,
                                              &error);
    g_assert_no_error(error);
    if (run->prepare)
        run->prepare(p, run->prepare_data);
    struct user_event ev;
    for (int slices = 0;; slices++) {
        g_assert_cmpint(slices, <, max_slices);
        user_process_run(p, 1000000, &ev);
        if (ev.kind == USER_EVENT_SIGNAL)
            user_process_set_signal(p, ev.signal);
        else if (ev.kind != USER_EVENT_BUDGET)
            break;
    }
    fflush(stdout);
    dup2(saved, 1);
    close(saved);

    g_assert_true(ev.kind == USER_EVENT_EXITED || ev.kind == USER_EVENT_KILLED);
    struct guest_outcome o = { 0 };
    o.killed = ev.kind == USER_EVENT_KILLED;
    o.status = o.killed ? ev.signal : ev.exit_code;
    o.all_ended = ev.all_ended;
    user_process_free(p);
    o.out = read_all(fd);
    close(fd);
    g_unlink(outpath);
    g_free(outpath);
    return o;
}

struct guest_outcome guest_run_qemu(const char *program, char **argv,
                                    char **envp,
                                    const char *const *qemu_options)
{
    g_assert_nonnull(guest_qemu());
    GPtrArray *args = g_ptr_array_new();
    g_ptr_array_add(args, (char *)guest_qemu());
    for (size_t i = 0; qemu_options && qemu_options[i]; i++)
        g_ptr_array_add(args, (char *)qemu_options[i]);
    g_ptr_array_add(args, (char *)program);
    for (size_t i = 1; argv[0] && argv[i]; i++)
        g_ptr_array_add(args, argv[i]);
    g_ptr_array_add(args, NULL);
    struct guest_outcome o = { 0 };
    int status;
    GError *error = NULL;
    g_assert_true(g_spawn_sync(NULL, (char **)args->pdata, envp,
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &o.out,
                               NULL, &status, &error));
    g_assert_no_error(error);
    o.killed = WIFSIGNALED(status);
    o.status = o.killed ? WTERMSIG(status) : WEXITSTATUS(status);
    g_ptr_array_free(args, TRUE);
    return o;
}
