/* Fuzz target: a raw byte stream from a debugger into rsp_conn_feed, with
 * the fake target behind it.
 *
 * Input: a 5-byte header, then the stream.
 *   [0] fake-target behaviour: bit 0 serve an auxv, bit 1 resume fails,
 *       bit 2 breakpoints fail, bit 3 register [1] is unreadable
 *   [1] that register's number
 *   [2..3] where to split the stream (modulo its length)
 *   [4] chunk size for the third pass
 *
 * Three connections get the same stream: whole, split in two at the
 * data-derived point, and in small chunks with a stop report after every
 * chunk that left the target running. The first two must send the same
 * bytes back (packets may be split anywhere). Every byte sent back is
 * checked by rsp-wire.c. */
#include "testsuite/fuzz/fuzz.h"
#include "testsuite/fuzz/rsp-wire.h"

#include <errno.h>
#include <string.h>

#define HEADER_SIZE 5

static const uint8_t auxv_bytes[32] = { 6, 0, 0, 0, 0, 0, 0, 0, 0, 0x10 };

static struct rsp_wire *new_wire(const uint8_t *header)
{
    struct rsp_wire *w = rsp_wire_new();

    if (header[0] & 1)
        w->ft->auxv = g_bytes_new_static(auxv_bytes, sizeof(auxv_bytes));
    if (header[0] & 2)
        w->ft->resume_result = -EINVAL;
    if (header[0] & 4)
        w->ft->break_result = -EOPNOTSUPP;
    if (header[0] & 8)
        w->ft->reg_unreadable[header[1] % FAKE_NREGS] = true;
    return w;
}

/* A stop the server might report, chosen by one byte of the stream. */
static struct rsp_stop stop_from_byte(uint8_t b)
{
    static const int signals[] = { 5, 2, 11, 4, 0, 255 };
    struct rsp_stop stop = {
        .kind = b % 8 == 0 ? RSP_STOP_EXITED
                : b % 8 == 1 ? RSP_STOP_TERMINATED : RSP_STOP_SIGNAL,
        .signal = signals[(b >> 3) % G_N_ELEMENTS(signals)],
        .exit_code = b,
        .thread = { FAKE_PID, b & 0x40 ? FAKE_TID2 : FAKE_TID1 },
        .reason = (enum rsp_stop_reason)((b >> 2) % 6),
        .watch_addr = FAKE_MEM_BASE + b,
    };
    return stop;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t header[HEADER_SIZE] = { 0 };
    const uint8_t *stream;
    size_t len, split, chunk;

    memcpy(header, data, MIN(size, sizeof(header)));
    stream = data + MIN(size, sizeof(header));
    len = size - MIN(size, sizeof(header));
    split = len ? (size_t)(header[2] | header[3] << 8) % (len + 1) : 0;
    chunk = 1 + header[4] % 32;

    /* Whole and split in two: the same bytes back. */
    struct rsp_wire *whole = new_wire(header);
    struct rsp_wire *halves = new_wire(header);
    rsp_wire_feed(whole, stream, len);
    rsp_wire_feed(halves, stream, split);
    rsp_wire_feed(halves, stream + split, len - split);
    FUZZ_CHECK(whole->raw->len == halves->raw->len
                   && memcmp(whole->raw->str, halves->raw->str,
                             whole->raw->len) == 0,
               "split at %zu of %zu changed the replies", split, len);
    FUZZ_CHECK(rsp_conn_target_running(whole->conn)
                   == rsp_conn_target_running(halves->conn),
               "split at %zu of %zu changed the running state", split, len);
    rsp_wire_free(whole);
    rsp_wire_free(halves);

    /* Small chunks, with the target stopping between them. */
    struct rsp_wire *chunks = new_wire(header);
    for (size_t off = 0; off < len; off += chunk) {
        size_t n = MIN(chunk, len - off);
        rsp_wire_feed(chunks, stream + off, n);
        if (rsp_conn_target_running(chunks->conn)) {
            struct rsp_stop stop = stop_from_byte(stream[off + n - 1]);
            rsp_wire_report_stop(chunks, &stop);
        }
    }
    rsp_wire_free(chunks);
    return 0;
}
