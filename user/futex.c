/* futex(2): the operations glibc uses (WAIT, WAKE, their BITSET forms,
 * REQUEUE, CMP_REQUEUE, WAKE_OP, and the PI lock for PTHREAD_PRIO_INHERIT
 * mutexes), private or not, with timeouts.
 *
 * A waiter is keyed by its address space and the futex address: there is
 * no guest memory shared between processes other than a vfork child's
 * (which shares the whole space), so a "shared" futex is the same as a
 * private one here. Waiters are woken in the order they started waiting. */
#include "config.h"

#include "user/syscall.h"

#include "cpu/cpu.h"
#include "hw/pagestore.h"

#include <errno.h>
#include <time.h>

#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define FUTEX_REQUEUE 3
#define FUTEX_CMP_REQUEUE 4
#define FUTEX_WAKE_OP 5
#define FUTEX_LOCK_PI 6
#define FUTEX_UNLOCK_PI 7
#define FUTEX_TRYLOCK_PI 8
#define FUTEX_WAIT_BITSET 9
#define FUTEX_WAKE_BITSET 10
#define FUTEX_LOCK_PI2 13
#define FUTEX_PRIVATE_FLAG 128
#define FUTEX_CLOCK_REALTIME 256
#define FUTEX_CMD_MASK 0x7f

#define FUTEX_BITSET_MATCH_ANY 0xffffffffu
#define FUTEX_WAITERS 0x80000000u
#define FUTEX_OWNER_DIED 0x40000000u
#define FUTEX_TID_MASK 0x3fffffffu

#define NSEC_PER_SEC 1000000000ll

void user_futex_forget(struct user_thread *t)
{
    struct user_kernel *k = t->proc->kernel;
    if (t->block == USER_BLOCK_FUTEX)
        g_ptr_array_remove(k->futex_waiters, t);
}

int user_futex_wake(struct user_kernel *k, struct pagestore *mem,
                    uint64_t uaddr, uint32_t bitset, int n)
{
    int woken = 0;
    for (guint i = 0; i < k->futex_waiters->len && woken < n;) {
        struct user_thread *t = g_ptr_array_index(k->futex_waiters, i);
        if (t->futex_mem == mem && t->futex_uaddr == uaddr
            && (t->futex_bitset & bitset)) {
            user_wake(t, 0);   /* removes it from the list */
            woken++;
        } else {
            i++;
        }
    }
    return woken;
}

/* Move up to n waiters from (mem, key) to (mem2, key2): they wait
 * there now. */
static int requeue(struct user_kernel *k, struct pagestore *mem,
                   uint64_t key, struct pagestore *mem2, uint64_t key2, int n)
{
    int moved = 0;
    for (guint i = 0; i < k->futex_waiters->len && moved < n; i++) {
        struct user_thread *t = g_ptr_array_index(k->futex_waiters, i);
        if (t->futex_mem == mem && t->futex_uaddr == key) {
            t->futex_mem = mem2;
            t->futex_uaddr = key2;
            moved++;
        }
    }
    return moved;
}

/* What the futex word at uaddr is known by (returned space, *key): a
 * private futex (FUTEX_PRIVATE_FLAG) by the address space and address,
 * as Linux keys it by mm; a shared one by what backs the page, so that
 * processes sharing a MAP_SHARED page wait and wake on one futex
 * (user_futex_key; private memory gives the same pair either way). */
static struct pagestore *key_of(struct user_process *p, uint64_t uaddr,
                                bool private, uint64_t *key)
{
    if (private) {
        *key = uaddr;
        return p->mem;
    }
    return user_futex_key(p, uaddr, key);
}

/* The host deadline of a timeout argument: relative (FUTEX_WAIT) or
 * absolute on CLOCK_MONOTONIC or CLOCK_REALTIME (the BITSET and PI
 * forms). 0 for none; a negative errno for a bad one.
 *
 * EVENT LOG: host time decides when a timed wait ends; see sched.c. */
