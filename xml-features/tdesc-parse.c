/* Parsing one feature file with expat and checking it against what gdb's
 * target-description format allows (gdb-target.dtd and the rules gdb
 * applies on top of it).
 *
 * Every problem stops the parse at once with a message of the form
 * "FILE:LINE: problem". The element nesting the format allows is at most
 * three deep (<feature><union><field>), and anything deeper is rejected
 * when it opens, so our state is a fixed-size stack. DTD internal subsets
 * are refused outright: they are the only way to declare entities or
 * default attributes, and no feature file needs them.
 */
#include "config.h"

#include <expat.h>
#include <limits.h>
#include <stdarg.h>
#include <string.h>

#include "xml-features/tdesc-parse.h"

enum element {
    EL_NONE,
    EL_FEATURE,
    EL_REG,
    EL_VECTOR,
    EL_UNION,
    EL_STRUCT,
    EL_FLAGS,
    EL_ENUM,
    EL_FIELD,
    EL_EVALUE,
    EL_TARGET_ONLY, /* target.xml's own elements: known, not allowed here */
    EL_UNKNOWN,
};

static const struct {
    const char *name;
    enum element element;
} element_names[] = {
    { "feature", EL_FEATURE },
    { "reg", EL_REG },
    { "vector", EL_VECTOR },
    { "union", EL_UNION },
    { "struct", EL_STRUCT },
    { "flags", EL_FLAGS },
    { "enum", EL_ENUM },
    { "field", EL_FIELD },
    { "evalue", EL_EVALUE },
    { "target", EL_TARGET_ONLY },
    { "architecture", EL_TARGET_ONLY },
    { "osabi", EL_TARGET_ONLY },
    { "compatible", EL_TARGET_ONLY },
    { "xi:include", EL_TARGET_ONLY },
};

enum type_kind {
    TYPE_UNDEFINED,
    TYPE_INT,
    TYPE_PTR,
    TYPE_FLOAT,
    TYPE_BOOL,       /* only as the type of a <flags> field */
    TYPE_VECTOR,
    TYPE_UNION,
    TYPE_STRUCT,
    TYPE_FLAGS,
    TYPE_ENUM,
};

static const struct {
    const char *name;
    enum type_kind kind;
} builtin_types[] = {
    { "int8", TYPE_INT },    { "int16", TYPE_INT },   { "int32", TYPE_INT },
    { "int64", TYPE_INT },   { "int128", TYPE_INT },  { "uint8", TYPE_INT },
    { "uint16", TYPE_INT },  { "uint32", TYPE_INT },  { "uint64", TYPE_INT },
    { "uint128", TYPE_INT }, { "int", TYPE_INT },
    { "code_ptr", TYPE_PTR }, { "data_ptr", TYPE_PTR },
    { "ieee_half", TYPE_FLOAT }, { "ieee_single", TYPE_FLOAT },
    { "ieee_double", TYPE_FLOAT }, { "bfloat16", TYPE_FLOAT },
    { "float", TYPE_FLOAT },
    { "bool", TYPE_BOOL },
};

/* The type element being read: its fields are checked against it. */
struct pending_type {
    char *id;
    enum type_kind kind;
    unsigned size_bits;      /* flags, enum, sized struct; 0 otherwise */
};

#define MAX_DEPTH 4

struct parse_state {
    XML_Parser parser;
    const char *display;
    struct tdesc_builder *b;
    struct tdesc_feature *feature;
    GHashTable *types;       /* id -> GINT_TO_POINTER(enum type_kind) */
    enum element stack[MAX_DEPTH];
    unsigned depth;
    struct pending_type pending;
    GError *error;
};

static unsigned current_line(struct parse_state *st)
{
    XML_Size line = XML_GetCurrentLineNumber(st->parser);
    return line > UINT_MAX ? UINT_MAX : (unsigned)line;
}

/* Record the first problem and stop expat; later events are ignored. */
G_GNUC_PRINTF(2, 3)
static void fail(struct parse_state *st, const char *fmt, ...)
{
    if (st->error)
        return;
    va_list ap;
    va_start(ap, fmt);
    char *problem = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_set_error(&st->error, TDESC_ERROR, TDESC_ERROR_INVALID, "%s:%u: %s",
                st->display, current_line(st), problem);
    g_free(problem);
    XML_StopParser(st->parser, XML_FALSE);
}

