/* lldb's qMemoryRegionInfo and qHostInfo's addressing_bits against the
 * fake target.
 *
 * The fake's address space, given to rsp/ through a memory_region op of
 * this file's: [0x10000, 0x11000) r-x, [0x20000, 0x22000) rw- with
 * allocation tags, [0x30000, 0x31000) PROT_NONE, [0x40000, 0x41000) r--
 * mapping the file "/lib/a;b"; gaps elsewhere, the last one reaching the
 * top of the space. */
#include <errno.h>
#include <glib.h>
#include <string.h>

#include "rsp/conn.h"
#include "testsuite/unit/fake-target.h"
#include "xml-features/tdesc.h"

struct fake_mapping {
    uint64_t start, size;
    const char *perms;
    bool tagged;
    const char *name;
};

static const struct fake_mapping mappings[] = {
    { 0x10000, 0x1000, "rx", false, NULL },
    { 0x20000, 0x2000, "rw", true, NULL },
    { 0x30000, 0x1000, "", false, NULL },
    { 0x40000, 0x1000, "r", false, "/lib/a;b" },
};

static uint64_t last_region_addr;
static int region_result;

static int fake_memory_region(struct rsp_target *t, uint64_t addr,
                              struct rsp_region *out)
{
    uint64_t gap_start = 0;

    last_region_addr = addr;
    if (region_result < 0)
        return region_result;
    for (size_t i = 0; i < G_N_ELEMENTS(mappings); i++) {
        const struct fake_mapping *m = &mappings[i];
        if (addr < m->start) {
            out->start = gap_start;
            out->size = m->start - gap_start;
            return 0;
        }
        if (addr < m->start + m->size) {
            out->start = m->start;
            out->size = m->size;
            out->mapped = true;
            out->readable = strchr(m->perms, 'r') != NULL;
            out->writable = strchr(m->perms, 'w') != NULL;
            out->executable = strchr(m->perms, 'x') != NULL;
            out->memory_tagged = m->tagged;
            out->name = g_strdup(m->name);
            return 0;
        }
        gap_start = m->start + m->size;
    }
    out->start = gap_start;
    out->size = UINT64_MAX - gap_start;
    return 0;
}

static struct fake_peer *peer_with_regions(void)
{
    struct fake_peer *peer = fake_peer_new();

    peer->ft->ops.memory_region = fake_memory_region;
    last_region_addr = 0;
    region_result = 0;
    return peer;
}

static void test_supported_probe(void)
{
    struct fake_peer *peer = peer_with_regions();

    /* lldb-server's answer to the bare packet: "yes". */
    FAKE_ASSERT_REPLY(peer, "qMemoryRegionInfo", "OK");
    peer->ft->ops.memory_region = NULL;
    FAKE_ASSERT_REPLY(peer, "qMemoryRegionInfo", "");
    FAKE_ASSERT_REPLY(peer, "qMemoryRegionInfo:10000", "");
    fake_peer_free(peer);
}

static void test_mapped_regions(void)
{
    struct fake_peer *peer = peer_with_regions();

    FAKE_ASSERT_REPLY(peer, "qMemoryRegionInfo:10000",
                      "start:10000;size:1000;permissions:rx;flags:;");
    g_assert_cmphex(last_region_addr, ==, 0x10000);
    FAKE_ASSERT_REPLY(peer, "qMemoryRegionInfo:21fff",
                      "start:20000;size:2000;permissions:rw;flags:mt;");
    g_assert_cmphex(last_region_addr, ==, 0x21fff);
    /* PROT_NONE: mapped, with the empty permission set (lldb shows
     * "---" and knows it is mapped). */
    FAKE_ASSERT_REPLY(peer, "qMemoryRegionInfo:30000",
                      "start:30000;size:1000;permissions:;flags:;");
    /* The name is hex: ';' in a path cannot end the field. */
    FAKE_ASSERT_REPLY(peer, "qMemoryRegionInfo:40800",
                      "start:40000;size:1000;permissions:r;flags:;"
                      "name:2f6c69622f613b62;");
    fake_peer_free(peer);
}

static void test_gaps(void)
{
    struct fake_peer *peer = peer_with_regions();

    /* No permissions: lldb reads an unmapped region. */
    FAKE_ASSERT_REPLY(peer, "qMemoryRegionInfo:0", "start:0;size:10000;");
    FAKE_ASSERT_REPLY(peer, "qMemoryRegionInfo:22000",
                      "start:22000;size:e000;");
    FAKE_ASSERT_REPLY(peer, "qMemoryRegionInfo:ffffffffffffffff",
                      "start:41000;size:fffffffffffbefff;");
    fake_peer_free(peer);
}

