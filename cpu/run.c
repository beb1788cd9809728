/* The run loop and its decoded-instruction cache.
 *
 * Guest code is cached per guest page: one slot per 4-byte instruction
 * holding the raw encoding, its handler and its pre-decoded operation
 * (cpu/fastop.h), decoded lazily the first time the slot executes. A block
 * runs slot after slot until the page ends, a branch leaves the page, the
 * budget is spent or a handler exits; branches inside the page continue
 * without a lookup. The exit request and the budget are checked at taken
 * branches and page ends, never with a hash lookup or an allocation per
 * instruction.
 *
 * Dispatch is threaded (GNU C computed goto): every operation ends in its
 * own indirect jump to the next slot's operation, so the host's branch
 * predictor learns each guest instruction's successor, where one shared
 * `call *handler` site mispredicted on nearly every instruction (the
 * profile in doc/performance.md). Fast operations run inline; everything
 * else calls the decode table's handler.
 *
 * Invalidation is per slot: a write to a page holding decoded code (such
 * pages never get TLB write entries, so every write reaches the slow path),
 * cpu_code_invalidate() and breakpoint changes reset the slots to "not
 * decoded", and the next execution of those slots decodes the new bytes. A
 * slot at a breakpoint address decodes to the breakpoint handler.
 */
#include <glib.h>
#include <math.h>

#include "cpu/cpu-internal.h"
#include "cpu/fastop.h"
#include "cpu/fpu.h"

#define CODE_SLOTS (CPU_PAGE_SIZE / 4)
#define CODE_RECENT 1024
/* Past this many decoded pages the cache starts over (bounds memory). */
#define CODE_MAX_PAGES 8192

struct code_page {
    uint64_t va;            /* guest page address */
    const uint8_t *host;    /* host address of the page's bytes */
    bool stale;             /* dropped: finish the current block only */
    struct code_page *next_free;
    /* One slot per instruction and a FOP_PAGE_END sentinel after them, so
     * falling off the page costs no test per instruction. */
    struct code_slot slot[CODE_SLOTS + 1];
};

/* Recently decoded encodings: re-decoding after a flush (every mmap,
 * munmap and mprotect drops all decoded pages) costs one probe here
 * instead of a table scan. Entries are complete slots (handler and fast
 * operation), which depend on the encoding only. */
#define DECODE_MEMO 4096

struct decode_memo {
    struct code_slot slot;  /* slot.handler NULL: empty */
};

struct cpu_code_cache {
    GHashTable *pages;                      /* va -> struct code_page */
    struct code_page *recent[CODE_RECENT];  /* direct-mapped by page number */
    struct code_page *free_list;            /* dropped pages, reused */
    struct decode_memo memo[DECODE_MEMO];
};

struct cpu_code_cache *code_cache_new(void)
{
    struct cpu_code_cache *c = g_new0(struct cpu_code_cache, 1);

    c->pages = g_hash_table_new(g_int64_hash, g_int64_equal);
    fastop_init();
    return c;
}

static void code_page_release(struct cpu_code_cache *c, struct code_page *p)
{
    p->stale = true;
    p->next_free = c->free_list;
    c->free_list = p;
}

void code_cache_drop_all(struct cpu_state *cpu)
{
    struct cpu_code_cache *c = cpu->code;
    GHashTableIter it;
    gpointer value;

    /* Pages are only marked and queued, not freed: the run loop may be in
     * the middle of one. They are reused at the next block boundary. */
    g_hash_table_iter_init(&it, c->pages);
    while (g_hash_table_iter_next(&it, NULL, &value))
        code_page_release(c, value);
    g_hash_table_remove_all(c->pages);
    memset(c->recent, 0, sizeof(c->recent));
}

void code_cache_free(struct cpu_code_cache *c)
{
    GHashTableIter it;
    gpointer value;

    if (!c)
        return;
    g_hash_table_iter_init(&it, c->pages);
    while (g_hash_table_iter_next(&it, NULL, &value))
        g_free(value);
    g_hash_table_destroy(c->pages);
    while (c->free_list) {
        struct code_page *p = c->free_list;
        c->free_list = p->next_free;
        g_free(p);
    }
    g_free(c);
}

static struct code_page *code_cache_find(struct cpu_code_cache *c,
                                         uint64_t page_va)
{
    unsigned r = (page_va >> CPU_PAGE_BITS) % CODE_RECENT;
    struct code_page *p = c->recent[r];

    if (p && p->va == page_va)
        return p;
    p = g_hash_table_lookup(c->pages, &page_va);
    if (p)
        c->recent[r] = p;
    return p;
}

bool code_cache_has_page(struct cpu_state *cpu, uint64_t page_va)
{
    return code_cache_find(cpu->code, page_va) != NULL;
}

/* Clear the slots of page p that overlap [addr, end] (inclusive). */
static void code_page_invalidate(struct code_page *p, uint64_t addr,
                                 uint64_t end)
{
    uint64_t lo = addr > p->va ? addr : p->va;
    uint64_t hi = end < p->va + CPU_PAGE_SIZE - 1 ? end
                                                 : p->va + CPU_PAGE_SIZE - 1;

    if (lo > hi)
        return;
    for (uint64_t a = lo & ~3ull; a <= hi; a += 4)
        p->slot[(a - p->va) / 4].op = FOP_DECODE;
}

void cpu_code_invalidate(struct cpu_state *cpu, uint64_t addr, uint64_t len)
{
    struct cpu_code_cache *c = cpu->code;
    uint64_t end, pages;

    if (len == 0)
        return;
    end = addr + len - 1 < addr ? UINT64_MAX : addr + len - 1;
    pages = (end >> CPU_PAGE_BITS) - (addr >> CPU_PAGE_BITS) + 1;
    if (pages > g_hash_table_size(c->pages)) {
        /* A range larger than the cache (a guest may unmap terabytes):
         * visit the cached pages instead of the range's. */
        GHashTableIter it;
        gpointer value;
        g_hash_table_iter_init(&it, c->pages);
        while (g_hash_table_iter_next(&it, NULL, &value))
            code_page_invalidate(value, addr, end);
        return;
    }
    for (uint64_t page = addr & CPU_PAGE_MASK;; page += CPU_PAGE_SIZE) {
        struct code_page *p = code_cache_find(c, page);
        if (p)
            code_page_invalidate(p, addr, end);
        if (page >= (end & CPU_PAGE_MASK))
            break;
    }
}

/* Instruction fetch: the page of pc must be mapped executable. */
static const uint8_t *fetch_page(struct cpu_state *cpu, uint64_t page_va)
{
    struct cpu_tlb_entry *e = cpu_tlb_entry_for(cpu, page_va);
    uint8_t *host = NULL;
    unsigned prot = 0;

    if (e->exec_tag == page_va)
        return (const uint8_t *)(e->addend + (uintptr_t)page_va);
    if (!cpu->mem_ops || !cpu->mem_ops->translate ||
        cpu->mem_ops->translate(cpu->mem_opaque, page_va, &host, &prot) != 0 ||
        !host || !(prot & CPU_PROT_EXEC))
        return NULL;
    return host;
}

static void set_insn_abort(struct cpu_state *cpu, uint64_t pc)
{
    cpu->exit = CPU_EXIT_INSN_ABORT;
    cpu->exit_info.fault_addr = pc;
    cpu->exit_info.fault_is_write = false;
    cpu->exit_info.fault_is_perm = false;
}

/* The decoded page holding pc, created on first execution; NULL with the
 * exit set on a fetch fault. */
static struct code_page *code_page_for(struct cpu_state *cpu, uint64_t pc)
{
    struct cpu_code_cache *c = cpu->code;
    uint64_t page_va = pc & CPU_PAGE_MASK;
    struct code_page *p = code_cache_find(c, page_va);
    const uint8_t *host;
    struct cpu_tlb_entry *e;

    if (p)
        return p;
    host = fetch_page(cpu, page_va);
    if (!host) {
        set_insn_abort(cpu, pc);
        return NULL;
    }
    if (g_hash_table_size(c->pages) >= CODE_MAX_PAGES)
        code_cache_drop_all(cpu);
    if (c->free_list) {
        p = c->free_list;
        c->free_list = p->next_free;
    } else {
        p = g_new(struct code_page, 1);
    }
    p->va = page_va;
    p->host = host;
    p->stale = false;
    p->next_free = NULL;
    memset(p->slot, 0, sizeof(p->slot));   /* FOP_DECODE */
    p->slot[CODE_SLOTS].op = FOP_PAGE_END;
    g_hash_table_insert(c->pages, &p->va, p);
    c->recent[(page_va >> CPU_PAGE_BITS) % CODE_RECENT] = p;
    /* Writes to this page must now take the slow path. */
    e = cpu_tlb_entry_for(cpu, page_va);
    if (e->write_tag == page_va)
        e->write_tag = CPU_TLB_INVALID;
    return p;
}

static int trans_debug_breakpoint(struct cpu_state *cpu, uint32_t insn)
{
    cpu->exit = CPU_EXIT_BREAKPOINT;
    cpu->exit_info.fault_addr = cpu->pc;
    return A64_EXIT;
}

static uint32_t read_insn(const uint8_t *p)
{
    uint32_t insn;
    memcpy(&insn, p, 4);
    return insn;
}

static void slot_decode(struct cpu_state *cpu, struct code_page *p,
                        unsigned idx)
{
    struct code_slot *s = &p->slot[idx];
    uint64_t va = p->va + idx * 4ull;
    uint32_t insn = read_insn(p->host + idx * 4);
    uint32_t h = (insn ^ (insn >> 11) ^ (insn >> 22)) % DECODE_MEMO;
    struct decode_memo *m = &cpu->code->memo[h];

    if (debug_has_breakpoint(cpu, va)) {
        s->insn = insn;
        s->handler = trans_debug_breakpoint;
        s->op = FOP_GENERIC;
        return;
    }
    if (!m->slot.handler || m->slot.insn != insn) {
        const struct a64_pattern *row = a64_decode_row(insn);
        m->slot.insn = insn;
        m->slot.handler = row ? row->handler : a64_undef;
        fastop_select(&m->slot, row ? row->name : NULL);
    }
    *s = m->slot;
}

