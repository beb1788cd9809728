/* Unit tests of signal delivery in user/: the rt_sigframe's layout, an
 * exact round trip through rt_sigreturn, corrupted frames, the run loop's
 * stops (a step into a handler, siginfo for the debugger), and glibc
 * programs (testsuite/guest/signals.c) compared with qemu-aarch64. */
#include "config.h"

#include "user/process-signals.h"
#include "user/user-internal.h"
#include "guest-harness.h"
#include "syscall-harness.h"

#include "cpu/cpu.h"
#include "hw/pagestore.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* Offsets in the frame, from the arm64 UAPI headers. */
#define UC 128                      /* ucontext in rt_sigframe */
#define UC_STACK (UC + 16)
#define UC_SIGMASK (UC + 40)
#define SC (UC + 176)               /* uc_mcontext */
#define SC_FAULT_ADDRESS (SC + 0)
#define SC_REGS (SC + 8)
#define SC_SP (SC + 256)
#define SC_PC (SC + 264)
#define SC_PSTATE (SC + 272)
#define SC_RESERVED (SC + 288)
#define FRAME_SIZE 4688
#define FPSIMD_MAGIC 0x46508001u
#define ESR_MAGIC 0x45535201u

#define ENTRY 0x4000b0ull           /* tiny-aarch64.elf's _start */
#define HANDLER 0x400200ull         /* in the same text page */

/* A64 encodings used by the little programs below. */
#define MOVZ(rd, imm) (0xd2800000u | ((uint32_t)(imm) << 5) | (rd))
#define SVC0 0xd4000001u
#define RET 0xd65f03c0u
#define MOV_X0_X21 0xaa1503e0u
/* str x0, [x2, #(SC_REGS - UC + 8 * 21)]: the handler sets the x21 that
 * rt_sigreturn will restore. */
#define STR_X0_TO_SAVED_X21 (0xf9000000u | (((176 + 8 + 8 * 21) / 8) << 10) \
                             | (2 << 5) | 0)

static char *tmpdir;

static void put_code(struct user_process *p, uint64_t addr,
                     const uint32_t *insns, size_t n)
{
    g_assert_cmpint(user_mem_write(p, addr, insns, n * 4), ==, 0);
}

static uint64_t rd64(struct user_process *p, uint64_t addr)
{
    uint64_t v = 0;
    g_assert_cmpint(user_mem_read(p, addr, &v, 8), ==, 8);
    return v;
}

static uint32_t rd32(struct user_process *p, uint64_t addr)
{
    uint32_t v = 0;
    g_assert_cmpint(user_mem_read(p, addr, &v, 4), ==, 4);
    return v;
}

/* A recognisable CPU state: every register differs from the others. */
static void fill_cpu(struct cpu_state *cpu)
{
    for (int i = 0; i < 31; i++)
        cpu->x[i] = 0x1111111100000000ull * (i % 15 + 1) + i;
    cpu->pc = ENTRY + 8;
    cpu->nzcv = CPU_NZCV_N | CPU_NZCV_C;
    cpu->fpsr = 0x08000011;
    cpu->fpcr = 0x03c00000;
    for (int i = 0; i < 32; i++)
        for (int b = 0; b < 16; b++)
            cpu->z[i].b[b] = (uint8_t)(i * 16 + b + 1);
}

static struct user_signal usr1_from(int32_t pid)
{
    return (struct user_signal){ .info = {
        .signo = 10, .code = USER_SI_USER, .f.kill = { .pid = pid, .uid = 7 },
    } };
}

