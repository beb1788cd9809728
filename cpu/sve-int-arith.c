/* SVE integer arithmetic: the predicated binary operations (ADD, SUB,
 * SUBR, SMAX..UABD, MUL, SMULH, UMULH, SDIV..UDIVR), the predicated unary
 * ones (SXTB..UXTW, ABS, NEG, CLS, CLZ, CNT, CNOT, NOT, FABS, FNEG),
 * MLA/MLS/MAD/MSB, the unpredicated ADD/SUB and saturating forms, and the
 * immediate forms (ADD/SUB/SUBR/SQADD.. #imm, SMAX..UMIN #imm, MUL #imm). */
#include "cpu/sve.h"

/* The binary operations, numbered as bits 20:16 of the predicated form. */
enum sve_binop {
    SVE_ADD = 0, SVE_SUB = 1, SVE_SUBR = 3,
    SVE_SMAX = 8, SVE_UMAX = 9, SVE_SMIN = 10, SVE_UMIN = 11,
    SVE_SABD = 12, SVE_UABD = 13,
    SVE_MUL = 16, SVE_SMULH = 18, SVE_UMULH = 19,
    SVE_SDIV = 20, SVE_UDIV = 21, SVE_SDIVR = 22, SVE_UDIVR = 23,
    SVE_ORR = 24, SVE_EOR = 25, SVE_AND = 26, SVE_BIC = 27,
    /* Not in that encoding: the saturating add/subtract. */
    SVE_SQADD = 32, SVE_UQADD, SVE_SQSUB, SVE_UQSUB,
};

static bool sve_binop_valid(unsigned op)
{
    switch (op) {
    case SVE_ADD: case SVE_SUB: case SVE_SUBR:
    case SVE_SMAX: case SVE_UMAX: case SVE_SMIN: case SVE_UMIN:
    case SVE_SABD: case SVE_UABD:
    case SVE_MUL: case SVE_SMULH: case SVE_UMULH:
    case SVE_SDIV: case SVE_UDIV: case SVE_SDIVR: case SVE_UDIVR:
    case SVE_ORR: case SVE_EOR: case SVE_AND: case SVE_BIC:
        return true;
    default:
        return false;
    }
}

static uint64_t sve_binop(unsigned op, unsigned esz, uint64_t a, uint64_t b)
{
    uint64_t mask = sve_esz_mask(esz);
    int64_t sa = sve_sext(a, esz), sb = sve_sext(b, esz);
    unsigned bits = 8u << esz;

    switch (op) {
    case SVE_ADD: return (a + b) & mask;
    case SVE_SUB: return (a - b) & mask;
    case SVE_SUBR: return (b - a) & mask;
    case SVE_SMAX: return sa > sb ? a : b;
    case SVE_UMAX: return a > b ? a : b;
    case SVE_SMIN: return sa < sb ? a : b;
    case SVE_UMIN: return a < b ? a : b;
    case SVE_SABD:
        return (sa > sb ? (uint64_t)sa - (uint64_t)sb
                        : (uint64_t)sb - (uint64_t)sa) & mask;
    case SVE_UABD: return (a > b ? a - b : b - a) & mask;
    case SVE_MUL: return (a * b) & mask;
    case SVE_SMULH:
        return (uint64_t)(((__int128)sa * sb) >> bits) & mask;
    case SVE_UMULH:
        return (uint64_t)(((unsigned __int128)a * b) >> bits) & mask;
    case SVE_SDIVR: { int64_t t = sa; sa = sb; sb = t; }
        /* fall through */
    case SVE_SDIV:
        if (sb == 0)
            return 0;
        if (sb == -1)
            return (uint64_t)(-(__int128)sa) & mask;  /* INT_MIN / -1 wraps */
        return (uint64_t)(sa / sb) & mask;
    case SVE_UDIVR: { uint64_t t = a; a = b; b = t; }
        /* fall through */
    case SVE_UDIV: return b ? a / b : 0;
    case SVE_ORR: return a | b;
    case SVE_EOR: return a ^ b;
    case SVE_AND: return a & b;
    case SVE_BIC: return a & ~b;
    case SVE_SQADD: return sve_sat((__int128)sa + sb, esz, false);
    case SVE_UQADD: return sve_sat((__int128)a + b, esz, true);
    case SVE_SQSUB: return sve_sat((__int128)sa - sb, esz, false);
    default: return sve_sat((__int128)a - (__int128)b, esz, true);
    }
}