static enum element element_of(const char *name)
{
    for (size_t i = 0; i < G_N_ELEMENTS(element_names); i++)
        if (strcmp(element_names[i].name, name) == 0)
            return element_names[i].element;
    return EL_UNKNOWN;
}

static const char *element_name(enum element element)
{
    for (size_t i = 0; i < G_N_ELEMENTS(element_names); i++)
        if (element_names[i].element == element)
            return element_names[i].name;
    return "?";
}

static bool allowed_inside(enum element child, enum element parent)
{
    switch (parent) {
    case EL_NONE:
        return child == EL_FEATURE;
    case EL_FEATURE:
        return child == EL_REG || child == EL_VECTOR || child == EL_UNION ||
               child == EL_STRUCT || child == EL_FLAGS || child == EL_ENUM;
    case EL_UNION:
    case EL_STRUCT:
    case EL_FLAGS:
        return child == EL_FIELD;
    case EL_ENUM:
        return child == EL_EVALUE;
    default:
        return false;
    }
}

static enum type_kind type_kind_of(struct parse_state *st, const char *name)
{
    for (size_t i = 0; i < G_N_ELEMENTS(builtin_types); i++)
        if (strcmp(builtin_types[i].name, name) == 0)
            return builtin_types[i].kind;
    return GPOINTER_TO_INT(g_hash_table_lookup(st->types, name));
}

/* Collect the attributes an element may carry into values[] (parallel
 * to allowed[], NULL when absent); any other attribute is an error. */
static bool take_attrs(struct parse_state *st, const char *element,
                       const XML_Char **attrs, const char *const *allowed,
                       const char **values)
{
    for (size_t i = 0; allowed[i]; i++)
        values[i] = NULL;
    for (size_t a = 0; attrs[a]; a += 2) {
        size_t i;
        for (i = 0; allowed[i]; i++)
            if (strcmp(allowed[i], attrs[a]) == 0)
                break;
        if (!allowed[i]) {
            fail(st, "<%s> has unknown attribute \"%s\"", element, attrs[a]);
            return false;
        }
        values[i] = attrs[a + 1];
    }
    return true;
}

static bool require(struct parse_state *st, const char *element,
                    const char *attr, const char *value)
{
    if (value)
        return true;
    fail(st, "<%s> without %s", element, attr);
    return false;
}

static bool parse_number(const char *text, guint64 min, guint64 max,
                         guint64 *out)
{
    return g_ascii_string_to_unsigned(text, 10, min, max, out, NULL);
}

/* Register and group names end up in lldb's qRegisterInfo replies
 * ("name:x0;set:general;"), so they must not carry its separators. */
static bool is_plain_name(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!g_ascii_isalnum(*s) && *s != '_' && *s != '.' && *s != '-')
            return false;
    return true;
}

static const char *default_group(enum type_kind kind)
{
    switch (kind) {
    case TYPE_FLOAT:
        return "float";
    case TYPE_VECTOR:
    case TYPE_UNION:
        return "vector";
    default:
        return "general";
    }
}

static void start_feature(struct parse_state *st, const XML_Char **attrs)
{
    static const char *const allowed[] = { "name", NULL };
    const char *v[G_N_ELEMENTS(allowed)];
    if (!take_attrs(st, "feature", attrs, allowed, v) ||
        !require(st, "feature", "name", v[0]))
        return;
    if (!*v[0]) {
        fail(st, "<feature> with an empty name");
        return;
    }
    st->feature->name = g_strdup(v[0]);
}

