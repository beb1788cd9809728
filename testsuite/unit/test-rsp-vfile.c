/* vFile (rsp/vfile.c) against a small target whose files live in a
 * temporary directory: the replies gdb parses, the File-I/O stat layout,
 * and the refusals that keep the debugger read-only and confined to the
 * handles it opened. */
#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rsp/commands.h"
#include "rsp/conn.h"
#include "rsp/hex.h"
#include "rsp/packet.h"

#define TEST_PID 0x2a
#define MAX_HANDLES 4

/* The target: guest path P is ROOT/P; handles index fds[]. */
struct file_target {
    struct rsp_target base;
    char *root;
    int fds[MAX_HANDLES];
    int opens;              /* file_open calls that reached the target */
};

static struct file_target *ft_of(struct rsp_target *t)
{
    return (struct file_target *)t;
}

static int ft_open(struct rsp_target *t, const char *path)
{
    struct file_target *ft = ft_of(t);
    char *host = g_build_filename(ft->root, path, NULL);
    int fd = open(host, O_RDONLY | O_CLOEXEC);
    int err = errno;

    ft->opens++;
    g_free(host);
    if (fd < 0)
        return -err;
    for (int i = 0; i < MAX_HANDLES; i++) {
        if (ft->fds[i] < 0) {
            ft->fds[i] = fd;
            return i;
        }
    }
    close(fd);
    return -EMFILE;
}

static int ft_fd(struct rsp_target *t, int h)
{
    if (h < 0 || h >= MAX_HANDLES || ft_of(t)->fds[h] < 0)
        return -EBADF;
    return ft_of(t)->fds[h];
}

static ssize_t ft_pread(struct rsp_target *t, int h, uint8_t *buf, size_t len,
                        uint64_t off)
{
    int fd = ft_fd(t, h);
    ssize_t n;

    if (fd < 0)
        return fd;
    n = pread(fd, buf, len, (off_t)off);
    return n < 0 ? -errno : n;
}

static int ft_fstat(struct rsp_target *t, int h, struct stat *st)
{
    int fd = ft_fd(t, h);

    if (fd < 0)
        return fd;
    return fstat(fd, st) < 0 ? -errno : 0;
}

static int ft_close(struct rsp_target *t, int h)
{
    int fd = ft_fd(t, h);

    if (fd < 0)
        return fd;
    ft_of(t)->fds[h] = -1;
    return close(fd) < 0 ? -errno : 0;
}

static ssize_t ft_readlink(struct rsp_target *t, const char *path, char *buf,
                           size_t size)
{
    char *host = g_build_filename(ft_of(t)->root, path, NULL);
    ssize_t n = readlink(host, buf, size);
    int err = errno;

    g_free(host);
    return n < 0 ? -err : n;
}

static int64_t ft_pid(struct rsp_target *t)
{
    return TEST_PID;
}

static const struct rsp_target_ops file_target_ops = {
    .file_open = ft_open,
    .file_pread = ft_pread,
    .file_fstat = ft_fstat,
    .file_close = ft_close,
    .file_readlink = ft_readlink,
    .pid = ft_pid,
};

static const struct rsp_target_ops no_file_ops = {
    .pid = ft_pid,
};

struct fixture {
    struct file_target ft;
    struct rsp_conn *conn;
    char *data_path;
};

static void no_send(void *opaque, const uint8_t *data, size_t len)
{
}

/* 300 bytes: 0, 1, ... 255, 0, 1 ... with '#', '$', '}' and '*' among
 * them, which must come back escaped and be unescaped. */
static uint8_t file_bytes[300];

