/* Unit tests of user/syscall-net.c through the dispatcher: argument
 * checks and errno values as Linux's, EFAULT for bad guest pointers
 * without losing data or leaking descriptors, SCM_RIGHTS, SCM_CREDENTIALS
 * (Linux's checks, guest pids per sender, SO_PASSCRED, SO_PEERCRED),
 * blocking calls that park their thread, AF_UNIX pathnames through the guest root, and
 * the system-call door: a recorded recv replays its bytes without
 * touching the host, and a replayed accept or SCM_RIGHTS receive keeps the
 * fd numbering and the received credentials. */
#define _GNU_SOURCE
#include "config.h"

#include "user/user-internal.h"
#include "syscall-harness.h"

#include "cpu/cpu.h"
#include "hw/pagestore.h"
#include "server/event-log.h"
#include "server/syscall-door.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <poll.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define L_AF_UNIX 1
#define L_AF_INET 2
#define L_SOCK_STREAM 1
#define L_SOCK_DGRAM 2
#define L_SOCK_NONBLOCK 04000
#define L_SOCK_CLOEXEC 02000000
#define L_SOL_SOCKET 1
#define L_SO_RCVTIMEO 20
#define L_SO_ATTACH_FILTER 26
#define L_SCM_RIGHTS 1
#define L_SCM_CREDENTIALS 2
#define L_MSG_DONTWAIT 0x40
#define L_MSG_CMSG_CLOEXEC 0x40000000

static char *tmpdir;

/* A socketpair's guest fds. */
static void pair(struct user_process *p, uint64_t scratch, int type,
                 int32_t fds[2])
{
    g_assert_cmpint(SYS(p, socketpair, L_AF_UNIX, type, 0, scratch), ==, 0);
    guest_get(p, scratch, fds, 8);
}

/* The guest's struct msghdr. */
struct gmsg {
    uint64_t name;
    uint32_t namelen, pad0;
    uint64_t iov, iovlen, control, controllen;
    int32_t flags;
    uint32_t pad1;
};

static void test_socketpair_data(void)
{
    struct user_process *p = tiny_process_new(NULL);
    uint64_t buf = guest_alloc(p, 8192);
    int32_t fds[2];
    pair(p, buf, L_SOCK_STREAM, fds);
    g_assert_cmpint(fds[0], ==, 3);
    g_assert_cmpint(fds[1], ==, 4);
    /* Across a page boundary, both ways. */
    guest_put(p, buf + 4090, "0123456789", 10);
    g_assert_cmpint(SYS(p, sendto, fds[0], buf + 4090, 10, 0, 0, 0), ==, 10);
    g_assert_cmpint(SYS(p, recvfrom, fds[1], buf + 100, 64, 0, 0, 0), ==, 10);
    char back[11] = { 0 };
    guest_get(p, buf + 100, back, 10);
    g_assert_cmpstr(back, ==, "0123456789");
    /* read and write work on sockets too. */
    g_assert_cmpint(SYS(p, write, fds[1], buf + 100, 4), ==, 4);
    g_assert_cmpint(SYS(p, read, fds[0], buf + 200, 4), ==, 4);
    g_assert_cmpint(SYS(p, shutdown, fds[1], SHUT_WR), ==, 0);
    g_assert_cmpint(SYS(p, recvfrom, fds[0], buf, 4, 0, 0, 0), ==, 0);
    g_assert_cmpint(SYS(p, shutdown, fds[1], 7), ==, -EINVAL);
    /* FIONBIO makes a socket non-blocking, as O_NONBLOCK does. */
    int32_t on = 1;
    guest_put(p, buf + 300, &on, 4);
    g_assert_cmpint(SYS(p, ioctl, fds[1], 0x5421, buf + 300), ==, 0);
    g_assert_cmpint(SYS(p, recvfrom, fds[1], buf, 4, 0, 0, 0), ==, -EAGAIN);
    g_assert_cmpint(SYS(p, ioctl, fds[1], 0x5421, 0x10), ==, -EFAULT);
    user_process_free(p);
}

