/* The debugger's end of an rsp_conn under fuzz; see rsp-wire.h. */
#include "testsuite/fuzz/rsp-wire.h"

#include "rsp/packet.h"
#include "testsuite/fuzz/fuzz.h"

/* The largest decoded reply we accept. Replies are bounded by what the
 * debugger asked for, which rsp/ bounds by the PacketSize it advertised;
 * hex doubles binary, and a little slack covers prefixes. */
#define REPLY_LIMIT (2 * RSP_PACKET_SIZE + 256)
#define RLE_BIAS 29

static int hex_digit(uint8_t c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Check one framed packet and decode it into w->last_reply the way gdb
 * reads it: runs expanded, escapes left as they are. */
static void check_packet(struct rsp_wire *w, const uint8_t *p, size_t len)
{
    uint8_t sum = 0;
    size_t i = 1, end;
    bool after_escape = false;    /* p[i-1] was the second byte of "}x" */

    FUZZ_CHECK(len >= 4 && p[0] == '$' && p[len - 3] == '#',
               "reply not framed as $...#cs (%zu bytes)", len);
    end = len - 3;
    g_string_truncate(w->last_reply, 0);
    while (i < end) {
        uint8_t c = p[i];
        FUZZ_CHECK(c != '$' && c != '#',
                   "unescaped '%c' inside a reply at byte %zu", c, i);
        sum += c;
        if (c == '}') {
            FUZZ_CHECK(i + 1 < end, "reply ends inside an escape");
            sum += p[i + 1];
            FUZZ_CHECK(p[i + 1] != '$' && p[i + 1] != '#',
                       "escape followed by a framing byte");
            g_string_append_c(w->last_reply, (char)c);
            g_string_append_c(w->last_reply, (char)p[i + 1]);
            i += 2;
            after_escape = true;
            continue;
        }
        if (c == '*') {
            FUZZ_CHECK(w->last_reply->len > 0 && !after_escape,
                       "run-length '*' with nothing (or an escape) to repeat");
            FUZZ_CHECK(i + 1 < end, "reply ends inside a run-length pair");
            uint8_t count = p[i + 1];
            FUZZ_CHECK(count >= RLE_BIAS + 3 && count <= 126 && count != '#'
                           && count != '$',
                       "bad run-length count byte 0x%02x", count);
            sum += count;
            char prev = w->last_reply->str[w->last_reply->len - 1];
            for (int k = 0; k < count - RLE_BIAS; k++)
                g_string_append_c(w->last_reply, prev);
            i += 2;
            after_escape = false;
            continue;
        }
        g_string_append_c(w->last_reply, (char)c);
        after_escape = false;
        i++;
        FUZZ_CHECK(w->last_reply->len <= REPLY_LIMIT,
                   "reply longer than %u bytes", REPLY_LIMIT);
    }
    int hi = hex_digit(p[len - 2]), lo = hex_digit(p[len - 1]);
    FUZZ_CHECK(hi >= 0 && lo >= 0, "reply checksum is not hex");
    FUZZ_CHECK((hi << 4 | lo) == sum, "reply checksum %02x, bytes sum to %02x",
               hi << 4 | lo, sum);
}

static void wire_receive(void *opaque, const uint8_t *data, size_t len)
{
    struct rsp_wire *w = opaque;

    FUZZ_CHECK(len > 0, "empty send");
    g_string_append_len(w->raw, (const char *)data, (gssize)len);
    if (len == 1 && data[0] == '+') {
        w->acks++;
        return;
    }
    if (len == 1 && data[0] == '-') {
        w->naks++;
        return;
    }
    check_packet(w, data, len);
    w->packets++;
}

struct rsp_wire *rsp_wire_new(void)
{
    struct rsp_wire *w = g_new0(struct rsp_wire, 1);

    w->ft = fake_target_new();
    w->last_reply = g_string_new(NULL);
    w->raw = g_string_new(NULL);
    w->conn = rsp_conn_new(&w->ft->base, wire_receive, w);
    return w;
}

void rsp_wire_free(struct rsp_wire *w)
{
    rsp_conn_free(w->conn);
    fake_target_free(w->ft);
    g_string_free(w->last_reply, TRUE);
    g_string_free(w->raw, TRUE);
    g_free(w);
}

void rsp_wire_reset_counts(struct rsp_wire *w)
{
    w->acks = w->naks = w->packets = 0;
}

void rsp_wire_feed(struct rsp_wire *w, const void *data, size_t len)
{
    rsp_conn_feed(w->conn, data, len);
}

void rsp_wire_send(struct rsp_wire *w, const void *payload, size_t len)
{
    GString *frame = g_string_sized_new(len + 4);
    const uint8_t *p = payload;
    uint8_t sum = 0;

    g_string_append_c(frame, '$');
    for (size_t i = 0; i < len; i++) {
        uint8_t c = p[i];
        if (c == '#' || c == '$' || c == '}' || c == '*') {
            g_string_append_c(frame, '}');
            sum += '}';
            c ^= 0x20;
        }
        g_string_append_c(frame, (char)c);
        sum += c;
    }
    g_string_append_printf(frame, "#%02x", sum);
    rsp_conn_feed(w->conn, (const uint8_t *)frame->str, frame->len);
    g_string_free(frame, TRUE);
}

void rsp_wire_report_stop(struct rsp_wire *w, const struct rsp_stop *stop)
{
    rsp_conn_report_stop(w->conn, stop);
}
