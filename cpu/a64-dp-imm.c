/* A64 data processing (immediate): PC-relative addressing, add/subtract,
 * logical, move wide, bitfield and extract. */
#include <glib.h>

#include "cpu/cpu-internal.h"

static uint64_t ones(unsigned n)
{
    return n >= 64 ? ~0ull : (1ull << n) - 1;
}

static uint64_t ror(uint64_t v, unsigned r, unsigned width)
{
    r %= width;
    if (r == 0)
        return v;
    return ((v >> r) | (v << (width - r))) & ones(width);
}

/* Replicate an esize-bit element across width bits (esize divides width):
 * multiplying by 0x..0001_0001 (one 1 per element) places the copies. */
static uint64_t replicate(uint64_t elem, unsigned esize, unsigned width)
{
    if (esize >= width)
        return elem;
    return (elem * (ones(width) / ones(esize))) & ones(width);
}

/* DecodeBitMasks() of the manual. Returns false for reserved values. */
static bool decode_bit_masks(unsigned n, unsigned imms, unsigned immr,
                             bool immediate, unsigned width, uint64_t *wmask,
                             uint64_t *tmask)
{
    unsigned combined = (n << 6) | (~imms & 0x3f);
    unsigned levels, s, r, d, esize;
    int len;

    if (combined == 0)
        return false;
    len = 31 - __builtin_clz(combined);
    if (len < 1)
        return false;
    esize = 1u << len;
    if (esize > width)
        return false;
    levels = esize - 1;
    if (immediate && (imms & levels) == levels)
        return false;
    s = imms & levels;
    r = immr & levels;
    d = (s - r) & levels;
    if (wmask)
        *wmask = replicate(ror(ones(s + 1), r, esize), esize, width);
    if (tmask)
        *tmask = replicate(ones(d + 1), esize, width);
    return true;
}

/* ADR, ADRP */
static int trans_ADR(struct cpu_state *cpu, uint32_t insn)
{
    int64_t imm = a64_sbits(insn, 5, 19) * 4 + a64_bits(insn, 29, 2);
    uint64_t base = cpu->pc;

    if (insn >> 31) {
        base &= ~0xfffull;
        imm *= 4096;
    }
    a64_set_x(cpu, A64_RD(insn), base + (uint64_t)imm);
    return A64_NEXT;
}

/* ADD, ADDS, SUB, SUBS (immediate); CMP, CMN, MOV to/from SP. One row
 * per instruction; the inline worker folds the constant operation. */
static inline int addsub_imm(struct cpu_state *cpu, uint32_t insn, bool sub,
                             bool setflags)
{
    bool is64 = insn >> 31;
    uint64_t imm = a64_bits(insn, 10, 12);
    uint64_t a = a64_x_sp(cpu, A64_RN(insn)), r;
    uint32_t nzcv;

    if ((insn >> 22) & 1)
        imm <<= 12;
    if (sub)
        r = a64_add_with_carry(a, ~imm, 1, is64, &nzcv);
    else
        r = a64_add_with_carry(a, imm, 0, is64, &nzcv);
    if (!is64)
        r = (uint32_t)r;
    if (setflags) {
        cpu->nzcv = nzcv;
        a64_set_x(cpu, A64_RD(insn), r);
    } else {
        a64_set_x_sp(cpu, A64_RD(insn), r);
    }
    return A64_NEXT;
}

static int trans_ADD_imm(struct cpu_state *cpu, uint32_t insn)
{
    return addsub_imm(cpu, insn, false, false);
}

static int trans_ADDS_imm(struct cpu_state *cpu, uint32_t insn)
{
    return addsub_imm(cpu, insn, false, true);
}

static int trans_SUB_imm(struct cpu_state *cpu, uint32_t insn)
{
    return addsub_imm(cpu, insn, true, false);
}

static int trans_SUBS_imm(struct cpu_state *cpu, uint32_t insn)
{
    return addsub_imm(cpu, insn, true, true);
}

/* Logical immediates by (sf, N, immr, imms): 0 marks a reserved encoding
 * (no bitmask immediate is all zeros). Filled once: decoding the masks on
 * every execution would cost more than the operation. */
static uint64_t logic_imm_table[2][1u << 13];

