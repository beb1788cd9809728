/* Known QEMU 7.2 deviations from the architecture (see qemu-known.h). */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"
#include "qemu-known.h"
#include "qemu-known-sve.h"

/* A result that says the first instruction trapped with SIG before
 * writing anything (the harness reports no registers for a trapped
 * case). */
static void trap_result(const struct dt_case *c, struct dt_result *r, int sig)
{
    uint32_t index = r->index;
    memset(r, 0, sizeof *r);
    r->magic = DT_RESULT_MAGIC;
    r->index = index;
    r->signal = sig;
    memcpy(r->mem, c->mem, DT_MEM_SIZE);
    r->sve.vl = c->sve.vl;
}

static void undefined_result(const struct dt_case *c, struct dt_result *r)
{
    trap_result(c, r, SIGILL);
}

static uint64_t base_reg(const struct dt_case *c, uint32_t insn)
{
    unsigned n = (insn >> 5) & 31;
    return n == 31 ? c->regs.sp : c->regs.x[n];
}

/* LDAPR, LDAPRH (FEAT_LRCPC) of an unaligned address. Without FEAT_LSE2
 * (QEMU 7.2's "max" has none, nor has backstep), AArch64.CheckAlignment
 * checks the alignment of every ordered access (Load-Acquire, Load-
 * AcquirePC, Store-Release) whatever SCTLR_EL1.A says: an Alignment fault,
 * SIGBUS. QEMU 7.2 checks it for LDAR and STLR but loads unaligned for
 * LDAPR (0xb8bfc0d3 with x6 odd). */
static bool correct_ldapr_unaligned(const struct dt_case *c,
                                    struct dt_result *r, uint32_t insn)
{
    uint64_t bytes = 1u << (insn >> 30);
    if ((base_reg(c, insn) & (bytes - 1)) == 0)
        return false;
    trap_result(c, r, SIGBUS);
    return true;
}

/* STXR, STLXR, STXP, STLXP of an unaligned address. In
 * AArch64.ExclusiveMonitorsPass the alignment check comes first, before
 * the monitor is consulted: an unaligned store-exclusive is an Alignment
 * fault (SIGBUS) even when the monitor would make it fail. QEMU 7.2
 * compares the address with its monitor first and fails the store
 * (status 1) without checking (0x880f7cd3, STXR with no LDXR before it,
 * x6 odd). CASP shares the group's o1 bit (size 0x) and is left alone. */
static bool correct_store_exclusive_unaligned(const struct dt_case *c,
                                              struct dt_result *r,
                                              uint32_t insn)
{
    unsigned size = insn >> 30, pair = (insn >> 21) & 1;
    uint64_t bytes;
    if (pair && size < 2)
        return false;                           /* CASP */
    bytes = pair ? 2u << (size & 1 ? 3 : 2) : 1u << size;
    if ((base_reg(c, insn) & (bytes - 1)) == 0)
        return false;
    trap_result(c, r, SIGBUS);
    return true;
}

/* Advanced SIMD scalar two-register miscellaneous FP16
 * (01 U 11110 a 111100 opcode 10 Rn Rd). The Arm ARM allocates only these
 * (U:a:opcode); every other encoding of the group is UNDEFINED:
 *   U=0 a=0: 11010 FCVTNS, 11011 FCVTMS, 11100 FCVTAS, 11101 SCVTF
 *   U=0 a=1: 01100 FCMGT #0, 01101 FCMEQ #0, 01110 FCMLT #0, 11010 FCVTPS,
 *            11011 FCVTZS, 11101 FRECPE, 11111 FRECPX
 *   U=1 a=0: 11010 FCVTNU, 11011 FCVTMU, 11100 FCVTAU, 11101 UCVTF
 *   U=1 a=1: 01100 FCMGE #0, 01101 FCMLE #0, 11010 FCVTPU, 11011 FCVTZU,
 *            11101 FRSQRTE
 * QEMU 7.2 executes some of the others (0x7ef8f800, U=1 a=1 01111, the
 * vector-only FNEG) and aborts on others (0x5ef8f800, 0x7ef9f800:
 * "uncaught target signal 6"), instead of raising SIGILL. */
static bool scalar_fp16_misc_allocated(uint32_t insn)
{
    unsigned u = (insn >> 29) & 1, a = (insn >> 23) & 1;
    unsigned op = (insn >> 12) & 0x1f;
    if (op == 0x1a || op == 0x1b || op == 0x1d)
        return true;
    if (!a)
        return op == 0x1c;
    if (op == 0x0c || op == 0x0d)
        return true;
    return u ? false : (op == 0x0e || op == 0x1f);
}

static bool correct_scalar_fp16_misc(const struct dt_case *c,
                                     struct dt_result *r, uint32_t insn)
{
    if (scalar_fp16_misc_allocated(insn))
        return false;
    undefined_result(c, r);
    return true;
}

