/* Code that changes while it is in use: one thread rewrites a function
 * another thread has already run, with the cache maintenance the
 * architecture asks for (__builtin___clear_cache: DC CVAU, IC IVAU, DSB,
 * ISB), and the other thread then runs the new code (a JIT with a
 * compiler thread). Also the same thread rewriting its own code many
 * times, and code copied into place with memcpy. Compared with
 * qemu-aarch64, which gets these right. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

typedef int (*fn)(void);
static uint32_t *code;
static volatile int phase;

/* mov w0, #imm; ret */
static void emit(uint32_t *at, int imm)
{
    at[0] = 0x52800000u | ((uint32_t)imm << 5);
    at[1] = 0xd65f03c0u;
    __builtin___clear_cache((char *)at, (char *)(at + 2));
}

static void *runner(void *arg)
{
    int results[4];
    (void)arg;
    for (int round = 0; round < 4; round++) {
        results[round] = ((fn)code)();
        phase = 2 * round + 1;          /* done with this version */
        while (phase != 2 * round + 2)  /* the next one is written */
            ;
        __asm__ volatile("isb" ::: "memory");
    }
    printf("runner thread saw: %d %d %d %d\n", results[0], results[1],
           results[2], results[3]);
    return NULL;
}

int main(void)
{
    code = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (code == MAP_FAILED)
        return 1;

    /* Another thread runs each version the main thread writes. */
    emit(code, 1);
    pthread_t t;
    pthread_create(&t, NULL, runner, NULL);
    for (int round = 0; round < 4; round++) {
        while (phase != 2 * round + 1)
            ;
        emit(code, 2 + round);
        phase = 2 * round + 2;
    }
    pthread_join(t, NULL);

    /* The same thread, many versions at one address. */
    int sum = 0;
    for (int i = 0; i < 100; i++) {
        emit(code + 8, i);
        sum += ((fn)(code + 8))();
    }
    printf("one thread, 100 versions: sum %d\n", sum);

    /* A whole function copied in with memcpy, then run. */
    uint32_t body[2] = { 0x52800000u | (77u << 5), 0xd65f03c0u };
    memcpy(code + 64, body, sizeof(body));
    __builtin___clear_cache((char *)(code + 64), (char *)(code + 66));
    printf("copied in: %d\n", ((fn)(code + 64))());
    return 0;
}
