/* Benchmark workload: loops the compiler vectorises at -O3 into AdvSIMD
 * (integer add/multiply/compare-select, float multiply-add, byte
 * sums). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define N 4096

static int32_t ia[N], ib[N], ic[N];
static float fa[N], fb[N], fc[N];
static uint8_t bytes[N];

int main(int argc, char **argv)
{
    int scale = argc > 1 ? atoi(argv[1]) : 1;
    int64_t isum = 0;
    double fsum = 0;
    uint32_t bsum = 0;

    for (int i = 0; i < N; i++) {
        ia[i] = i * 37 - 1000;
        ib[i] = (i * 7919) & 1023;
        fa[i] = (float)i * 0.001f;
        fb[i] = (float)(N - i) * 0.002f;
        bytes[i] = (uint8_t)(i * 13);
    }
    for (int r = 0; r < 800 * scale; r++) {
        for (int i = 0; i < N; i++)
            ic[i] = ia[i] * ib[i] + (ia[i] > ib[i] ? ia[i] : ib[i]);
        for (int i = 0; i < N; i++)
            fc[i] = fa[i] * fb[i] + fc[i] * 0.5f;
        for (int i = 0; i < N; i++)
            bsum += bytes[i] ^ (uint8_t)r;
        for (int i = 0; i < N; i++)
            ia[i] += ic[i] >> 12;
        isum += ic[r % N];
        fsum += fc[r % N];
    }
    printf("simd: isum %lld fsum %.3f bsum %u\n", (long long)isum, fsum, bsum);
    return 0;
}
