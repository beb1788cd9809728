/* The SVE feature's template (aarch64-sve.xml) made into a feature file
 * for one vector length.
 *
 * Register sizes and lane counts depend on the vector length, so the
 * file carries placeholders: "@VQ@" for VQ (the length in 128-bit
 * quadwords) and "@VQ*N@" for N times VQ. They are replaced in the text
 * before expat sees it, so the parser and its checks stay the same for
 * every file, and gdb is served plain numbers.
 */
#include "config.h"

#include <string.h>

#include "xml-features/tdesc.h"

/* The largest factor a placeholder may carry: 128 bits per quadword is
 * the biggest any register needs. */
#define MAX_FACTOR 1024u

/* Parse the placeholder body at s (after the opening '@'): "VQ@" or
 * "VQ*N@". Returns its value and sets *len to the characters consumed
 * (the closing '@' included), or returns 0 if s is not a placeholder. */
static unsigned long placeholder(const char *s, unsigned vq, size_t *len)
{
    const char *p = s;
    unsigned long factor = 1;

    if (strncmp(p, "VQ", 2) != 0)
        return 0;
    p += 2;
    if (*p == '*') {
        p++;
        if (!g_ascii_isdigit(*p) || *p == '0')
            return 0;
        factor = 0;
        while (g_ascii_isdigit(*p)) {
            factor = factor * 10 + (unsigned long)(*p - '0');
            if (factor > MAX_FACTOR)
                return 0;
            p++;
        }
    }
    if (*p != '@')
        return 0;
    *len = (size_t)(p + 1 - s);
    return factor * vq;
}

char *tdesc_sve_instantiate(const char *template_text, unsigned vq,
                            GError **error)
{
    if (vq < 1 || vq > TDESC_SVE_MAX_VQ) {
        g_set_error(error, TDESC_ERROR, TDESC_ERROR_INVALID,
                    "SVE vector length of %u quadwords is outside 1..%u",
                    vq, TDESC_SVE_MAX_VQ);
        return NULL;
    }
    GString *out = g_string_sized_new(strlen(template_text) + 256);
    unsigned line = 1;
    for (const char *p = template_text; *p; p++) {
        if (*p == '\n')
            line++;
        if (*p != '@') {
            g_string_append_c(out, *p);
            continue;
        }
        size_t len = 0;
        unsigned long value = placeholder(p + 1, vq, &len);
        if (!value) {
            /* A stray '@' would reach gdb as text it cannot read as a
             * number: the template is broken, say where. */
            g_set_error(error, TDESC_ERROR, TDESC_ERROR_INVALID,
                        "aarch64-sve.xml:%u: '@' that does not start a "
                        "placeholder (@VQ@ or @VQ*N@)", line);
            g_string_free(out, TRUE);
            return NULL;
        }
        g_string_append_printf(out, "%lu", value);
        p += len;
    }
    return g_string_free(out, FALSE);
}
