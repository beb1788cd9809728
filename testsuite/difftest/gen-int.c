/* difftest templates: integer data processing and branches. */
#include "gen.h"

/* Bitmask immediates and bitfields: N must equal sf (N is free for the
 * 64-bit logical immediates), and 32-bit forms keep immr/imms below 32.
 * Mostly: one case in eight keeps the reserved encodings. */
static bool fix_bitmask_fields(struct dt_gen *g, uint32_t *insn)
{
    uint32_t i = *insn;
    if (dt_rng_one_in(g->rng, 8))
        return true;
    bool sf = dt_field(i, 31, 1);
    bool logical = dt_field(i, 23, 6) == 0x24;      /* 100100 */
    if (!sf) {
        i = dt_set_field(i, 22, 1, 0);
        i &= ~((1u << 21) | (1u << 15));            /* immr<5>, imms<5> */
    } else if (!logical) {
        i = dt_set_field(i, 22, 1, 1);
    }
    *insn = i;
    return true;
}

static bool fix_move_wide(struct dt_gen *g, uint32_t *insn)
{
    (void)g;
    return dt_field(*insn, 31, 1) || dt_field(*insn, 22, 1) == 0;
}

const struct dt_template dt_int_imm_templates[] = {
    { "ADD/SUB (immediate)", "f o S 100010 h iiiiiiiiiiii nnnnn ddddd" },
    { "logical (immediate)", "f cc 100100 N rrrrrr ssssss nnnnn ddddd", NULL,
      fix_bitmask_fields },
    { "move wide", "f cc 100101 hh iiiiiiiiiiiiiiii ddddd", "c=0,2,3",
      fix_move_wide },
    { "ADR/ADRP", "p ll 10000 hhhhhhhhhhhhhhhhhhh ddddd" },
    { NULL },
};

const struct dt_template dt_bitfield_templates[] = {
    { "bitfield", "f cc 100110 N rrrrrr ssssss nnnnn ddddd", "c=0-2",
      fix_bitmask_fields },
    { "EXTR", "f 00 100111 N 0 mmmmm ssssss nnnnn ddddd", NULL,
      fix_bitmask_fields },
    { NULL },
};

const struct dt_template dt_int_reg_templates[] = {
    { "logical (shifted register)", "f cc 01010 hh N mmmmm iiiiii nnnnn ddddd" },
    { "ADD/SUB (shifted register)", "f o S 01011 hh 0 mmmmm iiiiii nnnnn ddddd" },
    { "ADD/SUB (extended register)", "f o S 01011 00 1 mmmmm xxx iii nnnnn ddddd",
      "i=0-4" },
    { "ADC/SBC", "f o S 11010000 mmmmm 000000 nnnnn ddddd" },
    { "data processing (1 source)", "f 1 0 11010110 00000 000 ooo nnnnn ddddd",
      "o=0-5" },
    { "data processing (2 source)", "f 0 0 11010110 mmmmm oooooo nnnnn ddddd",
      "o=2,3,8-11,16-23" },
    { NULL },
};

const struct dt_template dt_condsel_templates[] = {
    { "CCMN/CCMP (register)", "f o 1 11010010 mmmmm cccc 0 0 nnnnn 0 vvvv" },
    { "CCMN/CCMP (immediate)", "f o 1 11010010 iiiii cccc 1 0 nnnnn 0 vvvv" },
    { "CSEL/CSINC/CSINV/CSNEG", "f o 0 11010100 mmmmm cccc 0 p nnnnn ddddd" },
    { NULL },
};

const struct dt_template dt_muldiv_templates[] = {
    { "data processing (3 source)", "f 00 11011 ooo mmmmm p aaaaa nnnnn ddddd",
      "o=0,1,2,5,6" },
    { "UDIV/SDIV", "f 0 0 11010110 mmmmm 00001 u nnnnn ddddd" },
    { NULL },
};

/* Branches go forward only, to a later instruction of the case or to the
 * harness's exit stub just after it. The skipped slots hold ADDs to
 * x0..x3, so a taken branch and a fall-through leave different states. */
enum { BRANCH_CASE_LEN = 4 };

static uint32_t add_imm(unsigned rd, unsigned imm)
{
    return 0x91000000u | (imm << 10) | (rd << 5) | rd;   /* ADD Xd, Xd, #imm */
}

static bool fix_branch(struct dt_gen *g, uint32_t *insn)
{
    struct dt_case *c = g->c;
    c->ninsn = BRANCH_CASE_LEN;
    for (unsigned i = 1; i < BRANCH_CASE_LEN; i++)
        c->insn[i] = add_imm(i - 1, i);
    /* Target: slot 1 .. BRANCH_CASE_LEN (the exit stub). */
    unsigned k = 1 + (unsigned)dt_rng_below(g->rng, BRANCH_CASE_LEN);
    uint32_t i = *insn;

    if ((i & 0x7c000000u) == 0x14000000u) {             /* B, BL */
        *insn = dt_set_field(i, 0, 26, k);
    } else if ((i & 0xff000010u) == 0x54000000u) {      /* B.cond */
        *insn = dt_set_field(i, 5, 19, k);
    } else if ((i & 0x7e000000u) == 0x34000000u) {      /* CBZ, CBNZ */
        *insn = dt_set_field(i, 5, 19, k);
    } else if ((i & 0x7e000000u) == 0x36000000u) {      /* TBZ, TBNZ */
        *insn = dt_set_field(i, 5, 14, k);
    } else {                                            /* BR, BLR, RET */
        unsigned n = dt_field(i, 5, 5);
        if (n == 31)
            return false;   /* XZR: a branch to 0, not a test of anything */
        c->regs.x[n] = dt_slot_addr(k);
    }
    return true;
}

const struct dt_template dt_branch_templates[] = {
    { "B/BL", "l 00101 iiiiiiiiiiiiiiiiiiiiiiiiii", NULL, fix_branch },
    { "B.cond", "0101010 0 iiiiiiiiiiiiiiiiiii 0 cccc", NULL, fix_branch },
    { "CBZ/CBNZ", "f 011010 o iiiiiiiiiiiiiiiiiii ttttt", NULL, fix_branch },
    { "TBZ/TBNZ", "B 011011 o bbbbb iiiiiiiiiiiiii ttttt", NULL, fix_branch },
    { "BR/BLR/RET", "1101011 0 0 oo 11111 000000 nnnnn 00000", "o=0-2",
      fix_branch },
    { NULL },
};
