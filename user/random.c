/* The guest's randomness: AT_RANDOM's 16 bytes and getrandom().
 *
 * Determinism rule 2 says every input from outside goes through one door,
 * the event log (issue 5). Until it exists, randomness comes from a fixed
 * seed, so two runs of a program see the same bytes: glibc's stack
 * protector canary and pointer guard (from AT_RANDOM) and malloc's
 * tcache randomization are then reproducible. The generator is splitmix64:
 * small, fast and good enough for canaries; it is not a CSPRNG and must
 * not be presented as one to programs that need secrets. */
#include "config.h"

#include "user/user-internal.h"

#include "cpu/cpu.h"
#include "cpu/pauth.h"

#include <string.h>

#define USER_RANDOM_SEED 0x6261636b73746570ull   /* "backstep" */

void user_random_init(struct user_process *p)
{
    p->random_state = USER_RANDOM_SEED;
}

static uint64_t next(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

void user_random_fill(struct user_process *p, void *buf, size_t len)
{
    uint8_t *b = buf;
    while (len > 0) {
        uint64_t v = next(&p->random_state);
        size_t n = MIN(len, sizeof(v));
        memcpy(b, &v, n);
        b += n;
        len -= n;
    }
}

/* Pointer-authentication keys, as Linux makes them at exec
 * (ptrauth_thread_init_user) and for prctl(PR_PAC_RESET_KEYS): fresh
 * random keys, here from the deterministic source above so that a replay
 * computes the same PACs. keys: USER_PAC_* bits; PAC is enabled with all
 * keys, as Linux enables it for every user process when the CPU has it. */
void user_pauth_reset_keys(struct user_process *p, struct cpu_state *cpu,
                           unsigned keys)
{
    struct {
        unsigned bit;
        uint64_t *key;
    } const each[] = {
        { USER_PAC_APIAKEY, cpu->pauth_keys.apia },
        { USER_PAC_APIBKEY, cpu->pauth_keys.apib },
        { USER_PAC_APDAKEY, cpu->pauth_keys.apda },
        { USER_PAC_APDBKEY, cpu->pauth_keys.apdb },
        { USER_PAC_APGAKEY, cpu->pauth_keys.apga },
    };

    for (size_t i = 0; i < G_N_ELEMENTS(each); i++) {
        if (keys & each[i].bit)
            user_random_fill(p, each[i].key, 2 * sizeof(uint64_t));
    }
    pauth_cpu_configure(cpu);
}
