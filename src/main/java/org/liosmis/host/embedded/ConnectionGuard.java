package org.liosmis.host.embedded;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.AbstractMetaDataConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches every connection: refuses those over the limit for one client address; when the
 * connections near their limit, closes the ones that have been idle longest, so idle
 * clients never lock a new one out; and closes one whose request has not arrived whole
 * (headers and body) within the request timeout of its first byte. A request that is being
 * served is the handler's to time; between requests the connector's idle timeout applies.
 */
final class ConnectionGuard implements Connection.Listener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);
    private static final long TICK_MILLIS = 200;

    /** What is known of one HTTP connection: how many bytes it had had when it last went quiet, and when. */
    private static final class Watched {
        volatile boolean serving;
        volatile long bytesWhenQuiet;
        volatile long quietSinceNanos = System.nanoTime();
        volatile long pendingSinceNanos;
    }

    private final int evictAbove;
    private final int evictBatch;
    private final int maxPerAddress;
    private final Set<Connection> counted = ConcurrentHashMap.newKeySet();
    private final long requestTimeoutNanos;
    private final Map<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final Map<Connection, Watched> watched = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "cim-connection-guard");
        thread.setDaemon(true);
        return thread;
    });

    ConnectionGuard(int maxConnections, int maxPerAddress, Duration requestTimeout) {
        // idle connections go before the hard limit is reached, where new ones would have to wait
        this.evictAbove = maxConnections - Math.max(1, maxConnections / 8);
        this.evictBatch = Math.max(1, maxConnections / 16);
        this.maxPerAddress = maxPerAddress;
        this.requestTimeoutNanos = requestTimeout.toNanos();
        ticker.scheduleWithFixedDelay(this::closeLateRequests, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onOpened(Connection connection) {
        // an HTTPS connection is a TLS connection carrying an HTTP one: count the network one, watch the HTTP one
        if (connection.getEndPoint() instanceof SocketChannelEndPoint network
                && network.getRemoteSocketAddress() instanceof InetSocketAddress remote) {
            int fromAddress = perAddress.computeIfAbsent(remote.getAddress(), address -> new AtomicInteger())
                    .incrementAndGet();
            if (fromAddress > maxPerAddress) {
                LOG.debug("refused a connection from {}: it has {} open already", remote.getAddress(), fromAddress - 1);
                network.close();
            } else {
                counted.add(connection);
                if (counted.size() > evictAbove) {
                    closeLongestIdle();
                }
            }
        }
        if (connection instanceof AbstractMetaDataConnection) {
            watched.put(connection, new Watched());
        }
    }

    @Override
    public void onClosed(Connection connection) {
        watched.remove(connection);
        if (connection.getEndPoint() instanceof SocketChannelEndPoint network
                && network.getRemoteSocketAddress() instanceof InetSocketAddress remote) {
            perAddress.computeIfPresent(remote.getAddress(), (address, count) -> count.decrementAndGet() == 0 ? null
                    : count);
            counted.remove(connection);
        }
    }

    /** The handler has the whole request head and times the rest itself. */
    void serving(Connection connection) {
        Watched state = watched.get(connection);
        if (state != null) {
            state.serving = true;
        }
    }

    /** The response is out: from here, new bytes are the start of the next request. */
    void served(Connection connection) {
        Watched state = watched.get(connection);
        if (state != null) {
            state.bytesWhenQuiet = connection.getBytesIn();
            state.quietSinceNanos = System.nanoTime();
            state.pendingSinceNanos = 0;
            state.serving = false;
        }
    }

    private record Idle(Connection connection, long sinceNanos) {
    }

    private void closeLongestIdle() {
        watched.entrySet().stream()
                .filter(entry -> !entry.getValue().serving
                        && entry.getKey().getBytesIn() <= entry.getValue().bytesWhenQuiet)
                .map(entry -> new Idle(entry.getKey(), entry.getValue().quietSinceNanos))
                .sorted(Comparator.comparingLong(Idle::sinceNanos))
                .limit(evictBatch)
                .forEach(idle -> idle.connection().getEndPoint().close());
    }

    private void closeLateRequests() {
        long now = System.nanoTime();
        watched.forEach((connection, state) -> {
            if (state.serving || connection.getBytesIn() <= state.bytesWhenQuiet) {
                return;
            }
            if (state.pendingSinceNanos == 0) {
                state.pendingSinceNanos = now;
            } else if (now - state.pendingSinceNanos > requestTimeoutNanos) {
                LOG.debug("closed {}: its request did not arrive whole in time", connection.getEndPoint()
                        .getRemoteSocketAddress());
                connection.getEndPoint().close();
            }
        });
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
