/* The system-call door (server/syscall-door.h). */
#include "config.h"

#include "server/syscall-door.h"

#include <errno.h>
#include <glib.h>
#include <string.h>

#include "server/event-log.h"
#include "user/process.h"
#include "user/syscall-nr.h"

/* The arm64 Linux numbers, by name. */
enum {
#define DOOR_NR(name, nr) NR_##name = nr,
    USER_SYSCALL_NR_LIST(DOOR_NR)
#undef DOOR_NR
};

/* From the Linux UAPI (asm-generic/fcntl.h, asm-generic/ioctls.h). */
#define L_O_ACCMODE 03
#define L_O_CREAT 0100
#define L_O_TRUNC 01000
#define L_TCGETS 0x5401
#define L_TIOCGWINSZ 0x5413
#define L_TERMIOS_SIZE 36
#define L_WINSIZE_SIZE 8
#define L_STAT_SIZE 128
#define L_STATX_SIZE 256
#define L_TIMESPEC_SIZE 16
#define L_EPOLL_EVENT_SIZE 16   /* arm64: not packed */
#define L_SOCKADDR_MAX 128      /* sizeof(struct sockaddr_storage) */
#define L_MSGHDR_SIZE 56
/* user/syscall-net.c's bound on control buffers and option values. */
#define L_CONTROL_MAX 65536
/* pselect6 looks at no more fds than this (user/'s USER_FD_MAX). */
#define L_SELECT_FD_MAX 1024u
/* A call's memory output is logged up to this (a larger read is logged
 * whole: it is what the program saw). Bounds a corrupt iovec count. */
#define MAX_IOV 1024

/* What user/ tells the door about waits on the host besides the system
 * calls: user/process.h's USER_DOOR_* numbers. */
#define DOOR_PARKED_BIT USER_DOOR_PARKED
#define DOOR_NR_REPLAY_STATUS USER_DOOR_NR_REPLAY_STATUS
#define DOOR_NR_HOST_WAKE USER_DOOR_NR_HOST_WAKE
#define DOOR_NR_NEXT_HOST_WAKE USER_DOOR_NR_NEXT_HOST_WAKE
#define DOOR_BLOCKED USER_DOOR_BLOCKED

enum door_mode {
    DOOR_OFF,
    DOOR_RECORDING,
    DOOR_REPLAYING,
};

struct syscall_door {
    struct user_syscall_door ops;
    enum door_mode mode;
    struct event_log *log;
    struct event_cursor *cursor;
    uint64_t mismatches;
    /* Replaying: the last call was taken from the log (done, or parked
     * with park_state), for user/'s DOOR_NR_REPLAY_STATUS. */
    enum { LAST_RAN, LAST_REPLAYED, LAST_PARKED } last;
    int64_t park_state;
};

