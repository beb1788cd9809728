/* Registers: g, G, p, P. Values are little-endian hex in the register
 * table's order and offsets; a register the target cannot read is sent as
 * 'x' digits ("unavailable"), which gdb and lldb both understand. */
#include "rsp/commands.h"
#include "rsp/hex.h"
#include "xml-features/tdesc.h"

#include <errno.h>
#include <string.h>

/* Larger than the largest register (an SVE Z register is 256 bytes). */
#define REG_MAX_BYTES 512

static size_t reg_bytes(const struct tdesc_reg *reg)
{
    return (reg->bitsize + 7) / 8;
}

static bool reg_usable(const struct tdesc_reg *reg)
{
    return reg && reg->bitsize > 0 && reg_bytes(reg) <= REG_MAX_BYTES;
}

static struct rsp_ptid reg_thread(struct rsp_conn *conn)
{
    return rsp_conn_resolve_thread(conn, conn->g_thread);
}

/* lldb's QThreadSuffixSupported: "thread:TID" then an optional ';' at
 * s names the thread instead of Hg. */
static bool parse_thread_field(struct rsp_conn *conn, const char *s,
                               struct rsp_ptid *thread)
{
    struct rsp_ptid ptid;

    if (!g_str_has_prefix(s, "thread:"))
        return false;
    s += strlen("thread:");
    if (!rsp_parse_ptid(conn, &s, ";", &ptid))
        return false;
    if (*s == ';')
        s++;
    if (*s != '\0')
        return false;
    *thread = rsp_conn_resolve_thread(conn, ptid);
    return true;
}

/* Split "BODY[;thread:TID;]" (the arguments of p, P, G) into body, a
 * NUL-terminated copy, and the thread it addresses. */
static bool take_thread_suffix(struct rsp_conn *conn,
                               const struct rsp_args *a, GString *body,
                               struct rsp_ptid *thread)
{
    const char *semi = memchr(a->args, ';', a->len);
    size_t n = semi ? (size_t)(semi - a->args) : a->len;

    g_string_truncate(body, 0);
    g_string_append_len(body, a->args, (gssize)n);
    if (!semi) {
        *thread = reg_thread(conn);
        return true;
    }
    return parse_thread_field(conn, semi + 1, thread);
}

/* Append the register's hex, or 'x' digits if it cannot be read. */
static void append_reg(struct rsp_conn *conn, struct rsp_ptid thread,
                       const struct tdesc_reg *reg, GString *out)
{
    uint8_t buf[REG_MAX_BYTES];
    size_t n = reg_bytes(reg);

    if (conn->target->ops->read_reg
        && conn->target->ops->read_reg(conn->target, thread, reg->regnum,
                                       buf) == 0) {
        rsp_hex_encode(out, buf, n);
        return;
    }
    for (size_t i = 0; i < 2 * n; i++)
        g_string_append_c(out, 'x');
}

RSP_HANDLER(rsp_cmd_read_regs)
{
    const struct tdesc *td = rsp_conn_tdesc(conn);
    struct rsp_ptid thread = reg_thread(conn);
    GString *one;

    /* "g" or lldb's "g;thread:TID;" */
    if (a->sep != '\0' && (a->sep != ';'
                           || !parse_thread_field(conn, a->args, &thread))) {
        rsp_reply_bad_request(conn, reply, "bad g packet");
        return RSP_REPLY;
    }
    one = g_string_new(NULL);
    if (!td) {
        rsp_reply_error(conn, reply, -EOPNOTSUPP);
        g_string_free(one, TRUE);
        return RSP_REPLY;
    }
    /* Bytes no register covers stay 'x'. */
    g_string_set_size(reply, 2 * (size_t)td->g_size);
    memset(reply->str, 'x', reply->len);
    for (unsigned i = 0; i < rsp_tdesc_reg_count(td); i++) {
        const struct tdesc_reg *reg = rsp_tdesc_reg(td, i);
        if (!reg_usable(reg) || reg->offset + reg_bytes(reg) > td->g_size)
            continue;
        g_string_truncate(one, 0);
        append_reg(conn, thread, reg, one);
        memcpy(reply->str + 2 * (size_t)reg->offset, one->str, one->len);
    }
    g_string_free(one, TRUE);
    return RSP_REPLY;
}

/* Does hex (2*n digits) hold 'x' digits, i.e. "leave unchanged"? */
static bool has_unavailable(const char *hex, size_t n)
{
    return memchr(hex, 'x', 2 * n) != NULL;
}

static void write_regs(struct rsp_conn *conn, const struct rsp_args *a,
                       struct rsp_ptid thread, GString *reply)
{
    const struct tdesc *td = rsp_conn_tdesc(conn);
    uint8_t buf[REG_MAX_BYTES];
    size_t have;

