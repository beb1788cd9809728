/* The command table against the fake target: exact reply strings. */
#include <errno.h>
#include <glib.h>
#include <string.h>

#include "rsp/commands.h"
#include "rsp/conn.h"
#include "rsp/hex.h"
#include "rsp/packet.h"
#include "testsuite/unit/fake-target.h"

#define ASSERT_REPLY(peer, packet, want)                                    \
    do {                                                                    \
        char *reply_ = fake_peer_transact((peer), (packet));                \
        g_assert_cmpstr(reply_, ==, (want));                                \
        g_free(reply_);                                                     \
    } while (0)

/* Send a packet; return all packets sent back (binary-safe). */
static GPtrArray *exchange(struct fake_peer *peer, const char *packet)
{
    int acks, naks;
    GPtrArray *packets;

    fake_peer_send(peer, packet);
    packets = fake_peer_take(peer, &acks, &naks);
    g_assert_cmpint(acks, ==, 1);
    g_assert_cmpint(naks, ==, 0);
    return packets;
}

static GString *packet_at(GPtrArray *packets, guint i)
{
    g_assert_cmpuint(i, <, packets->len);
    return g_ptr_array_index(packets, i);
}

/* The fake's register n holds bytes n*16, n*16+1, ... (mod 256). */
static void append_fake_reg(GString *out, unsigned regnum, unsigned bytes)
{
    for (unsigned i = 0; i < bytes; i++)
        g_string_append_printf(out, "%02x", (regnum * 16 + i) & 0xff);
}

static unsigned fake_reg_bytes(unsigned regnum)
{
    if (regnum <= FAKE_REG_PC)
        return 8;
    if (regnum == FAKE_REG_CPSR || regnum >= FAKE_REG_FPSR)
        return 4;
    return 16;
}

static GString *expected_g(void)
{
    GString *g = g_string_new(NULL);

    for (unsigned r = 0; r < FAKE_NREGS; r++)
        append_fake_reg(g, r, fake_reg_bytes(r));
    return g;
}

/* What the fake offers whatever the debugger says. */
#define SUPPORTED_BASE                                                      \
    "PacketSize=20000;qXfer:features:read+;qXfer:auxv:read+;"               \
    "qXfer:exec-file:read+;qXfer:osdata:read+;swbreak+;hwbreak+;"          \
    "vContSupported+;QStartNoAckMode+;multiprocess"
#define SUPPORTED_THREADS_AND_RUN                                           \
    ";qXfer:threads:read+"
#define SUPPORTED_TAIL                                                      \
    ";QThreadEvents+;QCatchSyscalls+;QStartupWithShell+;"                   \
    "QEnvironmentHexEncoded+;QEnvironmentUnset+;QEnvironmentReset+;"        \
    "QSetWorkingDir+;QDisableRandomization+"

static const char supported_reply[] =
    SUPPORTED_BASE "-" SUPPORTED_THREADS_AND_RUN SUPPORTED_TAIL;

static const char supported_reply_mp[] =
    SUPPORTED_BASE "+" SUPPORTED_THREADS_AND_RUN
    ";fork-events+;vfork-events+;exec-events+" SUPPORTED_TAIL;

static void test_supported(void)
{
    struct fake_peer *peer = fake_peer_new();
    char *want = g_strconcat(supported_reply, ";binary-upload+", NULL);

    /* gdb 13's list. */
    ASSERT_REPLY(peer, "qSupported:multiprocess+;swbreak+;hwbreak+;"
                       "qRelocInsn+;fork-events+;vfork-events+;exec-events+;"
                       "vContSupported+;QThreadEvents+;no-resumed+;"
                       "memory-tagging+;xmlRegisters=i386",
                 supported_reply_mp);
    /* The events both sides agreed on are on; thread events wait for
     * QThreadEvents:1. */
    g_assert_cmpuint(peer->ft->events, ==,
                     RSP_EVENT_FORK | RSP_EVENT_VFORK | RSP_EVENT_EXEC);
    ASSERT_REPLY(peer, "qSupported", supported_reply);
    g_assert_cmpuint(peer->ft->events, ==, 0);
    ASSERT_REPLY(peer, "qSupported:multiprocess-", supported_reply);
    /* Offered only to a gdb that asked for it. */
    ASSERT_REPLY(peer, "qSupported:binary-upload+;error-message+", want);
    g_free(want);
    fake_peer_free(peer);
}

/* A target without the optional ops of threads, events and runs offers
 * none of them. */
static void test_supported_minimal(void)
{
    struct fake_peer *peer = fake_peer_new();
    struct rsp_target_ops *ops = &peer->ft->ops;

    ops->threads = NULL;
    ops->event_support = NULL;
    ops->catch_syscalls = NULL;
    ops->run = NULL;
    ASSERT_REPLY(peer, "qSupported:multiprocess+;fork-events+;"
                       "vfork-events+;exec-events+",
                 SUPPORTED_BASE "+");
    g_assert_cmpint(peer->ft->set_events_calls, ==, 0);
    ASSERT_REPLY(peer, "QThreadEvents:1", "");
    ASSERT_REPLY(peer, "QCatchSyscalls:1", "");
    ASSERT_REPLY(peer, "!", "");
    ASSERT_REPLY(peer, "vRun;", "");
    ASSERT_REPLY(peer, "QEnvironmentReset", "");
    ASSERT_REPLY(peer, "QListThreadsInStopReply", "");
    fake_peer_free(peer);

    /* A target with some events offers those the debugger asked for. */
    peer = fake_peer_new();
    peer->ft->ops.run = NULL;
    peer->ft->ops.catch_syscalls = NULL;
    peer->ft->event_support = RSP_EVENT_EXEC | RSP_EVENT_VFORK;
    ASSERT_REPLY(peer, "qSupported:multiprocess+;fork-events+;exec-events+",
                 SUPPORTED_BASE "+;qXfer:threads:read+;exec-events+");
    g_assert_cmpuint(peer->ft->events, ==, RSP_EVENT_EXEC);
    ASSERT_REPLY(peer, "QThreadEvents:1", "");
    fake_peer_free(peer);
}

static void test_read_registers(void)
{
    struct fake_peer *peer = fake_peer_new();
    GString *g = expected_g();

    g_assert_cmpuint(g->len, ==, 2 * FAKE_G_SIZE);
    ASSERT_REPLY(peer, "g", g->str);
    /* An unreadable register is 'x' digits in place. */
    peer->ft->reg_unreadable[1] = true;
    memset(g->str + 16, 'x', 16);
    ASSERT_REPLY(peer, "g", g->str);
    g_string_free(g, TRUE);
    fake_peer_free(peer);
}

