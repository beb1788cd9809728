/* System calls made straight through user/'s dispatcher, for user/'s unit
 * tests: a process of the tiny test ELF (testsuite/unit/data/
 * tiny-aarch64.elf), its registers set as an svc would leave them, and
 * guest memory read and written with asserted lengths. */
#ifndef BACKSTEP_TEST_SYSCALL_HARNESS_H
#define BACKSTEP_TEST_SYSCALL_HARNESS_H

#include <stddef.h>
#include <stdint.h>

#include "user/process.h"
#include "user/syscall-nr.h"

#define PROT_RW 3
#define MAP_PRIVATE_ANON 0x22

/* A process of the tiny ELF, not yet run; options may be NULL. */
struct user_process *tiny_process_new(const struct user_options *options);

/* System call nr with x0..x5 = a0..a5 by the current thread; its x0. */
int64_t guest_sys(struct user_process *p, uint64_t nr, uint64_t a0,
                  uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4,
                  uint64_t a5);
/* SYS(p, mmap, 0, len, ...): by name, missing arguments zero. */
#define SYS(p, name, ...) SYS_N_(p, USER_NR_##name, __VA_ARGS__)
#define SYS_N_(p, nr, ...) SYS_PAD_(p, nr, __VA_ARGS__, 0, 0, 0, 0, 0, 0)
#define SYS_PAD_(p, nr, a, b, c, d, e, f, ...) \
    guest_sys(p, nr, a, b, c, d, e, f)

/* An anonymous read-write mapping of len bytes (asserted to succeed). */
uint64_t guest_alloc(struct user_process *p, uint64_t len);
/* A copy of s, with its NUL, in a new mapping. */
uint64_t guest_str(struct user_process *p, const char *s);

/* Whole accesses, asserted to succeed. */
void guest_put(struct user_process *p, uint64_t addr, const void *v,
               size_t n);
void guest_get(struct user_process *p, uint64_t addr, void *v, size_t n);
void put32(struct user_process *p, uint64_t addr, uint32_t v);
uint32_t get32(struct user_process *p, uint64_t addr);
void put64(struct user_process *p, uint64_t addr, uint64_t v);
uint64_t get64(struct user_process *p, uint64_t addr);

#endif
