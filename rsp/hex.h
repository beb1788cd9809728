/* Hex and number helpers for the remote protocol's text fields. */
#ifndef BACKSTEP_RSP_HEX_H
#define BACKSTEP_RSP_HEX_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* 0..15 for a hex digit (either case), -1 otherwise. */
int rsp_hex_digit(int c);

/* Append 2*len lowercase hex digits. */
void rsp_hex_encode(GString *out, const uint8_t *data, size_t len);
void rsp_hex_encode_str(GString *out, const char *text);

/* Decode exactly 2*len hex digits from hex into out. False on any
 * non-hex digit. */
bool rsp_hex_decode(const char *hex, uint8_t *out, size_t len);

/* Parse an unsigned hex number at *p, advancing *p past it. At least one
 * digit is required; a value that does not fit in 64 bits fails. */
bool rsp_parse_hex_u64(const char **p, uint64_t *value);

/* Parse "hex" that must run up to the end of the string or to one of the
 * characters in stop (which is then left at *p). */
bool rsp_parse_hex_u64_until(const char **p, const char *stop,
                             uint64_t *value);

/* Expect the literal character c at *p and step over it. */
bool rsp_expect(const char **p, char c);

#endif
