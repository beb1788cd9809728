/* Snapshots of a user-mode process set (user/snapshot.h): every process
 * and thread of the kernel, with the scheduler's and the futexes' state.
 *
 * Process and thread structures are copied whole, by value; on restore
 * the pointers in them are put back: those to other processes and
 * threads by id (a snapshot outlives the objects it was taken of: a
 * thread that has exited since is built again), the others from the live
 * structure or the snapshot's own copies. A new plain field is then
 * snapshotted without anyone remembering it here; a new pointer field
 * must be added to restore_proc()/restore_thread() below.
 *
 * Host file descriptors are held by reference (duplicates, shared by
 * consecutive snapshots while the guest's fd names the same file); what
 * a file returned is the event log's business, not the snapshot's. A
 * snapshot of the past holds no pipes or sockets: a duplicate of a
 * pipe's write end would keep its reader from ever seeing EOF. Their
 * guest fds come back as /dev/null (a replay takes what they returned
 * from the log), and the present's snapshot, which the live run returns
 * to, holds them all.
 *
 * Shared memory (MAP_SHARED, hw/pagestore.h's shared objects): an address
 * space's snapshot keeps which object pages it maps; the contents of each
 * object mapped anywhere in the set are saved once, in shms, and put back
 * once, after the address spaces: every process then sees the same
 * restored page. */
#include "config.h"

#include "user/snapshot.h"

#include "user/user-internal.h"
#include "user/file-shm.h"
#include "user/mte-snapshot.h"
#include "user/sysv-ipc.h"
#include "user/timers.h"

#include "cpu/cpu.h"
#include "cpu/snapshot.h"
#include "hw/pagestore.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A host fd held by snapshots: a duplicate of the one the guest fd had,
 * shared by consecutive snapshots while the guest's stays the same file. */
struct held_fd {
    int refs;
    int host;                /* our duplicate */
    int source;              /* the machine's fd it duplicates */
    dev_t dev;
    ino_t ino;
};

/* Snapshots hold at most this many duplicates (beyond what they share
 * with the previous one), so that many snapshots cannot exhaust the
 * host's descriptors. */
#define MAX_NEW_FDS 32

/* An address space (shared by a vfork child and its parent). */
struct mm_snap {
    struct user_mm *mm;                  /* held (a reference) */
    struct pagestore_snapshot *pages;
    struct user_mte_tags *tags;          /* NULL: no tagged pages */
};

struct proc_snap {
    struct user_process state;           /* pointers fixed on restore */
    guint mm_index;                      /* into user_snapshot.mms */
    struct held_fd *fds[USER_FD_MAX];
    uint64_t stand_ins[USER_FD_MAX / 64];    /* bit per fd: /dev/null */
    char *exe, *sysroot;
    GBytes *auxv;
    int64_t parent_pid;                  /* 0: none */
    int64_t vfork_parent_tid;            /* 0: none */
    int64_t cur_tid;                     /* 0: none */
};

struct thread_snap {
    struct user_thread state;            /* pointers fixed on restore */
    int64_t pid;
    bool leader_sig;                     /* its signal state is the
                                            process's sigthread */
    bool dead;                           /* exited, not yet freed */
    struct cpu_snapshot *cpu;
};

struct user_snapshot {
    struct user_kernel *kernel;          /* identity check on restore */
    GArray *mms;                         /* of struct mm_snap */
    GPtrArray *shms;                     /* of pagestore_shm_snapshot: each
                                            object mapped by any mm once */
    GPtrArray *procs;                    /* of struct proc_snap, pid order */
    GArray *threads;                     /* of struct thread_snap: live
                                            ones in tid order, then dead */
    GArray *futex_waiters;               /* of int64_t tid, wait order */
    struct user_ptimer_snapshot *ptimers;  /* timer_create's timers */
    GArray *queued_events;               /* of struct user_event */
    struct user_sysv_shm_snapshot *sysv_shm;   /* SysV segments, contents */
    struct user_sysv_sem_snapshot *sysv_sem;   /* SysV semaphore sets */
    struct user_sysv_msg_snapshot *sysv_msg;   /* SysV queues, messages */
    struct user_file_shm_snapshot *file_shm;   /* files' shared objects */
    int64_t current_tid;
    int64_t next_id;
    int64_t last_tid;
    uint64_t quantum_left;
    uint64_t icount_retired;
    bool ended;
    size_t size;
};

