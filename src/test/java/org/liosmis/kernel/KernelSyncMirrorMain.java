package org.liosmis.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.liosmis.lio.IblockSpec;
import org.liosmis.lio.LioRoot;
import org.liosmis.lio.Plugin;
import org.liosmis.lio.StorageObject;
import org.liosmis.lio.configfs.KernelConfigFs;
import org.liosmis.lvm.LvNames;
import org.liosmis.testing.ReplicaClient;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;

/**
 * Sync mirrors (CopyType 3) through CIM-XML against the test guest's LIO and LVM: a linear
 * volume of random data, exported as an iblock storage object and written by an initiator
 * through tcm_loop, gains its mirror while the writes go on; the relationship and the job are
 * followed through the synchronisation. The mirror is fractured (its target read back through
 * tcm_loop, read-only), 1 MiB of the source changed and the mirror resynced (timed against the
 * first full sync), split, and detached into a volume of its own. Then refusals, and lio-smis
 * killed (SIGKILL) while a second mirror synchronises, started again, following it to its end.
 * Usage: {@code KernelSyncMirrorMain <work dir> <results file>}; see {@link SyncMirrorThroughKernelTest}.
 */
public final class KernelSyncMirrorMain {

    static final String GROUP = "liosync";
    static final String SOURCE = "ssrc";
    static final String SOURCE_ID = "iblock/" + SOURCE;
    /** The mirror's ElementName, and its logical volume's name once detached. */
    static final String MIRROR = "smirror";
    /** The mirror made by the lio-smis that is killed. */
    static final String KILLED = "kmirror";
    static final String THIN_GROUP = "liosthin";
    static final String ONE_GROUP = "liosone";
    static final long SIZE = 32L << 20;
    /** The change made while the mirror is fractured: 1 MiB at 10 MiB, inside one of raid1's 2 MiB regions. */
    static final long CHANGE_OFFSET = 10L << 20;
    static final int CHANGE_SIZE = 1 << 20;
    /** md's resync rate: 32 MiB take 16 s, long enough to watch, and a 2 MiB region 1 s. */
    static final int RESYNC_KIB_PER_SECOND = 2048;
    /** md's resync rate while lio-smis is killed and started again: 32 MiB take 32 s. */
    static final int KILL_RESYNC_KIB_PER_SECOND = 1024;
    /** Between the initiator's writes: unpaced, they take the guest's CPUs from lio-smis and LVM. */
    static final long WRITE_PAUSE_MILLIS = 10;
    static final int SYNC_MIRROR = 3;
    static final int RUNNING = 4;

    private static final long TIMEOUT_NANOS = 240_000_000_000L;

    private final GuestDriver driver;
    private final LioRoot lio = LioRoot.kernel(LioRoot.DEFAULT_LOCK_FILE, null);
    private final KernelConfigFs fs = new KernelConfigFs();
    private final List<String> pools = List.of("--lvm-pool", "mirror=" + GROUP,
            "--lvm-pool", "thin=" + THIN_GROUP + "/pool", "--lvm-pool", "one=" + ONE_GROUP);
    /** What the source holds, as its writes left it. */
    private final byte[] expected = new byte[(int) SIZE];

    private KernelSyncMirrorMain(GuestDriver driver) {
        this.driver = driver;
    }

    public static void main(String[] args) throws Exception {
        GuestDriver.run(args[0], args[1], "sync mirrors through CIM-XML on LVM and the kernel's LIO",
                driver -> new KernelSyncMirrorMain(driver).run());
    }

    private void run() throws Exception {
        driver.capRaidResync(RESYNC_KIB_PER_SECOND);
        makeVolumeGroups();
        StorageObject source = lio.createIblock(IblockSpec.of(SOURCE, LvNames.device(GROUP, SOURCE)));
        lio.createIblock(IblockSpec.of("tsrc", LvNames.device(THIN_GROUP, "tsrc")));
        lio.createIblock(IblockSpec.of("olv", LvNames.device(ONE_GROUP, "olv")));
        storageObject("before", SOURCE);

        driver.serve(pools, (client, replicas) -> {
            try (LoopbackDisk disk = LoopbackDisk.export(fs, source, "50014050000d0001")) {
                String target = mirrorWhileWritten(replicas, disk.device());
                fracture(replicas, target, disk.device());
                resyncAndSplit(replicas, target, disk.device());
                detach(replicas, target, disk.device());
            }
            driver.set("bad.thin.return", Integer.toString(
                    replicas.createReplica("iblock/tsrc", SYNC_MIRROR, "tmirror", null).returnValue()));
            driver.set("bad.onepv.return", Integer.toString(
                    replicas.createReplica("iblock/olv", SYNC_MIRROR, "omirror", null).returnValue()));
            driver.set("bad.onepv.lvs", lvs(ONE_GROUP));
            driver.set("bad.onepv.volumes", replicas.volumeIds().toString());
        });
        killDuringSync();
    }