static void test_write_registers(void)
{
    struct fake_peer *peer = fake_peer_new();
    GString *g = g_string_new("G");

    for (unsigned i = 0; i < FAKE_G_SIZE; i++)
        g_string_append_printf(g, "%02x", (0xa0 + i) & 0xff);
    /* x2 left alone with 'x' digits. */
    memset(g->str + 1 + 32, 'x', 16);
    ASSERT_REPLY(peer, g->str, "OK");
    g_assert_cmpuint(peer->ft->regs[0][0], ==, 0xa0);
    g_assert_cmpuint(peer->ft->regs[1][7], ==, 0xaf);
    g_assert_cmpuint(peer->ft->regs[2][0], ==, 0x20);   /* unchanged */
    g_assert_cmpuint(peer->ft->regs[FAKE_REG_V0][15], ==, (0xa0 + 268 + 15)
                     & 0xff);
    /* g gives back what G wrote, and x2 as it was. */
    memcpy(g->str + 1 + 32, "2021222324252627", 16);
    char *reply = fake_peer_transact(peer, "g");
    g_assert_cmpstr(reply, ==, g->str + 1);
    g_free(reply);

    /* Partial G: only whole registers are written. */
    ASSERT_REPLY(peer, "G1111111111111111222222", "OK");
    g_assert_cmpuint(peer->ft->regs[0][0], ==, 0x11);
    g_assert_cmpuint(peer->ft->regs[1][0], ==, 0xa8);

    ASSERT_REPLY(peer, "G123", "E16");                  /* odd length */
    ASSERT_REPLY(peer, "G11111111111111zz", "E16");     /* not hex */
    g_string_append(g, "00");
    ASSERT_REPLY(peer, g->str, "E16");                  /* too long */
    /* Nothing written when any register's digits are bad. */
    ASSERT_REPLY(peer, "G0000000000000000zz", "E16");
    ASSERT_REPLY(peer, "G0000000000000000zz11111111111111", "E16");
    g_assert_cmpuint(peer->ft->regs[0][0], ==, 0x11);
    g_string_free(g, TRUE);
    fake_peer_free(peer);
}

static void test_read_register(void)
{
    struct fake_peer *peer = fake_peer_new();

    ASSERT_REPLY(peer, "p0", "0001020304050607");
    ASSERT_REPLY(peer, "p22", "202122232425262728292a2b2c2d2e2f");
    ASSERT_REPLY(peer, "p21", "10111213");              /* cpsr */
    ASSERT_REPLY(peer, "p26", "E16");                   /* no such reg */
    ASSERT_REPLY(peer, "pzz", "E16");
    ASSERT_REPLY(peer, "p", "E16");
    ASSERT_REPLY(peer, "p1,", "E16");
    ASSERT_REPLY(peer, "p10000000000000000", "E16");
    peer->ft->reg_unreadable[3] = true;
    ASSERT_REPLY(peer, "p3", "xxxxxxxxxxxxxxxx");
    fake_peer_free(peer);
}

static void test_write_register(void)
{
    struct fake_peer *peer = fake_peer_new();

    ASSERT_REPLY(peer, "P1=1122334455667788", "OK");
    ASSERT_REPLY(peer, "p1", "1122334455667788");
    ASSERT_REPLY(peer, "P21=deadbeef", "OK");
    ASSERT_REPLY(peer, "p21", "deadbeef");
    ASSERT_REPLY(peer, "P1=11", "E16");                 /* short */
    ASSERT_REPLY(peer, "P1=112233445566778899", "E16"); /* long */
    ASSERT_REPLY(peer, "P1=xx22334455667788", "E16");
    ASSERT_REPLY(peer, "P1", "E16");
    ASSERT_REPLY(peer, "P=00", "E16");
    ASSERT_REPLY(peer, "P99=0011223344556677", "E16");
    peer->ft->reg_unreadable[4] = true;                 /* write fails */
    ASSERT_REPLY(peer, "P4=0011223344556677", "E01");   /* EPERM */
    fake_peer_free(peer);
}

static void test_register_thread(void)
{
    struct fake_peer *peer = fake_peer_new();

    ASSERT_REPLY(peer, "p0", "0001020304050607");
    /* "any" thread resolves to the thread of the last stop. */
    g_assert_cmpint(peer->ft->last_reg_thread.tid, ==, FAKE_TID1);
    ASSERT_REPLY(peer, "Hg2b", "OK");
    ASSERT_REPLY(peer, "p0", "0001020304050607");
    g_assert_cmpint(peer->ft->last_reg_thread.tid, ==, FAKE_TID2);
    g_assert_cmpint(peer->ft->last_reg_thread.pid, ==, FAKE_PID);
    ASSERT_REPLY(peer, "Hgp2a.2a", "OK");
    ASSERT_REPLY(peer, "p0", "0001020304050607");
    g_assert_cmpint(peer->ft->last_reg_thread.tid, ==, FAKE_TID1);
    fake_peer_free(peer);
}

static void test_read_memory(void)
{
    struct fake_peer *peer = fake_peer_new();
    char *reply;

    ASSERT_REPLY(peer, "m10000,4", "00010203");
    ASSERT_REPLY(peer, "m100ff,2", "ff00");
    ASSERT_REPLY(peer, "m10ffe,4", "feff");     /* short read at the end */
    ASSERT_REPLY(peer, "m0,4", "E0e");          /* EFAULT */
    ASSERT_REPLY(peer, "m10000,0", "");
    ASSERT_REPLY(peer, "m10000", "E16");
    ASSERT_REPLY(peer, "m,4", "E16");
    ASSERT_REPLY(peer, "m10000,4,", "E16");
    ASSERT_REPLY(peer, "m10000;4", "E16");
    ASSERT_REPLY(peer, "m1ffffffffffffffff,1", "E16");  /* 65 bits */
    /* A huge length is cut to what the target and a reply hold. */
    reply = fake_peer_transact(peer, "m10000,ffffffffffffffff");
    g_assert_cmpuint(strlen(reply), ==, 2 * FAKE_MEM_SIZE);
    g_free(reply);
    fake_peer_free(peer);
}

static void test_write_memory(void)
{
    struct fake_peer *peer = fake_peer_new();

    ASSERT_REPLY(peer, "M10000,2:abcd", "OK");
    ASSERT_REPLY(peer, "m10000,3", "abcd02");
    ASSERT_REPLY(peer, "M10000,0:", "OK");
    ASSERT_REPLY(peer, "M10000,2:ab", "E16");       /* length mismatch */
    ASSERT_REPLY(peer, "M10000,1:abcd", "E16");
    ASSERT_REPLY(peer, "M10000,2:abzz", "E16");
    ASSERT_REPLY(peer, "M10000,2", "E16");
    ASSERT_REPLY(peer, "M0,2:abcd", "E0e");
    ASSERT_REPLY(peer, "m10000,2", "abcd");
    fake_peer_free(peer);
}

static void test_write_memory_binary(void)
{
    struct fake_peer *peer = fake_peer_new();
    /* '#', '$', '}', '*' escaped, and a NUL byte. */
    static const char x_packet[] = "X10010,5:}\x03}\x04}]}\x0a\0";
    GPtrArray *packets;
    int acks, naks;

    fake_peer_send_len(peer, x_packet, sizeof(x_packet) - 1);
    packets = fake_peer_take(peer, &acks, &naks);
    g_assert_cmpuint(packets->len, ==, 1);
    g_assert_cmpstr(packet_at(packets, 0)->str, ==, "OK");
    g_ptr_array_unref(packets);
    ASSERT_REPLY(peer, "m10010,6", "23247d2a0015");
    /* gdb's probe. */
    ASSERT_REPLY(peer, "X10000,0:", "OK");
    ASSERT_REPLY(peer, "X10000,2:a", "E16");
    ASSERT_REPLY(peer, "X10000,1:ab", "E16");
    ASSERT_REPLY(peer, "X10000,1", "E16");
    ASSERT_REPLY(peer, "X0,1:a", "E0e");
    fake_peer_free(peer);
}

