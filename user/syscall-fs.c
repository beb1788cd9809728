/* File system calls: the guest's fds go through the fd table, its paths
 * through the guest root (path.c), its buffers through the page store.
 *
 * Determinism: file and terminal reads are inputs from outside. Issue 5
 * routes them through the event log; for now they reach the host. */
#define _GNU_SOURCE
#include "config.h"

#include "user/syscall.h"
#include "user/file-shm.h"

#include "cpu/cpu.h"
#include "hw/pagestore.h"

#include <errno.h>
#include <inttypes.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#define GUEST_AT_FDCWD (-100)
#define GUEST_RW_MAX 0x7ffff000ull   /* Linux's MAX_RW_COUNT */

/* open flags where arm64 (asm-generic) and x86-64 differ. */
#define GUEST_O_DIRECTORY 0040000
#define GUEST_O_NOFOLLOW 0100000
#define GUEST_O_DIRECT 0200000
#define GUEST_O_LARGEFILE 0400000
#define GUEST_O_CLOEXEC 02000000

static const struct { int guest, host; } open_flag_map[] = {
    { GUEST_O_DIRECTORY, O_DIRECTORY },
    { GUEST_O_NOFOLLOW, O_NOFOLLOW },
    { GUEST_O_DIRECT, O_DIRECT },
};
#define SAME_OPEN_FLAGS (O_ACCMODE | O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC \
                         | O_APPEND | O_NONBLOCK | O_DSYNC | O_ASYNC \
                         | O_NOATIME | O_CLOEXEC | O_SYNC | O_PATH)

static int open_flags_to_host(uint64_t g)
{
    int h = g & SAME_OPEN_FLAGS;
    for (size_t i = 0; i < G_N_ELEMENTS(open_flag_map); i++)
        if (g & open_flag_map[i].guest)
            h |= open_flag_map[i].host;
    /* O_TMPFILE is __O_TMPFILE | O_DIRECTORY on both; its own bit agrees. */
    if (g & 020000000)
        h |= 020000000;
    return h;
}

static uint64_t open_flags_to_guest(int h)
{
    uint64_t g = h & SAME_OPEN_FLAGS;
    for (size_t i = 0; i < G_N_ELEMENTS(open_flag_map); i++)
        if (h & open_flag_map[i].host)
            g |= open_flag_map[i].guest;
    /* 64-bit Linux reports O_LARGEFILE on every fd. */
    return (g | GUEST_O_LARGEFILE) & ~(uint64_t)O_CLOEXEC;
}

/* The guest dirfd argument as a host one. */
static int host_dirfd(struct user_process *p, uint64_t gfd)
{
    if ((int)gfd == GUEST_AT_FDCWD)
        return AT_FDCWD;
    return user_fd_host(p, (int)gfd);
}

/* Copy a guest path in and resolve it to a host path (path.c: the guest
 * root, /proc/self/exe). */
static int guest_path(struct user_process *p, uint64_t addr, char **out)
{
    char buf[PATH_MAX];
    ssize_t n = user_copy_str_in(p, addr, buf, sizeof(buf));
    if (n < 0)
        return n;
    *out = user_path_resolve(p, buf);
    return 0;
}

/* The (dirfd, path) pair of an *at system call: the host directory fd
 * (AT_FDCWD kept) and the resolved host path (g_free it). 0 or -errno. */
static int guest_at_path(struct user_process *p, uint64_t gdirfd,
                         uint64_t gpath, int *dirfd, char **path)
{
    *dirfd = host_dirfd(p, gdirfd);
    if (*dirfd < 0 && *dirfd != AT_FDCWD)
        return *dirfd;
    return guest_path(p, gpath, path);
}

/* Add the guest range [addr, addr+len) to iov as host pieces (one per
 * page), after checking that all of it allows need. Stops quietly when
 * iov is full: the transfer is then short. */
