/* Helper for tdesc-gdb-check.sh: prints backstep's built-in target
 * description the way a debugger would assemble it, for gdb's offline
 * "set tdesc filename" (which does not fetch xi:include over a file).
 *
 *   tdesc-expand xml    target.xml with each xi:include replaced by the
 *                       feature it names (prolog stripped)
 *   tdesc-expand table  one "name regnum offset size" line per register,
 *                       what gdb's "maint print registers" must agree with
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "xml-features/tdesc.h"

#define INCLUDE_OPEN "<xi:include href=\""

static int print_expanded(const struct tdesc *td)
{
    const char *p = td->target_xml;
    const char *inc;
    while ((inc = strstr(p, INCLUDE_OPEN)) != NULL) {
        const char *href = inc + strlen(INCLUDE_OPEN);
        const char *href_end = strchr(href, '"');
        const char *tag_end = href_end ? strstr(href_end, "/>") : NULL;
        if (!tag_end) {
            fprintf(stderr, "tdesc-expand: malformed xi:include\n");
            return 1;
        }
        char *annex = g_strndup(href, (gsize)(href_end - href));
        const char *text = tdesc_annex(td, annex);
        const char *feature = text ? strstr(text, "<feature") : NULL;
        if (!feature) {
            fprintf(stderr, "tdesc-expand: no feature in annex %s\n", annex);
            g_free(annex);
            return 1;
        }
        fwrite(p, 1, (size_t)(inc - p), stdout);
        fputs(feature, stdout);
        g_free(annex);
        p = tag_end + 2;
    }
    fputs(p, stdout);
    return 0;
}

static int print_table(const struct tdesc *td)
{
    for (unsigned i = 0; i < td->regs->len; i++) {
        const struct tdesc_reg *r = g_ptr_array_index(td->regs, i);
        printf("%s %u %u %u\n", r->name, r->regnum, r->offset,
               r->bitsize / 8);
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 2 || (strcmp(argv[1], "xml") && strcmp(argv[1], "table"))) {
        fprintf(stderr, "usage: tdesc-expand xml|table\n");
        return 2;
    }
    GError *error = NULL;
    struct tdesc *td = tdesc_aarch64_linux(&error);
    if (!td) {
        fprintf(stderr, "tdesc-expand: %s\n", error->message);
        g_error_free(error);
        return 1;
    }
    int status = strcmp(argv[1], "xml") == 0 ? print_expanded(td)
                                             : print_table(td);
    tdesc_free(td);
    return status;
}
