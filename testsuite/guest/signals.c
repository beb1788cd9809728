/* Signal delivery, compared line by line with qemu-aarch64: run it with
 * one mode as argv[1] (the unit test test-user-signal runs every mode).
 * Handlers write with write(2) only; what they print is all the test
 * compares, with the exit status or the terminating signal. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    if (write(1, buf, (size_t)n) != n)
        _exit(99);
}

static void install(int sig, void (*fn)(int, siginfo_t *, void *), int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = fn;
    sa.sa_flags = SA_SIGINFO | flags;
    sigemptyset(&sa.sa_mask);
    if (sigaction(sig, &sa, NULL) != 0)
        _exit(98);
}

/* --- siginfo: who sent it and how ----------------------------------- */

static void info_handler(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    say("sig %d signo %d code %d from-self %d value %d\n", sig, si->si_signo,
        si->si_code, si->si_pid == getpid(),
        si->si_code == SI_QUEUE ? si->si_value.sival_int : -1);
}

static int mode_siginfo(void)
{
    install(SIGUSR1, info_handler, 0);
    kill(getpid(), SIGUSR1);     /* SI_USER */
    raise(SIGUSR1);              /* tgkill: SI_TKILL */
    union sigval v = { .sival_int = 42 };
    sigqueue(getpid(), SIGUSR1, v);   /* SI_QUEUE */
    say("done\n");
    return 0;
}

/* --- SIGSEGV: si_code, si_addr, longjmp out, fix up and retry -------- */

static sigjmp_buf segv_jump;
static char *fix_page;

static void segv_longjmp(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    say("segv sig %d code %d addr %#lx\n", sig, si->si_code,
        (unsigned long)si->si_addr);
    siglongjmp(segv_jump, 1);
}

static void segv_fixup(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    say("fixup sig %d code %d at-page %d\n", sig, si->si_code,
        (char *)si->si_addr == fix_page + 8);
    mprotect(fix_page, 4096, PROT_READ | PROT_WRITE);
}

static int mode_segv(void)
{
    install(SIGSEGV, segv_longjmp, 0);
    volatile int *bad = (int *)0x1230;
    if (sigsetjmp(segv_jump, 1) == 0) {
        *bad = 1;
        say("not reached\n");
    }
    /* The mask saved by sigsetjmp came back: SIGSEGV is not blocked. */
    sigset_t now;
    sigprocmask(SIG_BLOCK, NULL, &now);
    say("after longjmp: segv blocked %d\n", sigismember(&now, SIGSEGV));

    fix_page = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    install(SIGSEGV, segv_fixup, 0);
    volatile char *p = fix_page + 8;
    *p = 'x';                    /* faults once, the handler fixes it */
    say("retried store reads %c\n", fix_page[8]);
    return 0;
}

/* --- SIGILL, SIGTRAP: the handler moves pc past the instruction ------ */

static void skip_insn(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    say("sig %d code %d addr-is-pc %d\n", sig, si->si_code,
        (unsigned long)si->si_addr == uc->uc_mcontext.pc);
    uc->uc_mcontext.pc += 4;
    uc->uc_mcontext.regs[0] = 1234;   /* seen after the return */
}

static int mode_traps(void)
{
    install(SIGILL, skip_insn, 0);
    install(SIGTRAP, skip_insn, 0);
    long x0;
    __asm__ volatile("mov x0, #0\n\tudf #0\n\tmov %0, x0" : "=r"(x0) : : "x0");
    say("after udf x0 %ld\n", x0);
    __asm__ volatile("mov x0, #0\n\tbrk #3\n\tmov %0, x0" : "=r"(x0) : : "x0");
    say("after brk x0 %ld\n", x0);
    /* AArch64 integer division by zero is 0, no SIGFPE. */
    volatile int zero = 0;
    say("7 / 0 = %d\n", 7 / zero);
    return 0;
}

/* --- SIGBUS: an unaligned exclusive load ----------------------------- */

static void bus_handler(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    say("bus sig %d code %d\n", sig, si->si_code);
    uc->uc_mcontext.pc += 4;
}

static int mode_bus(void)
{
    static uint64_t words[2];
    install(SIGBUS, bus_handler, 0);
    char *odd = (char *)words + 1;
    uint64_t v;
    __asm__ volatile("ldxr %0, [%1]" : "=r"(v) : "r"(odd) : "memory");
    say("after ldxr\n");
    return 0;
}

/* --- the alternate stack --------------------------------------------- */

static char *alt_base;
#define ALT_SIZE 65536

static void alt_handler(int sig, siginfo_t *si, void *uc)
{
    (void)si;
    (void)uc;
    char local;
    stack_t now;
    sigaltstack(NULL, &now);
    say("sig %d on altstack %d ss_flags %d\n", sig,
        &local > alt_base && &local < alt_base + ALT_SIZE,
        now.ss_flags);
}

static int mode_altstack(void)
{
    alt_base = malloc(ALT_SIZE);
    stack_t ss = { .ss_sp = alt_base, .ss_size = ALT_SIZE, .ss_flags = 0 };
    if (sigaltstack(&ss, NULL) != 0)
        return 1;
    install(SIGUSR1, alt_handler, SA_ONSTACK);
    install(SIGUSR2, alt_handler, 0);
    raise(SIGUSR1);
    raise(SIGUSR2);
    stack_t after;
    sigaltstack(NULL, &after);
    say("after: flags %d size %ld\n", after.ss_flags, (long)after.ss_size);
    return 0;
}

