/* Memory tags (AArch64 MTE allocation tags): qMemTags, QMemTags and
 * qIsAddressTagged, offered as memory-tagging+ in qSupported when the
 * target has the tag operations. One tag per granule, a byte each on the
 * wire. Memory that is not tagged gets an error reply, as gdbserver's. */
#include "rsp/commands.h"
#include "rsp/hex.h"

#include <errno.h>
#include <string.h>

/* Tags per reply: two hex digits each, well inside a packet. */
#define TAGS_MAX ((RSP_PACKET_SIZE - 64) / 2)

static bool has_tags(const struct rsp_conn *conn)
{
    return conn->target->ops->read_tags && conn->target->ops->write_tags;
}

void rsp_memtags_supported(struct rsp_conn *conn, GString *reply)
{
    if (has_tags(conn))
        g_string_append(reply, ";memory-tagging+");
}

/* "ADDR,LEN:TYPE", then the end of args or ':' (QMemTags). */
static bool parse_request(const char **p, uint64_t *addr, uint64_t *len,
                          uint64_t *type)
{
    return rsp_parse_hex_u64_until(p, ",", addr) && rsp_expect(p, ',') &&
           rsp_parse_hex_u64_until(p, ":", len) && rsp_expect(p, ':') &&
           rsp_parse_hex_u64_until(p, ":", type) && *type <= INT32_MAX;
}

/* qMemTags:ADDR,LEN:TYPE -> "m" and the tags in hex. */
RSP_HANDLER(rsp_cmd_read_mem_tags)
{
    const char *p = a->args;
    uint64_t addr, len, type;
    uint8_t *tags;
    ssize_t n;

    if (!has_tags(conn))
        return RSP_REPLY;
    if (!parse_request(&p, &addr, &len, &type) || *p) {
        rsp_reply_bad_request(conn, reply, "bad qMemTags packet");
        return RSP_REPLY;
    }
    tags = g_malloc(TAGS_MAX);
    n = conn->target->ops->read_tags(conn->target, addr, len, (int)type,
                                     tags, TAGS_MAX);
    if (n < 0) {
        rsp_reply_error(conn, reply, (int)n);
    } else {
        g_string_append_c(reply, 'm');
        rsp_hex_encode(reply, tags, (size_t)n);
    }
    g_free(tags);
    return RSP_REPLY;
}

/* QMemTags:ADDR,LEN:TYPE:TAGS -> OK. */
RSP_HANDLER(rsp_cmd_write_mem_tags)
{
    const char *p = a->args;
    uint64_t addr, len, type;
    size_t hex_len, ntags;
    uint8_t *tags;
    int err;

    if (!has_tags(conn))
        return RSP_REPLY;
    if (!parse_request(&p, &addr, &len, &type) || !rsp_expect(&p, ':')) {
        rsp_reply_bad_request(conn, reply, "bad QMemTags packet");
        return RSP_REPLY;
    }
    hex_len = strlen(p);
    ntags = hex_len / 2;
    if (hex_len % 2 || ntags == 0) {
        rsp_reply_bad_request(conn, reply, "bad QMemTags tags");
        return RSP_REPLY;
    }
    tags = g_malloc(ntags);
    if (!rsp_hex_decode(p, tags, ntags)) {
        rsp_reply_bad_request(conn, reply, "bad QMemTags tags");
        g_free(tags);
        return RSP_REPLY;
    }
    err = conn->target->ops->write_tags(conn->target, addr, len, (int)type,
                                        tags, ntags);
    g_free(tags);
    if (err < 0)
        rsp_reply_error(conn, reply, err);
    else
        g_string_append(reply, "OK");
    return RSP_REPLY;
}

/* qIsAddressTagged:ADDR -> "01" (tagged memory) or "00". */
RSP_HANDLER(rsp_cmd_is_address_tagged)
{
    const char *p = a->args;
    uint64_t addr;
    int r;

    if (!has_tags(conn) || !conn->target->ops->is_tagged)
        return RSP_REPLY;
    if (!rsp_parse_hex_u64_until(&p, "", &addr)) {
        rsp_reply_bad_request(conn, reply, "bad qIsAddressTagged packet");
        return RSP_REPLY;
    }
    r = conn->target->ops->is_tagged(conn->target, addr);
    if (r < 0)
        rsp_reply_error(conn, reply, r);
    else
        g_string_append(reply, r ? "01" : "00");
    return RSP_REPLY;
}
