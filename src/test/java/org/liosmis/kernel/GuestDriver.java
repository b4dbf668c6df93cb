package org.liosmis.kernel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.liosmis.cli.InProcessServer;
import org.liosmis.host.embedded.Credentials;
import org.liosmis.lio.configfs.KernelConfigFs;
import org.liosmis.testing.CimQueries;
import org.liosmis.testing.DemoClients;
import org.liosmis.testing.LioSmisCommand;
import org.liosmis.testing.ReplicaClient;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * What the in-guest drivers share: a results file (a properties file holding "failure" if a
 * step threw), lio-smis served on the kernel's configfs, and commands run beside it.
 */
final class GuestDriver {

    private static final String PASSWORD = "kernel-replicas";
    private static final Pattern SERVING = Pattern.compile("lio-smis serving .* on http://127\\.0\\.0\\.1:(\\d+)");
    /** A JVM of its own under TCG starts slowly. */
    private static final long SERVE_START_NANOS = 240_000_000_000L;

    private final Path work;
    private final Properties results;
    private final Path credentials;

    private GuestDriver(Path work, Properties results) throws IOException {
        this.work = work;
        this.results = results;
        this.credentials = work.resolve("credentials");
        Credentials.empty().with("admin", PASSWORD.toCharArray()).save(credentials);
    }

    interface Scenario {
        void run(GuestDriver driver) throws Exception;
    }

    interface Session {
        void run(WBEMClient client, ReplicaClient replicas) throws Exception;
    }

    /** Runs the scenario in {@code workDir} and writes what it set, or how it failed, to {@code resultsFile}. */
    static void run(String workDir, String resultsFile, String title, Scenario scenario) throws IOException {
        Properties results = new Properties();
        try {
            scenario.run(new GuestDriver(Files.createDirectories(Path.of(workDir)), results));
        } catch (Exception | AssertionError e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            results.setProperty("failure", trace.toString());
        }
        Path file = Path.of(resultsFile);
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(partial)) {
            results.store(out, title);
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
    }

    Path work() {
        return work;
    }

    void set(String key, String value) {
        results.setProperty(key, value);
    }

    String get(String key) {
        return results.getProperty(key);
    }

    /** Starts a non-demo lio-smis on the kernel's configfs with these pool options, runs the session as admin, stops it. */
    void serve(List<String> poolOptions, Session session) throws Exception {
        try (InProcessServer server = InProcessServer.start(serveOptions(poolOptions))) {
            WBEMClient client = DemoClients.connect(server.httpPort(), PASSWORD);
            try {
                session.run(client, new ReplicaClient(client));
            } finally {
                client.close();
            }
        }
    }

    /** What {@link #serve} and {@link #serveProcess} start lio-smis with. */
    private List<String> serveOptions(List<String> poolOptions) {
        List<String> options = new ArrayList<>(List.of("--configfs", KernelConfigFs.DEFAULT_ROOT.toString(),
                "--state-dir", work.resolve("state").toString(), "--credentials", credentials.toString(),
                "--http-port", "0", "--https-port", "off"));
        options.addAll(poolOptions);
        return options;
    }

    /** lio-smis as {@link #serve} runs it, but in a JVM of its own ("lio-smis serve"), which a test can kill. */
    ServedProcess serveProcess(List<String> poolOptions, String logName) throws Exception {
        List<String> args = new ArrayList<>(List.of("serve"));
        args.addAll(serveOptions(poolOptions));
        Path log = work.resolve(logName);
        // as the guest runs its driver: C1 only starts a JVM under TCG far sooner
        Process process = new ProcessBuilder(LioSmisCommand.line(List.of("-XX:TieredStopAtLevel=1",
                "-XX:-UsePerfData"), args)).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + SERVE_START_NANOS;
        while (System.nanoTime() < deadline) {
            Matcher serving = SERVING.matcher(Files.readString(log));
            if (serving.find()) {
                WBEMClient client = DemoClients.connect(Integer.parseInt(serving.group(1)), PASSWORD);
                return new ServedProcess(process, client, log);
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("lio-smis serve exited with " + process.exitValue() + ": "
                        + Files.readString(log));
            }
            Thread.sleep(100);
        }
        process.destroyForcibly().waitFor();
        throw new IllegalStateException("lio-smis serve did not listen within 240 s: " + Files.readString(log));
    }

    /** A lio-smis of its own JVM and a client connected to it as admin. */
    record ServedProcess(Process process, WBEMClient client, Path log) implements AutoCloseable {

        ReplicaClient replicas() {
            return new ReplicaClient(client);
        }

