package org.liosmis.host.embedded;

import java.time.Duration;

/**
 * What the embedded server bounds, so that no client, slow or many, can take it over.
 *
 * @param maxBodyBytes             the largest request body
 * @param maxBufferedBodyBytes     request bodies held in memory at once, all connections together
 * @param maxNestingDepth          the deepest XML element nesting of a request
 * @param workerThreads            CIM operations run at once
 * @param queueCapacity            CIM operations waiting for a worker; beyond that a request gets 503
 * @param maxConnections           open connections; at the limit idle ones are closed early
 * @param maxConnectionsPerAddress open connections from one client address
 * @param idleTimeout              how long a connection may be silent between requests, or stalled while
 *                                 a response is written to it
 * @param requestTimeout           from a request's first byte to its last, headers and body
 * @param minResponseBytesPerSecond the slowest a client may read a response
 */
public record ServerLimits(long maxBodyBytes, long maxBufferedBodyBytes, int maxNestingDepth, int workerThreads,
                           int queueCapacity, int maxConnections, int maxConnectionsPerAddress, Duration idleTimeout,
                           Duration requestTimeout, long minResponseBytesPerSecond) {

    public ServerLimits {
        if (maxBodyBytes < 1 || maxBufferedBodyBytes < maxBodyBytes || maxNestingDepth < 1 || workerThreads < 1
                || queueCapacity < 0 || maxConnections < 1 || maxConnectionsPerAddress < 1
                || !positive(idleTimeout) || !positive(requestTimeout) || minResponseBytesPerSecond < 0) {
            throw new IllegalArgumentException("limits must be positive, and the buffered bodies at least one body");
        }
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    /** Generous for CIM clients, tight for anything that holds on without doing its part. */
    public static ServerLimits defaults() {
        return new ServerLimits(4L * 1024 * 1024, 64L * 1024 * 1024, 64, 8, 256, 1024, 256, Duration.ofSeconds(30),
                Duration.ofSeconds(15), 1024);
    }

    public ServerLimits withMaxBodyBytes(long value) {
        return new ServerLimits(value, Math.max(value, maxBufferedBodyBytes), maxNestingDepth, workerThreads,
                queueCapacity, maxConnections, maxConnectionsPerAddress, idleTimeout, requestTimeout,
                minResponseBytesPerSecond);
    }

    public ServerLimits withWorkers(int threads, int queue) {
        return new ServerLimits(maxBodyBytes, maxBufferedBodyBytes, maxNestingDepth, threads, queue, maxConnections,
                maxConnectionsPerAddress, idleTimeout, requestTimeout, minResponseBytesPerSecond);
    }

    public ServerLimits withConnections(int total, int perAddress) {
        return new ServerLimits(maxBodyBytes, maxBufferedBodyBytes, maxNestingDepth, workerThreads, queueCapacity,
                total, perAddress, idleTimeout, requestTimeout, minResponseBytesPerSecond);
    }

    public ServerLimits withTimeouts(Duration idle, Duration request) {
        return new ServerLimits(maxBodyBytes, maxBufferedBodyBytes, maxNestingDepth, workerThreads, queueCapacity,
                maxConnections, maxConnectionsPerAddress, idle, request, minResponseBytesPerSecond);
    }

    public ServerLimits withMinResponseBytesPerSecond(long value) {
        return new ServerLimits(maxBodyBytes, maxBufferedBodyBytes, maxNestingDepth, workerThreads, queueCapacity,
                maxConnections, maxConnectionsPerAddress, idleTimeout, requestTimeout, value);
    }
}
