package org.liosmis.host.embedded;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * How the embedded server listens and what it bounds. Ports: 0 picks a free one, -1
 * turns the listener off. Without a key store the HTTPS listener uses a self-signed
 * certificate generated once into {@code stateDirectory}. Without credentials every
 * caller is let in (meant for tests and loopback-only setups).
 *
 * @param keyStorePassword never printed by {@link #toString()}
 */
public record ServerConfig(String bindAddress, int httpPort, int httpsPort, Path keyStore, String keyStorePassword,
                           Path stateDirectory, Credentials credentials, String realm, ServerLimits limits) {

    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    public static final int DEFAULT_HTTP_PORT = 5988;
    public static final int DEFAULT_HTTPS_PORT = 5989;

    public ServerConfig {
        if (httpPort < -1 || httpPort > 65535 || httpsPort < -1 || httpsPort > 65535) {
            throw new IllegalArgumentException("ports are 0..65535, or -1 for off");
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
                ServerLimits.defaults());
    }

    public ServerConfig withBindAddress(String value) {
        return new ServerConfig(value, httpPort, httpsPort, keyStore, keyStorePassword, stateDirectory, credentials,
                realm, limits);
    }

    public ServerConfig withHttpPort(int value) {
        return new ServerConfig(bindAddress, value, httpsPort, keyStore, keyStorePassword, stateDirectory, credentials,
                realm, limits);
    }

    public ServerConfig withHttpsPort(int value) {
        return new ServerConfig(bindAddress, httpPort, value, keyStore, keyStorePassword, stateDirectory, credentials,
                realm, limits);
    }

    /** A PKCS12 key store holding the server's key and certificate. */
    public ServerConfig withKeyStore(Path file, String password) {
        return new ServerConfig(bindAddress, httpPort, httpsPort, file, password, stateDirectory, credentials,
                realm, limits);
    }

    public ServerConfig withStateDirectory(Path value) {
        return new ServerConfig(bindAddress, httpPort, httpsPort, keyStore, keyStorePassword, value, credentials,
                realm, limits);
    }

    public ServerConfig withCredentials(Credentials value, String realmName) {
        return new ServerConfig(bindAddress, httpPort, httpsPort, keyStore, keyStorePassword, stateDirectory, value,
                realmName, limits);
    }

    public ServerConfig withLimits(UnaryOperator<ServerLimits> change) {
        return new ServerConfig(bindAddress, httpPort, httpsPort, keyStore, keyStorePassword, stateDirectory,
                credentials, realm, change.apply(limits));
    }

    @Override
    public String toString() {
        return "ServerConfig[bind=" + bindAddress + ", http=" + httpPort + ", https=" + httpsPort
                + ", keyStore=" + keyStore + ", stateDirectory=" + stateDirectory + ", credentials=" + credentials
                + ", realm=" + realm + ", " + limits + "]";
    }
}
