/* Unit tests of user/ process creation and running: the initial stack as
 * Linux builds it, and whole programs run through user_process_run. */
#include "config.h"

#include "user/process.h"

#include "cpu/cpu.h"

#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { AT_NULL_ = 0, AT_PHDR_ = 3, AT_PHENT_ = 4, AT_PHNUM_ = 5,
       AT_PAGESZ_ = 6, AT_BASE_ = 7, AT_ENTRY_ = 9, AT_UID_ = 11,
       AT_PLATFORM_ = 15, AT_HWCAP_ = 16, AT_CLKTCK_ = 17, AT_SECURE_ = 23,
       AT_RANDOM_ = 25, AT_HWCAP2_ = 26, AT_EXECFN_ = 31,
       AT_MINSIGSTKSZ_ = 51 };

static char *data_path(const char *name)
{
    return g_test_build_filename(G_TEST_DIST, "testsuite", "unit", "data",
                                 name, NULL);
}

static uint64_t read_u64(struct user_process *p, uint64_t addr)
{
    uint64_t v = 0;
    g_assert_cmpint(user_mem_read(p, addr, &v, 8), ==, 8);
    return v;
}

static char *read_str(struct user_process *p, uint64_t addr)
{
    GString *s = g_string_new(NULL);
    for (;;) {
        char c;
        g_assert_cmpint(user_mem_read(p, addr++, &c, 1), ==, 1);
        if (!c)
            break;
        g_string_append_c(s, c);
    }
    return g_string_free(s, FALSE);
}

/* Create a process whose guest stdout (and stderr) is a fresh pipe. */
static struct user_process *new_with_pipe(const char *path, char **argv,
                                          char **envp, int *out_fd)
{
    int fds[2];
    g_assert_cmpint(pipe(fds), ==, 0);
    int saved = dup(1);
    dup2(fds[1], 1);
    GError *error = NULL;
    struct user_process *p = user_process_new(path, argv, envp, NULL, &error);
    dup2(saved, 1);
    close(saved);
    close(fds[1]);
    g_assert_no_error(error);
    g_assert_nonnull(p);
    *out_fd = fds[0];
    return p;
}

static char *drain(int fd)
{
    GString *s = g_string_new(NULL);
    char buf[4096];
    ssize_t n;
    while ((n = read(fd, buf, sizeof(buf))) > 0)
        g_string_append_len(s, buf, n);
    close(fd);
    return g_string_free(s, FALSE);
}

