/* `info os TYPE` (qXfer:osdata:read): see user/osdata.h.
 *
 * gdbserver builds these tables from the host's /proc; backstep's guest
 * processes are not host processes, so each table is built from the
 * personality's own state instead, with gdbserver's columns (names and
 * order, which gdb prints as they come) and its formatting of values:
 * octal permissions, keys as signed decimal, an empty column for a time
 * of 0, a pid in place of the command of a process that is not there.
 *
 * Deliberate differences from gdbserver:
 * - a user or group with no name on the host is shown as its number
 *   (gdbserver leaves the column empty, which makes gdb's table
 *   ambiguous);
 * - a command line does not end with a space (gdbserver turns the NUL
 *   after the last argument into one);
 * - every thread runs on "core" 0: there is one host thread for all;
 * - processes that have ended (zombies) are not listed: their command
 *   line and name went with their threads.
 * The "cpus" and "modules" types are not offered: the guest has no
 * kernel modules, and its CPUs are not the host's. */
#define _GNU_SOURCE
#include "config.h"

#include "user/osdata.h"
#include "user/process-debug.h"
#include "user/sysv-ipc.h"
#include "user/user-internal.h"

#include <arpa/inet.h>
#include <grp.h>
#include <inttypes.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- XML ----------------------------------------------------------------
 * Text comes from the guest (command lines, thread names, file names):
 * it may be any bytes. Expat takes only valid UTF-8 and refuses control
 * characters even as character references, so those become U+FFFD and
 * '?' before the markup characters are escaped. */

static void append_text(GString *out, const char *text)
{
    g_autofree char *valid = g_utf8_make_valid(text, -1);

    for (char *c = valid; *c; c++)
        if ((unsigned char)*c < 0x20 && *c != '\t')
            *c = '?';
    g_autofree char *escaped = g_markup_escape_text(valid, -1);
    g_string_append(out, escaped);
}

static void column(GString *out, const char *name, const char *value)
{
    g_string_append_printf(out, "<column name=\"%s\">", name);
    append_text(out, value);
    g_string_append(out, "</column>");
}

static void column_int(GString *out, const char *name, int64_t value)
{
    g_string_append_printf(out, "<column name=\"%s\">%" PRId64 "</column>",
                           name, value);
}

static void column_uint(GString *out, const char *name, uint64_t value)
{
    g_string_append_printf(out, "<column name=\"%s\">%" PRIu64 "</column>",
                           name, value);
}

static void item_begin(GString *out)
{
    g_string_append(out, "<item>");
}

static void item_end(GString *out)
{
    g_string_append(out, "</item>\n");
}

/* ---- Facts about processes ------------------------------------------- */

static bool process_listed(const struct user_process *p)
{
    return !p->exited && p->threads->len > 0;
}

/* /proc/PID/comm: the name of the process's first live thread (the
 * leader while it lives). */
static const char *process_comm(const struct user_process *p)
{
    const struct user_thread *t = g_ptr_array_index(p->threads, 0);
    return t->comm;
}

/* gdbserver's command_from_pid: the name of process pid, or the pid
 * itself as text when there is no such process (0 included). */
static char *command_of_pid(struct user_kernel *k, int64_t pid)
{
    struct user_process *p = pid > 0 ? user_proc_find(k, pid) : NULL;

    if (p && process_listed(p))
        return g_strdup(process_comm(p));
    return g_strdup_printf("%" PRId64, pid);
}

/* /proc/PID/cmdline with the NULs between arguments as spaces; when it
 * cannot be read (the program overwrote its initial stack), the name in
 * brackets, as ps and gdbserver show kernel threads. */
static char *command_line(struct user_process *p)
{
    GBytes *bytes = user_process_proc_file(p, p->pid, "cmdline");
    gsize len = 0;
    const char *data = bytes ? g_bytes_get_data(bytes, &len) : NULL;
    char *text;

    while (len > 0 && data[len - 1] == '\0')
        len--;
    if (len == 0) {
        text = g_strdup_printf("[%s]", process_comm(p));
    } else {
        text = g_malloc(len + 1);
        memcpy(text, data, len);
        text[len] = '\0';
        for (gsize i = 0; i < len; i++)
            if (text[i] == '\0')
                text[i] = ' ';
    }
    if (bytes)
        g_bytes_unref(bytes);
    return text;
}

/* Names of the host's users and groups (the guest's ids are the host's:
 * user-internal.h); the number when the host has no name for it. */
