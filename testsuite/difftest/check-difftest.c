/* check-difftest: the quick differential run of `make check`, as TAP.
 *
 * Every class runs a few hundred cases of one fixed seed under
 * qemu-aarch64 and backstep (the SVE classes once per vector length of
 * dt_sve_check_vls); a class is one test point, which fails if
 * any case differs (the differences are printed as TAP comments, each
 * with its reproducer). Classes listed in todo_classes are ones backstep
 * does not implement yet: their points are marked "# TODO" and do not
 * fail the run, but still print what differs. Without qemu-aarch64 or the
 * harness the whole test is skipped.
 *
 * DIFFTEST_BACKSTEP (a backstep program), DIFFTEST_CHECK_COUNT (cases per
 * class) override the defaults.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "campaign.h"

#define CHECK_SEED 20261121
#define CHECK_COUNT 200

/* Classes whose instructions backstep does not implement yet (see the
 * report in doc/difftest.md); empty this list as they land. */
static const char *const todo_classes[] = {
    /* e.g. "bf16",  FEAT_BF16: not implemented yet */
    NULL,
};

static bool is_todo(const char *name)
{
    for (const char *const *t = todo_classes; *t; t++)
        if (strcmp(*t, name) == 0)
            return true;
    return false;
}

int main(void)
{
    const char *count_env = getenv("DIFFTEST_CHECK_COUNT");
    unsigned count = count_env ? (unsigned)strtoul(count_env, NULL, 0)
                               : CHECK_COUNT;
    const char *backstep = getenv("DIFFTEST_BACKSTEP");
    if (!backstep)
        backstep = DT_DEFAULT_BACKSTEP;
    char *qemu = g_find_program_in_path(DT_DEFAULT_QEMU);
    if (!qemu || !g_file_test(DT_DEFAULT_HARNESS, G_FILE_TEST_EXISTS)
        || !g_file_test(backstep, G_FILE_TEST_IS_EXECUTABLE)) {
        printf("1..0 # SKIP needs qemu-aarch64, the harness and backstep\n");
        return 0;
    }
    struct dt_options opt = {
        .backstep = backstep,
        .qemu = qemu,
        .harness = DT_DEFAULT_HARNESS,
        .objdump = g_find_program_in_path("aarch64-linux-gnu-objdump"),
        .timeout_s = 120,
        .max_reports = 5,
        .prefix = "# ",
        .out = stdout,
    };

    /* One test point per class, and per vector length of make check for
     * the SVE classes. */
    unsigned nvls = 0, npoints = 0;
    while (dt_sve_check_vls[nvls])
        nvls++;
    for (const struct dt_class *c = dt_classes; c->name; c++)
        npoints += c->sve ? nvls : 1;
    printf("1..%u\n", npoints + 3);
    int status = 0;
    char *problem = NULL;
    if (dt_tables_valid(&problem)) {
        printf("ok 1 - template tables\n");
    } else {
        printf("not ok 1 - template tables: %s\n", problem);
        g_free(problem);
        status = 1;
    }
    /* A tester that cannot fail proves nothing: a CPU without LSE atomics
     * (QEMU's Cortex-A53) in backstep's place must be caught. */
    {
        const char *const a53[] = { qemu, "-cpu", "cortex-a53", NULL };
        struct dt_options neg = opt;
        neg.backstep_argv = a53;
        neg.max_reports = 0;
        struct dt_class_stats st;
        GError *error = NULL;
        bool ran = dt_run_class(&neg, dt_class_find("lse"), CHECK_SEED, 0, 20,
                                &st, &error);
        bool caught = ran && st.differ > 0;
        printf("%s 2 - self-check: a Cortex-A53 in backstep's place differs "
               "on LSE (%u of %u cases)%s%s\n", caught ? "ok" : "not ok",
               ran ? st.differ : 0, ran ? st.cases : 0, error ? ": " : "",
               error ? error->message : "");
        g_clear_error(&error);
        if (!caught)
            status = 1;
    }
    /* The same for SVE: an SVE-only CPU (QEMU's A64FX, whose vector
     * lengths include 512 bits) in backstep's place must differ on the
     * SVE2 class. */
    {
        const char *const a64fx[] = { qemu, "-cpu", "a64fx", NULL };
        struct dt_options neg = opt;
        neg.backstep_argv = a64fx;
        neg.max_reports = 0;
        neg.sve_vl_bits = 512;
        struct dt_class_stats st;
        GError *error = NULL;
        bool ran = dt_run_class(&neg, dt_class_find("sve2"), CHECK_SEED, 0,
                                20, &st, &error);
        bool caught = ran && st.differ > 0;
        printf("%s 3 - self-check: an A64FX (SVE, no SVE2) in backstep's "
               "place differs on SVE2 (%u of %u cases)%s%s\n",
               caught ? "ok" : "not ok", ran ? st.differ : 0,
               ran ? st.cases : 0, error ? ": " : "",
               error ? error->message : "");
        g_clear_error(&error);
        if (!caught)
            status = 1;
    }
    unsigned point = 4;
    for (const struct dt_class *c = dt_classes; c->name; c++) {
        for (unsigned v = 0; v < (c->sve ? nvls : 1); v++, point++) {
            struct dt_class_stats st;
            GError *error = NULL;
            char label[32];
            fflush(stdout);
            opt.sve_vl_bits = c->sve ? dt_sve_check_vls[v] : 0;
            if (c->sve)
                g_snprintf(label, sizeof label, "%s at VL %u", c->name,
                           dt_sve_check_vls[v]);
            else
                g_strlcpy(label, c->name, sizeof label);
            const char *todo = is_todo(c->name) ? " # TODO not implemented yet"
                                                : "";
            /* Unimplemented classes restart backstep on nearly every case:
             * a few cases say as much as many, in a fraction of the time. */
            unsigned n = *todo ? count / 8 + 1 : count;
            bool ran = dt_run_class(&opt, c, CHECK_SEED, 0, n, &st, &error);
            if (!ran) {
                printf("not ok %u - %s: %s%s\n", point, label,
                       error->message, todo);
                g_clear_error(&error);
                if (!*todo)
                    status = 1;
                continue;
            }
            /* Cases QEMU died on have no verdict; if they are more than a
             * few, the oracle is broken and "no difference" means
             * nothing. */
            bool pass = st.differ == 0 && st.qemu_failed * 10 <= st.cases;
            /* A TODO class that shows no difference in its few cases is
             * a plain pass, not an XPASS failing the run (a sample this
             * small proves nothing either way): it says so instead. */
            if (pass && *todo)
                todo = " (a TODO class: check whether it can come off "
                       "the list)";
            printf("%s %u - %s: %u cases, %u same (%u both trapped), %u "
                   "differ (%u backstep SIGILL), %u without verdict%s\n",
                   pass ? "ok" : "not ok", point, label, st.cases, st.same,
                   st.both_trapped, st.differ, st.backstep_undef,
                   st.qemu_failed, todo);
            if (!pass && !*todo)
                status = 1;
        }
    }
    g_free(qemu);
    g_free((char *)opt.objdump);
    return status;
}
