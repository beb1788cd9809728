/* The initial process stack, laid out as Linux's execve builds it:
 *
 *   USER_STACK_TOP - 8   8 zero bytes
 *                        execfn string (AT_EXECFN)
 *                        envp strings, then argv strings below them
 *                        (16-byte alignment)
 *                        "aarch64" (AT_PLATFORM)
 *                        16 random bytes (AT_RANDOM)
 *                        auxv pairs, ending with AT_NULL
 *                        envp pointers, NULL
 *                        argv pointers, NULL
 *   sp (16-aligned) ->   argc
 *
 * There is no vDSO (no AT_SYSINFO_EHDR), so glibc makes real system calls
 * for the time. */
#include "config.h"

#include "user/user-internal.h"

#include "cpu/cpu.h"
#include "hw/pagestore.h"

#include <string.h>

/* Auxiliary vector types (linux/auxvec.h, asm/auxvec.h). */
enum {
    AT_NULL_ = 0, AT_PHDR_ = 3, AT_PHENT_ = 4, AT_PHNUM_ = 5,
    AT_PAGESZ_ = 6, AT_BASE_ = 7, AT_FLAGS_ = 8, AT_ENTRY_ = 9,
    AT_UID_ = 11, AT_EUID_ = 12, AT_GID_ = 13, AT_EGID_ = 14,
    AT_PLATFORM_ = 15, AT_HWCAP_ = 16, AT_CLKTCK_ = 17, AT_SECURE_ = 23,
    AT_RANDOM_ = 25, AT_HWCAP2_ = 26, AT_EXECFN_ = 31,
    AT_MINSIGSTKSZ_ = 51,
};

/* The signal frame the kernel would build, rounded up: arm64 Linux
 * reports its own computed size; ours is fixed by the frame layout that
 * signal delivery (a later issue) will use, SVE state included. */
#define USER_MINSIGSTKSZ 5120

/* Strings may take at most a quarter of the stack, as Linux allows. */
#define USER_ARG_MAX (USER_STACK_SIZE / 4)

struct stack_builder {
    struct user_process *p;
    uint64_t sp;
    bool overflow;
};

static uint64_t push_bytes(struct stack_builder *sb, const void *data,
                           size_t len)
{
    if (sb->overflow || len > sb->sp - (USER_STACK_TOP - USER_ARG_MAX)) {
        sb->overflow = true;
        return 0;
    }
    sb->sp -= len;
    user_mem_write(sb->p, sb->sp, data, len);
    return sb->sp;
}

static uint64_t push_string(struct stack_builder *sb, const char *s)
{
    return push_bytes(sb, s, strlen(s) + 1);
}

static size_t count(char *const *v)
{
    size_t n = 0;
    while (v && v[n])
        n++;
    return n;
}

bool user_stack_build(struct user_process *p, char *const *argv,
                      char *const *envp, uint64_t *sp_out, GError **error)
{
    uint64_t lo = USER_STACK_TOP - USER_STACK_SIZE;
    pagestore_map(p->mem, lo, USER_STACK_SIZE,
                  PAGESTORE_PROT_READ | PAGESTORE_PROT_WRITE |
                      (p->image.exec_stack ? PAGESTORE_PROT_EXEC : 0));

    size_t argc = count(argv);
    size_t envc = count(envp);
    struct stack_builder sb = { .p = p, .sp = USER_STACK_TOP };
    uint64_t zero = 0;
    push_bytes(&sb, &zero, sizeof(zero));
    uint64_t execfn = push_string(&sb, p->exe);

    uint64_t *envp_addr = g_new0(uint64_t, envc + 1);
    uint64_t *argv_addr = g_new0(uint64_t, argc + 1);
    for (size_t i = envc; i-- > 0;)
        envp_addr[i] = push_string(&sb, envp[i]);
    for (size_t i = argc; i-- > 0;)
        argv_addr[i] = push_string(&sb, argv[i]);

    sb.sp &= ~15ull;
    uint64_t platform = push_string(&sb, "aarch64");
    uint8_t random_bytes[16];
    user_random_fill(p, random_bytes, sizeof(random_bytes));
    uint64_t random = push_bytes(&sb, random_bytes, sizeof(random_bytes));

    uint64_t auxv[] = {
        AT_MINSIGSTKSZ_, USER_MINSIGSTKSZ,
        AT_HWCAP_, cpu_hwcap(),
        AT_PAGESZ_, PAGESTORE_PAGE_SIZE,
        AT_CLKTCK_, 100,
        AT_PHDR_, p->image.phdr_addr,
        AT_PHENT_, p->image.phent,
        AT_PHNUM_, p->image.phnum,
        AT_BASE_, p->interp_base,
        AT_FLAGS_, 0,
        AT_ENTRY_, p->image.entry,
        AT_UID_, p->uid,
        AT_EUID_, p->uid,
        AT_GID_, p->gid,
        AT_EGID_, p->gid,
        AT_SECURE_, 0,
        AT_RANDOM_, random,
        AT_HWCAP2_, cpu_hwcap2(),
        AT_EXECFN_, execfn,
        AT_PLATFORM_, platform,
        AT_NULL_, 0,
    };
    /* argc, argv[], NULL, envp[], NULL, auxv: sp ends 16-byte aligned. */
    size_t words = 1 + (argc + 1) + (envc + 1) + G_N_ELEMENTS(auxv);
    uint64_t sp = (sb.sp - words * 8) & ~15ull;
    if (!sb.overflow && sp < USER_STACK_TOP - USER_ARG_MAX)
        sb.overflow = true;
    if (sb.overflow) {
        g_free(envp_addr);
        g_free(argv_addr);
        g_set_error(error, USER_ERROR, 0,
                    "%s: argument list too long", p->exe);
        return false;
    }
    uint64_t *table = g_new0(uint64_t, words);
    size_t w = 0;
    table[w++] = argc;
    for (size_t i = 0; i < argc; i++)
        table[w++] = argv_addr[i];
    table[w++] = 0;
    for (size_t i = 0; i < envc; i++)
        table[w++] = envp_addr[i];
    table[w++] = 0;
    memcpy(&table[w], auxv, sizeof(auxv));
    /* Guest memory is little-endian, like the hosts we build on. */
    user_mem_write(p, sp, table, words * 8);
    g_free(table);
    g_free(envp_addr);
    g_free(argv_addr);

    p->auxv = g_bytes_new(auxv, sizeof(auxv));
    *sp_out = sp;
    return true;
}
