/* Benchmark workload: calls and returns. Naive recursive Fibonacci (a
 * call tree with little work per call), Ackermann's function (deep
 * recursion), and calls through a table of function pointers (indirect
 * branches), at -O2 with inlining of the recursive functions off so every
 * call stays a BL/BLR and a RET. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static uint64_t fib(unsigned n)
{
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

__attribute__((noinline)) static unsigned ackermann(unsigned m, unsigned n)
{
    if (m == 0)
        return n + 1;
    if (n == 0)
        return ackermann(m - 1, 1);
    return ackermann(m - 1, ackermann(m, n - 1));
}

typedef uint64_t (*step_fn)(uint64_t);

__attribute__((noinline)) static uint64_t step_add(uint64_t x) { return x + 0x9e3779b9u; }
__attribute__((noinline)) static uint64_t step_mul(uint64_t x) { return x * 6364136223846793005ull; }
__attribute__((noinline)) static uint64_t step_rot(uint64_t x) { return x << 13 | x >> 51; }
__attribute__((noinline)) static uint64_t step_xor(uint64_t x) { return x ^ (x >> 29); }

int main(int argc, char **argv)
{
    int scale = argc > 1 ? atoi(argv[1]) : 1;
    static const step_fn steps[4] = { step_add, step_mul, step_rot, step_xor };
    uint64_t f = 0, x = 1;
    unsigned a = 0;

    for (int r = 0; r < scale; r++) {
        f += fib(27);
        a += ackermann(2, 2000);
        for (unsigned i = 0; i < 1000000; i++)
            x = steps[((x >> 17) ^ i) & 3](x);
    }
    printf("calls: fib %llu ackermann %u chain %016llx\n", (unsigned long long)f,
           a, (unsigned long long)x);
    return 0;
}