static void setup(struct fixture *f, gconstpointer data)
{
    f->ft.base.ops = &file_target_ops;
    f->ft.root = g_dir_make_tmp("backstep-vfile-XXXXXX", NULL);
    g_assert_nonnull(f->ft.root);
    for (int i = 0; i < MAX_HANDLES; i++)
        f->ft.fds[i] = -1;
    for (size_t i = 0; i < sizeof(file_bytes); i++)
        file_bytes[i] = (uint8_t)i;
    f->data_path = g_build_filename(f->ft.root, "data", NULL);
    g_assert_true(g_file_set_contents(f->data_path, (char *)file_bytes,
                                      sizeof(file_bytes), NULL));
    char *link = g_build_filename(f->ft.root, "link", NULL);
    g_assert_cmpint(symlink("/lib/libc.so.6", link), ==, 0);
    g_free(link);
    f->conn = rsp_conn_new(&f->ft.base, no_send, NULL);
}

static void teardown(struct fixture *f, gconstpointer data)
{
    for (int i = 0; i < MAX_HANDLES; i++)
        if (f->ft.fds[i] >= 0)
            close(f->ft.fds[i]);
    rsp_conn_free(f->conn);
    char *link = g_build_filename(f->ft.root, "link", NULL);
    g_unlink(link);
    g_free(link);
    g_unlink(f->data_path);
    g_free(f->data_path);
    g_rmdir(f->ft.root);
    g_free(f->ft.root);
}

/* Dispatch one packet; the reply as sent (escaped), NUL-terminated. */
static GString *transact(struct fixture *f, const char *packet)
{
    struct rsp_args args;
    const struct rsp_command *cmd =
        rsp_find_command(packet, strlen(packet), &args);
    GString *reply = g_string_new(NULL);

    g_assert_nonnull(cmd);
    cmd->handler(f->conn, &args, reply);
    return reply;
}

static void assert_reply(struct fixture *f, const char *packet,
                         const char *want)
{
    GString *reply = transact(f, packet);
    g_assert_cmpstr(reply->str, ==, want);
    g_string_free(reply, TRUE);
}

/* "vFile:open:HEX(path),flags,mode" */
static char *open_packet(const char *path, unsigned flags)
{
    GString *p = g_string_new("vFile:open:");
    rsp_hex_encode_str(p, path);
    g_string_append_printf(p, ",%x,1a4", flags);
    return g_string_free(p, FALSE);
}

/* The data of an "FLEN;DATA" reply, unescaped; checks LEN matches. */
static GBytes *reply_data(GString *reply)
{
    const char *semi = strchr(reply->str, ';');
    g_assert_nonnull(semi);
    g_assert_cmpint(reply->str[0], ==, 'F');
    uint64_t len = g_ascii_strtoull(reply->str + 1, NULL, 16);
    size_t n = reply->len - (size_t)(semi + 1 - reply->str);
    uint8_t *data = g_memdup2(semi + 1, n);
    n = rsp_unescape_binary(data, n);
    g_assert_cmpuint(n, ==, len);
    return g_bytes_new_take(data, n);
}

static void test_open_read_close(struct fixture *f, gconstpointer data)
{
    char *pkt = open_packet("/data", 0);
    assert_reply(f, pkt, "F0");
    g_free(pkt);

    /* The whole file in one read, then pieces, then past the end. */
    GString *reply = transact(f, "vFile:pread:0,1000,0");
    GBytes *got = reply_data(reply);
    g_assert_cmpmem(g_bytes_get_data(got, NULL), g_bytes_get_size(got),
                    file_bytes, sizeof(file_bytes));
    g_bytes_unref(got);
    g_string_free(reply, TRUE);

    reply = transact(f, "vFile:pread:0,10,110");
    got = reply_data(reply);
    g_assert_cmpmem(g_bytes_get_data(got, NULL), g_bytes_get_size(got),
                    file_bytes + 0x110, 0x10);
    g_bytes_unref(got);
    g_string_free(reply, TRUE);

    /* Short at the end of the file, empty past it. */
    reply = transact(f, "vFile:pread:0,10,120");
    got = reply_data(reply);
    g_assert_cmpmem(g_bytes_get_data(got, NULL), g_bytes_get_size(got),
                    file_bytes + 0x120, sizeof(file_bytes) - 0x120);
    g_bytes_unref(got);
    g_string_free(reply, TRUE);
    assert_reply(f, "vFile:pread:0,10,1000", "F0;");
    assert_reply(f, "vFile:close:0", "F0");
    /* Closed: the handle is gone. */
    assert_reply(f, "vFile:pread:0,10,0", "F-1,9");
    assert_reply(f, "vFile:close:0", "F-1,9");
}

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3];
}