/* The frame Linux builds: each field where gdb and glibc look for it. */
static void test_frame_layout(void)
{
    struct user_process *p = tiny_process_new(NULL);
    struct cpu_state *cpu = user_process_cpu(p);
    fill_cpu(cpu);
    uint64_t old_sp = cpu->sp - 40;   /* deliberately not 16-aligned */
    cpu->sp = old_sp;
    struct cpu_state before = *cpu;
    struct user_sigaction act = { .handler = HANDLER,
                                  .flags = USER_SA_SIGINFO };
    struct user_signal s = usr1_from(1000);
    s.esr = 0x92000047;
    s.fault_address = 0x1230;

    g_assert_cmpint(user_sigframe_setup(p, &act, &s, 0x5), ==, 0);
    uint64_t f = cpu->sp;
    g_assert_cmphex(f & 15, ==, 0);
    uint64_t record = (old_sp - 16) & ~15ull;
    g_assert_cmphex(f, ==, record - FRAME_SIZE);

    /* Registers at handler entry. */
    g_assert_cmphex(cpu->pc, ==, HANDLER);
    g_assert_cmpuint(cpu->x[0], ==, 10);
    g_assert_cmphex(cpu->x[1], ==, f);
    g_assert_cmphex(cpu->x[2], ==, f + UC);
    g_assert_cmphex(cpu->x[29], ==, record);
    /* No SA_RESTORER: x30 is our trampoline, `mov x8, #139; svc #0`. */
    g_assert_cmphex(rd32(p, cpu->x[30]), ==, 0xd2801168);
    g_assert_cmphex(rd32(p, cpu->x[30] + 4), ==, 0xd4000001);

    /* siginfo */
    g_assert_cmpint(rd32(p, f), ==, 10);
    g_assert_cmpint(rd32(p, f + 8), ==, USER_SI_USER);
    g_assert_cmpint(rd32(p, f + 16), ==, 1000);
    g_assert_cmpint(rd32(p, f + 20), ==, 7);
    /* ucontext: flags, link, stack (no altstack: SS_DISABLE), mask */
    g_assert_cmphex(rd64(p, f + UC), ==, 0);
    g_assert_cmphex(rd64(p, f + UC + 8), ==, 0);
    g_assert_cmpint(rd32(p, UC_STACK + f + 8), ==, USER_SS_DISABLE);
    g_assert_cmphex(rd64(p, f + UC_SIGMASK), ==, 0x5);
    /* sigcontext */
    g_assert_cmphex(rd64(p, f + SC_FAULT_ADDRESS), ==, 0x1230);
    for (int i = 0; i < 31; i++)
        g_assert_cmphex(rd64(p, f + SC_REGS + 8 * i), ==, before.x[i]);
    g_assert_cmphex(rd64(p, f + SC_SP), ==, old_sp);
    g_assert_cmphex(rd64(p, f + SC_PC), ==, before.pc);
    g_assert_cmphex(rd64(p, f + SC_PSTATE), ==, CPU_NZCV_N | CPU_NZCV_C);
    /* fpsimd_context, then esr_context, then the terminator */
    uint64_t r = f + SC_RESERVED;
    g_assert_cmphex(rd32(p, r), ==, FPSIMD_MAGIC);
    g_assert_cmpuint(rd32(p, r + 4), ==, 528);
    g_assert_cmphex(rd32(p, r + 8), ==, before.fpsr);
    g_assert_cmphex(rd32(p, r + 12), ==, before.fpcr);
    uint8_t v[16];
    for (int i = 0; i < 32; i++) {
        g_assert_cmpint(user_mem_read(p, r + 16 + 16 * i, v, 16), ==, 16);
        g_assert_cmpmem(v, 16, before.z[i].b, 16);
    }
    g_assert_cmphex(rd32(p, r + 528), ==, ESR_MAGIC);
    g_assert_cmpuint(rd32(p, r + 532), ==, 16);
    g_assert_cmphex(rd64(p, r + 536), ==, 0x92000047);
    g_assert_cmphex(rd64(p, r + 544), ==, 0);
    /* The frame record: the interrupted fp and lr. */
    g_assert_cmphex(rd64(p, record), ==, before.x[29]);
    g_assert_cmphex(rd64(p, record + 8), ==, before.x[30]);
    user_process_free(p);
}

/* Build a frame, trash every register, rt_sigreturn: all comes back,
 * with the mask from the frame. */
