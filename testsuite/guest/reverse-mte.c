/* Guest program for time travel over memory tags (testsuite/unit/
 * test-timeline.c): the first granule of a PROT_MTE page gets tag 1, 2,
 * ... 15 in turn (STG), `stage` saying which, with some work between. */
#include <stdint.h>
#include <sys/mman.h>

#ifndef PROT_MTE
#define PROT_MTE 0x20
#endif

volatile uint64_t area;
volatile long stage;
volatile long spin;

int main(void)
{
    uint8_t *p = mmap(0, 4096, PROT_READ | PROT_WRITE | PROT_MTE,
                      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return 1;
    area = (uintptr_t)p;
    for (long i = 1; i <= 15; i++) {
        uint8_t *t = (uint8_t *)(((uintptr_t)p & ~(0xfull << 56))
                                 | ((uint64_t)i << 56));
        __asm__ volatile("stg %0, [%0]" : : "r"(t) : "memory");
        stage = i;
        for (int j = 0; j < 5000; j++)
            spin += j;
    }
    return 0;
}
