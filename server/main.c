/* backstep: run an AArch64 Linux program, optionally under a debugger. */
#include "config.h"

#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "cpu/cpu.h"
#include "cpu/pauth.h"
#include "server/gdb-server.h"
#include "server/gdb-signals.h"
#include "server/gdb-target.h"
#include "server/event-log.h"
#include "server/machine.h"
#include "server/syscall-door.h"
#include "server/timeline.h"
#include "server/timeline-rsp.h"
#include "user/process.h"
#include "xml-features/tdesc.h"

extern char **environ;

/* Where Debian's cross libc for arm64 lives: the guest root when -L is
 * not given and it exists. */
#define DEFAULT_SYSROOT "/usr/aarch64-linux-gnu"

/* SVE: HWCAP_SVE (asm/hwcap.h), and the vector length programs get when
 * the CPU advertises SVE and --sve-vl is not given: Linux's default
 * (/proc/sys/abi/sve_default_vector_length), 512 bits. */
#define GUEST_HWCAP_SVE (1ull << 22)
#define DEFAULT_SVE_VL_BITS 512
#define MAX_SVE_VL_BITS 2048

/* Instructions per call when running free: the loop costs nothing here. */
#define FREE_RUN_SLICE (1u << 24)

struct options {
    char *gdb;
    char *sysroot;
    gboolean multi;
    gboolean strace;
    gboolean stats;
    gboolean version;
    gint sve_vl_bits;     /* 0: not given */
    char *pauth;          /* --pauth ALGO; NULL: qarma5 */
    gboolean fpac;
    gboolean no_record;
    gboolean stop_at_exit;
    char *history_mem;
    char *record_file;
    char *replay;
    char **program_and_args;
};

/* What a timeline needs to rebuild the program in its initial state. */
struct program_spec {
    char *program;
    char **argv;
    char **envp;
    struct user_options uopts;
    /* vRun: record each program the debugger starts, with these bounds. */
    bool record_runs;
    struct timeline_options run_topts;
};

/* A user machine whose first thread has the configured pointer
 * authentication (--pauth, --fpac). user/ enables PAuth with QARMA5 at
 * exec; this sets what the command line chose (it is idempotent, so it
 * stays right once user/ calls pauth_cpu_configure itself). */
static struct machine *new_user_machine(const char *program,
                                        char *const *argv, char *const *envp,
                                        const struct user_options *uopts,
                                        GError **error)
{
    struct machine *m = machine_user_new(program, argv, envp, uopts, error);
    struct cpu_state *cpu = m ? m->ops->cpu(m, 0) : NULL;

    if (cpu)
        pauth_cpu_configure(cpu);
    return m;
}

static struct machine *make_machine(void *data, GError **error)
{
    struct program_spec *spec = data;
    return new_user_machine(spec->program, spec->argv, spec->envp,
                            &spec->uopts, error);
}

/* What one recorded vRun program needs for as long as its timeline
 * lives: the spec its replay machines are built from and its door. */
struct run_recording {
    struct program_spec spec;
    struct syscall_door *door;
};

static void run_recording_free(void *data)
{
    struct run_recording *rr = data;

    syscall_door_free(rr->door);
    g_free(rr->spec.program);
    g_strfreev(rr->spec.argv);
    g_strfreev(rr->spec.envp);
    g_free(rr);
}

/* vRun (extended-remote without a program on the command line): a fresh
 * user machine for each request, recorded in a timeline of its own (its
 * own spec and door, released with it) unless --no-record. */
static struct machine *make_run_machine(void *data, const char *program,
                                        char *const *argv, char *const *envp,
                                        GError **error)
{
    struct program_spec *spec = data;
    struct user_options uopts = spec->uopts;

    uopts.door = NULL;
    if (!spec->record_runs)
        return new_user_machine(program, argv, envp, &uopts, error);

    struct run_recording *rr = g_new0(struct run_recording, 1);
    rr->door = syscall_door_new();
    rr->spec.program = g_strdup(program);
    rr->spec.argv = g_strdupv((char **)argv);
    rr->spec.envp = g_strdupv((char **)envp);
    rr->spec.uopts = spec->uopts;
    rr->spec.uopts.door = syscall_door_ops(rr->door);
    struct machine *live = new_user_machine(program, argv, envp,
                                            &rr->spec.uopts, error);
    if (!live) {
        run_recording_free(rr);
        return NULL;
    }
    struct timeline_options topts = spec->run_topts;
    topts.release = run_recording_free;
    topts.release_data = rr;
    return timeline_new(live, make_machine, &rr->spec, rr->door, &topts);
}

