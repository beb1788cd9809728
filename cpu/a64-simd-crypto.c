/* Cryptographic extension: AESE/AESD/AESMC/AESIMC, SHA1C/P/M/H/SU0/SU1,
 * SHA256H/H2/SU0/SU1, SHA512H/H2/SU0/SU1, and SHA3's EOR3, RAX1, XAR and
 * BCAX. (PMULL is with the three-different class.) SM3/SM4 are not
 * implemented (UNDEFINED). */
#include "cpu/a64-simd-common.h"

/* ---- AES ---------------------------------------------------------------- */

static uint8_t gf_mul(uint8_t a, uint8_t b)
{
    uint8_t r = 0;
    while (b) {
        if (b & 1)
            r ^= a;
        a = (uint8_t)((a << 1) ^ ((a & 0x80) ? 0x1b : 0));
        b >>= 1;
    }
    return r;
}

static uint8_t aes_sbox[256], aes_inv_sbox[256];

/* The S-box from its definition: inverse in GF(2^8), then the affine map. */
static void aes_init_sbox(void)
{
    if (aes_sbox[0])
        return;
    for (unsigned x = 0; x < 256; x++) {
        uint8_t inv = 0;
        for (unsigned y = 1; y < 256 && x; y++) {
            if (gf_mul((uint8_t)x, (uint8_t)y) == 1) {
                inv = (uint8_t)y;
                break;
            }
        }
        uint8_t s = inv;
        for (int k = 1; k <= 4; k++)
            s ^= (uint8_t)((inv << k) | (inv >> (8 - k)));
        s ^= 0x63;
        aes_sbox[x] = s;
        aes_inv_sbox[s] = (uint8_t)x;
    }
}

/* State bytes are column-major: byte r + 4c is row r of column c. */
static int trans_AES(struct cpu_state *cpu, uint32_t insn)
{
    static const uint8_t mix[4] = { 2, 3, 1, 1 }, inv_mix[4] = { 14, 11, 13, 9 };
    unsigned op = a64_bits(insn, 12, 2);   /* AESE, AESD, AESMC, AESIMC */
    simd_vec n = simd_get(cpu, A64_RN(insn)), r;
    aes_init_sbox();
    if (op < 2) {
        simd_vec d = simd_get(cpu, A64_RD(insn)), s;
        for (int i = 0; i < 16; i++)
            s.b[i] = d.b[i] ^ n.b[i];
        for (int row = 0; row < 4; row++) {
            for (int c = 0; c < 4; c++) {
                if (op == 0)  /* ShiftRows then SubBytes */
                    r.b[row + 4 * c] = aes_sbox[s.b[row + 4 * ((c + row) % 4)]];
                else          /* InvShiftRows then InvSubBytes */
                    r.b[row + 4 * ((c + row) % 4)] = aes_inv_sbox[s.b[row + 4 * c]];
            }
        }
    } else {
        const uint8_t *coef = op == 2 ? mix : inv_mix;
        for (int c = 0; c < 4; c++) {
            for (int row = 0; row < 4; row++) {
                uint8_t v = 0;
                for (int k = 0; k < 4; k++)
                    v ^= gf_mul(coef[(k - row + 4) % 4], n.b[k + 4 * c]);
                r.b[row + 4 * c] = v;
            }
        }
    }
    simd_put(cpu, A64_RD(insn), &r, true);
    return A64_NEXT;
}

/* ---- SHA-1 and SHA-256 ---------------------------------------------------- */

static uint32_t rol32(uint32_t x, unsigned n) { return x << n | x >> ((32 - n) & 31); }
static uint32_t ror32(uint32_t x, unsigned n) { return x >> n | x << ((32 - n) & 31); }
static uint64_t ror64(uint64_t x, unsigned n) { return x >> n | x << ((64 - n) & 63); }

static uint32_t sha_choose(uint32_t x, uint32_t y, uint32_t z) { return ((y ^ z) & x) ^ z; }
static uint32_t sha_parity(uint32_t x, uint32_t y, uint32_t z) { return x ^ y ^ z; }
static uint32_t sha_majority(uint32_t x, uint32_t y, uint32_t z)
{
    return (x & y) | ((x | y) & z);
}

/* SHA1C/SHA1P/SHA1M: four rounds; X = Qd (a..d), Y = Sn (e), W = Vm. */
static void sha1_rounds(simd_vec *x, uint32_t y, const simd_vec *w,
                        uint32_t (*f)(uint32_t, uint32_t, uint32_t))
{
    for (int e = 0; e < 4; e++) {
        uint32_t t = f(x->s[1], x->s[2], x->s[3]);
        y = y + rol32(x->s[0], 5) + t + w->s[e];
        x->s[1] = rol32(x->s[1], 30);
        /* Rotate the 160 bits Y:X left by 32. */
        uint32_t top = x->s[3];
        x->s[3] = x->s[2];
        x->s[2] = x->s[1];
        x->s[1] = x->s[0];
        x->s[0] = y;
        y = top;
    }
}

