/*
 * The part of the CMPI 2.0 interface (The Open Group, Technical Standard C061) the lio-smis
 * bridge uses, declared by the project from the standard so that the bridge builds and is
 * tested where no broker's development files are installed. The layouts are the standard's:
 * every structure a broker fills is declared up to the last member the bridge reads (a
 * prefix of the broker's own), and every function table the bridge hands the broker is
 * declared whole. docs/brokers.md says how the layouts were checked against the brokers.
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef LIO_CMPI_H
#define LIO_CMPI_H

#include <stdint.h>

#define CMPIVersion200 200

typedef unsigned char CMPIBoolean;
typedef unsigned short CMPIChar16;
typedef unsigned int CMPICount;
typedef unsigned short CMPIType;
typedef unsigned short CMPIValueState;

/* types: a simple or encapsulated type, with CMPI_ARRAY for an array of it */
#define CMPI_null 0
#define CMPI_boolean 2
#define CMPI_char16 3
#define CMPI_real32 8
#define CMPI_real64 12
#define CMPI_uint8 128
#define CMPI_uint16 144
#define CMPI_uint32 160
#define CMPI_uint64 176
#define CMPI_sint8 192
#define CMPI_sint16 208
#define CMPI_sint32 224
#define CMPI_sint64 240
#define CMPI_instance 4096
#define CMPI_ref 4352
#define CMPI_string 5632
#define CMPI_chars 5888
#define CMPI_dateTime 6144
#define CMPI_ARRAY 8192

/* value states */
#define CMPI_goodValue 0
#define CMPI_nullValue (1 << 8)
#define CMPI_keyValue (2 << 8)
#define CMPI_notFound (4 << 8)
#define CMPI_badValue (0x80 << 8)

/* return codes: 1 to 17 are the CIM status codes of DSP0200 */
typedef enum {
    CMPI_RC_OK = 0,
    CMPI_RC_ERR_FAILED = 1,
    CMPI_RC_ERR_INVALID_PARAMETER = 4,
    CMPI_RC_ERR_NO_SUCH_PROPERTY = 12,
    CMPI_RC_DO_NOT_UNLOAD = 50,
    CMPI_RC_NEVER_UNLOAD = 51
} CMPIrc;

struct _CMPIBroker;
struct _CMPIContext;
struct _CMPIResult;
struct _CMPIInstance;
struct _CMPIObjectPath;
struct _CMPIArgs;
struct _CMPIString;
struct _CMPIArray;
struct _CMPIDateTime;

typedef struct _CMPIBroker CMPIBroker;
typedef struct _CMPIContext CMPIContext;
typedef struct _CMPIResult CMPIResult;
typedef struct _CMPIInstance CMPIInstance;
typedef struct _CMPIObjectPath CMPIObjectPath;
typedef struct _CMPIArgs CMPIArgs;
typedef struct _CMPIString CMPIString;
typedef struct _CMPIArray CMPIArray;
typedef struct _CMPIDateTime CMPIDateTime;

typedef struct {
    CMPIrc rc;
    CMPIString *msg;
} CMPIStatus;

/* the raw pointer member makes the union 16 bytes on LP64, as in every broker */
typedef struct {
    void *ptr;
    CMPICount length;
} CMPIValuePtr;

typedef union {
    uint64_t uint64;
    uint32_t uint32;
    uint16_t uint16;
    uint8_t uint8;
    int64_t sint64;
    int32_t sint32;
    int16_t sint16;
    int8_t sint8;
    double real64;
    float real32;
    CMPIBoolean boolean;
    CMPIChar16 char16;
    CMPIInstance *inst;
    CMPIObjectPath *ref;
    CMPIArgs *args;
    void *filter;
    void *Enum;
    CMPIArray *array;
    CMPIString *string;
    char *chars;
    CMPIDateTime *dateTime;
    CMPIValuePtr dataPtr;
} CMPIValue;

typedef struct {
    CMPIType type;
    CMPIValueState state;
    CMPIValue value;
} CMPIData;

/* a slot of a broker's function table the bridge never calls */
typedef void (*CMPIUnused)(void);

typedef struct {
    int ftVersion;
    CMPIInstance *(*newInstance)(const CMPIBroker *mb, const CMPIObjectPath *op, CMPIStatus *rc);
    CMPIObjectPath *(*newObjectPath)(const CMPIBroker *mb, const char *ns, const char *cn, CMPIStatus *rc);
    CMPIUnused newArgs;
    CMPIString *(*newString)(const CMPIBroker *mb, const char *data, CMPIStatus *rc);
    CMPIArray *(*newArray)(const CMPIBroker *mb, CMPICount max, CMPIType type, CMPIStatus *rc);
    CMPIUnused newDateTime;
    CMPIUnused newDateTimeFromBinary;
    CMPIDateTime *(*newDateTimeFromChars)(const CMPIBroker *mb, const char *datetime, CMPIStatus *rc);
} CMPIBrokerEncFT;

