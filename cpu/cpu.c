/* CPU objects: creation, PSTATE as the debugger sees it, HWCAPs, names. */
#include <glib.h>

#include "cpu/cpu-internal.h"
#include "cpu/pauth.h"

/* The features this CPU implements, in one list from which both the
 * HWCAPs (AT_HWCAP, AT_HWCAP2) and the ID register fields that Linux shows
 * to EL0 are derived, so the two always advertise the same thing. A
 * feature goes in here only when its instructions are implemented and
 * tested. HWCAP bits are asm/hwcap.h's (arm64), spelled here because cpu/
 * must build on any host. */
struct cpu_feature {
    const char *name;
    uint64_t hwcap;
    uint64_t hwcap2;
    enum cpu_id_reg id_reg;
    unsigned shift;       /* the ID register field (4 bits) */
    unsigned value;       /* the field's value with this feature */
};

static const struct cpu_feature cpu_features[] = {
    { "fp", 1ull << 0, 0, CPU_ID_NONE, 0, 0 },        /* PFR0.FP = 0 */
    { "asimd", 1ull << 1, 0, CPU_ID_NONE, 0, 0 },     /* PFR0.AdvSIMD = 0 */
    { "aes", 1ull << 3, 0, CPU_ID_AA64ISAR0, 4, 1 },
    { "pmull", 1ull << 4, 0, CPU_ID_AA64ISAR0, 4, 2 },
    { "sha1", 1ull << 5, 0, CPU_ID_AA64ISAR0, 8, 1 },
    { "sha2", 1ull << 6, 0, CPU_ID_AA64ISAR0, 12, 1 },
    { "crc32", 1ull << 7, 0, CPU_ID_AA64ISAR0, 16, 1 },
    { "atomics", 1ull << 8, 0, CPU_ID_AA64ISAR0, 20, 2 },
    { "fphp", 1ull << 9, 0, CPU_ID_AA64PFR0, 16, 1 },
    { "asimdhp", 1ull << 10, 0, CPU_ID_AA64PFR0, 20, 1 },
    { "cpuid", 1ull << 11, 0, CPU_ID_NONE, 0, 0 },
    { "asimdrdm", 1ull << 12, 0, CPU_ID_AA64ISAR0, 28, 1 },
    { "jscvt", 1ull << 13, 0, CPU_ID_AA64ISAR1, 12, 1 },
    { "fcma", 1ull << 14, 0, CPU_ID_AA64ISAR1, 16, 1 },
    { "lrcpc", 1ull << 15, 0, CPU_ID_AA64ISAR1, 20, 1 },
    { "dcpop", 1ull << 16, 0, CPU_ID_AA64ISAR1, 0, 1 },
    { "sha3", 1ull << 17, 0, CPU_ID_AA64ISAR0, 32, 1 },
    { "sm3", 1ull << 18, 0, CPU_ID_AA64ISAR0, 36, 1 },
    { "sm4", 1ull << 19, 0, CPU_ID_AA64ISAR0, 40, 1 },
    { "asimddp", 1ull << 20, 0, CPU_ID_AA64ISAR0, 44, 1 },
    { "sha512", 1ull << 21, 0, CPU_ID_AA64ISAR0, 12, 2 },
    { "asimdfhm", 1ull << 23, 0, CPU_ID_AA64ISAR0, 48, 1 },
    { "ilrcpc", 1ull << 26, 0, CPU_ID_AA64ISAR1, 20, 2 },
    { "flagm", 1ull << 27, 0, CPU_ID_AA64ISAR0, 52, 1 },
    { "sb", 1ull << 29, 0, CPU_ID_AA64ISAR1, 36, 1 },
    /* SVE (FEAT_SVE) at any vector length: the integer, floating-point,
     * predicate, permute, load/store, gather/scatter instructions
     * (cpu/sve-*.c), checked against qemu-aarch64 and by compiled
     * programs (testsuite/programs, the "sve" set). */
    { "sve", 1ull << 22, 0, CPU_ID_AA64PFR0, 32, 1 },
    /* SVE2 (FEAT_SVE2): ID_AA64ZFR0_EL1.SVEver [3:0] = 1. Every SVE2
     * group (cpu/sve2-*.c), checked against qemu-aarch64 at several
     * vector lengths by the difftest's sve2 class and by
     * testsuite/programs/sve2-int.c and sve2-mul.c. */
    { "sve2", 0, 1ull << 1, CPU_ID_AA64ZFR0, 0, 1 },
    /* The optional SVE2 extensions, ID_AA64ZFR0_EL1's fields (checked
     * against qemu-aarch64 by testsuite/programs/sve2-mul.c): SVE-AES
     * (AESE/AESD/AESMC/AESIMC) and PMULLB/PMULLT.Q, SVE-BitPerm
     * (BEXT/BDEP/BGRP), SVE-SHA3 (RAX1), SVE-SM4 (SM4E/SM4EKEY), and SVE's
     * BF16 and I8MM instructions. */
    { "sveaes", 0, 1ull << 2, CPU_ID_AA64ZFR0, 4, 1 },
    { "svepmull", 0, 1ull << 3, CPU_ID_AA64ZFR0, 4, 2 },
    { "svebitperm", 0, 1ull << 4, CPU_ID_AA64ZFR0, 16, 1 },
    { "svesha3", 0, 1ull << 5, CPU_ID_AA64ZFR0, 32, 1 },
    { "svesm4", 0, 1ull << 6, CPU_ID_AA64ZFR0, 40, 1 },
    { "svei8mm", 0, 1ull << 9, CPU_ID_AA64ZFR0, 44, 1 },
    { "svebf16", 0, 1ull << 12, CPU_ID_AA64ZFR0, 20, 1 },
    /* Pointer authentication is not in this list: --pauth chooses it,
     * and cpu/pauth.h gives its HWCAPs (PACA, PACG) and ID fields. */
    { "dcpodp", 0, 1ull << 0, CPU_ID_AA64ISAR1, 0, 2 },
    { "flagm2", 0, 1ull << 7, CPU_ID_AA64ISAR0, 52, 2 },
    { "frint", 0, 1ull << 8, CPU_ID_AA64ISAR1, 32, 1 },
    { "i8mm", 0, 1ull << 13, CPU_ID_AA64ISAR1, 52, 1 },
    { "bf16", 0, 1ull << 14, CPU_ID_AA64ISAR1, 44, 1 },
    /* Memory tagging (FEAT_MTE2, and FEAT_MTE3's asymmetric mode): the
     * instructions (a64-mte.c), tag checks (mem-access.c), user/mte.c's
     * tag store, prctl and SEGV_MTESERR/MTEAERR. */
    { "mte", 0, 1ull << 18, CPU_ID_AA64PFR1, 8, 2 },
    { "mte3", 0, 1ull << 22, CPU_ID_AA64PFR1, 8, 3 },
};

