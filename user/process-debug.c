/* What the debugger asks of the set of processes: its threads and their
 * CPUs, which processes it follows, the events it wants, breakpoints on
 * every thread. */
#include "config.h"

#include "user/user-internal.h"
#include "user/process-debug.h"

#include "cpu/cpu.h"
#include "hw/pagestore.h"

#include <errno.h>
#include <inttypes.h>
#include <string.h>
#include <sys/stat.h>

GArray *user_process_threads(struct user_process *proc)
{
    struct user_kernel *k = proc->kernel;
    GArray *out = g_array_new(FALSE, TRUE, sizeof(struct user_thread_info));
    for (guint i = 0; i < k->threads->len; i++) {
        struct user_thread *t = g_ptr_array_index(k->threads, i);
        if (!t->proc->debugged || t->proc->exited)
            continue;
        struct user_thread_info info = { .pid = t->proc->pid, .tid = t->tid };
        memcpy(info.name, t->comm, sizeof(info.name));
        g_array_append_val(out, info);
    }
    return out;
}

struct cpu_state *user_process_thread_cpu(struct user_process *proc,
                                          int64_t tid)
{
    struct user_kernel *k = proc->kernel;
    if (tid <= 0)
        return k->current ? k->current->cpu : proc->cpu;
    struct user_thread *t = user_thread_find(k, tid);
    return t ? t->cpu : NULL;
}

struct user_process *user_process_of(struct user_process *proc, int64_t id)
{
    struct user_kernel *k = proc->kernel;
    struct user_thread *t = user_thread_find(k, id);
    if (t)
        return t->proc;
    return user_proc_find(k, id);
}

void user_process_set_debugged(struct user_process *proc, int64_t pid,
                               bool debugged)
{
    struct user_kernel *k = proc->kernel;
    struct user_process *p = user_proc_find(k, pid);

    if (p)
        p->debugged = debugged;
    if (debugged)
        g_hash_table_remove(k->let_go, &pid);
    else
        g_hash_table_add(k->let_go, g_memdup2(&pid, sizeof(pid)));
}

bool user_kernel_follows(const struct user_kernel *k, int64_t pid)
{
    return !g_hash_table_contains(k->let_go, &pid);
}

void user_process_set_report(struct user_process *proc, unsigned mask)
{
    proc->kernel->report = mask;
}

void user_process_catch_syscalls(struct user_process *proc, bool all,
                                 const int *numbers, size_t n)
{
    struct user_kernel *k = proc->kernel;
    memset(k->catch_syscalls, 0, sizeof(k->catch_syscalls));
    k->catch_all_syscalls = all;
    for (size_t i = 0; i < n; i++)
        if (numbers[i] >= 0 && numbers[i] < 512)
            k->catch_syscalls[numbers[i] / 64] |= 1ull << (numbers[i] % 64);
}

void user_process_set_thread_signal(struct user_process *proc, int64_t tid,
                                    int signal)
{
    struct user_kernel *k = proc->kernel;
    struct user_thread *t = tid > 0 ? user_thread_find(k, tid) : k->current;
    if (!t)
        t = proc->cur;
    if (!t)
        return;
    t->sig->deliver = signal > 0 && signal <= USER_NSIG ? signal : 0;
}

uint64_t user_process_icount(const struct user_process *proc)
{
    const struct user_kernel *k = proc->kernel;
    uint64_t n = k->icount_retired;
    for (guint i = 0; i < k->threads->len; i++)
        n += ((struct user_thread *)g_ptr_array_index(k->threads, i))->cpu->icount;
    for (guint i = 0; i < k->dead_threads->len; i++)
        n += ((struct user_thread *)g_ptr_array_index(k->dead_threads, i))->cpu->icount;
    return n;
}

/* Every CPU of every thread, live or not yet freed. */
static void for_each_cpu(struct user_kernel *k, user_cpu_fn fn, void *data)
{
    for (guint i = 0; i < k->threads->len; i++)
        fn(((struct user_thread *)g_ptr_array_index(k->threads, i))->cpu, data);
}

