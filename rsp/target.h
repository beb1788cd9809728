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
    RSP_STOP_THREAD_EXITED, /* w reply: one thread (stop.thread) ended with
                              exit_code while its process lives on. Only
                              while RSP_EVENT_THREADS is enabled. */
};

enum rsp_stop_reason {
    RSP_REASON_NONE,       /* plain signal (step done: SIGTRAP, Ctrl-C: SIGINT) */
    RSP_REASON_SWBREAK,
    RSP_REASON_HWBREAK,
    RSP_REASON_WATCH,      /* write watchpoint */
    RSP_REASON_RWATCH,
    RSP_REASON_AWATCH,
    /* Events (signal 5, SIGTRAP), each reported only while the debugger
     * enabled it (set_events, catch_syscalls): */
    RSP_REASON_FORK,       /* stop.thread forked; child: its only thread.
                              Both processes stay stopped. */
    RSP_REASON_VFORK,      /* same, by vfork (or clone with CLONE_VFORK) */
    RSP_REASON_VFORK_DONE, /* the vfork child of stop.thread exec'd or
                              exited: the parent goes on */
    RSP_REASON_EXEC,       /* stop.thread's process exec'd exec_path; its
                              other threads are gone and the process is
                              stopped at the new program's entry */
    RSP_REASON_THREAD_CREATED, /* stop.thread is new and stopped before its
                              first instruction (QThreadEvents) */
    RSP_REASON_SYSCALL_ENTRY,  /* stopped entering syscall_nr */
    RSP_REASON_SYSCALL_RETURN, /* stopped returning from syscall_nr */
    /* Replaying (reverse execution): the start of the recorded history
     * was reached going backwards ("replaylog:begin", signal 5). */
    RSP_REASON_REPLAY_BEGIN,
    /* ... and its end going forward ("replaylog:end", signal 5). */
    RSP_REASON_REPLAY_END,
};

struct rsp_stop {
    enum rsp_stop_kind kind;
    int signal;            /* GDB signal number (gdb's numbering, which for
                              the common ones equals Linux's) */
    int exit_code;         /* RSP_STOP_EXITED */
    struct rsp_ptid thread;
    enum rsp_stop_reason reason;
    uint64_t watch_addr;   /* RSP_REASON_WATCH/RWATCH/AWATCH */
    /* Fields added later: zero keeps the earlier behaviour. */
    struct rsp_ptid child; /* RSP_REASON_FORK/VFORK: the child's thread */
    const char *exec_path; /* RSP_REASON_EXEC: the new program, as the
                              process sees it; owned by the target, valid
                              until its next resume or run */
    uint64_t syscall_nr;   /* RSP_REASON_SYSCALL_*: Linux AArch64 number */
    int core;              /* the CPU the thread ran on ("core:") */
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
    /* Fields added later: zero keeps the earlier behaviour. */
    int core;              /* the CPU it last ran on */
    char *extra;           /* free text for "info threads" (qThreadExtraInfo,
                              the body of qXfer:threads); NULL: none.
                              Freed like name. */
};

/* Debugger-enabled event reports, for event_support/set_events. */
#define RSP_EVENT_FORK    (1u << 0)   /* RSP_REASON_FORK (fork-events+) */
#define RSP_EVENT_VFORK   (1u << 1)   /* RSP_REASON_VFORK, VFORK_DONE */
#define RSP_EVENT_EXEC    (1u << 2)   /* RSP_REASON_EXEC (exec-events+) */
#define RSP_EVENT_THREADS (1u << 3)   /* RSP_REASON_THREAD_CREATED and
                                         RSP_STOP_THREAD_EXITED
                                         (QThreadEvents) */

/* How to start the program for vRun / R (extended-remote). The strings
 * belong to rsp/ and live until the run op returns. */
struct rsp_run_request {
    /* argv[0] is the program ("" : the one the target ran last); NULL-
     * terminated. */
    char *const *argv;
    /* Environment: the target's own initial environment, less the names
     * in env_unset, plus the "NAME=VALUE" strings of env_set (both NULL-
     * terminated, possibly empty). QEnvironmentReset empties both. */
    char *const *env_set;
    char *const *env_unset;
    const char *working_dir;    /* NULL: the target's own */
    bool startup_with_shell;    /* QStartupWithShell (default: false) */
    bool disable_randomization; /* QDisableRandomization (default: true) */
};

