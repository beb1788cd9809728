/* Parsing one feature file into the register table under construction.
 *
 * Internal to xml-features/: tdesc.c drives it file by file and then
 * orders, numbers and checks the whole table.
 */
#ifndef BACKSTEP_XML_FEATURES_TDESC_PARSE_H
#define BACKSTEP_XML_FEATURES_TDESC_PARSE_H

#include <glib.h>
#include <stddef.h>

#include "xml-features/tdesc.h"

/* Limits that keep a hostile file from making us allocate or compute
 * beyond reason; every real AArch64 register fits well inside them
 * (the largest, SME's ZA at the longest vector length, is 64 KiB). */
#define TDESC_MAX_REGNUM 65535u
#define TDESC_MAX_REG_BITS (65536u * 8u)
#define TDESC_MAX_G_SIZE (1024u * 1024u)
#define TDESC_MAX_VECTOR_COUNT 65536u

/* Where a register was defined, for error messages that come after
 * parsing (numbering gaps). */
struct tdesc_reg_origin {
    const char *file;    /* display name; owned by the caller */
    unsigned line;
};

/* The registers of all files parsed so far, in document order. */
struct tdesc_builder {
    GPtrArray *regs;        /* of struct tdesc_reg *, owned */
    GArray *origins;        /* of struct tdesc_reg_origin, parallel to regs */
    GHashTable *by_name;    /* name -> index into regs + 1 */
    GHashTable *by_regnum;  /* regnum + 1 -> index into regs + 1 */
    unsigned next_regnum;   /* for the next <reg> without regnum= */
};

void tdesc_builder_init(struct tdesc_builder *b);
/* Frees what the builder still owns (the registers unless taken). */
void tdesc_builder_clear(struct tdesc_builder *b);

/* Parse one feature file of len bytes. display is the name used in
 * messages ("aarch64-core.xml" or a path), annex the name it is served
 * under. On success return the new feature (its registers appended to
 * b, their feature pointing at its name); on error return NULL and set
 * *error ("aarch64-core.xml:12: <reg> without bitsize"). */
struct tdesc_feature *tdesc_parse_feature(struct tdesc_builder *b,
                                          const char *display,
                                          const char *annex,
                                          const char *text, size_t len,
                                          GError **error);

void tdesc_feature_free(struct tdesc_feature *f);
void tdesc_reg_free(struct tdesc_reg *r);

#endif
