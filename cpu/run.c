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
    /* The bytes the slots were decoded from: seen[i] is slot i's encoding
     * wherever slot i is decoded (elsewhere, what the page held). A page
     * revived with the same bytes keeps all its slots after one memcmp. */
    uint32_t seen[CODE_SLOTS];
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
    /* Pages of the last drop (va -> struct code_page): revived, after a
     * check of their bytes, when their address runs again. */
    GHashTable *retired;
    /* Direct-mapped by page number, the address beside the page so a hit
     * costs one cache line (va CODE_RECENT_NONE: empty). */
    struct code_recent {
        uint64_t va;
        struct code_page *page;
    } recent[CODE_RECENT];
    struct code_page *free_list;            /* dropped pages, reused */
    struct decode_memo memo[DECODE_MEMO];
};

/* Not a page address (pages are 4 KB aligned). */
#define CODE_RECENT_NONE 1

static void code_recent_clear(struct cpu_code_cache *c)
{
    for (unsigned i = 0; i < CODE_RECENT; i++)
        c->recent[i] = (struct code_recent){ CODE_RECENT_NONE, NULL };
}

struct cpu_code_cache *code_cache_new(void)
{
    struct cpu_code_cache *c = g_new0(struct cpu_code_cache, 1);

    c->pages = g_hash_table_new(g_int64_hash, g_int64_equal);
    c->retired = g_hash_table_new(g_int64_hash, g_int64_equal);
    code_recent_clear(c);
    fastop_init();
    return c;
}

static void code_page_release(struct cpu_code_cache *c, struct code_page *p)
{
    p->stale = true;
    p->next_free = c->free_list;
    c->free_list = p;
}

/* Every cpu_tlb_flush drops the decoded pages: a snapshot for time travel
 * (one per million instructions or so), an mmap, munmap, mprotect or brk.
 * Mostly the same code comes back at the same addresses with the same
 * bytes, and decoding it all again cost more than the run (the memo probe
 * per slot): the dropped pages are kept aside as retired, and a page
 * revived from there keeps every slot whose encoding is still the one in
 * memory. Retired pages not revived by the next drop are reused. */
void code_cache_drop_all(struct cpu_state *cpu)
{
    struct cpu_code_cache *c = cpu->code;
    GHashTableIter it;
    gpointer value;

    /* Pages are only marked and queued, not freed: the run loop may be in
     * the middle of one. They are reused at the next block boundary. */
    g_hash_table_iter_init(&it, c->retired);
    while (g_hash_table_iter_next(&it, NULL, &value))
        code_page_release(c, value);
    g_hash_table_remove_all(c->retired);
    g_hash_table_iter_init(&it, c->pages);
    while (g_hash_table_iter_next(&it, NULL, &value)) {
        struct code_page *p = value;
        p->stale = true;
        g_hash_table_insert(c->retired, &p->va, p);
    }
    g_hash_table_remove_all(c->pages);
    code_recent_clear(c);
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
    g_hash_table_iter_init(&it, c->retired);
    while (g_hash_table_iter_next(&it, NULL, &value))
        g_free(value);
    g_hash_table_destroy(c->retired);
    while (c->free_list) {
        struct code_page *p = c->free_list;
        c->free_list = p->next_free;
        g_free(p);
    }
    g_free(c);
}

