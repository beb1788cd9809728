/* The packet codec: framing, escapes, run-length encoding. */
#include "rsp/packet.h"

#include "rsp/hex.h"

/* Run-length counts are sent as count + 29 so that they are printable. */
#define RLE_BIAS 29
#define RLE_MIN_REPEAT 3    /* ' ': the smallest printable count */
#define RLE_MAX_REPEAT (126 - RLE_BIAS)

void rsp_rx_init(struct rsp_rx *rx)
{
    rx->state = RSP_RX_IDLE;
    rx->buf = g_byte_array_new();
    rx->sum = 0;
    rx->sent_sum = 0;
    rx->csum_valid = false;
    rx->oversized = false;
    rx->malformed = false;
}

void rsp_rx_destroy(struct rsp_rx *rx)
{
    if (rx->buf)
        g_byte_array_unref(rx->buf);
    rx->buf = NULL;
}

static void start_packet(struct rsp_rx *rx)
{
    g_byte_array_set_size(rx->buf, 0);
    rx->state = RSP_RX_DATA;
    rx->sum = 0;
    rx->sent_sum = 0;
    rx->csum_valid = true;
    rx->oversized = false;
    rx->malformed = false;
}

static void append_decoded(struct rsp_rx *rx, uint8_t byte, size_t count)
{
    if (rx->oversized)
        return;
    if (rx->buf->len + count > RSP_PACKET_LIMIT) {
        /* Drop what we have so a hostile peer cannot pin the memory. */
        rx->oversized = true;
        g_byte_array_set_size(rx->buf, 0);
        return;
    }
    for (size_t i = 0; i < count; i++)
        g_byte_array_append(rx->buf, &byte, 1);
}

static void packet_event(struct rsp_rx *rx, struct rsp_rx_event *ev)
{
    static const uint8_t nul = 0;

    /* Terminate without counting the NUL in len. */
    g_byte_array_append(rx->buf, &nul, 1);
    g_byte_array_set_size(rx->buf, rx->buf->len - 1);
    ev->type = RSP_RX_PACKET;
    ev->payload = (const char *)rx->buf->data;
    ev->len = rx->buf->len;
    ev->checksum_ok = rx->csum_valid && rx->sent_sum == rx->sum;
    ev->oversized = rx->oversized;
    ev->malformed = rx->malformed;
    rx->state = RSP_RX_IDLE;
}

/* One byte between packets. Returns true if it makes an event. */
static bool idle_byte(struct rsp_rx *rx, uint8_t c, struct rsp_rx_event *ev)
{
    switch (c) {
    case '$':
        start_packet(rx);
        return false;
    case '+':
        ev->type = RSP_RX_ACK;
        return true;
    case '-':
        ev->type = RSP_RX_NAK;
        return true;
    case RSP_INTERRUPT_BYTE:
        ev->type = RSP_RX_INTERRUPT;
        return true;
    default:
        return false;   /* line noise between packets is ignored */
    }
}

/* One byte of a packet body, after '$'. */
static void data_byte(struct rsp_rx *rx, uint8_t c)
{
    uint8_t prev;

    switch (rx->state) {
    case RSP_RX_DATA:
        if (c == '#') {
            rx->state = RSP_RX_CSUM_HI;
            return;
        }
        rx->sum += c;
        if (c == '}')
            rx->state = RSP_RX_ESCAPE;
        else if (c == '*')
            rx->state = RSP_RX_REPEAT;
        else
            append_decoded(rx, c, 1);
        return;
    case RSP_RX_ESCAPE:
        rx->sum += c;
        append_decoded(rx, c ^ 0x20, 1);
        rx->state = RSP_RX_DATA;
        return;
    case RSP_RX_REPEAT:
        rx->sum += c;
        rx->state = RSP_RX_DATA;
        if (c < RLE_BIAS + RLE_MIN_REPEAT || c > RLE_BIAS + RLE_MAX_REPEAT
            || rx->buf->len == 0) {
            /* A count with nothing to repeat, or not a printable count.
             * When already oversized the buffer is empty on purpose. */
            if (!rx->oversized)
                rx->malformed = true;
            return;
        }
        prev = rx->buf->data[rx->buf->len - 1];
        append_decoded(rx, prev, (size_t)(c - RLE_BIAS));
        return;
    default:
        return;
    }
}

