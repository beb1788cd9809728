/* System registers reached by MRS/MSR, keyed by encoding
 * (op0, op1, CRn, CRm, op2).
 *
 * Only what EL0 may touch under Linux is here: the registers EL0 owns
 * (NZCV, FPCR, FPSR, TPIDR_EL0 ...) and the ID registers, which Linux
 * emulates for EL0 (HWCAP_CPUID) with the sanitised values below. The ID
 * values advertise exactly what this CPU implements. EL1-EL3 registers,
 * traps and the debug registers become rows of the same table later.
 */
#include <glib.h>

#include "cpu/cpu-internal.h"
#include "cpu/pauth.h"

#define SYSREG_KEY(op0, op1, crn, crm, op2) \
    (((op0) << 14) | ((op1) << 11) | ((crn) << 7) | ((crm) << 3) | (op2))

struct sysreg {
    uint32_t key;
    const char *name;
    uint64_t (*read)(struct cpu_state *cpu, const struct sysreg *r);
    /* NULL: read-only (a write is UNDEFINED). */
    void (*write)(struct cpu_state *cpu, const struct sysreg *r,
                  uint64_t val);
    uint64_t value;   /* constant registers */
};

/* FPCR bits with an effect here: AHP, DN, FZ, RMode, FZ16. The trap
 * enables read as zero (no FP exception trapping), Len/Stride too. */
#define FPCR_WRITABLE 0x07c80000u
/* FPSR: AArch32 NZCV, QC and the cumulative exception flags. */
#define FPSR_WRITABLE 0xf800009fu

/* Time is the instruction count: the counter ticks once every 16
 * instructions, at the frequency CNTFRQ_EL0 announces. */
#define COUNTER_FREQ_HZ 62500000u
#define COUNTER_INSN_SHIFT 4

static uint64_t read_const(struct cpu_state *cpu, const struct sysreg *r)
{
    return r->value;
}

static uint64_t read_nzcv(struct cpu_state *cpu, const struct sysreg *r)
{
    return cpu->nzcv & 0xf0000000u;
}

static void write_nzcv(struct cpu_state *cpu, const struct sysreg *r,
                       uint64_t v)
{
    cpu->nzcv = (uint32_t)v & 0xf0000000u;
}

static uint64_t read_fpcr(struct cpu_state *cpu, const struct sysreg *r)
{
    return cpu->fpcr;
}

static void write_fpcr(struct cpu_state *cpu, const struct sysreg *r,
                       uint64_t v)
{
    cpu->fpcr = (uint32_t)v & FPCR_WRITABLE;
}

static uint64_t read_fpsr(struct cpu_state *cpu, const struct sysreg *r)
{
    return cpu->fpsr;
}

static void write_fpsr(struct cpu_state *cpu, const struct sysreg *r,
                       uint64_t v)
{
    cpu->fpsr = (uint32_t)v & FPSR_WRITABLE;
}

static uint64_t read_tpidr(struct cpu_state *cpu, const struct sysreg *r)
{
    return cpu->tpidr_el0;
}

static void write_tpidr(struct cpu_state *cpu, const struct sysreg *r,
                        uint64_t v)
{
    cpu->tpidr_el0 = v;
}

static uint64_t read_tpidrro(struct cpu_state *cpu, const struct sysreg *r)
{
    return cpu->tpidrro_el0;
}

static uint64_t read_cntvct(struct cpu_state *cpu, const struct sysreg *r)
{
    return cpu->icount >> COUNTER_INSN_SHIFT;
}

/* ID_AA64PFR0_EL1: EL0 and EL1 AArch64 only; the FP [19:16] and
 * AdvSIMD [23:20] fields (half precision) follow the feature list. */
#define PFR0_VALUE 0x11ull

static uint64_t read_pfr0(struct cpu_state *cpu, const struct sysreg *r)
{
    return PFR0_VALUE | cpu_id_reg_features(CPU_ID_AA64PFR0);
}

/* ID_AA64PFR1_EL1: the MTE field [11:8] and any others from the list. */
static uint64_t read_pfr1(struct cpu_state *cpu, const struct sysreg *r)
{
    return cpu_id_reg_features(CPU_ID_AA64PFR1);
}

/* PSTATE.TCO as the TCO register shows it: bit 25. (GCR_EL1, RGSR_EL1
 * and TFSRE0_EL1 are EL1's: user/ sets them through prctl.) */
static uint64_t read_tco(struct cpu_state *cpu, const struct sysreg *r)
{
    return cpu->mte_tco ? 1ull << 25 : 0;
}

static void write_tco(struct cpu_state *cpu, const struct sysreg *r,
                      uint64_t v)
{
    cpu->mte_tco = (v >> 25) & 1;
}

static uint64_t read_isar0(struct cpu_state *cpu, const struct sysreg *r)
{
    return cpu_id_reg_features(CPU_ID_AA64ISAR0);
}

static uint64_t read_isar1(struct cpu_state *cpu, const struct sysreg *r)
{
    return cpu_id_reg_features(CPU_ID_AA64ISAR1);
}

/* ID_AA64ZFR0_EL1: the SVE feature fields Linux shows to EL0 (SVEver,
 * AES, BitPerm, BF16, SHA3, SM4, I8MM), from the feature list. */
