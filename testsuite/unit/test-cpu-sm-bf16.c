/* SM3, SM4 and BFloat16: the published SM3 and SM4 examples computed with
 * the instructions, directed BF16 cases that show each instruction's own
 * rounding rules, and every encoding against qemu-aarch64 -cpu max
 * (the table at the end: inputs d=v0 n=v1 m=v2 a=v3, FPCR, and qemu's
 * v0 and FPSR after one instruction). */
#include <glib.h>

#include "cpu/a64-simd-common.h"
#include "testsuite/unit/test-cpu-simd-lib.h"

static void run(struct cpu_state *cpu, uint32_t insn)
{
    g_assert_cmpint(simd_test_exec(cpu, insn), ==, A64_NEXT);
}

static void set_s(struct cpu_state *cpu, unsigned v, uint32_t s0, uint32_t s1,
                  uint32_t s2, uint32_t s3)
{
    memset(cpu->z[v].b, 0, CPU_ZREG_BYTES);
    cpu->z[v].s[0] = s0;
    cpu->z[v].s[1] = s1;
    cpu->z[v].s[2] = s2;
    cpu->z[v].s[3] = s3;
}

static uint32_t rol32(uint32_t x, unsigned n)
{
    return x << n | x >> ((32 - n) & 31);
}

/* ---- SM3: the hash computed with SM3PARTW1/2, SM3SS1 and SM3TT* ---------- */

#define SM3PARTW1(d, n, m) (0xce60c000u | (m) << 16 | (n) << 5 | (d))
#define SM3PARTW2(d, n, m) (0xce60c400u | (m) << 16 | (n) << 5 | (d))
#define SM3SS1(d, n, m, a) (0xce400000u | (m) << 16 | (a) << 10 | (n) << 5 | (d))
#define SM3TT(op, d, n, m, i) \
    (0xce408000u | (m) << 16 | (i) << 12 | (op) << 10 | (n) << 5 | (d))

/* One compression of the 64-byte block (16 big-endian words) into v[8]. */
static void sm3_compress(struct cpu_state *cpu, uint32_t v[8],
                         const uint32_t block[16])
{
    uint32_t w[68], wp[64];
    memcpy(w, block, sizeof(uint32_t) * 16);
    /* Message expansion, four words at a time: v0 = W[j-16..j-13],
     * v1 = W[j-9..j-6], v2 = W[j-4..j-1]; then v1 = W[j-6..j-3],
     * v2 = W[j-13..j-10]. */
    for (int j = 16; j < 68; j += 4) {
        set_s(cpu, 0, w[j - 16], w[j - 15], w[j - 14], w[j - 13]);
        set_s(cpu, 1, w[j - 9], w[j - 8], w[j - 7], w[j - 6]);
        set_s(cpu, 2, w[j - 4], w[j - 3], w[j - 2], w[j - 1]);
        run(cpu, SM3PARTW1(0, 1, 2));
        set_s(cpu, 1, w[j - 6], w[j - 5], w[j - 4], w[j - 3]);
        set_s(cpu, 2, w[j - 13], w[j - 12], w[j - 11], w[j - 10]);
        run(cpu, SM3PARTW2(0, 1, 2));
        for (int i = 0; i < 4; i++)
            w[j + i] = cpu->z[0].s[i];
    }
    for (int j = 0; j < 64; j++)
        wp[j] = w[j] ^ w[j + 4];

    /* v8 = {D, C, B, A}, v9 = {H, G, F, E} (lane 3 first in the standard). */
    set_s(cpu, 8, v[3], v[2], v[1], v[0]);
    set_s(cpu, 9, v[7], v[6], v[5], v[4]);
    for (int j = 0; j < 64; j++) {
        uint32_t t = j < 16 ? 0x79cc4519u : 0x7a879d8au;
        unsigned b = j >= 16;          /* the B (majority/choose) forms */
        int g = j & ~3;
        set_s(cpu, 3, 0, 0, 0, rol32(t, (unsigned)j % 32));
        set_s(cpu, 10, wp[g], wp[g + 1], wp[g + 2], wp[g + 3]);
        set_s(cpu, 11, w[g], w[g + 1], w[g + 2], w[g + 3]);
        run(cpu, SM3SS1(5, 8, 9, 3));
        run(cpu, SM3TT(0 + b, 8, 5, 10, (unsigned)j & 3));
        run(cpu, SM3TT(2 + b, 9, 5, 11, (unsigned)j & 3));
    }
    for (int i = 0; i < 4; i++) {
        v[i] ^= cpu->z[8].s[3 - i];
        v[4 + i] ^= cpu->z[9].s[3 - i];
    }
}

static void sm3_check(const uint32_t *blocks, int nblocks, const uint32_t want[8])
{
    struct cpu_state *cpu = simd_test_cpu_new();
    uint32_t v[8] = { 0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600,
                      0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e };
    for (int b = 0; b < nblocks; b++)
        sm3_compress(cpu, v, blocks + 16 * b);
    for (int i = 0; i < 8; i++)
        g_assert_cmphex(v[i], ==, want[i]);
    simd_test_cpu_free(cpu);
}

/* GB/T 32905-2016, example 1: "abc". */
static void test_sm3_abc(void)
{
    static const uint32_t block[16] = { 0x61626380, [15] = 24 };
    static const uint32_t want[8] = { 0x66c7f0f4, 0x62eeedd9, 0xd1f2d46b, 0xdc10e4e2,
                                      0x4167c487, 0x5cf2f7a2, 0x297da02b, 0x8f4ba8e0 };
    sm3_check(block, 1, want);
}

/* Example 2: "abcd" sixteen times (two blocks with the padding). */
static void test_sm3_abcd16(void)
{
    uint32_t blocks[32] = { 0 };
    for (int i = 0; i < 16; i++)
        blocks[i] = 0x61626364;
    blocks[16] = 0x80000000;
    blocks[31] = 512;
    static const uint32_t want[8] = { 0xdebe9ff9, 0x2275b8a1, 0x38604889, 0xc18e5a4d,
                                      0x6fdb70e5, 0x387e5765, 0x293dcba3, 0x9c0c5732 };
    sm3_check(blocks, 2, want);
}

/* ---- SM4: GB/T 32907-2016's example with SM4EKEY and SM4E ---------------- */

#define SM4EKEY(d, n, m) (0xce60c800u | (m) << 16 | (n) << 5 | (d))
#define SM4E(d, n) (0xcec08400u | (n) << 5 | (d))

static void test_sm4_example(void)
{
    static const uint32_t mk[4] = { 0x01234567, 0x89abcdef, 0xfedcba98, 0x76543210 };
    static const uint32_t fk[4] = { 0xa3b1bac6, 0x56aa3350, 0x677d9197, 0xb27022dc };
    struct cpu_state *cpu = simd_test_cpu_new();
    uint32_t ck[32], rk[32];

    for (int i = 0; i < 32; i++) {
        ck[i] = 0;
        for (int j = 0; j < 4; j++)
            ck[i] = ck[i] << 8 | (uint32_t)(((4 * i + j) * 7) & 0xff);
    }
    set_s(cpu, 1, mk[0] ^ fk[0], mk[1] ^ fk[1], mk[2] ^ fk[2], mk[3] ^ fk[3]);
    for (int k = 0; k < 8; k++) {
        set_s(cpu, 2, ck[4 * k], ck[4 * k + 1], ck[4 * k + 2], ck[4 * k + 3]);
        run(cpu, SM4EKEY(1, 1, 2));
        memcpy(&rk[4 * k], cpu->z[1].s, 16);
    }
    /* The standard's first and last round keys. */
    g_assert_cmphex(rk[0], ==, 0xf12186f9);
    g_assert_cmphex(rk[31], ==, 0x9124a012);

    set_s(cpu, 0, mk[0], mk[1], mk[2], mk[3]);   /* plaintext = key */
    for (int k = 0; k < 8; k++) {
        set_s(cpu, 2, rk[4 * k], rk[4 * k + 1], rk[4 * k + 2], rk[4 * k + 3]);
        run(cpu, SM4E(0, 2));
    }
    /* The ciphertext is the last four words in reverse order. */
    g_assert_cmphex(cpu->z[0].s[3], ==, 0x681edf34);
    g_assert_cmphex(cpu->z[0].s[2], ==, 0xd206965e);
    g_assert_cmphex(cpu->z[0].s[1], ==, 0x86b3e94f);
    g_assert_cmphex(cpu->z[0].s[0], ==, 0x536e4246);
    simd_test_cpu_free(cpu);
}

/* ---- BF16: directed cases --------------------------------------------------- */

#define BFCVT_H0_S1 0x1e634020u        /* bfcvt h0, s1 */
#define BFDOT_2S 0x2e42fc20u           /* bfdot v0.2s, v1.4h, v2.4h */
#define BFMLALB 0x2ec2fc20u            /* bfmlalb v0.4s, v1.8h, v2.8h */

static uint32_t bfcvt(struct cpu_state *cpu, uint32_t fpcr, uint32_t s)
{
    cpu->fpcr = fpcr;
    cpu->fpsr = 0;
    set_s(cpu, 1, s, 0, 0, 0);
    memset(cpu->z[0].b, 0xaa, CPU_ZREG_BYTES);
    run(cpu, BFCVT_H0_S1);
    for (unsigned i = 2; i < CPU_ZREG_BYTES; i++)
        g_assert_cmpuint(cpu->z[0].b[i], ==, 0);
    return cpu->z[0].h[0];
}

/* BFCVT rounds under FPCR and raises the usual flags. */
static void test_bfcvt_rounding(void)
{
    struct cpu_state *cpu = simd_test_cpu_new();
    g_assert_cmphex(bfcvt(cpu, 0, 0x3f808000), ==, 0x3f80);   /* tie to even */
    g_assert_cmphex(cpu->fpsr, ==, FPSR_IXC);
    g_assert_cmphex(bfcvt(cpu, 0, 0x3f818000), ==, 0x3f82);
    g_assert_cmphex(bfcvt(cpu, 3u << 22, 0x3f81ffff), ==, 0x3f81);    /* RZ */
    g_assert_cmphex(bfcvt(cpu, 1u << 22, 0xbf81ffff), ==, 0xbf81);    /* RP */
    g_assert_cmphex(bfcvt(cpu, 2u << 22, 0xbf810001), ==, 0xbf82);    /* RM */
    g_assert_cmphex(bfcvt(cpu, 0, 0x7f7f8000), ==, 0x7f80);           /* overflow */
    g_assert_cmphex(cpu->fpsr, ==, FPSR_OFC | FPSR_IXC);
    g_assert_cmphex(bfcvt(cpu, 3u << 22, 0x7f7fffff), ==, 0x7f7f);    /* RZ: max */
    g_assert_cmphex(bfcvt(cpu, 0, 0x00018000), ==, 0x0002);           /* tiny */
    g_assert_cmphex(cpu->fpsr, ==, FPSR_UFC | FPSR_IXC);
    g_assert_cmphex(bfcvt(cpu, FPCR_FZ, 0x80018000), ==, 0x8000);     /* flushed */
    g_assert_cmphex(cpu->fpsr, ==, FPSR_IDC);
    g_assert_cmphex(bfcvt(cpu, 0, 0x7f812345), ==, 0x7fc1);           /* sNaN */
    g_assert_cmphex(cpu->fpsr, ==, FPSR_IOC);
    g_assert_cmphex(bfcvt(cpu, FPCR_DN, 0xffc12345), ==, 0x7fc0);
    g_assert_cmphex(cpu->fpsr, ==, 0);
    simd_test_cpu_free(cpu);
}

static uint32_t bfdot(struct cpu_state *cpu, uint32_t fpcr, uint32_t acc,
                      uint32_t n_pair, uint32_t m_pair)
{
    cpu->fpcr = fpcr;
    cpu->fpsr = 0;
    set_s(cpu, 0, acc, acc, 0x11111111, 0x11111111);
    set_s(cpu, 1, n_pair, n_pair, 0, 0);
    set_s(cpu, 2, m_pair, m_pair, 0, 0);
    run(cpu, BFDOT_2S);
    g_assert_cmphex(cpu->z[0].s[0], ==, cpu->z[0].s[1]);
    g_assert_cmphex(cpu->z[0].d[1], ==, 0);    /* the 2S form zeroes the top */
    g_assert_cmphex(cpu->fpsr, ==, 0);         /* BFDOT never flags */
    return cpu->z[0].s[0];
}

/* BFDOT rounds to odd, flushes denormals and gives the default NaN, in
 * every FPCR mode. */
static void test_bfdot_rules(void)
{
    struct cpu_state *cpu = simd_test_cpu_new();
    const uint32_t modes[] = { 0, FPCR_FZ | FPCR_DN, 3u << 22, 1u << 22 };
    for (unsigned i = 0; i < G_N_ELEMENTS(modes); i++) {
        uint32_t f = modes[i];
        /* 1 * 1 + 2^-24 * 1 = 1 + 2^-24: nearest-even would give 1.0. */
        g_assert_cmphex(bfdot(cpu, f, 0, 0x33803f80, 0x3f803f80), ==, 0x3f800001);
        /* A denormal addend counts as zero; the sum of zeros is +0. */
        g_assert_cmphex(bfdot(cpu, f, 0x00000001, 0, 0), ==, 0);
        /* A product below the normal range is flushed: 2^-100 * 2^-100. */
        g_assert_cmphex(bfdot(cpu, f, 0x80000000, 0x00000d80, 0x00000d80), ==, 0);
        /* Exact cancellation is +0; overflow is infinity. */
        g_assert_cmphex(bfdot(cpu, f, 0, 0x3fc03fc0, 0xbfc03fc0), ==, 0);
        g_assert_cmphex(bfdot(cpu, f, 0, 0x00007f00, 0x00007f00), ==, 0x7f800000);
        /* Any NaN, even a signalling one with DN clear, is the default NaN. */
        g_assert_cmphex(bfdot(cpu, f, 0x7f812345, 0x3f803f80, 0x3f803f80), ==,
                        0x7fc00000);
        g_assert_cmphex(bfdot(cpu, f, 0, 0x7f800000, 0), ==, 0x7fc00000);
    }
    simd_test_cpu_free(cpu);
}

/* BFMLALB is an ordinary fused multiply-add under FPCR: nearest-even, and
 * denormals and NaNs as FPCR says. */
static void test_bfmlal_rules(void)
{
    struct cpu_state *cpu = simd_test_cpu_new();
    set_s(cpu, 0, 0x3f800000, 0x00000001, 0x7f812345, 0);
    set_s(cpu, 1, 0x11113380, 0x00003f80, 0x3f80, 0x3f80);
    set_s(cpu, 2, 0x22223f80, 0x00003f80, 0x3f80, 0);
    run(cpu, BFMLALB);
    g_assert_cmphex(cpu->z[0].s[0], ==, 0x3f800000);   /* 1 + 2^-24: tie, even */
    g_assert_cmphex(cpu->z[0].s[1], ==, 0x3f800000);   /* 2^-149 + 1 rounds to 1 */
    g_assert_cmphex(cpu->z[0].s[2], ==, 0x7fc12345);   /* the sNaN, quieted */
    g_assert_cmphex(cpu->z[0].s[3], ==, 0);
    g_assert_cmphex(cpu->fpsr, ==, FPSR_IXC | FPSR_IOC);
    simd_test_cpu_free(cpu);
}

/* ---- Decode: every row is wired in and unambiguous ---------------------- */

static void test_tables(void)
{
    static const struct { uint32_t insn; const char *row; } cases[] = {
        { 0xce431041, "SM3SS1" },   { 0xce43a041, "SM3TT" },
        { 0xce43ac41, "SM3TT" },    { 0xce63c041, "SM3PARTW" },
        { 0xce63c441, "SM3PARTW" }, { 0xcec08441, "SM4E" },
        { 0xce63c841, "SM4EKEY" },  { 0x1e634041, "BFCVT" },
        { 0x0ea16841, "BFCVTN" },   { 0x4ea16841, "BFCVTN" },
        { 0x2e43fc41, "BFDOT" },    { 0x0f63f841, "BFDOT_elem" },
        { 0x6e43ec41, "BFMMLA" },   { 0x6ec3fc41, "BFMLAL" },
        { 0x0ff3f841, "BFMLAL_elem" },
        /* Neighbours that must keep decoding as before. */
        { 0xce608041, "SHA512_3reg" }, { 0xcec08041, "SHA512SU0" },
        { 0x0e616841, "FCVTN" },
    };
    g_assert_cmpint(simd_test_check_tables(), ==, 0);
    for (unsigned i = 0; i < G_N_ELEMENTS(cases); i++)
        g_assert_cmpstr(simd_test_row_name(cases[i].insn), ==, cases[i].row);
}

/* ---- Against qemu-aarch64 -cpu max ----------------------------------------- */

struct qemu_case {
    uint32_t insn, fpcr;
    uint64_t in[8];     /* v0 lo, hi, v1 lo, hi, v2 ..., v3 ... */
    uint64_t out[2];    /* v0 after */
    uint32_t fpsr;
};

static const struct qemu_case qemu_cases[];
static const unsigned n_qemu_cases;

static void test_qemu_cases(void)
{
    struct cpu_state *cpu = simd_test_cpu_new();
    for (unsigned c = 0; c < n_qemu_cases; c++) {
        const struct qemu_case *q = &qemu_cases[c];
        for (unsigned v = 0; v < 4; v++) {
            memset(cpu->z[v].b, 0x5a, CPU_ZREG_BYTES);
            cpu->z[v].d[0] = q->in[2 * v];
            cpu->z[v].d[1] = q->in[2 * v + 1];
        }
        cpu->fpcr = q->fpcr;
        cpu->fpsr = 0;
        run(cpu, q->insn);
        if (cpu->z[0].d[0] != q->out[0] || cpu->z[0].d[1] != q->out[1] ||
            cpu->fpsr != q->fpsr)
            g_test_message("case %u (insn %08x fpcr %08x): got %016" G_GINT64_MODIFIER
                           "x %016" G_GINT64_MODIFIER "x fpsr %x", c, q->insn,
                           q->fpcr, cpu->z[0].d[1], cpu->z[0].d[0], cpu->fpsr);
        g_assert_cmphex(cpu->z[0].d[0], ==, q->out[0]);
        g_assert_cmphex(cpu->z[0].d[1], ==, q->out[1]);
        g_assert_cmphex(cpu->fpsr, ==, q->fpsr);
        for (unsigned i = 16; i < CPU_ZREG_BYTES; i++)
            g_assert_cmpuint(cpu->z[0].b[i], ==, 0);
    }
    simd_test_cpu_free(cpu);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/cpu/sm-bf16/tables", test_tables);
    g_test_add_func("/cpu/sm-bf16/sm3-abc", test_sm3_abc);
    g_test_add_func("/cpu/sm-bf16/sm3-abcd16", test_sm3_abcd16);
    g_test_add_func("/cpu/sm-bf16/sm4-example", test_sm4_example);
    g_test_add_func("/cpu/sm-bf16/bfcvt-rounding", test_bfcvt_rounding);
    g_test_add_func("/cpu/sm-bf16/bfdot-rules", test_bfdot_rules);
    g_test_add_func("/cpu/sm-bf16/bfmlal-rules", test_bfmlal_rules);
    g_test_add_func("/cpu/sm-bf16/qemu", test_qemu_cases);
    return g_test_run();
}

/* Generated by running each encoding under qemu-aarch64 -cpu max (7.2) on
 * inputs chosen around BF16's special cases: zeros, infinities, quiet and
 * signalling NaNs, denormals, ties, values whose products overflow or
 * underflow, and pairs whose products cancel. */
