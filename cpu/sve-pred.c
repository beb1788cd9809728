/* SVE predicate instructions: PTRUE/PFALSE/PTEST, predicate logical
 * operations, WHILE*, BRK*, PFIRST/PNEXT, CNTP/INCP/DECP and their
 * saturating forms, the FFR (SETFFR, WRFFR, RDFFR) and CTERM. */
#include "cpu/sve.h"

uint32_t sve_pred_test(const struct cpu_state *cpu, const uint8_t *g,
                       const uint8_t *d, unsigned esz)
{
    unsigned n = sve_elems(cpu, esz);
    bool first = true, any = false, last = false;
    uint32_t nzcv = 0;

    for (unsigned i = 0; i < n; i++) {
        if (!sve_pelem(g, esz, i))
            continue;
        bool v = sve_pelem(d, esz, i);
        if (first) {
            if (v)
                nzcv |= CPU_NZCV_N;
            first = false;
        }
        any |= v;
        last = v;
    }
    if (!any)
        nzcv |= CPU_NZCV_Z;
    if (!last)
        nzcv |= CPU_NZCV_C;
    return nzcv;
}

unsigned sve_pattern_count(const struct cpu_state *cpu, unsigned pattern,
                           unsigned esz)
{
    unsigned n = sve_elems(cpu, esz);

    switch (pattern) {
    case 0: {  /* POW2 */
        unsigned p = 1;
        while (p * 2 <= n)
            p *= 2;
        return p;
    }
    case 1: case 2: case 3: case 4: case 5: case 6: case 7: case 8:
        return n >= pattern ? pattern : 0;
    case 9: case 10: case 11: case 12: case 13: {  /* VL16 .. VL256 */
        unsigned want = 16u << (pattern - 9);
        return n >= want ? want : 0;
    }
    case 29:
        return n - n % 4;
    case 30:
        return n - n % 3;
    case 31:
        return n;
    default:
        return 0;
    }
}

static const uint8_t sve_all_true[CPU_PREG_BYTES] = {
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
};

/* PTRUE, PTRUES */
static int trans_PTRUE(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn);
    unsigned count = sve_pattern_count(cpu, a64_bits(insn, 5, 5), esz);
    sve_pred r = { { 0 } };

    for (unsigned i = 0; i < count; i++)
        sve_pset(&r, esz, i, true);
    sve_put_p(cpu, a64_bits(insn, 0, 4), &r);
    if (a64_bits(insn, 16, 1))
        cpu->nzcv = sve_pred_test(cpu, r.b, r.b, esz);
    return A64_NEXT;
}

static int trans_PFALSE(struct cpu_state *cpu, uint32_t insn)
{
    sve_pred r = { { 0 } };
    sve_put_p(cpu, a64_bits(insn, 0, 4), &r);
    return A64_NEXT;
}

static int trans_PTEST(struct cpu_state *cpu, uint32_t insn)
{
    cpu->nzcv = sve_pred_test(cpu, cpu->p[SVE_PG4(insn)],
                              cpu->p[a64_bits(insn, 5, 4)], 0);
    return A64_NEXT;
}

/* AND, BIC, EOR, SEL, ORR, ORN, NOR, NAND (predicates), S forms set flags. */
static int trans_P_logical(struct cpu_state *cpu, uint32_t insn)
{
    unsigned op = a64_bits(insn, 23, 1), s = a64_bits(insn, 22, 1);
    unsigned o2 = a64_bits(insn, 9, 1), o3 = a64_bits(insn, 4, 1);
    unsigned sel = op << 2 | o2 << 1 | o3;
    const uint8_t *g = cpu->p[SVE_PG4(insn)];
    const uint8_t *n = cpu->p[a64_bits(insn, 5, 4)];
    const uint8_t *m = cpu->p[a64_bits(insn, 16, 4)];
    sve_pred r = { { 0 } };

    if (sel == 3 && s)
        return a64_undef(cpu, insn);
    for (unsigned i = 0; i < sve_pl(cpu); i++) {
        uint8_t v;
        switch (sel) {
        case 0: v = n[i] & m[i]; break;          /* AND */
        case 1: v = n[i] & ~m[i]; break;         /* BIC */
        case 2: v = n[i] ^ m[i]; break;          /* EOR */
        case 3: v = (n[i] & g[i]) | (m[i] & ~g[i]); break; /* SEL */
        case 4: v = n[i] | m[i]; break;          /* ORR */
        case 5: v = n[i] | ~m[i]; break;         /* ORN */
        case 6: v = ~(n[i] | m[i]); break;       /* NOR */
        default: v = ~(n[i] & m[i]); break;      /* NAND */
        }
        r.b[i] = sel == 3 ? v : (uint8_t)(v & g[i]);
    }
    if (s)
        cpu->nzcv = sve_pred_test(cpu, g, r.b, 0);
    sve_put_p(cpu, a64_bits(insn, 0, 4), &r);
    return A64_NEXT;
}