/* "1G", "512M", "64k" or bytes. */
static bool parse_size(const char *s, uint64_t *out)
{
    char *end;
    guint64 v;

    if (!s || !g_ascii_isdigit(*s))
        return false;
    v = g_ascii_strtoull(s, &end, 10);
    switch (g_ascii_toupper(*end)) {
    case 'K': v <<= 10; end++; break;
    case 'M': v <<= 20; end++; break;
    case 'G': v <<= 30; end++; break;
    case '\0': break;
    default: return false;
    }
    if (g_ascii_toupper(*end) == 'I' && end[1] == 'B')
        end += 2;
    else if (g_ascii_toupper(*end) == 'B')
        end++;
    *out = v;
    return *end == '\0' && v > 0;
}

/* Run the program to its end with no debugger; returns backstep's exit
 * status: the program's, or 128 + the signal that killed it (as a shell
 * reports it). */
static int run_free(struct machine *m)
{
    for (;;) {
        struct machine_stop stop;

        m->ops->run(m, FREE_RUN_SLICE, &stop);
        switch (stop.kind) {
        case MACHINE_STOP_EXITED:
            return stop.exit_code;
        case MACHINE_STOP_KILLED:
            fprintf(stderr, "backstep: program terminated by signal %d (%s)\n",
                    stop.signal, linux_signal_name(stop.signal));
            return 128 + stop.signal;
        case MACHINE_STOP_SIGNAL:
            /* Nobody to show it to: deliver it. */
            m->ops->set_signal(m, stop.signal);
            break;
        case MACHINE_STOP_BUDGET:
        case MACHINE_STOP_BREAKPOINT:
        case MACHINE_STOP_WATCHPOINT:
        case MACHINE_STOP_INTERRUPTED:
            break;
        }
    }
}

/* Host time is read here only to report speed; the guest never sees it. */
static void print_stats(struct machine *m, gint64 elapsed_us)
{
    /* All threads and processes, the exited ones included. */
    uint64_t insns = m->ops->icount(m);
    double seconds = elapsed_us / 1e6;

    fprintf(stderr,
            "backstep: %" PRIu64 " instructions retired in %.3f s (%.1f MIPS)\n",
            insns, seconds, seconds > 0 ? insns / seconds / 1e6 : 0.0);
}

/* sve_vl: the machine's SVE vector length in bytes, 0 for none. With
 * SVE the description has org.gnu.gdb.aarch64.sve sized for it (the
 * longest a thread can have) instead of .fpu. */
static int run_with_gdb(struct machine *m, const char *spec, bool multi,
                        const char *program, unsigned sve_vl,
                        struct program_spec *run_spec)
{
    GError *error = NULL;
    struct cpu_state *cpu0 = m ? m->ops->cpu(m, 0) : NULL;
    /* The pauth feature lets gdb strip PACs from signed return addresses;
     * with --pauth off there is none, as on a core without FEAT_PAuth
     * (every program of the machine has the same configuration). */
    unsigned options = pauth_config()->enabled ? TDESC_AARCH64_PAUTH : 0;
    /* Memory tagging: tag_ctl, and gdb's memory-tag commands. */
    if (cpu0 && cpu0->mem_ops && cpu0->mem_ops->tags)
        options |= TDESC_AARCH64_MTE;
    struct tdesc *td = sve_vl ? tdesc_aarch64_linux_sve(options, sve_vl / 16,
                                                        &error)
                              : tdesc_aarch64_linux_with(options, &error);
    struct gdb_target *target;
    struct timeline_rsp *reverse;
    struct gdb_server *server;
    g_autofree char *where = NULL;
    int status;

    if (!td) {
        fprintf(stderr, "backstep: %s\n", error->message);
        g_error_free(error);
        return 1;
    }
    target = gdb_target_new(m, td);
    /* No program: the debugger starts them (vRun), like gdbserver --multi. */
    if (!m)
        gdb_target_set_factory(target, make_run_machine, run_spec,
                               run_spec->envp);
    /* Recording: bs and bc go back through the timeline (for vRun, the
     * timeline of whichever program runs now). */
    reverse = (m ? timeline_of(m) != NULL : run_spec->record_runs)
                  ? timeline_rsp_install(target)
                  : NULL;
    server = gdb_server_new(spec, target, multi, &error);
    if (!server) {
        fprintf(stderr, "backstep: %s\n", error->message);
        g_error_free(error);
        gdb_target_free(target);
        timeline_rsp_free(reverse);
        tdesc_free(td);
        return 1;
    }
    where = gdb_server_address(server);
    fprintf(stderr, "backstep: listening on %s\n", where);
    if (m)
        fprintf(stderr, "backstep: attach with: gdb-multiarch %s -ex 'target remote %s'\n",
                program, g_str_has_prefix(where, "unix:") ? where + 5 : where);
    else
        fprintf(stderr, "backstep: no program: attach with: gdb-multiarch "
                        "-ex 'target extended-remote %s', then run one\n",
                g_str_has_prefix(where, "unix:") ? where + 5 : where);
    fflush(stderr);

