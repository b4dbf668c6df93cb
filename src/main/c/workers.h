/*
 * The bridge's own threads, on which every call into Java runs: they live as long as the
 * process, so each is attached to the JVM once. Brokers' threads come and go (SFCB runs
 * every request on a new one), and attaching and detaching a thread costs the JVM more than
 * the call itself.
 * SPDX-License-Identifier: Apache-2.0
 */
#ifndef LIO_WORKERS_H
#define LIO_WORKERS_H

/* Runs task(argument) on a worker and waits for it; 0, or -1 when no worker could be started. */
int run_on_worker(void (*task)(void *), void *argument);

#endif