static void test_arguments(void)
{
    struct user_process *p = tiny_process_new(NULL);
    uint64_t buf = guest_alloc(p, 8192);
    g_assert_cmpint(SYS(p, socket, L_AF_INET, L_SOCK_STREAM | 0x100000, 0),
                    ==, -EINVAL);
    g_assert_cmpint(SYS(p, socket, 12345, L_SOCK_STREAM, 0), ==,
                    -EAFNOSUPPORT);
    g_assert_cmpint(SYS(p, socket, 16 /* AF_NETLINK */, 3, 0), ==,
                    -EAFNOSUPPORT);
    g_assert_cmpint(SYS(p, socket, L_AF_INET, 77, 0), ==, -EINVAL);
    g_assert_cmpint(SYS(p, socketpair, L_AF_INET, L_SOCK_STREAM, 0, buf), ==,
                    -EOPNOTSUPP);
    /* Not a socket, not a descriptor. */
    g_assert_cmpint(SYS(p, pipe2, buf, 0), ==, 0);
    int32_t pfd[2];
    guest_get(p, buf, pfd, 8);
    g_assert_cmpint(SYS(p, listen, pfd[0], 1), ==, -ENOTSOCK);
    g_assert_cmpint(SYS(p, recvfrom, pfd[0], buf, 4, 0, 0, 0), ==, -ENOTSOCK);
    g_assert_cmpint(SYS(p, getsockname, pfd[0], buf, buf + 200), ==,
                    -ENOTSOCK);
    g_assert_cmpint(SYS(p, sendto, 999, buf, 1, 0, 0, 0), ==, -EBADF);
    g_assert_cmpint(SYS(p, accept, -1, 0, 0), ==, -EBADF);
    g_assert_cmpint(SYS(p, setsockopt, 1u << 31, 1, 2, buf, 4), ==, -EBADF);

    int64_t s = SYS(p, socket, L_AF_INET, L_SOCK_DGRAM, 0);
    g_assert_cmpint(s, >=, 0);
    /* Address lengths as Linux's move_addr_to_kernel checks them. */
    uint8_t sin[16] = { L_AF_INET, 0, 0, 0, 127, 0, 0, 1 };
    guest_put(p, buf + 300, sin, sizeof(sin));
    g_assert_cmpint(SYS(p, bind, s, buf + 300, 129), ==, -EINVAL);
    g_assert_cmpint(SYS(p, bind, s, buf + 300, (uint32_t)-1), ==, -EINVAL);
    g_assert_cmpint(SYS(p, bind, s, buf + 300, 3), ==, -EINVAL);
    g_assert_cmpint(SYS(p, sendto, s, buf, 1, 0, buf + 300, 200), ==, -EINVAL);
    /* Option lengths; options that carry host pointers are refused. */
    g_assert_cmpint(SYS(p, setsockopt, s, L_SOL_SOCKET, 2, buf, -1), ==,
                    -EINVAL);
    g_assert_cmpint(SYS(p, setsockopt, s, L_SOL_SOCKET, L_SO_ATTACH_FILTER,
                        buf, 16), ==, -EOPNOTSUPP);
    int32_t neg = -1;
    guest_put(p, buf + 400, &neg, 4);
    g_assert_cmpint(SYS(p, getsockopt, s, L_SOL_SOCKET, 3, buf, buf + 400),
                    ==, -EINVAL);
    /* SO_TYPE with a short buffer: two bytes written, and said. */
    int32_t two = 2;
    guest_put(p, buf + 400, &two, 4);
    guest_put(p, buf + 500, "\xff\xff\xff\xff", 4);
    g_assert_cmpint(SYS(p, getsockopt, s, L_SOL_SOCKET, 3 /* SO_TYPE */,
                        buf + 500, buf + 400), ==, 0);
    g_assert_cmpuint(get32(p, buf + 400), ==, 2);   /* what was written */
    g_assert_cmpuint(get32(p, buf + 500), ==, 0xffff0000u | L_SOCK_DGRAM);
    g_assert_cmpint(SYS(p, accept4, s, 0, 0, 0x10), ==, -EINVAL);
    g_assert_cmpint(SYS(p, listen, s, 1), ==, -EOPNOTSUPP);
    /* recvmsg/sendmsg: too many iovecs, a malformed control message,
     * credentials naming another pid (checked as Linux's scm_check_creds
     * does for an unprivileged sender). */
    struct gmsg m = { .iovlen = 1025 };
    guest_put(p, buf + 1000, &m, sizeof(m));
    g_assert_cmpint(SYS(p, recvmsg, s, buf + 1000, 0), ==, -EMSGSIZE);
    int32_t sv[2];
    pair(p, buf + 1200, L_SOCK_DGRAM, sv);
    uint64_t cmsg[3] = { 8 /* shorter than its header */, L_SOL_SOCKET };
    guest_put(p, buf + 1300, cmsg, sizeof(cmsg));
    m = (struct gmsg){ .control = buf + 1300, .controllen = 24 };
    guest_put(p, buf + 1000, &m, sizeof(m));
    g_assert_cmpint(SYS(p, sendmsg, sv[0], buf + 1000, 0), ==, -EINVAL);
    uint64_t creds[4] = { 28,
                          L_SOL_SOCKET | (uint64_t)L_SCM_CREDENTIALS << 32 };
    guest_put(p, buf + 1300, creds, sizeof(creds));
    m.controllen = 32;
    guest_put(p, buf + 1000, &m, sizeof(m));
    p->uid = p->gid = 1000;
    g_assert_cmpint(SYS(p, sendmsg, sv[0], buf + 1000, 0), ==, -EPERM);
    user_process_free(p);
}

