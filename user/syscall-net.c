/* Sockets: AF_UNIX, AF_INET and AF_INET6 sockets of the host, one per
 * guest socket, reached through the fd table like files (so read, write,
 * close, fcntl, poll and epoll work on them unchanged).
 *
 * Addresses: struct sockaddr and its family layouts are the same on arm64
 * and on the 64-bit Linux hosts we run on, so they pass through after
 * their length is checked as Linux checks it; only AF_UNIX pathnames are
 * translated, through the guest root like open()'s paths (path.c), and
 * back when the host reports them. Abstract AF_UNIX names are as given.
 *
 * Waiting: a blocking call (accept, connect, recv*, send*) is tried
 * without waiting on the host; when it would wait, its thread parks on the
 * host fd (sched.c polls it with the others' and runs the call again), so
 * the other guest threads and processes run meanwhile. SO_RCVTIMEO and
 * SO_SNDTIMEO bound such waits as they do on Linux. A guest O_NONBLOCK
 * socket or MSG_DONTWAIT gets EAGAIN at once.
 *
 * Control messages: SCM_RIGHTS passes descriptors (guest fd numbers out,
 * newly installed guest fds in); protocol-level ones (IP_PKTINFO...) pass
 * through. SCM_CREDENTIALS follows Linux's rules at the guest level
 * (net-creds below): the host's credentials are backstep's own, so the
 * guest's travel beside the bytes.
 *
 * EVENT LOG: what a socket receives is an input from outside;
 * server/syscall-door.c records these calls and replays their results. */
#define _GNU_SOURCE
#include "config.h"

#include "user/syscall.h"

#include "hw/pagestore.h"

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stddef.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#define GUEST_SOCKADDR_MAX 128    /* sizeof(struct sockaddr_storage) */
#define GUEST_RW_MAX 0x7ffff000ull  /* MAX_RW_COUNT */
/* Option values and control buffers are copied through the host; larger
 * ones are refused (no option of the families we offer is near this). */
#define GUEST_OPT_MAX 65536
#define GUEST_CONTROL_MAX 65536
#define GUEST_SCM_MAX_FD 253      /* Linux's SCM_MAX_FD */
#define SOCK_TYPE_MASK 0xf
#define NSEC_PER_SEC 1000000000ll
#define L_SO_PASSCRED 16
#define L_SO_PEERCRED 17

/* Socket options whose value holds a pointer or a host fd number: the
 * host would follow them into backstep's own memory or fds. */
#define L_SO_ATTACH_FILTER 26
#define L_SO_ATTACH_BPF 50
#define L_SO_ATTACH_REUSEPORT_CBPF 51
#define L_SO_ATTACH_REUSEPORT_EBPF 52
#define L_TCP_ZEROCOPY_RECEIVE 35

/* arm64's struct msghdr (the same as x86-64's). */
struct guest_msghdr {
    uint64_t name;
    uint32_t namelen, pad0;
    uint64_t iov, iovlen;
    uint64_t control, controllen;
    int32_t flags;
    uint32_t pad1;
};
#define GUEST_MSG_NAMELEN_OFF 8
#define GUEST_MSG_CONTROLLEN_OFF 40
#define GUEST_MSG_FLAGS_OFF 48

G_STATIC_ASSERT(sizeof(struct guest_msghdr) == 56);
G_STATIC_ASSERT(offsetof(struct guest_msghdr, controllen)
                == GUEST_MSG_CONTROLLEN_OFF);
G_STATIC_ASSERT(offsetof(struct guest_msghdr, flags) == GUEST_MSG_FLAGS_OFF);
G_STATIC_ASSERT(sizeof(struct sockaddr_storage) == GUEST_SOCKADDR_MAX);
G_STATIC_ASSERT(sizeof(struct cmsghdr) == 16);
G_STATIC_ASSERT(sizeof(struct ucred) == 12 && SCM_CREDENTIALS == 2);
G_STATIC_ASSERT(SO_PASSCRED == L_SO_PASSCRED && SO_PEERCRED == L_SO_PEERCRED);
/* The flag values the guest passes are the host's. */
G_STATIC_ASSERT(SOCK_NONBLOCK == 04000 && SOCK_CLOEXEC == 02000000);
G_STATIC_ASSERT(MSG_DONTWAIT == 0x40 && MSG_NOSIGNAL == 0x4000
                && MSG_CMSG_CLOEXEC == 0x40000000);

/* --- descriptors and addresses ----------------------------------------- */

/* The host socket behind guest fd gfd: its host fd, -EBADF or -ENOTSOCK
 * (Linux's order: the fd first, then what it is). */
static int sock_host(struct user_process *p, uint64_t gfd)
{
    int fd = user_fd_host(p, (int)gfd);
    if (fd < 0)
        return fd;
    struct stat st;
    if (fstat(fd, &st) < 0)
        return -errno;
    return S_ISSOCK(st.st_mode) ? fd : -ENOTSOCK;
}

static int64_t host_result(ssize_t r)
{
    return r < 0 ? -errno : r;
}

struct net_addr {
    struct sockaddr_storage ss;
    socklen_t len;
};

/* An AF_UNIX pathname as the guest wrote it goes where the guest root
 * says (a socket inside the root is the root's). */
