/* Pointer authentication: the QARMA ciphers against the published test
 * vectors, AddPAC/Auth/Strip round trips and failure patterns, and every
 * PAuth instruction run through cpu_run on the flat-memory harness.
 *
 * The failure patterns checked here (error code 01/10 in bits [54:53],
 * the top byte kept, a non-canonical pointer's PAC that never
 * authenticates) are the ones test-user-pauth also compares with
 * qemu-aarch64; keys there are random per process, so only such
 * key-independent results can be compared. */
#include <glib.h>
#include <string.h>

#include "cpu/pauth.h"
#include "testsuite/unit/cpu-core-harness.h"

/* --- the ciphers --------------------------------------------------------- */

/* Avanzi, "The QARMA Block Cipher Family" (IACR ePrint 2016/444), the
 * QARMA-64 test vectors: one plaintext, tweak and key; sigma 0..2 by
 * r = 5, 6, 7 rounds. */
static void test_qarma64_paper_vectors(void)
{
    static const uint64_t expected[3][3] = {
        { 0x3ee99a6c82af0c38ull, 0x9f5c41ec525603c9ull, 0xbcaf6c89de930765ull },
        { 0x544b0ab95bda7c3aull, 0xa512dd1e4e3ec582ull, 0xedf67ff370a483f2ull },
        { 0xc003b93999b33765ull, 0x270a787275c48d10ull, 0x5c06a7501b63b2fdull },
    };
    const uint64_t plaintext = 0xfb623599da6e8127ull;
    const uint64_t tweak = 0x477d469dec0b8762ull;
    const uint64_t w0 = 0x84be85ce9804e94bull, k0 = 0xec2802d4e0a488e9ull;

    for (unsigned sigma = 0; sigma < 3; sigma++)
        for (unsigned r = 5; r <= 7; r++)
            g_assert_cmphex(pauth_qarma64(plaintext, tweak, w0, k0, r, sigma),
                            ==, expected[sigma][r - 5]);
}

/* ComputePAC: QARMA5 is sigma2 with 5 rounds, K<127:64> the whitening
 * key; QARMA3 is sigma1 with 3 rounds. */
static void test_compute_pac(void)
{
    const uint64_t hi = 0x84be85ce9804e94bull, lo = 0xec2802d4e0a488e9ull;
    uint64_t q5 = pauth_compute_pac(CPU_PAUTH_QARMA5, 0xfb623599da6e8127ull,
                                    0x477d469dec0b8762ull, hi, lo);
    uint64_t q3 = pauth_compute_pac(CPU_PAUTH_QARMA3, 0xfb623599da6e8127ull,
                                    0x477d469dec0b8762ull, hi, lo);

    g_assert_cmphex(q5, ==, 0xc003b93999b33765ull);
    g_assert_cmphex(q3, ==, pauth_qarma64(0xfb623599da6e8127ull,
                                          0x477d469dec0b8762ull, hi, lo, 3, 1));
    g_assert_cmphex(q3, !=, q5);
    /* Every input matters. */
    g_assert_cmphex(pauth_compute_pac(CPU_PAUTH_QARMA5, 1, 0, hi, lo), !=,
                    pauth_compute_pac(CPU_PAUTH_QARMA5, 0, 0, hi, lo));
    g_assert_cmphex(pauth_compute_pac(CPU_PAUTH_QARMA5, 0, 1, hi, lo), !=,
                    pauth_compute_pac(CPU_PAUTH_QARMA5, 0, 0, hi, lo));
    g_assert_cmphex(pauth_compute_pac(CPU_PAUTH_QARMA5, 0, 0, hi ^ 1, lo), !=,
                    pauth_compute_pac(CPU_PAUTH_QARMA5, 0, 0, hi, lo));
    g_assert_cmphex(pauth_compute_pac(CPU_PAUTH_QARMA5, 0, 0, hi, lo ^ 1), !=,
                    pauth_compute_pac(CPU_PAUTH_QARMA5, 0, 0, hi, lo));
}

/* --- AddPAC, Auth, Strip ---------------------------------------------- */

static void set_keys(struct cpu_state *cpu, GRand *rand)
{
    uint64_t *all = &cpu->pauth_keys.apia[0];

    for (unsigned i = 0; i < sizeof(cpu->pauth_keys) / 8; i++)
        all[i] = ((uint64_t)g_rand_int(rand) << 32) | g_rand_int(rand);
    cpu->pauth_enabled = true;
}

static uint64_t random_user_pointer(GRand *rand)
{
    uint64_t p = ((uint64_t)g_rand_int(rand) << 32) | g_rand_int(rand);

    p &= 0x0000ffffffffffffull;
    if (g_rand_boolean(rand))   /* a tag in the ignored top byte */
        p |= (uint64_t)g_rand_int_range(rand, 1, 256) << 56;
    return p;
}