static void test_sigreturn_round_trip(void)
{
    struct user_process *p = tiny_process_new(NULL);
    struct cpu_state *cpu = user_process_cpu(p);
    fill_cpu(cpu);
    for (int i = 0; i < 32; i++)   /* SVE bits above V are dropped */
        cpu->z[i].b[20] = 0xee;
    struct cpu_state before = *cpu;
    struct user_sigaction act = { .handler = HANDLER, .flags = 0,
                                  .restorer = 0x400300 };
    act.flags |= USER_SA_RESTORER;
    struct user_signal s = usr1_from(1);
    p->sigthread.blocked = 0x200;
    g_assert_cmpint(user_sigframe_setup(p, &act, &s, 0x200), ==, 0);
    g_assert_cmphex(cpu->x[30], ==, 0x400300);
    /* Without SA_SIGINFO x1 and x2 are left alone. */
    g_assert_cmphex(cpu->x[1], ==, before.x[1]);

    for (int i = 0; i < 31; i++)
        cpu->x[i] = ~0ull;
    cpu->nzcv = CPU_NZCV_Z | CPU_NZCV_V;
    cpu->fpsr = 0;
    cpu->fpcr = 0;
    for (int i = 0; i < 32; i++)
        memset(cpu->z[i].b, 0x5a, sizeof(cpu->z[i].b));
    cpu->pc = HANDLER + 0x40;
    p->sigthread.blocked = ~0ull;

    g_assert_cmpint(user_sigframe_restore(p), ==, 0);
    for (int i = 0; i < 31; i++)
        g_assert_cmphex(cpu->x[i], ==, before.x[i]);
    g_assert_cmphex(cpu->sp, ==, before.sp);
    g_assert_cmphex(cpu->pc, ==, before.pc);
    g_assert_cmphex(cpu->nzcv, ==, before.nzcv);
    g_assert_cmphex(cpu->fpsr, ==, before.fpsr);
    g_assert_cmphex(cpu->fpcr, ==, before.fpcr);
    for (int i = 0; i < 32; i++) {
        g_assert_cmpmem(cpu->z[i].b, 16, before.z[i].b, 16);
        g_assert_cmpint(cpu->z[i].b[20], ==, 0);
    }
    g_assert_cmphex(p->sigthread.blocked, ==, 0x200);
    user_process_free(p);
}

/* Each corruption of a good frame: rt_sigreturn refuses it and changes
 * nothing. */
static void test_corrupted_frames(void)
{
    static const struct {
        const char *what;
        uint64_t offset;     /* from the frame */
        uint32_t value;
    } corruptions[] = {
        { "fpsimd magic", SC_RESERVED, 0x12345678 },
        { "fpsimd size", SC_RESERVED + 4, 520 },
        { "record size not a multiple of 16", SC_RESERVED + 4, 529 },
        { "record past the end", SC_RESERVED + 4, 0x10000 },
        { "no fpsimd: a terminator first", SC_RESERVED, 0 },
        { "pstate EL1h", SC_PSTATE, 0x5 },
        { "pstate with IRQs masked", SC_PSTATE, 0x80 },
        { "AArch32 pstate", SC_PSTATE, 0x10 },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(corruptions); i++) {
        struct user_process *p = tiny_process_new(NULL);
        struct cpu_state *cpu = user_process_cpu(p);
        fill_cpu(cpu);
        struct user_sigaction act = { .handler = HANDLER };
        struct user_signal s = usr1_from(1);
        g_assert_cmpint(user_sigframe_setup(p, &act, &s, 0), ==, 0);
        uint64_t f = cpu->sp;
        g_assert_cmpint(user_mem_write(p, f + corruptions[i].offset,
                                       &corruptions[i].value, 4), ==, 0);
        struct cpu_state saved = *cpu;
        g_test_message("corruption: %s", corruptions[i].what);
        g_assert_cmpint(user_sigframe_restore(p), <, 0);
        g_assert_cmpmem(saved.x, sizeof(saved.x), cpu->x, sizeof(cpu->x));
        g_assert_cmphex(saved.pc, ==, cpu->pc);
        g_assert_cmphex(saved.sp, ==, cpu->sp);
        user_process_free(p);
    }

    /* A misaligned or unmapped sp. */
    struct user_process *p = tiny_process_new(NULL);
    struct cpu_state *cpu = user_process_cpu(p);
    cpu->sp = (cpu->sp & ~15ull) - 8;
    g_assert_cmpint(user_sigframe_restore(p), <, 0);
    cpu->sp = 0x1000;
    g_assert_cmpint(user_sigframe_restore(p), <, 0);
    cpu->sp = 0xfffffffffffff000ull;
    g_assert_cmpint(user_sigframe_restore(p), <, 0);
    user_process_free(p);
}

