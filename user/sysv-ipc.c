/* System V shared memory: shmget, shmat, shmdt, shmctl.
 *
 * A segment is a shared-memory object of the page store (hw/pagestore.h),
 * the same thing MAP_SHARED memory is, kept in a per-kernel table under
 * its key and id. shmat maps the object into the caller's address space;
 * fork then maps it into the child like any shared mapping, and exec and
 * exit drop it with the address space, so this file needs no hooks there.
 *
 * The attach count is not kept by hand: it is the number of pages, over
 * the address spaces of the live processes, that map the segment's first
 * page. Every shmat maps that page once (at the address it returns), a
 * forked address space carries its parent's, and an address space that
 * exec or exit dropped no longer counts. A segment marked with IPC_RMID
 * is freed at the first call here that finds it attached nowhere.
 *
 * These calls touch nothing outside the machine, so they are internal to
 * it for record/replay (server/syscall-door.c's default class): a replay
 * runs them again and gets the same ids and addresses.
 *
 * Snapshots: sysv-ipc.h saves and restores the table with every
 * segment's contents (attached or not), for user/snapshot.c to call.
 *
 * Not done yet: the times in shmid64_ds are 0 (the only clock a guest may
 * see comes through the door, and these calls do not), and exit does not
 * set shm_lpid. Semaphores are sysv-sem.c. */
#define _GNU_SOURCE
#include "config.h"

#include "user/syscall.h"
#include "user/mte.h"
#include "user/sysv-ipc.h"

#include "hw/pagestore.h"

#include <errno.h>

#define PAGE PAGESTORE_PAGE_SIZE

/* Linux's values (include/uapi/linux/ipc.h, shm.h). */
#define GUEST_IPC_PRIVATE 0
#define GUEST_IPC_CREAT 01000
#define GUEST_IPC_EXCL 02000
#define GUEST_IPC_RMID 0
#define GUEST_IPC_SET 1
#define GUEST_IPC_STAT 2
#define GUEST_IPC_INFO 3
#define GUEST_SHM_LOCK 11
#define GUEST_SHM_UNLOCK 12
#define GUEST_SHM_STAT 13
#define GUEST_SHM_INFO 14
#define GUEST_SHM_STAT_ANY 15
#define GUEST_SHM_RDONLY 010000
#define GUEST_SHM_RND 020000
#define GUEST_SHM_REMAP 040000
#define GUEST_SHM_EXEC 0100000
#define GUEST_SHM_DEST 01000     /* in mode: IPC_RMID done, still attached */
#define GUEST_SHM_LOCKED 02000
#define GUEST_SHMLBA PAGE        /* arm64 native */
/* Ids are index + seq * SEQ_MULTIPLIER, as Linux makes them, so a stale
 * id of a reused slot is refused. */
#define SEQ_MULTIPLIER 32768
#define SHM_MNI 4096             /* segments (SHMMNI) */
/* Largest segment and all segments together: what a guest may map
 * (user-internal.h); untouched pages cost no RAM. */
#define SHM_MAX USER_MAP_LIMIT
#define SHM_ALL_PAGES (USER_MAP_LIMIT / PAGE)

struct shm_seg {
    int32_t key;
    uint16_t seq;
    uint32_t mode;           /* low 9 bits: permissions; SHM_DEST, LOCKED */
    uint32_t uid, gid, cuid, cgid;
    uint64_t size;           /* as asked for, not rounded */
    int64_t cpid, lpid;
    bool removed;            /* IPC_RMID: freed when attached nowhere */
    struct pagestore_shm *shm;  /* one reference, the table's */
};

struct user_sysv_ipc {
    struct shm_seg *shm[SHM_MNI];
    uint16_t next_seq;
    uint64_t shm_pages;      /* of all segments, for SHM_ALL_PAGES */
};

/* struct ipc64_perm and struct shmid64_ds of asm-generic, 64-bit. */
struct guest_ipc64_perm {
    int32_t key;
    uint32_t uid, gid, cuid, cgid;
    uint32_t mode;
    uint16_t seq, pad2;
    uint64_t unused1, unused2;
};
struct guest_shmid64_ds {
    struct guest_ipc64_perm perm;
    uint64_t segsz;
    int64_t atime, dtime, ctime;
    int32_t cpid, lpid;
    uint64_t nattch;
    uint64_t unused4, unused5;
};
_Static_assert(sizeof(struct guest_ipc64_perm) == 48, "ipc64_perm layout");
_Static_assert(sizeof(struct guest_shmid64_ds) == 112, "shmid64_ds layout");

