/* A fake rsp_target for the unit tests: a small register file, a page of
 * memory, two threads, and a record of every call rsp/ makes. */
#ifndef BACKSTEP_TEST_FAKE_TARGET_H
#define BACKSTEP_TEST_FAKE_TARGET_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

#include "rsp/conn.h"
#include "rsp/target.h"

/* x0..x30, sp, pc, cpsr, v0, v1, fpsr, fpcr */
#define FAKE_NREGS 38
#define FAKE_REG_SP 31
#define FAKE_REG_PC 32
#define FAKE_REG_CPSR 33
#define FAKE_REG_V0 34
#define FAKE_REG_FPSR 36
#define FAKE_G_SIZE (33 * 8 + 4 + 2 * 16 + 2 * 4)

#define FAKE_MEM_BASE 0x10000
#define FAKE_MEM_SIZE 4096

#define FAKE_PID 0x2a
#define FAKE_TID1 0x2a
#define FAKE_TID2 0x2b

/* After vRun, the fake runs a new process with one thread. */
#define FAKE_RUN_PID 0x50

struct fake_thread {
    struct rsp_ptid ptid;
    char *name;                     /* may be NULL */
    char *extra;                    /* may be NULL */
    int core;
};

struct fake_break {
    bool insert;
    enum rsp_break_type type;
    uint64_t addr, kind;
};

struct fake_target {
    struct rsp_target base;
    /* The fake's ops, copied per target: a test may clear one to see how
     * rsp/ behaves without it. */
    struct rsp_target_ops ops;
    struct tdesc *td;
    int64_t pid;                    /* what pid() says: FAKE_PID */
    GArray *threads;                /* of struct fake_thread */

    uint8_t regs[FAKE_NREGS][16];
    bool reg_unreadable[FAKE_NREGS];
    struct rsp_ptid last_reg_thread;
    uint8_t mem[FAKE_MEM_SIZE];

    int resume_calls;
    int resume_result;              /* what resume() returns */
    GArray *last_actions;           /* of struct rsp_resume_action */
    int interrupt_calls;
    struct rsp_ptid selected;       /* the last Hg select_thread named */

    int break_calls;
    int break_result;
    struct fake_break last_break;

    struct rsp_stop stop;           /* what last_stop() reports */
    char *last_monitor;
    /* The connection, for the monitor command "long", which looks for a
     * Ctrl-C as backstep's long moves do. */
    struct rsp_conn *conn;
    bool killed, detached;
    GBytes *auxv;                   /* NULL: xfer_read says -EOPNOTSUPP */

    /* Events: what event_support() says (all RSP_EVENT_* by default),
     * and what set_events() was last given. */
    unsigned event_support;
    unsigned events;
    int set_events_calls;

    /* QCatchSyscalls */
    int catch_calls;
    int catch_result;
    bool catch_enabled;
    GArray *caught;                 /* of uint64_t */

    /* vKill;PID and D;PID */
    int64_t killed_pid, detached_pid;

    /* extended-remote */
    bool extended;
    int run_calls;
    int run_result;                 /* what run() returns */
    char **run_argv, **run_env_set, **run_env_unset;
    char *run_working_dir;
    bool run_startup_with_shell, run_disable_randomization;

    /* qGetTLSAddr: each thread's TLS block for the main program (lm 0)
     * is at FAKE_TLS_BLOCK(tid); other modules get -EOPNOTSUPP. */
    int tls_calls;
    struct rsp_ptid last_tls_thread;

    /* Non-stop (after fake_target_enable_non_stop): the mode the last
     * set_non_stop gave, what set_non_stop returns, and what
     * stopped_threads reports (of struct rsp_stop). */
    bool non_stop;
    int set_non_stop_calls;
    int set_non_stop_result;
    GArray *stopped;
};
#define FAKE_TLS_BLOCK(tid) (0x7f0000000000ull + (uint64_t)(tid) * 0x1000)

/* Add a thread (name copied, may be NULL). */
void fake_target_add_thread(struct fake_target *ft, int64_t pid, int64_t tid,
                            const char *name);

struct fake_target *fake_target_new(void);
/* Give the fake the non-stop operations (off by default, so that the
 * other tests see an all-stop target). */
void fake_target_enable_non_stop(struct fake_target *ft);
void fake_target_free(struct fake_target *ft);

/* The XML served as target.xml by the fake table: it holds '#', '$', '}'
 * and '*' so that qXfer escaping is exercised. */
extern const char fake_target_xml[];

/* The debugger's side of a connection to a fake target. Replies are
 * decoded the way gdb does: checksum verified, run-length runs expanded,
 * '}' escapes left in place (gdb unescapes only binary replies). */
struct fake_peer {
    struct fake_target *ft;
    struct rsp_conn *conn;
    GString *out;               /* raw bytes rsp/ sent, not yet taken */
};

struct fake_peer *fake_peer_new(void);
void fake_peer_free(struct fake_peer *peer);

/* Feed raw bytes to the connection. */
void fake_peer_feed(struct fake_peer *peer, const void *data, size_t len);
/* Frame payload (with a correct checksum) and feed it. */
void fake_peer_send(struct fake_peer *peer, const char *payload);
void fake_peer_send_len(struct fake_peer *peer, const char *payload,
                        size_t len);

/* Take what was sent so far: the packets (GString payloads), and counts of
 * '+' and '-' seen. Any other byte or a bad checksum fails the test. */
GPtrArray *fake_peer_take(struct fake_peer *peer, int *acks, int *naks);

/* Send payload and return the one reply payload (newly allocated); the
 * test fails unless exactly one ack (in ack mode) and one packet came. */
char *fake_peer_transact(struct fake_peer *peer, const char *payload);

/* Resume with "c", have the target report stop, and return the stop
 * reply payload (newly allocated). */
char *fake_peer_stop_reply(struct fake_peer *peer,
                           const struct rsp_stop *stop);

#define FAKE_ASSERT_REPLY(peer, packet, want)                               \
    do {                                                                    \
        char *reply_ = fake_peer_transact((peer), (packet));                \
        g_assert_cmpstr(reply_, ==, (want));                                \
        g_free(reply_);                                                     \
    } while (0)

#define FAKE_ASSERT_STOP(peer, stop, want)                                  \
    do {                                                                    \
        char *reply_ = fake_peer_stop_reply((peer), (stop));                \
        g_assert_cmpstr(reply_, ==, (want));                                \
        g_free(reply_);                                                     \
    } while (0)

#endif
