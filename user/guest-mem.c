/* Guest memory for user/: the CPU's translate callback, the kernel-side
 * copies that system calls make (checked against page protections), and
 * the debugger's access (which ignores them, like ptrace). */
#include "config.h"

#include "user/user-internal.h"
#include "user/mte.h"

#include "cpu/cpu.h"
#include "hw/pagestore.h"

#include <errno.h>
#include <string.h>

static int translate(void *opaque, uint64_t vaddr, uint8_t **host,
                     unsigned *prot)
{
    /* The process, not the thread: every thread of it translates through
     * the same (current) address space, which exec replaces. */
    struct user_process *p = opaque;
    uint8_t *page = pagestore_translate(p->mem, vaddr, prot);
    if (!page)
        return -1;
    *host = page;
    return 0;
}

static void code_changed(void *opaque, uint64_t vaddr, uint64_t len)
{
    user_code_changed(opaque, vaddr, len);
}

const struct cpu_mem_ops user_cpu_mem_ops = {
    .translate = translate,
    .tags = user_mte_cpu_tags,
    .code_changed = code_changed,
};

static void flush_tlb(struct cpu_state *cpu, void *data)
{
    cpu_tlb_flush(cpu);
}

struct code_range {
    uint64_t addr, len;
};

static void drop_code(struct cpu_state *cpu, void *data)
{
    const struct code_range *r = data;
    cpu_code_invalidate(cpu, r->addr, r->len);
}

void user_code_changed(struct user_process *p, uint64_t addr, uint64_t len)
{
    struct code_range r = { addr, len };
    if (p->kernel)
        user_mm_for_each_cpu(p->kernel, p->mem, drop_code, &r);
}

void user_mem_changed(struct user_process *p, uint64_t addr, uint64_t len)
{
    /* Every thread sharing the address space has its own TLB and decoded
     * code: all of them drop theirs. */
    if (!p->kernel)
        return;
    user_mm_for_each_cpu(p->kernel, p->mem, flush_tlb, NULL);
    /* Decoded code can only exist for executable pages: invalidate runs
     * of those, so a huge munmap of a reservation costs its mapped pages
     * and not the span of the address space it names. */
    uint64_t end = addr + MIN(len, PAGESTORE_ADDR_LIMIT - MIN(addr, PAGESTORE_ADDR_LIMIT));
    uint64_t a = addr & PAGESTORE_PAGE_MASK;
    uint64_t page;
    while (a < end && pagestore_first_mapped(p->mem, a, end, &page)) {
        uint64_t run = page;
        int prot;
        while (run < end && (prot = pagestore_prot(p->mem, run)) >= 0
               && (prot & PAGESTORE_PROT_EXEC))
            run += PAGESTORE_PAGE_SIZE;
        if (run > page)
            user_code_changed(p, page, run - page);
        a = MAX(run, page + PAGESTORE_PAGE_SIZE);
    }
}

/* A write to one page of a shared object, seen from the other places it
 * is mapped (hw/pagestore.h). */
struct shm_write {
    struct user_kernel *kernel;
    struct pagestore *store;     /* the address space being searched */
    struct pagestore *writer;    /* the one written through */
    uint64_t writer_addr;
    struct pagestore_shm *shm;
    uint64_t offset;             /* the page's, in the object */
    uint64_t in_page, len;       /* the bytes written, within the page */
};

static void drop_shm_code(struct pagestore_shm *shm, uint64_t addr,
                          uint64_t offset, void *data)
{
    struct shm_write *w = data;
    int prot;

    if (shm != w->shm || offset != w->offset
        || (w->store == w->writer && addr == w->writer_addr))
        return;
    prot = pagestore_prot(w->store, addr);
    if (prot >= 0 && (prot & PAGESTORE_PROT_EXEC)) {
        struct code_range r = { addr + w->in_page, w->len };
        user_mm_for_each_cpu(w->kernel, w->store, drop_code, &r);
    }
}

