/* SVE integer reductions to a scalar: SADDV, UADDV, SMAXV, UMAXV, SMINV,
 * UMINV, ORV, EORV, ANDV. The result goes to a V register; the rest of the
 * Z register is zeroed. */
#include "cpu/sve.h"

static int trans_reduce(struct cpu_state *cpu, uint32_t insn)
{
    unsigned esz = SVE_SIZE(insn), op = a64_bits(insn, 16, 5);
    unsigned pg = SVE_PG3(insn), bits = 8u << esz;
    const cpu_zreg *n = &cpu->z[A64_RN(insn)];
    uint64_t mask = sve_esz_mask(esz), acc;
    unsigned out_bytes = 1u << esz;

    switch (op) {
    case 0:  /* SADDV: not for D */
        if (esz == 3)
            return a64_undef(cpu, insn);
        /* fall through */
    case 1:
        acc = 0;
        out_bytes = 8;
        break;
    case 8: acc = 1ull << (bits - 1); break;                /* SMAXV */
    case 9: acc = 0; break;                                 /* UMAXV */
    case 10: acc = mask >> 1; break;                        /* SMINV */
    case 11: acc = mask; break;                             /* UMINV */
    case 24: case 25: acc = 0; break;                       /* ORV, EORV */
    case 26: acc = mask; break;                             /* ANDV */
    default:
        return a64_undef(cpu, insn);
    }
    for (unsigned i = 0; i < sve_elems(cpu, esz); i++) {
        if (!sve_active(cpu, pg, esz, i))
            continue;
        uint64_t e = sve_elem(n, esz, i);
        switch (op) {
        case 0: acc += (uint64_t)sve_sext(e, esz); break;
        case 1: acc += e; break;
        case 8: case 10: {
            int64_t a = sve_sext(acc, esz), b = sve_sext(e, esz);
            if (op == 8 ? b > a : b < a)
                acc = e;
            break;
        }
        case 9: if (e > acc) acc = e; break;
        case 11: if (e < acc) acc = e; break;
        case 24: acc |= e; break;
        case 25: acc ^= e; break;
        default: acc &= e; break;
        }
    }
    unsigned d = A64_RD(insn);
    memset(cpu->z[d].b, 0, CPU_ZREG_BYTES);
    memcpy(cpu->z[d].b, &acc, out_bytes);
    return A64_NEXT;
}

const struct a64_pattern sve_reduce_patterns[] = {
    A64_PATTERN(reduce, "00000100 ss 0 ooooo 001 ggg nnnnn ddddd"),
    A64_PATTERN_END,
};
