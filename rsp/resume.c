/* Execution: ?, c/C/s/S and vCont. A successful resume sends no reply:
 * the stop reply comes later through rsp_conn_report_stop(). */
#include "rsp/commands.h"
#include "rsp/hex.h"
#include "xml-features/tdesc.h"

#include <errno.h>
#include <string.h>

static const struct rsp_ptid all_threads = { -1, -1 };

RSP_HANDLER(rsp_cmd_stop_reason)
{
    struct rsp_stop stop;

    if (conn->non_stop)
        return rsp_nonstop_status(conn, reply);
    memset(&stop, 0, sizeof(stop));
    if (!conn->target->ops->last_stop) {
        rsp_reply_error(conn, reply, -EOPNOTSUPP);
        return RSP_REPLY;
    }
    conn->target->ops->last_stop(conn->target, &stop);
    if (stop.kind == RSP_STOP_SIGNAL && stop.thread.tid > 0)
        conn->stop_thread = stop.thread;
    rsp_format_stop_reply(conn, &stop, reply);
    return RSP_REPLY;
}

static enum rsp_handled start_resume(struct rsp_conn *conn,
                                     const struct rsp_resume_action *actions,
                                     size_t n, GString *reply)
{
    int err = -EOPNOTSUPP;
    GArray *filtered = NULL;

    if (conn->non_stop) {
        filtered = rsp_nonstop_filter_resume(conn, actions, n);
        actions = (const struct rsp_resume_action *)filtered->data;
        n = filtered->len;
    }
    if (conn->target->ops->resume)
        err = n == 0 && filtered ? 0
                                 : conn->target->ops->resume(conn->target,
                                                             actions, n);
    if (filtered)
        g_array_unref(filtered);
    if (err < 0) {
        rsp_reply_error(conn, reply, err);
        return RSP_REPLY;
    }
    /* Non-stop: the stops come later, each as a notification. */
    if (conn->non_stop) {
        g_string_append(reply, "OK");
        return RSP_REPLY;
    }
    conn->running = true;
    return RSP_NO_REPLY;
}

/* The legacy "resume at ADDR": set the pc of the thread being resumed. */
static int set_pc(struct rsp_conn *conn, struct rsp_ptid thread, uint64_t pc)
{
    const struct tdesc_reg *reg = rsp_tdesc_reg_by_name(rsp_conn_tdesc(conn),
                                                        "pc");
    uint8_t buf[8];

    if (!reg || reg->bitsize != 64 || !conn->target->ops->write_reg)
        return -EOPNOTSUPP;
    for (int i = 0; i < 8; i++)
        buf[i] = (uint8_t)(pc >> (8 * i));
    return conn->target->ops->write_reg(conn->target, thread, reg->regnum,
                                        buf);
}

/* c[ADDR], s[ADDR], Csig[;ADDR], Ssig[;ADDR] */
static enum rsp_handled legacy_resume(struct rsp_conn *conn,
                                      const struct rsp_args *a, GString *reply,
                                      enum rsp_resume_kind kind,
                                      bool with_signal)
{
    const char *p = a->args;
    struct rsp_resume_action action = { .kind = kind };
    uint64_t value;
    int err;

    bool has_addr = *p != '\0';

    if (with_signal) {
        if (!rsp_parse_hex_u64_until(&p, ";", &value) || value > 0xff) {
            rsp_reply_bad_request(conn, reply, "bad signal");
            return RSP_REPLY;
        }
        action.signal = (int)value;
        has_addr = rsp_expect(&p, ';');
    }
    /* Continue resumes every thread; a step steps the selected one. */
    if (kind == RSP_RESUME_CONTINUE)
        action.thread = all_threads;
    else
        action.thread = rsp_conn_resolve_thread(conn, conn->c_thread);
    if (has_addr) {
        if (!rsp_parse_hex_u64_until(&p, "", &value))
            goto bad;
        err = set_pc(conn, rsp_conn_resolve_thread(conn, conn->c_thread),
                     value);
        if (err < 0) {
            rsp_reply_error(conn, reply, err);
            return RSP_REPLY;
        }
    }
    return start_resume(conn, &action, 1, reply);

bad:
    rsp_reply_bad_request(conn, reply, "bad resume address");
    return RSP_REPLY;
}

RSP_HANDLER(rsp_cmd_continue)
{
    return legacy_resume(conn, a, reply, RSP_RESUME_CONTINUE, false);
}

RSP_HANDLER(rsp_cmd_continue_signal)
{
    return legacy_resume(conn, a, reply, RSP_RESUME_CONTINUE, true);
}

RSP_HANDLER(rsp_cmd_step)
{
    return legacy_resume(conn, a, reply, RSP_RESUME_STEP, false);
}

RSP_HANDLER(rsp_cmd_step_signal)
{
    return legacy_resume(conn, a, reply, RSP_RESUME_STEP, true);
}

RSP_HANDLER(rsp_cmd_vcont_query)
{
    g_string_append(reply, "vCont;c;C;s;S;r");
    /* t (stop a thread) means something only in non-stop mode. */
    if (conn->target->ops->set_non_stop)
        g_string_append(reply, ";t");
    return RSP_REPLY;
}

/* One vCont action at *p, up to ';' or the end. */
static bool parse_vcont_action(struct rsp_conn *conn, const char **p,
                               struct rsp_resume_action *action)
{
    const char *s = *p;
    uint64_t value;

    memset(action, 0, sizeof(*action));
    action->thread = all_threads;
    switch (*s++) {
    case 'c':
        action->kind = RSP_RESUME_CONTINUE;
        break;
    case 's':
        action->kind = RSP_RESUME_STEP;
        break;
    case 't':
        action->kind = RSP_RESUME_STOP;
        break;
    case 'C':
    case 'S':
        action->kind = s[-1] == 'C' ? RSP_RESUME_CONTINUE : RSP_RESUME_STEP;
        if (!rsp_parse_hex_u64_until(&s, ":;", &value) || value > 0xff)
            return false;
        action->signal = (int)value;
        break;
    case 'r':
        action->kind = RSP_RESUME_RANGE_STEP;
        if (!rsp_parse_hex_u64_until(&s, ",", &action->range_start)
            || !rsp_expect(&s, ',')
            || !rsp_parse_hex_u64_until(&s, ":;", &action->range_end))
            return false;
        break;
    default:
        return false;
    }
    if (*s == ':') {
        s++;
        if (!rsp_parse_ptid(conn, &s, ";", &action->thread))
            return false;
    }
    if (*s != '\0' && *s != ';')
        return false;
    *p = s;
    return true;
}

/* Parse "vCont;ACTION[:TID][;ACTION[:TID]]..." (args after "vCont;"). */
bool rsp_parse_vcont(struct rsp_conn *conn, const char *args, GArray *actions)
{
    const char *p = args;
    struct rsp_resume_action action;

    for (;;) {
        if (!parse_vcont_action(conn, &p, &action))
            return false;
        g_array_append_val(actions, action);
        if (*p == '\0')
            return true;
        p++;    /* ';' */
    }
}

RSP_HANDLER(rsp_cmd_vcont)
{
    GArray *actions = g_array_new(FALSE, FALSE,
                                  sizeof(struct rsp_resume_action));
    enum rsp_handled handled;

    if (a->sep != ';' || !rsp_parse_vcont(conn, a->args, actions)) {
        rsp_reply_bad_request(conn, reply, "bad vCont packet");
        handled = RSP_REPLY;
    } else {
        handled = start_resume(conn, (const struct rsp_resume_action *)
                               actions->data, actions->len, reply);
    }
    g_array_unref(actions);
    return handled;
}
