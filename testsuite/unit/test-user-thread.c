/* Threads and processes in user/: clone, futex operations, the
 * scheduler's round-robin quantum and determinism, deadlock reports, the
 * task limit, fork/wait, and glibc programs (pthreads; fork, pipes,
 * wait4, vfork + execve) compared with qemu-aarch64. */
#include "config.h"

#include "cpu/cpu.h"
#include "hw/pagestore.h"
#include "user/syscall.h"
#include "user/user-internal.h"
#include "guest-harness.h"
#include "syscall-harness.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define ENTRY 0x4000b0ull   /* tiny-aarch64.elf's _start, in a RX page */
#define CLONE_THREAD_FLAGS 0x3d0f00ull  /* glibc's: VM FS FILES SIGHAND
                                           THREAD SYSVSEM SETTLS
                                           PARENT_SETTID CHILD_CLEARTID */
#define SIGCHLD_ 17
#define FUTEX_WAIT_ 0
#define FUTEX_WAKE_ 1
#define FUTEX_REQUEUE_ 3
#define FUTEX_CMP_REQUEUE_ 4
#define FUTEX_WAKE_OP_ 5
#define FUTEX_WAIT_BITSET_ 9
#define FUTEX_WAKE_BITSET_ 10
#define FUTEX_PRIVATE_ 128

#define MOVZ(rd, imm) (0xd2800000u | ((uint32_t)(imm) << 5) | (rd))
#define ADD_X1_1 0x91000421u     /* add x1, x1, #1 */
#define B_BACK1 0x17ffffffu      /* b .-4 */
#define SVC0 0xd4000001u

static char *tmpdir;

/* A new thread of p's current one, as pthread_create makes it. */
static struct user_thread *new_thread(struct user_process *p, uint64_t stack,
                                      uint64_t ptid, uint64_t ctid)
{
    struct user_thread *parent = p->cur;
    int64_t tid = SYS(p, clone, CLONE_THREAD_FLAGS, stack, ptid, 0x1234,
                      ctid);
    g_assert_cmpint(tid, >, user_process_pid(p));
    struct user_thread *t = user_thread_find(p->kernel, tid);
    g_assert_nonnull(t);
    g_assert_true(p->cur == parent);
    return t;
}

static void test_clone_thread(void)
{
    struct user_process *p = tiny_process_new(NULL);
    uint64_t buf = guest_alloc(p, 8192);
    struct user_thread *main_thread = p->cur;
    p->cpu->x[19] = 77;
    struct user_thread *t = new_thread(p, buf + 4096, buf, buf + 8);

    /* The child: the parent's registers, x0 = 0, its own sp and TLS. */
    g_assert_cmpuint(t->cpu->x[0], ==, 0);
    g_assert_cmpuint(t->cpu->x[19], ==, 77);
    g_assert_cmphex(t->cpu->sp, ==, buf + 4096);
    g_assert_cmphex(t->cpu->tpidr_el0, ==, 0x1234);
    g_assert_cmphex(t->cpu->pc, ==, main_thread->cpu->pc);
    /* CLONE_PARENT_SETTID wrote the tid; CLONE_CHILD_CLEARTID keeps ctid. */
    g_assert_cmpint(get32(p, buf), ==, t->tid);
    g_assert_cmphex(t->clear_child_tid, ==, buf + 8);
    g_assert_true(t->proc == p);

    /* The debugger sees both threads, in tid order. */
    GArray *list = user_process_threads(p);
    g_assert_cmpuint(list->len, ==, 2);
    g_assert_cmpint(g_array_index(list, struct user_thread_info, 0).tid, ==,
                    user_process_pid(p));
    g_assert_cmpint(g_array_index(list, struct user_thread_info, 1).tid, ==,
                    t->tid);
    g_assert_cmpstr(g_array_index(list, struct user_thread_info, 1).name, ==,
                    "tiny-aarch64.el");
    g_array_unref(list);

    /* gettid differs per thread, getpid does not. */
    user_thread_switch_to(t);
    g_assert_cmpint(SYS(p, gettid, 0), ==, t->tid);
    g_assert_cmpint(SYS(p, getpid, 0), ==, user_process_pid(p));

    /* The thread's exit clears ctid and wakes a joiner waiting there. */
    put32(p, buf + 8, (uint32_t)t->tid);
    user_thread_switch_to(main_thread);
    /* Parked: x0 is left alone until it is woken. */
    g_assert_cmpint(SYS(p, futex, buf + 8, FUTEX_WAIT_, (uint32_t)t->tid, 0),
                    ==, buf + 8);
    g_assert_cmpint(main_thread->state, ==, USER_THREAD_BLOCKED);
    user_thread_switch_to(t);
    SYS(p, exit, 0);
    g_assert_cmpint(t->state, ==, USER_THREAD_EXITED);
    g_assert_cmpint(get32(p, buf + 8), ==, 0);
    g_assert_cmpint(main_thread->state, ==, USER_THREAD_RUNNABLE);
    g_assert_cmpint((int64_t)main_thread->cpu->x[0], ==, 0);
    g_assert_false(user_process_exited(p));
    user_process_free(p);
}

