/*
 * The command language's notation: values TYPE:TEXT, arrays TYPE[ITEM,...], null values
 * null:TYPE (null:TYPE[] for a null array), paths {NS|CLASS|key=VALUE|...} and instances
 * {NS|CLASS|prop=VALUE|...}. Text is percent-encoded, so the punctuation never occurs inside
 * it and braces nest without escapes. An empty array item is written "" so that string[""]
 * (one empty string) differs from string[] (no items).
 * SPDX-License-Identifier: Apache-2.0
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "standin.h"

/* ---- output ---- */

static void out_bytes(outbuf *out, const char *bytes, size_t length) {
    if (out->capacity - out->length <= length) {
        size_t capacity = out->capacity == 0 ? 256 : out->capacity;
        while (capacity - out->length <= length) {
            capacity *= 2;
        }
        char *grown = realloc(out->text, capacity);
        if (grown == NULL) {
            abort();
        }
        out->text = grown;
        out->capacity = capacity;
    }
    memcpy(out->text + out->length, bytes, length);
    out->length += length;
    out->text[out->length] = '\0';
}

void out_text(outbuf *out, const char *text) {
    out_bytes(out, text, strlen(text));
}

void out_printf(outbuf *out, const char *format, ...) {
    char small[128];
    va_list args;
    va_start(args, format);
    int length = vsnprintf(small, sizeof small, format, args);
    va_end(args);
    if (length < 0) {
        return;
    }
    if ((size_t) length < sizeof small) {
        out_bytes(out, small, (size_t) length);
        return;
    }
    char *large = malloc((size_t) length + 1);
    if (large == NULL) {
        abort();
    }
    va_start(args, format);
    vsnprintf(large, (size_t) length + 1, format, args);
    va_end(args);
    out_bytes(out, large, (size_t) length);
    free(large);
}

/* [A-Za-z0-9._/:-] stand for themselves; every other byte is written %XX */
static int safe(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
           || (c != '\0' && strchr("._/:-", c) != NULL);
}

void out_encoded(outbuf *out, const char *text) {
    for (const char *at = text == NULL ? "" : text; *at != '\0'; at++) {
        if (safe(*at)) {
            out_bytes(out, at, 1);
        } else {
            out_printf(out, "%%%02X", (unsigned) (unsigned char) *at);
        }
    }
}

/* ---- types ---- */

static const struct {
    const char *name;
    CMPIType type;
} types[] = {
    {"boolean", CMPI_boolean}, {"char16", CMPI_char16}, {"uint8", CMPI_uint8},     {"uint16", CMPI_uint16},
    {"uint32", CMPI_uint32},   {"uint64", CMPI_uint64}, {"sint8", CMPI_sint8},     {"sint16", CMPI_sint16},
    {"sint32", CMPI_sint32},   {"sint64", CMPI_sint64}, {"real32", CMPI_real32},   {"real64", CMPI_real64},
    {"string", CMPI_string},   {"string", CMPI_chars},  {"datetime", CMPI_dateTime}, {"ref", CMPI_ref},
    {"inst", CMPI_instance},   {"ptr", STANDIN_PTR},
};

static const char *type_name(CMPIType type) {
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (types[i].type == type) {
            return types[i].name;
        }
    }
    return NULL;
}

/* ---- printing ---- */

const char *text_of(const CMPIString *string) {
    return string == NULL || string->ft == NULL ? NULL : string->ft->getCharPtr(string, NULL);
}

static void print_utf8(outbuf *out, unsigned code) {
    char bytes[4] = {0};
    if (code < 0x80) {
        bytes[0] = (char) code;
    } else if (code < 0x800) {
        bytes[0] = (char) (0xC0 | (code >> 6));
        bytes[1] = (char) (0x80 | (code & 0x3F));
    } else {
        bytes[0] = (char) (0xE0 | (code >> 12));
        bytes[1] = (char) (0x80 | ((code >> 6) & 0x3F));
        bytes[2] = (char) (0x80 | (code & 0x3F));
    }
    if (code == 0) {
        out_text(out, "%00");
    } else {
        out_encoded(out, bytes);
    }
}

