/* The command table: one row per packet name. Handlers live in files by
 * concern (regs.c, memory.c, resume.c, query.c, xfer.c, lldb.c ...). */
#ifndef BACKSTEP_RSP_COMMANDS_H
#define BACKSTEP_RSP_COMMANDS_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>

#include "rsp/conn-private.h"

enum rsp_match {
    RSP_MATCH_EXACT,        /* the whole packet is the name */
    RSP_MATCH_PREFIX,       /* the name, then anything (single letters: "m") */
    RSP_MATCH_SEPARATED,    /* the name, then ':' ',' ';' or the end */
};

/* args: what follows the name (for SEPARATED, after the separator too; the
 * separator itself is in sep, or '\0' at the end). args is NUL-terminated
 * and args_len bytes long (binary-safe for X). */
struct rsp_args {
    const char *args;
    size_t len;
    char sep;
};

typedef enum rsp_handled (*rsp_handler_fn)(struct rsp_conn *conn,
                                           const struct rsp_args *a,
                                           GString *reply);

struct rsp_command {
    const char *name;
    enum rsp_match match;
    rsp_handler_fn handler;
};

/* Find the row for a packet: the longest name that matches. Exposed for
 * the tests. NULL: unknown packet (the empty reply). */
const struct rsp_command *rsp_find_command(const char *packet, size_t len,
                                           struct rsp_args *args);

/* Parse vCont actions (what follows "vCont;") into actions, an array of
 * struct rsp_resume_action, in the order given. */
bool rsp_parse_vcont(struct rsp_conn *conn, const char *args,
                     GArray *actions);

#define RSP_HANDLER(fn) \
    enum rsp_handled fn(struct rsp_conn *conn, const struct rsp_args *a, \
                        GString *reply)

/* regs.c */
RSP_HANDLER(rsp_cmd_read_regs);         /* g */
RSP_HANDLER(rsp_cmd_write_regs);        /* G */
RSP_HANDLER(rsp_cmd_read_reg);          /* p */
RSP_HANDLER(rsp_cmd_write_reg);         /* P */
/* memtags.c */
RSP_HANDLER(rsp_cmd_read_mem_tags);     /* qMemTags */
RSP_HANDLER(rsp_cmd_write_mem_tags);    /* QMemTags */
RSP_HANDLER(rsp_cmd_is_address_tagged); /* qIsAddressTagged */
/* qSupported's memory-tagging+ when the target has tags. */
void rsp_memtags_supported(struct rsp_conn *conn, GString *reply);
/* memory.c */
RSP_HANDLER(rsp_cmd_read_mem);          /* m */
RSP_HANDLER(rsp_cmd_write_mem);         /* M */
RSP_HANDLER(rsp_cmd_write_mem_binary);  /* X */
RSP_HANDLER(rsp_cmd_read_mem_binary);   /* x */
/* resume.c */
RSP_HANDLER(rsp_cmd_continue);          /* c */
RSP_HANDLER(rsp_cmd_continue_signal);   /* C */
RSP_HANDLER(rsp_cmd_step);              /* s */
RSP_HANDLER(rsp_cmd_step_signal);       /* S */
RSP_HANDLER(rsp_cmd_vcont_query);       /* vCont? */
RSP_HANDLER(rsp_cmd_vcont);             /* vCont */
/* reverse.c */
RSP_HANDLER(rsp_cmd_reverse_step);      /* bs */
RSP_HANDLER(rsp_cmd_reverse_continue);  /* bc */
RSP_HANDLER(rsp_cmd_stop_reason);       /* ? */
/* threads.c */
RSP_HANDLER(rsp_cmd_set_thread);        /* H */
RSP_HANDLER(rsp_cmd_thread_alive);      /* T */
RSP_HANDLER(rsp_cmd_current_thread);    /* qC */
RSP_HANDLER(rsp_cmd_thread_info_first); /* qfThreadInfo */
RSP_HANDLER(rsp_cmd_thread_info_next);  /* qsThreadInfo */
/* thread-list.c */
RSP_HANDLER(rsp_cmd_thread_extra_info); /* qThreadExtraInfo */
/* The qXfer:threads object; NULL with *err when there is no thread list. */
GBytes *rsp_threads_xml(struct rsp_conn *conn, int *err);
/* Append text escaped for XML (attribute or element). */
void rsp_append_xml_text(GString *out, const char *text);
/* events.c */
RSP_HANDLER(rsp_cmd_thread_events);     /* QThreadEvents */
RSP_HANDLER(rsp_cmd_catch_syscalls);    /* QCatchSyscalls */
/* A qSupported word from the debugger (fork-events+ ...). */
void rsp_events_note_peer(struct rsp_conn *conn, const char *item);
/* Our qSupported words for events; enables the agreed ones. */
void rsp_events_supported(struct rsp_conn *conn, GString *reply);
/* nonstop.c */
RSP_HANDLER(rsp_cmd_non_stop);          /* QNonStop */
RSP_HANDLER(rsp_cmd_vstopped);          /* vStopped */
/* '?' in non-stop mode. */
enum rsp_handled rsp_nonstop_status(struct rsp_conn *conn, GString *reply);
/* The resume actions for the target in non-stop mode: as given, less
 * the threads whose stop waits in the queue for vStopped (spelled out
 * per thread when a wildcard covers one). Free with g_array_unref. */
