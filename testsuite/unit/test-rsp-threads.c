/* Threads in the protocol against the fake target: qXfer:threads,
 * qThreadExtraInfo, thread events (QThreadEvents, create:, w), the
 * thread: and core: fields of stop replies, thread ids of a second
 * process, and lldb's thread suffix and thread list in stop replies. */
#include <errno.h>
#include <glib.h>
#include <string.h>

#include "rsp/conn.h"
#include "rsp/hex.h"
#include "testsuite/unit/fake-target.h"

#define ASSERT_REPLY FAKE_ASSERT_REPLY
#define ASSERT_STOP FAKE_ASSERT_STOP

/* pc, sp and x29 of the fake, in the order of the stop reply. */
#define EXPEDITED "20:0001020304050607;1f:f0f1f2f3f4f5f6f7;" \
                  "1d:d0d1d2d3d4d5d6d7;"

static void negotiate(struct fake_peer *peer, const char *features)
{
    char *packet = g_strconcat("qSupported:", features, NULL);
    char *r = fake_peer_transact(peer, packet);

    g_free(r);
    g_free(packet);
}

static void test_xfer_threads(void)
{
    struct fake_peer *peer = fake_peer_new();

    ASSERT_REPLY(peer, "qXfer:threads:read::0,1000",
                 "l<?xml version=\"1.0\"?>\n<threads>\n"
                 "<thread id=\"2a\" core=\"0\" name=\"main\"></thread>\n"
                 "<thread id=\"2b\" core=\"0\"></thread>\n"
                 "</threads>\n");
    /* In pieces: 'm' while more follows. */
    ASSERT_REPLY(peer, "qXfer:threads:read::0,5", "m<?xml");
    ASSERT_REPLY(peer, "qXfer:threads:read::1000,10", "l");

    /* Multiprocess ids, a core, names and extra text made safe for XML
     * (markup as entities, control characters and bad UTF-8 as '?'). */
    negotiate(peer, "multiprocess+");
    fake_target_add_thread(peer->ft, 0x60, 0x61, "a<b>&\"c'\x01\xff");
    g_array_index(peer->ft->threads, struct fake_thread, 2).core = 3;
    g_array_index(peer->ft->threads, struct fake_thread, 2).extra =
        g_strdup("waiting & \x02");
    ASSERT_REPLY(peer, "qXfer:threads:read::0,1000",
                 "l<?xml version=\"1.0\"?>\n<threads>\n"
                 "<thread id=\"p2a.2a\" core=\"0\" name=\"main\"></thread>\n"
                 "<thread id=\"p2a.2b\" core=\"0\"></thread>\n"
                 "<thread id=\"p60.61\" core=\"3\" name=\"a&lt;b&gt;&amp;"
                 "&quot;c&apos;?\xef\xbf\xbd\">waiting &amp; ?</thread>\n"
                 "</threads>\n");
    ASSERT_REPLY(peer, "qXfer:threads:read::zz,10", "E16");
    ASSERT_REPLY(peer, "qXfer:threads:write::0,10", "");

    /* No thread list: not offered, and an error if asked anyway. */
    peer->ft->ops.threads = NULL;
    ASSERT_REPLY(peer, "qXfer:threads:read::0,1000", "E5f");
    fake_peer_free(peer);
}

static void test_thread_extra_info(void)
{
    struct fake_peer *peer = fake_peer_new();
    GString *want = g_string_new(NULL);

    ASSERT_REPLY(peer, "qThreadExtraInfo,2a", "");     /* none */
    g_array_index(peer->ft->threads, struct fake_thread, 1).extra =
        g_strdup("in read()");
    rsp_hex_encode_str(want, "in read()");
    ASSERT_REPLY(peer, "qThreadExtraInfo,2b", want->str);
    ASSERT_REPLY(peer, "qThreadExtraInfo,p2a.2b", want->str);
    ASSERT_REPLY(peer, "qThreadExtraInfo,p2b.2b", "E03");
    ASSERT_REPLY(peer, "qThreadExtraInfo,99", "E03");
    ASSERT_REPLY(peer, "qThreadExtraInfo,-1", "E16");
    ASSERT_REPLY(peer, "qThreadExtraInfo,zz", "E16");
    ASSERT_REPLY(peer, "qThreadExtraInfo:2a", "E16");
    ASSERT_REPLY(peer, "qThreadExtraInfo", "E16");
    g_string_free(want, TRUE);
    fake_peer_free(peer);
}