static void test_efault(void)
{
    struct user_process *p = tiny_process_new(NULL);
    uint64_t buf = guest_alloc(p, 8192);
    /* socketpair into nowhere: EFAULT and no descriptor left behind. */
    g_assert_cmpint(SYS(p, socketpair, L_AF_UNIX, L_SOCK_STREAM, 0, 0x10), ==,
                    -EFAULT);
    int32_t fds[2];
    pair(p, buf, L_SOCK_STREAM, fds);
    g_assert_cmpint(fds[0], ==, 3);
    guest_put(p, buf + 100, "data", 4);
    g_assert_cmpint(SYS(p, sendto, fds[0], 0x10, 4, 0, 0, 0), ==, -EFAULT);
    g_assert_cmpint(SYS(p, sendto, fds[0], buf + 100, 4, 0, 0x10, 16), ==,
                    -EFAULT);
    g_assert_cmpint(SYS(p, sendto, fds[0], buf + 100, 4, 0, 0, 0), ==, 4);
    /* A receive into a read-only page consumes nothing. */
    uint64_t ro = guest_alloc(p, 4096);
    g_assert_cmpint(SYS(p, mprotect, ro, 4096, 1), ==, 0);
    g_assert_cmpint(SYS(p, recvfrom, fds[1], ro, 4, 0, 0, 0), ==, -EFAULT);
    g_assert_cmpint(SYS(p, recvfrom, fds[1], UINT64_MAX - 2, 4, 0, 0, 0), ==,
                    -EFAULT);
    g_assert_cmpint(SYS(p, recvmsg, fds[1], 0x42, 0), ==, -EFAULT);
    g_assert_cmpint(SYS(p, recvfrom, fds[1], buf + 200, 4, 0, 0, 0), ==, 4);
    g_assert_cmpint(SYS(p, bind, fds[0], 0x10, 16), ==, -EFAULT);
    g_assert_cmpint(SYS(p, connect, fds[0], UINT64_MAX - 4, 16), ==, -EFAULT);
    g_assert_cmpint(SYS(p, getsockname, fds[0], buf, 0x10), ==, -EFAULT);
    int32_t room = 16;
    guest_put(p, buf + 300, &room, 4);
    g_assert_cmpint(SYS(p, getsockname, fds[0], ro, buf + 300), ==, -EFAULT);
    g_assert_cmpint(SYS(p, getsockopt, fds[0], L_SOL_SOCKET, 3, buf, 0x10),
                    ==, -EFAULT);
    g_assert_cmpint(SYS(p, setsockopt, fds[0], L_SOL_SOCKET, 2, 0x10, 4), ==,
                    -EFAULT);
    /* msghdr pointing at iovecs and control buffers that are not there. */
    struct gmsg m = { .iov = 0x10, .iovlen = 1 };
    guest_put(p, buf + 1000, &m, sizeof(m));
    g_assert_cmpint(SYS(p, sendmsg, fds[0], buf + 1000, 0), ==, -EFAULT);
    uint64_t iov[2] = { buf + 100, 4 };
    guest_put(p, buf + 1100, iov, sizeof(iov));
    m = (struct gmsg){ .iov = buf + 1100, .iovlen = 1, .control = ro,
                       .controllen = 64 };
    guest_put(p, buf + 1000, &m, sizeof(m));
    g_assert_cmpint(SYS(p, sendto, fds[0], buf + 100, 4, 0, 0, 0), ==, 4);
    g_assert_cmpint(SYS(p, recvmsg, fds[1], buf + 1000, 0), ==, -EFAULT);
    g_assert_cmpint(SYS(p, recvfrom, fds[1], buf + 200, 8, 0, 0, 0), ==, 4);

    /* accept whose address cannot be given drops the connection, and
     * its descriptor with it. */
    int64_t ls = SYS(p, socket, L_AF_UNIX, L_SOCK_STREAM, 0);
    uint8_t un[32] = { L_AF_UNIX, 0, 0 };
    g_snprintf((char *)un + 3, sizeof(un) - 3, "bs-efault-%d", (int)getpid());
    size_t unlen = 3 + strlen((char *)un + 3);
    guest_put(p, buf + 2000, un, sizeof(un));
    g_assert_cmpint(SYS(p, bind, ls, buf + 2000, unlen), ==, 0);
    g_assert_cmpint(SYS(p, listen, ls, 4), ==, 0);
    int64_t c = SYS(p, socket, L_AF_UNIX, L_SOCK_STREAM, 0);
    g_assert_cmpint(SYS(p, connect, c, buf + 2000, unlen), ==, 0);
    g_assert_cmpint(SYS(p, accept, ls, buf + 2100, 0x10), ==, -EFAULT);
    g_assert_cmpint(SYS(p, recvfrom, c, buf, 4, 0, 0, 0), ==, 0);  /* gone */
    int64_t next = SYS(p, socket, L_AF_UNIX, L_SOCK_STREAM, 0);
    g_assert_cmpint(next, ==, c + 1);
    user_process_free(p);
}