static void check_round_trips(enum cpu_pauth_algo algo)
{
    struct cpu_state cpu = { 0 };
    GRand *rand = g_rand_new_with_seed(1234 + algo);
    unsigned pac_changed = 0;

    cpu.pauth_algo = algo;
    set_keys(&cpu, rand);
    for (unsigned i = 0; i < 2000; i++) {
        uint64_t ptr = random_user_pointer(rand), mod = g_rand_int(rand);
        enum pauth_key key = (enum pauth_key)(i & 3);
        uint64_t s = pauth_add_pac(&cpu, ptr, mod, key), r;
        uint64_t code = (key == PAUTH_KEY_IB || key == PAUTH_KEY_DB) ? 2 : 1;

        /* Only the PAC field changes. */
        g_assert_cmphex((s ^ ptr) & ~PAUTH_USER_PAC_MASK, ==, 0);
        pac_changed += s != ptr;
        g_assert_cmphex(pauth_strip(s, key >= PAUTH_KEY_DA), ==, ptr);
        g_assert_cmpint(pauth_auth(&cpu, s, mod, key, false, &r), ==, 0);
        g_assert_cmphex(r, ==, ptr);
        /* A wrong modifier fails (unless the 7-bit PACs collide): the
         * pointer comes back with the error code in bits [54:53]. */
        g_assert_cmpint(pauth_auth(&cpu, s, mod + 1, key, false, &r), ==, 0);
        if (r != ptr)
            g_assert_cmphex(r, ==, (ptr & ~0x0060000000000000ull) | code << 53);
    }
    /* A PAC of all zeroes happens 1 time in 128. */
    g_assert_cmpuint(pac_changed, >, 1900);
    g_rand_free(rand);
}

static void test_round_trips_qarma5(void)
{
    check_round_trips(CPU_PAUTH_QARMA5);
}

static void test_round_trips_qarma3(void)
{
    check_round_trips(CPU_PAUTH_QARMA3);
}

/* The keys are separate: a pointer signed with one does not authenticate
 * with another (most of the time: 7-bit PACs). */
static void test_keys_differ(void)
{
    struct cpu_state cpu = { 0 };
    GRand *rand = g_rand_new_with_seed(99);
    unsigned same = 0;

    set_keys(&cpu, rand);
    for (unsigned i = 0; i < 256; i++) {
        uint64_t ptr = 0x0000aaaa00000000ull + i * 16, r;
        uint64_t s = pauth_add_pac(&cpu, ptr, 7, PAUTH_KEY_IA);
        pauth_auth(&cpu, s, 7, PAUTH_KEY_IB, false, &r);
        same += r == ptr;
    }
    g_assert_cmpuint(same, <, 16);
    g_rand_free(rand);
}

/* Pointers with bit 55 set have no top-byte-ignore: the PAC also takes
 * bits [63:56]; the error code goes to bits [62:61]. */
static void test_upper_half(void)
{
    struct cpu_state cpu = { 0 };
    GRand *rand = g_rand_new_with_seed(5);
    unsigned top_changed = 0;

    set_keys(&cpu, rand);
    for (unsigned i = 0; i < 256; i++) {
        uint64_t ptr = 0xffff000000000000ull | (i * 0x1234567ull), r;
        uint64_t s = pauth_add_pac(&cpu, ptr, i, PAUTH_KEY_IA);
        g_assert_cmphex((s ^ ptr) & ~0xff7f000000000000ull, ==, 0);
        top_changed += ((s ^ ptr) >> 56) != 0;
        g_assert_cmphex(pauth_strip(s, false), ==, ptr);
        g_assert_cmpint(pauth_auth(&cpu, s, i, PAUTH_KEY_IA, false, &r), ==, 0);
        g_assert_cmphex(r, ==, ptr);
        pauth_auth(&cpu, s, i + 1, PAUTH_KEY_IA, false, &r);
        if (r != ptr)
            g_assert_cmphex(r, ==, (ptr & ~0x6000000000000000ull) | 1ull << 61);
    }
    g_assert_cmpuint(top_changed, >, 240);
    g_assert_cmphex(pauth_pac_mask(0xffff000000000000ull), ==,
                    0xff7f000000000000ull);
    g_assert_cmphex(pauth_pac_mask(0x1234000000000000ull), ==,
                    PAUTH_USER_PAC_MASK);
    g_rand_free(rand);
}

/* A pointer whose extension bits [54:48] are not all equal gets a PAC
 * that never authenticates (bit 54 of it flipped); Strip canonicalises. */
