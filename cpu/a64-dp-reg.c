/* A64 data processing (register): logical and add/subtract with shifted or
 * extended registers, with carry, flag manipulation, conditional compare
 * and select, and the 1-, 2- and 3-source groups. */
#include "cpu/cpu-internal.h"

static uint64_t width_mask(bool is64)
{
    return is64 ? ~0ull : 0xffffffffull;
}

/* ShiftReg(): LSL, LSR, ASR, ROR of a 32- or 64-bit value. */
static uint64_t shift_reg(uint64_t v, unsigned type, unsigned amount, bool is64)
{
    unsigned width = is64 ? 64 : 32;

    v &= width_mask(is64);
    amount %= width;
    if (amount == 0)
        return v;
    switch (type) {
    case 0: return (v << amount) & width_mask(is64);
    case 1: return v >> amount;
    case 2:
        if (is64)
            return (uint64_t)((int64_t)v >> amount);
        return (uint32_t)((int32_t)(uint32_t)v >> amount);
    default:
        return ((v >> amount) | (v << (width - amount))) & width_mask(is64);
    }
}

/* ExtendReg(): UXTB ... SXTX, then a left shift of 0..4. */
static uint64_t extend_reg(uint64_t v, unsigned option, unsigned shift)
{
    switch (option) {
    case 0: v = (uint8_t)v; break;
    case 1: v = (uint16_t)v; break;
    case 2: v = (uint32_t)v; break;
    case 4: v = (uint64_t)(int64_t)(int8_t)v; break;
    case 5: v = (uint64_t)(int64_t)(int16_t)v; break;
    case 6: v = (uint64_t)(int64_t)(int32_t)v; break;
    default: break;
    }
    return v << shift;
}

static void set_result(struct cpu_state *cpu, unsigned rd, uint64_t v,
                       bool is64)
{
    a64_set_x(cpu, rd, v & width_mask(is64));
}

/* AND, BIC, ORR, ORN, EOR, EON, ANDS, BICS (shifted register); MOV, MVN,
 * TST. One row per opc; N (bit 21) inverts the second operand. */
static inline int logic_reg(struct cpu_state *cpu, uint32_t insn,
                            unsigned opc)
{
    bool is64 = insn >> 31;
    unsigned amount = a64_bits(insn, 10, 6);
    uint64_t a = a64_x(cpu, A64_RN(insn)), b, r;

    if (!is64 && amount >= 32)
        return a64_undef(cpu, insn);
    b = a64_x(cpu, A64_RM(insn));
    if (amount)
        b = shift_reg(b, a64_bits(insn, 22, 2), amount, is64);
    if ((insn >> 21) & 1)
        b = ~b;
    switch (opc) {
    case 0: case 3: r = a & b; break;
    case 1: r = a | b; break;
    default: r = a ^ b; break;
    }
    r &= width_mask(is64);
    if (opc == 3)
        cpu->nzcv = a64_nz_flags(r, is64);
    set_result(cpu, A64_RD(insn), r, is64);
    return A64_NEXT;
}

static int addsub(struct cpu_state *cpu, uint32_t insn, uint64_t a,
                  uint64_t b, bool rd_is_sp)
{
    bool is64 = insn >> 31, sub = (insn >> 30) & 1, setflags = (insn >> 29) & 1;
    uint32_t nzcv;
    uint64_t r = sub ? a64_add_with_carry(a, ~b, 1, is64, &nzcv)
                     : a64_add_with_carry(a, b, 0, is64, &nzcv);

    r &= width_mask(is64);
    if (setflags)
        cpu->nzcv = nzcv;
    if (rd_is_sp && !setflags)
        a64_set_x_sp(cpu, A64_RD(insn), r);
    else
        a64_set_x(cpu, A64_RD(insn), r);
    return A64_NEXT;
}

static int trans_AND_reg(struct cpu_state *cpu, uint32_t insn)
{
    return logic_reg(cpu, insn, 0);
}

static int trans_ORR_reg(struct cpu_state *cpu, uint32_t insn)
{
    return logic_reg(cpu, insn, 1);
}

static int trans_EOR_reg(struct cpu_state *cpu, uint32_t insn)
{
    return logic_reg(cpu, insn, 2);
}

static int trans_ANDS_reg(struct cpu_state *cpu, uint32_t insn)
{
    return logic_reg(cpu, insn, 3);
}

