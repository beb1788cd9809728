/* SVE contiguous loads and stores: LD1* and ST1* (scalar plus immediate or
 * scalar), the first-fault (LDFF1*) and non-fault (LDNF1*) loads with the
 * FFR, LD1R* and LD1RQ* (load and replicate), LD2-LD4 and ST2-ST4,
 * LDNT1/STNT1, LDR/STR of Z and P registers, and the prefetches (no-ops).
 *
 * A load that faults on an element it must access returns A64_EXIT with
 * no register changed (results are built in locals). A store that faults
 * part-way may have written the earlier elements, as the architecture
 * allows. */
#include "cpu/sve.h"

/* The data type of the LD1 encodings (dtype, bits 24:21): memory element
 * size, vector element size, sign extension. */
struct sve_dtype {
    unsigned msz, esz;
    bool is_signed;
};

static struct sve_dtype sve_decode_dtype(unsigned dtype)
{
    unsigned m = dtype >> 2, e = dtype & 3;
    struct sve_dtype t;
    if (e >= m) {
        t.msz = m;
        t.esz = e;
        t.is_signed = false;
    } else {
        t.msz = 3 - m;
        t.esz = 3 - e;
        t.is_signed = true;
    }
    return t;
}

/* Fault handling of one load instruction. */
enum sve_fault_mode {
    SVE_FAULT_NORMAL,   /* any fault on an active element faults */
    SVE_FAULT_FIRST,    /* only the first active element may fault */
    SVE_FAULT_NONE,     /* never faults: FFR records where it stopped */
};

/* Load one element; in the first-fault/non-fault modes a failing access
 * that must not fault is undone (cpu->exit cleared) and reported as 1. */
int sve_load_elem(struct cpu_state *cpu, uint64_t va, unsigned msz,
                  bool may_fault, uint64_t *val)
{
    if (may_fault)
        return cpu_load_uint(cpu, va, 1u << msz, val);
    enum cpu_exit saved_exit = cpu->exit;
    struct cpu_exit_info saved_info = cpu->exit_info;
    if (cpu_load_uint(cpu, va, 1u << msz, val) == 0)
        return 0;
    cpu->exit = saved_exit;
    cpu->exit_info = saved_info;
    return 1;
}

/* Clear FFR from element i on (byte granularity bit i << esz). */
void sve_ffr_clear_from(struct cpu_state *cpu, unsigned esz, unsigned i)
{
    for (unsigned bit = i << esz; bit < sve_vl(cpu); bit++)
        cpu->ffr[bit >> 3] &= (uint8_t)~(1u << (bit & 7));
}

/* LD1-style load of one vector: element i from addr + i * msize. */
static int sve_ld1(struct cpu_state *cpu, unsigned zt, unsigned pg,
                   struct sve_dtype t, uint64_t addr,
                   enum sve_fault_mode mode)
{
    unsigned n = sve_elems(cpu, t.esz), mbytes = 1u << t.msz;
    cpu_zreg r;
    bool first = true;

    memset(r.b, 0, sizeof r.b);
    if (mode == SVE_FAULT_NORMAL && t.msz == t.esz) {
        /* One access over the active span: the inactive elements inside
         * it lie on pages the active ones touch (VL <= 256 bytes). */
        int lo = -1, hi = -1;
        for (unsigned i = 0; i < n; i++)
            if (sve_active(cpu, pg, t.esz, i)) {
                if (lo < 0)
                    lo = (int)i;
                hi = (int)i;
            }
        if (lo >= 0) {
            if (cpu_load(cpu, addr + (uint64_t)lo * mbytes,
                         (unsigned)(hi - lo + 1) * mbytes,
                         r.b + (unsigned)lo * mbytes) < 0)
                return A64_EXIT;
            for (int i = lo; i <= hi; i++)
                if (!sve_active(cpu, pg, t.esz, (unsigned)i))
                    sve_set_elem(&r, t.esz, (unsigned)i, 0);
        }
        sve_put_z(cpu, zt, &r);
        return A64_NEXT;
    }
    for (unsigned i = 0; i < n; i++) {
        uint64_t v;
        if (!sve_active(cpu, pg, t.esz, i))
            continue;
        bool may_fault = mode == SVE_FAULT_NORMAL ||
                         (mode == SVE_FAULT_FIRST && first);
        int rc = sve_load_elem(cpu, addr + (uint64_t)i * mbytes, t.msz,
                               may_fault, &v);
        if (rc < 0)
            return A64_EXIT;
        if (rc > 0) {
            sve_ffr_clear_from(cpu, t.esz, i);
            break;
        }
        first = false;
        if (t.is_signed)
            v = (uint64_t)sve_sext(v, t.msz);
        sve_set_elem(&r, t.esz, i, v);
    }
    sve_put_z(cpu, zt, &r);
    return A64_NEXT;
}