/* Reverse execution (bs, bc). */
enum rsp_reverse_kind {
    RSP_REVERSE_STEP,      /* back one instruction of the thread */
    RSP_REVERSE_CONTINUE,  /* back to the last breakpoint or watchpoint hit */
};

/* One region of the address space (lldb's qMemoryRegionInfo): a run of
 * pages with one protection and one tagging, or the gap (mapped false)
 * between two mappings. [start, start+size) holds the address asked
 * about, except that a gap reaching the top of the address space ends at
 * UINT64_MAX itself, as lldb-server reports it (lldb stops walking the
 * regions there). */
struct rsp_region {
    uint64_t start, size;
    bool mapped;
    bool readable, writable, executable;
    bool memory_tagged;    /* PROT_MTE: allocation tags (lldb's "mt") */
    char *name;            /* the file mapped there, or NULL; rsp/ frees it
                              with g_free */
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

    /* Hg named thread (a pid, or a pid and a tid): memory packets and
     * Z/z, which name no thread, now mean its process (gdb selects the
     * inferior that way before taking a fork child's breakpoints out).
     * Optional. */
    void (*select_thread)(struct rsp_target *t, struct rsp_ptid thread);

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

    /* ---- Added for threads, processes, events, extended-remote. Each
     * may be NULL: then the feature is not advertised and its packets
     * get the empty reply (or an error, where the protocol wants one). */

    /* Which RSP_EVENT_* the target can report. rsp/ advertises in
     * qSupported the ones the debugger asked for (fork-events+,
     * vfork-events+, exec-events+; QThreadEvents+ always when offered)
     * and then calls set_events with the set the debugger enabled: after
     * each qSupported (its fork/vfork/exec words) and each
     * QThreadEvents:0/1. Events not enabled must not be reported: a fork
     * then is followed silently (the child runs detached), a new thread
     * just runs. Both NULL: no events. */
    unsigned (*event_support)(struct rsp_target *t);
    void (*set_events)(struct rsp_target *t, unsigned events);

    /* QCatchSyscalls: enable false stops catching; enable true with
     * n == 0 catches every syscall, else only the n numbers in nrs.
     * Caught syscalls stop with RSP_REASON_SYSCALL_ENTRY before the call
     * and RSP_REASON_SYSCALL_RETURN after it (signal 5). */
    int (*catch_syscalls)(struct rsp_target *t, bool enable,
                          const uint64_t *nrs, size_t n);

    /* Multiprocess: kill or detach one process (vKill;PID, D;PID), which
     * must exist (else -ESRCH). When these are NULL, rsp/ falls back to
     * kill/detach for the target's only process. */
    int (*kill_process)(struct rsp_target *t, int64_t pid);
    int (*detach_process)(struct rsp_target *t, int64_t pid);

    /* Extended-remote. set_extended(true) on '!': from now on losing the
     * last process (k, vKill, D, exit) does not end the session; the
     * debugger may vRun again. run: start the program described by req
     * afresh (killing any program running now) and leave it stopped
     * before its first instruction; fill *stop with that stop (signal 5,
     * thread set) for the reply. Returns 0 or a negative errno (-ENOENT
     * for a missing program ...). Must not block for long: it loads the
     * program, it does not run it. run NULL: no extended mode ('!' and
     * vRun get the empty reply). */
    void (*set_extended)(struct rsp_target *t, bool extended);
    int (*run)(struct rsp_target *t, const struct rsp_run_request *req,
               struct rsp_stop *stop);

    /* ---- Reverse execution (bs, bc; ReverseStep+ and ReverseContinue+
     * in qSupported). Go back in time as kind says, from where thread is
     * now, and fill *stop with where it arrived: a plain SIGTRAP stop of
     * the thread after a step, a breakpoint/watchpoint stop (reasons as
     * going forward) after a continue, RSP_REASON_REPLAY_BEGIN at the
     * start of history. Unlike resume this answers at once: it replays
     * recorded history, which takes milliseconds, not guest time. NULL:
     * no reverse execution (the packets get the empty reply). */
    int (*reverse)(struct rsp_target *t, enum rsp_reverse_kind kind,
                   struct rsp_ptid thread, struct rsp_stop *stop);

