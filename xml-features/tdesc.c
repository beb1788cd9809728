/* The register table: feature files in, numbered registers, g-packet
 * offsets, lldb's facts and the top-level target.xml out.
 *
 * Parsing and per-element checks live in tdesc-parse.c; here we check
 * what only the whole set of files can tell (feature and annex names
 * unique, register numbers without gaps) and derive the rest.
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "xml-features/tdesc-parse.h"

/* A feature file larger than this is not a target description. */
#define TDESC_MAX_FILE_SIZE (16u * 1024u * 1024u)

G_DEFINE_QUARK(backstep-tdesc-error-quark, tdesc_error)

void tdesc_free(struct tdesc *td)
{
    if (!td)
        return;
    g_free(td->architecture);
    g_free(td->osabi);
    if (td->features)
        g_ptr_array_free(td->features, TRUE);
    if (td->regs)
        g_ptr_array_free(td->regs, TRUE);
    g_free(td->target_xml);
    g_free(td);
}

const char *tdesc_annex(const struct tdesc *td, const char *annex)
{
    if (!td || !annex)
        return NULL;
    if (strcmp(annex, "target.xml") == 0)
        return td->target_xml;
    for (unsigned i = 0; i < td->features->len; i++) {
        const struct tdesc_feature *f = g_ptr_array_index(td->features, i);
        if (strcmp(f->file, annex) == 0)
            return f->xml;
    }
    return NULL;
}

const struct tdesc_reg *tdesc_find_reg(const struct tdesc *td,
                                       const char *name)
{
    if (!td || !name)
        return NULL;
    for (unsigned i = 0; i < td->regs->len; i++) {
        const struct tdesc_reg *r = g_ptr_array_index(td->regs, i);
        if (strcmp(r->name, name) == 0)
            return r;
    }
    return NULL;
}

/* Parse "<prefix><n>" with n a decimal in [0, max] and no leading zero. */
static bool numbered_name(const char *name, const char *prefix, unsigned max,
                          unsigned *n)
{
    size_t plen = strlen(prefix);
    if (strncmp(name, prefix, plen) != 0)
        return false;
    const char *digits = name + plen;
    if (digits[0] == '0' && digits[1] != '\0')
        return false;
    guint64 value;
    if (!g_ascii_string_to_unsigned(digits, 10, 0, max, &value, NULL))
        return false;
    *n = (unsigned)value;
    return true;
}

/* lldb cannot work out which register is the pc or what DWARF calls it
 * from the XML alone; these are the AArch64 facts it needs (DWARF
 * numbers from Arm's "DWARF for the Arm 64-bit Architecture"). */
static void set_aarch64_facts(struct tdesc_reg *r)
{
    unsigned n;
    if (numbered_name(r->name, "x", 30, &n)) {
        r->dwarf_regnum = (int)n;
        if (n == 29)
            r->generic = "fp";
        else if (n == 30)
            r->generic = "ra";
    } else if (strcmp(r->name, "sp") == 0) {
        r->dwarf_regnum = 31;
        r->generic = "sp";
    } else if (strcmp(r->name, "pc") == 0) {
        r->dwarf_regnum = 32;
        r->generic = "pc";
    } else if (strcmp(r->name, "cpsr") == 0) {
        r->generic = "flags";
    } else if (strcmp(r->name, "vg") == 0) {
        r->dwarf_regnum = 46;
    } else if (strcmp(r->name, "ffr") == 0) {
        r->dwarf_regnum = 47;
    } else if (numbered_name(r->name, "p", 15, &n)) {
        r->dwarf_regnum = 48 + (int)n;
    } else if (numbered_name(r->name, "v", 31, &n)) {
        r->dwarf_regnum = 64 + (int)n;
    } else if (numbered_name(r->name, "z", 31, &n)) {
        r->dwarf_regnum = 96 + (int)n;
    }
}

static char *make_target_xml(const char *architecture, const char *osabi,
                             GPtrArray *features)
{
    GString *xml = g_string_new(
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n"
        "<target version=\"1.0\" "
        "xmlns:xi=\"http://www.w3.org/2001/XInclude\">\n");
    char *text = g_markup_escape_text(architecture, -1);
    g_string_append_printf(xml, "  <architecture>%s</architecture>\n", text);
    g_free(text);
    if (osabi) {
        text = g_markup_escape_text(osabi, -1);
        g_string_append_printf(xml, "  <osabi>%s</osabi>\n", text);
        g_free(text);
    }
    for (unsigned i = 0; i < features->len; i++) {
        const struct tdesc_feature *f = g_ptr_array_index(features, i);
        char *href = g_markup_escape_text(f->file, -1);
        g_string_append_printf(xml, "  <xi:include href=\"%s\"/>\n", href);
        g_free(href);
    }
    g_string_append(xml, "</target>\n");
    return g_string_free(xml, FALSE);
}

