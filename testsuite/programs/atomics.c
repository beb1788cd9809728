/* The __atomic builtins at 1, 2, 4, 8 and 16 bytes in every memory order:
 * fetch-and-op, exchange, compare-exchange (strong and weak, success and
 * failure), test-and-set, fences; with -march=armv8.5-a these are LSE
 * instructions (LDADD, SWP, CAS, CASP), at -march=armv8.2-a too. The
 * 16-byte ones go through libatomic or LDXP/STXP loops. */
#include <stdint.h>
#include <stdio.h>

#include "prog.h"

#define DEFINE_TEST(T, NAME)                                                   \
    static uint64_t test_##NAME(void)                                          \
    {                                                                          \
        static T v;                                                            \
        uint64_t h = PROG_HASH_INIT;                                           \
        v = (T)0x0123456789abcdefull;                                          \
        for (int i = 0; i < 200; i++) {                                        \
            T k = (T)(PROG_OPAQUE(i) * 0x9e3779b97f4a7c15ull);                 \
            T r[12];                                                           \
            r[0] = __atomic_fetch_add(&v, k, __ATOMIC_RELAXED);                \
            r[1] = __atomic_fetch_sub(&v, (T)(k >> 3), __ATOMIC_ACQUIRE);      \
            r[2] = __atomic_fetch_and(&v, (T)~(k & 0x0f0f), __ATOMIC_RELEASE); \
            r[3] = __atomic_fetch_or(&v, (T)(k & 0x3030), __ATOMIC_ACQ_REL);   \
            r[4] = __atomic_fetch_xor(&v, k, __ATOMIC_SEQ_CST);                \
            r[5] = __atomic_add_fetch(&v, 1, __ATOMIC_SEQ_CST);                \
            r[6] = __atomic_exchange_n(&v, (T)(r[5] * 3), __ATOMIC_ACQ_REL);   \
            T expected = (i & 1) ? r[6] : (T)(r[6] * 3);                       \
            r[7] = __atomic_compare_exchange_n(&v, &expected, k, 0,           \
                                               __ATOMIC_SEQ_CST,               \
                                               __ATOMIC_RELAXED);              \
            r[8] = expected;                                                   \
            T e2 = v;                                                          \
            while (!__atomic_compare_exchange_n(&v, &e2, (T)(e2 + 7), 1,      \
                                                __ATOMIC_ACQUIRE,              \
                                                __ATOMIC_ACQUIRE))             \
                ;                                                              \
            r[9] = __atomic_load_n(&v, __ATOMIC_ACQUIRE);                      \
            __atomic_store_n(&v, (T)(r[9] ^ 0x55), __ATOMIC_RELEASE);          \
            r[10] = __atomic_fetch_nand(&v, k, __ATOMIC_RELAXED);              \
            __atomic_thread_fence(__ATOMIC_SEQ_CST);                           \
            r[11] = v;                                                         \
            prog_hash(&h, r, sizeof r);                                        \
        }                                                                      \
        return h;                                                              \
    }

DEFINE_TEST(uint8_t, u8)
DEFINE_TEST(uint16_t, u16)
DEFINE_TEST(uint32_t, u32)
DEFINE_TEST(uint64_t, u64)

static uint64_t test_u128(void)
{
    static unsigned __int128 v __attribute__((aligned(16)));
    uint64_t h = PROG_HASH_INIT;
    v = ((unsigned __int128)1 << 100) | 12345;
    for (int i = 0; i < 100; i++) {
        unsigned __int128 e = v, n = e * 3 + (unsigned)i;
        int ok = __atomic_compare_exchange_n(&v, &e, n, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
        unsigned __int128 wrong = v + 1;
        int fail = __atomic_compare_exchange_n(&v, &wrong, 0, 0, __ATOMIC_SEQ_CST,
                                               __ATOMIC_SEQ_CST);
        unsigned __int128 l = __atomic_load_n(&v, __ATOMIC_SEQ_CST);
        prog_hash_u64(&h, (uint64_t)ok << 1 | (uint64_t)fail);
        prog_hash(&h, &l, sizeof l);
        prog_hash(&h, &wrong, sizeof wrong);
    }
    return h;
}

int main(void)
{
    printf("u8 %016llx\n", (unsigned long long)test_u8());
    printf("u16 %016llx\n", (unsigned long long)test_u16());
    printf("u32 %016llx\n", (unsigned long long)test_u32());
    printf("u64 %016llx\n", (unsigned long long)test_u64());
    printf("u128 %016llx\n", (unsigned long long)test_u128());
    static volatile char flag;
    int first = __atomic_test_and_set(&flag, __ATOMIC_SEQ_CST);
    int second = __atomic_test_and_set(&flag, __ATOMIC_SEQ_CST);
    __atomic_clear(&flag, __ATOMIC_SEQ_CST);
    printf("test_and_set %d %d lock-free 16: %d\n", first, second,
           (int)__atomic_always_lock_free(16, 0));
    return 0;
}
