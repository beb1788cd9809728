/* Directed cases of the SVE2 multiplies, complex integer arithmetic, FP,
 * crypto, BF16, permutes and non-temporal gathers/scatters
 * (cpu/sve2-mul.c, sve2-mul-idx.c, sve2-cplx.c, sve2-fp.c, sve2-crypto.c,
 * sve2-bf16.c, sve2-perm.c, sve2-mem.c), with results worked out by hand from the Arm pseudocode:
 * saturation limits, rounding ties, B/T element selection, the 128-bit
 * segments of the indexed forms at vector lengths above 128, faults of
 * the gathers. And ID_AA64ZFR0_EL1 and the HWCAP2 bits of the SVE
 * extensions. Encodings come from aarch64-linux-gnu-as; the comparison
 * with qemu-aarch64 on many values is testsuite/programs/sve2-mul.c. */
#include <glib.h>
#include <string.h>

#include "cpu/cpu.h"
#include "testsuite/unit/cpu-core-harness.h"

#define BRK0 0xd4200000u
#define PTRUE_P0_H 0x2558e3e0u
#define PTRUE_P0_S 0x2598e3e0u
#define PTRUE_P0_D 0x25d8e3e0u

/* Run one instruction (after an optional PTRUE) with the registers as
 * the test set them; it must reach the BRK after it. */
static void run_insns(struct harness *h, uint32_t first, uint32_t insn)
{
    uint32_t code[3] = { first, insn, BRK0 };
    unsigned n = first ? 3 : 2;
    harness_code(h, HARNESS_CODE, first ? code : code + 1, n);
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_BRK);
}

static void run1(struct harness *h, uint32_t insn)
{
    run_insns(h, 0, insn);
}

static struct harness *new_vl(unsigned vl)
{
    struct harness *h = harness_new();
    h->cpu->sve_vl = vl;
    for (unsigned r = 0; r < 32; r++)
        memset(h->cpu->z[r].b, 0, sizeof h->cpu->z[r].b);
    return h;
}

/* SQDMULH/SQRDMULH: -1.0 * -1.0 saturates; the rounding constant decides
 * a tie. */
static void test_sqdmulh(void)
{
    struct harness *h = new_vl(16);
    struct cpu_state *c = h->cpu;
    c->z[1].h[0] = 0x8000; c->z[2].h[0] = 0x8000;
    c->z[1].h[1] = 0x4000; c->z[2].h[1] = 1;       /* 2*16384 = 2^15: tie */
    c->z[1].h[2] = 0xffff; c->z[2].h[2] = 0x4000;  /* -1 * 16384 */
    c->z[1].h[3] = 0x7fff; c->z[2].h[3] = 0x7fff;
    run1(h, 0x04627020u);                          /* sqdmulh z0.h */
    g_assert_cmphex(c->z[0].h[0], ==, 0x7fff);
    g_assert_cmphex(c->z[0].h[1], ==, 0);
    g_assert_cmphex(c->z[0].h[2], ==, 0xffff);      /* floor(-0.5) */
    g_assert_cmphex(c->z[0].h[3], ==, 0x7ffe);
    run1(h, 0x04627420u);                          /* sqrdmulh z0.h */
    g_assert_cmphex(c->z[0].h[0], ==, 0x7fff);
    g_assert_cmphex(c->z[0].h[1], ==, 1);           /* ties round up */
    g_assert_cmphex(c->z[0].h[2], ==, 0);           /* -0.5 rounds to 0 */
    g_assert_cmphex(c->z[0].h[3], ==, 0x7ffe);
    c->z[1].b[0] = 0x80; c->z[2].b[0] = 0x80;
    run1(h, 0x04227020u);                          /* sqdmulh z0.b */
    g_assert_cmphex(c->z[0].b[0], ==, 0x7f);
    harness_free(h);
}

/* SQRDMLAH/SQRDMLSH on 64-bit elements, where the doubled product needs
 * 128 bits: INT64_MIN squared is +1.0, so the sum saturates. */
