/* The decoder alone (cpu/decode.c linked with made-up tables): pattern
 * parsing, most-specific-match selection, and the start-up report of
 * equally specific overlapping rows. */
#include <glib.h>

#include "cpu/cpu-internal.h"

static int trans_any(struct cpu_state *cpu, uint32_t insn)
{
    return A64_NEXT;
}

#define ROW(name, bits) { #name, bits, trans_any }

/* bucket 0b1000 (bits 28:25): two rows, one more specific than the other */
const struct a64_pattern a64_dp_imm_patterns[] = {
    ROW(GENERAL,  "xxx1 000x xxxx xxxx xxxx xxxx xxxx xxxx"),
    ROW(SPECIFIC, "xxx1 0001 1111 xxxx xxxx xxxx xxxx xxxx"),
    A64_PATTERN_END
};
/* an equally specific overlap: a table bug the decoder must report */
const struct a64_pattern a64_dp_reg_patterns[] = {
    ROW(OVERLAP_A, "1xxx 101x xxxx xxxx xxxx xxxx xxxx xxxx"),
    ROW(OVERLAP_B, "x1xx 101x xxxx xxxx xxxx xxxx xxxx xxxx"),
    A64_PATTERN_END
};
/* malformed: 31 bits; reported and ignored */
const struct a64_pattern a64_branch_sys_patterns[] = {
    ROW(SHORT, "0000 0000 0000 0000 0000 0000 0000 000"),
    A64_PATTERN_END
};
/* a letter in the bucket bits: the row lands in every bucket it matches */
const struct a64_pattern a64_ldst_patterns[] = {
    ROW(WIDE, "0000 xxxx xxxx xxxx xxxx xxxx xxxx 1111"),
    A64_PATTERN_END
};
const struct a64_pattern a64_ldst_excl_patterns[] = {
    A64_PATTERN_END
};
const struct a64_pattern a64_pauth_patterns[] = {
    A64_PATTERN_END
};
const struct a64_pattern a64_mte_patterns[] = {
    A64_PATTERN_END
};
static const struct a64_pattern simd_rows[] = {
    ROW(FROM_SIMD_LIST, "0000 1110 0000 0000 0000 0000 0000 0000"),
    A64_PATTERN_END
};
const struct a64_pattern *const a64_fp_simd_tables[] = { simd_rows, NULL };

static void test_selection(void)
{
    if (g_test_subprocess()) {
        g_assert_cmpstr(a64_decode_name(0x10000000), ==, "GENERAL");
        g_assert_cmpstr(a64_decode_name(0x11f00000), ==, "SPECIFIC");
        g_assert_cmpstr(a64_decode_name(0x11e00000), ==, "GENERAL");
        g_assert_cmpstr(a64_decode_name(0x0000000f), ==, "WIDE");
        g_assert_cmpstr(a64_decode_name(0x0600000f), ==, "WIDE");
        g_assert_cmpstr(a64_decode_name(0x0e000000), ==, "FROM_SIMD_LIST");
        g_assert_null(a64_decode_name(0x00000000));
        g_assert_true(a64_decode(0x00000000) == a64_undef);
        g_assert_true(a64_decode(0x10000000) == trans_any);
        /* Both overlap rows match 0xca000000; one of them decodes it. */
        g_assert_nonnull(a64_decode_name(0xca000000));
        return;
    }
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_passed();
    g_test_trap_assert_stderr("*decode table bug: OVERLAP_A*OVERLAP_B*");
    g_test_trap_assert_stderr("*SHORT*not 32 bits*");
    g_test_trap_assert_stderr_unmatched("*GENERAL*SPECIFIC*");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/cpu-core/decode/selection", test_selection);
    return g_test_run();
}
