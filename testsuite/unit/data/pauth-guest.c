/* A guest that exercises pointer authentication and prints only results
 * that do not depend on the keys, so that its output under backstep and
 * under qemu-aarch64 (whose keys are random per process) must be equal:
 * which bits a PAC may occupy, stripping, successful authentication, the
 * error code a failed AUT leaves, pac-ret calls, RETAA/BRAA/LDRAA, PACGA's
 * zero low half, prctl(PR_PAC_RESET_KEYS). Where a 7-bit PAC could match
 * by chance (1 time in 128) the expected failure value is printed
 * instead, so a collision cannot make the outputs differ.
 *
 * Build: aarch64-linux-gnu-gcc -static -O1 -march=armv8.3-a
 *        -mbranch-protection=pac-ret */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/prctl.h>
#include <ucontext.h>
#include <unistd.h>

#ifndef PR_PAC_RESET_KEYS
#define PR_PAC_RESET_KEYS 54
#endif

#define PAC_MASK 0x007f000000000000ull

#define PAC_OP(name, insn)                                                 \
    static uint64_t name(uint64_t p, uint64_t m)                           \
    {                                                                      \
        __asm__ volatile(insn " %0, %1" : "+r"(p) : "r"(m));               \
        return p;                                                          \
    }
PAC_OP(pacia, "pacia")
PAC_OP(pacib, "pacib")
PAC_OP(pacda, "pacda")
PAC_OP(pacdb, "pacdb")
PAC_OP(autia, "autia")
PAC_OP(autib, "autib")
PAC_OP(autda, "autda")
PAC_OP(autdb, "autdb")

static uint64_t xpaci(uint64_t p)
{
    __asm__ volatile("xpaci %0" : "+r"(p));
    return p;
}

static uint64_t xpacd(uint64_t p)
{
    __asm__ volatile("xpacd %0" : "+r"(p));
    return p;
}

static uint64_t (*const pac_ops[4])(uint64_t, uint64_t) = {
    pacia, pacib, pacda, pacdb };
static uint64_t (*const aut_ops[4])(uint64_t, uint64_t) = {
    autia, autib, autda, autdb };
static const char *const key_names[4] = { "ia", "ib", "da", "db" };

/* A failed AUT without FPAC: bits [54:53] = key_number:NOT(key_number). */
static uint64_t failed(uint64_t p, unsigned key)
{
    return (p & ~(3ull << 53)) | ((key & 1) ? 2ull : 1ull) << 53;
}

static void sign_and_check(uint64_t p)
{
    for (unsigned k = 0; k < 4; k++) {
        uint64_t s = pac_ops[k](p, 42), r = aut_ops[k](s, 43);
        uint64_t stripped = (k < 2 ? xpaci : xpacd)(s);
        if (r == p)   /* the wrong modifier's PAC matched by chance */
            r = failed(p, k);
        printf("%016llx %s: outside %016llx strip %016llx aut %016llx "
               "bad %016llx\n", (unsigned long long)p, key_names[k],
               (unsigned long long)((s ^ p) & ~PAC_MASK),
               (unsigned long long)stripped,
               (unsigned long long)aut_ops[k](s, 42), (unsigned long long)r);
    }
}

static __attribute__((noinline)) int leaf(int x)
{
    return x * 3;
}

static __attribute__((noinline)) int caller(int x)
{
    /* pac-ret: paciasp/autiasp around a non-leaf function */
    return leaf(x) + leaf(x + 1) + 1;
}

static int target_fn(void)
{
    return 77;
}

static sigjmp_buf jump;
static volatile uint64_t fault_addr;

static void on_segv(int sig, siginfo_t *info, void *uc)
{
    (void)sig;
    (void)uc;
    fault_addr = (uint64_t)(uintptr_t)info->si_addr;
    siglongjmp(jump, 1);
}

/* RETAA with a return address that was never signed: the branch goes to
 * the poisoned address and faults there. */
static void retaa_unsigned(uint64_t addr)
{
    __asm__ volatile("mov x30, %0\n\tretaa" : : "r"(addr) : "x30");
}

static void on_sigill(int sig, siginfo_t *info, void *uc)
{
    (void)uc;
    printf("signal %d code %d\n", sig, info->si_code);
    fflush(stdout);
    _exit(0);
}

