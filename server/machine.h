/* A machine: what server/ runs and debugs.
 *
 * Today the only machine is a Linux user-mode process set (user/); the
 * mach-virt board (hw/) will be the second. The server drives either through
 * these operations: run up to N instructions, stop reasons, register and
 * memory access per thread.
 */
#ifndef BACKSTEP_SERVER_MACHINE_H
#define BACKSTEP_SERVER_MACHINE_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

struct cpu_state;
struct machine;

enum machine_stop_kind {
    MACHINE_STOP_BUDGET,      /* ran the instructions asked for */
    MACHINE_STOP_EXITED,      /* exit_code */
    MACHINE_STOP_KILLED,      /* ended by a fatal signal: signal */
    MACHINE_STOP_SIGNAL,      /* a signal for the debugger to see first */
    MACHINE_STOP_BREAKPOINT,  /* debugger breakpoint at pc */
    MACHINE_STOP_WATCHPOINT,  /* addr, watch_kind (enum cpu_watch_kind) */
    MACHINE_STOP_INTERRUPTED, /* machine_request_stop() */
};

#define MACHINE_SIGINFO_SIZE 128

struct machine_stop {
    enum machine_stop_kind kind;
    int exit_code;
    int signal;               /* host (Linux) signal number */
    uint64_t addr;
    int watch_kind;
    int64_t tid;              /* the thread that stopped */
};

struct machine_ops {
    void (*run)(struct machine *m, uint64_t max_insns,
                struct machine_stop *stop);
    /* The signal to deliver when the machine next runs (0: none). */
    void (*set_signal)(struct machine *m, int signal);
    struct cpu_state *(*cpu)(struct machine *m, int64_t tid);
    ssize_t (*read_mem)(struct machine *m, uint64_t addr, void *buf,
                        size_t len);
    int (*write_mem)(struct machine *m, uint64_t addr, const void *buf,
                     size_t len);
    int64_t (*pid)(struct machine *m);
    /* Thread ids, in creation order. */
    GArray *(*threads)(struct machine *m);
    GBytes *(*auxv)(struct machine *m);
    const char *(*exe_path)(struct machine *m);
    /* The Linux siginfo (MACHINE_SIGINFO_SIZE bytes) of the signal of the
     * last MACHINE_STOP_SIGNAL of thread tid; false if it is not stopped
     * at one. */
    bool (*siginfo)(struct machine *m, int64_t tid, uint8_t *buf);
    /* The host file a path of the program's names, found as the program
     * would find it (its guest root); g_free it. NULL: no files. */
    char *(*host_path)(struct machine *m, const char *guest_path);
    void (*free)(struct machine *m);
};

struct machine {
    const struct machine_ops *ops;
};

struct user_options;

/* A Linux user-mode machine running PROGRAM with argv/envp. */
struct machine *machine_user_new(const char *program, char *const *argv,
                                 char *const *envp,
                                 const struct user_options *opts,
                                 GError **error);

#endif
