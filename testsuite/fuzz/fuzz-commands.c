/* Fuzz target: structured debugger sessions. The input picks, packet by
 * packet, a kind from a table of every packet rsp/'s command table knows
 * (plus unknown ones, Ctrl-C, NAKs and stop reports from the target) and
 * mutated arguments for it; each packet is framed with a correct
 * checksum so that it gets past the codec to the handlers.
 *
 * Besides the byte-level checks of rsp-wire.c, each packet must get
 * exactly one ack in ack mode and the number of replies all-stop mode
 * promises: one, none once the target runs or after D/k, and at least
 * one (console output, then OK) for qRcmd. A successful 'm' inside the
 * fake target's memory must return that memory. */
#include "testsuite/fuzz/fuzz.h"
#include "testsuite/fuzz/rsp-wire.h"

#include <errno.h>
#include <inttypes.h>
#include <string.h>

#define MAX_PACKETS 64

/* What a packet may do to the session. */
enum {
    MAY_RESUME = 1,     /* no reply when it starts the target */
    MULTI_REPLY = 2,    /* console output packets before the reply */
    MAY_BE_SILENT = 4,  /* no reply at all (R restarts without one) */
};

/* A read of the fake target's memory whose answer we know. */
struct mem_expect {
    bool active;
    uint64_t addr, len;
};

typedef void (*build_fn)(struct fuzz_input *in, GString *p,
                         struct mem_expect *mem);

/* --- Argument generators ------------------------------------------- */

static const uint64_t interesting_addrs[] = {
    FAKE_MEM_BASE, FAKE_MEM_BASE + 1, FAKE_MEM_BASE + 8,
    FAKE_MEM_BASE + FAKE_MEM_SIZE - 1, FAKE_MEM_BASE + FAKE_MEM_SIZE - 8,
    FAKE_MEM_BASE + FAKE_MEM_SIZE, FAKE_MEM_BASE - 1, 0, 1,
    UINT64_MAX, UINT64_MAX - 7, 0x8000000000000000ull, 0x7fffffffffffffffull,
};

static const uint64_t interesting_lens[] = {
    0, 1, 2, 3, 4, 8, 16, 64, 0x100, 0x1000, 0x1001, 0xfff0, 0x10000,
    0x1ffc0, 0x20000, 0x20001, 0x7fffffff, 0xffffffff, UINT64_MAX,
};

/* A hex number as a debugger (or an attacker) writes it. */
static void append_hex_number(struct fuzz_input *in, GString *p,
                              uint64_t value)
{
    switch (fuzz_below(in, 16)) {
    case 0:
        break;                                  /* empty */
    case 1:
        g_string_append(p, "-1");
        break;
    case 2:
        g_string_append_printf(p, "%" PRIX64, value);
        break;
    case 3:
        g_string_append_printf(p, "0000000000000000%" PRIx64, value);
        break;
    case 4:
        g_string_append(p, "1ffffffffffffffff");  /* 65 bits */
        break;
    case 5:
        g_string_append_printf(p, "%" PRIx64 "%c", value,
                               "gG-+ x:;,"[fuzz_below(in, 9)]);
        break;
    default:
        g_string_append_printf(p, "%" PRIx64, value);
        break;
    }
}

static uint64_t pick(struct fuzz_input *in, const uint64_t *table, size_t n)
{
    unsigned i = fuzz_below(in, (unsigned)n + 2);
    if (i < n)
        return table[i];
    if (i == n)
        return fuzz_u64(in);
    return fuzz_u8(in);
}

/* Returns the value written, and whether it was written plainly. */
static bool append_addr(struct fuzz_input *in, GString *p, uint64_t *value)
{
    size_t before = p->len;

    *value = pick(in, interesting_addrs, G_N_ELEMENTS(interesting_addrs));
    if (*value < 0x100)
        *value += FAKE_MEM_BASE;        /* small offsets into memory */
    append_hex_number(in, p, *value);
    GString *plain = g_string_new(NULL);
    g_string_printf(plain, "%" PRIx64, *value);
    bool ok = strcmp(p->str + before, plain->str) == 0;
    g_string_free(plain, TRUE);
    return ok;
}

