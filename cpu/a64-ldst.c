/* A64 loads and stores of single registers and pairs, general-purpose and
 * SIMD&FP (B/H/S/D/Q), in every addressing mode: literal, unsigned scaled
 * offset, unscaled (LDUR), pre/post-index, unprivileged (LDTR: at EL0 the
 * same as LDR), register offset with extend/shift, pairs (LDP, STP, LDPSW,
 * LDNP, STNP), and the RCpc unscaled forms (LDAPUR, STLUR).
 *
 * Every handler completes all memory accesses before it writes a register,
 * so a fault or a watchpoint stop leaves the architectural state as it was
 * (a pair is one access of twice the size).
 *
 * MTE: accesses based on SP with an immediate offset and no writeback,
 * and literal loads, are Tag Unchecked (cpu/mte.h); the others are
 * checked by the memory path.
 */
#include "cpu/cpu-internal.h"
#include "cpu/mte.h"

/* What a (size, V, opc) triple means. */
struct ldst_op {
    unsigned bytes;
    bool load;
    bool simd;
    bool sign;        /* sign-extending load */
    bool to64;        /* sign-extend to 64 bits (else to 32) */
    bool prefetch;    /* PRFM/PRFUM: no access */
};

/* Decode size:V:opc of the single-register forms. False if unallocated. */
static bool ldst_decode(uint32_t insn, struct ldst_op *op)
{
    unsigned size = a64_bits(insn, 30, 2), opc = a64_bits(insn, 22, 2);
    bool v = (insn >> 26) & 1;

    *op = (struct ldst_op){ 0 };
    op->simd = v;
    if (v) {
        if (opc & 2) {
            if (size != 0)
                return false;
            op->bytes = 16;
        } else {
            op->bytes = 1u << size;
        }
        op->load = opc & 1;
        return true;
    }
    op->bytes = 1u << size;
    switch (opc) {
    case 0:
        break;
    case 1:
        op->load = true;
        break;
    case 2:
        if (size == 3) {
            op->prefetch = true;
            break;
        }
        op->load = op->sign = op->to64 = true;
        break;
    default:
        if (size >= 2)
            return false;
        op->load = op->sign = true;
        break;
    }
    return true;
}

static uint64_t sign_extend(uint64_t v, unsigned bytes, bool to64)
{
    unsigned shift = 64 - bytes * 8;
    uint64_t r = (uint64_t)((int64_t)(v << shift) >> shift);
    return to64 ? r : (uint32_t)r;
}

/* Perform one single-register access. Returns 0, or -1 with cpu->exit set
 * and nothing changed. */
static int ldst_access_checked(struct cpu_state *cpu, const struct ldst_op *op,
                               unsigned rt, uint64_t addr)
{
    if (op->prefetch)
        return 0;
    if (op->simd) {
        if (op->load) {
            uint8_t buf[16];
            if (cpu_load(cpu, addr, op->bytes, buf) != 0)
                return -1;
            memcpy(cpu->z[rt].b, buf, op->bytes);
            a64_zero_v_above(cpu, rt, op->bytes);
            return 0;
        }
        return cpu_store(cpu, addr, op->bytes, cpu->z[rt].b);
    }
    if (op->load) {
        uint64_t v;
        if (cpu_load_uint(cpu, addr, op->bytes, &v) != 0)
            return -1;
        if (op->sign)
            v = sign_extend(v, op->bytes, op->to64);
        a64_set_x(cpu, rt, v);
        return 0;
    }
    return cpu_store_uint(cpu, addr, op->bytes, a64_x(cpu, rt));
}

/* The same; tag_checked false: a Tag Unchecked access (cpu/mte.h). */
static int ldst_access(struct cpu_state *cpu, const struct ldst_op *op,
                       unsigned rt, uint64_t addr, bool tag_checked)
{
    bool tco = mte_unchecked_begin(cpu, !tag_checked);
    int r = ldst_access_checked(cpu, op, rt, addr);

    mte_unchecked_end(cpu, tco);
    return r;
}