static void test_read_memory_binary(void)
{
    struct fake_peer *peer = fake_peer_new();
    GPtrArray *packets;

    /* lldb: "x0,0" is its probe; data comes without a prefix. */
    ASSERT_REPLY(peer, "x10000,0", "OK");
    packets = exchange(peer, "x10022,4");
    g_assert_cmpmem(packet_at(packets, 0)->str, packet_at(packets, 0)->len,
                    "\"}\x03}\x04%", 6);
    g_ptr_array_unref(packets);
    ASSERT_REPLY(peer, "x0,4", "E0e");
    ASSERT_REPLY(peer, "x10000", "E16");

    /* gdb 15+ after binary-upload+: a 'b' first. */
    char *reply = fake_peer_transact(peer, "qSupported:binary-upload+");
    g_free(reply);
    packets = exchange(peer, "x10000,3");
    g_assert_cmpmem(packet_at(packets, 0)->str, packet_at(packets, 0)->len,
                    "b\0\1\2", 4);
    g_ptr_array_unref(packets);
    ASSERT_REPLY(peer, "x10000,0", "b");
    ASSERT_REPLY(peer, "x0,4", "E0e");
    fake_peer_free(peer);
}

/* Read an object with qXfer in pieces of `piece` bytes, unescaping. */
static GString *xfer_whole(struct fake_peer *peer, const char *prefix,
                           unsigned piece, unsigned *rounds)
{
    GString *whole = g_string_new(NULL);
    unsigned offset = 0;

    *rounds = 0;
    for (;;) {
        char *packet = g_strdup_printf("%s%x,%x", prefix, offset, piece);
        GPtrArray *packets = exchange(peer, packet);
        GString *reply = packet_at(packets, 0);
        char kind = reply->str[0];
        size_t n;

        g_assert_true(kind == 'm' || kind == 'l');
        n = rsp_unescape_binary((uint8_t *)reply->str + 1, reply->len - 1);
        g_assert_cmpuint(n, <=, piece);
        if (kind == 'm')
            g_assert_cmpuint(n, ==, piece);
        g_string_append_len(whole, reply->str + 1, (gssize)n);
        offset += (unsigned)n;
        (*rounds)++;
        g_ptr_array_unref(packets);
        g_free(packet);
        if (kind == 'l')
            break;
    }
    return whole;
}

static void test_xfer_features(void)
{
    struct fake_peer *peer = fake_peer_new();
    size_t len = strlen(fake_target_xml);
    unsigned rounds;
    GString *whole;
    char *want;

    whole = xfer_whole(peer, "qXfer:features:read:target.xml:", 7, &rounds);
    g_assert_cmpstr(whole->str, ==, fake_target_xml);
    g_assert_cmpuint(rounds, ==, (len + 6) / 7);    /* the last is "l" */
    g_string_free(whole, TRUE);

    ASSERT_REPLY(peer, "qXfer:features:read:target.xml:0,5", "m<?xml");
    want = g_strdup_printf("qXfer:features:read:target.xml:%zx,100", len - 8);
    ASSERT_REPLY(peer, want, "ltarget>\n");
    g_free(want);
    want = g_strdup_printf("qXfer:features:read:target.xml:%zx,100", len);
    ASSERT_REPLY(peer, want, "l");
    g_free(want);
    ASSERT_REPLY(peer, "qXfer:features:read:target.xml:ffffff,10", "l");
    ASSERT_REPLY(peer, "qXfer:features:read:aarch64-core.xml:0,1000",
                 "l<feature name=\"org.gnu.gdb.aarch64.core\"></feature>\n");
    ASSERT_REPLY(peer, "qXfer:features:read:nonesuch.xml:0,10", "E02");
    ASSERT_REPLY(peer, "qXfer:features:read:target.xml:zz,10", "E16");
    ASSERT_REPLY(peer, "qXfer:features:read:target.xml:0", "E16");
    ASSERT_REPLY(peer, "qXfer:features:read:target.xml", "E16");
    ASSERT_REPLY(peer, "qXfer", "E16");
    ASSERT_REPLY(peer, "qXfer:features:write:target.xml:0:abc", "");
    ASSERT_REPLY(peer, "qXfer:nonesuch:read::0,10", "");
    fake_peer_free(peer);
}

static void test_xfer_target_objects(void)
{
    struct fake_peer *peer = fake_peer_new();
    static const uint8_t auxv[] = { 6, 0, 0, 0, 0, 0, 0, 0, 0, 0x10, 0, 0,
                                    '#', 0, 0, 0 };
    GPtrArray *packets;
    GString *want = g_string_new("l");

    /* No auxv: an error, never the empty "unsupported" reply, because
     * qSupported promised qXfer:auxv:read. */
    ASSERT_REPLY(peer, "qXfer:auxv:read::0,1000", "E5f");   /* EOPNOTSUPP */
    peer->ft->auxv = g_bytes_new_static(auxv, sizeof(auxv));
    packets = exchange(peer, "qXfer:auxv:read::0,1000");
    rsp_escape_binary(want, auxv, sizeof(auxv));
    g_assert_cmpmem(packet_at(packets, 0)->str, packet_at(packets, 0)->len,
                    want->str, want->len);
    g_ptr_array_unref(packets);
    ASSERT_REPLY(peer, "qXfer:exec-file:read:2a:0,1000", "l/bin/true");
    ASSERT_REPLY(peer, "qXfer:exec-file:read::4,3", "m/tr");
    g_string_free(want, TRUE);
    fake_peer_free(peer);
}

static void test_vcont_query(void)
{
    struct fake_peer *peer = fake_peer_new();

    ASSERT_REPLY(peer, "vCont?", "vCont;c;C;s;S;r");
    fake_peer_free(peer);
}

static GArray *parse_vcont(struct fake_peer *peer, const char *args,
                           bool *ok)
{
    GArray *actions = g_array_new(FALSE, TRUE,
                                  sizeof(struct rsp_resume_action));

    *ok = rsp_parse_vcont(peer->conn, args, actions);
    return actions;
}

#define ACTION(a, i) g_array_index((a), struct rsp_resume_action, (i))

