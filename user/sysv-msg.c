/* System V message queues: msgget, msgsnd, msgrcv, msgctl.
 *
 * Queues live in a per-kernel table (sysv-ipc.h's common one) beside the
 * shared-memory segments and semaphore sets; each holds its messages in
 * the order sent. A msgsnd to a full queue or a msgrcv that finds nothing
 * parks its thread in a RETRY wait (kernel.h), as semop does: every change
 * to a queue (a message in or out, IPC_SET, IPC_RMID) wakes the RETRY
 * waiters and each runs its call again. A queue gone when a parked call
 * runs again means IPC_RMID removed it: EIDRM, as Linux gives its sleepers.
 * A signal ends the wait with EINTR once a handler has run, SA_RESTART or
 * not (Linux's ERESTARTNOHAND; sched.c does not list these calls among the
 * restartable ones).
 *
 * Linux hands a sent message straight to a receiver already waiting for
 * it; here the waiter takes it when it runs again, which the scheduler
 * orders deterministically. A program cannot tell the two apart unless
 * another receiver races for the same message.
 *
 * Internal to the machine for record/replay (the door's default class):
 * a replay runs these calls again and gets the same results.
 *
 * Snapshots: sysv-ipc.h saves and restores the queues with their messages.
 *
 * Not done yet: msg_stime, msg_rtime and msg_ctime are 0 (the only clock
 * a guest may see comes through the door, and these calls do not). */
#define _GNU_SOURCE
#include "config.h"

#include "user/syscall.h"
#include "user/sysv-ipc.h"

#include <errno.h>

/* Linux's values (include/uapi/linux/msg.h); the IPC_* ones are in
 * sysv-ipc.h. */
#define GUEST_MSG_STAT 11
#define GUEST_MSG_INFO 12
#define GUEST_MSG_STAT_ANY 13
#define GUEST_MSG_NOERROR 010000
#define GUEST_MSG_EXCEPT 020000
#define GUEST_MSG_COPY 040000
/* Linux's default limits (the sysctls kernel.msgmax, msgmnb). */
#define MSG_MAX 8192             /* bytes a message */
#define MSG_MNB 16384            /* bytes a queue (its first msg_qbytes) */
#define MSG_MNI SYSV_MNI         /* queues (MSGMNI is 32000 on Linux) */
/* Host memory all queued messages may take, each counted with a header's
 * worth: root may raise msg_qbytes without bound, and the host must not
 * run out. Past it msgsnd fails as Linux's does when its allocation
 * fails: ENOMEM. */
#define MSG_ALL_BYTES (256u << 20)
#define MSG_HEADER 64
#define MSG_SSZ 16               /* IPC_INFO's fixed answers */
#define MSG_SEG 0xffff

struct msg_one {
    int64_t type;
    uint64_t size;
    uint8_t text[];
};

struct msg_queue {
    struct sysv_perm perm;   /* first */
    uint64_t qbytes;         /* most bytes queued (msg_qbytes) */
    uint64_t cbytes;         /* bytes queued now */
    int32_t lspid, lrpid;    /* last msgsnd, last msgrcv */
    GPtrArray *msgs;         /* of struct msg_one, oldest first */
};

struct user_sysv_msg {
    struct sysv_table t;     /* of struct msg_queue */
    uint64_t all_bytes;      /* of all queued messages, for MSG_ALL_BYTES */
};

/* struct msqid64_ds and struct msginfo of asm-generic, 64-bit. */
struct guest_msqid64_ds {
    struct guest_ipc64_perm perm;
    int64_t stime, rtime, ctime;
    uint64_t cbytes, qnum, qbytes;
    int32_t lspid, lrpid;
    uint64_t unused4, unused5;
};
_Static_assert(sizeof(struct guest_msqid64_ds) == 120, "msqid64_ds layout");
struct guest_msginfo {
    int32_t msgpool, msgmap, msgmax, msgmnb, msgmni, msgssz, msgtql;
    uint16_t msgseg;
};
_Static_assert(sizeof(struct guest_msginfo) == 32, "msginfo layout");

