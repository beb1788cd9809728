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
#include "cpu/fpu.h"

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
    fastop_sve_init();
}

static unsigned rd_of(uint32_t insn) { return A64_RD(insn); }
static unsigned rn_of(uint32_t insn) { return A64_RN(insn); }
static unsigned rm_of(uint32_t insn) { return A64_RM(insn); }
/* Rn or Rd in an encoding where 31 means SP. */
static unsigned sp_reg(unsigned r) { return r == 31 ? FOP_REG_SP : r; }

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
        fop_set(s, is64 ? FOP_ADDI_X : FOP_ADDI_W, sp_reg(rd_of(insn)),
            sp_reg(rn_of(insn)), 0, sub ? -imm : imm);
        return;
    }
    if (sub)
        fop_set(s, is64 ? FOP_SUBSI_X : FOP_SUBSI_W, rd_of(insn),
            sp_reg(rn_of(insn)), 0, imm);
    else
        fop_set(s, is64 ? FOP_ADDSI_X : FOP_ADDSI_W, rd_of(insn),
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
        fop_set(s, is64 ? FOP_MOVK_X : FOP_MOVK_W, rd_of(insn), 0, hw * 16,
                imm);
        return;
    }
    if (opc == 0)
        imm = ~imm;
    if (!is64)
        imm = (uint32_t)imm;
    fop_set(s, FOP_MOVI, rd_of(insn), 0, 0, imm);
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
    if (opc == 1 && rn_of(insn) == 31 && amount == 0) {
        /* MOV (register): the copy compiled code is full of. */
        fop_set(s, is64 ? FOP_MOV_X : FOP_MOV_W, rd_of(insn), 0, rm_of(insn),
                0);
        return;
    }
    fop_set(s, (type ? lsr : lsl)[opc][is64], rd_of(insn), rn_of(insn),
        rm_of(insn), amount);
}

/* ADD, ADDS, SUB, SUBS (shifted register) with LSL */
static void select_addsub_shift(struct code_slot *s)
{
    uint32_t insn = s->insn;
    bool is64 = insn >> 31, sub = (insn >> 30) & 1, flags = (insn >> 29) & 1;
    unsigned type = a64_bits(insn, 22, 2), amount = a64_bits(insn, 10, 6);
    enum fast_op op;

    if (type == 3 || (!is64 && amount >= 32))
        return;
    if (type != 0) {
        fop_set(s, FOP_ADDSUB_SH, rd_of(insn), rn_of(insn), rm_of(insn),
            amount | type << 6 | (is64 ? FOP_INT_X : 0) |
                (sub ? FOP_INT_SUB : 0) | (flags ? FOP_INT_FLAGS : 0));
        return;
    }
    if (flags)
        op = sub ? (is64 ? FOP_SUBS_X : FOP_SUBS_W)
                 : (is64 ? FOP_ADDS_X : FOP_ADDS_W);
    else
        op = sub ? (is64 ? FOP_SUB_X : FOP_SUB_W)
                 : (is64 ? FOP_ADD_X : FOP_ADD_W);
    fop_set(s, op, rd_of(insn), rn_of(insn), rm_of(insn), amount);
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
    fop_set(s, sign ? (is64 ? FOP_SBFM_X : FOP_SBFM_W)
                : (is64 ? FOP_UBFM_X : FOP_UBFM_W),
        rd_of(insn), rn_of(insn), 0,
        left | (right << 8) | ((uint64_t)up << 16));
}

/* MADD (MUL), MSUB (MNEG), SMADDL/UMADDL (SMULL, UMULL), SMSUBL/UMSUBL,
 * SMULH, UMULH. */
static void select_dp_3src(struct code_slot *s)
{
    uint32_t insn = s->insn;
    bool is64 = insn >> 31, o0 = (insn >> 15) & 1;
    unsigned op31 = a64_bits(insn, 21, 3), ra = a64_bits(insn, 10, 5);

    if (op31 == 0) {
        fop_set(s, o0 ? (is64 ? FOP_MSUB_X : FOP_MSUB_W)
                  : (is64 ? FOP_MADD_X : FOP_MADD_W),
            rd_of(insn), rn_of(insn), rm_of(insn), ra);
        return;
    }
    if (!is64)
        return;
    if (op31 == 1 || op31 == 5)
        fop_set(s, FOP_MADDL, rd_of(insn), rn_of(insn), rm_of(insn),
            ra | (o0 ? FOP_INT_SUB : 0) | (op31 == 1 ? FOP_INT_SIGNED : 0));
    else if ((op31 == 2 || op31 == 6) && !o0)
        fop_set(s, FOP_MULH, rd_of(insn), rn_of(insn), rm_of(insn),
            op31 == 2 ? FOP_INT_SIGNED : 0);
}

/* CSEL, CSINC (CSET, CINC); CSINV, CSNEG (imm: cond, FOP_INT_SUB for
 * CSNEG, FOP_INT_X) */
static void select_csel(struct code_slot *s)
{
    uint32_t insn = s->insn;
    bool is64 = insn >> 31;
    unsigned inc = (insn >> 10) & 1;

    if ((insn >> 30) & 1) {
        fop_set(s, FOP_CSINV, rd_of(insn), rn_of(insn), rm_of(insn),
            a64_bits(insn, 12, 4) | (inc ? FOP_INT_SUB : 0) |
                (is64 ? FOP_INT_X : 0));
        return;
    }
    fop_set(s, inc ? (is64 ? FOP_CSINC_X : FOP_CSINC_W)
               : (is64 ? FOP_CSEL_X : FOP_CSEL_W),
        rd_of(insn), rn_of(insn), rm_of(insn), a64_bits(insn, 12, 4));
}

