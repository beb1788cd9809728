/* System V message queues: msgget's key rules, msgsnd's and msgrcv's
 * errors (EINVAL, EFAULT, EAGAIN, ENOMSG, E2BIG), msgrcv's choice of
 * message by msgtyp (0, > 0, < 0, MSG_EXCEPT, MSG_COPY), MSG_NOERROR,
 * IPC_STAT's counters and pids (as comparisons with getpid and the child's
 * pid, never the numbers) and IPC_SET; a parent and a forked child
 * exchanging messages both ways with blocking calls, a sender blocked on
 * a full queue, and waiters ended by IPC_RMID (EIDRM) and by a signal
 * whose handler has SA_RESTART (EINTR: Linux never restarts these).
 *
 * Nothing printed depends on the run or on the host (ids, keys and the
 * host-wide limits of IPC_INFO are never printed), so the output compares
 * with qemu-aarch64's, which uses the host's queues. The one key used is
 * made from the host pid under qemu, so concurrent runs do not meet. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef MSG_COPY
#define MSG_COPY 040000
#endif

struct msg {
    long type;
    char text[8192];
};

static struct msg out, in;

static void expect_err(const char *what, long r)
{
    printf("%s: %s\n", what, r == -1 ? strerrorname_np(errno) : "ok");
}

/* msg_lrpid is not printed: qemu-aarch64 (7.2) declares msg_lspid and
 * msg_lrpid 8 bytes wide in its target msqid_ds, so the guest always sees
 * msg_lrpid 0 there (test-user-sysv-msg checks backstep's). */
static void stat_line(const char *when, int id, pid_t other)
{
    struct msqid_ds ds;
    if (msgctl(id, IPC_STAT, &ds) < 0) {
        printf("%s: IPC_STAT %s\n", when, strerrorname_np(errno));
        return;
    }
    const char *lspid = ds.msg_lspid == 0 ? "0"
                        : ds.msg_lspid == getpid() ? "self"
                        : ds.msg_lspid == other ? "child" : "other";
    printf("%s: qnum %lu cbytes %lu qbytes %lu mode %o lspid %s"
           " uid-self %d\n", when, (unsigned long)ds.msg_qnum,
           (unsigned long)ds.__msg_cbytes, (unsigned long)ds.msg_qbytes,
           ds.msg_perm.mode & 0777, lspid,
           ds.msg_perm.uid == getuid() && ds.msg_perm.cuid == getuid());
}

static int send_text(int id, long type, const char *text, int flg)
{
    out.type = type;
    size_t n = strlen(text);
    memcpy(out.text, text, n);
    return msgsnd(id, &out, n, flg);
}

/* Receive and print what came: its type and text. */
static void recv_line(const char *what, int id, size_t size, long type,
                      int flg)
{
    memset(&in, 0, sizeof(in));
    ssize_t n = msgrcv(id, &in, size, type, flg);
    if (n < 0)
        printf("%s: %s\n", what, strerrorname_np(errno));
    else
        printf("%s: type %ld len %zd \"%.*s\"\n", what, in.type, n, (int)n,
               in.text);
}

static void keys(void)
{
    key_t key = 0x6d000000 | (getpid() & 0xffffff);
    expect_err("msgget unknown key", msgget(key, 0600));
    int id = msgget(key, IPC_CREAT | IPC_EXCL | 0600);
    expect_err("msgget IPC_CREAT|IPC_EXCL", id);
    expect_err("msgget again IPC_EXCL", msgget(key, IPC_CREAT | IPC_EXCL));
    printf("msgget same key same id: %d\n", msgget(key, 0) == id);
    printf("msgget IPC_CREAT same id: %d\n", msgget(key, IPC_CREAT) == id);
    int priv = msgget(IPC_PRIVATE, 0600);
    printf("IPC_PRIVATE new id: %d\n", priv >= 0 && priv != id);
    expect_err("IPC_RMID", msgctl(id, IPC_RMID, NULL));
    expect_err("msgget removed key", msgget(key, 0));
    expect_err("IPC_RMID again", msgctl(id, IPC_RMID, NULL));
    expect_err("IPC_RMID private", msgctl(priv, IPC_RMID, NULL));
}