/* rt_sigreturn on garbage through the run loop: the guest's SIGSEGV at
 * its sp, which the debugger reads as siginfo. */
static void test_bad_sigreturn_segv(void)
{
    struct user_process *p = tiny_process_new(NULL);
    struct cpu_state *cpu = user_process_cpu(p);
    const uint32_t prog[] = { MOVZ(8, 139), SVC0 };
    put_code(p, ENTRY, prog, G_N_ELEMENTS(prog));
    cpu->sp = 0x10000;   /* unmapped */
    struct user_event ev;
    user_process_run(p, 10, &ev);
    g_assert_cmpint(ev.kind, ==, USER_EVENT_SIGNAL);
    g_assert_cmpint(ev.signal, ==, 11);
    struct user_siginfo si;
    g_assert_true(user_process_siginfo(p, (uint8_t *)&si));
    g_assert_cmpint(si.signo, ==, 11);
    g_assert_cmpint(si.code, ==, USER_SEGV_MAPERR);
    g_assert_cmphex(si.f.fault.addr, ==, 0x10000);
    user_process_set_signal(p, 11);
    user_process_run(p, 10, &ev);
    g_assert_cmpint(ev.kind, ==, USER_EVENT_KILLED);
    g_assert_cmpint(ev.signal, ==, 11);
    user_process_free(p);
}

/* kill(self, SIGUSR1) with a handler: the stop, the siginfo, a step that
 * ends at the handler's first instruction, the handler's run and its
 * return through the trampoline. */
static void test_handler_run_and_step(void)
{
    struct user_process *p = tiny_process_new(NULL);
    struct cpu_state *cpu = user_process_cpu(p);
    const uint32_t prog[] = {
        MOVZ(0, 1000), MOVZ(1, 10), MOVZ(8, 129), SVC0,   /* kill */
        MOV_X0_X21, MOVZ(8, 94), SVC0,                    /* exit_group */
    };
    const uint32_t handler[] = { STR_X0_TO_SAVED_X21, RET };
    put_code(p, ENTRY, prog, G_N_ELEMENTS(prog));
    put_code(p, HANDLER, handler, G_N_ELEMENTS(handler));
    p->sighand.action[10] = (struct user_sigaction){
        .handler = HANDLER, .flags = USER_SA_SIGINFO };
    cpu->x[21] = 3;

    struct user_event ev;
    uint8_t raw[USER_SIGINFO_SIZE];
    g_assert_false(user_process_siginfo(p, raw));
    user_process_run(p, 100, &ev);
    g_assert_cmpint(ev.kind, ==, USER_EVENT_SIGNAL);
    g_assert_cmpint(ev.signal, ==, 10);
    g_assert_cmphex(cpu->pc, ==, ENTRY + 16);
    struct user_siginfo si;
    g_assert_true(user_process_siginfo(p, raw));
    memcpy(&si, raw, sizeof(si));
    g_assert_cmpint(si.signo, ==, 10);
    g_assert_cmpint(si.code, ==, USER_SI_USER);
    g_assert_cmpint(si.f.kill.pid, ==, 1000);

    /* A single step with the signal: the frame is built, nothing of the
     * handler has run. */
    uint64_t icount = cpu->icount;
    user_process_set_signal(p, 10);
    user_process_run(p, 1, &ev);
    g_assert_cmpint(ev.kind, ==, USER_EVENT_BUDGET);
    g_assert_cmphex(cpu->pc, ==, HANDLER);
    g_assert_cmpuint(cpu->icount, ==, icount);
    g_assert_false(user_process_siginfo(p, raw));
    /* In the handler, SIGUSR1 is blocked. */
    g_assert_cmphex(p->sigthread.blocked, ==, 1ull << 9);

    user_process_run(p, 100, &ev);
    g_assert_cmpint(ev.kind, ==, USER_EVENT_EXITED);
    g_assert_cmpint(ev.exit_code, ==, 10);   /* x21 from the handler */
    g_assert_cmphex(p->sigthread.blocked, ==, 0);
    user_process_free(p);
}

