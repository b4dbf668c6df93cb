/* SPDX-License-Identifier: Apache-2.0 */
#include "from_java.h"

#include <stdlib.h>
#include <string.h>

#include "wire.h"

/* what the Java side sends after the status: one item at a time, then ITEM_END */
enum { ITEM_END = 0, ITEM_INSTANCE = 1, ITEM_PATH = 2, ITEM_RETURN_VALUE = 3, ITEM_OUT_ARGUMENT = 4 };
enum { VALUE_PRESENT = 0, VALUE_NULL = 1 };

/* a value read from the wire, ready for setProperty, addKey, addArg or returnData */
typedef struct {
    CMPIValue value;
    CMPIType type;
    int null;
    char *owned;
} java_value;

static CMPIObjectPath *read_path(const CMPIBroker *broker, wire_in *in, CMPIStatus *status);

/* what the broker's setters take: for CMPI_chars the text itself stands for the value (CMPI
   §4.1.2), for every other type the address of the value */
static const CMPIValue *value_given(const java_value *v) {
    return v->type == CMPI_chars ? (const CMPIValue *) v->owned : &v->value;
}
static CMPIInstance *read_instance(const CMPIBroker *broker, wire_in *in, const char **filter, CMPIStatus *status);

CMPIStatus failure(const CMPIBroker *broker, CMPIrc rc, const char *message) {
    CMPIStatus status = {rc, NULL};
    if (broker != NULL && broker->eft != NULL) {
        status.msg = broker->eft->newString(broker, message, NULL);
    }
    return status;
}

static int ok(const CMPIStatus *status) {
    return status->rc == CMPI_RC_OK;
}

static CMPIStatus unreadable(const CMPIBroker *broker) {
    return failure(broker, CMPI_RC_ERR_FAILED, "lio-smis answered what its CMPI bridge cannot read");
}

/* a scalar of the type into value; strings as chars the caller frees through owned */
static void read_scalar(const CMPIBroker *broker, wire_in *in, CMPIType type, java_value *v, CMPIStatus *status) {
    v->type = type;
    switch (type) {
    case CMPI_boolean:
        v->value.boolean = wire_get_u8(in) ? 1 : 0;
        break;
    case CMPI_char16:
        v->value.char16 = wire_get_u16(in);
        break;
    case CMPI_uint8:
    case CMPI_sint8:
        wire_get(in, &v->value.uint8, 1);
        break;
    case CMPI_uint16:
    case CMPI_sint16:
        wire_get(in, &v->value.uint16, 2);
        break;
    case CMPI_uint32:
    case CMPI_sint32:
        wire_get(in, &v->value.uint32, 4);
        break;
    case CMPI_real32:
        wire_get(in, &v->value.real32, 4);
        break;
    case CMPI_uint64:
    case CMPI_sint64:
        wire_get(in, &v->value.uint64, 8);
        break;
    case CMPI_real64:
        wire_get(in, &v->value.real64, 8);
        break;
    case CMPI_string:
        v->owned = wire_get_string(in);
        v->value.chars = v->owned;
        v->type = CMPI_chars;
        break;
    case CMPI_dateTime: {
        char *text = wire_get_string(in);
        if (text != NULL) {
            v->value.dateTime = broker->eft->newDateTimeFromChars(broker, text, status);
        }
        free(text);
        break;
    }
    case CMPI_ref:
        v->value.ref = read_path(broker, in, status);
        break;
    case CMPI_instance:
        v->value.inst = read_instance(broker, in, NULL, status);
        break;
    default:
        in->failed = 1;
        break;
    }
}

/* an array element: strings become broker strings, as arrays hold them */
static void set_element(const CMPIBroker *broker, CMPIArray *array, CMPICount index, java_value *element,
                        CMPIStatus *status) {
    if (element->type == CMPI_chars) {
        element->value.string = broker->eft->newString(broker, element->owned, status);
        element->type = CMPI_string;
    }
    if (ok(status)) {
        *status = array->ft->setElementAt(array, index, &element->value, element->type);
    }
}

