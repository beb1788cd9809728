/* Reverse execution: bs (step back one instruction) and bc (continue
 * back to the last breakpoint or watchpoint hit). The target answers at
 * once (it replays recorded history rather than running the program), so
 * the stop reply is the packet's reply. */
#include "rsp/commands.h"

#include <errno.h>
#include <string.h>

static enum rsp_handled reverse(struct rsp_conn *conn, GString *reply,
                                enum rsp_reverse_kind kind)
{
    struct rsp_stop stop;
    struct rsp_ptid thread;
    int err;

    if (!conn->target->ops->reverse)
        return RSP_REPLY;   /* the empty reply: not supported */
    /* Like s and c, bs steps the thread Hc selected; bc moves them all,
     * seen from that thread. */
    thread = rsp_conn_resolve_thread(conn, conn->c_thread);
    /* Going back moves every thread: threads running on their own in
     * non-stop cannot share one timeline position, so it is refused.
     * gdb sends bs/bc in non-stop as a resume that gets no reply (a
     * reply would be taken as the answer to its next packet) and waits
     * for the thread's stop: a signal 0 stop where it was. (gdb 13 then
     * believes the direction is reverse until it leaves non-stop:
     * doc/protocol.md.) */
    if (conn->non_stop) {
        memset(&stop, 0, sizeof(stop));
        stop.kind = RSP_STOP_SIGNAL;
        stop.thread = thread;
        rsp_nonstop_report_stop(conn, &stop);
        return RSP_NO_REPLY;
    }
    memset(&stop, 0, sizeof(stop));
    err = conn->target->ops->reverse(conn->target, kind, thread, &stop);
    if (err < 0) {
        rsp_reply_error(conn, reply, err);
        return RSP_REPLY;
    }
    if (stop.kind == RSP_STOP_SIGNAL)
        conn->stop_thread = stop.thread;
    rsp_format_stop_reply(conn, &stop, reply);
    return RSP_REPLY;
}

RSP_HANDLER(rsp_cmd_reverse_step)
{
    return reverse(conn, reply, RSP_REVERSE_STEP);
}

RSP_HANDLER(rsp_cmd_reverse_continue)
{
    return reverse(conn, reply, RSP_REVERSE_CONTINUE);
}
