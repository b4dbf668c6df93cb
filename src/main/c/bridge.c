/*
 * The CMPI entry points of lio-smis: the generic factories a broker calls with the
 * provider's name, and the instance, method and association management interfaces they
 * return. Each operation becomes one request to the Java side (org.liosmis.host.cmpi), which
 * checks everything it is given, so that a broker sees the same answers as a client of
 * "lio-smis serve".
 * SPDX-License-Identifier: Apache-2.0
 */
#include <stddef.h>

#include "from_java.h"
#include "java_side.h"
#include "to_java.h"
#include "wire.h"

#define EXPORT __attribute__((visibility("default")))

/* the operations, numbered as org.liosmis.host.cmpi.Operation numbers them */
enum {
    OP_GET_INSTANCE = 1,
    OP_ENUMERATE_INSTANCES = 2,
    OP_ENUMERATE_INSTANCE_NAMES = 3,
    OP_CREATE_INSTANCE = 4,
    OP_MODIFY_INSTANCE = 5,
    OP_DELETE_INSTANCE = 6,
    OP_EXEC_QUERY = 7,
    OP_INVOKE_METHOD = 8,
    OP_ASSOCIATORS = 9,
    OP_ASSOCIATOR_NAMES = 10,
    OP_REFERENCES = 11,
    OP_REFERENCE_NAMES = 12
};

/* the broker each interface was made for: its factories make what the answers hold */
typedef struct {
    const CMPIBroker *broker;
} bridge_handle;

static const CMPIBroker *broker_of(const void *mi_handle) {
    return mi_handle == NULL ? NULL : ((const bridge_handle *) mi_handle)->broker;
}

static void begin(wire_out *request, int operation, const CMPIObjectPath *op) {
    wire_out_init(request);
    wire_put_u8(request, (uint8_t) operation);
    put_path(request, op);
}

static CMPIStatus finish(const void *hdl, const CMPIContext *ctx, wire_out *request, const CMPIResult *rslt,
                         CMPIArgs *out, const char **properties) {
    const CMPIBroker *broker = broker_of(hdl);
    CMPIStatus status;
    if (broker == NULL || broker->eft == NULL || rslt == NULL || rslt->ft == NULL) {
        status.rc = CMPI_RC_ERR_FAILED;
        status.msg = NULL;
    } else {
        answer_sink sink = {rslt, out, properties};
        status = java_call(broker, ctx, request, &sink);
    }
    wire_out_free(request);
    return status;
}

/* ---- cleanup: the JVM cannot be made twice in a process, so the library never unloads ---- */

static CMPIStatus cleanup(CMPIBoolean terminating) {
    CMPIStatus status = {CMPI_RC_OK, NULL};
    if (terminating) {
        java_stop();
    } else {
        status.rc = CMPI_RC_NEVER_UNLOAD;
    }
    return status;
}

static CMPIStatus instance_cleanup(CMPIInstanceMI *mi, const CMPIContext *ctx, CMPIBoolean terminating) {
    (void) mi;
    (void) ctx;
    return cleanup(terminating);
}

static CMPIStatus method_cleanup(CMPIMethodMI *mi, const CMPIContext *ctx, CMPIBoolean terminating) {
    (void) mi;
    (void) ctx;
    return cleanup(terminating);
}

static CMPIStatus association_cleanup(CMPIAssociationMI *mi, const CMPIContext *ctx, CMPIBoolean terminating) {
    (void) mi;
    (void) ctx;
    return cleanup(terminating);
}

/* ---- instances ---- */

static CMPIStatus enumerate_instance_names(CMPIInstanceMI *mi, const CMPIContext *ctx, const CMPIResult *rslt,
                                           const CMPIObjectPath *op) {
    wire_out request;
    begin(&request, OP_ENUMERATE_INSTANCE_NAMES, op);
    return finish(mi->hdl, ctx, &request, rslt, NULL, NULL);
}

static CMPIStatus enumerate_instances(CMPIInstanceMI *mi, const CMPIContext *ctx, const CMPIResult *rslt,
                                      const CMPIObjectPath *op, const char **properties) {
    wire_out request;
    begin(&request, OP_ENUMERATE_INSTANCES, op);
    put_property_list(&request, properties);
    return finish(mi->hdl, ctx, &request, rslt, NULL, properties);
}

static CMPIStatus get_instance(CMPIInstanceMI *mi, const CMPIContext *ctx, const CMPIResult *rslt,
                               const CMPIObjectPath *op, const char **properties) {
    wire_out request;
    begin(&request, OP_GET_INSTANCE, op);
    put_property_list(&request, properties);
    return finish(mi->hdl, ctx, &request, rslt, NULL, properties);
}

static CMPIStatus create_instance(CMPIInstanceMI *mi, const CMPIContext *ctx, const CMPIResult *rslt,
                                  const CMPIObjectPath *op, const CMPIInstance *inst) {
    wire_out request;
    begin(&request, OP_CREATE_INSTANCE, op);
    put_instance(&request, inst);
    return finish(mi->hdl, ctx, &request, rslt, NULL, NULL);
}

static CMPIStatus modify_instance(CMPIInstanceMI *mi, const CMPIContext *ctx, const CMPIResult *rslt,
                                  const CMPIObjectPath *op, const CMPIInstance *inst, const char **properties) {
    wire_out request;
    begin(&request, OP_MODIFY_INSTANCE, op);
    put_instance(&request, inst);
    put_property_list(&request, properties);
    return finish(mi->hdl, ctx, &request, rslt, NULL, NULL);
}

