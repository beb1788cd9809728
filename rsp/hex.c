/* Hex and number helpers for the remote protocol's text fields. */
#include "rsp/hex.h"

#include <string.h>

static const char hex_digits[] = "0123456789abcdef";

int rsp_hex_digit(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void rsp_hex_encode(GString *out, const uint8_t *data, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        g_string_append_c(out, hex_digits[data[i] >> 4]);
        g_string_append_c(out, hex_digits[data[i] & 0xf]);
    }
}

void rsp_hex_encode_str(GString *out, const char *text)
{
    rsp_hex_encode(out, (const uint8_t *)text, strlen(text));
}

bool rsp_hex_decode(const char *hex, uint8_t *out, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        int hi = rsp_hex_digit((unsigned char)hex[2 * i]);
        if (hi < 0)
            return false;
        int lo = rsp_hex_digit((unsigned char)hex[2 * i + 1]);
        if (lo < 0)
            return false;
        out[i] = (uint8_t)(hi << 4 | lo);
    }
    return true;
}

bool rsp_parse_hex_u64(const char **p, uint64_t *value)
{
    const char *s = *p;
    uint64_t v = 0;
    int d;

    if (rsp_hex_digit((unsigned char)*s) < 0)
        return false;
    while ((d = rsp_hex_digit((unsigned char)*s)) >= 0) {
        if (v >> 60)
            return false;       /* would overflow 64 bits */
        v = v << 4 | (uint64_t)d;
        s++;
    }
    *p = s;
    *value = v;
    return true;
}

bool rsp_parse_hex_u64_until(const char **p, const char *stop,
                             uint64_t *value)
{
    const char *s = *p;

    if (!rsp_parse_hex_u64(&s, value))
        return false;
    if (*s != '\0' && strchr(stop, *s) == NULL)
        return false;
    *p = s;
    return true;
}

bool rsp_expect(const char **p, char c)
{
    if (**p != c)
        return false;
    (*p)++;
    return true;
}