static gpointer logic_imm_table_init(gpointer unused)
{
    for (unsigned sf = 0; sf < 2; sf++) {
        for (unsigned f = 0; f < (1u << 13); f++) {
            unsigned n = f >> 12, immr = (f >> 6) & 63, imms = f & 63;
            uint64_t wmask;
            if ((!sf && n) ||
                !decode_bit_masks(n, imms, immr, true, sf ? 64 : 32, &wmask,
                                  NULL))
                wmask = 0;
            logic_imm_table[sf][f] = wmask;
        }
    }
    return NULL;
}

static inline uint64_t logic_imm_value(uint32_t insn)
{
    static GOnce once = G_ONCE_INIT;

    g_once(&once, logic_imm_table_init, NULL);
    return logic_imm_table[insn >> 31][a64_bits(insn, 10, 13)];
}

uint64_t a64_logic_imm_value(uint32_t insn)
{
    return logic_imm_value(insn);
}

/* AND, ORR, EOR, ANDS (immediate); MOV (bitmask immediate), TST */
static inline int logic_imm(struct cpu_state *cpu, uint32_t insn,
                            unsigned opc)
{
    bool is64 = insn >> 31;
    uint64_t imm = logic_imm_value(insn), a = a64_x(cpu, A64_RN(insn)), r;

    if (imm == 0)
        return a64_undef(cpu, insn);
    switch (opc) {
    case 1: r = a | imm; break;
    case 2: r = a ^ imm; break;
    default: r = a & imm; break;
    }
    if (!is64)
        r = (uint32_t)r;
    if (opc == 3) {
        cpu->nzcv = a64_nz_flags(r, is64);
        a64_set_x(cpu, A64_RD(insn), r);
    } else {
        a64_set_x_sp(cpu, A64_RD(insn), r);
    }
    return A64_NEXT;
}

static int trans_AND_imm(struct cpu_state *cpu, uint32_t insn)
{
    return logic_imm(cpu, insn, 0);
}

static int trans_ORR_imm(struct cpu_state *cpu, uint32_t insn)
{
    return logic_imm(cpu, insn, 1);
}

static int trans_EOR_imm(struct cpu_state *cpu, uint32_t insn)
{
    return logic_imm(cpu, insn, 2);
}

static int trans_ANDS_imm(struct cpu_state *cpu, uint32_t insn)
{
    return logic_imm(cpu, insn, 3);
}

/* MOVN, MOVZ, MOVK */
static int trans_MOVE_wide(struct cpu_state *cpu, uint32_t insn)
{
    bool is64 = insn >> 31;
    unsigned opc = a64_bits(insn, 29, 2), hw = a64_bits(insn, 21, 2);
    unsigned shift = hw * 16, rd = A64_RD(insn);
    uint64_t imm = (uint64_t)a64_bits(insn, 5, 16) << shift, r;

    if (opc == 1 || (!is64 && hw >= 2))
        return a64_undef(cpu, insn);
    switch (opc) {
    case 0: r = ~imm; break;                                         /* MOVN */
    case 2: r = imm; break;                                          /* MOVZ */
    default: r = (a64_x(cpu, rd) & ~(0xffffull << shift)) | imm; break; /* MOVK */
    }
    if (!is64)
        r = (uint32_t)r;
    a64_set_x(cpu, rd, r);
    return A64_NEXT;
}

