/* Memory system calls over the page store: brk, mmap, munmap, mprotect,
 * madvise, mremap. Every change of mappings flushes the CPU's TLB and
 * drops decoded code of the range.
 *
 * MAP_SHARED memory, anonymous or file-backed, is a shared-memory object
 * of the page store (hw/pagestore.h) mapped into the address space: fork
 * maps the same object into the child, so the two see each other's
 * writes, and munmap, exec and exit drop the mapping. A regular file
 * (memfds included) has one object however many times and by whomever
 * it is mapped, kept coherent with read() and write() of the file and
 * written back to it at msync and munmap (user/file-shm.h). Other files
 * (devices) get an object of their own, a copy of what they read. A
 * MAP_PRIVATE file mapping is a copy made at mmap time: later changes
 * of the file do not show in its untouched pages as they would on
 * Linux. */
#define _GNU_SOURCE
#include "config.h"

#include "user/syscall.h"
#include "user/file-shm.h"
#include "user/mte.h"

#include "hw/pagestore.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

/* mmap flags (asm-generic/mman*.h; the same as x86-64's). */
#define GUEST_MAP_SHARED 0x01
#define GUEST_MAP_PRIVATE 0x02
#define GUEST_MAP_SHARED_VALIDATE 0x03
#define GUEST_MAP_TYPE 0x0f
#define GUEST_MAP_FIXED 0x10
#define GUEST_MAP_ANONYMOUS 0x20
#define GUEST_MAP_FIXED_NOREPLACE 0x100000
#define GUEST_PROT_MASK 0x7
#define GUEST_PROT_BTI 0x10    /* arm64: accepted, BTI is not enforced */
#define GUEST_PROT_MTE 0x20    /* arm64: tagged memory (user/mte.c) */
#define GUEST_MADV_DONTNEED 4

#define PAGE PAGESTORE_PAGE_SIZE

static uint64_t page_up(uint64_t x)
{
    return (x + PAGE - 1) & PAGESTORE_PAGE_MASK;
}

/* Whether len more bytes may be mapped (USER_MAP_LIMIT). Pages that a
 * MAP_FIXED would replace are counted twice: erring on the safe side. */
static bool within_limit(struct user_process *p, uint64_t len)
{
    uint64_t mapped = pagestore_mapped_pages(p->mem) * PAGE;
    return len <= USER_MAP_LIMIT && mapped <= USER_MAP_LIMIT - len;
}

static bool range_free(struct user_process *p, uint64_t addr, uint64_t len)
{
    uint64_t page;
    return !pagestore_first_mapped(p->mem, addr, addr + len, &page);
}

USER_SYSCALL(brk)
{
    uint64_t want = a[0];
    if (want < p->brk_start || want >= USER_MMAP_TOP)
        return p->brk_cur;
    uint64_t old_end = page_up(p->brk_cur);
    uint64_t new_end = page_up(want);
    if (new_end > old_end) {
        /* Grow only into free space, as Linux does (no error: the old
         * break comes back). */
        if (!range_free(p, old_end, new_end - old_end)
            || !within_limit(p, new_end - old_end))
            return p->brk_cur;
        pagestore_map(p->mem, old_end, new_end - old_end,
                      PAGESTORE_PROT_READ | PAGESTORE_PROT_WRITE);
    } else if (new_end < old_end) {
        user_mem_changed(p, new_end, old_end - new_end);
        pagestore_unmap(p->mem, new_end, old_end - new_end);
    }
    p->brk_cur = want;
    return want;
}

/* A free range of len bytes, searched top-down below USER_MMAP_TOP as
 * Linux's default allocator does. 0 if there is none. */
static uint64_t find_free(struct user_process *p, uint64_t len)
{
    uint64_t end = USER_MMAP_TOP;
    while (end >= USER_MMAP_MIN + len) {
        uint64_t start = end - len;
        uint64_t page;
        if (!pagestore_last_mapped(p->mem, start, end, &page))
            return start;
        end = page;
    }
    return 0;
}

/* Fill [addr, addr+len) from the file at off; bytes past its end stay
 * zero. 0 or -errno. */
static int copy_file(struct user_process *p, int fd, uint64_t addr,
                     uint64_t len, uint64_t off)
{
    uint64_t done = 0;
    while (done < len) {
        uint8_t *page = pagestore_translate(p->mem, addr + done, NULL);
        if (!page)
            return -ENOMEM;
        size_t in_page = (addr + done) & (PAGE - 1);   /* after a short read */
        ssize_t n = pread(fd, page + in_page, MIN(PAGE - in_page, len - done),
                          off + done);
        if (n < 0)
            return -errno;
        if (n == 0)
            break;
        done += n;
    }
    return 0;
}

