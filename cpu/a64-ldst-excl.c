/* A64 synchronisation loads and stores: load/store exclusive (single and
 * pair), load-acquire/store-release (LDAR, STLR, LDLAR, STLLR, LDAPR),
 * compare and swap (CAS, CASP) and the LSE atomic memory operations
 * (LDADD, LDCLR, LDEOR, LDSET, LDSMAX, LDSMIN, LDUMAX, LDUMIN, SWP and
 * their ST* aliases), all sizes and acquire/release variants.
 *
 * One host thread runs all guest code in program order, so the orderings
 * need no host barriers, and a read-modify-write on the host address is
 * atomic with respect to every guest thread.
 *
 * The exclusive monitor remembers the address, size and the value loaded;
 * a store-exclusive succeeds if the monitor covers the same block and the
 * memory still holds that value (another guest thread's intervening store
 * of a different value fails it). SVC and CLREX clear it.
 *
 * MTE: every instruction here addresses [Xn|SP] with no offset and no
 * writeback, so it is Tag Unchecked when Rn is SP (`tagchecked = n !=
 * 31`, cpu/mte.h); the table rows go through a wrapper that says so.
 */
#include "cpu/cpu-internal.h"
#include "cpu/mte.h"

static uint64_t read_le(const uint8_t *p, unsigned bytes)
{
    uint64_t v = 0;
    memcpy(&v, p, bytes);
    return v;
}

static void write_le(uint8_t *p, unsigned bytes, uint64_t v)
{
    memcpy(p, &v, bytes);
}

static void set_alignment_fault(struct cpu_state *cpu, uint64_t va)
{
    cpu->exit = CPU_EXIT_ALIGNMENT;
    cpu->exit_info.fault_addr = va;
}

/* LDXR, LDAXR, STXR, STLXR, LDXP, LDAXP, STXP, STLXP */
static int trans_EXCL(struct cpu_state *cpu, uint32_t insn)
{
    unsigned size = a64_bits(insn, 30, 2), rs = A64_RM(insn);
    unsigned rt = A64_RD(insn), rt2 = A64_RT2(insn);
    bool load = (insn >> 22) & 1, pair = (insn >> 21) & 1;
    unsigned elem = 1u << size, total = pair ? 2 * elem : elem;
    uint64_t va = a64_x_sp(cpu, A64_RN(insn));

    if (pair && size < 2)
        return a64_undef(cpu, insn);       /* CASP, decoded elsewhere */
    if (va & (total - 1)) {
        set_alignment_fault(cpu, va);
        return A64_EXIT;
    }
    if (load) {
        uint8_t buf[16];
        if (cpu_load(cpu, va, total, buf) != 0)
            return A64_EXIT;
        cpu->excl_valid = true;
        cpu->excl_addr = va;
        cpu->excl_size = total;
        memcpy(cpu->excl_val, buf, total);
        a64_set_x(cpu, rt, read_le(buf, elem));
        if (pair)
            a64_set_x(cpu, rt2, read_le(buf + elem, elem));
        return A64_NEXT;
    }

    if (!cpu->excl_valid || cpu->excl_addr != va ||
        cpu->excl_size != total) {
        cpu->excl_valid = false;
        a64_set_w(cpu, rs, 1);
        return A64_NEXT;
    }
    {
        uint8_t *host = cpu_access_rmw(cpu, va, total, CPU_WATCH_WRITE);
        uint8_t newval[16];
        if (!host)
            return A64_EXIT;
        write_le(newval, elem, a64_x(cpu, rt));
        if (pair)
            write_le(newval + elem, elem, a64_x(cpu, rt2));
        cpu->excl_valid = false;
        if (memcmp(host, cpu->excl_val, total) != 0) {
            a64_set_w(cpu, rs, 1);
            return A64_NEXT;
        }
        memcpy(host, newval, total);
        a64_set_w(cpu, rs, 0);
    }
    return A64_NEXT;
}

