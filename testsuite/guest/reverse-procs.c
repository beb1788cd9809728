/* Guest program for time travel across processes and threads
 * (testsuite/unit/test-timeline.c, backstep.reverse/reverse-procs.exp): the main process starts a thread and
 * forks two children; each computes in its own copy of `work`, the
 * children exit with a code from it, and the parent reaps them (wait4
 * blocks inside the emulator only: nothing here waits on the host, so
 * every moment can be snapshotted). */
#include <pthread.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile long work;

static void compute(long seed, int rounds)
{
    for (int i = 0; i < rounds; i++)
        work = work * 31 + seed + i;
}

static void *helper(void *arg)
{
    compute((long)arg, 20000);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pid_t kids[2];
    int status, sum = 0;

    pthread_create(&t, NULL, helper, (void *)7L);
    for (int k = 0; k < 2; k++) {
        kids[k] = fork();
        if (kids[k] == 0) {
            compute(100 + k, 30000 + 10000 * k);
            _exit((int)(work & 0x3f));
        }
    }
    compute(1, 10000); /* marker: parent-compute */
    pthread_join(t, NULL);
    for (int k = 0; k < 2; k++) {
        waitpid(kids[k], &status, 0);
        sum += WEXITSTATUS(status);
    }
    printf("children %d work %ld\n", sum, work); /* marker: reaped */
    return 0;
}
