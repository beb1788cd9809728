/* The RSP target built on a machine: what the debugger's packets do to it.
 *
 * Execution never blocks the main loop: resume() schedules the machine to
 * run in slices from an idle source, so a Ctrl-C from the debugger is seen
 * within one slice; the stop is reported to the connection when it comes.
 */
#ifndef BACKSTEP_SERVER_GDB_TARGET_H
#define BACKSTEP_SERVER_GDB_TARGET_H

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
void gdb_target_free(struct gdb_target *t);
struct rsp_target *gdb_target_rsp(struct gdb_target *t);

/* Where stops are reported; NULL while no debugger is connected. */
void gdb_target_set_conn(struct gdb_target *t, struct rsp_conn *conn);

/* The debugger went away without D or k: stop running and forget its
 * breakpoints, so that the next connection finds the program stopped. */
void gdb_target_disconnected(struct gdb_target *t);

enum gdb_session_end gdb_target_session_end(const struct gdb_target *t);
/* After GDB_SESSION_EXITED: the status backstep itself exits with. */
int gdb_target_exit_status(const struct gdb_target *t);

#endif
