/* Pre-decoded operations: the slot format of the decoded-code cache.
 *
 * Every instruction slot holds the generic handler of its encoding (from
 * the decode table) and an operation code for the run loop. For the
 * instructions that dominate compiled code (add/sub, logic, moves,
 * bitfield extracts, compares, branches, loads and stores of general and
 * SIMD&FP registers, scalar FP arithmetic, the common AdvSIMD vector
 * operations) the decoder also picks a fast operation with its operand
 * fields extracted once; the run loop executes those inline, each ending
 * in its own dispatch jump (threaded code), instead of calling the handler
 * through one shared indirect call that the host cannot predict.
 *
 * A fast operation covers only the plain case of its instruction. Whatever
 * it does not handle inline (a TLB miss, a page-crossing access, a
 * watchpoint, a write to a page holding code, an FP operation off the fast
 * path of cpu/fpu.h) it hands to the generic handler, which is the
 * reference: semantics live in one place.
 */
#ifndef BACKSTEP_CPU_FASTOP_H
#define BACKSTEP_CPU_FASTOP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cpu/a64.h"

/* Register operands are indexes into the 64-bit words at the start of
 * struct cpu_state: 0..30 are X0..X30, 31 is x[31] (always zero: XZR for
 * reads), FOP_REG_SP is SP. A fast operation that writes a register where
 * 31 means XZR writes x[31] and then zeroes it again. The SIMD&FP forms'
 * V register operands are plain register numbers (0..31). */
#define FOP_REG_SP 32
_Static_assert(offsetof(struct cpu_state, x) == 0 &&
               offsetof(struct cpu_state, sp) == 8 * FOP_REG_SP,
               "fast operations index X0..X30, XZR and SP as one array");

