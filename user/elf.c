/* The ELF loader: an AArch64 executable (ET_EXEC, or ET_DYN at a fixed
 * base) copied into guest pages, and for a dynamically linked one its
 * interpreter (PT_INTERP, ld-linux), found through the guest root and
 * loaded at the top of the mmap area as Linux maps it.
 *
 * Bases are fixed, never random: runs must be reproducible.
 *
 * The file comes from the user, so every offset and size is checked
 * against the file size before it is used, and every error names the file
 * and the problem. */
#include "config.h"

#include "user/user-internal.h"

#include "hw/pagestore.h"

#include <elf.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <errno.h>
#include <string.h>

#ifndef EM_AARCH64
#define EM_AARCH64 183
#endif

/* More program headers than this is not a program anyone built. */
#define MAX_PHNUM 512
/* The whole file is read into memory; a bigger one is not a program. */
#define MAX_FILE_SIZE (1ull << 30)

static bool fail(GError **error, const char *path, const char *fmt, ...)
    G_GNUC_PRINTF(3, 4);

static bool fail(GError **error, const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_set_error(error, USER_ERROR, 0, "%s: %s", path, msg);
    g_free(msg);
    return false;
}

static bool check_header(const uint8_t *data, size_t size, const char *path,
                         GError **error)
{
    if (size < SELFMAG || memcmp(data, ELFMAG, SELFMAG) != 0)
        return fail(error, path, "not an ELF file");
    if (size < sizeof(Elf64_Ehdr)) {
        if (size > EI_CLASS && data[EI_CLASS] != ELFCLASS64)
            return fail(error, path, "not a 64-bit ELF file (class %u)",
                        data[EI_CLASS]);
        return fail(error, path, "truncated ELF file (ELF header past end of file)");
    }
    const Elf64_Ehdr *eh = (const Elf64_Ehdr *)data;
    if (eh->e_ident[EI_CLASS] != ELFCLASS64)
        return fail(error, path, "not a 64-bit ELF file (class %u)",
                    eh->e_ident[EI_CLASS]);
    if (eh->e_ident[EI_DATA] != ELFDATA2LSB)
        return fail(error, path, "not a little-endian ELF file (data %u)",
                    eh->e_ident[EI_DATA]);
    if (eh->e_machine != EM_AARCH64)
        return fail(error, path, "not an AArch64 executable (e_machine %u)",
                    eh->e_machine);
    if (eh->e_type != ET_EXEC && eh->e_type != ET_DYN)
        return fail(error, path, "not an executable (e_type %u)", eh->e_type);
    if (eh->e_phnum == 0)
        return fail(error, path, "no program headers");
    if (eh->e_phentsize != sizeof(Elf64_Phdr))
        return fail(error, path, "bad program header size %u (expected %zu)",
                    eh->e_phentsize, sizeof(Elf64_Phdr));
    if (eh->e_phnum > MAX_PHNUM)
        return fail(error, path, "too many program headers (%u)",
                    eh->e_phnum);
    if (eh->e_phoff > size
        || (uint64_t)eh->e_phnum * sizeof(Elf64_Phdr) > size - eh->e_phoff)
        return fail(error, path,
                    "truncated ELF file (program header table past end of file)");
    if (eh->e_phoff % 8 != 0)
        return fail(error, path, "misaligned program header table");
    return true;
}

/* Check one PT_LOAD against the file and the address space. */
static bool check_load(const Elf64_Phdr *ph, unsigned idx, uint64_t bias,
                       size_t size, const char *path, GError **error)
{
    if (ph->p_filesz > ph->p_memsz)
        return fail(error, path,
                    "segment %u: file size 0x%" G_GINT64_MODIFIER "x larger than memory size 0x%" G_GINT64_MODIFIER "x",
                    idx, (guint64)ph->p_filesz, (guint64)ph->p_memsz);
    if (ph->p_offset > size || ph->p_filesz > size - ph->p_offset)
        return fail(error, path,
                    "truncated ELF file (segment %u past end of file)", idx);
    uint64_t start = ph->p_vaddr + bias;
    if (start < ph->p_vaddr || start >= PAGESTORE_ADDR_LIMIT
        || ph->p_memsz > PAGESTORE_ADDR_LIMIT - start)
        return fail(error, path,
                    "segment %u at 0x%" G_GINT64_MODIFIER "x size 0x%" G_GINT64_MODIFIER "x is outside the 48-bit address space",
                    idx, (guint64)ph->p_vaddr, (guint64)ph->p_memsz);
    if (start < USER_MMAP_MIN && ph->p_memsz > 0)
        return fail(error, path,
                    "segment %u at 0x%" G_GINT64_MODIFIER "x is below the lowest mappable address",
                    idx, (guint64)ph->p_vaddr);
    if (start + ph->p_memsz > USER_STACK_TOP - USER_STACK_SIZE)
        return fail(error, path,
                    "segment %u at 0x%" G_GINT64_MODIFIER "x overlaps the stack",
                    idx, (guint64)ph->p_vaddr);
    if ((ph->p_vaddr - ph->p_offset) % PAGESTORE_PAGE_SIZE != 0)
        return fail(error, path,
                    "segment %u: address and file offset differ modulo the page size",
                    idx);
    return true;
}

