/* The debugger's socket: listen, accept one connection, move bytes between
 * it and the protocol engine. A second connection while one is active is
 * refused: two debuggers driving one program would only confuse both. */
#include "config.h"

#include "server/gdb-server.h"

#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gio.h>
#include <gio/gunixsocketaddress.h>

#include "rsp/conn.h"
#include "server/gdb-target.h"

struct gdb_server {
    GSocketListener *listener;
    GSocketAddress *address;     /* where we listen (port resolved) */
    char *unix_path;             /* to unlink at the end */
    struct gdb_target *target;
    GMainLoop *loop;

    GSocketConnection *connection;
    GSocket *socket;
    GSource *read_source;
    struct rsp_conn *rsp;
    bool session_over;
    bool keep_listening;         /* --multi: outlive a lost connection */
};

/* "[HOST:]PORT", ":PORT", "unix:PATH"; the default host is loopback. */
static GSocketAddress *parse_address(const char *spec, char **unix_path,
                                     GError **error)
{
    const char *colon;
    g_autofree char *host = NULL;
    const char *port_text;
    char *end;
    unsigned long port;
    GInetAddress *inet;
    GSocketAddress *addr;

    if (g_str_has_prefix(spec, "unix:")) {
        if (!spec[5]) {
            g_set_error(error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                        "--gdb %s: no socket path after 'unix:'", spec);
            return NULL;
        }
        *unix_path = g_strdup(spec + 5);
        return g_unix_socket_address_new(spec + 5);
    }

    colon = strrchr(spec, ':');
    if (colon) {
        host = g_strndup(spec, colon - spec);
        port_text = colon + 1;
    } else {
        port_text = spec;
    }
    /* "[::1]:1234" */
    if (host && host[0] == '[' && host[strlen(host) - 1] == ']') {
        char *inner = g_strndup(host + 1, strlen(host) - 2);
        g_free(host);
        host = inner;
    }
    if (!host || !*host || !strcmp(host, "localhost")) {
        g_free(host);
        host = g_strdup("127.0.0.1");
    }

    errno = 0;
    port = strtoul(port_text, &end, 10);
    if (!*port_text || *end || errno || port > 65535) {
        g_set_error(error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                    "--gdb %s: '%s' is not a port number (0-65535)", spec,
                    port_text);
        return NULL;
    }
    inet = g_inet_address_new_from_string(host);
    if (!inet) {
        g_set_error(error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                    "--gdb %s: '%s' is not a numeric IP address", spec, host);
        return NULL;
    }
    addr = g_inet_socket_address_new(inet, (guint16)port);
    g_object_unref(inet);
    return addr;
}

/* Remove a socket file left at path by an earlier run; anything else that
 * is there (a user's file named by mistake) is left alone, and binding
 * then fails with a message. */
static void remove_stale_socket(const char *path)
{
    struct stat st;

    if (lstat(path, &st) == 0 && S_ISSOCK(st.st_mode))
        unlink(path);
}

static void send_bytes(void *opaque, const uint8_t *data, size_t len)
{
    struct gdb_server *s = opaque;
    GError *error = NULL;

    while (len && s->socket) {
        gssize n = g_socket_send(s->socket, (const char *)data, len, NULL,
                                 &error);
        if (n < 0) {
            fprintf(stderr, "backstep: debugger connection: %s\n",
                    error->message);
            g_clear_error(&error);
            return;
        }
        data += n;
        len -= (size_t)n;
    }
}

/* Whether the debugger sent Ctrl-C (0x03) while a packet's work is under
 * way (a long reverse move answers only when done, so the byte waits in
 * the socket): taken out of the socket if so. Acks ('+') of earlier
 * replies may come before it and go with it; anything else is a packet
 * for the protocol engine afterwards, left where it is. One read with the
 * packet already took in may hold it too: the connection has it then. */
