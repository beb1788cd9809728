/* A guest that uses memory tagging (FEAT_MTE2): PROT_MTE memory, the tag
 * instructions, prctl(PR_SET_TAGGED_ADDR_CTRL) and tag check faults in the
 * synchronous and asynchronous modes. Built with -march=armv8.5-a+memtag.
 *
 * With no argument it prints only what does not depend on the random tags
 * of IRG, so that its output on backstep and on qemu-aarch64 -cpu max must
 * be equal (testsuite/unit/test-user-mte.c). "asymm" checks the
 * asymmetric mode; "stack" the Tag Unchecked SP-based accesses; "siaddr"
 * the tag bits of si_addr (SA_EXPOSE_TAGBITS); "gdb" is
 * the program testsuite/backstep.gdb/gdb-mte.exp
 * drives: it stops at tag_fault() and faults there. */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <ucontext.h>
#include <unistd.h>

#ifndef PROT_MTE
#define PROT_MTE 0x20
#endif
#ifndef HWCAP2_MTE
#define HWCAP2_MTE (1 << 18)
#endif
#ifndef SEGV_MTEAERR
#define SEGV_MTEAERR 8
#endif
#ifndef PR_SET_TAGGED_ADDR_CTRL
#define PR_SET_TAGGED_ADDR_CTRL 55
#define PR_GET_TAGGED_ADDR_CTRL 56
#define PR_TAGGED_ADDR_ENABLE (1UL << 0)
#endif
#ifndef PR_MTE_TCF_SYNC
#define PR_MTE_TCF_SYNC (1UL << 1)
#define PR_MTE_TCF_ASYNC (1UL << 2)
#define PR_MTE_TAG_SHIFT 3
#endif

#define TAG(p, t) ((uint8_t *)(((uintptr_t)(p) & ~(0xfull << 56)) | \
                               ((uint64_t)(t) << 56)))
#define ADDR_BITS 0x00ffffffffffffffull

static sigjmp_buf back;
static volatile int last_code;
static volatile uintptr_t last_addr;

static void on_segv(int sig, siginfo_t *si, void *uc)
{
    (void)sig;
    (void)uc;
    last_code = si->si_code;
    last_addr = (uintptr_t)si->si_addr;
    /* A synchronous fault would repeat on return; an asynchronous one
     * arrived at a system call, which then completes. */
    if (si->si_code != SEGV_MTEAERR)
        siglongjmp(back, 1);
}

static uint8_t *mem;

static unsigned ldg(const void *p)
{
    uint64_t r = (uintptr_t)p;
    __asm__ volatile("ldg %0, [%0]" : "+r"(r) : : "memory");
    return (r >> 56) & 0xf;
}

static void stg(void *p)
{
    __asm__ volatile("stg %0, [%0]" : : "r"(p) : "memory");
}

static void set_ctrl(unsigned long tcf)
{
    int r = prctl(PR_SET_TAGGED_ADDR_CTRL,
                  PR_TAGGED_ADDR_ENABLE | tcf | (0xfffeUL << PR_MTE_TAG_SHIFT),
                  0, 0, 0);
    printf("prctl set %d get %#lx\n", r,
           (unsigned long)prctl(PR_GET_TAGGED_ADDR_CTRL, 0, 0, 0, 0));
}

/* A load and a store through p, reporting a fault's code and offset. */
static void try_access(const char *what, uint8_t *p, int store)
{
    last_code = 0;
    if (sigsetjmp(back, 1) == 0) {
        if (store)
            *(volatile uint8_t *)p = 0x5a;
        else
            (void)*(volatile uint8_t *)p;
        /* An asynchronous fault arrives at the next system call. */
        getpid();
        if (last_code)
            printf("%s: SIGSEGV code %d addr %#lx\n", what, last_code,
                   (unsigned long)last_addr);
        else
            printf("%s: ok\n", what);
    } else {
        printf("%s: SIGSEGV code %d addr %s%#lx\n", what, last_code,
               last_addr ? "mem+" : "", last_addr
                   ? (unsigned long)((last_addr & ADDR_BITS) - (uintptr_t)mem)
                   : 0ul);
    }
}

