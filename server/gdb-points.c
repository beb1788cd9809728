/* The debugger's breakpoints and watchpoints per process: see
 * gdb-points.h. */
#include "config.h"

#include "server/gdb-points.h"

#include <errno.h>
#include <glib.h>

#include "cpu/cpu.h"
#include "server/machine.h"

struct inserted_point {
    enum rsp_break_type type;
    uint64_t addr;
    uint64_t len;
    int64_t pid;
};

struct gdb_points {
    struct machine *machine;
    GArray *points;            /* of struct inserted_point */
    bool after_fork;
    bool after_vfork;          /* ...a vfork: the child shares the memory */
    int64_t fork_parent;
    GArray *fork_removals;     /* of struct inserted_point (pid: the guess) */
};

struct gdb_points *gdb_points_new(struct machine *machine)
{
    struct gdb_points *pts = g_new0(struct gdb_points, 1);

    pts->machine = machine;
    pts->points = g_array_new(FALSE, FALSE, sizeof(struct inserted_point));
    pts->fork_removals = g_array_new(FALSE, FALSE,
                                     sizeof(struct inserted_point));
    return pts;
}

void gdb_points_free(struct gdb_points *pts)
{
    if (!pts)
        return;
    g_array_unref(pts->points);
    g_array_unref(pts->fork_removals);
    g_free(pts);
}

bool gdb_points_has(const struct gdb_points *pts, enum rsp_break_type type,
                    uint64_t addr)
{
    for (guint i = 0; i < pts->points->len; i++) {
        const struct inserted_point *p =
            &g_array_index(pts->points, struct inserted_point, i);
        if (p->type == type && p->addr == addr)
            return true;
    }
    return false;
}

static bool has_watch(const struct gdb_points *pts, enum rsp_break_type type,
                      uint64_t addr, uint64_t len)
{
    for (guint i = 0; i < pts->points->len; i++) {
        const struct inserted_point *p =
            &g_array_index(pts->points, struct inserted_point, i);
        if (p->type == type && p->addr == addr && p->len == len)
            return true;
    }
    return false;
}

enum rsp_stop_reason gdb_points_watch_reason(const struct gdb_points *pts,
                                             uint64_t addr, int access,
                                             uint64_t *watch_addr)
{
    enum rsp_stop_reason best = RSP_REASON_NONE;

    for (guint i = 0; i < pts->points->len; i++) {
        const struct inserted_point *p =
            &g_array_index(pts->points, struct inserted_point, i);
        enum rsp_stop_reason r;

        if (addr < p->addr || addr >= p->addr + p->len)
            continue;
        if (p->type == RSP_WATCH_WRITE && (access & CPU_WATCH_WRITE))
            r = RSP_REASON_WATCH;
        else if (p->type == RSP_WATCH_READ && (access & CPU_WATCH_READ))
            r = RSP_REASON_RWATCH;
        else if (p->type == RSP_WATCH_ACCESS)
            r = RSP_REASON_AWATCH;
        else
            continue;
        if (best == RSP_REASON_NONE || r == RSP_REASON_WATCH) {
            best = r;
            *watch_addr = addr;
        }
    }
    if (best == RSP_REASON_NONE) {
        /* The CPU names an address inside the access; fall back to an
         * access watchpoint report so the debugger still stops. */
        *watch_addr = addr;
        best = (access & CPU_WATCH_WRITE) ? RSP_REASON_WATCH
                                          : RSP_REASON_RWATCH;
    }
    return best;
}

static enum cpu_watch_kind watch_kind_of(enum rsp_break_type type)
{
    return type == RSP_WATCH_WRITE  ? CPU_WATCH_WRITE
           : type == RSP_WATCH_READ ? CPU_WATCH_READ
                                    : CPU_WATCH_ACCESS;
}

/* Breakpoints and watchpoints go on every thread (machine ops), or on
 * the one CPU of a machine without them. */
static int put_breakpoint(struct machine *m, uint64_t addr, bool insert)
{
    struct cpu_state *cpu;

    if (insert && m->ops->insert_breakpoint)
        return m->ops->insert_breakpoint(m, addr);
    if (!insert && m->ops->remove_breakpoint)
        return m->ops->remove_breakpoint(m, addr);
    cpu = m->ops->cpu(m, 0);
    if (!cpu)
        return -1;
    return insert ? cpu_breakpoint_insert(cpu, addr)
                  : cpu_breakpoint_remove(cpu, addr);
}

static int put_watchpoint(struct machine *m, uint64_t addr, uint64_t len,
                          enum cpu_watch_kind kind, bool insert)
{
    struct cpu_state *cpu;

    if (insert && m->ops->insert_watchpoint)
        return m->ops->insert_watchpoint(m, addr, len, kind);
    if (!insert && m->ops->remove_watchpoint)
        return m->ops->remove_watchpoint(m, addr, len, kind);
    cpu = m->ops->cpu(m, 0);
    if (!cpu)
        return -1;
    return insert ? cpu_watchpoint_insert(cpu, addr, len, kind)
                  : cpu_watchpoint_remove(cpu, addr, len, kind);
}