static char *user_name(uint32_t uid)
{
    struct passwd pwd, *found = NULL;
    char buf[4096];

    if (getpwuid_r((uid_t)uid, &pwd, buf, sizeof(buf), &found) == 0 && found)
        return g_strdup(found->pw_name);
    return g_strdup_printf("%" PRIu32, uid);
}

static char *group_name(uint32_t gid)
{
    struct group grp, *found = NULL;
    char buf[4096];

    if (getgrgid_r((gid_t)gid, &grp, buf, sizeof(buf), &found) == 0 && found)
        return g_strdup(found->gr_name);
    return g_strdup_printf("%" PRIu32, gid);
}

static void column_user(GString *out, const char *name, uint32_t uid)
{
    g_autofree char *text = user_name(uid);
    column(out, name, text);
}

static void column_group(GString *out, const char *name, uint32_t gid)
{
    g_autofree char *text = group_name(gid);
    column(out, name, text);
}

static void column_command_of(GString *out, struct user_kernel *k,
                              const char *name, int64_t pid)
{
    g_autofree char *text = command_of_pid(k, pid);
    column(out, name, text);
}

/* backstep keeps no System V times (sysv-ipc.c): gdbserver shows a time
 * of 0 as an empty column. */
static void column_no_time(GString *out, const char *name)
{
    column(out, name, "");
}

/* The processes the tables show, pid order. */
static GPtrArray *listed_processes(struct user_kernel *k)
{
    GPtrArray *list = g_ptr_array_new();

    for (guint i = 0; i < k->procs->len; i++) {
        struct user_process *p = g_ptr_array_index(k->procs, i);
        if (process_listed(p))
            g_ptr_array_add(list, p);
    }
    return list;
}

/* ---- The tables ------------------------------------------------------- */

static void render_processes(struct user_kernel *k, GString *out)
{
    g_autoptr(GPtrArray) procs = listed_processes(k);

    for (guint i = 0; i < procs->len; i++) {
        struct user_process *p = g_ptr_array_index(procs, i);
        g_autofree char *cmd = command_line(p);

        item_begin(out);
        column_int(out, "pid", p->pid);
        column_user(out, "user", p->uid);
        column(out, "command", cmd);
        column(out, "cores", "0");
        item_end(out);
    }
}

static gint compare_i64(gconstpointer a, gconstpointer b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? -1 : x > y;
}

/* gdbserver sorts by group, each group's leader first, then by pid. */
static void render_procgroups(struct user_kernel *k, GString *out)
{
    g_autoptr(GPtrArray) procs = listed_processes(k);
    g_autoptr(GArray) groups = g_array_new(FALSE, FALSE, sizeof(int64_t));

    for (guint i = 0; i < procs->len; i++) {
        const struct user_process *p = g_ptr_array_index(procs, i);
        g_array_append_val(groups, p->pgid);
    }
    g_array_sort(groups, compare_i64);
    for (guint g = 0; g < groups->len; g++) {
        int64_t pgid = g_array_index(groups, int64_t, g);
        if (g > 0 && pgid == g_array_index(groups, int64_t, g - 1))
            continue;
        g_autofree char *leader = command_of_pid(k, pgid);
        for (int leader_pass = 1; leader_pass >= 0; leader_pass--) {
            for (guint i = 0; i < procs->len; i++) {
                struct user_process *p = g_ptr_array_index(procs, i);
                if (p->pgid != pgid || (p->pid == pgid) != leader_pass)
                    continue;
                g_autofree char *cmd = command_line(p);

                item_begin(out);
                column_int(out, "pgid", pgid);
                column(out, "leader command", leader);
                column_int(out, "pid", p->pid);
                column(out, "command line", cmd);
                item_end(out);
            }
        }
    }
}

static void render_threads(struct user_kernel *k, GString *out)
{
    g_autoptr(GPtrArray) procs = listed_processes(k);

    for (guint i = 0; i < procs->len; i++) {
        struct user_process *p = g_ptr_array_index(procs, i);
        for (guint t = 0; t < p->threads->len; t++) {
            const struct user_thread *thread = g_ptr_array_index(p->threads, t);

            item_begin(out);
            column_int(out, "pid", p->pid);
            column(out, "command", process_comm(p));
            column_int(out, "tid", thread->tid);
            column_int(out, "core", 0);
            item_end(out);
        }
    }
}

/* What readlink of /proc/PID/fd/N shows the guest (syscall-fs.c answers
 * it with the host fd's link), a path under the guest root without the
 * root; NULL if the host cannot tell. */