static bool append_len(struct fuzz_input *in, GString *p, uint64_t *value)
{
    size_t before = p->len;

    *value = pick(in, interesting_lens, G_N_ELEMENTS(interesting_lens));
    append_hex_number(in, p, *value);
    GString *plain = g_string_new(NULL);
    g_string_printf(plain, "%" PRIx64, *value);
    bool ok = strcmp(p->str + before, plain->str) == 0;
    g_string_free(plain, TRUE);
    return ok;
}

static void append_regnum(struct fuzz_input *in, GString *p)
{
    static const uint64_t regnums[] = {
        0, 1, 30, FAKE_REG_SP, FAKE_REG_PC, FAKE_REG_CPSR, FAKE_REG_V0,
        FAKE_REG_FPSR, FAKE_NREGS - 1, FAKE_NREGS, FAKE_NREGS + 1, 0xff,
        0xffffffff, 0x100000000ull,
    };
    append_hex_number(in, p, pick(in, regnums, G_N_ELEMENTS(regnums)));
}

static void append_ptid(struct fuzz_input *in, GString *p)
{
    static const char *const ptids[] = {
        "-1", "0", "2a", "2b", "2c", "p2a.2a", "p2a.2b", "p2a.-1", "p2a",
        "p-1", "p-1.-1", "p0.0", "p2a.", "p.2a", "p2a.2a.2a", "pzz", "-2",
        "p-1.2a", "ffffffffffffffff", "8000000000000000", "",
    };
    unsigned i = fuzz_below(in, G_N_ELEMENTS(ptids) + 1);

    if (i < G_N_ELEMENTS(ptids))
        g_string_append(p, ptids[i]);
    else
        g_string_append_printf(p, "p%" PRIx64 ".%" PRIx64, fuzz_u64(in),
                               fuzz_u64(in));
}

static void append_signal(struct fuzz_input *in, GString *p)
{
    static const uint64_t signals[] = { 0, 2, 5, 9, 11, 0xff, 0x100, 0x1ff };
    append_hex_number(in, p, pick(in, signals, G_N_ELEMENTS(signals)));
}

/* Hex data: n bytes from the input, sometimes with an odd digit count or
 * a non-hex digit. */
static size_t append_hex_data(struct fuzz_input *in, GString *p, size_t max)
{
    size_t n;
    const uint8_t *bytes = fuzz_bytes(in, fuzz_below(in, (unsigned)max + 1),
                                      &n);

    for (size_t i = 0; i < n; i++)
        g_string_append_printf(p, "%02x", bytes[i]);
    switch (fuzz_below(in, 8)) {
    case 0:
        g_string_append_c(p, '0');              /* odd */
        break;
    case 1:
        if (p->len > 0)
            p->str[p->len - 1] = 'x';           /* not hex */
        break;
    default:
        break;
    }
    return n;
}

static void append_raw_bytes(struct fuzz_input *in, GString *p, size_t max)
{
    size_t n;
    const uint8_t *bytes = fuzz_bytes(in, fuzz_below(in, (unsigned)max + 1),
                                      &n);
    g_string_append_len(p, (const char *)bytes, (gssize)n);
}

/* "ADDR,LEN" */
static bool append_addr_len(struct fuzz_input *in, GString *p,
                            struct mem_expect *mem)
{
    bool plain = append_addr(in, p, &mem->addr);
    g_string_append_c(p, ',');
    plain &= append_len(in, p, &mem->len);
    return plain;
}

/* --- Packets -------------------------------------------------------- */

#define BUILD(name) \
    static void name(struct fuzz_input *in, GString *p, \
                     struct mem_expect *mem)

BUILD(build_supported)
{
    static const char *const features[] = {
        "multiprocess+", "swbreak+", "hwbreak+", "error-message+",
        "binary-upload+", "xmlRegisters=aarch64", "qRelocInsn+",
        "fork-events+", "vContSupported+", "PacketSize=1", "=", "+", "",
        "no-resumed+", "memory-tagging+", "vfork-events+", "exec-events+",
        "QThreadEvents+",
    };
    g_string_append(p, "qSupported");
    unsigned n = fuzz_below(in, 8);
    for (unsigned i = 0; i < n; i++) {
        g_string_append_c(p, i == 0 ? ':' : ';');
        g_string_append(p, features[fuzz_below(in, G_N_ELEMENTS(features))]);
    }
}

