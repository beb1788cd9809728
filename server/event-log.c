/* The event log (server/event-log.h) and its recording-file format
 * (doc/time-travel.md). */
#include "config.h"

#include "server/event-log.h"

#include <errno.h>
#include <inttypes.h>
#include <string.h>

struct event_log {
    GArray *events;         /* of struct event */
    size_t bytes;
};

struct event_log *event_log_new(void)
{
    struct event_log *log = g_new0(struct event_log, 1);
    log->events = g_array_new(FALSE, FALSE, sizeof(struct event));
    return log;
}

void event_log_free(struct event_log *log)
{
    if (!log)
        return;
    for (guint i = 0; i < log->events->len; i++) {
        struct event *ev = &g_array_index(log->events, struct event, i);
        if (ev->data)
            g_bytes_unref(ev->data);
    }
    g_array_unref(log->events);
    g_free(log);
}

void event_log_record(struct event_log *log, uint32_t kind, uint64_t icount,
                      int64_t tid, uint64_t arg, uint32_t flags,
                      const void *data, size_t len)
{
    struct event ev = {
        .icount = icount, .kind = kind, .flags = flags, .tid = tid,
        .arg = arg, .data = len ? g_bytes_new(data, len) : NULL,
    };
    g_array_append_val(log->events, ev);
    log->bytes += sizeof(ev) + len;
}

size_t event_log_length(const struct event_log *log)
{
    return log->events->len;
}

const struct event *event_log_get(const struct event_log *log, size_t i)
{
    if (i >= log->events->len)
        return NULL;
    return &g_array_index(log->events, struct event, i);
}

size_t event_log_bytes(const struct event_log *log)
{
    return log->bytes;
}

void event_log_drop_front(struct event_log *log, size_t n)
{
    n = MIN(n, (size_t)log->events->len);
    for (size_t i = 0; i < n; i++) {
        struct event *ev = &g_array_index(log->events, struct event, i);
        gsize len = 0;
        if (ev->data) {
            g_bytes_get_data(ev->data, &len);
            g_bytes_unref(ev->data);
        }
        log->bytes -= sizeof(*ev) + len;
    }
    g_array_remove_range(log->events, 0, (guint)n);
}

const struct event *event_cursor_peek(const struct event_cursor *c)
{
    return event_log_get(c->log, c->next);
}

void event_cursor_advance(struct event_cursor *c)
{
    if (c->next < event_log_length(c->log))
        c->next++;
}

/* ---- Recording files ------------------------------------------------ */

#define FILE_MAGIC "BSTPREC1"
#define FILE_END_MAGIC "BSTPEND1"
/* 2: waits on the host are logged (parked calls, the host's wakes). A
 * version 1 file lacks them: its replay would not follow the recorded
 * schedule, so it is refused with a message saying so. Holds and kills
 * by the debugger (EVENT_HOLD, EVENT_KILL_PROCESS) are new kinds, not a
 * new version: a version 2 file without them reads as before, and an
 * older reader refuses one with them as having an unknown event kind. */
#define FILE_VERSION 2u
/* Bounds a corrupt header cannot push us past (allocation sizes). */
#define MAX_STRINGS 65536u
#define MAX_STRING_BYTES (1u << 20)
#define MAX_EVENT_BYTES (64u << 20)

static void put_u32(GByteArray *b, uint32_t v)
{
    uint8_t x[4];
    for (int i = 0; i < 4; i++)
        x[i] = (uint8_t)(v >> (8 * i));
    g_byte_array_append(b, x, 4);
}

static void put_u64(GByteArray *b, uint64_t v)
{
    put_u32(b, (uint32_t)v);
    put_u32(b, (uint32_t)(v >> 32));
}

static void put_strv(GByteArray *b, char *const *v)
{
    uint32_t n = 0;
    while (v && v[n])
        n++;
    put_u32(b, n);
    for (uint32_t i = 0; i < n; i++) {
        size_t len = strlen(v[i]);
        put_u32(b, (uint32_t)len);
        g_byte_array_append(b, (const uint8_t *)v[i], len);
    }
}

bool event_log_save(const struct event_log *log, char *const *argv,
                    char *const *envp, uint64_t end_icount,
                    const char *path, GError **error)
{
    GByteArray *b = g_byte_array_new();
    bool ok;

    g_byte_array_append(b, (const uint8_t *)FILE_MAGIC, 8);
    put_u32(b, FILE_VERSION);
    put_u32(b, 0);                       /* flags, none defined */
    put_u64(b, end_icount);
    put_strv(b, argv);
    put_strv(b, envp);
    put_u64(b, log->events->len);
    for (guint i = 0; i < log->events->len; i++) {
        const struct event *ev = event_log_get(log, i);
        gsize len = 0;
        const uint8_t *data = ev->data ? g_bytes_get_data(ev->data, &len)
                                       : NULL;
        put_u64(b, ev->icount);
        put_u32(b, ev->kind);
        put_u32(b, ev->flags);
        put_u64(b, (uint64_t)ev->tid);
        put_u64(b, ev->arg);
        put_u32(b, (uint32_t)len);
        if (len)
            g_byte_array_append(b, data, len);
    }
    g_byte_array_append(b, (const uint8_t *)FILE_END_MAGIC, 8);
    put_u64(b, log->events->len);
    ok = g_file_set_contents(path, (const char *)b->data, b->len, error);
    g_byte_array_unref(b);
    return ok;
}

/* A bounds-checked reader: every failure names what was being read and
 * the offset. */
