/* The command table and dispatch.
 *
 * A packet is matched against every row and the longest matching name
 * wins, so the rows may be listed in any order: "vCont?" and "vCont",
 * "qC" and "qCRC" cannot shadow each other. A name that is a whole word
 * (SEPARATED) must be followed by ':', ',', ';' or the end of the packet.
 */
#include "rsp/commands.h"

#include <string.h>

static const struct rsp_command commands[] = {
    /* Stop state and registers */
    { "?",                      RSP_MATCH_EXACT,     rsp_cmd_stop_reason },
    { "g",                      RSP_MATCH_SEPARATED, rsp_cmd_read_regs },
    { "G",                      RSP_MATCH_PREFIX,    rsp_cmd_write_regs },
    { "p",                      RSP_MATCH_PREFIX,    rsp_cmd_read_reg },
    { "P",                      RSP_MATCH_PREFIX,    rsp_cmd_write_reg },
    /* Memory */
    { "m",                      RSP_MATCH_PREFIX,    rsp_cmd_read_mem },
    { "M",                      RSP_MATCH_PREFIX,    rsp_cmd_write_mem },
    { "X",                      RSP_MATCH_PREFIX,    rsp_cmd_write_mem_binary },
    { "x",                      RSP_MATCH_PREFIX,    rsp_cmd_read_mem_binary },
    /* Execution */
    { "c",                      RSP_MATCH_PREFIX,    rsp_cmd_continue },
    { "C",                      RSP_MATCH_PREFIX,    rsp_cmd_continue_signal },
    { "s",                      RSP_MATCH_PREFIX,    rsp_cmd_step },
    { "S",                      RSP_MATCH_PREFIX,    rsp_cmd_step_signal },
    { "vCont?",                 RSP_MATCH_EXACT,     rsp_cmd_vcont_query },
    { "vCont",                  RSP_MATCH_SEPARATED, rsp_cmd_vcont },
    { "bs",                     RSP_MATCH_EXACT,     rsp_cmd_reverse_step },
    { "bc",                     RSP_MATCH_EXACT,     rsp_cmd_reverse_continue },
    /* Non-stop mode (the empty reply for a target without it) */
    { "QNonStop",               RSP_MATCH_SEPARATED, rsp_cmd_non_stop },
    { "vStopped",               RSP_MATCH_EXACT,     rsp_cmd_vstopped },
    /* Threads */
    { "H",                      RSP_MATCH_PREFIX,    rsp_cmd_set_thread },
    { "T",                      RSP_MATCH_PREFIX,    rsp_cmd_thread_alive },
    { "qC",                     RSP_MATCH_EXACT,     rsp_cmd_current_thread },
    { "qfThreadInfo",           RSP_MATCH_EXACT,     rsp_cmd_thread_info_first },
    { "qsThreadInfo",           RSP_MATCH_EXACT,     rsp_cmd_thread_info_next },
    { "qThreadExtraInfo",       RSP_MATCH_SEPARATED, rsp_cmd_thread_extra_info },
    /* Events */
    { "QThreadEvents",          RSP_MATCH_SEPARATED, rsp_cmd_thread_events },
    { "QCatchSyscalls",         RSP_MATCH_SEPARATED, rsp_cmd_catch_syscalls },
    /* extended-remote */
    { "!",                      RSP_MATCH_EXACT,     rsp_cmd_extended_mode },
    { "vRun",                   RSP_MATCH_SEPARATED, rsp_cmd_run },
    { "R",                      RSP_MATCH_PREFIX,    rsp_cmd_restart },
    { "vAttach",                RSP_MATCH_SEPARATED, rsp_cmd_attach },
    { "QStartupWithShell",      RSP_MATCH_SEPARATED, rsp_cmd_startup_with_shell },
    { "QDisableRandomization",  RSP_MATCH_SEPARATED,
      rsp_cmd_disable_randomization },
    { "QEnvironmentHexEncoded", RSP_MATCH_SEPARATED, rsp_cmd_environment_set },
    { "QEnvironmentUnset",      RSP_MATCH_SEPARATED, rsp_cmd_environment_unset },
    { "QEnvironmentReset",      RSP_MATCH_EXACT,     rsp_cmd_environment_reset },
    { "QSetWorkingDir",         RSP_MATCH_SEPARATED, rsp_cmd_set_working_dir },
    /* Breakpoints and watchpoints */
    { "Z",                      RSP_MATCH_PREFIX,    rsp_cmd_insert_break },
    { "z",                      RSP_MATCH_PREFIX,    rsp_cmd_remove_break },
    /* Session */
    { "qSupported",             RSP_MATCH_SEPARATED, rsp_cmd_supported },
    /* Memory tags (MTE) */
    { "qMemTags",               RSP_MATCH_SEPARATED, rsp_cmd_read_mem_tags },
    { "QMemTags",               RSP_MATCH_SEPARATED, rsp_cmd_write_mem_tags },
    { "qIsAddressTagged",       RSP_MATCH_SEPARATED,
      rsp_cmd_is_address_tagged },
    { "QStartNoAckMode",        RSP_MATCH_EXACT,     rsp_cmd_start_no_ack },
    { "k",                      RSP_MATCH_EXACT,     rsp_cmd_kill },
    { "vKill",                  RSP_MATCH_SEPARATED, rsp_cmd_vkill },
    { "D",                      RSP_MATCH_SEPARATED, rsp_cmd_detach },
    { "qRcmd",                  RSP_MATCH_SEPARATED, rsp_cmd_monitor },
    { "qAttached",              RSP_MATCH_SEPARATED, rsp_cmd_attached },
    { "qSymbol",                RSP_MATCH_SEPARATED, rsp_cmd_symbol },
    { "qXfer",                  RSP_MATCH_SEPARATED, rsp_cmd_xfer },
    { "QPassSignals",           RSP_MATCH_SEPARATED, rsp_cmd_pass_signals },
    { "QProgramSignals",        RSP_MATCH_SEPARATED, rsp_cmd_program_signals },
    { "vFile",                  RSP_MATCH_SEPARATED, rsp_cmd_vfile },
    /* Thread-local storage */
    { "qGetTLSAddr",            RSP_MATCH_SEPARATED, rsp_cmd_tls_address },
    /* Known and answered empty on purpose: tracepoints, and lldb
     * extensions we do not implement (lldb falls back without them).
     * qOffsets stays empty so that gdb relocates a PIE program from the
     * auxiliary vector rather than trusting a fixed "Text=0". */
    { "qOffsets",               RSP_MATCH_EXACT,     rsp_cmd_empty },
    { "qTStatus",               RSP_MATCH_EXACT,     rsp_cmd_empty },
    { "vMustReplyEmpty",        RSP_MATCH_EXACT,     rsp_cmd_empty },
    { "qGetWorkingDir",         RSP_MATCH_EXACT,     rsp_cmd_empty },
    /* lldb */
    { "qHostInfo",              RSP_MATCH_EXACT,     rsp_cmd_host_info },
    { "qProcessInfo",           RSP_MATCH_EXACT,     rsp_cmd_process_info },
    { "qRegisterInfo",          RSP_MATCH_PREFIX,    rsp_cmd_register_info },
    { "QThreadSuffixSupported", RSP_MATCH_EXACT,     rsp_cmd_thread_suffix },
    { "QListThreadsInStopReply", RSP_MATCH_EXACT,    rsp_cmd_threads_in_stop },
    { "qMemoryRegionInfo",      RSP_MATCH_SEPARATED,
      rsp_cmd_memory_region_info },
    { "jThreadsInfo",           RSP_MATCH_EXACT,     rsp_cmd_empty },
};

