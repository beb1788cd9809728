/* difftest templates: AdvSIMD, by the manual's encoding groups. Opcode
 * fields are mostly left free within each group: the unallocated ones
 * check that both emulators refuse them.
 *
 * The base classes hold Armv8.0 AdvSIMD (what backstep advertises). The
 * fp16 class holds FEAT_FP16, scalar and vector; v8x holds the later
 * extensions QEMU's "max" CPU has: FRINTTS, JSCVT, RDM (SQRDMLAH), DotProd,
 * I8MM, FCMA (FCMLA, FCADD), FHM (FMLAL); bf16 holds FEAT_BF16. Fixups keep those encodings out of the
 * base classes. */
#include "gen.h"

#define Q_U(i) dt_field(i, 29, 1)
#define SIZE(i) dt_field(i, 22, 2)

static bool fix_3same(struct dt_gen *g, uint32_t *insn)
{
    uint32_t i = *insn;
    unsigned op = dt_field(i, 11, 5), u = Q_U(i), sz = SIZE(i) & 1;
    (void)g;
    /* FMLAL/FMLSL (U=0, 11101) and FMLAL2/FMLSL2 (U=1, 11001), sz 0 */
    return !(sz == 0 && ((!u && op == 0x1d) || (u && op == 0x19)));
}

static bool fix_2misc(struct dt_gen *g, uint32_t *insn)
{
    uint32_t i = *insn;
    unsigned op = dt_field(i, 12, 5), size = SIZE(i);
    (void)g;
    if ((op == 0x1e || op == 0x1f) && size < 2)
        return false;                   /* FRINT32/64 (FRINTTS) */
    if (!Q_U(i) && op == 0x16 && size == 2)
        return false;                   /* BFCVTN (BF16) */
    return true;
}

static bool is_shift_fp16(uint32_t i)
{
    unsigned immh = dt_field(i, 19, 4), op = dt_field(i, 11, 5);
    return (immh >> 1) == 1 && (op == 0x1c || op == 0x1f);
}

static bool fix_shift(struct dt_gen *g, uint32_t *insn)
{
    (void)g;
    if (dt_field(*insn, 19, 4) == 0)
        return false;                   /* immh 0000 is modified immediate */
    return !is_shift_fp16(*insn);
}

static bool fix_shift_fp16(struct dt_gen *g, uint32_t *insn)
{
    (void)g;
    *insn = dt_set_field(*insn, 20, 3, 1);      /* immh = 001x */
    return is_shift_fp16(*insn);
}

static bool fix_across(struct dt_gen *g, uint32_t *insn)
{
    unsigned op = dt_field(*insn, 12, 5);
    (void)g;
    /* U=0 FMAXNMV/FMAXV/FMINNMV/FMINV and scalar FMAXNMP/FADDP/FMAXP are
     * the FP16 forms. */
    return Q_U(*insn) || !(op == 0x0c || op == 0x0d || op == 0x0f);
}

static bool fix_modimm(struct dt_gen *g, uint32_t *insn)
{
    (void)g;
    return dt_field(*insn, 11, 1) == 0;         /* o2=1: FMOV (FP16) */
}

static bool fix_3diff(struct dt_gen *g, uint32_t *insn)
{
    (void)g;
    /* PMULL of 64-bit lanes belongs to the crypto extension (PMULL). */
    return !(SIZE(*insn) == 3 && dt_field(*insn, 12, 4) == 0xe);
}

/* Indexed-element opcodes of Armv8.0, by U; FP ones need size 1x. */
static bool elem_is_base(uint32_t i)
{
    unsigned op = dt_field(i, 12, 4), size = SIZE(i);
    if (!Q_U(i)) {
        if (op == 0x1 || op == 0x5 || op == 0x9)        /* FMLA FMLS FMUL */
            return size >= 2;
        return op == 0x2 || op == 0x6 || op == 0xa || op == 0x3
               || op == 0x7 || op == 0xb || op == 0x8 || op == 0xc
               || op == 0xd;
    }
    if (op == 0x9)                                      /* FMULX */
        return size >= 2;
    return op == 0x0 || op == 0x4 || op == 0x2 || op == 0x6 || op == 0xa;
}

/* FEAT_BF16 encodings among the three-same-extra and indexed-element
 * groups: BFDOT, BFMLALB/T, BFMMLA. */
static bool is_bf16(uint32_t i)
{
    unsigned size = SIZE(i), u = Q_U(i);
    if (dt_field(i, 24, 1)) {                       /* indexed element */
        unsigned op = dt_field(i, 12, 4);
        return !u && op == 0xf && (size & 1);
    }
    unsigned op = dt_field(i, 11, 4);               /* three same extra */
    return u && ((op == 0xf && (size & 1)) || (op == 0xd && size == 1));
}

