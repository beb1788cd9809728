/* CRC-32 (bitwise, table-driven and with the CRC32 instructions through
 * ACLE) and SHA-256 in portable C, on the standard test messages and a
 * pseudo-random megabyte. */
#include <arm_acle.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "prog.h"

static uint32_t crc32_bitwise(const uint8_t *p, size_t n)
{
    uint32_t c = 0xffffffffu;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xedb88320u & -(c & 1));
    }
    return ~c;
}

static uint32_t crc_table[256];

static uint32_t crc32_table(const uint8_t *p, size_t n)
{
    uint32_t c = 0xffffffffu;
    for (size_t i = 0; i < n; i++)
        c = crc_table[(c ^ p[i]) & 0xff] ^ (c >> 8);
    return ~c;
}

static uint32_t crc32_insn(const uint8_t *p, size_t n, int castagnoli)
{
    uint32_t c = 0xffffffffu;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        c = castagnoli ? __crc32cd(c, w) : __crc32d(c, w);
    }
    if (i + 4 <= n) {
        uint32_t w;
        memcpy(&w, p + i, 4);
        c = castagnoli ? __crc32cw(c, w) : __crc32w(c, w);
        i += 4;
    }
    if (i + 2 <= n) {
        uint16_t w;
        memcpy(&w, p + i, 2);
        c = castagnoli ? __crc32ch(c, w) : __crc32h(c, w);
        i += 2;
    }
    if (i < n)
        c = castagnoli ? __crc32cb(c, p[i]) : __crc32b(c, p[i]);
    return ~c;
}

struct sha256 {
    uint32_t h[8];
    uint8_t buf[64];
    uint64_t len;
};

static const uint32_t sha_k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static uint32_t ror(uint32_t x, int n) { return x >> n | x << (32 - n); }

static void sha256_block(struct sha256 *s, const uint8_t *p)
{
    uint32_t w[64], v[8];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
               (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    memcpy(v, s->h, sizeof v);
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = v[7] + (ror(v[4], 6) ^ ror(v[4], 11) ^ ror(v[4], 25)) +
                      ((v[4] & v[5]) ^ (~v[4] & v[6])) + sha_k[i] + w[i];
        uint32_t t2 = (ror(v[0], 2) ^ ror(v[0], 13) ^ ror(v[0], 22)) +
                      ((v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]));
        memmove(v + 1, v, 7 * sizeof v[0]);
        v[4] += t1;
        v[0] = t1 + t2;
    }
    for (int i = 0; i < 8; i++)
        s->h[i] += v[i];
}

static void sha256(const uint8_t *p, size_t n, char out[65])
{
    static const uint32_t iv[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                    0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
    struct sha256 s;
    memcpy(s.h, iv, sizeof iv);
    size_t i = 0;
    for (; i + 64 <= n; i += 64)
        sha256_block(&s, p + i);
    uint8_t last[128] = { 0 };
    size_t rest = n - i, total = rest + 9 <= 64 ? 64 : 128;
    memcpy(last, p + i, rest);
    last[rest] = 0x80;
    uint64_t bits = (uint64_t)n * 8;
    for (int k = 0; k < 8; k++)
        last[total - 1 - k] = (uint8_t)(bits >> (8 * k));
    for (size_t k = 0; k < total; k += 64)
        sha256_block(&s, last + k);
    for (int k = 0; k < 8; k++)
        snprintf(out + 8 * k, 9, "%08x", s.h[k]);
}

int main(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xedb88320u & -(c & 1));
        crc_table[i] = c;
    }
    static const char *const msgs[] = {
        "", "abc", "123456789", "The quick brown fox jumps over the lazy dog",
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
        "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
    };
    char hex[65];
    for (unsigned i = 0; i < sizeof msgs / sizeof msgs[0]; i++) {
        const uint8_t *p = (const uint8_t *)msgs[i];
        size_t n = strlen(msgs[i]);
        sha256(p, n, hex);
        printf("\"%.20s\" crc %08x %08x %08x crc32c %08x sha256 %s\n", msgs[i],
               crc32_bitwise(p, n), crc32_table(p, n), crc32_insn(p, n, 0),
               crc32_insn(p, n, 1), hex);
    }
    static uint8_t big[1 << 18];
    prog_seed(256);
    for (size_t i = 0; i < sizeof big; i += 8) {
        uint64_t r = prog_rand();
        memcpy(big + i, &r, 8);
    }
    sha256(big, sizeof big, hex);
    printf("256 KiB crc %08x crc32c %08x sha256 %s\n", crc32_table(big, sizeof big),
           crc32_insn(big, sizeof big, 1), hex);
    return 0;
}
