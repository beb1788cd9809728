/* Unit tests of time travel in server/: the event log and its recording
 * file, the system-call door's classes, and the timeline on a real guest
 * (testsuite/guest/reverse.c, compiled at test time with the cross
 * compiler; skipped without one): going to a moment through snapshots
 * gives exactly the state a replay without snapshots gives, reverse steps
 * go back one instruction, and history memory stays under its bound. */
#include "config.h"

#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cpu/cpu.h"
#include "cpu/snapshot.h"
#include "server/event-log.h"
#include "server/machine.h"
#include "server/syscall-door.h"
#include "server/timeline.h"
#include "user/mte.h"
#include "user/process.h"
#include "user/snapshot.h"
#include "user/syscall-nr.h"

enum {
#define T_NR(name, nr) TNR_##name = nr,
    USER_SYSCALL_NR_LIST(T_NR)
#undef T_NR
};

/* ---- The event log and recording files -------------------------------- */

static void test_log_round_trip(void)
{
    struct event_log *log = event_log_new();
    g_autofree char *dir = g_dir_make_tmp("bs-timeline-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "rec.bsr", NULL);
    char *argv[] = { "/bin/prog", "arg one", NULL };
    char *envp[] = { "A=1", NULL };
    char **argv2 = NULL, **envp2 = NULL;
    uint64_t end = 0;
    GError *error = NULL;

    event_log_record(log, EVENT_SYSCALL, 10, 1000, 63, 0, "\x05\0\0\0\0\0\0\0",
                     8);
    event_log_record(log, EVENT_HOLD, 15, 1002, 1, 0, NULL, 0);
    event_log_record(log, EVENT_KILL_PROCESS, 15, 1003, 0,
                     EVENT_AFTER_SIGNAL_STOP, NULL, 0);
    event_log_record(log, EVENT_SIGNAL, 20, -1, 11, EVENT_AFTER_SIGNAL_STOP,
                     NULL, 0);
    event_log_record(log, EVENT_MEM_WRITE, 20, 1000, 0x4000, 0, "abc", 3);
    g_assert_cmpuint(event_log_length(log), ==, 5);
    g_assert_true(event_log_save(log, argv, envp, 99, path, &error));
    g_assert_no_error(error);

    struct event_log *back = event_log_load(path, &argv2, &envp2, &end,
                                            &error);
    g_assert_no_error(error);
    g_assert_nonnull(back);
    g_assert_cmpuint(end, ==, 99);
    g_assert_cmpstr(argv2[0], ==, "/bin/prog");
    g_assert_cmpstr(argv2[1], ==, "arg one");
    g_assert_null(argv2[2]);
    g_assert_cmpstr(envp2[0], ==, "A=1");
    g_assert_cmpuint(event_log_length(back), ==, 5);
    for (size_t i = 0; i < 5; i++) {
        const struct event *a = event_log_get(log, i);
        const struct event *b = event_log_get(back, i);
        g_assert_cmpuint(a->icount, ==, b->icount);
        g_assert_cmpuint(a->kind, ==, b->kind);
        g_assert_cmpuint(a->flags, ==, b->flags);
        g_assert_cmpint(a->tid, ==, b->tid);
        g_assert_cmpuint(a->arg, ==, b->arg);
        g_assert_true((a->data == NULL) == (b->data == NULL));
        if (a->data)
            g_assert_true(g_bytes_equal(a->data, b->data));
    }
    event_log_free(back);
    g_strfreev(argv2);
    g_strfreev(envp2);

    /* Every truncation is an error that says so. */
    g_autofree char *contents = NULL;
    gsize size;
    g_assert_true(g_file_get_contents(path, &contents, &size, NULL));
    for (gsize cut = 0; cut < size; cut++) {
        g_assert_true(g_file_set_contents(path, contents, cut, NULL));
        g_assert_null(event_log_load(path, &argv2, &envp2, &end, &error));
        g_assert_error(error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
        g_assert_nonnull(strstr(error->message, "bad recording"));
        g_clear_error(&error);
    }
    /* Any byte changed: loaded or refused, never a crash (ASan would
     * see one) or a log that disagrees with its own count. */
    for (gsize at = 0; at < size; at++) {
        char *bad = g_memdup2(contents, size);
        bad[at] ^= 0x5a;
        g_assert_true(g_file_set_contents(path, bad, size, NULL));
        struct event_log *l = event_log_load(path, &argv2, &envp2, &end,
                                             &error);
        if (l) {
            g_assert_cmpuint(event_log_length(l), ==, 5);
            event_log_free(l);
            g_strfreev(argv2);
            g_strfreev(envp2);
        } else {
            g_assert_nonnull(error);
            g_clear_error(&error);
        }
        g_free(bad);
    }
    /* A kind nobody knows. */
    contents[size - 16 - 3 - 4 - 8 - 8 - 4 - 4] = 0x7f;
    g_assert_true(g_file_set_contents(path, contents, size, NULL));
    g_assert_null(event_log_load(path, &argv2, &envp2, &end, &error));
    g_assert_nonnull(strstr(error->message, "unknown event kind"));
    g_clear_error(&error);
    /* No file at all names the file. */
    g_assert_null(event_log_load("/nonexistent/rec", &argv2, &envp2, &end,
                                 &error));
    g_assert_error(error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
    g_clear_error(&error);

    g_unlink(path);
    g_rmdir(dir);
    event_log_free(log);
}

static void test_door_classes(void)
{
    uint64_t rdonly[6] = { (uint64_t)-100, 0x1000, 0 /* O_RDONLY */ };
    uint64_t creat[6] = { (uint64_t)-100, 0x1000, 01 | 0100 };
    uint64_t none[6] = { 0 };

    g_assert_cmpint(syscall_door_class(TNR_openat, rdonly), ==, DOOR_MIRRORED);
    g_assert_cmpint(syscall_door_class(TNR_openat, creat), ==, DOOR_REPLAYED);
    g_assert_cmpint(syscall_door_class(TNR_read, none), ==, DOOR_REPLAYED);
    g_assert_cmpint(syscall_door_class(TNR_write, none), ==, DOOR_REPLAYED);
    g_assert_cmpint(syscall_door_class(TNR_clock_gettime, none), ==,
                    DOOR_REPLAYED);
    g_assert_cmpint(syscall_door_class(TNR_close, none), ==, DOOR_MIRRORED);
    g_assert_cmpint(syscall_door_class(TNR_ppoll, none), ==, DOOR_REPLAYED);
    g_assert_cmpint(syscall_door_class(TNR_mmap, none), ==, DOOR_INTERNAL);
    g_assert_cmpint(syscall_door_class(TNR_brk, none), ==, DOOR_INTERNAL);
    g_assert_cmpint(syscall_door_class(TNR_exit_group, none), ==,
                    DOOR_INTERNAL);
}

/* ---- CPU state copies (cpu/snapshot.h) --------------------------------- */

static int no_memory(void *opaque, uint64_t vaddr, uint8_t **host,
                     unsigned *prot)
{
    return -1;
}

static const struct cpu_mem_ops no_mem_ops = { .translate = no_memory };

static void test_cpu_snapshot(void)
{
    struct cpu_state *a = cpu_new(&no_mem_ops, NULL);
    struct cpu_state *b = cpu_new(&no_mem_ops, &a);
    struct cpu_debug_regs ra, rb;

    a->x[3] = 0x1234;
    a->pc = 0x400000;
    a->z[2].b[20] = 7;           /* beyond V2: SVE state */
    a->icount = 99;
    struct cpu_snapshot *s = cpu_snapshot_take(a);
    a->x[3] = 0;
    a->icount = 1000;
    /* Restored into another CPU: its own memory callbacks and caches. */
    cpu_snapshot_restore(b, s);
    g_assert_cmphex(b->x[3], ==, 0x1234);
    g_assert_cmphex(b->pc, ==, 0x400000);
    g_assert_cmpuint(b->z[2].b[20], ==, 7);
    g_assert_cmpuint(b->icount, ==, 99);
    g_assert_true(b->mem_opaque == &a);
    g_assert_true(b->code != a->code && b->debug != a->debug);
    cpu_snapshot_free(s);

    /* The debugger's register set: equal after a round trip; a V write
     * clears the rest of Z, as the fpu feature's write does. */
    cpu_debug_regs_get(b, &rb);
    cpu_debug_regs_set(a, &rb);
    cpu_debug_regs_get(a, &ra);
    g_assert_true(cpu_debug_regs_equal(&ra, &rb));
    rb.v[2][0] ^= 1;
    g_assert_false(cpu_debug_regs_equal(&ra, &rb));
    cpu_debug_regs_set(b, &rb);
    g_assert_cmpuint(b->z[2].b[20], ==, 0);
    cpu_free(a);
    cpu_free(b);
}

/* ---- The timeline on a guest ------------------------------------------- */

static char *tmpdir;
static char *guest;          /* compiled reverse.c, or NULL */
static char *input;
static uint64_t long_sum_addr; /* from nm: the loop's state */

struct spec {
    char *argv[4];
    struct user_options uopts;
};

static struct machine *make(void *data, GError **error)
{
    struct spec *s = data;
    return machine_user_new(s->argv[0], s->argv, (char *[]){ "LANG=C", NULL },
                            &s->uopts, error);
}

static void setup_guest(void)
{
    g_autofree char *cc = g_find_program_in_path("aarch64-linux-gnu-gcc");
    g_autofree char *nm = g_find_program_in_path("aarch64-linux-gnu-nm");
    g_autofree char *src = g_test_build_filename(G_TEST_DIST, "testsuite",
                                                 "guest", "reverse.c", NULL);
    g_autofree char *out = NULL;
    int status;

    tmpdir = g_dir_make_tmp("bs-timeline-XXXXXX", NULL);
    input = g_build_filename(tmpdir, "input", NULL);
    g_file_set_contents(input, "unit", -1, NULL);
    if (!cc || !nm)
        return;
    guest = g_build_filename(tmpdir, "reverse", NULL);
    char *cc_argv[] = { cc, "-static", "-O0", "-o", guest, (char *)src, NULL };
    if (!g_spawn_sync(NULL, cc_argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                      NULL, NULL, NULL, &status, NULL)
        || !g_spawn_check_wait_status(status, NULL)) {
        g_clear_pointer(&guest, g_free);
        return;
    }
    char *nm_argv[] = { nm, guest, NULL };
    if (g_spawn_sync(NULL, nm_argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                     NULL, &out, NULL, &status, NULL)) {
        char **lines = g_strsplit(out, "\n", -1);
        for (char **l = lines; *l; l++) {
            if (g_str_has_suffix(*l, " long_sum"))
                long_sum_addr = g_ascii_strtoull(*l, NULL, 16);
        }
        g_strfreev(lines);
    }
    if (!long_sum_addr)
        g_clear_pointer(&guest, g_free);
}

/* A guest with threads or processes, and a variable of it to compare. */
struct multi_guest {
    const char *name;            /* testsuite/guest/NAME.c */
    const char *symbol;
    const char *march;           /* -march=..., or NULL */
    char *path;                  /* compiled, or NULL */
    uint64_t addr;               /* of symbol */
};
static struct multi_guest threads_guest = { .name = "threads",
                                            .symbol = "counter" };
static struct multi_guest fork_guest = { .name = "reverse-procs",
                                         .symbol = "work" };
static struct multi_guest mte_guest = { .name = "reverse-mte",
                                        .symbol = "area",
                                        .march = "-march=armv8.5-a+memtag" };

static void setup_multi_guest(struct multi_guest *g)
{
    g_autofree char *cc = g_find_program_in_path("aarch64-linux-gnu-gcc");
    g_autofree char *nm = g_find_program_in_path("aarch64-linux-gnu-nm");
    g_autofree char *file = g_strconcat(g->name, ".c", NULL);
    g_autofree char *src = g_test_build_filename(G_TEST_DIST, "testsuite",
                                                 "guest", file, NULL);
    g_autofree char *out = NULL;
    g_autofree char *suffix = g_strconcat(" ", g->symbol, NULL);
    int status;

    if (!cc || !nm)
        return;
    g->path = g_build_filename(tmpdir, g->name, NULL);
    char *cc_argv[] = { cc, "-static", "-pthread", "-O0", "-o",
                        g->path, (char *)src, (char *)g->march, NULL };
    char *nm_argv[] = { nm, g->path, NULL };
    if (!g_spawn_sync(NULL, cc_argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                      NULL, NULL, NULL, &status, NULL)
        || !g_spawn_check_wait_status(status, NULL)
        || !g_spawn_sync(NULL, nm_argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                         NULL, &out, NULL, &status, NULL)) {
        g_clear_pointer(&g->path, g_free);
        return;
    }
    char **lines = g_strsplit(out, "\n", -1);
    for (char **l = lines; *l; l++) {
        if (g_str_has_suffix(*l, suffix))
            g->addr = g_ascii_strtoull(*l, NULL, 16);
    }
    g_strfreev(lines);
    if (!g->addr)
        g_clear_pointer(&g->path, g_free);
}

static void free_multi_guest(struct multi_guest *g)
{
    if (g->path)
        g_unlink(g->path);
    g_free(g->path);
}

/* Everything of a moment the tests compare: registers and the loop's
 * state in memory, and the stack around sp. */
struct moment {
    uint64_t icount;
    struct cpu_debug_regs regs;
    uint8_t data[16];
    uint8_t stack[512];
};

static void capture(struct machine *m, struct moment *mo)
{
    struct cpu_state *cpu = m->ops->cpu(m, 0);
    g_assert_nonnull(cpu);
    mo->icount = m->ops->icount(m);
    cpu_debug_regs_get(cpu, &mo->regs);
    g_assert_cmpint(m->ops->read_mem(m, long_sum_addr, mo->data,
                                     sizeof(mo->data)), ==, sizeof(mo->data));
    memset(mo->stack, 0, sizeof(mo->stack));
    m->ops->read_mem(m, cpu->sp & ~15ull, mo->stack, sizeof(mo->stack));
}

static void assert_same(const struct moment *a, const struct moment *b)
{
    g_assert_cmpuint(a->icount, ==, b->icount);
    g_assert_cmphex(a->regs.pc, ==, b->regs.pc);
    g_assert_true(cpu_debug_regs_equal(&a->regs, &b->regs));
    g_assert_cmpmem(a->data, sizeof(a->data), b->data, sizeof(b->data));
    g_assert_cmpmem(a->stack, sizeof(a->stack), b->stack, sizeof(b->stack));
}

/* Run a machine to instruction count `to` (or its end), passing signals
 * on as a debugger that stops for nothing would. */
static void run_to(struct machine *m, uint64_t to)
{
    for (int guard = 0; guard < 100000; guard++) {
        uint64_t now = m->ops->icount(m);
        struct machine_stop stop = { 0 };
        if (now >= to)
            return;
        m->ops->run(m, to - now, &stop);
        if (stop.kind == MACHINE_STOP_EXITED || stop.kind == MACHINE_STOP_KILLED)
            return;
        if (stop.kind == MACHINE_STOP_SIGNAL)
            m->ops->set_signal(m, stop.signal);
    }
    g_assert_not_reached();
}

struct recorded {
    struct spec spec;
    struct syscall_door *door;
    struct machine *tl_machine;
    struct timeline *tl;
};

static void record_argv(struct recorded *r, char *const *argv,
                        uint64_t interval, uint64_t history_mem,
                        uint64_t run_for)
{
    struct timeline_options opts = { .history_mem = history_mem,
                                     .snapshot_interval = interval };
    GError *error = NULL;

    memset(r, 0, sizeof(*r));
    for (int i = 0; i < 3 && argv[i]; i++)
        r->spec.argv[i] = argv[i];
    r->door = syscall_door_new();
    r->spec.uopts.door = syscall_door_ops(r->door);
    struct machine *live = make(&r->spec, &error);
    g_assert_no_error(error);
    r->tl_machine = timeline_new(live, make, &r->spec, r->door, &opts);
    r->tl = timeline_of(r->tl_machine);
    g_assert_nonnull(r->tl);
    run_to(r->tl_machine, run_for);
}

static void record(struct recorded *r, const char *iterations,
                   uint64_t interval, uint64_t history_mem, uint64_t run_for)
{
    char *argv[] = { guest, input, (char *)iterations, NULL };
    record_argv(r, argv, interval, history_mem, run_for);
}

static void recorded_free(struct recorded *r)
{
    r->tl_machine->ops->free(r->tl_machine);
    syscall_door_free(r->door);
}

/* A second timeline replaying r's recording (saved and loaded back),
 * with snapshots every interval instructions. */
static struct machine *replay_of(struct recorded *r, uint64_t interval,
                                 struct syscall_door *door, struct spec *spec)
{
    g_autofree char *path = g_build_filename(tmpdir, "replay.bsr", NULL);
    struct timeline_options opts = { .snapshot_interval = interval };
    char **argv = NULL, **envp = NULL;
    uint64_t end = 0;
    GError *error = NULL;
    struct event_log *log;
    struct machine *m;

    g_assert_true(event_log_save(timeline_log(r->tl), r->spec.argv,
                                 (char *[]){ "LANG=C", NULL },
                                 timeline_present(r->tl), path, &error));
    log = event_log_load(path, &argv, &envp, &end, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(end, ==, timeline_present(r->tl));
    *spec = r->spec;
    spec->uopts.door = syscall_door_ops(door);
    m = timeline_new_replay(make, spec, door, log, end, &opts, &error);
    g_assert_no_error(error);
    g_strfreev(argv);
    g_strfreev(envp);
    g_unlink(path);
    return m;
}

/* The same moments reached through many snapshots and through none are
 * the same state. */
static void test_snapshots_agree(void)
{
    struct recorded a;
    struct spec spec_b;
    struct syscall_door *door_b ;
    struct machine *b;
    const uint64_t present = 3000000;
    const uint64_t points[] = { 1, 12345, 65536, 65537, 700001, 1234567,
                                2000000, 2999999, 400000, 17 };
    struct moment ma, mb;

    if (!guest) {
        g_test_skip("no cross compiler or nm");
        return;
    }
    door_b = syscall_door_new();
    /* a: recorded, a snapshot every 2^16 instructions; b: its recording
     * replayed with the start's snapshot only. */
    record(&a, "400000", 1u << 16, 0, present);
    g_assert_cmpuint(timeline_present(a.tl), ==, present);
    b = replay_of(&a, UINT64_MAX, door_b, &spec_b);
    for (size_t i = 0; i < G_N_ELEMENTS(points); i++) {
        g_assert_cmpint(timeline_goto(a.tl, points[i]), ==, 0);
        g_assert_cmpint(timeline_goto(timeline_of(b), points[i]), ==, 0);
        capture(a.tl_machine, &ma);
        capture(b, &mb);
        g_assert_cmpuint(ma.icount, ==, points[i]);
        assert_same(&ma, &mb);
    }
    struct timeline_stats sa, sb;
    timeline_get_stats(a.tl, &sa);
    timeline_get_stats(timeline_of(b), &sb);
    g_assert_cmpuint(sa.snapshots, >, 20);
    g_assert_cmpuint(sb.snapshots, ==, 1);
    b->ops->free(b);
    syscall_door_free(door_b);
    recorded_free(&a);
}

/* Reverse steps go back one instruction each, also across a snapshot's
 * boundary, and forward running from the past reaches the present and
 * goes on live. */
static void test_reverse_step_and_forward(void)
{
    struct recorded r;
    const uint64_t present = (1u << 16) * 5 + 3;
    enum timeline_arrival arrival;
    struct machine_stop stop;

    if (!guest) {
        g_test_skip("no cross compiler or nm");
        return;
    }
    record(&r, "400000", 1u << 16, 0, present);
    for (int i = 1; i <= 6; i++) {
        g_assert_cmpint(timeline_reverse_step(r.tl, 0, &arrival, &stop), ==, 0);
        g_assert_cmpint(arrival, ==, TIMELINE_STEPPED);
        g_assert_cmpuint(timeline_now(r.tl), ==, present - i);
    }
    /* Forward: run through the rest of history and on. */
    struct machine_stop s = { 0 };
    r.tl_machine->ops->run(r.tl_machine, 100, &s);
    g_assert_cmpint(s.kind, ==, MACHINE_STOP_BUDGET);
    g_assert_cmpuint(timeline_now(r.tl), ==, present);
    r.tl_machine->ops->run(r.tl_machine, 100, &s);
    g_assert_cmpuint(timeline_now(r.tl), ==, present + 100);
    g_assert_cmpuint(timeline_present(r.tl), ==, present + 100);
    /* At the start, a reverse step says so. */
    g_assert_cmpint(timeline_goto(r.tl, 0), ==, 0);
    g_assert_cmpint(timeline_reverse_step(r.tl, 0, &arrival, &stop), ==, 0);
    g_assert_cmpint(arrival, ==, TIMELINE_BEGIN);
    g_assert_cmpint(timeline_goto(r.tl, present + 101), ==, -ERANGE);
    recorded_free(&r);
}

/* Snapshots are thinned to stay under --history-mem, sparse far back. */
static void test_history_bound(void)
{
    struct recorded r;
    const uint64_t bound = 2u << 20;
    struct timeline_stats s;

    if (!guest) {
        g_test_skip("no cross compiler or nm");
        return;
    }
    record(&r, "400000", 1u << 14, bound, 3000000);
    g_assert_cmpint(timeline_goto(r.tl, 1), ==, 0);
    g_assert_cmpint(timeline_goto(r.tl, 2999999), ==, 0);
    timeline_get_stats(r.tl, &s);
    g_assert_cmpuint(s.memory_bytes, <=, bound);
    g_assert_cmpuint(s.snapshots, >=, 2);
    /* Each still lands exactly. */
    g_assert_cmpint(timeline_goto(r.tl, 1500001), ==, 0);
    g_assert_cmpuint(timeline_now(r.tl), ==, 1500001);
    recorded_free(&r);
}

/* When the event log outgrows half of the bound, the start of history
 * moves to the present: nothing before it can be reached, everything
 * after it still can, exactly. */
static void test_start_moves(void)
{
    struct recorded r;
    struct timeline_stats s;
    struct moment m1, m2;
    enum timeline_arrival arrival;
    struct machine_stop stop;

    if (!guest) {
        g_test_skip("no cross compiler or nm");
        return;
    }
    record(&r, "400000", 1u << 16, 600, 3000000);
    timeline_get_stats(r.tl, &s);
    g_assert_cmpuint(s.start, >, 0);
    g_assert_cmpuint(s.start, <, 3000000);
    g_assert_cmpuint(s.log_bytes, <=, 300);
    g_assert_cmpint(timeline_goto(r.tl, s.start - 1), ==, -ERANGE);
    g_assert_cmpint(timeline_goto(r.tl, s.start), ==, 0);
    g_assert_cmpint(timeline_reverse_step(r.tl, 0, &arrival, &stop), ==, 0);
    g_assert_cmpint(arrival, ==, TIMELINE_BEGIN);
    /* The same moment from the start and from a later position. */
    g_assert_cmpint(timeline_goto(r.tl, 2500000), ==, 0);
    capture(r.tl_machine, &m1);
    g_assert_cmpint(timeline_goto(r.tl, 2999999), ==, 0);
    g_assert_cmpint(timeline_goto(r.tl, 2500000), ==, 0);
    capture(r.tl_machine, &m2);
    assert_same(&m1, &m2);
    recorded_free(&r);
}

/* Every thread of every process of a moment: ids, registers, and a
 * variable of each process. */
struct threads_moment {
    uint64_t icount;
    guint n;
    int64_t pids[8], tids[8];
    struct cpu_debug_regs regs[8];
    uint64_t var[8];
};

static void capture_threads(struct machine *m, uint64_t var_addr,
                            struct threads_moment *mo)
{
    GArray *list = m->ops->thread_list(m);

    memset(mo, 0, sizeof(*mo));
    mo->icount = m->ops->icount(m);
    g_assert_cmpuint(list->len, <=, G_N_ELEMENTS(mo->tids));
    mo->n = list->len;
    for (guint i = 0; i < list->len; i++) {
        const struct machine_thread *t = &g_array_index(list,
                                                        struct machine_thread,
                                                        i);
        struct cpu_state *cpu;
        mo->pids[i] = t->pid;
        mo->tids[i] = t->tid;
        cpu = m->ops->cpu(m, t->tid);
        g_assert_nonnull(cpu);
        cpu_debug_regs_get(cpu, &mo->regs[i]);
        g_assert_cmpint(m->ops->read_mem_of(m, t->pid, var_addr, &mo->var[i],
                                            sizeof(mo->var[i])), ==,
                        sizeof(mo->var[i]));
    }
    g_array_unref(list);
}

static void assert_same_threads(const struct threads_moment *a,
                                const struct threads_moment *b)
{
    g_assert_cmpuint(a->icount, ==, b->icount);
    g_assert_cmpuint(a->n, ==, b->n);
    for (guint i = 0; i < a->n; i++) {
        g_assert_cmpint(a->pids[i], ==, b->pids[i]);
        g_assert_cmpint(a->tids[i], ==, b->tids[i]);
        g_assert_cmphex(a->regs[i].pc, ==, b->regs[i].pc);
        g_assert_true(cpu_debug_regs_equal(&a->regs[i], &b->regs[i]));
        g_assert_cmpuint(a->var[i], ==, b->var[i]);
    }
}

/* A program with threads or processes is snapshotted like any other:
 * moments reached through snapshots taken with more or fewer threads and
 * processes than the moment has (they are made and end in between) are
 * exactly those a replay from the start gives, every thread's registers
 * and each process's memory; and no second machine is built for it. */
static void check_multi_snapshots(const struct multi_guest *g)
{
    struct recorded a;
    struct spec spec_b;
    struct syscall_door *door_b = syscall_door_new();
    struct machine *b, *plain;
    struct threads_moment ma, mb;
    struct timeline_stats st;
    char *argv[] = { g->path, NULL };
    GError *error = NULL;
    uint64_t end, present;
    guint most_threads = 0;

    if (!g->path) {
        g_test_skip("no cross compiler or nm");
        syscall_door_free(door_b);
        return;
    }
    /* How long the program runs, to record most of it. */
    struct spec plain_spec = { .argv = { g->path, NULL } };
    plain = make(&plain_spec, &error);
    g_assert_no_error(error);
    run_to(plain, UINT64_MAX);
    end = plain->ops->icount(plain);
    plain->ops->free(plain);
    g_assert_cmpuint(end, >, 10000);
    present = end - end / 20;
    /* About thirty snapshots over the run. */
    uint64_t interval = end / 30;

    record_argv(&a, argv, interval, 0, present);
    g_assert_cmpuint(timeline_present(a.tl), ==, present);
    b = replay_of(&a, UINT64_MAX, door_b, &spec_b);
    /* Out of order: back and forth across thread creation and exits. */
    const uint64_t points[] = { present - 1, present / 2, 3, present / 3,
                                present - present / 10, present / 4 + 7,
                                present / 8, present - 2, present / 2 + 1 };
    for (size_t i = 0; i < G_N_ELEMENTS(points); i++) {
        g_assert_cmpint(timeline_goto(a.tl, points[i]), ==, 0);
        g_assert_cmpint(timeline_goto(timeline_of(b), points[i]), ==, 0);
        capture_threads(a.tl_machine, g->addr, &ma);
        capture_threads(b, g->addr, &mb);
        g_assert_cmpuint(ma.icount, ==, points[i]);
        assert_same_threads(&ma, &mb);
        most_threads = MAX(most_threads, ma.n);
    }
    g_assert_cmpuint(most_threads, >, 1);
    timeline_get_stats(a.tl, &st);
    g_test_message("%" PRIu64 " instructions, %zu snapshots, up to %u threads",
                   present, st.snapshots, most_threads);
    g_assert_cmpuint(st.replays, ==, 0);
    g_assert_cmpuint(st.snapshots, >, present / interval / 2);
    /* Forward from the past: the present again, with its threads. */
    g_assert_cmpint(timeline_goto(a.tl, present), ==, 0);
    g_assert_cmpuint(timeline_now(a.tl), ==, present);
    run_to(a.tl_machine, UINT64_MAX);
    g_assert_cmpuint(a.tl_machine->ops->icount(a.tl_machine), ==, end);
    b->ops->free(b);
    syscall_door_free(door_b);
    recorded_free(&a);
}

/* Run m toward count `to` as run_to does, but give up when nothing can
 * run (every runnable thread held or waiting on it): its count then. */
static uint64_t run_while_progress(struct machine *m, uint64_t to)
{
    for (int guard = 0; guard < 100000; guard++) {
        uint64_t now = m->ops->icount(m);
        struct machine_stop stop = { 0 };
        if (now >= to)
            return now;
        m->ops->run(m, to - now, &stop);
        if (stop.kind == MACHINE_STOP_EXITED || stop.kind == MACHINE_STOP_KILLED)
            break;
        if (stop.kind == MACHINE_STOP_SIGNAL)
            m->ops->set_signal(m, stop.signal);
        else if (m->ops->icount(m) == now)
            break;
    }
    return m->ops->icount(m);
}

static const struct cpu_debug_regs *regs_of(const struct threads_moment *mo,
                                            int64_t tid)
{
    for (guint i = 0; i < mo->n; i++) {
        if (mo->tids[i] == tid)
            return &mo->regs[i];
    }
    return NULL;
}

/* The debugger's holds are part of the recording: a thread held for a
 * stretch of the live run stands still over that stretch in a replay
 * from the start and in the recording's own past (through its
 * snapshots), and everything else there is as recorded. */
static void test_held_thread_replays(void)
{
    const struct multi_guest *g = &threads_guest;
    struct recorded a;
    struct spec spec_b;
    struct syscall_door *door_b = syscall_door_new();
    struct machine *b, *plain;
    struct threads_moment seen[6], ma, mb;
    char *argv[] = { g->path, NULL };
    GError *error = NULL;
    uint64_t end;
    int64_t held_tid;
    size_t n = 0;

    if (!g->path) {
        g_test_skip("no cross compiler or nm");
        syscall_door_free(door_b);
        return;
    }
    struct spec plain_spec = { .argv = { g->path, NULL } };
    plain = make(&plain_spec, &error);
    g_assert_no_error(error);
    run_to(plain, UINT64_MAX);
    end = plain->ops->icount(plain);
    plain->ops->free(plain);
    g_assert_cmpuint(end, >, 10000);

    /* A worker that runs early in the stretch when nobody is held (the
     * run is the same every time: no input from outside). */
    uint64_t stretch = end / 10;
    struct threads_moment c0, c1;
    plain = make(&plain_spec, &error);
    g_assert_no_error(error);
    run_to(plain, end / 3);
    capture_threads(plain, g->addr, &c0);
    run_to(plain, end / 3 + stretch / 3);
    capture_threads(plain, g->addr, &c1);
    plain->ops->free(plain);
    held_tid = 0;
    for (guint i = 1; i < c0.n && !held_tid; i++) {
        const struct cpu_debug_regs *later = regs_of(&c1, c0.tids[i]);
        if (later && !cpu_debug_regs_equal(&c0.regs[i], later))
            held_tid = c0.tids[i];
    }
    g_assert_cmpint(held_tid, !=, 0);

    /* Live to there, and hold it. */
    record_argv(&a, argv, end / 30, 0, end / 3);
    capture_threads(a.tl_machine, g->addr, &seen[n++]);
    a.tl_machine->ops->hold_thread(a.tl_machine, held_tid, true);

    /* Held for a stretch (until the others cannot go on without it). */
    for (int i = 1; i <= 3; i++) {
        uint64_t to = end / 3 + stretch * i / 3;
        if (run_while_progress(a.tl_machine, to) != to)
            break;
        capture_threads(a.tl_machine, g->addr, &seen[n++]);
    }
    g_assert_cmpuint(n, >=, 2);
    g_test_message("thread %" PRId64 " held over %zu moments, %" PRIu64
                   "..%" PRIu64, held_tid, n, seen[0].icount,
                   seen[n - 1].icount);
    /* The held thread stood still while the others ran. */
    for (size_t i = 1; i < n; i++) {
        const struct cpu_debug_regs *r0 = regs_of(&seen[0], held_tid);
        const struct cpu_debug_regs *ri = regs_of(&seen[i], held_tid);
        g_assert_nonnull(r0);
        g_assert_nonnull(ri);
        g_assert_true(cpu_debug_regs_equal(r0, ri));
    }
    g_assert_cmpuint(seen[n - 1].icount, >, seen[0].icount);

    /* Released: on to near the end. */
    a.tl_machine->ops->hold_thread(a.tl_machine, held_tid, false);
    uint64_t after = a.tl_machine->ops->icount(a.tl_machine);
    uint64_t present = after + (end - after) / 2;
    run_to(a.tl_machine, present);
    present = a.tl_machine->ops->icount(a.tl_machine);
    g_assert_cmpuint(present, >, after);
    capture_threads(a.tl_machine, g->addr, &seen[n++]);

    /* A replay of the saved recording, and the recording's own past,
     * are the recording at each of those moments. */
    b = replay_of(&a, UINT64_MAX, door_b, &spec_b);
    for (size_t k = n; k-- > 0;) {
        g_assert_cmpint(timeline_goto(timeline_of(b), seen[k].icount), ==, 0);
        capture_threads(b, g->addr, &mb);
        assert_same_threads(&seen[k], &mb);
        if (seen[k].icount < present) {
            g_assert_cmpint(timeline_goto(a.tl, seen[k].icount), ==, 0);
            capture_threads(a.tl_machine, g->addr, &ma);
            assert_same_threads(&seen[k], &ma);
        }
    }
    /* From the past forward to the present and on live, released. */
    g_assert_cmpint(timeline_goto(a.tl, present), ==, 0);
    run_to(a.tl_machine, UINT64_MAX);
    g_assert_cmpuint(a.tl_machine->ops->icount(a.tl_machine), >, present);
    b->ops->free(b);
    syscall_door_free(door_b);
    recorded_free(&a);
}

/* A process of the machine by pid (followed or not): its `work`. */
struct proc_moment {
    struct threads_moment threads;  /* of the followed processes */
    bool alive;
    uint64_t var;
};

static void capture_proc(struct machine *m, uint64_t var_addr, int64_t pid,
                         struct proc_moment *mo)
{
    capture_threads(m, var_addr, &mo->threads);
    mo->var = 0;
    mo->alive = m->ops->pid_of(m, pid) == pid
                && m->ops->read_mem_of(m, pid, var_addr, &mo->var,
                                       sizeof(mo->var)) == sizeof(mo->var);
}

static void assert_same_proc(const struct proc_moment *a,
                             const struct proc_moment *b)
{
    assert_same_threads(&a->threads, &b->threads);
    g_assert_cmpint(a->alive, ==, b->alive);
    g_assert_cmphex(a->var, ==, b->var);
}

/* A process the debugger kills is killed in a replay too, at the same
 * count: the replay and the recording's own past agree with the
 * recording after the kill. */
static void test_killed_process_replays(void)
{
    const struct multi_guest *g = &fork_guest;
    struct recorded a;
    struct spec spec_b;
    struct syscall_door *door_b = syscall_door_new();
    struct machine *b, *plain;
    struct proc_moment seen[3], mo;
    char *argv[] = { g->path, NULL };
    GError *error = NULL;
    uint64_t end, at;
    int64_t victim = 0, main_pid;

    if (!g->path) {
        g_test_skip("no cross compiler or nm");
        syscall_door_free(door_b);
        return;
    }
    struct spec plain_spec = { .argv = { g->path, NULL } };
    plain = make(&plain_spec, &error);
    g_assert_no_error(error);
    run_to(plain, UINT64_MAX);
    end = plain->ops->icount(plain);
    plain->ops->free(plain);

    /* Live to where a child computes, and kill it. */
    record_argv(&a, argv, end / 30, 0, 1);
    main_pid = a.tl_machine->ops->pid(a.tl_machine);
    for (at = end / 10; at < end - end / 10 && !victim; at += end / 20) {
        run_to(a.tl_machine, at);
        for (int64_t p = main_pid + 1; p < main_pid + 8 && !victim; p++) {
            capture_proc(a.tl_machine, g->addr, p, &mo);
            if (mo.alive)
                victim = p;
        }
    }
    g_assert_cmpint(victim, !=, 0);
    capture_proc(a.tl_machine, g->addr, victim, &seen[0]);
    g_assert_cmpint(a.tl_machine->ops->kill_process(a.tl_machine, victim),
                    ==, 0);
    uint64_t killed_at = a.tl_machine->ops->icount(a.tl_machine);
    run_to(a.tl_machine, killed_at + 1000);
    capture_proc(a.tl_machine, g->addr, victim, &seen[1]);
    uint64_t present = killed_at + (end - killed_at) / 4;
    run_to(a.tl_machine, present);
    present = a.tl_machine->ops->icount(a.tl_machine);
    capture_proc(a.tl_machine, g->addr, victim, &seen[2]);
    /* It computes no more (gone, or a zombie until its parent reaps). */
    g_assert_true(!seen[2].alive || seen[2].var == seen[0].var);
    g_test_message("process %" PRId64 " killed at %" PRIu64, victim,
                   killed_at);

    b = replay_of(&a, UINT64_MAX, door_b, &spec_b);
    for (size_t k = 0; k < G_N_ELEMENTS(seen); k++) {
        g_assert_cmpint(timeline_goto(timeline_of(b), seen[k].threads.icount),
                        ==, 0);
        capture_proc(b, g->addr, victim, &mo);
        assert_same_proc(&seen[k], &mo);
        if (seen[k].threads.icount < present) {
            g_assert_cmpint(timeline_goto(a.tl, seen[k].threads.icount), ==,
                            0);
            capture_proc(a.tl_machine, g->addr, victim, &mo);
            assert_same_proc(&seen[k], &mo);
        }
    }
    b->ops->free(b);
    syscall_door_free(door_b);
    recorded_free(&a);
}

/* Allocation tags are part of the past: going back over an STG shows
 * the tag from before it, through snapshots as in a replay from the
 * start. */
static void test_mte_snapshots(void)
{
    const struct multi_guest *g = &mte_guest;
    struct recorded a;
    struct spec spec_b;
    struct syscall_door *door_b = syscall_door_new();
    struct machine *b;
    char *argv[] = { g->path, NULL };
    uint64_t present = 600000, area = 0;
    int64_t stages[2];
    uint8_t tags[2];

    if (!g->path) {
        g_test_skip("no cross compiler or nm");
        syscall_door_free(door_b);
        return;
    }
    record_argv(&a, argv, 1u << 14, 0, present);
    b = replay_of(&a, UINT64_MAX, door_b, &spec_b);
    g_assert_cmpint(a.tl_machine->ops->read_mem(a.tl_machine, g->addr, &area,
                                                 sizeof(area)), ==,
                    sizeof(area));
    g_assert_cmphex(area, !=, 0);
    /* stage follows area in the program's data. */
    const uint64_t points[] = { present - 1, 40000, 300000, 150000,
                                present - 20000, 90000 };
    bool saw_early = false;
    for (size_t i = 0; i < G_N_ELEMENTS(points); i++) {
        struct machine *ms[2] = { a.tl_machine, b };
        for (int j = 0; j < 2; j++) {
            struct user_process *p;
            g_assert_cmpint(timeline_goto(timeline_of(ms[j]), points[i]), ==,
                            0);
            p = user_process_of_cpu(ms[j]->ops->cpu(ms[j], 0));
            g_assert_nonnull(p);
            g_assert_cmpint(ms[j]->ops->read_mem(ms[j], g->addr + 8,
                                                 &stages[j],
                                                 sizeof(stages[j])), ==,
                            sizeof(stages[j]));
            g_assert_cmpint(user_mte_read_tags(p, area, 1, &tags[j], 1), ==, 1);
        }
        g_assert_cmpint(stages[0], ==, stages[1]);
        g_assert_cmpuint(tags[0], ==, tags[1]);
        /* The tag is the stage's, or the next one's just set. */
        g_assert_true(tags[0] == stages[0] || tags[0] == stages[0] + 1);
        if (stages[0] > 0 && stages[0] < 14)
            saw_early = true;
    }
    g_assert_true(saw_early);
    b->ops->free(b);
    syscall_door_free(door_b);
    recorded_free(&a);
}

static void test_threads_snapshots(void)
{
    check_multi_snapshots(&threads_guest);
}

static void test_procs_snapshots(void)
{
    check_multi_snapshots(&fork_guest);
}

/* ---- Shared memory across fork ----------------------------------------- */

/* A parent and its child share an anonymous MAP_SHARED page: the child
 * writes it in a loop, the parent waits for its flag there and writes
 * after it. Nothing waits on the host, so every moment can be
 * snapshotted. (Kept here, not in testsuite/guest/, with its test.) */
static const char shm_guest_source[] =
    "#include <sys/mman.h>\n"
    "#include <sys/wait.h>\n"
    "#include <unistd.h>\n"
    "volatile long *area;\n"
    "int main(void)\n"
    "{\n"
    "    int st;\n"
    "    area = mmap(0, 4096, PROT_READ | PROT_WRITE,\n"
    "                MAP_SHARED | MAP_ANONYMOUS, -1, 0);\n"
    "    pid_t kid = fork();\n"
    "    if (kid == 0) {\n"
    "        for (long i = 1; i <= 30000; i++)\n"
    "            area[0] = area[0] * 3 + i;\n"
    "        area[1] = 1;\n"
    "        _exit(0);\n"
    "    }\n"
    "    while (!area[1])\n"
    "        ;\n"
    "    waitpid(kid, &st, 0);\n"
    "    for (long i = 0; i < 20000; i++)\n"
    "        area[0] += i;\n"
    "    return area[0] == 0;\n"
    "}\n";
static struct multi_guest shm_guest = { .name = "reverse-shm",
                                        .symbol = "area" };

static void setup_shm_guest(void)
{
    g_autofree char *src = g_build_filename(tmpdir, "reverse-shm.c", NULL);
    g_autofree char *cc = g_find_program_in_path("aarch64-linux-gnu-gcc");
    g_autofree char *nm = g_find_program_in_path("aarch64-linux-gnu-nm");
    g_autofree char *out = NULL;
    int status;

    if (!cc || !nm || !g_file_set_contents(src, shm_guest_source, -1, NULL))
        return;
    shm_guest.path = g_build_filename(tmpdir, shm_guest.name, NULL);
    char *cc_argv[] = { cc, "-static", "-O0", "-o", shm_guest.path, src,
                        NULL };
    char *nm_argv[] = { nm, shm_guest.path, NULL };
    if (!g_spawn_sync(NULL, cc_argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                      NULL, NULL, NULL, &status, NULL)
        || !g_spawn_check_wait_status(status, NULL)
        || !g_spawn_sync(NULL, nm_argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                         NULL, &out, NULL, &status, NULL)) {
        g_unlink(src);
        g_clear_pointer(&shm_guest.path, g_free);
        return;
    }
    g_unlink(src);
    char **lines = g_strsplit(out, "\n", -1);
    for (char **l = lines; *l; l++) {
        if (g_str_has_suffix(*l, " area"))
            shm_guest.addr = g_ascii_strtoull(*l, NULL, 16);
    }
    g_strfreev(lines);
    if (!shm_guest.addr)
        g_clear_pointer(&shm_guest.path, g_free);
}

/* The shared word as the parent sees it, and as its child (the next
 * pid: the program makes no other thread or process) does while it
 * lives: *n is 1 or 2. The debugger does not follow the child, so it
 * is reached by pid. */
static void capture_shared(struct machine *m, guint *n, uint64_t values[2])
{
    GArray *list = m->ops->thread_list(m);
    int64_t pid;

    g_assert_cmpuint(list->len, ==, 1);
    pid = g_array_index(list, struct machine_thread, 0).pid;
    g_array_unref(list);
    *n = 0;
    for (int64_t p = pid; p <= pid + 1; p++) {
        uint64_t area = 0;
        if (m->ops->read_mem_of(m, p, shm_guest.addr, &area, sizeof(area))
            != sizeof(area))
            break;     /* no child (yet, or any more) */
        values[*n] = 0;
        if (area)
            g_assert_cmpint(m->ops->read_mem_of(m, p, area, &values[*n],
                                                sizeof(values[*n])), ==,
                            sizeof(values[*n]));
        ++*n;
    }
}

/* Going back over the child's writes to a shared page brings back the
 * word both processes saw then, the same in both (one page, not two
 * copies), as a replay from the start gives it; forward again, the
 * present. */
static void test_shm_snapshots(void)
{
    struct recorded a;
    struct spec spec_b;
    struct syscall_door *door_b = syscall_door_new();
    struct machine *b, *plain;
    char *argv[] = { shm_guest.path, NULL };
    GError *error = NULL;
    uint64_t end, present;
    bool saw_two = false;

    if (!shm_guest.path) {
        g_test_skip("no cross compiler or nm");
        syscall_door_free(door_b);
        return;
    }
    struct spec plain_spec = { .argv = { shm_guest.path, NULL } };
    plain = make(&plain_spec, &error);
    g_assert_no_error(error);
    run_to(plain, UINT64_MAX);
    end = plain->ops->icount(plain);
    plain->ops->free(plain);
    present = end - end / 20;

    record_argv(&a, argv, end / 30, 0, present);
    b = replay_of(&a, UINT64_MAX, door_b, &spec_b);
    const uint64_t points[] = { present - 1, present / 2, present / 3,
                                present / 5 + 11, present - present / 10,
                                present / 4, present / 2 + 3 };
    for (size_t i = 0; i < G_N_ELEMENTS(points); i++) {
        uint64_t va[2], vb[2];
        guint na, nb;
        g_assert_cmpint(timeline_goto(a.tl, points[i]), ==, 0);
        g_assert_cmpint(timeline_goto(timeline_of(b), points[i]), ==, 0);
        capture_shared(a.tl_machine, &na, va);
        capture_shared(b, &nb, vb);
        g_assert_cmpuint(na, ==, nb);
        for (guint j = 0; j < na; j++) {
            g_assert_cmpuint(va[j], ==, vb[j]);
            g_assert_cmpuint(va[j], ==, va[0]);   /* one shared word */
        }
        g_test_message("at %" PRIu64 ": %u processes, word %" PRIu64,
                       points[i], na, va[0]);
        if (na == 2 && va[0] != 0)
            saw_two = true;
    }
    g_assert_true(saw_two);
    g_assert_cmpint(timeline_goto(a.tl, present), ==, 0);
    run_to(a.tl_machine, UINT64_MAX);
    g_assert_cmpuint(a.tl_machine->ops->icount(a.tl_machine), ==, end);
    b->ops->free(b);
    syscall_door_free(door_b);
    recorded_free(&a);
}

/* ---- A replay that cannot go on ---------------------------------------- */

/* A worker sleeps while main waits for it: for a moment every thread
 * waits on the host, and the recording has the host's wake. */
static const char sleepy_guest_source[] =
    "#include <pthread.h>\n"
    "#include <time.h>\n"
    "volatile long done;\n"
    "static void *nap(void *arg)\n"
    "{\n"
    "    struct timespec ts = { 0, 20000000 };\n"
    "    nanosleep(&ts, 0);\n"
    "    done = 1;\n"
    "    return arg;\n"
    "}\n"
    "int main(void)\n"
    "{\n"
    "    pthread_t t;\n"
    "    pthread_create(&t, 0, nap, 0);\n"
    "    pthread_join(t, 0);\n"
    "    for (long i = 0; i < 10000; i++)\n"
    "        done += i;\n"
    "    return 0;\n"
    "}\n";

static char *compile_inline_guest(const char *name, const char *source)
{
    g_autofree char *file = g_strconcat(name, ".c", NULL);
    g_autofree char *src = g_build_filename(tmpdir, file, NULL);
    g_autofree char *cc = g_find_program_in_path("aarch64-linux-gnu-gcc");
    char *path = g_build_filename(tmpdir, name, NULL);
    int status;

    if (!cc || !g_file_set_contents(src, source, -1, NULL)) {
        g_free(path);
        return NULL;
    }
    char *cc_argv[] = { cc, "-static", "-pthread", "-O0", "-o", path, src,
                        NULL };
    if (!g_spawn_sync(NULL, cc_argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                      NULL, NULL, NULL, &status, NULL)
        || !g_spawn_check_wait_status(status, NULL))
        g_clear_pointer(&path, g_free);
    g_unlink(src);
    return path;
}

/* A recording whose host wakes were taken out (a damaged file, or a
 * replay that went its own way): the replay reaches the moment every
 * thread waits and nothing wakes one. A move past it ends there with an
 * error, a continue with the end of history; neither spins forever. */
static void test_stuck_replay_ends(void)
{
    g_autofree char *path = compile_inline_guest("sleepy", sleepy_guest_source);
    struct syscall_door *door = syscall_door_new();
    struct timeline_options opts = { .snapshot_interval = UINT64_MAX };
    struct event_log *log = event_log_new();
    struct machine_stop stop;
    struct recorded a;
    struct spec spec;
    GError *error = NULL;
    size_t wakes = 0;
    uint64_t present;

    if (!path) {
        g_test_skip("no cross compiler");
        event_log_free(log);
        syscall_door_free(door);
        return;
    }
    char *argv[] = { path, NULL };
    record_argv(&a, argv, 1u << 16, 0, UINT64_MAX);
    present = timeline_present(a.tl);
    for (size_t i = 0; i < event_log_length(timeline_log(a.tl)); i++) {
        const struct event *ev = event_log_get(timeline_log(a.tl), i);
        gsize len = 0;
        const void *data = ev->data ? g_bytes_get_data(ev->data, &len) : NULL;
        if (ev->kind == EVENT_SYSCALL && (ev->flags & EVENT_HOST_WAKE)) {
            wakes++;
            continue;
        }
        event_log_record(log, ev->kind, ev->icount, ev->tid, ev->arg,
                         ev->flags, data, len);
    }
    g_assert_cmpuint(wakes, >, 0);

    spec = a.spec;
    spec.uopts.door = syscall_door_ops(door);
    struct machine *b = timeline_new_replay(make, &spec, door, log, present,
                                            &opts, &error);
    g_assert_no_error(error);
    g_test_expect_message(NULL, G_LOG_LEVEL_WARNING, "*replay is stuck*");
    g_assert_cmpint(timeline_goto(timeline_of(b), present - 1), ==, -EIO);
    g_test_assert_expected_messages();
    g_assert_cmpuint(timeline_now(timeline_of(b)), <, present - 1);

    g_assert_cmpint(timeline_goto(timeline_of(b), 0), ==, 0);
    g_test_expect_message(NULL, G_LOG_LEVEL_WARNING, "*replay is stuck*");
    b->ops->run(b, UINT64_MAX, &stop);
    g_test_assert_expected_messages();
    g_assert_cmpint(stop.kind, ==, MACHINE_STOP_SIGNAL);
    g_assert_true(stop.replay_end);

    b->ops->free(b);
    syscall_door_free(door);
    recorded_free(&a);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    setup_guest();
    setup_multi_guest(&threads_guest);
    setup_multi_guest(&fork_guest);
    setup_multi_guest(&mte_guest);
    setup_shm_guest();
    g_test_add_func("/timeline/event-log/round-trip", test_log_round_trip);
    g_test_add_func("/timeline/door/classes", test_door_classes);
    g_test_add_func("/timeline/cpu-snapshot", test_cpu_snapshot);
    g_test_add_func("/timeline/snapshots-agree", test_snapshots_agree);
    g_test_add_func("/timeline/reverse-step-and-forward",
                    test_reverse_step_and_forward);
    g_test_add_func("/timeline/history-bound", test_history_bound);
    g_test_add_func("/timeline/start-moves", test_start_moves);
    g_test_add_func("/timeline/threads-snapshots", test_threads_snapshots);
    g_test_add_func("/timeline/processes-snapshots", test_procs_snapshots);
    g_test_add_func("/timeline/held-thread-replays", test_held_thread_replays);
    g_test_add_func("/timeline/killed-process-replays",
                    test_killed_process_replays);
    g_test_add_func("/timeline/mte-snapshots", test_mte_snapshots);
    g_test_add_func("/timeline/shared-memory-snapshots", test_shm_snapshots);
    g_test_add_func("/timeline/stuck-replay-ends", test_stuck_replay_ends);
    int status = g_test_run();
    if (guest)
        g_unlink(guest);
    free_multi_guest(&threads_guest);
    free_multi_guest(&fork_guest);
    free_multi_guest(&mte_guest);
    free_multi_guest(&shm_guest);
    g_unlink(input);
    g_rmdir(tmpdir);
    g_free(guest);
    g_free(input);
    g_free(tmpdir);
    return status;
}
