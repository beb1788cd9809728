/* AdvSIMD structure loads and stores: LD1-LD4/ST1-ST4 (multiple
 * structures), LD1-LD4/ST1-ST4 (single structure, one lane), LD1R-LD4R,
 * each without offset or post-indexed (by immediate or by Xm).
 *
 * Every form touches one contiguous block of memory, so it is moved with a
 * single cpu_load/cpu_store: a fault leaves registers (and, for stores,
 * memory) unchanged, and the interleaving happens in a local buffer. */
#include "cpu/a64-simd-common.h"
#include "cpu/mte.h"

#define LDST_L(insn) a64_bits(insn, 22, 1)
#define LDST_RT(insn) a64_bits(insn, 0, 5)

/* Post-index: Rm = 31 means "by the number of bytes transferred". */
static void ldst_writeback(struct cpu_state *cpu, uint32_t insn, uint64_t base,
                           unsigned bytes)
{
    unsigned m = A64_RM(insn);
    uint64_t offset = m == 31 ? bytes : cpu->x[m];
    a64_set_x_sp(cpu, A64_RN(insn), base + offset);
}

static int ldst_multiple(struct cpu_state *cpu, uint32_t insn, bool post)
{
    static const struct { uint8_t rpt, selem; } forms[16] = {
        [0] = { 1, 4 }, [2] = { 4, 1 }, [4] = { 1, 3 }, [6] = { 3, 1 },
        [7] = { 1, 1 }, [8] = { 1, 2 }, [10] = { 2, 1 },
    };
    unsigned q = SIMD_Q(insn), size = a64_bits(insn, 10, 2);
    unsigned opcode = a64_bits(insn, 12, 4), t = LDST_RT(insn);
    unsigned rpt = forms[opcode].rpt, selem = forms[opcode].selem;
    if (!rpt || (size == 3 && !q && selem > 1) || (post ? 0 : A64_RM(insn)))
        return a64_undef(cpu, insn);
    unsigned ebytes = 1u << size, elems = (q ? 16u : 8u) >> size;
    unsigned total = rpt * selem * elems * ebytes;
    uint64_t base = a64_x_sp(cpu, A64_RN(insn));
    uint8_t buf[64];
    simd_vec regs[4];

    /* Tag Unchecked through SP without writeback (MTE). */
    bool unchecked = !post && A64_RN(insn) == 31;
    if (LDST_L(insn)) {
        bool tco = mte_unchecked_begin(cpu, unchecked);
        int r = cpu_load(cpu, base, total, buf);
        mte_unchecked_end(cpu, tco);
        if (r)
            return A64_EXIT;
        memset(regs, 0, sizeof regs);
    } else {
        for (unsigned i = 0; i < rpt * selem; i++)
            regs[i] = simd_get(cpu, (t + i) % 32);
    }
    unsigned off = 0;
    for (unsigned r = 0; r < rpt; r++) {
        for (unsigned e = 0; e < elems; e++) {
            for (unsigned s = 0; s < selem; s++) {
                uint8_t *elem = &regs[r + s].b[e * ebytes];
                if (LDST_L(insn))
                    memcpy(elem, buf + off, ebytes);
                else
                    memcpy(buf + off, elem, ebytes);
                off += ebytes;
            }
        }
    }
    if (LDST_L(insn)) {
        for (unsigned i = 0; i < rpt * selem; i++)
            simd_put(cpu, (t + i) % 32, &regs[i], q);
    } else {
        bool tco = mte_unchecked_begin(cpu, unchecked);
        int r = cpu_store(cpu, base, total, buf);
        mte_unchecked_end(cpu, tco);
        if (r)
            return A64_EXIT;
    }
    if (post)
        ldst_writeback(cpu, insn, base, total);
    return A64_NEXT;
}

static int trans_LDST_multiple(struct cpu_state *cpu, uint32_t insn)
{
    return ldst_multiple(cpu, insn, false);
}

