/* vFile:OPERATION:ARGS — the debugger reads the program's files through
 * us (gdb's default sysroot is "target:": the interpreter, the libraries
 * and the program itself come this way).
 *
 * Read-only by design: opening for writing, pwrite and unlink are refused
 * here, before the target sees them, so no debugger can change a file on
 * the host through backstep. Which file a name means is the target's
 * business (file_open resolves it as the program would).
 *
 * Replies are "F RESULT" with RESULT in hex, "F-1,ERRNO" with the File-I/O
 * errno (GDB manual, "Errno Values"), and "FCOUNT;DATA" with binary DATA
 * for pread, fstat and readlink. */
#include "rsp/commands.h"
#include "rsp/hex.h"

#include <errno.h>
#include <limits.h>
#include <string.h>
#include <sys/stat.h>

/* Escaping can double the data: one reply stays within the packet size. */
#define VFILE_CHUNK_MAX ((RSP_PACKET_SIZE - 64) / 2)

/* File-I/O open flags and errno values (GDB manual, File-I/O appendix). */
#define FILEIO_O_ACCMODE 0x3
#define FILEIO_O_APPEND 0x8
#define FILEIO_O_CREAT 0x200
#define FILEIO_O_TRUNC 0x400
#define FILEIO_O_EXCL 0x800
#define FILEIO_ENAMETOOLONG 91
#define FILEIO_EUNKNOWN 9999

/* The File-I/O errno for a host errno. Linux numbers the ones the
 * protocol defines like it does, except ENAMETOOLONG. */
static int fileio_errno(int host_errno)
{
    static const int same[] = {
        EPERM, ENOENT, EINTR, EBADF, EACCES, EFAULT, EBUSY, EEXIST, ENODEV,
        ENOTDIR, EISDIR, EINVAL, ENFILE, EMFILE, EFBIG, ENOSPC, ESPIPE,
        EROFS,
    };

    if (host_errno == ENAMETOOLONG)
        return FILEIO_ENAMETOOLONG;
    for (size_t i = 0; i < G_N_ELEMENTS(same); i++) {
        if (same[i] == host_errno)
            return host_errno;
    }
    return FILEIO_EUNKNOWN;
}

static void reply_result(GString *reply, int64_t result)
{
    if (result < 0)
        g_string_append_printf(reply, "F-1,%x", fileio_errno((int)-result));
    else
        g_string_append_printf(reply, "F%" G_GINT64_MODIFIER "x", result);
}

static void reply_data(GString *reply, const void *data, size_t len)
{
    g_string_append_printf(reply, "F%zx;", len);
    rsp_escape_binary(reply, data, len);
}

/* A hex-encoded file name up to the end of s or a ','. NULL if it is not
 * hex, empty, too long or holds a NUL; *s moves past it. */
static char *parse_path(const char **s)
{
    const char *end = strchr(*s, ',');
    size_t hex_len = end ? (size_t)(end - *s) : strlen(*s);
    size_t n = hex_len / 2;
    char *path;

    if (hex_len == 0 || hex_len % 2 != 0 || n >= PATH_MAX)
        return NULL;
    path = g_malloc(n + 1);
    if (!rsp_hex_decode(*s, (uint8_t *)path, n)
        || memchr(path, '\0', n) != NULL) {
        g_free(path);
        return NULL;
    }
    path[n] = '\0';
    *s += hex_len;
    return path;
}

/* Parse comma-separated hex numbers filling all n of values, up to the
 * end of args. */
static bool parse_numbers(const char *args, uint64_t *values, size_t n)
{
    const char *p = args;

    for (size_t i = 0; i < n; i++) {
        if (i > 0 && !rsp_expect(&p, ','))
            return false;
        if (!rsp_parse_hex_u64_until(&p, i + 1 < n ? "," : "", &values[i]))
            return false;
    }
    return *p == '\0';
}

static bool parse_handle(const char **p, const char *stop, int *handle)
{
    uint64_t v;

    if (!rsp_parse_hex_u64_until(p, stop, &v) || v > INT_MAX)
        return false;
    *handle = (int)v;
    return true;
}

typedef bool (*vfile_op_fn)(struct rsp_conn *conn, struct rsp_target *t,
                            const char *args, GString *reply);

/* setfs:PID — whose files: 0 is the stub's own view, which for us is the
 * program's; the program's pid is the same thing. */
static bool op_setfs(struct rsp_conn *conn, struct rsp_target *t,
                     const char *args, GString *reply)
{
    uint64_t pid;

    if (!parse_numbers(args, &pid, 1))
        return false;
    if (pid != 0 && (int64_t)pid != rsp_conn_target_pid(conn))
        reply_result(reply, -EINVAL);
    else
        reply_result(reply, 0);
    return true;
}

/* open:PATH,FLAGS,MODE */
static bool op_open(struct rsp_conn *conn, struct rsp_target *t,
                    const char *args, GString *reply)
{
    const char *p = args;
    char *path = parse_path(&p);
    uint64_t fm[2];

    if (!path)
        return false;
    if (!rsp_expect(&p, ',') || !parse_numbers(p, fm, 2)) {
        g_free(path);
        return false;
    }
    if ((fm[0] & FILEIO_O_ACCMODE) != 0
        || (fm[0] & (FILEIO_O_APPEND | FILEIO_O_CREAT | FILEIO_O_TRUNC
                     | FILEIO_O_EXCL)))
        reply_result(reply, -EROFS);
    else
        reply_result(reply, t->ops->file_open(t, path));
    g_free(path);
    return true;
}