/* How msgrcv picks a message (Linux's SEARCH_*). */
enum msg_search {
    SEARCH_ANY,              /* msgtyp 0: the first */
    SEARCH_EQUAL,            /* the first of type msgtyp */
    SEARCH_NOTEQUAL,         /* MSG_EXCEPT: the first of another type */
    SEARCH_LESSEQUAL,        /* msgtyp < 0: the first of the lowest type
                                at most -msgtyp */
    SEARCH_NUMBER,           /* MSG_COPY: the msgtyp-th, from 0 */
};

static struct user_sysv_msg *msg_of(struct user_kernel *k)
{
    struct user_sysv_msg *mq = k->sysv_msg;
    if (!mq) {
        mq = g_new0(struct user_sysv_msg, 1);
        k->sysv_msg = mq;
    }
    return mq;
}

static struct msg_queue *queue_at(const struct user_sysv_msg *mq, int64_t i)
{
    return (struct msg_queue *)sysv_at_index(&mq->t, i);  /* perm first */
}

static struct msg_queue *queue_find(struct user_sysv_msg *mq, int64_t id,
                                    unsigned *idx)
{
    return (struct msg_queue *)sysv_find(&mq->t, id, idx);
}

static uint64_t msg_cost(uint64_t size)
{
    return size + MSG_HEADER;
}

static struct msg_queue *queue_new(void)
{
    struct msg_queue *q = g_new0(struct msg_queue, 1);
    q->qbytes = MSG_MNB;
    q->msgs = g_ptr_array_new_with_free_func(g_free);
    return q;
}

USER_SYSCALL(msgget)
{
    int32_t key = (int32_t)a[0];
    uint32_t flg = (uint32_t)a[1];
    struct user_sysv_msg *mq = msg_of(p->kernel);
    unsigned found;
    int r = sysv_get_lookup(&mq->t, key, flg, &found);
    if (r < 0)
        return r;
    if (r != SYSV_GET_NEW)
        return sysv_get_existing(&mq->t, p, found, flg);
    int idx = sysv_free_index(&mq->t);
    if (idx < 0)
        return idx;
    struct msg_queue *q = queue_new();
    return sysv_insert(&mq->t, (unsigned)idx, &q->perm, p, key, flg);
}

/* Linux's msg_fits_inqueue: bytes, and messages counted against the
 * same limit (so that empty messages cannot grow a queue forever). */
static bool queue_fits(const struct msg_queue *q, uint64_t size)
{
    return size + q->cbytes <= q->qbytes && 1 + q->msgs->len <= q->qbytes;
}

USER_SYSCALL(msgsnd)
{
    int64_t id = (int32_t)a[0];
    uint64_t msgp = a[1];
    uint64_t size = a[2];
    uint32_t flg = (uint32_t)a[3];
    struct user_kernel *k = p->kernel;
    struct user_sysv_msg *mq = msg_of(k);
    struct user_thread *t = p->cur;

    if (size > MSG_MAX || id < 0)
        return -EINVAL;
    int64_t type;
    if (user_copy_in(p, &type, msgp, sizeof(type)) < 0)
        return -EFAULT;
    if (type < 1)
        return -EINVAL;
    /* Linux copies the text in before it looks the queue up. */
    struct msg_one *m = g_malloc(sizeof(*m) + size);
    m->type = type;
    m->size = size;
    if (user_copy_in(p, m->text, msgp + sizeof(type), size) < 0) {
        g_free(m);
        return -EFAULT;
    }
    unsigned idx;
    struct msg_queue *q = queue_find(mq, id, &idx);
    if (!q) {
        g_free(m);
        return t->sys_retrying ? -EIDRM : -EINVAL;
    }
    if (!sysv_perm_ok(p, &q->perm, 2)) {
        g_free(m);
        return -EACCES;
    }
    if (!queue_fits(q, size)) {
        g_free(m);
        if (flg & SYSV_IPC_NOWAIT)
            return -EAGAIN;
        return user_block(t, USER_BLOCK_RETRY, 0, -EAGAIN);
    }
    if (msg_cost(size) > MSG_ALL_BYTES - mq->all_bytes) {
        g_free(m);
        return -ENOMEM;
    }
    g_ptr_array_add(q->msgs, m);
    mq->all_bytes += msg_cost(size);
    q->cbytes += size;
    q->lspid = (int32_t)p->pid;
    user_wake_retries(k);    /* receivers look again */
    return 0;
}

