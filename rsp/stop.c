/* Stop replies: T (stopped with a signal, or at an event), W (exited),
 * X (killed), w (one thread exited). */
#include "rsp/conn-private.h"
#include "rsp/hex.h"
#include "xml-features/tdesc.h"

bool rsp_read_pc(struct rsp_conn *conn, struct rsp_ptid thread, uint64_t *pc)
{
    const struct tdesc_reg *reg = rsp_tdesc_reg_by_name(rsp_conn_tdesc(conn),
                                                        "pc");
    uint8_t buf[8];

    if (!reg || reg->bitsize != 64 || !conn->target->ops->read_reg
        || conn->target->ops->read_reg(conn->target, thread, reg->regnum,
                                       buf) != 0)
        return false;
    *pc = 0;
    for (int i = 7; i >= 0; i--)
        *pc = *pc << 8 | buf[i];
    return true;
}

/* The registers gdb needs at every stop to unwind the first frame without
 * another round trip: pc, sp and the frame pointer. And, when the
 * description has SVE, vg: the stopped thread's vector length, which
 * lldb (like lldb-server's clients) uses to resize z, p and ffr when a
 * thread's length changed; a description without vg skips it. */
static const char *const expedited_regs[] = { "pc", "sp", "x29", "vg" };

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
    case RSP_REASON_FORK:
    case RSP_REASON_VFORK:
        g_string_append(reply, stop->reason == RSP_REASON_FORK ? "fork:"
                                                                : "vfork:");
        rsp_append_ptid(conn, reply, stop->child);
        g_string_append_c(reply, ';');
        return;
    case RSP_REASON_VFORK_DONE:
        g_string_append(reply, "vforkdone:;");
        return;
    case RSP_REASON_EXEC:
        g_string_append(reply, "exec:");
        rsp_hex_encode_str(reply, stop->exec_path ? stop->exec_path : "");
        g_string_append_c(reply, ';');
        return;
    case RSP_REASON_THREAD_CREATED:
        g_string_append(reply, "create:;");
        return;
    case RSP_REASON_REPLAY_BEGIN:
        g_string_append(reply, "replaylog:begin;");
        return;
    case RSP_REASON_REPLAY_END:
        g_string_append(reply, "replaylog:end;");
        return;
    case RSP_REASON_SYSCALL_ENTRY:
    case RSP_REASON_SYSCALL_RETURN:
        g_string_append_printf(reply, "%s:%" G_GINT64_MODIFIER "x;",
                               stop->reason == RSP_REASON_SYSCALL_ENTRY
                                   ? "syscall_entry" : "syscall_return",
                               stop->syscall_nr);
        return;
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

/* lldb's QListThreadsInStopReply: every thread and its pc, so that it
 * need not ask for them at each stop. Plain tids, as lldb-server sends. */
static void append_thread_list(struct rsp_conn *conn, GString *reply)
{
    GArray *threads = rsp_conn_threads(conn);
    GString *pcs = g_string_new(NULL);

    if (!threads) {
        g_string_free(pcs, TRUE);
        return;
    }
    g_string_append(reply, "threads:");
    for (guint i = 0; i < threads->len; i++) {
        struct rsp_ptid ptid = g_array_index(threads, struct rsp_thread_info,
                                             i).ptid;
        uint64_t pc = 0;

        if (i > 0) {
            g_string_append_c(reply, ',');
            g_string_append_c(pcs, ',');
        }
        g_string_append_printf(reply, "%" G_GINT64_MODIFIER "x", ptid.tid);
        /* An unreadable pc is 0: lldb then reads the registers itself. */
        rsp_read_pc(conn, ptid, &pc);
        g_string_append_printf(pcs, "%" G_GINT64_MODIFIER "x", pc);
    }
    g_string_append_printf(reply, ";thread-pcs:%s;", pcs->str);
    g_string_free(pcs, TRUE);
    rsp_thread_info_free_array(threads);
}

void rsp_format_stop_reply(struct rsp_conn *conn, const struct rsp_stop *stop,
                           GString *reply)
{
    struct rsp_ptid thread = stop->thread;

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
    case RSP_STOP_THREAD_EXITED:
        g_string_append_printf(reply, "w%02x;", stop->exit_code & 0xff);
        rsp_append_ptid(conn, reply, stop->thread);
        return;
    case RSP_STOP_SIGNAL:
        break;
    }
    /* Name the thread always, so that gdb never has to guess which one
     * stopped: a target that did not say gets the one "any" means. */
    if (thread.tid <= 0)
        thread = rsp_conn_resolve_thread(conn, thread);
    g_string_append_printf(reply, "T%02x", stop->signal & 0xff);
    append_expedited(conn, thread, reply);
    if (thread.tid > 0) {
        g_string_append(reply, "thread:");
        rsp_append_ptid(conn, reply, thread);
        g_string_append_c(reply, ';');
        /* gdb takes the thread of a T reply as its general thread (its
         * record_currthread) and sends no Hg before the next g, p or m
         * for it; gdbserver moves its Hg selection the same way. Keeping
         * an older Hg would answer with another thread's registers.
         * Not in non-stop: there gdb's wait_ns keeps its selection, and
         * stops come while it works on other threads. */
        if (!conn->non_stop)
            conn->g_thread = thread;
    }
    g_string_append_printf(reply, "core:%x;", (unsigned)MAX(stop->core, 0));
    append_reason(conn, stop, reply);
    if (conn->threads_in_stop)
        append_thread_list(conn, reply);
}