/* After a fork is followed, the child's threads are addressable with
 * and without the process id. */
static void test_second_process(void)
{
    struct fake_peer *peer = fake_peer_new();

    fake_target_add_thread(peer->ft, 0x60, 0x60, "child");
    negotiate(peer, "multiprocess+");
    ASSERT_REPLY(peer, "qfThreadInfo", "mp2a.2a,p2a.2b,p60.60");
    ASSERT_REPLY(peer, "Hgp60.60", "OK");
    ASSERT_REPLY(peer, "p0", "0001020304050607");
    g_assert_cmpint(peer->ft->last_reg_thread.pid, ==, 0x60);
    g_assert_cmpint(peer->ft->last_reg_thread.tid, ==, 0x60);
    ASSERT_REPLY(peer, "Hgp60.-1", "OK");
    ASSERT_REPLY(peer, "Hgp61.-1", "E03");
    ASSERT_REPLY(peer, "Hgp2a.60", "E03");
    ASSERT_REPLY(peer, "Tp60.60", "OK");
    ASSERT_REPLY(peer, "Tp2a.60", "E03");

    /* Without multiprocess a tid alone finds its process. */
    negotiate(peer, "");
    ASSERT_REPLY(peer, "Hg60", "OK");
    ASSERT_REPLY(peer, "p0", "0001020304050607");
    g_assert_cmpint(peer->ft->last_reg_thread.pid, ==, 0x60);
    ASSERT_REPLY(peer, "Hg2b", "OK");
    ASSERT_REPLY(peer, "p0", "0001020304050607");
    g_assert_cmpint(peer->ft->last_reg_thread.pid, ==, FAKE_PID);
    fake_peer_free(peer);
}

static void test_thread_events(void)
{
    struct fake_peer *peer = fake_peer_new();
    struct rsp_stop stop = {
        .kind = RSP_STOP_SIGNAL, .signal = 5,
        .thread = { FAKE_PID, 0x2c },
        .reason = RSP_REASON_THREAD_CREATED,
    };

    negotiate(peer, "multiprocess+");
    g_assert_cmpuint(peer->ft->events & RSP_EVENT_THREADS, ==, 0);
    ASSERT_REPLY(peer, "QThreadEvents:1", "OK");
    g_assert_cmpuint(peer->ft->events & RSP_EVENT_THREADS, ==,
                     RSP_EVENT_THREADS);
    ASSERT_STOP(peer, &stop, "T05" EXPEDITED "thread:p2a.2c;core:0;create:;");

    stop = (struct rsp_stop){ .kind = RSP_STOP_THREAD_EXITED,
                              .exit_code = 7,
                              .thread = { FAKE_PID, 0x2c } };
    ASSERT_STOP(peer, &stop, "w07;p2a.2c");
    /* The exited thread no longer stands for "any": the target's stop
     * does. */
    ASSERT_REPLY(peer, "qC", "QCp2a.2a");

    ASSERT_REPLY(peer, "QThreadEvents:0", "OK");
    g_assert_cmpuint(peer->ft->events & RSP_EVENT_THREADS, ==, 0);
    ASSERT_REPLY(peer, "QThreadEvents:2", "E16");
    ASSERT_REPLY(peer, "QThreadEvents:11", "E16");
    ASSERT_REPLY(peer, "QThreadEvents", "E16");
    ASSERT_REPLY(peer, "QThreadEvents;1", "E16");

    negotiate(peer, "");
    stop.thread.tid = 0x2b;
    stop.exit_code = 0;
    ASSERT_STOP(peer, &stop, "w00;2b");
    fake_peer_free(peer);
}

