/* Bitfields (signed and unsigned, straddling words), packed and aligned
 * structures, unions and type punning through memcpy: the BFI/UBFX/SBFX
 * and unaligned access patterns compilers produce. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "prog.h"

struct fields {
    unsigned a : 3;
    signed b : 5;
    unsigned c : 12;
    signed d : 13;
    unsigned long long e : 40;
    signed long long f : 23;
    unsigned g : 1;
    _Bool h : 1;
};

struct __attribute__((packed)) packed {
    uint8_t tag;
    uint32_t word;
    uint16_t half;
    uint64_t dword;
    double real;
};

union pun {
    double d;
    uint64_t u;
    float f[2];
    uint8_t b[8];
};

int main(void)
{
    static struct fields arr[64];
    uint64_t h = PROG_HASH_INIT;
    prog_seed(5);
    for (int round = 0; round < 50; round++) {
        for (int i = 0; i < 64; i++) {
            uint64_t r = prog_rand();
            struct fields *p = &arr[i];
            p->a = (unsigned)r;
            p->b = (int)(r >> 3) & 0x1f ? (signed)((r >> 3) & 0xf) - 8 : -16;
            p->c = (unsigned)(r >> 8);
            p->d = (int)((r >> 20) & 0xfff) - 4096;
            p->e += r >> 24;
            p->f = (long long)(r & 0x3fffff) - 0x200000;
            p->g ^= (unsigned)(r >> 63);
            p->h = (r >> 40) & 1;
        }
        for (int i = 0; i < 64; i++) {
            const struct fields *p = &arr[i];
            prog_hash_u64(&h, p->a);
            prog_hash_u64(&h, (uint64_t)(int64_t)p->b);
            prog_hash_u64(&h, p->c + (uint64_t)(int64_t)p->d);
            prog_hash_u64(&h, p->e);
            prog_hash_u64(&h, (uint64_t)p->f);
            prog_hash_u64(&h, (uint64_t)p->g << 1 | p->h);
        }
    }
    printf("bitfields %016llx sizeof %zu\n", (unsigned long long)h, sizeof(struct fields));
    printf("first: a=%u b=%d c=%u d=%d e=%llu f=%lld g=%u h=%d\n", arr[0].a, arr[0].b,
           arr[0].c, arr[0].d, (unsigned long long)arr[0].e, (long long)arr[0].f,
           arr[0].g, arr[0].h);

    static unsigned char buf[256];
    h = PROG_HASH_INIT;
    for (int off = 0; off < 32; off++) {
        struct packed *p = (struct packed *)(buf + PROG_OPAQUE(off));
        p->tag = (uint8_t)off;
        p->word = 0x01020304u * (unsigned)off;
        p->half = (uint16_t)(0xbeef ^ off);
        p->dword = 0x1122334455667788ull + (uint64_t)off;
        p->real = off * 1.25;
        prog_hash_u64(&h, p->word + p->half + p->dword + (uint64_t)(p->real * 4));
        prog_hash(&h, buf, 64);
    }
    printf("packed %016llx sizeof %zu\n", (unsigned long long)h, sizeof(struct packed));

    union pun u;
    u.d = PROG_OPAQUE_FP(-2.5);
    printf("pun %016llx %08x %08x %02x\n", (unsigned long long)u.u, 0u + (uint32_t)u.b[0],
           0u + (uint32_t)u.b[7], u.b[6]);
    float fl = PROG_OPAQUE_FP(3.0f);
    uint32_t fu;
    memcpy(&fu, &fl, 4);
    printf("float bits %08x\n", fu);
    return 0;
}
