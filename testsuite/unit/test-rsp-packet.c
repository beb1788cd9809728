/* The packet codec: framing, checksums, escapes, run-length encoding,
 * resynchronization, size limits, acks and interrupts. */
#include <glib.h>
#include <string.h>

#include "rsp/conn.h"
#include "rsp/packet.h"
#include "testsuite/unit/fake-target.h"

/* Feed everything; collect the packets (as GBytes) and count events. */
struct rx_result {
    GPtrArray *packets;     /* of GBytes */
    GArray *checksum_ok;    /* of gboolean, per packet */
    int oversized, malformed, interrupts, acks, naks;
};

static void rx_result_clear(struct rx_result *r)
{
    g_ptr_array_unref(r->packets);
    g_array_unref(r->checksum_ok);
}

static void feed_chunks(struct rsp_rx *rx, const void *data, size_t len,
                        size_t chunk, struct rx_result *r)
{
    const uint8_t *p = data;

    while (len > 0) {
        size_t n = MIN(chunk, len);
        size_t off = 0;
        while (off < n) {
            struct rsp_rx_event ev;
            size_t used = rsp_rx_feed(rx, p + off, n - off, &ev);
            g_assert_cmpuint(used, >, 0);
            off += used;
            switch (ev.type) {
            case RSP_RX_NONE:
                g_assert_cmpuint(off, ==, n);
                break;
            case RSP_RX_PACKET: {
                gboolean ok = ev.checksum_ok;
                g_assert_cmpint(ev.payload[ev.len], ==, '\0');
                g_ptr_array_add(r->packets, g_bytes_new(ev.payload, ev.len));
                g_array_append_val(r->checksum_ok, ok);
                r->oversized += ev.oversized;
                r->malformed += ev.malformed;
                break;
            }
            case RSP_RX_INTERRUPT:
                r->interrupts++;
                break;
            case RSP_RX_ACK:
                r->acks++;
                break;
            case RSP_RX_NAK:
                r->naks++;
                break;
            }
        }
        p += n;
        len -= n;
    }
}

static struct rx_result decode(const void *data, size_t len, size_t chunk)
{
    struct rsp_rx rx;
    struct rx_result r = {
        .packets = g_ptr_array_new_with_free_func(
            (GDestroyNotify)g_bytes_unref),
        .checksum_ok = g_array_new(FALSE, FALSE, sizeof(gboolean)),
    };

    rsp_rx_init(&rx);
    feed_chunks(&rx, data, len, chunk, &r);
    rsp_rx_destroy(&rx);
    return r;
}

static void assert_packet(struct rx_result *r, guint i, const void *want,
                          size_t want_len, gboolean checksum_ok)
{
    gsize len;
    const void *data;

    g_assert_cmpuint(i, <, r->packets->len);
    data = g_bytes_get_data(g_ptr_array_index(r->packets, i), &len);
    g_assert_cmpmem(data, len, want, want_len);
    g_assert_cmpint(g_array_index(r->checksum_ok, gboolean, i), ==,
                    checksum_ok);
}

static char *frame(const char *payload, size_t len, bool rle)
{
    GString *out = g_string_new("junk to be cleared");

    rsp_frame_packet(out, payload, len, rle);
    return g_string_free(out, FALSE);
}

static void test_frame_checksum(void)
{
    char *f = frame("OK", 2, false);
    g_assert_cmpstr(f, ==, "$OK#9a");
    g_free(f);
    f = frame("", 0, false);
    g_assert_cmpstr(f, ==, "$#00");
    g_free(f);
    f = frame("qSupported", 10, true);
    g_assert_cmpstr(f, ==, "$qSupported#37");
    g_free(f);
}

static void test_decode_simple(void)
{
    static const char in[] = "$g#67$m10,4#2e$g#00";
    struct rx_result r = decode(in, strlen(in), 1000);

    g_assert_cmpuint(r.packets->len, ==, 3);
    assert_packet(&r, 0, "g", 1, TRUE);
    assert_packet(&r, 1, "m10,4", 5, TRUE);
    assert_packet(&r, 2, "g", 1, FALSE);   /* wrong checksum */
    rx_result_clear(&r);
}

