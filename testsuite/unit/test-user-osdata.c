/* `info os` tables (user/osdata.c): a guest program makes one object of
 * each kind gdb's gdb.base/info-os.exp looks for (a shared-memory
 * segment, a semaphore set, a message queue, /dev/null open, a second
 * thread, a listening TCP socket), plus a connected TCP pair, a UDP
 * socket and a child process, then stops at a brk with the ids in
 * x0..x7. Each table is then parsed as gdb would (osdata.dtd's
 * structure) and its rows checked against those ids. */
#include "config.h"

#include "guest-harness.h"

#include "cpu/cpu.h"
#include "user/osdata.h"
#include "user/process.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <inttypes.h>
#include <string.h>
#include <unistd.h>

static const char guest_source_text[] =
    "#define _GNU_SOURCE\n"
    "#include <arpa/inet.h>\n"
    "#include <fcntl.h>\n"
    "#include <pthread.h>\n"
    "#include <stdlib.h>\n"
    "#include <string.h>\n"
    "#include <sys/msg.h>\n"
    "#include <sys/prctl.h>\n"
    "#include <sys/sem.h>\n"
    "#include <sys/shm.h>\n"
    "#include <sys/socket.h>\n"
    "#include <unistd.h>\n"
    "static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;\n"
    "static void *worker(void *arg)\n"
    "{\n"
    "    (void)arg;\n"
    "    pthread_mutex_lock(&lock);\n"
    "    pthread_mutex_unlock(&lock);\n"
    "    return NULL;\n"
    "}\n"
    "static int bound(int type, struct sockaddr_in *a)\n"
    "{\n"
    "    socklen_t len = sizeof(*a);\n"
    "    int s = socket(AF_INET, type, 0);\n"
    "    memset(a, 0, sizeof(*a));\n"
    "    a->sin_family = AF_INET;\n"
    "    a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);\n"
    "    if (s < 0 || bind(s, (struct sockaddr *)a, sizeof(*a)) < 0\n"
    "        || getsockname(s, (struct sockaddr *)a, &len) < 0)\n"
    "        exit(10);\n"
    "    return s;\n"
    "}\n"
    "int main(void)\n"
    "{\n"
    "    struct sockaddr_in la, ua;\n"
    "    pthread_t thread;\n"
    "    int pipefd[2], ready[2];\n"
    "    char c;\n"
    /* A first object of each kind, removed: the ids of the next ones
     * carry a sequence number, so an index is not mistaken for an id. */
    "    shmctl(shmget(IPC_PRIVATE, 4096, 0600), IPC_RMID, NULL);\n"
    "    semctl(semget(IPC_PRIVATE, 1, 0600), 0, IPC_RMID);\n"
    "    msgctl(msgget(IPC_PRIVATE, 0600), IPC_RMID, NULL);\n"
    "    int shmid = shmget(3925, 4096, IPC_CREAT | IPC_EXCL | 0666);\n"
    "    int semid = semget(7428, 1, IPC_CREAT | IPC_EXCL | 0666);\n"
    "    int msqid = msgget(5294, IPC_CREAT | IPC_EXCL | 0640);\n"
    "    struct { long type; char text[5]; } m = { 1, \"hello\" };\n"
    "    if (shmid < 0 || semid < 0 || msqid < 0 || !shmat(shmid, 0, 0)\n"
    "        || msgsnd(msqid, &m, sizeof(m.text), 0) < 0)\n"
    "        return 1;\n"
    "    if (open(\"/dev/null\", O_RDONLY) < 0 || pipe(pipefd) < 0\n"
    "        || pipe(ready) < 0)\n"
    "        return 2;\n"
    "    pthread_mutex_lock(&lock);\n"
    "    if (pthread_create(&thread, NULL, worker, NULL) != 0)\n"
    "        return 3;\n"
    "    pthread_setname_np(thread, \"osdata-worker\");\n"
    "    int listener = bound(SOCK_STREAM, &la);\n"
    "    if (listen(listener, 1) < 0)\n"
    "        return 4;\n"
    "    int client = socket(AF_INET, SOCK_STREAM, 0);\n"
    "    if (client < 0\n"
    "        || connect(client, (struct sockaddr *)&la, sizeof(la)) < 0)\n"
    "        return 5;\n"
    "    int server = accept(listener, NULL, NULL);\n"
    "    if (server < 0)\n"
    "        return 6;\n"
    "    bound(SOCK_DGRAM, &ua);\n"
    "    pid_t child = fork();\n"
    "    if (child == 0) {\n"
    "        prctl(PR_SET_NAME, \"osdata-child\");\n"
    "        write(ready[1], \"!\", 1);\n"
    "        read(pipefd[0], &c, 1);\n"
    "        _exit(0);\n"
    "    }\n"
    "    if (child < 0 || read(ready[0], &c, 1) != 1)\n"
    "        return 7;\n"
    "    if (open(\"/proc/self/comm\", O_WRONLY) != 12)\n"
    "        return 8;\n"
    "    register long x0 __asm__(\"x0\") = ntohs(la.sin_port);\n"
    "    register long x1 __asm__(\"x1\") = shmid;\n"
    "    register long x2 __asm__(\"x2\") = semid;\n"
    "    register long x3 __asm__(\"x3\") = msqid;\n"
    "    register long x4 __asm__(\"x4\") = child;\n"
    "    register long x5 __asm__(\"x5\") = ntohs(ua.sin_port);\n"
    "    register long x6 __asm__(\"x6\") = client;\n"
    "    __asm__ volatile(\"brk #0x77\" :: \"r\"(x0), \"r\"(x1), \"r\"(x2),\n"
    "                     \"r\"(x3), \"r\"(x4), \"r\"(x5), \"r\"(x6));\n"
    "    return 0;\n"
    "}\n";

