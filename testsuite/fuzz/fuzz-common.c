/* The helpers of fuzz.h. */
#include "testsuite/fuzz/fuzz.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void fuzz_fail(const char *fmt, ...)
{
    va_list ap;

    fputs("fuzz: invariant broken: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    fflush(stderr);
    abort();
}

uint8_t fuzz_u8(struct fuzz_input *in)
{
    return in->pos < in->size ? in->data[in->pos++] : 0;
}

uint16_t fuzz_u16(struct fuzz_input *in)
{
    uint16_t lo = fuzz_u8(in);
    return (uint16_t)(lo | fuzz_u8(in) << 8);
}

uint32_t fuzz_u32(struct fuzz_input *in)
{
    uint32_t lo = fuzz_u16(in);
    return lo | (uint32_t)fuzz_u16(in) << 16;
}

uint64_t fuzz_u64(struct fuzz_input *in)
{
    uint64_t lo = fuzz_u32(in);
    return lo | (uint64_t)fuzz_u32(in) << 32;
}

unsigned fuzz_below(struct fuzz_input *in, unsigned n)
{
    if (n <= 256)
        return fuzz_u8(in) % n;
    if (n <= 65536)
        return fuzz_u16(in) % n;
    return fuzz_u32(in) % n;
}

const uint8_t *fuzz_bytes(struct fuzz_input *in, size_t max, size_t *len)
{
    const uint8_t *p = in->data + in->pos;

    *len = MIN(max, fuzz_left(in));
    in->pos += *len;
    return p;
}