/* LD1* (scalar plus immediate) */
static int trans_LD1_si(struct cpu_state *cpu, uint32_t insn)
{
    struct sve_dtype t = sve_decode_dtype(a64_bits(insn, 21, 4));
    uint64_t off = (uint64_t)a64_sbits(insn, 16, 4) *
                   (sve_elems(cpu, t.esz) << t.msz);
    return sve_ld1(cpu, a64_bits(insn, 0, 5), SVE_PG3(insn), t,
                   a64_x_sp(cpu, A64_RN(insn)) + off, SVE_FAULT_NORMAL);
}

/* LDNF1* (scalar plus immediate) */
static int trans_LDNF1_si(struct cpu_state *cpu, uint32_t insn)
{
    struct sve_dtype t = sve_decode_dtype(a64_bits(insn, 21, 4));
    uint64_t off = (uint64_t)a64_sbits(insn, 16, 4) *
                   (sve_elems(cpu, t.esz) << t.msz);
    return sve_ld1(cpu, a64_bits(insn, 0, 5), SVE_PG3(insn), t,
                   a64_x_sp(cpu, A64_RN(insn)) + off, SVE_FAULT_NONE);
}

/* LD1* (scalar plus scalar); Rm = XZR is unallocated. */
static int trans_LD1_ss(struct cpu_state *cpu, uint32_t insn)
{
    struct sve_dtype t = sve_decode_dtype(a64_bits(insn, 21, 4));
    if (A64_RM(insn) == 31)
        return a64_undef(cpu, insn);
    return sve_ld1(cpu, a64_bits(insn, 0, 5), SVE_PG3(insn), t,
                   a64_x_sp(cpu, A64_RN(insn)) +
                   (a64_x(cpu, A64_RM(insn)) << t.msz), SVE_FAULT_NORMAL);
}

/* LDFF1* (scalar plus scalar); Rm may be XZR. */
static int trans_LDFF1_ss(struct cpu_state *cpu, uint32_t insn)
{
    struct sve_dtype t = sve_decode_dtype(a64_bits(insn, 21, 4));
    return sve_ld1(cpu, a64_bits(insn, 0, 5), SVE_PG3(insn), t,
                   a64_x_sp(cpu, A64_RN(insn)) +
                   (a64_x(cpu, A64_RM(insn)) << t.msz), SVE_FAULT_FIRST);
}

/* LD1R* (load one element and broadcast it to the active elements). */
static int trans_LD1R_si(struct cpu_state *cpu, uint32_t insn)
{
    unsigned dtype = a64_bits(insn, 23, 2) << 2 | a64_bits(insn, 13, 2);
    struct sve_dtype t = sve_decode_dtype(dtype);
    unsigned pg = SVE_PG3(insn), n = sve_elems(cpu, t.esz);
    uint64_t addr = a64_x_sp(cpu, A64_RN(insn)) +
                    ((uint64_t)a64_bits(insn, 16, 6) << t.msz);
    uint64_t v = 0;
    bool any = false;
    cpu_zreg r;

    for (unsigned i = 0; i < n && !any; i++)
        any = sve_active(cpu, pg, t.esz, i);
    if (any) {
        if (cpu_load_uint(cpu, addr, 1u << t.msz, &v) < 0)
            return A64_EXIT;
        if (t.is_signed)
            v = (uint64_t)sve_sext(v, t.msz);
    }
    for (unsigned i = 0; i < n; i++)
        sve_set_elem(&r, t.esz, i, sve_active(cpu, pg, t.esz, i) ? v : 0);
    sve_put_z(cpu, a64_bits(insn, 0, 5), &r);
    return A64_NEXT;
}

/* LD1RQ*: load a quadword (active elements of the first 128 bits of the
 * predicate) and replicate it across the vector. */