USER_SYSCALL(mmap)
{
    uint64_t addr = a[0], len = a[1], prot = a[2], flags = a[3];
    int64_t off = a[5];
    if (len == 0 || (off & (PAGE - 1)))
        return -EINVAL;
    if (len > PAGESTORE_ADDR_LIMIT)
        return -ENOMEM;
    len = page_up(len);
    if (prot & ~(uint64_t)(GUEST_PROT_MASK | GUEST_PROT_BTI | GUEST_PROT_MTE))
        return -EINVAL;
    unsigned type = flags & GUEST_MAP_TYPE;
    if (type != GUEST_MAP_SHARED && type != GUEST_MAP_PRIVATE
        && type != GUEST_MAP_SHARED_VALIDATE)
        return -EINVAL;
    if (!within_limit(p, len))
        return -ENOMEM;
    bool anon = flags & GUEST_MAP_ANONYMOUS;
    int fd = -1;
    if ((prot & GUEST_PROT_MTE) && !anon)
        return -EINVAL;   /* Linux: PROT_MTE only on RAM-backed mappings */
    if (!anon) {
        fd = user_fd_host(p, a[4]);
        if (fd < 0)
            return fd;
        if (off < 0)
            return -EINVAL;
        /* Linux: the file must be open for reading, and for writing too
         * when stores through a shared mapping would reach it. */
        int fl = fcntl(fd, F_GETFL);
        if (fl >= 0 && (fl & O_PATH))
            return -EBADF;
        if (fl >= 0 && ((fl & O_ACCMODE) == O_WRONLY
                        || (type != GUEST_MAP_PRIVATE
                            && (prot & PAGESTORE_PROT_WRITE)
                            && (fl & O_ACCMODE) != O_RDWR)))
            return -EACCES;
        struct stat st;
        if (fstat(fd, &st) == 0 && (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode)
                                    || S_ISDIR(st.st_mode)))
            return -ENODEV;   /* Linux: no mmap for these */
    }

    bool fixed = flags & (GUEST_MAP_FIXED | GUEST_MAP_FIXED_NOREPLACE);
    if (fixed) {
        if (addr & (PAGE - 1))
            return -EINVAL;
        if (addr < USER_MMAP_MIN)
            return -EPERM;   /* vm.mmap_min_addr */
        if (addr >= PAGESTORE_ADDR_LIMIT || len > PAGESTORE_ADDR_LIMIT - addr)
            return -ENOMEM;
        if ((flags & GUEST_MAP_FIXED_NOREPLACE) && !(flags & GUEST_MAP_FIXED)
            && !range_free(p, addr, len))
            return -EEXIST;
    } else {
        /* A hint is taken when the range there is free. */
        addr &= PAGESTORE_PAGE_MASK;
        if (addr < USER_MMAP_MIN || addr >= PAGESTORE_ADDR_LIMIT
            || len > PAGESTORE_ADDR_LIMIT - addr || !range_free(p, addr, len))
            addr = find_free(p, len);
        if (!addr)
            return -ENOMEM;
    }

    struct pagestore_shm *file_shm = NULL;
    if (!anon && type != GUEST_MAP_PRIVATE) {
        int r = user_file_shm_get(p, fd, off + len, &file_shm);
        if (r < 0 && r != -ENODEV)
            return r;
    } else if (!anon) {
        user_file_shm_flush(p, fd);   /* the copy sees shared stores */
    }

    user_mem_changed(p, addr, len);
    if (file_shm) {
        /* The file's own object: its pages are the file's, no copy. */
        pagestore_map_shm(p->mem, addr, len, prot & GUEST_PROT_MASK,
                          file_shm, off);
        user_mte_map(p, addr, len, 0);
        return addr;
    }
    if (type == GUEST_MAP_PRIVATE) {
        pagestore_map(p->mem, addr, len, prot & GUEST_PROT_MASK);
    } else {
        struct pagestore_shm *shm = pagestore_shm_new(len);
        if (!shm)
            return -ENOMEM;
        pagestore_map_shm(p->mem, addr, len, prot & GUEST_PROT_MASK, shm, 0);
        pagestore_shm_unref(shm);   /* the mapping holds it */
    }
    user_mte_map(p, addr, len, prot & GUEST_PROT_MTE);
    if (!anon) {
        int r = copy_file(p, fd, addr, len, off);
        if (r < 0) {
            user_mte_unmap(p, addr, len);
            pagestore_unmap(p->mem, addr, len);
            return r;
        }
    }
    return addr;
}

static int check_range(uint64_t addr, uint64_t len)
{
    if (addr & (PAGE - 1))
        return -EINVAL;
    if (addr >= PAGESTORE_ADDR_LIMIT || len > PAGESTORE_ADDR_LIMIT - addr)
        return -EINVAL;
    return 0;
}

