/* Z and z: breakpoints and watchpoints, kept by the target (never patched
 * into guest memory, see DESIGN.md). */
#include "rsp/commands.h"
#include "rsp/hex.h"

#include <errno.h>

/* "TYPE,ADDR,KIND[;cond...]". Conditions and commands are ignored: we do
 * not advertise ConditionalBreakpoints or BreakpointCommands. */
static enum rsp_handled breakpoint(struct rsp_conn *conn,
                                   const struct rsp_args *a, GString *reply,
                                   bool insert)
{
    const char *p = a->args;
    uint64_t type, addr, kind;
    int err;

    if (!rsp_parse_hex_u64_until(&p, ",", &type) || !rsp_expect(&p, ',')
        || !rsp_parse_hex_u64_until(&p, ",", &addr) || !rsp_expect(&p, ',')
        || !rsp_parse_hex_u64_until(&p, ";", &kind)) {
        rsp_reply_bad_request(conn, reply, "bad Z/z packet");
        return RSP_REPLY;
    }
    /* An unknown type gets the empty reply: "not supported". */
    if (type > RSP_WATCH_ACCESS)
        return RSP_REPLY;
    if (insert)
        err = conn->target->ops->insert_break
              ? conn->target->ops->insert_break(conn->target,
                                                (enum rsp_break_type)type,
                                                addr, kind)
              : -EOPNOTSUPP;
    else
        err = conn->target->ops->remove_break
              ? conn->target->ops->remove_break(conn->target,
                                                (enum rsp_break_type)type,
                                                addr, kind)
              : -EOPNOTSUPP;
    if (err == -EOPNOTSUPP)
        return RSP_REPLY;
    if (err < 0)
        rsp_reply_error(conn, reply, err);
    else
        g_string_append(reply, "OK");
    return RSP_REPLY;
}

RSP_HANDLER(rsp_cmd_insert_break)
{
    return breakpoint(conn, a, reply, true);
}

RSP_HANDLER(rsp_cmd_remove_break)
{
    return breakpoint(conn, a, reply, false);
}
