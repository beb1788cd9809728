/* One shared-memory object per file for MAP_SHARED file mappings: see
 * user/file-shm.h for the model and its limits. */
#define _GNU_SOURCE
#include "config.h"

#include "user/file-shm.h"
#include "user/user-internal.h"

#include "hw/pagestore.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PAGE PAGESTORE_PAGE_SIZE

/* A file's object. Shared by the table and the snapshots of it; its
 * object never changes (a larger one is a new entry), so that a snapshot
 * names the object its mappings used. */
struct file_obj {
    int refs;
    dev_t dev;
    ino_t ino;
    int host;                     /* our own fd of the file, for write-back:
                                     read-write once the guest has opened
                                     the file so (a better one may replace
                                     it; it stays the same file) */
    bool writable;
    struct pagestore_shm *shm;    /* a reference */
};

struct user_file_shm_snapshot {
    GPtrArray *objs;              /* of struct file_obj, a reference each */
};

static guint obj_hash(gconstpointer key)
{
    const struct file_obj *o = key;
    return g_int64_hash(&(gint64){ (gint64)o->ino }) ^ (guint)o->dev;
}

static gboolean obj_equal(gconstpointer a, gconstpointer b)
{
    const struct file_obj *x = a, *y = b;
    return x->dev == y->dev && x->ino == y->ino;
}

static struct file_obj *obj_ref(struct file_obj *o)
{
    o->refs++;
    return o;
}

static void obj_unref(gpointer data)
{
    struct file_obj *o = data;
    if (--o->refs == 0) {
        close(o->host);
        pagestore_shm_unref(o->shm);
        g_free(o);
    }
}

static void write_back(struct file_obj *o);

/* The kernel's table (k->file_shm: struct file_obj, key and value the
 * same, a reference each), made when first needed. */
static GHashTable *table_of(struct user_kernel *k, bool create)
{
    if (!k->file_shm && create)
        k->file_shm = g_hash_table_new_full(obj_hash, obj_equal, NULL,
                                            obj_unref);
    return k->file_shm;
}

/* The table's object for the file open as host_fd, or NULL. st gets the
 * file's status. */
static struct file_obj *lookup(struct user_kernel *k, int host_fd,
                               struct stat *st)
{
    GHashTable *t = table_of(k, false);
    if (!t || g_hash_table_size(t) == 0 || fstat(host_fd, st) < 0)
        return NULL;
    struct file_obj key = { .dev = st->st_dev, .ino = st->st_ino };
    return g_hash_table_lookup(t, &key);
}

/* ---- Between the object and the file ------------------------------------ */

/* A replay (time travel) runs the past again without touching the host
 * (DESIGN.md, rule 2): the files keep what the recording wrote. The
 * door's query for the next recorded host wake is answered only when
 * replaying, and changes nothing. */
static bool replaying(struct user_kernel *k)
{
    const struct user_syscall_door *door = k->door;
    uint64_t args[6] = { 0 };
    int64_t unused = 0;
    return door && k->first
           && door->before(door->opaque, k->first,
                           USER_DOOR_NR_NEXT_HOST_WAKE, args, &unused)
                  == USER_DOOR_SKIP;
}

/* Write the object's resident pages inside the file's size back to the
 * file, those that differ from it only (a file that was only read keeps
 * its times; a sealed memfd is not written). */
static void write_back(struct file_obj *o)
{
    struct stat st;
    if (fstat(o->host, &st) < 0)
        return;
    uint64_t limit = MIN(pagestore_shm_size(o->shm), (uint64_t)st.st_size);
    struct pagestore *pages = pagestore_shm_store(o->shm);
    uint8_t buf[PAGE];
    for (uint64_t off = 0; off < limit; off += PAGE) {
        const uint8_t *page = pagestore_peek(pages, off);
        if (!page)
            continue;   /* never touched: what the file held, or zero */
        size_t n = MIN(PAGE, limit - off);
        ssize_t got = pread(o->host, buf, n, off);
        if (got == (ssize_t)n && memcmp(buf, page, n) == 0)
            continue;
        if (pwrite(o->host, page, n, off) != (ssize_t)n)
            continue;   /* read-only or sealed: the stores stay ours */
    }
}

/* Read the pages of [lo, hi) (page-aligned) of the object from the file;
 * bytes past its end become zero. Pages never touched stay so past the
 * file's end. */
static void fill(struct file_obj *o, uint64_t lo, uint64_t hi)
{
    struct stat st;
    if (fstat(o->host, &st) < 0)
        return;
    uint64_t size = st.st_size;
    hi = MIN(hi, pagestore_shm_size(o->shm));
    for (uint64_t off = lo; off < hi; off += PAGE) {
        if (off >= size && !pagestore_peek(pagestore_shm_store(o->shm), off))
            continue;
        uint8_t *page = pagestore_shm_translate(o->shm, off);
        if (!page)
            return;   /* host out of memory: the old bytes stay */
        size_t want = off < size ? MIN(PAGE, size - off) : 0;
        ssize_t got = want ? pread(o->host, page, want, off) : 0;
        if (got < 0)
            got = 0;
        memset(page + got, 0, PAGE - got);
    }
}