struct user_process *user_process_of_cpu(struct cpu_state *cpu)
{
    struct user_process *p;

    if (!cpu || cpu->mem_ops != &user_cpu_mem_ops)
        return NULL;
    p = cpu->mem_opaque;
    return p && p->kernel ? p->kernel->first : NULL;
}

/* ---- Taking ------------------------------------------------------------ */

/* The moments a snapshot cannot cover: a thread waiting on host fds (its
 * poll list names the machine's host fds, which a restore renumbers). */
static bool can_take(struct user_kernel *k, const char **why)
{
    for (guint i = 0; i < k->threads->len; i++) {
        struct user_thread *t = g_ptr_array_index(k->threads, i);
        if (user_thread_polls(t)) {
            *why = "a thread waits on host files";
            return false;
        }
    }
    if (!g_ptr_array_find(k->procs, k->first, NULL)) {
        *why = "the first process is gone";
        return false;
    }
    return true;
}

static void held_fd_unref(struct held_fd *h)
{
    if (h && --h->refs == 0) {
        close(h->host);
        g_free(h);
    }
}

/* The held duplicate of guest fd i of p: prev's (the same process in the
 * previous snapshot) when it is still the same file under the same
 * machine fd, else a new one. */
static struct held_fd *hold_fd(const struct user_process *p, int i,
                               const struct proc_snap *prev, int *new_fds)
{
    int source = p->fds[i].host;
    struct stat st;
    struct held_fd *h;

    if (fstat(source, &st) != 0)
        return NULL;
    h = prev ? prev->fds[i] : NULL;
    if (h && h->source == source && h->dev == st.st_dev
        && h->ino == st.st_ino) {
        h->refs++;
        return h;
    }
    if (++*new_fds > MAX_NEW_FDS)
        return NULL;
    int dup = fcntl(source, F_DUPFD_CLOEXEC, 3);
    if (dup < 0)
        return NULL;
    h = g_new0(struct held_fd, 1);
    *h = (struct held_fd){ .refs = 1, .host = dup, .source = source,
                           .dev = st.st_dev, .ino = st.st_ino };
    return h;
}

static const struct proc_snap *proc_snap_of(const struct user_snapshot *s,
                                            int64_t pid)
{
    for (guint i = 0; s && i < s->procs->len; i++) {
        const struct proc_snap *ps = g_ptr_array_index(s->procs, i);
        if (ps->state.pid == pid)
            return ps;
    }
    return NULL;
}

static guint mm_index(struct user_snapshot *s, struct user_mm *mm)
{
    struct mm_snap ms;

    for (guint i = 0; i < s->mms->len; i++) {
        if (g_array_index(s->mms, struct mm_snap, i).mm == mm)
            return i;
    }
    ms.mm = mm;
    mm->refs++;
    ms.pages = pagestore_snapshot_take(mm->store);
    ms.tags = user_mte_tags_save(mm->store);
    g_array_append_val(s->mms, ms);
    s->size += sizeof(ms) + user_mte_tags_size(ms.tags);
    return s->mms->len - 1;
}

/* A pipe or socket, which a snapshot of the past does not hold. */
static bool is_stream(int host)
{
    struct stat st;
    return fstat(host, &st) == 0 && (S_ISFIFO(st.st_mode)
                                     || S_ISSOCK(st.st_mode));
}

static bool take_proc(struct user_snapshot *s, struct user_process *p,
                      const struct user_snapshot *prev,
                      enum user_snapshot_files files, int *new_fds)
{
    struct proc_snap *ps = g_new0(struct proc_snap, 1);
    const struct proc_snap *pprev = proc_snap_of(prev, p->pid);