static bool find_point(struct user_kernel *k, const struct user_breakpoint *b,
                       guint *at)
{
    for (guint i = 0; i < k->breakpoints->len; i++) {
        const struct user_breakpoint *x =
            &g_array_index(k->breakpoints, struct user_breakpoint, i);
        if (x->watch == b->watch && x->addr == b->addr
            && (!b->watch || (x->len == b->len && x->kind == b->kind))) {
            *at = i;
            return true;
        }
    }
    return false;
}

struct point_op {
    const struct user_breakpoint *b;
    bool insert;
    int rc;
};

static void apply_point(struct cpu_state *cpu, void *data)
{
    struct point_op *op = data;
    const struct user_breakpoint *b = op->b;
    int rc;
    if (b->watch)
        rc = op->insert ? cpu_watchpoint_insert(cpu, b->addr, b->len, b->kind)
                        : cpu_watchpoint_remove(cpu, b->addr, b->len, b->kind);
    else
        rc = op->insert ? cpu_breakpoint_insert(cpu, b->addr)
                        : cpu_breakpoint_remove(cpu, b->addr);
    if (rc < 0)
        op->rc = rc;
}

static int change_point(struct user_process *proc,
                        const struct user_breakpoint *b, bool insert)
{
    struct user_kernel *k = proc->kernel;
    guint at;
    bool known = find_point(k, b, &at);
    if (insert && known)
        return 0;
    if (!insert && !known)
        return -1;
    struct point_op op = { b, insert, 0 };
    for_each_cpu(k, apply_point, &op);
    if (insert && op.rc < 0) {
        /* A full table on some CPU: take it back from all of them. */
        op.insert = false;
        for_each_cpu(k, apply_point, &op);
        return -1;
    }
    if (insert)
        g_array_append_val(k->breakpoints, *b);
    else
        g_array_remove_index(k->breakpoints, at);
    return 0;
}

int user_process_insert_breakpoint(struct user_process *proc, uint64_t addr)
{
    struct user_breakpoint b = { .addr = addr };
    return change_point(proc, &b, true);
}

int user_process_remove_breakpoint(struct user_process *proc, uint64_t addr)
{
    struct user_breakpoint b = { .addr = addr };
    return change_point(proc, &b, false);
}

int user_process_insert_watchpoint(struct user_process *proc, uint64_t addr,
                                   uint64_t len, int kind)
{
    struct user_breakpoint b = { .watch = true, .addr = addr, .len = len,
                                 .kind = kind };
    return change_point(proc, &b, true);
}

int user_process_remove_watchpoint(struct user_process *proc, uint64_t addr,
                                   uint64_t len, int kind)
{
    struct user_breakpoint b = { .watch = true, .addr = addr, .len = len,
                                 .kind = kind };
    return change_point(proc, &b, false);
}

void user_process_hold_thread(struct user_process *proc, int64_t tid,
                              bool held)
{
    struct user_thread *t = user_thread_find(proc->kernel, tid);
    if (t)
        t->held = held;
}

int user_process_debugger_kill(struct user_process *proc, int64_t pid)
{
    struct user_process *p = user_proc_find(proc->kernel, pid);

    if (!p || p->exited)
        return -ESRCH;
    /* Its end is the debugger's doing, not news to report. */
    user_process_set_debugged(proc, pid, false);
    for (guint i = 0; i < p->threads->len; i++)
        ((struct user_thread *)g_ptr_array_index(p->threads, i))->held = false;
    user_process_kill(p, USER_SIGKILL);
    return 0;
}

