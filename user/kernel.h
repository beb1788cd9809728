/* The kernel side of the Linux personality: the set of guest processes,
 * each with its threads, and the scheduler that runs them all on one host
 * thread (DESIGN.md, "Determinism and time travel"). Included by
 * user-internal.h; not for server/.
 *
 * Scheduling: round-robin over runnable threads in tid order, each for a
 * fixed quantum of USER_QUANTUM retired instructions. The quantum left is
 * kept across calls to user_process_run(), so the interleaving depends
 * only on instruction counts, never on how the caller slices the run.
 *
 * Blocking: a system call that cannot complete now (futex wait, wait4 on
 * running children, a read of an empty pipe) parks its thread instead of
 * blocking the host; the others run. A parked thread is either woken with
 * a result (futex, vfork, sleeps: x0 is written then) or retried (the
 * system call runs again when what it waits for may have changed). Only
 * when every thread is parked does the scheduler wait for the host:
 * poll() on the fds and timeouts the threads wait on. What the host
 * decides there (which thread wakes, at which instruction count) goes
 * through the system-call door, so a replay wakes the same threads at the
 * same counts without looking at the host (doc/time-travel.md). */
#ifndef BACKSTEP_USER_KERNEL_H
#define BACKSTEP_USER_KERNEL_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

#include "user/process.h"
#include "user/sigstate.h"

struct user_process;
struct user_thread;
struct pagestore;

/* Instructions a thread runs before the next runnable one gets its turn. */
#define USER_QUANTUM 100000
/* Live threads (all processes together). clone/fork past it: EAGAIN, as
 * Linux's RLIMIT_NPROC would. */
#define USER_TASK_LIMIT 256
/* The first guest pid; later pids and tids count up from it, never reused,
 * so runs are reproducible. */
#define USER_FIRST_PID 1000
/* Longest host wait before the run returns to its caller (which may be
 * the debugger's event loop) when every thread waits on the host. */
#define USER_HOST_WAIT_MS 50

enum user_thread_state {
    USER_THREAD_RUNNABLE,
    USER_THREAD_BLOCKED,
    USER_THREAD_EXITED,
};

/* What a blocked thread waits for. */
enum user_block_kind {
    USER_BLOCK_NONE,
    USER_BLOCK_FUTEX,        /* a futex wake on (mem, futex_uaddr) */
    USER_BLOCK_RETRY,        /* run the syscall again when woken (wait4,
                                pipe/socket I/O and ppoll on io_polls,
                                sigtimedwait) */
    USER_BLOCK_VFORK,        /* its vfork child to exec or exit */
    USER_BLOCK_SIGNAL,       /* rt_sigsuspend: any deliverable signal */
    USER_BLOCK_SLEEP,        /* the deadline only */
};

struct user_thread {
    struct user_process *proc;
    int64_t tid;
    struct cpu_state *cpu;
    /* Per-thread signal state: the leader's is proc->sigthread, the
     * others' own_sig. */
    struct user_sigthread *sig;
    struct user_sigthread own_sig;
    char comm[16];           /* prctl(PR_SET_NAME), NUL-terminated */

    uint64_t clear_child_tid;
    uint64_t robust_list_head, robust_list_len;

    enum user_thread_state state;
    enum user_block_kind block;
    struct pagestore *futex_mem;
    uint64_t futex_uaddr;
    uint32_t futex_bitset;
    /* RETRY on host fds (struct pollfd: a read, a write, ppoll): the
     * scheduler polls them; empty for other waits. */
    GArray *io_polls;
    int64_t deadline_ns;     /* host CLOCK_MONOTONIC, 0: none */
    int64_t timeout_result;  /* x0 when the deadline passes */
    bool retry;              /* woken: run the saved syscall again */
    /* A signal ended its wait: the call returns EINTR, or restarts (pc
     * back on the svc) when no handler runs or the handler has
     * SA_RESTART, as Linux's ERESTARTSYS. */
    bool interrupted;
    bool syscall_entry_pending;  /* entry reported (catch syscall): the
                                    syscall runs at the next turn */
    bool syscall_return_pending; /* report its return at the next turn */
    bool step_done_early;    /* a step's svc retired before its event */
    /* Stopped for a fork or vforkdone event, which Linux reports inside
     * the call: its return (catch syscall) is still to be reported. */
    bool return_after_event;
    bool step_in_syscall;    /* a step's svc waits: the step ends when the
                                call completes */
    bool held;               /* the debugger did not resume it: it is not
                                scheduled (all-stop vCont without an
                                action for it) */
    /* SVE (user/sve.c): the length to take at the next exec (0: the
     * machine's), and whether it stays requested after that exec
     * (PR_SVE_VL_INHERIT). The current length is cpu->sve_vl. */
    uint32_t sve_vl_onexec;
    bool sve_vl_inherit;
    uint64_t sys_nr, sys_args[6];
    /* The syscall being run is a retry of one that parked (a blocking
     * connect then asks how the host's non-blocking one ended). */
    bool sys_retrying;
    int exit_code;
};


