/* A fake rsp_target for the unit tests. */
#include "testsuite/unit/fake-target.h"

#include <errno.h>
#include <string.h>

#include "xml-features/tdesc.h"

const char fake_target_xml[] =
    "<?xml version=\"1.0\"?>\n"
    "<!-- a fake description: # $ } * must be escaped in qXfer -->\n"
    "<target><architecture>aarch64</architecture>"
    "<xi:include href=\"aarch64-core.xml\"/></target>\n";

static const char fake_core_xml[] =
    "<feature name=\"org.gnu.gdb.aarch64.core\"></feature>\n";

static struct fake_target *fake(struct rsp_target *t)
{
    return (struct fake_target *)t;
}

static void add_reg(struct tdesc *td, const char *name, unsigned bitsize,
                    const char *type, const char *feature, int dwarf,
                    const char *generic)
{
    struct tdesc_reg *reg = g_new0(struct tdesc_reg, 1);

    reg->name = g_strdup(name);
    reg->type = g_strdup(type);
    reg->feature = feature;
    reg->regnum = td->regs->len;
    reg->bitsize = bitsize;
    reg->offset = td->g_size;
    reg->generic = generic;
    reg->dwarf_regnum = dwarf;
    td->g_size += bitsize / 8;
    g_ptr_array_add(td->regs, reg);
}

static void free_reg(gpointer p)
{
    struct tdesc_reg *reg = p;

    g_free(reg->name);
    g_free(reg->type);
    g_free(reg);
}

static void free_feature(gpointer p)
{
    struct tdesc_feature *f = p;

    g_free(f->name);
    g_free(f->file);
    g_free(f->xml);
    g_free(f);
}

/* Built by hand, like the loader would from the XML files. */
static struct tdesc *fake_tdesc(void)
{
    static const char core[] = "org.gnu.gdb.aarch64.core";
    static const char fpu[] = "org.gnu.gdb.aarch64.fpu";
    struct tdesc *td = g_new0(struct tdesc, 1);
    struct tdesc_feature *f = g_new0(struct tdesc_feature, 1);
    char name[8];

    td->architecture = g_strdup("aarch64");
    td->regs = g_ptr_array_new_with_free_func(free_reg);
    td->features = g_ptr_array_new_with_free_func(free_feature);
    for (int i = 0; i <= 30; i++) {
        g_snprintf(name, sizeof(name), "x%d", i);
        add_reg(td, name, 64, "int", core, i,
                i == 29 ? "fp" : i == 30 ? "ra" : NULL);
    }
    add_reg(td, "sp", 64, "data_ptr", core, 31, "sp");
    add_reg(td, "pc", 64, "code_ptr", core, 32, "pc");
    add_reg(td, "cpsr", 32, "cpsr_flags", core, -1, "flags");
    add_reg(td, "v0", 128, "aarch64v", fpu, 64, NULL);
    add_reg(td, "v1", 128, "aarch64v", fpu, 65, NULL);
    add_reg(td, "fpsr", 32, "int", fpu, -1, NULL);
    add_reg(td, "fpcr", 32, "int", fpu, -1, NULL);

    f->name = g_strdup(core);
    f->file = g_strdup("aarch64-core.xml");
    f->xml = g_strdup(fake_core_xml);
    g_ptr_array_add(td->features, f);
    td->target_xml = g_strdup(fake_target_xml);
    return td;
}

static void fake_tdesc_free(struct tdesc *td)
{
    g_free(td->architecture);
    g_ptr_array_unref(td->regs);
    g_ptr_array_unref(td->features);
    g_free(td->target_xml);
    g_free(td);
}

static const struct tdesc *op_tdesc(struct rsp_target *t)
{
    return fake(t)->td;
}

static unsigned reg_size(struct fake_target *ft, unsigned regnum)
{
    const struct tdesc_reg *reg = g_ptr_array_index(ft->td->regs, regnum);
    return reg->bitsize / 8;
}

static int op_read_reg(struct rsp_target *t, struct rsp_ptid thread,
                       unsigned regnum, uint8_t *buf)
{
    struct fake_target *ft = fake(t);

    if (regnum >= FAKE_NREGS)
        return -EINVAL;
    ft->last_reg_thread = thread;
    if (ft->reg_unreadable[regnum])
        return -EIO;
    memcpy(buf, ft->regs[regnum], reg_size(ft, regnum));
    return 0;
}

