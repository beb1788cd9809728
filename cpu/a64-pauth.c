/* A64 pointer-authentication instructions (FEAT_PAuth): the data-
 * processing forms (PAC*, AUT*, XPAC*, PACGA), the authenticating
 * branches (BRA*, BLRA*, RETA*), LDRAA/LDRAB, and the HINT-space forms
 * (PACIASP, AUTIASP, PACIA1716, XPACLRI ...) that a64-branch-sys.c hands
 * over while pointer authentication is enabled.
 *
 * The operations themselves (QARMA, AddPAC, Auth, Strip) are cpu/pauth.c.
 * Without cpu->pauth_enabled the non-HINT encodings are UNDEFINED, as on
 * a CPU without FEAT_PAuth, and the hints stay NOPs.
 */
#include <glib.h>

#include "cpu/pauth.h"

/* A failed AUT* with FEAT_FPAC: the exception Linux reports as SIGILL,
 * ILL_ILLOPN (ESR EC 0x1C). The instruction does not complete. */
static int pauth_fault(struct cpu_state *cpu, uint32_t insn,
                       enum pauth_key key)
{
    cpu->pauth_fault = true;
    cpu->pauth_fault_code = (key == PAUTH_KEY_DA || key == PAUTH_KEY_DB) << 1 |
                            (key == PAUTH_KEY_IB || key == PAUTH_KEY_DB);
    cpu->exit = CPU_EXIT_UNDEF;
    cpu->exit_info.insn = insn;
    return A64_EXIT;
}

/* Authenticate into *out; on an FPAC fault set the exit and return -1. */
static int auth_or_fault(struct cpu_state *cpu, uint32_t insn, uint64_t ptr,
                         uint64_t modifier, enum pauth_key key,
                         bool is_combined, uint64_t *out)
{
    if (pauth_auth(cpu, ptr, modifier, key, is_combined, out) != 0) {
        pauth_fault(cpu, insn, key);
        return -1;
    }
    return 0;
}

/* --- data processing (1 source) -------------------------------------- */

/* PACIA, PACIB, PACDA, PACDB, AUTIA ... AUTDB and their Z forms
 * (modifier zero, Rn must be 31): opcode bits [3:0] = Z:AUT:D:B. */
static int trans_PAC_AUT(struct cpu_state *cpu, uint32_t insn)
{
    unsigned opcode = a64_bits(insn, 10, 6);
    unsigned rn = A64_RN(insn), rd = A64_RD(insn);
    bool zero_modifier = opcode & 8, is_aut = opcode & 4;
    enum pauth_key key = (enum pauth_key)(opcode & 3);
    uint64_t modifier, ptr = a64_x(cpu, rd), result;

    if (zero_modifier && rn != 31)
        return a64_undef(cpu, insn);
    modifier = zero_modifier ? 0 : a64_x_sp(cpu, rn);
    if (is_aut) {
        if (auth_or_fault(cpu, insn, ptr, modifier, key, false, &result))
            return A64_EXIT;
    } else {
        result = pauth_add_pac(cpu, ptr, modifier, key);
    }
    a64_set_x(cpu, rd, result);
    return A64_NEXT;
}

/* XPACI, XPACD */
static int trans_XPAC(struct cpu_state *cpu, uint32_t insn)
{
    unsigned rd = A64_RD(insn);
    bool is_data = a64_bits(insn, 10, 1);

    a64_set_x(cpu, rd, pauth_strip(a64_x(cpu, rd), is_data));
    return A64_NEXT;
}

/* PACGA Xd, Xn, Xm|SP */
static int trans_PACGA(struct cpu_state *cpu, uint32_t insn)
{
    a64_set_x(cpu, A64_RD(insn),
              pauth_pacga(cpu, a64_x(cpu, A64_RN(insn)),
                          a64_x_sp(cpu, A64_RM(insn))));
    return A64_NEXT;
}

/* --- branches ---------------------------------------------------------- */

/* BRAA, BRAB, BLRAA, BLRAB (modifier Xm|SP) and BRAAZ, BRABZ, BLRAAZ,
 * BLRABZ (modifier zero, Rm must be 31). Bit 23 set: register modifier;
 * bit 21: link; bit 10 (M): the B key. */
static int trans_BRA(struct cpu_state *cpu, uint32_t insn)
{
    bool reg_modifier = a64_bits(insn, 24, 1), link = a64_bits(insn, 21, 1);
    enum pauth_key key = a64_bits(insn, 10, 1) ? PAUTH_KEY_IB : PAUTH_KEY_IA;
    unsigned rm = A64_RD(insn);
    uint64_t modifier, target;

    if (!reg_modifier && rm != 31)
        return a64_undef(cpu, insn);
    modifier = reg_modifier ? a64_x_sp(cpu, rm) : 0;
    if (auth_or_fault(cpu, insn, a64_x(cpu, A64_RN(insn)), modifier, key,
                      true, &target))
        return A64_EXIT;
    if (link)
        cpu->x[30] = cpu->pc + 4;
    cpu->pc = a64_branch_target(target);
    return A64_JUMP;
}