static void test_scm_rights(void)
{
    struct user_process *p = tiny_process_new(NULL);
    uint64_t buf = guest_alloc(p, 8192);
    int32_t sv[2], pfd[2];
    pair(p, buf, L_SOCK_DGRAM, sv);
    g_assert_cmpint(SYS(p, pipe2, buf, 0), ==, 0);
    guest_get(p, buf, pfd, 8);
    /* Send the pipe's write end. */
    uint8_t ctl[24] = { 0 };
    uint64_t len = 20;
    memcpy(ctl, &len, 8);
    int32_t lt[2] = { L_SOL_SOCKET, L_SCM_RIGHTS };
    memcpy(ctl + 8, lt, 8);
    memcpy(ctl + 16, &pfd[1], 4);
    guest_put(p, buf + 200, ctl, sizeof(ctl));
    guest_put(p, buf + 300, "F", 1);
    uint64_t iov[2] = { buf + 300, 1 };
    guest_put(p, buf + 400, iov, sizeof(iov));
    struct gmsg m = { .iov = buf + 400, .iovlen = 1, .control = buf + 200,
                      .controllen = 24 };
    guest_put(p, buf + 1000, &m, sizeof(m));
    g_assert_cmpint(SYS(p, sendmsg, sv[0], buf + 1000, 0), ==, 1);
    g_assert_cmpint(SYS(p, close, pfd[1]), ==, 0);
    /* Receive it close-on-exec; msg_flags says MSG_CMSG_CLOEXEC as on
     * Linux. */
    guest_put(p, buf + 200, (uint8_t[24]){ 0 }, 24);
    iov[0] = buf + 500;
    guest_put(p, buf + 400, iov, sizeof(iov));
    guest_put(p, buf + 1000, &m, sizeof(m));
    g_assert_cmpint(SYS(p, recvmsg, sv[1], buf + 1000, L_MSG_CMSG_CLOEXEC),
                    ==, 1);
    guest_get(p, buf + 1000, &m, sizeof(m));
    g_assert_cmpuint(m.controllen, ==, 24);   /* CMSG_SPACE, as Linux says */
    g_assert_cmpint(m.flags, ==, L_MSG_CMSG_CLOEXEC);
    guest_get(p, buf + 200, ctl, sizeof(ctl));
    int32_t got;
    memcpy(&got, ctl + 16, 4);
    g_assert_cmpint(got, ==, pfd[1]);   /* the lowest free number again */
    g_assert_true(p->fds[got].cloexec);
    g_assert_cmpint(SYS(p, write, got, buf + 300, 1), ==, 1);
    g_assert_cmpint(SYS(p, read, pfd[0], buf + 600, 1), ==, 1);
    user_process_free(p);
}

#define L_SO_PASSCRED 16
#define L_SO_PEERCRED 17
#define L_MSG_PEEK 2

/* The guest's SCM_CREDENTIALS message: cmsghdr and struct ucred. */
struct gcred_msg {
    uint64_t len;
    int32_t level, type;
    int32_t pid;
    uint32_t uid, gid, pad;
};

/* sendmsg of one byte on fd, with credentials (pid, uid, gid) when
 * with_cred; the syscall's result. */
static int64_t send_cred(struct user_process *p, uint64_t buf, int32_t fd,
                         bool with_cred, int32_t pid, uint32_t uid,
                         uint32_t gid)
{
    struct gcred_msg c = { 28, L_SOL_SOCKET, L_SCM_CREDENTIALS, pid, uid,
                           gid, 0 };
    guest_put(p, buf + 200, &c, sizeof(c));
    guest_put(p, buf + 300, "c", 1);
    uint64_t iov[2] = { buf + 300, 1 };
    guest_put(p, buf + 400, iov, sizeof(iov));
    struct gmsg m = { .iov = buf + 400, .iovlen = 1,
                      .control = with_cred ? buf + 200 : 0,
                      .controllen = with_cred ? 32 : 0 };
    guest_put(p, buf + 1000, &m, sizeof(m));
    return SYS(p, sendmsg, fd, buf + 1000, 0);
}

/* recvmsg of up to want bytes on fd with room for credentials: its
 * result, and the credentials received into *c (zero when none came). */
static int64_t recv_cred(struct user_process *p, uint64_t buf, int32_t fd,
                         uint64_t want, int flags, struct gcred_msg *c)
{
    guest_put(p, buf + 200, (uint8_t[32]){ 0 }, 32);
    uint64_t iov[2] = { buf + 500, want };
    guest_put(p, buf + 400, iov, sizeof(iov));
    struct gmsg m = { .iov = buf + 400, .iovlen = 1, .control = buf + 200,
                      .controllen = 32 };
    guest_put(p, buf + 1000, &m, sizeof(m));
    int64_t r = SYS(p, recvmsg, fd, buf + 1000, flags);
    guest_get(p, buf + 200, c, sizeof(*c));
    return r;
}

