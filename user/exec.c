/* execve: the calling process runs a new program in place, keeping its
 * pid, its fds (but close-on-exec ones) and ignored signals. The new
 * image is loaded into a fresh address space first; until it has loaded,
 * a failure leaves the caller as it was and returns the error. */
#include "config.h"

#include "user/syscall.h"

#include "cpu/cpu.h"
#include "hw/pagestore.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Strings of argv and envp together, and pointers in each, as Linux's
 * limits for an 8 MiB stack allow (a quarter of it). */
#define EXEC_STRINGS_MAX (USER_STACK_SIZE / 4)
#define EXEC_VECTOR_MAX 65536

/* A guest NULL-terminated array of strings. NULL with *err on failure. */
static GPtrArray *copy_strings(struct user_process *p, uint64_t addr,
                               size_t *total, int *err)
{
    GPtrArray *v = g_ptr_array_new_with_free_func(g_free);
    char *buf = g_malloc(PATH_MAX * 32);
    for (size_t i = 0; addr; i++) {
        uint64_t ptr;
        if (i >= EXEC_VECTOR_MAX) {
            *err = -E2BIG;
            goto fail;
        }
        int r = user_copy_in(p, &ptr, addr + i * 8, sizeof(ptr));
        if (r < 0) {
            *err = r;
            goto fail;
        }
        if (!ptr)
            break;
        ssize_t n = user_copy_str_in(p, ptr, buf, PATH_MAX * 32);
        if (n < 0) {
            *err = n == -ENAMETOOLONG ? -E2BIG : (int)n;
            goto fail;
        }
        *total += n + 1;
        if (*total > EXEC_STRINGS_MAX) {
            *err = -E2BIG;
            goto fail;
        }
        g_ptr_array_add(v, g_strndup(buf, n));
    }
    g_free(buf);
    g_ptr_array_add(v, NULL);
    return v;
fail:
    g_free(buf);
    g_ptr_array_unref(v);
    return NULL;
}

/* The registers of a fresh program: all zero but what the loader sets. */
static void reset_cpu(struct cpu_state *cpu)
{
    memset(cpu->x, 0, sizeof(cpu->x));
    memset(cpu->z, 0, sizeof(cpu->z));
    memset(cpu->p, 0, sizeof(cpu->p));
    memset(cpu->ffr, 0, sizeof(cpu->ffr));
    cpu->nzcv = 0;
    cpu->fpcr = 0;
    cpu->fpsr = 0;
    cpu->tpidr_el0 = 0;
    cpu->tpidrro_el0 = 0;
    cpu->excl_valid = false;
    cpu_tlb_flush(cpu);
}

/* What exec keeps and drops of the signal state (Linux's
 * flush_signal_handlers, and the alternate stack). */
static void reset_signals(struct user_process *p, struct user_thread *t)
{
    for (int sig = 1; sig <= USER_NSIG; sig++) {
        struct user_sigaction *act = &p->sighand.action[sig];
        if (act->handler != USER_SIG_IGN)
            act->handler = USER_SIG_DFL;
        act->flags = 0;
        act->restorer = 0;
        act->mask = 0;
    }
    p->sighand.sigreturn_tramp = 0;
    t->sig->altstack_sp = t->sig->altstack_size = 0;
    t->sig->altstack_flags = USER_SS_DISABLE;
    t->sig->restore_mask = false;
}

/* Linux's de_thread: the other threads go, and the caller becomes the
 * leader, taking the process's pid as its tid. */
static void become_only_thread(struct user_process *p, struct user_thread *t)
{
    for (guint i = 0; i < p->threads->len;) {
        struct user_thread *o = g_ptr_array_index(p->threads, i);
        if (o == t) {
            i++;
            continue;
        }
        user_thread_exit(o, 0);
    }
    if (t->sig != &p->sigthread) {
        p->sigthread = *t->sig;
        t->sig = &p->sigthread;
    }
    if (t->tid != p->pid) {
        t->tid = p->pid;
    }
}

static gint by_tid(gconstpointer a, gconstpointer b)
{
    const struct user_thread *x = *(struct user_thread *const *)a;
    const struct user_thread *y = *(struct user_thread *const *)b;
    return x->tid < y->tid ? -1 : x->tid > y->tid;
}

