/* SVE2 non-temporal gathers and scatters, vector plus scalar:
 * LDNT1B/H/W/D, LDNT1SB/SH/SW and STNT1B/H/W/D, with 32-bit (zero-
 * extended) or 64-bit vector elements as bases and Xm (XZR allowed) as
 * an offset. The non-temporal hint changes nothing here: the accesses,
 * faults, MTE checks and watchpoints are those of every element access
 * (sve_load_elem, cpu_store_uint), as for the gathers of sve-gather.c. A
 * load that faults changes no register; a scatter that faults part-way
 * may have written the earlier elements. */
#include "cpu/sve.h"

static uint64_t sve2_nt_addr(const struct cpu_state *cpu, unsigned zn,
                             unsigned esz, unsigned i, uint64_t offset)
{
    return sve_elem(&cpu->z[zn], esz, i) + offset;
}

static int sve2_nt_load(struct cpu_state *cpu, uint32_t insn, unsigned esz,
                        bool is_signed)
{
    unsigned msz = a64_bits(insn, 23, 2), pg = SVE_PG3(insn);
    unsigned zn = A64_RN(insn);
    uint64_t offset = a64_x(cpu, A64_RM(insn));
    cpu_zreg r;

    if (msz > esz || (is_signed && msz == esz))
        return a64_undef(cpu, insn);
    memset(r.b, 0, sizeof r.b);
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        uint64_t v;
        if (!sve_active(cpu, pg, esz, i))
            continue;
        if (sve_load_elem(cpu, sve2_nt_addr(cpu, zn, esz, i, offset), msz,
                          true, &v) != 0)
            return A64_EXIT;
        if (is_signed)
            v = (uint64_t)sve_sext(v, msz);
        sve_set_elem(&r, esz, i, v);
    }
    sve_put_z(cpu, A64_RD(insn), &r);
    return A64_NEXT;
}

/* LDNT1B, LDNT1H, LDNT1W, LDNT1SB, LDNT1SH Zt.S, Pg/Z, [Zn.S{, Xm}]: U
 * (13) zero-extends. */
static int trans_LDNT1_32(struct cpu_state *cpu, uint32_t insn)
{
    return sve2_nt_load(cpu, insn, 2, !a64_bits(insn, 13, 1));
}

/* LDNT1B..LDNT1D, LDNT1SB..LDNT1SW Zt.D, Pg/Z, [Zn.D{, Xm}]: U (14). */
static int trans_LDNT1_64(struct cpu_state *cpu, uint32_t insn)
{
    return sve2_nt_load(cpu, insn, 3, !a64_bits(insn, 14, 1));
}

/* STNT1B, STNT1H, STNT1W Zt.S, Pg, [Zn.S{, Xm}] (bit 22 set) and
 * STNT1B..STNT1D Zt.D, Pg, [Zn.D{, Xm}]. Zt may be Zn: every value and
 * address is read before the first store. */
static int trans_STNT1(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = a64_bits(insn, 22, 1) ? 2 : 3, msz = a64_bits(insn, 23, 2);
    unsigned pg = SVE_PG3(insn), zn = A64_RN(insn), zt = A64_RD(insn);
    uint64_t offset = a64_x(cpu, A64_RM(insn));
    cpu_zreg values = cpu->z[zt], bases = cpu->z[zn];

    if (msz > esz)
        return a64_undef(cpu, insn);
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        if (!sve_active(cpu, pg, esz, i))
            continue;
        if (cpu_store_uint(cpu, sve_elem(&bases, esz, i) + offset, 1u << msz,
                           sve_elem(&values, esz, i)) < 0)
            return A64_EXIT;
    }
    return A64_NEXT;
}

const struct a64_pattern sve2_mem_patterns[] = {
    A64_PATTERN(LDNT1_32, "1000010 mm 00 mmmmm 10 u ggg nnnnn ttttt"),
    A64_PATTERN(LDNT1_64, "1100010 mm 00 mmmmm 1 u 0 ggg nnnnn ttttt"),
    A64_PATTERN(STNT1, "1110010 mm s 0 mmmmm 001 ggg nnnnn ttttt"),
    A64_PATTERN_END,
};