static void test_scm_credentials(void)
{
    struct user_process *p = tiny_process_new(NULL);
    uint64_t buf = guest_alloc(p, 8192);
    int32_t me = (int32_t)p->pid;
    p->uid = p->gid = 1000;          /* an unprivileged guest */
    int32_t sv[2];
    pair(p, buf + 3000, L_SOCK_STREAM, sv);
    /* The checks: a foreign pid, uid or gid; no id; a short ucred. */
    g_assert_cmpint(send_cred(p, buf, sv[0], true, me + 1, 1000, 1000), ==,
                    -EPERM);
    g_assert_cmpint(send_cred(p, buf, sv[0], true, me, 1001, 1000), ==,
                    -EPERM);
    g_assert_cmpint(send_cred(p, buf, sv[0], true, me, 1000, 0), ==, -EPERM);
    g_assert_cmpint(send_cred(p, buf, sv[0], true, me, 0xffffffffu, 1000),
                    ==, -EINVAL);
    struct gcred_msg shortc = { 24, L_SOL_SOCKET, L_SCM_CREDENTIALS, me };
    guest_put(p, buf + 2000, &shortc, sizeof(shortc));
    struct gmsg sm = { .control = buf + 2000, .controllen = 24 };
    guest_put(p, buf + 2100, &sm, sizeof(sm));
    g_assert_cmpint(SYS(p, sendmsg, sv[0], buf + 2100, 0), ==, -EINVAL);

    /* SO_PASSCRED on the receiver, and getsockopt says so. */
    int32_t one = 1, room = 4;
    guest_put(p, buf + 2200, &one, 4);
    g_assert_cmpint(SYS(p, setsockopt, sv[1], L_SOL_SOCKET, L_SO_PASSCRED,
                        buf + 2200, 4), ==, 0);
    guest_put(p, buf + 2200, (int32_t[1]){ 0 }, 4);
    guest_put(p, buf + 2204, &room, 4);
    g_assert_cmpint(SYS(p, getsockopt, sv[1], L_SOL_SOCKET, L_SO_PASSCRED,
                        buf + 2200, buf + 2204), ==, 0);
    g_assert_cmpuint(get32(p, buf + 2200), ==, 1);

    /* Valid credentials arrive as sent; nothing left from the refused. */
    struct gcred_msg got;
    g_assert_cmpint(send_cred(p, buf, sv[0], true, me, 1000, 1000), ==, 1);
    g_assert_cmpint(recv_cred(p, buf, sv[1], 16, 0, &got), ==, 1);
    g_assert_cmpuint(got.len, ==, 28);
    g_assert_cmpint(got.type, ==, L_SCM_CREDENTIALS);
    g_assert_cmpint(got.pid, ==, me);
    g_assert_cmpuint(got.uid, ==, 1000);
    g_assert_cmpuint(got.gid, ==, 1000);

    /* Bytes from two senders (another guest process: another pid), sent
     * without credentials: each receive names its bytes' sender, a peek
     * consumes nothing. */
    p->pid = me + 7;
    g_assert_cmpint(send_cred(p, buf, sv[0], false, 0, 0, 0), ==, 1);
    p->pid = me;
    g_assert_cmpint(send_cred(p, buf, sv[0], false, 0, 0, 0), ==, 1);
    g_assert_cmpint(recv_cred(p, buf, sv[1], 1, L_MSG_PEEK, &got), ==, 1);
    g_assert_cmpint(got.pid, ==, me + 7);
    g_assert_cmpint(recv_cred(p, buf, sv[1], 1, 0, &got), ==, 1);
    g_assert_cmpint(got.pid, ==, me + 7);
    g_assert_cmpint(recv_cred(p, buf, sv[1], 1, 0, &got), ==, 1);
    g_assert_cmpint(got.pid, ==, me);
    g_assert_cmpuint(got.uid, ==, 1000);

    /* SO_PEERCRED: the socketpair's creator, not the host's pid. */
    uint32_t pc[3] = { 0 };
    room = 12;
    guest_put(p, buf + 2200, pc, sizeof(pc));
    guest_put(p, buf + 2220, &room, 4);
    g_assert_cmpint(SYS(p, getsockopt, sv[0], L_SOL_SOCKET, L_SO_PEERCRED,
                        buf + 2200, buf + 2220), ==, 0);
    guest_get(p, buf + 2200, pc, sizeof(pc));
    g_assert_cmpint((int32_t)pc[0], ==, me);
    g_assert_cmpuint(pc[1], ==, 1000);

    /* A privileged guest may name any ids, and another process's pid
     * but not one no process has. */
    p->uid = p->gid = 0;
    g_assert_cmpint(send_cred(p, buf, sv[0], true, me + 4242, 5, 6), ==,
                    -ESRCH);
    g_assert_cmpint(send_cred(p, buf, sv[0], true, me, 5, 6), ==, 1);
    g_assert_cmpint(recv_cred(p, buf, sv[1], 16, 0, &got), ==, 1);
    g_assert_cmpint(got.pid, ==, me);
    g_assert_cmpuint(got.uid, ==, 5);
    g_assert_cmpuint(got.gid, ==, 6);

    /* Datagrams: one message, one sender's credentials each. */
    int32_t dv[2];
    pair(p, buf + 3000, L_SOCK_DGRAM, dv);
    guest_put(p, buf + 2200, &one, 4);
    g_assert_cmpint(SYS(p, setsockopt, dv[1], L_SOL_SOCKET, L_SO_PASSCRED,
                        buf + 2200, 4), ==, 0);
    p->pid = me + 3;
    g_assert_cmpint(send_cred(p, buf, dv[0], false, 0, 0, 0), ==, 1);
    p->pid = me;
    g_assert_cmpint(send_cred(p, buf, dv[0], true, me, 0, 0), ==, 1);
    g_assert_cmpint(recv_cred(p, buf, dv[1], 16, 0, &got), ==, 1);
    g_assert_cmpint(got.pid, ==, me + 3);
    g_assert_cmpint(recv_cred(p, buf, dv[1], 16, 0, &got), ==, 1);
    g_assert_cmpint(got.pid, ==, me);
    user_process_free(p);
}

