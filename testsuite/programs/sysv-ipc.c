/* System V shared memory: a parent and a forked child share an
 * IPC_PRIVATE segment and see each other's writes; IPC_STAT's size,
 * attach count, mode and pids (as comparisons with getpid, never the
 * numbers) follow shmat, fork, shmdt, exit and IPC_SET; IPC_RMID with
 * attaches outstanding keeps the memory until the last detach; and the
 * errors of shmget, shmat, shmdt and shmctl are Linux's.
 *
 * Nothing printed depends on the run or on the host (ids, addresses,
 * keys other than IPC_PRIVATE and the host-wide IPC_INFO limits are
 * never printed), so the output compares with qemu-aarch64's, which
 * uses the host's segments.
 *
 * Semaphores: SETVAL/GETVAL/SETALL/GETALL, IPC_STAT's nsems and mode,
 * semop's atomic arrays, IPC_NOWAIT and ERANGE, semtimedop's timeout, a
 * child blocked in semop (seen by GETNCNT) woken by its parent, and
 * EIDRM for a waiter whose set is removed. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

static void stat_line(const char *when, int id)
{
    struct shmid_ds ds;
    if (shmctl(id, IPC_STAT, &ds) < 0) {
        printf("%s: IPC_STAT errno %d\n", when, errno);
        return;
    }
    printf("%s: size %zu nattch %lu mode %o cpid-self %d lpid-self %d"
           " uid-self %d\n", when, (size_t)ds.shm_segsz,
           (unsigned long)ds.shm_nattch, ds.shm_perm.mode & 07777,
           ds.shm_cpid == getpid(), ds.shm_lpid == getpid(),
           ds.shm_perm.uid == getuid() && ds.shm_perm.cuid == getuid());
}

static void expect_err(const char *what, long r)
{
    printf("%s: %s\n", what, r == -1 ? strerrorname_np(errno) : "ok");
}

static void share_with_child(void)
{
    int id = shmget(IPC_PRIVATE, 10000, IPC_CREAT | 0600);
    if (id < 0) {
        printf("shmget errno %d\n", errno);
        return;
    }
    stat_line("created", id);
    char *m = shmat(id, NULL, 0);
    if (m == (void *)-1) {
        printf("shmat errno %d\n", errno);
        return;
    }
    printf("zero-filled: %d\n", m[0] == 0 && m[9999] == 0);
    strcpy(m, "from parent");
    stat_line("attached", id);

    int to_child[2], to_parent[2];
    if (pipe(to_child) < 0 || pipe(to_parent) < 0)
        return;
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        char c;
        printf("child sees: %s\n", m);
        stat_line("child after fork", id);
        strcpy(m + 100, "from child");
        /* A second attach of the same segment, read-only. */
        const char *ro = shmat(id, NULL, SHM_RDONLY);
        printf("child second attach: %s\n",
               ro == (void *)-1 ? "failed" : ro + 100);
        stat_line("child two attaches", id);
        shmdt(ro);
        fflush(stdout);
        if (write(to_parent[1], "x", 1) != 1 || read(to_child[0], &c, 1) != 1)
            _exit(2);
        printf("child sees parent's reply: %s\n", m + 200);
        fflush(stdout);
        _exit(0);
    }
    char c;
    if (read(to_parent[0], &c, 1) != 1)
        return;
    printf("parent sees: %s\n", m + 100);
    stat_line("parent while child attached", id);
    strcpy(m + 200, "reply");
    fflush(stdout);
    if (write(to_child[1], "y", 1) != 1)
        return;
    int status;
    waitpid(pid, &status, 0);
    printf("child exit %d\n", WEXITSTATUS(status));
    stat_line("after child exit", id);

    struct shmid_ds ds;
    shmctl(id, IPC_STAT, &ds);
    ds.shm_perm.mode = 0640;
    expect_err("IPC_SET", shmctl(id, IPC_SET, &ds));
    stat_line("after IPC_SET", id);

    /* Removed while attached: the memory stays until shmdt, the id
     * still answers IPC_STAT with SHM_DEST set. */
    expect_err("IPC_RMID attached", shmctl(id, IPC_RMID, NULL));
    printf("still readable: %s\n", m);
    stat_line("after IPC_RMID", id);
    expect_err("shmdt", shmdt(m));
    expect_err("IPC_STAT after last detach", shmctl(id, IPC_STAT, &ds));
    expect_err("shmdt again", shmdt(m));
}

static void errors(void)
{
    expect_err("shmget size 0", shmget(IPC_PRIVATE, 0, IPC_CREAT | 0600));
    expect_err("shmat bad id", (long)shmat(-1, NULL, 0));
    struct shmid_ds ds;
    expect_err("IPC_STAT bad id", shmctl(0x7fff0000, IPC_STAT, &ds));
    expect_err("shmdt unmapped", shmdt((void *)0x10000));
    expect_err("shmdt unaligned", shmdt((void *)0x10001));

    int id = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
    if (id < 0)
        return;
    expect_err("shmat unaligned", (long)shmat(id, (void *)0x20000001, 0));
    char *fixed = shmat(id, (void *)0x20000123, SHM_RND);
    printf("SHM_RND rounds down: %d\n", fixed == (char *)0x20000000);
    expect_err("shmat over a mapping",
               (long)shmat(id, (void *)0x20000000, 0));
    char *again = shmat(id, (void *)0x20000000, SHM_REMAP);
    printf("SHM_REMAP replaces: %d\n", again == (char *)0x20000000);
    stat_line("remapped", id);
    shmdt(again);
    expect_err("IPC_STAT bad buffer", shmctl(id, IPC_STAT, (void *)8));
    expect_err("shmctl unknown cmd", shmctl(id, 77, &ds));
    expect_err("IPC_RMID", shmctl(id, IPC_RMID, NULL));
    expect_err("shmat after IPC_RMID", (long)shmat(id, NULL, 0));
}