/* a non-null pointer where one is due shows as !nullpointer: no valid value reads so */
static void print_scalar(outbuf *out, CMPIType type, const CMPIValue *value, int in_array) {
    const char *text = NULL;
    switch (type) {
    case CMPI_boolean: out_text(out, value->boolean ? "true" : "false"); return;
    case CMPI_char16: print_utf8(out, value->char16); return;
    case CMPI_uint8: out_printf(out, "%" PRIu8, value->uint8); return;
    case CMPI_uint16: out_printf(out, "%" PRIu16, value->uint16); return;
    case CMPI_uint32: out_printf(out, "%" PRIu32, value->uint32); return;
    case CMPI_uint64: out_printf(out, "%" PRIu64, value->uint64); return;
    case CMPI_sint8: out_printf(out, "%" PRId8, value->sint8); return;
    case CMPI_sint16: out_printf(out, "%" PRId16, value->sint16); return;
    case CMPI_sint32: out_printf(out, "%" PRId32, value->sint32); return;
    case CMPI_sint64: out_printf(out, "%" PRId64, value->sint64); return;
    case CMPI_real32: {
        char number[64];
        snprintf(number, sizeof number, "%.9g", (double) value->real32);
        out_encoded(out, number);
        return;
    }
    case CMPI_real64: {
        char number[64];
        snprintf(number, sizeof number, "%.17g", value->real64);
        out_encoded(out, number);
        return;
    }
    case CMPI_ref: print_path(out, value->ref); return;
    case CMPI_instance: print_instance(out, value->inst); return;
    case STANDIN_PTR: out_text(out, "0"); return;
    case CMPI_chars: text = value->chars; break;
    case CMPI_string: text = value->string == NULL ? NULL : text_of(value->string); break;
    case CMPI_dateTime:
        text = value->dateTime == NULL ? NULL : text_of(value->dateTime->ft->getStringFormat(value->dateTime, NULL));
        break;
    default: out_text(out, "?"); return;
    }
    if (text == NULL) {
        out_text(out, "!nullpointer");
    } else if (in_array && text[0] == '\0') {
        out_text(out, "\"\"");
    } else if (in_array && strcmp(text, "null") == 0) {
        out_text(out, "%6Eull"); /* the text null, not a null item */
    } else {
        out_encoded(out, text);
    }
}

static void print_type(outbuf *out, CMPIType type) {
    const char *name = type_name(type);
    if (name != NULL) {
        out_text(out, name);
    } else {
        out_printf(out, "type%u", (unsigned) type);
    }
}

static void print_array(outbuf *out, CMPIType element, const CMPIArray *array) {
    print_type(out, element);
    out_text(out, "[");
    CMPICount size = array->ft->getSize(array, NULL);
    for (CMPICount i = 0; i < size; i++) {
        CMPIData item = array->ft->getElementAt(array, i, NULL);
        out_text(out, i == 0 ? "" : ",");
        if (item.state & CMPI_nullValue) {
            out_text(out, "null");
        } else {
            print_scalar(out, element, &item.value, 1);
        }
    }
    out_text(out, "]");
}

void print_value(outbuf *out, const CMPIData *data) {
    int array = (data->type & CMPI_ARRAY) != 0;
    CMPIType element = (CMPIType) (data->type & ~CMPI_ARRAY);
    if (data->state & (CMPI_nullValue | CMPI_notFound | CMPI_badValue)) {
        out_text(out, data->state & CMPI_nullValue ? "null:" : "bad:");
        print_type(out, element);
        out_text(out, array ? "[]" : "");
    } else if (array && data->value.array == NULL) {
        print_type(out, element);
        out_text(out, "[!nullpointer]");
    } else if (array) {
        print_array(out, element, data->value.array);
    } else {
        print_type(out, element);
        out_text(out, ":");
        print_scalar(out, element, &data->value, 0);
    }
}