static void test_blocking_parks(void)
{
    struct user_process *p = tiny_process_new(NULL);
    uint64_t buf = guest_alloc(p, 8192);
    int32_t sv[2];
    pair(p, buf, L_SOCK_STREAM, sv);
    struct user_thread *t = p->cur;
    g_assert_cmpint(SYS(p, recvfrom, sv[0], buf, 4, L_MSG_DONTWAIT, 0, 0), ==,
                    -EAGAIN);
    /* A blocking receive parks the thread on the host socket. */
    SYS(p, recvfrom, sv[0], buf, 4, 0, 0, 0);
    g_assert_cmpint(t->state, ==, USER_THREAD_BLOCKED);
    g_assert_cmpint(t->block, ==, USER_BLOCK_RETRY);
    g_assert_true(user_thread_polls(t));
    g_assert_cmpint(g_array_index(t->io_polls, struct pollfd, 0).fd, ==,
                    user_fd_host(p, sv[0]));
    g_assert_cmpint(t->deadline_ns, ==, 0);
    user_process_free(p);

    /* SO_RCVTIMEO bounds the wait: EAGAIN when it passes. */
    p = tiny_process_new(NULL);
    buf = guest_alloc(p, 8192);
    pair(p, buf, L_SOCK_STREAM, sv);
    t = p->cur;
    int64_t tv[2] = { 5, 0 };
    guest_put(p, buf + 100, tv, sizeof(tv));
    g_assert_cmpint(SYS(p, setsockopt, sv[0], L_SOL_SOCKET, L_SO_RCVTIMEO,
                        buf + 100, 16), ==, 0);
    int64_t before = user_host_now_ns();
    SYS(p, accept, sv[0], 0, 0);   /* not listening: no wait at all */
    g_assert_cmpint(t->state, ==, USER_THREAD_RUNNABLE);
    SYS(p, recvfrom, sv[0], buf, 4, 0, 0, 0);
    g_assert_cmpint(t->state, ==, USER_THREAD_BLOCKED);
    g_assert_cmpint(t->deadline_ns, >=, before + 5000000000ll);
    g_assert_cmpint(t->deadline_ns, <, before + 6000000000ll);
    g_assert_cmpint(t->timeout_result, ==, -EAGAIN);
    user_process_free(p);

    /* A blocking accept parks; a non-blocking one says EAGAIN. */
    p = tiny_process_new(NULL);
    buf = guest_alloc(p, 8192);
    t = p->cur;
    int64_t ls = SYS(p, socket, L_AF_UNIX, L_SOCK_STREAM | L_SOCK_NONBLOCK, 0);
    uint8_t un[40] = { L_AF_UNIX, 0, 0 };
    g_snprintf((char *)un + 3, sizeof(un) - 3, "bs-park-%d", (int)getpid());
    size_t unlen = 3 + strlen((char *)un + 3);
    guest_put(p, buf + 2000, un, sizeof(un));
    g_assert_cmpint(SYS(p, bind, ls, buf + 2000, unlen), ==, 0);
    g_assert_cmpint(SYS(p, listen, ls, 4), ==, 0);
    g_assert_cmpint(SYS(p, accept4, ls, 0, 0, 0), ==, -EAGAIN);
    g_assert_cmpint(SYS(p, fcntl, ls, 4 /* F_SETFL */, 0), ==, 0);
    SYS(p, accept4, ls, 0, 0, 0);
    g_assert_cmpint(t->state, ==, USER_THREAD_BLOCKED);
    /* The listener itself stayed blocking (O_NONBLOCK was for the try). */
    g_assert_cmpint(fcntl(user_fd_host(p, ls), F_GETFL) & O_NONBLOCK, ==, 0);
    user_process_free(p);
}

/* AF_UNIX pathnames go through the guest root; names inside it come back
 * as the guest wrote them. */
