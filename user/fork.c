/* clone, clone3: new threads (CLONE_THREAD) and new processes (fork,
 * vfork, posix_spawn's CLONE_VM|CLONE_VFORK); fork's address space is a
 * copy-on-write copy of the parent's (hw/pagestore.h, pagestore_fork). */
#include "config.h"

#include "user/syscall.h"

#include "cpu/cpu.h"
#include "hw/pagestore.h"
#include "user/mte.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#define CLONE_VM 0x00000100ull
#define CLONE_FS 0x00000200ull
#define CLONE_FILES 0x00000400ull
#define CLONE_SIGHAND 0x00000800ull
#define CLONE_PIDFD 0x00001000ull
#define CLONE_PTRACE 0x00002000ull
#define CLONE_VFORK 0x00004000ull
#define CLONE_PARENT 0x00008000ull
#define CLONE_THREAD 0x00010000ull
#define CLONE_NEWNS 0x00020000ull
#define CLONE_SYSVSEM 0x00040000ull
#define CLONE_SETTLS 0x00080000ull
#define CLONE_PARENT_SETTID 0x00100000ull
#define CLONE_CHILD_CLEARTID 0x00200000ull
#define CLONE_DETACHED 0x00400000ull
#define CLONE_UNTRACED 0x00800000ull
#define CLONE_CHILD_SETTID 0x01000000ull
#define CLONE_NEWCGROUP 0x02000000ull
#define CLONE_NEWUTS 0x04000000ull
#define CLONE_NEWIPC 0x08000000ull
#define CLONE_NEWUSER 0x10000000ull
#define CLONE_NEWPID 0x20000000ull
#define CLONE_NEWNET 0x40000000ull
#define CLONE_IO 0x80000000ull
#define CLONE_NAMESPACES (CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS \
                          | CLONE_NEWIPC | CLONE_NEWUSER | CLONE_NEWPID \
                          | CLONE_NEWNET)
#define CLONE_KNOWN (0xffffffffull & ~0xffull)
/* struct clone_args up to cgroup (CLONE_ARGS_SIZE_VER2). */
#define CLONE_ARGS_SIZE_VER0 64
#define CLONE_ARGS_SIZE_MAX 88

void user_mm_for_each_cpu(struct user_kernel *k, struct pagestore *mem,
                          user_cpu_fn fn, void *data)
{
    for (guint i = 0; i < k->threads->len; i++) {
        struct user_thread *t = g_ptr_array_index(k->threads, i);
        if (t->proc->mem == mem)
            fn(t->cpu, data);
    }
}

static void flush_cpu(struct cpu_state *cpu, void *data)
{
    (void)data;
    cpu_tlb_flush(cpu);
}

/* The child's registers are the parent's, with a CPU of its own: its
 * own TLB, decoded code, breakpoints and instruction count.
 * (cpu/ has no copy function: the whole state is copied and the
 * parts that belong to the CPU object are put back.) */
static void copy_cpu(struct cpu_state *dst, const struct cpu_state *src)
{
    struct cpu_code_cache *code = dst->code;
    struct cpu_debug *debug = dst->debug;
    const struct cpu_mem_ops *ops = dst->mem_ops;
    void *opaque = dst->mem_opaque;
    memcpy(dst, src, sizeof(*dst));
    dst->code = code;
    dst->debug = debug;
    dst->mem_ops = ops;
    dst->mem_opaque = opaque;
    dst->icount = 0;
    dst->excl_valid = false;
    dst->exit = CPU_EXIT_NONE;
    dst->exit_request = 0;
    dst->skip_breakpoint_once = false;
    dst->skip_watchpoint_once = false;
    cpu_tlb_flush(dst);
}