static int sve_ld1rq(struct cpu_state *cpu, uint32_t insn, uint64_t addr)
{
    unsigned msz = a64_bits(insn, 23, 2), pg = SVE_PG3(insn);
    unsigned per_q = 16u >> msz;
    cpu_zreg q, r;

    memset(q.b, 0, 16);
    for (unsigned i = 0; i < per_q; i++) {
        uint64_t v;
        if (!sve_active(cpu, pg, msz, i))
            continue;
        if (cpu_load_uint(cpu, addr + ((uint64_t)i << msz), 1u << msz, &v) < 0)
            return A64_EXIT;
        sve_set_elem(&q, msz, i, v);
    }
    for (unsigned i = 0; i < sve_vl(cpu); i += 16)
        memcpy(r.b + i, q.b, 16);
    sve_put_z(cpu, a64_bits(insn, 0, 5), &r);
    return A64_NEXT;
}

static int trans_LD1RQ_si(struct cpu_state *cpu, uint32_t insn)
{
    return sve_ld1rq(cpu, insn, a64_x_sp(cpu, A64_RN(insn)) +
                                (uint64_t)a64_sbits(insn, 16, 4) * 16);
}

static int trans_LD1RQ_ss(struct cpu_state *cpu, uint32_t insn)
{
    if (A64_RM(insn) == 31)
        return a64_undef(cpu, insn);
    return sve_ld1rq(cpu, insn, a64_x_sp(cpu, A64_RN(insn)) +
                                (a64_x(cpu, A64_RM(insn)) << a64_bits(insn, 23, 2)));
}

/* LD2-LD4 (nn = 1..3) and LDNT1 (nn = 0): element i of register r at
 * addr + (i * nregs + r) * msize. */
static int sve_ldn(struct cpu_state *cpu, uint32_t insn, uint64_t addr)
{
    unsigned msz = a64_bits(insn, 23, 2), nregs = a64_bits(insn, 21, 2) + 1;
    unsigned zt = a64_bits(insn, 0, 5), pg = SVE_PG3(insn);
    unsigned n = sve_elems(cpu, msz);
    cpu_zreg r[4];

    if (nregs == 1) {
        struct sve_dtype t = { msz, msz, false };
        return sve_ld1(cpu, zt, pg, t, addr, SVE_FAULT_NORMAL);
    }
    memset(r, 0, sizeof r);
    for (unsigned i = 0; i < n; i++) {
        if (!sve_active(cpu, pg, msz, i))
            continue;
        for (unsigned k = 0; k < nregs; k++) {
            uint64_t v;
            if (cpu_load_uint(cpu, addr + ((uint64_t)(i * nregs + k) << msz),
                              1u << msz, &v) < 0)
                return A64_EXIT;
            sve_set_elem(&r[k], msz, i, v);
        }
    }
    for (unsigned k = 0; k < nregs; k++)
        sve_put_z(cpu, (zt + k) % 32, &r[k]);
    return A64_NEXT;
}

static int trans_LDn_si(struct cpu_state *cpu, uint32_t insn)
{
    unsigned msz = a64_bits(insn, 23, 2), nregs = a64_bits(insn, 21, 2) + 1;
    uint64_t off = (uint64_t)a64_sbits(insn, 16, 4) * nregs * sve_vl(cpu);
    (void)msz;
    return sve_ldn(cpu, insn, a64_x_sp(cpu, A64_RN(insn)) + off);
}

static int trans_LDn_ss(struct cpu_state *cpu, uint32_t insn)
{
    if (A64_RM(insn) == 31)
        return a64_undef(cpu, insn);
    return sve_ldn(cpu, insn, a64_x_sp(cpu, A64_RN(insn)) +
                              (a64_x(cpu, A64_RM(insn)) << a64_bits(insn, 23, 2)));
}

/* ST1-style store of one vector, truncating esz elements to msz. */
static int sve_st1(struct cpu_state *cpu, unsigned zt, unsigned pg,
                   unsigned msz, unsigned esz, uint64_t addr)
{
    unsigned n = sve_elems(cpu, esz), mbytes = 1u << msz;
    const cpu_zreg *z = &cpu->z[zt];
    int lo = -1, hi = -1;
    bool dense = true;

    if (msz == esz) {
        for (unsigned i = 0; i < n; i++) {
            if (sve_active(cpu, pg, esz, i)) {
                if (lo < 0)
                    lo = (int)i;
                else if (hi != (int)i - 1)
                    dense = false;
                hi = (int)i;
            }
        }
        if (lo < 0)
            return A64_NEXT;
        if (dense) {
            if (cpu_store(cpu, addr + (uint64_t)lo * mbytes,
                          (unsigned)(hi - lo + 1) * mbytes,
                          z->b + (unsigned)lo * mbytes) < 0)
                return A64_EXIT;
            return A64_NEXT;
        }
    }
    for (unsigned i = 0; i < n; i++) {
        if (!sve_active(cpu, pg, esz, i))
            continue;
        if (cpu_store_uint(cpu, addr + (uint64_t)i * mbytes, mbytes,
                           sve_elem(z, esz, i)) < 0)
            return A64_EXIT;
    }
    return A64_NEXT;
}

