/* MAP_SHARED memory across fork: a parent and its child share an
 * anonymous MAP_SHARED region and a MAP_SHARED file mapping, take turns
 * through pipes, and each sees the other's writes; MAP_PRIVATE pages (an
 * anonymous mapping, a private file mapping, a global) stay each one's
 * own. Also: madvise(MADV_DONTNEED) keeps shared contents, munmap in one
 * process leaves the other's view, a grandchild shares too, and memory
 * shared in the child after the fork is the child's alone. Last, a
 * process-shared semaphore in shared memory: the parent waits in it (a
 * futex) until a later child posts, which must wake it across processes;
 * and a process-shared priority-inheritance mutex (FUTEX_LOCK_PI and
 * UNLOCK_PI), which the parent's unlock hands to the waiting child.
 *
 * Only the mappings are compared, not the file afterwards (backstep
 * writes shared file mappings back at msync, munmap and the end: see
 * user/file-shm.h; testsuite/programs/memfd.c checks the file). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PAGE 4096

static int to_child[2], to_parent[2];
static int global_value = 1;

static void pass(int fd, char c)
{
    fflush(stdout);
    if (write(fd, &c, 1) != 1)
        _exit(90);
}

static char await(int fd)
{
    char c = 0;
    if (read(fd, &c, 1) != 1)
        _exit(91);
    return c;
}

static int make_file(void)
{
    char path[] = "/tmp/shm-fork.XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return -1;
    unlink(path);
    char buf[2 * PAGE];
    memset(buf, 0, sizeof(buf));
    strcpy(buf, "file page zero");
    strcpy(buf + PAGE, "file page one");
    if (write(fd, buf, sizeof(buf)) != (ssize_t)sizeof(buf))
        return -1;
    return fd;
}

int main(void)
{
    int fd = make_file();
    if (fd < 0 || pipe(to_child) || pipe(to_parent)) {
        printf("setup failed\n");
        return 1;
    }
    volatile int *shared = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE,
                                MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    volatile int *private = mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
                                 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    char *file = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED,
                      fd, 0);
    char *file_priv = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE,
                           fd, 0);
    if (shared == MAP_FAILED || private == MAP_FAILED || file == MAP_FAILED
        || file_priv == MAP_FAILED) {
        printf("mmap failed\n");
        return 1;
    }
    shared[0] = 100;           /* before the fork: both see it */
    shared[PAGE / 4] = 200;    /* second page */
    private[0] = 5;
    printf("file reads: '%s' '%s'\n", file, file + PAGE);
    fflush(stdout);

    pid_t pid = fork();
    if (pid < 0) {
        printf("fork failed\n");
        return 1;
    }
    if (pid == 0) {
        await(to_child[0]);
        printf("child: shared %d %d (parent wrote 101 after the fork)\n",
               shared[0], shared[PAGE / 4]);
        printf("child: private %d global %d\n", private[0], global_value);
        printf("child: file '%s'\n", file);
        shared[1] = 7;
        shared[PAGE / 4] = 201;
        private[0] = 6;
        global_value = 2;
        strcpy(file + PAGE, "child wrote page one");
        strcpy(file_priv, "child's private copy");
        pass(to_parent[1], 'a');

        await(to_child[0]);
        printf("child: after madvise %d, second write %d\n", shared[0],
               shared[2]);
        /* A grandchild shares the same memory. */
        pid_t g = fork();
        if (g == 0) {
            shared[3] = 33;
            _exit(0);
        }
        int st;
        waitpid(g, &st, 0);
        printf("child: grandchild wrote %d\n", shared[3]);
        /* Shared memory made now is the child's alone. */
        volatile int *late = mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
                                  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
        late[0] = 44;
        munmap((void *)shared, 2 * PAGE);
        pass(to_parent[1], 'b');
        return 3;
    }

    shared[0] = 101;
    pass(to_child[1], 'x');
    await(to_parent[0]);
    printf("parent: shared %d %d %d\n", shared[0], shared[1],
           shared[PAGE / 4]);
    printf("parent: private %d global %d\n", private[0], global_value);
    printf("parent: file '%s' / '%s'\n", file, file + PAGE);
    printf("parent: private file '%s'\n", file_priv);

    /* MADV_DONTNEED on shared memory keeps its contents. */
    if (madvise((void *)shared, PAGE, MADV_DONTNEED) != 0)
        printf("madvise failed\n");
    shared[2] = 22;
    pass(to_child[1], 'y');
    await(to_parent[0]);
    int st = 0;
    waitpid(pid, &st, 0);
    printf("parent: child exited %d\n", WIFEXITED(st) ? WEXITSTATUS(st) : -1);
    /* The child unmapped its view and is gone: ours stays. */
    printf("parent: after the child's munmap %d %d %d %d\n", shared[0],
           shared[1], shared[2], shared[3]);
    shared[0] = 102;
    printf("parent: still writable %d\n", shared[0]);

    /* A futex word in MAP_SHARED memory is one futex for both processes:
     * the child's sem_post wakes the parent parked in sem_wait. */
    sem_t *sem = mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
                      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (sem == MAP_FAILED || sem_init(sem, 1, 0) != 0)
        return 3;
    int *posted = (int *)(sem + 1);
    pid = fork();
    if (pid == 0) {
        struct timespec later = { 0, 20 * 1000 * 1000 };
        nanosleep(&later, NULL);
        *posted = 7;
        sem_post(sem);
        _exit(0);
    }
    sem_wait(sem);
    printf("parent: woken by the child's sem_post, posted %d\n", *posted);
    waitpid(pid, &st, 0);

    /* A PI mutex held by the parent: the child blocks in FUTEX_LOCK_PI
     * until the parent's unlock hands the lock over. */
    pthread_mutex_t *mutex = (pthread_mutex_t *)(posted + 1);
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_setpshared(&attr, PTHREAD_PROCESS_SHARED);
    pthread_mutexattr_setprotocol(&attr, PTHREAD_PRIO_INHERIT);
    if (pthread_mutex_init(mutex, &attr) != 0
        || pthread_mutex_lock(mutex) != 0)
        return 4;
    *posted = 0;
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        int r = pthread_mutex_lock(mutex);
        printf("child: PI lock %d, parent had set %d\n", r, *posted);
        fflush(stdout);
        pthread_mutex_unlock(mutex);
        _exit(r);
    }
    struct timespec later = { 0, 20 * 1000 * 1000 };
    nanosleep(&later, NULL);
    *posted = 9;
    pthread_mutex_unlock(mutex);
    waitpid(pid, &st, 0);
    printf("parent: PI child exited %d, lock again %d\n",
           WIFEXITED(st) ? WEXITSTATUS(st) : -1, pthread_mutex_trylock(mutex));
    return 0;
}