USER_SYSCALL(execve)
{
    struct user_kernel *k = p->kernel;
    struct user_thread *t = p->cur;
    char path[PATH_MAX];
    ssize_t n = user_copy_str_in(p, a[0], path, sizeof(path));
    if (n < 0)
        return n;
    if (!path[0])
        return -ENOENT;
    int err = 0;
    size_t total = 0;
    GPtrArray *argv = copy_strings(p, a[1], &total, &err);
    if (!argv)
        return err;
    GPtrArray *envp = copy_strings(p, a[2], &total, &err);
    if (!envp) {
        g_ptr_array_unref(argv);
        return err;
    }
    char *host = user_path_resolve(p, path);
    char *real = realpath(host, NULL);
    int64_t ret = 0;
    if (!real) {
        ret = -errno;
        goto out;
    }
    if (access(real, X_OK) < 0) {
        ret = -errno;
        goto out;
    }

    /* Load into a new address space; the old one stays until it works. */
    struct user_mm *old_mm = p->mm;
    struct user_image old_image = p->image;
    uint64_t old_interp = p->interp_base, old_start = p->start_pc;
    struct user_mm *mm = g_new0(struct user_mm, 1);
    mm->store = pagestore_new();
    mm->refs = 1;
    p->mm = mm;
    p->mem = mm->store;
    GError *error = NULL;
    if (!user_exec_load(p, real, &error)) {
        p->mm = old_mm;
        p->mem = old_mm->store;
        p->image = old_image;
        p->interp_base = old_interp;
        p->start_pc = old_start;
        user_mm_unref(mm);
        if (p->log_syscalls)
            g_printerr("backstep: execve: %s\n", error->message);
        g_error_free(error);
        ret = -ENOEXEC;
        goto out;
    }

    /* The point of no return. */
    become_only_thread(p, t);
    g_ptr_array_sort(k->threads, by_tid);
    char *old_exe = p->exe;
    p->exe = g_strdup(real);
    GBytes *old_auxv = p->auxv;
    p->auxv = NULL;
    p->brk_start = p->brk_cur = (p->image.image_end + PAGESTORE_PAGE_SIZE - 1)
                                & PAGESTORE_PAGE_MASK;
    reset_cpu(t->cpu);
    user_sve_exec(t);
    uint64_t sp;
    if (!user_stack_build(p, (char *const *)argv->pdata,
                          (char *const *)envp->pdata, &sp, &error)) {
        /* Past the point of no return (the strings were measured, so
         * this does not happen): Linux kills the process. */
        g_error_free(error);
        g_free(old_exe);
        if (old_auxv)
            g_bytes_unref(old_auxv);
        user_mm_unref(old_mm);
        user_process_kill(p, USER_SIGSEGV);
        ret = 0;
        goto out;
    }
    g_free(old_exe);
    if (old_auxv)
        g_bytes_unref(old_auxv);
    /* After the stack, so AT_RANDOM's bytes do not depend on PAC (as at
     * the first program's start). */
    user_pauth_reset_keys(p, t->cpu, USER_PAC_ALL_KEYS);
    t->cpu->pc = p->start_pc;
    t->cpu->sp = sp;
    user_mm_unref(old_mm);
    for (int i = 0; i < USER_FD_MAX; i++)
        if (p->fds[i].host >= 0 && p->fds[i].cloexec)
            user_fd_close(p, i);
    reset_signals(p, t);
    t->clear_child_tid = 0;
    t->robust_list_head = t->robust_list_len = 0;
    const char *base = strrchr(real, '/');
    g_strlcpy(t->comm, base ? base + 1 : real, sizeof(t->comm));

    if (p->vfork_parent) {
        struct user_thread *vp = p->vfork_parent;
        p->vfork_parent = NULL;
        user_wake(vp, p->pid);
        if ((k->report & USER_REPORT_FORKS) && vp->proc->debugged) {
            struct user_event ev = { .kind = USER_EVENT_VFORK_DONE,
                                     .pid = vp->proc->pid, .tid = vp->tid };
            user_kernel_queue_event(k, &ev);
        }
    }
    if ((k->report & USER_REPORT_EXEC) && p->debugged) {
        struct user_event ev = { .kind = USER_EVENT_EXEC, .pid = p->pid,
                                 .tid = t->tid };
        user_kernel_queue_event(k, &ev);
    }
out:
    free(real);
    g_free(host);
    g_ptr_array_unref(argv);
    g_ptr_array_unref(envp);
    return ret;
}