static int unix_path_in(struct user_process *p, struct net_addr *na)
{
    struct sockaddr_un *un = (struct sockaddr_un *)&na->ss;
    size_t off = offsetof(struct sockaddr_un, sun_path);
    if (un->sun_family != AF_UNIX || na->len <= off || !un->sun_path[0]
        || !p->sysroot)
        return 0;
    char path[sizeof(un->sun_path) + 1] = { 0 };
    memcpy(path, un->sun_path,
           MIN((size_t)na->len - off, sizeof(un->sun_path)));
    g_autofree char *host = user_path_resolve(p, path);
    if (strcmp(host, path) == 0)
        return 0;
    size_t n = strlen(host);
    if (n >= sizeof(un->sun_path))
        return -ENAMETOOLONG;   /* the root makes it too long for the host */
    memset(un->sun_path, 0, sizeof(un->sun_path));
    memcpy(un->sun_path, host, n);
    na->len = (socklen_t)(off + n + 1);
    return 0;
}

/* The guest's (addr, len) into na, as Linux's move_addr_to_kernel: a
 * length over sockaddr_storage or negative is EINVAL; 0 or -errno. */
static int addr_in(struct user_process *p, uint64_t addr, uint64_t len,
                   struct net_addr *na)
{
    int32_t l = (int32_t)len;
    memset(na, 0, sizeof(*na));
    if (l < 0 || l > GUEST_SOCKADDR_MAX)
        return -EINVAL;
    if (l == 0)
        return 0;
    int r = user_copy_in(p, &na->ss, addr, (size_t)l);
    if (r < 0)
        return r;
    na->len = (socklen_t)l;
    return unix_path_in(p, na);
}

/* A host AF_UNIX pathname inside the guest root is shown as the guest
 * named it. */
static void unix_path_out(const struct user_process *p, struct net_addr *na)
{
    struct sockaddr_un *un = (struct sockaddr_un *)&na->ss;
    size_t off = offsetof(struct sockaddr_un, sun_path);
    if (un->sun_family != AF_UNIX || na->len <= off || !un->sun_path[0]
        || !p->sysroot || !p->sysroot[0])
        return;
    char path[sizeof(un->sun_path) + 1] = { 0 };
    memcpy(path, un->sun_path,
           MIN((size_t)na->len - off, sizeof(un->sun_path)));
    size_t root = strlen(p->sysroot);
    while (root > 1 && p->sysroot[root - 1] == '/')
        root--;
    if (strncmp(path, p->sysroot, root) != 0 || path[root] != '/')
        return;
    size_t n = strlen(path + root);
    memset(un->sun_path, 0, sizeof(un->sun_path));
    memcpy(un->sun_path, path + root, n);
    na->len = (socklen_t)(off + n + 1);
}

/* Give the guest an address the host returned, as Linux's
 * move_addr_to_user: *ulen (an int) says the room at uaddr; at most that
 * much is copied and *ulen becomes the address's real length. */
static int addr_out(struct user_process *p, struct net_addr *na,
                    uint64_t uaddr, uint64_t ulen)
{
    int32_t room;
    int r = user_copy_in(p, &room, ulen, sizeof(room));
    if (r < 0)
        return r;
    unix_path_out(p, na);
    int32_t len = MIN(room, (int32_t)na->len);
    if (len < 0)
        return -EINVAL;
    if (len > 0) {
        r = user_copy_out(p, uaddr, &na->ss, (size_t)len);
        if (r < 0)
            return r;
    }
    uint32_t real = na->len;
    return user_copy_out(p, ulen, &real, sizeof(real));
}

/* --- waiting ----------------------------------------------------------- */

/* The guest asked not to wait: an O_NONBLOCK socket, or MSG_DONTWAIT. */
static bool guest_nonblocking(int fd, int msg_flags)
{
    if (msg_flags & MSG_DONTWAIT)
        return true;
    int fl = fcntl(fd, F_GETFL);
    return fl >= 0 && (fl & O_NONBLOCK);
}

/* Park the current thread until fd is ready for events; the call then
 * runs again. The socket's SO_RCVTIMEO (reads, accept) or SO_SNDTIMEO
 * (writes, connect) bounds the wait, counted from the first try, as
 * Linux's sock_rcvtimeo/sock_sndtimeo do; when it passes the call returns
 * timeout_result. */
static int64_t park(struct user_process *p, int fd, short events,
                    int64_t timeout_result)
{
    struct user_thread *t = p->cur;
    int64_t deadline = t->deadline_ns;
    if (!deadline) {
        struct timeval tv = { 0, 0 };
        socklen_t l = sizeof(tv);
        int opt = (events & POLLOUT) ? SO_SNDTIMEO : SO_RCVTIMEO;
        if (getsockopt(fd, SOL_SOCKET, opt, &tv, &l) == 0
            && (tv.tv_sec > 0 || tv.tv_usec > 0)) {
            int64_t ns = MIN((int64_t)tv.tv_sec, INT64_MAX / NSEC_PER_SEC / 4)
                         * NSEC_PER_SEC + (int64_t)tv.tv_usec * 1000;
            deadline = user_host_now_ns() + ns;
        }
    }
    user_block(t, USER_BLOCK_RETRY, deadline, timeout_result);
    if (!t->io_polls)
        t->io_polls = g_array_new(FALSE, FALSE, sizeof(struct pollfd));
    struct pollfd pfd = { .fd = fd, .events = events };
    g_array_append_val(t->io_polls, pfd);
    return USER_SYSCALL_BLOCKED;
}

/* Run op on fd with O_NONBLOCK set for the call only (accept, connect:
 * calls with no MSG_DONTWAIT). The host thread is ours alone, so nobody
 * sees the flag in between. */
