/* Snapshots of a user-mode process set, for time travel (server/'s
 * timeline restores one and replays forward from it).
 *
 * Only the simple case is covered today: one process with one thread,
 * not waiting in a system call, nothing queued for the debugger. That is
 * every moment of a single-threaded program's run; at other moments
 * user_snapshot_take() says no and the timeline replays from an earlier
 * snapshot instead. A snapshot is the kernel's state for that process
 * (signals, brk, limits, the fd table, the exe and auxv after an exec),
 * its thread (the CPU's registers by cpu/snapshot.h) and a copy-on-write
 * snapshot of its pages (hw/pagestore.h). A snapshot must be restored
 * into the process set it was taken from. */
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

/* Take a snapshot of proc's set now, or NULL (with *why) when it is not
 * in a state snapshots cover. prev (may be NULL): an earlier snapshot of
 * the same set, whose host file descriptors this one may share. */
struct user_snapshot *user_snapshot_take(struct user_process *proc,
                                         const struct user_snapshot *prev,
                                         const char **why);
/* Put proc's set back in the snapshot's state. false (nothing changed)
 * when the set has changed shape since (threads or processes were
 * created): build it afresh instead. */
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