int user_process_thread_set_siginfo(struct user_process *proc, int64_t tid,
                                    uint64_t offset, const uint8_t *data,
                                    size_t len)
{
    struct user_kernel *k = proc->kernel;
    struct user_thread *t = tid > 0 ? user_thread_find(k, tid) : k->current;
    struct user_siginfo *info;

    if (!t)
        return -ESRCH;
    info = &t->sig->stopped.info;
    if (offset > sizeof(*info) || len > sizeof(*info) - offset)
        return -EINVAL;
    if (!t->sig->has_stopped) {
        /* Stopped for something else (a breakpoint, an inferior call's
         * end): as PTRACE_SETSIGINFO at any ptrace stop, the siginfo is
         * the thread's from now on, used if it resumes with its signal
         * (gdb restores a signal's siginfo after an inferior call). */
        memset(&t->sig->stopped, 0, sizeof(t->sig->stopped));
        t->sig->has_stopped = true;
    }
    memcpy((uint8_t *)info + offset, data, len);
    return 0;
}

/* ---- The guest's /proc/PID files, for the debugger ---------------------
 *
 * gdb reads a Linux process's /proc/PID files through vFile: smaps for
 * gcore's memory regions (and the memory-tagged ones), maps for `info
 * proc mappings`, cmdline, stat and status for the core's process note.
 * The host's /proc knows nothing of guest pids: these are built from the
 * guest process. user/ does not remember which file a mapping came from:
 * only the program's own segments are named (after its program headers),
 * [heap], [stack], and MAP_SHARED memory as Linux names shared anonymous
 * memory. MADV_DONTDUMP is not remembered either (no "dd" flag). */

/* A run of mapped pages with one protection and one tagging (regions
 * are cut at fixed boundaries: joined again here). */
static bool next_mapping(struct user_process *p, uint64_t *addr,
                         struct user_mem_region *out)
{
    struct user_mem_region r;

    for (;;) {
        user_process_mem_region(p, *addr, &r);
        if (r.mapped || r.last == UINT64_MAX)
            break;
        *addr = r.last + 1;
    }
    if (!r.mapped)
        return false;
    *out = r;
    while (out->last != UINT64_MAX) {
        user_process_mem_region(p, out->last + 1, &r);
        if (!r.mapped || r.prot != out->prot || r.tagged != out->tagged)
            break;
        out->last = r.last;
    }
    *addr = out->last == UINT64_MAX ? UINT64_MAX : out->last + 1;
    return true;
}

/* The program's PT_LOAD segments, read from its program headers in
 * guest memory (AT_PHDR): the mappings backed by its file. */
#define PT_LOAD_TYPE 1
#define PF_W_FLAG 2
#define PHDR_SIZE 56
#define MAX_SEGMENTS 16

struct file_segment {
    uint64_t start, end;      /* page-aligned guest range of the file part */
    uint64_t offset;          /* file offset of start */
    bool writable;
};

static size_t program_segments(struct user_process *p,
                               struct file_segment *segs)
{
    size_t n = 0;

    if (!p->image.phdr_addr || p->image.phent < PHDR_SIZE)
        return 0;
    for (unsigned i = 0; i < p->image.phnum && n < MAX_SEGMENTS; i++) {
        uint8_t ph[PHDR_SIZE];
        uint32_t type, flags;
        uint64_t offset, vaddr, filesz, page_off;

        if (user_mem_read(p, p->image.phdr_addr + (uint64_t)i * p->image.phent,
                          ph, sizeof(ph)) != (ssize_t)sizeof(ph))
            break;
        memcpy(&type, ph, 4);
        memcpy(&flags, ph + 4, 4);
        memcpy(&offset, ph + 8, 8);
        memcpy(&vaddr, ph + 16, 8);
        memcpy(&filesz, ph + 32, 8);
        if (type != PT_LOAD_TYPE || filesz == 0)
            continue;
        vaddr += p->image.load_bias;
        page_off = vaddr & (CPU_PAGE_SIZE - 1);
        segs[n].start = vaddr - page_off;
        segs[n].end = (vaddr + filesz + CPU_PAGE_SIZE - 1)
                      & ~(uint64_t)(CPU_PAGE_SIZE - 1);
        segs[n].offset = offset - MIN(offset, page_off);
        segs[n].writable = flags & PF_W_FLAG;
        n++;
    }
    return n;
}

