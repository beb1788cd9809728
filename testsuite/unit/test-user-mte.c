/* Memory tagging in user mode: testsuite/guest/mte.c, compiled at test
 * time with -march=armv8.5-a+memtag, run through user_process_run and
 * under qemu-aarch64 -cpu max; the outputs must be equal (the guest prints
 * nothing that depends on IRG's random tags). Also the asymmetric mode,
 * the SIGSEGV stop the debugger sees (si_code SEGV_MTESERR with the
 * tagged address) and the debugger's tag access. Skipped when the cross
 * compiler is missing. */
#include "config.h"

#include "cpu/cpu.h"
#include "user/mte.h"
#include "user/process.h"
#include "user/process-signals.h"
#include "guest-harness.h"

#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char *tmpdir;
static char *guest;

static void compile_guest(void)
{
    static const char *const flags[] = { "-static", "-g", "-O1",
                                         "-march=armv8.5-a+memtag", NULL };
    g_autofree char *src = guest_source("guest", "mte.c");

    guest = guest_compile(src, tmpdir, "mte-guest", flags);
}

/* Run the guest to its end, passing every signal on; its stdout. */
static char *run_backstep(const char *mode, int *exit_code)
{
    char *argv[] = { "mte-guest", (char *)mode, NULL };
    char *envp[] = { "LANG=C", NULL };
    struct guest_run run = { .program = guest, .argv = argv, .envp = envp,
                             .max_slices = 1000 };
    struct guest_outcome o = guest_run_backstep(&run);

    g_assert_false(o.killed);
    *exit_code = o.status;
    return o.out;
}

static char *run_qemu(const char *mode)
{
    static const char *const cpu_max[] = { "-cpu", "max", NULL };
    char *argv[] = { "mte-guest", (char *)mode, NULL };
    struct guest_outcome o = guest_run_qemu(guest, argv, NULL, cpu_max);

    g_assert_false(o.killed);
    g_assert_cmpint(o.status, ==, 0);
    return o.out;
}

static const char expected[] =
    "ldg 3 5 0\n"
    "addg 0x20\n"
    "subg 0xfffffffffffffff0\n"
    "subp 48\n"
    "gmi 0x108\n"
    "irg 0\n"
    "stzg 6 00 ee st2g 4 4 ee stgp 2 11 22\n"
    "dc gzva 8 8 00\n"
    "prctl set 0 get 0x7fff3\n"
    "sync match: ok\n"
    "sync mismatch load: SIGSEGV code 9 addr mem+0x200\n"
    "sync mismatch store: SIGSEGV code 9 addr mem+0x208\n"
    "store suppressed 00\n"
    "untagged memory: ok\n"
    "tco: ok\n"
    "prctl set 0 get 0x7fff5\n"
    "async mismatch store: SIGSEGV code 8 addr 0\n"
    "store happened 5a\n"
    "prctl set 0 get 0x7fff1\n"
    "no checks: ok\n";

static void test_compare_with_qemu(void)
{
    int code;
    char *b, *q;

    if (guest_skip_unbuilt(guest, "the guest"))
        return;
    b = run_backstep(NULL, &code);
    g_assert_cmpint(code, ==, 0);
    /* The results themselves, so that two equal wrong outputs fail. */
    g_assert_cmpstr(b, ==, expected);
    if (guest_qemu()) {
        q = run_qemu(NULL);
        g_assert_cmpstr(b, ==, q);
        g_free(q);
    }
    g_free(b);
}

/* Both modes asked for: asymmetric (FEAT_MTE3), loads fault at once and
 * stores at the next system call. */
static void test_asymmetric(void)
{
    int code;
    char *b;

    if (guest_skip_unbuilt(guest, "the guest"))
        return;
    b = run_backstep("asymm", &code);
    g_assert_cmpint(code, ==, 0);
    g_assert_cmpstr(b, ==, "prctl set 0 get 0x7fff7\n"
                           "asymm load: SIGSEGV code 9 addr mem+0x200\n"
                           "asymm store: SIGSEGV code 8 addr 0\n");
    g_free(b);
}

/* A tagged stack: SP-based accesses with an immediate offset are Tag
 * Unchecked, the same address through another register faults; as
 * qemu-aarch64 -cpu max does it. */
static void test_tagged_stack(void)
{
    static const char want[] =
        "prctl set 0 get 0x7fff3\n"
        "sp-based: ok 1234 1234 1234 1234\n"
        "same address via x-register: SIGSEGV code 9 addr mem+0xc10\n"
        "prctl set 0 get 0x7fff1\n";
    int code;
    char *b, *q;

    if (guest_skip_unbuilt(guest, "the guest"))
        return;
    b = run_backstep("stack", &code);
    g_assert_cmpint(code, ==, 0);
    g_assert_cmpstr(b, ==, want);
    if (guest_qemu()) {
        q = run_qemu("stack");
        g_assert_cmpstr(b, ==, q);
        g_free(q);
    }
    g_free(b);
}

/* The tag bits of si_addr follow Linux's documented rule (Documentation/
 * arm64/tagged-pointers.rst; qemu-aarch64 7.2 does not implement it, so
 * no comparison): cleared for a handler without SA_EXPOSE_TAGBITS; with
 * it, kept, but for SEGV_MTESERR only the logical tag (bits 59:56);
 * sigcontext.fault_address never has them. */
