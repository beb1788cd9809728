/* Choosing the fast operation of an encoding (see fastop.h).
 *
 * Selection goes by the decode table's row name, so a fast operation is
 * only ever chosen for an encoding the table gives to the instruction it
 * implements; the checks below then narrow it to the plain case (the
 * rest stays FOP_GENERIC and runs the table's handler). Only the cases
 * that are both common in compiled code and cheap to get exactly right
 * are here; the profile in doc/performance.md says which those are.
 */
#include <glib.h>
#include <string.h>

#include "cpu/cpu-internal.h"
#include "cpu/fastop.h"

uint16_t fop_cond_table[16];

void fastop_init(void)
{
    for (unsigned cond = 0; cond < 16; cond++) {
        uint16_t bits = 0;
        for (unsigned flags = 0; flags < 16; flags++)
            if (a64_cond_holds(flags << 28, cond))
                bits |= (uint16_t)(1u << flags);
        fop_cond_table[cond] = bits;
    }
}

static unsigned rd_of(uint32_t insn) { return A64_RD(insn); }
static unsigned rn_of(uint32_t insn) { return A64_RN(insn); }
static unsigned rm_of(uint32_t insn) { return A64_RM(insn); }
/* Rn or Rd in an encoding where 31 means SP. */
static unsigned sp_reg(unsigned r) { return r == 31 ? FOP_REG_SP : r; }

static void set(struct code_slot *s, enum fast_op op, unsigned rd,
                unsigned rn, unsigned rm, uint64_t imm)
{
    s->op = (uint8_t)op;
    s->rd = (uint8_t)rd;
    s->rn = (uint8_t)rn;
    s->rm = (uint8_t)rm;
    s->imm = imm;
}

/* ADD, ADDS, SUB, SUBS (immediate) */
static void select_addsub_imm(struct code_slot *s, bool sub, bool flags)
{
    uint32_t insn = s->insn;
    bool is64 = insn >> 31;
    uint64_t imm = a64_bits(insn, 10, 12);

    if ((insn >> 22) & 1)
        imm <<= 12;
    if (!flags) {
        /* a - imm == a + -imm at either width: one operation. */
        set(s, is64 ? FOP_ADDI_X : FOP_ADDI_W, sp_reg(rd_of(insn)),
            sp_reg(rn_of(insn)), 0, sub ? -imm : imm);
        return;
    }
    if (sub)
        set(s, is64 ? FOP_SUBSI_X : FOP_SUBSI_W, rd_of(insn),
            sp_reg(rn_of(insn)), 0, imm);
    else
        set(s, is64 ? FOP_ADDSI_X : FOP_ADDSI_W, rd_of(insn),
            sp_reg(rn_of(insn)), 0, imm);
}

/* MOVZ, MOVN, MOVK */
static void select_move_wide(struct code_slot *s)
{
    uint32_t insn = s->insn;
    bool is64 = insn >> 31;
    unsigned opc = a64_bits(insn, 29, 2), hw = a64_bits(insn, 21, 2);
    uint64_t imm = (uint64_t)a64_bits(insn, 5, 16) << (hw * 16);

    if (opc == 1 || (!is64 && hw >= 2))
        return;                         /* UNDEFINED: the handler says so */
    if (opc == 3) {
        set(s, is64 ? FOP_MOVK_X : FOP_MOVK_W, rd_of(insn), 0, hw * 16, imm);
        return;
    }
    if (opc == 0)
        imm = ~imm;
    if (!is64)
        imm = (uint32_t)imm;
    set(s, FOP_MOVI, rd_of(insn), 0, 0, imm);
}

/* AND, ORR, EOR (shifted register) with LSL or LSR and N = 0 */
static void select_logic_reg(struct code_slot *s, unsigned opc)
{
    static const enum fast_op lsl[3][2] = {
        { FOP_AND_W, FOP_AND_X }, { FOP_ORR_W, FOP_ORR_X },
        { FOP_EOR_W, FOP_EOR_X } };
    static const enum fast_op lsr[3][2] = {
        { FOP_ANDLSR_W, FOP_ANDLSR_X }, { FOP_ORRLSR_W, FOP_ORRLSR_X },
        { FOP_EORLSR_W, FOP_EORLSR_X } };
    uint32_t insn = s->insn;
    bool is64 = insn >> 31;
    unsigned type = a64_bits(insn, 22, 2), amount = a64_bits(insn, 10, 6);

    if ((insn >> 21) & 1 || type > 1 || (!is64 && amount >= 32))
        return;
    set(s, (type ? lsr : lsl)[opc][is64], rd_of(insn), rn_of(insn),
        rm_of(insn), amount);
}