enum syscall_door_class syscall_door_class(uint64_t nr, const uint64_t *a)
{
    switch (nr) {
    case NR_openat:
        /* Opening for reading changes nothing outside: a replay opens
         * too. Creating or writing a file must happen once. */
        if ((a[2] & L_O_ACCMODE) == 0 && !(a[2] & (L_O_CREAT | L_O_TRUNC)))
            return DOOR_MIRRORED;
        return DOOR_REPLAYED;
    case NR_close: case NR_dup: case NR_dup3: case NR_fcntl:
    case NR_pipe2: case NR_epoll_create1: case NR_epoll_ctl:
    case NR_socket: case NR_socketpair:
        /* A new unconnected socket touches nothing outside. */
        return DOOR_MIRRORED;
    case NR_setitimer: case NR_getitimer:
    case NR_timer_settime: case NR_timer_gettime:
        /* A replay arms its timers too, but the time a real-clock timer
         * had left is the host's: the recording's is given back. */
        return DOOR_MIRRORED;
    case NR_bind: case NR_listen: case NR_accept: case NR_accept4:
    case NR_connect: case NR_getsockname: case NR_getpeername:
    case NR_sendto: case NR_recvfrom: case NR_sendmsg: case NR_recvmsg:
    case NR_setsockopt: case NR_getsockopt: case NR_shutdown:
        /* A replay's socket is a stand-in, or a duplicate of the live
         * one: binding, connecting, sending, shutting down or setting an
         * option there would act on the live socket or the network. */
        return DOOR_REPLAYED;
    case NR_read: case NR_readv: case NR_pread64: case NR_preadv:
    case NR_write: case NR_writev: case NR_pwrite64: case NR_pwritev:
    case NR_lseek: case NR_fstat: case NR_newfstatat: case NR_statx:
    case NR_ioctl: case NR_getcwd: case NR_faccessat: case NR_faccessat2:
    case NR_readlinkat: case NR_unlinkat: case NR_mkdirat:
    case NR_getdents64: case NR_ftruncate: case NR_fsync:
    case NR_fdatasync: case NR_renameat: case NR_chdir:
    case NR_getrandom: case NR_clock_gettime: case NR_gettimeofday:
    case NR_clock_getres: case NR_nanosleep: case NR_clock_nanosleep:
    case NR_sysinfo: case NR_times: case NR_getrusage:
    case NR_sched_getaffinity: case NR_ppoll: case NR_pselect6:
    case NR_epoll_pwait: case NR_epoll_pwait2:
        return DOOR_REPLAYED;
    default:
        return DOOR_INTERNAL;
    }
}

/* A call's class for process p, replaying: a read or write of a memfd is
 * memory of the machine, not the outside (its pages may be mapped, and a
 * replay must see the same bytes there), so a replay runs it too. (A
 * recording logs both classes alike: it does not need to ask.) */
static enum syscall_door_class class_of(struct user_process *p, uint64_t nr,
                                        const uint64_t *a)
{
    enum syscall_door_class c = syscall_door_class(nr, a);

    switch (nr) {
    case NR_read: case NR_readv: case NR_pread64: case NR_preadv:
    case NR_write: case NR_writev: case NR_pwrite64: case NR_pwritev:
    case NR_lseek: case NR_fstat: case NR_ftruncate:
    case NR_fsync: case NR_fdatasync:
        if (c == DOOR_REPLAYED && user_fd_is_memfd(p, (int32_t)a[0]))
            return DOOR_MIRRORED;
        break;
    default:
        break;
    }
    return c;
}

/* ---- Recording ------------------------------------------------------ */

static void put_u64(GByteArray *b, uint64_t v)
{
    uint8_t x[8];
    for (int i = 0; i < 8; i++)
        x[i] = (uint8_t)(v >> (8 * i));
    g_byte_array_append(b, x, 8);
}

static void put_u32(GByteArray *b, uint32_t v)
{
    uint8_t x[4];
    for (int i = 0; i < 4; i++)
        x[i] = (uint8_t)(v >> (8 * i));
    g_byte_array_append(b, x, 4);
}

/* Append (addr, len, the guest's bytes there) to b. */
static void put_region(GByteArray *b, struct user_process *p, uint64_t addr,
                       uint64_t len)
{
    if (!addr || !len || len > (64u << 20))
        return;
    guint at = b->len;
    put_u64(b, addr);
    put_u32(b, (uint32_t)len);
    g_byte_array_set_size(b, b->len + (guint)len);
    ssize_t got = user_mem_read(p, addr, b->data + b->len - len, len);
    if (got < (ssize_t)len)
        g_byte_array_set_size(b, at);   /* not readable: nothing written */
}

/* The iovecs of a readv: the first ret bytes landed in them in order. */
static void put_iovecs(GByteArray *b, struct user_process *p, uint64_t iov,
                       uint64_t count, uint64_t bytes)
{
    for (uint64_t i = 0; i < count && i < MAX_IOV && bytes > 0; i++) {
        uint8_t raw[16];
        if (user_mem_read(p, iov + 16 * i, raw, 16) != 16)
            return;
        uint64_t base = 0, len = 0;
        for (int k = 7; k >= 0; k--) {
            base = base << 8 | raw[k];
            len = len << 8 | raw[8 + k];
        }
        uint64_t n = MIN(len, bytes);
        put_region(b, p, base, n);
        bytes -= n;
    }
}

