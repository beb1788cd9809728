/* Interesting initial values for difftest cases (see values.h). */
#include <string.h>

#include "values.h"

static uint64_t mask_of(unsigned width)
{
    return width >= 64 ? ~0ull : (1ull << width) - 1;
}

uint64_t dt_value_int(struct dt_rng *r, unsigned width)
{
    uint64_t m = mask_of(width), sign = 1ull << (width - 1);
    uint64_t v;

    switch (dt_rng_below(r, 12)) {
    case 0: v = 0; break;
    case 1: v = 1; break;
    case 2: v = m; break;                             /* -1 */
    case 3: v = sign; break;                          /* INT_MIN */
    case 4: v = sign - 1; break;                      /* INT_MAX */
    case 5: v = sign + dt_rng_below(r, 3) - 1; break; /* around INT_MIN */
    case 6: v = dt_rng_below(r, 512) - 256; break;    /* small, either sign */
    case 7: {                                         /* 2^k, 2^k - 1, -2^k */
        uint64_t p = 1ull << dt_rng_below(r, width);
        unsigned k = dt_rng_below(r, 3);
        v = k == 0 ? p : k == 1 ? p - 1 : -p;
        break;
    }
    case 8:
        if (width == 64) {            /* around 2^31 and 2^32 */
            static const uint64_t edges[] = {
                0x7fffffffull, 0x80000000ull, 0xffffffffull, 0x100000000ull,
                0xffffffff80000000ull, 0xffffffff7fffffffull,
            };
            v = edges[dt_rng_below(r, sizeof edges / sizeof edges[0])];
            break;
        }
        /* fall through */
    default: v = dt_rng_next(r); break;
    }
    return v & m;
}

/* FP formats by width: exponent bits, mantissa bits. */
static void fp_shape(unsigned width, unsigned *ebits, unsigned *mbits)
{
    switch (width) {
    case 16: *ebits = 5; *mbits = 10; break;
    case 32: *ebits = 8; *mbits = 23; break;
    default: *ebits = 11; *mbits = 52; break;
    }
}

/* The bit pattern of the integer-valued number V (|V| < 2^70, exact as a
 * double) in the given width, by way of the host's conversions; halves
 * are built from their fields. Out-of-range halves become infinities. */
static uint64_t fp_from_double(double d, unsigned width)
{
    if (width == 64) {
        uint64_t b;
        memcpy(&b, &d, 8);
        return b;
    }
    if (width == 32) {
        float f = (float)d;
        uint32_t b;
        memcpy(&b, &f, 4);
        return b;
    }
    /* Half: via the single's fields (truncating; exactness is not needed,
     * only a value near D). */
    float f = (float)d;
    uint32_t s;
    memcpy(&s, &f, 4);
    uint32_t sign = (s >> 16) & 0x8000;
    int exp = (int)((s >> 23) & 0xff) - 127 + 15;
    uint32_t man = (s >> 13) & 0x3ff;
    if ((s & 0x7fffffff) == 0)
        return sign;
    if (exp >= 31)
        return sign | 0x7c00;
    if (exp <= 0)
        return sign | (man >> (1 - exp)) | (exp == 0 ? 0x200 : 0);
    return sign | ((uint32_t)exp << 10) | man;
}

uint64_t dt_value_fp(struct dt_rng *r, unsigned width)
{
    unsigned eb, mb;
    fp_shape(width, &eb, &mb);
    uint64_t sign = 1ull << (width - 1);
    uint64_t expmask = ((1ull << eb) - 1) << mb;
    uint64_t manmask = (1ull << mb) - 1;
    uint64_t quiet = 1ull << (mb - 1);
    uint64_t s = dt_rng_one_in(r, 2) ? sign : 0;
    static const double edges[] = {
        /* ties and near-ties for the rounding modes */
        0.5, 1.5, 2.5, -0.5, 1.0, 3.0, 0.25, 0.75,
        /* conversions: around 2^31, 2^32, 2^63, 2^64 */
        2147483647.0, 2147483648.0, 2147483647.5, 2147483648.5,
        4294967295.0, 4294967296.0, 4294967295.5,
        9223372036854775807.0, 9223372036854775808.0, 9223372036854774784.0,
        18446744073709551615.0, 18446744073709549568.0,
        65504.0, 65520.0, 1e-8,
    };

    switch (dt_rng_below(r, 14)) {
    case 0: return s;                                       /* +-0 */
    case 1: return s | expmask;                             /* +-inf */
    case 2: return s | expmask | quiet;                     /* default NaN */
    case 3: return s | expmask | quiet | (dt_rng_next(r) & manmask);
    case 4: {                                               /* signalling */
        uint64_t pay = dt_rng_next(r) & (quiet - 1);
        return s | expmask | (pay ? pay : 1);
    }
    case 5: {                                               /* denormal */
        uint64_t m = dt_rng_next(r) & manmask;
        return s | (m ? m : 1);
    }
    case 6: return s | (dt_rng_one_in(r, 2) ? 1 : manmask); /* denormal edges */
    case 7: return s | (1ull << mb);                        /* min normal */
    case 8: return s | (expmask - (1ull << mb)) | manmask;  /* max finite */
    case 9: case 10:
        return fp_from_double(edges[dt_rng_below(r, sizeof edges
                                                 / sizeof edges[0])], width)
               | s;
    case 11:                                                /* small integer */
        return fp_from_double((double)(int)(dt_rng_below(r, 200) - 100),
                              width);
    default:
        return dt_rng_next(r) & mask_of(width);
    }
}

