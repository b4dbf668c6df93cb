package org.liosmis.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.testing.LioSmisCommand;

/**
 * The first start of a server, which makes its HTTPS key store then: nothing answers until
 * everything is ready, and a SIGTERM the moment it answers stops it cleanly.
 */
@Timeout(120)
class FirstStartTest {

    @Test
    void nothingListensBeforeTheKeyStoreIsMadeAndSigtermIsHandledFromTheFirstConnection(@TempDir Path state) throws Exception {
        int http = freePort();
        int https = freePort();
        Path log = state.resolve("serve.log");
        Process serve = new ProcessBuilder(LioSmisCommand.line(List.of(), List.of("serve", "--demo", "--state-dir",
                state.resolve("lio").toString(), "--http-port", Integer.toString(http), "--https-port",
                Integer.toString(https)))).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            awaitConnection(serve, http, log);
            // the moment HTTP takes a connection, the HTTPS key store (keytool takes seconds) must be there
            assertTrue(Files.exists(state.resolve("lio").resolve("https-keystore.p12")),
                    "HTTP listens before the HTTPS key store is made");
            serve.destroy();
            assertTrue(serve.waitFor(30, TimeUnit.SECONDS), "SIGTERM stops the server");
            String output = Files.readString(log);
            assertTrue(output.contains("stopped serving CIM-XML"), "the shutdown closed the server:\n" + output);
        } finally {
            serve.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitConnection(Process serve, int port, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                if (!serve.isAlive()) {
                    throw new AssertionError("lio-smis exited:\n" + Files.readString(log));
                }
                Thread.sleep(2);
            }
        }
        throw new AssertionError("lio-smis did not listen within 60 s:\n" + Files.readString(log));
    }
}
