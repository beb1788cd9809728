/* Whole guest programs for user/'s unit tests: compile a C file with the
 * cross compiler at test time, run it to its end through
 * user_process_run as the server would with no debugger attached (every
 * signal stop passed on to the guest), collect its stdout and how it
 * ended, and run the same program under qemu-aarch64, the oracle. A
 * test whose tools are missing skips: the compile returns NULL and
 * guest_qemu() is NULL. */
#ifndef BACKSTEP_TEST_GUEST_HARNESS_H
#define BACKSTEP_TEST_GUEST_HARNESS_H

#include <stdbool.h>

#include "user/process.h"

/* How a run ended: stdout, and the exit code or the terminating signal. */
struct guest_outcome {
    char *out;
    bool killed;
    int status;
    bool all_ended;    /* backstep only: every thread and process ended */
};

/* The path of the test source file <srcdir>/testsuite/<dir>/<name>. */
char *guest_source(const char *dir, const char *name);

/* Compile src with aarch64-linux-gnu-gcc and the NULL-terminated flags
 * into <outdir>/<name>. The program's path, or NULL when the compiler is
 * missing or fails (the test should then skip). */
char *guest_compile(const char *src, const char *outdir, const char *name,
                    const char *const *flags);

/* Delete and free a program guest_compile made (NULL: nothing). */
void guest_discard(char *program);

/* Delete the scratch directory dir and every file in it; free dir. */
void guest_tmpdir_remove(char *dir);

/* When program is NULL, skip the running test ("aarch64-linux-gnu-gcc
 * cannot build <what>") and return true. */
bool guest_skip_unbuilt(const char *program, const char *what);

/* qemu-aarch64 on PATH, or NULL: found once, freed at exit. */
const char *guest_qemu(void);

struct guest_run {
    const char *program;        /* host path of the ELF */
    char **argv;
    char **envp;
    const struct user_options *options;    /* NULL: defaults */
    int max_slices;             /* of a million instructions; 0: 5000 */
    /* Called on the new process before it runs (e.g. CPU features). */
    void (*prepare)(struct user_process *p, void *data);
    void *prepare_data;
};

/* Run under backstep to its end; asserts that it exited or was killed
 * within max_slices. */
struct guest_outcome guest_run_backstep(const struct guest_run *run);

/* Run `qemu-aarch64 <qemu_options> program argv[1...]` with envp (NULL:
 * the test's own); qemu_options is NULL-terminated, or NULL. qemu
 * re-raises a guest's fatal signal on itself, so killed and status are
 * comparable with guest_run_backstep's. */
struct guest_outcome guest_run_qemu(const char *program, char **argv,
                                    char **envp,
                                    const char *const *qemu_options);

#endif