int user_iov_add(struct user_process *p, struct user_host_iov *iov,
                 uint64_t addr, uint64_t len, unsigned need)
{
    if (!user_access_ok(p, addr, len, need))
        return -EFAULT;
    while (len > 0 && iov->n < USER_HOST_IOV_MAX) {
        unsigned prot;
        uint8_t *page = pagestore_translate(p->mem, addr, &prot);
        if (!page)
            return -EFAULT;   /* host out of memory */
        size_t off = addr & ~PAGESTORE_PAGE_MASK;
        size_t n = MIN(len, PAGESTORE_PAGE_SIZE - off);
        if ((need & PAGESTORE_PROT_WRITE) && (prot & PAGESTORE_PROT_EXEC))
            user_code_changed(p, addr, n);
        iov->v[iov->n++] = (struct iovec){ page + off, n };
        addr += n;
        len -= n;
    }
    return 0;
}

int user_iov_from_guest(struct user_process *p, struct user_host_iov *iov,
                        uint64_t giov, uint64_t count, unsigned need)
{
    if (count > USER_GUEST_IOV_MAX)
        return -EINVAL;
    struct guest_iovec { uint64_t base, len; };
    struct guest_iovec *vec = g_new(struct guest_iovec, count ? count : 1);
    int r = user_copy_in(p, vec, giov, count * 16);
    uint64_t total = 0;
    for (uint64_t i = 0; r == 0 && i < count; i++) {
        uint64_t len = vec[i].len;
        if ((int64_t)len < 0 || len > GUEST_RW_MAX - total) {
            r = -EINVAL;
            break;
        }
        total += len;
        r = user_iov_add(p, iov, vec[i].base, len, need);
    }
    g_free(vec);
    return r;
}

static int64_t host_result(ssize_t r)
{
    return r < 0 ? -errno : r;
}

/* A write to a pipe with no reader fails with EPIPE and sends SIGPIPE. */
static int64_t write_result(struct user_process *p, int64_t r)
{
    if (r == -EPIPE)
        user_signal_send(p, USER_SIGPIPE);
    return r;
}

/* Pipes, FIFOs, sockets and terminals can make a read or write wait;
 * files cannot. */
static bool may_wait(int fd, int *flags)
{
    struct stat st;
    if (fstat(fd, &st) < 0)
        return false;
    if (!S_ISFIFO(st.st_mode) && !S_ISSOCK(st.st_mode) && !S_ISCHR(st.st_mode))
        return false;
    *flags = fcntl(fd, F_GETFL);
    /* A guest that asked for O_NONBLOCK gets EAGAIN from the host. */
    return *flags >= 0 && !(*flags & O_NONBLOCK);
}

/* The host transfer of a read or write that may have to wait: a thread
 * whose fd is not ready is parked (the host thread runs the others) and
 * retries when poll() says it is. With other threads about, a write goes
 * out non-blocking, so that a full pipe whose reader is another guest
 * thread or process parks the writer instead of hanging backstep (the
 * write may then be short, which callers handle).
 *
 * EVENT LOG: the readiness poll is an input from outside. */
static int64_t transfer(struct user_process *p, int fd,
                        struct user_host_iov *iov, bool is_write)
{
    int flags;
    if (!may_wait(fd, &flags))
        return host_result(is_write ? writev(fd, iov->v, iov->n)
                                    : readv(fd, iov->v, iov->n));
    struct pollfd pfd = { .fd = fd, .events = is_write ? POLLOUT : POLLIN };
    if (poll(&pfd, 1, 0) == 0)
        return user_block_io(p->cur, fd, pfd.events);
    if (!is_write)
        return host_result(readv(fd, iov->v, iov->n));
    bool others = user_kernel_live_threads(p->kernel) > 1;
    if (others)
        fcntl(fd, F_SETFL, flags | O_NONBLOCK);
    int64_t r = host_result(writev(fd, iov->v, iov->n));
    if (others)
        fcntl(fd, F_SETFL, flags);
    if (r == -EAGAIN)
        return user_block_io(p->cur, fd, POLLOUT);
    return r;
}