static uint32_t sigma0_256(uint32_t x) { return ror32(x, 2) ^ ror32(x, 13) ^ ror32(x, 22); }
static uint32_t sigma1_256(uint32_t x) { return ror32(x, 6) ^ ror32(x, 11) ^ ror32(x, 25); }

/* SHA256hash: four rounds on X (a..d) and Y (e..h); returns X or Y. */
static simd_vec sha256_hash(simd_vec x, simd_vec y, const simd_vec *w, bool part1)
{
    for (int e = 0; e < 4; e++) {
        uint32_t chs = sha_choose(y.s[0], y.s[1], y.s[2]);
        uint32_t maj = sha_majority(x.s[0], x.s[1], x.s[2]);
        uint32_t t = y.s[3] + sigma1_256(y.s[0]) + chs + w->s[e];
        x.s[3] = t + x.s[3];
        y.s[3] = t + sigma0_256(x.s[0]) + maj;
        /* Rotate the 256 bits Y:X left by 32. */
        uint32_t ytop = y.s[3], xtop = x.s[3];
        for (int i = 3; i > 0; i--) {
            y.s[i] = y.s[i - 1];
            x.s[i] = x.s[i - 1];
        }
        y.s[0] = xtop;
        x.s[0] = ytop;
    }
    return part1 ? x : y;
}

static int trans_SHA_3reg(struct cpu_state *cpu, uint32_t insn)
{
    unsigned op = a64_bits(insn, 12, 3);
    simd_vec d = simd_get(cpu, A64_RD(insn)), n = simd_get(cpu, A64_RN(insn));
    simd_vec m = simd_get(cpu, A64_RM(insn)), r = d;
    switch (op) {
    case 0:
        sha1_rounds(&r, n.s[0], &m, sha_choose);
        break;
    case 1:
        sha1_rounds(&r, n.s[0], &m, sha_parity);
        break;
    case 2:
        sha1_rounds(&r, n.s[0], &m, sha_majority);
        break;
    case 3:  /* SHA1SU0 */
        r.d[0] = d.d[1] ^ d.d[0] ^ m.d[0];
        r.d[1] = n.d[0] ^ d.d[1] ^ m.d[1];
        break;
    case 4:
        r = sha256_hash(d, n, &m, true);
        break;
    case 5:
        r = sha256_hash(n, d, &m, false);
        break;
    case 6: { /* SHA256SU1 */
        uint32_t t0[4] = { n.s[1], n.s[2], n.s[3], m.s[0] };
        for (int e = 0; e < 4; e++) {
            uint32_t elt = e < 2 ? m.s[2 + e] : r.s[e - 2];
            elt = ror32(elt, 17) ^ ror32(elt, 19) ^ (elt >> 10);
            r.s[e] = elt + d.s[e] + t0[e];
        }
        break;
    }
    default:
        return a64_undef(cpu, insn);
    }
    simd_put(cpu, A64_RD(insn), &r, true);
    return A64_NEXT;
}

static int trans_SHA_2reg(struct cpu_state *cpu, uint32_t insn)
{
    unsigned op = a64_bits(insn, 12, 3);
    simd_vec d = simd_get(cpu, A64_RD(insn)), n = simd_get(cpu, A64_RN(insn));
    simd_vec r;
    switch (op) {
    case 0:  /* SHA1H */
        simd_put_scalar(cpu, A64_RD(insn), rol32(n.s[0], 30), 4);
        return A64_NEXT;
    case 1: { /* SHA1SU1 */
        uint32_t t[4] = { d.s[0] ^ n.s[1], d.s[1] ^ n.s[2], d.s[2] ^ n.s[3], d.s[3] };
        for (int e = 0; e < 3; e++)
            r.s[e] = rol32(t[e], 1);
        r.s[3] = rol32(t[3], 1) ^ rol32(t[0], 2);
        break;
    }
    case 2: { /* SHA256SU0 */
        uint32_t t[4] = { d.s[1], d.s[2], d.s[3], n.s[0] };
        for (int e = 0; e < 4; e++)
            r.s[e] = (ror32(t[e], 7) ^ ror32(t[e], 18) ^ (t[e] >> 3)) + d.s[e];
        break;
    }
    default:
        return a64_undef(cpu, insn);
    }
    simd_put(cpu, A64_RD(insn), &r, true);
    return A64_NEXT;
}

/* ---- SHA-512 and SHA-3 ---------------------------------------------------- */

