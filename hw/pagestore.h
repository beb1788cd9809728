/* The page store: guest RAM in 4 KiB pages and the table that maps a guest
 * page address to a host page and its protection.
 *
 * The table is a radix tree over 48-bit guest addresses (four levels of 512
 * entries, like an Arm stage-1 table with 4 KiB granules), allocated level
 * by level as addresses are first mapped, so a lookup is four indexed loads.
 *
 * Mapping only reserves: a page's host memory is allocated (zeroed) on its
 * first touch through pagestore_translate(). A glibc arena's 64 MiB
 * PROT_NONE reservation, or an 8 MiB stack, costs table entries (8 bytes a
 * page) and no RAM until used.
 *
 * Snapshots (for time travel) are copy-on-write: taking one shares every
 * host page between the store and the snapshot; the first
 * pagestore_translate() of a shared page afterwards copies it. Whoever
 * caches host pointers (the CPU's TLB) must drop them when a snapshot is
 * taken or restored, so that the next access translates again.
 */
#ifndef BACKSTEP_HW_PAGESTORE_H
#define BACKSTEP_HW_PAGESTORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PAGESTORE_PAGE_BITS 12
#define PAGESTORE_PAGE_SIZE (1ull << PAGESTORE_PAGE_BITS)
#define PAGESTORE_PAGE_MASK (~(PAGESTORE_PAGE_SIZE - 1))
#define PAGESTORE_ADDR_BITS 48
#define PAGESTORE_ADDR_LIMIT (1ull << PAGESTORE_ADDR_BITS)

/* Protections, the same bits as PROT_READ/WRITE/EXEC and CPU_PROT_*. */
#define PAGESTORE_PROT_READ 1u
#define PAGESTORE_PROT_WRITE 2u
#define PAGESTORE_PROT_EXEC 4u
#define PAGESTORE_PROT_MASK 7u

struct pagestore;

struct pagestore *pagestore_new(void);
void pagestore_free(struct pagestore *ps);

/* Map [addr, addr+len) as fresh zero pages with prot, replacing whatever
 * was mapped there. addr and len must be page-aligned and the range inside
 * the 48-bit space. Returns 0 or -EINVAL. */
int pagestore_map(struct pagestore *ps, uint64_t addr, uint64_t len,
                  unsigned prot);

/* Unmap every page of [addr, addr+len); holes are fine. 0 or -EINVAL. */
int pagestore_unmap(struct pagestore *ps, uint64_t addr, uint64_t len);

/* Change the protection of [addr, addr+len). If any page in the range is
 * unmapped nothing changes and -ENOMEM is returned (as mprotect does). */
int pagestore_protect(struct pagestore *ps, uint64_t addr, uint64_t len,
                      unsigned prot);

/* The host address of the start of the page holding addr, allocating it
 * on first touch, and its protection in *prot. NULL if addr is not mapped
 * (or the host is out of memory). The pointer stays valid until the page
 * is unmapped or remapped, or a snapshot is taken or restored. The page
 * returned is the store's own (a page shared with a snapshot or a forked
 * store is copied first), or its shared object's (below), so the caller
 * may write to it. */
uint8_t *pagestore_translate(struct pagestore *ps, uint64_t addr,
                             unsigned *prot);

/* The host page holding addr if it has been touched, else NULL (also
 * when unmapped: tell the two apart with pagestore_prot). Never
 * allocates: for readers, such as a debugger, that should not make
 * reserved memory resident. */
uint8_t *pagestore_peek(const struct pagestore *ps, uint64_t addr);

/* The protection of the page holding addr, or -1 if unmapped. Never
 * allocates. */
int pagestore_prot(const struct pagestore *ps, uint64_t addr);

/* True if every page touching [addr, addr+len) is mapped and has all the
 * protection bits in need (need may be 0: mapped at all). Never allocates.
 * len 0 is true. */
bool pagestore_range_ok(const struct pagestore *ps, uint64_t addr,
                        uint64_t len, unsigned need);

/* The lowest / highest mapped page in [lo, hi) (page-aligned bounds), in
 * *page. False if none. Unpopulated parts of the table are skipped, so
 * searching a large empty range is cheap; this is what address-space
 * allocators (user/'s mmap) build on. */
bool pagestore_first_mapped(const struct pagestore *ps, uint64_t lo,
                            uint64_t hi, uint64_t *page);
bool pagestore_last_mapped(const struct pagestore *ps, uint64_t lo,
                           uint64_t hi, uint64_t *page);

/* Pages currently backed by host memory (touched), and pages mapped.
 * Pages of shared objects (below) count as mapped, and as resident in
 * their object rather than here. */
size_t pagestore_resident_pages(const struct pagestore *ps);
size_t pagestore_mapped_pages(const struct pagestore *ps);

/* ---- Copy-on-write snapshots --------------------------------------- */

struct pagestore_snapshot;

/* The mappings, protections and contents of every page now. Costs the
 * table (8 bytes a mapped page) and no page copies; pages are copied
 * later, once, when translated. NULL if the host is out of memory. A
 * snapshot belongs to its store and must be freed before it. */
struct pagestore_snapshot *pagestore_snapshot_take(struct pagestore *ps);
/* Make the store's mappings and contents those of snap (which stays
 * valid and may be restored again). */
void pagestore_snapshot_restore(struct pagestore *ps,
                                const struct pagestore_snapshot *snap);
