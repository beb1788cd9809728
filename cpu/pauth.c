/* Pointer authentication: the QARMA block ciphers and AddPAC, Auth,
 * Strip as the Arm ARM's pseudocode defines them (shared/functions/
 * pauth), for the EL0 translation regime described in cpu/pauth.h.
 *
 * QARMA-64 (Avanzi, "The QARMA Block Cipher Family", ToSC 2017) works on
 * 16 cells of 4 bits. The Arm ARM numbers nibbles from the least
 * significant end; the paper numbers cells from the most significant
 * one, so paper cell i is nibble 15 - i here. The permutation tables are
 * the paper's, applied through that mapping, so the test vectors of the
 * paper check every step.
 */
#include <string.h>

#include "cpu/pauth.h"
#include "cpu/a64.h"

/* --- QARMA-64 --------------------------------------------------------- */

static const uint64_t qarma_round_constants[8] = {
    0x0000000000000000ull, 0x13198A2E03707344ull, 0xA4093822299F31D0ull,
    0x082EFA98EC4E6C89ull, 0x452821E638D01377ull, 0xBE5466CF34E90C6Cull,
    0x3F84D5B5B5470917ull, 0x9216D5D98979FB1Bull,
};
static const uint64_t qarma_alpha = 0xC0AC29B7C97C50DDull;

/* The paper's S-boxes sigma0, sigma1 (involutions) and sigma2 (Arm's
 * PACSub for QARMA5; QARMA3 uses sigma1). */
static const uint8_t qarma_sbox[3][16] = {
    { 0, 14, 2, 10, 9, 15, 8, 11, 6, 4, 3, 7, 13, 12, 1, 5 },
    { 10, 13, 14, 6, 15, 7, 3, 5, 9, 8, 0, 12, 11, 1, 2, 4 },
    { 11, 6, 8, 15, 12, 0, 9, 14, 3, 7, 4, 5, 13, 2, 1, 10 },
};
static const uint8_t qarma_sbox_inv[3][16] = {
    { 0, 14, 2, 10, 9, 15, 8, 11, 6, 4, 3, 7, 13, 12, 1, 5 },
    { 10, 13, 14, 6, 15, 7, 3, 5, 9, 8, 0, 12, 11, 1, 2, 4 },
    { 5, 14, 13, 8, 10, 11, 1, 9, 2, 6, 15, 0, 4, 12, 7, 3 },
};

/* The state permutation tau and the tweak permutation h: new cell i is
 * old cell perm[i] (paper numbering). */
static const uint8_t qarma_tau[16] = {
    0, 11, 6, 13, 10, 1, 12, 7, 5, 14, 3, 8, 15, 4, 9, 2,
};
static const uint8_t qarma_tau_inv[16] = {
    0, 5, 15, 10, 13, 8, 2, 7, 11, 14, 4, 1, 6, 3, 9, 12,
};
static const uint8_t qarma_h[16] = {
    6, 5, 14, 15, 0, 1, 2, 3, 7, 12, 13, 4, 8, 9, 10, 11,
};
static const uint8_t qarma_h_inv[16] = {
    4, 5, 6, 7, 11, 1, 0, 8, 12, 13, 14, 15, 9, 10, 2, 3,
};
/* The tweak cells the LFSR omega steps after h (paper numbering). */
static const bool qarma_tweak_lfsr_cell[16] = {
    [0] = true, [1] = true, [3] = true, [4] = true,
    [8] = true, [11] = true, [13] = true,
};

static unsigned cell_get(uint64_t v, unsigned cell)
{
    return (unsigned)(v >> (4 * (15 - cell))) & 0xf;
}

static uint64_t cell_put(unsigned nibble, unsigned cell)
{
    return (uint64_t)(nibble & 0xf) << (4 * (15 - cell));
}

static uint64_t qarma_permute(uint64_t v, const uint8_t perm[16])
{
    uint64_t out = 0;

    for (unsigned i = 0; i < 16; i++)
        out |= cell_put(cell_get(v, perm[i]), i);
    return out;
}

static uint64_t qarma_sub(uint64_t v, const uint8_t box[16])
{
    uint64_t out = 0;

    for (unsigned i = 0; i < 16; i++)
        out |= cell_put(box[cell_get(v, i)], i);
    return out;
}

