/* Fast forms chosen for what glibc's AdvSIMD string routines and compiled
 * bit-field code run through the handlers most (doc/performance.md, round
 * 3): LD1/ST1 of one or two whole registers (the same bytes as LDR/LDP of
 * Q or D registers, so they reuse those operations), DUP (general), SHRN
 * and BFM (BFI, BFXIL). Same rules as fastop.c: chosen by row name, the
 * class's fixed bits checked, the plain case only.
 */
#include <string.h>

#include "cpu/cpu-internal.h"
#include "cpu/fastop.h"

/* LD1/ST1 (multiple structures) of one or two registers, no offset or
 * post-index by the immediate (Rm = 31). Element order does not matter
 * for whole registers in a little-endian guest: LD1 {Vt.16B} reads the
 * bytes LDR Qt does, LD1 {Vt.2D, Vt2.2D} those LDP Qt, Qt2 does (with
 * Vt2 = Vt + 1 modulo 32). */
static void select_ldst_multiple(struct code_slot *s, bool post)
{
    uint32_t insn = s->insn;
    unsigned opcode = a64_bits(insn, 12, 4), t = A64_RD(insn);
    unsigned rn = A64_RN(insn) == 31 ? FOP_REG_SP : A64_RN(insn);
    bool q = a64_bits(insn, 30, 1), load = a64_bits(insn, 22, 1);
    unsigned bytes = q ? 16 : 8;

    if (post && A64_RM(insn) != 31)
        return;                 /* post-index by a register */
    if (opcode == 7) {          /* one register */
        if (post)
            fop_set(s, load ? (q ? FOP_LDR_Q_WB : FOP_LDR_D_WB)
                        : (q ? FOP_STR_Q_WB : FOP_STR_D_WB),
                t, rn, 0, FOP_PAIR_IMM(bytes, 1));
        else
            fop_set(s, load ? (q ? FOP_LDR_Q : FOP_LDR_D)
                        : (q ? FOP_STR_Q : FOP_STR_D),
                t, rn, 0, 0);
    } else if (opcode == 10) {  /* two registers */
        fop_set(s,
                load ? (q ? FOP_LDP_Q : FOP_LDP_D) : (q ? FOP_STP_Q : FOP_STP_D),
            t, rn, (t + 1) % 32,
            post ? FOP_PAIR_IMM(2 * bytes, 1) : FOP_PAIR_IMM(0, 2));
    }
}

/* DUP Vd.T, Rn: imm is the element size and FOP_VEC_Q. */
static void select_dup_general(struct code_slot *s)
{
    uint32_t insn = s->insn;
    unsigned imm5 = a64_bits(insn, 16, 5), q = a64_bits(insn, 30, 1);
    unsigned size;

    if (imm5 == 0 || (imm5 & 0xf) == 0)
        return;
    size = (unsigned)__builtin_ctz(imm5);
    if (size == 3 && !q)
        return;                 /* reserved */
    fop_set(s, FOP_VDUP, A64_RD(insn), A64_RN(insn), 0,
        size | (q ? FOP_VEC_Q : 0));
}

/* SHRN, SHRN2 (not RSHRN or the saturating forms of the row): imm is the
 * narrow element size, FOP_VEC_Q (SHRN2) and the shift in
 * FOP_VEC_AMOUNT. */
static void select_shrn(struct code_slot *s)
{
    uint32_t insn = s->insn;
    unsigned immh = a64_bits(insn, 19, 4), immb = a64_bits(insn, 16, 3);
    unsigned size, shift;

    if (a64_bits(insn, 29, 1) || a64_bits(insn, 11, 1) || immh == 0 ||
        immh >= 8)
        return;
    size = 31 - (unsigned)__builtin_clz(immh);          /* 0, 1, 2 */
    shift = (16u << size) - (immh << 3 | immb);
    fop_set(s, FOP_VSHRN, A64_RD(insn), A64_RN(insn), 0,
        size | (a64_bits(insn, 30, 1) ? FOP_VEC_Q : 0) |
            (uint64_t)shift << 8);
}

/* BFM (BFI, BFXIL): Rd = (Rd & ~mask) | (((Rn >> right) << left) & mask)
 * where mask is width bits at left; imm packs right, left, width and
 * FOP_BFI_X in the FOP_BFI_* fields. */
static void select_bfm(struct code_slot *s)
{
    uint32_t insn = s->insn;
    bool is64 = insn >> 31;
    unsigned n = a64_bits(insn, 22, 1);
    unsigned immr = a64_bits(insn, 16, 6), imms = a64_bits(insn, 10, 6);
    unsigned size = is64 ? 64 : 32, right, left, width;

    if (n != (unsigned)is64 || (!is64 && ((immr | imms) & 0x20)) ||
        A64_RD(insn) == 31)
        return;
    if (imms >= immr) {         /* BFXIL: bits imms..immr to the bottom */
        right = immr;
        left = 0;
        width = imms - immr + 1;
    } else {                    /* BFI: the low imms+1 bits to size-immr */
        right = 0;
        left = size - immr;
        width = imms + 1;
    }
    fop_set(s, FOP_BFM, A64_RD(insn), A64_RN(insn), 0,
        right | left << 8 | (uint64_t)width << 16 | (is64 ? FOP_BFI_X : 0));
}

bool fastop_select_extra(struct code_slot *s, const char *row)
{
    uint32_t insn = s->insn;

    if ((insn & 0xbfbf0000u) == 0x0c000000u &&
        strcmp(row, "LDST_multiple") == 0)
        select_ldst_multiple(s, false);
    else if ((insn & 0xbfa00000u) == 0x0c800000u &&
             strcmp(row, "LDST_multiple_post") == 0)
        select_ldst_multiple(s, true);
    else if ((insn & 0xbfe0fc00u) == 0x0e000c00u &&
             strcmp(row, "DUP_general") == 0)
        select_dup_general(s);
    else if ((insn & 0x9f80f400u) == 0x0f008400u &&
             strcmp(row, "SHRN_SQSHRUN") == 0)
        select_shrn(s);
    else if ((insn & 0x7f800000u) == 0x33000000u && strcmp(row, "BFM") == 0)
        select_bfm(s);
    return s->op != FOP_GENERIC;
}