static inline struct code_page *code_cache_find(struct cpu_code_cache *c,
                                                uint64_t page_va)
{
    struct code_recent *r =
        &c->recent[(page_va >> CPU_PAGE_BITS) % CODE_RECENT];
    struct code_page *p;

    if (__builtin_expect(r->va == page_va, 1))
        return r->page;
    p = g_hash_table_lookup(c->pages, &page_va);
    if (p) {
        r->va = page_va;
        r->page = p;
    }
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
    /* The slot before the range too: it may be a compare fused with the
     * first instruction of the range (fastop.h, FOP_*_BC). */
    if ((lo & ~3ull) > p->va)
        lo -= 4;
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
    /* Retired pages too: a breakpoint set or removed while a page is
     * retired must be seen when it is revived. */
    if (pages > g_hash_table_size(c->pages) + g_hash_table_size(c->retired)) {
        /* A range larger than the cache (a guest may unmap terabytes):
         * visit the cached pages instead of the range's. */
        GHashTableIter it;
        gpointer value;
        g_hash_table_iter_init(&it, c->pages);
        while (g_hash_table_iter_next(&it, NULL, &value))
            code_page_invalidate(value, addr, end);
        g_hash_table_iter_init(&it, c->retired);
        while (g_hash_table_iter_next(&it, NULL, &value))
            code_page_invalidate(value, addr, end);
        return;
    }
    for (uint64_t page = addr & CPU_PAGE_MASK;; page += CPU_PAGE_SIZE) {
        struct code_page *p = code_cache_find(c, page);
        if (p)
            code_page_invalidate(p, addr, end);
        p = g_hash_table_lookup(c->retired, &page);
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

static uint32_t read_insn(const uint8_t *p)
{
    uint32_t insn;
    memcpy(&insn, p, 4);
    return insn;
}

/* The decoded page holding pc, created on first execution; NULL with the
 * exit set on a fetch fault. */
static struct code_page *code_page_new(struct cpu_state *cpu, uint64_t pc)
{
    struct cpu_code_cache *c = cpu->code;
    uint64_t page_va = pc & CPU_PAGE_MASK;
    struct code_page *p = g_hash_table_lookup(c->pages, &page_va);
    const uint8_t *host;
    struct cpu_tlb_entry *e;

    if (p) {
        c->recent[(page_va >> CPU_PAGE_BITS) % CODE_RECENT] =
            (struct code_recent){ page_va, p };
        return p;
    }
    host = fetch_page(cpu, page_va);
    if (!host) {
        set_insn_abort(cpu, pc);
        return NULL;
    }
    p = g_hash_table_lookup(c->retired, &page_va);
    if (p) {
        /* Revive a retired page: its decoded slots depend on the encoding
         * only, so those whose bytes are unchanged stay. */
        g_hash_table_remove(c->retired, &page_va);
        if (memcmp(p->seen, host, CPU_PAGE_SIZE) != 0) {
            /* A changed instruction also drops the slot before it (a
             * compare fused with it). */
            for (unsigned i = 0; i < CODE_SLOTS; i++)
                if (read_insn(host + i * 4) != p->seen[i]) {
                    p->slot[i].op = FOP_DECODE;
                    if (i > 0)
                        p->slot[i - 1].op = FOP_DECODE;
                }
            memcpy(p->seen, host, CPU_PAGE_SIZE);
        }
    } else {
        if (g_hash_table_size(c->pages) >= CODE_MAX_PAGES)
            code_cache_drop_all(cpu);
        if (c->free_list) {
            p = c->free_list;
            c->free_list = p->next_free;
        } else {
            p = g_new(struct code_page, 1);
        }
        p->va = page_va;
        memset(p->slot, 0, sizeof(p->slot));   /* FOP_DECODE */
        p->slot[CODE_SLOTS].op = FOP_PAGE_END;
        memcpy(p->seen, host, CPU_PAGE_SIZE);
    }
    p->host = host;
    p->stale = false;
    p->next_free = NULL;
    g_hash_table_insert(c->pages, &p->va, p);
    c->recent[(page_va >> CPU_PAGE_BITS) % CODE_RECENT] =
        (struct code_recent){ page_va, p };
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

/* The memo's decoded slot of an encoding (decoding it on a miss). */
static const struct code_slot *memo_slot(struct cpu_state *cpu, uint32_t insn)
{
    uint32_t h = (insn ^ (insn >> 11) ^ (insn >> 22)) % DECODE_MEMO;
    struct decode_memo *m = &cpu->code->memo[h];

    if (!m->slot.handler || m->slot.insn != insn) {
        const struct a64_pattern *row = a64_decode_row(insn);
        m->slot.insn = insn;
        m->slot.handler = row ? row->handler : a64_undef;
        fastop_select(&m->slot, row ? row->name : NULL);
    }
    return &m->slot;
}

/* Where a branch at slot idx to slot idx + delta lands. */
static unsigned branch_class(unsigned idx, int64_t delta)
{
    int64_t target = (int64_t)idx + delta;
    return target < 0 || target >= (int64_t)CODE_SLOTS ? FOP_BRANCH_OUT
           : target > (int64_t)idx                    ? FOP_BRANCH_FWD
                                                      : FOP_BRANCH_BACK;
}

/* Pairs that run as one operation, both in one page: a compare (SUBS)
 * and the B.cond after it, whose condition then comes from the compare's
 * flags without the round trip through cpu->nzcv or a second dispatch
 * (fastop.h, FOP_*_BC); an LDP of X registers and the BR or RET after it
 * (FOP_LDP_X_BR). Both instructions still retire one by one. Not with a
 * breakpoint on the second, which must stop there. The second's bytes are
 * recorded in seen[], as this slot's decode depends on them. */
static void slot_fuse_next(struct cpu_state *cpu, struct code_page *p,
                           unsigned idx)
{
    static const uint8_t fused[][2] = {
        { FOP_SUBSI_X, FOP_SUBSI_X_BC }, { FOP_SUBSI_W, FOP_SUBSI_W_BC },
        { FOP_SUBS_X, FOP_SUBS_X_BC }, { FOP_SUBS_W, FOP_SUBS_W_BC },
    };
    struct code_slot *s = &p->slot[idx];
    const struct code_slot *b;
    uint32_t next;
    unsigned i;

    if (idx + 1 >= CODE_SLOTS ||
        debug_has_breakpoint(cpu, p->va + (idx + 1) * 4ull))
        return;
    if (s->op == FOP_LDP_X) {
        next = read_insn(p->host + (idx + 1) * 4);
        b = memo_slot(cpu, next);
        if (b->op != FOP_BR)
            return;
        p->seen[idx + 1] = next;
        s->op = FOP_LDP_X_BR;
        s->imm = (s->imm & 0xffffffffull) | (uint64_t)b->rn << 56;
        return;
    }
    for (i = 0; i < G_N_ELEMENTS(fused) && fused[i][0] != s->op; i++)
        ;
    if (i == G_N_ELEMENTS(fused) || s->imm > FOP_BC_CMP_MASK)
        return;
    next = read_insn(p->host + (idx + 1) * 4);
    b = memo_slot(cpu, next);
    if (b->op != FOP_BCOND)
        return;
    p->seen[idx + 1] = next;
    int64_t delta = (int64_t)b->imm >> 2;
    s->op = fused[i][1];
    s->imm |= (uint64_t)b->rd << FOP_BC_COND_SHIFT |
              (uint64_t)branch_class(idx + 1, delta) << FOP_BC_CLASS_SHIFT |
              (uint64_t)delta << FOP_BC_DELTA_SHIFT;
}

/* A producer whose result the next slot reads gets its forwarding
 * variant (fastop.h, FOP_*_F). The next slot's bytes are recorded in
 * seen[] as for a fused pair: a change to them re-decodes this slot. */
static void slot_forward_next(struct cpu_state *cpu, struct code_page *p,
                              unsigned idx)
{
    struct code_slot *s = &p->slot[idx];
    uint32_t next;
    unsigned variant;

    if (idx + 1 >= CODE_SLOTS ||
        fastop_forward_variant(s->op) == FOP_GENERIC)
        return;
    next = read_insn(p->host + (idx + 1) * 4);
    variant = fastop_forward_pair(s, memo_slot(cpu, next));
    if (variant == FOP_GENERIC)
        return;
    p->seen[idx + 1] = next;
    s->op = (uint8_t)variant;
}

static void slot_decode(struct cpu_state *cpu, struct code_page *p,
                        unsigned idx)
{
    struct code_slot *s = &p->slot[idx];
    uint64_t va = p->va + idx * 4ull;
    uint32_t insn = read_insn(p->host + idx * 4);

    p->seen[idx] = insn;
    if (debug_has_breakpoint(cpu, va)) {
        s->insn = insn;
        s->handler = trans_debug_breakpoint;
        s->op = FOP_GENERIC;
        return;
    }
    *s = *memo_slot(cpu, insn);
    if (s->op == FOP_BCOND)
        s->op = (uint8_t)fastop_bcond_variant(s->rd);
    /* ADR and ADRP give a constant once the address is known. */
    if (s->op == FOP_ADR || s->op == FOP_ADRP) {
        s->imm += s->op == FOP_ADR ? va : va & ~0xfffull;
        s->op = FOP_MOVI;
    }
    /* Where a branch lands depends on the address: known here. */
    if (fastop_is_rel_branch(s->op))
        s->rm = (uint8_t)branch_class(idx, (int64_t)s->imm >> 2);
    else
        slot_fuse_next(cpu, p, idx);
    slot_forward_next(cpu, p, idx);
}

static inline struct code_page *code_page_for(struct cpu_state *cpu,
                                             uint64_t pc)
{
    struct cpu_code_cache *c = cpu->code;
    uint64_t page_va = pc & CPU_PAGE_MASK;
    struct code_recent *r =
        &c->recent[(page_va >> CPU_PAGE_BITS) % CODE_RECENT];

    if (__builtin_expect(r->va == page_va, 1))
        return r->page;
    return code_page_new(cpu, pc);
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

/* Flags of the add or subtract (sub) r = a +/- b at 64 or 32 bits
 * (is64), for the forms that choose at run time. */
static inline uint32_t flags_addsub(uint64_t a, uint64_t b, uint64_t r,
                                    bool sub, bool is64)
{
    if (is64)
        return sub ? flags_sub64(a, b, r) : flags_add64(a, b, r);
    return sub ? flags_sub32((uint32_t)a, (uint32_t)b, (uint32_t)r)
               : flags_add32((uint32_t)a, (uint32_t)b, (uint32_t)r);
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

/* R = X OP Y lane by lane at element size FOP_VEC_SIZE(IMM), the lanes
 * being the union's fields L8..L64 (b h s d unsigned, sb sh ss sd
 * signed). A statement. */
#define VEC_LANES(R, X, Y, OP, IMM, L8, L16, L32, L64)                  \
    switch (FOP_VEC_SIZE(IMM)) {                                        \
    case 0: (R).L8 = (X).L8 OP (Y).L8; break;                           \
    case 1: (R).L16 = (X).L16 OP (Y).L16; break;                        \
    case 2: (R).L32 = (X).L32 OP (Y).L32; break;                        \
    default: (R).L64 = (X).L64 OP (Y).L64; break;                       \
    }

/* Lane-wise a OP b at element size FOP_VEC_SIZE(imm). */
#define VEC_INT_OP(R, X, Y, OP, IMM)                                    \
    do {                                                                \
        VEC_LANES(R, X, Y, OP, IMM, b, h, s, d)                         \
    } while (0)

/* The same with signed lanes when imm has FOP_VEC_SIGNED. */
#define VEC_SINT_OP(R, X, Y, OP, IMM)                                   \
    do {                                                                \
        if ((IMM) & FOP_VEC_SIGNED) {                                   \
            VEC_LANES(R, X, Y, OP, IMM, sb, sh, ss, sd)                 \
        } else {                                                        \
            VEC_LANES(R, X, Y, OP, IMM, b, h, s, d)                     \
        }                                                               \
    } while (0)

/* R = X OP amount on every lane, the amount cast to the lane's type
 * (T8..T64) as a vector shift by a scalar needs. A statement. */
#define VEC_SHIFT_LANES(R, X, OP, AMOUNT, IMM, L8, L16, L32, L64,       \
                        T8, T16, T32, T64)                              \
    switch (FOP_VEC_SIZE(IMM)) {                                        \
    case 0: (R).L8 = (X).L8 OP (T8)(AMOUNT); break;                     \
    case 1: (R).L16 = (X).L16 OP (T16)(AMOUNT); break;                  \
    case 2: (R).L32 = (X).L32 OP (T32)(AMOUNT); break;                  \
    default: (R).L64 = (X).L64 OP (T64)(AMOUNT); break;                 \
    }

/* Shift every lane by `amount` (a signed right shift for FOP_VEC_SIGNED
 * when OP is >>). */
#define VEC_SHIFT_OP(R, X, OP, AMOUNT, IMM)                             \
    do {                                                                \
        if ((IMM) & FOP_VEC_SIGNED) {                                   \
            VEC_SHIFT_LANES(R, X, OP, AMOUNT, IMM, sb, sh, ss, sd,      \
                            int8_t, int16_t, int32_t, int64_t)          \
        } else {                                                        \
            VEC_SHIFT_LANES(R, X, OP, AMOUNT, IMM, b, h, s, d,          \
                            uint8_t, uint16_t, uint32_t, uint64_t)      \
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

/* Two vectors' lanes picked by constant indices (0.. from a, then b):
 * GCC's __builtin_shuffle takes a mask vector, clang's
 * __builtin_shufflevector the indices (clang builds the fuzz targets). */
#if defined(__clang__)
#define VEC_SHUFFLE2(mask_type, a, b, ...) \
    __builtin_shufflevector(a, b, __VA_ARGS__)
#else
#define VEC_SHUFFLE2(mask_type, a, b, ...) \
    __builtin_shuffle(a, b, (mask_type){ __VA_ARGS__ })
#endif

/* Lanes 0, 2, 4 ... and 1, 3, 5 ... of the 256-bit vector a:b. */
static inline void vec_unzip(union vreg a, union vreg b, uint64_t imm,
                             union vreg *even, union vreg *odd)
{
    switch (FOP_VEC_SIZE(imm)) {
    case 0:
        even->b = VEC_SHUFFLE2(vec_u8, a.b, b.b, 0, 2, 4, 6, 8, 10, 12, 14,
                               16, 18, 20, 22, 24, 26, 28, 30);
        odd->b = VEC_SHUFFLE2(vec_u8, a.b, b.b, 1, 3, 5, 7, 9, 11, 13, 15,
                              17, 19, 21, 23, 25, 27, 29, 31);
        break;
    case 1:
        even->h = VEC_SHUFFLE2(vec_u16, a.h, b.h, 0, 2, 4, 6, 8, 10, 12, 14);
        odd->h = VEC_SHUFFLE2(vec_u16, a.h, b.h, 1, 3, 5, 7, 9, 11, 13, 15);
        break;
    case 2:
        even->s = VEC_SHUFFLE2(vec_u32, a.s, b.s, 0, 2, 4, 6);
        odd->s = VEC_SHUFFLE2(vec_u32, a.s, b.s, 1, 3, 5, 7);
        break;
    default:
        even->d = VEC_SHUFFLE2(vec_u64, a.d, b.d, 0, 2);
        odd->d = VEC_SHUFFLE2(vec_u64, a.d, b.d, 1, 3);
        break;
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
#define FWD_LABEL(name) [FOP_##name] = &&fwd_##name,                    \
                        [FOP_##name##_F] = &&fwd_##name##_F,
    static const void *const dispatch[FOP_COUNT] = { FOP_LIST(FOP_LABEL) };
    /* The next slot after a forwarding producer (FOP_*_F): a consumer's
     * variant that takes the operand from fwd; every other operation as
     * in dispatch (its operands are in the register file). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
    static const void *const fwd_dispatch[FOP_COUNT] = {
        FOP_LIST(FOP_LABEL)
        FOP_FWD_RN_CONSUMERS(FWD_LABEL)
        FOP_FWD_RM_CONSUMERS(FWD_LABEL)
    };
#pragma GCC diagnostic pop
#undef FOP_LABEL
#undef FWD_LABEL
    /* X0..X30, XZR (x[31], kept zero) and SP as one array (fastop.h). */
    uint64_t *const reg = (uint64_t *)cpu;
    uint64_t remaining = max_insns;
    /* The value a forwarding producer just wrote to its Rd (FOP_*_F). */
    uint64_t fwd = 0;
    /* Lazy flags: a compare (SUBS, CMP) leaves its operands instead of
     * NZCV, as 64-bit values with a W operation's operands in the upper
     * half, where a 64-bit subtraction sets exactly the 32-bit one's
     * flags. A B.cond on a compare's condition compares them directly
     * (FOP_BCOND_*); everything else that reads or writes NZCV, every
     * handler and every exit from the loop first writes cpu->nzcv
     * (FLAGS_SYNC) or drops them (a full write of NZCV). */
    bool lz = false;
    uint64_t lz_a = 0, lz_b = 0;
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
#define FLAGS_SYNC()                                                    \
    do {                                                                \
        if (lz) {                                                       \
            cpu->nzcv = flags_sub64(lz_a, lz_b, lz_a - lz_b);           \
            lz = false;                                                 \
        }                                                               \
    } while (0)
#define COND(c) ({ FLAGS_SYNC(); cond_holds(cpu, (c)); })
/* NZCV as an lvalue: writing all of the flags drops lazy ones. */
#define NZCV (*(lz = false, &cpu->nzcv))
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
/* NEXT for a forwarding producer: the next slot's operation, one of the
 * consumers of v if decoding found it so, goes through fwd_dispatch. */
#define NEXT_FWD(v)                                                     \
    do {                                                                \
        fwd = (v);                                                      \
        s++;                                                            \
        if (__builtin_expect(--remaining == 0, 0))                      \
            goto budget_at_slot;                                        \
        goto *fwd_dispatch[s->op];                                      \
    } while (0)
/* The end of a forwarding entry point: plain or forwarding v. */
#define FIN_PLAIN(v) NEXT()
#define FIN_FWD(v) NEXT_FWD(v)
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
 * without computing or storing pc. A forward branch in the page needs no
 * check of the exit request or of staleness: it is no different from
 * falling through slots (NEXT), and every loop inside a page takes a
 * backward branch, which checks both. */
#define BRANCH_TO(delta, cls)                                           \
    do {                                                                \
        int64_t delta_ = (delta);                                       \
        unsigned cls_ = (cls);                                          \
        if (__builtin_expect(--remaining == 0, 0)) {                    \
            cpu->pc = SLOT_PC(s) + (uint64_t)delta_ * 4;                \
            goto budget;                                                \
        }                                                               \
        if (cls_ == FOP_BRANCH_FWD ||                                   \
            (cls_ == FOP_BRANCH_BACK && !cpu->exit_request &&           \
             !p->stale)) {                                              \
            s += delta_;                                                \
            DISPATCH();                                                 \
        }                                                               \
        cpu->pc = SLOT_PC(s) + (uint64_t)delta_ * 4;                    \
        goto next_block;                                                \
    } while (0)
#define BRANCH_REL() BRANCH_TO((int64_t)s->imm >> 2, s->rm)
/* The B.cond half of a fused compare (FOP_*_BC): the compare has set the
 * flags f and retires here; the B.cond runs from its own slot's address
 * with the fused slot's condition and target. With one instruction left
 * in the budget only the compare runs. */
#define FUSED_BCOND(f)                                                  \
    do {                                                                \
        uint64_t imm_ = s->imm;                                         \
        if (__builtin_expect(remaining < 2, 0))                         \
            NEXT();                                                     \
        remaining--;                                                    \
        s++;                                                            \
        if ((fop_cond_table[FOP_BC_COND(imm_)] >> ((f) >> 28)) & 1)     \
            BRANCH_TO(FOP_BC_DELTA(imm_), FOP_BC_CLASS(imm_));          \
        NEXT();                                                         \
    } while (0)
/* Write a register where 31 means XZR: x[31] is rezeroed. The flag-
 * setting operations (CMP, CMN, TST are their XZR forms) need this; for
 * the others fastop_select never leaves rd (or a pair's rm) at 31, the
 * handler runs those, and SET_XN writes without the extra store. */
#define SET_XN(n, v) (reg[n] = (v))
#define SET_X(n, v)                                                     \
    do {                                                                \
        reg[n] = (v);                                                   \
        cpu->x[31] = 0;                                                 \
    } while (0)

next_block:
    SYNC_ICOUNT();
    FLAGS_SYNC();
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
    FLAGS_SYNC();
    r = s->handler(cpu, s->insn);
    if (__builtin_expect(r == A64_NEXT, 1))
        NEXT();
    if (r != A64_JUMP)
        return cpu->exit;   /* pc and icount as the handler left them */
    TAKEN();

    /* --- data processing ---------------------------------------------- */
/* Rd = RESULT, A being Rn's value: the four entry points of an integer
 * operation that forwards and consumes (fastop.h, FOP_FWD_*): op_NAME
 * reads Rn from the register file, op_NAME_F also forwards its result,
 * fwd_NAME and fwd_NAME_F take Rn from the previous slot's fwd. */
#define ALU_DEF(NAME, RESULT) ALU_DEF_ON(NAME, rn, RESULT)
/* The same with A the value of register operand FIELD (rn or rm). */
#define ALU_DEF_ON(NAME, FIELD, RESULT)                                 \
op_##NAME: { const uint64_t A = reg[s->FIELD], v_ = (RESULT);           \
             reg[s->rd] = v_; NEXT(); }                                 \
op_##NAME##_F: { const uint64_t A = reg[s->FIELD], v_ = (RESULT);       \
                 reg[s->rd] = v_; NEXT_FWD(v_); }                       \
fwd_##NAME: { const uint64_t A = fwd, v_ = (RESULT);                    \
              reg[s->rd] = v_; NEXT(); }                                \
fwd_##NAME##_F: { const uint64_t A = fwd, v_ = (RESULT);                \
                  reg[s->rd] = v_; NEXT_FWD(v_); }
    ALU_DEF(ADDI_X, A + s->imm)
    ALU_DEF(ADDI_W, (uint32_t)(A + s->imm))
    /* Flag-setting adds and subtracts, Rn op B: a compare leaves its
     * flags lazy (lz, the 32-bit operands in the top halves so that the
     * 64-bit flag rules give the 32-bit flags); an add computes them. */
#define SUBS_X_OP(NAME, B)                                              \
op_##NAME: {                                                            \
    uint64_t a = reg[s->rn], b = (B);                                   \
    lz_a = a;                                                           \
    lz_b = b;                                                           \
    lz = true;                                                          \
    SET_X(s->rd, a - b);                                                \
    NEXT();                                                             \
}
#define SUBS_W_OP(NAME, B)                                              \
op_##NAME: {                                                            \
    uint32_t a = (uint32_t)reg[s->rn], b = (uint32_t)(B);               \
    lz_a = (uint64_t)a << 32;                                           \
    lz_b = (uint64_t)b << 32;                                           \
    lz = true;                                                          \
    SET_X(s->rd, (uint32_t)(a - b));                                    \
    NEXT();                                                             \
}
#define ADDS_X_OP(NAME, B)                                              \
op_##NAME: {                                                            \
    uint64_t a = reg[s->rn], b = (B), res = a + b;                      \
    NZCV = flags_add64(a, b, res);                                      \
    SET_X(s->rd, res);                                                  \
    NEXT();                                                             \
}
#define ADDS_W_OP(NAME, B)                                              \
op_##NAME: {                                                            \
    uint32_t a = (uint32_t)reg[s->rn], b = (uint32_t)(B), res = a + b;  \
    NZCV = flags_add32(a, b, res);                                      \
    SET_X(s->rd, res);                                                  \
    NEXT();                                                             \
}
    SUBS_X_OP(SUBSI_X, s->imm)
    SUBS_W_OP(SUBSI_W, s->imm)
    ADDS_X_OP(ADDSI_X, s->imm)
    ADDS_W_OP(ADDSI_W, s->imm)
op_MOVI:
    SET_XN(s->rd, s->imm);
    NEXT();
op_MOVI_F:
    SET_XN(s->rd, s->imm);
    NEXT_FWD(s->imm);
op_MOVK_X:
    SET_XN(s->rd, (reg[s->rd] & ~(0xffffull << s->rm)) | s->imm);
    NEXT();
op_MOVK_W:
    SET_XN(s->rd, (uint32_t)((reg[s->rd] & ~(0xffffull << s->rm)) | s->imm));
    NEXT();

#define LOGIC_OPS(NAME, OP)                                             \
    ALU_DEF(NAME##_X, A OP (reg[s->rm] << s->imm))                      \
    ALU_DEF(NAME##_W, (uint32_t)(A OP (reg[s->rm] << s->imm)))          \
    ALU_DEF(NAME##LSR_X, A OP (reg[s->rm] >> s->imm))                   \
    ALU_DEF(NAME##LSR_W,                                                \
            (uint32_t)(A OP ((uint32_t)reg[s->rm] >> s->imm)))
    LOGIC_OPS(AND, &)
    LOGIC_OPS(ORR, |)
    LOGIC_OPS(EOR, ^)
#undef LOGIC_OPS

    ALU_DEF_ON(MOV_X, rm, A)
    ALU_DEF_ON(MOV_W, rm, (uint32_t)A)
    ALU_DEF(ADD_X, A + (reg[s->rm] << s->imm))
    ALU_DEF(ADD_W, (uint32_t)(A + (reg[s->rm] << s->imm)))
    ALU_DEF(SUB_X, A - (reg[s->rm] << s->imm))
    ALU_DEF(SUB_W, (uint32_t)(A - (reg[s->rm] << s->imm)))
    SUBS_X_OP(SUBS_X, reg[s->rm] << s->imm)
    SUBS_W_OP(SUBS_W, reg[s->rm] << s->imm)
    ADDS_X_OP(ADDS_X, reg[s->rm] << s->imm)
    ADDS_W_OP(ADDS_W, reg[s->rm] << s->imm)
#undef SUBS_X_OP
#undef SUBS_W_OP
#undef ADDS_X_OP
#undef ADDS_W_OP
    /* Compares fused with the B.cond after them (slot_fuse_compare):
     * the flags are needed at once, so they are computed, not lazy. */
#define SUBS_BC_OP(NAME, T, FLAGS, B)                                   \
op_##NAME: {                                                            \
    T a = (T)reg[s->rn], b = (T)(B), res = a - b;                       \
    uint32_t f = FLAGS(a, b, res);                                      \
    NZCV = f;                                                           \
    SET_X(s->rd, res);                                                  \
    FUSED_BCOND(f);                                                     \
}
    SUBS_BC_OP(SUBSI_X_BC, uint64_t, flags_sub64, s->imm & FOP_BC_CMP_MASK)
    SUBS_BC_OP(SUBSI_W_BC, uint32_t, flags_sub32, s->imm & FOP_BC_CMP_MASK)
    SUBS_BC_OP(SUBS_X_BC, uint64_t, flags_sub64, reg[s->rm] << (s->imm & 63))
    SUBS_BC_OP(SUBS_W_BC, uint32_t, flags_sub32, reg[s->rm] << (s->imm & 63))
#undef SUBS_BC_OP
    ALU_DEF(UBFM_X, ((A << FOP_BFM_LEFT(s->imm)) >> FOP_BFM_RIGHT(s->imm))
                    << FOP_BFM_UP(s->imm))
    ALU_DEF(UBFM_W, (uint32_t)((((uint64_t)(uint32_t)A
                                 << FOP_BFM_LEFT(s->imm)) >>
                                FOP_BFM_RIGHT(s->imm)) << FOP_BFM_UP(s->imm)))
    ALU_DEF(SBFM_X, (uint64_t)((int64_t)(A << FOP_BFM_LEFT(s->imm)) >>
                               FOP_BFM_RIGHT(s->imm)) << FOP_BFM_UP(s->imm))
    ALU_DEF(SBFM_W, (uint32_t)((uint64_t)((int64_t)((uint64_t)(uint32_t)A
                                                    << FOP_BFM_LEFT(s->imm)) >>
                                          FOP_BFM_RIGHT(s->imm))
                               << FOP_BFM_UP(s->imm)))
    ALU_DEF(MADD_X, reg[s->imm] + A * reg[s->rm])
    ALU_DEF(MADD_W, (uint32_t)(reg[s->imm] + A * reg[s->rm]))
op_CSEL_X:
    SET_XN(s->rd, COND((unsigned)s->imm) ? reg[s->rn] : reg[s->rm]);
    NEXT();
op_CSEL_W:
    SET_XN(s->rd, (uint32_t)(COND((unsigned)s->imm) ? reg[s->rn]
                                                              : reg[s->rm]));
    NEXT();
op_CSINC_X:
    SET_XN(s->rd, COND((unsigned)s->imm) ? reg[s->rn]
                                                   : reg[s->rm] + 1);
    NEXT();
op_CSINC_W:
    SET_XN(s->rd, (uint32_t)(COND((unsigned)s->imm)
                                ? reg[s->rn] : reg[s->rm] + 1));
    NEXT();

    /* --- branches ------------------------------------------------------ */
op_B:
    BRANCH_REL();
op_BL:
    cpu->x[30] = SLOT_PC(s) + 4;
    BRANCH_REL();
op_BCOND:
    if (COND(s->rd))
        BRANCH_REL();
    NEXT();
/* B.cond on a condition a compare decides (fastop.h, FOP_BCOND_*): from
 * the lazy operands when there are some. The odd condition of each pair
 * is the even one's negation. */
#define BCOND_CMP(NAME, HOLDS)                                          \
op_##NAME:                                                              \
    if (lz ? (HOLDS) != (s->rd & 1) : cond_holds(cpu, s->rd))           \
        BRANCH_REL();                                                   \
    NEXT();
    BCOND_CMP(BCOND_EQ, lz_a == lz_b)
    BCOND_CMP(BCOND_HS, lz_a >= lz_b)
    BCOND_CMP(BCOND_HI, lz_a > lz_b)
    BCOND_CMP(BCOND_GE, (int64_t)lz_a >= (int64_t)lz_b)
    BCOND_CMP(BCOND_GT, (int64_t)lz_a > (int64_t)lz_b)
#undef BCOND_CMP
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
/* A load of TYPE from VA into Rd, extended as EXT (a zero extension
 * for the unsigned types, a sign extension to 32 or 64 bits for the
 * signed ones), ending in FINISH (FIN_PLAIN or FIN_FWD); the slow path
 * is the handler's, from the register file. */
#define LOAD_EXT_BODY(TYPE, EXT, VA, FINISH)                            \
{                                                                       \
    uint64_t va = (VA);                                                 \
    const struct cpu_tlb_entry *e = cpu_tlb_entry_for(cpu, va);        \
    const void *host = tlb_hit(e->read_tag, e, va, sizeof(TYPE));       \
    TYPE v;                                                             \
    if (!host)                                                          \
        goto op_GENERIC;                                                \
    memcpy(&v, host, sizeof(v));                                        \
    SET_XN(s->rd, (EXT)v);                                              \
    FINISH((uint64_t)(EXT)v);                                           \
}
#define LOAD_BODY(TYPE, VA, FINISH) LOAD_EXT_BODY(TYPE, uint64_t, VA, FINISH)
#define LOAD_OP(NAME, TYPE)                                             \
op_##NAME: LOAD_BODY(TYPE, reg[s->rn] + s->imm, FIN_PLAIN)
/* The forwarding entry points of a load whose base (Rn) is forwarded. */
#define LOAD_FWD_OP(NAME, TYPE)                                         \
    LOAD_OP(NAME, TYPE)                                                 \
op_##NAME##_F: LOAD_BODY(TYPE, reg[s->rn] + s->imm, FIN_FWD)             \
fwd_##NAME: LOAD_BODY(TYPE, fwd + s->imm, FIN_PLAIN)                    \
fwd_##NAME##_F: LOAD_BODY(TYPE, fwd + s->imm, FIN_FWD)
/* A store of Rd's low TYPE at VA; the slow path is the handler's. */
#define STORE_BODY(TYPE, VA)                                            \
{                                                                       \
    uint64_t va = (VA);                                                 \
    const struct cpu_tlb_entry *e = cpu_tlb_entry_for(cpu, va);        \
    void *host = tlb_hit(e->write_tag, e, va, sizeof(TYPE));            \
    TYPE v = (TYPE)reg[s->rd];                                          \
    if (!host)                                                          \
        goto op_GENERIC;                                                \
    memcpy(host, &v, sizeof(v));                                        \
    NEXT();                                                             \
}
#define STORE_OP(NAME, TYPE)                                            \
op_##NAME: STORE_BODY(TYPE, reg[s->rn] + s->imm)
    LOAD_FWD_OP(LDR_X, uint64_t)
    LOAD_FWD_OP(LDR_W, uint32_t)
    LOAD_OP(LDRH, uint16_t)
    LOAD_FWD_OP(LDRB, uint8_t)
    STORE_OP(STR_X, uint64_t)
    STORE_OP(STR_W, uint32_t)
    STORE_OP(STRH, uint16_t)
    STORE_OP(STRB, uint8_t)
#undef LOAD_OP
#undef LOAD_FWD_OP
#undef STORE_OP

    /* Integer pairs: one access of twice the size; FOP_PAIR_MODE 1 is
     * post-index, 2 no writeback. */
#define LDP_OP(NAME, TYPE)                                              \
op_##NAME: {                                                            \
    uint64_t base = reg[s->rn], offset = (uint64_t)FOP_PAIR_OFFSET(s->imm);\
    unsigned mode = FOP_PAIR_MODE(s->imm);                              \
    uint64_t va = mode == 1 ? base : base + offset;                     \
    const struct cpu_tlb_entry *e = cpu_tlb_entry_for(cpu, va);        \
    const uint8_t *host = tlb_hit(e->read_tag, e, va, 2 * sizeof(TYPE));\
    TYPE a, b;                                                          \
    if (!host)                                                          \
        goto op_GENERIC;                                                \
    memcpy(&a, host, sizeof(TYPE));                                     \
    memcpy(&b, host + sizeof(TYPE), sizeof(TYPE));                      \
    SET_XN(s->rd, a);                                                   \
    SET_XN(s->rm, b);                                                   \
    if (mode != 2)                                                      \
        reg[s->rn] = base + offset;                                     \
    NEXT();                                                             \
}
#define STP_OP(NAME, TYPE)                                              \
op_##NAME: {                                                            \
    uint64_t base = reg[s->rn], offset = (uint64_t)FOP_PAIR_OFFSET(s->imm);\
    unsigned mode = FOP_PAIR_MODE(s->imm);                              \
    uint64_t va = mode == 1 ? base : base + offset;                     \
    const struct cpu_tlb_entry *e = cpu_tlb_entry_for(cpu, va);        \
    uint8_t *host = tlb_hit(e->write_tag, e, va, 2 * sizeof(TYPE));     \
    TYPE a = (TYPE)reg[s->rd], b = (TYPE)reg[s->rm];                    \
    if (!host)                                                          \
        goto op_GENERIC;                                                \
    memcpy(host, &a, sizeof(TYPE));                                     \
    memcpy(host + sizeof(TYPE), &b, sizeof(TYPE));                      \
    if (mode != 2)                                                      \
        reg[s->rn] = base + offset;                                     \
    NEXT();                                                             \
}
    LDP_OP(LDP_X, uint64_t)
/* LDP X fused with the BR/RET after it (slot_fuse_next): the epilogue's
 * "ldp x29, x30, [sp], #16; ret" jumps to the loaded x30 without reading
 * it back from the register file. Each retires on its own. */
op_LDP_X_BR: {
    uint64_t pair = FOP_LDPBR_PAIR(s->imm);
    uint64_t base = reg[s->rn], offset = (uint64_t)FOP_PAIR_OFFSET(pair);
    unsigned mode = FOP_PAIR_MODE(pair), target_reg = FOP_LDPBR_REG(s->imm);
    uint64_t va = mode == 1 ? base : base + offset;
    const struct cpu_tlb_entry *e = cpu_tlb_entry_for(cpu, va);
    const uint8_t *host = tlb_hit(e->read_tag, e, va, 16);
    uint64_t a, b, target;
    if (!host)
        goto op_GENERIC;
    memcpy(&a, host, 8);
    memcpy(&b, host + 8, 8);
    SET_XN(s->rd, a);
    SET_XN(s->rm, b);
    if (mode != 2)
        reg[s->rn] = base + offset;
    if (__builtin_expect(remaining < 2, 0))
        NEXT();
    target = target_reg == s->rm ? b
             : target_reg == s->rd ? a : reg[target_reg];
    remaining--;
    s++;
    JUMP_TO(a64_branch_target(target));
}
    STP_OP(STP_X, uint64_t)

/* Pre/post-index loads forward the loaded value (never when Rd is the
 * base: fastop_forward_pair). */
#define LOAD_WB_BODY(TYPE, FINISH)                                      \
{                                                                       \
    uint64_t base = reg[s->rn], offset = (uint64_t)FOP_PAIR_OFFSET(s->imm);\
    uint64_t va = FOP_PAIR_MODE(s->imm) == 1 ? base : base + offset;    \
    const struct cpu_tlb_entry *e = cpu_tlb_entry_for(cpu, va);        \
    const void *host = tlb_hit(e->read_tag, e, va, sizeof(TYPE));       \
    TYPE v;                                                             \
    if (!host)                                                          \
        goto op_GENERIC;                                                \
    memcpy(&v, host, sizeof(v));                                        \
    SET_XN(s->rd, v);                                                    \
    reg[s->rn] = base + offset;                                         \
    FINISH((uint64_t)v);                                                \
}
#define LOAD_WB_OP(NAME, TYPE)                                          \
op_##NAME: LOAD_WB_BODY(TYPE, FIN_PLAIN)                                 \
op_##NAME##_F: LOAD_WB_BODY(TYPE, FIN_FWD)
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
#undef LOAD_WB_BODY
#undef STORE_WB_OP

/* base + extend(index) << shift (the register-offset forms' address;
 * the index is Rm's value). */
#define INDEXED_VA_OF(INDEX)                                            \
    (reg[s->rn] + (((s->imm & FOP_INDEX_UXTW)                           \
                        ? (uint64_t)(uint32_t)(INDEX)                   \
                    : (s->imm & FOP_INDEX_SXTW)                         \
                        ? (uint64_t)(int64_t)(int32_t)(INDEX)           \
                        : (INDEX)) << (s->imm & 7)))
#define INDEXED_VA() INDEXED_VA_OF(reg[s->rm])
/* Register-offset loads forward the loaded value and take a forwarded
 * index (a table lookup: "and x0, x0, #0xff; ldr w0, [x7, x0, lsl #2]"). */
#define LOAD_REG_OP(NAME, TYPE)                                         \
op_##NAME: LOAD_BODY(TYPE, INDEXED_VA(), FIN_PLAIN)                     \
op_##NAME##_F: LOAD_BODY(TYPE, INDEXED_VA(), FIN_FWD)                   \
fwd_##NAME: LOAD_BODY(TYPE, INDEXED_VA_OF(fwd), FIN_PLAIN)              \
fwd_##NAME##_F: LOAD_BODY(TYPE, INDEXED_VA_OF(fwd), FIN_FWD)
#define STORE_REG_OP(NAME, TYPE)                                        \
op_##NAME: STORE_BODY(TYPE, INDEXED_VA())
    LOAD_REG_OP(LDR_X_REG, uint64_t)
    LOAD_REG_OP(LDR_W_REG, uint32_t)
    LOAD_REG_OP(LDRB_REG, uint8_t)
    STORE_REG_OP(STR_X_REG, uint64_t)
    STORE_REG_OP(STR_W_REG, uint32_t)
    STORE_REG_OP(STRB_REG, uint8_t)
    STORE_REG_OP(STRH_REG, uint16_t)
#undef LOAD_REG_OP
#undef LOAD_BODY
#undef STORE_BODY
#undef STORE_REG_OP

    /* Logical (immediate): rm is 1 for the 64-bit forms. */
    ALU_DEF(ANDI, s->rm ? A & s->imm : (uint32_t)(A & s->imm))
    ALU_DEF(ORRI, s->rm ? A | s->imm : (uint32_t)(A | s->imm))
    ALU_DEF(EORI, s->rm ? A ^ s->imm : (uint32_t)(A ^ s->imm))
op_ANDSI: {
    uint64_t res = reg[s->rn] & s->imm;
    if (s->rm)
        NZCV = a64_nz_flags(res, true);
    else
        NZCV = a64_nz_flags(res = (uint32_t)res, false);
    SET_X(s->rd, res);
    NEXT();
}

    /* --- sign-extending loads, halfword register offset, W pairs ------ */
#define SLOAD_OP(NAME, TYPE, EXT, VA)                                   \
op_##NAME: LOAD_EXT_BODY(TYPE, EXT, VA, FIN_PLAIN)
    SLOAD_OP(LDRSW, int32_t, uint64_t, reg[s->rn] + s->imm)
    SLOAD_OP(LDRSH_X, int16_t, uint64_t, reg[s->rn] + s->imm)
    SLOAD_OP(LDRSH_W, int16_t, uint32_t, reg[s->rn] + s->imm)
    SLOAD_OP(LDRSB_X, int8_t, uint64_t, reg[s->rn] + s->imm)
    SLOAD_OP(LDRSB_W, int8_t, uint32_t, reg[s->rn] + s->imm)
    SLOAD_OP(LDRSW_REG, int32_t, uint64_t, INDEXED_VA())
    SLOAD_OP(LDRH_REG, uint16_t, uint64_t, INDEXED_VA())
#undef SLOAD_OP
#undef LOAD_EXT_BODY
    LDP_OP(LDP_W, uint32_t)
    STP_OP(STP_W, uint32_t)
#undef LDP_OP
#undef STP_OP

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
/* op_NAME: r = RESULT in the fast FP mode, kept when CHECK finds
 * nothing for the handler to do (no exception flag, NaN or denormal);
 * otherwise the handler computes it. */
#define FP_FAST_OP(NAME, T, BITS, CHECK, RESULT)                        \
op_##NAME:                                                              \
    if (fpu_fast_mode(cpu)) {                                           \
        T r = (RESULT);                                                 \
        if (__builtin_expect(CHECK(r), 1)) {                            \
            zreg_write(cpu, s->rd, BITS(r), 0);                         \
            NEXT();                                                     \
        }                                                               \
    }                                                                   \
    goto op_GENERIC;
#define FP_BINOP(NAME, T, GET, BITS, CHECK, OP)                         \
    FP_FAST_OP(NAME, T, BITS, CHECK, GET(cpu, s->rn) OP GET(cpu, s->rm))
    FP_BINOP(FADD_S, float, zreg_f32, f32_bits, fpu32_fast_result, +)
    FP_BINOP(FSUB_S, float, zreg_f32, f32_bits, fpu32_fast_result, -)
    FP_BINOP(FMUL_S, float, zreg_f32, f32_bits, fpu32_fast_result, *)
    FP_BINOP(FDIV_S, float, zreg_f32, f32_bits, fpu32_fast_result, /)
    FP_BINOP(FADD_D, double, zreg_f64, f64_bits, fpu64_fast_result, +)
    FP_BINOP(FSUB_D, double, zreg_f64, f64_bits, fpu64_fast_result, -)
    FP_BINOP(FMUL_D, double, zreg_f64, f64_bits, fpu64_fast_result, *)
    FP_BINOP(FDIV_D, double, zreg_f64, f64_bits, fpu64_fast_result, /)
#undef FP_BINOP
/* FMADD, FMSUB, FNMADD, FNMSUB: one rounding, the negations folded in. */
#define FP_MADD(NAME, T, GET, BITS, CHECK, FMA)                         \
    FP_FAST_OP(NAME, T, BITS, CHECK, ({                                 \
        T n = GET(cpu, s->rn), m = GET(cpu, s->rm);                     \
        T a = GET(cpu, (unsigned)s->imm & 31);                          \
        FMA((s->imm & FOP_FP_NEG_N) ? -n : n, m,                        \
            (s->imm & FOP_FP_NEG_A) ? -a : a);                          \
    }))
    FP_MADD(FMADD_S, float, zreg_f32, f32_bits, fpu32_fast_result, fmaf)
    FP_MADD(FMADD_D, double, zreg_f64, f64_bits, fpu64_fast_result, fma)
#undef FP_MADD
    FP_FAST_OP(FSQRT_S, float, f32_bits, fpu32_fast_result,
               sqrtf(zreg_f32(cpu, s->rn)))
    FP_FAST_OP(FSQRT_D, double, f64_bits, fpu64_fast_result,
               sqrt(zreg_f64(cpu, s->rn)))
#undef FP_FAST_OP
    /* Compares raise nothing unless an operand is a NaN (or a denormal
     * flushed under FZ): those take the handler. */
#define FP_CMP(NAME, T, GET)                                            \
op_##NAME: {                                                            \
    T a = GET(cpu, s->rn);                                              \
    T b = (s->imm & FOP_FP_CMP_ZERO) ? 0 : GET(cpu, s->rm);             \
    if ((cpu->fpcr & FPCR_FZ) || isnan(a) || isnan(b))                  \
        goto op_GENERIC;                                                \
    NZCV = a == b ? CPU_NZCV_Z | CPU_NZCV_C                             \
         : a < b ? CPU_NZCV_N : CPU_NZCV_C;                             \
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
    SET_XN(s->rd, v & s->imm);
    NEXT();
}
op_FMOV_FROM_X:
    zreg_write(cpu, s->rd, reg[s->rn] & s->imm, 0);
    NEXT();

    /* --- AdvSIMD vectors ---------------------------------------------- */
