/*
 * The mini broker: each encapsulated CMPI type as {hdl, ft}, hdl pointing to the stand-in's
 * own data. Nothing is ever freed (the bridge calls no release, and the process is short),
 * so that no object can be used after it is freed.
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "standin.h"

static const CMPIStatus OK = {CMPI_RC_OK, NULL};

static void *allocate(size_t size) {
    void *memory = calloc(1, size);
    if (memory == NULL) {
        abort(); /* a test tool: out of memory is no result to report */
    }
    return memory;
}

static char *copy(const char *text) {
    if (text == NULL) {
        return NULL;
    }
    char *copied = allocate(strlen(text) + 1);
    strcpy(copied, text);
    return copied;
}

static void set_rc(CMPIStatus *rc, CMPIrc code) {
    if (rc != NULL) {
        rc->rc = code;
        rc->msg = NULL;
    }
}

static CMPIStatus status_of(CMPIrc code) {
    CMPIStatus status = {code, NULL};
    return status;
}

static CMPIData bad_data(CMPIStatus *rc) {
    CMPIData data;
    memset(&data, 0, sizeof data);
    data.state = CMPI_badValue;
    set_rc(rc, CMPI_RC_ERR_FAILED);
    return data;
}

/* a value as handed to setProperty, addKey, addArg or setElementAt, as the stand-in keeps it;
   for CMPI_chars the pointer is the text itself, as in SFCB and OpenPegasus */
static CMPIData stored(const CMPIValue *value, CMPIType type) {
    CMPIData data;
    memset(&data, 0, sizeof data);
    data.type = type;
    if (value == NULL) {
        data.state = CMPI_nullValue;
    } else if (type == CMPI_chars) {
        data.type = CMPI_string;
        data.value.string = sb_string((const char *) value);
    } else {
        data.value = *value;
    }
    return data;
}

/* ---- names in order: keys, properties, arguments ---- */

typedef struct {
    char *name;
    CMPIData data;
} entry;

typedef struct {
    entry *items;
    CMPICount count;
    CMPICount capacity;
} entry_list;

static void list_put(entry_list *list, const char *name, CMPIData data) {
    for (CMPICount i = 0; i < list->count; i++) {
        if (strcasecmp(list->items[i].name, name) == 0) { /* CIM names ignore case */
            list->items[i].data = data;
            return;
        }
    }
    if (list->count == list->capacity) {
        list->capacity = list->capacity == 0 ? 8 : list->capacity * 2;
        entry *grown = realloc(list->items, list->capacity * sizeof *grown);
        if (grown == NULL) {
            abort();
        }
        list->items = grown;
    }
    list->items[list->count].name = copy(name);
    list->items[list->count].data = data;
    list->count++;
}

static CMPIData list_at(const entry_list *list, CMPICount index, CMPIString **name, CMPIStatus *rc) {
    if (index >= list->count) {
        if (name != NULL) {
            *name = NULL;
        }
        return bad_data(rc);
    }
    if (name != NULL) {
        *name = sb_string(list->items[index].name);
    }
    set_rc(rc, CMPI_RC_OK);
    return list->items[index].data;
}

/* ---- strings and datetimes: their text ---- */

static const char *string_chars(const CMPIString *string, CMPIStatus *rc) {
    set_rc(rc, CMPI_RC_OK);
    return string->hdl;
}

static const CMPIStringFT string_ft = {CMPIVersion200, NULL, NULL, string_chars};

CMPIString *sb_string(const char *text) {
    CMPIString *string = allocate(sizeof *string);
    string->hdl = copy(text);
    string->ft = &string_ft;
    return string;
}

static CMPIString *datetime_text(const CMPIDateTime *datetime, CMPIStatus *rc) {
    set_rc(rc, CMPI_RC_OK);
    return sb_string(datetime->hdl);
}

static const CMPIDateTimeFT datetime_ft = {CMPIVersion200, NULL, NULL, NULL, datetime_text};

CMPIDateTime *sb_datetime(const char *text) {
    CMPIDateTime *datetime = allocate(sizeof *datetime);
    datetime->hdl = copy(text);
    datetime->ft = &datetime_ft;
    return datetime;
}

/* yyyymmddhhmmss.mmmmmmsutc or an interval ddddddddhhmmss.mmmmmm:000; '*' may stand for digits */
static int datetime_valid(const char *text) {
    if (text == NULL || strlen(text) != 25 || text[14] != '.' || strchr("+-:", text[21]) == NULL) {
        return 0;
    }
    for (int i = 0; i < 25; i++) {
        if (i != 14 && i != 21 && !(text[i] >= '0' && text[i] <= '9') && text[i] != '*') {
            return 0;
        }
    }
    return 1;
}

/* ---- arrays ---- */

