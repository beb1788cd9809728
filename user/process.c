/* Guest processes: creation of the first one (and with it the set),
 * freeing, exit, and the facts the debugger asks for about a process. */
#include "config.h"

#include "user/user-internal.h"

#include "cpu/cpu.h"
#include "hw/pagestore.h"
#include "user/mte.h"
#include "user/file-shm.h"
#include "user/timers.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

G_DEFINE_QUARK(user-error-quark, user_error)

static void init_rlimits(struct user_process *p)
{
    for (int i = 0; i < USER_RLIM_NLIMITS; i++)
        p->rlimits[i] = (struct user_rlimit){ USER_RLIM_INFINITY,
                                              USER_RLIM_INFINITY };
    /* Linux's defaults for the ones programs look at; fixed rather than
     * the host's, so runs are reproducible. */
    p->rlimits[USER_RLIMIT_STACK] = (struct user_rlimit){ USER_STACK_SIZE,
                                                          USER_RLIM_INFINITY };
    p->rlimits[USER_RLIMIT_NOFILE] = (struct user_rlimit){ USER_FD_MAX,
                                                           USER_FD_MAX };
    p->rlimits[4] = (struct user_rlimit){ 0, USER_RLIM_INFINITY }; /* CORE */
}

struct user_process *user_proc_alloc(struct user_kernel *k)
{
    struct user_process *p = g_new0(struct user_process, 1);
    p->kernel = k;
    p->pid = k->next_id++;
    p->pgid = p->sid = p->pid;   /* fork sets the child's from its parent */
    p->threads = g_ptr_array_new();
    p->debugged = true;
    for (int i = 0; i < USER_FD_MAX; i++)
        p->fds[i].host = -1;
    g_ptr_array_add(k->procs, p);
    return p;
}

static struct user_kernel *kernel_new(void)
{
    struct user_kernel *k = g_new0(struct user_kernel, 1);
    k->procs = g_ptr_array_new();
    k->dead_procs = g_ptr_array_new();
    k->threads = g_ptr_array_new();
    k->futex_waiters = g_ptr_array_new();
    k->dead_threads = g_ptr_array_new();
    k->breakpoints = g_array_new(FALSE, FALSE, sizeof(struct user_breakpoint));
    k->queued_events = g_array_new(FALSE, FALSE, sizeof(struct user_event));
    k->let_go = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free,
                                      NULL);
    k->next_id = USER_FIRST_PID;
    return k;
}

struct user_process *user_process_new(const char *path, char *const *argv,
                                      char *const *envp,
                                      const struct user_options *opts,
                                      GError **error)
{
    /* A guest writing to a closed pipe must get EPIPE (and its own
     * SIGPIPE), not kill backstep: the host's SIGPIPE is ignored. */
    signal(SIGPIPE, SIG_IGN);

    struct user_kernel *k = kernel_new();
    struct user_process *p = user_proc_alloc(k);
    k->first = p;
    k->door = opts ? opts->door : NULL;
    k->sve_max_vl = opts ? opts->sve_vl : 0;
    k->stop_before_exit = opts && opts->stop_before_exit;
    p->sysroot = opts && opts->sysroot ? g_strdup(opts->sysroot) : NULL;
    p->log_syscalls = opts && opts->log_syscalls;
    p->uid = getuid();
    p->gid = getgid();
    p->mm = g_new0(struct user_mm, 1);
    p->mm->store = pagestore_new();
    p->mm->refs = 1;
    p->mem = p->mm->store;
    user_random_init(p);
    init_rlimits(p);

    char *real = realpath(path, NULL);
    if (!real) {
        g_set_error(error, USER_ERROR, 0, "%s: %s", path, g_strerror(errno));
        goto fail;
    }
    p->exe = g_strdup(real);
    free(real);

    if (!user_exec_load(p, path, error))
        goto fail;
    p->brk_start = p->brk_cur = (p->image.image_end + PAGESTORE_PAGE_SIZE - 1)
                                & PAGESTORE_PAGE_MASK;

    struct user_thread *t = user_thread_new(p, p->pid);
    user_thread_switch_to(t);
    user_sve_thread_start(t);
    uint64_t sp;
    if (!user_stack_build(p, argv, envp, &sp, error))
        goto fail;
    /* After the stack, so AT_RANDOM's bytes do not depend on PAC. */
    user_pauth_reset_keys(p, p->cpu, USER_PAC_ALL_KEYS);
    p->cpu->pc = p->start_pc;
    p->cpu->sp = sp;
    user_fd_init(p);
    user_signal_init(p);
    return p;

fail:
    user_process_free(p);
    return NULL;
}

