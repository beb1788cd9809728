/* Parts of an SVE result the architecture leaves CONSTRAINED
 * UNPREDICTABLE, made equal on both sides before they are compared. */
#ifndef BACKSTEP_DIFFTEST_SVE_UNPREDICTABLE_H
#define BACKSTEP_DIFFTEST_SVE_UNPREDICTABLE_H

#include "dt-format.h"

/* First-fault and non-fault loads (LDFF1*, LDNF1*, first-fault gathers):
 * once an element of FFR is false, the pseudocode makes every later
 * destination element CONSTRAINED UNPREDICTABLE (the data loaded, zero,
 * or the old value: Unpredictable_SVELDNFDATA, Unpredictable_SVELDNFZERO).
 * Zero those elements of the destination in R, a result of case C that
 * ran to the end. FFR itself is still compared. */
void dt_sve_normalise(const struct dt_case *c, struct dt_result *r);

#endif
