/* The debugger's points per process (server/gdb-points.c) over a machine
 * that counts the points it really holds. */
#include "config.h"

#include <errno.h>
#include <glib.h>

#include "server/gdb-points.h"
#include "server/machine.h"

/* A machine with nothing but points: how many of each it holds. */
struct counting_machine {
    struct machine base;
    int breakpoints, watchpoints;
};

static struct counting_machine *counting(struct machine *m)
{
    return (struct counting_machine *)m;
}

static int insert_bp(struct machine *m, uint64_t addr)
{
    (void)addr;
    counting(m)->breakpoints++;
    return 0;
}

static int remove_bp(struct machine *m, uint64_t addr)
{
    (void)addr;
    counting(m)->breakpoints--;
    return 0;
}

static int insert_wp(struct machine *m, uint64_t addr, uint64_t len, int kind)
{
    (void)addr, (void)len, (void)kind;
    counting(m)->watchpoints++;
    return 0;
}

static int remove_wp(struct machine *m, uint64_t addr, uint64_t len, int kind)
{
    (void)addr, (void)len, (void)kind;
    counting(m)->watchpoints--;
    return 0;
}

static const struct machine_ops counting_ops = {
    .insert_breakpoint = insert_bp,
    .remove_breakpoint = remove_bp,
    .insert_watchpoint = insert_wp,
    .remove_watchpoint = remove_wp,
};

enum { PARENT = 1000, CHILD = 1001, WATCHED = 0x492058, CODE = 0x4006dc };

/* gdb's sequence around a vfork it lets the child of go (watch-vfork):
 * the parent's points, the fork, removals meant for the child, D;PID,
 * then after vforkdone the same points inserted again for the parent.
 * One z packet must then take each point away from the machine. */
static void test_vfork_reinsert(void)
{
    struct counting_machine m = { .base.ops = &counting_ops };
    struct gdb_points *pts = gdb_points_new(&m.base);

    g_assert_cmpint(gdb_points_insert(pts, RSP_BREAK_SW, CODE, 4, PARENT),
                    ==, 0);
    g_assert_cmpint(gdb_points_insert(pts, RSP_WATCH_WRITE, WATCHED, 8,
                                      PARENT), ==, 0);
    g_assert_cmpint(m.breakpoints, ==, 1);
    g_assert_cmpint(m.watchpoints, ==, 1);

    /* While the child runs in the parent's memory, gdb takes the
     * parent's points out (its z packets may name the child's thread). */
    gdb_points_fork(pts, PARENT, CHILD, true);
    g_assert_cmpint(gdb_points_remove(pts, RSP_BREAK_SW, CODE, 4, CHILD),
                    ==, 0);
    g_assert_cmpint(gdb_points_remove(pts, RSP_WATCH_WRITE, WATCHED, 8,
                                      CHILD), ==, 0);
    gdb_points_settle_fork(pts, false, CHILD);     /* D;PID */
    gdb_points_purge(pts, CHILD);
    g_assert_cmpint(m.breakpoints, ==, 0);
    g_assert_cmpint(m.watchpoints, ==, 0);

    /* vforkdone: gdb inserts its points again. */
    g_assert_cmpint(gdb_points_insert(pts, RSP_BREAK_SW, CODE, 4, PARENT),
                    ==, 0);
    g_assert_cmpint(gdb_points_insert(pts, RSP_WATCH_WRITE, WATCHED, 8,
                                      PARENT), ==, 0);
    g_assert_cmpint(m.breakpoints, ==, 1);
    g_assert_cmpint(m.watchpoints, ==, 1);

    /* The watchpoint triggers; gdb takes it out to step over the store. */
    g_assert_cmpint(gdb_points_remove(pts, RSP_WATCH_WRITE, WATCHED, 8,
                                      PARENT), ==, 0);
    g_assert_cmpint(m.watchpoints, ==, 0);
    g_assert_cmpint(gdb_points_remove(pts, RSP_WATCH_WRITE, WATCHED, 8,
                                      PARENT), ==, -ENOENT);
    g_assert_cmpint(gdb_points_remove(pts, RSP_BREAK_SW, CODE, 4, PARENT),
                    ==, 0);
    g_assert_cmpint(m.breakpoints, ==, 0);
    gdb_points_free(pts);
}

/* A fork child keeps the points it inherited while its parent removes
 * its own; the machine lets go with the last of them. */
static void test_fork_child_keeps(void);

/* A fork child gdb lets go: its removals before D;PID were its own, and
 * the parent keeps its points. */
static void test_fork_detach_child(void)
{
    struct counting_machine m = { .base.ops = &counting_ops };
    struct gdb_points *pts = gdb_points_new(&m.base);

    g_assert_cmpint(gdb_points_insert(pts, RSP_BREAK_SW, CODE, 4, PARENT),
                    ==, 0);
    gdb_points_fork(pts, PARENT, CHILD, false);
    g_assert_cmpint(gdb_points_remove(pts, RSP_BREAK_SW, CODE, 4, CHILD),
                    ==, 0);
    gdb_points_settle_fork(pts, false, CHILD);
    gdb_points_purge(pts, CHILD);
    g_assert_cmpint(m.breakpoints, ==, 1);
    g_assert_cmpint(gdb_points_remove(pts, RSP_BREAK_SW, CODE, 4, PARENT),
                    ==, 0);
    g_assert_cmpint(m.breakpoints, ==, 0);
    gdb_points_free(pts);
}

static void test_fork_child_keeps(void)
{
    struct counting_machine m = { .base.ops = &counting_ops };
    struct gdb_points *pts = gdb_points_new(&m.base);

    g_assert_cmpint(gdb_points_insert(pts, RSP_BREAK_SW, CODE, 4, PARENT),
                    ==, 0);
    gdb_points_fork(pts, PARENT, CHILD, false);
    gdb_points_settle_fork(pts, true, PARENT);
    g_assert_cmpint(gdb_points_remove(pts, RSP_BREAK_SW, CODE, 4, PARENT),
                    ==, 0);
    g_assert_cmpint(m.breakpoints, ==, 1);
    g_assert_cmpint(gdb_points_remove(pts, RSP_BREAK_SW, CODE, 4, CHILD),
                    ==, 0);
    g_assert_cmpint(m.breakpoints, ==, 0);
    gdb_points_free(pts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/gdb-points/vfork-reinsert", test_vfork_reinsert);
    g_test_add_func("/gdb-points/fork-child-keeps", test_fork_child_keeps);
    g_test_add_func("/gdb-points/fork-detach-child", test_fork_detach_child);
    return g_test_run();
}