/* A write to /proc/.../task/TID/comm names thread TID (what
 * pthread_setname_np does for a thread other than the caller). */
static int64_t comm_written(struct user_process *p, uint64_t gfd,
                            uint64_t buf, int64_t n)
{
    if ((int64_t)gfd < 0 || gfd >= USER_FD_MAX || !p->fds[gfd].comm_tid)
        return n;
    struct user_thread *t = user_thread_find(p->kernel, p->fds[gfd].comm_tid);
    char name[16] = { 0 };
    size_t len = MIN((uint64_t)n, sizeof(name) - 1);
    if (!t || user_copy_in(p, name, buf, len) < 0)
        return n;
    name[strcspn(name, "\n")] = '\0';
    memcpy(t->comm, name, sizeof(name));
    return n;
}

/* /proc/self/comm, /proc/self/task/TID/comm, /proc/PID/task/TID/comm:
 * the thread's name lives here, not in the host's /proc. The tid, or 0
 * for another path. */
static int64_t comm_path_tid(struct user_process *p, const char *path)
{
    int64_t pid = 0, tid = 0;
    int end = 0;
    if (strcmp(path, "/proc/self/comm") == 0
        || strcmp(path, "/proc/thread-self/comm") == 0)
        return p->cur->tid;
    if (sscanf(path, "/proc/self/task/%" SCNd64 "/comm%n", &tid, &end) == 1
        && path[end] == '\0')
        pid = p->pid;
    else if (sscanf(path, "/proc/%" SCNd64 "/task/%" SCNd64 "/comm%n", &pid,
                    &tid, &end) != 2 || path[end] != '\0')
        return 0;
    struct user_thread *t = user_thread_find(p->kernel, tid);
    return t && t->proc->pid == pid ? tid : 0;
}

/* An fd for a thread's comm: a memory file holding "name\n". */
static int64_t comm_open(struct user_process *p, int64_t tid, uint64_t flags)
{
    struct user_thread *t = user_thread_find(p->kernel, tid);
    int fd = memfd_create("comm", MFD_CLOEXEC);
    if (fd < 0)
        return -errno;
    char line[18];
    int n = snprintf(line, sizeof(line), "%s\n", t->comm);
    if (write(fd, line, n) != n) {
        close(fd);
        return -EIO;
    }
    lseek(fd, 0, SEEK_SET);
    int g = user_fd_install(p, fd, flags & GUEST_O_CLOEXEC, 0);
    if (g >= 0 && (flags & O_ACCMODE) != O_RDONLY)
        p->fds[g].comm_tid = tid;
    return g;
}

/* read/write/pread/pwrite on one guest buffer. offset < 0: no offset. */
static int64_t rw_buffer(struct user_process *p, uint64_t gfd, uint64_t buf,
                         uint64_t count, int64_t offset, bool is_write)
{
    int fd = user_fd_host(p, gfd);
    if (fd < 0)
        return fd;
    count = MIN(count, GUEST_RW_MAX);
    struct user_host_iov *iov = g_new(struct user_host_iov, 1);
    iov->n = 0;
    int64_t r = user_iov_add(p, iov, buf, count,
                        is_write ? PAGESTORE_PROT_READ : PAGESTORE_PROT_WRITE);
    if (r == 0) {
        user_file_shm_flush(p, fd);   /* stores to a shared mapping */
        if (offset >= 0)
            r = host_result(is_write ? pwritev(fd, iov->v, iov->n, offset)
                                     : preadv(fd, iov->v, iov->n, offset));
        else
            r = transfer(p, fd, iov, is_write);
        if (is_write && r > 0)
            user_file_shm_written(p, fd, offset, r);
    }
    g_free(iov);
    if (r == USER_SYSCALL_BLOCKED)
        return r;
    if (is_write && r >= 0)
        r = comm_written(p, gfd, buf, r);
    return is_write ? write_result(p, r) : r;
}