static void test_sqrdmlah_d(void)
{
    struct harness *h = new_vl(32);
    struct cpu_state *c = h->cpu;
    for (unsigned i = 0; i < 4; i++) {
        c->z[1].d[i] = 0x8000000000000000ull;
        c->z[2].d[i] = 0x8000000000000000ull;
    }
    c->z[0].d[0] = 0;
    c->z[0].d[1] = (uint64_t)-5;
    c->z[0].d[2] = 0x8000000000000000ull;
    c->z[2].d[3] = 0x4000000000000000ull;          /* -1.0 * 0.5 */
    c->z[0].d[3] = 7;
    run1(h, 0x44c27020u);                          /* sqrdmlah z0.d */
    g_assert_cmphex(c->z[0].d[0], ==, 0x7fffffffffffffffull);
    g_assert_cmphex(c->z[0].d[1], ==, 0x7ffffffffffffffbull);   /* fits */
    g_assert_cmphex(c->z[0].d[2], ==, 0);           /* -1.0 + 1.0 */
    g_assert_cmphex(c->z[0].d[3], ==, 7 - 0x4000000000000000ull);
    c->z[0].d[0] = 0x8000000000000000ull;
    c->z[0].d[1] = 3;
    run1(h, 0x44c27420u);                          /* sqrdmlsh z0.d */
    g_assert_cmphex(c->z[0].d[0], ==, 0x8000000000000000ull);
    g_assert_cmphex(c->z[0].d[1], ==, 3 - 0x8000000000000000ull);
    harness_free(h);
}

/* The widening forms: bottom and top elements, signed and unsigned, and
 * the double saturation of SQDMLAL. */
static void test_long(void)
{
    struct harness *h = new_vl(16);
    struct cpu_state *c = h->cpu;
    c->z[1].h[0] = 0x8000; c->z[2].h[0] = 0x8000;   /* bottom of element 0 */
    c->z[1].h[1] = 0xffff; c->z[2].h[1] = 0x0002;   /* top of element 0 */
    c->z[0].s[0] = 1;
    run1(h, 0x44826020u);                          /* sqdmlalb z0.s */
    g_assert_cmphex(c->z[0].s[0], ==, 0x7fffffff);  /* sat(1 + sat(2^31)) */
    c->z[0].s[0] = 1;
    run1(h, 0x44826420u);                          /* sqdmlalt z0.s */
    g_assert_cmphex(c->z[0].s[0], ==, (uint32_t)(1 - 4));
    c->z[0].s[0] = 0x80000000u;
    run1(h, 0x44820c20u);                          /* sqdmlslbt: h0 * h1 */
    g_assert_cmphex(c->z[0].s[0], ==, 0x80000000u + 0x20000u);
    c->z[0].s[0] = 10;
    run1(h, 0x44824020u);                          /* smlalb z0.s */
    g_assert_cmphex(c->z[0].s[0], ==, 10 + 0x40000000u);
    c->z[0].s[0] = 10;
    run1(h, 0x44824c20u);                          /* umlalt z0.s */
    g_assert_cmphex(c->z[0].s[0], ==, 10 + 0xffffu * 2);
    harness_free(h);
}

/* Indexed forms at VL 512: each 128-bit segment uses its own element. */
static void test_indexed_segments(void)
{
    struct harness *h = new_vl(64);
    struct cpu_state *c = h->cpu;
    for (unsigned i = 0; i < 32; i++) {
        c->z[1].h[i] = (uint16_t)(i + 1);
        c->z[2].h[i] = (uint16_t)(100 * i);
    }
    run1(h, 0x447af820u);                          /* mul z0.h, z1.h, z2.h[7] */
    for (unsigned i = 0; i < 32; i++)
        g_assert_cmphex(c->z[0].h[i], ==,
                        (uint16_t)((i + 1) * 100 * (i - i % 8 + 7)));
    for (unsigned i = 0; i < 16; i++) {
        c->z[1].s[i] = (uint32_t)-(int32_t)(i + 1);
        c->z[2].s[i] = 1000u * i;
    }
    run1(h, 0x44f2c820u);                          /* smullb z0.d, z1.s, z2.s[3] */
    for (unsigned e = 0; e < 8; e++) {
        int64_t a = -(int64_t)(2 * e + 1), b = 1000 * (int64_t)(2 * (e - e % 2) + 3);
        g_assert_cmphex(c->z[0].d[e], ==, (uint64_t)(a * b));
    }
    c->z[1].s[1] = 0x80000000u; c->z[2].s[1] = 0x80000000u;
    run1(h, 0x44e2ec20u);                          /* sqdmullt z0.d, z1.s, z2.s[1] */
    g_assert_cmphex(c->z[0].d[0], ==, 0x7fffffffffffffffull);
    g_assert_cmphex(c->z[0].d[2], ==, (uint64_t)(2 * -6ll * 5000));
    harness_free(h);
}