    g_ptr_array_add(s->procs, ps);
    s->size += sizeof(*ps);
    for (int i = 0; i < USER_FD_MAX; i++) {
        if (p->fds[i].host < 0)
            continue;
        if (files == USER_SNAPSHOT_PAST && is_stream(p->fds[i].host)) {
            ps->stand_ins[i / 64] |= 1ull << (i % 64);
            continue;
        }
        ps->fds[i] = hold_fd(p, i, pprev, new_fds);
        if (!ps->fds[i])
            return false;
    }
    ps->state = *p;
    ps->mm_index = mm_index(s, p->mm);
    ps->exe = g_strdup(p->exe);
    ps->sysroot = g_strdup(p->sysroot);
    ps->auxv = p->auxv ? g_bytes_ref(p->auxv) : NULL;
    ps->parent_pid = p->parent ? p->parent->pid : 0;
    ps->vfork_parent_tid = p->vfork_parent ? p->vfork_parent->tid : 0;
    ps->cur_tid = p->cur ? p->cur->tid : 0;
    return true;
}

static void take_thread(struct user_snapshot *s, struct user_thread *t,
                        bool dead)
{
    struct thread_snap ts = {
        .state = *t,
        .pid = t->proc->pid,
        .leader_sig = t->sig == &t->proc->sigthread,
        .dead = dead,
        .cpu = cpu_snapshot_take(t->cpu),
    };
    g_array_append_val(s->threads, ts);
    s->size += sizeof(ts) + cpu_snapshot_size();
}

static void note_shm(struct pagestore_shm *shm, uint64_t addr,
                     uint64_t offset, void *data)
{
    (void)addr;
    (void)offset;
    g_hash_table_add(data, shm);
}

/* The objects every address space maps (hw/pagestore.h), as a set. */
static GHashTable *shms_of(GArray *mms)
{
    GHashTable *set = g_hash_table_new(g_direct_hash, g_direct_equal);

    for (guint i = 0; i < mms->len; i++)
        pagestore_for_each_shm_page(
            g_array_index(mms, struct mm_snap, i).mm->store, note_shm, set);
    return set;
}

/* A snapshot of each shared object's contents, once however many
 * address spaces map it. */
static void take_shms(struct user_snapshot *s)
{
    GHashTable *set = shms_of(s->mms);
    GHashTableIter it;
    gpointer shm;

    g_hash_table_iter_init(&it, set);
    while (g_hash_table_iter_next(&it, &shm, NULL)) {
        g_ptr_array_add(s->shms, pagestore_shm_snapshot_take(shm));
        s->size += sizeof(void *);
    }
    g_hash_table_unref(set);
}

static void flush_cpu(struct cpu_state *cpu, void *data)
{
    (void)data;
    cpu_tlb_flush(cpu);
}

/* Every CPU, live threads' and exited ones' not yet freed. */
static void for_each_cpu(struct user_kernel *k, user_cpu_fn fn, void *data)
{
    for (guint i = 0; i < k->threads->len; i++)
        fn(((struct user_thread *)g_ptr_array_index(k->threads, i))->cpu,
           data);
    for (guint i = 0; i < k->dead_threads->len; i++)
        fn(((struct user_thread *)g_ptr_array_index(k->dead_threads, i))->cpu,
           data);
}

static void free_proc_snap(gpointer data)
{
    struct proc_snap *ps = data;

    for (int i = 0; i < USER_FD_MAX; i++)
        held_fd_unref(ps->fds[i]);
    g_free(ps->exe);
    g_free(ps->sysroot);
    if (ps->auxv)
        g_bytes_unref(ps->auxv);
    g_free(ps);
}