static bool fix_elem(struct dt_gen *g, uint32_t *insn)
{
    (void)g;
    return elem_is_base(*insn);
}

static bool fix_v8x(struct dt_gen *g, uint32_t *insn)
{
    (void)g;
    return !is_bf16(*insn);
}

static bool fix_elem_ext(struct dt_gen *g, uint32_t *insn)
{
    (void)g;
    return !elem_is_base(*insn) && !is_bf16(*insn);
}

static bool fix_bf16(struct dt_gen *g, uint32_t *insn)
{
    (void)g;
    return is_bf16(*insn);
}

const struct dt_template dt_simd_3same_templates[] = {
    { "three same", "0 Q U 01110 zz 1 mmmmm ooooo 1 nnnnn ddddd", NULL,
      fix_3same },
    { "scalar three same", "01 U 11110 zz 1 mmmmm ooooo 1 nnnnn ddddd" },
    { NULL },
};

const struct dt_template dt_simd_2misc_templates[] = {
    { "two-register misc", "0 Q U 01110 zz 10000 ooooo 10 nnnnn ddddd", NULL,
      fix_2misc },
    { "scalar two-register misc", "01 U 11110 zz 10000 ooooo 10 nnnnn ddddd" },
    { NULL },
};

const struct dt_template dt_simd_shift_templates[] = {
    /* The allocated opcodes: SSHR SSRA SRSHR SRSRA SRI SHL/SLI SQSHLU
     * SQSHL, the narrowing shifts, SSHLL, SCVTF, FCVTZS. */
    { "shift by immediate", "0 Q U 011110 hhhh bbb ooooo 1 nnnnn ddddd",
      "o=0,2,4,6,8,10,12,14,16-20,28,31", fix_shift },
    { "scalar shift by immediate", "01 U 111110 hhhh bbb ooooo 1 nnnnn ddddd",
      "o=0,2,4,6,8,10,12,14,16-19,28,31", fix_shift },
    { NULL },
};

const struct dt_template dt_simd_across_templates[] = {
    /* [SU]ADDLV, [SU]MAXV, [SU]MINV, ADDV, FMAXNMV/FMINNMV, FMAXV/FMINV */
    { "across lanes", "0 Q U 01110 zz 11000 ooooo 10 nnnnn ddddd",
      "o=3,10,26,27,12,15", fix_across },
    /* ADDP, FMAXNMP/FMINNMP, FADDP, FMAXP/FMINP */
    { "scalar pairwise", "01 U 11110 zz 11000 ooooo 10 nnnnn ddddd",
      "o=27,12,13,15", fix_across },
    { NULL },
};

const struct dt_template dt_simd_perm_templates[] = {
    { "UZP/TRN/ZIP", "0 Q 001110 zz 0 mmmmm 0 ooo 10 nnnnn ddddd", "o=1-3,5-7" },
    { "EXT", "0 Q 101110 000 mmmmm 0 iiii 0 nnnnn ddddd" },
    { "TBL/TBX", "0 Q 001110 000 mmmmm 0 ll o 00 nnnnn ddddd" },
    { NULL },
};

const struct dt_template dt_simd_copy_templates[] = {
    { "DUP/INS/UMOV/SMOV", "0 Q o 01110000 iiiii 0 jjjj 1 nnnnn ddddd" },
    { "scalar DUP (element)", "01 0 11110000 iiiii 0 0000 1 nnnnn ddddd" },
    { NULL },
};

const struct dt_template dt_simd_modimm_templates[] = {
    { "MOVI/MVNI/ORR/BIC/FMOV (vector, immediate)",
      "0 Q o 0111100000 abc mmmm p 1 defgh ddddd", NULL, fix_modimm },
    { NULL },
};

const struct dt_template dt_simd_3diff_templates[] = {
    { "three different", "0 Q U 01110 zz 1 mmmmm oooo 00 nnnnn ddddd", NULL,
      fix_3diff },
    /* SQDMLAL, SQDMLSL, SQDMULL */
    { "scalar three different", "01 0 11110 zz 1 mmmmm oooo 00 nnnnn ddddd",
      "z=1,2 o=9,11,13" },
    { NULL },
};

const struct dt_template dt_simd_elem_templates[] = {
    { "vector x indexed element",
      "0 Q U 01111 zz L M mmmm oooo H 0 nnnnn ddddd", NULL, fix_elem },
    { "scalar x indexed element",
      "01 U 11111 zz L M mmmm oooo H 0 nnnnn ddddd", NULL, fix_elem },
    { NULL },
};

