/* The timeline: recording, and travel through what was recorded.
 *
 * A timeline is itself a struct machine (server/machine.h) wrapped around
 * the live machine, so that the RSP target drives it unchanged. While the
 * program runs at the present, the timeline records in the event log what
 * reaches it from outside (system-call inputs, through the door of
 * server/syscall-door.h; the debugger's signals, memory and register
 * writes) and takes a snapshot of the machine every so many instructions
 * (server/machine-snapshot.h).
 *
 * Time is the machine's instruction count (every thread's, summed). Going
 * to count N in the past: the present is snapshotted, the latest snapshot
 * before N restored, and the machine replays to N with the log's events
 * applied at their counts (the machine is deterministic: same inputs,
 * same run). A reverse step goes to now-1; a reverse continue replays the
 * intervals between snapshots backwards from now and stops at the last
 * breakpoint or watchpoint hit. Forward execution in the past replays,
 * stopping as the live run would, until the present, which is put back,
 * and the program runs on live. A machine that cannot be snapshotted
 * shows the past on a second machine rebuilt from the initial state and
 * replayed from the start instead.
 */
#ifndef BACKSTEP_SERVER_TIMELINE_H
#define BACKSTEP_SERVER_TIMELINE_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

#include "server/machine.h"

struct timeline;
struct event_log;
struct syscall_door;

/* Build a fresh machine in the program's initial state (the same program,
 * arguments, environment and options as the live one). */
typedef struct machine *(*timeline_factory)(void *data, GError **error);

struct timeline_options {
    uint64_t history_mem;    /* bytes of history to keep (0: no bound) */
    /* Instructions between snapshots of the replay machine (0: the
     * default, a few milliseconds of replay; UINT64_MAX: none but the
     * start's, for tests and measurements). */
    uint64_t snapshot_interval;
    /* Keep the whole event log (a recording file will be written): the
     * start of history never moves, even past history_mem. */
    bool keep_whole_log;
    /* Called with release_data when the timeline is freed, after its
     * machines: for an owner that gives each timeline its own factory
     * data and door (a recorded vRun). NULL: nothing. */
    void (*release)(void *data);
    void *release_data;
};

/* Wrap live (whose instruction count must be 0: nothing run yet). The
 * returned machine owns live; its free frees both. make/make_data build
 * replay machines. door (may be NULL): the system-call door the live
 * machine and the factory's machines were built with; the timeline sets
 * its mode before each run. */
struct machine *timeline_new(struct machine *live, timeline_factory make,
                             void *make_data, struct syscall_door *door,
                             const struct timeline_options *opts);

/* Replay a saved recording: like timeline_new, but the history is the
 * log's, up to end_icount, and there is no live machine beyond it: the
 * present is the end of the recording (forward execution stops there
 * with replaylog:end semantics, a plain stop). Takes log. */
struct machine *timeline_new_replay(timeline_factory make, void *make_data,
                                    struct syscall_door *door,
                                    struct event_log *log,
                                    uint64_t end_icount,
                                    const struct timeline_options *opts,
                                    GError **error);

/* The timeline behind a machine, or NULL if m is not one. */
struct timeline *timeline_of(struct machine *m);

/* Where a reverse move ended. */
enum timeline_arrival {
    TIMELINE_STEPPED,        /* a reverse step arrived */
    TIMELINE_HIT,            /* a breakpoint/watchpoint hit: stop says */
    TIMELINE_BEGIN,          /* the start of history */
    TIMELINE_INTERRUPTED,    /* the debugger's Ctrl-C (a reverse continue) */
};

/* Whether the debugger asked to stop (its Ctrl-C arrived): asked now and
 * then during a long reverse continue or goto, which answer only when
 * done. NULL: never. */
typedef bool (*timeline_interrupt_check)(void *data);
void timeline_set_interrupt_check(struct timeline *tl,
                                  timeline_interrupt_check check, void *data);

/* Go back one instruction of thread tid (0: the last stopped). 0 or a
 * negative errno; *stop is a breakpoint/watchpoint stop only for HIT. */
int timeline_reverse_step(struct timeline *tl, int64_t tid,
                          enum timeline_arrival *arrival,
                          struct machine_stop *stop);
/* Go back to the last breakpoint or watchpoint hit before now.
 * Interrupted (TIMELINE_INTERRUPTED), it stops at the earliest moment
 * from which it had checked every instruction up to where it started. */
int timeline_reverse_continue(struct timeline *tl,
                              enum timeline_arrival *arrival,
                              struct machine_stop *stop);

/* Instruction counts: where the view is now, the present (the live
 * machine's), and the start of history. */
uint64_t timeline_now(struct timeline *tl);
uint64_t timeline_present(struct timeline *tl);
uint64_t timeline_start(struct timeline *tl);
/* The thread last stopped (for `when`). */
int64_t timeline_thread(struct timeline *tl);

/* Go to instruction count n (start <= n <= present). 0, -ERANGE,
 * -EINTR (interrupted: the view is on the way, between two instructions)
 * or another negative errno (a replay that could not get there). */
int timeline_goto(struct timeline *tl, uint64_t n);

/* Checkpoints: named moments (ids from 1) to come back to. */
int timeline_checkpoint(struct timeline *tl);
/* Each checkpoint as "id icount" pairs. */
GArray *timeline_checkpoints(struct timeline *tl); /* of uint64_t pairs */
int timeline_restart(struct timeline *tl, int id);

struct timeline_stats {
    uint64_t start, present, now;
    size_t events;
    size_t log_bytes;
    size_t snapshots;
    size_t memory_bytes;     /* the history's memory: log and snapshots */
    uint64_t history_mem;
    uint64_t replays;        /* replay machines built so far */
};
void timeline_get_stats(struct timeline *tl, struct timeline_stats *s);

/* The event log (for saving a recording). */
const struct event_log *timeline_log(struct timeline *tl);

#endif