static void start_reg(struct parse_state *st, const XML_Char **attrs)
{
    /* encoding= and format= are lldb's extension (its lldb-gdb-remote
     * notes): lldb 14 cannot tell from a union type such as SVE's that a
     * register is a vector, and gdb ignores attributes it does not know. */
    static const char *const allowed[] = {
        "name", "bitsize", "type", "group", "regnum", "save-restore",
        "encoding", "format", NULL
    };
    enum { NAME, BITSIZE, TYPE, GROUP, REGNUM, SAVE_RESTORE, ENCODING,
           FORMAT };
    const char *v[G_N_ELEMENTS(allowed)];
    struct tdesc_builder *b = st->b;

    if (!take_attrs(st, "reg", attrs, allowed, v) ||
        !require(st, "reg", "name", v[NAME]) ||
        !require(st, "reg", "bitsize", v[BITSIZE]))
        return;
    const char *name = v[NAME];
    if (!is_plain_name(name)) {
        fail(st, "register name \"%s\" is empty or has characters other "
             "than letters, digits, '_', '.' and '-'", name);
        return;
    }
    gpointer first = g_hash_table_lookup(b->by_name, name);
    if (first) {
        const struct tdesc_reg_origin *o = &g_array_index(
            b->origins, struct tdesc_reg_origin, GPOINTER_TO_UINT(first) - 1);
        fail(st, "duplicate register name \"%s\" (first defined at %s:%u)",
             name, o->file, o->line);
        return;
    }

    guint64 bitsize;
    if (!parse_number(v[BITSIZE], 8, TDESC_MAX_REG_BITS, &bitsize) ||
        bitsize % 8 != 0) {
        fail(st, "register \"%s\": bitsize \"%s\" is not a multiple of 8 "
             "from 8 to %u", name, v[BITSIZE], TDESC_MAX_REG_BITS);
        return;
    }

    guint64 regnum = b->next_regnum;
    if (v[REGNUM] && !parse_number(v[REGNUM], 0, TDESC_MAX_REGNUM, &regnum)) {
        fail(st, "register \"%s\": regnum \"%s\" is not a number from 0 "
             "to %u", name, v[REGNUM], TDESC_MAX_REGNUM);
        return;
    }
    if (regnum > TDESC_MAX_REGNUM) {
        fail(st, "register \"%s\": number %" G_GUINT64_FORMAT " is above "
             "the limit of %u", name, regnum, TDESC_MAX_REGNUM);
        return;
    }
    gpointer holder = g_hash_table_lookup(b->by_regnum,
                                          GUINT_TO_POINTER(regnum + 1));
    if (holder) {
        const struct tdesc_reg *other =
            g_ptr_array_index(b->regs, GPOINTER_TO_UINT(holder) - 1);
        fail(st, "register \"%s\": number %" G_GUINT64_FORMAT " is already "
             "used by \"%s\"", name, regnum, other->name);
        return;
    }

    const char *type = v[TYPE] ? v[TYPE] : "int";
    enum type_kind kind = type_kind_of(st, type);
    if (kind == TYPE_UNDEFINED || kind == TYPE_BOOL) {
        fail(st, "register \"%s\": undefined type \"%s\"", name, type);
        return;
    }
    if (v[GROUP] && !is_plain_name(v[GROUP])) {
        fail(st, "register \"%s\": group \"%s\" is empty or has characters "
             "other than letters, digits, '_', '.' and '-'", name, v[GROUP]);
        return;
    }
    for (int i = ENCODING; i <= FORMAT; i++) {
        if (v[i] && !is_plain_name(v[i])) {
            fail(st, "register \"%s\": %s \"%s\" is empty or has characters "
                 "other than letters, digits, '_', '.' and '-'", name,
                 allowed[i], v[i]);
            return;
        }
    }
    bool save_restore = true;
    if (v[SAVE_RESTORE]) {
        if (strcmp(v[SAVE_RESTORE], "no") == 0)
            save_restore = false;
        else if (strcmp(v[SAVE_RESTORE], "yes") != 0) {
            fail(st, "register \"%s\": save-restore \"%s\" is not yes or no",
                 name, v[SAVE_RESTORE]);
            return;
        }
    }

    struct tdesc_reg *reg = g_new0(struct tdesc_reg, 1);
    reg->name = g_strdup(name);
    reg->type = g_strdup(type);
    reg->group = g_strdup(v[GROUP] ? v[GROUP] : default_group(kind));
    reg->feature = st->feature->name;
    reg->regnum = (unsigned)regnum;
    reg->bitsize = (unsigned)bitsize;
    reg->dwarf_regnum = -1;
    reg->save_restore = save_restore;

    struct tdesc_reg_origin origin = { st->display, current_line(st) };
    g_ptr_array_add(b->regs, reg);
    g_array_append_val(b->origins, origin);
    g_hash_table_insert(b->by_name, reg->name, GUINT_TO_POINTER(b->regs->len));
    g_hash_table_insert(b->by_regnum, GUINT_TO_POINTER(regnum + 1),
                        GUINT_TO_POINTER(b->regs->len));
    b->next_regnum = (unsigned)regnum + 1;
}