/* WAIT/WAKE, bitsets, REQUEUE, CMP_REQUEUE and WAKE_OP between threads. */
static void test_futex_ops(void)
{
    struct user_process *p = tiny_process_new(NULL);
    uint64_t buf = guest_alloc(p, 16384);
    uint64_t f1 = buf, f2 = buf + 64;
    struct user_thread *a = p->cur;
    struct user_thread *b = new_thread(p, buf + 8192, 0, 0);
    struct user_thread *c = new_thread(p, buf + 12288, 0, 0);

    /* A mismatched value does not wait. */
    put32(p, f1, 5);
    g_assert_cmpint(SYS(p, futex, f1, FUTEX_WAIT_ | FUTEX_PRIVATE_, 6, 0), ==,
                    -EAGAIN);
    /* b and c wait on f1 with bitsets 1 and 2. */
    user_thread_switch_to(b);
    SYS(p, futex, f1, FUTEX_WAIT_BITSET_, 5, 0, 0, 1);
    g_assert_cmpint(b->state, ==, USER_THREAD_BLOCKED);
    user_thread_switch_to(c);
    SYS(p, futex, f1, FUTEX_WAIT_BITSET_, 5, 0, 0, 2);
    g_assert_cmpint(c->state, ==, USER_THREAD_BLOCKED);
    user_thread_switch_to(a);
    /* A wake whose bitset meets neither wakes nobody; bitset 2 wakes c. */
    g_assert_cmpint(SYS(p, futex, f1, FUTEX_WAKE_BITSET_, 10, 0, 0, 4), ==, 0);
    g_assert_cmpint(SYS(p, futex, f1, FUTEX_WAKE_BITSET_, 10, 0, 0, 2), ==, 1);
    g_assert_cmpint(c->state, ==, USER_THREAD_RUNNABLE);
    g_assert_cmpint(b->state, ==, USER_THREAD_BLOCKED);

    /* CMP_REQUEUE: a wrong value is EAGAIN; then b moves to f2. */
    user_thread_switch_to(c);
    SYS(p, futex, f1, FUTEX_WAIT_, 5, 0);
    user_thread_switch_to(a);
    g_assert_cmpint(SYS(p, futex, f1, FUTEX_CMP_REQUEUE_, 0, 10, f2, 4), ==,
                    -EAGAIN);
    g_assert_cmpint(SYS(p, futex, f1, FUTEX_CMP_REQUEUE_, 1, 10, f2, 5), ==,
                    2);   /* one woken (b, the first waiter), one moved */
    g_assert_cmpint(b->state, ==, USER_THREAD_RUNNABLE);
    g_assert_cmpint(c->state, ==, USER_THREAD_BLOCKED);
    g_assert_cmphex(c->futex_uaddr, ==, f2);
    /* A wake on f1 finds nobody now; on f2 it finds c. */
    g_assert_cmpint(SYS(p, futex, f1, FUTEX_WAKE_, 1), ==, 0);

    /* WAKE_OP: *f2 += 3 (was 7: 7 > 6 holds), wake on f1 and on f2. */
    put32(p, f2, 7);
    uint32_t op = (1u << 28) | (4u << 24) | (3u << 12) | 6u; /* ADD 3, GT 6 */
    g_assert_cmpint(SYS(p, futex, f1, FUTEX_WAKE_OP_, 1, 1, f2, op), ==, 1);
    g_assert_cmpint(get32(p, f2), ==, 10);
    g_assert_cmpint(c->state, ==, USER_THREAD_RUNNABLE);

    /* REQUEUE moves without comparing. */
    user_thread_switch_to(b);
    SYS(p, futex, f1, FUTEX_WAIT_, 5, 0);
    user_thread_switch_to(a);
    g_assert_cmpint(SYS(p, futex, f1, FUTEX_REQUEUE_, 0, 1, f2), ==, 1);
    g_assert_cmphex(b->futex_uaddr, ==, f2);
    g_assert_cmpint(SYS(p, futex, f2, FUTEX_WAKE_, 5), ==, 1);
    g_assert_cmpint(b->state, ==, USER_THREAD_RUNNABLE);
    user_process_free(p);
}

