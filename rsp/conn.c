/* One debugger connection: acks, the running state, and the queue of
 * packets that arrive while the target runs. */
#include "rsp/conn-private.h"

#include <errno.h>
#include <string.h>

/* Packets arriving while the target runs are unusual in all-stop mode;
 * keep a few, bounded, rather than trusting the peer. */
#define PENDING_MAX_PACKETS 64
#define PENDING_MAX_BYTES (1u << 20)

struct rsp_conn *rsp_conn_new(struct rsp_target *target, rsp_send_fn send,
                              void *send_opaque)
{
    struct rsp_conn *conn = g_new0(struct rsp_conn, 1);

    conn->target = target;
    conn->send = send;
    conn->send_opaque = send_opaque;
    rsp_rx_init(&conn->rx);
    conn->run_length = true;
    conn->last_packet = g_string_new(NULL);
    conn->scratch = g_string_new(NULL);
    g_queue_init(&conn->pending);
    g_queue_init(&conn->stop_notes);
    conn->g_thread = (struct rsp_ptid){ 0, 0 };
    conn->c_thread = (struct rsp_ptid){ 0, 0 };
    conn->stop_thread = (struct rsp_ptid){ 0, 0 };
    conn->run.env = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                          g_free);
    /* gdb's default ("set disable-randomization on"), like gdbserver. */
    conn->run.disable_randomization = true;
    return conn;
}

void rsp_conn_free(struct rsp_conn *conn)
{
    if (!conn)
        return;
    rsp_rx_destroy(&conn->rx);
    g_string_free(conn->last_packet, TRUE);
    g_string_free(conn->scratch, TRUE);
    g_queue_clear_full(&conn->pending, (GDestroyNotify)g_bytes_unref);
    rsp_nonstop_clear(conn);
    if (conn->thread_list)
        g_array_unref(conn->thread_list);
    rsp_conn_drop_osdata(conn);
    g_hash_table_unref(conn->run.env);
    g_free(conn->run.working_dir);
    g_strfreev(conn->run.last_argv);
    g_free(conn);
}

static void send_raw(struct rsp_conn *conn, const char *data, size_t len)
{
    conn->send(conn->send_opaque, (const uint8_t *)data, len);
}

void rsp_conn_send_packet(struct rsp_conn *conn, const char *payload,
                          size_t len)
{
    rsp_frame_packet(conn->scratch, payload, len, conn->run_length);
    send_raw(conn, conn->scratch->str, conn->scratch->len);
    if (!conn->no_ack) {
        /* Binary replies hold NUL bytes: copy by length, not as a string. */
        g_string_truncate(conn->last_packet, 0);
        g_string_append_len(conn->last_packet, conn->scratch->str,
                            conn->scratch->len);
    }
}

void rsp_conn_send_notification(struct rsp_conn *conn, const char *name,
                                const char *payload)
{
    GString *body = g_string_new(name);

    g_string_append_c(body, ':');
    g_string_append(body, payload);
    /* Framed as a packet, then '%' for '$' (the checksum covers the same
     * bytes). No run-length encoding: gdbserver sends none in
     * notifications, and a debugger need not expect it there. */
    rsp_frame_packet(conn->scratch, body->str, body->len, false);
    conn->scratch->str[0] = '%';
    send_raw(conn, conn->scratch->str, conn->scratch->len);
    g_string_free(body, TRUE);
}

static void queue_pending(struct rsp_conn *conn, const char *packet,
                          size_t len)
{
    if (g_queue_get_length(&conn->pending) >= PENDING_MAX_PACKETS
        || conn->pending_bytes + len > PENDING_MAX_BYTES)
        return;     /* dropped: the peer broke all-stop's rules */
    g_queue_push_tail(&conn->pending, g_bytes_new(packet, len));
    conn->pending_bytes += len;
}

static void handle_packet(struct rsp_conn *conn, const struct rsp_rx_event *ev)
{
    GString *reply;

    if (!conn->no_ack) {
        if (!ev->checksum_ok) {
            send_raw(conn, "-", 1);     /* the peer sends it again */
            return;
        }
        send_raw(conn, "+", 1);
    }
    /* Without acks the transport is trusted: a bad checksum is the peer's
     * bug, and the peer waits for a reply, so we act on the packet. */
    if (conn->finished)
        return;
    if (ev->oversized || ev->malformed) {
        if (conn->running)
            return;
        reply = g_string_new(NULL);
        if (ev->oversized)
            rsp_reply_error(conn, reply, -E2BIG);
        else
            rsp_reply_bad_request(conn, reply, "bad escape or repeat count");
        rsp_conn_send_packet(conn, reply->str, reply->len);
        g_string_free(reply, TRUE);
        return;
    }
    if (conn->running) {
        queue_pending(conn, ev->payload, ev->len);
        return;
    }
    rsp_dispatch(conn, ev->payload, ev->len);
}

/* Whether data (what follows a packet in the same read) starts, after
 * acknowledgements, with a Ctrl-C. */