static bool get_guest_u32(struct user_process *p, uint64_t addr, uint32_t *v)
{
    uint8_t x[4];
    if (!addr || user_mem_read(p, addr, x, 4) != 4)
        return false;
    *v = x[0] | x[1] << 8 | x[2] << 16 | (uint32_t)x[3] << 24;
    return true;
}

/* A socket address the call gave back: (addr, *lenp) and *lenp itself.
 * *lenp is the address's full length; what the call wrote is at most
 * that (the rest is the memory as it was, the same in a replay). */
static void put_sockaddr(GByteArray *b, struct user_process *p, uint64_t addr,
                         uint64_t lenp)
{
    uint32_t len;
    if (!addr || !get_guest_u32(p, lenp, &len))
        return;
    put_region(b, p, addr, MIN(len, (uint32_t)L_SOCKADDR_MAX));
    put_region(b, p, lenp, 4);
}

/* recvmsg: the msghdr (its namelen, controllen and flags were written),
 * the name, the control messages and the data. */
static void put_recvmsg(GByteArray *b, struct user_process *p, uint64_t msg,
                        uint64_t bytes)
{
    uint8_t h[L_MSGHDR_SIZE];
    if (user_mem_read(p, msg, h, sizeof(h)) != sizeof(h))
        return;
    uint64_t f[7];
    for (int i = 0; i < 7; i++) {
        f[i] = 0;
        for (int k = 7; k >= 0; k--)
            f[i] = f[i] << 8 | h[8 * i + k];
    }
    /* name, namelen, iov, iovlen, control, controllen (8-byte slots). */
    put_region(b, p, msg, sizeof(h));
    put_region(b, p, f[0], MIN((uint32_t)f[1], (uint32_t)L_SOCKADDR_MAX));
    put_region(b, p, f[4], MIN(f[5], (uint64_t)L_CONTROL_MAX));
    put_iovecs(b, p, f[2], f[3], bytes);
}

/* ppoll and pselect6 write the time left to their timespec. */
static void put_time_left(GByteArray *b, struct user_process *p, uint64_t nr,
                          const uint64_t *a)
{
    put_region(b, p, nr == NR_ppoll ? a[2] : a[4], L_TIMESPEC_SIZE);
}