/* Execute one instruction ignoring breakpoints (watchpoints are ignored by
 * the memory path while skip_watchpoint_once is set). */
static int step_past_debug_stop(struct cpu_state *cpu)
{
    uint64_t pc = cpu->pc;
    const uint8_t *host;
    uint32_t insn;
    int r;

    if (pc & 3) {
        cpu->exit = CPU_EXIT_ALIGNMENT;
        cpu->exit_info.fault_addr = pc;
        return A64_EXIT;
    }
    host = fetch_page(cpu, pc & CPU_PAGE_MASK);
    if (!host) {
        set_insn_abort(cpu, pc);
        return A64_EXIT;
    }
    insn = read_insn(host + (pc & ~CPU_PAGE_MASK));
    r = a64_decode(insn)(cpu, insn);
    if (r == A64_NEXT)
        cpu->pc += 4;
    if (r != A64_EXIT)
        cpu->icount++;
    return r;
}

/* Flags of a - b = r and a + b = r, at 64 and 32 bits (as AddWithCarry). */
static inline uint32_t flags_sub64(uint64_t a, uint64_t b, uint64_t r)
{
    return (uint32_t)(r >> 63) << 31 | (uint32_t)(r == 0) << 30 |
           (uint32_t)(a >= b) << 29 |
           (uint32_t)(((a ^ b) & (a ^ r)) >> 63) << 28;
}

static inline uint32_t flags_sub32(uint32_t a, uint32_t b, uint32_t r)
{
    return (r >> 31) << 31 | (uint32_t)(r == 0) << 30 |
           (uint32_t)(a >= b) << 29 | (((a ^ b) & (a ^ r)) >> 31) << 28;
}

static inline uint32_t flags_add64(uint64_t a, uint64_t b, uint64_t r)
{
    return (uint32_t)(r >> 63) << 31 | (uint32_t)(r == 0) << 30 |
           (uint32_t)(r < a) << 29 |
           (uint32_t)((~(a ^ b) & (a ^ r)) >> 63) << 28;
}

static inline uint32_t flags_add32(uint32_t a, uint32_t b, uint32_t r)
{
    return (r >> 31) << 31 | (uint32_t)(r == 0) << 30 |
           (uint32_t)(r < a) << 29 | ((~(a ^ b) & (a ^ r)) >> 31) << 28;
}

static inline bool cond_holds(const struct cpu_state *cpu, unsigned cond)
{
    return (fop_cond_table[cond] >> ((cpu->nzcv >> 28) & 15)) & 1;
}

/* The TLB fast path of an access of `size` bytes inside one page: the host
 * address, or NULL for the slow path (the generic handler takes it). */
static inline void *tlb_hit(uint64_t tag, const struct cpu_tlb_entry *e,
                            uint64_t va, unsigned size)
{
    if (__builtin_expect(tag == (va & CPU_PAGE_MASK) &&
                         (va & ~CPU_PAGE_MASK) <= CPU_PAGE_SIZE - size, 1))
        return (void *)(e->addend + (uintptr_t)va);
    return NULL;
}

/* Write the low 128 bits of Zn and zero the rest, as every AdvSIMD&FP
 * register write does. Straight-line 16-byte stores: a loop or memset
 * becomes `rep stos` (or a call), several times slower at this size. */
static inline void zreg_write(struct cpu_state *cpu, unsigned n, uint64_t lo,
                              uint64_t hi)
{
    typedef uint64_t chunk __attribute__((vector_size(16), aligned(1)));
    chunk *z = (chunk *)cpu->z[n].b;
    const chunk zero = { 0, 0 };

    _Static_assert(CPU_ZREG_BYTES == 256, "zreg_write zeroes 15 chunks");
    z[0] = (chunk){ lo, hi };
    z[1] = zero; z[2] = zero; z[3] = zero; z[4] = zero; z[5] = zero;
    z[6] = zero; z[7] = zero; z[8] = zero; z[9] = zero; z[10] = zero;
    z[11] = zero; z[12] = zero; z[13] = zero; z[14] = zero; z[15] = zero;
}

/* Load `bytes` (4, 8, 16: a constant after inlining) into Vn. */
static inline void zreg_load(struct cpu_state *cpu, unsigned n,
                             const void *src, unsigned bytes)
{
    uint64_t lo = 0, hi = 0;

    if (bytes == 16) {
        memcpy(&lo, src, 8);
        memcpy(&hi, (const uint8_t *)src + 8, 8);
    } else {
        memcpy(&lo, src, bytes);
    }
    zreg_write(cpu, n, lo, hi);
}

static inline uint64_t bit_reverse64(uint64_t v)
{
    v = (v >> 1 & 0x5555555555555555ull) | (v & 0x5555555555555555ull) << 1;
    v = (v >> 2 & 0x3333333333333333ull) | (v & 0x3333333333333333ull) << 2;
    v = (v >> 4 & 0x0f0f0f0f0f0f0f0full) | (v & 0x0f0f0f0f0f0f0f0full) << 4;
    return __builtin_bswap64(v);
}

/* The low bits of Vn as a host float or double. */
static inline float zreg_f32(const struct cpu_state *cpu, unsigned n)
{
    float f;
    memcpy(&f, cpu->z[n].b, 4);
    return f;
}

static inline double zreg_f64(const struct cpu_state *cpu, unsigned n)
{
    double d;
    memcpy(&d, cpu->z[n].b, 8);
    return d;
}

static inline uint64_t f32_bits(float f)
{
    uint32_t u;
    memcpy(&u, &f, 4);
    return u;
}

static inline uint64_t f64_bits(double d)
{
    uint64_t u;
    memcpy(&u, &d, 8);
    return u;
}

/* The 128-bit view of a V register for the vector operations. */
typedef uint8_t vec_u8 __attribute__((vector_size(16)));
typedef uint16_t vec_u16 __attribute__((vector_size(16)));
typedef uint32_t vec_u32 __attribute__((vector_size(16)));
typedef uint64_t vec_u64 __attribute__((vector_size(16)));
typedef float vec_f32 __attribute__((vector_size(16)));
typedef double vec_f64 __attribute__((vector_size(16)));
typedef int8_t vec_s8 __attribute__((vector_size(16)));
typedef int16_t vec_s16 __attribute__((vector_size(16)));
typedef int32_t vec_s32 __attribute__((vector_size(16)));
typedef int64_t vec_s64 __attribute__((vector_size(16)));
union vreg {
    vec_u8 b;
    vec_u16 h;
    vec_u32 s;
    vec_u64 d;
    vec_s8 sb;
    vec_s16 sh;
    vec_s32 ss;
    vec_s64 sd;
    vec_f32 f;
    vec_f64 g;
    uint64_t u[2];
};

static inline union vreg vreg_get(const struct cpu_state *cpu, unsigned n)
{
    union vreg v;
    memcpy(&v, cpu->z[n].b, 16);
    return v;
}

/* Write a vector result: 128 bits, or 64 with the upper half zeroed. */
static inline void vreg_put(struct cpu_state *cpu, unsigned n, union vreg v,
                            uint64_t imm)
{
    zreg_write(cpu, n, v.u[0], (imm & FOP_VEC_Q) ? v.u[1] : 0);
}

/* Lane-wise a OP b at element size FOP_VEC_SIZE(imm). */
#define VEC_INT_OP(R, X, Y, OP, IMM)                                    \
    do {                                                                \
        switch (FOP_VEC_SIZE(IMM)) {                                    \
        case 0: (R).b = (X).b OP (Y).b; break;                          \
        case 1: (R).h = (X).h OP (Y).h; break;                          \
        case 2: (R).s = (X).s OP (Y).s; break;                          \
        default: (R).d = (X).d OP (Y).d; break;                         \
        }                                                               \
    } while (0)

/* The same with signed lanes when imm has FOP_VEC_SIGNED. */
#define VEC_SINT_OP(R, X, Y, OP, IMM)                                   \
    do {                                                                \
        if ((IMM) & FOP_VEC_SIGNED) {                                   \
            switch (FOP_VEC_SIZE(IMM)) {                                \
            case 0: (R).sb = (X).sb OP (Y).sb; break;                   \
            case 1: (R).sh = (X).sh OP (Y).sh; break;                   \
            case 2: (R).ss = (X).ss OP (Y).ss; break;                   \
            default: (R).sd = (X).sd OP (Y).sd; break;                  \
            }                                                           \
        } else {                                                        \
            VEC_INT_OP(R, X, Y, OP, IMM);                               \
        }                                                               \
    } while (0)

/* Shift every lane by `amount` (a signed right shift for FOP_VEC_SIGNED
 * when OP is >>). */
#define VEC_SHIFT_OP(R, X, OP, AMOUNT, IMM)                             \
    do {                                                                \
        if ((IMM) & FOP_VEC_SIGNED) {                                   \
            switch (FOP_VEC_SIZE(IMM)) {                                \
            case 0: (R).sb = (X).sb OP (int8_t)(AMOUNT); break;         \
            case 1: (R).sh = (X).sh OP (int16_t)(AMOUNT); break;        \
            case 2: (R).ss = (X).ss OP (int32_t)(AMOUNT); break;        \
            default: (R).sd = (X).sd OP (int64_t)(AMOUNT); break;       \
            }                                                           \
        } else {                                                        \
            switch (FOP_VEC_SIZE(IMM)) {                                \
            case 0: (R).b = (X).b OP (uint8_t)(AMOUNT); break;          \
            case 1: (R).h = (X).h OP (uint16_t)(AMOUNT); break;         \
            case 2: (R).s = (X).s OP (uint32_t)(AMOUNT); break;         \
            default: (R).d = (X).d OP (uint64_t)(AMOUNT); break;        \
            }                                                           \
        }                                                               \
    } while (0)

/* x where a lane of mask m is all ones, else y. */
static inline union vreg vec_select(union vreg m, union vreg x, union vreg y)
{
    union vreg r;
    r.d = (m.d & x.d) | (~m.d & y.d);
    return r;
}