/* One /proc/PID/maps line: the program's own file where a segment maps
 * it (so gdb's gcore writes the NT_FILE note, and leaves out the text it
 * can read from the file), [stack], [heap], or no name. */
static void append_mapping_line(GString *out, const struct user_process *p,
                                const struct user_mem_region *r,
                                const struct file_segment *file,
                                uint64_t inode, bool shared)
{
    uint64_t end = r->last + 1;

    g_string_append_printf(out, "%08" PRIx64 "-%08" PRIx64 " %c%c%c%c "
                           "%08" PRIx64 " 00:00 %" PRIu64,
                           r->start, end,
                           (r->prot & PAGESTORE_PROT_READ) ? 'r' : '-',
                           (r->prot & PAGESTORE_PROT_WRITE) ? 'w' : '-',
                           (r->prot & PAGESTORE_PROT_EXEC) ? 'x' : '-',
                           shared ? 's' : 'p',
                           file ? file->offset + (r->start - file->start) : 0,
                           file ? inode : 0);
    if (file)
        g_string_append_printf(out, "                 %s", p->exe);
    else if (shared)   /* MAP_SHARED|MAP_ANONYMOUS, as Linux names it */
        g_string_append(out, "                          /dev/zero (deleted)");
    else if (r->start <= USER_STACK_TOP - 1 && USER_STACK_TOP - 1 <= r->last)
        g_string_append(out, "                          [stack]");
    else if (p->brk_cur > p->brk_start && r->start <= p->brk_start
             && p->brk_start <= r->last)
        g_string_append(out, "                          [heap]");
    g_string_append_c(out, '\n');
}

/* The first piece of r: up to where a segment of the file begins or
 * ends (*file: the segment it is part of, or NULL). r keeps the rest
 * (r->start > r->last when none is left). */
static struct user_mem_region split_at_segments(struct user_mem_region *r,
                                                const struct file_segment *segs,
                                                size_t nsegs,
                                                const struct file_segment **file)
{
    struct user_mem_region piece = *r;

    *file = NULL;
    for (size_t i = 0; i < nsegs; i++) {
        if (segs[i].start <= r->start && r->start < segs[i].end) {
            *file = &segs[i];
            piece.last = MIN(piece.last, segs[i].end - 1);
        } else if (r->start < segs[i].start && segs[i].start <= piece.last) {
            piece.last = segs[i].start - 1;
        }
    }
    if (*file) {
        /* A segment inside another's pages: the first found names it. */
        for (size_t i = 0; i < nsegs; i++)
            if (&segs[i] != *file && r->start < segs[i].start
                && segs[i].start <= piece.last)
                piece.last = segs[i].start - 1;
    }
    if (piece.last == UINT64_MAX)
        r->start = 1, r->last = 0;
    else
        r->start = piece.last + 1;
    return piece;
}

/* The first piece of r whose pages are all shared (MAP_SHARED memory)
 * or all private; r keeps the rest. */
static struct user_mem_region cut_at_sharing(struct user_process *p,
                                             struct user_mem_region *r,
                                             bool *shared)
{
    struct user_mem_region piece = *r;
    uint64_t offset, addr;

    *shared = pagestore_shm_at(p->mem, r->start, &offset) != NULL;
    for (addr = r->start + CPU_PAGE_SIZE; addr - 1 < r->last;
         addr += CPU_PAGE_SIZE) {
        if ((pagestore_shm_at(p->mem, addr, &offset) != NULL) != *shared)
            break;
    }
    if (addr - 1 < r->last) {
        piece.last = addr - 1;
        r->start = addr;
    } else {
        r->start = 1, r->last = 0;   /* nothing left */
    }
    return piece;
}

