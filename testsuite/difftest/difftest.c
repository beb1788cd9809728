/* difftest: run random and directed A64 instructions under qemu-aarch64
 * (the oracle) and under backstep, and print every difference.
 *
 *   difftest [--seed S] [--count N] [--class C ...] [--case K]
 *            [--backstep PATH] [--qemu PATH] [--harness PATH]
 *            [--known-qemu-bugs FILE] [--sve-vl BITS[,BITS...]]
 *            [--list-classes]
 *
 * SVE classes run once per vector length given (default: those of make
 * check, 128 and 512 bits).
 *
 * Each difference is one line that starts with the command reproducing it
 * (the same seed, class and case index regenerate the same case). The exit
 * status is 0 if nothing differed, 1 if something did, 2 on errors.
 */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "campaign.h"

#ifndef DT_DEFAULT_BACKSTEP
#define DT_DEFAULT_BACKSTEP "backstep"
#endif
#ifndef DT_DEFAULT_HARNESS
#define DT_DEFAULT_HARNESS "testsuite/difftest/harness"
#endif
#ifndef DT_DEFAULT_QEMU
#define DT_DEFAULT_QEMU "qemu-aarch64"
#endif

int main(int argc, char **argv)
{
    gint64 seed = 1, case_index = -1;
    gint count = 200, timeout = 120, max_reports = 20;
    g_auto(GStrv) class_names = NULL;
    g_autofree char *backstep = NULL, *qemu = NULL, *harness = NULL;
    g_autofree char *known_path = NULL, *insn_text = NULL, *problem = NULL;
    g_autofree char *sve_vl_text = NULL;
    g_autofree char *objdump = g_find_program_in_path("aarch64-linux-gnu-objdump");
    gboolean list = FALSE, verbose = FALSE, dump = FALSE;
    GOptionEntry entries[] = {
        { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Random seed (default 1)",
          "S" },
        { "count", 0, 0, G_OPTION_ARG_INT, &count,
          "Cases per class (default 200)", "N" },
        { "class", 0, 0, G_OPTION_ARG_STRING_ARRAY, &class_names,
          "Run this class (repeatable; default all)", "C" },
        { "case", 0, 0, G_OPTION_ARG_INT64, &case_index,
          "Run only case K (a reproducer)", "K" },
        { "backstep", 0, 0, G_OPTION_ARG_FILENAME, &backstep,
          "The backstep program", "PATH" },
        { "qemu", 0, 0, G_OPTION_ARG_FILENAME, &qemu,
          "The qemu-aarch64 program", "PATH" },
        { "harness", 0, 0, G_OPTION_ARG_FILENAME, &harness,
          "The harness guest program", "PATH" },
        { "known-qemu-bugs", 0, 0, G_OPTION_ARG_FILENAME, &known_path,
          "Encodings with known QEMU bugs (lines: MASK VALUE why)", "FILE" },
        { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout,
          "Seconds before an emulator run is killed (default 120)", "S" },
        { "max-reports", 0, 0, G_OPTION_ARG_INT, &max_reports,
          "Differing cases printed per class (default 20)", "N" },
        { "sve-vl", 0, 0, G_OPTION_ARG_STRING, &sve_vl_text,
          "SVE vector lengths in bits to run the SVE classes at (default "
          "128,512)", "BITS[,BITS...]" },
        { "insn", 0, 0, G_OPTION_ARG_STRING, &insn_text,
          "Run this encoding (hex) in the generated cases' state", "HEX" },
        { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose,
          "Print every case's outcome", NULL },
        { "dump", 0, 0, G_OPTION_ARG_NONE, &dump,
          "Print every case's initial registers (use with --case)", NULL },
        { "list-classes", 0, 0, G_OPTION_ARG_NONE, &list,
          "List the instruction classes and exit", NULL },
        { NULL },
    };
    GError *error = NULL;
    GOptionContext *ctx = g_option_context_new(
        "- compare backstep with qemu-aarch64 on random A64 instructions");
    g_option_context_add_main_entries(ctx, entries, NULL);
    if (!g_option_context_parse(ctx, &argc, &argv, &error)) {
        fprintf(stderr, "difftest: %s\n", error->message);
        g_error_free(error);
        g_option_context_free(ctx);
        return 2;
    }
    g_option_context_free(ctx);

    if (!dt_tables_valid(&problem)) {
        fprintf(stderr, "difftest: template table bug: %s\n", problem);
        return 2;
    }
    if (list) {
        for (const struct dt_class *c = dt_classes; c->name; c++)
            printf("%-14s %s\n", c->name, c->summary);
        return 0;
    }
    if (count < 0 || timeout <= 0 || max_reports < 0) {
        fprintf(stderr, "difftest: --count, --timeout and --max-reports "
                "must not be negative\n");
        return 2;
    }

    struct dt_options opt = {
        .backstep = backstep ? backstep : DT_DEFAULT_BACKSTEP,
        .qemu = qemu ? qemu : DT_DEFAULT_QEMU,
        .harness = harness ? harness : DT_DEFAULT_HARNESS,
        .objdump = objdump,
        .timeout_s = (unsigned)timeout,
        .max_reports = (unsigned)max_reports,
        .prefix = "",
        .verbose = verbose,
        .dump_inputs = dump,
        .out = stdout,
    };
    if (insn_text) {
        char *end;
        unsigned long v = strtoul(insn_text, &end, 16);
        if (*end || v == 0 || v > 0xffffffffu) {
            fprintf(stderr, "difftest: --insn: not a 32-bit hex encoding: "
                    "%s\n", insn_text);
            return 2;
        }
        opt.insn_override = (uint32_t)v;
    }
    unsigned sve_vls[16], nvls = 0;
    if (sve_vl_text) {
        g_auto(GStrv) parts = g_strsplit(sve_vl_text, ",", -1);
        for (char **p = parts; *p; p++) {
            char *end;
            unsigned long v = strtoul(*p, &end, 10);
            if (*end || v < 128 || v > 2048 || v % 128 || nvls == 16) {
                fprintf(stderr, "difftest: --sve-vl: not a vector length "
                        "(128 to 2048 bits, a multiple of 128): %s\n", *p);
                return 2;
            }
            sve_vls[nvls++] = (unsigned)v;
        }
    } else {
        for (const unsigned *v = dt_sve_check_vls; *v; v++)
            sve_vls[nvls++] = *v;
    }
    struct dt_known_list *known = NULL;
    if (known_path) {
        known = dt_known_load(known_path, &error);
        if (!known) {
            fprintf(stderr, "difftest: %s\n", error->message);
            g_error_free(error);
            return 2;
        }
        opt.known = known;
    }

    g_autoptr(GPtrArray) classes = g_ptr_array_new();
    if (class_names) {
        for (char **n = class_names; *n; n++) {
            const struct dt_class *c = dt_class_find(*n);
            if (!c) {
                fprintf(stderr, "difftest: no class '%s' (see "
                        "--list-classes)\n", *n);
                dt_known_free(known);
                return 2;
            }
            g_ptr_array_add(classes, (gpointer)c);
        }
    } else {
        for (const struct dt_class *c = dt_classes; c->name; c++)
            g_ptr_array_add(classes, (gpointer)c);
    }

    uint64_t first = case_index >= 0 ? (uint64_t)case_index : 0;
    unsigned n = case_index >= 0 ? 1 : (unsigned)count;
    int status = 0;
    unsigned total = 0, total_differ = 0;
    for (guint k = 0; k < classes->len; k++) {
        const struct dt_class *c = classes->pdata[k];
        for (unsigned v = 0; v < (c->sve ? nvls : 1); v++) {
            struct dt_class_stats st;
            char label[32];
            opt.sve_vl_bits = c->sve ? sve_vls[v] : 0;
            if (c->sve)
                g_snprintf(label, sizeof label, "%s@%u", c->name, sve_vls[v]);
            else
                g_strlcpy(label, c->name, sizeof label);
            if (!dt_run_class(&opt, c, (uint64_t)seed, first, n, &st,
                              &error)) {
                fprintf(stderr, "difftest: %s\n", error->message);
                g_clear_error(&error);
                status = 2;
                continue;
            }
            printf("class %-13s cases %5u  same %5u (both trapped %4u)  "
                   "differ %4u (backstep SIGILL %4u)  known-qemu %u  "
                   "qemu-died %u\n", label, st.cases, st.same,
                   st.both_trapped, st.differ, st.backstep_undef, st.known,
                   st.qemu_failed);
            fflush(stdout);
            total += st.cases;
            total_differ += st.differ;
            if (st.differ && status == 0)
                status = 1;
        }
    }
    printf("total: %u cases, %u differ (seed %" PRId64 ")\n", total,
           total_differ, seed);
    dt_known_free(known);
    return status;
}