/* Vd = Vn OP Vm lane by lane, LANES_OP being VEC_INT_OP or VEC_SINT_OP
 * (a comparison gives all-ones lanes where true). */
#define VEC_BINOP(NAME, LANES_OP, OP)                                   \
op_##NAME: {                                                            \
    union vreg a = vreg_get(cpu, s->rn), b = vreg_get(cpu, s->rm), r;   \
    LANES_OP(r, a, b, OP, s->imm);                                      \
    vreg_put(cpu, s->rd, r, s->imm);                                    \
    NEXT();                                                             \
}
    VEC_BINOP(VADD, VEC_INT_OP, +)
    VEC_BINOP(VSUB, VEC_INT_OP, -)
    VEC_BINOP(VMUL, VEC_INT_OP, *)
/* Vd = Vd OP Vn * Vm (MLA, MLS). */
#define VEC_MUL_ACC(NAME, OP)                                           \
op_##NAME: {                                                            \
    union vreg a = vreg_get(cpu, s->rn), b = vreg_get(cpu, s->rm), p;   \
    union vreg d = vreg_get(cpu, s->rd), r;                             \
    VEC_INT_OP(p, a, b, *, s->imm);                                     \
    VEC_INT_OP(r, d, p, OP, s->imm);                                    \
    vreg_put(cpu, s->rd, r, s->imm);                                    \
    NEXT();                                                             \
}
    VEC_MUL_ACC(VMLA, +)
    VEC_MUL_ACC(VMLS, -)