/* ---- Parsing: osdata.dtd's structure, rows as hash tables ------------ */

struct osdata_doc {
    char *type;              /* <osdata type=...> */
    GPtrArray *rows;         /* of GHashTable column name -> text */
    GPtrArray *row_names;    /* per row, a GPtrArray of column names in
                                order */
    GHashTable *row;         /* the row being read */
    GPtrArray *names;
    char *column;            /* the column being read */
    GString *text;
    int depth;
};

static void start_element(GMarkupParseContext *ctx, const char *element,
                          const char **names, const char **values,
                          gpointer data, GError **error)
{
    struct osdata_doc *doc = data;
    (void)ctx;

    if (doc->depth == 0 && strcmp(element, "osdata") == 0) {
        const char *type = NULL;
        g_markup_collect_attributes(element, names, values, error,
                                    G_MARKUP_COLLECT_STRING, "type", &type,
                                    G_MARKUP_COLLECT_INVALID);
        doc->type = g_strdup(type);
    } else if (doc->depth == 1 && strcmp(element, "item") == 0) {
        doc->row = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                         g_free);
        doc->names = g_ptr_array_new();
    } else if (doc->depth == 2 && strcmp(element, "column") == 0) {
        const char *name = NULL;
        if (g_markup_collect_attributes(element, names, values, error,
                                        G_MARKUP_COLLECT_STRING, "name",
                                        &name, G_MARKUP_COLLECT_INVALID)) {
            doc->column = g_strdup(name);
            g_string_truncate(doc->text, 0);
        }
    } else {
        g_set_error(error, G_MARKUP_ERROR, G_MARKUP_ERROR_UNKNOWN_ELEMENT,
                    "<%s> at depth %d", element, doc->depth);
    }
    doc->depth++;
}