USER_SYSCALL(read)
{
    return rw_buffer(p, a[0], a[1], a[2], -1, false);
}

USER_SYSCALL(write)
{
    return rw_buffer(p, a[0], a[1], a[2], -1, true);
}

USER_SYSCALL(pread64)
{
    if ((int64_t)a[3] < 0)
        return -EINVAL;
    return rw_buffer(p, a[0], a[1], a[2], a[3], false);
}

USER_SYSCALL(pwrite64)
{
    if ((int64_t)a[3] < 0)
        return -EINVAL;
    return rw_buffer(p, a[0], a[1], a[2], a[3], true);
}

/* readv/writev: the guest's iovec array (16 bytes an entry on arm64). */
static int64_t rw_vector(struct user_process *p, uint64_t gfd, uint64_t giov,
                         uint64_t count, bool is_write)
{
    int fd = user_fd_host(p, gfd);
    if (fd < 0)
        return fd;
    struct user_host_iov *iov = g_new(struct user_host_iov, 1);
    iov->n = 0;
    int64_t r = user_iov_from_guest(p, iov, giov, count,
                                    is_write ? PAGESTORE_PROT_READ
                                             : PAGESTORE_PROT_WRITE);
    if (r == 0) {
        user_file_shm_flush(p, fd);   /* stores to a shared mapping */
        r = transfer(p, fd, iov, is_write);
        if (is_write && r > 0)
            user_file_shm_written(p, fd, -1, r);
    }
    g_free(iov);
    if (r == USER_SYSCALL_BLOCKED)
        return r;
    return is_write ? write_result(p, r) : r;
}

USER_SYSCALL(readv)
{
    return rw_vector(p, a[0], a[1], a[2], false);
}

USER_SYSCALL(writev)
{
    return rw_vector(p, a[0], a[1], a[2], true);
}

USER_SYSCALL(openat)
{
    int dirfd = host_dirfd(p, a[0]);
    if (dirfd < 0 && dirfd != AT_FDCWD)
        return dirfd;
    char raw[64];
    if (user_copy_str_in(p, a[1], raw, sizeof(raw)) > 0) {
        int64_t tid = comm_path_tid(p, raw);
        if (tid)
            return comm_open(p, tid, a[2]);
    }
    char *path;
    int r = guest_path(p, a[1], &path);
    if (r < 0)
        return r;
    int fd = openat(dirfd, path, open_flags_to_host(a[2]) | O_CLOEXEC,
                    (mode_t)a[3]);
    g_free(path);
    if (fd < 0)
        return -errno;
    return user_fd_install(p, fd, a[2] & GUEST_O_CLOEXEC, 0);
}

USER_SYSCALL(close)
{
    return user_fd_close(p, a[0]);
}

USER_SYSCALL(lseek)
{
    int fd = user_fd_host(p, a[0]);
    if (fd < 0)
        return fd;
    return host_result(lseek(fd, (off_t)a[1], (int)a[2]));
}

/* struct stat as arm64 (asm-generic) lays it out: not x86-64's. */
struct guest_stat {
    uint64_t dev, ino;
    uint32_t mode, nlink, uid, gid;
    uint64_t rdev, pad1;
    int64_t size;
    int32_t blksize, pad2;
    int64_t blocks;
    int64_t atime;
    uint64_t atime_nsec;
    int64_t mtime;
    uint64_t mtime_nsec;
    int64_t ctime;
    uint64_t ctime_nsec;
    uint32_t unused4, unused5;
};
G_STATIC_ASSERT(sizeof(struct guest_stat) == 128);