struct _CMPIBroker {
    void *hdl;
    const void *bft;
    const CMPIBrokerEncFT *eft;
};

typedef struct {
    int ftVersion;
    CMPIUnused release;
    CMPIUnused clone;
    CMPIData (*getEntry)(const CMPIContext *ctx, const char *name, CMPIStatus *rc);
} CMPIContextFT;

struct _CMPIContext {
    void *hdl;
    const CMPIContextFT *ft;
};

typedef struct {
    int ftVersion;
    CMPIUnused release;
    CMPIUnused clone;
    CMPIStatus (*returnData)(const CMPIResult *rslt, const CMPIValue *value, CMPIType type);
    CMPIStatus (*returnInstance)(const CMPIResult *rslt, const CMPIInstance *inst);
    CMPIStatus (*returnObjectPath)(const CMPIResult *rslt, const CMPIObjectPath *op);
    CMPIStatus (*returnDone)(const CMPIResult *rslt);
} CMPIResultFT;

struct _CMPIResult {
    void *hdl;
    const CMPIResultFT *ft;
};

typedef struct {
    int ftVersion;
    CMPIUnused release;
    CMPIUnused clone;
    CMPIData (*getProperty)(const CMPIInstance *inst, const char *name, CMPIStatus *rc);
    CMPIData (*getPropertyAt)(const CMPIInstance *inst, CMPICount index, CMPIString **name, CMPIStatus *rc);
    CMPICount (*getPropertyCount)(const CMPIInstance *inst, CMPIStatus *rc);
    CMPIStatus (*setProperty)(const CMPIInstance *inst, const char *name, const CMPIValue *value, CMPIType type);
    CMPIObjectPath *(*getObjectPath)(const CMPIInstance *inst, CMPIStatus *rc);
    CMPIStatus (*setPropertyFilter)(const CMPIInstance *inst, const char **properties, const char **keys);
} CMPIInstanceFT;

struct _CMPIInstance {
    void *hdl;
    const CMPIInstanceFT *ft;
};

typedef struct {
    int ftVersion;
    CMPIUnused release;
    CMPIUnused clone;
    CMPIUnused setNameSpace;
    CMPIString *(*getNameSpace)(const CMPIObjectPath *op, CMPIStatus *rc);
    CMPIUnused setHostname;
    CMPIString *(*getHostname)(const CMPIObjectPath *op, CMPIStatus *rc);
    CMPIUnused setClassName;
    CMPIString *(*getClassName)(const CMPIObjectPath *op, CMPIStatus *rc);
    CMPIStatus (*addKey)(const CMPIObjectPath *op, const char *name, const CMPIValue *value, CMPIType type);
    CMPIUnused getKey;
    CMPIData (*getKeyAt)(const CMPIObjectPath *op, CMPICount index, CMPIString **name, CMPIStatus *rc);
    CMPICount (*getKeyCount)(const CMPIObjectPath *op, CMPIStatus *rc);
} CMPIObjectPathFT;

struct _CMPIObjectPath {
    void *hdl;
    const CMPIObjectPathFT *ft;
};

typedef struct {
    int ftVersion;
    CMPIUnused release;
    CMPIUnused clone;
    CMPIStatus (*addArg)(const CMPIArgs *as, const char *name, const CMPIValue *value, CMPIType type);
    CMPIUnused getArg;
    CMPIData (*getArgAt)(const CMPIArgs *as, CMPICount index, CMPIString **name, CMPIStatus *rc);
    CMPICount (*getArgCount)(const CMPIArgs *as, CMPIStatus *rc);
} CMPIArgsFT;

struct _CMPIArgs {
    void *hdl;
    const CMPIArgsFT *ft;
};

typedef struct {
    int ftVersion;
    CMPIUnused release;
    CMPIUnused clone;
    const char *(*getCharPtr)(const CMPIString *st, CMPIStatus *rc);
} CMPIStringFT;

struct _CMPIString {
    void *hdl;
    const CMPIStringFT *ft;
};

typedef struct {
    int ftVersion;
    CMPIUnused release;
    CMPIUnused clone;
    CMPICount (*getSize)(const CMPIArray *ar, CMPIStatus *rc);
    CMPIUnused getSimpleType;
    CMPIData (*getElementAt)(const CMPIArray *ar, CMPICount index, CMPIStatus *rc);
    CMPIStatus (*setElementAt)(const CMPIArray *ar, CMPICount index, const CMPIValue *value, CMPIType type);
} CMPIArrayFT;

struct _CMPIArray {
    void *hdl;
    const CMPIArrayFT *ft;
};

typedef struct {
    int ftVersion;
    CMPIUnused release;
    CMPIUnused clone;
    CMPIUnused getBinaryFormat;
    CMPIString *(*getStringFormat)(const CMPIDateTime *dt, CMPIStatus *rc);
} CMPIDateTimeFT;

