package org.liosmis.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.liosmis.lio.IblockSpec;
import org.liosmis.lio.LioRoot;
import org.liosmis.lio.Plugin;
import org.liosmis.lio.StorageObject;
import org.liosmis.lio.configfs.KernelConfigFs;
import org.liosmis.testing.CimQueries;
import org.liosmis.testing.ReplicaClient;
import org.liosmis.testing.TestFiles;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * Async mirrors of block volumes in the test guest, through CIM-XML: a thin source whose cycles
 * ship the chunks thin_delta finds changed between two thin snapshots, and a thick source whose
 * cycles compare blocks with the target. After each of several cycles, with writes between
 * them, the target holds the bytes of the cycle's snapshot; then a fracture exports the target
 * read-only (read back through tcm_loop), a detach makes it a volume of its own, and the
 * refusals. Usage: {@code KernelAsyncMirrorMain <work dir> <results file>}; see
 * {@link AsyncMirrorThroughKernelTest}.
 */
public final class KernelAsyncMirrorMain {

    static final long SIZE = 32L << 20;
    static final int WRITE = 64 << 10;
    static final int CYCLES = 3;
    static final int WRITES_PER_CYCLE = 3;
    static final String THIN_GROUP = "lioasync";
    static final String THICK_GROUP = "lioasynck";
    private static final int ASYNC = 2;
    private static final int SYNC = 3;
    private static final int DETACH = 2;
    private static final int FRACTURE = 3;
    private static final int RESYNC = 4;

    private final GuestDriver driver;
    private final List<String> pools = List.of("--lvm-pool", "thin=" + THIN_GROUP + "/pool",
            "--lvm-pool", "thick=" + THICK_GROUP, "--mirror-cycle", "3600");

    private KernelAsyncMirrorMain(GuestDriver driver) {
        this.driver = driver;
    }

    public static void main(String[] args) throws Exception {
        GuestDriver.run(args[0], args[1], "async mirrors on LVM and the kernel's LIO",
                driver -> new KernelAsyncMirrorMain(driver).run());
    }

    private void run() throws Exception {
        LioRoot lio = LioRoot.kernel(LioRoot.DEFAULT_LOCK_FILE, null);
        driver.succeed("lvm", "vgcreate", THIN_GROUP, driver.loopDevice("thin.img", "256M"));
        driver.succeed("lvm", "vgcreate", THICK_GROUP, driver.loopDevice("thick.img", "160M"));
        driver.succeed("lvm", "lvcreate", "--yes", "--type", "thin-pool", "-L", "192m", "--chunksize", "64k",
                "-n", "pool", THIN_GROUP);
        driver.succeed("lvm", "lvcreate", "--yes", "-V", "32m", "-T", THIN_GROUP + "/pool", "-n", "tsrc");
        driver.succeed("lvm", "lvcreate", "--yes", "-L", "32m", "-n", "ksrc", THICK_GROUP);
        fill(device(THIN_GROUP, "tsrc"), 1);
        fill(device(THICK_GROUP, "ksrc"), 2);
        lio.createIblock(IblockSpec.of("tsrc", device(THIN_GROUP, "tsrc")));
        lio.createIblock(IblockSpec.of("ksrc", device(THICK_GROUP, "ksrc")));

        driver.serve(pools, (client, replicas) -> {
            mirror(client, replicas, "tmir", "iblock/tsrc", "thin", THIN_GROUP);
            mirror(client, replicas, "kmir", "iblock/ksrc", "thick", THICK_GROUP);
            driver.set("bad.sync.thin.return", Integer.toString(
                    replicas.createReplica("iblock/tsrc", SYNC, "tsync", "thin").returnValue()));
            fractureAndDetach(client, replicas, lio);
            driver.set("lvs.end", driver.succeed("lvm", "lvs", "-a", "--noheadings", "-o", "lv_name", THIN_GROUP,
                    THICK_GROUP).lines().map(String::strip).sorted().toList().toString());
        });
    }