/* The fields of the ID registers and HWCAPs that tell of PAuth, raw.
 * Without pac-ret (its RETAA), so that "off" mode can call it. */
__attribute__((target("branch-protection=none")))
static void print_ids(void)
{
    unsigned long hwcap = getauxval(AT_HWCAP);
    uint64_t isar1, isar2;

    __asm__ volatile("mrs %0, ID_AA64ISAR1_EL1" : "=r"(isar1));
    /* ID_AA64ISAR2_EL1 by encoding: older assemblers lack the name. */
    __asm__ volatile("mrs %0, S3_0_C0_C6_2" : "=r"(isar2));
    printf("hwcap paca %lu pacg %lu\n", (hwcap >> 30) & 1, (hwcap >> 31) & 1);
    printf("isar1 apa %llu api %llu gpa %llu gpi %llu\n",
           (unsigned long long)(isar1 >> 4) & 15,
           (unsigned long long)(isar1 >> 8) & 15,
           (unsigned long long)(isar1 >> 24) & 15,
           (unsigned long long)(isar1 >> 28) & 15);
    printf("isar2 apa3 %llu gpa3 %llu\n",
           (unsigned long long)(isar2 >> 12) & 15,
           (unsigned long long)(isar2 >> 8) & 15);
}

static void on_sigill_pacga(int sig, siginfo_t *info, void *uc)
{
    ucontext_t *ctx = uc;
    uint32_t insn;

    memcpy(&insn, (const void *)(uintptr_t)ctx->uc_mcontext.pc, 4);
    printf("signal %d code %d at %s\n", sig, info->si_code,
           (insn & 0xffe0fc00u) == 0x9ac03000u ? "pacga" : "?");
    fflush(stdout);
    _exit(0);
}

/* "off", for a CPU without FEAT_PAuth: the HINT-space PACIASP leaves LR
 * alone, and PACGA is UNDEFINED (SIGILL, ILL_ILLOPC at the PACGA).
 * Without pac-ret: its RETAA would be UNDEFINED too. */
__attribute__((target("branch-protection=none"), noreturn))
static void off_mode(void)
{
    struct sigaction sa;
    uint64_t lr_before = 0x0000000000412340ull, lr_after, g;

    print_ids();
    __asm__ volatile("mov x30, %1\n\thint #25\n\tmov %0, x30"
                     : "=r"(lr_after) : "r"(lr_before) : "x30");
    printf("paciasp %s\n", lr_after == lr_before ? "nop" : "signed");
    fflush(stdout);
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_sigill_pacga;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGILL, &sa, NULL);
    __asm__ volatile("pacga %0, %1, %2" : "=r"(g) : "r"(1ull), "r"(2ull));
    printf("pacga %016llx\n", (unsigned long long)g);
    exit(1);
}

/* "sign": key-dependent values, for backstep's determinism (not qemu).
 * "fpac": a failing AUTIA, for a CPU with FEAT_FPAC (SIGILL, ILL_ILLOPN).
 * "ids": the ID register fields and HWCAPs.
 * "algo": a PAC (key and algorithm dependent) and its authentication. */
static int other_mode(const char *mode)
{
    if (strcmp(mode, "off") == 0)
        off_mode();
    if (strcmp(mode, "ids") == 0) {
        /* exit, not return: without PAuth this function's RETAA (or
         * main's) is UNDEFINED. */
        print_ids();
        exit(0);
    }
    if (strcmp(mode, "algo") == 0) {
        uint64_t p = pacia(0x0000aaaabbbbcccc, 0x1234);
        printf("pacia %016llx aut %016llx\n", (unsigned long long)p,
               (unsigned long long)autia(p, 0x1234));
        return 0;
    }
    if (strcmp(mode, "sign") == 0) {
        uint64_t g;
        __asm__ volatile("pacga %0, %1, %2" : "=r"(g) : "r"(1ull), "r"(2ull));
        printf("pacia %016llx pacga %016llx\n",
               (unsigned long long)pacia(0x400000, 0), (unsigned long long)g);
        return 0;
    }
    if (strcmp(mode, "fpac") == 0) {
        struct sigaction sa;
        memset(&sa, 0, sizeof(sa));
        sa.sa_sigaction = on_sigill;
        sa.sa_flags = SA_SIGINFO;
        sigaction(SIGILL, &sa, NULL);
        /* Unsigned pointers: all but 1 in 128 fail. */
        for (unsigned i = 0; i < 16; i++)
            autia(0x400000 + 16 * i, 0);
        printf("no fault\n");
        return 1;
    }
    return 2;
}