static int nonblocking_once(int fd, int fl, int (*op)(int fd, void *arg),
                            void *arg)
{
    fcntl(fd, F_SETFL, fl | O_NONBLOCK);
    int r = op(fd, arg);
    int err = errno;
    fcntl(fd, F_SETFL, fl);
    errno = err;
    return r;
}

/* --- guest credentials (SCM_CREDENTIALS, SO_PEERCRED) ------------------ */

/* Every guest process is backstep on the host, so the host's
 * SCM_CREDENTIALS and SO_PEERCRED name backstep. The guest's credentials
 * travel beside the bytes instead, in tables keyed by the host socket's
 * inode (unique while the socket lives), shared by all guest processes of
 * this host process:
 * - peer_of: the other end of a socketpair() (the only pairs whose two
 *   ends backstep knows; a connection made through a listener has no
 *   known peer);
 * - peer_cred: what SO_PEERCRED answers (for a socketpair, its creator);
 * - inbox: per receiving end, the guest credentials of the bytes queued
 *   there, as (length, credentials) spans in sending order. sendmsg and
 *   sendto append a span (one per datagram); recvmsg and recvfrom consume
 *   them. Simplifications: a stream receive reports the credentials of
 *   its first byte (Linux stops a read where they change); bytes written
 *   with write() are not counted (read() consumes none), and when the
 *   inbox is empty the last sender's credentials are reported.
 * Each new socket (socket, socketpair, accept) resets its inode's
 * entries, so a reused inode does not inherit a dead socket's. Received credentials of a socket with no
 * known peer keep the host's uid and gid with pid 0 (as Linux reports a
 * sender it cannot name). */

struct guest_ucred {
    int32_t pid;
    uint32_t uid, gid;
};

struct cred_span {
    uint64_t bytes;
    struct guest_ucred cred;
};

struct cred_inbox {
    GQueue spans;                 /* of struct cred_span */
    struct guest_ucred last;      /* the latest sender's */
};

#define CRED_INBOX_MAX 4096       /* spans kept per socket; older merge */
#define GUEST_INVALID_ID 0xffffffffu

G_LOCK_DEFINE_STATIC(net_creds);
static GHashTable *peer_of;       /* ino -> ino */
static GHashTable *peer_cred;     /* ino -> struct guest_ucred */
static GHashTable *inbox_of;      /* ino -> struct cred_inbox */

static void cred_inbox_free(gpointer v)
{
    struct cred_inbox *in = v;
    g_queue_clear_full(&in->spans, g_free);
    g_free(in);
}

static uint64_t socket_ino(int fd)
{
    struct stat st;
    return fstat(fd, &st) == 0 ? (uint64_t)st.st_ino : 0;
}

static gpointer ino_key(uint64_t ino)
{
    return GSIZE_TO_POINTER((gsize)ino);
}

/* What a guest process sends by default: its tgid and effective ids
 * (the guest's ids are the host's, all alike). */
static struct guest_ucred own_cred(const struct user_process *p)
{
    return (struct guest_ucred){ .pid = (int32_t)p->pid, .uid = p->uid,
                                 .gid = p->gid };
}

/* Linux's scm_check_creds: pid the sender's tgid, uid and gid one of its
 * real, effective or saved ids, any of them for a privileged sender (uid
 * 0 here); -1 is no id (EINVAL); a pid no process has is ESRCH, as
 * __scm_send's lookup says. */
static int cred_check(const struct user_process *p,
                      const struct guest_ucred *c)
{
    if (c->uid == GUEST_INVALID_ID || c->gid == GUEST_INVALID_ID)
        return -EINVAL;
    bool privileged = p->uid == 0;
    if ((c->pid == (int32_t)p->pid || privileged)
        && (c->uid == p->uid || privileged)
        && (c->gid == p->gid || privileged))
        return c->pid == (int32_t)p->pid || user_proc_find(p->kernel, c->pid)
                   ? 0 : -ESRCH;
    return -EPERM;
}

static void creds_forget_locked(uint64_t ino)
{
    if (peer_of)
        g_hash_table_remove(peer_of, ino_key(ino));
    if (peer_cred)
        g_hash_table_remove(peer_cred, ino_key(ino));
    if (inbox_of)
        g_hash_table_remove(inbox_of, ino_key(ino));
}

/* A new socket (socket, accept) whose inode a closed one may have had. */
static void creds_forget(int fd)
{
    G_LOCK(net_creds);
    if (peer_of)
        creds_forget_locked(socket_ino(fd));
    G_UNLOCK(net_creds);
}

/* A socketpair: each end's peer is the other, and SO_PEERCRED names the
 * creator on both. */
static void creds_pair(const struct user_process *p, int fd0, int fd1)
{
    uint64_t a = socket_ino(fd0), b = socket_ino(fd1);
    if (!a || !b)
        return;
    struct guest_ucred c = own_cred(p);
    G_LOCK(net_creds);
    if (!peer_of) {
        peer_of = g_hash_table_new(NULL, NULL);
        peer_cred = g_hash_table_new_full(NULL, NULL, NULL, g_free);
        inbox_of = g_hash_table_new_full(NULL, NULL, NULL, cred_inbox_free);
    }
    creds_forget_locked(a);
    creds_forget_locked(b);
    g_hash_table_insert(peer_of, ino_key(a), ino_key(b));
    g_hash_table_insert(peer_of, ino_key(b), ino_key(a));
    g_hash_table_insert(peer_cred, ino_key(a), g_memdup2(&c, sizeof(c)));
    g_hash_table_insert(peer_cred, ino_key(b), g_memdup2(&c, sizeof(c)));
    G_UNLOCK(net_creds);
}