static void test_unix_root(void)
{
    g_autofree char *root = g_build_filename(tmpdir, "root", NULL);
    g_assert_cmpint(g_mkdir(root, 0700), ==, 0);
    g_autofree char *host_path = g_build_filename(root, "srv.sock", NULL);
    struct sockaddr_un hu = { .sun_family = AF_UNIX };
    g_assert_cmpuint(strlen(host_path), <, sizeof(hu.sun_path));
    strcpy(hu.sun_path, host_path);
    int hs = socket(AF_UNIX, SOCK_STREAM, 0);
    g_assert_cmpint(bind(hs, (struct sockaddr *)&hu, sizeof(hu)), ==, 0);
    g_assert_cmpint(listen(hs, 2), ==, 0);

    struct user_options o = { .sysroot = root };
    struct user_process *p = tiny_process_new(&o);
    uint64_t buf = guest_alloc(p, 8192);
    uint8_t gu[110] = { L_AF_UNIX, 0 };
    strcpy((char *)gu + 2, "/srv.sock");
    guest_put(p, buf, gu, sizeof(gu));
    int64_t s = SYS(p, socket, L_AF_UNIX, L_SOCK_STREAM, 0);
    g_assert_cmpint(SYS(p, connect, s, buf, 2 + 10), ==, 0);
    int32_t room = 110;
    guest_put(p, buf + 200, &room, 4);
    g_assert_cmpint(SYS(p, getpeername, s, buf + 300, buf + 200), ==, 0);
    g_assert_cmpuint(get32(p, buf + 200), ==, 2 + 10);
    char name[16] = { 0 };
    guest_get(p, buf + 302, name, 10);
    g_assert_cmpstr(name, ==, "/srv.sock");
    int hc = accept(hs, NULL, NULL);
    g_assert_cmpint(hc, >=, 0);
    g_assert_cmpint(write(hc, "R", 1), ==, 1);
    g_assert_cmpint(SYS(p, recvfrom, s, buf + 400, 1, 0, 0, 0), ==, 1);
    /* A name not in the root is the host's own. */
    strcpy((char *)gu + 2, "/nonexistent-dir-xyz/s");
    guest_put(p, buf, gu, sizeof(gu));
    int64_t s2 = SYS(p, socket, L_AF_UNIX, L_SOCK_STREAM, 0);
    g_assert_cmpint(SYS(p, connect, s2, buf, 2 + 23), ==, -ENOENT);
    user_process_free(p);
    close(hc);
    close(hs);
    g_unlink(host_path);
    g_rmdir(root);
}

/* Recorded, then replayed through the door: the receive gives the
 * recorded bytes without the host (the replayed send sent nothing), and
 * a replayed accept or recvmsg holds its new descriptors' numbers. */
