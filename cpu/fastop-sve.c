/* Fast forms of the SVE instructions glibc's string and memory routines
 * are made of (see fastop.h): WHILELT/LE/LO/LS, PTRUE (ALL), CNTB/H/W/D
 * (ALL) and the contiguous LD1/ST1 (scalar plus immediate) without
 * extension.
 *
 * Since the CPU advertises SVE, glibc's memcpy/memmove run these on
 * every call; the table handlers (cpu/sve-*.c) walk the predicate one
 * element at a time through sve_pelem() and run the access through
 * cpu_load(). Here a predicate is handled 64 bits at a time and the
 * vector 8 bytes at a time, at the current vector length.
 *
 * The handlers stay the reference: a fast load or store covers only an
 * active span that lies in one page with a TLB entry for the access (the
 * entries exist only for pages without watchpoints, code, or checked MTE
 * tags, and a tagged address never matches one), and returns false for
 * everything else so the run loop calls the handler, which then faults,
 * stops at the watchpoint or checks the tags exactly as before.
 */
#include <string.h>

#include "cpu/cpu-internal.h"
#include "cpu/fastop.h"

/* The predicate bits that govern elements of size 1 << esz: one bit per
 * element, at the element's first byte. */
static const uint64_t elem_bits[4] = {
    0xffffffffffffffffull, 0x5555555555555555ull,
    0x1111111111111111ull, 0x0101010101010101ull,
};

/* Byte mask of eight predicate bits: bit i set gives byte i all ones. */
static uint64_t byte_mask[256];

void fastop_sve_init(void)
{
    for (unsigned b = 0; b < 256; b++) {
        uint64_t m = 0;
        for (unsigned i = 0; i < 8; i++)
            if ((b >> i) & 1)
                m |= 0xffull << (8 * i);
        byte_mask[b] = m;
    }
}

static bool is_sve_pred_class(uint32_t insn) { return (insn >> 24) == 0x25; }

void fastop_select_sve(struct code_slot *s, const char *row)
{
    uint32_t insn = s->insn;

    if (strcmp(row, "WHILE") == 0 && is_sve_pred_class(insn) &&
        a64_bits(insn, 10, 1)) {
        /* The counting-up forms of SVE (SVE2's down-counting ones have
         * bit 10 clear). */
        s->op = FOP_SVE_WHILE;
        s->rd = (uint8_t)a64_bits(insn, 0, 4);
        s->rn = (uint8_t)A64_RN(insn);
        s->rm = (uint8_t)A64_RM(insn);
        s->imm = a64_bits(insn, 22, 2) |
                 (a64_bits(insn, 12, 1) ? FOP_SVE_WHILE_64 : 0) |
                 (a64_bits(insn, 11, 1) ? FOP_SVE_WHILE_UNSIGNED : 0) |
                 (a64_bits(insn, 4, 1) ? FOP_SVE_WHILE_EQ : 0);
    } else if (strcmp(row, "PTRUE") == 0 && is_sve_pred_class(insn) &&
               a64_bits(insn, 16, 1) == 0 && a64_bits(insn, 5, 5) == 31) {
        s->op = FOP_SVE_PTRUE;      /* PTRUE Pd.T (ALL), flags untouched */
        s->rd = (uint8_t)a64_bits(insn, 0, 4);
        s->imm = a64_bits(insn, 22, 2);
    } else if (strcmp(row, "CNT_x") == 0 && (insn >> 24) == 0x04 &&
               a64_bits(insn, 5, 5) == 31 && A64_RD(insn) != 31) {
        s->op = FOP_SVE_CNT;        /* CNT[BHWD] Xd, ALL, MUL #imm */
        s->rd = (uint8_t)A64_RD(insn);
        s->imm = a64_bits(insn, 22, 2) |
                 (uint64_t)(a64_bits(insn, 16, 4) + 1) << 8;
    } else if (strcmp(row, "LD1_si") == 0 && (insn >> 25) == 0x52) {
        /* dtype 0, 5, 10, 15: LD1B/H/W/D into elements of their size. */
        unsigned dtype = a64_bits(insn, 21, 4);
        if (dtype % 5 != 0)
            return;
        s->op = FOP_SVE_LD1;
        s->rd = (uint8_t)a64_bits(insn, 0, 5);
        s->rn = (uint8_t)(A64_RN(insn) == 31 ? FOP_REG_SP : A64_RN(insn));
        s->rm = (uint8_t)a64_bits(insn, 10, 3);
        s->imm = (dtype / 5) | (uint64_t)a64_sbits(insn, 16, 4) << 8;
    } else if (strcmp(row, "ST1_si") == 0 && (insn >> 25) == 0x72) {
        unsigned msz = a64_bits(insn, 23, 2), esz = a64_bits(insn, 21, 2);
        if (msz != esz)
            return;
        s->op = FOP_SVE_ST1;
        s->rd = (uint8_t)a64_bits(insn, 0, 5);
        s->rn = (uint8_t)(A64_RN(insn) == 31 ? FOP_REG_SP : A64_RN(insn));
        s->rm = (uint8_t)a64_bits(insn, 10, 3);
        s->imm = esz | (uint64_t)a64_sbits(insn, 16, 4) << 8;
    }
}