/* ST1* (scalar plus immediate): esz (bits 22:21) >= msz. */
static int trans_ST1_si(struct cpu_state *cpu, uint32_t insn)
{
    unsigned msz = a64_bits(insn, 23, 2), esz = a64_bits(insn, 21, 2);
    if (esz < msz)
        return a64_undef(cpu, insn);
    uint64_t off = (uint64_t)a64_sbits(insn, 16, 4) *
                   (sve_elems(cpu, esz) << msz);
    return sve_st1(cpu, a64_bits(insn, 0, 5), SVE_PG3(insn), msz, esz,
                   a64_x_sp(cpu, A64_RN(insn)) + off);
}

static int trans_ST1_ss(struct cpu_state *cpu, uint32_t insn)
{
    unsigned msz = a64_bits(insn, 23, 2), esz = a64_bits(insn, 21, 2);
    if (esz < msz || A64_RM(insn) == 31)
        return a64_undef(cpu, insn);
    return sve_st1(cpu, a64_bits(insn, 0, 5), SVE_PG3(insn), msz, esz,
                   a64_x_sp(cpu, A64_RN(insn)) +
                   (a64_x(cpu, A64_RM(insn)) << msz));
}

/* ST2-ST4 (nn = 1..3) and STNT1 (nn = 0). */
static int sve_stn(struct cpu_state *cpu, uint32_t insn, uint64_t addr)
{
    unsigned msz = a64_bits(insn, 23, 2), nregs = a64_bits(insn, 21, 2) + 1;
    unsigned zt = a64_bits(insn, 0, 5), pg = SVE_PG3(insn);

    if (nregs == 1)
        return sve_st1(cpu, zt, pg, msz, msz, addr);
    for (unsigned i = 0; i < sve_elems(cpu, msz); i++) {
        if (!sve_active(cpu, pg, msz, i))
            continue;
        for (unsigned k = 0; k < nregs; k++)
            if (cpu_store_uint(cpu, addr + ((uint64_t)(i * nregs + k) << msz),
                               1u << msz,
                               sve_elem(&cpu->z[(zt + k) % 32], msz, i)) < 0)
                return A64_EXIT;
    }
    return A64_NEXT;
}

static int trans_STn_si(struct cpu_state *cpu, uint32_t insn)
{
    unsigned nregs = a64_bits(insn, 21, 2) + 1;
    uint64_t off = (uint64_t)a64_sbits(insn, 16, 4) * nregs * sve_vl(cpu);
    return sve_stn(cpu, insn, a64_x_sp(cpu, A64_RN(insn)) + off);
}

static int trans_STn_ss(struct cpu_state *cpu, uint32_t insn)
{
    if (A64_RM(insn) == 31)
        return a64_undef(cpu, insn);
    return sve_stn(cpu, insn, a64_x_sp(cpu, A64_RN(insn)) +
                              (a64_x(cpu, A64_RM(insn)) << a64_bits(insn, 23, 2)));
}

static int64_t sve_ldr_imm9(uint32_t insn)
{
    uint32_t imm9 = a64_bits(insn, 16, 6) << 3 | a64_bits(insn, 10, 3);
    return (int64_t)((uint64_t)imm9 << 55) >> 55;
}

/* LDR Zt, [Xn|SP{, #imm, MUL VL}] */
static int trans_LDR_z_si(struct cpu_state *cpu, uint32_t insn)
{
    cpu_zreg r;
    uint64_t addr = a64_x_sp(cpu, A64_RN(insn)) +
                    (uint64_t)sve_ldr_imm9(insn) * sve_vl(cpu);
    if (cpu_load(cpu, addr, sve_vl(cpu), r.b) < 0)
        return A64_EXIT;
    sve_put_z(cpu, a64_bits(insn, 0, 5), &r);
    return A64_NEXT;
}