/* Annex names travel in qXfer:features:read:ANNEX:... requests, which
 * use ':' as a separator; and "target.xml" is ours. */
static bool check_annex_name(const char *display, const char *annex,
                             GError **error)
{
    if (!*annex || strchr(annex, ':') || strchr(annex, '/') ||
        strcmp(annex, "target.xml") == 0) {
        g_set_error(error, TDESC_ERROR, TDESC_ERROR_INVALID,
                    "%s: \"%s\" cannot be a feature file name (it must be "
                    "non-empty, not target.xml, without ':' or '/')",
                    display, annex);
        return false;
    }
    return true;
}

/* Register numbers must run 0..n-1 without gaps, so regs[] can be
 * indexed by number and its size is bounded by the input. */
static bool check_contiguous(const struct tdesc_builder *b, GError **error)
{
    unsigned count = b->regs->len;
    unsigned missing = count;
    for (unsigned n = 0; n < count; n++) {
        if (!g_hash_table_contains(b->by_regnum, GUINT_TO_POINTER(n + 1))) {
            missing = n;
            break;
        }
    }
    if (missing == count)
        return true;
    /* Blame the lowest-numbered register above the hole. */
    unsigned culprit = 0, culprit_regnum = G_MAXUINT;
    for (unsigned i = 0; i < count; i++) {
        const struct tdesc_reg *r = g_ptr_array_index(b->regs, i);
        if (r->regnum > missing && r->regnum < culprit_regnum) {
            culprit = i;
            culprit_regnum = r->regnum;
        }
    }
    const struct tdesc_reg *r = g_ptr_array_index(b->regs, culprit);
    const struct tdesc_reg_origin *o =
        &g_array_index(b->origins, struct tdesc_reg_origin, culprit);
    g_set_error(error, TDESC_ERROR, TDESC_ERROR_INVALID,
                "%s:%u: register \"%s\": number %u leaves a gap (no "
                "register is numbered %u)",
                o->file, o->line, r->name, r->regnum, missing);
    return false;
}

/* The common path of both loaders. displays[i] names texts[i] in
 * messages; annexes[i] is what it is served as. */
static struct tdesc *build(const char *const *displays,
                           const char *const *annexes,
                           const char *const *texts, const size_t *lens,
                           unsigned count, const char *architecture,
                           const char *osabi, GError **error)
{
    if (count == 0) {
        g_set_error(error, TDESC_ERROR, TDESC_ERROR_INVALID,
                    "no feature files given");
        return NULL;
    }
    if (!architecture || !*architecture) {
        g_set_error(error, TDESC_ERROR, TDESC_ERROR_INVALID,
                    "no architecture given");
        return NULL;
    }

    struct tdesc *td = g_new0(struct tdesc, 1);
    td->architecture = g_strdup(architecture);
    td->osabi = g_strdup(osabi);
    td->features = g_ptr_array_new_with_free_func(
        (GDestroyNotify)tdesc_feature_free);
    struct tdesc_builder b;
    tdesc_builder_init(&b);

    for (unsigned i = 0; i < count; i++) {
        if (!check_annex_name(displays[i], annexes[i], error))
            goto fail;
        struct tdesc_feature *f = tdesc_parse_feature(
            &b, displays[i], annexes[i], texts[i], lens[i], error);
        if (!f)
            goto fail;
        g_ptr_array_add(td->features, f);
        for (unsigned j = 0; j + 1 < td->features->len; j++) {
            const struct tdesc_feature *other =
                g_ptr_array_index(td->features, j);
            if (strcmp(other->name, f->name) == 0 ||
                strcmp(other->file, f->file) == 0) {
                g_set_error(error, TDESC_ERROR, TDESC_ERROR_INVALID,
                            "%s: feature \"%s\" (%s) given twice",
                            displays[i], f->name, f->file);
                goto fail;
            }
        }
    }
    if (b.regs->len == 0) {
        g_set_error(error, TDESC_ERROR, TDESC_ERROR_INVALID,
                    "%s: the description has no registers", displays[0]);
        goto fail;
    }
    if (!check_contiguous(&b, error))
        goto fail;

    /* Take the registers into regnum order and lay out the g packet. */
    td->regs = g_ptr_array_new_full(b.regs->len,
                                    (GDestroyNotify)tdesc_reg_free);
    g_ptr_array_set_size(td->regs, b.regs->len);
    for (unsigned i = 0; i < b.regs->len; i++) {
        struct tdesc_reg *r = g_ptr_array_index(b.regs, i);
        g_ptr_array_index(td->regs, r->regnum) = r;
    }
    g_ptr_array_set_free_func(b.regs, NULL);
    guint64 offset = 0;
    for (unsigned n = 0; n < td->regs->len; n++) {
        struct tdesc_reg *r = g_ptr_array_index(td->regs, n);
        r->offset = (unsigned)offset;
        offset += r->bitsize / 8;
        if (offset > TDESC_MAX_G_SIZE) {
            const struct tdesc_reg_origin *o = NULL;
            for (unsigned i = 0; i < b.regs->len; i++)
                if (g_ptr_array_index(b.regs, i) == r)
                    o = &g_array_index(b.origins, struct tdesc_reg_origin, i);
            g_set_error(error, TDESC_ERROR, TDESC_ERROR_INVALID,
                        "%s:%u: register \"%s\" takes the register block "
                        "over its limit of %u bytes",
                        o->file, o->line, r->name, TDESC_MAX_G_SIZE);
            goto fail;
        }
        if (strcmp(architecture, "aarch64") == 0)
            set_aarch64_facts(r);
    }
    td->g_size = (unsigned)offset;
    td->target_xml = make_target_xml(td->architecture, td->osabi,
                                     td->features);
    tdesc_builder_clear(&b);
    return td;

fail:
    tdesc_builder_clear(&b);
    tdesc_free(td);
    return NULL;
}