const struct dt_template dt_fp16_templates[] = {
    { "FP data processing (1 source), half",
      "000 11110 11 1 oooooo 10000 nnnnn ddddd", "o=0-5,8-12,14,15" },
    { "FP data processing (2 source), half",
      "000 11110 11 1 mmmmm oooo 10 nnnnn ddddd", "o=0-8" },
    { "FP data processing (3 source), half",
      "000 11111 11 p mmmmm q aaaaa nnnnn ddddd" },
    { "FCMP/FCMPE, half", "000 11110 11 1 mmmmm 00 1000 nnnnn ooooo",
      "o=0,8,16,24" },
    { "FCCMP/FCCMPE, half", "000 11110 11 1 mmmmm cccc 01 nnnnn o vvvv" },
    { "FCSEL, half", "000 11110 11 1 mmmmm cccc 11 nnnnn ddddd" },
    { "FMOV (immediate), half", "000 11110 11 1 iiiiiiii 100 00000 ddddd" },
    { "FP <-> integer, half", "f 0 0 11110 11 1 rr ooo 000000 nnnnn ddddd",
      "o=0-3,6,7" },
    { "FP <-> fixed point, half", "f 0 0 11110 11 0 rr ooo ssssss nnnnn ddddd",
      "r=0,3 o=0-3" },
    { "three same (FP16)", "0 Q U 01110 a 10 mmmmm 00 ooo 1 nnnnn ddddd" },
    { "scalar three same (FP16)", "01 U 11110 a 10 mmmmm 00 ooo 1 nnnnn ddddd" },
    { "two-register misc (FP16)",
      "0 Q U 01110 a 111100 ooooo 10 nnnnn ddddd" },
    { "scalar two-register misc (FP16)",
      "01 U 11110 a 111100 ooooo 10 nnnnn ddddd" },
    { "across lanes (FP16)", "0 Q 0 01110 a 0 11000 ooooo 10 nnnnn ddddd",
      "o=12,15" },
    { "scalar pairwise (FP16)", "01 0 11110 a 0 11000 ooooo 10 nnnnn ddddd",
      "o=12,13,15" },
    { "shift by immediate (FP16 conversions)",
      "0 Q U 011110 hhhh bbb ooooo 1 nnnnn ddddd", "o=28,31", fix_shift_fp16 },
    { "indexed element (FP16)", "0 Q U 01111 00 L M mmmm oooo H 0 nnnnn ddddd",
      "o=1,5,9" },
    { "FMOV (vector, immediate, FP16)",
      "0 Q 0 0111100000 abc 1111 1 1 defgh ddddd" },
    { NULL },
};

const struct dt_template dt_v8x_templates[] = {
    { "FRINT32Z/32X/64Z/64X (scalar)",
      "000 11110 tt 1 0100 oo 10000 nnnnn ddddd", "t=0,1" },
    { "FRINT32Z/32X/64Z/64X (vector)",
      "0 Q U 01110 0 s 10000 1111 o 10 nnnnn ddddd" },
    { "FJCVTZS", "0 00 11110 01 1 11 110 000000 nnnnn ddddd" },
    { "SQRDMLAH, SDOT, FCMLA, FCADD (three same extra)",
      "0 Q U 01110 zz 0 mmmmm 1 oooo 1 nnnnn ddddd", NULL, fix_v8x },
    { "FMLAL/FMLSL (vector)", "0 Q U 01110 s 0 1 mmmmm 11 u 01 1 nnnnn ddddd" },
    { "indexed element: SDOT, SQRDMLAH, FCMLA, FMLAL",
      "0 Q U 01111 zz L M mmmm oooo H 0 nnnnn ddddd", NULL, fix_elem_ext },
    { NULL },
};

const struct dt_template dt_bf16_templates[] = {
    { "BFDOT, BFMLALB/T, BFMMLA (vector)",
      "0 Q 1 01110 zz 0 mmmmm 1 11 o1 1 nnnnn ddddd", "z=1,3", fix_bf16 },
    { "BFDOT, BFMLALB/T (indexed element)",
      "0 Q 0 01111 z 1 L M mmmm 1111 H 0 nnnnn ddddd" },
    { "BFCVT", "000 11110 01 1 000110 10000 nnnnn ddddd" },
    { "BFCVTN, BFCVTN2", "0 Q 0 01110 10 10000 10110 10 nnnnn ddddd" },
    { NULL },
};
