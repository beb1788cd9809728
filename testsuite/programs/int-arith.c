/* Integer corner cases compiled code meets: wrap-around, shifts by every
 * amount, division (by zero through the instruction: the result is 0),
 * overflow builtins, bit counting, byte swaps, rotates, extensions. */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>

#include "prog.h"

static const int64_t values[] = {
    0, 1, -1, 2, -2, 3, 7, -7, 100, -100, 0x7f, 0x80, 0xff, 0x7fff, 0x8000,
    0xffff, INT32_MAX, INT32_MIN, UINT32_MAX, (int64_t)0x100000000ll,
    INT64_MAX, INT64_MIN, INT64_MIN + 1, 0x123456789abcdefll,
    -0x123456789abcdefll, 0x5555555555555555ll, (int64_t)0xaaaaaaaaaaaaaaaaull,
};
#define NV (sizeof values / sizeof values[0])

/* The instructions themselves, so division by zero and INT_MIN / -1 are
 * well defined (AArch64 gives 0 and INT_MIN; C would not). */
static int64_t sdiv64(int64_t a, int64_t b)
{
    int64_t r;
    __asm__("sdiv %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
    return r;
}
static uint64_t udiv64(uint64_t a, uint64_t b)
{
    uint64_t r;
    __asm__("udiv %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
    return r;
}
static int32_t sdiv32(int32_t a, int32_t b)
{
    int32_t r;
    __asm__("sdiv %w0, %w1, %w2" : "=r"(r) : "r"(a), "r"(b));
    return r;
}
static uint32_t udiv32(uint32_t a, uint32_t b)
{
    uint32_t r;
    __asm__("udiv %w0, %w1, %w2" : "=r"(r) : "r"(a), "r"(b));
    return r;
}

int main(void)
{
    uint64_t h = PROG_HASH_INIT;

    for (size_t i = 0; i < NV; i++) {
        for (size_t j = 0; j < NV; j++) {
            int64_t a = PROG_OPAQUE(values[i]), b = PROG_OPAQUE(values[j]);
            uint64_t ua = (uint64_t)a, ub = (uint64_t)b;
            int32_t a32 = (int32_t)a, b32 = (int32_t)b;
            uint64_t r[24];
            int n = 0;
            r[n++] = ua + ub;
            r[n++] = ua - ub;
            r[n++] = ua * ub;
            r[n++] = (uint32_t)a32 * (uint32_t)b32;
            r[n++] = (uint64_t)sdiv64(a, b);
            r[n++] = udiv64(ua, ub);
            r[n++] = (uint64_t)(uint32_t)sdiv32(a32, b32);
            r[n++] = udiv32((uint32_t)a32, (uint32_t)b32);
            if (b != 0 && !(a == INT64_MIN && b == -1)) {
                r[n++] = (uint64_t)(a / b);
                r[n++] = (uint64_t)(a % b);
            }
            if (ub != 0) {
                r[n++] = ua / ub;
                r[n++] = ua % ub;
            }
            r[n++] = (uint64_t)(((unsigned __int128)ua * ub) >> 64);
            r[n++] = (uint64_t)(((__int128)a * b) >> 64);
            int64_t s;
            r[n++] = (uint64_t)__builtin_add_overflow(a, b, &s) << 1 | (uint64_t)(s & 1);
            r[n++] = (uint64_t)__builtin_sub_overflow(a, b, &s) << 1 | (uint64_t)(s & 1);
            r[n++] = (uint64_t)__builtin_mul_overflow(a, b, &s) << 1 | (uint64_t)(s & 1);
            int32_t s32;
            r[n++] = (uint64_t)__builtin_mul_overflow(a32, b32, &s32);
            r[n++] = (uint64_t)(a < b) | (uint64_t)(ua < ub) << 1 | (uint64_t)(a32 <= b32) << 2 |
                     (uint64_t)((uint32_t)a32 >= (uint32_t)b32) << 3;
            r[n++] = (uint64_t)(a > b ? a : b) ^ (ua < ub ? ua : ub);
            for (int k = 0; k < n; k++)
                prog_hash_u64(&h, r[k]);
        }
    }
    printf("binary ops: %016llx\n", (unsigned long long)h);

    h = PROG_HASH_INIT;
    for (size_t i = 0; i < NV; i++) {
        int64_t a = PROG_OPAQUE(values[i]);
        uint64_t ua = (uint64_t)a;
        for (unsigned sh = 0; sh < 64; sh++) {
            unsigned s = PROG_OPAQUE(sh);
            prog_hash_u64(&h, ua << s);
            prog_hash_u64(&h, ua >> s);
            prog_hash_u64(&h, (uint64_t)(a >> s));
            prog_hash_u64(&h, (ua >> s) | (ua << ((64 - s) & 63)));
            if (s < 32) {
                uint32_t u32 = (uint32_t)ua;
                prog_hash_u64(&h, u32 << s);
                prog_hash_u64(&h, u32 >> s);
                prog_hash_u64(&h, (uint64_t)(int64_t)((int32_t)u32 >> s));
            }
        }
        printf("%20lld clz %2d ctz %2d pop %2d clrsb %2d bswap %016llx b32 %08x b16 %04x "
               "sx8 %lld sx16 %lld sx32 %lld\n",
               (long long)a, ua ? __builtin_clzll(ua) : 64, ua ? __builtin_ctzll(ua) : 64,
               __builtin_popcountll(ua), __builtin_clrsbll(a),
               (unsigned long long)__builtin_bswap64(ua), __builtin_bswap32((uint32_t)ua),
               __builtin_bswap16((uint16_t)ua), (long long)(int8_t)ua, (long long)(int16_t)ua,
               (long long)(int32_t)ua);
    }
    printf("shifts: %016llx\n", (unsigned long long)h);

    /* Conditional select, compare chains and absolute values. */
    long long acc = 0;
    for (int i = -1000; i < 1000; i++) {
        int x = PROG_OPAQUE(i);
        acc += x < 0 ? -x : x;
        acc += (x & 7) == 3 ? x * 3 : x / 7;
        acc ^= (x > 10 && x < 500) || x == -77 ? 0x55 : 0xaa;
        acc += x % 13 == 0;
    }
    printf("conditions: %lld\n", acc);
    return 0;
}