static void test_si_addr_tag_bits(void)
{
    int code;
    char *b;

    if (guest_skip_unbuilt(guest, "the guest"))
        return;
    b = run_backstep("siaddr", &code);
    g_assert_cmpint(code, ==, 0);
    g_assert_true(g_str_has_prefix(b,
        "unmapped tag 0x5a: code 1 si_addr 0+0x10 top 0 fault_address top 0\n"
        "unmapped tag 0x5a exposed: code 1 si_addr 0+0x10 top "));
    g_assert_true(g_str_has_suffix(b,
        "prctl set 0 get 0x7fff3\n"
        "tag check 0xa5: code 9 si_addr mem+0x200 top 0 "
        "fault_address top 0\n"
        "tag check 0xa5 exposed: code 9 si_addr mem+0x200 top 0x5 "
        "fault_address top 0\n"
        "prctl set 0 get 0x7fff1\n"));
    /* A translation fault's FAR has the pointer's top byte, as on Linux:
     * a handler with SA_EXPOSE_TAGBITS sees it. */
    g_assert_nonnull(strstr(b, "unmapped tag 0x5a exposed: code 1 "
                               "si_addr 0+0x10 top 0x5a fault_address "
                               "top 0\n"));
    g_free(b);
}

/* The "gdb" run stops for SIGSEGV in tag_fault(): si_code SEGV_MTESERR,
 * si_addr the tagged address; the debugger reads and writes tags of the
 * PROT_MTE page and gets errors elsewhere; tag_ctl follows prctl. */
static void test_debugger_view(void)
{
    char *argv[] = { "mte-guest", "gdb", NULL };
    char *envp[] = { "LANG=C", NULL };
    GError *error = NULL;
    struct user_process *p;
    struct user_event ev;
    uint8_t info[USER_SIGINFO_SIZE], tags[8];
    int32_t code;
    uint64_t addr;
    int slices = 0;

    if (guest_skip_unbuilt(guest, "the guest"))
        return;
    p = user_process_new(guest, argv, envp, NULL, &error);
    g_assert_no_error(error);
    do {
        user_process_run(p, 1000000, &ev);
        g_assert_cmpint(++slices, <, 1000);
    } while (ev.kind == USER_EVENT_BUDGET);
    g_assert_cmpint(ev.kind, ==, USER_EVENT_SIGNAL);
    g_assert_cmpint(ev.signal, ==, 11);
    g_assert_true(user_process_siginfo(p, info));
    memcpy(&code, info + 8, 4);
    memcpy(&addr, info + 16, 8);
    g_assert_cmpint(code, ==, USER_SEGV_MTESERR);
    /* tag_fault stores through the untagged pointer: logical tag 0. */
    g_assert_cmphex(addr >> 56, ==, 0);
    g_assert_true(user_mte_is_tagged(p, addr));
    g_assert_false(user_mte_is_tagged(p, addr + 4096));
    g_assert_cmphex(user_mte_tag_ctl(user_process_cpu(p)), ==, 0x7fff3);
    /* Tags: the guest set 1, the rest are 0 since mprotect; the debugger
     * sets one, then reads. */
    g_assert_cmpint(user_mte_read_tags(p, addr, 32, tags, sizeof(tags)), ==, 2);
    g_assert_cmpuint(tags[0], ==, 1);
    g_assert_cmpuint(tags[1], ==, 0);
    g_assert_cmpint(user_mte_write_tags(p, addr | (5ull << 56), 1,
                                        (const uint8_t[]){ 0x15 }, 1), ==, 0);
    g_assert_cmpint(user_mte_read_tags(p, addr, 1, tags, sizeof(tags)), ==, 1);
    g_assert_cmpuint(tags[0], ==, 5);
    g_assert_cmpint(user_mte_read_tags(p, addr + 4096, 16, tags,
                                       sizeof(tags)), ==, -1);
    g_assert_cmpint(user_mte_write_tags(p, addr + 4096, 16, tags, 1), ==, -1);
    /* More granules than room: an error, not an overrun. */
    g_assert_cmpint(user_mte_read_tags(p, addr, 4096, tags, sizeof(tags)),
                    ==, -1);
    /* tag_ctl written as gdb does: async, then the bad bits refused. */
    g_assert_cmpint(user_mte_set_tag_ctl(user_process_cpu(p), 0x7fff5), ==, 0);
    g_assert_cmpint(user_process_cpu(p)->mte_tcf, ==, CPU_MTE_TCF_ASYNC);
    g_assert_cmpint(user_mte_set_tag_ctl(user_process_cpu(p), 1ull << 40),
                    <, 0);
    user_process_free(p);
}

int main(int argc, char **argv)
{
    int ret;

    g_test_init(&argc, &argv, NULL);
    tmpdir = g_dir_make_tmp("backstep-mte-XXXXXX", NULL);
    g_assert_nonnull(tmpdir);
    compile_guest();
    g_test_add_func("/user/mte/compare-with-qemu", test_compare_with_qemu);
    g_test_add_func("/user/mte/asymmetric", test_asymmetric);
    g_test_add_func("/user/mte/tagged-stack", test_tagged_stack);
    g_test_add_func("/user/mte/si-addr-tag-bits", test_si_addr_tag_bits);
    g_test_add_func("/user/mte/debugger-view", test_debugger_view);
    ret = g_test_run();
    guest_discard(guest);
    guest_tmpdir_remove(tmpdir);
    return ret;
}