/* LDR (literal): W, X, LDRSW, PRFM; S, D, Q. */
static int trans_LDR_lit(struct cpu_state *cpu, uint32_t insn)
{
    unsigned opc = a64_bits(insn, 30, 2);
    bool v = (insn >> 26) & 1;
    struct ldst_op op = { .load = true, .simd = v };
    uint64_t addr = cpu->pc + (uint64_t)(a64_sbits(insn, 5, 19) * 4);

    if (v) {
        if (opc == 3)
            return a64_undef(cpu, insn);
        op.bytes = 4u << opc;
    } else {
        switch (opc) {
        case 0: op.bytes = 4; break;
        case 1: op.bytes = 8; break;
        case 2: op.bytes = 4; op.sign = op.to64 = true; break;
        default: return A64_NEXT;   /* PRFM (literal) */
        }
    }
    /* PC-relative: Tag Unchecked. */
    return ldst_access(cpu, &op, A64_RD(insn), addr, false) ? A64_EXIT
                                                            : A64_NEXT;
}

/* LDR/STR (unsigned offset), PRFM */
static int trans_LDST_uimm(struct cpu_state *cpu, uint32_t insn)
{
    struct ldst_op op;
    uint64_t addr;

    if (!ldst_decode(insn, &op))
        return a64_undef(cpu, insn);
    addr = a64_x_sp(cpu, A64_RN(insn)) +
           ((uint64_t)a64_bits(insn, 10, 12) * op.bytes);
    return ldst_access(cpu, &op, A64_RD(insn), addr, A64_RN(insn) != 31)
               ? A64_EXIT : A64_NEXT;
}

/* LDUR/STUR, PRFUM; LDTR/STTR; pre- and post-index forms. */
static int trans_LDST_imm9(struct cpu_state *cpu, uint32_t insn)
{
    unsigned mode = a64_bits(insn, 10, 2);   /* 0 unscaled, 1 post, 2 unpriv, 3 pre */
    unsigned rn = A64_RN(insn), rt = A64_RD(insn);
    int64_t imm = a64_sbits(insn, 12, 9);
    uint64_t base = a64_x_sp(cpu, rn), addr;
    struct ldst_op op;

    if (!ldst_decode(insn, &op))
        return a64_undef(cpu, insn);
    if (mode != 0 && op.prefetch)
        return a64_undef(cpu, insn);
    if (mode == 2 && op.simd)
        return a64_undef(cpu, insn);
    addr = mode == 1 ? base : base + (uint64_t)imm;
    /* Writeback (post/pre-index) forms are checked even from SP. */
    if (ldst_access(cpu, &op, rt, addr, mode == 1 || mode == 3 || rn != 31))
        return A64_EXIT;
    if (mode == 1 || mode == 3) {
        /* A load whose base is its destination keeps the loaded value
         * (the architecture leaves it CONSTRAINED UNPREDICTABLE). Rt 31
         * is XZR, never the same register as an Rn of 31 (SP). */
        if (!(op.load && !op.simd && rn == rt && rt != 31))
            a64_set_x_sp(cpu, rn, base + (uint64_t)imm);
    }
    return A64_NEXT;
}

/* LDR/STR (register offset): base + extend(Rm) << (S ? log2(size) : 0). */
static int trans_LDST_reg(struct cpu_state *cpu, uint32_t insn)
{
    unsigned option = a64_bits(insn, 13, 3);
    unsigned shift = 0;
    uint64_t off = a64_x(cpu, A64_RM(insn));
    struct ldst_op op;

    if (!ldst_decode(insn, &op) || !(option & 2))
        return a64_undef(cpu, insn);
    if ((insn >> 12) & 1)
        shift = (unsigned)__builtin_ctz(op.bytes);
    switch (option) {
    case 2: off = (uint32_t)off; break;                         /* UXTW */
    case 6: off = (uint64_t)(int64_t)(int32_t)off; break;       /* SXTW */
    default: break;                                             /* LSL, SXTX */
    }
    /* A register offset is always tag checked, SP base or not. */
    return ldst_access(cpu, &op, A64_RD(insn),
                       a64_x_sp(cpu, A64_RN(insn)) + (off << shift), true)
               ? A64_EXIT : A64_NEXT;
}

