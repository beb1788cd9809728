/* The event log: the one door through which inputs from outside reach a
 * recorded run (DESIGN.md, "Determinism and time travel", rule 2).
 *
 * An event is bytes tagged with a kind, the instruction count (the
 * machine's time) at which it came in, and a thread. While recording,
 * whoever takes an input from outside appends it with event_log_record();
 * while replaying, the same code takes the next event instead of asking
 * the outside world (event_log_next at a replay cursor), and output to
 * the host is suppressed. Two runs of a program with the same log are the
 * same run.
 *
 * Kinds today: what the debugger does to a stopped program (it is outside
 * too: a signal it delivers or suppresses, a memory or register write,
 * the threads it holds, a process it kills),
 * and the results of system calls that read the host (read(2), clocks,
 * getrandom, file metadata) once user/ routes them here.
 */
#ifndef BACKSTEP_SERVER_EVENT_LOG_H
#define BACKSTEP_SERVER_EVENT_LOG_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum event_kind {
    /* The debugger gave thread tid signal arg (0: none, suppressing the
     * one it stopped for). */
    EVENT_SIGNAL = 1,
    /* The debugger wrote data at address arg in process tid's memory. */
    EVENT_MEM_WRITE = 2,
    /* The debugger changed thread tid's registers: data is a
     * struct cpu_debug_regs with the new values. */
    EVENT_REGS = 3,
    /* A system call's result from outside: arg is the syscall number;
     * data is the return value (8 bytes, little-endian) followed by the
     * guest memory the call wrote, as (address 8, length 4, bytes)
     * records. With EVENT_SYSCALL_PARKED, the call parked its thread
     * instead (it waits on the host): the first 8 bytes describe the wait
     * (user/sched.c's park state). With EVENT_HOST_WAKE (arg:
     * user/poll.h's USER_DOOR_NR_HOST_WAKE), the scheduler woke thread
     * tid because of the host: data is how (8 bytes, enum
     * user_wake_how). The timeline leaves all of these to the door. */
    EVENT_SYSCALL = 4,
    /* The debugger held (arg 1) or released (arg 0) thread tid: from
     * this count on, the thread runs only when not held (scheduler-
     * locking, resuming one inferior). Recorded when a live run starts
     * with a held set other than the last one recorded. */
    EVENT_HOLD = 5,
    /* The debugger killed process tid (vKill of one inferior). */
    EVENT_KILL_PROCESS = 6,
};
#define EVENT_KIND_MAX EVENT_KILL_PROCESS

/* flags */
/* Taken while the program was stopped for a signal (or an event stop) at
 * this instruction count: a replay applies it after reaching that same
 * stop, not merely that count. */
#define EVENT_AFTER_SIGNAL_STOP 1u
/* EVENT_SYSCALL: the call parked its thread (see above). */
#define EVENT_SYSCALL_PARKED 2u
/* EVENT_SYSCALL: a wake by the host (see above). */
#define EVENT_HOST_WAKE 4u

struct event {
    uint64_t icount;
    uint32_t kind;          /* enum event_kind */
    uint32_t flags;
    int64_t tid;
    uint64_t arg;
    GBytes *data;           /* may be NULL (no bytes) */
};

struct event_log;

struct event_log *event_log_new(void);
void event_log_free(struct event_log *log);

/* Append an event (data is copied; len may be 0). Events are kept in the
 * order they were recorded, which is also icount order. */
void event_log_record(struct event_log *log, uint32_t kind, uint64_t icount,
                      int64_t tid, uint64_t arg, uint32_t flags,
                      const void *data, size_t len);

size_t event_log_length(const struct event_log *log);
/* Event i (0-based), or NULL past the end. */
const struct event *event_log_get(const struct event_log *log, size_t i);
/* Bytes the log holds (headers and data). */
size_t event_log_bytes(const struct event_log *log);
/* Forget the first n events (the history before them is dropped);
 * indexes of the others go down by n. */
void event_log_drop_front(struct event_log *log, size_t n);

/* A cursor reading the log in order while replaying. */
struct event_cursor {
    const struct event_log *log;
    size_t next;
};

static inline void event_cursor_init(struct event_cursor *c,
                                     const struct event_log *log)
{
    c->log = log;
    c->next = 0;
}

/* The next event not yet consumed, or NULL at the end of the log. */
const struct event *event_cursor_peek(const struct event_cursor *c);
void event_cursor_advance(struct event_cursor *c);

/* ---- Recording files (doc/time-travel.md, "Recording file format") ---- */

/* Write the log and the program's description (argv, the environment)
 * to path. false with error naming the file. */
bool event_log_save(const struct event_log *log, char *const *argv,
                    char *const *envp, uint64_t end_icount,
                    const char *path, GError **error);
/* Read one back: the log, argv and envp (g_strfreev), and the
 * instruction count the recording ended at. A truncated or corrupt file
 * is an error saying what is wrong and where. */
struct event_log *event_log_load(const char *path, char ***argv,
                                 char ***envp, uint64_t *end_icount,
                                 GError **error);

#endif