/* The debugger injects a signal at a stop that was not one (queue-signal,
 * `signal SIGUSR2` at a breakpoint): SI_USER from the tracer. Signal 0
 * suppresses the stopped one. */
static void test_inject_and_suppress(void)
{
    struct user_process *p = tiny_process_new(NULL);
    struct cpu_state *cpu = user_process_cpu(p);
    const uint32_t prog[] = {
        MOVZ(0, 1000), MOVZ(1, 10), MOVZ(8, 129), SVC0,   /* kill */
        MOVZ(0, 4), MOVZ(8, 94), SVC0,                    /* exit_group */
    };
    put_code(p, ENTRY, prog, G_N_ELEMENTS(prog));
    struct user_event ev;
    user_process_run(p, 100, &ev);
    g_assert_cmpint(ev.signal, ==, 10);
    user_process_set_signal(p, 0);   /* SIGUSR1 would kill: suppressed */
    user_process_run(p, 100, &ev);
    g_assert_cmpint(ev.kind, ==, USER_EVENT_EXITED);
    g_assert_cmpint(ev.exit_code, ==, 4);
    user_process_free(p);

    p = tiny_process_new(NULL);
    cpu = user_process_cpu(p);
    put_code(p, ENTRY, prog, G_N_ELEMENTS(prog));
    p->sighand.action[12] = (struct user_sigaction){
        .handler = HANDLER, .flags = USER_SA_SIGINFO };
    user_process_set_signal(p, 12);
    user_process_run(p, 1, &ev);
    g_assert_cmphex(cpu->pc, ==, HANDLER);
    uint64_t f = cpu->sp;
    g_assert_cmpint(rd32(p, f), ==, 12);
    g_assert_cmpint(rd32(p, f + 8), ==, USER_SI_USER);
    user_process_free(p);
}

/* SA_ONSTACK puts the frame at the top of the alternate stack; with
 * SS_AUTODISARM the stack is disarmed while the handler runs. */
static void test_altstack_frame(void)
{
    struct user_process *p = tiny_process_new(NULL);
    struct cpu_state *cpu = user_process_cpu(p);
    uint64_t alt = 0x7f0000000000ull;
    g_assert_cmpint(pagestore_map(p->mem, alt, 0x10000, 3), ==, 0);
    struct user_stack ss = { .sp = alt, .size = 0x10000,
                             .flags = (int32_t)USER_SS_AUTODISARM };
    g_assert_cmpint(user_sigaltstack_set(p, &ss, cpu->sp), ==, 0);
    struct user_sigaction act = { .handler = HANDLER,
                                  .flags = USER_SA_ONSTACK };
    struct user_signal s = usr1_from(1);
    uint64_t old_sp = cpu->sp;
    g_assert_cmpint(user_sigframe_setup(p, &act, &s, 0), ==, 0);
    g_assert_cmphex(cpu->sp, ==, alt + 0x10000 - 16 - FRAME_SIZE);
    /* uc_stack: the stack as it was, autodisarm included. */
    g_assert_cmphex(rd64(p, cpu->sp + UC_STACK), ==, alt);
    g_assert_cmphex(rd32(p, cpu->sp + UC_STACK + 8), ==, USER_SS_AUTODISARM);
    g_assert_cmpuint(p->sigthread.altstack_size, ==, 0);
    /* sigreturn re-arms it from uc_stack. */
    g_assert_cmpint(user_sigframe_restore(p), ==, 0);
    g_assert_cmphex(cpu->sp, ==, old_sp);
    g_assert_cmphex(p->sigthread.altstack_sp, ==, alt);
    g_assert_cmpuint(p->sigthread.altstack_size, ==, 0x10000);
    user_process_free(p);
}

