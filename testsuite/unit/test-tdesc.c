/* Unit tests for xml-features/: the built-in AArch64 description, the
 * loader's checks and their messages, and survival of hostile input. */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "xml-features/tdesc.h"

/* ---- the built-in description ---- */

static struct tdesc *builtin(void)
{
    GError *error = NULL;
    struct tdesc *td = tdesc_aarch64_linux(&error);
    g_assert_no_error(error);
    g_assert_nonnull(td);
    return td;
}

static void check_reg(const struct tdesc *td, const char *name,
                      unsigned regnum, unsigned bitsize, unsigned offset,
                      const char *type, const char *group)
{
    const struct tdesc_reg *r = tdesc_find_reg(td, name);
    g_assert_nonnull(r);
    g_assert_cmpstr(r->name, ==, name);
    g_assert_cmpuint(r->regnum, ==, regnum);
    g_assert_true(g_ptr_array_index(td->regs, regnum) == r);
    g_assert_cmpuint(r->bitsize, ==, bitsize);
    g_assert_cmpuint(r->offset, ==, offset);
    g_assert_cmpstr(r->type, ==, type);
    g_assert_cmpstr(r->group, ==, group);
    g_assert_true(r->save_restore);
}

static void test_builtin_registers(void)
{
    struct tdesc *td = builtin();
    g_assert_cmpstr(td->architecture, ==, "aarch64");
    g_assert_cmpstr(td->osabi, ==, "GNU/Linux");
    g_assert_cmpuint(td->regs->len, ==, 69);
    g_assert_cmpuint(td->features->len, ==, 3);

    for (unsigned i = 0; i <= 30; i++) {
        char name[8];
        g_snprintf(name, sizeof name, "x%u", i);
        check_reg(td, name, i, 64, i * 8, "int", "general");
    }
    check_reg(td, "sp", 31, 64, 248, "data_ptr", "general");
    check_reg(td, "pc", 32, 64, 256, "code_ptr", "general");
    check_reg(td, "cpsr", 33, 32, 264, "cpsr_flags", "general");
    for (unsigned i = 0; i <= 31; i++) {
        char name[8];
        g_snprintf(name, sizeof name, "v%u", i);
        check_reg(td, name, 34 + i, 128, 268 + i * 16, "aarch64v", "vector");
    }
    check_reg(td, "fpsr", 66, 32, 780, "fpsr_flags", "float");
    check_reg(td, "fpcr", 67, 32, 784, "fpcr_flags", "float");
    check_reg(td, "tpidr", 68, 64, 788, "data_ptr", "general");
    g_assert_cmpuint(td->g_size, ==, 796);

    g_assert_cmpstr(tdesc_find_reg(td, "x0")->feature, ==,
                    "org.gnu.gdb.aarch64.core");
    g_assert_cmpstr(tdesc_find_reg(td, "fpcr")->feature, ==,
                    "org.gnu.gdb.aarch64.fpu");
    g_assert_cmpstr(tdesc_find_reg(td, "tpidr")->feature, ==,
                    "org.gnu.gdb.aarch64.tls");
    g_assert_null(tdesc_find_reg(td, "x31"));
    g_assert_null(tdesc_find_reg(td, "X0"));
    g_assert_null(tdesc_find_reg(td, ""));
    tdesc_free(td);
}

static void test_builtin_lldb_facts(void)
{
    struct tdesc *td = builtin();
    static const struct {
        const char *name, *generic;
        int dwarf;
    } expect[] = {
        { "x0", NULL, 0 },     { "x7", NULL, 7 },    { "x28", NULL, 28 },
        { "x29", "fp", 29 },   { "x30", "ra", 30 },  { "sp", "sp", 31 },
        { "pc", "pc", 32 },    { "cpsr", "flags", -1 },
        { "v0", NULL, 64 },    { "v31", NULL, 95 },
        { "fpsr", NULL, -1 },  { "fpcr", NULL, -1 }, { "tpidr", NULL, -1 },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(expect); i++) {
        const struct tdesc_reg *r = tdesc_find_reg(td, expect[i].name);
        g_assert_nonnull(r);
        g_assert_cmpstr(r->generic, ==, expect[i].generic);
        g_assert_cmpint(r->dwarf_regnum, ==, expect[i].dwarf);
    }
    tdesc_free(td);
}

static void test_builtin_annexes(void)
{
    struct tdesc *td = builtin();
    g_assert_cmpstr(tdesc_annex(td, "target.xml"), ==,
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n"
        "<target version=\"1.0\" "
        "xmlns:xi=\"http://www.w3.org/2001/XInclude\">\n"
        "  <architecture>aarch64</architecture>\n"
        "  <osabi>GNU/Linux</osabi>\n"
        "  <xi:include href=\"aarch64-core.xml\"/>\n"
        "  <xi:include href=\"aarch64-fpu.xml\"/>\n"
        "  <xi:include href=\"aarch64-tls.xml\"/>\n"
        "</target>\n");

    static const char *const annexes[] = {
        "aarch64-core.xml", "aarch64-fpu.xml", "aarch64-tls.xml",
    };
    static const char *const features[] = {
        "<feature name=\"org.gnu.gdb.aarch64.core\">",
        "<feature name=\"org.gnu.gdb.aarch64.fpu\">",
        "<feature name=\"org.gnu.gdb.aarch64.tls\">",
    };
    for (size_t i = 0; i < G_N_ELEMENTS(annexes); i++) {
        const char *xml = tdesc_annex(td, annexes[i]);
        g_assert_nonnull(xml);
        g_assert_true(g_str_has_prefix(xml, "<?xml version=\"1.0\"?>\n"));
        g_assert_nonnull(strstr(xml, features[i]));
        g_assert_nonnull(strstr(xml,
            "<!DOCTYPE feature SYSTEM \"gdb-target.dtd\">"));
        g_assert_true(g_str_has_suffix(xml, "</feature>\n"));
    }
    g_assert_null(tdesc_annex(td, "aarch64-sve.xml"));
    g_assert_null(tdesc_annex(td, ""));
    g_assert_null(tdesc_annex(td, NULL));
    g_assert_null(tdesc_annex(td, "TARGET.XML"));
    tdesc_free(td);
}