uint64_t cpu_hwcap(void)
{
    uint64_t caps = 0;

    for (size_t i = 0; i < G_N_ELEMENTS(cpu_features); i++)
        caps |= cpu_features[i].hwcap;
    return caps | pauth_hwcap();
}

uint64_t cpu_hwcap2(void)
{
    uint64_t caps = 0;

    for (size_t i = 0; i < G_N_ELEMENTS(cpu_features); i++)
        caps |= cpu_features[i].hwcap2;
    return caps;
}

uint64_t cpu_id_reg_features(enum cpu_id_reg reg)
{
    uint64_t v = 0;

    for (size_t i = 0; i < G_N_ELEMENTS(cpu_features); i++) {
        const struct cpu_feature *f = &cpu_features[i];
        uint64_t field;
        if (f->id_reg != reg || reg == CPU_ID_NONE)
            continue;
        /* A field holds the highest level implemented. */
        field = (v >> f->shift) & 0xf;
        if (f->value > field)
            v = (v & ~(0xfull << f->shift)) | ((uint64_t)f->value << f->shift);
    }
    if (reg == CPU_ID_AA64ISAR1)
        v |= pauth_id_aa64isar1_fields();
    return v;
}

struct cpu_state *cpu_new(const struct cpu_mem_ops *ops, void *opaque)
{
    struct cpu_state *cpu = g_new0(struct cpu_state, 1);

    cpu->mem_ops = ops;
    cpu->mem_opaque = opaque;
    cpu->sve_vl = 16;
    cpu->code = code_cache_new();
    cpu->debug = debug_new();
    tlb_invalidate_all(cpu);
    return cpu;
}

void cpu_free(struct cpu_state *cpu)
{
    if (!cpu)
        return;
    code_cache_free(cpu->code);
    debug_free(cpu->debug);
    g_free(cpu);
}

void cpu_request_exit(struct cpu_state *cpu)
{
    cpu->exit_request = 1;
}

/* The debugger's cpsr: NZCV in 31..28; M[3:0] = 0 (EL0t), nRW = 0. */
uint32_t cpu_get_cpsr(const struct cpu_state *cpu)
{
    return (cpu->nzcv & 0xf0000000u) | ((uint32_t)cpu->el << 2);
}

/* Only NZCV can be changed from user mode; the other bits are ignored. */
void cpu_set_cpsr(struct cpu_state *cpu, uint32_t cpsr)
{
    cpu->nzcv = cpsr & 0xf0000000u;
}

const char *cpu_exit_name(enum cpu_exit exit)
{
    switch (exit) {
    case CPU_EXIT_NONE: return "none";
    case CPU_EXIT_BUDGET: return "budget";
    case CPU_EXIT_SVC: return "svc";
    case CPU_EXIT_UNDEF: return "undef";
    case CPU_EXIT_BRK: return "brk";
    case CPU_EXIT_DATA_ABORT: return "data-abort";
    case CPU_EXIT_INSN_ABORT: return "insn-abort";
    case CPU_EXIT_ALIGNMENT: return "alignment";
    case CPU_EXIT_BREAKPOINT: return "breakpoint";
    case CPU_EXIT_WATCHPOINT: return "watchpoint";
    case CPU_EXIT_HLT: return "hlt";
    case CPU_EXIT_REQUEST: return "request";
    }
    return "unknown";
}