/* The memory a completed call wrote, as the kernel's ABI defines it. */
static void put_outputs(GByteArray *b, struct user_process *p, uint64_t nr,
                        const uint64_t *a, int64_t ret)
{
    if (ret == -EINTR && (nr == NR_ppoll || nr == NR_pselect6)) {
        put_time_left(b, p, nr, a);
        return;
    }
    if (ret < 0 && nr != NR_nanosleep && nr != NR_clock_nanosleep)
        return;
    switch (nr) {
    case NR_read: case NR_pread64:
        put_region(b, p, a[1], (uint64_t)ret);
        break;
    case NR_getrandom:
        put_region(b, p, a[0], (uint64_t)ret);
        break;
    case NR_readv: case NR_preadv:
        put_iovecs(b, p, a[1], a[2], (uint64_t)ret);
        break;
    case NR_fstat: put_region(b, p, a[1], L_STAT_SIZE); break;
    case NR_newfstatat: put_region(b, p, a[2], L_STAT_SIZE); break;
    case NR_statx: put_region(b, p, a[4], L_STATX_SIZE); break;
    case NR_getdents64: put_region(b, p, a[1], (uint64_t)ret); break;
    case NR_readlinkat: put_region(b, p, a[2], (uint64_t)ret); break;
    case NR_getcwd: put_region(b, p, a[0], (uint64_t)ret); break;
    case NR_clock_gettime: case NR_clock_getres:
        put_region(b, p, a[1], L_TIMESPEC_SIZE);
        break;
    case NR_gettimeofday:
        put_region(b, p, a[0], 16);
        put_region(b, p, a[1], 8);
        break;
    case NR_nanosleep:
        if (ret == -EINTR)
            put_region(b, p, a[1], L_TIMESPEC_SIZE);
        break;
    case NR_clock_nanosleep:
        if (ret == EINTR || ret == -EINTR)
            put_region(b, p, a[3], L_TIMESPEC_SIZE);
        break;
    case NR_sysinfo: put_region(b, p, a[0], 112); break;
    case NR_times: put_region(b, p, a[0], 32); break;
    case NR_getrusage: put_region(b, p, a[1], 144); break;
    case NR_sched_getaffinity: put_region(b, p, a[2], (uint64_t)ret); break;
    case NR_pipe2: put_region(b, p, a[0], 8); break;
    case NR_getitimer: put_region(b, p, a[1], 32); break;   /* itimerval */
    case NR_setitimer: put_region(b, p, a[2], 32); break;
    case NR_timer_gettime: put_region(b, p, a[1], 32); break; /* itimerspec */
    case NR_timer_settime: put_region(b, p, a[3], 32); break;
    case NR_ppoll:
        /* struct pollfd is 8 bytes; revents is what the call wrote. */
        if (a[1] <= MAX_IOV)
            put_region(b, p, a[0], a[1] * 8);
        put_time_left(b, p, nr, a);
        break;
    case NR_pselect6:
        put_time_left(b, p, nr, a);
        /* The three fd_sets, in 64-bit words, rewritten by the call up
         * to the fd table's size. */
        if ((int32_t)a[0] >= 0) {
            uint64_t n = MIN((uint64_t)(int32_t)a[0], L_SELECT_FD_MAX);
            for (int k = 1; k <= 3; k++)
                put_region(b, p, a[k], (n + 63) / 64 * 8);
        }
        break;
    case NR_epoll_pwait: case NR_epoll_pwait2:
        put_region(b, p, a[1], (uint64_t)ret * L_EPOLL_EVENT_SIZE);
        break;
    case NR_socketpair: put_region(b, p, a[3], 8); break;
    case NR_accept: case NR_accept4: case NR_getsockname:
    case NR_getpeername:
        put_sockaddr(b, p, a[1], a[2]);
        break;
    case NR_recvfrom:
        put_region(b, p, a[1], (uint64_t)ret);
        put_sockaddr(b, p, a[4], a[5]);
        break;
    case NR_recvmsg: put_recvmsg(b, p, a[1], (uint64_t)ret); break;
    case NR_getsockopt: {
        uint32_t len;
        if (get_guest_u32(p, a[4], &len)) {
            put_region(b, p, a[3], MIN(len, (uint32_t)L_CONTROL_MAX));
            put_region(b, p, a[4], 4);
        }
        break;
    }
    case NR_ioctl:
        if (a[1] == L_TCGETS)
            put_region(b, p, a[2], L_TERMIOS_SIZE);
        else if (a[1] == L_TIOCGWINSZ)
            put_region(b, p, a[2], L_WINSIZE_SIZE);
        break;
    default:
        break;
    }
}

static void record(struct syscall_door *d, struct user_process *p,
                   uint64_t nr, const uint64_t *a, int64_t ret)
{
    GByteArray *b = g_byte_array_new();

    put_u64(b, (uint64_t)ret);
    put_outputs(b, p, nr, a, ret);
    event_log_record(d->log, EVENT_SYSCALL, user_process_icount(p),
                     user_process_tid(p), nr, 0, b->data, b->len);
    g_byte_array_unref(b);
}

/* A call from outside parked its thread: how (so that a replay parks it
 * there too), and what it wrote on the way (ppoll and pselect6 woken by a
 * signal give back the time left before the scheduler ends them with
 * EINTR). */
static void record_parked(struct syscall_door *d, struct user_process *p,
                          uint64_t nr, const uint64_t *a, int64_t state)
{
    GByteArray *b = g_byte_array_new();

    put_u64(b, (uint64_t)state);
    if (nr == NR_ppoll || nr == NR_pselect6)
        put_time_left(b, p, nr, a);
    event_log_record(d->log, EVENT_SYSCALL, user_process_icount(p),
                     user_process_tid(p), nr, EVENT_SYSCALL_PARKED, b->data,
                     b->len);
    g_byte_array_unref(b);
}