typedef struct {
    CMPIType element;
    CMPICount size;
    CMPIData *items;
} array_data;

static CMPICount array_size(const CMPIArray *array, CMPIStatus *rc) {
    set_rc(rc, CMPI_RC_OK);
    return ((const array_data *) array->hdl)->size;
}

static CMPIData array_at(const CMPIArray *array, CMPICount index, CMPIStatus *rc) {
    const array_data *data = array->hdl;
    if (index >= data->size) {
        return bad_data(rc);
    }
    set_rc(rc, CMPI_RC_OK);
    return data->items[index];
}

int sb_array_put(const CMPIArray *array, CMPICount index, CMPIData data) {
    array_data *held = array->hdl;
    if (index >= held->size) {
        return -1;
    }
    held->items[index] = data;
    return 0;
}

/* an element of another type is refused, as brokers refuse it (chars fill a string array) */
static CMPIStatus array_set(const CMPIArray *array, CMPICount index, const CMPIValue *value, CMPIType type) {
    const array_data *held = array->hdl;
    CMPIType as_kept = type == CMPI_chars ? CMPI_string : type;
    if (as_kept != held->element) {
        return status_of(CMPI_RC_ERR_FAILED);
    }
    return sb_array_put(array, index, stored(value, type)) == 0 ? OK : status_of(CMPI_RC_ERR_FAILED);
}

static const CMPIArrayFT array_ft = {CMPIVersion200, NULL, NULL, array_size, NULL, array_at, array_set};

CMPIArray *sb_array(CMPIType element, CMPICount size) {
    array_data *data = allocate(sizeof *data);
    data->element = element == CMPI_chars ? CMPI_string : element;
    data->size = size;
    data->items = allocate((size == 0 ? 1 : size) * sizeof *data->items);
    for (CMPICount i = 0; i < size; i++) {
        data->items[i].type = data->element;
        data->items[i].state = CMPI_nullValue;
    }
    CMPIArray *array = allocate(sizeof *array);
    array->hdl = data;
    array->ft = &array_ft;
    return array;
}

/* ---- object paths ---- */

typedef struct {
    char *ns;
    char *cn;
    entry_list keys;
} path_data;

static CMPIString *path_namespace(const CMPIObjectPath *path, CMPIStatus *rc) {
    const path_data *data = path->hdl;
    set_rc(rc, CMPI_RC_OK);
    return data->ns == NULL ? NULL : sb_string(data->ns);
}

/* the stand-in's paths name no host, as a broker's local paths need not */
static CMPIString *path_host(const CMPIObjectPath *path, CMPIStatus *rc) {
    (void) path;
    set_rc(rc, CMPI_RC_OK);
    return NULL;
}

static CMPIString *path_class(const CMPIObjectPath *path, CMPIStatus *rc) {
    set_rc(rc, CMPI_RC_OK);
    return sb_string(((const path_data *) path->hdl)->cn);
}

void sb_path_put(const CMPIObjectPath *path, const char *name, CMPIData data) {
    list_put(&((path_data *) path->hdl)->keys, name, data);
}

static CMPIStatus path_add_key(const CMPIObjectPath *path, const char *name, const CMPIValue *value, CMPIType type) {
    if (name == NULL) {
        return status_of(CMPI_RC_ERR_INVALID_PARAMETER);
    }
    sb_path_put(path, name, stored(value, type));
    return OK;
}

static CMPIData path_key_at(const CMPIObjectPath *path, CMPICount index, CMPIString **name, CMPIStatus *rc) {
    return list_at(&((const path_data *) path->hdl)->keys, index, name, rc);
}

static CMPICount path_key_count(const CMPIObjectPath *path, CMPIStatus *rc) {
    set_rc(rc, CMPI_RC_OK);
    return ((const path_data *) path->hdl)->keys.count;
}

static const CMPIObjectPathFT path_ft = {CMPIVersion200, NULL, NULL, NULL, path_namespace, NULL, path_host,
                                         NULL, path_class, path_add_key, NULL, path_key_at, path_key_count};

CMPIObjectPath *sb_path(const char *ns, const char *cn) {
    path_data *data = allocate(sizeof *data);
    data->ns = copy(ns);
    data->cn = copy(cn);
    CMPIObjectPath *path = allocate(sizeof *path);
    path->hdl = data;
    path->ft = &path_ft;
    return path;
}

static CMPIObjectPath *copy_path(const CMPIObjectPath *path) {
    const path_data *data = path->hdl;
    CMPIObjectPath *copied = sb_path(data->ns, data->cn);
    for (CMPICount i = 0; i < data->keys.count; i++) {
        sb_path_put(copied, data->keys.items[i].name, data->keys.items[i].data);
    }
    return copied;
}

/* ---- instances ---- */