static int op_write_reg(struct rsp_target *t, struct rsp_ptid thread,
                        unsigned regnum, const uint8_t *buf)
{
    struct fake_target *ft = fake(t);

    if (regnum >= FAKE_NREGS)
        return -EINVAL;
    ft->last_reg_thread = thread;
    if (ft->reg_unreadable[regnum])
        return -EPERM;
    memcpy(ft->regs[regnum], buf, reg_size(ft, regnum));
    return 0;
}

static ssize_t op_read_mem(struct rsp_target *t, uint64_t addr, uint8_t *buf,
                           size_t len)
{
    struct fake_target *ft = fake(t);
    size_t n;

    if (addr < FAKE_MEM_BASE || addr >= FAKE_MEM_BASE + FAKE_MEM_SIZE)
        return -EFAULT;
    n = MIN(len, FAKE_MEM_BASE + FAKE_MEM_SIZE - addr);
    memcpy(buf, ft->mem + (addr - FAKE_MEM_BASE), n);
    return (ssize_t)n;
}

static int op_write_mem(struct rsp_target *t, uint64_t addr,
                        const uint8_t *buf, size_t len)
{
    struct fake_target *ft = fake(t);

    /* Written so that addr + len cannot wrap around. */
    if (addr < FAKE_MEM_BASE || len > FAKE_MEM_SIZE
        || addr - FAKE_MEM_BASE > FAKE_MEM_SIZE - len)
        return -EFAULT;
    memcpy(ft->mem + (addr - FAKE_MEM_BASE), buf, len);
    return 0;
}

static int op_resume(struct rsp_target *t,
                     const struct rsp_resume_action *actions, size_t n)
{
    struct fake_target *ft = fake(t);

    ft->resume_calls++;
    g_array_set_size(ft->last_actions, 0);
    g_array_append_vals(ft->last_actions, actions, n);
    return ft->resume_result;
}

static void op_select_thread(struct rsp_target *t, struct rsp_ptid thread)
{
    fake(t)->selected = thread;
}

static void op_interrupt(struct rsp_target *t)
{
    fake(t)->interrupt_calls++;
}

static int record_break(struct rsp_target *t, bool insert,
                        enum rsp_break_type type, uint64_t addr, uint64_t kind)
{
    struct fake_target *ft = fake(t);

    ft->break_calls++;
    ft->last_break = (struct fake_break){ insert, type, addr, kind };
    return ft->break_result;
}

static int op_insert_break(struct rsp_target *t, enum rsp_break_type type,
                           uint64_t addr, uint64_t kind)
{
    return record_break(t, true, type, addr, kind);
}

static int op_remove_break(struct rsp_target *t, enum rsp_break_type type,
                           uint64_t addr, uint64_t kind)
{
    return record_break(t, false, type, addr, kind);
}

static GArray *op_threads(struct rsp_target *t)
{
    struct fake_target *ft = fake(t);
    GArray *threads = g_array_new(FALSE, TRUE,
                                  sizeof(struct rsp_thread_info));

    for (guint i = 0; i < ft->threads->len; i++) {
        const struct fake_thread *f = &g_array_index(ft->threads,
                                                     struct fake_thread, i);
        struct rsp_thread_info info = {
            .ptid = f->ptid,
            .name = g_strdup(f->name),
            .core = f->core,
            .extra = g_strdup(f->extra),
        };
        g_array_append_val(threads, info);
    }
    return threads;
}

static void clear_fake_thread(gpointer p)
{
    struct fake_thread *f = p;

    g_free(f->name);
    g_free(f->extra);
}

void fake_target_add_thread(struct fake_target *ft, int64_t pid, int64_t tid,
                            const char *name)
{
    struct fake_thread f = { { pid, tid }, g_strdup(name), NULL, 0 };

    g_array_append_val(ft->threads, f);
}

/* Forget pid's threads; false if it had none. */
static bool remove_process(struct fake_target *ft, int64_t pid)
{
    bool found = false;

    for (guint i = ft->threads->len; i-- > 0;) {
        if (g_array_index(ft->threads, struct fake_thread, i).ptid.pid
            == pid) {
            g_array_remove_index(ft->threads, i);
            found = true;
        }
    }
    return found;
}

static void op_last_stop(struct rsp_target *t, struct rsp_stop *stop)
{
    *stop = fake(t)->stop;
}

static GBytes *op_xfer_read(struct rsp_target *t, const char *object,
                            const char *annex, int *err)
{
    struct fake_target *ft = fake(t);

    if (strcmp(object, "auxv") == 0 && ft->auxv)
        return g_bytes_ref(ft->auxv);
    if (strcmp(object, "exec-file") == 0) {
        static const char path[] = "/bin/true";
        return g_bytes_new_static(path, strlen(path));
    }
    *err = -EOPNOTSUPP;
    return NULL;
}