static uint64_t read_zfr0(struct cpu_state *cpu, const struct sysreg *r)
{
    return cpu_id_reg_features(CPU_ID_AA64ZFR0);
}

/* ID_AA64ISAR2_EL1: APA3/GPA3 when --pauth qarma3 (cpu/pauth.h). */
static uint64_t read_isar2(struct cpu_state *cpu, const struct sysreg *r)
{
    return pauth_id_aa64isar2_fields();
}

static const struct sysreg sysregs[] = {
    { SYSREG_KEY(3, 3, 4, 2, 0), "NZCV", read_nzcv, write_nzcv, 0 },
    { SYSREG_KEY(3, 3, 4, 4, 0), "FPCR", read_fpcr, write_fpcr, 0 },
    { SYSREG_KEY(3, 3, 4, 4, 1), "FPSR", read_fpsr, write_fpsr, 0 },
    { SYSREG_KEY(3, 3, 13, 0, 2), "TPIDR_EL0", read_tpidr, write_tpidr, 0 },
    { SYSREG_KEY(3, 3, 13, 0, 3), "TPIDRRO_EL0", read_tpidrro, NULL, 0 },
    /* DC ZVA zeroes 64-byte blocks: BS = log2(16 words), DZP = 0. */
    { SYSREG_KEY(3, 3, 0, 0, 7), "DCZID_EL0", read_const, NULL, 4 },
    /* 64-byte I and D lines, PIPT I-cache, no IDC/DIC: software must
     * maintain the caches, which the no-op DC/IC handlers allow. */
    { SYSREG_KEY(3, 3, 0, 0, 1), "CTR_EL0", read_const, NULL, 0x8444c004u },
    { SYSREG_KEY(3, 3, 14, 0, 0), "CNTFRQ_EL0", read_const, NULL,
      COUNTER_FREQ_HZ },
    { SYSREG_KEY(3, 3, 14, 0, 2), "CNTVCT_EL0", read_cntvct, NULL, 0 },
    /* Emulated for EL0 by Linux. */
    { SYSREG_KEY(3, 0, 0, 0, 0), "MIDR_EL1", read_const, NULL, 0x410fd083u },
    { SYSREG_KEY(3, 0, 0, 0, 5), "MPIDR_EL1", read_const, NULL, 0x80000000u },
    { SYSREG_KEY(3, 0, 0, 0, 6), "REVIDR_EL1", read_const, NULL, 0 },
    { SYSREG_KEY(3, 0, 0, 4, 0), "ID_AA64PFR0_EL1", read_pfr0, NULL, 0 },
    { SYSREG_KEY(3, 0, 0, 4, 1), "ID_AA64PFR1_EL1", read_pfr1, NULL, 0 },
    { SYSREG_KEY(3, 0, 0, 4, 4), "ID_AA64ZFR0_EL1", read_zfr0, NULL, 0 },
    { SYSREG_KEY(3, 3, 4, 2, 7), "TCO", read_tco, write_tco, 0 },
    /* The instruction-set attribute registers follow the feature list
     * in cpu.c, which also gives the HWCAPs. */
    { SYSREG_KEY(3, 0, 0, 6, 0), "ID_AA64ISAR0_EL1", read_isar0, NULL, 0 },
    { SYSREG_KEY(3, 0, 0, 6, 1), "ID_AA64ISAR1_EL1", read_isar1, NULL, 0 },
    { SYSREG_KEY(3, 0, 0, 6, 2), "ID_AA64ISAR2_EL1", read_isar2, NULL, 0 },
    { SYSREG_KEY(3, 0, 0, 7, 0), "ID_AA64MMFR0_EL1", read_const, NULL,
      0xff000000u },
    { SYSREG_KEY(3, 0, 0, 5, 0), "ID_AA64DFR0_EL1", read_const, NULL, 6 },
};

static const struct sysreg *sysreg_find(unsigned op0, unsigned op1,
                                        unsigned crn, unsigned crm,
                                        unsigned op2)
{
    uint32_t key = SYSREG_KEY(op0, op1, crn, crm, op2);

    for (size_t i = 0; i < G_N_ELEMENTS(sysregs); i++)
        if (sysregs[i].key == key)
            return &sysregs[i];
    return NULL;
}

/* Linux emulates the whole ID register space (op0=3, op1=0, CRn=0,
 * CRm=1..7) for EL0: the registers it does not list read as zero. */
static bool is_emulated_id_space(unsigned op0, unsigned op1, unsigned crn,
                                 unsigned crm)
{
    return op0 == 3 && op1 == 0 && crn == 0 && crm >= 1 && crm <= 7;
}

int sysreg_read(struct cpu_state *cpu, unsigned op0, unsigned op1,
                unsigned crn, unsigned crm, unsigned op2, uint64_t *val)
{
    const struct sysreg *r = sysreg_find(op0, op1, crn, crm, op2);

    if (r) {
        *val = r->read(cpu, r);
        return 0;
    }
    if (is_emulated_id_space(op0, op1, crn, crm)) {
        *val = 0;
        return 0;
    }
    return -1;
}

int sysreg_write(struct cpu_state *cpu, unsigned op0, unsigned op1,
                 unsigned crn, unsigned crm, unsigned op2, uint64_t val)
{
    const struct sysreg *r = sysreg_find(op0, op1, crn, crm, op2);

    if (!r || !r->write)
        return -1;
    r->write(cpu, r, val);
    return 0;
}
