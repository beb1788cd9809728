/* Reverse execution for the RSP target: the rsp_target_ops reverse
 * operation (bs, bc) on a timeline.
 *
 * The RSP target (server/gdb-target.c) is built on a machine and knows
 * nothing of timelines; until it grows a reverse operation of its own,
 * timeline_rsp_install() gives it one by replacing its operations table
 * with a copy that has it (and a monitor that lets `goto` and `restart`
 * see the debugger's Ctrl-C). Install it last: an operation the target sets
 * in its own table afterwards (gdb_target_set_factory's run) would not be
 * seen. The machine is asked of the target at each call, so a machine it
 * replaces (vRun) is never used after it is gone. */
#ifndef BACKSTEP_SERVER_TIMELINE_RSP_H
#define BACKSTEP_SERVER_TIMELINE_RSP_H

#include "rsp/target.h"

struct gdb_target;
struct machine;
struct timeline_rsp;

/* Returns what to pass to timeline_rsp_free after the target is freed. */
struct timeline_rsp *timeline_rsp_install(struct gdb_target *target);
void timeline_rsp_free(struct timeline_rsp *tr);

/* The protocol's stop for where a reverse move of the timeline ended
 * (exposed for the tests). */
struct timeline;
int timeline_rsp_reverse(struct machine *machine, enum rsp_reverse_kind kind,
                         int64_t tid, struct rsp_stop *stop);

#endif
