package org.liosmis.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.liosmis.lio.IblockSpec;
import org.liosmis.lio.LioRoot;
import org.liosmis.lio.Plugin;
import org.liosmis.lio.StorageObject;
import org.liosmis.lio.configfs.KernelConfigFs;
import org.liosmis.testing.CimQueries;
import org.liosmis.testing.ReplicaClient;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * Block replicas on LVM in the test guest: a thin pool and a thick volume group on loop
 * devices, each with a source volume of known data exported as an iblock storage object.
 * lio-smis makes thin snapshots and clones (instant), thick copies and a copy of a thick volume
 * into the thin pool (jobs) through CIM-XML;
 * each replica is read back through tcm_loop. Then the bad inputs of the block path, a
 * ReturnToStoragePool, the thin source overwritten and restored from its thin snapshot with
 * ModifySynchronization (read back through tcm_loop), and targetctl clear/restore with a
 * restarted lio-smis.
 * Usage: {@code KernelBlockReplicasMain <work dir> <results file>}; see {@link BlockReplicasThroughKernelTest}.
 */
public final class KernelBlockReplicasMain {

    static final long SIZE = 8L << 20;
    static final String THIN_GROUP = "liothin";
    static final String THICK_GROUP = "liothick";
    static final String THIN_SOURCE = "iblock/tsrc";
    static final String THICK_SOURCE = "iblock/ksrc";
    /** What the scenario makes: thin replicas in their source's pool are instant, all others copy jobs. */
    record Replica(String role, String source, int copyType, String pool, boolean instant) {
    }

    static final List<Replica> REPLICAS = List.of(new Replica("tsnap", THIN_SOURCE, 4, null, true),
            new Replica("tclone", THIN_SOURCE, 5, null, true), new Replica("kclone", THICK_SOURCE, 5, null, false),
            new Replica("ksnap", THICK_SOURCE, 4, null, false), new Replica("kthin", THICK_SOURCE, 5, "thin", false));

    private final GuestDriver driver;
    private final List<String> pools = List.of("--lvm-pool", "thin=" + THIN_GROUP + "/pool",
            "--lvm-pool", "thick=" + THICK_GROUP);

    private KernelBlockReplicasMain(GuestDriver driver) {
        this.driver = driver;
    }

    public static void main(String[] args) throws Exception {
        GuestDriver.run(args[0], args[1], "block replicas on LVM and the kernel's LIO",
                driver -> new KernelBlockReplicasMain(driver).run());
    }

    private void run() throws Exception {
        LioRoot lio = LioRoot.kernel(LioRoot.DEFAULT_LOCK_FILE, null);
        makeVolumeGroups();
        source(lio, THIN_GROUP, "tsrc", 1);
        source(lio, THICK_GROUP, "ksrc", 2);
        // too big to copy in what the thick group has left: the copy and its source snapshot need 48 MiB
        driver.succeed("lvm", "lvcreate", "--yes", "-L", "24m", "-n", "kbig", THICK_GROUP);
        lio.createIblock(IblockSpec.of("kbig", Path.of("/dev", THICK_GROUP, "kbig")));

        driver.serve(pools, (client, replicas) -> {
            recordPools(client);
            for (Replica replica : REPLICAS) {
                driver.replicate(replicas, replica.source(), replica.role(), replica.copyType(), replica.pool());
            }
            driver.set("lvs.after.replicas", lvs());
            driver.set("kthin.data_percent", driver.succeed("lvm", "lvs", "--noheadings", "-o", "data_percent",
                    THIN_GROUP + "/kthin").strip());
            badInputs(replicas);
        });
        readBack(lio);
        driver.serve(pools, (client, replicas) -> {
            restoreThinSource(client, replicas, lio);
            driver.set("delete.tclone.return", Integer.toString(
                    replicas.returnToStoragePool(replicas.volume(driver.get("tclone.volume")))));
            driver.set("delete.tclone.lvs", lvs());
            driver.record("before", client, replicas);
        });

        KernelConfigFs fs = new KernelConfigFs();
        try (LoopbackDisk disk = LoopbackDisk.export(fs, lio.storageObject(Plugin.IBLOCK, "tsrc").orElseThrow(),
                "50014050000b0009")) {
            driver.set("restore.readback.sha256", disk.sha256(SIZE));
        }
        driver.set("targetctl.clear", driver.command("targetctl", "clear"));
        driver.set("cleared.core", fs.list(fs.root().resolve("core")).toString());
        driver.set("targetctl.restore", driver.command("targetctl", "restore"));
        driver.set("targetcli.ls", driver.command("targetcli", "ls", "/backstores/block"));
        driver.serve(pools, (client, replicas) -> driver.record("restored", client, replicas));
    }

