package org.liosmis.host.embedded;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the embedded server listens and what it bounds. Ports: 0 picks a free one, -1
 * turns the listener off. Without a key store the HTTPS listener uses a self-signed
 * certificate generated once into {@code stateDirectory}. Without credentials every
 * caller is let in (meant for tests and loopback-only setups).
 *
 * @param keyStorePassword never printed by {@link #toString()}
 */
public record ServerConfig(String bindAddress, int httpPort, int httpsPort, Path keyStore, String keyStorePassword,
                           Path stateDirectory, Credentials credentials, String realm, long maxBodyBytes,
                           int maxNestingDepth, int workerThreads, int queueCapacity, int maxConnections,
                           Duration idleTimeout) {

    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    public static final int DEFAULT_HTTP_PORT = 5988;
    public static final int DEFAULT_HTTPS_PORT = 5989;
    public static final long DEFAULT_MAX_BODY_BYTES = 4L * 1024 * 1024;
    public static final int DEFAULT_MAX_NESTING_DEPTH = 64;
    public static final int DEFAULT_WORKER_THREADS = 8;
    public static final int DEFAULT_QUEUE_CAPACITY = 32;
    public static final int DEFAULT_MAX_CONNECTIONS = 128;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

    public ServerConfig {
        if (httpPort < -1 || httpPort > 65535 || httpsPort < -1 || httpsPort > 65535) {
            throw new IllegalArgumentException("ports are 0..65535, or -1 for off");
        }
        if (maxBodyBytes < 1 || maxNestingDepth < 1 || workerThreads < 1 || queueCapacity < 0 || maxConnections < 1
                || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** Checks what only a complete configuration can tell; the server calls it when it starts. */
    public void checkComplete() {
        if (httpPort == -1 && httpsPort == -1) {
            throw new IllegalArgumentException("at least one of HTTP and HTTPS must be on");
        }
        if (httpsPort != -1 && keyStore == null && stateDirectory == null) {
            throw new IllegalArgumentException("HTTPS needs a key store or a state directory to generate one in");
        }
    }

    /** The defaults: loopback, HTTP on 5988, HTTPS off, no authentication. */
    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_BIND_ADDRESS, DEFAULT_HTTP_PORT, -1, null, null, null, null, "lio-smis",
                DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_NESTING_DEPTH, DEFAULT_WORKER_THREADS, DEFAULT_QUEUE_CAPACITY,
                DEFAULT_MAX_CONNECTIONS, DEFAULT_IDLE_TIMEOUT);
    }

    public ServerConfig withBindAddress(String value) {
        return new ServerConfig(value, httpPort, httpsPort, keyStore, keyStorePassword, stateDirectory, credentials,
                realm, maxBodyBytes, maxNestingDepth, workerThreads, queueCapacity, maxConnections, idleTimeout);
    }

    public ServerConfig withHttpPort(int value) {
        return new ServerConfig(bindAddress, value, httpsPort, keyStore, keyStorePassword, stateDirectory, credentials,
                realm, maxBodyBytes, maxNestingDepth, workerThreads, queueCapacity, maxConnections, idleTimeout);
    }

    public ServerConfig withHttpsPort(int value) {
        return new ServerConfig(bindAddress, httpPort, value, keyStore, keyStorePassword, stateDirectory, credentials,
                realm, maxBodyBytes, maxNestingDepth, workerThreads, queueCapacity, maxConnections, idleTimeout);
    }

    /** A PKCS12 key store holding the server's key and certificate. */
    public ServerConfig withKeyStore(Path file, String password) {
        return new ServerConfig(bindAddress, httpPort, httpsPort, file, password, stateDirectory, credentials,
                realm, maxBodyBytes, maxNestingDepth, workerThreads, queueCapacity, maxConnections, idleTimeout);
    }

    public ServerConfig withStateDirectory(Path value) {
        return new ServerConfig(bindAddress, httpPort, httpsPort, keyStore, keyStorePassword, value, credentials,
                realm, maxBodyBytes, maxNestingDepth, workerThreads, queueCapacity, maxConnections, idleTimeout);
    }

    public ServerConfig withCredentials(Credentials value, String realmName) {
        return new ServerConfig(bindAddress, httpPort, httpsPort, keyStore, keyStorePassword, stateDirectory, value,
                realmName, maxBodyBytes, maxNestingDepth, workerThreads, queueCapacity, maxConnections, idleTimeout);
    }

    public ServerConfig withMaxBodyBytes(long value) {
        return new ServerConfig(bindAddress, httpPort, httpsPort, keyStore, keyStorePassword, stateDirectory,
                credentials, realm, value, maxNestingDepth, workerThreads, queueCapacity, maxConnections, idleTimeout);
    }

    public ServerConfig withMaxNestingDepth(int value) {
        return new ServerConfig(bindAddress, httpPort, httpsPort, keyStore, keyStorePassword, stateDirectory,
                credentials, realm, maxBodyBytes, value, workerThreads, queueCapacity, maxConnections, idleTimeout);
    }

    public ServerConfig withWorkers(int threads, int queue) {
        return new ServerConfig(bindAddress, httpPort, httpsPort, keyStore, keyStorePassword, stateDirectory,
                credentials, realm, maxBodyBytes, maxNestingDepth, threads, queue, maxConnections, idleTimeout);
    }

    public ServerConfig withMaxConnections(int value) {
        return new ServerConfig(bindAddress, httpPort, httpsPort, keyStore, keyStorePassword, stateDirectory,
                credentials, realm, maxBodyBytes, maxNestingDepth, workerThreads, queueCapacity, value, idleTimeout);
    }

    public ServerConfig withIdleTimeout(Duration value) {
        return new ServerConfig(bindAddress, httpPort, httpsPort, keyStore, keyStorePassword, stateDirectory,
                credentials, realm, maxBodyBytes, maxNestingDepth, workerThreads, queueCapacity, maxConnections, value);
    }

    @Override
    public String toString() {
        return "ServerConfig[bind=" + bindAddress + ", http=" + httpPort + ", https=" + httpsPort
                + ", keyStore=" + keyStore + ", stateDirectory=" + stateDirectory + ", credentials=" + credentials
                + ", realm=" + realm + ", maxBodyBytes=" + maxBodyBytes + ", maxNestingDepth=" + maxNestingDepth
                + ", workers=" + workerThreads + "+" + queueCapacity + ", maxConnections=" + maxConnections
                + ", idleTimeout=" + idleTimeout + "]";
    }
}