struct guest_shminfo64 {
    uint64_t shmmax, shmmin, shmmni, shmseg, shmall, unused[4];
};
struct guest_shm_info {
    int32_t used_ids, pad;
    uint64_t shm_tot, shm_rss, shm_swp, swap_attempts, swap_successes;
};

static struct user_sysv_ipc *ipc_of(struct user_kernel *k)
{
    if (!k->sysv_ipc)
        k->sysv_ipc = g_new0(struct user_sysv_ipc, 1);
    return k->sysv_ipc;
}

struct count_attach {
    const struct pagestore_shm *shm;
    uint64_t n;
};

static void count_first_page(struct pagestore_shm *shm, uint64_t addr,
                             uint64_t offset, void *data)
{
    struct count_attach *c = data;
    (void)addr;
    if (shm == c->shm && offset == 0)
        c->n++;
}

/* Attaches of seg in the live address spaces (each counted once however
 * many processes share it: threads, vfork). */
static uint64_t seg_nattch(struct user_kernel *k, const struct shm_seg *seg)
{
    struct count_attach c = { seg->shm, 0 };
    GHashTable *seen = g_hash_table_new(g_direct_hash, g_direct_equal);
    for (guint i = 0; i < k->procs->len; i++) {
        struct user_process *q = g_ptr_array_index(k->procs, i);
        if (q->exited || !q->mm || !g_hash_table_add(seen, q->mm))
            continue;
        pagestore_for_each_shm_page(q->mm->store, count_first_page, &c);
    }
    g_hash_table_unref(seen);
    return c.n;
}

static void seg_free(struct user_sysv_ipc *ipc, unsigned idx)
{
    struct shm_seg *seg = ipc->shm[idx];
    ipc->shm_pages -= (seg->size + PAGE - 1) / PAGE;
    pagestore_shm_unref(seg->shm);
    g_free(seg);
    ipc->shm[idx] = NULL;
}

/* Free the removed segments that nothing maps any more. */
static void reap_removed(struct user_kernel *k, struct user_sysv_ipc *ipc)
{
    for (unsigned i = 0; i < SHM_MNI; i++)
        if (ipc->shm[i] && ipc->shm[i]->removed
            && seg_nattch(k, ipc->shm[i]) == 0)
            seg_free(ipc, i);
}

static int64_t seg_id(const struct shm_seg *seg, unsigned idx)
{
    return (int64_t)seg->seq * SEQ_MULTIPLIER + idx;
}

/* The segment of id, its table index in *idx; NULL if none. */
static struct shm_seg *seg_find(struct user_sysv_ipc *ipc, int64_t id,
                                unsigned *idx)
{
    if (id < 0)
        return NULL;
    unsigned i = (unsigned)(id % SEQ_MULTIPLIER);
    if (i >= SHM_MNI || !ipc->shm[i]
        || ipc->shm[i]->seq != (uint64_t)id / SEQ_MULTIPLIER)
        return NULL;
    *idx = i;
    return ipc->shm[i];
}

/* Linux's ipcperms for the permission bits in want (octal rwx, low 3
 * bits), the caller being root, the owner or creator, or another user
 * (all guests run as the host's uid and gid). */
static bool perm_ok(const struct user_process *p, const struct shm_seg *seg,
                    unsigned want)
{
    if (p->uid == 0)
        return true;
    unsigned have;
    if (p->uid == seg->uid || p->uid == seg->cuid)
        have = seg->mode >> 6;
    else if (p->gid == seg->gid || p->gid == seg->cgid)
        have = seg->mode >> 3;
    else
        have = seg->mode;
    return (want & ~have & 7) == 0;
}

/* IPC_SET and IPC_RMID: the owner, the creator or root. */
static bool owner_ok(const struct user_process *p, const struct shm_seg *seg)
{
    return p->uid == 0 || p->uid == seg->uid || p->uid == seg->cuid;
}

