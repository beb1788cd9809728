/* bench-time: run a command several times and print its median wall time
 * and median CPU time (user + system of the child), in seconds.
 *
 *     bench-time REPS OUT ERR PROGRAM [ARGS...]
 *
 * The command's standard output goes to OUT and its standard error to ERR
 * (both rewritten on each run, so they hold the last run's). Prints
 * "WALL CPU" on one line. Exits 1 if a run fails (non-zero status or
 * signal), naming the command: a benchmark that does not run to its end
 * measures nothing.
 *
 * CPU time is printed beside wall time because the machine is shared: wall
 * time is what a user waits, CPU time is what changes less when other
 * jobs run. Neither is ever compared against a threshold.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_REPS 101

static double now_seconds(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof(*v), cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Run argv once with stdout/stderr redirected; fill wall and CPU seconds.
 * Returns 0, or -1 (with a message) if it could not run or failed. */
static int run_once(char **argv, const char *out, const char *err,
                    double *wall, double *cpu)
{
    struct rusage ru;
    double start = now_seconds();
    int status;
    pid_t pid = fork();

    if (pid < 0) {
        fprintf(stderr, "bench-time: fork: %s\n", strerror(errno));
        return -1;
    }
    if (pid == 0) {
        int fo = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int fe = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fo < 0 || fe < 0 || dup2(fo, 1) < 0 || dup2(fe, 2) < 0)
            _exit(126);
        execvp(argv[0], argv);
        _exit(127);
    }
    if (wait4(pid, &status, 0, &ru) != pid) {
        fprintf(stderr, "bench-time: wait: %s\n", strerror(errno));
        return -1;
    }
    *wall = now_seconds() - start;
    *cpu = (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
           (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "bench-time: %s failed (%s %d); see %s\n", argv[0],
                WIFEXITED(status) ? "exit status" : "signal",
                WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status),
                err);
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    double wall[MAX_REPS], cpu[MAX_REPS];
    int reps;

    if (argc < 5) {
        fprintf(stderr, "usage: bench-time REPS OUT ERR PROGRAM [ARGS...]\n");
        return 2;
    }
    reps = atoi(argv[1]);
    if (reps < 1 || reps > MAX_REPS) {
        fprintf(stderr, "bench-time: REPS must be 1..%d\n", MAX_REPS);
        return 2;
    }
    for (int i = 0; i < reps; i++)
        if (run_once(argv + 4, argv[2], argv[3], &wall[i], &cpu[i]) != 0)
            return 1;
    printf("%.4f %.4f\n", median(wall, reps), median(cpu, reps));
    return 0;
}
