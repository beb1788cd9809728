/* The timeline's snapshots: when to take them, where to find one, and
 * thinning them to the history memory bound (server/timeline-private.h).
 *
 * A snapshot is taken every `interval` instructions of a machine's run,
 * at the present while recording and in the past while replaying, so a
 * trip back replays at most one interval. When the history outgrows
 * --history-mem, snapshots go: first those whose neighbours are close
 * compared with their distance from the present, so what stays is dense
 * near the present and sparse further back. Even the first may go while
 * the log reaches back to the program's start: it can replay the program
 * from its initial state on a rebuilt machine, and going before the
 * oldest snapshot just costs that. When the log itself outgrows half of
 * the bound, the present becomes the start of history
 * (timeline_move_start); that start's snapshot then always stays. */
#include "config.h"

#include "server/timeline-private.h"

#include <string.h>

#include "server/machine-snapshot.h"

void timeline_track_init(struct track *tr)
{
    memset(tr, 0, sizeof(*tr));
    tr->snaps = g_array_new(FALSE, FALSE, sizeof(struct snap_entry));
}

static void free_entry(struct timeline *tl, struct snap_entry *e)
{
    tl->snap_bytes -= machine_snapshot_size(e->snap);
    machine_snapshot_free(e->snap);
}

void timeline_track_clear(struct timeline *tl, struct track *tr)
{
    for (guint i = 0; i < tr->snaps->len; i++)
        free_entry(tl, &g_array_index(tr->snaps, struct snap_entry, i));
    g_array_set_size(tr->snaps, 0);
    tr->off = false;
    tr->at_signal = false;
    tr->stop_icount = 0;
    tr->cursor.next = 0;
}

struct track *timeline_track_of(struct timeline *tl, struct machine *m)
{
    return m == tl->live ? &tl->live_track : &tl->replay_track;
}

size_t timeline_history_bytes(struct timeline *tl)
{
    size_t n = event_log_bytes(tl->log) + tl->snap_bytes;

    if (tl->present_snap)
        n += machine_snapshot_size(tl->present_snap);
    if (tl->live)
        n += machine_snapshot_pages_bytes(tl->live);
    if (tl->replay)
        n += machine_snapshot_pages_bytes(tl->replay);
    return n;
}

/* The snapshot to drop from tr, by the policy above, and its score
 * (lower drops first); false if tr has none to spare. */
static bool victim_of(struct timeline *tl, struct track *tr, guint *victim,
                      double *score)
{
    bool found = false;
    /* Once the start has moved, its snapshot is the only way there. */
    guint first = tr == &tl->live_track && tl->start > 0 ? 1 : 0;

    for (guint i = first; i < tr->snaps->len; i++) {
        uint64_t before = i ? g_array_index(tr->snaps, struct snap_entry,
                                            i - 1).icount
                            : 0;
        uint64_t after = i + 1 < tr->snaps->len
                             ? g_array_index(tr->snaps, struct snap_entry,
                                             i + 1).icount
                             : MAX(tl->present, before);
        uint64_t at = g_array_index(tr->snaps, struct snap_entry, i).icount;
        double age = (double)(tl->present > at ? tl->present - at : 0) + 1;
        double s = (double)(after - before) / age;
        if (!found || s < *score) {
            *score = s;
            *victim = i;
            found = true;
        }
    }
    return found;
}

/* Thin to the bound less headroom: the pages the program changes after
 * a snapshot become the snapshots' alone and grow the history until the
 * next check (after every run). */
void timeline_thin(struct timeline *tl)
{
    uint64_t bound = tl->history_mem - tl->history_mem / 8;

    while (tl->history_mem && timeline_history_bytes(tl) > bound) {
        struct track *tracks[] = { &tl->live_track, &tl->replay_track };
        struct track *from = NULL;
        guint victim = 0;
        double best = 0;

        for (size_t t = 0; t < G_N_ELEMENTS(tracks); t++) {
            guint v;
            double s;
            if (victim_of(tl, tracks[t], &v, &s) && (!from || s < best)) {
                from = tracks[t];
                victim = v;
                best = s;
            }
        }
        if (!from)
            return;     /* none left */
        free_entry(tl, &g_array_index(from->snaps, struct snap_entry, victim));
        g_array_remove_index(from->snaps, victim);
    }
}

