/* SVE as arm64 Linux presents it to user programs: a vector length per
 * thread (prctl PR_SVE_SET_VL/PR_SVE_GET_VL, reset or kept across exec),
 * and the sve_context record of the signal frame.
 *
 * The machine's length (user_options.sve_vl, backstep's --sve-vl) is
 * both the longest a thread may set and the one programs start with;
 * any multiple of 16 bytes up to it is supported. With no length
 * configured the process has no SVE as far as the ABI goes: the prctls
 * fail with EINVAL and signal frames carry no sve_context.
 *
 * Unlike Linux, which keeps a thread's SVE state live only between its
 * first SVE instruction and its next system call, backstep keeps it live
 * always, so every signal frame of an SVE process holds the full Z, P
 * and FFR contents (as Linux's does for a thread using SVE). */
#ifndef BACKSTEP_USER_SVE_H
#define BACKSTEP_USER_SVE_H

#include <stddef.h>
#include <stdint.h>

struct cpu_state;
struct user_process;
struct user_thread;

#define USER_SVE_MAGIC 0x53564501u

/* The first thread of the program: the machine's length. */
void user_sve_thread_start(struct user_thread *t);
/* execve in thread t: the length it asked for at exec, or the machine's;
 * the deferred request is dropped unless PR_SVE_VL_INHERIT kept it. */
void user_sve_exec(struct user_thread *t);
/* A clone copies the deferred length and the inherit flag (the CPU state,
 * and with it the current length, is copied by the caller). */
void user_sve_clone(struct user_thread *child, const struct user_thread *parent);

/* prctl(PR_SVE_SET_VL, arg) and prctl(PR_SVE_GET_VL) for the current
 * thread: the status word (length | PR_SVE_VL_INHERIT) or -EINVAL. */
int64_t user_sve_set_vl(struct user_process *p, uint64_t arg);
int64_t user_sve_get_vl(struct user_process *p);

/* The signal frame's sve_context for p's current thread: its size in
 * bytes (a multiple of 16; 0 when the process has no SVE), and the
 * record itself, written to dst (size bytes, zeroed by the caller). */
size_t user_sve_context_size(const struct user_process *p);
void user_sve_context_save(const struct user_process *p, uint8_t *dst);
/* Check an sve_context read from a frame (size bytes at rec, its header
 * included) against p's current thread: 0 or -EINVAL. */
int user_sve_context_check(const struct user_process *p, const uint8_t *rec,
                           size_t size);
/* Restore Z, P and FFR from a checked record (NULL: none in the frame,
 * so only the V part of each Z survives), then put the V registers of the
 * frame's fpsimd_context (vregs: 32 x 16 bytes) in the low 128 bits of
 * Z, as Linux does. */
void user_sve_context_restore(struct cpu_state *cpu, const uint8_t *rec,
                              size_t size, const uint8_t *vregs);

#endif
