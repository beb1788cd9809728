/* The debugger's socket and the session on it. */
#ifndef BACKSTEP_SERVER_GDB_SERVER_H
#define BACKSTEP_SERVER_GDB_SERVER_H

#include <glib.h>
#include <stdbool.h>

struct gdb_server;
struct gdb_target;

/* Listen on spec ("[HOST:]PORT", "unix:PATH"; PORT 0 picks a free port).
 * With keep_listening, a debugger that goes away without detaching or
 * killing leaves the program stopped and the server waiting for the next
 * one. Returns NULL with *error naming the address on failure. */
struct gdb_server *gdb_server_new(const char *spec, struct gdb_target *target,
                                  bool keep_listening, GError **error);
void gdb_server_free(struct gdb_server *s);

/* The address actually listened on, e.g. "127.0.0.1:40123". */
char *gdb_server_address(const struct gdb_server *s);

/* Serve one debugging session; returns when it ends (detach, kill, the
 * debugger going away). */
void gdb_server_run(struct gdb_server *s);

#endif
