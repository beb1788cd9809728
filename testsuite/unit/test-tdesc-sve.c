/* The SVE target description (org.gnu.gdb.aarch64.sve instantiated from
 * the aarch64-sve.xml template for a vector length) and its registers as
 * server/gdb-regs.c maps them: z, p and ffr sized for the longest length,
 * zero past a thread's current one; vg its length in 64-bit granules. */
#include <glib.h>
#include <string.h>

#include "cpu/cpu.h"
#include "server/gdb-regs.h"
#include "xml-features/tdesc.h"

static struct tdesc *sve_tdesc(unsigned options, unsigned vq)
{
    GError *error = NULL;
    struct tdesc *td = tdesc_aarch64_linux_sve(options, vq, &error);
    g_assert_no_error(error);
    g_assert_nonnull(td);
    return td;
}

static unsigned regnum_of(const struct tdesc *td, const char *name)
{
    const struct tdesc_reg *r = tdesc_find_reg(td, name);
    g_assert_nonnull(r);
    return r->regnum;
}

/* Numbers as gdb's aarch64 port expects them with SVE, at every length. */
static void test_numbering(void)
{
    for (unsigned vq = 1; vq <= TDESC_SVE_MAX_VQ; vq++) {
        struct tdesc *td = sve_tdesc(TDESC_AARCH64_PAUTH, vq);
        char name[8];

        g_assert_cmpuint(td->regs->len, ==, 89);
        for (unsigned i = 0; i < 32; i++) {
            g_snprintf(name, sizeof(name), "z%u", i);
            const struct tdesc_reg *z = tdesc_find_reg(td, name);
            g_assert_cmpuint(z->regnum, ==, 34 + i);
            g_assert_cmpuint(z->bitsize, ==, 128 * vq);
            g_assert_cmpstr(z->type, ==, "svev");
            g_assert_cmpint(z->dwarf_regnum, ==, 96 + (int)i);
        }
        g_assert_cmpuint(regnum_of(td, "fpsr"), ==, 66);
        g_assert_cmpuint(regnum_of(td, "fpcr"), ==, 67);
        for (unsigned i = 0; i < 16; i++) {
            g_snprintf(name, sizeof(name), "p%u", i);
            const struct tdesc_reg *p = tdesc_find_reg(td, name);
            g_assert_cmpuint(p->regnum, ==, 68 + i);
            g_assert_cmpuint(p->bitsize, ==, 16 * vq);
            g_assert_cmpint(p->dwarf_regnum, ==, 48 + (int)i);
        }
        g_assert_cmpuint(regnum_of(td, "ffr"), ==, 84);
        g_assert_cmpuint(tdesc_find_reg(td, "ffr")->bitsize, ==, 16 * vq);
        g_assert_cmpuint(regnum_of(td, "vg"), ==, 85);
        g_assert_cmpuint(tdesc_find_reg(td, "vg")->bitsize, ==, 64);
        g_assert_cmpint(tdesc_find_reg(td, "vg")->dwarf_regnum, ==, 46);
        g_assert_cmpuint(regnum_of(td, "tpidr"), ==, 86);
        g_assert_cmpuint(regnum_of(td, "pauth_dmask"), ==, 87);
        g_assert_cmpuint(regnum_of(td, "pauth_cmask"), ==, 88);
        /* No V registers: gdb derives them from Z. */
        g_assert_null(tdesc_find_reg(td, "v0"));
        /* core 34*8-4, z, fpsr+fpcr, p and ffr, vg, tpidr, two masks. */
        g_assert_cmpuint(td->g_size, ==,
                         268 + 32 * 16 * vq + 8 + 17 * 2 * vq + 8 + 8 + 16);
        tdesc_free(td);
    }
}

/* The served text is the instantiated template: numbers, no
 * placeholders, and sve in place of fpu. */