static void test_vcont_parse(void)
{
    struct fake_peer *peer = fake_peer_new();
    static const char *const bad[] = {
        "", ";", "x", "C", "Czz", "C100", "r1", "r1,", "r,2", "s:", "c:zz",
        "c;", "c:2a:2b", "cc", "s:p", "s:p2a.", "c:-2", "S05;", "r1,2,3",
    };
    GArray *a;
    bool ok;

    a = parse_vcont(peer, "c", &ok);
    g_assert_true(ok);
    g_assert_cmpuint(a->len, ==, 1);
    g_assert_cmpint(ACTION(a, 0).kind, ==, RSP_RESUME_CONTINUE);
    g_assert_cmpint(ACTION(a, 0).thread.tid, ==, -1);
    g_assert_cmpint(ACTION(a, 0).thread.pid, ==, -1);
    g_array_unref(a);

    a = parse_vcont(peer, "s:2b;c", &ok);
    g_assert_true(ok);
    g_assert_cmpuint(a->len, ==, 2);
    g_assert_cmpint(ACTION(a, 0).kind, ==, RSP_RESUME_STEP);
    g_assert_cmpint(ACTION(a, 0).thread.tid, ==, FAKE_TID2);
    g_assert_cmpint(ACTION(a, 0).thread.pid, ==, FAKE_PID);
    g_assert_cmpint(ACTION(a, 1).kind, ==, RSP_RESUME_CONTINUE);
    g_assert_cmpint(ACTION(a, 1).thread.tid, ==, -1);
    g_array_unref(a);

    a = parse_vcont(peer, "C0b:p2a.2b;S05;t:p2a.-1", &ok);
    g_assert_true(ok);
    g_assert_cmpuint(a->len, ==, 3);
    g_assert_cmpint(ACTION(a, 0).kind, ==, RSP_RESUME_CONTINUE);
    g_assert_cmpint(ACTION(a, 0).signal, ==, 11);
    g_assert_cmpint(ACTION(a, 0).thread.pid, ==, FAKE_PID);
    g_assert_cmpint(ACTION(a, 0).thread.tid, ==, FAKE_TID2);
    g_assert_cmpint(ACTION(a, 1).kind, ==, RSP_RESUME_STEP);
    g_assert_cmpint(ACTION(a, 1).signal, ==, 5);
    g_assert_cmpint(ACTION(a, 2).kind, ==, RSP_RESUME_STOP);
    g_assert_cmpint(ACTION(a, 2).thread.tid, ==, -1);
    g_array_unref(a);

    a = parse_vcont(peer, "r10000,10010:2a;c:0", &ok);
    g_assert_true(ok);
    g_assert_cmpint(ACTION(a, 0).kind, ==, RSP_RESUME_RANGE_STEP);
    g_assert_cmpuint(ACTION(a, 0).range_start, ==, 0x10000);
    g_assert_cmpuint(ACTION(a, 0).range_end, ==, 0x10010);
    g_assert_cmpint(ACTION(a, 0).thread.tid, ==, FAKE_TID1);
    g_assert_cmpint(ACTION(a, 1).thread.tid, ==, 0);
    g_array_unref(a);

    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        a = parse_vcont(peer, bad[i], &ok);
        if (ok)
            g_error("vCont;%s accepted", bad[i]);
        g_array_unref(a);
    }
    fake_peer_free(peer);
}

static void test_vcont_resume(void)
{
    struct fake_peer *peer = fake_peer_new();
    GPtrArray *packets;

    packets = exchange(peer, "vCont;s:2b;c");
    g_assert_cmpuint(packets->len, ==, 0);      /* no reply until the stop */
    g_ptr_array_unref(packets);
    g_assert_true(rsp_conn_target_running(peer->conn));
    g_assert_cmpint(peer->ft->resume_calls, ==, 1);
    g_assert_cmpuint(peer->ft->last_actions->len, ==, 2);
    g_assert_cmpint(ACTION(peer->ft->last_actions, 0).kind, ==,
                    RSP_RESUME_STEP);
    fake_peer_free(peer);

    peer = fake_peer_new();
    ASSERT_REPLY(peer, "vCont;q", "E16");
    ASSERT_REPLY(peer, "vCont", "E16");
    ASSERT_REPLY(peer, "vCont:c", "E16");
    g_assert_cmpint(peer->ft->resume_calls, ==, 0);
    peer->ft->resume_result = -EIO;
    ASSERT_REPLY(peer, "vCont;c", "E05");
    g_assert_false(rsp_conn_target_running(peer->conn));
    fake_peer_free(peer);
}

static uint64_t fake_pc(struct fake_peer *peer)
{
    uint64_t pc = 0;

    for (int i = 7; i >= 0; i--)
        pc = pc << 8 | peer->ft->regs[FAKE_REG_PC][i];
    return pc;
}

static void expect_resume(struct fake_peer *peer, const char *packet,
                          enum rsp_resume_kind kind, int signal, int64_t tid)
{
    struct rsp_stop stop = peer->ft->stop;
    GPtrArray *packets = exchange(peer, packet);

    g_assert_cmpuint(packets->len, ==, 0);
    g_ptr_array_unref(packets);
    g_assert_true(rsp_conn_target_running(peer->conn));
    g_assert_cmpuint(peer->ft->last_actions->len, ==, 1);
    g_assert_cmpint(ACTION(peer->ft->last_actions, 0).kind, ==, kind);
    g_assert_cmpint(ACTION(peer->ft->last_actions, 0).signal, ==, signal);
    g_assert_cmpint(ACTION(peer->ft->last_actions, 0).thread.tid, ==, tid);
    rsp_conn_report_stop(peer->conn, &stop);
    packets = fake_peer_take(peer, &(int){ 0 }, &(int){ 0 });
    g_assert_cmpuint(packets->len, ==, 1);
    g_ptr_array_unref(packets);
}

static void test_legacy_resume(void)
{
    struct fake_peer *peer = fake_peer_new();

    expect_resume(peer, "c", RSP_RESUME_CONTINUE, 0, -1);
    expect_resume(peer, "c10040", RSP_RESUME_CONTINUE, 0, -1);
    g_assert_cmphex(fake_pc(peer), ==, 0x10040);
    expect_resume(peer, "C0b", RSP_RESUME_CONTINUE, 11, -1);
    expect_resume(peer, "s", RSP_RESUME_STEP, 0, FAKE_TID1);
    expect_resume(peer, "S05;10080", RSP_RESUME_STEP, 5, FAKE_TID1);
    g_assert_cmphex(fake_pc(peer), ==, 0x10080);
    ASSERT_REPLY(peer, "Hc2b", "OK");
    expect_resume(peer, "s", RSP_RESUME_STEP, 0, FAKE_TID2);
    g_assert_cmpint(peer->ft->resume_calls, ==, 6);

    ASSERT_REPLY(peer, "Cxyz", "E16");
    ASSERT_REPLY(peer, "C", "E16");
    ASSERT_REPLY(peer, "C100", "E16");
    ASSERT_REPLY(peer, "C05;", "E16");
    ASSERT_REPLY(peer, "C05x", "E16");
    ASSERT_REPLY(peer, "czz", "E16");
    ASSERT_REPLY(peer, "s1,2", "E16");
    g_assert_cmpint(peer->ft->resume_calls, ==, 6);
    fake_peer_free(peer);
}

