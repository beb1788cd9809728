/* Pointer authentication (FEAT_PAuth): the QARMA block ciphers and the
 * architecture's AddPAC / Auth / Strip operations, for the instruction
 * handlers (cpu/a64-pauth.c), the HINT space and the unit tests.
 *
 * The translation regime is the one Linux gives EL0: 48-bit virtual
 * addresses in both halves, TCR_EL1.TBI0 = 1 and TBID0 = 0 (so the top
 * byte is ignored for instruction and data pointers alike in the lower
 * half) and TBI1 = 0 in the upper half. A pointer's PAC therefore lives in
 * bits [54:48] for user addresses (Linux's ptrauth_user_pac_mask()) and in
 * bits [63:56] and [54:48] for addresses with bit 55 set.
 */
#ifndef BACKSTEP_CPU_PAUTH_H
#define BACKSTEP_CPU_PAUTH_H

#include <stdbool.h>
#include <stdint.h>

#include "cpu/a64.h"

/* What the machine implements, chosen on the command line (--pauth,
 * --fpac) before any CPU runs: one setting for every CPU, like the feature
 * list the HWCAPs come from. */
struct pauth_config {
    bool enabled;               /* false: no FEAT_PAuth at all */
    enum cpu_pauth_algo algo;   /* QARMA5 (the default) or QARMA3 */
    bool fpac;                  /* FEAT_PAuth2 + FEAT_FPAC */
};

/* Set and read the machine's configuration (default: QARMA5, no FPAC). */
void pauth_configure(const struct pauth_config *config);
const struct pauth_config *pauth_config(void);

/* Parse --pauth's ALGO ("qarma5", "qarma3" or "off") into *config.
 * False for anything else. */
bool pauth_parse_algo(const char *name, struct pauth_config *config);

/* Give a CPU the configured pointer authentication: what user/ calls at
 * exec (after choosing keys) instead of setting pauth_enabled itself. */
void pauth_cpu_configure(struct cpu_state *cpu);

/* The HWCAP bits (asm/hwcap.h) of the configuration: PACA (bit 30) and
 * PACG (bit 31) when enabled, else 0. */
uint64_t pauth_hwcap(void);

/* The ID register fields Linux shows EL0 for the configuration (all other
 * fields zero): ID_AA64ISAR1_EL1 APA [7:4] and GPA [27:24] for QARMA5,
 * API/GPI [11:8]/[31:28] stay 0 (no IMPLEMENTATION DEFINED algorithm);
 * ID_AA64ISAR2_EL1 APA3 [15:12] and GPA3 [11:8] for QARMA3. APA/APA3 is
 * 1 (FEAT_PAuth) or, with --fpac, 4 (FEAT_FPAC, which implies PAuth2);
 * GPA/GPA3 is 1. */
uint64_t pauth_id_aa64isar1_fields(void);
uint64_t pauth_id_aa64isar2_fields(void);

#define PAUTH_HWCAP_PACA (1ull << 30)
#define PAUTH_HWCAP_PACG (1ull << 31)
#define PAUTH_ISAR1_APA_SHIFT 4
#define PAUTH_ISAR1_API_SHIFT 8
#define PAUTH_ISAR1_GPA_SHIFT 24
#define PAUTH_ISAR1_GPI_SHIFT 28
#define PAUTH_ISAR2_GPA3_SHIFT 8
#define PAUTH_ISAR2_APA3_SHIFT 12
/* The APA/APA3 field values (Arm ARM, ID_AA64ISAR1_EL1.APA). */
#define PAUTH_FIELD_PAUTH 1
#define PAUTH_FIELD_FPAC 4

/* The virtual-address size of both translation ranges at EL0. */
#define PAUTH_VA_BITS 48
/* The bits a PAC occupies in a user (bit 55 clear) pointer: GENMASK(54, 48),
 * the value Linux reports for both the code and the data mask. */
#define PAUTH_USER_PAC_MASK CPU_PAUTH_USER_PAC_MASK

/* The QARMA-64 tweakable block cipher of Avanzi's paper, with r forward
 * rounds and S-box sigma (0, 1 or 2): key = w0 (whitening) || k0 (core).
 * Exposed with its parameters so the paper's test vectors check it. */
uint64_t pauth_qarma64(uint64_t plaintext, uint64_t tweak, uint64_t w0,
                       uint64_t k0, unsigned rounds, unsigned sigma);

/* ComputePAC of the Arm ARM: QARMA5 (sigma 2, 5 rounds) or QARMA3
 * (sigma 1, 3 rounds). key_hi/key_lo are the halves of a 128-bit key
 * register pair (APxxKeyHi_EL1 : APxxKeyLo_EL1). */
uint64_t pauth_compute_pac(enum cpu_pauth_algo algo, uint64_t data,
                           uint64_t modifier, uint64_t key_hi,
                           uint64_t key_lo);

/* Which key an operation uses; the number is the architecture's
 * key_number for the AUT error code (A = 0, B = 1). */
enum pauth_key {
    PAUTH_KEY_IA,
    PAUTH_KEY_IB,
    PAUTH_KEY_DA,
    PAUTH_KEY_DB,
};

/* AddPAC: ptr with a PAC computed from it, the modifier and the key. */
uint64_t pauth_add_pac(const struct cpu_state *cpu, uint64_t ptr,
                       uint64_t modifier, enum pauth_key key);

/* Auth: the original pointer when its PAC is right. When it is wrong,
 * classic FEAT_PAuth returns the pointer with the error code in bits
 * [54:53] (or [62:61] for a pointer without top-byte-ignore), so that it
 * faults when used. With cpu->pauth_fpac (FEAT_PAuth2 + FEAT_FPAC) a
 * failure returns -1 with *fault set instead, for the non-combined
 * instructions (is_combined false); the combined ones (RETAA, BRAA,
 * LDRAA ...) get the XOR-ed, non-canonical pointer. Returns 0 otherwise. */
int pauth_auth(const struct cpu_state *cpu, uint64_t ptr, uint64_t modifier,
               enum pauth_key key, bool is_combined, uint64_t *result);

/* Strip: ptr with its PAC field replaced by the extension of bit 55
 * (XPACI when is_data is false, XPACD when true). */
uint64_t pauth_strip(uint64_t ptr, bool is_data);

/* PACGA: the generic authentication code, in the top 32 bits. */
uint64_t pauth_pacga(const struct cpu_state *cpu, uint64_t value,
                     uint64_t modifier);

/* The PAC field of a pointer: the bits AddPAC may change (bits [54:48]
 * when bit 55 is clear; [63:56] too when it is set). */
uint64_t pauth_pac_mask(uint64_t ptr);

/* The HINT-space forms (PACIASP, AUTIASP, PACIA1716, XPACLRI ...):
 * executes the hint (CRm:op2 in crm_op2) if it is one of them. Returns
 * A64_NEXT, or A64_EXIT on an FPAC fault. Only called when
 * cpu->pauth_enabled. */
int a64_pauth_hint(struct cpu_state *cpu, uint32_t insn, unsigned crm_op2);

/* The non-HINT instructions, decoded by this table (cpu/a64-pauth.c). */
extern const struct a64_pattern a64_pauth_patterns[];

#endif
