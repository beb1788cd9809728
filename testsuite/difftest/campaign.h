/* One class's run: generate the cases, run them under QEMU and backstep at
 * once (one thread each), compare, and print a line per difference with
 * the command that reproduces it. Shared by difftest and check-difftest. */
#ifndef BACKSTEP_DIFFTEST_CAMPAIGN_H
#define BACKSTEP_DIFFTEST_CAMPAIGN_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <glib.h>

#include "gen.h"
#include "qemu-known.h"

struct dt_options {
    const char *backstep;       /* path of the backstep program */
    /* If set, the command run instead of BACKSTEP (NULL-ended): the
     * self-check of check-difftest runs another CPU model of QEMU. */
    const char *const *backstep_argv;
    const char *qemu;           /* path of qemu-aarch64 */
    const char *harness;        /* path of the harness guest program */
    const char *objdump;        /* aarch64 objdump for disassembly, or NULL */
    unsigned timeout_s;         /* per emulator run */
    unsigned max_reports;       /* differing cases printed per class */
    const char *prefix;         /* put before every line printed ("# ") */
    const struct dt_known_list *known;
    bool verbose;               /* print every case's outcome */
    bool dump_inputs;           /* print every case's initial registers */
    /* Run this instruction instead of the generated one (the case's
     * registers and memory stay): for exploring a finding. 0: none. */
    uint32_t insn_override;
    /* The SVE vector length in bits the SVE classes run at (128..2048,
     * a multiple of 128): backstep gets --sve-vl, QEMU sve-max-vq. */
    unsigned sve_vl_bits;
    FILE *out;
};

struct dt_class_stats {
    unsigned cases;
    unsigned same;              /* identical results (incl. both trapped) */
    unsigned both_trapped;      /* same signal in both: UNDEFINED etc. */
    unsigned differ;            /* counted as failures */
    unsigned backstep_undef;    /* of those: backstep SIGILL, QEMU ran */
    unsigned known;             /* differ, but on the known-QEMU list */
    unsigned qemu_failed;       /* QEMU itself died: no verdict */
};

/* Run cases FIRST .. FIRST+COUNT-1 of class CLS for SEED. False with ERROR
 * if the run could not be done (missing programs, a broken harness). */
bool dt_run_class(const struct dt_options *opt, const struct dt_class *cls,
                  uint64_t seed, uint64_t first, unsigned count,
                  struct dt_class_stats *stats, GError **error);

/* "add x0, x1, x2" for INSN, via objdump; "?" without one. */
void dt_disasm(const struct dt_options *opt, uint32_t insn, char *buf,
               size_t size);

#endif