/* {NS|CLASS then |name=VALUE for each entry, the caller closing the brace */
static void print_head(outbuf *out, const CMPIObjectPath *path) {
    out_text(out, "{");
    if (path != NULL) {
        out_encoded(out, text_of(path->ft->getNameSpace(path, NULL)));
        out_text(out, "|");
        out_encoded(out, text_of(path->ft->getClassName(path, NULL)));
    } else {
        out_text(out, "|");
    }
}

static void print_named(outbuf *out, const CMPIString *name, const CMPIData *data) {
    out_text(out, "|");
    out_encoded(out, text_of(name));
    out_text(out, "=");
    print_value(out, data);
}

void print_path(outbuf *out, const CMPIObjectPath *path) {
    if (path == NULL) {
        out_text(out, "-");
        return;
    }
    print_head(out, path);
    CMPICount count = path->ft->getKeyCount(path, NULL);
    for (CMPICount i = 0; i < count; i++) {
        CMPIString *name = NULL;
        CMPIData data = path->ft->getKeyAt(path, i, &name, NULL);
        print_named(out, name, &data);
    }
    out_text(out, "}");
}

void print_instance(outbuf *out, const CMPIInstance *instance) {
    if (instance == NULL) {
        out_text(out, "-");
        return;
    }
    print_head(out, instance->ft->getObjectPath(instance, NULL));
    CMPICount count = instance->ft->getPropertyCount(instance, NULL);
    for (CMPICount i = 0; i < count; i++) {
        CMPIString *name = NULL;
        CMPIData data = instance->ft->getPropertyAt(instance, i, &name, NULL);
        print_named(out, name, &data);
    }
    out_text(out, "}");
}

/* ---- parsing: a cursor over one token, failing with a description ---- */

typedef struct {
    const char *at;
    const char *error;
    int depth; /* of braces, bounded so that no input line can exhaust a thread's stack */
} reader;

static int fail(reader *r, const char *error) {
    if (r->error == NULL) {
        r->error = error;
    }
    return -1;
}

static int hex(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* a run of safe characters and %XX escapes, decoded into a fresh string */
static int read_text(reader *r, char **text) {
    const char *start = r->at;
    while (safe(*r->at) || *r->at == '%') {
        r->at++;
    }
    char *decoded = malloc((size_t) (r->at - start) + 1);
    if (decoded == NULL) {
        abort();
    }
    size_t length = 0;
    for (const char *at = start; at < r->at; at++) {
        if (*at != '%') {
            decoded[length++] = *at;
        } else if (at + 2 < r->at && hex(at[1]) >= 0 && hex(at[2]) >= 0) {
            decoded[length++] = (char) (hex(at[1]) * 16 + hex(at[2]));
            at += 2;
        } else {
            free(decoded);
            return fail(r, "bad percent escape");
        }
    }
    decoded[length] = '\0';
    *text = decoded;
    return 0;
}

static int expect(reader *r, char c, const char *error) {
    if (*r->at != c) {
        return fail(r, error);
    }
    r->at++;
    return 0;
}

static int starts(reader *r, const char *word) {
    size_t length = strlen(word);
    if (strncmp(r->at, word, length) != 0) {
        return 0;
    }
    r->at += length;
    return 1;
}

static int read_type(reader *r, CMPIType *type) {
    const char *start = r->at;
    while (isalnum((unsigned char) *r->at)) {
        r->at++;
    }
    size_t length = (size_t) (r->at - start);
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (strlen(types[i].name) == length && strncmp(types[i].name, start, length) == 0) {
            *type = types[i].type;
            return 0;
        }
    }
    return fail(r, "unknown type");
}

static int read_path(reader *r, CMPIObjectPath **path);
static int read_instance(reader *r, CMPIInstance **instance);
static int read_value(reader *r, CMPIData *data);

