/* qMemTags, QMemTags, qIsAddressTagged and memory-tagging+ against the
 * fake target, given tag operations over its one page of memory (256
 * granules; everything else is untagged memory). */
#include <errno.h>
#include <glib.h>
#include <string.h>

#include "rsp/conn.h"
#include "testsuite/unit/fake-target.h"

#define GRANULES (FAKE_MEM_SIZE / 16)

static uint8_t tags[GRANULES];
static int last_type;

static bool span(uint64_t addr, uint64_t len, uint64_t *first, uint64_t *n)
{
    uint64_t end = addr + (len ? len : 1);

    if (addr < FAKE_MEM_BASE || end > FAKE_MEM_BASE + FAKE_MEM_SIZE ||
        end < addr)
        return false;
    *first = (addr - FAKE_MEM_BASE) / 16;
    *n = (end - FAKE_MEM_BASE + 15) / 16 - *first;
    return true;
}

static ssize_t read_tags(struct rsp_target *t, uint64_t addr, uint64_t len,
                         int type, uint8_t *out, size_t max)
{
    uint64_t first, n;

    last_type = type;
    if (!span(addr, len, &first, &n))
        return -EIO;
    if (n > max)
        return -E2BIG;
    memcpy(out, &tags[first], n);
    return (ssize_t)n;
}

static int write_tags(struct rsp_target *t, uint64_t addr, uint64_t len,
                      int type, const uint8_t *in, size_t ntags)
{
    uint64_t first, n;

    last_type = type;
    if (!span(addr, len, &first, &n))
        return -EIO;
    for (uint64_t i = 0; i < n; i++)
        tags[first + i] = in[i % ntags];
    return 0;
}

static int is_tagged(struct rsp_target *t, uint64_t addr)
{
    return addr >= FAKE_MEM_BASE && addr < FAKE_MEM_BASE + FAKE_MEM_SIZE;
}

static struct fake_peer *peer_with_tags(void)
{
    struct fake_peer *peer = fake_peer_new();

    peer->ft->ops.read_tags = read_tags;
    peer->ft->ops.write_tags = write_tags;
    peer->ft->ops.is_tagged = is_tagged;
    memset(tags, 0, sizeof(tags));
    return peer;
}

#define ASSERT_REPLY(peer, packet, want)                                    \
    do {                                                                    \
        char *reply_ = fake_peer_transact((peer), (packet));                \
        g_assert_cmpstr(reply_, ==, (want));                                \
        g_free(reply_);                                                     \
    } while (0)

static void test_supported(void)
{
    struct fake_peer *peer = peer_with_tags();
    char *reply = fake_peer_transact(peer, "qSupported:memory-tagging+");

    g_assert_nonnull(strstr(reply, ";memory-tagging+"));
    g_free(reply);
    fake_peer_free(peer);

    /* Without the operations: not offered, and the packets are unknown. */
    peer = fake_peer_new();
    reply = fake_peer_transact(peer, "qSupported:memory-tagging+");
    g_assert_null(strstr(reply, "memory-tagging"));
    g_free(reply);
    ASSERT_REPLY(peer, "qMemTags:10000,10:1", "");
    ASSERT_REPLY(peer, "QMemTags:10000,10:1:05", "");
    ASSERT_REPLY(peer, "qIsAddressTagged:10000", "");
    fake_peer_free(peer);
}

static void test_read_write(void)
{
    struct fake_peer *peer = peer_with_tags();

    tags[1] = 3;
    ASSERT_REPLY(peer, "qMemTags:10000,20:1", "m0003");
    g_assert_cmpint(last_type, ==, 1);
    /* len 0 and a partial granule: the granules touched. */
    ASSERT_REPLY(peer, "qMemTags:10018,0:1", "m03");
    ASSERT_REPLY(peer, "qMemTags:1000f,2:1", "m0003");
    /* Tags repeat over the range. */
    ASSERT_REPLY(peer, "QMemTags:10040,40:1:0a0b", "OK");
    ASSERT_REPLY(peer, "qMemTags:10040,40:1", "m0a0b0a0b");
    ASSERT_REPLY(peer, "QMemTags:10000,10:1:07", "OK");
    g_assert_cmpuint(tags[0], ==, 7);
    /* Untagged memory: an error, nothing changes. */
    ASSERT_REPLY(peer, "qMemTags:20000,10:1", "E05");
    ASSERT_REPLY(peer, "QMemTags:20000,10:1:01", "E05");
    ASSERT_REPLY(peer, "qIsAddressTagged:10010", "01");
    ASSERT_REPLY(peer, "qIsAddressTagged:20010", "00");
    fake_peer_free(peer);
}

static void test_bad_requests(void)
{
    struct fake_peer *peer = peer_with_tags();
    static const char *const bad[] = {
        "qMemTags:10000", "qMemTags:10000,10", "qMemTags:10000,10:",
        "qMemTags:zz,10:1", "qMemTags:10000,10:1:", "QMemTags:10000,10:1",
        "QMemTags:10000,10:1:", "QMemTags:10000,10:1:0", "QMemTags:10000,10:1:zz",
        "qIsAddressTagged:", "qIsAddressTagged:1x",
        "qMemTags:10000,10:ffffffffff",
    };

    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        char *reply = fake_peer_transact(peer, bad[i]);
        g_assert_true(reply[0] == 'E');
        g_free(reply);
    }
    /* More tags than a reply holds: an error, not a truncated answer. */
    ASSERT_REPLY(peer, "qMemTags:10000,ffffffffffff:1", "E05");
    fake_peer_free(peer);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/rsp/memtags/supported", test_supported);
    g_test_add_func("/rsp/memtags/read-write", test_read_write);
    g_test_add_func("/rsp/memtags/bad-requests", test_bad_requests);
    return g_test_run();
}