/* SBFM, BFM, UBFM (and their aliases: ASR, LSL, LSR, SXTB, UBFX, BFI ...) */
static inline int bitfield(struct cpu_state *cpu, uint32_t insn, unsigned opc)
{
    bool is64 = insn >> 31;
    unsigned n = a64_bits(insn, 22, 1);
    unsigned immr = a64_bits(insn, 16, 6), imms = a64_bits(insn, 10, 6);
    unsigned width = is64 ? 64 : 32, rd = A64_RD(insn);
    uint64_t wmask, tmask, src, dst, bot, r;

    if (n != (unsigned)is64 ||
        (!is64 && ((immr | imms) & 0x20)))
        return a64_undef(cpu, insn);
    src = a64_x(cpu, A64_RN(insn)) & ones(width);
    if (opc != 1) {
        /* SBFM/UBFM without the masks: an extract (imms >= immr: bits
         * imms..immr to the bottom) or an insert (low imms+1 bits moved up
         * to width-immr), then sign or zero extension above the field. */
        unsigned top_bit;
        if (imms >= immr) {
            r = (src >> immr) & ones(imms - immr + 1);
            top_bit = imms - immr;
        } else {
            r = (src & ones(imms + 1)) << (width - immr);
            top_bit = width - immr + imms;
        }
        if (opc == 0 && ((r >> top_bit) & 1))
            r |= ones(width) & ~ones(top_bit + 1);
        a64_set_x(cpu, rd, r);
        return A64_NEXT;
    }
    /* BFM. With N == sf (checked above) the masks always decode. */
    if (!decode_bit_masks(n, imms, immr, false, width, &wmask, &tmask))
        return a64_undef(cpu, insn);
    dst = a64_x(cpu, rd) & ones(width);
    bot = (dst & ~wmask) | (ror(src, immr, width) & wmask);
    r = ((dst & ~tmask) | (bot & tmask)) & ones(width);
    a64_set_x(cpu, rd, r);
    return A64_NEXT;
}

static int trans_SBFM(struct cpu_state *cpu, uint32_t insn)
{
    return bitfield(cpu, insn, 0);
}

static int trans_BFM(struct cpu_state *cpu, uint32_t insn)
{
    return bitfield(cpu, insn, 1);
}

static int trans_UBFM(struct cpu_state *cpu, uint32_t insn)
{
    return bitfield(cpu, insn, 2);
}

/* EXTR (and ROR immediate) */
static int trans_EXTR(struct cpu_state *cpu, uint32_t insn)
{
    bool is64 = insn >> 31;
    unsigned n = a64_bits(insn, 22, 1), lsb = a64_bits(insn, 10, 6);
    unsigned width = is64 ? 64 : 32;
    uint64_t hi = a64_x(cpu, A64_RN(insn)) & ones(width);
    uint64_t lo = a64_x(cpu, A64_RM(insn)) & ones(width), r;

    if (n != (unsigned)is64 || (!is64 && lsb >= 32))
        return a64_undef(cpu, insn);
    r = lsb == 0 ? lo : ((lo >> lsb) | (hi << (width - lsb))) & ones(width);
    a64_set_x(cpu, A64_RD(insn), r);
    return A64_NEXT;
}

const struct a64_pattern a64_dp_imm_patterns[] = {
    A64_PATTERN(ADR,        "p ii 10000 iiiiiiiiiiiiiiiiiii ddddd"),
    A64_PATTERN(ADD_imm,    "f 0 0 100010 h iiiiiiiiiiii nnnnn ddddd"),
    A64_PATTERN(ADDS_imm,   "f 0 1 100010 h iiiiiiiiiiii nnnnn ddddd"),
    A64_PATTERN(SUB_imm,    "f 1 0 100010 h iiiiiiiiiiii nnnnn ddddd"),
    A64_PATTERN(SUBS_imm,   "f 1 1 100010 h iiiiiiiiiiii nnnnn ddddd"),
    A64_PATTERN(AND_imm,    "f 00 100100 N rrrrrr ssssss nnnnn ddddd"),
    A64_PATTERN(ORR_imm,    "f 01 100100 N rrrrrr ssssss nnnnn ddddd"),
    A64_PATTERN(EOR_imm,    "f 10 100100 N rrrrrr ssssss nnnnn ddddd"),
    A64_PATTERN(ANDS_imm,   "f 11 100100 N rrrrrr ssssss nnnnn ddddd"),
    A64_PATTERN(MOVE_wide,  "f oo 100101 hh iiiiiiiiiiiiiiii ddddd"),
    A64_PATTERN(SBFM,       "f 00 100110 N rrrrrr ssssss nnnnn ddddd"),
    A64_PATTERN(BFM,        "f 01 100110 N rrrrrr ssssss nnnnn ddddd"),
    A64_PATTERN(UBFM,       "f 10 100110 N rrrrrr ssssss nnnnn ddddd"),
    A64_PATTERN(EXTR,       "f 00 100111 N 0 mmmmm ssssss nnnnn ddddd"),
    A64_PATTERN_END
};