/* Branches: imm is the offset from the branch's own pc. */
static void select_branch(struct code_slot *s, const char *row)
{
    uint32_t insn = s->insn;

    if (strcmp(row, "B") == 0) {
        fop_set(s, insn >> 31 ? FOP_BL : FOP_B, 0, 0, 0,
            (uint64_t)(a64_sbits(insn, 0, 26) * 4));
    } else if (strcmp(row, "B_cond") == 0) {
        fop_set(s, FOP_BCOND, a64_bits(insn, 0, 4), 0, 0,
            (uint64_t)(a64_sbits(insn, 5, 19) * 4));
    } else if (strcmp(row, "CBZ") == 0) {
        bool is64 = insn >> 31, nz = (insn >> 24) & 1;
        fop_set(s, nz ? (is64 ? FOP_CBNZ_X : FOP_CBNZ_W)
                  : (is64 ? FOP_CBZ_X : FOP_CBZ_W),
            rd_of(insn), 0, 0, (uint64_t)(a64_sbits(insn, 5, 19) * 4));
    } else if (strcmp(row, "TBZ") == 0) {
        unsigned bit = (a64_bits(insn, 31, 1) << 5) | a64_bits(insn, 19, 5);
        fop_set(s, (insn >> 24) & 1 ? FOP_TBNZ : FOP_TBZ, rd_of(insn), bit, 0,
            (uint64_t)(a64_sbits(insn, 5, 14) * 4));
    } else if (strcmp(row, "BR") == 0) {
        /* BR and RET; BLR writes x30 after reading the target. */
        fop_set(s, a64_bits(insn, 21, 2) == 1 ? FOP_BLR : FOP_BR, 0,
            rn_of(insn), 0, 0);
    }
}

/* The access size of a SIMD&FP single-register load or store (size:opc),
 * or 0 for the sizes without a fast form (B, H) and unallocated ones. */
static unsigned simd_ldst_bytes(uint32_t insn, bool *load)
{
    unsigned size = a64_bits(insn, 30, 2), opc = a64_bits(insn, 22, 2);
    unsigned bytes = (opc & 2) ? (size == 0 ? 16 : 0) : 1u << size;

    *load = opc & 1;
    return bytes >= 4 ? bytes : 0;
}

/* One fast operation per access size 4, 8, 16 bytes; load or store. */
static enum fast_op simd_op(const enum fast_op ops[6], unsigned bytes,
                            bool load)
{
    unsigned i = bytes == 4 ? 0 : bytes == 8 ? 1 : 2;
    return ops[load ? i : 3 + i];
}

/* LDR/STR of S, D, Q registers: unsigned offset and unscaled (LDUR). */
static void select_ldst_simd(struct code_slot *s, bool scaled)
{
    static const enum fast_op ops[6] = { FOP_LDR_S, FOP_LDR_D, FOP_LDR_Q,
                                         FOP_STR_S, FOP_STR_D, FOP_STR_Q };
    uint32_t insn = s->insn;
    bool load;
    unsigned bytes = simd_ldst_bytes(insn, &load);
    uint64_t offset;

    if (!bytes)
        return;
    if (scaled)
        offset = (uint64_t)a64_bits(insn, 10, 12) * bytes;
    else if (a64_bits(insn, 10, 2) == 0)            /* LDUR/STUR only */
        offset = (uint64_t)a64_sbits(insn, 12, 9);
    else
        return;
    fop_set(s, simd_op(ops, bytes, load), rd_of(insn), sp_reg(rn_of(insn)), 0,
        offset);
}

/* Single general-register loads and stores: unsigned offset and the
 * unscaled (LDUR/STUR) form, sign-extending loads too; no prefetch. */
static void select_ldst(struct code_slot *s, bool scaled)
{
    static const enum fast_op loads[4] = { FOP_LDRB, FOP_LDRH, FOP_LDR_W,
                                           FOP_LDR_X };
    static const enum fast_op stores[4] = { FOP_STRB, FOP_STRH, FOP_STR_W,
                                            FOP_STR_X };
    /* opc 2: to 64 bits (size 3 is PRFM); opc 3: to 32 bits. */
    static const enum fast_op sign_loads[2][4] = {
        { FOP_LDRSB_X, FOP_LDRSH_X, FOP_LDRSW, FOP_GENERIC },
        { FOP_LDRSB_W, FOP_LDRSH_W, FOP_GENERIC, FOP_GENERIC } };
    uint32_t insn = s->insn;
    unsigned size = a64_bits(insn, 30, 2), opc = a64_bits(insn, 22, 2);
    uint64_t offset;
    enum fast_op op;

    if ((insn >> 26) & 1) {
        select_ldst_simd(s, scaled);
        return;
    }
    op = opc == 0 ? stores[size] : opc == 1 ? loads[size]
                                            : sign_loads[opc - 2][size];
    if (op == FOP_GENERIC)
        return;
    if (scaled)
        offset = (uint64_t)a64_bits(insn, 10, 12) << size;
    else if (a64_bits(insn, 10, 2) == 0)            /* LDUR/STUR only */
        offset = (uint64_t)a64_sbits(insn, 12, 9);
    else
        return;
    fop_set(s, op, rd_of(insn), sp_reg(rn_of(insn)), 0, offset);
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

    if (mode != 1 && mode != 3)
        return;
    if ((insn >> 26) & 1) {
        static const enum fast_op ops[6] = {
            FOP_LDR_S_WB, FOP_LDR_D_WB, FOP_LDR_Q_WB,
            FOP_STR_S_WB, FOP_STR_D_WB, FOP_STR_Q_WB };
        bool load;
        unsigned bytes = simd_ldst_bytes(insn, &load);
        if (bytes)
            fop_set(s, simd_op(ops, bytes, load), rt, sp_reg(rn), 0,
                FOP_PAIR_IMM(offset, mode));
        return;
    }
    if (opc > 1 || size == 1)
        return;
    /* A load into its own base: the handler's rule. */
    if (opc == 1 && rn == rt && rt != 31)
        return;
    fop_set(s, opc ? loads[size] : stores[size], rt, sp_reg(rn), 0,
        FOP_PAIR_IMM(offset, mode));
}

