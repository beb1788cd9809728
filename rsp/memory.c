/* Memory: m and M (hex), X and x (binary). */
#include "rsp/commands.h"
#include "rsp/hex.h"

#include <errno.h>
#include <string.h>

/* Reads are cut to what fits in one reply: hex doubles the size, and so
 * does escaping in the worst case. The debugger asks again for the rest. */
#define MEM_READ_MAX ((RSP_PACKET_SIZE - 64) / 2)

/* "ADDR,LEN" followed by the end of args or by end_char. */
static bool parse_addr_len(const char **p, char end_char, uint64_t *addr,
                           uint64_t *len)
{
    char stop[2] = { end_char, '\0' };

    return rsp_parse_hex_u64_until(p, ",", addr) && rsp_expect(p, ',')
           && rsp_parse_hex_u64_until(p, stop, len);
}

/* Read up to len bytes into a new buffer; *got is the count read.
 * Returns 0, or a negative errno when not even one byte was readable. */
static int read_memory(struct rsp_conn *conn, uint64_t addr, uint64_t len,
                       uint8_t **data, size_t *got)
{
    ssize_t n;

    *data = NULL;
    *got = 0;
    if (len > MEM_READ_MAX)
        len = MEM_READ_MAX;
    if (len == 0)
        return 0;
    if (!conn->target->ops->read_mem)
        return -EOPNOTSUPP;
    *data = g_malloc(len);
    n = conn->target->ops->read_mem(conn->target, addr, *data, len);
    if (n <= 0 || (uint64_t)n > len) {
        g_free(*data);
        *data = NULL;
        return n < 0 ? (int)n : -EFAULT;
    }
    *got = (size_t)n;
    return 0;
}

static int write_memory(struct rsp_conn *conn, uint64_t addr,
                        const uint8_t *data, size_t len)
{
    if (len == 0)
        return 0;
    if (!conn->target->ops->write_mem)
        return -EOPNOTSUPP;
    return conn->target->ops->write_mem(conn->target, addr, data, len);
}

RSP_HANDLER(rsp_cmd_read_mem)
{
    const char *p = a->args;
    uint64_t addr, len;
    uint8_t *data;
    size_t got;
    int err;

    if (!parse_addr_len(&p, '\0', &addr, &len)) {
        rsp_reply_bad_request(conn, reply, "bad m packet");
        return RSP_REPLY;
    }
    err = read_memory(conn, addr, len, &data, &got);
    if (err < 0)
        rsp_reply_error(conn, reply, err);
    else
        rsp_hex_encode(reply, data, got);
    g_free(data);
    return RSP_REPLY;
}

RSP_HANDLER(rsp_cmd_write_mem)
{
    const char *p = a->args;
    uint64_t addr, len;
    uint8_t *data;
    int err;

    if (!parse_addr_len(&p, ':', &addr, &len) || !rsp_expect(&p, ':')
        || len > RSP_PACKET_LIMIT / 2 || strlen(p) != 2 * len) {
        rsp_reply_bad_request(conn, reply, "bad M packet");
        return RSP_REPLY;
    }
    data = g_malloc(len ? len : 1);
    if (!rsp_hex_decode(p, data, len)) {
        rsp_reply_bad_request(conn, reply, "bad hex in M packet");
        g_free(data);
        return RSP_REPLY;
    }
    err = write_memory(conn, addr, data, len);
    g_free(data);
    if (err < 0)
        rsp_reply_error(conn, reply, err);
    else
        g_string_append(reply, "OK");
    return RSP_REPLY;
}

RSP_HANDLER(rsp_cmd_write_mem_binary)
{
    const char *p = a->args;
    uint64_t addr, len;
    size_t data_len;
    int err;

    /* The data after ':' is binary (the codec has unescaped it) and may
     * hold NUL bytes: measure it with the packet length. */
    if (!parse_addr_len(&p, ':', &addr, &len) || !rsp_expect(&p, ':')) {
        rsp_reply_bad_request(conn, reply, "bad X packet");
        return RSP_REPLY;
    }
    data_len = a->len - (size_t)(p - a->args);
    if (data_len != len) {
        rsp_reply_bad_request(conn, reply, "X packet length mismatch");
        return RSP_REPLY;
    }
    err = write_memory(conn, addr, (const uint8_t *)p, data_len);
    if (err < 0)
        rsp_reply_error(conn, reply, err);
    else
        g_string_append(reply, "OK");
    return RSP_REPLY;
}

/* Two peers, two framings: gdb 15+ (after binary-upload+) expects 'b'
 * before the data; lldb expects the data alone, and "OK" for its "x0,0"
 * probe. */
RSP_HANDLER(rsp_cmd_read_mem_binary)
{
    const char *p = a->args;
    uint64_t addr, len;
    uint8_t *data;
    size_t got;
    int err;

    if (!parse_addr_len(&p, '\0', &addr, &len)) {
        rsp_reply_bad_request(conn, reply, "bad x packet");
        return RSP_REPLY;
    }
    if (len == 0 && !conn->peer.binary_upload) {
        g_string_append(reply, "OK");
        return RSP_REPLY;
    }
    err = read_memory(conn, addr, len, &data, &got);
    if (err < 0) {
        rsp_reply_error(conn, reply, err);
        return RSP_REPLY;
    }
    if (conn->peer.binary_upload)
        g_string_append_c(reply, 'b');
    rsp_escape_binary(reply, data, got);
    g_free(data);
    return RSP_REPLY;
}