/* Advanced SIMD two-register miscellaneous FP16, vector
 * (0 Q U 01110 a 111100 opcode 10 Rn Rd): opcode 11111 is FSQRT with
 * U=1, and unallocated with U=0 (FRECPX has no vector form). QEMU 7.2
 * aborts on the U=0 form (0x0ef9f800, 0x4ef9f800) instead of raising
 * SIGILL. */
static bool correct_vector_fp16_misc_11111(const struct dt_case *c,
                                           struct dt_result *r, uint32_t insn)
{
    (void)insn;
    undefined_result(c, r);
    return true;
}

const struct dt_qemu_rule dt_qemu_rules[] = {
    { "scalar FP16 2-reg misc, unallocated opcodes",
      "01 U 11110 a 111100 ooooo 10 nnnnn ddddd", correct_scalar_fp16_misc,
      "A64 decode: Advanced SIMD scalar two-register miscellaneous FP16" },
    { "vector FP16 2-reg misc U=0 opcode 11111 (unallocated)",
      "0 Q 0 01110 1 111100 11111 10 nnnnn ddddd",
      correct_vector_fp16_misc_11111,
      "A64 decode: Advanced SIMD two-register miscellaneous (FP16)" },
    { "LDAPR/LDAPRH unaligned: Alignment fault",
      "zz 111 0 00 1 0 1 11111 1 100 00 nnnnn ttttt", correct_ldapr_unaligned,
      "shared/functions/memory/AArch64.CheckAlignment" },
    { "store-exclusive unaligned: Alignment fault before the monitor",
      "zz 001000 0 0 p sssss o uuuuu nnnnn ttttt",
      correct_store_exclusive_unaligned,
      "AArch64.ExclusiveMonitorsPass" },
    { NULL, NULL, NULL, NULL },
};

const char *dt_qemu_correct(const struct dt_case *c, struct dt_result *r)
{
    const struct dt_qemu_rule *rules = c->sve.vl ? dt_qemu_sve_rules
                                                 : dt_qemu_rules;
    for (const struct dt_qemu_rule *rule = rules; rule->name; rule++) {
        uint32_t mask, value;
        if (!dt_pattern_fixed(rule->pattern, &mask, &value))
            continue;       /* caught by dt_tables_valid */
        /* Only a case's first instruction: the rules describe a result
         * for the whole case, which a later instruction would change. */
        if ((c->insn[0] & mask) == value && rule->correct(c, r, c->insn[0]))
            return rule->name;
    }
    return NULL;
}

struct dt_known_entry {
    uint32_t mask, value;
    char *why;
};

struct dt_known_list {
    GArray *entries;
};

struct dt_known_list *dt_known_load(const char *path, GError **error)
{
    char *text = NULL;
    if (!g_file_get_contents(path, &text, NULL, error))
        return NULL;
    struct dt_known_list *list = g_new0(struct dt_known_list, 1);
    list->entries = g_array_new(FALSE, TRUE, sizeof(struct dt_known_entry));
    char **lines = g_strsplit(text, "\n", -1);
    for (unsigned n = 0; lines[n]; n++) {
        char *line = lines[n];
        char *hash = strchr(line, '#');
        if (hash)
            *hash = '\0';
        g_strstrip(line);
        if (!*line)
            continue;
        char *end1, *end2;
        unsigned long mask = strtoul(line, &end1, 16);
        unsigned long value = strtoul(end1, &end2, 16);
        if (end1 == line || end2 == end1 || mask > 0xffffffffu
            || value > 0xffffffffu || (value & ~mask)) {
            g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                        "%s:%u: expected \"MASK VALUE why\" in hex, "
                        "VALUE inside MASK", path, n + 1);
            g_strfreev(lines);
            g_free(text);
            dt_known_free(list);
            return NULL;
        }
        struct dt_known_entry e = { (uint32_t)mask, (uint32_t)value,
                                    g_strdup(g_strstrip(end2)) };
        g_array_append_val(list->entries, e);
    }
    g_strfreev(lines);
    g_free(text);
    return list;
}

const char *dt_known_match(const struct dt_known_list *list,
                           const struct dt_case *c)
{
    if (!list)
        return NULL;
    for (guint k = 0; k < list->entries->len; k++) {
        const struct dt_known_entry *e =
            &g_array_index(list->entries, struct dt_known_entry, k);
        for (unsigned i = 0; i < c->ninsn; i++)
            if ((c->insn[i] & e->mask) == e->value)
                return *e->why ? e->why : "listed as a known QEMU bug";
    }
    return NULL;
}

void dt_known_free(struct dt_known_list *list)
{
    if (!list)
        return;
    for (guint k = 0; k < list->entries->len; k++)
        g_free(g_array_index(list->entries, struct dt_known_entry, k).why);
    g_array_unref(list->entries);
    g_free(list);
}