size_t rsp_rx_feed(struct rsp_rx *rx, const uint8_t *data, size_t len,
                   struct rsp_rx_event *ev)
{
    int digit;

    ev->type = RSP_RX_NONE;
    ev->payload = NULL;
    ev->len = 0;
    ev->checksum_ok = false;
    ev->oversized = false;
    ev->malformed = false;

    for (size_t i = 0; i < len; i++) {
        uint8_t c = data[i];

        switch (rx->state) {
        case RSP_RX_IDLE:
            if (idle_byte(rx, c, ev))
                return i + 1;
            break;
        case RSP_RX_DATA:
        case RSP_RX_ESCAPE:
        case RSP_RX_REPEAT:
            if (c == '$') {
                /* A '$' is never sent unescaped inside a packet: the
                 * previous packet was cut short; resynchronize here. */
                start_packet(rx);
                break;
            }
            if (c == '#' && rx->state != RSP_RX_DATA) {
                /* "}#" or "*#": the packet ended in the middle of an
                 * escape or a repeat. */
                rx->malformed = true;
                rx->state = RSP_RX_CSUM_HI;
                break;
            }
            data_byte(rx, c);
            break;
        case RSP_RX_CSUM_HI:
            digit = rsp_hex_digit(c);
            if (digit < 0)
                rx->csum_valid = false;
            else
                rx->sent_sum = (uint8_t)(digit << 4);
            rx->state = RSP_RX_CSUM_LO;
            break;
        case RSP_RX_CSUM_LO:
            digit = rsp_hex_digit(c);
            if (digit < 0)
                rx->csum_valid = false;
            else
                rx->sent_sum |= (uint8_t)digit;
            packet_event(rx, ev);
            return i + 1;
        }
    }
    return len;
}

static bool needs_escape(uint8_t c)
{
    return c == '#' || c == '$' || c == '}' || c == '*';
}

void rsp_escape_binary(GString *out, const uint8_t *data, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (needs_escape(data[i])) {
            g_string_append_c(out, '}');
            g_string_append_c(out, (char)(data[i] ^ 0x20));
        } else {
            g_string_append_c(out, (char)data[i]);
        }
    }
}

size_t rsp_unescape_binary(uint8_t *data, size_t len)
{
    size_t out = 0;

    for (size_t i = 0; i < len; i++) {
        if (data[i] == '}' && i + 1 < len)
            data[out++] = data[++i] ^ 0x20;
        else
            data[out++] = data[i];
    }
    return out;
}

void rsp_frame_packet(GString *out, const char *payload, size_t len,
                      bool run_length)
{
    const uint8_t *p = (const uint8_t *)payload;
    uint8_t sum = 0;
    size_t i = 0;

    g_string_truncate(out, 0);
    g_string_append_c(out, '$');
    while (i < len) {
        uint8_t c = p[i];

        if (c == '}' && i + 1 < len) {
            /* An escape pair from rsp_escape_binary: copy it whole. */
            g_string_append_c(out, '}');
            g_string_append_c(out, (char)p[i + 1]);
            sum += c + p[i + 1];
            i += 2;
            continue;
        }
        if (needs_escape(c)) {
            /* A framing character in text would end the packet early. */
            g_string_append_c(out, '}');
            g_string_append_c(out, (char)(c ^ 0x20));
            sum += '}' + (uint8_t)(c ^ 0x20);
            i++;
            continue;
        }
        g_string_append_c(out, (char)c);
        sum += c;
        i++;
        if (!run_length)
            continue;

        size_t run = 0;
        while (i + run < len && p[i + run] == c && run < RLE_MAX_REPEAT)
            run++;
        /* The count character must not be '#' or '$'. */
        while (run >= RLE_MIN_REPEAT
               && (run + RLE_BIAS == '#' || run + RLE_BIAS == '$'))
            run--;
        if (run >= RLE_MIN_REPEAT) {
            uint8_t count = (uint8_t)(run + RLE_BIAS);
            g_string_append_c(out, '*');
            g_string_append_c(out, (char)count);
            sum += '*' + count;
            i += run;
        }
    }
    g_string_append_printf(out, "#%02x", sum);
}