/* lldb's ";thread:TID;" after g, G, p, P, sometimes mangled. */
static void maybe_thread_suffix(struct fuzz_input *in, GString *p)
{
    switch (fuzz_below(in, 8)) {
    case 0:
        g_string_append(p, ";thread:");
        append_ptid(in, p);
        g_string_append_c(p, ';');
        break;
    case 1:
        g_string_append(p, ";thread:");
        append_ptid(in, p);
        break;
    case 2:
        g_string_append_c(p, ";:,"[fuzz_below(in, 3)]);
        append_raw_bytes(in, p, 8);
        break;
    default:
        break;
    }
}

BUILD(build_g)
{
    g_string_append(p, "g");
    maybe_thread_suffix(in, p);
}

BUILD(build_G)
{
    g_string_append(p, "G");
    append_hex_data(in, p, FAKE_G_SIZE + 4);
    maybe_thread_suffix(in, p);
}

BUILD(build_p)
{
    g_string_append(p, "p");
    append_regnum(in, p);
    if (fuzz_below(in, 4) == 0) {
        g_string_append(p, ";thread:");
        append_ptid(in, p);
        g_string_append_c(p, ';');
    }
}

BUILD(build_P)
{
    g_string_append(p, "P");
    append_regnum(in, p);
    g_string_append_c(p, '=');
    append_hex_data(in, p, 20);
    maybe_thread_suffix(in, p);
}

BUILD(build_m)
{
    g_string_append(p, "m");
    mem->active = append_addr_len(in, p, mem);
}

BUILD(build_M)
{
    g_string_append(p, "M");
    append_addr_len(in, p, mem);
    g_string_append_c(p, ':');
    append_hex_data(in, p, 64);
}

BUILD(build_X)
{
    g_string_append(p, "X");
    append_addr_len(in, p, mem);
    g_string_append_c(p, ':');
    append_raw_bytes(in, p, 64);
}

BUILD(build_x)
{
    g_string_append(p, "x");
    append_addr_len(in, p, mem);
}

BUILD(build_c)
{
    uint64_t addr;
    g_string_append(p, "c");
    if (fuzz_below(in, 3) == 0)
        append_addr(in, p, &addr);
}

BUILD(build_s)
{
    uint64_t addr;
    g_string_append(p, "s");
    if (fuzz_below(in, 3) == 0)
        append_addr(in, p, &addr);
}

static void signal_resume(struct fuzz_input *in, GString *p, char cmd)
{
    uint64_t addr;
    g_string_append_c(p, cmd);
    append_signal(in, p);
    if (fuzz_below(in, 3) == 0) {
        g_string_append_c(p, ';');
        append_addr(in, p, &addr);
    }
}

BUILD(build_C)
{
    signal_resume(in, p, 'C');
}

BUILD(build_S)
{
    signal_resume(in, p, 'S');
}

BUILD(build_vcont_query)
{
    g_string_append(p, "vCont?");
}

BUILD(build_vcont)
{
    uint64_t v;
    unsigned n = 1 + fuzz_below(in, 4);

    g_string_append(p, "vCont");
    if (fuzz_below(in, 8) == 0)
        g_string_append_c(p, ':');      /* wrong separator */
    for (unsigned i = 0; i < n; i++) {
        g_string_append_c(p, ';');
        switch (fuzz_below(in, 8)) {
        case 0:
            g_string_append_c(p, 'c');
            break;
        case 1:
            g_string_append_c(p, 's');
            break;
        case 2:
            g_string_append_c(p, 'C');
            append_signal(in, p);
            break;
        case 3:
            g_string_append_c(p, 'S');
            append_signal(in, p);
            break;
        case 4:
            g_string_append_c(p, 'r');
            append_addr(in, p, &v);
            g_string_append_c(p, ',');
            append_addr(in, p, &v);
            break;
        case 5:
            g_string_append_c(p, 't');
            break;
        case 6:
            break;                      /* empty action */
        default:
            g_string_append_c(p, (char)fuzz_u8(in));
            break;
        }
        if (fuzz_below(in, 2) == 0) {
            g_string_append_c(p, ':');
            append_ptid(in, p);
        }
    }
}

