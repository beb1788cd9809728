/* Running the harness under an emulator, case file in, results out.
 *
 * An emulator that does not deliver signals to handlers (backstep, for
 * now) dies on the first case that traps. The harness writes each result
 * as soon as the case ends, so the number of complete results says which
 * case killed it: that case is recorded as a death, and the run restarts
 * from the case after it. */
#ifndef BACKSTEP_DIFFTEST_RUN_H
#define BACKSTEP_DIFFTEST_RUN_H

#include <stdbool.h>
#include <glib.h>

#include "dt-format.h"

enum dt_outcome_kind {
    DT_RAN,         /* result holds what the harness wrote */
    DT_DIED,        /* the emulator ended while running this case */
    DT_NOT_RUN,     /* never reached (a run that could not be started) */
};

struct dt_outcome {
    enum dt_outcome_kind kind;
    struct dt_result result;
    /* For DT_DIED: the signal the guest was killed by (exit status
     * 128 + N, as backstep and a shell report it), or 0; the emulator's
     * own death by a host signal, or its other exit status; whether it
     * timed out; and the last line it wrote on stderr. */
    int guest_signal;
    int host_signal;
    int exit_status;
    bool timed_out;
    char note[200];
};

struct dt_emulator {
    const char *name;           /* "qemu", "backstep" */
    const char *const *argv;    /* the command before the harness, NULL-ended */
};

/* Run cases 0..COUNT-1 of CASE_FILE under EMU with the harness HARNESS,
 * filling OUT[0..COUNT-1]. WORKDIR holds the output files. Each run of the
 * emulator is killed after TIMEOUT_S seconds. Returns false with ERROR
 * only if the emulator cannot be started at all. */
bool dt_run_emulator(const struct dt_emulator *emu, const char *harness,
                     const char *case_file, unsigned count,
                     const char *workdir, unsigned timeout_s,
                     struct dt_outcome *out, GError **error);

#endif
