/* System V semaphores: semget, semop, semtimedop, semctl.
 *
 * Sets live in a per-kernel table beside the shared-memory segments
 * (sysv-ipc.c). A semop that cannot complete parks its thread in a RETRY
 * wait (kernel.h): every change of a value wakes the RETRY waiters, and
 * each runs its whole operation array again, so the array still applies
 * atomically or not at all. GETNCNT and GETZCNT count the threads parked
 * in a semop on the set, from a list of them checked against the threads
 * (one that a signal or exit took out of its wait no longer counts).
 *
 * Internal to the machine for record/replay (the door's default class);
 * only a semtimedop timeout is host time, which the scheduler's timed
 * waits already log.
 *
 * Snapshots: sysv-ipc.h saves and restores the sets.
 *
 * A signal ends a wait with EINTR once a handler has run, SA_RESTART or
 * not, as Linux (sched.c does not count semop among the restartable).
 *
 * Not done yet: SEM_UNDO is accepted but not undone at exit, and
 * sem_otime and sem_ctime are 0. */
#define _GNU_SOURCE
#include "config.h"

#include "user/syscall.h"
#include "user/sysv-ipc.h"

#include <errno.h>

/* Linux's values (include/uapi/linux/sem.h); the IPC_* ones are in
 * sysv-ipc.h. */
#define GUEST_GETPID 11
#define GUEST_GETVAL 12
#define GUEST_GETALL 13
#define GUEST_GETNCNT 14
#define GUEST_GETZCNT 15
#define GUEST_SETVAL 16
#define GUEST_SETALL 17
#define GUEST_SEM_STAT 18
#define GUEST_SEM_INFO 19
#define GUEST_SEM_STAT_ANY 20
#define SEM_MNI SYSV_MNI         /* sets (SEMMNI is 32000 on Linux) */
#define SEM_MSL 32000            /* semaphores a set (SEMMSL) */
#define SEM_OPM 500              /* operations a call (SEMOPM) */
#define SEM_VMX 32767            /* largest value (SEMVMX) */
#define SEM_MNS (SEM_MNI * SEM_MSL)

struct sem_one {
    uint16_t val;
    int32_t pid;             /* of the last operation */
};

struct sem_set {
    struct sysv_perm perm;   /* first */
    uint32_t nsems;
    struct sem_one *sems;
};

/* A thread parked in semop: what it waits for, for GETNCNT/GETZCNT. */
struct sem_waiter {
    int64_t tid;
    int64_t id;
    uint16_t num;
    bool zero;               /* waits for 0 (else for an increase) */
    int64_t deadline_ns;     /* semtimedop's, kept across retries */
};

struct user_sysv_sem {
    struct sysv_table t;     /* of struct sem_set */
    GArray *waiters;         /* of struct sem_waiter */
};

struct guest_semid64_ds {
    struct guest_ipc64_perm perm;
    int64_t otime, ctime;
    uint64_t nsems;
    uint64_t unused3, unused4;
};
_Static_assert(sizeof(struct guest_semid64_ds) == 88, "semid64_ds layout");
struct guest_seminfo {
    int32_t semmap, semmni, semmns, semmnu, semmsl, semopm, semume, semusz,
        semvmx, semaem;
};
struct guest_sembuf {
    uint16_t num;
    int16_t op;
    int16_t flg;
};
_Static_assert(sizeof(struct guest_sembuf) == 6, "sembuf layout");

static struct user_sysv_sem *sem_of(struct user_kernel *k)
{
    if (!k->sysv_sem) {
        k->sysv_sem = g_new0(struct user_sysv_sem, 1);
        k->sysv_sem->waiters = g_array_new(FALSE, FALSE,
                                           sizeof(struct sem_waiter));
    }
    return k->sysv_sem;
}

/* The set at index i, NULL if none. */
static struct sem_set *set_at(const struct user_sysv_sem *ss, int64_t i)
{
    return (struct sem_set *)sysv_at_index(&ss->t, i);  /* perm is first */
}