BUILD(build_H)
{
    g_string_append_c(p, 'H');
    g_string_append_c(p, "gcGx"[fuzz_below(in, 4)]);
    append_ptid(in, p);
}

BUILD(build_T)
{
    g_string_append_c(p, 'T');
    append_ptid(in, p);
}

static void breakpoint(struct fuzz_input *in, GString *p, char cmd)
{
    uint64_t v;
    g_string_append_c(p, cmd);
    g_string_append_c(p, "0123456x"[fuzz_below(in, 8)]);
    g_string_append_c(p, ',');
    append_addr(in, p, &v);
    g_string_append_c(p, ',');
    append_len(in, p, &v);
    if (fuzz_below(in, 4) == 0) {
        g_string_append(p, ";X");
        append_hex_number(in, p, fuzz_u8(in));
        g_string_append_c(p, ',');
        append_hex_data(in, p, 8);
    }
}

BUILD(build_Z)
{
    breakpoint(in, p, 'Z');
}

BUILD(build_z)
{
    breakpoint(in, p, 'z');
}

BUILD(build_xfer)
{
    static const char *const objects[] = {
        "features", "auxv", "exec-file", "threads", "libraries", "osdata",
        "",
    };
    static const char *const annexes[] = {
        "target.xml", "aarch64-core.xml", "aarch64-fpu.xml", "", "2a",
        "../target.xml", "target.xml:", "nonexistent.xml", "processes",
        "msg",
    };
    uint64_t v;

    g_string_append(p, "qXfer:");
    g_string_append(p, objects[fuzz_below(in, G_N_ELEMENTS(objects))]);
    g_string_append(p, fuzz_below(in, 8) ? ":read:" : ":write:");
    g_string_append(p, annexes[fuzz_below(in, G_N_ELEMENTS(annexes))]);
    if (fuzz_below(in, 8) != 0)
        g_string_append_c(p, ':');
    append_len(in, p, &v);              /* offset */
    g_string_append_c(p, ',');
    append_len(in, p, &v);
}

BUILD(build_rcmd)
{
    static const char *const commands[] = { "help", "quiet", "", "reset" };
    g_string_append(p, "qRcmd,");
    if (fuzz_below(in, 2) == 0) {
        const char *cmd = commands[fuzz_below(in, G_N_ELEMENTS(commands))];
        for (const char *c = cmd; *c; c++)
            g_string_append_printf(p, "%02x", (uint8_t)*c);
    } else {
        append_hex_data(in, p, 300);
    }
}

BUILD(build_register_info)
{
    g_string_append(p, "qRegisterInfo");
    append_regnum(in, p);
}

BUILD(build_D)
{
    g_string_append_c(p, 'D');
    if (fuzz_below(in, 2) == 0) {
        g_string_append_c(p, ';');
        append_ptid(in, p);
    }
}

BUILD(build_vkill)
{
    g_string_append(p, "vKill");
    if (fuzz_below(in, 2) == 0) {
        g_string_append_c(p, ';');
        append_ptid(in, p);
    }
}

BUILD(build_attached)
{
    g_string_append(p, "qAttached");
    if (fuzz_below(in, 2) == 0) {
        g_string_append_c(p, ':');
        append_ptid(in, p);
    }
}

BUILD(build_symbol)
{
    g_string_append(p, "qSymbol:");
    append_hex_data(in, p, 16);
    g_string_append_c(p, ':');
    append_hex_data(in, p, 16);
}

BUILD(build_thread_extra_info)
{
    g_string_append(p, "qThreadExtraInfo");
    if (fuzz_below(in, 8) != 0) {
        g_string_append_c(p, ",:"[fuzz_below(in, 2)]);
        append_ptid(in, p);
    }
}