/* ---- Address spaces ------------------------------------------------------ */

/* Call fn once for each address space of k (threads and vfork children
 * share one) with a process using it. */
typedef void (*space_fn)(struct user_process *q, void *data);
static void for_each_space(struct user_kernel *k, space_fn fn, void *data)
{
    GPtrArray *seen = g_ptr_array_new();
    for (guint i = 0; i < k->procs->len; i++) {
        struct user_process *q = g_ptr_array_index(k->procs, i);
        if (!q->mem || g_ptr_array_find(seen, q->mem, NULL))
            continue;
        g_ptr_array_add(seen, q->mem);
        fn(q, data);
    }
    g_ptr_array_unref(seen);
}

/* The pages of one object mapped in one address space. */
struct obj_pages {
    struct pagestore_shm *shm;
    uint64_t lo, hi;              /* object offsets of interest */
    GArray *addrs, *offsets;      /* of uint64_t */
};

static void note_page(struct pagestore_shm *shm, uint64_t addr,
                      uint64_t offset, void *data)
{
    struct obj_pages *op = data;
    if (shm != op->shm || offset < op->lo || offset >= op->hi)
        return;
    g_array_append_val(op->addrs, addr);
    g_array_append_val(op->offsets, offset);
}

static void collect(struct user_process *q, struct obj_pages *op)
{
    g_array_set_size(op->addrs, 0);
    g_array_set_size(op->offsets, 0);
    pagestore_for_each_shm_page(q->mem, note_page, op);
}

/* The TLBs and decoded code of q over the span of addrs. */
static void span_changed(struct user_process *q, GArray *addrs)
{
    if (addrs->len == 0)
        return;
    uint64_t lo = UINT64_MAX, hi = 0;
    for (guint i = 0; i < addrs->len; i++) {
        uint64_t a = g_array_index(addrs, uint64_t, i);
        lo = MIN(lo, a);
        hi = MAX(hi, a + PAGE);
    }
    user_mem_changed(q, lo, hi - lo);
}

/* The object's bytes at [lo, hi) changed under its mappings: every CPU
 * translates again (the host page may be a new copy) and drops code
 * decoded from them. */
static void changed_in(struct user_process *q, void *data)
{
    struct obj_pages *op = data;
    collect(q, op);
    span_changed(q, op->addrs);
}

static void object_changed(struct user_kernel *k, struct pagestore_shm *shm,
                           uint64_t lo, uint64_t hi)
{
    struct obj_pages op = { .shm = shm, .lo = lo, .hi = hi,
                            .addrs = g_array_new(FALSE, FALSE, 8),
                            .offsets = g_array_new(FALSE, FALSE, 8) };
    for_each_space(k, changed_in, &op);
    g_array_unref(op.addrs);
    g_array_unref(op.offsets);
}

/* Growing: the pages of the old object move to the new one. */
struct move {
    struct obj_pages op;
    struct pagestore_shm *to;
};

static void move_in(struct user_process *q, void *data)
{
    struct move *m = data;
    collect(q, &m->op);
    for (guint i = 0; i < m->op.addrs->len; i++) {
        uint64_t addr = g_array_index(m->op.addrs, uint64_t, i);
        int prot = pagestore_prot(q->mem, addr);
        pagestore_map_shm(q->mem, addr, PAGE, prot < 0 ? 0 : prot, m->to,
                          g_array_index(m->op.offsets, uint64_t, i));
    }
    span_changed(q, m->op.addrs);
}

static void note_shm(struct pagestore_shm *shm, uint64_t addr,
                     uint64_t offset, void *data)
{
    (void)addr;
    (void)offset;
    g_hash_table_add(data, shm);
}

static void note_space(struct user_process *q, void *data)
{
    pagestore_for_each_shm_page(q->mem, note_shm, data);
}

/* ---- The table ----------------------------------------------------------- */

/* Our own fd of the file, read-write only if the guest's is (stores that
 * got into a read-only file's mapping, past mprotect, must not reach
 * it), and never O_APPEND (a pwrite there appends). A duplicate when it
 * cannot be opened so. */
