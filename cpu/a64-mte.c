/* Memory tagging instructions (FEAT_MTE, FEAT_MTE2): tag arithmetic on
 * pointers (IRG, GMI, ADDG, SUBG, SUBP, SUBPS), allocation tag loads and
 * stores (LDG, STG, STZG, ST2G, STZ2G, STGP, DC GVA, DC GZVA) and PSTATE.TCO
 * (MSR TCO, #imm; the TCO register itself is a row in sysreg.c).
 *
 * Linux runs EL0 with allocation tag access enabled (SCTLR_EL1.ATA0), so
 * these always execute; on memory that is not tagged the tag stores are
 * ignored and LDG reads 0. STGM, STZGM and LDGM are EL1-only: UNDEFINED.
 * The tag check itself is in the memory path (mem-access.c).
 */
#include "cpu/cpu-internal.h"
#include "cpu/mte.h"

unsigned mte_choose_tag(unsigned tag, unsigned offset, uint16_t exclude)
{
    if (exclude == 0xffff)
        return 0;
    tag &= 0xf;
    if (offset == 0) {
        while (exclude & (1u << tag))
            tag = (tag + 1) & 0xf;
    }
    while (offset != 0) {
        tag = (tag + 1) & 0xf;
        while (exclude & (1u << tag))
            tag = (tag + 1) & 0xf;
        offset--;
    }
    return tag;
}

/* One step of the architecture's 16-bit LFSR in RGSR_EL1.SEED
 * (NextRandomTagBit): x^16 + x^14 + x^13 + x^11 + 1. */
static unsigned next_random_tag_bit(struct cpu_state *cpu)
{
    uint32_t lfsr = (cpu->mte_rgsr >> 8) & 0xffff;
    uint32_t top = ((lfsr >> 5) ^ (lfsr >> 3) ^ (lfsr >> 2) ^ lfsr) & 1;

    lfsr = (top << 15) | (lfsr >> 1);
    cpu->mte_rgsr = (cpu->mte_rgsr & ~0xffff00u) | (lfsr << 8);
    return top;
}

/* IRG's tag: the pseudo-random sequence GCR_EL1.RRND = 0 defines, which
 * keeps runs reproducible (Linux sets RRND = 1, leaving the choice to the
 * implementation: this is our choice). */
static unsigned random_tag(struct cpu_state *cpu, uint16_t exclude)
{
    unsigned offset = 0, tag;

    if (exclude == 0xffff)
        return 0;
    /* An all-zero seed would lock the LFSR on one tag: start it at a
     * fixed non-zero value instead (still deterministic). */
    if (!(cpu->mte_rgsr & 0xffff00u))
        cpu->mte_rgsr |= 0xace1u << 8;
    for (unsigned i = 0; i < 4; i++)
        offset |= next_random_tag_bit(cpu) << i;
    tag = mte_choose_tag(cpu->mte_rgsr & 0xf, offset, exclude);
    cpu->mte_rgsr = (cpu->mte_rgsr & ~0xfu) | tag;
    return tag;
}

/* IRG Xd|SP, Xn|SP{, Xm} */
static int trans_IRG(struct cpu_state *cpu, uint32_t insn)
{
    uint64_t n = a64_x_sp(cpu, A64_RN(insn));
    uint16_t exclude = (uint16_t)~cpu->mte_include |
                       (uint16_t)a64_x(cpu, A64_RM(insn));

    a64_set_x_sp(cpu, A64_RD(insn), mte_with_tag(n, random_tag(cpu, exclude)));
    return A64_NEXT;
}

/* GMI Xd, Xn|SP, Xm: add Xn's tag to the exclusion mask in Xm. */
static int trans_GMI(struct cpu_state *cpu, uint32_t insn)
{
    uint64_t n = a64_x_sp(cpu, A64_RN(insn));

    a64_set_x(cpu, A64_RD(insn),
              a64_x(cpu, A64_RM(insn)) | (1ull << mte_logical_tag(n)));
    return A64_NEXT;
}