static unsigned segment_prot(uint32_t flags)
{
    return (flags & PF_R ? PAGESTORE_PROT_READ : 0)
           | (flags & PF_W ? PAGESTORE_PROT_WRITE : 0)
           | (flags & PF_X ? PAGESTORE_PROT_EXEC : 0);
}

/* Map one segment and copy its file bytes; bss stays zero (fresh pages).
 * A page shared with the previous segment keeps its contents and gets the
 * union of both protections. */
static void load_segment(struct pagestore *mem, const uint8_t *data,
                         const Elf64_Phdr *ph, uint64_t bias)
{
    uint64_t start = ph->p_vaddr + bias;
    uint64_t first = start & PAGESTORE_PAGE_MASK;
    uint64_t end = (start + ph->p_memsz + PAGESTORE_PAGE_SIZE - 1)
                   & PAGESTORE_PAGE_MASK;
    unsigned prot = segment_prot(ph->p_flags);
    for (uint64_t a = first; a < end; a += PAGESTORE_PAGE_SIZE) {
        int old = pagestore_prot(mem, a);
        if (old >= 0)
            pagestore_protect(mem, a, PAGESTORE_PAGE_SIZE, old | prot);
        else
            pagestore_map(mem, a, PAGESTORE_PAGE_SIZE, prot);
    }
    const uint8_t *src = data + ph->p_offset;
    uint64_t a = start;
    uint64_t left = ph->p_filesz;
    while (left > 0) {
        uint8_t *page = pagestore_translate(mem, a, NULL);
        size_t off = a & ~PAGESTORE_PAGE_MASK;
        size_t n = MIN(left, PAGESTORE_PAGE_SIZE - off);
        memcpy(page + off, src, n);
        src += n;
        a += n;
        left -= n;
    }
}

static int compare_vaddr(const void *a, const void *b)
{
    const Elf64_Phdr *x = *(const Elf64_Phdr *const *)a;
    const Elf64_Phdr *y = *(const Elf64_Phdr *const *)b;
    return x->p_vaddr < y->p_vaddr ? -1 : x->p_vaddr > y->p_vaddr;
}

/* What is being loaded: it decides the base of an ET_DYN file. */
enum load_role {
    LOAD_PROGRAM,
    LOAD_INTERP,
};

/* The span [lo, hi) of the PT_LOAD segments, page-rounded, and their
 * largest alignment (a power of two, at least a page). */
static void load_span(const Elf64_Phdr *const *loads, unsigned nloads,
                      uint64_t *lo, uint64_t *hi, uint64_t *align)
{
    *lo = loads[0]->p_vaddr & PAGESTORE_PAGE_MASK;
    const Elf64_Phdr *last = loads[nloads - 1];
    *hi = (last->p_vaddr + last->p_memsz + PAGESTORE_PAGE_SIZE - 1)
          & PAGESTORE_PAGE_MASK;
    *align = PAGESTORE_PAGE_SIZE;
    for (unsigned i = 0; i < nloads; i++) {
        uint64_t a = loads[i]->p_align;
        /* Bad or huge alignments are ignored rather than obeyed: they
         * only choose a base, and 1 GiB is more than any linker uses. */
        if (a > *align && (a & (a - 1)) == 0 && a <= (1ull << 30))
            *align = a;
    }
}

/* The load bias of an ET_DYN file. hi - lo is checked by the caller. */
static uint64_t dyn_bias(enum load_role role, bool has_interp, uint64_t lo,
                         uint64_t hi, uint64_t align)
{
    if (role == LOAD_INTERP)
        return ((USER_MMAP_TOP - (hi - lo)) & ~(align - 1)) - lo;
    if (has_interp)
        return ((USER_DYN_BASE & ~(align - 1)) - lo) & PAGESTORE_PAGE_MASK;
    return USER_PIE_BASE;
}