/* "0"/"1" flags and hex arguments of the Q packets that take them. */
static void append_flag(struct fuzz_input *in, GString *p)
{
    static const char *const flags[] = { "0", "1", "", "2", "10", "-1" };
    g_string_append(p, flags[fuzz_below(in, G_N_ELEMENTS(flags))]);
}

static void append_hex_text(struct fuzz_input *in, GString *p)
{
    static const char *const texts[] = {
        "FOO=bar", "=x", "NOEQ", "A=", "/tmp", "/bin/true", "", "a b;c",
    };
    if (fuzz_below(in, 2) == 0) {
        const char *t = texts[fuzz_below(in, G_N_ELEMENTS(texts))];
        for (const char *c = t; *c; c++)
            g_string_append_printf(p, "%02x", (uint8_t)*c);
    } else {
        append_hex_data(in, p, 24);
    }
}

BUILD(build_q_flag)
{
    static const char *const names[] = {
        "QThreadEvents", "QStartupWithShell", "QDisableRandomization",
        "QNonStop",
    };
    g_string_append(p, names[fuzz_below(in, G_N_ELEMENTS(names))]);
    if (fuzz_below(in, 8) != 0)
        g_string_append_c(p, ':');
    append_flag(in, p);
}

BUILD(build_q_hex)
{
    static const char *const names[] = {
        "QEnvironmentHexEncoded", "QEnvironmentUnset", "QSetWorkingDir",
        "QEnvironmentReset",
    };
    g_string_append(p, names[fuzz_below(in, G_N_ELEMENTS(names))]);
    if (fuzz_below(in, 8) != 0)
        g_string_append_c(p, ':');
    append_hex_text(in, p);
}

BUILD(build_catch_syscalls)
{
    unsigned n = fuzz_below(in, 6);

    g_string_append(p, "QCatchSyscalls");
    if (fuzz_below(in, 8) != 0)
        g_string_append_c(p, ':');
    append_flag(in, p);
    for (unsigned i = 0; i < n; i++) {
        g_string_append_c(p, ';');
        append_hex_number(in, p, fuzz_below(in, 2) ? fuzz_u8(in)
                                                   : fuzz_u64(in));
    }
}

BUILD(build_vrun)
{
    unsigned n = fuzz_below(in, 4);

    g_string_append(p, "vRun");
    if (fuzz_below(in, 8) != 0)
        g_string_append_c(p, ';');
    append_hex_text(in, p);
    for (unsigned i = 0; i < n; i++) {
        g_string_append_c(p, ';');
        append_hex_text(in, p);
    }
}

BUILD(build_R)
{
    g_string_append(p, "R");
    append_hex_number(in, p, fuzz_u8(in));
}

BUILD(build_vattach)
{
    g_string_append(p, "vAttach");
    if (fuzz_below(in, 2) == 0) {
        g_string_append_c(p, ';');
        append_ptid(in, p);
    }
}

/* Packets with no arguments, by name. */
static const char *const bare_packets[] = {
    "?", "k", "qC", "qfThreadInfo", "qsThreadInfo", "QStartNoAckMode",
    "qOffsets", "qTStatus", "vMustReplyEmpty", "QThreadSuffixSupported",
    "QListThreadsInStopReply", "qGetWorkingDir", "jThreadsInfo",
    "qHostInfo", "qProcessInfo", "qSupported", "vCont", "D", "vKill",
    "qRcmd", "qXfer", "qAttached", "qSymbol", "qSymbol::", "!",
    "QEnvironmentReset", "QThreadEvents:1", "QCatchSyscalls:1",
    "QCatchSyscalls:0", "QNonStop:1", "vRun;", "vStopped", "QNonStop:0",
};

BUILD(build_bare)
{
    g_string_append(p, bare_packets[fuzz_below(in,
                                               G_N_ELEMENTS(bare_packets))]);
}

/* Anything at all: names the table does not know, prefixes of names it
 * does, and binary. */
BUILD(build_unknown)
{
    append_raw_bytes(in, p, 48);
}

