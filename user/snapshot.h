/* Snapshots of a user-mode process set, for time travel (server/'s
 * timeline restores one and replays forward from it).
 *
 * A snapshot is the whole set: every process (signals, brk, limits, the
 * fd table by reference, the exe and auxv after an exec, its family),
 * every thread (its CPU by cpu/snapshot.h, its wait, its signal state),
 * the scheduler's position and the futex waiters, and a copy-on-write
 * snapshot of each address space (hw/pagestore.h) with its MTE tags. It
 * can be restored into the set it was taken from whatever that set has
 * become since: threads and processes created after it go, those that
 * ended after it come back. The one moment it cannot be taken is while
 * a thread waits on host files (a read of an empty pipe, ppoll): the
 * timeline then takes it a little later. */
#ifndef BACKSTEP_USER_SNAPSHOT_H
#define BACKSTEP_USER_SNAPSHOT_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>

struct cpu_state;
struct user_process;
struct user_snapshot;

/* The process set a CPU belongs to (its first process), or NULL if the
 * CPU is not one of user/'s. */
struct user_process *user_process_of_cpu(struct cpu_state *cpu);

/* What a snapshot holds of the host files behind the guest's fds. */
enum user_snapshot_files {
    /* A moment of the past, kept while the program runs on: no pipes
     * or sockets (holding one would keep a pipe's writer open); their
     * fds come back as /dev/null, and a replay takes their data from
     * the event log. */
    USER_SNAPSHOT_PAST,
    /* The present, to come back to from the past: every file. */
    USER_SNAPSHOT_PRESENT,
};

/* Take a snapshot of proc's set now, or NULL (with *why) when it is not
 * in a state snapshots cover. prev (may be NULL): an earlier snapshot of
 * the same set, whose host file descriptors this one may share. */
struct user_snapshot *user_snapshot_take(struct user_process *proc,
                                         const struct user_snapshot *prev,
                                         enum user_snapshot_files files,
                                         const char **why);
/* Put proc's set back in the snapshot's state. false (nothing changed)
 * when the snapshot is of another set. */
bool user_snapshot_restore(struct user_process *proc,
                           const struct user_snapshot *snap);
void user_snapshot_free(struct user_snapshot *snap);
/* Host memory the snapshot's own state takes, in bytes (its pages are
 * counted for all snapshots together by user_snapshot_pages_bytes). */
size_t user_snapshot_size(const struct user_snapshot *snap);
/* Bytes of guest pages that only snapshots of proc's set hold (pages
 * the program has changed since): with the snapshots' own sizes, the
 * memory history costs. Cheap (counters, no walk). */
size_t user_snapshot_pages_bytes(const struct user_process *proc);

#endif
