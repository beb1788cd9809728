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

struct tdesc *tdesc_aarch64_linux(GError **error)
{
    enum { N = G_N_ELEMENTS(aarch64_linux_files) };
    GResource *resource = tdesc_builtin_get_resource();
    char *texts[N] = { NULL };
    struct tdesc *td = NULL;

    for (unsigned i = 0; i < N; i++) {
        char *path = g_strconcat(RESOURCE_DIR, aarch64_linux_files[i], NULL);
        GError *local = NULL;
        GBytes *bytes = g_resource_lookup_data(
            resource, path, G_RESOURCE_LOOKUP_FLAGS_NONE, &local);
        g_free(path);
        if (!bytes) {
            g_set_error(error, TDESC_ERROR, TDESC_ERROR_IO,
                        "built-in %s: %s", aarch64_linux_files[i],
                        local->message);
            g_error_free(local);
            goto out;
        }
        gsize size;
        const char *data = g_bytes_get_data(bytes, &size);
        texts[i] = g_strndup(data, size);
        g_bytes_unref(bytes);
    }
    td = tdesc_load_from_memory(aarch64_linux_files,
                                (const char *const *)texts, N, "aarch64",
                                "GNU/Linux", error);
out:
    for (unsigned i = 0; i < N; i++)
        g_free(texts[i]);
    return td;
}