#undef VEC_MUL_ACC
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
/* Vd = the lane of Vn or Vm that CMP picks (SMAX, SMIN and, with
 * FOP_VEC_SIGNED clear, the unsigned forms). */
#define VEC_MINMAX(NAME, CMP)                                           \
op_##NAME: {                                                            \
    union vreg a = vreg_get(cpu, s->rn), b = vreg_get(cpu, s->rm), m;   \
    VEC_SINT_OP(m, a, b, CMP, s->imm);                                  \
    vreg_put(cpu, s->rd, vec_select(m, a, b), s->imm);                  \
    NEXT();                                                             \
}
    VEC_MINMAX(VMAX, >)
    VEC_MINMAX(VMIN, <)
#undef VEC_MINMAX
    VEC_BINOP(VCMGT, VEC_SINT_OP, >)
    VEC_BINOP(VCMGE, VEC_SINT_OP, >=)
    VEC_BINOP(VCMEQ, VEC_INT_OP, ==)
#undef VEC_BINOP
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
    if (COND(FOP_CCMP_COND(s->imm)))                                    \
        NZCV = FLAGS(a, b, (T)(a OP b));                                \
    else                                                                \
        NZCV = FOP_CCMP_NZCV(s->imm) << 28;                             \
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
    NZCV = a64_nz_flags(res, true);
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
    NZCV = a64_nz_flags(res, false);
    SET_X(s->rd, res);
    NEXT();
}

    /* --- more integer forms --------------------------------------------- */
