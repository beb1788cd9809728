/* extended-remote: '!', starting the program again (vRun, R), attaching
 * (refused), and the settings gdb sends before a run (environment,
 * working directory, shell, address randomization). */
#include "rsp/commands.h"
#include "rsp/hex.h"

#include <errno.h>
#include <string.h>

static bool can_run(struct rsp_conn *conn)
{
    return conn->target->ops->run != NULL;
}

/* Decode hex text of exactly len digits (len even) into a new string;
 * NULL if it is not hex or holds a NUL byte. */
static char *decode_hex_text(const char *hex, size_t len)
{
    size_t n = len / 2;
    char *text;

    if (len % 2 != 0)
        return NULL;
    text = g_malloc(n + 1);
    if (!rsp_hex_decode(hex, (uint8_t *)text, n)
        || memchr(text, '\0', n) != NULL) {
        g_free(text);
        return NULL;
    }
    text[n] = '\0';
    return text;
}

RSP_HANDLER(rsp_cmd_extended_mode)
{
    if (!can_run(conn))
        return RSP_REPLY;   /* gdb: the target has no extended mode */
    conn->extended = true;
    if (conn->target->ops->set_extended)
        conn->target->ops->set_extended(conn->target, true);
    g_string_append(reply, "OK");
    return RSP_REPLY;
}

/* The request for argv from the run settings; its vectors point into
 * conn->run and argv, and are freed with free_request_vectors(). */
static void build_request(struct rsp_conn *conn, char **argv,
                          struct rsp_run_request *req)
{
    GPtrArray *set = g_ptr_array_new_with_free_func(g_free);
    GPtrArray *unset = g_ptr_array_new();
    GHashTableIter iter;
    gpointer name, value;

    g_hash_table_iter_init(&iter, conn->run.env);
    while (g_hash_table_iter_next(&iter, &name, &value)) {
        if (value)
            g_ptr_array_add(set, g_strconcat(name, "=", value, NULL));
        else
            g_ptr_array_add(unset, name);
    }
    g_ptr_array_add(set, NULL);
    g_ptr_array_add(unset, NULL);
    memset(req, 0, sizeof(*req));
    req->argv = argv;
    req->env_set = (char **)g_ptr_array_free(set, FALSE);
    req->env_unset = (char **)g_ptr_array_free(unset, FALSE);
    req->working_dir = conn->run.working_dir;
    req->startup_with_shell = conn->run.startup_with_shell;
    req->disable_randomization = conn->run.disable_randomization;
}

static void free_request_vectors(struct rsp_run_request *req)
{
    g_strfreev((char **)req->env_set);
    g_free((char **)req->env_unset);     /* names belong to the table */
}

/* Start the program; on success *stop is where it stands. */
static int start_program(struct rsp_conn *conn, char **argv,
                         struct rsp_stop *stop)
{
    struct rsp_run_request req;
    int err;

    build_request(conn, argv, &req);
    memset(stop, 0, sizeof(*stop));
    err = conn->target->ops->run(conn->target, &req, stop);
    free_request_vectors(&req);
    if (err < 0)
        return err;
    conn->run.started = true;
    /* A new process: earlier thread selections mean nothing now. */
    conn->g_thread = (struct rsp_ptid){ 0, 0 };
    conn->c_thread = (struct rsp_ptid){ 0, 0 };
    conn->stop_thread = stop->kind == RSP_STOP_SIGNAL
                            ? stop->thread : (struct rsp_ptid){ 0, 0 };
    return 0;
}

/* vRun;HEXPROG[;HEXARG]... : the reply is the new program's stop. */
RSP_HANDLER(rsp_cmd_run)
{
    GPtrArray *argv;
    gchar **fields;
    struct rsp_stop stop;
    int err;

    if (!can_run(conn))
        return RSP_REPLY;
    if (a->sep != ';') {
        rsp_reply_bad_request(conn, reply, "bad vRun packet");
        return RSP_REPLY;
    }
    fields = g_strsplit(a->args, ";", -1);
    argv = g_ptr_array_new_with_free_func(g_free);
    for (gchar **f = fields; *f; f++) {
        char *arg = decode_hex_text(*f, strlen(*f));
        if (!arg) {
            g_strfreev(fields);
            g_ptr_array_unref(argv);
            rsp_reply_bad_request(conn, reply, "bad hex in vRun packet");
            return RSP_REPLY;
        }
        g_ptr_array_add(argv, arg);
    }
    g_strfreev(fields);
    if (argv->len == 0)
        g_ptr_array_add(argv, g_strdup(""));  /* "vRun;": the last program */
    g_ptr_array_add(argv, NULL);
    g_strfreev(conn->run.last_argv);
    conn->run.last_argv = (char **)g_ptr_array_free(argv, FALSE);

    err = start_program(conn, conn->run.last_argv, &stop);
    if (err < 0)
        rsp_reply_error(conn, reply, err);
    else
        rsp_format_stop_reply(conn, &stop, reply);
    return RSP_REPLY;
}