static int trans_SHA512_3reg(struct cpu_state *cpu, uint32_t insn)
{
    unsigned op = a64_bits(insn, 10, 2);
    simd_vec w = simd_get(cpu, A64_RD(insn)), x = simd_get(cpu, A64_RN(insn));
    simd_vec y = simd_get(cpu, A64_RM(insn)), r;
    switch (op) {
    case 0: { /* SHA512H */
        uint64_t s1 = ror64(y.d[1], 14) ^ ror64(y.d[1], 18) ^ ror64(y.d[1], 41);
        uint64_t hi = ((y.d[1] & x.d[0]) ^ (~y.d[1] & x.d[1])) + s1 + w.d[1];
        uint64_t tmp = hi + y.d[0];
        s1 = ror64(tmp, 14) ^ ror64(tmp, 18) ^ ror64(tmp, 41);
        r.d[0] = ((tmp & y.d[1]) ^ (~tmp & x.d[0])) + s1 + w.d[0];
        r.d[1] = hi;
        break;
    }
    case 1: { /* SHA512H2 */
        uint64_t s0 = ror64(y.d[0], 28) ^ ror64(y.d[0], 34) ^ ror64(y.d[0], 39);
        uint64_t hi = ((x.d[0] & y.d[1]) ^ (x.d[0] & y.d[0]) ^ (y.d[1] & y.d[0])) +
                      s0 + w.d[1];
        s0 = ror64(hi, 28) ^ ror64(hi, 34) ^ ror64(hi, 39);
        r.d[0] = ((hi & y.d[0]) ^ (hi & y.d[1]) ^ (y.d[1] & y.d[0])) + s0 + w.d[0];
        r.d[1] = hi;
        break;
    }
    case 2: /* SHA512SU1 */
        for (int e = 0; e < 2; e++) {
            uint64_t v = x.d[e];
            r.d[e] = w.d[e] + (ror64(v, 19) ^ ror64(v, 61) ^ (v >> 6)) + y.d[e];
        }
        break;
    default: /* RAX1 */
        for (int e = 0; e < 2; e++)
            r.d[e] = x.d[e] ^ ror64(y.d[e], 63);
        break;
    }
    simd_put(cpu, A64_RD(insn), &r, true);
    return A64_NEXT;
}

static int trans_SHA512SU0(struct cpu_state *cpu, uint32_t insn)
{
    simd_vec w = simd_get(cpu, A64_RD(insn)), x = simd_get(cpu, A64_RN(insn)), r;
    uint64_t a = w.d[1], b = x.d[0];
    r.d[0] = w.d[0] + (ror64(a, 1) ^ ror64(a, 8) ^ (a >> 7));
    r.d[1] = w.d[1] + (ror64(b, 1) ^ ror64(b, 8) ^ (b >> 7));
    simd_put(cpu, A64_RD(insn), &r, true);
    return A64_NEXT;
}

/* EOR3 (bit 21 = 0) and BCAX (bit 21 = 1). */
static int trans_EOR3_BCAX(struct cpu_state *cpu, uint32_t insn)
{
    simd_vec n = simd_get(cpu, A64_RN(insn)), m = simd_get(cpu, A64_RM(insn));
    simd_vec a = simd_get(cpu, a64_bits(insn, 10, 5)), r;
    bool bcax = a64_bits(insn, 21, 1);
    for (int i = 0; i < 2; i++)
        r.d[i] = bcax ? n.d[i] ^ (m.d[i] & ~a.d[i]) : n.d[i] ^ m.d[i] ^ a.d[i];
    simd_put(cpu, A64_RD(insn), &r, true);
    return A64_NEXT;
}

static int trans_XAR(struct cpu_state *cpu, uint32_t insn)
{
    simd_vec n = simd_get(cpu, A64_RN(insn)), m = simd_get(cpu, A64_RM(insn)), r;
    unsigned rot = a64_bits(insn, 10, 6);
    for (int i = 0; i < 2; i++)
        r.d[i] = ror64(n.d[i] ^ m.d[i], rot);
    simd_put(cpu, A64_RD(insn), &r, true);
    return A64_NEXT;
}

/* Field letters: o opcode, m Rm, a Ra, i imm6, x bit 21, n Rn, d Rd. */
const struct a64_pattern a64_simd_crypto_patterns[] = {
    A64_PATTERN(AES,         "0100_1110_0010_1000_01oo_10nn_nnnd_dddd"),
    A64_PATTERN(SHA_3reg,    "0101_1110_000m_mmmm_0ooo_00nn_nnnd_dddd"),
    A64_PATTERN(SHA_2reg,    "0101_1110_0010_1000_0ooo_10nn_nnnd_dddd"),
    A64_PATTERN(SHA512_3reg, "1100_1110_011m_mmmm_1000_oonn_nnnd_dddd"),
    A64_PATTERN(SHA512SU0,   "1100_1110_1100_0000_1000_00nn_nnnd_dddd"),
    A64_PATTERN(EOR3_BCAX,   "1100_1110_00xm_mmmm_0aaa_aann_nnnd_dddd"),
    A64_PATTERN(XAR,         "1100_1110_100m_mmmm_iiii_iinn_nnnd_dddd"),
    A64_PATTERN_END,
};