static int op_monitor(struct rsp_target *t, const char *command, GString *out)
{
    struct fake_target *ft = fake(t);

    g_free(ft->last_monitor);
    ft->last_monitor = g_strdup(command);
    if (strcmp(command, "help") == 0) {
        g_string_append(out, "help: this text\n");
        return 0;
    }
    if (strcmp(command, "quiet") == 0)
        return 0;
    if (strcmp(command, "long") == 0) {
        bool stopped = ft->conn && rsp_conn_take_interrupt(ft->conn);
        g_string_append(out, stopped ? "interrupted\n" : "done\n");
        return 0;
    }
    g_string_append_printf(out, "unknown command: %s\n", command);
    return -ENOENT;
}

static void op_kill(struct rsp_target *t)
{
    fake(t)->killed = true;
}

static void op_detach(struct rsp_target *t)
{
    fake(t)->detached = true;
}

static int64_t op_pid(struct rsp_target *t)
{
    return fake(t)->pid;
}

static unsigned op_event_support(struct rsp_target *t)
{
    return fake(t)->event_support;
}

static void op_set_events(struct rsp_target *t, unsigned events)
{
    fake(t)->events = events;
    fake(t)->set_events_calls++;
}

static int op_catch_syscalls(struct rsp_target *t, bool enable,
                             const uint64_t *nrs, size_t n)
{
    struct fake_target *ft = fake(t);

    ft->catch_calls++;
    if (ft->catch_result < 0)
        return ft->catch_result;
    ft->catch_enabled = enable;
    g_array_set_size(ft->caught, 0);
    g_array_append_vals(ft->caught, nrs, (guint)n);
    return 0;
}

static int op_kill_process(struct rsp_target *t, int64_t pid)
{
    struct fake_target *ft = fake(t);

    if (!remove_process(ft, pid))
        return -ESRCH;
    ft->killed_pid = pid;
    return 0;
}

static int op_detach_process(struct rsp_target *t, int64_t pid)
{
    struct fake_target *ft = fake(t);

    if (!remove_process(ft, pid))
        return -ESRCH;
    ft->detached_pid = pid;
    return 0;
}

static void op_set_extended(struct rsp_target *t, bool extended)
{
    fake(t)->extended = extended;
}

static int op_run(struct rsp_target *t, const struct rsp_run_request *req,
                  struct rsp_stop *stop)
{
    struct fake_target *ft = fake(t);

    ft->run_calls++;
    g_strfreev(ft->run_argv);
    g_strfreev(ft->run_env_set);
    g_strfreev(ft->run_env_unset);
    g_free(ft->run_working_dir);
    ft->run_argv = g_strdupv((char **)req->argv);
    ft->run_env_set = g_strdupv((char **)req->env_set);
    ft->run_env_unset = g_strdupv((char **)req->env_unset);
    ft->run_working_dir = g_strdup(req->working_dir);
    ft->run_startup_with_shell = req->startup_with_shell;
    ft->run_disable_randomization = req->disable_randomization;
    if (ft->run_result < 0)
        return ft->run_result;
    /* A new process with one thread, stopped at its first instruction. */
    g_array_set_size(ft->threads, 0);
    ft->pid = FAKE_RUN_PID;
    fake_target_add_thread(ft, FAKE_RUN_PID, FAKE_RUN_PID, "prog");
    ft->stop = (struct rsp_stop){
        .kind = RSP_STOP_SIGNAL, .signal = 5,
        .thread = { FAKE_RUN_PID, FAKE_RUN_PID },
    };
    *stop = ft->stop;
    return 0;
}

static const char *op_triple(struct rsp_target *t)
{
    return "aarch64-unknown-linux-gnu";
}

static int op_tls_address(struct rsp_target *t, struct rsp_ptid thread,
                          uint64_t offset, uint64_t lm, uint64_t *addr)
{
    struct fake_target *ft = (struct fake_target *)t;
    bool known = false;

    ft->tls_calls++;
    ft->last_tls_thread = thread;
    for (guint i = 0; i < ft->threads->len; i++)
        if (g_array_index(ft->threads, struct fake_thread, i).ptid.tid
            == thread.tid)
            known = true;
    if (!known)
        return -ESRCH;
    if (lm != 0)
        return -EOPNOTSUPP;
    *addr = FAKE_TLS_BLOCK(thread.tid) + offset;
    return 0;
}

