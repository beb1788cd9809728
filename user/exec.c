/* execve: the calling process runs a new program in place, keeping its
 * pid, its fds (but close-on-exec ones) and ignored signals. The new
 * image is loaded into a fresh address space first; until it has loaded,
 * a failure leaves the caller as it was and returns the error. */
#include "config.h"

#include "user/syscall.h"
#include "user/timers.h"

#include "cpu/cpu.h"
#include "hw/pagestore.h"

#include <errno.h>
#include <fcntl.h>
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

/* binfmt_script: a file that starts with "#!" names its interpreter and
 * at most one argument on its first line, within the first 256 bytes
 * (BINPRM_BUF_SIZE; the last byte is not part of the line). Interpreters
 * may themselves be scripts: Linux's exec_binprm takes five scripts in
 * a chain and says ELOOP at the sixth. */
#define SCRIPT_BUF_SIZE 256
#define SCRIPT_DEPTH_MAX 5

static bool spacetab(char c)
{
    return c == ' ' || c == '\t';
}

static char *next_non_spacetab(char *s, const char *end)
{
    for (; s < end; s++)
        if (!spacetab(*s))
            return s;
    return NULL;
}

static char *next_terminator(char *s, const char *end)
{
    for (; s < end; s++)
        if (spacetab(*s) || !*s)
            return s;
    return NULL;
}

/* The interpreter line of the file at host path real, as Linux's
 * load_script reads it: 1 and *name (and *arg, or NULL) for a script, 0
 * for another file, or -errno (ENOEXEC: a "#!" line with no usable
 * interpreter). */
static int script_line(const char *real, char **name, char **arg)
{
    char buf[SCRIPT_BUF_SIZE] = { 0 };
    int fd = open(real, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -errno;
    ssize_t n = read(fd, buf, sizeof(buf));
    close(fd);
    if (n < 2 || buf[0] != '#' || buf[1] != '!')
        return 0;
    char *buf_end = buf + sizeof(buf) - 1;
    char *i_end = memchr(buf, '\n', sizeof(buf));
    if (!i_end) {
        i_end = next_non_spacetab(buf + 2, buf_end);
        /* All blanks, or no blank after the name: the name is cut. */
        if (!i_end || !next_terminator(i_end, buf_end))
            return -ENOEXEC;
        i_end = buf_end;
    }
    while (i_end > buf + 2 && spacetab(i_end[-1]))
        i_end--;
    char *i_name = next_non_spacetab(buf + 2, i_end);
    if (!i_name || i_name == i_end)
        return -ENOEXEC;
    char *i_arg = NULL;
    char *i_sep = next_terminator(i_name, i_end);
    if (i_sep && *i_sep)
        i_arg = next_non_spacetab(i_sep, i_end);
    *name = g_strndup(i_name, (i_sep ? i_sep : i_end) - i_name);
    *arg = i_arg ? g_strndup(i_arg, i_end - i_arg) : NULL;
    return 1;
}

/* Host path of the program the guest named: the real path, checked
 * executable. NULL with *err. */
static char *exec_file(struct user_process *p, const char *guest_path,
                       int *err)
{
    g_autofree char *host = user_path_resolve(p, guest_path);
    char *real = realpath(host, NULL);
    if (!real) {
        *err = -errno;
        return NULL;
    }
    if (access(real, X_OK) < 0) {
        *err = -errno;
        free(real);
        return NULL;
    }
    return real;
}

/* Follow "#!" lines from *real: argv becomes interpreter, its argument,
 * the script's name, then the old argv[1..], as Linux builds it; *real
 * becomes the program that runs. 0 or -errno. */
static int resolve_scripts(struct user_process *p, const char *guest_path,
                           char **real, GPtrArray *argv, size_t *total)
{
    g_autofree char *filename = g_strdup(guest_path);
    for (int depth = 0;; depth++) {
        char *name = NULL, *arg = NULL;
        int r = script_line(*real, &name, &arg);
        if (r <= 0)
            return r;
        if (depth == SCRIPT_DEPTH_MAX) {
            g_free(name);
            g_free(arg);
            return -ELOOP;
        }
        /* argv holds the strings and a final NULL. */
        if (argv->len > 1)
            g_ptr_array_remove_index(argv, 0);
        g_ptr_array_insert(argv, 0, g_strdup(filename));
        if (arg)
            g_ptr_array_insert(argv, 0, arg);
        g_ptr_array_insert(argv, 0, g_strdup(name));
        *total += strlen(name) + 1 + (arg ? strlen(arg) + 1 : 0)
                  + strlen(filename) + 1;
        if (*total > EXEC_STRINGS_MAX) {
            g_free(name);
            return -E2BIG;
        }
        int err = 0;
        char *next = exec_file(p, name, &err);
        g_free(filename);
        filename = name;
        if (!next)
            return err;
        free(*real);
        *real = next;
    }
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
    int64_t ret = 0;
    g_autofree char *comm = NULL;
    char *real = exec_file(p, path, &err);
    if (!real) {
        ret = err;
        goto out;
    }
    /* The name a process takes (comm) is the file's the caller named,
     * even when an interpreter runs it. */
    const char *named = strrchr(real, '/');
    comm = g_strdup(named ? named + 1 : real);
    ret = resolve_scripts(p, path, &real, argv, &total);
    if (ret < 0)
        goto out;

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
    user_ptimer_exec(p);   /* timer_create's timers go; setitimer's stay */
    t->clear_child_tid = 0;
    t->robust_list_head = t->robust_list_len = 0;
    g_strlcpy(t->comm, comm, sizeof(t->comm));

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
    g_ptr_array_unref(argv);
    g_ptr_array_unref(envp);
    return ret;
}