static void instructions(void)
{
    uint8_t *p = TAG(mem, 3);
    uint64_t x;

    stg(p);
    stg(TAG(mem + 16, 5));
    printf("ldg %u %u %u\n", ldg(mem), ldg(mem + 16), ldg(mem + 32));
    __asm__("addg %0, %1, #32, #2" : "=r"(x) : "r"(p));
    printf("addg %#lx\n", (unsigned long)(x - (uintptr_t)mem));
    __asm__("subg %0, %1, #16, #15" : "=r"(x) : "r"(p));
    printf("subg %#lx\n", (unsigned long)(x - (uintptr_t)mem));
    __asm__("subp %0, %1, %2" : "=r"(x) : "r"(TAG(mem + 48, 9)), "r"(p));
    printf("subp %ld\n", (long)x);
    __asm__("gmi %0, %1, %2" : "=r"(x) : "r"(p), "r"(0x100ul));
    printf("gmi %#lx\n", (unsigned long)x);
    /* IRG with all but tag 7 excluded is not random. */
    __asm__("irg %0, %1, %2" : "=r"(x) : "r"(mem), "r"(0xff7ful));
    printf("irg %lu\n", (unsigned long)(x >> 56));
    memset(mem + 64, 0xee, 128);
    __asm__ volatile("stzg %0, [%0, #64]" : : "r"(TAG(mem, 6)) : "memory");
    __asm__ volatile("st2g %0, [%0, #96]" : : "r"(TAG(mem, 4)) : "memory");
    __asm__ volatile("stgp %1, %2, [%0, #128]"
                     : : "r"(TAG(mem, 2)), "r"(0x11ul), "r"(0x22ul)
                     : "memory");
    printf("stzg %u %02x %02x st2g %u %u %02x stgp %u %lx %lx\n",
           ldg(mem + 64), mem[64], mem[80], ldg(mem + 96), ldg(mem + 112),
           mem[96], ldg(mem + 128), ((unsigned long *)mem)[16],
           ((unsigned long *)mem)[17]);
    __asm__ volatile("dc gzva, %0" : : "r"(TAG(mem + 256, 8)) : "memory");
    printf("dc gzva %u %u %02x\n", ldg(mem + 256), ldg(mem + 304),
           mem[300]);
}

static void checks(void)
{
    stg(TAG(mem + 512, 4));
    set_ctrl(PR_MTE_TCF_SYNC);
    try_access("sync match", TAG(mem + 512, 4), 0);
    try_access("sync mismatch load", TAG(mem + 512, 5), 0);
    try_access("sync mismatch store", TAG(mem + 520, 0), 1);
    printf("store suppressed %02x\n", *TAG(mem + 520, 4));
    try_access("untagged memory", TAG(mem + 4096, 9), 1);
    __asm__ volatile("msr tco, #1");
    try_access("tco", TAG(mem + 512, 7), 0);
    __asm__ volatile("msr tco, #0");
    set_ctrl(PR_MTE_TCF_ASYNC);
    try_access("async mismatch store", TAG(mem + 528, 1), 1);
    printf("store happened %02x\n", *TAG(mem + 528, 4));
    set_ctrl(0);
    try_access("no checks", TAG(mem + 512, 1), 1);
}

static void asymm(void)
{
    stg(TAG(mem + 512, 4));
    set_ctrl(PR_MTE_TCF_SYNC | PR_MTE_TCF_ASYNC);
    try_access("asymm load", TAG(mem + 512, 5), 0);
    try_access("asymm store", TAG(mem + 512, 5), 1);
}

/* "stack": a tagged stack. The upper half of the PROT_MTE page gets
 * allocation tag 3 and SP points into it untagged (logical tag 0): loads
 * and stores based on SP with an immediate offset are Tag Unchecked (Arm
 * ARM), so they pass; the same address through another register is
 * checked and faults. Only unchecked accesses run while SP is moved: a
 * fault there would run the handler on the tagged stack, whose prologue
 * (STP with writeback: checked) would fault again. */
static void tagged_stack(void)
{
    uint8_t *top = mem + 3072;
    uint64_t a, b, c, d;

    for (uint8_t *g = mem + 2048; g < mem + 4096; g += 16)
        stg(TAG(g, 3));
    set_ctrl(PR_MTE_TCF_SYNC);
    __asm__ volatile("mov x9, sp\n\t"
                     "mov sp, %[top]\n\t"
                     "mov x10, #0x1234\n\t"
                     "str x10, [sp, #16]\n\t"
                     "ldr %[a], [sp, #16]\n\t"
                     "stp x10, x10, [sp, #32]\n\t"
                     "ldp %[b], %[c], [sp, #32]\n\t"
                     "stur x10, [sp, #-8]\n\t"
                     "ldur %[d], [sp, #-8]\n\t"
                     "mov sp, x9"
                     : [a] "=&r"(a), [b] "=&r"(b), [c] "=&r"(c), [d] "=&r"(d)
                     : [top] "r"(top)
                     : "x9", "x10", "memory");
    printf("sp-based: ok %lx %lx %lx %lx\n", (unsigned long)a,
           (unsigned long)b, (unsigned long)c, (unsigned long)d);
    try_access("same address via x-register", top + 16, 0);
    set_ctrl(0);
}

