/* Directed SVE cases checked against the architecture where qemu-aarch64
 * is not a usable reference (first-fault and non-fault loads, SVE2's
 * decrementing WHILE), the SP-based forms the vector oracle cannot run,
 * and a glibc-style memcpy loop at several vector lengths. Encodings come
 * from aarch64-linux-gnu-as. Also: first-fault and faulting gathers,
 * the gather/scatter address forms with negative offsets, and FSCALE at
 * the edges of the exponent range. */
#include <glib.h>
#include <string.h>

#include "cpu/cpu.h"
#include "testsuite/unit/cpu-core-harness.h"

#define PTRUE_P0_B 0x2518e3e0u      /* ptrue p0.b */
#define SETFFR 0x252c9000u          /* setffr */
#define LDFF1B_X0_XZR 0xa41f6000u   /* ldff1b {z0.b}, p0/z, [x0, xzr] */
#define RDFFR_P1 0x2519f001u        /* rdffr p1.b */
#define LDNF1B_X0 0xa410a000u       /* ldnf1b {z0.b}, p0/z, [x0] */
#define LD1B_X0 0xa400a000u         /* ld1b {z0.b}, p0/z, [x0] */
#define BRK0 0xd4200000u            /* brk #0 */

/* The last mapped byte of the harness is HARNESS_END - 1. */
static void fill_pattern(struct harness *h, uint64_t va, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        *harness_ptr(h, va + i) = (uint8_t)(i * 7 + 3);
}

static unsigned ffr_true_bytes(const struct cpu_state *cpu)
{
    unsigned n = 0;
    while (n < cpu->sve_vl && (cpu->p[1][n / 8] >> (n % 8) & 1))
        n++;
    return n;
}

/* A first-fault load whose later elements reach an unmapped page: no
 * fault, FFR true up to the page end, the loaded bytes in place. */
static void test_ldff1_partial(void)
{
    struct harness *h = harness_new();
    uint64_t base = HARNESS_END - 8;
    fill_pattern(h, base, 8);
    h->cpu->sve_vl = 32;
    memset(h->cpu->z[0].b, 0xaa, sizeof h->cpu->z[0].b);
    h->cpu->x[0] = base;
    HARNESS_CODE_AT(h, HARNESS_CODE, PTRUE_P0_B, SETFFR, LDFF1B_X0_XZR,
                    RDFFR_P1, BRK0);
    g_assert_cmpint(harness_run(h, 100), ==, CPU_EXIT_BRK);
    g_assert_cmpuint(ffr_true_bytes(h->cpu), ==, 8);
    for (unsigned i = 0; i < 8; i++)
        g_assert_cmpuint(h->cpu->z[0].b[i], ==, (uint8_t)(i * 7 + 3));
    for (unsigned i = 8; i < 32; i++)
        g_assert_cmpuint(h->cpu->p[1][i / 8] >> (i % 8) & 1, ==, 0);
    harness_free(h);
}

/* The first active element of a first-fault load faults for real, and
 * nothing changes. */
static void test_ldff1_first_faults(void)
{
    struct harness *h = harness_new();
    h->cpu->sve_vl = 32;
    memset(h->cpu->z[0].b, 0xaa, sizeof h->cpu->z[0].b);
    h->cpu->x[0] = HARNESS_UNMAPPED;
    HARNESS_CODE_AT(h, HARNESS_CODE, PTRUE_P0_B, SETFFR, LDFF1B_X0_XZR, BRK0);
    g_assert_cmpint(harness_run(h, 100), ==, CPU_EXIT_DATA_ABORT);
    g_assert_cmpuint(h->cpu->exit_info.fault_addr, ==, HARNESS_UNMAPPED);
    g_assert_cmpuint(h->cpu->pc, ==, HARNESS_CODE + 8);
    g_assert_cmpuint(h->cpu->z[0].b[0], ==, 0xaa);
    g_assert_cmpuint(h->cpu->ffr[0], ==, 0xff);
    harness_free(h);
}