/* LDAR, LDLAR, STLR, STLLR, LDAPR: ordinary accesses in program order. */
static int trans_ORDERED(struct cpu_state *cpu, uint32_t insn)
{
    unsigned bytes = 1u << a64_bits(insn, 30, 2), rt = A64_RD(insn);
    uint64_t va = a64_x_sp(cpu, A64_RN(insn)), v;

    /* Without FEAT_LSE2 these must be naturally aligned. */
    if (va & (bytes - 1)) {
        set_alignment_fault(cpu, va);
        return A64_EXIT;
    }
    if ((insn >> 22) & 1) {
        if (cpu_load_uint(cpu, va, bytes, &v) != 0)
            return A64_EXIT;
        a64_set_x(cpu, rt, v);
        return A64_NEXT;
    }
    return cpu_store_uint(cpu, va, bytes, a64_x(cpu, rt)) ? A64_EXIT
                                                          : A64_NEXT;
}

/* LDAPR is in the atomic-operation space (o3=1, opc=100, Rs=11111). */
static int trans_LDAPR(struct cpu_state *cpu, uint32_t insn)
{
    unsigned bytes = 1u << a64_bits(insn, 30, 2);
    uint64_t va = a64_x_sp(cpu, A64_RN(insn)), v;

    if (va & (bytes - 1)) {
        set_alignment_fault(cpu, va);
        return A64_EXIT;
    }
    if (cpu_load_uint(cpu, va, bytes, &v) != 0)
        return A64_EXIT;
    a64_set_x(cpu, A64_RD(insn), v);
    return A64_NEXT;
}

static uint64_t sext(uint64_t v, unsigned bytes)
{
    unsigned shift = 64 - bytes * 8;
    return (uint64_t)((int64_t)(v << shift) >> shift);
}

/* LDADD, LDCLR, LDEOR, LDSET, LDSMAX, LDSMIN, LDUMAX, LDUMIN, SWP */
static int trans_ATOMIC(struct cpu_state *cpu, uint32_t insn)
{
    unsigned bytes = 1u << a64_bits(insn, 30, 2);
    unsigned opc = a64_bits(insn, 12, 3), o3 = (insn >> 15) & 1;
    uint64_t mask = bytes == 8 ? ~0ull : (1ull << (bytes * 8)) - 1;
    uint64_t s = a64_x(cpu, A64_RM(insn)) & mask, old, r;
    uint8_t *host;

    if (o3 && opc != 0)
        return a64_undef(cpu, insn);
    host = cpu_access_rmw(cpu, a64_x_sp(cpu, A64_RN(insn)), bytes,
                          CPU_WATCH_READ | CPU_WATCH_WRITE);
    if (!host)
        return A64_EXIT;
    old = read_le(host, bytes);
    if (o3) {
        r = s;                                               /* SWP */
    } else {
        switch (opc) {
        case 0: r = old + s; break;                          /* ADD */
        case 1: r = old & ~s; break;                         /* CLR */
        case 2: r = old ^ s; break;                          /* EOR */
        case 3: r = old | s; break;                          /* SET */
        case 4: r = (int64_t)sext(old, bytes) > (int64_t)sext(s, bytes)
                        ? old : s; break;                    /* SMAX */
        case 5: r = (int64_t)sext(old, bytes) < (int64_t)sext(s, bytes)
                        ? old : s; break;                    /* SMIN */
        case 6: r = old > s ? old : s; break;                /* UMAX */
        default: r = old < s ? old : s; break;               /* UMIN */
        }
    }
    write_le(host, bytes, r & mask);
    a64_set_x(cpu, A64_RD(insn), old);
    return A64_NEXT;
}

