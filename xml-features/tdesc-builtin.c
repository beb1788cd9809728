/* The built-in AArch64 Linux description: the feature files of this
 * folder, compiled into the program by glib-compile-resources (see
 * local.mk) and parsed like any user-supplied file, so the shipped XML
 * and the register table can never disagree.
 */
#include "config.h"

#include <gio/gio.h>

#include "xml-features/tdesc.h"
#include "xml-features/tdesc-resources.h"

#define RESOURCE_DIR "/org/backstep/xml-features/"

static const char *const aarch64_linux_files[] = {
    "aarch64-core.xml",
    "aarch64-fpu.xml",
    "aarch64-tls.xml",
};

/* The optional features, by option bit, in the order they follow. */
static const struct {
    unsigned option;
    const char *file;
} aarch64_optional_files[] = {
    { TDESC_AARCH64_PAUTH, "aarch64-pauth.xml" },
};

enum {
    N_BASE = G_N_ELEMENTS(aarch64_linux_files),
    N_MAX = N_BASE + G_N_ELEMENTS(aarch64_optional_files),
};

struct tdesc *tdesc_aarch64_linux_with(unsigned options, GError **error)
{
    GResource *resource = tdesc_builtin_get_resource();
    const char *files[N_MAX];
    char *texts[N_MAX] = { NULL };
    struct tdesc *td = NULL;
    unsigned n = 0;

    for (unsigned i = 0; i < N_BASE; i++)
        files[n++] = aarch64_linux_files[i];
    for (unsigned i = 0; i < G_N_ELEMENTS(aarch64_optional_files); i++)
        if (options & aarch64_optional_files[i].option)
            files[n++] = aarch64_optional_files[i].file;

    for (unsigned i = 0; i < n; i++) {
        char *path = g_strconcat(RESOURCE_DIR, files[i], NULL);
        GError *local = NULL;
        GBytes *bytes = g_resource_lookup_data(
            resource, path, G_RESOURCE_LOOKUP_FLAGS_NONE, &local);
        g_free(path);
        if (!bytes) {
            g_set_error(error, TDESC_ERROR, TDESC_ERROR_IO,
                        "built-in %s: %s", files[i], local->message);
            g_error_free(local);
            goto out;
        }
        gsize size;
        const char *data = g_bytes_get_data(bytes, &size);
        texts[i] = g_strndup(data, size);
        g_bytes_unref(bytes);
    }
    td = tdesc_load_from_memory(files, (const char *const *)texts, n,
                                "aarch64", "GNU/Linux", error);
out:
    for (unsigned i = 0; i < n; i++)
        g_free(texts[i]);
    return td;
}

struct tdesc *tdesc_aarch64_linux(GError **error)
{
    return tdesc_aarch64_linux_with(0, error);
}
