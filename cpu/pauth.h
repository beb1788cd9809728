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
