/* What the files of user/ share: the process structure and the helpers
 * that system calls, the loader and the run loop use. Not for server/. */
#ifndef BACKSTEP_USER_INTERNAL_H
#define BACKSTEP_USER_INTERNAL_H

#include "user/process.h"
#include "user/sigstate.h"
#include "user/kernel.h"
#include "user/sve.h"

#include <stdint.h>

struct pagestore;

/* Address-space layout. The stack sits at the top of the 48-bit space as
 * on arm64 Linux (without randomization: determinism); mmap allocates
 * top-down below a gap under it; brk grows up from the end of the image. */
#define USER_STACK_TOP 0x0000fffffffff000ull
#define USER_STACK_SIZE (8ull << 20)
#define USER_MMAP_TOP 0x0000fffff0000000ull
#define USER_MMAP_MIN 0x0000000000010000ull  /* vm.mmap_min_addr */
#define USER_PIE_BASE 0x0000005500000000ull  /* static-pie load address */
/* A PIE with an interpreter goes where arm64 Linux puts it without
 * randomization (ELF_ET_DYN_BASE, 2/3 of the 48-bit space, rounded down
 * to the segments' alignment): gdb users know 0xaaaaaaaa0000. */
#define USER_DYN_BASE 0x0000aaaaaaaaaaaaull
#define USER_INTERP_MAX 4096  /* PATH_MAX: the longest PT_INTERP we take */
/* Mapped (not necessarily touched) memory a guest may hold. Reservations
 * cost page-table entries (8 bytes a page) even untouched, so without a
 * bound one mmap(2^46) would exhaust the host. 64 GiB is 128 MiB of
 * table at worst and far beyond what glibc's arenas reserve. */
#define USER_MAP_LIMIT (64ull << 30)

#define USER_FD_MAX 1024   /* guest fds, like the default RLIMIT_NOFILE */
/* Unknown syscalls are logged once per number below this, once in all above. */
#define USER_SYSCALL_LOG_BITS 1024

/* Guest (arm64 Linux) signal numbers we act on. */
enum {
    USER_SIGHUP = 1, USER_SIGINT = 2, USER_SIGQUIT = 3, USER_SIGILL = 4,
    USER_SIGTRAP = 5, USER_SIGABRT = 6, USER_SIGBUS = 7, USER_SIGFPE = 8,
    USER_SIGKILL = 9, USER_SIGSEGV = 11, USER_SIGPIPE = 13,
    USER_SIGCHLD = 17, USER_SIGCONT = 18, USER_SIGSTOP = 19,
    USER_SIGTSTP = 20, USER_SIGTTIN = 21, USER_SIGTTOU = 22,
    USER_SIGURG = 23, USER_SIGWINCH = 28,
};

struct user_fd {
    int host;                /* -1: free */
    bool cloexec;
    /* /proc/.../task/TID/comm opened for writing: a write names thread
     * comm_tid (pthread_setname_np of another thread). 0: a plain fd. */
    int64_t comm_tid;
};

/* What the loader found, for the stack builder and brk. */
struct user_image {
    uint64_t entry;
    uint64_t phdr_addr;      /* guest address of the program headers */
    uint16_t phent, phnum;
    uint64_t load_bias;      /* 0 for ET_EXEC */
    uint64_t image_end;      /* end of the highest segment (for brk) */
    char interp[USER_INTERP_MAX]; /* PT_INTERP, or "" (static) */
    bool exec_stack;         /* PT_GNU_STACK asks for PF_X (arm64 Linux's
                                stack is not executable without it) */
    bool has_tls;            /* there is a PT_TLS segment */
    uint64_t tls_align;      /* its p_align (at least 1), for the debugger
                                to place the TLS block (qGetTLSAddr) */
};

struct user_rlimit {
    uint64_t cur, max;
};
#define USER_RLIM_NLIMITS 16
#define USER_RLIMIT_STACK 3
#define USER_RLIMIT_NOFILE 7
#define USER_RLIM_INFINITY UINT64_MAX

/* An address space, shared by the threads of a process and by a vfork
 * child with its parent until it execs or exits. */