/* RETAA, RETAB: return to X30 authenticated against SP. */
static int trans_RETA(struct cpu_state *cpu, uint32_t insn)
{
    enum pauth_key key = a64_bits(insn, 10, 1) ? PAUTH_KEY_IB : PAUTH_KEY_IA;
    uint64_t target;

    if (auth_or_fault(cpu, insn, cpu->x[30], cpu->sp, key, true, &target))
        return A64_EXIT;
    cpu->pc = a64_branch_target(target);
    return A64_JUMP;
}

/* --- loads -------------------------------------------------------------- */

/* LDRAA, LDRAB: Xt = [AuthDx(Xn|SP, 0) + simm10 * 8], optionally writing
 * the address back (pre-index). */
static int trans_LDRA(struct cpu_state *cpu, uint32_t insn)
{
    enum pauth_key key = a64_bits(insn, 23, 1) ? PAUTH_KEY_DB : PAUTH_KEY_DA;
    bool writeback = a64_bits(insn, 11, 1);
    unsigned rn = A64_RN(insn), rt = A64_RD(insn);
    /* S:imm9 is a 10-bit signed offset in units of 8 bytes. */
    uint32_t simm10 = (a64_bits(insn, 22, 1) << 9) | a64_bits(insn, 12, 9);
    int64_t offset = ((int64_t)simm10 ^ 0x200) - 0x200;
    uint64_t base, va, val;

    if (auth_or_fault(cpu, insn, a64_x_sp(cpu, rn), 0, key, true, &base))
        return A64_EXIT;
    va = base + (uint64_t)(offset * 8);
    if (cpu_load_uint(cpu, va, 8, &val) != 0)
        return A64_EXIT;
    /* Writeback with Rn == Rt is CONSTRAINED UNPREDICTABLE; the loaded
     * value wins, as for the other pre-indexed loads here. */
    if (writeback)
        a64_set_x_sp(cpu, rn, va);
    a64_set_x(cpu, rt, val);
    return A64_NEXT;
}

/* --- the HINT space ---------------------------------------------------- */

int a64_pauth_hint(struct cpu_state *cpu, uint32_t insn, unsigned crm_op2)
{
    uint64_t *ptr, modifier, result;
    enum pauth_key key;
    bool is_aut;

    switch (crm_op2) {
    case 7: /* XPACLRI */
        cpu->x[30] = pauth_strip(cpu->x[30], false);
        return A64_NEXT;
    case 8: case 10: case 12: case 14: /* PACIA1716 ... AUTIB1716 */
        ptr = &cpu->x[17];
        modifier = cpu->x[16];
        break;
    case 24: case 26: case 28: case 30: /* PACIAZ ... AUTIBZ */
        ptr = &cpu->x[30];
        modifier = 0;
        break;
    case 25: case 27: case 29: case 31: /* PACIASP ... AUTIBSP */
        ptr = &cpu->x[30];
        modifier = cpu->sp;
        break;
    default: /* not a PAuth hint */
        return A64_NEXT;
    }
    key = (crm_op2 & 2) ? PAUTH_KEY_IB : PAUTH_KEY_IA;
    is_aut = crm_op2 & 4;
    if (is_aut) {
        if (auth_or_fault(cpu, insn, *ptr, modifier, key, false, &result))
            return A64_EXIT;
    } else {
        result = pauth_add_pac(cpu, *ptr, modifier, key);
    }
    *ptr = result;
    return A64_NEXT;
}

/* Without FEAT_PAuth enabled these encodings are unallocated. */
#define PAUTH_GUARD(name)                                                  \
    static int trans_##name##_guarded(struct cpu_state *cpu,               \
                                      uint32_t insn)                       \
    {                                                                      \
        if (!cpu->pauth_enabled)                                           \
            return a64_undef(cpu, insn);                                   \
        return trans_##name(cpu, insn);                                    \
    }
PAUTH_GUARD(PAC_AUT)
PAUTH_GUARD(XPAC)
PAUTH_GUARD(PACGA)
PAUTH_GUARD(BRA)
PAUTH_GUARD(RETA)
PAUTH_GUARD(LDRA)
#define PAUTH_PATTERN(name, bits) { #name, bits, trans_##name##_guarded }

const struct a64_pattern a64_pauth_patterns[] = {
    /* Data processing (1 source), sf = 1, S = 0, opcode2 = 00001. */
    PAUTH_PATTERN(PAC_AUT,  "1 1 0 11010110 00001 00 zaxk nnnnn ddddd"),
    PAUTH_PATTERN(XPAC,     "1 1 0 11010110 00001 01000 d 11111 ddddd"),
    /* Data processing (2 source): opcode 001100. */
    PAUTH_PATTERN(PACGA,    "1 0 0 11010110 mmmmm 001100 nnnnn ddddd"),
    /* Branch (register) with pointer authentication (op3 = 00001M). */
    PAUTH_PATTERN(BRA,      "1101011 0 0 0l 11111 0000 1 M nnnnn 11111"),
    PAUTH_PATTERN(BRA,      "1101011 1 0 0l 11111 0000 1 M nnnnn mmmmm"),
    PAUTH_PATTERN(RETA,     "1101011 0 0 10 11111 0000 1 M 11111 11111"),
    /* Load register, with pointer authentication. */
    PAUTH_PATTERN(LDRA,     "11 111 0 00 M S 1 iiiiiiiii W 1 nnnnn ttttt"),
    A64_PATTERN_END
};