static int64_t deadline_of(struct user_process *p, uint64_t uts, bool absolute,
                           bool realtime)
{
    int64_t ts[2];
    if (!uts)
        return 0;
    int r = user_copy_in(p, ts, uts, sizeof(ts));
    if (r < 0)
        return r;
    if (ts[0] < 0 || ts[1] < 0 || ts[1] >= NSEC_PER_SEC)
        return -EINVAL;
    int64_t ns = ts[0] > INT64_MAX / NSEC_PER_SEC - 1
                     ? INT64_MAX / 2
                     : ts[0] * NSEC_PER_SEC + ts[1];
    int64_t now = user_host_now_ns();
    if (!absolute)
        return now + MIN(ns, INT64_MAX / 2);
    if (realtime) {
        struct timespec rt;
        clock_gettime(CLOCK_REALTIME, &rt);
        int64_t rnow = (int64_t)rt.tv_sec * NSEC_PER_SEC + rt.tv_nsec;
        return now + MIN(ns - rnow, INT64_MAX / 2);
    }
    return ns;
}

/* The relative timespec at uts is zero. */
static bool deadline_is_now(struct user_process *p, uint64_t uts)
{
    int64_t ts[2];
    return user_copy_in(p, ts, uts, sizeof(ts)) == 0 && ts[0] == 0
           && ts[1] == 0;
}

static int64_t futex_wait(struct user_process *p, uint64_t uaddr, bool private,
                          uint32_t val,
                    uint64_t uts, uint32_t bitset, bool absolute,
                    bool realtime)
{
    struct user_thread *t = p->cur;
    uint32_t cur;
    if (!bitset)
        return -EINVAL;
    int r = user_copy_in(p, &cur, uaddr, sizeof(cur));
    if (r < 0)
        return r;
    if (cur != val)
        return -EAGAIN;
    /* Alone, nobody can wake it: a timed wait times out at once (guest
     * time does not pass while nothing runs); an untimed one is parked
     * and the scheduler reports the deadlock. */
    if (uts && user_kernel_live_threads(p->kernel) == 1)
        return -ETIMEDOUT;
    int64_t deadline = deadline_of(p, uts, absolute, realtime);
    if (deadline < 0)
        return deadline;
    /* A zero relative timeout is a look. Any other times out in host
     * time, even one already past: the wait parks and the scheduler's
     * next look at the host expires it, so whether it waited is logged
     * with the wake (sched.c) and a replay, run later in host time,
     * does the same. */
    if (uts && !absolute && deadline_is_now(p, uts))
        return -ETIMEDOUT;
    user_futex_forget(t);
    user_block(t, USER_BLOCK_FUTEX, deadline, -ETIMEDOUT);
    t->futex_mem = key_of(p, uaddr, private, &t->futex_uaddr);
    t->futex_bitset = bitset;
    g_ptr_array_add(p->kernel->futex_waiters, t);
    return USER_SYSCALL_BLOCKED;
}