static bool is_separator(char c)
{
    return c == ':' || c == ',' || c == ';';
}

/* If row matches packet, fill args and return the matched name length. */
static size_t row_matches(const struct rsp_command *row, const char *packet,
                          size_t len, struct rsp_args *args)
{
    size_t n = strlen(row->name);

    if (n > len || memcmp(packet, row->name, n) != 0)
        return 0;
    switch (row->match) {
    case RSP_MATCH_EXACT:
        if (n != len)
            return 0;
        args->args = packet + n;
        args->len = 0;
        args->sep = '\0';
        return n;
    case RSP_MATCH_PREFIX:
        args->args = packet + n;
        args->len = len - n;
        args->sep = '\0';
        return n;
    case RSP_MATCH_SEPARATED:
        if (n == len) {
            args->args = packet + n;
            args->len = 0;
            args->sep = '\0';
            return n;
        }
        if (!is_separator(packet[n]))
            return 0;
        args->args = packet + n + 1;
        args->len = len - n - 1;
        args->sep = packet[n];
        return n;
    }
    return 0;
}

const struct rsp_command *rsp_find_command(const char *packet, size_t len,
                                           struct rsp_args *args)
{
    const struct rsp_command *best = NULL;
    size_t best_len = 0;
    struct rsp_args candidate;

    for (size_t i = 0; i < G_N_ELEMENTS(commands); i++) {
        size_t n = row_matches(&commands[i], packet, len, &candidate);
        if (n > best_len) {
            best = &commands[i];
            best_len = n;
            *args = candidate;
        }
    }
    return best;
}

void rsp_dispatch(struct rsp_conn *conn, const char *packet, size_t len)
{
    struct rsp_args args;
    const struct rsp_command *cmd = rsp_find_command(packet, len, &args);
    GString *reply = g_string_new(NULL);
    enum rsp_handled handled = RSP_REPLY;

    /* Unknown packets get the empty reply: "not supported". */
    if (cmd)
        handled = cmd->handler(conn, &args, reply);
    if (handled == RSP_REPLY)
        rsp_conn_send_packet(conn, reply->str, reply->len);
    g_string_free(reply, TRUE);
}

RSP_HANDLER(rsp_cmd_empty)
{
    return RSP_REPLY;
}