struct user_mm {
    struct pagestore *store;
    int refs;
};

struct user_process {
    struct user_kernel *kernel;
    char *sysroot;           /* opts->sysroot, or NULL */
    bool log_syscalls;

    struct user_mm *mm;
    struct pagestore *mem;   /* mm->store */
    /* The thread the kernel runs (or last ran) in this process and its
     * CPU: system calls act on them. */
    struct user_thread *cur;
    struct cpu_state *cpu;
    GPtrArray *threads;      /* live threads, tid order; [0] is the leader
                                while it lives */
    char *exe;               /* absolute host path (readlink /proc/self/exe) */
    GBytes *auxv;
    struct user_image image;
    uint64_t interp_base;    /* AT_BASE: the interpreter's, or 0 */
    uint64_t start_pc;       /* the interpreter's entry, or the program's */
    int64_t pid;
    int64_t pgid, sid;       /* process group and session (the first
                                process leads both; fork inherits) */
    uint32_t uid, gid;       /* the host's, read once at creation */
    uint64_t random_state;   /* AT_RANDOM and getrandom: see random.c */

    /* Family. */
    struct user_process *parent;   /* NULL: started by backstep (or orphaned) */
    int exit_signal;         /* sent to the parent at exit (SIGCHLD), or 0 */
    struct user_thread *vfork_parent; /* parked until this one execs/exits */
    bool debugged;           /* the debugger follows it: it stops for
                                breakpoints and signals */

    uint64_t brk_start, brk_cur;

    struct user_fd fds[USER_FD_MAX];
    struct user_rlimit rlimits[USER_RLIM_NLIMITS];

    /* Signal state (user/sigstate.h): dispositions, the leader thread's
     * per-thread state, and the process-wide pending set (kill()). */
    struct user_sighand sighand;
    struct user_sigthread sigthread;
    uint64_t shared_pending;
    struct user_signal shared_queued[USER_NSIG];

    /* setitimer's timers, [USER_ITIMER_*] (user/kernel.h, itimer.c). */
    struct user_itimer itimers[USER_ITIMER_COUNT];

    /* Lifecycle. */
    bool exited;             /* exited or killed: nothing more runs */
    bool killed;
    bool zombie;             /* ended, not yet waited for */
    int exit_code;
    int term_signal;
    int wstatus;             /* what wait4 reports */

    /* A syscall handler that stops execution (exit, kill to self) leaves
     * the event here; the run loop returns it after the syscall. */
    bool stop_pending;
    struct user_event stop;

    /* Logged-once sets. */
    uint8_t unsupported_logged[(USER_SYSCALL_LOG_BITS + 7) / 8];
    uint64_t undef_logged_pc;
    bool undef_logged;
};

/* guest-mem.c: guest memory as the kernel sees it. Every byte is checked
 * against the page protections; 0 or -EFAULT. */
bool user_access_ok(struct user_process *p, uint64_t addr, uint64_t len,
                    unsigned prot);
int user_copy_in(struct user_process *p, void *dst, uint64_t src, size_t len);
int user_copy_out(struct user_process *p, uint64_t dst, const void *src,
                  size_t len);
/* A NUL-terminated string of at most size-1 bytes into buf: its length,
 * -EFAULT, or -ENAMETOOLONG. */
ssize_t user_copy_str_in(struct user_process *p, uint64_t src, char *buf,
                         size_t size);
/* Mappings of [addr, addr+len) are about to change (call it before, while
 * the old pages are still there): drop the CPU's TLB and the decoded code
 * of the executable pages in the range. */
void user_mem_changed(struct user_process *p, uint64_t addr, uint64_t len);
/* Bytes of code in [addr, addr+len) changed: every CPU sharing p's
 * address space drops its decoded copies. */
void user_code_changed(struct user_process *p, uint64_t addr, uint64_t len);
/* Bytes in [addr, addr+len) (inside one page) were written by the kernel
 * or the debugger: if the page is MAP_SHARED, the CPUs of every other
 * address space that maps it executable drop their decoded copies too.
 * (The CPU's own stores to shared pages are not seen here: see
 * doc/design.md, "Shared memory".) */
