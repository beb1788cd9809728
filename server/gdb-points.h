/* The debugger's breakpoints and watchpoints, per process, over a
 * machine whose points are on every thread of every process it follows.
 *
 * gdb's points are per process, and a fork child inherits its parent's
 * (they are in its copy of memory). So each process's points are entries
 * here, copied to the child at a fork, and the machine keeps a point
 * while some entry wants it. Which process a z packet means is the one of
 * the thread gdb selected with Hg, which rsp/ does not pass to targets:
 * the caller's best guess (pid) picks the entry, else the newest one (a
 * fork child's). Right after a fork stop that guess is wrong half the
 * time: gdb takes its points out of the process it is about to let go
 * (Hg to it, z packets, then D;PID), so those removals wait until the
 * fork is settled (gdb_points_settle_fork).
 */
#ifndef BACKSTEP_SERVER_GDB_POINTS_H
#define BACKSTEP_SERVER_GDB_POINTS_H

#include <stdbool.h>
#include <stdint.h>

#include "rsp/target.h"

struct machine;
struct gdb_points;

struct gdb_points *gdb_points_new(struct machine *machine);
void gdb_points_free(struct gdb_points *pts);

/* Z/z for process pid: 0 or a negative errno (-ENOSPC when the machine's
 * tables are full, -ENOENT for a point that is not there). */
int gdb_points_insert(struct gdb_points *pts, enum rsp_break_type type,
                      uint64_t addr, uint64_t kind, int64_t pid);
int gdb_points_remove(struct gdb_points *pts, enum rsp_break_type type,
                      uint64_t addr, uint64_t kind, int64_t pid);

/* A fork (or vfork) stop: the child has the parent's points; removals
 * wait. */
void gdb_points_fork(struct gdb_points *pts, int64_t parent, int64_t child,
                     bool vfork);
/* The fork is settled: apply the waiting removals (a resume), or drop
 * them (D;PID, whose process's entries gdb_points_purge then drops; but
 * when a vfork child is let go, they were the parent's, and apply). */
void gdb_points_settle_fork(struct gdb_points *pts, bool apply, int64_t pid);
/* A process gone, let go, or whose image exec replaced. */
void gdb_points_purge(struct gdb_points *pts, int64_t pid);
void gdb_points_clear(struct gdb_points *pts);

bool gdb_points_has(const struct gdb_points *pts, enum rsp_break_type type,
                    uint64_t addr);
/* Which watchpoint explains an access of kind `access` (enum
 * cpu_watch_kind) at addr: the stop reason names the debugger's
 * watchpoint type, not the access. */
enum rsp_stop_reason gdb_points_watch_reason(const struct gdb_points *pts,
                                             uint64_t addr, int access,
                                             uint64_t *watch_addr);

#endif
