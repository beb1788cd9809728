/* extended-remote on the real target (server/gdb-target.c): a target
 * with no program answers like `gdbserver --multi`, vRun builds a user
 * machine from the request (program, arguments, environment, working
 * directory) stopped at its first instruction, the program runs to its
 * exit, and k, a second vRun and a missing program behave. The guest is
 * compiled at test time with the cross compiler (skipped without one). */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rsp/conn.h"
#include "rsp/hex.h"
#include "server/gdb-target.h"
#include "server/machine.h"
#include "user/process.h"
#include "xml-features/tdesc.h"
#include "guest-harness.h"

/* Exits with 40 + argc when it got the debugger's environment and working
 * directory and kept the base environment, else with 1..3 saying which
 * was wrong. */
static const char run_guest_source[] =
    "#include <stdlib.h>\n"
    "#include <string.h>\n"
    "#include <unistd.h>\n"
    "int main(int argc, char **argv)\n"
    "{\n"
    "    char cwd[4096];\n"
    "    const char *run = getenv(\"BS_RUN\"), *base = getenv(\"BS_BASE\");\n"
    "    if (!run || strcmp(run, \"yes\") != 0) return 1;\n"
    "    if (!base || strcmp(base, \"1\") != 0 || getenv(\"BS_GONE\")) return 2;\n"
    "    if (!getcwd(cwd, sizeof cwd) || !strstr(cwd, \"run-cwd\")) return 3;\n"
    "    return 40 + argc;\n"
    "}\n";

static char *scratch;   /* temporary directory */
static char *guest;     /* the compiled guest, or NULL */

static void build_guest(void)
{
    static const char *const flags[] = { "-static", "-O1", NULL };
    g_autofree char *src = NULL;

    scratch = g_dir_make_tmp("test-gdb-target-run-XXXXXX", NULL);
    g_assert_nonnull(scratch);
    src = g_build_filename(scratch, "guest.c", NULL);
    g_assert_true(g_file_set_contents(src, run_guest_source, -1, NULL));
    guest = guest_compile(src, scratch, "guest", flags);
}

static struct machine *make_user_machine(void *data, const char *program,
                                         char *const *argv, char *const *envp,
                                         GError **error)
{
    static const struct user_options opts = { 0 };

    (void)data;
    return machine_user_new(program, argv, envp, &opts, error);
}

/* A debugger in no-ack mode: packets out, reply payloads back. */
struct peer {
    struct rsp_conn *conn;
    GString *in;        /* bytes from rsp/, not yet taken */
};

static void collect(void *opaque, const uint8_t *data, size_t len)
{
    g_string_append_len(((struct peer *)opaque)->in, (const char *)data,
                        (gssize)len);
}

static void send_packet(struct peer *p, const char *payload)
{
    unsigned sum = 0;
    g_autofree char *frame = NULL;

    for (const char *c = payload; *c; c++)
        sum += (unsigned char)*c;
    frame = g_strdup_printf("$%s#%02x", payload, sum & 0xff);
    rsp_conn_feed(p->conn, (const uint8_t *)frame, strlen(frame));
}

/* The next packet's payload, waiting in the main loop (up to ~20 s of
 * guest running) for an asynchronous stop reply; acks are skipped. */
static char *next_reply(struct peer *p)
{
    for (int spins = 0; spins < 2000000; spins++) {
        char *start = strchr(p->in->str, '$');
        char *end = start ? strchr(start, '#') : NULL;
        if (end && end[1] && end[2]) {
            char *payload = g_strndup(start + 1, (gsize)(end - start - 1));
            g_string_erase(p->in, 0, end + 3 - p->in->str);
            return payload;
        }
        g_main_context_iteration(NULL, FALSE);
    }
    g_assert_not_reached();
    return NULL;
}

static char *transact(struct peer *p, const char *payload)
{
    send_packet(p, payload);
    return next_reply(p);
}

#define ASSERT_REPLY(p, packet, want)                                       \
    do {                                                                    \
        char *reply_ = transact((p), (packet));                             \
        g_assert_cmpstr(reply_, ==, (want));                                \
        g_free(reply_);                                                     \
    } while (0)

#define ASSERT_REPLY_PREFIX(p, packet, prefix)                              \
    do {                                                                    \
        char *reply_ = transact((p), (packet));                             \
        if (!g_str_has_prefix(reply_, (prefix)))                            \
            g_error("%s: reply %s, want %s...", (packet), reply_, (prefix)); \
        g_free(reply_);                                                     \
    } while (0)

static char *hex_packet(const char *prefix, const char *const *texts)
{
    GString *s = g_string_new(prefix);

    for (const char *const *t = texts; *t; t++) {
        if (t != texts)
            g_string_append_c(s, ';');
        rsp_hex_encode_str(s, *t);
    }
    return g_string_free(s, FALSE);
}