static void new_thread_state(struct user_thread *child,
                             const struct user_thread *parent, uint64_t flags,
                             uint64_t newsp, uint64_t tls)
{
    copy_cpu(child->cpu, parent->cpu);
    child->cpu->x[0] = 0;
    if (newsp)
        child->cpu->sp = newsp;
    if (flags & CLONE_SETTLS)
        child->cpu->tpidr_el0 = tls;
    memcpy(child->comm, parent->comm, sizeof(child->comm));
    user_sve_clone(child, parent);
    /* The mask is inherited; nothing is pending; a thread on a new stack
     * does not inherit the alternate stack (Linux clears it for
     * CLONE_VM without CLONE_VFORK). */
    child->sig->blocked = parent->sig->blocked;
    if ((flags & (CLONE_VM | CLONE_VFORK)) == CLONE_VM) {
        child->sig->altstack_sp = child->sig->altstack_size = 0;
        child->sig->altstack_flags = USER_SS_DISABLE;
    } else {
        child->sig->altstack_sp = parent->sig->altstack_sp;
        child->sig->altstack_size = parent->sig->altstack_size;
        child->sig->altstack_flags = parent->sig->altstack_flags;
    }
}

static void copy_fds(struct user_process *to, const struct user_process *from)
{
    for (int i = 0; i < USER_FD_MAX; i++) {
        to->fds[i] = (struct user_fd){ .host = -1 };
        if (from->fds[i].host < 0)
            continue;
        int host = fcntl(from->fds[i].host, F_DUPFD_CLOEXEC, 3);
        if (host < 0)
            continue;   /* the host is out of fds: the child lacks this one */
        to->fds[i] = from->fds[i];
        to->fds[i].host = host;
    }
}

/* A new process: a copy of p (or sharing its memory with CLONE_VM). */
static struct user_process *new_process(struct user_process *p, uint64_t flags,
                                        int exit_signal)
{
    struct user_kernel *k = p->kernel;
    struct pagestore *mem = NULL;
    if (!(flags & CLONE_VM)) {
        /* Copy-on-write: the pages are copied when either process
         * translates them next (MAP_SHARED ones stay shared). The
         * parent's CPUs hold pointers to pages that are now shared: they
         * translate and decode afresh. */
        mem = pagestore_fork(p->mem);
        user_mm_for_each_cpu(k, p->mem, flush_cpu, NULL);
        user_mte_copy_space(p->mem, mem);   /* the child's tags are a copy */
    }
    struct user_process *q = user_proc_alloc(k);
    q->sysroot = g_strdup(p->sysroot);
    q->log_syscalls = p->log_syscalls;
    if (mem) {
        q->mm = g_new0(struct user_mm, 1);
        q->mm->store = mem;
        q->mm->refs = 1;
    } else {
        q->mm = p->mm;
        q->mm->refs++;
    }
    q->mem = q->mm->store;
    q->exe = g_strdup(p->exe);
    q->auxv = p->auxv ? g_bytes_ref(p->auxv) : NULL;
    q->image = p->image;
    q->interp_base = p->interp_base;
    q->start_pc = p->start_pc;
    q->pgid = p->pgid;
    q->sid = p->sid;
    q->uid = p->uid;
    q->gid = p->gid;
    q->random_state = p->random_state ^ ((uint64_t)q->pid << 32);
    q->parent = (flags & CLONE_PARENT) && p->parent ? p->parent : p;
    q->exit_signal = exit_signal;
    q->debugged = p->debugged && (k->report & USER_REPORT_FORKS)
                  && user_kernel_follows(k, q->pid);
    q->brk_start = p->brk_start;
    q->brk_cur = p->brk_cur;
    memcpy(q->rlimits, p->rlimits, sizeof(q->rlimits));
    q->sighand = p->sighand;
    /* What was said once is not said again by every child. */
    memcpy(q->unsupported_logged, p->unsupported_logged,
           sizeof(q->unsupported_logged));
    copy_fds(q, p);
    return q;
}