static int trans_LDR_p_si(struct cpu_state *cpu, uint32_t insn)
{
    sve_pred r = { { 0 } };
    uint64_t addr = a64_x_sp(cpu, A64_RN(insn)) +
                    (uint64_t)sve_ldr_imm9(insn) * sve_pl(cpu);
    if (cpu_load(cpu, addr, sve_pl(cpu), r.b) < 0)
        return A64_EXIT;
    sve_put_p(cpu, a64_bits(insn, 0, 4), &r);
    return A64_NEXT;
}

static int trans_STR_z_si(struct cpu_state *cpu, uint32_t insn)
{
    uint64_t addr = a64_x_sp(cpu, A64_RN(insn)) +
                    (uint64_t)sve_ldr_imm9(insn) * sve_vl(cpu);
    if (cpu_store(cpu, addr, sve_vl(cpu), cpu->z[a64_bits(insn, 0, 5)].b) < 0)
        return A64_EXIT;
    return A64_NEXT;
}

static int trans_STR_p_si(struct cpu_state *cpu, uint32_t insn)
{
    uint64_t addr = a64_x_sp(cpu, A64_RN(insn)) +
                    (uint64_t)sve_ldr_imm9(insn) * sve_pl(cpu);
    if (cpu_store(cpu, addr, sve_pl(cpu), cpu->p[a64_bits(insn, 0, 4)]) < 0)
        return A64_EXIT;
    return A64_NEXT;
}

/* PRFB/PRFH/PRFW/PRFD: hints, no architectural effect. */
static int trans_PRF_si(struct cpu_state *cpu, uint32_t insn)
{
    (void)cpu;
    (void)insn;
    return A64_NEXT;
}

static int trans_PRF_ss(struct cpu_state *cpu, uint32_t insn)
{
    if (A64_RM(insn) == 31)
        return a64_undef(cpu, insn);
    return A64_NEXT;
}

const struct a64_pattern sve_ldst_patterns[] = {
    A64_PATTERN(LD1_si, "1010010 dddd 0 iiii 101 ggg nnnnn ttttt"),
    A64_PATTERN(LDNF1_si, "1010010 dddd 1 iiii 101 ggg nnnnn ttttt"),
    A64_PATTERN(LD1_ss, "1010010 dddd mmmmm 010 ggg nnnnn ttttt"),
    A64_PATTERN(LDFF1_ss, "1010010 dddd mmmmm 011 ggg nnnnn ttttt"),
    A64_PATTERN(LD1R_si, "1000010 dd 1 iiiiii 1 dd ggg nnnnn ttttt"),
    A64_PATTERN(LD1RQ_si, "1010010 ss 00 0 iiii 001 ggg nnnnn ttttt"),
    A64_PATTERN(LD1RQ_ss, "1010010 ss 00 mmmmm 000 ggg nnnnn ttttt"),
    A64_PATTERN(LDn_si, "1010010 ss nn 0 iiii 111 ggg nnnnn ttttt"),
    A64_PATTERN(LDn_ss, "1010010 ss nn mmmmm 110 ggg nnnnn ttttt"),
    A64_PATTERN(ST1_si, "1110010 ss ee 0 iiii 111 ggg nnnnn ttttt"),
    A64_PATTERN(ST1_ss, "1110010 ss ee mmmmm 010 ggg nnnnn ttttt"),
    A64_PATTERN(STn_si, "1110010 ss nn 1 iiii 111 ggg nnnnn ttttt"),
    A64_PATTERN(STn_ss, "1110010 ss nn mmmmm 011 ggg nnnnn ttttt"),
    A64_PATTERN(LDR_z_si, "10000101 10 iiiiii 010 iii nnnnn ttttt"),
    A64_PATTERN(LDR_p_si, "10000101 10 iiiiii 000 iii nnnnn 0 tttt"),
    A64_PATTERN(STR_z_si, "11100101 10 iiiiii 010 iii nnnnn ttttt"),
    A64_PATTERN(STR_p_si, "11100101 10 iiiiii 000 iii nnnnn 0 tttt"),
    A64_PATTERN(PRF_si, "10000101 11 iiiiii 0 ss ggg nnnnn 0 oooo"),
    A64_PATTERN(PRF_ss, "1000010 ss 00 mmmmm 110 ggg nnnnn 0 oooo"),
    A64_PATTERN_END,
};
