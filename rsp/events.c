/* Event reports the debugger turns on: fork/vfork/exec (through
 * qSupported), thread creation and exit (QThreadEvents), system calls
 * (QCatchSyscalls). The stop replies themselves are in stop.c. */
#include "rsp/commands.h"
#include "rsp/hex.h"

#include <errno.h>
#include <string.h>

/* A QCatchSyscalls list longer than this is not a list of syscalls
 * (Linux has fewer than 500); a bound keeps the allocation honest. */
#define MAX_CAUGHT_SYSCALLS 4096

#define PROCESS_EVENTS (RSP_EVENT_FORK | RSP_EVENT_VFORK | RSP_EVENT_EXEC)

static unsigned target_event_support(struct rsp_conn *conn)
{
    const struct rsp_target_ops *ops = conn->target->ops;

    if (!ops->event_support || !ops->set_events)
        return 0;
    return ops->event_support(conn->target);
}

void rsp_conn_apply_events(struct rsp_conn *conn, unsigned events)
{
    conn->events = events;
    if (conn->target->ops->set_events)
        conn->target->ops->set_events(conn->target, events);
}

void rsp_events_note_peer(struct rsp_conn *conn, const char *item)
{
    static const struct {
        const char *name;
        unsigned event;
    } words[] = {
        { "fork-events+",  RSP_EVENT_FORK },
        { "vfork-events+", RSP_EVENT_VFORK },
        { "exec-events+",  RSP_EVENT_EXEC },
    };

    for (size_t i = 0; i < G_N_ELEMENTS(words); i++) {
        if (strcmp(item, words[i].name) == 0)
            conn->peer.events |= words[i].event;
    }
}

void rsp_events_supported(struct rsp_conn *conn, GString *reply)
{
    unsigned support = target_event_support(conn);
    unsigned offered = support & conn->peer.events & PROCESS_EVENTS;

    /* Offered only in answer to the debugger's own word: then both sides
     * know the event is on, and it is on until the next qSupported. */
    if (offered & RSP_EVENT_FORK)
        g_string_append(reply, ";fork-events+");
    if (offered & RSP_EVENT_VFORK)
        g_string_append(reply, ";vfork-events+");
    if (offered & RSP_EVENT_EXEC)
        g_string_append(reply, ";exec-events+");
    if (support & RSP_EVENT_THREADS)
        g_string_append(reply, ";QThreadEvents+");
    if (conn->target->ops->catch_syscalls)
        g_string_append(reply, ";QCatchSyscalls+");
    /* A new negotiation: thread events are off until QThreadEvents:1. */
    if (support)
        rsp_conn_apply_events(conn, offered);
}

/* QThreadEvents:1 / QThreadEvents:0 */
RSP_HANDLER(rsp_cmd_thread_events)
{
    if (!(target_event_support(conn) & RSP_EVENT_THREADS))
        return RSP_REPLY;   /* not supported: the empty reply */
    if (a->sep != ':' || a->len != 1
        || (a->args[0] != '0' && a->args[0] != '1')) {
        rsp_reply_bad_request(conn, reply, "bad QThreadEvents packet");
        return RSP_REPLY;
    }
    if (a->args[0] == '1')
        rsp_conn_apply_events(conn, conn->events | RSP_EVENT_THREADS);
    else
        rsp_conn_apply_events(conn, conn->events & ~RSP_EVENT_THREADS);
    g_string_append(reply, "OK");
    return RSP_REPLY;
}

/* "1" (all), "1;NR;NR..." (those, hex), or "0" (none). */
static bool parse_catch_list(const char *args, bool *enable, GArray *nrs)
{
    const char *p = args;

    if (strcmp(p, "0") == 0) {
        *enable = false;
        return true;
    }
    if (*p != '1')
        return false;
    p++;
    *enable = true;
    while (*p == ';') {
        uint64_t nr;

        p++;
        if (!rsp_parse_hex_u64_until(&p, ";", &nr)
            || nrs->len >= MAX_CAUGHT_SYSCALLS)
            return false;
        g_array_append_val(nrs, nr);
    }
    return *p == '\0';
}

/* QCatchSyscalls:1[;NR]... / QCatchSyscalls:0 */
RSP_HANDLER(rsp_cmd_catch_syscalls)
{
    GArray *nrs;
    bool enable;
    int err;

    if (!conn->target->ops->catch_syscalls)
        return RSP_REPLY;
    nrs = g_array_new(FALSE, FALSE, sizeof(uint64_t));
    if (a->sep != ':' || !parse_catch_list(a->args, &enable, nrs)) {
        rsp_reply_bad_request(conn, reply, "bad QCatchSyscalls packet");
    } else {
        err = conn->target->ops->catch_syscalls(
            conn->target, enable, (const uint64_t *)nrs->data,
            enable ? nrs->len : 0);
        if (err < 0)
            rsp_reply_error(conn, reply, err);
        else
            g_string_append(reply, "OK");
    }
    g_array_unref(nrs);
    return RSP_REPLY;
}
