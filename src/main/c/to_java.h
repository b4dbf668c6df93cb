/*
 * What the broker hands the bridge, written to the wire for the Java side: object paths,
 * instances, method arguments and every value they hold.
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef LIO_TO_JAVA_H
#define LIO_TO_JAVA_H

#include "lio_cmpi.h"
#include "wire.h"

void put_path(wire_out *out, const CMPIObjectPath *path);
void put_instance(wire_out *out, const CMPIInstance *instance);
void put_arguments(wire_out *out, const CMPIArgs *arguments);
/* a property list: -1 for none (all properties), else the count and the names */
void put_property_list(wire_out *out, const char **properties);

#endif