static int own_fd(int host_fd, bool *writable)
{
    int fl = fcntl(host_fd, F_GETFL);
    *writable = fl >= 0 && (fl & O_ACCMODE) == O_RDWR;
    if (*writable) {
        char path[64];
        snprintf(path, sizeof(path), "/proc/self/fd/%d", host_fd);
        int fd = open(path, O_RDWR | O_CLOEXEC);
        if (fd >= 0) {
            struct stat a, b;
            if (fstat(fd, &a) == 0 && fstat(host_fd, &b) == 0
                && a.st_dev == b.st_dev && a.st_ino == b.st_ino)
                return fd;
            close(fd);
        }
        *writable = !(fl & O_APPEND);
    }
    return fcntl(host_fd, F_DUPFD_CLOEXEC, 3);
}

/* The guest now maps the file through a read-write fd: write-back may
 * write from now on. */
static void make_writable(struct file_obj *o, int host_fd)
{
    bool writable;
    if (o->writable)
        return;
    int fd = own_fd(host_fd, &writable);
    if (fd < 0)
        return;
    if (!writable) {
        close(fd);
        return;
    }
    close(o->host);
    o->host = fd;
    o->writable = true;
}

/* A new object of size bytes for the file of st: the old one's pages
 * (when growing) and the file's beyond them. */
static struct file_obj *obj_new(int host_fd, const struct stat *st,
                                uint64_t size, struct file_obj *old)
{
    struct pagestore_shm *shm = pagestore_shm_new(size);
    if (!shm)
        return NULL;
    bool writable = old && old->writable;
    int fd = old ? fcntl(old->host, F_DUPFD_CLOEXEC, 3)
                 : own_fd(host_fd, &writable);
    if (fd < 0) {
        pagestore_shm_unref(shm);
        return NULL;
    }
    struct file_obj *o = g_new(struct file_obj, 1);
    *o = (struct file_obj){ .refs = 1, .dev = st->st_dev, .ino = st->st_ino,
                            .host = fd, .writable = writable, .shm = shm };
    uint64_t from = 0;
    if (old) {
        struct pagestore *pages = pagestore_shm_store(old->shm);
        from = pagestore_shm_size(old->shm);
        for (uint64_t off = 0; off < from; off += PAGE) {
            const uint8_t *src = pagestore_peek(pages, off);
            uint8_t *dst = src ? pagestore_shm_translate(shm, off) : NULL;
            if (dst)
                memcpy(dst, src, PAGE);
        }
    }
    fill(o, from, size);
    return o;
}

int user_file_shm_get(struct user_process *p, int host_fd, uint64_t end,
                      struct pagestore_shm **out)
{
    struct user_kernel *k = p->kernel;
    struct stat st;
    if (fstat(host_fd, &st) < 0)
        return -errno;
    if (!S_ISREG(st.st_mode) || !k)
        return -ENODEV;
    user_file_shm_sweep(k);
    GHashTable *t = table_of(k, true);
    struct file_obj key = { .dev = st.st_dev, .ino = st.st_ino };
    struct file_obj *old = g_hash_table_lookup(t, &key);
    if (old && pagestore_shm_size(old->shm) >= end) {
        make_writable(old, host_fd);
        *out = old->shm;
        return 0;
    }
    /* An object's table costs 8 bytes a page however little is used, and
     * a write-back looks at every page: an object covers what is mapped
     * (from offset 0), not the whole file, and none is made far into a
     * huge sparse file (the caller maps a copy instead). Growing is
     * rare: programs map a memfd whole. */
    if (end > USER_MAP_LIMIT)
        return -ENODEV;
    struct file_obj *o = obj_new(host_fd, &st, end, old);
    if (!o)
        return -ENOMEM;
    make_writable(o, host_fd);
    if (old) {
        struct move m = { .op = { .shm = old->shm, .lo = 0, .hi = UINT64_MAX,
                                  .addrs = g_array_new(FALSE, FALSE, 8),
                                  .offsets = g_array_new(FALSE, FALSE, 8) },
                          .to = o->shm };
        for_each_space(k, move_in, &m);
        g_array_unref(m.op.addrs);
        g_array_unref(m.op.offsets);
    }
    g_hash_table_replace(t, o, o);   /* drops the old entry's reference */
    *out = o->shm;
    return 0;
}

void user_file_shm_flush(struct user_process *p, int host_fd)
{
    struct stat st;
    struct file_obj *o = p->kernel ? lookup(p->kernel, host_fd, &st) : NULL;
    if (o && !replaying(p->kernel))
        write_back(o);
}

void user_file_shm_written(struct user_process *p, int host_fd,
                           int64_t offset, uint64_t len)
{
    struct stat st;
    struct file_obj *o = p->kernel ? lookup(p->kernel, host_fd, &st) : NULL;
    if (!o || len == 0)
        return;
    if (offset < 0) {
        /* The len bytes before the fd's position (write, O_APPEND too). */
        off_t pos = lseek(host_fd, 0, SEEK_CUR);
        if (pos < 0 || (uint64_t)pos < len)
            return;
        offset = pos - len;
    }
    uint64_t size = pagestore_shm_size(o->shm), at = offset;
    if (at >= size)
        return;
    uint64_t lo = at & PAGESTORE_PAGE_MASK;
    uint64_t hi = len >= size - at ? size
                  : (at + len + PAGE - 1) & PAGESTORE_PAGE_MASK;
    fill(o, lo, hi);
    object_changed(p->kernel, o->shm, lo, hi);
}

