/* The SVE2 multiplies, complex integer arithmetic, FP, BF16, I8MM,
 * crypto, permutes and non-temporal gathers/scatters run on vectors of
 * interesting values (0, 1, -1, the extremes of every element size,
 * NaNs, infinities, subnormals) and random ones. One line per
 * instruction: a hash of the results at every input set (and FPSR for the
 * FP ones), so a difference between backstep and qemu-aarch64 names the
 * instruction. The hashes cover the whole vector, so they depend on the
 * vector length; runs at other lengths compare the same way (backstep
 * --sve-vl N against qemu-aarch64 -cpu max,sve-max-vq=N/128,
 * sve-default-vector-length=N/8).
 *
 * Inline assembly with an .arch directive builds under every flag set;
 * without SVE2 in the host CPU's HWCAPs the program says so and exits. An
 * argument restricts the run to one group (mul, idx, cplx, fp, bf16,
 * i8mm, crypto, perm, mem). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>

#include "prog.h"

#define ARCH ".arch armv9-a+sve2+sve2-aes+sve2-sm4+sve2-sha3+sve2-bitperm+bf16+i8mm\n"
#define MAXVL 256
#define NSETS 8

static uint8_t zin[4][MAXVL] __attribute__((aligned(16)));
static uint8_t zout[MAXVL] __attribute__((aligned(16)));
static uint8_t pin[MAXVL / 8] __attribute__((aligned(16)));
static uint8_t mem[4096 + 64] __attribute__((aligned(16)));
static unsigned vl;
static const char *only;

static const uint64_t int_edges[] = {
    0, 1, ~0ull, 2, 0x7fffffffffffffffull, 0x8000000000000000ull,
    0x7fffffffffffff80ull, 0x8000000000000001ull, 0x5555555555555555ull,
    0xaaaaaaaaaaaaaaaaull, 0x4000000000000000ull, 0xc000000000000000ull,
};
/* Per precision: +-0, +-1, +-inf, quiet and signalling NaNs, the largest
 * normal, the smallest normal and a subnormal, 0.5, 1.5, 3. */
static const uint16_t fp16_edges[] = {
    0x0000, 0x8000, 0x3c00, 0xbc00, 0x7c00, 0xfc00, 0x7e01, 0x7d01, 0x7bff,
    0x0400, 0x0001, 0x3800, 0x3e00, 0x4200, 0xfbff, 0x8401,
};
static const uint32_t fp32_edges[] = {
    0x00000000, 0x80000000, 0x3f800000, 0xbf800000, 0x7f800000, 0xff800000,
    0x7fc00001, 0x7fa00001, 0x7f7fffff, 0x00800000, 0x00000001, 0x3f000000,
    0x3fc00000, 0x40400000, 0xff7fffff, 0x80800001, 0x33800000, 0x477fe000,
};
static const uint64_t fp64_edges[] = {
    0, 1ull << 63, 0x3ff0000000000000ull, 0xbff0000000000000ull,
    0x7ff0000000000000ull, 0xfff0000000000000ull, 0x7ff8000000000001ull,
    0x7ff4000000000001ull, 0x7fefffffffffffffull, 0x0010000000000000ull,
    1, 0x3fe0000000000000ull, 0x3ff8000000000000ull, 0x4008000000000000ull,
    0x47efffffe0000000ull, 0x36a0000000000000ull, 0x3ff0000010000001ull,
    0xc7efffff00000000ull,
};

static void put_elem(uint8_t *buf, unsigned esz, unsigned i, uint64_t v)
{
    memcpy(buf + (i << esz), &v, 1u << esz);
}

/* Input set s: 0..3 integer edges of element size s mixed with random
 * values, 4..6 FP edges for half, single, double, 7 all random. The
 * predicate is random in every set, so both lanes kinds occur. */
