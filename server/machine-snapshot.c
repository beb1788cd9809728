/* Machine snapshots (server/machine-snapshot.h) for the user machine,
 * reached through a CPU of it: user/ recognizes its own CPUs. */
#include "config.h"

#include "server/machine-snapshot.h"

#include <glib.h>

#include "server/machine.h"
#include "user/snapshot.h"

struct machine_snapshot {
    struct user_snapshot *user;
    size_t size;
};

static struct user_process *user_of(struct machine *m)
{
    return user_process_of_cpu(m->ops->cpu(m, 0));
}

struct machine_snapshot *machine_snapshot_take(struct machine *m,
                                               const struct machine_snapshot *prev,
                                               bool present,
                                               const char **why)
{
    struct user_process *p = user_of(m);
    struct user_snapshot *u;
    struct machine_snapshot *s;

    if (!p) {
        *why = "this machine has no snapshots";
        return NULL;
    }
    u = user_snapshot_take(p, prev ? prev->user : NULL,
                           present ? USER_SNAPSHOT_PRESENT : USER_SNAPSHOT_PAST,
                           why);
    if (!u)
        return NULL;
    s = g_new0(struct machine_snapshot, 1);
    s->user = u;
    s->size = user_snapshot_size(u);
    return s;
}

bool machine_snapshot_restore(struct machine *m,
                              const struct machine_snapshot *snap)
{
    struct user_process *p = user_of(m);
    return p && user_snapshot_restore(p, snap->user);
}

void machine_snapshot_free(struct machine_snapshot *snap)
{
    if (!snap)
        return;
    user_snapshot_free(snap->user);
    g_free(snap);
}

size_t machine_snapshot_size(const struct machine_snapshot *snap)
{
    return snap->size;
}

size_t machine_snapshot_pages_bytes(struct machine *m)
{
    struct user_process *p = user_of(m);
    return p ? user_snapshot_pages_bytes(p) : 0;
}