static void test_run_without_program(void)
{
    static char *const base_env[] = { "BS_BASE=1", "BS_RUN=no",
                                      "BS_GONE=x", NULL };
    g_autofree char *cwd = g_build_filename(scratch, "run-cwd", NULL);
    g_autofree char *host_cwd = g_get_current_dir();
    GError *error = NULL;
    struct tdesc *td = tdesc_aarch64_linux_with(0, &error);
    struct gdb_target *t;
    struct peer p = { .in = g_string_new(NULL) };
    char *packet;

    if (!guest) {
        g_test_skip("no cross compiler");
        tdesc_free(td);
        g_string_free(p.in, TRUE);
        return;
    }
    g_assert_nonnull(td);
    g_assert_cmpint(g_mkdir(cwd, 0700), ==, 0);
    t = gdb_target_new(NULL, td);
    gdb_target_set_factory(t, make_user_machine, NULL, base_env);
    p.conn = rsp_conn_new(gdb_target_rsp(t), collect, &p);
    gdb_target_set_conn(t, p.conn);

    send_packet(&p, "QStartNoAckMode");
    g_free(next_reply(&p));
    rsp_conn_feed(p.conn, (const uint8_t *)"+", 1);
    ASSERT_REPLY(&p, "!", "OK");

    /* No program yet: gdbserver --multi's answers. */
    ASSERT_REPLY(&p, "?", "W00");
    ASSERT_REPLY(&p, "qfThreadInfo", "l");
    /* Registers of no thread: every one unavailable (rsp/'s answer to
     * -ESRCH), not a crash. */
    g_free(transact(&p, "g"));
    ASSERT_REPLY_PREFIX(&p, "m400000,4", "E");
    ASSERT_REPLY_PREFIX(&p, "c", "E");
    ASSERT_REPLY(&p, "vRun;", "E02");     /* no program run before */
    g_assert_null(gdb_target_machine(t));

    /* The environment and working directory of the next run. */
    packet = hex_packet("QEnvironmentHexEncoded:",
                        (const char *const[]){ "BS_RUN=yes", NULL });
    ASSERT_REPLY(&p, packet, "OK");
    g_free(packet);
    packet = hex_packet("QEnvironmentUnset:",
                        (const char *const[]){ "BS_GONE", NULL });
    ASSERT_REPLY(&p, packet, "OK");
    g_free(packet);
    packet = hex_packet("QSetWorkingDir:", (const char *const[]){ cwd, NULL });
    ASSERT_REPLY(&p, packet, "OK");
    g_free(packet);

    /* Run it: stopped at its first instruction, one thread. */
    packet = hex_packet("vRun;", (const char *const[]){ guest, "a1", NULL });
    ASSERT_REPLY_PREFIX(&p, packet, "T05");
    g_free(packet);
    g_assert_nonnull(gdb_target_machine(t));
    ASSERT_REPLY_PREFIX(&p, "qfThreadInfo", "m");
    ASSERT_REPLY(&p, "c", "W2a");         /* 40 + argc 2 */
    g_assert_cmpint(gdb_target_session_end(t), ==, GDB_SESSION_EXITED);

    /* "vRun;" runs the same program again, now with argc 1. */
    ASSERT_REPLY_PREFIX(&p, "vRun;", "T05");
    g_assert_cmpint(gdb_target_session_end(t), ==, GDB_SESSION_ACTIVE);
    ASSERT_REPLY(&p, "c", "W29");

    /* k leaves no process, and the session goes on. */
    ASSERT_REPLY_PREFIX(&p, "vRun;", "T05");
    ASSERT_REPLY(&p, "k", "X09");
    g_assert_false(rsp_conn_finished(p.conn));
    g_assert_null(gdb_target_machine(t));
    ASSERT_REPLY(&p, "?", "W00");
    ASSERT_REPLY(&p, "qfThreadInfo", "l");

    /* A program that is not there: an error and still no process. */
    packet = hex_packet("vRun;",
                        (const char *const[]){ "/nonexistent/prog", NULL });
    ASSERT_REPLY(&p, packet, "E02");
    g_free(packet);
    ASSERT_REPLY(&p, "?", "W00");

    rsp_conn_free(p.conn);
    gdb_target_free(t);
    tdesc_free(td);
    g_string_free(p.in, TRUE);
    g_assert_cmpint(chdir(host_cwd), ==, 0);
    g_rmdir(cwd);
}

/* Without a factory the target has no extended mode (target remote). */
static void test_no_factory_no_extended(void)
{
    GError *error = NULL;
    struct tdesc *td = tdesc_aarch64_linux_with(0, &error);
    struct gdb_target *t = gdb_target_new(NULL, td);

    g_assert_null(gdb_target_rsp(t)->ops->run);
    gdb_target_set_factory(t, make_user_machine, NULL, NULL);
    g_assert_nonnull(gdb_target_rsp(t)->ops->run);
    gdb_target_free(t);
    tdesc_free(td);
}

int main(int argc, char **argv)
{
    int status;

    g_test_init(&argc, &argv, NULL);
    build_guest();
    g_test_add_func("/gdb-target/run/without-program",
                    test_run_without_program);
    g_test_add_func("/gdb-target/run/no-factory", test_no_factory_no_extended);
    status = g_test_run();
    g_free(guest);
    guest_tmpdir_remove(scratch);
    return status;
}