USER_SYSCALL(shmget)
{
    int32_t key = (int32_t)a[0];
    uint64_t size = a[1];
    uint32_t flg = (uint32_t)a[2];
    struct user_sysv_ipc *ipc = ipc_of(p->kernel);
    reap_removed(p->kernel, ipc);

    if (key != GUEST_IPC_PRIVATE) {
        for (unsigned i = 0; i < SHM_MNI; i++) {
            struct shm_seg *seg = ipc->shm[i];
            if (!seg || seg->removed || seg->key != key)
                continue;
            if ((flg & GUEST_IPC_CREAT) && (flg & GUEST_IPC_EXCL))
                return -EEXIST;
            if (size > seg->size)
                return -EINVAL;
            /* Linux asks for the owner's bits of shmflg. */
            if (!perm_ok(p, seg, (flg >> 6) & 7))
                return -EACCES;
            return seg_id(seg, i);
        }
        if (!(flg & GUEST_IPC_CREAT))
            return -ENOENT;
    }

    if (size < 1 || size > SHM_MAX)
        return -EINVAL;
    uint64_t pages = (size + PAGE - 1) / PAGE;
    if (pages > SHM_ALL_PAGES - ipc->shm_pages)
        return -ENOSPC;
    unsigned idx = 0;
    while (idx < SHM_MNI && ipc->shm[idx])
        idx++;
    if (idx == SHM_MNI)
        return -ENOSPC;
    struct pagestore_shm *shm = pagestore_shm_new(pages * PAGE);
    if (!shm)
        return -ENOMEM;
    struct shm_seg *seg = g_new0(struct shm_seg, 1);
    seg->key = key;
    seg->seq = ipc->next_seq++ % (INT32_MAX / SEQ_MULTIPLIER);
    seg->mode = flg & 0777;
    seg->uid = seg->cuid = p->uid;
    seg->gid = seg->cgid = p->gid;
    seg->size = size;
    seg->cpid = p->pid;
    seg->shm = shm;
    ipc->shm[idx] = seg;
    ipc->shm_pages += pages;
    return seg_id(seg, idx);
}

USER_SYSCALL(shmat)
{
    uint64_t addr = a[1];
    uint32_t flg = (uint32_t)a[2];
    struct user_sysv_ipc *ipc = ipc_of(p->kernel);
    reap_removed(p->kernel, ipc);
    unsigned idx;
    struct shm_seg *seg = seg_find(ipc, (int64_t)(int32_t)a[0], &idx);
    if (!seg)
        return -EINVAL;

    unsigned prot = PAGESTORE_PROT_READ;
    unsigned want = 4;
    if (!(flg & GUEST_SHM_RDONLY)) {
        prot |= PAGESTORE_PROT_WRITE;
        want |= 2;
    }
    if (flg & GUEST_SHM_EXEC) {
        prot |= PAGESTORE_PROT_EXEC;
        want |= 1;
    }
    if (!perm_ok(p, seg, want))
        return -EACCES;

    uint64_t len = pagestore_shm_size(seg->shm);
    if (addr) {
        if (addr & (GUEST_SHMLBA - 1)) {
            if (!(flg & GUEST_SHM_RND))
                return -EINVAL;
            addr &= ~(uint64_t)(GUEST_SHMLBA - 1);
        }
        if (addr < USER_MMAP_MIN || addr >= PAGESTORE_ADDR_LIMIT
            || len > PAGESTORE_ADDR_LIMIT - addr)
            return -EINVAL;
        uint64_t page;
        if (!(flg & GUEST_SHM_REMAP)
            && pagestore_first_mapped(p->mem, addr, addr + len, &page))
            return -EINVAL;
    } else {
        if (flg & GUEST_SHM_REMAP)
            return -EINVAL;
        /* Top-down below the mmap top, as mmap's own search. */
        uint64_t end = USER_MMAP_TOP;
        addr = 0;
        while (end >= USER_MMAP_MIN + len) {
            uint64_t page;
            if (!pagestore_last_mapped(p->mem, end - len, end, &page)) {
                addr = end - len;
                break;
            }
            end = page;
        }
        if (!addr)
            return -ENOMEM;
    }
    uint64_t mapped = pagestore_mapped_pages(p->mem) * PAGE;
    if (len > USER_MAP_LIMIT || mapped > USER_MAP_LIMIT - len)
        return -ENOMEM;

    user_mem_changed(p, addr, len);
    user_mte_unmap(p, addr, len);
    if (pagestore_map_shm(p->mem, addr, len, prot, seg->shm, 0) < 0)
        return -EINVAL;
    seg->lpid = p->pid;
    return addr;
}

