/* SPDX-License-Identifier: Apache-2.0 */
#include "to_java.h"

#include <stddef.h>

/* value states on the wire */
enum { VALUE_PRESENT = 0, VALUE_NULL = 1, VALUE_UNTAKEN = 2 };

static const char *chars_of(const CMPIString *string) {
    return string == NULL || string->ft == NULL ? NULL : string->ft->getCharPtr(string, NULL);
}

static void put_scalar(wire_out *out, CMPIType type, const CMPIValue *value);

/* a broker marks a value it has none for as null, not found or bad: all are no value */
static int no_value(const CMPIData *data) {
    return (data->state & (CMPI_nullValue | CMPI_notFound | CMPI_badValue)) != 0;
}

/* the element type's value, after its state */
static void put_element(wire_out *out, CMPIType type, const CMPIData *data) {
    if (no_value(data)) {
        wire_put_u8(out, VALUE_NULL);
        return;
    }
    wire_put_u8(out, VALUE_PRESENT);
    put_scalar(out, type, &data->value);
}

static void put_text(wire_out *out, const char *text) {
    wire_put_string(out, text == NULL ? "" : text);
}

static void put_scalar(wire_out *out, CMPIType type, const CMPIValue *value) {
    switch (type) {
    case CMPI_boolean:
        wire_put_u8(out, value->boolean ? 1 : 0);
        break;
    case CMPI_char16:
        wire_put_u16(out, value->char16);
        break;
    case CMPI_uint8:
    case CMPI_sint8:
        wire_put(out, &value->uint8, 1);
        break;
    case CMPI_uint16:
    case CMPI_sint16:
        wire_put(out, &value->uint16, 2);
        break;
    case CMPI_uint32:
    case CMPI_sint32:
        wire_put(out, &value->uint32, 4);
        break;
    case CMPI_real32:
        wire_put(out, &value->real32, 4);
        break;
    case CMPI_uint64:
    case CMPI_sint64:
        wire_put(out, &value->uint64, 8);
        break;
    case CMPI_real64:
        wire_put(out, &value->real64, 8);
        break;
    case CMPI_string:
        put_text(out, chars_of(value->string));
        break;
    case CMPI_chars:
        put_text(out, value->chars);
        break;
    case CMPI_dateTime:
        put_text(out, value->dateTime == NULL || value->dateTime->ft == NULL ? NULL
                 : chars_of(value->dateTime->ft->getStringFormat(value->dateTime, NULL)));
        break;
    case CMPI_ref:
        put_path(out, value->ref);
        break;
    case CMPI_instance:
        put_instance(out, value->inst);
        break;
    default:
        break;
    }
}

static int carried(CMPIType type) {
    switch (type) {
    case CMPI_boolean: case CMPI_char16: case CMPI_real32: case CMPI_real64:
    case CMPI_uint8: case CMPI_uint16: case CMPI_uint32: case CMPI_uint64:
    case CMPI_sint8: case CMPI_sint16: case CMPI_sint32: case CMPI_sint64:
    case CMPI_string: case CMPI_chars: case CMPI_dateTime: case CMPI_ref: case CMPI_instance:
        return 1;
    default:
        return 0;
    }
}

/* a value: its type (chars as string), its state, then what the type carries */
static void put_value(wire_out *out, const CMPIData *data) {
    CMPIType type = data->type;
    CMPIType element = (CMPIType) (type & ~CMPI_ARRAY);
    CMPIType written = (CMPIType) (element == CMPI_chars ? CMPI_string | (type & CMPI_ARRAY) : type);
    wire_put_u16(out, written);
    if (!carried(element)) {
        wire_put_u8(out, VALUE_UNTAKEN);
        return;
    }
    if (no_value(data) || ((type & CMPI_ARRAY) && (data->value.array == NULL || data->value.array->ft == NULL))) {
        wire_put_u8(out, VALUE_NULL);
        return;
    }
    wire_put_u8(out, VALUE_PRESENT);
    if (!(type & CMPI_ARRAY)) {
        put_scalar(out, type, &data->value);
        return;
    }
    const CMPIArray *array = data->value.array;
    CMPICount size = array->ft->getSize(array, NULL);
    wire_put_i32(out, (int32_t) size);
    for (CMPICount i = 0; i < size; i++) {
        CMPIData item = array->ft->getElementAt(array, i, NULL);
        put_element(out, element, &item);
    }
}

/* a named value of a path, an instance or the arguments: name then value */
static void put_named(wire_out *out, const CMPIString *name, const CMPIData *data) {
    wire_put_string(out, chars_of(name));
    put_value(out, data);
}

void put_path(wire_out *out, const CMPIObjectPath *path) {
    if (path == NULL || path->ft == NULL) {
        wire_put_u8(out, 0);
        return;
    }
    wire_put_u8(out, 1);
    wire_put_string(out, chars_of(path->ft->getHostname(path, NULL)));
    wire_put_string(out, chars_of(path->ft->getNameSpace(path, NULL)));
    wire_put_string(out, chars_of(path->ft->getClassName(path, NULL)));
    CMPICount count = path->ft->getKeyCount(path, NULL);
    wire_put_i32(out, (int32_t) count);
    for (CMPICount i = 0; i < count; i++) {
        CMPIString *name = NULL;
        CMPIData key = path->ft->getKeyAt(path, i, &name, NULL);
        put_named(out, name, &key);
    }
}

void put_instance(wire_out *out, const CMPIInstance *instance) {
    if (instance == NULL || instance->ft == NULL) {
        wire_put_u8(out, 0);
        return;
    }
    wire_put_u8(out, 1);
    put_path(out, instance->ft->getObjectPath(instance, NULL));
    CMPICount count = instance->ft->getPropertyCount(instance, NULL);
    wire_put_i32(out, (int32_t) count);
    for (CMPICount i = 0; i < count; i++) {
        CMPIString *name = NULL;
        CMPIData property = instance->ft->getPropertyAt(instance, i, &name, NULL);
        put_named(out, name, &property);
    }
}

void put_arguments(wire_out *out, const CMPIArgs *arguments) {
    if (arguments == NULL || arguments->ft == NULL) {
        wire_put_i32(out, 0);
        return;
    }
    CMPICount count = arguments->ft->getArgCount(arguments, NULL);
    wire_put_i32(out, (int32_t) count);
    for (CMPICount i = 0; i < count; i++) {
        CMPIString *name = NULL;
        CMPIData argument = arguments->ft->getArgAt(arguments, i, &name, NULL);
        put_named(out, name, &argument);
    }
}

void put_property_list(wire_out *out, const char **properties) {
    if (properties == NULL) {
        wire_put_i32(out, -1);
        return;
    }
    int32_t count = 0;
    while (properties[count] != NULL && count < INT32_MAX) {
        count++;
    }
    wire_put_i32(out, count);
    for (int32_t i = 0; i < count; i++) {
        wire_put_string(out, properties[i]);
    }
}