/* CAS, CASA, CASL, CASAL (B, H, W, X) */
static int trans_CAS(struct cpu_state *cpu, uint32_t insn)
{
    unsigned bytes = 1u << a64_bits(insn, 30, 2), rs = A64_RM(insn);
    uint64_t mask = bytes == 8 ? ~0ull : (1ull << (bytes * 8)) - 1;
    uint64_t expected = a64_x(cpu, rs) & mask, old;
    uint8_t *host = cpu_access_rmw(cpu, a64_x_sp(cpu, A64_RN(insn)), bytes,
                                   CPU_WATCH_READ | CPU_WATCH_WRITE);

    if (!host)
        return A64_EXIT;
    old = read_le(host, bytes);
    if (old == expected)
        write_le(host, bytes, a64_x(cpu, A64_RD(insn)));
    a64_set_x(cpu, rs, old);
    return A64_NEXT;
}

/* CASP, CASPA, CASPL, CASPAL (W and X pairs; even register numbers) */
static int trans_CASP(struct cpu_state *cpu, uint32_t insn)
{
    unsigned elem = (insn >> 30) & 1 ? 8 : 4;
    unsigned rs = A64_RM(insn), rt = A64_RD(insn);
    uint64_t mask = elem == 8 ? ~0ull : 0xffffffffull;
    uint64_t old0, old1;
    uint8_t *host;

    if ((rs & 1) || (rt & 1))
        return a64_undef(cpu, insn);
    host = cpu_access_rmw(cpu, a64_x_sp(cpu, A64_RN(insn)), 2 * elem,
                          CPU_WATCH_READ | CPU_WATCH_WRITE);
    if (!host)
        return A64_EXIT;
    old0 = read_le(host, elem);
    old1 = read_le(host + elem, elem);
    if (old0 == (a64_x(cpu, rs) & mask) && old1 == (a64_x(cpu, rs + 1) & mask)) {
        write_le(host, elem, a64_x(cpu, rt));
        write_le(host + elem, elem, a64_x(cpu, rt + 1));
    }
    a64_set_x(cpu, rs, old0);
    a64_set_x(cpu, rs + 1, old1);
    return A64_NEXT;
}

/* The handler, its accesses Tag Unchecked when the base is SP. */
#define SP_BASE_UNCHECKED(name)                                            \
    static int trans_##name##_sp(struct cpu_state *cpu, uint32_t insn)     \
    {                                                                      \
        bool tco = mte_unchecked_begin(cpu, A64_RN(insn) == 31);           \
        int r = trans_##name(cpu, insn);                                   \
        mte_unchecked_end(cpu, tco);                                       \
        return r;                                                          \
    }
SP_BASE_UNCHECKED(EXCL)
SP_BASE_UNCHECKED(ORDERED)
SP_BASE_UNCHECKED(CAS)
SP_BASE_UNCHECKED(CASP)
SP_BASE_UNCHECKED(ATOMIC)
SP_BASE_UNCHECKED(LDAPR)
#define EXCL_PATTERN(name, bits) { #name, bits, trans_##name##_sp }

const struct a64_pattern a64_ldst_excl_patterns[] = {
    /* size 001000 o2 L o1 Rs o0 Rt2 Rn Rt */
    EXCL_PATTERN(EXCL,    "ss 001000 0 L p sssss o uuuuu nnnnn ttttt"),
    EXCL_PATTERN(ORDERED, "ss 001000 1 L 0 11111 o 11111 nnnnn ttttt"),
    EXCL_PATTERN(CAS,     "ss 001000 1 L 1 sssss o 11111 nnnnn ttttt"),
    EXCL_PATTERN(CASP,    "0z 001000 0 L 1 sssss o 11111 nnnnn ttttt"),
    /* size 111 V=0 00 A R 1 Rs o3 opc 00 Rn Rt */
    EXCL_PATTERN(ATOMIC,  "ss 111 0 00 A R 1 sssss o ooo 00 nnnnn ttttt"),
    EXCL_PATTERN(LDAPR,   "ss 111 0 00 1 0 1 11111 1 100 00 nnnnn ttttt"),
    A64_PATTERN_END
};