/* The 64-bit half (upper: Q set) of v widened to twice the lane size. */
static inline union vreg vec_widen(union vreg v, uint64_t imm)
{
    typedef uint8_t half_u8 __attribute__((vector_size(8)));
    typedef uint16_t half_u16 __attribute__((vector_size(8)));
    typedef uint32_t half_u32 __attribute__((vector_size(8)));
    typedef int8_t half_s8 __attribute__((vector_size(8)));
    typedef int16_t half_s16 __attribute__((vector_size(8)));
    typedef int32_t half_s32 __attribute__((vector_size(8)));
    uint64_t half = v.u[(imm & FOP_VEC_Q) ? 1 : 0];
    union vreg r;

#define WIDEN(HALF_T, FIELD, WIDE_T)                                    \
    do {                                                                \
        HALF_T h;                                                       \
        memcpy(&h, &half, 8);                                           \
        r.FIELD = __builtin_convertvector(h, WIDE_T);                   \
    } while (0)
    switch (FOP_VEC_SIZE(imm) | ((imm & FOP_VEC_SIGNED) ? 4 : 0)) {
    case 0: WIDEN(half_u8, h, vec_u16); break;
    case 1: WIDEN(half_u16, s, vec_u32); break;
    case 2: WIDEN(half_u32, d, vec_u64); break;
    case 4: WIDEN(half_s8, sh, vec_s16); break;
    case 5: WIDEN(half_s16, ss, vec_s32); break;
    default: WIDEN(half_s32, sd, vec_s64); break;
    }
#undef WIDEN
    return r;
}

/* Lanes 0, 2, 4 ... and 1, 3, 5 ... of the 256-bit vector a:b. */
static inline void vec_unzip(union vreg a, union vreg b, uint64_t imm,
                             union vreg *even, union vreg *odd)
{
    switch (FOP_VEC_SIZE(imm)) {
    case 0: {
        const vec_u8 e = { 0, 2, 4, 6, 8, 10, 12, 14,
                           16, 18, 20, 22, 24, 26, 28, 30 };
        even->b = __builtin_shuffle(a.b, b.b, e);
        odd->b = __builtin_shuffle(a.b, b.b, e + 1);
        break;
    }
    case 1: {
        const vec_u16 e = { 0, 2, 4, 6, 8, 10, 12, 14 };
        even->h = __builtin_shuffle(a.h, b.h, e);
        odd->h = __builtin_shuffle(a.h, b.h, e + 1);
        break;
    }
    case 2: {
        const vec_u32 e = { 0, 2, 4, 6 };
        even->s = __builtin_shuffle(a.s, b.s, e);
        odd->s = __builtin_shuffle(a.s, b.s, e + 1);
        break;
    }
    default: {
        const vec_u64 e = { 0, 2 };
        even->d = __builtin_shuffle(a.d, b.d, e);
        odd->d = __builtin_shuffle(a.d, b.d, e + 1);
        break;
    }
    }
}

/* Whether every active lane of a vector FP result takes the fast path. */
static inline bool vec_fast_result(union vreg r, uint64_t imm)
{
    if (FOP_VEC_SIZE(imm) == 3)
        return fpu64_fast_result(r.g[0]) && fpu64_fast_result(r.g[1]);
    if (!fpu32_fast_result(r.f[0]) || !fpu32_fast_result(r.f[1]))
        return false;
    return !(imm & FOP_VEC_Q) ||
           (fpu32_fast_result(r.f[2]) && fpu32_fast_result(r.f[3]));
}

/* a*b + c per lane with one rounding (FMLA; FMLS negates a). */
static inline union vreg vec_fma(union vreg a, union vreg b, union vreg c,
                                 uint64_t imm)
{
    union vreg r;
    if (FOP_VEC_SIZE(imm) == 3) {
        r.g[0] = fma(a.g[0], b.g[0], c.g[0]);
        r.g[1] = fma(a.g[1], b.g[1], c.g[1]);
    } else {
        unsigned lanes = (imm & FOP_VEC_Q) ? 4 : 2;
        r.u[1] = 0;
        for (unsigned i = 0; i < lanes; i++)
            r.f[i] = fmaf(a.f[i], b.f[i], c.f[i]);
    }
    return r;
}

enum cpu_exit cpu_run(struct cpu_state *cpu, uint64_t max_insns)
{
#define FOP_LABEL(name) [FOP_##name] = &&op_##name,
    static const void *const dispatch[FOP_COUNT] = { FOP_LIST(FOP_LABEL) };
#undef FOP_LABEL
    /* X0..X30, XZR (x[31], kept zero) and SP as one array (fastop.h). */
    uint64_t *const reg = (uint64_t *)cpu;
    uint64_t remaining = max_insns;
    struct code_page *p;
    struct code_slot *s;
    int r;

    cpu->exit = CPU_EXIT_NONE;
    cpu->x[31] = 0;     /* the XZR invariant handlers rely on (a64_x) */
    if (remaining == 0)
        return cpu->exit = CPU_EXIT_BUDGET;

    if (cpu->skip_breakpoint_once || cpu->skip_watchpoint_once) {
        r = step_past_debug_stop(cpu);
        cpu->skip_breakpoint_once = false;
        cpu->skip_watchpoint_once = false;
        if (r == A64_EXIT)
            return cpu->exit;
        if (--remaining == 0)
            return cpu->exit = CPU_EXIT_BUDGET;
    }
    /* Inside a block, pc and icount live in registers, not in the CPU
     * state: pc is the slot's address and icount is icount_end -
     * remaining. Updating both in memory per instruction made a chain of
     * store-to-load forwarding through every instruction (about 5 host
     * cycles each). They are written back (SYNC) before anything that
     * may look at them: a handler, a block boundary, an exit. */
    const uint64_t icount_end = cpu->icount + remaining;

/* The guest address of slot s of the current page. */
#define SLOT_PC(s) (p->va + (uint64_t)((s) - p->slot) * 4)
#define SYNC_ICOUNT() (cpu->icount = icount_end - remaining)
/* Go to the operation of slot s. */
#define DISPATCH() goto *dispatch[s->op]
/* Retire the instruction and fall through to the next slot (the page's
 * sentinel slot sends the last one to a new block). */
#define NEXT()                                                          \
    do {                                                                \
        s++;                                                            \
        if (__builtin_expect(--remaining == 0, 0))                      \
            goto budget_at_slot;                                        \
        DISPATCH();                                                     \
    } while (0)
/* Retire a taken branch to cpu->pc: a block boundary. Stay in the page
 * when the target is in it and nothing asks us to stop. */
#define TAKEN()                                                         \
    do {                                                                \
        if (--remaining == 0)                                           \
            goto budget;                                                \
        if (cpu->exit_request || p->stale ||                            \
            (cpu->pc & CPU_PAGE_MASK) != p->va || (cpu->pc & 3))        \
            goto next_block;                                            \
        s = &p->slot[(cpu->pc & ~CPU_PAGE_MASK) >> 2];                  \
        DISPATCH();                                                     \
    } while (0)
#define JUMP_TO(target)                                                 \
    do {                                                                \
        cpu->pc = (target);                                             \
        TAKEN();                                                        \
    } while (0)
/* A taken direct branch (B, BL, B.cond, CBZ, TBZ): imm is the offset
 * from the branch, so a target in the same page is a slot of it, found
 * without computing or storing pc. */
#define BRANCH_REL()                                                    \
    do {                                                                \
        int64_t idx_ = (s - p->slot) + ((int64_t)s->imm >> 2);          \
        if (__builtin_expect(--remaining == 0, 0)) {                    \
            cpu->pc = SLOT_PC(s) + s->imm;                              \
            goto budget;                                                \
        }                                                               \
        if ((uint64_t)idx_ < CODE_SLOTS && !cpu->exit_request &&        \
            !p->stale) {                                                \
            s = &p->slot[idx_];                                         \
            DISPATCH();                                                 \
        }                                                               \
        cpu->pc = SLOT_PC(s) + s->imm;                                  \
        goto next_block;                                                \
    } while (0)
/* Write a register where 31 means XZR: x[31] is rezeroed. */
#define SET_X(n, v)                                                     \
    do {                                                                \
        reg[n] = (v);                                                   \
        cpu->x[31] = 0;                                                 \
    } while (0)

next_block:
    SYNC_ICOUNT();
    if (cpu->exit_request) {
        cpu->exit_request = 0;
        return cpu->exit = CPU_EXIT_REQUEST;
    }
    if (cpu->pc & 3) {
        cpu->exit = CPU_EXIT_ALIGNMENT;
        cpu->exit_info.fault_addr = cpu->pc;
        return cpu->exit;
    }
    p = code_page_for(cpu, cpu->pc);
    if (!p)
        return cpu->exit;
    s = &p->slot[(cpu->pc & ~CPU_PAGE_MASK) >> 2];
    DISPATCH();

op_PAGE_END:
    cpu->pc = p->va + CPU_PAGE_SIZE;
    goto next_block;

op_DECODE:
    slot_decode(cpu, p, (unsigned)(s - p->slot));
    DISPATCH();

op_GENERIC:
    cpu->pc = SLOT_PC(s);
    SYNC_ICOUNT();
    r = s->handler(cpu, s->insn);
    if (__builtin_expect(r == A64_NEXT, 1))
        NEXT();
    if (r != A64_JUMP)
        return cpu->exit;   /* pc and icount as the handler left them */
    TAKEN();

