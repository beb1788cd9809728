/* Guest program: thread-local storage. tls_counter has a different value
 * in the main thread and in a second thread, and both threads stop at
 * tls_checkpoint while their values are set, so that gdb's
 * "p tls_counter" (qGetTLSAddr) can be checked in each. tls_wide has a
 * larger alignment, which moves the TLS block off the TCB by more than
 * the 16 bytes of the TCB itself. */
#include <pthread.h>
#include <stdio.h>

__thread int tls_counter = 11;
__thread long tls_wide __attribute__((aligned(64))) = 0x5151;

/* Both threads call it with their values in place (a breakpoint spot). */
__attribute__((noinline)) void tls_checkpoint(const char *who)
{
    __asm__ volatile("" ::: "memory");
    printf("%s: tls_counter=%d tls_wide=%ld\n", who, tls_counter, tls_wide);
}

static void *second_thread(void *arg)
{
    (void)arg;
    tls_counter = 22;
    tls_wide = 0x2222;
    tls_checkpoint("second");
    return NULL;
}

int main(void)
{
    pthread_t t;

    tls_counter = 10;
    tls_checkpoint("main");
    if (pthread_create(&t, NULL, second_thread, NULL) != 0)
        return 1;
    pthread_join(t, NULL);
    /* The second thread's writes did not touch this thread's copy. */
    tls_checkpoint("main again");
    return tls_counter == 10 && tls_wide == 0x5151 ? 0 : 2;
}