    gdb_server_run(server);

    /* After a vRun the target's machine is the one that ran (it owns it). */
    if (!m)
        m = gdb_target_machine(target);
    switch (gdb_target_session_end(target)) {
    case GDB_SESSION_DETACHED:
        status = m ? run_free(m) : 0;
        break;
    case GDB_SESSION_KILLED:
        fprintf(stderr, "backstep: program killed by the debugger\n");
        status = gdb_target_exit_status(target);
        break;
    case GDB_SESSION_EXITED:
        status = gdb_target_exit_status(target);
        break;
    case GDB_SESSION_ACTIVE:
    default:
        /* The debugger went away: like gdbserver, end the program too. */
        status = 128 + 9;
        break;
    }
    gdb_server_free(server);
    gdb_target_free(target);
    timeline_rsp_free(reverse);
    tdesc_free(td);
    return status;
}

int main(int argc, char **argv)
{
    /* Before anything of ours opens a descriptor. */
    user_fd_note_inherited();
    struct options opt = { 0 };
    GOptionEntry entries[] = {
        { "gdb", 'g', 0, G_OPTION_ARG_STRING, &opt.gdb,
          "Wait for a debugger on [HOST:]PORT (default host 127.0.0.1; "
          "PORT 0 picks a free one) or unix:PATH",
          "ADDRESS" },
        { "sysroot", 'L', 0, G_OPTION_ARG_FILENAME, &opt.sysroot,
          "The guest's root: absolute paths the program opens (its "
          "interpreter and libraries too) are looked up under PREFIX "
          "first (default " DEFAULT_SYSROOT " when it exists)",
          "PREFIX" },
        { "multi", 0, 0, G_OPTION_ARG_NONE, &opt.multi,
          "With --gdb: when the debugger goes away without detaching, keep "
          "the program stopped and wait for the next one",
          NULL },
        { "strace", 0, 0, G_OPTION_ARG_NONE, &opt.strace,
          "Log the program's system calls on stderr", NULL },
        { "stats", 0, 0, G_OPTION_ARG_NONE, &opt.stats,
          "Print instructions retired and MIPS on stderr at exit", NULL },
        { "version", 0, 0, G_OPTION_ARG_NONE, &opt.version,
          "Print the version and exit", NULL },
        { "sve-vl", 0, 0, G_OPTION_ARG_INT, &opt.sve_vl_bits,
          "Give the program SVE with vector length BITS (128 to 2048, a "
          "multiple of 128): the length it starts with and the longest "
          "prctl(PR_SVE_SET_VL) may choose; debuggers see the "
          "org.gnu.gdb.aarch64.sve registers",
          "BITS" },
        { "pauth", 0, 0, G_OPTION_ARG_STRING, &opt.pauth,
          "Pointer authentication (FEAT_PAuth) with the QARMA5 (default) "
          "or QARMA3 algorithm, or off: no PAuth at all (no HWCAP_PACA/"
          "PACG, ID register fields 0, the PAC hints are NOPs and the other "
          "PAC instructions raise SIGILL; debuggers see no pauth feature)",
          "qarma5|qarma3|off" },
        { "fpac", 0, 0, G_OPTION_ARG_NONE, &opt.fpac,
          "FEAT_FPAC: a failed AUT* faults (SIGILL, ILL_ILLOPN, at the "
          "AUT instruction) instead of corrupting the pointer; "
          "ID_AA64ISAR1.APA (or ISAR2.APA3) reads 4", NULL },
        { "no-record", 0, 0, G_OPTION_ARG_NONE, &opt.no_record,
          "Do not record: no reverse execution (without --gdb and "
          "--record-file nothing is recorded anyway)", NULL },
        { "stop-at-exit", 0, 0, G_OPTION_ARG_NONE, &opt.stop_at_exit,
          "With --gdb: stop (signal 0) before the program's last thread "
          "exits, so that its whole history can still be explored; "
          "continue to let it exit", NULL },
        { "history-mem", 0, 0, G_OPTION_ARG_STRING, &opt.history_mem,
          "Memory the recorded history may use (default 1G)", "SIZE" },
        { "record-file", 0, 0, G_OPTION_ARG_FILENAME, &opt.record_file,
          "Save the recording to FILE when the program ends", "FILE" },
        { "replay", 0, 0, G_OPTION_ARG_FILENAME, &opt.replay,
          "Debug a recording saved with --record-file (no PROGRAM)",
          "FILE" },
        { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY,
          &opt.program_and_args, NULL, "PROGRAM [ARGS...]" },
        { NULL },
    };
    g_autoptr(GOptionContext) ctx =
        g_option_context_new("- run an AArch64 Linux program, forwards and "
                             "backwards, under gdb or lldb");
    GError *error = NULL;
    struct user_options uopts = { 0 };
    struct program_spec spec = { 0 };
    struct syscall_door *door = NULL;
    struct timeline_options topts = { .history_mem = 1ull << 30 };
    uint64_t replay_end = 0;
    struct event_log *replay_log = NULL;
    struct machine *machine;
    const char *program;
    int status = 0;
    gint64 start_us;

    g_option_context_add_main_entries(ctx, entries, NULL);
    /* Options after PROGRAM belong to the program. */
    g_option_context_set_strict_posix(ctx, TRUE);
    if (!g_option_context_parse(ctx, &argc, &argv, &error)) {
        fprintf(stderr, "backstep: %s\n", error->message);
        g_error_free(error);
        status = 2;
        goto out;
    }
    if (opt.version) {
        printf("%s\n", PACKAGE_STRING);
        goto out;
    }
    struct pauth_config pauth = *pauth_config();
    if (opt.pauth && !pauth_parse_algo(opt.pauth, &pauth)) {
        fprintf(stderr, "backstep: --pauth %s: not an algorithm (qarma5, "
                        "qarma3 or off)\n", opt.pauth);
        status = 2;
        goto out;
    }
    if (opt.fpac && !pauth.enabled) {
        fprintf(stderr, "backstep: --fpac needs pointer authentication "
                        "(not --pauth off)\n");
        status = 2;
        goto out;
    }
    pauth.fpac = opt.fpac;
    pauth_configure(&pauth);
    if (opt.history_mem && !parse_size(opt.history_mem, &topts.history_mem)) {
        fprintf(stderr, "backstep: --history-mem %s: not a size (like 512M "
                        "or 2G)\n", opt.history_mem);
        status = 2;
        goto out;
    }
    if (opt.replay && (opt.no_record || opt.record_file)) {
        fprintf(stderr, "backstep: --replay takes no --no-record or "
                        "--record-file\n");
        status = 2;
        goto out;
    }
    if (opt.replay && !opt.gdb) {
        fprintf(stderr, "backstep: --replay needs --gdb: a recording is "
                        "replayed under a debugger\n");
        status = 2;
        goto out;
    }
    if (opt.no_record && opt.record_file) {
        fprintf(stderr, "backstep: --record-file needs recording (drop "
                        "--no-record)\n");
        status = 2;
        goto out;
    }
    if (opt.replay) {
        struct event_log *log = event_log_load(opt.replay, &spec.argv,
                                               &spec.envp, &replay_end,
                                               &error);
        if (!log) {
            fprintf(stderr, "backstep: %s\n", error->message);
            g_error_free(error);
            status = 1;
            goto out;
        }
        /* A program named beside --replay must be the one recorded. */
        if (opt.program_and_args && opt.program_and_args[0]
            && strcmp(opt.program_and_args[0], spec.argv[0]) != 0) {
            fprintf(stderr, "backstep: %s: recorded %s, not %s\n",
                    opt.replay, spec.argv[0], opt.program_and_args[0]);
            event_log_free(log);
            status = 2;
            goto out;
        }
        g_strfreev(opt.program_and_args);
        opt.program_and_args = g_strdupv(spec.argv);
        spec.program = g_strdup(spec.argv[0]);
        replay_log = log;
    }
    bool no_program = !opt.program_and_args || !opt.program_and_args[0];
    if (no_program && !opt.gdb) {
        fprintf(stderr, "backstep: no program given\n"
                        "usage: backstep [-L PREFIX] [--gdb ADDRESS] PROGRAM [ARGS...]\n");
        status = 2;
        goto out;
    }
    /* A debugger that goes away mid-write must not kill us. */
    signal(SIGPIPE, SIG_IGN);

    program = no_program ? NULL : opt.program_and_args[0];
    uopts.log_syscalls = opt.strace;
    /* Without a debugger there is nobody to stop for. */
    uopts.stop_before_exit = opt.stop_at_exit && (opt.gdb || opt.replay);
    if (opt.sve_vl_bits) {
        if (opt.sve_vl_bits < 128 || opt.sve_vl_bits > MAX_SVE_VL_BITS
            || opt.sve_vl_bits % 128) {
            fprintf(stderr, "backstep: --sve-vl %d: not a vector length (128 "
                            "to %d bits, a multiple of 128)\n",
                    opt.sve_vl_bits, MAX_SVE_VL_BITS);
            status = 2;
            goto out;
        }
        uopts.sve_vl = (unsigned)opt.sve_vl_bits / 8;
    } else if (cpu_hwcap() & GUEST_HWCAP_SVE) {
        uopts.sve_vl = DEFAULT_SVE_VL_BITS / 8;
    }
    if (opt.sysroot && !g_file_test(opt.sysroot, G_FILE_TEST_IS_DIR)) {
        fprintf(stderr, "backstep: guest root %s: not a directory\n",
                opt.sysroot);
        status = 2;
        goto out;
    }
    if (opt.sysroot)
        uopts.sysroot = opt.sysroot;
    else if (g_file_test(DEFAULT_SYSROOT, G_FILE_TEST_IS_DIR))
        uopts.sysroot = DEFAULT_SYSROOT;
    if (no_program) {
        /* --gdb with no program: wait for the debugger's vRun. */
        if (opt.record_file) {
            fprintf(stderr, "backstep: --record-file needs a program on "
                            "the command line\n");
            status = 2;
            goto out;
        }
        spec.envp = g_strdupv(environ);
        spec.uopts = uopts;
        spec.record_runs = !opt.no_record;
        spec.run_topts = topts;
        status = run_with_gdb(NULL, opt.gdb, opt.multi, NULL, uopts.sve_vl,
                              &spec);
        goto out;
    }
    if (!spec.program) {
        spec.program = g_strdup(program);
        spec.argv = g_strdupv(opt.program_and_args);
        spec.envp = g_strdupv(environ);
    }
    topts.keep_whole_log = opt.record_file != NULL;
    /* History serves a debugger or a saved recording; a plain run has
     * neither, so it runs at full speed, like qemu-aarch64. */
    if (!opt.gdb && !opt.record_file)
        opt.no_record = TRUE;
    if (!opt.no_record) {
        /* Every input from outside goes through the door. */
        door = syscall_door_new();
        uopts.door = syscall_door_ops(door);
    }
    spec.uopts = uopts;
    if (replay_log) {
        machine = timeline_new_replay(make_machine, &spec, door, replay_log,
                                      replay_end, &topts, &error);
        replay_log = NULL;
    } else {
        machine = new_user_machine(program, spec.argv, spec.envp, &uopts,
                                   &error);
        if (machine && !opt.no_record)
            machine = timeline_new(machine, make_machine, &spec, door,
                                   &topts);
    }
    if (!machine) {
        fprintf(stderr, "backstep: %s\n", error->message);
        g_error_free(error);
        status = 1;
        goto out;
    }

    fflush(stdout);
    start_us = g_get_monotonic_time();
    if (opt.gdb)
        status = run_with_gdb(machine, opt.gdb, opt.multi, program,
                              uopts.sve_vl, &spec);
    else
        status = run_free(machine);
    if (opt.stats)
        print_stats(machine, g_get_monotonic_time() - start_us);
    if (opt.record_file && timeline_of(machine)) {
        struct timeline *tl = timeline_of(machine);
        if (!event_log_save(timeline_log(tl), spec.argv, spec.envp,
                            timeline_present(tl), opt.record_file, &error)) {
            fprintf(stderr, "backstep: %s\n", error->message);
            g_clear_error(&error);
            if (status == 0)
                status = 1;
        }
    }

    machine->ops->free(machine);
out:
    syscall_door_free(door);
    event_log_free(replay_log);
    g_free(spec.program);
    g_strfreev(spec.argv);
    g_strfreev(spec.envp);
    g_free(opt.history_mem);
    g_free(opt.pauth);
    g_free(opt.record_file);
    g_free(opt.replay);
    g_strfreev(opt.program_and_args);
    g_free(opt.gdb);
    g_free(opt.sysroot);
    return status;
}
