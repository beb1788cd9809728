/* Target descriptions: the register table built from the feature XML files.
 *
 * One table answers qXfer:features:read (the XML text itself), g/G/p/P
 * (register numbers, sizes and order), and lldb's qRegisterInfo. The XML
 * files in xml-features/ are the source of truth; this loader parses them
 * with expat and numbers the registers in document order, as gdb does.
 */
#ifndef BACKSTEP_XML_FEATURES_TDESC_H
#define BACKSTEP_XML_FEATURES_TDESC_H

#include <glib.h>
#include <stdbool.h>

struct tdesc_reg {
    char *name;          /* "x0", "pc", "v31", "fpsr" */
    char *type;          /* "int", "code_ptr", "data_ptr", "cpsr_flags", "aarch64v" ... */
    char *group;         /* group= or by type: "general", "vector", "float" */
    const char *feature; /* owning feature name, e.g. "org.gnu.gdb.aarch64.core" */
    unsigned regnum;     /* the number gdb uses in p/P and the order in g */
    unsigned bitsize;
    unsigned offset;     /* byte offset in the g packet's register block */
    /* For lldb's qRegisterInfo: "pc", "sp", "fp", "ra", "flags" or NULL. */
    const char *generic;
    int dwarf_regnum;    /* -1 if none */
    /* The save-restore attribute: false for registers gdb must not save
     * and restore around inferior calls (e.g. MTE tag_ctl). */
    bool save_restore;
};

struct tdesc_feature {
    char *name;          /* "org.gnu.gdb.aarch64.core" */
    char *file;          /* annex name: "aarch64-core.xml" */
    char *xml;           /* the file's text, served verbatim */
};

struct tdesc {
    char *architecture;  /* "aarch64" */
    char *osabi;         /* "GNU/Linux" or NULL */
    GPtrArray *features; /* of struct tdesc_feature * */
    GPtrArray *regs;     /* of struct tdesc_reg *, indexed by regnum;
                            numbers run 0..len-1 without gaps */
    unsigned g_size;     /* bytes in a g packet's register block */
    char *target_xml;    /* the generated top-level target.xml */
};

/* Load the named feature files (annex names such as "aarch64-core.xml")
 * from dir, in order (files is NULL-terminated), and build the table.
 * On error return NULL and set *error with a message naming the
 * file, the line and the problem. */
struct tdesc *tdesc_load(const char *dir, const char *const *files,
                         const char *architecture, const char *osabi,
                         GError **error);

/* Build from XML texts already in memory (tests, fuzzing, built-in copies).
 * names[i] is the annex name of texts[i]. */
struct tdesc *tdesc_load_from_memory(const char *const *names,
                                     const char *const *texts, unsigned count,
                                     const char *architecture,
                                     const char *osabi, GError **error);

void tdesc_free(struct tdesc *td);

/* The text of an annex ("target.xml" or a feature file), or NULL. */
const char *tdesc_annex(const struct tdesc *td, const char *annex);

/* Find a register by name; NULL if none. */
const struct tdesc_reg *tdesc_find_reg(const struct tdesc *td,
                                       const char *name);

/* The built-in description of an AArch64 Linux process: the features
 * org.gnu.gdb.aarch64.core, .fpu and .tls (registers 0..68), parsed from
 * copies of xml-features/aarch64-*.xml compiled into the program. */
struct tdesc *tdesc_aarch64_linux(GError **error);

/* Optional features of the built-in description. */
enum tdesc_aarch64_option {
    /* org.gnu.gdb.aarch64.pauth (pauth_dmask 69, pauth_cmask 70): for a
     * CPU with pointer authentication enabled. */
    TDESC_AARCH64_PAUTH = 1u << 0,
    /* org.gnu.gdb.aarch64.mte (tag_ctl, after pauth's registers if any):
     * for a CPU with memory tagging. */
    TDESC_AARCH64_MTE = 1u << 1,
};

/* The built-in description with the optional features in options
 * (TDESC_AARCH64_* bits) after core, fpu and tls. */
struct tdesc *tdesc_aarch64_linux_with(unsigned options, GError **error);

/* The longest SVE vector length, in 128-bit quadwords (2048 bits): the
 * architecture's limit, and gdb's. */
#define TDESC_SVE_MAX_VQ 16u

/* The built-in description of a CPU with SVE at vector length vq
 * quadwords (1..TDESC_SVE_MAX_VQ): org.gnu.gdb.aarch64.sve in place of
 * .fpu (gdb refuses both), so z0..z31 are 34..65, fpsr 66, fpcr 67,
 * p0..p15 68..83, ffr 84, vg 85, tpidr 86, then the optional features.
 * vq is the longest length a thread may have: a shorter one shows as
 * zeros past its end and as vg (see doc/target-descriptions.md). */
struct tdesc *tdesc_aarch64_linux_sve(unsigned options, unsigned vq,
                                      GError **error);

/* The SVE feature's template text made into the feature file for vq
 * quadwords: each "@VQ@" and "@VQ*N@" replaced by the number (tdesc-sve.c).
 * NULL with *error set for a vq out of range or a malformed placeholder. */
char *tdesc_sve_instantiate(const char *template_text, unsigned vq,
                            GError **error);

#define TDESC_ERROR tdesc_error_quark()
GQuark tdesc_error_quark(void);

enum tdesc_error {
    TDESC_ERROR_IO,      /* a file could not be read */
    TDESC_ERROR_PARSE,   /* not well-formed XML */
    TDESC_ERROR_INVALID, /* well-formed, but not a valid description */
};

#endif
