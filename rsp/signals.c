/* Signal filtering: QPassSignals (signals the target delivers without
 * stopping: gdb's `handle SIG nostop noprint pass`) and QProgramSignals
 * (signals the program may receive at all), and the qSupported words
 * that offer them with the siginfo object. */
#include "rsp/commands.h"
#include "rsp/hex.h"

#include <string.h>

/* "sig;sig;...": hex GDB signal numbers, possibly none. */
static bool parse_signal_list(const char *args, bool *set)
{
    const char *p = args;
    memset(set, 0, RSP_SIGNAL_COUNT * sizeof(*set));
    while (*p) {
        uint64_t sig;
        if (!rsp_parse_hex_u64_until(&p, ";", &sig) || sig >= RSP_SIGNAL_COUNT)
            return false;
        set[sig] = true;
        if (*p == ';')
            p++;
    }
    return true;
}

typedef void (*signal_filter_fn)(struct rsp_target *t, const bool *set);

static enum rsp_handled set_filter(struct rsp_conn *conn,
                                   const struct rsp_args *a, GString *reply,
                                   signal_filter_fn fn)
{
    bool set[RSP_SIGNAL_COUNT];

    if (!fn)
        return RSP_REPLY;   /* not supported: the empty reply */
    if ((a->sep != ':' && a->sep != '\0') || !parse_signal_list(a->args, set)) {
        rsp_reply_bad_request(conn, reply, "bad signal list");
        return RSP_REPLY;
    }
    fn(conn->target, set);
    g_string_append(reply, "OK");
    return RSP_REPLY;
}

RSP_HANDLER(rsp_cmd_pass_signals)
{
    return set_filter(conn, a, reply, conn->target->ops->pass_signals);
}

RSP_HANDLER(rsp_cmd_program_signals)
{
    return set_filter(conn, a, reply, conn->target->ops->program_signals);
}

void rsp_signals_supported(struct rsp_conn *conn, GString *reply)
{
    if (conn->target->ops->pass_signals)
        g_string_append(reply, ";qXfer:siginfo:read+;QPassSignals+");
    /* gdb writes $_siginfo back (rsp/xfer.c). */
    if (conn->target->ops->siginfo_write)
        g_string_append(reply, ";qXfer:siginfo:write+");
    if (conn->target->ops->program_signals)
        g_string_append(reply, ";QProgramSignals+");
}