static unsigned rot4(unsigned cell, unsigned amount)
{
    return ((cell << amount) | (cell >> (4 - amount))) & 0xf;
}

/* MixColumns with M = circ(0, rho, rho^2, rho) (its own inverse). The
 * state is a 4x4 matrix of cells in row order: column c holds cells
 * c, c+4, c+8, c+12. */
static uint64_t qarma_mix_columns(uint64_t v)
{
    static const unsigned rot[4] = { 0, 1, 2, 1 };
    uint64_t out = 0;

    for (unsigned col = 0; col < 4; col++) {
        for (unsigned row = 0; row < 4; row++) {
            unsigned acc = 0;
            for (unsigned j = 0; j < 4; j++) {
                unsigned amount = rot[(j - row + 4) % 4];
                if (amount)
                    acc ^= rot4(cell_get(v, 4 * j + col), amount);
            }
            out |= cell_put(acc, 4 * row + col);
        }
    }
    return out;
}

/* omega: (b3, b2, b1, b0) -> (b0 ^ b1, b3, b2, b1) and its inverse. */
static unsigned lfsr_step(unsigned c)
{
    return (c >> 1) | (((c ^ (c >> 1)) & 1) << 3);
}

static unsigned lfsr_step_back(unsigned c)
{
    return ((c << 1) & 0xf) | (((c >> 3) ^ c) & 1);
}

static uint64_t qarma_tweak_forward(uint64_t t)
{
    uint64_t out = 0;

    t = qarma_permute(t, qarma_h);
    for (unsigned i = 0; i < 16; i++) {
        unsigned c = cell_get(t, i);
        out |= cell_put(qarma_tweak_lfsr_cell[i] ? lfsr_step(c) : c, i);
    }
    return out;
}

static uint64_t qarma_tweak_backward(uint64_t t)
{
    uint64_t out = 0;

    for (unsigned i = 0; i < 16; i++) {
        unsigned c = cell_get(t, i);
        out |= cell_put(qarma_tweak_lfsr_cell[i] ? lfsr_step_back(c) : c, i);
    }
    return qarma_permute(out, qarma_h_inv);
}

uint64_t pauth_qarma64(uint64_t plaintext, uint64_t tweak, uint64_t w0,
                       uint64_t k0, unsigned rounds, unsigned sigma)
{
    const uint8_t *sbox = qarma_sbox[sigma % 3];
    const uint8_t *sbox_inv = qarma_sbox_inv[sigma % 3];
    /* The second whitening key: w1 = (w0 >>> 1) ^ (w0 >> 63). */
    uint64_t w1 = ((w0 >> 1) | (w0 << 63)) ^ (w0 >> 63);
    uint64_t s = plaintext ^ w0;
    uint64_t t = tweak;

    if (rounds > 7)
        rounds = 7;
    /* Forward rounds; the first is short (no shuffle, no MixColumns). */
    for (unsigned i = 0; i < rounds; i++) {
        s ^= k0 ^ t ^ qarma_round_constants[i];
        if (i > 0) {
            s = qarma_permute(s, qarma_tau);
            s = qarma_mix_columns(s);
        }
        s = qarma_sub(s, sbox);
        t = qarma_tweak_forward(t);
    }
    /* The central rounds and the reflector. */
    s ^= w1 ^ t;
    s = qarma_permute(s, qarma_tau);
    s = qarma_mix_columns(s);
    s = qarma_sub(s, sbox);
    s = qarma_permute(s, qarma_tau);
    s = qarma_mix_columns(s);
    s ^= k0;
    s = qarma_permute(s, qarma_tau_inv);
    s = qarma_sub(s, sbox_inv);
    s = qarma_mix_columns(s);
    s = qarma_permute(s, qarma_tau_inv);
    s ^= w0 ^ t;
    /* Backward rounds with k0 ^ alpha, the last one short. */
    for (unsigned i = 0; i < rounds; i++) {
        unsigned r = rounds - 1 - i;
        s = qarma_sub(s, sbox_inv);
        if (r > 0) {
            s = qarma_mix_columns(s);
            s = qarma_permute(s, qarma_tau_inv);
        }
        t = qarma_tweak_backward(t);
        s ^= k0 ^ t ^ qarma_round_constants[r] ^ qarma_alpha;
    }
    return s ^ w1;
}

