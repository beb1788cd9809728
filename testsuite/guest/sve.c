/* SVE registers for the debugger suites (gdb-sve.exp, lldb-sve.exp):
 * known values in z0, z1, p0, p1 and ffr at the starting vector length,
 * then prctl(PR_SVE_SET_VL) down to 128 bits and new values, then a
 * signal whose handler checks the frame's sve_context and clobbers the
 * registers, which rt_sigreturn must put back. Run under
 * `backstep --sve-vl 512`. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <ucontext.h>
#include <unistd.h>

#ifndef PR_SVE_SET_VL
#define PR_SVE_SET_VL 50
#define PR_SVE_GET_VL 51
#endif

/* The debugger's stopping places: empty, so nothing between the asm
 * that set the registers and the stop touches them. */
__attribute__((noinline)) void regs_ready(void) { __asm__ volatile(""); }
__attribute__((noinline)) void regs_ready_short(void) { __asm__ volatile(""); }

static long vector_bytes(void)
{
    long vl;
    __asm__ volatile(".arch armv8.2-a+sve\n\trdvl %0, #1" : "=r"(vl));
    return vl;
}

/* z0.s = {1, 2, 3, ...}, z1.d = all 0x2a, p0 = all words true, p1 =
 * false, ffr = all true. */
static void set_registers(void)
{
    __asm__ volatile(".arch armv8.2-a+sve\n\t"
                     "index z0.s, #1, #1\n\t"
                     "dup z1.d, #42\n\t"
                     "ptrue p0.s\n\t"
                     "pfalse p1.b\n\t"
                     "setffr\n\t"
                     ::: "memory");
}

static volatile int handler_ok;

/* The handler's own SVE use clobbers z0 and p0; the sigreturn restores
 * them from the frame. */
static void on_usr1(int sig, siginfo_t *info, void *context)
{
    ucontext_t *uc = context;
    unsigned char *rec = (unsigned char *)uc->uc_mcontext.__reserved;
    (void)sig;
    (void)info;
    for (;;) {
        unsigned magic, size;
        memcpy(&magic, rec, 4);
        memcpy(&size, rec + 4, 4);
        if (magic == 0)
            break;
        if (magic == EXTRA_MAGIC) {   /* follow datap */
            unsigned long datap;
            memcpy(&datap, rec + 8, 8);
            rec = (unsigned char *)datap;
            continue;
        }
        if (magic == SVE_MAGIC) {
            unsigned short vl;
            unsigned z0_lane1;
            memcpy(&vl, rec + 8, 2);
            /* Z registers start 16 bytes in; lane 1 of z0.s is 2. */
            memcpy(&z0_lane1, rec + 16 + 4, 4);
            handler_ok = vl == vector_bytes() && size > 16 && z0_lane1 == 2;
        }
        rec += size;
    }
    __asm__ volatile(".arch armv8.2-a+sve\n\t"
                     "dup z0.s, #-1\n\t"
                     "pfalse p0.b\n\t"
                     ::: "memory");
}

int main(void)
{
    long vl_start = vector_bytes();
    set_registers();
    regs_ready();

    int status = prctl(PR_SVE_SET_VL, 16);
    long vl_short = vector_bytes();
    set_registers();
    regs_ready_short();

    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_usr1;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR1, &sa, NULL);
    prctl(PR_SVE_SET_VL, 64);
    unsigned long words = (unsigned long)vector_bytes() / 4;
    /* Set the registers, send the signal with a bare kill system call
     * (so no library code runs in between), and read z0 and p0 back
     * right after the handler's sigreturn. */
    unsigned vals[64] __attribute__((aligned(16)));
    unsigned long p0_count;
    register long x0 __asm__("x0") = getpid();
    register long x1 __asm__("x1") = SIGUSR1;
    register long x8 __asm__("x8") = 129;   /* kill */
    __asm__ volatile(".arch armv8.2-a+sve\n\t"
                     "index z0.s, #1, #1\n\t"
                     "ptrue p0.s\n\t"
                     "svc #0\n\t"
                     "ptrue p3.s\n\t"
                     "st1w {z0.s}, p3, [%[vals]]\n\t"
                     "cntp %[count], p0, p0.s\n\t"
                     : "+r"(x0), [count] "=r"(p0_count)
                     : "r"(x1), "r"(x8), [vals] "r"(vals)
                     : "memory");
    printf("sve vl %ld then %ld (prctl %#x), handler %s, restored %s\n",
           vl_start, vl_short, status, handler_ok ? "ok" : "bad",
           vals[0] == 1 && vals[words - 1] == words && p0_count == words
               ? "ok" : "bad");
    return 0;
}