void user_shm_written(struct user_process *p, uint64_t addr, uint64_t len);
/* What a futex word at uaddr is known by, the pair (returned space,
 * *key): p's address space and uaddr for private memory; for a MAP_SHARED
 * page its object and the offset in it, so that processes mapping it
 * (at any address) wait and wake on one futex, as Linux's shared futexes
 * do. For user/futex.c. */
struct pagestore *user_futex_key(struct user_process *p, uint64_t uaddr,
                                 uint64_t *key);
extern const struct cpu_mem_ops user_cpu_mem_ops;

/* elf.c */
/* Load a program: ET_EXEC where it says, ET_DYN at USER_DYN_BASE when it
 * names an interpreter (image->interp), at USER_PIE_BASE when it does
 * not (static-pie). */
bool user_elf_load(struct pagestore *mem, const char *path,
                   struct user_image *image, GError **error);
/* Load an interpreter (ld-linux) at the top of the mmap area. */
bool user_elf_load_interp(struct pagestore *mem, const char *path,
                          struct user_image *image, GError **error);
/* Load the program at path and, if it names one, its interpreter (found
 * through the guest root); fills p->image, p->interp_base, p->start_pc.
 * Errors name the program. */
bool user_exec_load(struct user_process *p, const char *path,
                    GError **error);

/* path.c: guest paths to host paths (see there). Results are g_free'd. */
char *user_path_under_root(const char *root, const char *path);
bool user_path_is_self_exe(int64_t pid, const char *path);
char *user_path_resolve(const struct user_process *p, const char *path);

/* stack.c: build the initial stack; returns the initial sp and fills
 * p->auxv. */
bool user_stack_build(struct user_process *p, char *const *argv,
                      char *const *envp, uint64_t *sp, GError **error);

/* random.c: the guest's randomness (AT_RANDOM, getrandom). */
void user_random_init(struct user_process *p);
void user_random_fill(struct user_process *p, void *buf, size_t len);
/* Pointer authentication (random.c): prctl's PR_PAC_* key bits. */
#define USER_PAC_APIAKEY 1u
#define USER_PAC_APIBKEY 2u
#define USER_PAC_APDAKEY 4u
#define USER_PAC_APDBKEY 8u
#define USER_PAC_APGAKEY 16u
#define USER_PAC_ALL_KEYS 31u
/* New random keys (USER_PAC_* bits) in cpu, and PAC enabled: at exec with
 * all keys, and for PR_PAC_RESET_KEYS. */
void user_pauth_reset_keys(struct user_process *p, struct cpu_state *cpu,
                           unsigned keys);

/* fdtable.c */
void user_fd_init(struct user_process *p);
void user_fd_close_all(struct user_process *p);
int user_fd_host(const struct user_process *p, int64_t gfd); /* or -EBADF */
/* Install host fd at the lowest free guest fd >= min; on failure closes
 * host and returns -EMFILE. */
int user_fd_install(struct user_process *p, int host, bool cloexec,
                    int64_t min);
int user_fd_close(struct user_process *p, int64_t gfd);
/* Install host fd at guest fd gfd exactly, which must be free; else close
 * host and return -EBADF. */
int user_fd_install_at(struct user_process *p, int host, bool cloexec,
                       int64_t gfd);

/* signal.c, sigframe.c, syscall-signal.c: see user/sigstate.h. */

/* syscall.c */
void user_syscall(struct user_process *p);
void user_syscall_run(struct user_process *p, bool saved);
/* Stop execution after this syscall with ev. */
void user_process_stop(struct user_process *p, const struct user_event *ev);
/* exit_group: every thread of p ends; the process ends with status. */
void user_process_exit(struct user_process *p, int status);
/* A fatal signal: every thread of p ends, the process is killed by sig. */
void user_process_kill(struct user_process *p, int sig);
void user_mm_unref(struct user_mm *mm);
/* A new process of k (no threads yet), with the next pid. */
struct user_process *user_proc_alloc(struct user_kernel *k);

#endif