    /** A group of two physical volumes with the source on the first; a thin pool; a group of one physical volume. */
    private void makeVolumeGroups() throws Exception {
        String first = driver.loopDevice("sync0.img", "96M");
        driver.succeed("lvm", "vgcreate", GROUP, first, driver.loopDevice("sync1.img", "96M"));
        driver.succeed("lvm", "lvcreate", "--yes", "-L", "32m", "-n", SOURCE, GROUP, first);
        new Random(5).nextBytes(expected);
        Files.write(LvNames.device(GROUP, SOURCE), expected);
        driver.succeed("lvm", "vgcreate", THIN_GROUP, driver.loopDevice("thin.img", "64M"));
        driver.succeed("lvm", "lvcreate", "--yes", "--type", "thin-pool", "-L", "32m", "-n", "pool", THIN_GROUP);
        driver.succeed("lvm", "lvcreate", "--yes", "-V", "16m", "-T", THIN_GROUP + "/pool", "-n", "tsrc");
        driver.succeed("lvm", "vgcreate", ONE_GROUP, driver.loopDevice("one.img", "128M"));
        driver.succeed("lvm", "lvcreate", "--yes", "-L", "32m", "-n", "olv", ONE_GROUP);
        driver.succeed("sync");
    }

    // ---- 1: the mirror made under an initiator's writes

    /** CreateReplica CopyType 3 while the initiator writes; the relationship and job followed to the end. */
    private String mirrorWhileWritten(ReplicaClient replicas, Path disk) throws Exception {
        InitiatorWriter writer = new InitiatorWriter(disk, expected, WRITE_PAUSE_MILLIS);
        String target;
        try {
            Thread.sleep(1000);
            long before = writer.writes();
            long start = System.nanoTime();
            ReplicaClient.Outcome made = replicas.createReplica(SOURCE_ID, SYNC_MIRROR, MIRROR, null);
            driver.set("create.return", Integer.toString(made.returnValue()));
            driver.set("create.seconds", seconds(start));
            target = (String) made.targetElement().getKeyValue("DeviceID");
            driver.set("create.target", target);
            driver.set("create.job", Boolean.toString(made.job() != null));
            follow(replicas, target, made.job(), "initial", true);
            driver.set("initial.seconds", seconds(start));
            driver.set("initial.writes", Long.toString(writer.writes() - before));
            driver.set("initial.segtype", segtype(SOURCE));
        } finally {
            writer.close();
        }
        driver.set("writer.writes", Long.toString(writer.writes()));
        driver.set("writer.failure", writer.failure());
        storageObject("after", SOURCE);
        return target;
    }

    /**
     * Polls the relationship and the job until the job ends, recording each new state seen
     * ("PREFIX.samples"), the first one under way with the target volume then ("PREFIX.syncing.*"),
     * the job's end ("PREFIX.job.*") and the relationship after ("PREFIX.done.*"). With
     * {@code tryFracture}, a fracture is asked for once while it synchronises ("bad.fracture.syncing.return").
     */
    private void follow(ReplicaClient replicas, String target, CIMObjectPath job, String prefix, boolean tryFracture)
            throws Exception {
        long start = System.nanoTime();
        List<String> samples = new ArrayList<>();
        boolean seen = false;
        while (true) {
            CIMInstance state = replicas.job(job);
            Optional<CIMInstance> sync = replicas.synchronizationOf(target);
            String sample = sync.map(KernelSyncMirrorMain::syncState).orElse("no relationship") + " | "
                    + jobState(state);
            if (samples.isEmpty() || !samples.getLast().endsWith(sample)) {
                samples.add(seconds(start) + "s " + sample);
            }
            if (ReplicaClient.jobState(state) >= ReplicaClient.COMPLETED) {
                recordJob(prefix + ".job", state);
                break;
            }
            int percent = sync.map(s -> number(s, "PercentSynced")).orElse(-1);
            if (!seen && percent > 0 && percent < 100) {
                seen = true;
                recordSync(prefix + ".syncing", sync.get());
                recordJob(prefix + ".syncing.job", state);
                recordVolume(prefix + ".syncing.target", replicas.volumeInstance(target));
                driver.set(prefix + ".syncing.target.storageObject", Boolean.toString(
                        lio.storageObject(Plugin.IBLOCK, nameOf(target)).isPresent()));
                if (tryFracture) {
                    driver.set("bad.fracture.syncing.return", Integer.toString(
                            replicas.modifySynchronization(3, sync.get().getObjectPath()).returnValue()));
                }
            }
            if (System.nanoTime() - start > TIMEOUT_NANOS) {
                throw new IllegalStateException(prefix + ": the job did not end within 240 s: " + samples);
            }
            Thread.sleep(500);
        }
        driver.set(prefix + ".samples", String.join("; ", samples));
        recordSync(prefix + ".done", replicas.synchronizationOf(target).orElseThrow());
    }