void user_mm_unref(struct user_mm *mm)
{
    if (mm && --mm->refs == 0) {
        user_mte_forget_space(mm->store);   /* its allocation tags too */
        pagestore_free(mm->store);
        g_free(mm);
    }
}

/* Free one process and its threads (live or dead). */
static void proc_free(struct user_process *p)
{
    struct user_kernel *k = p->kernel;
    user_fd_close_all(p);
    for (guint i = 0; i < p->threads->len; i++) {
        struct user_thread *t = g_ptr_array_index(p->threads, i);
        user_futex_forget(t);
        g_ptr_array_remove(k->threads, t);
        if (k->current == t)
            k->current = NULL;
        user_thread_free(t);
    }
    for (guint i = 0; i < k->dead_threads->len;) {
        struct user_thread *t = g_ptr_array_index(k->dead_threads, i);
        if (t->proc == p) {
            g_ptr_array_remove_index(k->dead_threads, i);
            if (k->current == t)
                k->current = NULL;
            user_thread_free(t);
        } else {
            i++;
        }
    }
    g_ptr_array_unref(p->threads);
    user_mm_unref(p->mm);
    if (p->auxv)
        g_bytes_unref(p->auxv);
    g_free(p->exe);
    g_free(p->sysroot);
    g_free(p);
}

void user_proc_release(struct user_process *p)
{
    struct user_kernel *k = p->kernel;
    if (p == k->first)
        return;   /* kept for its status until the set is freed */
    for (guint i = 0; i < k->procs->len; i++) {
        struct user_process *c = g_ptr_array_index(k->procs, i);
        if (c->parent == p)
            c->parent = NULL;
    }
    /* Freed at the next run: the caller may be running in p (an orphan
     * that exits) or hold it (wait4). */
    g_ptr_array_remove(k->procs, p);
    g_ptr_array_add(k->dead_procs, p);
}

void user_kernel_free_released(struct user_kernel *k)
{
    while (k->dead_procs->len)
        proc_free(g_ptr_array_steal_index(k->dead_procs,
                                          k->dead_procs->len - 1));
}

void user_process_free(struct user_process *p)
{
    if (!p)
        return;
    struct user_kernel *k = p->kernel;
    user_kernel_free_released(k);
    while (k->procs->len)
        proc_free(g_ptr_array_steal_index(k->procs, k->procs->len - 1));
    user_sysv_ipc_free(k);
    user_sysv_sem_free(k);
    user_sysv_msg_free(k);
    user_file_shm_free(k);   /* writes shared file mappings back */
    user_ptimer_kernel_free(k);
    g_ptr_array_unref(k->procs);
    g_ptr_array_unref(k->dead_procs);
    g_ptr_array_unref(k->threads);
    g_ptr_array_unref(k->futex_waiters);
    g_ptr_array_unref(k->dead_threads);
    g_array_unref(k->breakpoints);
    g_array_unref(k->queued_events);
    g_hash_table_unref(k->let_go);
    g_free(k);
}

void user_process_stop(struct user_process *p, const struct user_event *ev)
{
    if (p->stop_pending)
        return;   /* the first reason wins; exit beats a later signal */
    p->stop = *ev;
    p->stop_pending = true;
}

void user_process_exit(struct user_process *p, int status)
{
    if (p->exited)
        return;
    p->exit_code = status & 0xff;
    user_proc_exited(p, (status & 0xff) << 8);
}

void user_process_kill(struct user_process *p, int sig)
{
    if (p->exited)
        return;
    p->killed = true;
    p->term_signal = sig;
    user_proc_exited(p, sig & 0x7f);
}

void user_process_set_signal(struct user_process *p, int signal)
{
    user_process_set_thread_signal(p, 0, signal);
}

struct cpu_state *user_process_cpu(struct user_process *p)
{
    return p->cpu;
}

int64_t user_process_pid(const struct user_process *p)
{
    return p->pid;
}

int64_t user_process_tid(const struct user_process *p)
{
    return p->cur ? p->cur->tid : p->pid;
}

const char *user_process_exe(const struct user_process *p)
{
    return p->exe;
}

GBytes *user_process_auxv(const struct user_process *p)
{
    return g_bytes_ref(p->auxv);
}

bool user_process_tls_align(const struct user_process *p, uint64_t *align)
{
    if (!p->image.has_tls)
        return false;
    *align = p->image.tls_align;
    return true;
}

bool user_process_exited(const struct user_process *p)
{
    return p->exited;
}
