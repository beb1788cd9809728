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
 * set shm_lpid. Semaphores are sysv-sem.c, message queues sysv-msg.c,
 * and what the three share (ids, keys, permissions) sysv-ipc-common.c. */
#define _GNU_SOURCE
#include "config.h"

#include "user/syscall.h"
#include "user/mte.h"
#include "user/sysv-ipc.h"

#include "hw/pagestore.h"

#include <errno.h>

#define PAGE PAGESTORE_PAGE_SIZE

/* Linux's values (include/uapi/linux/shm.h); the IPC_* ones are in
 * sysv-ipc.h. */
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
#define SHM_MNI SYSV_MNI         /* segments (SHMMNI) */
/* Largest segment and all segments together: what a guest may map
 * (user-internal.h); untouched pages cost no RAM. */
#define SHM_MAX USER_MAP_LIMIT
#define SHM_ALL_PAGES (USER_MAP_LIMIT / PAGE)

struct shm_seg {
    struct sysv_perm perm;   /* first; mode has SHM_DEST and SHM_LOCKED */
    uint64_t size;           /* as asked for, not rounded */
    int64_t cpid, lpid;
    bool removed;            /* IPC_RMID: freed when attached nowhere */
    struct pagestore_shm *shm;  /* one reference, the table's */
};

/* The segments: a table and its page count, saved whole by snapshots. */
struct shm_table {
    struct sysv_table t;     /* of struct shm_seg */
    uint64_t shm_pages;      /* of all segments, for SHM_ALL_PAGES */
};

struct user_sysv_ipc {
    struct shm_table shm;
};

/* struct shmid64_ds of asm-generic, 64-bit. */
struct guest_shmid64_ds {
    struct guest_ipc64_perm perm;
    uint64_t segsz;
    int64_t atime, dtime, ctime;
    int32_t cpid, lpid;
    uint64_t nattch;
    uint64_t unused4, unused5;
};
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