static void load_set(int s)
{
    for (int r = 0; r < 4; r++) {
        for (unsigned i = 0; i < MAXVL; i++)
            zin[r][i] = (uint8_t)prog_rand();
        if (s < 4) {
            unsigned n = MAXVL >> s, ne = sizeof int_edges / sizeof int_edges[0];
            for (unsigned i = 0; i < n; i++)
                if ((i + r) % 3 != 2)
                    put_elem(zin[r], (unsigned)s, i,
                             int_edges[(i * 5 + r * 7 + i / ne) % ne] >>
                                 ((i & 4) ? 0 : 64 - (8u << s)));
        } else if (s < 7) {
            unsigned esz = (unsigned)s - 3, n = MAXVL >> esz;
            for (unsigned i = 0; i < n; i++) {
                if ((i + r) % 4 == 3)
                    continue;
                unsigned k = i * 3 + r * 5 + i / 7;
                uint64_t v = esz == 1 ? fp16_edges[k % 16]
                             : esz == 2 ? fp32_edges[k % 18]
                                        : fp64_edges[k % 18];
                put_elem(zin[r], esz, i, v);
            }
        }
    }
    for (unsigned i = 0; i < sizeof pin; i++)
        pin[i] = (uint8_t)prog_rand();
    for (unsigned i = 0; i < sizeof mem; i++)
        mem[i] = (uint8_t)prog_rand();
}

static uint64_t read_fpsr(void)
{
    uint64_t v;
    __asm__ volatile("mrs %0, fpsr" : "=r"(v));
    return v;
}

static void write_fpsr(uint64_t v)
{
    __asm__ volatile("msr fpsr, %0" : : "r"(v));
}

/* Run insn on every input set: z0..z3 and p0 loaded from the set, p1 all
 * true, x2 the address of mem; z0 is the result. */
#define T(group, label, insn)                                                 \
    do {                                                                      \
        if (only && strcmp(only, group) != 0)                                 \
            break;                                                            \
        uint64_t h_ = PROG_HASH_INIT, fpsr_ = 0;                              \
        prog_seed(0x5eed0000u + __LINE__);                                    \
        for (int s_ = 0; s_ < NSETS; s_++) {                                  \
            load_set(s_);                                                     \
            write_fpsr(0);                                                    \
            __asm__ volatile(ARCH                                             \
                             "ldr z0, [%[a]]\n\tldr z1, [%[b]]\n\t"           \
                             "ldr z2, [%[c]]\n\tldr z3, [%[d]]\n\t"           \
                             "ldr p0, [%[p]]\n\tptrue p1.b\n\t"               \
                             "mov x2, %[m]\n\t"                               \
                             insn "\n\t"                                      \
                             "str z0, [%[o]]\n"                               \
                             :                                                \
                             : [a] "r"(zin[0]), [b] "r"(zin[1]),              \
                               [c] "r"(zin[2]), [d] "r"(zin[3]),              \
                               [p] "r"(pin), [o] "r"(zout), [m] "r"(mem)      \
                             : "memory", "x2", "x3", "v0", "v1", "v2",        \
                               "v3", "v7", "v15", "v31", "p0", "p1", "p2");   \
            fpsr_ |= read_fpsr();                                             \
            prog_hash(&h_, zout, vl);                                         \
            if (strcmp(group, "mem") == 0)                                    \
                prog_hash(&h_, mem, sizeof mem);                              \
        }                                                                     \
        printf("%-40s %016llx fpsr %02llx\n", label, (unsigned long long)h_,  \
               (unsigned long long)(fpsr_ & 0x9f));                           \
    } while (0)

#define LONG3(g, op)                                                          \
    T(g, op ".h", op " z0.h, z1.b, z2.b");                                    \
    T(g, op ".s", op " z0.s, z1.h, z2.h");                                    \
    T(g, op ".d", op " z0.d, z1.s, z2.s")
#define SAME4(g, op)                                                          \
    T(g, op ".b", op " z0.b, z1.b, z2.b");                                    \
    T(g, op ".h", op " z0.h, z1.h, z2.h");                                    \
    T(g, op ".s", op " z0.s, z1.s, z2.s");                                    \
    T(g, op ".d", op " z0.d, z1.d, z2.d")
/* The four rotations; pre is set-up code run before the instruction. */
#define ROT4P(g, pre, op, a, b, c)                                            \
    T(g, op " " a ", " c " #0", pre op " " a ", " b ", " c ", #0");           \
    T(g, op " " a ", " c " #90", pre op " " a ", " b ", " c ", #90");         \
    T(g, op " " a ", " c " #180", pre op " " a ", " b ", " c ", #180");       \
    T(g, op " " a ", " c " #270", pre op " " a ", " b ", " c ", #270")
#define ROT4(g, op, a, b, c) ROT4P(g, "", op, a, b, c)

