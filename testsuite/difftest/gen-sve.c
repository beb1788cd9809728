/* difftest templates: SVE, by the encoding groups of the Arm A64 encoding
 * index (SVE encodings, bits 28:25 = 0010). As in the AdvSIMD classes,
 * opcode fields are left free within a group, so the unallocated
 * encodings of each group check that both emulators refuse them.
 *
 * The initial Z, P and FFR contents come from dt_value_sve (values.c);
 * the loads and stores are in gen-sve-ldst.c, SVE2 in gen-sve2.c. */
#include <string.h>

#include "gen.h"

/* WRFFR: FFR becomes UNPREDICTABLE when the source predicate is not
 * monotonic (its true bits a prefix), so give the source one that is. */
static bool fix_wrffr(struct dt_gen *g, uint32_t *insn)
{
    unsigned n = dt_field(*insn, 5, 4), vl = g->c->sve.vl;
    uint8_t *p = g->c->sve.p[n];
    unsigned k = dt_rng_one_in(g->rng, 3) ? vl
                                          : (unsigned)dt_rng_below(g->rng, vl);
    memset(p, 0, DT_SVE_MAX_VL / 8);
    for (unsigned i = 0; i < k; i++)
        p[i / 8] |= (uint8_t)(1u << (i % 8));
    return true;
}

/* FP unary: FCVTX (size 00, opc 1010) is SVE2 and BFCVT (size 10, opc
 * 1010) is BF16; both are in the sve2 class. */
static bool fix_fp_unary(struct dt_gen *g, uint32_t *insn)
{
    (void)g;
    return !(dt_field(*insn, 16, 4) == 0xa && !dt_field(*insn, 22, 1));
}

const struct dt_template dt_sve_int_templates[] = {
    /* ADD..SUBR, SMAX..UABD, MUL..UDIVR, ORR..BIC (vectors) */
    { "integer binary arithmetic (predicated)",
      "00000100 ss 0 ooooo 000 ggg mmmmm ddddd" },
    /* SADDV, UADDV, SMAXV..UMINV, ORV, EORV, ANDV, MOVPRFX (predicated) */
    { "integer reduction", "00000100 ss 0 ooooo 001 ggg nnnnn ddddd" },
    /* ASR/LSR/LSL/ASRD (immediate), by vector, reversed, wide */
    { "bitwise shift (predicated)", "00000100 ss 0 ooooo 100 ggg mmmmm ddddd" },
    /* SXTB..UXTW, ABS, NEG, CLS, CLZ, CNT, CNOT, FABS, FNEG, NOT */
    { "integer unary (predicated)", "00000100 ss 0 1oooo 101 ggg nnnnn ddddd" },
    { "MLA, MLS", "00000100 ss 0 mmmmm 01 o ggg nnnnn ddddd" },
    { "MAD, MSB", "00000100 ss 0 mmmmm 11 o ggg nnnnn ddddd" },
    /* ADD, SUB, SQADD, UQADD, SQSUB, UQSUB (vectors) */
    { "integer add/subtract (unpredicated)",
      "00000100 ss 1 mmmmm 000 ooo nnnnn ddddd" },
    { "AND, ORR, EOR, BIC (vectors, unpredicated)",
      "00000100 oo 1 mmmmm 001100 nnnnn ddddd" },
    /* ASR/LSR/LSL wide, and by immediate */
    { "bitwise shift (unpredicated)", "00000100 ss 1 mmmmm 100 ooo nnnnn ddddd" },
    { "INDEX", "00000100 ss 1 mmmmm 0100 ff nnnnn ddddd" },
    { "ADDVL, ADDPL", "00000100 0 o 1 nnnnn 01010 iiiiii ddddd" },
    { "RDVL", "00000100 10 1 11111 01010 iiiiii ddddd" },
    { "ADR (vector)", "00000100 oo 1 mmmmm 1010 hh nnnnn ddddd" },
    /* CNTB..CNTD, INCB..DECD (scalar and vector), SQINCB..UQDECD */
    { "element count", "00000100 ss 1 o iiii 11 oooo ppppp ddddd" },
    /* ADD..UQSUB, SMAX..UMIN, MUL (immediate); DUP/FDUP (immediate) */
    { "integer with immediate (unpredicated)",
      "00100101 ss 1 ooooo 11 h iiiiiiii ddddd" },
    { "ORR, EOR, AND (immediate), DUPM",
      "00000101 oo 0000 n iiiiii jjjjjj ddddd" },
    { "integer compare (vectors)", "00100100 ss 0 mmmmm ooo ggg nnnnn e dddd" },
    { "integer compare (signed immediate)",
      "00100101 ss 0 iiiii o 0 o ggg nnnnn e dddd" },
    { "integer compare (unsigned immediate)",
      "00100100 ss 1 iiiiiii l ggg nnnnn e dddd" },
    { "SDOT, UDOT (vectors)", "01000100 ss 0 mmmmm 00000 u nnnnn ddddd" },
    { "SDOT, UDOT (indexed)", "01000100 1s 1 iiiii 00000 u nnnnn ddddd" },
    { NULL },
};