struct user_snapshot *user_snapshot_take(struct user_process *p,
                                         const struct user_snapshot *prev,
                                         enum user_snapshot_files files,
                                         const char **why)
{
    struct user_kernel *k = p->kernel;
    struct user_snapshot *s;
    int new_fds = 0;

    *why = NULL;
    if (!can_take(k, why))
        return NULL;
    if (prev && prev->kernel != k)
        prev = NULL;
    s = g_new0(struct user_snapshot, 1);
    s->kernel = k;
    s->size = sizeof(*s);
    s->mms = g_array_new(FALSE, FALSE, sizeof(struct mm_snap));
    s->shms = g_ptr_array_new_with_free_func(
        (GDestroyNotify)pagestore_shm_snapshot_free);
    s->procs = g_ptr_array_new_with_free_func(free_proc_snap);
    s->threads = g_array_new(FALSE, FALSE, sizeof(struct thread_snap));
    s->futex_waiters = g_array_new(FALSE, FALSE, sizeof(int64_t));
    s->queued_events = g_array_new(FALSE, FALSE, sizeof(struct user_event));
    for (guint i = 0; i < k->procs->len; i++) {
        if (!take_proc(s, g_ptr_array_index(k->procs, i), prev, files,
                       &new_fds)) {
            *why = "too many open files to hold";
            user_snapshot_free(s);
            return NULL;
        }
    }
    s->icount_retired = k->icount_retired;
    for (guint i = 0; i < k->threads->len; i++)
        take_thread(s, g_ptr_array_index(k->threads, i), false);
    for (guint i = 0; i < k->dead_threads->len; i++) {
        struct user_thread *t = g_ptr_array_index(k->dead_threads, i);
        /* A released process's threads go with it at the next run: only
         * their instructions stay, as retired ones. */
        if (g_ptr_array_find(k->procs, t->proc, NULL))
            take_thread(s, t, true);
        else
            s->icount_retired += t->cpu->icount;
    }
    for (guint i = 0; i < k->dead_procs->len; i++) {
        struct user_process *d = g_ptr_array_index(k->dead_procs, i);
        for (guint j = 0; j < d->threads->len; j++)
            s->icount_retired +=
                ((struct user_thread *)g_ptr_array_index(d->threads, j))
                    ->cpu->icount;
    }
    for (guint i = 0; i < k->futex_waiters->len; i++) {
        int64_t tid = ((struct user_thread *)g_ptr_array_index(
                           k->futex_waiters, i))->tid;
        g_array_append_val(s->futex_waiters, tid);
    }
    if (k->queued_events && k->queued_events->len)
        g_array_append_vals(s->queued_events, k->queued_events->data,
                            k->queued_events->len);
    take_shms(s);
    s->sysv_shm = user_sysv_shm_snapshot_take(k);
    s->sysv_sem = user_sysv_sem_snapshot_take(k);
    s->sysv_msg = user_sysv_msg_snapshot_take(k);
    s->file_shm = user_file_shm_snapshot_take(k);
    s->current_tid = k->current ? k->current->tid : 0;
    s->next_id = k->next_id;
    s->last_tid = k->last_tid;
    s->quantum_left = k->quantum_left;
    s->ended = k->ended;
    s->ptimers = user_ptimer_snapshot_take(k);
    /* Host pages are now shared: the CPUs must translate again (their
     * TLBs hold the store's old pointers), and decode again too: decoded
     * code reads instructions from the host page it was decoded from,
     * which may now be the snapshot's alone, freed when it goes. */
    for_each_cpu(k, flush_cpu, NULL);
    return s;
}

/* ---- Restoring ----------------------------------------------------------- */

static gint by_tid(gconstpointer a, gconstpointer b)
{
    const struct user_thread *x = *(struct user_thread *const *)a;
    const struct user_thread *y = *(struct user_thread *const *)b;
    return x->tid < y->tid ? -1 : x->tid > y->tid;
}

static struct user_process *find_proc(GPtrArray *procs, int64_t pid)
{
    for (guint i = 0; i < procs->len; i++) {
        struct user_process *q = g_ptr_array_index(procs, i);
        if (q->pid == pid)
            return q;
    }
    return NULL;
}

static bool snap_has_thread(const struct user_snapshot *s, int64_t tid)
{
    for (guint i = 0; i < s->threads->len; i++) {
        if (g_array_index(s->threads, struct thread_snap, i).state.tid == tid)
            return true;
    }
    return false;
}