static int read_unsigned(const char *text, uint64_t max, uint64_t *value) {
    char *end = NULL;
    errno = 0;
    unsigned long long parsed = strtoull(text, &end, 10);
    if (!isdigit((unsigned char) text[0]) || *end != '\0' || errno != 0 || parsed > max) {
        return -1;
    }
    *value = parsed;
    return 0;
}

static int read_signed(const char *text, int64_t min, int64_t max, int64_t *value) {
    char *end = NULL;
    errno = 0;
    long long parsed = strtoll(text, &end, 10);
    if (text[0] == '\0' || isspace((unsigned char) text[0]) || *end != '\0' || errno != 0 || parsed < min
        || parsed > max) {
        return -1;
    }
    *value = parsed;
    return 0;
}

static int read_real(const char *text, double *value) {
    char *end = NULL;
    *value = strtod(text, &end);
    return text[0] == '\0' || isspace((unsigned char) text[0]) || *end != '\0' ? -1 : 0;
}

/* one UTF-8 character of the basic plane */
static int read_char16(const char *text, CMPIChar16 *value) {
    const unsigned char *b = (const unsigned char *) text;
    if (b[0] != 0 && b[0] < 0x80 && b[1] == 0) {
        *value = b[0];
    } else if ((b[0] & 0xE0) == 0xC0 && (b[1] & 0xC0) == 0x80 && b[2] == 0) {
        *value = (CMPIChar16) (((b[0] & 0x1F) << 6) | (b[1] & 0x3F));
    } else if ((b[0] & 0xF0) == 0xE0 && (b[1] & 0xC0) == 0x80 && (b[2] & 0xC0) == 0x80 && b[3] == 0) {
        *value = (CMPIChar16) (((b[0] & 0x0F) << 12) | ((b[1] & 0x3F) << 6) | (b[2] & 0x3F));
    } else {
        return -1;
    }
    return 0;
}

/* the text of a simple type as its value */
static int convert(CMPIType type, const char *text, CMPIValue *value) {
    uint64_t u = 0;
    int64_t s = 0;
    double d = 0;
    switch (type) {
    case CMPI_boolean:
        value->boolean = strcmp(text, "true") == 0;
        return value->boolean || strcmp(text, "false") == 0 ? 0 : -1;
    case CMPI_char16: return read_char16(text, &value->char16);
    case CMPI_uint8: if (read_unsigned(text, UINT8_MAX, &u)) return -1; value->uint8 = (uint8_t) u; return 0;
    case CMPI_uint16: if (read_unsigned(text, UINT16_MAX, &u)) return -1; value->uint16 = (uint16_t) u; return 0;
    case CMPI_uint32: if (read_unsigned(text, UINT32_MAX, &u)) return -1; value->uint32 = (uint32_t) u; return 0;
    case CMPI_uint64: if (read_unsigned(text, UINT64_MAX, &u)) return -1; value->uint64 = u; return 0;
    case CMPI_sint8: if (read_signed(text, INT8_MIN, INT8_MAX, &s)) return -1; value->sint8 = (int8_t) s; return 0;
    case CMPI_sint16: if (read_signed(text, INT16_MIN, INT16_MAX, &s)) return -1; value->sint16 = (int16_t) s; return 0;
    case CMPI_sint32: if (read_signed(text, INT32_MIN, INT32_MAX, &s)) return -1; value->sint32 = (int32_t) s; return 0;
    case CMPI_sint64: if (read_signed(text, INT64_MIN, INT64_MAX, &s)) return -1; value->sint64 = s; return 0;
    case CMPI_real32: if (read_real(text, &d)) return -1; value->real32 = (float) d; return 0;
    case CMPI_real64: return read_real(text, &value->real64);
    case CMPI_string: value->string = sb_string(text); return 0;
    case CMPI_dateTime: value->dateTime = sb_datetime(text); return 0; /* unchecked: the bridge's to judge */
    case STANDIN_PTR: value->dataPtr.ptr = NULL; value->dataPtr.length = 0; return 0;
    default: return -1;
    }
}

