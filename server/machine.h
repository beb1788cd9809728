/* A machine: what server/ runs and debugs.
 *
 * Today the only machine is a Linux user-mode process set (user/): the
 * program's process and the threads and processes it creates, all run by
 * the machine on this host thread; the mach-virt board (hw/) will be the
 * second. The server drives either through these operations: run up to N
 * instructions, stop reasons, register and memory access per thread.
 * Thread ids are unique across the machine (Linux tids); a process id is
 * its first thread's id.
 */
#ifndef BACKSTEP_SERVER_MACHINE_H
#define BACKSTEP_SERVER_MACHINE_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

struct cpu_state;
struct machine;

enum machine_stop_kind {
    MACHINE_STOP_BUDGET,      /* ran the instructions asked for */
    MACHINE_STOP_EXITED,      /* exit_code */
    MACHINE_STOP_KILLED,      /* ended by a fatal signal: signal */
    MACHINE_STOP_SIGNAL,      /* a signal for the debugger to see first */
    MACHINE_STOP_BREAKPOINT,  /* debugger breakpoint at pc */
    MACHINE_STOP_WATCHPOINT,  /* addr, watch_kind (enum cpu_watch_kind) */
    MACHINE_STOP_INTERRUPTED, /* machine_request_stop() */
};

/* The events of threads and processes: a MACHINE_STOP_SIGNAL stop with
 * signal 5 (SIGTRAP) whose event field says which. Only while enabled
 * with set_report. */
enum machine_event {
    MACHINE_EVENT_NONE,
    MACHINE_EVENT_THREAD_CREATED, /* child_tid is new (in pid) */
    MACHINE_EVENT_THREAD_EXITED,  /* tid ended with exit_code */
    MACHINE_EVENT_FORK,        /* tid forked child_pid (thread child_tid) */
    MACHINE_EVENT_VFORK,
    MACHINE_EVENT_VFORK_DONE,
    MACHINE_EVENT_EXEC,        /* pid runs a new program (exe_path_of) */
    MACHINE_EVENT_SYSCALL_ENTRY, /* syscall */
    MACHINE_EVENT_SYSCALL_RETURN,
};

/* set_report bits. */
#define MACHINE_REPORT_THREADS (1u << 0)
#define MACHINE_REPORT_FORKS (1u << 1)
#define MACHINE_REPORT_EXEC (1u << 2)
#define MACHINE_REPORT_SYSCALLS (1u << 3)
#define MACHINE_REPORT_PROCESS_EXIT (1u << 4) /* each process's end, not
                                                 only the machine's */

struct machine_thread {
    int64_t pid, tid;
    char name[16];
};

#define MACHINE_SIGINFO_SIZE 128

struct machine_stop {
    enum machine_stop_kind kind;
    int exit_code;
    int signal;               /* host (Linux) signal number */
    uint64_t addr;
    int watch_kind;
    int64_t tid;              /* the thread that stopped */
    int64_t pid;              /* its process */
    enum machine_event event;
    /* step: MACHINE_STOP_BUDGET before the instruction retired: the
     * thread waits in a system call (others ran); step again. */
    bool waiting;
    int64_t child_pid, child_tid; /* FORK/VFORK/THREAD_CREATED */
    int syscall;              /* SYSCALL_ENTRY/RETURN */
    bool all_ended;           /* EXITED/KILLED: nothing is left to run */
    /* SIGNAL (SIGTRAP): going forward reached the end of a saved
     * recording, beyond which nothing runs. */
    bool replay_end;
};

struct machine_ops {
    void (*run)(struct machine *m, uint64_t max_insns,
                struct machine_stop *stop);
    /* The signal to deliver when the machine next runs (0: none). */
    void (*set_signal)(struct machine *m, int signal);
    struct cpu_state *(*cpu)(struct machine *m, int64_t tid);
    ssize_t (*read_mem)(struct machine *m, uint64_t addr, void *buf,
                        size_t len);
    int (*write_mem)(struct machine *m, uint64_t addr, const void *buf,
                     size_t len);
    int64_t (*pid)(struct machine *m);
    /* Thread ids, in creation order. */
    GArray *(*threads)(struct machine *m);
    GBytes *(*auxv)(struct machine *m);
    /* `info os TYPE` (qXfer:osdata): the XML table, empty for a type
     * there is none of. Optional. */
    GBytes *(*osdata)(struct machine *m, const char *type);
    const char *(*exe_path)(struct machine *m);
    /* The Linux siginfo (MACHINE_SIGINFO_SIZE bytes) of the signal of the
     * last MACHINE_STOP_SIGNAL of thread tid; false if it is not stopped
     * at one. */
    bool (*siginfo)(struct machine *m, int64_t tid, uint8_t *buf);
    /* The host file a path of the program's names, found as the program
     * would find it (its guest root); g_free it. NULL: no files. */
    char *(*host_path)(struct machine *m, const char *guest_path);
    void (*free)(struct machine *m);

