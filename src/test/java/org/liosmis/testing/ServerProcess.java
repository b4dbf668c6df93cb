package org.liosmis.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * "lio-smis serve --demo" in a JVM of its own, on a free HTTP port it announces: a test can
 * kill it the way the kernel does, a benchmark can bound and measure its heap apart from the
 * clients'. Its output goes to a log file in the state directory.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Pattern SERVING = Pattern.compile("lio-smis serving .* on http://127\\.0\\.0\\.1:(\\d+)");
    private static final long START_TIMEOUT_MILLIS = 60_000;

    private final Process process;
    private final Path stateDir;
    private final Path log;
    private final List<WBEMClient> clients = new ArrayList<>();
    private int httpPort;

    private ServerProcess(Process process, Path stateDir, Path log) {
        this.process = process;
        this.stateDir = stateDir;
        this.log = log;
    }

    /** Starts the server with the test's own class path and waits until it listens. */
    public static ServerProcess start(Path stateDir, String... serveOptions) throws Exception {
        return start(stateDir, List.of(), serveOptions);
    }

    /** The same, with options for its JVM (a heap bound, say). */
    public static ServerProcess start(Path stateDir, List<String> jvmOptions, String... serveOptions) throws Exception {
        Files.createDirectories(stateDir);
        Path log = Files.createTempFile(stateDir, "serve-", ".log");
        List<String> args = new ArrayList<>(List.of("serve", "--demo",
                "--state-dir", stateDir.toString(), "--http-port", "0", "--https-port", "off"));
        args.addAll(List.of(serveOptions));
        Process process = new ProcessBuilder(LioSmisCommand.line(jvmOptions, args))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServerProcess server = new ServerProcess(process, stateDir, log);
        try {
            server.httpPort = server.awaitPort();
            return server;
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
    }

    private int awaitPort() throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            Matcher serving = SERVING.matcher(Files.readString(log));
            if (serving.find()) {
                return Integer.parseInt(serving.group(1));
            }
            if (!process.isAlive()) {
                throw new AssertionError("lio-smis exited with " + process.exitValue() + ":\n" + output());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("lio-smis did not start listening within 60 s:\n" + output());
    }

    public int httpPort() {
        return httpPort;
    }

    public long pid() {
        return process.pid();
    }

    public String password() throws Exception {
        return DemoClients.password(stateDir);
    }

    /** Everything the server printed so far. */
    public String output() throws IOException {
        return Files.readString(log);
    }

    public WBEMClient client() throws Exception {
        WBEMClient client = DemoClients.connect(httpPort, password());
        clients.add(client);
        return client;
    }

    /** SIGKILL: no shutdown hook runs, nothing is cleaned up or committed on the way out. */
    public void kill() throws InterruptedException {
        closeClients();
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("lio-smis survived SIGKILL for 30 s");
        }
    }

    private void closeClients() {
        clients.forEach(WBEMClient::close);
        clients.clear();
    }

    /** Stops the server as a service manager would (SIGTERM), killing it if it lingers. */
    @Override
    public void close() throws InterruptedException {
        closeClients();
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
