/* Where QEMU 7.2 is known to differ from the architecture.
 *
 * Two mechanisms:
 *  - dt_qemu_rules (qemu-known.c): encodings for which the expected result
 *    is computed from the Arm ARM instead of taken from QEMU (also when
 *    QEMU dies on the case). Each rule cites the part of the Arm ARM it
 *    follows; a row is added only for a deviation justified from it.
 *  - a --known-qemu-bugs FILE: lines "MASK VALUE why" (hex MASK and VALUE,
 *    '#' starts a comment) naming encodings whose mismatches are reported
 *    as known and not counted as failures, for triage while a rule is
 *    being written.
 */
#ifndef BACKSTEP_DIFFTEST_QEMU_KNOWN_H
#define BACKSTEP_DIFFTEST_QEMU_KNOWN_H

#include <stdbool.h>
#include <stdint.h>
#include <glib.h>

#include "dt-format.h"

struct dt_qemu_rule {
    const char *name;
    const char *pattern;            /* the encodings it covers (gen.h) */
    /* Rewrite R, QEMU's result for C whose first instruction is INSN, into
     * the architectural result; false if the case is outside the
     * deviation (R left alone). R may also be a blank result (index set)
     * when QEMU died on the case. */
    bool (*correct)(const struct dt_case *c, struct dt_result *r,
                    uint32_t insn);
    const char *reference;          /* the Arm ARM section followed */
};

extern const struct dt_qemu_rule dt_qemu_rules[];   /* ends with NULL name */

/* Apply the rules to QEMU's result R for case C; returns the name of the
 * rule that changed R, or NULL. */
const char *dt_qemu_correct(const struct dt_case *c, struct dt_result *r);

struct dt_known_list;
struct dt_known_list *dt_known_load(const char *path, GError **error);
/* The reason given for a listed encoding of C, or NULL. */
const char *dt_known_match(const struct dt_known_list *list,
                           const struct dt_case *c);
void dt_known_free(struct dt_known_list *list);

#endif
