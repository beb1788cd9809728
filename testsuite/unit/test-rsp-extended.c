/* Processes in the protocol against the fake target: fork, vfork, exec
 * and syscall stop replies, QCatchSyscalls, detaching and killing one
 * process of several, and extended-remote (!, vRun, R, vAttach, the
 * environment and settings packets, k that keeps the session). */
#include <errno.h>
#include <glib.h>
#include <string.h>

#include "rsp/conn.h"
#include "rsp/hex.h"
#include "testsuite/unit/fake-target.h"

#define ASSERT_REPLY FAKE_ASSERT_REPLY
#define ASSERT_STOP FAKE_ASSERT_STOP

#define EXPEDITED "20:0001020304050607;1f:f0f1f2f3f4f5f6f7;" \
                  "1d:d0d1d2d3d4d5d6d7;"

static void negotiate(struct fake_peer *peer, const char *features)
{
    char *packet = g_strconcat("qSupported:", features, NULL);
    char *r = fake_peer_transact(peer, packet);

    g_free(r);
    g_free(packet);
}

/* "PREFIX" + hex(text) */
static char *hex_packet(const char *prefix, const char *text)
{
    GString *p = g_string_new(prefix);

    rsp_hex_encode_str(p, text);
    return g_string_free(p, FALSE);
}

static void assert_hex_reply(struct fake_peer *peer, const char *prefix,
                             const char *text, const char *want)
{
    char *packet = hex_packet(prefix, text);

    ASSERT_REPLY(peer, packet, want);
    g_free(packet);
}

static void test_process_events(void)
{
    struct fake_peer *peer = fake_peer_new();
    struct rsp_stop stop = {
        .kind = RSP_STOP_SIGNAL, .signal = 5,
        .thread = { FAKE_PID, FAKE_TID1 },
        .reason = RSP_REASON_FORK,
        .child = { 0x60, 0x60 },
    };

    negotiate(peer, "multiprocess+;fork-events+;vfork-events+;"
                    "exec-events+");
    ASSERT_STOP(peer, &stop, "T05" EXPEDITED "thread:p2a.2a;core:0;"
                             "fork:p60.60;");
    stop.reason = RSP_REASON_VFORK;
    stop.child = (struct rsp_ptid){ 0x61, 0x61 };
    ASSERT_STOP(peer, &stop, "T05" EXPEDITED "thread:p2a.2a;core:0;"
                             "vfork:p61.61;");
    stop.reason = RSP_REASON_VFORK_DONE;
    ASSERT_STOP(peer, &stop, "T05" EXPEDITED "thread:p2a.2a;core:0;"
                             "vforkdone:;");
    stop.reason = RSP_REASON_EXEC;
    stop.exec_path = "/bin/ls";
    ASSERT_STOP(peer, &stop, "T05" EXPEDITED "thread:p2a.2a;core:0;"
                             "exec:2f62696e2f6c73;");
    stop.exec_path = NULL;
    ASSERT_STOP(peer, &stop, "T05" EXPEDITED "thread:p2a.2a;core:0;exec:;");
    stop.reason = RSP_REASON_SYSCALL_ENTRY;
    stop.syscall_nr = 0x5d;
    ASSERT_STOP(peer, &stop, "T05" EXPEDITED "thread:p2a.2a;core:0;"
                             "syscall_entry:5d;");
    stop.reason = RSP_REASON_SYSCALL_RETURN;
    stop.syscall_nr = 0;
    ASSERT_STOP(peer, &stop, "T05" EXPEDITED "thread:p2a.2a;core:0;"
                             "syscall_return:0;");
    fake_peer_free(peer);
}

