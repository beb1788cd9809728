/* Monitor commands: what `monitor CMD` in gdb (qRcmd) and, later, the
 * readline console can ask of the machine. */
#ifndef BACKSTEP_SERVER_MONITOR_H
#define BACKSTEP_SERVER_MONITOR_H

#include <glib.h>

struct machine;

/* Run one command line, appending its output to out. Returns 0, or
 * -ENOENT for an unknown command (out then says so). */
int monitor_run(struct machine *machine, const char *line, GString *out);

#endif
