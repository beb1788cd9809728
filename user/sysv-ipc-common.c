/* What System V shared memory, semaphores and message queues share: the
 * id/key table and the ipc64_perm part of each object (sysv-ipc.h).
 *
 * Linux's rules (ipc/util.c): an id is index + seq * SEQ_MULTIPLIER with
 * a sequence number that moves on at every creation; a key other than
 * IPC_PRIVATE names at most one live object; permissions are the rwx
 * bits of the owner, group or others class the caller falls in, root
 * passing every check. All guests run as the host's uid and gid. */
#define _GNU_SOURCE
#include "config.h"

#include "user/sysv-ipc.h"
#include "user/user-internal.h"

#include <errno.h>
#include <string.h>

int64_t sysv_id(const struct sysv_table *t, unsigned idx)
{
    return (int64_t)t->obj[idx]->seq * SYSV_SEQ_MULTIPLIER + idx;
}

struct sysv_perm *sysv_find(const struct sysv_table *t, int64_t id,
                            unsigned *idx)
{
    if (id < 0)
        return NULL;
    unsigned i = (unsigned)(id % SYSV_SEQ_MULTIPLIER);
    if (i >= SYSV_MNI || !t->obj[i]
        || t->obj[i]->seq != (uint64_t)id / SYSV_SEQ_MULTIPLIER)
        return NULL;
    *idx = i;
    return t->obj[i];
}

struct sysv_perm *sysv_at_index(const struct sysv_table *t, int64_t idx)
{
    if (idx < 0 || idx >= SYSV_MNI)
        return NULL;
    return t->obj[idx];
}

struct sysv_perm *sysv_stat_index(const struct sysv_table *t,
                                  const struct user_process *p, int64_t idx,
                                  bool any, int64_t *err)
{
    struct sysv_perm *perm = sysv_at_index(t, idx);
    if (!perm) {
        *err = -EINVAL;
        return NULL;
    }
    if (!any && !sysv_perm_ok(p, perm, 4)) {
        *err = -EACCES;
        return NULL;
    }
    return perm;
}

int64_t sysv_highest_index(const struct sysv_table *t)
{
    int64_t hi = 0;
    for (unsigned i = 0; i < SYSV_MNI; i++)
        if (t->obj[i])
            hi = i;
    return hi;
}

unsigned sysv_count(const struct sysv_table *t)
{
    unsigned n = 0;
    for (unsigned i = 0; i < SYSV_MNI; i++)
        n += t->obj[i] != NULL;
    return n;
}

int sysv_get_lookup(const struct sysv_table *t, int32_t key, uint32_t flg,
                    unsigned *idx)
{
    if (key == SYSV_IPC_PRIVATE)
        return SYSV_GET_NEW;
    for (unsigned i = 0; i < SYSV_MNI; i++) {
        if (!t->obj[i] || t->obj[i]->key != key)
            continue;
        if ((flg & SYSV_IPC_CREAT) && (flg & SYSV_IPC_EXCL))
            return -EEXIST;
        *idx = i;
        return 0;
    }
    return flg & SYSV_IPC_CREAT ? SYSV_GET_NEW : -ENOENT;
}

int64_t sysv_get_existing(const struct sysv_table *t,
                          const struct user_process *p, unsigned idx,
                          uint32_t flg)
{
    if (!sysv_perm_ok(p, t->obj[idx], (flg >> 6) & 7))
        return -EACCES;
    return sysv_id(t, idx);
}

int sysv_free_index(const struct sysv_table *t)
{
    for (unsigned i = 0; i < SYSV_MNI; i++)
        if (!t->obj[i])
            return (int)i;
    return -ENOSPC;
}

int64_t sysv_insert(struct sysv_table *t, unsigned idx,
                    struct sysv_perm *perm, const struct user_process *p,
                    int32_t key, uint32_t flg)
{
    perm->key = key;
    perm->seq = t->next_seq++ % (INT32_MAX / SYSV_SEQ_MULTIPLIER);
    perm->mode = flg & 0777;
    perm->uid = perm->cuid = p->uid;
    perm->gid = perm->cgid = p->gid;
    t->obj[idx] = perm;
    return sysv_id(t, idx);
}

bool sysv_perm_ok(const struct user_process *p, const struct sysv_perm *perm,
                  unsigned want)
{
    if (p->uid == 0)
        return true;
    unsigned have;
    if (p->uid == perm->uid || p->uid == perm->cuid)
        have = perm->mode >> 6;
    else if (p->gid == perm->gid || p->gid == perm->cgid)
        have = perm->mode >> 3;
    else
        have = perm->mode;
    return (want & ~have & 7) == 0;
}

bool sysv_owner_ok(const struct user_process *p,
                   const struct sysv_perm *perm)
{
    return p->uid == 0 || p->uid == perm->uid || p->uid == perm->cuid;
}

void sysv_perm_to_guest(const struct sysv_perm *perm,
                        struct guest_ipc64_perm *out)
{
    memset(out, 0, sizeof(*out));
    out->key = perm->key;
    out->uid = perm->uid;
    out->gid = perm->gid;
    out->cuid = perm->cuid;
    out->cgid = perm->cgid;
    out->mode = perm->mode;
    out->seq = perm->seq;
}

void sysv_perm_set(struct sysv_perm *perm, const struct guest_ipc64_perm *in)
{
    perm->uid = in->uid;
    perm->gid = in->gid;
    perm->mode = (perm->mode & ~0777u) | (in->mode & 0777);
}
