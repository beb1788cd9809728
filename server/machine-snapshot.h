/* Snapshots of a whole machine, for the timeline (server/timeline.h).
 *
 * What a machine should provide (and, once server/machine.h carries
 * them, provide as struct machine_ops members):
 *   take     the machine's state now (CPU states, copy-on-write pages,
 *            the personality's kernel state), or nothing with a reason
 *            when it cannot be taken at this moment;
 *   restore  back to a snapshot taken of this same machine, whatever
 *            threads and processes it has made or lost since (false: it
 *            cannot be; rebuild it);
 *   free, size.
 * Today only the user-mode machine has them, found through its CPU
 * (user/snapshot.h): every thread and process of it. */
#ifndef BACKSTEP_SERVER_MACHINE_SNAPSHOT_H
#define BACKSTEP_SERVER_MACHINE_SNAPSHOT_H

#include <stdbool.h>
#include <stddef.h>

struct machine;
struct machine_snapshot;

/* prev (may be NULL): the machine's previous snapshot, to share host
 * resources with. present: the snapshot is of the present, to come back
 * to from the past (it holds every host file; one of the past holds no
 * pipes, which would keep their readers from seeing EOF). NULL with
 * *why when none can be taken now. */
struct machine_snapshot *machine_snapshot_take(struct machine *m,
                                               const struct machine_snapshot *prev,
                                               bool present,
                                               const char **why);
bool machine_snapshot_restore(struct machine *m,
                              const struct machine_snapshot *snap);
void machine_snapshot_free(struct machine_snapshot *snap);
/* The snapshot's own bytes (not counting pages shared with others). */
size_t machine_snapshot_size(const struct machine_snapshot *snap);
/* Bytes of pages only the machine's snapshots hold. */
size_t machine_snapshot_pages_bytes(struct machine *m);

#endif
