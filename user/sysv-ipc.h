/* System V IPC: what shared memory (sysv-ipc.c), semaphores (sysv-sem.c)
 * and message queues (sysv-msg.c) have in common, and their state in
 * snapshots.
 *
 * Common part (sysv-ipc-common.c): every object starts with a struct
 * sysv_perm (Linux's kern_ipc_perm: key, sequence number, owner, mode),
 * and each kind keeps its objects in a struct sysv_table, which makes ids
 * the way Linux does (index + seq * SYSV_SEQ_MULTIPLIER, so a stale id of
 * a reused slot is refused), looks keys up for the *get calls and answers
 * the permission checks and the ipc64_perm part of IPC_STAT and IPC_SET.
 *
 * Snapshots (time travel): for user/snapshot.c, which takes and restores
 * them with the rest of a process set: restoring one puts back the
 * objects (ids, keys, modes, values, contents, queued messages) of the
 * moment it was taken; shm attach counts follow from the address spaces
 * restored beside. */
#ifndef BACKSTEP_USER_SYSV_IPC_H
#define BACKSTEP_USER_SYSV_IPC_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

struct user_kernel;
struct user_process;
struct user_sysv_shm_snapshot;
struct user_sysv_sem_snapshot;
struct user_sysv_msg_snapshot;

/* ---- Common to the three kinds (sysv-ipc-common.c) ------------------- */

/* Linux's values (include/uapi/linux/ipc.h). */
#define SYSV_IPC_PRIVATE 0
#define SYSV_IPC_CREAT 01000
#define SYSV_IPC_EXCL 02000
#define SYSV_IPC_NOWAIT 04000
#define SYSV_IPC_RMID 0
#define SYSV_IPC_SET 1
#define SYSV_IPC_STAT 2
#define SYSV_IPC_INFO 3
#define SYSV_SEQ_MULTIPLIER 32768
/* Objects of one kind (Linux allows 4096 segments, 32000 sets and 32000
 * queues; one limit is enough here and keeps tables small). */
#define SYSV_MNI 4096

struct sysv_perm {
    int32_t key;
    uint16_t seq;
    uint32_t mode;           /* low 9 bits: rwx; above: the kind's flags */
    uint32_t uid, gid, cuid, cgid;
};

/* struct ipc64_perm of asm-generic, 64-bit: the head of every *id64_ds. */
struct guest_ipc64_perm {
    int32_t key;
    uint32_t uid, gid, cuid, cgid;
    uint32_t mode;
    uint16_t seq, pad2;
    uint64_t unused1, unused2;
};
_Static_assert(sizeof(struct guest_ipc64_perm) == 48, "ipc64_perm layout");

/* The objects of one kind by index; each points at the struct sysv_perm
 * that begins the kind's object. Plain data: a copy of the struct shares
 * the objects. */
struct sysv_table {
    struct sysv_perm *obj[SYSV_MNI];
    uint16_t next_seq;
};

int64_t sysv_id(const struct sysv_table *t, unsigned idx);
/* The object of id, its index in *idx; NULL if none. */
struct sysv_perm *sysv_find(const struct sysv_table *t, int64_t id,
                            unsigned *idx);
/* The object at index idx (SHM_STAT, SEM_STAT, MSG_STAT take an index
 * where the others take an id); NULL if none. */
struct sysv_perm *sysv_at_index(const struct sysv_table *t, int64_t idx);
/* SHM_STAT, SEM_STAT and MSG_STAT (which need read permission) and their
 * _ANY forms (any: no check): the object at index idx, or NULL with *err
 * -EINVAL (none there) or -EACCES. */
struct sysv_perm *sysv_stat_index(const struct sysv_table *t,
                                  const struct user_process *p, int64_t idx,
                                  bool any, int64_t *err);
/* The highest index in use, 0 if none: what the *_INFO commands return. */
int64_t sysv_highest_index(const struct sysv_table *t);
unsigned sysv_count(const struct sysv_table *t);

/* The key lookup of shmget/semget/msgget, as Linux's ipcget: the index of
 * the object with key (>= 0, in *idx; the caller then makes its own
 * checks and sysv_get_existing), SYSV_GET_NEW when a new object is to be
 * made (IPC_PRIVATE, or an unknown key with IPC_CREAT), or -EEXIST,
 * -ENOENT. */
#define SYSV_GET_NEW 1
int sysv_get_lookup(const struct sysv_table *t, int32_t key, uint32_t flg,
                    unsigned *idx);
/* The id of the existing object at idx for a caller asking with flg
 * (Linux checks the owner bits of flg), or -EACCES. */
int64_t sysv_get_existing(const struct sysv_table *t,
                          const struct user_process *p, unsigned idx,
                          uint32_t flg);
/* A free index, or -ENOSPC. */
int sysv_free_index(const struct sysv_table *t);
/* Put a new object (perm is its head) at the free index idx for p:
 * key, a sequence number, mode from flg, owner and creator p. Its id. */
int64_t sysv_insert(struct sysv_table *t, unsigned idx,
                    struct sysv_perm *perm, const struct user_process *p,
                    int32_t key, uint32_t flg);

/* Linux's ipcperms for the bits in want (octal rwx, low 3 bits). */
bool sysv_perm_ok(const struct user_process *p, const struct sysv_perm *perm,
                  unsigned want);
/* IPC_SET and IPC_RMID: the owner, the creator or root. */
bool sysv_owner_ok(const struct user_process *p,
                   const struct sysv_perm *perm);
/* IPC_STAT's perm part, and what IPC_SET takes from the guest's. */
void sysv_perm_to_guest(const struct sysv_perm *perm,
                        struct guest_ipc64_perm *out);
void sysv_perm_set(struct sysv_perm *perm, const struct guest_ipc64_perm *in);

/* ---- Message queues' table (sysv-msg.c): k->sysv_msg, NULL until the
 * first msgget; freed with the kernel (user_sysv_msg_free, kernel.h). */

/* ---- Listing, for the debugger's `info os` (user/osdata.c) ----------
 *
 * The objects of one kind in index order, as Linux's /proc/sysvipc/shm,
 * sem and msg list them: a GArray of the kind's struct (empty when there
 * is no table yet). Times are not kept (always 0, see the files). */
struct user_sysv_shm_info {
    struct sysv_perm perm;
    int64_t id;
    uint64_t size;
    int64_t cpid, lpid;
    uint64_t nattch;
};
struct user_sysv_sem_info {
    struct sysv_perm perm;
    int64_t id;
    uint32_t nsems;
};
struct user_sysv_msg_info {
    struct sysv_perm perm;
    int64_t id;
    uint64_t cbytes, qnum;
    int64_t lspid, lrpid;
};
GArray *user_sysv_shm_list(struct user_kernel *k);
GArray *user_sysv_sem_list(struct user_kernel *k);
GArray *user_sysv_msg_list(struct user_kernel *k);

/* ---- Snapshots -------------------------------------------------------- */

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

struct user_sysv_msg_snapshot *user_sysv_msg_snapshot_take(
    struct user_kernel *k);
void user_sysv_msg_snapshot_restore(struct user_kernel *k,
                                    const struct user_sysv_msg_snapshot *s);
void user_sysv_msg_snapshot_free(struct user_sysv_msg_snapshot *s);

#endif