static void test_non_canonical(void)
{
    struct cpu_state cpu = { 0 };
    GRand *rand = g_rand_new_with_seed(6);

    set_keys(&cpu, rand);
    for (unsigned i = 0; i < 256; i++) {
        uint64_t ptr = 0x0012aaaabbbb0000ull | i, r;
        uint64_t s = pauth_add_pac(&cpu, ptr, 0, PAUTH_KEY_DA);
        g_assert_cmphex(pauth_strip(s, true), ==, ptr & ~PAUTH_USER_PAC_MASK);
        pauth_auth(&cpu, s, 0, PAUTH_KEY_DA, false, &r);
        g_assert_cmphex(r, ==, (ptr & 0x0000ffffffffffffull) | 1ull << 53);
    }
    g_rand_free(rand);
}

/* FEAT_PAuth2 + FPAC: the PAC is XOR-ed in, a failed AUT faults (-1), a
 * combined instruction's failure leaves a non-canonical pointer. */
static void test_fpac(void)
{
    struct cpu_state cpu = { 0 };
    GRand *rand = g_rand_new_with_seed(7);
    unsigned faults = 0;

    set_keys(&cpu, rand);
    cpu.pauth_fpac = true;
    for (unsigned i = 0; i < 512; i++) {
        uint64_t ptr = random_user_pointer(rand), r;
        uint64_t s = pauth_add_pac(&cpu, ptr, i, PAUTH_KEY_IB);
        g_assert_cmphex((s ^ ptr) & ~PAUTH_USER_PAC_MASK, ==, 0);
        g_assert_cmpint(pauth_auth(&cpu, s, i, PAUTH_KEY_IB, false, &r), ==, 0);
        g_assert_cmphex(r, ==, ptr);
        if (pauth_auth(&cpu, s, i + 1, PAUTH_KEY_IB, false, &r) != 0) {
            faults++;
            g_assert_cmpint(pauth_auth(&cpu, s, i + 1, PAUTH_KEY_IB, true, &r),
                            ==, 0);
            g_assert_cmphex(r & PAUTH_USER_PAC_MASK, !=, 0);
        }
    }
    g_assert_cmpuint(faults, >, 480);
    g_rand_free(rand);
}

static void test_pacga(void)
{
    struct cpu_state cpu = { 0 };
    GRand *rand = g_rand_new_with_seed(8);
    uint64_t g;

    set_keys(&cpu, rand);
    g = pauth_pacga(&cpu, 0x1234, 0x5678);
    g_assert_cmphex(g & 0xffffffffull, ==, 0);
    g_assert_cmphex(g, ==, pauth_compute_pac(CPU_PAUTH_QARMA5, 0x1234, 0x5678,
                                             cpu.pauth_keys.apga[1],
                                             cpu.pauth_keys.apga[0])
                               & 0xffffffff00000000ull);
    g_assert_cmphex(g, !=, pauth_pacga(&cpu, 0x1234, 0x5679));
    g_rand_free(rand);
}

/* --- the instructions -------------------------------------------------- */

#define PACIA_X0_X1 0xdac10020u
#define PACDB_X0_X1 0xdac10c20u
#define AUTIA_X0_X1 0xdac11020u
#define AUTDB_X0_X1 0xdac11c20u
#define PACIZA_X0 0xdac123e0u
#define AUTIZA_X0 0xdac133e0u
#define PACIA_X0_SP 0xdac103e0u
#define XPACI_X0 0xdac143e0u
#define XPACD_X0 0xdac147e0u
#define PACGA_X2_X0_X1 0x9ac13002u
#define PACGA_X2_X0_SP 0x9adf3002u
#define PACIASP 0xd503233fu
#define AUTIASP 0xd50323bfu
#define PACIBSP 0xd503237fu
#define PACIA1716 0xd503211fu
#define AUTIA1716 0xd503219fu
#define XPACLRI 0xd50320ffu
#define RETAA 0xd65f0bffu
#define RETAB 0xd65f0fffu
#define BRAA_X0_X1 0xd71f0801u
#define BRABZ_X0 0xd61f0c1fu
#define BLRAA_X0_X1 0xd73f0801u
#define BLRAAZ_X0 0xd63f081fu
#define LDRAA_X2_X0 0xf8200402u
#define LDRAA_X2_X0_16_PRE 0xf8202c02u
#define LDRAB_X2_X0_M8 0xf8fff402u
#define LDRAA_X2_X0_M4096_PRE 0xf8600c02u
#define BL_PLUS_8 0x94000002u   /* bl . + 8 */
#define BRK_0 0xd4200000u
#define ADD_X5 0x910004a5u      /* add x5, x5, #1 */

static struct harness *pauth_harness(bool enabled)
{
    struct harness *h = harness_new();
    GRand *rand = g_rand_new_with_seed(42);

    set_keys(h->cpu, rand);
    h->cpu->pauth_enabled = enabled;
    g_rand_free(rand);
    return h;
}

