package org.liosmis.host.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection bound, idle timeout and TCP_NODELAY of the JDK HTTP server are system properties it
 * reads once, when its first server is created: they are process-wide, so the first
 * server started decides them, and properties set on the command line win.
 */
final class JdkServerLimits {

    private static final Logger LOG = LoggerFactory.getLogger(JdkServerLimits.class);

    private JdkServerLimits() {
    }

    static synchronized void apply(ServerConfig config) {
        long idleSeconds = Math.max(1, config.idleTimeout().toSeconds());
        set("jdk.httpserver.maxConnections", Integer.toString(config.maxConnections()));
        set("sun.net.httpserver.idleInterval", Long.toString(idleSeconds));
        // a client gets as long to send one request as a connection may stay idle
        set("sun.net.httpserver.maxReqTime", Long.toString(idleSeconds));
        // without TCP_NODELAY a response written in two segments waits for the client's delayed
        // ACK (40 ms on Linux) whenever a client sends two requests on one connection, as wbemcli cm does
        set("sun.net.httpserver.nodelay", "true");
    }

    private static void set(String property, String value) {
        String current = System.getProperty(property);
        if (current == null) {
            System.setProperty(property, value);
        } else if (!current.equals(value)) {
            LOG.info("{} stays {} (wanted {}): the JDK HTTP server reads it once per process", property, current,
                    value);
        }
    }
}
