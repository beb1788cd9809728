/* The oracle behind test-cpu-sve-vectors.inc: an AArch64 program, run
 * under qemu-aarch64 -cpu max,sve-max-vq=16 by test-cpu-sve-gen.py. For
 * each line "insn vl mode fpcr seed" on stdin it sets the vector length
 * (PR_SVE_SET_VL), builds the state test-cpu-sve-gen.h makes from the
 * seed, executes the instruction once (test-cpu-sve-oracle.S) and prints a
 * C initializer: the case, the outcome (0, or 1/2 for SIGILL/SIGSEGV),
 * NZCV, FPSR and the digest of the final state. With -v it prints every
 * changed register and memory word instead (to debug a mismatch). Not
 * built by make. */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include "test-cpu-sve-gen.h"  /* -I testsuite/unit */

struct regs {
    uint64_t x[31];
    uint64_t pad;
    uint32_t nzcv, fpcr, fpsr, pad2;
    uint64_t saved_sp;
    uint8_t (*z)[256];
    uint8_t (*p)[32];
    uint8_t *ffr;
    uint64_t pad3;
} __attribute__((aligned(16)));

extern char stub_begin[], stub_slot[], stub_end[];
static sigjmp_buf jb;
static volatile int sig;
static void on_sig(int s) { sig = s; siglongjmp(jb, 1); }

/* Registers are stored packed at VL: spread them to the 256/32-byte rows
 * of sve_gen_state. */
static void unpack(uint8_t (*z)[256], uint8_t (*p)[32], uint8_t *ffr,
                   const uint8_t *zbuf, const uint8_t *pbuf,
                   const uint8_t *fbuf, unsigned vl)
{
    memset(z, 0, 32 * 256);
    memset(p, 0, 16 * 32);
    memset(ffr, 0, 32);
    for (int i = 0; i < 32; i++)
        memcpy(z[i], zbuf + i * vl, vl);
    for (int i = 0; i < 16; i++)
        memcpy(p[i], pbuf + i * (vl / 8), vl / 8);
    memcpy(ffr, fbuf, vl / 8);
}

int main(int argc, char **argv)
{
    int verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
    size_t len = stub_end - stub_begin;
    char *code = mmap(NULL, 8192, PROT_READ | PROT_WRITE | PROT_EXEC,
                      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    uint8_t *mem = mmap((void *)SVE_GEN_MEM_BASE, SVE_GEN_MEM_SIZE + 4096,
                        PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    if (code == MAP_FAILED || mem == MAP_FAILED) { perror("mmap"); return 1; }
    munmap(mem + SVE_GEN_MEM_SIZE, 4096);
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
    unsigned insn, vl, mode, fpcr; unsigned long long seed;
    static struct sve_gen_state st;
    static struct regs in, out;
    static uint8_t zin[32 * 256], pin[16 * 32], fin[32];
    static uint8_t zout[32 * 256], pout[16 * 32], fout[32];
    static uint8_t z[32][256], p[16][32], ffr[32];
    while (scanf("%x %u %u %x %llu", &insn, &vl, &mode, &fpcr, &seed) == 5) {
        if (prctl(PR_SVE_SET_VL, vl) != (int)vl) {
            fprintf(stderr, "cannot set VL %u\n", vl);
            return 1;
        }
        sve_gen_state(&st, seed, insn, mode, fpcr);
        memcpy(in.x, st.x, sizeof st.x);
        for (unsigned i = 0; i < 32; i++)
            memcpy(zin + i * vl, st.z[i], vl);
        for (unsigned i = 0; i < 16; i++)
            memcpy(pin + i * (vl / 8), st.p[i], vl / 8);
        memcpy(fin, st.ffr, vl / 8);
        in.z = (void *)zin; in.p = (void *)pin; in.ffr = fin;
        in.nzcv = st.nzcv; in.fpcr = st.fpcr; in.fpsr = st.fpsr;
        memset(&out, 0, sizeof out);
        out.z = (void *)zout; out.p = (void *)pout; out.ffr = fout;
        memcpy(mem, st.mem, SVE_GEN_MEM_SIZE);
        *slot = insn;
        __builtin___clear_cache(code, code + len);
        sig = 0;
        if (sigsetjmp(jb, 1) == 0)
            ((void (*)(struct regs *, struct regs *))code)(&in, &out);
        if (sig) {
            printf("    {0x%08x,%u,%u,0x%x,%llu,%d,0,0,0},\n", insn, vl, mode,
                   fpcr, seed, sig == SIGILL ? 1 : 2);
            continue;
        }
        unpack(z, p, ffr, zout, pout, fout, vl);
        uint64_t h = sve_gen_digest(out.x, z, p, ffr, mem, vl);
        printf("    {0x%08x,%u,%u,0x%x,%llu,0,0x%x,0x%x,0x%016llxull},\n",
               insn, vl, mode, fpcr, seed, out.nzcv, out.fpsr,
               (unsigned long long)h);
        if (!verbose)
            continue;
        for (int i = 0; i < 31; i++)
            if (out.x[i] != st.x[i])
                printf("x%d %016llx\n", i, (unsigned long long)out.x[i]);
        for (int i = 0; i < 32; i++)
            if (memcmp(z[i], st.z[i], vl)) {
                printf("z%d", i);
                for (int j = vl / 8 - 1; j >= 0; j--)
                    printf(" %016llx", (unsigned long long)((uint64_t *)z[i])[j]);
                printf("\n");
            }
        for (int i = 0; i < 16; i++)
            if (memcmp(p[i], st.p[i], vl / 8)) {
                printf("p%d", i);
                for (int j = vl / 8 - 1; j >= 0; j--)
                    printf(" %02x", p[i][j]);
                printf("\n");
            }
        if (memcmp(ffr, st.ffr, vl / 8)) {
            printf("ffr");
            for (int j = vl / 8 - 1; j >= 0; j--)
                printf(" %02x", ffr[j]);
            printf("\n");
        }
        for (unsigned i = 0; i < SVE_GEN_MEM_SIZE; i += 8)
            if (memcmp(mem + i, st.mem + i, 8))
                printf("mem+%u %016llx\n", i, (unsigned long long)*(uint64_t *)(mem + i));
    }
    return 0;
}
