/* Directed cases of the SVE2 integer groups (cpu/sve2-int-*.c), with
 * results computed by hand from the architecture's pseudocode: saturation
 * limits, rounding ties, shifts by 0, by the element size and beyond,
 * predicated-off elements kept, the B/T even/odd element rules and the
 * zeroed odd elements of the narrowing B forms. Each case runs at vector
 * lengths of 128, 384, 512 and 2048 bits with the same values in every
 * 128-bit segment. Encodings come from aarch64-linux-gnu-as. */
#include <glib.h>
#include <string.h>

#include "cpu/cpu.h"
#include "testsuite/unit/cpu-core-harness.h"

#define BRK0 0xd4200000u

struct sve2_case {
    const char *name;
    uint32_t insn;
    unsigned esz_d, esz_n, esz_m;   /* element sizes of z0, z1, z2 */
    uint64_t d[16], n[16], m[16];   /* one 128-bit segment of each */
    uint64_t want[16];              /* z0 afterwards, at esz_d */
    uint32_t inactive;              /* z0 elements whose p1 bit is clear */
};

#define M1 UINT64_MAX
#define AA16 { 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa,             \
               0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa }

static const struct sve2_case cases[] = {
    /* Predicated shifts: the count is the whole element, saturated to
     * +-(esize + 1); rounding adds half of the last bit shifted out. */
    { "sqrshl.b", 0x440a8420u, 0, 0, 0,
      { 0x40, 0x80, 3, 5, 6, 0xfa, 1, 0, 0xff, 0x7f, 0x7f, 0x80, 0x55, 0x12,
        0xc0, 0xc0 },
      { 1, 0xff, 0xff, 0xfe, 0xfe, 0xfe, 8, 100, 8, 0xf7, 0x80, 0x80, 0, 1,
        1, 2 }, { 0 },
      { 0x7f, 0xc0, 2, 1, 2, 0xff, 0x7f, 0, 0x80, 0, 0, 0, 0x55, 0x12, 0x80,
        0x80 }, 1u << 13 },
    { "sqshl.h", 0x44488420u, 1, 1, 1,
      { 1, 1, 0x8000, 0xffff, 0x4000, 1, 0x1234, 0xfffd },
      { 0x100, 0xff00, 0xffff, 0xfff0, 1, 14, 5, 0xffff }, { 0 },
      { 0x7fff, 0, 0xc000, 0xffff, 0x7fff, 0x4000, 0x1234, 0xfffe }, 1u << 6 },
    { "srshl.h", 0x44428420u, 1, 1, 1,
      { 1, 0x8001, 0x7fff, 3, 0x8000, 0xffff },
      { 0x100, 0xffff, 1, 0xfff0, 0xfff0, 0xffef }, { 0 },
      { 0, 0xc001, 0xfffe, 0, 0, 0 }, 0 },
    { "urshl.d", 0x44c38420u, 3, 3, 3, { M1, M1 }, { M1, (uint64_t)-64 },
      { 0 }, { 0x8000000000000000ull, 1 }, 0 },
    { "urshl.d by 64", 0x44c38420u, 3, 3, 3, { 1, 5 }, { 64, 0 }, { 0 },
      { 0, 5 }, 0 },
    { "uqshl.d", 0x44c98420u, 3, 3, 3, { 1, 1 }, { 63, 64 }, { 0 },
      { 0x8000000000000000ull, M1 }, 0 },
    { "uqshl.d zero", 0x44c98420u, 3, 3, 3, { 0, 0x8000000000000000ull },
      { 64, (uint64_t)-63 }, { 0 }, { 0, 1 }, 0 },
    { "srshlr.s", 0x44868420u, 2, 2, 2, { 0xffffffff, 4, 7, 0 },
      { 3, 0x10000000, 9, 0x80000000 }, { 0 }, { 2, 0, 7, 0x80000000 },
      1u << 2 },
    /* Halving add/subtract on the exact sums. */
    { "shadd.b", 0x44108420u, 0, 0, 0, { 0x7f, 0x80, 0x01, 0x80 },
      { 0x7f, 0x80, 0xfe, 0x7f }, { 0 }, { 0x7f, 0x80, 0xff, 0xff }, 0 },
    { "urhadd.b", 0x44158420u, 0, 0, 0, { 0xff, 0, 0xff, 0x80 },
      { 0xfe, 1, 0xff, 0x7f }, { 0 }, { 0xff, 1, 0xff, 0x80 }, 0 },
    { "srhadd.b", 0x44148420u, 0, 0, 0, { 1, 0xff, 0x7f, 0x80 },
      { 2, 0xfe, 0x7f, 0x80 }, { 0 }, { 2, 0xff, 0x7f, 0x80 }, 0 },
    { "shsub.b", 0x44128420u, 0, 0, 0, { 0x80, 0x7f, 0, 5 },
      { 0x7f, 0x80, 1, 2 }, { 0 }, { 0x80, 0x7f, 0xff, 1 }, 0 },
    { "uhsub.b", 0x44138420u, 0, 0, 0, { 0, 0xff, 0, 3 }, { 1, 0, 0xff, 1 },
      { 0 }, { 0xff, 0x7f, 0x80, 1 }, 0 },
    { "shsubr.b", 0x44168420u, 0, 0, 0, { 0x7f, 0, 1, 2 }, { 0x80, 1, 0, 5 },
      { 0 }, { 0x80, 0, 0xff, 1 }, 0 },
    /* Saturating add/subtract with mixed signedness. */
    { "suqadd.b", 0x441c8420u, 0, 0, 0, { 0x7f, 0x80, 0xff, 0x10 },
      { 1, 0xff, 0, 0xf0 }, { 0 }, { 0x7f, 0x7f, 0xff, 0x7f }, 0 },
    { "usqadd.b", 0x441d8420u, 0, 0, 0, { 1, 0, 0xff, 0x80 },
      { 0xff, 0x80, 1, 0x80 }, { 0 }, { 0, 0, 0xff, 0 }, 0 },
    { "uqsubr.b", 0x441f8420u, 0, 0, 0, { 1, 0, 5 }, { 0, 0xff, 5 }, { 0 },
      { 0, 0xff, 0 }, 0 },
    /* Pairwise: even elements from Zdn's pair, odd ones from Zm's. */
    { "addp.b", 0x4411a420u, 0, 0, 0,
      { 0xff, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 },
      { 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113,
        114, 115 }, { 0 },
      { 1, 201, 5, 3, 9, 209, 13, 213, 17, 217, 21, 221, 25, 225, 29, 229 },
      1u << 3 },
    { "sminp.h", 0x4456a420u, 1, 1, 1, { 0x8000, 1, 5, 0xffff },
      { 3, 0xfffe, 0x7fff, 0x7ffe }, { 0 }, { 0x8000, 0xfffe, 0xffff, 0x7ffe },
      0 },
    { "sadalp.h", 0x4444a420u, 1, 0, 0, { 0x7fff, 0x8000, 0 },
      { 0xff, 0xff, 0x80, 0x80, 0x7f, 0x7f }, { 0 }, { 0x7ffd, 0x7f00, 0xfe },
      0 },
    { "uadalp.h", 0x4445a420u, 1, 0, 0, { 0xfffe, 0 },
      { 0xff, 0xff, 0x80, 0x01 }, { 0 }, { 0x01fc, 0x81 }, 0 },
    { "sqabs.b", 0x4408a420u, 0, 0, 0, { 0x11, 0x22, 0x33, 0x44 },
      { 0x80, 0x81, 0xff, 0x05 }, { 0 }, { 0x7f, 0x7f, 0x01, 0x44 }, 1u << 3 },
    { "sqneg.b", 0x4409a420u, 0, 0, 0, { 0x11, 0x22, 0x33, 0x44 },
      { 0x80, 0x7f, 0, 0x81 }, { 0 }, { 0x7f, 0x81, 0, 0x7f }, 0 },
    { "urecpe.s", 0x4480a420u, 2, 2, 2, { 0 },
      { 0x7fffffff, 0, 0xffffffff, 0x80000000 }, { 0 },
      { 0xffffffff, 0xffffffff, 0x80000000, 0xff800000 }, 0 },
    /* Widening: B reads the even narrow elements, T the odd ones. */
    { "saddlb.h", 0x45420020u, 1, 0, 0, { 0 }, { 0x80, 0x7f, 0xff, 0x01 },
      { 0x80, 0x7f, 0x01, 0x02 }, { 0xff00, 0 }, 0 },
    { "saddlt.h", 0x45420420u, 1, 0, 0, { 0 }, { 0x80, 0x7f, 0xff, 0x01 },
      { 0x80, 0x7f, 0x01, 0x02 }, { 0x00fe, 3 }, 0 },
    { "uaddlb.h", 0x45420820u, 1, 0, 0, { 0 }, { 0x80, 0x7f, 0xff, 0x01 },
      { 0x80, 0x7f, 0x01, 0x02 }, { 0x100, 0x100 }, 0 },
    { "sabdlt.h", 0x45423420u, 1, 0, 0, { 0 }, { 0, 0x7f, 0, 0x80 },
      { 0, 0x80, 0, 0x7f }, { 0xff, 0xff }, 0 },
    { "ssubltb.h", 0x45428c20u, 1, 0, 0, { 0 }, { 0, 0x80, 0, 5 },
      { 0x7f, 0, 0xff, 0 }, { 0xff01, 6 }, 0 },
    { "saddwt.h", 0x45424420u, 1, 1, 0, { 0 }, { 0x7fff, 0x0010 },
      { 0, 1, 0, 0xf0 }, { 0x8000, 0 }, 0 },
    { "sqdmullb.s", 0x45826020u, 2, 1, 1, { 0 }, { 0x8000, 0, 0x8000, 0 },
      { 0x8000, 0, 0x7fff, 0 }, { 0x7fffffff, 0x80010000 }, 0 },
    { "umullt.d", 0x45c27c20u, 3, 2, 2, { 0 }, { 0, 0xffffffff },
      { 0, 0xffffffff }, { 0xfffffffe00000001ull }, 0 },
    { "pmullb.q", 0x45026820u, 3, 3, 3, { 0 },
      { 0x8000000000000001ull, 0xdead }, { 3, 0xbeef },
      { 0x8000000000000003ull, 1 }, 0 },
    { "pmullt.q", 0x45026c20u, 3, 3, 3, { 0 }, { 0xdead, M1 }, { 0xbeef, M1 },
      { 0x5555555555555555ull, 0x5555555555555555ull }, 0 },
    { "pmullb.h", 0x45426820u, 1, 0, 0, { 0 }, { 0xff, 0, 0x80, 0 },
      { 0xff, 0, 0x80, 0 }, { 0x5555, 0x4000 }, 0 },
    { "sshllb.h #7", 0x450fa020u, 1, 0, 0, { 0 }, { 0x80, 0, 0x01, 0 }, { 0 },
      { 0xc000, 0x80 }, 0 },
    { "ushllt.h #0", 0x4508ac20u, 1, 0, 0, { 0 }, { 0, 0xff, 0, 0x80 }, { 0 },
      { 0xff, 0x80 }, 0 },
    { "eorbt.b", 0x45029020u, 0, 0, 0, AA16, { 1, 2, 3, 4 },
      { 0x10, 0x20, 0x30, 0x40 },
      { 0x21, 0xaa, 0x43, 0xaa, 0, 0xaa, 0, 0xaa, 0, 0xaa, 0, 0xaa, 0, 0xaa,
        0, 0xaa }, 0 },
    { "eortb.b", 0x45029420u, 0, 0, 0, AA16, { 1, 2, 3, 4 },
      { 0x10, 0x20, 0x30, 0x40 },
      { 0xaa, 0x12, 0xaa, 0x34, 0xaa, 0, 0xaa, 0, 0xaa, 0, 0xaa, 0, 0xaa, 0,
        0xaa, 0 }, 0 },
    /* Accumulate. */
    { "adclb.s", 0x4502d020u, 2, 2, 2, { 0xffffffff, 0x55, 0, 0x55 },
      { 1, 0, 0, 0 }, { 0, 1, 0, 0 }, { 1, 1, 0, 0 }, 0 },
    { "sbclt.d", 0x45c2d420u, 3, 3, 3, { 0, 0x55 }, { 0xdead, 0 }, { 0, 1 },
      { 0, 1 }, 0 },
    { "srsra.b #1", 0x450fe820u, 0, 0, 0, { 10, 10, 10, 0x7f },
      { 0xff, 0xfd, 3, 0x7f }, { 0 }, { 10, 9, 12, 0xbf }, 0 },
    { "ursra.d #64", 0x4580ec20u, 3, 3, 3, { 5, 0 },
      { M1, 0x7fffffffffffffffull }, { 0 }, { 6, 0 }, 0 },
    { "sri.b #1", 0x450ff020u, 0, 0, 0, { 0xff, 0 }, { 0, 0xff }, { 0 },
      { 0x80, 0x7f }, 0 },
    { "sri.b #8", 0x4508f020u, 0, 0, 0, { 0x5a, 0xa5 }, { 0xff, 0xff }, { 0 },
      { 0x5a, 0xa5 }, 0 },
    { "sli.d #63", 0x45dff420u, 3, 3, 3,
      { 0x7fffffffffffffffull, 0x8000000000000000ull }, { 1, 2 }, { 0 },
      { M1, 0 }, 0 },
    { "cadd.b #90", 0x4500d820u, 0, 0, 0, { 10, 20, 0x7f, 0x7f },
      { 1, 2, 1, 1 }, { 0 }, { 8, 21, 0x7e, 0x80 }, 0 },
    { "sqcadd.b #270", 0x4501dc20u, 0, 0, 0, { 0x7f, 0x80, 10, 20 },
      { 1, 1, 3, 4 }, { 0 }, { 0x7f, 0x80, 14, 17 }, 0 },
    { "xar.s #4", 0x047c3420u, 2, 2, 2, { 0x12345678, 0xffffffff },
      { 0, 0xffffffff }, { 0 }, { 0x81234567, 0 }, 0 },
    { "saba.b", 0x4502f820u, 0, 0, 0, { 2, 0xf0 }, { 0x80, 0 }, { 0x7f, 1 },
      { 0x01, 0xf1 }, 0 },
    { "uabalb.h", 0x4542c820u, 1, 0, 0, { 0xffff, 1 }, { 0, 9, 0xff, 9 },
      { 0xff, 9, 0, 9 }, { 0x00fe, 0x100 }, 0 },
    /* Narrowing: B writes the even elements and zeroes the odd ones, T
     * writes the odd ones and keeps the even ones. */
    { "sqxtnb.b", 0x45284020u, 0, 1, 1, AA16, { 0x7fff, 0x8000, 0x42, 0xff80 },
      { 0 }, { 0x7f, 0, 0x80, 0, 0x42, 0, 0x80, 0 }, 0 },
    { "sqxtnt.b", 0x45284420u, 0, 1, 1, AA16, { 0x7fff, 0x8000, 0x42, 0xff80 },
      { 0 },
      { 0xaa, 0x7f, 0xaa, 0x80, 0xaa, 0x42, 0xaa, 0x80, 0xaa, 0, 0xaa, 0, 0xaa,
        0, 0xaa, 0 }, 0 },
    { "sqxtunb.b", 0x45285020u, 0, 1, 1, AA16,
      { 0xffff, 0x01ff, 0x0080, 0x8000 }, { 0 },
      { 0, 0, 0xff, 0, 0x80, 0, 0, 0 }, 0 },
    { "uqxtnb.s", 0x45604820u, 2, 3, 3, { 0 },
      { M1, 0x00000000fffffffeull }, { 0 }, { 0xffffffff, 0, 0xfffffffe, 0 },
      0 },
    { "sqrshrnb.s #32", 0x45602820u, 2, 3, 3, { 0 },
      { 0x7fffffff80000000ull, 0xffffffff7fffffffull }, { 0 },
      { 0x7fffffff, 0, 0xffffffff, 0 }, 0 },
    { "rshrnb.b #8", 0x45281820u, 0, 1, 1, { 0 }, { 0x0180, 0x017f, 0xff80 },
      { 0 }, { 2, 0, 1, 0, 0, 0 }, 0 },
    { "shrnt.b #8", 0x45281420u, 0, 1, 1, AA16, { 0x1234, 0xabcd }, { 0 },
      { 0xaa, 0x12, 0xaa, 0xab, 0xaa, 0, 0xaa, 0, 0xaa, 0, 0xaa, 0, 0xaa, 0,
        0xaa, 0 }, 0 },
    { "sqshrunb.b #1", 0x452f0020u, 0, 1, 1, { 0 }, { 0xfffe, 0x0200, 0x01fe },
      { 0 }, { 0, 0, 0xff, 0, 0xff, 0 }, 0 },
    { "uqrshrnb.h #16", 0x45303820u, 1, 2, 2, { 0 },
      { 0xffff8000, 0x00017fff }, { 0 }, { 0xffff, 0, 1, 0 }, 0 },
    { "addhnb.b", 0x45626020u, 0, 1, 1, { 0 }, { 0x8000, 0x0080, 0x1234 },
      { 0x8000, 0, 0x0100 }, { 0, 0, 0, 0, 0x13, 0 }, 0 },
    { "raddhnb.b", 0x45626820u, 0, 1, 1, { 0 }, { 0x8000, 0x0080, 0x1334 },
      { 0x8000, 0, 0 }, { 0, 0, 1, 0, 0x13, 0 }, 0 },
    { "subhnb.b", 0x45627020u, 0, 1, 1, { 0 }, { 0, 0x1234 }, { 1, 0x0034 },
      { 0xff, 0, 0x12, 0 }, 0 },
    { "rsubhnt.b", 0x45627c20u, 0, 1, 1, AA16, { 0, 0x1234 }, { 1, 0x0034 },
      { 0xaa, 0, 0xaa, 0x12, 0xaa, 0, 0xaa, 0, 0xaa, 0, 0xaa, 0, 0xaa, 0,
        0xaa, 0 }, 0 },
};