/* bytes were sent on fd with credentials c: queue them at the peer. */
static void creds_sent(int fd, uint64_t bytes, const struct guest_ucred *c)
{
    G_LOCK(net_creds);
    gpointer peer;
    if (peer_of && g_hash_table_lookup_extended(
                       peer_of, ino_key(socket_ino(fd)), NULL, &peer)) {
        struct cred_inbox *in = g_hash_table_lookup(inbox_of, peer);
        if (!in) {
            in = g_new0(struct cred_inbox, 1);
            g_queue_init(&in->spans);
            g_hash_table_insert(inbox_of, peer, in);
        }
        in->last = *c;
        struct cred_span *tail = g_queue_peek_tail(&in->spans);
        if (tail && in->spans.length >= CRED_INBOX_MAX) {
            tail->bytes += bytes;
        } else {
            struct cred_span *s = g_new(struct cred_span, 1);
            *s = (struct cred_span){ .bytes = bytes, .cred = *c };
            g_queue_push_tail(&in->spans, s);
        }
    }
    G_UNLOCK(net_creds);
}

/* bytes were received on fd (a datagram: one whole message): the
 * credentials of their sender into *c; the spans they used are consumed
 * unless peek. False when fd has no known peer. */
static bool creds_received(int fd, uint64_t bytes, bool datagram, bool peek,
                           struct guest_ucred *c)
{
    bool known = false;
    G_LOCK(net_creds);
    uint64_t ino = peer_of ? socket_ino(fd) : 0;
    if (ino && g_hash_table_contains(peer_of, ino_key(ino))) {
        known = true;
        struct cred_inbox *in = g_hash_table_lookup(inbox_of, ino_key(ino));
        struct cred_span *head = in ? g_queue_peek_head(&in->spans) : NULL;
        if (!in) {
            /* Nothing was sent with sendmsg/sendto: the peer's creator. */
            struct guest_ucred *pc = g_hash_table_lookup(peer_cred,
                                                         ino_key(ino));
            *c = pc ? *pc : (struct guest_ucred){ 0 };
        } else if (!head) {
            *c = in->last;
        } else {
            *c = head->cred;
        }
        while (head && !peek) {
            if (!datagram && head->bytes > bytes) {
                head->bytes -= bytes;
                break;
            }
            bytes -= datagram ? 0 : head->bytes;
            g_free(g_queue_pop_head(&in->spans));
            head = datagram ? NULL : g_queue_peek_head(&in->spans);
            if (!bytes)
                break;
        }
    }
    G_UNLOCK(net_creds);
    return known;
}

/* SO_PEERCRED of fd when backstep knows it. */
static bool creds_peer(int fd, struct guest_ucred *c)
{
    bool known = false;
    G_LOCK(net_creds);
    struct guest_ucred *pc = peer_cred ? g_hash_table_lookup(
                                             peer_cred, ino_key(socket_ino(fd)))
                                       : NULL;
    if (pc) {
        *c = *pc;
        known = true;
    }
    G_UNLOCK(net_creds);
    return known;
}

/* --- socket, socketpair, bind, listen, shutdown ------------------------ */

static bool family_offered(int domain)
{
    return domain == AF_UNIX || domain == AF_INET || domain == AF_INET6;
}

USER_SYSCALL(socket)
{
    int domain = (int)a[0], type = (int)a[1], protocol = (int)a[2];
    if (type & ~(SOCK_TYPE_MASK | SOCK_NONBLOCK | SOCK_CLOEXEC))
        return -EINVAL;
    if (!family_offered(domain))
        return -EAFNOSUPPORT;
    int fd = socket(domain, type | SOCK_CLOEXEC, protocol);
    if (fd < 0)
        return -errno;
    creds_forget(fd);
    return user_fd_install(p, fd, type & SOCK_CLOEXEC, 0);
}

USER_SYSCALL(socketpair)
{
    int domain = (int)a[0], type = (int)a[1], protocol = (int)a[2];
    if (type & ~(SOCK_TYPE_MASK | SOCK_NONBLOCK | SOCK_CLOEXEC))
        return -EINVAL;
    if (!family_offered(domain))
        return -EAFNOSUPPORT;
    if (!user_access_ok(p, a[3], 2 * sizeof(int32_t), PAGESTORE_PROT_WRITE))
        return -EFAULT;
    int sv[2];
    if (socketpair(domain, type | SOCK_CLOEXEC, protocol, sv) < 0)
        return -errno;
    bool cloexec = type & SOCK_CLOEXEC;
    int g0 = user_fd_install(p, sv[0], cloexec, 0);
    if (g0 < 0) {
        close(sv[1]);
        return g0;
    }
    int g1 = user_fd_install(p, sv[1], cloexec, 0);
    if (g1 < 0) {
        user_fd_close(p, g0);
        return g1;
    }
    int32_t out[2] = { g0, g1 };
    int r = user_copy_out(p, a[3], out, sizeof(out));
    if (r < 0) {
        user_fd_close(p, g0);
        user_fd_close(p, g1);
    } else if (domain == AF_UNIX) {
        creds_pair(p, sv[0], sv[1]);
    }
    return r;
}

USER_SYSCALL(bind)
{
    int fd = sock_host(p, a[0]);
    if (fd < 0)
        return fd;
    struct net_addr na;
    int r = addr_in(p, a[1], a[2], &na);
    if (r < 0)
        return r;
    return host_result(bind(fd, (struct sockaddr *)&na.ss, na.len));
}