/* A non-fault load never faults: FFR records that element 0 failed. */
static void test_ldnf1_never_faults(void)
{
    struct harness *h = harness_new();
    h->cpu->sve_vl = 48;
    h->cpu->x[0] = HARNESS_UNMAPPED;
    HARNESS_CODE_AT(h, HARNESS_CODE, PTRUE_P0_B, SETFFR, LDNF1B_X0,
                    RDFFR_P1, BRK0);
    g_assert_cmpint(harness_run(h, 100), ==, CPU_EXIT_BRK);
    g_assert_cmpuint(ffr_true_bytes(h->cpu), ==, 0);
    /* And one that crosses into the unmapped page partway. */
    uint64_t base = HARNESS_END - 20;
    fill_pattern(h, base, 20);
    h->cpu->x[0] = base;
    HARNESS_CODE_AT(h, HARNESS_CODE, PTRUE_P0_B, SETFFR, LDNF1B_X0,
                    RDFFR_P1, BRK0);
    g_assert_cmpint(harness_run(h, 100), ==, CPU_EXIT_BRK);
    g_assert_cmpuint(ffr_true_bytes(h->cpu), ==, 20);
    g_assert_cmpuint(h->cpu->z[0].b[19], ==, (uint8_t)(19 * 7 + 3));
    harness_free(h);
}

/* An ordinary contiguous load crossing into an unmapped page faults and
 * leaves the register alone. */
static void test_ld1_faults_whole(void)
{
    struct harness *h = harness_new();
    h->cpu->sve_vl = 64;
    memset(h->cpu->z[0].b, 0x55, sizeof h->cpu->z[0].b);
    h->cpu->x[0] = HARNESS_END - 16;
    HARNESS_CODE_AT(h, HARNESS_CODE, PTRUE_P0_B, LD1B_X0, BRK0);
    g_assert_cmpint(harness_run(h, 100), ==, CPU_EXIT_DATA_ABORT);
    g_assert_cmpuint(h->cpu->z[0].b[0], ==, 0x55);
    harness_free(h);
}

/* WHILEHS counts down from the top element with an unbounded first
 * operand: with Xn = 49 and Xm = 0 the top 50 elements are true. */
static void test_whilehs(void)
{
    struct harness *h = harness_new();
    h->cpu->sve_vl = 128;
    h->cpu->x[1] = 49;
    h->cpu->x[2] = 10;
    HARNESS_CODE_AT(h, HARNESS_CODE, 0x25221822u /* whilehs p2.b, x1, x2 */,
                    BRK0);
    g_assert_cmpint(harness_run(h, 100), ==, CPU_EXIT_BRK);
    /* 49 down to 10: the top 40 elements. */
    for (unsigned i = 0; i < 128; i++)
        g_assert_cmpuint(h->cpu->p[2][i / 8] >> (i % 8) & 1, ==, i >= 88);
    /* N (first element) clear, Z clear, C clear (last element true). */
    g_assert_cmphex(h->cpu->nzcv, ==, 0);
    harness_free(h);

    /* Against 0 nothing stops it: operand1 is bits(64) and wraps from 0
     * to the largest value, still >= 0, so every element is true (as
     * qemu-aarch64 gives). */
    h = harness_new();
    h->cpu->sve_vl = 128;
    h->cpu->x[1] = 49;
    h->cpu->x[2] = 0;
    HARNESS_CODE_AT(h, HARNESS_CODE, 0x25221822u /* whilehs p2.b, x1, x2 */,
                    BRK0);
    g_assert_cmpint(harness_run(h, 100), ==, CPU_EXIT_BRK);
    for (unsigned i = 0; i < 128; i++)
        g_assert_cmpuint(h->cpu->p[2][i / 8] >> (i % 8) & 1, ==, 1);
    g_assert_cmphex(h->cpu->nzcv, ==, 0x80000000u);
    harness_free(h);
}

/* The loop of glibc's __memcpy_sve tail and of gcc's vectorised loops:
 * whilelo / ld1b / st1b / incb / b.first. */
