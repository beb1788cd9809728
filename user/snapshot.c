/* Snapshots of a single-threaded process (user/snapshot.h).
 *
 * The process and thread structures are copied whole, by value, and the
 * pointers in them are put back from the live structures on restore: a
 * new plain field is then snapshotted without anyone remembering it here,
 * and a new pointer field must be added to keep_pointers_*() below. */
#include "config.h"

#include "user/snapshot.h"

#include "user/user-internal.h"

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

struct user_snapshot {
    struct user_process *proc;   /* identity checks on restore */
    struct user_thread *thread;
    struct user_mm *mm;          /* held (a reference) */
    struct user_process proc_state;
    struct user_thread thread_state;
    struct held_fd *fds[USER_FD_MAX];
    char *exe;
    GBytes *auxv;
    struct cpu_snapshot *cpu;
    struct pagestore_snapshot *pages;
    /* The kernel's scheduling state. */
    int64_t next_id;
    int64_t last_tid;
    uint64_t quantum_left;
    uint64_t icount_retired;
    bool ended;
};

struct user_process *user_process_of_cpu(struct cpu_state *cpu)
{
    struct user_process *p;

    if (!cpu || cpu->mem_ops != &user_cpu_mem_ops)
        return NULL;
    p = cpu->mem_opaque;
    return p && p->kernel ? p->kernel->first : NULL;
}