/* ADD, ADDS, SUB, SUBS (shifted register); CMP, CMN, NEG, NEGS */
static int trans_ADDSUB_shift(struct cpu_state *cpu, uint32_t insn)
{
    bool is64 = insn >> 31;
    unsigned type = a64_bits(insn, 22, 2), amount = a64_bits(insn, 10, 6);

    if (type == 3 || (!is64 && amount >= 32))
        return a64_undef(cpu, insn);
    return addsub(cpu, insn, a64_x(cpu, A64_RN(insn)),
                  shift_reg(a64_x(cpu, A64_RM(insn)), type, amount, is64),
                  false);
}

/* ADD, ADDS, SUB, SUBS (extended register) */
static int trans_ADDSUB_ext(struct cpu_state *cpu, uint32_t insn)
{
    unsigned shift = a64_bits(insn, 10, 3);

    if (shift > 4)
        return a64_undef(cpu, insn);
    return addsub(cpu, insn, a64_x_sp(cpu, A64_RN(insn)),
                  extend_reg(a64_x(cpu, A64_RM(insn)),
                             a64_bits(insn, 13, 3), shift),
                  true);
}

/* ADC, ADCS, SBC, SBCS; NGC, NGCS */
static int trans_ADC_SBC(struct cpu_state *cpu, uint32_t insn)
{
    bool is64 = insn >> 31, sub = (insn >> 30) & 1, setflags = (insn >> 29) & 1;
    uint64_t b = a64_x(cpu, A64_RM(insn));
    uint32_t nzcv;
    uint64_t r = a64_add_with_carry(a64_x(cpu, A64_RN(insn)), sub ? ~b : b,
                                    (cpu->nzcv >> 29) & 1, is64, &nzcv);

    if (setflags)
        cpu->nzcv = nzcv;
    set_result(cpu, A64_RD(insn), r, is64);
    return A64_NEXT;
}

/* RMIF: rotate a register into the selected flags. */
static int trans_RMIF(struct cpu_state *cpu, uint32_t insn)
{
    unsigned shift = a64_bits(insn, 15, 6), mask = a64_bits(insn, 0, 4);
    uint64_t v = a64_x(cpu, A64_RN(insn));
    uint32_t tmp;

    if (shift)
        v = (v >> shift) | (v << (64 - shift));
    tmp = (uint32_t)(v & 0xf) << 28;
    cpu->nzcv = (cpu->nzcv & ~(mask << 28)) | (tmp & (mask << 28));
    return A64_NEXT;
}

/* SETF8, SETF16: flags from the low 8 or 16 bits; C unchanged. */
static int trans_SETF(struct cpu_state *cpu, uint32_t insn)
{
    unsigned bits = (insn >> 14) & 1 ? 16 : 8;
    uint32_t v = (uint32_t)a64_x(cpu, A64_RN(insn));
    uint32_t f = cpu->nzcv & (CPU_NZCV_C);

    if ((v >> (bits - 1)) & 1)
        f |= CPU_NZCV_N;
    if ((v & ((1u << bits) - 1)) == 0)
        f |= CPU_NZCV_Z;
    if (((v >> bits) ^ (v >> (bits - 1))) & 1)
        f |= CPU_NZCV_V;
    cpu->nzcv = f;
    return A64_NEXT;
}

/* CCMN, CCMP (register and immediate) */
static int trans_CCMP(struct cpu_state *cpu, uint32_t insn)
{
    bool is64 = insn >> 31, sub = (insn >> 30) & 1;
    uint64_t b = (insn >> 11) & 1 ? a64_bits(insn, 16, 5)
                                  : a64_x(cpu, A64_RM(insn));
    uint32_t nzcv;

    if (a64_cond_holds(cpu->nzcv, a64_bits(insn, 12, 4))) {
        if (sub)
            a64_add_with_carry(a64_x(cpu, A64_RN(insn)), ~b, 1, is64, &nzcv);
        else
            a64_add_with_carry(a64_x(cpu, A64_RN(insn)), b, 0, is64, &nzcv);
        cpu->nzcv = nzcv;
    } else {
        cpu->nzcv = a64_bits(insn, 0, 4) << 28;
    }
    return A64_NEXT;
}