#define FOP_LIST(X) \
    X(DECODE)       /* not decoded yet */                                  \
    X(GENERIC)      /* call handler(cpu, insn) */                          \
    X(PAGE_END)     /* sentinel after the last slot of a page */           \
    X(ADDI_X) X(ADDI_W)             /* ADD/SUB (imm), no flags */          \
    X(ADDSI_X) X(ADDSI_W)           /* ADDS/CMN (imm); imm negated: SUBS */\
    X(SUBSI_X) X(SUBSI_W)           /* SUBS/CMP (imm) */                   \
    X(MOVI)                         /* MOVZ, MOVN: a constant */           \
    X(MOVK_X) X(MOVK_W)                                                    \
    X(AND_X) X(AND_W) X(ORR_X) X(ORR_W) X(EOR_X) X(EOR_W) /* LSL #n */    \
    X(ANDLSR_X) X(ANDLSR_W) X(ORRLSR_X) X(ORRLSR_W)                        \
    X(EORLSR_X) X(EORLSR_W)                                                \
    X(ADD_X) X(ADD_W) X(SUB_X) X(SUB_W)   /* shifted register, LSL #n */  \
    X(SUBS_X) X(SUBS_W) X(ADDS_X) X(ADDS_W)                                \
    X(UBFM_X) X(UBFM_W) X(SBFM_X) X(SBFM_W)                                \
    X(MADD_X) X(MADD_W)                                                    \
    X(CSEL_X) X(CSEL_W) X(CSINC_X) X(CSINC_W)                              \
    X(B) X(BL) X(BCOND) X(CBZ_X) X(CBZ_W) X(CBNZ_X) X(CBNZ_W)             \
    X(TBZ) X(TBNZ) X(BR) X(BLR)                                            \
    X(LDR_X) X(LDR_W) X(LDRH) X(LDRB) X(STR_X) X(STR_W) X(STRH) X(STRB)   \
    X(LDP_X) X(STP_X)                                                      \
    X(LDR_X_WB) X(STR_X_WB) X(LDR_W_WB) X(STR_W_WB) /* pre/post-index */   \
    X(LDRB_WB) X(STRB_WB)                                                  \
    X(LDR_X_REG) X(LDR_W_REG) X(LDRB_REG) X(STR_X_REG) X(STR_W_REG)       \
    X(STRB_REG)                                                            \
    X(ANDI) X(ORRI) X(EORI) X(ANDSI)  /* logical (imm), X and W */      \
    /* SIMD&FP registers (rd is Vt, rm Vt2 or the index register) */      \
    X(LDR_S) X(LDR_D) X(LDR_Q) X(STR_S) X(STR_D) X(STR_Q)                 \
    X(LDR_S_WB) X(LDR_D_WB) X(LDR_Q_WB) X(STR_S_WB) X(STR_D_WB)           \
    X(STR_Q_WB)                                                            \
    X(LDR_S_REG) X(LDR_D_REG) X(LDR_Q_REG) X(STR_S_REG) X(STR_D_REG)      \
    X(STR_Q_REG)                                                           \
    X(LDP_S) X(LDP_D) X(LDP_Q) X(STP_S) X(STP_D) X(STP_Q)                 \
    /* sign-extending loads, halfword register offset, W pairs */         \
    X(LDRSW) X(LDRSH_X) X(LDRSH_W) X(LDRSB_X) X(LDRSB_W)                  \
    X(LDRSW_REG) X(LDRH_REG) X(STRH_REG)                                  \
    X(LDP_W) X(STP_W)                                                      \
    /* scalar FP (rd, rn, rm are V registers; see FOP_FP_*) */            \
    X(FADD_S) X(FSUB_S) X(FMUL_S) X(FDIV_S) X(FMADD_S) X(FSQRT_S)         \
    X(FCMP_S)                                                              \
    X(FADD_D) X(FSUB_D) X(FMUL_D) X(FDIV_D) X(FMADD_D) X(FSQRT_D)         \
    X(FCMP_D)                                                              \
    X(FMOV_V)       /* FMOV Sd/Dd, Sn/Dn: imm is the width mask */         \
    X(FMOVI_V)      /* FMOV (immediate), MOVI Dd: imm is the value */      \
    X(FMOV_TO_X)    /* FMOV Wd/Xd, Sn/Dn: imm is the width mask */         \
    X(FMOV_FROM_X)  /* FMOV Sd/Dd, Wn/Xn: imm is the width mask */         \
    /* AdvSIMD vectors (imm: FOP_VEC_*) */                                 \
    X(VADD) X(VSUB) X(VMUL) X(VMLA) X(VMLS) X(VLOGIC)                      \
    X(VFADD) X(VFSUB) X(VFMUL) X(VFDIV) X(VFMLA) X(VFMLS)                 \
    X(VMAX) X(VMIN) X(VCMGT) X(VCMGE) X(VCMEQ) X(VCMTST)                   \
    X(VSHR) X(VSRA) X(VSHL)         /* shift by immediate */               \
    X(VSHLL) X(VADDW) X(VSUBW) X(VADDL) X(VSUBL)   /* widening */      \
    X(VMAXP) X(VMINP) X(VADDP)      /* pairwise */                         \
    X(VCMZ)         /* CMGT, CMGE, CMEQ, CMLE, CMLT #0: FOP_VEC_CMZ_* */   \
    /* CCMP, CCMN (register, immediate): FOP_CCMP_*; ANDS, BICS (reg) */   \
    X(CCMP_X) X(CCMP_W) X(CCMN_X) X(CCMN_W) X(ANDS_X) X(ANDS_W)          \
    /* more integer forms compiled code is full of (imm: FOP_INT_*) */    \
    X(ADR)          /* imm is the offset */                                \
    X(ADRP)         /* imm is the offset of the 4 KB page */               \
    X(ADDEXT)       /* ADD/SUB/ADDS/SUBS (extended register) */            \
    X(DP2)          /* UDIV, SDIV, LSLV, LSRV, ASRV, RORV */               \
    X(DP1)          /* RBIT, REV16, REV32/REV, CLZ */                      \
    X(MSUB_X) X(MSUB_W)                                                    \
    X(MADDL)        /* SMADDL, SMSUBL, UMADDL, UMSUBL (SMULL, UMULL) */    \
    X(MULH)         /* SMULH, UMULH */                                     \
    X(EXTR_X) X(EXTR_W)   /* EXTR, ROR (immediate): imm is lsb */          \
    X(ADC)          /* ADC, ADCS, SBC, SBCS */                             \
    X(HINT)         /* NOP and the other hints, unless PAuth is on */      \
    X(ADDSUB_SH)    /* ADD/SUB(S) (shifted register) with LSR or ASR */    \
    X(CSINV)        /* CSINV, CSNEG (CSETM, CINV, CNEG) */                \
    X(MRS_TPIDR)    /* MRS Xt, TPIDR_EL0 */                             \
    /* SVE (cpu/fastop-sve.c; imm: FOP_SVE_*) */                           \
    X(SVE_WHILE)    /* WHILELT/LE/LO/LS Pd, Rn, Rm */                      \
    X(SVE_PTRUE)    /* PTRUE Pd.T, ALL */                                  \
    X(SVE_CNT)      /* CNT[BHWD] Xd, ALL, MUL #imm */                      \
    X(SVE_LD1)      /* LD1B/H/W/D Zt, Pg/Z, [Xn, #imm, MUL VL] */           \
    X(SVE_ST1)      /* ST1B/H/W/D Zt, Pg, [Xn, #imm, MUL VL] */         \
    /* cpu/fastop-extra.c */                                               \
    X(VDUP)         /* DUP Vd.T, Rn: FOP_VEC_SIZE, FOP_VEC_Q */            \
    X(VSHRN)        /* SHRN(2): narrow size, Q, FOP_VEC_AMOUNT */          \
    X(BFM)          /* BFI, BFXIL: FOP_BFI_* */                           \
    /* SUBS (CMP) fused with the B.cond after it: FOP_BC_* */              \
    X(SUBSI_X_BC) X(SUBSI_W_BC) X(SUBS_X_BC) X(SUBS_W_BC)                  \
    X(LDP_X_BR)     /* LDP X fused with BR/RET: FOP_LDPBR_* */        \
    /* B.cond on EQ/NE, HS/LO, HI/LS, GE/LT, GT/LE (run.c: lazy flags) */ \
    X(BCOND_EQ) X(BCOND_HS) X(BCOND_HI) X(BCOND_GE) X(BCOND_GT)            \
    X(MOV_X) X(MOV_W)   /* MOV (register): ORR Rd, ZR, Rm; Rm in rm */      \
    /* the same operations forwarding their result to the next slot */    \
    FOP_FWD_PRODUCERS_(X, _F)

