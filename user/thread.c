/* Guest threads: creation, lookup, switching, and the end of one thread
 * (clear_child_tid, robust futexes) as Linux's exit_mm does it. */
#include "config.h"

#include "user/user-internal.h"

#include "cpu/cpu.h"
#include "hw/pagestore.h"

#include <string.h>

/* struct robust_list_head (arm64: three 8-byte fields) and the bits of a
 * robust futex word (linux/futex.h). */
#define ROBUST_LIST_LIMIT 2048
#define FUTEX_WAITERS 0x80000000u
#define FUTEX_OWNER_DIED 0x40000000u
#define FUTEX_TID_MASK 0x3fffffffu

static gint by_tid(gconstpointer a, gconstpointer b)
{
    const struct user_thread *x = *(struct user_thread *const *)a;
    const struct user_thread *y = *(struct user_thread *const *)b;
    return x->tid < y->tid ? -1 : x->tid > y->tid;
}

void user_thread_apply_breakpoints(struct user_kernel *k,
                                   struct cpu_state *cpu)
{
    for (guint i = 0; k->breakpoints && i < k->breakpoints->len; i++) {
        const struct user_breakpoint *b =
            &g_array_index(k->breakpoints, struct user_breakpoint, i);
        if (b->watch)
            cpu_watchpoint_insert(cpu, b->addr, b->len, b->kind);
        else
            cpu_breakpoint_insert(cpu, b->addr);
    }
}

struct user_thread *user_thread_new(struct user_process *p, int64_t tid)
{
    struct user_kernel *k = p->kernel;
    struct user_thread *t = g_new0(struct user_thread, 1);
    t->proc = p;
    t->tid = tid;
    t->cpu = cpu_new(&user_cpu_mem_ops, p);
    /* The first thread of a process is its leader: its signal state is
     * the one the process struct holds. */
    if (p->threads->len == 0) {
        t->sig = &p->sigthread;
    } else {
        t->sig = &t->own_sig;
        t->own_sig.altstack_flags = USER_SS_DISABLE;
    }
    const char *exe = p->exe ? p->exe : "";
    const char *base = strrchr(exe, '/');
    g_strlcpy(t->comm, base ? base + 1 : exe, sizeof(t->comm));
    user_thread_apply_breakpoints(k, t->cpu);
    g_ptr_array_add(p->threads, t);
    g_ptr_array_sort(p->threads, by_tid);
    g_ptr_array_add(k->threads, t);
    g_ptr_array_sort(k->threads, by_tid);
    if (!p->cur) {
        p->cur = t;
        p->cpu = t->cpu;
    }
    return t;
}

void user_thread_free(struct user_thread *t)
{
    if (!t)
        return;
    if (t->cpu) {
        t->proc->kernel->icount_retired += t->cpu->icount;
        cpu_free(t->cpu);
    }
    if (t->io_polls)
        g_array_unref(t->io_polls);
    g_free(t);
}

struct user_thread *user_thread_find(struct user_kernel *k, int64_t tid)
{
    for (guint i = 0; i < k->threads->len; i++) {
        struct user_thread *t = g_ptr_array_index(k->threads, i);
        if (t->tid == tid)
            return t;
    }
    return NULL;
}

unsigned user_kernel_live_threads(const struct user_kernel *k)
{
    return k->threads->len;
}

void user_thread_switch_to(struct user_thread *t)
{
    t->proc->cur = t;
    t->proc->cpu = t->cpu;
    t->proc->kernel->current = t;
}

/* A robust futex held by the dying thread: mark its owner dead and wake
 * one waiter, so the next locker gets EOWNERDEAD. */
static void release_robust(struct user_thread *t, uint64_t uaddr)
{
    struct user_process *p = t->proc;
    uint32_t val;
    if ((uaddr & 3) || user_copy_in(p, &val, uaddr, sizeof(val)) < 0)
        return;
    if ((val & FUTEX_TID_MASK) != (uint32_t)t->tid)
        return;
    uint32_t nval = (val & FUTEX_WAITERS) | FUTEX_OWNER_DIED;
    if (user_copy_out(p, uaddr, &nval, sizeof(nval)) < 0)
        return;
    if (val & FUTEX_WAITERS)
        user_futex_wake(p->kernel, p->mem, uaddr, UINT32_MAX, 1);
}

/* Walk the robust list (bounded: it is guest data and may loop). */
static void exit_robust_list(struct user_thread *t)
{
    struct user_process *p = t->proc;
    uint64_t head[3];   /* next, futex_offset, list_op_pending */
    if (!t->robust_list_head
        || user_copy_in(p, head, t->robust_list_head, sizeof(head)) < 0)
        return;
    int64_t offset = (int64_t)head[1];
    uint64_t entry = head[0];
    for (int n = 0; n < ROBUST_LIST_LIMIT && entry != t->robust_list_head;
         n++) {
        uint64_t next;
        if (user_copy_in(p, &next, entry & ~1ull, sizeof(next)) < 0)
            break;
        if (entry != head[2])
            release_robust(t, (entry & ~1ull) + offset);
        entry = next;
    }
    if (head[2])
        release_robust(t, (head[2] & ~1ull) + offset);
}

void user_thread_exit(struct user_thread *t, int code)
{
    struct user_process *p = t->proc;
    struct user_kernel *k = p->kernel;
    if (t->state == USER_THREAD_EXITED)
        return;
    t->exit_code = code;
    user_futex_forget(t);
    /* Linux's mm_release: only when the address space lives on (other
     * threads, or a vfork parent sharing it). */
    if (!p->exited) {
        exit_robust_list(t);
        if (t->clear_child_tid) {
            uint32_t zero = 0;
            if (user_copy_out(p, t->clear_child_tid, &zero, sizeof(zero)) == 0)
                user_futex_wake(k, p->mem, t->clear_child_tid, UINT32_MAX, 1);
        }
    }
    t->state = USER_THREAD_EXITED;
    t->block = USER_BLOCK_NONE;
    g_ptr_array_remove(p->threads, t);
    g_ptr_array_remove(k->threads, t);
    g_ptr_array_add(k->dead_threads, t);
    if ((k->report & USER_REPORT_THREADS) && p->debugged && p->threads->len) {
        struct user_event ev = { .kind = USER_EVENT_THREAD_EXITED,
                                 .pid = p->pid, .tid = t->tid,
                                 .exit_code = code & 0xff };
        user_kernel_queue_event(k, &ev);
    }
}