int gdb_points_insert(struct gdb_points *pts, enum rsp_break_type type,
                      uint64_t addr, uint64_t kind, int64_t pid)
{
    struct inserted_point p = { type, addr, kind, pid };
    int rc;

    switch (type) {
    case RSP_BREAK_SW:
    case RSP_BREAK_HW:
        p.len = 4;
        rc = gdb_points_has(pts, RSP_BREAK_SW, addr)
                     || gdb_points_has(pts, RSP_BREAK_HW, addr)
                 ? 0
                 : put_breakpoint(pts->machine, addr, true);
        break;
    case RSP_WATCH_WRITE:
    case RSP_WATCH_READ:
    case RSP_WATCH_ACCESS:
        if (kind == 0 || addr + kind < addr)
            return -EINVAL;
        rc = has_watch(pts, type, addr, kind)
                 ? 0
                 : put_watchpoint(pts->machine, addr, kind,
                                  watch_kind_of(type), true);
        break;
    default:
        return -EOPNOTSUPP;
    }
    if (rc < 0)
        return -ENOSPC;
    g_array_append_val(pts->points, p);
    return 0;
}

/* Take the entry at index i away; the machine's point goes with the
 * last entry for its address. */
static void drop(struct gdb_points *pts, guint i)
{
    struct inserted_point p =
        g_array_index(pts->points, struct inserted_point, i);

    g_array_remove_index(pts->points, i);
    if (p.type <= RSP_BREAK_HW) {
        if (!gdb_points_has(pts, RSP_BREAK_SW, p.addr)
            && !gdb_points_has(pts, RSP_BREAK_HW, p.addr))
            put_breakpoint(pts->machine, p.addr, false);
    } else if (!has_watch(pts, p.type, p.addr, p.len)) {
        put_watchpoint(pts->machine, p.addr, p.len, watch_kind_of(p.type),
                       false);
    }
}

static int remove_entry(struct gdb_points *pts, enum rsp_break_type type,
                        uint64_t addr, uint64_t kind, int64_t pid)
{
    int found = -1;

    for (guint i = 0; i < pts->points->len; i++) {
        const struct inserted_point *p =
            &g_array_index(pts->points, struct inserted_point, i);
        if (p->type != type || p->addr != addr)
            continue;
        if (type >= RSP_WATCH_WRITE && p->len != kind)
            continue;
        /* This process's entry, else the newest. */
        if (found < 0 || p->pid == pid
            || g_array_index(pts->points, struct inserted_point, found).pid
                   != pid)
            found = (int)i;
    }
    if (found < 0)
        return -ENOENT;
    drop(pts, (guint)found);
    return 0;
}

int gdb_points_remove(struct gdb_points *pts, enum rsp_break_type type,
                      uint64_t addr, uint64_t kind, int64_t pid)
{
    if (pts->after_fork) {
        struct inserted_point p = { type, addr, kind, pid };
        if (!gdb_points_has(pts, type, addr))
            return -ENOENT;
        g_array_append_val(pts->fork_removals, p);
        return 0;
    }
    return remove_entry(pts, type, addr, kind, pid);
}

void gdb_points_fork(struct gdb_points *pts, int64_t parent, int64_t child,
                     bool vfork)
{
    guint n = pts->points->len;

    for (guint i = 0; i < n; i++) {
        struct inserted_point p =
            g_array_index(pts->points, struct inserted_point, i);
        if (p.pid == parent) {
            p.pid = child;
            g_array_append_val(pts->points, p);
        }
    }
    pts->after_fork = true;
    pts->after_vfork = vfork;
    pts->fork_parent = parent;
}

void gdb_points_settle_fork(struct gdb_points *pts, bool apply, int64_t pid)
{
    /* A vfork child shares its parent's memory: gdb takes no points out
     * of it before letting it go, so what it took out meanwhile was the
     * parent's (while the parent waits for the child's exec or exit). */
    if (!apply && pts->after_vfork && pid != pts->fork_parent) {
        apply = true;
        pid = pts->fork_parent;
    }
    pts->after_fork = false;
    pts->after_vfork = false;
    for (guint i = 0; apply && i < pts->fork_removals->len; i++) {
        struct inserted_point *p =
            &g_array_index(pts->fork_removals, struct inserted_point, i);
        remove_entry(pts, p->type, p->addr, p->len, pid);
    }
    g_array_set_size(pts->fork_removals, 0);
}

void gdb_points_purge(struct gdb_points *pts, int64_t pid)
{
    for (guint i = 0; i < pts->points->len;) {
        if (g_array_index(pts->points, struct inserted_point, i).pid == pid)
            drop(pts, i);
        else
            i++;
    }
}

void gdb_points_clear(struct gdb_points *pts)
{
    gdb_points_settle_fork(pts, false, 0);
    while (pts->points->len)
        drop(pts, pts->points->len - 1);
}
