/* CONSTRAINED UNPREDICTABLE parts of SVE results (see
 * sve-unpredictable.h). */
#include <stdbool.h>
#include <string.h>

#include "gen.h"
#include "sve-unpredictable.h"

/* The element size (log2 bytes) of a contiguous load's dtype. */
static unsigned dtype_esz(unsigned dtype)
{
    unsigned hi = dtype >> 2, lo = dtype & 3;
    return hi <= lo ? lo : 3 - lo;
}

/* If INSN is a first-fault or non-fault load, its element size. */
static bool first_fault_load(uint32_t insn, unsigned *esz)
{
    bool ff = dt_field(insn, 13, 1);
    if ((insn & 0xfe00e000) == 0xa4006000) {            /* LDFF1 (ss) */
        *esz = dtype_esz(dt_field(insn, 21, 4));
        return true;
    }
    if ((insn & 0xfe10e000) == 0xa410a000) {            /* LDNF1 */
        *esz = dtype_esz(dt_field(insn, 21, 4));
        return true;
    }
    if ((insn & 0xfe000000) == 0x84000000 && ff         /* 32-bit gathers */
        && (!dt_field(insn, 15, 1) || dt_field(insn, 21, 2) == 1)) {
        *esz = 2;
        return true;
    }
    if ((insn & 0xfe000000) == 0xc4000000 && ff         /* 64-bit gathers */
        && !(dt_field(insn, 15, 1) && dt_field(insn, 21, 2) == 0)) {
        *esz = 3;
        return true;
    }
    return false;
}

void dt_sve_normalise(const struct dt_case *c, struct dt_result *r)
{
    unsigned esz, vl = r->sve.vl;
    if (r->signal || !vl || vl > DT_SVE_MAX_VL
        || !first_fault_load(c->insn[0], &esz) || c->ninsn != 1)
        return;
    unsigned t = dt_field(c->insn[0], 0, 5), elems = vl >> esz;
    unsigned e = 0;
    while (e < elems && (r->sve.ffr[(e << esz) / 8] >> ((e << esz) % 8) & 1))
        e++;
    memset(r->sve.z[t] + (e << esz), 0, vl - (e << esz));
    if ((e << esz) < 16)
        memset(r->regs.v[t] + (e << esz), 0, 16 - (e << esz));
}