/* CMLA #90: re -= n_im * m_im, im += n_im * m_re. CDOT #0 adds the real
 * parts of two complex products; #90 their imaginary parts. */
static void test_complex(void)
{
    struct harness *h = new_vl(16);
    struct cpu_state *c = h->cpu;
    c->z[1].s[0] = 2; c->z[1].s[1] = 3;             /* n = 2 + 3i */
    c->z[2].s[0] = 5; c->z[2].s[1] = 7;             /* m = 5 + 7i */
    c->z[0].s[0] = 100; c->z[0].s[1] = 200;
    run1(h, 0x44822420u);                          /* cmla z0.s, #90 */
    g_assert_cmpint((int32_t)c->z[0].s[0], ==, 100 - 3 * 7);
    g_assert_cmpint((int32_t)c->z[0].s[1], ==, 200 + 3 * 5);
    memset(c->z[0].b, 0, 16);
    int8_t n[4] = { 1, 2, -3, 4 }, m[4] = { 5, -6, 7, 8 };
    memcpy(c->z[1].b, n, 4);
    memcpy(c->z[2].b, m, 4);
    run1(h, 0x44821020u);                          /* cdot z0.s, #0 */
    g_assert_cmpint((int32_t)c->z[0].s[0], ==, (1 * 5 - 2 * -6) + (-3 * 7 - 4 * 8));
    /* cdot z0.d, z1.h, z2.h[1], #90 at VL 256: group 1 of each segment. */
    harness_free(h);
    h = new_vl(32);
    c = h->cpu;
    for (unsigned i = 0; i < 16; i++) {
        c->z[1].h[i] = (uint16_t)(i + 1);
        c->z[2].h[i] = (uint16_t)(10 * i);
    }
    run1(h, 0x44f24420u);
    for (unsigned e = 0; e < 4; e++) {
        int64_t acc = 0;
        unsigned g = 4 * (e - e % 2 + 1);
        for (unsigned k = 0; k < 2; k++) {
            int64_t nr = 4 * e + 2 * k + 1, ni = nr + 1;
            int64_t mr = 10 * (g + 2 * k), mi = mr + 10;
            acc += nr * mi + ni * mr;
        }
        g_assert_cmpint((int64_t)c->z[0].d[e], ==, acc);
    }
    harness_free(h);
}

/* TBL with two registers at VL 384: indices past the first register
 * read the second; past both give 0. TBX keeps Zd past one register. */
static void test_tbl2_tbx(void)
{
    struct harness *h = new_vl(48);
    struct cpu_state *c = h->cpu;
    for (unsigned i = 0; i < 12; i++) {
        c->z[1].s[i] = 100 + i;
        c->z[2].s[i] = 200 + i;
        c->z[0].s[i] = 0xdead;
    }
    uint32_t idx[12] = { 0, 11, 12, 23, 24, 0xffffffffu, 5, 13, 1, 2, 3, 4 };
    memcpy(c->z[3].s, idx, sizeof idx);
    run1(h, 0x05a32c20u);                          /* tbx z0.s, z1.s, z3.s */
    g_assert_cmpuint(c->z[0].s[0], ==, 100);
    g_assert_cmpuint(c->z[0].s[1], ==, 111);
    g_assert_cmpuint(c->z[0].s[2], ==, 0xdead);
    g_assert_cmpuint(c->z[0].s[5], ==, 0xdead);
    run1(h, 0x05a32820u);                          /* tbl z0.s, {z1.s, z2.s}, z3.s */
    uint32_t want[12] = { 100, 111, 200, 211, 0, 0, 105, 201, 101, 102, 103, 104 };
    for (unsigned i = 0; i < 12; i++)
        g_assert_cmpuint(c->z[0].s[i], ==, want[i]);
    harness_free(h);
}

/* EXT (constructive) at VL 384: from byte imm of Zn on, then Zn+1; an
 * imm of the vector length or more reads from byte 0. */
