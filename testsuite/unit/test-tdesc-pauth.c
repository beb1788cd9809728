/* The pointer-authentication feature of the built-in target description
 * (org.gnu.gdb.aarch64.pauth) and its registers as server/gdb-regs.c maps
 * them: numbers 69 and 70 after tpidr, both masks GENMASK(54, 48) while
 * the CPU has PAuth enabled, unavailable otherwise, read-only. */
#include <glib.h>
#include <string.h>

#include "cpu/cpu.h"
#include "server/gdb-regs.h"
#include "xml-features/tdesc.h"

static void test_description(void)
{
    GError *error = NULL;
    struct tdesc *plain = tdesc_aarch64_linux(&error);
    struct tdesc *td = tdesc_aarch64_linux_with(TDESC_AARCH64_PAUTH, &error);
    const struct tdesc_reg *d, *c;

    g_assert_no_error(error);
    g_assert_cmpuint(plain->regs->len, ==, 69);
    g_assert_null(tdesc_find_reg(plain, "pauth_dmask"));
    g_assert_cmpuint(td->regs->len, ==, 71);
    g_assert_cmpuint(td->g_size, ==, 812);
    d = tdesc_find_reg(td, "pauth_dmask");
    c = tdesc_find_reg(td, "pauth_cmask");
    g_assert_nonnull(d);
    g_assert_nonnull(c);
    g_assert_cmpuint(d->regnum, ==, 69);
    g_assert_cmpuint(c->regnum, ==, 70);
    g_assert_cmpuint(d->offset, ==, 796);
    g_assert_cmpuint(c->offset, ==, 804);
    g_assert_cmpuint(d->bitsize, ==, 64);
    g_assert_cmpstr(d->feature, ==, "org.gnu.gdb.aarch64.pauth");
    g_assert_nonnull(strstr(tdesc_annex(td, "target.xml"),
                            "<xi:include href=\"aarch64-pauth.xml\"/>"));
    g_assert_nonnull(strstr(tdesc_annex(td, "aarch64-pauth.xml"),
                            "<feature name=\"org.gnu.gdb.aarch64.pauth\">"));
    /* The registers before it keep their numbers and offsets. */
    g_assert_cmpuint(tdesc_find_reg(td, "tpidr")->regnum, ==, 68);
    g_assert_cmpuint(tdesc_find_reg(td, "tpidr")->offset, ==, 788);
    tdesc_free(plain);
    tdesc_free(td);
}

static void test_register_access(void)
{
    GError *error = NULL;
    struct tdesc *td = tdesc_aarch64_linux_with(TDESC_AARCH64_PAUTH, &error);
    struct gdb_regs *regs = gdb_regs_new(td);
    struct cpu_state *cpu = g_new0(struct cpu_state, 1);
    uint64_t v = 0, other = 0x00ff000000000000ull;

    g_assert_no_error(error);
    /* Without PAuth the masks are unavailable. */
    g_assert_cmpint(gdb_regs_read(regs, cpu, 69, (uint8_t *)&v), <, 0);
    cpu->pauth_enabled = true;
    for (unsigned regnum = 69; regnum <= 70; regnum++) {
        v = 0;
        g_assert_cmpint(gdb_regs_read(regs, cpu, regnum, (uint8_t *)&v), ==, 0);
        g_assert_cmphex(v, ==, 0x007f000000000000ull);
        /* Writing back the same value is fine (G), a change is not. */
        g_assert_cmpint(gdb_regs_write(regs, cpu, regnum, (uint8_t *)&v), ==, 0);
        g_assert_cmpint(gdb_regs_write(regs, cpu, regnum, (uint8_t *)&other),
                        <, 0);
    }
    g_free(cpu);
    gdb_regs_free(regs);
    tdesc_free(td);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/tdesc/pauth/description", test_description);
    g_test_add_func("/tdesc/pauth/register-access", test_register_access);
    return g_test_run();
}