static GString *mappings_text(struct user_process *p, bool smaps)
{
    GString *out = g_string_new(NULL);
    struct file_segment segs[MAX_SEGMENTS];
    size_t nsegs = program_segments(p, segs);
    struct user_mem_region r, piece;
    const struct file_segment *file;
    uint64_t addr = 0, inode = 0;
    struct stat st;

    if (p->exe && stat(p->exe, &st) == 0)
        inode = (uint64_t)st.st_ino;
    if (!inode)
        nsegs = 0;
    while (addr != UINT64_MAX && next_mapping(p, &addr, &r)) {
        while (r.start <= r.last) {
            bool shared;
            struct user_mem_region same = cut_at_sharing(p, &r, &shared);

            while (same.start <= same.last) {
                uint64_t kb, anon_kb;

                piece = split_at_segments(&same, segs, shared ? 0 : nsegs,
                                          &file);
                append_mapping_line(out, p, &piece, file, inode, shared);
                if (!smaps)
                    continue;
                /* Private pages are copied in from files, never shared
                 * with them: all anonymous but the program's unwritable
                 * segments (gdb's gcore then dumps what Linux's would). */
                kb = (piece.last - piece.start + 1) / 1024;
                anon_kb = shared || (file && !file->writable) ? 0 : kb;
                g_string_append_printf(
                    out,
                    "Size:           %8" PRIu64 " kB\n"
                    "Rss:            %8" PRIu64 " kB\n"
                    "Anonymous:      %8" PRIu64 " kB\n"
                    "VmFlags: %s%s%s%smr mw me %sac%s\n",
                    kb, kb, anon_kb,
                    (piece.prot & PAGESTORE_PROT_READ) ? "rd " : "",
                    (piece.prot & PAGESTORE_PROT_WRITE) ? "wr " : "",
                    (piece.prot & PAGESTORE_PROT_EXEC) ? "ex " : "",
                    shared ? "sh " : "", shared ? "ms " : "",
                    piece.tagged ? " mt" : "");
            }
        }
    }
    return out;
}

static uint64_t word_at(struct user_process *p, uint64_t addr, bool *ok)
{
    uint64_t w = 0;

    if (user_mem_read(p, addr, &w, sizeof(w)) != (ssize_t)sizeof(w))
        *ok = false;
    return w;
}

/* argv's strings, NUL-separated, as Linux's /proc/PID/cmdline: found
 * through the initial stack's table (argc, argv[], NULL, envp[], NULL,
 * auxv), located by its AT_EXECFN entry. NULL when the table is gone
 * (the program overwrote it). */
#define AT_EXECFN_TYPE 31
#define CMDLINE_MAX (128 * 1024)
#define TABLE_SEARCH (256 * 1024)

