/* Thread ids and the thread packets: H, T, qC, qfThreadInfo/qsThreadInfo. */
#include "rsp/commands.h"
#include "rsp/hex.h"

#include <errno.h>
#include <string.h>

/* Keep thread-list replies well below the packet size. */
#define THREAD_LIST_CHUNK 4096

void rsp_thread_info_free_array(GArray *threads)
{
    if (!threads)
        return;
    for (guint i = 0; i < threads->len; i++) {
        struct rsp_thread_info *info = &g_array_index(threads,
                                                      struct rsp_thread_info,
                                                      i);
        g_free(info->name);
        g_free(info->extra);
    }
    g_array_unref(threads);
}

/* "-1", or a hex number that is not -1 and fits in int64 positive. */
static bool parse_id(const char **s, int64_t *id)
{
    uint64_t v;

    if ((*s)[0] == '-' && (*s)[1] == '1' && rsp_hex_digit((*s)[2]) < 0) {
        *s += 2;
        *id = -1;
        return true;
    }
    if (!rsp_parse_hex_u64(s, &v) || v > INT64_MAX)
        return false;
    *id = (int64_t)v;
    return true;
}

int64_t rsp_conn_target_pid(struct rsp_conn *conn)
{
    if (conn->target->ops->pid)
        return conn->target->ops->pid(conn->target);
    return 0;
}

/* Without multiprocess a thread id stands alone; Linux thread ids are
 * unique across processes, so the thread list tells whose it is (a forked
 * child's thread is not the first process's). */
static int64_t pid_of_thread(struct rsp_conn *conn, int64_t tid)
{
    GArray *threads = rsp_conn_threads(conn);
    int64_t pid = 0;

    for (guint i = 0; threads && i < threads->len && pid <= 0; i++) {
        struct rsp_ptid t = g_array_index(threads, struct rsp_thread_info,
                                          i).ptid;
        if (t.tid == tid)
            pid = t.pid;
    }
    rsp_thread_info_free_array(threads);
    return pid > 0 ? pid : rsp_conn_target_pid(conn);
}

bool rsp_parse_ptid(struct rsp_conn *conn, const char **s, const char *stop,
                    struct rsp_ptid *ptid)
{
    const char *p = *s;
    struct rsp_ptid r;

    if (*p == 'p') {
        p++;
        if (!parse_id(&p, &r.pid))
            return false;
        r.tid = -1;     /* "pPID": all threads of the process */
        if (*p == '.') {
            p++;
            if (!parse_id(&p, &r.tid))
                return false;
        }
    } else {
        if (!parse_id(&p, &r.tid))
            return false;
        if (r.tid == -1)
            r.pid = -1;
        else if (r.tid == 0)
            r.pid = 0;
        else
            r.pid = pid_of_thread(conn, r.tid);
    }
    if (*p != '\0' && (stop == NULL || strchr(stop, *p) == NULL))
        return false;
    *s = p;
    *ptid = r;
    return true;
}

static void append_id(GString *out, int64_t id)
{
    if (id < 0)
        g_string_append(out, "-1");
    else
        g_string_append_printf(out, "%" G_GINT64_MODIFIER "x", id);
}

void rsp_append_ptid(struct rsp_conn *conn, GString *out, struct rsp_ptid ptid)
{
    if (conn->peer.multiprocess) {
        g_string_append_c(out, 'p');
        append_id(out, ptid.pid != 0 ? ptid.pid : rsp_conn_target_pid(conn));
        g_string_append_c(out, '.');
    }
    append_id(out, ptid.tid);
}

GArray *rsp_conn_threads(struct rsp_conn *conn)
{
    if (!conn->target->ops->threads)
        return NULL;
    return conn->target->ops->threads(conn->target);
}

struct rsp_ptid rsp_conn_resolve_thread(struct rsp_conn *conn,
                                        struct rsp_ptid ptid)
{
    struct rsp_stop stop;
    GArray *threads;

    if (ptid.tid > 0)
        return ptid;
    if (conn->stop_thread.tid > 0)
        return conn->stop_thread;
    if (conn->target->ops->last_stop) {
        memset(&stop, 0, sizeof(stop));
        conn->target->ops->last_stop(conn->target, &stop);
        if (stop.thread.tid > 0)
            return stop.thread;
    }
    threads = rsp_conn_threads(conn);
    if (threads && threads->len > 0)
        ptid = g_array_index(threads, struct rsp_thread_info, 0).ptid;
    rsp_thread_info_free_array(threads);
    return ptid;
}

