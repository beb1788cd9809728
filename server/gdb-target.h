/* The RSP target built on a machine: what the debugger's packets do to it.
 *
 * Execution never blocks the main loop: resume() schedules the machine to
 * run in slices from an idle source, so a Ctrl-C from the debugger is seen
 * within one slice; the stop is reported to the connection when it comes.
 */
#ifndef BACKSTEP_SERVER_GDB_TARGET_H
#define BACKSTEP_SERVER_GDB_TARGET_H

#include <glib.h>
#include <stdbool.h>

#include "rsp/target.h"

struct machine;
struct rsp_conn;
struct gdb_target;

/* How the debugging session ended, for the program's exit. */
enum gdb_session_end {
    GDB_SESSION_ACTIVE,
    GDB_SESSION_DETACHED,   /* D: the program runs on by itself */
    GDB_SESSION_KILLED,     /* k / vKill */
    GDB_SESSION_EXITED,     /* the program exited or was killed by a signal */
};

struct gdb_target *gdb_target_new(struct machine *machine,
                                  const struct tdesc *tdesc);

/* extended-remote (!, vRun, R): builds the machine for a vRun request.
 * program is the file to run, argv its argument vector (argv[0] as the
 * debugger gave it), envp its environment; the working directory is
 * already the request's. NULL with *error set when it cannot (error's
 * message names the program). */
typedef struct machine *(*gdb_machine_factory)(void *data, const char *program,
                                               char *const *argv,
                                               char *const *envp,
                                               GError **error);

/* Lets the debugger start programs (vRun, R): from now on the target owns
 * its machine, the one given to gdb_target_new included, and frees it when
 * a run replaces it and in gdb_target_free. base_env (copied) is the
 * environment a run starts from before the debugger's QEnvironment*
 * changes. machine may be NULL in gdb_target_new when a factory is set
 * right after: the target then has no program until the first vRun (what
 * `gdbserver --multi` does). */
void gdb_target_set_factory(struct gdb_target *t, gdb_machine_factory make,
                            void *data, char *const *base_env);

/* Reverse execution, from whoever keeps the history (server/timeline-rsp.c):
 * reverse() serves bs and bc on the target's current machine (which vRun
 * may replace: it is passed at each call); before_monitor() runs before
 * each monitor command, so that a long `goto` can look for the debugger's
 * Ctrl-C. Without them (gdb_target_new's default) the packets get the
 * empty reply and qSupported does not offer them. */
struct gdb_reverse_hooks {
    int (*reverse)(void *data, struct machine *m, enum rsp_reverse_kind kind,
                   int64_t tid, struct rsp_stop *stop);
    void (*before_monitor)(void *data, struct machine *m);
    void *data;
};
void gdb_target_set_reverse(struct gdb_target *t,
                            const struct gdb_reverse_hooks *hooks);

/* The machine being debugged now (a vRun replaces it), or NULL before the
 * first vRun. */
struct machine *gdb_target_machine(const struct gdb_target *t);
void gdb_target_free(struct gdb_target *t);
struct rsp_target *gdb_target_rsp(struct gdb_target *t);

/* Where stops are reported; NULL while no debugger is connected. */
void gdb_target_set_conn(struct gdb_target *t, struct rsp_conn *conn);

/* How to learn, in the middle of a packet's work, that the debugger
 * sent Ctrl-C (a look at its connection that takes the 0x03 if it is
 * there; NULL: no connection). Long reverse moves ask it on the way. */
typedef bool (*gdb_interrupt_poll)(void *data);
void gdb_target_set_interrupt_poll(struct gdb_target *t,
                                   gdb_interrupt_poll poll, void *data);
bool gdb_target_interrupt_requested(struct gdb_target *t);

/* The debugger went away without D or k: stop running and forget its
 * breakpoints, so that the next connection finds the program stopped. */
void gdb_target_disconnected(struct gdb_target *t);

enum gdb_session_end gdb_target_session_end(const struct gdb_target *t);
/* After GDB_SESSION_EXITED: the status backstep itself exits with. */
int gdb_target_exit_status(const struct gdb_target *t);

#endif