        /** SIGKILL, as the kernel's OOM killer or kill -9 would: nothing runs on the way out. */
        void kill() throws InterruptedException {
            client.close();
            process.destroyForcibly();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("lio-smis survived SIGKILL for 30 s");
            }
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                kill();
            }
        }
    }

    /**
     * Pins md's resync rate (KiB/s, both its floor and its ceiling), recording the defaults as
     * "resync.defaults": unthrottled, a leg of tens of MiB on tmpfs is in sync before lvs first
     * looks, and an initiator's writes would slow it to the default floor of 1000 KiB/s.
     */
    void capRaidResync(int kibPerSecond) throws IOException, InterruptedException {
        Path raid = Path.of("/proc/sys/dev/raid");
        // cat, as sysctl files answer only a read from offset 0 (Java's first read takes one byte)
        set("resync.defaults", "min " + succeed("cat", raid.resolve("speed_limit_min").toString()).strip()
                + " max " + succeed("cat", raid.resolve("speed_limit_max").toString()).strip());
        Files.writeString(raid.resolve("speed_limit_max"), Integer.toString(kibPerSecond));
        Files.writeString(raid.resolve("speed_limit_min"), Integer.toString(kibPerSecond));
    }

    /** The SHA-256 of a device's first {@code size} bytes (whole MiB) read past the page cache: LIO writes around it. */
    String directSha256(Path device, long size) throws IOException, InterruptedException {
        return succeed("sh", "-c", "dd if=" + device + " bs=1M count=" + (size >> 20)
                + " iflag=direct status=none | sha256sum").split(" ")[0];
    }

    /** A command's exit code and output; HOME is writable for targetcli's preferences. */
    String command(String... command) throws IOException, InterruptedException {
        Path home = Files.createDirectories(work.resolve("home"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("HOME", home.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        return "rc=" + process.waitFor() + "\n" + output;
    }

    /** Like {@link #command}, failing unless the command exits 0. */
    String succeed(String... command) throws IOException, InterruptedException {
        String outcome = command(command);
        if (!outcome.startsWith("rc=0\n")) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + outcome);
        }
        return outcome.substring("rc=0\n".length());
    }

    /** A loop device over a new sparse file of {@code size} (truncate's units) in the work directory. */
    String loopDevice(String file, String size) throws IOException, InterruptedException {
        Path image = work.resolve(file);
        succeed("truncate", "-s", size, image.toString());
        return succeed("losetup", "-f", "--show", image.toString()).strip();
    }

    /**
     * Makes the replica in {@code poolId} (null: the source's pool) and waits for its job if it has one; records "ROLE.return", "ROLE.job"
     * and "ROLE.volume" (the new volume's DeviceID).
     */
    void replicate(ReplicaClient replicas, String sourceId, String role, int copyType, String poolId) throws Exception {
        ReplicaClient.Outcome outcome = replicas.createReplica(sourceId, copyType, role, poolId);
        set(role + ".return", Integer.toString(outcome.returnValue()));
        CIMObjectPath target = outcome.targetElement();
        if (outcome.job() != null) {
            CIMInstance ended = replicas.awaitEnd(outcome.job());
            set(role + ".job", "JobState " + ReplicaClient.jobState(ended)
                    + " PercentComplete " + ReplicaClient.percentComplete(ended));
            target = replicas.madeBy(outcome.job());
        }
        set(role + ".volume", target == null ? "none" : (String) target.getKeyValue("DeviceID"));
    }

    /** The volumes with their NAA names and the replica relationships, as lio-smis shows them. */
    void record(String when, WBEMClient client, ReplicaClient replicas) throws Exception {
        set(when + ".volumes", CimQueries.all(client.enumerateInstances(
                CimQueries.path(ReplicaClient.NAMESPACE, "LIO_StorageVolume"), false, false, false, null)).stream()
                .map(v -> v.getPropertyValue("DeviceID") + " " + v.getPropertyValue("Name")).sorted()
                .collect(Collectors.joining("; ")));
        set(when + ".synchronized", replicas.storageSynchronized().stream()
                .map(GuestDriver::describe).sorted().collect(Collectors.joining("; ")));
    }

    private static String describe(CIMInstance sync) {
        return ((CIMObjectPath) sync.getPropertyValue("SystemElement")).getKeyValue("DeviceID") + " -> "
                + ((CIMObjectPath) sync.getPropertyValue("SyncedElement")).getKeyValue("DeviceID")
                + " CopyType " + sync.getPropertyValue("CopyType") + " SyncType " + sync.getPropertyValue("SyncType");
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
