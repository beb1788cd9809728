/* backstep: run an AArch64 Linux program, optionally under a debugger. */
#include "config.h"

#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "cpu/cpu.h"
#include "server/gdb-server.h"
#include "server/gdb-signals.h"
#include "server/gdb-target.h"
#include "server/machine.h"
#include "user/process.h"
#include "xml-features/tdesc.h"

extern char **environ;

/* Where Debian's cross libc for arm64 lives: the guest root when -L is
 * not given and it exists. */
#define DEFAULT_SYSROOT "/usr/aarch64-linux-gnu"

/* Instructions per call when running free: the loop costs nothing here. */
#define FREE_RUN_SLICE (1u << 24)

struct options {
    char *gdb;
    char *sysroot;
    gboolean multi;
    gboolean strace;
    gboolean stats;
    gboolean version;
    char **program_and_args;
};

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
    struct cpu_state *cpu = m->ops->cpu(m, 0);
    uint64_t insns = cpu ? cpu->icount : 0;
    double seconds = elapsed_us / 1e6;

    fprintf(stderr,
            "backstep: %" PRIu64 " instructions retired in %.3f s (%.1f MIPS)\n",
            insns, seconds, seconds > 0 ? insns / seconds / 1e6 : 0.0);
}

static int run_with_gdb(struct machine *m, const char *spec, bool multi,
                        const char *program)
{
    GError *error = NULL;
    struct cpu_state *cpu0 = m->ops->cpu(m, 0);
    /* The pauth feature lets gdb strip PACs from signed return addresses. */
    unsigned options = cpu0 && cpu0->pauth_enabled ? TDESC_AARCH64_PAUTH : 0;
    struct tdesc *td = tdesc_aarch64_linux_with(options, &error);
    struct gdb_target *target;
    struct gdb_server *server;
    g_autofree char *where = NULL;
    int status;

    if (!td) {
        fprintf(stderr, "backstep: %s\n", error->message);
        g_error_free(error);
        return 1;
    }
    target = gdb_target_new(m, td);
    server = gdb_server_new(spec, target, multi, &error);
    if (!server) {
        fprintf(stderr, "backstep: %s\n", error->message);
        g_error_free(error);
        gdb_target_free(target);
        tdesc_free(td);
        return 1;
    }
    where = gdb_server_address(server);
    fprintf(stderr, "backstep: listening on %s\n", where);
    fprintf(stderr, "backstep: attach with: gdb-multiarch %s -ex 'target remote %s'\n",
            program, g_str_has_prefix(where, "unix:") ? where + 5 : where);
    fflush(stderr);

    gdb_server_run(server);

    switch (gdb_target_session_end(target)) {
    case GDB_SESSION_DETACHED:
        status = run_free(m);
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
    tdesc_free(td);
    return status;
}

int main(int argc, char **argv)
{
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
        { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY,
          &opt.program_and_args, NULL, "PROGRAM [ARGS...]" },
        { NULL },
    };
    g_autoptr(GOptionContext) ctx =
        g_option_context_new("- run an AArch64 Linux program, forwards and "
                             "backwards, under gdb or lldb");
    GError *error = NULL;
    struct user_options uopts = { 0 };
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
    if (!opt.program_and_args || !opt.program_and_args[0]) {
        fprintf(stderr, "backstep: no program given\n"
                        "usage: backstep [-L PREFIX] [--gdb ADDRESS] PROGRAM [ARGS...]\n");
        status = 2;
        goto out;
    }
    /* A debugger that goes away mid-write must not kill us. */
    signal(SIGPIPE, SIG_IGN);

    program = opt.program_and_args[0];
    uopts.log_syscalls = opt.strace;
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
    machine = machine_user_new(program, opt.program_and_args, environ, &uopts,
                               &error);
    if (!machine) {
        fprintf(stderr, "backstep: %s\n", error->message);
        g_error_free(error);
        status = 1;
        goto out;
    }

    fflush(stdout);
    start_us = g_get_monotonic_time();
    if (opt.gdb)
        status = run_with_gdb(machine, opt.gdb, opt.multi, program);
    else
        status = run_free(machine);
    if (opt.stats)
        print_stats(machine, g_get_monotonic_time() - start_us);

    machine->ops->free(machine);
out:
    g_strfreev(opt.program_and_args);
    g_free(opt.gdb);
    g_free(opt.sysroot);
    return status;
}
