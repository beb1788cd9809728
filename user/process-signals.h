/* What server/ asks user/ about signals, beside user/process.h. */
#ifndef BACKSTEP_USER_PROCESS_SIGNALS_H
#define BACKSTEP_USER_PROCESS_SIGNALS_H

#include <stdbool.h>
#include <stdint.h>

struct user_process;

#define USER_SIGINFO_SIZE 128

/* The guest's siginfo_t (USER_SIGINFO_SIZE bytes, arm64 Linux layout) of
 * the signal the process is stopped for (a USER_EVENT_SIGNAL stop), for
 * the debugger's $_siginfo. False when it is not stopped at one. */
bool user_process_siginfo(const struct user_process *proc, uint8_t *buf);
/* The same for thread tid (0: the last stopped). */
bool user_process_thread_siginfo(struct user_process *proc, int64_t tid,
                                 uint8_t *buf);

#endif
