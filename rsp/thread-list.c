/* Describing threads: the qXfer:threads object (gdb's "info threads"
 * names and cores in one read) and qThreadExtraInfo. */
#include "rsp/commands.h"
#include "rsp/hex.h"

#include <errno.h>
#include <string.h>

/* Text from the target made safe for an XML attribute or element: valid
 * UTF-8, no control characters (XML 1.0 forbids most of them even as
 * character references, and gdb's expat would reject the whole list),
 * markup characters as entities. */
void rsp_append_xml_text(GString *out, const char *text)
{
    char *valid = g_utf8_make_valid(text, -1);

    for (const char *p = valid; *p; p++) {
        unsigned char c = (unsigned char)*p;
        switch (c) {
        case '<':
            g_string_append(out, "&lt;");
            break;
        case '>':
            g_string_append(out, "&gt;");
            break;
        case '&':
            g_string_append(out, "&amp;");
            break;
        case '"':
            g_string_append(out, "&quot;");
            break;
        case '\'':
            g_string_append(out, "&apos;");
            break;
        default:
            g_string_append_c(out, c < 0x20 || c == 0x7f ? '?' : (char)c);
            break;
        }
    }
    g_free(valid);
}

GBytes *rsp_threads_xml(struct rsp_conn *conn, int *err)
{
    GArray *threads = rsp_conn_threads(conn);
    GString *xml;

    if (!threads) {
        *err = -EOPNOTSUPP;
        return NULL;
    }
    xml = g_string_new("<?xml version=\"1.0\"?>\n<threads>\n");
    for (guint i = 0; i < threads->len; i++) {
        const struct rsp_thread_info *info =
            &g_array_index(threads, struct rsp_thread_info, i);

        g_string_append(xml, "<thread id=\"");
        rsp_append_ptid(conn, xml, info->ptid);
        g_string_append_printf(xml, "\" core=\"%x\"",
                               (unsigned)MAX(info->core, 0));
        if (info->name) {
            g_string_append(xml, " name=\"");
            rsp_append_xml_text(xml, info->name);
            g_string_append_c(xml, '"');
        }
        g_string_append_c(xml, '>');
        if (info->extra)
            rsp_append_xml_text(xml, info->extra);
        g_string_append(xml, "</thread>\n");
    }
    g_string_append(xml, "</threads>\n");
    rsp_thread_info_free_array(threads);
    return g_string_free_to_bytes(xml);
}

/* qThreadExtraInfo,ID: the thread's extra text, hex-encoded (the empty
 * string when it has none). */
RSP_HANDLER(rsp_cmd_thread_extra_info)
{
    const char *p = a->args;
    struct rsp_ptid ptid;
    GArray *threads;
    bool found = false;

    if (a->sep != ',' || !rsp_parse_ptid(conn, &p, NULL, &ptid)
        || ptid.tid <= 0) {
        rsp_reply_bad_request(conn, reply, "bad qThreadExtraInfo packet");
        return RSP_REPLY;
    }
    threads = rsp_conn_threads(conn);
    for (guint i = 0; threads && i < threads->len && !found; i++) {
        const struct rsp_thread_info *info =
            &g_array_index(threads, struct rsp_thread_info, i);
        if (info->ptid.tid != ptid.tid
            || (ptid.pid > 0 && info->ptid.pid != ptid.pid))
            continue;
        found = true;
        if (info->extra)
            rsp_hex_encode_str(reply, info->extra);
    }
    rsp_thread_info_free_array(threads);
    if (!found)
        rsp_reply_error(conn, reply, -ESRCH);
    return RSP_REPLY;
}