op_ADR:
    SET_XN(s->rd, SLOT_PC(s) + s->imm);
    NEXT();
op_ADRP:
    SET_XN(s->rd, (SLOT_PC(s) & ~0xfffull) + s->imm);
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
        NZCV = flags_addsub(a, b, res, s->imm & FOP_INT_SUB,
                            s->imm & FOP_INT_X);
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
    SET_XN(s->rd, is64 ? res : (uint32_t)res);
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
    SET_XN(s->rd, res);
    NEXT();
}
op_MSUB_X:
    SET_XN(s->rd, reg[s->imm] - reg[s->rn] * reg[s->rm]);
    NEXT();
op_MSUB_W:
    SET_XN(s->rd, (uint32_t)(reg[s->imm] - reg[s->rn] * reg[s->rm]));
    NEXT();
op_MADDL: {
    uint64_t prod = (s->imm & FOP_INT_SIGNED)
        ? (uint64_t)((int64_t)(int32_t)reg[s->rn] * (int32_t)reg[s->rm])
        : (uint64_t)(uint32_t)reg[s->rn] * (uint32_t)reg[s->rm];
    uint64_t acc = reg[s->imm & 31];
    SET_XN(s->rd, (s->imm & FOP_INT_SUB) ? acc - prod : acc + prod);
    NEXT();
}
op_MULH:
    SET_XN(s->rd, (s->imm & FOP_INT_SIGNED)
                     ? (uint64_t)(((__int128)(int64_t)reg[s->rn] *
                                   (int64_t)reg[s->rm]) >> 64)
                     : (uint64_t)(((unsigned __int128)reg[s->rn] *
                                   reg[s->rm]) >> 64));
    NEXT();