static int op_set_non_stop(struct rsp_target *t, bool non_stop)
{
    struct fake_target *ft = fake(t);

    ft->set_non_stop_calls++;
    if (ft->set_non_stop_result < 0)
        return ft->set_non_stop_result;
    ft->non_stop = non_stop;
    return 0;
}

static GArray *op_stopped_threads(struct rsp_target *t)
{
    struct fake_target *ft = fake(t);
    GArray *out = g_array_new(FALSE, FALSE, sizeof(struct rsp_stop));

    g_array_append_vals(out, ft->stopped->data, ft->stopped->len);
    return out;
}

void fake_target_enable_non_stop(struct fake_target *ft)
{
    ft->ops.set_non_stop = op_set_non_stop;
    ft->ops.stopped_threads = op_stopped_threads;
}

static const struct rsp_target_ops fake_ops = {
    .tdesc = op_tdesc,
    .read_reg = op_read_reg,
    .write_reg = op_write_reg,
    .read_mem = op_read_mem,
    .write_mem = op_write_mem,
    .resume = op_resume,
    .interrupt = op_interrupt,
    .select_thread = op_select_thread,
    .insert_break = op_insert_break,
    .remove_break = op_remove_break,
    .threads = op_threads,
    .last_stop = op_last_stop,
    .xfer_read = op_xfer_read,
    .monitor = op_monitor,
    .kill = op_kill,
    .detach = op_detach,
    .pid = op_pid,
    .triple = op_triple,
    .event_support = op_event_support,
    .set_events = op_set_events,
    .catch_syscalls = op_catch_syscalls,
    .kill_process = op_kill_process,
    .detach_process = op_detach_process,
    .set_extended = op_set_extended,
    .run = op_run,
    .tls_address = op_tls_address,
};

struct fake_target *fake_target_new(void)
{
    struct fake_target *ft = g_new0(struct fake_target, 1);

    ft->ops = fake_ops;
    ft->base.ops = &ft->ops;
    ft->td = fake_tdesc();
    ft->pid = FAKE_PID;
    ft->threads = g_array_new(FALSE, TRUE, sizeof(struct fake_thread));
    g_array_set_clear_func(ft->threads, clear_fake_thread);
    fake_target_add_thread(ft, FAKE_PID, FAKE_TID1, "main");
    fake_target_add_thread(ft, FAKE_PID, FAKE_TID2, NULL);
    ft->event_support = RSP_EVENT_FORK | RSP_EVENT_VFORK | RSP_EVENT_EXEC
                        | RSP_EVENT_THREADS;
    ft->caught = g_array_new(FALSE, FALSE, sizeof(uint64_t));
    ft->stopped = g_array_new(FALSE, TRUE, sizeof(struct rsp_stop));
    ft->last_actions = g_array_new(FALSE, TRUE,
                                   sizeof(struct rsp_resume_action));
    /* Register n holds bytes n*16 .. n*16+15: every value distinct. */
    for (int r = 0; r < FAKE_NREGS; r++)
        for (int i = 0; i < 16; i++)
            ft->regs[r][i] = (uint8_t)(r * 16 + i);
    for (int i = 0; i < FAKE_MEM_SIZE; i++)
        ft->mem[i] = (uint8_t)i;
    ft->stop = (struct rsp_stop){
        .kind = RSP_STOP_SIGNAL, .signal = 5,
        .thread = { FAKE_PID, FAKE_TID1 },
    };
    return ft;
}

void fake_target_free(struct fake_target *ft)
{
    if (!ft)
        return;
    fake_tdesc_free(ft->td);
    g_array_unref(ft->last_actions);
    g_free(ft->last_monitor);
    if (ft->auxv)
        g_bytes_unref(ft->auxv);
    g_array_unref(ft->threads);
    g_array_unref(ft->caught);
    g_array_unref(ft->stopped);
    g_strfreev(ft->run_argv);
    g_strfreev(ft->run_env_set);
    g_strfreev(ft->run_env_unset);
    g_free(ft->run_working_dir);
    g_free(ft);
}

/* The debugger's side. */

static void peer_receive(void *opaque, const uint8_t *data, size_t len)
{
    struct fake_peer *peer = opaque;

    g_string_append_len(peer->out, (const char *)data, (gssize)len);
}

struct fake_peer *fake_peer_new(void)
{
    struct fake_peer *peer = g_new0(struct fake_peer, 1);