/* ADDG/SUBG Xd|SP, Xn|SP, #uimm6*16, #uimm4 */
static int trans_ADDG_SUBG(struct cpu_state *cpu, uint32_t insn)
{
    uint64_t n = a64_x_sp(cpu, A64_RN(insn));
    uint64_t offset = (uint64_t)a64_bits(insn, 16, 6) * CPU_MTE_GRANULE;
    unsigned tag = mte_choose_tag(mte_logical_tag(n), a64_bits(insn, 10, 4),
                                  (uint16_t)~cpu->mte_include);
    uint64_t r = a64_bits(insn, 30, 1) ? n - offset : n + offset;

    a64_set_x_sp(cpu, A64_RD(insn), mte_with_tag(r, tag));
    return A64_NEXT;
}

/* SUBP/SUBPS Xd, Xn|SP, Xm|SP: the difference of the 56-bit addresses
 * (sign-extended), flags from a 64-bit subtraction for SUBPS (CMPP). */
static int trans_SUBP(struct cpu_state *cpu, uint32_t insn)
{
    int64_t n = (int64_t)(a64_x_sp(cpu, A64_RN(insn)) << 8) >> 8;
    int64_t m = (int64_t)(a64_x_sp(cpu, A64_RM(insn)) << 8) >> 8;
    uint64_t r;

    if (a64_bits(insn, 29, 1))
        r = a64_add_with_carry((uint64_t)n, ~(uint64_t)m, 1, true, &cpu->nzcv);
    else
        r = (uint64_t)n - (uint64_t)m;
    a64_set_x(cpu, A64_RD(insn), r);
    return A64_NEXT;
}

static int alignment_fault(struct cpu_state *cpu, uint64_t va)
{
    cpu->exit = CPU_EXIT_ALIGNMENT;
    cpu->exit_info.fault_addr = va;
    cpu->exit_info.fault_is_write = true;
    return A64_EXIT;
}

/* Set the allocation tag of `granules` granules from va (aligned), and
 * with zero_data clear their bytes, unchecked. Nothing changes on a
 * fault. */
static int store_tags(struct cpu_state *cpu, uint64_t va, unsigned granules,
                      unsigned tag, bool zero_data)
{
    static const uint8_t zeros[64];
    uint8_t *slot[4], scratch[4];

    for (unsigned i = 0; i < granules; i++) {
        slot[i] = mte_tag_slot(cpu, va + i * CPU_MTE_GRANULE, true,
                               &scratch[i]);
        if (!slot[i])
            return -1;
    }
    if (zero_data &&
        mte_store_unchecked(cpu, va, granules * CPU_MTE_GRANULE, zeros) != 0)
        return -1;
    for (unsigned i = 0; i < granules; i++)
        *slot[i] = (uint8_t)tag;
    return 0;
}

/* The load/store memory tags class: 11011001 opc 1 imm9 op2 Rn Rt.
 * op2: 01 post-index, 10 signed offset, 11 pre-index; for opc 01 op2 00
 * is LDG; the other op2 = 00 forms are the EL1-only STZGM/STGM/LDGM. */
static int trans_LDST_tags(struct cpu_state *cpu, uint32_t insn)
{
    unsigned opc = a64_bits(insn, 22, 2), op2 = a64_bits(insn, 10, 2);
    unsigned rn = A64_RN(insn), rt = A64_RD(insn);
    int64_t offset = a64_sbits(insn, 12, 9) * CPU_MTE_GRANULE;
    uint64_t base = a64_x_sp(cpu, rn);
    uint64_t va = op2 == 1 ? base : base + (uint64_t)offset;
    unsigned granules = (opc & 2) ? 2 : 1;
    bool zero_data = opc & 1;

    if (op2 == 0) {
        uint8_t scratch;
        const uint8_t *slot;

        if (opc != 1)
            return a64_undef(cpu, insn);   /* STZGM, STGM, LDGM: EL1 */
        /* LDG Xt, [Xn|SP, #simm]: Xt keeps its address, takes the tag. */
        va &= ~(uint64_t)(CPU_MTE_GRANULE - 1);
        slot = mte_tag_slot(cpu, va, false, &scratch);
        if (!slot)
            return A64_EXIT;
        a64_set_x(cpu, rt, mte_with_tag(a64_x(cpu, rt), *slot));
        return A64_NEXT;
    }
    if (va & (CPU_MTE_GRANULE - 1))
        return alignment_fault(cpu, va);
    /* Rt may name SP here: its tag is what is stored. */
    if (store_tags(cpu, va, granules, mte_logical_tag(a64_x_sp(cpu, rt)),
                   zero_data) != 0)
        return A64_EXIT;
    if (op2 != 2)
        a64_set_x_sp(cpu, rn, base + (uint64_t)offset);
    return A64_NEXT;
}