uint64_t pauth_compute_pac(enum cpu_pauth_algo algo, uint64_t data,
                           uint64_t modifier, uint64_t key_hi,
                           uint64_t key_lo)
{
    /* K<127:64> whitens (w0), K<63:0> is the core key (k0). */
    if (algo == CPU_PAUTH_QARMA3)
        return pauth_qarma64(data, modifier, key_hi, key_lo, 3, 1);
    return pauth_qarma64(data, modifier, key_hi, key_lo, 5, 2);
}

/* --- AddPAC, Auth, Strip -------------------------------------------- */

#define PAUTH_BOTTOM_BIT PAUTH_VA_BITS

/* EffectiveTBI at EL0 under Linux: TBI0 = 1 (TBID0 = 0, so instruction
 * pointers too), TBI1 = 0. */
static bool pauth_tbi(uint64_t ptr)
{
    return !((ptr >> 55) & 1);
}

static uint64_t bits_mask(unsigned hi, unsigned lo)
{
    return (~0ull >> (63 - hi)) & (~0ull << lo);
}

uint64_t pauth_pac_mask(uint64_t ptr)
{
    uint64_t mask = bits_mask(54, PAUTH_BOTTOM_BIT);

    if (!pauth_tbi(ptr))
        mask |= bits_mask(63, 56);
    return mask;
}

/* The pointer with its PAC field (and, without TBI, the top byte)
 * replaced by copies of bit 55: what the PAC is computed over. */
static uint64_t pauth_extend(uint64_t ptr)
{
    uint64_t ext = (ptr >> 55) & 1 ? ~0ull : 0;
    uint64_t field = pauth_tbi(ptr) ? bits_mask(55, PAUTH_BOTTOM_BIT)
                                    : bits_mask(63, PAUTH_BOTTOM_BIT);

    return (ptr & ~field) | (ext & field);
}

uint64_t pauth_strip(uint64_t ptr, bool is_data)
{
    (void)is_data;   /* TBI does not differ for data and code at EL0 */
    return pauth_extend(ptr);
}

static const uint64_t *pauth_key_of(const struct cpu_state *cpu,
                                    enum pauth_key key)
{
    switch (key) {
    case PAUTH_KEY_IA: return cpu->pauth_keys.apia;
    case PAUTH_KEY_IB: return cpu->pauth_keys.apib;
    case PAUTH_KEY_DA: return cpu->pauth_keys.apda;
    case PAUTH_KEY_DB: return cpu->pauth_keys.apdb;
    }
    return cpu->pauth_keys.apia;
}

static uint64_t pauth_pac_of(const struct cpu_state *cpu, uint64_t original,
                             uint64_t modifier, enum pauth_key key)
{
    const uint64_t *k = pauth_key_of(cpu, key);

    return pauth_compute_pac(cpu->pauth_algo, original, modifier, k[1], k[0]);
}

uint64_t pauth_add_pac(const struct cpu_state *cpu, uint64_t ptr,
                       uint64_t modifier, enum pauth_key key)
{
    bool tbi = pauth_tbi(ptr);
    unsigned top_bit = tbi ? 55 : 63;
    uint64_t ext_ptr = pauth_extend(ptr);
    uint64_t pac = pauth_pac_of(cpu, ext_ptr, modifier, key);
    uint64_t ext_bits = ptr & bits_mask(top_bit, PAUTH_BOTTOM_BIT);
    uint64_t field = pauth_pac_mask(ptr);

    if (cpu->pauth_fpac) {
        /* FEAT_PAuth2: the PAC is XOR-ed in, so a pointer that was not
         * canonical stays detectably wrong. */
        return ptr ^ (pac & field);
    }
    /* A pointer whose extension bits are not all equal gets a PAC that
     * cannot authenticate: flip its top bit. */
    if (ext_bits != 0 && ext_bits != bits_mask(top_bit, PAUTH_BOTTOM_BIT))
        pac ^= 1ull << (top_bit - 1);
    return (ptr & ~field) | (pac & field);
}