const struct dt_template dt_sve_fp_templates[] = {
    /* FADD..FDIV, FMAX..FMIN, FABD, FSCALE, FMULX (vectors) */
    { "FP arithmetic (predicated)", "01100101 ss 00 oooo 100 ggg mmmmm ddddd" },
    /* FADD..FRSQRTS, FTSMUL (vectors) */
    { "FP arithmetic (unpredicated)", "01100101 ss 0 mmmmm 000 ooo nnnnn ddddd" },
    { "FP arithmetic with immediate (predicated)",
      "01100101 ss 011 ooo 100 ggg 0000 i ddddd" },
    { "FMLA, FMLS, FNMLA, FNMLS", "01100101 ss 1 mmmmm 0 oo ggg nnnnn ddddd" },
    { "FMAD, FMSB, FNMAD, FNMSB", "01100101 ss 1 aaaaa 1 oo ggg mmmmm ddddd" },
    { "FTMAD", "01100101 ss 010 iii 100000 mmmmm ddddd" },
    { "FTSSEL", "00000100 ss 1 mmmmm 101100 nnnnn ddddd" },
    { "FEXPA", "00000100 ss 1 00000 101110 nnnnn ddddd" },
    { "FCADD", "01100100 ss 00000 r 100 ggg mmmmm ddddd" },
    { "FCMLA (vectors)", "01100100 ss 0 mmmmm 0 rr ggg nnnnn ddddd" },
    { "FMLA, FMLS (indexed)", "01100100 ss 1 iiiii 00000 o nnnnn ddddd" },
    { "FMUL (indexed)", "01100100 ss 1 iiiii 001000 nnnnn ddddd" },
    { "FCMLA (indexed)", "01100100 1s 1 iiiii 0001 rr nnnnn ddddd" },
    { "FP compare (vectors)", "01100101 ss 0 mmmmm o1o ggg nnnnn o dddd" },
    { "FP compare with zero", "01100101 ss 010 0eo 001 ggg nnnnn o dddd" },
    { "FP reduction (recursive)", "01100101 ss 000 ooo 001 ggg nnnnn ddddd" },
    { "FADDA", "01100101 ss 011 000 001 ggg mmmmm ddddd" },
    /* FRINT*, FRECPX, FSQRT, FCVT between precisions */
    { "FP unary (predicated)", "01100101 ss 00 oooo 101 ggg nnnnn ddddd",
      NULL, fix_fp_unary },
    /* SCVTF, UCVTF, FCVTZS, FCVTZU; FLOGB */
    { "FP <-> integer conversions", "01100101 ss 01 oooo 101 ggg nnnnn ddddd" },
    { "FRECPE, FRSQRTE", "01100101 ss 001 11o 001100 nnnnn ddddd" },
    { "FDUP", "00100101 ss 111001 110 iiiiiiii ddddd" },
    { "FCPY", "00000101 ss 01 gggg 110 iiiiiiii ddddd" },
    { NULL },
};