static bool load_image(struct pagestore *mem, const char *path,
                       enum load_role role, struct user_image *image,
                       GError **error)
{
    gchar *data_c = NULL;
    gsize size = 0;
    GError *ferr = NULL;
    GStatBuf st;
    if (g_stat(path, &st) == 0 && !S_ISREG(st.st_mode))
        return fail(error, path, "not a regular file");
    if (g_stat(path, &st) == 0 && (uint64_t)st.st_size > MAX_FILE_SIZE)
        return fail(error, path, "too large to be a program");
    if (!g_file_get_contents(path, &data_c, &size, &ferr)) {
        g_set_error(error, USER_ERROR, 0, "%s: %s", path, ferr->message);
        g_error_free(ferr);
        return false;
    }
    const uint8_t *data = (const uint8_t *)data_c;
    bool ok = false;
    const Elf64_Phdr **loads = NULL;
    Elf64_Phdr *phdrs = NULL;

    if (!check_header(data, size, path, error))
        goto out;
    const Elf64_Ehdr *eh = (const Elf64_Ehdr *)data;
    /* Copy the table: data is only char-aligned as far as C knows. */
    phdrs = g_new(Elf64_Phdr, eh->e_phnum);
    memcpy(phdrs, data + eh->e_phoff, eh->e_phnum * sizeof(Elf64_Phdr));
    loads = g_new0(const Elf64_Phdr *, eh->e_phnum + 1);
    unsigned nloads = 0;
    uint64_t phdr_vaddr = 0;
    bool have_phdr = false;
    char interp[USER_INTERP_MAX] = "";
    bool exec_stack = false;
    bool has_tls = false;
    uint64_t tls_align = 1;

    /* First pass: what the bias depends on (PT_INTERP, the segments). */
    for (unsigned i = 0; i < eh->e_phnum; i++) {
        const Elf64_Phdr *ph = &phdrs[i];
        if (ph->p_type == PT_INTERP) {
            if (role == LOAD_INTERP) {
                fail(error, path, "an interpreter must not have an interpreter (PT_INTERP)");
                goto out;
            }
            if (ph->p_offset > size || ph->p_filesz > size - ph->p_offset
                || ph->p_filesz < 2 || ph->p_filesz > sizeof(interp)
                || data[ph->p_offset + ph->p_filesz - 1] != '\0'
                || data[ph->p_offset] == '\0') {
                fail(error, path, "bad interpreter name (PT_INTERP)");
                goto out;
            }
            memcpy(interp, data + ph->p_offset, ph->p_filesz);
        } else if (ph->p_type == PT_LOAD && ph->p_memsz > 0) {
            loads[nloads++] = ph;
        }
    }
    if (nloads == 0) {
        fail(error, path, "no loadable segments");
        goto out;
    }
    qsort(loads, nloads, sizeof(loads[0]), compare_vaddr);
    uint64_t bias = 0;
    if (eh->e_type == ET_DYN) {
        uint64_t lo, hi, align;
        load_span(loads, nloads, &lo, &hi, &align);
        if (hi <= lo || hi - lo > USER_MMAP_TOP - USER_MMAP_MIN) {
            fail(error, path, "segments span more than the address space");
            goto out;
        }
        bias = dyn_bias(role, interp[0] != '\0', lo, hi, align);
    }

    for (unsigned i = 0; i < eh->e_phnum; i++) {
        const Elf64_Phdr *ph = &phdrs[i];
        switch (ph->p_type) {
        case PT_PHDR:
            phdr_vaddr = ph->p_vaddr + bias;
            have_phdr = true;
            break;
        case PT_TLS:
            /* Only the debugger needs it: the program's libc reads PT_TLS
             * itself (through AT_PHDR) to set up its threads' blocks. */
            has_tls = true;
            tls_align = ph->p_align > 1 ? ph->p_align : 1;
            break;
        case PT_GNU_STACK:
            /* GCC's nested-function trampolines live on the stack. */
            exec_stack = (ph->p_flags & PF_X) != 0;
            break;
        case PT_LOAD:
            if (!check_load(ph, i, bias, size, path, error))
                goto out;
            break;
        default:
            break;
        }
    }
    for (unsigned i = 1; i < nloads; i++) {
        if (loads[i]->p_vaddr < loads[i - 1]->p_vaddr + loads[i - 1]->p_memsz) {
            fail(error, path,
                 "overlapping segments at 0x%" G_GINT64_MODIFIER "x and 0x%" G_GINT64_MODIFIER "x",
                 (guint64)loads[i - 1]->p_vaddr, (guint64)loads[i]->p_vaddr);
            goto out;
        }
    }
    /* Without PT_PHDR (usual for static executables) the headers are
     * found inside the segment that maps their file offset; glibc needs
     * AT_PHDR to find PT_TLS. */
    if (!have_phdr) {
        for (unsigned i = 0; i < nloads; i++) {
            const Elf64_Phdr *ph = loads[i];
            if (eh->e_phoff >= ph->p_offset
                && eh->e_phoff - ph->p_offset < ph->p_filesz
                && eh->e_phnum * sizeof(Elf64_Phdr)
                       <= ph->p_filesz - (eh->e_phoff - ph->p_offset)) {
                phdr_vaddr = ph->p_vaddr + bias + (eh->e_phoff - ph->p_offset);
                have_phdr = true;
                break;
            }
        }
    }
    uint64_t entry = eh->e_entry + bias;
    bool entry_ok = false;
    for (unsigned i = 0; i < nloads; i++) {
        uint64_t s = loads[i]->p_vaddr + bias;
        if (entry >= s && entry - s < loads[i]->p_memsz
            && (loads[i]->p_flags & PF_X))
            entry_ok = true;
    }
    if (!entry_ok) {
        fail(error, path,
             "entry point 0x%" G_GINT64_MODIFIER "x is not in an executable segment",
             (guint64)entry);
        goto out;
    }

    /* A declared bss is a reservation like any mmap: within the limit a
     * guest's own mmap calls have (USER_MAP_LIMIT). */
    uint64_t reserve = 0;
    for (unsigned i = 0; i < nloads; i++) {
        uint64_t first = (loads[i]->p_vaddr + bias) & PAGESTORE_PAGE_MASK;
        uint64_t end = (loads[i]->p_vaddr + bias + loads[i]->p_memsz
                        + PAGESTORE_PAGE_SIZE - 1) & PAGESTORE_PAGE_MASK;
        reserve += end - first;
    }
    if (reserve + pagestore_mapped_pages(mem) * PAGESTORE_PAGE_SIZE
        > USER_MAP_LIMIT) {
        fail(error, path,
             "segments need 0x%" G_GINT64_MODIFIER "x bytes of memory, more than the limit of 0x%" G_GINT64_MODIFIER "x",
             (guint64)reserve, (guint64)USER_MAP_LIMIT);
        goto out;
    }
    /* Nothing may be there yet: an ET_EXEC program placed where the
     * interpreter goes, or an interpreter given twice. */
    for (unsigned i = 0; i < nloads; i++) {
        uint64_t first = (loads[i]->p_vaddr + bias) & PAGESTORE_PAGE_MASK;
        uint64_t end = loads[i]->p_vaddr + bias + loads[i]->p_memsz;
        uint64_t page;
        if (pagestore_first_mapped(mem, first, end, &page)) {
            fail(error, path,
                 "segment at 0x%" G_GINT64_MODIFIER "x overlaps memory already in use",
                 (guint64)(loads[i]->p_vaddr + bias));
            goto out;
        }
    }
    for (unsigned i = 0; i < nloads; i++)
        load_segment(mem, data, loads[i], bias);

    memset(image, 0, sizeof(*image));
    memcpy(image->interp, interp, sizeof(interp));
    image->entry = entry;
    image->exec_stack = exec_stack;
    image->has_tls = has_tls;
    image->tls_align = tls_align;
    image->phdr_addr = have_phdr ? phdr_vaddr : 0;
    image->phent = sizeof(Elf64_Phdr);
    image->phnum = eh->e_phnum;
    image->load_bias = bias;
    const Elf64_Phdr *last = loads[nloads - 1];
    image->image_end = last->p_vaddr + bias + last->p_memsz;
    ok = true;

out:
    g_free(phdrs);
    g_free(loads);
    g_free(data_c);
    return ok;
}