static void test_served_text(void)
{
    struct tdesc *td = sve_tdesc(0, 4);
    const char *xml = tdesc_annex(td, "aarch64-sve.xml");

    g_assert_nonnull(xml);
    g_assert_null(strchr(xml, '@'));
    g_assert_nonnull(strstr(xml, "<feature name=\"org.gnu.gdb.aarch64.sve\">"));
    g_assert_nonnull(strstr(xml, "<vector id=\"svevqu\" type=\"uint128\" "
                                 "count=\"4\"/>"));
    g_assert_nonnull(strstr(xml, "<vector id=\"svevbu\" type=\"uint8\" "
                                 "count=\"64\"/>"));
    g_assert_nonnull(strstr(xml, "<vector id=\"svep\" type=\"uint8\" "
                                 "count=\"8\"/>"));
    g_assert_nonnull(strstr(xml, "<reg name=\"z31\" bitsize=\"512\""));
    g_assert_nonnull(strstr(td->target_xml,
                            "<xi:include href=\"aarch64-sve.xml\"/>"));
    g_assert_null(strstr(td->target_xml, "aarch64-fpu.xml"));
    g_assert_null(tdesc_annex(td, "aarch64-fpu.xml"));
    tdesc_free(td);

    /* Without SVE the numbers are what they always were. */
    GError *error = NULL;
    td = tdesc_aarch64_linux_with(TDESC_AARCH64_PAUTH, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(regnum_of(td, "tpidr"), ==, 68);
    g_assert_cmpuint(regnum_of(td, "pauth_dmask"), ==, 69);
    g_assert_null(tdesc_find_reg(td, "vg"));
    tdesc_free(td);
}

static void test_bad_lengths(void)
{
    GError *error = NULL;
    g_assert_null(tdesc_aarch64_linux_sve(0, 0, &error));
    g_assert_error(error, TDESC_ERROR, TDESC_ERROR_INVALID);
    g_clear_error(&error);
    g_assert_null(tdesc_aarch64_linux_sve(0, TDESC_SVE_MAX_VQ + 1, &error));
    g_assert_error(error, TDESC_ERROR, TDESC_ERROR_INVALID);
    g_clear_error(&error);
}

static void test_placeholders(void)
{
    static const struct {
        const char *text;
        const char *want;   /* NULL: an error naming the line */
    } cases[] = {
        { "a@VQ@b", "a3b" },
        { "@VQ*16@@VQ*128@", "48384" },
        { "no placeholder", "no placeholder" },
        { "x\n@vq@", NULL },
        { "x\n@VQ", NULL },
        { "x\n@VQ*@", NULL },
        { "x\n@VQ*0@", NULL },
        { "x\n@VQ*07@", NULL },
        { "x\n@VQ*99999999999999999999@", NULL },
        { "x\nuser@example", NULL },
    };

    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        GError *error = NULL;
        char *out = tdesc_sve_instantiate(cases[i].text, 3, &error);
        if (cases[i].want) {
            g_assert_no_error(error);
            g_assert_cmpstr(out, ==, cases[i].want);
        } else {
            g_assert_null(out);
            g_assert_error(error, TDESC_ERROR, TDESC_ERROR_INVALID);
            g_assert_nonnull(strstr(error->message, "aarch64-sve.xml:2:"));
            g_error_free(error);
        }
        g_free(out);
    }
    GError *error = NULL;
    g_assert_null(tdesc_sve_instantiate("@VQ@", 17, &error));
    g_assert_error(error, TDESC_ERROR, TDESC_ERROR_INVALID);
    g_error_free(error);
}

/* A thread at 256 bits under a 512-bit description: its bytes past 32
 * (z) or 4 (p, ffr) read as zero, writes there change nothing. */
