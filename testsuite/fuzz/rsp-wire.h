/* The debugger's end of an rsp_conn under fuzz: a fake target behind it
 * (testsuite/unit/fake-target.c), and a strict check of every byte
 * backstep sends back. Each send is one '+', one '-', or one whole
 * "$payload#cs" packet with a correct checksum, framing characters
 * escaped, and run-length counts a debugger can read. A violation is a
 * fuzz_fail(): gdb would lose sync on it. */
#ifndef BACKSTEP_FUZZ_RSP_WIRE_H
#define BACKSTEP_FUZZ_RSP_WIRE_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rsp/conn.h"
#include "testsuite/unit/fake-target.h"

struct rsp_wire {
    struct fake_target *ft;
    struct rsp_conn *conn;
    /* Counts since rsp_wire_reset_counts(). */
    unsigned acks, naks, packets;
    GString *last_reply;    /* decoded payload of the last packet */
    GString *raw;           /* every byte sent, in order */
};

struct rsp_wire *rsp_wire_new(void);
void rsp_wire_free(struct rsp_wire *w);

void rsp_wire_reset_counts(struct rsp_wire *w);
/* Raw bytes to backstep. */
void rsp_wire_feed(struct rsp_wire *w, const void *data, size_t len);
/* Frame payload with a correct checksum, escaping the bytes that
 * would frame or compress, and feed it: rsp/ decodes exactly payload. */
void rsp_wire_send(struct rsp_wire *w, const void *payload, size_t len);
/* A stop report, as the server sends when the machine stops; ignored by
 * rsp/ unless the target is running. */
void rsp_wire_report_stop(struct rsp_wire *w, const struct rsp_stop *stop);

#endif