static void end_element(GMarkupParseContext *ctx, const char *element,
                        gpointer data, GError **error)
{
    struct osdata_doc *doc = data;
    (void)ctx;
    (void)error;

    doc->depth--;
    if (strcmp(element, "column") == 0) {
        g_assert_false(g_hash_table_contains(doc->row, doc->column));
        g_ptr_array_add(doc->names, doc->column);
        g_hash_table_insert(doc->row, g_strdup(doc->column),
                            g_strdup(doc->text->str));
        doc->column = NULL;
    } else if (strcmp(element, "item") == 0) {
        g_ptr_array_add(doc->rows, doc->row);
        g_ptr_array_add(doc->row_names, doc->names);
        doc->row = NULL;
        doc->names = NULL;
    }
}

static void text(GMarkupParseContext *ctx, const char *s, gsize len,
                 gpointer data, GError **error)
{
    struct osdata_doc *doc = data;
    (void)ctx;

    if (doc->column) {
        g_string_append_len(doc->text, s, len);
        return;
    }
    for (gsize i = 0; i < len; i++)
        if (!g_ascii_isspace(s[i]))
            g_set_error(error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                        "text outside a column");
}

static void free_names(gpointer names)
{
    g_ptr_array_set_free_func(names, g_free);
    g_ptr_array_unref(names);
}

static struct osdata_doc *osdata_parse(const GString *xml)
{
    static const GMarkupParser parser = {
        .start_element = start_element,
        .end_element = end_element,
        .text = text,
    };
    struct osdata_doc *doc = g_new0(struct osdata_doc, 1);
    GError *error = NULL;

    doc->rows = g_ptr_array_new_with_free_func(
        (GDestroyNotify)g_hash_table_unref);
    doc->row_names = g_ptr_array_new_with_free_func(free_names);
    doc->text = g_string_new(NULL);
    GMarkupParseContext *ctx = g_markup_parse_context_new(&parser, 0, doc,
                                                          NULL);
    g_markup_parse_context_parse(ctx, xml->str, xml->len, &error);
    g_assert_no_error(error);
    g_markup_parse_context_end_parse(ctx, &error);
    g_assert_no_error(error);
    g_markup_parse_context_free(ctx);
    g_assert_nonnull(doc->type);
    return doc;
}

static void osdata_doc_free(struct osdata_doc *doc)
{
    g_free(doc->type);
    g_ptr_array_unref(doc->rows);
    g_ptr_array_unref(doc->row_names);
    g_string_free(doc->text, TRUE);
    g_free(doc);
}

/* Every row has exactly these columns, in this order (gdb prints them
 * as they come: the header is the first row's). */
static void assert_columns(const struct osdata_doc *doc,
                           const char *const *expected)
{
    for (guint r = 0; r < doc->row_names->len; r++) {
        GPtrArray *names = g_ptr_array_index(doc->row_names, r);
        guint n = 0;
        while (expected[n])
            n++;
        g_assert_cmpuint(names->len, ==, n);
        for (guint i = 0; i < n; i++)
            g_assert_cmpstr(g_ptr_array_index(names, i), ==, expected[i]);
    }
}

static const char *cell(GHashTable *row, const char *column)
{
    const char *v = g_hash_table_lookup(row, column);
    g_assert_nonnull(v);
    return v;
}

/* The rows whose column equals value. */
static GPtrArray *rows_where(const struct osdata_doc *doc, const char *column,
                             const char *value)
{
    GPtrArray *out = g_ptr_array_new();
    for (guint r = 0; r < doc->rows->len; r++) {
        GHashTable *row = g_ptr_array_index(doc->rows, r);
        if (g_strcmp0(g_hash_table_lookup(row, column), value) == 0)
            g_ptr_array_add(out, row);
    }
    return out;
}

/* The one row whose column equals value. */
static GHashTable *row_where(const struct osdata_doc *doc, const char *column,
                             const char *value)
{
    g_autoptr(GPtrArray) rows = rows_where(doc, column, value);
    if (rows->len != 1)
        g_error("%u rows with %s = %s", rows->len, column, value);
    return g_ptr_array_index(rows, 0);
}

