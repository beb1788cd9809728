/* SVE instructions that are their AdvSIMD namesake applied to each 128-bit
 * segment (AESE, SM4E, BFDOT, SMMLA ...) run that namesake's handler
 * through the decoder, so the primitives live in one place
 * (a64-simd-crypto.c, a64-simd-sm.c, a64-simd-bf16.c,
 * a64-simd-3same-extra.c, a64-simd-elem.c). */
#include "cpu/sve2-segment.h"
#include "cpu/cpu-internal.h"

int sve2_by_segment(struct cpu_state *cpu, uint32_t sve_insn,
                    uint32_t simd_insn, unsigned d, const unsigned *src,
                    unsigned nsrc)
{
    const struct a64_pattern *row = a64_decode_row(simd_insn);
    unsigned regs[SVE2_SEG_MAX_REGS], nregs = 0;
    cpu_zreg saved[SVE2_SEG_MAX_REGS], r;
    int rc = A64_NEXT;

    if (!row || nsrc + 1 > SVE2_SEG_MAX_REGS)
        return a64_undef(cpu, sve_insn);
    /* The distinct registers involved, saved whole. */
    regs[nregs++] = d;
    for (unsigned i = 0; i < nsrc; i++) {
        bool seen = false;
        for (unsigned j = 0; j < nregs; j++)
            seen |= regs[j] == src[i];
        if (!seen)
            regs[nregs++] = src[i];
    }
    for (unsigned j = 0; j < nregs; j++)
        saved[j] = cpu->z[regs[j]];
    for (unsigned seg = 0; seg < sve_vl(cpu) / 16 && rc == A64_NEXT; seg++) {
        for (unsigned j = 0; j < nregs; j++)
            memcpy(cpu->z[regs[j]].b, saved[j].b + 16 * seg, 16);
        rc = row->handler(cpu, simd_insn);
        memcpy(r.b + 16 * seg, cpu->z[d].b, 16);
    }
    for (unsigned j = 0; j < nregs; j++)
        cpu->z[regs[j]] = saved[j];
    if (rc != A64_NEXT)
        return rc;
    sve_put_z(cpu, d, &r);
    return A64_NEXT;
}

int sve2_by_element(struct cpu_state *cpu, uint32_t sve_insn,
                    uint32_t simd_insn, unsigned d, unsigned n,
                    unsigned esz_in, unsigned esz_out, const uint64_t *in,
                    const bool *active, uint64_t *out, unsigned count)
{
    const struct a64_pattern *row = a64_decode_row(simd_insn);
    cpu_zreg saved_d = cpu->z[d], saved_n = cpu->z[n];
    int rc = A64_NEXT;

    if (!row)
        return a64_undef(cpu, sve_insn);
    for (unsigned i = 0; i < count && rc == A64_NEXT; i++) {
        if (!active[i])
            continue;
        memset(cpu->z[n].b, 0, 16);
        sve_set_elem(&cpu->z[n], esz_in, 0, in[i]);
        rc = row->handler(cpu, simd_insn);
        out[i] = sve_elem(&cpu->z[d], esz_out, 0);
    }
    cpu->z[d] = saved_d;
    cpu->z[n] = saved_n;
    return rc;
}