static GString *cmdline_text(struct user_process *p)
{
    gsize size;
    const uint64_t *auxv = p->auxv ? g_bytes_get_data(p->auxv, &size) : NULL;
    uint64_t execfn = 0, index = 0, at, argc, arg0, last, n;
    bool found = false, ok = true;
    GString *out;

    for (gsize i = 0; auxv && (i + 1) * 16 <= size; i++) {
        if (auxv[2 * i] == AT_EXECFN_TYPE) {
            execfn = auxv[2 * i + 1];
            index = i;
            found = true;
            break;
        }
    }
    if (!found || execfn < TABLE_SEARCH)
        return NULL;
    /* The table lies below the strings, which lie below execfn's. */
    for (at = execfn & ~7ull; at > execfn - TABLE_SEARCH; at -= 8) {
        bool readable = true;
        if (word_at(p, at, &readable) == AT_EXECFN_TYPE
            && word_at(p, at + 8, &readable) == execfn && readable)
            break;
        if (!readable)
            return NULL;
    }
    if (at <= execfn - TABLE_SEARCH || at < 16 * index + 16)
        return NULL;
    at -= 16 * index;                 /* the auxv's start */
    at -= 8;                          /* envp's NULL */
    if (word_at(p, at, &ok) != 0)
        return NULL;
    for (n = 0; (at -= 8) && word_at(p, at, &ok) != 0 && ok; n++)
        if (n > CMDLINE_MAX)
            return NULL;
    /* at: argv's NULL. argv[argc-1] .. argv[0], then argc. */
    for (argc = 0; ok && argc < CMDLINE_MAX; argc++) {
        uint64_t w = word_at(p, at - 8 * (argc + 1), &ok);
        if (w == argc)
            break;
    }
    if (!ok || argc == 0 || argc >= CMDLINE_MAX)
        return NULL;
    arg0 = word_at(p, at - 8 * argc, &ok);
    last = word_at(p, at - 8, &ok);
    if (!ok || last < arg0 || last - arg0 > CMDLINE_MAX)
        return NULL;
    out = g_string_new(NULL);
    g_string_set_size(out, (gsize)(last - arg0) + 4096);
    n = (uint64_t)user_mem_read(p, arg0, out->str, out->len);
    if ((int64_t)n <= (int64_t)(last - arg0)) {
        g_string_free(out, TRUE);
        return NULL;
    }
    /* Up to the end of the last argument's string. */
    last = last - arg0;
    while (last < n && out->str[last] != '\0')
        last++;
    g_string_truncate(out, last < n ? last + 1 : n);
    return out;
}

static const char *comm_of(const struct user_process *p)
{
    const struct user_thread *leader =
        p->threads->len ? g_ptr_array_index(p->threads, 0) : NULL;
    return leader ? leader->comm : "";
}

static int64_t ppid_of(const struct user_process *p)
{
    return p->parent ? p->parent->pid : 1;
}

/* The fields gdb reads (pid, comm, state, ppid, pgrp, session, ..., nice,
 * num_threads); the others 0. 't': stopped by the debugger. */
static GString *stat_text(const struct user_process *p)
{
    GString *out = g_string_new(NULL);

    g_string_append_printf(out, "%" PRId64 " (%.15s) t %" PRId64 " %" PRId64
                           " %" PRId64 " 0 -1 0 0 0 0 0 0 0 0 0 20 0 %u 0 0"
                           " 0 0\n", p->pid, comm_of(p), ppid_of(p), p->pgid,
                           p->sid, p->threads->len);
    return out;
}

static GString *status_text(const struct user_process *p)
{
    GString *out = g_string_new(NULL);

    g_string_append_printf(out,
                           "Name:\t%.15s\nState:\tt (tracing stop)\n"
                           "Tgid:\t%" PRId64 "\nPid:\t%" PRId64 "\n"
                           "PPid:\t%" PRId64 "\nTracerPid:\t0\n"
                           "Uid:\t%u\t%u\t%u\t%u\nGid:\t%u\t%u\t%u\t%u\n"
                           "Threads:\t%u\n",
                           comm_of(p), p->pid, p->pid, ppid_of(p), p->uid,
                           p->uid, p->uid, p->uid, p->gid, p->gid, p->gid,
                           p->gid, p->threads->len);
    return out;
}

GBytes *user_process_proc_file(struct user_process *proc, int64_t pid,
                               const char *name)
{
    struct user_process *p = user_proc_find(proc->kernel, pid);
    GString *text = NULL;

    if (!p || p->exited)
        return NULL;
    if (strcmp(name, "maps") == 0)
        text = mappings_text(p, false);
    else if (strcmp(name, "smaps") == 0)
        text = mappings_text(p, true);
    else if (strcmp(name, "cmdline") == 0)
        text = cmdline_text(p);
    else if (strcmp(name, "stat") == 0)
        text = stat_text(p);
    else if (strcmp(name, "status") == 0)
        text = status_text(p);
    else if (strcmp(name, "auxv") == 0)
        return p->auxv ? g_bytes_ref(p->auxv) : NULL;
    if (!text)
        return NULL;
    return g_string_free_to_bytes(text);
}