static const struct {
    build_fn build;
    unsigned flags;
} kinds[] = {
    { build_supported, 0 }, { build_g, 0 }, { build_G, 0 }, { build_p, 0 },
    { build_P, 0 }, { build_m, 0 }, { build_M, 0 }, { build_X, 0 },
    { build_x, 0 }, { build_c, MAY_RESUME }, { build_s, MAY_RESUME },
    { build_C, MAY_RESUME }, { build_S, MAY_RESUME },
    { build_vcont_query, 0 }, { build_vcont, MAY_RESUME }, { build_H, 0 },
    { build_T, 0 }, { build_Z, 0 }, { build_z, 0 }, { build_xfer, 0 },
    { build_rcmd, MULTI_REPLY }, { build_register_info, 0 },
    { build_D, 0 }, { build_vkill, 0 }, { build_attached, 0 },
    { build_symbol, 0 }, { build_bare, MULTI_REPLY | MAY_RESUME },
    { build_unknown, MULTI_REPLY | MAY_RESUME | MAY_BE_SILENT },
    { build_thread_extra_info, 0 }, { build_q_flag, 0 }, { build_q_hex, 0 },
    { build_catch_syscalls, 0 }, { build_vrun, 0 },
    { build_R, MAY_BE_SILENT }, { build_vattach, 0 },
};

/* Events that are not packets. */
enum {
    EVENT_STOP = G_N_ELEMENTS(kinds),
    EVENT_INTERRUPT,
    EVENT_NAK,
    EVENT_COUNT,
};

/* --- The session ------------------------------------------------------ */

static struct rsp_stop stop_from_input(struct fuzz_input *in)
{
    static const char *const exec_paths[] = { "/bin/ls", "", NULL };
    uint8_t b = fuzz_u8(in);
    struct rsp_stop stop = {
        .kind = b % 5 == 0 ? RSP_STOP_EXITED
                : b % 5 == 1 ? RSP_STOP_TERMINATED
                : b % 5 == 2 ? RSP_STOP_THREAD_EXITED : RSP_STOP_SIGNAL,
        .signal = fuzz_u8(in),
        .exit_code = fuzz_u8(in),
        .thread = { FAKE_PID, b & 0x10 ? FAKE_TID2 : FAKE_TID1 },
        .reason = (enum rsp_stop_reason)(fuzz_u8(in)
                                         % (RSP_REASON_SYSCALL_RETURN + 1)),
        .watch_addr = fuzz_u64(in),
        .child = { (int64_t)(fuzz_u64(in) >> 1), (int64_t)fuzz_u8(in) - 1 },
        .syscall_nr = fuzz_u64(in),
        .core = fuzz_u8(in),
    };
    stop.exec_path = exec_paths[fuzz_below(in, G_N_ELEMENTS(exec_paths))];
    if (b & 0x20)
        stop.thread = (struct rsp_ptid){ 0, 0 };
    return stop;
}