static struct sem_set *set_find(struct user_sysv_sem *ss, int64_t id)
{
    unsigned idx;
    return (struct sem_set *)sysv_find(&ss->t, id, &idx);
}

static void set_free(struct user_sysv_sem *ss, unsigned idx)
{
    g_free(set_at(ss, idx)->sems);
    g_free(set_at(ss, idx));
    ss->t.obj[idx] = NULL;
}

USER_SYSCALL(semget)
{
    int32_t key = (int32_t)a[0];
    int64_t nsems = (int32_t)a[1];
    uint32_t flg = (uint32_t)a[2];
    struct user_sysv_sem *ss = sem_of(p->kernel);
    if (nsems < 0 || nsems > SEM_MSL)
        return -EINVAL;
    unsigned found;
    int r = sysv_get_lookup(&ss->t, key, flg, &found);
    if (r < 0)
        return r;
    if (r != SYSV_GET_NEW) {
        if (nsems > set_at(ss, found)->nsems)
            return -EINVAL;
        return sysv_get_existing(&ss->t, p, found, flg);
    }
    if (nsems == 0)
        return -EINVAL;
    int idx = sysv_free_index(&ss->t);
    if (idx < 0)
        return idx;
    struct sem_set *s = g_new0(struct sem_set, 1);
    s->nsems = (uint32_t)nsems;
    s->sems = g_new0(struct sem_one, nsems);
    return sysv_insert(&ss->t, (unsigned)idx, &s->perm, p, key, flg);
}

/* Forget the semop wait of thread tid (it runs its call again now):
 * the deadline it had, 0 if none. */
static int64_t forget_waiter(struct user_sysv_sem *ss, int64_t tid)
{
    int64_t deadline = 0;
    for (guint i = 0; i < ss->waiters->len;) {
        struct sem_waiter *w = &g_array_index(ss->waiters,
                                              struct sem_waiter, i);
        if (w->tid == tid) {
            deadline = w->deadline_ns;
            g_array_remove_index(ss->waiters, i);
        } else {
            i++;
        }
    }
    return deadline;
}

/* Whether w is a thread still parked in the semop it was listed for. */
static bool waiter_live(struct user_kernel *k, const struct sem_waiter *w)
{
    struct user_thread *t = user_thread_find(k, w->tid);
    return t && t->state == USER_THREAD_BLOCKED
           && t->block == USER_BLOCK_RETRY
           && (t->sys_nr == USER_NR_semop || t->sys_nr == USER_NR_semtimedop)
           && (int64_t)(int32_t)t->sys_args[0] == w->id;
}