/* ADD, ADDS, SUB, SUBS (shifted register) with LSL */
static void select_addsub_shift(struct code_slot *s)
{
    uint32_t insn = s->insn;
    bool is64 = insn >> 31, sub = (insn >> 30) & 1, flags = (insn >> 29) & 1;
    unsigned type = a64_bits(insn, 22, 2), amount = a64_bits(insn, 10, 6);
    enum fast_op op;

    if (type != 0 || (!is64 && amount >= 32))
        return;
    if (flags)
        op = sub ? (is64 ? FOP_SUBS_X : FOP_SUBS_W)
                 : (is64 ? FOP_ADDS_X : FOP_ADDS_W);
    else
        op = sub ? (is64 ? FOP_SUB_X : FOP_SUB_W)
                 : (is64 ? FOP_ADD_X : FOP_ADD_W);
    set(s, op, rd_of(insn), rn_of(insn), rm_of(insn), amount);
}

/* SBFM, UBFM (ASR, LSR, LSL, SXTW, UBFX, SBFX, UXTB ...): as three
 * shifts of the operand held in the low bits of a 64-bit word. */
static void select_bitfield(struct code_slot *s, bool sign)
{
    uint32_t insn = s->insn;
    bool is64 = insn >> 31;
    unsigned n = a64_bits(insn, 22, 1);
    unsigned immr = a64_bits(insn, 16, 6), imms = a64_bits(insn, 10, 6);
    unsigned width = is64 ? 64 : 32, left, right, up;

    if (n != (unsigned)is64 || (!is64 && ((immr | imms) & 0x20)))
        return;
    left = 63 - imms;               /* bit imms to the top */
    if (imms >= immr) {             /* extract bits imms..immr */
        right = left + immr;
        up = 0;
    } else {                        /* insert the low imms+1 bits */
        right = left;
        up = width - immr;
    }
    set(s, sign ? (is64 ? FOP_SBFM_X : FOP_SBFM_W)
                : (is64 ? FOP_UBFM_X : FOP_UBFM_W),
        rd_of(insn), rn_of(insn), 0,
        left | (right << 8) | ((uint64_t)up << 16));
}

/* MADD (MUL); not MSUB or the long forms */
static void select_dp_3src(struct code_slot *s)
{
    uint32_t insn = s->insn;

    if (a64_bits(insn, 21, 3) != 0 || (insn >> 15) & 1)
        return;
    set(s, insn >> 31 ? FOP_MADD_X : FOP_MADD_W, rd_of(insn), rn_of(insn),
        rm_of(insn), a64_bits(insn, 10, 5));
}

/* CSEL, CSINC (CSET, CINC); not CSINV, CSNEG */
static void select_csel(struct code_slot *s)
{
    uint32_t insn = s->insn;
    bool is64 = insn >> 31;
    unsigned inc = (insn >> 10) & 1;

    if ((insn >> 30) & 1)
        return;
    set(s, inc ? (is64 ? FOP_CSINC_X : FOP_CSINC_W)
               : (is64 ? FOP_CSEL_X : FOP_CSEL_W),
        rd_of(insn), rn_of(insn), rm_of(insn), a64_bits(insn, 12, 4));
}