op_EXTR_X:
    SET_XN(s->rd, s->imm ? (reg[s->rm] >> s->imm) | (reg[s->rn] << (64 - s->imm))
                        : reg[s->rm]);
    NEXT();
op_EXTR_W: {
    uint64_t both = (uint64_t)(uint32_t)reg[s->rn] << 32 | (uint32_t)reg[s->rm];
    SET_XN(s->rd, (uint32_t)(both >> s->imm));
    NEXT();
}
op_ADC: {
    bool is64 = s->imm & FOP_INT_X;
    FLAGS_SYNC();
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
        NZCV = (uint32_t)((r >> top) & 1) << 31 | (uint32_t)(r == 0) << 30 |
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
    if (s->imm & FOP_INT_FLAGS)
        NZCV = flags_addsub(a, b, res, s->imm & FOP_INT_SUB, is64);
    SET_X(s->rd, res);
    NEXT();
}
op_CSINV: {
    uint64_t res = COND(s->imm & 15)
                       ? reg[s->rn]
                       : ((s->imm & FOP_INT_SUB) ? -reg[s->rm] : ~reg[s->rm]);
    SET_XN(s->rd, (s->imm & FOP_INT_X) ? res : (uint32_t)res);
    NEXT();
}
op_MRS_TPIDR:
    SET_XN(s->rd, cpu->tpidr_el0);
    NEXT();

    /* --- cpu/fastop-extra.c --------------------------------------------- */