static void errors(int id)
{
    expect_err("msgsnd type 0", send_text(id, 0, "x", IPC_NOWAIT));
    expect_err("msgsnd type -1", send_text(id, -1, "x", IPC_NOWAIT));
    out.type = 1;
    expect_err("msgsnd size 8193", msgsnd(id, &out, 8193, IPC_NOWAIT));
    expect_err("msgsnd bad id", send_text(0x7fff0000, 1, "x", IPC_NOWAIT));
    expect_err("msgsnd id -1", send_text(-1, 1, "x", IPC_NOWAIT));
    expect_err("msgsnd bad buffer", msgsnd(id, (void *)8, 4, IPC_NOWAIT));
    expect_err("msgrcv bad id", msgrcv(0x7fff0000, &in, 10, 0, IPC_NOWAIT));
    expect_err("msgrcv empty", msgrcv(id, &in, 10, 0, IPC_NOWAIT));
    expect_err("msgrcv MSG_COPY waiting", msgrcv(id, &in, 10, 0, MSG_COPY));
    expect_err("msgrcv MSG_COPY|MSG_EXCEPT",
               msgrcv(id, &in, 10, 0, MSG_COPY | MSG_EXCEPT | IPC_NOWAIT));
    struct msqid_ds ds;
    expect_err("IPC_STAT bad id", msgctl(0x7fff0000, IPC_STAT, &ds));
    expect_err("IPC_STAT bad buffer", msgctl(id, IPC_STAT, (void *)8));
    expect_err("msgctl bad cmd", msgctl(id, 99, &ds));
}

static void selection(int id)
{
    static const struct { long type; const char *text; } sent[] = {
        { 3, "c1" }, { 1, "a1" }, { 2, "b1" }, { 3, "c2" }, { 1, "a2" },
        { 4, "d1" }, { 2, "b2" },
    };
    for (size_t i = 0; i < sizeof(sent) / sizeof(sent[0]); i++)
        send_text(id, sent[i].type, sent[i].text, IPC_NOWAIT);
    stat_line("after 7 sends", id, 0);
    recv_line("msgtyp 7 nowait", id, 100, 7, IPC_NOWAIT);
    recv_line("MSG_COPY 3", id, 100, 3, MSG_COPY | IPC_NOWAIT);
    recv_line("MSG_COPY 9", id, 100, 9, MSG_COPY | IPC_NOWAIT);
    recv_line("msgtyp 0", id, 100, 0, 0);
    recv_line("msgtyp 2", id, 100, 2, 0);
    recv_line("msgtyp -3", id, 100, -3, 0);
    recv_line("msgtyp -3 again", id, 100, -3, 0);
    recv_line("MSG_EXCEPT 3", id, 100, 3, MSG_EXCEPT);
    recv_line("msgtyp -1 nowait", id, 100, -1, IPC_NOWAIT);
    recv_line("msgtyp LONG_MIN", id, 100, -0x7fffffffffffffffL - 1, 0);
    recv_line("msgtyp 0 last", id, 100, 0, 0);
    stat_line("after receiving all", id, 0);

    /* Too long for the buffer: E2BIG leaves it, MSG_NOERROR cuts it. */
    send_text(id, 5, "0123456789abcdefghij", 0);
    recv_line("bufsz 10", id, 10, 0, IPC_NOWAIT);
    stat_line("after E2BIG", id, 0);
    recv_line("MSG_COPY bufsz 10 MSG_NOERROR", id, 10, 0,
              MSG_COPY | IPC_NOWAIT | MSG_NOERROR);
    recv_line("bufsz 10 MSG_NOERROR", id, 10, 0, MSG_NOERROR);
    send_text(id, 6, "", 0);
    recv_line("empty message", id, 0, 6, 0);
    stat_line("emptied", id, 0);
}

