/* difftest templates: SVE2, every encoding group of it, opcode fields
 * free within each group (the groups also hold the SVE instructions that
 * share them, and the BF16 and I8MM forms of QEMU's "max" CPU; not the
 * F32MM/F64MM ones, FMMLA and LD1RO, which backstep does not have).
 *
 *   01000100 size 0 .....       integer multiply-add (unpredicated),
 *                               integer predicated (SVE2); bits 15:14 =
 *                               11 hold only SME's SCLAMP/UCLAMP, left out
 *   01000100 size 1 .....       multiply by indexed element
 *   01000101 size 0/1 .....     widening, narrowing, accumulate, bit
 *                               permute, complex add, character match,
 *                               histogram, crypto
 *   00000100 .. 1 ..... 00111x  EOR3, BCAX, BSL, BSL1N, BSL2N, NBSL
 *   00000100 .. 1 ..... 011xxx  MUL, SMULH, UMULH, PMUL, SQDMULH,
 *                               SQRDMULH (vectors, unpredicated)
 *   00000101 ..                 TBL (two registers), TBX, EXT and SPLICE
 *                               (constructive)
 *   00100101 ..                 WHILEGE..WHILEHI, WHILERW, WHILEWR
 *   01100100/01100101 ..        FP pairwise, FCVTNT/FCVTLT/FCVTX, FLOGB,
 *                               FMLALB..FMLSLT (vectors and indexed)
 *   1x00010 / 1110010 ..        LDNT1* gathers, STNT1* scatters (vector
 *                               plus scalar)
 */
#include <string.h>

#include "gen.h"

static void set_zelem(struct dt_gen *g, unsigned z, unsigned esz, unsigned i,
                      uint64_t v)
{
    memcpy(g->c->sve.z[z] + (i << esz), &v, 1u << esz);
    if ((i << esz) < 16)
        memcpy(g->c->regs.v[z] + (i << esz), &v, 1u << esz);
}

/* [Zn.T, Xm]: every element of Zn an address of the scratch page less
 * Xm (a small offset, or XZR), one time in eight one of them wild. */
static bool aim_vector_plus_scalar(struct dt_gen *g, uint32_t insn,
                                   unsigned esz)
{
    unsigned zn = dt_field(insn, 5, 5), m = dt_field(insn, 16, 5);
    unsigned msz = dt_field(insn, 23, 2), elems = g->c->sve.vl >> esz;
    uint64_t xm = 0;
    if (m != 31) {
        xm = dt_rng_below(g->rng, 256);
        g->c->regs.x[m] = xm;
    }
    unsigned wild = dt_rng_one_in(g->rng, 8)
                    ? (unsigned)dt_rng_below(g->rng, elems) : elems;
    for (unsigned i = 0; i < elems; i++) {
        uint64_t a = DT_SCRATCH_ADDR + dt_rng_below(g->rng, DT_MEM_SIZE - 8);
        if (i == wild)
            a = DT_SCRATCH_ADDR + DT_MEM_SIZE + dt_rng_below(g->rng, 64);
        else if (!dt_rng_one_in(g->rng, 4))
            a &= ~(uint64_t)((1u << msz) - 1);
        set_zelem(g, zn, esz, i, a - xm);
    }
    return true;
}

/* LDNT1*: bit 30 says 64-bit elements. */
static bool fix_ldnt_gather(struct dt_gen *g, uint32_t *insn)
{
    return aim_vector_plus_scalar(g, *insn, dt_field(*insn, 30, 1) ? 3 : 2);
}

/* STNT1*: bit 22 says 32-bit elements. */
static bool fix_stnt_scatter(struct dt_gen *g, uint32_t *insn)
{
    return aim_vector_plus_scalar(g, *insn, dt_field(*insn, 22, 1) ? 2 : 3);
}

/* FMMLA (size 1x, 111001) is FEAT_F32MM/F64MM, not SVE2, and backstep
 * does not implement it; BFMMLA (size 01) stays. */
static bool fix_fp_widening(struct dt_gen *g, uint32_t *insn)
{
    (void)g;
    return !(dt_field(*insn, 10, 6) == 0x39 && dt_field(*insn, 23, 1));
}