/* FUTEX_WAKE_OP's operation on *uaddr2 and its comparison. */
static int64_t wake_op(struct user_process *p, uint64_t uaddr, bool private,
                       int n,
                       uint64_t uaddr2, int n2, uint32_t val3)
{
    struct user_kernel *k = p->kernel;
    unsigned op = (val3 >> 28) & 0xf;
    unsigned cmp = (val3 >> 24) & 0xf;
    uint32_t oparg = (val3 >> 12) & 0xfff;
    uint32_t cmparg = val3 & 0xfff;
    uint32_t old, nval;
    if (op & 8) {           /* FUTEX_OP_OPARG_SHIFT */
        if (oparg > 31)
            return -EINVAL;
        oparg = 1u << oparg;
        op &= 7;
    }
    if ((uaddr2 & 3) || !user_access_ok(p, uaddr2, 4, PAGESTORE_PROT_WRITE))
        return -EFAULT;
    int r = user_copy_in(p, &old, uaddr2, sizeof(old));
    if (r < 0)
        return r;
    switch (op) {
    case 0: nval = oparg; break;             /* SET */
    case 1: nval = old + oparg; break;       /* ADD */
    case 2: nval = old | oparg; break;       /* OR */
    case 3: nval = old & ~oparg; break;      /* ANDN */
    case 4: nval = old ^ oparg; break;       /* XOR */
    default: return -ENOSYS;
    }
    r = user_copy_out(p, uaddr2, &nval, sizeof(nval));
    if (r < 0)
        return r;
    bool hit;
    switch (cmp) {
    case 0: hit = old == cmparg; break;
    case 1: hit = old != cmparg; break;
    case 2: hit = (int32_t)old < (int32_t)cmparg; break;
    case 3: hit = (int32_t)old <= (int32_t)cmparg; break;
    case 4: hit = (int32_t)old > (int32_t)cmparg; break;
    case 5: hit = (int32_t)old >= (int32_t)cmparg; break;
    default: return -ENOSYS;
    }
    uint64_t key, key2;
    struct pagestore *mem = key_of(p, uaddr, private, &key);
    int woken = user_futex_wake(k, mem, key, FUTEX_BITSET_MATCH_ANY, n);
    if (hit) {
        mem = key_of(p, uaddr2, private, &key2);
        woken += user_futex_wake(k, mem, key2, FUTEX_BITSET_MATCH_ANY, n2);
    }
    return woken;
}

/* PI locks without priorities (there is one CPU and no priorities to
 * inherit): the owner's tid in the word, FUTEX_WAITERS while others
 * wait, the lock handed to the first waiter on unlock. */
static int64_t lock_pi(struct user_process *p, uint64_t uaddr, bool private,
                       uint64_t uts, bool try)
{
    struct user_thread *t = p->cur;
    uint32_t val;
    int r = user_copy_in(p, &val, uaddr, sizeof(val));
    if (r < 0)
        return r;
    uint32_t owner = val & FUTEX_TID_MASK;
    if (owner == (uint32_t)t->tid)
        return -EDEADLK;
    if (owner == 0 || !user_thread_find(p->kernel, owner)) {
        /* Free, or its owner died: take it (OWNER_DIED tells). */
        uint32_t nval = (uint32_t)t->tid | (val & FUTEX_WAITERS)
                        | (owner ? FUTEX_OWNER_DIED : 0);
        r = user_copy_out(p, uaddr, &nval, sizeof(nval));
        return r < 0 ? r : 0;
    }
    if (try)
        return -EAGAIN;
    if (!(val & FUTEX_WAITERS)) {
        val |= FUTEX_WAITERS;
        r = user_copy_out(p, uaddr, &val, sizeof(val));
        if (r < 0)
            return r;
    }
    int64_t deadline = deadline_of(p, uts, true, true);
    if (deadline < 0)
        return deadline;
    user_futex_forget(t);
    user_block(t, USER_BLOCK_FUTEX, deadline, -ETIMEDOUT);
    /* Keyed as the other operations key it: a process-shared PI mutex is
     * one lock for every process that maps it. */
    t->futex_mem = key_of(p, uaddr, private, &t->futex_uaddr);
    t->futex_bitset = FUTEX_BITSET_MATCH_ANY;
    g_ptr_array_add(p->kernel->futex_waiters, t);
    return USER_SYSCALL_BLOCKED;
}

static int64_t unlock_pi(struct user_process *p, uint64_t uaddr, bool private)
{
    struct user_kernel *k = p->kernel;
    uint64_t key;
    struct pagestore *mem = key_of(p, uaddr, private, &key);
    uint32_t val;
    int r = user_copy_in(p, &val, uaddr, sizeof(val));
    if (r < 0)
        return r;
    if ((val & FUTEX_TID_MASK) != (uint32_t)p->cur->tid)
        return -EPERM;
    struct user_thread *next = NULL;
    bool more = false;
    for (guint i = 0; i < k->futex_waiters->len; i++) {
        struct user_thread *w = g_ptr_array_index(k->futex_waiters, i);
        if (w->futex_mem != mem || w->futex_uaddr != key)
            continue;
        if (!next)
            next = w;
        else
            more = true;
    }
    uint32_t nval = next ? (uint32_t)next->tid | (more ? FUTEX_WAITERS : 0) : 0;
    r = user_copy_out(p, uaddr, &nval, sizeof(nval));
    if (r < 0)
        return r;
    if (next)
        user_wake(next, 0);
    return 0;
}

