/* Non-stop mode: QNonStop, vStopped, the %Stop notification, and '?'
 * while threads run.
 *
 * In non-stop, a resume is answered with OK at once and each thread
 * that stops later is one stop reply in a queue. The protocol lets one
 * notification be outstanding at a time: the first reply queued goes out
 * as "%Stop:REPLY"; the debugger then drains the queue with vStopped,
 * each of which drops the head (the reply it has seen) and answers with
 * the next one, or OK when none is left. A stop queued while the queue
 * is not empty is sent only as a vStopped reply, never as a second
 * notification (gdb would otherwise start a second vStopped sequence in
 * the middle of the first).
 *
 * Replies are formatted when queued: the thread is held from then on,
 * so its registers do not change, and pointers in the stop (the exec
 * path) are only valid until the target runs again.
 *
 * A thread whose stop waits in the queue is stopped for us but not yet
 * for the debugger, which may send a wildcard resume ("vCont;c") meant
 * only for the threads it knows to run. As the protocol asks (and
 * gdbserver does), resume actions leave such a thread stopped until
 * vStopped has handed its stop over.
 */
#include "rsp/commands.h"

#include <errno.h>
#include <string.h>

/* Each thread stops at most once per resume, so the queue holds about
 * one reply per thread; only a peer that never sends vStopped while
 * resuming and stopping threads again and again could grow it. Past
 * this, new stops are dropped rather than memory. */
#define STOP_NOTES_MAX 16384

/* One queued stop: the reply, and the thread it stops (tid 0 for a
 * process's or a thread's end, which leave nothing to hold back). */
struct stop_note {
    char *reply;
    struct rsp_ptid thread;
};

static void stop_note_free(gpointer data)
{
    struct stop_note *note = data;

    g_free(note->reply);
    g_free(note);
}

static bool has_non_stop(struct rsp_conn *conn)
{
    return conn->target->ops->set_non_stop
           && conn->target->ops->stopped_threads;
}

void rsp_nonstop_clear(struct rsp_conn *conn)
{
    g_queue_clear_full(&conn->stop_notes, stop_note_free);
}

/* The stop becomes the connection's idea of "the thread that stopped";
 * an exited thread cannot stand for "any thread" any more. */
static void note_stop_thread(struct rsp_conn *conn,
                             const struct rsp_stop *stop)
{
    if (stop->kind == RSP_STOP_SIGNAL && stop->thread.tid > 0)
        conn->stop_thread = stop->thread;
    if (stop->kind == RSP_STOP_THREAD_EXITED
        && conn->stop_thread.tid == stop->thread.tid)
        conn->stop_thread = (struct rsp_ptid){ 0, 0 };
}

static struct stop_note *format_stop(struct rsp_conn *conn,
                                     const struct rsp_stop *stop)
{
    GString *reply = g_string_new(NULL);
    struct stop_note *note = g_new0(struct stop_note, 1);

    note_stop_thread(conn, stop);
    rsp_format_stop_reply(conn, stop, reply);
    note->reply = g_string_free(reply, FALSE);
    if (stop->kind == RSP_STOP_SIGNAL)
        note->thread = stop->thread;
    return note;
}

void rsp_nonstop_report_stop(struct rsp_conn *conn,
                             const struct rsp_stop *stop)
{
    bool first = g_queue_is_empty(&conn->stop_notes);

    if (g_queue_get_length(&conn->stop_notes) >= STOP_NOTES_MAX)
        return;
    g_queue_push_tail(&conn->stop_notes, format_stop(conn, stop));
    if (first)
        rsp_conn_send_notification(
            conn, "Stop",
            ((struct stop_note *)g_queue_peek_head(&conn->stop_notes))
                ->reply);
}

/* The head of the queue as the reply, or OK when it is empty. */
static void reply_head(struct rsp_conn *conn, GString *reply)
{
    const struct stop_note *head = g_queue_peek_head(&conn->stop_notes);

    g_string_assign(reply, head ? head->reply : "OK");
}

void rsp_nonstop_supported(struct rsp_conn *conn, GString *reply)
{
    if (has_non_stop(conn))
        g_string_append(reply, ";QNonStop+");
}

/* QNonStop:1 / QNonStop:0. The mode changes only while nothing runs
 * (the target refuses otherwise), and starts with an empty queue. */