static void test_insn_pac_aut_xpac(void)
{
    struct harness *h = pauth_harness(true);
    struct cpu_state *cpu = h->cpu;
    const uint64_t ptr = 0x0000123456789ab0ull;

    HARNESS_CODE_AT(h, HARNESS_CODE, PACIA_X0_X1, BRK_0);
    cpu->x[0] = ptr;
    cpu->x[1] = 99;
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_BRK);
    g_assert_cmphex(cpu->x[0], ==, pauth_add_pac(cpu, ptr, 99, PAUTH_KEY_IA));
    g_assert_cmphex(cpu->x[0], !=, ptr);

    HARNESS_CODE_AT(h, HARNESS_CODE, AUTIA_X0_X1, BRK_0);
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_BRK);
    g_assert_cmphex(cpu->x[0], ==, ptr);

    /* The data B key, and AUT with the wrong key fails. */
    HARNESS_CODE_AT(h, HARNESS_CODE, PACDB_X0_X1, AUTIA_X0_X1, BRK_0);
    cpu->x[0] = ptr;
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_BRK);
    g_assert_cmphex(cpu->x[0], ==, ptr | 1ull << 53);
    HARNESS_CODE_AT(h, HARNESS_CODE, PACDB_X0_X1, AUTDB_X0_X1, BRK_0);
    cpu->x[0] = ptr;
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_BRK);
    g_assert_cmphex(cpu->x[0], ==, ptr);

    /* Zero modifier, SP modifier. */
    HARNESS_CODE_AT(h, HARNESS_CODE, PACIZA_X0, BRK_0);
    cpu->x[0] = ptr;
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_BRK);
    g_assert_cmphex(cpu->x[0], ==, pauth_add_pac(cpu, ptr, 0, PAUTH_KEY_IA));
    HARNESS_CODE_AT(h, HARNESS_CODE, AUTIZA_X0, BRK_0);
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_BRK);
    g_assert_cmphex(cpu->x[0], ==, ptr);
    HARNESS_CODE_AT(h, HARNESS_CODE, PACIA_X0_SP, BRK_0);
    cpu->sp = 0x7fff0000;
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_BRK);
    g_assert_cmphex(cpu->x[0], ==,
                    pauth_add_pac(cpu, ptr, 0x7fff0000, PAUTH_KEY_IA));

    /* XPACI, XPACD strip whatever is there. */
    HARNESS_CODE_AT(h, HARNESS_CODE, XPACI_X0, BRK_0);
    cpu->x[0] = ptr | 0x1255000000000000ull;
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_BRK);
    g_assert_cmphex(cpu->x[0], ==, ptr | 0x1200000000000000ull);
    HARNESS_CODE_AT(h, HARNESS_CODE, XPACD_X0, BRK_0);
    cpu->x[0] = 0xff12000000001000ull;   /* bit 55 clear: a tag */
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_BRK);
    g_assert_cmphex(cpu->x[0], ==, 0xff00000000001000ull);
    HARNESS_CODE_AT(h, HARNESS_CODE, XPACD_X0, BRK_0);
    cpu->x[0] = 0x3e92000000001000ull;   /* bit 55 set: no top-byte-ignore */
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_BRK);
    g_assert_cmphex(cpu->x[0], ==, 0xffff000000001000ull);
    harness_free(h);
}

static void test_insn_pacga(void)
{
    struct harness *h = pauth_harness(true);
    struct cpu_state *cpu = h->cpu;

    HARNESS_CODE_AT(h, HARNESS_CODE, PACGA_X2_X0_X1, BRK_0);
    cpu->x[0] = 0x1111;
    cpu->x[1] = 0x2222;
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_BRK);
    g_assert_cmphex(cpu->x[2], ==, pauth_pacga(cpu, 0x1111, 0x2222));
    HARNESS_CODE_AT(h, HARNESS_CODE, PACGA_X2_X0_SP, BRK_0);
    cpu->sp = 0x3333;
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_BRK);
    g_assert_cmphex(cpu->x[2], ==, pauth_pacga(cpu, 0x1111, 0x3333));
    harness_free(h);
}

