/* Unit tests of System V IPC state across snapshots (user/sysv-ipc.h):
 * segments and semaphore sets made through the system-call handlers on a
 * process, saved, changed (a segment written after its detach, removed,
 * another made; a value set), and restored: ids, sizes, contents and
 * values come back, and what was made after the snapshot is gone. Also
 * the attach count, which follows the address space. */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "user/syscall.h"
#include "user/sysv-ipc.h"
#include "syscall-harness.h"

enum { IPC_CREAT_ = 01000, IPC_RMID_ = 0, IPC_STAT_ = 2, GETVAL_ = 12,
       SETVAL_ = 16 };

static uint64_t nattch(struct user_process *p, int64_t id)
{
    uint8_t ds[112];
    uint64_t buf = p->brk_start;   /* a page of the guest to copy into */
    user_sys_brk(p, (uint64_t[6]){ buf + 4096 });
    g_assert_cmpint(user_sys_shmctl(p, (uint64_t[6]){ id, IPC_STAT_, buf }),
                    ==, 0);
    g_assert_cmpint(user_copy_in(p, ds, buf, sizeof(ds)), ==, 0);
    uint64_t n;
    memcpy(&n, ds + 88, 8);
    uint64_t size;
    memcpy(&size, ds + 48, 8);
    g_assert_cmpuint(size, ==, 5000);
    return n;
}

/* Attach id, write byte at its start, detach. The byte there before. */
static uint8_t swap_first_byte(struct user_process *p, int64_t id, uint8_t byte)
{
    int64_t addr = user_sys_shmat(p, (uint64_t[6]){ id, 0, 0 });
    g_assert_cmpint(addr, >, 0);
    g_assert_cmpuint(nattch(p, id), ==, 1);
    uint8_t old;
    g_assert_cmpint(user_copy_in(p, &old, addr, 1), ==, 0);
    g_assert_cmpint(user_copy_out(p, addr, &byte, 1), ==, 0);
    g_assert_cmpint(user_sys_shmdt(p, (uint64_t[6]){ addr }), ==, 0);
    g_assert_cmpuint(nattch(p, id), ==, 0);
    return old;
}

static void test_snapshot_restores_tables(void)
{
    struct user_process *p = tiny_process_new(NULL);
    struct user_kernel *k = p->kernel;

    int64_t shm = user_sys_shmget(p, (uint64_t[6]){ 0, 5000, IPC_CREAT_ | 0600 });
    g_assert_cmpint(shm, >=, 0);
    g_assert_cmpuint(swap_first_byte(p, shm, 'A'), ==, 0);
    int64_t sem = user_sys_semget(p, (uint64_t[6]){ 0, 2, IPC_CREAT_ | 0600 });
    g_assert_cmpint(sem, >=, 0);
    g_assert_cmpint(user_sys_semctl(p, (uint64_t[6]){ sem, 1, SETVAL_, 3 }),
                    ==, 0);

    struct user_sysv_shm_snapshot *shm_snap = user_sysv_shm_snapshot_take(k);
    struct user_sysv_sem_snapshot *sem_snap = user_sysv_sem_snapshot_take(k);

    /* Changes after the snapshot. */
    g_assert_cmpuint(swap_first_byte(p, shm, 'B'), ==, 'A');
    g_assert_cmpint(user_sys_shmctl(p, (uint64_t[6]){ shm, IPC_RMID_, 0 }),
                    ==, 0);
    g_assert_cmpint(user_sys_shmat(p, (uint64_t[6]){ shm, 0, 0 }), ==,
                    -EINVAL);   /* freed: nothing attached it */
    int64_t later = user_sys_shmget(p, (uint64_t[6]){ 0, 5000,
                                                      IPC_CREAT_ | 0600 });
    g_assert_cmpint(later, >=, 0);
    g_assert_cmpint(user_sys_semctl(p, (uint64_t[6]){ sem, 1, SETVAL_, 7 }),
                    ==, 0);
    g_assert_cmpint(user_sys_semctl(p, (uint64_t[6]){ sem, 1, GETVAL_ }),
                    ==, 7);

    user_sysv_shm_snapshot_restore(k, shm_snap);
    user_sysv_sem_snapshot_restore(k, sem_snap);
    g_assert_cmpuint(swap_first_byte(p, shm, 'C'), ==, 'A');
    g_assert_cmpint(user_sys_shmat(p, (uint64_t[6]){ later, 0, 0 }), ==,
                    -EINVAL);
    g_assert_cmpint(user_sys_semctl(p, (uint64_t[6]){ sem, 1, GETVAL_ }),
                    ==, 3);

    /* A snapshot restores again, contents included. */
    user_sysv_shm_snapshot_restore(k, shm_snap);
    g_assert_cmpuint(swap_first_byte(p, shm, 'D'), ==, 'A');

    /* A snapshot of no table empties it. */
    user_sysv_shm_snapshot_restore(k, NULL);
    g_assert_cmpint(user_sys_shmat(p, (uint64_t[6]){ shm, 0, 0 }), ==,
                    -EINVAL);

    user_sysv_shm_snapshot_free(shm_snap);
    user_sysv_sem_snapshot_free(sem_snap);
    user_process_free(p);
}

static void test_shmget_errors(void)
{
    struct user_process *p = tiny_process_new(NULL);
    g_assert_cmpint(user_sys_shmget(p, (uint64_t[6]){ 0, 0, IPC_CREAT_ | 0600 }),
                    ==, -EINVAL);
    g_assert_cmpint(user_sys_shmget(p, (uint64_t[6]){ 1234, 4096, 0600 }), ==,
                    -ENOENT);
    int64_t id = user_sys_shmget(p, (uint64_t[6]){ 1234, 4096,
                                                   IPC_CREAT_ | 0600 });
    g_assert_cmpint(id, >=, 0);
    g_assert_cmpint(user_sys_shmget(p, (uint64_t[6]){ 1234, 100, 0600 }), ==,
                    id);
    g_assert_cmpint(user_sys_shmget(p, (uint64_t[6]){ 1234, 8192, 0600 }), ==,
                    -EINVAL);
    g_assert_cmpint(user_sys_shmget(p, (uint64_t[6]){ 1234, 4096,
                                                      IPC_CREAT_ | 02000 | 0600 }),
                    ==, -EEXIST);
    user_process_free(p);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/user/sysv-ipc/snapshot", test_snapshot_restores_tables);
    g_test_add_func("/user/sysv-ipc/shmget-errors", test_shmget_errors);
    return g_test_run();
}
