/* lldb's own queries: qHostInfo, qProcessInfo, qRegisterInfoN.
 * (lldb 14 reads target.xml when qXfer:features:read+ is offered and uses
 * qRegisterInfo only as a fallback; both paths describe the same table.) */
#include "rsp/commands.h"
#include "rsp/hex.h"
#include "xml-features/tdesc.h"

#include <string.h>

#define DEFAULT_TRIPLE "aarch64-unknown-linux-gnu"

static const char *target_triple(struct rsp_conn *conn)
{
    const char *triple = NULL;

    if (conn->target->ops->triple)
        triple = conn->target->ops->triple(conn->target);
    return triple ? triple : DEFAULT_TRIPLE;
}

static void append_arch_facts(struct rsp_conn *conn, GString *reply)
{
    g_string_append(reply, "triple:");
    rsp_hex_encode_str(reply, target_triple(conn));
    g_string_append(reply, ";ostype:linux;vendor:unknown;endian:little;"
                    "ptrsize:8;");
}

RSP_HANDLER(rsp_cmd_host_info)
{
    append_arch_facts(conn, reply);
    /* AArch64 watchpoints trap before the access completes. */
    g_string_append(reply, "watchpoint_exceptions_received:before;");
    return RSP_REPLY;
}

RSP_HANDLER(rsp_cmd_process_info)
{
    if (conn->target->ops->pid) {
        int64_t pid = conn->target->ops->pid(conn->target);
        if (pid > 0)
            g_string_append_printf(reply, "pid:%" G_GINT64_MODIFIER "x;", pid);
    }
    append_arch_facts(conn, reply);
    return RSP_REPLY;
}

static void encoding_of(const struct tdesc_reg *reg, const char **encoding,
                        const char **format)
{
    const char *type = reg->type ? reg->type : "";

    if (g_str_has_prefix(type, "ieee_")) {
        *encoding = "ieee754";
        *format = "float";
    } else if (reg->bitsize > 64 || g_str_has_prefix(type, "aarch64v")
               || g_str_has_prefix(type, "svev")
               || g_str_has_prefix(type, "svep")) {
        /* Vector registers and SVE predicates: lldb shows the bytes. */
        *encoding = "vector";
        *format = "vector-uint8";
    } else {
        *encoding = "uint";
        *format = "hex";
    }
}

static const char *set_name(const struct tdesc_reg *reg)
{
    static const struct {
        const char *feature;
        const char *set;
    } sets[] = {
        { "org.gnu.gdb.aarch64.core", "General Purpose Registers" },
        { "org.gnu.gdb.aarch64.fpu",  "Floating Point Registers" },
        { "org.gnu.gdb.aarch64.sve",  "Scalable Vector Extension Registers" },
        { "org.gnu.gdb.aarch64.pauth", "Pointer Authentication Registers" },
        { "org.gnu.gdb.aarch64.pauth_v2",
          "Pointer Authentication Registers" },
        { "org.gnu.gdb.aarch64.mte",  "Memory Tagging Extension Registers" },
        { "org.gnu.gdb.aarch64.tls",  "Thread Local Storage Registers" },
    };

    for (size_t i = 0; reg->feature && i < G_N_ELEMENTS(sets); i++) {
        if (strcmp(reg->feature, sets[i].feature) == 0)
            return sets[i].set;
    }
    return "Other Registers";
}

/* qRegisterInfoN: register N (hex) described; "E45" past the last one,
 * which is how lldb learns the count. */
RSP_HANDLER(rsp_cmd_register_info)
{
    const char *p = a->args;
    uint64_t regnum;
    const struct tdesc_reg *reg = NULL;
    const char *encoding, *format;

    if (rsp_parse_hex_u64_until(&p, "", &regnum) && regnum <= G_MAXUINT)
        reg = rsp_tdesc_reg(rsp_conn_tdesc(conn), (unsigned)regnum);
    if (!reg || !reg->name) {
        g_string_append(reply, "E45");
        return RSP_REPLY;
    }
    encoding_of(reg, &encoding, &format);
    g_string_append_printf(reply,
                           "name:%s;bitsize:%u;offset:%u;encoding:%s;"
                           "format:%s;set:%s;",
                           reg->name, reg->bitsize, reg->offset, encoding,
                           format, set_name(reg));
    if (reg->dwarf_regnum >= 0)
        g_string_append_printf(reply, "gcc:%d;dwarf:%d;", reg->dwarf_regnum,
                               reg->dwarf_regnum);
    if (reg->generic)
        g_string_append_printf(reply, "generic:%s;", reg->generic);
    return RSP_REPLY;
}

/* From now on g, G, p and P may end in ";thread:TID;" instead of
 * following Hg: one round trip less per thread for lldb. */
RSP_HANDLER(rsp_cmd_thread_suffix)
{
    conn->thread_suffix = true;
    g_string_append(reply, "OK");
    return RSP_REPLY;
}

/* From now on T replies carry "threads:" and "thread-pcs:". */
RSP_HANDLER(rsp_cmd_threads_in_stop)
{
    if (!conn->target->ops->threads)
        return RSP_REPLY;
    conn->threads_in_stop = true;
    g_string_append(reply, "OK");
    return RSP_REPLY;
}