static void test_catch_syscalls(void)
{
    struct fake_peer *peer = fake_peer_new();
    GArray *caught = peer->ft->caught;

    ASSERT_REPLY(peer, "QCatchSyscalls:1", "OK");
    g_assert_true(peer->ft->catch_enabled);
    g_assert_cmpuint(caught->len, ==, 0);           /* all of them */
    ASSERT_REPLY(peer, "QCatchSyscalls:1;40;5d;dd", "OK");
    g_assert_cmpuint(caught->len, ==, 3);
    g_assert_cmpuint(g_array_index(caught, uint64_t, 0), ==, 0x40);
    g_assert_cmpuint(g_array_index(caught, uint64_t, 1), ==, 0x5d);
    g_assert_cmpuint(g_array_index(caught, uint64_t, 2), ==, 0xdd);
    ASSERT_REPLY(peer, "QCatchSyscalls:0", "OK");
    g_assert_false(peer->ft->catch_enabled);
    g_assert_cmpint(peer->ft->catch_calls, ==, 3);

    ASSERT_REPLY(peer, "QCatchSyscalls:1;", "E16");
    ASSERT_REPLY(peer, "QCatchSyscalls:1;zz", "E16");
    ASSERT_REPLY(peer, "QCatchSyscalls:1;40;", "E16");
    ASSERT_REPLY(peer, "QCatchSyscalls:1;40,5d", "E16");
    ASSERT_REPLY(peer, "QCatchSyscalls:1;1ffffffffffffffff", "E16");
    ASSERT_REPLY(peer, "QCatchSyscalls:0;40", "E16");
    ASSERT_REPLY(peer, "QCatchSyscalls:2", "E16");
    ASSERT_REPLY(peer, "QCatchSyscalls:", "E16");
    ASSERT_REPLY(peer, "QCatchSyscalls", "E16");
    g_assert_cmpint(peer->ft->catch_calls, ==, 3);
    peer->ft->catch_result = -EINVAL;
    ASSERT_REPLY(peer, "QCatchSyscalls:1;40", "E16");
    g_assert_cmpint(peer->ft->catch_calls, ==, 4);
    fake_peer_free(peer);
}

/* A list longer than any syscall table is refused, not allocated. */
static void test_catch_syscalls_bound(void)
{
    struct fake_peer *peer = fake_peer_new();
    GString *packet = g_string_new("QCatchSyscalls:1");

    for (int i = 0; i < 4097; i++)
        g_string_append(packet, ";1");
    ASSERT_REPLY(peer, packet->str, "E16");
    g_assert_cmpint(peer->ft->catch_calls, ==, 0);
    g_string_free(packet, TRUE);
    fake_peer_free(peer);
}

/* Detach and kill one process of several (D;PID, vKill;PID): the
 * session goes on while a process remains. */
static void test_one_process_of_two(void)
{
    struct fake_peer *peer = fake_peer_new();

    fake_target_add_thread(peer->ft, 0x60, 0x60, "child");
    negotiate(peer, "multiprocess+;fork-events+");
    ASSERT_REPLY(peer, "D;60", "OK");
    g_assert_cmpint(peer->ft->detached_pid, ==, 0x60);
    g_assert_false(rsp_conn_finished(peer->conn));
    ASSERT_REPLY(peer, "qfThreadInfo", "mp2a.2a,p2a.2b");
    ASSERT_REPLY(peer, "D;60", "E03");
    ASSERT_REPLY(peer, "D;zz", "E16");
    ASSERT_REPLY(peer, "D;0", "E16");
    ASSERT_REPLY(peer, "D;", "E16");
    ASSERT_REPLY(peer, "D;60;", "E16");
    ASSERT_REPLY(peer, "D:60", "E16");

    fake_target_add_thread(peer->ft, 0x61, 0x61, "child");
    ASSERT_REPLY(peer, "vKill;61", "OK");
    g_assert_cmpint(peer->ft->killed_pid, ==, 0x61);
    g_assert_false(rsp_conn_finished(peer->conn));
    ASSERT_REPLY(peer, "vKill;61", "E03");
    ASSERT_REPLY(peer, "vKill;-1", "E16");
    ASSERT_REPLY(peer, "vKill", "OK");              /* everything */
    g_assert_true(peer->ft->killed);
    g_assert_true(rsp_conn_finished(peer->conn));
    fake_peer_free(peer);

    peer = fake_peer_new();
    fake_target_add_thread(peer->ft, 0x60, 0x60, "child");
    ASSERT_REPLY(peer, "D;2a", "OK");
    g_assert_false(rsp_conn_finished(peer->conn));
    ASSERT_REPLY(peer, "vKill;60", "OK");
    g_assert_true(rsp_conn_finished(peer->conn));
    fake_peer_free(peer);
}

