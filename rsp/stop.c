/* Stop replies: T (stopped with a signal), W (exited), X (killed). */
#include "rsp/conn-private.h"
#include "rsp/hex.h"
#include "xml-features/tdesc.h"

/* The registers gdb needs at every stop to unwind the first frame without
 * another round trip: pc, sp and the frame pointer. */
static const char *const expedited_regs[] = { "pc", "sp", "x29" };

static void append_expedited(struct rsp_conn *conn, struct rsp_ptid thread,
                             GString *reply)
{
    const struct tdesc *td = rsp_conn_tdesc(conn);
    uint8_t buf[8];

    if (!td || !conn->target->ops->read_reg)
        return;
    for (size_t i = 0; i < G_N_ELEMENTS(expedited_regs); i++) {
        const struct tdesc_reg *reg = rsp_tdesc_reg_by_name(td,
                                                            expedited_regs[i]);
        if (!reg || reg->bitsize != 64
            || conn->target->ops->read_reg(conn->target, thread, reg->regnum,
                                           buf) != 0)
            continue;
        g_string_append_printf(reply, "%x:", reg->regnum);
        rsp_hex_encode(reply, buf, sizeof(buf));
        g_string_append_c(reply, ';');
    }
}

static void append_reason(struct rsp_conn *conn, const struct rsp_stop *stop,
                          GString *reply)
{
    const char *watch = NULL;

    switch (stop->reason) {
    case RSP_REASON_NONE:
        return;
    /* gdb only accepts swbreak/hwbreak after saying it knows them. */
    case RSP_REASON_SWBREAK:
        if (conn->peer.swbreak)
            g_string_append(reply, "swbreak:;");
        return;
    case RSP_REASON_HWBREAK:
        if (conn->peer.hwbreak)
            g_string_append(reply, "hwbreak:;");
        return;
    case RSP_REASON_WATCH:
        watch = "watch";
        break;
    case RSP_REASON_RWATCH:
        watch = "rwatch";
        break;
    case RSP_REASON_AWATCH:
        watch = "awatch";
        break;
    }
    if (watch)
        g_string_append_printf(reply, "%s:%" G_GINT64_MODIFIER "x;", watch,
                               stop->watch_addr);
}

static void append_process(struct rsp_conn *conn, const struct rsp_stop *stop,
                           GString *reply)
{
    int64_t pid = stop->thread.pid > 0 ? stop->thread.pid
                                       : rsp_conn_target_pid(conn);

    if (conn->peer.multiprocess && pid > 0)
        g_string_append_printf(reply, ";process:%" G_GINT64_MODIFIER "x",
                               pid);
}

void rsp_format_stop_reply(struct rsp_conn *conn, const struct rsp_stop *stop,
                           GString *reply)
{
    g_string_truncate(reply, 0);
    switch (stop->kind) {
    case RSP_STOP_EXITED:
        g_string_append_printf(reply, "W%02x", stop->exit_code & 0xff);
        append_process(conn, stop, reply);
        return;
    case RSP_STOP_TERMINATED:
        g_string_append_printf(reply, "X%02x", stop->signal & 0xff);
        append_process(conn, stop, reply);
        return;
    case RSP_STOP_SIGNAL:
        break;
    }
    g_string_append_printf(reply, "T%02x", stop->signal & 0xff);
    append_expedited(conn, stop->thread, reply);
    if (stop->thread.tid > 0) {
        g_string_append(reply, "thread:");
        rsp_append_ptid(conn, reply, stop->thread);
        g_string_append_c(reply, ';');
    }
    append_reason(conn, stop, reply);
}