static void test_threads(void)
{
    struct fake_peer *peer = fake_peer_new();

    ASSERT_REPLY(peer, "Hg2b", "OK");
    ASSERT_REPLY(peer, "Hc-1", "OK");
    ASSERT_REPLY(peer, "Hg0", "OK");
    ASSERT_REPLY(peer, "Hgp2a.2b", "OK");
    ASSERT_REPLY(peer, "Hg99", "E03");          /* ESRCH */
    ASSERT_REPLY(peer, "Hx1", "E16");
    ASSERT_REPLY(peer, "H", "E16");
    ASSERT_REPLY(peer, "Hg", "E16");
    ASSERT_REPLY(peer, "Hg-2", "E16");
    ASSERT_REPLY(peer, "T2a", "OK");
    ASSERT_REPLY(peer, "T2b", "OK");
    ASSERT_REPLY(peer, "T99", "E03");
    ASSERT_REPLY(peer, "Tzz", "E16");
    ASSERT_REPLY(peer, "T-1", "E16");
    ASSERT_REPLY(peer, "qC", "QC2a");
    ASSERT_REPLY(peer, "qfThreadInfo", "m2a,2b");
    ASSERT_REPLY(peer, "qsThreadInfo", "l");
    ASSERT_REPLY(peer, "qsThreadInfo", "l");
    ASSERT_REPLY(peer, "qfThreadInfo", "m2a,2b");
    fake_peer_free(peer);
}

static void test_breakpoints(void)
{
    struct fake_peer *peer = fake_peer_new();
    struct fake_break *b = &peer->ft->last_break;

    ASSERT_REPLY(peer, "Z0,10040,4", "OK");
    g_assert_true(b->insert);
    g_assert_cmpint(b->type, ==, RSP_BREAK_SW);
    g_assert_cmphex(b->addr, ==, 0x10040);
    g_assert_cmpuint(b->kind, ==, 4);
    ASSERT_REPLY(peer, "z2,10080,8", "OK");
    g_assert_false(b->insert);
    g_assert_cmpint(b->type, ==, RSP_WATCH_WRITE);
    g_assert_cmphex(b->addr, ==, 0x10080);
    g_assert_cmpuint(b->kind, ==, 8);
    ASSERT_REPLY(peer, "Z1,10044,4;X1,0", "OK");  /* condition ignored */
    g_assert_cmpint(b->type, ==, RSP_BREAK_HW);
    ASSERT_REPLY(peer, "Z3,10000,1", "OK");
    g_assert_cmpint(b->type, ==, RSP_WATCH_READ);
    ASSERT_REPLY(peer, "Z4,10000,2", "OK");
    g_assert_cmpint(b->type, ==, RSP_WATCH_ACCESS);
    g_assert_cmpint(peer->ft->break_calls, ==, 5);

    ASSERT_REPLY(peer, "Z5,10000,4", "");       /* unknown type */
    ASSERT_REPLY(peer, "Z0,zz,4", "E16");
    ASSERT_REPLY(peer, "Z0,10000", "E16");
    ASSERT_REPLY(peer, "Z0", "E16");
    ASSERT_REPLY(peer, "Z", "E16");
    ASSERT_REPLY(peer, "z0,10000,4x", "E16");
    g_assert_cmpint(peer->ft->break_calls, ==, 5);
    peer->ft->break_result = -ENOSPC;
    ASSERT_REPLY(peer, "Z1,10000,4", "E1c");
    peer->ft->break_result = -EOPNOTSUPP;
    ASSERT_REPLY(peer, "Z4,10000,4", "");
    fake_peer_free(peer);
}

/* pc, sp and x29 of the fake, in the order of the stop reply. */
#define EXPEDITED "20:0001020304050607;1f:f0f1f2f3f4f5f6f7;" \
                  "1d:d0d1d2d3d4d5d6d7;"

static char *stop_reply(struct fake_peer *peer, const struct rsp_stop *stop)
{
    GPtrArray *packets = exchange(peer, "c");
    char *reply;

    g_assert_cmpuint(packets->len, ==, 0);
    g_ptr_array_unref(packets);
    rsp_conn_report_stop(peer->conn, stop);
    packets = fake_peer_take(peer, &(int){ 0 }, &(int){ 0 });
    g_assert_cmpuint(packets->len, ==, 1);
    reply = g_string_free(g_ptr_array_steal_index(packets, 0), FALSE);
    g_ptr_array_unref(packets);
    return reply;
}

#define ASSERT_STOP(peer, stop, want)                                       \
    do {                                                                    \
        char *reply_ = stop_reply((peer), (stop));                          \
        g_assert_cmpstr(reply_, ==, (want));                                \
        g_free(reply_);                                                     \
    } while (0)

static void test_stop_replies(void)
{
    struct fake_peer *peer = fake_peer_new();
    struct rsp_stop stop = {
        .kind = RSP_STOP_SIGNAL, .signal = 5,
        .thread = { FAKE_PID, FAKE_TID2 },
        .reason = RSP_REASON_SWBREAK,
    };

    ASSERT_REPLY(peer, "?", "T05" EXPEDITED "thread:2a;core:0;");
    /* gdb did not say swbreak+: no swbreak field. */
    ASSERT_STOP(peer, &stop, "T05" EXPEDITED "thread:2b;core:0;");
    char *r = fake_peer_transact(peer, "qSupported:swbreak+;hwbreak+");
    g_free(r);
    ASSERT_STOP(peer, &stop, "T05" EXPEDITED "thread:2b;core:0;swbreak:;");
    /* The stop's thread is now the default for qC and registers. */
    ASSERT_REPLY(peer, "qC", "QC2b");
    stop.reason = RSP_REASON_HWBREAK;
    ASSERT_STOP(peer, &stop, "T05" EXPEDITED "thread:2b;core:0;hwbreak:;");
    stop.reason = RSP_REASON_WATCH;
    stop.watch_addr = 0x10040;
    ASSERT_STOP(peer, &stop, "T05" EXPEDITED "thread:2b;core:0;watch:10040;");
    stop.reason = RSP_REASON_RWATCH;
    ASSERT_STOP(peer, &stop, "T05" EXPEDITED "thread:2b;core:0;rwatch:10040;");
    stop.reason = RSP_REASON_AWATCH;
    stop.watch_addr = 0xffff000000000008ull;
    ASSERT_STOP(peer, &stop,
                "T05" EXPEDITED "thread:2b;core:0;awatch:ffff000000000008;");
    stop.reason = RSP_REASON_NONE;
    stop.signal = 2;
    ASSERT_STOP(peer, &stop, "T02" EXPEDITED "thread:2b;core:0;");
    /* A register that cannot be read is left out. */
    peer->ft->reg_unreadable[FAKE_REG_SP] = true;
    ASSERT_STOP(peer, &stop, "T0220:0001020304050607;1d:d0d1d2d3d4d5d6d7;"
                             "thread:2b;core:0;");

    stop = (struct rsp_stop){ .kind = RSP_STOP_EXITED, .exit_code = 3 };
    ASSERT_STOP(peer, &stop, "W03");
    stop = (struct rsp_stop){ .kind = RSP_STOP_EXITED, .exit_code = 256 };
    ASSERT_STOP(peer, &stop, "W00");
    stop = (struct rsp_stop){ .kind = RSP_STOP_TERMINATED, .signal = 9 };
    ASSERT_STOP(peer, &stop, "X09");
    peer->ft->stop = stop;
    ASSERT_REPLY(peer, "?", "X09");
    fake_peer_free(peer);
}