USER_SYSCALL(shmdt)
{
    uint64_t addr = a[0];
    if (addr & (PAGE - 1))
        return -EINVAL;
    struct user_sysv_ipc *ipc = ipc_of(p->kernel);
    uint64_t off;
    struct pagestore_shm *shm = pagestore_shm_at(p->mem, addr, &off);
    struct shm_seg *seg = NULL;
    for (unsigned i = 0; shm && off == 0 && i < SHM_MNI; i++)
        if (ipc->shm[i] && ipc->shm[i]->shm == shm)
            seg = ipc->shm[i];
    if (!seg)
        return -EINVAL;
    /* The pages of this attach: the segment's, in order, from addr. */
    uint64_t size = pagestore_shm_size(shm), len = PAGE;
    while (len < size && pagestore_shm_at(p->mem, addr + len, &off) == shm
           && off == len)
        len += PAGE;
    user_mem_changed(p, addr, len);
    pagestore_unmap(p->mem, addr, len);
    seg->lpid = p->pid;
    reap_removed(p->kernel, ipc);
    return 0;
}

static void seg_stat(struct user_kernel *k, const struct shm_seg *seg,
                     unsigned idx, struct guest_shmid64_ds *ds)
{
    memset(ds, 0, sizeof(*ds));
    ds->perm.key = seg->key;
    ds->perm.uid = seg->uid;
    ds->perm.gid = seg->gid;
    ds->perm.cuid = seg->cuid;
    ds->perm.cgid = seg->cgid;
    ds->perm.mode = seg->mode;
    ds->perm.seq = seg->seq;
    (void)idx;
    ds->segsz = seg->size;
    ds->cpid = (int32_t)seg->cpid;
    ds->lpid = (int32_t)seg->lpid;
    ds->nattch = seg_nattch(k, seg);
}

static int64_t highest_index(const struct user_sysv_ipc *ipc)
{
    int64_t hi = 0;
    for (unsigned i = 0; i < SHM_MNI; i++)
        if (ipc->shm[i])
            hi = i;
    return hi;
}

static int64_t shm_info(struct user_process *p, struct user_sysv_ipc *ipc,
                        int cmd, uint64_t buf)
{
    if (cmd == GUEST_IPC_INFO) {
        struct guest_shminfo64 info = {
            .shmmax = SHM_MAX, .shmmin = 1, .shmmni = SHM_MNI,
            .shmseg = SHM_MNI, .shmall = SHM_ALL_PAGES,
        };
        if (user_copy_out(p, buf, &info, sizeof(info)) < 0)
            return -EFAULT;
        return highest_index(ipc);
    }
    struct guest_shm_info info = { 0 };
    for (unsigned i = 0; i < SHM_MNI; i++) {
        if (!ipc->shm[i])
            continue;
        info.used_ids++;
        info.shm_tot += (ipc->shm[i]->size + PAGE - 1) / PAGE;
        info.shm_rss += pagestore_shm_resident_pages(ipc->shm[i]->shm);
    }
    if (user_copy_out(p, buf, &info, sizeof(info)) < 0)
        return -EFAULT;
    return highest_index(ipc);
}