int main(int argc, char **argv)
{
    static const uint64_t pointers[] = {
        0x0000aaaabbbbcccc, 0x1200aaaabbbbcccc, 0x0000000000400000,
        0x0000ffffffffeff0, 0xff00000012345678,
    };
    unsigned long hwcap = getauxval(AT_HWCAP);
    uint64_t isar1;

    if (argc > 1)
        return other_mode(argv[1]);
    printf("hwcap paca %lu pacg %lu\n", (hwcap >> 30) & 1, (hwcap >> 31) & 1);
    __asm__ volatile("mrs %0, ID_AA64ISAR1_EL1" : "=r"(isar1));
    printf("isar1 apa-or-api %d gpa-or-gpi %d\n",
           ((isar1 >> 4) & 0xff) != 0, ((isar1 >> 24) & 0xff) != 0);

    for (unsigned i = 0; i < sizeof(pointers) / sizeof(pointers[0]); i++)
        sign_and_check(pointers[i]);

    /* A non-canonical pointer never authenticates. */
    {
        uint64_t p = 0x0012aaaabbbbcccc;
        uint64_t s = pacda(p, 0);
        printf("non-canonical: strip %016llx aut %016llx\n",
               (unsigned long long)xpacd(s),
               (unsigned long long)autda(s, 0));
    }

    printf("pac-ret call %d\n", caller(5));

    /* BLRAA to a signed function pointer. */
    {
        uint64_t fp = pacia((uint64_t)(uintptr_t)target_fn, 1234);
        register uint64_t x0 __asm__("x0");
        __asm__ volatile("mov x1, #1234\n\tblraa %1, x1"
                         : "=r"(x0) : "r"(fp) : "x1", "x30", "memory");
        printf("blraa %d\n", (int)x0);
    }

    /* LDRAA with writeback through a signed data pointer. */
    {
        static uint64_t data[4] = { 11, 22, 33, 44 };
        uint64_t p = pacda((uint64_t)(uintptr_t)data, 0);
        uint64_t v;
        __asm__ volatile("ldraa %1, [%0, #16]!" : "+r"(p), "=r"(v));
        printf("ldraa %llu writeback-offset %lld\n", (unsigned long long)v,
               (long long)(p - (uint64_t)(uintptr_t)data));
    }

    /* PACGA: the code is in the top half, the low half is zero. */
    {
        uint64_t g;
        __asm__ volatile("pacga %0, %1, %2" : "=r"(g) : "r"(1ull), "r"(2ull));
        printf("pacga low %08llx\n", (unsigned long long)(g & 0xffffffff));
    }

    /* RETAA to an unsigned address: SIGSEGV at the poisoned address. */
    {
        struct sigaction sa;
        memset(&sa, 0, sizeof(sa));
        sa.sa_sigaction = on_segv;
        sa.sa_flags = SA_SIGINFO;
        sigaction(SIGSEGV, &sa, NULL);
        if (sigsetjmp(jump, 1) == 0)
            retaa_unsigned(0x1000);
        if (fault_addr == 0x1000)
            fault_addr = failed(0x1000, 0);
        printf("retaa unsigned: fault %016llx\n",
               (unsigned long long)fault_addr);
    }

    /* PR_PAC_RESET_KEYS: signed pointers stop authenticating. */
    {
        uint64_t s[16];
        unsigned still = 0;
        for (unsigned i = 0; i < 16; i++)
            s[i] = pacia(0x400000 + 16 * i, 0);
        printf("reset all %d\n", prctl(PR_PAC_RESET_KEYS, 0, 0, 0, 0));
        for (unsigned i = 0; i < 16; i++)
            still += autia(s[i], 0) == 0x400000 + 16 * i;
        printf("still valid after reset: %s\n", still < 16 ? "no" : "yes");
        errno = 0;
        printf("reset bad key %d errno %d\n",
               prctl(PR_PAC_RESET_KEYS, 0x20, 0, 0, 0), errno);
        printf("reset ia %d\n", prctl(PR_PAC_RESET_KEYS, 1, 0, 0, 0));
    }
    /* main's own return address was signed with the old keys: returning
     * would fail to authenticate. exit() signs afresh. */
    exit(0);
}