    // ---- 2: fractured, the target read through tcm_loop

    private void fracture(ReplicaClient replicas, String target, Path disk) throws Exception {
        driver.set("fracture.return", Integer.toString(
                replicas.modifySynchronization(3, synchronization(replicas, target)).returnValue()));
        recordSync("fracture", replicas.synchronizationOf(target).orElseThrow());
        recordVolume("fracture.target", replicas.volumeInstance(target));
        driver.set("fracture.lvs", lvs(GROUP));
        driver.set("expected.sha256", GuestDriver.sha256(expected));
        driver.set("fracture.source.sha256", driver.directSha256(disk, SIZE));
        storageObject("fracture.target", nameOf(target));
        try (LoopbackDisk copy = LoopbackDisk.export(fs, targetObject(target), "50014050000d0002")) {
            driver.set("fracture.target.sha256", driver.directSha256(copy.device(), SIZE));
            driver.set("fracture.target.write", firstLine(driver.command("dd", "if=/dev/zero",
                    "of=" + copy.device(), "bs=4096", "count=1", "oflag=direct", "conv=notrunc")));
            driver.set("fracture.target.written.sha256", driver.directSha256(copy.device(), SIZE));
        }
    }

    // ---- 3: 1 MiB changed, resynced, split

    private void resyncAndSplit(ReplicaClient replicas, String target, Path disk) throws Exception {
        byte[] change = new byte[CHANGE_SIZE];
        new Random(6).nextBytes(change);
        InitiatorWriter.write(disk, change, CHANGE_OFFSET);
        System.arraycopy(change, 0, expected, (int) CHANGE_OFFSET, CHANGE_SIZE);
        driver.set("changed.sha256", GuestDriver.sha256(expected));

        long start = System.nanoTime();
        ReplicaClient.Outcome resync = replicas.modifySynchronization(4, synchronization(replicas, target));
        driver.set("resync.return", Integer.toString(resync.returnValue()));
        driver.set("resync.call.seconds", seconds(start));
        driver.set("resync.job", Boolean.toString(resync.job() != null));
        driver.set("resync.target.storageObject", Boolean.toString(
                lio.storageObject(Plugin.IBLOCK, nameOf(target)).isPresent()));
        follow(replicas, target, resync.job(), "resync", false);
        driver.set("resync.seconds", seconds(start));

        driver.set("split.return", Integer.toString(
                replicas.modifyReplicaSynchronization(21, synchronization(replicas, target)).returnValue()));
        recordSync("split", replicas.synchronizationOf(target).orElseThrow());
        recordVolume("split.target", replicas.volumeInstance(target));
        driver.set("split.source.sha256", driver.directSha256(disk, SIZE));
        try (LoopbackDisk copy = LoopbackDisk.export(fs, targetObject(target), "50014050000d0003")) {
            driver.set("split.target.sha256", driver.directSha256(copy.device(), SIZE));
        }
    }

    // ---- 4: detached