/* Two threads spinning: the quantum decides who runs, exactly, and a
 * second run of the same program interleaves the same way. */
static void spin_program(struct user_process *p, uint64_t code)
{
    const uint32_t loop[] = { ADD_X1_1, B_BACK1 };
    g_assert_cmpint(user_mem_write(p, code, loop, sizeof(loop)), ==, 0);
}

static void run_two_spinners(uint64_t *icount_a, uint64_t *icount_b)
{
    struct user_process *p = tiny_process_new(NULL);
    uint64_t stack = guest_alloc(p, 8192);
    spin_program(p, ENTRY);
    struct user_thread *a = p->cur;
    struct user_thread *b = new_thread(p, stack + 8192, 0, 0);
    a->cpu->pc = b->cpu->pc = ENTRY;
    a->cpu->x[1] = b->cpu->x[1] = 0;
    struct user_event ev;
    /* Sliced unevenly on purpose: the quantum is kept across calls. */
    user_process_run(p, 130000, &ev);
    g_assert_cmpint(ev.kind, ==, USER_EVENT_BUDGET);
    user_process_run(p, 120000, &ev);
    g_assert_cmpint(ev.kind, ==, USER_EVENT_BUDGET);
    *icount_a = a->cpu->x[1];
    *icount_b = b->cpu->x[1];
    g_assert_cmpuint(user_process_icount(p), ==, 250000);
    user_process_free(p);
}

static void test_round_robin(void)
{
    uint64_t a, b, a2, b2;
    run_two_spinners(&a, &b);
    /* a: a quantum, then half of its next; b: one quantum. Each counts
     * half of its instructions (add, branch). */
    g_assert_cmpuint(a, ==, (USER_QUANTUM + 50000) / 2);
    g_assert_cmpuint(b, ==, USER_QUANTUM / 2);
    run_two_spinners(&a2, &b2);
    g_assert_cmpuint(a2, ==, a);
    g_assert_cmpuint(b2, ==, b);
}

/* Every thread waits on a futex nobody can wake: said clearly, and the
 * program ends with SIGKILL rather than hanging. */
static void test_deadlock(void)
{
    if (!g_test_subprocess()) {
        g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
        g_test_trap_assert_passed();
        g_test_trap_assert_stderr("*deadlock*futex wait on 0x*SIGKILL*");
        return;
    }
    struct user_process *p = tiny_process_new(NULL);
    uint64_t buf = guest_alloc(p, 8192);
    /* Both threads: futex(buf, WAIT, 0) with x0..x3 set up by us. */
    const uint32_t prog[] = { MOVZ(8, 98), SVC0 };
    g_assert_cmpint(user_mem_write(p, ENTRY, prog, sizeof(prog)), ==, 0);
    struct user_thread *b = new_thread(p, buf + 8192, 0, 0);
    struct user_thread *threads[] = { p->cur, b };
    for (int i = 0; i < 2; i++) {
        struct cpu_state *cpu = threads[i]->cpu;
        cpu->pc = ENTRY;
        cpu->x[0] = buf;
        cpu->x[1] = FUTEX_WAIT_;
        cpu->x[2] = 0;
        cpu->x[3] = 0;
    }
    struct user_event ev;
    user_process_run(p, 1000, &ev);
    g_assert_cmpint(ev.kind, ==, USER_EVENT_KILLED);
    g_assert_cmpint(ev.signal, ==, 9);
    g_assert_true(ev.all_ended);
    user_process_free(p);
}

