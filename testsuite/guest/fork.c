/* Guest program: processes. fork with a pipe back to the parent, wait4
 * statuses (exit code, killed by a signal), SIGCHLD, vfork + execve of
 * this same program with arguments, and ECHILD once all are reaped. Its
 * output is compared with qemu-aarch64's; the gdb suite follows its
 * forks and execs. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t chld_count;

static void on_chld(int sig)
{
    (void)sig;
    chld_count++;
}

/* The program run again by execve: says what it got and exits 3. */
static int exec_child(int argc, char **argv)
{
    printf("exec child: argc %d, argv[2] %s, ppid is parent %d\n", argc,
           argv[2], getppid() == atoi(argv[3]));
    fflush(stdout);
    return 3;
}

/* A place for a breakpoint in the forked child. */
__attribute__((noinline)) int child_work(int fd)
{
    char msg[64];
    int n = snprintf(msg, sizeof(msg), "hello from child, parent ok %d",
                     getppid() > 1);
    return write(fd, msg, n) == n ? 7 : 1;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "exec-child") == 0)
        return exec_child(argc, argv);

    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_chld;
    sa.sa_flags = SA_RESTART;
    sigaction(SIGCHLD, &sa, NULL);

    /* fork, a pipe, the child's exit code. */
    int fds[2];
    if (pipe(fds) != 0)
        return 10;
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        _exit(child_work(fds[1]));
    }
    close(fds[1]);
    char buf[128];
    ssize_t n = read(fds[0], buf, sizeof(buf) - 1);
    buf[n > 0 ? n : 0] = '\0';
    printf("parent read: %s\n", buf);
    n = read(fds[0], buf, sizeof(buf));
    printf("then EOF: %zd\n", n);
    int status;
    pid_t got;
    do
        got = waitpid(pid, &status, 0);
    while (got < 0 && errno == EINTR);
    printf("waited the child: %d, exited %d code %d\n", got == pid,
           WIFEXITED(status), WEXITSTATUS(status));

    /* A child killed by a signal. */
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        kill(getpid(), SIGTERM);
        _exit(99);
    }
    do
        got = waitpid(pid, &status, 0);
    while (got < 0 && errno == EINTR);
    printf("second child: signaled %d by %d\n", WIFSIGNALED(status),
           WTERMSIG(status));

    /* vfork, then this program again with arguments (not with "no-exec":
     * qemu-aarch64 cannot exec an AArch64 program without binfmt_misc). */
    if (argc > 1 && strcmp(argv[1], "no-exec") == 0)
        goto done;
    char ppid[16];
    snprintf(ppid, sizeof(ppid), "%d", (int)getpid());
    char *args[] = { argv[0], "exec-child", "two words", ppid, NULL };
    fflush(stdout);
    pid = vfork(); /* marker: vfork */
    if (pid == 0) {
        execv(argv[0], args);
        _exit(127);
    }
    do
        got = waitpid(pid, &status, 0);
    while (got < 0 && errno == EINTR);
    printf("exec child exited %d code %d\n", WIFEXITED(status),
           WEXITSTATUS(status));

done:
    errno = 0;
    got = wait(&status);
    printf("no more children: %d %s\n", (int)got,
           errno == ECHILD ? "ECHILD" : strerror(errno));
    printf("SIGCHLD seen: %d\n", (int)chld_count);
    return 0;
}
