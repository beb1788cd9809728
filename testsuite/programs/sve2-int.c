/* SVE2 integer arithmetic, instruction by instruction: the predicated
 * shifts, halving, pairwise and saturating operations, the widening,
 * accumulating and narrowing groups, at every element size each has.
 * Each instruction runs on three fillings of its registers (edge values
 * of the element size: 0, 1, -1, MIN, MAX, 0x80.., then random bytes,
 * then small values around the element size, which exercise the shift
 * counts) with a random governing predicate, and the program prints one
 * hash of the destination per instruction, so a difference between
 * backstep and qemu-aarch64 names the instruction. The output depends on
 * the vector length (both emulators run at the same one).
 *
 * The instructions are in inline assembly under an .arch directive, so
 * the program builds with every flag set; it runs only where SVE2 runs. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "prog.h"

#define ARCH ".arch armv9-a+sve2+sve2-aes+sve2-sm4+sve2-sha3+sve2-bitperm\n"

/* z0 (destination and accumulator), z1, z2 and p1 are loaded from these
 * before each instruction; z0 is stored to out after it. */
static uint8_t buf_d[256], buf_a[256], buf_b[256], buf_p[32], out[256];

/* Every test is one instruction with its fill element size (of the
 * sources, log2 bytes). */
#define T(name, esz, insn)                                                 \
    __attribute__((noinline)) static void t_##name(void)                   \
    {                                                                      \
        __asm__ volatile(ARCH                                              \
                         "ptrue p0.b\n"                                    \
                         "ld1b {z0.b}, p0/z, [%0]\n"                       \
                         "ld1b {z1.b}, p0/z, [%1]\n"                       \
                         "ld1b {z2.b}, p0/z, [%2]\n"                       \
                         "ldr p1, [%3]\n"                                  \
                         insn "\n"                                         \
                         "st1b {z0.b}, p0, [%4]\n"                         \
                         :                                                 \
                         : "r"(buf_d), "r"(buf_a), "r"(buf_b),             \
                           "r"(buf_p), "r"(out)                            \
                         : "memory", "v0", "v1", "v2");                    \
    }

