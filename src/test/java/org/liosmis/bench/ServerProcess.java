package org.liosmis.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * "lio-smis serve --demo" in its own JVM with a bounded heap, so its heap is measured apart
 * from the clients'. It runs from the test class path; close stops it.
 */
final class ServerProcess implements AutoCloseable {

    private static final long START_TIMEOUT_SECONDS = 180;

    private final Process process;
    private final int port;
    private final String password;

    private ServerProcess(Process process, int port, String password) {
        this.process = process;
        this.port = port;
        this.password = password;
    }

    static ServerProcess start(Path stateDir, String maxHeap) throws IOException, InterruptedException {
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(List.of(java, "-Xmx" + maxHeap, "-cp", System.getProperty("java.class.path"),
                "org.liosmis.cli.Main", "serve", "--demo", "--state-dir", stateDir.toString(),
                "--http-port", Integer.toString(port), "--https-port", "off"))
                .redirectErrorStream(true).start();
        ServerProcess server = new ServerProcess(process, port, null);
        try {
            server.awaitServing();
            return new ServerProcess(process, port, Files.readString(stateDir.resolve("demo-password")).strip());
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Waits for the line the server prints once it listens, and keeps draining its output. */
    private void awaitServing() throws IOException, InterruptedException {
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Void> serving = new CompletableFuture<>();
        Thread drain = new Thread(() -> {
            try {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    if (line.startsWith("lio-smis serving")) {
                        serving.complete(null);
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
            serving.completeExceptionally(new IOException("the server ended before serving"));
        }, "lio-smis-server-output");
        drain.setDaemon(true);
        drain.start();
        try {
            serving.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("the server did not start", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    long pid() {
        return process.pid();
    }

    int port() {
        return port;
    }

    String password() {
        return password;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