static struct osdata_doc *table(struct user_process *p, const char *type)
{
    GString *xml = user_osdata(p, type);
    g_assert_nonnull(xml);
    g_test_message("%s:\n%s", type, xml->str);
    struct osdata_doc *doc = osdata_parse(xml);
    g_string_free(xml, TRUE);
    return doc;
}

/* ---- The guest, stopped at its brk ------------------------------------ */

/* An argument XML cannot carry as it is (a control character, a byte
 * that is not UTF-8, quotes), and how the tables show it. */
#define GUEST_ODD_ARG "\x01\xff\"'"
#define GUEST_COMMAND_LINE "osdata-guest first arg <&> ?\xef\xbf\xbd\"'"

/* The guest, compiled once for all the tests (NULL: the cross compiler
 * is missing, and the tests skip). */
static char *guest_dir, *guest_program;

static void guest_build(void)
{
    GError *error = NULL;

    guest_dir = g_dir_make_tmp("backstep-osdata-XXXXXX", &error);
    g_assert_no_error(error);
    g_autofree char *src = g_build_filename(guest_dir, "osdata-guest.c", NULL);
    g_assert_true(g_file_set_contents(src, guest_source_text, -1, &error));
    g_assert_no_error(error);
    static const char *const flags[] = { "-static", "-O1", "-pthread", NULL };
    guest_program = guest_compile(src, guest_dir, "osdata-guest", flags);
}

struct stopped_guest {
    struct user_process *p;
    int64_t pid, child;
    int64_t tcp_port, udp_port, client_fd;
    int64_t shmid, semid, msqid;
    char *pid_text;
};

static bool guest_start(struct stopped_guest *g)
{
    GError *error = NULL;

    memset(g, 0, sizeof(*g));
    if (guest_skip_unbuilt(guest_program, "the osdata guest"))
        return false;

    char *argv[] = { "osdata-guest", "first arg", "<&>", GUEST_ODD_ARG,
                     NULL };
    char *envp[] = { "LANG=C", NULL };
    g->p = user_process_new(guest_program, argv, envp, NULL, &error);
    g_assert_no_error(error);
    struct user_event ev;
    for (int slices = 0;; slices++) {
        g_assert_cmpint(slices, <, 2000);
        user_process_run(g->p, 1000000, &ev);
        if (ev.kind != USER_EVENT_BUDGET)
            break;
    }
    g_assert_cmpint(ev.kind, ==, USER_EVENT_SIGNAL);
    g_assert_cmpint(ev.signal, ==, 5);      /* SIGTRAP of the brk */
    const struct cpu_state *cpu = user_process_thread_cpu(g->p, ev.tid);
    g_assert_nonnull(cpu);
    g->pid = ev.pid;
    g->tcp_port = (int64_t)cpu->x[0];
    g->shmid = (int64_t)cpu->x[1];
    g->semid = (int64_t)cpu->x[2];
    g->msqid = (int64_t)cpu->x[3];
    g->child = (int64_t)cpu->x[4];
    g->udp_port = (int64_t)cpu->x[5];
    g->client_fd = (int64_t)cpu->x[6];
    g_assert_cmpint(g->tcp_port, >, 0);
    g_assert_cmpint(g->udp_port, >, 0);
    g_assert_cmpint(g->child, >, g->pid);
    g_assert_cmpint(g->shmid, >, 0);
    g_assert_cmpint(g->semid, >, 0);
    g_assert_cmpint(g->msqid, >, 0);
    g->pid_text = g_strdup_printf("%" PRId64, g->pid);
    return true;
}

static void guest_end(struct stopped_guest *g)
{
    user_process_free(g->p);
    g_free(g->pid_text);
}

static char *text_of(int64_t v)
{
    return g_strdup_printf("%" PRId64, v);
}

/* ---- Tests ------------------------------------------------------------- */

