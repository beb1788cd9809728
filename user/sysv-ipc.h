/* System V IPC state in snapshots (time travel): the segment table of
 * sysv-ipc.c with each segment's contents, and the semaphore sets of
 * sysv-sem.c. For user/snapshot.c, which takes and restores them with
 * the rest of a process set: restoring one puts back the sets and
 * segments (ids, keys, modes, values, contents) of the moment it was
 * taken; attach counts follow from the address spaces restored beside. */
#ifndef BACKSTEP_USER_SYSV_IPC_H
#define BACKSTEP_USER_SYSV_IPC_H

struct user_kernel;
struct user_sysv_shm_snapshot;
struct user_sysv_sem_snapshot;

/* NULL when there is nothing to save (no table yet): restoring NULL
 * empties the table. */
struct user_sysv_shm_snapshot *user_sysv_shm_snapshot_take(
    struct user_kernel *k);
void user_sysv_shm_snapshot_restore(struct user_kernel *k,
                                    const struct user_sysv_shm_snapshot *s);
void user_sysv_shm_snapshot_free(struct user_sysv_shm_snapshot *s);

struct user_sysv_sem_snapshot *user_sysv_sem_snapshot_take(
    struct user_kernel *k);
void user_sysv_sem_snapshot_restore(struct user_kernel *k,
                                    const struct user_sysv_sem_snapshot *s);
void user_sysv_sem_snapshot_free(struct user_sysv_sem_snapshot *s);

#endif