bool user_elf_load(struct pagestore *mem, const char *path,
                   struct user_image *image, GError **error)
{
    return load_image(mem, path, LOAD_PROGRAM, image, error);
}

bool user_elf_load_interp(struct pagestore *mem, const char *path,
                          struct user_image *image, GError **error)
{
    return load_image(mem, path, LOAD_INTERP, image, error);
}

bool user_exec_load(struct user_process *p, const char *path, GError **error)
{
    if (!user_elf_load(p->mem, path, &p->image, error))
        return false;
    p->interp_base = 0;
    p->start_pc = p->image.entry;
    if (!p->image.interp[0])
        return true;

    const char *interp = p->image.interp;
    char *host = user_path_under_root(p->sysroot, interp);
    if (!g_file_test(host, G_FILE_TEST_EXISTS)) {
        if (p->sysroot && interp[0] == '/')
            fail(error, path, "interpreter %s not found (looked in %s)",
                 interp, p->sysroot);
        else
            fail(error, path,
                 "interpreter %s not found (no guest root: give one with -L)",
                 interp);
        g_free(host);
        return false;
    }
    struct user_image ld;
    GError *ld_error = NULL;
    bool ok = user_elf_load_interp(p->mem, host, &ld, &ld_error);
    if (!ok) {
        /* "prog: interpreter ...: what is wrong with it" */
        fail(error, path, "interpreter %s", ld_error->message);
        g_error_free(ld_error);
    } else {
        p->interp_base = ld.load_bias;
        p->start_pc = ld.entry;
    }
    g_free(host);
    return ok;
}
