/* Direct system calls on a tiny process: see syscall-harness.h. */
#include "config.h"

#include "syscall-harness.h"

#include "cpu/cpu.h"
#include "user/user-internal.h"

#include <glib.h>
#include <string.h>

struct user_process *tiny_process_new(const struct user_options *options)
{
    char *path = g_test_build_filename(G_TEST_DIST, "testsuite", "unit",
                                       "data", "tiny-aarch64.elf", NULL);
    char *argv[] = { "tiny", NULL };
    char *envp[] = { NULL };
    GError *error = NULL;
    struct user_process *p = user_process_new(path, argv, envp, options,
                                              &error);
    g_assert_no_error(error);
    g_assert_nonnull(p);
    g_free(path);
    return p;
}

int64_t guest_sys(struct user_process *p, uint64_t nr, uint64_t a0,
                  uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4,
                  uint64_t a5)
{
    struct cpu_state *cpu = user_process_cpu(p);
    const uint64_t args[6] = { a0, a1, a2, a3, a4, a5 };
    for (int i = 0; i < 6; i++)
        cpu->x[i] = args[i];
    cpu->x[8] = nr;
    user_syscall(p);
    return (int64_t)cpu->x[0];
}

uint64_t guest_alloc(struct user_process *p, uint64_t len)
{
    int64_t addr = SYS(p, mmap, 0, len, PROT_RW, MAP_PRIVATE_ANON, -1, 0);
    g_assert_cmpint(addr, >, 0);
    return (uint64_t)addr;
}

uint64_t guest_str(struct user_process *p, const char *s)
{
    uint64_t addr = guest_alloc(p, strlen(s) + 1);
    guest_put(p, addr, s, strlen(s) + 1);
    return addr;
}

void guest_put(struct user_process *p, uint64_t addr, const void *v, size_t n)
{
    g_assert_cmpint(user_mem_write(p, addr, v, n), ==, 0);
}

void guest_get(struct user_process *p, uint64_t addr, void *v, size_t n)
{
    g_assert_cmpint(user_mem_read(p, addr, v, n), ==, (ssize_t)n);
}

void put32(struct user_process *p, uint64_t addr, uint32_t v)
{
    guest_put(p, addr, &v, sizeof(v));
}

uint32_t get32(struct user_process *p, uint64_t addr)
{
    uint32_t v = 0;
    guest_get(p, addr, &v, sizeof(v));
    return v;
}

void put64(struct user_process *p, uint64_t addr, uint64_t v)
{
    guest_put(p, addr, &v, sizeof(v));
}

uint64_t get64(struct user_process *p, uint64_t addr)
{
    uint64_t v = 0;
    guest_get(p, addr, &v, sizeof(v));
    return v;
}