static void test_types(void)
{
    static const char *const columns[] = { "Type", "Description", "Title",
                                           NULL };
    static const char *const types[] = {
        "files", "msg", "processes", "procgroups", "semaphores", "shm",
        "sockets", "threads",
    };
    /* The list needs no guest state: any process will do. */
    struct stopped_guest g;
    if (!guest_start(&g))
        return;

    struct osdata_doc *doc = table(g.p, "");
    g_assert_cmpstr(doc->type, ==, "types");
    assert_columns(doc, columns);
    g_assert_cmpuint(doc->rows->len, ==, G_N_ELEMENTS(types));
    for (guint i = 0; i < G_N_ELEMENTS(types); i++) {
        GHashTable *row = g_ptr_array_index(doc->rows, i);
        g_assert_cmpstr(cell(row, "Type"), ==, types[i]);
        /* Each listed type has its own table. */
        GString *xml = user_osdata(g.p, types[i]);
        g_assert_nonnull(xml);
        g_string_free(xml, TRUE);
    }
    g_assert_cmpstr(cell(row_where(doc, "Type", "shm"), "Title"), ==,
                    "Shared-memory regions");
    osdata_doc_free(doc);

    doc = table(g.p, "types");
    g_assert_cmpuint(doc->rows->len, ==, G_N_ELEMENTS(types));
    osdata_doc_free(doc);

    g_assert_null(user_osdata(g.p, "unknown_entry"));
    g_assert_null(user_osdata(g.p, "cpus"));
    g_assert_null(user_osdata(g.p, "processes "));
    guest_end(&g);
}

static void test_processes(void)
{
    static const char *const columns[] = { "pid", "user", "command", "cores",
                                           NULL };
    static const char *const group_columns[] = {
        "pgid", "leader command", "pid", "command line", NULL };
    struct stopped_guest g;
    if (!guest_start(&g))
        return;

    struct osdata_doc *doc = table(g.p, "processes");
    g_assert_cmpstr(doc->type, ==, "processes");
    assert_columns(doc, columns);
    g_assert_cmpuint(doc->rows->len, ==, 2);
    GHashTable *row = row_where(doc, "pid", g.pid_text);
    g_assert_cmpstr(cell(row, "command"), ==, GUEST_COMMAND_LINE);
    g_assert_cmpstr(cell(row, "cores"), ==, "0");
    g_assert_cmpstr(cell(row, "user"), !=, "");
    g_autofree char *child = text_of(g.child);
    /* fork's child keeps the parent's argv. */
    g_assert_cmpstr(cell(row_where(doc, "pid", child), "command"), ==,
                    GUEST_COMMAND_LINE);
    osdata_doc_free(doc);

    doc = table(g.p, "procgroups");
    g_assert_cmpstr(doc->type, ==, "process groups");
    assert_columns(doc, group_columns);
    g_assert_cmpuint(doc->rows->len, ==, 2);
    row = g_ptr_array_index(doc->rows, 0);      /* the leader first */
    g_assert_cmpstr(cell(row, "pgid"), ==, g.pid_text);
    g_assert_cmpstr(cell(row, "pid"), ==, g.pid_text);
    g_assert_cmpstr(cell(row, "leader command"), ==, "osdata-guest");
    g_assert_cmpstr(cell(row, "command line"), ==,
                    GUEST_COMMAND_LINE);
    row = g_ptr_array_index(doc->rows, 1);
    g_assert_cmpstr(cell(row, "pgid"), ==, g.pid_text);
    g_assert_cmpstr(cell(row, "pid"), ==, child);
    g_assert_cmpstr(cell(row, "leader command"), ==, "osdata-guest");
    osdata_doc_free(doc);
    guest_end(&g);
}