GArray *rsp_nonstop_filter_resume(struct rsp_conn *conn,
                                  const struct rsp_resume_action *actions,
                                  size_t n);
/* QNonStop+ in qSupported when the target has non-stop. */
void rsp_nonstop_supported(struct rsp_conn *conn, GString *reply);
/* extended.c */
RSP_HANDLER(rsp_cmd_extended_mode);     /* ! */
RSP_HANDLER(rsp_cmd_run);               /* vRun */
RSP_HANDLER(rsp_cmd_restart);           /* R */
RSP_HANDLER(rsp_cmd_attach);            /* vAttach */
RSP_HANDLER(rsp_cmd_startup_with_shell);        /* QStartupWithShell */
RSP_HANDLER(rsp_cmd_disable_randomization);     /* QDisableRandomization */
RSP_HANDLER(rsp_cmd_environment_set);   /* QEnvironmentHexEncoded */
RSP_HANDLER(rsp_cmd_environment_unset); /* QEnvironmentUnset */
RSP_HANDLER(rsp_cmd_environment_reset); /* QEnvironmentReset */
RSP_HANDLER(rsp_cmd_set_working_dir);   /* QSetWorkingDir */
/* Our qSupported words for extended-remote's settings. */
void rsp_extended_supported(struct rsp_conn *conn, GString *reply);
/* breakpoints.c */
RSP_HANDLER(rsp_cmd_insert_break);      /* Z */
RSP_HANDLER(rsp_cmd_remove_break);      /* z */
/* session.c */
RSP_HANDLER(rsp_cmd_supported);         /* qSupported */
RSP_HANDLER(rsp_cmd_start_no_ack);      /* QStartNoAckMode */
RSP_HANDLER(rsp_cmd_kill);              /* k */
RSP_HANDLER(rsp_cmd_vkill);             /* vKill */
RSP_HANDLER(rsp_cmd_detach);            /* D */
RSP_HANDLER(rsp_cmd_monitor);           /* qRcmd */
RSP_HANDLER(rsp_cmd_attached);          /* qAttached */
RSP_HANDLER(rsp_cmd_symbol);            /* qSymbol */
RSP_HANDLER(rsp_cmd_empty);             /* known, deliberately unsupported */
/* xfer.c */
RSP_HANDLER(rsp_cmd_xfer);              /* qXfer */
/* signals.c */
RSP_HANDLER(rsp_cmd_pass_signals);      /* QPassSignals */
RSP_HANDLER(rsp_cmd_program_signals);   /* QProgramSignals */
/* The qSupported words for what the target offers of signals. */
void rsp_signals_supported(struct rsp_conn *conn, GString *reply);
/* tls.c */
RSP_HANDLER(rsp_cmd_tls_address);       /* qGetTLSAddr */
/* vfile.c */
RSP_HANDLER(rsp_cmd_vfile);             /* vFile:OPERATION */
/* lldb.c */
RSP_HANDLER(rsp_cmd_host_info);         /* qHostInfo */
RSP_HANDLER(rsp_cmd_process_info);      /* qProcessInfo */
RSP_HANDLER(rsp_cmd_register_info);     /* qRegisterInfo<hex> */
RSP_HANDLER(rsp_cmd_thread_suffix);     /* QThreadSuffixSupported */
RSP_HANDLER(rsp_cmd_threads_in_stop);   /* QListThreadsInStopReply */
RSP_HANDLER(rsp_cmd_memory_region_info); /* qMemoryRegionInfo[:ADDR] */

#endif
