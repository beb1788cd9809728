/* Benchmark workload: qsort with a comparison callback (indirect calls)
 * and malloc/free of many small blocks (a linked list built, shuffled
 * and torn down). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

struct node {
    struct node *next;
    uint64_t key;
    char pad[24];
};

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    int scale = argc > 1 ? atoi(argv[1]) : 1;
    enum { N = 20000 };
    static uint32_t v[N];
    uint64_t x = 0x2545f4914f6cdd1dull, sum = 0;

    for (int r = 0; r < 6 * scale; r++) {
        for (int i = 0; i < N; i++) {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            v[i] = (uint32_t)x;
        }
        qsort(v, N, sizeof(v[0]), cmp_u32);
        sum += v[N / 2] ^ v[r];

        struct node *head = NULL;
        for (int i = 0; i < N; i++) {
            struct node *n = malloc(sizeof(*n) + (i & 63));
            if (!n)
                return 1;
            n->key = v[i];
            n->next = head;
            head = n;
        }
        while (head) {
            struct node *n = head;
            head = n->next;
            sum += n->key & 0xff;
            free(n);
        }
    }
    printf("sort: sum %llu\n", (unsigned long long)sum);
    return 0;
}
