/* The Linux user-mode personality: a set of guest processes and threads.
 *
 * user_process_new() starts a program: the first process of a set that
 * grows with fork/vfork/clone (user/kernel.h). A process owns its address
 * space (guest pages in hw/pagestore), its threads (one CPU each, cpu/),
 * its file-descriptor table and its kernel-side state. server/ drives the
 * whole set through the first process: user_process_run() in slices, and
 * reads and writes memory and registers for the debugger. Pids and tids
 * are the guest's own (USER_FIRST_PID up).
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

/* The door for inputs from outside (DESIGN.md, determinism rule 2): a
 * recorder/replayer that server/ puts in front of the system calls. Every
 * system call is offered to before(): USER_DOOR_SKIP means "do not run
 * it, its result is *ret" (replaying: the door has written whatever
 * memory the recorded call wrote, with user_mem_write); USER_DOOR_RUN
 * runs it, and after() then sees its result (recording), which it may
 * replace. A call that parks its thread reaches after() only when it
 * completes. */
enum user_door_action {
    USER_DOOR_RUN,
    USER_DOOR_SKIP,
};
struct user_syscall_door {
    enum user_door_action (*before)(void *opaque, struct user_process *p,
                                    uint64_t nr, const uint64_t *args,
                                    int64_t *ret);
    void (*after)(void *opaque, struct user_process *p, uint64_t nr,
                  const uint64_t *args, int64_t *ret);
    void *opaque;
};

/* Besides the system calls, user/ tells the door about waits on the host,
 * so that a replay parks and wakes threads where the recording did
 * (user/sched.c; doc/time-travel.md). These are not Linux numbers. */
/* after(nr | USER_DOOR_PARKED, the call's args, &state): the call nr
 * parked its thread; state describes the wait (sched.c's park state). */
#define USER_DOOR_PARKED (1ull << 40)
/* before(): SKIP with *ret if a replay took the last call from the log:
 * 0 if it completed, else the park state to park the thread in. RUN:
 * the call ran. */
#define USER_DOOR_NR_REPLAY_STATUS ((1ull << 41) + 1)
/* after(), recording: thread args[0] was woken by the host (args[1]:
 * USER_WAKE_*). before(), replaying: SKIP with *ret = tid |
 * USER_WAKE_* << 32 of the next recorded wake due now, or 0 for none;
 * RUN when not replaying. */
#define USER_DOOR_NR_HOST_WAKE ((1ull << 41) + 2)
/* before(), replaying, with args[0] an instruction count limit: SKIP with
 * *ret the instruction count of the log's next host wake at or before
 * limit (0: none). RUN when not replaying. A replay ends its runs there,
 * so that a wake the recording took where a run began (the debugger
 * resumed) is taken at the same count. */
#define USER_DOOR_NR_NEXT_HOST_WAKE ((1ull << 41) + 3)
enum user_wake_how {
    USER_WAKE_RETRY = 1,     /* its fds are ready: the call runs again */
    USER_WAKE_TIMEOUT = 2,   /* its deadline passed: x0 = timeout_result */
    /* a real-clock timer expired (user/itimer.c): args[0] is the pid,
     * with a POSIX timer's slot + 1 above USER_TIMER_WAKE_PID_BITS (0
     * there: the process's ITIMER_REAL) */
    USER_WAKE_ITIMER_REAL = 3,
};
/* before()'s *ret for a replayed call that parks its thread (the value
 * user/ also uses inside for a call that blocks). */
#define USER_DOOR_BLOCKED (INT64_MIN + 1)

