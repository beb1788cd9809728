/* setjmp/longjmp: out of deep recursion, repeatedly, nested buffers, with
 * callee-saved integer and FP registers live across the jump, and
 * sigsetjmp/siglongjmp restoring the signal mask. */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>

#include "prog.h"

static jmp_buf outer, inner;
static volatile int depth_reached;

static void dive(int depth, int limit)
{
    volatile char pad[64];
    pad[depth % 64] = (char)depth;
    depth_reached = depth + pad[depth % 64] - depth;
    if (depth == limit)
        longjmp(inner, depth);
    if (depth < 100000)        /* always: keeps the recursion finite to the compiler */
        dive(depth + 1, limit);
}

static int try_dive(int limit)
{
    int r = setjmp(inner);
    if (r)
        return r;
    dive(0, limit);
    return -1;
}

static double fp_across(double seed)
{
    volatile double keep = seed * 3.0;
    double a = seed + 1.5, b = seed * 0.25;
    if (setjmp(outer) == 0) {
        a = PROG_OPAQUE_FP(a) * 2;
        longjmp(outer, 1);
    }
    return keep + b;
}

static sigjmp_buf sig_env;

static void on_usr1(int sig)
{
    siglongjmp(sig_env, sig);
}

int main(void)
{
    for (int limit = 0; limit < 2000; limit += 333)
        printf("dive %d -> %d (reached %d)\n", limit, try_dive(limit), depth_reached);

    volatile int count = 0;
    int r = setjmp(outer);
    count++;
    if (count < 5)
        longjmp(outer, count * 10);
    printf("repeated setjmp: last value %d, count %d\n", r, count);
    printf("fp across longjmp %.17g\n", fp_across(PROG_OPAQUE_FP(2.0)));

    signal(SIGUSR1, on_usr1);
    int sig = sigsetjmp(sig_env, 1);
    if (sig == 0) {
        raise(SIGUSR1);
        printf("not reached\n");
    }
    sigset_t now;
    sigprocmask(SIG_BLOCK, NULL, &now);
    printf("siglongjmp from handler: %d, SIGUSR1 blocked after: %d\n", sig,
           sigismember(&now, SIGUSR1));
    return 0;
}