static int copy_stat_out(struct user_process *p, uint64_t addr,
                         const struct stat *st)
{
    struct guest_stat g = {
        .dev = st->st_dev, .ino = st->st_ino, .mode = st->st_mode,
        .nlink = st->st_nlink, .uid = st->st_uid, .gid = st->st_gid,
        .rdev = st->st_rdev, .size = st->st_size, .blksize = st->st_blksize,
        .blocks = st->st_blocks,
        .atime = st->st_atim.tv_sec, .atime_nsec = st->st_atim.tv_nsec,
        .mtime = st->st_mtim.tv_sec, .mtime_nsec = st->st_mtim.tv_nsec,
        .ctime = st->st_ctim.tv_sec, .ctime_nsec = st->st_ctim.tv_nsec,
    };
    return user_copy_out(p, addr, &g, sizeof(g));
}

USER_SYSCALL(fstat)
{
    int fd = user_fd_host(p, a[0]);
    if (fd < 0)
        return fd;
    struct stat st;
    if (fstat(fd, &st) < 0)
        return -errno;
    return copy_stat_out(p, a[1], &st);
}

USER_SYSCALL(newfstatat)
{
    int dirfd;
    char *path;
    int r = guest_at_path(p, a[0], a[1], &dirfd, &path);
    if (r < 0)
        return r;
    struct stat st;
    r = fstatat(dirfd, path, &st, (int)a[3]) < 0 ? -errno : 0;
    g_free(path);
    if (r < 0)
        return r;
    return copy_stat_out(p, a[2], &st);
}

/* struct statx has one layout on every architecture. */
USER_SYSCALL(statx)
{
    int dirfd;
    char *path;
    int r = guest_at_path(p, a[0], a[1], &dirfd, &path);
    if (r < 0)
        return r;
    struct statx stx;
    r = statx(dirfd, path, (int)a[2], (unsigned)a[3], &stx) < 0 ? -errno : 0;
    g_free(path);
    if (r < 0)
        return r;
    return user_copy_out(p, a[4], &stx, sizeof(stx));
}

/* Terminal ioctls (asm-generic numbers and layouts, as on x86-64). */
#define GUEST_TCGETS 0x5401
#define GUEST_TCSETS 0x5402
#define GUEST_TCSETSW 0x5403
#define GUEST_TCSETSF 0x5404
#define GUEST_TIOCGPGRP 0x540f
#define GUEST_TIOCGWINSZ 0x5413
#define GUEST_TIOCSWINSZ 0x5414
#define GUEST_FIONREAD 0x541b
#define GUEST_FIONBIO 0x5421
#define GUEST_TERMIOS_SIZE 36   /* kernel struct termios: 4 flags, line, 19 cc */

USER_SYSCALL(ioctl)
{
    int fd = user_fd_host(p, a[0]);
    if (fd < 0)
        return fd;
    uint8_t buf[64] = { 0 };
    switch ((uint32_t)a[1]) {
    case GUEST_TCGETS:
        if (ioctl(fd, TCGETS, buf) < 0)
            return -errno;
        return user_copy_out(p, a[2], buf, GUEST_TERMIOS_SIZE);
    case GUEST_TCSETS:
    case GUEST_TCSETSW:
    case GUEST_TCSETSF: {
        static const unsigned long host_req[] = { TCSETS, TCSETSW, TCSETSF };
        int r = user_copy_in(p, buf, a[2], GUEST_TERMIOS_SIZE);
        if (r < 0)
            return r;
        return host_result(ioctl(fd, host_req[(uint32_t)a[1] - GUEST_TCSETS],
                                 buf));
    }
    case GUEST_TIOCGWINSZ:
        if (ioctl(fd, TIOCGWINSZ, buf) < 0)
            return -errno;
        return user_copy_out(p, a[2], buf, sizeof(struct winsize));
    case GUEST_TIOCSWINSZ: {
        int r = user_copy_in(p, buf, a[2], sizeof(struct winsize));
        if (r < 0)
            return r;
        return host_result(ioctl(fd, TIOCSWINSZ, buf));
    }
    case GUEST_FIONREAD: {
        int n;
        if (ioctl(fd, FIONREAD, &n) < 0)
            return -errno;
        return user_copy_out(p, a[2], &n, sizeof(n));
    }
    case GUEST_FIONBIO: {
        /* O_NONBLOCK by another name (sockets' older idiom). */
        int32_t on;
        int r = user_copy_in(p, &on, a[2], sizeof(on));
        if (r < 0)
            return r;
        int fl = fcntl(fd, F_GETFL);
        if (fl < 0)
            return -errno;
        return host_result(fcntl(fd, F_SETFL, on ? fl | O_NONBLOCK
                                                 : fl & ~O_NONBLOCK));
    }
    case GUEST_TIOCGPGRP: {
        /* The guest's own process group, once the host says it is a tty. */
        if (ioctl(fd, TCGETS, buf) < 0)
            return -errno;
        int32_t pgrp = (int32_t)p->pgid;
        return user_copy_out(p, a[2], &pgrp, sizeof(pgrp));
    }
    default:
        return -ENOTTY;
    }
}

