package org.liosmis.host.embedded;

import java.util.concurrent.Semaphore;

/**
 * The memory all request bodies being received or waiting for a worker may take together.
 * A body is reserved in full before it is read: its Content-Length, or the largest body
 * when it comes chunked. A request that finds no room is answered 503 unread.
 */
final class BodyBudget {

    private final Semaphore bytes;

    BodyBudget(long maxBufferedBytes) {
        this.bytes = new Semaphore((int) Math.min(Integer.MAX_VALUE, maxBufferedBytes));
    }

    /** @return the bytes reserved, to {@link #release} when the request is done; -1 when there is no room */
    int reserve(long bodyBytes) {
        int wanted = (int) bodyBytes;
        return bytes.tryAcquire(wanted) ? wanted : -1;
    }

    void release(int reserved) {
        bytes.release(reserved);
    }
}
