/* The connection state shared by the command handlers in rsp/.
 * Nothing outside rsp/ includes this. */
#ifndef BACKSTEP_RSP_CONN_PRIVATE_H
#define BACKSTEP_RSP_CONN_PRIVATE_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

#include "rsp/conn.h"
#include "rsp/packet.h"
#include "rsp/target.h"

struct tdesc;
struct tdesc_reg;

/* What the debugger told us in qSupported. */
struct rsp_peer_features {
    bool swbreak;
    bool hwbreak;
    bool error_message;     /* accepts "E.text" */
    bool binary_upload;     /* gdb 15+: 'x' replies start with 'b' */
    bool multiprocess;      /* thread ids as pPID.TID */
    /* Event reports the debugger can take (RSP_EVENT_FORK/VFORK/EXEC). */
    unsigned events;
};

/* How vRun and R start the program: set by the Q packets of
 * extended-remote, kept across runs (gdb sends them once). */
struct rsp_run_settings {
    /* name -> value, or -> NULL for "unset"; changes to the target's
     * initial environment. */
    GHashTable *env;
    char *working_dir;      /* NULL: the target's own */
    bool startup_with_shell;
    bool disable_randomization;
    char **last_argv;       /* of the last vRun, for R; NULL before one */
    bool started;           /* the program now debugged came from vRun/R */
};

struct rsp_conn {
    struct rsp_target *target;
    rsp_send_fn send;
    void *send_opaque;

    struct rsp_rx rx;
    bool no_ack;            /* after QStartNoAckMode */
    bool run_length;        /* compress our replies */
    GString *last_packet;   /* framed, for retransmission on '-' */
    GString *scratch;       /* framing buffer */

    struct rsp_peer_features peer;

    bool running;           /* a resume is outstanding */
    bool interrupt_ahead;   /* a Ctrl-C follows the packet being handled */
    bool interrupt_taken;   /* ...and a command took it: skip it */
    bool finished;          /* D, k or vKill handled */
    bool non_stop;          /* after QNonStop:1 */
    /* Non-stop: formatted stop replies (char *) not yet taken with
     * vStopped. The head was sent (as a %Stop notification, or as the
     * reply to '?' or vStopped) and waits for its vStopped. */
    GQueue stop_notes;
    /* Packets that arrived while running, replayed after the stop. */
    GQueue pending;         /* of GBytes */
    size_t pending_bytes;

    struct rsp_ptid g_thread;   /* Hg: registers and memory */
    struct rsp_ptid c_thread;   /* Hc: legacy c/s */
    struct rsp_ptid stop_thread; /* thread of the last stop */

    /* The `info os` table being read in pieces (qXfer:osdata), and its
     * annex (rsp/xfer.c). */
    GBytes *osdata;
    char *osdata_annex;

    /* qfThreadInfo/qsThreadInfo iteration. */
    GArray *thread_list;    /* of struct rsp_ptid */
    unsigned thread_list_pos;

    unsigned events;        /* RSP_EVENT_* enabled in the target */
    bool extended;          /* after '!' */
    bool thread_suffix;     /* lldb: g/p/P/G end in ";thread:TID;" */
    bool threads_in_stop;   /* lldb: T replies list threads: and
                               thread-pcs: */
    struct rsp_run_settings run;
};

/* What a handler wants done after it returns. */
enum rsp_handled {
    RSP_REPLY,              /* send the reply buffer (possibly empty) */
    RSP_NO_REPLY,           /* the target is running, or the peer expects
                               nothing */
};

/* Frame and send one packet (replies, and 'O' console output). */
void rsp_conn_send_packet(struct rsp_conn *conn, const char *payload,
                          size_t len);

/* Fill reply with an error for a negative errno value: "E.text" when the
 * peer accepts messages, else "Exx" with the errno in hex. */
void rsp_reply_error(struct rsp_conn *conn, GString *reply, int neg_errno);
/* A malformed request: "E.message" or "E16" (EINVAL). */
void rsp_reply_bad_request(struct rsp_conn *conn, GString *reply,
                           const char *what);

/* Thread ids: parse "TID", "-1", "0", "pPID.TID", "pPID", "pPID.-1"
 * up to the end of s or a character in stop; advance *s. */
bool rsp_parse_ptid(struct rsp_conn *conn, const char **s, const char *stop,
                    struct rsp_ptid *ptid);
void rsp_append_ptid(struct rsp_conn *conn, GString *out,
                     struct rsp_ptid ptid);
/* The target's process id, or 0 if it has none to tell. */
int64_t rsp_conn_target_pid(struct rsp_conn *conn);
/* A concrete thread for "any"/"all" (0 or -1): the thread that stopped. */
struct rsp_ptid rsp_conn_resolve_thread(struct rsp_conn *conn,
                                        struct rsp_ptid ptid);

/* The target's threads (rsp_thread_info), or NULL when it has no
 * threads op. Free with rsp_thread_info_free_array(). */
GArray *rsp_conn_threads(struct rsp_conn *conn);

/* Read the 64-bit pc of thread; false if it cannot. */
bool rsp_read_pc(struct rsp_conn *conn, struct rsp_ptid thread,
                 uint64_t *pc);

/* Tell the target which events are enabled now (conn->events). */
void rsp_conn_apply_events(struct rsp_conn *conn, unsigned events);

/* The stop reply for stop (T/W/X/w). */
void rsp_format_stop_reply(struct rsp_conn *conn, const struct rsp_stop *stop,
                           GString *reply);

/* Register table lookups over the fields of struct tdesc. */
const struct tdesc *rsp_conn_tdesc(struct rsp_conn *conn);
const struct tdesc_reg *rsp_tdesc_reg(const struct tdesc *td, unsigned regnum);
const struct tdesc_reg *rsp_tdesc_reg_by_name(const struct tdesc *td,
                                              const char *name);
const char *rsp_tdesc_annex(const struct tdesc *td, const char *annex);
unsigned rsp_tdesc_reg_count(const struct tdesc *td);

/* Frame and send one notification ("%NAME:PAYLOAD#cs"): never acked,
 * never resent. */
void rsp_conn_send_notification(struct rsp_conn *conn, const char *name,
                                const char *payload);

/* Non-stop (nonstop.c): queue a stop the target reported, notifying the
 * debugger if no earlier one waits for its vStopped. */
void rsp_nonstop_report_stop(struct rsp_conn *conn,
                             const struct rsp_stop *stop);
/* Forget the queued stops (mode switches, connection end). */
void rsp_nonstop_clear(struct rsp_conn *conn);

/* Dispatch one decoded packet (NUL-terminated, binary-safe via len). */
void rsp_dispatch(struct rsp_conn *conn, const char *packet, size_t len);

/* Forget the `info os` table kept between pieces (rsp/xfer.c). */
void rsp_conn_drop_osdata(struct rsp_conn *conn);

#endif
