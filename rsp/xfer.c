/* qXfer:OBJECT:read:ANNEX:OFFSET,LENGTH — objects read in pieces.
 * "features" comes from the register table; the others from the target.
 * qXfer:siginfo:write:ANNEX:OFFSET:DATA — the one writable object. */
#include "rsp/commands.h"
#include "rsp/hex.h"

#include <errno.h>
#include <string.h>

/* Escaping can double the data: keep one reply within the packet size. */
#define XFER_CHUNK_MAX ((RSP_PACKET_SIZE - 64) / 2)

/* Return the whole object, or NULL with *err set. */
typedef GBytes *(*xfer_reader_fn)(struct rsp_conn *conn, const char *object,
                                  const char *annex, int *err);

static GBytes *read_features(struct rsp_conn *conn, const char *object,
                             const char *annex, int *err)
{
    const char *text = rsp_tdesc_annex(rsp_conn_tdesc(conn), annex);

    if (!text) {
        *err = -ENOENT;
        return NULL;
    }
    return g_bytes_new_static(text, strlen(text));
}

static GBytes *read_from_target(struct rsp_conn *conn, const char *object,
                                const char *annex, int *err)
{
    GBytes *data;

    if (!conn->target->ops->xfer_read) {
        *err = -EOPNOTSUPP;
        return NULL;
    }
    *err = -EIO;
    data = conn->target->ops->xfer_read(conn->target, object, annex, err);
    if (data)
        *err = 0;
    return data;
}

/* $_siginfo is per thread: the one gdb selected with Hg (after a stop,
 * the stop's thread), as gdbserver's PTRACE_GETSIGINFO of it. */
#define SIGINFO_SIZE 128

static GBytes *read_siginfo(struct rsp_conn *conn, const char *object,
                            const char *annex, int *err)
{
    uint8_t info[SIGINFO_SIZE];

    if (!conn->target->ops->siginfo_read)
        return read_from_target(conn, object, annex, err);
    *err = conn->target->ops->siginfo_read(
        conn->target, rsp_conn_resolve_thread(conn, conn->g_thread), info);
    if (*err < 0)
        return NULL;
    return g_bytes_new(info, sizeof(info));
}

static GBytes *read_threads(struct rsp_conn *conn, const char *object,
                            const char *annex, int *err)
{
    return rsp_threads_xml(conn, err);
}

/* `info os` tables: made at offset 0 and kept for the later pieces, so
 * that a table that changes meanwhile (a socket's state) stays whole. */
static GBytes *read_osdata(struct rsp_conn *conn, const char *object,
                           const char *annex, int *err)
{
    GBytes *table;

    if (conn->osdata && !g_strcmp0(conn->osdata_annex, annex)) {
        *err = 0;
        return g_bytes_ref(conn->osdata);
    }
    table = read_from_target(conn, object, annex, err);
    if (table) {
        rsp_conn_drop_osdata(conn);
        conn->osdata = g_bytes_ref(table);
        conn->osdata_annex = g_strdup(annex);
    }
    return table;
}

void rsp_conn_drop_osdata(struct rsp_conn *conn)
{
    g_clear_pointer(&conn->osdata, g_bytes_unref);
    g_clear_pointer(&conn->osdata_annex, g_free);
}

static const struct {
    const char *object;
    xfer_reader_fn read;
} xfer_objects[] = {
    { "features",  read_features },
    { "auxv",      read_from_target },
    { "exec-file", read_from_target },
    { "siginfo",   read_siginfo },
    { "threads",   read_threads },
    { "osdata",    read_osdata },
};

/* Reply 'm' + data if more follows, 'l' + data for the last piece. */
static void reply_piece(GBytes *object, uint64_t offset, uint64_t length,
                        GString *reply)
{
    gsize size;
    const uint8_t *data = g_bytes_get_data(object, &size);
    size_t n;

    if (offset >= size) {
        g_string_append_c(reply, 'l');
        return;
    }
    n = (size_t)MIN(MIN(length, (uint64_t)(size - offset)),
                    (uint64_t)XFER_CHUNK_MAX);
    g_string_append_c(reply, offset + n < size ? 'm' : 'l');
    rsp_escape_binary(reply, data + offset, n);
}

