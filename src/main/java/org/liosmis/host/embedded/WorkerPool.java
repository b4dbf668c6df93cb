package org.liosmis.host.embedded;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run CIM operations: a fixed pool with a bounded queue. Requests reach
 * it only once they have arrived whole, so a slow client never holds a worker while it
 * sends; a request that finds pool and queue full is refused at once (the caller answers
 * 503) rather than kept in memory.
 */
final class WorkerPool implements AutoCloseable {

    private final ThreadPoolExecutor workers;

    WorkerPool(int threads, int queueCapacity) {
        AtomicInteger count = new AtomicInteger();
        BlockingQueue<Runnable> queue = queueCapacity == 0 ? new SynchronousQueue<>()
                : new ArrayBlockingQueue<>(queueCapacity);
        workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, queue, task -> {
            Thread thread = new Thread(task, "cim-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** @return false when every worker is busy and the queue is full */
    boolean offer(Runnable operation) {
        try {
            workers.execute(operation);
            return true;
        } catch (RejectedExecutionException full) {
            return false;
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