void pagestore_snapshot_free(struct pagestore *ps,
                             struct pagestore_snapshot *snap);

/* Pages given their own copy or first touched since the last snapshot
 * was taken or restored (or since the store was made): the dirty set's
 * size, what the next snapshot will not share. */
size_t pagestore_dirty_pages(const struct pagestore *ps);
/* Host pages held by the store and its snapshots together (each counted
 * once however many share it), and by the stores of its family (below)
 * and their snapshots: the memory time travel costs, with resident_pages
 * the part the store itself uses. */
size_t pagestore_host_pages(const struct pagestore *ps);
/* Of those, the pages that only snapshots hold: what history costs, for
 * the whole family (count it once, not per store). */
size_t pagestore_history_pages(const struct pagestore *ps);
/* Pages of snap's own: the ones only it holds (freeing it frees them). */
size_t pagestore_snapshot_private_pages(const struct pagestore *ps,
                                        const struct pagestore_snapshot *snap);

/* ---- Copy-on-write fork ------------------------------------------------ */

/* A new store with src's mappings and contents, sharing src's host pages
 * copy-on-write (both copy a page at its first translation afterwards;
 * pages of shared objects stay shared). The two are then a family: they
 * and every store forked from either share one count of host pages.
 * Whoever caches host pointers of src (its CPUs' TLBs and decoded code)
 * must drop them, since src's next translation of each page copies it. */
struct pagestore *pagestore_fork(struct pagestore *src);
/* Whether a and b are of one family (pagestore_fork). */
bool pagestore_same_family(const struct pagestore *a,
                           const struct pagestore *b);

/* ---- Shared-memory objects ------------------------------------------- */

/* A shared-memory object: pages of its own (MAP_SHARED memory), mapped
 * into any number of stores; a write through one mapping is seen through
 * all of them, since they reach the same host page. Reference-counted:
 * every mapped page holds a reference, as do the object's snapshots, so
 * it lives until the last mapping and snapshot of it go.
 *
 * Its pages are allocated on first touch and copied on write after a
 * snapshot of the object, like a store's; so the host page behind a
 * shared mapping changes when a snapshot of the object is taken or
 * restored, and whoever caches host pointers must drop them then (as for
 * a store's own snapshots: one flush of every CPU mapping it). A store's
 * snapshot keeps which object page each address maps, not the object's
 * contents: those are the object's own snapshot, taken once however many
 * stores map it. */
struct pagestore_shm;

/* A zero-filled object of size bytes (page-aligned, > 0, at most the
 * 48-bit space), or NULL. The caller holds the one reference. */
struct pagestore_shm *pagestore_shm_new(uint64_t size);
struct pagestore_shm *pagestore_shm_ref(struct pagestore_shm *shm);
void pagestore_shm_unref(struct pagestore_shm *shm);
uint64_t pagestore_shm_size(const struct pagestore_shm *shm);
/* The object's own store of its pages, at their offsets as addresses:
 * with an offset, a name of a shared byte that is the same from every
 * store mapping it (what a futex shared between processes is keyed by).
 * Not for mapping or writing. */
struct pagestore *pagestore_shm_store(const struct pagestore_shm *shm);
/* The host page at offset (page-aligned, < size), allocated on first
 * touch; NULL if out of range or the host is out of memory. Valid until
 * the object's next snapshot or restore. */
uint8_t *pagestore_shm_translate(struct pagestore_shm *shm, uint64_t offset);

/* Map [addr, addr+len) to the object's pages from offset on, with prot,
 * replacing whatever was mapped there. 0, or -EINVAL (bad range, or
 * offset+len past the object's end). */
int pagestore_map_shm(struct pagestore *ps, uint64_t addr, uint64_t len,
                      unsigned prot, struct pagestore_shm *shm,
                      uint64_t offset);
/* The object the page holding addr maps, and the offset of that page in
 * it; NULL for a private (or unmapped) page. Not a new reference. */
struct pagestore_shm *pagestore_shm_at(const struct pagestore *ps,
                                       uint64_t addr, uint64_t *offset);
/* Call fn once for each mapped page of an object (in no set order), with
 * the object and the page's guest address and offset in it. */
typedef void (*pagestore_shm_fn)(struct pagestore_shm *shm, uint64_t addr,
                                 uint64_t offset, void *data);
void pagestore_for_each_shm_page(const struct pagestore *ps,
                                 pagestore_shm_fn fn, void *data);

/* Snapshots of an object's contents (copy-on-write, as a store's): each
 * holds a reference to its object. */
struct pagestore_shm_snapshot;
struct pagestore_shm_snapshot *pagestore_shm_snapshot_take(
    struct pagestore_shm *shm);
void pagestore_shm_snapshot_restore(const struct pagestore_shm_snapshot *snap);
void pagestore_shm_snapshot_free(struct pagestore_shm_snapshot *snap);
struct pagestore_shm *pagestore_shm_snapshot_object(
    const struct pagestore_shm_snapshot *snap);
/* Host pages of the object and its snapshots together, and those the
 * object itself uses: as pagestore_host_pages / pagestore_resident_pages
 * for a store (whose counts leave its objects' pages out). */
size_t pagestore_shm_host_pages(const struct pagestore_shm *shm);
size_t pagestore_shm_resident_pages(const struct pagestore_shm *shm);

#endif