/* Copy z2 into the high registers used as indexed operands. */
#define SETUP_HIGH "mov z7.d, z2.d\n\tmov z15.d, z3.d\n\t"

static void test_mul(void)
{
    LONG3("mul", "smlalb"); LONG3("mul", "smlalt");
    LONG3("mul", "umlalb"); LONG3("mul", "umlalt");
    LONG3("mul", "smlslb"); LONG3("mul", "smlslt");
    LONG3("mul", "umlslb"); LONG3("mul", "umlslt");
    LONG3("mul", "sqdmlalb"); LONG3("mul", "sqdmlalt");
    LONG3("mul", "sqdmlslb"); LONG3("mul", "sqdmlslt");
    LONG3("mul", "sqdmlalbt"); LONG3("mul", "sqdmlslbt");
    SAME4("mul", "sqrdmlah"); SAME4("mul", "sqrdmlsh");
    SAME4("mul", "sqdmulh"); SAME4("mul", "sqrdmulh");
}

#define TI(g, label, insn) T(g, label, SETUP_HIGH insn)
static void test_idx(void)
{
#define SAMEIDX_I(op)                                                         \
    TI("idx", op ".h[7]", op " z0.h, z1.h, z7.h[7]");                          \
    TI("idx", op ".h[2]", op " z0.h, z1.h, z2.h[2]");                          \
    TI("idx", op ".s[3]", op " z0.s, z1.s, z7.s[3]");                          \
    TI("idx", op ".s[1]", op " z0.s, z1.s, z2.s[1]");                          \
    TI("idx", op ".d[1]", op " z0.d, z1.d, z15.d[1]");                         \
    TI("idx", op ".d[0]", op " z0.d, z1.d, z2.d[0]")
#define LONGIDX_I(op)                                                         \
    TI("idx", op ".s[7]", op " z0.s, z1.h, z7.h[7]");                          \
    TI("idx", op ".s[2]", op " z0.s, z1.h, z2.h[2]");                          \
    TI("idx", op ".d[3]", op " z0.d, z1.s, z15.s[3]");                         \
    TI("idx", op ".d[0]", op " z0.d, z1.s, z2.s[0]")
    SAMEIDX_I("mla"); SAMEIDX_I("mls"); SAMEIDX_I("mul");
    SAMEIDX_I("sqrdmlah"); SAMEIDX_I("sqrdmlsh");
    SAMEIDX_I("sqdmulh"); SAMEIDX_I("sqrdmulh");
    LONGIDX_I("smlalb"); LONGIDX_I("smlalt"); LONGIDX_I("umlalb");
    LONGIDX_I("umlalt"); LONGIDX_I("smlslb"); LONGIDX_I("smlslt");
    LONGIDX_I("umlslb"); LONGIDX_I("umlslt");
    LONGIDX_I("sqdmlalb"); LONGIDX_I("sqdmlalt");
    LONGIDX_I("sqdmlslb"); LONGIDX_I("sqdmlslt");
    LONGIDX_I("smullb"); LONGIDX_I("smullt"); LONGIDX_I("umullb");
    LONGIDX_I("umullt"); LONGIDX_I("sqdmullb"); LONGIDX_I("sqdmullt");
}

static void test_cplx(void)
{
    ROT4("cplx", "cmla", "z0.b", "z1.b", "z2.b");
    ROT4("cplx", "cmla", "z0.h", "z1.h", "z2.h");
    ROT4("cplx", "cmla", "z0.s", "z1.s", "z2.s");
    ROT4("cplx", "cmla", "z0.d", "z1.d", "z2.d");
    ROT4("cplx", "sqrdcmlah", "z0.b", "z1.b", "z2.b");
    ROT4("cplx", "sqrdcmlah", "z0.h", "z1.h", "z2.h");
    ROT4("cplx", "sqrdcmlah", "z0.s", "z1.s", "z2.s");
    ROT4("cplx", "sqrdcmlah", "z0.d", "z1.d", "z2.d");
    ROT4P("cplx", SETUP_HIGH, "cmla", "z0.h", "z1.h", "z7.h[3]");
    ROT4P("cplx", SETUP_HIGH, "cmla", "z0.s", "z1.s", "z15.s[1]");
    ROT4P("cplx", SETUP_HIGH, "sqrdcmlah", "z0.h", "z1.h", "z7.h[2]");
    ROT4P("cplx", SETUP_HIGH, "sqrdcmlah", "z0.s", "z1.s", "z15.s[1]");
    ROT4("cplx", "cdot", "z0.s", "z1.b", "z2.b");
    ROT4("cplx", "cdot", "z0.d", "z1.h", "z2.h");
    ROT4P("cplx", SETUP_HIGH, "cdot", "z0.s", "z1.b", "z7.b[3]");
    ROT4P("cplx", SETUP_HIGH, "cdot", "z0.d", "z1.h", "z15.h[1]");
}

