/* Tagged pointers: Linux runs programs with Top Byte Ignore, so data
 * accesses and branches through a pointer with a tag in bits 63..56 (and
 * bit 55 clear) reach the untagged address: what MTE, HWASan and
 * tagged-pointer runtimes rely on. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "prog.h"

static void *tag(void *p, unsigned t)
{
    return (void *)(((uintptr_t)p & ~(0xffull << 56)) | ((uint64_t)t << 56));
}

static int __attribute__((noinline)) twice(int x)
{
    return 2 * x;
}

int main(void)
{
    int *block = malloc(16 * sizeof(int));
    for (unsigned t = 0; t < 256; t += 51) {
        int *p = tag(block, t);
        for (int i = 0; i < 16; i++)
            p[i] = (int)t + i;                    /* stores */
        long sum = 0;
        for (int i = 0; i < 16; i++)
            sum += p[i];                          /* loads */
        __atomic_fetch_add(&p[3], 1000, __ATOMIC_SEQ_CST);   /* atomics */
        char buf[16];
        memcpy(buf, tag(block, t ^ 0x7f), sizeof buf);       /* SIMD copies */
        int (*fn)(int) = (int (*)(int))tag((void *)twice, t);
        printf("tag %3u: sum %ld, p[3] %d, buf[0] %d, call %d\n", t, sum,
               block[3], buf[0], fn((int)t));     /* blr to a tagged address */
    }
    free(block);
    return 0;
}