static void test_memcpy_loop(void)
{
    static const unsigned vls[] = { 16, 32, 48, 64, 80, 128, 256 };
    static const unsigned lens[] = { 0, 1, 15, 16, 17, 100, 255, 256, 1000 };
    for (size_t v = 0; v < G_N_ELEMENTS(vls); v++) {
        for (size_t l = 0; l < G_N_ELEMENTS(lens); l++) {
            struct harness *h = harness_new();
            uint64_t src = HARNESS_DATA + 0x100, dst = HARNESS_DATA + 0x2000;
            h->cpu->sve_vl = vls[v];
            fill_pattern(h, src, 1100);
            memset(harness_ptr(h, dst), 0xee, 1100);
            h->cpu->x[0] = dst;
            h->cpu->x[1] = src;
            h->cpu->x[2] = lens[l];
            HARNESS_CODE_AT(h, HARNESS_CODE,
                            0xd2800003u,  /* mov x3, #0 */
                            0x25221c60u,  /* whilelo p0.b, x3, x2 */
                            0xa4034020u,  /* ld1b {z0.b}, p0/z, [x1, x3] */
                            0xe4034000u,  /* st1b {z0.b}, p0, [x0, x3] */
                            0x0430e3e3u,  /* incb x3 */
                            0x25221c60u,  /* whilelo p0.b, x3, x2 */
                            0x54ffff84u,  /* b.first (to the ld1b) */
                            BRK0);
            g_assert_cmpint(harness_run(h, 100000), ==, CPU_EXIT_BRK);
            g_assert_cmpmem(harness_ptr(h, dst), lens[l],
                            harness_ptr(h, src), lens[l]);
            g_assert_cmpuint(*harness_ptr(h, dst + lens[l]), ==, 0xee);
            harness_free(h);
        }
    }
}

/* ADDVL on SP, STR/LDR of Z and P registers through SP. */
static void test_sp_forms(void)
{
    struct harness *h = harness_new();
    uint64_t sp = h->cpu->sp;
    h->cpu->sve_vl = 48;
    for (unsigned i = 0; i < 48; i++)
        h->cpu->z[5].b[i] = (uint8_t)(i + 1);
    h->cpu->p[3][0] = 0x5a;
    h->cpu->p[3][5] = 0xa5;
    HARNESS_CODE_AT(h, HARNESS_CODE,
                    0x043f57dfu,  /* addvl sp, sp, #-2 */
                    0xe58047e5u,  /* str z5, [sp, #1, mul vl] */
                    0x858047e6u,  /* ldr z6, [sp, #1, mul vl] */
                    0x043f505fu,  /* addvl sp, sp, #2 */
                    0xe58003e3u,  /* str p3, [sp] */
                    0x858003e4u,  /* ldr p4, [sp] */
                    BRK0);
    g_assert_cmpint(harness_run(h, 100), ==, CPU_EXIT_BRK);
    g_assert_cmpuint(h->cpu->sp, ==, sp);
    g_assert_cmpmem(harness_ptr(h, sp - 48), 48, h->cpu->z[5].b, 48);
    g_assert_cmpmem(h->cpu->z[6].b, 48, h->cpu->z[5].b, 48);
    g_assert_cmpuint(h->cpu->z[6].b[48], ==, 0);
    g_assert_cmpmem(h->cpu->p[4], 6, h->cpu->p[3], 6);
    harness_free(h);
}

#define PTRUE_P0_D 0x25d8e3e0u      /* ptrue p0.d */
#define PTRUE_P0_S 0x2598e3e0u      /* ptrue p0.s */
#define LDFF1D_GATHER 0xc5c1e000u   /* ldff1d {z0.d}, p0/z, [x0, z1.d] */
#define LD1D_GATHER 0xc5e1c000u     /* ld1d {z0.d}, p0/z, [x0, z1.d, lsl #3] */
#define LDFF1W_VEC 0x8521e020u      /* ldff1w {z0.s}, p0/z, [z1.s, #4] */
#define ST1W_SCATTER 0xe561c002u    /* st1w {z2.s}, p0, [x0, z1.s, sxtw #2] */
#define PRFB_VEC 0xc400e020u        /* prfb pldl1keep, p0, [z1.d] */
#define FSCALE_D 0x65c98020u        /* fscale z0.d, p0/m, z0.d, z1.d */

