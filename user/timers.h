/* The timers of the Linux personality: one engine (user/itimer.c) that
 * the scheduler drives through kernel.h's user_itimer_* hooks, with two
 * front ends: setitimer's three interval timers (itimer.c) and the POSIX
 * per-process timers of timer_create (posix-timer.c).
 *
 * Clocks, as kernel.h says for the interval timers: the real clocks
 * (CLOCK_REALTIME, MONOTONIC, BOOTTIME, TAI) are the host's
 * CLOCK_MONOTONIC, an input from outside, so an expiry is logged through
 * the door as a host wake (USER_WAKE_ITIMER_REAL) and replayed at the
 * same instruction count; the CPU clocks count retired instructions, one
 * per nanosecond, and need no log. */
#ifndef BACKSTEP_USER_TIMERS_H
#define BACKSTEP_USER_TIMERS_H

#include <stdbool.h>
#include <stdint.h>

struct user_kernel;
struct user_process;
struct user_thread;
struct user_signal;

/* --- the engine (itimer.c), for the front ends -------------------------- */

int64_t user_timer_saturating_add(int64_t a, int64_t b);
/* A periodic timer due at *deadline found at now: the periods that ran
 * out (at least 1), with *deadline moved past now as hrtimer_forward
 * moves it. interval > 0. */
int64_t user_timer_forward(int64_t *deadline, int64_t interval, int64_t now);
/* Send a timer's signal as the kernel does: from no thread, to process p
 * (any thread that takes it) or, with t, to that thread of p. */
void user_timer_send(struct user_process *p, struct user_thread *t,
                     const struct user_signal *s);
/* Recording: a real-clock POSIX timer of process pid (its slot, from 0)
 * expired now. Logged as USER_WAKE_ITIMER_REAL of a word that names
 * the timer beside the pid (ITIMER_REAL's word is the bare pid). */
void user_timer_log_posix_wake(struct user_kernel *k, int64_t pid,
                               unsigned slot);
/* Pids and slots a wake word can name. */
#define USER_TIMER_WAKE_PID_BITS 22
#define USER_TIMER_WAKE_SLOTS ((1u << (31 - USER_TIMER_WAKE_PID_BITS)) - 1)

/* --- POSIX timers (posix-timer.c), for the engine ----------------------- */

/* Some live process of k has a real-clock timer armed that signals. */
bool user_ptimer_real_armed(const struct user_kernel *k);
/* Its earliest deadline (host CLOCK_MONOTONIC ns), 0 if none. */
int64_t user_ptimer_real_deadline(const struct user_kernel *k);
/* Recording: fire the real-clock timers due at now, logging each expiry
 * (a late timer's missed periods too, up to a bound) with
 * user_timer_log_posix_wake. True if one fired. */
bool user_ptimer_real_expire(struct user_kernel *k, int64_t now);
/* Replaying: the recording's timer in slot of process pid expired once. */
void user_ptimer_real_replayed(struct user_kernel *k, int64_t pid,
                               unsigned slot);
/* CPU-clock timers of p, as kernel.h's user_itimer_cpu_* for
 * ITIMER_VIRTUAL and ITIMER_PROF. */
uint64_t user_ptimer_cpu_budget(const struct user_process *p,
                                uint64_t budget);
void user_ptimer_cpu_ran(struct user_process *p, uint64_t n);
bool user_ptimer_cpu_fire(struct user_process *p);

/* --- POSIX timers: the process's life ------------------------------------ */

/* execve: the process's timers go (a fork's child never had them: the
 * table is keyed by pid). */
void user_ptimer_exec(struct user_process *p);
/* The set ends: its table goes. */
void user_ptimer_kernel_free(struct user_kernel *k);
/* p may yet get a timer's signal without another thread's help (for a
 * lone thread's signal waits, which would otherwise be deadlocks). */
bool user_timers_may_signal(const struct user_process *p);

/* Snapshots (user/snapshot.c): the whole timer table of the set. */
struct user_ptimer_snapshot;
struct user_ptimer_snapshot *user_ptimer_snapshot_take(struct user_kernel *k);
void user_ptimer_snapshot_restore(struct user_kernel *k,
                                  const struct user_ptimer_snapshot *s);
void user_ptimer_snapshot_free(struct user_ptimer_snapshot *s);

#endif