struct user_options {
    const char *sysroot;     /* -L: guest root for absolute paths, or NULL */
    bool log_syscalls;       /* --strace-like log on stderr */
    /* SVE vector length in bytes (16..256, a multiple of 16): the one
     * programs start with and the longest prctl(PR_SVE_SET_VL) may set
     * (user/sve.h). 0: the programs see no SVE in the Linux ABI. */
    unsigned sve_vl;
    /* Inputs from outside go through it (NULL: straight to the host). */
    const struct user_syscall_door *door;
    /* --stop-at-exit: the debugged program's last thread stops (signal
     * 0) before its exit or exit_group runs, so that its history can be
     * explored from there; resumed, the call runs. */
    bool stop_before_exit;
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
    /* user_process_step(): the stepped thread is parked in a system call
     * (others ran meanwhile); step again to go on waiting. */
    USER_EVENT_WAITING,
    /* Only when asked for (user_process_set_report): */
    USER_EVENT_THREAD_CREATED,  /* tid is new (child_pid/child_tid too) */
    USER_EVENT_THREAD_EXITED,   /* tid ended with exit_code */
    USER_EVENT_FORK,            /* pid/tid forked child_pid/child_tid */
    USER_EVENT_VFORK,
    USER_EVENT_VFORK_DONE,      /* the vfork child execed or exited */
    USER_EVENT_EXEC,            /* pid/tid runs a new program */
    USER_EVENT_SYSCALL_ENTRY,   /* syscall: its number; pc past the svc */
    USER_EVENT_SYSCALL_RETURN,
};

struct user_event {
    enum user_event_kind kind;
    int exit_code;
    int signal;              /* Linux signal number */
    uint64_t addr;           /* watchpoint address / fault address */
    int watch_kind;          /* enum cpu_watch_kind */
    int64_t pid, tid;        /* the thread the event is about */
    int64_t child_pid, child_tid;
    int syscall;
    /* EXITED/KILLED: no process is left (the end of the run). */
    bool all_ended;
};

