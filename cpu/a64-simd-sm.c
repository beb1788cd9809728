/* The Chinese national cryptographic instructions: SM3 (FEAT_SM3: SM3SS1,
 * SM3TT1A/1B/2A/2B, SM3PARTW1/2) and SM4 (FEAT_SM4: SM4E, SM4EKEY), as the
 * Arm ARM's pseudocode defines them on 32-bit lanes (element 3 is the
 * "top" word the SM3 round instructions work on). */
#include "cpu/a64-simd-common.h"

static uint32_t rol32(uint32_t x, unsigned n)
{
    return x << n | x >> ((32 - n) & 31);
}

/* ---- SM3 ------------------------------------------------------------------ */

/* SM3SS1 Vd.4S, Vn.4S, Vm.4S, Va.4S: the top lane gets
 * ROL(ROL(n, 12) + m + a, 7); the other lanes are zeroed. */
static int trans_SM3SS1(struct cpu_state *cpu, uint32_t insn)
{
    simd_vec n = simd_get(cpu, A64_RN(insn)), m = simd_get(cpu, A64_RM(insn));
    simd_vec a = simd_get(cpu, a64_bits(insn, 10, 5)), r = { .d = { 0, 0 } };
    r.s[3] = rol32(rol32(n.s[3], 12) + m.s[3] + a.s[3], 7);
    simd_put(cpu, A64_RD(insn), &r, true);
    return A64_NEXT;
}

/* SM3TT1A/1B/2A/2B Vd.4S, Vn.4S, Vm.S[imm2]: one compression round. The
 * op field (bits 11:10) is TT1A, TT1B, TT2A, TT2B. */
static int trans_SM3TT(struct cpu_state *cpu, uint32_t insn)
{
    unsigned op = a64_bits(insn, 10, 2), index = a64_bits(insn, 12, 2);
    simd_vec d = simd_get(cpu, A64_RD(insn)), n = simd_get(cpu, A64_RN(insn));
    simd_vec m = simd_get(cpu, A64_RM(insn)), r;
    uint32_t w = m.s[index], fn, top;
    bool is_tt2 = op >= 2;

    if (!(op & 1))                       /* A forms: the XOR function */
        fn = d.s[1] ^ d.s[3] ^ d.s[2];
    else if (!is_tt2)                    /* TT1B: majority */
        fn = (d.s[3] & d.s[1]) | (d.s[3] & d.s[2]) | (d.s[1] & d.s[2]);
    else                                 /* TT2B: choose */
        fn = (d.s[3] & d.s[2]) | (~d.s[3] & d.s[1]);

    if (!is_tt2) {
        uint32_t ss2 = n.s[3] ^ rol32(d.s[3], 12);
        top = fn + d.s[0] + ss2 + w;
    } else {
        uint32_t tt2 = fn + d.s[0] + n.s[3] + w;
        top = tt2 ^ rol32(tt2, 9) ^ rol32(tt2, 17);
    }
    r.s[0] = d.s[1];
    r.s[1] = rol32(d.s[2], is_tt2 ? 19 : 9);
    r.s[2] = d.s[3];
    r.s[3] = top;
    simd_put(cpu, A64_RD(insn), &r, true);
    return A64_NEXT;
}

/* SM3's message-expansion permutation P1. */
static uint32_t sm3_p1(uint32_t x)
{
    return x ^ rol32(x, 15) ^ rol32(x, 23);
}

/* SM3PARTW1 (bit 10 = 0) and SM3PARTW2 (bit 10 = 1) Vd.4S, Vn.4S, Vm.4S. */
static int trans_SM3PARTW(struct cpu_state *cpu, uint32_t insn)
{
    simd_vec d = simd_get(cpu, A64_RD(insn)), n = simd_get(cpu, A64_RN(insn));
    simd_vec m = simd_get(cpu, A64_RM(insn)), r;

    if (!a64_bits(insn, 10, 1)) {
        for (int i = 0; i < 3; i++)
            r.s[i] = sm3_p1(d.s[i] ^ n.s[i] ^ rol32(m.s[i + 1], 15));
        /* The top lane uses the lane-0 result just computed. */
        r.s[3] = sm3_p1(d.s[3] ^ n.s[3] ^ rol32(r.s[0], 15));
    } else {
        uint32_t t[4];
        for (int i = 0; i < 4; i++) {
            t[i] = n.s[i] ^ rol32(m.s[i], 7);
            r.s[i] = d.s[i] ^ t[i];
        }
        uint32_t t2 = rol32(t[0], 15);
        r.s[3] ^= sm3_p1(t2);
    }
    simd_put(cpu, A64_RD(insn), &r, true);
    return A64_NEXT;
}

/* ---- SM4 ------------------------------------------------------------------ */

