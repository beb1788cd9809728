/* qsort and bsearch on integers, doubles, strings and structures, with
 * comparison callbacks of each kind; and a hand-written merge sort and
 * heap, so the sorting loops themselves are compiled code too. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "prog.h"

struct rec {
    int key;
    double weight;
    char name[12];
};

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int cmp_double_desc(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x < y) - (x > y);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_rec(const void *a, const void *b)
{
    const struct rec *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return strcmp(x->name, y->name);
}

static void merge_sort(int64_t *v, int64_t *tmp, size_t n)
{
    if (n < 2)
        return;
    size_t h = n / 2;
    merge_sort(v, tmp, h);
    merge_sort(v + h, tmp, n - h);
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n)
        tmp[k++] = v[i] <= v[j] ? v[i++] : v[j++];
    while (i < h)
        tmp[k++] = v[i++];
    while (j < n)
        tmp[k++] = v[j++];
    memcpy(v, tmp, n * sizeof *v);
}

#define N 5000

int main(void)
{
    static int ints[N];
    static double dbls[N];
    static char strs[N][16];
    static char *ptrs[N];
    static struct rec recs[N];
    static int64_t big[N], tmp[N];

    prog_seed(42);
    for (int i = 0; i < N; i++) {
        uint64_t r = prog_rand();
        ints[i] = (int)(r % 20000) - 10000;
        dbls[i] = (double)(int64_t)r / 1e15;
        snprintf(strs[i], sizeof strs[i], "s%llx", (unsigned long long)(r >> 40));
        ptrs[i] = strs[i];
        recs[i].key = (int)(r % 97);
        recs[i].weight = (double)(r >> 11) * 0x1p-53;
        snprintf(recs[i].name, sizeof recs[i].name, "n%05d", (int)((r >> 20) % 100000));
        big[i] = (int64_t)r;
    }
    qsort(ints, N, sizeof ints[0], cmp_int);
    qsort(dbls, N, sizeof dbls[0], cmp_double_desc);
    qsort(ptrs, N, sizeof ptrs[0], cmp_str);
    qsort(recs, N, sizeof recs[0], cmp_rec);
    merge_sort(big, tmp, N);

    uint64_t h = PROG_HASH_INIT;
    prog_hash(&h, ints, sizeof ints);
    prog_hash(&h, dbls, sizeof dbls);
    for (int i = 0; i < N; i++)
        prog_hash(&h, ptrs[i], strlen(ptrs[i]));
    for (int i = 0; i < N; i++)
        prog_hash(&h, &recs[i].key, sizeof recs[i].key);
    prog_hash(&h, big, sizeof big);
    printf("sorted hash %016llx\n", (unsigned long long)h);
    printf("ints %d %d %d dbl %.17g %.17g str %s %s rec %d %s big %lld\n", ints[0],
           ints[N / 2], ints[N - 1], dbls[0], dbls[N - 1], ptrs[0], ptrs[N - 1], recs[0].key,
           recs[0].name, (long long)big[N / 3]);

    int found = 0, missing = 0;
    for (int k = -10010; k <= 10010; k += 7) {
        const int *p = bsearch(&k, ints, N, sizeof ints[0], cmp_int);
        if (p && *p == k)
            found++;
        else if (!p)
            missing++;
    }
    printf("bsearch found %d missing %d\n", found, missing);
    return 0;
}