static void test_decode_uppercase_and_bad_checksum_digits(void)
{
    static const char in[] = "$OK#9A$OK#zz";
    struct rx_result r = decode(in, strlen(in), 1000);

    g_assert_cmpuint(r.packets->len, ==, 2);
    assert_packet(&r, 0, "OK", 2, TRUE);
    assert_packet(&r, 1, "OK", 2, FALSE);
    rx_result_clear(&r);
}

static void test_decode_escapes(void)
{
    /* '#' '$' '}' '*' escaped, and a NUL byte, which needs no escape. */
    static const uint8_t in[] = {
        '$', 'X', '}', 0x03, '}', 0x04, '}', ']', '}', 0x0a, 0x00, '#',
        0, 0,
    };
    static const uint8_t want[] = { 'X', '#', '$', '}', '*', 0x00 };
    uint8_t framed[sizeof(in)];
    uint8_t sum = 0;

    memcpy(framed, in, sizeof(in));
    for (size_t i = 1; i < sizeof(in) - 3; i++)
        sum += in[i];
    framed[sizeof(in) - 2] = "0123456789abcdef"[sum >> 4];
    framed[sizeof(in) - 1] = "0123456789abcdef"[sum & 0xf];
    struct rx_result r = decode(framed, sizeof(framed), 1000);
    g_assert_cmpuint(r.packets->len, ==, 1);
    assert_packet(&r, 0, want, sizeof(want), TRUE);
    rx_result_clear(&r);
}

static void test_decode_run_length(void)
{
    /* "0* " is '0' and 3 more; the checksum covers the raw bytes. */
    char *f = g_strdup_printf("$0* 1#%02x", ('0' + '*' + ' ' + '1') & 0xff);
    struct rx_result r = decode(f, strlen(f), 1000);

    g_assert_cmpuint(r.packets->len, ==, 1);
    assert_packet(&r, 0, "00001", 5, TRUE);
    g_assert_cmpint(r.malformed, ==, 0);
    rx_result_clear(&r);
    g_free(f);
}

static void test_decode_bad_run_length(void)
{
    /* A repeat with nothing before it, and a count below ' '. */
    static const char in[] = "$*5#5f$a*\x01#8c";
    struct rx_result r = decode(in, strlen(in), 1000);

    g_assert_cmpuint(r.packets->len, ==, 2);
    g_assert_cmpint(r.malformed, ==, 2);
    rx_result_clear(&r);
}

static void test_encode_run_length(void)
{
    /* 8 zeros: '0' + 7 repeats would be '$' (36), 6 would be '#' (35),
     * so the run is cut at 5 repeats ('"') and 2 zeros follow. */
    char *f = frame("00000000", 8, true);
    g_assert_cmpstr(f, ==, "$0*\"00#dc");
    g_free(f);
    /* 3 equal characters are not worth a run. */
    f = frame("xxx", 3, true);
    g_assert_cmpstr(f, ==, "$xxx#68");
    g_free(f);
    /* 4: one and three repeats, count ' '. */
    f = frame("aaaa", 4, true);
    g_assert_cmpstr(f, ==, "$a* #ab");
    g_free(f);
}

static void test_encode_never_splits_escapes(void)
{
    static const uint8_t stars[6] = { '*', '*', '*', '*', '*', '*' };
    GString *payload = g_string_new(NULL);
    char *f;

    rsp_escape_binary(payload, stars, sizeof(stars));
    g_assert_cmpstr(payload->str, ==, "}\n}\n}\n}\n}\n}\n");
    f = frame(payload->str, payload->len, true);
    /* Escape pairs are copied as they are, never turned into runs. */
    g_assert_true(g_str_has_prefix(f, "$}\n}\n}\n}\n}\n}\n#"));
    g_free(f);
    g_string_free(payload, TRUE);
}

static void test_round_trip(void)
{
    /* Binary data with long runs and every byte value: escape, frame with
     * run-length encoding, decode; we must get the data back. */
    uint8_t data[2000];
    GString *escaped = g_string_new(NULL);

    for (size_t i = 0; i < sizeof(data); i++)
        data[i] = i < 700 ? (uint8_t)i : i < 1500 ? 0 : (uint8_t)(i / 7);
    GString *framed = g_string_new(NULL);
    rsp_escape_binary(escaped, data, sizeof(data));
    /* The data holds NUL bytes: lengths, not strlen. */
    rsp_frame_packet(framed, escaped->str, escaped->len, true);
    g_assert_cmpuint(framed->len, <, escaped->len);   /* compressed */
    struct rx_result r = decode(framed->str, framed->len, 1000);
    g_assert_cmpuint(r.packets->len, ==, 1);
    assert_packet(&r, 0, data, sizeof(data), TRUE);
    rx_result_clear(&r);
    g_string_free(framed, TRUE);
    g_string_free(escaped, TRUE);
}

