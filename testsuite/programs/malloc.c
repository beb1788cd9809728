/* malloc stress: many sizes from bytes to megabytes (brk and mmap),
 * realloc growth and shrink, calloc zeroing, memalign/posix_memalign,
 * free in random order; contents are checked so a lost write or a
 * wrongly shared page shows. Addresses are never printed. */
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "prog.h"

#define SLOTS 512

struct slot {
    unsigned char *p;
    size_t size;
    unsigned char tag;
};

/* Large blocks are painted sparsely (every 61st byte and the last), so
 * megabyte blocks cost what a few kilobytes do. */
static size_t stride(size_t size)
{
    return size > 4096 ? 61 : 1;
}

static int check(const struct slot *s)
{
    if (s->p[s->size - 1] != (unsigned char)(s->tag + s->size - 1))
        return 0;
    for (size_t i = 0; i < s->size; i += stride(s->size))
        if (s->p[i] != (unsigned char)(s->tag + i))
            return 0;
    return 1;
}

static void paint(struct slot *s)
{
    for (size_t i = 0; i < s->size; i += stride(s->size))
        s->p[i] = (unsigned char)(s->tag + i);
    s->p[s->size - 1] = (unsigned char)(s->tag + s->size - 1);
}

int main(void)
{
    static struct slot slots[SLOTS];
    int corrupt = 0, calloc_dirty = 0, misaligned = 0;
    prog_seed(99);
    for (int step = 0; step < 5000; step++) {
        uint64_t r = prog_rand();
        struct slot *s = &slots[r % SLOTS];
        unsigned kind = (unsigned)(r >> 16) % 16;
        if (s->p && !check(s))
            corrupt++;
        if (s->p && kind < 6) {
            free(s->p);
            s->p = NULL;
            continue;
        }
        size_t size = (size_t)(r >> 32) % (kind == 15 ? (1u << 21) : kind > 11 ? 70000 : 600);
        if (s->p && kind < 10) {
            unsigned char *np = realloc(s->p, size + 1);
            if (!np)
                continue;
            size_t keep = s->size < size + 1 ? s->size : size + 1;
            s->p = np;
            for (size_t i = 0; i < keep; i += stride(s->size))
                if (np[i] != (unsigned char)(s->tag + i))
                    corrupt++;
            s->size = size + 1;
            paint(s);
            continue;
        }
        free(s->p);
        if (kind == 10) {
            s->p = calloc(size + 1, 1);
            for (size_t i = 0; s->p && i <= size; i += stride(size))
                calloc_dirty += s->p[i] != 0;
        } else if (kind == 11) {
            void *q = NULL;
            size_t align = (size_t)16 << (r % 9);
            if (posix_memalign(&q, align, size + 1) == 0 && ((uintptr_t)q & (align - 1)))
                misaligned++;
            s->p = q;
        } else {
            s->p = malloc(size + 1);
        }
        if (!s->p)
            continue;
        s->size = size + 1;
        s->tag = (unsigned char)r;
        paint(s);
    }
    size_t live = 0, bytes = 0;
    for (int i = 0; i < SLOTS; i++) {
        if (slots[i].p) {
            corrupt += !check(&slots[i]);
            live++;
            bytes += slots[i].size;
            free(slots[i].p);
        }
    }
    printf("corrupt %d calloc-dirty %d misaligned %d live %zu bytes %zu\n", corrupt,
           calloc_dirty, misaligned, live, bytes);

    /* A linked list built and freed many times. */
    struct node { struct node *next; long v; };
    long total = 0;
    for (int round = 0; round < 50; round++) {
        struct node *head = NULL;
        for (int i = 0; i < 1000; i++) {
            struct node *n = malloc(sizeof *n);
            n->v = i * round;
            n->next = head;
            head = n;
        }
        while (head) {
            struct node *n = head->next;
            total += head->v;
            free(head);
            head = n;
        }
    }
    printf("list total %ld\n", total);
    return 0;
}
