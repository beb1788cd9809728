/* The built-in AArch64 Linux description: the feature files of this
 * folder, compiled into the program by glib-compile-resources (see
 * local.mk) and parsed like any user-supplied file, so the shipped XML
 * and the register table can never disagree. The SVE feature is a
 * template sized for the vector length first (tdesc-sve.c).
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "xml-features/tdesc.h"
#include "xml-features/tdesc-resources.h"

#define RESOURCE_DIR "/org/backstep/xml-features/"

/* The vector feature is fpu, or the sve template instantiated for the
 * configured length; core comes before it and tls after. */
#define FPU_FILE "aarch64-fpu.xml"
#define SVE_FILE "aarch64-sve.xml"

/* The optional features, by option bit, in the order they follow. */
static const struct {
    unsigned option;
    const char *file;
} aarch64_optional_files[] = {
    { TDESC_AARCH64_PAUTH, "aarch64-pauth.xml" },
    { TDESC_AARCH64_MTE, "aarch64-mte.xml" },
};

enum {
    N_BASE = 3,   /* core, fpu or sve, tls */
    N_MAX = N_BASE + G_N_ELEMENTS(aarch64_optional_files),
};

/* A feature file's text as compiled in, NUL-terminated. */
static char *builtin_text(const char *file, GError **error)
{
    char *path = g_strconcat(RESOURCE_DIR, file, NULL);
    GError *local = NULL;
    GBytes *bytes = g_resource_lookup_data(tdesc_builtin_get_resource(), path,
                                           G_RESOURCE_LOOKUP_FLAGS_NONE,
                                           &local);
    g_free(path);
    if (!bytes) {
        g_set_error(error, TDESC_ERROR, TDESC_ERROR_IO, "built-in %s: %s",
                    file, local->message);
        g_error_free(local);
        return NULL;
    }
    gsize size;
    const char *data = g_bytes_get_data(bytes, &size);
    char *text = g_strndup(data, size);
    g_bytes_unref(bytes);
    return text;
}

/* sve_vq 0: the fpu feature; else sve for that many quadwords. */
static struct tdesc *build_linux(unsigned options, unsigned sve_vq,
                                 GError **error)
{
    const char *files[N_MAX];
    char *texts[N_MAX] = { NULL };
    struct tdesc *td = NULL;
    unsigned n = 0;

    files[n++] = "aarch64-core.xml";
    files[n++] = sve_vq ? SVE_FILE : FPU_FILE;
    files[n++] = "aarch64-tls.xml";
    for (unsigned i = 0; i < G_N_ELEMENTS(aarch64_optional_files); i++)
        if (options & aarch64_optional_files[i].option)
            files[n++] = aarch64_optional_files[i].file;

    for (unsigned i = 0; i < n; i++) {
        texts[i] = builtin_text(files[i], error);
        if (!texts[i])
            goto out;
        if (strcmp(files[i], SVE_FILE) == 0) {
            char *sized = tdesc_sve_instantiate(texts[i], sve_vq, error);
            g_free(texts[i]);
            texts[i] = sized;
            if (!sized)
                goto out;
        }
    }
    td = tdesc_load_from_memory(files, (const char *const *)texts, n,
                                "aarch64", "GNU/Linux", error);
out:
    for (unsigned i = 0; i < n; i++)
        g_free(texts[i]);
    return td;
}

struct tdesc *tdesc_aarch64_linux_with(unsigned options, GError **error)
{
    return build_linux(options, 0, error);
}

struct tdesc *tdesc_aarch64_linux_sve(unsigned options, unsigned vq,
                                      GError **error)
{
    if (vq < 1 || vq > TDESC_SVE_MAX_VQ) {
        g_set_error(error, TDESC_ERROR, TDESC_ERROR_INVALID,
                    "SVE vector length of %u quadwords is outside 1..%u",
                    vq, TDESC_SVE_MAX_VQ);
        return NULL;
    }
    return build_linux(options, vq, error);
}

struct tdesc *tdesc_aarch64_linux(GError **error)
{
    return tdesc_aarch64_linux_with(0, error);
}