static CMPIStatus delete_instance(CMPIInstanceMI *mi, const CMPIContext *ctx, const CMPIResult *rslt,
                                  const CMPIObjectPath *op) {
    wire_out request;
    begin(&request, OP_DELETE_INSTANCE, op);
    return finish(mi->hdl, ctx, &request, rslt, NULL, NULL);
}

static CMPIStatus exec_query(CMPIInstanceMI *mi, const CMPIContext *ctx, const CMPIResult *rslt,
                             const CMPIObjectPath *op, const char *query, const char *lang) {
    wire_out request;
    begin(&request, OP_EXEC_QUERY, op);
    wire_put_string(&request, query);
    wire_put_string(&request, lang);
    return finish(mi->hdl, ctx, &request, rslt, NULL, NULL);
}

/* ---- methods ---- */

static CMPIStatus invoke_method(CMPIMethodMI *mi, const CMPIContext *ctx, const CMPIResult *rslt,
                                const CMPIObjectPath *op, const char *method, const CMPIArgs *in, CMPIArgs *out) {
    wire_out request;
    begin(&request, OP_INVOKE_METHOD, op);
    wire_put_string(&request, method);
    put_arguments(&request, in);
    return finish(mi->hdl, ctx, &request, rslt, out, NULL);
}

/* ---- associations ---- */

static CMPIStatus associators(CMPIAssociationMI *mi, const CMPIContext *ctx, const CMPIResult *rslt,
                              const CMPIObjectPath *op, const char *assocClass, const char *resultClass,
                              const char *role, const char *resultRole, const char **properties) {
    wire_out request;
    begin(&request, OP_ASSOCIATORS, op);
    wire_put_string(&request, assocClass);
    wire_put_string(&request, resultClass);
    wire_put_string(&request, role);
    wire_put_string(&request, resultRole);
    put_property_list(&request, properties);
    return finish(mi->hdl, ctx, &request, rslt, NULL, properties);
}

static CMPIStatus associator_names(CMPIAssociationMI *mi, const CMPIContext *ctx, const CMPIResult *rslt,
                                   const CMPIObjectPath *op, const char *assocClass, const char *resultClass,
                                   const char *role, const char *resultRole) {
    wire_out request;
    begin(&request, OP_ASSOCIATOR_NAMES, op);
    wire_put_string(&request, assocClass);
    wire_put_string(&request, resultClass);
    wire_put_string(&request, role);
    wire_put_string(&request, resultRole);
    return finish(mi->hdl, ctx, &request, rslt, NULL, NULL);
}

static CMPIStatus references(CMPIAssociationMI *mi, const CMPIContext *ctx, const CMPIResult *rslt,
                             const CMPIObjectPath *op, const char *resultClass, const char *role,
                             const char **properties) {
    wire_out request;
    begin(&request, OP_REFERENCES, op);
    wire_put_string(&request, resultClass);
    wire_put_string(&request, role);
    put_property_list(&request, properties);
    return finish(mi->hdl, ctx, &request, rslt, NULL, properties);
}

static CMPIStatus reference_names(CMPIAssociationMI *mi, const CMPIContext *ctx, const CMPIResult *rslt,
                                  const CMPIObjectPath *op, const char *resultClass, const char *role) {
    wire_out request;
    begin(&request, OP_REFERENCE_NAMES, op);
    wire_put_string(&request, resultClass);
    wire_put_string(&request, role);
    return finish(mi->hdl, ctx, &request, rslt, NULL, NULL);
}

/* ---- the factories ---- */

static const CMPIInstanceMIFT instance_ft = {
    CMPIVersion200, CMPIVersion200, "LioSmisInstance", instance_cleanup, enumerate_instance_names,
    enumerate_instances, get_instance, create_instance, modify_instance, delete_instance, exec_query};
static const CMPIMethodMIFT method_ft = {
    CMPIVersion200, CMPIVersion200, "LioSmisMethod", method_cleanup, invoke_method};
static const CMPIAssociationMIFT association_ft = {
    CMPIVersion200, CMPIVersion200, "LioSmisAssociation", association_cleanup, associators, associator_names,
    references, reference_names};

/*
 * One interface of each kind per broker: every LIO_ class is served by the same Java side,
 * which tells the classes apart by the object path of each operation.
 */
static bridge_handle handle;
static CMPIInstanceMI instance_mi = {&handle, &instance_ft};
static CMPIMethodMI method_mi = {&handle, &method_ft};
static CMPIAssociationMI association_mi = {&handle, &association_ft};

static void *made_for(const CMPIBroker *broker, const CMPIContext *ctx, CMPIStatus *rc, void *mi) {
    handle.broker = broker;
    java_keep_parameters(ctx);
    if (rc != NULL) {
        rc->rc = CMPI_RC_OK;
        rc->msg = NULL;
    }
    return mi;
}

EXPORT CMPIInstanceMI *_Generic_Create_InstanceMI(const CMPIBroker *broker, const CMPIContext *ctx,
                                                  const char *provider, CMPIStatus *rc) {
    (void) provider;
    return made_for(broker, ctx, rc, &instance_mi);
}

EXPORT CMPIMethodMI *_Generic_Create_MethodMI(const CMPIBroker *broker, const CMPIContext *ctx,
                                              const char *provider, CMPIStatus *rc) {
    (void) provider;
    return made_for(broker, ctx, rc, &method_mi);
}

EXPORT CMPIAssociationMI *_Generic_Create_AssociationMI(const CMPIBroker *broker, const CMPIContext *ctx,
                                                        const char *provider, CMPIStatus *rc) {
    (void) provider;
    return made_for(broker, ctx, rc, &association_mi);
}