static uint64_t be64(const uint8_t *p)
{
    return (uint64_t)be32(p) << 32 | be32(p + 4);
}

static void test_fstat_layout(struct fixture *f, gconstpointer data)
{
    char *pkt = open_packet("/data", 0);
    assert_reply(f, pkt, "F0");
    g_free(pkt);
    struct stat st;
    g_assert_cmpint(stat(f->data_path, &st), ==, 0);

    GString *reply = transact(f, "vFile:fstat:0");
    GBytes *got = reply_data(reply);
    gsize n;
    const uint8_t *s = g_bytes_get_data(got, &n);
    g_assert_cmpuint(n, ==, 64);
    /* Big-endian, GDB's struct stat. */
    g_assert_cmphex(be32(s + 4), ==, (uint32_t)st.st_ino);
    g_assert_cmphex(be32(s + 8), ==, st.st_mode);
    g_assert_true(S_ISREG(be32(s + 8)));
    g_assert_cmpuint(be32(s + 12), ==, st.st_nlink);
    g_assert_cmpuint(be32(s + 16), ==, st.st_uid);
    g_assert_cmpuint(be64(s + 28), ==, sizeof(file_bytes));
    g_assert_cmpuint(be64(s + 36), ==, (uint64_t)st.st_blksize);
    g_assert_cmpuint(be64(s + 44), ==, (uint64_t)st.st_blocks);
    g_assert_cmpuint(be32(s + 56), ==, (uint32_t)st.st_mtime);
    g_bytes_unref(got);
    g_string_free(reply, TRUE);

    assert_reply(f, "vFile:fstat:3", "F-1,9");
}

static void test_errors(struct fixture *f, gconstpointer data)
{
    char *pkt = open_packet("/missing", 0);
    assert_reply(f, pkt, "F-1,2");
    g_free(pkt);
    pkt = open_packet("/data/below-a-file", 0);
    assert_reply(f, pkt, "F-1,14");   /* ENOTDIR */
    g_free(pkt);
    /* ENAMETOOLONG has its own File-I/O number. */
    GString *longname = g_string_new("/");
    for (int i = 0; i < 300; i++)
        g_string_append_c(longname, 'x');
    pkt = open_packet(longname->str, 0);
    assert_reply(f, pkt, "F-1,5b");
    g_free(pkt);
    g_string_free(longname, TRUE);
}

/* Nothing a debugger sends writes, creates or removes a file. */
static void test_read_only(struct fixture *f, gconstpointer data)
{
    static const unsigned write_flags[] = {
        0x1,            /* O_WRONLY */
        0x2,            /* O_RDWR */
        0x8,            /* O_APPEND */
        0x200,          /* O_CREAT */
        0x400,          /* O_TRUNC */
        0x800,          /* O_EXCL */
        0x601,          /* what gdb's remote put sends */
    };
    for (size_t i = 0; i < G_N_ELEMENTS(write_flags); i++) {
        char *pkt = open_packet("/new-file", write_flags[i]);
        assert_reply(f, pkt, "F-1,1e");   /* EROFS */
        g_free(pkt);
        pkt = open_packet("/data", write_flags[i]);
        assert_reply(f, pkt, "F-1,1e");
        g_free(pkt);
    }
    /* Refused before the target saw them. */
    g_assert_cmpint(f->ft.opens, ==, 0);
    char *new_file = g_build_filename(f->ft.root, "new-file", NULL);
    g_assert_false(g_file_test(new_file, G_FILE_TEST_EXISTS));
    g_free(new_file);

    char *pkt = open_packet("/data", 0);
    assert_reply(f, pkt, "F0");
    g_free(pkt);
    assert_reply(f, "vFile:pwrite:0,0,abc", "F-1,1e");
    GString *unlink_pkt = g_string_new("vFile:unlink:");
    rsp_hex_encode_str(unlink_pkt, "/data");
    assert_reply(f, unlink_pkt->str, "F-1,1e");
    g_string_free(unlink_pkt, TRUE);
    g_assert_true(g_file_test(f->data_path, G_FILE_TEST_IS_REGULAR));
    gchar *contents;
    gsize len;
    g_assert_true(g_file_get_contents(f->data_path, &contents, &len, NULL));
    g_assert_cmpmem(contents, len, file_bytes, sizeof(file_bytes));
    g_free(contents);
}