static bool interrupt_follows(const uint8_t *data, size_t len)
{
    size_t i = 0;

    while (i < len && (data[i] == '+' || data[i] == '-'))
        i++;
    return i < len && data[i] == 0x03;
}

bool rsp_conn_take_interrupt(struct rsp_conn *conn)
{
    if (!conn->interrupt_ahead || conn->interrupt_taken)
        return false;
    conn->interrupt_taken = true;
    return true;
}

void rsp_conn_feed(struct rsp_conn *conn, const uint8_t *data, size_t len)
{
    struct rsp_rx_event ev;

    while (len > 0) {
        size_t used = rsp_rx_feed(&conn->rx, data, len, &ev);
        data += used;
        len -= used;

        switch (ev.type) {
        case RSP_RX_NONE:
        case RSP_RX_ACK:
            break;
        case RSP_RX_NAK:
            /* Like QEMU's stub, and unlike gdbserver, a '-' resends the
             * last packet even after it was acked: the debugger's word
             * wins over our idea of what it has seen. */
            if (!conn->no_ack && conn->last_packet->len > 0)
                send_raw(conn, conn->last_packet->str, conn->last_packet->len);
            break;
        case RSP_RX_INTERRUPT:
            if (conn->interrupt_taken) {
                conn->interrupt_taken = false;  /* it did its work */
                break;
            }
            /* Ctrl-C while stopped (a race with the stop reply) has
             * nothing to interrupt. */
            if (conn->running && conn->target->ops->interrupt)
                conn->target->ops->interrupt(conn->target);
            break;
        case RSP_RX_PACKET:
            /* A Ctrl-C sent soon after a packet may come in the same
             * read (the debugger's Nagle delay): the command it meant
             * to stop must be able to see it. */
            conn->interrupt_ahead = interrupt_follows(data, len);
            conn->interrupt_taken = false;
            handle_packet(conn, &ev);
            conn->interrupt_ahead = false;
            break;
        }
    }
}

void rsp_conn_report_stop(struct rsp_conn *conn, const struct rsp_stop *stop)
{
    GString *reply;

    /* Non-stop: threads stop one by one while others run; each stop is
     * queued for the debugger rather than answering a resume. */
    if (conn->non_stop) {
        if (!conn->finished)
            rsp_nonstop_report_stop(conn, stop);
        return;
    }
    if (!conn->running)
        return;     /* a stop reply nobody waits for would desync gdb */
    conn->running = false;
    if (stop->kind == RSP_STOP_SIGNAL)
        conn->stop_thread = stop->thread;
    /* A thread that is gone cannot stand for "any thread" any more. */
    if (stop->kind == RSP_STOP_THREAD_EXITED
        && conn->stop_thread.tid == stop->thread.tid)
        conn->stop_thread = (struct rsp_ptid){ 0, 0 };

    reply = g_string_new(NULL);
    rsp_format_stop_reply(conn, stop, reply);
    rsp_conn_send_packet(conn, reply->str, reply->len);
    g_string_free(reply, TRUE);

    /* Replay what arrived while running, until one of them resumes. */
    while (!conn->running && !conn->finished
           && !g_queue_is_empty(&conn->pending)) {
        GBytes *packet = g_queue_pop_head(&conn->pending);
        gsize len;
        const char *data = g_bytes_get_data(packet, &len);
        /* GBytes data is not NUL-terminated: handlers expect it. */
        char *copy = g_strndup(data ? data : "", len);

        conn->pending_bytes -= len;
        rsp_dispatch(conn, copy, len);
        g_free(copy);
        g_bytes_unref(packet);
    }
}

bool rsp_conn_target_running(const struct rsp_conn *conn)
{
    return conn->running;
}

bool rsp_conn_finished(const struct rsp_conn *conn)
{
    return conn->finished;
}

/* A message for "E.text": printable ASCII, without the characters that
 * frame packets. */
static void append_message(GString *reply, const char *text)
{
    for (const char *p = text; *p; p++) {
        char c = *p;
        if (c < 0x20 || c > 0x7e || c == '$' || c == '#' || c == '*'
            || c == '}')
            c = '?';
        g_string_append_c(reply, c);
    }
}

void rsp_reply_error(struct rsp_conn *conn, GString *reply, int neg_errno)
{
    int err = neg_errno < 0 ? -neg_errno : neg_errno;

    if (err == 0)
        err = EIO;
    g_string_truncate(reply, 0);
    if (conn->peer.error_message) {
        g_string_append(reply, "E.");
        append_message(reply, g_strerror(err));
    } else {
        g_string_append_printf(reply, "E%02x", err & 0xff);
    }
}

void rsp_reply_bad_request(struct rsp_conn *conn, GString *reply,
                           const char *what)
{
    g_string_truncate(reply, 0);
    if (conn->peer.error_message) {
        g_string_append(reply, "E.");
        append_message(reply, what);
    } else {
        g_string_append_printf(reply, "E%02x", EINVAL);
    }
}