static void read_value(const CMPIBroker *broker, wire_in *in, java_value *v, CMPIStatus *status) {
    memset(v, 0, sizeof *v);
    CMPIType type = wire_get_u16(in);
    v->type = type;
    v->null = wire_get_u8(in) == VALUE_NULL;
    if (v->null || in->failed) {
        return;
    }
    if (!(type & CMPI_ARRAY)) {
        read_scalar(broker, in, type, v, status);
        return;
    }
    CMPIType element_type = (CMPIType) (type & ~CMPI_ARRAY);
    int32_t count = wire_get_i32(in);
    if (count < 0 || in->failed) {
        in->failed = 1;
        return;
    }
    CMPIArray *array = broker->eft->newArray(broker, (CMPICount) count, element_type, status);
    for (int32_t i = 0; i < count && !in->failed; i++) {
        java_value element;
        memset(&element, 0, sizeof element);
        if (wire_get_u8(in) == VALUE_PRESENT) {
            read_scalar(broker, in, element_type, &element, status);
            if (array != NULL && ok(status) && !in->failed) {
                set_element(broker, array, (CMPICount) i, &element, status);
            }
        }
        free(element.owned);
    }
    v->value.array = array;
}

static CMPIObjectPath *read_path(const CMPIBroker *broker, wire_in *in, CMPIStatus *status) {
    if (wire_get_u8(in) == 0) {
        return NULL;
    }
    free(wire_get_string(in)); /* the host: the broker names its own */
    char *namespace = wire_get_string(in);
    char *class_name = wire_get_string(in);
    CMPIObjectPath *path = NULL;
    if (class_name == NULL) {
        in->failed = 1;
    } else if (!in->failed) {
        path = broker->eft->newObjectPath(broker, namespace, class_name, status);
    }
    free(namespace);
    free(class_name);
    /* every key is read, so that the answer stays in step when the path could not be made */
    int32_t count = wire_get_i32(in);
    for (int32_t i = 0; i < count && !in->failed; i++) {
        char *name = wire_get_string(in);
        java_value key;
        read_value(broker, in, &key, status);
        if (path != NULL && name != NULL && !key.null && ok(status) && !in->failed) {
            *status = path->ft->addKey(path, name, value_given(&key), key.type);
        }
        free(name);
        free(key.owned);
    }
    return ok(status) ? path : NULL;
}

/* what a new instance holds for a datetime before the bridge sets it */
enum { DATETIME_UNSET, DATETIME_SAME, DATETIME_OTHER };

static int datetime_held(const CMPIInstance *instance, const char *name, const java_value *v) {
    if (v->type != CMPI_dateTime || v->value.dateTime == NULL) {
        return DATETIME_UNSET;
    }
    CMPIStatus rc = {CMPI_RC_OK, NULL};
    CMPIData held = instance->ft->getProperty(instance, name, &rc);
    if (rc.rc != CMPI_RC_OK || held.type != CMPI_dateTime || (held.state & (CMPI_nullValue | CMPI_notFound))
        || held.value.dateTime == NULL || held.value.dateTime->ft == NULL) {
        return DATETIME_UNSET;
    }
    CMPIString *had = held.value.dateTime->ft->getStringFormat(held.value.dateTime, NULL);
    CMPIString *has = v->value.dateTime->ft->getStringFormat(v->value.dateTime, NULL);
    const char *had_text = had == NULL ? NULL : had->ft->getCharPtr(had, NULL);
    const char *has_text = has == NULL ? NULL : has->ft->getCharPtr(has, NULL);
    return had_text != NULL && has_text != NULL && strcmp(had_text, has_text) == 0 ? DATETIME_SAME : DATETIME_OTHER;
}

/*
 * Sets a property. A broker that fills new instances with their class's defaults holds a
 * datetime before the bridge sets it (CIM_ConcreteJob.TimeBeforeRemoval), and SFCB 1.3
 * corrupts the instance when such a datetime is replaced: an equal one is left as it is, and
 * another goes through NULL, which SFCB stores afresh.
 */
