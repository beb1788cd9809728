/* A guest program for gdb-signals.exp: SIGUSR1 to a handler three times
 * (the suite continues into it, steps into it, then suppresses it),
 * SIGUSR2 passed without a stop, a signal queued by the debugger, and a
 * SIGSEGV whose handler longjmps out. The exit code counts the handler
 * runs: 1 + 1 + 0 + 10 + 1 = 13.
 *
 * The suite finds lines by the "marker:" comments, never by number. */
#include <setjmp.h>
#include <signal.h>
#include <string.h>

volatile int hits;
int *volatile bad_pointer = (int *)0x10;
static sigjmp_buf segv_jump;

void handler(int sig)
{
    hits += sig == SIGUSR1 ? 1 : 100;   /* marker: handler-body */
}

void handler2(int sig)
{
    hits += sig == SIGUSR2 ? 10 : 1000;
}

void segv_handler(int sig, siginfo_t *si, void *uc)
{
    (void)sig;
    (void)si;
    (void)uc;
    siglongjmp(segv_jump, 1);
}

int fault(void)
{
    return *bad_pointer;                /* marker: fault */
}

void before_fault(void)
{
    hits = hits + 0;                    /* marker: before-fault */
}

int main(void)
{
    struct sigaction sa;

    signal(SIGUSR1, handler);
    signal(SIGUSR2, handler2);
    raise(SIGUSR1);                     /* marker: first-raise */
    raise(SIGUSR1);                     /* marker: second-raise */
    raise(SIGUSR1);                     /* marker: third-raise */
    raise(SIGUSR2);                     /* marker: passed-raise */
    before_fault();

    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = segv_handler;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);
    if (sigsetjmp(segv_jump, 1) == 0)
        fault();
    return hits;                        /* marker: exit */
}