struct snap_entry *timeline_snapshot_before(struct track *tr, uint64_t icount)
{
    struct snap_entry *best = NULL;

    for (guint i = 0; i < tr->snaps->len; i++) {
        struct snap_entry *e = &g_array_index(tr->snaps, struct snap_entry, i);
        if (e->icount > icount)
            break;
        best = e;
    }
    return best;
}

void timeline_take_snapshot(struct timeline *tl, struct machine *m,
                            bool at_present)
{
    struct track *tr = timeline_track_of(tl, m);
    uint64_t now = timeline_icount_of(m);
    uint64_t half = tl->interval / 2;
    struct snap_entry *near = timeline_snapshot_before(tr, now);
    struct snap_entry e;
    const char *why = NULL;
    guint at;

    if (tr->off || (near && now - near->icount < half))
        return;
    for (at = 0; at < tr->snaps->len; at++) {
        uint64_t there = g_array_index(tr->snaps, struct snap_entry,
                                       at).icount;
        if (there > now) {
            if (there - now < half)
                return;
            break;
        }
    }
    e = (struct snap_entry){
        .icount = now,
        .cursor = at_present ? event_log_length(tl->log) : tr->cursor.next,
        .at_signal = at_present ? tl->live_at_signal : tr->at_signal,
        .stop_icount = at_present ? tl->live_stop_icount : tr->stop_icount,
    };
    e.snap = machine_snapshot_take(m, near ? near->snap : NULL, false,
                                   &why);
    if (!e.snap) {
        /* Not now (a thread waits in a system call, say); a machine that
         * cannot even at the start is not asked again. */
        if (tr->snaps->len == 0)
            tr->off = true;
        return;
    }
    g_array_insert_val(tr->snaps, at, e);
    tl->snap_bytes += machine_snapshot_size(e.snap);
    timeline_thin(tl);
}

bool timeline_restore(struct timeline *tl, struct machine *m,
                      const struct snap_entry *e)
{
    struct track *tr = timeline_track_of(tl, m);

    if (!machine_snapshot_restore(m, e->snap))
        return false;
    tr->cursor.log = tl->log;
    tr->cursor.next = e->cursor;
    tr->at_signal = e->at_signal;
    tr->stop_icount = e->stop_icount;
    return true;
}

uint64_t timeline_next_snapshot_point(struct timeline *tl, struct machine *m,
                                      uint64_t now)
{
    if (timeline_track_of(tl, m)->off || tl->interval == UINT64_MAX)
        return UINT64_MAX;
    return (now / tl->interval + 1) * tl->interval;
}

void timeline_move_start(struct timeline *tl)
{
    struct track *tr = &tl->live_track;
    struct snap_entry e;
    const char *why = NULL;

    if (!tl->history_mem || tl->keep_whole_log || tl->in_past || !tl->live
        || tr->off || event_log_bytes(tl->log) <= tl->history_mem / 2)
        return;
    e = (struct snap_entry){
        .icount = tl->present,
        .at_signal = tl->live_at_signal,
        .stop_icount = tl->live_stop_icount,
    };
    e.snap = machine_snapshot_take(tl->live, NULL, false, &why);
    if (!e.snap)
        return;     /* not now: the next run tries again */
    timeline_track_clear(tl, tr);
    timeline_drop_replay(tl);
    event_log_drop_front(tl->log, event_log_length(tl->log));
    g_array_append_val(tr->snaps, e);
    tl->snap_bytes += machine_snapshot_size(e.snap);
    tl->start = tl->present;
}