const struct dt_template dt_sve_pred_templates[] = {
    { "PTRUE, PTRUES", "00100101 ss 01100 s 111000 ppppp 0 dddd" },
    { "PFALSE", "00100101 00 011000 111001 00000 0 dddd" },
    { "PTEST", "00100101 01 010000 11 gggg 0 nnnn 0 0000" },
    /* AND, BIC, EOR, SEL, ORR, ORN, NOR, NAND and their S forms */
    { "predicate logical", "00100101 os 00 mmmm 01 gggg o nnnn o dddd" },
    /* WHILELT..WHILELS, and SVE2's WHILEGE..WHILEHI */
    { "WHILE (integer)", "00100101 ss 1 mmmmm 000 fuo nnnnn e dddd" },
    { "BRKA, BRKB, BRKAS, BRKBS", "00100101 bs 010000 01 gggg 0 nnnn m dddd" },
    { "BRKN, BRKNS", "00100101 0s 011000 01 gggg 0 nnnn 0 dddd" },
    { "BRKPA, BRKPB (S)", "00100101 0s 00 mmmm 11 gggg 0 nnnn b dddd" },
    { "PFIRST", "00100101 01 011000 110000 0 gggg 0 dddd" },
    { "PNEXT", "00100101 ss 011001 110001 0 gggg 0 dddd" },
    { "CNTP", "00100101 ss 100000 10 gggg 0 nnnn ddddd" },
    /* INCP, DECP, SQINCP..UQDECP (scalar and vector) */
    { "predicate count increment", "00100101 ss 101 ooo 1000 vw 0 nnnn ddddd" },
    { "SETFFR", "00100101 00 101100 1001 0000 0000 0000" },
    { "WRFFR", "00100101 00 101000 1001 000n nnn0 0000", NULL, fix_wrffr },
    { "RDFFR, RDFFRS (predicated)", "00100101 0s 011000 1111 000g ggg0 dddd" },
    { "RDFFR (unpredicated)", "00100101 00 011001 1111 0000 0000 dddd" },
    { "CTERMEQ, CTERMNE", "00100101 1s 1 mmmmm 001000 nnnnn e 0000" },
    { NULL },
};

const struct dt_template dt_sve_perm_templates[] = {
    { "DUP (scalar)", "00000101 ss 100000 001110 nnnnn ddddd" },
    { "DUP (indexed)", "00000101 ii 1 ttttt 001000 nnnnn ddddd" },
    { "DUP (immediate)", "00100101 ss 111000 11 h iiiiiiii ddddd" },
    { "INSR (scalar, SIMD&FP)", "00000101 ss 1 o 0100 001110 nnnnn ddddd" },
    { "REV (vector)", "00000101 ss 111000 001110 nnnnn ddddd" },
    { "SUNPKLO..UUNPKHI", "00000101 ss 1100 uh 001110 nnnnn ddddd" },
    { "TBL", "00000101 ss 1 mmmmm 001100 nnnnn ddddd" },
    { "EXT (destructive)", "00000101 001 iiiii 000 iii nnnnn ddddd" },
    /* ZIP1/2, UZP1/2, TRN1/2 (vectors) */
    { "permute vector elements", "00000101 ss 1 mmmmm 011 ooo nnnnn ddddd" },
    { "permute predicate elements",
      "00000101 ss 10 mmmm 010 ooo 0 nnnn 0 dddd" },
    { "REV (predicate)", "00000101 ss 110100 010000 0 nnnn 0 dddd" },
    { "PUNPKLO, PUNPKHI", "00000101 00 11000 h 010000 0 nnnn 0 dddd" },
    { "COMPACT", "00000101 ss 100001 100 ggg nnnnn ddddd" },
    { "SPLICE (destructive)", "00000101 ss 101100 100 ggg nnnnn ddddd" },
    { "LASTA, LASTB (scalar)", "00000101 ss 10000 b 101 ggg nnnnn ddddd" },
    { "LASTA, LASTB (SIMD&FP)", "00000101 ss 10001 b 100 ggg nnnnn ddddd" },
    { "CLASTA, CLASTB (vectors)", "00000101 ss 10100 b 100 ggg nnnnn ddddd" },
    { "CLASTA, CLASTB (SIMD&FP)", "00000101 ss 10101 b 100 ggg nnnnn ddddd" },
    { "CLASTA, CLASTB (scalar)", "00000101 ss 11000 b 101 ggg nnnnn ddddd" },
    { "REVB, REVH, REVW, RBIT", "00000101 ss 1001 oo 100 ggg nnnnn ddddd" },
    { "SEL (vectors)", "00000101 ss 1 mmmmm 11 gggg nnnnn ddddd" },
    { "CPY (scalar)", "00000101 ss 101000 101 ggg nnnnn ddddd" },
    { "CPY (SIMD&FP scalar)", "00000101 ss 100000 100 ggg nnnnn ddddd" },
    { "CPY (immediate)", "00000101 ss 01 gggg 0 mh iiiiiiii ddddd" },
    { NULL },
};