static void test_stop_thread_and_core(void)
{
    struct fake_peer *peer = fake_peer_new();
    struct rsp_stop stop = { .kind = RSP_STOP_SIGNAL, .signal = 2,
                             .core = 3 };

    /* No thread from the target: the one "any" means is named. */
    ASSERT_STOP(peer, &stop, "T02" EXPEDITED "thread:2a;core:3;");
    stop.thread = (struct rsp_ptid){ FAKE_PID, FAKE_TID2 };
    stop.core = 0x1f;
    ASSERT_STOP(peer, &stop, "T02" EXPEDITED "thread:2b;core:1f;");
    fake_peer_free(peer);
}

static void test_lldb_thread_suffix(void)
{
    struct fake_peer *peer = fake_peer_new();
    char *g;

    ASSERT_REPLY(peer, "QThreadSuffixSupported", "OK");
    ASSERT_REPLY(peer, "p0;thread:2b;", "0001020304050607");
    g_assert_cmpint(peer->ft->last_reg_thread.tid, ==, FAKE_TID2);
    ASSERT_REPLY(peer, "p1;thread:2a", "1011121314151617");
    g_assert_cmpint(peer->ft->last_reg_thread.tid, ==, FAKE_TID1);
    ASSERT_REPLY(peer, "P1=8877665544332211;thread:2b;", "OK");
    g_assert_cmpint(peer->ft->last_reg_thread.tid, ==, FAKE_TID2);
    ASSERT_REPLY(peer, "p1", "8877665544332211");
    g_assert_cmpint(peer->ft->last_reg_thread.tid, ==, FAKE_TID1);

    g = fake_peer_transact(peer, "g;thread:2b;");
    g_assert_cmpuint(strlen(g), ==, 2 * FAKE_G_SIZE);
    g_assert_cmpint(peer->ft->last_reg_thread.tid, ==, FAKE_TID2);
    g_free(g);
    ASSERT_REPLY(peer, "G0000000000000000;thread:2b;", "OK");
    g_assert_cmpint(peer->ft->last_reg_thread.tid, ==, FAKE_TID2);
    g_assert_cmpuint(peer->ft->regs[0][0], ==, 0);

    ASSERT_REPLY(peer, "p0;thread:zz;", "E16");
    ASSERT_REPLY(peer, "p0;thread:2b;x", "E16");
    ASSERT_REPLY(peer, "p0;foo:1;", "E16");
    ASSERT_REPLY(peer, "p0;", "E16");
    ASSERT_REPLY(peer, "g;", "E16");
    ASSERT_REPLY(peer, "g;thread:", "E16");
    ASSERT_REPLY(peer, "g:thread:2b", "E16");
    ASSERT_REPLY(peer, "P1=11;thread:2b;", "E16");
    ASSERT_REPLY(peer, "G00;thread:2b", "OK");     /* whole regs only */
    fake_peer_free(peer);
}

static void test_lldb_threads_in_stop(void)
{
    struct fake_peer *peer = fake_peer_new();
    struct rsp_stop stop = { .kind = RSP_STOP_SIGNAL, .signal = 5,
                             .thread = { FAKE_PID, FAKE_TID1 } };

    ASSERT_REPLY(peer, "QListThreadsInStopReply", "OK");
    /* The fake's pc reads as bytes 00..07 in every thread. */
    ASSERT_STOP(peer, &stop, "T05" EXPEDITED "thread:2a;core:0;"
                "threads:2a,2b;thread-pcs:706050403020100,706050403020100;");
    peer->ft->reg_unreadable[FAKE_REG_PC] = true;
    ASSERT_STOP(peer, &stop, "T051f:f0f1f2f3f4f5f6f7;1d:d0d1d2d3d4d5d6d7;"
                "thread:2a;core:0;threads:2a,2b;thread-pcs:0,0;");
    fake_peer_free(peer);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/rsp/threads/xfer", test_xfer_threads);
    g_test_add_func("/rsp/threads/extra-info", test_thread_extra_info);
    g_test_add_func("/rsp/threads/second-process", test_second_process);
    g_test_add_func("/rsp/threads/events", test_thread_events);
    g_test_add_func("/rsp/threads/stop-thread-core",
                    test_stop_thread_and_core);
    g_test_add_func("/rsp/threads/lldb-suffix", test_lldb_thread_suffix);
    g_test_add_func("/rsp/threads/lldb-threads-in-stop",
                    test_lldb_threads_in_stop);
    return g_test_run();
}
