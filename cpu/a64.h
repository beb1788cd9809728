/* What an A64 instruction handler sees: the decode-table format, register
 * accessors and guest memory access.
 *
 * The decoder is a table you can read like the manual. Each encoding-class
 * file (a64-dp-imm.c, a64-ldst.c, a64-simd-*.c ...) exports a table of
 * { name, bit pattern, handler } rows. A pattern is 32 characters of '0',
 * '1' and field letters (a letter matches either bit); spaces and '_' are
 * ignored, so a pattern may be grouped as the manual draws it:
 *
 *     A64_PATTERN(ADD_imm, "f 0 0 100010 h iiiiiiiiiiii nnnnn ddddd")
 *
 * (letters are documentation only; handlers extract fields with the
 * a64_bits() helpers). When two patterns match one encoding the one with
 * more fixed bits wins, so table order never matters; two equally specific
 * matches are a table bug reported at start-up.
 *
 * A handler returns A64_NEXT to fall through to pc + 4, A64_JUMP after it
 * set cpu->pc itself, or A64_EXIT after it set cpu->exit (and left pc at the
 * instruction for a fault, or past it for SVC). The run loop counts
 * A64_NEXT and A64_JUMP instructions as retired (cpu->icount); an A64_EXIT
 * instruction is not, unless the handler completed it and counted it
 * itself (SVC does).
 */
#ifndef BACKSTEP_CPU_A64_H
#define BACKSTEP_CPU_A64_H

#include <stdint.h>
#include <string.h>

#include "cpu/cpu.h"

enum a64_result {
    A64_NEXT = 0,
    A64_JUMP = 1,
    A64_EXIT = 2,
};

typedef int (*a64_handler)(struct cpu_state *cpu, uint32_t insn);

struct a64_pattern {
    const char *name;
    const char *bits;
    a64_handler handler;
};

#define A64_PATTERN(name, bits) { #name, bits, trans_##name }
#define A64_PATTERN_END { NULL, NULL, NULL }

/* The tables, one per encoding-class file. Each ends with A64_PATTERN_END. */
extern const struct a64_pattern a64_dp_imm_patterns[];     /* a64-dp-imm.c */
extern const struct a64_pattern a64_dp_reg_patterns[];     /* a64-dp-reg.c */
extern const struct a64_pattern a64_branch_sys_patterns[]; /* a64-branch-sys.c */
extern const struct a64_pattern a64_ldst_patterns[];       /* a64-ldst.c */
/* Exclusives, acquire/release, LSE atomics, CAS/CASP. */
extern const struct a64_pattern a64_ldst_excl_patterns[];  /* a64-ldst-excl.c */
/* FP and AdvSIMD (scalar FP, vector, structure loads/stores, crypto): a
 * NULL-terminated list of tables, owned by the FP/SIMD files. */
extern const struct a64_pattern *const a64_fp_simd_tables[];

/* Field extraction. */
static inline uint32_t a64_bits(uint32_t insn, unsigned lo, unsigned width)
{
    return (insn >> lo) & ((1u << width) - 1);
}
static inline int64_t a64_sbits(uint32_t insn, unsigned lo, unsigned width)
{
    return (int64_t)((uint64_t)a64_bits(insn, lo, width) << (64 - width)) >>
           (64 - width);
}
#define A64_RD(insn) a64_bits(insn, 0, 5)
#define A64_RN(insn) a64_bits(insn, 5, 5)
#define A64_RT2(insn) a64_bits(insn, 10, 5)
#define A64_RM(insn) a64_bits(insn, 16, 5)

/* General registers: register 31 is XZR in most encodings, SP in some. */
static inline uint64_t a64_x(const struct cpu_state *cpu, unsigned n)
{
    /* x[31] is always zero (a64_set_x never writes it): no branch. */
    return cpu->x[n & 31];
}
static inline uint64_t a64_x_sp(const struct cpu_state *cpu, unsigned n)
{
    return n == 31 ? cpu->sp : cpu->x[n];
}
static inline void a64_set_x(struct cpu_state *cpu, unsigned n, uint64_t v)
{
    if (n != 31)
        cpu->x[n] = v;
}
static inline void a64_set_x_sp(struct cpu_state *cpu, unsigned n, uint64_t v)
{
    if (n == 31)
        cpu->sp = v;
    else
        cpu->x[n] = v;
}
/* W-register write: zero-extends into the X register. */
static inline void a64_set_w(struct cpu_state *cpu, unsigned n, uint32_t v)
{
    a64_set_x(cpu, n, v);
}

/* Vector registers. A write of an element narrower than the register to a
 * scalar FP/SIMD destination zeroes the rest of the register, including the
 * SVE bits above 128 (as the architecture does for AdvSIMD writes). */