static int64_t do_semop(struct user_process *p, const uint64_t *a,
                        uint64_t uts)
{
    int64_t id = (int32_t)a[0];
    uint64_t nsops = a[2];
    struct user_kernel *k = p->kernel;
    struct user_sysv_sem *ss = sem_of(k);
    struct user_thread *t = p->cur;
    int64_t first_deadline = forget_waiter(ss, t->tid);

    if (nsops < 1 || id < 0)
        return -EINVAL;
    if (nsops > SEM_OPM)
        return -E2BIG;
    struct guest_sembuf ops[SEM_OPM];
    if (user_copy_in(p, ops, a[1], nsops * sizeof(ops[0])) < 0)
        return -EFAULT;
    int64_t deadline = 0;
    bool poll_only = false;
    if (uts) {
        int64_t ts[2];
        if (user_copy_in(p, ts, uts, sizeof(ts)) < 0)
            return -EFAULT;
        if (ts[0] < 0 || ts[1] < 0 || ts[1] >= 1000000000)
            return -EINVAL;
        int64_t ns = ts[0] > INT64_MAX / 1000000000 / 2
                         ? INT64_MAX / 4
                         : ts[0] * 1000000000 + ts[1];
        /* Retried calls keep the first deadline. EVENT LOG: host time
         * ends a timed wait (the scheduler's); see sched.c. */
        deadline = t->sys_retrying && first_deadline
                       ? first_deadline
                       : user_host_now_ns() + ns;
        poll_only = ns == 0;
    }
    struct sem_set *s = set_find(ss, id);
    if (!s)
        return t->sys_retrying ? -EIDRM : -EINVAL;
    bool alter = false;
    for (uint64_t i = 0; i < nsops; i++) {
        if (ops[i].num >= s->nsems)
            return -EFBIG;
        alter |= ops[i].op != 0;
    }
    if (!sysv_perm_ok(p, &s->perm, alter ? 6 : 4))
        return -EACCES;

    /* Try the whole array on a copy; apply it only if none blocks. */
    uint16_t *vals = g_new(uint16_t, s->nsems);
    for (uint32_t i = 0; i < s->nsems; i++)
        vals[i] = s->sems[i].val;
    int64_t r = 0;
    uint64_t blocked = nsops;
    for (uint64_t i = 0; i < nsops && blocked == nsops && r == 0; i++) {
        int32_t v = vals[ops[i].num] + ops[i].op;
        if (ops[i].op == 0 ? vals[ops[i].num] != 0 : v < 0)
            blocked = i;
        else if (v > SEM_VMX)
            r = -ERANGE;
        else
            vals[ops[i].num] = (uint16_t)v;
    }
    if (r == 0 && blocked == nsops) {
        for (uint64_t i = 0; i < nsops; i++)
            s->sems[ops[i].num].pid = (int32_t)p->pid;
        for (uint32_t i = 0; i < s->nsems; i++)
            s->sems[i].val = vals[i];
        g_free(vals);
        if (alter)
            user_wake_retries(k);
        t->deadline_ns = 0;
        return 0;
    }
    g_free(vals);
    if (r < 0)
        return r;
    if (ops[blocked].flg & SYSV_IPC_NOWAIT)
        return -EAGAIN;
    if (poll_only)
        return -EAGAIN;
    struct sem_waiter w = { t->tid, id, ops[blocked].num,
                            ops[blocked].op == 0, deadline };
    g_array_append_val(ss->waiters, w);
    return user_block(t, USER_BLOCK_RETRY, deadline, -EAGAIN);
}

USER_SYSCALL(semop)
{
    return do_semop(p, a, 0);
}

USER_SYSCALL(semtimedop)
{
    return do_semop(p, a, a[3]);
}

static int64_t sem_count(struct user_kernel *k, struct user_sysv_sem *ss,
                         int64_t id, uint32_t num, bool zero)
{
    int64_t n = 0;
    for (guint i = 0; i < ss->waiters->len; i++) {
        const struct sem_waiter *w =
            &g_array_index(ss->waiters, struct sem_waiter, i);
        if (w->id == id && w->num == num && w->zero == zero
            && waiter_live(k, w))
            n++;
    }
    return n;
}

static void set_stat(const struct sem_set *s, struct guest_semid64_ds *ds)
{
    memset(ds, 0, sizeof(*ds));
    sysv_perm_to_guest(&s->perm, &ds->perm);
    ds->nsems = s->nsems;
}

static int64_t sem_info(struct user_process *p, struct user_sysv_sem *ss,
                        int cmd, uint64_t buf)
{
    struct guest_seminfo info = {
        .semmap = SEM_MNS, .semmni = SEM_MNI, .semmns = SEM_MNS,
        .semmnu = SEM_MNS, .semmsl = SEM_MSL, .semopm = SEM_OPM,
        .semume = SEM_OPM, .semusz = 20, .semvmx = SEM_VMX,
        .semaem = SEM_VMX,
    };
    if (cmd == GUEST_SEM_INFO) {
        /* Linux: sets in use, and semaphores in all of them. */
        info.semusz = 0;
        info.semaem = 0;
        for (unsigned i = 0; i < SEM_MNI; i++) {
            if (set_at(ss, i)) {
                info.semusz++;
                info.semaem += (int32_t)set_at(ss, i)->nsems;
            }
        }
    }
    if (user_copy_out(p, buf, &info, sizeof(info)) < 0)
        return -EFAULT;
    return sysv_highest_index(&ss->t);
}