static const struct qemu_case qemu_cases[] = {
    { 0xce420c20, 0x00000000, { 0xdc1b77ae0bf34dad, 0x64f0eeb9026e6076, 0x7b07ce91e5906136, 0x305f050c368dcc74, 0x2ceb16e0a1c54aec, 0x97101dce4e7bfb79, 0x9ad2e144d6e8f2cf, 0xd9aa792e1af470ea }, { 0x0000000000000000, 0x85ad00b000000000 }, 0x00000000 }, /* sm3ss1 */
    { 0xce420c20, 0x00000000, { 0xddaa4e85b0d6e28b, 0x8f8ea9d349428d8e, 0x08f474ffb8e8ab15, 0x2ead854756d71f03, 0x55bc79f8ada711fd, 0x0e1fc49bd63b809e, 0xb92199e83f5a101f, 0xc5765079fc5d43ff }, { 0x0000000000000000, 0xf543ff5500000000 }, 0x00000000 }, /* sm3ss1 */
    { 0xce420c20, 0x00000000, { 0x353cfc387dfae6b8, 0xa32edabf5585bd75, 0xfc5639b16b714b4f, 0x92fb2dcfc8ae9a19, 0x544b0ec76d00616d, 0xbcbb9b7e9a319aef, 0x0f1a50d59c0aa21a, 0x80ae2120826571de }, { 0x0000000000000000, 0x235ae6f800000000 }, 0x00000000 }, /* sm3ss1 */
    { 0xce420c20, 0x00000000, { 0x0e1ecd02ed7c0cbd, 0x0d0981e8c1fa7be4, 0xdc86b3d3cdbdf613, 0x6d0844c269e7693f, 0x3681da7f6993082d, 0x5b928e2c987d857d, 0x6c716e1e6ced8137, 0xccb870213498f7f5 }, { 0x0000000000000000, 0x4b928ed600000000 }, 0x00000000 }, /* sm3ss1 */
    { 0xce428020, 0x00000000, { 0x9f07b27a78869b5a, 0xb0ba91e47f6200ec, 0xc72b4c36d0db7fed, 0x35f305b0c0fc9252, 0x7ac78fb373ffbff6, 0x8e39b81de71b7d09, 0x59a69ba126cd29b3, 0xbfcbffff0cbcbf20 }, { 0xc401d8fe9f07b27a, 0xda52cd7db0ba91e4 }, 0x00000000 }, /* sm3tt_0_0 */
    { 0xce428020, 0x00000000, { 0x2d1ce28856d20e5e, 0x572a15ed48b3fdc2, 0x32b911499417aab9, 0x17a8ec88e0da0bac, 0x0cc88eab2f9ad4bb, 0xbc3a5b419a43afd2, 0x6f0f3414c47c9c0d, 0xe71a7567edb8c675 }, { 0x67fb84912d1ce288, 0x6fe827ba572a15ed }, 0x00000000 }, /* sm3tt_0_0 */
    { 0xce428020, 0x00000000, { 0x63674cf841ee8ab9, 0xe375837da840d9ec, 0x578eb22e1ea5a35f, 0x4efa582ee029dfd9, 0xf3b363e938295a26, 0x2e3a4ef3496f4112, 0xb809d78e2a2f9b10, 0x46217f104eb30026 }, { 0x81b3d95063674cf8, 0xb9378161e375837d }, 0x00000000 }, /* sm3tt_0_0 */
    { 0xce428020, 0x00000000, { 0x8947b5fefda6afa6, 0x4a3ae29b2af0cb79, 0xbfd0273b10a6d4af, 0xed0a00eb302b52c6, 0x3c0a45ad6d0175e3, 0x5bec25a986aa6fc8, 0x904bc2dda0ebc917, 0x459ae6d82ef0bb45 }, { 0xe196f2558947b5fe, 0x975975ed4a3ae29b }, 0x00000000 }, /* sm3tt_0_0 */
    { 0xce429020, 0x00000000, { 0xd8f30b16630d2b73, 0x7110b72632258de5, 0x543b14bc79e21fbe, 0xb3afb674d263f401, 0x992a5514fae813a9, 0x65950d0578f009ce, 0x5703572bfb805a5d, 0xf58b6a5f9c786da9 }, { 0x4b1bca64d8f30b16, 0x50db83c17110b726 }, 0x00000000 }, /* sm3tt_0_1 */
    { 0xce429020, 0x00000000, { 0xa837793e9e8ad732, 0x50eabc7287dc4e1c, 0x4dca1d57ff03f180, 0x4899ff11c2f79663, 0x16166c76ad45818f, 0xcb74ca30b3d6894c, 0x217355871886f75e, 0x28a1e2393381ed30 }, { 0xb89c390fa837793e, 0x1701a91750eabc72 }, 0x00000000 }, /* sm3tt_0_1 */
    { 0xce429020, 0x00000000, { 0x074c31b6d9efa2ea, 0xbec4688d35b7872f, 0xf8fd0016351ac3e1, 0x2a3e36405bf02e26, 0x4fa794552d7c87fa, 0x6b65fa68c812c075, 0xb0d838d4f45658b5, 0xf088256e71b67944 }, { 0x6f0e5e6b074c31b6, 0x228e02ffbec4688d }, 0x00000000 }, /* sm3tt_0_1 */
    { 0xce429020, 0x00000000, { 0xb4d1bf49868fc4b6, 0x7f30634d239b36bf, 0x9adf073ca7e24f12, 0xbf023d5f71c40f0c, 0xf8daff4ab7e1c412, 0x3bb60a1f6449431a, 0xe1b6cc3fce8a571c, 0x974be547500504b2 }, { 0x366d7e47b4d1bf49, 0x211c99677f30634d }, 0x00000000 }, /* sm3tt_0_1 */
    { 0xce42a020, 0x00000000, { 0x788637bdbb04623b, 0x78b479878553843f, 0xf614dc4037d1ccf7, 0xab5917a81f0fb2ae, 0x107db970f61ec64b, 0xa7e591e85a840907, 0x42e87faaebb9a0d5, 0x7cb7d0a0e9b446d4 }, { 0xa7087f0a788637bd, 0x87ab956a78b47987 }, 0x00000000 }, /* sm3tt_0_2 */
    { 0xce42a020, 0x00000000, { 0x93b411557b1e1b59, 0x17282941775bd12f, 0x1d6eb56cc3fecd4d, 0x9cc6d38ebb4dc397, 0x93e7f09c76995dd0, 0x40481181f54f1b6b, 0xfc10536a39343f9d, 0x2b59a11006fe10a2 }, { 0xb7a25eee93b41155, 0x8287e2fb17282941 }, 0x00000000 }, /* sm3tt_0_2 */
    { 0xce42a020, 0x00000000, { 0xb25de04b53658403, 0x482f7b77f3b42fcb, 0xaa19ef48de09d554, 0xbc1efbb4d09613fe, 0x01640cfd5e7e0059, 0x2103a6ef6f7bca19, 0xba59dbbf218e9bcd, 0x47cfbdd44466d5ba }, { 0x685f97e7b25de04b, 0x18519249482f7b77 }, 0x00000000 }, /* sm3tt_0_2 */
    { 0xce42a020, 0x00000000, { 0x0f7180ea42ce3691, 0x1d57d70abe6c2ebc, 0x3df4865f060ed9e1, 0x9cc2d942d8ac9c12, 0x68c29c22e6ec81aa, 0xa1cd5d166c667229, 0x950c6175be7d148d, 0x3f3e42bdb31d6de4 }, { 0xd85d797c0f7180ea, 0x3d319aad1d57d70a }, 0x00000000 }, /* sm3tt_0_2 */
    { 0xce42b020, 0x00000000, { 0xb8e8620efee2ae3f, 0x6892f24f073504a3, 0x7faf4d50b83a266a, 0x36eff6fe424288a6, 0x7436a02ab71ee437, 0x833a63ba9131343f, 0x992cb64cfdf7b997, 0xc8b93e004898d324 }, { 0x6a09460eb8e8620e, 0x7337a7526892f24f }, 0x00000000 }, /* sm3tt_0_3 */
    { 0xce42b020, 0x00000000, { 0x645d2dce235dab82, 0x808a9a75bdabb055, 0x995531f7eedc5275, 0x087d63039379d791, 0xf3c9caffb024e07e, 0xea06a464360f763e, 0x53361012dddd2752, 0xd66a74b438fd099c }, { 0x5760ab7b645d2dce, 0x08ba92df808a9a75 }, 0x00000000 }, /* sm3tt_0_3 */
    { 0xce42b020, 0x00000000, { 0x8d5497b6e7e3148f, 0x00252f2c32b41166, 0xf4dba3db8471e0c4, 0xa447b4c07713b205, 0x58d68ff52d13b421, 0x7c3d90428332bb09, 0x98e09052e5853c3f, 0xb90814763588d987 }, { 0x6822cc658d5497b6, 0x1a9bc38f00252f2c }, 0x00000000 }, /* sm3tt_0_3 */
    { 0xce42b020, 0x00000000, { 0x04349ea8330d49f4, 0x213e49f755c9ae67, 0xadc15b82753344fb, 0x69a0dc20acf37cb2, 0x729bfdea5375f6cb, 0xf8eb32047bbbcfe6, 0x4b85228ee7b181f9, 0x41031bc75f55bcba }, { 0x935cceab04349ea8, 0x29fba363213e49f7 }, 0x00000000 }, /* sm3tt_0_3 */
    { 0xce428420, 0x00000000, { 0x2da461eb41957943, 0xd74e810a9b826371, 0x1cdd495915ad9bf7, 0xbaeb7806c59edd00, 0x3ba89ff13576a0ba, 0x005ca96b1855237b, 0xc7b1d77110b837fd, 0x69bcfe5aebcf18d2 }, { 0x04c6e3372da461eb, 0x698e50dad74e810a }, 0x00000000 }, /* sm3tt_1_0 */
    { 0xce428420, 0x00000000, { 0x6f51d1ecaa02f263, 0x6d8dc769b3280f47, 0xb51767a476976e99, 0x0418c241fa7ac604, 0xa581230adaef3288, 0xf1ac9d290f1d4eed, 0x3dabc8a9eded6f30, 0x55cb59e89b5779ee }, { 0x501e8f666f51d1ec, 0xcc6a40f16d8dc769 }, 0x00000000 }, /* sm3tt_1_0 */
    { 0xce428420, 0x00000000, { 0x72a54713a9b86c9d, 0xa3726687db6b9b04, 0x5fdf2267673f0d32, 0x68dfe63578c47fa8, 0x624e220196711d57, 0xbe9e598ebfea4aad, 0xd79af3ca3ba29578, 0x6f5e5868097b8e52 }, { 0xd73609b672a54713, 0x82446cfda3726687 }, 0x00000000 }, /* sm3tt_1_0 */
    { 0xce428420, 0x00000000, { 0x5af01374addcadce, 0x2faaf7e9e83fa715, 0xbb42e4b2bad2bd1b, 0xd30563d941e93ea1, 0x1167ea9167c9649c, 0xb6249a7c39665155, 0xb3f56e3e83c468b7, 0xa87bdea4d9832da6 }, { 0x7f4e2bd05af01374, 0xfcdcbb022faaf7e9 }, 0x00000000 }, /* sm3tt_1_0 */
    { 0xce429420, 0x00000000, { 0xe437318091b5827d, 0x59e1b682e1cbd639, 0x7d32511b3390efd5, 0x1d70ed6acaa29b4a, 0x1e71c6a67d004cfc, 0xa0c0b3f99ebcf365, 0x498e468dbb57f3c3, 0x1c54594f126dcce4 }, { 0x97ac73c3e4373180, 0x9823c89759e1b682 }, 0x00000000 }, /* sm3tt_1_1 */
    { 0xce429420, 0x00000000, { 0x16ba1d39f25cae7d, 0x67de1f8cd39e2861, 0x108e0b8ab05d2c71, 0x96288ccb432aaa69, 0x887013f1c0b1457d, 0xe47a782d96a0d8b7, 0xc0f1c836d72154c6, 0x01ea4c72979ce7ef }, { 0x3c50c3a716ba1d39, 0x4a3b2a4d67de1f8c }, 0x00000000 }, /* sm3tt_1_1 */
    { 0xce429420, 0x00000000, { 0xe58cc45382b7c5e0, 0x0f265892d429d26b, 0x119be96337a67b0f, 0xad7f4ee4ff441439, 0x69765cdf019ab251, 0x6c83796be9953375, 0xb30aa29935c26453, 0x88c5405c130c945b }, { 0x53a4d7a8e58cc453, 0x7a5161280f265892 }, 0x00000000 }, /* sm3tt_1_1 */
    { 0xce429420, 0x00000000, { 0x9ffcaab00de2fbb3, 0xf60b6a392f39b284, 0x34f99df66499e0e1, 0xb8c6fbae04f4cb60, 0xddf1a401094ffaf6, 0x24e629d896fb1883, 0xe2fd7570a6e4ae72, 0xc21511f61c10bbae }, { 0x7365085e9ffcaab0, 0xb973af32f60b6a39 }, 0x00000000 }, /* sm3tt_1_1 */
    { 0xce42a420, 0x00000000, { 0x6b4a433781c1b159, 0xf7b9bb632073447b, 0x28f350082a0bdc33, 0x21b037be8db8a74b, 0xf4827d0343e964c5, 0x18fd760add37274c, 0x1cbe96ad55a91a02, 0x1b376669576888b6 }, { 0xe688f6406b4a4337, 0x7c7a24ddf7b9bb63 }, 0x00000000 }, /* sm3tt_1_2 */
    { 0xce42a420, 0x00000000, { 0x862f25f826bcb427, 0x608edfdda646248f, 0xb98511e79e1e6b06, 0x384ea650b7785650, 0x9ee03c4ca73132fc, 0x6facd3230b5e6f99, 0xb27b8d6c7d2c1506, 0x9fc9762bf52bccac }, { 0x8c491f4c862f25f8, 0xaddcb9f5608edfdd }, 0x00000000 }, /* sm3tt_1_2 */
    { 0xce42a420, 0x00000000, { 0x915133d1f1cd3035, 0x01a2553b894e0715, 0x1727f4259189fe5b, 0xe9410ea4b1d01b67, 0xae5bac1c8afb8291, 0xc01d77809ef4f1d4, 0x131dc70966a1ed37, 0x8ebed168e7eb032d }, { 0x9c0e2b12915133d1, 0xde16f7d801a2553b }, 0x00000000 }, /* sm3tt_1_2 */
    { 0xce42a420, 0x00000000, { 0x8027b30dd057be6b, 0x7c80d6befe7bebd7, 0x285d676d738709c0, 0xd4a6fbbb463c77d3, 0x6b7252f506af9bfc, 0x76e7c3b3c3adbbcb, 0xbeef68cb1cc5727c, 0x9ddbcc9adadfe798 }, { 0xf7d7affc8027b30d, 0x69f68a487c80d6be }, 0x00000000 }, /* sm3tt_1_2 */
    { 0xce42b420, 0x00000000, { 0xe85d4e2fd8cebe57, 0x49a34268cecc56eb, 0x2fa1ca340f951486, 0x1c68c5ee9e01df2f, 0x7cd94d5d160df751, 0x415f292fa04818ff, 0xf40bf4be400d570e, 0x82042eb409794e20 }, { 0x98add79de85d4e2f, 0x0b496f6549a34268 }, 0x00000000 }, /* sm3tt_1_3 */
    { 0xce42b420, 0x00000000, { 0x1255273c7f8434bc, 0x2ce50c5e474b93d5, 0xbe08af88f83f51b2, 0x2d725bb40b0f0391, 0xc0085237f307d9d6, 0xa9c57d5561e763e5, 0x1bf5b3cab644f462, 0x5547a5fa668d250a }, { 0x9727aa8e1255273c, 0xad4672e72ce50c5e }, 0x00000000 }, /* sm3tt_1_3 */
    { 0xce42b420, 0x00000000, { 0x914833a9ee283dc0, 0x7ef314f60b351dbb, 0x00221d9d7b537940, 0x60336535e5378fb2, 0xe8cc97f0aab24c2d, 0xb581ba40a91b83f5, 0xfbb60192cdb3e9b2, 0x9adaa35dbc26a2e1 }, { 0x6a3b7616914833a9, 0x109710957ef314f6 }, 0x00000000 }, /* sm3tt_1_3 */
    { 0xce42b420, 0x00000000, { 0x22cdc3a4356277e4, 0xf488e151ff7fca0b, 0xdf756f66d48cd75f, 0x7f45c76b5299f931, 0x3ee3c6ab5062a683, 0xc54654890ca7a30e, 0xb8275d981ca7efc8, 0xbe5287885cb25217 }, { 0xff9417fe22cdc3a4, 0xe2c76791f488e151 }, 0x00000000 }, /* sm3tt_1_3 */
    { 0xce428820, 0x00000000, { 0x79729ebc8c3b5373, 0xa0bb6616a3b39915, 0x4fe9636427fe1b67, 0xbbeb4ae36e79de91, 0x41d653635fd8a96c, 0x137fb828fc1cc33e, 0x407a3783d8c3f538, 0xb6827a52e88c3cd2 }, { 0xc8ad1d9c79729ebc, 0x8228ef36a0bb6616 }, 0x00000000 }, /* sm3tt_2_0 */
    { 0xce428820, 0x00000000, { 0x9620649d499e502b, 0xcfed170dd20a064b, 0x05faa3dbcae8e087, 0xe3456f983a59f086, 0x462e4081e78fa2e7, 0x8e33e7613b30e462, 0x0c342c6093a7dd2a, 0x147bcfcd70f29810 }, { 0x325e90509620649d, 0x648093b0cfed170d }, 0x00000000 }, /* sm3tt_2_0 */
    { 0xce428820, 0x00000000, { 0xa7786e7e77f77920, 0x3461fc042646dfd2, 0x7f8c72b2a99de6ed, 0xd7a5bd1b9baac660, 0xe722fe3209380bec, 0x554332c123a300fb, 0x724d72ee194f183a, 0xfce07bdde4a8c88a }, { 0xfe913236a7786e7e, 0x78b50dba3461fc04 }, 0x00000000 }, /* sm3tt_2_0 */
    { 0xce428820, 0x00000000, { 0x13f028439b74fb9b, 0x41e31784775794ac, 0x5fed0fcf79c39085, 0x6d8502bfc80c96e4, 0x70db12824bf7b6c9, 0x8838c5e2d39ccbe4, 0xbcf946457e938b73, 0x8191c98000a810a5 }, { 0xa563babc13f02843, 0xd7eb881641e31784 }, 0x00000000 }, /* sm3tt_2_0 */
    { 0xce429820, 0x00000000, { 0xaddcdb75bb31c9c4, 0x274842d113a35b57, 0xa7842014627a2821, 0x61c683627952f431, 0x8368f6e64ca97d99, 0x32945cb557986922, 0x5f255fb874e95170, 0x1e35dd72abdedfd2 }, { 0xdab89d1aaddcdb75, 0x066a8bbe274842d1 }, 0x00000000 }, /* sm3tt_2_1 */
    { 0xce429820, 0x00000000, { 0xdae27a90cf1ed6ed, 0x93f0e46413e8f000, 0xb3c8e1337c3321e0, 0x09e1b7d60d793fa3, 0xbe4ef12552e0451c, 0x7f35de212ddb4296, 0xf5a2fa6852249193, 0xf4231ce12176dc70 }, { 0x80009f47dae27a90, 0xbc2db3ab93f0e464 }, 0x00000000 }, /* sm3tt_2_1 */
    { 0xce429820, 0x00000000, { 0x1bec8ca43e9d2dc8, 0x7dae1345bf346593, 0xed6dc22866d10998, 0x6b5dd9b4387bcd8b, 0xc1c7e69446e938d0, 0xb444a2f44e72dea1, 0x1e82dc770735b35c, 0x0c5700918c488f3a }, { 0x2c9df9a31bec8ca4, 0xe7ec667b7dae1345 }, 0x00000000 }, /* sm3tt_2_1 */
    { 0xce429820, 0x00000000, { 0x9b68e2538ddc90a4, 0x2bb34920cefd8085, 0xbeaf7e7f7598fac4, 0xf219b5c60677fa31, 0xaaede6659bc9b985, 0x39603cf742ccebb6, 0x6c8c2d0d3dc75fe1, 0x4bbeaa8eafab091e }, { 0x042e77ec9b68e253, 0x0c3081832bb34920 }, 0x00000000 }, /* sm3tt_2_1 */
    { 0xce42a820, 0x00000000, { 0xdcd8d3ae880dd88c, 0x7674825ead00603d, 0xb55191dac33fcfbd, 0xbe389d55be79ff62, 0xb15667e29cae941c, 0xbd6e217d3cd94e34, 0x7264b7803a65f1a8, 0xd607a31dbdce504b }, { 0x01ed6803dcd8d3ae, 0xf6e525607674825e }, 0x00000000 }, /* sm3tt_2_2 */
    { 0xce42a820, 0x00000000, { 0x9b3aa2dc437ebe2b, 0x1f320fc3a0bca997, 0x8030d4e937ed5504, 0xc879c11e292b4eae, 0x91dcdccdd11973b3, 0xd217a900b9b9cd94, 0x85ee0f5d59155b0f, 0x1ae3b417a9625279 }, { 0x4cbd05e59b3aa2dc, 0x840f4e7d1f320fc3 }, 0x00000000 }, /* sm3tt_2_2 */
    { 0xce42a820, 0x00000000, { 0x6bcaaa6fc5d1289d, 0x861aca76501b0d8c, 0x8e011fe66ae7d897, 0xfe99e0b2411ad2e6, 0xac8ac52104f69ec3, 0x852fe975eefca33e, 0xd4f70adf859e55f8, 0x72f68ce6b9191753 }, { 0x6c6280d86bcaaa6f, 0x2343bca6861aca76 }, 0x00000000 }, /* sm3tt_2_2 */
    { 0xce42a820, 0x00000000, { 0xbcc8aefb33be91bd, 0x667e1789bff623de, 0xd9a914c26548f819, 0x8f7063a533ed4fa9, 0x1aa49a0b95c05f76, 0xce33d1477d82c248, 0xa4669f8a601855cc, 0x8f240cc754ba9667 }, { 0x1ef5ffb1bcc8aefb, 0xe5fbb4f9667e1789 }, 0x00000000 }, /* sm3tt_2_2 */
    { 0xce42b820, 0x00000000, { 0x3198d369936c9a8b, 0x3e2e1abd0ac1817e, 0x6da6a9a5cb639dfc, 0xd03363b36023a5c7, 0xb66d70cc9c2a734c, 0x0d5a8941a8b374aa, 0xee948a7b982c78c3, 0xe23d98b80afe70f2 }, { 0x0bf0560c3198d369, 0x35836e263e2e1abd }, 0x00000000 }, /* sm3tt_2_3 */
    { 0xce42b820, 0x00000000, { 0xc820da07ea4ff093, 0x1cc7f7eadf112bb2, 0x515f0e77a159a565, 0x02a08015f200ef6f, 0xe6d5f24ceed0d571, 0xf6bee465c8a0089b, 0x59f06d8b36b40e4a, 0x467f916c65bfb4d6 }, { 0x5d96f889c820da07, 0x13ca5df91cc7f7ea }, 0x00000000 }, /* sm3tt_2_3 */
    { 0xce42b820, 0x00000000, { 0xc6faf1e6587d3e3f, 0xf4cfee177b43ab83, 0x3fe4fb22a807ac14, 0xff3d9d0255a6264c, 0x943714830e4d7900, 0x010a53ff73cba3f2, 0xe61941881bd08835, 0xeb5bcff0e6098465 }, { 0x5c1bda1dc6faf1e6, 0x1299c281f4cfee17 }, 0x00000000 }, /* sm3tt_2_3 */
    { 0xce42b820, 0x00000000, { 0xa2aff2c7e9722e2d, 0x9fa21e2bbd8ce131, 0x934d8c9a3c8f94b3, 0xcfa0c5965731c75a, 0x80613564ebad3254, 0xc102edb9951c7d30, 0xf4c4e9ba3d1b09ca, 0xfbaa947174280d59 }, { 0x098dec67a2aff2c7, 0x09fba9819fa21e2b }, 0x00000000 }, /* sm3tt_2_3 */
    { 0xce428c20, 0x00000000, { 0x4f75c951cb6e2b03, 0x680ba3f8d9385795, 0xbf108974a899627a, 0x6fdcf7e057a38e3e, 0x891ea0bf036c86a2, 0xf9153f6c58c1b72f, 0xd47c48ecb9fa1f81, 0x6503a7900a022bfe }, { 0xbcaec9c24f75c951, 0x03f4c46d680ba3f8 }, 0x00000000 }, /* sm3tt_3_0 */
    { 0xce428c20, 0x00000000, { 0x9ae99a5bcfb11029, 0xe424cab406fd5849, 0x20765ba05bdd90b9, 0x4220e84815a925d8, 0x2dc62fc8c8560193, 0x78b05046ded4a950, 0x874b1c59db6d5402, 0xabfd9567855ace2a }, { 0xc24837ea9ae99a5b, 0x772e3f97e424cab4 }, 0x00000000 }, /* sm3tt_3_0 */
    { 0xce428c20, 0x00000000, { 0x976d4d4a274ab136, 0x3dd9eead6426a9d4, 0xb5579e51c1701187, 0x7c76e4bfdc0e7064, 0x1ba0014d852ef584, 0x5ea9b4d919f7496f, 0x8d728cbe07411c3d, 0xd0c197d0ea053145 }, { 0x4ea32135976d4d4a, 0x8f00d48b3dd9eead }, 0x00000000 }, /* sm3tt_3_0 */
    { 0xce428c20, 0x00000000, { 0x18f524eef87bca67, 0xe93cae7cca534433, 0xdebb4e79d3668e7b, 0x8fe0cda453e2bda7, 0x49d787ea5666f11c, 0x8921121732a9fbfe, 0xcd602031a6df9789, 0x7973d9ce554aeae6 }, { 0x219e529a18f524ee, 0x853c519fe93cae7c }, 0x00000000 }, /* sm3tt_3_0 */
    { 0xce429c20, 0x00000000, { 0x0ccd0b4dcb6006b3, 0x5a74eb079cdd0a7e, 0xa7c03b7eda3defea, 0xde1c95e748652eb5, 0x341d48c3e938e9a8, 0xe3214444d913f27b, 0xd38e58fc3cac2b5f, 0xe10e29bfe32644c9 }, { 0x53f4e6e80ccd0b4d, 0xc8fe4cb25a74eb07 }, 0x00000000 }, /* sm3tt_3_1 */
    { 0xce429c20, 0x00000000, { 0x68909da0a9e81a00, 0xf8cbe27605954a34, 0xd48e6395feca6da0, 0x532571c508ee917b, 0x2a153d918e467299, 0x083fa76b02ed783c, 0x385ae3da9b292dcc, 0x83547005d8c38c97 }, { 0x51a02caa68909da0, 0x1df2722df8cbe276 }, 0x00000000 }, /* sm3tt_3_1 */
    { 0xce429c20, 0x00000000, { 0xc859468c0e9fce4e, 0x4ceb47a00c1ca252, 0xd508c663404a4f96, 0x82329c6120b9fe89, 0x5a1023aaed3e0f34, 0x373bd9f34ad53e2a, 0x3b0cc65c03665ed6, 0x33f99ae766fbe7eb }, { 0x129060e5c859468c, 0xa310b77d4ceb47a0 }, 0x00000000 }, /* sm3tt_3_1 */
    { 0xce429c20, 0x00000000, { 0x790ce8b17ffa8ae4, 0x005397363f1946f1, 0x06b941a56d90e83c, 0xc14e4b23d3ae46ec, 0xc2530bbef5872161, 0x9b2a87b4a34e5763, 0x9dbe0d18356b730d, 0x3fe152dbbceac6ab }, { 0x3789f8ca790ce8b1, 0xaef545fd00539736 }, 0x00000000 }, /* sm3tt_3_1 */
    { 0xce42ac20, 0x00000000, { 0xb78982e3da3bd9e6, 0x227582ddc7ef17d5, 0x5fa2aceb5c2b9cba, 0x7bea5f27b9e5a503, 0x5af8c3f5a64d4e89, 0xb5a794d4db2b5654, 0xaceed0aaf97215f8, 0x87211deead1c8fd3 }, { 0xbeae3f78b78982e3, 0x90abb1b7227582dd }, 0x00000000 }, /* sm3tt_3_2 */
    { 0xce42ac20, 0x00000000, { 0x466ebce3e287220c, 0xdab5e4a43e5b2f48, 0x25be2ba313294b16, 0x5ba0b12b8e3f1c00, 0xdbc5a1a571146238, 0xb41f08cb7b51c4fc, 0x837069fdb1a3d875, 0x0fbff2061c322285 }, { 0x7a41f2d9466ebce3, 0xd6919670dab5e4a4 }, 0x00000000 }, /* sm3tt_3_2 */
    { 0xce42ac20, 0x00000000, { 0x6fda7e47d7d24780, 0x633b698ce202030f, 0xce58966972b524c9, 0xfbb3c04f10005cc0, 0x2eaa5d555d5d6c79, 0x8beced74dcf1e8e1, 0xf2609a5b12ce1370, 0xbf0c05f073ad5356 }, { 0x187f10106fda7e47, 0x64cbc7b5633b698c }, 0x00000000 }, /* sm3tt_3_2 */
    { 0xce42ac20, 0x00000000, { 0xe0e8cb7aea941c70, 0xca7cea9469582848, 0x21601e6306b98a18, 0x6e7b9963a18d7f0c, 0x987c1668e79426f2, 0xcb9ac796b3f2f23f, 0x11d8b917cc58781b, 0x6ecc41a6a68bae2b }, { 0x42434ac1e0e8cb7a, 0x6280c222ca7cea94 }, 0x00000000 }, /* sm3tt_3_2 */
    { 0xce42bc20, 0x00000000, { 0x2f8f1d8d9b8653b7, 0x6ae785060ef352d0, 0x0fd06291d48a0075, 0xbae477ebc7c7a935, 0x4e6b140482cacb27, 0x8a1893678efb7771, 0x8dbfa9d76a6b7ddf, 0xe4522da548133ce4 }, { 0x9680779a2f8f1d8d, 0xc3a4b2ae6ae78506 }, 0x00000000 }, /* sm3tt_3_3 */
    { 0xce42bc20, 0x00000000, { 0x33f98a0f26eaa39d, 0x3ea2b2f7b548319a, 0x1181a0ed00ef8779, 0x54351b305d8ea637, 0x9bfca215272cd6bb, 0xfa5bc3fddf2c41d6, 0xe2f0ff993e12acd5, 0x432e6555e4c71ccc }, { 0x8cd5aa4133f98a0f, 0x756b27983ea2b2f7 }, 0x00000000 }, /* sm3tt_3_3 */
    { 0xce42bc20, 0x00000000, { 0x2e66eadedeba21f5, 0x640c5808985d88f6, 0x4df90fb6b3dfce67, 0xe02a6770c0f1083b, 0x42bd8ffb35e384eb, 0x2b8ffb7df9b01922, 0xdccf5e018e417190, 0xd54d17711dd59773 }, { 0x47b4c2ec2e66eade, 0x6dcdb797640c5808 }, 0x00000000 }, /* sm3tt_3_3 */
    { 0xce42bc20, 0x00000000, { 0x92080269395f809d, 0xcd7136b53d66b8dc, 0x56076d685cf3c2ad, 0xdeaaa3e5943f2e68, 0xf142d7632179ca34, 0x76acee34e94f34a0, 0xa54acc72305682c9, 0xfbe520f36ad7bd8c }, { 0xc6e1eb3592080269, 0x17bd3af0cd7136b5 }, 0x00000000 }, /* sm3tt_3_3 */
    { 0xce62c020, 0x00000000, { 0x2921278b2db2f1f7, 0xc8b9f06f1ac309d4, 0x017b510de0807ac7, 0xda03f0c983e32bf2, 0x4f3bef942f1a5125, 0xc3ebef4a927a8cc7, 0xcf8128b49859a81e, 0xc2d330c96b9cdcce }, { 0x6c5314783a334d87, 0xa57c7b4d26dbb630 }, 0x00000000 }, /* sm3partw1 */
    { 0xce62c020, 0x00000000, { 0xb680824ba80b16f7, 0x6eccda24e5745d1a, 0x586da2121c4ab320, 0x9147472da036ee46, 0x14cbe0c68f31d21a, 0x46877f721a64773e, 0x74b63d13890ab050, 0x7b2711d7d8deb130 }, { 0x762d7ec4cad99cf4, 0xff5b98613d0910aa }, 0x00000000 }, /* sm3partw1 */
    { 0xce62c020, 0x00000000, { 0x3a1cfcd316414052, 0x8283834824939652, 0x56a4973f290965fe, 0x2c3f8781a8d7c8b5, 0x868ae33bb3aaea64, 0x4790a8133e5ba6b0, 0x86b81e7681e2bdfd, 0xc3d0a4350c7da7c6 }, { 0xe55f5b0bc9062b70, 0xae7cbff8b13637f7 }, 0x00000000 }, /* sm3partw1 */
    { 0xce62c020, 0x00000000, { 0x859b325917e66d09, 0x831e936316d5c393, 0x7965afaf0452ecd4, 0x127f494ceb61fc0d, 0x09b1531bac239cb5, 0x263042c64d9256cc, 0x9af184e86d874161, 0x0bac390a5be637a3 }, { 0x15ec9caeba66c49b, 0x7edbe88909fa297b }, 0x00000000 }, /* sm3partw1 */
    { 0xce62c420, 0x00000000, { 0x5cb088c29630730c, 0x5a52a97230b550ea, 0x2216b180d20b40cb, 0x38e2945a3072048a, 0x695cb1f5dc048203, 0x625f83d971526bc7, 0x5a51500d67f2ded0, 0xcaa5e9abc48a8f6d }, { 0xd0fec3f6467a3229, 0x0b61e081a9f2b7d8 }, 0x00000000 }, /* sm3partw2 */
    { 0xce62c420, 0x00000000, { 0x174e7083222be133, 0x89330d8ce6d39a31, 0xc1bbe5091a349145, 0x5be6dddb05420927, 0x8d4e43d5eb0424f5, 0x6b2e9dc366bdb1fc, 0x000a2eb0921d359f, 0x4c422105c2af8834 }, { 0x71d47f4cba0d0a83, 0x1ff02b3bbd496d25 }, 0x00000000 }, /* sm3partw2 */
    { 0xce62c420, 0x00000000, { 0xb0b77bfe27865a24, 0x0396cc464e3b5f90, 0xa8be768fbddccd2f, 0xdacfc655f2dbdf75, 0xc7bc5ab0bf31158b, 0x7febf8bada7b7560, 0xb599e5cfe8aadb8a, 0x39e455935fc62cbd }, { 0xc624551202d052d4, 0x740afbb2815a3088 }, 0x00000000 }, /* sm3partw2 */
    { 0xce62c420, 0x00000000, { 0x961e08dd122d2fa4, 0x1430aca1bf401cfb, 0xa5598d32aba2c202, 0xda3adbfcf0094706, 0x1eab89c68b485408, 0x9371c38b538ac6a0, 0xfb05563909127b2d, 0xb68b120319cd349b }, { 0x668366e01da5e9e3, 0x341b95028a2a0bd4 }, 0x00000000 }, /* sm3partw2 */
    { 0xce62c820, 0x00000000, { 0x1ad373991a44e832, 0x54a958e87e882d62, 0x00652c3342a225b8, 0xa17712ddd7ff0ff3, 0xa14e15a8a8356d2c, 0x8e624598c077ccf6, 0x3906d418a844deef, 0x7766ed6e0ada0c92 }, { 0x60e5ef5901433536, 0xa50aa5682140dcbf }, 0x00000000 }, /* sm4ekey */
    { 0xce62c820, 0x00000000, { 0xdf44f9d099c8dc0b, 0x6e86b5a60fab2f73, 0x98358998474bc5ed, 0x31b33760cfc58926, 0x767b0cfc59748bb4, 0x8a7195f972d40fa3, 0xf4164f58ea3e2f7c, 0x6cf08ba709ca0c22 }, { 0x19230321f22276f5, 0x4f8b308ede4c1c3d }, 0x00000000 }, /* sm4ekey */
    { 0xce62c820, 0x00000000, { 0xb9e98bf6d5aad0ba, 0x76446ea4df94eb9b, 0x531e0878677a448c, 0xde0925f627be1305, 0xe6c542e9fad30e63, 0xd494b51a5d5750bf, 0x60283d11b59231de, 0x582c7729f034a23d }, { 0x4d71b3e261400c9b, 0x6ee1a73dd19201bf }, 0x00000000 }, /* sm4ekey */
    { 0xce62c820, 0x00000000, { 0x601eaecaf2c9e439, 0x4a49acd65ab059b1, 0xfdb26305bba17542, 0x53039d9f38732728, 0x1439e63a68e30b66, 0x844fdd49ec7cd4f0, 0x2516d919d8bd1159, 0xec5d450c5c151d3b }, { 0xf80bf5d4164b42d7, 0xe49762311440e041 }, 0x00000000 }, /* sm4ekey */
    { 0xcec08420, 0x00000000, { 0x2a52f389d1cf19c1, 0x688d2b06fdf6d7b2, 0x92d481cc7a74969d, 0xabd70e731c9678f0, 0xf4f97f64c02d6801, 0x43fc93418ad51291, 0xc689b6f3673e3cf4, 0x1af6666372fbfd8d }, { 0xe9b4c71072259217, 0x9ea05096a57d3e66 }, 0x00000000 }, /* sm4e */
    { 0xcec08420, 0x00000000, { 0x2fce968de73cc936, 0xd49841f2d0ae3d24, 0x72bee5998998a85e, 0x31565c5754b64e8e, 0xe47133169d7b4193, 0x4d66ca3fe103b3d0, 0x7dee24dd293940b7, 0x6df480a20ac1fff6 }, { 0x8f88a27a89a2e005, 0x721065c8d0877876 }, 0x00000000 }, /* sm4e */
    { 0xcec08420, 0x00000000, { 0xfce882d342474189, 0xf3f6b50b87b68d4a, 0xf1f033114913f2d0, 0x8a739c49934d6135, 0x4ef1a556527b16b7, 0xc921dc5e5878ad5a, 0x75b09def7a484a80, 0xb64717bfcbd47a15 }, { 0x8aa8355957764f96, 0x94ebd83cf019d0e5 }, 0x00000000 }, /* sm4e */
    { 0xcec08420, 0x00000000, { 0x4a281327215df7a1, 0x951963cf8e8a840e, 0x1e67945446bb5286, 0x604093dea1f445a3, 0x1000e34aa2c2a5e8, 0xc488c35a66d55aa3, 0x4c65d0abbdb638d6, 0x7b3ac6e00217a127 }, { 0xdfc7e5428040b75a, 0xc76cd0934b3d886d }, 0x00000000 }, /* sm4e */
    { 0x1e634020, 0x00000000, { 0x35fe6c91fc9527a5, 0xeed63607d78544aa, 0x8041259cea9b0000, 0xba72b46600381e8c, 0xbe271a86db772edc, 0x011af3c801d3f781, 0x37f603aebb81902e, 0x5082ba59858b588e }, { 0x000000000000ea9b, 0x0000000000000000 }, 0x00000000 }, /* bfcvt */
    { 0x1e634020, 0x00000000, { 0x343c67726439adbf, 0xa6e6f9f819655124, 0xe6330000c2d6fbf2, 0xbb161b137f812345, 0x5891fb0d10d88b49, 0x1477e2c1bd8cc81f, 0xfc4a0356a858364f, 0x92babc68fe0af5e3 }, { 0x000000000000c2d7, 0x0000000000000000 }, 0x00000010 }, /* bfcvt */
    { 0x1e634020, 0x00000000, { 0x5d602b010267f8c8, 0x4e06c6536cf60539, 0xc3a6469ef2d50000, 0x6684800002608000, 0x55b037e58604bbdc, 0x6fbca890d00bc5ab, 0x24b2f82b3a2fd8e0, 0x9be0c9336213bf51 }, { 0x000000000000f2d5, 0x0000000000000000 }, 0x00000000 }, /* bfcvt */
    { 0x1e634020, 0x00000000, { 0xd3b4c79f2f0c6c6f, 0x13a513b3412a8f77, 0x3eb913310a72a4aa, 0x38a380000054314c, 0x4b5dfca904e7fe2b, 0x6e3a6c2426fadb17, 0x09ac83ec9da10b61, 0xfc12a9116fdab137 }, { 0x0000000000000a73, 0x0000000000000000 }, 0x00000010 }, /* bfcvt */
    { 0x1e634020, 0x00000000, { 0x63a53efcbea5a995, 0x7d06eb7a148c2786, 0xb9e612b15459f400, 0x19b80000416f7c62, 0xb62e9e14ab8586f1, 0xc3c275a8f01511bc, 0x86978870afb8d49f, 0x2a0fda3e7fad62f6 }, { 0x000000000000545a, 0x0000000000000000 }, 0x00000010 }, /* bfcvt */
    { 0x1e634020, 0x00000000, { 0xdb2a0d48cf3245b3, 0xbeb9a791817b2df8, 0x3f8080008a7c0000, 0xe03f8000cfc88000, 0x7964e7c53f9acb9b, 0x153b6cfefbbc78cc, 0x8d8936770036b33d, 0x19ab322657cbb11b }, { 0x0000000000008a7c, 0x0000000000000000 }, 0x00000000 }, /* bfcvt */
    { 0x1e634020, 0x01000000, { 0x314d18789ed900b9, 0x8c0f7cd38043bcf8, 0x804df5312ed6a6a4, 0x3ed095673a14d95f, 0xa62be6b8cdde8ba3, 0xd6b333da667bbe74, 0x6e7f98c793865408, 0xd499cb0882f55aa0 }, { 0x0000000000002ed7, 0x0000000000000000 }, 0x00000010 }, /* bfcvt */
    { 0x1e634020, 0x01000000, { 0xb9e22104b5d81815, 0x9998a1bed37d0d65, 0x0f400000c0d4ecc4, 0xf7d558543f808000, 0xa01905ba6480eca1, 0xaadf4e75e796e538, 0xe153bbed38a386f2, 0x1683351ac0133d7f }, { 0x000000000000c0d5, 0x0000000000000000 }, 0x00000010 }, /* bfcvt */
    { 0x1e634020, 0x01000000, { 0x2b450025df79a4c5, 0xfb2dc4d0f3aec6cc, 0xed3ef10029107753, 0x00376127c2c175a6, 0x821a7441c49d50d0, 0x1d9cfcff76b85e71, 0xab1f4f150896928d, 0x69cfbf3eaca2bce8 }, { 0x0000000000002910, 0x0000000000000000 }, 0x00000010 }, /* bfcvt */
    { 0x1e634020, 0x01000000, { 0xebeb67ec29ebc391, 0x183129615396d056, 0xbf1467313dc0bfe6, 0x54f7cdb5527edb78, 0x7f90a929266c430d, 0xa79e285c96c7f8cb, 0x41b253eb2af925fa, 0x5a6a646cb438e931 }, { 0x0000000000003dc1, 0x0000000000000000 }, 0x00000010 }, /* bfcvt */
    { 0x1e634020, 0x01000000, { 0x6cd6c197970af4a3, 0x43adb30b7719a98a, 0x8e2731cc7c80610a, 0x338f000042ef4a1b, 0x3322cb79af47db6c, 0xa041886869360fda, 0xa8e6777d9f16d545, 0xc8e9217c686b09af }, { 0x0000000000007c80, 0x0000000000000000 }, 0x00000010 }, /* bfcvt */
    { 0x1e634020, 0x01000000, { 0xaf4cf7b143b4547c, 0x6529272b0101a3d4, 0x3f808000fe450000, 0xbaccdb7bbe1721ff, 0x8a74dc782c251713, 0x4d46c1fa8420f9fd, 0x50ebae0ea8b5674e, 0x7abc474608541e00 }, { 0x000000000000fe45, 0x0000000000000000 }, 0x00000000 }, /* bfcvt */
    { 0x1e634020, 0x02000000, { 0xad300a467efb363c, 0xc504600bb4accf50, 0x4e8900003ae8b948, 0x42efdaa6ff7f8000, 0x62324e9304cca753, 0xf71ae45b90bc8add, 0xc00786a950f4e488, 0x236e4e14fd7f2f41 }, { 0x0000000000003ae9, 0x0000000000000000 }, 0x00000010 }, /* bfcvt */
    { 0x1e634020, 0x02000000, { 0xfb4955542c18215f, 0xfead1bb1cbd9a6dd, 0xc4875cb77fc12345, 0xc4fab7e47f7fffff, 0x5d082205e41dab3b, 0x468cb40b20823ead, 0x46db688932b93190, 0x9f1a8b07e74427f3 }, { 0x0000000000007fc0, 0x0000000000000000 }, 0x00000000 }, /* bfcvt */
    { 0x1e634020, 0x02000000, { 0xc9e7f9fadb85337c, 0x112bc1eda525661a, 0x007c9a82c2e484f5, 0xbd2b3ae3806f6d71, 0xca4e09ed5fb1b361, 0x81dbfb430f802847, 0x044224bddf33d9d7, 0x289e12e744092ba4 }, { 0x000000000000c2e5, 0x0000000000000000 }, 0x00000010 }, /* bfcvt */
    { 0x1e634020, 0x02000000, { 0x143224ec0c5950f3, 0xa4552a3a952fbe92, 0x3ee51f62bc41e56e, 0x8018e11f80000000, 0x55e5d1371984e224, 0x86dba1f44f0be2e0, 0x378ad027837b4d25, 0x1545ca1cdef452ff }, { 0x000000000000bc42, 0x0000000000000000 }, 0x00000010 }, /* bfcvt */
    { 0x1e634020, 0x02000000, { 0x179dfd641b36e59a, 0x909c98eb9fa8aed1, 0x6a8d0000d2178000, 0x400ca4e783b30000, 0xc585531e91fa4e97, 0xf77e7b12640cffca, 0x2795b7f8756854b5, 0x4807c625c7b9095c }, { 0x000000000000d218, 0x0000000000000000 }, 0x00000010 }, /* bfcvt */
    { 0x1e634020, 0x02000000, { 0x41fc7e901bc3ac4e, 0x8d955c3e4fbaf896, 0xbd2a9f0c3ddf0534, 0x1be83efd1a65832e, 0xe1d6d8a767f3fa6b, 0x5ad4e52e6431e75f, 0x500bdb2c6ec9b351, 0x3f89ee7d1afcd477 }, { 0x0000000000003ddf, 0x0000000000000000 }, 0x00000010 }, /* bfcvt */
    { 0x1e634020, 0x03000000, { 0x81334b5d654cd01f, 0x45fe7b584a4fae7f, 0x3fc47b9c3a6b0000, 0x80336eabbae536df, 0x334277f6411948e2, 0xf0124300c73302f3, 0xc7a06b161a4fb836, 0x91498828871feac6 }, { 0x0000000000003a6b, 0x0000000000000000 }, 0x00000000 }, /* bfcvt */
    { 0x1e634020, 0x03000000, { 0xa2f9d89da595a493, 0xe93726bcd911cb1a, 0x7f7ffffff4308000, 0x54528000bd6f0000, 0xb6cdf3ddda4d264d, 0x40ad88f648fb8f41, 0xbe85f1a9fb5f881f, 0x5e0eb3ce2fd6d0cf }, { 0x000000000000f430, 0x0000000000000000 }, 0x00000010 }, /* bfcvt */
    { 0x1e634020, 0x03000000, { 0xb8d6a091c178aeae, 0x4f024387c1e23473, 0x8054f74bbae50000, 0x425e4baae12a8000, 0x2052e2fe9fedf0ac, 0x2a3764162721804d, 0x505f2dbf131c700d, 0x8805560cf37debad }, { 0x000000000000bae5, 0x0000000000000000 }, 0x00000000 }, /* bfcvt */
    { 0x1e634020, 0x03000000, { 0xa16650db3ee05b3a, 0xf179bab111f4150c, 0x8028f97544f58f03, 0x3af897f25c7cd2fe, 0x0b7a20d01eb27bd2, 0x897e59970a21aba5, 0x018d13f5da4fa1b2, 0x3d6ee3a772c71271 }, { 0x00000000000044f6, 0x0000000000000000 }, 0x00000010 }, /* bfcvt */
    { 0x1e634020, 0x03000000, { 0x9310e6b42f822015, 0x51dc292de17d8115, 0xab4b00e83d5d36b5, 0x398b8e6a805d8ed1, 0xa19d28e695915ce4, 0xf7c8d74399cbc75d, 0x269eccf65bc42793, 0xf1fd829194b02b1c }, { 0x0000000000003d5d, 0x0000000000000000 }, 0x00000010 }, /* bfcvt */
    { 0x1e634020, 0x03000000, { 0x9fe3d28786640c4a, 0x6c6767cabc4696d2, 0x04de2a4fc10a134b, 0x28db000040ac35cc, 0xb3b3e5fe86a786b5, 0x9412687bab6dc4f8, 0x96f758867d372171, 0xcd01e858becd3373 }, { 0x000000000000c10a, 0x0000000000000000 }, 0x00000010 }, /* bfcvt */
    { 0x1e634020, 0x00400000, { 0x2516df5a313815d5, 0x3b9ff184a899b0be, 0xba6aef58bb938690, 0x0019dad03f66a9f2, 0xd0979fd941ba9667, 0xfe29f020fa469a8b, 0xa8c0463d53b9d57e, 0x6662181a8f6c3954 }, { 0x000000000000bb93, 0x0000000000000000 }, 0x00000010 }, /* bfcvt */
    { 0x1e634020, 0x00400000, { 0x33e247c88e1a3426, 0xbaa2deb84c93c9ce, 0x3bf47daec0706da7, 0x3f808000c3450d7b, 0xb0bc30a9684be204, 0xa9f2e7ddbda374c0, 0x717143f304cf0229, 0x23e55faa5d99366d }, { 0x000000000000c070, 0x0000000000000000 }, 0x00000010 }, /* bfcvt */
    { 0x1e634020, 0x00400000, { 0xe162a77537203f41, 0x87c33cc10c578f7f, 0xbc24c73ab7797ff7, 0x8022789e434eacf2, 0x21b38f2e0a32d213, 0x951fe354263e5377, 0x731e1a4cefaa1211, 0xe05a95d11a59e275 }, { 0x000000000000b779, 0x0000000000000000 }, 0x00000010 }, /* bfcvt */
    { 0x1e634020, 0x00400000, { 0x5c6b5341cbb96cf1, 0xefaa7b348f3b0268, 0x0000800047818000, 0x007fffffeb15d4cb, 0x89eb1fee1eadfdf7, 0x08c55d21a1c93bcc, 0xf5b2c4b102cbdabb, 0xf63dfffeaef383ce }, { 0x0000000000004782, 0x0000000000000000 }, 0x00000010 }, /* bfcvt */
    { 0x1e634020, 0x00400000, { 0x15b8901a31a55749, 0x44b12d771934efa7, 0xbef03be13f818000, 0x9e48800000093ffc, 0x15c7c01f313cbb0a, 0xb0f6005656e940fc, 0x1621e30832f12d7d, 0xe32d127cdbbe3067 }, { 0x0000000000003f82, 0x0000000000000000 }, 0x00000010 }, /* bfcvt */
    { 0x1e634020, 0x00400000, { 0xd9d25b0a6007b5c7, 0x71df7600d54a2b6c, 0x0079014d0040d47f, 0x3cbb8b6180000000, 0x5dc7a4cea1db9e6a, 0x3024bf71de1ef3d6, 0x85f3d9729306fbb1, 0x9f28e1d41ce43a06 }, { 0x0000000000000041, 0x0000000000000000 }, 0x00000018 }, /* bfcvt */
    { 0x1e634020, 0x00800000, { 0x0f0c53ab6d77b3f2, 0x1c80ec065015e015, 0x7f81234540dd638e, 0x807ea33700374c85, 0xeccebd9d48c797bc, 0xe6528c245e627793, 0xe1762a85afc937bc, 0x80ea321be58acad3 }, { 0x00000000000040dd, 0x0000000000000000 }, 0x00000010 }, /* bfcvt */
    { 0x1e634020, 0x00800000, { 0xff4bcf65fea50b86, 0xfb0a4484fd486011, 0x800180006fcabbca, 0xc4b8d7560032b441, 0x2c7057e30602b9e3, 0x785b00745f3ca450, 0x596cf8c77e11c918, 0x39ae645214a8ac8a }, { 0x0000000000006fca, 0x0000000000000000 }, 0x00000010 }, /* bfcvt */
    { 0x1e634020, 0x00800000, { 0x29db70fdb19d9f53, 0xd9cc73a5bf2910ad, 0x4565a34b3c878000, 0x000000004675ce43, 0x23904904b493bc8c, 0x56b663219f6e38f5, 0x733c75ed334879c4, 0x5c3cb83304661837 }, { 0x0000000000003c87, 0x0000000000000000 }, 0x00000010 }, /* bfcvt */
    { 0x1e634020, 0x00800000, { 0x90b1dcd2cb6039c7, 0x0f16b13561286874, 0xba561d3722d68000, 0x80018000812e8000, 0x7950d247011e0f9f, 0x67de10d861ec3440, 0x8936cf89d4fafc28, 0xa59f362ea1c903d0 }, { 0x00000000000022d6, 0x0000000000000000 }, 0x00000010 }, /* bfcvt */
    { 0x1e634020, 0x00800000, { 0xec7b0ab3651e65d7, 0xf58e2d33114fccdc, 0x3ae1a0143fd8f158, 0xbbae73983f818000, 0x4b32c6dfd50f1ecf, 0xcfc37b706cdf5332, 0xf9e08f6e939c6114, 0x66930ca41c2d9cd6 }, { 0x0000000000003fd8, 0x0000000000000000 }, 0x00000010 }, /* bfcvt */
    { 0x1e634020, 0x00800000, { 0x077659ef8836326f, 0xb2a20676d77125cb, 0x80110eb43f818000, 0x80000000c10f0c00, 0x5c217971033d283f, 0xfca05149f028bdaf, 0x0c408136b07a6714, 0x2b71855422d5d6da }, { 0x0000000000003f81, 0x0000000000000000 }, 0x00000010 }, /* bfcvt */
    { 0x1e634020, 0x00c00000, { 0x75f5bd7192d08bf7, 0xb3b49167bae93720, 0xed848000bc49cb3a, 0x440c2a09b9afdab0, 0xd42b734a68fd1b16, 0xcf647a38a948e4a0, 0x133c04a12c655d69, 0x7050c8e007e1ed93 }, { 0x000000000000bc49, 0x0000000000000000 }, 0x00000010 }, /* bfcvt */
    { 0x1e634020, 0x00c00000, { 0xca8655c257372a88, 0xc60b951f36b8e6dd, 0x7f7f7fffffa00001, 0x801c540cc0c0b5f9, 0x900e44f4d45f41f1, 0xa7a67bf0847da332, 0xdf5a475e6793d4f4, 0x47e862d5d98d4e5d }, { 0x000000000000ffe0, 0x0000000000000000 }, 0x00000001 }, /* bfcvt */
    { 0x1e634020, 0x00c00000, { 0x338acd1b7fa46381, 0x89a9a9cdfa3feb06, 0x806a268e7f812345, 0x99830000c0da9f0b, 0x28df244c7ef92ff7, 0xc046fda7fd61c068, 0xd3d243c3e13619e8, 0x4da8bb04f7f90fdb }, { 0x0000000000007fc1, 0x0000000000000000 }, 0x00000001 }, /* bfcvt */
    { 0x1e634020, 0x00c00000, { 0x311df6ecf7a66b04, 0x5f4ffdaec71766d2, 0xbe9e3f7c3fe33caa, 0x814c0435002e91b8, 0x71cdae1efcde5be8, 0x1f4a16fe07721d5f, 0xa656351cf91a4ea5, 0xe2e3de35295f7378 }, { 0x0000000000003fe3, 0x0000000000000000 }, 0x00000010 }, /* bfcvt */
    { 0x1e634020, 0x00c00000, { 0xfbc6c494dd82139e, 0xcc275a06b6bc3039, 0xb9b6431aa0b8667c, 0x0f37000058188000, 0x7d75484734689b2d, 0x7efa3311f1f5215b, 0x42832bdef0c7fdd9, 0x2fec02e9cba62462 }, { 0x000000000000a0b8, 0x0000000000000000 }, 0x00000010 }, /* bfcvt */
    { 0x1e634020, 0x00c00000, { 0x1d3a3382546030aa, 0x8004705f7a479a4b, 0x8000000041410696, 0x8000000079660000, 0xd87a82909e5fba7f, 0x09cb7ffd2a547acb, 0x00fd278ccbbb00fe, 0xea481e614e0d897f }, { 0x0000000000004141, 0x0000000000000000 }, 0x00000010 }, /* bfcvt */
    { 0x1e634020, 0x01400000, { 0x97c84277e5862dad, 0xf9ccef5d7b1feab6, 0x80370d3e79920000, 0x7f7f8000e39c8000, 0x0ef838c7d3e7e279, 0x0f8fb0d17e0d93fd, 0x903b6ffb42ded79a, 0xe3603d944077ccb5 }, { 0x0000000000007992, 0x0000000000000000 }, 0x00000000 }, /* bfcvt */
    { 0x1e634020, 0x01400000, { 0xc4f809d4d04aae6c, 0xe9bd6be27eec2030, 0xff8000007fc12345, 0x7f800000c1104239, 0xf0c708650872ec08, 0x6d9b388994f80bd0, 0x369a6f50a7270fc7, 0x4d00c7e78e625018 }, { 0x0000000000007fc1, 0x0000000000000000 }, 0x00000000 }, /* bfcvt */
    { 0x1e634020, 0x01400000, { 0xc9d8e994b69992b8, 0x8231bc3714fd0f9d, 0x3f51e50d8077f8dc, 0x006c57302dfcf653, 0x54b651f8756d3f69, 0x0462bfa1478b1f57, 0x27ccb22cfd7b3ca9, 0xcf5b046f1cfbc090 }, { 0x0000000000008000, 0x0000000000000000 }, 0x00000080 }, /* bfcvt */
    { 0x1e634020, 0x01400000, { 0x3af6427fa2021311, 0x79fbfa12794ef377, 0xbd77a2a38a17668d, 0x000080007fc12345, 0xd2b56e4b138f253d, 0x97c7f1af2aa8d437, 0x8886784f14f0685f, 0x4cc9f27445567f4f }, { 0x0000000000008a17, 0x0000000000000000 }, 0x00000010 }, /* bfcvt */
    { 0x1e634020, 0x01400000, { 0x9a341b7ef748e071, 0xfd50fb3c5f724df1, 0x3f80800080147bf0, 0x00512486ff800000, 0xa531c5c38a80efc0, 0xd347c7568c681e1f, 0xb2163d9f6b72a9e3, 0x43ef233474d25470 }, { 0x0000000000008000, 0x0000000000000000 }, 0x00000080 }, /* bfcvt */
    { 0x1e634020, 0x01400000, { 0xdb2c7ab4bb90ecd8, 0x64e84e92dd45fb01, 0xc2e5204bb9cd3378, 0xe2be8000801133a2, 0xd43e102fa1f608de, 0x31a5178164b2134f, 0xb0b1804d81c444a9, 0x019286926f83c660 }, { 0x000000000000b9cd, 0x0000000000000000 }, 0x00000010 }, /* bfcvt */
    { 0x0ea16820, 0x00000000, { 0xc40bec3660b959ec, 0xcc3c2846a9add05f, 0xc417051b43f8b0df, 0x3cec586a3d805c01, 0x81c8cf6556864b11, 0xc3e9c4c9b355a3c7, 0xdc0a910073a31940, 0x1ba33b1ee64e0f72 }, { 0x3cec3d80c41743f9, 0x0000000000000000 }, 0x00000010 }, /* bfcvtn */
    { 0x0ea16820, 0x00000000, { 0xb00875c696370fec, 0x3351280442c31af3, 0xc411f2f7398a019d, 0xaeaf78a394408000, 0xa439a59cc2c814a3, 0xc2d7be07d348cc4a, 0xe0b1444e09f00f52, 0x215d246e1f927bcc }, { 0xaeaf9440c412398a, 0x0000000000000000 }, 0x00000010 }, /* bfcvtn */
    { 0x0ea16820, 0x00000000, { 0x087d96c7303c2c3b, 0xcf92538141963aa3, 0x00033193c4cdb5de, 0x0040e28400569fb5, 0xbf0846538bf94526, 0xd028477486433e2c, 0x6d506a98fee5b350, 0x879ef3939872ac36 }, { 0x004100570003c4ce, 0x0000000000000000 }, 0x00000018 }, /* bfcvtn */
    { 0x0ea16820, 0x00000000, { 0xea66b543ffb384ee, 0x92f69f40d4fe1867, 0x9ec780004436e92f, 0xc3af84b8ff800000, 0xdc8970ffd12481de, 0xbcee48f409277f5d, 0x259da641cac746e3, 0xf8391499310310ae }, { 0xc3b0ff809ec84437, 0x0000000000000000 }, 0x00000010 }, /* bfcvtn */
    { 0x0ea16820, 0x00000000, { 0x16a725bddbaefd0f, 0x8c1f97fb926d0335, 0xb7e7000036e70000, 0x0c3b07eec9de8000, 0xdd5528dba1734ca6, 0xf82686a0a40843bf, 0xc6a8a94b56d75cf8, 0x520bfc7306b0cc41 }, { 0x0c3bc9deb7e736e7, 0x0000000000000000 }, 0x00000010 }, /* bfcvtn */
    { 0x0ea16820, 0x00000000, { 0x02e63d916e349d99, 0xb4301c8e37b8b2e2, 0xa3859f3abb683a5a, 0x008000017fc12345, 0xe4ddf6493a11200c, 0xabf2e8f00ab4814c, 0x97ea9f25a1343b4e, 0xab2c7777a16140b8 }, { 0x00807fc1a386bb68, 0x0000000000000000 }, 0x00000010 }, /* bfcvtn */
    { 0x0ea16820, 0x01000000, { 0x29337a946616ac39, 0x2d99085740b4af21, 0x02bc0000bca750a8, 0x3c0d2d7a3f818000, 0x75c5322624d80105, 0x38864832fe3f5047, 0xdfd6ebe54051df27, 0x2c7e5dec0ff05559 }, { 0x3c0d3f8202bcbca7, 0x0000000000000000 }, 0x00000010 }, /* bfcvtn */
    { 0x0ea16820, 0x01000000, { 0x51581909a637c3b3, 0xedf45e6e811520f4, 0x006cb344c57d3d22, 0x4433c7569935ec79, 0xafd869de935e565e, 0x5a221a8f49c2bd72, 0x31e1f4f039402488, 0x171e176a802886c1 }, { 0x443499360000c57d, 0x0000000000000000 }, 0x00000090 }, /* bfcvtn */
    { 0x0ea16820, 0x01000000, { 0x979a3e43c0c9478c, 0x145e590731eeb603, 0x800000003b78585b, 0x3e28a042804b36de, 0x5bbbf42d1c01a64d, 0x7370ce315e1b9641, 0x7a10192dead0112d, 0xe7b9c177b3ba5a4f }, { 0x3e29800080003b78, 0x0000000000000000 }, 0x00000090 }, /* bfcvtn */
    { 0x0ea16820, 0x01000000, { 0xecf5eb6a43745d3b, 0x75be10c7f7c09b41, 0xb01d0000bad204f0, 0x8f3a800035510000, 0xc29f48ff4b6df78e, 0x6a74003fcfb50fe1, 0xd7d2e71187e9bdbe, 0xe6a0643eebb4c145 }, { 0x8f3a3551b01dbad2, 0x0000000000000000 }, 0x00000010 }, /* bfcvtn */
    { 0x0ea16820, 0x01000000, { 0x078630cc50755987, 0xcb7278d11b5b32f4, 0x806922ee937a98f2, 0x80747eaac0eee968, 0xad1fd7d51ddca74f, 0x2a4616c80fa52dc1, 0xbb6b8f80bcfd37da, 0x9550e74bd2587b35 }, { 0x8000c0ef8000937b, 0x0000000000000000 }, 0x00000090 }, /* bfcvtn */
    { 0x0ea16820, 0x01000000, { 0x54df57339182a683, 0x11d6d2f904c4630e, 0xff7f800000008000, 0x80227595c0b52ee1, 0x6ee89217e8376949, 0x0bcd75e7cca275db, 0x7aeda5512afd27f0, 0xd1c62930d06121bf }, { 0x8000c0b5ff800000, 0x0000000000000000 }, 0x00000094 }, /* bfcvtn */
    { 0x0ea16820, 0x02000000, { 0xf27ce82655c66c3c, 0xca1198397ab96fe4, 0x8bf80000cce50000, 0x80560046f95a0000, 0xf50090de0d9cfe46, 0x294bf52e6504963a, 0x9cba31a549005196, 0xd05316dda0def4b5 }, { 0x8056f95a8bf8cce5, 0x0000000000000000 }, 0x00000018 }, /* bfcvtn */
    { 0x0ea16820, 0x02000000, { 0xd4ea56ea7a8cc41c, 0x701a5c1e20e35a94, 0x199f00006d8a357f, 0x803daed8b0c40000, 0xafcff180c522843a, 0x7cb1afebc3ea8fb2, 0xd5ad30485362f62d, 0x97e3f92874be1881 }, { 0x803eb0c4199f6d8a, 0x0000000000000000 }, 0x00000018 }, /* bfcvtn */
    { 0x0ea16820, 0x02000000, { 0x1db6ebd2012164f0, 0xa40eb169f5961a39, 0x40e94dd9bd9bdb02, 0xbf06a2da33e06b20, 0x08900dcb7d2f46b8, 0x686fa10d24b9b635, 0xae54d526f669e819, 0xe361d20427ee1d89 }, { 0xbf0733e040e9bd9c, 0x0000000000000000 }, 0x00000010 }, /* bfcvtn */
    { 0x0ea16820, 0x02000000, { 0xf03b3b7b107383f2, 0x75f5e45c3a27d875, 0x3f818000bee88a5a, 0xb00c72e7212b0000, 0x5dbb8b88c7398d0c, 0x200154a353593d16, 0x23ebdc91f1ca0aec, 0x7a12d280aa04a5f9 }, { 0xb00c212b3f82bee9, 0x0000000000000000 }, 0x00000010 }, /* bfcvtn */
    { 0x0ea16820, 0x02000000, { 0xa49d3fc25b22f2f2, 0x7ffd2ca3de584b97, 0x4536ab4600800001, 0x3c26161b68460000, 0xaf6cb26784845d55, 0x3db7c013a06ea0af, 0x7ad24e5124cfb62e, 0x8744dd41862a62c2 }, { 0x3c26684645370080, 0x0000000000000000 }, 0x00000010 }, /* bfcvtn */
    { 0x0ea16820, 0x02000000, { 0x746ab3924ee8c687, 0xb52b5a93650056ca, 0xc388e1a23be5240c, 0x001fbbe140df97fc, 0x6cd1fff147498c94, 0x42e504db332cba8d, 0xdf4d2c101845e0b8, 0x18b79b721fe84579 }, { 0x002040e0c3893be5, 0x0000000000000000 }, 0x00000018 }, /* bfcvtn */
    { 0x0ea16820, 0x03000000, { 0x3c7279edde0febb3, 0xc8f9abd68a7778a4, 0x2e8e00003d73f2b0, 0xc1964490d3060000, 0xe653fd5b87717ac7, 0x6196fa5d509dc9f2, 0x6a7c020fe9b2cee1, 0xe26602dba576333c }, { 0xc196d3062e8e3d74, 0x0000000000000000 }, 0x00000010 }, /* bfcvtn */
    { 0x0ea16820, 0x03000000, { 0x3b4a1f36a963905a, 0x5f404e32ed2a01fa, 0x4125955f694a1b2e, 0x3b61cfe67f812345, 0xe2f8b5216e814100, 0xb6356998a3280382, 0xf93cc13bbe14f305, 0x62f025fda572bba3 }, { 0x3b627fc04126694a, 0x0000000000000000 }, 0x00000011 }, /* bfcvtn */
    { 0x0ea16820, 0x03000000, { 0x7a61a5b4f9cad614, 0x67bbe464353e46b8, 0xc19b708c3b823527, 0x9d5a80003b95507b, 0x307208cde9aba914, 0xb4afb9f31b3c3b46, 0xb15593f9100c52b0, 0xca1a3246a744e615 }, { 0x9d5a3b95c19b3b82, 0x0000000000000000 }, 0x00000010 }, /* bfcvtn */
    { 0x0ea16820, 0x03000000, { 0x0b8c8c81f2c34a99, 0x8c50daf2bc3f4a4c, 0x42305d3580018000, 0xcbd480002d848000, 0x2b87002cad0f585e, 0xeb5929b77e54916e, 0xfc1136b25039a3cc, 0x3feaef5d499ea38b }, { 0xcbd42d8442308000, 0x0000000000000000 }, 0x00000090 }, /* bfcvtn */
    { 0x0ea16820, 0x03000000, { 0xeb01c54a78cc1c0c, 0x6481623152d30734, 0x003cac8c80210e58, 0x854180007f7f8000, 0x414397982193a834, 0xd6cdf2f504f40264, 0x81dcd3acb571f360, 0x348f0b9f1f07c886 }, { 0x85427f8000008000, 0x0000000000000000 }, 0x00000094 }, /* bfcvtn */
    { 0x0ea16820, 0x03000000, { 0xf709221954f52697, 0xebc16319edf3891a, 0x19b2fd8300008000, 0x0f4100006b879581, 0x2333e8426900ae5f, 0xfad6a24d09b4d8c3, 0x5438f66ea6ede1b2, 0xdb8c312a510c16f1 }, { 0x0f416b8819b30000, 0x0000000000000000 }, 0x00000090 }, /* bfcvtn */
    { 0x0ea16820, 0x00400000, { 0x0ee9a116e14d929c, 0xed34b0b570ca2eb9, 0x3f4e4d4fcef68000, 0x007fffff003f021e, 0xaaebe2546b6531ce, 0x8cc1546a2c9c482d, 0xb4b4247fe128dbfd, 0x6f8f30ade5b7d50a }, { 0x008000403f4fcef6, 0x0000000000000000 }, 0x00000018 }, /* bfcvtn */
    { 0x0ea16820, 0x00400000, { 0xfa8feb525968b820, 0xd1950adf72506150, 0xf0d80acf8017d051, 0x3a89447401df79e7, 0xa69479c3ee99f923, 0x91cebc25343ce211, 0x5be954cb92043f95, 0xfc1ec17ce68972aa }, { 0x3a8a01e0f0d88017, 0x0000000000000000 }, 0x00000018 }, /* bfcvtn */
    { 0x0ea16820, 0x00400000, { 0x5a54198d86d38acf, 0x1cddd2cfa4517e1a, 0x8035394ebaf03344, 0x9e198000ef9b1c84, 0x50adac17a85ca102, 0xebb90fa6358418c0, 0x6ed06566da1320f1, 0xec09a9bac2911af0 }, { 0x9e19ef9b8035baf0, 0x0000000000000000 }, 0x00000018 }, /* bfcvtn */
    { 0x0ea16820, 0x00400000, { 0xc09aec12398684c5, 0xa8cbc3ec9dd4188c, 0x805e4a15c3106958, 0x4418af63f3cc0000, 0x1fb2e1b3c6d2b295, 0x63b5171966c112b0, 0xefb91b8abf343c95, 0x74b81d5b438fd1ac }, { 0x4419f3cc805ec310, 0x0000000000000000 }, 0x00000018 }, /* bfcvtn */
    { 0x0ea16820, 0x00400000, { 0xd07c8a52a6d7250f, 0x27de16d103f82885, 0x409a86e399488000, 0x203d8000fd370000, 0x0b1ba6726bf8ecb2, 0xfe9c99df8f5471eb, 0x20b6f032ecfbc3c8, 0x66a053a14335c64f }, { 0x203efd37409b9948, 0x0000000000000000 }, 0x00000010 }, /* bfcvtn */
    { 0x0ea16820, 0x00400000, { 0xca6d3b27c80dde03, 0xce97aff675d4257f, 0x800000003eabc0d7, 0xb9bec6c480ad0000, 0xd4191f6c5a86f416, 0x0c32870c85f03c7e, 0x3f517f6be0770386, 0xe65aef6c5205cc01 }, { 0xb9be80ad80003eac, 0x0000000000000000 }, 0x00000010 }, /* bfcvtn */
    { 0x0ea16820, 0x00800000, { 0xad0d6f437de0e7d9, 0x9519f54d7f75f056, 0x002b41b5c4fed1a9, 0x311d40eb8022fdfd, 0xf75e96f4202d3846, 0x0063da830347b3b6, 0xc0f9982800791151, 0x3035b93842719733 }, { 0x311d8023002bc4ff, 0x0000000000000000 }, 0x00000018 }, /* bfcvtn */
    { 0x0ea16820, 0x00800000, { 0xae35acf92dccd8dd, 0xa339b3279be2d62c, 0xf18307e37fc12345, 0x0080000090e78000, 0xe5f33ebabf3ac6bd, 0xc03e99ca24c2bc70, 0xb6f07dbc9dba2508, 0x7b9afc85e82d1342 }, { 0x008090e8f1847fc1, 0x0000000000000000 }, 0x00000010 }, /* bfcvtn */
    { 0x0ea16820, 0x00800000, { 0x8e44c0a0f919d9e4, 0xea05f57ee30f1357, 0x7fc12345ae990383, 0x645e8000bba11d78, 0x4c65b6499a0b9d8f, 0x435c2cd0ea810974, 0xbc8c299266f4d666, 0x0ac1d206a954664a }, { 0x645ebba27fc1ae9a, 0x0000000000000000 }, 0x00000010 }, /* bfcvtn */
    { 0x0ea16820, 0x00800000, { 0x3aa4fe8e45da1c06, 0x1c8d04f5bf2a69be, 0x3f808000c2b85f62, 0x3a7ebc45be0e0f51, 0x7cd35adb70887c35, 0x5ee0f34268eac18d, 0x1e4eb2562026d74e, 0x34e8c0cb4dfa8960 }, { 0x3a7ebe0f3f80c2b9, 0x0000000000000000 }, 0x00000010 }, /* bfcvtn */
    { 0x0ea16820, 0x00800000, { 0xb8e5a3f8bc0b2472, 0x0ea1d779f6406eba, 0x447bb7d4bdca299a, 0x361c000034148000, 0x6fbd9e39a64f4c10, 0x628901000242d688, 0xe4b9c30f2a68f125, 0xf17cf647232ac987 }, { 0x361c3414447bbdcb, 0x0000000000000000 }, 0x00000010 }, /* bfcvtn */
    { 0x0ea16820, 0x00800000, { 0x9b6707da05461dd4, 0x8493391eeaaf64ef, 0x3c6fc749be5fe53f, 0xa033e70cbb0fd5a1, 0x5ecb9b737dd9a844, 0x53bd0fa0cc688a14, 0xfbae89213a905e00, 0x5c80154a2a4afebc }, { 0xa034bb103c6fbe60, 0x0000000000000000 }, 0x00000010 }, /* bfcvtn */
    { 0x0ea16820, 0x00c00000, { 0x5bd3e44ffbf44441, 0x791a8c3228889c89, 0x3bb1d3587f7fffff, 0x3e652c33bc31e0bc, 0xdc6bc14afdef036f, 0x929ffcb93eebe6a9, 0xf877dfa7fcf2bb24, 0x4f7797fbf6651752 }, { 0x3e65bc313bb17f7f, 0x0000000000000000 }, 0x00000010 }, /* bfcvtn */
    { 0x0ea16820, 0x00c00000, { 0x4d398ca9a9de49fc, 0xbd9768a150fe0a6f, 0x00800001d8550000, 0x403132b5e72b8000, 0x8e1c71e142443a9f, 0x321534217cc9f52a, 0xe6a65c5fea686c40, 0xd9d67e0f9b1fac98 }, { 0x4031e72b0080d855, 0x0000000000000000 }, 0x00000010 }, /* bfcvtn */
    { 0x0ea16820, 0x00c00000, { 0x52d6ced5ddd3b5c1, 0x511085fff1e942ea, 0x806164433ed3b89d, 0xfb7d756d44ce0079, 0x966255faacff1b62, 0xa9afb07d7ea47dd4, 0xe0321a6f22a2c02f, 0xa1b71963d08c6e6f }, { 0xfb7d44ce80613ed3, 0x0000000000000000 }, 0x00000018 }, /* bfcvtn */
    { 0x0ea16820, 0x00c00000, { 0xe9772642a31d0d73, 0x142e8da957e40ba9, 0xc09f475fc22636ec, 0xb1860000f461f936, 0x4ce49b92109f6a6e, 0x364c0860e05d0f3a, 0x9ea9ba31e0713ba4, 0x1adb2824d92db0d3 }, { 0xb186f461c09fc226, 0x0000000000000000 }, 0x00000010 }, /* bfcvtn */
    { 0x0ea16820, 0x00c00000, { 0x67eed7b4130dbf72, 0x769e7a2a7eb2388c, 0x8047ca51bd0363e2, 0x7f7f7fff00800000, 0xf61d50dc035b3e0f, 0xe692c9b1dd35ebb3, 0xc93d26f557cb0ca4, 0xfb101772494933bd }, { 0x7f7f00808047bd03, 0x0000000000000000 }, 0x00000018 }, /* bfcvtn */
    { 0x0ea16820, 0x00c00000, { 0xbdc2112604d4ee9a, 0xc626dc74a3bba1c7, 0x80295b792cb48000, 0xba71bec73bd30b9f, 0x16e9b3f7257136fd, 0xd3391aa42609cbd0, 0x7b3eefc38dc32c47, 0x81052c71a8255bdf }, { 0xba713bd380292cb4, 0x0000000000000000 }, 0x00000018 }, /* bfcvtn */
    { 0x0ea16820, 0x01400000, { 0x3a4dddf7e40806a8, 0x0e98d51d705ebca5, 0xbf8bdbbe0fd28000, 0x41c69f852fb28000, 0x83c02047cf65963e, 0x16f71eaa0e7d1292, 0xc37ed5357f190c37, 0x8dac2e6655fcd3ef }, { 0x41c72fb3bf8b0fd3, 0x0000000000000000 }, 0x00000010 }, /* bfcvtn */
    { 0x0ea16820, 0x01400000, { 0x4250dd2c1f0e3188, 0x31a6316add5b4feb, 0xe32f00000e4c8000, 0x942a00005f4d0000, 0xcfa96d851573d232, 0x1ab78f62cbc7f916, 0x29e160afe644f364, 0xef4018eff1dc2382 }, { 0x942a5f4de32f0e4d, 0x0000000000000000 }, 0x00000010 }, /* bfcvtn */
    { 0x0ea16820, 0x01400000, { 0x57b6e797abcd3b45, 0xbfc53bb2705ad073, 0x040d7f663e260000, 0xff7f80000051f005, 0x69039516fafd3a1f, 0x0a2d96d68053a7ab, 0xe92432ce59078a24, 0x6b99e83a6d738c30 }, { 0xff7f0000040e3e26, 0x0000000000000000 }, 0x00000090 }, /* bfcvtn */
    { 0x0ea16820, 0x01400000, { 0x678df147fa9c6728, 0x5006f923755995e6, 0xf66800004547269f, 0x3d1f3ff80b9ddafc, 0x3e04292e114252a9, 0xebf70792ef395c4c, 0xaa910eb254d1bdf4, 0x1f11adf3f4b7e38f }, { 0x3d200b9ef6684548, 0x0000000000000000 }, 0x00000010 }, /* bfcvtn */
    { 0x0ea16820, 0x01400000, { 0x337d096cddc78f88, 0xf4973b2c4140e297, 0x3ef926fd8011fd32, 0x19990000b79f0000, 0x20061e1f28c9924e, 0x03e25d9ab36152ea, 0x1b0341fda1906acf, 0x6b92eb04002419da }, { 0x1999b79f3efa8000, 0x0000000000000000 }, 0x00000090 }, /* bfcvtn */
    { 0x0ea16820, 0x01400000, { 0x29328be44ccb6769, 0x444d2ab5cda80be7, 0x4ef0800000800000, 0x7f80000042f0307f, 0x661e2692d45ad22d, 0x6a4a9ee724914cc9, 0x94e698a51f327c10, 0xf9167317efc11ce8 }, { 0x7f8042f14ef10080, 0x0000000000000000 }, 0x00000010 }, /* bfcvtn */
    { 0x4ea16820, 0x00000000, { 0xf8fe407b5a66a4d1, 0xa2530aa31a517dd8, 0x6bb8fd780cf40000, 0x72e76df6c6158000, 0xa0b92915bd155314, 0xd7845b38003d3cb2, 0x67492c418c722a4b, 0x7dac32a62f173cdf }, { 0xf8fe407b5a66a4d1, 0x72e7c6166bb90cf4 }, 0x00000010 }, /* bfcvtn2 */
    { 0x4ea16820, 0x00000000, { 0xf75b8491cbd1c566, 0xdbe667a7da43ff6c, 0xc47335b200104c1c, 0xc1e756bb3b971ff8, 0x8cff94f2c40ff1f6, 0x614ab7617b6f5395, 0x9db0c54318dbc872, 0xaa3b353897d22362 }, { 0xf75b8491cbd1c566, 0xc1e73b97c4730010 }, 0x00000018 }, /* bfcvtn2 */
    { 0x4ea16820, 0x00000000, { 0xf21fb3bf69511fa4, 0x18304e49c906d49b, 0x3c87d616005506e2, 0xc3b408473aa3706a, 0x1bee9ecdf76afed4, 0x55669da2d5b31e29, 0x42ea5caf3bb0d255, 0x803063dd9edb86b1 }, { 0xf21fb3bf69511fa4, 0xc3b43aa33c880055 }, 0x00000018 }, /* bfcvtn2 */
    { 0x4ea16820, 0x00000000, { 0x021e80059829bdfc, 0xcd7752f48dc71187, 0x7f7f7fff06f28000, 0x403e62c3b9ace606, 0x68c9bc3a6bd9e0cd, 0x86b7c67c55f7c04c, 0x0632ed10513dbccc, 0xd6d4d42b600374b5 }, { 0x021e80059829bdfc, 0x403eb9ad7f7f06f2 }, 0x00000010 }, /* bfcvtn2 */
    { 0x4ea16820, 0x00000000, { 0x7a7faa4aa6b0ff1c, 0xa8eb932233e5d9e2, 0xb8ac80004ed2a164, 0x43e4f634db76c8c5, 0x3a0431ca47b29a07, 0xbad9da79513d9ef3, 0x3be963f22d3a390e, 0x078b89865d37cefc }, { 0x7a7faa4aa6b0ff1c, 0x43e5db77b8ac4ed3 }, 0x00000010 }, /* bfcvtn2 */
    { 0x4ea16820, 0x00000000, { 0x1f1fffe7d9639e61, 0x64a6b937ffc0e11d, 0xff7f80004560b731, 0x000b8e5800456a40, 0x3b807733718e2798, 0x9f6db51f0bb9ddd7, 0xb81c0806973b3bac, 0xffc684087e1826db }, { 0x1f1fffe7d9639e61, 0x000c0045ff804561 }, 0x0000001c }, /* bfcvtn2 */
    { 0x4ea16820, 0x01000000, { 0x26a0dcb16c9ac056, 0x04cc7d3230552056, 0x79d84b23455a05a5, 0x43ae2fad7f812345, 0x279b21d42aad37c7, 0x8cb7f952779d7c68, 0x6ae7bb8e22805c90, 0x3aee79a165127829 }, { 0x26a0dcb16c9ac056, 0x43ae7fc179d8455a }, 0x00000011 }, /* bfcvtn2 */
    { 0x4ea16820, 0x01000000, { 0x3763b92fc1717699, 0xdbc11579c8151234, 0x00104f5c7f7fffff, 0x754c000028f88000, 0x3b2d090c26c48b86, 0xb2a6a97958f92311, 0x4583f1a6da4c3517, 0xb2b54014932d08bd }, { 0x3763b92fc1717699, 0x754c28f800007f80 }, 0x00000094 }, /* bfcvtn2 */
    { 0x4ea16820, 0x01000000, { 0x61291d686b86ddec, 0x72701a8ed7f52b57, 0xff7f80007622a705, 0xce3d80000028a6e8, 0xb9316be814b4e961, 0x763c18bb856df8f3, 0x894d12c8e9837fc2, 0x648cc908e40dc9bd }, { 0x61291d686b86ddec, 0xce3e0000ff807623 }, 0x00000094 }, /* bfcvtn2 */
    { 0x4ea16820, 0x01000000, { 0xe0121122755c1d6e, 0xc51ff90e98b43ed4, 0xc00b827696d208ec, 0x3f71ec7512bb8000, 0x27d74e0e227886e1, 0x8121c6d66f99efac, 0x42eecca2762eb773, 0x748aa861c23b56dd }, { 0xe0121122755c1d6e, 0x3f7212bcc00c96d2 }, 0x00000010 }, /* bfcvtn2 */
    { 0x4ea16820, 0x01000000, { 0x1bc856648bd13730, 0x8c07ee4a22d1595e, 0x19da80001fa58000, 0xff7f80003f6dc65a, 0xe505eca5e8e4a2e2, 0xbe146f99280f9327, 0x3b9b53b2a05da5c1, 0xea22102efb584eca }, { 0x1bc856648bd13730, 0xff803f6e19da1fa6 }, 0x00000014 }, /* bfcvtn2 */
    { 0x4ea16820, 0x01000000, { 0xa8c1721360ca0cd7, 0xb7e27212af0e4d0e, 0x00000000372a8000, 0x131970be44a09c48, 0x5fc99d8a4cca6d50, 0x27d66b7e7c76ad8a, 0x441e46918c366251, 0x522732001b56bad5 }, { 0xa8c1721360ca0cd7, 0x131944a10000372a }, 0x00000010 }, /* bfcvtn2 */
    { 0x4ea16820, 0x02000000, { 0x4b1fcc201c5402e0, 0x43956a55ecfa12e5, 0x39b78708ff7f8000, 0xbe0fb07ec1abcfd4, 0xb039dc4fe2bc32bc, 0x0a17e81c9f9065d9, 0x50c8cf0368a91352, 0xaf1e3fffcdbed5f4 }, { 0x4b1fcc201c5402e0, 0xbe10c1ac39b8ff80 }, 0x00000014 }, /* bfcvtn2 */
    { 0x4ea16820, 0x02000000, { 0x63b90b982d90555f, 0x76237cddf71fc235, 0x7f8123457eff5535, 0x005970c23ccd99f7, 0x5401025b597a8466, 0x8fef3e6db039a8ee, 0xf2066d261050203f, 0xeb39728c93016fbf }, { 0x63b90b982d90555f, 0x00593cce7fc07eff }, 0x00000019 }, /* bfcvtn2 */
    { 0x4ea16820, 0x02000000, { 0xa6b8fe3ba2cb62a0, 0x52e16372b3c85c65, 0xbca62c7c3c509440, 0xbffb42ca0063b1f3, 0x384880b80212e196, 0x57f86ac3693661d5, 0xd5c19b67deead856, 0x9397dbac4027d866 }, { 0xa6b8fe3ba2cb62a0, 0xbffb0064bca63c51 }, 0x00000018 }, /* bfcvtn2 */
    { 0x4ea16820, 0x02000000, { 0x462c43b576f14e56, 0x7ea54bba7b11f94a, 0xff80000000800001, 0x41890c17bc738ee8, 0xd2af5f3d213382fd, 0xece0a57092befab8, 0xad2c2cad51e8294d, 0xc3d21d4d60d60a5f }, { 0x462c43b576f14e56, 0x4189bc74ff800080 }, 0x00000010 }, /* bfcvtn2 */
    { 0x4ea16820, 0x02000000, { 0x0d115b88adc8d18b, 0x3b772781514642e8, 0xbe155636bbfe022f, 0xc4288c0abde32d63, 0x83cb5e29ccf251ad, 0x1f2fa8ec15567e4e, 0x77c2e047554e8132, 0x166b2e3f790210b0 }, { 0x0d115b88adc8d18b, 0xc429bde3be15bbfe }, 0x00000010 }, /* bfcvtn2 */
    { 0x4ea16820, 0x02000000, { 0x4271925974403891, 0xe38b6ac1a8f4bca0, 0x8023711b7d0ffb5c, 0xbb280fb6b7d58000, 0x75e8165c69259000, 0xcf5189699cd3db20, 0x788c43776954b496, 0x2701e372b4c7f87f }, { 0x4271925974403891, 0xbb28b7d680237d10 }, 0x00000018 }, /* bfcvtn2 */
    { 0x4ea16820, 0x03000000, { 0xce5a543e8fc1884f, 0xf84e59a6c28bf89f, 0x3c6a8179c193203b, 0xb98c9e2e4216ff5f, 0x516b7e3d575e3f57, 0x242ff6545047b6e9, 0xb618890b585fa3c4, 0x85fecb3a76796d83 }, { 0xce5a543e8fc1884f, 0xb98d42173c6bc193 }, 0x00000010 }, /* bfcvtn2 */
    { 0x4ea16820, 0x03000000, { 0x31ddd4038e4e9f98, 0xb7488c8c0048e4a7, 0xbbb65503bbb576fb, 0xee658000bc692b92, 0xeac38ec3a439668e, 0x014dce42ee7f77c3, 0x88a0ada6295e19ec, 0x1c97a3324c095edf }, { 0x31ddd4038e4e9f98, 0xee66bc69bbb6bbb5 }, 0x00000010 }, /* bfcvtn2 */
    { 0x4ea16820, 0x03000000, { 0xfbec0b5c36591ba2, 0x7f6af482392d0115, 0x31a10000c4abbaa9, 0xf10c3a73804669c3, 0xfb2f20e6854b3b2c, 0x30536c7ab15ee65a, 0x592c1cb8d5628d16, 0x3b3f2b8b36d1cd8c }, { 0xfbec0b5c36591ba2, 0xf10c800031a1c4ac }, 0x00000090 }, /* bfcvtn2 */
    { 0x4ea16820, 0x03000000, { 0x7c658b36b7508d17, 0x7a5764180c2589cd, 0x3eb5400d4259ba75, 0x3eee761a8b8f8f16, 0xfcb8399bb9800db3, 0x4a1186baed960168, 0xd74f2d7ed334776a, 0x5f69ec33676a8504 }, { 0x7c658b36b7508d17, 0x3eee8b903eb5425a }, 0x00000010 }, /* bfcvtn2 */
    { 0x4ea16820, 0x03000000, { 0xdd954894a9b9910e, 0xd05f6b461ff761ac, 0xc23dd0cfbfba34af, 0xbd213711bd931763, 0x6c0475909d72b9cb, 0xf696654c2b2f4e78, 0x0598bd228cad8ee4, 0x38c433798af9ecf9 }, { 0xdd954894a9b9910e, 0xbd21bd93c23ebfba }, 0x00000010 }, /* bfcvtn2 */
    { 0x4ea16820, 0x03000000, { 0x1793a032f8c80160, 0xcaf98afe3dd1c962, 0x7b22800000800000, 0xbc59e0819693f0aa, 0xdce27d9c08a223ff, 0x2c95e7f9acb47878, 0x9eddfc33e0ec0e88, 0x4f454cd0d4d57495 }, { 0x1793a032f8c80160, 0xbc5a96947b220080 }, 0x00000010 }, /* bfcvtn2 */
    { 0x4ea16820, 0x00400000, { 0x36df358058cb5b3c, 0x1007e37304df828a, 0x10cf20ef412209b7, 0xbb268ae73c1e8da0, 0xb6fee3f4e1fa82d2, 0x943d32b3206d8357, 0x32285a5d36056d91, 0x4fd87a64e694230a }, { 0x36df358058cb5b3c, 0xbb263c1f10d04123 }, 0x00000010 }, /* bfcvtn2 */
    { 0x4ea16820, 0x00400000, { 0xdee3d31a1da889cc, 0x86d5349e05362bdf, 0x0000000000008000, 0xba7011c2a2539ce5, 0x17d89bb46096d895, 0x93b4a66f163b7064, 0x6b35e7ae17cf9f84, 0x9c5532f3888161bb }, { 0xdee3d31a1da889cc, 0xba70a25300000001 }, 0x00000018 }, /* bfcvtn2 */
    { 0x4ea16820, 0x00400000, { 0x90b7929ab88f6db8, 0x7a218b2479541d63, 0x0028374a57de401d, 0xbdc8de67ef850000, 0x87d9f659f25f2fbd, 0x63648a8d8ec3dea2, 0x5197ecd83dc3b19f, 0x4839e479e91fb13c }, { 0x90b7929ab88f6db8, 0xbdc8ef85002957df }, 0x00000018 }, /* bfcvtn2 */
    { 0x4ea16820, 0x00400000, { 0x1d8ee2e429ba415e, 0x46684db983eaa25c, 0x0080000000000000, 0x000080003c80f24b, 0xb680476a9f63e758, 0x224e12300363f696, 0xe53988ec6cbc54fb, 0x4f6e6eaff4cb7292 }, { 0x1d8ee2e429ba415e, 0x00013c8100800000 }, 0x00000018 }, /* bfcvtn2 */
    { 0x4ea16820, 0x00400000, { 0x4d93084ef64200f7, 0xea94954b095c5936, 0x3d22800067dd8000, 0xc02f13f939d79286, 0xe031c4c3e28d8ea4, 0x0ede041c0e8dbcb9, 0xb24d7a177168a980, 0x0b11aa32213618d3 }, { 0x4d93084ef64200f7, 0xc02f39d83d2367de }, 0x00000010 }, /* bfcvtn2 */
    { 0x4ea16820, 0x00400000, { 0xbdbad6188bac2022, 0x8f709f8db47330e2, 0x443b7694cb1b0000, 0x3d4b946c1a618000, 0xaefc49cba51bf411, 0x49aea34fc55ce7b9, 0x365bf762b1749036, 0xd43bb867d218b496 }, { 0xbdbad6188bac2022, 0x3d4c1a62443ccb1b }, 0x00000010 }, /* bfcvtn2 */
    { 0x4ea16820, 0x00800000, { 0xfb3036a64dfd607f, 0x91d0928518cf657f, 0xc0729f08c3aef456, 0x3de839bf3d853f69, 0x10b3d172595e0f66, 0x2892f66a7e73aaf8, 0x7b1d80a2a460f3ad, 0x459209441575790a }, { 0xfb3036a64dfd607f, 0x3de83d85c073c3af }, 0x00000010 }, /* bfcvtn2 */
    { 0x4ea16820, 0x00800000, { 0xf94920bc4dd09178, 0xf44cb2d48ff46e5a, 0x416385a43db1af63, 0x8006c353007fffff, 0xfd00a58141819205, 0x3137cee771e4b061, 0x244e56d4d2a54141, 0x257b11e98d7e7b83 }, { 0xf94920bc4dd09178, 0x8007007f41633db1 }, 0x00000018 }, /* bfcvtn2 */
    { 0x4ea16820, 0x00800000, { 0x1fc53112c1e207b4, 0xf76d1fd18160aebb, 0xde1680003a69f2dd, 0x7f812345bd4d2c5b, 0xc3a0b94af40896f7, 0x3d281633c52fda1a, 0x5b07966b944c432e, 0x4acec1087841d028 }, { 0x1fc53112c1e207b4, 0x7fc1bd4ede173a69 }, 0x00000011 }, /* bfcvtn2 */
    { 0x4ea16820, 0x00800000, { 0xb0f2941cf1d05988, 0x33d0861b81629b3b, 0x50a08000bda985c3, 0x807a25823c108000, 0x31122cbf5a675f39, 0xec9461baa96d7fc7, 0x859e23cf4168b4f8, 0x498f22c5247a5b91 }, { 0xb0f2941cf1d05988, 0x807b3c1050a0bdaa }, 0x00000018 }, /* bfcvtn2 */
    { 0x4ea16820, 0x00800000, { 0xfe01deea2d1a6b66, 0x80a8c7137ed64630, 0xe0966e80e24a8000, 0x00800001e00b0000, 0xab414b4c45477edd, 0xa7ea55f0ad09e760, 0x3d2c8d5d6b9a2cae, 0xf102cac994bdf377 }, { 0xfe01deea2d1a6b66, 0x0080e00be097e24b }, 0x00000010 }, /* bfcvtn2 */
    { 0x4ea16820, 0x00800000, { 0x365662a3fc24b551, 0xc9cc51aa34ad887b, 0xffa00001895d0000, 0x11c2c89f00800001, 0x50363671455f0c3d, 0x4a1bcdc52b5b1d65, 0x6f3a06b3b058521f, 0x7f003e86c199857b }, { 0x365662a3fc24b551, 0x11c20080ffe0895d }, 0x00000011 }, /* bfcvtn2 */
    { 0x4ea16820, 0x00c00000, { 0xf6d072d18bb688b1, 0x573b7f0bc7d5e9e0, 0xbea217d65f560000, 0x09c580000078a4bb, 0xabad6e9fa49d0889, 0xc8025c367c3730d8, 0xb7ac6ca72a6a68b9, 0xcbbf9f9ed7e3b228 }, { 0xf6d072d18bb688b1, 0x09c50078bea25f56 }, 0x00000018 }, /* bfcvtn2 */
    { 0x4ea16820, 0x00c00000, { 0x83ec14239a7dff4c, 0x6e2f4c1c52bb57b2, 0xc43ccf7bbc3bcb50, 0x7f7f80004495f872, 0xff62549c4f3fc91d, 0xc918bc21e2ee51cf, 0xadd81870edde1eac, 0xfc0ad96fab758991 }, { 0x83ec14239a7dff4c, 0x7f7f4495c43cbc3b }, 0x00000010 }, /* bfcvtn2 */
    { 0x4ea16820, 0x00c00000, { 0x62db52bf55f726c2, 0x4a7ec5ebc253380f, 0xc9e78000bc6ea1d6, 0xbaa5e628f0348861, 0x0ce37fb656ee45d2, 0x5fd10cd012daadd9, 0x4f9b3b48cc6b4ec2, 0xa5a39b70ff4668df }, { 0x62db52bf55f726c2, 0xbaa5f034c9e7bc6e }, 0x00000010 }, /* bfcvtn2 */
    { 0x4ea16820, 0x00c00000, { 0xe8421be365a533ce, 0xbd1ad30ff8094a29, 0x0000800042b8b291, 0x4b510000ff7f8000, 0x0998c2075c4211a3, 0x224399493aca9d40, 0x8710f80cf944587a, 0x12f530b5263b8e4a }, { 0xe8421be365a533ce, 0x4b51ff7f000042b8 }, 0x00000018 }, /* bfcvtn2 */
    { 0x4ea16820, 0x00c00000, { 0x133f35e0e4f12bd6, 0xaa30573dc40afc01, 0x803ef9e521518518, 0xf5a200008039fb0f, 0x12f76945b28596a7, 0x3f76340882c5d44a, 0x6c35fa6082f80d62, 0xe108e14e37a2e5f8 }, { 0x133f35e0e4f12bd6, 0xf5a28039803e2151 }, 0x00000018 }, /* bfcvtn2 */
    { 0x4ea16820, 0x00c00000, { 0x37315a62a3adde33, 0xf45398bde4c5694f, 0x444ec04ac1a93a3c, 0x39b0a25c43f35c08, 0x01ba11a03a9a7f8e, 0x56b42ddc426368f1, 0xa71fa49c6be3b260, 0x304c8a9a079ced04 }, { 0x37315a62a3adde33, 0x39b043f3444ec1a9 }, 0x00000010 }, /* bfcvtn2 */
    { 0x4ea16820, 0x01400000, { 0x4ba767ed62b415de, 0x5a4d51b30325ca75, 0xff7f80007ef3ed8b, 0xbcfd80003c06f45b, 0xf863c7799f5fa2ad, 0x5b7b72c3628c16a8, 0x8416d39c8c93a485, 0x4fcc436ce0eb028c }, { 0x4ba767ed62b415de, 0xbcfd3c07ff7f7ef4 }, 0x00000010 }, /* bfcvtn2 */
    { 0x4ea16820, 0x01400000, { 0xffb05bb88ca9f789, 0x7c5d16c125706626, 0xbdd38000802fd7c4, 0x8079d16480018000, 0x75bacf45189c464c, 0xbd16b264e6f56dc0, 0x5e42e550d1edf71b, 0x5fca4532a1ba8a35 }, { 0xffb05bb88ca9f789, 0x80008000bdd38000 }, 0x00000090 }, /* bfcvtn2 */
    { 0x4ea16820, 0x01400000, { 0x850d3f1c5fdfd261, 0xf1b7bc3fc1d2d585, 0x147e800042424f28, 0x803eb06023080000, 0xdeb01f890ce5b230, 0xa4289fc47b7ef554, 0xd7aa55b549e3ddbe, 0x16c685114b3ab585 }, { 0x850d3f1c5fdfd261, 0x80002308147f4243 }, 0x00000090 }, /* bfcvtn2 */
    { 0x4ea16820, 0x01400000, { 0x0db5864cf2ed01ae, 0x7c4400db9027702d, 0xc52913843c587ebc, 0x8009479dc6431143, 0xcc70ee7346905dbc, 0x2745e4d72bb39207, 0xe5ac8923328694e3, 0x893bf11885cec10a }, { 0x0db5864cf2ed01ae, 0x8000c643c5293c59 }, 0x00000090 }, /* bfcvtn2 */
    { 0x4ea16820, 0x01400000, { 0x5632eecaa3445e08, 0xd052b47fc5bc54b4, 0xbb540e903e138dd8, 0x5c07d059dcdfd28f, 0x67fb22f62e85e7e8, 0x5a731250f3121627, 0xc41cd74063235bcb, 0x3b6db2075f328fbc }, { 0x5632eecaa3445e08, 0x5c08dcdfbb543e14 }, 0x00000010 }, /* bfcvtn2 */
    { 0x4ea16820, 0x01400000, { 0x8a929ae3c79e85a3, 0x27d511dd57d4b068, 0x4050dbba80000000, 0x47a88000f85a8000, 0xb176cbc0c5fcce84, 0xf56d8bf18ea61619, 0x7e3990aafe17fc75, 0x615935c20c006ecd }, { 0x8a929ae3c79e85a3, 0x47a9f85a40518000 }, 0x00000010 }, /* bfcvtn2 */
    { 0x2e42fc20, 0x00000000, { 0x800ae7777f7fffff, 0x7fc12345005149b7, 0x3e644095810f7e5c, 0x000101060219fd7d, 0x9a5e02bc01574219, 0xc1107f7f7f7fbe0f, 0x0c65b002b90a7e0a, 0xe2ca4ea0e1caa876 }, { 0x9945b7ff7f800000, 0x0000000000000000 }, 0x00000000 }, /* bfdot_2s */
    { 0x2e42fc20, 0x00000000, { 0x807f008542aa999c, 0xbf349bf8bff45d3c, 0x7ee47ee440a140a1, 0xb988b988066c066c, 0xc109c109ff80ff80, 0x04a404a43e8a3e8a, 0x4693b3c87f93b4e0, 0xe20f93792a0fab89 }, { 0xff800000ff800000, 0x0000000000000000 }, 0x00000000 }, /* bfdot_2s */
    { 0x2e42fc20, 0x00000000, { 0x0080000051d90000, 0xc250f4ebbddc779d, 0xbcd0bcd000000000, 0xc27ec27e857d857d, 0x4090c090ff7f7f7f, 0x800100017fd3ffd3, 0x5eda69221ef89ac2, 0xbe8839dfc1559b77 }, { 0x0080000051d90000, 0x0000000000000000 }, 0x00000000 }, /* bfdot_2s */
    { 0x2e42fc20, 0x00000000, { 0x3e9a3d820021a6ef, 0xbd744ad03f818000, 0xde9cf8e4bdc60000, 0xbd9d01759c343edc, 0xbc803f73c023c210, 0x3df940eb7fc18000, 0x53cf6d776c2f1477, 0x38fb948a0482b79f }, { 0xf8d86bff3e7c2400, 0x0000000000000000 }, 0x00000000 }, /* bfdot_2s */
    { 0x2e42fc20, 0x00000000, { 0x433977788010949b, 0x44ce377e03f45e6a, 0xbd62bd62c228c228, 0xc0bac0babe6cbe6c, 0xf09700013e9abc80, 0xc2027fc140b23d32, 0x8fbb2903ad08438a, 0x3f79aa7c0329f18d }, { 0x6e854e01c13fa000, 0x0000000000000000 }, 0x00000000 }, /* bfdot_2s */
    { 0x2e42fc20, 0x00000000, { 0x00800001eb6a8000, 0x7f7f8000feed8000, 0x41db40f13cc285e7, 0xbe11f8ea41f3c0f5, 0xc0d3c031814cbedc, 0x3ee1bea9c222bf7a, 0xc0336660ef5c1a3f, 0xa75e70fbe155cdcb }, { 0xc349551feb6a7fff, 0x0000000000000000 }, 0x00000000 }, /* bfdot_2s */
    { 0x2e42fc20, 0x03c00000, { 0x3a329a5f7be1ad44, 0x53068000c233281d, 0x40d840d8fac8fac8, 0x7fc17fc142164216, 0x3d2c4083420c3cd4, 0x3cedbe86beb73294, 0x3abf65ed324c4e53, 0x5be923c1b6ef220f }, { 0x41df55e5fd3eb3bf, 0x0000000000000000 }, 0x00000000 }, /* bfdot_2s */
    { 0x2e42fc20, 0x03c00000, { 0xff7f800045df8000, 0x0048819b002bdae0, 0x03213decc00e7b52, 0x412a3f7efa76be14, 0x3c85bec50314bc97, 0xbe3ebeac3f39bd05, 0x6c844499527a9828, 0x65c81af1634d6718 }, { 0xff7f8001f877bc01, 0x0000000000000000 }, 0x00000000 }, /* bfdot_2s */
    { 0x2e42fc20, 0x03c00000, { 0x83df0407e8ea1eff, 0xbb714c2af051f32c, 0xc1a43f4bbe94bd9c, 0xc01b227e789d40b9, 0x3fd580a33f8fbd03, 0xbdbe4255ff807f7f, 0x369b23d51a128532, 0xd5688bd53d51acb8 }, { 0xc2087401e8ea1eff, 0x0000000000000000 }, 0x00000000 }, /* bfdot_2s */
    { 0x2e42fc20, 0x03c00000, { 0xc421fe52002c949b, 0x3d9d76e0bbcd0e79, 0xbe6d3ec8bd0dbd31, 0xf85440d83e29c104, 0xbcb4000100007c88, 0xc099bd10040e7865, 0xf2e69e31ce6b2d32, 0xec044386bd4af7e8 }, { 0xc421fdfffa3c1000, 0x0000000000000000 }, 0x00000000 }, /* bfdot_2s */
    { 0x2e42fc20, 0x03c00000, { 0x3fd76d663f840842, 0xbec83fbfbe50b016, 0xbc9dbc9d41554155, 0xbe3dbe3dc006c006, 0x41a4c1a4c0f440f4, 0x3fc7bfc7419dc19d, 0x3e9ba7aa4f6416a1, 0x2dceb3ccedb356cc }, { 0x3fd76d663f840842, 0x0000000000000000 }, 0x00000000 }, /* bfdot_2s */
    { 0x2e42fc20, 0x03c00000, { 0x0c3255be3d3e92fe, 0xff7f80000075d280, 0xc24dc24dbd06bd06, 0x3d4d3d4df8fbf8fb, 0x3e4cbe4cff807f80, 0x007f807ffa657a65, 0x5da5de94d0bed74c, 0xb3afb28dff87f9e2 }, { 0x0c3255be7fc00000, 0x0000000000000000 }, 0x00000000 }, /* bfdot_2s */
    { 0x6e42fc20, 0x00000000, { 0x005acd5396178000, 0x00297b13cb8a0000, 0xbd6c7b470001b37e, 0x01efd9943cfe4076, 0x3f049a748105401c, 0xc14a807fbf11c066, 0xe4570fa0d56bc9e8, 0xa3e73d3b7ff8647b }, { 0xd63dac01b41ac801, 0x83bc9600cb8a0007 }, 0x00000000 }, /* bfdot_4s */
    { 0x6e42fc20, 0x00000000, { 0x4556730dc2156795, 0xff800000ed4b0000, 0xc88afa57be5f0080, 0x01ae41bf3ea3bf1e, 0xc1f116b13f8abed3, 0x3e95c1c14030bde8, 0x8e4bd0c7342e186a, 0xd5e775b44f791eda }, { 0xd194a2f1c2165801, 0xff800000ed4affff }, 0x00000000 }, /* bfdot_4s */
    { 0x6e42fc20, 0x00000000, { 0xff8000001c640000, 0x00644ed6802a61f1, 0x3ec13ec1be57be57, 0x3f8a3f8abd6cbd6c, 0x0229822900928092, 0xc1f941f9bf123f12, 0x93c1b42b76928d20, 0x0297f9bd150ce03a }, { 0xff8000001c640000, 0x0000000000000000 }, 0x00000000 }, /* bfdot_4s */
    { 0x6e42fc20, 0x00000000, { 0x09beb55771fc8000, 0x3c2ecc883fed29f5, 0x2af42af4bee5bee5, 0x3fdc3fdc79407940, 0x8254fdda3f7d7ede, 0xfd87421e4076bfd4, 0xa1750fbddee603aa, 0x6290085516f4652d }, { 0xe94fc7fffe469601, 0xfde807ff79d20001 }, 0x00000000 }, /* bfdot_4s */
    { 0x6e42fc20, 0x00000000, { 0x0b80606b004c9447, 0xba18b70c39a96eb7, 0x79047904c0d2c0d2, 0x3de83de840944094, 0xbd20fc5e7f814476, 0x3cacc0d842460623, 0x0475acf0023c6a37, 0x4755bb261e227f23 }, { 0xff8000007fc00000, 0xbf434a4d4364f017 }, 0x00000000 }, /* bfdot_4s */
    { 0x6e42fc20, 0x00000000, { 0x406ce250fa160000, 0x44bcca4643b7c7ff, 0xc27cc27cbff4bff4, 0x7c827c82bbc6bbc6, 0xbe713e71be833e83, 0x8bed0bed02318231, 0x09d75abcc241fc43, 0x65a7eb150ac40f7b }, { 0x406ce250fa160000, 0x44bcca4643b7c7ff }, 0x00000000 }, /* bfdot_4s */
    { 0x6e42fc20, 0x03c00000, { 0x1a620000c4f42226, 0x5ae48000faae3ad3, 0x807f7f7fbf3300c2, 0x7f81fd2cd5a70000, 0xc014c0147f7f7f7f, 0x3c883c8806230623, 0x3781f5cb34e31b95, 0xcdc9100cc8fa98e2 }, { 0xff800000ff324cff, 0x7fc00000faae3ad3 }, 0x00000000 }, /* bfdot_4s */
    { 0x6e42fc20, 0x03c00000, { 0xbfd59e5af4130f22, 0xbb318300bfcbfb53, 0x2b012b010caa0caa, 0x3f323f327f7f7f7f, 0xc04cc19e807fc0a9, 0x00e0bedad67bbfbd, 0x7bb24c533d696b66, 0x850f83e2ac45a030 }, { 0xbfd59e5bf4130f23, 0xbe98f705ff800000 }, 0x00000000 }, /* bfdot_4s */
    { 0x6e42fc20, 0x03c00000, { 0xd21c80003c763b9c, 0xc26b02fac0508c19, 0x401900003cd73d9e, 0x0080ea3c05ebc036, 0xc0467f7f40984101, 0x40b37fc14a77403e, 0x39077723e26847a9, 0x4cbca3e88d845d66 }, { 0xd21c80013f42feef, 0x7fc00000c13b3705 }, 0x00000000 }, /* bfdot_4s */
    { 0x6e42fc20, 0x03c00000, { 0x69d4148eff298000, 0x57f50000655c0000, 0x40c140c141024102, 0x4026402641354135, 0x03c983c9bcbd3cbd, 0x844804487f80ff80, 0x67272c6e21161bb3, 0xf8974ad50d2cbb44 }, { 0x69d4148eff298000, 0x57f500007fc00000 }, 0x00000000 }, /* bfdot_4s */
    { 0x6e42fc20, 0x03c00000, { 0xd60ec836c3768000, 0xc252f38541982f33, 0xf0bd3ea6421f6b16, 0xd1fe401dc02102f5, 0xbd887bcbc0a501a1, 0xc00f3deb4154c276, 0xda1c33c8769b70f9, 0xb21faa0b9e055858 }, { 0x7b03a201c3e1baff, 0x528de201c164f19e }, 0x00000000 }, /* bfdot_4s */
    { 0x6e42fc20, 0x03c00000, { 0xc1dbb4c339731773, 0x61078000bf868030, 0xc196c196be4ebe4e, 0x839183913fd03fd0, 0x423ebd54410b03cb, 0x87384100b9b87f7f, 0x5ac8d605b8b8b6b7, 0xa32967b59f068a1a }, { 0xc465478bbfdfac69, 0x61077fff7f800000 }, 0x00000000 }, /* bfdot_4s */
    { 0x0f42f020, 0x00000000, { 0x859d800039afc717, 0x001b6f1ec4d86180, 0x00c700c7bf6fbf6f, 0x41e641e641f041f0, 0xbf6e0080059dbd41, 0xfd393d14021f3cf8, 0x06c4316b1c5fb18c, 0x8162d730f064edef }, { 0x859d80003d358e8d, 0x0000000000000000 }, 0x00000000 }, /* bfdot_elem_q0_0 */
    { 0x0f42f020, 0x00000000, { 0x313a800042850000, 0x3ef4c7ebbbf32339, 0x407ffac2bf728339, 0xbd11401c3d4e3e68, 0x3caf497041857a36, 0x3d64bda3417abf07, 0xcf46ff7a1b55f166, 0xce59e70f023bc304 }, { 0xff800000424a9f7a, 0x0000000000000000 }, 0x00000000 }, /* bfdot_elem_q0_0 */
    { 0x0f42f020, 0x00000000, { 0x7140800043d0eae3, 0x3b8c000020490000, 0x3d62ff8017967fc1, 0x3cd3bd3283a4fecb, 0xf2e2420404353738, 0xc173bdf94048bf8d, 0x064dbc7a2423cbbc, 0x4abe3ed267b8e32b }, { 0xff8000007fc00000, 0x0000000000000000 }, 0x00000000 }, /* bfdot_elem_q0_0 */
    { 0x0f42f020, 0x03c00000, { 0xc7100000435a8d6c, 0x7fc123453b20e7b5, 0xbd51bd51bd25bd25, 0x98189818bff1bff1, 0xbd7cbd7cc21fc21f, 0x3c913c9140ee40ee, 0x5f84317d45a16642, 0x45ed398d13a7f40e }, { 0xc70ffbf1435dc144, 0x0000000000000000 }, 0x00000000 }, /* bfdot_elem_q0_0 */
    { 0x0f42f020, 0x03c00000, { 0x0e3a80003e48882d, 0x41cd0c6f456f544e, 0xc01c7e1c69e83f0c, 0x40743d5600014234, 0xfd187bf0c21bc04e, 0xfad4fc17be93bfb0, 0x2fa080bb0b9f2c57, 0x23de7198b057e7cf }, { 0xfefb0fffec8c7801, 0x0000000000000000 }, 0x00000000 }, /* bfdot_elem_q0_0 */
    { 0x0f42f020, 0x03c00000, { 0xc2361a6cc47a5344, 0xc42380004027d728, 0x403540357fc17fc1, 0xc085c085ff35ff35, 0x41f3c1f3ff817f81, 0xc09b409b3f1dbf1d, 0xf83f044f2f75cc7b, 0x004227cc67915923 }, { 0x7fc000007fc00000, 0x0000000000000000 }, 0x00000000 }, /* bfdot_elem_q0_0 */
    { 0x0f62f020, 0x00000000, { 0x007fffff43307e93, 0x43b01dc10027f4df, 0xc0b6c0b6befcbefc, 0xbff0bff000000000, 0xc17ac17aff60ff60, 0x3d4f3d4f3d343d34, 0x9f1115bb44d49f73, 0xdf6a18f2818e8a8d }, { 0x4331bc00433fe013, 0x0000000000000000 }, 0x00000000 }, /* bfdot_elem_q0_1 */
    { 0x0f62f020, 0x00000000, { 0x4219fcc3e8e508ae, 0x448afe9dc18ddbba, 0x3da13da1bd3dbd3d, 0x8118811840554055, 0x403f403fd922d922, 0xc1adc1adc22ac22a, 0xdbfe40849a70d1a2, 0x0f1324e524461881 }, { 0x421bdd3fe8e508af, 0x0000000000000000 }, 0x00000000 }, /* bfdot_elem_q0_1 */
    { 0x0f62f020, 0x00000000, { 0x006ce7f9e52e35e8, 0x3ceec91300008000, 0xbfa2bfa2c164c164, 0xdb0bdb0bc05ac05a, 0xbdd83dd87a8afa8a, 0xc151415100008000, 0x8ad7e4c987fa21c7, 0xe59f151426cd4444 }, { 0x00000000e52e35e8, 0x0000000000000000 }, 0x00000000 }, /* bfdot_elem_q0_1 */
    { 0x0f62f020, 0x03c00000, { 0xbf1ce37419fc0000, 0x7eac0000ff7f8000, 0x4fb84fb87daf7daf, 0xc003c0033de23de2, 0xc0494049414ec14e, 0xff817f8140d8c0d8, 0x85569d60b4c17a6d, 0xab89ab98ed09c3d9 }, { 0xbf1ce37419fc0000, 0x0000000000000000 }, 0x00000000 }, /* bfdot_elem_q0_1 */
    { 0x0f62f020, 0x03c00000, { 0x67d089e7001d6a29, 0xbe90a02a3f9dbdb6, 0x3a593a595ac85ac8, 0x7fc17fc1405f405f, 0x86550655c1fe41fe, 0xc02f402fff7f7f7f, 0x32f9f94b29d799e3, 0x77594ff5657e2e10 }, { 0x67d089e700000000, 0x0000000000000000 }, 0x00000000 }, /* bfdot_elem_q0_1 */
    { 0x0f62f020, 0x03c00000, { 0xb9edcc1980000000, 0x0f990000bad6e574, 0x401a401a3ea53ea5, 0x3cf43cf4c267c267, 0xfa23fa2381d881d8, 0x3fc73fc7c0c7c0c7, 0x406145a46809757e, 0xae6c7b63fc03f814 }, { 0xfb441c01f9d21e00, 0x0000000000000000 }, 0x00000000 }, /* bfdot_elem_q0_1 */
    { 0x0f42f820, 0x00000000, { 0xfb180000e529c6b5, 0x7f812345800ff12d, 0x028302837d067d06, 0x82838283bf27bf27, 0xbe6f3e6f80000000, 0x3de4bde4fad57ad5, 0x6f8d6428a166b8ec, 0x03469dcbe3adce9d }, { 0xfb1800007fc00000, 0x0000000000000000 }, 0x00000000 }, /* bfdot_elem_q0_2 */
    { 0x0f42f820, 0x00000000, { 0x807a623fa51a8000, 0xc0e700007f618000, 0xbca2bca2bcc6bcc6, 0xaed3aed33e6b3e6b, 0xc0ac409b7abd807f, 0xfdabbed5bca4864a, 0x8f09ac165be6c105, 0x58b6dc278d4fedc7 }, { 0x39cf900139fdb001, 0x0000000000000000 }, 0x00000000 }, /* bfdot_elem_q0_2 */
    { 0x0f42f820, 0x00000000, { 0x8b258f934d2e0000, 0x800829d0c520b605, 0xff80ff80c060c060, 0xa85da85d7f817f81, 0x85320532bd1f3d1f, 0x3e84be84bf0e3f0e, 0x2dd1a978d38bd90d, 0x84103999e0052dff }, { 0x7fc000004d2e0000, 0x0000000000000000 }, 0x00000000 }, /* bfdot_elem_q0_2 */
    { 0x0f42f820, 0x03c00000, { 0x00008000d4f68000, 0x41d09dffc4491396, 0x8000807fc1c53e07, 0x83fd415c84020105, 0x3d5e7822c276413d, 0x8179c210065ebf77, 0x540f619c41670cf8, 0x998b1310387bfce1 }, { 0x00000000d4f68001, 0x0000000000000000 }, 0x00000000 }, /* bfdot_elem_q0_2 */
    { 0x0f42f820, 0x03c00000, { 0x00bb8000404b28ff, 0x0016549f80000000, 0x84ee84ee3e413e41, 0x1b851b853ef93ef9, 0x7d5e3cb07fc10001, 0xfbd2800041e0bfc4, 0x5101530c0686fe08, 0x5f60d391831d71f4 }, { 0x8744d6a441029c1f, 0x0000000000000000 }, 0x00000000 }, /* bfdot_elem_q0_2 */
    { 0x0f42f820, 0x03c00000, { 0x00601d8f0cf40000, 0x744f9cb0bf1d3cda, 0x3fe63de940c5bced, 0x6ca3bfa23e50bd10, 0xc27cc27c80948094, 0x422942293d563d56, 0xbb33c6488d38ed28, 0x86fdbd39e258d6f2 }, { 0x3dcc70603ea3e7e3, 0x0000000000000000 }, 0x00000000 }, /* bfdot_elem_q0_2 */
    { 0x0f62f820, 0x00000000, { 0x3d165b507f7f7fff, 0x7c8180003f808000, 0xbfc841677fc13f10, 0x404ebee8bd6d7ef4, 0xbf67c199c224c076, 0xbdfb3f583e6ebdb0, 0xbe93bdcbc9a5b3ae, 0xea55932927bdd349 }, { 0x41468ebb7fc00000, 0x0000000000000000 }, 0x00000000 }, /* bfdot_elem_q0_3 */
    { 0x0f62f820, 0x00000000, { 0xc5222b1a00656020, 0x6046081a00332dd1, 0x41e6978741053e34, 0xbf4bbf0a4203be24, 0xf537bf353df5bcab, 0x3ee9807f3f3af32d, 0x7ded041f4ef85b52, 0xbce3ba29bbd13f64 }, { 0xc52159c440721a00, 0x0000000000000000 }, 0x00000000 }, /* bfdot_elem_q0_3 */
    { 0x0f62f820, 0x00000000, { 0x00800000005ab2af, 0x214e0000e1ac8000, 0xc027fb46bf0684cb, 0x82577fc122414231, 0xb829b829c233c233, 0x3d103d103e1d3e1d, 0x401ec0b4119a7a1f, 0x3d3cf2ca0232292b }, { 0xf8dec001bc96c001, 0x0000000000000000 }, 0x00000000 }, /* bfdot_elem_q0_3 */
    { 0x0f62f820, 0x03c00000, { 0x3f808000bd2678f8, 0xbd69e3d62c788000, 0x3de73de740e040e0, 0xbf2bbf2b3b123b12, 0xbf393f3978a8f8a8, 0x3dd5bdd53f63bf63, 0xa3fff1e4a88dee55, 0x99011ce77effc0c9 }, { 0x3f808000bd2678f8, 0x0000000000000000 }, 0x00000000 }, /* bfdot_elem_q0_3 */
    { 0x0f62f820, 0x03c00000, { 0x00800000000c1547, 0xa86c7c7acf9edf43, 0x03cc03cc00800080, 0x3e3f3e3f40fc40fc, 0xc0384038e6b566b5, 0xf8e878e8be663e66, 0x5872f2ca811bd0a8, 0xed7fa45db2eacd09 }, { 0x0080000000000000, 0x0000000000000000 }, 0x00000000 }, /* bfdot_elem_q0_3 */
    { 0x0f62f820, 0x03c00000, { 0xbee6168e3da23334, 0x001a65ff80139e0e, 0x3fdc3fdcc157c157, 0xc1e3c1e305fa05fa, 0xe635c03200014157, 0x7a883f0140ad7dc5, 0xdf86cfdd09b7a531, 0x2e1dc1e1669da63b }, { 0x7ae9c001fc647001, 0x0000000000000000 }, 0x00000000 }, /* bfdot_elem_q0_3 */
    { 0x4f42f020, 0x00000000, { 0xbfe140ff3f808000, 0x63f200003f0923e0, 0x618ffab7016641d7, 0x7f81be5126c5837b, 0xb4f57d437b5fbf04, 0x421c03133eb5be74, 0xeb26e8fca6f1f6d3, 0x2be0b4ed5ee7c1fe }, { 0x7f800000c14cdfa6, 0x7fc0000062ab9b01 }, 0x00000000 }, /* bfdot_elem_q1_0 */
    { 0x4f42f020, 0x00000000, { 0xbd212e1e3e6fde14, 0xc30595c5dee80000, 0x008041ab8358c135, 0x2a373cdb0001f830, 0xc0193d37bc973d69, 0x780d7b79403c7a16, 0x70a038bde46ad439, 0xa129541880322fd1 }, { 0x3f96998fbed18af6, 0xc3059561f6203001 }, 0x00000000 }, /* bfdot_elem_q1_0 */
    { 0x4f42f020, 0x00000000, { 0x4500f0e64c4a3dc7, 0x8026404ba4b9d62c, 0xbfaabfaabf5abf5a, 0xc51bc51b7a5b7a5b, 0xc2483e973e283e7b, 0x4079bde1408fbeaa, 0x7bf032354366a3c6, 0x9397bf0d9a325f01 }, { 0x4500e8354c4a3dc7, 0xc47db10079b3387f }, 0x00000000 }, /* bfdot_elem_q1_0 */
    { 0x4f42f020, 0x03c00000, { 0x3ac5a02fff7f8000, 0x428d30ab3cd70000, 0xbca3bca342544254, 0x426b426bbcd5bcd5, 0x80d300d37bd6fbd6, 0x6be1ebe13e91be91, 0xc13c496d24651824, 0xd4f546e4f2475b14 }, { 0x3ac5a02fff7f8000, 0x428d30ab3cd70000 }, 0x00000000 }, /* bfdot_elem_q1_0 */
    { 0x4f42f020, 0x03c00000, { 0x3c72ded9b4be0000, 0xa22d000042869004, 0x7f7fbe1abd70fc34, 0x4227c00ec0d83f85, 0x3d763d76bdb4bdb4, 0xc260c2603e553e55, 0x62b799c4ef063cbf, 0xa4f4dbad9eccff06 }, { 0xfdb34bff7a7d2001, 0xc05e5d0142879102 }, 0x00000000 }, /* bfdot_elem_q1_0 */
    { 0x4f42f020, 0x03c00000, { 0xc4933724c04b5e78, 0xbbe9ed16761d834e, 0x8000800087b587b5, 0xbe48be483cb73cb7, 0x0d0f8d0f3e3ebe3e, 0xbfdf3fdf3e1cbe1c, 0x4fe80c417c200fc8, 0x89f90dc78c8cbdd7 }, { 0xc4933724c04b5e78, 0xbbe9ed16761d834e }, 0x00000000 }, /* bfdot_elem_q1_0 */
    { 0x4f62f020, 0x00000000, { 0x007231eec28274c4, 0xc3a178f000800000, 0x7adb7adbc173c173, 0xbf0abf0ac01dc01d, 0x80000000bd683d68, 0x05d985d9bf113f11, 0x8c4c33d35f8908fb, 0x63064044b23f442a }, { 0x00000000c28274c4, 0xc3a178f000800000 }, 0x00000000 }, /* bfdot_elem_q1_1 */
    { 0x4f62f020, 0x00000000, { 0x3e7d65d88077e367, 0x62790000bb083701, 0x8144c185bf73befa, 0x0001bf8b6256c79f, 0x1f57c1c23e5c0000, 0x0080c1e1bff03fb3, 0x7639baea8ef4f6f5, 0x0422d2f67cba0258 }, { 0x43c9b3ad413d73ff, 0x6279000149f0fd67 }, 0x00000000 }, /* bfdot_elem_q1_1 */
    { 0x4f62f020, 0x00000000, { 0x3d46173031f68000, 0xc16bbf2239f01c11, 0xbf4b416300d33e19, 0x3d0dbf3b049abecb, 0xc06abdccc09dff80, 0x0e2dbcf585e61275, 0x94940cb3c26083b7, 0xf5042b72b3524f70 }, { 0x3fc468b9bc73d7f9, 0xc16c98a23d23a437 }, 0x00000000 }, /* bfdot_elem_q1_1 */
    { 0x4f62f020, 0x03c00000, { 0x3aceeba21643e56d, 0xbc13180357fca3b8, 0x1183411f85a6eb18, 0x863c3e6a2888406d, 0xc0dec0de3fa03fa0, 0x9c319c31e82de82d, 0xbe1ac124efd8d47d, 0xa73eb51dff97da95 }, { 0xc289e1336c83d001, 0xbfcc122f57fca3b7 }, 0x00000000 }, /* bfdot_elem_q1_1 */
    { 0x4f62f020, 0x03c00000, { 0x7a69000080000000, 0x00329b2720730000, 0x40584058ed0ded0d, 0x427742777f817f81, 0xc0e840e802e682e6, 0x800100017936f936, 0xa3ea3961d929d28c, 0xf98f5b3d2eeca229 }, { 0x7a69000000000000, 0x000000007fc00000 }, 0x00000000 }, /* bfdot_elem_q1_1 */
    { 0x4f62f020, 0x03c00000, { 0x7f800000c125b443, 0x9cb9941e00800000, 0x413d413dbcbdbcbd, 0x3c973c97c0a3c0a3, 0x3eb1beb1f99f799f, 0xc22842283dccbdcc, 0xb6a9160176980b36, 0x40064c81be5136a0 }, { 0x7f800000c125b443, 0x9cb9941e00800000 }, 0x00000000 }, /* bfdot_elem_q1_1 */
    { 0x4f42f820, 0x00000000, { 0xcf8a000094c18000, 0x22f5072e40b39c1d, 0x40224022bdadbdad, 0x7f7f7f7f02ce02ce, 0x3d94bd94331db31d, 0x41f2c1f2bf473f47, 0xa9a178c75d5ab3e1, 0x4721462b6ebcdec6 }, { 0xcf8a000094c18000, 0x22f5072e40b39c1d }, 0x00000000 }, /* bfdot_elem_q1_2 */
    { 0x4f42f820, 0x00000000, { 0x445d99acba1657bf, 0xe382156dc50f6e1f, 0x88b13107799bc245, 0x7b3a016d3ebf0080, 0x3f84a4f9056dc16e, 0x413c3daeaece410d, 0x523a242759c7956e, 0x73909af897b481c4 }, { 0x445d99ade8f97401, 0xea95ae07c50f6e1f }, 0x00000000 }, /* bfdot_elem_q1_2 */
    { 0x4f42f820, 0x00000000, { 0xffa0000184828000, 0xf335800000008000, 0x7f813f8c3fc2c1d9, 0xbfa67f80bce0865b, 0xf8ed3d7b7fc104eb, 0xbd303e107fc1c174, 0xe830d997deefff20, 0xbef94c9d64f5e8de }, { 0x7fc000007fc00000, 0x7fc000007fc00000 }, 0x00000000 }, /* bfdot_elem_q1_2 */
    { 0x4f42f820, 0x03c00000, { 0xbabcd21e3dc0c080, 0x0973bfe8ce200000, 0x05e1bcfbadfd3f6d, 0x3cf5c1f27e3d3cfe, 0x807f3de9c0d340b4, 0x907341acfa6a4229, 0x9cd367467b77c7c0, 0x4f2a7a696216d84f }, { 0xc0f7228d68e74201, 0xf7dff201ff800000 }, 0x00000000 }, /* bfdot_elem_q1_2 */
    { 0x4f42f820, 0x03c00000, { 0x740c8000464f0000, 0x008000013b531ebf, 0x7fc1be9941f67b68, 0xbf7ffbb3be253dab, 0x42223c833ecbc26d, 0x7f7f0e0b7d7dc038, 0x3cfd459f41f296b4, 0xf49292feec305e99 }, { 0x7fc000007f800000, 0xfd3baefffc231101 }, 0x00000000 }, /* bfdot_elem_q1_2 */
    { 0x4f42f820, 0x03c00000, { 0x9215800054cf8000, 0x00721a3c96a36be4, 0x0080eafb4189c1c1, 0xc154be85405ac13d, 0x7db9bd82f8a13f0b, 0x7fc17989bea9402b, 0x4a8070f54a330fda, 0x8c177f3ff315df45 }, { 0xeba7a90154cf7fff, 0x406b7c80c202be51 }, 0x00000000 }, /* bfdot_elem_q1_2 */
    { 0x4f62f820, 0x00000000, { 0xb28980003f808000, 0x3a225f2e807fd451, 0x3dfbc0f17e8e021a, 0xc1c63e20c229c048, 0x3fa5401b7fc1c1fe, 0x41c0ff80bfb09ee3, 0x64d90f19686c3b42, 0xe911dbe421b273b4 }, { 0x7f8000007fc00000, 0xff8000007f800000 }, 0x00000000 }, /* bfdot_elem_q1_3 */
    { 0x4f62f820, 0x00000000, { 0xbf83ed17bfde8211, 0xe32f80003c0e61df, 0x4053405340034003, 0x3f093f09c0dec0de, 0x3ec8630c3fd47a8f, 0xf996420b7dd43c9f, 0xa1f66b9900c82d74, 0xee724bcfc530602e }, { 0xfa7743fffa1983ff, 0xf9208bff7b0213ff }, 0x00000000 }, /* bfdot_elem_q1_3 */
    { 0x4f62f820, 0x00000000, { 0x4231f0dc80000000, 0xbf3abb7ad8818000, 0xee1fee1f41824182, 0x7f7f7f7fbc82bc82, 0xbd493d4905338533, 0x411bc11b414ac14a, 0x39d605d7bf3e9371, 0xaf3630c029a41217 }, { 0x4231f0dc00000000, 0x7fc00000d8818000 }, 0x00000000 }, /* bfdot_elem_q1_3 */
    { 0x4f62f820, 0x03c00000, { 0xbc98651505118000, 0x00445245004d089a, 0x40d940bfbff13c95, 0x3d1f3db9054e408e, 0x3d3b3d3bbfbabfba, 0x41dd41ddbc96bc96, 0xbed8e498ab9b9920, 0x6f1f7815c32ae612 }, { 0x43b0199fc24e0a7b, 0x4064568042f52c01 }, 0x00000000 }, /* bfdot_elem_q1_3 */
    { 0x4f62f820, 0x03c00000, { 0x0e3780007fc12345, 0x803d073744e43e27, 0xbdbc834c419d9fbb, 0x84a7bf7ac1527621, 0xbce2be76855441aa, 0xbdfec041c103c0f0, 0xb4587fd57a669992, 0x90a4a1347a447021 }, { 0x3c3a88017fc00000, 0x403c7a01f6f2c1ff }, 0x00000000 }, /* bfdot_elem_q1_3 */
    { 0x4f62f820, 0x03c00000, { 0x001a0a7e007fffff, 0x7f7f7fffc347f5cc, 0x3e7d3d49f824c230, 0x066ebc90023bbcfa, 0x00013fcd42433d52, 0x421cbe497f80c131, 0xfe68945dbe7547e4, 0x2692849d9872d46b }, { 0x411a048bfac7dfff, 0x7f7f7fffc347f443 }, 0x00000000 }, /* bfdot_elem_q1_3 */
    { 0x6e42ec20, 0x00000000, { 0x1c170000bf155134, 0x7e298dc1bd7183b2, 0x7fc17fc1bde3bde3, 0xbf7bbf7bbec5bec5, 0x3fc9bfc9ff1a7f1a, 0x048c848c7d2bfd2b, 0x4c0a90294897e607, 0x52a020369329a80b }, { 0x7fc000007fc00000, 0x7e298dc1bd7183b2 }, 0x00000000 }, /* bfmmla */
    { 0x6e42ec20, 0x00000000, { 0x5404800000000000, 0x37520000007fffff, 0xbd6fbd6f3fe43fe4, 0x419a419a7fc17fc1, 0x79caf9ca06378637, 0xbe223e22ff817f81, 0x268f00527cd8379c, 0x4da594e92939e0f3 }, { 0x7fc0000000000000, 0x7fc000007fc00000 }, 0x00000000 }, /* bfmmla */
    { 0x6e42ec20, 0x00000000, { 0xd01a8000bdcd8b89, 0xc18afad83a5d885f, 0xbf91bf91c050c050, 0xff07ff07fab7fab7, 0x9dd1bf4d062bc037, 0x3cd7c11dc0724493, 0xd33a783edba0b57a, 0x2d1d69278db5ea90 }, { 0xd01a800341219887, 0x7fc000007eda4145 }, 0x00000000 }, /* bfmmla */
    { 0x6e42ec20, 0x00000000, { 0xc1a00cce3fb1d1f8, 0x50668000c07b0eb3, 0x7fc1bfee3cc90001, 0xee1dc269be90be57, 0xc04c31359773bcf7, 0x40e3412441eebf14, 0x390fea0048ff9cd6, 0x3c7474fea8cd966f }, { 0x7fc000007fc00000, 0xef8b37016efa37ff }, 0x00000000 }, /* bfmmla */
    { 0x6e42ec20, 0x00000000, { 0x710400003eb42065, 0x447c0f21c3e09767, 0x7bf07e363ee4fc69, 0xbd92be12c1834095, 0x0001b652bda93cf5, 0x7f80c264fcf33f6b, 0xa9bcd6182b823c38, 0x6a845574d05d3640 }, { 0x7fc00000f9df47a7, 0xff800000c3dfd89d }, 0x00000000 }, /* bfmmla */
    { 0x6e42ec20, 0x00000000, { 0x004f1f2d327a8000, 0xbb34cf16425e6703, 0x3ff83ff8be9bbe9b, 0xbe05be05c164c164, 0x82b9bf4e27784048, 0xff80bc98fb64c149, 0xc448649fe0a49626, 0x963ee6b34990968a }, { 0xff800000c0205401, 0x7f8000004132c821 }, 0x00000000 }, /* bfmmla */
    { 0x6e42ec20, 0x00000000, { 0x2b58525ebc9beca3, 0x3a9ee5f33e636282, 0x40424042369d369d, 0x800080003cc43cc4, 0x845078ec3ef2bf73, 0x55b5bdd3412bbc8c, 0x2c0b5a99b802d7bc, 0xfd537f23ab16bd13 }, { 0x568929ff79b2d7ff, 0x3e83554d3e57b582 }, 0x00000000 }, /* bfmmla */
    { 0x6e42ec20, 0x00000000, { 0x58c9000080000000, 0x3d220c6543d3948f, 0x3fa63f237d5a41ad, 0xbe14846ebda43efd, 0x40d6be5e7f7f3de9, 0xc0bc7fc1bd4bc05e, 0xf8092540db57faf0, 0x25b49cd5a24be905 }, { 0x7fc000007f800000, 0x7fc00000fda35bff }, 0x00000000 }, /* bfmmla */
    { 0x6e42ec20, 0x00000000, { 0x0023772a7f812345, 0xf002000035aef67d, 0x7f800b3dfc1479b2, 0x7f81c0c83d86c210, 0xfea83ef304347f80, 0x7f7f849d0430c267, 0x7819d6cca97619ed, 0xc48e9e5bf3a32e9e }, { 0x7f8000007fc00000, 0x7fc000007fc00000 }, 0x00000000 }, /* bfmmla */
    { 0x6e42ec20, 0x00000000, { 0x00602dec3f197d82, 0xf6270000643d0000, 0x409d0664c256be43, 0x034f48ca04a37e2a, 0x408a7f813c9a408f, 0xbe76416585044177, 0xef300745ac027b55, 0xe947d2fc7d680ae3 }, { 0xc083c9ff7fc00000, 0x7f8000007fc00000 }, 0x00000000 }, /* bfmmla */
    { 0x6e42ec20, 0x00000000, { 0xbc2c3d3400614ed7, 0x3f818000c1212619, 0xbd2f417186353ce2, 0xc124853e3c8686bb, 0x41f23d85bf603ce5, 0x029ac02e409c3cfa, 0x9865b5f4a3005844, 0x0129956612b0c9f4 }, { 0xc223d7e7bea07eeb, 0x3f8bb4ffc3a01307 }, 0x00000000 }, /* bfmmla */
    { 0x6e42ec20, 0x00000000, { 0xe3d7dfb23ebfba3b, 0xbc3e580a8012177b, 0xf861f861c1a2c1a2, 0x42614261fac7fac7, 0x3e2c3e2c42154215, 0x3e623e62be75be75, 0x4ff811c5a3f5edd3, 0x04bbf4164de312c8 }, { 0xf7c6a201f7972c01, 0x7a3e72fffde7a5ff }, 0x00000000 }, /* bfmmla */
    { 0x6e42ec20, 0x03c00000, { 0xbc6c614380018000, 0x3bd1af873e798000, 0xc01e40d43fad7f80, 0x3ec57d937f81be93, 0x0000a15a3f2a3d15, 0x3fa7537dbde4bd24, 0x220e42ba07e0ef52, 0x8b089c3fe226ba0c }, { 0xff8000007f800000, 0x7fc000007fc00000 }, 0x00000000 }, /* bfmmla */
    { 0x6e42ec20, 0x03c00000, { 0x716200007f7f7fff, 0xff8000003f808000, 0x812c3e7b7fc1f814, 0x40df3dc1c26fff28, 0xbe157841decc781c, 0xe4e51f32c1de8000, 0x3002223e05e051b1, 0xa6237ed4b16ddd52 }, { 0x7fc000007fc00000, 0xff800000ff800000 }, 0x00000000 }, /* bfmmla */
    { 0x6e42ec20, 0x03c00000, { 0x8ea38000c9b18000, 0x3a2f251771818000, 0x3d033d03fb84fb84, 0x861b861bc0f7c0f7, 0xbd653d65fd157d15, 0x4224c224bcc23cc2, 0xd09eea112191e6b9, 0xe2b9c147cd144b34 }, { 0x8ea380007fc00000, 0x3a2f251771818000 }, 0x00000000 }, /* bfmmla */
    { 0x6e42ec20, 0x03c00000, { 0x236f0000c2fa04cb, 0x8efa800080041492, 0x3ff04050bf088336, 0x03cafa19bca07f80, 0x7f817f81807f807f, 0x81998199c27dc27d, 0xec6acf05f3e09065, 0x7fd741c4c225e805 }, { 0x420668017fc00000, 0xff8000007fc00000 }, 0x00000000 }, /* bfmmla */
    { 0x6e42ec20, 0x03c00000, { 0xc6b1000080000000, 0xbc3fb205e3ac0000, 0xc2404225c11e807f, 0xc011bf4dc21f807f, 0x79e5be677f813e58, 0xbeda3ee5f85f9f00, 0xa60d672635d062af, 0xef42713212a289aa }, { 0x7a09a1ff7fc00000, 0x7b0a80ff7fc00000 }, 0x00000000 }, /* bfmmla */
    { 0x6e42ec20, 0x03c00000, { 0x3a5a9b58401e29ef, 0x4b3a0000c376b35a, 0x3ce33ce37ad37ad3, 0x41fd41fd85a185a1, 0xc0de40de4156c156, 0x78b6f8b6bd943d94, 0x233bd579ff1343fa, 0xdfba83cb17b8dbfd }, { 0x3a5a9b58401e29ef, 0x4b3a0000c376b35a }, 0x00000000 }, /* bfmmla */
    { 0x6e42ec20, 0x03c00000, { 0x686e80003f808000, 0x7f7f7fff3c9713dd, 0x3eee3eee84318431, 0xf9def9deab7aab7a, 0x40d4c0d47168f168, 0xbf1e3f1ebf783f78, 0x5b145d86a6c1ad6e, 0x519d9cd94522b5b4 }, { 0x686e80003f808000, 0x7f7f7fff3c9713dd }, 0x00000000 }, /* bfmmla */
    { 0x6e42ec20, 0x03c00000, { 0x5e8e800001fa8000, 0x802808a83f818000, 0xbd0b4173c0f63da2, 0xc07ebef7fe27be74, 0x3c90fcfd3e9c053f, 0x86633c8741c1420e, 0x72ccd406f2da0dfd, 0xcd0e824fc54f66a6 }, { 0x5e8e7ffffef02701, 0xff800000fd0e8141 }, 0x00000000 }, /* bfmmla */
    { 0x6e42ec20, 0x03c00000, { 0x5b398000ffa00001, 0x00730b8e0049dc2a, 0xc080c0923f413eb7, 0x00007d7bc241fb5e, 0x863eff8002093cdc, 0xc063bf15c040808e, 0xf99ec97b39ccf67f, 0xbacc898402eb1053 }, { 0x5b397fff7fc00000, 0xfd1216ffff800000 }, 0x00000000 }, /* bfmmla */
    { 0x6e42ec20, 0x03c00000, { 0x800180004328041f, 0x54a88000ba3cdbcc, 0xc1a9c1a9c06ec06e, 0xf840f840d482d482, 0x3e49bd59bea0427b, 0x06750311fa283d9f, 0xe54d4effcc03df41, 0x6829031919fa28bf }, { 0x7b1c2fffc28666ce, 0x7f800000f6dc2001 }, 0x00000000 }, /* bfmmla */
    { 0x6e42ec20, 0x03c00000, { 0x378255dc3f808000, 0xc4961cf700800001, 0xd00efcc37be90001, 0xbc92721abf8bbd9e, 0x05ebfa437b7cbceb, 0x3e5700f1823b3f35, 0x7e37d0f75cd3399c, 0x5716aa35104978ef }, { 0xceee84017f800000, 0xc4961ed3ff800000 }, 0x00000000 }, /* bfmmla */
    { 0x6e42ec20, 0x03c00000, { 0xbfd3e0633aa7e631, 0xbc960000af22fa89, 0x7bf17bf185fb85fb, 0x78db78db42284228, 0x3efabefa00eb80eb, 0xbccc3cccbfa33fa3, 0x0a7bf1b0704ce4e8, 0xbc285a56114a4721 }, { 0xbfd3e0633aa7e631, 0xbc960000af22fa89 }, 0x00000000 }, /* bfmmla */
    { 0x2ec2fc20, 0x00000000, { 0xb00580003f808000, 0xec622cbd001b21b1, 0xff5dff5dc0cac0ca, 0x41004100c1eac1ea, 0x0398839883450345, 0x3fb4bfb4c1e541e5, 0x78bb60087a5bfdf8, 0x23a81c43ebe93403 }, { 0x438338003f808000, 0xec622cbdc4515200 }, 0x00000010 }, /* bfmlalb */
    { 0x2ec2fc20, 0x00000000, { 0x3f808000455145da, 0xc2f2994fbdbd2718, 0x7f807f8051b551b5, 0x40d140d1fbf4fbf4, 0x3d944066bea7bec8, 0xbef53f8480004028, 0xa1ead24a805c72e8, 0x70dfdd7f6c07700d }, { 0x7f800000d10d67ff, 0xc2e520cffca02000 }, 0x00000010 }, /* bfmlalb */
    { 0x2ec2fc20, 0x00000000, { 0x7f812345c505932f, 0x3aa9e639c2141e1e, 0x402fbdb73b48c277, 0x400742153de9bca2, 0xfd5dfd5d40164016, 0xbcd6bcd67ed97ed9, 0xc1d6b2dd59dd154a, 0x10086ed04d42bde0 }, { 0x7fc12345c50e9ecf, 0xbf78c70dfc095200 }, 0x00000011 }, /* bfmlalb */
    { 0x2ec2fc20, 0x00000000, { 0x50de0000002263ba, 0x8043dd81ff800000, 0xfb0afb0af590f590, 0xbed8bed880008000, 0xc1e041e03dc6bdc6, 0x3d62bd62403cc03c, 0x1684f8929b6b0e5a, 0x85d58c0218d90ec6 }, { 0xfd71800073dec000, 0x3cbeb000ff800000 }, 0x00000010 }, /* bfmlalb */
    { 0x2ec2fc20, 0x01000000, { 0x28812a00af68aee4, 0xa5850c4a00008000, 0x87c387c341ff41ff, 0xf83af83abe2ebe2e, 0x3f5292473ffcbcc9, 0x97d5fb6c0463fab4, 0x6786fbc0153ca45a, 0xb0a599fc59908b92 }, { 0x28812a00bf483700, 0x7f8000007974b000 }, 0x00000094 }, /* bfmlalb */
    { 0x2ec2fc20, 0x01000000, { 0x2e1700005d6df9b9, 0x419d1a5543b4f41e, 0x000063ca7929f8c1, 0x3da83db6426741ce, 0x38e63c8b3f52bdfe, 0x9d2dfa9ea3067f80, 0xf1598806de04b3cf, 0x031a68ba963da968 }, { 0x60db5c00773f7e00, 0xf8e0a8007f800000 }, 0x00000010 }, /* bfmlalb */
    { 0x2ec2fc20, 0x01000000, { 0xc2ea9133004095bc, 0xd5718fe691e757b1, 0x3e35bed33d13bec0, 0x84073f747bc77ca8, 0xbdc3807fbed94014, 0xbe1d419dc260bf35, 0xb65a341acae8e20a, 0x4e026d94bb98f14e }, { 0xc2ea9133bf5e0000, 0xd5718fe6fc6d9000 }, 0x00000090 }, /* bfmlalb */
    { 0x2ec2fc20, 0x01000000, { 0xc6a90000004fcfc8, 0xa4d98000427f1b03, 0x3e043e0480a680a6, 0x0080008001c501c5, 0x41d4c1d4c1ba41ba, 0x405ec05ebe233e23, 0xe3659db68c1589b4, 0x852a401eca174fa7 }, { 0xc6a906d582f13800, 0xa4d98000427f1b03 }, 0x00000090 }, /* bfmlalb */
    { 0x2ec2fc20, 0x02000000, { 0x3f7ce504c6cd9d8f, 0xc12d26cc00539fe0, 0x040600013f1f7c36, 0x3cf33f4f0080bfe6, 0x80a580a501be01be, 0x40074007c070c070, 0x2c6fe63cc1abf004, 0x8ce2775de11c26e4 }, { 0x3f7ce504c6cd9d08, 0xc111dc8c40d7a000 }, 0x00000010 }, /* bfmlalb */
    { 0x2ec2fc20, 0x02000000, { 0x39e43813bd4c7260, 0xa00a800000008000, 0xc2677e75c1473d64, 0xbd797bb87f803e2e, 0xf75af8d300013f36, 0xbe377e55bd02bf36, 0x739858f84075ddbb, 0xc4d8723d67b538c0 }, { 0xff800000bc296980, 0x7f800000bdf76800 }, 0x00000014 }, /* bfmlalb */
    { 0x2ec2fc20, 0x02000000, { 0xff7f8000f5388000, 0x3bb53f7cc390d0fb, 0xbe6cbe6cbf54bf54, 0xc1aac1aabfc5bfc5, 0xc07740773e07be07, 0xff367f3606068606, 0x5a491a557e52b619, 0x1c199f757caab535 }, { 0xff7f8000f5388000, 0xff800000c390d0fb }, 0x00000014 }, /* bfmlalb */
    { 0x2ec2fc20, 0x02000000, { 0x007fffff40919862, 0x000000003d63bf02, 0x80847dfbbcd57a93, 0x4027d40beb7cbf3d, 0x3e383e383d9d3d9d, 0x41c341c3be74be74, 0x5d5e7c0e083cbcd4, 0x971d1b416dc370ad }, { 0x7cb4680078b44e00, 0xd653c2003e6d13c0 }, 0x00000010 }, /* bfmlalb */
    { 0x2ec2fc20, 0x03000000, { 0x3e211e0cbbff3e3c, 0xb7bb4f0e3ee093ec, 0xc166c16603cc03cc, 0x00000000bcd5bcd5, 0xd249d249c161c161, 0xe30ce30c7c937c93, 0xe016c9693d8c3487, 0x0b438dd0d036ed2e }, { 0x54349600bbff3e3c, 0xb7bb4f0ef9f49e00 }, 0x00000010 }, /* bfmlalb */
    { 0x2ec2fc20, 0x03000000, { 0x3b475e8700636fe2, 0x6edf59c8e6818a0a, 0x3fc13fc102660266, 0x3cda3cda3e433e43, 0x007f807fbf4f3f4f, 0x054f854f80000000, 0xcaead4f7a27c5493, 0x00a67986894be8fa }, { 0x3b475e870239fa00, 0x6edf59c8e6818a0a }, 0x00000090 }, /* bfmlalb */
    { 0x2ec2fc20, 0x03000000, { 0x3dc86aee007fffff, 0x71ba00003acbc5a0, 0xbf524008fa804255, 0xc169c05e8000f057, 0x41204120c225c225, 0xbf1abf1a3e993e99, 0x83737ef2d7e0cc4a, 0x11f9d9ac6d515f52 }, { 0x41aac86bc5094900, 0x71ba0000ef807f00 }, 0x00000090 }, /* bfmlalb */
    { 0x2ec2fc20, 0x03000000, { 0x6c03000044f18361, 0x8055fe6780018000, 0xfdac400fbf8f8562, 0x03d43cb5fd001658, 0x3f313f9105852def, 0x3d4629d5816b0080, 0x5f398d27ae0908cb, 0xea6ec60bd23a481a }, { 0x6c03000044f18361, 0x2716990000000000 }, 0x00000098 }, /* bfmlalb */
    { 0x2ec2fc20, 0x00400000, { 0x801bf4a3c4a4b569, 0x63848000e2360000, 0x426042603de03de0, 0x333a333a3d093d09, 0xc02f402fbc5d3c5d, 0x007f807fc8ba48ba, 0x645571d323a689dc, 0x5ce2b17cdae633cf }, { 0x43192000c4a4b55c, 0x63848000e235ffff }, 0x00000010 }, /* bfmlalb */
    { 0x2ec2fc20, 0x00400000, { 0x41412ee53f818000, 0x3d7d82867f7f7fff, 0x024d02c8800041c8, 0x7d1800008323c065, 0x42364236c272c272, 0xbcf8bcf884fb84fb, 0xf9d64e1eeff2ceb3, 0x41fb5656b894e7ee }, { 0x41412ee6c4bcefa0, 0x3d7d82867f7f8000 }, 0x00000010 }, /* bfmlalb */
    { 0x2ec2fc20, 0x00400000, { 0xc1ff744200429184, 0x802e2d52c49a6860, 0xbe6fbe6f05570557, 0xc09dc09dbeb6beb6, 0x05ac85ac3e18be18, 0x3ca0bca0c11d411d, 0x61844c3368d9d20d, 0xa306211087ef42e9 }, { 0xc1ff744183fe45b9, 0x3dc44000c49ad7fe }, 0x00000010 }, /* bfmlalb */
    { 0x2ec2fc20, 0x00400000, { 0x3e0ba140ff7f8000, 0xc4b41fc7424bae60, 0xc23bc23b41974197, 0xbe14be147f7f7f7f, 0x7b67fb67beb63eb6, 0xbedb3edbc21b421b, 0x56d3c7f910da60ed, 0x56238cd506a64f6c }, { 0x7e28bd01ff7f7fff, 0xc4b421c17f800000 }, 0x00000014 }, /* bfmlalb */
    { 0x2ec2fc20, 0x00800000, { 0x3ba6ea779df70000, 0x87ca00003eb08c16, 0x3ff83ff87fc17fc1, 0x21152115f8c1f8c1, 0xbf2d3f2dc24a424a, 0x832903294061c061, 0xffcf4313c4f9ec0d, 0xd475a0ee99a0bc95 }, { 0x3fa83eea7fc10000, 0x87ca000079a9a100 }, 0x00000010 }, /* bfmlalb */
    { 0x2ec2fc20, 0x00800000, { 0x7c2b00004172525d, 0xbef8fe173f1d8e6b, 0xbc8bbdbd416fbfbe, 0x3d070293be753f23, 0x836d836dbf91bf91, 0x84198419b6c1b6c1, 0x64dd36be94900290, 0x20476a33c0c18695 }, { 0x7c2b000041869cee, 0xbef8fe183f1d8e2d }, 0x00000010 }, /* bfmlalb */
    { 0x2ec2fc20, 0x00800000, { 0x7f7fffff5458925e, 0x5ccda44841306621, 0x7d49c1a73cf61238, 0x810e81b1c08abce7, 0xfcbefe8667c73ca9, 0xfc5aedf63fc941f0, 0x4aaa10a60cec5a63, 0x519c4dc704817a17 }, { 0x7f7fffff5458925e, 0x5ccda4484122dd21 }, 0x00000014 }, /* bfmlalb */
    { 0x2ec2fc20, 0x00800000, { 0x801dd079f16f0973, 0x66694d7bbd59638e, 0xbe0bbf1c41c14154, 0x3f2c3cfdbf16bca4, 0x3ca83e8a3d45be6b, 0x40eff8923f823e97, 0x975c20d8431cd9b9, 0x5eb4f9ddf30fae4a }, { 0xbe283001f16f0974, 0xf6104a00bd71928e }, 0x00000010 }, /* bfmlalb */
    { 0x2ec2fc20, 0x00c00000, { 0x80018000f9cf21c3, 0xbfa81fb6889f0000, 0x4132be7d40aaf81d, 0xfa4c84810080817c, 0x4d1e4d1e40494049, 0x4149414929372937, 0x2af76c01ffaadcfa, 0xbc5f27a8a2fbf7c3 }, { 0xcc1c2600fa066221, 0xbfa81fb6889f0000 }, 0x00000010 }, /* bfmlalb */
    { 0x2ec2fc20, 0x00c00000, { 0x31268000bf813ef2, 0x3db89cb6007fffff, 0x411141cebd944260, 0xc1b0be923feb4197, 0xc23af8d7022b017b, 0xbe69be7241c6c150, 0x114567a94b965bc7, 0xe0474198fa8f66b0 }, { 0xfb2d01ffbf813ef1, 0x3e21505bc3755fff }, 0x00000010 }, /* bfmlalb */
    { 0x2ec2fc20, 0x00c00000, { 0x8f4180003f8e0228, 0x06fa1f8cbf226324, 0x7b42bee581218676, 0x7dcfc17c3d0a038b, 0x7f81c0f755af3d9f, 0x807f3d4d3ca73ee5, 0xb3f3aac28e45acc9, 0x9edef3aa440b35d0 }, { 0x405cf2ff3f8e0227, 0xbf49cbffbf226323 }, 0x00000010 }, /* bfmlalb */
    { 0x2ec2fc20, 0x00c00000, { 0xc16ada427e668000, 0x41e7a57e425187e3, 0x41c33cdebf88c18c, 0x80003d3ebd223cce, 0x3e8abeb23d703d60, 0x1ccc40853e4efa68, 0xb5c81fafc86c66b4, 0x8d8f9d0826c19379 }, { 0xc16b00d97e667fff, 0x41e93056f7baafff }, 0x00000010 }, /* bfmlalb */
    { 0x2ec2fc20, 0x01400000, { 0xbd45525ea3580000, 0x800cf4ed6cb6028b, 0x7f804038150e402a, 0x0512c43c7f81fc68, 0x7f813f3b412d41df, 0xbe16bebcc08a3c96, 0xa6e6fe15fedb5154, 0x6b4c1afd6c3432f6 }, { 0x400352b742941600, 0x438a1000f987efff }, 0x00000090 }, /* bfmlalb */
    { 0x2ec2fc20, 0x01400000, { 0x00570f82c37b104e, 0xbeda384da34f8da1, 0x3c843c847ee67ee6, 0xc068c06800800080, 0x7ad5fad5007f807f, 0x40f6c0f6a0532053, 0x91989a54e059741a, 0xc77140dc71a38072 }, { 0xf7dba800c37b104e, 0x41db871fa34f8da0 }, 0x00000090 }, /* bfmlalb */
    { 0x2ec2fc20, 0x01400000, { 0xf53384db3ed1512d, 0xc357e029bbe75b1a, 0x53750230bffd427b, 0xc0713d6c3f544042, 0xbe963e4900003dc7, 0x40787b31bd0dbfc7, 0xf55b902964e78ef5, 0x85c9fdea47435ca8 }, { 0xf53384da40d03213, 0x79232c00c09707d6 }, 0x00000010 }, /* bfmlalb */
    { 0x2ec2fc20, 0x01400000, { 0xbeac4ee7116f6d0f, 0xbfa747545a2b0000, 0x41d841d83ffd3ffd, 0xc0cec0cec1f5c1f5, 0xbdd63dd67dbdfdbd, 0xc1964196bcb03cb0, 0xb6a26bd21c1fa679, 0xca2d0e0305eb2775 }, { 0x401f0624fe3ac8ff, 0xc2f4051d5a2b0000 }, 0x00000010 }, /* bfmlalb */
    { 0x6ec2fc20, 0x00000000, { 0x7fc12345898c0000, 0x807382d0c21d8000, 0x7fc17fc140684068, 0x0000000005580558, 0x41064106bdf2bdf2, 0xbc8dbc8de6c0e6c0, 0xf82e4c3ba7ff71ef, 0xe4a1e817e8c914cc }, { 0x7fc12345bedb5000, 0x807382d0c21d8000 }, 0x00000010 }, /* bfmlalt */
    { 0x6ec2fc20, 0x00000000, { 0xbfc6249ebdb74c1d, 0xbdae5ef23da55f30, 0xdcab7ea1c13b411d, 0x3fb3c1ce04c4bd80, 0x40ee40eefd21fd21, 0x798379833eb73eb7, 0x4bcf5f3c25a2518e, 0xb51674a61216b6ad }, { 0xde1efa007eeb3600, 0x79b732003da55f30 }, 0x00000010 }, /* bfmlalt */
    { 0x6ec2fc20, 0x00000000, { 0x803fb6ada10e0d80, 0xc538179dfdd61155, 0x3e71be313266c084, 0x3dcf7a9e3efdc014, 0x4225c25bfcf18000, 0xbdc204bfc1e3bca2, 0x1b743af8271e9d62, 0x4ddceed0b2ebb8d8 }, { 0x411b5500efd88600, 0xc53817c4fdd61155 }, 0x00000010 }, /* bfmlalt */
    { 0x6ec2fc20, 0x00000000, { 0x800000000004e907, 0x007fffffbd229d22, 0x3ca93ca900000000, 0xc02cc02c00800080, 0xf87c787cbd913d91, 0xc9ac49acc0f540f5, 0x633e3fb3cb1c6e07, 0x093a1aff8867371b }, { 0xf5a65c000004e907, 0x4a672000bd229d22 }, 0x00000010 }, /* bfmlalt */
    { 0x6ec2fc20, 0x01000000, { 0x0072ccf1000adb64, 0x6c4c8000404e9863, 0xbedcbedc19d119d1, 0xbddabdda3f033f03, 0xc229c04f0001bcf0, 0xc0b73dfa40ffbda1, 0x62a379d7a54fdbd2, 0x714bfb774343f0e5 }, { 0x41913c0000000000, 0x6c4c800040e9c932 }, 0x00000090 }, /* bfmlalt */
    { 0x6ec2fc20, 0x01000000, { 0x42ef335800800001, 0x49e900008047fc16, 0x3edebd8d40f9847b, 0xbf9fa2cb41fc3f40, 0xbe9dbf603df53ddd, 0xbccf422e0244bd09, 0x55d9cd4cecf8ff98, 0x0c4c19a98423e867 }, { 0x42eeef453f6e4d00, 0x49e9000004c0f000 }, 0x00000090 }, /* bfmlalt */
    { 0x6ec2fc20, 0x01000000, { 0x6800ec1955ec0000, 0x00000000c556e548, 0x3e93c08cbf377fc1, 0xd159bf330001c028, 0x00018e16fc0f009c, 0xb84b807ffd7b3de2, 0x01854132f8c66f4c, 0x18dc9a9d0061b092 }, { 0x6800ec197bcc7200, 0x4a2c1300c556e548 }, 0x00000090 }, /* bfmlalt */
    { 0x6ec2fc20, 0x01000000, { 0xbffd0bce3a15ca11, 0x18e10000c291b95f, 0x80b580b5beabbeab, 0x82c382c37f807f80, 0x7c56fc56bfe23fe2, 0xf83f783f2646a646, 0xdac555c97067b887, 0x76f89bc16015b636 }, { 0xc00340573f171b73, 0x3b917d007f800000 }, 0x00000010 }, /* bfmlalt */
    { 0x6ec2fc20, 0x02000000, { 0x449f80005a740000, 0xbf86cfc93b8f7cf1, 0xc0a3c0a340504050, 0x41564156786a786a, 0xc12241223f40bf40, 0xc1d441d480000000, 0xe1bc4abed6b7b508, 0xe6aba7e5c0929862 }, { 0x44a5f2605a740000, 0xc3b1bed03b8f7cf1 }, 0x00000010 }, /* bfmlalt */
    { 0x6ec2fc20, 0x02000000, { 0x607f8000348ea145, 0x74a4000040d45c13, 0x3f7ebfcb7ee4c134, 0xbfe3bf8600d6c035, 0xff80ff5c3ef202ef, 0x000005c17d8682bc, 0xf34d27c23b4d7dec, 0x43cf8dd8fbf71c17 }, { 0xff8000007e578800, 0x74a4000040e25c93 }, 0x00000010 }, /* bfmlalt */
    { 0x6ec2fc20, 0x02000000, { 0xfbc180007f7f8000, 0x43cbeae780018000, 0xbf5bff803fac01e1, 0x3da378fb7cd7807f, 0xbd223d5641a43ece, 0x7f81c1c00000f863, 0x7c054baf7e520203, 0x5e81adf179e046c7 }, { 0xfbc180007f7f8000, 0x7fc0000080018000 }, 0x00000011 }, /* bfmlalt */
    { 0x6ec2fc20, 0x02000000, { 0x0eff800039be6864, 0x1c2530e8ffa00001, 0xbef3bef33f4a3f4a, 0x79ba79bafb74fb74, 0xc220422080800080, 0x3deabdea3dd9bdd9, 0x9977b5ac93d458c8, 0x282eca60300ec279 }, { 0x4197e00039be6864, 0x782a04007fc00000 }, 0x00000011 }, /* bfmlalt */
    { 0x6ec2fc20, 0x03000000, { 0xc452321941a2bf9a, 0xb99191346a568000, 0xbc804139fc72bdcb, 0x008042323dedf93a, 0x830f3d9ec14e3d1a, 0x3fd0e68e3f9b7f80, 0x9aed0a377bd82590, 0x5ed17daf0422f1db }, { 0xc45232197e42bc00, 0xb99191346a568000 }, 0x00000010 }, /* bfmlalt */
    { 0x6ec2fc20, 0x03000000, { 0x006a9f0c45398718, 0x4d9f800001dfa446, 0x3dc041961e1d7f7f, 0x8644c17f7f800398, 0xfb67fb673ff63ff6, 0x29d429d441664166, 0x86acc4f14fd4f087, 0x0fad041ef72b98a6 }, { 0xf9ad400045398718, 0x4d9f80007f800000 }, 0x00000090 }, /* bfmlalt */
    { 0x6ec2fc20, 0x03000000, { 0x7f7fffffc08c0000, 0x3cd8cd5abf933429, 0x81acc1183f7f7e79, 0xc207bca2860cc12b, 0xbd4440b8c1de8586, 0x233dbfe9bf2c3e10, 0x4fb2fd558a7ce01d, 0xe93c38255f69be9d }, { 0x7f7fffffc2001100, 0x3cd8cd5abf933429 }, 0x00000010 }, /* bfmlalt */
    { 0x6ec2fc20, 0x03000000, { 0x3a9dafb63be0c501, 0x393d0000d3a39418, 0xc068c06801fd01fd, 0x3d313d3100da00da, 0x3e207f80beff4134, 0x83f1c0cabf5c4021, 0xff29a17e12a96a80, 0x154abce0592c9855 }, { 0xbf10b1283be0c501, 0x393d0000d3a39418 }, 0x00000010 }, /* bfmlalt */
    { 0x6ec2fc20, 0x00400000, { 0xbccc7b58c400c1f2, 0xba7e72d78feb0000, 0xbd990001424f3e59, 0xbdf8fbeb3eda2069, 0xbfdc787e3d7c40b7, 0x84e1c048c256bfb0, 0x09e678fc5bfd1e8c, 0xc7bdffdd70bec7b1 }, { 0x3dd3d92ac3ffec5c, 0xba7e72d6c1b63c00 }, 0x00000010 }, /* bfmlalt */
    { 0x6ec2fc20, 0x00400000, { 0x00000000001da974, 0x80740f1beddf8000, 0xbfcdbfcdc13fc13f, 0xbf0fbf0fbe78be78, 0xbdc73dc7c0a840a8, 0xf7fb77fbbe7d3e7d, 0xdbff6f4f31062093, 0x7e80f181fada6812 }, { 0x3e1f5b00427ab001, 0x778c3500eddf7fff }, 0x00000010 }, /* bfmlalt */
    { 0x6ec2fc20, 0x00400000, { 0xb9c233b10040e245, 0x2c234f654092931b, 0x400d8343c023423f, 0x7f80bf0abd0ebc9c, 0xbfa77f813f37c1fb, 0x8000418c00004181, 0xee9a3673a71650c0, 0x7d2c75bcd7164c61 }, { 0xc037fc11bfe909ff, 0x7fc000004092931b }, 0x00000011 }, /* bfmlalt */
    { 0x6ec2fc20, 0x00400000, { 0xff8000007fc12345, 0xbfeaa3d63a160000, 0xc217c217807f807f, 0x7c4c7c4c29432943, 0xbd0a3d0abe683e68, 0x06538653c2494249, 0xbd10ec4004601c77, 0x1bf2e2d7dcff218f }, { 0xff8000007fc12345, 0x43264eb93a160000 }, 0x00000010 }, /* bfmlalt */
    { 0x6ec2fc20, 0x00800000, { 0xc056b957e9b68000, 0x7f8123455ef38000, 0x019201923e613e61, 0x3daa3daabd1dbd1d, 0x7b327b32bddebdde, 0x3dca3dca80008000, 0x37bd37e3dcb239aa, 0x0db92f8d9e027759 }, { 0xc0538d37e9b68001, 0x7fc123455ef38000 }, 0x00000011 }, /* bfmlalt */
    { 0x6ec2fc20, 0x00800000, { 0x3ec6a7b67ee38000, 0xc4b172b660160000, 0xc061411f40adc176, 0x05ac3dda14eb8551, 0x3de9fb2240a8bd34, 0x42373d4019118181, 0x17398e0646be5c3e, 0x4e0ce81bf02fef06 }, { 0xbc4429407ee38000, 0xc4b172b660160000 }, 0x00000010 }, /* bfmlalt */
    { 0x6ec2fc20, 0x00800000, { 0xbadc60210009e87c, 0x4578edd2561d0000, 0xfea8fea8844a844a, 0x413341333e1a3e1a, 0xbe263e26bf413f41, 0xc0e640e6c1084108, 0x4056afad9258bbdc, 0x2332cb8fb37f7dab }, { 0x7d59dfff04185dd0, 0x4573e742561cffff }, 0x00000010 }, /* bfmlalt */
    { 0x6ec2fc20, 0x00800000, { 0x438f5e2384b30000, 0x444fb8a23d8b9e01, 0x3e904048c1a14057, 0xca4641d77e157f7f, 0x3fd9c1407f81825e, 0x01bf404697a67f81, 0x0c6d9b54eee60f05, 0xaf7376347beea25b }, { 0x438f9b2b7fc10000, 0x444fb8a1d6413c00 }, 0x00000011 }, /* bfmlalt */
    { 0x6ec2fc20, 0x00c00000, { 0x006dc216002e8000, 0xc701800020818000, 0x426d426dc047c047, 0x02d702d73d6a3d6a, 0xbf2fbca2c00fbeb6, 0xbec1c0a57f387d71, 0x5c653a2f628e6b01, 0xd57232b17d9f9797 }, { 0xc22202ff40de5200, 0xc70180007d283000 }, 0x00000010 }, /* bfmlalt */
    { 0x6ec2fc20, 0x00c00000, { 0x8039968600185e75, 0x8000000000000000, 0xf86501a2ce01c0f6, 0x3f853d23c12d7dd5, 0x3e18c01dc1b4bf32, 0x3cf4aeb43f4abd43, 0x305cecf4867f8b38, 0x5d1ffb2e75aaba2e }, { 0xf707f80050356800, 0x3cfd8800c1088200 }, 0x00000010 }, /* bfmlalt */
    { 0x6ec2fc20, 0x00c00000, { 0x42ca8e5c53300000, 0x463500000ffb401d, 0xbf8cbf8c3eed3eed, 0xc0ebc0ebbebcbebc, 0x3e7cbe7cff807f80, 0x86080608bc8e3c8e, 0x4327246717af86a5, 0x84db14746365d0e8 }, { 0x42ca048cff800000, 0x463500003bd09000 }, 0x00000010 }, /* bfmlalt */
    { 0x6ec2fc20, 0x00c00000, { 0x44e89deb0e940000, 0xbf5f48af31735be0, 0xbe2cbe2cff80ff80, 0xc1cdc1cdc0ccc0cc, 0xfd0d7d0d83b103b1, 0xf776777601548154, 0xd8884f0b5a851d8d, 0x3ced6b9ee72ad4f6 }, { 0x7bbd78007f800000, 0x79c4fdff31735bdf }, 0x00000010 }, /* bfmlalt */
    { 0x6ec2fc20, 0x01400000, { 0xc08c496942290c41, 0x800000007f800000, 0x7f80fb34c0eb3d49, 0x8338807f40b9fb19, 0x7f80fad301627001, 0xc1b0becf58dc3ffe, 0xf62f6c5f3137bd2f, 0x9d49a953c6357995 }, { 0x7f80000042290c41, 0x057d00007f800000 }, 0x00000010 }, /* bfmlalt */
    { 0x6ec2fc20, 0x01400000, { 0x80663a0a806ee5d9, 0x846d00001a1fb5da, 0x823a823abce7bce7, 0xbeecbeec03f403f4, 0xbff37878be313e1b, 0xfaa7b04a83dafdcf, 0x76991e4385221f57, 0xcd8fdeb0d4176ea9 }, { 0x02b08e003b9fb700, 0x7a19f4001a1fb5da }, 0x00000090 }, /* bfmlalt */
    { 0x6ec2fc20, 0x01400000, { 0x387ed34e7f800000, 0x3d234433b4df3be6, 0x403e403e3e9b3e9b, 0x3ee63ee684018401, 0xc68904953daebdb8, 0xe69b85eabcc24114, 0xb1f50850cc103839, 0xcf3c32f302933609 }, { 0xc74b5bff7f800000, 0xe60b41ffb4df3be5 }, 0x00000010 }, /* bfmlalt */
    { 0x6ec2fc20, 0x01400000, { 0x3bae3b93e378caf7, 0x007fffff3ce6a824, 0xc1cdc1cd02870287, 0xff80ff803c9c3c9c, 0xbee23ee2bdda3dda, 0xfb1b7b1b97f917f9, 0x2e9569de00e5bd41, 0x6b8b90d73ed5067b }, { 0x41350fc8e378caf7, 0x7f8000003ce6a824 }, 0x00000090 }, /* bfmlalt */
    { 0x0fc2f020, 0x00000000, { 0xc4c4297d00015644, 0xffa00001fa8b68e6, 0x3cce0080791ec091, 0xf8f9c249c110fafb, 0x3f333f33c1ebc1eb, 0xc210c2103d613d61, 0xfd6162d25b035fe8, 0x6f5bf6de1231a357 }, { 0xc4c4297d43051b00, 0xffe000017d620db9 }, 0x00000011 }, /* bfmlal_elem_q0_0 */
    { 0x0fc2f020, 0x00000000, { 0x3d46d559802155f5, 0x002a499f80000000, 0xfb6041ca3f48bd2a, 0x3ebe0080c898be60, 0xc156186c4263c246, 0xff5b7fc1413d57f3, 0x9212dbfd102b06e9, 0x8ee8a324155fcaa4 }, { 0xc49c3a7240037c00, 0x8344adb3412d4000 }, 0x00000010 }, /* bfmlal_elem_q0_0 */
    { 0x0fc2f020, 0x01400000, { 0x059680006a6efddc, 0x756000002392931f, 0x3d743fa041dd3e21, 0x41b03e0d3fdec068, 0x401e401e807f807f, 0x412241223cf43cf4, 0xa734d5a06ca61f9a, 0x8ef255932c41f525 }, { 0x059680006a6efddc, 0x756000002392931f }, 0x00000080 }, /* bfmlal_elem_q0_0 */
    { 0x0fc2f020, 0x01400000, { 0x0068ba097f7f7fff, 0x8cb38000e8d58000, 0xc26bc26bfdc8fdc8, 0x3d543d54807f807f, 0xc182beed7871c135, 0xbf02c0bcf9e7c1c8, 0x5ebf034708e2635b, 0x2495a99fd0ba115d }, { 0x442627007f800000, 0xbf15e400e8d58000 }, 0x00000094 }, /* bfmlal_elem_q0_0 */
    { 0x0fd2f020, 0x00000000, { 0x006028303e440000, 0xc55e352dba53b96f, 0xc202c20204680468, 0x845a845abffcbffc, 0x80da00da4208c208, 0xc23742373d4cbd4c, 0x6b96f32f3c6dfa9f, 0x518f7efb0b6c66aa }, { 0xc48a20003e440000, 0xc55e352dc285e06a }, 0x00000010 }, /* bfmlal_elem_q0_1 */
    { 0x0fd2f020, 0x00000000, { 0x3998ac12447d1a6e, 0x3a000738e1018000, 0x1a2a3cc77ea9c123, 0x056a3fc5be514062, 0xbd3f7fc1bc87bf35, 0x807f3fa9beeac256, 0x5e60ef66f93ec824, 0x13486cd5db123cb4 }, { 0xb8e4d7b8447d252d, 0xbccbc5c6e1018000 }, 0x00000010 }, /* bfmlal_elem_q0_1 */
    { 0x0fd2f020, 0x01400000, { 0x4499bb2f3a32df38, 0xbff3560723ab64c2, 0x420142017f7f7f7f, 0x000000008ea28ea2, 0x7f817f815e815e81, 0x04f804f8bed7bed7, 0x783c2c0793fc400f, 0xb3ce70505d545b4f }, { 0x610202017f800000, 0xbff35607ada343f5 }, 0x00000014 }, /* bfmlal_elem_q0_1 */
    { 0x0fd2f020, 0x01400000, { 0x0011fa2d6cdfdc34, 0xbcf70000827fed31, 0x4150be5b40dc418b, 0x41647f80fdc9c178, 0x331333133c9b3c9b, 0xbe28be28418a418a, 0xc8673f42a666bbb6, 0xc562aebddb705b41 }, { 0xbb8499006cdfdc35, 0x7f800000be962800 }, 0x00000090 }, /* bfmlal_elem_q0_1 */
    { 0x0fe2f020, 0x00000000, { 0xbc2ee1a47f7f8000, 0xf4c0000040c543f2, 0xfcfcc22dbe07fb61, 0x41593f26411b3d49, 0x3e8b7c627f80bd5a, 0xfe9bbf12bed4c0c6, 0xa274a35e34c312fc, 0x8068ef6e8d83abd9 }, { 0xff18ba00ff800000, 0x7c128a807a317200 }, 0x00000014 }, /* bfmlal_elem_q0_2 */
    { 0x0fe2f020, 0x00000000, { 0x5dd38000488e0000, 0x78478000806f8cc2, 0x7f807f80beb9beb9, 0x82098209fdb9fdb9, 0x5a0dda0dbf3a3f3a, 0x3de1bde1bf533f53, 0x16db5d3eaa4aee2b, 0x9f4841a63a0e9137 }, { 0xff800000594bca00, 0x784780007f800000 }, 0x00000014 }, /* bfmlal_elem_q0_2 */
    { 0x0fe2f020, 0x01400000, { 0xbc71e62241e39a18, 0x001720f21b568000, 0x3cdf3cdf6ff66ff6, 0x7f7f7f7fbc83bc83, 0x3ef0bef03f38bf38, 0x6dc1edc1c2794279, 0x65e8b32ad084592e, 0x96baacc59b2eda1c }, { 0xbce17b11ef669fff, 0xfeef10003bf5a001 }, 0x00000090 }, /* bfmlal_elem_q0_2 */
    { 0x0fe2f020, 0x01400000, { 0x80690b1dc121d250, 0x84d490568043c8a2, 0x40994099f1eaf1ea, 0xc1c2c1c241f341f3, 0x87290729c0224022, 0xc0004000c2254225, 0xd99ac8a81bc75b36, 0x290076c6e140d800 }, { 0x084a0200c121d384, 0x8980472409a06b00 }, 0x00000090 }, /* bfmlal_elem_q0_2 */
    { 0x0ff2f020, 0x00000000, { 0xf58b64999a040000, 0x2f42913a66a78000, 0xc049c04900000000, 0x413c413c7d987d98, 0xbf503f50be453e45, 0xc03140313f52bf52, 0x3bd9a43d844a0b40, 0x5e7bf1cd32044f56 }, { 0xf58b64999a040000, 0xc118c000fd770000 }, 0x00000010 }, /* bfmlal_elem_q0_3 */
    { 0x0ff2f020, 0x00000000, { 0x4fe3ef2047858000, 0x272f8000d589ed6a, 0x03870387be3dbe3d, 0x40b340b37f7c7f7c, 0xceab3d373ef6f7dd, 0x795a83d8fd34c0da, 0x6551b8a8eab37043, 0x0b8adfd1b5746663 }, { 0x4fe3ef204d7c8eb0, 0xcfef2200ff800000 }, 0x00000014 }, /* bfmlal_elem_q0_3 */
    { 0x0ff2f020, 0x01400000, { 0x4014bc4946340000, 0xeca9000042e2816c, 0x426942697f7f7f7f, 0x01390139be70be70, 0xbdc83dc8ff817f81, 0x80000000fcaa7caa, 0x94e6ffee75904bfd, 0x45f08f12ac42342a }, { 0xc05753b7fdc737ff, 0xeca9000042e28d24 }, 0x00000010 }, /* bfmlal_elem_q0_3 */
    { 0x0ff2f020, 0x01400000, { 0x7fc123454541a0b4, 0x44af5762ff7f8000, 0xbf34bf34bfefbfef, 0x409040903e143e14, 0x3edfbedfc8b148b1, 0x3ddebddebcb43cb4, 0x24af346c8bdd3cef, 0x031ce46db8b45d56 }, { 0x7fc12345454193b1, 0x44af961aff7f7fff }, 0x00000010 }, /* bfmlal_elem_q0_3 */
    { 0x0fc2f820, 0x00000000, { 0x80000000d56b8000, 0xbb5bf4dc1acd0000, 0x7f817f8103d403d4, 0x41d041d0be80be80, 0xbda83da8bee93ee9, 0x415dc15d7eaffeaf, 0x7dd103a8ed7beb53, 0xf1686858cfbba845 }, { 0x7fc10000d56b8000, 0xff8000007daf0000 }, 0x00000015 }, /* bfmlal_elem_q0_4 */
    { 0x0fc2f820, 0x00000000, { 0xbe8dc10843179085, 0x804728ee21e50000, 0x00010001c070c070, 0x86258625c0e1c0e1, 0xbe6b3e6bfd287d28, 0x4098c098bece3ece, 0xc0bef94ccb0492f0, 0x82704d3c4e4227d5 }, { 0xbe8dc10843160e45, 0x8584d7cac0350e00 }, 0x00000010 }, /* bfmlal_elem_q0_4 */
    { 0x0fc2f820, 0x01400000, { 0xffa000013b658dcc, 0x001fa72380000000, 0x4193c092c0893e4b, 0x7f807fc1c08dc0fd, 0xc21fbcf57f800623, 0xc135bcf678ac3fd8, 0x45aceb47160640df, 0xda5c22d7e69d9b9e }, { 0xffe000013ead131c, 0x7fc10000c1557800 }, 0x00000091 }, /* bfmlal_elem_q0_4 */
    { 0x0fc2f820, 0x01400000, { 0x1c5300003ea3d847, 0x3d3af4d9bda10a39, 0xbfb900ac7fc1f832, 0x3dbb00807f81bfd7, 0x041b3c98e41fbf03, 0x419535eb3cff3e1a, 0x9daea6ae808f53a6, 0x494da80edd2c6481 }, { 0x1c530001f6d627ff, 0x3d3af4dabea9988e }, 0x00000010 }, /* bfmlal_elem_q0_4 */
    { 0x0fd2f820, 0x00000000, { 0x0080000000008000, 0x3eb6ac92cbca8000, 0xbfebfc67f9f241dd, 0xc0753e2482fa3e81, 0x3de2c1c23dc03ef0, 0xbdcb8765c096bd3b, 0xe6d02adb20a9d49a, 0x52eb544e4568e1b3 }, { 0x7d875a00c3017e00, 0xbec9b36ecbca8001 }, 0x00000010 }, /* bfmlal_elem_q0_5 */
    { 0x0fd2f820, 0x00000000, { 0x7fc123458ee47b16, 0x0010ad76433d47e9, 0xc23bc23bbeefbeef, 0x41a841a83e023e02, 0x40ecbdae3cd60634, 0x851b3e1e7918c0d7, 0x6fbe490a76da4a9d, 0xd46f02336f66f948 }, { 0x7fc12345f88de800, 0x7b478000779a6000 }, 0x00000010 }, /* bfmlal_elem_q0_5 */
    { 0x0fd2f820, 0x01400000, { 0x00739ece44d41f83, 0xbaafedba007fffff, 0x00eb00eb40f140f1, 0xc082c08240a740a7, 0x5ad14016796f788a, 0xbd95be073de090b7, 0x2240f08002ffa901, 0x9e54c15e24163613 }, { 0x0000000044d439df, 0xbee42fed3f122000 }, 0x00000098 }, /* bfmlal_elem_q0_5 */
    { 0x0fd2f820, 0x01400000, { 0x3dc618250045489d, 0x00014f1642da8d29, 0xc0d5c0d5c229c229, 0x3f0f3f0f3cfe3cfe, 0xc0e540e5c0314031, 0xfc187c18427ec27e, 0x3761123c25c04aa9, 0xa25e9231a434407c }, { 0xc3d3499ec527ae00, 0x420de20042de7d39 }, 0x00000090 }, /* bfmlal_elem_q0_5 */
    { 0x0fe2f820, 0x00000000, { 0xed4f80001f170000, 0xff7f800044c4884d, 0x3c9c3c9cbfeabfea, 0xfa1ffa1f6b156b15, 0x3fa7bfa73cf9bcf9, 0xc0994099c23d423d, 0xcfa2f58bd972835d, 0xc3402daee03d111b }, { 0xed4f8000c10bda00, 0xff8000006c321a00 }, 0x00000014 }, /* bfmlal_elem_q0_6 */
    { 0x0fe2f820, 0x00000000, { 0x78b680008065a662, 0xa5b60000ff7f8000, 0x00800080facffacf, 0xbdddbddd3fe73fe7, 0x3ca53ca505db05db, 0xbe54be54bfdcbfdc, 0xb6c71f7e88b554b9, 0x6a6b7b3892c63050 }, { 0x78b6800079ab6c00, 0x3cb70400ff7f8000 }, 0x00000010 }, /* bfmlal_elem_q0_6 */
    { 0x0fe2f820, 0x01400000, { 0x3faef3b67f7fffff, 0x7d47d049bf2404c3, 0x3e34c01e0485bfe8, 0x42673f1cd7d4be84, 0xbe5dbca742073cd6, 0xb42dbfa83ff04028, 0xda18d84c572d805b, 0x208a19ddefdead9b }, { 0x40936cee7f800000, 0x7d47d049be9ac986 }, 0x00000014 }, /* bfmlal_elem_q0_6 */
    { 0x0fe2f820, 0x01400000, { 0xda818000ef2e8000, 0x45115cc9ffa00001, 0xbe8cbf7e3ca3fdce, 0x4107425c8220d70b, 0xc07dbfbb3e9dbff4, 0x41247f7f416ef9e0, 0xa93655cb885737c1, 0x1659e26c7fae49ee }, { 0xff7d0200ff7fffff, 0x7f800000ffe00001 }, 0x00000015 }, /* bfmlal_elem_q0_6 */
    { 0x0ff2f820, 0x00000000, { 0x037c24d600008000, 0x404df435807da975, 0x3fcbbe0a406f8236, 0x3cf1e24cad2e3df6, 0x7fc17f803d0e3cd0, 0xbe0a823181717c5f, 0xf42ed4bb450e02f7, 0xb021afd6363e4332 }, { 0x3c94c80000c4b800, 0x60dbf000bc849c00 }, 0x00000010 }, /* bfmlal_elem_q0_7 */
    { 0x0ff2f820, 0x00000000, { 0x470c800080402876, 0xf503000040a065af, 0x3e07bff60080bd98, 0xb2c33cf43cffa2ce, 0x8634c0b871763fa3, 0xbd40403e3f47c012, 0xd1261d30edec811b, 0x13bdcee49a867ed9 }, { 0x470c80173b640000, 0xf503000040a065af }, 0x00000010 }, /* bfmlal_elem_q0_7 */
    { 0x0ff2f820, 0x01400000, { 0x13cee628c3038000, 0xc1ca029c005747b1, 0x7f817f8100010001, 0x3cd13cd1420e420e, 0x34f5b4f5f8687868, 0x415cc15cc0854085, 0xbc6a49d3061a3f45, 0xe63e4ba095877a7b }, { 0x7fc10000c3038000, 0xc1c7342c43f41000 }, 0x00000081 }, /* bfmlal_elem_q0_7 */
    { 0x0ff2f820, 0x01400000, { 0xbd6c3756b7470000, 0xc30ccf597fc12345, 0x7f807f8041454145, 0x862e862e00000000, 0xc0b941d5be933cb1, 0x7fc13cd14176c020, 0x461189042e2251fe, 0xaa6ca772b16faadd }, { 0x7fc100007fc10000, 0x7fc100007fc12345 }, 0x00000000 }, /* bfmlal_elem_q0_7 */
    { 0x4fc2f020, 0x00000000, { 0xc1cd8b61c1b4be20, 0x91540000c51d54ba, 0x7d4cc15540bef9a8, 0xc010fcc9859284a8, 0xedbd0459b6462709, 0x4123c0b90001fb07, 0x7770cd50db44914f, 0xa92f106b6ea5abad }, { 0x64da5800c1b4be20, 0xa79a2000c51d54ba }, 0x00000010 }, /* bfmlal_elem_q1_0 */
    { 0x4fc2f020, 0x00000000, { 0x396a4146bed2611b, 0x1cdf80005a8e0000, 0x83cf83cf424b424b, 0x000000007f817f81, 0x043f843f047b847b, 0xc1aa41aa3d1abd1a, 0xc89386435df08803, 0x0d6636f4a5cf09d3 }, { 0x396a4146bed2611b, 0x1cdf80007fc10000 }, 0x00000011 }, /* bfmlal_elem_q1_0 */
    { 0x4fc2f020, 0x01400000, { 0x0000ab423ed0fc28, 0x8d2180003a562351, 0x78df78dfc0d0c0d0, 0x3d4f3d4fdafadafa, 0x32ddb2ddc59b459b, 0xc0904090c2714271, 0x0b540aa689850905, 0x3f56d3c8c05ae257 }, { 0x7f070500c6fbdf2f, 0x437aaa00e1175dff }, 0x00000090 }, /* bfmlal_elem_q1_0 */
    { 0x4fc2f020, 0x01400000, { 0x005d0c493aa41e55, 0x3c80a12d87040000, 0xff80ff80c208c208, 0xc172c17240ae40ae, 0xbc853c853cfabcfa, 0xbf393f39bdea3dea, 0x8ef7eddbba12cecb, 0x74f3a3b4a3203996 }, { 0x7f8000003f84f908, 0x3ef45e13be29ec00 }, 0x00000090 }, /* bfmlal_elem_q1_0 */
    { 0x4fd2f020, 0x00000000, { 0x4e708000bb8d95e6, 0x433b9a5680372b8c, 0x794679462d9c2d9c, 0xff80ff8091f391f3, 0x402ec02e3e8abe8a, 0xfdfd7dfd418ac18a, 0xfee17aa973510016, 0xa8c297801ad96796 }, { 0x78557800bb8d95e6, 0xff8000009102fe00 }, 0x00000010 }, /* bfmlal_elem_q1_1 */
    { 0x4fd2f020, 0x00000000, { 0x801455a57f812345, 0x0fc400007f812345, 0xc26cc26c01430143, 0x427b427bfa96fa96, 0x4024c2003fcba24a, 0x0c98bdaf834b3f55, 0x41c15d93968137b1, 0xf89da732c42bf99e }, { 0xc2bb24007fc12345, 0x42c709007fc12345 }, 0x00000011 }, /* bfmlal_elem_q1_1 */
    { 0x4fd2f020, 0x01400000, { 0x18bb0000bec1bf77, 0x8022436f2c900000, 0xbf9e0080402c01d8, 0x573b3ddc3ded019a, 0x3f313f31c3d3c3d3, 0xfac4fac4f88cf88c, 0x06e1511cd5c18c4c, 0xb0fc153295289c54 }, { 0x44023a01c48dd01b, 0xdb9a2100c24356ff }, 0x00000090 }, /* bfmlal_elem_q1_1 */
    { 0x4fd2f020, 0x01400000, { 0x3ce90bdefb1b8000, 0x3dbb422c00151063, 0x3ded3ded15f315f3, 0xc00cc00cc0e8c0e8, 0xc27e427e409dc09d, 0xc07e407e80000000, 0x1bd02ae0526452d4, 0x6f6a3bf0df6caf71 }, { 0x3f18a15ffb1b7fff, 0xc12a417bc20e4800 }, 0x00000090 }, /* bfmlal_elem_q1_1 */
    { 0x4fe2f020, 0x00000000, { 0x4491539a6f7e0000, 0x8a1a8826ffea0000, 0x7f817f81423c423c, 0x7f817f8140eb40eb, 0xbf0b3f0bc0684068, 0x4258c2587a36fa36, 0xbb6bb14e2ba036ab, 0x2d7c428d2123bc06 }, { 0x7fc100006f7e0000, 0x7fc10000ffea0000 }, 0x00000011 }, /* bfmlal_elem_q1_2 */
    { 0x4fe2f020, 0x00000000, { 0x9b988a165c310000, 0xbae414907f378000, 0x3d127f80ff803d5f, 0x3ccd3f75bf070000, 0x05a2c1143da6e61e, 0xc15eff8080938282, 0x5e1611331f3394f8, 0xb9699cdf5cd5cdd1 }, { 0xbea8d0007f800000, 0xbe6ed0297f378000 }, 0x00000010 }, /* bfmlal_elem_q1_2 */
    { 0x4fe2f020, 0x01400000, { 0x70790000c283b677, 0x3fcdf6b9c18e51eb, 0x7fc17fc13d4a3d4a, 0xbd89bd89bf96bf96, 0x4229c22900008000, 0xc25c425c7c73fc73, 0xd8cb731654213394, 0x6206478f7f5114f3 }, { 0x7fc10000c287e147, 0x408deeaf41fdc615 }, 0x00000010 }, /* bfmlal_elem_q1_2 */
    { 0x4fe2f020, 0x01400000, { 0xd4fc8000401086c2, 0x6be50000c48d66ad, 0x7064706400e600e6, 0xfc04fc0481fb81fb, 0x3d1c4231017665f1, 0x7ec0fb3481d33eb9, 0x973af18abea41111, 0xaabcb0ecfa193d73 }, { 0x731da400401086c3, 0xfeb687ffc48d66ad }, 0x00000010 }, /* bfmlal_elem_q1_2 */
    { 0x4ff2f020, 0x00000000, { 0x454ccf50446f02e7, 0xbcdbc8bc80571a07, 0x3d034074bdb57fc1, 0x82590001f8c6c006, 0x7f7f3d6ffdb203b7, 0x3e8003b70080c0dd, 0x32bfdd87212906f5, 0x873fac39d68449b8 }, { 0x7d027d00fdb44b00, 0xc2584279ff800000 }, 0x00000014 }, /* bfmlal_elem_q1_3 */
    { 0x4ff2f020, 0x00000000, { 0xbbd5f82d3e25c9af, 0x09cd63833d460549, 0xbe253d913e08bdce, 0x7dcc413ab39dbd3e, 0xc16ec1ae3e547f81, 0x78e44108415abd3e, 0xa1d85d2582b8c877, 0x8278e9aaf6cf4427 }, { 0x4018fb04bfe826ca, 0xff8000003d46066d }, 0x00000014 }, /* bfmlal_elem_q1_3 */
    { 0x4ff2f020, 0x01400000, { 0xfd9c8000d89ce912, 0x7fc123457f7f8000, 0x0333ff1184d0be46, 0x414bbfdfbd2c4046, 0x3f3fbd85c17c864e, 0xc007bfb13fdd3cf9, 0x19e6f160e4c8c271, 0x360166ddd015efb5 }, { 0xfd9c7fffd89ce912, 0x7fc123457f7f8000 }, 0x00000010 }, /* bfmlal_elem_q1_3 */
    { 0x4ff2f020, 0x01400000, { 0xbc99b5da3f808000, 0x17bd8000ec6040de, 0x3f973f9779b379b3, 0xc1fbc1fb40714071, 0x41d4c1d486590659, 0xae552e55bdc43dc4, 0x7802d0dd861f5552, 0x87e1f206ae9c7f78 }, { 0x41f9f1937c143c01, 0xc44fdbffec6040dd }, 0x00000010 }, /* bfmlal_elem_q1_3 */
    { 0x4fc2f820, 0x00000000, { 0x9cc500003f241717, 0x3e39877b0017f7c3, 0xbcb83d5d3dec7963, 0x7f80af02bcbe85b9, 0x3d0f3edbc0bf406a, 0x7f81beb33edc40d0, 0xb86c4b4217e4e89a, 0x323dee69787447cb }, { 0xbe1580003fb1eb8c, 0x7f800000be1a6000 }, 0x00000010 }, /* bfmlal_elem_q1_4 */
    { 0x4fc2f820, 0x00000000, { 0xbe2439743fbfa89a, 0x3e208af5e8e08000, 0xc0e8c0e8c0dfc0df, 0xc0f3c0f33ebc3ebc, 0x797079707c7b7c7b, 0x0001000184948494, 0x64c4b5a3e3d8fd54, 0xa302b35e7ed699ae }, { 0xbe2439743fbfa89a, 0x3e208af5e8e08000 }, 0x00000010 }, /* bfmlal_elem_q1_4 */
    { 0x4fc2f820, 0x01400000, { 0x4b580c5c38980000, 0x3e36f34d3a7710ca, 0xbec0fce58000bdcf, 0xc1cb3eb23e46303b, 0x404e83747d1d7c6f, 0xbdf2037cf0810f5c, 0x4cb65312ec0e5534, 0xcac5a74509d9849e }, { 0x4b580c5c38980000, 0x3e36f34d3a7710cb }, 0x00000010 }, /* bfmlal_elem_q1_4 */
    { 0x4fc2f820, 0x01400000, { 0x3c5deb41bdb00cc8, 0xb103000031948000, 0x820883a7c0b54099, 0x3d18c1fd10d8cf8b, 0x40037a5bfd1abef8, 0x81cb83eebaa33f3a, 0x7450959835d07897, 0xce26a96a45fb1da6 }, { 0x3c5deb41c0864233, 0x3cdcdfff31948001 }, 0x00000010 }, /* bfmlal_elem_q1_4 */
    { 0x4fd2f820, 0x00000000, { 0x3a1029857e9556bd, 0x0076d609bd0fa2e0, 0xbdb4bcff4d6f7fc1, 0x030bc0cd3f06c010, 0xbddd3c8d4183c252, 0x3eb22eaec0f47fc1, 0x7fb9014d6aa21c3b, 0x45adbbaf76f136c3 }, { 0x3f2bb40a7e9556bd, 0x8484052ac080d746 }, 0x00000010 }, /* bfmlal_elem_q1_5 */
    { 0x4fd2f820, 0x00000000, { 0x3cf6061340136f72, 0x70064cd000800000, 0x3f07bcfe7e684bb5, 0x7f7fc27e3ec64018, 0x7d47800001c87f7f, 0xc147c1e0f9a702a7, 0xfb828589229edefd, 0x27575ffeb4b3fc00 }, { 0xf9302200ff800000, 0xff800000f9012a00 }, 0x00000014 }, /* bfmlal_elem_q1_5 */
    { 0x4fd2f820, 0x01400000, { 0x00789cd6c0d27348, 0x3ba10c3b1cee0000, 0x3e28411c3e1bbfd0, 0xc114c22c40fcc162, 0x41b8bf713dfd7f81, 0x1a75c21440b9bf6c, 0xf439b8e4dfb61680, 0x100b1bed8c06daad }, { 0x3f72d000c0b67288, 0xc255e2f742361c01 }, 0x00000090 }, /* bfmlal_elem_q1_5 */
    { 0x4fd2f820, 0x01400000, { 0xf40b00007f812345, 0x4071607e4045ca8a, 0x7f817f81be1e7e70, 0x3ea5bcd8be4f04f8, 0xbf60823dbfb2fe56, 0xf80d78a6bdc4fd71, 0xdcf6c2920cc14909, 0x90b5a95b621da9db }, { 0x7fc100007fc12345, 0x406f672e40470782 }, 0x00000001 }, /* bfmlal_elem_q1_5 */
    { 0x4fe2f820, 0x00000000, { 0xbca899057f7fffff, 0x818f00008033ddd2, 0x85bd3d72e52d8387, 0xfcfac225a62a4237, 0x036e3f0b3d243d94, 0x3e3141677d843ed3, 0x8be8ce83a46d82e7, 0x05e8db48085d0022 }, { 0xbca899057f7fffff, 0xfee19600a8196600 }, 0x00000010 }, /* bfmlal_elem_q1_6 */
    { 0x4fe2f820, 0x00000000, { 0x437c80003a7732d7, 0x654a63750033611f, 0xbd04bd0441484148, 0x04c004c07c987c98, 0x4200c200fbf47bf4, 0xbdb13db101ad81ad, 0x47e7ba76f653c914, 0xdd23daaaa163ab86 }, { 0x437c7f493f8a66e6, 0x654a63757ad23000 }, 0x00000010 }, /* bfmlal_elem_q1_6 */
    { 0x4fe2f820, 0x01400000, { 0xbfef80006b5a0000, 0xbd06fcc5c3dda7f0, 0xc036c036404a404a, 0x408d408d41d541d5, 0x416fc16fc0764076, 0x3f30bf3085e405e4, 0xa7846710563ddf20, 0x692825089b3e6c9e }, { 0x3dac00006b5a0000, 0xc043fbf3c3e6cef0 }, 0x00000010 }, /* bfmlal_elem_q1_6 */
    { 0x4fe2f820, 0x01400000, { 0xbdc8e04fff800000, 0x007fa5b7bee1c064, 0xf9b5f9b53e993e99, 0x416f416f40ef40ef, 0x3e7ebe7e3f03bf03, 0xc0c740c73dd1bdd1, 0xad131fe0888119ae, 0x6ea8452a2ad9b01d }, { 0xfb0cb300ff800000, 0x42b9c90042380580 }, 0x00000090 }, /* bfmlal_elem_q1_6 */
    { 0x4ff2f820, 0x00000000, { 0xbc6d1ee039b33397, 0xbdebc1e1c39e4ea3, 0x011d011d020e020e, 0x7816781640ea40ea, 0xc20e420eff7f7f7f, 0x83b203b202e682e6, 0xd4ff94901bd9a35c, 0xbfa8bf1e77d9471a }, { 0xbc6d1ee039b33397, 0xbe02ea70c39e4ea3 }, 0x00000010 }, /* bfmlal_elem_q1_7 */
    { 0x4ff2f820, 0x00000000, { 0x3dc1c44a80143815, 0x70aa8000c20ba916, 0x40f005fec1177f09, 0x407f4264ff80ed4b, 0x0b2c3d54d919bcaa, 0xc196c0b0c20ebcc2, 0xc086d30c929fe4e4, 0x05692e631485622d }, { 0xc30c87c74330f400, 0x70aa80007f800000 }, 0x00000010 }, /* bfmlal_elem_q1_7 */
    { 0x4ff2f820, 0x01400000, { 0x00008000452be072, 0x503e800046878000, 0xc22fc22f59715971, 0xc14ec14e3fa13fa1, 0x3f80bf80bd233d23, 0x40d0c0d0fc947c94, 0xebd0104e68327496, 0x35ef03295d13f5ff }, { 0xc38e30005ac3d001, 0x503e80004687905a }, 0x00000090 }, /* bfmlal_elem_q1_7 */
    { 0x4ff2f820, 0x01400000, { 0x502400003cfad32e, 0xdc1f800000800000, 0xbe6cbe6c326a326a, 0x3c823c827d8d7d8d, 0x400ac00afccd7ccd, 0xc0994099bf6d3f6d, 0x0a085657d5a9e826, 0x53b57343c9907276 }, { 0x502400013cfad30c, 0xdc1f8000fea889ff }, 0x00000010 }, /* bfmlal_elem_q1_7 */
};
static const unsigned n_qemu_cases = G_N_ELEMENTS(qemu_cases);
