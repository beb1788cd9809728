/* The RSP target's state, shared by the files that implement it:
 * gdb-target.c (the operations, all-stop running) and
 * gdb-target-nonstop.c (running in non-stop mode). Nothing else
 * includes this. */
#ifndef BACKSTEP_SERVER_GDB_TARGET_PRIVATE_H
#define BACKSTEP_SERVER_GDB_TARGET_PRIVATE_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

#include "rsp/target.h"
#include "server/gdb-target.h"

struct machine_stop;

/* Instructions run per main-loop iteration while continuing: large enough
 * that the loop costs nothing, small enough that Ctrl-C is seen at once. */
#define CONTINUE_SLICE 200000
/* Single steps per main-loop iteration while range stepping. */
#define RANGE_STEP_SLICE 20000

enum run_mode {
    RUN_STOPPED,
    RUN_CONTINUE,
    RUN_STEP,
    RUN_RANGE,
};


struct gdb_target {
    struct rsp_target base;
    struct rsp_target_ops ops;  /* gdb_target_ops, plus run with a factory
                                   and reverse with reverse hooks */
    struct gdb_reverse_hooks reverse;
    struct machine *machine;
    const struct tdesc *tdesc;
    struct gdb_regs *regs;
    struct rsp_conn *conn;

    enum run_mode mode;
    int64_t step_tid;          /* RUN_STEP / RUN_RANGE: the thread */
    uint64_t range_start, range_end;
    /* The process whose memory m/M packets reach: the one of the thread
     * the debugger last read registers of (it selects with Hg first), or
     * of the last stop. */
    int64_t mem_pid;
    unsigned events;           /* RSP_EVENT_* the debugger enabled */

    bool catching_syscalls;
    bool interrupt_pending;
    guint run_source;
    gdb_interrupt_poll interrupt_poll;
    void *interrupt_poll_data;

    struct gdb_points *points; /* the debugger's, per process */
    /* QPassSignals / QProgramSignals, by GDB signal number. */
    bool pass_signals[RSP_SIGNAL_COUNT];
    bool program_signals[RSP_SIGNAL_COUNT];
    bool program_signals_given;
    GArray *files;             /* vFile handles: host fds, -1 when free */
    struct rsp_stop last_stop;
    /* Non-stop mode (QNonStop:1): each thread's run state, by tid (see
     * gdb-target-nonstop.c). A thread missing from it runs. */
    bool non_stop;
    GHashTable *ns_threads;
    bool ns_continue_turn;     /* the next slice runs the continuing
                                  threads rather than the stepping ones */
    /* The processes the debugger knows: the program's, the fork children
     * it was told of, less those it let go of (D;PID) or killed
     * (vKill;PID). The end of any other is not reported (gdb fails an
     * assertion on an inferior it does not know). */
    GArray *children;          /* of int64_t pids, from fork stops */
    GArray *let_go;            /* of int64_t pids */
    enum gdb_session_end end;
    int exit_status;

    /* extended-remote: how vRun builds a machine (NULL: no vRun). */
    gdb_machine_factory make_machine;
    void *make_data;
    char **base_env;
    char *last_program;        /* for "vRun;" and R */
};

/* Helpers of gdb-target.c the non-stop loop shares. */
/* The thread of the last stop while it lives, else the first one. */
int64_t gdb_target_current_tid(struct gdb_target *t);
/* The process gdb is most likely talking about (see gdb-points.h). */
int64_t gdb_target_cur_pid(struct gdb_target *t);
/* A machine stop as the protocol's stop; false for "keep going". */
bool gdb_target_translate_stop(struct gdb_target *t,
                               const struct machine_stop *ms,
                               struct rsp_stop *stop);
/* A stop of a process the debugger does not know: skip it (true). */
bool gdb_target_unknown_stop(struct gdb_target *t, struct machine_stop *ms);
/* A signal the debugger passes (QPassSignals): delivered, keep going. */
bool gdb_target_pass_signal(struct gdb_target *t,
                            const struct machine_stop *ms);
/* The signal thread tid gets when it next runs (0: none). */
void gdb_target_set_signal(struct gdb_target *t, int64_t tid, int sig);
/* Whether resume action a names thread tid of process pid. */
bool gdb_target_action_applies(const struct rsp_resume_action *a,
                               int64_t pid, int64_t tid);
/* What a stop changes besides the running state: the last stop, the
 * process of memory accesses, fork children's points, the end of the
 * session. all_ended: nothing is left to run. */
void gdb_target_note_stop(struct gdb_target *t, const struct rsp_stop *stop,
                          bool all_ended);

/* gdb-target-nonstop.c */
/* Resume in non-stop mode (rsp_target_ops resume while t->non_stop). */
int gdb_target_ns_resume(struct gdb_target *t,
                         const struct rsp_resume_action *actions,
                         size_t n_actions);
/* The set_non_stop and stopped_threads operations. */
int gdb_target_ns_set_mode(struct rsp_target *rt, bool non_stop);
GArray *gdb_target_ns_stopped_threads(struct rsp_target *rt);
/* Whether any thread runs in non-stop mode. */
bool gdb_target_ns_running(struct gdb_target *t);
/* Every thread of the machine is stopped now (a new program, vRun). */
void gdb_target_ns_all_stopped(struct gdb_target *t);
/* Forget the run states (detach, kill, a lost debugger): back to
 * all-stop; the caller has stopped running. */
void gdb_target_ns_forget(struct gdb_target *t);

#endif