    peer->ft = fake_target_new();
    peer->out = g_string_new(NULL);
    peer->conn = rsp_conn_new(&peer->ft->base, peer_receive, peer);
    peer->ft->conn = peer->conn;
    return peer;
}

void fake_peer_free(struct fake_peer *peer)
{
    rsp_conn_free(peer->conn);
    fake_target_free(peer->ft);
    g_string_free(peer->out, TRUE);
    g_free(peer);
}

void fake_peer_feed(struct fake_peer *peer, const void *data, size_t len)
{
    rsp_conn_feed(peer->conn, data, len);
}

void fake_peer_send_len(struct fake_peer *peer, const char *payload,
                        size_t len)
{
    GString *frame = g_string_new("$");
    uint8_t sum = 0;

    for (size_t i = 0; i < len; i++)
        sum += (uint8_t)payload[i];
    g_string_append_len(frame, payload, (gssize)len);
    g_string_append_printf(frame, "#%02x", sum);
    fake_peer_feed(peer, frame->str, frame->len);
    g_string_free(frame, TRUE);
}

void fake_peer_send(struct fake_peer *peer, const char *payload)
{
    fake_peer_send_len(peer, payload, strlen(payload));
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;  /* we only ever send lowercase checksums */
}

static void free_gstring(gpointer p)
{
    g_string_free(p, TRUE);
}

GPtrArray *fake_peer_take(struct fake_peer *peer, int *acks, int *naks)
{
    GPtrArray *packets = g_ptr_array_new_with_free_func(free_gstring);
    const char *s = peer->out->str;
    size_t len = peer->out->len, i = 0;

    *acks = *naks = 0;
    while (i < len) {
        if (s[i] == '+') {
            (*acks)++;
            i++;
            continue;
        }
        if (s[i] == '-') {
            (*naks)++;
            i++;
            continue;
        }
        g_assert_cmpint(s[i], ==, '$');
        i++;
        GString *payload = g_string_new(NULL);
        uint8_t sum = 0;
        while (i < len && s[i] != '#') {
            sum += (uint8_t)s[i];
            if (s[i] == '*') {
                g_assert_cmpuint(i + 1, <, len);
                g_assert_cmpuint(payload->len, >, 0);
                int count = (uint8_t)s[i + 1] - 29;
                g_assert_cmpint(count, >=, 3);
                g_assert_cmpint(s[i + 1], !=, '#');
                g_assert_cmpint(s[i + 1], !=, '$');
                sum += (uint8_t)s[i + 1];
                char prev = payload->str[payload->len - 1];
                for (int k = 0; k < count; k++)
                    g_string_append_c(payload, prev);
                i += 2;
                continue;
            }
            g_string_append_c(payload, s[i]);
            i++;
        }
        g_assert_cmpuint(i + 2, <, len);
        int hi = hex_value(s[i + 1]), lo = hex_value(s[i + 2]);
        g_assert_cmpint(hi, >=, 0);
        g_assert_cmpint(lo, >=, 0);
        g_assert_cmpint(hi << 4 | lo, ==, sum);
        i += 3;
        g_ptr_array_add(packets, payload);
    }
    g_string_truncate(peer->out, 0);
    return packets;
}

char *fake_peer_transact(struct fake_peer *peer, const char *payload)
{
    GPtrArray *packets;
    int acks, naks;
    char *reply;

    fake_peer_send(peer, payload);
    packets = fake_peer_take(peer, &acks, &naks);
    g_assert_cmpint(naks, ==, 0);
    g_assert_cmpint(acks, <=, 1);
    g_assert_cmpuint(packets->len, ==, 1);
    reply = g_string_free(g_ptr_array_steal_index(packets, 0), FALSE);
    g_ptr_array_unref(packets);
    return reply;
}

char *fake_peer_stop_reply(struct fake_peer *peer, const struct rsp_stop *stop)
{
    GPtrArray *packets;
    int acks, naks;
    char *reply;

    fake_peer_send(peer, "c");
    packets = fake_peer_take(peer, &acks, &naks);
    g_assert_cmpuint(packets->len, ==, 0);
    g_assert_true(rsp_conn_target_running(peer->conn));
    g_ptr_array_unref(packets);
    rsp_conn_report_stop(peer->conn, stop);
    packets = fake_peer_take(peer, &acks, &naks);
    g_assert_cmpuint(packets->len, ==, 1);
    reply = g_string_free(g_ptr_array_steal_index(packets, 0), FALSE);
    g_ptr_array_unref(packets);
    return reply;
}
