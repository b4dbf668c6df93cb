/*
 * The Java side's answer to one operation, handed to the broker: the CMPI status, or the
 * instances, paths, return value and output arguments, made with the broker's own factories.
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef LIO_FROM_JAVA_H
#define LIO_FROM_JAVA_H

#include <stddef.h>

#include "lio_cmpi.h"

/* where an answer goes: the broker's result; for a method call its output arguments (else NULL);
   the property list the operation was given (NULL for all), which the instances carry as their filter */
typedef struct {
    const CMPIResult *result;
    CMPIArgs *out;
    const char **properties;
} answer_sink;

CMPIStatus deliver_answer(const CMPIBroker *broker, const unsigned char *bytes, size_t length,
                          const answer_sink *sink);

/* a failure with a message made by the broker */
CMPIStatus failure(const CMPIBroker *broker, CMPIrc rc, const char *message);

#endif
