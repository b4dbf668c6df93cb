/*
 * The Java side's answer to one operation, handed to the broker: the CMPI status, or the
 * instances, paths, return value and output arguments, made with the broker's own factories.
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef LIO_FROM_JAVA_H
#define LIO_FROM_JAVA_H

#include <stddef.h>

#include "lio_cmpi.h"

/* out is NULL except for a method call */
CMPIStatus deliver_answer(const CMPIBroker *broker, const unsigned char *bytes, size_t length,
                          const CMPIResult *result, CMPIArgs *out);

/* a failure with a message made by the broker */
CMPIStatus failure(const CMPIBroker *broker, CMPIrc rc, const char *message);

#endif