/* Common to every type element: a fresh, unused id. The type becomes
 * usable when its element closes, so a type cannot contain itself. */
static bool start_type(struct parse_state *st, const char *element,
                       const char *id, enum type_kind kind)
{
    if (!require(st, element, "id", id))
        return false;
    if (!*id) {
        fail(st, "<%s> with an empty id", element);
        return false;
    }
    enum type_kind existing = type_kind_of(st, id);
    if (existing != TYPE_UNDEFINED) {
        bool builtin = g_hash_table_lookup(st->types, id) == NULL;
        fail(st, builtin ? "type \"%s\" is a built-in type"
                         : "type \"%s\" is defined twice", id);
        return false;
    }
    st->pending.id = g_strdup(id);
    st->pending.kind = kind;
    st->pending.size_bits = 0;
    return true;
}

/* size="N" in bytes, for flags, enums and bit-field structs, which gdb
 * builds on integers of at most 64 bits. */
static bool take_size(struct parse_state *st, const char *element,
                      const char *id, const char *size)
{
    guint64 bytes;
    if (!parse_number(size, 1, 8, &bytes)) {
        fail(st, "<%s id=\"%s\">: size \"%s\" is not a number from 1 to 8",
             element, id, size);
        return false;
    }
    st->pending.size_bits = (unsigned)bytes * 8;
    return true;
}

static void start_vector(struct parse_state *st, const XML_Char **attrs)
{
    static const char *const allowed[] = { "id", "type", "count", NULL };
    const char *v[G_N_ELEMENTS(allowed)];
    if (!take_attrs(st, "vector", attrs, allowed, v) ||
        !require(st, "vector", "type", v[1]) ||
        !require(st, "vector", "count", v[2]) ||
        !start_type(st, "vector", v[0], TYPE_VECTOR))
        return;
    enum type_kind element_kind = type_kind_of(st, v[1]);
    if (element_kind == TYPE_UNDEFINED || element_kind == TYPE_BOOL) {
        fail(st, "<vector id=\"%s\">: undefined type \"%s\"", v[0], v[1]);
        return;
    }
    guint64 count;
    if (!parse_number(v[2], 1, TDESC_MAX_VECTOR_COUNT, &count))
        fail(st, "<vector id=\"%s\">: count \"%s\" is not a number from 1 "
             "to %u", v[0], v[2], TDESC_MAX_VECTOR_COUNT);
}

static void start_union(struct parse_state *st, const XML_Char **attrs)
{
    static const char *const allowed[] = { "id", NULL };
    const char *v[G_N_ELEMENTS(allowed)];
    if (take_attrs(st, "union", attrs, allowed, v))
        start_type(st, "union", v[0], TYPE_UNION);
}

static void start_struct(struct parse_state *st, const XML_Char **attrs)
{
    static const char *const allowed[] = { "id", "size", NULL };
    const char *v[G_N_ELEMENTS(allowed)];
    if (take_attrs(st, "struct", attrs, allowed, v) &&
        start_type(st, "struct", v[0], TYPE_STRUCT) && v[1])
        take_size(st, "struct", v[0], v[1]);
}

static void start_flags(struct parse_state *st, const XML_Char **attrs)
{
    static const char *const allowed[] = { "id", "size", NULL };
    const char *v[G_N_ELEMENTS(allowed)];
    if (take_attrs(st, "flags", attrs, allowed, v) &&
        require(st, "flags", "size", v[1]) &&
        start_type(st, "flags", v[0], TYPE_FLAGS))
        take_size(st, "flags", v[0], v[1]);
}

static void start_enum(struct parse_state *st, const XML_Char **attrs)
{
    static const char *const allowed[] = { "id", "size", NULL };
    const char *v[G_N_ELEMENTS(allowed)];
    if (take_attrs(st, "enum", attrs, allowed, v) &&
        require(st, "enum", "size", v[1]) &&
        start_type(st, "enum", v[0], TYPE_ENUM))
        take_size(st, "enum", v[0], v[1]);
}

