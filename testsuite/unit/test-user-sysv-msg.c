/* Unit tests of System V message queues (user/sysv-msg.c) through the
 * system-call dispatcher: the queues and their messages across a snapshot
 * (what was received, sent or made after it is undone at its restore),
 * msqid64_ds's layout with msg_lspid and msg_lrpid (which qemu-aarch64
 * gets wrong, so the programs suite cannot compare them), and the
 * permission and owner checks of sysv-ipc-common.c for a caller that is
 * not root. */
#include "config.h"

#include <errno.h>
#include <glib.h>
#include <string.h>

#include "syscall-harness.h"
#include "user/snapshot.h"
#include "user/sysv-ipc.h"
#include "user/user-internal.h"

enum { IPC_CREAT_ = 01000, IPC_NOWAIT_ = 04000, IPC_RMID_ = 0, IPC_SET_ = 1,
       IPC_STAT_ = 2, MSG_STAT_ = 11 };

/* Offsets in struct msqid64_ds (arm64). */
enum { DS_MODE = 20, DS_CBYTES = 72, DS_QNUM = 80, DS_QBYTES = 88,
       DS_LSPID = 96, DS_LRPID = 100, DS_SIZE = 120 };

static void send_msg(struct user_process *p, uint64_t buf, int64_t id,
                     int64_t type, const char *text)
{
    put64(p, buf, (uint64_t)type);
    guest_put(p, buf + 8, text, strlen(text));
    g_assert_cmpint(SYS(p, msgsnd, id, buf, strlen(text), IPC_NOWAIT_), ==, 0);
}

/* Receive the first message (msgtyp 0) and check its type and text. */
static void expect_msg(struct user_process *p, uint64_t buf, int64_t id,
                       int64_t type, const char *text)
{
    char got[64] = { 0 };
    g_assert_cmpint(SYS(p, msgrcv, id, buf, sizeof(got) - 1, 0, IPC_NOWAIT_),
                    ==, strlen(text));
    g_assert_cmpint((int64_t)get64(p, buf), ==, type);
    guest_get(p, buf + 8, got, strlen(text));
    g_assert_cmpstr(got, ==, text);
}

static uint64_t stat_field(struct user_process *p, uint64_t buf, int64_t id,
                           unsigned offset, unsigned size)
{
    g_assert_cmpint(SYS(p, msgctl, id, IPC_STAT_, buf), ==, 0);
    return size == 8 ? get64(p, buf + offset) : get32(p, buf + offset);
}

static void test_snapshot_restores_queues(void)
{
    struct user_process *p = tiny_process_new(NULL);
    struct user_kernel *k = p->kernel;
    uint64_t buf = guest_alloc(p, 4096);

    int64_t id = SYS(p, msgget, 0, IPC_CREAT_ | 0600);
    g_assert_cmpint(id, >=, 0);
    send_msg(p, buf, id, 1, "one");
    send_msg(p, buf, id, 2, "two");
    struct user_sysv_msg_snapshot *snap = user_sysv_msg_snapshot_take(k);
    g_assert_nonnull(snap);

    /* Changes after the snapshot. */
    expect_msg(p, buf, id, 1, "one");
    send_msg(p, buf, id, 3, "three");
    int64_t later = SYS(p, msgget, 0, IPC_CREAT_ | 0600);
    g_assert_cmpint(later, >=, 0);
    g_assert_cmpint(later, !=, id);

    user_sysv_msg_snapshot_restore(k, snap);
    g_assert_cmpuint(stat_field(p, buf, id, DS_QNUM, 8), ==, 2);
    g_assert_cmpuint(stat_field(p, buf, id, DS_CBYTES, 8), ==, 6);
    g_assert_cmpint(SYS(p, msgctl, later, IPC_STAT_, buf), ==, -EINVAL);
    /* A snapshot is not used up by a restore. */
    expect_msg(p, buf, id, 1, "one");
    user_sysv_msg_snapshot_restore(k, snap);
    expect_msg(p, buf, id, 1, "one");
    expect_msg(p, buf, id, 2, "two");
    g_assert_cmpint(SYS(p, msgrcv, id, buf, 10, 0, IPC_NOWAIT_), ==, -ENOMSG);

    /* A snapshot of no table empties it. */
    user_sysv_msg_snapshot_restore(k, NULL);
    g_assert_null(user_sysv_msg_snapshot_take(k));
    g_assert_cmpint(SYS(p, msgctl, id, IPC_STAT_, buf), ==, -EINVAL);
    user_sysv_msg_snapshot_free(snap);
    user_process_free(p);
}