/* qXfer:siginfo:write::OFFSET:DATA (fields: what follows "write:"; the
 * data is binary, unescaped by the codec, and may hold NUL bytes).
 * Replies with the number of bytes written, in hex. */
static void write_siginfo(struct rsp_conn *conn, const char *fields,
                          size_t len, GString *reply)
{
    const char *end = fields + len;
    const char *p = memchr(fields, ':', len);   /* after the annex */
    uint64_t offset;
    int err;

    if (!p) {
        rsp_reply_bad_request(conn, reply, "bad qXfer write packet");
        return;
    }
    p++;
    if (!rsp_parse_hex_u64_until(&p, ":", &offset) || !rsp_expect(&p, ':')
        || p > end) {
        rsp_reply_bad_request(conn, reply, "bad qXfer write packet");
        return;
    }
    if (offset > SIGINFO_SIZE || (size_t)(end - p) > SIGINFO_SIZE - offset) {
        rsp_reply_error(conn, reply, -EINVAL);
        return;
    }
    err = conn->target->ops->siginfo_write(
        conn->target, rsp_conn_resolve_thread(conn, conn->g_thread), offset,
        (const uint8_t *)p, (size_t)(end - p));
    if (err < 0)
        rsp_reply_error(conn, reply, err);
    else
        g_string_append_printf(reply, "%zx", (size_t)(end - p));
}

RSP_HANDLER(rsp_cmd_xfer)
{
    gchar **fields = NULL;
    const char *p;
    uint64_t offset, length;
    GBytes *object = NULL;
    int err = 0;

    if (a->sep != ':')
        goto bad;
    if (a->len >= strlen("siginfo:write:")
        && !memcmp(a->args, "siginfo:write:", strlen("siginfo:write:"))) {
        /* Unknown to a target without it: the empty reply. */
        if (conn->target->ops->siginfo_write)
            write_siginfo(conn, a->args + strlen("siginfo:write:"),
                          a->len - strlen("siginfo:write:"), reply);
        return RSP_REPLY;
    }
    /* OBJECT:OPERATION:ANNEX:OFFSET,LENGTH */
    fields = g_strsplit(a->args, ":", 4);
    if (g_strv_length(fields) != 4)
        goto bad;
    if (strcmp(fields[1], "read") != 0)
        goto unsupported;   /* no other writable objects */
    p = fields[3];
    if (!rsp_parse_hex_u64_until(&p, ",", &offset) || !rsp_expect(&p, ',')
        || !rsp_parse_hex_u64_until(&p, "", &length))
        goto bad;

    if (offset == 0 && !strcmp(fields[0], "osdata"))
        rsp_conn_drop_osdata(conn);     /* a new reading of a table */
    for (size_t i = 0; i < G_N_ELEMENTS(xfer_objects); i++) {
        if (strcmp(fields[0], xfer_objects[i].object) != 0)
            continue;
        object = xfer_objects[i].read(conn, fields[0], fields[2], &err);
        /* We advertised every object in the table: an empty reply now
         * would contradict qSupported (gdb: "conflicting enabled
         * responses"), so a missing one is an error. */
        if (object)
            reply_piece(object, offset, length, reply);
        else
            rsp_reply_error(conn, reply, err);
        break;
    }
    /* An object we do not know: the empty reply. */
    if (object)
        g_bytes_unref(object);
    g_strfreev(fields);
    return RSP_REPLY;

unsupported:
    g_strfreev(fields);
    return RSP_REPLY;
bad:
    g_strfreev(fields);
    rsp_reply_bad_request(conn, reply, "bad qXfer packet");
    return RSP_REPLY;
}
