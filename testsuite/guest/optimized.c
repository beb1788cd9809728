/* Built with -O2: the suites check that breakpoints, bt and finish still
 * work where the compiler keeps arguments in registers. The functions are
 * noinline so each has a frame to stop in. */
#include <stdio.h>

__attribute__((noinline)) unsigned long fib(unsigned n)
{
    unsigned long a = 0, b = 1;
    for (unsigned i = 0; i < n; i++) {
        unsigned long next = a + b;
        a = b;
        b = next;
    }
    return a;
}

__attribute__((noinline)) unsigned long fib_sum(unsigned upto)
{
    unsigned long total = 0;
    for (unsigned n = 1; n <= upto; n++)
        total += fib(n);
    return total;
}

int main(int argc, char **argv)
{
    (void)argv;
    unsigned long s = fib_sum(9 + (unsigned)argc);
    printf("fib_sum=%lu\n", s);
    return (int)(s % 100);
}
