/* Guest program for non-stop debugging (backstep.threads/non-stop.exp):
 * a spinner thread that counts as long as it runs, and a stopper thread
 * that passes a checkpoint three times, then lets the spinner go home.
 * The debugger stops one thread at a breakpoint while the other keeps
 * counting, and watches the count move (or not). */
#include <pthread.h>
#include <stdio.h>

static volatile int go_home;
volatile unsigned long spins;       /* the spinner's count */
volatile int checkpoints_passed;

static void *spinner(void *arg)
{
    (void)arg;
    while (!go_home)
        spins++;                    /* marker: spin */
    return NULL;
}

/* A place for a breakpoint in the stopper. */
__attribute__((noinline)) void checkpoint(int n)
{
    checkpoints_passed = n;         /* marker: checkpoint */
}

static void *stopper(void *arg)
{
    (void)arg;
    for (int n = 1; n <= 3; n++) {
        checkpoint(n);
        /* Let the spinner count a while between checkpoints. */
        for (volatile int i = 0; i < 10000; i++)
            ;
    }
    go_home = 1;
    return NULL;
}

int main(void)
{
    pthread_t spin_thread, stop_thread;

    pthread_create(&spin_thread, NULL, spinner, NULL);
    pthread_create(&stop_thread, NULL, stopper, NULL);
    pthread_join(stop_thread, NULL);
    pthread_join(spin_thread, NULL);
    printf("nonstop: %d checkpoints, spinner went home\n",
           checkpoints_passed);
    return 0;
}