struct user_breakpoint {
    bool watch;
    uint64_t addr, len;
    int kind;                /* enum cpu_watch_kind for watchpoints */
};

struct user_kernel {
    GPtrArray *procs;        /* processes (zombies included), pid order */
    GPtrArray *dead_procs;   /* reaped, freed at the next run */
    GPtrArray *threads;      /* live threads of all processes, tid order */
    GPtrArray *futex_waiters;/* threads blocked on futexes, in wait order */
    GPtrArray *dead_threads; /* exited, freed at the next run (a syscall
                                handler may still hold one) */
    int64_t next_id;         /* the next pid/tid */
    struct user_process *first;  /* the program started: its pid is the
                                    debugger's first inferior */
    struct user_thread *current; /* thread being run, or last run */
    int64_t last_tid;        /* round-robin position */
    uint64_t quantum_left;
    uint64_t icount_retired; /* instructions of CPUs already freed */
    unsigned report;         /* USER_REPORT_* */
    uint64_t catch_syscalls[(512 + 63) / 64]; /* bit per number; all when
                                                 catch_all_syscalls */
    bool catch_all_syscalls;
    GArray *breakpoints;     /* of struct user_breakpoint, on every CPU */
    /* Events of other threads waiting to be reported, one per run. */
    GArray *queued_events;   /* of struct user_event */
    /* SVE vector length in bytes (user_options.sve_vl): the longest a
     * thread may set and the one programs start with; 0: no SVE. */
    uint32_t sve_max_vl;
    bool ended;
    /* Pids the debugger let go of (detached, killed): a debugger setting,
     * not history, so a process of that pid made again by a replay or a
     * snapshot restore is not followed either. */
    GHashTable *let_go;
    bool stop_before_exit;   /* user_options.stop_before_exit */
    const struct user_syscall_door *door; /* opts->door, or NULL */
    struct user_sysv_ipc *sysv_ipc; /* SysV IPC table (sysv-ipc.c), or
                                       NULL until first used */
    struct user_sysv_sem *sysv_sem; /* semaphores (sysv-sem.c), or NULL */
    struct user_sysv_msg *sysv_msg; /* message queues (sysv-msg.c), or NULL */
    GHashTable *file_shm;    /* MAP_SHARED files' objects (file-shm.c), or
                                NULL until the first such mmap */
    struct user_ptimer_table *ptimers; /* POSIX timers (posix-timer.c), or
                                          NULL until first used */
};

/* process-debug.c: false when the debugger let go of pid (ever). */
bool user_kernel_follows(const struct user_kernel *k, int64_t pid);

/* thread.c */
struct user_thread *user_thread_new(struct user_process *p, int64_t tid);
void user_thread_free(struct user_thread *t);
struct user_thread *user_thread_find(struct user_kernel *k, int64_t tid);
/* The thread ends (exit, exit_group, a fatal signal): clear_child_tid
 * and robust futexes, then it is gone from the run queue. The process
 * ends with it when it was the last (user_proc_exited). */
void user_thread_exit(struct user_thread *t, int code);
/* Make cpu current in its process (p->cur, p->cpu). */
void user_thread_switch_to(struct user_thread *t);
/* Apply the kernel's debugger breakpoints and watchpoints to a new CPU. */
void user_thread_apply_breakpoints(struct user_kernel *k,
                                   struct cpu_state *cpu);
unsigned user_kernel_live_threads(const struct user_kernel *k);

/* sched.c */
/* Park the current thread: the syscall handler then returns
 * USER_SYSCALL_BLOCKED and x0 is left alone. */
#define USER_SYSCALL_BLOCKED USER_DOOR_BLOCKED   /* user/process.h */
int64_t user_block(struct user_thread *t, enum user_block_kind kind,
                   int64_t deadline_ns, int64_t timeout_result);
int64_t user_block_io(struct user_thread *t, int fd, short events);
/* The same on several fds (ppoll). */
int64_t user_block_polls(struct user_thread *t, const void *pollfds,
                         unsigned n, int64_t deadline_ns);
/* t waits in a RETRY on host fds. */
static inline bool user_thread_polls(const struct user_thread *t)
{
    return t->io_polls && t->io_polls->len > 0;
}
/* Wake a thread parked with a result (FUTEX, VFORK, SIGNAL, SLEEP): x0
 * becomes result. RETRY threads run their syscall again. */
void user_wake(struct user_thread *t, int64_t result);
/* A signal became pending for t: interrupt a wait it may end. */
void user_wake_for_signal(struct user_thread *t);
/* Signal delivery to t: settle a call the signal interrupted: back onto
 * the svc with its first argument when no handler runs, or a handler with
 * SA_RESTART runs for a call Linux restarts; else EINTR. */
void user_syscall_interrupted(struct user_thread *t, bool handler,
                              bool sa_restart);