    if (!td || !conn->target->ops->write_reg) {
        rsp_reply_error(conn, reply, -EOPNOTSUPP);
        return;
    }
    if (a->len % 2 != 0 || a->len / 2 > td->g_size) {
        rsp_reply_bad_request(conn, reply, "bad G packet length");
        return;
    }
    for (size_t i = 0; i < a->len; i++) {
        if (a->args[i] != 'x' && rsp_hex_digit((unsigned char)a->args[i]) < 0) {
            rsp_reply_bad_request(conn, reply, "bad hex in G packet");
            return;
        }
    }
    have = a->len / 2;
    /* Check every register's digits before writing any of them. */
    for (int pass = 0; pass < 2; pass++) {
        for (unsigned i = 0; i < rsp_tdesc_reg_count(td); i++) {
            const struct tdesc_reg *reg = rsp_tdesc_reg(td, i);
            const char *hex;
            int err;

            if (!reg_usable(reg) || reg->offset + reg_bytes(reg) > have)
                continue;
            hex = a->args + 2 * (size_t)reg->offset;
            if (has_unavailable(hex, reg_bytes(reg)))
                continue;
            if (!rsp_hex_decode(hex, buf, reg_bytes(reg))) {
                rsp_reply_bad_request(conn, reply, "bad hex in G packet");
                return;
            }
            if (pass == 0)
                continue;
            err = conn->target->ops->write_reg(conn->target, thread,
                                               reg->regnum, buf);
            if (err < 0) {
                rsp_reply_error(conn, reply, err);
                return;
            }
        }
    }
    g_string_append(reply, "OK");
}

RSP_HANDLER(rsp_cmd_write_regs)
{
    GString *body = g_string_new(NULL);
    struct rsp_ptid thread;

    if (!take_thread_suffix(conn, a, body, &thread)) {
        rsp_reply_bad_request(conn, reply, "bad G packet");
    } else {
        struct rsp_args hex = { body->str, body->len, a->sep };
        write_regs(conn, &hex, thread, reply);
    }
    g_string_free(body, TRUE);
    return RSP_REPLY;
}

static const struct tdesc_reg *parse_regnum(struct rsp_conn *conn,
                                            const char **p, const char *stop)
{
    uint64_t regnum;

    if (!rsp_parse_hex_u64_until(p, stop, &regnum) || regnum > G_MAXUINT)
        return NULL;
    const struct tdesc_reg *reg = rsp_tdesc_reg(rsp_conn_tdesc(conn),
                                                (unsigned)regnum);
    return reg_usable(reg) ? reg : NULL;
}

RSP_HANDLER(rsp_cmd_read_reg)
{
    GString *body = g_string_new(NULL);
    struct rsp_ptid thread;
    const struct tdesc_reg *reg = NULL;
    const char *p = NULL;

    if (take_thread_suffix(conn, a, body, &thread)) {
        p = body->str;
        reg = parse_regnum(conn, &p, "");
    }
    if (!reg || *p != '\0')
        rsp_reply_bad_request(conn, reply, "no such register");
    else
        append_reg(conn, thread, reg, reply);
    g_string_free(body, TRUE);
    return RSP_REPLY;
}

static void write_reg(struct rsp_conn *conn, const char *p,
                      struct rsp_ptid thread, GString *reply)
{
    const struct tdesc_reg *reg = parse_regnum(conn, &p, "=");
    uint8_t buf[REG_MAX_BYTES];
    int err;

    if (!reg || !rsp_expect(&p, '=')) {
        rsp_reply_bad_request(conn, reply, "no such register");
        return;
    }
    size_t given = strlen(p) / 2;
    /* lldb writes an SVE register at the thread's current vector length,
     * which may be shorter than the description's: zero-fill the rest, as
     * ptrace ignores bytes past the current length anyway. */
    bool may_be_short = reg->feature &&
                        !strcmp(reg->feature, "org.gnu.gdb.aarch64.sve");
    if (strlen(p) % 2 || given == 0 || given > reg_bytes(reg) ||
        (!may_be_short && given != reg_bytes(reg)) ||
        !rsp_hex_decode(p, buf, given)) {
        rsp_reply_bad_request(conn, reply, "bad register value");
        return;
    }
    memset(buf + given, 0, reg_bytes(reg) - given);
    if (!conn->target->ops->write_reg) {
        rsp_reply_error(conn, reply, -EOPNOTSUPP);
        return;
    }
    err = conn->target->ops->write_reg(conn->target, thread, reg->regnum,
                                       buf);
    if (err < 0)
        rsp_reply_error(conn, reply, err);
    else
        g_string_append(reply, "OK");
}

RSP_HANDLER(rsp_cmd_write_reg)
{
    GString *body = g_string_new(NULL);
    struct rsp_ptid thread;

    if (!take_thread_suffix(conn, a, body, &thread))
        rsp_reply_bad_request(conn, reply, "no such register");
    else
        write_reg(conn, body->str, thread, reply);
    g_string_free(body, TRUE);
    return RSP_REPLY;
}