/* Linux's convert_mode: the search, and msgtyp as the search uses it. */
static enum msg_search search_mode(int64_t *typ, uint32_t flg)
{
    if (flg & GUEST_MSG_COPY)
        return SEARCH_NUMBER;
    if (*typ == 0)
        return SEARCH_ANY;
    if (*typ < 0) {
        *typ = *typ == INT64_MIN ? INT64_MAX : -*typ;
        return SEARCH_LESSEQUAL;
    }
    return flg & GUEST_MSG_EXCEPT ? SEARCH_NOTEQUAL : SEARCH_EQUAL;
}

/* The index of the message msgrcv takes from q, or -1. */
static int64_t find_msg(const struct msg_queue *q, int64_t typ,
                        enum msg_search mode)
{
    int64_t found = -1, count = 0;
    for (guint i = 0; i < q->msgs->len; i++) {
        const struct msg_one *m = g_ptr_array_index(q->msgs, i);
        bool match;
        switch (mode) {
        case SEARCH_EQUAL: match = m->type == typ; break;
        case SEARCH_NOTEQUAL: match = m->type != typ; break;
        case SEARCH_LESSEQUAL: match = m->type <= typ; break;
        default: match = true; break;
        }
        if (!match)
            continue;
        if (mode == SEARCH_LESSEQUAL) {
            /* Only a lower type can beat it; type 1 cannot be beaten. */
            found = i;
            if (m->type == 1)
                return i;
            typ = m->type - 1;
        } else if (mode != SEARCH_NUMBER || typ == count) {
            return i;
        }
        count++;
    }
    return found;
}

/* Linux's do_msg_fill: mtype, then at most bufsz bytes of text. */
static int64_t copy_msg_out(struct user_process *p, uint64_t msgp,
                            const struct msg_one *m, uint64_t bufsz)
{
    uint64_t n = MIN(bufsz, m->size);
    if (user_copy_out(p, msgp, &m->type, sizeof(m->type)) < 0
        || user_copy_out(p, msgp + sizeof(m->type), m->text, n) < 0)
        return -EFAULT;
    return (int64_t)n;
}

USER_SYSCALL(msgrcv)
{
    int64_t id = (int32_t)a[0];
    uint64_t msgp = a[1];
    uint64_t bufsz = a[2];
    int64_t typ = (int64_t)a[3];
    uint32_t flg = (uint32_t)a[4];
    struct user_kernel *k = p->kernel;
    struct user_sysv_msg *mq = msg_of(k);
    struct user_thread *t = p->cur;

    if (id < 0 || (int64_t)bufsz < 0)
        return -EINVAL;
    if (flg & GUEST_MSG_COPY) {
        /* A peek at the msgtyp-th message, which never waits. */
        if ((flg & GUEST_MSG_EXCEPT) || !(flg & SYSV_IPC_NOWAIT))
            return -EINVAL;
        bufsz = MIN(bufsz, MSG_MAX);
    }
    enum msg_search mode = search_mode(&typ, flg);
    unsigned idx;
    struct msg_queue *q = queue_find(mq, id, &idx);
    if (!q)
        return t->sys_retrying ? -EIDRM : -EINVAL;
    if (!sysv_perm_ok(p, &q->perm, 4))
        return -EACCES;

    int64_t i = find_msg(q, typ, mode);
    if (i < 0) {
        if (flg & SYSV_IPC_NOWAIT)
            return -ENOMSG;
        return user_block(t, USER_BLOCK_RETRY, 0, -EAGAIN);
    }
    struct msg_one *m = g_ptr_array_index(q->msgs, i);
    if (bufsz < m->size && !(flg & GUEST_MSG_NOERROR))
        return -E2BIG;       /* the message stays */
    if (flg & GUEST_MSG_COPY) {
        /* Linux copies into a message of bufsz bytes, which a longer one
         * does not fit even with MSG_NOERROR. */
        if (m->size > bufsz)
            return -EINVAL;
        return copy_msg_out(p, msgp, m, bufsz);
    }
    g_ptr_array_steal_index(q->msgs, i);
    mq->all_bytes -= msg_cost(m->size);
    q->cbytes -= m->size;
    q->lrpid = (int32_t)p->pid;
    user_wake_retries(k);    /* senders may fit now */
    /* Taken off the queue first, as Linux does: a bad buffer loses it. */
    int64_t r = copy_msg_out(p, msgp, m, bufsz);
    g_free(m);
    return r;
}