USER_SYSCALL(munmap)
{
    uint64_t addr = a[0], len = a[1];
    if (len == 0)
        return -EINVAL;
    if (len > PAGESTORE_ADDR_LIMIT)
        return -EINVAL;
    len = page_up(len);
    int r = check_range(addr, len);
    if (r < 0)
        return r;
    bool file_pages = user_file_shm_maps(p, addr, len);
    user_mem_changed(p, addr, len);
    user_mte_unmap(p, addr, len);
    pagestore_unmap(p->mem, addr, len);
    if (file_pages)
        user_file_shm_sweep(p->kernel);   /* write back what went */
    return 0;
}

USER_SYSCALL(mprotect)
{
    uint64_t addr = a[0], len = a[1], prot = a[2];
    if (prot & ~(uint64_t)(GUEST_PROT_MASK | GUEST_PROT_BTI | GUEST_PROT_MTE))
        return -EINVAL;
    if (len > PAGESTORE_ADDR_LIMIT)
        return -ENOMEM;
    len = page_up(len);
    int r = check_range(addr, len);
    if (r < 0)
        return r == -EINVAL && !(addr & (PAGE - 1)) ? -ENOMEM : r;
    if (len == 0)
        return 0;
    if (!pagestore_range_ok(p->mem, addr, len, 0))
        return -ENOMEM;
    user_mem_changed(p, addr, len);
    r = pagestore_protect(p->mem, addr, len, prot & GUEST_PROT_MASK);
    /* PROT_MTE is only ever added (as on Linux, where VM_MTE stays). */
    if (r == 0 && (prot & GUEST_PROT_MTE))
        user_mte_protect(p, addr, len);
    return r;
}

USER_SYSCALL(madvise)
{
    uint64_t addr = a[0], len = a[1];
    if (addr & (PAGE - 1))
        return -EINVAL;
    if (len > PAGESTORE_ADDR_LIMIT)
        return -EINVAL;
    len = page_up(len);
    if (check_range(addr, len) < 0)
        return -EINVAL;
    if (!pagestore_range_ok(p->mem, addr, len, 0))
        return -ENOMEM;
    if (a[2] == GUEST_MADV_DONTNEED) {
        /* Private pages read back as zero afterwards. (A file-backed
         * private mapping would re-read the file on Linux; ours are
         * copies, so they become zero: rare in practice.) Shared pages
         * keep their contents, which are the object's. */
        user_mem_changed(p, addr, len);
        for (uint64_t pa = addr; pa < addr + len; pa += PAGE) {
            int prot = pagestore_prot(p->mem, pa);
            if (!pagestore_shm_at(p->mem, pa, NULL))
                pagestore_map(p->mem, pa, PAGE, prot);
        }
    }
    return 0;   /* other advice is only advice */
}

/* Shared file mappings' stores go back to their files here (and at
 * munmap, and before the file is read: user/file-shm.h). */
USER_SYSCALL(msync)
{
    enum { MS_ASYNC = 1, MS_INVALIDATE = 2, MS_SYNC = 4 };
    uint64_t addr = a[0], len = a[1], flags = a[2];
    if (addr & (PAGE - 1) || flags & ~(uint64_t)(MS_ASYNC | MS_INVALIDATE | MS_SYNC)
        || ((flags & MS_ASYNC) && (flags & MS_SYNC)))
        return -EINVAL;
    if (len > PAGESTORE_ADDR_LIMIT)
        return -ENOMEM;
    len = page_up(len);
    if (len == 0)
        return 0;
    if (check_range(addr, len) < 0 || !pagestore_range_ok(p->mem, addr, len, 0))
        return -ENOMEM;
    user_file_shm_sync_range(p, addr, len);
    return 0;
}

USER_SYSCALL(mremap)
{
    uint64_t addr = a[0], old_len = page_up(a[1]), new_len = page_up(a[2]);
    if (addr & (PAGE - 1) || a[2] == 0 || a[1] > PAGESTORE_ADDR_LIMIT
        || a[2] > PAGESTORE_ADDR_LIMIT)
        return -EINVAL;
    if (check_range(addr, old_len) < 0)
        return -EINVAL;
    if (!pagestore_range_ok(p->mem, addr, old_len ? old_len : PAGE, 0))
        return -EFAULT;
    if (new_len <= old_len && old_len != 0) {
        /* Shrinking in place. */
        user_mem_changed(p, addr + new_len, old_len - new_len);
        user_mte_unmap(p, addr + new_len, old_len - new_len);
        pagestore_unmap(p->mem, addr + new_len, old_len - new_len);
        return addr;
    }
    /* Growing is not supported yet; glibc's realloc falls back to
     * allocate-copy-free. */
    return -ENOMEM;
}