/* Operand shapes, expanded at each element size the instruction has. */
#define PZZ(X, op)                                                         \
    X(op##_b, 0, #op " z0.b, p1/m, z0.b, z1.b")                            \
    X(op##_h, 1, #op " z0.h, p1/m, z0.h, z1.h")                            \
    X(op##_s, 2, #op " z0.s, p1/m, z0.s, z1.s")                            \
    X(op##_d, 3, #op " z0.d, p1/m, z0.d, z1.d")
#define PUN(X, op)                                                         \
    X(op##_b, 0, #op " z0.b, p1/m, z1.b")                                  \
    X(op##_h, 1, #op " z0.h, p1/m, z1.h")                                  \
    X(op##_s, 2, #op " z0.s, p1/m, z1.s")                                  \
    X(op##_d, 3, #op " z0.d, p1/m, z1.d")
#define PADAL(X, op)                                                       \
    X(op##_h, 0, #op " z0.h, p1/m, z1.b")                                  \
    X(op##_s, 1, #op " z0.s, p1/m, z1.h")                                  \
    X(op##_d, 2, #op " z0.d, p1/m, z1.s")
#define ZZZ(X, op)                                                         \
    X(op##_b, 0, #op " z0.b, z1.b, z2.b")                                  \
    X(op##_h, 1, #op " z0.h, z1.h, z2.h")                                  \
    X(op##_s, 2, #op " z0.s, z1.s, z2.s")                                  \
    X(op##_d, 3, #op " z0.d, z1.d, z2.d")
#define LONG(X, op)                                                        \
    X(op##_h, 0, #op " z0.h, z1.b, z2.b")                                  \
    X(op##_s, 1, #op " z0.s, z1.h, z2.h")                                  \
    X(op##_d, 2, #op " z0.d, z1.s, z2.s")
#define WIDE(X, op)                                                        \
    X(op##_h, 0, #op " z0.h, z1.h, z2.b")                                  \
    X(op##_s, 1, #op " z0.s, z1.s, z2.h")                                  \
    X(op##_d, 2, #op " z0.d, z1.d, z2.s")
#define NARROW(X, op)                                                      \
    X(op##_b, 1, #op " z0.b, z1.h, z2.h")                                  \
    X(op##_h, 2, #op " z0.h, z1.s, z2.s")                                  \
    X(op##_s, 3, #op " z0.s, z1.d, z2.d")
#define XTN(X, op)                                                         \
    X(op##_b, 1, #op " z0.b, z1.h")                                        \
    X(op##_h, 2, #op " z0.h, z1.s")                                        \
    X(op##_s, 3, #op " z0.s, z1.d")
/* Shift right narrow by 1, half the size and the whole size. */
#define SHRN(X, op)                                                        \
    X(op##_b1, 1, #op " z0.b, z1.h, #1")                                   \
    X(op##_b4, 1, #op " z0.b, z1.h, #4")                                   \
    X(op##_b8, 1, #op " z0.b, z1.h, #8")                                   \
    X(op##_h1, 2, #op " z0.h, z1.s, #1")                                   \
    X(op##_h9, 2, #op " z0.h, z1.s, #9")                                   \
    X(op##_h16, 2, #op " z0.h, z1.s, #16")                                 \
    X(op##_s1, 3, #op " z0.s, z1.d, #1")                                   \
    X(op##_s17, 3, #op " z0.s, z1.d, #17")                                 \
    X(op##_s32, 3, #op " z0.s, z1.d, #32")
/* Shift left long by 0, 1 and the size minus one. */
#define SHLL(X, op)                                                        \
    X(op##_h0, 0, #op " z0.h, z1.b, #0")                                   \
    X(op##_h7, 0, #op " z0.h, z1.b, #7")                                   \
    X(op##_s1, 1, #op " z0.s, z1.h, #1")                                   \
    X(op##_s15, 1, #op " z0.s, z1.h, #15")                                 \
    X(op##_d0, 2, #op " z0.d, z1.s, #0")                                   \
    X(op##_d31, 2, #op " z0.d, z1.s, #31")
/* Right shifts 1..esize with an accumulator or insertion into z0. */
#define SHR(X, op)                                                         \
    X(op##_b1, 0, #op " z0.b, z1.b, #1")                                   \
    X(op##_b8, 0, #op " z0.b, z1.b, #8")                                   \
    X(op##_h3, 1, #op " z0.h, z1.h, #3")                                   \
    X(op##_h16, 1, #op " z0.h, z1.h, #16")                                 \
    X(op##_s1, 2, #op " z0.s, z1.s, #1")                                   \
    X(op##_s32, 2, #op " z0.s, z1.s, #32")                                 \
    X(op##_d7, 3, #op " z0.d, z1.d, #7")                                   \
    X(op##_d64, 3, #op " z0.d, z1.d, #64")
#define SHL(X, op)                                                         \
    X(op##_b0, 0, #op " z0.b, z1.b, #0")                                   \
    X(op##_b7, 0, #op " z0.b, z1.b, #7")                                   \
    X(op##_h5, 1, #op " z0.h, z1.h, #5")                                   \
    X(op##_s31, 2, #op " z0.s, z1.s, #31")                                 \
    X(op##_d0, 3, #op " z0.d, z1.d, #0")                                   \
    X(op##_d63, 3, #op " z0.d, z1.d, #63")
#define XAR(X)                                                             \
    X(xar_b1, 0, "xar z0.b, z0.b, z1.b, #1")                               \
    X(xar_b8, 0, "xar z0.b, z0.b, z1.b, #8")                               \
    X(xar_h5, 1, "xar z0.h, z0.h, z1.h, #5")                               \
    X(xar_h16, 1, "xar z0.h, z0.h, z1.h, #16")                             \
    X(xar_s13, 2, "xar z0.s, z0.s, z1.s, #13")                             \
    X(xar_s32, 2, "xar z0.s, z0.s, z1.s, #32")                             \
    X(xar_d1, 3, "xar z0.d, z0.d, z1.d, #1")                               \
    X(xar_d64, 3, "xar z0.d, z0.d, z1.d, #64")
#define CADD(X, op)                                                        \
    X(op##_b90, 0, #op " z0.b, z0.b, z1.b, #90")                           \
    X(op##_h90, 1, #op " z0.h, z0.h, z1.h, #90")                           \
    X(op##_s90, 2, #op " z0.s, z0.s, z1.s, #90")                           \
    X(op##_d90, 3, #op " z0.d, z0.d, z1.d, #90")                           \
    X(op##_b270, 0, #op " z0.b, z0.b, z1.b, #270")                         \
    X(op##_h270, 1, #op " z0.h, z0.h, z1.h, #270")                         \
    X(op##_s270, 2, #op " z0.s, z0.s, z1.s, #270")                         \
    X(op##_d270, 3, #op " z0.d, z0.d, z1.d, #270")
#define ADCL(X, op)                                                        \
    X(op##_s, 2, #op " z0.s, z1.s, z2.s")                                  \
    X(op##_d, 3, #op " z0.d, z1.d, z2.d")

#define INSNS(X)                                                           \
    PADAL(X, sadalp) PADAL(X, uadalp)                                      \
    X(urecpe_s, 2, "urecpe z0.s, p1/m, z1.s")                              \
    X(ursqrte_s, 2, "ursqrte z0.s, p1/m, z1.s")                            \
    PUN(X, sqabs) PUN(X, sqneg)                                            \
    PZZ(X, srshl) PZZ(X, urshl) PZZ(X, srshlr) PZZ(X, urshlr)              \
    PZZ(X, sqshl) PZZ(X, uqshl) PZZ(X, sqrshl) PZZ(X, uqrshl)              \
    PZZ(X, sqshlr) PZZ(X, uqshlr) PZZ(X, sqrshlr) PZZ(X, uqrshlr)          \
    PZZ(X, shadd) PZZ(X, uhadd) PZZ(X, shsub) PZZ(X, uhsub)                \
    PZZ(X, srhadd) PZZ(X, urhadd) PZZ(X, shsubr) PZZ(X, uhsubr)            \
    PZZ(X, addp) PZZ(X, smaxp) PZZ(X, umaxp) PZZ(X, sminp) PZZ(X, uminp)   \
    PZZ(X, sqadd) PZZ(X, uqadd) PZZ(X, sqsub) PZZ(X, uqsub)                \
    PZZ(X, suqadd) PZZ(X, usqadd) PZZ(X, sqsubr) PZZ(X, uqsubr)            \
    LONG(X, saddlb) LONG(X, saddlt) LONG(X, uaddlb) LONG(X, uaddlt)        \
    LONG(X, ssublb) LONG(X, ssublt) LONG(X, usublb) LONG(X, usublt)        \
    LONG(X, sabdlb) LONG(X, sabdlt) LONG(X, uabdlb) LONG(X, uabdlt)        \
    WIDE(X, saddwb) WIDE(X, saddwt) WIDE(X, uaddwb) WIDE(X, uaddwt)        \
    WIDE(X, ssubwb) WIDE(X, ssubwt) WIDE(X, usubwb) WIDE(X, usubwt)        \
    LONG(X, saddlbt) LONG(X, ssublbt) LONG(X, ssubltb)                     \
    LONG(X, smullb) LONG(X, smullt) LONG(X, umullb) LONG(X, umullt)        \
    LONG(X, sqdmullb) LONG(X, sqdmullt)                                    \
    X(pmullb_h, 0, "pmullb z0.h, z1.b, z2.b")                              \
    X(pmullt_h, 0, "pmullt z0.h, z1.b, z2.b")                              \
    X(pmullb_d, 2, "pmullb z0.d, z1.s, z2.s")                              \
    X(pmullt_d, 2, "pmullt z0.d, z1.s, z2.s")                              \
    X(pmullb_q, 3, "pmullb z0.q, z1.d, z2.d")                              \
    X(pmullt_q, 3, "pmullt z0.q, z1.d, z2.d")                              \
    SHLL(X, sshllb) SHLL(X, sshllt) SHLL(X, ushllb) SHLL(X, ushllt)        \
    ZZZ(X, eorbt) ZZZ(X, eortb)                                            \
    ZZZ(X, saba) ZZZ(X, uaba)                                              \
    LONG(X, sabalb) LONG(X, sabalt) LONG(X, uabalb) LONG(X, uabalt)        \
    ADCL(X, adclb) ADCL(X, adclt) ADCL(X, sbclb) ADCL(X, sbclt)            \
    SHR(X, ssra) SHR(X, usra) SHR(X, srsra) SHR(X, ursra) SHR(X, sri)      \
    SHL(X, sli)                                                            \
    CADD(X, cadd) CADD(X, sqcadd)                                          \
    XAR(X)                                                                 \
    XTN(X, sqxtnb) XTN(X, sqxtnt) XTN(X, uqxtnb) XTN(X, uqxtnt)            \
    XTN(X, sqxtunb) XTN(X, sqxtunt)                                        \
    SHRN(X, shrnb) SHRN(X, shrnt) SHRN(X, rshrnb) SHRN(X, rshrnt)          \
    SHRN(X, sqshrnb) SHRN(X, sqshrnt) SHRN(X, sqrshrnb) SHRN(X, sqrshrnt)  \
    SHRN(X, uqshrnb) SHRN(X, uqshrnt) SHRN(X, uqrshrnb) SHRN(X, uqrshrnt)  \
    SHRN(X, sqshrunb) SHRN(X, sqshrunt)                                    \
    SHRN(X, sqrshrunb) SHRN(X, sqrshrunt)                                  \
    NARROW(X, addhnb) NARROW(X, addhnt) NARROW(X, raddhnb)                 \
    NARROW(X, raddhnt) NARROW(X, subhnb) NARROW(X, subhnt)                 \
    NARROW(X, rsubhnb) NARROW(X, rsubhnt)

INSNS(T)

struct test {
    const char *name;
    unsigned esz;
    void (*run)(void);
};

#define ROW(name, esz, insn) { #name, esz, t_##name },
static const struct test tests[] = { INSNS(ROW) };

/* The edge values of an element of 1 << esz bytes, as 64-bit patterns. */
static uint64_t edge_value(unsigned esz, unsigned k)
{
    unsigned bits = 8u << esz;
    uint64_t min = 1ull << (bits - 1), max = min - 1;
    switch (k % 10) {
    case 0: return 0;
    case 1: return 1;
    case 2: return UINT64_MAX;          /* -1 */
    case 3: return min;
    case 4: return max;
    case 5: return min + 1;
    case 6: return max - 1;
    case 7: return 2;
    case 8: return min >> 1;            /* 0x40.. */
    default: return prog_rand();
    }
}

static void put_elem(uint8_t *buf, unsigned esz, unsigned i, uint64_t v)
{
    memcpy(buf + (i << esz), &v, 1u << esz);    /* little-endian */
}

/* Fill pass 0: edge values; 1: random; 2: small values in
 * [-esize - 2, esize + 2]. */
static void fill(uint8_t *buf, unsigned esz, unsigned pass)
{
    unsigned n = 256u >> esz, bits = 8u << esz;
    for (unsigned i = 0; i < n; i++) {
        uint64_t v;
        if (pass == 0)
            v = edge_value(esz, (unsigned)(prog_rand() % 10));
        else if (pass == 1)
            v = prog_rand();
        else
            v = (uint64_t)((int64_t)(prog_rand() % (2 * bits + 5)) -
                           (int64_t)bits - 2);
        put_elem(buf, esz, i, v);
    }
}

static unsigned vector_bytes(void)
{
    uint64_t vl;
    __asm__ volatile(ARCH "rdvl %0, #1" : "=r"(vl));
    return (unsigned)vl;
}

int main(void)
{
    unsigned vl = vector_bytes();
    printf("vector length %u bytes\n", vl);
    for (size_t t = 0; t < sizeof tests / sizeof tests[0]; t++) {
        uint64_t h = PROG_HASH_INIT;
        prog_seed(0x5eed0000u + t);
        for (unsigned pass = 0; pass < 3; pass++) {
            fill(buf_d, tests[t].esz, pass);
            fill(buf_a, tests[t].esz, pass);
            fill(buf_b, tests[t].esz, pass);
            for (unsigned i = 0; i < sizeof buf_p; i++)
                buf_p[i] = (uint8_t)prog_rand();
            memset(out, 0, sizeof out);
            tests[t].run();
            prog_hash(&h, out, vl);
        }
        printf("%-16s %016llx\n", tests[t].name, (unsigned long long)h);
    }
    return 0;
}