static void test_unescape_binary(void)
{
    uint8_t buf[] = { 'a', '}', 0x03, '}', ']', 'b' };
    size_t n = rsp_unescape_binary(buf, sizeof(buf));

    g_assert_cmpmem(buf, n, "a#}b", 4);
}

static void test_one_byte_feeds(void)
{
    static const char in[] = "+$qSupported:swbreak+;hwbreak+#d5-$?#3f";
    struct rx_result r = decode(in, strlen(in), 1);

    g_assert_cmpuint(r.packets->len, ==, 2);
    assert_packet(&r, 0, "qSupported:swbreak+;hwbreak+", 28, TRUE);
    assert_packet(&r, 1, "?", 1, TRUE);
    g_assert_cmpint(r.acks, ==, 1);
    g_assert_cmpint(r.naks, ==, 1);
    rx_result_clear(&r);
}

static void test_garbage_and_resync(void)
{
    /* Noise between packets is dropped; a '$' inside a packet starts a
     * new one (the first was cut short). */
    static const char in[] = "\r\nnoise#00$abc$g#67 more$?#3f";
    struct rx_result r = decode(in, strlen(in), 3);

    g_assert_cmpuint(r.packets->len, ==, 2);
    assert_packet(&r, 0, "g", 1, TRUE);
    assert_packet(&r, 1, "?", 1, TRUE);
    rx_result_clear(&r);
}

static void test_interrupt_bytes(void)
{
    /* 0x03 between packets is an interrupt; inside one it is data. */
    static const char in[] = "\x03$a\x03#64\x03";
    struct rx_result r = decode(in, strlen(in), 1000);

    g_assert_cmpint(r.interrupts, ==, 2);
    g_assert_cmpuint(r.packets->len, ==, 1);
    assert_packet(&r, 0, "a\x03", 2, TRUE);
    rx_result_clear(&r);
}

static void test_oversized_bounded(void)
{
    size_t big = 1u << 20;
    GString *in = g_string_new("$");
    struct rsp_rx rx;
    struct rx_result r = {
        .packets = g_ptr_array_new_with_free_func(
            (GDestroyNotify)g_bytes_unref),
        .checksum_ok = g_array_new(FALSE, FALSE, sizeof(gboolean)),
    };

    for (size_t i = 0; i < big; i++)
        g_string_append_c(in, 'a');
    g_string_append(in, "#00$g#67");
    rsp_rx_init(&rx);
    feed_chunks(&rx, in->str, in->len, 4096, &r);
    /* The buffer never grew past the limit. */
    g_assert_cmpuint(rx.buf->len, <=, RSP_PACKET_LIMIT);
    rsp_rx_destroy(&rx);
    g_assert_cmpuint(r.packets->len, ==, 2);
    g_assert_cmpint(r.oversized, ==, 1);
    assert_packet(&r, 1, "g", 1, TRUE);
    rx_result_clear(&r);
    g_string_free(in, TRUE);
}

static void test_run_length_cannot_blow_up(void)
{
    /* Many short runs that each expand 97 times, past the limit. */
    GString *in = g_string_new("$");
    struct rx_result r;

    for (int i = 0; i < 5000; i++)
        g_string_append(in, "a*~");
    g_string_append(in, "#00");
    r = decode(in->str, in->len, 1 << 16);
    g_assert_cmpuint(r.packets->len, ==, 1);
    g_assert_cmpint(r.oversized, ==, 1);
    rx_result_clear(&r);
    g_string_free(in, TRUE);
}

/* The same rules through a connection: acks, NAKs, retransmission. */

