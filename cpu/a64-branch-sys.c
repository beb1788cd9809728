/* A64 branches, exception generation and system instructions. */
#include "cpu/cpu-internal.h"
#include "cpu/pauth.h"

/* B, BL */
static int trans_B(struct cpu_state *cpu, uint32_t insn)
{
    if (insn >> 31)
        cpu->x[30] = cpu->pc + 4;
    cpu->pc += (uint64_t)(a64_sbits(insn, 0, 26) * 4);
    return A64_JUMP;
}

/* B.cond */
static int trans_B_cond(struct cpu_state *cpu, uint32_t insn)
{
    if (!a64_cond_holds(cpu->nzcv, a64_bits(insn, 0, 4)))
        return A64_NEXT;
    cpu->pc += (uint64_t)(a64_sbits(insn, 5, 19) * 4);
    return A64_JUMP;
}

/* CBZ, CBNZ */
static int trans_CBZ(struct cpu_state *cpu, uint32_t insn)
{
    uint64_t v = a64_x(cpu, A64_RD(insn));

    if (!(insn >> 31))
        v = (uint32_t)v;
    if ((v == 0) == (((insn >> 24) & 1) != 0))
        return A64_NEXT;
    cpu->pc += (uint64_t)(a64_sbits(insn, 5, 19) * 4);
    return A64_JUMP;
}

/* TBZ, TBNZ */
static int trans_TBZ(struct cpu_state *cpu, uint32_t insn)
{
    unsigned bit = (a64_bits(insn, 31, 1) << 5) | a64_bits(insn, 19, 5);
    unsigned set = (a64_x(cpu, A64_RD(insn)) >> bit) & 1;

    if (set != ((insn >> 24) & 1))
        return A64_NEXT;
    cpu->pc += (uint64_t)(a64_sbits(insn, 5, 14) * 4);
    return A64_JUMP;
}

/* BR, BLR, RET */
static int trans_BR(struct cpu_state *cpu, uint32_t insn)
{
    uint64_t target = a64_branch_target(a64_x(cpu, A64_RN(insn)));

    if (a64_bits(insn, 21, 2) == 1)   /* BLR */
        cpu->x[30] = cpu->pc + 4;
    cpu->pc = target;
    return A64_JUMP;
}

/* SVC: the system call is the owner's; pc moves past the instruction and
 * the instruction counts as retired. Taking the exception clears the
 * exclusive monitor, as the return to EL0 does on hardware. */
static int trans_SVC(struct cpu_state *cpu, uint32_t insn)
{
    cpu->pc += 4;
    cpu->icount++;
    cpu->excl_valid = false;
    cpu->exit = CPU_EXIT_SVC;
    cpu->exit_info.imm = a64_bits(insn, 5, 16);
    return A64_EXIT;
}

/* BRK, HLT: stop at the instruction. */
static int trans_BRK(struct cpu_state *cpu, uint32_t insn)
{
    cpu->exit = CPU_EXIT_BRK;
    cpu->exit_info.imm = a64_bits(insn, 5, 16);
    return A64_EXIT;
}

static int trans_HLT(struct cpu_state *cpu, uint32_t insn)
{
    cpu->exit = CPU_EXIT_HLT;
    cpu->exit_info.imm = a64_bits(insn, 5, 16);
    return A64_EXIT;
}

/* The HINT space: NOP, YIELD, WFE, WFI, SEV, SEVL, ESB, PSB, CSDB, BTI
 * and the pointer-authentication hints (PACIASP, AUTIASP, XPACLRI ...),
 * which cpu/a64-pauth.c executes while pointer authentication is
 * enabled; otherwise they are NOPs, as on a CPU without FEAT_PAuth. No
 * BTI. WFI/WFE do not sleep: one host thread runs all guest code. */
static int trans_HINT(struct cpu_state *cpu, uint32_t insn)
{
    if (cpu->pauth_enabled)
        return a64_pauth_hint(cpu, insn, a64_bits(insn, 5, 7));
    return A64_NEXT;
}