/* Branches: imm is the offset from the branch's own pc. */
static void select_branch(struct code_slot *s, const char *row)
{
    uint32_t insn = s->insn;

    if (strcmp(row, "B") == 0) {
        set(s, insn >> 31 ? FOP_BL : FOP_B, 0, 0, 0,
            (uint64_t)(a64_sbits(insn, 0, 26) * 4));
    } else if (strcmp(row, "B_cond") == 0) {
        set(s, FOP_BCOND, a64_bits(insn, 0, 4), 0, 0,
            (uint64_t)(a64_sbits(insn, 5, 19) * 4));
    } else if (strcmp(row, "CBZ") == 0) {
        bool is64 = insn >> 31, nz = (insn >> 24) & 1;
        set(s, nz ? (is64 ? FOP_CBNZ_X : FOP_CBNZ_W)
                  : (is64 ? FOP_CBZ_X : FOP_CBZ_W),
            rd_of(insn), 0, 0, (uint64_t)(a64_sbits(insn, 5, 19) * 4));
    } else if (strcmp(row, "TBZ") == 0) {
        unsigned bit = (a64_bits(insn, 31, 1) << 5) | a64_bits(insn, 19, 5);
        set(s, (insn >> 24) & 1 ? FOP_TBNZ : FOP_TBZ, rd_of(insn), bit, 0,
            (uint64_t)(a64_sbits(insn, 5, 14) * 4));
    } else if (strcmp(row, "BR") == 0) {
        /* BR and RET; BLR writes x30 after reading the target. */
        set(s, a64_bits(insn, 21, 2) == 1 ? FOP_BLR : FOP_BR, 0,
            rn_of(insn), 0, 0);
    }
}

/* Single general-register loads and stores: unsigned offset and the
 * unscaled (LDUR/STUR) form. No sign-extending loads, no prefetch. */
static void select_ldst(struct code_slot *s, bool scaled)
{
    static const enum fast_op loads[4] = { FOP_LDRB, FOP_LDRH, FOP_LDR_W,
                                           FOP_LDR_X };
    static const enum fast_op stores[4] = { FOP_STRB, FOP_STRH, FOP_STR_W,
                                            FOP_STR_X };
    uint32_t insn = s->insn;
    unsigned size = a64_bits(insn, 30, 2), opc = a64_bits(insn, 22, 2);
    uint64_t offset;

    if ((insn >> 26) & 1 || opc > 1)
        return;
    if (scaled)
        offset = (uint64_t)a64_bits(insn, 10, 12) << size;
    else if (a64_bits(insn, 10, 2) == 0)            /* LDUR/STUR only */
        offset = (uint64_t)a64_sbits(insn, 12, 9);
    else
        return;
    set(s, opc ? loads[size] : stores[size], rd_of(insn),
        sp_reg(rn_of(insn)), 0, offset);
}

/* LDR/STR (B, W, X) with pre- or post-index writeback. */
static void select_ldst_writeback(struct code_slot *s)
{
    uint32_t insn = s->insn;
    unsigned size = a64_bits(insn, 30, 2), opc = a64_bits(insn, 22, 2);
    unsigned mode = a64_bits(insn, 10, 2);
    unsigned rt = rd_of(insn), rn = rn_of(insn);
    int64_t offset = a64_sbits(insn, 12, 9);

    static const enum fast_op loads[4] = { FOP_LDRB_WB, FOP_GENERIC,
                                           FOP_LDR_W_WB, FOP_LDR_X_WB };
    static const enum fast_op stores[4] = { FOP_STRB_WB, FOP_GENERIC,
                                            FOP_STR_W_WB, FOP_STR_X_WB };

    if ((insn >> 26) & 1 || opc > 1 || size == 1 || (mode != 1 && mode != 3))
        return;
    /* A load into its own base: the handler's rule. */
    if (opc == 1 && rn == rt && rt != 31)
        return;
    set(s, opc ? loads[size] : stores[size], rt, sp_reg(rn), 0,
        FOP_PAIR_IMM(offset, mode));
}

/* LDR/STR (register offset) of B, W, X: base + extend(Rm) << shift. */
static void select_ldst_reg(struct code_slot *s)
{
    uint32_t insn = s->insn;
    unsigned size = a64_bits(insn, 30, 2), opc = a64_bits(insn, 22, 2);
    unsigned option = a64_bits(insn, 13, 3);
    unsigned shift = (insn >> 12) & 1 ? size : 0;
    enum fast_op op;

    if ((insn >> 26) & 1 || opc > 1 || size == 1 || !(option & 2))
        return;
    if (option == 2)
        shift |= FOP_INDEX_UXTW;
    else if (option == 6)
        shift |= FOP_INDEX_SXTW;
    else if (option != 3 && option != 7)
        return;
    switch (size) {
    case 0: op = opc ? FOP_LDRB_REG : FOP_STRB_REG; break;
    case 2: op = opc ? FOP_LDR_W_REG : FOP_STR_W_REG; break;
    default: op = opc ? FOP_LDR_X_REG : FOP_STR_X_REG; break;
    }
    set(s, op, rd_of(insn), sp_reg(rn_of(insn)), rm_of(insn), shift);
}

