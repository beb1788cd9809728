/* The system-call handlers of user/, one file per concern:
 * syscall-fs.c (files), syscall-mm.c (memory), syscall-proc.c (time,
 * identity, scheduling), syscall-signal.c (signal state), fork.c (clone),
 * exec.c (execve), wait.c (exit, wait4), futex.c; syscall.c holds the
 * table and the dispatcher. A handler that must wait parks its thread
 * (user_block, kernel.h) and returns USER_SYSCALL_BLOCKED. Sockets are
 * syscall-net.c.
 *
 * A handler gets the guest's x0..x5 and returns the result or -errno
 * (Linux errno values, which are the same on arm64 and on the Linux hosts
 * we run on). Guest pointers go through user_copy_in/out only. */
#ifndef BACKSTEP_USER_SYSCALL_H
#define BACKSTEP_USER_SYSCALL_H

#include "user/user-internal.h"
#include "user/syscall-nr.h"

#include <sys/uio.h>

#define USER_SYSCALL(name) \
    int64_t user_sys_##name(struct user_process *p, const uint64_t *a)

/* name, number of arguments (for the trace). */
#define USER_SYSCALL_HANDLERS(X) \
    X(read, 3) X(write, 3) X(readv, 3) X(writev, 3) X(pread64, 4) \
    X(pwrite64, 4) X(openat, 4) X(close, 1) X(lseek, 3) X(fstat, 2) \
    X(newfstatat, 4) X(statx, 5) X(ioctl, 3) X(fcntl, 3) X(dup, 1) \
    X(dup3, 3) X(pipe2, 2) X(getcwd, 2) X(faccessat, 3) X(faccessat2, 4) \
    X(readlinkat, 4) X(unlinkat, 3) X(mkdirat, 3) X(getdents64, 3) \
    X(ftruncate, 2) X(fsync, 1) X(fdatasync, 1) X(renameat, 4) \
    X(chdir, 1) \
    X(brk, 1) X(mmap, 6) X(munmap, 2) X(mprotect, 3) X(madvise, 3) \
    X(mremap, 5) X(msync, 3) X(memfd_create, 2) \
    X(uname, 1) X(getrandom, 3) X(clock_gettime, 2) X(gettimeofday, 2) \
    X(clock_getres, 2) X(nanosleep, 2) X(clock_nanosleep, 4) \
    X(set_tid_address, 1) X(set_robust_list, 2) X(rseq, 4) \
    X(prlimit64, 4) X(getrlimit, 2) X(setrlimit, 2) X(getpid, 0) \
    X(gettid, 0) X(getppid, 0) X(getuid, 0) X(geteuid, 0) X(getgid, 0) \
    X(getegid, 0) X(getpgid, 1) X(setpgid, 2) X(getsid, 1) X(setsid, 0) \
    X(sched_getaffinity, 3) X(sched_yield, 0) X(futex, 6) X(exit, 1) \
    X(exit_group, 1) X(kill, 2) X(tgkill, 3) X(tkill, 2) \
    X(rt_sigaction, 4) X(rt_sigprocmask, 4) X(sigaltstack, 2) \
    X(rt_sigsuspend, 2) X(rt_sigpending, 2) X(rt_sigtimedwait, 4) \
    X(rt_sigqueueinfo, 3) X(rt_tgsigqueueinfo, 4) X(rt_sigreturn, 0) \
    X(umask, 1) \
    X(clone, 5) X(execve, 3) X(wait4, 4) X(waitid, 5) \
    X(sched_getscheduler, 1) X(sched_getparam, 2) \
    X(sched_get_priority_max, 1) X(sched_get_priority_min, 1) \
    X(sched_setaffinity, 3) X(ppoll, 5) X(prctl, 5) X(clone3, 2) \
    X(setitimer, 3) X(getitimer, 2) \
    X(timer_create, 3) X(timer_settime, 4) X(timer_gettime, 2) \
    X(timer_getoverrun, 1) X(timer_delete, 1) \
    X(sysinfo, 1) X(pselect6, 6) X(epoll_create1, 1) X(epoll_ctl, 4) \
    X(epoll_pwait, 6) X(epoll_pwait2, 6) \
    X(socket, 3) X(socketpair, 4) X(bind, 3) X(listen, 2) X(accept, 3) \
    X(accept4, 4) X(connect, 3) X(getsockname, 3) X(getpeername, 3) \
    X(sendto, 6) X(recvfrom, 6) X(setsockopt, 5) X(getsockopt, 5) \
    X(shutdown, 2) X(sendmsg, 3) X(recvmsg, 3) \
    X(shmget, 3) X(shmat, 3) X(shmdt, 1) X(shmctl, 3) \
    X(semget, 3) X(semop, 3) X(semtimedop, 4) X(semctl, 4) \
    X(msgget, 2) X(msgsnd, 4) X(msgrcv, 5) X(msgctl, 3)

/* syscall-fs.c: guest buffers as host iovecs, one piece per page, for a
 * single readv/writev/recvmsg/sendmsg on the host. */
#define USER_HOST_IOV_MAX 1024
#define USER_GUEST_IOV_MAX 1024   /* UIO_MAXIOV */
struct user_host_iov {
    struct iovec v[USER_HOST_IOV_MAX];
    int n;
};
/* Add [addr, addr+len) after checking that all of it allows need
 * (PAGESTORE_PROT_*). A full iov ends the list quietly: the transfer is
 * then short, as callers of read/write must expect. 0 or -EFAULT. */
int user_iov_add(struct user_process *p, struct user_host_iov *iov,
                 uint64_t addr, uint64_t len, unsigned need);
/* The guest's iovec array at giov (count entries of 16 bytes): 0,
 * -EINVAL (count over UIO_MAXIOV, a length over MAX_RW_COUNT in all) or
 * -EFAULT. */
int user_iov_from_guest(struct user_process *p, struct user_host_iov *iov,
                        uint64_t giov, uint64_t count, unsigned need);

#define USER_SYSCALL_DECLARE(name, nargs) USER_SYSCALL(name);
USER_SYSCALL_HANDLERS(USER_SYSCALL_DECLARE)
#undef USER_SYSCALL_DECLARE

#endif
