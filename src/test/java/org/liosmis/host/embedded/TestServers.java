package org.liosmis.host.embedded;

import java.io.IOException;
import java.nio.file.Path;

/** Servers on ephemeral loopback ports with one known user; tests close them. */
final class TestServers {

    static final String USER = "admin";
    static final String PASSWORD = "s3cret-pw";
    // few iterations: the hashing cost is not what these tests measure
    static final Credentials CREDENTIALS = Credentials.empty().with(USER, PASSWORD.toCharArray(), 1_000);

    private TestServers() {
    }

    static ServerConfig config() {
        return ServerConfig.defaults().withHttpPort(0).withCredentials(CREDENTIALS, "lio-smis");
    }

    static EmbeddedServer start(FakeOperations operations) throws IOException {
        return EmbeddedServer.start(config(), operations);
    }

    static EmbeddedServer startWithHttps(FakeOperations operations, Path stateDirectory) throws IOException {
        return EmbeddedServer.start(config().withHttpsPort(0).withStateDirectory(stateDirectory), operations);
    }
}