/* Past USER_TASK_LIMIT live threads, clone and fork say EAGAIN. */
static void test_task_limit(void)
{
    struct user_process *p = tiny_process_new(NULL);
    uint64_t stack = guest_alloc(p, 4096);
    for (int i = 1; i < USER_TASK_LIMIT; i++)
        g_assert_cmpint(SYS(p, clone, CLONE_THREAD_FLAGS, stack, 0, 0, 0), >,
                        0);
    g_assert_cmpint(SYS(p, clone, CLONE_THREAD_FLAGS, stack, 0, 0, 0), ==,
                    -EAGAIN);
    g_assert_cmpint(SYS(p, clone, SIGCHLD_, 0, 0, 0, 0), ==, -EAGAIN);
    /* Bad flag combinations. */
    g_assert_cmpint(SYS(p, clone, 0x10000 /* THREAD alone */, 0, 0, 0, 0), ==,
                    -EINVAL);
    user_process_free(p);
}

/* fork copies the address space; the child's exit is a zombie until
 * wait4, which reports its status; SIGCHLD is queued for the parent. */
static void test_fork_wait(void)
{
    struct user_process *p = tiny_process_new(NULL);
    uint64_t buf = guest_alloc(p, 4096);
    put32(p, buf, 1);
    int64_t child_pid = SYS(p, clone, SIGCHLD_, 0, 0, 0, 0);
    g_assert_cmpint(child_pid, >, user_process_pid(p));
    struct user_process *c = user_process_of(p, child_pid);
    g_assert_nonnull(c);
    g_assert_true(c->mem != p->mem);
    g_assert_cmpint(c->cpu->x[0], ==, 0);
    /* Copied, not shared. */
    put32(c, buf, 2);
    g_assert_cmpint(get32(p, buf), ==, 1);
    g_assert_cmpint(get32(c, buf), ==, 2);
    /* Nothing to reap yet: WNOHANG says 0; a pid not ours is ECHILD. */
    g_assert_cmpint(SYS(p, wait4, -1, buf + 16, 1 /* WNOHANG */, 0), ==, 0);
    g_assert_cmpint(SYS(p, wait4, 4242, buf + 16, 0, 0), ==, -ECHILD);
    /* The child exits 5. */
    guest_sys(c, USER_NR_exit_group, 5, 0, 0, 0, 0, 0);
    g_assert_true(user_process_exited(c));
    g_assert_cmpint(SYS(p, wait4, -1, buf + 16, 0, 0), ==, child_pid);
    g_assert_cmphex(get32(p, buf + 16), ==, 5 << 8);
    g_assert_cmpint(SYS(p, wait4, -1, buf + 16, 0, 0), ==, -ECHILD);
    user_process_free(p);
}

/* --- glibc programs --------------------------------------------------- */

/* testsuite/guest/<name> built static with one extra flag, or NULL. */
static char *compile(const char *name, const char *extra)
{
    const char *const flags[] = { "-static", "-O1", extra, NULL };
    g_autofree char *src = guest_source("guest", name);
    g_autofree char *out_name = g_strndup(name, strlen(name) - 2); /* ".c" */

    return guest_compile(src, tmpdir, out_name, flags);
}

/* Run as the server does without a debugger: its stdout; every thread
 * and process ended. */
static char *run_backstep(const char *program, char **argv, int *status)
{
    char *envp[] = { "LANG=C", NULL };
    struct guest_run run = { .program = program, .argv = argv, .envp = envp,
                             .max_slices = 20000 };
    struct guest_outcome o = guest_run_backstep(&run);

    g_assert_false(o.killed);
    g_assert_true(o.all_ended);
    *status = o.status;
    return o.out;
}