static int read_scalar(reader *r, CMPIType type, CMPIValue *value) {
    if (type == CMPI_ref) {
        return read_path(r, &value->ref);
    }
    if (type == CMPI_instance) {
        return read_instance(r, &value->inst);
    }
    char *text = NULL;
    if (starts(r, "\"\"")) {
        text = calloc(1, 1);
    } else if (read_text(r, &text) != 0) {
        return -1;
    }
    int converted = text == NULL ? -1 : convert(type, text, value);
    free(text);
    return converted == 0 ? 0 : fail(r, "bad scalar text for its type");
}

/* the items after '[': null, "", or the type's text; kept in a growing list until counted */
static int read_items(reader *r, CMPIType element, CMPIData *data) {
    CMPIData *items = NULL;
    CMPICount count = 0;
    int read = 0;
    while (read == 0 && *r->at != ']') {
        CMPIData *grown = realloc(items, (count + 1) * sizeof *items);
        if (grown == NULL) {
            abort();
        }
        items = grown;
        CMPIData *item = &items[count++];
        memset(item, 0, sizeof *item);
        item->type = element;
        if (count > 1 && expect(r, ',', "expected , or ] in an array") != 0) {
            read = -1;
        } else if (strncmp(r->at, "null", 4) == 0 && (r->at[4] == ',' || r->at[4] == ']')) {
            item->state = CMPI_nullValue;
            r->at += 4;
        } else {
            read = read_scalar(r, element, &item->value);
        }
    }
    if (read == 0) {
        r->at++;
        CMPIArray *array = sb_array(element, count);
        for (CMPICount i = 0; i < count; i++) {
            sb_array_put(array, i, items[i]);
        }
        data->type = (CMPIType) (element | CMPI_ARRAY);
        data->state = CMPI_goodValue;
        data->value.array = array;
    }
    free(items);
    return read;
}

static int read_value(reader *r, CMPIData *data) {
    memset(data, 0, sizeof *data);
    if (starts(r, "null:")) {
        if (read_type(r, &data->type) != 0) {
            return -1;
        }
        if (starts(r, "[]")) {
            data->type = (CMPIType) (data->type | CMPI_ARRAY);
        }
        data->state = CMPI_nullValue;
        return 0;
    }
    if (read_type(r, &data->type) != 0) {
        return -1;
    }
    if (starts(r, "[")) {
        return read_items(r, data->type, data);
    }
    if (expect(r, ':', "expected : or [ after the type") != 0) {
        return -1;
    }
    data->state = CMPI_goodValue;
    return read_scalar(r, data->type, &data->value);
}

/* {NS|CLASS, then each |name=VALUE handed to put, then } */
static int read_entries(reader *r, void (*put)(void *, const char *, CMPIData), void *into, char **ns, char **cn);

static int read_braced(reader *r, void (*put)(void *, const char *, CMPIData), void *into, char **ns, char **cn) {
    if (r->depth >= 32) {
        return fail(r, "braces nest deeper than 32");
    }
    r->depth++;
    int read = read_entries(r, put, into, ns, cn);
    r->depth--;
    return read;
}

static int read_entries(reader *r, void (*put)(void *, const char *, CMPIData), void *into, char **ns, char **cn) {
    if (expect(r, '{', "expected {") != 0 || read_text(r, ns) != 0 || expect(r, '|', "expected | after the namespace")
        || read_text(r, cn) != 0) {
        return -1;
    }
    while (*r->at == '|') {
        r->at++;
        char *name = NULL;
        CMPIData data;
        if (read_text(r, &name) != 0 || expect(r, '=', "expected = after a name") != 0 || read_value(r, &data) != 0) {
            free(name);
            return -1;
        }
        put(into, name, data);
        free(name);
    }
    return expect(r, '}', "expected | or }");
}