const struct dt_template dt_sve2_templates[] = {
    /* SDOT/UDOT, SQRDMLAH/SQRDMLSH, CDOT, CMLA, SQRDCMLAH, SMLALB..UMLSLT,
     * SQDMLALB..SQDMLSLBT, USDOT */
    { "integer multiply-add (unpredicated)",
      "01000100 ss 0 mmmmm 0 ooooo nnnnn ddddd" },
    /* SADALP/UADALP, URECPE, URSQRTE, SQABS, SQNEG, SRSHL..UQRSHLR,
     * SHADD..URHADD, ADDP..UMINP, SQADD..UQSUBR (predicated) */
    { "integer predicated (SVE2)", "01000100 ss 0 ooooo 10 o ggg mmmmm ddddd" },
    /* SDOT/UDOT, SQRDMLAH, MLA/MLS, MUL, SQDMULH, SQRDMULH, SMULLB..,
     * SQDMULLB.., SMLALB.., CMLA, CDOT, SQRDCMLAH, USDOT/SUDOT (indexed) */
    { "multiply by indexed element", "01000100 ss 1 mmmmm oooooo nnnnn ddddd" },
    /* SADDLB..UABDLT, SADDWB..USUBWT, SMULLB..PMULLT, SSHLLB..USHLLT,
     * SADDLBT.., EORBT/EORTB, SMMLA.., BEXT/BDEP/BGRP, SABA/UABA,
     * SABALB.., ADCLB.., SSRA.., SRI/SLI, SQXTNB.., SHRNB.., CADD, SQCADD */
    { "widening, accumulate, shift, narrowing, bit permute",
      "01000101 ss 0 mmmmm oooooo nnnnn ddddd" },
    /* ADDHNB..RSUBHNT, MATCH/NMATCH, HISTSEG, HISTCNT, AESE/AESD/AESMC,
     * SM4E, SM4EKEY, RAX1 */
    { "narrowing high, match, histogram, crypto",
      "01000101 ss 1 mmmmm oooooo nnnnn ddddd" },
    { "EOR3, BCAX, BSL, BSL1N, BSL2N, NBSL",
      "00000100 oo 1 mmmmm 00111 o kkkkk ddddd" },
    { "MUL, SMULH, UMULH, PMUL, SQDMULH, SQRDMULH (vectors)",
      "00000100 ss 1 mmmmm 011 ooo nnnnn ddddd" },
    { "TBL (two registers), TBX", "00000101 ss 1 mmmmm 00101 o nnnnn ddddd" },
    { "EXT (constructive)", "00000101 011 iiiii 000 iii nnnnn ddddd" },
    { "SPLICE (constructive)", "00000101 ss 101101 100 ggg nnnnn ddddd" },
    { "WHILEGE, WHILEGT, WHILEHS, WHILEHI",
      "00100101 ss 1 mmmmm 000 fu0 nnnnn e dddd" },
    { "WHILERW, WHILEWR", "00100101 ss 1 mmmmm 001100 nnnnn r dddd" },
    /* FADDP, FMAXNMP, FMINNMP, FMAXP, FMINP (010 ooo 100); FCVTXNT,
     * FCVTNT, FCVTLT, BFCVTNT (0010oo 101) */
    { "FP pairwise, FP convert narrow/long (predicated)",
      "01100100 ss 0 ooooo 1 oo ggg nnnnn ddddd" },
    { "FMLALB..FMLSLT, BFDOT, BFMLALB/T, BFMMLA (vectors)",
      "01100100 ss 1 mmmmm 1 o oooo nnnnn ddddd", NULL, fix_fp_widening },
    { "FMLALB..FMLSLT, BFDOT, BFMLALB/T (indexed)",
      "01100100 ss 1 mmmmm 01 oooo nnnnn ddddd" },
    { "FLOGB", "01100101 00 011 ss 0 101 ggg nnnnn ddddd" },
    { "FCVTX, BFCVT (predicated)", "01100101 s 0 001010 101 ggg nnnnn ddddd" },
    { "LDNT1* (vector plus scalar)",
      "1 w 00010 mm 00 rrrrr 1 o u ggg nnnnn ttttt", NULL, fix_ldnt_gather },
    { "STNT1* (vector plus scalar)",
      "1110010 mm s 0 rrrrr 001 ggg nnnnn ttttt", NULL, fix_stnt_scatter },
    { NULL },
};
