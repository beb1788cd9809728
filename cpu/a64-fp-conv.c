/* Conversions between floating point and integers: FCVT[NPMZA][SU],
 * SCVTF/UCVTF (integer and fixed-point forms), FJCVTZS, and FMOV between
 * general and FP registers (including the top half, Vd.D[1]). */
#include <math.h>

#include "cpu/a64-simd-fp-ops.h"

#define CONV_SF(insn) a64_bits(insn, 31, 1)

/* The caller has checked that ftype is a floating-point type. */
static uint64_t conv_to_int(struct cpu_state *cpu, uint32_t insn,
                            enum fpu_rmode rm, unsigned fbits, bool is_signed)
{
    unsigned size = fp_ftype_size(insn);
    unsigned width = CONV_SF(insn) ? 64 : 32;
    uint64_t v = simd_get_scalar(cpu, A64_RN(insn), 1u << size);
    uint64_t r = fp_to_int(cpu, size, v, rm, fbits, is_signed, width);
    return width == 32 ? (uint32_t)r : r;
}

static void conv_from_int(struct cpu_state *cpu, uint32_t insn,
                          unsigned fbits, bool is_signed)
{
    unsigned size = fp_ftype_size(insn);
    unsigned width = CONV_SF(insn) ? 64 : 32;
    uint64_t v = a64_x(cpu, A64_RN(insn));
    simd_put_scalar(cpu, A64_RD(insn),
                    fp_from_int(cpu, size, v, is_signed, width, fbits),
                    1u << size);
}

static void conv_write_int(struct cpu_state *cpu, uint32_t insn, uint64_t v)
{
    if (CONV_SF(insn))
        a64_set_x(cpu, A64_RD(insn), v);
    else
        a64_set_w(cpu, A64_RD(insn), (uint32_t)v);
}

/* FP <-> integer, selected by rmode (bits 20..19) and opcode (18..16). */
static int trans_FP_int_conv(struct cpu_state *cpu, uint32_t insn)
{
    static const enum fpu_rmode to_int_modes[] = { FPU_RN, FPU_RP, FPU_RM,
                                                   FPU_RZ };
    unsigned rmode = a64_bits(insn, 19, 2), opcode = a64_bits(insn, 16, 3);
    if (!fp_ftype_size(insn))
        return a64_undef(cpu, insn);
    switch (opcode) {
    case 0: /* FCVT{N,P,M,Z}S */
    case 1: /* FCVT{N,P,M,Z}U */
        conv_write_int(cpu, insn,
                       conv_to_int(cpu, insn, to_int_modes[rmode], 0,
                                   opcode == 0));
        return A64_NEXT;
    case 2: /* SCVTF */
    case 3: /* UCVTF */
        if (rmode != 0)
            break;
        conv_from_int(cpu, insn, 0, opcode == 2);
        return A64_NEXT;
    case 4: /* FCVTAS */
    case 5: /* FCVTAU */
        if (rmode != 0)
            break;
        conv_write_int(cpu, insn, conv_to_int(cpu, insn, FPU_RA, 0, opcode == 4));
        return A64_NEXT;
    default:
        break;
    }
    /* FMOV with a mismatched size, FJCVTZS, and reserved combinations. */
    return a64_undef(cpu, insn);
}

/* Fixed-point forms: fbits = 64 - scale; a 32-bit integer needs scale >= 32. */
static int trans_FP_fixed_conv(struct cpu_state *cpu, uint32_t insn)
{
    unsigned rmode = a64_bits(insn, 19, 2), opcode = a64_bits(insn, 16, 3);
    unsigned scale = a64_bits(insn, 10, 6);
    unsigned fbits = 64 - scale;
    if (!fp_ftype_size(insn) || (!CONV_SF(insn) && scale < 32))
        return a64_undef(cpu, insn);
    if (rmode == 3 && opcode <= 1) {          /* FCVTZS / FCVTZU */
        conv_write_int(cpu, insn, conv_to_int(cpu, insn, FPU_RZ, fbits,
                                              opcode == 0));
        return A64_NEXT;
    }
    if (rmode == 0 && (opcode == 2 || opcode == 3)) {  /* SCVTF / UCVTF */
        conv_from_int(cpu, insn, fbits, opcode == 2);
        return A64_NEXT;
    }
    return a64_undef(cpu, insn);
}

static int trans_FMOV_w_from_s(struct cpu_state *cpu, uint32_t insn)
{
    a64_set_w(cpu, A64_RD(insn), (uint32_t)simd_get_scalar(cpu, A64_RN(insn), 4));
    return A64_NEXT;
}

static int trans_FMOV_s_from_w(struct cpu_state *cpu, uint32_t insn)
{
    simd_put_scalar(cpu, A64_RD(insn), (uint32_t)a64_x(cpu, A64_RN(insn)), 4);
    return A64_NEXT;
}

