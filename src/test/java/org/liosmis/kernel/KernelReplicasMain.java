package org.liosmis.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.liosmis.lio.FileioSpec;
import org.liosmis.lio.LioRoot;
import org.liosmis.lio.Plugin;
import org.liosmis.lio.StorageObject;
import org.liosmis.lio.configfs.KernelConfigFs;
import org.liosmis.lio.saveconfig.SavedConfigFile;
import org.liosmis.testing.ReplicaClient;

/**
 * Replicas on a real LIO, inside the test guest: lio-smis serves the kernel's configfs, makes a
 * snapshot and a clone of a volume with known data through CIM-XML, each replica is read back
 * through tcm_loop, then rtslib's targetctl clears LIO and restores it from the config lio-smis
 * saved, and a restarted lio-smis must find the same volumes and relationships.
 * Usage: {@code KernelReplicasMain <work dir> <results file>}; see {@link ReplicasThroughKernelTest}.
 */
public final class KernelReplicasMain {

    /** Small: every byte is copied and hashed on an emulated CPU. */
    static final long SIZE = 8L << 20;
    static final String SOURCE = "fileio/source";
    static final List<String> ROLES = List.of("snapshot", "clone");

    private final GuestDriver driver;
    private final List<String> pools;
    private final Path pool;

    private KernelReplicasMain(GuestDriver driver) {
        this.driver = driver;
        this.pool = driver.work().resolve("pool");
        this.pools = List.of("--pool", "default=" + pool);
    }

    public static void main(String[] args) throws Exception {
        GuestDriver.run(args[0], args[1], "replicas on the kernel's LIO", driver -> new KernelReplicasMain(driver).run());
    }

    private void run() throws Exception {
        Files.createDirectories(pool);
        LioRoot lio = LioRoot.kernel(LioRoot.DEFAULT_LOCK_FILE, null);
        lio.createFileio(FileioSpec.of("source", writeSource(pool.resolve("source.img")), SIZE));

        driver.serve(pools, (client, replicas) -> {
            driver.replicate(replicas, SOURCE, "snapshot", ReplicaClient.SNAPSHOT, null);
            driver.replicate(replicas, SOURCE, "clone", ReplicaClient.CLONE, null);
            driver.record("before", client, replicas);
        });
        KernelConfigFs fs = new KernelConfigFs();
        for (int i = 0; i < ROLES.size(); i++) {
            String role = ROLES.get(i);
            String name = driver.get(role + ".volume").substring("fileio/".length());
            StorageObject so = lio.storageObject(Plugin.FILEIO, name).orElseThrow();
            try (LoopbackDisk disk = LoopbackDisk.export(fs, so, "50014050000a000" + (i + 1))) {
                driver.set(role + ".readback.device", disk.device().toString());
                driver.set(role + ".readback.sha256", disk.sha256(SIZE));
            }
        }

        driver.set("saveconfig", Files.readString(SavedConfigFile.DEBIAN));
        driver.set("targetctl.clear", driver.command("targetctl", "clear"));
        driver.set("cleared.core", fs.list(fs.root().resolve("core")).toString());
        driver.set("targetctl.restore", driver.command("targetctl", "restore"));
        driver.set("targetcli.ls", driver.command("targetcli", "ls"));
        driver.serve(pools, (client, replicas) -> driver.record("restored", client, replicas));
    }

    private Path writeSource(Path file) throws Exception {
        byte[] data = new byte[(int) SIZE];
        new Random(42).nextBytes(data);
        Files.write(file, data);
        driver.set("source.sha256", GuestDriver.sha256(data));
        return file;
    }
}