static void test_ext2(void)
{
    struct harness *h = new_vl(48);
    struct cpu_state *c = h->cpu;
    for (unsigned i = 0; i < 48; i++) {
        c->z[1].b[i] = (uint8_t)i;
        c->z[2].b[i] = (uint8_t)(100 + i);
    }
    run1(h, 0x05650020u);                          /* ext z0.b, {z1.b, z2.b}, #40 */
    for (unsigned i = 0; i < 48; i++)
        g_assert_cmpuint(c->z[0].b[i], ==, i < 8 ? 40 + i : 100 + i - 8);
    run1(h, 0x05660020u);                          /* #48: from byte 0 */
    for (unsigned i = 0; i < 48; i++)
        g_assert_cmpuint(c->z[0].b[i], ==, i);
    harness_free(h);
}

/* SPLICE (constructive): Zn from the first to the last active element
 * (inactive ones between included), then Zn+1 from its start. */
static void test_splice(void)
{
    struct harness *h = new_vl(16);
    struct cpu_state *c = h->cpu;
    for (unsigned i = 0; i < 8; i++) {
        c->z[1].h[i] = (uint16_t)(10 + i);
        c->z[2].h[i] = (uint16_t)(20 + i);
    }
    memset(c->p[0], 0, sizeof c->p[0]);
    c->p[0][0] = 1u << 4;                         /* h element 2 */
    c->p[0][1] = 1u << 0;                         /* h element 4 */
    run1(h, 0x056d8020u);
    uint16_t want[8] = { 12, 13, 14, 20, 21, 22, 23, 24 };
    for (unsigned i = 0; i < 8; i++)
        g_assert_cmpuint(c->z[0].h[i], ==, want[i]);
    harness_free(h);
}

/* LDNT1W (32-bit bases plus Xm), LDNT1SH (64-bit), STNT1D; a fault on an
 * active element changes no register, inactive ones are not accessed. */
static void test_nt_gather_scatter(void)
{
    struct harness *h = new_vl(32);
    struct cpu_state *c = h->cpu;
    for (unsigned i = 0; i < 64; i++)
        harness_write64(h, HARNESS_DATA + 8 * i, 0x1111111111111111ull * (i % 15) |
                                                     0x8000ull);
    for (unsigned i = 0; i < 8; i++)
        c->z[1].s[i] = 24 * i;                    /* offsets from x2 */
    c->x[2] = HARNESS_DATA;
    run_insns(h, PTRUE_P0_S, 0x8502a020u);        /* ldnt1w {z0.s} */
    for (unsigned i = 0; i < 8; i++)
        g_assert_cmphex(c->z[0].s[i], ==,
                        (uint32_t)harness_read64(h, HARNESS_DATA + 24 * i));
    for (unsigned i = 0; i < 4; i++)
        c->z[1].d[i] = HARNESS_DATA + 8 * i;
    c->x[2] = 0;
    run_insns(h, PTRUE_P0_D, 0xc4828020u);        /* ldnt1sh {z0.d} */
    g_assert_cmphex(c->z[0].d[1], ==, 0xffffffffffff9111ull);
    /* Element 2 unmapped and active: a fault, z0 unchanged. */
    c->z[1].d[2] = HARNESS_UNMAPPED;
    uint64_t before = c->z[0].d[0];
    uint32_t code[3] = { PTRUE_P0_D, 0xc4828020u, BRK0 };
    harness_code(h, HARNESS_CODE, code, 3);
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_DATA_ABORT);
    g_assert_cmphex(c->exit_info.fault_addr, ==, HARNESS_UNMAPPED);
    g_assert_cmphex(c->z[0].d[0], ==, before);
    /* Inactive: no access, zero in the result. */
    memset(c->p[0], 0, sizeof c->p[0]);
    c->p[0][0] = 0x01 | 0x02 << 0;                /* d element 0 */
    c->p[0][1] = 0x01;                            /* d element 1 */
    run1(h, 0xc4828020u);
    g_assert_cmphex(c->z[0].d[2], ==, 0);
    /* STNT1D to the read-only page faults; to data stores. */
    for (unsigned i = 0; i < 4; i++) {
        c->z[1].d[i] = HARNESS_DATA + 0x800 + 16 * i;
        c->z[0].d[i] = 0xabc0 + i;
    }
    run_insns(h, PTRUE_P0_D, 0xe5822020u);
    for (unsigned i = 0; i < 4; i++)
        g_assert_cmphex(harness_read64(h, HARNESS_DATA + 0x800 + 16 * i), ==,
                        0xabc0 + i);
    c->z[1].d[3] = HARNESS_RODATA;
    harness_code(h, HARNESS_CODE, (const uint32_t[]){ PTRUE_P0_D, 0xe5822020u,
                                                      BRK0 }, 3);
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_DATA_ABORT);
    harness_free(h);
}

