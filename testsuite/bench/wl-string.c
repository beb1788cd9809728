/* Benchmark workload: the C library's string functions (memcpy, memmove,
 * memset, strlen, memchr, strchr, strcmp), which glibc implements with
 * hand-written AArch64 assembly, much of it AdvSIMD. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BUF 8192

int main(int argc, char **argv)
{
    int scale = argc > 1 ? atoi(argv[1]) : 1;
    static char a[BUF + 64], b[BUF + 64];
    uint64_t x = 0x9e3779b97f4a7c15ull, sum = 0;

    for (int i = 0; i < BUF; i++) {
        x ^= x << 13; x ^= x >> 7; x ^= x << 17;
        a[i] = (char)('a' + (x >> 40) % 26);
    }
    a[BUF] = 0;
    for (int r = 0; r < 6000 * scale; r++) {
        size_t off = (size_t)r % 61, len = BUF - 64 + (size_t)r % 64;
        memcpy(b + off % 16, a + off, len);
        b[off % 16 + len] = 0;
        sum += strlen(b + off % 16);
        const char *hit = memchr(a, 'a' + r % 26, BUF);
        sum += hit ? (uint64_t)(hit - a) : 0;
        hit = strchr(b, 'z');
        sum += hit ? (uint64_t)(hit - b) : 0;
        sum += (uint64_t)(strcmp(a + off, b + off % 16) > 0);
        memmove(b + 1, b, 2048);
        memset(b + 4096, r & 0x7f, 1024);
        sum += (uint8_t)b[4100] + (uint8_t)b[1000];
    }
    printf("string: sum %llu\n", (unsigned long long)sum);
    return 0;
}
