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
#include "user/process.h"
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
    event_log_record(log, EVENT_SIGNAL, 20, -1, 11, EVENT_AFTER_SIGNAL_STOP,
                     NULL, 0);
    event_log_record(log, EVENT_MEM_WRITE, 20, 1000, 0x4000, 0, "abc", 3);
    g_assert_cmpuint(event_log_length(log), ==, 3);
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
    g_assert_cmpuint(event_log_length(back), ==, 3);
    for (size_t i = 0; i < 3; i++) {
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
            g_assert_cmpuint(event_log_length(l), ==, 3);
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

static void record(struct recorded *r, const char *iterations,
                   uint64_t interval, uint64_t history_mem, uint64_t run_for)
{
    struct timeline_options opts = { .history_mem = history_mem,
                                     .snapshot_interval = interval };
    GError *error = NULL;

    memset(r, 0, sizeof(*r));
    r->spec.argv[0] = guest;
    r->spec.argv[1] = input;
    r->spec.argv[2] = (char *)iterations;
    r->door = syscall_door_new();
    r->spec.uopts.door = syscall_door_ops(r->door);
    struct machine *live = make(&r->spec, &error);
    g_assert_no_error(error);
    r->tl_machine = timeline_new(live, make, &r->spec, r->door, &opts);
    r->tl = timeline_of(r->tl_machine);
    g_assert_nonnull(r->tl);
    run_to(r->tl_machine, run_for);
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
    struct syscall_door *door_b = syscall_door_new();
    struct machine *b;
    const uint64_t present = 3000000;
    const uint64_t points[] = { 1, 12345, 65536, 65537, 700001, 1234567,
                                2000000, 2999999, 400000, 17 };
    struct moment ma, mb;

    if (!guest) {
        g_test_skip("no cross compiler or nm");
        return;
    }
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

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    setup_guest();
    g_test_add_func("/timeline/event-log/round-trip", test_log_round_trip);
    g_test_add_func("/timeline/door/classes", test_door_classes);
    g_test_add_func("/timeline/cpu-snapshot", test_cpu_snapshot);
    g_test_add_func("/timeline/snapshots-agree", test_snapshots_agree);
    g_test_add_func("/timeline/reverse-step-and-forward",
                    test_reverse_step_and_forward);
    g_test_add_func("/timeline/history-bound", test_history_bound);
    g_test_add_func("/timeline/start-moves", test_start_moves);
    int status = g_test_run();
    if (guest)
        g_unlink(guest);
    g_unlink(input);
    g_rmdir(tmpdir);
    g_free(guest);
    g_free(input);
    g_free(tmpdir);
    return status;
}
