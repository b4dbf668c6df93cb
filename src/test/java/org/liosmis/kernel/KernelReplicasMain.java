package org.liosmis.kernel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Collectors;
import org.liosmis.cli.InProcessServer;
import org.liosmis.host.embedded.Credentials;
import org.liosmis.lio.FileioSpec;
import org.liosmis.lio.LioRoot;
import org.liosmis.lio.Plugin;
import org.liosmis.lio.StorageObject;
import org.liosmis.lio.configfs.KernelConfigFs;
import org.liosmis.lio.saveconfig.SavedConfigFile;
import org.liosmis.testing.CimQueries;
import org.liosmis.testing.DemoClients;
import org.liosmis.testing.ReplicaClient;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * Replicas on a real LIO, inside the test guest: lio-smis serves the kernel's configfs, makes a
 * snapshot and a clone of a volume with known data through CIM-XML, each replica is read back
 * through tcm_loop, then rtslib's targetctl clears LIO and restores it from the config lio-smis
 * saved, and a restarted lio-smis must find the same volumes and relationships.
 * Usage: {@code KernelReplicasMain <work dir> <results file>}; the results file (a properties
 * file, see {@link ReplicasThroughKernelTest}) holds "failure" if a step threw.
 */
public final class KernelReplicasMain {

    /** Small: every byte is copied and hashed on an emulated CPU. */
    static final long SIZE = 8L << 20;
    static final String SOURCE = "fileio/source";
    static final List<String> ROLES = List.of("snapshot", "clone");
    private static final String PASSWORD = "kernel-replicas";

    private final Path work;
    private final Path pool;
    private final Properties results;

    private KernelReplicasMain(Path work, Properties results) {
        this.work = work;
        this.pool = work.resolve("pool");
        this.results = results;
    }

    public static void main(String[] args) throws Exception {
        Properties results = new Properties();
        try {
            new KernelReplicasMain(Files.createDirectories(Path.of(args[0])), results).run();
        } catch (Exception | AssertionError e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            results.setProperty("failure", trace.toString());
        }
        Path file = Path.of(args[1]);
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(partial)) {
            results.store(out, "replicas on the kernel's LIO");
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
    }

    private void run() throws Exception {
        Files.createDirectories(pool);
        Path credentials = work.resolve("credentials");
        Credentials.empty().with("admin", PASSWORD.toCharArray()).save(credentials);
        LioRoot lio = LioRoot.kernel(LioRoot.DEFAULT_LOCK_FILE, null);
        lio.createFileio(FileioSpec.of("source", writeSource(pool.resolve("source.img")), SIZE));

        serve(credentials, (client, replicas) -> {
            replicate(client, replicas, "snapshot", ReplicaClient.SNAPSHOT);
            replicate(client, replicas, "clone", ReplicaClient.CLONE);
            record("before", client, replicas);
        });
        KernelConfigFs fs = new KernelConfigFs();
        for (int i = 0; i < ROLES.size(); i++) {
            String role = ROLES.get(i);
            String name = results.getProperty(role + ".volume").substring("fileio/".length());
            StorageObject so = lio.storageObject(Plugin.FILEIO, name).orElseThrow();
            try (LoopbackDisk disk = LoopbackDisk.export(fs, so, "50014050000a000" + (i + 1))) {
                results.setProperty(role + ".readback.device", disk.device().toString());
                results.setProperty(role + ".readback.sha256", disk.sha256(SIZE));
            }
        }

        results.setProperty("saveconfig", Files.readString(SavedConfigFile.DEBIAN));
        results.setProperty("targetctl.clear", command("targetctl", "clear"));
        results.setProperty("cleared.core", fs.list(fs.root().resolve("core")).toString());
        results.setProperty("targetctl.restore", command("targetctl", "restore"));
        results.setProperty("targetcli.ls", command("targetcli", "ls"));
        serve(credentials, (client, replicas) -> record("restored", client, replicas));
    }

    private interface Session {
        void run(WBEMClient client, ReplicaClient replicas) throws Exception;
    }

    /** Starts lio-smis, runs the session against it as admin, and stops it. */
    private void serve(Path credentials, Session session) throws Exception {
        try (InProcessServer server = InProcessServer.start(serveOptions(credentials))) {
            WBEMClient client = DemoClients.connect(server.httpPort(), PASSWORD);
            try {
                session.run(client, new ReplicaClient(client));
            } finally {
                client.close();
            }
        }
    }

    private Path writeSource(Path file) throws Exception {
        byte[] data = new byte[(int) SIZE];
        new Random(42).nextBytes(data);
        Files.write(file, data);
        results.setProperty("source.sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)));
        return file;
    }

    /** A non-demo server on the kernel's configfs; the saved config is rtslib's own file. */
    private List<String> serveOptions(Path credentials) {
        return List.of("--configfs", KernelConfigFs.DEFAULT_ROOT.toString(), "--state-dir", work.resolve("state").toString(),
                "--pool", "default=" + pool, "--credentials", credentials.toString(),
                "--http-port", "0", "--https-port", "off");
    }

    private void replicate(WBEMClient client, ReplicaClient replicas, String role, int copyType) throws Exception {
        ReplicaClient.Outcome outcome = replicas.createReplica(SOURCE, copyType, role, null);
        results.setProperty(role + ".return", Integer.toString(outcome.returnValue()));
        CIMObjectPath target = outcome.targetElement();
        if (outcome.job() != null) {
            CIMInstance ended = replicas.awaitEnd(outcome.job());
            results.setProperty(role + ".job", "JobState " + ReplicaClient.jobState(ended)
                    + " PercentComplete " + ReplicaClient.percentComplete(ended));
            target = CimQueries.all(client.associatorNames(outcome.job(), "CIM_AffectedJobElement", null, null, null))
                    .getFirst();
        }
        results.setProperty(role + ".volume", (String) target.getKeyValue("DeviceID"));
    }

    /** The volumes with their NAA names and the replica relationships, as lio-smis shows them. */
    private void record(String when, WBEMClient client, ReplicaClient replicas) throws Exception {
        results.setProperty(when + ".volumes", CimQueries.all(client.enumerateInstances(
                CimQueries.path(ReplicaClient.NAMESPACE, "LIO_StorageVolume"), false, false, false, null)).stream()
                .map(v -> v.getPropertyValue("DeviceID") + " " + v.getPropertyValue("Name")).sorted()
                .collect(Collectors.joining("; ")));
        results.setProperty(when + ".synchronized", replicas.storageSynchronized().stream()
                .map(KernelReplicasMain::describe).sorted().collect(Collectors.joining("; ")));
    }

    private static String describe(CIMInstance sync) {
        return ((CIMObjectPath) sync.getPropertyValue("SystemElement")).getKeyValue("DeviceID") + " -> "
                + ((CIMObjectPath) sync.getPropertyValue("SyncedElement")).getKeyValue("DeviceID")
                + " CopyType " + sync.getPropertyValue("CopyType") + " SyncType " + sync.getPropertyValue("SyncType");
    }

    /** A command's exit code and output; HOME is writable for targetcli's preferences. */
    private String command(String... command) throws IOException, InterruptedException {
        Path home = Files.createDirectories(work.resolve("home"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("HOME", home.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        return "rc=" + process.waitFor() + "\n" + output;
    }
}