    /* --- data processing ---------------------------------------------- */
op_ADDI_X:
    reg[s->rd] = reg[s->rn] + s->imm;
    NEXT();
op_ADDI_W:
    reg[s->rd] = (uint32_t)(reg[s->rn] + s->imm);
    NEXT();
op_SUBSI_X: {
    uint64_t a = reg[s->rn], res = a - s->imm;
    cpu->nzcv = flags_sub64(a, s->imm, res);
    SET_X(s->rd, res);
    NEXT();
}
op_SUBSI_W: {
    uint32_t a = (uint32_t)reg[s->rn], b = (uint32_t)s->imm, res = a - b;
    cpu->nzcv = flags_sub32(a, b, res);
    SET_X(s->rd, res);
    NEXT();
}
op_ADDSI_X: {
    uint64_t a = reg[s->rn], res = a + s->imm;
    cpu->nzcv = flags_add64(a, s->imm, res);
    SET_X(s->rd, res);
    NEXT();
}
op_ADDSI_W: {
    uint32_t a = (uint32_t)reg[s->rn], b = (uint32_t)s->imm, res = a + b;
    cpu->nzcv = flags_add32(a, b, res);
    SET_X(s->rd, res);
    NEXT();
}
op_MOVI:
    SET_X(s->rd, s->imm);
    NEXT();
op_MOVK_X:
    SET_X(s->rd, (reg[s->rd] & ~(0xffffull << s->rm)) | s->imm);
    NEXT();
op_MOVK_W:
    SET_X(s->rd, (uint32_t)((reg[s->rd] & ~(0xffffull << s->rm)) | s->imm));
    NEXT();

#define LOGIC_OPS(NAME, OP)                                             \
op_##NAME##_X:                                                          \
    SET_X(s->rd, reg[s->rn] OP (reg[s->rm] << s->imm));                 \
    NEXT();                                                             \
op_##NAME##_W:                                                          \
    SET_X(s->rd, (uint32_t)(reg[s->rn] OP (reg[s->rm] << s->imm)));     \
    NEXT();                                                             \
op_##NAME##LSR_X:                                                       \
    SET_X(s->rd, reg[s->rn] OP (reg[s->rm] >> s->imm));                 \
    NEXT();                                                             \
op_##NAME##LSR_W:                                                       \
    SET_X(s->rd, (uint32_t)(reg[s->rn] OP                               \
                            ((uint32_t)reg[s->rm] >> s->imm)));         \
    NEXT();
    LOGIC_OPS(AND, &)
    LOGIC_OPS(ORR, |)
    LOGIC_OPS(EOR, ^)
#undef LOGIC_OPS

op_ADD_X:
    SET_X(s->rd, reg[s->rn] + (reg[s->rm] << s->imm));
    NEXT();
op_ADD_W:
    SET_X(s->rd, (uint32_t)(reg[s->rn] + (reg[s->rm] << s->imm)));
    NEXT();
op_SUB_X:
    SET_X(s->rd, reg[s->rn] - (reg[s->rm] << s->imm));
    NEXT();
op_SUB_W:
    SET_X(s->rd, (uint32_t)(reg[s->rn] - (reg[s->rm] << s->imm)));
    NEXT();
op_SUBS_X: {
    uint64_t a = reg[s->rn], b = reg[s->rm] << s->imm, res = a - b;
    cpu->nzcv = flags_sub64(a, b, res);
    SET_X(s->rd, res);
    NEXT();
}
op_SUBS_W: {
    uint32_t a = (uint32_t)reg[s->rn], b = (uint32_t)(reg[s->rm] << s->imm);
    uint32_t res = a - b;
    cpu->nzcv = flags_sub32(a, b, res);
    SET_X(s->rd, res);
    NEXT();
}
op_ADDS_X: {
    uint64_t a = reg[s->rn], b = reg[s->rm] << s->imm, res = a + b;
    cpu->nzcv = flags_add64(a, b, res);
    SET_X(s->rd, res);
    NEXT();
}
op_ADDS_W: {
    uint32_t a = (uint32_t)reg[s->rn], b = (uint32_t)(reg[s->rm] << s->imm);
    uint32_t res = a + b;
    cpu->nzcv = flags_add32(a, b, res);
    SET_X(s->rd, res);
    NEXT();
}
op_UBFM_X:
    SET_X(s->rd, ((reg[s->rn] << FOP_BFM_LEFT(s->imm)) >>
                  FOP_BFM_RIGHT(s->imm)) << FOP_BFM_UP(s->imm));
    NEXT();
op_UBFM_W:
    SET_X(s->rd, (uint32_t)((((uint64_t)(uint32_t)reg[s->rn]
                              << FOP_BFM_LEFT(s->imm)) >>
                             FOP_BFM_RIGHT(s->imm)) << FOP_BFM_UP(s->imm)));
    NEXT();
op_SBFM_X:
    SET_X(s->rd, (uint64_t)((int64_t)(reg[s->rn] << FOP_BFM_LEFT(s->imm)) >>
                            FOP_BFM_RIGHT(s->imm)) << FOP_BFM_UP(s->imm));
    NEXT();
op_SBFM_W:
    SET_X(s->rd, (uint32_t)((uint64_t)((int64_t)((uint64_t)(uint32_t)reg[s->rn]
                                                 << FOP_BFM_LEFT(s->imm)) >>
                                       FOP_BFM_RIGHT(s->imm))
                            << FOP_BFM_UP(s->imm)));
    NEXT();
op_MADD_X:
    SET_X(s->rd, reg[s->imm] + reg[s->rn] * reg[s->rm]);
    NEXT();
op_MADD_W:
    SET_X(s->rd, (uint32_t)(reg[s->imm] + reg[s->rn] * reg[s->rm]));
    NEXT();
op_CSEL_X:
    SET_X(s->rd, cond_holds(cpu, (unsigned)s->imm) ? reg[s->rn] : reg[s->rm]);
    NEXT();
op_CSEL_W:
    SET_X(s->rd, (uint32_t)(cond_holds(cpu, (unsigned)s->imm) ? reg[s->rn]
                                                              : reg[s->rm]));
    NEXT();
op_CSINC_X:
    SET_X(s->rd, cond_holds(cpu, (unsigned)s->imm) ? reg[s->rn]
                                                   : reg[s->rm] + 1);
    NEXT();
op_CSINC_W:
    SET_X(s->rd, (uint32_t)(cond_holds(cpu, (unsigned)s->imm)
                                ? reg[s->rn] : reg[s->rm] + 1));
    NEXT();

    /* --- branches ------------------------------------------------------ */
op_B:
    BRANCH_REL();
op_BL:
    cpu->x[30] = SLOT_PC(s) + 4;
    BRANCH_REL();
op_BCOND:
    if (cond_holds(cpu, s->rd))
        BRANCH_REL();
    NEXT();
op_CBZ_X:
    if (reg[s->rd] == 0)
        BRANCH_REL();
    NEXT();
op_CBZ_W:
    if ((uint32_t)reg[s->rd] == 0)
        BRANCH_REL();
    NEXT();
op_CBNZ_X:
    if (reg[s->rd] != 0)
        BRANCH_REL();
    NEXT();
op_CBNZ_W:
    if ((uint32_t)reg[s->rd] != 0)
        BRANCH_REL();
    NEXT();
op_TBZ:
    if (!((reg[s->rd] >> s->rn) & 1))
        BRANCH_REL();
    NEXT();
op_TBNZ:
    if ((reg[s->rd] >> s->rn) & 1)
        BRANCH_REL();
    NEXT();
op_BR:
    JUMP_TO(a64_branch_target(reg[s->rn]));
op_BLR: {
    uint64_t target = a64_branch_target(reg[s->rn]);
    cpu->x[30] = SLOT_PC(s) + 4;
    JUMP_TO(target);
}

    /* --- loads and stores: TLB hits inline, the rest in the handler ---- */
#define LOAD_OP(NAME, TYPE)                                             \
op_##NAME: {                                                            \
    uint64_t va = reg[s->rn] + s->imm;                                  \
    const struct cpu_tlb_entry *e = cpu_tlb_entry_for(cpu, va);        \
    const void *host = tlb_hit(e->read_tag, e, va, sizeof(TYPE));       \
    TYPE v;                                                             \
    if (!host)                                                          \
        goto op_GENERIC;                                                \
    memcpy(&v, host, sizeof(v));                                        \
    SET_X(s->rd, v);                                                    \
    NEXT();                                                             \
}
#define STORE_OP(NAME, TYPE)                                            \
op_##NAME: {                                                            \
    uint64_t va = reg[s->rn] + s->imm;                                  \
    const struct cpu_tlb_entry *e = cpu_tlb_entry_for(cpu, va);        \
    void *host = tlb_hit(e->write_tag, e, va, sizeof(TYPE));            \
    TYPE v = (TYPE)reg[s->rd];                                          \
    if (!host)                                                          \
        goto op_GENERIC;                                                \
    memcpy(host, &v, sizeof(v));                                        \
    NEXT();                                                             \
}
    LOAD_OP(LDR_X, uint64_t)
    LOAD_OP(LDR_W, uint32_t)
    LOAD_OP(LDRH, uint16_t)
    LOAD_OP(LDRB, uint8_t)
    STORE_OP(STR_X, uint64_t)
    STORE_OP(STR_W, uint32_t)
    STORE_OP(STRH, uint16_t)
    STORE_OP(STRB, uint8_t)
#undef LOAD_OP
#undef STORE_OP

op_LDP_X: {
    uint64_t base = reg[s->rn], offset = (uint64_t)FOP_PAIR_OFFSET(s->imm);
    unsigned mode = FOP_PAIR_MODE(s->imm);
    uint64_t va = mode == 1 ? base : base + offset;
    const struct cpu_tlb_entry *e = cpu_tlb_entry_for(cpu, va);
    const uint8_t *host = tlb_hit(e->read_tag, e, va, 16);
    uint64_t a, b;
    if (!host)
        goto op_GENERIC;
    memcpy(&a, host, 8);
    memcpy(&b, host + 8, 8);
    SET_X(s->rd, a);
    SET_X(s->rm, b);
    if (mode != 2)
        reg[s->rn] = base + offset;
    NEXT();
}
op_STP_X: {
    uint64_t base = reg[s->rn], offset = (uint64_t)FOP_PAIR_OFFSET(s->imm);
    unsigned mode = FOP_PAIR_MODE(s->imm);
    uint64_t va = mode == 1 ? base : base + offset;
    const struct cpu_tlb_entry *e = cpu_tlb_entry_for(cpu, va);
    uint8_t *host = tlb_hit(e->write_tag, e, va, 16);
    uint64_t a = reg[s->rd], b = reg[s->rm];
    if (!host)
        goto op_GENERIC;
    memcpy(host, &a, 8);
    memcpy(host + 8, &b, 8);
    if (mode != 2)
        reg[s->rn] = base + offset;
    NEXT();
}