USER_SYSCALL(semctl)
{
    int64_t id = (int32_t)a[0];
    int64_t num = (int32_t)a[1];
    int cmd = (int)(int32_t)a[2];
    uint64_t arg = a[3];     /* union semun, passed by value */
    struct user_kernel *k = p->kernel;
    struct user_sysv_sem *ss = sem_of(k);
    if (id < 0 || cmd < 0)
        return -EINVAL;

    switch (cmd) {
    case SYSV_IPC_INFO:
    case GUEST_SEM_INFO:
        return sem_info(p, ss, cmd, arg);
    case GUEST_SEM_STAT:
    case GUEST_SEM_STAT_ANY: {
        int64_t err;
        struct sem_set *s = (struct sem_set *)sysv_stat_index(
            &ss->t, p, id, cmd == GUEST_SEM_STAT_ANY, &err);
        if (!s)
            return err;
        struct guest_semid64_ds ds;
        set_stat(s, &ds);
        if (user_copy_out(p, arg, &ds, sizeof(ds)) < 0)
            return -EFAULT;
        return sysv_id(&ss->t, (unsigned)id);
    }
    default:
        break;
    }

    struct sem_set *s = set_find(ss, id);
    if (!s)
        return -EINVAL;
    switch (cmd) {
    case SYSV_IPC_STAT: {
        if (!sysv_perm_ok(p, &s->perm, 4))
            return -EACCES;
        struct guest_semid64_ds ds;
        set_stat(s, &ds);
        return user_copy_out(p, arg, &ds, sizeof(ds)) < 0 ? -EFAULT : 0;
    }
    case SYSV_IPC_SET: {
        struct guest_semid64_ds ds;
        if (user_copy_in(p, &ds, arg, sizeof(ds)) < 0)
            return -EFAULT;
        if (!sysv_owner_ok(p, &s->perm))
            return -EPERM;
        sysv_perm_set(&s->perm, &ds.perm);
        return 0;
    }
    case SYSV_IPC_RMID:
        if (!sysv_owner_ok(p, &s->perm))
            return -EPERM;
        set_free(ss, (unsigned)(id % SYSV_SEQ_MULTIPLIER));
        user_wake_retries(k);   /* its waiters get EIDRM */
        return 0;
    case GUEST_GETALL: {
        if (!sysv_perm_ok(p, &s->perm, 4))
            return -EACCES;
        uint16_t *vals = g_new(uint16_t, s->nsems);
        for (uint32_t i = 0; i < s->nsems; i++)
            vals[i] = s->sems[i].val;
        int r = user_copy_out(p, arg, vals, s->nsems * sizeof(uint16_t));
        g_free(vals);
        return r < 0 ? -EFAULT : 0;
    }
    case GUEST_SETALL: {
        if (!sysv_perm_ok(p, &s->perm, 2))
            return -EACCES;
        uint16_t *vals = g_new(uint16_t, s->nsems);
        int64_t r = 0;
        if (user_copy_in(p, vals, arg, s->nsems * sizeof(uint16_t)) < 0)
            r = -EFAULT;
        for (uint32_t i = 0; r == 0 && i < s->nsems; i++)
            if (vals[i] > SEM_VMX)
                r = -ERANGE;
        for (uint32_t i = 0; r == 0 && i < s->nsems; i++) {
            s->sems[i].val = vals[i];
            s->sems[i].pid = (int32_t)p->pid;
        }
        g_free(vals);
        if (r == 0)
            user_wake_retries(k);
        return r;
    }
    default:
        break;
    }

    /* The commands on one semaphore. */
    if (num < 0 || num >= s->nsems)
        return -EINVAL;
    switch (cmd) {
    case GUEST_GETVAL:
    case GUEST_GETPID:
    case GUEST_GETNCNT:
    case GUEST_GETZCNT:
        if (!sysv_perm_ok(p, &s->perm, 4))
            return -EACCES;
        if (cmd == GUEST_GETVAL)
            return s->sems[num].val;
        if (cmd == GUEST_GETPID)
            return s->sems[num].pid;
        return sem_count(k, ss, id, (uint32_t)num, cmd == GUEST_GETZCNT);
    case GUEST_SETVAL: {
        int32_t val = (int32_t)arg;
        if (val < 0 || val > SEM_VMX)
            return -ERANGE;
        if (!sysv_perm_ok(p, &s->perm, 2))
            return -EACCES;
        s->sems[num].val = (uint16_t)val;
        s->sems[num].pid = (int32_t)p->pid;
        user_wake_retries(k);
        return 0;
    }
    default:
        return -EINVAL;
    }
}