/* a braced form names its object before it holds its entries: collect the entries first */
typedef struct {
    char *names[256];
    CMPIData data[256];
    int count;
    int overflow;
} collected;

static void collect(void *into, const char *name, CMPIData data) {
    collected *c = into;
    if (c->count == 256) {
        c->overflow = 1;
        return;
    }
    size_t length = strlen(name) + 1;
    c->names[c->count] = malloc(length);
    if (c->names[c->count] == NULL) {
        abort();
    }
    memcpy(c->names[c->count], name, length);
    c->data[c->count++] = data;
}

static int read_collected(reader *r, collected *c, char **ns, char **cn) {
    memset(c, 0, sizeof *c);
    *ns = NULL;
    *cn = NULL;
    int read = read_braced(r, collect, c, ns, cn);
    if (read == 0 && c->overflow) {
        read = fail(r, "more than 256 names in braces");
    }
    return read;
}

static void free_collected(collected *c, char *ns, char *cn) {
    for (int i = 0; i < c->count; i++) {
        free(c->names[i]);
    }
    free(ns);
    free(cn);
}

/* a path and an instance are read alike: what is collected goes onto the object made from it */
typedef struct {
    void *(*make)(const char *ns, const char *cn);
    void (*put)(void *object, const char *name, CMPIData data);
} braced_kind;

static void *new_path(const char *ns, const char *cn) {
    return sb_path(ns, cn);
}

static void put_key(void *path, const char *name, CMPIData data) {
    sb_path_put(path, name, data);
}

static void *new_instance(const char *ns, const char *cn) {
    return sb_instance(sb_path(ns, cn));
}

static void put_property(void *instance, const char *name, CMPIData data) {
    sb_instance_put(instance, name, data);
}

static int read_object(reader *r, const braced_kind *kind, void **made) {
    collected *c = malloc(sizeof *c);
    char *ns = NULL, *cn = NULL;
    if (c == NULL) {
        abort();
    }
    int read = read_collected(r, c, &ns, &cn);
    if (read == 0) {
        *made = kind->make(ns, cn);
        for (int i = 0; i < c->count; i++) {
            kind->put(*made, c->names[i], c->data[i]);
        }
    }
    free_collected(c, ns, cn);
    free(c);
    return read;
}

static int read_path(reader *r, CMPIObjectPath **path) {
    static const braced_kind paths = {new_path, put_key};
    void *made = NULL;
    int read = read_object(r, &paths, &made);
    *path = made;
    return read;
}

static int read_instance(reader *r, CMPIInstance **instance) {
    static const braced_kind instances = {new_instance, put_property};
    void *made = NULL;
    int read = read_object(r, &instances, &made);
    *instance = made;
    return read;
}

/* runs one reader over a whole token, which it must use up */
static int whole(const char *token, int (*read)(reader *, void *), void *into, const char **error) {
    reader r = {token, NULL, 0};
    if (read(&r, into) == 0 && *r.at != '\0') {
        fail(&r, "unexpected text after the end");
    }
    *error = r.error;
    return r.error == NULL ? 0 : -1;
}

static int value_reader(reader *r, void *into) {
    return read_value(r, into);
}

static int path_reader(reader *r, void *into) {
    return read_path(r, into);
}

static int instance_reader(reader *r, void *into) {
    return read_instance(r, into);
}

static int text_reader(reader *r, void *into) {
    return read_text(r, into);
}

int parse_value(const char *token, CMPIData *data, const char **error) {
    return whole(token, value_reader, data, error);
}

int parse_path(const char *token, CMPIObjectPath **path, const char **error) {
    return whole(token, path_reader, path, error);
}

int parse_instance(const char *token, CMPIInstance **instance, const char **error) {
    return whole(token, instance_reader, instance, error);
}

int parse_text(const char *token, char **text, const char **error) {
    *text = NULL;
    int parsed = whole(token, text_reader, text, error);
    if (parsed != 0) {
        free(*text);
        *text = NULL;
    }
    return parsed;
}
