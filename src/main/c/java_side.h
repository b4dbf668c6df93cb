/*
 * The Java side of the bridge: one JVM for the provider process, started by the first
 * operation and never destroyed (a process cannot create a second), called on the bridge's
 * own worker threads (workers.h), so no broker thread is ever attached to it.
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef LIO_JAVA_SIDE_H
#define LIO_JAVA_SIDE_H

#include "from_java.h"
#include "lio_cmpi.h"
#include "wire.h"

/* Keeps the provider parameters the context carries, if any, for the JVM's start. */
void java_keep_parameters(const CMPIContext *context);

/* One operation: the request goes to org.liosmis.host.cmpi.CmpiBridge, its answer to the broker. */
CMPIStatus java_call(const CMPIBroker *broker, const CMPIContext *context, const wire_out *request,
                     const answer_sink *sink);

/* The broker is ending the provider process: lio-smis closes its state; the JVM stays. */
void java_stop(void);

#endif
