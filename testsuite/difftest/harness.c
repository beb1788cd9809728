/* The difftest harness: a static AArch64 Linux program that runs test
 * cases and prints what they did. The same binary runs under qemu-aarch64
 * and under backstep; the driver (difftest.c) compares the two outputs.
 *
 *     harness CASEFILE [FIRST [COUNT]]
 *
 * CASEFILE holds struct dt_case records (dt-format.h). For each case from
 * FIRST (default 0), COUNT of them (default all), the harness loads the
 * scratch page, puts the instructions in the slots of the code page, runs
 * them through dt_enter (harness.S) and writes one struct dt_result to
 * stdout with write(2), so the results of the cases before a crash are
 * already out when an emulator dies on one.
 *
 * A case that raises SIGILL, SIGSEGV, SIGBUS, SIGFPE or SIGTRAP is
 * recorded as trapped with that signal: the handler runs on its own stack
 * (the case's SP points anywhere) and jumps back with siglongjmp.
 */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "dt-format.h"

extern const char dt_stub[], dt_stub_slots[], dt_stub_end[];
void dt_enter(void *stub, void *state);

#define PAGE 4096
#define NOP 0xd503201fu

#ifndef PR_SVE_SET_VL
#define PR_SVE_SET_VL 50
#endif
#define SVE_VL_LEN_MASK 0xffff

static sigjmp_buf trap_return;
static volatile sig_atomic_t trap_signal;

static void on_trap(int sig, siginfo_t *info, void *uc)
{
    (void)info;
    (void)uc;
    trap_signal = sig;
    siglongjmp(trap_return, 1);
}

static void die(const char *what)
{
    fprintf(stderr, "harness: %s: %s\n", what, strerror(errno));
    exit(2);
}

