/* SCM_CREDENTIALS between two processes over a socketpair: the child
 * sends with and without credentials, the parent (SO_PASSCRED) receives
 * the child's pid and ids either way; SO_PEERCRED names the pair's
 * creator; credentials naming another process are refused for an
 * unprivileged sender and accepted for a privileged one; SO_PASSCRED
 * reads back. Prints only facts that hold in every run (comparisons with
 * getpid()/getuid(), never the numbers). */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

static int failures;

static void check(int ok, const char *what)
{
    printf("%s: %s\n", what, ok ? "ok" : "FAILED");
    if (!ok)
        failures++;
}

union cred_control {
    char buf[CMSG_SPACE(sizeof(struct ucred))];
    struct cmsghdr align;
};

/* One byte on fd, with credentials c when c is not NULL. */
static ssize_t send_byte(int fd, char byte, const struct ucred *c)
{
    struct iovec iov = { &byte, 1 };
    union cred_control u;
    struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1 };
    if (c) {
        memset(&u, 0, sizeof(u));
        m.msg_control = u.buf;
        m.msg_controllen = sizeof(u.buf);
        struct cmsghdr *h = CMSG_FIRSTHDR(&m);
        h->cmsg_level = SOL_SOCKET;
        h->cmsg_type = SCM_CREDENTIALS;
        h->cmsg_len = CMSG_LEN(sizeof(*c));
        memcpy(CMSG_DATA(h), c, sizeof(*c));
    }
    return sendmsg(fd, &m, 0);
}

/* One byte from fd and the credentials that came with it (-1 pid when
 * none did). */
static ssize_t recv_byte(int fd, char *byte, struct ucred *c)
{
    struct iovec iov = { byte, 1 };
    union cred_control u;
    memset(&u, 0, sizeof(u));
    struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1,
                        .msg_control = u.buf,
                        .msg_controllen = sizeof(u.buf) };
    ssize_t r = recvmsg(fd, &m, 0);
    c->pid = -1;
    for (struct cmsghdr *h = CMSG_FIRSTHDR(&m); r >= 0 && h;
         h = CMSG_NXTHDR(&m, h))
        if (h->cmsg_level == SOL_SOCKET && h->cmsg_type == SCM_CREDENTIALS)
            memcpy(c, CMSG_DATA(h), sizeof(*c));
    return r;
}

static int child(int fd)
{
    struct ucred own = { getpid(), getuid(), getgid() };
    if (send_byte(fd, 'A', &own) != 1)
        return 1;
    if (send_byte(fd, 'B', NULL) != 1)
        return 2;
    /* The parent's pid: another process's. */
    struct ucred other = { getppid(), getuid(), getgid() };
    ssize_t r = send_byte(fd, 'C', &other);
    if (getuid() == 0 ? r != 1 : !(r == -1 && errno == EPERM))
        return 3;
    struct ucred no_id = { getpid(), (uid_t)-1, getgid() };
    r = send_byte(fd, 'D', &no_id);
    if (!(r == -1 && errno == EINVAL))
        return 4;
    return 0;
}

int main(void)
{
    int sv[2];
    check(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0, "socketpair");
    int one = 1, got = 0;
    socklen_t len = sizeof(got);
    check(setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &one, sizeof(one)) == 0,
          "SO_PASSCRED set");
    check(getsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &got, &len) == 0
          && got == 1 && len == sizeof(got), "SO_PASSCRED reads back");
    struct ucred peer;
    len = sizeof(peer);
    check(getsockopt(sv[0], SOL_SOCKET, SO_PEERCRED, &peer, &len) == 0
          && len == sizeof(peer) && peer.pid == getpid()
          && peer.uid == getuid() && peer.gid == getgid(),
          "SO_PEERCRED names the creator");

    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0)
        _exit(child(sv[0]));
    char byte = 0;
    struct ucred c;
    check(recv_byte(sv[1], &byte, &c) == 1 && byte == 'A',
          "first byte");
    check(c.pid == pid && c.uid == getuid() && c.gid == getgid(),
          "sent credentials are the child's");
    check(recv_byte(sv[1], &byte, &c) == 1 && byte == 'B', "second byte");
    check(c.pid == pid && c.uid == getuid() && c.gid == getgid(),
          "credentials supplied for a send without them");
    if (getuid() == 0) {
        check(recv_byte(sv[1], &byte, &c) == 1 && byte == 'C', "third byte");
        check(c.pid == getpid(), "privileged sender names another pid");
    } else {
        printf("third byte: ok\n");
        printf("privileged sender names another pid: ok\n");
    }
    int status = 0;
    check(waitpid(pid, &status, 0) == pid && WIFEXITED(status)
          && WEXITSTATUS(status) == 0, "child's checks");
    printf("%s\n", failures ? "FAILED" : "all ok");
    return failures != 0;
}