/* CSEL, CSINC, CSINV, CSNEG; CSET, CSETM, CINC, CINV, CNEG */
static int trans_CSEL(struct cpu_state *cpu, uint32_t insn)
{
    bool is64 = insn >> 31;
    unsigned op = (insn >> 30) & 1, o2 = (insn >> 10) & 1;
    uint64_t r;

    if (a64_cond_holds(cpu->nzcv, a64_bits(insn, 12, 4))) {
        r = a64_x(cpu, A64_RN(insn));
    } else {
        r = a64_x(cpu, A64_RM(insn));
        if (op)
            r = ~r;
        if (o2)
            r += 1;
    }
    set_result(cpu, A64_RD(insn), r, is64);
    return A64_NEXT;
}

static uint64_t reverse_bytes_in(uint64_t v, unsigned container_bytes)
{
    uint64_t r = 0;
    for (unsigned i = 0; i < 8; i += container_bytes)
        for (unsigned j = 0; j < container_bytes; j++)
            r |= ((v >> ((i + j) * 8)) & 0xff)
                 << ((i + container_bytes - 1 - j) * 8);
    return r;
}

/* RBIT, REV16, REV32, REV, CLZ, CLS */
static int trans_DP_1src(struct cpu_state *cpu, uint32_t insn)
{
    bool is64 = insn >> 31;
    unsigned opcode = a64_bits(insn, 10, 6), width = is64 ? 64 : 32;
    uint64_t v = a64_x(cpu, A64_RN(insn)) & width_mask(is64), r;

    switch (opcode) {
    case 0: /* RBIT */
        r = 0;
        for (unsigned i = 0; i < width; i++)
            r |= ((v >> i) & 1) << (width - 1 - i);
        break;
    case 1: /* REV16 */
        r = reverse_bytes_in(v, 2);
        break;
    case 2: /* REV32 (64-bit) or REV (32-bit) */
        r = reverse_bytes_in(v, 4);
        break;
    case 3: /* REV (64-bit) */
        if (!is64)
            return a64_undef(cpu, insn);
        r = reverse_bytes_in(v, 8);
        break;
    case 4: /* CLZ */
        if (is64)
            r = v ? (uint64_t)__builtin_clzll(v) : 64;
        else
            r = v ? (uint64_t)__builtin_clz((uint32_t)v) : 32;
        break;
    case 5: { /* CLS: leading bits equal to the sign bit, not counting it */
        uint64_t x = v ^ (v >> 1);      /* bit i set where bits i, i+1 differ */
        x &= width_mask(is64) >> 1;
        if (is64)
            r = x ? (uint64_t)__builtin_clzll(x) - 1 : 63;
        else
            r = x ? (uint64_t)__builtin_clz((uint32_t)x) - 1 : 31;
        break;
    }
    default:
        return a64_undef(cpu, insn);
    }
    set_result(cpu, A64_RD(insn), r, is64);
    return A64_NEXT;
}

static uint32_t crc32_update(uint32_t acc, uint64_t data, unsigned bytes,
                             uint32_t poly)
{
    for (unsigned i = 0; i < bytes; i++) {
        acc ^= (uint8_t)(data >> (i * 8));
        for (int b = 0; b < 8; b++)
            acc = (acc >> 1) ^ (poly & -(acc & 1));
    }
    return acc;
}

/* UDIV, SDIV, LSLV, LSRV, ASRV, RORV, CRC32*, CRC32C* */
static int trans_DP_2src(struct cpu_state *cpu, uint32_t insn)
{
    bool is64 = insn >> 31;
    unsigned opcode = a64_bits(insn, 10, 6);
    uint64_t a = a64_x(cpu, A64_RN(insn)) & width_mask(is64);
    uint64_t b = a64_x(cpu, A64_RM(insn)) & width_mask(is64), r;

    switch (opcode) {
    case 2: /* UDIV: division by zero gives zero */
        r = b ? a / b : 0;
        break;
    case 3: /* SDIV */
        if (b == 0) {
            r = 0;
        } else if (is64) {
            int64_t x = (int64_t)a, y = (int64_t)b;
            r = (x == INT64_MIN && y == -1) ? a : (uint64_t)(x / y);
        } else {
            int32_t x = (int32_t)a, y = (int32_t)b;
            r = (x == INT32_MIN && y == -1) ? a : (uint32_t)(x / y);
        }
        break;
    case 8: case 9: case 10: case 11: /* LSLV, LSRV, ASRV, RORV */
        r = shift_reg(a, opcode - 8, (unsigned)(b % (is64 ? 64 : 32)), is64);
        break;
    case 16: case 17: case 18: case 19:   /* CRC32B/H/W/X */
    case 20: case 21: case 22: case 23: { /* CRC32CB/H/W/X */
        unsigned sz = opcode & 3;
        if ((sz == 3) != is64)
            return a64_undef(cpu, insn);
        r = crc32_update((uint32_t)a, a64_x(cpu, A64_RM(insn)), 1u << sz,
                         opcode & 4 ? 0x82f63b78u : 0xedb88320u);
        break;
    }
    default:
        return a64_undef(cpu, insn);
    }
    set_result(cpu, A64_RD(insn), r, is64);
    return A64_NEXT;
}