static void *map_fixed(unsigned long addr, size_t len, int prot)
{
    void *p = mmap((void *)addr, len, prot,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    if (p == MAP_FAILED)
        die("mmap");
    if (p != (void *)addr) {
        fprintf(stderr, "harness: mmap placed %#lx at %p\n", addr, p);
        exit(2);
    }
    return p;
}

static void install_trap_handlers(void)
{
    static const int sigs[] = { SIGILL, SIGSEGV, SIGBUS, SIGFPE, SIGTRAP };
    stack_t ss = { .ss_size = 64 * 1024 };
    ss.ss_sp = malloc(ss.ss_size);
    if (!ss.ss_sp || sigaltstack(&ss, NULL) != 0)
        die("sigaltstack");
    struct sigaction sa = { .sa_sigaction = on_trap,
                            .sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER };
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        if (sigaction(sigs[i], &sa, NULL) != 0)
            die("sigaction");
}

static void write_all(const void *buf, size_t len)
{
    const char *p = buf;
    while (len) {
        ssize_t n = write(1, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            die("write");
        p += n;
        len -= (size_t)n;
    }
}

/* Run at vector length VL (bytes) from now on; the emulator must give
 * exactly that length (it was started with it as its maximum), or the
 * comparison would be between different machines. */
static void set_sve_vl(uint32_t vl)
{
    static uint32_t current;
    if (vl == current)
        return;
    int got = prctl(PR_SVE_SET_VL, (unsigned long)vl, 0, 0, 0);
    if (got < 0 || (uint32_t)(got & SVE_VL_LEN_MASK) != vl) {
        fprintf(stderr, "harness: cannot set the SVE vector length to %u "
                "bytes (got %d)\n", vl, got);
        exit(2);
    }
    current = vl;
}

/* The case's SVE registers into the packed input area (dt-format.h). */
static void pack_sve(const struct dt_sve *s, uint8_t *area)
{
    for (unsigned i = 0; i < 32; i++)
        memcpy(area + i * s->vl, s->z[i], s->vl);
    uint8_t *p = area + DT_SVE_P_OFF(s->vl);
    for (unsigned i = 0; i < 16; i++)
        memcpy(p + i * (s->vl / 8), s->p[i], s->vl / 8);
    memcpy(p + 16 * (s->vl / 8), s->ffr, s->vl / 8);
}

static void unpack_sve(const uint8_t *area, struct dt_sve *s)
{
    for (unsigned i = 0; i < 32; i++)
        memcpy(s->z[i], area + i * s->vl, s->vl);
    const uint8_t *p = area + DT_SVE_P_OFF(s->vl);
    for (unsigned i = 0; i < 16; i++)
        memcpy(s->p[i], p + i * (s->vl / 8), s->vl / 8);
    memcpy(s->ffr, p + 16 * (s->vl / 8), s->vl / 8);
}

static void run_case(const struct dt_case *c, uint32_t index,
                     struct dt_result *r)
{
    char *code = (char *)DT_CODE_ADDR;
    char *state = (char *)DT_STATE_ADDR;
    uint32_t *slots = (uint32_t *)(code + (dt_stub_slots - dt_stub));

    memcpy((void *)DT_SCRATCH_ADDR, c->mem, DT_MEM_SIZE);
    memcpy(state + DT_STATE_IN, &c->regs, sizeof c->regs);
    memset(state + DT_STATE_OUT, 0, sizeof c->regs);
    memcpy(state + DT_SVE_VL_OFF, &c->sve.vl, sizeof c->sve.vl);
    if (c->sve.vl) {
        set_sve_vl(c->sve.vl);
        pack_sve(&c->sve, (uint8_t *)state + DT_SVE_IN);
    }
    for (unsigned i = 0; i < DT_MAX_INSN; i++)
        slots[i] = i < c->ninsn ? c->insn[i] : NOP;
    __builtin___clear_cache((char *)slots, (char *)(slots + DT_MAX_INSN));

    memset(r, 0, sizeof *r);
    r->magic = DT_RESULT_MAGIC;
    r->index = index;
    r->sve.vl = c->sve.vl;
    trap_signal = 0;
    if (sigsetjmp(trap_return, 1) == 0) {
        dt_enter(code, state);
        memcpy(&r->regs, state + DT_STATE_OUT, sizeof r->regs);
        r->regs.sp -= c->regs.sp;
        if (c->sve.vl)
            unpack_sve((uint8_t *)state + DT_SVE_OUT, &r->sve);
    } else {
        __asm__ volatile("msr fpcr, xzr");
        r->signal = trap_signal;
    }
    memcpy(r->mem, (void *)DT_SCRATCH_ADDR, DT_MEM_SIZE);
}

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 4) {
        fprintf(stderr, "usage: harness CASEFILE [FIRST [COUNT]]\n");
        return 2;
    }
    unsigned long first = argc > 2 ? strtoul(argv[2], NULL, 0) : 0;
    unsigned long count = argc > 3 ? strtoul(argv[3], NULL, 0) : ~0ul;

    FILE *f = fopen(argv[1], "rb");
    if (!f)
        die(argv[1]);
    if (fseek(f, (long)(first * sizeof(struct dt_case)), SEEK_SET) != 0)
        die(argv[1]);

    char *code = map_fixed(DT_CODE_ADDR, PAGE,
                           PROT_READ | PROT_WRITE | PROT_EXEC);
    map_fixed(DT_STATE_ADDR, DT_STATE_PAGES * PAGE, PROT_READ | PROT_WRITE);
    map_fixed(DT_SCRATCH_ADDR, PAGE, PROT_READ | PROT_WRITE);
    memcpy(code, dt_stub, (size_t)(dt_stub_end - dt_stub));
    install_trap_handlers();

    static struct dt_case c;
    static struct dt_result r;
    for (unsigned long i = 0; i < count; i++) {
        size_t got = fread(&c, 1, sizeof c, f);
        if (got == 0 && feof(f))
            break;
        if (got != sizeof c || c.magic != DT_CASE_MAGIC
            || c.ninsn < 1 || c.ninsn > DT_MAX_INSN
            || c.sve.vl % 16 != 0 || c.sve.vl > DT_SVE_MAX_VL) {
            fprintf(stderr, "harness: %s: bad case %lu\n", argv[1], first + i);
            return 2;
        }
        run_case(&c, (uint32_t)(first + i), &r);
        write_all(&r, sizeof r);
    }
    fclose(f);
    return 0;
}