static void test_initial_stack(void)
{
    char *path = data_path("tiny-aarch64.elf");
    char *argv[] = { "tiny", "one", "", "three", NULL };
    char *envp[] = { "X=1", "HOME=/home/guest", NULL };
    GError *error = NULL;
    struct user_process *p = user_process_new(path, argv, envp, NULL, &error);
    g_assert_no_error(error);
    struct cpu_state *cpu = user_process_cpu(p);
    g_assert_cmphex(cpu->pc, ==, 0x4000b0);
    uint64_t sp = cpu->sp;
    g_assert_cmpuint(sp % 16, ==, 0);
    g_assert_cmphex(sp, <, 0x0000fffffffff000ull);
    g_assert_cmphex(sp, >, 0x0000fffffffff000ull - 8 * 4096);

    g_assert_cmpuint(read_u64(p, sp), ==, 4);
    uint64_t a = sp + 8;
    for (int i = 0; i < 4; i++, a += 8) {
        char *s = read_str(p, read_u64(p, a));
        g_assert_cmpstr(s, ==, argv[i]);
        g_free(s);
    }
    g_assert_cmpuint(read_u64(p, a), ==, 0);
    a += 8;
    for (int i = 0; i < 2; i++, a += 8) {
        char *s = read_str(p, read_u64(p, a));
        g_assert_cmpstr(s, ==, envp[i]);
        g_free(s);
    }
    g_assert_cmpuint(read_u64(p, a), ==, 0);
    a += 8;

    /* auxv: read the pairs, check each entry we promise. */
    uint64_t auxv_start = a;
    GHashTable *aux = g_hash_table_new(g_int64_hash, g_int64_equal);
    uint64_t *pairs = g_new0(uint64_t, 2 * 64);
    int n = 0;
    for (; n < 64; n++) {
        pairs[2 * n] = read_u64(p, a);
        pairs[2 * n + 1] = read_u64(p, a + 8);
        a += 16;
        g_hash_table_insert(aux, &pairs[2 * n], &pairs[2 * n + 1]);
        if (pairs[2 * n] == AT_NULL_)
            break;
    }
    g_assert_cmpint(n, <, 64);
#define AUX(type) ({ gint64 k_ = (type); \
        uint64_t *v_ = g_hash_table_lookup(aux, &k_); \
        g_assert_nonnull(v_); *v_; })
    g_assert_cmphex(AUX(AT_PHDR_), ==, 0x400040);
    g_assert_cmpuint(AUX(AT_PHENT_), ==, 56);
    g_assert_cmpuint(AUX(AT_PHNUM_), ==, 2);
    g_assert_cmpuint(AUX(AT_PAGESZ_), ==, 4096);
    g_assert_cmpuint(AUX(AT_BASE_), ==, 0);
    g_assert_cmphex(AUX(AT_ENTRY_), ==, 0x4000b0);
    g_assert_cmpuint(AUX(AT_UID_), ==, getuid());
    g_assert_cmpuint(AUX(AT_SECURE_), ==, 0);
    g_assert_cmpuint(AUX(AT_CLKTCK_), ==, 100);
    g_assert_cmphex(AUX(AT_HWCAP_), ==, cpu_hwcap());
    g_assert_cmphex(AUX(AT_HWCAP2_), ==, cpu_hwcap2());
    g_assert_cmpuint(AUX(AT_MINSIGSTKSZ_), >=, 4096);
    char *s = read_str(p, AUX(AT_PLATFORM_));
    g_assert_cmpstr(s, ==, "aarch64");
    g_free(s);
    s = read_str(p, AUX(AT_EXECFN_));
    g_assert_cmpstr(s, ==, user_process_exe(p));
    g_free(s);
    uint8_t random[16], zero[16] = { 0 };
    g_assert_cmpint(user_mem_read(p, AUX(AT_RANDOM_), random, 16), ==, 16);
    g_assert_true(memcmp(random, zero, 16) != 0);
#undef AUX

    /* user_process_auxv() is the same bytes. */
    GBytes *auxv = user_process_auxv(p);
    gsize len;
    const uint8_t *bytes = g_bytes_get_data(auxv, &len);
    g_assert_cmpuint(len, ==, (n + 1) * 16);
    uint8_t *stack_auxv = g_malloc(len);
    g_assert_cmpint(user_mem_read(p, auxv_start, stack_auxv, len), ==, len);
    g_assert_cmpmem(bytes, len, stack_auxv, len);
    g_free(stack_auxv);
    g_bytes_unref(auxv);

    /* The executable's path is absolute. */
    char *real = realpath(path, NULL);
    g_assert_cmpstr(user_process_exe(p), ==, real);
    free(real);
    g_assert_cmpint(user_process_pid(p), ==, user_process_tid(p));
    g_assert_cmpint(user_process_pid(p), >, 0);
    g_assert_false(user_process_exited(p));

    g_free(pairs);
    g_hash_table_destroy(aux);
    user_process_free(p);
    g_free(path);
}

/* Two processes of the same program see the same AT_RANDOM bytes:
 * determinism. */
