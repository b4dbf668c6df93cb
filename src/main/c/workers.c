/* SPDX-License-Identifier: Apache-2.0 */
#include "workers.h"

#include <pthread.h>
#include <stddef.h>

/* as many workers as calls run at once, up to this; more calls wait for one */
#define MAX_WORKERS 64

typedef struct task {
    void (*run)(void *);
    void *argument;
    int done;
    pthread_cond_t finished;
    struct task *next;
} task;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t queued = PTHREAD_COND_INITIALIZER;
static task *first;
static task *last;
static int waiting; /* tasks queued, not yet taken */
static int workers;
static int idle;     /* workers between tasks */

static void *work(void *unused) {
    (void) unused;
    pthread_mutex_lock(&lock);
    for (;;) {
        while (first == NULL) {
            pthread_cond_wait(&queued, &lock);
        }
        task *next = first;
        first = next->next;
        if (first == NULL) {
            last = NULL;
        }
        waiting--;
        idle--;
        pthread_mutex_unlock(&lock);
        next->run(next->argument);
        pthread_mutex_lock(&lock);
        next->done = 1;
        pthread_cond_signal(&next->finished);
        idle++;
    }
    return NULL;
}

/* a new worker unless an idle one is left for the task about to be queued; with the lock held */
static int enough_workers(void) {
    if (idle > waiting || workers >= MAX_WORKERS) {
        return workers > 0 ? 0 : -1;
    }
    pthread_attr_t attributes;
    pthread_t thread;
    pthread_attr_init(&attributes);
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    int failed = pthread_create(&thread, &attributes, work, NULL);
    pthread_attr_destroy(&attributes);
    if (failed == 0) {
        workers++;
        idle++; /* idle from its start until it takes a task */
    }
    return failed == 0 || workers > 0 ? 0 : -1;
}

int run_on_worker(void (*run)(void *), void *argument) {
    task mine = {run, argument, 0, PTHREAD_COND_INITIALIZER, NULL};
    pthread_mutex_lock(&lock);
    if (enough_workers() != 0) {
        pthread_mutex_unlock(&lock);
        return -1;
    }
    if (last == NULL) {
        first = &mine;
    } else {
        last->next = &mine;
    }
    last = &mine;
    waiting++;
    pthread_cond_signal(&queued);
    while (!mine.done) {
        pthread_cond_wait(&mine.finished, &lock);
    }
    pthread_mutex_unlock(&lock);
    pthread_cond_destroy(&mine.finished);
    return 0;
}