void user_sysv_sem_free(struct user_kernel *k)
{
    struct user_sysv_sem *ss = k->sysv_sem;
    if (!ss)
        return;
    for (unsigned i = 0; i < SEM_MNI; i++)
        if (set_at(ss, i))
            set_free(ss, i);
    g_array_unref(ss->waiters);
    g_free(ss);
    k->sysv_sem = NULL;
}

/* ---- Snapshots (sysv-ipc.h) ----------------------------------------- */

struct user_sysv_sem_snapshot {
    struct user_sysv_sem table;  /* sets and waiter list copied */
};

static struct sem_set *set_copy(const struct sem_set *s)
{
    struct sem_set *c = g_memdup2(s, sizeof(*s));
    c->sems = g_memdup2(s->sems, s->nsems * sizeof(struct sem_one));
    return c;
}

static void table_copy(struct user_sysv_sem *dst,
                       const struct user_sysv_sem *src)
{
    *dst = *src;
    for (unsigned i = 0; i < SEM_MNI; i++)
        if (set_at(src, i))
            dst->t.obj[i] = &set_copy(set_at(src, i))->perm;
    dst->waiters = g_array_copy(src->waiters);
}

struct user_sysv_sem_snapshot *user_sysv_sem_snapshot_take(
    struct user_kernel *k)
{
    if (!k->sysv_sem)
        return NULL;
    struct user_sysv_sem_snapshot *s = g_new0(struct user_sysv_sem_snapshot, 1);
    table_copy(&s->table, k->sysv_sem);
    return s;
}

void user_sysv_sem_snapshot_restore(struct user_kernel *k,
                                    const struct user_sysv_sem_snapshot *s)
{
    user_sysv_sem_free(k);
    if (!s)
        return;
    k->sysv_sem = g_new0(struct user_sysv_sem, 1);
    table_copy(k->sysv_sem, &s->table);
}

void user_sysv_sem_snapshot_free(struct user_sysv_sem_snapshot *s)
{
    if (!s)
        return;
    for (unsigned i = 0; i < SEM_MNI; i++)
        if (set_at(&s->table, i))
            set_free(&s->table, i);
    g_array_unref(s->table.waiters);
    g_free(s);
}

/* ---- Listing for `info os semaphores` (sysv-ipc.h) -------------------- */

GArray *user_sysv_sem_list(struct user_kernel *k)
{
    GArray *out = g_array_new(FALSE, TRUE, sizeof(struct user_sysv_sem_info));

    if (!k->sysv_sem)
        return out;
    for (unsigned i = 0; i < SEM_MNI; i++) {
        const struct sem_set *s = set_at(k->sysv_sem, i);
        if (!s)
            continue;
        struct user_sysv_sem_info info = {
            .perm = s->perm,
            .id = sysv_id(&k->sysv_sem->t, i),
            .nsems = s->nsems,
        };
        g_array_append_val(out, info);
    }
    return out;
}