static void test_bad_packets(void)
{
    struct fake_peer *peer = peer_with_regions();

    /* lldb 14 sends no error_message request, so errors are "Exx". */
    FAKE_ASSERT_REPLY(peer, "qMemoryRegionInfo:", "E16");
    FAKE_ASSERT_REPLY(peer, "qMemoryRegionInfo:12g4", "E16");
    FAKE_ASSERT_REPLY(peer, "qMemoryRegionInfo:10000;", "E16");
    FAKE_ASSERT_REPLY(peer, "qMemoryRegionInfo;10000", "E16");
    FAKE_ASSERT_REPLY(peer, "qMemoryRegionInfo:1ffffffffffffffff", "E16");
    g_assert_cmphex(last_region_addr, ==, 0);
    region_result = -ESRCH;
    FAKE_ASSERT_REPLY(peer, "qMemoryRegionInfo:10000", "E03");
    fake_peer_free(peer);
}

/* qHostInfo's addressing_bits comes from pauth_cmask when the target
 * description has it; the fake's own table has no pauth feature, so
 * this test gives it one register more. */
static unsigned cmask_regnum;
static uint64_t cmask_value;
static int (*plain_read_reg)(struct rsp_target *, struct rsp_ptid, unsigned,
                             uint8_t *);

static int read_reg_with_cmask(struct rsp_target *t, struct rsp_ptid thread,
                               unsigned regnum, uint8_t *buf)
{
    if (regnum != cmask_regnum)
        return plain_read_reg(t, thread, regnum, buf);
    for (int i = 0; i < 8; i++)
        buf[i] = (uint8_t)(cmask_value >> (8 * i));
    return 0;
}

static struct fake_peer *peer_with_cmask(uint64_t value)
{
    struct fake_peer *peer = fake_peer_new();
    struct tdesc *td = peer->ft->td;
    struct tdesc_reg *reg = g_new0(struct tdesc_reg, 1);

    reg->name = g_strdup("pauth_cmask");
    reg->type = g_strdup("int");
    reg->feature = "org.gnu.gdb.aarch64.pauth";
    reg->regnum = td->regs->len;
    reg->bitsize = 64;
    reg->offset = td->g_size;
    reg->dwarf_regnum = -1;
    td->g_size += 8;
    g_ptr_array_add(td->regs, reg);

    cmask_regnum = reg->regnum;
    cmask_value = value;
    plain_read_reg = peer->ft->ops.read_reg;
    peer->ft->ops.read_reg = read_reg_with_cmask;
    return peer;
}

#define TRIPLE "616172636836342d756e6b6e6f776e2d6c696e75782d676e75"
#define HOST_FACTS                                                          \
    "triple:" TRIPLE ";ostype:linux;vendor:unknown;endian:little;"          \
    "ptrsize:8;watchpoint_exceptions_received:before;"

static void test_addressing_bits(void)
{
    struct fake_peer *peer = peer_with_cmask(0x007f000000000000ull);

    FAKE_ASSERT_REPLY(peer, "qHostInfo", HOST_FACTS "addressing_bits:48;");
    fake_peer_free(peer);

    /* A 52-bit space (FEAT_LVA): the PAC starts higher. */
    peer = peer_with_cmask(0x0070000000000000ull);
    FAKE_ASSERT_REPLY(peer, "qHostInfo", HOST_FACTS "addressing_bits:52;");
    fake_peer_free(peer);

    /* No mask (PAuth off), or none to read: nothing said. */
    peer = peer_with_cmask(0);
    FAKE_ASSERT_REPLY(peer, "qHostInfo", HOST_FACTS);
    fake_peer_free(peer);
    peer = fake_peer_new();
    FAKE_ASSERT_REPLY(peer, "qHostInfo", HOST_FACTS);
    fake_peer_free(peer);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/rsp/lldb/region-supported", test_supported_probe);
    g_test_add_func("/rsp/lldb/region-mapped", test_mapped_regions);
    g_test_add_func("/rsp/lldb/region-gaps", test_gaps);
    g_test_add_func("/rsp/lldb/region-bad-packets", test_bad_packets);
    g_test_add_func("/rsp/lldb/addressing-bits", test_addressing_bits);
    return g_test_run();
}
