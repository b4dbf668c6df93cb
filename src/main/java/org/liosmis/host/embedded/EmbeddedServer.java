package org.liosmis.host.embedded;

import java.io.IOException;
import java.net.BindException;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.liosmis.cimom.CimOperations;
import org.liosmis.cimom.EnumerationLimits;
import org.liosmis.cimom.PullOperations;
import org.liosmis.host.cimxml.OperationDispatcher;
import org.liosmis.host.cimxml.SafeXmlReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded WBEM server: CIM-XML over HTTP and HTTPS, with keep-alive, Basic
 * authentication and the bounds of {@link ServerLimits}. Requests are served at any path
 * ({@code /cimom} and {@code /} are what clients use).
 *
 * <p>Jetty does the HTTP: it parses requests without blocking, so a client that stalls or
 * trickles holds no thread, only its connection, and the request timeout
 * ({@link ConnectionGuard}, {@link CimHandler}) takes that away too.
 */
public final class EmbeddedServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);
    // Jetty's own threads accept, parse and read bodies; CIM operations run on the WorkerPool
    private static final int HTTP_THREADS = 16;
    private static final int ACCEPT_BACKLOG = 1024;
    // at the connection limit, idle connections get this long before they are closed to make room
    private static final long IDLE_MILLIS_AT_LIMIT = 250;
    private static final int MAX_REQUEST_HEADER_BYTES = 16 * 1024;

    private final Server server;
    private final WorkerPool workers;
    private final ConnectionGuard guard;
    private final PullOperations pulls;
    private final int httpPort;
    private final int httpsPort;

    private EmbeddedServer(Server server, WorkerPool workers, ConnectionGuard guard, PullOperations pulls,
                           int httpPort, int httpsPort) {
        this.server = server;
        this.workers = workers;
        this.guard = guard;
        this.pulls = pulls;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
    }

    /**
     * Binds the listeners the configuration asks for and starts serving. Everything is made
     * first (the HTTPS key store included), so the server answers nothing until it is whole.
     */
    public static EmbeddedServer start(ServerConfig config, CimOperations operations) throws IOException {
        config.checkComplete();
        ServerLimits limits = config.limits();
        QueuedThreadPool threads = new QueuedThreadPool(HTTP_THREADS, 2);
        threads.setName("cim-http");
        threads.setDaemon(true);
        Server server = new Server(threads);
        server.setErrorHandler(new PlainErrors());
        NetworkConnectionLimit connectionLimit = new NetworkConnectionLimit(limits.maxConnections(), server);
        connectionLimit.setEndPointIdleTimeout(IDLE_MILLIS_AT_LIMIT);
        server.addBean(connectionLimit);
        ConnectionGuard guard = new ConnectionGuard(limits.maxConnections(), limits.maxConnectionsPerAddress(),
                limits.requestTimeout());
        WorkerPool workers = new WorkerPool(limits.workerThreads(), limits.queueCapacity());
        PullOperations pulls = new PullOperations(operations, EnumerationLimits.defaults());
        try {
            HttpConfiguration http = httpConfiguration(limits);
            ServerConnector plain = config.httpPort() == -1 ? null : connector(server, config, config.httpPort(), guard,
                    new HttpConnectionFactory(http));
            ServerConnector secure = config.httpsPort() == -1 ? null : connector(server, config, config.httpsPort(),
                    guard, new SslConnectionFactory(TlsPolicy.serverContext(config), "http/1.1"),
                    new HttpConnectionFactory(http));
            BasicAuthentication authentication = config.credentials() == null ? null
                    : new BasicAuthentication(config.credentials(), config.realm());
            CimHandler handler = new CimHandler(new OperationDispatcher(operations, pulls),
                    new SafeXmlReader(limits.maxNestingDepth()), authentication, limits, workers, guard,
                    server.getScheduler());
            server.setHandler(handler);
            server.start();
            int httpPort = plain == null ? -1 : plain.getLocalPort();
            int httpsPort = secure == null ? -1 : secure.getLocalPort();
            LOG.info("serving CIM-XML on {} (http {}, https {}{})", config.bindAddress(), httpPort, httpsPort,
                    authentication == null ? ", no authentication" : "");
            return new EmbeddedServer(server, workers, guard, pulls, httpPort, httpsPort);
        } catch (Exception e) {
            stop(server);
            workers.close();
            guard.close();
            pulls.close();
            throw startFailure(e);
        }
    }

    /** Why the server could not start, said so that the person starting it knows what to change. */
    private static IOException startFailure(Exception e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof BindException) {
            // Jetty names the address ("Failed to bind to /127.0.0.1:5988"), the JDK the reason
            return new IOException(e.getMessage() + ": " + root.getMessage() + "; stop what holds the port or"
                    + " choose another one", e);
        }
        return e instanceof IOException io ? io : new IOException("the HTTP server could not start: "
                + (root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage()), e);
    }

    private static HttpConfiguration httpConfiguration(ServerLimits limits) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES);
        // a response write that makes no progress for this long fails, and frees its worker
        http.setIdleTimeout(limits.idleTimeout().toMillis());
        return http;
    }

    private static ServerConnector connector(Server server, ServerConfig config, int port, ConnectionGuard guard,
                                             ConnectionFactory... factories) {
        ServerConnector connector = new ServerConnector(server, 1, 1, factories);
        connector.setHost(config.bindAddress());
        connector.setPort(port);
        connector.setIdleTimeout(config.limits().idleTimeout().toMillis());
        connector.setAcceptQueueSize(ACCEPT_BACKLOG);
        connector.addEventListener(guard);
        server.addConnector(connector);
        return connector;
    }

    /** The bound HTTP port, or -1 when HTTP is off. */
    public int httpPort() {
        return httpPort;
    }

    /** The bound HTTPS port, or -1 when HTTPS is off. */
    public int httpsPort() {
        return httpsPort;
    }

    /** Stops accepting and closes the connections, then stops the workers and ends open enumerations. */
    @Override
    public void close() {
        stop(server);
        workers.close();
        guard.close();
        pulls.close();
        LOG.info("stopped serving CIM-XML");
    }

    private static void stop(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("the HTTP server did not stop cleanly: {}", e.toString());
        }
    }
}