static uint64_t zelem(const cpu_zreg *z, unsigned esz, unsigned i)
{
    uint64_t v = 0;
    memcpy(&v, z->b + (i << esz), 1u << esz);   /* little-endian host */
    return v;
}

static void set_zelem(cpu_zreg *z, unsigned esz, unsigned i, uint64_t v)
{
    memcpy(z->b + (i << esz), &v, 1u << esz);
}

static void run_case(const struct sve2_case *c, unsigned vl)
{
    struct harness *h = harness_new();
    struct cpu_state *cpu = h->cpu;
    unsigned per_d = 16u >> c->esz_d;
    uint32_t code[2] = { c->insn, BRK0 };

    cpu->sve_vl = vl;
    memset(cpu->z[0].b, 0xee, sizeof cpu->z[0].b);  /* above VL: zeroed */
    memset(cpu->p[1], 0xff, sizeof cpu->p[1]);
    for (unsigned seg = 0; seg < vl / 16; seg++) {
        for (unsigned i = 0; i < per_d; i++) {
            set_zelem(&cpu->z[0], c->esz_d, seg * per_d + i, c->d[i]);
            if (c->inactive & (1u << i)) {
                unsigned bit = (seg * per_d + i) << c->esz_d;
                cpu->p[1][bit / 8] &= (uint8_t)~(1u << (bit % 8));
            }
        }
        for (unsigned i = 0; i < 16u >> c->esz_n; i++)
            set_zelem(&cpu->z[1], c->esz_n, seg * (16u >> c->esz_n) + i,
                      c->n[i]);
        for (unsigned i = 0; i < 16u >> c->esz_m; i++)
            set_zelem(&cpu->z[2], c->esz_m, seg * (16u >> c->esz_m) + i,
                      c->m[i]);
    }
    harness_code(h, HARNESS_CODE, code, 2);
    if (harness_run(h, 10) != CPU_EXIT_BRK)
        g_error("%s at VL %u: did not execute", c->name, vl * 8);
    for (unsigned seg = 0; seg < vl / 16; seg++) {
        for (unsigned i = 0; i < per_d; i++) {
            uint64_t got = zelem(&cpu->z[0], c->esz_d, seg * per_d + i);
            if (got != c->want[i])
                g_error("%s at VL %u: element %u is %#llx, want %#llx",
                        c->name, vl * 8, seg * per_d + i,
                        (unsigned long long)got,
                        (unsigned long long)c->want[i]);
        }
    }
    for (unsigned b = vl; b < sizeof cpu->z[0].b; b++)
        g_assert_cmpuint(cpu->z[0].b[b], ==, 0);
    harness_free(h);
}