struct in_range {
    uint64_t lo, hi;
    GHashTable *objects;
};

static void note_in_range(struct pagestore_shm *shm, uint64_t addr,
                          uint64_t offset, void *data)
{
    struct in_range *r = data;
    (void)offset;
    if (addr >= r->lo && addr < r->hi)
        g_hash_table_add(r->objects, shm);
}

void user_file_shm_sync_range(struct user_process *p, uint64_t addr,
                              uint64_t len)
{
    GHashTable *t = p->kernel ? table_of(p->kernel, false) : NULL;
    if (!t || g_hash_table_size(t) == 0)
        return;
    if (replaying(p->kernel))
        return;
    struct in_range r = { .lo = addr, .hi = addr + len,
                          .objects = g_hash_table_new(NULL, NULL) };
    pagestore_for_each_shm_page(p->mem, note_in_range, &r);
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, t);
    while (g_hash_table_iter_next(&it, &key, NULL)) {
        struct file_obj *o = key;
        if (g_hash_table_contains(r.objects, o->shm))
            write_back(o);
    }
    g_hash_table_unref(r.objects);
}

bool user_file_shm_maps(struct user_process *p, uint64_t addr, uint64_t len)
{
    GHashTable *t = p->kernel ? table_of(p->kernel, false) : NULL;
    if (!t || g_hash_table_size(t) == 0)
        return false;
    /* Looking at each page costs a lookup: a huge range (rare) is
     * assumed to hold some. */
    if (len > 4096 * PAGE)
        return true;
    for (uint64_t a = addr & PAGESTORE_PAGE_MASK; a < addr + len; a += PAGE) {
        struct pagestore_shm *shm = pagestore_shm_at(p->mem, a, NULL);
        if (!shm)
            continue;
        GHashTableIter it;
        gpointer key;
        g_hash_table_iter_init(&it, t);
        while (g_hash_table_iter_next(&it, &key, NULL))
            if (((struct file_obj *)key)->shm == shm)
                return true;
    }
    return false;
}

void user_file_shm_sweep(struct user_kernel *k)
{
    GHashTable *t = table_of(k, false);
    if (!t || g_hash_table_size(t) == 0)
        return;
    GHashTable *mapped = g_hash_table_new(NULL, NULL);
    for_each_space(k, note_space, mapped);
    bool past = replaying(k);
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, t);
    while (g_hash_table_iter_next(&it, &key, NULL)) {
        struct file_obj *o = key;
        if (!g_hash_table_contains(mapped, o->shm)) {
            if (!past)
                write_back(o);
            g_hash_table_iter_remove(&it);
        }
    }
    g_hash_table_unref(mapped);
}

void user_file_shm_free(struct user_kernel *k)
{
    GHashTable *t = table_of(k, false);
    if (!t)
        return;
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, t);
    while (g_hash_table_iter_next(&it, &key, NULL))
        write_back(key);
    g_hash_table_unref(t);
    k->file_shm = NULL;
}

/* ---- Snapshots ----------------------------------------------------------- */

struct user_file_shm_snapshot *user_file_shm_snapshot_take(
    struct user_kernel *k)
{
    struct user_file_shm_snapshot *s = g_new(struct user_file_shm_snapshot, 1);
    s->objs = g_ptr_array_new_with_free_func(obj_unref);
    GHashTable *t = table_of(k, false);
    if (t) {
        GHashTableIter it;
        gpointer key;
        g_hash_table_iter_init(&it, t);
        while (g_hash_table_iter_next(&it, &key, NULL))
            g_ptr_array_add(s->objs, obj_ref(key));
    }
    return s;
}

void user_file_shm_snapshot_restore(struct user_kernel *k,
                                    const struct user_file_shm_snapshot *s)
{
    if (!s)
        return;
    GHashTable *t = table_of(k, s->objs->len > 0);
    if (!t)
        return;
    /* No write-back of what goes: the restored objects are the truth
     * now, and the next read of the file writes them back. */
    g_hash_table_remove_all(t);
    for (guint i = 0; i < s->objs->len; i++) {
        struct file_obj *o = obj_ref(g_ptr_array_index(s->objs, i));
        g_hash_table_replace(t, o, o);
    }
}

void user_file_shm_snapshot_free(struct user_file_shm_snapshot *s)
{
    if (!s)
        return;
    g_ptr_array_unref(s->objs);
    g_free(s);
}