#define GUEST_F_DUPFD 0
#define GUEST_F_GETFD 1
#define GUEST_F_SETFD 2
#define GUEST_F_GETFL 3
#define GUEST_F_SETFL 4
#define GUEST_F_DUPFD_CLOEXEC 1030
#define GUEST_F_ADD_SEALS 1033   /* memfd seals: the same values as the host's */
#define GUEST_F_GET_SEALS 1034

USER_SYSCALL(fcntl)
{
    int fd = user_fd_host(p, a[0]);
    if (fd < 0)
        return fd;
    switch ((int)a[1]) {
    case GUEST_F_DUPFD:
    case GUEST_F_DUPFD_CLOEXEC: {
        if ((int64_t)a[2] < 0 || a[2] >= USER_FD_MAX)
            return -EINVAL;
        int h = fcntl(fd, F_DUPFD_CLOEXEC, 3);
        if (h < 0)
            return -errno;
        return user_fd_install(p, h, (int)a[1] == GUEST_F_DUPFD_CLOEXEC, a[2]);
    }
    case GUEST_F_GETFD:
        return p->fds[a[0]].cloexec ? FD_CLOEXEC : 0;
    case GUEST_F_SETFD:
        p->fds[a[0]].cloexec = a[2] & FD_CLOEXEC;
        return 0;
    case GUEST_F_GETFL: {
        int fl = fcntl(fd, F_GETFL);
        if (fl < 0)
            return -errno;
        return open_flags_to_guest(fl);
    }
    case GUEST_F_SETFL:
        return host_result(fcntl(fd, F_SETFL, open_flags_to_host(a[2])));
    case GUEST_F_ADD_SEALS:
        return host_result(fcntl(fd, F_ADD_SEALS, (int)a[2]));
    case GUEST_F_GET_SEALS:
        return host_result(fcntl(fd, F_GET_SEALS));
    default:
        return -EINVAL;
    }
}

USER_SYSCALL(dup)
{
    int fd = user_fd_host(p, a[0]);
    if (fd < 0)
        return fd;
    int h = fcntl(fd, F_DUPFD_CLOEXEC, 3);
    if (h < 0)
        return -errno;
    return user_fd_install(p, h, false, 0);
}

USER_SYSCALL(dup3)
{
    int fd = user_fd_host(p, a[0]);
    if (fd < 0)
        return fd;
    if (a[2] & ~(uint64_t)GUEST_O_CLOEXEC)
        return -EINVAL;
    if (a[0] == a[1])
        return -EINVAL;
    if (a[1] >= MIN(p->rlimits[USER_RLIMIT_NOFILE].cur, (uint64_t)USER_FD_MAX))
        return -EBADF;
    int h = fcntl(fd, F_DUPFD_CLOEXEC, 3);
    if (h < 0)
        return -errno;
    user_fd_close(p, a[1]);
    return user_fd_install(p, h, a[2] & GUEST_O_CLOEXEC, a[1]);
}