/* A pac-ret function: paciasp ... autiasp; ret, and the combined retaa. */
static void test_insn_pac_ret(void)
{
    struct harness *h = pauth_harness(true);
    struct cpu_state *cpu = h->cpu;

    /* bl f; brk; f: paciasp; add; autiasp; ret */
    HARNESS_CODE_AT(h, HARNESS_CODE, BL_PLUS_8, BRK_0, PACIASP, ADD_X5,
                    XPACLRI, PACIASP, AUTIASP, 0xd65f03c0u);
    cpu->sp = 0x7fff0000;
    g_assert_cmpint(harness_run(h, 20), ==, CPU_EXIT_BRK);
    g_assert_cmphex(cpu->pc, ==, HARNESS_CODE + 4);
    g_assert_cmpuint(cpu->x[5], ==, 1);

    /* bl f; brk; f: pacibsp; add; retab */
    HARNESS_CODE_AT(h, HARNESS_CODE, BL_PLUS_8, BRK_0, PACIBSP, ADD_X5, RETAB);
    g_assert_cmpint(harness_run(h, 20), ==, CPU_EXIT_BRK);
    g_assert_cmphex(cpu->pc, ==, HARNESS_CODE + 4);
    g_assert_cmpuint(cpu->x[5], ==, 2);

    /* A return address overwritten while signed: retaa goes to the
     * poisoned address and faults fetching there. */
    HARNESS_CODE_AT(h, HARNESS_CODE, BL_PLUS_8, BRK_0, PACIASP,
                    0xd280021eu /* mov x30, #16 */, RETAA);
    g_assert_cmpint(harness_run(h, 20), ==, CPU_EXIT_INSN_ABORT);
    g_assert_cmphex(cpu->pc, ==, 16 | 1ull << 53);

    /* PACIA1716 / AUTIA1716 */
    HARNESS_CODE_AT(h, HARNESS_CODE, PACIA1716, BRK_0);
    cpu->x[17] = 0x4000;
    cpu->x[16] = 77;
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_BRK);
    g_assert_cmphex(cpu->x[17], ==, pauth_add_pac(cpu, 0x4000, 77,
                                                  PAUTH_KEY_IA));
    HARNESS_CODE_AT(h, HARNESS_CODE, AUTIA1716, BRK_0);
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_BRK);
    g_assert_cmphex(cpu->x[17], ==, 0x4000);
    harness_free(h);
}

static void test_insn_branches(void)
{
    struct harness *h = pauth_harness(true);
    struct cpu_state *cpu = h->cpu;
    const uint64_t target = HARNESS_CODE + 0x100;

    HARNESS_CODE_AT(h, target, ADD_X5, BRK_0);
    HARNESS_CODE_AT(h, HARNESS_CODE, BRAA_X0_X1);
    cpu->x[0] = pauth_add_pac(cpu, target, 5, PAUTH_KEY_IA);
    cpu->x[1] = 5;
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_BRK);
    g_assert_cmphex(cpu->pc, ==, target + 4);
    g_assert_cmpuint(cpu->x[5], ==, 1);

    HARNESS_CODE_AT(h, HARNESS_CODE, BLRAA_X0_X1);
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_BRK);
    g_assert_cmphex(cpu->x[30], ==, HARNESS_CODE + 4);

    HARNESS_CODE_AT(h, HARNESS_CODE, BRABZ_X0);
    cpu->x[0] = pauth_add_pac(cpu, target, 0, PAUTH_KEY_IB);
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_BRK);
    g_assert_cmphex(cpu->pc, ==, target + 4);

    HARNESS_CODE_AT(h, HARNESS_CODE, BLRAAZ_X0);
    cpu->x[0] = pauth_add_pac(cpu, target, 0, PAUTH_KEY_IA);
    cpu->x[30] = 0;
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_BRK);
    g_assert_cmphex(cpu->x[30], ==, HARNESS_CODE + 4);

    /* The wrong key: the branch goes to a poisoned address. */
    HARNESS_CODE_AT(h, HARNESS_CODE, BLRAAZ_X0);
    cpu->x[0] = pauth_add_pac(cpu, target, 0, PAUTH_KEY_IB);
    if (cpu->x[0] != pauth_add_pac(cpu, target, 0, PAUTH_KEY_IA)) {
        g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_INSN_ABORT);
        g_assert_cmphex(cpu->pc, ==, target | 1ull << 53);
    }
    harness_free(h);
}