/* Watchpoints stop the gathers and scatters before they change anything,
 * on the first watched element (pc at the instruction); with the skip
 * they complete. */
static void test_nt_watchpoints(void)
{
    struct harness *h = new_vl(32);
    struct cpu_state *c = h->cpu;
    uint32_t load[3] = { PTRUE_P0_S, 0x8502a020u, BRK0 };   /* ldnt1w {z0.s} */
    uint32_t store[3] = { PTRUE_P0_D, 0xe5822020u, BRK0 };  /* stnt1d {z0.d} */

    for (unsigned i = 0; i < 8; i++) {
        c->z[1].s[i] = 64 * i;
        c->z[0].s[i] = 0x5a5a5a5a;
    }
    c->x[2] = HARNESS_DATA;
    g_assert_cmpint(cpu_watchpoint_insert(c, HARNESS_DATA + 64 * 5, 4,
                                          CPU_WATCH_READ), ==, 0);
    harness_code(h, HARNESS_CODE, load, 3);
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_WATCHPOINT);
    g_assert_cmphex(c->exit_info.fault_addr, ==, HARNESS_DATA + 64 * 5);
    g_assert_cmphex(c->pc, ==, HARNESS_CODE + 4);
    g_assert_cmphex(c->z[0].s[0], ==, 0x5a5a5a5a);
    c->skip_watchpoint_once = true;
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_BRK);
    g_assert_cmphex(c->z[0].s[0], ==, 0);           /* loaded */

    for (unsigned i = 0; i < 4; i++) {
        c->z[1].d[i] = 0x100 + 8 * i;
        c->z[0].d[i] = 0x77 + i;
    }
    g_assert_cmpint(cpu_watchpoint_insert(c, HARNESS_DATA + 0x100, 8,
                                          CPU_WATCH_WRITE), ==, 0);
    harness_code(h, HARNESS_CODE, store, 3);
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_WATCHPOINT);
    g_assert_cmphex(c->exit_info.fault_addr, ==, HARNESS_DATA + 0x100);
    g_assert_cmphex(harness_read64(h, HARNESS_DATA + 0x100), ==, 0);
    c->skip_watchpoint_once = true;
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_BRK);
    for (unsigned i = 0; i < 4; i++)
        g_assert_cmphex(harness_read64(h, HARNESS_DATA + 0x100 + 8 * i), ==,
                        0x77 + i);
    harness_free(h);
}

/* FCVTX/FCVTXNT round to odd; FCVTLT widens the odd singles. */
static void test_fcvt_odd(void)
{
    struct harness *h = new_vl(16);
    struct cpu_state *c = h->cpu;
    c->z[1].d[0] = 0x3ff0000000400000ull;         /* 1 + 2^-30 */
    c->z[1].d[1] = 0x3ff0000000000000ull;         /* 1.0, exact */
    c->z[0].d[0] = c->z[0].d[1] = 0x5555555555555555ull;
    c->fpsr = 0;
    run_insns(h, PTRUE_P0_D, 0x650aa020u);        /* fcvtx z0.s */
    g_assert_cmphex(c->z[0].d[0], ==, 0x3f800001u);
    g_assert_cmphex(c->z[0].d[1], ==, 0x3f800000u);
    g_assert_cmphex(c->fpsr & 0x10, ==, 0x10);      /* IXC */
    c->z[0].d[0] = c->z[0].d[1] = 0x5555555555555555ull;
    run_insns(h, PTRUE_P0_D, 0x640aa020u);        /* fcvtxnt z0.s */
    g_assert_cmphex(c->z[0].d[0], ==, 0x3f80000155555555ull);
    g_assert_cmphex(c->z[0].d[1], ==, 0x3f80000055555555ull);
    c->z[1].s[1] = 0x3fc00000u;                   /* 1.5f in the odd slot */
    c->z[1].s[3] = 0xc0000000u;                   /* -2.0f */
    run_insns(h, PTRUE_P0_D, 0x64cba020u);        /* fcvtlt z0.d */
    g_assert_cmphex(c->z[0].d[0], ==, 0x3ff8000000000000ull);
    g_assert_cmphex(c->z[0].d[1], ==, 0xc000000000000000ull);
    harness_free(h);
}

