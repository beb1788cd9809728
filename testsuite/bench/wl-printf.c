/* Benchmark workload: formatted output into memory (snprintf of
 * integers, strings and doubles) and parsing back (strtol, strtod):
 * branchy library code with many calls and byte loads/stores. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    int scale = argc > 1 ? atoi(argv[1]) : 1;
    char line[256];
    uint64_t sum = 0;
    double dsum = 0;

    for (int i = 0; i < 20000 * scale; i++) {
        int n = snprintf(line, sizeof(line), "%d %x %-8s|%08.3f %lld %c",
                         i * 7919, (unsigned)i * 2654435761u,
                         (i & 1) ? "odd" : "even", i / 7.0,
                         (long long)i * -1234567ll, 'A' + i % 26);
        sum += (uint64_t)n;
        char *end;
        long v = strtol(line, &end, 10);
        sum += (uint64_t)v;
        dsum += strtod(strchr(line, '|') + 1, NULL);
    }
    printf("printf: sum %llu dsum %.3f\n", (unsigned long long)sum, dsum);
    return 0;
}