/* LDR/STR (register offset) of B, H, W, X, LDRSW, and S, D, Q:
 * base + extend(Rm) << shift. */
static void select_ldst_reg(struct code_slot *s)
{
    static const enum fast_op loads[4] = { FOP_LDRB_REG, FOP_LDRH_REG,
                                           FOP_LDR_W_REG, FOP_LDR_X_REG };
    static const enum fast_op stores[4] = { FOP_STRB_REG, FOP_STRH_REG,
                                            FOP_STR_W_REG, FOP_STR_X_REG };
    static const enum fast_op simd_ops[6] = {
        FOP_LDR_S_REG, FOP_LDR_D_REG, FOP_LDR_Q_REG,
        FOP_STR_S_REG, FOP_STR_D_REG, FOP_STR_Q_REG };
    uint32_t insn = s->insn;
    unsigned size = a64_bits(insn, 30, 2), opc = a64_bits(insn, 22, 2);
    unsigned option = a64_bits(insn, 13, 3);
    bool scaled = (insn >> 12) & 1;
    unsigned shift;
    enum fast_op op;

    if (!(option & 2))
        return;
    if ((insn >> 26) & 1) {
        bool load;
        unsigned bytes = simd_ldst_bytes(insn, &load);
        if (!bytes)
            return;
        op = simd_op(simd_ops, bytes, load);
        shift = scaled ? (unsigned)__builtin_ctz(bytes) : 0;
    } else {
        if (opc == 0)
            op = stores[size];
        else if (opc == 1)
            op = loads[size];
        else if (opc == 2 && size == 2)
            op = FOP_LDRSW_REG;
        else
            return;
        shift = scaled ? size : 0;
    }
    if (option == 2)
        shift |= FOP_INDEX_UXTW;
    else if (option == 6)
        shift |= FOP_INDEX_SXTW;
    else if (option != 3 && option != 7)
        return;
    fop_set(s, op, rd_of(insn), sp_reg(rn_of(insn)), rm_of(insn), shift);
}

/* AND, ORR, EOR (immediate: Rd may be SP), ANDS (TST: Rd 31 is XZR). */
static void select_logic_imm(struct code_slot *s, enum fast_op op)
{
    uint32_t insn = s->insn;
    uint64_t mask = a64_logic_imm_value(insn);

    if (mask == 0)
        return;                         /* reserved: the handler's UNDEF */
    fop_set(s, op, op == FOP_ANDSI ? rd_of(insn) : sp_reg(rd_of(insn)),
        rn_of(insn), insn >> 31, mask);
}

/* LDP, STP of S, D, Q registers: every mode (LDNP/STNP, mode 0, is the
 * signed-offset form). A load into one register twice keeps the second
 * value, as the handler does. */
static void select_pair_simd(struct code_slot *s)
{
    static const enum fast_op loads[3] = { FOP_LDP_S, FOP_LDP_D, FOP_LDP_Q };
    static const enum fast_op stores[3] = { FOP_STP_S, FOP_STP_D, FOP_STP_Q };
    uint32_t insn = s->insn;
    unsigned opc = a64_bits(insn, 30, 2), mode = a64_bits(insn, 23, 2);
    bool load = (insn >> 22) & 1;

    if (opc == 3)
        return;
    fop_set(s, (load ? loads : stores)[opc], rd_of(insn), sp_reg(rn_of(insn)),
        A64_RT2(insn),
        FOP_PAIR_IMM(a64_sbits(insn, 15, 7) * (4 << opc), mode ? mode : 2));
}

/* LDP, STP of X and W registers: signed offset, pre- and post-index. */
static void select_pair(struct code_slot *s)
{
    uint32_t insn = s->insn;
    unsigned opc = a64_bits(insn, 30, 2), mode = a64_bits(insn, 23, 2);
    unsigned rt = rd_of(insn), rt2 = A64_RT2(insn), rn = rn_of(insn);
    bool load = (insn >> 22) & 1;

    if ((insn >> 26) & 1) {
        select_pair_simd(s);
        return;
    }
    if ((opc != 0 && opc != 2) || mode == 0)
        return;
    /* Loads into their own base or into one register twice have special
     * (or UNPREDICTABLE) rules: the handler keeps them. */
    if (load && (rt == rt2 || (mode != 2 && rn != 31 &&
                               (rn == rt || rn == rt2))))
        return;
    if (opc == 2)
        fop_set(s, load ? FOP_LDP_X : FOP_STP_X, rt, sp_reg(rn), rt2,
            FOP_PAIR_IMM(a64_sbits(insn, 15, 7) * 8, mode));
    else
        fop_set(s, load ? FOP_LDP_W : FOP_STP_W, rt, sp_reg(rn), rt2,
            FOP_PAIR_IMM(a64_sbits(insn, 15, 7) * 4, mode));
}

