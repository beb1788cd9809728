/* GDB's own signal numbering (include/gdb/signals.def) versus Linux's.
 * The remote protocol speaks GDB's numbers; the guest speaks Linux's. */
#ifndef BACKSTEP_SERVER_GDB_SIGNALS_H
#define BACKSTEP_SERVER_GDB_SIGNALS_H

/* 0 maps to 0; a number with no counterpart maps to -1. */
int gdb_signal_from_linux(int linux_sig);
int gdb_signal_to_linux(int gdb_sig);
const char *linux_signal_name(int linux_sig);

#endif
