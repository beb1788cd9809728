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

#include "cpu/cpu-internal.h"
#include "cpu/fastop.h"

#define CODE_SLOTS (CPU_PAGE_SIZE / 4)
#define CODE_RECENT 64
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

/* Go to the operation of slot s. */
#define DISPATCH() goto *dispatch[s->op]
/* Retire the instruction and fall through to the next slot (the page's
 * sentinel slot sends the last one to a new block). */
#define NEXT()                                                          \
    do {                                                                \
        cpu->pc += 4;                                                   \
        cpu->icount++;                                                  \
        if (__builtin_expect(--remaining == 0, 0))                      \
            goto budget;                                                \
        s++;                                                            \
        DISPATCH();                                                     \
    } while (0)
/* Retire a taken branch to pc: a block boundary. Stay in the page when
 * the target is in it and nothing asks us to stop. */
#define TAKEN()                                                         \
    do {                                                                \
        cpu->icount++;                                                  \
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
/* Write a register where 31 means XZR: x[31] is rezeroed. */
#define SET_X(n, v)                                                     \
    do {                                                                \
        reg[n] = (v);                                                   \
        cpu->x[31] = 0;                                                 \
    } while (0)

next_block:
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
    goto next_block;

op_DECODE:
    slot_decode(cpu, p, (unsigned)(s - p->slot));
    DISPATCH();

op_GENERIC:
    r = s->handler(cpu, s->insn);
    if (__builtin_expect(r == A64_NEXT, 1))
        NEXT();
    if (r != A64_JUMP)
        return cpu->exit;
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
    JUMP_TO(cpu->pc + s->imm);
op_BL:
    cpu->x[30] = cpu->pc + 4;
    JUMP_TO(cpu->pc + s->imm);
op_BCOND:
    if (cond_holds(cpu, s->rd))
        JUMP_TO(cpu->pc + s->imm);
    NEXT();
op_CBZ_X:
    if (reg[s->rd] == 0)
        JUMP_TO(cpu->pc + s->imm);
    NEXT();
op_CBZ_W:
    if ((uint32_t)reg[s->rd] == 0)
        JUMP_TO(cpu->pc + s->imm);
    NEXT();
op_CBNZ_X:
    if (reg[s->rd] != 0)
        JUMP_TO(cpu->pc + s->imm);
    NEXT();
op_CBNZ_W:
    if ((uint32_t)reg[s->rd] != 0)
        JUMP_TO(cpu->pc + s->imm);
    NEXT();
op_TBZ:
    if (!((reg[s->rd] >> s->rn) & 1))
        JUMP_TO(cpu->pc + s->imm);
    NEXT();
op_TBNZ:
    if ((reg[s->rd] >> s->rn) & 1)
        JUMP_TO(cpu->pc + s->imm);
    NEXT();
op_BR:
    JUMP_TO(reg[s->rn]);
op_BLR: {
    uint64_t target = reg[s->rn];
    cpu->x[30] = cpu->pc + 4;
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
                        : reg[s->rm]) << (s->imm & 3)))
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
#undef INDEXED_VA

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

budget:
    return cpu->exit = CPU_EXIT_BUDGET;
#undef DISPATCH
#undef NEXT
#undef TAKEN
#undef JUMP_TO
#undef SET_X
}