/* Multiply in GF(2^8) modulo SM4's x^8 + x^7 + x^6 + x^5 + x^4 + x^2 + 1. */
static uint8_t sm4_gf_mul(uint8_t a, uint8_t b)
{
    uint8_t r = 0;
    while (b) {
        if (b & 1)
            r ^= a;
        a = (uint8_t)((a << 1) ^ ((a & 0x80) ? 0xf5 : 0));
        b >>= 1;
    }
    return r;
}

/* SM4's affine map A.x + C: row i of A (bit 0 first) gives output bit i. */
static uint8_t sm4_affine(uint8_t x)
{
    static const uint8_t rows[8] = { 0xa7, 0x4f, 0x9e, 0x3d, 0x7a, 0xf4, 0xe9, 0xd3 };
    uint8_t y = 0;
    for (int i = 0; i < 8; i++)
        y |= (uint8_t)(__builtin_parity(rows[i] & x) << i);
    return y ^ 0xd3;
}

static uint8_t sm4_sbox[256];
static bool sm4_sbox_ready;

/* The S-box from its algebraic definition: affine, inverse, affine. */
static void sm4_init_sbox(void)
{
    if (sm4_sbox_ready)
        return;
    for (unsigned x = 0; x < 256; x++) {
        uint8_t t = sm4_affine((uint8_t)x), inv = 0;
        for (unsigned y = 1; y < 256 && t; y++) {
            if (sm4_gf_mul(t, (uint8_t)y) == 1) {
                inv = (uint8_t)y;
                break;
            }
        }
        sm4_sbox[x] = sm4_affine(inv);
    }
    sm4_sbox_ready = true;
}

static uint32_t sm4_tau(uint32_t x)
{
    return (uint32_t)sm4_sbox[x & 0xff] | (uint32_t)sm4_sbox[(x >> 8) & 0xff] << 8 |
           (uint32_t)sm4_sbox[(x >> 16) & 0xff] << 16 |
           (uint32_t)sm4_sbox[x >> 24] << 24;
}

/* Four SM4 rounds on state (lane 0 oldest) with the four keys (or CK
 * constants); key_schedule selects the key schedule's linear map L'. */
static simd_vec sm4_rounds(simd_vec state, const simd_vec *keys, bool key_schedule)
{
    sm4_init_sbox();
    for (int i = 0; i < 4; i++) {
        uint32_t t = sm4_tau(state.s[3] ^ state.s[2] ^ state.s[1] ^ keys->s[i]);
        if (key_schedule)
            t ^= rol32(t, 13) ^ rol32(t, 23);
        else
            t ^= rol32(t, 2) ^ rol32(t, 10) ^ rol32(t, 18) ^ rol32(t, 24);
        t ^= state.s[0];
        state.s[0] = state.s[1];
        state.s[1] = state.s[2];
        state.s[2] = state.s[3];
        state.s[3] = t;
    }
    return state;
}

/* SM4E Vd.4S, Vn.4S: Vd is the state, Vn the round keys. */
static int trans_SM4E(struct cpu_state *cpu, uint32_t insn)
{
    simd_vec d = simd_get(cpu, A64_RD(insn)), n = simd_get(cpu, A64_RN(insn));
    simd_vec r = sm4_rounds(d, &n, false);
    simd_put(cpu, A64_RD(insn), &r, true);
    return A64_NEXT;
}

/* SM4EKEY Vd.4S, Vn.4S, Vm.4S: four round keys from the previous four (Vn)
 * and the constants CK (Vm). */
static int trans_SM4EKEY(struct cpu_state *cpu, uint32_t insn)
{
    simd_vec n = simd_get(cpu, A64_RN(insn)), m = simd_get(cpu, A64_RM(insn));
    simd_vec r = sm4_rounds(n, &m, true);
    simd_put(cpu, A64_RD(insn), &r, true);
    return A64_NEXT;
}

/* Field letters: m Rm, a Ra, i imm2, o op, n Rn, d Rd. */
const struct a64_pattern a64_simd_sm_patterns[] = {
    A64_PATTERN(SM3SS1,   "1100_1110_010m_mmmm_0aaa_aann_nnnd_dddd"),
    A64_PATTERN(SM3TT,    "1100_1110_010m_mmmm_10ii_oonn_nnnd_dddd"),
    A64_PATTERN(SM3PARTW, "1100_1110_011m_mmmm_1100_0onn_nnnd_dddd"),
    A64_PATTERN(SM4EKEY,  "1100_1110_011m_mmmm_1100_10nn_nnnd_dddd"),
    A64_PATTERN(SM4E,     "1100_1110_1100_0000_1000_01nn_nnnd_dddd"),
    A64_PATTERN_END,
};
