/* The cryptographic extensions through ACLE intrinsics, in functions
 * compiled for them (the rest of the program is not): AES (FIPS-197's
 * example), SHA-256 compression (SHA256H/H2/SU0/SU1), SM3 ("abc" from
 * GB/T 32905) and SM4 (GB/T 32907's example). qemu -cpu max has them all;
 * backstep must give the same answers. */
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "prog.h"

#pragma GCC push_options
#pragma GCC target("+crypto+sm4")

static void aes128_encrypt(const uint8_t key[16], const uint8_t in[16], uint8_t out[16])
{
    static const uint8_t rcon[10] = { 1, 2, 4, 8, 16, 32, 64, 128, 0x1b, 0x36 };
    uint8_t rk[11][16];
    memcpy(rk[0], key, 16);
    for (int r = 1; r <= 10; r++) {
        /* SubWord(RotWord(w3)) with AESE on a zero key: ShiftRows moves
         * bytes, so use the column that lands in place. */
        uint8x16_t t = vdupq_n_u8(0);
        uint32_t w3;
        memcpy(&w3, rk[r - 1] + 12, 4);
        t = vreinterpretq_u8_u32(vdupq_n_u32(w3));
        t = vaeseq_u8(t, vdupq_n_u8(0));
        uint32_t sub = vgetq_lane_u32(vreinterpretq_u32_u8(t), 0);
        uint32_t rot = (sub >> 8 | sub << 24) ^ rcon[r - 1];
        for (int k = 0; k < 4; k++) {
            uint32_t prev, w;
            memcpy(&prev, rk[r - 1] + 4 * k, 4);
            if (k == 0)
                w = prev ^ rot;
            else
                memcpy(&w, rk[r] + 4 * (k - 1), 4), w ^= prev;
            memcpy(rk[r] + 4 * k, &w, 4);
        }
    }
    uint8x16_t s = vld1q_u8(in);
    for (int r = 0; r < 9; r++)
        s = vaesmcq_u8(vaeseq_u8(s, vld1q_u8(rk[r])));
    s = veorq_u8(vaeseq_u8(s, vld1q_u8(rk[9])), vld1q_u8(rk[10]));
    vst1q_u8(out, s);
}

static void sha256_block(uint32_t state[8], const uint8_t block[64])
{
    static const uint32_t k[64] = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    };
    uint32x4_t abcd = vld1q_u32(state), efgh = vld1q_u32(state + 4);
    uint32x4_t w[4];
    for (int i = 0; i < 4; i++)
        w[i] = vreinterpretq_u32_u8(vrev32q_u8(vld1q_u8(block + 16 * i)));
    uint32x4_t a0 = abcd, e0 = efgh;
    for (int i = 0; i < 16; i++) {
        uint32x4_t wk = vaddq_u32(w[i % 4], vld1q_u32(k + 4 * i));
        uint32x4_t t = abcd;
        abcd = vsha256hq_u32(abcd, efgh, wk);
        efgh = vsha256h2q_u32(efgh, t, wk);
        if (i < 12)
            w[i % 4] = vsha256su1q_u32(vsha256su0q_u32(w[i % 4], w[(i + 1) % 4]),
                                       w[(i + 2) % 4], w[(i + 3) % 4]);
    }
    vst1q_u32(state, vaddq_u32(abcd, a0));
    vst1q_u32(state + 4, vaddq_u32(efgh, e0));
}

static uint32_t rol(uint32_t x, int n) { return x << n | x >> (32 - n); }