static void test_threads(void)
{
    static const char *const columns[] = { "pid", "command", "tid", "core",
                                           NULL };
    struct stopped_guest g;
    if (!guest_start(&g))
        return;

    struct osdata_doc *doc = table(g.p, "threads");
    g_assert_cmpstr(doc->type, ==, "threads");
    assert_columns(doc, columns);
    g_autoptr(GPtrArray) mine = rows_where(doc, "pid", g.pid_text);
    g_assert_cmpuint(mine->len, ==, 2);         /* main and worker */
    GHashTable *main_row = g_ptr_array_index(mine, 0);
    GHashTable *worker = g_ptr_array_index(mine, 1);
    g_assert_cmpstr(cell(main_row, "tid"), ==, g.pid_text);
    g_assert_cmpint(g_ascii_strtoll(cell(worker, "tid"), NULL, 10), >, g.pid);
    /* The process's name, not the thread's (as gdbserver). */
    g_assert_cmpstr(cell(worker, "command"), ==, "osdata-guest");
    g_assert_cmpstr(cell(worker, "core"), ==, "0");
    g_autofree char *child = text_of(g.child);
    GHashTable *child_row = row_where(doc, "pid", child);
    g_assert_cmpstr(cell(child_row, "command"), ==, "osdata-child");
    g_assert_cmpstr(cell(child_row, "tid"), ==, child);
    g_assert_cmpuint(doc->rows->len, ==, 3);
    osdata_doc_free(doc);
    guest_end(&g);
}

static void test_files(void)
{
    static const char *const columns[] = { "pid", "command",
                                           "file descriptor", "name", NULL };
    struct stopped_guest g;
    if (!guest_start(&g))
        return;

    struct osdata_doc *doc = table(g.p, "files");
    g_assert_cmpstr(doc->type, ==, "files");
    assert_columns(doc, columns);
    g_autoptr(GPtrArray) devnull = rows_where(doc, "name", "/dev/null");
    bool found = false;
    for (guint i = 0; i < devnull->len; i++) {
        GHashTable *row = g_ptr_array_index(devnull, i);
        if (strcmp(cell(row, "pid"), g.pid_text) == 0
            && strcmp(cell(row, "file descriptor"), "3") == 0) {
            g_assert_cmpstr(cell(row, "command"), ==, "osdata-guest");
            found = true;
        }
    }
    g_assert_true(found);
    /* The client socket at its guest fd, named as Linux names sockets. */
    g_autoptr(GPtrArray) mine = rows_where(doc, "pid", g.pid_text);
    g_autofree char *client = text_of(g.client_fd);
    found = false;
    for (guint i = 0; i < mine->len; i++) {
        GHashTable *row = g_ptr_array_index(mine, i);
        if (strcmp(cell(row, "file descriptor"), client) == 0) {
            g_assert_true(g_str_has_prefix(cell(row, "name"), "socket:["));
            found = true;
        }
    }
    g_assert_true(found);
    /* The comm file opened for writing, by the path the guest named. */
    g_autofree char *comm_path = g_strdup_printf("/proc/%s/task/%s/comm",
                                                 g.pid_text, g.pid_text);
    GHashTable *comm = row_where(doc, "name", comm_path);
    g_assert_cmpstr(cell(comm, "file descriptor"), ==, "12");
    g_assert_cmpstr(cell(comm, "pid"), ==, g.pid_text);
    /* The child inherited the rest (the pipe: fds 4 and 5). */
    g_autofree char *child = text_of(g.child);
    g_autoptr(GPtrArray) theirs = rows_where(doc, "pid", child);
    g_assert_cmpuint(theirs->len + 1, ==, mine->len);
    for (guint i = 0; i < theirs->len; i++) {
        GHashTable *row = g_ptr_array_index(theirs, i);
        if (strcmp(cell(row, "file descriptor"), "4") == 0)
            g_assert_true(g_str_has_prefix(cell(row, "name"), "pipe:["));
    }
    osdata_doc_free(doc);
    guest_end(&g);
}