static int hex_nibble(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/* A successful read inside the fake memory returns that memory. */
static void check_mem_reply(struct rsp_wire *w, const struct mem_expect *mem)
{
    const GString *r = w->last_reply;

    if (!mem->active || r->len == 0 || r->str[0] == 'E')
        return;
    FUZZ_CHECK(r->len % 2 == 0, "m reply of odd length %zu", r->len);
    FUZZ_CHECK(r->len / 2 <= mem->len, "m reply longer than asked");
    FUZZ_CHECK(mem->addr >= FAKE_MEM_BASE
                   && mem->addr - FAKE_MEM_BASE + r->len / 2 <= FAKE_MEM_SIZE,
               "m at 0x%" PRIx64 " returned bytes outside memory", mem->addr);
    for (size_t i = 0; i < r->len / 2; i++) {
        int hi = hex_nibble(r->str[2 * i]), lo = hex_nibble(r->str[2 * i + 1]);
        FUZZ_CHECK(hi >= 0 && lo >= 0, "m reply is not hex");
        FUZZ_CHECK((hi << 4 | lo)
                       == w->ft->mem[mem->addr - FAKE_MEM_BASE + i],
                   "m reply byte %zu differs from memory", i);
    }
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fuzz_input in;
    struct rsp_wire *w = rsp_wire_new();
    GString *packet = g_string_new(NULL);
    bool no_ack = false;
    /* A QStartNoAckMode queued while the target ran takes effect when it
     * is replayed, which may be after a later resume: from then on
     * either count of acks is right. */
    bool ack_mode_known = true;

    fuzz_input_init(&in, data, size);
    if (fuzz_u8(&in) & 1)
        w->ft->auxv = g_bytes_new_static(data, MIN(size, 64));
    for (int n = 0; n < MAX_PACKETS && fuzz_left(&in) > 0; n++) {
        unsigned kind = fuzz_below(&in, EVENT_COUNT);
        bool was_running = rsp_conn_target_running(w->conn);
        bool was_finished = rsp_conn_finished(w->conn);
        struct mem_expect mem = { 0 };

        rsp_wire_reset_counts(w);
        if (kind == EVENT_STOP) {
            struct rsp_stop stop = stop_from_input(&in);
            rsp_wire_report_stop(w, &stop);
            FUZZ_CHECK(was_running ? w->packets >= 1 : w->packets == 0,
                       "stop report: %u packets sent (running: %d)",
                       w->packets, was_running);
            continue;
        }
        if (kind == EVENT_INTERRUPT) {
            rsp_wire_feed(w, "\x03", 1);
            FUZZ_CHECK(w->packets == 0 && w->acks == 0,
                       "Ctrl-C answered with a packet");
            continue;
        }
        if (kind == EVENT_NAK) {
            rsp_wire_feed(w, "-", 1);
            FUZZ_CHECK(w->packets <= 1, "a NAK resent %u packets",
                       w->packets);
            continue;
        }

        g_string_truncate(packet, 0);
        kinds[kind].build(&in, packet, &mem);
        /* Sometimes junk after a well-formed packet. */
        if (fuzz_below(&in, 16) == 0) {
            append_raw_bytes(&in, packet, 8);
            mem.active = false;
        }
        rsp_wire_send(w, packet->str, packet->len);

        FUZZ_CHECK(w->naks == 0, "NAK for a packet with a good checksum");
        FUZZ_CHECK(w->acks == (no_ack ? 0u : 1u)
                       || (!ack_mode_known && w->acks <= 1),
                   "%u acks for packet \"%s\" (no-ack mode: %d)", w->acks,
                   packet->str, no_ack);
        if (w->acks == 0)
            no_ack = true;      /* as the debugger would conclude */
        if (was_running && packet->len == strlen("QStartNoAckMode")
            && strcmp(packet->str, "QStartNoAckMode") == 0)
            ack_mode_known = false;
        if (was_finished || was_running) {
            FUZZ_CHECK(w->packets == 0,
                       "%u replies to \"%s\" while %s", w->packets,
                       packet->str, was_finished ? "finished" : "running");
            continue;
        }
        if (rsp_conn_target_running(w->conn)) {
            FUZZ_CHECK(kinds[kind].flags & MAY_RESUME,
                       "\"%s\" started the target", packet->str);
            FUZZ_CHECK(w->packets == 0, "replies to \"%s\" that resumed",
                       packet->str);
            continue;
        }
        if (kinds[kind].flags & MULTI_REPLY)
            FUZZ_CHECK(w->packets >= 1
                           || (kinds[kind].flags & MAY_BE_SILENT
                               && packet->str[0] == 'R'),
                       "no reply to \"%s\"", packet->str);
        else if (kinds[kind].flags & MAY_BE_SILENT)
            FUZZ_CHECK(w->packets == 0, "%u replies to \"%s\"", w->packets,
                       packet->str);
        else
            FUZZ_CHECK(w->packets == 1, "%u replies to \"%s\"", w->packets,
                       packet->str);
        check_mem_reply(w, &mem);
        if (strcmp(packet->str, "QStartNoAckMode") == 0
            && strcmp(w->last_reply->str, "OK") == 0)
            no_ack = true;
    }
    g_string_free(packet, TRUE);
    rsp_wire_free(w);
    return 0;
}
