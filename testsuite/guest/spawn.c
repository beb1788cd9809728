/* Guest program: processes made by clone without CLONE_THREAD, which gdb
 * must see as forks and vforks: a raw clone(SIGCHLD) (a fork by another
 * name) and posix_spawn (glibc's clone3/clone with CLONE_VM|CLONE_VFORK
 * on a stack of its own), which runs this program again. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static int reap(pid_t pid)
{
    int status;
    pid_t got;
    do
        got = waitpid(pid, &status, 0);
    while (got < 0 && errno == EINTR);
    return got == pid && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int main(int argc, char **argv)
{
    if (argc > 2 && strcmp(argv[1], "spawned") == 0) {
        printf("spawned child: %s\n", argv[2]);
        return 5;
    }
    fflush(stdout);
    /* arm64's clone: flags, stack, parent_tid, tls, child_tid. */
    long pid = syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0); /* marker: raw clone */
    if (pid == 0)
        _exit(4);
    printf("raw clone child exited %d\n", reap((pid_t)pid));

    char *args[] = { argv[0], "spawned", "by posix_spawn", NULL };
    pid_t spawned;
    int r = posix_spawn(&spawned, argv[0], NULL, NULL, args, environ);
    if (r != 0) {
        printf("posix_spawn: %s\n", strerror(r));
        return 1;
    }
    printf("spawned child exited %d\n", reap(spawned));
    return 0;
}