op_VDUP: {
    static const uint64_t replicate[4] = {
        0x0101010101010101ull, 0x0001000100010001ull, 0x0000000100000001ull, 1,
    };
    unsigned size = FOP_VEC_SIZE(s->imm);
    uint64_t v = (reg[s->rn] & (~0ull >> (64 - (8u << size)))) *
                 replicate[size];
    zreg_write(cpu, s->rd, v, (s->imm & FOP_VEC_Q) ? v : 0);
    NEXT();
}
op_VSHRN: {
    typedef uint8_t half_u8 __attribute__((vector_size(8)));
    typedef uint16_t half_u16 __attribute__((vector_size(8)));
    typedef uint32_t half_u32 __attribute__((vector_size(8)));
    union vreg n = vreg_get(cpu, s->rn);
    unsigned amount = FOP_VEC_AMOUNT(s->imm);
    uint64_t narrow;
    switch (FOP_VEC_SIZE(s->imm)) {
    case 0: {
        half_u8 r = __builtin_convertvector(n.h >> (uint16_t)amount, half_u8);
        memcpy(&narrow, &r, 8);
        break;
    }
    case 1: {
        half_u16 r = __builtin_convertvector(n.s >> (uint32_t)amount, half_u16);
        memcpy(&narrow, &r, 8);
        break;
    }
    default: {
        half_u32 r = __builtin_convertvector(n.d >> (uint64_t)amount, half_u32);
        memcpy(&narrow, &r, 8);
        break;
    }
    }
    /* SHRN2 writes the upper half and keeps the lower one. */
    if (s->imm & FOP_VEC_Q)
        zreg_write(cpu, s->rd, vreg_get(cpu, s->rd).u[0], narrow);
    else
        zreg_write(cpu, s->rd, narrow, 0);
    NEXT();
}
op_BFM: {
    unsigned width = FOP_BFI_WIDTH(s->imm), left = FOP_BFI_LEFT(s->imm);
    uint64_t mask = (width >= 64 ? ~0ull : (1ull << width) - 1) << left;
    uint64_t src = reg[s->rn], dst = reg[s->rd], res;
    if (!(s->imm & FOP_BFI_X)) {
        src = (uint32_t)src;
        dst = (uint32_t)dst;
    }
    res = (dst & ~mask) | (((src >> FOP_BFI_RIGHT(s->imm)) << left) & mask);
    reg[s->rd] = (s->imm & FOP_BFI_X) ? res : (uint32_t)res;
    NEXT();
}

    /* --- SVE (cpu/fastop-sve.c): memcpy's predicates and accesses ------ */