/* STGP Xt1, Xt2, [Xn|SP, #simm7*16] (post-index, offset, pre-index): the
 * pair's data (unchecked) and the base address's tag for the granule. */
static int trans_STGP(struct cpu_state *cpu, uint32_t insn)
{
    unsigned mode = a64_bits(insn, 23, 2);   /* 01 post, 10 offset, 11 pre */
    unsigned rn = A64_RN(insn);
    int64_t offset = a64_sbits(insn, 15, 7) * CPU_MTE_GRANULE;
    uint64_t base = a64_x_sp(cpu, rn);
    uint64_t va = mode == 1 ? base : base + (uint64_t)offset;
    uint64_t data[2] = { a64_x(cpu, A64_RD(insn)),
                         a64_x(cpu, A64_RT2(insn)) };
    uint8_t scratch, *slot;

    if (va & (CPU_MTE_GRANULE - 1))
        return alignment_fault(cpu, va);
    slot = mte_tag_slot(cpu, va, true, &scratch);
    if (!slot || mte_store_unchecked(cpu, va, 16, data) != 0)
        return A64_EXIT;
    *slot = (uint8_t)mte_logical_tag(va);
    if (mode != 2)
        a64_set_x_sp(cpu, rn, base + (uint64_t)offset);
    return A64_NEXT;
}

/* DC GVA / DC GZVA Xt: the tag of Xt for a whole DC ZVA block (64 bytes,
 * DCZID_EL0), and for GZVA zero data. */
static int trans_DC_GVA(struct cpu_state *cpu, uint32_t insn)
{
    uint64_t va = a64_x(cpu, A64_RD(insn)) & ~63ull;

    if (store_tags(cpu, va, 4, mte_logical_tag(va),
                   a64_bits(insn, 5, 3) == 4) != 0)
        return A64_EXIT;
    return A64_NEXT;
}

/* MSR TCO, #imm */
static int trans_MSR_TCO(struct cpu_state *cpu, uint32_t insn)
{
    cpu->mte_tco = a64_bits(insn, 8, 1);
    return A64_NEXT;
}

const struct a64_pattern a64_mte_patterns[] = {
    /* Data processing (2 source), sf = 1. */
    A64_PATTERN(SUBP,      "1 0 0 11010110 mmmmm 000000 nnnnn ddddd"),
    A64_PATTERN(SUBP,      "1 0 1 11010110 mmmmm 000000 nnnnn ddddd"),
    A64_PATTERN(IRG,       "1 0 0 11010110 mmmmm 000100 nnnnn ddddd"),
    A64_PATTERN(GMI,       "1 0 0 11010110 mmmmm 000101 nnnnn ddddd"),
    /* Add/subtract (immediate, with tags), op3 = 00. */
    A64_PATTERN(ADDG_SUBG, "1 o 0 100011 0 uuuuuu 00 tttt nnnnn ddddd"),
    /* Load/store memory tags. */
    A64_PATTERN(LDST_tags, "11011001 oo 1 iiiiiiiii xx nnnnn ttttt"),
    /* Load/store register pair, opc = 01, L = 0 (LDPSW's store slot). */
    A64_PATTERN(STGP,      "01 101 0 001 0 iiiiiii uuuuu nnnnn ttttt"),
    A64_PATTERN(STGP,      "01 101 0 010 0 iiiiiii uuuuu nnnnn ttttt"),
    A64_PATTERN(STGP,      "01 101 0 011 0 iiiiiii uuuuu nnnnn ttttt"),
    /* SYS: DC GVA (op2 3), DC GZVA (op2 4): op1 3, CRn 7, CRm 4. */
    A64_PATTERN(DC_GVA,    "1101010100 0 01 011 0111 0100 011 ttttt"),
    A64_PATTERN(DC_GVA,    "1101010100 0 01 011 0111 0100 100 ttttt"),
    /* MSR (immediate) with op1 = 011, op2 = 100: TCO. */
    A64_PATTERN(MSR_TCO,   "1101010100 0 00 011 0100 mmmm 100 11111"),
    A64_PATTERN_END
};
