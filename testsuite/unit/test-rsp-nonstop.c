/* Non-stop mode in the protocol engine, against the fake target:
 * QNonStop, the %Stop notification's framing, the vStopped queue, '?'
 * while threads run, and what stays as it was in all-stop. */
#include <errno.h>
#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "rsp/conn.h"
#include "testsuite/unit/fake-target.h"

/* Everything rsp/ sent since the last call, as frames: "$PAYLOAD" for a
 * packet, "%PAYLOAD" for a notification, "+" and "-" for acks. Checksums
 * are checked; run-length runs are expanded in packets and refused in
 * notifications (we never compress those). */
static GPtrArray *take_frames(struct fake_peer *peer)
{
    GPtrArray *frames = g_ptr_array_new_with_free_func(g_free);
    const char *s = peer->out->str;
    size_t len = peer->out->len, i = 0;

    while (i < len) {
        char kind = s[i++];
        GString *frame;
        uint8_t sum = 0;
        unsigned want;

        if (kind == '+' || kind == '-') {
            g_ptr_array_add(frames, g_strndup(&kind, 1));
            continue;
        }
        g_assert_true(kind == '$' || kind == '%');
        frame = g_string_new(NULL);
        g_string_append_c(frame, kind);
        while (i < len && s[i] != '#') {
            sum += (uint8_t)s[i];
            if (s[i] == '*') {
                g_assert_cmpint(kind, ==, '$');
                g_assert_cmpuint(i + 1, <, len);
                sum += (uint8_t)s[i + 1];
                for (int k = 0; k < (uint8_t)s[i + 1] - 29; k++)
                    g_string_append_c(frame, frame->str[frame->len - 1]);
                i += 2;
                continue;
            }
            g_string_append_c(frame, s[i++]);
        }
        g_assert_cmpuint(i + 2, <, len);
        g_assert_cmpint(sscanf(s + i + 1, "%2x", &want), ==, 1);
        g_assert_cmpuint(want, ==, sum);
        i += 3;
        g_ptr_array_add(frames, g_string_free(frame, FALSE));
    }
    g_string_truncate(peer->out, 0);
    return frames;
}

/* Send a packet (acks off) and return the one frame that came back. */
static char *transact(struct fake_peer *peer, const char *packet)
{
    GPtrArray *frames;
    char *only;

    fake_peer_send(peer, packet);
    frames = take_frames(peer);
    g_assert_cmpuint(frames->len, ==, 1);
    only = g_strdup(g_ptr_array_index(frames, 0));
    g_ptr_array_unref(frames);
    return only;
}

#define ASSERT_FRAME(peer, packet, want)                                    \
    do {                                                                    \
        char *got_ = transact((peer), (packet));                            \
        g_assert_cmpstr(got_, ==, (want));                                  \
        g_free(got_);                                                       \
    } while (0)

static void assert_nothing_sent(struct fake_peer *peer)
{
    g_assert_cmpuint(peer->out->len, ==, 0);
}

/* A peer without acks, with non-stop offered (and switched on if on). */
static struct fake_peer *non_stop_peer(bool on)
{
    struct fake_peer *peer = fake_peer_new();

    fake_target_enable_non_stop(peer->ft);
    fake_peer_send(peer, "QStartNoAckMode");
    g_string_truncate(peer->out, 0);
    if (on)
        ASSERT_FRAME(peer, "QNonStop:1", "$OK");
    return peer;
}

static struct rsp_stop thread_stop(int64_t tid, int signal)
{
    return (struct rsp_stop){
        .kind = RSP_STOP_SIGNAL,
        .signal = signal,
        .thread = { FAKE_PID, tid },
    };
}

/* The stop reply the engine formats for a signal stop of tid on the
 * fake: pc (0x20), sp (0x1f) and x29 (0x1d) expedited, then the thread. */
static char *expected_t(int64_t tid, int signal)
{
    GString *s = g_string_new(NULL);
    static const unsigned regs[] = { 32, 31, 29 };

    g_string_append_printf(s, "T%02x", signal);
    for (size_t r = 0; r < G_N_ELEMENTS(regs); r++) {
        g_string_append_printf(s, "%x:", regs[r]);
        for (unsigned i = 0; i < 8; i++)
            g_string_append_printf(s, "%02x", (regs[r] * 16 + i) & 0xff);
        g_string_append_c(s, ';');
    }
    g_string_append_printf(s, "thread:%" G_GINT64_MODIFIER "x;core:0;", tid);
    return g_string_free(s, FALSE);
}