    /** A thin pool of 128 MiB, and a thick group of 64 MiB (15 extents), each on a loop device. */
    private void makeVolumeGroups() throws Exception {
        String thinPv = driver.loopDevice("thin.img", "192M");
        String thickPv = driver.loopDevice("thick.img", "64M");
        driver.succeed("lvm", "vgcreate", THIN_GROUP, thinPv);
        driver.succeed("lvm", "vgcreate", THICK_GROUP, thickPv);
        driver.succeed("lvm", "lvcreate", "--yes", "--type", "thin-pool", "-L", "128m", "-n", "pool", THIN_GROUP);
        driver.succeed("lvm", "lvcreate", "--yes", "-V", "8m", "-T", THIN_GROUP + "/pool", "-n", "tsrc");
        driver.succeed("lvm", "lvcreate", "--yes", "-L", "8m", "-n", "ksrc", THICK_GROUP);
    }

    /**
     * Fills the source LV with random bytes, its second half with zeros (which a copy into a thin
     * pool skips), and exports it as an iblock storage object.
     */
    private void source(LioRoot lio, String group, String name, long seed) throws Exception {
        byte[] data = new byte[(int) SIZE];
        new Random(seed).nextBytes(data);
        Arrays.fill(data, (int) SIZE / 2, (int) SIZE, (byte) 0);
        Path device = Path.of("/dev", group, name);
        Files.write(device, data);
        driver.succeed("sync");
        driver.set(name + ".sha256", GuestDriver.sha256(data));
        lio.createIblock(IblockSpec.of(name, device));
    }

    /**
     * Overwrites the thin source, then restores it from its thin snapshot (taken of the data the
     * source had first) through ModifySynchronization 5, keeping its storage object.
     */
    private void restoreThinSource(WBEMClient client, ReplicaClient replicas, LioRoot lio) throws Exception {
        String serial = lio.storageObject(Plugin.IBLOCK, "tsrc").orElseThrow().unitSerial();
        byte[] other = new byte[(int) SIZE];
        Arrays.fill(other, (byte) 0x5A);
        Files.write(Path.of("/dev", THIN_GROUP, "tsrc"), other);
        driver.succeed("sync");
        driver.set("restore.overwritten.sha256", GuestDriver.sha256(other));
        CIMObjectPath synchronization = CimQueries.all(client.referenceNames(replicas.volume(THIN_SOURCE),
                "CIM_StorageSynchronized", "SystemElement")).stream()
                .filter(s -> driver.get("tsnap.volume").equals(((CIMObjectPath) s.getKeyValue("SyncedElement"))
                        .getKeyValue("DeviceID"))).findFirst().orElseThrow();
        ReplicaClient.Outcome restore = replicas.modifySynchronization(5, synchronization);
        driver.set("restore.return", Integer.toString(restore.returnValue()));
        if (restore.job() != null) {
            CIMInstance ended = replicas.awaitEnd(restore.job());
            driver.set("restore.job", "JobState " + ReplicaClient.jobState(ended)
                    + " PercentComplete " + ReplicaClient.percentComplete(ended));
        }
        driver.set("restore.serial.kept", Boolean.toString(
                serial.equals(lio.storageObject(Plugin.IBLOCK, "tsrc").orElseThrow().unitSerial())));
        driver.set("restore.lvs", lvs());
    }