/* The FP instructions again under FPCR = FZ, DN and round towards minus
 * infinity (and FZ16 for the half-precision ones). */
#define FPCR_ODD "mov x3, #0x03880000\n\tmsr fpcr, x3\n\t"
#define FPCR_RESET "\n\tmsr fpcr, xzr"
#define TFG(g, label, insn)                                                   \
    T(g, label, insn);                                                        \
    T(g, label " fz dn rm", FPCR_ODD insn FPCR_RESET)
#define TF(label, insn) TFG("fp", label, insn)
#define PAIRWISE(op)                                                          \
    TF(op ".h", op " z0.h, p0/m, z0.h, z1.h");                                \
    TF(op ".s", op " z0.s, p0/m, z0.s, z1.s");                                \
    TF(op ".d", op " z0.d, p0/m, z0.d, z1.d")

static void test_fp(void)
{
    PAIRWISE("faddp"); PAIRWISE("fmaxnmp"); PAIRWISE("fminnmp");
    PAIRWISE("fmaxp"); PAIRWISE("fminp");
    TF("fcvtnt.h", "fcvtnt z0.h, p0/m, z1.s");
    TF("fcvtnt.s", "fcvtnt z0.s, p0/m, z1.d");
    TF("fcvtlt.s", "fcvtlt z0.s, p0/m, z1.h");
    TF("fcvtlt.d", "fcvtlt z0.d, p0/m, z1.s");
    TF("fcvtx", "fcvtx z0.s, p0/m, z1.d");
    TF("fcvtxnt", "fcvtxnt z0.s, p0/m, z1.d");
    TF("fmlalb", "fmlalb z0.s, z1.h, z2.h");
    TF("fmlalt", "fmlalt z0.s, z1.h, z2.h");
    TF("fmlslb", "fmlslb z0.s, z1.h, z2.h");
    TF("fmlslt", "fmlslt z0.s, z1.h, z2.h");
    TF("fmlalb[7]", SETUP_HIGH "fmlalb z0.s, z1.h, z7.h[7]");
    TF("fmlalt[2]", "fmlalt z0.s, z1.h, z2.h[2]");
    TF("fmlslb[5]", SETUP_HIGH "fmlslb z0.s, z1.h, z7.h[5]");
    TF("fmlslt[0]", "fmlslt z0.s, z1.h, z2.h[0]");
}

static void test_bf16(void)
{
    TFG("bf16", "bfdot", "bfdot z0.s, z1.h, z2.h");
    TFG("bf16", "bfdot[3]", SETUP_HIGH "bfdot z0.s, z1.h, z7.h[3]");
    TFG("bf16", "bfdot[1]", "bfdot z0.s, z1.h, z2.h[1]");
    TFG("bf16", "bfmmla", "bfmmla z0.s, z1.h, z2.h");
    TFG("bf16", "bfmlalb", "bfmlalb z0.s, z1.h, z2.h");
    TFG("bf16", "bfmlalt", "bfmlalt z0.s, z1.h, z2.h");
    TFG("bf16", "bfmlalb[7]", SETUP_HIGH "bfmlalb z0.s, z1.h, z7.h[7]");
    TFG("bf16", "bfmlalt[2]", "bfmlalt z0.s, z1.h, z2.h[2]");
    TFG("bf16", "bfmlalt[5]", SETUP_HIGH "bfmlalt z0.s, z1.h, z7.h[5]");
    TFG("bf16", "bfcvt", "bfcvt z0.h, p0/m, z1.s");
    TFG("bf16", "bfcvtnt", "bfcvtnt z0.h, p0/m, z1.s");
}

