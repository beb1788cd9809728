/* Control flow: dense switches (jump tables), sparse switches (binary
 * search), computed goto, deep recursion, function pointers and tail
 * calls. */
#include <stdint.h>
#include <stdio.h>

#include "prog.h"

static int dense(int x)
{
    switch (x) {
    case 0: return 17;
    case 1: return x * 3;
    case 2: return -4;
    case 3: return 99;
    case 4: return x << 4;
    case 5: return 5;
    case 6: return 1000;
    case 7: return -x;
    case 8: return 88;
    case 9: return 81;
    case 10: return 1;
    case 11: return 2;
    case 12: return 3;
    case 13: return 4;
    case 14: return 41;
    case 15: return 77;
    default: return x * x;
    }
}

static const char *sparse(long x)
{
    switch (x) {
    case -1000000: return "minus a million";
    case -7: return "minus seven";
    case 0: return "zero";
    case 13: return "thirteen";
    case 255: return "byte";
    case 4096: return "page";
    case 65537: return "fermat";
    case 1l << 40: return "tera";
    case 0x7fffffffffffffffl: return "max";
    default: return "other";
    }
}

static int computed(const unsigned char *code)
{
    static void *const ops[] = { &&op_inc, &&op_dbl, &&op_neg, &&op_end };
    int acc = 1;
    goto *ops[*code++];
op_inc:
    acc++;
    goto *ops[*code++];
op_dbl:
    acc *= 2;
    goto *ops[*code++];
op_neg:
    acc = -acc;
    goto *ops[*code++];
op_end:
    return acc;
}

static unsigned long ackermann(unsigned long m, unsigned long n)
{
    if (m == 0)
        return n + 1;
    if (n == 0)
        return ackermann(m - 1, 1);
    return ackermann(m - 1, ackermann(m, n - 1));
}

static long tail_sum(long n, long acc)
{
    return n == 0 ? acc : tail_sum(n - 1, acc + n);
}

static int add1(int x) { return x + 1; }
static int mul3(int x) { return x * 3; }
static int sub7(int x) { return x - 7; }

int main(void)
{
    long sum = 0;
    for (int i = -5; i < 40; i++)
        sum = sum * 31 + dense(PROG_OPAQUE(i));
    printf("dense %ld\n", sum);

    static const long keys[] = { -1000000, -7, 0, 13, 255, 4096, 65537, 1l << 40,
                                 0x7fffffffffffffffl, 12, -8, 4095 };
    for (unsigned i = 0; i < sizeof keys / sizeof keys[0]; i++)
        printf("sparse %ld: %s\n", keys[i], sparse(PROG_OPAQUE(keys[i])));

    static const unsigned char prog[] = { 0, 1, 1, 0, 2, 1, 0, 0, 1, 3 };
    printf("computed goto %d\n", computed(prog));
    printf("ackermann(2, 300) %lu ackermann(3, 6) %lu\n", ackermann(2, 300), ackermann(3, 6));
    printf("tail %ld\n", tail_sum(PROG_OPAQUE(100000l), 0));

    int (*const fns[])(int) = { add1, mul3, sub7 };
    int v = 1;
    for (int i = 0; i < 30; i++)
        v = fns[PROG_OPAQUE(i) % 3](v) % 100003;
    printf("function pointers %d\n", v);
    return 0;
}