/* --- scalar FP (ftype 00 single, 01 double; half stays generic) ------ */

/* FMUL, FDIV, FADD, FSUB (the fast forms of FP_2src). */
static void select_fp_2src(struct code_slot *s)
{
    static const enum fast_op ops[2][4] = {
        { FOP_FMUL_S, FOP_FDIV_S, FOP_FADD_S, FOP_FSUB_S },
        { FOP_FMUL_D, FOP_FDIV_D, FOP_FADD_D, FOP_FSUB_D } };
    uint32_t insn = s->insn;
    unsigned type = a64_bits(insn, 22, 2), opcode = a64_bits(insn, 12, 4);

    if (type > 1 || opcode > 3)
        return;
    fop_set(s, ops[type][opcode], rd_of(insn), rn_of(insn), rm_of(insn), 0);
}

/* FMADD, FMSUB, FNMADD, FNMSUB: o1 (bit 21) negates the addend, o1 != o0
 * (bit 15) the product's first operand. */
static void select_fp_3src(struct code_slot *s)
{
    uint32_t insn = s->insn;
    unsigned type = a64_bits(insn, 22, 2);
    bool o1 = (insn >> 21) & 1, o0 = (insn >> 15) & 1;

    if (type > 1)
        return;
    fop_set(s, type ? FOP_FMADD_D : FOP_FMADD_S, rd_of(insn), rn_of(insn),
        rm_of(insn),
        a64_bits(insn, 10, 5) | (o1 != o0 ? FOP_FP_NEG_N : 0) |
            (o1 ? FOP_FP_NEG_A : 0));
}

/* FSQRT, FCMP/FCMPE (register or #0.0), FMOV (register, immediate). */
static void select_fp_1src(struct code_slot *s, const char *row)
{
    uint32_t insn = s->insn;
    unsigned type = a64_bits(insn, 22, 2);
    static const uint64_t width_mask[4] = { 0xffffffffu, ~0ull, 0, 0xffffu };

    if (type == 2)
        return;                         /* unallocated: the handler */
    if (strcmp(row, "FMOV_reg") == 0) {
        fop_set(s, FOP_FMOV_V, rd_of(insn), rn_of(insn), 0, width_mask[type]);
    } else if (strcmp(row, "FMOV_imm") == 0) {
        uint8_t imm8 = (uint8_t)a64_bits(insn, 13, 8);
        uint64_t v = type == 0 ? fpu32_expand_imm(imm8)
                   : type == 1 ? fpu64_expand_imm(imm8)
                               : fpu16_expand_imm(imm8);
        fop_set(s, FOP_FMOVI_V, rd_of(insn), 0, 0, v);
    } else if (type == 3) {
        return;
    } else if (strcmp(row, "FSQRT") == 0) {
        fop_set(s, type ? FOP_FSQRT_D : FOP_FSQRT_S, rd_of(insn), rn_of(insn),
                0,
            0);
    } else if (strcmp(row, "FCMP") == 0) {
        fop_set(s, type ? FOP_FCMP_D : FOP_FCMP_S, 0, rn_of(insn), rm_of(insn),
            (insn >> 3) & 1 ? FOP_FP_CMP_ZERO : 0);
    }
}

/* FMOV between general and FP registers, W<->S and X<->D. */
static void select_fmov_gpr(struct code_slot *s, const char *row)
{
    uint32_t insn = s->insn;

    if (strcmp(row, "FMOV_w_from_s") == 0)
        fop_set(s, FOP_FMOV_TO_X, rd_of(insn), rn_of(insn), 0, 0xffffffffu);
    else if (strcmp(row, "FMOV_x_from_d") == 0)
        fop_set(s, FOP_FMOV_TO_X, rd_of(insn), rn_of(insn), 0, ~0ull);
    else if (strcmp(row, "FMOV_s_from_w") == 0)
        fop_set(s, FOP_FMOV_FROM_X, rd_of(insn), rn_of(insn), 0, 0xffffffffu);
    else if (strcmp(row, "FMOV_d_from_x") == 0)
        fop_set(s, FOP_FMOV_FROM_X, rd_of(insn), rn_of(insn), 0, ~0ull);
}

/* --- AdvSIMD vectors -------------------------------------------------- */

/* ADD/SUB, MUL, MLA/MLS and the logical operations (three same). */
static void select_vec_int(struct code_slot *s, const char *row)
{
    uint32_t insn = s->insn;
    unsigned size = a64_bits(insn, 22, 2), u = (insn >> 29) & 1;
    uint64_t q = (insn >> 30) & 1 ? FOP_VEC_Q : 0;
    enum fast_op op;

    if (strcmp(row, "SIMD_logic") == 0) {
        fop_set(s, FOP_VLOGIC, rd_of(insn), rn_of(insn), rm_of(insn),
            q | (uint64_t)(u << 2 | size) << FOP_VEC_LOGIC_SHIFT);
        return;
    }
    if (strcmp(row, "ADD_SUB") == 0) {
        if (size == 3 && !q)
            return;                     /* reserved */
        op = u ? FOP_VSUB : FOP_VADD;
    } else if (strcmp(row, "MUL_PMUL") == 0) {
        if (size == 3 || u)
            return;                     /* reserved, PMUL */
        op = FOP_VMUL;
    } else if (strcmp(row, "MLA_MLS") == 0) {
        if (size == 3)
            return;
        op = u ? FOP_VMLS : FOP_VMLA;
    } else {
        return;
    }
    fop_set(s, op, rd_of(insn), rn_of(insn), rm_of(insn), q | size);
}