static void test_sockets(void)
{
    static const char *const columns[] = {
        "local address", "local port", "remote address", "remote port",
        "state", "user", "family", "protocol", NULL };
    struct stopped_guest g;
    if (!guest_start(&g))
        return;

    struct osdata_doc *doc = table(g.p, "sockets");
    g_assert_cmpstr(doc->type, ==, "I sockets");
    assert_columns(doc, columns);
    /* The listener, the two ends of its connection, the UDP socket: once
     * each although parent and child both hold them. */
    g_assert_cmpuint(doc->rows->len, ==, 4);
    g_autofree char *port = text_of(g.tcp_port);
    g_autofree char *udp_port = text_of(g.udp_port);

    GHashTable *listener = row_where(doc, "state", "LISTEN");
    g_assert_cmpstr(cell(listener, "local address"), ==, "127.0.0.1");
    g_assert_cmpstr(cell(listener, "local port"), ==, port);
    g_assert_cmpstr(cell(listener, "remote address"), ==, "0.0.0.0");
    g_assert_cmpstr(cell(listener, "remote port"), ==, "0");
    g_assert_cmpstr(cell(listener, "family"), ==, "INET");
    g_assert_cmpstr(cell(listener, "protocol"), ==, "STREAM");
    g_assert_cmpstr(cell(listener, "user"), !=, "");

    g_autoptr(GPtrArray) established = rows_where(doc, "state",
                                                  "ESTABLISHED");
    g_assert_cmpuint(established->len, ==, 2);
    GHashTable *client = g_ptr_array_index(established, 0);
    GHashTable *server = g_ptr_array_index(established, 1);
    if (strcmp(cell(client, "remote port"), port) != 0) {
        GHashTable *swap = client;
        client = server;
        server = swap;
    }
    g_assert_cmpstr(cell(client, "remote port"), ==, port);
    g_assert_cmpstr(cell(client, "remote address"), ==, "127.0.0.1");
    g_assert_cmpstr(cell(server, "local port"), ==, port);
    g_assert_cmpstr(cell(server, "remote port"), ==,
                    cell(client, "local port"));

    GHashTable *udp = row_where(doc, "protocol", "DGRAM");
    g_assert_cmpstr(cell(udp, "local port"), ==, udp_port);
    g_assert_cmpstr(cell(udp, "state"), ==, "CLOSE");
    /* gdbserver's order: TCP over IPv4 first, then UDP. */
    g_assert_true(g_ptr_array_index(doc->rows, 3) == udp);
    osdata_doc_free(doc);
    guest_end(&g);
}