/* <op> Zdn, Pg/M, Zdn, Zm */
static int trans_binop_pred(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), op = a64_bits(insn, 16, 5);
    unsigned dn = A64_RD(insn), pg = SVE_PG3(insn);
    const cpu_zreg *m = &cpu->z[a64_bits(insn, 5, 5)];
    cpu_zreg r;

    if (!sve_binop_valid(op) ||
        (op >= SVE_SDIV && op <= SVE_UDIVR && esz < 2))
        return a64_undef(cpu, insn);
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        uint64_t a = sve_elem(&cpu->z[dn], esz, i);
        sve_set_elem(&r, esz, i, sve_active(cpu, pg, esz, i)
                                 ? sve_binop(op, esz, a, sve_elem(m, esz, i))
                                 : a);
    }
    sve_put_z(cpu, dn, &r);
    return A64_NEXT;
}

/* ADD, SUB, SQADD, UQADD, SQSUB, UQSUB (vectors, unpredicated) */
static int trans_addsub_unpred(struct cpu_state *cpu, uint32_t insn)
{
    static const int ops[8] = { SVE_ADD, SVE_SUB, -1, -1,
                                SVE_SQADD, SVE_UQADD, SVE_SQSUB, SVE_UQSUB };
    unsigned esz = SVE_SIZE(insn);
    int op = ops[a64_bits(insn, 10, 3)];
    const cpu_zreg *n = &cpu->z[A64_RN(insn)], *m = &cpu->z[A64_RM(insn)];
    cpu_zreg r;

    if (op < 0)
        return a64_undef(cpu, insn);
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++)
        sve_set_elem(&r, esz, i, sve_binop((unsigned)op, esz,
                                           sve_elem(n, esz, i),
                                           sve_elem(m, esz, i)));
    sve_put_z(cpu, A64_RD(insn), &r);
    return A64_NEXT;
}

/* Apply op with an immediate second operand to every element of Zdn. */
static void sve_imm_op(struct cpu_state *cpu, unsigned dn, unsigned esz,
                       unsigned op, uint64_t imm)
{
    cpu_zreg r;
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++)
        sve_set_elem(&r, esz, i,
                     sve_binop(op, esz, sve_elem(&cpu->z[dn], esz, i), imm));
    sve_put_z(cpu, dn, &r);
}

/* ADD, SUB, SUBR, SQADD, UQADD, SQSUB, UQSUB (immediate) */
static int trans_addsub_imm(struct cpu_state *cpu, uint32_t insn)
{
    static const int ops[8] = { SVE_ADD, SVE_SUB, -1, SVE_SUBR,
                                SVE_SQADD, SVE_UQADD, SVE_SQSUB, SVE_UQSUB };
    unsigned esz = SVE_SIZE(insn);
    int op = ops[a64_bits(insn, 16, 3)];
    bool sh = a64_bits(insn, 13, 1);

    if (op < 0 || (esz == 0 && sh))
        return a64_undef(cpu, insn);
    uint64_t imm = (uint64_t)a64_bits(insn, 5, 8) << (sh ? 8 : 0);
    if (op == SVE_SQADD || op == SVE_SQSUB) {
        /* The immediate is unsigned even for the signed saturations. */
        unsigned dn = A64_RD(insn);
        cpu_zreg r;
        for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
            __int128 e = sve_sext(sve_elem(&cpu->z[dn], esz, i), esz);
            sve_set_elem(&r, esz, i, sve_sat(op == SVE_SQADD ? e + imm : e - imm,
                                             esz, false));
        }
        sve_put_z(cpu, dn, &r);
        return A64_NEXT;
    }
    sve_imm_op(cpu, A64_RD(insn), esz, (unsigned)op, imm);
    return A64_NEXT;
}

/* SMAX, UMAX, SMIN, UMIN (immediate): signed forms take a signed imm8. */
static int trans_minmax_imm(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), opc = a64_bits(insn, 16, 2);
    bool is_unsigned = opc & 1;
    uint64_t imm = is_unsigned ? a64_bits(insn, 5, 8)
                               : (uint64_t)a64_sbits(insn, 5, 8) &
                                 sve_esz_mask(esz);
    sve_imm_op(cpu, A64_RD(insn), esz, SVE_SMAX + opc, imm);
    return A64_NEXT;
}

static int trans_MUL_imm(struct cpu_state *cpu, uint32_t insn)
{
    sve_imm_op(cpu, A64_RD(insn), SVE_SIZE(insn), SVE_MUL,
               (uint64_t)a64_sbits(insn, 5, 8) & sve_esz_mask(SVE_SIZE(insn)));
    return A64_NEXT;
}

/* MLA, MLS: Zda +-= Zn * Zm; MAD, MSB: Zdn = Za +- Zdn * Zm. */
static int trans_MLA_MLS(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), d = A64_RD(insn), pg = SVE_PG3(insn);
    bool sub = a64_bits(insn, 13, 1);
    const cpu_zreg *n = &cpu->z[A64_RN(insn)], *m = &cpu->z[A64_RM(insn)];
    cpu_zreg r;

    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        uint64_t acc = sve_elem(&cpu->z[d], esz, i);
        if (sve_active(cpu, pg, esz, i)) {
            uint64_t p = sve_elem(n, esz, i) * sve_elem(m, esz, i);
            acc = sub ? acc - p : acc + p;
        }
        sve_set_elem(&r, esz, i, acc);
    }
    sve_put_z(cpu, d, &r);
    return A64_NEXT;
}