/* A field is a typed member (union, plain struct) or a bit range
 * (flags, struct with a size). */
static void start_field(struct parse_state *st, const XML_Char **attrs)
{
    static const char *const allowed[] = {
        "name", "type", "start", "end", NULL
    };
    enum { NAME, TYPE, START, END };
    const char *v[G_N_ELEMENTS(allowed)];
    if (!take_attrs(st, "field", attrs, allowed, v) ||
        !require(st, "field", "name", v[NAME]))
        return;
    const char *name = v[NAME];
    unsigned size_bits = st->pending.size_bits;

    if (v[TYPE]) {
        enum type_kind kind = type_kind_of(st, v[TYPE]);
        if (kind == TYPE_UNDEFINED || (kind == TYPE_BOOL && !size_bits)) {
            fail(st, "field \"%s\": undefined type \"%s\"", name, v[TYPE]);
            return;
        }
    }
    if (!size_bits) {
        if (v[START] || v[END]) {
            fail(st, "field \"%s\": start and end are only allowed in "
                 "<flags> and in <struct> with a size", name);
            return;
        }
        require(st, "field", "type", v[TYPE]);
        return;
    }

    if (!require(st, "field", "start", v[START]))
        return;
    guint64 start, end;
    if (!parse_number(v[START], 0, size_bits - 1, &start)) {
        fail(st, "field \"%s\": start \"%s\" is not a bit number from 0 "
             "to %u", name, v[START], size_bits - 1);
        return;
    }
    end = start;
    if (v[END] && (!parse_number(v[END], 0, size_bits - 1, &end) ||
                   end < start)) {
        fail(st, "field \"%s\": end \"%s\" is not a bit number from %"
             G_GUINT64_FORMAT " to %u", name, v[END], start, size_bits - 1);
    }
}

static void start_evalue(struct parse_state *st, const XML_Char **attrs)
{
    static const char *const allowed[] = { "name", "value", NULL };
    const char *v[G_N_ELEMENTS(allowed)];
    guint64 value;
    if (!take_attrs(st, "evalue", attrs, allowed, v) ||
        !require(st, "evalue", "name", v[0]) ||
        !require(st, "evalue", "value", v[1]))
        return;
    if (!parse_number(v[1], 0, G_MAXUINT32, &value))
        fail(st, "evalue \"%s\": value \"%s\" is not a number from 0 to %u",
             v[0], v[1], G_MAXUINT32);
}

static void XMLCALL on_start(void *data, const XML_Char *name,
                             const XML_Char **attrs)
{
    struct parse_state *st = data;
    if (st->error)
        return;
    enum element element = element_of(name);
    enum element parent = st->depth ? st->stack[st->depth - 1] : EL_NONE;

    if (element == EL_UNKNOWN) {
        fail(st, "unknown element <%s>", name);
        return;
    }
    if (!allowed_inside(element, parent) || st->depth >= MAX_DEPTH) {
        if (parent == EL_NONE)
            fail(st, "<%s> is not allowed as the root element (expected "
                 "<feature>)", name);
        else
            fail(st, "<%s> is not allowed inside <%s>", name,
                 element_name(parent));
        return;
    }
    st->stack[st->depth++] = element;

    switch (element) {
    case EL_FEATURE: start_feature(st, attrs); break;
    case EL_REG:     start_reg(st, attrs); break;
    case EL_VECTOR:  start_vector(st, attrs); break;
    case EL_UNION:   start_union(st, attrs); break;
    case EL_STRUCT:  start_struct(st, attrs); break;
    case EL_FLAGS:   start_flags(st, attrs); break;
    case EL_ENUM:    start_enum(st, attrs); break;
    case EL_FIELD:   start_field(st, attrs); break;
    case EL_EVALUE:  start_evalue(st, attrs); break;
    default:         break;
    }
}

static void XMLCALL on_end(void *data, const XML_Char *name)
{
    struct parse_state *st = data;
    if (st->error || st->depth == 0)
        return;
    enum element element = st->stack[--st->depth];
    if (st->pending.id && element != EL_FIELD && element != EL_EVALUE) {
        g_hash_table_insert(st->types, st->pending.id,
                            GINT_TO_POINTER(st->pending.kind));
        st->pending.id = NULL;
    }
}