/* The scheduler woke thread tid for the host (its fds became ready, its
 * deadline passed), at this instruction count. */
static void record_host_wake(struct syscall_door *d, struct user_process *p,
                             int64_t tid, uint64_t how)
{
    GByteArray *b = g_byte_array_new();

    put_u64(b, how);
    event_log_record(d->log, EVENT_SYSCALL, user_process_icount(p), tid,
                     DOOR_NR_HOST_WAKE, EVENT_HOST_WAKE, b->data, b->len);
    g_byte_array_unref(b);
}

/* ---- Replaying ------------------------------------------------------ */

static uint64_t get_u64(const uint8_t *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = v << 8 | p[i];
    return v;
}

static void diverged(struct syscall_door *d, const char *what, uint64_t nr)
{
    if (d->mismatches++ == 0)
        g_warning("replay diverged from the recording at %s %" G_GUINT64_FORMAT,
                  what, nr);
}

/* The next event if it is this call's result (or its parking); else
 * count a mismatch. */
static const struct event *take_result(struct syscall_door *d, uint64_t nr)
{
    const struct event *ev = event_cursor_peek(d->cursor);
    gsize len = 0;

    if (ev && ev->data)
        g_bytes_get_data(ev->data, &len);
    if (!ev || ev->kind != EVENT_SYSCALL || ev->arg != nr || len < 8
        || (ev->flags & EVENT_HOST_WAKE)) {
        diverged(d, "system call", nr);
        return NULL;
    }
    event_cursor_advance(d->cursor);
    return ev;
}

/* Replaying, the scheduler looks at the host: the next recorded wake if
 * it is due at this instruction count, as tid | how << 32; 0 if none. A
 * wake the replay has run past is given at once (the replay diverged). */
static int64_t take_host_wake(struct syscall_door *d, struct user_process *p)
{
    const struct event *ev = event_cursor_peek(d->cursor);
    uint64_t now = user_process_icount(p);
    const uint8_t *data;
    gsize len = 0;
    uint64_t how;

    if (!ev || ev->kind != EVENT_SYSCALL || !(ev->flags & EVENT_HOST_WAKE)
        || ev->icount > now)
        return 0;
    if (ev->icount < now)
        diverged(d, "a wake by the host at instruction", ev->icount);
    event_cursor_advance(d->cursor);
    data = ev->data ? g_bytes_get_data(ev->data, &len) : NULL;
    if (len < 8 || ev->tid <= 0 || ev->tid > INT32_MAX)
        return 0;
    how = get_u64(data);
    if (how > 0xffff)
        return 0;
    return (int64_t)((uint64_t)ev->tid | how << 32);
}

/* Replaying: the instruction count of the log's next host wake at or
 * before limit, 0 if none (user/ ends its run there). */
static int64_t next_host_wake_at(struct syscall_door *d, uint64_t limit)
{
    for (size_t i = d->cursor->next;; i++) {
        const struct event *ev = event_log_get(d->cursor->log, i);
        if (!ev || ev->icount > limit)
            return 0;
        if (ev->kind == EVENT_SYSCALL && (ev->flags & EVENT_HOST_WAKE))
            return (int64_t)ev->icount;
    }
}

/* Put the recorded call's memory back and give its return value. */
static int64_t apply_result(struct user_process *p, const struct event *ev)
{
    gsize len;
    const uint8_t *data = g_bytes_get_data(ev->data, &len);
    size_t pos = 8;

    while (len - pos >= 12) {
        uint64_t addr = get_u64(data + pos);
        uint32_t n = data[pos + 8] | data[pos + 9] << 8 | data[pos + 10] << 16
            | (uint32_t)data[pos + 11] << 24;
        pos += 12;
        if (len - pos < n)
            break;
        user_mem_write(p, addr, data + pos, n);
        pos += n;
    }
    return (int64_t)get_u64(data);
}

/* ---- The door --------------------------------------------------------- */

