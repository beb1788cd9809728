/* The session: feature negotiation, acks, monitor commands, the end of
 * the session (k, vKill, D), and a few fixed answers. */
#include "rsp/commands.h"
#include "rsp/hex.h"

#include <errno.h>
#include <string.h>

/* Console output of a monitor command goes out as 'O' packets of at most
 * this many bytes of text each. */
#define CONSOLE_CHUNK 1024

/* What gdb says it supports, "name+" items in qSupported. */
static void note_peer_feature(struct rsp_conn *conn, const char *item)
{
    static const struct {
        const char *name;
        size_t offset;
    } features[] = {
        { "swbreak+", G_STRUCT_OFFSET(struct rsp_peer_features, swbreak) },
        { "hwbreak+", G_STRUCT_OFFSET(struct rsp_peer_features, hwbreak) },
        { "error-message+",
          G_STRUCT_OFFSET(struct rsp_peer_features, error_message) },
        { "binary-upload+",
          G_STRUCT_OFFSET(struct rsp_peer_features, binary_upload) },
        { "multiprocess+",
          G_STRUCT_OFFSET(struct rsp_peer_features, multiprocess) },
    };

    for (size_t i = 0; i < G_N_ELEMENTS(features); i++) {
        if (strcmp(item, features[i].name) == 0)
            G_STRUCT_MEMBER(bool, &conn->peer, features[i].offset) = true;
    }
    rsp_events_note_peer(conn, item);
}

RSP_HANDLER(rsp_cmd_supported)
{
    gchar **items = g_strsplit(a->args, ";", -1);

    /* A new qSupported starts a new negotiation. */
    memset(&conn->peer, 0, sizeof(conn->peer));
    for (gchar **item = items; *item; item++)
        note_peer_feature(conn, *item);
    g_strfreev(items);

    /* multiprocess+ only in answer to the debugger's own: then thread
     * ids are "pPID.TID" both ways, and gdb names the inferior by its
     * pid ("process 42") rather than "Remote target". */
    g_string_append_printf(reply,
                           "PacketSize=%x;qXfer:features:read+;"
                           "qXfer:auxv:read+;qXfer:exec-file:read+;"
                           "qXfer:osdata:read+;"
                           "swbreak+;hwbreak+;vContSupported+;"
                           "QStartNoAckMode+;multiprocess%c",
                           RSP_PACKET_SIZE,
                           conn->peer.multiprocess ? '+' : '-');
    rsp_signals_supported(conn, reply);
    if (conn->target->ops->threads)
        g_string_append(reply, ";qXfer:threads:read+");
    rsp_events_supported(conn, reply);
    rsp_extended_supported(conn, reply);
    rsp_memtags_supported(conn, reply);
    rsp_nonstop_supported(conn, reply);
    if (conn->target->ops->reverse)
        g_string_append(reply, ";ReverseStep+;ReverseContinue+");
    /* Only to a gdb that asked: lldb frames 'x' replies without the 'b'. */
    if (conn->peer.binary_upload)
        g_string_append(reply, ";binary-upload+");
    return RSP_REPLY;
}

RSP_HANDLER(rsp_cmd_start_no_ack)
{
    /* This packet was acked and its "OK" is sent with the old rules; the
     * debugger acks that OK and then both sides stop. */
    g_string_append(reply, "OK");
    conn->no_ack = true;
    return RSP_REPLY;
}

/* After the debugger let go of a process: the session ends unless this
 * is extended-remote (where it may run another) or processes remain
 * (a forked child it still debugs). */
static void note_process_gone(struct rsp_conn *conn)
{
    GArray *threads;

    if (conn->extended)
        return;
    threads = rsp_conn_threads(conn);
    conn->finished = !threads || threads->len == 0;
    rsp_thread_info_free_array(threads);
}

/* The pid argument of "vKill;PID" and "D;PID"; false if malformed. A
 * missing one (plain "D") is 0: every process. */
static bool parse_pid_arg(const struct rsp_args *a, int64_t *pid)
{
    const char *p = a->args;
    uint64_t value;

    *pid = 0;
    if (a->sep == '\0')
        return true;
    if (a->sep != ';' || !rsp_parse_hex_u64_until(&p, "", &value)
        || value == 0 || value > INT64_MAX)
        return false;
    *pid = (int64_t)value;
    return true;
}

typedef int (*process_op_fn)(struct rsp_target *t, int64_t pid);
typedef void (*whole_op_fn)(struct rsp_target *t);

