/* Unit tests of execve of "#!" scripts (user/exec.c), as Linux's
 * binfmt_script runs them: the interpreter and its one optional argument
 * from the first line, then the script's name, then the caller's
 * argv[1..]; the interpreter found through the guest root; nested
 * scripts five deep, ELOOP past that (as the host's Linux does); ENOEXEC
 * for a line with no interpreter or a name cut by the 256-byte limit. */
#include "config.h"

#include "user/user-internal.h"
#include "guest-harness.h"
#include "syscall-harness.h"

#include "cpu/cpu.h"

#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *tmpdir;
static char *tiny;   /* the test ELF, a real AArch64 program */

static struct user_process *new_process(const char *sysroot)
{
    char *argv[] = { "tiny", NULL };
    char *envp[] = { NULL };
    struct user_options o = { .sysroot = sysroot };
    GError *error = NULL;
    struct user_process *p = user_process_new(tiny, argv, envp, &o, &error);
    g_assert_no_error(error);
    return p;
}

/* execve(path, argv) with an empty environment, from guest memory. */
static int64_t guest_execve(struct user_process *p, const char *path,
                            const char *const *argv)
{
    uint64_t mem = guest_alloc(p, 16384);
    uint64_t strings = mem + 4096, at = strings;
    uint64_t vec[16] = { 0 };
    size_t n = 0;
    for (; argv[n]; n++) {
        g_assert_cmpint(user_mem_write(p, at, argv[n], strlen(argv[n]) + 1),
                        ==, 0);
        vec[n] = at;
        at += strlen(argv[n]) + 1;
    }
    g_assert_cmpint(user_mem_write(p, mem, vec, sizeof(vec)), ==, 0);
    uint64_t env = mem + 8 * 15;   /* a NULL pointer */
    g_assert_cmpint(user_mem_write(p, at, path, strlen(path) + 1), ==, 0);
    return SYS(p, execve, at, mem, env);
}

/* The new program's argv, from its initial stack. */
static GPtrArray *stack_argv(struct user_process *p)
{
    struct cpu_state *cpu = user_process_cpu(p);
    uint64_t argc;
    g_assert_cmpint(user_mem_read(p, cpu->sp, &argc, 8), ==, 8);
    GPtrArray *v = g_ptr_array_new_with_free_func(g_free);
    for (uint64_t i = 0; i < argc; i++) {
        uint64_t ptr;
        char s[256] = { 0 };
        g_assert_cmpint(user_mem_read(p, cpu->sp + 8 + 8 * i, &ptr, 8), ==, 8);
        for (size_t k = 0; k + 1 < sizeof(s); k++) {
            g_assert_cmpint(user_mem_read(p, ptr + k, &s[k], 1), ==, 1);
            if (!s[k])
                break;
        }
        g_ptr_array_add(v, g_strdup(s));
    }
    return v;
}

static char *write_script(const char *name, const char *contents)
{
    char *path = g_build_filename(tmpdir, name, NULL);
    g_assert_true(g_file_set_contents(path, contents, -1, NULL));
    g_assert_cmpint(chmod(path, 0755), ==, 0);
    return path;
}

static void assert_argv(GPtrArray *v, const char *const *want)
{
    size_t n = 0;
    for (; want[n]; n++) {
        g_assert_cmpuint(n, <, v->len);
        g_assert_cmpstr(g_ptr_array_index(v, n), ==, want[n]);
    }
    g_assert_cmpuint(v->len, ==, n);
}

static void test_script_with_argument(void)
{
    g_autofree char *line = g_strdup_printf("#! %s  -x  y \t\nexit 0\n", tiny);
    g_autofree char *script = write_script("with-arg.sh", line);
    struct user_process *p = new_process(NULL);
    const char *argv[] = { "ignored-argv0", "one", "two words", NULL };
    g_assert_cmpint(guest_execve(p, script, argv), ==, 0);
    GPtrArray *v = stack_argv(p);
    /* The argument is all the rest of the line, inner blanks kept. */
    const char *want[] = { tiny, "-x  y", script, "one", "two words", NULL };
    assert_argv(v, want);
    g_ptr_array_unref(v);
    /* The name of the process is the script's. */
    g_assert_cmpstr(p->cur->comm, ==, "with-arg.sh");
    user_process_free(p);
}

