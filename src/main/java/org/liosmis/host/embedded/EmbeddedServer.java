package org.liosmis.host.embedded;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.liosmis.cimom.CimOperations;
import org.liosmis.host.cimxml.OperationDispatcher;
import org.liosmis.host.cimxml.SafeXmlReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded WBEM server: CIM-XML over HTTP and HTTPS on the JDK's HTTP server, with
 * keep-alive, Basic authentication, bounded bodies, bounded workers and bounded
 * connections. Requests are served at {@code /cimom} and {@code /}.
 */
public final class EmbeddedServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);

    private final List<HttpServer> listeners;
    private final WorkerPool workers;
    private final int httpPort;
    private final int httpsPort;

    private EmbeddedServer(List<HttpServer> listeners, WorkerPool workers, int httpPort, int httpsPort) {
        this.listeners = listeners;
        this.workers = workers;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
    }

    /** Binds the listeners the configuration asks for and starts serving. */
    public static EmbeddedServer start(ServerConfig config, CimOperations operations) throws IOException {
        config.checkComplete();
        JdkServerLimits.apply(config);
        CimHandler handler = new CimHandler(new OperationDispatcher(operations),
                new SafeXmlReader(config.maxNestingDepth()), config.maxBodyBytes());
        WorkerPool workers = new WorkerPool(config.workerThreads(), config.queueCapacity());
        List<HttpServer> listeners = new ArrayList<>();
        try {
            int httpPort = -1;
            int httpsPort = -1;
            if (config.httpPort() != -1) {
                HttpServer http = HttpServer.create(new InetSocketAddress(config.bindAddress(), config.httpPort()), 0);
                httpPort = serve(http, listeners, config, handler, workers);
            }
            if (config.httpsPort() != -1) {
                HttpsServer https = HttpsServer.create(
                        new InetSocketAddress(config.bindAddress(), config.httpsPort()), 0);
                https.setHttpsConfigurator(new HttpsConfigurator(TlsKeyStore.sslContext(config)));
                httpsPort = serve(https, listeners, config, handler, workers);
            }
            LOG.info("serving CIM-XML on {} (http {}, https {}{})", config.bindAddress(), httpPort, httpsPort,
                    config.credentials() == null ? ", no authentication" : "");
            return new EmbeddedServer(listeners, workers, httpPort, httpsPort);
        } catch (IOException | RuntimeException e) {
            listeners.forEach(listener -> listener.stop(0));
            workers.close();
            throw e;
        }
    }

    private static int serve(HttpServer server, List<HttpServer> listeners, ServerConfig config, CimHandler handler,
                             WorkerPool workers) {
        listeners.add(server);
        for (String path : List.of("/cimom", "/")) {
            HttpContext context = server.createContext(path, handler);
            context.getFilters().add(new OverloadFilter());
            if (config.credentials() != null) {
                context.setAuthenticator(new BasicAuthentication(config.credentials(), config.realm()));
            }
        }
        server.setExecutor(workers);
        server.start();
        return server.getAddress().getPort();
    }

    /** The bound HTTP port, or -1 when HTTP is off. */
    public int httpPort() {
        return httpPort;
    }

    /** The bound HTTPS port, or -1 when HTTPS is off. */
    public int httpsPort() {
        return httpsPort;
    }

    /** Stops accepting, gives running exchanges a moment to finish, then stops the workers. */
    @Override
    public void close() {
        listeners.forEach(listener -> listener.stop(1));
        workers.close();
        LOG.info("stopped serving CIM-XML");
    }
}
