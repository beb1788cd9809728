/* 128-bit integers: the multiply, divide (libgcc's __udivti3/__divti3),
 * shift and compare sequences the compiler emits, and decimal printing. */
#include <stdint.h>
#include <stdio.h>

#include "prog.h"

typedef unsigned __int128 u128;
typedef __int128 i128;

static void print_u128(const char *label, u128 v)
{
    char buf[48], *p = buf + sizeof buf - 1;
    *p = 0;
    do {
        *--p = (char)('0' + (int)(v % 10));
        v /= 10;
    } while (v);
    printf("%s%s\n", label, p);
}

static void print_i128(const char *label, i128 v)
{
    if (v < 0) {
        printf("%s-", label);
        print_u128("", -(u128)v);
    } else {
        print_u128(label, (u128)v);
    }
}

int main(void)
{
    u128 f = 1;
    for (unsigned i = 1; i <= 34; i++) {
        f *= PROG_OPAQUE(i);
        if (i % 5 == 0 || i > 30)
            print_u128(i < 10 ? " !" : "!", f);
    }
    print_u128("max ", ~(u128)0);
    print_i128("min ", (i128)((u128)1 << 127));

    uint64_t h = PROG_HASH_INIT;
    prog_seed(128);
    for (int i = 0; i < 4000; i++) {
        u128 a = (u128)prog_rand() << 64 | prog_rand();
        u128 b = (u128)prog_rand() << 64 | prog_rand();
        unsigned s = (unsigned)prog_rand() % 128;
        if (i % 3 == 0)
            b >>= s;                      /* divisors of every size */
        if (i % 7 == 0)
            a >>= (unsigned)prog_rand() % 128;
        i128 sa = (i128)a, sb = (i128)b;
        u128 r[12];
        int n = 0;
        r[n++] = a + b;
        r[n++] = a - b;
        r[n++] = a * b;
        r[n++] = a << s;
        r[n++] = a >> s;
        r[n++] = (u128)(sa >> s);
        if (b) {
            r[n++] = a / b;
            r[n++] = a % b;
        }
        if (sb && !(sb == -1 && sa == (i128)((u128)1 << 127))) {
            r[n++] = (u128)(sa / sb);
            r[n++] = (u128)(sa % sb);
        }
        r[n++] = (u128)(a < b) | (u128)(sa < sb) << 1 | (u128)(a == b) << 2;
        prog_hash(&h, r, (size_t)n * sizeof r[0]);
    }
    printf("random ops: %016llx\n", (unsigned long long)h);

    /* Multiplication as the compiler widens it, and a 128-bit popcount. */
    uint64_t x = 0x0123456789abcdefull, y = 0xfedcba9876543210ull;
    u128 p = (u128)PROG_OPAQUE(x) * PROG_OPAQUE(y);
    printf("widen %016llx%016llx pop %d\n", (unsigned long long)(p >> 64),
           (unsigned long long)p,
           __builtin_popcountll((uint64_t)p) + __builtin_popcountll((uint64_t)(p >> 64)));
    return 0;
}