/* Wake every thread of the kernel parked in a RETRY wait that is not on
 * a host fd (a child changed state: wait4, sigtimedwait...). */
void user_wake_retries(struct user_kernel *k);
/* Host CLOCK_MONOTONIC in ns. An input from outside (see sched.c). */
int64_t user_host_now_ns(void);
void user_kernel_queue_event(struct user_kernel *k,
                             const struct user_event *ev);

/* futex.c */
/* Wake up to n waiters on (mem, uaddr) whose bitset meets bitset. */
int user_futex_wake(struct user_kernel *k, struct pagestore *mem,
                    uint64_t uaddr, uint32_t bitset, int n);
void user_futex_forget(struct user_thread *t);

/* wait.c */
/* The process's last thread is gone: it becomes a zombie, its parent
 * gets exit_signal, waiters wake. status: the wait status word. */
void user_proc_exited(struct user_process *p, int wstatus);
/* A process is reaped (or nobody will wait for it): it goes from the set
 * and is freed by user_kernel_free_released() at the next run. */
void user_proc_release(struct user_process *p);
void user_kernel_free_released(struct user_kernel *k);
struct user_process *user_proc_find(struct user_kernel *k, int64_t pid);

/* itimer.c: setitimer/getitimer (Linux's interval timers). A process
 * has three, in struct user_process (plain values: snapshots copy them
 * whole, fork's child starts without them, execve keeps them).
 * ITIMER_REAL runs on the host's CLOCK_MONOTONIC: its expiry is an input
 * from outside, checked only where the scheduler looks at the host
 * (host_wait: when a run or a step begins, at quantum ends and when
 * every thread waits), logged
 * through the door as a host wake (USER_WAKE_ITIMER_REAL) and replayed at
 * the same instruction count. ITIMER_VIRTUAL and ITIMER_PROF run on the
 * process's retired instructions at a fixed rate of one instruction per
 * nanosecond (time in system calls counts as zero), so they need no log. */
enum {
    USER_ITIMER_REAL = 0,
    USER_ITIMER_VIRTUAL = 1,
    USER_ITIMER_PROF = 2,
    USER_ITIMER_COUNT = 3,
};
/* The door's host wake USER_WAKE_ITIMER_REAL and its pseudo-call
 * USER_DOOR_NR_NEXT_HOST_WAKE are in user/process.h. */
struct user_itimer {
    /* Armed when non-zero: REAL, the host CLOCK_MONOTONIC deadline in
     * ns; VIRTUAL and PROF, the instructions left to run. */
    int64_t value;
    int64_t interval_ns;     /* reload at expiry; 0: one-shot */
    bool expired;            /* VIRTUAL/PROF ran out: signal not yet sent */
};
/* Instructions the current thread may run before a CPU timer of its
 * process runs out (budget if none runs out sooner; at least 1). */
uint64_t user_itimer_cpu_budget(const struct user_process *p,
                                uint64_t budget);
/* p's current thread retired n instructions: count down its CPU timers. */
void user_itimer_cpu_ran(struct user_process *p, uint64_t n);
/* Send the signals of p's CPU timers that ran out (and reload them).
 * True if one was sent. */
bool user_itimer_cpu_fire(struct user_process *p);
/* Some process of k has an ITIMER_REAL armed (the scheduler then looks
 * at the host at quantum ends and never calls a wait a deadlock). */
bool user_itimer_real_armed(const struct user_kernel *k);
/* The earliest ITIMER_REAL deadline of k (host ns), 0 if none. */
int64_t user_itimer_real_deadline(const struct user_kernel *k);
/* Recording (or no door): fire the ITIMER_REALs whose deadline is at or
 * before now, logging each as a host wake. True if one fired. */
bool user_itimer_real_expire(struct user_kernel *k, int64_t now);
/* Replaying: the recording's real-clock timer fired here. word: the pid
 * in the low USER_TIMER_WAKE_PID_BITS, and above them 0 for the
 * process's ITIMER_REAL or a POSIX timer's slot + 1 (user/timers.h). */
void user_itimer_real_replayed(struct user_kernel *k, int64_t word);
/* Replaying: budget cut so that a run ends at the log's next host wake. */
uint64_t user_itimer_replay_budget(struct user_kernel *k, uint64_t budget);

/* sysv-ipc.c, sysv-sem.c, sysv-msg.c: System V shared memory,
 * semaphores and message queues. Free their tables at the end. */
struct user_sysv_ipc;
struct user_sysv_sem;
struct user_sysv_msg;
void user_sysv_ipc_free(struct user_kernel *k);
void user_sysv_sem_free(struct user_kernel *k);
void user_sysv_msg_free(struct user_kernel *k);

/* fork.c */
/* The CPUs that share mem (for invalidating decoded code). */
typedef void (*user_cpu_fn)(struct cpu_state *cpu, void *data);
void user_mm_for_each_cpu(struct user_kernel *k, struct pagestore *mem,
                          user_cpu_fn fn, void *data);

#endif