/* A first-fault gather whose third element is on an unmapped page: no
 * fault, FFR true for the first two elements, which are loaded. */
static void test_ldff1_gather_partial(void)
{
    struct harness *h = harness_new();
    uint64_t base = HARNESS_END - 16;
    fill_pattern(h, base, 16);
    h->cpu->sve_vl = 32;
    h->cpu->x[0] = base;
    for (unsigned i = 0; i < 4; i++)
        h->cpu->z[1].d[i] = 8 * i;
    HARNESS_CODE_AT(h, HARNESS_CODE, PTRUE_P0_D, SETFFR, LDFF1D_GATHER,
                    RDFFR_P1, BRK0);
    g_assert_cmpint(harness_run(h, 100), ==, CPU_EXIT_BRK);
    g_assert_cmpuint(ffr_true_bytes(h->cpu), ==, 16);
    for (unsigned i = 0; i < 16; i++)
        g_assert_cmpuint(h->cpu->z[0].b[i], ==, (uint8_t)(i * 7 + 3));
    harness_free(h);
}

/* The first active element of a first-fault gather faults for real; an
 * ordinary gather faults on any element; neither changes Z0. */
static void test_gather_faults(void)
{
    struct harness *h = harness_new();
    h->cpu->sve_vl = 32;
    memset(h->cpu->z[0].b, 0xaa, sizeof h->cpu->z[0].b);
    h->cpu->x[0] = HARNESS_END - 16;
    h->cpu->z[1].d[0] = 16;
    h->cpu->z[1].d[1] = 0;
    HARNESS_CODE_AT(h, HARNESS_CODE, PTRUE_P0_D, SETFFR, LDFF1D_GATHER, BRK0);
    g_assert_cmpint(harness_run(h, 100), ==, CPU_EXIT_DATA_ABORT);
    g_assert_cmpuint(h->cpu->exit_info.fault_addr, ==, HARNESS_END);
    g_assert_cmpuint(h->cpu->z[0].b[8], ==, 0xaa);
    g_assert_cmpuint(h->cpu->ffr[0], ==, 0xff);

    /* LD1D with LSL #3: index 1 of base END - 16 is mapped, index 2 not. */
    h->cpu->z[1].d[0] = 1;
    h->cpu->z[1].d[1] = 2;
    HARNESS_CODE_AT(h, HARNESS_CODE, PTRUE_P0_D, LD1D_GATHER, BRK0);
    g_assert_cmpint(harness_run(h, 100), ==, CPU_EXIT_DATA_ABORT);
    g_assert_cmpuint(h->cpu->z[0].b[0], ==, 0xaa);
    harness_free(h);
}

/* Vector plus immediate gather, scatter with negative scaled offsets, and
 * a prefetch of unmapped addresses (no fault). */