static bool simple_shape(struct user_process *p, const char **why)
{
    struct user_kernel *k = p->kernel;
    struct user_thread *t;

    /* A program that ever had another thread or process is out of reach
     * even once they are gone: a restore must never meet a set of
     * another shape, and replaying across such a stretch would. */
    if (k->next_id != p->pid + 1) {
        *why = "the program has made threads or processes";
        return false;
    }
    if (k->procs->len != 1 || g_ptr_array_index(k->procs, 0) != p) {
        *why = "more than one process";
        return false;
    }
    if (k->threads->len != 1 || p->threads->len != 1) {
        *why = "more than one thread (or none)";
        return false;
    }
    t = g_ptr_array_index(k->threads, 0);
    if (t != g_ptr_array_index(p->threads, 0) || t != p->cur) {
        *why = "the thread is not the process's current one";
        return false;
    }
    if (t->state != USER_THREAD_RUNNABLE || t->block != USER_BLOCK_NONE
        || t->retry || t->syscall_entry_pending || t->syscall_return_pending
        || t->step_in_syscall || (t->io_polls && t->io_polls->len)) {
        *why = "the thread waits in a system call";
        return false;
    }
    if (k->futex_waiters->len || k->dead_threads->len || k->dead_procs->len
        || (k->queued_events && k->queued_events->len) || p->stop_pending
        || p->vfork_parent || p->exited) {
        *why = "the kernel has work in flight";
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

/* The held duplicate of guest fd i: the previous snapshot's when it is
 * still the same file under the same machine fd, else a new one. */
static struct held_fd *hold_fd(const struct user_process *p, int i,
                               const struct user_snapshot *prev,
                               int *new_fds)
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

struct user_snapshot *user_snapshot_take(struct user_process *p,
                                         const struct user_snapshot *prev,
                                         const char **why)
{
    struct user_kernel *k = p->kernel;
    struct user_thread *t;
    struct user_snapshot *s;
    int new_fds = 0;

    *why = NULL;
    if (!simple_shape(p, why))
        return NULL;
    t = p->cur;
    if (prev && (prev->proc != p || prev->thread != t))
        prev = NULL;
    s = g_new0(struct user_snapshot, 1);
    for (int i = 0; i < USER_FD_MAX; i++) {
        if (p->fds[i].host < 0)
            continue;
        s->fds[i] = hold_fd(p, i, prev, &new_fds);
        if (!s->fds[i]) {
            *why = "too many open files to hold";
            user_snapshot_free(s);
            return NULL;
        }
    }
    s->proc = p;
    s->thread = t;
    s->mm = p->mm;
    p->mm->refs++;
    s->proc_state = *p;
    s->thread_state = *t;
    s->exe = g_strdup(p->exe);
    s->auxv = p->auxv ? g_bytes_ref(p->auxv) : NULL;
    s->cpu = cpu_snapshot_take(t->cpu);
    s->pages = pagestore_snapshot_take(p->mem);
    s->next_id = k->next_id;
    s->last_tid = k->last_tid;
    s->quantum_left = k->quantum_left;
    s->icount_retired = k->icount_retired;
    s->ended = k->ended;
    /* Host pages are now shared: the CPU must translate again (its TLB
     * holds the store's old pointers), and its decoded code too, which
     * reads instructions from the host page it was decoded from: that
     * page may now be the snapshot's alone, freed when it goes. */
    cpu_tlb_flush(t->cpu);
    return s;
}

/* The restored copies keep the live structures' own pointers. */
static void keep_pointers_proc(struct user_process *to,
                               const struct user_process *live)
{
    to->kernel = live->kernel;
    to->sysroot = live->sysroot;
    to->cur = live->cur;
    to->cpu = live->cpu;
    to->threads = live->threads;
    to->parent = live->parent;
    to->vfork_parent = NULL;
}

static void keep_pointers_thread(struct user_thread *to,
                                 const struct user_thread *live)
{
    to->proc = live->proc;
    to->cpu = live->cpu;
    to->sig = live->sig;
    to->io_polls = live->io_polls;
    to->futex_mem = NULL;
}

bool user_snapshot_restore(struct user_process *p,
                           const struct user_snapshot *s)
{
    struct user_kernel *k = p->kernel;
    struct user_thread *t;
    struct user_process saved;
    const char *why;

    if (s->proc != p || k->procs->len != 1 || k->threads->len != 1
        || p->threads->len != 1 || g_ptr_array_index(k->threads, 0) != s->thread
        || g_ptr_array_index(p->threads, 0) != s->thread)
        return false;
    (void)why;
    t = s->thread;

    /* Files: the guest's table gets duplicates of the held ones. */
    user_fd_close_all(p);
    saved = *p;
    *p = s->proc_state;
    keep_pointers_proc(p, &saved);
    for (int i = 0; i < USER_FD_MAX; i++) {
        p->fds[i].host = -1;
        if (s->fds[i]) {
            int dup = fcntl(s->fds[i]->host, F_DUPFD_CLOEXEC, 3);
            p->fds[i].host = dup;
        }
    }
    /* An exec since may have replaced the address space, exe and auxv. */
    if (saved.mm != s->mm) {
        s->mm->refs++;
        user_mm_unref(saved.mm);
    }
    p->mm = s->mm;
    p->mem = s->mm->store;
    p->exe = g_strdup(s->exe);
    g_free(saved.exe);
    p->auxv = s->auxv ? g_bytes_ref(s->auxv) : NULL;
    if (saved.auxv)
        g_bytes_unref(saved.auxv);

    struct user_thread live_thread = *t;
    *t = s->thread_state;
    keep_pointers_thread(t, &live_thread);
    if (t->io_polls)
        g_array_set_size(t->io_polls, 0);
    cpu_snapshot_restore(t->cpu, s->cpu);
    pagestore_snapshot_restore(p->mem, s->pages);
    /* Code pages may hold other bytes now: drop decoded code too. */
    cpu_tlb_flush(t->cpu);

    k->next_id = s->next_id;
    k->current = t;
    k->last_tid = s->last_tid;
    k->quantum_left = s->quantum_left;
    k->icount_retired = s->icount_retired;
    k->ended = s->ended;
    return true;
}

void user_snapshot_free(struct user_snapshot *s)
{
    if (!s)
        return;
    for (int i = 0; i < USER_FD_MAX; i++)
        held_fd_unref(s->fds[i]);
    if (s->pages)
        pagestore_snapshot_free(s->mm->store, s->pages);
    if (s->mm)
        user_mm_unref(s->mm);
    cpu_snapshot_free(s->cpu);
    g_free(s->exe);
    if (s->auxv)
        g_bytes_unref(s->auxv);
    g_free(s);
}

size_t user_snapshot_size(const struct user_snapshot *s)
{
    return sizeof(*s) + cpu_snapshot_size();
}

size_t user_snapshot_pages_bytes(const struct user_process *p)
{
    size_t all = pagestore_host_pages(p->mem);
    size_t own = pagestore_resident_pages(p->mem);
    return (all > own ? all - own : 0) * PAGESTORE_PAGE_SIZE;
}