static int64_t do_clone(struct user_process *p, uint64_t flags, int exit_signal,
                        uint64_t newsp, uint64_t parent_tid,
                        uint64_t child_tid, uint64_t tls)
{
    struct user_kernel *k = p->kernel;
    struct user_thread *parent = p->cur;

    if (flags & ~CLONE_KNOWN)
        return -EINVAL;
    if (flags & CLONE_NAMESPACES)
        return -EPERM;   /* as for a process without CAP_SYS_ADMIN */
    if ((flags & CLONE_THREAD) && !(flags & CLONE_SIGHAND))
        return -EINVAL;
    if ((flags & CLONE_SIGHAND) && !(flags & CLONE_VM))
        return -EINVAL;
    if ((flags & CLONE_PIDFD) || exit_signal < 0 || exit_signal > USER_NSIG)
        return -EINVAL;   /* pidfds are not supported */
    if (user_kernel_live_threads(k) >= USER_TASK_LIMIT)
        return -EAGAIN;

    struct user_process *q = p;
    struct user_thread *child;
    if (flags & CLONE_THREAD) {
        child = user_thread_new(p, k->next_id++);
    } else {
        q = new_process(p, flags, exit_signal);
        if (!q)
            return -ENOMEM;
        child = user_thread_new(q, q->pid);
    }
    new_thread_state(child, parent, flags, newsp, tls);
    if (flags & CLONE_CHILD_CLEARTID)
        child->clear_child_tid = child_tid;
    uint32_t tid32 = (uint32_t)child->tid;
    if (flags & CLONE_PARENT_SETTID)
        (void)user_copy_out(p, parent_tid, &tid32, sizeof(tid32));
    if (flags & CLONE_CHILD_SETTID)
        (void)user_copy_out(q, child_tid, &tid32, sizeof(tid32));

    struct user_event ev = { .pid = p->pid, .tid = parent->tid,
                             .child_pid = q->pid, .child_tid = child->tid };
    if (flags & CLONE_THREAD) {
        if ((k->report & USER_REPORT_THREADS) && p->debugged) {
            ev.kind = USER_EVENT_THREAD_CREATED;
            user_kernel_queue_event(k, &ev);
        }
    } else if ((k->report & USER_REPORT_FORKS) && p->debugged) {
        ev.kind = (flags & CLONE_VFORK) ? USER_EVENT_VFORK : USER_EVENT_FORK;
        user_kernel_queue_event(k, &ev);
    }
    if ((flags & CLONE_VFORK) && q != p) {
        /* The parent waits until the child execs or exits; then its
         * clone returns the child's pid (user_wake). */
        q->vfork_parent = parent;
        parent->cpu->x[0] = (uint64_t)q->pid;
        return user_block(parent, USER_BLOCK_VFORK, 0, 0);
    }
    return child->tid;
}

/* arm64's clone: flags, newsp, parent_tidptr, tls, child_tidptr. */
USER_SYSCALL(clone)
{
    return do_clone(p, a[0] & ~0xffull, (int)(a[0] & 0xff), a[1], a[2], a[4],
                    a[3]);
}

USER_SYSCALL(clone3)
{
    uint64_t args[CLONE_ARGS_SIZE_MAX / 8] = { 0 };
    uint64_t size = a[1];
    if (size < CLONE_ARGS_SIZE_VER0 || size > 4096)
        return -EINVAL;
    int r = user_copy_in(p, args, a[0], MIN(size, (uint64_t)sizeof(args)));
    if (r < 0)
        return r;
    /* A larger struct from a newer program: the rest must be zero. */
    for (uint64_t off = sizeof(args); off < size; off += 8) {
        uint64_t v = 0;
        r = user_copy_in(p, &v, a[0] + off, MIN((uint64_t)8, size - off));
        if (r < 0)
            return r;
        if (v)
            return -E2BIG;
    }
    /* flags, pidfd, child_tid, parent_tid, exit_signal, stack,
     * stack_size, tls, set_tid, set_tid_size, cgroup. */
    uint64_t flags = args[0];
    if (flags & 0xffull)
        return -EINVAL;   /* the signal has its own field here */
    if (args[4] > USER_NSIG || args[9])
        return -EINVAL;   /* set_tid needs a pid namespace we do not have */
    if ((args[5] == 0) != (args[6] == 0))
        return -EINVAL;
    uint64_t sp = args[5] ? args[5] + args[6] : 0;
    return do_clone(p, flags, (int)args[4], sp, args[3], args[2], args[7]);
}