static void test_sysv(void)
{
    static const char *const shm_columns[] = {
        "key", "shmid", "permissions", "size", "creator command",
        "last op. command", "num attached", "user", "group", "creator user",
        "creator group", "last shmat() time", "last shmdt() time",
        "last shmctl() time", NULL };
    static const char *const sem_columns[] = {
        "key", "semid", "permissions", "num semaphores", "user", "group",
        "creator user", "creator group", "last semop() time",
        "last semctl() time", NULL };
    static const char *const msg_columns[] = {
        "key", "msqid", "permissions", "num used bytes", "num messages",
        "last msgsnd() command", "last msgrcv() command", "user", "group",
        "creator user", "creator group", "last msgsnd() time",
        "last msgrcv() time", "last msgctl() time", NULL };
    struct stopped_guest g;
    if (!guest_start(&g))
        return;

    struct osdata_doc *doc = table(g.p, "shm");
    g_assert_cmpstr(doc->type, ==, "shared memory");
    assert_columns(doc, shm_columns);
    g_assert_cmpuint(doc->rows->len, ==, 1);
    GHashTable *row = g_ptr_array_index(doc->rows, 0);
    g_autofree char *shmid = text_of(g.shmid);
    g_assert_cmpstr(cell(row, "key"), ==, "3925");
    g_assert_cmpstr(cell(row, "shmid"), ==, shmid);
    g_assert_cmpstr(cell(row, "permissions"), ==, "666");
    g_assert_cmpstr(cell(row, "size"), ==, "4096");
    g_assert_cmpstr(cell(row, "creator command"), ==, "osdata-guest");
    g_assert_cmpstr(cell(row, "last op. command"), ==, "osdata-guest");
    /* Attached in the parent, and in the child it forked. */
    g_assert_cmpstr(cell(row, "num attached"), ==, "2");
    g_assert_cmpstr(cell(row, "user"), ==, cell(row, "creator user"));
    g_assert_cmpstr(cell(row, "group"), ==, cell(row, "creator group"));
    g_assert_cmpstr(cell(row, "last shmat() time"), ==, "");
    osdata_doc_free(doc);

    doc = table(g.p, "semaphores");
    g_assert_cmpstr(doc->type, ==, "semaphores");
    assert_columns(doc, sem_columns);
    g_assert_cmpuint(doc->rows->len, ==, 1);
    row = g_ptr_array_index(doc->rows, 0);
    g_autofree char *semid = text_of(g.semid);
    g_assert_cmpstr(cell(row, "key"), ==, "7428");
    g_assert_cmpstr(cell(row, "semid"), ==, semid);
    g_assert_cmpstr(cell(row, "permissions"), ==, "666");
    g_assert_cmpstr(cell(row, "num semaphores"), ==, "1");
    osdata_doc_free(doc);

    doc = table(g.p, "msg");
    g_assert_cmpstr(doc->type, ==, "message queues");
    assert_columns(doc, msg_columns);
    g_assert_cmpuint(doc->rows->len, ==, 1);
    row = g_ptr_array_index(doc->rows, 0);
    g_autofree char *msqid = text_of(g.msqid);
    g_assert_cmpstr(cell(row, "key"), ==, "5294");
    g_assert_cmpstr(cell(row, "msqid"), ==, msqid);
    g_assert_cmpstr(cell(row, "permissions"), ==, "640");
    g_assert_cmpstr(cell(row, "num used bytes"), ==, "5");
    g_assert_cmpstr(cell(row, "num messages"), ==, "1");
    g_assert_cmpstr(cell(row, "last msgsnd() command"), ==, "osdata-guest");
    /* Nobody received yet: pid 0, which gdbserver shows as itself. */
    g_assert_cmpstr(cell(row, "last msgrcv() command"), ==, "0");
    osdata_doc_free(doc);
    guest_end(&g);
}

/* A process that has not run yet: one process, one thread, no objects;
 * the empty tables are still whole documents. */
static void test_before_start(void)
{
    GError *error = NULL;

    if (guest_skip_unbuilt(guest_program, "the osdata guest"))
        return;
    char *argv[] = { "osdata-guest", NULL };
    struct user_process *p = user_process_new(guest_program, argv, NULL,
                                              NULL, &error);
    g_assert_no_error(error);
    static const char *const empty[] = { "shm", "semaphores", "msg",
                                         "sockets" };
    for (guint i = 0; i < G_N_ELEMENTS(empty); i++) {
        struct osdata_doc *doc = table(p, empty[i]);
        g_assert_cmpuint(doc->rows->len, ==, 0);
        osdata_doc_free(doc);
    }
    struct osdata_doc *doc = table(p, "threads");
    g_assert_cmpuint(doc->rows->len, ==, 1);
    osdata_doc_free(doc);
    doc = table(p, "processes");
    g_assert_cmpuint(doc->rows->len, ==, 1);
    g_assert_cmpstr(cell(g_ptr_array_index(doc->rows, 0), "command"), ==,
                    "osdata-guest");
    osdata_doc_free(doc);
    user_process_free(p);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/user/osdata/types", test_types);
    g_test_add_func("/user/osdata/processes", test_processes);
    g_test_add_func("/user/osdata/threads", test_threads);
    g_test_add_func("/user/osdata/files", test_files);
    g_test_add_func("/user/osdata/sockets", test_sockets);
    g_test_add_func("/user/osdata/sysv", test_sysv);
    g_test_add_func("/user/osdata/before-start", test_before_start);
    guest_build();
    int status = g_test_run();
    guest_discard(guest_program);
    guest_tmpdir_remove(guest_dir);
    return status;
}