static void test_readlink_setfs(struct fixture *f, gconstpointer data)
{
    GString *pkt = g_string_new("vFile:readlink:");
    rsp_hex_encode_str(pkt, "/link");
    assert_reply(f, pkt->str, "Fe;/lib/libc.so.6");
    g_string_free(pkt, TRUE);

    assert_reply(f, "vFile:setfs:0", "F0");
    assert_reply(f, "vFile:setfs:2a", "F0");
    assert_reply(f, "vFile:setfs:99", "F-1,16");   /* EINVAL */
}

/* Malformed requests get an error, never a crash or a file. */
static void test_malformed(struct fixture *f, gconstpointer data)
{
    static const char *const bad[] = {
        "vFile:open:", "vFile:open:2f64617461", "vFile:open:2f6461746,0,0",
        "vFile:open:2f64zz,0,0", "vFile:open:2f0064,0,0",
        "vFile:open:2f64617461,0", "vFile:open:2f64617461,0,0,0",
        "vFile:pread:0,10", "vFile:pread:x,1,0", "vFile:pread:0,1,0,0",
        "vFile:pread:", "vFile:close:", "vFile:close:ffffffffff",
        "vFile:fstat:-1", "vFile:setfs:", "vFile:readlink:",
        "vFile:readlink:2f6c696e6b,0", "vFile:open", "vFile",
    };
    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        GString *reply = transact(f, bad[i]);
        if (reply->str[0] != 'E')
            g_test_message("%s answered %s", bad[i], reply->str);
        g_assert_cmpint(reply->str[0], ==, 'E');
        g_string_free(reply, TRUE);
    }
    g_assert_cmpint(f->ft.opens, ==, 0);
    /* Huge handle and offset numbers are errors, not crashes. */
    assert_reply(f, "vFile:pread:ffffffffffffffff,10,0", "F-1,9");
    assert_reply(f, "vFile:pread:0,10,ffffffffffffffff", "F-1,16");
    /* Operations we do not implement: "not supported". */
    assert_reply(f, "vFile:size:2f64617461", "");
    assert_reply(f, "vFile:exists:2f64617461", "");
}

/* A target without files: every vFile packet is "not supported". */
static void test_no_files(void)
{
    struct rsp_target t = { .ops = &no_file_ops };
    struct rsp_conn *conn = rsp_conn_new(&t, no_send, NULL);
    struct rsp_args args;
    const char *pkt = "vFile:setfs:0";
    const struct rsp_command *cmd = rsp_find_command(pkt, strlen(pkt), &args);
    GString *reply = g_string_new(NULL);

    g_assert_nonnull(cmd);
    cmd->handler(conn, &args, reply);
    g_assert_cmpstr(reply->str, ==, "");
    g_string_free(reply, TRUE);
    rsp_conn_free(conn);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
#define ADD(name, fn) \
    g_test_add(name, struct fixture, NULL, setup, fn, teardown)
    ADD("/rsp/vfile/open-read-close", test_open_read_close);
    ADD("/rsp/vfile/fstat-layout", test_fstat_layout);
    ADD("/rsp/vfile/errors", test_errors);
    ADD("/rsp/vfile/read-only", test_read_only);
    ADD("/rsp/vfile/readlink-setfs", test_readlink_setfs);
    ADD("/rsp/vfile/malformed", test_malformed);
#undef ADD
    g_test_add_func("/rsp/vfile/no-files", test_no_files);
    return g_test_run();
}