/* Forwarding pairs (cpu/fastop-fwd.c). Each operation listed here has a
 * variant NAME_F, chosen when the slot is placed, that also hands the
 * value it wrote to Rd to the next slot in a host register: the next
 * slot's operation, one of the consumers below, reads that operand
 * (Rn, or Rm for the register-offset loads) from there instead of loading
 * it back from the register file. Both retire one by one as before; the
 * next slot keeps its own operation, so a jump straight to it runs as
 * ever, and whatever the next slot holds at run time (a breakpoint, a
 * re-decoded or fused operation) that is not a consumer runs as usual
 * from the register file, which the producer has written. */
#define FOP_FWD_PRODUCERS_(X, SUF)                                          \
    X(AND_X##SUF) X(AND_W##SUF) X(ORR_X##SUF) X(ORR_W##SUF)                 \
    X(EOR_X##SUF) X(EOR_W##SUF) X(ANDLSR_X##SUF) X(ANDLSR_W##SUF)           \
    X(ORRLSR_X##SUF) X(ORRLSR_W##SUF) X(EORLSR_X##SUF) X(EORLSR_W##SUF)     \
    X(ADD_X##SUF) X(ADD_W##SUF) X(SUB_X##SUF) X(SUB_W##SUF)                 \
    X(ADDI_X##SUF) X(ADDI_W##SUF) X(UBFM_X##SUF) X(UBFM_W##SUF)             \
    X(SBFM_X##SUF) X(SBFM_W##SUF) X(MADD_X##SUF) X(MADD_W##SUF)             \
    X(ANDI##SUF) X(ORRI##SUF) X(EORI##SUF)                                  \
    X(LDR_X##SUF) X(LDR_W##SUF) X(LDRB##SUF)                                \
    X(LDR_X_REG##SUF) X(LDR_W_REG##SUF) X(LDRB_REG##SUF)                    \
    X(LDR_X_WB##SUF) X(LDR_W_WB##SUF) X(LDRB_WB##SUF)                      \
    X(MOV_X##SUF) X(MOV_W##SUF) X(MOVI##SUF)
#define FOP_FWD_PRODUCERS(X) FOP_FWD_PRODUCERS_(X, )
/* Consumers reading Rn from the previous slot: the integer operations
 * above and the base of the unsigned-offset loads (a pointer chase). */
#define FOP_FWD_RN_CONSUMERS(X)                                             \
    X(AND_X) X(AND_W) X(ORR_X) X(ORR_W) X(EOR_X) X(EOR_W)                   \
    X(ANDLSR_X) X(ANDLSR_W) X(ORRLSR_X) X(ORRLSR_W) X(EORLSR_X)             \
    X(EORLSR_W) X(ADD_X) X(ADD_W) X(SUB_X) X(SUB_W) X(ADDI_X) X(ADDI_W)     \
    X(UBFM_X) X(UBFM_W) X(SBFM_X) X(SBFM_W) X(MADD_X) X(MADD_W)             \
    X(ANDI) X(ORRI) X(EORI) X(LDR_X) X(LDR_W) X(LDRB)
/* Consumers reading Rm: the index of a register-offset load (a table
 * lookup), the source of a MOV. */
#define FOP_FWD_RM_CONSUMERS(X)                                             \
    X(LDR_X_REG) X(LDR_W_REG) X(LDRB_REG) X(MOV_X) X(MOV_W)
enum { FOP_FWD_NONE, FOP_FWD_RN, FOP_FWD_RM };

#define FOP_ENUM(name) FOP_##name,
enum fast_op {
    FOP_LIST(FOP_ENUM)
    FOP_COUNT
};
#undef FOP_ENUM
_Static_assert(FOP_COUNT <= 256, "struct code_slot keeps op in a byte");

struct code_slot {
    a64_handler handler;    /* the decode table's handler */
    uint32_t insn;
    uint8_t op;             /* enum fast_op */
    uint8_t rd, rn, rm;     /* register indexes (see FOP_REG_SP) */
    /* The operation's constant: immediate, branch offset from pc,
     * byte offset of an access, or packed shift amounts (see fastop.c). */
    uint64_t imm;
};

/* Set a slot's fast operation and operands (the decoders' one setter). */
static inline void fop_set(struct code_slot *s, enum fast_op op, unsigned rd,
                           unsigned rn, unsigned rm, uint64_t imm)
{
    s->op = (uint8_t)op;
    s->rd = (uint8_t)rd;
    s->rn = (uint8_t)rn;
    s->rm = (uint8_t)rm;
    s->imm = imm;
}

/* Fill s->op and the operand fields for s->insn, whose table row is
 * row_name; leaves FOP_GENERIC when no fast operation applies. Depends
 * on the encoding only (never on the address), so the result can be
 * memoised by encoding. */
void fastop_select(struct code_slot *s, const char *row_name);

/* Bit (nzcv >> 28) of fop_cond_table[cond] says whether condition cond
 * holds: a condition is one load and a shift. */
extern uint16_t fop_cond_table[16];
void fastop_init(void);

/* The shift amounts of a bitfield move packed in imm (UBFM/SBFM):
 * result = ((src << left) >> right) << up, where src is the operand in the
 * low bits of a 64-bit word and >> is arithmetic for SBFM. */
#define FOP_BFM_LEFT(imm) ((unsigned)(imm) & 63)
#define FOP_BFM_RIGHT(imm) ((unsigned)((imm) >> 8) & 63)
#define FOP_BFM_UP(imm) ((unsigned)((imm) >> 16) & 63)

/* Writeback single loads/stores: imm packs the signed offset and the mode
 * like a pair's (1 post-index, 3 pre-index).
 * Register-offset loads/stores: rm is the index register; imm is the
 * shift (0..4) plus 8 for UXTW, 16 for SXTW (else LSL/SXTX: 64 bits).
 * Logical (immediate): imm is the decoded bit mask, rm is 1 for a 64-bit
 * operation. */
#define FOP_INDEX_UXTW 8
#define FOP_INDEX_SXTW 16

/* FMADD family (FOP_FMADD_*): rm is Rm, imm is Ra plus FOP_FP_NEG_N (the
 * product's first operand is negated: FMSUB, FNMADD) and FOP_FP_NEG_A
 * (the addend is negated: FNMADD, FNMSUB).
 * FCMP (FOP_FCMP_*): imm is FOP_FP_CMP_ZERO for the #0.0 form (FCMPE
 * differs only for NaNs, which always take the handler). */
#define FOP_FP_NEG_N 0x100
#define FOP_FP_NEG_A 0x200
#define FOP_FP_CMP_ZERO 1

/* Vector operations: imm is the element size (0..3, bytes 1 << size;
 * for the FP forms 2 single, 3 double) plus FOP_VEC_Q for 128 bits; the
 * logical operation (VLOGIC) is U:size of the encoding, shifted by
 * FOP_VEC_LOGIC_SHIFT. */
#define FOP_VEC_SIZE(imm) ((unsigned)(imm) & 3)
#define FOP_VEC_Q 4
#define FOP_VEC_LOGIC_SHIFT 3
#define FOP_VEC_LOGIC(imm) ((unsigned)((imm) >> FOP_VEC_LOGIC_SHIFT) & 7)
/* Signed and unsigned forms (MAX, compares, shifts, widening): imm has
 * FOP_VEC_SIGNED for the signed one; shifts keep their amount (1..64) in
 * FOP_VEC_AMOUNT. The widening forms' size is the narrow source's, and
 * their Q bit selects the source's upper half ("2" forms). */
#define FOP_VEC_SIGNED 0x40
#define FOP_VEC_AMOUNT(imm) ((unsigned)((imm) >> 8) & 127)

/* VCMZ: the comparison with zero, in the FOP_VEC_LOGIC field. */
enum { FOP_VEC_CMZ_GT, FOP_VEC_CMZ_GE, FOP_VEC_CMZ_EQ, FOP_VEC_CMZ_LE,
       FOP_VEC_CMZ_LT };

/* CCMP/CCMN: rn, and rm or the immediate; imm packs the condition (bits
 * 3..0), the #nzcv used when it fails (7..4), FOP_CCMP_IMM and the 5-bit
 * immediate (FOP_CCMP_IMM5). */
#define FOP_CCMP_COND(imm) ((unsigned)(imm) & 15)
#define FOP_CCMP_NZCV(imm) ((uint32_t)((imm) >> 4) & 15)
#define FOP_CCMP_IMM 0x100
#define FOP_CCMP_IMM5(imm) ((uint64_t)((imm) >> 16) & 31)

/* ANDS (shifted register): imm is the amount, the shift type (0 LSL,
 * 1 LSR, 2 ASR) << 8, and FOP_ANDS_INVERT for BICS. */
#define FOP_ANDS_AMOUNT(imm) ((unsigned)(imm) & 63)
#define FOP_ANDS_TYPE(imm) ((unsigned)((imm) >> 8) & 3)
#define FOP_ANDS_INVERT 0x400

/* The integer forms' flags in imm: the operation's opcode field in the
 * low bits (ADDEXT: option | shift << 3; DP1/DP2: the opcode; MADDL: Ra),
 * then these. */
#define FOP_INT_X 0x100         /* 64-bit operation */
#define FOP_INT_SUB 0x200       /* subtract (ADDEXT, ADC: SBC, MADDL) */
#define FOP_INT_FLAGS 0x400     /* set NZCV (ADDEXT, ADC) */
#define FOP_INT_SIGNED 0x800    /* MADDL, MULH */

/* LDP/STP: rd and rm are the two registers, rn the base; imm packs the
 * signed byte offset and the addressing mode (1 post-index, 2 signed
 * offset, 3 pre-index). */
#define FOP_PAIR_IMM(offset, mode) ((uint64_t)(offset) * 4 + (mode))
#define FOP_PAIR_MODE(imm) ((unsigned)(imm) & 3u)
#define FOP_PAIR_OFFSET(imm) ((int64_t)(imm) >> 2)

/* Direct branches (B, BL, B.cond, CBZ/CBNZ, TBZ/TBNZ): imm is the offset
 * from the branch; rm says where the target lies, filled in when the slot
 * is placed in its page (fastop_select leaves FOP_BRANCH_OUT): in the
 * same page ahead of the branch, in the same page at or behind it, or
 * elsewhere. */
enum { FOP_BRANCH_OUT, FOP_BRANCH_FWD, FOP_BRANCH_BACK };
static inline bool fastop_is_rel_branch(unsigned op)
{
    return op == FOP_B || op == FOP_BL || op == FOP_BCOND ||
           (op >= FOP_BCOND_EQ && op <= FOP_BCOND_GT) ||
           op == FOP_CBZ_X || op == FOP_CBZ_W || op == FOP_CBNZ_X ||
           op == FOP_CBNZ_W || op == FOP_TBZ || op == FOP_TBNZ;
}

/* The B.cond operation for condition cond: one of FOP_BCOND_* when a
 * compare's operands decide it (rd keeps cond; the odd one of each pair
 * is the negation), else FOP_BCOND. Chosen when the slot is placed, so
 * the decode memo and the fused pairs keep seeing FOP_BCOND. */
static inline unsigned fastop_bcond_variant(unsigned cond)
{
    static const uint8_t variant[16] = {
        FOP_BCOND_EQ, FOP_BCOND_EQ, FOP_BCOND_HS, FOP_BCOND_HS,
        FOP_BCOND, FOP_BCOND, FOP_BCOND, FOP_BCOND,
        FOP_BCOND_HI, FOP_BCOND_HI, FOP_BCOND_GE, FOP_BCOND_GE,
        FOP_BCOND_GT, FOP_BCOND_GT, FOP_BCOND, FOP_BCOND,
    };
    return variant[cond & 15];
}

/* A SUBS fused with the B.cond in the next slot (run.c, when the slot is
 * placed: the pair must be in one page). imm keeps the compare's own
 * immediate or shift amount in FOP_BC_CMP_MASK and adds the B.cond's
 * condition, where its target lies (FOP_BRANCH_*) and its offset in
 * instructions from the B.cond. */
#define FOP_BC_CMP_MASK 0xffffffffull
#define FOP_BC_COND_SHIFT 32
#define FOP_BC_CLASS_SHIFT 36
#define FOP_BC_DELTA_SHIFT 40
#define FOP_BC_COND(imm) ((unsigned)((imm) >> FOP_BC_COND_SHIFT) & 15)
#define FOP_BC_CLASS(imm) ((unsigned)((imm) >> FOP_BC_CLASS_SHIFT) & 3)
#define FOP_BC_DELTA(imm) ((int64_t)(imm) >> FOP_BC_DELTA_SHIFT)

/* LDP X fused with the BR or RET in the next slot: imm keeps the pair's
 * FOP_PAIR_IMM in its low 32 bits (signed) and the branch register. */
#define FOP_LDPBR_PAIR(imm) ((uint64_t)(int64_t)(int32_t)(uint32_t)(imm))
#define FOP_LDPBR_REG(imm) ((unsigned)((imm) >> 56) & 31)

/* BFM (BFI, BFXIL): Rd = (Rd & ~mask) | (((Rn >> right) << left) & mask),
 * mask = width ones from bit left; FOP_BFI_X for the 64-bit form. */
#define FOP_BFI_RIGHT(imm) ((unsigned)(imm) & 63)
#define FOP_BFI_LEFT(imm) ((unsigned)((imm) >> 8) & 63)
#define FOP_BFI_WIDTH(imm) ((unsigned)((imm) >> 16) & 127)
#define FOP_BFI_X 0x1000000

/* The forwarding variant NAME_F of op, or FOP_GENERIC if it has none. */
unsigned fastop_forward_variant(unsigned op);
/* The forwarding variant of s's operation when next (the slot after it,
 * as decoded from its encoding) reads the register s writes as its
 * forwarded operand; else FOP_GENERIC. */
unsigned fastop_forward_pair(const struct code_slot *s,
                             const struct code_slot *next);

/* The forms of cpu/fastop-extra.c; true when one was chosen. */
bool fastop_select_extra(struct code_slot *s, const char *row);

/* SVE forms (cpu/fastop-sve.c): rd is Pd, Zt or Xd, rn and rm the
 * scalar operands; LD1/ST1 have the base in rn (31 is FOP_REG_SP) and Pg
 * in rm. imm: the element size (0..3) and, for WHILE, the flags below;
 * for LD1/ST1 the signed vector-length multiple of the offset from bit 8;
 * for CNT the multiplier from bit 8. */
#define FOP_SVE_ESZ(imm) ((unsigned)(imm) & 3)
#define FOP_SVE_WHILE_64 0x4
#define FOP_SVE_WHILE_UNSIGNED 0x8
#define FOP_SVE_WHILE_EQ 0x10
#define FOP_SVE_OFFSET(imm) ((int64_t)(imm) >> 8)

/* Choose an SVE fast form for slot s (row: its table row), or leave it. */
void fastop_select_sve(struct code_slot *s, const char *row);
void fastop_sve_init(void);
/* Execute one: the predicate and scalar forms always complete; a load or
 * store returns false, having changed nothing, when the handler must run
 * it (its active span is not inside one page with a TLB entry). */
void fop_sve_while(struct cpu_state *cpu, const struct code_slot *s);
void fop_sve_ptrue(struct cpu_state *cpu, const struct code_slot *s);
uint64_t fop_sve_cnt(const struct cpu_state *cpu, const struct code_slot *s);
bool fop_sve_ld1(struct cpu_state *cpu, const struct code_slot *s);
bool fop_sve_st1(struct cpu_state *cpu, const struct code_slot *s);

#endif