static int trans_FMOV_x_from_d(struct cpu_state *cpu, uint32_t insn)
{
    a64_set_x(cpu, A64_RD(insn), simd_get_scalar(cpu, A64_RN(insn), 8));
    return A64_NEXT;
}

static int trans_FMOV_d_from_x(struct cpu_state *cpu, uint32_t insn)
{
    simd_put_scalar(cpu, A64_RD(insn), a64_x(cpu, A64_RN(insn)), 8);
    return A64_NEXT;
}

static int trans_FMOV_x_from_top(struct cpu_state *cpu, uint32_t insn)
{
    a64_set_x(cpu, A64_RD(insn), cpu->z[A64_RN(insn)].d[1]);
    return A64_NEXT;
}

/* Writes only bits 127..64; the low half is kept, bits above 128 are
 * zeroed like any AdvSIMD write. */
static int trans_FMOV_top_from_x(struct cpu_state *cpu, uint32_t insn)
{
    unsigned d = A64_RD(insn);
    cpu->z[d].d[1] = a64_x(cpu, A64_RN(insn));
    a64_zero_v_above(cpu, d, 16);
    return A64_NEXT;
}

/* FJCVTZS: JavaScript's ToInt32 -- truncate, then wrap modulo 2^32.
 * NZCV is 0Z00 with Z set only for an exact, in-range, non-negative-zero
 * conversion. */
static int trans_FJCVTZS(struct cpu_state *cpu, uint32_t insn)
{
    uint64_t bits = simd_get_scalar(cpu, A64_RN(insn), 8);
    bool z = true;
    uint32_t result = 0;
    if ((cpu->fpcr & FPCR_FZ) && (bits & 0x7ff0000000000000ull) == 0 &&
        (bits & 0x000fffffffffffffull)) {
        cpu->fpsr |= FPSR_IDC;
        bits &= 1ull << 63;
    }
    double x;
    memcpy(&x, &bits, sizeof x);
    if (isnan(x) || isinf(x)) {
        cpu->fpsr |= FPSR_IOC;
        z = false;
    } else {
        double t = trunc(x);
        double wrapped = fmod(t, 4294967296.0);  /* exact */
        result = (uint32_t)(int64_t)wrapped;
        if (t < -2147483648.0 || t > 2147483647.0) {
            cpu->fpsr |= FPSR_IOC;
            z = false;
        } else if (t != x) {
            cpu->fpsr |= FPSR_IXC;
            z = false;
        } else if (x == 0 && signbit(x)) {
            /* -0.0 (also a negative denormal flushed by FZ). A positive
             * flushed denormal keeps Z set, as on qemu-aarch64. */
            z = false;
        }
    }
    a64_set_w(cpu, A64_RD(insn), result);
    cpu->nzcv = z ? CPU_NZCV_Z : 0;
    return A64_NEXT;
}

/* FMOV between a general register and Hd/Hn (the low 16 bits). */
static int trans_FMOV_r_from_h(struct cpu_state *cpu, uint32_t insn)
{
    a64_set_x(cpu, A64_RD(insn), simd_get_scalar(cpu, A64_RN(insn), 2));
    return A64_NEXT;
}

static int trans_FMOV_h_from_r(struct cpu_state *cpu, uint32_t insn)
{
    simd_put_scalar(cpu, A64_RD(insn), (uint16_t)a64_x(cpu, A64_RN(insn)), 2);
    return A64_NEXT;
}

/* Field letters: s sf, t ftype, r rmode, o opcode, c scale, n Rn, d Rd. */
const struct a64_pattern a64_fp_conv_patterns[] = {
    A64_PATTERN(FP_int_conv,       "s001_1110_tt1r_rooo_0000_00nn_nnnd_dddd"),
    A64_PATTERN(FP_fixed_conv,     "s001_1110_tt0r_rooo_cccc_ccnn_nnnd_dddd"),
    A64_PATTERN(FMOV_w_from_s,     "0001_1110_0010_0110_0000_00nn_nnnd_dddd"),
    A64_PATTERN(FMOV_s_from_w,     "0001_1110_0010_0111_0000_00nn_nnnd_dddd"),
    A64_PATTERN(FMOV_x_from_d,     "1001_1110_0110_0110_0000_00nn_nnnd_dddd"),
    A64_PATTERN(FMOV_d_from_x,     "1001_1110_0110_0111_0000_00nn_nnnd_dddd"),
    A64_PATTERN(FJCVTZS,           "0001_1110_0111_1110_0000_00nn_nnnd_dddd"),
    A64_PATTERN(FMOV_r_from_h,     "s001_1110_1110_0110_0000_00nn_nnnd_dddd"),
    A64_PATTERN(FMOV_h_from_r,     "s001_1110_1110_0111_0000_00nn_nnnd_dddd"),
    A64_PATTERN(FMOV_x_from_top,   "1001_1110_1010_1110_0000_00nn_nnnd_dddd"),
    A64_PATTERN(FMOV_top_from_x,   "1001_1110_1010_1111_0000_00nn_nnnd_dddd"),
    A64_PATTERN_END,
};