    /**
     * LVM splits no leg split off with change tracking for good: a detach of the split mirror is
     * refused; resynchronised again (ModifyReplicaSynchronization 14), it is detached.
     */
    private void detach(ReplicaClient replicas, String target, Path disk) throws Exception {
        driver.set("bad.detachFractured.return", Integer.toString(
                replicas.modifySynchronization(2, synchronization(replicas, target)).returnValue()));
        ReplicaClient.Outcome resync = replicas.modifyReplicaSynchronization(14, synchronization(replicas, target));
        driver.set("resync2.return", Integer.toString(resync.returnValue()));
        follow(replicas, target, resync.job(), "resync2", false);
        driver.set("detach.return", Integer.toString(
                replicas.modifySynchronization(2, synchronization(replicas, target)).returnValue()));
        driver.set("detach.synchronized", Integer.toString(replicas.storageSynchronized().size()));
        recordVolume("detach.target", replicas.volumeInstance(target));
        driver.set("detach.lvs", lvs(GROUP));
        driver.set("detach.source.segtype", segtype(SOURCE));
        storageObject("detach.target", nameOf(target));
        driver.set("detach.source.sha256", driver.directSha256(disk, SIZE));
        try (LoopbackDisk copy = LoopbackDisk.export(fs, targetObject(target), "50014050000d0004")) {
            driver.set("detach.target.sha256", driver.directSha256(copy.device(), SIZE));
            driver.set("detach.target.write", firstLine(driver.command("dd", "if=/dev/zero",
                    "of=" + copy.device(), "bs=4096", "count=1", "oflag=direct", "conv=notrunc")));
        }
    }

    // ---- 6: lio-smis killed while a mirror synchronises

    private void killDuringSync() throws Exception {
        // slower, so that the sync outlasts lio-smis' restart
        driver.capRaidResync(KILL_RESYNC_KIB_PER_SECOND);
        CIMObjectPath job;
        String target;
        long starting = System.nanoTime();
        try (GuestDriver.ServedProcess served = driver.serveProcess(pools, "serve-killed.log")) {
            driver.set("kill.start.seconds", seconds(starting));
            ReplicaClient replicas = served.replicas();
            ReplicaClient.Outcome made = replicas.createReplica(SOURCE_ID, SYNC_MIRROR, KILLED, null);
            driver.set("kill.create.return", Integer.toString(made.returnValue()));
            job = made.job();
            target = (String) made.targetElement().getKeyValue("DeviceID");
            long deadline = System.nanoTime() + TIMEOUT_NANOS;
            Optional<CIMInstance> sync = replicas.synchronizationOf(target);
            while (sync.map(s -> number(s, "PercentSynced")).orElse(0) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
                sync = replicas.synchronizationOf(target);
            }
            recordSync("kill.before", sync.orElseThrow());
            recordJob("kill.before.job", replicas.job(job));
            served.kill();
            driver.set("kill.serve.log", Files.readAllLines(served.log()).stream().filter(l -> l.contains("mirror"))
                    .reduce((a, b) -> a + " // " + b).orElse(""));
        }
        driver.set("kill.after.lvs", driver.succeed("lvm", "lvs", "--noheadings", "--separator", "|", "-o",
                "segtype,sync_percent,raid_sync_action", GROUP + "/" + SOURCE).strip());
        long start = System.nanoTime();
        driver.serve(pools, (client, replicas) -> {
            driver.set("restart.seconds", seconds(start));
            recordJob("restart.first.job", replicas.job(job));
            recordSync("restart.first", replicas.synchronizationOf(target).orElseThrow());
            recordJob("restart.job", replicas.awaitJob(job, j -> ReplicaClient.jobState(j) >= ReplicaClient.COMPLETED,
                    java.time.Duration.ofMinutes(4)));
            driver.set("restart.job.description", String.valueOf(replicas.job(job).getPropertyValue("ErrorDescription")));
            CIMInstance sync = replicas.synchronizationOf(target).orElseThrow();
            recordSync("restart.done", sync);
            driver.set("restart.done.description", String.valueOf(sync.getPropertyValue("StatusDescription")));

            driver.set("bad.deleteSource.return", Integer.toString(
                    replicas.returnToStoragePool(replicas.volume(SOURCE_ID))));
            // a fractured target: its leg is split off with change tracking when it is deleted
            driver.set("kill.fracture.return", Integer.toString(
                    replicas.modifySynchronization(3, sync.getObjectPath()).returnValue()));
            driver.set("deleteTarget.before.lvs", lvs(GROUP));
            driver.set("bad.deleteTarget.return", Integer.toString(
                    replicas.returnToStoragePool(replicas.volume(target))));
            driver.set("deleteTarget.lvs", lvs(GROUP));
            driver.set("deleteTarget.source.segtype", segtype(SOURCE));
            driver.set("deleteTarget.volumes", replicas.volumeIds().toString());
            driver.set("deleteTarget.synchronized", Integer.toString(replicas.storageSynchronized().size()));
            driver.set("deleteTarget.storageObject", Boolean.toString(
                    lio.storageObject(Plugin.IBLOCK, nameOf(target)).isPresent()));
            driver.set("bad.resyncDeleted.return", Integer.toString(
                    replicas.modifySynchronization(4, sync.getObjectPath()).returnValue()));
        });
    }