/* --- masks, pending signals and their order ---------------------------- */

static void order_handler(int sig, siginfo_t *si, void *uc)
{
    (void)si;
    (void)uc;
    sigset_t now;
    sigprocmask(SIG_BLOCK, NULL, &now);
    say("handler %d: self blocked %d, usr2 blocked %d\n", sig,
        sigismember(&now, sig), sigismember(&now, SIGUSR2));
}

static int mode_mask(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = order_handler;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    sigaddset(&sa.sa_mask, SIGUSR2);     /* sa_mask */
    sigaction(SIGUSR1, &sa, NULL);
    install(SIGUSR2, order_handler, SA_NODEFER);
    install(SIGHUP, order_handler, 0);

    sigset_t block, pending;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigaddset(&block, SIGUSR2);
    sigaddset(&block, SIGHUP);
    sigprocmask(SIG_BLOCK, &block, NULL);
    raise(SIGUSR2);
    raise(SIGHUP);
    raise(SIGUSR1);
    raise(SIGUSR1);              /* one instance only */
    sigpending(&pending);
    say("pending hup %d usr1 %d usr2 %d int %d\n", sigismember(&pending, SIGHUP),
        sigismember(&pending, SIGUSR1), sigismember(&pending, SIGUSR2),
        sigismember(&pending, SIGINT));
    say("unblocking\n");
    sigprocmask(SIG_UNBLOCK, &block, NULL);
    say("unblocked\n");
    return 0;
}

/* --- SA_RESETHAND: the second one kills ------------------------------ */

static void once_handler(int sig, siginfo_t *si, void *uc)
{
    (void)si;
    (void)uc;
    say("once %d\n", sig);
}

static int mode_resethand(void)
{
    install(SIGUSR2, once_handler, SA_RESETHAND);
    raise(SIGUSR2);
    struct sigaction now;
    sigaction(SIGUSR2, NULL, &now);
    say("handler is default %d\n", now.sa_handler == SIG_DFL);
    raise(SIGUSR2);
    say("not reached\n");
    return 0;
}

/* --- abort() through a handler that returns --------------------------- */

static void abrt_handler(int sig, siginfo_t *si, void *uc)
{
    (void)si;
    (void)uc;
    say("abort handler %d\n", sig);
}

static int mode_abort(void)
{
    install(SIGABRT, abrt_handler, 0);
    abort();
}

/* --- many signals; FP/SIMD and flags survive each handler ------------- */

static volatile int caught;

static void count_handler(int sig, siginfo_t *si, void *uc)
{
    (void)sig;
    (void)si;
    (void)uc;
    /* Clobber FP/SIMD registers and flags; the frame restores them. */
    __asm__ volatile("movi v0.2d, #0xff\n\tmovi v8.2d, #0xff\n\t"
                     "fmov d16, #1.0\n\tmov x9, #0\n\tcmp x9, #1"
                     : : : "v0", "v8", "v16", "x9", "cc");
    caught++;
}

static int mode_loop(void)
{
    install(SIGUSR1, count_handler, 0);
    double acc = 0.5;
    for (int i = 0; i < 2000; i++) {
        acc = acc * 1.0001 + 0.25;
        raise(SIGUSR1);
    }
    say("caught %d acc %.6f\n", caught, acc);
    return 0;
}

/* --- waiting: sigsuspend, sigwaitinfo, sigtimedwait ------------------- */

static int mode_wait(void)
{
    install(SIGUSR1, info_handler, 0);
    sigset_t block, empty, now;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigaddset(&block, SIGUSR2);
    sigemptyset(&empty);
    sigprocmask(SIG_BLOCK, &block, NULL);

    raise(SIGUSR1);
    int r = sigsuspend(&empty);
    sigprocmask(SIG_BLOCK, NULL, &now);
    say("sigsuspend %d eintr %d, usr1 still blocked %d\n", r,
        r == -1 ? 1 : 0, sigismember(&now, SIGUSR1));

    kill(getpid(), SIGUSR2);
    siginfo_t si;
    int got = sigwaitinfo(&block, &si);
    say("sigwaitinfo %d code %d\n", got, si.si_code);
    struct timespec zero = { 0, 0 };
    got = sigtimedwait(&block, &si, &zero);
    say("sigtimedwait %d\n", got);
    return 0;
}

int main(int argc, char **argv)
{
    static const struct {
        const char *name;
        int (*run)(void);
    } modes[] = {
        { "siginfo", mode_siginfo }, { "segv", mode_segv },
        { "traps", mode_traps }, { "bus", mode_bus },
        { "altstack", mode_altstack }, { "mask", mode_mask },
        { "resethand", mode_resethand }, { "abort", mode_abort },
        { "loop", mode_loop }, { "wait", mode_wait },
    };
    if (argc < 2)
        return 2;
    for (size_t i = 0; i < sizeof(modes) / sizeof(modes[0]); i++)
        if (strcmp(argv[1], modes[i].name) == 0)
            return modes[i].run();
    return 2;
}