static void test_multiprocess_ids(void)
{
    struct fake_peer *peer = fake_peer_new();
    struct rsp_stop stop = {
        .kind = RSP_STOP_SIGNAL, .signal = 5,
        .thread = { FAKE_PID, FAKE_TID2 },
    };
    char *r = fake_peer_transact(peer, "qSupported:multiprocess+");

    g_free(r);
    ASSERT_REPLY(peer, "qC", "QCp2a.2a");
    ASSERT_REPLY(peer, "qfThreadInfo", "mp2a.2a,p2a.2b");
    ASSERT_REPLY(peer, "qsThreadInfo", "l");
    ASSERT_REPLY(peer, "?", "T05" EXPEDITED "thread:p2a.2a;core:0;");
    ASSERT_REPLY(peer, "Hgp2a.2b", "OK");
    /* The target hears of Hg: z/Z and memory packets mean its process. */
    g_assert_cmpint(peer->ft->selected.pid, ==, FAKE_PID);
    g_assert_cmpint(peer->ft->selected.tid, ==, FAKE_TID2);
    ASSERT_REPLY(peer, "Hgp2a.99", "E03");
    g_assert_cmpint(peer->ft->selected.tid, ==, FAKE_TID2);
    ASSERT_REPLY(peer, "Hcp2a.-1", "OK");
    g_assert_cmpint(peer->ft->selected.tid, ==, FAKE_TID2);   /* Hc: not */
    ASSERT_REPLY(peer, "Tp2a.2b", "OK");
    ASSERT_STOP(peer, &stop, "T05" EXPEDITED "thread:p2a.2b;core:0;");
    /* Exit replies name the process, from the target if not the stop. */
    stop = (struct rsp_stop){ .kind = RSP_STOP_EXITED, .exit_code = 42 };
    ASSERT_STOP(peer, &stop, "W2a;process:2a");
    stop = (struct rsp_stop){ .kind = RSP_STOP_TERMINATED, .signal = 11,
                              .thread = { 7, 7 } };
    ASSERT_STOP(peer, &stop, "X0b;process:7");
    ASSERT_REPLY(peer, "vKill;2a", "OK");
    fake_peer_free(peer);
}

static void test_monitor(void)
{
    struct fake_peer *peer = fake_peer_new();
    GPtrArray *packets;
    GString *want = g_string_new("O");

    packets = exchange(peer, "qRcmd,68656c70");          /* "help" */
    rsp_hex_encode_str(want, "help: this text\n");
    g_assert_cmpuint(packets->len, ==, 2);
    g_assert_cmpstr(packet_at(packets, 0)->str, ==, want->str);
    g_assert_cmpstr(packet_at(packets, 1)->str, ==, "OK");
    g_ptr_array_unref(packets);
    g_assert_cmpstr(peer->ft->last_monitor, ==, "help");

    ASSERT_REPLY(peer, "qRcmd,7175696574", "OK");        /* "quiet" */

    packets = exchange(peer, "qRcmd,666f6f");            /* "foo" */
    g_string_assign(want, "O");
    rsp_hex_encode_str(want, "unknown command: foo\n");
    g_assert_cmpuint(packets->len, ==, 2);
    g_assert_cmpstr(packet_at(packets, 0)->str, ==, want->str);
    g_assert_cmpstr(packet_at(packets, 1)->str, ==, "E02");
    g_ptr_array_unref(packets);

    ASSERT_REPLY(peer, "qRcmd,6", "E16");
    ASSERT_REPLY(peer, "qRcmd,zz", "E16");
    ASSERT_REPLY(peer, "qRcmd,6100", "E16");             /* NUL inside */
    ASSERT_REPLY(peer, "qRcmd", "E16");
    g_string_free(want, TRUE);
    fake_peer_free(peer);
}

/* A monitor command's console text, from its packets (O..., then OK). */
static char *monitor_text(GPtrArray *packets)
{
    GString *text = g_string_new(NULL);

    g_assert_cmpuint(packets->len, >=, 1);
    g_assert_cmpstr(packet_at(packets, packets->len - 1)->str, ==, "OK");
    for (guint i = 0; i + 1 < packets->len; i++) {
        const GString *p = packet_at(packets, i);
        size_t n = (p->len - 1) / 2;
        char *chunk = g_malloc0(n + 1);
        g_assert_true(p->str[0] == 'O');
        g_assert_true(rsp_hex_decode(p->str + 1, (uint8_t *)chunk, n));
        g_string_append(text, chunk);
        g_free(chunk);
    }
    return g_string_free(text, FALSE);
}

/* Append payload framed (rsp_frame_packet replaces its output). */
static void append_frame(GString *raw, const char *payload)
{
    GString *frame = g_string_new(NULL);

    rsp_frame_packet(frame, payload, strlen(payload), false);
    g_string_append_len(raw, frame->str, (gssize)frame->len);
    g_string_free(frame, TRUE);
}

/* Feed raw in one piece and return the console text of the monitor
 * command it starts. */
static char *feed_monitor(struct fake_peer *peer, const GString *raw)
{
    GPtrArray *packets;
    int acks, naks;
    char *text;

    fake_peer_feed(peer, raw->str, raw->len);
    packets = fake_peer_take(peer, &acks, &naks);
    text = monitor_text(packets);
    g_ptr_array_unref(packets);
    return text;
}

/* A Ctrl-C that comes in one read with the packet before it (gdb's
 * Nagle delay can put them together) is seen by the command that packet
 * starts, once, and then interrupts nothing else; one after a resume
 * packet interrupts the resumed target as always. */
static void test_interrupt_in_same_read(void)
{
    struct fake_peer *peer = fake_peer_new();
    GString *raw = g_string_new(NULL);
    char *text;

    append_frame(raw, "qRcmd,6c6f6e67");                  /* "long" */
    g_string_append(raw, "+\x03");
    text = feed_monitor(peer, raw);
    g_assert_cmpstr(text, ==, "interrupted\n");
    g_assert_cmpint(peer->ft->interrupt_calls, ==, 0);
    g_free(text);

    /* Alone, the same command is not interrupted. */
    g_string_truncate(raw, 0);
    append_frame(raw, "qRcmd,6c6f6e67");
    text = feed_monitor(peer, raw);
    g_assert_cmpstr(text, ==, "done\n");
    g_free(text);

    /* The Ctrl-C the command took does not stop the continue after it. */
    g_string_truncate(raw, 0);
    append_frame(raw, "qRcmd,6c6f6e67");
    g_string_append_c(raw, 0x03);
    append_frame(raw, "c");
    text = feed_monitor(peer, raw);
    g_assert_cmpstr(text, ==, "interrupted\n");
    g_free(text);
    g_assert_cmpint(peer->ft->resume_calls, ==, 1);
    g_assert_cmpint(peer->ft->interrupt_calls, ==, 0);
    g_assert_true(rsp_conn_target_running(peer->conn));
    fake_peer_free(peer);

    /* One in the read of a continue stops the running target. */
    peer = fake_peer_new();
    g_string_truncate(raw, 0);
    append_frame(raw, "c");
    g_string_append_c(raw, 0x03);
    fake_peer_feed(peer, raw->str, raw->len);
    g_assert_cmpint(peer->ft->resume_calls, ==, 1);
    g_assert_cmpint(peer->ft->interrupt_calls, ==, 1);
    g_string_free(raw, TRUE);
    fake_peer_free(peer);
}