static void test_stat_layout(void)
{
    struct user_process *p = tiny_process_new(NULL);
    uint64_t buf = guest_alloc(p, 4096);
    int64_t id = SYS(p, msgget, 0, IPC_CREAT_ | 0640);
    g_assert_cmpuint(stat_field(p, buf, id, DS_QBYTES, 8), ==, 16384);
    g_assert_cmpuint(stat_field(p, buf, id, DS_MODE, 4), ==, 0640);
    g_assert_cmpuint(stat_field(p, buf, id, DS_LSPID, 4), ==, 0);
    g_assert_cmpuint(stat_field(p, buf, id, DS_LRPID, 4), ==, 0);
    send_msg(p, buf, id, 7, "seven");
    g_assert_cmpuint(stat_field(p, buf, id, DS_LSPID, 4), ==, p->pid);
    g_assert_cmpuint(stat_field(p, buf, id, DS_LRPID, 4), ==, 0);
    expect_msg(p, buf, id, 7, "seven");
    g_assert_cmpuint(stat_field(p, buf, id, DS_LRPID, 4), ==, p->pid);
    /* The bytes after msg_lrpid are unused and zero. */
    g_assert_cmpuint(get64(p, buf + DS_SIZE - 16), ==, 0);
    g_assert_cmpuint(get64(p, buf + DS_SIZE - 8), ==, 0);
    /* MSG_STAT takes the index and gives the id. */
    g_assert_cmpint(SYS(p, msgctl, id % 32768, MSG_STAT_, buf), ==, id);
    user_process_free(p);
}

static void test_not_owner(void)
{
    struct user_process *p = tiny_process_new(NULL);
    uint64_t buf = guest_alloc(p, 4096);
    uint32_t uid = p->uid, gid = p->gid;
    int64_t id = SYS(p, msgget, 4321, IPC_CREAT_ | 0604);
    g_assert_cmpint(id, >=, 0);
    g_assert_cmpint(SYS(p, msgctl, id, IPC_STAT_, buf), ==, 0);

    /* Another user, in another group: only the others' r-- applies. */
    p->uid = uid + 1;
    p->gid = gid + 1;
    g_assert_cmpint(SYS(p, msgget, 4321, 0400), ==, id);
    g_assert_cmpint(SYS(p, msgget, 4321, 0200), ==, -EACCES);
    put64(p, buf, 1);
    g_assert_cmpint(SYS(p, msgsnd, id, buf, 1, IPC_NOWAIT_), ==, -EACCES);
    g_assert_cmpint(SYS(p, msgrcv, id, buf, 1, 0, IPC_NOWAIT_), ==, -ENOMSG);
    g_assert_cmpint(SYS(p, msgctl, id, IPC_SET_, buf), ==, -EPERM);
    g_assert_cmpint(SYS(p, msgctl, id, IPC_RMID_, 0), ==, -EPERM);

    /* The owner may not raise msg_qbytes past msgmnb unless root. */
    p->uid = uid ? uid : 1000;
    p->gid = gid;
    int64_t id2 = SYS(p, msgget, 0, IPC_CREAT_ | 0600);
    g_assert_cmpint(SYS(p, msgctl, id2, IPC_STAT_, buf), ==, 0);
    put64(p, buf + DS_QBYTES, 16385);
    g_assert_cmpint(SYS(p, msgctl, id2, IPC_SET_, buf), ==, -EPERM);
    put64(p, buf + DS_QBYTES, 100);
    g_assert_cmpint(SYS(p, msgctl, id2, IPC_SET_, buf), ==, 0);
    g_assert_cmpuint(stat_field(p, buf, id2, DS_QBYTES, 8), ==, 100);
    g_assert_cmpint(SYS(p, msgctl, id2, IPC_RMID_, 0), ==, 0);
    user_process_free(p);
}

