/* lldb's own queries: qHostInfo, qProcessInfo, qRegisterInfoN,
 * qMemoryRegionInfo.
 * (lldb 14 reads target.xml when qXfer:features:read+ is offered and uses
 * qRegisterInfo only as a fallback; both paths describe the same table.) */
#include "rsp/commands.h"
#include "rsp/hex.h"
#include "xml-features/tdesc.h"

#include <errno.h>
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

/* The lowest bit of the pointer-authentication code in code addresses,
 * from the pauth_cmask register of the current thread (GENMASK(54, 48)
 * for a 48-bit address space: 48); 0 if the target has none. */
static unsigned pac_lowest_bit(struct rsp_conn *conn)
{
    const struct tdesc_reg *reg =
        rsp_tdesc_reg_by_name(rsp_conn_tdesc(conn), "pauth_cmask");
    uint8_t buf[8];
    uint64_t mask = 0;

    if (!reg || reg->bitsize != 64 || !conn->target->ops->read_reg
        || conn->target->ops->read_reg(conn->target,
                                       (struct rsp_ptid){ 0, 0 },
                                       reg->regnum, buf) != 0)
        return 0;
    for (int i = 7; i >= 0; i--)
        mask = mask << 8 | buf[i];
    return mask ? (unsigned)__builtin_ctzll(mask) : 0;
}

RSP_HANDLER(rsp_cmd_host_info)
{
    unsigned addressing_bits = pac_lowest_bit(conn);

    append_arch_facts(conn, reply);
    /* AArch64 watchpoints trap before the access completes. */
    g_string_append(reply, "watchpoint_exceptions_received:before;");
    /* lldb 14 strips PACs with the mask of the bits above the address
     * bits it is told here: it never reads gdb's pauth_cmask/pauth_dmask
     * (its Linux ABI plugin looks for lldb-server's code_mask/data_mask
     * registers, and only when no mask was set this way). Decimal, as
     * debugserver sends it. gdb never asks for qHostInfo. */
    if (addressing_bits)
        g_string_append_printf(reply, "addressing_bits:%u;", addressing_bits);
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

/* qMemoryRegionInfo:ADDR, answered as lldb-server does: the region
 * holding ADDR, "start:HEX;size:HEX;" and, for mapped memory,
 * "permissions:" (a subset of "rwx", possibly empty), "flags:" ("mt" for
 * memory with allocation tags, which lldb's memory-tag commands require)
 * and the hex-encoded "name:" of a mapped file. A gap between mappings
 * has no permissions, which lldb reads as unmapped; it walks the whole
 * space region by region up to the one that ends at UINT64_MAX. The bare
 * "qMemoryRegionInfo" asks whether the packet is supported. An error
 * reply makes lldb 14 stop asking for the rest of the session, so only a
 * malformed packet or a missing process gets one. */
RSP_HANDLER(rsp_cmd_memory_region_info)
{
    const struct rsp_target_ops *ops = conn->target->ops;
    const char *p = a->args;
    struct rsp_region region = { 0 };
    uint64_t addr;
    int err;

    if (!ops->memory_region)
        return RSP_REPLY;
    if (a->sep == '\0') {
        g_string_append(reply, "OK");
        return RSP_REPLY;
    }
    if (a->sep != ':' || !rsp_parse_hex_u64(&p, &addr) || *p) {
        rsp_reply_bad_request(conn, reply, "bad qMemoryRegionInfo packet");
        return RSP_REPLY;
    }
    err = ops->memory_region(conn->target, addr, &region);
    if (err < 0) {
        g_free(region.name);
        rsp_reply_error(conn, reply, err);
        return RSP_REPLY;
    }
    g_string_append_printf(reply,
                           "start:%" G_GINT64_MODIFIER "x;"
                           "size:%" G_GINT64_MODIFIER "x;",
                           (guint64)region.start, (guint64)region.size);
    if (region.mapped) {
        g_string_append(reply, "permissions:");
        if (region.readable)
            g_string_append_c(reply, 'r');
        if (region.writable)
            g_string_append_c(reply, 'w');
        if (region.executable)
            g_string_append_c(reply, 'x');
        g_string_append(reply, region.memory_tagged ? ";flags:mt;"
                                                    : ";flags:;");
        if (region.name && region.name[0]) {
            g_string_append(reply, "name:");
            rsp_hex_encode_str(reply, region.name);
            g_string_append_c(reply, ';');
        }
    }
    g_free(region.name);
    return RSP_REPLY;
}