/* FADD, FSUB, FMUL, FDIV, FMLA, FMLS (vector, single and double). */
static void select_vec_fp(struct code_slot *s)
{
    uint32_t insn = s->insn;
    unsigned key = (insn >> 29 & 1) << 4 | a64_bits(insn, 23, 1) << 3 |
                   a64_bits(insn, 11, 3);
    unsigned size = 2 + a64_bits(insn, 22, 1);
    uint64_t q = (insn >> 30) & 1 ? FOP_VEC_Q : 0;
    enum fast_op op;

    switch (key) {
    case 0x02: op = FOP_VFADD; break;
    case 0x0a: op = FOP_VFSUB; break;
    case 0x13: op = FOP_VFMUL; break;
    case 0x17: op = FOP_VFDIV; break;
    case 0x01: op = FOP_VFMLA; break;
    case 0x09: op = FOP_VFMLS; break;
    default: return;
    }
    if (size == 3 && !q)
        return;                         /* reserved */
    fop_set(s, op, rd_of(insn), rn_of(insn), rm_of(insn), q | size);
}

/* MAX/MIN, CMGT/CMHI, CMGE/CMHS, CMEQ/CMTST (three same vectors). */
static void select_vec_cmp(struct code_slot *s, enum fast_op op)
{
    uint32_t insn = s->insn;
    unsigned size = a64_bits(insn, 22, 2), u = (insn >> 29) & 1;
    uint64_t q = (insn >> 30) & 1 ? FOP_VEC_Q : 0;

    if (size == 3 && (!q || op == FOP_VMAX || op == FOP_VMIN))
        return;                         /* reserved */
    if (op == FOP_VCMTST)               /* U=1: CMEQ; U=0: CMTST */
        op = u ? FOP_VCMEQ : FOP_VCMTST;
    else if (!u)
        q |= FOP_VEC_SIGNED;
    fop_set(s, op, rd_of(insn), rn_of(insn), rm_of(insn), q | size);
}

/* SSHR/USHR, SSRA/USRA, SHL; SSHLL/USHLL (SXTL, UXTL). */
static void select_vec_shift(struct code_slot *s, enum fast_op op)
{
    uint32_t insn = s->insn;
    unsigned immh = a64_bits(insn, 19, 4), immhb = a64_bits(insn, 16, 7);
    unsigned u = (insn >> 29) & 1, size, esize, amount;
    uint64_t q = (insn >> 30) & 1 ? FOP_VEC_Q : 0;

    if (!immh)
        return;
    size = 31u - (unsigned)__builtin_clz(immh);
    esize = 8u << size;
    if (op == FOP_VSHLL) {
        if (size == 3)
            return;
        amount = immhb - esize;
    } else {
        if (size == 3 && !q)
            return;
        if (op == FOP_VSHL) {
            if (u)
                return;                 /* SLI */
            amount = immhb - esize;
        } else {
            amount = 2 * esize - immhb;   /* 1..esize */
            if (amount == esize) {
                if (u)
                    return;             /* all bits out: the handler */
                amount = esize - 1;     /* the same sign fill */
            }
        }
    }
    fop_set(s, op, rd_of(insn), rn_of(insn), 0,
        q | size | (u ? 0 : FOP_VEC_SIGNED) | (uint64_t)amount << 8);
}

/* SADDW/UADDW, SSUBW/USUBW, SADDL/UADDL, SSUBL/USUBL (and the "2"s). */
static void select_vec_widen(struct code_slot *s, enum fast_op op)
{
    uint32_t insn = s->insn;
    unsigned size = a64_bits(insn, 22, 2), u = (insn >> 29) & 1;
    uint64_t q = (insn >> 30) & 1 ? FOP_VEC_Q : 0;

    if (size == 3)
        return;
    fop_set(s, op, rd_of(insn), rn_of(insn), rm_of(insn),
        q | size | (u ? 0 : FOP_VEC_SIGNED));
}

/* MAXP/MINP (S and U), ADDP (vector). */
static void select_vec_pairwise(struct code_slot *s, enum fast_op op)
{
    uint32_t insn = s->insn;
    unsigned size = a64_bits(insn, 22, 2), u = (insn >> 29) & 1;
    uint64_t q = (insn >> 30) & 1 ? FOP_VEC_Q : 0;

    if (size == 3 && (!q || op != FOP_VADDP))
        return;                         /* reserved */
    fop_set(s, op, rd_of(insn), rn_of(insn), rm_of(insn),
        q | size | (op != FOP_VADDP && !u ? FOP_VEC_SIGNED : 0));
}

