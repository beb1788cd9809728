/* The oracle behind test-cpu-simd-vectors.inc: an AArch64 program, run
 * under qemu-aarch64 -cpu max by test-cpu-simd-gen.py. For each line
 * "insn fpcr seed" on stdin it builds the state test-cpu-simd-gen.h makes
 * from the seed, executes the instruction once (test-cpu-simd-oracle.S)
 * and prints a C initializer of what changed: registers, NZCV, FPSR and
 * memory, or 1/2 for SIGILL/SIGSEGV. Not built by make. */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "test-cpu-simd-gen.h"  /* -I testsuite/unit */

struct regs {
    uint64_t x[31];
    uint64_t pad;
    uint64_t v[32][2];
    uint32_t nzcv, fpcr, fpsr, pad2;
    uint64_t saved_sp;
    uint64_t pad3;
} __attribute__((aligned(16)));

extern char stub_begin[], stub_slot[], stub_end[];
static sigjmp_buf jb;
static volatile int sig;
static void on_sig(int s) { sig = s; siglongjmp(jb, 1); }

int main(void)
{
    size_t len = stub_end - stub_begin;
    char *code = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    uint8_t *mem = mmap((void *)SIMD_GEN_MEM_BASE, SIMD_GEN_MEM_SIZE,
                        PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    if (code == MAP_FAILED || mem == MAP_FAILED) { perror("mmap"); return 1; }
    memcpy(code, stub_begin, len);
    uint32_t *slot = (uint32_t *)(code + (stub_slot - stub_begin));
    static char altstack[65536];
    stack_t ss = { .ss_sp = altstack, .ss_size = sizeof altstack };
    sigaltstack(&ss, NULL);
    struct sigaction sa = { .sa_handler = on_sig, .sa_flags = SA_ONSTACK | SA_NODEFER };
    sigaction(SIGILL, &sa, NULL);
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    setvbuf(stdout, NULL, _IOLBF, 0);
    unsigned insn, fpcr; unsigned long long seed;
    static struct simd_gen_state st;
    static struct regs in, out;
    while (scanf("%x %x %llu", &insn, &fpcr, &seed) == 3) {
        simd_gen_state(&st, seed, insn, fpcr);
        memcpy(in.x, st.x, sizeof st.x);
        memcpy(in.v, st.v, sizeof st.v);
        in.nzcv = st.nzcv; in.fpcr = st.fpcr; in.fpsr = st.fpsr;
        memcpy(mem, st.mem, SIMD_GEN_MEM_SIZE);
        memset(&out, 0, sizeof out);
        *slot = insn;
        __builtin___clear_cache(code, code + len);
        sig = 0;
        if (sigsetjmp(jb, 1) == 0) {
            ((void (*)(struct regs *, struct regs *))code)(&in, &out);
        }
        if (sig) {
            printf("    {0x%08x,0x%x,%llu,%d},\n", insn, fpcr, seed,
                   sig == SIGILL ? 1 : 2);
            continue;
        }
        int n = 0, m = 0;
        for (int i = 0; i < 32; i++)
            n += out.v[i][0] != in.v[i][0] || out.v[i][1] != in.v[i][1];
        for (int i = 0; i < 31; i++)
            n += out.x[i] != in.x[i];
        for (unsigned i = 0; i < SIMD_GEN_MEM_SIZE; i += 8)
            m += memcmp(mem + i, st.mem + i, 8) != 0;
        printf("    {0x%08x,0x%x,%llu,0,0x%x,0x%x,%d,{", insn, fpcr, seed,
               out.nzcv, out.fpsr, n);
        n = 0;
        for (int i = 0; i < 32; i++)
            if (out.v[i][0] != in.v[i][0] || out.v[i][1] != in.v[i][1])
                printf("%s{%d,0x%llx,0x%llx}", n++ ? "," : "", i,
                       (unsigned long long)out.v[i][0], (unsigned long long)out.v[i][1]);
        for (int i = 0; i < 31; i++)
            if (out.x[i] != in.x[i])
                printf("%s{%d,0x%llx,0}", n++ ? "," : "", 32 + i,
                       (unsigned long long)out.x[i]);
        printf("},%d,{", m);
        m = 0;
        for (unsigned i = 0; i < SIMD_GEN_MEM_SIZE; i += 8) {
            uint64_t a, b;
            memcpy(&a, mem + i, 8); memcpy(&b, st.mem + i, 8);
            if (a != b)
                printf("%s{%u,0x%llx}", m++ ? "," : "", i, (unsigned long long)a);
        }
        printf("}},\n");
        if (n > 6 || m > 10) { fprintf(stderr, "too many changes %08x\n", insn); }
    }
    return 0;
}
