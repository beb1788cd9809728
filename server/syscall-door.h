/* The system-call door: user/'s struct user_syscall_door on the event
 * log. Recording, each system call whose result comes from outside the
 * machine (the host's files, clocks, terminal) is logged with its return
 * value and the guest memory it wrote; replaying, those calls do not run:
 * the log gives their results, so a replay reads the same bytes and the
 * same times, and writes nothing to the host (stdout is written once).
 *
 * Calls that manage the machine's own host resources (opening a file
 * read-only, close, dup, pipe2, fcntl) run in a replay too, so that its
 * fd table follows the recording's (mmap of a file reads it through
 * one), and then report the recorded result. The one host thread runs one
 * machine at a time, so one door serves the live machine and the replay
 * machines: the timeline says which mode before each run.
 *
 * Waits on the host: user/ also tells the door when a call parks its
 * thread and when the host wakes one (user/poll.h's USER_DOOR_* calls);
 * recording, both are logged (EVENT_SYSCALL_PARKED, EVENT_HOST_WAKE), and
 * a replay parks and wakes its threads at the same points of the
 * schedule, never asking the host (doc/time-travel.md, "Waits on the
 * host"). */
#ifndef BACKSTEP_SERVER_SYSCALL_DOOR_H
#define BACKSTEP_SERVER_SYSCALL_DOOR_H

#include <stdbool.h>
#include <stdint.h>

struct event_log;
struct event_cursor;
struct user_syscall_door;
struct syscall_door;

struct syscall_door *syscall_door_new(void);
void syscall_door_free(struct syscall_door *door);
/* What to put in struct user_options.door. */
const struct user_syscall_door *syscall_door_ops(struct syscall_door *door);

/* Log inputs into log (the live machine runs). */
void syscall_door_record(struct syscall_door *door, struct event_log *log);
/* Take results from the log at cursor (a replay machine runs). */
void syscall_door_replay(struct syscall_door *door,
                         struct event_cursor *cursor);
/* Replaying, a call did not match the log (the replay diverged); the
 * count of such calls so far. */
uint64_t syscall_door_mismatches(const struct syscall_door *door);

/* How a call is treated, by number and arguments (for the tests). */
enum syscall_door_class {
    DOOR_INTERNAL,   /* the machine's own business: runs, not logged */
    DOOR_REPLAYED,   /* from outside: logged; a replay does not run it */
    DOOR_MIRRORED,   /* logged; a replay runs it, then takes the log's
                        result */
};
enum syscall_door_class syscall_door_class(uint64_t nr, const uint64_t *args);

#endif
