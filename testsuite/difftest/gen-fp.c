/* difftest templates: scalar floating point (type field: 00 single,
 * 01 double, 11 half) and conversions. The half-precision forms
 * (FEAT_FP16) are in the fp16 class, the later extensions (FRINTTS,
 * JSCVT) in v8x: backstep implements those features separately. */
#include "gen.h"

/* No FJCVTZS (JSCVT): type 01, rmode 11, opcode 110 is in v8x. */
static bool fix_no_jscvt(struct dt_gen *g, uint32_t *insn)
{
    (void)g;
    return (*insn & 0x7ffffc00u) != 0x1e7e0000u;
}

const struct dt_template dt_fp_arith_templates[] = {
    /* FMOV FABS FNEG FSQRT, FCVT to S/D/H, FRINT{N,P,M,Z,A,X,I} */
    { "FP data processing (1 source)",
      "000 11110 tt 1 oooooo 10000 nnnnn ddddd", "t=0,1 o=0-5,7-12,14,15" },
    /* FMUL FDIV FADD FSUB FMAX FMIN FMAXNM FMINNM FNMUL */
    { "FP data processing (2 source)",
      "000 11110 tt 1 mmmmm oooo 10 nnnnn ddddd", "t=0,1 o=0-8" },
    /* FMADD FMSUB FNMADD FNMSUB */
    { "FP data processing (3 source)",
      "000 11111 tt p mmmmm q aaaaa nnnnn ddddd", "t=0,1" },
    { NULL },
};

const struct dt_template dt_fp_cmp_templates[] = {
    { "FCMP/FCMPE", "000 11110 tt 1 mmmmm 00 1000 nnnnn ooooo",
      "t=0,1 o=0,8,16,24" },
    { "FCCMP/FCCMPE", "000 11110 tt 1 mmmmm cccc 01 nnnnn o vvvv", "t=0,1" },
    { "FCSEL", "000 11110 tt 1 mmmmm cccc 11 nnnnn ddddd", "t=0,1" },
    { "FMOV (immediate)", "000 11110 tt 1 iiiiiiii 100 00000 ddddd", "t=0,1" },
    { NULL },
};

const struct dt_template dt_fp_conv_templates[] = {
    /* rmode:opcode 00:000-101 FCVTN/SCVTF/UCVTF/FCVTA, 01,10,11:000-001
     * FCVTP/M/Z, 00:110-111 FMOV, 01:110-111 FMOV top half (type 10). */
    { "FP <-> integer", "f 0 0 11110 tt 1 rr ooo 000000 nnnnn ddddd",
      "t=0-2", fix_no_jscvt },
    { "FP -> integer (rounding directed)",
      "f 0 0 11110 tt 1 rr 00 u 000000 nnnnn ddddd", "t=0,1" },
    { "FP <-> fixed point", "f 0 0 11110 tt 0 rr ooo ssssss nnnnn ddddd",
      "t=0,1 r=0,3 o=0-3" },
    { NULL },
};