/* A stack that cannot hold the frame: SIGSEGV instead, and a SIGSEGV
 * handler that cannot run is reset so the process dies. */
static void test_unwritable_stack(void)
{
    struct user_process *p = tiny_process_new(NULL);
    struct cpu_state *cpu = user_process_cpu(p);
    p->sighand.action[10] = (struct user_sigaction){ .handler = HANDLER };
    p->sighand.action[11] = (struct user_sigaction){ .handler = HANDLER };
    cpu->sp = 0x20000;   /* unmapped */
    struct user_event ev;
    user_process_set_signal(p, 10);
    user_process_run(p, 100, &ev);
    g_assert_cmpint(ev.kind, ==, USER_EVENT_SIGNAL);
    g_assert_cmpint(ev.signal, ==, 11);
    g_assert_cmphex(cpu->pc, ==, ENTRY);
    user_process_set_signal(p, 11);
    user_process_run(p, 100, &ev);
    g_assert_cmpint(ev.kind, ==, USER_EVENT_SIGNAL);
    g_assert_cmpint(ev.signal, ==, 11);
    g_assert_cmpuint(p->sighand.action[11].handler, ==, USER_SIG_DFL);
    user_process_set_signal(p, 11);
    user_process_run(p, 100, &ev);
    g_assert_cmpint(ev.kind, ==, USER_EVENT_KILLED);
    g_assert_cmpint(ev.signal, ==, 11);
    user_process_free(p);
}

/* rt_sigsuspend with nothing pending would sleep forever: ended, with a
 * message. Runs in a subprocess for the message. */
static void test_sigsuspend_deadlock(void)
{
    if (!g_test_subprocess()) {
        g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
        g_test_trap_assert_passed();
        g_test_trap_assert_stderr("*rt_sigsuspend waits for a signal*");
        return;
    }
    struct user_process *p = tiny_process_new(NULL);
    struct cpu_state *cpu = user_process_cpu(p);
    /* The mask to wait with: the stack holds zeros at sp - 64. */
    const uint32_t prog[] = {
        0xd10103e0,   /* sub x0, sp, #64 */
        MOVZ(1, 8), MOVZ(8, 133), SVC0,
    };
    put_code(p, ENTRY, prog, G_N_ELEMENTS(prog));
    (void)cpu;
    struct user_event ev;
    user_process_run(p, 100, &ev);
    g_assert_cmpint(ev.kind, ==, USER_EVENT_KILLED);
    g_assert_cmpint(ev.signal, ==, 9);
    user_process_free(p);
}

/* --- glibc programs against qemu-aarch64 ----------------------------- */

static char *guest;

static void compile_guest(void)
{
    static const char *const flags[] = { "-static", "-O1", NULL };
    g_autofree char *src = guest_source("guest", "signals.c");

    guest = guest_compile(src, tmpdir, "signals", flags);
}

struct guest_case {
    const char *mode;
    const char *expect;
    bool killed;
    int status;
    /* qemu-aarch64 7.2 differs from Linux here: its output instead. */
    const char *qemu_expect;
};

