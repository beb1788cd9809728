/* Pointer authentication in user mode: a guest built with pac-ret and
 * the PAuth instructions (testsuite/unit/data/pauth-guest.c), compiled at
 * test time, run through user_process_run and under qemu-aarch64 -cpu
 * max. The keys differ (qemu draws random keys per process, we draw ours
 * from the deterministic source), so the guest prints only key-
 * independent results and the two outputs must be equal. Also: the keys
 * are the same from run to run, and with FEAT_FPAC a failed AUT is
 * SIGILL with ILL_ILLOPN. Skipped when the tools are missing. */
#include "config.h"

#include "cpu/cpu.h"
#include "cpu/pauth.h"
#include "user/process.h"
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
    static const char *const flags[] = { "-static", "-O1", "-march=armv8.3-a",
                                         "-mbranch-protection=pac-ret", NULL };
    g_autofree char *src = guest_source("unit/data", "pauth-guest.c");

    guest = guest_compile(src, tmpdir, "pauth-guest", flags);
}

static const struct pauth_config qarma5 = { .enabled = true,
                                            .algo = CPU_PAUTH_QARMA5 };
static const struct pauth_config qarma5_fpac = { .enabled = true,
                                                 .algo = CPU_PAUTH_QARMA5,
                                                 .fpac = true };
static const struct pauth_config qarma3 = { .enabled = true,
                                            .algo = CPU_PAUTH_QARMA3 };
static const struct pauth_config qarma3_fpac = { .enabled = true,
                                                 .algo = CPU_PAUTH_QARMA3,
                                                 .fpac = true };
static const struct pauth_config pauth_off = { .enabled = false };

/* As server/main.c applies --pauth/--fpac to the new process's CPU. */
static void configure_cpu(struct user_process *p, void *data)
{
    const struct pauth_config *config = data;

    pauth_cpu_configure(user_process_cpu(p));
    g_assert_cmpint(user_process_cpu(p)->pauth_enabled, ==, config->enabled);
}

/* Run the guest to its end under a PAuth configuration, applied as
 * server/main.c applies --pauth/--fpac; every signal is passed on. */
static char *run_backstep(const char *mode, const struct pauth_config *config,
                          int *exit_code)
{
    char *argv[] = { "pauth-guest", (char *)mode, NULL };
    char *envp[] = { "LANG=C", NULL };
    struct guest_run run = { .program = guest, .argv = argv, .envp = envp,
                             .max_slices = 1000, .prepare = configure_cpu,
                             .prepare_data = (void *)config };

    pauth_configure(config);
    struct guest_outcome o = guest_run_backstep(&run);
    pauth_configure(&qarma5);
    g_assert_false(o.killed);
    *exit_code = o.status;
    return o.out;
}

static char *run_qemu(void)
{
    static const char *const cpu_max[] = { "-cpu", "max", NULL };
    char *argv[] = { "pauth-guest", NULL };
    struct guest_outcome o = guest_run_qemu(guest, argv, NULL, cpu_max);

    g_assert_false(o.killed);
    g_assert_cmpint(o.status, ==, 0);
    return o.out;
}

static void test_compare_with_qemu(void)
{
    int code;
    char *b, *q;

    if (guest_skip_unbuilt(guest, "the guest"))
        return;
    b = run_backstep(NULL, &qarma5, &code);
    g_assert_cmpint(code, ==, 0);
    /* The results themselves, so that two equal wrong outputs fail. */
    g_assert_nonnull(strstr(b, "hwcap paca 1 pacg 1\n"));
    g_assert_nonnull(strstr(b, "isar1 apa-or-api 1 gpa-or-gpi 1\n"));
    g_assert_nonnull(strstr(b, "0000aaaabbbbcccc ia: outside 0000000000000000 "
                               "strip 0000aaaabbbbcccc aut 0000aaaabbbbcccc "
                               "bad 0020aaaabbbbcccc\n"));
    g_assert_nonnull(strstr(b, "1200aaaabbbbcccc db: outside 0000000000000000 "
                               "strip 1200aaaabbbbcccc aut 1200aaaabbbbcccc "
                               "bad 1240aaaabbbbcccc\n"));
    g_assert_nonnull(strstr(b, "non-canonical: strip 0000aaaabbbbcccc "
                               "aut 0020aaaabbbbcccc\n"));
    g_assert_nonnull(strstr(b, "pac-ret call 34\nblraa 77\n"
                               "ldraa 33 writeback-offset 16\n"
                               "pacga low 00000000\n"
                               "retaa unsigned: fault 0020000000001000\n"
                               "reset all 0\nstill valid after reset: no\n"
                               "reset bad key -1 errno 22\nreset ia 0\n"));
    if (guest_qemu()) {
        q = run_qemu();
        g_assert_cmpstr(b, ==, q);
        g_free(q);
    }
    g_free(b);
}

/* Keys come from the deterministic source: the same PACs every run, and
 * a PAC really is there. */
static void test_deterministic_keys(void)
{
    int code;
    char *a, *b;

    if (guest_skip_unbuilt(guest, "the guest"))
        return;
    a = run_backstep("sign", &qarma5, &code);
    b = run_backstep("sign", &qarma5, &code);
    g_assert_cmpstr(a, ==, b);
    g_assert_true(g_str_has_prefix(a, "pacia 00"));
    g_assert_false(g_str_has_prefix(a, "pacia 0000000000400000"));
    g_assert_null(strstr(a, "pacga 0000000000000000"));
    g_free(a);
    g_free(b);
}

/* FEAT_FPAC: the failing AUTIA raises SIGILL with si_code ILL_ILLOPN (2),
 * as Linux's do_el0_fpac; without it the pointer is only corrupted. */