/* CMGT/CMGE, CMEQ/CMLE, CMLT against zero (vector two-register misc). */
static void select_vec_cmz(struct code_slot *s, enum fast_op kind)
{
    uint32_t insn = s->insn;
    unsigned size = a64_bits(insn, 22, 2), u = (insn >> 29) & 1;
    uint64_t q = (insn >> 30) & 1 ? FOP_VEC_Q : 0;
    unsigned cmp;

    if (size == 3 && !q)
        return;
    /* kind carries the row: 0 CMGT/CMGE, 1 CMEQ/CMLE, 2 CMLT */
    switch ((unsigned)kind) {
    case 0: cmp = u ? FOP_VEC_CMZ_GE : FOP_VEC_CMZ_GT; break;
    case 1: cmp = u ? FOP_VEC_CMZ_LE : FOP_VEC_CMZ_EQ; break;
    default: cmp = FOP_VEC_CMZ_LT; break;
    }
    fop_set(s, FOP_VCMZ, rd_of(insn), rn_of(insn), 0,
        q | size | FOP_VEC_SIGNED | (uint64_t)cmp << FOP_VEC_LOGIC_SHIFT);
}

/* The AdvSIMD rows with vector fast forms, by name. */
static void select_vec(struct code_slot *s, const char *row)
{
    static const struct {
        const char *row;
        void (*select)(struct code_slot *s, enum fast_op op);
        enum fast_op op;
    } rows[] = {
        { "MAX", select_vec_cmp, FOP_VMAX },
        { "MIN", select_vec_cmp, FOP_VMIN },
        { "CMGT_CMHI", select_vec_cmp, FOP_VCMGT },
        { "CMGE_CMHS", select_vec_cmp, FOP_VCMGE },
        { "CMTST_CMEQ", select_vec_cmp, FOP_VCMTST },
        { "SHR", select_vec_shift, FOP_VSHR },
        { "SRA", select_vec_shift, FOP_VSRA },
        { "SHL_SLI", select_vec_shift, FOP_VSHL },
        { "SHLL_imm", select_vec_shift, FOP_VSHLL },
        { "ADDW", select_vec_widen, FOP_VADDW },
        { "SUBW", select_vec_widen, FOP_VSUBW },
        { "ADDL", select_vec_widen, FOP_VADDL },
        { "SUBL", select_vec_widen, FOP_VSUBL },
        { "MAXP", select_vec_pairwise, FOP_VMAXP },
        { "MINP", select_vec_pairwise, FOP_VMINP },
        { "ADDP", select_vec_pairwise, FOP_VADDP },
        { "CMGT_CMGE_zero", select_vec_cmz, (enum fast_op)0 },
        { "CMEQ_CMLE_zero", select_vec_cmz, (enum fast_op)1 },
        { "CMLT_zero", select_vec_cmz, (enum fast_op)2 },
    };
    uint32_t insn = s->insn;
    /* three same, three different, two-register misc: 0qu0 1110 xx1;
     * shift by immediate: 0qu0 1111 0 */
    bool same_or_diff = (insn & 0x9f200000u) == 0x0e200000u;
    bool shift = (insn & 0x9f800400u) == 0x0f000400u;

    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        if (strcmp(row, rows[i].row) != 0)
            continue;
        if (rows[i].select == select_vec_shift ? shift : same_or_diff)
            rows[i].select(s, rows[i].op);
        return;
    }
}

/* CCMP, CCMN (register and immediate). */
static void select_ccmp(struct code_slot *s)
{
    uint32_t insn = s->insn;
    bool is64 = insn >> 31, sub = (insn >> 30) & 1, imm = (insn >> 11) & 1;

    fop_set(s, sub ? (is64 ? FOP_CCMP_X : FOP_CCMP_W)
               : (is64 ? FOP_CCMN_X : FOP_CCMN_W),
        0, rn_of(insn), rm_of(insn),
        a64_bits(insn, 12, 4) | a64_bits(insn, 0, 4) << 4 |
            (imm ? FOP_CCMP_IMM | (uint64_t)a64_bits(insn, 16, 5) << 16 : 0));
}

/* ANDS (TST), BICS with LSL, LSR or ASR (not ROR). */
static void select_ands_reg(struct code_slot *s)
{
    uint32_t insn = s->insn;
    bool is64 = insn >> 31, invert = (insn >> 21) & 1;
    unsigned type = a64_bits(insn, 22, 2), amount = a64_bits(insn, 10, 6);

    if (type == 3 || (!is64 && amount >= 32))
        return;
    fop_set(s, is64 ? FOP_ANDS_X : FOP_ANDS_W, rd_of(insn), rn_of(insn),
        rm_of(insn),
        amount | (uint64_t)type << 8 | (invert ? FOP_ANDS_INVERT : 0));
}

/* ADR, ADRP: the offset, independent of the instruction's address. */
static void select_adr(struct code_slot *s)
{
    uint32_t insn = s->insn;
    int64_t imm = a64_sbits(insn, 5, 19) * 4 + a64_bits(insn, 29, 2);

    if (insn >> 31)
        fop_set(s, FOP_ADRP, rd_of(insn), 0, 0, (uint64_t)(imm * 4096));
    else
        fop_set(s, FOP_ADR, rd_of(insn), 0, 0, (uint64_t)imm);
}

/* ADD/SUB (extended register), flags or not; shifts above 4 are the
 * handler's UNDEFINED. Without flags Rd 31 is SP, with flags XZR. */