static void test_insn_ldra(void)
{
    struct harness *h = pauth_harness(true);
    struct cpu_state *cpu = h->cpu;
    const uint64_t base = HARNESS_DATA + 0x1000;

    harness_write64(h, base, 0x1111);
    harness_write64(h, base + 16, 0x2222);
    harness_write64(h, base - 8, 0x3333);
    harness_write64(h, base - 4096, 0x4444);

    HARNESS_CODE_AT(h, HARNESS_CODE, LDRAA_X2_X0, BRK_0);
    cpu->x[0] = pauth_add_pac(cpu, base, 0, PAUTH_KEY_DA);
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_BRK);
    g_assert_cmphex(cpu->x[2], ==, 0x1111);
    g_assert_cmphex(cpu->x[0], ==, pauth_add_pac(cpu, base, 0, PAUTH_KEY_DA));

    HARNESS_CODE_AT(h, HARNESS_CODE, LDRAA_X2_X0_16_PRE, BRK_0);
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_BRK);
    g_assert_cmphex(cpu->x[2], ==, 0x2222);
    g_assert_cmphex(cpu->x[0], ==, base + 16);   /* written back, unsigned */

    HARNESS_CODE_AT(h, HARNESS_CODE, LDRAB_X2_X0_M8, BRK_0);
    cpu->x[0] = pauth_add_pac(cpu, base, 0, PAUTH_KEY_DB);
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_BRK);
    g_assert_cmphex(cpu->x[2], ==, 0x3333);

    HARNESS_CODE_AT(h, HARNESS_CODE, LDRAA_X2_X0_M4096_PRE, BRK_0);
    cpu->x[0] = pauth_add_pac(cpu, base, 0, PAUTH_KEY_DA);
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_BRK);
    g_assert_cmphex(cpu->x[2], ==, 0x4444);
    g_assert_cmphex(cpu->x[0], ==, base - 4096);

    /* An unsigned pointer fails: a data abort at the poisoned address,
     * nothing written back. */
    HARNESS_CODE_AT(h, HARNESS_CODE, LDRAA_X2_X0_16_PRE, BRK_0);
    cpu->x[0] = base;
    cpu->x[2] = 0;
    if (pauth_add_pac(cpu, base, 0, PAUTH_KEY_DA) != base) {
        g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_DATA_ABORT);
        g_assert_cmphex(cpu->exit_info.fault_addr, ==, (base + 16) | 1ull << 53);
        g_assert_cmphex(cpu->x[0], ==, base);
        g_assert_cmphex(cpu->x[2], ==, 0);
    }
    harness_free(h);
}

/* Without FEAT_PAuth the hints are NOPs and the rest UNDEFINED. */
static void test_insn_disabled(void)
{
    struct harness *h = pauth_harness(false);
    struct cpu_state *cpu = h->cpu;
    static const uint32_t undefined[] = {
        PACIA_X0_X1, AUTIA_X0_X1, XPACI_X0, PACGA_X2_X0_X1, RETAA,
        BRAA_X0_X1, BLRAAZ_X0, LDRAA_X2_X0,
    };

    HARNESS_CODE_AT(h, HARNESS_CODE, PACIASP, AUTIASP, XPACLRI, PACIA1716,
                    BRK_0);
    cpu->x[30] = 0x0055000000001000ull;
    cpu->x[17] = 0x4000;
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_BRK);
    g_assert_cmphex(cpu->x[30], ==, 0x0055000000001000ull);
    g_assert_cmphex(cpu->x[17], ==, 0x4000);
    for (size_t i = 0; i < G_N_ELEMENTS(undefined); i++) {
        harness_code(h, HARNESS_CODE, &undefined[i], 1);
        g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_UNDEF);
        g_assert_cmphex(cpu->exit_info.insn, ==, undefined[i]);
        g_assert_cmphex(cpu->pc, ==, HARNESS_CODE);
    }
    harness_free(h);
}

/* Unallocated neighbours stay UNDEFINED with PAuth on. */
static void test_insn_unallocated(void)
{
    struct harness *h = pauth_harness(true);
    static const uint32_t unallocated[] = {
        0xdac12020u,   /* paciza with Rn != 31 */
        0xdac14020u,   /* xpaci with Rn != 31 */
        0xdac18020u,   /* opcode 100000 */
        0xd61f0c01u,   /* brabz with Rm != 31 */
        0xd65f0bfeu,   /* retaa with Rm != 31 */
        0x9ac13402u,   /* DP 2-source opcode 001101 */
        0xd69f0bffu,   /* eretaa: EL1 only */
    };

    for (size_t i = 0; i < G_N_ELEMENTS(unallocated); i++) {
        harness_code(h, HARNESS_CODE, &unallocated[i], 1);
        g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_UNDEF);
        g_assert_cmphex(h->cpu->exit_info.insn, ==, unallocated[i]);
    }
    harness_free(h);
}

/* FEAT_FPAC: a failed AUTIASP stops at the instruction with pauth_fault;
 * a combined instruction does not fault but branches to a bad address. */
static void test_insn_fpac(void)
{
    struct harness *h = pauth_harness(true);
    struct cpu_state *cpu = h->cpu;

    cpu->pauth_fpac = true;
    HARNESS_CODE_AT(h, HARNESS_CODE, BL_PLUS_8, BRK_0, PACIASP, AUTIASP,
                    0xd65f03c0u);
    cpu->sp = 0x7fff0000;
    g_assert_cmpint(harness_run(h, 20), ==, CPU_EXIT_BRK);
    g_assert_false(cpu->pauth_fault);

    HARNESS_CODE_AT(h, HARNESS_CODE, BL_PLUS_8, BRK_0, PACIBSP,
                    0x910043ff /* add sp, sp, #16 */, 0xd50323ffu /* autibsp */,
                    0xd65f03c0u);
    if (pauth_add_pac(cpu, HARNESS_CODE + 4, 0x7fff0000, PAUTH_KEY_IB) !=
        pauth_add_pac(cpu, HARNESS_CODE + 4, 0x7fff0010, PAUTH_KEY_IB)) {
        g_assert_cmpint(harness_run(h, 20), ==, CPU_EXIT_UNDEF);
        g_assert_true(cpu->pauth_fault);
        g_assert_cmpuint(cpu->pauth_fault_code, ==, 1);   /* IB */
        g_assert_cmphex(cpu->pc, ==, HARNESS_CODE + 16);
        g_assert_cmphex(cpu->exit_info.insn, ==, 0xd50323ffu);
    }
    harness_free(h);
}

