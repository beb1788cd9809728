/* bs and bc on a timeline (server/timeline-rsp.h). */
#include "config.h"

#include "server/timeline-rsp.h"

#include <errno.h>
#include <string.h>

#include "cpu/cpu.h"
#include "server/gdb-signals.h"
#include "server/gdb-target.h"
#include "server/machine.h"
#include "server/timeline.h"

struct timeline_rsp {
    struct gdb_target *target;
};

/* A long move (bc, `monitor goto`) looks for the debugger's Ctrl-C on
 * the way: the target knows where it would come from. */
static bool target_interrupted(void *data)
{
    return gdb_target_interrupt_requested(data);
}

static void arm_interrupt(void *data, struct machine *m)
{
    const struct timeline_rsp *tr = data;
    struct timeline *tl = timeline_of(m);

    if (tl)
        timeline_set_interrupt_check(tl, target_interrupted, tr->target);
}

int timeline_rsp_reverse(struct machine *machine, enum rsp_reverse_kind kind,
                         int64_t tid, struct rsp_stop *stop)
{
    struct timeline *tl = timeline_of(machine);
    enum timeline_arrival arrival;
    struct machine_stop ms;
    int err;

    if (!tl)
        return -EOPNOTSUPP;
    if (kind == RSP_REVERSE_STEP)
        err = timeline_reverse_step(tl, tid, &arrival, &ms);
    else
        err = timeline_reverse_continue(tl, &arrival, &ms);
    if (err)
        return err;

    memset(stop, 0, sizeof(*stop));
    stop->kind = RSP_STOP_SIGNAL;
    stop->signal = gdb_signal_from_linux(5);   /* SIGTRAP */
    stop->thread.tid = ms.tid > 0 ? ms.tid : timeline_thread(tl);
    /* The thread may not exist yet at the moment arrived at (the start
     * of history, before a thread was created): name one that does. */
    if (!machine->ops->cpu(machine, stop->thread.tid)) {
        GArray *tids = machine->ops->threads(machine);
        if (tids->len)
            stop->thread.tid = g_array_index(tids, int64_t, 0);
        g_array_unref(tids);
    }
    stop->thread.pid = machine->ops->pid_of
                           ? machine->ops->pid_of(machine, stop->thread.tid)
                           : machine->ops->pid(machine);
    if (stop->thread.pid <= 0)
        stop->thread.pid = machine->ops->pid(machine);
    switch (arrival) {
    case TIMELINE_STEPPED:
        break;
    case TIMELINE_BEGIN:
        stop->reason = RSP_REASON_REPLAY_BEGIN;
        break;
    case TIMELINE_INTERRUPTED:
        stop->signal = gdb_signal_from_linux(2);   /* SIGINT */
        break;
    case TIMELINE_HIT:
        if (ms.kind == MACHINE_STOP_BREAKPOINT) {
            stop->reason = RSP_REASON_SWBREAK;
        } else {
            stop->watch_addr = ms.addr;
            stop->reason = ms.watch_kind == CPU_WATCH_READ
                               ? RSP_REASON_RWATCH
                               : ms.watch_kind == CPU_WATCH_WRITE
                                     ? RSP_REASON_WATCH
                                     : RSP_REASON_AWATCH;
        }
        break;
    }
    return 0;
}

static int reverse_on(void *data, struct machine *m,
                      enum rsp_reverse_kind kind, int64_t tid,
                      struct rsp_stop *stop)
{
    arm_interrupt(data, m);
    return timeline_rsp_reverse(m, kind, tid, stop);
}

struct timeline_rsp *timeline_rsp_install(struct gdb_target *target)
{
    struct timeline_rsp *tr = g_new0(struct timeline_rsp, 1);

    tr->target = target;
    gdb_target_set_reverse(target, &(struct gdb_reverse_hooks){
                                       .reverse = reverse_on,
                                       .before_monitor = arm_interrupt,
                                       .data = tr,
                                   });
    return tr;
}

void timeline_rsp_free(struct timeline_rsp *tr)
{
    g_free(tr);
}