struct tdesc *tdesc_load_from_memory(const char *const *names,
                                     const char *const *texts, unsigned count,
                                     const char *architecture,
                                     const char *osabi, GError **error)
{
    size_t *lens = g_new(size_t, count ? count : 1);
    for (unsigned i = 0; i < count; i++)
        lens[i] = strlen(texts[i]);
    struct tdesc *td = build(names, names, texts, lens, count, architecture,
                             osabi, error);
    g_free(lens);
    return td;
}

/* Read a whole feature file, refusing what cannot be one: non-regular
 * files (a FIFO or /dev/zero would never end), huge files, NUL bytes. */
static char *read_feature_file(const char *path, size_t *len, GError **error)
{
    struct stat sb;
    if (stat(path, &sb) != 0) {
        int err = errno;
        g_set_error(error, TDESC_ERROR, TDESC_ERROR_IO, "%s: %s", path,
                    g_strerror(err));
        return NULL;
    }
    if (!S_ISREG(sb.st_mode) || sb.st_size > TDESC_MAX_FILE_SIZE) {
        g_set_error(error, TDESC_ERROR, TDESC_ERROR_IO,
                    "%s: not a regular file of at most %u bytes", path,
                    TDESC_MAX_FILE_SIZE);
        return NULL;
    }
    char *text;
    GError *local = NULL;
    if (!g_file_get_contents(path, &text, len, &local)) {
        g_set_error(error, TDESC_ERROR, TDESC_ERROR_IO, "%s", local->message);
        g_error_free(local);
        return NULL;
    }
    if (memchr(text, '\0', *len)) {
        g_set_error(error, TDESC_ERROR, TDESC_ERROR_PARSE,
                    "%s: contains a NUL byte", path);
        g_free(text);
        return NULL;
    }
    return text;
}

struct tdesc *tdesc_load(const char *dir, const char *const *files,
                         const char *architecture, const char *osabi,
                         GError **error)
{
    unsigned count = files ? g_strv_length((char **)files) : 0;
    char **paths = g_new0(char *, count + 1);
    char **texts = g_new0(char *, count + 1);
    size_t *lens = g_new0(size_t, count + 1);
    struct tdesc *td = NULL;

    for (unsigned i = 0; i < count; i++) {
        paths[i] = g_build_filename(dir, files[i], NULL);
        texts[i] = read_feature_file(paths[i], &lens[i], error);
        if (!texts[i])
            goto out;
    }
    td = build((const char *const *)paths, files,
               (const char *const *)texts, lens, count, architecture, osabi,
               error);
out:
    g_strfreev(paths);
    g_strfreev(texts);
    g_free(lens);
    return td;
}