static void test_door_replay(void)
{
    struct event_log *log = event_log_new();
    struct syscall_door *door = syscall_door_new();
    struct user_options o = { .door = syscall_door_ops(door) };
    uint8_t un[40] = { L_AF_UNIX, 0, 0 };
    g_snprintf((char *)un + 3, sizeof(un) - 3, "bs-door-%d", (int)getpid());
    size_t unlen = 3 + strlen((char *)un + 3);
    int64_t rec_recv = 0, rec_accept = 0, rec_after = 0;
    char rec_name[128] = { 0 };

    for (int pass = 0; pass < 2; pass++) {
        struct event_cursor cursor;
        if (pass == 0) {
            syscall_door_record(door, log);
        } else {
            event_cursor_init(&cursor, log);
            syscall_door_replay(door, &cursor);
        }
        struct user_process *p = tiny_process_new(&o);
        uint64_t buf = guest_alloc(p, 8192);
        int32_t sv[2];
        pair(p, buf, L_SOCK_STREAM, sv);
        guest_put(p, buf + 100, pass ? "XXXXXXXX" : "recorded", 8);
        g_assert_cmpint(SYS(p, sendto, sv[1], buf + 100, 8, 0, 0, 0), ==, 8);
        guest_put(p, buf + 200, "........", 8);
        int64_t n = SYS(p, recvfrom, sv[0], buf + 200, 64, 0, 0, 0);
        char got[9] = { 0 };
        guest_get(p, buf + 200, got, 8);
        g_assert_cmpstr(got, ==, "recorded");
        if (pass == 0) {
            rec_recv = n;
        } else {
            g_assert_cmpint(n, ==, rec_recv);
            /* Nothing reached the replay's host socket. */
            char c;
            g_assert_cmpint(recv(user_fd_host(p, sv[0]), &c, 1, MSG_DONTWAIT),
                            ==, -1);
            g_assert_cmpint(errno, ==, EAGAIN);
        }
        /* A listener, a connection, accept with the peer's address. */
        int64_t ls = SYS(p, socket, L_AF_UNIX, L_SOCK_STREAM, 0);
        guest_put(p, buf + 2000, un, sizeof(un));
        g_assert_cmpint(SYS(p, bind, ls, buf + 2000, unlen), ==, 0);
        g_assert_cmpint(SYS(p, listen, ls, 4), ==, 0);
        int64_t c = SYS(p, socket, L_AF_UNIX, L_SOCK_STREAM, 0);
        g_assert_cmpint(SYS(p, connect, c, buf + 2000, unlen), ==, 0);
        int32_t room = 110;
        guest_put(p, buf + 2200, &room, 4);
        guest_put(p, buf + 2300, (uint8_t[128]){ 0 }, 128);
        int64_t a = SYS(p, accept, ls, buf + 2300, buf + 2200);
        g_assert_cmpint(a, >=, 0);
        char name[128];
        guest_get(p, buf + 2300, name, sizeof(name));
        g_assert_cmpint(user_fd_host(p, a), >=, 0);
        /* A descriptor passed with SCM_RIGHTS. */
        int32_t pfd[2];
        g_assert_cmpint(SYS(p, pipe2, buf + 3000, 0), ==, 0);
        guest_get(p, buf + 3000, pfd, 8);
        uint8_t ctl[24] = { 20, 0, 0, 0, 0, 0, 0, 0, L_SOL_SOCKET, 0, 0, 0,
                            L_SCM_RIGHTS };
        memcpy(ctl + 16, &pfd[0], 4);
        guest_put(p, buf + 3100, ctl, sizeof(ctl));
        uint64_t iov[2] = { buf + 100, 1 };
        guest_put(p, buf + 3200, iov, sizeof(iov));
        struct gmsg m = { .iov = buf + 3200, .iovlen = 1,
                          .control = buf + 3100, .controllen = 24 };
        guest_put(p, buf + 3300, &m, sizeof(m));
        g_assert_cmpint(SYS(p, sendmsg, sv[1], buf + 3300, 0), ==, 1);
        guest_put(p, buf + 3100, (uint8_t[24]){ 0 }, 24);
        g_assert_cmpint(SYS(p, recvmsg, sv[0], buf + 3300, 0), ==, 1);
        guest_get(p, buf + 3100, ctl, sizeof(ctl));
        int32_t passed;
        memcpy(&passed, ctl + 16, 4);
        g_assert_cmpint(passed, >, pfd[1]);
        g_assert_cmpint(user_fd_host(p, passed), >=, 0);
        /* Credentials received with SO_PASSCRED: the replay writes the
         * recorded ones, the sender's guest pid. */
        int32_t one = 1;
        guest_put(p, buf + 3400, &one, 4);
        g_assert_cmpint(SYS(p, setsockopt, sv[0], L_SOL_SOCKET,
                            L_SO_PASSCRED, buf + 3400, 4), ==, 0);
        struct gcred_msg cred;
        g_assert_cmpint(send_cred(p, buf + 4000, sv[1], false, 0, 0, 0), ==,
                        1);
        g_assert_cmpint(recv_cred(p, buf + 4000, sv[0], 1, 0, &cred), ==, 1);
        g_assert_cmpint(cred.type, ==, L_SCM_CREDENTIALS);
        g_assert_cmpint(cred.pid, ==, p->pid);
        int64_t after = SYS(p, socket, L_AF_UNIX, L_SOCK_STREAM, 0);
        if (pass == 0) {
            rec_accept = a;
            rec_after = after;
            memcpy(rec_name, name, sizeof(name));
        } else {
            g_assert_cmpint(a, ==, rec_accept);
            g_assert_cmpint(after, ==, rec_after);
            g_assert_cmpmem(name, sizeof(name), rec_name, sizeof(rec_name));
        }
        user_process_free(p);
    }
    g_assert_cmpuint(syscall_door_mismatches(door), ==, 0);
    syscall_door_free(door);
    event_log_free(log);
}

static void test_door_classes(void)
{
    uint64_t none[6] = { 0 };
    g_assert_cmpint(syscall_door_class(USER_NR_socket, none), ==,
                    DOOR_MIRRORED);
    g_assert_cmpint(syscall_door_class(USER_NR_socketpair, none), ==,
                    DOOR_MIRRORED);
    static const int replayed[] = {
        USER_NR_bind, USER_NR_listen, USER_NR_accept, USER_NR_accept4,
        USER_NR_connect, USER_NR_getsockname, USER_NR_getpeername,
        USER_NR_sendto, USER_NR_recvfrom, USER_NR_sendmsg, USER_NR_recvmsg,
        USER_NR_setsockopt, USER_NR_getsockopt, USER_NR_shutdown,
    };
    for (size_t i = 0; i < G_N_ELEMENTS(replayed); i++)
        g_assert_cmpint(syscall_door_class(replayed[i], none), ==,
                        DOOR_REPLAYED);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    tmpdir = g_dir_make_tmp("backstep-net-XXXXXX", NULL);
    g_test_add_func("/user/net/socketpair-data", test_socketpair_data);
    g_test_add_func("/user/net/arguments", test_arguments);
    g_test_add_func("/user/net/efault", test_efault);
    g_test_add_func("/user/net/scm-rights", test_scm_rights);
    g_test_add_func("/user/net/scm-credentials", test_scm_credentials);
    g_test_add_func("/user/net/blocking-parks", test_blocking_parks);
    g_test_add_func("/user/net/unix-root", test_unix_root);
    g_test_add_func("/user/net/door-replay", test_door_replay);
    g_test_add_func("/user/net/door-classes", test_door_classes);
    int r = g_test_run();
    g_rmdir(tmpdir);
    g_free(tmpdir);
    return r;
}