/* close:FD */
static bool op_close(struct rsp_conn *conn, struct rsp_target *t,
                     const char *args, GString *reply)
{
    const char *p = args;
    int handle;

    if (!parse_handle(&p, "", &handle))
        return false;
    reply_result(reply, t->ops->file_close ? t->ops->file_close(t, handle)
                                           : -EBADF);
    return true;
}

/* pread:FD,COUNT,OFFSET */
static bool op_pread(struct rsp_conn *conn, struct rsp_target *t,
                     const char *args, GString *reply)
{
    uint64_t v[3];
    size_t count;
    uint8_t *buf;
    ssize_t n;

    if (!parse_numbers(args, v, 3))
        return false;
    if (v[0] > INT_MAX || v[2] > INT64_MAX) {
        reply_result(reply, v[0] > INT_MAX ? -EBADF : -EINVAL);
        return true;
    }
    if (!t->ops->file_pread) {
        reply_result(reply, -EBADF);
        return true;
    }
    count = (size_t)MIN(v[1], (uint64_t)VFILE_CHUNK_MAX);
    buf = g_malloc(count ? count : 1);
    n = t->ops->file_pread(t, (int)v[0], buf, count, v[2]);
    if (n < 0)
        reply_result(reply, n);
    else
        reply_data(reply, buf, (size_t)MIN((size_t)n, count));
    g_free(buf);
    return true;
}

static void put_be32(uint8_t *p, uint64_t v)
{
    /* Fields too wide for 32 bits are cut, as gdbserver does. */
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (24 - 8 * i));
}

static void put_be64(uint8_t *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (uint8_t)(v >> (56 - 8 * i));
}

/* The protocol's struct stat: 64 bytes, big-endian (GDB manual,
 * "struct stat"). */
#define FILEIO_STAT_SIZE 64

static void fileio_stat(const struct stat *st, uint8_t out[FILEIO_STAT_SIZE])
{
    put_be32(out + 0, st->st_dev);
    put_be32(out + 4, st->st_ino);
    put_be32(out + 8, st->st_mode);
    put_be32(out + 12, st->st_nlink);
    put_be32(out + 16, st->st_uid);
    put_be32(out + 20, st->st_gid);
    put_be32(out + 24, st->st_rdev);
    put_be64(out + 28, (uint64_t)st->st_size);
    put_be64(out + 36, (uint64_t)st->st_blksize);
    put_be64(out + 44, (uint64_t)st->st_blocks);
    put_be32(out + 52, (uint64_t)st->st_atime);
    put_be32(out + 56, (uint64_t)st->st_mtime);
    put_be32(out + 60, (uint64_t)st->st_ctime);
}

/* fstat:FD */
static bool op_fstat(struct rsp_conn *conn, struct rsp_target *t,
                     const char *args, GString *reply)
{
    const char *p = args;
    int handle;
    struct stat st;
    uint8_t out[FILEIO_STAT_SIZE];
    int r;

    if (!parse_handle(&p, "", &handle))
        return false;
    r = t->ops->file_fstat ? t->ops->file_fstat(t, handle, &st) : -EBADF;
    if (r < 0) {
        reply_result(reply, r);
        return true;
    }
    fileio_stat(&st, out);
    reply_data(reply, out, sizeof(out));
    return true;
}

/* readlink:PATH */
static bool op_readlink(struct rsp_conn *conn, struct rsp_target *t,
                        const char *args, GString *reply)
{
    const char *p = args;
    char *path = parse_path(&p);
    char target[PATH_MAX];
    ssize_t n;

    if (!path || *p != '\0') {
        g_free(path);
        return false;
    }
    n = t->ops->file_readlink
            ? t->ops->file_readlink(t, path, target, sizeof(target))
            : -EINVAL;
    if (n < 0)
        reply_result(reply, n);
    else
        reply_data(reply, target, (size_t)MIN((size_t)n, sizeof(target)));
    g_free(path);
    return true;
}

/* pwrite and unlink: never, whatever the arguments. */
static bool op_refuse_write(struct rsp_conn *conn, struct rsp_target *t,
                            const char *args, GString *reply)
{
    reply_result(reply, -EROFS);
    return true;
}

static const struct {
    const char *name;
    vfile_op_fn run;
} vfile_ops[] = {
    { "setfs",    op_setfs },
    { "open",     op_open },
    { "close",    op_close },
    { "pread",    op_pread },
    { "pwrite",   op_refuse_write },
    { "fstat",    op_fstat },
    { "readlink", op_readlink },
    { "unlink",   op_refuse_write },
};

RSP_HANDLER(rsp_cmd_vfile)
{
    struct rsp_target *t = conn->target;
    const char *colon;
    size_t name_len;

    if (!t->ops->file_open)
        return RSP_REPLY;   /* no files: "not supported" */
    if (a->sep != ':') {
        rsp_reply_bad_request(conn, reply, "bad vFile packet");
        return RSP_REPLY;
    }
    colon = strchr(a->args, ':');
    name_len = colon ? (size_t)(colon - a->args) : a->len;
    for (size_t i = 0; i < G_N_ELEMENTS(vfile_ops); i++) {
        if (strlen(vfile_ops[i].name) != name_len
            || memcmp(vfile_ops[i].name, a->args, name_len) != 0)
            continue;
        if (!colon || !vfile_ops[i].run(conn, t, colon + 1, reply)) {
            g_string_truncate(reply, 0);
            rsp_reply_bad_request(conn, reply, "bad vFile packet");
        }
        return RSP_REPLY;
    }
    /* An operation we do not know (lldb's size, exists, MD5...): the
     * empty reply, and the debugger falls back. */
    return RSP_REPLY;
}