/* The files in the source tree, read through tdesc_load(), give the
 * same table as the copies compiled into the program. */
static void test_load_from_directory(void)
{
    static const char *const files[] = {
        "aarch64-core.xml", "aarch64-fpu.xml", "aarch64-tls.xml", NULL
    };
    GError *error = NULL;
    char *dir = g_test_build_filename(G_TEST_DIST, "xml-features", NULL);
    struct tdesc *td = tdesc_load(dir, files, "aarch64", "GNU/Linux", &error);
    g_assert_no_error(error);
    struct tdesc *ref = builtin();

    g_assert_cmpuint(td->regs->len, ==, ref->regs->len);
    g_assert_cmpuint(td->g_size, ==, ref->g_size);
    g_assert_cmpstr(td->target_xml, ==, ref->target_xml);
    for (unsigned i = 0; i < td->regs->len; i++) {
        const struct tdesc_reg *a = g_ptr_array_index(td->regs, i);
        const struct tdesc_reg *b = g_ptr_array_index(ref->regs, i);
        g_assert_cmpstr(a->name, ==, b->name);
        g_assert_cmpuint(a->offset, ==, b->offset);
        g_assert_cmpuint(a->bitsize, ==, b->bitsize);
    }
    for (unsigned i = 0; files[i]; i++)
        g_assert_cmpstr(tdesc_annex(td, files[i]), ==,
                        tdesc_annex(ref, files[i]));
    tdesc_free(ref);
    tdesc_free(td);

    /* Only the core file: 34 registers, no fpu. */
    static const char *const core_only[] = { "aarch64-core.xml", NULL };
    td = tdesc_load(dir, core_only, "aarch64", NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(td->regs->len, ==, 34);
    g_assert_cmpuint(td->g_size, ==, 268);
    g_assert_null(td->osabi);
    g_assert_null(strstr(td->target_xml, "osabi"));
    tdesc_free(td);
    g_free(dir);
}

static void test_load_errors(void)
{
    GError *error = NULL;
    char *tmp = g_dir_make_tmp("test-tdesc-XXXXXX", &error);
    g_assert_no_error(error);

    /* A missing file names its path. */
    static const char *const missing[] = { "nonexistent.xml", NULL };
    struct tdesc *td = tdesc_load(tmp, missing, "aarch64", NULL, &error);
    g_assert_null(td);
    g_assert_error(error, TDESC_ERROR, TDESC_ERROR_IO);
    char *expect = g_strdup_printf("%s/nonexistent.xml: No such file or "
                                   "directory", tmp);
    g_assert_cmpstr(error->message, ==, expect);
    g_free(expect);
    g_clear_error(&error);

    /* A bad file names its path and line. */
    char *bad = g_build_filename(tmp, "bad.xml", NULL);
    g_assert_true(g_file_set_contents(bad,
        "<?xml version=\"1.0\"?>\n<feature name=\"f\">\n"
        "  <reg name=\"r\"/>\n</feature>\n", -1, NULL));
    static const char *const bad_files[] = { "bad.xml", NULL };
    td = tdesc_load(tmp, bad_files, "aarch64", NULL, &error);
    g_assert_null(td);
    g_assert_error(error, TDESC_ERROR, TDESC_ERROR_INVALID);
    expect = g_strdup_printf("%s:3: <reg> without bitsize", bad);
    g_assert_cmpstr(error->message, ==, expect);
    g_free(expect);
    g_clear_error(&error);

    /* A NUL byte, which the in-memory API cannot even express. */
    g_assert_true(g_file_set_contents(bad, "<feature name=\"f\">\0</feature>",
                                      29, NULL));
    td = tdesc_load(tmp, bad_files, "aarch64", NULL, &error);
    g_assert_null(td);
    g_assert_error(error, TDESC_ERROR, TDESC_ERROR_PARSE);
    expect = g_strdup_printf("%s: contains a NUL byte", bad);
    g_assert_cmpstr(error->message, ==, expect);
    g_free(expect);
    g_clear_error(&error);

    /* A directory is not a feature file. */
    static const char *const dot[] = { ".", NULL };
    td = tdesc_load(tmp, dot, "aarch64", NULL, &error);
    g_assert_null(td);
    g_assert_error(error, TDESC_ERROR, TDESC_ERROR_IO);
    g_clear_error(&error);

    g_unlink(bad);
    g_free(bad);
    g_rmdir(tmp);
    g_free(tmp);
}

/* ---- small descriptions in memory ---- */

static struct tdesc *load1(const char *xml, GError **error)
{
    const char *names[] = { "f.xml" };
    const char *texts[] = { xml };
    return tdesc_load_from_memory(names, texts, 1, "aarch64", "GNU/Linux",
                                  error);
}

#define HEAD "<?xml version=\"1.0\"?>\n" \
             "<!DOCTYPE feature SYSTEM \"gdb-target.dtd\">\n" \
             "<feature name=\"test.feature\">\n"           /* lines 1-3 */

static void test_numbering(void)
{
    GError *error = NULL;
    /* regnum= sets a number; registers after it follow on; a register may
     * fill an earlier hole. */
    struct tdesc *td = load1(HEAD
        "  <reg name=\"a\" bitsize=\"8\" regnum=\"2\"/>\n"
        "  <reg name=\"b\" bitsize=\"16\"/>\n"
        "  <reg name=\"c\" bitsize=\"32\" regnum=\"0\"/>\n"
        "  <reg name=\"d\" bitsize=\"64\"/>\n"
        "</feature>\n", &error);
    g_assert_no_error(error);
    g_assert_cmpuint(td->regs->len, ==, 4);
    static const char *const order[] = { "c", "d", "a", "b" };
    static const unsigned offsets[] = { 0, 4, 12, 13 };
    for (unsigned i = 0; i < 4; i++) {
        const struct tdesc_reg *r = g_ptr_array_index(td->regs, i);
        g_assert_cmpstr(r->name, ==, order[i]);
        g_assert_cmpuint(r->regnum, ==, i);
        g_assert_cmpuint(r->offset, ==, offsets[i]);
    }
    g_assert_cmpuint(td->g_size, ==, 15);
    tdesc_free(td);

    /* Numbering continues across files. */
    const char *names[] = { "one.xml", "two.xml" };
    const char *texts[] = {
        "<feature name=\"one\"><reg name=\"a\" bitsize=\"64\"/></feature>",
        "<feature name=\"two\"><reg name=\"b\" bitsize=\"64\"/></feature>",
    };
    td = tdesc_load_from_memory(names, texts, 2, "aarch64", NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(tdesc_find_reg(td, "b")->regnum, ==, 1);
    g_assert_cmpuint(tdesc_find_reg(td, "b")->offset, ==, 8);
    g_assert_cmpstr(tdesc_find_reg(td, "b")->feature, ==, "two");
    g_assert_nonnull(strstr(td->target_xml,
        "  <xi:include href=\"one.xml\"/>\n"
        "  <xi:include href=\"two.xml\"/>\n"));
    tdesc_free(td);
}

static void test_defaults_and_attributes(void)
{
    GError *error = NULL;
    struct tdesc *td = load1(HEAD
        "  <vector id=\"v4\" type=\"uint32\" count=\"4\"/>\n"
        "  <union id=\"u\"><field name=\"a\" type=\"v4\"/></union>\n"
        "  <struct id=\"s\"><field name=\"a\" type=\"int32\"/></struct>\n"
        "  <struct id=\"bits\" size=\"4\">"
        "<field name=\"lo\" start=\"0\" end=\"15\"/></struct>\n"
        "  <enum id=\"e\" size=\"1\"><evalue name=\"zero\" value=\"0\"/>"
        "</enum>\n"
        "  <flags id=\"fl\" size=\"1\"><field name=\"b\" start=\"0\" "
        "type=\"bool\"/><field name=\"k\" start=\"1\" end=\"2\" "
        "type=\"e\"/></flags>\n"
        "  <reg name=\"plain\" bitsize=\"64\"/>\n"
        "  <reg name=\"dbl\" bitsize=\"64\" type=\"ieee_double\"/>\n"
        "  <reg name=\"vec\" bitsize=\"128\" type=\"v4\"/>\n"
        "  <reg name=\"uni\" bitsize=\"128\" type=\"u\"/>\n"
        "  <reg name=\"str\" bitsize=\"32\" type=\"s\"/>\n"
        "  <reg name=\"flg\" bitsize=\"8\" type=\"fl\" group=\"system\" "
        "save-restore=\"no\"/>\n"
        "  <reg name=\"x0\" bitsize=\"64\" save-restore=\"yes\"/>\n"
        "</feature>\n", &error);
    g_assert_no_error(error);
    static const struct {
        const char *name, *type, *group;
        bool save_restore;
    } expect[] = {
        { "plain", "int", "general", true },
        { "dbl", "ieee_double", "float", true },
        { "vec", "v4", "vector", true },
        { "uni", "u", "vector", true },
        { "str", "s", "general", true },
        { "flg", "fl", "system", false },
        { "x0", "int", "general", true },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(expect); i++) {
        const struct tdesc_reg *r = tdesc_find_reg(td, expect[i].name);
        g_assert_nonnull(r);
        g_assert_cmpstr(r->type, ==, expect[i].type);
        g_assert_cmpstr(r->group, ==, expect[i].group);
        g_assert_cmpint(r->save_restore, ==, expect[i].save_restore);
    }
    /* lldb facts come from the name under architecture aarch64. */
    g_assert_cmpint(tdesc_find_reg(td, "x0")->dwarf_regnum, ==, 0);
    g_assert_cmpint(tdesc_find_reg(td, "plain")->dwarf_regnum, ==, -1);
    tdesc_free(td);
}

static void test_sve_dwarf_numbers(void)
{
    GError *error = NULL;
    struct tdesc *td = load1(HEAD
        "  <reg name=\"z0\" bitsize=\"128\"/>\n"
        "  <reg name=\"z31\" bitsize=\"128\"/>\n"
        "  <reg name=\"p0\" bitsize=\"16\"/>\n"
        "  <reg name=\"p15\" bitsize=\"16\"/>\n"
        "  <reg name=\"ffr\" bitsize=\"16\"/>\n"
        "  <reg name=\"vg\" bitsize=\"64\"/>\n"
        "  <reg name=\"v32\" bitsize=\"128\"/>\n"
        "  <reg name=\"x01\" bitsize=\"64\"/>\n"
        "</feature>\n", &error);
    g_assert_no_error(error);
    static const struct { const char *name; int dwarf; } expect[] = {
        { "z0", 96 }, { "z31", 127 }, { "p0", 48 }, { "p15", 63 },
        { "ffr", 47 }, { "vg", 46 }, { "v32", -1 }, { "x01", -1 },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(expect); i++)
        g_assert_cmpint(tdesc_find_reg(td, expect[i].name)->dwarf_regnum, ==,
                        expect[i].dwarf);
    tdesc_free(td);

    /* Another architecture gets no AArch64 facts. */
    const char *names[] = { "f.xml" };
    const char *texts[] = {
        "<feature name=\"f\"><reg name=\"pc\" bitsize=\"32\"/></feature>"
    };
    td = tdesc_load_from_memory(names, texts, 1, "arm", NULL, &error);
    g_assert_no_error(error);
    g_assert_null(tdesc_find_reg(td, "pc")->generic);
    g_assert_cmpint(tdesc_find_reg(td, "pc")->dwarf_regnum, ==, -1);
    g_assert_nonnull(strstr(td->target_xml,
                            "<architecture>arm</architecture>"));
    tdesc_free(td);
}

/* ---- each validation error, with its exact message ---- */

struct bad_case {
    const char *what;
    const char *xml;
    int code;
    const char *message;
};

static const struct bad_case bad_cases[] = {
    { "reg without bitsize",
      HEAD "  <reg name=\"x0\"/>\n</feature>\n", TDESC_ERROR_INVALID,
      "f.xml:4: <reg> without bitsize" },
    { "reg without name",
      HEAD "\n  <reg bitsize=\"64\"/>\n</feature>\n", TDESC_ERROR_INVALID,
      "f.xml:5: <reg> without name" },
    { "bitsize not a multiple of 8",
      HEAD "  <reg name=\"x0\" bitsize=\"12\"/>\n</feature>\n",
      TDESC_ERROR_INVALID,
      "f.xml:4: register \"x0\": bitsize \"12\" is not a multiple of 8 "
      "from 8 to 524288" },
    { "bitsize zero",
      HEAD "  <reg name=\"x0\" bitsize=\"0\"/>\n</feature>\n",
      TDESC_ERROR_INVALID,
      "f.xml:4: register \"x0\": bitsize \"0\" is not a multiple of 8 "
      "from 8 to 524288" },
    { "bitsize negative",
      HEAD "  <reg name=\"x0\" bitsize=\"-64\"/>\n</feature>\n",
      TDESC_ERROR_INVALID,
      "f.xml:4: register \"x0\": bitsize \"-64\" is not a multiple of 8 "
      "from 8 to 524288" },
    { "bitsize not a number",
      HEAD "  <reg name=\"x0\" bitsize=\"64bits\"/>\n</feature>\n",
      TDESC_ERROR_INVALID,
      "f.xml:4: register \"x0\": bitsize \"64bits\" is not a multiple of 8 "
      "from 8 to 524288" },
    { "bitsize huge",
      HEAD "  <reg name=\"x0\" bitsize=\"99999999999999999999999\"/>\n"
      "</feature>\n", TDESC_ERROR_INVALID,
      "f.xml:4: register \"x0\": bitsize \"99999999999999999999999\" is not "
      "a multiple of 8 from 8 to 524288" },
    { "regnum not a number",
      HEAD "  <reg name=\"x0\" bitsize=\"64\" regnum=\"one\"/>\n</feature>\n",
      TDESC_ERROR_INVALID,
      "f.xml:4: register \"x0\": regnum \"one\" is not a number from 0 to "
      "65535" },
    { "regnum too large",
      HEAD "  <reg name=\"x0\" bitsize=\"64\" regnum=\"65536\"/>\n"
      "</feature>\n", TDESC_ERROR_INVALID,
      "f.xml:4: register \"x0\": regnum \"65536\" is not a number from 0 to "
      "65535" },
    { "numbering runs past the limit",
      HEAD "  <reg name=\"a\" bitsize=\"64\" regnum=\"65535\"/>\n"
      "  <reg name=\"b\" bitsize=\"64\"/>\n</feature>\n", TDESC_ERROR_INVALID,
      "f.xml:5: register \"b\": number 65536 is above the limit of 65535" },
    { "duplicate register name",
      HEAD "  <reg name=\"x0\" bitsize=\"64\"/>\n"
      "  <reg name=\"x0\" bitsize=\"64\"/>\n</feature>\n",
      TDESC_ERROR_INVALID,
      "f.xml:5: duplicate register name \"x0\" (first defined at f.xml:4)" },
    { "duplicate register number",
      HEAD "  <reg name=\"x0\" bitsize=\"64\"/>\n"
      "  <reg name=\"x1\" bitsize=\"64\" regnum=\"0\"/>\n</feature>\n",
      TDESC_ERROR_INVALID,
      "f.xml:5: register \"x1\": number 0 is already used by \"x0\"" },
    { "gap in the numbers",
      HEAD "  <reg name=\"x0\" bitsize=\"64\"/>\n"
      "  <reg name=\"x5\" bitsize=\"64\" regnum=\"5\"/>\n"
      "  <reg name=\"x9\" bitsize=\"64\" regnum=\"9\"/>\n</feature>\n",
      TDESC_ERROR_INVALID,
      "f.xml:5: register \"x5\": number 5 leaves a gap (no register is "
      "numbered 1)" },
    { "undefined register type",
      HEAD "  <reg name=\"v0\" bitsize=\"128\" type=\"aarch64v\"/>\n"
      "</feature>\n", TDESC_ERROR_INVALID,
      "f.xml:4: register \"v0\": undefined type \"aarch64v\"" },
    { "bool is only for flag fields",
      HEAD "  <reg name=\"b\" bitsize=\"8\" type=\"bool\"/>\n</feature>\n",
      TDESC_ERROR_INVALID, "f.xml:4: register \"b\": undefined type \"bool\"" },
    { "type used before its definition",
      HEAD "  <reg name=\"v0\" bitsize=\"128\" type=\"u\"/>\n"
      "  <union id=\"u\"><field name=\"a\" type=\"int\"/></union>\n"
      "</feature>\n", TDESC_ERROR_INVALID,
      "f.xml:4: register \"v0\": undefined type \"u\"" },
    { "types are local to their feature",
      HEAD "  <reg name=\"c\" bitsize=\"32\" type=\"cpsr_flags\"/>\n"
      "</feature>\n", TDESC_ERROR_INVALID,
      "f.xml:4: register \"c\": undefined type \"cpsr_flags\"" },
    { "bad save-restore",
      HEAD "  <reg name=\"x0\" bitsize=\"64\" save-restore=\"maybe\"/>\n"
      "</feature>\n", TDESC_ERROR_INVALID,
      "f.xml:4: register \"x0\": save-restore \"maybe\" is not yes or no" },
    { "register name with a separator",
      HEAD "  <reg name=\"x0;x1\" bitsize=\"64\"/>\n</feature>\n",
      TDESC_ERROR_INVALID,
      "f.xml:4: register name \"x0;x1\" is empty or has characters other "
      "than letters, digits, '_', '.' and '-'" },
    { "empty register name",
      HEAD "  <reg name=\"\" bitsize=\"64\"/>\n</feature>\n",
      TDESC_ERROR_INVALID,
      "f.xml:4: register name \"\" is empty or has characters other "
      "than letters, digits, '_', '.' and '-'" },
    { "group with a separator",
      HEAD "  <reg name=\"x0\" bitsize=\"64\" group=\"a:b\"/>\n</feature>\n",
      TDESC_ERROR_INVALID,
      "f.xml:4: register \"x0\": group \"a:b\" is empty or has characters "
      "other than letters, digits, '_', '.' and '-'" },
    { "unknown element",
      HEAD "  <register name=\"x0\" bitsize=\"64\"/>\n</feature>\n",
      TDESC_ERROR_INVALID, "f.xml:4: unknown element <register>" },
    { "element in the wrong place",
      HEAD "  <field name=\"x0\" type=\"int\"/>\n</feature>\n",
      TDESC_ERROR_INVALID, "f.xml:4: <field> is not allowed inside <feature>" },
    { "element inside reg",
      HEAD "  <reg name=\"x0\" bitsize=\"64\">\n    <field name=\"a\"/>\n"
      "  </reg>\n</feature>\n",
      TDESC_ERROR_INVALID, "f.xml:5: <field> is not allowed inside <reg>" },
    { "fields do not nest",
      HEAD "  <union id=\"u\">\n    <field name=\"a\" type=\"int\">"
      "<field name=\"b\" type=\"int\"/></field>\n  </union>\n</feature>\n",
      TDESC_ERROR_INVALID, "f.xml:5: <field> is not allowed inside <field>" },
    { "target.xml is not a feature file",
      "<target><architecture>aarch64</architecture></target>\n",
      TDESC_ERROR_INVALID,
      "f.xml:1: <target> is not allowed as the root element (expected "
      "<feature>)" },
    { "nested feature",
      HEAD "  <feature name=\"inner\"/>\n</feature>\n", TDESC_ERROR_INVALID,
      "f.xml:4: <feature> is not allowed inside <feature>" },
    { "unknown attribute",
      HEAD "  <reg name=\"x0\" bitsize=\"64\" size=\"8\"/>\n</feature>\n",
      TDESC_ERROR_INVALID, "f.xml:4: <reg> has unknown attribute \"size\"" },
    { "feature without name",
      "<feature>\n</feature>\n", TDESC_ERROR_INVALID,
      "f.xml:1: <feature> without name" },
    { "feature with an empty name",
      "<feature name=\"\">\n</feature>\n", TDESC_ERROR_INVALID,
      "f.xml:1: <feature> with an empty name" },
    { "text in a feature",
      HEAD "  x0\n</feature>\n", TDESC_ERROR_INVALID,
      "f.xml:4: text is not allowed in a feature file" },
    { "vector of an undefined type",
      HEAD "  <vector id=\"v\" type=\"quad\" count=\"4\"/>\n</feature>\n",
      TDESC_ERROR_INVALID, "f.xml:4: <vector id=\"v\">: undefined type \"quad\"" },
    { "vector without count",
      HEAD "  <vector id=\"v\" type=\"int8\"/>\n</feature>\n",
      TDESC_ERROR_INVALID, "f.xml:4: <vector> without count" },
    { "vector count zero",
      HEAD "  <vector id=\"v\" type=\"int8\" count=\"0\"/>\n</feature>\n",
      TDESC_ERROR_INVALID,
      "f.xml:4: <vector id=\"v\">: count \"0\" is not a number from 1 to 65536" },
    { "type without id",
      HEAD "  <union>\n  </union>\n</feature>\n", TDESC_ERROR_INVALID,
      "f.xml:4: <union> without id" },
    { "type defined twice",
      HEAD "  <union id=\"u\"><field name=\"a\" type=\"int\"/></union>\n"
      "  <struct id=\"u\"><field name=\"a\" type=\"int\"/></struct>\n"
      "</feature>\n", TDESC_ERROR_INVALID,
      "f.xml:5: type \"u\" is defined twice" },
    { "built-in type redefined",
      HEAD "  <vector id=\"int\" type=\"int8\" count=\"8\"/>\n</feature>\n",
      TDESC_ERROR_INVALID, "f.xml:4: type \"int\" is a built-in type" },
    { "union cannot contain itself",
      HEAD "  <union id=\"u\">\n    <field name=\"a\" type=\"u\"/>\n"
      "  </union>\n</feature>\n", TDESC_ERROR_INVALID,
      "f.xml:5: field \"a\": undefined type \"u\"" },
    { "union field without type",
      HEAD "  <union id=\"u\">\n    <field name=\"a\"/>\n  </union>\n"
      "</feature>\n", TDESC_ERROR_INVALID, "f.xml:5: <field> without type" },
    { "union field with bits",
      HEAD "  <union id=\"u\">\n    <field name=\"a\" type=\"int\" "
      "start=\"0\"/>\n  </union>\n</feature>\n", TDESC_ERROR_INVALID,
      "f.xml:5: field \"a\": start and end are only allowed in <flags> and "
      "in <struct> with a size" },
    { "flags without size",
      HEAD "  <flags id=\"f\">\n  </flags>\n</feature>\n", TDESC_ERROR_INVALID,
      "f.xml:4: <flags> without size" },
    { "flags too large",
      HEAD "  <flags id=\"f\" size=\"16\">\n  </flags>\n</feature>\n",
      TDESC_ERROR_INVALID,
      "f.xml:4: <flags id=\"f\">: size \"16\" is not a number from 1 to 8" },
    { "flag field without start",
      HEAD "  <flags id=\"f\" size=\"4\">\n    <field name=\"N\" end=\"31\"/>\n"
      "  </flags>\n</feature>\n", TDESC_ERROR_INVALID,
      "f.xml:5: <field> without start" },
    { "flag field outside the type",
      HEAD "  <flags id=\"f\" size=\"4\">\n    <field name=\"N\" start=\"32\"/>\n"
      "  </flags>\n</feature>\n", TDESC_ERROR_INVALID,
      "f.xml:5: field \"N\": start \"32\" is not a bit number from 0 to 31" },
    { "flag field ending before it starts",
      HEAD "  <flags id=\"f\" size=\"4\">\n    <field name=\"EL\" start=\"3\" "
      "end=\"2\"/>\n  </flags>\n</feature>\n", TDESC_ERROR_INVALID,
      "f.xml:5: field \"EL\": end \"2\" is not a bit number from 3 to 31" },
    { "flag field of an undefined type",
      HEAD "  <flags id=\"f\" size=\"4\">\n    <field name=\"M\" start=\"0\" "
      "end=\"3\" type=\"mode\"/>\n  </flags>\n</feature>\n",
      TDESC_ERROR_INVALID, "f.xml:5: field \"M\": undefined type \"mode\"" },
    { "evalue without value",
      HEAD "  <enum id=\"e\" size=\"4\">\n    <evalue name=\"a\"/>\n"
      "  </enum>\n</feature>\n", TDESC_ERROR_INVALID,
      "f.xml:5: <evalue> without value" },
    { "internal DTD subset",
      "<?xml version=\"1.0\"?>\n<!DOCTYPE feature [\n"
      "  <!ENTITY a \"aaaaaaaaaa\">\n]>\n<feature name=\"f\"/>\n",
      TDESC_ERROR_INVALID, "f.xml:2: a DTD internal subset is not allowed" },
    { "undefined entity",
      "<?xml version=\"1.0\"?>\n"
      "<!DOCTYPE feature SYSTEM \"gdb-target.dtd\">\n"
      "<feature name=\"f\">\n  &undefined;\n</feature>\n",
      TDESC_ERROR_INVALID,
      "f.xml:4: reference to undefined entity \"undefined\"" },
    { "no registers",
      HEAD "</feature>\n", TDESC_ERROR_INVALID,
      "f.xml: the description has no registers" },
    /* Malformed XML: expat's own message and line. */
    { "mismatched tag",
      HEAD "  <reg name=\"x0\" bitsize=\"64\">\n</feature>\n",
      TDESC_ERROR_PARSE, "f.xml:5: malformed XML: mismatched tag" },
    { "truncated",
      HEAD "  <reg name=\"x0\" bitsize=\"64\"/>\n", TDESC_ERROR_PARSE,
      "f.xml:5: malformed XML: no element found" },
    { "truncated inside a tag",
      HEAD "  <reg name=\"x0\" bits", TDESC_ERROR_PARSE,
      "f.xml:4: malformed XML: unclosed token" },
    { "empty file",
      "", TDESC_ERROR_PARSE, "f.xml:1: malformed XML: no element found" },
    { "unquoted attribute",
      HEAD "  <reg name=x0 bitsize=\"64\"/>\n</feature>\n", TDESC_ERROR_PARSE,
      "f.xml:4: malformed XML: not well-formed (invalid token)" },
    { "two roots",
      "<feature name=\"a\"/>\n<feature name=\"b\"/>\n", TDESC_ERROR_PARSE,
      "f.xml:2: malformed XML: junk after document element" },
    { "binary garbage",
      "\x89PNG\r\n\x1a\n\x01\x02\xff\xfe", TDESC_ERROR_PARSE,
      "f.xml:1: malformed XML: not well-formed (invalid token)" },
};

static void test_bad_case(gconstpointer data)
{
    const struct bad_case *c = data;
    GError *error = NULL;
    struct tdesc *td = load1(c->xml, &error);
    g_assert_null(td);
    g_assert_error(error, TDESC_ERROR, c->code);
    g_assert_cmpstr(error->message, ==, c->message);
    g_error_free(error);
}

static void test_bad_file_sets(void)
{
    GError *error = NULL;
    const char *reg = "<feature name=\"one\"><reg name=\"a\" bitsize=\"8\"/>"
                      "</feature>";
    const char *names[] = { "one.xml", "one.xml" };
    const char *texts[] = { reg, reg };

    g_assert_null(tdesc_load_from_memory(names, texts, 0, "aarch64", NULL,
                                         &error));
    g_assert_error(error, TDESC_ERROR, TDESC_ERROR_INVALID);
    g_assert_cmpstr(error->message, ==, "no feature files given");
    g_clear_error(&error);

    /* The same register name in two files: named with both places. */
    g_assert_null(tdesc_load_from_memory(names, texts, 2, "aarch64", NULL,
                                         &error));
    g_assert_error(error, TDESC_ERROR, TDESC_ERROR_INVALID);
    g_assert_cmpstr(error->message, ==, "one.xml:1: duplicate register name "
                    "\"a\" (first defined at one.xml:1)");
    g_clear_error(&error);

    /* The same feature twice. */
    const char *names2[] = { "one.xml", "two.xml" };
    const char *texts2[] = {
        reg, "<feature name=\"one\"><reg name=\"b\" bitsize=\"8\"/></feature>"
    };
    g_assert_null(tdesc_load_from_memory(names2, texts2, 2, "aarch64", NULL,
                                         &error));
    g_assert_error(error, TDESC_ERROR, TDESC_ERROR_INVALID);
    g_assert_cmpstr(error->message, ==,
                    "two.xml: feature \"one\" (two.xml) given twice");
    g_clear_error(&error);

    /* Annex names that qXfer cannot carry, or that are taken. */
    static const char *const bad_annexes[] = {
        "target.xml", "", "a:b.xml", "dir/a.xml",
    };
    for (size_t i = 0; i < G_N_ELEMENTS(bad_annexes); i++) {
        const char *n[] = { bad_annexes[i] };
        g_assert_null(tdesc_load_from_memory(n, texts, 1, "aarch64", NULL,
                                             &error));
        g_assert_error(error, TDESC_ERROR, TDESC_ERROR_INVALID);
        char *expect = g_strdup_printf("%s: \"%s\" cannot be a feature file "
            "name (it must be non-empty, not target.xml, without ':' or '/')",
            bad_annexes[i], bad_annexes[i]);
        g_assert_cmpstr(error->message, ==, expect);
        g_free(expect);
        g_clear_error(&error);
    }

    /* No architecture. */
    g_assert_null(tdesc_load_from_memory(names, texts, 1, "", NULL, &error));
    g_assert_error(error, TDESC_ERROR, TDESC_ERROR_INVALID);
    g_clear_error(&error);
}

/* A register block beyond the limit, built from legal registers. */
static void test_register_block_limit(void)
{
    GString *xml = g_string_new("<feature name=\"big\">\n");
    for (unsigned i = 0; i < 17; i++)
        g_string_append_printf(xml, "<reg name=\"za%u\" bitsize=\"524288\"/>\n",
                               i);
    g_string_append(xml, "</feature>\n");
    GError *error = NULL;
    g_assert_null(load1(xml->str, &error));
    g_assert_error(error, TDESC_ERROR, TDESC_ERROR_INVALID);
    g_assert_cmpstr(error->message, ==, "f.xml:18: register \"za16\" takes "
                    "the register block over its limit of 1048576 bytes");
    g_clear_error(&error);
    g_string_free(xml, TRUE);
}

/* Architecture and osabi are escaped in target.xml. */
static void test_target_xml_escaping(void)
{
    const char *names[] = { "a&b.xml" };
    const char *texts[] = {
        "<feature name=\"f\"><reg name=\"r\" bitsize=\"8\"/></feature>"
    };
    GError *error = NULL;
    struct tdesc *td = tdesc_load_from_memory(names, texts, 1, "a<b", "c&d",
                                              &error);
    g_assert_no_error(error);
    g_assert_cmpstr(td->architecture, ==, "a<b");
    g_assert_nonnull(strstr(td->target_xml,
                            "<architecture>a&lt;b</architecture>"));
    g_assert_nonnull(strstr(td->target_xml, "<osabi>c&amp;d</osabi>"));
    g_assert_nonnull(strstr(td->target_xml, "href=\"a&amp;b.xml\""));
    g_assert_nonnull(tdesc_annex(td, "a&b.xml"));
    tdesc_free(td);
}

/* ---- hostile input: no crash, always an error or a sane table ---- */

static void check_survives(const char *text)
{
    GError *error = NULL;
    struct tdesc *td = load1(text, &error);
    if (td) {
        g_assert_no_error(error);
        g_assert_cmpuint(td->regs->len, >, 0);
        unsigned offset = 0;
        for (unsigned i = 0; i < td->regs->len; i++) {
            const struct tdesc_reg *r = g_ptr_array_index(td->regs, i);
            g_assert_cmpuint(r->regnum, ==, i);
            g_assert_cmpuint(r->offset, ==, offset);
            offset += r->bitsize / 8;
        }
        g_assert_cmpuint(td->g_size, ==, offset);
        tdesc_free(td);
    } else {
        g_assert_nonnull(error);
        g_assert_true(error->domain == TDESC_ERROR);
        g_assert_true(g_str_has_prefix(error->message, "f.xml"));
        g_error_free(error);
    }
}

static void test_every_truncation_fails(void)
{
    struct tdesc *td = builtin();
    const char *full = tdesc_annex(td, "aarch64-fpu.xml");
    size_t len = strlen(full);
    /* The last bytes are the newline after </feature>; any cut before
     * the closing '>' must be an error. */
    size_t closing = (size_t)(strrchr(full, '>') - full);
    for (size_t cut = 0; cut <= closing; cut++) {
        char *prefix = g_strndup(full, cut);
        GError *error = NULL;
        g_assert_null(load1(prefix, &error));
        g_assert_error(error, TDESC_ERROR, TDESC_ERROR_PARSE);
        g_assert_true(g_str_has_prefix(error->message, "f.xml:"));
        g_error_free(error);
        g_free(prefix);
    }
    check_survives(full);
    g_assert_cmpuint(len, >, closing);
    tdesc_free(td);
}

static void test_random_garbage(void)
{
    for (unsigned round = 0; round < 2000; round++) {
        unsigned len = g_test_rand_int_range(0, 200);
        char *text = g_malloc(len + 1);
        for (unsigned i = 0; i < len; i++)
            text[i] = (char)g_test_rand_int_range(1, 256);
        text[len] = '\0';
        GError *error = NULL;
        g_assert_null(load1(text, &error));
        g_assert_nonnull(error);
        g_error_free(error);
        g_free(text);
    }
}

/* Flip, drop and duplicate bytes of real files: whatever comes out,
 * the loader answers with a table or an error. */
static void test_mutated_files(void)
{
    struct tdesc *td = builtin();
    static const char *const sources[] = {
        "aarch64-core.xml", "aarch64-fpu.xml", "aarch64-tls.xml"
    };
    static const char alphabet[] = "<>/=\"' &;!?-x0123456789abcdefgnrstv"
                                   "\n\x80\xff";
    for (unsigned round = 0; round < 3000; round++) {
        const char *src = tdesc_annex(td, sources[round % 3]);
        GString *s = g_string_new(src);
        unsigned edits = g_test_rand_int_range(1, 6);
        for (unsigned e = 0; e < edits && s->len > 1; e++) {
            unsigned at = g_test_rand_int_range(0, (gint32)s->len);
            char c = alphabet[g_test_rand_int_range(0, sizeof alphabet - 1)];
            switch (g_test_rand_int_range(0, 3)) {
            case 0: s->str[at] = c; break;
            case 1: g_string_erase(s, at, 1); break;
            default: g_string_insert_c(s, at, c); break;
            }
        }
        check_survives(s->str);
        g_string_free(s, TRUE);
    }
    tdesc_free(td);
}

/* Deep nesting is refused at the first element too deep, without
 * recursion proportional to the depth. */
static void test_deep_nesting(void)
{
    GString *s = g_string_new("<feature name=\"f\">");
    for (unsigned i = 0; i < 100000; i++)
        g_string_append(s, "<union id=\"u\">");
    GError *error = NULL;
    g_assert_null(load1(s->str, &error));
    g_assert_error(error, TDESC_ERROR, TDESC_ERROR_INVALID);
    g_assert_cmpstr(error->message, ==,
                    "f.xml:1: <union> is not allowed inside <union>");
    g_clear_error(&error);
    g_string_free(s, TRUE);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/tdesc/builtin/registers", test_builtin_registers);
    g_test_add_func("/tdesc/builtin/lldb-facts", test_builtin_lldb_facts);
    g_test_add_func("/tdesc/builtin/annexes", test_builtin_annexes);
    g_test_add_func("/tdesc/load/directory", test_load_from_directory);
    g_test_add_func("/tdesc/load/errors", test_load_errors);
    g_test_add_func("/tdesc/numbering", test_numbering);
    g_test_add_func("/tdesc/defaults", test_defaults_and_attributes);
    g_test_add_func("/tdesc/sve-dwarf", test_sve_dwarf_numbers);
    for (size_t i = 0; i < G_N_ELEMENTS(bad_cases); i++) {
        char *path = g_strdup_printf("/tdesc/bad/%s", bad_cases[i].what);
        g_test_add_data_func(path, &bad_cases[i], test_bad_case);
        g_free(path);
    }
    g_test_add_func("/tdesc/bad-sets", test_bad_file_sets);
    g_test_add_func("/tdesc/block-limit", test_register_block_limit);
    g_test_add_func("/tdesc/target-xml-escaping", test_target_xml_escaping);
    g_test_add_func("/tdesc/hostile/truncation", test_every_truncation_fails);
    g_test_add_func("/tdesc/hostile/garbage", test_random_garbage);
    g_test_add_func("/tdesc/hostile/mutations", test_mutated_files);
    g_test_add_func("/tdesc/hostile/deep-nesting", test_deep_nesting);
    return g_test_run();
}
