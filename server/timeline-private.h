/* What the timeline's files share (server/timeline*.c): its structure and
 * internal operations. Not for other files. */
#ifndef BACKSTEP_SERVER_TIMELINE_PRIVATE_H
#define BACKSTEP_SERVER_TIMELINE_PRIVATE_H

#include "server/timeline.h"

#include "cpu/snapshot.h"
#include "server/event-log.h"

struct machine_snapshot;

/* Instructions between snapshots: a reverse step replays at most this
 * many (a few milliseconds). Each snapshot makes the pages touched after
 * it be copied once: at 2^20 a program sweeping a large array (make
 * bench's sort) recorded at 0.72 of its plain speed, at 2^21 at 0.81
 * (make bench-reverse, doc/time-travel.md). */
#define TIMELINE_DEFAULT_INTERVAL (1ull << 21)

/* A breakpoint or watchpoint the debugger has in: every machine gets
 * them. */
struct point {
    bool watch;
    uint64_t addr, len;
    int kind;
};

struct debugged_setting {
    int64_t pid;
    bool debugged;
};

struct saved_regs {
    int64_t tid;
    struct cpu_debug_regs regs;
};

/* A snapshot and where the replay stood then. */
struct snap_entry {
    uint64_t icount;
    struct machine_snapshot *snap;
    size_t cursor;                   /* the event log position */
    bool at_signal;
    uint64_t stop_icount;
};

/* One machine's part in time travel: its snapshots, by icount, and,
 * while it replays, its position in the log and its last stop. */
struct track {
    GArray *snaps;                   /* of struct snap_entry */
    bool off;                        /* it cannot take snapshots */
    struct event_cursor cursor;
    bool at_signal;                  /* its last stop was a signal stop */
    uint64_t stop_icount;            /* ... at this count */
};

struct timeline {
    struct machine base;
    /* The present: the live machine, and its count there. No live
     * machine when replaying a saved recording: its end is the present. */
    struct machine *live;
    uint64_t present;
    struct track live_track;
    /* The past is shown by `past`: the live machine itself, put back at
     * one of its snapshots (its state at the present waits in
     * present_snap), or, when that cannot be (no snapshot can be taken
     * or restored), a separate replay machine rebuilt from the initial
     * state. */
    bool in_past;
    struct machine *past;
    struct machine_snapshot *present_snap;
    struct machine *replay;
    struct track replay_track;
    timeline_factory make;
    void *make_data;
    struct syscall_door *door;       /* may be NULL */
    struct event_log *log;
    uint64_t interval;               /* instructions between snapshots */
    size_t snap_bytes;               /* the snapshots' own sizes, summed */
    /* The start of history: 0, or later once the log outgrew its share
     * of history_mem (then the live track's first snapshot is there). */
    uint64_t start;
    bool keep_whole_log;
    void (*release)(void *data);        /* timeline_options' */
    void *release_data;

    /* Debugger settings every machine gets. */
    GArray *points;                  /* of struct point */
    unsigned report_mask;
    bool catch_set, catch_all;
    GArray *catch_nrs;               /* of int */
    GArray *debugged;                /* of struct debugged_setting */

    /* The live machine's last stop at the present, and the registers the
     * debugger saw then (a change at the next run is its write). */
    bool live_at_signal;
    uint64_t live_stop_icount;
    GArray *live_regs;               /* of struct saved_regs */

    /* Threads the debugger holds (set of int64 tids, as it asks), and
     * the set the log last recorded (and the live machine holds): a
     * live run records the difference first (EVENT_HOLD). */
    GHashTable *held;
    GHashTable *held_logged;

    int64_t last_tid;
    GArray *checkpoints;             /* of uint64_t icounts; id = index+1 */

    /* A debugger's Ctrl-C during a long reverse move (see
     * timeline_set_interrupt_check): asked while interruptible, at most
     * every INTERRUPT_POLL_US. */
    timeline_interrupt_check interrupt_check;
    void *interrupt_data;
    bool interruptible;
    int64_t interrupt_polled_us;
    uint64_t history_mem;
    uint64_t replays;
};

static inline uint64_t timeline_icount_of(struct machine *m)
{
    return m ? m->ops->icount(m) : 0;
}

/* The machine the debugger sees. */
static inline struct machine *timeline_view(struct timeline *tl)
{
    return tl->in_past || !tl->live ? tl->past : tl->live;
}

/* timeline-snapshots.c */
void timeline_track_init(struct track *tr);
void timeline_track_clear(struct timeline *tl, struct track *tr);
struct track *timeline_track_of(struct timeline *tl, struct machine *m);
/* Take a snapshot of m where it stands (unless one is near), then thin
 * to the memory bound. at_present: m is the live machine running at the
 * present (its log position is the log's end). */
void timeline_take_snapshot(struct timeline *tl, struct machine *m,
                            bool at_present);
struct snap_entry *timeline_snapshot_before(struct track *tr,
                                            uint64_t icount);
/* Put m back at e (its track's cursor and stop too). false: m cannot be
 * (it changed shape); nothing changed. */
bool timeline_restore(struct timeline *tl, struct machine *m,
                      const struct snap_entry *e);
/* The next count at which m should stop for a snapshot (UINT64_MAX:
 * none). */
uint64_t timeline_next_snapshot_point(struct timeline *tl,
                                      struct machine *m, uint64_t now);
size_t timeline_history_bytes(struct timeline *tl);
/* Drop snapshots until the history is within its bound (with headroom
 * for what the program changes until the next call: after every run). */
void timeline_thin(struct timeline *tl);
/* At the present, after a run: when the event log holds more than half
 * of history_mem, the present becomes the start of history (a snapshot
 * there, the log and older snapshots dropped). */
void timeline_move_start(struct timeline *tl);

/* timeline.c */
/* The past machine runs toward limit (see there). */
enum replay_report {
    REPORT_NOTHING = 0,
    REPORT_DEBUG = 1,        /* breakpoint and watchpoint stops */
    REPORT_SIGNALS = 2,      /* signal and event stops */
};
/* ... a MACHINE_STOP_INTERRUPTED stop (while tl->interruptible) is the
 * debugger's Ctrl-C: the past machine stands between two instructions. */
bool timeline_replay_advance(struct timeline *tl, uint64_t limit,
                             unsigned report, struct machine_stop *stop);
void timeline_apply_due_events(struct timeline *tl);
void timeline_return_to_present(struct timeline *tl);
void timeline_door_live(struct timeline *tl);
void timeline_door_past(struct timeline *tl);
/* Free everything, the live machine too. */
void timeline_free(struct timeline *tl);
void timeline_drop_replay(struct timeline *tl);

/* timeline-machine.c */
extern const struct machine_ops timeline_machine_ops;
void timeline_save_live_regs(struct timeline *tl);

#endif