static void test_fpac_sigill(void)
{
    int code;
    char *out;

    if (guest_skip_unbuilt(guest, "the guest"))
        return;
    out = run_backstep("fpac", &qarma5_fpac, &code);
    g_assert_cmpstr(out, ==, "signal 4 code 2\n");
    g_assert_cmpint(code, ==, 0);
    g_free(out);
    out = run_backstep("fpac", &qarma5, &code);
    g_assert_cmpstr(out, ==, "no fault\n");
    g_assert_cmpint(code, ==, 1);
    g_free(out);
}

/* What the guest's "ids" mode prints for a configuration. */
static char *expected_ids(const struct pauth_config *c)
{
    bool q5 = c->enabled && c->algo == CPU_PAUTH_QARMA5;
    bool q3 = c->enabled && c->algo == CPU_PAUTH_QARMA3;
    unsigned apa = c->fpac ? 4 : 1;

    return g_strdup_printf("hwcap paca %d pacg %d\n"
                           "isar1 apa %u api 0 gpa %d gpi 0\n"
                           "isar2 apa3 %u gpa3 %d\n",
                           c->enabled, c->enabled, q5 ? apa : 0, q5,
                           q3 ? apa : 0, q3);
}

/* Whether cpu/cpu.c and cpu/sysreg.c take the HWCAPs and ID fields from
 * pauth_hwcap() and pauth_id_aa64isar*_fields() yet. */
static bool ids_follow_config(void)
{
    bool ok;

    pauth_configure(&pauth_off);
    ok = !(cpu_hwcap() & PAUTH_HWCAP_PACA);
    pauth_configure(&qarma5);
    return ok;
}

/* The program sees exactly the configured PAuth: HWCAPs, ISAR1, ISAR2. */
static void test_ids_follow_config(void)
{
    const struct pauth_config *configs[] = {
        &qarma5, &qarma5_fpac, &qarma3, &qarma3_fpac, &pauth_off,
    };

    if (guest_skip_unbuilt(guest, "the guest"))
        return;
    if (!ids_follow_config()) {
        g_test_incomplete("cpu.c/sysreg.c do not ask cpu/pauth.h for the "
                          "HWCAPs and ID fields yet");
        return;
    }
    for (size_t i = 0; i < G_N_ELEMENTS(configs); i++) {
        int code;
        char *want = expected_ids(configs[i]);
        char *out = run_backstep("ids", configs[i], &code);
        g_assert_cmpstr(out, ==, want);
        g_assert_cmpint(code, ==, 0);
        g_free(out);
        g_free(want);
    }
}

/* --pauth off: PACIASP is a NOP, PACGA raises SIGILL (ILL_ILLOPC, as
 * Linux's do_undefinstr; qemu-aarch64 says ILL_ILLOPN) at the PACGA. */
static void test_off(void)
{
    int code;
    char *out;

    if (guest_skip_unbuilt(guest, "the guest"))
        return;
    out = run_backstep("off", &pauth_off, &code);
    g_assert_nonnull(strstr(out, "paciasp nop\nsignal 4 code 1 at pacga\n"));
    g_assert_cmpint(code, ==, 0);
    if (ids_follow_config()) {
        char *want = expected_ids(&pauth_off);
        g_assert_true(g_str_has_prefix(out, want));
        g_free(want);
    }
    g_free(out);
}

/* --pauth qarma3: the same (deterministic) keys give another PAC than
 * QARMA5, and it authenticates. */
static void test_qarma3(void)
{
    int code;
    char *q5, *q3;

    if (guest_skip_unbuilt(guest, "the guest"))
        return;
    q5 = run_backstep("algo", &qarma5, &code);
    g_assert_cmpint(code, ==, 0);
    q3 = run_backstep("algo", &qarma3, &code);
    g_assert_cmpint(code, ==, 0);
    g_assert_true(g_str_has_suffix(q5, " aut 0000aaaabbbbcccc\n"));
    g_assert_true(g_str_has_suffix(q3, " aut 0000aaaabbbbcccc\n"));
    g_assert_true(g_str_has_prefix(q3, "pacia 00"));
    g_assert_cmpstr(q5, !=, q3);
    g_free(q5);
    g_free(q3);
}

/* --fpac with QARMA3: the failing AUTIA faults as with QARMA5. */
static void test_fpac_qarma3(void)
{
    int code;
    char *out;

    if (guest_skip_unbuilt(guest, "the guest"))
        return;
    out = run_backstep("fpac", &qarma3_fpac, &code);
    g_assert_cmpstr(out, ==, "signal 4 code 2\n");
    g_assert_cmpint(code, ==, 0);
    g_free(out);
}

int main(int argc, char **argv)
{
    int ret;

    g_test_init(&argc, &argv, NULL);
    tmpdir = g_dir_make_tmp("backstep-pauth-XXXXXX", NULL);
    g_assert_nonnull(tmpdir);
    compile_guest();
    g_test_add_func("/user/pauth/compare-with-qemu", test_compare_with_qemu);
    g_test_add_func("/user/pauth/deterministic-keys", test_deterministic_keys);
    g_test_add_func("/user/pauth/fpac-sigill", test_fpac_sigill);
    g_test_add_func("/user/pauth/ids-follow-config", test_ids_follow_config);
    g_test_add_func("/user/pauth/off", test_off);
    g_test_add_func("/user/pauth/qarma3", test_qarma3);
    g_test_add_func("/user/pauth/fpac-qarma3", test_fpac_qarma3);
    ret = g_test_run();
    guest_discard(guest);
    guest_tmpdir_remove(tmpdir);
    return ret;
}