static void test_conn_bad_checksum_then_recovery(void)
{
    struct fake_peer *peer = fake_peer_new();
    GPtrArray *packets;
    int acks, naks;
    char *reply;

    fake_peer_feed(peer, "$?#00", 5);
    packets = fake_peer_take(peer, &acks, &naks);
    g_assert_cmpint(naks, ==, 1);
    g_assert_cmpint(acks, ==, 0);
    g_assert_cmpuint(packets->len, ==, 0);
    g_ptr_array_unref(packets);

    reply = fake_peer_transact(peer, "vMustReplyEmpty");
    g_assert_cmpstr(reply, ==, "");
    g_free(reply);
    fake_peer_free(peer);
}

static void test_conn_nak_retransmits(void)
{
    struct fake_peer *peer = fake_peer_new();
    char *reply = fake_peer_transact(peer, "qAttached");

    g_assert_cmpstr(reply, ==, "0");
    g_free(reply);
    fake_peer_feed(peer, "-", 1);
    g_assert_cmpstr(peer->out->str, ==, "$0#30");
    g_string_truncate(peer->out, 0);
    /* Even after an ack, '-' asks for it again. */
    fake_peer_feed(peer, "+-", 2);
    g_assert_cmpstr(peer->out->str, ==, "$0#30");
    g_string_truncate(peer->out, 0);
    fake_peer_free(peer);
}

static void test_conn_no_ack_mode(void)
{
    struct fake_peer *peer = fake_peer_new();

    fake_peer_send(peer, "QStartNoAckMode");
    g_assert_cmpstr(peer->out->str, ==, "+$OK#9a");
    g_string_truncate(peer->out, 0);
    /* gdb acks the OK; from then on nobody acks. */
    fake_peer_feed(peer, "+", 1);
    fake_peer_send(peer, "qAttached");
    g_assert_cmpstr(peer->out->str, ==, "$0#30");
    g_string_truncate(peer->out, 0);
    /* No NAK in no-ack mode, and a bad checksum is trusted. */
    fake_peer_feed(peer, "$qAttached#00", 13);
    g_assert_cmpstr(peer->out->str, ==, "$0#30");
    g_string_truncate(peer->out, 0);
    fake_peer_feed(peer, "-", 1);
    g_assert_cmpstr(peer->out->str, ==, "");
    fake_peer_free(peer);
}

static void test_conn_oversized_packet(void)
{
    struct fake_peer *peer = fake_peer_new();
    GString *big = g_string_new("M10000,80000:");
    char *reply;

    while (big->len < (1u << 20))
        g_string_append(big, "00");
    reply = fake_peer_transact(peer, big->str);
    g_assert_cmpstr(reply, ==, "E07");     /* E2BIG */
    g_free(reply);
    reply = fake_peer_transact(peer, "m10000,2");
    g_assert_cmpstr(reply, ==, "0001");
    g_free(reply);
    g_string_free(big, TRUE);
    fake_peer_free(peer);
}

static void test_conn_one_byte_feeds(void)
{
    struct fake_peer *peer = fake_peer_new();
    static const char in[] = "$qAttached#8f";
    GPtrArray *packets;
    int acks, naks;

    for (size_t i = 0; i < strlen(in); i++)
        fake_peer_feed(peer, in + i, 1);
    packets = fake_peer_take(peer, &acks, &naks);
    g_assert_cmpint(acks, ==, 1);
    g_assert_cmpuint(packets->len, ==, 1);
    g_assert_cmpstr(((GString *)g_ptr_array_index(packets, 0))->str, ==,
                    "0");
    g_ptr_array_unref(packets);
    fake_peer_free(peer);
}

static void test_conn_interrupt(void)
{
    struct fake_peer *peer = fake_peer_new();
    GPtrArray *packets;
    int acks, naks;

    /* Stopped: nothing to interrupt. */
    fake_peer_feed(peer, "\x03", 1);
    g_assert_cmpint(peer->ft->interrupt_calls, ==, 0);

    fake_peer_send(peer, "c");
    g_assert_true(rsp_conn_target_running(peer->conn));
    g_assert_cmpstr(peer->out->str, ==, "+");
    g_string_truncate(peer->out, 0);
    fake_peer_feed(peer, "\x03", 1);
    g_assert_cmpint(peer->ft->interrupt_calls, ==, 1);
    g_assert_cmpstr(peer->out->str, ==, "");

    struct rsp_stop stop = {
        .kind = RSP_STOP_SIGNAL, .signal = 2,
        .thread = { FAKE_PID, FAKE_TID1 },
    };
    rsp_conn_report_stop(peer->conn, &stop);
    g_assert_false(rsp_conn_target_running(peer->conn));
    packets = fake_peer_take(peer, &acks, &naks);
    g_assert_cmpuint(packets->len, ==, 1);
    g_assert_true(g_str_has_prefix(
        ((GString *)g_ptr_array_index(packets, 0))->str, "T02"));
    g_ptr_array_unref(packets);

    /* A second stop report with nothing running is ignored. */
    rsp_conn_report_stop(peer->conn, &stop);
    g_assert_cmpstr(peer->out->str, ==, "");
    fake_peer_free(peer);
}