    // ---- plumbing

    private static CIMObjectPath synchronization(ReplicaClient replicas, String target) throws Exception {
        return replicas.synchronizationOf(target).orElseThrow(() -> new IllegalStateException(
                "no relationship of " + target)).getObjectPath();
    }

    private StorageObject targetObject(String target) throws Exception {
        return lio.storageObject(Plugin.IBLOCK, nameOf(target)).orElseThrow(() -> new IllegalStateException(
                target + " has no storage object"));
    }

    /**
     * What the storage object opened (info from "iBlock device" on, spaces squeezed: the device,
     * its udev path, read-only or not, its numbers) and its NAA id, as "PREFIX.info" and "PREFIX.naa".
     */
    private void storageObject(String prefix, String name) throws Exception {
        Optional<StorageObject> so = lio.storageObject(Plugin.IBLOCK, name);
        driver.set(prefix + ".info", so.isEmpty() ? "none" : Files.readString(so.get().path().resolve("info"))
                .replaceAll("\\s+", " ").replaceFirst("^.*(iBlock device:)", "$1").strip());
        driver.set(prefix + ".naa", so.flatMap(StorageObject::naaId).orElse("none"));
    }

    private void recordSync(String prefix, CIMInstance sync) {
        for (String property : List.of("SyncState", "CopyState", "PercentSynced", "ProgressStatus")) {
            driver.set(prefix + "." + property, String.valueOf(sync.getPropertyValue(property)));
        }
    }

    private void recordJob(String prefix, CIMInstance job) {
        driver.set(prefix + ".JobState", Integer.toString(ReplicaClient.jobState(job)));
        driver.set(prefix + ".PercentComplete", Integer.toString(ReplicaClient.percentComplete(job)));
    }

    private void recordVolume(String prefix, CIMInstance volume) {
        driver.set(prefix + ".Access", String.valueOf(volume.getPropertyValue("Access")));
        driver.set(prefix + ".OperationalStatus", ReplicaClient.operationalStatus(volume).toString());
        driver.set(prefix + ".EnabledState", String.valueOf(volume.getPropertyValue("EnabledState")));
        driver.set(prefix + ".Name", String.valueOf(volume.getPropertyValue("Name")));
    }

    private static String syncState(CIMInstance sync) {
        return "SyncState " + sync.getPropertyValue("SyncState") + " CopyState " + sync.getPropertyValue("CopyState")
                + " PercentSynced " + sync.getPropertyValue("PercentSynced");
    }

    private static String jobState(CIMInstance job) {
        return "JobState " + ReplicaClient.jobState(job) + " PercentComplete " + ReplicaClient.percentComplete(job);
    }

    private static int number(CIMInstance instance, String property) {
        return ((UnsignedInteger16) instance.getPropertyValue(property)).intValue();
    }

    private static String nameOf(String volumeId) {
        return volumeId.substring(volumeId.indexOf('/') + 1);
    }

    /** The volume's segment type, as lvs shows it. */
    private String segtype(String lv) throws IOException, InterruptedException {
        return driver.succeed("lvm", "lvs", "--noheadings", "-o", "segtype", GROUP + "/" + lv).strip();
    }

    /** Every logical volume of the group, hidden ones included: name, segment type, attributes. */
    private String lvs(String group) throws IOException, InterruptedException {
        return driver.succeed("lvm", "lvs", "-a", "--noheadings", "--separator", " ", "-o", "lv_name,segtype,lv_attr",
                group).lines().map(String::strip).sorted().reduce((a, b) -> a + "; " + b).orElse("");
    }

    private static String firstLine(String output) {
        return Arrays.stream(output.split("\n")).limit(2).reduce((a, b) -> a + " " + b).orElse("");
    }

    private static String seconds(long startNanos) {
        return String.format(Locale.ROOT, "%.2f", (System.nanoTime() - startNanos) / 1e9);
    }
}