static char *fd_link(const struct user_process *p, int host)
{
    char path[64], target[4096];
    ssize_t len;

    snprintf(path, sizeof(path), "/proc/self/fd/%d", host);
    len = readlink(path, target, sizeof(target) - 1);
    if (len < 0)
        return NULL;
    target[len] = '\0';
    if (p->sysroot && target[0] == '/') {
        size_t root = strlen(p->sysroot);
        while (root > 1 && p->sysroot[root - 1] == '/')
            root--;
        if (root > 1 && strncmp(target, p->sysroot, root) == 0
            && target[root] == '/')
            return g_strdup(target + root);
    }
    return g_strdup(target);
}

static void render_files(struct user_kernel *k, GString *out)
{
    g_autoptr(GPtrArray) procs = listed_processes(k);

    for (guint i = 0; i < procs->len; i++) {
        struct user_process *p = g_ptr_array_index(procs, i);
        for (int fd = 0; fd < USER_FD_MAX; fd++) {
            int host = p->fds[fd].host;
            if (host < 0)
                continue;
            /* A thread's comm file is a memory file on the host
             * (syscall-fs.c): show the path the guest opened. */
            g_autofree char *name =
                p->fds[fd].comm_tid
                    ? g_strdup_printf("/proc/%" PRId64 "/task/%" PRId64
                                      "/comm", p->pid, p->fds[fd].comm_tid)
                    : fd_link(p, host);
            g_autofree char *number = g_strdup_printf("%d", fd);

            item_begin(out);
            column_int(out, "pid", p->pid);
            column(out, "command", process_comm(p));
            column(out, "file descriptor", number);
            column(out, "name", name ? name : number);   /* as gdbserver */
            item_end(out);
        }
    }
}

/* ---- Sockets -----------------------------------------------------------
 * Guest sockets are host sockets (syscall-net.c): the host answers for
 * their addresses and TCP state. Each socket is listed once, however
 * many fds and processes share it, as /proc/net/tcp lists it once. */

/* Linux's TCP states (include/net/tcp_states.h), as gdbserver names them. */
static const char *tcp_state_name(unsigned state)
{
    static const char *const names[] = {
        [1] = "ESTABLISHED", [2] = "SYN_SENT", [3] = "SYN_RECV",
        [4] = "FIN_WAIT1", [5] = "FIN_WAIT2", [6] = "TIME_WAIT",
        [7] = "CLOSE", [8] = "CLOSE_WAIT", [9] = "LAST_ACK",
        [10] = "LISTEN", [11] = "CLOSING",
    };
    if (state < G_N_ELEMENTS(names) && names[state])
        return names[state];
    return "(unknown)";
}

#define TCP_STATE_ESTABLISHED 1
#define TCP_STATE_CLOSE 7

/* The four groups gdbserver lists in this order. */
enum socket_group { TCP4, UDP4, TCP6, UDP6, SOCKET_GROUPS };

/* Address and port of a sockaddr_in/in6, or the family's zero address
 * when there is none (unbound, unconnected). */
static void format_endpoint(int family, const struct sockaddr_storage *ss,
                            bool valid, char *addr, size_t size,
                            unsigned *port)
{
    static const struct in6_addr any6 = IN6ADDR_ANY_INIT;
    struct in_addr any4 = { 0 };
    const void *raw = family == AF_INET ? (const void *)&any4
                                        : (const void *)&any6;

    *port = 0;
    if (valid && ss->ss_family == family) {
        if (family == AF_INET) {
            const struct sockaddr_in *sin = (const void *)ss;
            raw = &sin->sin_addr;
            *port = ntohs(sin->sin_port);
        } else {
            const struct sockaddr_in6 *sin6 = (const void *)ss;
            raw = &sin6->sin6_addr;
            *port = ntohs(sin6->sin6_port);
        }
    }
    if (!inet_ntop(family, raw, addr, (socklen_t)size))
        g_strlcpy(addr, "?", size);
}

static int int_option(int fd, int level, int name)
{
    int value = -1;
    socklen_t len = sizeof(value);

    if (getsockopt(fd, level, name, &value, &len) < 0)
        return -1;
    return value;
}

/* One row for the socket behind host fd, in its group; false if it is
 * not an INET/INET6 TCP or UDP socket. */
