/* Non-stop mode on the real target (server/gdb-target-nonstop.c) and a
 * user machine: threads run on while one is stopped, vCont;t stops one
 * thread or all with signal 0 stops, a step of one thread ends while the
 * other runs, '?' lists the stopped threads, the mode cannot change
 * while a thread runs, and the program's end comes as a %Stop
 * notification. The guest is compiled at test time with the cross
 * compiler (skipped without one); its variables are found with nm. */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "rsp/conn.h"
#include "server/gdb-target.h"
#include "server/machine.h"
#include "user/process.h"
#include "xml-features/tdesc.h"
#include "guest-harness.h"

/* Both threads count until the debugger sets go_home; exits 5. */
static const char nonstop_guest_source[] =
    "#include <pthread.h>\n"
    "volatile int go_home;\n"
    "volatile unsigned long main_count, worker_count;\n"
    "static void *worker(void *arg)\n"
    "{\n"
    "    (void)arg;\n"
    "    while (!go_home) worker_count++;\n"
    "    return 0;\n"
    "}\n"
    "int main(void)\n"
    "{\n"
    "    pthread_t t;\n"
    "    pthread_create(&t, 0, worker, 0);\n"
    "    while (!go_home) main_count++;\n"
    "    pthread_join(t, 0);\n"
    "    return 5;\n"
    "}\n";

static char *scratch;
static char *guest;                 /* NULL: no cross compiler */
static uint64_t addr_go_home, addr_main_count, addr_worker_count;

static bool run_tool(char **argv, char **out)
{
    int status;

    return g_spawn_sync(NULL, argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                        NULL, out, NULL, &status, NULL)
           && g_spawn_check_wait_status(status, NULL);
}

static uint64_t symbol(const char *nm_output, const char *name)
{
    g_auto(GStrv) lines = g_strsplit(nm_output, "\n", -1);

    for (char **l = lines; *l; l++) {
        unsigned long long value;
        char type, sym[64];
        if (sscanf(*l, "%llx %c %63s", &value, &type, sym) == 3
            && strcmp(sym, name) == 0)
            return value;
    }
    g_error("no symbol %s in the guest", name);
    return 0;
}

static void build_guest(void)
{
    static const char *const flags[] = { "-static", "-O1", "-pthread", NULL };
    g_autofree char *nm = g_find_program_in_path("aarch64-linux-gnu-nm");
    g_autofree char *src = NULL;
    g_autofree char *symbols = NULL;

    scratch = g_dir_make_tmp("test-gdb-target-nonstop-XXXXXX", NULL);
    g_assert_nonnull(scratch);
    if (!nm)
        return;
    src = g_build_filename(scratch, "guest.c", NULL);
    g_assert_true(g_file_set_contents(src, nonstop_guest_source, -1, NULL));
    guest = guest_compile(src, scratch, "guest", flags);
    if (!guest)
        return;
    {
        char *nm_argv[] = { nm, guest, NULL };
        if (!run_tool(nm_argv, &symbols)) {
            g_clear_pointer(&guest, g_free);
            return;
        }
    }
    addr_go_home = symbol(symbols, "go_home");
    addr_main_count = symbol(symbols, "main_count");
    addr_worker_count = symbol(symbols, "worker_count");
}

/* A debugger in no-ack mode. Frames from rsp/ are "$PAYLOAD" (replies)
 * or "%PAYLOAD" (notifications). */