static void rdonly(void)
{
    int id = shmget(IPC_PRIVATE, 8192, IPC_CREAT | 0400);
    if (id < 0)
        return;
    /* EACCES, unless root (which both emulators' hosts agree on). */
    void *rw = shmat(id, NULL, 0);
    expect_err("read-write attach of mode 0400", (long)rw);
    if (rw != (void *)-1)
        shmdt(rw);
    const char *ro = shmat(id, NULL, SHM_RDONLY);
    printf("read-only attach: %s, reads %d\n",
           ro == (void *)-1 ? "failed" : "ok", ro[8191]);
    shmdt(ro);
    shmctl(id, IPC_RMID, NULL);
}

union semun {
    int val;
    struct semid_ds *buf;
    unsigned short *array;
};

static void sem_values(const char *when, int id)
{
    unsigned short v[3] = { 9, 9, 9 };
    union semun u = { .array = v };
    if (semctl(id, 0, GETALL, u) < 0)
        printf("%s: GETALL %s\n", when, strerrorname_np(errno));
    else
        printf("%s: %u %u %u\n", when, v[0], v[1], v[2]);
}

/* Wait until n threads wait on semaphore num (GETNCNT or GETZCNT). */
static int await_waiters(int id, int num, int cmd, int n)
{
    for (int i = 0; i < 2000; i++) {
        if (semctl(id, num, cmd) == n)
            return 1;
        usleep(1000);
    }
    return 0;
}

static void semaphores(void)
{
    int id = semget(IPC_PRIVATE, 3, IPC_CREAT | 0600);
    if (id < 0) {
        printf("semget errno %d\n", errno);
        return;
    }
    sem_values("created", id);
    struct semid_ds ds;
    union semun u = { .buf = &ds };
    semctl(id, 0, IPC_STAT, u);
    printf("IPC_STAT: nsems %lu mode %o\n", (unsigned long)ds.sem_nsems,
           ds.sem_perm.mode & 0777);
    unsigned short init[3] = { 1, 2, 3 };
    u.array = init;
    expect_err("SETALL", semctl(id, 0, SETALL, u));
    sem_values("after SETALL", id);
    u.val = 5;
    expect_err("SETVAL", semctl(id, 1, SETVAL, u));
    printf("GETVAL 1: %d\n", semctl(id, 1, GETVAL));
    printf("GETPID-self: %d\n", semctl(id, 1, GETPID) == getpid());
    u.val = 40000;
    expect_err("SETVAL 40000", semctl(id, 1, SETVAL, u));
    expect_err("GETVAL bad num", semctl(id, 3, GETVAL));

    struct sembuf ok[2] = { { 0, -1, 0 }, { 2, 4, 0 } };
    expect_err("semop two ops", semop(id, ok, 2));
    sem_values("after semop", id);
    /* The second would block: nothing changes. */
    struct sembuf half[2] = { { 2, -1, 0 }, { 0, -1, IPC_NOWAIT } };
    expect_err("semop NOWAIT", semop(id, half, 2));
    sem_values("unchanged", id);
    struct sembuf big = { 2, 32767, 0 };
    expect_err("semop ERANGE", semop(id, &big, 1));
    struct sembuf bad = { 7, 1, 0 };
    expect_err("semop bad num", semop(id, &bad, 1));
    expect_err("semop no ops", semop(id, ok, 0));
    struct timespec ts = { 0, 20000000 };
    struct sembuf wait0 = { 0, -1, 0 };
    expect_err("semtimedop timeout", semtimedop(id, &wait0, 1, &ts));

    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        struct sembuf two[2] = { { 0, -2, 0 }, { 1, 1, 0 } };
        int r = semop(id, two, 2);
        printf("child woken: %s\n", r == 0 ? "ok" : strerrorname_np(errno));
        fflush(stdout);
        /* Then waits on a set its parent removes. */
        r = semop(id, &wait0, 1);
        printf("child second wait: %s\n",
               r == 0 ? "ok" : strerrorname_np(errno));
        fflush(stdout);
        _exit(0);
    }
    printf("child waits (GETNCNT 1): %d\n",
           await_waiters(id, 0, GETNCNT, 1));
    struct sembuf post = { 0, 2, 0 };
    semop(id, &post, 1);
    printf("child's wait ends (GETNCNT 0 later 1): %d\n",
           await_waiters(id, 0, GETNCNT, 1));
    sem_values("after child's semop", id);
    /* Printed after the child's line: its wake races with our print. */
    long rmid = semctl(id, 0, IPC_RMID);
    int status;
    waitpid(pid, &status, 0);
    expect_err("IPC_RMID", rmid);
    printf("child exit %d\n", WEXITSTATUS(status));
    expect_err("GETVAL after IPC_RMID", semctl(id, 0, GETVAL));
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    share_with_child();
    errors();
    rdonly();
    semaphores();
    return 0;
}