static void test_random_deterministic(void)
{
    char *path = data_path("tiny-aarch64.elf");
    char *argv[] = { "tiny", NULL };
    char *envp[] = { NULL };
    uint8_t r[2][16];
    for (int i = 0; i < 2; i++) {
        struct user_process *p = user_process_new(path, argv, envp, NULL, NULL);
        g_assert_nonnull(p);
        GBytes *auxv = user_process_auxv(p);
        gsize len;
        const uint64_t *v = g_bytes_get_data(auxv, &len);
        uint64_t addr = 0;
        for (gsize k = 0; k + 1 < len / 8; k += 2)
            if (v[k] == AT_RANDOM_)
                addr = v[k + 1];
        g_assert_cmphex(addr, !=, 0);
        g_assert_cmpint(user_mem_read(p, addr, r[i], 16), ==, 16);
        g_bytes_unref(auxv);
        user_process_free(p);
    }
    g_assert_cmpmem(r[0], 16, r[1], 16);
    g_free(path);
}

static void test_arguments_too_long(void)
{
    char *path = data_path("tiny-aarch64.elf");
    char *big = g_malloc(3 << 20);
    memset(big, 'x', (3 << 20) - 1);
    big[(3 << 20) - 1] = 0;
    char *argv[] = { "tiny", big, NULL };
    char *envp[] = { NULL };
    GError *error = NULL;
    struct user_process *p = user_process_new(path, argv, envp, NULL, &error);
    g_assert_null(p);
    g_assert_nonnull(error);
    g_assert_true(g_str_has_suffix(error->message, ": argument list too long"));
    g_error_free(error);
    g_free(big);
    g_free(path);
}

static void test_bad_program_error(void)
{
    GError *error = NULL;
    char *argv[] = { "x", NULL };
    struct user_process *p = user_process_new("/nonexistent/prog", argv, argv + 1,
                                              NULL, &error);
    g_assert_null(p);
    g_assert_error(error, USER_ERROR, 0);
    g_assert_true(g_str_has_prefix(error->message, "/nonexistent/prog: "));
    g_error_free(error);
}

static void test_run_tiny(void)
{
    char *path = data_path("tiny-aarch64.elf");
    char *argv[] = { "tiny", "a", "b", NULL };
    char *envp[] = { NULL };
    int out;
    struct user_process *p = new_with_pipe(path, argv, envp, &out);
    struct user_event ev;
    user_process_run(p, 1000000, &ev);
    g_assert_cmpint(ev.kind, ==, USER_EVENT_EXITED);
    g_assert_cmpint(ev.exit_code, ==, 45);
    g_assert_true(user_process_exited(p));
    /* Running again reports the same end. */
    user_process_run(p, 1000, &ev);
    g_assert_cmpint(ev.kind, ==, USER_EVENT_EXITED);
    g_assert_cmpint(ev.exit_code, ==, 45);
    user_process_free(p);
    char *text = drain(out);
    g_assert_cmpstr(text, ==, "tiny: hello\n3\n");
    g_free(text);
    g_free(path);
}

/* The budget stops the run; resuming continues where it stopped. */
static void test_run_budget(void)
{
    char *path = data_path("tiny-aarch64.elf");
    char *argv[] = { "tiny", NULL };
    char *envp[] = { NULL };
    int out;
    struct user_process *p = new_with_pipe(path, argv, envp, &out);
    struct user_event ev;
    user_process_run(p, 3, &ev);
    g_assert_cmpint(ev.kind, ==, USER_EVENT_BUDGET);
    g_assert_cmphex(user_process_cpu(p)->pc, ==, 0x4000b0 + 12);
    int steps = 0;
    do {
        user_process_run(p, 1, &ev);
        steps++;
    } while (ev.kind == USER_EVENT_BUDGET && steps < 100);
    g_assert_cmpint(ev.kind, ==, USER_EVENT_EXITED);
    g_assert_cmpint(ev.exit_code, ==, 43);
    /* 16 instructions in all: 3, then 13 single steps. */
    g_assert_cmpint(steps, ==, 13);
    user_process_free(p);
    char *text = drain(out);
    g_assert_cmpstr(text, ==, "tiny: hello\n1\n");
    g_free(text);
    g_free(path);
}