/* MADD, MSUB, SMADDL, SMSUBL, SMULH, UMADDL, UMSUBL, UMULH */
static int trans_DP_3src(struct cpu_state *cpu, uint32_t insn)
{
    bool is64 = insn >> 31;
    unsigned op31 = a64_bits(insn, 21, 3), o0 = (insn >> 15) & 1;
    uint64_t n = a64_x(cpu, A64_RN(insn)), m = a64_x(cpu, A64_RM(insn));
    uint64_t acc = a64_x(cpu, a64_bits(insn, 10, 5)), prod, r;

    if (op31 != 0 && !is64)
        return a64_undef(cpu, insn);
    switch (op31) {
    case 0: prod = n * m; break;
    case 1: prod = (uint64_t)((int64_t)(int32_t)n * (int64_t)(int32_t)m); break;
    case 5: prod = (uint64_t)(uint32_t)n * (uint32_t)m; break;
    case 2:
        if (o0)
            return a64_undef(cpu, insn);
        r = (uint64_t)(((__int128)(int64_t)n * (int64_t)m) >> 64);
        a64_set_x(cpu, A64_RD(insn), r);
        return A64_NEXT;
    case 6:
        if (o0)
            return a64_undef(cpu, insn);
        r = (uint64_t)(((unsigned __int128)n * m) >> 64);
        a64_set_x(cpu, A64_RD(insn), r);
        return A64_NEXT;
    default:
        return a64_undef(cpu, insn);
    }
    r = o0 ? acc - prod : acc + prod;
    set_result(cpu, A64_RD(insn), r, is64);
    return A64_NEXT;
}

const struct a64_pattern a64_dp_reg_patterns[] = {
    A64_PATTERN(AND_reg,     "f 00 01010 tt N mmmmm iiiiii nnnnn ddddd"),
    A64_PATTERN(ORR_reg,     "f 01 01010 tt N mmmmm iiiiii nnnnn ddddd"),
    A64_PATTERN(EOR_reg,     "f 10 01010 tt N mmmmm iiiiii nnnnn ddddd"),
    A64_PATTERN(ANDS_reg,    "f 11 01010 tt N mmmmm iiiiii nnnnn ddddd"),
    A64_PATTERN(ADDSUB_shift,"f o S 01011 tt 0 mmmmm iiiiii nnnnn ddddd"),
    A64_PATTERN(ADDSUB_ext,  "f o S 01011 00 1 mmmmm xxx iii nnnnn ddddd"),
    A64_PATTERN(ADC_SBC,     "f o S 11010000 mmmmm 000000 nnnnn ddddd"),
    A64_PATTERN(RMIF,        "1 0 1 11010000 iiiiii 00001 nnnnn 0 kkkk"),
    A64_PATTERN(SETF,        "0 0 1 11010000 000000 z 0010 nnnnn 0 1101"),
    A64_PATTERN(CCMP,        "f o 1 11010010 mmmmm cccc 0 0 nnnnn 0 vvvv"),
    A64_PATTERN(CCMP,        "f o 1 11010010 iiiii cccc 1 0 nnnnn 0 vvvv"),
    A64_PATTERN(CSEL,        "f o 0 11010100 mmmmm cccc 0 p nnnnn ddddd"),
    A64_PATTERN(DP_1src,     "f 1 0 11010110 00000 oooooo nnnnn ddddd"),
    A64_PATTERN(DP_2src,     "f 0 0 11010110 mmmmm oooooo nnnnn ddddd"),
    A64_PATTERN(DP_3src,     "f 00 11011 ooo mmmmm a aaaaa nnnnn ddddd"),
    A64_PATTERN_END
};
