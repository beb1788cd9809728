/* Running the harness under an emulator (see run.h). */
#include <gio/gio.h>
#include <string.h>

#include "run.h"

struct wait_state {
    bool done;
    bool timed_out;
};

static void on_exited(GObject *source, GAsyncResult *res, gpointer data)
{
    struct wait_state *w = data;
    g_subprocess_wait_finish(G_SUBPROCESS(source), res, NULL);
    w->done = true;
}

static gboolean on_timeout(gpointer data)
{
    struct wait_state *w = data;
    w->timed_out = true;
    return G_SOURCE_REMOVE;
}

/* Wait for PROC at most TIMEOUT_S seconds, killing it after that. Uses a
 * private main context, so two emulators can be waited for from two
 * threads. Returns whether it timed out. */
static bool wait_with_timeout(GSubprocess *proc, unsigned timeout_s)
{
    GMainContext *ctx = g_main_context_new();
    g_main_context_push_thread_default(ctx);
    struct wait_state w = { false, false };
    g_subprocess_wait_async(proc, NULL, on_exited, &w);
    GSource *timer = g_timeout_source_new_seconds(timeout_s);
    g_source_set_callback(timer, on_timeout, &w, NULL);
    g_source_attach(timer, ctx);
    while (!w.done && !w.timed_out)
        g_main_context_iteration(ctx, TRUE);
    if (!w.done) {
        g_subprocess_force_exit(proc);
        while (!w.done)
            g_main_context_iteration(ctx, TRUE);
    }
    g_source_destroy(timer);
    g_source_unref(timer);
    g_main_context_pop_thread_default(ctx);
    g_main_context_unref(ctx);
    return w.timed_out;
}

/* The last non-empty line of PATH, at most SIZE - 1 characters. */
static void last_line(const char *path, char *buf, size_t size)
{
    char *text = NULL;
    buf[0] = '\0';
    if (!g_file_get_contents(path, &text, NULL, NULL))
        return;
    g_strchomp(text);
    const char *nl = strrchr(text, '\n');
    g_strlcpy(buf, nl ? nl + 1 : text, size);
    g_free(text);
}

bool dt_run_emulator(const struct dt_emulator *emu, const char *harness,
                     const char *case_file, unsigned count,
                     const char *workdir, unsigned timeout_s,
                     struct dt_outcome *out, GError **error)
{
    char *out_path = g_strdup_printf("%s/%s.out", workdir, emu->name);
    char *err_path = g_strdup_printf("%s/%s.err", workdir, emu->name);
    bool ok = true;

    for (unsigned i = 0; i < count; i++)
        out[i].kind = DT_NOT_RUN;

    unsigned first = 0;
    while (first < count) {
        GPtrArray *argv = g_ptr_array_new_with_free_func(g_free);
        for (const char *const *a = emu->argv; *a; a++)
            g_ptr_array_add(argv, g_strdup(*a));
        g_ptr_array_add(argv, g_strdup(harness));
        g_ptr_array_add(argv, g_strdup(case_file));
        g_ptr_array_add(argv, g_strdup_printf("%u", first));
        g_ptr_array_add(argv, g_strdup_printf("%u", count - first));
        g_ptr_array_add(argv, NULL);

        GSubprocessLauncher *launcher =
            g_subprocess_launcher_new(G_SUBPROCESS_FLAGS_NONE);
        g_subprocess_launcher_set_stdout_file_path(launcher, out_path);
        g_subprocess_launcher_set_stderr_file_path(launcher, err_path);
        GSubprocess *proc = g_subprocess_launcher_spawnv(
            launcher, (const char *const *)argv->pdata, error);
        g_object_unref(launcher);
        g_ptr_array_unref(argv);
        if (!proc) {
            g_prefix_error(error, "%s: ", emu->name);
            ok = false;
            break;
        }
        bool timed_out = wait_with_timeout(proc, timeout_s);

        /* Take the complete results, in order. */
        char *data = NULL;
        gsize len = 0;
        g_file_get_contents(out_path, &data, &len, NULL);
        unsigned got = 0;
        for (gsize off = 0; off + sizeof(struct dt_result) <= len
             && first + got < count; off += sizeof(struct dt_result)) {
            struct dt_result *r = &out[first + got].result;
            memcpy(r, data + off, sizeof *r);
            if (r->magic != DT_RESULT_MAGIC || r->index != first + got)
                break;
            out[first + got].kind = DT_RAN;
            got++;
        }
        g_free(data);
        first += got;

        if (first < count) {
            /* It ended inside case FIRST: record how, go on after it. */
            struct dt_outcome *o = &out[first];
            o->kind = DT_DIED;
            o->timed_out = timed_out;
            o->guest_signal = o->host_signal = o->exit_status = 0;
            if (g_subprocess_get_if_signaled(proc)) {
                o->host_signal = g_subprocess_get_term_sig(proc);
            } else if (g_subprocess_get_if_exited(proc)) {
                o->exit_status = g_subprocess_get_exit_status(proc);
                if (o->exit_status > 128 && o->exit_status < 128 + 65)
                    o->guest_signal = o->exit_status - 128;
            }
            if (o->exit_status == 0 && !o->host_signal && !timed_out)
                g_strlcpy(o->note, "the harness ended without a result",
                          sizeof o->note);
            else
                last_line(err_path, o->note, sizeof o->note);
            first++;
        }
        g_object_unref(proc);
    }
    g_free(out_path);
    g_free(err_path);
    return ok;
}
