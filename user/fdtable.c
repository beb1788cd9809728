/* The guest's file-descriptor table: guest fd -> host fd.
 *
 * The guest never names a host fd directly, so it cannot reach backstep's
 * own descriptors (the debugger socket, the event loop's pipes). Guest 0,
 * 1 and 2 are duplicates of backstep's stdio, so closing them in the guest
 * does not close ours; so are the other descriptors backstep was started
 * with (`backstep prog 3<file`, a make jobserver pipe), at the same
 * numbers, as an exec'd program would inherit them. Host fds are always
 * close-on-exec; the guest's FD_CLOEXEC is kept in the table. */
#define _GNU_SOURCE
#include "config.h"

#include "user/syscall.h"

#include <errno.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

/* Descriptors open when backstep started, beyond stdio. */
static uint64_t inherited[USER_FD_MAX / 64];

void user_fd_note_inherited(void)
{
    for (int fd = 3; fd < USER_FD_MAX; fd++) {
        int flags = fcntl(fd, F_GETFD);
        /* A close-on-exec descriptor cannot have come through exec: the
         * C runtime or a sanitizer opened it before main. */
        if (flags >= 0 && !(flags & FD_CLOEXEC))
            inherited[fd / 64] |= 1ull << (fd % 64);
    }
}

void user_fd_init(struct user_process *p)
{
    for (int i = 0; i < USER_FD_MAX; i++)
        p->fds[i] = (struct user_fd){ .host = -1 };
    for (int i = 0; i < USER_FD_MAX; i++) {
        if (i >= 3 && !(inherited[i / 64] & (1ull << (i % 64))))
            continue;
        int host = fcntl(i, F_DUPFD_CLOEXEC, 3);
        if (host >= 0)
            p->fds[i].host = host;
    }
}

void user_fd_close_all(struct user_process *p)
{
    for (int i = 0; i < USER_FD_MAX; i++) {
        if (p->fds[i].host >= 0)
            close(p->fds[i].host);
        p->fds[i].host = -1;
    }
}

int user_fd_host(const struct user_process *p, int64_t gfd)
{
    if (gfd < 0 || gfd >= USER_FD_MAX || p->fds[gfd].host < 0)
        return -EBADF;
    return p->fds[gfd].host;
}

int user_fd_install(struct user_process *p, int host, bool cloexec,
                    int64_t min)
{
    uint64_t limit = MIN(p->rlimits[USER_RLIMIT_NOFILE].cur, (uint64_t)USER_FD_MAX);
    for (int64_t i = MAX(min, 0); i < (int64_t)limit; i++) {
        if (p->fds[i].host < 0) {
            p->fds[i] = (struct user_fd){ .host = host, .cloexec = cloexec };
            return i;
        }
    }
    close(host);
    return -EMFILE;
}

int user_fd_close(struct user_process *p, int64_t gfd)
{
    int host = user_fd_host(p, gfd);
    if (host < 0)
        return host;
    p->fds[gfd].host = -1;
    close(host);
    return 0;
}

int user_fd_install_at(struct user_process *p, int host, bool cloexec,
                       int64_t gfd)
{
    if (gfd < 0 || gfd >= USER_FD_MAX || p->fds[gfd].host >= 0) {
        close(host);
        return -EBADF;
    }
    p->fds[gfd] = (struct user_fd){ .host = host, .cloexec = cloexec };
    return (int)gfd;
}

/* memfd_create: a host memfd, registered like any file, so read, write,
 * ftruncate, fstat, lseek, fcntl's seals and mmap (user/file-shm.c) reach
 * it through the paths every file takes; the host names it
 * "/memfd:NAME (deleted)" as Linux does. */
#define GUEST_MFD_CLOEXEC 0x1u
#define GUEST_MFD_ALLOW_SEALING 0x2u
#define GUEST_MFD_HUGETLB 0x4u
#define GUEST_MFD_NOEXEC_SEAL 0x8u
#define GUEST_MFD_EXEC 0x10u
#define GUEST_MFD_NAME_MAX 249   /* NAME_MAX - strlen("memfd:") */

bool user_fd_is_memfd(struct user_process *p, int64_t fd)
{
    char link[32], target[8];
    ssize_t n;

    if (fd < 0 || fd >= USER_FD_MAX || p->fds[fd].host < 0)
        return false;
    /* The host names every memfd "/memfd:NAME (deleted)", however the
     * guest got it (memfd_create, dup, SCM_RIGHTS). */
    g_snprintf(link, sizeof(link), "/proc/self/fd/%d", p->fds[fd].host);
    n = readlink(link, target, sizeof(target));
    return n >= 7 && memcmp(target, "/memfd:", 7) == 0;
}

USER_SYSCALL(memfd_create)
{
    uint64_t flags = a[1];
    /* Huge pages are not emulated: EINVAL, as from a kernel without
     * hugetlbfs. */
    if (flags & ~(uint64_t)(GUEST_MFD_CLOEXEC | GUEST_MFD_ALLOW_SEALING
                            | GUEST_MFD_NOEXEC_SEAL | GUEST_MFD_EXEC))
        return -EINVAL;
    char name[GUEST_MFD_NAME_MAX + 1];
    ssize_t n = user_copy_str_in(p, a[0], name, sizeof(name));
    if (n == -ENAMETOOLONG)
        return -EINVAL;
    if (n < 0)
        return n;
    /* The host's own flags have the same values (uapi/linux/memfd.h). */
    int host = memfd_create(name, (flags & ~(uint64_t)GUEST_MFD_CLOEXEC)
                                      | MFD_CLOEXEC);
    if (host < 0)
        return -errno;
    if (host < 3) {
        /* Never one of the stdio numbers backstep may have lost. */
        int moved = fcntl(host, F_DUPFD_CLOEXEC, 3);
        close(host);
        if (moved < 0)
            return -errno;
        host = moved;
    }
    return user_fd_install(p, host, flags & GUEST_MFD_CLOEXEC, 0);
}