#define LOAD_WB_OP(NAME, TYPE)                                          \
op_##NAME: {                                                            \
    uint64_t base = reg[s->rn], offset = (uint64_t)FOP_PAIR_OFFSET(s->imm);\
    uint64_t va = FOP_PAIR_MODE(s->imm) == 1 ? base : base + offset;    \
    const struct cpu_tlb_entry *e = cpu_tlb_entry_for(cpu, va);        \
    const void *host = tlb_hit(e->read_tag, e, va, sizeof(TYPE));       \
    TYPE v;                                                             \
    if (!host)                                                          \
        goto op_GENERIC;                                                \
    memcpy(&v, host, sizeof(v));                                        \
    SET_X(s->rd, v);                                                    \
    reg[s->rn] = base + offset;                                         \
    NEXT();                                                             \
}
#define STORE_WB_OP(NAME, TYPE)                                         \
op_##NAME: {                                                            \
    uint64_t base = reg[s->rn], offset = (uint64_t)FOP_PAIR_OFFSET(s->imm);\
    uint64_t va = FOP_PAIR_MODE(s->imm) == 1 ? base : base + offset;    \
    const struct cpu_tlb_entry *e = cpu_tlb_entry_for(cpu, va);        \
    void *host = tlb_hit(e->write_tag, e, va, sizeof(TYPE));            \
    TYPE v = (TYPE)reg[s->rd];                                          \
    if (!host)                                                          \
        goto op_GENERIC;                                                \
    memcpy(host, &v, sizeof(v));                                        \
    reg[s->rn] = base + offset;                                         \
    NEXT();                                                             \
}
    LOAD_WB_OP(LDR_X_WB, uint64_t)
    LOAD_WB_OP(LDR_W_WB, uint32_t)
    STORE_WB_OP(STR_X_WB, uint64_t)
    STORE_WB_OP(STR_W_WB, uint32_t)
    LOAD_WB_OP(LDRB_WB, uint8_t)
    STORE_WB_OP(STRB_WB, uint8_t)
#undef LOAD_WB_OP
#undef STORE_WB_OP

/* base + extend(Rm) << shift (the register-offset forms' address). */
#define INDEXED_VA()                                                    \
    (reg[s->rn] + (((s->imm & FOP_INDEX_UXTW)                           \
                        ? (uint64_t)(uint32_t)reg[s->rm]                \
                    : (s->imm & FOP_INDEX_SXTW)                         \
                        ? (uint64_t)(int64_t)(int32_t)reg[s->rm]        \
                        : reg[s->rm]) << (s->imm & 7)))
#define LOAD_REG_OP(NAME, TYPE)                                         \
op_##NAME: {                                                            \
    uint64_t va = INDEXED_VA();                                         \
    const struct cpu_tlb_entry *e = cpu_tlb_entry_for(cpu, va);        \
    const void *host = tlb_hit(e->read_tag, e, va, sizeof(TYPE));       \
    TYPE v;                                                             \
    if (!host)                                                          \
        goto op_GENERIC;                                                \
    memcpy(&v, host, sizeof(v));                                        \
    SET_X(s->rd, v);                                                    \
    NEXT();                                                             \
}
#define STORE_REG_OP(NAME, TYPE)                                        \
op_##NAME: {                                                            \
    uint64_t va = INDEXED_VA();                                         \
    const struct cpu_tlb_entry *e = cpu_tlb_entry_for(cpu, va);        \
    void *host = tlb_hit(e->write_tag, e, va, sizeof(TYPE));            \
    TYPE v = (TYPE)reg[s->rd];                                          \
    if (!host)                                                          \
        goto op_GENERIC;                                                \
    memcpy(host, &v, sizeof(v));                                        \
    NEXT();                                                             \
}
    LOAD_REG_OP(LDR_X_REG, uint64_t)
    LOAD_REG_OP(LDR_W_REG, uint32_t)
    LOAD_REG_OP(LDRB_REG, uint8_t)
    STORE_REG_OP(STR_X_REG, uint64_t)
    STORE_REG_OP(STR_W_REG, uint32_t)
    STORE_REG_OP(STRB_REG, uint8_t)
#undef LOAD_REG_OP
#undef STORE_REG_OP

    /* Logical (immediate): rm is 1 for the 64-bit forms. */
op_ANDI:
    reg[s->rd] = s->rm ? reg[s->rn] & s->imm : (uint32_t)(reg[s->rn] & s->imm);
    NEXT();
op_ORRI:
    reg[s->rd] = s->rm ? reg[s->rn] | s->imm : (uint32_t)(reg[s->rn] | s->imm);
    NEXT();
op_EORI:
    reg[s->rd] = s->rm ? reg[s->rn] ^ s->imm : (uint32_t)(reg[s->rn] ^ s->imm);
    NEXT();
op_ANDSI: {
    uint64_t res = reg[s->rn] & s->imm;
    if (s->rm)
        cpu->nzcv = a64_nz_flags(res, true);
    else
        cpu->nzcv = a64_nz_flags(res = (uint32_t)res, false);
    SET_X(s->rd, res);
    NEXT();
}

    /* --- sign-extending loads, halfword register offset, W pairs ------ */
#define SLOAD_OP(NAME, TYPE, EXT, VA)                                   \
op_##NAME: {                                                            \
    uint64_t va = (VA);                                                 \
    const struct cpu_tlb_entry *e = cpu_tlb_entry_for(cpu, va);        \
    const void *host = tlb_hit(e->read_tag, e, va, sizeof(TYPE));       \
    TYPE v;                                                             \
    if (!host)                                                          \
        goto op_GENERIC;                                                \
    memcpy(&v, host, sizeof(v));                                        \
    SET_X(s->rd, (EXT)v);                                               \
    NEXT();                                                             \
}
    SLOAD_OP(LDRSW, int32_t, uint64_t, reg[s->rn] + s->imm)
    SLOAD_OP(LDRSH_X, int16_t, uint64_t, reg[s->rn] + s->imm)
    SLOAD_OP(LDRSH_W, int16_t, uint32_t, reg[s->rn] + s->imm)
    SLOAD_OP(LDRSB_X, int8_t, uint64_t, reg[s->rn] + s->imm)
    SLOAD_OP(LDRSB_W, int8_t, uint32_t, reg[s->rn] + s->imm)
    SLOAD_OP(LDRSW_REG, int32_t, uint64_t, INDEXED_VA())
    SLOAD_OP(LDRH_REG, uint16_t, uint64_t, INDEXED_VA())
#undef SLOAD_OP
op_STRH_REG: {
    uint64_t va = INDEXED_VA();
    const struct cpu_tlb_entry *e = cpu_tlb_entry_for(cpu, va);
    void *host = tlb_hit(e->write_tag, e, va, 2);
    uint16_t v = (uint16_t)reg[s->rd];
    if (!host)
        goto op_GENERIC;
    memcpy(host, &v, 2);
    NEXT();
}
op_LDP_W: {
    uint64_t base = reg[s->rn], offset = (uint64_t)FOP_PAIR_OFFSET(s->imm);
    unsigned mode = FOP_PAIR_MODE(s->imm);
    uint64_t va = mode == 1 ? base : base + offset;
    const struct cpu_tlb_entry *e = cpu_tlb_entry_for(cpu, va);
    const uint8_t *host = tlb_hit(e->read_tag, e, va, 8);
    uint32_t a, b;
    if (!host)
        goto op_GENERIC;
    memcpy(&a, host, 4);
    memcpy(&b, host + 4, 4);
    SET_X(s->rd, a);
    SET_X(s->rm, b);
    if (mode != 2)
        reg[s->rn] = base + offset;
    NEXT();
}
op_STP_W: {
    uint64_t base = reg[s->rn], offset = (uint64_t)FOP_PAIR_OFFSET(s->imm);
    unsigned mode = FOP_PAIR_MODE(s->imm);
    uint64_t va = mode == 1 ? base : base + offset;
    const struct cpu_tlb_entry *e = cpu_tlb_entry_for(cpu, va);
    uint8_t *host = tlb_hit(e->write_tag, e, va, 8);
    uint32_t a = (uint32_t)reg[s->rd], b = (uint32_t)reg[s->rm];
    if (!host)
        goto op_GENERIC;
    memcpy(host, &a, 4);
    memcpy(host + 4, &b, 4);
    if (mode != 2)
        reg[s->rn] = base + offset;
    NEXT();
}

    /* --- SIMD&FP register loads and stores ----------------------------- */
    /* A load writes the low BYTES of Vt and zeroes the rest of Zt. */
#define VLOAD_OP(NAME, BYTES, VA, WRITEBACK)                            \
op_##NAME: {                                                            \
    uint64_t va = (VA);                                                 \
    const struct cpu_tlb_entry *e = cpu_tlb_entry_for(cpu, va);        \
    const void *host = tlb_hit(e->read_tag, e, va, BYTES);              \
    if (!host)                                                          \
        goto op_GENERIC;                                                \
    zreg_load(cpu, s->rd, host, BYTES);                                 \
    WRITEBACK;                                                          \
    NEXT();                                                             \
}
#define VSTORE_OP(NAME, BYTES, VA, WRITEBACK)                           \
op_##NAME: {                                                            \
    uint64_t va = (VA);                                                 \
    const struct cpu_tlb_entry *e = cpu_tlb_entry_for(cpu, va);        \
    void *host = tlb_hit(e->write_tag, e, va, BYTES);                   \
    if (!host)                                                          \
        goto op_GENERIC;                                                \
    memcpy(host, cpu->z[s->rd].b, BYTES);                               \
    WRITEBACK;                                                          \
    NEXT();                                                             \
}
#define WB_VA()                                                         \
    (reg[s->rn] + (FOP_PAIR_MODE(s->imm) == 1                          \
                       ? 0 : (uint64_t)FOP_PAIR_OFFSET(s->imm)))