static bool poll_for_interrupt(void *opaque)
{
    struct gdb_server *s = opaque;
    char buf[64];
    ssize_t n, i = 0;
    int fd;

    if (!s->socket)
        return false;
    if (s->rsp && rsp_conn_take_interrupt(s->rsp))
        return true;
    fd = g_socket_get_fd(s->socket);
    n = recv(fd, buf, sizeof buf, MSG_PEEK | MSG_DONTWAIT);
    while (i < n && buf[i] == '+')
        i++;
    if (i >= n || buf[i] != 0x03)
        return false;
    return recv(fd, buf, (size_t)i + 1, MSG_DONTWAIT) == i + 1;
}

/* Also called from the read source's own callback: destroying a source
 * while it dispatches is allowed, and it then returns G_SOURCE_REMOVE. */
static void end_connection(struct gdb_server *s)
{
    if (s->read_source) {
        g_source_destroy(s->read_source);
        g_source_unref(s->read_source);
        s->read_source = NULL;
    }
    if (s->connection) {
        g_io_stream_close(G_IO_STREAM(s->connection), NULL, NULL);
        g_clear_object(&s->connection);
    }
    s->socket = NULL;
    gdb_target_set_conn(s->target, NULL);
    gdb_target_set_interrupt_poll(s->target, NULL, NULL);
    if (s->rsp) {
        rsp_conn_free(s->rsp);
        s->rsp = NULL;
    }
}

static void finish_session(struct gdb_server *s)
{
    s->session_over = true;
    g_main_loop_quit(s->loop);
}

static gboolean on_readable(GSocket *socket, GIOCondition cond, gpointer data)
{
    struct gdb_server *s = data;
    char buf[65536];
    GError *error = NULL;
    gssize n = g_socket_receive(socket, buf, sizeof buf, NULL, &error);

    if (n <= 0) {
        if (n < 0) {
            fprintf(stderr, "backstep: debugger connection: %s\n",
                    error->message);
            g_clear_error(&error);
        } else if (gdb_target_session_end(s->target) == GDB_SESSION_ACTIVE) {
            fprintf(stderr, "backstep: the debugger disconnected\n");
        }
        /* The program stays stopped where it is, its breakpoints gone.
         * Like gdbserver, losing the debugger ends the session, unless
         * --multi asked to wait for the next one. */
        gdb_target_disconnected(s->target);
        end_connection(s);
        if (s->keep_listening &&
            gdb_target_session_end(s->target) == GDB_SESSION_ACTIVE) {
            g_autofree char *where = gdb_server_address(s);
            fprintf(stderr, "backstep: waiting for the next debugger on %s\n",
                    where);
            return G_SOURCE_REMOVE;
        }
        finish_session(s);
        return G_SOURCE_REMOVE;
    }
    rsp_conn_feed(s->rsp, (const uint8_t *)buf, (size_t)n);
    if (rsp_conn_finished(s->rsp)) {
        end_connection(s);
        finish_session(s);
        return G_SOURCE_REMOVE;
    }
    return G_SOURCE_CONTINUE;
}

