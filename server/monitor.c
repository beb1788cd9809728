#include "config.h"

#include "server/monitor.h"

#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include "cpu/cpu.h"
#include "server/machine.h"

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

static const struct monitor_command commands[] = {
    { "help", "list the monitor commands", cmd_help },
    { "info", "the program, its pid, pc and instructions retired", cmd_info },
    { "version", "backstep's version", cmd_version },
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