static inline void a64_zero_v_above(struct cpu_state *cpu, unsigned n,
                                    unsigned bytes)
{
    memset(&cpu->z[n].b[bytes], 0, CPU_ZREG_BYTES - bytes);
}

/* The A64 condition codes (EQ, NE, CS ... AL, NV) against PSTATE.NZCV
 * kept in bits 31..28. */
static inline int a64_cond_holds(uint32_t nzcv, unsigned cond)
{
    int n = (nzcv >> 31) & 1, z = (nzcv >> 30) & 1;
    int c = (nzcv >> 29) & 1, v = (nzcv >> 28) & 1;
    int r;

    switch ((cond >> 1) & 7) {
    case 0: r = z; break;                  /* EQ / NE */
    case 1: r = c; break;                  /* CS / CC */
    case 2: r = n; break;                  /* MI / PL */
    case 3: r = v; break;                  /* VS / VC */
    case 4: r = c && !z; break;            /* HI / LS */
    case 5: r = n == v; break;             /* GE / LT */
    case 6: r = n == v && !z; break;       /* GT / LE */
    default: return 1;                     /* AL, NV: always */
    }
    return (cond & 1) ? !r : r;
}

/* A branch-to-register target (the architecture's BranchAddr): with Top
 * Byte Ignore for instruction addresses, as Linux runs EL0, a target whose
 * bit 55 is clear loses its top byte, so a tagged function pointer can be
 * called. */
static inline uint64_t a64_branch_target(uint64_t target)
{
    if (!(target & (1ull << 55)))
        target &= ~(0xffull << 56);
    return target;
}

/* Raise UNDEFINED for this encoding (SIGILL in user mode). */
int a64_undef(struct cpu_state *cpu, uint32_t insn);

/* Guest memory access from handlers. Return 0, or -1 with cpu->exit set
 * (data abort, watchpoint, alignment): the handler must then return
 * A64_EXIT without changing architectural state. Sizes 1..256 bytes; data
 * is little-endian, the accesses cross pages correctly. */
int cpu_load(struct cpu_state *cpu, uint64_t va, unsigned size, void *dst);
int cpu_store(struct cpu_state *cpu, uint64_t va, unsigned size,
              const void *src);
/* Integer loads and stores of 1, 2, 4 or 8 bytes (the common fast path).
 * A software-TLB hit on an access inside one page is a compare and an add;
 * everything else (misses, page crossings, watchpoints, code pages) goes to
 * the out-of-line slow path in cpu/mem-access.c. */
_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
               "guest memory is accessed as host little-endian words");

int cpu_load_uint_slow(struct cpu_state *cpu, uint64_t va, unsigned size,
                       uint64_t *val);
int cpu_store_uint_slow(struct cpu_state *cpu, uint64_t va, unsigned size,
                        uint64_t val);

static inline struct cpu_tlb_entry *cpu_tlb_entry_for(struct cpu_state *cpu,
                                                      uint64_t va)
{
    return &cpu->tlb[(va >> CPU_PAGE_BITS) & (CPU_TLB_ENTRIES - 1)];
}

static inline int cpu_load_uint(struct cpu_state *cpu, uint64_t va,
                                unsigned size, uint64_t *val)
{
    const struct cpu_tlb_entry *e = cpu_tlb_entry_for(cpu, va);

    if (__builtin_expect(e->read_tag == (va & CPU_PAGE_MASK) &&
                         (va & ~CPU_PAGE_MASK) <= CPU_PAGE_SIZE - size, 1)) {
        const void *p = (const void *)(e->addend + (uintptr_t)va);
        switch (size) {
        case 1: *val = *(const uint8_t *)p; return 0;
        case 2: { uint16_t v; memcpy(&v, p, 2); *val = v; return 0; }
        case 4: { uint32_t v; memcpy(&v, p, 4); *val = v; return 0; }
        case 8: { uint64_t v; memcpy(&v, p, 8); *val = v; return 0; }
        }
    }
    return cpu_load_uint_slow(cpu, va, size, val);
}

static inline int cpu_store_uint(struct cpu_state *cpu, uint64_t va,
                                 unsigned size, uint64_t val)
{
    const struct cpu_tlb_entry *e = cpu_tlb_entry_for(cpu, va);

    if (__builtin_expect(e->write_tag == (va & CPU_PAGE_MASK) &&
                         (va & ~CPU_PAGE_MASK) <= CPU_PAGE_SIZE - size, 1)) {
        void *p = (void *)(e->addend + (uintptr_t)va);
        switch (size) {
        case 1: *(uint8_t *)p = (uint8_t)val; return 0;
        case 2: { uint16_t v = (uint16_t)val; memcpy(p, &v, 2); return 0; }
        case 4: { uint32_t v = (uint32_t)val; memcpy(p, &v, 4); return 0; }
        case 8: memcpy(p, &val, 8); return 0;
        }
    }
    return cpu_store_uint_slow(cpu, va, size, val);
}

#endif