USER_SYSCALL(listen)
{
    int fd = sock_host(p, a[0]);
    if (fd < 0)
        return fd;
    return host_result(listen(fd, (int)a[1]));
}

USER_SYSCALL(shutdown)
{
    int fd = sock_host(p, a[0]);
    if (fd < 0)
        return fd;
    return host_result(shutdown(fd, (int)a[1]));
}

/* --- accept, connect --------------------------------------------------- */

struct accept_call {
    struct net_addr peer;
    int flags;
};

static int accept_op(int fd, void *arg)
{
    struct accept_call *c = arg;
    c->peer.len = sizeof(c->peer.ss);
    return accept4(fd, (struct sockaddr *)&c->peer.ss, &c->peer.len,
                   c->flags);
}

static int64_t do_accept(struct user_process *p, uint64_t gfd, uint64_t uaddr,
                         uint64_t ulen, uint64_t flags)
{
    if (flags & ~(uint64_t)(SOCK_NONBLOCK | SOCK_CLOEXEC))
        return -EINVAL;
    int fd = sock_host(p, gfd);
    if (fd < 0)
        return fd;
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0)
        return -errno;
    struct accept_call c = { .flags = (int)(flags & SOCK_NONBLOCK)
                                      | SOCK_CLOEXEC };
    int nfd;
    if (fl & O_NONBLOCK) {
        nfd = accept_op(fd, &c);
    } else {
        nfd = nonblocking_once(fd, fl, accept_op, &c);
        if (nfd < 0 && errno == EAGAIN)
            return park(p, fd, POLLIN, -EAGAIN);
    }
    if (nfd < 0)
        return -errno;
    creds_forget(nfd);
    int g = user_fd_install(p, nfd, flags & SOCK_CLOEXEC, 0);
    if (g < 0 || !uaddr)
        return g;
    /* Linux drops the connection when the address cannot be given. */
    int r = addr_out(p, &c.peer, uaddr, ulen);
    if (r < 0) {
        user_fd_close(p, g);
        return r;
    }
    return g;
}

USER_SYSCALL(accept)
{
    return do_accept(p, a[0], a[1], a[2], 0);
}

USER_SYSCALL(accept4)
{
    return do_accept(p, a[0], a[1], a[2], (uint32_t)a[3]);
}

static int connect_op(int fd, void *arg)
{
    const struct net_addr *na = arg;
    return connect(fd, (const struct sockaddr *)&na->ss, na->len);
}

/* A blocking connect is the host's non-blocking one and a park until the
 * socket is writable; the retry asks the socket how it ended. When
 * SO_SNDTIMEO passes first, EINPROGRESS, as Linux says. */
USER_SYSCALL(connect)
{
    int fd = sock_host(p, a[0]);
    if (fd < 0)
        return fd;
    if (p->cur->sys_retrying) {
        struct pollfd pfd = { .fd = fd, .events = POLLOUT };
        if (poll(&pfd, 1, 0) == 0)
            return park(p, fd, POLLOUT, -EINPROGRESS);
        int err = 0;
        socklen_t l = sizeof(err);
        if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &l) < 0)
            return -errno;
        return -err;
    }
    struct net_addr na;
    int r = addr_in(p, a[1], a[2], &na);
    if (r < 0)
        return r;
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0)
        return -errno;
    if (fl & O_NONBLOCK)
        return host_result(connect_op(fd, &na));
    if (nonblocking_once(fd, fl, connect_op, &na) == 0)
        return 0;
    if (errno == EINPROGRESS)
        return park(p, fd, POLLOUT, -EINPROGRESS);
    /* EAGAIN: an AF_UNIX listener's backlog is full. Linux would wait for
     * room, which poll() cannot tell us about: the guest gets EAGAIN. */
    return -errno;
}

/* --- names and options ------------------------------------------------- */

static int64_t get_name(struct user_process *p, const uint64_t *a, bool peer)
{
    int fd = sock_host(p, a[0]);
    if (fd < 0)
        return fd;
    struct net_addr na = { .len = sizeof(na.ss) };
    int r = peer ? getpeername(fd, (struct sockaddr *)&na.ss, &na.len)
                 : getsockname(fd, (struct sockaddr *)&na.ss, &na.len);
    if (r < 0)
        return -errno;
    return addr_out(p, &na, a[1], a[2]);
}

USER_SYSCALL(getsockname)
{
    return get_name(p, a, false);
}

USER_SYSCALL(getpeername)
{
    return get_name(p, a, true);
}

static bool option_refused(int level, int name)
{
    if (level == SOL_SOCKET)
        return name == L_SO_ATTACH_FILTER || name == L_SO_ATTACH_BPF
               || name == L_SO_ATTACH_REUSEPORT_CBPF
               || name == L_SO_ATTACH_REUSEPORT_EBPF;
    return level == IPPROTO_TCP && name == L_TCP_ZEROCOPY_RECEIVE;
}

USER_SYSCALL(setsockopt)
{
    int fd = sock_host(p, a[0]);
    if (fd < 0)
        return fd;
    int level = (int)a[1], name = (int)a[2];
    int32_t len = (int32_t)a[4];
    if (len < 0)
        return -EINVAL;
    if (option_refused(level, name))
        return -EOPNOTSUPP;
    if (len > GUEST_OPT_MAX)
        return -ENOBUFS;
    void *buf = g_malloc0(MAX(len, 1));
    int64_t r = user_copy_in(p, buf, a[3], (size_t)len);
    if (r == 0)
        r = host_result(setsockopt(fd, level, name, len ? buf : NULL,
                                   (socklen_t)len));
    g_free(buf);
    return r;
}

