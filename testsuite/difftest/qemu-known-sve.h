/* The known QEMU 7.2 deviations in SVE (qemu-known-sve.c), in the form of
 * dt_qemu_rules; dt_qemu_correct applies them to SVE cases. */
#ifndef BACKSTEP_DIFFTEST_QEMU_KNOWN_SVE_H
#define BACKSTEP_DIFFTEST_QEMU_KNOWN_SVE_H

#include "qemu-known.h"

extern const struct dt_qemu_rule dt_qemu_sve_rules[];   /* NULL name ends */

#endif