/* Live and exited-but-not-freed threads by tid. */
static GHashTable *threads_by_tid(struct user_kernel *k)
{
    GHashTable *h = g_hash_table_new(g_int64_hash, g_int64_equal);
    GPtrArray *lists[] = { k->threads, k->dead_threads };

    for (size_t l = 0; l < G_N_ELEMENTS(lists); l++) {
        for (guint i = 0; i < lists[l]->len; i++) {
            struct user_thread *t = g_ptr_array_index(lists[l], i);
            g_hash_table_insert(h, &t->tid, t);
        }
    }
    return h;
}

/* Threads of processes that stay but that did not exist then. */
static void drop_newer_threads(struct user_kernel *k,
                               const struct user_snapshot *s)
{
    GPtrArray *lists[] = { k->threads, k->dead_threads };

    for (size_t l = 0; l < G_N_ELEMENTS(lists); l++) {
        for (guint i = 0; i < lists[l]->len;) {
            struct user_thread *t = g_ptr_array_index(lists[l], i);
            if (snap_has_thread(s, t->tid)) {
                i++;
                continue;
            }
            g_ptr_array_remove_index(lists[l], i);
            g_ptr_array_remove(t->proc->threads, t);
            g_ptr_array_remove(k->futex_waiters, t);
            if (t->proc->cur == t) {
                t->proc->cur = NULL;
                t->proc->cpu = NULL;
            }
            if (k->current == t)
                k->current = NULL;
            user_thread_free(t);
        }
    }
}

/* Processes that did not exist then go (as reaped ones do). */
static void drop_newer_procs(struct user_kernel *k,
                             const struct user_snapshot *s)
{
    user_kernel_free_released(k);
    for (guint i = 0; i < k->procs->len;) {
        struct user_process *q = g_ptr_array_index(k->procs, i);
        if (q == k->first || proc_snap_of(s, q->pid)) {
            i++;
            continue;
        }
        user_proc_release(q);    /* removes it from k->procs */
    }
    user_kernel_free_released(k);
}

static void restore_proc(struct user_kernel *k, const struct user_snapshot *s,
                         const struct proc_snap *ps, struct user_process *q,
                         bool existed)
{
    struct user_process live = *q;
    const struct mm_snap *ms = &g_array_index(s->mms, struct mm_snap,
                                              ps->mm_index);

    user_fd_close_all(q);
    *q = ps->state;
    q->kernel = k;
    q->threads = live.threads;
    g_ptr_array_set_size(q->threads, 0);
    q->cur = NULL;
    q->cpu = NULL;
    q->parent = NULL;
    q->vfork_parent = NULL;
    if (existed)
        q->debugged = live.debugged;     /* the debugger's setting */
    else if (!user_kernel_follows(k, q->pid))
        q->debugged = false;
    for (int i = 0; i < USER_FD_MAX; i++) {
        q->fds[i].host = -1;
        if (ps->fds[i])
            q->fds[i].host = fcntl(ps->fds[i]->host, F_DUPFD_CLOEXEC, 3);
        else if (ps->stand_ins[i / 64] & (1ull << (i % 64)))
            q->fds[i].host = open("/dev/null", O_RDWR | O_CLOEXEC);
    }
    ms->mm->refs++;
    if (existed)
        user_mm_unref(live.mm);
    q->mm = ms->mm;
    q->mem = ms->mm->store;
    q->exe = g_strdup(ps->exe);
    q->sysroot = g_strdup(ps->sysroot);
    q->auxv = ps->auxv ? g_bytes_ref(ps->auxv) : NULL;
    if (existed) {
        g_free(live.exe);
        g_free(live.sysroot);
        if (live.auxv)
            g_bytes_unref(live.auxv);
    }
}

static struct user_process *new_proc(struct user_kernel *k)
{
    struct user_process *q = g_new0(struct user_process, 1);

    q->kernel = k;
    q->threads = g_ptr_array_new();
    for (int i = 0; i < USER_FD_MAX; i++)
        q->fds[i].host = -1;
    return q;
}

static struct user_thread *restore_thread(struct user_kernel *k,
                                          const struct thread_snap *ts,
                                          struct user_process *q,
                                          struct user_thread *t)
{
    struct cpu_state *cpu;
    GArray *io_polls;