static void test_not_offered(void)
{
    struct fake_peer *peer = fake_peer_new();
    char *reply;

    /* A target without the operations stays all-stop, as before. */
    reply = fake_peer_transact(peer, "qSupported:multiprocess+");
    g_assert_null(strstr(reply, "QNonStop"));
    g_free(reply);
    FAKE_ASSERT_REPLY(peer, "QNonStop:1", "");
    FAKE_ASSERT_REPLY(peer, "vStopped", "");
    FAKE_ASSERT_REPLY(peer, "vCont?", "vCont;c;C;s;S;r");
    fake_peer_free(peer);
}

static void test_offered(void)
{
    struct fake_peer *peer = non_stop_peer(false);
    char *reply = transact(peer, "qSupported:multiprocess+");

    g_assert_nonnull(strstr(reply, ";QNonStop+"));
    g_free(reply);
    ASSERT_FRAME(peer, "vCont?", "$vCont;c;C;s;S;r;t");
    fake_peer_free(peer);
}

static void test_switch_modes(void)
{
    struct fake_peer *peer = non_stop_peer(false);

    ASSERT_FRAME(peer, "QNonStop:1", "$OK");
    g_assert_true(peer->ft->non_stop);
    ASSERT_FRAME(peer, "QNonStop:0", "$OK");
    g_assert_false(peer->ft->non_stop);
    g_assert_cmpint(peer->ft->set_non_stop_calls, ==, 2);
    /* Malformed: the target is not asked. */
    ASSERT_FRAME(peer, "QNonStop:2", "$E16");
    ASSERT_FRAME(peer, "QNonStop:", "$E16");
    ASSERT_FRAME(peer, "QNonStop:11", "$E16");
    ASSERT_FRAME(peer, "QNonStop", "$E16");
    g_assert_cmpint(peer->ft->set_non_stop_calls, ==, 2);
    fake_peer_free(peer);
}

/* The target refuses to switch while threads run (EBUSY), and the mode
 * then stays what it was. */
static void test_switch_refused_while_running(void)
{
    struct fake_peer *peer = non_stop_peer(true);

    ASSERT_FRAME(peer, "vCont;c", "$OK");
    peer->ft->set_non_stop_result = -EBUSY;
    ASSERT_FRAME(peer, "QNonStop:0", "$E10");
    /* Still non-stop: a stop is a notification, not a reply. */
    rsp_conn_report_stop(peer->conn, &(struct rsp_stop){
                                         .kind = RSP_STOP_SIGNAL,
                                         .signal = 5,
                                         .thread = { FAKE_PID, FAKE_TID1 } });
    g_assert_cmpint(peer->out->str[0], ==, '%');
    fake_peer_free(peer);
}

/* In all-stop, a QNonStop that comes while the target runs waits for the
 * stop like any packet, and is served after the stop reply. */
static void test_switch_waits_for_all_stop_stop(void)
{
    struct fake_peer *peer = non_stop_peer(false);
    struct rsp_stop stop = thread_stop(FAKE_TID1, 5);
    GPtrArray *frames;

    fake_peer_send(peer, "c");
    assert_nothing_sent(peer);
    fake_peer_send(peer, "QNonStop:1");
    assert_nothing_sent(peer);
    g_assert_cmpint(peer->ft->set_non_stop_calls, ==, 0);
    rsp_conn_report_stop(peer->conn, &stop);
    frames = take_frames(peer);
    g_assert_cmpuint(frames->len, ==, 2);
    g_assert_cmpint(((char *)g_ptr_array_index(frames, 0))[0], ==, '$');
    g_assert_cmpstr(g_ptr_array_index(frames, 1), ==, "$OK");
    g_assert_true(peer->ft->non_stop);
    g_ptr_array_unref(frames);
    fake_peer_free(peer);
}

/* vCont answers OK at once; packets are served while threads run. */
static void test_resume_answers_ok(void)
{
    struct fake_peer *peer = non_stop_peer(true);

    ASSERT_FRAME(peer, "vCont;c:p2a.2b", "$OK");
    g_assert_cmpint(peer->ft->resume_calls, ==, 1);
    g_assert_cmpuint(peer->ft->last_actions->len, ==, 1);
    g_assert_false(rsp_conn_target_running(peer->conn));
    ASSERT_FRAME(peer, "m10000,4", "$00010203");
    ASSERT_FRAME(peer, "vCont;t:p2a.2a", "$OK");
    g_assert_cmpint(g_array_index(peer->ft->last_actions,
                                  struct rsp_resume_action, 0).kind,
                    ==, RSP_RESUME_STOP);
    peer->ft->resume_result = -ESRCH;
    ASSERT_FRAME(peer, "vCont;c", "$E03");
    fake_peer_free(peer);
}