static const struct guest_case guest_cases[] = {
    { "siginfo",
      "sig 10 signo 10 code 0 from-self 1 value -1\n"
      "sig 10 signo 10 code -6 from-self 1 value -1\n"
      "sig 10 signo 10 code -1 from-self 1 value 42\n"
      "done\n", false, 0, NULL },
    { "segv",
      "segv sig 11 code 1 addr 0x1230\n"
      "after longjmp: segv blocked 0\n"
      "fixup sig 11 code 2 at-page 1\n"
      "retried store reads x\n", false, 0, NULL },
    /* Linux reports an undefined instruction as ILL_ILLOPC (1); qemu
     * says ILL_ILLOPN (2). */
    { "traps",
      "sig 4 code 1 addr-is-pc 1\n"
      "after udf x0 1234\n"
      "sig 5 code 1 addr-is-pc 1\n"
      "after brk x0 1234\n"
      "7 / 0 = 0\n", false, 0,
      "sig 4 code 2 addr-is-pc 1\n"
      "after udf x0 1234\n"
      "sig 5 code 1 addr-is-pc 1\n"
      "after brk x0 1234\n"
      "7 / 0 = 0\n" },
    { "bus", "bus sig 7 code 1\nafter ldxr\n", false, 0, NULL },
    { "altstack",
      "sig 10 on altstack 1 ss_flags 1\n"
      "sig 12 on altstack 0 ss_flags 0\n"
      "after: flags 0 size 65536\n", false, 0, NULL },
    /* HUP is dequeued first, then USR1 is delivered on top of it (its
     * sa_mask holds USR2 back), so USR1's handler runs first. */
    { "mask",
      "pending hup 1 usr1 1 usr2 1 int 0\n"
      "unblocking\n"
      "handler 10: self blocked 1, usr2 blocked 1\n"
      "handler 12: self blocked 0, usr2 blocked 0\n"
      "handler 1: self blocked 1, usr2 blocked 0\n"
      "unblocked\n", false, 0, NULL },
    { "resethand", "once 12\nhandler is default 1\n", true, 12, NULL },
    { "abort", "abort handler 6\n", true, 6, NULL },
    { "loop", "caught 2000 acc 554.087058\n", false, 0, NULL },
    { "wait",
      "sig 10 signo 10 code -6 from-self 1 value -1\n"
      "sigsuspend -1 eintr 1, usr1 still blocked 1\n"
      "sigwaitinfo 12 code 0\n"
      "sigtimedwait -1\n", false, 0, NULL },
};

static void test_guest(gconstpointer data)
{
    const struct guest_case *c = data;
    if (guest_skip_unbuilt(guest, "signals.c"))
        return;
    char *argv[] = { "signals", (char *)c->mode, NULL };
    char *envp[] = { "LANG=C", NULL };
    struct guest_run run = { .program = guest, .argv = argv, .envp = envp,
                             .max_slices = 100000 };
    struct guest_outcome b = guest_run_backstep(&run);
    g_assert_cmpstr(b.out, ==, c->expect);
    g_assert_cmpint(b.killed, ==, c->killed);
    g_assert_cmpint(b.status, ==, c->status);
    if (guest_qemu()) {
        struct guest_outcome q = guest_run_qemu(guest, argv, envp, NULL);
        g_assert_cmpstr(q.out, ==, c->qemu_expect ? c->qemu_expect : b.out);
        g_assert_cmpint(q.killed, ==, b.killed);
        g_assert_cmpint(q.status, ==, b.status);
        g_free(q.out);
    }
    g_free(b.out);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    tmpdir = g_dir_make_tmp("backstep-signal-XXXXXX", NULL);
    g_assert_nonnull(tmpdir);
    if (!g_test_subprocess())
        compile_guest();
    g_test_add_func("/user/signal/frame-layout", test_frame_layout);
    g_test_add_func("/user/signal/sigreturn-round-trip",
                    test_sigreturn_round_trip);
    g_test_add_func("/user/signal/corrupted-frames", test_corrupted_frames);
    g_test_add_func("/user/signal/bad-sigreturn-segv", test_bad_sigreturn_segv);
    g_test_add_func("/user/signal/handler-run-and-step",
                    test_handler_run_and_step);
    g_test_add_func("/user/signal/inject-and-suppress",
                    test_inject_and_suppress);
    g_test_add_func("/user/signal/altstack-frame", test_altstack_frame);
    g_test_add_func("/user/signal/unwritable-stack", test_unwritable_stack);
    g_test_add_func("/user/signal/sigsuspend-deadlock",
                    test_sigsuspend_deadlock);
    for (size_t i = 0; i < G_N_ELEMENTS(guest_cases); i++) {
        char *name = g_strdup_printf("/user/signal/guest/%s",
                                     guest_cases[i].mode);
        g_test_add_data_func(name, &guest_cases[i], test_guest);
        g_free(name);
    }
    int r = g_test_run();
    guest_discard(guest);
    guest_tmpdir_remove(tmpdir);
    return r;
}
