/* Benchmark workload: integer loops. Bitwise CRC-32 (shifts, masks,
 * conditional selects), a table-driven CRC-32 (loads), FNV-1a hashing and
 * a xorshift generator (64-bit multiplies). Prints a checksum so a run on
 * backstep can be compared with one on qemu-aarch64. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint32_t crc_table[256];

static uint32_t crc32_bitwise(const uint8_t *p, size_t n, uint32_t crc)
{
    crc = ~crc;
    while (n--) {
        crc ^= *p++;
        for (int k = 0; k < 8; k++)
            crc = (crc >> 1) ^ (0xEDB88320u & -(crc & 1));
    }
    return ~crc;
}

static void crc32_init(void)
{
    for (uint32_t i = 0; i < 256; i++)
        crc_table[i] = crc32_bitwise((const uint8_t *)&(uint8_t){ (uint8_t)i },
                                     1, 0xffffffffu) ^ 0xffffffffu;
}

static uint32_t crc32_table(const uint8_t *p, size_t n, uint32_t crc)
{
    crc = ~crc;
    while (n--)
        crc = crc_table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
    return ~crc;
}

static uint64_t fnv1a(const uint8_t *p, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ull;
    while (n--)
        h = (h ^ *p++) * 0x100000001b3ull;
    return h;
}

int main(int argc, char **argv)
{
    int scale = argc > 1 ? atoi(argv[1]) : 1;
    static uint8_t buf[1 << 16];
    uint64_t x = 88172645463325252ull, sum = 0;
    uint32_t crc = 0;

    crc32_init();
    for (size_t i = 0; i < sizeof(buf); i++) {
        x ^= x << 13; x ^= x >> 7; x ^= x << 17;
        buf[i] = (uint8_t)(x >> 32);
    }
    for (int r = 0; r < 40 * scale; r++) {
        crc = crc32_bitwise(buf, sizeof(buf), crc);
        crc = crc32_table(buf, sizeof(buf), crc);
        sum += fnv1a(buf, sizeof(buf));
        buf[r & 0xffff] ^= (uint8_t)crc;
    }
    printf("int: crc %08x fnv-sum %016llx\n", crc, (unsigned long long)sum);
    return 0;
}