static void limits(int id)
{
    out.type = 9;
    memset(out.text, 'z', sizeof(out.text));
    expect_err("msgsnd 8192", msgsnd(id, &out, 8192, IPC_NOWAIT));
    expect_err("msgsnd 8192 again", msgsnd(id, &out, 8192, IPC_NOWAIT));
    expect_err("msgsnd full", msgsnd(id, &out, 1, IPC_NOWAIT));
    stat_line("full", id, 0);
    ssize_t n = msgrcv(id, &in, sizeof(in.text), 9, 0);
    printf("received %zd all z: %d\n", n,
           n == 8192 && memchr(in.text, 'y', 8192) == NULL
               && in.text[0] == 'z' && in.text[8191] == 'z');
    msgrcv(id, &in, sizeof(in.text), 9, 0);

    struct msqid_ds ds;
    msgctl(id, IPC_STAT, &ds);
    ds.msg_qbytes = 40;
    ds.msg_perm.mode = 0640;
    expect_err("IPC_SET", msgctl(id, IPC_SET, &ds));
    stat_line("after IPC_SET", id, 0);
    expect_err("msgsnd 41 bytes", msgsnd(id, &out, 41, IPC_NOWAIT));
    expect_err("msgsnd 40 bytes", msgsnd(id, &out, 40, IPC_NOWAIT));
    expect_err("msgsnd 0 bytes over", msgsnd(id, &out, 0, IPC_NOWAIT));
    msgrcv(id, &in, sizeof(in.text), 0, 0);
    /* Empty messages count against the limit too (40 of them). */
    int sent = 0;
    while (msgsnd(id, &out, 0, IPC_NOWAIT) == 0 && sent < 100)
        sent++;
    printf("empty messages that fit: %d (%s)\n", sent,
           strerrorname_np(errno));
    while (msgrcv(id, &in, 0, 0, IPC_NOWAIT) == 0)
        ;
    ds.msg_qbytes = 16384;
    ds.msg_perm.mode = 0600;
    msgctl(id, IPC_SET, &ds);
}

/* Parent and child each wait for the other's message, 50 rounds: the
 * child answers each type-1 message with a type-2 one of its checksum. */
