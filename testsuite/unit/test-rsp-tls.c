/* qGetTLSAddr against the fake target: parsing, the thread it names,
 * errors for modules the target cannot place, and the empty reply when
 * the target has no tls_address. */
#include <errno.h>
#include <glib.h>

#include "testsuite/unit/fake-target.h"

static char *hex_addr(uint64_t addr)
{
    return g_strdup_printf("%" G_GINT64_MODIFIER "x", (guint64)addr);
}

static void assert_tls_reply(struct fake_peer *peer, const char *packet,
                             uint64_t want_addr)
{
    char *want = hex_addr(want_addr);
    FAKE_ASSERT_REPLY(peer, packet, want);
    g_free(want);
}

static void test_main_program(void)
{
    struct fake_peer *peer = fake_peer_new();

    /* Plain and multiprocess thread ids; each thread has its own block. */
    assert_tls_reply(peer, "qGetTLSAddr:2a,10,0", FAKE_TLS_BLOCK(0x2a) + 0x10);
    g_assert_cmpint(peer->ft->last_tls_thread.tid, ==, FAKE_TID1);
    g_assert_cmpint(peer->ft->last_tls_thread.pid, ==, FAKE_PID);
    assert_tls_reply(peer, "qGetTLSAddr:p2a.2b,0,0", FAKE_TLS_BLOCK(0x2b));
    g_assert_cmpint(peer->ft->last_tls_thread.tid, ==, FAKE_TID2);
    assert_tls_reply(peer, "qGetTLSAddr:2b,ABC,0", FAKE_TLS_BLOCK(0x2b) + 0xabc);
    g_assert_cmpint(peer->ft->tls_calls, ==, 3);
    fake_peer_free(peer);
}

static void test_any_thread(void)
{
    struct fake_peer *peer = fake_peer_new();

    /* "0" is whichever thread stopped: the fake's first. */
    assert_tls_reply(peer, "qGetTLSAddr:0,8,0", FAKE_TLS_BLOCK(0x2a) + 8);
    g_assert_cmpint(peer->ft->last_tls_thread.tid, ==, FAKE_TID1);
    fake_peer_free(peer);
}

static void test_errors(void)
{
    struct fake_peer *peer = fake_peer_new();
    char *want;

    /* Another module (a link map address): the target says it cannot. */
    want = g_strdup_printf("E%02x", EOPNOTSUPP);
    FAKE_ASSERT_REPLY(peer, "qGetTLSAddr:2a,10,7fff0000", want);
    g_free(want);
    FAKE_ASSERT_REPLY(peer, "qGetTLSAddr:99,10,0", "E03");  /* ESRCH */
    g_assert_cmpint(peer->ft->tls_calls, ==, 2);

    /* Malformed requests never reach the target. */
    FAKE_ASSERT_REPLY(peer, "qGetTLSAddr", "E16");
    FAKE_ASSERT_REPLY(peer, "qGetTLSAddr:", "E16");
    FAKE_ASSERT_REPLY(peer, "qGetTLSAddr:2a", "E16");
    FAKE_ASSERT_REPLY(peer, "qGetTLSAddr:2a,10", "E16");
    FAKE_ASSERT_REPLY(peer, "qGetTLSAddr:2a,10,", "E16");
    FAKE_ASSERT_REPLY(peer, "qGetTLSAddr:2a,,0", "E16");
    FAKE_ASSERT_REPLY(peer, "qGetTLSAddr:2a,10,0,", "E16");
    FAKE_ASSERT_REPLY(peer, "qGetTLSAddr:2a,10,0x", "E16");
    FAKE_ASSERT_REPLY(peer, "qGetTLSAddr:zz,10,0", "E16");
    FAKE_ASSERT_REPLY(peer, "qGetTLSAddr,2a,10,0", "E16");
    FAKE_ASSERT_REPLY(peer, "qGetTLSAddr:2a,10000000000000000,0", "E16");
    g_assert_cmpint(peer->ft->tls_calls, ==, 2);
    fake_peer_free(peer);
}

static void test_unsupported(void)
{
    struct fake_peer *peer = fake_peer_new();

    peer->ft->ops.tls_address = NULL;
    FAKE_ASSERT_REPLY(peer, "qGetTLSAddr:2a,10,0", "");
    fake_peer_free(peer);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/rsp/tls/main-program", test_main_program);
    g_test_add_func("/rsp/tls/any-thread", test_any_thread);
    g_test_add_func("/rsp/tls/errors", test_errors);
    g_test_add_func("/rsp/tls/unsupported", test_unsupported);
    return g_test_run();
}