    /** An async mirror of {@code source} in {@code pool}, then cycles with writes between them. */
    private void mirror(WBEMClient client, ReplicaClient replicas, String role, String source, String pool,
                        String group) throws Exception {
        ReplicaClient.Outcome made = replicas.createReplica(source, ASYNC, role, pool);
        driver.set(role + ".return", Integer.toString(made.returnValue()));
        driver.set(role + ".target", String.valueOf(made.targetElement() == null ? null
                : made.targetElement().getKeyValue("DeviceID")));
        driver.set(role + ".storageObject.while.kept", Boolean.toString(
                LioRoot.kernel(LioRoot.DEFAULT_LOCK_FILE, null).storageObject(Plugin.IBLOCK, role).isPresent()));
        driver.set(role + ".first.job", describe(replicas.awaitEnd(made.job())));
        String sourceGroup = source.equals("iblock/tsrc") ? THIN_GROUP : THICK_GROUP;
        String sourceName = source.substring("iblock/".length());
        Random random = new Random(role.hashCode());
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            for (int i = 0; i < WRITES_PER_CYCLE; i++) {
                long offset = (long) random.nextInt((int) (SIZE / 4096) - 16) * 4096;
                TestFiles.writeRandom(device(sourceGroup, sourceName), offset, WRITE, random);
            }
            String atCyclePoint = sha256(device(sourceGroup, sourceName));
            ReplicaClient.Outcome resync = replicas.modifySynchronization(RESYNC, synchronization(replicas, role));
            driver.set(role + ".cycle" + cycle + ".return", Integer.toString(resync.returnValue()));
            driver.set(role + ".cycle" + cycle + ".job", describe(replicas.awaitEnd(resync.job())));
            driver.set(role + ".cycle" + cycle + ".source.sha256", atCyclePoint);
            driver.set(role + ".cycle" + cycle + ".target.sha256", sha256(device(group, role)));
            if (sourceGroup.equals(THIN_GROUP)) {
                driver.set(role + ".cycle" + cycle + ".base.sha256", sha256(device(sourceGroup, role + ".lio-smis-base")));
            }
            CIMInstance sync = sync(replicas, role);
            driver.set(role + ".cycle" + cycle + ".shipped", String.valueOf(sync.getPropertyValue("LastCycleBytes")));
            driver.set(role + ".cycle" + cycle + ".state", "CopyType " + sync.getPropertyValue("CopyType")
                    + " SyncState " + sync.getPropertyValue("SyncState") + " CopyState "
                    + sync.getPropertyValue("CopyState") + " Mode " + sync.getPropertyValue("Mode") + " SyncType "
                    + sync.getPropertyValue("SyncType") + " PercentSynced " + sync.getPropertyValue("PercentSynced"));
        }
        driver.set(role + ".volume.status", String.valueOf(CimQueries.all(client.enumerateInstances(
                CimQueries.path(ReplicaClient.NAMESPACE, "LIO_StorageVolume"), false, false, false, null)).stream()
                .filter(v -> ("iblock/" + role).equals(v.getPropertyValue("DeviceID")))
                .map(v -> "OperationalStatus " + ReplicaClient.operationalStatus(v)
                        + " Access " + v.getPropertyValue("Access")).findFirst().orElse("none")));
    }

    /** The thin mirror fractured (its target read through tcm_loop, read-only), resynced, then detached. */
    private void fractureAndDetach(WBEMClient client, ReplicaClient replicas, LioRoot lio) throws Exception {
        String expected = sha256(device(THIN_GROUP, "tmir"));
        driver.set("fracture.return", Integer.toString(replicas.modifySynchronization(FRACTURE,
                synchronization(replicas, "tmir")).returnValue()));
        driver.set("fracture.state", "SyncState " + sync(replicas, "tmir").getPropertyValue("SyncState")
                + " CopyState " + sync(replicas, "tmir").getPropertyValue("CopyState"));
        StorageObject so = lio.storageObject(Plugin.IBLOCK, "tmir").orElseThrow();
        KernelConfigFs fs = new KernelConfigFs();
        try (LoopbackDisk disk = LoopbackDisk.export(fs, so, "50014050000c0001")) {
            driver.set("fracture.readback.sha256", disk.sha256(SIZE));
            driver.set("fracture.write", driver.command("dd", "if=/dev/zero", "of=" + disk.device(), "bs=4096",
                    "count=1", "oflag=direct").lines().findFirst().orElse(""));
        }
        driver.set("fracture.expected.sha256", expected);
        ReplicaClient.Outcome resync = replicas.modifySynchronization(RESYNC, synchronization(replicas, "tmir"));
        driver.set("refracture.resync.job", describe(replicas.awaitEnd(resync.job())));
        driver.set("refracture.storageObject", Boolean.toString(lio.storageObject(Plugin.IBLOCK, "tmir").isPresent()));
        String naa = (String) CimQueries.all(client.enumerateInstances(CimQueries.path(ReplicaClient.NAMESPACE,
                "LIO_StorageVolume"), false, false, false, null)).stream()
                .filter(v -> "iblock/tmir".equals(v.getPropertyValue("DeviceID"))).findFirst().orElseThrow()
                .getPropertyValue("Name");
        driver.set("detach.return", Integer.toString(replicas.modifySynchronization(DETACH,
                synchronization(replicas, "tmir")).returnValue()));
        StorageObject detached = lio.storageObject(Plugin.IBLOCK, "tmir").orElseThrow();
        driver.set("detach.naa.kept", Boolean.toString(naa != null && naa.equalsIgnoreCase(detached.naaId().orElse(""))));
        driver.set("detach.synchronized", replicas.storageSynchronized().stream()
                .map(s -> String.valueOf(((CIMObjectPath) s.getPropertyValue("SyncedElement")).getKeyValue("DeviceID")))
                .sorted().toList().toString());
        driver.set("delete.kmir.return", Integer.toString(replicas.returnToStoragePool(replicas.volume("iblock/kmir"))));
    }

    private CIMInstance sync(ReplicaClient replicas, String role) throws Exception {
        return replicas.storageSynchronized().stream().filter(s -> ("iblock/" + role).equals(
                ((CIMObjectPath) s.getPropertyValue("SyncedElement")).getKeyValue("DeviceID"))).findFirst().orElseThrow();
    }

    private CIMObjectPath synchronization(ReplicaClient replicas, String role) throws Exception {
        return sync(replicas, role).getObjectPath();
    }

    private static String describe(CIMInstance job) {
        return "JobState " + ReplicaClient.jobState(job) + " PercentComplete " + ReplicaClient.percentComplete(job);
    }

    private static Path device(String group, String name) {
        return Path.of("/dev", group, name);
    }

    /** Random bytes over the whole volume. */
    private void fill(Path device, long seed) throws Exception {
        byte[] data = new byte[(int) SIZE];
        new Random(seed).nextBytes(data);
        Files.write(device, data);
        driver.succeed("sync");
    }


    private static String sha256(Path device) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 20];
        try (var in = Files.newInputStream(device)) {
            long left = SIZE;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    break;
                }
                digest.update(buffer, 0, n);
                left -= n;
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
