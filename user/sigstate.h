/* Signal state of the Linux personality, kept in two structs so that they
 * can move when user/ grows threads and processes: the dispositions are
 * per process (Linux's sighand_struct), the mask, pending set and
 * alternate stack are per thread. Included by user-internal.h; not for
 * server/. */
#ifndef BACKSTEP_USER_SIGSTATE_H
#define BACKSTEP_USER_SIGSTATE_H

#include <stdbool.h>
#include <stdint.h>

struct user_process;
struct user_thread;
struct user_event;

#define USER_NSIG 64

/* The kernel's struct sigaction for rt_sigaction on arm64 (32 bytes). */
struct user_sigaction {
    uint64_t handler;        /* 0 SIG_DFL, 1 SIG_IGN, else an address */
    uint64_t flags;
    uint64_t restorer;
    uint64_t mask;
};
#define USER_SIG_DFL 0
#define USER_SIG_IGN 1

/* sa_flags (asm-generic/signal.h, arm64 uses these). */
#define USER_SA_SIGINFO 0x00000004u
#define USER_SA_ONSTACK 0x08000000u
#define USER_SA_RESTART 0x10000000u
#define USER_SA_NODEFER 0x40000000u
#define USER_SA_RESETHAND 0x80000000u
#define USER_SA_RESTORER 0x04000000u

/* Linux's siginfo_t as an arm64 guest sees it: 128 bytes, the union of
 * per-kind fields at offset 16 (it holds pointers). */
struct user_siginfo {
    int32_t signo;
    int32_t err;             /* si_errno */
    int32_t code;
    int32_t pad;
    union {
        struct { int32_t pid; uint32_t uid; } kill;           /* SI_USER */
        struct { int32_t pid; uint32_t uid; uint64_t value; } rt;
        struct { uint64_t addr; } fault;                      /* SEGV... */
        uint8_t bytes[112];
    } f;
};
_Static_assert(sizeof(struct user_siginfo) == 128, "siginfo is 128 bytes");

/* si_code values (asm-generic/siginfo.h). */
#define USER_SI_USER 0
#define USER_SI_KERNEL 0x80
#define USER_SI_QUEUE (-1)
#define USER_SI_TKILL (-6)
#define USER_SEGV_MAPERR 1
#define USER_SEGV_ACCERR 2
#define USER_BUS_ADRALN 1
#define USER_ILL_ILLOPC 1
#define USER_TRAP_BRKPT 1

/* One generated signal: its siginfo, and for a CPU fault the syndrome
 * that goes into the frame's esr_context (0: not a fault). */
struct user_signal {
    struct user_siginfo info;
    uint64_t esr;
    uint64_t fault_address;  /* sigcontext.fault_address */
};

/* stack_t on arm64 (sigaltstack, uc_stack): ss_sp, ss_flags (an int,
 * padded), ss_size. */
struct user_stack {
    uint64_t sp;
    int32_t flags;
    uint32_t pad;
    uint64_t size;
};
#define USER_SS_ONSTACK 1
#define USER_SS_DISABLE 2
#define USER_SS_AUTODISARM (1u << 31)
#define USER_MINSIGSTKSZ 5120

/* Per process (shared by its threads): what each signal does. */
struct user_sighand {
    struct user_sigaction action[USER_NSIG + 1];
    /* Our stand-in for the vDSO's __kernel_rt_sigreturn, used when a
     * handler has no SA_RESTORER (glibc on arm64 sets none): a page
     * holding `mov x8, #139; svc #0`, mapped on first use. 0: not yet. */
    uint64_t sigreturn_tramp;
};

/* Per thread: what is blocked and pending (tgkill, faults; kill() queues
 * on the process, struct user_process's shared_pending), the alternate
 * stack, and the signal stopped for the debugger. Only one instance of
 * each signal is queued, real-time ones included. */
struct user_sigthread {
    uint64_t blocked;        /* bit sig-1 */
    uint64_t pending;        /* bit sig-1 */
    struct user_signal queued[USER_NSIG];   /* [sig-1], valid if pending */
    uint64_t altstack_sp, altstack_size;
    uint32_t altstack_flags; /* SS_AUTODISARM, or SS_DISABLE */

    /* rt_sigsuspend: the mask to put back once the handler is set up (it
     * goes into the frame) or, with no handler, on the way out; and the
     * syscall's x0, to restart it when the debugger drops the signal. */
    bool restore_mask;
    uint64_t saved_mask;
    uint64_t suspend_x0, suspend_pc;