/* WHILELT/LE/LO/LS counting up; SVE2's WHILEGE/GT/HS/HI counting down. */
static int trans_WHILE(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), n = sve_elems(cpu, esz);
    bool sf = a64_bits(insn, 12, 1), is_unsigned = a64_bits(insn, 11, 1);
    bool up = a64_bits(insn, 10, 1), eq = a64_bits(insn, 4, 1);
    uint64_t xn = a64_x(cpu, A64_RN(insn)), xm = a64_x(cpu, A64_RM(insn));
    __int128 a, b;
    sve_pred r = { { 0 } };
    bool last = true;

    if (sf) {
        a = is_unsigned ? (__int128)xn : (__int128)(int64_t)xn;
        b = is_unsigned ? (__int128)xm : (__int128)(int64_t)xm;
    } else {
        a = is_unsigned ? (__int128)(uint32_t)xn : (__int128)(int32_t)xn;
        b = is_unsigned ? (__int128)(uint32_t)xm : (__int128)(int32_t)xm;
    }
    for (unsigned k = 0; k < n; k++) {
        unsigned e = up ? k : n - 1 - k;
        if (last)
            last = up ? (eq ? a <= b : a < b) : (eq ? a > b : a >= b);
        sve_pset(&r, esz, e, last);
        /* operand1 is bits(rsize): the step wraps (WHILELS/LE with the
         * largest operand2, WHILEHS/GE with the smallest, stay true). */
        uint64_t next = (uint64_t)a + (up ? 1 : (uint64_t)-1);
        if (sf)
            a = is_unsigned ? (__int128)next : (__int128)(int64_t)next;
        else
            a = is_unsigned ? (__int128)(uint32_t)next
                            : (__int128)(int32_t)next;
    }
    sve_put_p(cpu, a64_bits(insn, 0, 4), &r);
    cpu->nzcv = sve_pred_test(cpu, sve_all_true, r.b, esz);
    return A64_NEXT;
}

/* BRKA, BRKB (zeroing or merging), BRKAS, BRKBS. */
static int trans_BRKA_BRKB(struct cpu_state *cpu, uint32_t insn)
{
    bool before = a64_bits(insn, 23, 1), s = a64_bits(insn, 22, 1);
    bool merge = a64_bits(insn, 4, 1);
    unsigned d = a64_bits(insn, 0, 4);
    const uint8_t *g = cpu->p[SVE_PG4(insn)];
    const uint8_t *n = cpu->p[a64_bits(insn, 5, 4)];
    sve_pred r;
    bool brk = false;

    if (s && merge)
        return a64_undef(cpu, insn);
    memcpy(r.b, cpu->p[d], sizeof r.b);
    for (unsigned i = 0; i < sve_vl(cpu); i++) {
        if (sve_pbit(g, i)) {
            bool e = sve_pbit(n, i);
            if (before)
                brk = brk || e;
            sve_pset(&r, 0, i, !brk);
            if (!before)
                brk = brk || e;
        } else if (!merge) {
            sve_pset(&r, 0, i, false);
        }
    }
    if (s)
        cpu->nzcv = sve_pred_test(cpu, g, r.b, 0);
    sve_put_p(cpu, d, &r);
    return A64_NEXT;
}