static bool socket_row(const struct user_process *p, int host,
                       GString *groups[SOCKET_GROUPS])
{
    int family = int_option(host, SOL_SOCKET, SO_DOMAIN);
    int type = int_option(host, SOL_SOCKET, SO_TYPE);
    int protocol = int_option(host, SOL_SOCKET, SO_PROTOCOL);
    bool tcp, v6 = family == AF_INET6;
    struct sockaddr_storage local, remote;
    socklen_t len;
    bool have_local, have_remote;
    char local_addr[INET6_ADDRSTRLEN], remote_addr[INET6_ADDRSTRLEN];
    unsigned local_port, remote_port, state;

    if (family != AF_INET && family != AF_INET6)
        return false;
    if (type == SOCK_STREAM && protocol == IPPROTO_TCP)
        tcp = true;
    else if (type == SOCK_DGRAM && protocol == IPPROTO_UDP)
        tcp = false;
    else
        return false;

    len = sizeof(local);
    have_local = getsockname(host, (struct sockaddr *)&local, &len) == 0;
    len = sizeof(remote);
    have_remote = getpeername(host, (struct sockaddr *)&remote, &len) == 0;
    format_endpoint(family, &local, have_local, local_addr,
                    sizeof(local_addr), &local_port);
    format_endpoint(family, &remote, have_remote, remote_addr,
                    sizeof(remote_addr), &remote_port);
    if (tcp) {
        struct tcp_info info;
        len = sizeof(info);
        memset(&info, 0, sizeof(info));
        state = getsockopt(host, IPPROTO_TCP, TCP_INFO, &info, &len) == 0
                    ? info.tcpi_state : 0;
    } else {
        /* /proc/net/udp's state: a connected UDP socket is established. */
        state = have_remote ? TCP_STATE_ESTABLISHED : TCP_STATE_CLOSE;
    }

    GString *out = groups[(v6 ? TCP6 : TCP4) + (tcp ? 0 : 1)];
    item_begin(out);
    column(out, "local address", local_addr);
    column_uint(out, "local port", local_port);
    column(out, "remote address", remote_addr);
    column_uint(out, "remote port", remote_port);
    column(out, "state", tcp_state_name(state));
    column_user(out, "user", p->uid);
    column(out, "family", v6 ? "INET6" : "INET");
    column(out, "protocol", tcp ? "STREAM" : "DGRAM");
    item_end(out);
    return true;
}

static void render_sockets(struct user_kernel *k, GString *out)
{
    GString *groups[SOCKET_GROUPS];
    GHashTable *seen = g_hash_table_new_full(g_int64_hash, g_int64_equal,
                                             g_free, NULL);

    for (int g = 0; g < SOCKET_GROUPS; g++)
        groups[g] = g_string_new(NULL);
    g_autoptr(GPtrArray) procs = listed_processes(k);

    for (guint i = 0; i < procs->len; i++) {
        struct user_process *p = g_ptr_array_index(procs, i);
        for (int fd = 0; fd < USER_FD_MAX; fd++) {
            int host = p->fds[fd].host;
            struct stat st;
            if (host < 0 || fstat(host, &st) < 0 || !S_ISSOCK(st.st_mode))
                continue;
            /* Sockets live in one file system: the inode names one. */
            gint64 inode = (gint64)st.st_ino;
            if (g_hash_table_contains(seen, &inode))
                continue;
            if (socket_row(p, host, groups))
                g_hash_table_add(seen, g_memdup2(&inode, sizeof(inode)));
        }
    }
    for (int g = 0; g < SOCKET_GROUPS; g++)
        g_string_append_len(out, groups[g]->str, groups[g]->len);
    for (int g = 0; g < SOCKET_GROUPS; g++)
        g_string_free(groups[g], TRUE);
    g_hash_table_unref(seen);
}

/* ---- System V objects ------------------------------------------------- */

static void column_perm(GString *out, const struct sysv_perm *perm)
{
    g_string_append_printf(out, "<column name=\"permissions\">%o</column>",
                           perm->mode & 07777);
}

static void columns_owners(GString *out, const struct sysv_perm *perm)
{
    column_user(out, "user", perm->uid);
    column_group(out, "group", perm->gid);
    column_user(out, "creator user", perm->cuid);
    column_group(out, "creator group", perm->cgid);
}