static void test_script_through_root(void)
{
    /* The interpreter is named as the guest sees it: /bin/interp in the
     * guest root. */
    g_autofree char *root = g_build_filename(tmpdir, "root", NULL);
    g_autofree char *bin = g_build_filename(root, "bin", NULL);
    g_assert_cmpint(g_mkdir_with_parents(bin, 0755), ==, 0);
    g_autofree char *interp = g_build_filename(bin, "interp", NULL);
    g_assert_cmpint(symlink(tiny, interp), ==, 0);
    g_autofree char *script = write_script("plain.sh", "#!/bin/interp\n");
    /* A nested script: its interpreter is the first script. */
    g_autofree char *line = g_strdup_printf("#!%s arg\n", script);
    g_autofree char *outer = write_script("outer.sh", line);

    struct user_process *p = new_process(root);
    const char *argv[] = { "x", "last", NULL };
    g_assert_cmpint(guest_execve(p, script, argv), ==, 0);
    GPtrArray *v = stack_argv(p);
    const char *want[] = { "/bin/interp", script, "last", NULL };
    assert_argv(v, want);
    g_ptr_array_unref(v);

    g_assert_cmpint(guest_execve(p, outer, argv), ==, 0);
    v = stack_argv(p);
    const char *want2[] = { "/bin/interp", script, "arg", outer, "last", NULL };
    assert_argv(v, want2);
    g_ptr_array_unref(v);
    user_process_free(p);
    g_unlink(interp);
    g_rmdir(bin);
    g_rmdir(root);
}

static void test_script_errors(void)
{
    struct user_process *p = new_process(NULL);
    const char *argv[] = { "x", NULL };
    g_autofree char *blank = write_script("blank.sh", "#!   \t\nrest\n");
    g_assert_cmpint(guest_execve(p, blank, argv), ==, -ENOEXEC);
    g_autofree char *missing = write_script("missing.sh",
                                            "#!/nonexistent/interp\n");
    g_assert_cmpint(guest_execve(p, missing, argv), ==, -ENOENT);
    /* A name that runs past the 255 bytes Linux reads: cut, so refused. */
    GString *lng = g_string_new("#!/");
    while (lng->len < 300)
        g_string_append_c(lng, 'a');
    g_autofree char *cut = write_script("cut.sh", lng->str);
    g_assert_cmpint(guest_execve(p, cut, argv), ==, -ENOEXEC);
    /* But a name that ends in the buffer with an argument that is cut
     * runs with what fits. */
    g_string_printf(lng, "#!%s ", tiny);
    while (lng->len < 300)
        g_string_append_c(lng, 'b');
    g_autofree char *cutarg = write_script("cutarg.sh", lng->str);
    g_assert_cmpint(guest_execve(p, cutarg, argv), ==, 0);
    GPtrArray *v = stack_argv(p);
    g_assert_cmpuint(v->len, ==, 3);
    g_assert_cmpuint(strlen(g_ptr_array_index(v, 1)), ==,
                     255 - strlen(tiny) - 3);
    g_ptr_array_unref(v);
    g_string_free(lng, TRUE);
    /* Not executable. */
    g_autofree char *noexec = write_script("noexec.sh", "#!/bin/sh\n");
    g_assert_cmpint(chmod(noexec, 0644), ==, 0);
    g_assert_cmpint(guest_execve(p, noexec, argv), ==, -EACCES);
    /* Scripts that name scripts: five levels, not six. */
    char *prev = g_strdup(tiny);
    char *paths[7];
    for (int i = 0; i < 7; i++) {
        char name[16], line[512];
        g_snprintf(name, sizeof(name), "level%d.sh", i);
        g_snprintf(line, sizeof(line), "#!%s\n", prev);
        paths[i] = write_script(name, line);
        g_free(prev);
        prev = g_strdup(paths[i]);
    }
    g_free(prev);
    g_assert_cmpint(guest_execve(p, paths[4], argv), ==, 0);  /* 5 scripts */
    g_assert_cmpint(guest_execve(p, paths[5], argv), ==, -ELOOP);
    for (int i = 0; i < 7; i++) {
        g_unlink(paths[i]);
        g_free(paths[i]);
    }
    user_process_free(p);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    tmpdir = g_dir_make_tmp("backstep-exec-XXXXXX", NULL);
    char *rel = g_test_build_filename(G_TEST_DIST, "testsuite", "unit",
                                      "data", "tiny-aarch64.elf", NULL);
    /* Absolute, so scripts can name it. */
    tiny = g_canonicalize_filename(rel, NULL);
    g_free(rel);
    g_test_add_func("/user/exec/script-with-argument",
                    test_script_with_argument);
    g_test_add_func("/user/exec/script-through-root", test_script_through_root);
    g_test_add_func("/user/exec/script-errors", test_script_errors);
    int r = g_test_run();
    guest_tmpdir_remove(tmpdir);
    g_free(tiny);
    return r;
}