USER_SYSCALL(shmctl)
{
    int64_t id = (int32_t)a[0];
    int cmd = (int)(int32_t)a[1];
    uint64_t buf = a[2];
    struct user_kernel *k = p->kernel;
    struct user_sysv_ipc *ipc = ipc_of(k);
    reap_removed(k, ipc);
    if (id < 0 || cmd < 0)
        return -EINVAL;

    switch (cmd) {
    case GUEST_IPC_INFO:
    case GUEST_SHM_INFO:
        return shm_info(p, ipc, cmd, buf);
    case GUEST_SHM_STAT:
    case GUEST_SHM_STAT_ANY: {
        /* id is a table index here; the id comes back. */
        if (id >= SHM_MNI || !ipc->shm[id])
            return -EINVAL;
        struct shm_seg *seg = ipc->shm[id];
        if (cmd == GUEST_SHM_STAT && !perm_ok(p, seg, 4))
            return -EACCES;
        struct guest_shmid64_ds ds;
        seg_stat(k, seg, (unsigned)id, &ds);
        if (user_copy_out(p, buf, &ds, sizeof(ds)) < 0)
            return -EFAULT;
        return seg_id(seg, (unsigned)id);
    }
    default:
        break;
    }

    unsigned idx;
    struct shm_seg *seg = seg_find(ipc, id, &idx);
    if (!seg)
        return -EINVAL;
    switch (cmd) {
    case GUEST_IPC_STAT: {
        if (!perm_ok(p, seg, 4))
            return -EACCES;
        struct guest_shmid64_ds ds;
        seg_stat(k, seg, idx, &ds);
        if (user_copy_out(p, buf, &ds, sizeof(ds)) < 0)
            return -EFAULT;
        return 0;
    }
    case GUEST_IPC_SET: {
        struct guest_shmid64_ds ds;
        if (user_copy_in(p, &ds, buf, sizeof(ds)) < 0)
            return -EFAULT;
        if (!owner_ok(p, seg))
            return -EPERM;
        seg->uid = ds.perm.uid;
        seg->gid = ds.perm.gid;
        seg->mode = (seg->mode & ~0777u) | (ds.perm.mode & 0777);
        return 0;
    }
    case GUEST_IPC_RMID:
        if (!owner_ok(p, seg))
            return -EPERM;
        /* The key is free for a new segment at once; the id lives until
         * the last detach (Linux marks it SHM_DEST meanwhile). */
        seg->removed = true;
        seg->key = GUEST_IPC_PRIVATE;
        seg->mode |= GUEST_SHM_DEST;
        reap_removed(k, ipc);
        return 0;
    case GUEST_SHM_LOCK:
    case GUEST_SHM_UNLOCK:
        /* Nothing is ever swapped out here: only the flag changes. */
        if (!owner_ok(p, seg))
            return -EPERM;
        if (cmd == GUEST_SHM_LOCK)
            seg->mode |= GUEST_SHM_LOCKED;
        else
            seg->mode &= ~(uint32_t)GUEST_SHM_LOCKED;
        return 0;
    default:
        return -EINVAL;
    }
}

void user_sysv_ipc_free(struct user_kernel *k)
{
    struct user_sysv_ipc *ipc = k->sysv_ipc;
    if (!ipc)
        return;
    for (unsigned i = 0; i < SHM_MNI; i++)
        if (ipc->shm[i])
            seg_free(ipc, i);
    g_free(ipc);
    k->sysv_ipc = NULL;
}

/* ---- Snapshots (sysv-ipc.h) ----------------------------------------- */

struct user_sysv_shm_snapshot {
    struct user_sysv_ipc table;  /* segments copied, objects referenced */
    /* Contents of each segment's object, by table index. */
    struct pagestore_shm_snapshot *contents[SHM_MNI];
};

struct user_sysv_shm_snapshot *user_sysv_shm_snapshot_take(
    struct user_kernel *k)
{
    struct user_sysv_ipc *ipc = k->sysv_ipc;
    if (!ipc)
        return NULL;
    struct user_sysv_shm_snapshot *s = g_new0(struct user_sysv_shm_snapshot, 1);
    s->table = *ipc;
    for (unsigned i = 0; i < SHM_MNI; i++) {
        if (!ipc->shm[i])
            continue;
        s->table.shm[i] = g_memdup2(ipc->shm[i], sizeof(struct shm_seg));
        pagestore_shm_ref(s->table.shm[i]->shm);
        s->contents[i] = pagestore_shm_snapshot_take(ipc->shm[i]->shm);
    }
    return s;
}

void user_sysv_shm_snapshot_restore(struct user_kernel *k,
                                    const struct user_sysv_shm_snapshot *s)
{
    user_sysv_ipc_free(k);
    if (!s)
        return;
    struct user_sysv_ipc *ipc = ipc_of(k);
    *ipc = s->table;
    for (unsigned i = 0; i < SHM_MNI; i++) {
        if (!s->table.shm[i])
            continue;
        ipc->shm[i] = g_memdup2(s->table.shm[i], sizeof(struct shm_seg));
        pagestore_shm_ref(ipc->shm[i]->shm);
        /* Whoever maps the object drops cached host pointers at a
         * restore anyway (the whole set's TLBs are flushed). */
        pagestore_shm_snapshot_restore(s->contents[i]);
    }
}

void user_sysv_shm_snapshot_free(struct user_sysv_shm_snapshot *s)
{
    if (!s)
        return;
    for (unsigned i = 0; i < SHM_MNI; i++) {
        if (!s->table.shm[i])
            continue;
        pagestore_shm_snapshot_free(s->contents[i]);
        pagestore_shm_unref(s->table.shm[i]->shm);
        g_free(s->table.shm[i]);
    }
    g_free(s);
}