static uint64_t reg_of(const struct cpu_state *cpu, unsigned r)
{
    return ((const uint64_t *)cpu)[r];
}

/* Predicate word w (bits 64w..64w+63) of the first `bits` bits all set,
 * restricted to the element bits of esz. */
static uint64_t first_bits_word(uint64_t bits, unsigned w, unsigned esz)
{
    uint64_t word;

    if (bits >= 64ull * (w + 1))
        word = ~0ull;
    else if (bits > 64ull * w)
        word = (1ull << (bits - 64ull * w)) - 1;
    else
        word = 0;
    return word & elem_bits[esz];
}

static void put_first_elems(struct cpu_state *cpu, unsigned pd,
                            uint64_t count, unsigned esz)
{
    _Static_assert(CPU_PREG_BYTES == 32, "a predicate is four words");
    for (unsigned w = 0; w < 4; w++) {
        uint64_t word = first_bits_word(count << esz, w, esz);
        memcpy(cpu->p[pd] + 8 * w, &word, 8);
    }
}

void fop_sve_while(struct cpu_state *cpu, const struct code_slot *s)
{
    unsigned esz = FOP_SVE_ESZ(s->imm);
    uint64_t n = cpu->sve_vl >> esz, count;
    uint64_t xn = reg_of(cpu, s->rn), xm = reg_of(cpu, s->rm);
    bool is_unsigned = s->imm & FOP_SVE_WHILE_UNSIGNED;
    __int128 a, b;

    if (s->imm & FOP_SVE_WHILE_64) {
        a = is_unsigned ? (__int128)xn : (__int128)(int64_t)xn;
        b = is_unsigned ? (__int128)xm : (__int128)(int64_t)xm;
    } else {
        a = is_unsigned ? (__int128)(uint32_t)xn : (__int128)(int32_t)xn;
        b = is_unsigned ? (__int128)(uint32_t)xm : (__int128)(int32_t)xm;
    }
    /* Element k is active while a + k < b (<= b for LE/LS): the first
     * (b - a) elements, or (b - a + 1), at most all of them. operand1 is
     * bits(rsize) and wraps, so LE/LS against the largest value of the
     * range stays true for every element. */
    bool to_max = false;
    if (s->imm & FOP_SVE_WHILE_EQ) {
        bool wide = s->imm & FOP_SVE_WHILE_64;
        __int128 max = is_unsigned ? (wide ? (__int128)UINT64_MAX : UINT32_MAX)
                                   : (wide ? (__int128)INT64_MAX : INT32_MAX);
        to_max = b == max;
        b += 1;
    }
    count = to_max ? n
            : a >= b ? 0 : b - a >= (__int128)n ? n : (uint64_t)(b - a);
    put_first_elems(cpu, s->rd, count, esz);
    /* PredTest over all elements: N first active, Z none, C not last. */
    cpu->nzcv = (count ? CPU_NZCV_N : CPU_NZCV_Z) |
                (count < n ? CPU_NZCV_C : 0);
}

void fop_sve_ptrue(struct cpu_state *cpu, const struct code_slot *s)
{
    unsigned esz = FOP_SVE_ESZ(s->imm);
    put_first_elems(cpu, s->rd, cpu->sve_vl >> esz, esz);
}

uint64_t fop_sve_cnt(const struct cpu_state *cpu, const struct code_slot *s)
{
    return (uint64_t)(cpu->sve_vl >> FOP_SVE_ESZ(s->imm)) * (s->imm >> 8);
}

/* The active span of predicate pg at esz: byte offsets lo..end-1 of the
 * vector from the first active element's first byte to the last one's
 * last byte; false when no element is active. */
