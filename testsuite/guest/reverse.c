/* A guest program for the reverse-execution suite (backstep.reverse):
 * calls and loops to step back over, inputs from outside (read(2) of
 * stdin, the clock, getrandom) whose values a replay must reproduce,
 * output that must be written once, a signal handler, and a global
 * written in several places for watchpoints in reverse.
 *
 * The suites find lines by the "marker:" comments, never by number. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

int watched;                       /* written by bump() and main */
long input_len;
char input[64];
long clock_ns;
unsigned random_word;
volatile int signal_count;

int square(int v)
{
    int r = v * v;                 /* marker: square-body */
    return r;
}

int sum_of_squares(int n)
{
    int total = 0;
    for (int i = 1; i <= n; i++)
        total += square(i);        /* marker: loop-call */
    return total;                  /* marker: sum-return */
}

void bump(int by)
{
    watched += by;                 /* marker: bump-write */
}

/* Many instructions (argv[2] iterations): history long enough for the
 * timeline to keep several snapshots. */
unsigned long long long_sum;
long long_iterations;

/* Called once, a tenth of the loop before its end: a breakpoint there is
 * far back in history for make bench-reverse. */
__attribute__((noinline)) void long_mark(void)
{
    __asm__ volatile("" ::: "memory");
}

void long_loop(long n)
{
    for (long i = 0; i < n; i++) {
        if (i == n - n / 10)
            long_mark();
        long_sum += (unsigned long long)i ^ (long_sum >> 3);  /* marker: long-body */
        long_iterations = i + 1;
    }
}

void on_usr1(int sig)
{
    (void)sig;
    signal_count++;                /* marker: handler */
}

/* Reads its input from the file named by argv[1], or stdin. */
int main(int argc, char **argv)
{
    struct timespec ts;
    int fd = argc > 1 ? open(argv[1], O_RDONLY) : 0;

    watched = 1;                   /* marker: first-write */
    input_len = read(fd, input, sizeof(input) - 1);  /* marker: read */
    clock_gettime(CLOCK_REALTIME, &ts);
    clock_ns = ts.tv_sec * 1000000000L + ts.tv_nsec;  /* marker: clock */
    getrandom(&random_word, sizeof(random_word), 0);
    if (argc > 2)
        long_loop(atol(argv[2]));  /* marker: long-call */
    int s = sum_of_squares(4);     /* marker: call-sum */
    bump(10);                      /* marker: bump-call */
    signal(SIGUSR1, on_usr1);
    raise(SIGUSR1);                /* marker: raise */
    bump(100);                     /* marker: second-bump */
    printf("sum=%d watched=%d len=%ld signals=%d\n", s, watched, input_len,
           signal_count);          /* marker: printf */
    fflush(stdout);
    watched = 7;                   /* marker: last-write */
    return 0;                      /* marker: return */
}