/* R XX: restart with the last vRun's arguments. The protocol gives R no
 * reply, so a failure can only show at the next '?'. */
RSP_HANDLER(rsp_cmd_restart)
{
    static char *const last_program[] = { "", NULL };
    struct rsp_stop stop;

    if (can_run(conn) && conn->extended)
        start_program(conn, conn->run.last_argv ? conn->run.last_argv
                                                : (char **)last_program,
                      &stop);
    return RSP_NO_REPLY;
}

/* vAttach;PID: backstep runs programs itself; there is nothing of the
 * host's to attach to. */
RSP_HANDLER(rsp_cmd_attach)
{
    if (conn->peer.error_message)
        g_string_append(reply, "E.attaching to a process is not supported");
    else
        g_string_append(reply, "E01");
    return RSP_REPLY;
}

/* "0" or "1" as the whole argument. */
static bool parse_flag(const struct rsp_args *a, bool *flag)
{
    if (a->sep != ':' || a->len != 1 || (a->args[0] != '0'
                                         && a->args[0] != '1'))
        return false;
    *flag = a->args[0] == '1';
    return true;
}

RSP_HANDLER(rsp_cmd_startup_with_shell)
{
    if (!can_run(conn))
        return RSP_REPLY;
    if (!parse_flag(a, &conn->run.startup_with_shell))
        rsp_reply_bad_request(conn, reply, "bad QStartupWithShell packet");
    else
        g_string_append(reply, "OK");
    return RSP_REPLY;
}

RSP_HANDLER(rsp_cmd_disable_randomization)
{
    if (!can_run(conn))
        return RSP_REPLY;
    if (!parse_flag(a, &conn->run.disable_randomization))
        rsp_reply_bad_request(conn, reply, "bad QDisableRandomization packet");
    else
        g_string_append(reply, "OK");
    return RSP_REPLY;
}

/* QEnvironmentHexEncoded:HEX("NAME=VALUE") */
RSP_HANDLER(rsp_cmd_environment_set)
{
    char *text, *eq;

    if (!can_run(conn))
        return RSP_REPLY;
    text = a->sep == ':' ? decode_hex_text(a->args, a->len) : NULL;
    eq = text ? strchr(text, '=') : NULL;
    if (!eq || eq == text) {
        g_free(text);
        rsp_reply_bad_request(conn, reply, "bad QEnvironmentHexEncoded packet");
        return RSP_REPLY;
    }
    *eq = '\0';
    g_hash_table_insert(conn->run.env, g_strdup(text), g_strdup(eq + 1));
    g_free(text);
    g_string_append(reply, "OK");
    return RSP_REPLY;
}

/* QEnvironmentUnset:HEX("NAME") */
RSP_HANDLER(rsp_cmd_environment_unset)
{
    char *name;

    if (!can_run(conn))
        return RSP_REPLY;
    name = a->sep == ':' ? decode_hex_text(a->args, a->len) : NULL;
    if (!name || name[0] == '\0' || strchr(name, '=')) {
        g_free(name);
        rsp_reply_bad_request(conn, reply, "bad QEnvironmentUnset packet");
        return RSP_REPLY;
    }
    g_hash_table_insert(conn->run.env, name, NULL);
    g_string_append(reply, "OK");
    return RSP_REPLY;
}

/* QEnvironmentReset: back to the target's own initial environment. */
RSP_HANDLER(rsp_cmd_environment_reset)
{
    if (!can_run(conn))
        return RSP_REPLY;
    g_hash_table_remove_all(conn->run.env);
    g_string_append(reply, "OK");
    return RSP_REPLY;
}

/* QSetWorkingDir:HEX(DIR); an empty DIR means the target's own. */
RSP_HANDLER(rsp_cmd_set_working_dir)
{
    char *dir;

    if (!can_run(conn))
        return RSP_REPLY;
    dir = a->sep == ':' ? decode_hex_text(a->args, a->len) : NULL;
    if (!dir) {
        rsp_reply_bad_request(conn, reply, "bad QSetWorkingDir packet");
        return RSP_REPLY;
    }
    g_free(conn->run.working_dir);
    conn->run.working_dir = dir[0] ? dir : NULL;
    if (!dir[0])
        g_free(dir);
    g_string_append(reply, "OK");
    return RSP_REPLY;
}

void rsp_extended_supported(struct rsp_conn *conn, GString *reply)
{
    if (can_run(conn))
        g_string_append(reply, ";QStartupWithShell+;QEnvironmentHexEncoded+"
                        ";QEnvironmentUnset+;QEnvironmentReset+"
                        ";QSetWorkingDir+;QDisableRandomization+");
}
