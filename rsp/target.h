/* The target interface: the only thing rsp/ knows about what it debugs.
 *
 * server/ implements it on a machine; the unit tests implement a fake one.
 * All calls are made from the main loop. resume() never blocks: the owner
 * runs the target and later calls rsp_conn_report_stop() with the stop.
 *
 * Conventions: functions returning int give 0 on success or a negative
 * errno value (-EINVAL, -EFAULT, -ENOENT, -EOPNOTSUPP ...), which rsp/
 * turns into an "E xx" reply.
 */
#ifndef BACKSTEP_RSP_TARGET_H
#define BACKSTEP_RSP_TARGET_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct stat;
struct tdesc;

/* A thread id as the protocol sees it. pid/tid > 0; 0 means "any" and
 * -1 means "all" where the protocol allows those. */
struct rsp_ptid {
    int64_t pid;
    int64_t tid;
};

enum rsp_stop_kind {
    RSP_STOP_SIGNAL,       /* T/S reply: stopped with a signal */
    RSP_STOP_EXITED,       /* W reply: exit code */
    RSP_STOP_TERMINATED,   /* X reply: killed by a signal */
};

enum rsp_stop_reason {
    RSP_REASON_NONE,       /* plain signal (step done: SIGTRAP, Ctrl-C: SIGINT) */
    RSP_REASON_SWBREAK,
    RSP_REASON_HWBREAK,
    RSP_REASON_WATCH,      /* write watchpoint */
    RSP_REASON_RWATCH,
    RSP_REASON_AWATCH,
};

struct rsp_stop {
    enum rsp_stop_kind kind;
    int signal;            /* GDB signal number (gdb's numbering, which for
                              the common ones equals Linux's) */
    int exit_code;         /* RSP_STOP_EXITED */
    struct rsp_ptid thread;
    enum rsp_stop_reason reason;
    uint64_t watch_addr;   /* RSP_REASON_WATCH/RWATCH/AWATCH */
};

enum rsp_resume_kind {
    RSP_RESUME_CONTINUE,
    RSP_RESUME_STEP,
    RSP_RESUME_RANGE_STEP, /* vCont;r: step while pc in [start, end) */
    RSP_RESUME_STOP,       /* vCont;t (non-stop), unused in all-stop */
};

/* One vCont action. The list given to resume() applies the first matching
 * action to each thread; a thread matched by none stays stopped. */
struct rsp_resume_action {
    enum rsp_resume_kind kind;
    int signal;            /* signal to deliver, 0 for none */
    uint64_t range_start, range_end;
    struct rsp_ptid thread; /* pid/tid -1: all threads */
};

enum rsp_break_type {
    RSP_BREAK_SW = 0,      /* Z0 */
    RSP_BREAK_HW = 1,      /* Z1 */
    RSP_WATCH_WRITE = 2,   /* Z2 */
    RSP_WATCH_READ = 3,    /* Z3 */
    RSP_WATCH_ACCESS = 4,  /* Z4 */
};

struct rsp_thread_info {
    struct rsp_ptid ptid;
    char *name;            /* may be NULL */
};

struct rsp_target;

/* GDB signal numbers on the wire are a byte. */
#define RSP_SIGNAL_COUNT 256

struct rsp_target_ops {
    /* The register table and its XML. */
    const struct tdesc *(*tdesc)(struct rsp_target *t);

    /* Registers, in the target byte order of the tdesc (little-endian).
     * buf holds bitsize/8 bytes of register regnum. */
    int (*read_reg)(struct rsp_target *t, struct rsp_ptid thread,
                    unsigned regnum, uint8_t *buf);
    int (*write_reg)(struct rsp_target *t, struct rsp_ptid thread,
                     unsigned regnum, const uint8_t *buf);

    /* Memory. read_mem returns the number of bytes read (a short count at
     * the first unreadable byte; 0 with -EFAULT-style failure as < 0). */
    ssize_t (*read_mem)(struct rsp_target *t, uint64_t addr, uint8_t *buf,
                        size_t len);
    int (*write_mem)(struct rsp_target *t, uint64_t addr, const uint8_t *buf,
                     size_t len);

    /* Start running; the target reports the stop later through
     * rsp_conn_report_stop(). Must not block. */
    int (*resume)(struct rsp_target *t, const struct rsp_resume_action *actions,
                  size_t n_actions);
    /* Ctrl-C: stop as soon as possible and report SIGINT. */
    void (*interrupt)(struct rsp_target *t);

    int (*insert_break)(struct rsp_target *t, enum rsp_break_type type,
                        uint64_t addr, uint64_t kind);
    int (*remove_break)(struct rsp_target *t, enum rsp_break_type type,
                        uint64_t addr, uint64_t kind);

    /* Threads: fills a newly allocated array; caller frees with
     * rsp_thread_info_free_array(). */
    GArray *(*threads)(struct rsp_target *t);
    /* The stop that the target is stopped at now (for '?'). */
    void (*last_stop)(struct rsp_target *t, struct rsp_stop *stop);

    /* qXfer objects other than features ("auxv", "exec-file", ...). Returns
     * a newly allocated byte array holding the whole object, or NULL with
     * *err set to a negative errno (-EOPNOTSUPP for unknown objects). */
    GBytes *(*xfer_read)(struct rsp_target *t, const char *object,
                         const char *annex, int *err);

    /* A monitor command (qRcmd); output text is appended to out. Returns 0
     * or a negative errno for an unknown command. */
    int (*monitor)(struct rsp_target *t, const char *command, GString *out);

    /* k / vKill: kill the process. detach: D. Both end the debugging of
     * the process; the owner decides whether the server exits. */
    void (*kill)(struct rsp_target *t);
    void (*detach)(struct rsp_target *t);

    /* vFile: the program's files, for a debugger that reads them through
     * the target (gdb's default sysroot "target:"). Read-only: rsp/
     * refuses writes before asking. file_open finds path as the program
     * itself would (its guest root) and returns a handle >= 0, which the
     * others take. All return a negative errno on failure. NULL
     * file_open: no file access (vFile gets the empty reply). */
    int (*file_open)(struct rsp_target *t, const char *path);
    ssize_t (*file_pread)(struct rsp_target *t, int handle, uint8_t *buf,
                          size_t len, uint64_t offset);
    int (*file_fstat)(struct rsp_target *t, int handle, struct stat *st);
    int (*file_close)(struct rsp_target *t, int handle);
    ssize_t (*file_readlink)(struct rsp_target *t, const char *path,
                             char *buf, size_t size);

    /* QPassSignals / QProgramSignals: set[n] for each GDB signal number
     * n < RSP_SIGNAL_COUNT that gdb listed. Pass: deliver to the program
     * without stopping (never while single-stepping); program: the only
     * signals the program may be given that way. A target with
     * pass_signals also answers xfer_read("siginfo"): the 128-byte Linux
     * siginfo of the signal it is stopped for. NULL: not supported. */
    void (*pass_signals)(struct rsp_target *t, const bool *set);
    void (*program_signals)(struct rsp_target *t, const bool *set);

    /* lldb's qProcessInfo / qHostInfo facts. */
    int64_t (*pid)(struct rsp_target *t);
    const char *(*triple)(struct rsp_target *t);  /* "aarch64-unknown-linux-gnu" */
};

struct rsp_target {
    const struct rsp_target_ops *ops;
};

void rsp_thread_info_free_array(GArray *threads);

#endif