typedef struct {
    CMPIObjectPath *path;
    entry_list properties;
    char **filter; /* the properties it may hold, NULL-terminated; NULL for any */
} instance_data;

/* whether the instance's filter lets a property in */
static int filter_admits(const instance_data *data, const char *name) {
    if (data->filter == NULL) {
        return 1;
    }
    for (char **allowed = data->filter; *allowed != NULL; allowed++) {
        if (strcasecmp(*allowed, name) == 0) {
            return 1;
        }
    }
    return 0;
}

static CMPIData instance_property(const CMPIInstance *instance, const char *name, CMPIStatus *rc) {
    const entry_list *list = &((const instance_data *) instance->hdl)->properties;
    for (CMPICount i = 0; name != NULL && i < list->count; i++) {
        if (strcasecmp(list->items[i].name, name) == 0) {
            set_rc(rc, CMPI_RC_OK);
            return list->items[i].data;
        }
    }
    CMPIData none = bad_data(rc);
    none.state = CMPI_notFound;
    set_rc(rc, CMPI_RC_ERR_NO_SUCH_PROPERTY);
    return none;
}

static CMPIData instance_property_at(const CMPIInstance *instance, CMPICount index, CMPIString **name,
                                     CMPIStatus *rc) {
    return list_at(&((const instance_data *) instance->hdl)->properties, index, name, rc);
}

static CMPICount instance_property_count(const CMPIInstance *instance, CMPIStatus *rc) {
    set_rc(rc, CMPI_RC_OK);
    return ((const instance_data *) instance->hdl)->properties.count;
}

void sb_instance_put(const CMPIInstance *instance, const char *name, CMPIData data) {
    list_put(&((instance_data *) instance->hdl)->properties, name, data);
}

static CMPIStatus instance_set_property(const CMPIInstance *instance, const char *name, const CMPIValue *value,
                                        CMPIType type) {
    if (name == NULL) {
        return status_of(CMPI_RC_ERR_INVALID_PARAMETER);
    }
    if (filter_admits(instance->hdl, name)) {
        sb_instance_put(instance, name, stored(value, type));
    }
    return OK;
}

/* as brokers do: the properties outside the list go, and later ones outside it are not kept */
static CMPIStatus instance_set_filter(const CMPIInstance *instance, const char **properties, const char **keys) {
    (void) keys;
    instance_data *data = (instance_data *) instance->hdl;
    if (properties == NULL) {
        data->filter = NULL;
        return OK;
    }
    CMPICount count = 0;
    while (properties[count] != NULL) {
        count++;
    }
    data->filter = allocate((count + 1) * sizeof *data->filter);
    for (CMPICount i = 0; i < count; i++) {
        data->filter[i] = copy(properties[i]);
    }
    CMPICount kept = 0;
    for (CMPICount i = 0; i < data->properties.count; i++) {
        if (filter_admits(data, data->properties.items[i].name)) {
            data->properties.items[kept++] = data->properties.items[i];
        }
    }
    data->properties.count = kept;
    return OK;
}

static CMPIObjectPath *instance_path(const CMPIInstance *instance, CMPIStatus *rc) {
    set_rc(rc, CMPI_RC_OK);
    return ((const instance_data *) instance->hdl)->path;
}

void sb_instance_set_path(const CMPIInstance *instance, CMPIObjectPath *path) {
    ((instance_data *) instance->hdl)->path = path;
}

static const CMPIInstanceFT instance_ft = {CMPIVersion200, NULL, NULL, instance_property, instance_property_at,
                                           instance_property_count, instance_set_property, instance_path,
                                           instance_set_filter};

CMPIInstance *sb_instance(CMPIObjectPath *path) {
    instance_data *data = allocate(sizeof *data);
    data->path = path;
    CMPIInstance *instance = allocate(sizeof *instance);
    instance->hdl = data;
    instance->ft = &instance_ft;
    return instance;
}

/* ---- method arguments ---- */

void sb_args_put(const CMPIArgs *args, const char *name, CMPIData data) {
    list_put(args->hdl, name, data);
}

static CMPIStatus args_add(const CMPIArgs *args, const char *name, const CMPIValue *value, CMPIType type) {
    if (name == NULL) {
        return status_of(CMPI_RC_ERR_INVALID_PARAMETER);
    }
    sb_args_put(args, name, stored(value, type));
    return OK;
}

static CMPIData args_at(const CMPIArgs *args, CMPICount index, CMPIString **name, CMPIStatus *rc) {
    return list_at(args->hdl, index, name, rc);
}

static CMPICount args_count(const CMPIArgs *args, CMPIStatus *rc) {
    set_rc(rc, CMPI_RC_OK);
    return ((const entry_list *) args->hdl)->count;
}

