/* One guest process: creation, the run loop, and the facts the debugger
 * asks for. */
#include "config.h"

#include "user/user-internal.h"

#include "cpu/cpu.h"
#include "hw/pagestore.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* Guest pids are the guest's own and fixed, so runs are reproducible. */
#define USER_PID 1000

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

struct user_process *user_process_new(const char *path, char *const *argv,
                                      char *const *envp,
                                      const struct user_options *opts,
                                      GError **error)
{
    /* A guest writing to a closed pipe must get EPIPE (and its own
     * SIGPIPE), not kill backstep: the host's SIGPIPE is ignored. */
    signal(SIGPIPE, SIG_IGN);

    struct user_process *p = g_new0(struct user_process, 1);
    p->sysroot = opts && opts->sysroot ? g_strdup(opts->sysroot) : NULL;
    p->log_syscalls = opts && opts->log_syscalls;
    p->pid = p->tid = USER_PID;
    p->uid = getuid();
    p->gid = getgid();
    p->mem = pagestore_new();
    user_random_init(p);
    init_rlimits(p);
    for (int i = 0; i < USER_FD_MAX; i++)
        p->fds[i].host = -1;

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

    p->cpu = cpu_new(&user_cpu_mem_ops, p);
    uint64_t sp;
    if (!user_stack_build(p, argv, envp, &sp, error))
        goto fail;
    p->cpu->pc = p->start_pc;
    p->cpu->sp = sp;
    user_fd_init(p);
    user_signal_init(p);
    return p;

fail:
    user_process_free(p);
    return NULL;
}

void user_process_free(struct user_process *p)
{
    if (!p)
        return;
    user_fd_close_all(p);
    if (p->cpu)
        cpu_free(p->cpu);
    pagestore_free(p->mem);
    if (p->auxv)
        g_bytes_unref(p->auxv);
    g_free(p->exe);
    g_free(p->sysroot);
    g_free(p);
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
    p->exited = true;
    p->exit_code = status & 0xff;
    p->stop_pending = false;
    struct user_event ev = { .kind = USER_EVENT_EXITED,
                             .exit_code = p->exit_code };
    user_process_stop(p, &ev);
}

static void ended_event(const struct user_process *p, struct user_event *ev)
{
    *ev = (struct user_event){ 0 };
    if (p->killed) {
        ev->kind = USER_EVENT_KILLED;
        ev->signal = p->term_signal;
    } else {
        ev->kind = USER_EVENT_EXITED;
        ev->exit_code = p->exit_code;
    }
}

/* A CPU fault becomes a signal stop; pc stays at the faulting insn. */
static void fault(struct user_process *p, int sig, uint64_t addr,
                  struct user_event *ev)
{
    user_signal_cpu_fault(p, sig, addr);
    *ev = (struct user_event){ .kind = USER_EVENT_SIGNAL, .signal = sig,
                               .addr = addr };
    if (p->stop_pending)   /* always: the fault's signal is forced */
        *ev = p->stop;
    p->stop_pending = false;
}

static void log_undef(struct user_process *p)
{
    struct cpu_state *cpu = p->cpu;
    /* Once per place: a debugger that resumes without the signal makes
     * the instruction fault again, which is not news. */
    if (p->undef_logged && p->undef_logged_pc == cpu->pc)
        return;
    p->undef_logged = true;
    p->undef_logged_pc = cpu->pc;
    fprintf(stderr, "backstep: unimplemented instruction 0x%08x at 0x%" G_GINT64_MODIFIER "x\n",
            cpu->exit_info.insn, (guint64)cpu->pc);
}

void user_process_run(struct user_process *p, uint64_t max_insns,
                      struct user_event *ev)
{
    *ev = (struct user_event){ .kind = USER_EVENT_BUDGET };
    if (p->exited) {
        ended_event(p, ev);
        return;
    }
    if (user_signal_resume(p, max_insns, ev))
        return;

    struct cpu_state *cpu = p->cpu;
    uint64_t left = max_insns;
    while (left > 0) {
        uint64_t before = cpu->icount;
        enum cpu_exit why = cpu_run(cpu, left);
        uint64_t ran = cpu->icount - before;
        left -= MIN(ran, left);
        switch (why) {
        case CPU_EXIT_SVC:
            user_syscall(p);
            if (p->stop_pending) {
                p->stop_pending = false;
                *ev = p->stop;
                return;
            }
            continue;
        case CPU_EXIT_BUDGET:
        case CPU_EXIT_NONE:
            left = 0;
            continue;
        case CPU_EXIT_UNDEF:
            log_undef(p);
            fault(p, USER_SIGILL, cpu->pc, ev);
            return;
        case CPU_EXIT_HLT:
            /* HLT at EL0 without semihosting is UNDEFINED: SIGILL. */
            fault(p, USER_SIGILL, cpu->pc, ev);
            return;
        case CPU_EXIT_BRK:
            fault(p, USER_SIGTRAP, cpu->pc, ev);
            return;
        case CPU_EXIT_DATA_ABORT:
        case CPU_EXIT_INSN_ABORT:
            fault(p, USER_SIGSEGV, cpu->exit_info.fault_addr, ev);
            return;
        case CPU_EXIT_ALIGNMENT:
            fault(p, USER_SIGBUS, cpu->exit_info.fault_addr, ev);
            return;
        case CPU_EXIT_BREAKPOINT:
            *ev = (struct user_event){ .kind = USER_EVENT_BREAKPOINT,
                                       .addr = cpu->pc };
            return;
        case CPU_EXIT_WATCHPOINT:
            *ev = (struct user_event){ .kind = USER_EVENT_WATCHPOINT,
                                       .addr = cpu->exit_info.fault_addr,
                                       .watch_kind = cpu->exit_info.watch_kind };
            return;
        case CPU_EXIT_REQUEST:
            *ev = (struct user_event){ .kind = USER_EVENT_INTERRUPTED };
            return;
        }
        /* An exit reason this loop does not know: report it as a SIGILL
         * stop rather than spinning. */
        fault(p, USER_SIGILL, cpu->pc, ev);
        return;
    }
    ev->kind = USER_EVENT_BUDGET;
}

void user_process_set_signal(struct user_process *p, int signal)
{
    user_signal_set_deliver(p, signal);
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
    return p->tid;
}

const char *user_process_exe(const struct user_process *p)
{
    return p->exe;
}

GBytes *user_process_auxv(const struct user_process *p)
{
    return g_bytes_ref(p->auxv);
}

bool user_process_exited(const struct user_process *p)
{
    return p->exited;
}