static char *run_qemu(const char *program, char **argv, int *status)
{
    struct guest_outcome o = guest_run_qemu(program, argv, NULL, NULL);

    *status = o.status;
    return o.out;
}

static const char threads_expected[] =
    "name of thread 0: renamed-0\n"
    "joined 0: 0, its tls 1000, own tid 1\n"
    "joined 1: 10, its tls 1000, own tid 1\n"
    "joined 2: 20, its tls 1000, own tid 1\n"
    "joined 3: 30, its tls 1000, own tid 1\n"
    "counter 4000 (expect 4000)\n"
    "usr1 1 in thread 1: 1\n"
    "main tls 0\n";

static void test_glibc_threads(void)
{
    char *prog = compile("threads.c", "-pthread");
    if (!prog) {
        g_test_skip("aarch64-linux-gnu-gcc cannot build threads.c");
        return;
    }
    char *argv[] = { prog, NULL };
    int status;
    char *out = run_backstep(prog, argv, &status);
    g_assert_cmpstr(out, ==, threads_expected);
    g_assert_cmpint(status, ==, 0);
    /* The same schedule every time. */
    char *again = run_backstep(prog, argv, &status);
    g_assert_cmpstr(again, ==, out);
    if (guest_qemu()) {
        int qstatus;
        char *q = run_qemu(prog, argv, &qstatus);
        g_assert_cmpstr(q, ==, out);
        g_assert_cmpint(qstatus, ==, status);
        g_free(q);
    }
    g_free(again);
    g_free(out);
    guest_discard(prog);
}

static void test_glibc_fork(void)
{
    char *prog = compile("fork.c", "-Wall");
    if (!prog) {
        g_test_skip("aarch64-linux-gnu-gcc cannot build fork.c");
        return;
    }
    /* Without the exec part: the same as qemu-aarch64. */
    char *argv_noexec[] = { prog, "no-exec", NULL };
    int status;
    char *out = run_backstep(prog, argv_noexec, &status);
    g_assert_cmpstr(out, ==,
                    "parent read: hello from child, parent ok 1\n"
                    "then EOF: 0\n"
                    "waited the child: 1, exited 1 code 7\n"
                    "second child: signaled 1 by 15\n"
                    "no more children: -1 ECHILD\n"
                    "SIGCHLD seen: 2\n");
    g_assert_cmpint(status, ==, 0);
    if (guest_qemu()) {
        int qstatus;
        char *q = run_qemu(prog, argv_noexec, &qstatus);
        g_assert_cmpstr(q, ==, out);
        g_assert_cmpint(qstatus, ==, status);
        g_free(q);
    }
    g_free(out);
    /* With vfork + execve of itself. */
    char *argv[] = { prog, NULL };
    out = run_backstep(prog, argv, &status);
    g_assert_cmpstr(out, ==,
                    "parent read: hello from child, parent ok 1\n"
                    "then EOF: 0\n"
                    "waited the child: 1, exited 1 code 7\n"
                    "second child: signaled 1 by 15\n"
                    "exec child: argc 4, argv[2] two words, ppid is parent 1\n"
                    "exec child exited 1 code 3\n"
                    "no more children: -1 ECHILD\n"
                    "SIGCHLD seen: 3\n");
    g_free(out);
    guest_discard(prog);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    tmpdir = g_dir_make_tmp("backstep-thread-XXXXXX", NULL);
    g_test_add_func("/user/thread/clone", test_clone_thread);
    g_test_add_func("/user/thread/futex-ops", test_futex_ops);
    g_test_add_func("/user/thread/round-robin", test_round_robin);
    g_test_add_func("/user/thread/deadlock", test_deadlock);
    g_test_add_func("/user/thread/task-limit", test_task_limit);
    g_test_add_func("/user/thread/fork-wait", test_fork_wait);
    g_test_add_func("/user/thread/glibc-threads", test_glibc_threads);
    g_test_add_func("/user/thread/glibc-fork", test_glibc_fork);
    int r = g_test_run();
    guest_tmpdir_remove(tmpdir);
    return r;
}
