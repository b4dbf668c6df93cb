/*
 * The stand-in broker's parts: a growing output buffer (one per command, so that threads of
 * "parallel" print in turn), the mini broker's CMPI objects, and the command language's
 * notation for values, paths and instances.
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef STANDIN_H
#define STANDIN_H

#include <stddef.h>

#include "lio_cmpi.h"

/* CMPI_ptr, which lio_cmpi.h leaves out because the bridge never carries it */
#define STANDIN_PTR 6400

/* ---- output ---- */

typedef struct {
    char *text;
    size_t length;
    size_t capacity;
} outbuf;

void out_text(outbuf *out, const char *text);
void out_printf(outbuf *out, const char *format, ...) __attribute__((format(printf, 2, 3)));
/* text percent-encoded; NULL writes nothing */
void out_encoded(outbuf *out, const char *text);

/* ---- the mini broker ---- */

const CMPIBroker *standin_broker(void);
const CMPIContext *standin_context(void);
CMPIResult *standin_result(outbuf *out);

CMPIString *sb_string(const char *text);
CMPIDateTime *sb_datetime(const char *text);
CMPIArray *sb_array(CMPIType element, CMPICount size);
CMPIObjectPath *sb_path(const char *ns, const char *cn);
CMPIInstance *sb_instance(CMPIObjectPath *path);
CMPIArgs *sb_args(void);

/* stores data (which may be null) under name, replacing a value of the same name */
void sb_path_put(const CMPIObjectPath *path, const char *name, CMPIData data);
void sb_instance_put(const CMPIInstance *instance, const char *name, CMPIData data);
void sb_args_put(const CMPIArgs *args, const char *name, CMPIData data);
/* returns 0, or -1 for an index out of range */
int sb_array_put(const CMPIArray *array, CMPICount index, CMPIData data);
void sb_instance_set_path(const CMPIInstance *instance, CMPIObjectPath *path);

/* ---- notation ---- */

/* each returns 0, or -1 with a description in *error */
int parse_value(const char *token, CMPIData *data, const char **error);
int parse_path(const char *token, CMPIObjectPath **path, const char **error);
int parse_instance(const char *token, CMPIInstance **instance, const char **error);
/* a percent-encoded token as a fresh string */
int parse_text(const char *token, char **text, const char **error);

void print_value(outbuf *out, const CMPIData *data);
void print_path(outbuf *out, const CMPIObjectPath *path);
void print_instance(outbuf *out, const CMPIInstance *instance);
/* a CMPIString's text, NULL for a NULL string */
const char *text_of(const CMPIString *string);

#endif