/* The last active element (byte granularity) of n under g is true. */
static bool sve_last_active_true(const struct cpu_state *cpu,
                                 const uint8_t *g, const uint8_t *n)
{
    for (unsigned i = sve_vl(cpu); i-- > 0;)
        if (sve_pbit(g, i))
            return sve_pbit(n, i);
    return false;
}

/* BRKN, BRKNS: keep Pdm if the last active element of Pn is true. */
static int trans_BRKN(struct cpu_state *cpu, uint32_t insn)
{
    unsigned dm = a64_bits(insn, 0, 4);
    const uint8_t *g = cpu->p[SVE_PG4(insn)];
    sve_pred r = { { 0 } };

    if (sve_last_active_true(cpu, g, cpu->p[a64_bits(insn, 5, 4)]))
        memcpy(r.b, cpu->p[dm], sizeof r.b);
    if (a64_bits(insn, 22, 1))
        cpu->nzcv = sve_pred_test(cpu, sve_all_true, r.b, 0);
    sve_put_p(cpu, dm, &r);
    return A64_NEXT;
}

/* BRKPA, BRKPB (and S forms): propagate a break from Pn into Pm. */
static int trans_BRKP(struct cpu_state *cpu, uint32_t insn)
{
    bool before = a64_bits(insn, 4, 1);
    const uint8_t *g = cpu->p[SVE_PG4(insn)];
    const uint8_t *m = cpu->p[a64_bits(insn, 16, 4)];
    bool last = sve_last_active_true(cpu, g, cpu->p[a64_bits(insn, 5, 4)]);
    sve_pred r = { { 0 } };

    for (unsigned i = 0; i < sve_vl(cpu); i++) {
        if (!sve_pbit(g, i))
            continue;
        if (before)
            last = last && !sve_pbit(m, i);
        sve_pset(&r, 0, i, last);
        if (!before)
            last = last && !sve_pbit(m, i);
    }
    if (a64_bits(insn, 22, 1))
        cpu->nzcv = sve_pred_test(cpu, g, r.b, 0);
    sve_put_p(cpu, a64_bits(insn, 0, 4), &r);
    return A64_NEXT;
}

static int trans_PFIRST(struct cpu_state *cpu, uint32_t insn)
{
    unsigned dn = a64_bits(insn, 0, 4);
    const uint8_t *g = cpu->p[a64_bits(insn, 5, 4)];
    sve_pred r;

    memcpy(r.b, cpu->p[dn], sizeof r.b);
    for (unsigned i = 0; i < sve_vl(cpu); i++)
        if (sve_pbit(g, i)) {
            sve_pset(&r, 0, i, true);
            break;
        }
    cpu->nzcv = sve_pred_test(cpu, g, r.b, 0);
    sve_put_p(cpu, dn, &r);
    return A64_NEXT;
}

static int trans_PNEXT(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), n = sve_elems(cpu, esz);
    unsigned dn = a64_bits(insn, 0, 4);
    const uint8_t *g = cpu->p[a64_bits(insn, 5, 4)];
    sve_pred r = { { 0 } };
    unsigned next = 0;

    for (unsigned i = n; i-- > 0;)
        if (sve_pelem(cpu->p[dn], esz, i)) {
            next = i + 1;
            break;
        }
    while (next < n && !sve_pelem(g, esz, next))
        next++;
    if (next < n)
        sve_pset(&r, esz, next, true);
    cpu->nzcv = sve_pred_test(cpu, g, r.b, esz);
    sve_put_p(cpu, dn, &r);
    return A64_NEXT;
}

/* Active elements of pn (under pg, or all if pg < 0). */
static unsigned sve_count_active(const struct cpu_state *cpu, int pg,
                                 unsigned pn, unsigned esz)
{
    unsigned count = 0;
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++)
        count += sve_active(cpu, pn, esz, i) &&
                 (pg < 0 || sve_active(cpu, (unsigned)pg, esz, i));
    return count;
}

static int trans_CNTP(struct cpu_state *cpu, uint32_t insn)
{
    a64_set_x(cpu, A64_RD(insn),
              sve_count_active(cpu, (int)SVE_PG4(insn), a64_bits(insn, 5, 4),
                               SVE_SIZE(insn)));
    return A64_NEXT;
}

