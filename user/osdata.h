/* The debugger's `info os TYPE`: the XML tables gdb reads with
 * qXfer:osdata:read:TYPE, built from the guest's processes, threads,
 * descriptors, sockets and System V objects (user/osdata.c).
 *
 * The format is gdbserver's on Linux (gdb/features/osdata.dtd):
 *   <osdata type="..."><item><column name="pid">1000</column>...</item>
 *   </osdata>
 * with gdbserver's column names in its order, since gdb prints them as
 * they come. Everything is the guest's view: guest pids and tids, the
 * guest's command names and command lines, guest fd numbers. */
#ifndef BACKSTEP_USER_OSDATA_H
#define BACKSTEP_USER_OSDATA_H

#include <glib.h>

struct user_process;

/* The whole document for type ("" or "types": the list of the types
 * below, with columns Type, Description, Title; "processes",
 * "procgroups", "threads", "files", "sockets", "shm", "semaphores",
 * "msg"), about every process of the set any belongs to. NULL for an
 * unknown type (gdb then says "Wrong osdata type?"). Free with
 * g_string_free. */
GString *user_osdata(struct user_process *any, const char *type);

#endif
