/* GDB's signal numbers differ from Linux's above SIGFPE (GDB keeps the
 * historical BSD order: SIGBUS is 10 for GDB and 7 for Linux), so every
 * signal crossing the protocol is translated through this table. */
#include "config.h"

#include "server/gdb-signals.h"

#include <stddef.h>

struct signal_map {
    int linux_sig;
    int gdb_sig;
    const char *name;
};

static const struct signal_map signal_map[] = {
    { 1, 1, "SIGHUP" },     { 2, 2, "SIGINT" },     { 3, 3, "SIGQUIT" },
    { 4, 4, "SIGILL" },     { 5, 5, "SIGTRAP" },    { 6, 6, "SIGABRT" },
    { 7, 10, "SIGBUS" },    { 8, 8, "SIGFPE" },     { 9, 9, "SIGKILL" },
    { 10, 30, "SIGUSR1" },  { 11, 11, "SIGSEGV" },  { 12, 31, "SIGUSR2" },
    { 13, 13, "SIGPIPE" },  { 14, 14, "SIGALRM" },  { 15, 15, "SIGTERM" },
    { 17, 20, "SIGCHLD" },  { 18, 19, "SIGCONT" },  { 19, 17, "SIGSTOP" },
    { 20, 18, "SIGTSTP" },  { 21, 21, "SIGTTIN" },  { 22, 22, "SIGTTOU" },
    { 23, 16, "SIGURG" },   { 24, 24, "SIGXCPU" },  { 25, 25, "SIGXFSZ" },
    { 26, 26, "SIGVTALRM" }, { 27, 27, "SIGPROF" }, { 28, 28, "SIGWINCH" },
    { 29, 23, "SIGIO" },    { 30, 32, "SIGPWR" },   { 31, 12, "SIGSYS" },
};

/* Real-time signals: Linux 32 is GDB 77, Linux 33..63 are GDB 45..75,
 * Linux 64 is GDB 78. */
int gdb_signal_from_linux(int linux_sig)
{
    if (linux_sig == 0)
        return 0;
    for (size_t i = 0; i < sizeof signal_map / sizeof signal_map[0]; i++)
        if (signal_map[i].linux_sig == linux_sig)
            return signal_map[i].gdb_sig;
    if (linux_sig == 32)
        return 77;
    if (linux_sig >= 33 && linux_sig <= 63)
        return linux_sig + 12;
    if (linux_sig == 64)
        return 78;
    return -1;
}

int gdb_signal_to_linux(int gdb_sig)
{
    if (gdb_sig == 0)
        return 0;
    for (size_t i = 0; i < sizeof signal_map / sizeof signal_map[0]; i++)
        if (signal_map[i].gdb_sig == gdb_sig)
            return signal_map[i].linux_sig;
    if (gdb_sig == 77)
        return 32;
    if (gdb_sig >= 45 && gdb_sig <= 75)
        return gdb_sig - 12;
    if (gdb_sig == 78)
        return 64;
    return -1;
}

const char *linux_signal_name(int linux_sig)
{
    for (size_t i = 0; i < sizeof signal_map / sizeof signal_map[0]; i++)
        if (signal_map[i].linux_sig == linux_sig)
            return signal_map[i].name;
    return "a real-time signal";
}