static void test_fixed_answers(void)
{
    struct fake_peer *peer = fake_peer_new();

    ASSERT_REPLY(peer, "qAttached", "0");
    ASSERT_REPLY(peer, "qAttached:2a", "0");
    ASSERT_REPLY(peer, "qSymbol::", "OK");
    ASSERT_REPLY(peer, "qTStatus", "");
    ASSERT_REPLY(peer, "qOffsets", "");
    ASSERT_REPLY(peer, "vMustReplyEmpty", "");
    ASSERT_REPLY(peer, "QNonStop:1", "");   /* all-stop only */
    ASSERT_REPLY(peer, "qGetWorkingDir", "");
    ASSERT_REPLY(peer, "jThreadsInfo", "");
    fake_peer_free(peer);
}

static void test_unknown_packets(void)
{
    struct fake_peer *peer = fake_peer_new();

    ASSERT_REPLY(peer, "", "");
    ASSERT_REPLY(peer, "qFooBar", "");
    ASSERT_REPLY(peer, "vFlashDone", "");
    ASSERT_REPLY(peer, "!x", "");
    ASSERT_REPLY(peer, "qCRC:10000,4", "");
    ASSERT_REPLY(peer, "qSupportedX", "");
    ASSERT_REPLY(peer, "vContX", "");
    ASSERT_REPLY(peer, "gg", "");
    ASSERT_REPLY(peer, "vRunX", "");
    ASSERT_REPLY(peer, "QThreadEventsX", "");
    ASSERT_REPLY(peer, "kill", "");
    ASSERT_REPLY(peer, "Dx", "");
    fake_peer_free(peer);
}

static void test_table_matching(void)
{
    struct rsp_args args;
    const struct rsp_command *cmd;

    cmd = rsp_find_command("vCont?", 6, &args);
    g_assert_nonnull(cmd);
    g_assert_cmpstr(cmd->name, ==, "vCont?");
    cmd = rsp_find_command("vCont;c:2a", 10, &args);
    g_assert_cmpstr(cmd->name, ==, "vCont");
    g_assert_cmpint(args.sep, ==, ';');
    g_assert_cmpstr(args.args, ==, "c:2a");
    cmd = rsp_find_command("qC", 2, &args);
    g_assert_cmpstr(cmd->name, ==, "qC");
    g_assert_null(rsp_find_command("qCRC:0,4", 8, &args));
    cmd = rsp_find_command("qRegisterInfo1a", 15, &args);
    g_assert_cmpstr(cmd->name, ==, "qRegisterInfo");
    g_assert_cmpstr(args.args, ==, "1a");
    cmd = rsp_find_command("qXfer:auxv:read::0,10", 21, &args);
    g_assert_cmpstr(cmd->name, ==, "qXfer");
    g_assert_cmpstr(args.args, ==, "auxv:read::0,10");
    cmd = rsp_find_command("D;2a", 4, &args);
    g_assert_cmpstr(cmd->name, ==, "D");
    cmd = rsp_find_command("QStartNoAckMode", 15, &args);
    g_assert_cmpstr(cmd->name, ==, "QStartNoAckMode");
    cmd = rsp_find_command("m0,4", 4, &args);
    g_assert_cmpstr(cmd->name, ==, "m");
    g_assert_cmpstr(args.args, ==, "0,4");
}

static void test_error_messages(void)
{
    struct fake_peer *peer = fake_peer_new();
    char *r = fake_peer_transact(peer, "qSupported:error-message+");

    g_free(r);
    ASSERT_REPLY(peer, "m0,4", "E.Bad address");
    ASSERT_REPLY(peer, "m", "E.bad m packet");
    ASSERT_REPLY(peer, "Hg99", "E.No such process");
    fake_peer_free(peer);
}

static void test_lldb_queries(void)
{
    struct fake_peer *peer = fake_peer_new();
    /* "aarch64-unknown-linux-gnu" in hex */
#define TRIPLE "616172636836342d756e6b6e6f776e2d6c696e75782d676e75"

    ASSERT_REPLY(peer, "qHostInfo",
                 "triple:" TRIPLE ";ostype:linux;vendor:unknown;"
                 "endian:little;ptrsize:8;"
                 "watchpoint_exceptions_received:before;");
    ASSERT_REPLY(peer, "qProcessInfo",
                 "pid:2a;triple:" TRIPLE ";ostype:linux;vendor:unknown;"
                 "endian:little;ptrsize:8;");
    ASSERT_REPLY(peer, "qRegisterInfo0",
                 "name:x0;bitsize:64;offset:0;encoding:uint;format:hex;"
                 "set:General Purpose Registers;gcc:0;dwarf:0;");
    ASSERT_REPLY(peer, "qRegisterInfo1d",
                 "name:x29;bitsize:64;offset:232;encoding:uint;format:hex;"
                 "set:General Purpose Registers;gcc:29;dwarf:29;"
                 "generic:fp;");
    ASSERT_REPLY(peer, "qRegisterInfo20",
                 "name:pc;bitsize:64;offset:256;encoding:uint;format:hex;"
                 "set:General Purpose Registers;gcc:32;dwarf:32;"
                 "generic:pc;");
    ASSERT_REPLY(peer, "qRegisterInfo21",
                 "name:cpsr;bitsize:32;offset:264;encoding:uint;format:hex;"
                 "set:General Purpose Registers;generic:flags;");
    ASSERT_REPLY(peer, "qRegisterInfo22",
                 "name:v0;bitsize:128;offset:268;encoding:vector;"
                 "format:vector-uint8;set:Floating Point Registers;"
                 "gcc:64;dwarf:64;");
    ASSERT_REPLY(peer, "qRegisterInfo25",
                 "name:fpcr;bitsize:32;offset:304;encoding:uint;format:hex;"
                 "set:Floating Point Registers;");
    ASSERT_REPLY(peer, "qRegisterInfo26", "E45");
    ASSERT_REPLY(peer, "qRegisterInfozz", "E45");
    ASSERT_REPLY(peer, "qRegisterInfo", "E45");
    fake_peer_free(peer);
}

