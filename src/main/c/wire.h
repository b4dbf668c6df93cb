/*
 * The bytes the bridge and its Java side exchange: one request and one answer per
 * operation, in the machine's byte order (both ends live in one process). The Java side,
 * org.liosmis.host.cmpi.Wire, documents the layout.
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef LIO_WIRE_H
#define LIO_WIRE_H

#include <stddef.h>
#include <stdint.h>

/* a growing buffer; once an allocation fails it stays failed and writes are dropped */
typedef struct {
    unsigned char *bytes;
    size_t length;
    size_t capacity;
    int failed;
} wire_out;

void wire_out_init(wire_out *out);
void wire_out_free(wire_out *out);
void wire_put(wire_out *out, const void *bytes, size_t length);
void wire_put_u8(wire_out *out, uint8_t value);
void wire_put_u16(wire_out *out, uint16_t value);
void wire_put_i32(wire_out *out, int32_t value);
/* a string: its UTF-8 length then its bytes; NULL as length -1 */
void wire_put_string(wire_out *out, const char *text);

/* a bounded reader; reading past the end marks it failed and yields zeroes */
typedef struct {
    const unsigned char *bytes;
    size_t length;
    size_t position;
    int failed;
} wire_in;

void wire_in_init(wire_in *in, const unsigned char *bytes, size_t length);
void wire_get(wire_in *in, void *into, size_t length);
uint8_t wire_get_u8(wire_in *in);
uint16_t wire_get_u16(wire_in *in);
int32_t wire_get_i32(wire_in *in);
/* a string as a fresh NUL-terminated copy (free it), NULL for a null string or a failed read */
char *wire_get_string(wire_in *in);

#endif