static CMPIStatus set_property(const CMPIInstance *instance, const char *name, const java_value *v) {
    int held = datetime_held(instance, name, v);
    if (held == DATETIME_SAME) {
        CMPIStatus unchanged = {CMPI_RC_OK, NULL};
        return unchanged;
    }
    if (held == DATETIME_OTHER) {
        CMPIStatus cleared = instance->ft->setProperty(instance, name, NULL, CMPI_dateTime);
        if (!ok(&cleared)) {
            return cleared;
        }
    }
    return instance->ft->setProperty(instance, name, value_given(v), v->type);
}

/* an instance; a returned one (not an embedded one) gets the operation's property list as its filter,
   before any property is set, as brokers that fill instances with class defaults need */
static CMPIInstance *read_instance(const CMPIBroker *broker, wire_in *in, const char **filter, CMPIStatus *status) {
    if (wire_get_u8(in) == 0) {
        return NULL;
    }
    CMPIObjectPath *path = read_path(broker, in, status);
    CMPIInstance *instance = NULL;
    if (path != NULL && ok(status) && !in->failed) {
        instance = broker->eft->newInstance(broker, path, status);
    }
    if (instance != NULL && filter != NULL && ok(status)) {
        *status = instance->ft->setPropertyFilter(instance, filter, NULL);
    }
    int32_t count = wire_get_i32(in);
    for (int32_t i = 0; i < count && !in->failed; i++) {
        char *name = wire_get_string(in);
        java_value property;
        read_value(broker, in, &property, status);
        /* a null property is left unset: the broker reports it as NULL */
        if (instance != NULL && name != NULL && !property.null && ok(status) && !in->failed) {
            *status = set_property(instance, name, &property);
        }
        free(name);
        free(property.owned);
    }
    return ok(status) ? instance : NULL;
}

/* the items of a successful answer, each handed to the broker as it is read */
static CMPIStatus deliver_items(const CMPIBroker *broker, wire_in *in, const answer_sink *sink) {
    const CMPIResult *result = sink->result;
    CMPIArgs *out = sink->out;
    CMPIStatus status = {CMPI_RC_OK, NULL};
    for (;;) {
        uint8_t item = wire_get_u8(in);
        if (in->failed) {
            return unreadable(broker);
        }
        if (item == ITEM_END) {
            return result->ft->returnDone(result);
        }
        if (item == ITEM_INSTANCE) {
            CMPIInstance *instance = read_instance(broker, in, sink->properties, &status);
            if (ok(&status) && instance != NULL) {
                status = result->ft->returnInstance(result, instance);
            }
        } else if (item == ITEM_PATH) {
            CMPIObjectPath *path = read_path(broker, in, &status);
            if (ok(&status) && path != NULL) {
                status = result->ft->returnObjectPath(result, path);
            }
        } else if (item == ITEM_RETURN_VALUE || item == ITEM_OUT_ARGUMENT) {
            char *name = item == ITEM_OUT_ARGUMENT ? wire_get_string(in) : NULL;
            java_value value;
            read_value(broker, in, &value, &status);
            if (ok(&status) && !in->failed && !value.null) {
                status = item == ITEM_RETURN_VALUE ? result->ft->returnData(result, value_given(&value), value.type)
                         : out == NULL || name == NULL ? unreadable(broker)
                         : out->ft->addArg(out, name, value_given(&value), value.type);
            }
            free(name);
            free(value.owned);
        } else {
            return unreadable(broker);
        }
        if (in->failed) {
            return unreadable(broker);
        }
        if (!ok(&status)) {
            return status;
        }
    }
}

CMPIStatus deliver_answer(const CMPIBroker *broker, const unsigned char *bytes, size_t length,
                          const answer_sink *sink) {
    wire_in in;
    wire_in_init(&in, bytes, length);
    int32_t code = wire_get_i32(&in);
    char *message = wire_get_string(&in);
    CMPIStatus status;
    if (in.failed) {
        status = unreadable(broker);
    } else if (code != CMPI_RC_OK) {
        status = failure(broker, (CMPIrc) code, message == NULL ? "" : message);
    } else {
        status = deliver_items(broker, &in, sink);
    }
    free(message);
    return status;
}