/* SM3 compression with the SM3 instructions; v[] in the standard's order. */
static void sm3_block(uint32_t v[8], const uint32_t block[16])
{
    uint32_t w[68], wp[64];
    memcpy(w, block, 64);
    for (int j = 16; j < 68; j += 4) {
        uint32x4_t p = vsm3partw1q_u32(vld1q_u32(w + j - 16), vld1q_u32(w + j - 9),
                                       vld1q_u32(w + j - 4));
        p = vsm3partw2q_u32(p, vld1q_u32(w + j - 6), vld1q_u32(w + j - 13));
        vst1q_u32(w + j, p);
    }
    for (int j = 0; j < 64; j++)
        wp[j] = w[j] ^ w[j + 4];
    uint32_t dcba[4] = { v[3], v[2], v[1], v[0] }, hgfe[4] = { v[7], v[6], v[5], v[4] };
    uint32x4_t x = vld1q_u32(dcba), y = vld1q_u32(hgfe);
    for (int j = 0; j < 64; j++) {
        uint32_t t = rol(j < 16 ? 0x79cc4519u : 0x7a879d8au, j % 32);
        uint32x4_t tv = vsetq_lane_u32(t, vdupq_n_u32(0), 3);
        uint32x4_t ss1 = vsm3ss1q_u32(x, y, tv);
        uint32x4_t wpv = vld1q_u32(wp + (j & ~3)), wv = vld1q_u32(w + (j & ~3));
#define SM3_ROUND(LANE)                                                        \
    case LANE:                                                                 \
        if (j < 16) {                                                          \
            x = vsm3tt1aq_u32(x, ss1, wpv, LANE);                              \
            y = vsm3tt2aq_u32(y, ss1, wv, LANE);                               \
        } else {                                                               \
            x = vsm3tt1bq_u32(x, ss1, wpv, LANE);                              \
            y = vsm3tt2bq_u32(y, ss1, wv, LANE);                               \
        }                                                                      \
        break;
        switch (j & 3) {
            SM3_ROUND(0)
            SM3_ROUND(1)
            SM3_ROUND(2)
            SM3_ROUND(3)
        }
    }
    vst1q_u32(dcba, x);
    vst1q_u32(hgfe, y);
    for (int i = 0; i < 4; i++) {
        v[i] ^= dcba[3 - i];
        v[4 + i] ^= hgfe[3 - i];
    }
}

static void sm4_encrypt(const uint32_t key[4], const uint32_t in[4], uint32_t out[4])
{
    static const uint32_t fk[4] = { 0xa3b1bac6, 0x56aa3350, 0x677d9197, 0xb27022dc };
    uint32_t ck[32], rk[32], k[4];
    for (int i = 0; i < 32; i++) {
        ck[i] = 0;
        for (int j = 0; j < 4; j++)
            ck[i] = ck[i] << 8 | (uint32_t)(((4 * i + j) * 7) & 0xff);
    }
    for (int i = 0; i < 4; i++)
        k[i] = key[i] ^ fk[i];
    uint32x4_t kv = vld1q_u32(k);
    for (int i = 0; i < 8; i++) {
        kv = vsm4ekeyq_u32(kv, vld1q_u32(ck + 4 * i));
        vst1q_u32(rk + 4 * i, kv);
    }
    uint32x4_t s = vld1q_u32(in);
    for (int i = 0; i < 8; i++)
        s = vsm4eq_u32(s, vld1q_u32(rk + 4 * i));
    uint32_t r[4];
    vst1q_u32(r, s);
    for (int i = 0; i < 4; i++)
        out[i] = r[3 - i];
}

#pragma GCC pop_options

int main(void)
{
    static const uint8_t key[16] = { 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
                                     0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f };
    static const uint8_t pt[16] = { 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77,
                                    0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff };
    uint8_t ct[16];
    aes128_encrypt(key, pt, ct);
    printf("aes128 ");
    for (int i = 0; i < 16; i++)
        printf("%02x", ct[i]);
    printf(" (FIPS-197: 69c4e0d86a7b0430d8cdb78070b4c55a)\n");

    uint32_t st[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                       0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
    uint8_t block[64] = { 'a', 'b', 'c', 0x80, [63] = 24 };
    sha256_block(st, block);
    printf("sha256(abc) ");
    for (int i = 0; i < 8; i++)
        printf("%08x", st[i]);
    printf("\n");

    uint32_t v[8] = { 0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600,
                      0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e };
    static const uint32_t m[16] = { 0x61626380, [15] = 24 };
    sm3_block(v, m);
    printf("sm3(abc) ");
    for (int i = 0; i < 8; i++)
        printf("%08x", v[i]);
    printf(" (GB/T 32905: 66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0)\n");

    static const uint32_t sk[4] = { 0x01234567, 0x89abcdef, 0xfedcba98, 0x76543210 };
    uint32_t out[4], x[4];
    sm4_encrypt(sk, sk, out);
    printf("sm4 %08x%08x%08x%08x (GB/T 32907: 681edf34d206965e86b3e94f536e4246)\n", out[0],
           out[1], out[2], out[3]);
    memcpy(x, sk, sizeof x);
    for (int i = 0; i < 1000; i++)
        sm4_encrypt(sk, x, x);
    printf("sm4 x1000 %08x%08x%08x%08x\n", x[0], x[1], x[2], x[3]);
    return 0;
}