/* FADDP pairs within Zdn for even elements, within Zm for odd ones;
 * inactive ones keep Zdn. FMLALB/FMLSLT widen half precision. */
static void test_fp_pairwise_fmlal(void)
{
    struct harness *h = new_vl(16);
    struct cpu_state *c = h->cpu;
    uint32_t one = 0x3f800000u, two = 0x40000000u, three = 0x40400000u;
    c->z[0].s[0] = one; c->z[0].s[1] = two; c->z[0].s[2] = three; c->z[0].s[3] = one;
    c->z[1].s[0] = two; c->z[1].s[1] = two; c->z[1].s[2] = one; c->z[1].s[3] = one;
    memset(c->p[0], 0, sizeof c->p[0]);
    c->p[0][0] = 0x11;                            /* s elements 0 and 1 */
    c->p[0][1] = 0x01;                            /* s element 2 */
    run1(h, 0x64908020u);
    g_assert_cmphex(c->z[0].s[0], ==, three);       /* 1 + 2 */
    g_assert_cmphex(c->z[0].s[1], ==, 0x40800000u); /* z1: 2 + 2 */
    g_assert_cmphex(c->z[0].s[2], ==, 0x40800000u); /* 3 + 1 */
    g_assert_cmphex(c->z[0].s[3], ==, one);         /* inactive */
    c->z[1].h[0] = 0x3c00; c->z[2].h[0] = 0x4000; /* 1.0h * 2.0h */
    c->z[0].s[0] = 0x3f000000u;                   /* + 0.5f */
    run1(h, 0x64a28020u);                          /* fmlalb */
    g_assert_cmphex(c->z[0].s[0], ==, 0x40200000u); /* 2.5f */
    /* fmlslt z0.s, z1.h, z2.h[7]: odd halves of Zn times Zm.h[7]. */
    c->z[1].h[1] = 0x4200;                         /* 3.0h */
    c->z[2].h[7] = 0x3800;                         /* 0.5h */
    c->z[0].s[0] = 0x40000000u;                   /* 2.0f - 1.5 */
    run1(h, 0x64ba6c20u);
    g_assert_cmphex(c->z[0].s[0], ==, 0x3f000000u);
    harness_free(h);
}

/* AESE of zero with a zero key is S-box(0) = 0x63 in every segment; RAX1. */
static void test_crypto(void)
{
    struct harness *h = new_vl(64);
    struct cpu_state *c = h->cpu;
    run1(h, 0x4522e020u);
    for (unsigned i = 0; i < 64; i++)
        g_assert_cmphex(c->z[0].b[i], ==, 0x63);
    g_assert_cmphex(c->z[1].b[0], ==, 0);           /* the key is kept */
    c->z[1].d[5] = 0xf0;
    c->z[2].d[5] = 0x8000000000000001ull;
    run1(h, 0x4522f420u);
    g_assert_cmphex(c->z[0].d[5], ==, 0xf0 ^ 0x3);
    harness_free(h);
}

/* BFCVTNT writes the odd halves of active elements only. */
static void test_bfcvtnt(void)
{
    struct harness *h = new_vl(16);
    struct cpu_state *c = h->cpu;
    c->z[1].s[0] = 0x3f808000u;                   /* tie: to even, 0x3f80 */
    c->z[1].s[1] = 0x3f818000u;                   /* tie: up to 0x3f82 */
    c->z[0].s[0] = c->z[0].s[1] = 0x00001234u;
    c->z[0].s[2] = 0x5678abcdu;
    memset(c->p[0], 0, sizeof c->p[0]);
    c->p[0][0] = 0x11;                            /* s elements 0 and 1 */
    run1(h, 0x648aa020u);
    g_assert_cmphex(c->z[0].s[0], ==, 0x3f801234u);
    g_assert_cmphex(c->z[0].s[1], ==, 0x3f821234u);
    g_assert_cmphex(c->z[0].s[2], ==, 0x5678abcdu);
    harness_free(h);
}

