/* What the debugger asks of the set of processes beyond user/process.h:
 * ending one process, changing the siginfo a thread stopped for.
 * (user/process-debug.c; the rest of that file's interface is in
 * user/process.h.) */
#ifndef BACKSTEP_USER_PROCESS_DEBUG_H
#define BACKSTEP_USER_PROCESS_DEBUG_H

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

struct user_process;

/* End process pid as SIGKILL does (its parent's wait sees it killed by
 * signal 9), for vKill of one process among several. The debugger no
 * longer follows it, so its end is not reported. 0, or -ESRCH when no
 * such process lives. */
int user_process_debugger_kill(struct user_process *proc, int64_t pid);

/* Replace len bytes at offset of the siginfo thread tid stopped for (a
 * USER_EVENT_SIGNAL stop), as PTRACE_SETSIGINFO: the handler of the
 * signal, when the debugger lets it through, sees the new one. A thread
 * stopped for something else gets a siginfo (zeros, then the bytes),
 * used if the debugger resumes it with that signal. 0; -ESRCH: no such
 * thread; -EINVAL: beyond the 128 bytes. */
int user_process_thread_set_siginfo(struct user_process *proc, int64_t tid,
                                    uint64_t offset, const uint8_t *data,
                                    size_t len);

/* The guest's /proc/PID/NAME for the debugger: "maps", "smaps" (every
 * mapping; "mt" in VmFlags where memory is tagged), "cmdline", "stat",
 * "status", "auxv". NULL: no such live process, or no such file (or its
 * contents cannot be found: cmdline after the program overwrote its
 * initial stack). */
GBytes *user_process_proc_file(struct user_process *proc, int64_t pid,
                               const char *name);

#endif
