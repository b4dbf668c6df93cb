/* SPDX-License-Identifier: Apache-2.0 */
#include "wire.h"

#include <stdlib.h>
#include <string.h>

void wire_out_init(wire_out *out) {
    memset(out, 0, sizeof *out);
}

void wire_out_free(wire_out *out) {
    free(out->bytes);
    wire_out_init(out);
}

void wire_put(wire_out *out, const void *bytes, size_t length) {
    if (out->failed) {
        return;
    }
    if (out->capacity - out->length < length) {
        size_t capacity = out->capacity == 0 ? 256 : out->capacity;
        while (capacity - out->length < length) {
            if (capacity > SIZE_MAX / 2) {
                out->failed = 1;
                return;
            }
            capacity *= 2;
        }
        unsigned char *grown = realloc(out->bytes, capacity);
        if (grown == NULL) {
            out->failed = 1;
            return;
        }
        out->bytes = grown;
        out->capacity = capacity;
    }
    memcpy(out->bytes + out->length, bytes, length);
    out->length += length;
}

void wire_put_u8(wire_out *out, uint8_t value) {
    wire_put(out, &value, sizeof value);
}

void wire_put_u16(wire_out *out, uint16_t value) {
    wire_put(out, &value, sizeof value);
}

void wire_put_i32(wire_out *out, int32_t value) {
    wire_put(out, &value, sizeof value);
}

void wire_put_string(wire_out *out, const char *text) {
    if (text == NULL) {
        wire_put_i32(out, -1);
        return;
    }
    size_t length = strlen(text);
    if (length > INT32_MAX) {
        out->failed = 1;
        return;
    }
    wire_put_i32(out, (int32_t) length);
    wire_put(out, text, length);
}

void wire_in_init(wire_in *in, const unsigned char *bytes, size_t length) {
    in->bytes = bytes;
    in->length = length;
    in->position = 0;
    in->failed = 0;
}

void wire_get(wire_in *in, void *into, size_t length) {
    if (in->failed || in->length - in->position < length) {
        in->failed = 1;
        memset(into, 0, length);
        return;
    }
    memcpy(into, in->bytes + in->position, length);
    in->position += length;
}

uint8_t wire_get_u8(wire_in *in) {
    uint8_t value;
    wire_get(in, &value, sizeof value);
    return value;
}

uint16_t wire_get_u16(wire_in *in) {
    uint16_t value;
    wire_get(in, &value, sizeof value);
    return value;
}

int32_t wire_get_i32(wire_in *in) {
    int32_t value;
    wire_get(in, &value, sizeof value);
    return value;
}

char *wire_get_string(wire_in *in) {
    int32_t length = wire_get_i32(in);
    if (length < 0 || in->failed) {
        return NULL;
    }
    if (in->length - in->position < (size_t) length) {
        in->failed = 1;
        return NULL;
    }
    char *text = malloc((size_t) length + 1);
    if (text == NULL) {
        in->failed = 1;
        return NULL;
    }
    memcpy(text, in->bytes + in->position, (size_t) length);
    text[length] = '\0';
    in->position += (size_t) length;
    return text;
}