USER_SYSCALL(pipe2)
{
    if (a[1] & ~(uint64_t)(GUEST_O_CLOEXEC | O_NONBLOCK | GUEST_O_DIRECT))
        return -EINVAL;
    if (!user_access_ok(p, a[0], 8, PAGESTORE_PROT_WRITE))
        return -EFAULT;
    int host[2];
    if (pipe2(host, O_CLOEXEC | open_flags_to_host(a[1] & ~GUEST_O_CLOEXEC)) < 0)
        return -errno;
    bool cloexec = a[1] & GUEST_O_CLOEXEC;
    int32_t g[2];
    g[0] = user_fd_install(p, host[0], cloexec, 0);
    if (g[0] < 0) {
        close(host[1]);
        return g[0];
    }
    g[1] = user_fd_install(p, host[1], cloexec, 0);
    if (g[1] < 0) {
        user_fd_close(p, g[0]);
        return g[1];
    }
    return user_copy_out(p, a[0], g, sizeof(g));
}

USER_SYSCALL(getcwd)
{
    char buf[PATH_MAX];
    if (!getcwd(buf, sizeof(buf)))
        return -errno;
    size_t len = strlen(buf) + 1;
    if (a[1] < len)
        return -ERANGE;
    int r = user_copy_out(p, a[0], buf, len);
    return r < 0 ? r : (int64_t)len;
}

USER_SYSCALL(chdir)
{
    char *path;
    int r = guest_path(p, a[0], &path);
    if (r < 0)
        return r;
    r = chdir(path) < 0 ? -errno : 0;
    g_free(path);
    return r;
}

static int64_t access_at(struct user_process *p, uint64_t gdirfd,
                         uint64_t gpath, uint64_t mode, uint64_t flags)
{
    int dirfd = host_dirfd(p, gdirfd);
    if (dirfd < 0 && dirfd != AT_FDCWD)
        return dirfd;
    char *path;
    int r = guest_path(p, gpath, &path);
    if (r < 0)
        return r;
    r = faccessat(dirfd, path, (int)mode, (int)flags) < 0 ? -errno : 0;
    g_free(path);
    return r;
}

USER_SYSCALL(faccessat)
{
    return access_at(p, a[0], a[1], a[2], 0);
}

USER_SYSCALL(faccessat2)
{
    return access_at(p, a[0], a[1], a[2], a[3]);
}

/* /proc/self/fd/N (or /proc/PID/fd/N of the caller) names the guest's
 * fd N, not backstep's: the link of the host fd behind it, so that a
 * memfd reads "/memfd:NAME (deleted)" as on Linux. False for other
 * paths; else *len is the link's length or -errno. */
static bool guest_fd_link(struct user_process *p, const char *name,
                          char *target, size_t size, ssize_t *len)
{
    int64_t pid = p->pid, gfd;
    int end = 0;
    if (!(sscanf(name, "/proc/self/fd/%" SCNd64 "%n", &gfd, &end) == 1
          && name[end] == '\0')
        && !(sscanf(name, "/proc/%" SCNd64 "/fd/%" SCNd64 "%n", &pid, &gfd,
                    &end) == 2
             && name[end] == '\0'))
        return false;
    if (pid != p->pid)
        return false;
    int host = user_fd_host(p, gfd);
    if (host < 0) {
        *len = -ENOENT;
        return true;
    }
    char path[64];
    snprintf(path, sizeof(path), "/proc/self/fd/%d", host);
    *len = readlink(path, target, size);
    if (*len < 0)
        *len = -errno;
    return true;
}