static void test_gather_scatter_forms(void)
{
    struct harness *h = harness_new();
    h->cpu->sve_vl = 64;
    for (unsigned i = 0; i < 16; i++) {
        h->cpu->z[1].s[i] = (uint32_t)(HARNESS_DATA + 64 * (15 - i));
        harness_write64(h, HARNESS_DATA + 64 * (15 - i) + 4,
                        0x1000 + i);
    }
    HARNESS_CODE_AT(h, HARNESS_CODE, PTRUE_P0_S, SETFFR, LDFF1W_VEC, BRK0);
    g_assert_cmpint(harness_run(h, 100), ==, CPU_EXIT_BRK);
    for (unsigned i = 0; i < 16; i++)
        g_assert_cmpuint(h->cpu->z[0].s[i], ==, 0x1000 + i);

    h->cpu->x[0] = HARNESS_DATA + 0x800;
    for (unsigned i = 0; i < 16; i++) {
        h->cpu->z[1].s[i] = (uint32_t)(int32_t)(i - 8);
        h->cpu->z[2].s[i] = 0xc0de0000u + i;
    }
    HARNESS_CODE_AT(h, HARNESS_CODE, PTRUE_P0_S, ST1W_SCATTER, BRK0);
    g_assert_cmpint(harness_run(h, 100), ==, CPU_EXIT_BRK);
    for (unsigned i = 0; i < 16; i++) {
        uint32_t v;
        memcpy(&v, harness_ptr(h, HARNESS_DATA + 0x800 - 32 + 4 * i), 4);
        g_assert_cmphex(v, ==, 0xc0de0000u + i);
    }

    for (unsigned i = 0; i < 8; i++)
        h->cpu->z[1].d[i] = HARNESS_UNMAPPED + 4096 * i;
    HARNESS_CODE_AT(h, HARNESS_CODE, PTRUE_P0_D, PRFB_VEC, BRK0);
    g_assert_cmpint(harness_run(h, 100), ==, CPU_EXIT_BRK);
    harness_free(h);
}

/* FSCALE at the edges of the double range, rounding once: overflow,
 * exact subnormals, a tie to even, and scales beyond any exponent. */
static void test_fscale_edges(void)
{
    static const struct {
        uint64_t a;
        int64_t s;
        uint64_t want;
        uint32_t flags;
    } cases[] = {
        { 0x3ff0000000000000ull, 1024, 0x7ff0000000000000ull, 0x14 },
        { 0x3ff0000000000000ull, INT64_MAX, 0x7ff0000000000000ull, 0x14 },
        { 0x3ff0000000000000ull, -1074, 0x0000000000000001ull, 0 },
        { 0x3ff0000000000000ull, -1075, 0, 0x18 },
        { 0x4008000000000000ull, -1075, 0x0000000000000002ull, 0x18 },
        { 0xbff0000000000000ull, INT64_MIN, 0x8000000000000000ull, 0x18 },
        { 0x0000000000000001ull, 2097, 0x7fe0000000000000ull, 0 },
        { 0x7fefffffffffffffull, -2098, 0x0000000000000001ull, 0x18 },
    };
    for (unsigned k = 0; k < G_N_ELEMENTS(cases); k++) {
        struct harness *h = harness_new();
        h->cpu->sve_vl = 16;
        h->cpu->z[0].d[0] = cases[k].a;
        h->cpu->z[1].d[0] = (uint64_t)cases[k].s;
        HARNESS_CODE_AT(h, HARNESS_CODE, PTRUE_P0_D, FSCALE_D, BRK0);
        g_assert_cmpint(harness_run(h, 100), ==, CPU_EXIT_BRK);
        g_assert_cmphex(h->cpu->z[0].d[0], ==, cases[k].want);
        g_assert_cmphex(h->cpu->fpsr, ==, cases[k].flags);
        harness_free(h);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/cpu/sve/ldff1-partial", test_ldff1_partial);
    g_test_add_func("/cpu/sve/ldff1-first-faults", test_ldff1_first_faults);
    g_test_add_func("/cpu/sve/ldnf1-never-faults", test_ldnf1_never_faults);
    g_test_add_func("/cpu/sve/ld1-faults-whole", test_ld1_faults_whole);
    g_test_add_func("/cpu/sve/whilehs", test_whilehs);
    g_test_add_func("/cpu/sve/ldff1-gather-partial", test_ldff1_gather_partial);
    g_test_add_func("/cpu/sve/gather-faults", test_gather_faults);
    g_test_add_func("/cpu/sve/gather-scatter-forms", test_gather_scatter_forms);
    g_test_add_func("/cpu/sve/fscale-edges", test_fscale_edges);
    g_test_add_func("/cpu/sve/memcpy-loop", test_memcpy_loop);
    g_test_add_func("/cpu/sve/sp-forms", test_sp_forms);
    return g_test_run();
}