static void test_cases(gconstpointer data)
{
    unsigned vl = GPOINTER_TO_UINT(data);
    for (unsigned k = 0; k < G_N_ELEMENTS(cases); k++)
        run_case(&cases[k], vl);
}

/* Unallocated encodings inside the groups are UNDEFINED, not executed:
 * SADALP .B, URECPE .B, ADDHNB with size 0, SQXTNB with tsz = 011,
 * SSHLLB with tsz = 0, SADDLB .B, SQXTNB with bit 23 set, ADCLB-space
 * CADD with bits 20:17 set. */
static void test_unallocated(void)
{
    static const uint32_t insns[] = {
        0x4404a420u, 0x4400a420u, 0x45226020u, 0x45384020u, 0x4500a020u,
        0x45020020u, 0x45a84020u, 0x4502d820u,
    };
    for (unsigned k = 0; k < G_N_ELEMENTS(insns); k++) {
        struct harness *h = harness_new();
        uint32_t code[2] = { insns[k], BRK0 };
        h->cpu->sve_vl = 32;
        harness_code(h, HARNESS_CODE, code, 2);
        g_assert_cmpint(harness_run(h, 10), ==, CPU_EXIT_UNDEF);
        g_assert_cmphex(h->cpu->pc, ==, HARNESS_CODE);
        harness_free(h);
    }
}

int main(int argc, char **argv)
{
    static const unsigned vls[] = { 16, 48, 64, 256 };
    g_test_init(&argc, &argv, NULL);
    for (unsigned k = 0; k < G_N_ELEMENTS(vls); k++) {
        char *path = g_strdup_printf("/cpu/sve2-int/vl%u", vls[k] * 8);
        g_test_add_data_func(path, GUINT_TO_POINTER(vls[k]), test_cases);
        g_free(path);
    }
    g_test_add_func("/cpu/sve2-int/unallocated", test_unallocated);
    return g_test_run();
}