/* "siaddr": the tag bits of si_addr, with and without SA_EXPOSE_TAGBITS
 * (Linux 5.11+): hidden (bits 63:56 cleared) unless the handler asked
 * for them; for a tag check fault (SEGV_MTESERR) bits 59:56 are the
 * logical tag and 63:60 are zero. sigcontext.fault_address never has
 * the tag. */
#ifndef SA_EXPOSE_TAGBITS
#define SA_EXPOSE_TAGBITS 0x00000800
#endif
static volatile uintptr_t last_fault_address;

static void on_segv_context(int sig, siginfo_t *si, void *uc)
{
    last_fault_address = ((ucontext_t *)uc)->uc_mcontext.fault_address;
    on_segv(sig, si, uc);
}

static void fault_report(const char *what, uint8_t *p, unsigned long flags)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_segv_context;
    sa.sa_flags = SA_SIGINFO | flags;
    sigaction(SIGSEGV, &sa, NULL);
    last_code = 0;
    if (sigsetjmp(back, 1) == 0) {
        (void)*(volatile uint8_t *)p;
        printf("%s: no fault\n", what);
        return;
    }
    printf("%s: code %d si_addr %s+%#lx top %#lx fault_address top %#lx\n",
           what, last_code, (last_addr & ADDR_BITS) >= (uintptr_t)mem ? "mem"
                                                                      : "0",
           (unsigned long)((last_addr & ADDR_BITS)
                           - ((last_addr & ADDR_BITS) >= (uintptr_t)mem
                                  ? (uintptr_t)mem : 0)),
           (unsigned long)(last_addr >> 56),
           (unsigned long)(last_fault_address >> 56));
}

static void si_addr_tags(void)
{
    uint8_t *unmapped = (uint8_t *)(uintptr_t)0x10;

    fault_report("unmapped tag 0x5a", TAG(unmapped, 0) + (0x5aull << 56), 0);
    fault_report("unmapped tag 0x5a exposed", TAG(unmapped, 0) + (0x5aull << 56),
                 SA_EXPOSE_TAGBITS);
    stg(TAG(mem + 512, 4));
    set_ctrl(PR_MTE_TCF_SYNC);
    fault_report("tag check 0xa5", TAG(mem + 512, 5) + (0xa0ull << 56), 0);
    fault_report("tag check 0xa5 exposed", TAG(mem + 512, 5) + (0xa0ull << 56),
                 SA_EXPOSE_TAGBITS);
    set_ctrl(0);
}

/* The debugger's program: gdb-mte.exp stops here, looks at and changes
 * tags, and continues into the fault. */
void tag_fault(uint8_t *tagged, uint8_t *untagged)
{
    (void)untagged;
    tagged[0] = 'a';
}

int main(int argc, char **argv)
{
    struct sigaction sa;
    uint8_t *plain;

    if (!(getauxval(AT_HWCAP2) & HWCAP2_MTE)) {
        printf("no MTE\n");
        return 1;
    }
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO;
    mem = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE,
               MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    plain = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mem == MAP_FAILED || plain == MAP_FAILED ||
        mprotect(mem, 4096, PROT_READ | PROT_WRITE | PROT_MTE) != 0) {
        perror("mmap/mprotect");
        return 1;
    }
    if (argc > 1 && strcmp(argv[1], "gdb") == 0) {
        set_ctrl(PR_MTE_TCF_SYNC);
        stg(TAG(mem, 1));   /* tag_fault's store (logical tag 0) faults */
        tag_fault(mem, plain);
        return 0;
    }
    sigaction(SIGSEGV, &sa, NULL);
    if (argc > 1 && strcmp(argv[1], "asymm") == 0) {
        asymm();
        return 0;
    }
    if (argc > 1 && strcmp(argv[1], "siaddr") == 0) {
        si_addr_tags();
        return 0;
    }
    if (argc > 1 && strcmp(argv[1], "stack") == 0) {
        tagged_stack();
        return 0;
    }
    instructions();
    checks();
    return 0;
}