static void select_addsub_ext(struct code_slot *s)
{
    uint32_t insn = s->insn;
    bool is64 = insn >> 31, sub = (insn >> 30) & 1, flags = (insn >> 29) & 1;
    unsigned shift = a64_bits(insn, 10, 3), option = a64_bits(insn, 13, 3);

    if (shift > 4)
        return;
    fop_set(s, FOP_ADDEXT, flags ? rd_of(insn) : sp_reg(rd_of(insn)),
        sp_reg(rn_of(insn)), rm_of(insn),
        option | shift << 3 | (is64 ? FOP_INT_X : 0) |
            (sub ? FOP_INT_SUB : 0) | (flags ? FOP_INT_FLAGS : 0));
}

/* UDIV, SDIV, LSLV, LSRV, ASRV, RORV; RBIT, REV16, REV32/REV, REV, CLZ. */
static void select_dp_12src(struct code_slot *s, bool two)
{
    uint32_t insn = s->insn;
    bool is64 = insn >> 31;
    unsigned opcode = a64_bits(insn, 10, 6);

    if (two ? !(opcode == 2 || opcode == 3 || (opcode >= 8 && opcode <= 11))
            : (opcode > 4 || (opcode == 3 && !is64)))
        return;
    fop_set(s, two ? FOP_DP2 : FOP_DP1, rd_of(insn), rn_of(insn),
        two ? rm_of(insn) : 0, opcode | (is64 ? FOP_INT_X : 0));
}

/* EXTR (ROR immediate) with N = sf and, for W, lsb below 32. */
static void select_extr(struct code_slot *s)
{
    uint32_t insn = s->insn;
    bool is64 = insn >> 31;
    unsigned n = (insn >> 22) & 1, lsb = a64_bits(insn, 10, 6);

    if (n != (unsigned)is64 || (!is64 && lsb >= 32))
        return;
    fop_set(s, is64 ? FOP_EXTR_X : FOP_EXTR_W, rd_of(insn), rn_of(insn),
        rm_of(insn), lsb);
}

/* ADC, ADCS, SBC, SBCS. */
static void select_adc(struct code_slot *s)
{
    uint32_t insn = s->insn;

    fop_set(s, FOP_ADC, rd_of(insn), rn_of(insn), rm_of(insn),
        (insn >> 31 ? FOP_INT_X : 0) | ((insn >> 30) & 1 ? FOP_INT_SUB : 0) |
            ((insn >> 29) & 1 ? FOP_INT_FLAGS : 0));
}

/* HINT: imm 1 for the hints that are NOPs whatever PAuth says; the
 * PAuth ones (XPACLRI, PACIA1716 ..., PACIAZ ..., PACIASP ...) run the
 * handler when PAuth is on. */
static void select_hint(struct code_slot *s)
{
    unsigned crm_op2 = a64_bits(s->insn, 5, 7);
    bool pauth = crm_op2 == 7 || (crm_op2 >= 8 && crm_op2 <= 14 && !(crm_op2 & 1)) ||
                 (crm_op2 >= 24 && crm_op2 <= 31);

    fop_set(s, FOP_HINT, 0, 0, 0, pauth ? 0 : 1);
}

/* Row names are unique per encoding class only (SVE has an MLA_MLS too):
 * the fast forms below also check the class's fixed bits. */
static bool is_fp_scalar(uint32_t insn) { return (insn >> 24) == 0x1e; }
static bool is_fp_3src(uint32_t insn) { return (insn >> 24) == 0x1f; }
static bool is_fmov_gpr(uint32_t insn)
{
    return (insn & 0x7f000000u) == 0x1e000000u;
}
/* Logical (shifted register), conditional compare. */
static bool is_logic_reg(uint32_t insn)
{
    return (insn & 0x1f000000u) == 0x0a000000u;
}
static bool is_ccmp(uint32_t insn)
{
    return (insn & 0x1fe00000u) == 0x1a400000u;
}
static bool is_simd_3same(uint32_t insn)
{
    return (insn & 0x9f200400u) == 0x0e200400u;
}