struct peer {
    struct rsp_conn *conn;
    GString *in;
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

/* Run the main loop a while: the machine's slices. */
static void pump(int iterations)
{
    for (int i = 0; i < iterations; i++)
        g_main_context_iteration(NULL, FALSE);
}

/* The next frame, running the main loop (up to a few seconds of guest
 * time) until one comes; run-length runs expanded. */
static char *next_frame(struct peer *p)
{
    for (int spins = 0; spins < 200000; spins++) {
        const char *s = p->in->str;
        size_t start = strcspn(s, "$%");
        const char *end = s[start] ? strchr(s + start, '#') : NULL;

        if (end && end[1] && end[2]) {
            GString *frame = g_string_new(NULL);
            for (const char *c = s + start; c < end; c++) {
                if (*c == '*' && c + 1 < end) {
                    for (int k = 0; k < c[1] - 29; k++)
                        g_string_append_c(frame,
                                          frame->str[frame->len - 1]);
                    c++;
                    continue;
                }
                g_string_append_c(frame, *c);
            }
            g_string_erase(p->in, 0, end + 3 - s);
            return g_string_free(frame, FALSE);
        }
        g_main_context_iteration(NULL, FALSE);
    }
    g_assert_not_reached();
    return NULL;
}

static char *transact(struct peer *p, const char *payload)
{
    send_packet(p, payload);
    return next_frame(p);
}

#define ASSERT_FRAME(p, packet, want)                                       \
    do {                                                                    \
        char *frame_ = transact((p), (packet));                             \
        g_assert_cmpstr(frame_, ==, (want));                                \
        g_free(frame_);                                                     \
    } while (0)

/* The next frame, without sending anything. */
#define ASSERT_NEXT(p, want)                                                \
    do {                                                                    \
        char *frame_ = next_frame(p);                                       \
        g_assert_cmpstr(frame_, ==, (want));                                \
        g_free(frame_);                                                     \
    } while (0)

/* A frame that starts with prefix and names thread (e.g. "p3e8.3e9"). */
static void assert_stop(char *frame, const char *prefix, const char *thread)
{
    g_autofree char *named = g_strdup_printf("thread:%s;", thread);

    if (!g_str_has_prefix(frame, prefix) || !strstr(frame, named))
        g_error("stop %s, want %s... for %s", frame, prefix, thread);
    g_free(frame);
}

static uint64_t read_u64(struct peer *p, uint64_t addr)
{
    g_autofree char *packet = g_strdup_printf("m%" G_GINT64_MODIFIER "x,8",
                                              addr);
    g_autofree char *reply = transact(p, packet);
    uint64_t value = 0;

    g_assert_cmpuint(strlen(reply), ==, 17);
    for (int i = 7; i >= 0; i--) {
        unsigned byte;
        g_assert_cmpint(sscanf(reply + 1 + 2 * i, "%2x", &byte), ==, 1);
        value = value << 8 | byte;
    }
    return value;
}

/* Whether the counter at addr moves while the machine runs a while. */
static bool counts(struct peer *p, uint64_t addr)
{
    uint64_t before = read_u64(p, addr);

    for (int i = 0; i < 50; i++) {
        pump(20);
        if (read_u64(p, addr) != before)
            return true;
    }
    return false;
}

/* The guest under a non-stop connection (no acks, multiprocess). */
struct session {
    struct tdesc *td;
    struct machine *m;
    struct gdb_target *t;
    struct peer p;
};

static void start_session(struct session *s)
{
    static const struct user_options opts = { 0 };
    char *const argv[] = { guest, NULL };
    char *const envp[] = { NULL };
    GError *error = NULL;
    char *reply;

    s->td = tdesc_aarch64_linux_with(0, &error);
    g_assert_no_error(error);
    s->m = machine_user_new(guest, argv, envp, &opts, &error);
    g_assert_no_error(error);
    s->t = gdb_target_new(s->m, s->td);
    s->p.in = g_string_new(NULL);
    s->p.conn = rsp_conn_new(gdb_target_rsp(s->t), collect, &s->p);
    gdb_target_set_conn(s->t, s->p.conn);

    send_packet(&s->p, "QStartNoAckMode");
    g_assert_cmpstr(s->p.in->str, ==, "+$OK#9a");
    g_string_truncate(s->p.in, 0);
    reply = transact(&s->p, "qSupported:multiprocess+");
    g_assert_nonnull(strstr(reply, ";QNonStop+"));
    g_free(reply);
    ASSERT_FRAME(&s->p, "QNonStop:1", "$OK");
}

static void end_session(struct session *s)
{
    gdb_target_set_conn(s->t, NULL);
    rsp_conn_free(s->p.conn);
    g_string_free(s->p.in, TRUE);
    gdb_target_free(s->t);
    s->m->ops->free(s->m);
    tdesc_free(s->td);
}

static void set_go_home(struct peer *p)
{
    g_autofree char *write = g_strdup_printf(
        "M%" G_GINT64_MODIFIER "x,4:01000000", addr_go_home);

    ASSERT_FRAME(p, write, "$OK");
}

static void test_threads_stop_alone(void)
{
    struct session session;
    struct peer *pp = &session.p;
    struct gdb_target *t;
    char *reply;

    if (!guest) {
        g_test_skip("no aarch64-linux-gnu-gcc");
        return;
    }
    start_session(&session);
    t = session.t;
    /* Stopped at the first instruction: the one thread's stop. */
    assert_stop(transact(pp, "?"), "$T05", "p3e8.3e8");
    ASSERT_FRAME(pp, "vStopped", "$OK");

    /* Everything runs: both count, and packets are served meanwhile. */
    ASSERT_FRAME(pp, "vCont;c", "$OK");
    g_assert_true(counts(pp, addr_main_count));
    g_assert_true(counts(pp, addr_worker_count));
    ASSERT_FRAME(pp, "qfThreadInfo", "$mp3e8.3e8,p3e8.3e9");

    /* Stop the worker alone: a signal 0 stop, then OK; main counts on. */
    send_packet(pp, "vCont;t:p3e8.3e9");
    assert_stop(next_frame(pp), "%Stop:T00", "p3e8.3e9");
    ASSERT_NEXT(pp, "$OK");
    ASSERT_FRAME(pp, "vStopped", "$OK");
    g_assert_false(counts(pp, addr_worker_count));
    g_assert_true(counts(pp, addr_main_count));
    /* A stopped thread is not stopped (nor reported) again. */
    ASSERT_FRAME(pp, "vCont;t:p3e8.3e9", "$OK");
    g_assert_cmpuint(pp->in->len, ==, 0);

    /* Threads run: no switching modes. */
    reply = transact(pp, "QNonStop:0");
    g_assert_true(reply[1] == 'E');
    g_free(reply);

    /* '?': the stopped worker only. */
    assert_stop(transact(pp, "?"), "$T00", "p3e8.3e9");
    ASSERT_FRAME(pp, "vStopped", "$OK");

    /* A step of the worker ends while main runs. */
    ASSERT_FRAME(pp, "vCont;s:p3e8.3e9", "$OK");
    assert_stop(next_frame(pp), "%Stop:T05", "p3e8.3e9");
    ASSERT_FRAME(pp, "vStopped", "$OK");
    g_assert_true(counts(pp, addr_main_count));

    /* Stop all: only main was running. */
    send_packet(pp, "vCont;t");
    assert_stop(next_frame(pp), "%Stop:T00", "p3e8.3e8");
    ASSERT_NEXT(pp, "$OK");
    g_assert_false(counts(pp, addr_main_count));
    g_assert_false(counts(pp, addr_worker_count));

    /* Let them go home: the end is a notification. */
    ASSERT_FRAME(pp, "vStopped", "$OK");
    set_go_home(pp);
    ASSERT_FRAME(pp, "vCont;c", "$OK");
    ASSERT_NEXT(pp, "%Stop:W05;process:3e8");
    ASSERT_FRAME(pp, "vStopped", "$OK");
    g_assert_cmpint(gdb_target_session_end(t), ==, GDB_SESSION_EXITED);
    g_assert_cmpint(gdb_target_exit_status(t), ==, 5);

    end_session(&session);
}

/* With QThreadEvents: a new thread is stopped before its first
 * instruction (create:) while its creator runs on, and a thread's end is
 * a w notification before the process's W. */
static void test_thread_events(void)
{
    struct session session;
    struct peer *pp = &session.p;
    GString *events = g_string_new(NULL);
    char *frame;

    if (!guest) {
        g_test_skip("no aarch64-linux-gnu-gcc");
        return;
    }
    start_session(&session);
    assert_stop(transact(pp, "?"), "$T05", "p3e8.3e8");
    ASSERT_FRAME(pp, "vStopped", "$OK");
    ASSERT_FRAME(pp, "QThreadEvents:1", "$OK");

    ASSERT_FRAME(pp, "vCont;c", "$OK");
    frame = next_frame(pp);
    g_assert_nonnull(strstr(frame, "create:;"));
    assert_stop(frame, "%Stop:T05", "p3e8.3e9");
    ASSERT_FRAME(pp, "vStopped", "$OK");
    g_assert_true(counts(pp, addr_main_count));
    g_assert_cmpuint(read_u64(pp, addr_worker_count), ==, 0);

    /* Main leaves its loop and waits for the held worker; the worker,
     * resumed, ends at once. */
    set_go_home(pp);
    ASSERT_FRAME(pp, "vCont;c:p3e8.3e9", "$OK");
    /* Gather the notifications and what vStopped drains, until W. */
    while (!strstr(events->str, "W05")) {
        frame = next_frame(pp);
        g_assert_true(g_str_has_prefix(frame, "%Stop:"));
        g_string_append_printf(events, "%s|", frame + 6);
        g_free(frame);
        for (;;) {
            frame = transact(pp, "vStopped");
            if (strcmp(frame, "$OK") == 0) {
                g_free(frame);
                break;
            }
            g_string_append_printf(events, "%s|", frame + 1);
            g_free(frame);
        }
    }
    g_assert_cmpstr(events->str, ==, "w00;p3e8.3e9|W05;process:3e8|");
    g_string_free(events, TRUE);
    end_session(&session);
}

int main(int argc, char **argv)
{
    int status;

    g_test_init(&argc, &argv, NULL);
    build_guest();
    g_test_add_func("/gdb-target/nonstop/threads-stop-alone",
                    test_threads_stop_alone);
    g_test_add_func("/gdb-target/nonstop/thread-events", test_thread_events);
    status = g_test_run();
    g_free(guest);
    guest_tmpdir_remove(scratch);
    return status;
}