    /* ---- Memory tagging (qMemTags, QMemTags, qIsAddressTagged;
     * memory-tagging+ in qSupported). type is gdb's tag type (1: AArch64
     * MTE allocation tags). read_tags: the tags of the granules covering
     * [addr, addr+len) (len 0: one granule), at most max of them, one per
     * byte; their number, or a negative errno (-EIO where memory is not
     * tagged, -E2BIG past max). write_tags: set those granules from the
     * ntags tags, repeated as needed; all or nothing. is_tagged: 1 if
     * addr is in tagged memory, 0 if not. read_tags or write_tags NULL:
     * no memory tagging. */
    ssize_t (*read_tags)(struct rsp_target *t, uint64_t addr, uint64_t len,
                         int type, uint8_t *tags, size_t max);
    int (*write_tags)(struct rsp_target *t, uint64_t addr, uint64_t len,
                      int type, const uint8_t *tags, size_t ntags);
    int (*is_tagged)(struct rsp_target *t, uint64_t addr);

    /* ---- Thread-local storage (qGetTLSAddr). The address of the byte
     * at offset in the TLS block of thread for the module whose link map
     * is at lm (0: the main program, as gdb sends for a static one).
     * -EOPNOTSUPP for a module the target cannot place, -ESRCH for an
     * unknown thread. NULL: the packet gets the empty reply. */
    int (*tls_address)(struct rsp_target *t, struct rsp_ptid thread,
                       uint64_t offset, uint64_t lm, uint64_t *addr);

    /* ---- Memory regions (lldb's qMemoryRegionInfo): fill *out with the
     * region holding addr, as sent (lldb clears a pointer's tag and PAC
     * bits first; like lldb-server, the target does not), in the address
     * space of the current thread's process. 0 or a negative errno
     * (-ESRCH: no process). NULL: the packet gets the empty reply. */
    int (*memory_region)(struct rsp_target *t, uint64_t addr,
                         struct rsp_region *out);

    /* ---- $_siginfo of one thread (qXfer:siginfo:read and :write, for
     * the thread the debugger selected with Hg, as PTRACE_GETSIGINFO /
     * PTRACE_SETSIGINFO). siginfo_read fills the 128-byte Linux siginfo of
     * the signal thread is stopped for; siginfo_write replaces len bytes
     * at offset of it (what the handler will see). 0 or a negative errno
     * (-ESRCH; read: -ENODATA when the thread has no siginfo).
     * siginfo_read NULL: the siginfo comes from xfer_read("siginfo").
     * siginfo_write NULL: no qXfer:siginfo:write. */
    int (*siginfo_read)(struct rsp_target *t, struct rsp_ptid thread,
                        uint8_t *buf);
    int (*siginfo_write)(struct rsp_target *t, struct rsp_ptid thread,
                         uint64_t offset, const uint8_t *data, size_t len);

    /* ---- Non-stop mode (QNonStop+, vCont;t, vStopped, %Stop). Both
     * NULL: all-stop only (QNonStop gets the empty reply).
     * set_non_stop switches modes; -EBUSY while any thread runs.
     * In non-stop, resume() changes only the threads the actions name:
     * a thread no action names keeps running, or stays stopped.
     * RSP_RESUME_STOP stops the running threads it names, each reported
     * with signal 0 (a thread already stopped is not reported again).
     * Every stop is one thread's (or one process's end): the target
     * keeps that thread stopped, reports it with rsp_conn_report_stop()
     * and runs the others on; rsp/ queues the reports and hands them to
     * the debugger one at a time (%Stop, then vStopped).
     * stopped_threads: a newly allocated array of struct rsp_stop, one
     * per stopped thread: its last stop, or a signal 0 stop for a thread
     * stopped without an event of its own (for '?'). */
    int (*set_non_stop)(struct rsp_target *t, bool non_stop);
    GArray *(*stopped_threads)(struct rsp_target *t);
};

struct rsp_target {
    const struct rsp_target_ops *ops;
};

void rsp_thread_info_free_array(GArray *threads);

#endif