/* A thread whose stop waits for vStopped is not resumed: the debugger
 * does not know it stopped yet, and its wildcard vCont;c is meant for
 * the threads it knows to run. */
static void test_pending_stop_not_resumed(void)
{
    struct fake_peer *peer = non_stop_peer(true);
    struct rsp_stop stop = thread_stop(FAKE_TID1, 5);
    const struct rsp_resume_action *a;
    GPtrArray *frames;

    ASSERT_FRAME(peer, "vCont;c", "$OK");
    g_assert_cmpuint(peer->ft->last_actions->len, ==, 1);
    rsp_conn_report_stop(peer->conn, &stop);
    frames = take_frames(peer);
    g_assert_cmpuint(frames->len, ==, 1);
    g_ptr_array_unref(frames);

    /* The wildcard becomes an action for the other thread alone. */
    ASSERT_FRAME(peer, "vCont;c", "$OK");
    g_assert_cmpint(peer->ft->resume_calls, ==, 2);
    g_assert_cmpuint(peer->ft->last_actions->len, ==, 1);
    a = &g_array_index(peer->ft->last_actions, struct rsp_resume_action, 0);
    g_assert_cmpint(a->kind, ==, RSP_RESUME_CONTINUE);
    g_assert_cmpint(a->thread.pid, ==, FAKE_PID);
    g_assert_cmpint(a->thread.tid, ==, FAKE_TID2);
    /* Order is kept: the first action naming a thread is its own. */
    ASSERT_FRAME(peer, "vCont;t:p2a.2b;c", "$OK");
    g_assert_cmpuint(peer->ft->last_actions->len, ==, 1);
    a = &g_array_index(peer->ft->last_actions, struct rsp_resume_action, 0);
    g_assert_cmpint(a->kind, ==, RSP_RESUME_STOP);
    g_assert_cmpint(a->thread.tid, ==, FAKE_TID2);
    /* Nothing left to resume: OK without asking the target. */
    ASSERT_FRAME(peer, "vCont;c:p2a.2a", "$OK");
    g_assert_cmpint(peer->ft->resume_calls, ==, 3);

    /* Once handed over, the thread is the debugger's to resume. */
    ASSERT_FRAME(peer, "vStopped", "$OK");
    ASSERT_FRAME(peer, "vCont;c", "$OK");
    g_assert_cmpint(peer->ft->resume_calls, ==, 4);
    a = &g_array_index(peer->ft->last_actions, struct rsp_resume_action, 0);
    g_assert_cmpint(a->thread.tid, ==, -1);
    fake_peer_free(peer);
}

/* One notification at a time; the rest through vStopped, in order. */
static void test_notification_queue(void)
{
    struct fake_peer *peer = non_stop_peer(true);
    struct rsp_stop first = thread_stop(FAKE_TID1, 5);
    struct rsp_stop second = thread_stop(FAKE_TID2, 0);
    struct rsp_stop exited = { .kind = RSP_STOP_EXITED, .exit_code = 3,
                               .thread = { FAKE_PID, FAKE_PID } };
    char *t1 = expected_t(FAKE_TID1, 5), *t2 = expected_t(FAKE_TID2, 0);
    char *want;
    GPtrArray *frames;

    ASSERT_FRAME(peer, "vCont;c", "$OK");
    rsp_conn_report_stop(peer->conn, &first);
    frames = take_frames(peer);
    g_assert_cmpuint(frames->len, ==, 1);
    want = g_strdup_printf("%%Stop:%s", t1);
    g_assert_cmpstr(g_ptr_array_index(frames, 0), ==, want);
    g_free(want);
    g_ptr_array_unref(frames);

    /* The first is not acknowledged yet: these only queue. */
    rsp_conn_report_stop(peer->conn, &second);
    rsp_conn_report_stop(peer->conn, &exited);
    assert_nothing_sent(peer);

    want = g_strdup_printf("$%s", t2);
    ASSERT_FRAME(peer, "vStopped", want);
    g_free(want);
    ASSERT_FRAME(peer, "vStopped", "$W03");
    ASSERT_FRAME(peer, "vStopped", "$OK");
    /* Drained: the next stop is a notification again. */
    rsp_conn_report_stop(peer->conn, &second);
    frames = take_frames(peer);
    g_assert_cmpuint(frames->len, ==, 1);
    want = g_strdup_printf("%%Stop:%s", t2);
    g_assert_cmpstr(g_ptr_array_index(frames, 0), ==, want);
    g_free(want);
    g_ptr_array_unref(frames);
    ASSERT_FRAME(peer, "vStopped", "$OK");
    /* A vStopped with nothing queued is harmless. */
    ASSERT_FRAME(peer, "vStopped", "$OK");
    g_free(t1);
    g_free(t2);
    fake_peer_free(peer);
}