static void test_conn_packets_while_running(void)
{
    struct fake_peer *peer = fake_peer_new();
    GPtrArray *packets;
    int acks, naks;

    fake_peer_send(peer, "c");
    fake_peer_send(peer, "qAttached");
    fake_peer_send(peer, "s");
    fake_peer_send(peer, "qAttached");
    packets = fake_peer_take(peer, &acks, &naks);
    g_assert_cmpint(acks, ==, 4);
    g_assert_cmpuint(packets->len, ==, 0);  /* held back while running */
    g_ptr_array_unref(packets);

    struct rsp_stop stop = {
        .kind = RSP_STOP_SIGNAL, .signal = 5,
        .thread = { FAKE_PID, FAKE_TID1 },
    };
    rsp_conn_report_stop(peer->conn, &stop);
    /* The stop reply, then qAttached's reply; 's' resumed again, so the
     * last qAttached waits for the next stop. */
    packets = fake_peer_take(peer, &acks, &naks);
    g_assert_cmpuint(packets->len, ==, 2);
    g_assert_cmpstr(((GString *)g_ptr_array_index(packets, 1))->str, ==,
                    "0");
    g_ptr_array_unref(packets);
    g_assert_true(rsp_conn_target_running(peer->conn));
    g_assert_cmpint(peer->ft->resume_calls, ==, 2);

    rsp_conn_report_stop(peer->conn, &stop);
    packets = fake_peer_take(peer, &acks, &naks);
    g_assert_cmpuint(packets->len, ==, 2);
    g_ptr_array_unref(packets);
    fake_peer_free(peer);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/rsp/packet/frame-checksum", test_frame_checksum);
    g_test_add_func("/rsp/packet/decode-simple", test_decode_simple);
    g_test_add_func("/rsp/packet/decode-checksum-digits",
                    test_decode_uppercase_and_bad_checksum_digits);
    g_test_add_func("/rsp/packet/decode-escapes", test_decode_escapes);
    g_test_add_func("/rsp/packet/decode-run-length", test_decode_run_length);
    g_test_add_func("/rsp/packet/decode-bad-run-length",
                    test_decode_bad_run_length);
    g_test_add_func("/rsp/packet/encode-run-length", test_encode_run_length);
    g_test_add_func("/rsp/packet/encode-keeps-escapes",
                    test_encode_never_splits_escapes);
    g_test_add_func("/rsp/packet/round-trip", test_round_trip);
    g_test_add_func("/rsp/packet/unescape", test_unescape_binary);
    g_test_add_func("/rsp/packet/one-byte-feeds", test_one_byte_feeds);
    g_test_add_func("/rsp/packet/garbage-and-resync", test_garbage_and_resync);
    g_test_add_func("/rsp/packet/interrupt-bytes", test_interrupt_bytes);
    g_test_add_func("/rsp/packet/oversized-bounded", test_oversized_bounded);
    g_test_add_func("/rsp/packet/run-length-bounded",
                    test_run_length_cannot_blow_up);
    g_test_add_func("/rsp/conn/bad-checksum-recovery",
                    test_conn_bad_checksum_then_recovery);
    g_test_add_func("/rsp/conn/nak-retransmits", test_conn_nak_retransmits);
    g_test_add_func("/rsp/conn/no-ack-mode", test_conn_no_ack_mode);
    g_test_add_func("/rsp/conn/oversized-packet", test_conn_oversized_packet);
    g_test_add_func("/rsp/conn/one-byte-feeds", test_conn_one_byte_feeds);
    g_test_add_func("/rsp/conn/interrupt", test_conn_interrupt);
    g_test_add_func("/rsp/conn/packets-while-running",
                    test_conn_packets_while_running);
    return g_test_run();
}