static void test_scalable_access(void)
{
    struct tdesc *td = sve_tdesc(0, 4);
    struct gdb_regs *regs = gdb_regs_new(td);
    struct cpu_state *cpu = g_new0(struct cpu_state, 1);
    uint8_t buf[64], in[64];
    uint64_t vg;

    cpu->sve_vl = 32;
    for (unsigned i = 0; i < CPU_ZREG_BYTES; i++)
        cpu->z[5].b[i] = (uint8_t)(i + 1);
    memset(cpu->p[3], 0xa5, CPU_PREG_BYTES);
    memset(cpu->ffr, 0xff, CPU_PREG_BYTES);

    memset(buf, 0xee, sizeof(buf));
    g_assert_cmpint(gdb_regs_read(regs, cpu, 34 + 5, buf), ==, 0);
    for (unsigned i = 0; i < 64; i++)
        g_assert_cmpuint(buf[i], ==, i < 32 ? i + 1 : 0);
    memset(buf, 0xee, sizeof(buf));
    g_assert_cmpint(gdb_regs_read(regs, cpu, 68 + 3, buf), ==, 0);
    for (unsigned i = 0; i < 8; i++)
        g_assert_cmpuint(buf[i], ==, i < 4 ? 0xa5 : 0);
    g_assert_cmpint(gdb_regs_read(regs, cpu, 84, buf), ==, 0);
    for (unsigned i = 0; i < 8; i++)
        g_assert_cmpuint(buf[i], ==, i < 4 ? 0xff : 0);
    g_assert_cmpint(gdb_regs_read(regs, cpu, 85, (uint8_t *)&vg), ==, 0);
    g_assert_cmpuint(vg, ==, 4);

    /* Writes: the live bytes change, the rest stays as it was. */
    memset(in, 0x11, sizeof(in));
    g_assert_cmpint(gdb_regs_write(regs, cpu, 34 + 5, in), ==, 0);
    for (unsigned i = 0; i < 64; i++)
        g_assert_cmpuint(cpu->z[5].b[i], ==, i < 32 ? 0x11 : i + 1);
    g_assert_cmpint(gdb_regs_write(regs, cpu, 68 + 3, in), ==, 0);
    for (unsigned i = 0; i < 8; i++)
        g_assert_cmpuint(cpu->p[3][i], ==, i < 4 ? 0x11 : 0xa5);

    /* A thread at the full length sees every byte. */
    cpu->sve_vl = 64;
    g_assert_cmpint(gdb_regs_read(regs, cpu, 34 + 5, buf), ==, 0);
    g_assert_cmpuint(buf[63], ==, 64);
    g_assert_cmpint(gdb_regs_read(regs, cpu, 85, (uint8_t *)&vg), ==, 0);
    g_assert_cmpuint(vg, ==, 8);

    g_free(cpu);
    gdb_regs_free(regs);
    tdesc_free(td);
}

/* vg: the same value is accepted (a G packet writes it back); another
 * supported one changes the length and drops the state above V; others
 * fail and change nothing. */
static void test_vg_write(void)
{
    struct tdesc *td = sve_tdesc(0, 4);
    struct gdb_regs *regs = gdb_regs_new(td);
    struct cpu_state *cpu = g_new0(struct cpu_state, 1);
    static const uint64_t bad[] = { 0, 1, 3, 10, 16, 1ull << 40 };
    uint64_t vg;

    cpu->sve_vl = 64;
    for (unsigned i = 0; i < CPU_ZREG_BYTES; i++)
        cpu->z[0].b[i] = 0x77;
    memset(cpu->p[0], 0xff, CPU_PREG_BYTES);
    memset(cpu->ffr, 0xff, CPU_PREG_BYTES);

    vg = 8;
    g_assert_cmpint(gdb_regs_write(regs, cpu, 85, (uint8_t *)&vg), ==, 0);
    g_assert_cmpuint(cpu->sve_vl, ==, 64);
    g_assert_cmpuint(cpu->z[0].b[63], ==, 0x77);
    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_assert_cmpint(gdb_regs_write(regs, cpu, 85, (uint8_t *)&bad[i]),
                        <, 0);
        g_assert_cmpuint(cpu->sve_vl, ==, 64);
    }
    vg = 2;
    g_assert_cmpint(gdb_regs_write(regs, cpu, 85, (uint8_t *)&vg), ==, 0);
    g_assert_cmpuint(cpu->sve_vl, ==, 16);
    g_assert_cmpuint(cpu->z[0].b[15], ==, 0x77);
    g_assert_cmpuint(cpu->z[0].b[16], ==, 0);
    g_assert_cmpuint(cpu->p[0][0], ==, 0);
    g_assert_cmpuint(cpu->ffr[0], ==, 0);
    g_assert_cmpint(gdb_regs_read(regs, cpu, 85, (uint8_t *)&vg), ==, 0);
    g_assert_cmpuint(vg, ==, 2);
    /* Back up to the description's length. */
    vg = 8;
    g_assert_cmpint(gdb_regs_write(regs, cpu, 85, (uint8_t *)&vg), ==, 0);
    g_assert_cmpuint(cpu->sve_vl, ==, 64);

    g_free(cpu);
    gdb_regs_free(regs);
    tdesc_free(td);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/tdesc/sve/numbering", test_numbering);
    g_test_add_func("/tdesc/sve/served-text", test_served_text);
    g_test_add_func("/tdesc/sve/bad-lengths", test_bad_lengths);
    g_test_add_func("/tdesc/sve/placeholders", test_placeholders);
    g_test_add_func("/tdesc/sve/scalable-access", test_scalable_access);
    g_test_add_func("/tdesc/sve/vg-write", test_vg_write);
    return g_test_run();
}
