/* Forwarding pairs (fastop.h, FOP_*_F): an operation that writes a
 * general register hands the value to the next slot in a host register
 * when that slot's operation reads it, so a chain of dependent integer
 * instructions does not wait for each result to be stored to the register
 * file and loaded back (a store-to-load forward, 5-7 host cycles, per
 * dependent instruction). Which operations produce and which consume is
 * decided here; the run loop (cpu/run.c) has the labels. */
#include "cpu/fastop.h"

unsigned fastop_forward_variant(unsigned op)
{
#define FWD_VARIANT(name) case FOP_##name: return FOP_##name##_F;
    switch (op) {
    FOP_FWD_PRODUCERS(FWD_VARIANT)
    default:
        return FOP_GENERIC;
    }
#undef FWD_VARIANT
}

/* Which operand of op may come from the previous slot's result. */
static unsigned forward_operand(unsigned op)
{
#define FWD_RN(name) case FOP_##name:
#define FWD_RM(name) case FOP_##name:
    switch (op) {
    FOP_FWD_RN_CONSUMERS(FWD_RN)
        return FOP_FWD_RN;
    FOP_FWD_RM_CONSUMERS(FWD_RM)
        return FOP_FWD_RM;
    default:
        return FOP_FWD_NONE;
    }
#undef FWD_RN
#undef FWD_RM
}

unsigned fastop_forward_pair(const struct code_slot *s,
                             const struct code_slot *next)
{
    unsigned variant = fastop_forward_variant(s->op);

    if (variant == FOP_GENERIC)
        return FOP_GENERIC;
    /* A writeback load whose base is its destination leaves the base's
     * new value there, not the loaded one (the handler's order). */
    if ((s->op == FOP_LDR_X_WB || s->op == FOP_LDR_W_WB ||
         s->op == FOP_LDRB_WB) && s->rd == s->rn)
        return FOP_GENERIC;
    switch (forward_operand(next->op)) {
    case FOP_FWD_RN:
        return next->rn == s->rd ? variant : FOP_GENERIC;
    case FOP_FWD_RM:
        return next->rm == s->rd ? variant : FOP_GENERIC;
    default:
        return FOP_GENERIC;
    }
}