static void test_end_of_session(void)
{
    struct fake_peer *peer = fake_peer_new();
    GPtrArray *packets;

    ASSERT_REPLY(peer, "k", "X09");
    g_assert_true(peer->ft->killed);
    g_assert_true(rsp_conn_finished(peer->conn));
    /* After the end, packets are acked and otherwise ignored. */
    packets = exchange(peer, "g");
    g_assert_cmpuint(packets->len, ==, 0);
    g_ptr_array_unref(packets);
    fake_peer_free(peer);

    peer = fake_peer_new();
    ASSERT_REPLY(peer, "vKill;2a", "OK");
    g_assert_cmpint(peer->ft->killed_pid, ==, FAKE_PID);
    g_assert_true(rsp_conn_finished(peer->conn));
    fake_peer_free(peer);

    /* Without per-process ops, the whole target. */
    peer = fake_peer_new();
    peer->ft->ops.kill_process = NULL;
    ASSERT_REPLY(peer, "vKill;2b", "E03");
    g_assert_false(peer->ft->killed);
    ASSERT_REPLY(peer, "vKill;2a", "OK");
    g_assert_true(peer->ft->killed);
    g_assert_true(rsp_conn_finished(peer->conn));
    fake_peer_free(peer);

    peer = fake_peer_new();
    ASSERT_REPLY(peer, "D", "OK");
    g_assert_true(peer->ft->detached);
    g_assert_false(peer->ft->killed);
    g_assert_true(rsp_conn_finished(peer->conn));
    fake_peer_free(peer);

    peer = fake_peer_new();
    ASSERT_REPLY(peer, "D;2a", "OK");
    g_assert_cmpint(peer->ft->detached_pid, ==, FAKE_PID);
    g_assert_true(rsp_conn_finished(peer->conn));
    fake_peer_free(peer);

    peer = fake_peer_new();
    peer->ft->ops.detach_process = NULL;
    ASSERT_REPLY(peer, "D;2a", "OK");
    g_assert_true(peer->ft->detached);
    g_assert_true(rsp_conn_finished(peer->conn));
    fake_peer_free(peer);
}

static void discard_output(void *opaque, const uint8_t *data, size_t len)
{
    *(size_t *)opaque += len;
}

/* Arbitrary input must never crash or leak: a small in-process fuzz run
 * (the real fuzz target will call rsp_conn_feed the same way). Pieces of
 * real packets, framing characters and random bytes, with valid
 * checksums half the time so that handlers see the garbage too. */
static void test_random_input(void)
{
    static const char *const pieces[] = {
        "g", "G", "p", "P", "m", "M", "X", "x", "c", "C", "s", "S", "vCont",
        ";", ":", ",", "=", "-1", "0", "1", "2a", "2b", "ff", "10000",
        "ffffffffffffffff", "qXfer:features:read:target.xml:", "qRcmd,",
        "qSupported:", "swbreak+", "binary-upload+", "error-message+",
        "Z", "z", "H", "Hg", "Hc", "T", "p2a.", "qRegisterInfo", "#", "$",
        "}", "*", "\x03", "+", "-", "D", "?", "qfThreadInfo",
        "qsThreadInfo", "QStartNoAckMode", "r", "t", "xx",
    };
    GRand *rand = g_rand_new_with_seed(20260101);
    size_t sent = 0;

    for (int round = 0; round < 3000; round++) {
        struct fake_target *ft = fake_target_new();
        struct rsp_conn *conn = rsp_conn_new(&ft->base, discard_output,
                                             &sent);
        for (int n = 0; n < 8; n++) {
            GString *body = g_string_new(NULL);
            int parts = g_rand_int_range(rand, 1, 8);
            for (int i = 0; i < parts; i++) {
                if (g_rand_int_range(rand, 0, 4) == 0)
                    g_string_append_c(body, (char)g_rand_int_range(rand, 0,
                                                                  256));
                else
                    g_string_append(body, pieces[g_rand_int_range(
                        rand, 0, G_N_ELEMENTS(pieces))]);
            }
            GString *wire = g_string_new("$");
            uint8_t sum = 0;
            for (size_t i = 0; i < body->len; i++)
                sum += (uint8_t)body->str[i];
            g_string_append_len(wire, body->str, (gssize)body->len);
            if (g_rand_boolean(rand))
                g_string_append_printf(wire, "#%02x", sum);
            else
                g_string_append(wire, "#00");
            /* Split at a random point. */
            size_t cut = (size_t)g_rand_int_range(rand, 0,
                                                  (gint32)wire->len + 1);
            rsp_conn_feed(conn, (const uint8_t *)wire->str, cut);
            rsp_conn_feed(conn, (const uint8_t *)wire->str + cut,
                          wire->len - cut);
            if (rsp_conn_target_running(conn) && g_rand_boolean(rand)) {
                struct rsp_stop stop = ft->stop;
                stop.reason = (enum rsp_stop_reason)g_rand_int_range(rand, 0,
                                                                     6);
                rsp_conn_report_stop(conn, &stop);
            }
            g_string_free(wire, TRUE);
            g_string_free(body, TRUE);
        }
        rsp_conn_free(conn);
        fake_target_free(ft);
    }
    g_rand_free(rand);
    g_assert_cmpuint(sent, >, 0);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/rsp/commands/supported", test_supported);
    g_test_add_func("/rsp/commands/supported-minimal",
                    test_supported_minimal);
    g_test_add_func("/rsp/commands/g", test_read_registers);
    g_test_add_func("/rsp/commands/G", test_write_registers);
    g_test_add_func("/rsp/commands/p", test_read_register);
    g_test_add_func("/rsp/commands/P", test_write_register);
    g_test_add_func("/rsp/commands/register-thread", test_register_thread);
    g_test_add_func("/rsp/commands/m", test_read_memory);
    g_test_add_func("/rsp/commands/M", test_write_memory);
    g_test_add_func("/rsp/commands/X", test_write_memory_binary);
    g_test_add_func("/rsp/commands/x", test_read_memory_binary);
    g_test_add_func("/rsp/commands/xfer-features", test_xfer_features);
    g_test_add_func("/rsp/commands/xfer-target", test_xfer_target_objects);
    g_test_add_func("/rsp/commands/vcont-query", test_vcont_query);
    g_test_add_func("/rsp/commands/vcont-parse", test_vcont_parse);
    g_test_add_func("/rsp/commands/vcont-resume", test_vcont_resume);
    g_test_add_func("/rsp/commands/legacy-resume", test_legacy_resume);
    g_test_add_func("/rsp/commands/threads", test_threads);
    g_test_add_func("/rsp/commands/breakpoints", test_breakpoints);
    g_test_add_func("/rsp/commands/stop-replies", test_stop_replies);
    g_test_add_func("/rsp/commands/multiprocess", test_multiprocess_ids);
    g_test_add_func("/rsp/commands/monitor", test_monitor);
    g_test_add_func("/rsp/commands/interrupt-same-read",
                    test_interrupt_in_same_read);
    g_test_add_func("/rsp/commands/fixed-answers", test_fixed_answers);
    g_test_add_func("/rsp/commands/unknown", test_unknown_packets);
    g_test_add_func("/rsp/commands/table-matching", test_table_matching);
    g_test_add_func("/rsp/commands/error-messages", test_error_messages);
    g_test_add_func("/rsp/commands/lldb", test_lldb_queries);
    g_test_add_func("/rsp/commands/end-of-session", test_end_of_session);
    g_test_add_func("/rsp/commands/random-input", test_random_input);
    return g_test_run();
}
