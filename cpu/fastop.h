/* Pre-decoded operations: the slot format of the decoded-code cache.
 *
 * Every instruction slot holds the generic handler of its encoding (from
 * the decode table) and an operation code for the run loop. For the
 * instructions that dominate compiled code (add/sub, logic, moves,
 * bitfield extracts, compares, branches, loads and stores of general
 * registers) the decoder also picks a fast operation with its operand
 * fields extracted once; the run loop executes those inline, each ending
 * in its own dispatch jump (threaded code), instead of calling the handler
 * through one shared indirect call that the host cannot predict.
 *
 * A fast operation covers only the plain case of its instruction. Whatever
 * it does not handle inline (a TLB miss, a page-crossing access, a
 * watchpoint, a write to a page holding code) it hands to the generic
 * handler, which is the reference: semantics live in one place.
 */
#ifndef BACKSTEP_CPU_FASTOP_H
#define BACKSTEP_CPU_FASTOP_H

#include <stddef.h>
#include <stdint.h>

#include "cpu/a64.h"

/* Register operands are indexes into the 64-bit words at the start of
 * struct cpu_state: 0..30 are X0..X30, 31 is x[31] (always zero: XZR for
 * reads), FOP_REG_SP is SP. A fast operation that writes a register where
 * 31 means XZR writes x[31] and then zeroes it again. */
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
    X(ANDI) X(ORRI) X(EORI) X(ANDSI)  /* logical (imm), X and W */

#define FOP_ENUM(name) FOP_##name,
enum fast_op {
    FOP_LIST(FOP_ENUM)
    FOP_COUNT
};
#undef FOP_ENUM

struct code_slot {
    a64_handler handler;    /* the decode table's handler */
    uint32_t insn;
    uint8_t op;             /* enum fast_op */
    uint8_t rd, rn, rm;     /* register indexes (see FOP_REG_SP) */
    /* The operation's constant: immediate, branch offset from pc,
     * byte offset of an access, or packed shift amounts (see fastop.c). */
    uint64_t imm;
};

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
 * shift (0..3) plus 4 for UXTW, 8 for SXTW (else LSL/SXTX: 64 bits).
 * Logical (immediate): imm is the decoded bit mask, rm is 1 for a 64-bit
 * operation. */
#define FOP_INDEX_UXTW 4
#define FOP_INDEX_SXTW 8

/* LDP/STP: rd and rm are the two registers, rn the base; imm packs the
 * signed byte offset and the addressing mode (1 post-index, 2 signed
 * offset, 3 pre-index). */
#define FOP_PAIR_IMM(offset, mode) ((uint64_t)(offset) * 4 + (mode))
#define FOP_PAIR_MODE(imm) ((unsigned)(imm) & 3u)
#define FOP_PAIR_OFFSET(imm) ((int64_t)(imm) >> 2)

#endif