#define WB() reg[s->rn] += (uint64_t)FOP_PAIR_OFFSET(s->imm)
    VLOAD_OP(LDR_S, 4, reg[s->rn] + s->imm, (void)0)
    VLOAD_OP(LDR_D, 8, reg[s->rn] + s->imm, (void)0)
    VLOAD_OP(LDR_Q, 16, reg[s->rn] + s->imm, (void)0)
    VSTORE_OP(STR_S, 4, reg[s->rn] + s->imm, (void)0)
    VSTORE_OP(STR_D, 8, reg[s->rn] + s->imm, (void)0)
    VSTORE_OP(STR_Q, 16, reg[s->rn] + s->imm, (void)0)
    VLOAD_OP(LDR_S_WB, 4, WB_VA(), WB())
    VLOAD_OP(LDR_D_WB, 8, WB_VA(), WB())
    VLOAD_OP(LDR_Q_WB, 16, WB_VA(), WB())
    VSTORE_OP(STR_S_WB, 4, WB_VA(), WB())
    VSTORE_OP(STR_D_WB, 8, WB_VA(), WB())
    VSTORE_OP(STR_Q_WB, 16, WB_VA(), WB())
    VLOAD_OP(LDR_S_REG, 4, INDEXED_VA(), (void)0)
    VLOAD_OP(LDR_D_REG, 8, INDEXED_VA(), (void)0)
    VLOAD_OP(LDR_Q_REG, 16, INDEXED_VA(), (void)0)
    VSTORE_OP(STR_S_REG, 4, INDEXED_VA(), (void)0)
    VSTORE_OP(STR_D_REG, 8, INDEXED_VA(), (void)0)
    VSTORE_OP(STR_Q_REG, 16, INDEXED_VA(), (void)0)
#undef VLOAD_OP
#undef VSTORE_OP

    /* Pairs: one access of twice the size; Vt is written before Vt2. */
#define VLDP_OP(NAME, BYTES)                                            \
op_##NAME: {                                                            \
    uint64_t va = WB_VA();                                              \
    const struct cpu_tlb_entry *e = cpu_tlb_entry_for(cpu, va);        \
    const uint8_t *host = tlb_hit(e->read_tag, e, va, 2 * (BYTES));     \
    if (!host)                                                          \
        goto op_GENERIC;                                                \
    zreg_load(cpu, s->rd, host, BYTES);                                 \
    zreg_load(cpu, s->rm, host + (BYTES), BYTES);                       \
    if (FOP_PAIR_MODE(s->imm) != 2)                                     \
        WB();                                                           \
    NEXT();                                                             \
}
#define VSTP_OP(NAME, BYTES)                                            \
op_##NAME: {                                                            \
    uint64_t va = WB_VA();                                              \
    const struct cpu_tlb_entry *e = cpu_tlb_entry_for(cpu, va);        \
    uint8_t *host = tlb_hit(e->write_tag, e, va, 2 * (BYTES));          \
    if (!host)                                                          \
        goto op_GENERIC;                                                \
    memcpy(host, cpu->z[s->rd].b, BYTES);                               \
    memcpy(host + (BYTES), cpu->z[s->rm].b, BYTES);                     \
    if (FOP_PAIR_MODE(s->imm) != 2)                                     \
        WB();                                                           \
    NEXT();                                                             \
}
    VLDP_OP(LDP_S, 4)
    VLDP_OP(LDP_D, 8)
    VLDP_OP(LDP_Q, 16)
    VSTP_OP(STP_S, 4)
    VSTP_OP(STP_D, 8)
    VSTP_OP(STP_Q, 16)
#undef VLDP_OP
#undef VSTP_OP
#undef WB_VA
#undef WB

    /* --- scalar FP: the fast path of cpu/fpu.h, else the handler ------- */
#define FP_BINOP(NAME, T, GET, BITS, CHECK, OP)                         \
op_##NAME:                                                              \
    if (fpu_fast_mode(cpu)) {                                           \
        T r = GET(cpu, s->rn) OP GET(cpu, s->rm);                       \
        if (__builtin_expect(CHECK(r), 1)) {                            \
            zreg_write(cpu, s->rd, BITS(r), 0);                         \
            NEXT();                                                     \
        }                                                               \
    }                                                                   \
    goto op_GENERIC;
    FP_BINOP(FADD_S, float, zreg_f32, f32_bits, fpu32_fast_result, +)
    FP_BINOP(FSUB_S, float, zreg_f32, f32_bits, fpu32_fast_result, -)
    FP_BINOP(FMUL_S, float, zreg_f32, f32_bits, fpu32_fast_result, *)
    FP_BINOP(FDIV_S, float, zreg_f32, f32_bits, fpu32_fast_result, /)
    FP_BINOP(FADD_D, double, zreg_f64, f64_bits, fpu64_fast_result, +)
    FP_BINOP(FSUB_D, double, zreg_f64, f64_bits, fpu64_fast_result, -)
    FP_BINOP(FMUL_D, double, zreg_f64, f64_bits, fpu64_fast_result, *)
    FP_BINOP(FDIV_D, double, zreg_f64, f64_bits, fpu64_fast_result, /)
#undef FP_BINOP
#define FP_MADD(NAME, T, GET, BITS, CHECK, FMA)                         \
op_##NAME:                                                              \
    if (fpu_fast_mode(cpu)) {                                           \
        T n = GET(cpu, s->rn), m = GET(cpu, s->rm);                     \
        T a = GET(cpu, (unsigned)s->imm & 31);                          \
        T r = FMA((s->imm & FOP_FP_NEG_N) ? -n : n, m,                  \
                  (s->imm & FOP_FP_NEG_A) ? -a : a);                    \
        if (__builtin_expect(CHECK(r), 1)) {                            \
            zreg_write(cpu, s->rd, BITS(r), 0);                         \
            NEXT();                                                     \
        }                                                               \
    }                                                                   \
    goto op_GENERIC;
    FP_MADD(FMADD_S, float, zreg_f32, f32_bits, fpu32_fast_result, fmaf)
    FP_MADD(FMADD_D, double, zreg_f64, f64_bits, fpu64_fast_result, fma)
#undef FP_MADD
op_FSQRT_S:
    if (fpu_fast_mode(cpu)) {
        float r = sqrtf(zreg_f32(cpu, s->rn));
        if (__builtin_expect(fpu32_fast_result(r), 1)) {
            zreg_write(cpu, s->rd, f32_bits(r), 0);
            NEXT();
        }
    }
    goto op_GENERIC;
op_FSQRT_D:
    if (fpu_fast_mode(cpu)) {
        double r = sqrt(zreg_f64(cpu, s->rn));
        if (__builtin_expect(fpu64_fast_result(r), 1)) {
            zreg_write(cpu, s->rd, f64_bits(r), 0);
            NEXT();
        }
    }
    goto op_GENERIC;
    /* Compares raise nothing unless an operand is a NaN (or a denormal
     * flushed under FZ): those take the handler. */
#define FP_CMP(NAME, T, GET)                                            \
op_##NAME: {                                                            \
    T a = GET(cpu, s->rn);                                              \
    T b = (s->imm & FOP_FP_CMP_ZERO) ? 0 : GET(cpu, s->rm);             \
    if ((cpu->fpcr & FPCR_FZ) || isnan(a) || isnan(b))                  \
        goto op_GENERIC;                                                \
    cpu->nzcv = a == b ? CPU_NZCV_Z | CPU_NZCV_C                        \
              : a < b ? CPU_NZCV_N : CPU_NZCV_C;                        \
    NEXT();                                                             \
}
    FP_CMP(FCMP_S, float, zreg_f32)
    FP_CMP(FCMP_D, double, zreg_f64)
#undef FP_CMP
op_FMOV_V: {
    uint64_t v;
    memcpy(&v, cpu->z[s->rn].b, 8);
    zreg_write(cpu, s->rd, v & s->imm, 0);
    NEXT();
}
op_FMOVI_V:
    zreg_write(cpu, s->rd, s->imm, 0);
    NEXT();
op_FMOV_TO_X: {
    uint64_t v;
    memcpy(&v, cpu->z[s->rn].b, 8);
    SET_X(s->rd, v & s->imm);
    NEXT();
}
op_FMOV_FROM_X:
    zreg_write(cpu, s->rd, reg[s->rn] & s->imm, 0);
    NEXT();

    /* --- AdvSIMD vectors ---------------------------------------------- */
op_VADD: {
    union vreg a = vreg_get(cpu, s->rn), b = vreg_get(cpu, s->rm), r;
    VEC_INT_OP(r, a, b, +, s->imm);
    vreg_put(cpu, s->rd, r, s->imm);
    NEXT();
}
op_VSUB: {
    union vreg a = vreg_get(cpu, s->rn), b = vreg_get(cpu, s->rm), r;
    VEC_INT_OP(r, a, b, -, s->imm);
    vreg_put(cpu, s->rd, r, s->imm);
    NEXT();
}
op_VMUL: {
    union vreg a = vreg_get(cpu, s->rn), b = vreg_get(cpu, s->rm), r;
    VEC_INT_OP(r, a, b, *, s->imm);
    vreg_put(cpu, s->rd, r, s->imm);
    NEXT();
}
op_VMLA: {
    union vreg a = vreg_get(cpu, s->rn), b = vreg_get(cpu, s->rm), p;
    union vreg d = vreg_get(cpu, s->rd), r;
    VEC_INT_OP(p, a, b, *, s->imm);
    VEC_INT_OP(r, d, p, +, s->imm);
    vreg_put(cpu, s->rd, r, s->imm);
    NEXT();
}
op_VMLS: {
    union vreg a = vreg_get(cpu, s->rn), b = vreg_get(cpu, s->rm), p;
    union vreg d = vreg_get(cpu, s->rd), r;
    VEC_INT_OP(p, a, b, *, s->imm);
    VEC_INT_OP(r, d, p, -, s->imm);
    vreg_put(cpu, s->rd, r, s->imm);
    NEXT();
}
op_VLOGIC: {
    vec_u64 a = vreg_get(cpu, s->rn).d, b = vreg_get(cpu, s->rm).d;
    vec_u64 d = vreg_get(cpu, s->rd).d;
    union vreg r;
    switch (FOP_VEC_LOGIC(s->imm)) {
    case 0: r.d = a & b; break;                     /* AND */
    case 1: r.d = a & ~b; break;                    /* BIC */
    case 2: r.d = a | b; break;                     /* ORR, MOV */
    case 3: r.d = a | ~b; break;                    /* ORN */
    case 4: r.d = a ^ b; break;                     /* EOR */
    case 5: r.d = (d & a) | (~d & b); break;        /* BSL */
    case 6: r.d = (b & a) | (~b & d); break;        /* BIT */
    default: r.d = (~b & a) | (b & d); break;       /* BIF */
    }
    vreg_put(cpu, s->rd, r, s->imm);
    NEXT();
}
#define VEC_FP_OP(NAME, OP)                                             \
op_##NAME:                                                              \
    if (fpu_fast_mode(cpu)) {                                           \
        union vreg a = vreg_get(cpu, s->rn), b = vreg_get(cpu, s->rm), r; \
        if (FOP_VEC_SIZE(s->imm) == 3)                                  \
            r.g = a.g OP b.g;                                           \
        else                                                            \
            r.f = a.f OP b.f;                                           \
        if (__builtin_expect(vec_fast_result(r, s->imm), 1)) {          \
            vreg_put(cpu, s->rd, r, s->imm);                            \
            NEXT();                                                     \
        }                                                               \
    }                                                                   \
    goto op_GENERIC;
    VEC_FP_OP(VFADD, +)
    VEC_FP_OP(VFSUB, -)
    VEC_FP_OP(VFMUL, *)
    VEC_FP_OP(VFDIV, /)