/* The exact bytes of a notification: '%', no ack awaited, and not what
 * a '-' makes us send again. */
static void test_notification_framing(void)
{
    struct fake_peer *peer = fake_peer_new();   /* acks on */
    struct rsp_stop stop = { .kind = RSP_STOP_EXITED, .exit_code = 0,
                             .thread = { FAKE_PID, FAKE_PID } };
    int acks, naks;
    GPtrArray *packets;

    fake_target_enable_non_stop(peer->ft);
    fake_peer_send(peer, "QNonStop:1");
    g_assert_cmpstr(peer->out->str, ==, "+$OK#9a");
    g_string_truncate(peer->out, 0);
    rsp_conn_report_stop(peer->conn, &stop);
    /* "Stop:W00" sums to 0x297: checksum 97. */
    g_assert_cmpstr(peer->out->str, ==, "%Stop:W00#97");
    g_string_truncate(peer->out, 0);
    /* A NAK resends the last packet, never the notification. */
    fake_peer_feed(peer, "-", 1);
    g_assert_cmpstr(peer->out->str, ==, "$OK#9a");
    g_string_truncate(peer->out, 0);
    fake_peer_send(peer, "vStopped");
    packets = fake_peer_take(peer, &acks, &naks);
    g_assert_cmpint(acks, ==, 1);
    g_assert_cmpuint(packets->len, ==, 1);
    g_assert_cmpstr(((GString *)g_ptr_array_index(packets, 0))->str, ==,
                    "OK");
    g_ptr_array_unref(packets);
    fake_peer_free(peer);
}

/* '?' in non-stop: every stopped thread, first as the reply. */
static void test_status_lists_stopped_threads(void)
{
    struct fake_peer *peer = non_stop_peer(true);
    struct rsp_stop a = thread_stop(FAKE_TID1, 5), b = thread_stop(FAKE_TID2, 0);
    char *t1 = expected_t(FAKE_TID1, 5), *t2 = expected_t(FAKE_TID2, 0);
    char *want;

    ASSERT_FRAME(peer, "?", "$OK");     /* nothing stopped */
    g_array_append_val(peer->ft->stopped, a);
    g_array_append_val(peer->ft->stopped, b);
    want = g_strdup_printf("$%s", t1);
    ASSERT_FRAME(peer, "?", want);
    g_free(want);
    want = g_strdup_printf("$%s", t2);
    ASSERT_FRAME(peer, "vStopped", want);
    g_free(want);
    ASSERT_FRAME(peer, "vStopped", "$OK");

    /* '?' replaces what was queued before: no stop is told twice. */
    ASSERT_FRAME(peer, "vCont;c", "$OK");
    rsp_conn_report_stop(peer->conn, &a);
    g_string_truncate(peer->out, 0);
    rsp_conn_report_stop(peer->conn, &b);
    g_array_set_size(peer->ft->stopped, 0);
    g_array_append_val(peer->ft->stopped, b);
    want = g_strdup_printf("$%s", t2);
    ASSERT_FRAME(peer, "?", want);
    g_free(want);
    ASSERT_FRAME(peer, "vStopped", "$OK");
    g_free(t1);
    g_free(t2);
    fake_peer_free(peer);
}

/* gdb keeps its Hg selection across non-stop stops (unlike all-stop,
 * where a T reply makes the stopped thread the general one). */
static void test_stop_keeps_general_thread(void)
{
    struct fake_peer *peer = non_stop_peer(true);
    struct rsp_stop stop = thread_stop(FAKE_TID1, 5);
    char *reply;

    ASSERT_FRAME(peer, "Hgp2a.2b", "$OK");
    ASSERT_FRAME(peer, "vCont;c", "$OK");
    rsp_conn_report_stop(peer->conn, &stop);
    g_string_truncate(peer->out, 0);
    reply = transact(peer, "p0");
    g_free(reply);
    g_assert_cmpint(peer->ft->last_reg_thread.tid, ==, FAKE_TID2);
    fake_peer_free(peer);
}

