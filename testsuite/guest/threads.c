/* Guest program: glibc threads. Workers share a mutex-protected counter,
 * hand work through a condition variable, keep thread-local counters,
 * name themselves, and one gets a pthread_kill; the main thread joins
 * them all. Its output is compared with qemu-aarch64's, and the gdb
 * suite (backstep.threads) debugs it. */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>

#define WORKERS 4
#define ROUNDS 1000

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t ready = PTHREAD_COND_INITIALIZER;
static long counter;
static int turn = -1;            /* whose turn it is in the relay; -1:
                                    main has not started it */
static long tls_seen[WORKERS];
static int tid_differs[WORKERS];
static __thread long tls_count;  /* per thread: TPIDR_EL0 */
static volatile sig_atomic_t got_usr1;
static pthread_t usr1_thread;

static void on_usr1(int sig)
{
    (void)sig;
    got_usr1 = 1;
    usr1_thread = pthread_self();
}

/* A place for a breakpoint in every worker. */
__attribute__((noinline)) void worker_step(int id, int round)
{
    (void)id;
    (void)round;
    tls_count++;
    counter++;
}

static void *worker(void *arg)
{
    int id = (int)(long)arg;
    char name[16];
    snprintf(name, sizeof(name), "worker-%d", id);
    pthread_setname_np(pthread_self(), name);

    for (int r = 0; r < ROUNDS; r++) {
        pthread_mutex_lock(&lock);
        worker_step(id, r);
        pthread_mutex_unlock(&lock);
    }
    /* The relay: each worker waits for its turn, in id order. */
    pthread_mutex_lock(&lock);
    while (turn != id)
        pthread_cond_wait(&ready, &lock);
    tls_seen[id] = tls_count;
    tid_differs[id] = (int)syscall(SYS_gettid) != getpid();
    turn++;
    pthread_cond_broadcast(&ready);
    pthread_mutex_unlock(&lock);
    return (void *)(long)(id * 10);
}

int main(void)
{
    pthread_t t[WORKERS];
    signal(SIGUSR1, on_usr1);
    for (long i = 0; i < WORKERS; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);

    /* Name a thread from outside it (through /proc/.../comm). */
    pthread_setname_np(t[0], "renamed-0");
    char name[16] = "";
    pthread_getname_np(t[0], name, sizeof(name));
    printf("name of thread 0: %s\n", name);
    /* Worker 1 is alive until the relay starts. */
    pthread_kill(t[1], SIGUSR1);
    pthread_mutex_lock(&lock);
    turn = 0;
    pthread_cond_broadcast(&ready);
    pthread_mutex_unlock(&lock);

    for (int i = 0; i < WORKERS; i++) {
        void *ret;
        pthread_join(t[i], &ret);
        printf("joined %d: %ld, its tls %ld, own tid %d\n", i, (long)ret,
               tls_seen[i], tid_differs[i]);
    }
    printf("counter %ld (expect %d)\n", counter, WORKERS * ROUNDS); /* marker: all-joined */
    printf("usr1 %d in thread 1: %d\n", (int)got_usr1,
           got_usr1 && pthread_equal(usr1_thread, t[1]));
    printf("main tls %ld\n", tls_count);
    return 0;
}