op_SVE_WHILE:
    lz = false;     /* it writes NZCV */
    fop_sve_while(cpu, s);
    NEXT();
op_SVE_PTRUE:
    fop_sve_ptrue(cpu, s);
    NEXT();
op_SVE_CNT:
    reg[s->rd] = fop_sve_cnt(cpu, s);
    NEXT();
op_SVE_LD1:
    if (!fop_sve_ld1(cpu, s))
        goto op_GENERIC;
    NEXT();
op_SVE_ST1:
    if (!fop_sve_st1(cpu, s))
        goto op_GENERIC;
    NEXT();

budget_at_slot:
    cpu->pc = SLOT_PC(s);
budget:
    SYNC_ICOUNT();
    FLAGS_SYNC();
    return cpu->exit = CPU_EXIT_BUDGET;
#undef SLOT_PC
#undef SYNC_ICOUNT
#undef BRANCH_REL
#undef BRANCH_TO
#undef FUSED_BCOND
#undef INDEXED_VA
#undef FLAGS_SYNC
#undef COND
#undef NZCV
#undef INDEXED_VA_OF
#undef ALU_DEF
#undef ALU_DEF_ON
#undef NEXT_FWD
#undef FIN_PLAIN
#undef FIN_FWD
#undef DISPATCH
#undef NEXT
#undef TAKEN
#undef JUMP_TO
#undef SET_X
#undef SET_XN
}