static gboolean on_incoming(GSocketService *service,
                            GSocketConnection *connection, GObject *source,
                            gpointer data)
{
    struct gdb_server *s = data;
    GSocket *socket = g_socket_connection_get_socket(connection);
    g_autoptr(GSocketAddress) peer =
        g_socket_connection_get_remote_address(connection, NULL);
    g_autofree char *peer_text =
        peer && G_IS_INET_SOCKET_ADDRESS(peer)
            ? g_inet_address_to_string(
                  g_inet_socket_address_get_address(G_INET_SOCKET_ADDRESS(peer)))
            : g_strdup("a local socket");

    /* The active debugger may have gone already, its end of file still
     * unread (a client that closes and reconnects at once): take in what
     * it sent first, so a reconnection is not mistaken for a second
     * debugger. */
    while (s->connection &&
           g_socket_condition_check(s->socket, G_IO_IN | G_IO_HUP | G_IO_ERR))
        if (on_readable(s->socket, G_IO_IN, s) == G_SOURCE_REMOVE)
            break;

    if (s->connection || s->session_over) {
        fprintf(stderr,
                "backstep: refused a second debugger connection from %s "
                "(one is already attached)\n",
                peer_text);
        g_io_stream_close(G_IO_STREAM(connection), NULL, NULL);
        return TRUE;
    }

    s->connection = g_object_ref(connection);
    s->socket = socket;
    g_socket_set_blocking(socket, TRUE);
    if (G_IS_INET_SOCKET_ADDRESS(peer))
        /* Packets are small and latency-bound: do not wait to coalesce. */
        g_socket_set_option(socket, IPPROTO_TCP, TCP_NODELAY, 1, NULL);

    s->rsp = rsp_conn_new(gdb_target_rsp(s->target), send_bytes, s);
    gdb_target_set_conn(s->target, s->rsp);
    gdb_target_set_interrupt_poll(s->target, poll_for_interrupt, s);
    s->read_source = g_socket_create_source(socket, G_IO_IN | G_IO_HUP | G_IO_ERR,
                                            NULL);
    g_source_set_callback(s->read_source, (GSourceFunc)(void (*)(void))on_readable,
                          s, NULL);
    g_source_attach(s->read_source, NULL);
    fprintf(stderr, "backstep: debugger connected from %s\n", peer_text);
    return TRUE;
}

struct gdb_server *gdb_server_new(const char *spec, struct gdb_target *target,
                                  bool keep_listening, GError **error)
{
    struct gdb_server *s = g_new0(struct gdb_server, 1);
    g_autoptr(GSocketAddress) want = parse_address(spec, &s->unix_path, error);

    if (!want) {
        g_free(s);
        return NULL;
    }
    s->target = target;
    s->keep_listening = keep_listening;
    s->loop = g_main_loop_new(NULL, FALSE);
    s->listener = G_SOCKET_LISTENER(g_socket_service_new());
    if (s->unix_path)
        remove_stale_socket(s->unix_path);
    if (!g_socket_listener_add_address(s->listener, want, G_SOCKET_TYPE_STREAM,
                                       G_SOCKET_PROTOCOL_DEFAULT, NULL,
                                       &s->address, error)) {
        g_prefix_error(error, "--gdb %s: ", spec);
        gdb_server_free(s);
        return NULL;
    }
    g_signal_connect(s->listener, "incoming", G_CALLBACK(on_incoming), s);
    return s;
}

char *gdb_server_address(const struct gdb_server *s)
{
    if (G_IS_INET_SOCKET_ADDRESS(s->address)) {
        GInetSocketAddress *in = G_INET_SOCKET_ADDRESS(s->address);
        g_autofree char *host =
            g_inet_address_to_string(g_inet_socket_address_get_address(in));
        guint16 port = g_inet_socket_address_get_port(in);
        if (strchr(host, ':'))
            return g_strdup_printf("[%s]:%u", host, port);
        return g_strdup_printf("%s:%u", host, port);
    }
    return g_strdup_printf("unix:%s", s->unix_path);
}

void gdb_server_run(struct gdb_server *s)
{
    g_socket_service_start(G_SOCKET_SERVICE(s->listener));
    g_main_loop_run(s->loop);
    g_socket_service_stop(G_SOCKET_SERVICE(s->listener));
    g_socket_listener_close(s->listener);
}

void gdb_server_free(struct gdb_server *s)
{
    if (!s)
        return;
    end_connection(s);
    if (s->listener) {
        g_socket_listener_close(s->listener);
        g_object_unref(s->listener);
    }
    if (s->unix_path) {
        remove_stale_socket(s->unix_path);
        g_free(s->unix_path);
    }
    g_clear_object(&s->address);
    if (s->loop)
        g_main_loop_unref(s->loop);
    g_free(s);
}