/* The host's SO_PEERCRED names backstep: the guest peer's instead, or
 * pid 0 with the host's ids when backstep does not know the peer. */
static void peer_cred_to_guest(int fd, void *buf, socklen_t len)
{
    struct guest_ucred host, c;
    memcpy(&host, buf, MIN(len, sizeof(host)));
    if (!creds_peer(fd, &c))
        c = (struct guest_ucred){ .pid = 0, .uid = host.uid,
                                  .gid = host.gid };
    memcpy(buf, &c, MIN(len, sizeof(c)));
}

USER_SYSCALL(getsockopt)
{
    int fd = sock_host(p, a[0]);
    if (fd < 0)
        return fd;
    int level = (int)a[1], name = (int)a[2];
    int32_t room;
    int64_t r = user_copy_in(p, &room, a[4], sizeof(room));
    if (r < 0)
        return r;
    if (room < 0)
        return -EINVAL;
    if (option_refused(level, name))
        return -EOPNOTSUPP;
    socklen_t len = (socklen_t)MIN(room, GUEST_OPT_MAX);
    void *buf = g_malloc0(MAX(len, 1u));
    r = host_result(getsockopt(fd, level, name, buf, &len));
    if (r == 0 && level == SOL_SOCKET && name == L_SO_PEERCRED)
        peer_cred_to_guest(fd, buf, len);
    if (r == 0) {
        uint32_t out = MIN(len, (socklen_t)room);
        r = user_copy_out(p, a[3], buf, out);
        if (r == 0)
            r = user_copy_out(p, a[4], &len, sizeof(uint32_t));
    }
    g_free(buf);
    return r;
}

/* --- sending and receiving --------------------------------------------- */

/* A stream socket with MSG_WAITALL: whether what is queued (or the end of
 * the stream) already satisfies want bytes, so that one non-waiting
 * receive returns what a waiting one would. */
static bool waitall_satisfied(int fd, size_t want)
{
    int type = 0;
    socklen_t l = sizeof(type);
    if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &l) < 0
        || type != SOCK_STREAM)
        return true;
    int queued = 0;
    if (ioctl(fd, FIONREAD, &queued) < 0 || (size_t)queued >= want)
        return true;
    struct pollfd pfd = { .fd = fd, .events = POLLRDHUP };
    return poll(&pfd, 1, 0) > 0;   /* the peer is done sending */
}

/* One sendmsg/recvmsg of the host. The guest's non-waiting calls go
 * straight through; a waiting one is tried with MSG_DONTWAIT and parks
 * its thread when it would wait. A waiting send may be short, as a
 * pipe's write is here (user/syscall-fs.c). */
static int64_t transfer_msg(struct user_process *p, int fd, struct msghdr *m,
                            int flags, bool is_send,
                            const struct guest_ucred *sent_cred)
{
    bool nonblock = guest_nonblocking(fd, flags);
    if (!is_send && !nonblock && (flags & MSG_WAITALL)) {
        size_t want = 0;
        for (size_t i = 0; i < m->msg_iovlen; i++)
            want += m->msg_iov[i].iov_len;
        if (!waitall_satisfied(fd, want))
            return park(p, fd, POLLIN | POLLRDHUP, -EAGAIN);
    }
    ssize_t r = is_send ? sendmsg(fd, m, flags | MSG_DONTWAIT)
                        : recvmsg(fd, m, flags | MSG_DONTWAIT);
    if (r >= 0 && is_send) {
        struct guest_ucred own = own_cred(p);
        creds_sent(fd, (uint64_t)r, sent_cred ? sent_cred : &own);
    }
    if (r >= 0)
        return r;
    int err = errno;
    if (err == EAGAIN && !nonblock)
        return park(p, fd, is_send ? POLLOUT : POLLIN, -EAGAIN);
    if (is_send && err == EPIPE && !(flags & MSG_NOSIGNAL))
        user_signal_send(p, USER_SIGPIPE);
    return -err;
}

/* Message-based sockets (datagram, seqpacket) give one message a
 * receive; a stream gives bytes. */
static bool socket_is_datagram(int fd)
{
    int type = 0;
    socklen_t l = sizeof(type);
    return getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &l) == 0
           && type != SOCK_STREAM;
}

/* A receive got bytes on fd: its sender's guest credentials into *c
 * (consuming their spans unless MSG_PEEK); false when the peer is not
 * known. */
static bool received_cred(int fd, uint64_t bytes, int flags,
                          struct guest_ucred *c)
{
    return creds_received(fd, bytes, socket_is_datagram(fd),
                          flags & MSG_PEEK, c);
}

USER_SYSCALL(sendto)
{
    int fd = sock_host(p, a[0]);
    if (fd < 0)
        return fd;
    struct user_host_iov *iov = g_new(struct user_host_iov, 1);
    iov->n = 0;
    struct net_addr na = { .len = 0 };
    int64_t r = user_iov_add(p, iov, a[1], MIN(a[2], GUEST_RW_MAX),
                             PAGESTORE_PROT_READ);
    if (r == 0 && a[4])
        r = addr_in(p, a[4], a[5], &na);
    if (r == 0) {
        struct msghdr m = {
            .msg_name = a[4] ? &na.ss : NULL, .msg_namelen = na.len,
            .msg_iov = iov->v, .msg_iovlen = (size_t)iov->n,
        };
        r = transfer_msg(p, fd, &m, (int)a[3], true, NULL);
    }
    g_free(iov);
    return r;
}