/* --- the machine's configuration (--pauth, --fpac) --------------------- */

static void restore_default_config(void)
{
    const struct pauth_config qarma5 = { .enabled = true,
                                         .algo = CPU_PAUTH_QARMA5 };
    pauth_configure(&qarma5);
}

static void test_config_parse(void)
{
    struct pauth_config c = { 0 };

    g_assert_true(pauth_parse_algo("qarma5", &c));
    g_assert_true(c.enabled);
    g_assert_cmpint(c.algo, ==, CPU_PAUTH_QARMA5);
    g_assert_true(pauth_parse_algo("qarma3", &c));
    g_assert_true(c.enabled);
    g_assert_cmpint(c.algo, ==, CPU_PAUTH_QARMA3);
    g_assert_true(pauth_parse_algo("off", &c));
    g_assert_false(c.enabled);
    g_assert_false(pauth_parse_algo("QARMA5", &c));
    g_assert_false(pauth_parse_algo("qarma", &c));
    g_assert_false(pauth_parse_algo("", &c));
    g_assert_false(pauth_parse_algo(NULL, &c));
    /* The default is QARMA5 without FPAC. */
    g_assert_true(pauth_config()->enabled);
    g_assert_cmpint(pauth_config()->algo, ==, CPU_PAUTH_QARMA5);
    g_assert_false(pauth_config()->fpac);
}

/* The HWCAPs and the ID register fields say exactly what is configured:
 * ISAR1.APA/GPA for QARMA5, ISAR2.APA3/GPA3 for QARMA3, never API/GPI;
 * APA(3) = 4 with FPAC; nothing when off. */
static void test_config_ids(void)
{
    static const struct {
        struct pauth_config config;
        uint64_t hwcap, isar1, isar2;
    } cases[] = {
        { { true, CPU_PAUTH_QARMA5, false }, 3ull << 30, 0x01000010, 0 },
        { { true, CPU_PAUTH_QARMA5, true }, 3ull << 30, 0x01000040, 0 },
        { { true, CPU_PAUTH_QARMA3, false }, 3ull << 30, 0, 0x1100 },
        { { true, CPU_PAUTH_QARMA3, true }, 3ull << 30, 0, 0x4100 },
        { { false, CPU_PAUTH_QARMA5, false }, 0, 0, 0 },
    };

    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        struct cpu_state cpu = { 0 };
        pauth_configure(&cases[i].config);
        g_assert_cmphex(pauth_hwcap(), ==, cases[i].hwcap);
        g_assert_cmphex(pauth_id_aa64isar1_fields(), ==, cases[i].isar1);
        g_assert_cmphex(pauth_id_aa64isar2_fields(), ==, cases[i].isar2);
        cpu.pauth_enabled = !cases[i].config.enabled;
        pauth_cpu_configure(&cpu);
        g_assert_cmpint(cpu.pauth_enabled, ==, cases[i].config.enabled);
        g_assert_cmpint(cpu.pauth_algo, ==, cases[i].config.algo);
        g_assert_cmpint(cpu.pauth_fpac, ==, cases[i].config.fpac);
    }
    restore_default_config();
}

/* The same keys sign differently under QARMA3 and QARMA5, and each
 * pointer authenticates under its own algorithm only. */
static void test_config_algorithms_differ(void)
{
    struct cpu_state q5 = { 0 }, q3 = { 0 };
    GRand *rand = g_rand_new_with_seed(77);
    unsigned differ = 0, cross_ok = 0;

    set_keys(&q5, rand);
    q3 = q5;
    q5.pauth_algo = CPU_PAUTH_QARMA5;
    q3.pauth_algo = CPU_PAUTH_QARMA3;
    for (unsigned i = 0; i < 256; i++) {
        uint64_t ptr = random_user_pointer(rand), mod = g_rand_int(rand), r;
        uint64_t s5 = pauth_add_pac(&q5, ptr, mod, PAUTH_KEY_IA);
        uint64_t s3 = pauth_add_pac(&q3, ptr, mod, PAUTH_KEY_IA);

        differ += s5 != s3;
        pauth_auth(&q5, s5, mod, PAUTH_KEY_IA, false, &r);
        g_assert_cmphex(r, ==, ptr);
        pauth_auth(&q3, s3, mod, PAUTH_KEY_IA, false, &r);
        g_assert_cmphex(r, ==, ptr);
        pauth_auth(&q5, s3, mod, PAUTH_KEY_IA, false, &r);
        cross_ok += r == ptr;
    }
    /* 7-bit PACs: equal by chance about 2 times in 256. */
    g_assert_cmpuint(differ, >, 240);
    g_assert_cmpuint(cross_ok, <, 16);
    g_rand_free(rand);
}