/* AND, ORR, EOR (immediate: Rd may be SP), ANDS (TST: Rd 31 is XZR). */
static void select_logic_imm(struct code_slot *s, enum fast_op op)
{
    uint32_t insn = s->insn;
    uint64_t mask = a64_logic_imm_value(insn);

    if (mask == 0)
        return;                         /* reserved: the handler's UNDEF */
    set(s, op, op == FOP_ANDSI ? rd_of(insn) : sp_reg(rd_of(insn)),
        rn_of(insn), insn >> 31, mask);
}

/* LDP, STP of X registers: signed offset, pre- and post-index. */
static void select_pair(struct code_slot *s)
{
    uint32_t insn = s->insn;
    unsigned opc = a64_bits(insn, 30, 2), mode = a64_bits(insn, 23, 2);
    unsigned rt = rd_of(insn), rt2 = A64_RT2(insn), rn = rn_of(insn);
    bool load = (insn >> 22) & 1;

    if (opc != 2 || (insn >> 26) & 1 || mode == 0)
        return;
    /* Loads into their own base or into one register twice have special
     * (or UNPREDICTABLE) rules: the handler keeps them. */
    if (load && (rt == rt2 || (mode != 2 && rn != 31 &&
                               (rn == rt || rn == rt2))))
        return;
    set(s, load ? FOP_LDP_X : FOP_STP_X, rt, sp_reg(rn), rt2,
        FOP_PAIR_IMM(a64_sbits(insn, 15, 7) * 8, mode));
}

void fastop_select(struct code_slot *s, const char *row)
{
    s->op = FOP_GENERIC;
    s->rd = s->rn = s->rm = 0;
    s->imm = 0;
    if (!row)
        return;
    switch (row[0]) {
    case 'A':
        if (strcmp(row, "ADD_imm") == 0)
            select_addsub_imm(s, false, false);
        else if (strcmp(row, "ADDS_imm") == 0)
            select_addsub_imm(s, false, true);
        else if (strcmp(row, "AND_reg") == 0)
            select_logic_reg(s, 0);
        else if (strcmp(row, "ADDSUB_shift") == 0)
            select_addsub_shift(s);
        else if (strcmp(row, "AND_imm") == 0)
            select_logic_imm(s, FOP_ANDI);
        else if (strcmp(row, "ANDS_imm") == 0)
            select_logic_imm(s, FOP_ANDSI);
        break;
    case 'S':
        if (strcmp(row, "SUB_imm") == 0)
            select_addsub_imm(s, true, false);
        else if (strcmp(row, "SUBS_imm") == 0)
            select_addsub_imm(s, true, true);
        else if (strcmp(row, "SBFM") == 0)
            select_bitfield(s, true);
        break;
    case 'U':
        if (strcmp(row, "UBFM") == 0)
            select_bitfield(s, false);
        break;
    case 'M':
        if (strcmp(row, "MOVE_wide") == 0)
            select_move_wide(s);
        break;
    case 'O':
        if (strcmp(row, "ORR_reg") == 0)
            select_logic_reg(s, 1);
        else if (strcmp(row, "ORR_imm") == 0)
            select_logic_imm(s, FOP_ORRI);
        break;
    case 'E':
        if (strcmp(row, "EOR_reg") == 0)
            select_logic_reg(s, 2);
        else if (strcmp(row, "EOR_imm") == 0)
            select_logic_imm(s, FOP_EORI);
        break;
    case 'D':
        if (strcmp(row, "DP_3src") == 0)
            select_dp_3src(s);
        break;
    case 'C':
        if (strcmp(row, "CSEL") == 0)
            select_csel(s);
        else
            select_branch(s, row);
        break;
    case 'B': case 'T':
        select_branch(s, row);
        break;
    case 'L':
        if (strcmp(row, "LDST_uimm") == 0)
            select_ldst(s, true);
        else if (strcmp(row, "LDST_imm9") == 0 &&
                 a64_bits(s->insn, 10, 2) == 0)
            select_ldst(s, false);
        else if (strcmp(row, "LDST_imm9") == 0)
            select_ldst_writeback(s);
        else if (strcmp(row, "LDST_reg") == 0)
            select_ldst_reg(s);
        else if (strcmp(row, "LDST_pair") == 0)
            select_pair(s);
        break;
    }
}