    if (!t) {
        t = g_new0(struct user_thread, 1);
        t->cpu = cpu_new(&user_cpu_mem_ops, q);
        user_thread_apply_breakpoints(k, t->cpu);
    }
    cpu = t->cpu;
    io_polls = t->io_polls;
    *t = ts->state;
    t->proc = q;
    t->cpu = cpu;
    t->io_polls = io_polls;
    if (io_polls)
        g_array_set_size(io_polls, 0);
    t->sig = ts->leader_sig ? &q->sigthread : &t->own_sig;
    /* t->held is the snapshot's: the debugger's holds are logged
     * inputs, and the timeline puts them back with the state. */
    /* futex_mem names an address space the snapshot holds. */
    cpu_snapshot_restore(cpu, ts->cpu);
    cpu->mem_opaque = q;
    return t;
}

bool user_snapshot_restore(struct user_process *p,
                           const struct user_snapshot *s)
{
    struct user_kernel *k = p->kernel;
    GPtrArray *old_procs;
    GHashTable *threads;

    if (s->kernel != k || !proc_snap_of(s, k->first->pid))
        return false;
    drop_newer_procs(k, s);
    drop_newer_threads(k, s);

    /* Processes: the live ones kept, those gone since built again. */
    old_procs = k->procs;
    k->procs = g_ptr_array_new();
    for (guint i = 0; i < s->procs->len; i++) {
        const struct proc_snap *ps = g_ptr_array_index(s->procs, i);
        struct user_process *q = find_proc(old_procs, ps->state.pid);
        bool existed = q != NULL;
        if (!q)
            q = new_proc(k);
        restore_proc(k, s, ps, q, existed);
        g_ptr_array_add(k->procs, q);
    }
    g_ptr_array_unref(old_procs);

    /* Threads likewise. */
    threads = threads_by_tid(k);
    g_ptr_array_set_size(k->threads, 0);
    g_ptr_array_set_size(k->dead_threads, 0);
    g_ptr_array_set_size(k->futex_waiters, 0);
    for (guint i = 0; i < s->threads->len; i++) {
        const struct thread_snap *ts = &g_array_index(s->threads,
                                                      struct thread_snap, i);
        struct user_process *q = find_proc(k->procs, ts->pid);
        struct user_thread *t = g_hash_table_lookup(threads, &ts->state.tid);
        if (!q) {
            /* A snapshot names only its own processes: cannot happen. */
            continue;
        }
        t = restore_thread(k, ts, q, t);
        if (ts->dead) {
            g_ptr_array_add(k->dead_threads, t);
        } else {
            g_ptr_array_add(q->threads, t);
            g_ptr_array_add(k->threads, t);
        }
    }
    g_hash_table_unref(threads);
    g_ptr_array_sort(k->threads, by_tid);
    threads = threads_by_tid(k);
    for (guint i = 0; i < k->procs->len; i++) {
        struct user_process *q = g_ptr_array_index(k->procs, i);
        const struct proc_snap *ps = proc_snap_of(s, q->pid);
        g_ptr_array_sort(q->threads, by_tid);
        q->cur = ps->cur_tid ? g_hash_table_lookup(threads, &ps->cur_tid)
                             : NULL;
        q->cpu = q->cur ? q->cur->cpu : NULL;
        q->parent = ps->parent_pid ? find_proc(k->procs, ps->parent_pid)
                                   : NULL;
        q->vfork_parent = ps->vfork_parent_tid
                              ? g_hash_table_lookup(threads,
                                                    &ps->vfork_parent_tid)
                              : NULL;
    }
    for (guint i = 0; i < s->futex_waiters->len; i++) {
        int64_t tid = g_array_index(s->futex_waiters, int64_t, i);
        struct user_thread *t = g_hash_table_lookup(threads, &tid);
        if (t)
            g_ptr_array_add(k->futex_waiters, t);
    }
    k->current = s->current_tid ? g_hash_table_lookup(threads, &s->current_tid)
                                : NULL;
    g_hash_table_unref(threads);

    /* Memory and tags, then every CPU translates and decodes afresh. */
    for (guint i = 0; i < s->mms->len; i++) {
        const struct mm_snap *ms = &g_array_index(s->mms, struct mm_snap, i);
        pagestore_snapshot_restore(ms->mm->store, ms->pages);
        user_mte_tags_restore(ms->mm->store, ms->tags);
    }
    for (guint i = 0; i < s->shms->len; i++)
        pagestore_shm_snapshot_restore(g_ptr_array_index(s->shms, i));
    /* After the address spaces: attach counts follow from them. */
    user_sysv_shm_snapshot_restore(k, s->sysv_shm);
    user_sysv_sem_snapshot_restore(k, s->sysv_sem);
    user_sysv_msg_snapshot_restore(k, s->sysv_msg);
    user_file_shm_snapshot_restore(k, s->file_shm);
    for_each_cpu(k, flush_cpu, NULL);

    g_array_set_size(k->queued_events, 0);
    if (s->queued_events->len)
        g_array_append_vals(k->queued_events, s->queued_events->data,
                            s->queued_events->len);
    k->next_id = s->next_id;
    k->last_tid = s->last_tid;
    k->quantum_left = s->quantum_left;
    k->icount_retired = s->icount_retired;
    k->ended = s->ended;
    user_ptimer_snapshot_restore(k, s->ptimers);
    return true;
}