/* The segment at index i of table st, NULL if none. */
static struct shm_seg *seg_at(const struct shm_table *st, unsigned i)
{
    return (struct shm_seg *)st->t.obj[i];   /* perm comes first */
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

static void seg_free(struct shm_table *st, unsigned idx)
{
    struct shm_seg *seg = seg_at(st, idx);
    st->shm_pages -= (seg->size + PAGE - 1) / PAGE;
    pagestore_shm_unref(seg->shm);
    g_free(seg);
    st->t.obj[idx] = NULL;
}

static void shm_clear(struct shm_table *st)
{
    for (unsigned i = 0; i < SHM_MNI; i++)
        if (st->t.obj[i])
            seg_free(st, i);
}

/* Free the removed segments that nothing maps any more. */
static void reap_removed(struct user_kernel *k, struct user_sysv_ipc *ipc)
{
    for (unsigned i = 0; i < SHM_MNI; i++) {
        struct shm_seg *seg = seg_at(&ipc->shm, i);
        if (seg && seg->removed && seg_nattch(k, seg) == 0)
            seg_free(&ipc->shm, i);
    }
}

/* The segment of id, its table index in *idx; NULL if none. */
static struct shm_seg *seg_find(struct user_sysv_ipc *ipc, int64_t id,
                                unsigned *idx)
{
    return (struct shm_seg *)sysv_find(&ipc->shm.t, id, idx);
}

USER_SYSCALL(shmget)
{
    int32_t key = (int32_t)a[0];
    uint64_t size = a[1];
    uint32_t flg = (uint32_t)a[2];
    struct user_sysv_ipc *ipc = ipc_of(p->kernel);
    reap_removed(p->kernel, ipc);

    unsigned found;
    int r = sysv_get_lookup(&ipc->shm.t, key, flg, &found);
    if (r < 0)
        return r;
    if (r != SYSV_GET_NEW) {
        if (size > seg_at(&ipc->shm, found)->size)
            return -EINVAL;
        return sysv_get_existing(&ipc->shm.t, p, found, flg);
    }

    if (size < 1 || size > SHM_MAX)
        return -EINVAL;
    uint64_t pages = (size + PAGE - 1) / PAGE;
    if (pages > SHM_ALL_PAGES - ipc->shm.shm_pages)
        return -ENOSPC;
    int idx = sysv_free_index(&ipc->shm.t);
    if (idx < 0)
        return idx;
    struct pagestore_shm *shm = pagestore_shm_new(pages * PAGE);
    if (!shm)
        return -ENOMEM;
    struct shm_seg *seg = g_new0(struct shm_seg, 1);
    seg->size = size;
    seg->cpid = p->pid;
    seg->shm = shm;
    ipc->shm.shm_pages += pages;
    return sysv_insert(&ipc->shm.t, (unsigned)idx, &seg->perm, p, key, flg);
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
    if (!sysv_perm_ok(p, &seg->perm, want))
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
        if (seg_at(&ipc->shm, i) && seg_at(&ipc->shm, i)->shm == shm)
            seg = seg_at(&ipc->shm, i);
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
                     struct guest_shmid64_ds *ds)
{
    memset(ds, 0, sizeof(*ds));
    sysv_perm_to_guest(&seg->perm, &ds->perm);
    ds->segsz = seg->size;
    ds->cpid = (int32_t)seg->cpid;
    ds->lpid = (int32_t)seg->lpid;
    ds->nattch = seg_nattch(k, seg);
}

static int64_t shm_info(struct user_process *p, struct user_sysv_ipc *ipc,
                        int cmd, uint64_t buf)
{
    if (cmd == SYSV_IPC_INFO) {
        struct guest_shminfo64 info = {
            .shmmax = SHM_MAX, .shmmin = 1, .shmmni = SHM_MNI,
            .shmseg = SHM_MNI, .shmall = SHM_ALL_PAGES,
        };
        if (user_copy_out(p, buf, &info, sizeof(info)) < 0)
            return -EFAULT;
        return sysv_highest_index(&ipc->shm.t);
    }
    struct guest_shm_info info = { 0 };
    for (unsigned i = 0; i < SHM_MNI; i++) {
        const struct shm_seg *seg = seg_at(&ipc->shm, i);
        if (!seg)
            continue;
        info.used_ids++;
        info.shm_tot += (seg->size + PAGE - 1) / PAGE;
        info.shm_rss += pagestore_shm_resident_pages(seg->shm);
    }
    if (user_copy_out(p, buf, &info, sizeof(info)) < 0)
        return -EFAULT;
    return sysv_highest_index(&ipc->shm.t);
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
    case SYSV_IPC_INFO:
    case GUEST_SHM_INFO:
        return shm_info(p, ipc, cmd, buf);
    case GUEST_SHM_STAT:
    case GUEST_SHM_STAT_ANY: {
        /* id is a table index here; the id comes back. */
        int64_t err;
        struct shm_seg *seg = (struct shm_seg *)sysv_stat_index(
            &ipc->shm.t, p, id, cmd == GUEST_SHM_STAT_ANY, &err);
        if (!seg)
            return err;
        struct guest_shmid64_ds ds;
        seg_stat(k, seg, &ds);
        if (user_copy_out(p, buf, &ds, sizeof(ds)) < 0)
            return -EFAULT;
        return sysv_id(&ipc->shm.t, (unsigned)id);
    }
    default:
        break;
    }