    /** What lio-smis says of the LVM pools beside what LVM says. */
    private void recordPools(WBEMClient client) throws Exception {
        for (CIMInstance pool : CimQueries.all(client.enumerateInstances(
                CimQueries.path(ReplicaClient.NAMESPACE, "LIO_StoragePool"), false, false, false, null))) {
            driver.set("pool." + pool.getPropertyValue("PoolID"), "total " + pool.getPropertyValue("TotalManagedSpace")
                    + " free " + pool.getPropertyValue("RemainingManagedSpace"));
        }
        driver.set("lvm.thin", driver.succeed("lvm", "lvs", "--noheadings", "--nosuffix", "--units", "b",
                "-o", "lv_size", THIN_GROUP + "/pool").strip());
        driver.set("lvm.thick", driver.succeed("lvm", "vgs", "--noheadings", "--nosuffix", "--units", "b",
                "-o", "vg_size,vg_free", THICK_GROUP).strip().replaceAll("\\s+", " "));
    }

    /** Each refused request must leave LVM's volumes and LIO's storage objects as they were. */
    private void badInputs(ReplicaClient replicas) throws Exception {
        String before = lvs();
        refused(replicas, "nospace", "iblock/kbig", 5, "kbigclone");

        driver.succeed("lvm", "lvcreate", "--yes", "-V", "8m", "-T", THIN_GROUP + "/pool", "-n", "clash");
        String withClash = lvs();
        refused(replicas, "clash", THIN_SOURCE, 4, "clash");
        driver.set("bad.clash.lvs.unchanged", Boolean.toString(withClash.equals(lvs())));
        driver.succeed("lvm", "lvremove", "--yes", THIN_GROUP + "/clash");

        // an administrator's LVM command holds the thin pool's volume group throughout the request
        driver.succeed("lvm", "vgs", THIN_GROUP);
        Process holder = new ProcessBuilder("flock", "--exclusive", "/run/lock/lvm/V_" + THIN_GROUP, "sleep", "60")
                .redirectErrorStream(true).start();
        try {
            awaitLockHeld();
            long start = System.nanoTime();
            refused(replicas, "locked", THIN_SOURCE, 4, "locked");
            driver.set("bad.locked.seconds", Long.toString(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)));
        } finally {
            holder.destroyForcibly().waitFor();
        }
        driver.set("bad.lvs.unchanged", Boolean.toString(before.equals(lvs())));
    }

    private void refused(ReplicaClient replicas, String what, String source, int copyType, String elementName)
            throws Exception {
        driver.set("bad." + what + ".return",
                Integer.toString(replicas.createReplica(source, copyType, elementName, null).returnValue()));
        driver.set("bad." + what + ".storageObject", Boolean.toString(
                LioRoot.kernel(LioRoot.DEFAULT_LOCK_FILE, null).storageObject(Plugin.IBLOCK, elementName).isPresent()));
    }

    private void awaitLockHeld() throws Exception {
        for (int i = 0; i < 100; i++) {
            if (!driver.command("flock", "--nonblock", "/run/lock/lvm/V_" + THIN_GROUP, "true").startsWith("rc=0")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("flock never took the volume group's lock");
    }

    private void readBack(LioRoot lio) throws Exception {
        KernelConfigFs fs = new KernelConfigFs();
        for (int i = 0; i < REPLICAS.size(); i++) {
            String role = REPLICAS.get(i).role();
            String name = driver.get(role + ".volume").substring("iblock/".length());
            StorageObject so = lio.storageObject(Plugin.IBLOCK, name).orElseThrow();
            try (LoopbackDisk disk = LoopbackDisk.export(fs, so, "50014050000b000" + (i + 1))) {
                driver.set(role + ".readback.sha256", disk.sha256(SIZE));
            }
        }
    }

    /** Every logical volume of both groups, hidden ones included, with its origin. */
    private String lvs() throws IOException, InterruptedException {
        return driver.succeed("lvm", "lvs", "-a", "--noheadings", "--separator", "|", "-o", "vg_name,lv_name,origin",
                THIN_GROUP, THICK_GROUP).lines().map(String::strip).sorted().reduce((a, b) -> a + "; " + b).orElse("");
    }
}
