/* qGetTLSAddr: where a thread's thread-local variable lives.
 *
 * gdb asks the stub when it has no libthread_db for the program, which on
 * a remote target of another architecture is always: static programs and
 * dynamic ones alike. The target computes the address; rsp/ only parses
 * the request and formats the answer.
 */
#include "rsp/commands.h"
#include "rsp/hex.h"

#include <errno.h>

/* qGetTLSAddr:THREAD-ID,OFFSET,LM -> the address in hex, or an error. */
RSP_HANDLER(rsp_cmd_tls_address)
{
    const struct rsp_target_ops *ops = conn->target->ops;
    const char *p = a->args;
    struct rsp_ptid thread;
    uint64_t offset, lm, addr;
    int err;

    if (!ops->tls_address)
        return RSP_REPLY;
    if (a->sep != ':' || !rsp_parse_ptid(conn, &p, ",", &thread)
        || !rsp_expect(&p, ',')
        || !rsp_parse_hex_u64_until(&p, ",", &offset) || !rsp_expect(&p, ',')
        || !rsp_parse_hex_u64(&p, &lm) || *p) {
        rsp_reply_bad_request(conn, reply, "bad qGetTLSAddr packet");
        return RSP_REPLY;
    }
    /* gdb names one thread; "any" or "all" means the current one. */
    if (thread.tid <= 0)
        thread = rsp_conn_resolve_thread(conn, thread);
    err = ops->tls_address(conn->target, thread, offset, lm, &addr);
    if (err < 0)
        rsp_reply_error(conn, reply, err);
    else
        g_string_append_printf(reply, "%" G_GINT64_MODIFIER "x", (guint64)addr);
    return RSP_REPLY;
}