    unsigned idx;
    struct shm_seg *seg = seg_find(ipc, id, &idx);
    if (!seg)
        return -EINVAL;
    switch (cmd) {
    case SYSV_IPC_STAT: {
        if (!sysv_perm_ok(p, &seg->perm, 4))
            return -EACCES;
        struct guest_shmid64_ds ds;
        seg_stat(k, seg, &ds);
        if (user_copy_out(p, buf, &ds, sizeof(ds)) < 0)
            return -EFAULT;
        return 0;
    }
    case SYSV_IPC_SET: {
        struct guest_shmid64_ds ds;
        if (user_copy_in(p, &ds, buf, sizeof(ds)) < 0)
            return -EFAULT;
        if (!sysv_owner_ok(p, &seg->perm))
            return -EPERM;
        sysv_perm_set(&seg->perm, &ds.perm);
        return 0;
    }
    case SYSV_IPC_RMID:
        if (!sysv_owner_ok(p, &seg->perm))
            return -EPERM;
        /* The key is free for a new segment at once; the id lives until
         * the last detach (Linux marks it SHM_DEST meanwhile). */
        seg->removed = true;
        seg->perm.key = SYSV_IPC_PRIVATE;
        seg->perm.mode |= GUEST_SHM_DEST;
        reap_removed(k, ipc);
        return 0;
    case GUEST_SHM_LOCK:
    case GUEST_SHM_UNLOCK:
        /* Nothing is ever swapped out here: only the flag changes. */
        if (!sysv_owner_ok(p, &seg->perm))
            return -EPERM;
        if (cmd == GUEST_SHM_LOCK)
            seg->perm.mode |= GUEST_SHM_LOCKED;
        else
            seg->perm.mode &= ~(uint32_t)GUEST_SHM_LOCKED;
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
    shm_clear(&ipc->shm);
    g_free(ipc);
    k->sysv_ipc = NULL;
}

/* ---- Snapshots (sysv-ipc.h) ----------------------------------------- */

struct user_sysv_shm_snapshot {
    struct shm_table table;  /* segments copied, objects referenced */
    /* Contents of each segment's object, by table index. */
    struct pagestore_shm_snapshot *contents[SHM_MNI];
};

static struct shm_seg *seg_copy(const struct shm_seg *seg)
{
    struct shm_seg *c = g_memdup2(seg, sizeof(*seg));
    pagestore_shm_ref(c->shm);
    return c;
}

struct user_sysv_shm_snapshot *user_sysv_shm_snapshot_take(
    struct user_kernel *k)
{
    struct user_sysv_ipc *ipc = k->sysv_ipc;
    if (!ipc)
        return NULL;
    struct user_sysv_shm_snapshot *s = g_new0(struct user_sysv_shm_snapshot, 1);
    s->table = ipc->shm;
    for (unsigned i = 0; i < SHM_MNI; i++) {
        const struct shm_seg *seg = seg_at(&ipc->shm, i);
        if (!seg)
            continue;
        s->table.t.obj[i] = &seg_copy(seg)->perm;
        s->contents[i] = pagestore_shm_snapshot_take(seg->shm);
    }
    return s;
}

void user_sysv_shm_snapshot_restore(struct user_kernel *k,
                                    const struct user_sysv_shm_snapshot *s)
{
    if (!s && !k->sysv_ipc)
        return;
    struct user_sysv_ipc *ipc = ipc_of(k);
    shm_clear(&ipc->shm);
    if (!s) {
        ipc->shm = (struct shm_table){ 0 };
        return;
    }
    ipc->shm = s->table;
    for (unsigned i = 0; i < SHM_MNI; i++) {
        const struct shm_seg *seg = seg_at(&s->table, i);
        if (!seg)
            continue;
        ipc->shm.t.obj[i] = &seg_copy(seg)->perm;
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
        if (!s->table.t.obj[i])
            continue;
        pagestore_shm_snapshot_free(s->contents[i]);
    }
    shm_clear(&s->table);
    g_free(s);
}

/* ---- Listing for `info os shm` (sysv-ipc.h) --------------------------- */

GArray *user_sysv_shm_list(struct user_kernel *k)
{
    GArray *out = g_array_new(FALSE, TRUE, sizeof(struct user_sysv_shm_info));

    if (!k->sysv_ipc)
        return out;
    for (unsigned i = 0; i < SHM_MNI; i++) {
        const struct shm_seg *seg = seg_at(&k->sysv_ipc->shm, i);
        if (!seg)
            continue;
        struct user_sysv_shm_info info = {
            .perm = seg->perm,
            .id = sysv_id(&k->sysv_ipc->shm.t, i),
            .size = seg->size,
            .cpid = seg->cpid,
            .lpid = seg->lpid,
            .nattch = seg_nattch(k, seg),
        };
        g_array_append_val(out, info);
    }
    return out;
}
