/* The guest's file-descriptor table: guest fd -> host fd.
 *
 * The guest never names a host fd directly, so it cannot reach backstep's
 * own descriptors (the debugger socket, the event loop's pipes). Guest 0,
 * 1 and 2 are duplicates of backstep's stdio, so closing them in the guest
 * does not close ours; so are the other descriptors backstep was started
 * with (`backstep prog 3<file`, a make jobserver pipe), at the same
 * numbers, as an exec'd program would inherit them. Host fds are always
 * close-on-exec; the guest's FD_CLOEXEC is kept in the table. */
#include "config.h"

#include "user/user-internal.h"

#include <errno.h>
#include <fcntl.h>
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
