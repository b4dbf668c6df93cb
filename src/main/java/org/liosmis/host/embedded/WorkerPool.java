package org.liosmis.host.embedded;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that serve requests: a fixed pool with a bounded queue. A request that
 * finds both full goes to a small overflow pool whose only job is to answer 503 (see
 * {@link OverloadFilter}); when even that is busy the connection is dropped. Memory
 * stays bounded under any load.
 */
final class WorkerPool implements Executor, AutoCloseable {

    private static final int OVERFLOW_THREADS = 2;

    private final ThreadPoolExecutor workers;
    private final ThreadPoolExecutor overflow;

    WorkerPool(int threads, int queueCapacity) {
        overflow = new ThreadPoolExecutor(1, OVERFLOW_THREADS, 10, TimeUnit.SECONDS, new SynchronousQueue<>(),
                named("cim-overflow-", OverflowThread::new));
        workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                queueCapacity == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queueCapacity),
                named("cim-worker-", Thread::new), (task, pool) -> overflow.execute(task));
    }

    @Override
    public void execute(Runnable task) {
        workers.execute(task);
    }

    /** True on a thread that should answer 503 instead of serving the request. */
    static boolean onOverflowThread() {
        return Thread.currentThread() instanceof OverflowThread;
    }

    @Override
    public void close() {
        workers.shutdownNow();
        overflow.shutdownNow();
    }

    private static ThreadFactory named(String prefix, java.util.function.BiFunction<Runnable, String, Thread> create) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = create.apply(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static final class OverflowThread extends Thread {
        OverflowThread(Runnable task, String name) {
            super(task, name);
        }
    }
}