/* --pauth off on a CPU configured from it: PACIASP is a NOP, PACGA is
 * UNDEFINED; --fpac: a corrupted pointer faults at the AUT. */
static void test_config_cpu_modes(void)
{
    const struct pauth_config off = { .enabled = false };
    const struct pauth_config fpac = { .enabled = true,
                                       .algo = CPU_PAUTH_QARMA3,
                                       .fpac = true };
    struct harness *h = pauth_harness(true);
    struct cpu_state *cpu = h->cpu;

    pauth_configure(&off);
    pauth_cpu_configure(cpu);
    HARNESS_CODE_AT(h, HARNESS_CODE, PACIASP, BRK_0);
    cpu->x[30] = 0x0000000000412340ull;
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_BRK);
    g_assert_cmphex(cpu->x[30], ==, 0x0000000000412340ull);
    HARNESS_CODE_AT(h, HARNESS_CODE, PACGA_X2_X0_X1, BRK_0);
    g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_UNDEF);
    g_assert_cmphex(cpu->exit_info.insn, ==, PACGA_X2_X0_X1);
    g_assert_false(cpu->pauth_fault);

    pauth_configure(&fpac);
    pauth_cpu_configure(cpu);
    HARNESS_CODE_AT(h, HARNESS_CODE, PACIA_X0_X1, 0xd2800021u /* mov x1, #1 */,
                    AUTIA_X0_X1, BRK_0);
    cpu->x[0] = 0x0000aaaabbbbccc0ull;
    cpu->x[1] = 0;
    if (pauth_add_pac(cpu, 0x0000aaaabbbbccc0ull, 0, PAUTH_KEY_IA) !=
        pauth_add_pac(cpu, 0x0000aaaabbbbccc0ull, 1, PAUTH_KEY_IA)) {
        g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_UNDEF);
        g_assert_true(cpu->pauth_fault);
        g_assert_cmpuint(cpu->pauth_fault_code, ==, 0);   /* IA */
        g_assert_cmphex(cpu->pc, ==, HARNESS_CODE + 8);
        g_assert_cmphex(cpu->exit_info.insn, ==, AUTIA_X0_X1);
    }
    restore_default_config();
    harness_free(h);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/cpu/pauth/config/parse", test_config_parse);
    g_test_add_func("/cpu/pauth/config/ids", test_config_ids);
    g_test_add_func("/cpu/pauth/config/algorithms-differ",
                    test_config_algorithms_differ);
    g_test_add_func("/cpu/pauth/config/cpu-modes", test_config_cpu_modes);
    g_test_add_func("/cpu/pauth/qarma64-paper-vectors",
                    test_qarma64_paper_vectors);
    g_test_add_func("/cpu/pauth/compute-pac", test_compute_pac);
    g_test_add_func("/cpu/pauth/round-trips-qarma5", test_round_trips_qarma5);
    g_test_add_func("/cpu/pauth/round-trips-qarma3", test_round_trips_qarma3);
    g_test_add_func("/cpu/pauth/keys-differ", test_keys_differ);
    g_test_add_func("/cpu/pauth/upper-half", test_upper_half);
    g_test_add_func("/cpu/pauth/non-canonical", test_non_canonical);
    g_test_add_func("/cpu/pauth/fpac", test_fpac);
    g_test_add_func("/cpu/pauth/pacga", test_pacga);
    g_test_add_func("/cpu/pauth/insn/pac-aut-xpac", test_insn_pac_aut_xpac);
    g_test_add_func("/cpu/pauth/insn/pacga", test_insn_pacga);
    g_test_add_func("/cpu/pauth/insn/pac-ret", test_insn_pac_ret);
    g_test_add_func("/cpu/pauth/insn/branches", test_insn_branches);
    g_test_add_func("/cpu/pauth/insn/ldra", test_insn_ldra);
    g_test_add_func("/cpu/pauth/insn/disabled", test_insn_disabled);
    g_test_add_func("/cpu/pauth/insn/unallocated", test_insn_unallocated);
    g_test_add_func("/cpu/pauth/insn/fpac", test_insn_fpac);
    return g_test_run();
}