RSP_HANDLER(rsp_cmd_non_stop)
{
    bool on;
    int err;

    if (!has_non_stop(conn))
        return RSP_REPLY;   /* the empty reply: gdb stays in all-stop */
    if (a->sep != ':' || a->len != 1 || (a->args[0] != '0'
                                         && a->args[0] != '1')) {
        rsp_reply_bad_request(conn, reply, "bad QNonStop packet");
        return RSP_REPLY;
    }
    on = a->args[0] == '1';
    err = conn->running ? -EBUSY
                        : conn->target->ops->set_non_stop(conn->target, on);
    if (err < 0) {
        rsp_reply_error(conn, reply, err);
        return RSP_REPLY;
    }
    conn->non_stop = on;
    rsp_nonstop_clear(conn);
    g_string_append(reply, "OK");
    return RSP_REPLY;
}

/* vStopped: the debugger has the head; the next one, or OK. */
RSP_HANDLER(rsp_cmd_vstopped)
{
    struct stop_note *taken;

    if (!has_non_stop(conn))
        return RSP_REPLY;
    taken = g_queue_pop_head(&conn->stop_notes);
    if (taken)
        stop_note_free(taken);
    reply_head(conn, reply);
    return RSP_REPLY;
}

/* '?' in non-stop: every stopped thread, the first as the reply and the
 * others through vStopped; OK when none is stopped. Stops queued before
 * are replaced: the list says all there is to say. */
enum rsp_handled rsp_nonstop_status(struct rsp_conn *conn, GString *reply)
{
    GArray *stops = conn->target->ops->stopped_threads(conn->target);

    rsp_nonstop_clear(conn);
    for (guint i = 0; stops && i < stops->len
                      && i < STOP_NOTES_MAX; i++)
        g_queue_push_tail(&conn->stop_notes,
                          format_stop(conn, &g_array_index(stops,
                                                           struct rsp_stop,
                                                           i)));
    if (stops)
        g_array_unref(stops);
    reply_head(conn, reply);
    return RSP_REPLY;
}

/* Whether a stop of thread (pid.tid) waits in the queue. */
static bool stop_pending(struct rsp_conn *conn, struct rsp_ptid thread)
{
    for (GList *l = conn->stop_notes.head; l; l = l->next) {
        const struct stop_note *note = l->data;
        if (note->thread.tid == thread.tid
            && (note->thread.pid <= 0 || thread.pid <= 0
                || note->thread.pid == thread.pid))
            return true;
    }
    return false;
}

static bool names(const struct rsp_resume_action *a, struct rsp_ptid ptid)
{
    return (a->thread.pid <= 0 || a->thread.pid == ptid.pid)
           && (a->thread.tid <= 0 || a->thread.tid == ptid.tid);
}

GArray *rsp_nonstop_filter_resume(struct rsp_conn *conn,
                                  const struct rsp_resume_action *actions,
                                  size_t n)
{
    GArray *out = g_array_new(FALSE, FALSE,
                              sizeof(struct rsp_resume_action));
    GArray *threads;
    bool any_pending = false;
    g_autofree bool *wild_step_kept = g_new0(bool, n ? n : 1);

    for (GList *l = conn->stop_notes.head; l && !any_pending; l = l->next)
        any_pending = ((const struct stop_note *)l->data)->thread.tid > 0;
    if (!any_pending) {
        g_array_append_vals(out, actions, n);
        return out;
    }
    /* Each thread gets the first action that names it (as the target
     * applies them), spelled out for it alone; a resume of a thread
     * whose stop is pending is left out. */
    threads = rsp_conn_threads(conn);
    for (guint t = 0; threads && t < threads->len; t++) {
        struct rsp_ptid ptid = g_array_index(threads, struct rsp_thread_info,
                                             t).ptid;
        for (size_t i = 0; i < n; i++) {
            struct rsp_resume_action one = actions[i];
            bool wild_step = (one.kind == RSP_RESUME_STEP
                              || one.kind == RSP_RESUME_RANGE_STEP)
                             && one.thread.tid <= 0;
            if (!names(&one, ptid))
                continue;
            /* A step without a thread steps one thread the target
             * chooses (resume() says which): left as it is, once. */
            if (wild_step) {
                if (!wild_step_kept[i])
                    g_array_append_val(out, one);
                wild_step_kept[i] = true;
                break;
            }
            if (one.kind == RSP_RESUME_STOP || !stop_pending(conn, ptid)) {
                one.thread = ptid;
                g_array_append_val(out, one);
            }
            break;
        }
    }
    rsp_thread_info_free_array(threads);
    return out;
}