/* A thread, for the debugger's list. */
struct user_thread_info {
    int64_t pid, tid;
    char name[16];
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

/* Call first thing in main(): remembers the descriptors backstep was
 * started with beyond stdio, which every guest process then has at the
 * same numbers, as a program run directly would. */
void user_fd_note_inherited(void);

/* Whether guest fd fd of p is a memfd (memory, not the outside world:
 * the door lets a replay run its reads and writes too). */
bool user_fd_is_memfd(struct user_process *p, int64_t fd);

/* Run the set (every runnable thread of every process, round-robin) for
 * up to max_insns guest instructions, handling system calls inside.
 * Stops early for the events above, with the thread that stopped. A
 * pending signal given by the debugger (user_process_set_signal) is
 * delivered on entry. EXITED/KILLED: by default only at the end of the
 * set (all processes gone), with the first process's status; with
 * USER_REPORT_PROCESS_EXIT each process's end. */
void user_process_run(struct user_process *proc, uint64_t max_insns,
                      struct user_event *ev);

/* Execute one instruction of thread tid (0: the last stopped). Other
 * threads run only while it waits in a system call (USER_EVENT_WAITING);
 * USER_EVENT_BUDGET when the instruction has retired. */
void user_process_step(struct user_process *proc, int64_t tid,
                       struct user_event *ev);

/* What the debugger wants reported beside the stops it always gets. */
enum {
    USER_REPORT_THREADS = 1u << 0,    /* thread created / exited */
    USER_REPORT_FORKS = 1u << 1,      /* fork, vfork, vfork-done */
    USER_REPORT_EXEC = 1u << 2,
    USER_REPORT_SYSCALLS = 1u << 3,   /* entry and return */
    USER_REPORT_PROCESS_EXIT = 1u << 4, /* each process's exit, not only
                                           the last one */
};
/* USER_REPORT_*: events to stop for. */
void user_process_set_report(struct user_process *proc, unsigned mask);
/* catch syscall: all, or the numbers given (n of them). */
void user_process_catch_syscalls(struct user_process *proc, bool all,
                                 const int *numbers, size_t n);

/* Live threads of the processes the debugger follows, tid order. */
GArray *user_process_threads(struct user_process *proc); /* of user_thread_info */
struct cpu_state *user_process_thread_cpu(struct user_process *proc,
                                          int64_t tid);
/* The process holding thread/process id, or NULL. */
struct user_process *user_process_of(struct user_process *proc, int64_t id);
/* Stop following a process (detach-on-fork, D;pid): it runs on without
 * stopping for breakpoints or signals. */
void user_process_set_debugged(struct user_process *proc, int64_t pid,
                               bool debugged);
/* Hold thread tid (it is not scheduled until released), as a debugger
 * resuming only some threads wants. New threads are not held. */
void user_process_hold_thread(struct user_process *proc, int64_t tid,
                              bool held);
/* Signal for thread tid's next run (0: the last stopped thread). */
void user_process_set_thread_signal(struct user_process *proc, int64_t tid,
                                    int signal);
/* Debugger breakpoints and watchpoints on every thread, present and
 * future. 0 or -1 (table full / not found). */
int user_process_insert_breakpoint(struct user_process *proc, uint64_t addr);
int user_process_remove_breakpoint(struct user_process *proc, uint64_t addr);
int user_process_insert_watchpoint(struct user_process *proc, uint64_t addr,
                                   uint64_t len, int kind);
int user_process_remove_watchpoint(struct user_process *proc, uint64_t addr,
                                   uint64_t len, int kind);
/* Instructions retired by all threads so far. */
uint64_t user_process_icount(const struct user_process *proc);

/* Continue after a USER_EVENT_SIGNAL stop with this signal delivered
 * (0: suppress it). In the first slice, delivering a fatal signal with no
 * handler ends the process with USER_EVENT_KILLED on the next run. */
void user_process_set_signal(struct user_process *proc, int signal);

/* The CPU of the thread the process runs (or last ran). */
struct cpu_state *user_process_cpu(struct user_process *proc);

/* Debugger access to guest memory: ignores page protections (like ptrace),
 * fails on unmapped pages. read returns bytes read (short at the first
 * unmapped page), write returns 0 or -EFAULT. Writes drop decoded code. */
ssize_t user_mem_read(struct user_process *proc, uint64_t addr, void *buf,
                      size_t len);
int user_mem_write(struct user_process *proc, uint64_t addr, const void *buf,
                   size_t len);

/* The region of the address space holding addr, for the debugger
 * (lldb's qMemoryRegionInfo): a run of mapped pages [start, last] with
 * one protection (PROT_READ/WRITE/EXEC bits) and one tagging (PROT_MTE),
 * cut at fixed 256 MiB boundaries; or the gap around an unmapped addr,
 * from the end of the mapping below to the byte before the next one
 * (last UINT64_MAX past the last mapping). No file names: user/ does not
 * remember which file a mapping came from. */
struct user_mem_region {
    uint64_t start, last;
    bool mapped;
    unsigned prot;
    bool tagged;
};
void user_process_mem_region(struct user_process *proc, uint64_t addr,
                             struct user_mem_region *out);
/* The same for the process whose memory cpu runs on; false if cpu is not
 * a user-mode process's. */
bool user_cpu_mem_region(const struct cpu_state *cpu, uint64_t addr,
                         struct user_mem_region *out);

/* Facts for the debugger. */
int64_t user_process_pid(const struct user_process *proc);
int64_t user_process_tid(const struct user_process *proc);
const char *user_process_exe(const struct user_process *proc); /* absolute host path */
GBytes *user_process_auxv(const struct user_process *proc);    /* raw auxv bytes */
/* The alignment of the program's PT_TLS segment (where its TLS block sits
 * after the thread pointer); false if the program has none. */
bool user_process_tls_align(const struct user_process *proc,
                            uint64_t *align);
/* proc has ended (for the first process: the program the user started). */
bool user_process_exited(const struct user_process *proc);
/* The host file a guest path names, as the program's own open() would
 * find it (guest root, /proc/self/exe); for the debugger's vFile. Free
 * with g_free. */
char *user_process_host_path(const struct user_process *proc,
                             const char *guest_path);

#define USER_ERROR user_error_quark()
GQuark user_error_quark(void);

#endif
