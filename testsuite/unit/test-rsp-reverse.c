/* Reverse execution in the protocol (rsp/reverse.c) against the fake
 * target: bs and bc reach the target's reverse op with the thread Hc
 * chose, their stop replies (plain, breakpoint, watchpoint, the start of
 * history as replaylog:begin), errors, and qSupported's words. */
#include <errno.h>
#include <glib.h>
#include <string.h>

#include "rsp/conn.h"
#include "testsuite/unit/fake-target.h"

#define ASSERT_REPLY FAKE_ASSERT_REPLY

#define EXPEDITED "20:0001020304050607;1f:f0f1f2f3f4f5f6f7;" \
                  "1d:d0d1d2d3d4d5d6d7;"

/* What the fake's reverse op does and saw. */
static struct {
    int calls;
    enum rsp_reverse_kind kind;
    struct rsp_ptid thread;
    int result;
    struct rsp_stop stop;
} rev;

static int fake_reverse(struct rsp_target *t, enum rsp_reverse_kind kind,
                        struct rsp_ptid thread, struct rsp_stop *stop)
{
    rev.calls++;
    rev.kind = kind;
    rev.thread = thread;
    if (rev.result < 0)
        return rev.result;
    *stop = rev.stop;
    return 0;
}

static struct fake_peer *peer_with_reverse(void)
{
    struct fake_peer *peer = fake_peer_new();
    char *r;

    memset(&rev, 0, sizeof(rev));
    peer->ft->ops.reverse = fake_reverse;
    rev.stop = (struct rsp_stop){ .kind = RSP_STOP_SIGNAL, .signal = 5,
                                  .thread = { FAKE_PID, FAKE_TID1 } };
    r = fake_peer_transact(peer, "qSupported:swbreak+;hwbreak+");
    g_free(r);
    return peer;
}

static void test_supported(void)
{
    struct fake_peer *peer = fake_peer_new();
    char *r = fake_peer_transact(peer, "qSupported");

    /* Without the op: not offered, and the packets are unknown. */
    g_assert_null(strstr(r, "ReverseStep+"));
    g_free(r);
    ASSERT_REPLY(peer, "bs", "");
    ASSERT_REPLY(peer, "bc", "");
    fake_peer_free(peer);

    peer = peer_with_reverse();
    r = fake_peer_transact(peer, "qSupported");
    g_assert_nonnull(strstr(r, ";ReverseStep+;ReverseContinue+"));
    g_free(r);
    fake_peer_free(peer);
}

static void test_step_and_continue(void)
{
    struct fake_peer *peer = peer_with_reverse();

    ASSERT_REPLY(peer, "bs", "T05" EXPEDITED "thread:2a;core:0;");
    g_assert_cmpint(rev.calls, ==, 1);
    g_assert_cmpint(rev.kind, ==, RSP_REVERSE_STEP);
    /* bs steps the thread Hc chose. */
    ASSERT_REPLY(peer, "Hc2b", "OK");
    rev.stop.thread.tid = FAKE_TID2;
    ASSERT_REPLY(peer, "bs", "T05" EXPEDITED "thread:2b;core:0;");
    g_assert_cmpint(rev.thread.tid, ==, FAKE_TID2);
    /* A breakpoint hit going back. */
    rev.stop.reason = RSP_REASON_SWBREAK;
    ASSERT_REPLY(peer, "bc", "T05" EXPEDITED "thread:2b;core:0;swbreak:;");
    g_assert_cmpint(rev.kind, ==, RSP_REVERSE_CONTINUE);
    /* The last write before now. */
    rev.stop.reason = RSP_REASON_WATCH;
    rev.stop.watch_addr = 0x10008;
    ASSERT_REPLY(peer, "bc", "T05" EXPEDITED "thread:2b;core:0;watch:10008;");
    /* The start of history. */
    rev.stop.reason = RSP_REASON_REPLAY_BEGIN;
    ASSERT_REPLY(peer, "bc", "T05" EXPEDITED "thread:2b;core:0;"
                             "replaylog:begin;");
    /* The stop's thread is the one '?' and later packets mean. */
    rev.stop.reason = RSP_REASON_NONE;
    ASSERT_REPLY(peer, "qC", "QC2b");
    fake_peer_free(peer);
}

static void test_errors(void)
{
    struct fake_peer *peer = peer_with_reverse();

    rev.result = -EIO;
    ASSERT_REPLY(peer, "bs", "E05");
    ASSERT_REPLY(peer, "bc", "E05");
    /* Trailing bytes: not these packets (the empty reply). */
    rev.result = 0;
    ASSERT_REPLY(peer, "bsx", "");
    ASSERT_REPLY(peer, "bc;1", "");
    g_assert_cmpint(rev.calls, ==, 2);
    /* The connection is still fine. */
    ASSERT_REPLY(peer, "bs", "T05" EXPEDITED "thread:2a;core:0;");
    fake_peer_free(peer);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/rsp/reverse/supported", test_supported);
    g_test_add_func("/rsp/reverse/step-and-continue", test_step_and_continue);
    g_test_add_func("/rsp/reverse/errors", test_errors);
    return g_test_run();
}
