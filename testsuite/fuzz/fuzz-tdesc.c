/* Fuzz target: the target-description loader on arbitrary text.
 *
 * Input: up to four feature files separated by NUL bytes (the loader
 * takes NUL-terminated texts, so a NUL can only ever end one). They are
 * served as aarch64-core.xml, aarch64-fpu.xml, aarch64-tls.xml and
 * extra.xml. A load either fails with a message, or gives a table whose
 * invariants rsp/ relies on: registers numbered 0..n-1 in order, g-packet
 * offsets laid end to end, names unique, every annex servable. */
#include "testsuite/fuzz/fuzz.h"

#include <string.h>

#include "xml-features/tdesc.h"

#define MAX_FILES 4

static const char *const annex_names[MAX_FILES] = {
    "aarch64-core.xml", "aarch64-fpu.xml", "aarch64-tls.xml", "extra.xml",
};

static void check_table(const struct tdesc *td)
{
    uint64_t offset = 0;

    FUZZ_CHECK(td->regs && td->regs->len > 0, "a table without registers");
    FUZZ_CHECK(td->target_xml && strstr(td->target_xml, "<target"),
               "no target.xml");
    FUZZ_CHECK(tdesc_annex(td, "target.xml") == td->target_xml,
               "target.xml not served");
    for (unsigned i = 0; i < td->regs->len; i++) {
        const struct tdesc_reg *r = g_ptr_array_index(td->regs, i);
        FUZZ_CHECK(r && r->name && r->type && r->feature,
                   "register %u incomplete", i);
        FUZZ_CHECK(r->regnum == i, "register %u numbered %u", i, r->regnum);
        FUZZ_CHECK(r->bitsize > 0, "register %s has no size", r->name);
        FUZZ_CHECK(r->offset == offset,
                   "register %s at offset %u, expected %" G_GUINT64_FORMAT,
                   r->name, r->offset, offset);
        FUZZ_CHECK(tdesc_find_reg(td, r->name) == r,
                   "register name %s not unique", r->name);
        offset += r->bitsize / 8;
    }
    FUZZ_CHECK(offset == td->g_size, "g_size %u, registers add up to %"
               G_GUINT64_FORMAT, td->g_size, offset);
    for (unsigned i = 0; i < td->features->len; i++) {
        const struct tdesc_feature *f = g_ptr_array_index(td->features, i);
        FUZZ_CHECK(f->name && f->file && f->xml, "feature %u incomplete", i);
        FUZZ_CHECK(tdesc_annex(td, f->file) == f->xml,
                   "feature file %s not served", f->file);
        FUZZ_CHECK(strstr(td->target_xml, f->file) != NULL,
                   "target.xml does not include %s", f->file);
    }
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* One copy, NUL-terminated, cut at the NULs into texts. */
    char *copy = g_malloc(size + 1);
    const char *texts[MAX_FILES];
    unsigned count = 0;
    size_t start = 0;
    GError *error = NULL;

    memcpy(copy, data, size);
    copy[size] = '\0';
    while (count < MAX_FILES) {
        texts[count++] = copy + start;
        const char *nul = memchr(copy + start, '\0', size + 1 - start);
        start = (size_t)(nul - copy) + 1;
        if (start > size)
            break;
    }

    struct tdesc *td = tdesc_load_from_memory(annex_names, texts, count,
                                              "aarch64", "GNU/Linux", &error);
    if (td) {
        FUZZ_CHECK(error == NULL, "a table and an error");
        check_table(td);
        tdesc_free(td);
    } else {
        FUZZ_CHECK(error && error->domain == TDESC_ERROR && error->message
                       && error->message[0],
                   "failed without a message");
        FUZZ_CHECK(g_utf8_validate(error->message, -1, NULL),
                   "error message is not UTF-8: %s", error->message);
        g_error_free(error);
    }
    g_free(copy);
    return 0;
}