/* Ctrl-C means nothing in non-stop (gdb stops threads with vCont;t). */
static void test_interrupt_ignored(void)
{
    struct fake_peer *peer = non_stop_peer(true);

    ASSERT_FRAME(peer, "vCont;c", "$OK");
    fake_peer_feed(peer, "\x03", 1);
    g_assert_cmpint(peer->ft->interrupt_calls, ==, 0);
    assert_nothing_sent(peer);
    fake_peer_free(peer);
}

static int fake_reverse(struct rsp_target *t, enum rsp_reverse_kind kind,
                        struct rsp_ptid thread, struct rsp_stop *stop)
{
    (void)t;
    (void)kind;
    *stop = (struct rsp_stop){ .kind = RSP_STOP_SIGNAL, .signal = 5,
                               .thread = thread };
    return 0;
}

static void test_reverse_refused(void)
{
    struct fake_peer *peer = non_stop_peer(true);
    char *t2 = expected_t(FAKE_TID2, 0), *want;
    char *reply;

    peer->ft->ops.reverse = fake_reverse;
    ASSERT_FRAME(peer, "Hcp2a.2b", "$OK");
    /* No reply (gdb takes bs in non-stop as a resume), only the thread
     * stopped where it was: a signal 0 notification. */
    want = g_strdup_printf("%%Stop:%s", t2);
    ASSERT_FRAME(peer, "bs", want);
    g_free(want);
    g_assert_cmpint(peer->ft->resume_calls, ==, 0);
    /* The next one queues behind it. */
    fake_peer_send(peer, "bc");
    assert_nothing_sent(peer);
    want = g_strdup_printf("$%s", t2);
    ASSERT_FRAME(peer, "vStopped", want);
    g_free(want);
    ASSERT_FRAME(peer, "vStopped", "$OK");
    ASSERT_FRAME(peer, "QNonStop:0", "$OK");
    reply = transact(peer, "bs");
    g_assert_true(g_str_has_prefix(reply, "$T05"));
    g_free(reply);
    g_free(t2);
    fake_peer_free(peer);
}

/* Back in all-stop, a resume waits for its stop reply as before. */
static void test_back_to_all_stop(void)
{
    struct fake_peer *peer = non_stop_peer(true);
    struct rsp_stop stop = thread_stop(FAKE_TID1, 5);
    char *t1 = expected_t(FAKE_TID1, 5), *want;

    ASSERT_FRAME(peer, "QNonStop:0", "$OK");
    fake_peer_send(peer, "vCont;c");
    assert_nothing_sent(peer);
    g_assert_true(rsp_conn_target_running(peer->conn));
    rsp_conn_report_stop(peer->conn, &stop);
    want = g_strdup_printf("$%s", t1);
    {
        GPtrArray *frames = take_frames(peer);
        g_assert_cmpuint(frames->len, ==, 1);
        g_assert_cmpstr(g_ptr_array_index(frames, 0), ==, want);
        g_ptr_array_unref(frames);
    }
    g_free(want);
    g_free(t1);
    fake_peer_free(peer);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/rsp/nonstop/not-offered", test_not_offered);
    g_test_add_func("/rsp/nonstop/offered", test_offered);
    g_test_add_func("/rsp/nonstop/switch-modes", test_switch_modes);
    g_test_add_func("/rsp/nonstop/switch-refused-while-running",
                    test_switch_refused_while_running);
    g_test_add_func("/rsp/nonstop/switch-waits-for-all-stop-stop",
                    test_switch_waits_for_all_stop_stop);
    g_test_add_func("/rsp/nonstop/resume-answers-ok", test_resume_answers_ok);
    g_test_add_func("/rsp/nonstop/notification-queue",
                    test_notification_queue);
    g_test_add_func("/rsp/nonstop/pending-stop-not-resumed",
                    test_pending_stop_not_resumed);
    g_test_add_func("/rsp/nonstop/notification-framing",
                    test_notification_framing);
    g_test_add_func("/rsp/nonstop/status-lists-stopped-threads",
                    test_status_lists_stopped_threads);
    g_test_add_func("/rsp/nonstop/stop-keeps-general-thread",
                    test_stop_keeps_general_thread);
    g_test_add_func("/rsp/nonstop/interrupt-ignored", test_interrupt_ignored);
    g_test_add_func("/rsp/nonstop/reverse-refused", test_reverse_refused);
    g_test_add_func("/rsp/nonstop/back-to-all-stop", test_back_to_all_stop);
    return g_test_run();
}