struct reader {
    const uint8_t *data;
    size_t len, pos;
    const char *path;
    GError **error;
    bool failed;
};

static bool fail(struct reader *r, const char *what)
{
    if (!r->failed)
        g_set_error(r->error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                    "%s: bad recording: %s at offset %zu", r->path, what,
                    r->pos);
    r->failed = true;
    return false;
}

static bool need(struct reader *r, size_t n, const char *what)
{
    if (r->failed)
        return false;
    if (r->len - r->pos < n) {
        g_autofree char *msg = g_strdup_printf("truncated in %s", what);
        return fail(r, msg);
    }
    return true;
}

static uint32_t get_u32(struct reader *r, const char *what)
{
    uint32_t v = 0;
    if (!need(r, 4, what))
        return 0;
    for (int i = 3; i >= 0; i--)
        v = v << 8 | r->data[r->pos + i];
    r->pos += 4;
    return v;
}

static uint64_t get_u64(struct reader *r, const char *what)
{
    uint64_t lo = get_u32(r, what);
    return lo | (uint64_t)get_u32(r, what) << 32;
}

static char **get_strv(struct reader *r, const char *what)
{
    uint32_t n = get_u32(r, what);
    GPtrArray *v;

    if (r->failed)
        return NULL;
    if (n > MAX_STRINGS) {
        fail(r, "too many strings");
        return NULL;
    }
    v = g_ptr_array_new();
    for (uint32_t i = 0; i < n && !r->failed; i++) {
        uint32_t len = get_u32(r, what);
        if (len > MAX_STRING_BYTES) {
            fail(r, "string too long");
            break;
        }
        if (!need(r, len, what))
            break;
        if (memchr(r->data + r->pos, '\0', len)) {
            fail(r, "NUL inside a string");
            break;
        }
        g_ptr_array_add(v, g_strndup((const char *)r->data + r->pos, len));
        r->pos += len;
    }
    g_ptr_array_add(v, NULL);
    if (r->failed) {
        g_strfreev((char **)g_ptr_array_free(v, FALSE));
        return NULL;
    }
    return (char **)g_ptr_array_free(v, FALSE);
}

struct event_log *event_log_load(const char *path, char ***argv_out,
                                 char ***envp_out, uint64_t *end_icount,
                                 GError **error)
{
    g_autofree char *contents = NULL;
    gsize size = 0;
    struct reader r = { .path = path, .error = error };
    struct event_log *log = NULL;
    char **argv = NULL, **envp = NULL;
    uint64_t count, last_icount = 0;
    uint32_t version;

    if (!g_file_get_contents(path, &contents, &size, error))
        return NULL;
    r.data = (const uint8_t *)contents;
    r.len = size;

    if (!need(&r, 8, "the header") || memcmp(r.data, FILE_MAGIC, 8) != 0) {
        if (!r.failed)
            fail(&r, "not a backstep recording (bad magic)");
        return NULL;
    }
    r.pos = 8;
    version = get_u32(&r, "the header");
    if (!r.failed && version == 1) {
        fail(&r, "format version 1, from an older backstep: it does not "
                 "hold the waits on the host, without which a replay "
                 "cannot follow the recorded schedule (record it again)");
        return NULL;
    }
    if (!r.failed && version != FILE_VERSION) {
        g_autofree char *msg = g_strdup_printf(
            "format version %u (this backstep reads version %u)", version,
            FILE_VERSION);
        fail(&r, msg);
        return NULL;
    }
    get_u32(&r, "the header");
    *end_icount = get_u64(&r, "the header");
    argv = get_strv(&r, "the program's arguments");
    envp = get_strv(&r, "the environment");
    if (!r.failed && (!argv || !argv[0]))
        fail(&r, "no program named");
    count = get_u64(&r, "the event count");
    if (!r.failed && count > (r.len - r.pos) / 36)
        fail(&r, "event count larger than the file");
    if (r.failed)
        goto bad;

    log = event_log_new();
    for (uint64_t i = 0; i < count && !r.failed; i++) {
        uint64_t icount = get_u64(&r, "an event");
        uint32_t kind = get_u32(&r, "an event");
        uint32_t flags = get_u32(&r, "an event");
        int64_t tid = (int64_t)get_u64(&r, "an event");
        uint64_t arg = get_u64(&r, "an event");
        uint32_t len = get_u32(&r, "an event");
        if (r.failed)
            break;
        if (kind == 0 || kind > EVENT_KIND_MAX) {
            fail(&r, "unknown event kind");
            break;
        }
        if (icount < last_icount || icount > *end_icount) {
            fail(&r, "event out of time order");
            break;
        }
        if (len > MAX_EVENT_BYTES || !need(&r, len, "an event's data"))
            break;
        event_log_record(log, kind, icount, tid, arg, flags,
                         r.data + r.pos, len);
        r.pos += len;
        last_icount = icount;
    }
    if (!r.failed && (!need(&r, 16, "the end marker")
                      || memcmp(r.data + r.pos, FILE_END_MAGIC, 8) != 0))
        fail(&r, "missing end marker (truncated?)");
    if (!r.failed) {
        r.pos += 8;
        if (get_u64(&r, "the end marker") != count)
            fail(&r, "end marker disagrees with the event count");
    }
    if (!r.failed && r.pos != r.len)
        fail(&r, "trailing bytes after the end marker");
    if (r.failed)
        goto bad;
    *argv_out = argv;
    *envp_out = envp;
    return log;

bad:
    event_log_free(log);
    g_strfreev(argv);
    g_strfreev(envp);
    return NULL;
}