    /* The signal of the last USER_EVENT_SIGNAL stop, dequeued and waiting
     * for the debugger's decision (user_process_set_signal). */
    bool has_stopped;
    struct user_signal stopped;
    int deliver;             /* the decision: the signal to deliver, or 0 */
};

/* signal.c */
void user_signal_init(struct user_process *p);
/* A signal sent by the process to itself (kill, tgkill, raise, SIGPIPE):
 * SI_USER from this process. Discarded if ignored, queued otherwise;
 * if deliverable now, the current syscall ends in a USER_EVENT_SIGNAL
 * stop. */
void user_signal_send(struct user_process *p, int sig);
/* The same with a siginfo of the caller's (code, pid, value...). */
void user_signal_send_info(struct user_process *p, const struct user_signal *s);
/* To one thread (tgkill), or to a process (kill: any thread that does not
 * block it takes it). A thread that takes it stops waiting (EINTR). */
void user_signal_send_thread(struct user_thread *t, const struct user_signal *s);
void user_signal_send_process(struct user_process *p,
                              const struct user_signal *s);
/* A synchronous signal of a CPU fault: forced (unblocked, and reset to
 * the default action if blocked or ignored, as Linux's force_sig does),
 * with si_code, si_addr and the syndrome taken from the CPU's exit. */
void user_signal_cpu_fault(struct user_process *p, int sig, uint64_t addr);
/* A forced signal of the kernel's own (a bad signal frame, a stack that
 * cannot hold one): si_code code, si_addr addr. */
void user_signal_force(struct user_process *p, int sig, int code,
                       uint64_t addr);
/* If an unblocked signal is pending, dequeue it and record a
 * USER_EVENT_SIGNAL stop for it (user_process_stop). */
void user_signal_check_pending(struct user_process *p);
/* At the start of user_process_run: act on the debugger's decision about
 * the stopped signal. True if the run must end at once with ev: the
 * process was killed, another signal stops, or (max_insns == 1, a single
 * step) a handler was entered, which Linux reports as a step that stops
 * at the handler's first instruction. */
bool user_signal_resume(struct user_process *p, uint64_t max_insns,
                        struct user_event *ev);
/* user_process_set_signal(): the decision about the stopped signal. */
void user_signal_set_deliver(struct user_process *p, int sig);
/* The siginfo of the signal of the last USER_EVENT_SIGNAL stop; false if
 * the process is not stopped at one. */
bool user_signal_stopped_info(const struct user_process *p,
                              struct user_siginfo *info);
/* A wait for a signal that nothing can ever send (one thread, none
 * pending): say so on stderr and end the process with SIGKILL. */
void user_signal_deadlock(struct user_process *p, const char *syscall);
bool user_signal_default_ignored(int sig);
/* Bit of sig in a mask. */
static inline uint64_t user_sigbit(int sig)
{
    return 1ull << (sig - 1);
}

/* sigframe.c: the rt_sigframe, built and read back as Linux arm64 does. */
/* Build the frame for s on the current thread's stack (or the alternate
 * one), saving mask as uc_sigmask, and point the CPU at the handler.
 * 0, or -EFAULT if the stack cannot hold it (nothing changed). */
int user_sigframe_setup(struct user_process *p, const struct user_sigaction *act,
                        const struct user_signal *s, uint64_t mask);
/* rt_sigreturn: restore registers, flags, FP/SIMD state, the mask and the
 * alternate stack from the frame at sp. 0, or -EFAULT/-EINVAL for a frame
 * that cannot be read or does not make sense (nothing changed). */
int user_sigframe_restore(struct user_process *p);
/* Linux's on_sig_stack(): sp is on the alternate stack (never, with
 * SS_AUTODISARM). */
bool user_sigaltstack_on(const struct user_process *p, uint64_t sp);
/* The stack_t that sigaltstack and uc_stack report, sp being the
 * thread's stack pointer. */
struct user_stack user_sigaltstack_get(const struct user_process *p,
                                       uint64_t sp);
/* sigaltstack's change: 0, -EPERM (on it now), -EINVAL or -ENOMEM. */
int user_sigaltstack_set(struct user_process *p, const struct user_stack *ss,
                         uint64_t sp);


#endif