static int trans_MAD_MSB(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), dn = A64_RD(insn), pg = SVE_PG3(insn);
    bool sub = a64_bits(insn, 13, 1);
    const cpu_zreg *a = &cpu->z[A64_RN(insn)], *m = &cpu->z[A64_RM(insn)];
    cpu_zreg r;

    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        uint64_t v = sve_elem(&cpu->z[dn], esz, i);
        if (sve_active(cpu, pg, esz, i)) {
            uint64_t p = v * sve_elem(m, esz, i);
            v = sub ? sve_elem(a, esz, i) - p : sve_elem(a, esz, i) + p;
        }
        sve_set_elem(&r, esz, i, v);
    }
    sve_put_z(cpu, dn, &r);
    return A64_NEXT;
}

/* The predicated unary operations, numbered as bits 20:16 (1xxxx). */
static int trans_unary_pred(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), op = a64_bits(insn, 16, 3);
    unsigned opc = a64_bits(insn, 19, 1), d = A64_RD(insn);
    unsigned pg = SVE_PG3(insn), bits = 8u << esz;
    const cpu_zreg *n = &cpu->z[A64_RN(insn)];
    uint64_t mask = sve_esz_mask(esz);
    cpu_zreg r;

    /* opc 0: 000 SXTB 001 UXTB 010 SXTH 011 UXTH 100 SXTW 101 UXTW 110 ABS
     * 111 NEG; opc 1: 000 CLS 001 CLZ 010 CNT 011 CNOT 100 FABS 101 FNEG
     * 110 NOT. An extension must be from a narrower size. */
    if ((!opc && op < 6 && (op >> 1) >= esz) ||
        (opc && (op == 4 || op == 5) && esz == 0) || (opc && op == 7))
        return a64_undef(cpu, insn);
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        uint64_t a = sve_elem(n, esz, i), v;
        if (!sve_active(cpu, pg, esz, i)) {
            sve_set_elem(&r, esz, i, sve_elem(&cpu->z[d], esz, i));
            continue;
        }
        if (!opc) {
            switch (op) {
            case 0: v = (uint64_t)(int64_t)(int8_t)a; break;
            case 1: v = (uint8_t)a; break;
            case 2: v = (uint64_t)(int64_t)(int16_t)a; break;
            case 3: v = (uint16_t)a; break;
            case 4: v = (uint64_t)(int64_t)(int32_t)a; break;
            case 5: v = (uint32_t)a; break;
            case 6: {
                int64_t s = sve_sext(a, esz);
                v = s < 0 ? -(uint64_t)s : (uint64_t)s;
                break;
            }
            default: v = -a; break;
            }
        } else {
            switch (op) {
            case 0: {  /* CLS */
                uint64_t x = a ^ (uint64_t)(sve_sext(a, esz) >> 63);
                x &= mask;
                v = (x ? (unsigned)__builtin_clzll(x) - (64 - bits) : bits) - 1;
                break;
            }
            case 1:
                v = a ? (unsigned)__builtin_clzll(a) - (64 - bits) : bits;
                break;
            case 2: v = (unsigned)__builtin_popcountll(a); break;
            case 3: v = a == 0; break;
            case 4: v = a & (mask >> 1); break;            /* FABS */
            case 5: v = a ^ (1ull << (bits - 1)); break;   /* FNEG */
            default: v = ~a; break;
            }
        }
        sve_set_elem(&r, esz, i, v & mask);
    }
    sve_put_z(cpu, d, &r);
    return A64_NEXT;
}

const struct a64_pattern sve_int_arith_patterns[] = {
    A64_PATTERN(binop_pred, "00000100 ss 0 ooooo 000 ggg mmmmm ddddd"),
    A64_PATTERN(addsub_unpred, "00000100 ss 1 mmmmm 000 ooo nnnnn ddddd"),
    A64_PATTERN(addsub_imm, "00100101 ss 100 ooo 11 h iiiiiiii ddddd"),
    A64_PATTERN(minmax_imm, "00100101 ss 101 0oo 110 iiiiiiii ddddd"),
    A64_PATTERN(MUL_imm, "00100101 ss 110 000 110 iiiiiiii ddddd"),
    A64_PATTERN(MLA_MLS, "00000100 ss 0 mmmmm 01 o ggg nnnnn ddddd"),
    A64_PATTERN(MAD_MSB, "00000100 ss 0 mmmmm 11 o ggg nnnnn ddddd"),
    A64_PATTERN(unary_pred, "00000100 ss 0 1oooo 101 ggg nnnnn ddddd"),
    A64_PATTERN_END,
};