static void select_any(struct code_slot *s, const char *row)
{
    s->op = FOP_GENERIC;
    s->rd = s->rn = s->rm = 0;
    s->imm = 0;
    if (!row)
        return;
    if (((s->insn >> 25) & 0xf) == 0x2) {   /* the SVE encoding space */
        fastop_select_sve(s, row);
        if (s->op != FOP_GENERIC)
            return;
    }
    if (fastop_select_extra(s, row))
        return;
    select_vec(s, row);
    if (s->op != FOP_GENERIC)
        return;
    switch (row[0]) {
    case 'A':
        if (strcmp(row, "ADD_SUB") == 0 && is_simd_3same(s->insn))
            select_vec_int(s, row);
        else if (strcmp(row, "ADD_imm") == 0)
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
        else if (strcmp(row, "ANDS_reg") == 0 && is_logic_reg(s->insn))
            select_ands_reg(s);
        else if (strcmp(row, "ADR") == 0 && (s->insn & 0x1f000000u) == 0x10000000u)
            select_adr(s);
        else if (strcmp(row, "ADDSUB_ext") == 0 &&
                 (s->insn & 0x1fe00000u) == 0x0b200000u)
            select_addsub_ext(s);
        else if (strcmp(row, "ADC_SBC") == 0 &&
                 (s->insn & 0x1fe0fc00u) == 0x1a000000u)
            select_adc(s);
        break;
    case 'S':
        if (strcmp(row, "SUB_imm") == 0)
            select_addsub_imm(s, true, false);
        else if (strcmp(row, "SUBS_imm") == 0)
            select_addsub_imm(s, true, true);
        else if (strcmp(row, "SBFM") == 0)
            select_bitfield(s, true);
        else if (strcmp(row, "SIMD_logic") == 0 && is_simd_3same(s->insn))
            select_vec_int(s, row);
        break;
    case 'U':
        if (strcmp(row, "UBFM") == 0)
            select_bitfield(s, false);
        break;
    case 'M':
        if (strcmp(row, "MOVE_wide") == 0)
            select_move_wide(s);
        else if (strcmp(row, "MRS") == 0 &&
                 (s->insn & 0xffffffe0u) == 0xd53bd040u)
            fop_set(s, FOP_MRS_TPIDR, rd_of(s->insn), 0, 0, 0);
        else if ((strcmp(row, "MUL_PMUL") == 0 ||
                  strcmp(row, "MLA_MLS") == 0) && is_simd_3same(s->insn))
            select_vec_int(s, row);
        break;
    case 'F':
        if (strcmp(row, "FP_3src") == 0 && is_fp_3src(s->insn))
            select_fp_3src(s);
        else if (strcmp(row, "FP_3same") == 0 && is_simd_3same(s->insn))
            select_vec_fp(s);
        else if (strncmp(row, "FMOV_", 5) == 0 && strlen(row) == 13 &&
                 is_fmov_gpr(s->insn))
            select_fmov_gpr(s, row);
        else if (strcmp(row, "FP_2src") == 0 && is_fp_scalar(s->insn))
            select_fp_2src(s);
        else if (is_fp_scalar(s->insn))
            select_fp_1src(s, row);
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
        else if (strcmp(row, "EXTR") == 0 && (s->insn & 0x7f800000u) == 0x13800000u)
            select_extr(s);
        break;
    case 'D':
        if ((s->insn & 0x1f000000u) == 0x1b000000u && strcmp(row, "DP_3src") == 0)
            select_dp_3src(s);
        else if ((s->insn & 0x7fe00000u) == 0x1ac00000u &&
                 strcmp(row, "DP_2src") == 0)
            select_dp_12src(s, true);
        else if ((s->insn & 0x7fe00000u) == 0x5ac00000u &&
                 strcmp(row, "DP_1src") == 0)
            select_dp_12src(s, false);
        break;
    case 'H':
        if (strcmp(row, "HINT") == 0 && (s->insn & 0xfffff01fu) == 0xd503201fu)
            select_hint(s);
        break;
    case 'C':
        if (strcmp(row, "CSEL") == 0)
            select_csel(s);
        else if (strcmp(row, "CCMP") == 0 && is_ccmp(s->insn))
            select_ccmp(s);
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

/* The operations that write Rd (and a pair's Rt2 in rm) without setting
 * flags: the run loop writes them without re-zeroing x[31] (SET_XN), so
 * a destination of 31, which means XZR for them, is left to the handler.
 * The flag-setting forms keep Rd = 31 (CMP, CMN, TST). */
static bool writes_x_without_flags(unsigned op)
{
    switch (op) {
    case FOP_AND_X: case FOP_AND_W: case FOP_ORR_X: case FOP_ORR_W:
    case FOP_EOR_X: case FOP_EOR_W: case FOP_ANDLSR_X: case FOP_ANDLSR_W:
    case FOP_ORRLSR_X: case FOP_ORRLSR_W: case FOP_EORLSR_X:
    case FOP_EORLSR_W: case FOP_MOV_X: case FOP_MOV_W:
    case FOP_LDR_X: case FOP_LDR_W: case FOP_LDRH: case FOP_LDRB:
    case FOP_LDR_X_WB: case FOP_LDR_W_WB: case FOP_LDRB_WB:
    case FOP_LDR_X_REG: case FOP_LDR_W_REG: case FOP_LDRB_REG:
    case FOP_LDRSW: case FOP_LDRSH_X: case FOP_LDRSH_W: case FOP_LDRSB_X:
    case FOP_LDRSB_W: case FOP_LDRSW_REG: case FOP_LDRH_REG:
    case FOP_ADD_X: case FOP_ADD_W: case FOP_SUB_X: case FOP_SUB_W:
    case FOP_UBFM_X: case FOP_UBFM_W: case FOP_SBFM_X: case FOP_SBFM_W:
    case FOP_MADD_X: case FOP_MADD_W: case FOP_CSEL_X: case FOP_CSEL_W:
    case FOP_CSINC_X: case FOP_CSINC_W: case FOP_MOVI: case FOP_MOVK_X:
    case FOP_MOVK_W: case FOP_LDP_X: case FOP_LDP_W: case FOP_ADR:
    case FOP_ADRP: case FOP_CSINV: case FOP_DP1: case FOP_DP2:
    case FOP_EXTR_X: case FOP_EXTR_W: case FOP_MSUB_X: case FOP_MSUB_W:
    case FOP_MADDL: case FOP_MULH: case FOP_MRS_TPIDR: case FOP_FMOV_TO_X:
        return true;
    default:
        return false;
    }
}

void fastop_select(struct code_slot *s, const char *row)
{
    select_any(s, row);
    if (writes_x_without_flags(s->op) &&
        (s->rd == 31 ||
         ((s->op == FOP_LDP_X || s->op == FOP_LDP_W) && s->rm == 31))) {
        s->op = FOP_GENERIC;
        s->rd = s->rn = s->rm = 0;
        s->imm = 0;
    }
}