static int trans_CLREX(struct cpu_state *cpu, uint32_t insn)
{
    cpu->excl_valid = false;
    return A64_NEXT;
}

/* DSB, DMB, ISB, SB: one in-order host thread runs all guest code. */
static int trans_BARRIER(struct cpu_state *cpu, uint32_t insn)
{
    unsigned op2 = a64_bits(insn, 5, 3);

    if (op2 == 7 && a64_bits(insn, 8, 4) != 0)   /* SB has CRm = 0 */
        return a64_undef(cpu, insn);
    return A64_NEXT;
}

/* MSR (immediate): the PSTATE fields EL0 may write. Only the FlagM
 * operations are implemented (CFINV, XAFLAG, AXFLAG); SPSel, DAIF, PAN,
 * UAO are EL1's, and DIT, SSBS, TCO are features we do not have. */
static int trans_MSR_imm(struct cpu_state *cpu, uint32_t insn)
{
    unsigned op1 = a64_bits(insn, 16, 3), op2 = a64_bits(insn, 5, 3);
    unsigned crm = a64_bits(insn, 8, 4);
    uint32_t n, z, c, v;

    if (op1 != 0 || crm != 0)
        return a64_undef(cpu, insn);
    n = (cpu->nzcv >> 31) & 1;
    z = (cpu->nzcv >> 30) & 1;
    c = (cpu->nzcv >> 29) & 1;
    v = (cpu->nzcv >> 28) & 1;
    switch (op2) {
    case 0: /* CFINV */
        cpu->nzcv ^= CPU_NZCV_C;
        return A64_NEXT;
    case 1: { /* XAFLAG: external (FP compare) format to Arm format */
        uint32_t nn = !c && !z, zz = z && c, cc = c || z, vv = !c && z;
        cpu->nzcv = (nn << 31) | (zz << 30) | (cc << 29) | (vv << 28);
        return A64_NEXT;
    }
    case 2: { /* AXFLAG */
        uint32_t zz = z || v, cc = c && !v;
        (void)n;
        cpu->nzcv = (zz << 30) | (cc << 29);
        return A64_NEXT;
    }
    default:
        return a64_undef(cpu, insn);
    }
}

/* SYS: the cache maintenance EL0 may use. DC ZVA zeroes a 64-byte block
 * (DCZID_EL0) through the normal store path, so it faults, watches and
 * invalidates decoded code like any store. IC IVAU drops the decoded code
 * of its line (CTR_EL0.IminLine: 64 bytes) in every CPU of the address
 * space: a store only drops the storing CPU's own copy, and code written
 * by one thread, or through another mapping of the same memory, runs
 * after this maintenance. The data cache operations are no-ops: there
 * are no data caches to maintain. */
#define IC_LINE 64   /* CTR_EL0.IminLine 4: 16 words (cpu/sysreg.c) */

static int trans_SYS(struct cpu_state *cpu, uint32_t insn)
{
    unsigned op1 = a64_bits(insn, 16, 3), crn = a64_bits(insn, 12, 4);
    unsigned crm = a64_bits(insn, 8, 4), op2 = a64_bits(insn, 5, 3);
    uint64_t va = a64_x(cpu, A64_RD(insn));
    static const uint8_t zeros[64];

    if (op1 != 3 || crn != 7 || op2 != 1 || ((insn >> 21) & 1))
        return a64_undef(cpu, insn);
    switch (crm) {
    case 4: /* DC ZVA */
        if (cpu_store(cpu, va & ~63ull, 64, zeros) != 0)
            return A64_EXIT;
        return A64_NEXT;
    case 5: /* IC IVAU */
        va &= ~(uint64_t)(IC_LINE - 1);
        cpu_code_invalidate(cpu, va, IC_LINE);
        if (cpu->mem_ops && cpu->mem_ops->code_changed)
            cpu->mem_ops->code_changed(cpu->mem_opaque, va, IC_LINE);
        return A64_NEXT;
    case 10: /* DC CVAC */
    case 11: /* DC CVAU */
    case 12: /* DC CVAP */
    case 13: /* DC CVADP */
    case 14: /* DC CIVAC */
        return A64_NEXT;
    default:
        return a64_undef(cpu, insn);
    }
}