/* Runs in a subprocess: the log line goes to its stderr. */
static void test_undef_sigill(void)
{
    if (!g_test_subprocess()) {
        g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
        g_test_trap_assert_passed();
        /* Logged once, although the instruction faults twice. */
        g_test_trap_assert_stderr("backstep: unimplemented instruction "
                                  "0x00000000 at 0x4000b0\n");
        return;
    }
    char *path = data_path("tiny-aarch64.elf");
    char *argv[] = { "tiny", NULL };
    char *envp[] = { NULL };
    int out;
    struct user_process *p = new_with_pipe(path, argv, envp, &out);
    /* Plant a permanently undefined encoding (UDF #0) at the entry. */
    uint32_t udf = 0x00000000;
    g_assert_cmpint(user_mem_write(p, 0x4000b0, &udf, 4), ==, 0);
    struct user_event ev;
    user_process_run(p, 100, &ev);
    g_assert_cmpint(ev.kind, ==, USER_EVENT_SIGNAL);
    g_assert_cmpint(ev.signal, ==, 4);
    g_assert_cmphex(user_process_cpu(p)->pc, ==, 0x4000b0);
    /* Suppressed: the instruction runs again and stops again. */
    user_process_set_signal(p, 0);
    user_process_run(p, 100, &ev);
    g_assert_cmpint(ev.kind, ==, USER_EVENT_SIGNAL);
    g_assert_cmpint(ev.signal, ==, 4);
    /* Delivered with no handler: killed by SIGILL. */
    user_process_set_signal(p, 4);
    user_process_run(p, 100, &ev);
    g_assert_cmpint(ev.kind, ==, USER_EVENT_KILLED);
    g_assert_cmpint(ev.signal, ==, 4);
    g_assert_true(user_process_exited(p));
    user_process_run(p, 100, &ev);
    g_assert_cmpint(ev.kind, ==, USER_EVENT_KILLED);
    user_process_free(p);
    g_free(drain(out));
    g_free(path);
}

/* A fault's signal cannot be ignored away: SIG_IGN still kills, as the
 * kernel's force_sig does; an injected ignored signal does nothing. */
static void test_brk_sigtrap(void)
{
    char *path = data_path("tiny-aarch64.elf");
    char *argv[] = { "tiny", NULL };
    char *envp[] = { NULL };
    int out;
    struct user_process *p = new_with_pipe(path, argv, envp, &out);
    uint32_t brk = 0xd4200000 | (7 << 5);    /* BRK #7 */
    g_assert_cmpint(user_mem_write(p, 0x4000b4, &brk, 4), ==, 0);
    struct user_event ev;
    user_process_run(p, 100, &ev);
    g_assert_cmpint(ev.kind, ==, USER_EVENT_SIGNAL);
    g_assert_cmpint(ev.signal, ==, 5);
    g_assert_cmphex(user_process_cpu(p)->pc, ==, 0x4000b4);
    user_process_set_signal(p, 5);
    user_process_run(p, 100, &ev);
    g_assert_cmpint(ev.kind, ==, USER_EVENT_KILLED);
    g_assert_cmpint(ev.signal, ==, 5);
    user_process_free(p);
    g_free(drain(out));
    g_free(path);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/user/process/initial-stack", test_initial_stack);
    g_test_add_func("/user/process/random-deterministic",
                    test_random_deterministic);
    g_test_add_func("/user/process/arguments-too-long",
                    test_arguments_too_long);
    g_test_add_func("/user/process/bad-program", test_bad_program_error);
    g_test_add_func("/user/process/run-tiny", test_run_tiny);
    g_test_add_func("/user/process/run-budget", test_run_budget);
    g_test_add_func("/user/process/undef-sigill", test_undef_sigill);
    g_test_add_func("/user/process/brk-sigtrap", test_brk_sigtrap);
    return g_test_run();
}