static const CMPIArgsFT args_ft = {CMPIVersion200, NULL, NULL, args_add, NULL, args_at, args_count};

CMPIArgs *sb_args(void) {
    CMPIArgs *args = allocate(sizeof *args);
    args->hdl = allocate(sizeof(entry_list));
    args->ft = &args_ft;
    return args;
}

/* ---- the broker's factories ---- */

static CMPIInstance *new_instance(const CMPIBroker *broker, const CMPIObjectPath *path, CMPIStatus *rc) {
    (void) broker;
    if (path == NULL) {
        set_rc(rc, CMPI_RC_ERR_FAILED);
        return NULL;
    }
    set_rc(rc, CMPI_RC_OK);
    return sb_instance(copy_path(path));
}

static CMPIObjectPath *new_path(const CMPIBroker *broker, const char *ns, const char *cn, CMPIStatus *rc) {
    (void) broker;
    if (cn == NULL) {
        set_rc(rc, CMPI_RC_ERR_FAILED);
        return NULL;
    }
    set_rc(rc, CMPI_RC_OK);
    return sb_path(ns, cn);
}

static CMPIString *new_string(const CMPIBroker *broker, const char *text, CMPIStatus *rc) {
    (void) broker;
    set_rc(rc, CMPI_RC_OK);
    return sb_string(text);
}

static CMPIArray *new_array(const CMPIBroker *broker, CMPICount size, CMPIType type, CMPIStatus *rc) {
    (void) broker;
    set_rc(rc, CMPI_RC_OK);
    return sb_array(type, size);
}

static CMPIDateTime *new_datetime(const CMPIBroker *broker, const char *text, CMPIStatus *rc) {
    (void) broker;
    if (!datetime_valid(text)) {
        set_rc(rc, CMPI_RC_ERR_INVALID_PARAMETER);
        return NULL;
    }
    set_rc(rc, CMPI_RC_OK);
    return sb_datetime(text);
}

static const CMPIBrokerEncFT broker_eft = {CMPIVersion200, new_instance, new_path, NULL, new_string, new_array,
                                           NULL, NULL, new_datetime};
static const CMPIBroker broker = {NULL, NULL, &broker_eft};

const CMPIBroker *standin_broker(void) {
    return &broker;
}

/* ---- the context: SFCB hands the provider's .reg "parameters:" line as sfcbProviderParameters ---- */

static CMPIData context_entry(const CMPIContext *context, const char *name, CMPIStatus *rc) {
    (void) context;
    CMPIData data;
    memset(&data, 0, sizeof data);
    const char *parameters = getenv("STANDIN_PARAMETERS");
    if (name == NULL || strcmp(name, "sfcbProviderParameters") != 0 || parameters == NULL) {
        data.state = CMPI_notFound;
        set_rc(rc, CMPI_RC_ERR_FAILED);
        return data;
    }
    data.type = CMPI_chars;
    data.state = CMPI_goodValue;
    data.value.chars = (char *) parameters;
    set_rc(rc, CMPI_RC_OK);
    return data;
}

static const CMPIContextFT context_ft = {CMPIVersion200, NULL, NULL, context_entry};
static const CMPIContext context = {NULL, &context_ft};

const CMPIContext *standin_context(void) {
    return &context;
}

/* ---- results: each item printed as it comes ---- */

static CMPIStatus return_data(const CMPIResult *result, const CMPIValue *value, CMPIType type) {
    CMPIData data;
    memset(&data, 0, sizeof data);
    data.type = type;
    if (value == NULL) {
        data.state = CMPI_nullValue;
    } else {
        data.value = *value;
    }
    out_text(result->hdl, "return ");
    print_value(result->hdl, &data);
    out_text(result->hdl, "\n");
    return OK;
}

static CMPIStatus return_instance(const CMPIResult *result, const CMPIInstance *instance) {
    out_text(result->hdl, "instance ");
    print_instance(result->hdl, instance);
    out_text(result->hdl, "\n");
    return instance == NULL ? status_of(CMPI_RC_ERR_FAILED) : OK;
}

static CMPIStatus return_path(const CMPIResult *result, const CMPIObjectPath *path) {
    out_text(result->hdl, "path ");
    print_path(result->hdl, path);
    out_text(result->hdl, "\n");
    return path == NULL ? status_of(CMPI_RC_ERR_FAILED) : OK;
}

static CMPIStatus return_done(const CMPIResult *result) {
    out_text(result->hdl, "done\n");
    return OK;
}

static const CMPIResultFT result_ft = {CMPIVersion200, NULL, NULL, return_data, return_instance, return_path,
                                       return_done};

CMPIResult *standin_result(outbuf *out) {
    CMPIResult *result = allocate(sizeof *result);
    result->hdl = out;
    result->ft = &result_ft;
    return result;
}