static void test_i8mm(void)
{
    T("i8mm", "smmla", "smmla z0.s, z1.b, z2.b");
    T("i8mm", "ummla", "ummla z0.s, z1.b, z2.b");
    T("i8mm", "usmmla", "usmmla z0.s, z1.b, z2.b");
    T("i8mm", "usdot", "usdot z0.s, z1.b, z2.b");
    T("i8mm", "usdot[3]", SETUP_HIGH "usdot z0.s, z1.b, z7.b[3]");
    T("i8mm", "usdot[1]", "usdot z0.s, z1.b, z2.b[1]");
    T("i8mm", "sudot[2]", SETUP_HIGH "sudot z0.s, z1.b, z7.b[2]");
    T("i8mm", "sudot[0]", "sudot z0.s, z1.b, z2.b[0]");
}

static void test_crypto(void)
{
    T("crypto", "aese", "aese z0.b, z0.b, z1.b");
    T("crypto", "aesd", "aesd z0.b, z0.b, z1.b");
    T("crypto", "aesmc", "aesmc z0.b, z0.b");
    T("crypto", "aesimc", "aesimc z0.b, z0.b");
    T("crypto", "aese same", "aese z0.b, z0.b, z0.b");
    T("crypto", "sm4e", "sm4e z0.s, z0.s, z1.s");
    T("crypto", "sm4ekey", "sm4ekey z0.s, z1.s, z2.s");
    T("crypto", "sm4ekey same", "sm4ekey z0.s, z0.s, z0.s");
    T("crypto", "rax1", "rax1 z0.d, z1.d, z2.d");
    /* SVE-AES's PMULL128 (HWCAP2_SVEPMULL). */
    T("crypto", "pmullb.q", "pmullb z0.q, z1.d, z2.d");
    T("crypto", "pmullt.q", "pmullt z0.q, z1.d, z2.d");
}

static void test_perm(void)
{
    T("perm", "tbl2.b", "tbl z0.b, {z1.b, z2.b}, z3.b");
    T("perm", "tbl2.h", "tbl z0.h, {z1.h, z2.h}, z3.h");
    T("perm", "tbl2.s", "tbl z0.s, {z1.s, z2.s}, z3.s");
    T("perm", "tbl2.d", "tbl z0.d, {z1.d, z2.d}, z3.d");
    /* Small indices, so that most select an element. */
    T("perm", "tbl2.b small", "and z3.b, z3.b, #0x3f\n\ttbl z0.b, {z1.b, z2.b}, z3.b");
    T("perm", "tbl2.h small", "and z3.h, z3.h, #0x1f\n\ttbl z0.h, {z1.h, z2.h}, z3.h");
    T("perm", "tbl2.s small", "and z3.s, z3.s, #0xf\n\ttbl z0.s, {z1.s, z2.s}, z3.s");
    T("perm", "tbl2.d small", "and z3.d, z3.d, #0x7\n\ttbl z0.d, {z1.d, z2.d}, z3.d");
    T("perm", "tbl2 wrap", "mov z31.d, z1.d\n\tand z3.b, z3.b, #0x3f\n\t"
      "tbl z0.b, {z31.b, z0.b}, z3.b");
    T("perm", "tbx.b", "and z3.b, z3.b, #0x3f\n\ttbx z0.b, z1.b, z3.b");
    T("perm", "tbx.h", "and z3.h, z3.h, #0x1f\n\ttbx z0.h, z1.h, z3.h");
    T("perm", "tbx.s", "and z3.s, z3.s, #0xf\n\ttbx z0.s, z1.s, z3.s");
    T("perm", "tbx.d", "and z3.d, z3.d, #0x7\n\ttbx z0.d, z1.d, z3.d");
    T("perm", "ext2 #0", "ext z0.b, {z1.b, z2.b}, #0");
    T("perm", "ext2 #1", "ext z0.b, {z1.b, z2.b}, #1");
    T("perm", "ext2 #15", "ext z0.b, {z1.b, z2.b}, #15");
    T("perm", "ext2 #17", "ext z0.b, {z1.b, z2.b}, #17");
    T("perm", "ext2 #63", "ext z0.b, {z1.b, z2.b}, #63");
    T("perm", "ext2 #255", "ext z0.b, {z1.b, z2.b}, #255");
    T("perm", "ext2 wrap", "mov z31.d, z1.d\n\text z0.b, {z31.b, z0.b}, #7");
    T("perm", "splice.b", "splice z0.b, p0, {z1.b, z2.b}");
    T("perm", "splice.h", "splice z0.h, p0, {z1.h, z2.h}");
    T("perm", "splice.s", "splice z0.s, p0, {z1.s, z2.s}");
    T("perm", "splice.d", "splice z0.d, p0, {z1.d, z2.d}");
    T("perm", "splice none", "pfalse p2.b\n\tsplice z0.b, p2, {z1.b, z2.b}");
    T("perm", "splice wrap", "mov z31.d, z1.d\n\tsplice z0.s, p0, {z31.s, z0.s}");
}