    /* ---- Threads and processes. NULL where a machine has one thread. */
    /* Execute one instruction of thread tid (others run only while it
     * waits in a system call: stop->waiting). */
    void (*step)(struct machine *m, int64_t tid, struct machine_stop *stop);
    /* Live threads of the processes being debugged, tid order. */
    GArray *(*thread_list)(struct machine *m);   /* of machine_thread */
    void (*set_thread_signal)(struct machine *m, int64_t tid, int signal);
    /* The process of a thread id (or a pid), or 0. */
    int64_t (*pid_of)(struct machine *m, int64_t tid);
    ssize_t (*read_mem_of)(struct machine *m, int64_t pid, uint64_t addr,
                           void *buf, size_t len);
    int (*write_mem_of)(struct machine *m, int64_t pid, uint64_t addr,
                        const void *buf, size_t len);
    const char *(*exe_path_of)(struct machine *m, int64_t pid);
    /* MACHINE_REPORT_* */
    void (*set_report)(struct machine *m, unsigned mask);
    void (*catch_syscalls)(struct machine *m, bool all, const int *nrs,
                           size_t n);
    /* Follow a process, or not (detach): one not followed runs on
     * without stopping for breakpoints or signals. */
    void (*set_debugged)(struct machine *m, int64_t pid, bool debugged);
    /* Breakpoints and watchpoints on every thread, present and future
     * (cpu/'s tables are per CPU). 0, or -1 when full / not found. */
    int (*insert_breakpoint)(struct machine *m, uint64_t addr);
    int (*remove_breakpoint)(struct machine *m, uint64_t addr);
    int (*insert_watchpoint)(struct machine *m, uint64_t addr, uint64_t len,
                             int kind);
    int (*remove_watchpoint)(struct machine *m, uint64_t addr, uint64_t len,
                             int kind);
    /* Hold a thread (not scheduled until released): the debugger
     * resumed others only. New threads are not held. */
    void (*hold_thread)(struct machine *m, int64_t tid, bool held);
    /* Instructions retired by every thread so far. */
    uint64_t (*icount)(struct machine *m);
    /* End process pid as SIGKILL does, one of several (vKill;PID): it is
     * no longer followed, so its end is not reported. 0, or -ESRCH;
     * -EPERM where it cannot be done now (the past of a recording). */
    int (*kill_process)(struct machine *m, int64_t pid);
    /* Replace len bytes at offset of the siginfo (MACHINE_SIGINFO_SIZE
     * bytes) of the signal thread tid stopped for: what its handler will
     * see (a thread stopped for no signal gets one, used if it resumes
     * with that signal, as PTRACE_SETSIGINFO). 0; -ESRCH, -EINVAL. */
    int (*set_siginfo)(struct machine *m, int64_t tid, uint64_t offset,
                       const uint8_t *data, size_t len);
    /* The guest's /proc/PID/NAME (maps, smaps, cmdline, stat, status,
     * auxv) for the debugger's vFile; NULL: no such process or file. */
    GBytes *(*proc_file)(struct machine *m, int64_t pid, const char *name);

    /* The alignment of the PT_TLS segment of process pid's program, for
     * placing its TLS block (qGetTLSAddr). 0, -ESRCH for an unknown
     * process, -ENOENT when the program has no TLS. NULL: unknown. */
    int (*tls_align)(struct machine *m, int64_t pid, uint64_t *align);
};

struct machine {
    const struct machine_ops *ops;
};

struct user_options;

/* A Linux user-mode machine running PROGRAM with argv/envp. */
struct machine *machine_user_new(const char *program, char *const *argv,
                                 char *const *envp,
                                 const struct user_options *opts,
                                 GError **error);

#endif