static void test_extended_run(void)
{
    struct fake_peer *peer = fake_peer_new();
    struct fake_target *ft = peer->ft;
    GString *vrun = g_string_new("vRun;");

    ASSERT_REPLY(peer, "qAttached", "0");
    ASSERT_REPLY(peer, "!", "OK");
    g_assert_true(ft->extended);
    ASSERT_REPLY(peer, "QStartupWithShell:1", "OK");
    ASSERT_REPLY(peer, "QDisableRandomization:0", "OK");
    assert_hex_reply(peer, "QEnvironmentHexEncoded:", "FOO=bar=baz", "OK");
    assert_hex_reply(peer, "QEnvironmentHexEncoded:", "EMPTY=", "OK");
    assert_hex_reply(peer, "QEnvironmentUnset:", "HOME", "OK");
    assert_hex_reply(peer, "QSetWorkingDir:", "/tmp/w d", "OK");

    rsp_hex_encode_str(vrun, "/bin/prog");
    g_string_append_c(vrun, ';');
    rsp_hex_encode_str(vrun, "a b");
    g_string_append(vrun, ";;");
    rsp_hex_encode_str(vrun, "$}#*");
    /* The reply is the new program's stop. */
    ASSERT_REPLY(peer, vrun->str, "T05" EXPEDITED "thread:50;core:0;");
    g_assert_cmpint(ft->run_calls, ==, 1);
    g_assert_cmpuint(g_strv_length(ft->run_argv), ==, 4);
    g_assert_cmpstr(ft->run_argv[0], ==, "/bin/prog");
    g_assert_cmpstr(ft->run_argv[1], ==, "a b");
    g_assert_cmpstr(ft->run_argv[2], ==, "");
    g_assert_cmpstr(ft->run_argv[3], ==, "$}#*");
    g_assert_cmpuint(g_strv_length(ft->run_env_set), ==, 2);
    g_assert_true(g_strv_contains((const char *const *)ft->run_env_set,
                                  "FOO=bar=baz"));
    g_assert_true(g_strv_contains((const char *const *)ft->run_env_set,
                                  "EMPTY="));
    g_assert_cmpuint(g_strv_length(ft->run_env_unset), ==, 1);
    g_assert_cmpstr(ft->run_env_unset[0], ==, "HOME");
    g_assert_cmpstr(ft->run_working_dir, ==, "/tmp/w d");
    g_assert_true(ft->run_startup_with_shell);
    g_assert_false(ft->run_disable_randomization);
    /* Started by the debugger: killed, not detached, when it quits. */
    ASSERT_REPLY(peer, "qAttached", "0");
    ASSERT_REPLY(peer, "qAttached:50", "0");
    /* The new process is the default thread now. */
    ASSERT_REPLY(peer, "qC", "QC50");
    ASSERT_REPLY(peer, "p0", "0001020304050607");
    g_assert_cmpint(ft->last_reg_thread.tid, ==, FAKE_RUN_PID);

    /* k ends the program, not the session. */
    ASSERT_REPLY(peer, "k", "X09");
    g_assert_true(ft->killed);
    g_assert_false(rsp_conn_finished(peer->conn));
    ASSERT_REPLY(peer, "vKill;50", "OK");
    g_assert_false(rsp_conn_finished(peer->conn));
    ASSERT_REPLY(peer, "D", "OK");
    g_assert_false(rsp_conn_finished(peer->conn));

    /* Set again, unset wins; reset forgets every change. */
    assert_hex_reply(peer, "QEnvironmentUnset:", "FOO", "OK");
    ASSERT_REPLY(peer, "vRun;", "T05" EXPEDITED "thread:50;core:0;");
    g_assert_cmpuint(g_strv_length(ft->run_argv), ==, 1);
    g_assert_cmpstr(ft->run_argv[0], ==, "");       /* the last program */
    g_assert_cmpuint(g_strv_length(ft->run_env_set), ==, 1);
    g_assert_cmpuint(g_strv_length(ft->run_env_unset), ==, 2);
    ASSERT_REPLY(peer, "QEnvironmentReset", "OK");
    ASSERT_REPLY(peer, "QSetWorkingDir:", "OK");
    ASSERT_REPLY(peer, "vRun;", "T05" EXPEDITED "thread:50;core:0;");
    g_assert_cmpuint(g_strv_length(ft->run_env_set), ==, 0);
    g_assert_cmpuint(g_strv_length(ft->run_env_unset), ==, 0);
    g_assert_null(ft->run_working_dir);

    /* R restarts with the last arguments and sends nothing. */
    fake_peer_send(peer, "R00");
    {
        int acks, naks;
        GPtrArray *packets = fake_peer_take(peer, &acks, &naks);
        g_assert_cmpuint(packets->len, ==, 0);
        g_assert_cmpint(acks, ==, 1);
        g_ptr_array_unref(packets);
    }
    g_assert_cmpint(ft->run_calls, ==, 4);
    g_assert_cmpstr(ft->run_argv[0], ==, "");

    /* A program that cannot start: the error, the session goes on. */
    ft->run_result = -ENOENT;
    ASSERT_REPLY(peer, vrun->str, "E02");
    g_assert_cmpstr(ft->run_argv[0], ==, "/bin/prog");
    g_string_free(vrun, TRUE);
    fake_peer_free(peer);
}