static void sysreg_fields(uint32_t insn, unsigned *op0, unsigned *op1,
                          unsigned *crn, unsigned *crm, unsigned *op2)
{
    *op0 = 2 + a64_bits(insn, 19, 1);
    *op1 = a64_bits(insn, 16, 3);
    *crn = a64_bits(insn, 12, 4);
    *crm = a64_bits(insn, 8, 4);
    *op2 = a64_bits(insn, 5, 3);
}

/* MRS, MSR (register) */
static int trans_MRS(struct cpu_state *cpu, uint32_t insn)
{
    unsigned op0, op1, crn, crm, op2;
    uint64_t v;

    sysreg_fields(insn, &op0, &op1, &crn, &crm, &op2);
    if (sysreg_read(cpu, op0, op1, crn, crm, op2, &v) != 0)
        return a64_undef(cpu, insn);
    a64_set_x(cpu, A64_RD(insn), v);
    return A64_NEXT;
}

static int trans_MSR_reg(struct cpu_state *cpu, uint32_t insn)
{
    unsigned op0, op1, crn, crm, op2;

    sysreg_fields(insn, &op0, &op1, &crn, &crm, &op2);
    if (sysreg_write(cpu, op0, op1, crn, crm, op2,
                     a64_x(cpu, A64_RD(insn))) != 0)
        return a64_undef(cpu, insn);
    return A64_NEXT;
}

const struct a64_pattern a64_branch_sys_patterns[] = {
    A64_PATTERN(B,         "l 00101 iiiiiiiiiiiiiiiiiiiiiiiiii"),
    A64_PATTERN(B_cond,    "0101010 0 iiiiiiiiiiiiiiiiiii 0 cccc"),
    A64_PATTERN(CBZ,       "f 011010 o iiiiiiiiiiiiiiiiiii ttttt"),
    A64_PATTERN(TBZ,       "b 011011 o bbbbb iiiiiiiiiiiiii ttttt"),
    /* BR, BLR, RET; the pointer-authenticating forms are a64-pauth.c's. */
    A64_PATTERN(BR,        "1101011 0 0 00 11111 0000 0 0 nnnnn 00000"),
    A64_PATTERN(BR,        "1101011 0 0 01 11111 0000 0 0 nnnnn 00000"),
    A64_PATTERN(BR,        "1101011 0 0 10 11111 0000 0 0 nnnnn 00000"),
    A64_PATTERN(SVC,       "11010100 000 iiiiiiiiiiiiiiii 000 01"),
    A64_PATTERN(BRK,       "11010100 001 iiiiiiiiiiiiiiii 000 00"),
    A64_PATTERN(HLT,       "11010100 010 iiiiiiiiiiiiiiii 000 00"),
    A64_PATTERN(HINT,      "1101010100 0 00 011 0010 mmmm ooo 11111"),
    A64_PATTERN(CLREX,     "1101010100 0 00 011 0011 mmmm 010 11111"),
    A64_PATTERN(BARRIER,   "1101010100 0 00 011 0011 mmmm 1oo 11111"),
    A64_PATTERN(MSR_imm,   "1101010100 0 00 ooo 0100 mmmm ooo 11111"),
    A64_PATTERN(SYS,       "1101010100 0 01 ooo nnnn mmmm ooo ttttt"),
    A64_PATTERN(MSR_reg,   "1101010100 0 1o ooo nnnn mmmm ooo ttttt"),
    A64_PATTERN(MRS,       "1101010100 1 1o ooo nnnn mmmm ooo ttttt"),
    A64_PATTERN_END
};