/* The same through a whole snapshot of the set (user/snapshot.c), with
 * a shm segment made after it: the segment goes, the queue comes back
 * with its messages (the two tables share a per-kernel home). */
static void test_set_snapshot(void)
{
    struct user_process *p = tiny_process_new(NULL);
    uint64_t buf = guest_alloc(p, 4096);
    int64_t id = SYS(p, msgget, 0, IPC_CREAT_ | 0600);
    send_msg(p, buf, id, 4, "four");
    const char *why = NULL;
    struct user_snapshot *snap =
        user_snapshot_take(p, NULL, USER_SNAPSHOT_PRESENT, &why);
    g_assert_nonnull(snap);

    expect_msg(p, buf, id, 4, "four");
    int64_t shm = SYS(p, shmget, 0, 4096, IPC_CREAT_ | 0600);
    g_assert_cmpint(shm, >=, 0);
    g_assert_cmpint(SYS(p, msgctl, id, IPC_RMID_, 0), ==, 0);

    g_assert_true(user_snapshot_restore(p, snap));
    g_assert_cmpint(SYS(p, shmctl, shm, IPC_STAT_, buf), ==, -EINVAL);
    expect_msg(p, buf, id, 4, "four");
    user_snapshot_free(snap);
    user_process_free(p);
}

/* Root may lift msg_qbytes without bound; the host's memory is still
 * bounded: ENOMEM past 256 MiB queued, and room again after a receive. */
static void test_all_queues_bounded(void)
{
    struct user_process *p = tiny_process_new(NULL);
    p->uid = 0;
    uint64_t buf = guest_alloc(p, 16384);
    int64_t id = SYS(p, msgget, 0, IPC_CREAT_ | 0600);
    g_assert_cmpint(SYS(p, msgctl, id, IPC_STAT_, buf), ==, 0);
    put64(p, buf + DS_QBYTES, 1ull << 40);
    g_assert_cmpint(SYS(p, msgctl, id, IPC_SET_, buf), ==, 0);
    put64(p, buf, 1);
    int64_t r;
    uint64_t sent = 0;
    while ((r = SYS(p, msgsnd, id, buf, 8192, IPC_NOWAIT_)) == 0)
        sent++;
    g_assert_cmpint(r, ==, -ENOMEM);
    g_assert_cmpuint(sent, ==, (256u << 20) / (8192 + 64));
    g_assert_cmpint(SYS(p, msgrcv, id, buf, 8192, 0, 0), ==, 8192);
    g_assert_cmpint(SYS(p, msgsnd, id, buf, 8192, IPC_NOWAIT_), ==, 0);
    /* Removing the queue gives all of it back. */
    g_assert_cmpint(SYS(p, msgctl, id, IPC_RMID_, 0), ==, 0);
    id = SYS(p, msgget, 0, IPC_CREAT_ | 0600);
    g_assert_cmpint(SYS(p, msgsnd, id, buf, 8192, IPC_NOWAIT_), ==, 0);
    user_process_free(p);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/user/sysv-msg/snapshot", test_snapshot_restores_queues);
    g_test_add_func("/user/sysv-msg/stat-layout", test_stat_layout);
    g_test_add_func("/user/sysv-msg/set-snapshot", test_set_snapshot);
    g_test_add_func("/user/sysv-msg/not-owner", test_not_owner);
    g_test_add_func("/user/sysv-msg/bounded", test_all_queues_bounded);
    return g_test_run();
}