static void queue_stat(const struct msg_queue *q, struct guest_msqid64_ds *ds)
{
    memset(ds, 0, sizeof(*ds));
    sysv_perm_to_guest(&q->perm, &ds->perm);
    ds->cbytes = q->cbytes;
    ds->qnum = q->msgs->len;
    ds->qbytes = q->qbytes;
    ds->lspid = q->lspid;
    ds->lrpid = q->lrpid;
}

static int64_t msg_info(struct user_process *p, struct user_sysv_msg *mq,
                        int cmd, uint64_t buf)
{
    struct guest_msginfo info = {
        .msgmni = MSG_MNI, .msgmax = MSG_MAX, .msgmnb = MSG_MNB,
        .msgssz = MSG_SSZ, .msgseg = MSG_SEG,
    };
    if (cmd == GUEST_MSG_INFO) {
        /* Linux: queues in use, messages and bytes in all of them. */
        info.msgpool = (int32_t)sysv_count(&mq->t);
        for (unsigned i = 0; i < MSG_MNI; i++) {
            const struct msg_queue *q = queue_at(mq, i);
            if (q) {
                info.msgmap += (int32_t)q->msgs->len;
                info.msgtql += (int32_t)q->cbytes;
            }
        }
    } else {
        /* Linux's compile-time MSGPOOL, MSGMAP and MSGTQL. */
        info.msgpool = (int32_t)((uint64_t)MSG_MNI * MSG_MNB / 1024);
        info.msgmap = MSG_MNB;
        info.msgtql = MSG_MNB;
    }
    if (user_copy_out(p, buf, &info, sizeof(info)) < 0)
        return -EFAULT;
    return sysv_highest_index(&mq->t);
}

static void queue_remove(struct user_sysv_msg *mq, unsigned idx)
{
    struct msg_queue *q = queue_at(mq, idx);
    mq->all_bytes -= q->cbytes + (uint64_t)q->msgs->len * MSG_HEADER;
    g_ptr_array_unref(q->msgs);
    g_free(q);
    mq->t.obj[idx] = NULL;
}

USER_SYSCALL(msgctl)
{
    int64_t id = (int32_t)a[0];
    int cmd = (int)(int32_t)a[1];
    uint64_t buf = a[2];
    struct user_kernel *k = p->kernel;
    struct user_sysv_msg *mq = msg_of(k);
    if (id < 0 || cmd < 0)
        return -EINVAL;

    struct guest_msqid64_ds ds;
    switch (cmd) {
    case SYSV_IPC_INFO:
    case GUEST_MSG_INFO:
        return msg_info(p, mq, cmd, buf);
    case GUEST_MSG_STAT:
    case GUEST_MSG_STAT_ANY: {
        /* id is a table index here; the id comes back. */
        int64_t err;
        struct msg_queue *q = (struct msg_queue *)sysv_stat_index(
            &mq->t, p, id, cmd == GUEST_MSG_STAT_ANY, &err);
        if (!q)
            return err;
        queue_stat(q, &ds);
        if (user_copy_out(p, buf, &ds, sizeof(ds)) < 0)
            return -EFAULT;
        return sysv_id(&mq->t, (unsigned)id);
    }
    case SYSV_IPC_SET:
        /* Linux reads the buffer before it looks the queue up. */
        if (user_copy_in(p, &ds, buf, sizeof(ds)) < 0)
            return -EFAULT;
        break;
    default:
        break;
    }

    unsigned idx;
    struct msg_queue *q = queue_find(mq, id, &idx);
    if (!q)
        return -EINVAL;
    switch (cmd) {
    case SYSV_IPC_STAT:
        if (!sysv_perm_ok(p, &q->perm, 4))
            return -EACCES;
        queue_stat(q, &ds);
        return user_copy_out(p, buf, &ds, sizeof(ds)) < 0 ? -EFAULT : 0;
    case SYSV_IPC_SET:
        if (!sysv_owner_ok(p, &q->perm))
            return -EPERM;
        /* Above msgmnb takes CAP_SYS_RESOURCE: root here. */
        if (ds.qbytes > MSG_MNB && p->uid != 0)
            return -EPERM;
        q->qbytes = ds.qbytes;
        sysv_perm_set(&q->perm, &ds.perm);
        user_wake_retries(k);   /* senders may fit, or lose permission */
        return 0;
    case SYSV_IPC_RMID:
        if (!sysv_owner_ok(p, &q->perm))
            return -EPERM;
        queue_remove(mq, idx);
        user_wake_retries(k);   /* its waiters get EIDRM */
        return 0;
    default:
        return -EINVAL;
    }
}