/* Unallocated encodings of these groups are UNDEFINED: SMLALB with byte
 * results, CDOT with byte or halfword results, SQDMLALB .b. */
static void test_unallocated(void)
{
    static const uint32_t undef[] = {
        0x44024020u,   /* smlalb, size 00 */
        0x44021020u,   /* cdot, size 00 */
        0x44421020u,   /* cdot, size 01 */
        0x64918020u,   /* faddp-space, opc 001 */
        0x64108020u,   /* faddp .b */
        0x8582a020u,   /* ldnt1w {z.s}, msz 11 */
        0x85028020u,  /* ldnt1sw {z.s} */
    };
    for (size_t i = 0; i < G_N_ELEMENTS(undef); i++) {
        struct harness *h = new_vl(16);
        uint32_t code[2] = { undef[i], BRK0 };
        harness_code(h, HARNESS_CODE, code, 2);
        g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_UNDEF);
        harness_free(h);
    }
}

/* ID_AA64ZFR0_EL1 as an EL0 MRS sees it, and the HWCAP2 bits. */
static void test_id_regs(void)
{
    struct harness *h = new_vl(16);
    run1(h, 0xd5380480u);                          /* mrs x0, id_aa64zfr0_el1 */
    uint64_t zfr0 = h->cpu->x[0];
    g_assert_cmphex((zfr0 >> 4) & 0xf, ==, 2);      /* AES with PMULL128 */
    g_assert_cmphex((zfr0 >> 16) & 0xf, ==, 1);     /* BitPerm */
    g_assert_cmphex((zfr0 >> 20) & 0xf, ==, 1);     /* BF16 */
    g_assert_cmphex((zfr0 >> 32) & 0xf, ==, 1);     /* SHA3 */
    g_assert_cmphex((zfr0 >> 40) & 0xf, ==, 1);     /* SM4 */
    g_assert_cmphex((zfr0 >> 44) & 0xf, ==, 1);     /* I8MM */
    g_assert_cmphex(zfr0 & ~0xfull, ==, 0x0000110100110020ull);
    /* SVEAES, SVEPMULL, SVEBITPERM, SVESHA3, SVESM4, SVEI8MM, SVEBF16. */
    uint64_t want = 1ull << 2 | 1ull << 3 | 1ull << 4 | 1ull << 5 |
                    1ull << 6 | 1ull << 9 | 1ull << 12;
    g_assert_cmphex(cpu_hwcap2() & want, ==, want);
    /* SVEver and HWCAP2_SVE2 go together. */
    g_assert_cmphex(zfr0 & 0xf, ==, (cpu_hwcap2() >> 1) & 1);
    /* F32MM/F64MM (bits 10, 11) are not implemented. */
    g_assert_cmphex(cpu_hwcap2() & (3ull << 10), ==, 0);
    harness_free(h);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/cpu/sve2-mul/sqdmulh", test_sqdmulh);
    g_test_add_func("/cpu/sve2-mul/sqrdmlah-d", test_sqrdmlah_d);
    g_test_add_func("/cpu/sve2-mul/long", test_long);
    g_test_add_func("/cpu/sve2-mul/indexed-segments", test_indexed_segments);
    g_test_add_func("/cpu/sve2-mul/complex", test_complex);
    g_test_add_func("/cpu/sve2-mul/tbl2-tbx", test_tbl2_tbx);
    g_test_add_func("/cpu/sve2-mul/ext2", test_ext2);
    g_test_add_func("/cpu/sve2-mul/splice", test_splice);
    g_test_add_func("/cpu/sve2-mul/nt-gather-scatter", test_nt_gather_scatter);
    g_test_add_func("/cpu/sve2-mul/nt-watchpoints", test_nt_watchpoints);
    g_test_add_func("/cpu/sve2-mul/fcvt-odd", test_fcvt_odd);
    g_test_add_func("/cpu/sve2-mul/fp-pairwise-fmlal", test_fp_pairwise_fmlal);
    g_test_add_func("/cpu/sve2-mul/crypto", test_crypto);
    g_test_add_func("/cpu/sve2-mul/bfcvtnt", test_bfcvtnt);
    g_test_add_func("/cpu/sve2-mul/unallocated", test_unallocated);
    g_test_add_func("/cpu/sve2-mul/id-regs", test_id_regs);
    return g_test_run();
}
