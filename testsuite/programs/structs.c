/* Structures by value: small ones in registers, homogeneous FP aggregates
 * in V registers, large ones through memory, returns of every size, and
 * struct assignment (the memcpy the compiler inlines). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "prog.h"

struct s1 { char c; };
struct s3 { char c[3]; };
struct s12 { int a, b, c; };
struct s16 { long a, b; };
struct s24 { long a, b, c; };
struct hfa2 { double x, y; };
struct hfa4f { float a, b, c, d; };
struct hva { __attribute__((vector_size(16))) int v[2]; };
struct big { char bytes[203]; };

static struct s3 make3(int k) { struct s3 s = { { (char)k, (char)(k + 1), (char)(k + 2) } }; return s; }
static struct s12 add12(struct s12 a, struct s12 b) { return (struct s12){ a.a + b.a, a.b + b.b, a.c + b.c }; }
static struct s16 swap16(struct s16 s) { return (struct s16){ s.b, s.a }; }
static struct s24 rot24(struct s24 s) { return (struct s24){ s.c, s.a, s.b }; }
static struct hfa2 rot(struct hfa2 p, struct hfa2 q) { return (struct hfa2){ p.x * q.x - p.y * q.y, p.x * q.y + p.y * q.x }; }
static struct hfa4f scale(struct hfa4f v, float k) { return (struct hfa4f){ v.a * k, v.b * k, v.c * k, v.d * k }; }
static struct hva addv(struct hva a, struct hva b) { struct hva r; r.v[0] = a.v[0] + b.v[0]; r.v[1] = a.v[1] * b.v[1]; return r; }

static struct big fill(struct big b, int seed)
{
    for (unsigned i = 0; i < sizeof b.bytes; i++)
        b.bytes[i] = (char)(b.bytes[i] + seed * (int)i);
    return b;
}

static uint64_t many_structs(struct s1 a, struct s3 b, struct s12 c, struct s16 d,
                             struct s24 e, struct hfa2 f, struct hfa4f g, struct s16 h,
                             struct s24 i)
{
    return (uint64_t)(a.c + b.c[2] + c.c + d.b + e.c + (long)f.y + (long)g.d + h.a + i.b);
}

int main(void)
{
    struct s3 t = make3(PROG_OPAQUE(40));
    printf("s3 %d %d %d\n", t.c[0], t.c[1], t.c[2]);
    struct s12 a = { 1, 2, 3 }, b = { 10, 20, 30 };
    struct s12 c = add12(a, b);
    printf("s12 %d %d %d\n", c.a, c.b, c.c);
    struct s16 d = swap16((struct s16){ PROG_OPAQUE(5l), -6 });
    printf("s16 %ld %ld\n", d.a, d.b);
    struct s24 e = rot24((struct s24){ 7, 8, PROG_OPAQUE(9l) });
    printf("s24 %ld %ld %ld\n", e.a, e.b, e.c);
    struct hfa2 z = { 1, 0 }, w = { 0.6, 0.8 };
    for (int i = 0; i < 10; i++)
        z = rot(z, w);
    printf("hfa2 %.17g %.17g\n", z.x, z.y);
    struct hfa4f v = scale((struct hfa4f){ 1, 2, 3, 4 }, PROG_OPAQUE_FP(1.5f));
    printf("hfa4f %a %a %a %a\n", v.a, v.b, v.c, v.d);
    struct hva hv = addv((struct hva){ { { 1, 2 }, { 3, 4 } } }, (struct hva){ { { 5, 6 }, { 7, 8 } } });
    printf("hva %d %d %d %d\n", hv.v[0][0], hv.v[0][1], hv.v[1][0], hv.v[1][1]);

    struct big bg;
    memset(&bg, 1, sizeof bg);
    uint64_t h = PROG_HASH_INIT;
    for (int i = 0; i < 20; i++) {
        struct big copy = bg;            /* struct assignment */
        bg = fill(copy, i);
        prog_hash(&h, &bg, sizeof bg);
    }
    printf("big %016llx\n", (unsigned long long)h);
    printf("many %llu\n", (unsigned long long)many_structs(
               (struct s1){ 1 }, t, c, d, e, z, v, (struct s16){ 100, 200 },
               (struct s24){ 300, 400, 500 }));
    return 0;
}