/* Does a thread match ptid? A tid or pid of 0 or -1 matches any. */
static bool thread_exists(struct rsp_conn *conn, struct rsp_ptid ptid)
{
    GArray *threads = rsp_conn_threads(conn);
    bool found = false;

    for (guint i = 0; threads && i < threads->len && !found; i++) {
        struct rsp_ptid t = g_array_index(threads, struct rsp_thread_info,
                                          i).ptid;
        found = (ptid.tid <= 0 || t.tid == ptid.tid)
                && (ptid.pid <= 0 || t.pid == ptid.pid);
    }
    rsp_thread_info_free_array(threads);
    return found;
}

RSP_HANDLER(rsp_cmd_set_thread)
{
    const char *p = a->args + 1;
    struct rsp_ptid ptid;

    if (a->len < 2 || (a->args[0] != 'g' && a->args[0] != 'c')
        || !rsp_parse_ptid(conn, &p, NULL, &ptid)) {
        rsp_reply_bad_request(conn, reply, "bad H packet");
        return RSP_REPLY;
    }
    /* "pPID.-1" after a fork names the new process: it must exist. */
    if ((ptid.tid > 0 || ptid.pid > 0) && !thread_exists(conn, ptid)) {
        rsp_reply_error(conn, reply, -ESRCH);
        return RSP_REPLY;
    }
    if (a->args[0] == 'g') {
        conn->g_thread = ptid;
        if ((ptid.tid > 0 || ptid.pid > 0) && conn->target->ops->select_thread)
            conn->target->ops->select_thread(conn->target, ptid);
    } else
        conn->c_thread = ptid;
    g_string_append(reply, "OK");
    return RSP_REPLY;
}

RSP_HANDLER(rsp_cmd_thread_alive)
{
    const char *p = a->args;
    struct rsp_ptid ptid;

    if (!rsp_parse_ptid(conn, &p, NULL, &ptid) || ptid.tid <= 0) {
        rsp_reply_bad_request(conn, reply, "bad T packet");
        return RSP_REPLY;
    }
    if (thread_exists(conn, ptid))
        g_string_append(reply, "OK");
    else
        rsp_reply_error(conn, reply, -ESRCH);
    return RSP_REPLY;
}

RSP_HANDLER(rsp_cmd_current_thread)
{
    struct rsp_ptid ptid = rsp_conn_resolve_thread(conn,
                                                   (struct rsp_ptid){ 0, 0 });

    if (ptid.tid <= 0)
        return RSP_REPLY;   /* no threads: gdb uses its own default */
    g_string_append(reply, "QC");
    rsp_append_ptid(conn, reply, ptid);
    return RSP_REPLY;
}

static void thread_list_chunk(struct rsp_conn *conn, GString *reply)
{
    GArray *list = conn->thread_list;

    if (!list || conn->thread_list_pos >= list->len) {
        g_string_append_c(reply, 'l');
        return;
    }
    g_string_append_c(reply, 'm');
    while (conn->thread_list_pos < list->len
           && reply->len < THREAD_LIST_CHUNK) {
        if (reply->len > 1)
            g_string_append_c(reply, ',');
        rsp_append_ptid(conn, reply, g_array_index(list, struct rsp_ptid,
                                                   conn->thread_list_pos));
        conn->thread_list_pos++;
    }
}

RSP_HANDLER(rsp_cmd_thread_info_first)
{
    GArray *threads = rsp_conn_threads(conn);

    if (conn->thread_list)
        g_array_unref(conn->thread_list);
    conn->thread_list = g_array_new(FALSE, FALSE, sizeof(struct rsp_ptid));
    conn->thread_list_pos = 0;
    for (guint i = 0; threads && i < threads->len; i++)
        g_array_append_val(conn->thread_list,
                           g_array_index(threads, struct rsp_thread_info,
                                         i).ptid);
    rsp_thread_info_free_array(threads);
    thread_list_chunk(conn, reply);
    return RSP_REPLY;
}

RSP_HANDLER(rsp_cmd_thread_info_next)
{
    thread_list_chunk(conn, reply);
    return RSP_REPLY;
}