static void XMLCALL on_text(void *data, const XML_Char *s, int len)
{
    struct parse_state *st = data;
    if (st->error)
        return;
    for (int i = 0; i < len; i++) {
        if (!g_ascii_isspace(s[i])) {
            fail(st, "text is not allowed in a feature file");
            return;
        }
    }
}

static void XMLCALL on_doctype(void *data, const XML_Char *name,
                               const XML_Char *sysid, const XML_Char *pubid,
                               int has_internal_subset)
{
    struct parse_state *st = data;
    if (has_internal_subset)
        fail(st, "a DTD internal subset is not allowed");
}

static void XMLCALL on_skipped_entity(void *data, const XML_Char *name,
                                      int is_parameter_entity)
{
    fail(data, "reference to undefined entity \"%s\"", name);
}

void tdesc_feature_free(struct tdesc_feature *f)
{
    if (!f)
        return;
    g_free(f->name);
    g_free(f->file);
    g_free(f->xml);
    g_free(f);
}

void tdesc_reg_free(struct tdesc_reg *r)
{
    if (!r)
        return;
    g_free(r->name);
    g_free(r->type);
    g_free(r->group);
    g_free(r);
}

void tdesc_builder_init(struct tdesc_builder *b)
{
    b->regs = g_ptr_array_new_with_free_func((GDestroyNotify)tdesc_reg_free);
    b->origins = g_array_new(FALSE, FALSE, sizeof(struct tdesc_reg_origin));
    b->by_name = g_hash_table_new(g_str_hash, g_str_equal);
    b->by_regnum = g_hash_table_new(g_direct_hash, g_direct_equal);
    b->next_regnum = 0;
}

void tdesc_builder_clear(struct tdesc_builder *b)
{
    g_clear_pointer(&b->by_name, g_hash_table_destroy);
    g_clear_pointer(&b->by_regnum, g_hash_table_destroy);
    if (b->origins)
        g_array_free(b->origins, TRUE);
    b->origins = NULL;
    if (b->regs)
        g_ptr_array_free(b->regs, TRUE);
    b->regs = NULL;
}

struct tdesc_feature *tdesc_parse_feature(struct tdesc_builder *b,
                                          const char *display,
                                          const char *annex,
                                          const char *text, size_t len,
                                          GError **error)
{
    if (len > INT_MAX) {
        g_set_error(error, TDESC_ERROR, TDESC_ERROR_INVALID,
                    "%s: file too large", display);
        return NULL;
    }

    struct parse_state st = {
        .display = display,
        .b = b,
        .feature = g_new0(struct tdesc_feature, 1),
        .types = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
    };
    st.parser = XML_ParserCreate(NULL);
    if (!st.parser) {
        g_set_error(error, TDESC_ERROR, TDESC_ERROR_IO,
                    "%s: cannot create an XML parser", display);
        g_hash_table_destroy(st.types);
        tdesc_feature_free(st.feature);
        return NULL;
    }
    XML_SetUserData(st.parser, &st);
    XML_SetElementHandler(st.parser, on_start, on_end);
    XML_SetCharacterDataHandler(st.parser, on_text);
    XML_SetStartDoctypeDeclHandler(st.parser, on_doctype);
    XML_SetSkippedEntityHandler(st.parser, on_skipped_entity);

    enum XML_Status status = XML_Parse(st.parser, text, (int)len, XML_TRUE);
    if (status != XML_STATUS_OK && !st.error) {
        XML_Size line = XML_GetCurrentLineNumber(st.parser);
        g_set_error(&st.error, TDESC_ERROR, TDESC_ERROR_PARSE,
                    "%s:%lu: malformed XML: %s", display, (unsigned long)line,
                    XML_ErrorString(XML_GetErrorCode(st.parser)));
    }
    XML_ParserFree(st.parser);
    g_free(st.pending.id);
    g_hash_table_destroy(st.types);

    if (!st.error && !st.feature->name)
        g_set_error(&st.error, TDESC_ERROR, TDESC_ERROR_INVALID,
                    "%s: no <feature> element", display);
    if (st.error) {
        g_propagate_error(error, st.error);
        tdesc_feature_free(st.feature);
        return NULL;
    }
    st.feature->file = g_strdup(annex);
    st.feature->xml = g_strndup(text, len);
    return st.feature;
}
