/* The packet codec: "$payload#cs" framing, acks, escapes, run-length
 * encoding, interrupt bytes. No knowledge of what packets mean.
 *
 * Receiving is a byte-at-a-time state machine so that a packet may arrive
 * split anywhere across reads. Memory is bounded: a packet whose decoded
 * payload would exceed RSP_PACKET_LIMIT is still framed (so the stream
 * stays in sync) but its bytes are dropped and it is reported oversized.
 */
#ifndef BACKSTEP_RSP_PACKET_H
#define BACKSTEP_RSP_PACKET_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The PacketSize we advertise in qSupported (bytes). */
#define RSP_PACKET_SIZE 0x20000
/* What we accept: the advertised size plus room for a debugger that counts
 * the framing differently. */
#define RSP_PACKET_LIMIT (RSP_PACKET_SIZE + 4096)

#define RSP_INTERRUPT_BYTE 0x03

enum rsp_rx_event_type {
    RSP_RX_NONE,        /* all bytes consumed, nothing complete */
    RSP_RX_PACKET,      /* a framed packet: see the flags */
    RSP_RX_INTERRUPT,   /* 0x03 between packets */
    RSP_RX_ACK,         /* '+' */
    RSP_RX_NAK,         /* '-': the peer wants our last packet again */
};

struct rsp_rx_event {
    enum rsp_rx_event_type type;
    /* RSP_RX_PACKET: the decoded payload (escapes and run-length encoding
     * undone), NUL-terminated for convenience but binary-safe through len.
     * Valid until the next call to rsp_rx_feed(). */
    const char *payload;
    size_t len;
    bool checksum_ok;
    bool oversized;     /* payload dropped: longer than RSP_PACKET_LIMIT */
    bool malformed;     /* a bad escape or repeat count */
};

enum rsp_rx_state {
    RSP_RX_IDLE,        /* between packets */
    RSP_RX_DATA,
    RSP_RX_ESCAPE,      /* after '}' */
    RSP_RX_REPEAT,      /* after '*' */
    RSP_RX_CSUM_HI,
    RSP_RX_CSUM_LO,
};

struct rsp_rx {
    enum rsp_rx_state state;
    GByteArray *buf;
    uint8_t sum;        /* running sum of the raw bytes between $ and # */
    uint8_t sent_sum;   /* the checksum the peer sent */
    bool csum_valid;    /* both checksum digits were hex */
    bool oversized;
    bool malformed;
};

void rsp_rx_init(struct rsp_rx *rx);
void rsp_rx_destroy(struct rsp_rx *rx);

/* Consume bytes up to and including the first one that completes an
 * event; return how many were consumed and fill *ev (type RSP_RX_NONE
 * if all were consumed with nothing to report). Call again with the rest. */
size_t rsp_rx_feed(struct rsp_rx *rx, const uint8_t *data, size_t len,
                   struct rsp_rx_event *ev);

/* Append to out the binary data escaped for a packet body: '#', '$', '}'
 * and '*' become '}' followed by the byte XOR 0x20. */
void rsp_escape_binary(GString *out, const uint8_t *data, size_t len);

/* Undo rsp_escape_binary in place; returns the new length. The codec
 * already unescapes received packets, so this is for callers holding
 * escaped data from elsewhere (tests). */
size_t rsp_unescape_binary(uint8_t *data, size_t len);

/* Frame payload as "$...#cs" into out (which is cleared first). With
 * run_length, runs of 4 or more equal characters are compressed; the two
 * bytes of an escape pair are never part of a run, so both gdb (which
 * expands runs before unescaping) and lldb read the result the same way. */
void rsp_frame_packet(GString *out, const char *payload, size_t len,
                      bool run_length);

#endif