/* LDP, STP, LDPSW, LDNP, STNP (general and SIMD&FP registers). */
static int trans_LDST_pair(struct cpu_state *cpu, uint32_t insn)
{
    unsigned opc = a64_bits(insn, 30, 2), mode = a64_bits(insn, 23, 2);
    bool v = (insn >> 26) & 1, load = (insn >> 22) & 1, sign = false;
    unsigned rt = A64_RD(insn), rt2 = A64_RT2(insn), rn = A64_RN(insn);
    unsigned bytes;
    uint64_t base = a64_x_sp(cpu, rn), addr;
    int64_t off;
    uint8_t buf[32];

    if (opc == 3)
        return a64_undef(cpu, insn);
    if (v) {
        bytes = 4u << opc;
    } else if (opc == 1) {
        /* LDPSW; STGP (MTE) and the non-temporal form are unallocated. */
        if (!load || mode == 0)
            return a64_undef(cpu, insn);
        bytes = 4;
        sign = true;
    } else {
        bytes = opc ? 8 : 4;
    }
    off = a64_sbits(insn, 15, 7) * (int64_t)bytes;
    addr = mode == 1 ? base : base + (uint64_t)off;   /* 1: post-index */
    bool tag_checked = mode == 1 || mode == 3 || rn != 31;

    if (load) {
        bool tco = mte_unchecked_begin(cpu, !tag_checked);
        int r = cpu_load(cpu, addr, 2 * bytes, buf);
        mte_unchecked_end(cpu, tco);
        if (r != 0)
            return A64_EXIT;
        if (v) {
            memcpy(cpu->z[rt].b, buf, bytes);
            a64_zero_v_above(cpu, rt, bytes);
            memcpy(cpu->z[rt2].b, buf + bytes, bytes);
            a64_zero_v_above(cpu, rt2, bytes);
        } else {
            uint64_t a = 0, b = 0;
            memcpy(&a, buf, bytes);
            memcpy(&b, buf + bytes, bytes);
            if (sign) {
                a = sign_extend(a, 4, true);
                b = sign_extend(b, 4, true);
            }
            a64_set_x(cpu, rt, a);
            a64_set_x(cpu, rt2, b);
        }
    } else {
        if (v) {
            memcpy(buf, cpu->z[rt].b, bytes);
            memcpy(buf + bytes, cpu->z[rt2].b, bytes);
        } else {
            uint64_t a = a64_x(cpu, rt), b = a64_x(cpu, rt2);
            memcpy(buf, &a, bytes);
            memcpy(buf + bytes, &b, bytes);
        }
        bool tco = mte_unchecked_begin(cpu, !tag_checked);
        int r = cpu_store(cpu, addr, 2 * bytes, buf);
        mte_unchecked_end(cpu, tco);
        if (r != 0)
            return A64_EXIT;
    }
    if (mode == 1 || mode == 3) {
        if (!(load && !v && rn != 31 && (rn == rt || rn == rt2)))
            a64_set_x_sp(cpu, rn, base + (uint64_t)off);
    }
    return A64_NEXT;
}

/* LDAPUR*, STLUR* (RCpc, unscaled offset). One in-order host thread: the
 * ordering needs nothing more than program order. */
static int trans_LDAPUR(struct cpu_state *cpu, uint32_t insn)
{
    struct ldst_op op;
    uint64_t addr;

    if (!ldst_decode(insn, &op) || op.prefetch)
        return a64_undef(cpu, insn);
    addr = a64_x_sp(cpu, A64_RN(insn)) + (uint64_t)a64_sbits(insn, 12, 9);
    return ldst_access(cpu, &op, A64_RD(insn), addr, A64_RN(insn) != 31)
               ? A64_EXIT : A64_NEXT;
}

const struct a64_pattern a64_ldst_patterns[] = {
    A64_PATTERN(LDR_lit,   "oo 011 V 00 iiiiiiiiiiiiiiiiiii ttttt"),
    A64_PATTERN(LDST_uimm, "ss 111 V 01 oo iiiiiiiiiiii nnnnn ttttt"),
    A64_PATTERN(LDST_imm9, "ss 111 V 00 oo 0 iiiiiiiii xx nnnnn ttttt"),
    A64_PATTERN(LDST_reg,  "ss 111 V 00 oo 1 mmmmm xxx S 10 nnnnn ttttt"),
    A64_PATTERN(LDST_pair, "oo 101 V 0 xx L iiiiiii uuuuu nnnnn ttttt"),
    A64_PATTERN(LDAPUR,    "ss 011001 oo 0 iiiiiiiii 00 nnnnn ttttt"),
    A64_PATTERN_END
};