void user_shm_written(struct user_process *p, uint64_t addr, uint64_t len)
{
    struct shm_write w = { .kernel = p->kernel, .writer = p->mem,
                           .writer_addr = addr & PAGESTORE_PAGE_MASK,
                           .in_page = addr & ~PAGESTORE_PAGE_MASK,
                           .len = len };
    GPtrArray *seen;

    w.shm = pagestore_shm_at(p->mem, addr, &w.offset);
    if (!w.shm || !p->kernel)
        return;
    seen = g_ptr_array_new();
    for (guint i = 0; i < p->kernel->procs->len; i++) {
        struct user_process *q = g_ptr_array_index(p->kernel->procs, i);
        if (g_ptr_array_find(seen, q->mem, NULL))
            continue;
        g_ptr_array_add(seen, q->mem);
        w.store = q->mem;
        pagestore_for_each_shm_page(q->mem, drop_shm_code, &w);
    }
    g_ptr_array_unref(seen);
}

struct pagestore *user_futex_key(struct user_process *p, uint64_t uaddr,
                                 uint64_t *key)
{
    uint64_t offset;
    struct pagestore_shm *shm = pagestore_shm_at(p->mem, uaddr, &offset);

    if (!shm) {
        *key = uaddr;
        return p->mem;
    }
    *key = offset + (uaddr & ~PAGESTORE_PAGE_MASK);
    return pagestore_shm_store(shm);
}

bool user_access_ok(struct user_process *p, uint64_t addr, uint64_t len,
                    unsigned prot)
{
    return pagestore_range_ok(p->mem, addr, len, prot);
}

/* Copy between guest and host, page by page. The whole range is checked
 * first so a failing copy changes nothing. */
static int copy(struct user_process *p, uint64_t addr, void *buf, size_t len,
                bool to_guest, unsigned need)
{
    if (need && !pagestore_range_ok(p->mem, addr, len, need))
        return -EFAULT;
    uint8_t *b = buf;
    while (len > 0) {
        unsigned prot;
        uint8_t *page = pagestore_translate(p->mem, addr, &prot);
        if (!page)
            return -EFAULT;
        size_t off = addr & ~PAGESTORE_PAGE_MASK;
        size_t n = MIN(len, PAGESTORE_PAGE_SIZE - off);
        if (to_guest) {
            memcpy(page + off, b, n);
            /* Stores into code (a read() into a JIT buffer, the
             * debugger planting bytes) must drop decoded copies. */
            if ((prot & PAGESTORE_PROT_EXEC) || !need)
                user_code_changed(p, addr, n);
            user_shm_written(p, addr, n);
        } else {
            memcpy(b, page + off, n);
        }
        addr += n;
        b += n;
        len -= n;
    }
    return 0;
}

int user_copy_in(struct user_process *p, void *dst, uint64_t src, size_t len)
{
    return copy(p, src, dst, len, false, PAGESTORE_PROT_READ);
}

int user_copy_out(struct user_process *p, uint64_t dst, const void *src,
                  size_t len)
{
    return copy(p, dst, (void *)src, len, true, PAGESTORE_PROT_WRITE);
}

ssize_t user_copy_str_in(struct user_process *p, uint64_t src, char *buf,
                         size_t size)
{
    for (size_t i = 0; i < size; i++) {
        unsigned prot;
        uint64_t a = src + i;
        if (a < src)
            return -EFAULT;   /* wrapped around the address space */
        uint8_t *page = pagestore_translate(p->mem, a, &prot);
        if (!page || !(prot & PAGESTORE_PROT_READ))
            return -EFAULT;
        buf[i] = page[a & ~PAGESTORE_PAGE_MASK];
        if (buf[i] == '\0')
            return i;
    }
    return -ENAMETOOLONG;
}

ssize_t user_mem_read(struct user_process *p, uint64_t addr, void *buf,
                      size_t len)
{
    uint8_t *b = buf;
    size_t done = 0;
    while (done < len) {
        uint64_t a = addr + done;
        if (a < addr)
            break;
        if (pagestore_prot(p->mem, a) < 0)
            break;
        /* An untouched page reads as zeros without becoming resident. */
        const uint8_t *page = pagestore_peek(p->mem, a);
        size_t off = a & ~PAGESTORE_PAGE_MASK;
        size_t n = MIN(len - done, PAGESTORE_PAGE_SIZE - off);
        if (page)
            memcpy(b + done, page + off, n);
        else
            memset(b + done, 0, n);
        done += n;
    }
    return done;
}

int user_mem_write(struct user_process *p, uint64_t addr, const void *buf,
                   size_t len)
{
    if (len > 0 && addr + len - 1 < addr)
        return -EFAULT;
    if (!pagestore_range_ok(p->mem, addr, len, 0))
        return -EFAULT;
    return copy(p, addr, (void *)buf, len, true, 0);
}
