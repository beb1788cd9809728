/* The Linux user-mode personality: one guest process.
 *
 * A process owns its address space (guest pages in hw/pagestore), its CPU
 * (cpu/), its file-descriptor table and its kernel-side state. server/
 * drives it through user_process_run() in slices and reads and writes its
 * memory and registers for the debugger.
 */
#ifndef BACKSTEP_USER_PROCESS_H
#define BACKSTEP_USER_PROCESS_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct cpu_state;
struct user_process;

struct user_options {
    const char *sysroot;     /* -L: guest root for absolute paths, or NULL */
    bool log_syscalls;       /* --strace-like log on stderr */
};

/* What ended a call to user_process_run(). */
enum user_event_kind {
    USER_EVENT_BUDGET,       /* ran the instructions asked for */
    USER_EVENT_EXITED,       /* exit_group/exit of the last thread: exit_code */
    USER_EVENT_KILLED,       /* terminated by a fatal signal: signal */
    USER_EVENT_SIGNAL,       /* a signal is about to be delivered (SIGSEGV,
                                SIGILL, SIGTRAP for BRK, ...): the debugger
                                sees it first; pc is at the faulting insn */
    USER_EVENT_BREAKPOINT,   /* debugger breakpoint at pc */
    USER_EVENT_WATCHPOINT,   /* debugger watchpoint: addr and kind */
    USER_EVENT_INTERRUPTED,  /* cpu_request_exit() */
};

struct user_event {
    enum user_event_kind kind;
    int exit_code;
    int signal;              /* Linux signal number */
    uint64_t addr;           /* watchpoint address / fault address */
    int watch_kind;          /* enum cpu_watch_kind */
};

/* Load an AArch64 ELF executable (static, or dynamically linked with its
 * interpreter from the guest root) and build its initial process
 * (stack with argv, envp and auxv; pc at the entry point). argv[0] is the
 * guest's argv[0]. On error return NULL with a message naming path. */
struct user_process *user_process_new(const char *path, char *const *argv,
                                      char *const *envp,
                                      const struct user_options *opts,
                                      GError **error);
void user_process_free(struct user_process *proc);

/* Run up to max_insns guest instructions, handling system calls inside.
 * Stops early for the events above. A pending signal given by the
 * debugger (user_process_set_signal) is delivered on entry. */
void user_process_run(struct user_process *proc, uint64_t max_insns,
                      struct user_event *ev);

/* Continue after a USER_EVENT_SIGNAL stop with this signal delivered
 * (0: suppress it). In the first slice, delivering a fatal signal with no
 * handler ends the process with USER_EVENT_KILLED on the next run. */
void user_process_set_signal(struct user_process *proc, int signal);

/* The CPU of the (first) thread. */
struct cpu_state *user_process_cpu(struct user_process *proc);

/* Debugger access to guest memory: ignores page protections (like ptrace),
 * fails on unmapped pages. read returns bytes read (short at the first
 * unmapped page), write returns 0 or -EFAULT. Writes drop decoded code. */
ssize_t user_mem_read(struct user_process *proc, uint64_t addr, void *buf,
                      size_t len);
int user_mem_write(struct user_process *proc, uint64_t addr, const void *buf,
                   size_t len);

/* Facts for the debugger. */
int64_t user_process_pid(const struct user_process *proc);
int64_t user_process_tid(const struct user_process *proc);
const char *user_process_exe(const struct user_process *proc); /* absolute host path */
GBytes *user_process_auxv(const struct user_process *proc);    /* raw auxv bytes */
bool user_process_exited(const struct user_process *proc);
/* The host file a guest path names, as the program's own open() would
 * find it (guest root, /proc/self/exe); for the debugger's vFile. Free
 * with g_free. */
char *user_process_host_path(const struct user_process *proc,
                             const char *guest_path);

#define USER_ERROR user_error_quark()
GQuark user_error_quark(void);

#endif