uint64_t dt_value_x(struct dt_rng *r)
{
    switch (dt_rng_below(r, 8)) {
    case 0: return dt_value_int(r, 32);
    case 1: return (uint64_t)(int64_t)(int32_t)dt_value_int(r, 32);
    case 2: return dt_value_fp(r, 64);
    case 3: return dt_value_fp(r, 32);
    default: return dt_value_int(r, 64);
    }
}

void dt_value_fill(struct dt_rng *r, uint8_t *buf, unsigned bytes)
{
    unsigned kind = dt_rng_below(r, 8);
    static const unsigned int_w[] = { 8, 16, 32, 64 };
    static const unsigned fp_w[] = { 16, 32, 64, 64 };
    unsigned width = kind < 4 ? int_w[kind] : kind < 7 ? fp_w[kind - 4] : 64;

    for (unsigned off = 0; off < bytes; off += width / 8) {
        uint64_t v = kind < 4 ? dt_value_int(r, width)
                   : kind < 7 ? dt_value_fp(r, width)
                   : dt_rng_next(r);
        memcpy(buf + off, &v, width / 8);
    }
}

uint64_t dt_value_fpcr(struct dt_rng *r)
{
    if (dt_rng_one_in(r, 3))
        return 0;
    uint64_t fpcr = dt_rng_below(r, 4) << 22;           /* RMode */
    if (dt_rng_one_in(r, 4))
        fpcr |= 1u << 24;                               /* FZ */
    if (dt_rng_one_in(r, 4))
        fpcr |= 1u << 25;                               /* DN */
    if (dt_rng_one_in(r, 8))
        fpcr |= 1u << 19;                               /* FZ16 */
    if (dt_rng_one_in(r, 8))
        fpcr |= 1u << 26;                               /* AHP */
    return fpcr;
}

uint64_t dt_value_fpsr(struct dt_rng *r)
{
    if (!dt_rng_one_in(r, 4))
        return 0;
    return dt_rng_next(r) & (0x9f | (1u << 27));        /* IOC..IXC, IDC, QC */
}

void dt_value_case(struct dt_rng *r, struct dt_case *c)
{
    memset(c, 0, sizeof *c);
    c->magic = DT_CASE_MAGIC;
    for (unsigned i = 0; i < 31; i++)
        c->regs.x[i] = dt_value_x(r);
    c->regs.sp = DT_SCRATCH_ADDR + DT_MEM_SIZE / 2;
    c->regs.nzcv = dt_rng_below(r, 16) << 28;
    c->regs.fpcr = dt_value_fpcr(r);
    c->regs.fpsr = dt_value_fpsr(r);
    for (unsigned i = 0; i < 32; i++)
        dt_value_fill(r, c->regs.v[i], 16);
    for (unsigned off = 0; off < DT_MEM_SIZE; off += 64)
        dt_value_fill(r, c->mem + off, 64);
}

/* Set bit I of predicate BUF. */
static void pred_set(uint8_t *buf, unsigned i)
{
    buf[i / 8] |= (uint8_t)(1u << (i % 8));
}

void dt_value_pred(struct dt_rng *r, uint8_t *buf, unsigned bytes)
{
    unsigned esz = (unsigned)dt_rng_below(r, 4), step = 1u << esz;
    unsigned nbits = bytes * 8, nelem = nbits / step;
    memset(buf, 0, bytes);
    switch (dt_rng_below(r, 8)) {
    case 0:                                     /* all false */
        break;
    case 1: case 2:                             /* all true */
        for (unsigned i = 0; i < nbits; i += step)
            pred_set(buf, i);
        break;
    case 3: case 4: {                           /* the first K elements */
        unsigned k = (unsigned)dt_rng_below(r, nelem + 1);
        for (unsigned i = 0; i < k; i++)
            pred_set(buf, i * step);
        break;
    }
    case 5: {                                   /* sparse: one in a few */
        unsigned n = 2 + (unsigned)dt_rng_below(r, 4);
        for (unsigned i = 0; i < nelem; i++)
            if (dt_rng_one_in(r, n))
                pred_set(buf, i * step);
        break;
    }
    default:                                    /* random bits */
        for (unsigned i = 0; i < bytes; i++)
            buf[i] = (uint8_t)dt_rng_next(r);
        break;
    }
}

void dt_value_sve(struct dt_rng *r, struct dt_case *c, unsigned vl)
{
    struct dt_sve *s = &c->sve;
    memset(s, 0, sizeof *s);
    s->vl = vl;
    for (unsigned i = 0; i < 32; i++) {
        /* Half the registers hold one kind of lane throughout; the others
         * a mix, 16 bytes at a time. */
        if (dt_rng_one_in(r, 2)) {
            dt_value_fill(r, s->z[i], vl);
        } else {
            for (unsigned off = 0; off < vl; off += 16)
                dt_value_fill(r, s->z[i] + off, 16);
        }
        memcpy(c->regs.v[i], s->z[i], 16);
    }
    for (unsigned i = 0; i < 16; i++)
        dt_value_pred(r, s->p[i], vl / 8);
    /* FFR: usually all true (SETFFR's value), else a prefix of bytes. */
    unsigned k = dt_rng_one_in(r, 2) ? vl
                                     : (unsigned)dt_rng_below(r, vl + 1);
    for (unsigned i = 0; i < k; i++)
        pred_set(s->ffr, i);
}