static void ping_pong(int id)
{
    pid_t pid = fork();
    if (pid == 0) {
        for (int round = 0; round < 50; round++) {
            ssize_t n = msgrcv(id, &in, sizeof(in.text), 1, 0);
            if (n < 0)
                _exit(10);
            unsigned sum = 0;
            for (ssize_t i = 0; i < n; i++)
                sum = sum * 31 + (unsigned char)in.text[i];
            out.type = 2;
            int len = snprintf(out.text, sizeof(out.text), "%zd:%08x", n,
                               sum);
            if (msgsnd(id, &out, len, 0) < 0)
                _exit(11);
        }
        _exit(0);
    }
    unsigned all = 0;
    for (int round = 0; round < 50; round++) {
        out.type = 1;
        size_t n = (size_t)round * 97 % 3000;
        for (size_t i = 0; i < n; i++)
            out.text[i] = (char)(i * 7 + round);
        if (msgsnd(id, &out, n, 0) < 0) {
            printf("ping-pong msgsnd %s\n", strerrorname_np(errno));
            break;
        }
        ssize_t r = msgrcv(id, &in, sizeof(in.text), 2, 0);
        if (r < 0) {
            printf("ping-pong msgrcv %s\n", strerrorname_np(errno));
            break;
        }
        for (ssize_t i = 0; i < r; i++)
            all = all * 131 + (unsigned char)in.text[i];
        if (round == 49)
            printf("last answer \"%.*s\"\n", (int)r, in.text);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("ping-pong: checksum %08x child exit %d\n", all,
           WEXITSTATUS(status));
    stat_line("after ping-pong", id, pid);
}

/* The child sends 20 messages of 30 bytes into a queue that holds 100
 * bytes, blocking when it is full; the parent reads them in order. */
static void blocked_sender(int id)
{
    struct msqid_ds ds;
    msgctl(id, IPC_STAT, &ds);
    ds.msg_qbytes = 100;
    msgctl(id, IPC_SET, &ds);
    pid_t pid = fork();
    if (pid == 0) {
        for (int i = 0; i < 20; i++) {
            out.type = 1 + i % 3;
            memset(out.text, 'a' + i, 30);
            if (msgsnd(id, &out, 30, 0) < 0)
                _exit(10);
        }
        _exit(0);
    }
    int in_order = 1;
    for (int i = 0; i < 20; i++) {
        ssize_t n = msgrcv(id, &in, sizeof(in.text), 0, 0);
        if (n != 30 || in.type != 1 + i % 3 || in.text[0] != 'a' + i)
            in_order = 0;
    }
    int status;
    waitpid(pid, &status, 0);
    printf("blocked sender: in order %d child exit %d\n", in_order,
           WEXITSTATUS(status));
    stat_line("after blocked sender", id, pid);
    ds.msg_qbytes = 16384;
    msgctl(id, IPC_SET, &ds);
}

static void on_usr1(int sig)
{
    (void)sig;
}

/* A child parks in msgrcv (or msgsnd on a full queue, when send), then
 * the parent removes the queue or signals the child: the child's exit
 * status is the errno its call ended with. */
static void ended_wait(const char *what, int send, int by_signal)
{
    int id = msgget(IPC_PRIVATE, 0600);
    int ready = msgget(IPC_PRIVATE, 0600);
    if (send) {
        out.type = 1;
        msgsnd(id, &out, 8192, 0);
        msgsnd(id, &out, 8192, 0);
    }
    pid_t pid = fork();
    if (pid == 0) {
        struct sigaction sa = { .sa_handler = on_usr1,
                                .sa_flags = SA_RESTART };
        sigaction(SIGUSR1, &sa, NULL);
        send_text(ready, 1, "ready", 0);
        long r = send ? msgsnd(id, &out, 100, 0)
                      : msgrcv(id, &in, 100, 0, 0);
        _exit(r < 0 ? errno : 0);
    }
    msgrcv(ready, &in, 100, 0, 0);
    /* Time for the child to park in its call. */
    struct timespec ts = { 0, 200 * 1000 * 1000 };
    nanosleep(&ts, NULL);
    if (by_signal)
        kill(pid, SIGUSR1);
    else
        msgctl(id, IPC_RMID, NULL);
    int status;
    waitpid(pid, &status, 0);
    printf("%s: child's call %s\n", what,
           WEXITSTATUS(status) ? strerrorname_np(WEXITSTATUS(status))
                               : "ok");
    if (by_signal)
        msgctl(id, IPC_RMID, NULL);
    msgctl(ready, IPC_RMID, NULL);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    keys();
    int id = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
    if (id < 0) {
        printf("msgget %s\n", strerrorname_np(errno));
        return 1;
    }
    stat_line("created", id, 0);
    errors(id);
    selection(id);
    limits(id);
    ping_pong(id);
    blocked_sender(id);

    struct msqid_ds ds;
    int idx = id & 0x7fff;
    printf("MSG_STAT gives the id: %d\n", msgctl(idx, MSG_STAT, &ds) == id);
    expect_err("IPC_RMID", msgctl(id, IPC_RMID, NULL));
    expect_err("IPC_STAT removed", msgctl(id, IPC_STAT, &ds));
    expect_err("msgsnd removed", send_text(id, 1, "x", IPC_NOWAIT));

    ended_wait("receiver, IPC_RMID", 0, 0);
    ended_wait("sender, IPC_RMID", 1, 0);
    ended_wait("receiver, SIGUSR1 with SA_RESTART", 0, 1);
    ended_wait("sender, SIGUSR1 with SA_RESTART", 1, 1);
    return 0;
}