/* INCP, DECP (scalar) */
static int trans_INCP_DECP_x(struct cpu_state *cpu, uint32_t insn)
{
    uint64_t c = sve_count_active(cpu, -1, a64_bits(insn, 5, 4),
                                  SVE_SIZE(insn));
    uint64_t x = a64_x(cpu, A64_RD(insn));
    a64_set_x(cpu, A64_RD(insn), a64_bits(insn, 16, 1) ? x - c : x + c);
    return A64_NEXT;
}

/* INCP, DECP (vector) */
static int trans_INCP_DECP_z(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), d = A64_RD(insn);
    uint64_t c = sve_count_active(cpu, -1, a64_bits(insn, 5, 4), esz);
    cpu_zreg r;

    if (esz == 0)
        return a64_undef(cpu, insn);
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        uint64_t e = sve_elem(&cpu->z[d], esz, i);
        sve_set_elem(&r, esz, i, a64_bits(insn, 16, 1) ? e - c : e + c);
    }
    sve_put_z(cpu, d, &r);
    return A64_NEXT;
}

/* Saturating x + delta for the scalar SQINC/UQINC/SQDEC/UQDEC forms:
 * 32-bit forms saturate to 32 bits (the signed one sign-extends into X). */
uint64_t sve_sat_add_scalar(uint64_t x, int64_t delta, bool is_unsigned,
                            bool is64)
{
    __int128 v;
    if (is64) {
        v = is_unsigned ? (__int128)x : (__int128)(int64_t)x;
        v += delta;
        return sve_sat(v, 3, is_unsigned);
    }
    v = is_unsigned ? (__int128)(uint32_t)x : (__int128)(int32_t)x;
    v += delta;
    uint64_t r = sve_sat(v, 2, is_unsigned);
    return is_unsigned ? r : (uint64_t)(int64_t)(int32_t)r;
}

/* SQINCP, UQINCP, SQDECP, UQDECP (scalar): sf=0 is the 32-bit form. */
static int trans_SQINCP_x(struct cpu_state *cpu, uint32_t insn)
{
    bool dec = a64_bits(insn, 17, 1), is_unsigned = a64_bits(insn, 16, 1);
    bool sf = a64_bits(insn, 10, 1);
    int64_t c = sve_count_active(cpu, -1, a64_bits(insn, 5, 4),
                                 SVE_SIZE(insn));
    a64_set_x(cpu, A64_RD(insn),
              sve_sat_add_scalar(a64_x(cpu, A64_RD(insn)), dec ? -c : c,
                                 is_unsigned, sf));
    return A64_NEXT;
}

/* SQINCP, UQINCP, SQDECP, UQDECP (vector) */
static int trans_SQINCP_z(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), d = A64_RD(insn);
    bool dec = a64_bits(insn, 17, 1), is_unsigned = a64_bits(insn, 16, 1);
    int64_t c = sve_count_active(cpu, -1, a64_bits(insn, 5, 4), esz);
    cpu_zreg r;

    if (esz == 0)
        return a64_undef(cpu, insn);
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        uint64_t e = sve_elem(&cpu->z[d], esz, i);
        __int128 v = is_unsigned ? (__int128)e : (__int128)sve_sext(e, esz);
        sve_set_elem(&r, esz, i, sve_sat(v + (dec ? -c : c), esz, is_unsigned));
    }
    sve_put_z(cpu, d, &r);
    return A64_NEXT;
}

static int trans_SETFFR(struct cpu_state *cpu, uint32_t insn)
{
    (void)insn;
    memset(cpu->ffr, 0, sizeof cpu->ffr);
    memset(cpu->ffr, 0xff, sve_pl(cpu));
    return A64_NEXT;
}

static int trans_WRFFR(struct cpu_state *cpu, uint32_t insn)
{
    unsigned pl = sve_pl(cpu);
    memmove(cpu->ffr, cpu->p[a64_bits(insn, 5, 4)], pl);
    memset(cpu->ffr + pl, 0, CPU_PREG_BYTES - pl);
    return A64_NEXT;
}