#undef VEC_FP_OP
op_VFMLA:
op_VFMLS:
    if (fpu_fast_mode(cpu)) {
        union vreg a = vreg_get(cpu, s->rn), b = vreg_get(cpu, s->rm);
        union vreg d = vreg_get(cpu, s->rd), r;
        if (s->op == FOP_VFMLS) {
            if (FOP_VEC_SIZE(s->imm) == 3)
                a.g = -a.g;
            else
                a.f = -a.f;
        }
        r = vec_fma(a, b, d, s->imm);
        if (__builtin_expect(vec_fast_result(r, s->imm), 1)) {
            vreg_put(cpu, s->rd, r, s->imm);
            NEXT();
        }
    }
    goto op_GENERIC;

    /* Compares give all-ones lanes where true (vector comparisons do). */
op_VMAX: {
    union vreg a = vreg_get(cpu, s->rn), b = vreg_get(cpu, s->rm), m;
    VEC_SINT_OP(m, a, b, >, s->imm);
    vreg_put(cpu, s->rd, vec_select(m, a, b), s->imm);
    NEXT();
}
op_VMIN: {
    union vreg a = vreg_get(cpu, s->rn), b = vreg_get(cpu, s->rm), m;
    VEC_SINT_OP(m, a, b, <, s->imm);
    vreg_put(cpu, s->rd, vec_select(m, a, b), s->imm);
    NEXT();
}
op_VCMGT: {
    union vreg a = vreg_get(cpu, s->rn), b = vreg_get(cpu, s->rm), m;
    VEC_SINT_OP(m, a, b, >, s->imm);
    vreg_put(cpu, s->rd, m, s->imm);
    NEXT();
}
op_VCMGE: {
    union vreg a = vreg_get(cpu, s->rn), b = vreg_get(cpu, s->rm), m;
    VEC_SINT_OP(m, a, b, >=, s->imm);
    vreg_put(cpu, s->rd, m, s->imm);
    NEXT();
}
op_VCMEQ: {
    union vreg a = vreg_get(cpu, s->rn), b = vreg_get(cpu, s->rm), m;
    VEC_INT_OP(m, a, b, ==, s->imm);
    vreg_put(cpu, s->rd, m, s->imm);
    NEXT();
}
op_VCMTST: {
    union vreg a = vreg_get(cpu, s->rn), b = vreg_get(cpu, s->rm), m, z;
    union vreg zero = { .u = { 0, 0 } };
    z.d = a.d & b.d;
    VEC_INT_OP(m, z, zero, !=, s->imm);
    vreg_put(cpu, s->rd, m, s->imm);
    NEXT();
}
op_VSHR: {
    union vreg a = vreg_get(cpu, s->rn), r;
    VEC_SHIFT_OP(r, a, >>, FOP_VEC_AMOUNT(s->imm), s->imm);
    vreg_put(cpu, s->rd, r, s->imm);
    NEXT();
}
op_VSRA: {
    union vreg a = vreg_get(cpu, s->rn), d = vreg_get(cpu, s->rd), sh, r;
    VEC_SHIFT_OP(sh, a, >>, FOP_VEC_AMOUNT(s->imm), s->imm);
    VEC_INT_OP(r, d, sh, +, s->imm);
    vreg_put(cpu, s->rd, r, s->imm);
    NEXT();
}
op_VSHL: {
    union vreg a = vreg_get(cpu, s->rn), r;
    VEC_SHIFT_OP(r, a, <<, FOP_VEC_AMOUNT(s->imm), s->imm & ~FOP_VEC_SIGNED);
    vreg_put(cpu, s->rd, r, s->imm);
    NEXT();
}
    /* Widening: the result has lanes of size + 1 and is always 128 bits. */
op_VSHLL: {
    union vreg w = vec_widen(vreg_get(cpu, s->rn), s->imm), r;
    VEC_SHIFT_OP(r, w, <<, FOP_VEC_AMOUNT(s->imm), FOP_VEC_SIZE(s->imm) + 1);
    vreg_put(cpu, s->rd, r, FOP_VEC_Q);
    NEXT();
}
#define VEC_WIDE_OP(NAME, OP, WIDEN_N)                                  \
op_##NAME: {                                                            \
    union vreg n = vreg_get(cpu, s->rn), r;                             \
    union vreg m = vec_widen(vreg_get(cpu, s->rm), s->imm);             \
    if (WIDEN_N)                                                        \
        n = vec_widen(n, s->imm);                                       \
    VEC_INT_OP(r, n, m, OP, FOP_VEC_SIZE(s->imm) + 1);                  \
    vreg_put(cpu, s->rd, r, FOP_VEC_Q);                                 \
    NEXT();                                                             \
}
    VEC_WIDE_OP(VADDW, +, false)
    VEC_WIDE_OP(VSUBW, -, false)
    VEC_WIDE_OP(VADDL, +, true)
    VEC_WIDE_OP(VSUBL, -, true)
#undef VEC_WIDE_OP

    /* Pairwise: lanes 2i and 2i+1 of Vn:Vm (the 64-bit forms take the
     * low halves, which side by side are one 128-bit vector). */
op_VMAXP:
op_VMINP:
op_VADDP: {
    union vreg n = vreg_get(cpu, s->rn), m = vreg_get(cpu, s->rm);
    union vreg even, odd, r;
    if (!(s->imm & FOP_VEC_Q)) {
        n.u[1] = m.u[0];
        m.u[0] = m.u[1] = 0;
    }
    vec_unzip(n, m, s->imm, &even, &odd);
    if (s->op == FOP_VADDP) {
        VEC_INT_OP(r, even, odd, +, s->imm);
    } else {
        union vreg mask;
        if (s->op == FOP_VMAXP)
            VEC_SINT_OP(mask, even, odd, >, s->imm);
        else
            VEC_SINT_OP(mask, even, odd, <, s->imm);
        r = vec_select(mask, even, odd);
    }
    vreg_put(cpu, s->rd, r, s->imm);
    NEXT();
}
op_VCMZ: {
    union vreg a = vreg_get(cpu, s->rn), zero = { .u = { 0, 0 } }, m;
    switch (FOP_VEC_LOGIC(s->imm)) {
    case FOP_VEC_CMZ_GT: VEC_SINT_OP(m, a, zero, >, s->imm); break;
    case FOP_VEC_CMZ_GE: VEC_SINT_OP(m, a, zero, >=, s->imm); break;
    case FOP_VEC_CMZ_EQ: VEC_SINT_OP(m, a, zero, ==, s->imm); break;
    case FOP_VEC_CMZ_LE: VEC_SINT_OP(m, a, zero, <=, s->imm); break;
    default: VEC_SINT_OP(m, a, zero, <, s->imm); break;
    }
    vreg_put(cpu, s->rd, m, s->imm);
    NEXT();
}

    /* --- conditional compare, TST (register) --------------------------- */
/* The flags of a OP b (a - b for CCMP, a + b for CCMN) when the condition
 * holds, else the instruction's #nzcv. */
#define CCMP_OP(NAME, T, OP, FLAGS)                                     \
op_##NAME: {                                                            \
    T a = (T)reg[s->rn];                                                \
    T b = (T)((s->imm & FOP_CCMP_IMM) ? FOP_CCMP_IMM5(s->imm)           \
                                      : reg[s->rm]);                    \
    if (cond_holds(cpu, FOP_CCMP_COND(s->imm)))                         \
        cpu->nzcv = FLAGS(a, b, (T)(a OP b));                           \
    else                                                                \
        cpu->nzcv = FOP_CCMP_NZCV(s->imm) << 28;                        \
    NEXT();                                                             \
}
    CCMP_OP(CCMP_X, uint64_t, -, flags_sub64)
    CCMP_OP(CCMP_W, uint32_t, -, flags_sub32)
    CCMP_OP(CCMN_X, uint64_t, +, flags_add64)
    CCMP_OP(CCMN_W, uint32_t, +, flags_add32)