int pauth_auth(const struct cpu_state *cpu, uint64_t ptr, uint64_t modifier,
               enum pauth_key key, bool is_combined, uint64_t *result)
{
    unsigned key_number = key == PAUTH_KEY_IB || key == PAUTH_KEY_DB;
    uint64_t original = pauth_extend(ptr);
    uint64_t pac = pauth_pac_of(cpu, original, modifier, key);
    uint64_t field = pauth_pac_mask(ptr);
    uint64_t error_code = key_number ? 2 : 1;   /* key_number:NOT(key_number) */

    if (cpu->pauth_fpac) {
        uint64_t r = ptr ^ (pac & field);
        bool ok = (r & field) == (((r >> 55) & 1) ? field : 0);
        *result = r;
        if (!ok && !is_combined)
            return -1;
        return 0;
    }
    if ((pac & field) == (ptr & field)) {
        *result = original;
        return 0;
    }
    if (pauth_tbi(ptr))
        *result = (original & ~bits_mask(54, 53)) | (error_code << 53);
    else
        *result = (original & ~bits_mask(62, 61)) | (error_code << 61);
    return 0;
}

uint64_t pauth_pacga(const struct cpu_state *cpu, uint64_t value,
                     uint64_t modifier)
{
    const uint64_t *k = cpu->pauth_keys.apga;

    return pauth_compute_pac(cpu->pauth_algo, value, modifier, k[1], k[0]) &
           0xffffffff00000000ull;
}

/* --- the machine's configuration (--pauth, --fpac) ---------------------
 *
 * Which pointer authentication the machine implements, and how that shows
 * to the program: the CPU state, the HWCAPs and the ID register fields
 * Linux emulates for EL0. Keeping all three here makes them agree, as
 * they must on a real core: glibc reads the HWCAPs, other programs read
 * ID_AA64ISAR1/2 with MRS.
 *
 * Linux has no HWCAP for FEAT_FPAC; it shows the APA (or APA3) field as
 * the CPU has it (the field is FTR_VISIBLE), so a program learns of FPAC
 * from the field's value 4. */

static struct pauth_config machine_pauth = {
    .enabled = true,
    .algo = CPU_PAUTH_QARMA5,
    .fpac = false,
};

void pauth_configure(const struct pauth_config *config)
{
    machine_pauth = *config;
}

const struct pauth_config *pauth_config(void)
{
    return &machine_pauth;
}

bool pauth_parse_algo(const char *name, struct pauth_config *config)
{
    if (!name)
        return false;
    if (strcmp(name, "qarma5") == 0) {
        config->enabled = true;
        config->algo = CPU_PAUTH_QARMA5;
    } else if (strcmp(name, "qarma3") == 0) {
        config->enabled = true;
        config->algo = CPU_PAUTH_QARMA3;
    } else if (strcmp(name, "off") == 0) {
        config->enabled = false;
        config->algo = CPU_PAUTH_QARMA5;
    } else {
        return false;
    }
    return true;
}

void pauth_cpu_configure(struct cpu_state *cpu)
{
    cpu->pauth_enabled = machine_pauth.enabled;
    cpu->pauth_algo = machine_pauth.algo;
    cpu->pauth_fpac = machine_pauth.enabled && machine_pauth.fpac;
}

uint64_t pauth_hwcap(void)
{
    return machine_pauth.enabled ? PAUTH_HWCAP_PACA | PAUTH_HWCAP_PACG : 0;
}

static uint64_t address_auth_level(void)
{
    return machine_pauth.fpac ? PAUTH_FIELD_FPAC : PAUTH_FIELD_PAUTH;
}

uint64_t pauth_id_aa64isar1_fields(void)
{
    if (!machine_pauth.enabled || machine_pauth.algo != CPU_PAUTH_QARMA5)
        return 0;
    return address_auth_level() << PAUTH_ISAR1_APA_SHIFT |
           1ull << PAUTH_ISAR1_GPA_SHIFT;
}

uint64_t pauth_id_aa64isar2_fields(void)
{
    if (!machine_pauth.enabled || machine_pauth.algo != CPU_PAUTH_QARMA3)
        return 0;
    return address_auth_level() << PAUTH_ISAR2_APA3_SHIFT |
           1ull << PAUTH_ISAR2_GPA3_SHIFT;
}