USER_SYSCALL(futex)
{
    uint64_t uaddr = a[0];
    int cmd = (int)a[1] & FUTEX_CMD_MASK;
    bool realtime = a[1] & FUTEX_CLOCK_REALTIME;
    struct user_kernel *k = p->kernel;
    bool private = a[1] & FUTEX_PRIVATE_FLAG;
    if (uaddr & 3)
        return -EINVAL;
    if (realtime && cmd != FUTEX_WAIT_BITSET && cmd != FUTEX_WAIT
        && cmd != FUTEX_LOCK_PI2)
        return -ENOSYS;
    switch (cmd) {
    case FUTEX_WAIT:
        return futex_wait(p, uaddr, private, (uint32_t)a[2], a[3],
                          FUTEX_BITSET_MATCH_ANY,
                    false, false);
    case FUTEX_WAIT_BITSET:
        return futex_wait(p, uaddr, private, (uint32_t)a[2], a[3],
                          (uint32_t)a[5], true,
                    realtime);
    case FUTEX_WAKE:
    case FUTEX_WAKE_BITSET: {
        uint32_t bitset = cmd == FUTEX_WAKE ? FUTEX_BITSET_MATCH_ANY
                                            : (uint32_t)a[5];
        if (!bitset)
            return -EINVAL;
        if (!user_access_ok(p, uaddr, 4, PAGESTORE_PROT_READ))
            return -EFAULT;
        uint64_t key;
        struct pagestore *mem = key_of(p, uaddr, private, &key);
        return user_futex_wake(k, mem, key, bitset,
                               (int)MIN(a[2], (uint64_t)INT32_MAX));
    }
    case FUTEX_REQUEUE:
    case FUTEX_CMP_REQUEUE: {
        int n = (int)MIN(a[2], (uint64_t)INT32_MAX);
        int n2 = (int)MIN(a[3], (uint64_t)INT32_MAX);  /* val2 */
        uint64_t uaddr2 = a[4];
        if ((uaddr2 & 3) || (int32_t)a[2] < 0 || (int32_t)a[3] < 0)
            return -EINVAL;
        if (cmd == FUTEX_CMP_REQUEUE) {
            uint32_t cur;
            int r = user_copy_in(p, &cur, uaddr, sizeof(cur));
            if (r < 0)
                return r;
            if (cur != (uint32_t)a[5])
                return -EAGAIN;
        }
        uint64_t key, key2;
        struct pagestore *mem = key_of(p, uaddr, private, &key);
        struct pagestore *mem2 = key_of(p, uaddr2, private, &key2);
        int woken = user_futex_wake(k, mem, key, FUTEX_BITSET_MATCH_ANY, n);
        return woken + requeue(k, mem, key, mem2, key2, n2);
    }
    case FUTEX_WAKE_OP:
        return wake_op(p, uaddr, private,
                       (int)MIN(a[2], (uint64_t)INT32_MAX), a[4],
                       (int)MIN(a[3], (uint64_t)INT32_MAX), (uint32_t)a[5]);
    case FUTEX_LOCK_PI:
    case FUTEX_LOCK_PI2:
        return lock_pi(p, uaddr, private, a[3], false);
    case FUTEX_TRYLOCK_PI:
        return lock_pi(p, uaddr, private, 0, true);
    case FUTEX_UNLOCK_PI:
        return unlock_pi(p, uaddr, private);
    default:
        return -ENOSYS;
    }
}