#undef CCMP_OP
op_ANDS_X: {
    uint64_t m = reg[s->rm], res;
    unsigned amount = FOP_ANDS_AMOUNT(s->imm);
    switch (FOP_ANDS_TYPE(s->imm)) {
    case 0: m <<= amount; break;
    case 1: m >>= amount; break;
    default: m = (uint64_t)((int64_t)m >> amount); break;
    }
    res = reg[s->rn] & ((s->imm & FOP_ANDS_INVERT) ? ~m : m);
    cpu->nzcv = a64_nz_flags(res, true);
    SET_X(s->rd, res);
    NEXT();
}
op_ANDS_W: {
    uint32_t m = (uint32_t)reg[s->rm], res;
    unsigned amount = FOP_ANDS_AMOUNT(s->imm);
    switch (FOP_ANDS_TYPE(s->imm)) {
    case 0: m <<= amount; break;
    case 1: m >>= amount; break;
    default: m = (uint32_t)((int32_t)m >> amount); break;
    }
    res = (uint32_t)reg[s->rn] & ((s->imm & FOP_ANDS_INVERT) ? ~m : m);
    cpu->nzcv = a64_nz_flags(res, false);
    SET_X(s->rd, res);
    NEXT();
}

    /* --- more integer forms --------------------------------------------- */
op_ADR:
    SET_X(s->rd, SLOT_PC(s) + s->imm);
    NEXT();
op_ADRP:
    SET_X(s->rd, (SLOT_PC(s) & ~0xfffull) + s->imm);
    NEXT();
op_ADDEXT: {
    uint64_t a = reg[s->rn], b = reg[s->rm], res;
    switch (s->imm & 7) {
    case 0: b = (uint8_t)b; break;
    case 1: b = (uint16_t)b; break;
    case 2: b = (uint32_t)b; break;
    case 4: b = (uint64_t)(int64_t)(int8_t)b; break;
    case 5: b = (uint64_t)(int64_t)(int16_t)b; break;
    case 6: b = (uint64_t)(int64_t)(int32_t)b; break;
    default: break;
    }
    b <<= (s->imm >> 3) & 7;
    res = (s->imm & FOP_INT_SUB) ? a - b : a + b;
    if (!(s->imm & FOP_INT_X))
        res = (uint32_t)res;
    if (s->imm & FOP_INT_FLAGS) {
        if (s->imm & FOP_INT_X)
            cpu->nzcv = (s->imm & FOP_INT_SUB) ? flags_sub64(a, b, res)
                                               : flags_add64(a, b, res);
        else
            cpu->nzcv = (s->imm & FOP_INT_SUB)
                            ? flags_sub32((uint32_t)a, (uint32_t)b, (uint32_t)res)
                            : flags_add32((uint32_t)a, (uint32_t)b, (uint32_t)res);
        SET_X(s->rd, res);
    } else {
        reg[s->rd] = res;   /* Rd 31 is SP here (FOP_REG_SP) */
    }
    NEXT();
}
op_DP2: {
    bool is64 = s->imm & FOP_INT_X;
    unsigned width = is64 ? 64 : 32;
    uint64_t a = reg[s->rn], b = reg[s->rm], res;
    if (!is64) {
        a = (uint32_t)a;
        b = (uint32_t)b;
    }
    switch (s->imm & 0x3f) {
    case 2:                                             /* UDIV */
        res = b ? a / b : 0;
        break;
    case 3:                                             /* SDIV */
        if (b == 0)
            res = 0;
        else if (is64)
            res = ((int64_t)a == INT64_MIN && (int64_t)b == -1)
                      ? a : (uint64_t)((int64_t)a / (int64_t)b);
        else
            res = ((int32_t)a == INT32_MIN && (int32_t)b == -1)
                      ? a : (uint32_t)((int32_t)a / (int32_t)b);
        break;
    case 8:                                             /* LSLV */
        res = a << (b & (width - 1));
        break;
    case 9:                                             /* LSRV */
        res = a >> (b & (width - 1));
        break;
    case 10:                                            /* ASRV */
        res = is64 ? (uint64_t)((int64_t)a >> (b & 63))
                   : (uint32_t)((int32_t)a >> (b & 31));
        break;
    default: {                                          /* RORV */
        unsigned n = (unsigned)(b & (width - 1));
        res = n ? (a >> n) | (a << (width - n)) : a;
        break;
    }
    }
    SET_X(s->rd, is64 ? res : (uint32_t)res);
    NEXT();
}
op_DP1: {
    bool is64 = s->imm & FOP_INT_X;
    uint64_t v = is64 ? reg[s->rn] : (uint32_t)reg[s->rn], res;
    switch (s->imm & 0x3f) {
    case 0:                                             /* RBIT */
        res = is64 ? bit_reverse64(v) : bit_reverse64(v) >> 32;
        break;
    case 1:                                             /* REV16 */
        res = ((v & 0x00ff00ff00ff00ffull) << 8) |
              ((v >> 8) & 0x00ff00ff00ff00ffull);
        break;
    case 2:                                             /* REV32, REV (W) */
        res = is64 ? (uint64_t)__builtin_bswap32((uint32_t)(v >> 32)) << 32 |
                         __builtin_bswap32((uint32_t)v)
                   : __builtin_bswap32((uint32_t)v);
        break;
    case 3:                                             /* REV (X) */
        res = __builtin_bswap64(v);
        break;
    default:                                            /* CLZ */
        res = is64 ? (v ? (uint64_t)__builtin_clzll(v) : 64)
                   : (v ? (uint64_t)__builtin_clz((uint32_t)v) : 32);
        break;
    }
    SET_X(s->rd, res);
    NEXT();
}
op_MSUB_X:
    SET_X(s->rd, reg[s->imm] - reg[s->rn] * reg[s->rm]);
    NEXT();
op_MSUB_W:
    SET_X(s->rd, (uint32_t)(reg[s->imm] - reg[s->rn] * reg[s->rm]));
    NEXT();
op_MADDL: {
    uint64_t prod = (s->imm & FOP_INT_SIGNED)
        ? (uint64_t)((int64_t)(int32_t)reg[s->rn] * (int32_t)reg[s->rm])
        : (uint64_t)(uint32_t)reg[s->rn] * (uint32_t)reg[s->rm];
    uint64_t acc = reg[s->imm & 31];
    SET_X(s->rd, (s->imm & FOP_INT_SUB) ? acc - prod : acc + prod);
    NEXT();
}
op_MULH:
    SET_X(s->rd, (s->imm & FOP_INT_SIGNED)
                     ? (uint64_t)(((__int128)(int64_t)reg[s->rn] *
                                   (int64_t)reg[s->rm]) >> 64)
                     : (uint64_t)(((unsigned __int128)reg[s->rn] *
                                   reg[s->rm]) >> 64));
    NEXT();
op_EXTR_X:
    SET_X(s->rd, s->imm ? (reg[s->rm] >> s->imm) | (reg[s->rn] << (64 - s->imm))
                        : reg[s->rm]);
    NEXT();
op_EXTR_W: {
    uint64_t both = (uint64_t)(uint32_t)reg[s->rn] << 32 | (uint32_t)reg[s->rm];
    SET_X(s->rd, (uint32_t)(both >> s->imm));
    NEXT();
}
op_ADC: {
    bool is64 = s->imm & FOP_INT_X;
    uint64_t a = reg[s->rn], b = reg[s->rm], carry = (cpu->nzcv >> 29) & 1;
    if (s->imm & FOP_INT_SUB)
        b = ~b;
    if (!is64) {
        a = (uint32_t)a;
        b = (uint32_t)b;
    }
    uint64_t res = a + b + carry;
    if (s->imm & FOP_INT_FLAGS) {
        unsigned top = is64 ? 63 : 31;
        uint64_t r = is64 ? res : (uint32_t)res;
        /* carry out and overflow of a + b + carry, from the sign bits */
        uint64_t c = ((a & b) | ((a | b) & ~r)) >> top & 1;
        uint64_t v = ((a ^ r) & (b ^ r)) >> top & 1;
        cpu->nzcv = (uint32_t)((r >> top) & 1) << 31 | (uint32_t)(r == 0) << 30 |
                    (uint32_t)c << 29 | (uint32_t)v << 28;
    }
    SET_X(s->rd, is64 ? res : (uint32_t)res);
    NEXT();
}
op_HINT:
    if (!s->imm && cpu->pauth_enabled)
        goto op_GENERIC;
    NEXT();
op_ADDSUB_SH: {
    bool is64 = s->imm & FOP_INT_X;
    unsigned amount = s->imm & 63;
    uint64_t a = reg[s->rn], b = reg[s->rm], res;
    if (!is64) {
        a = (uint32_t)a;
        b = ((s->imm >> 6) & 3) == 1 ? (uint32_t)b >> amount
                                     : (uint32_t)((int32_t)b >> amount);
    } else {
        b = ((s->imm >> 6) & 3) == 1 ? b >> amount
                                     : (uint64_t)((int64_t)b >> amount);
    }
    res = (s->imm & FOP_INT_SUB) ? a - b : a + b;
    if (!is64)
        res = (uint32_t)res;
    if (s->imm & FOP_INT_FLAGS) {
        if (is64)
            cpu->nzcv = (s->imm & FOP_INT_SUB) ? flags_sub64(a, b, res)
                                               : flags_add64(a, b, res);
        else
            cpu->nzcv = (s->imm & FOP_INT_SUB)
                            ? flags_sub32((uint32_t)a, (uint32_t)b, (uint32_t)res)
                            : flags_add32((uint32_t)a, (uint32_t)b, (uint32_t)res);
    }
    SET_X(s->rd, res);
    NEXT();
}
op_CSINV: {
    uint64_t res = cond_holds(cpu, s->imm & 15)
                       ? reg[s->rn]
                       : ((s->imm & FOP_INT_SUB) ? -reg[s->rm] : ~reg[s->rm]);
    SET_X(s->rd, (s->imm & FOP_INT_X) ? res : (uint32_t)res);
    NEXT();
}
op_MRS_TPIDR:
    SET_X(s->rd, cpu->tpidr_el0);
    NEXT();

budget_at_slot:
    cpu->pc = SLOT_PC(s);
budget:
    SYNC_ICOUNT();
    return cpu->exit = CPU_EXIT_BUDGET;
#undef SLOT_PC
#undef SYNC_ICOUNT
#undef BRANCH_REL
#undef INDEXED_VA
#undef DISPATCH
#undef NEXT
#undef TAKEN
#undef JUMP_TO
#undef SET_X
}