void user_sysv_msg_free(struct user_kernel *k)
{
    struct user_sysv_msg *mq = k->sysv_msg;
    if (!mq)
        return;
    for (unsigned i = 0; i < MSG_MNI; i++)
        if (mq->t.obj[i])
            queue_remove(mq, i);
    g_free(mq);
    k->sysv_msg = NULL;
}

/* ---- Snapshots (sysv-ipc.h) ----------------------------------------- */

struct user_sysv_msg_snapshot {
    struct user_sysv_msg table;  /* queues and messages copied */
};

static struct msg_queue *queue_copy(const struct msg_queue *q)
{
    struct msg_queue *c = g_memdup2(q, sizeof(*q));
    c->msgs = g_ptr_array_new_full(q->msgs->len, g_free);
    for (guint i = 0; i < q->msgs->len; i++) {
        const struct msg_one *m = g_ptr_array_index(q->msgs, i);
        g_ptr_array_add(c->msgs, g_memdup2(m, sizeof(*m) + m->size));
    }
    return c;
}

static void table_copy(struct user_sysv_msg *dst,
                       const struct user_sysv_msg *src)
{
    *dst = *src;
    for (unsigned i = 0; i < MSG_MNI; i++)
        if (queue_at(src, i))
            dst->t.obj[i] = &queue_copy(queue_at(src, i))->perm;
}

struct user_sysv_msg_snapshot *user_sysv_msg_snapshot_take(
    struct user_kernel *k)
{
    struct user_sysv_msg *mq = k->sysv_msg;
    if (!mq)
        return NULL;
    struct user_sysv_msg_snapshot *s = g_new0(struct user_sysv_msg_snapshot, 1);
    table_copy(&s->table, mq);
    return s;
}

void user_sysv_msg_snapshot_restore(struct user_kernel *k,
                                    const struct user_sysv_msg_snapshot *s)
{
    user_sysv_msg_free(k);
    if (!s)
        return;
    struct user_sysv_msg *mq = g_new0(struct user_sysv_msg, 1);
    table_copy(mq, &s->table);
    k->sysv_msg = mq;
}

void user_sysv_msg_snapshot_free(struct user_sysv_msg_snapshot *s)
{
    if (!s)
        return;
    for (unsigned i = 0; i < MSG_MNI; i++)
        if (s->table.t.obj[i])
            queue_remove(&s->table, i);
    g_free(s);
}

/* ---- Listing for `info os msg` (sysv-ipc.h) --------------------------- */

GArray *user_sysv_msg_list(struct user_kernel *k)
{
    GArray *out = g_array_new(FALSE, TRUE, sizeof(struct user_sysv_msg_info));

    if (!k->sysv_msg)
        return out;
    for (unsigned i = 0; i < MSG_MNI; i++) {
        const struct msg_queue *q = queue_at(k->sysv_msg, i);
        if (!q)
            continue;
        struct user_sysv_msg_info info = {
            .perm = q->perm,
            .id = sysv_id(&k->sysv_msg->t, i),
            .cbytes = q->cbytes,
            .qnum = q->msgs->len,
            .lspid = q->lspid,
            .lrpid = q->lrpid,
        };
        g_array_append_val(out, info);
    }
    return out;
}
