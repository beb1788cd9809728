/* What the fuzz targets share: the libFuzzer entry points, a reader that
 * turns the input bytes into structured choices, and the way a target
 * reports a broken invariant.
 *
 * Every fuzz-NAME.c defines LLVMFuzzerTestOneInput and
 * LLVMFuzzerInitialize. The same objects link against libFuzzer (make
 * check-fuzz, built with clang) or against standalone.c (the smoke test
 * in make check, built with the project's compiler). */
#ifndef BACKSTEP_FUZZ_H
#define BACKSTEP_FUZZ_H

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* A broken invariant is a bug found: say what broke and abort, so that
 * libFuzzer saves the input and the smoke test reports a crash. */
G_NORETURN void fuzz_fail(const char *fmt, ...) G_GNUC_PRINTF(1, 2);

#define FUZZ_CHECK(cond, ...) \
    do { \
        if (!(cond)) \
            fuzz_fail(__VA_ARGS__); \
    } while (0)

/* Input bytes consumed front to back; reads past the end give zeros, so
 * a short input is still a complete (if dull) test case. */
struct fuzz_input {
    const uint8_t *data;
    size_t size, pos;
};

static inline void fuzz_input_init(struct fuzz_input *in, const uint8_t *data,
                                   size_t size)
{
    in->data = data;
    in->size = size;
    in->pos = 0;
}

static inline size_t fuzz_left(const struct fuzz_input *in)
{
    return in->size - in->pos;
}

uint8_t fuzz_u8(struct fuzz_input *in);
uint16_t fuzz_u16(struct fuzz_input *in);
uint32_t fuzz_u32(struct fuzz_input *in);
uint64_t fuzz_u64(struct fuzz_input *in);
/* A value in [0, n) (n > 0) from as few bytes as it needs. */
unsigned fuzz_below(struct fuzz_input *in, unsigned n);
/* Up to max bytes of the input (fewer at its end); *len gets the count. */
const uint8_t *fuzz_bytes(struct fuzz_input *in, size_t max, size_t *len);

#endif