/* Kill or detach pid (0: all) with the per-process op when the target
 * has one, else with the whole-target op. */
static int end_process(struct rsp_conn *conn, int64_t pid,
                       process_op_fn one, whole_op_fn all)
{
    int64_t own = rsp_conn_target_pid(conn);

    if (pid != 0 && one)
        return one(conn->target, pid);
    /* Without per-process ops only the target's own process exists. */
    if (pid != 0 && own > 0 && pid != own)
        return -ESRCH;
    if (all)
        all(conn->target);
    return 0;
}

RSP_HANDLER(rsp_cmd_kill)
{
    if (conn->target->ops->kill)
        conn->target->ops->kill(conn->target);
    /* In extended-remote the connection outlives the program. */
    if (!conn->extended)
        conn->finished = true;
    /* gdb expects no reply to 'k' (it uses vKill when it can); lldb waits
     * for the exit status, which is "killed by SIGKILL". */
    g_string_append(reply, "X09");
    return RSP_REPLY;
}

/* vKill;PID and D[;PID]: end one process (with multiprocess), or the
 * whole session when no pid is named or the target ends only everything. */
static enum rsp_handled end_one_or_all(struct rsp_conn *conn,
                                       const struct rsp_args *a,
                                       GString *reply, const char *bad,
                                       process_op_fn one, whole_op_fn all)
{
    int64_t pid;
    int err;

    if (!parse_pid_arg(a, &pid)) {
        rsp_reply_bad_request(conn, reply, bad);
        return RSP_REPLY;
    }
    err = end_process(conn, pid, one, all);
    if (err < 0) {
        rsp_reply_error(conn, reply, err);
        return RSP_REPLY;
    }
    if (pid == 0 || !one) {
        if (!conn->extended)
            conn->finished = true;
    } else {
        note_process_gone(conn);
    }
    g_string_append(reply, "OK");
    return RSP_REPLY;
}

RSP_HANDLER(rsp_cmd_vkill)
{
    return end_one_or_all(conn, a, reply, "bad vKill packet",
                          conn->target->ops->kill_process,
                          conn->target->ops->kill);
}

RSP_HANDLER(rsp_cmd_detach)
{
    return end_one_or_all(conn, a, reply, "bad D packet",
                          conn->target->ops->detach_process,
                          conn->target->ops->detach);
}

static void send_console_output(struct rsp_conn *conn, const GString *text)
{
    GString *packet = g_string_new(NULL);

    for (size_t pos = 0; pos < text->len; pos += CONSOLE_CHUNK) {
        size_t n = MIN(CONSOLE_CHUNK, text->len - pos);
        g_string_assign(packet, "O");
        rsp_hex_encode(packet, (const uint8_t *)text->str + pos, n);
        rsp_conn_send_packet(conn, packet->str, packet->len);
    }
    g_string_free(packet, TRUE);
}

/* qRcmd,HEX: the command text hex-encoded; output as 'O' packets, then
 * OK (or an error). */
RSP_HANDLER(rsp_cmd_monitor)
{
    size_t n = a->len / 2;
    char *command;
    GString *out;
    int err;

    if (a->sep != ',' || a->len % 2 != 0) {
        rsp_reply_bad_request(conn, reply, "bad qRcmd packet");
        return RSP_REPLY;
    }
    if (!conn->target->ops->monitor)
        return RSP_REPLY;   /* gdb: "target does not support this command" */
    command = g_malloc(n + 1);
    if (!rsp_hex_decode(a->args, (uint8_t *)command, n)
        || memchr(command, '\0', n) != NULL) {
        g_free(command);
        rsp_reply_bad_request(conn, reply, "bad hex in qRcmd packet");
        return RSP_REPLY;
    }
    command[n] = '\0';
    out = g_string_new(NULL);
    err = conn->target->ops->monitor(conn->target, command, out);
    send_console_output(conn, out);
    if (err < 0)
        rsp_reply_error(conn, reply, err);
    else
        g_string_append(reply, "OK");
    g_string_free(out, TRUE);
    g_free(command);
    return RSP_REPLY;
}

RSP_HANDLER(rsp_cmd_attached)
{
    /* Every program behind backstep was started by backstep, not attached
     * to: as with gdbserver, gdb's quit kills it (after asking), and
     * `detach` is there to let it run on. */
    g_string_append(reply, "0");
    return RSP_REPLY;
}

RSP_HANDLER(rsp_cmd_symbol)
{
    /* No symbol lookups needed. */
    g_string_append(reply, "OK");
    return RSP_REPLY;
}
