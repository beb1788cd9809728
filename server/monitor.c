#include "config.h"

#include "server/monitor.h"

#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include "cpu/cpu.h"
#include "server/machine.h"
#include "server/timeline.h"

struct monitor_command {
    const char *name;
    const char *help;
    void (*run)(struct machine *machine, const char *args, GString *out);
};

static void cmd_help(struct machine *machine, const char *args, GString *out);

static void cmd_info(struct machine *machine, const char *args, GString *out)
{
    struct cpu_state *cpu = machine->ops->cpu(machine, 0);
    const char *exe = machine->ops->exe_path(machine);

    g_string_append_printf(out, "program: %s\npid: %" PRId64 "\n",
                           exe ? exe : "(none)", machine->ops->pid(machine));
    if (cpu)
        g_string_append_printf(out,
                               "pc: 0x%016" PRIx64 "\n"
                               "instructions retired: %" PRIu64 "\n",
                               cpu->pc, cpu->icount);
}

static void cmd_version(struct machine *machine, const char *args,
                        GString *out)
{
    g_string_append(out, PACKAGE_STRING "\n");
}

/* ---- Time travel: the timeline's commands ---------------------------- */

static struct timeline *need_timeline(struct machine *machine, GString *out)
{
    struct timeline *tl = timeline_of(machine);
    if (!tl)
        g_string_append(out, "not recording (backstep runs with "
                             "--no-record)\n");
    return tl;
}

static bool parse_u64(const char *s, uint64_t *v)
{
    char *end;
    if (!g_ascii_isdigit(*s))
        return false;
    *v = g_ascii_strtoull(s, &end, 0);
    return *g_strchomp((char *)end) == '\0';
}

static void cmd_when(struct machine *machine, const char *args, GString *out)
{
    struct timeline *tl = need_timeline(machine, out);
    if (!tl)
        return;
    g_string_append_printf(out, "instruction %" PRIu64 " thread %" PRId64
                                "%s\n",
                           timeline_now(tl), timeline_thread(tl),
                           timeline_now(tl) < timeline_present(tl)
                               ? " (replaying the past)" : "");
}

static void went(struct timeline *tl, int err, GString *out)
{
    if (err == -ERANGE)
        g_string_append_printf(out, "outside the history (%" PRIu64
                                    "..%" PRIu64 ")\n",
                               timeline_start(tl), timeline_present(tl));
    else if (err == -EINTR)
        g_string_append_printf(out, "interrupted at instruction %" PRIu64
                                    "; refresh gdb's view with 'maint "
                                    "flush register-cache'\n",
                               timeline_now(tl));
    else if (err)
        g_string_append_printf(out, "could not get there: %s\n",
                               g_strerror(-err));
    else
        g_string_append_printf(out, "at instruction %" PRIu64 "; refresh "
                                    "gdb's view with 'maint flush "
                                    "register-cache'\n",
                               timeline_now(tl));
}

static void cmd_goto(struct machine *machine, const char *args, GString *out)
{
    struct timeline *tl = need_timeline(machine, out);
    uint64_t n;
    if (!tl)
        return;
    if (!parse_u64(args, &n)) {
        g_string_append(out, "usage: goto INSTRUCTION-COUNT\n");
        return;
    }
    went(tl, timeline_goto(tl, n), out);
}

static void cmd_checkpoint(struct machine *machine, const char *args,
                           GString *out)
{
    struct timeline *tl = need_timeline(machine, out);
    if (!tl)
        return;
    int id = timeline_checkpoint(tl);
    g_string_append_printf(out, "checkpoint %d at instruction %" PRIu64 "\n",
                           id, timeline_now(tl));
}

static void cmd_checkpoints(struct machine *machine, const char *args,
                            GString *out)
{
    struct timeline *tl = need_timeline(machine, out);
    if (!tl)
        return;
    GArray *list = timeline_checkpoints(tl);
    if (list->len == 0)
        g_string_append(out, "no checkpoints\n");
    for (guint i = 0; i + 1 < list->len; i += 2)
        g_string_append_printf(out, "%" PRIu64 ": instruction %" PRIu64 "\n",
                               g_array_index(list, uint64_t, i),
                               g_array_index(list, uint64_t, i + 1));
    g_array_unref(list);
}

static void cmd_restart(struct machine *machine, const char *args,
                        GString *out)
{
    struct timeline *tl = need_timeline(machine, out);
    uint64_t id;
    if (!tl)
        return;
    if (!parse_u64(args, &id) || id > INT32_MAX) {
        g_string_append(out, "usage: restart CHECKPOINT-ID\n");
        return;
    }
    int err = timeline_restart(tl, (int)id);
    if (err == -ENOENT) {
        g_string_append_printf(out, "no checkpoint %" PRIu64 "\n", id);
        return;
    }
    went(tl, err, out);
}

static void cmd_history(struct machine *machine, const char *args,
                        GString *out)
{
    struct timeline *tl = need_timeline(machine, out);
    struct timeline_stats s;
    if (!tl)
        return;
    timeline_get_stats(tl, &s);
    g_string_append_printf(out,
                           "history: instructions %" PRIu64 "..%" PRIu64
                           " (now %" PRIu64 ")\n"
                           "events recorded: %zu (%zu bytes)\n"
                           "snapshots kept: %zu\n"
                           "memory used: %zu of %" PRIu64 " bytes\n"
                           "replays so far: %" PRIu64 "\n",
                           s.start, s.present, s.now, s.events, s.log_bytes,
                           s.snapshots, s.memory_bytes, s.history_mem,
                           s.replays);
}

static const struct monitor_command commands[] = {
    { "help", "list the monitor commands", cmd_help },
    { "info", "the program, its pid, pc and instructions retired", cmd_info },
    { "version", "backstep's version", cmd_version },
    { "when", "the current instruction count and thread", cmd_when },
    { "goto", "go to instruction count N of the history", cmd_goto },
    { "checkpoint", "remember this moment", cmd_checkpoint },
    { "checkpoints", "list the moments remembered", cmd_checkpoints },
    { "restart", "go back (or forward) to checkpoint ID", cmd_restart },
    { "history", "the span recorded, snapshots and memory used",
      cmd_history },
};

static void cmd_help(struct machine *machine, const char *args, GString *out)
{
    g_string_append(out, "backstep monitor commands:\n");
    for (size_t i = 0; i < G_N_ELEMENTS(commands); i++)
        g_string_append_printf(out, "  %-10s %s\n", commands[i].name,
                               commands[i].help);
}

int monitor_run(struct machine *machine, const char *line, GString *out)
{
    g_autofree char *copy = g_strstrip(g_strdup(line));
    char *args = copy + strcspn(copy, " \t");

    if (*args)
        *args++ = '\0';
    for (size_t i = 0; i < G_N_ELEMENTS(commands); i++) {
        if (!strcmp(commands[i].name, copy)) {
            commands[i].run(machine, g_strchug(args), out);
            return 0;
        }
    }
    g_string_append_printf(out,
                           "unknown monitor command '%s'; try 'monitor help'\n",
                           copy);
    return -ENOENT;
}