struct _CMPIDateTime {
    void *hdl;
    const CMPIDateTimeFT *ft;
};

/* the management interfaces the bridge implements, declared whole */
typedef struct _CMPIInstanceMI CMPIInstanceMI;
typedef struct _CMPIMethodMI CMPIMethodMI;
typedef struct _CMPIAssociationMI CMPIAssociationMI;

typedef struct {
    int ftVersion;
    int miVersion;
    const char *miName;
    CMPIStatus (*cleanup)(CMPIInstanceMI *mi, const CMPIContext *ctx, CMPIBoolean terminating);
    CMPIStatus (*enumerateInstanceNames)(CMPIInstanceMI *mi, const CMPIContext *ctx, const CMPIResult *rslt,
                                         const CMPIObjectPath *op);
    CMPIStatus (*enumerateInstances)(CMPIInstanceMI *mi, const CMPIContext *ctx, const CMPIResult *rslt,
                                     const CMPIObjectPath *op, const char **properties);
    CMPIStatus (*getInstance)(CMPIInstanceMI *mi, const CMPIContext *ctx, const CMPIResult *rslt,
                              const CMPIObjectPath *op, const char **properties);
    CMPIStatus (*createInstance)(CMPIInstanceMI *mi, const CMPIContext *ctx, const CMPIResult *rslt,
                                 const CMPIObjectPath *op, const CMPIInstance *inst);
    CMPIStatus (*modifyInstance)(CMPIInstanceMI *mi, const CMPIContext *ctx, const CMPIResult *rslt,
                                 const CMPIObjectPath *op, const CMPIInstance *inst, const char **properties);
    CMPIStatus (*deleteInstance)(CMPIInstanceMI *mi, const CMPIContext *ctx, const CMPIResult *rslt,
                                 const CMPIObjectPath *op);
    CMPIStatus (*execQuery)(CMPIInstanceMI *mi, const CMPIContext *ctx, const CMPIResult *rslt,
                            const CMPIObjectPath *op, const char *query, const char *lang);
} CMPIInstanceMIFT;

struct _CMPIInstanceMI {
    const void *hdl;
    const CMPIInstanceMIFT *ft;
};

typedef struct {
    int ftVersion;
    int miVersion;
    const char *miName;
    CMPIStatus (*cleanup)(CMPIMethodMI *mi, const CMPIContext *ctx, CMPIBoolean terminating);
    CMPIStatus (*invokeMethod)(CMPIMethodMI *mi, const CMPIContext *ctx, const CMPIResult *rslt,
                               const CMPIObjectPath *op, const char *method, const CMPIArgs *in, CMPIArgs *out);
} CMPIMethodMIFT;

struct _CMPIMethodMI {
    const void *hdl;
    const CMPIMethodMIFT *ft;
};

typedef struct {
    int ftVersion;
    int miVersion;
    const char *miName;
    CMPIStatus (*cleanup)(CMPIAssociationMI *mi, const CMPIContext *ctx, CMPIBoolean terminating);
    CMPIStatus (*associators)(CMPIAssociationMI *mi, const CMPIContext *ctx, const CMPIResult *rslt,
                              const CMPIObjectPath *op, const char *assocClass, const char *resultClass,
                              const char *role, const char *resultRole, const char **properties);
    CMPIStatus (*associatorNames)(CMPIAssociationMI *mi, const CMPIContext *ctx, const CMPIResult *rslt,
                                  const CMPIObjectPath *op, const char *assocClass, const char *resultClass,
                                  const char *role, const char *resultRole);
    CMPIStatus (*references)(CMPIAssociationMI *mi, const CMPIContext *ctx, const CMPIResult *rslt,
                             const CMPIObjectPath *op, const char *resultClass, const char *role,
                             const char **properties);
    CMPIStatus (*referenceNames)(CMPIAssociationMI *mi, const CMPIContext *ctx, const CMPIResult *rslt,
                                 const CMPIObjectPath *op, const char *resultClass, const char *role);
} CMPIAssociationMIFT;

struct _CMPIAssociationMI {
    const void *hdl;
    const CMPIAssociationMIFT *ft;
};

/* the generic factories a provider library exports: the broker passes the provider's name */
CMPIInstanceMI *_Generic_Create_InstanceMI(const CMPIBroker *broker, const CMPIContext *ctx, const char *provider,
                                           CMPIStatus *rc);
CMPIMethodMI *_Generic_Create_MethodMI(const CMPIBroker *broker, const CMPIContext *ctx, const char *provider,
                                       CMPIStatus *rc);
CMPIAssociationMI *_Generic_Create_AssociationMI(const CMPIBroker *broker, const CMPIContext *ctx,
                                                 const char *provider, CMPIStatus *rc);

#endif