void user_snapshot_free(struct user_snapshot *s)
{
    if (!s)
        return;
    g_ptr_array_unref(s->procs);
    for (guint i = 0; i < s->threads->len; i++)
        cpu_snapshot_free(g_array_index(s->threads, struct thread_snap,
                                        i).cpu);
    g_array_unref(s->threads);
    g_ptr_array_unref(s->shms);
    for (guint i = 0; i < s->mms->len; i++) {
        struct mm_snap *ms = &g_array_index(s->mms, struct mm_snap, i);
        pagestore_snapshot_free(ms->mm->store, ms->pages);
        user_mte_tags_free(ms->tags);
        user_mm_unref(ms->mm);
    }
    g_array_unref(s->mms);
    g_array_unref(s->futex_waiters);
    user_ptimer_snapshot_free(s->ptimers);
    g_array_unref(s->queued_events);
    user_sysv_shm_snapshot_free(s->sysv_shm);
    user_sysv_sem_snapshot_free(s->sysv_sem);
    user_sysv_msg_snapshot_free(s->sysv_msg);
    user_file_shm_snapshot_free(s->file_shm);
    g_free(s);
}

size_t user_snapshot_size(const struct user_snapshot *s)
{
    return s->size;
}

/* Pages of every address space of the set, and of every shared object
 * they map (once however many map it), that only snapshots hold. */
size_t user_snapshot_pages_bytes(const struct user_process *p)
{
    const struct user_kernel *k = p->kernel;
    GPtrArray *seen = g_ptr_array_new();
    GHashTable *shms = g_hash_table_new(g_direct_hash, g_direct_equal);
    GHashTableIter it;
    gpointer shm;
    size_t pages = 0;

    for (guint i = 0; i < k->procs->len; i++) {
        const struct user_process *q = g_ptr_array_index(k->procs, i);
        bool counted = false;
        /* A fork's address spaces are one family of pages: counted once. */
        for (guint j = 0; j < seen->len && !counted; j++)
            counted = pagestore_same_family(q->mem, g_ptr_array_index(seen, j));
        if (!g_ptr_array_find(seen, q->mem, NULL))
            pagestore_for_each_shm_page(q->mem, note_shm, shms);
        if (counted)
            continue;
        g_ptr_array_add(seen, q->mem);
        pages += pagestore_history_pages(q->mem);
    }
    g_hash_table_iter_init(&it, shms);
    while (g_hash_table_iter_next(&it, &shm, NULL)) {
        size_t all = pagestore_shm_host_pages(shm);
        size_t own = pagestore_shm_resident_pages(shm);
        pages += all > own ? all - own : 0;
    }
    g_hash_table_unref(shms);
    g_ptr_array_unref(seen);
    return pages * PAGESTORE_PAGE_SIZE;
}