/* RDFFR, RDFFRS (predicated) */
static int trans_RDFFR_p(struct cpu_state *cpu, uint32_t insn)
{
    const uint8_t *g = cpu->p[a64_bits(insn, 5, 4)];
    sve_pred r = { { 0 } };

    for (unsigned i = 0; i < sve_pl(cpu); i++)
        r.b[i] = cpu->ffr[i] & g[i];
    if (a64_bits(insn, 22, 1))
        cpu->nzcv = sve_pred_test(cpu, g, r.b, 0);
    sve_put_p(cpu, a64_bits(insn, 0, 4), &r);
    return A64_NEXT;
}

static int trans_RDFFR(struct cpu_state *cpu, uint32_t insn)
{
    sve_pred r = { { 0 } };
    memcpy(r.b, cpu->ffr, sve_pl(cpu));
    sve_put_p(cpu, a64_bits(insn, 0, 4), &r);
    return A64_NEXT;
}

/* CTERMEQ, CTERMNE: N = the termination condition, V = !N && !C; Z and
 * C are kept. */
static int trans_CTERM(struct cpu_state *cpu, uint32_t insn)
{
    bool sf = a64_bits(insn, 22, 1), ne = a64_bits(insn, 4, 1);
    uint64_t a = a64_x(cpu, A64_RN(insn)), b = a64_x(cpu, A64_RM(insn));
    if (!sf) {
        a = (uint32_t)a;
        b = (uint32_t)b;
    }
    bool term = ne ? a != b : a == b;
    uint32_t nzcv = cpu->nzcv & (CPU_NZCV_Z | CPU_NZCV_C);
    if (term)
        nzcv |= CPU_NZCV_N;
    else if (!(nzcv & CPU_NZCV_C))
        nzcv |= CPU_NZCV_V;
    cpu->nzcv = nzcv;
    return A64_NEXT;
}

const struct a64_pattern sve_pred_patterns[] = {
    A64_PATTERN(PTRUE, "00100101 ss 01100 s 111000 ppppp 0 dddd"),
    A64_PATTERN(PFALSE, "00100101 00 011000 111001 00000 0 dddd"),
    A64_PATTERN(PTEST, "00100101 01 010000 11 gggg 0 nnnn 0 0000"),
    A64_PATTERN(P_logical, "00100101 os 00 mmmm 01 gggg o nnnn o dddd"),
    A64_PATTERN(WHILE, "00100101 ss 1 mmmmm 000 fuo nnnnn e dddd"),
    A64_PATTERN(BRKA_BRKB, "00100101 bs 010000 01 gggg 0 nnnn m dddd"),
    A64_PATTERN(BRKN, "00100101 0s 011000 01 gggg 0 nnnn 0 dddd"),
    A64_PATTERN(BRKP, "00100101 0s 00 mmmm 11 gggg 0 nnnn b dddd"),
    A64_PATTERN(PFIRST, "00100101 01 011000 110000 0 gggg 0 dddd"),
    A64_PATTERN(PNEXT, "00100101 ss 011001 110001 0 gggg 0 dddd"),
    A64_PATTERN(CNTP, "00100101 ss 100000 10 gggg 0 nnnn ddddd"),
    A64_PATTERN(INCP_DECP_x, "00100101 ss 10110 o 10001 00 nnnn ddddd"),
    A64_PATTERN(INCP_DECP_z, "00100101 ss 10110 o 10000 00 nnnn ddddd"),
    A64_PATTERN(SQINCP_x, "00100101 ss 1010 ou 10001 f 0 nnnn ddddd"),
    A64_PATTERN(SQINCP_z, "00100101 ss 1010 ou 10000 0 0 nnnn ddddd"),
    A64_PATTERN(SETFFR, "00100101 00 101100 1001 0000 0000 0000"),
    A64_PATTERN(WRFFR, "00100101 00 101000 1001 000n nnn0 0000"),
    A64_PATTERN(RDFFR_p, "00100101 0s 011000 1111 000g ggg0 dddd"),
    A64_PATTERN(RDFFR, "00100101 00 011001 1111 0000 0000 dddd"),
    A64_PATTERN(CTERM, "00100101 1 s 1 mmmmm 001000 nnnnn e 0000"),
    A64_PATTERN_END,
};