static enum user_door_action door_before(void *opaque, struct user_process *p,
                                         uint64_t nr, const uint64_t *args,
                                         int64_t *ret)
{
    struct syscall_door *d = opaque;
    const struct event *ev;

    if (d->mode != DOOR_REPLAYING)
        return USER_DOOR_RUN;
    if (nr == DOOR_NR_REPLAY_STATUS) {
        enum user_door_action act = d->last == LAST_RAN ? USER_DOOR_RUN
                                                        : USER_DOOR_SKIP;
        *ret = d->last == LAST_PARKED ? d->park_state : 0;
        d->last = LAST_RAN;
        return act;
    }
    if (nr == DOOR_NR_HOST_WAKE) {
        *ret = take_host_wake(d, p);
        return USER_DOOR_SKIP;
    }
    if (nr == DOOR_NR_NEXT_HOST_WAKE) {
        *ret = next_host_wake_at(d, args[0]);
        return USER_DOOR_SKIP;
    }
    d->last = LAST_RAN;
    if (class_of(p, nr, args) != DOOR_REPLAYED)
        return USER_DOOR_RUN;
    ev = take_result(d, nr);
    if (ev && (ev->flags & EVENT_SYSCALL_PARKED)) {
        /* The recording's call parked here: so does the replay's (user/
         * asks for the state next); a wake or a signal ends the wait. */
        int64_t state = apply_result(p, ev);
        if (state != 0) {
            d->last = LAST_PARKED;
            d->park_state = state;
            *ret = DOOR_BLOCKED;
            return USER_DOOR_SKIP;
        }
    }
    /* Never let a replay reach the host: a call the log does not have
     * fails instead. */
    *ret = ev ? apply_result(p, ev) : -EIO;
    d->last = LAST_REPLAYED;
    return USER_DOOR_SKIP;
}

static void door_after(void *opaque, struct user_process *p, uint64_t nr,
                       const uint64_t *args, int64_t *ret)
{
    struct syscall_door *d = opaque;
    enum syscall_door_class cls;
    const struct event *ev;

    if (nr == DOOR_NR_HOST_WAKE) {
        if (d->mode == DOOR_RECORDING)
            record_host_wake(d, p, (int64_t)args[0], args[1]);
        return;
    }
    if (nr & DOOR_PARKED_BIT) {
        nr &= ~DOOR_PARKED_BIT;
        /* Calls a replay runs park by themselves there. */
        if (d->mode == DOOR_RECORDING
            && syscall_door_class(nr, args) == DOOR_REPLAYED)
            record_parked(d, p, nr, args, *ret);
        return;
    }
    if (d->mode == DOOR_OFF)
        return;
    cls = d->mode == DOOR_REPLAYING ? class_of(p, nr, args)
                                    : syscall_door_class(nr, args);
    if (cls == DOOR_INTERNAL)
        return;
    if (d->mode == DOOR_RECORDING) {
        record(d, p, nr, args, *ret);
    } else if (cls == DOOR_MIRRORED) {
        ev = take_result(d, nr);
        if (ev)
            *ret = apply_result(p, ev);
    }
}

struct syscall_door *syscall_door_new(void)
{
    struct syscall_door *d = g_new0(struct syscall_door, 1);
    d->ops.before = door_before;
    d->ops.after = door_after;
    d->ops.opaque = d;
    return d;
}

void syscall_door_free(struct syscall_door *door)
{
    g_free(door);
}

const struct user_syscall_door *syscall_door_ops(struct syscall_door *door)
{
    return &door->ops;
}

void syscall_door_record(struct syscall_door *door, struct event_log *log)
{
    door->mode = log ? DOOR_RECORDING : DOOR_OFF;
    door->last = LAST_RAN;
    door->log = log;
    door->cursor = NULL;
}

void syscall_door_replay(struct syscall_door *door,
                         struct event_cursor *cursor)
{
    door->mode = DOOR_REPLAYING;
    door->last = LAST_RAN;
    door->cursor = cursor;
    door->log = NULL;
}

uint64_t syscall_door_mismatches(const struct syscall_door *door)
{
    return door->mismatches;
}