USER_SYSCALL(recvfrom)
{
    int fd = sock_host(p, a[0]);
    if (fd < 0)
        return fd;
    struct user_host_iov *iov = g_new(struct user_host_iov, 1);
    iov->n = 0;
    struct net_addr na = { .len = sizeof(na.ss) };
    int64_t r = user_iov_add(p, iov, a[1], MIN(a[2], GUEST_RW_MAX),
                             PAGESTORE_PROT_WRITE);
    if (r == 0) {
        struct msghdr m = {
            .msg_name = a[4] ? &na.ss : NULL,
            .msg_namelen = a[4] ? na.len : 0,
            .msg_iov = iov->v, .msg_iovlen = (size_t)iov->n,
        };
        r = transfer_msg(p, fd, &m, (int)a[3] & ~MSG_CMSG_CLOEXEC, false,
                         NULL);
        struct guest_ucred unused;
        if (r >= 0)
            received_cred(fd, (uint64_t)r, (int)a[3], &unused);
        if (r >= 0 && a[4]) {
            na.len = m.msg_namelen;
            int e = addr_out(p, &na, a[4], a[5]);
            if (e < 0)
                r = e;
        }
    }
    g_free(iov);
    return r;
}

/* An SCM_CREDENTIALS message the guest sends: checked as Linux checks
 * it, kept in *cred for the receiver, and made the host's own (backstep's
 * pid and ids, which the host accepts). */
static int creds_to_host(struct user_process *p, uint8_t *data, size_t len,
                         struct guest_ucred *cred)
{
    if (len != sizeof(struct ucred))
        return -EINVAL;
    memcpy(cred, data, sizeof(*cred));
    int r = cred_check(p, cred);
    if (r < 0)
        return r;
    struct ucred host = { .pid = getpid(), .uid = geteuid(),
                          .gid = getegid() };
    memcpy(data, &host, sizeof(host));
    return 0;
}

/* The guest's control messages for the host: SCM_RIGHTS's guest fds
 * become host fds, SCM_CREDENTIALS's guest credentials go to *cred (and
 * *has_cred is set); 0, -EINVAL (a malformed header), -EBADF, -EPERM. */
static int control_to_host(struct user_process *p, uint8_t *buf, size_t len,
                           struct guest_ucred *cred, bool *has_cred)
{
    size_t off = 0;
    while (len - off >= sizeof(struct cmsghdr)) {
        struct cmsghdr c;
        memcpy(&c, buf + off, sizeof(c));
        if (c.cmsg_len < sizeof(c) || c.cmsg_len > len - off)
            return -EINVAL;
        if (c.cmsg_level == SOL_SOCKET && c.cmsg_type == SCM_CREDENTIALS) {
            int r = creds_to_host(p, buf + off + sizeof(c),
                                  c.cmsg_len - sizeof(c), cred);
            if (r < 0)
                return r;
            *has_cred = true;
        } else if (c.cmsg_level == SOL_SOCKET) {
            if (c.cmsg_type != SCM_RIGHTS)
                return -EINVAL;
            size_t n = (c.cmsg_len - sizeof(c)) / sizeof(int32_t);
            if (n > GUEST_SCM_MAX_FD)
                return -EINVAL;
            for (size_t i = 0; i < n; i++) {
                uint8_t *at = buf + off + sizeof(c) + i * sizeof(int32_t);
                int32_t gfd;
                memcpy(&gfd, at, sizeof(gfd));
                int host = user_fd_host(p, gfd);
                if (host < 0)
                    return host;
                memcpy(at, &host, sizeof(host));
            }
        }
        off += CMSG_ALIGN(c.cmsg_len);
        if (off > len)
            break;
    }
    return 0;
}

/* Descriptors the host received (SCM_RIGHTS) join the guest's table and
 * the message names their guest numbers. When the table is full, the
 * rest are closed and MSG_CTRUNC says so, as Linux's scm_detach_fds.
 * The host's SCM_CREDENTIALS (the socket has SO_PASSCRED) become the
 * guest sender's, *cred, or pid 0 when !cred_known. */
static void control_to_guest(struct user_process *p, struct msghdr *m,
                             bool cloexec, const struct guest_ucred *cred,
                             bool cred_known)
{
    for (struct cmsghdr *c = CMSG_FIRSTHDR(m); c; c = CMSG_NXTHDR(m, c)) {
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_CREDENTIALS
            && c->cmsg_len >= CMSG_LEN(sizeof(struct ucred))) {
            struct guest_ucred g;
            memcpy(&g, CMSG_DATA(c), sizeof(g));
            g = cred_known ? *cred : (struct guest_ucred){ .pid = 0,
                                     .uid = g.uid, .gid = g.gid };
            memcpy(CMSG_DATA(c), &g, sizeof(g));
            continue;
        }
        if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
            continue;
        size_t n = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
        uint8_t *data = CMSG_DATA(c);
        for (size_t i = 0; i < n; i++) {
            int host;
            memcpy(&host, data + i * sizeof(int), sizeof(int));
            int g = user_fd_install(p, host, cloexec, 0);
            if (g < 0) {
                for (size_t j = i + 1; j < n; j++) {
                    memcpy(&host, data + j * sizeof(int), sizeof(int));
                    close(host);
                }
                c->cmsg_len = CMSG_LEN(i * sizeof(int));
                m->msg_flags |= MSG_CTRUNC;
                break;
            }
            memcpy(data + i * sizeof(int), &g, sizeof(int));
        }
    }
}

