/* Process groups and sessions: setsid in a fork child (it leads a new
 * session and group; a second setsid and setpgid of a session leader
 * fail with EPERM), setpgid of a child into its own group, kill of a
 * group (kill(-pgid)) reaching only that group, and waitpid selecting
 * children by group (waitpid(-pgid), waitpid(0)). Only relations are
 * printed: the first process's own group and session are its
 * launcher's under qemu-aarch64 and its own under backstep. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t got_usr1;

static void on_usr1(int sig)
{
    (void)sig;
    got_usr1 = 1;
}

static const char *err(int r)
{
    return r < 0 ? strerror(errno) : "ok";
}

int main(void)
{
    int pipefd[2], st;
    char c;

    signal(SIGUSR1, on_usr1);
    fflush(stdout);

    /* A child that makes its own session. */
    pid_t a = fork();
    if (a == 0) {
        pid_t sid = setsid();
        printf("child A: setsid %s, leads session %d, leads group %d\n",
               sid == getpid() ? "ok" : err(sid), getsid(0) == getpid(),
               getpgid(0) == getpid());
        int r = setsid();
        printf("child A: setsid again: %s\n", err(r));
        r = setpgid(0, 0);
        printf("child A: setpgid of a session leader: %s\n", err(r));
        fflush(stdout);
        _exit(0);
    }
    waitpid(a, &st, 0);
    printf("parent: child A exited %d\n", WEXITSTATUS(st));

    /* A child put in its own group (by itself and by the parent, as a
     * shell does), then signalled and waited for by group. */
    if (pipe(pipefd) != 0)
        return 1;
    fflush(stdout);
    pid_t b = fork();
    if (b == 0) {
        setpgid(0, 0);
        close(pipefd[1]);
        while (!got_usr1)
            pause();
        printf("child B: in its own group %d, same session %d, got SIGUSR1\n",
               getpgid(0) == getpid(), getsid(0) == getsid(getppid()));
        fflush(stdout);
        (void)read(pipefd[0], &c, 1);
        _exit(5);
    }
    close(pipefd[0]);
    int r = setpgid(b, b);
    printf("parent: setpgid(B, B): %s (%s)\n", err(r),
           r == 0 || errno == EACCES ? "as Linux" : "unexpected");
    printf("parent: B's group is B %d, not ours %d\n", getpgid(b) == b,
           getpgid(0) != b);
    /* Not in our group: waitpid(0) finds no child of ours there. */
    r = waitpid(0, &st, WNOHANG);
    printf("parent: waitpid(0, WNOHANG): %s\n",
           r == 0 ? "none ready" : r < 0 ? strerror(errno) : "a child?");
    r = kill(-b, SIGUSR1);
    printf("parent: kill(-B, SIGUSR1): %s, we got it %d\n", err(r),
           (int)got_usr1);
    close(pipefd[1]);
    r = waitpid(-b, &st, 0);
    printf("parent: waitpid(-B) is B %d, code %d\n", r == b,
           WEXITSTATUS(st));
    r = waitpid(-b, &st, WNOHANG);
    printf("parent: waitpid(-B) again: %s\n", err(r));

    /* Errors. */
    printf("parent: setpgid(-1): %s; getpgid(999999): %s; getsid(999999): %s; "
           "kill(-999999): %s\n", err(setpgid(0, -1)), err(getpgid(999999)),
           err(getsid(999999)), err(kill(-999999, 0)));
    return 0;
}