USER_SYSCALL(readlinkat)
{
    if ((int64_t)a[3] <= 0)
        return -EINVAL;
    char name[PATH_MAX];
    ssize_t n = user_copy_str_in(p, a[1], name, sizeof(name));
    if (n < 0)
        return n;
    char target[PATH_MAX];
    ssize_t len;
    if (user_path_is_self_exe(p->pid, name)) {
        len = MIN(strlen(p->exe), sizeof(target));
        memcpy(target, p->exe, len);
    } else if (guest_fd_link(p, name, target, sizeof(target), &len)) {
        if (len < 0)
            return len;
    } else {
        int dirfd = host_dirfd(p, a[0]);
        if (dirfd < 0 && dirfd != AT_FDCWD)
            return dirfd;
        char *path = user_path_resolve(p, name);
        len = readlinkat(dirfd, path, target, sizeof(target));
        int r = -errno;
        g_free(path);
        if (len < 0)
            return r;
    }
    len = MIN((uint64_t)len, a[3]);
    int r = user_copy_out(p, a[2], target, len);
    return r < 0 ? r : len;
}

USER_SYSCALL(unlinkat)
{
    int dirfd;
    char *path;
    int r = guest_at_path(p, a[0], a[1], &dirfd, &path);
    if (r < 0)
        return r;
    r = unlinkat(dirfd, path, (int)a[2]) < 0 ? -errno : 0;
    g_free(path);
    return r;
}

USER_SYSCALL(mkdirat)
{
    int dirfd;
    char *path;
    int r = guest_at_path(p, a[0], a[1], &dirfd, &path);
    if (r < 0)
        return r;
    r = mkdirat(dirfd, path, (mode_t)a[2]) < 0 ? -errno : 0;
    g_free(path);
    return r;
}

USER_SYSCALL(renameat)
{
    int olddir = host_dirfd(p, a[0]);
    if (olddir < 0 && olddir != AT_FDCWD)
        return olddir;
    int newdir = host_dirfd(p, a[2]);
    if (newdir < 0 && newdir != AT_FDCWD)
        return newdir;
    char *from, *to;
    int r = guest_path(p, a[1], &from);
    if (r < 0)
        return r;
    r = guest_path(p, a[3], &to);
    if (r < 0) {
        g_free(from);
        return r;
    }
    r = renameat(olddir, from, newdir, to) < 0 ? -errno : 0;
    g_free(from);
    g_free(to);
    return r;
}

/* struct linux_dirent64 has one layout on every architecture. */
USER_SYSCALL(getdents64)
{
    int fd = user_fd_host(p, a[0]);
    if (fd < 0)
        return fd;
    size_t size = MIN(a[2], (uint64_t)(1u << 20));
    if (!user_access_ok(p, a[1], size, PAGESTORE_PROT_WRITE))
        return -EFAULT;
    void *buf = g_malloc(size ? size : 1);
    ssize_t n = getdents64(fd, buf, size);
    int64_t r = n < 0 ? -errno : n;
    if (n > 0) {
        int c = user_copy_out(p, a[1], buf, n);
        if (c < 0)
            r = c;
    }
    g_free(buf);
    return r;
}

USER_SYSCALL(ftruncate)
{
    int fd = user_fd_host(p, a[0]);
    if (fd < 0)
        return fd;
    user_file_shm_flush(p, fd);
    int64_t r = host_result(ftruncate(fd, (off_t)a[1]));
    if (r == 0)
        user_file_shm_written(p, fd, 0, UINT64_MAX);   /* zero past the end */
    return r;
}

USER_SYSCALL(fsync)
{
    int fd = user_fd_host(p, a[0]);
    return fd < 0 ? fd : host_result(fsync(fd));
}

USER_SYSCALL(fdatasync)
{
    int fd = user_fd_host(p, a[0]);
    return fd < 0 ? fd : host_result(fdatasync(fd));
}

USER_SYSCALL(umask)
{
    return umask((mode_t)a[0] & 0777);
}