static void render_shm(struct user_kernel *k, GString *out)
{
    GArray *list = user_sysv_shm_list(k);

    for (guint i = 0; i < list->len; i++) {
        const struct user_sysv_shm_info *s =
            &g_array_index(list, struct user_sysv_shm_info, i);

        item_begin(out);
        column_int(out, "key", s->perm.key);
        column_int(out, "shmid", s->id);
        column_perm(out, &s->perm);
        column_uint(out, "size", s->size);
        column_command_of(out, k, "creator command", s->cpid);
        column_command_of(out, k, "last op. command", s->lpid);
        column_uint(out, "num attached", s->nattch);
        columns_owners(out, &s->perm);
        column_no_time(out, "last shmat() time");
        column_no_time(out, "last shmdt() time");
        column_no_time(out, "last shmctl() time");
        item_end(out);
    }
    g_array_unref(list);
}

static void render_semaphores(struct user_kernel *k, GString *out)
{
    GArray *list = user_sysv_sem_list(k);

    for (guint i = 0; i < list->len; i++) {
        const struct user_sysv_sem_info *s =
            &g_array_index(list, struct user_sysv_sem_info, i);

        item_begin(out);
        column_int(out, "key", s->perm.key);
        column_int(out, "semid", s->id);
        column_perm(out, &s->perm);
        column_uint(out, "num semaphores", s->nsems);
        columns_owners(out, &s->perm);
        column_no_time(out, "last semop() time");
        column_no_time(out, "last semctl() time");
        item_end(out);
    }
    g_array_unref(list);
}

static void render_msg(struct user_kernel *k, GString *out)
{
    GArray *list = user_sysv_msg_list(k);

    for (guint i = 0; i < list->len; i++) {
        const struct user_sysv_msg_info *q =
            &g_array_index(list, struct user_sysv_msg_info, i);

        item_begin(out);
        column_int(out, "key", q->perm.key);
        column_int(out, "msqid", q->id);
        column_perm(out, &q->perm);
        column_uint(out, "num used bytes", q->cbytes);
        column_uint(out, "num messages", q->qnum);
        column_command_of(out, k, "last msgsnd() command", q->lspid);
        column_command_of(out, k, "last msgrcv() command", q->lrpid);
        columns_owners(out, &q->perm);
        column_no_time(out, "last msgsnd() time");
        column_no_time(out, "last msgrcv() time");
        column_no_time(out, "last msgctl() time");
        item_end(out);
    }
    g_array_unref(list);
}

/* ---- The types -------------------------------------------------------- */

struct osdata_type {
    const char *type;        /* the annex */
    const char *root;        /* <osdata type="..."> as gdbserver names it */
    const char *title;
    const char *description;
    void (*render)(struct user_kernel *k, GString *out);
};

/* gdbserver's order (it lists "cpus" and "modules" too: see the top). */
static const struct osdata_type osdata_types[] = {
    { "files", "files", "File descriptors",
      "Listing of all file descriptors", render_files },
    { "msg", "message queues", "Message queues",
      "Listing of all message queues", render_msg },
    { "processes", "processes", "Processes",
      "Listing of all processes", render_processes },
    { "procgroups", "process groups", "Process groups",
      "Listing of all process groups", render_procgroups },
    { "semaphores", "semaphores", "Semaphores",
      "Listing of all semaphores", render_semaphores },
    { "shm", "shared memory", "Shared-memory regions",
      "Listing of all shared-memory regions", render_shm },
    { "sockets", "I sockets", "Sockets",
      "Listing of all internet-domain sockets", render_sockets },
    { "threads", "threads", "Threads",
      "Listing of all threads", render_threads },
};

static void render_types(GString *out)
{
    for (size_t i = 0; i < G_N_ELEMENTS(osdata_types); i++) {
        item_begin(out);
        column(out, "Type", osdata_types[i].type);
        column(out, "Description", osdata_types[i].description);
        column(out, "Title", osdata_types[i].title);
        item_end(out);
    }
}

GString *user_osdata(struct user_process *any, const char *type)
{
    GString *out;

    if (!any || !type)
        return NULL;
    if (type[0] == '\0' || strcmp(type, "types") == 0) {
        out = g_string_new("<osdata type=\"types\">\n");
        render_types(out);
    } else {
        const struct osdata_type *t = NULL;
        for (size_t i = 0; i < G_N_ELEMENTS(osdata_types); i++)
            if (strcmp(type, osdata_types[i].type) == 0)
                t = &osdata_types[i];
        if (!t)
            return NULL;
        out = g_string_new(NULL);
        g_string_append_printf(out, "<osdata type=\"%s\">\n", t->root);
        t->render(any->kernel, out);
    }
    g_string_append(out, "</osdata>\n");
    return out;
}