static bool active_span(const struct cpu_state *cpu, unsigned pg,
                        unsigned esz, unsigned *lo, unsigned *end)
{
    unsigned vl = cpu->sve_vl, first = 0, last = 0;
    bool any = false;

    for (unsigned w = 0; w * 64 < vl; w++) {
        uint64_t word;
        memcpy(&word, cpu->p[pg] + 8 * w, 8);
        word &= elem_bits[esz];
        if (vl - w * 64 < 64)
            word &= (1ull << (vl - w * 64)) - 1;
        if (!word)
            continue;
        if (!any)
            first = w * 64 + (unsigned)__builtin_ctzll(word);
        last = w * 64 + 63 - (unsigned)__builtin_clzll(word);
        any = true;
    }
    *lo = first;
    *end = last + (1u << esz);
    return any;
}

/* The bytes of the vector that active elements of pg cover, for vector
 * bytes 8c..8c+7. */
static uint64_t active_bytes(const struct cpu_state *cpu, unsigned pg,
                             unsigned esz, unsigned c)
{
    unsigned bits = cpu->p[pg][c] & (uint8_t)elem_bits[esz];
    /* Each element bit times (2^esize - 1) fills its element's bits; the
     * products do not overlap, so nothing carries. */
    return byte_mask[(bits * ((1u << (1u << esz)) - 1)) & 0xff];
}

/* The host address of [va, va + size) if it lies in one page with a TLB
 * entry of the kind (read or write tag), else NULL. */
static void *tlb_span(struct cpu_state *cpu, uint64_t va, unsigned size,
                      bool write)
{
    const struct cpu_tlb_entry *e = cpu_tlb_entry_for(cpu, va);
    uint64_t tag = write ? e->write_tag : e->read_tag;

    if (tag == (va & CPU_PAGE_MASK) &&
        (va & ~CPU_PAGE_MASK) <= CPU_PAGE_SIZE - size)
        return (void *)(e->addend + (uintptr_t)va);
    return NULL;
}

bool fop_sve_ld1(struct cpu_state *cpu, const struct code_slot *s)
{
    unsigned esz = FOP_SVE_ESZ(s->imm), vl = cpu->sve_vl, lo, end;
    uint64_t base = reg_of(cpu, s->rn) +
                    (uint64_t)(FOP_SVE_OFFSET(s->imm) * (int64_t)vl);
    uint64_t r[CPU_ZREG_BYTES / 8] = { 0 };

    if (active_span(cpu, s->rm, esz, &lo, &end)) {
        const uint8_t *host = tlb_span(cpu, base + lo, end - lo, false);
        if (!host)
            return false;
        memcpy((uint8_t *)r + lo, host, end - lo);
        for (unsigned c = lo / 8; c * 8 < end; c++)
            r[c] &= active_bytes(cpu, s->rm, esz, c);
    }
    memcpy(cpu->z[s->rd].b, r, sizeof r);
    return true;
}

bool fop_sve_st1(struct cpu_state *cpu, const struct code_slot *s)
{
    unsigned esz = FOP_SVE_ESZ(s->imm), vl = cpu->sve_vl, lo, end;
    uint64_t base = reg_of(cpu, s->rn) +
                    (uint64_t)(FOP_SVE_OFFSET(s->imm) * (int64_t)vl);
    const uint8_t *z = cpu->z[s->rd].b;
    bool dense = true;
    uint8_t *host;

    if (!active_span(cpu, s->rm, esz, &lo, &end))
        return true;
    host = tlb_span(cpu, base + lo, end - lo, true);
    if (!host)
        return false;
    for (unsigned c = lo / 8; c * 8 < end && dense; c++) {
        /* The span's bytes of chunk c must all be active. */
        uint64_t want = ~0ull;
        if (c * 8 < lo)
            want &= ~0ull << (8 * (lo - c * 8));
        if (c * 8 + 8 > end)
            want &= ~0ull >> (8 * (c * 8 + 8 - end));
        dense = (active_bytes(cpu, s->rm, esz, c) & want) == want;
    }
    if (dense) {
        memcpy(host, z + lo, end - lo);
        return true;
    }
    /* Holes: only the active elements' bytes are written (as the handler
     * does, element by element). */
    for (unsigned c = lo / 8; c * 8 < end; c++) {
        uint64_t m = active_bytes(cpu, s->rm, esz, c);
        for (unsigned i = 0; i < 8; i++)
            if ((m >> (8 * i)) & 1)
                host[c * 8 + i - lo] = z[c * 8 + i];
    }
    return true;
}