/* sendmsg/recvmsg: the guest's msghdr into a host one (name, iovecs and
 * control buffer in host memory). Checks as Linux's copy_msghdr_from_user. */
struct msg_call {
    struct guest_msghdr g;
    struct msghdr m;
    struct net_addr name;
    struct user_host_iov iov;
    uint8_t *control;
    struct guest_ucred cred;      /* sent in SCM_CREDENTIALS, or received */
    bool has_cred;
};

static int msg_in(struct user_process *p, uint64_t gaddr, struct msg_call *c,
                  bool is_send)
{
    c->has_cred = false;
    int r = user_copy_in(p, &c->g, gaddr, sizeof(c->g));
    if (r < 0)
        return r;
    if (c->g.iovlen > USER_GUEST_IOV_MAX)
        return -EMSGSIZE;
    int32_t namelen = c->g.name ? (int32_t)c->g.namelen : 0;
    if (namelen < 0)
        return -EINVAL;
    namelen = MIN(namelen, GUEST_SOCKADDR_MAX);
    if (is_send && c->g.name) {
        r = addr_in(p, c->g.name, (uint64_t)namelen, &c->name);
        if (r < 0)
            return r;
    } else {
        c->name.len = sizeof(c->name.ss);
    }
    c->iov.n = 0;
    r = user_iov_from_guest(p, &c->iov, c->g.iov, c->g.iovlen,
                            is_send ? PAGESTORE_PROT_READ
                                    : PAGESTORE_PROT_WRITE);
    if (r < 0)
        return r;
    size_t clen = 0;
    if (c->g.control && c->g.controllen) {
        if (is_send) {
            if (c->g.controllen > GUEST_CONTROL_MAX)
                return -ENOBUFS;
            clen = c->g.controllen;
        } else {
            clen = MIN(c->g.controllen, (uint64_t)GUEST_CONTROL_MAX);
            if (!user_access_ok(p, c->g.control, clen, PAGESTORE_PROT_WRITE))
                return -EFAULT;
        }
        c->control = g_malloc0(clen);
        if (is_send) {
            r = user_copy_in(p, c->control, c->g.control, clen);
            if (r == 0)
                r = control_to_host(p, c->control, clen, &c->cred,
                                    &c->has_cred);
            if (r < 0)
                return r;
        }
    }
    c->m = (struct msghdr){
        .msg_name = c->g.name ? &c->name.ss : NULL,
        .msg_namelen = c->g.name ? c->name.len : 0,
        .msg_iov = c->iov.v, .msg_iovlen = (size_t)c->iov.n,
        .msg_control = clen ? c->control : NULL, .msg_controllen = clen,
    };
    return 0;
}

USER_SYSCALL(sendmsg)
{
    int fd = sock_host(p, a[0]);
    if (fd < 0)
        return fd;
    struct msg_call *c = g_new0(struct msg_call, 1);
    int64_t r = msg_in(p, a[1], c, true);
    if (r == 0)
        r = transfer_msg(p, fd, &c->m, (int)a[2], true,
                         c->has_cred ? &c->cred : NULL);
    g_free(c->control);
    g_free(c);
    return r;
}

/* What recvmsg gives back besides the data: the sender's address, the
 * control messages, and msg_namelen, msg_controllen and msg_flags in the
 * guest's msghdr. */
static int msg_out(struct user_process *p, uint64_t gaddr, struct msg_call *c,
                   int guest_flags)
{
    int r;
    if (c->g.name) {
        c->name.len = c->m.msg_namelen;
        r = addr_out(p, &c->name, c->g.name, gaddr + GUEST_MSG_NAMELEN_OFF);
        if (r < 0)
            return r;
    }
    uint64_t clen = c->m.msg_control ? c->m.msg_controllen : 0;
    if (clen) {
        r = user_copy_out(p, c->g.control, c->control, clen);
        if (r < 0)
            return r;
    }
    r = user_copy_out(p, gaddr + GUEST_MSG_CONTROLLEN_OFF, &clen, sizeof(clen));
    if (r < 0)
        return r;
    /* Linux reports the caller's MSG_CMSG_CLOEXEC back in msg_flags. */
    int32_t flags = (c->m.msg_flags & ~MSG_CMSG_CLOEXEC)
                    | (guest_flags & MSG_CMSG_CLOEXEC);
    return user_copy_out(p, gaddr + GUEST_MSG_FLAGS_OFF, &flags, sizeof(flags));
}

USER_SYSCALL(recvmsg)
{
    int fd = sock_host(p, a[0]);
    if (fd < 0)
        return fd;
    int flags = (int)a[2];
    struct msg_call *c = g_new0(struct msg_call, 1);
    int64_t r = msg_in(p, a[1], c, false);
    if (r == 0) {
        /* Received host fds are close-on-exec like all of ours; the
         * guest's MSG_CMSG_CLOEXEC goes to its table. */
        r = transfer_msg(p, fd, &c->m, flags | MSG_CMSG_CLOEXEC, false,
                         NULL);
        if (r >= 0) {
            bool known = received_cred(fd, (uint64_t)r, flags, &c->cred);
            if (c->m.msg_control)
                control_to_guest(p, &c->m, flags & MSG_CMSG_CLOEXEC,
                                 &c->cred, known);
            int e = msg_out(p, a[1], c, flags);
            if (e < 0)
                r = e;
        }
    }
    g_free(c->control);
    g_free(c);
    return r;
}
