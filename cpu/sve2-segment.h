/* Running an AdvSIMD instruction's handler on the 128-bit segments (or
 * the single elements) of SVE registers: for the SVE2 and SVE
 * instructions defined as their AdvSIMD namesake per segment (crypto,
 * BF16, I8MM). See sve2-segment.c. */
#ifndef BACKSTEP_CPU_SVE2_SEGMENT_H
#define BACKSTEP_CPU_SVE2_SEGMENT_H

#include "cpu/sve.h"

#define SVE2_SEG_MAX_REGS 4

/* Run simd_insn (an AdvSIMD encoding whose Vd is d and whose sources are
 * src[0..nsrc)) once per segment, with each register's segment in its
 * low 128 bits, and write the collected Vd segments to Zd. The operand
 * registers are restored; on an exit nothing changes. sve_insn is named
 * if the AdvSIMD form is not decodable. */
int sve2_by_segment(struct cpu_state *cpu, uint32_t sve_insn,
                    uint32_t simd_insn, unsigned d, const unsigned *src,
                    unsigned nsrc);

/* Run the scalar simd_insn (Vd = d, Vn = n) on each active in[i]
 * (esz_in) and collect its esz_out result in out[i]; registers d and n
 * are restored. Returns A64_NEXT or the handler's exit. */
int sve2_by_element(struct cpu_state *cpu, uint32_t sve_insn,
                    uint32_t simd_insn, unsigned d, unsigned n,
                    unsigned esz_in, unsigned esz_out, const uint64_t *in,
                    const bool *active, uint64_t *out, unsigned count);

#endif