static int trans_LDST_multiple_post(struct cpu_state *cpu, uint32_t insn)
{
    return ldst_multiple(cpu, insn, true);
}

static int ldst_single(struct cpu_state *cpu, uint32_t insn, bool post)
{
    unsigned q = SIMD_Q(insn), s = a64_bits(insn, 12, 1);
    unsigned size = a64_bits(insn, 10, 2), opcode = a64_bits(insn, 13, 3);
    unsigned selem = ((opcode & 1) << 1 | a64_bits(insn, 21, 1)) + 1;
    unsigned t = LDST_RT(insn), scale = opcode >> 1, index = 0;
    bool load = LDST_L(insn), replicate = false;

    if (!post && A64_RM(insn))
        return a64_undef(cpu, insn);
    switch (scale) {
    case 0:
        index = q << 3 | s << 2 | size;
        break;
    case 1:
        if (size & 1)
            return a64_undef(cpu, insn);
        index = q << 2 | s << 1 | size >> 1;
        break;
    case 2:
        if (size & 2)
            return a64_undef(cpu, insn);
        if (size & 1) {
            if (s)
                return a64_undef(cpu, insn);
            scale = 3;
            index = q;
        } else {
            index = q << 1 | s;
        }
        break;
    default:  /* LDnR */
        if (!load || s)
            return a64_undef(cpu, insn);
        scale = size;
        replicate = true;
        break;
    }
    unsigned ebytes = 1u << scale, total = selem * ebytes;
    uint64_t base = a64_x_sp(cpu, A64_RN(insn));
    uint8_t buf[32];

    /* Tag Unchecked through SP without writeback (MTE). */
    bool unchecked = !post && A64_RN(insn) == 31;
    if (load) {
        bool tco = mte_unchecked_begin(cpu, unchecked);
        int r = cpu_load(cpu, base, total, buf);
        mte_unchecked_end(cpu, tco);
        if (r)
            return A64_EXIT;
        for (unsigned i = 0; i < selem; i++) {
            unsigned reg = (t + i) % 32;
            simd_vec v = simd_get(cpu, reg);
            if (replicate) {
                for (unsigned e = 0; e < (q ? 16u : 8u) >> scale; e++)
                    memcpy(&v.b[e * ebytes], buf + i * ebytes, ebytes);
                simd_put(cpu, reg, &v, q);
            } else {
                memcpy(&v.b[index * ebytes], buf + i * ebytes, ebytes);
                simd_put(cpu, reg, &v, true);
            }
        }
    } else {
        for (unsigned i = 0; i < selem; i++)
            memcpy(buf + i * ebytes, &cpu->z[(t + i) % 32].b[index * ebytes],
                   ebytes);
        bool tco = mte_unchecked_begin(cpu, unchecked);
        int r = cpu_store(cpu, base, total, buf);
        mte_unchecked_end(cpu, tco);
        if (r)
            return A64_EXIT;
    }
    if (post)
        ldst_writeback(cpu, insn, base, total);
    return A64_NEXT;
}

static int trans_LDST_single(struct cpu_state *cpu, uint32_t insn)
{
    return ldst_single(cpu, insn, false);
}

static int trans_LDST_single_post(struct cpu_state *cpu, uint32_t insn)
{
    return ldst_single(cpu, insn, true);
}

/* Field letters: q Q, l L, r R, m Rm, o opcode, s S, z size, n Rn, t Rt. */
const struct a64_pattern a64_ldst_simd_patterns[] = {
    A64_PATTERN(LDST_multiple,      "0q00_1100_0l00_0000_oooo_zznn_nnnt_tttt"),
    A64_PATTERN(LDST_multiple_post, "0q00_1100_1l0m_mmmm_oooo_zznn_nnnt_tttt"),
    A64_PATTERN(LDST_single,        "0q00_1101_0lr0_0000_ooos_zznn_nnnt_tttt"),
    A64_PATTERN(LDST_single_post,   "0q00_1101_1lrm_mmmm_ooos_zznn_nnnt_tttt"),
    A64_PATTERN_END,
};