/* Vector plus scalar: random 12-bit offsets in z1 (x2 = mem). */
#define OFFS32 "and z1.s, z1.s, #0xfff\n\t"
#define OFFS64 "and z1.d, z1.d, #0xfff\n\t"
static void test_mem(void)
{
    T("mem", "ldnt1b.s", OFFS32 "ldnt1b {z0.s}, p0/z, [z1.s, x2]");
    T("mem", "ldnt1h.s", OFFS32 "ldnt1h {z0.s}, p0/z, [z1.s, x2]");
    T("mem", "ldnt1w.s", OFFS32 "ldnt1w {z0.s}, p0/z, [z1.s, x2]");
    T("mem", "ldnt1sb.s", OFFS32 "ldnt1sb {z0.s}, p0/z, [z1.s, x2]");
    T("mem", "ldnt1sh.s", OFFS32 "ldnt1sh {z0.s}, p0/z, [z1.s, x2]");
    T("mem", "ldnt1b.d", OFFS64 "ldnt1b {z0.d}, p0/z, [z1.d, x2]");
    T("mem", "ldnt1h.d", OFFS64 "ldnt1h {z0.d}, p0/z, [z1.d, x2]");
    T("mem", "ldnt1w.d", OFFS64 "ldnt1w {z0.d}, p0/z, [z1.d, x2]");
    T("mem", "ldnt1d.d", OFFS64 "ldnt1d {z0.d}, p0/z, [z1.d, x2]");
    T("mem", "ldnt1sb.d", OFFS64 "ldnt1sb {z0.d}, p0/z, [z1.d, x2]");
    T("mem", "ldnt1sh.d", OFFS64 "ldnt1sh {z0.d}, p0/z, [z1.d, x2]");
    T("mem", "ldnt1sw.d", OFFS64 "ldnt1sw {z0.d}, p0/z, [z1.d, x2]");
    T("mem", "ldnt1d.d base", "index z1.d, x2, #8\n\tldnt1d {z0.d}, p0/z, [z1.d]");
    T("mem", "ldnt1w.s self", OFFS32 "mov z0.d, z1.d\n\tldnt1w {z0.s}, p0/z, [z0.s, x2]");
    T("mem", "stnt1b.s", OFFS32 "stnt1b {z0.s}, p0, [z1.s, x2]");
    T("mem", "stnt1h.s", OFFS32 "stnt1h {z0.s}, p0, [z1.s, x2]");
    T("mem", "stnt1w.s", OFFS32 "stnt1w {z0.s}, p0, [z1.s, x2]");
    T("mem", "stnt1b.d", OFFS64 "stnt1b {z0.d}, p0, [z1.d, x2]");
    T("mem", "stnt1h.d", OFFS64 "stnt1h {z0.d}, p0, [z1.d, x2]");
    T("mem", "stnt1w.d", OFFS64 "stnt1w {z0.d}, p0, [z1.d, x2]");
    T("mem", "stnt1d.d", OFFS64 "stnt1d {z0.d}, p0, [z1.d, x2]");
    T("mem", "stnt1d.d self", OFFS64 "stnt1d {z1.d}, p0, [z1.d, x2]");
}

int main(int argc, char **argv)
{
    only = argc > 1 ? argv[1] : NULL;
    if (!(getauxval(AT_HWCAP) & HWCAP_SVE)) {
        printf("no SVE\n");
        return 0;
    }
    __asm__ volatile(ARCH "rdvl %0, #1" : "=r"(vl));
    printf("VL %u bytes\n", vl);
    test_mul();
    test_idx();
    test_cplx();
    test_fp();
    test_bf16();
    test_i8mm();
    test_crypto();
    test_perm();
    test_mem();
    return 0;
}