static void test_extended_bad_packets(void)
{
    struct fake_peer *peer = fake_peer_new();

    ASSERT_REPLY(peer, "vRun;zz", "E16");
    ASSERT_REPLY(peer, "vRun;616", "E16");          /* odd digits */
    ASSERT_REPLY(peer, "vRun;6100", "E16");         /* NUL inside */
    ASSERT_REPLY(peer, "vRun", "E16");
    ASSERT_REPLY(peer, "vRun:61", "E16");
    g_assert_cmpint(peer->ft->run_calls, ==, 0);
    ASSERT_REPLY(peer, "QStartupWithShell:2", "E16");
    ASSERT_REPLY(peer, "QStartupWithShell", "E16");
    ASSERT_REPLY(peer, "QDisableRandomization:10", "E16");
    ASSERT_REPLY(peer, "QEnvironmentHexEncoded:3d31", "E16");   /* "=1" */
    ASSERT_REPLY(peer, "QEnvironmentHexEncoded:464f4f", "E16"); /* no = */
    ASSERT_REPLY(peer, "QEnvironmentHexEncoded:zz", "E16");
    ASSERT_REPLY(peer, "QEnvironmentHexEncoded", "E16");
    ASSERT_REPLY(peer, "QEnvironmentUnset:", "E16");
    ASSERT_REPLY(peer, "QEnvironmentUnset:3d", "E16");          /* "=" */
    ASSERT_REPLY(peer, "QEnvironmentReset:1", "");
    ASSERT_REPLY(peer, "QSetWorkingDir:2", "E16");
    ASSERT_REPLY(peer, "QSetWorkingDir", "E16");

    /* R outside extended mode is ignored, and still unanswered. */
    fake_peer_send(peer, "R00");
    {
        int acks, naks;
        GPtrArray *packets = fake_peer_take(peer, &acks, &naks);
        g_assert_cmpuint(packets->len, ==, 0);
        g_ptr_array_unref(packets);
    }
    g_assert_cmpint(peer->ft->run_calls, ==, 0);

    ASSERT_REPLY(peer, "vAttach;2a", "E01");
    negotiate(peer, "error-message+");
    ASSERT_REPLY(peer, "vAttach;2a",
                 "E.attaching to a process is not supported");
    fake_peer_free(peer);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/rsp/extended/process-events", test_process_events);
    g_test_add_func("/rsp/extended/catch-syscalls", test_catch_syscalls);
    g_test_add_func("/rsp/extended/catch-syscalls-bound",
                    test_catch_syscalls_bound);
    g_test_add_func("/rsp/extended/one-process-of-two",
                    test_one_process_of_two);
    g_test_add_func("/rsp/extended/run", test_extended_run);
    g_test_add_func("/rsp/extended/bad-packets", test_extended_bad_packets);
    return g_test_run();
}
