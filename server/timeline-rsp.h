/* Reverse execution for the RSP target: bs and bc on a timeline.
 *
 * The RSP target (server/gdb-target.c) is built on a machine and knows
 * nothing of timelines; timeline_rsp_install() gives it reverse hooks
 * (gdb_target_set_reverse): bs and bc move the timeline of the target's
 * current machine, and monitor commands (`goto`, `restart`) can see the
 * debugger's Ctrl-C. The machine comes with each call, so one that vRun
 * replaces is never used after it is gone. */
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
