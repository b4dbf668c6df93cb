package org.liosmis.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.datapath.FileReplicator;
import org.liosmis.lio.Plugin;
import org.liosmis.lvm.Lvm;
import org.liosmis.testing.RestoredData;

/** Detach, restore and resync on ext4 (no reflink): restore and resync are copy jobs in place. */
class RelationshipChangesTest {

    @TempDir
    Path dir;
    private EngineFixture fx;
    private String source;
    private Path sourceFile;
    private String snapshot;

    @BeforeEach
    void start() throws Exception {
        fx = new EngineFixture(dir);
        source = fx.volume("src", 16 * EngineFixture.MIB);
        sourceFile = fx.pool.resolve("src.img");
        snapshot = fx.replica(source, ReplicaKind.SNAPSHOT, "snap");
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void restoreWritesTheSnapshotsBytesBackOverTheSourceInPlace() throws Exception {
        String pattern = EngineFixture.sha256(sourceFile);
        String serial = unitSerial("src");
        Object inode = RestoredData.inode(sourceFile);
        RestoredData.overwrite(sourceFile);
        assertNotEquals(pattern, EngineFixture.sha256(sourceFile));

        CreateReplicaResult restore = fx.engine.restore(snapshot);
        assertEquals(source, restore.targetId());
        Job job = fx.awaitEnd(restore.jobId());
        assertEquals(Job.State.COMPLETED, job.state(), job.errorDescription());
        assertEquals(snapshot, job.sourceId());
        assertEquals(source, job.targetId());

        assertEquals(pattern, EngineFixture.sha256(sourceFile));
        assertEquals(inode, RestoredData.inode(sourceFile), "the file LIO holds open is the one written");
        assertEquals(serial, unitSerial("src"), "the source keeps its NAA identity");
        Replica relationship = fx.engine.replicaOf(snapshot).orElseThrow();
        assertEquals(Replica.State.ESTABLISHED, relationship.state());
        assertEquals(source, relationship.sourceId());
        // the relationship stays: the snapshot can be restored again
        RestoredData.overwrite(sourceFile);
        assertEquals(Job.State.COMPLETED, fx.awaitEnd(fx.engine.restore(snapshot).jobId()).state());
        assertEquals(pattern, EngineFixture.sha256(sourceFile));
    }

    @Test
    void resyncMakesTheSnapshotTheSourcesDataOfNow() throws Exception {
        Instant before = fx.engine.replicaOf(snapshot).orElseThrow().whenSynced();
        String serial = unitSerial("snap");
        RestoredData.overwrite(sourceFile);
        CreateReplicaResult resync = fx.engine.resync(snapshot);
        assertEquals(snapshot, resync.targetId());
        assertEquals(Job.State.COMPLETED, fx.awaitEnd(resync.jobId()).state());
        Path snapshotFile = Path.of(fx.inventory.volume(snapshot).orElseThrow().backingPath());
        assertEquals(EngineFixture.sha256(sourceFile), EngineFixture.sha256(snapshotFile));
        assertEquals(serial, unitSerial("snap"));
        Replica relationship = fx.engine.replicaOf(snapshot).orElseThrow();
        assertEquals(Replica.State.ESTABLISHED, relationship.state());
        assertTrue(relationship.whenSynced().isAfter(before), relationship.toString());
        // the state database keeps milliseconds
        assertEquals(relationship.whenSynced(), FileLabels.read(snapshotFile).orElseThrow().whenSynced()
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    @Test
    void detachLeavesAnIndependentVolumeThatARebuildDoesNotRelateAgain() throws Exception {
        Path snapshotFile = Path.of(fx.inventory.volume(snapshot).orElseThrow().backingPath());
        String data = EngineFixture.sha256(snapshotFile);
        fx.engine.detach(snapshot);
        assertTrue(fx.engine.replicas().isEmpty());
        Volume detached = fx.inventory.volume(snapshot).orElseThrow();
        assertEquals("snap", detached.elementName());
        assertEquals(data, EngineFixture.sha256(snapshotFile));
        VolumeLabel label = FileLabels.read(snapshotFile).orElseThrow();
        assertEquals("snap", label.elementName());
        assertTrue(label.relationship(snapshot).isEmpty(), label.toString());
        assertEquals(RequestRefused.Reason.INVALID_PARAMETER,
                assertThrows(RequestRefused.class, () -> fx.engine.detach(snapshot)).reason());
        fx.engine.deleteVolume(source);
        assertTrue(fx.inventory.volume(snapshot).isPresent());
    }

    @Test
    void aVolumeThatIsNoReplicaIsAnInvalidParameter() throws Exception {
        for (String id : List.of(source, "fileio/nope")) {
            assertRefused(RequestRefused.Reason.INVALID_PARAMETER, () -> fx.engine.detach(id));
            assertRefused(RequestRefused.Reason.INVALID_PARAMETER, () -> fx.engine.restore(id));
            assertRefused(RequestRefused.Reason.INVALID_PARAMETER, () -> fx.engine.resync(id));
        }
        assertUnchanged();
    }

    @Test
    void aSnapshotStillBeingCopiedIsInUse() throws Exception {
        String big = fx.volume("big", 1024 * EngineFixture.MIB);
        CreateReplicaResult copy = fx.engine.createReplica(new CreateReplicaRequest(big, ReplicaKind.SNAPSHOT, null, "bigsnap"));
        assertRefused(RequestRefused.Reason.IN_USE, () -> fx.engine.restore(copy.targetId()));
        assertRefused(RequestRefused.Reason.IN_USE, () -> fx.engine.resync(copy.targetId()));
        assertRefused(RequestRefused.Reason.IN_USE, () -> fx.engine.detach(copy.targetId()));
        assertEquals(Replica.State.COPYING, fx.engine.replicaOf(copy.targetId()).orElseThrow().state());
        fx.engine.cancel(copy.jobId(), false);
        fx.awaitEnd(copy.jobId());
    }

    @Test
    void aSourceBeingCopiedIsInUseAndNothingChanges() throws Exception {
        String data = EngineFixture.sha256(sourceFile);
        Job copying = new Job("copying", Job.State.RUNNING, 10, "other", source, "fileio/other", "other.img",
                ReplicaKind.CLONE, Instant.now(), Instant.now(), null, true, Duration.ofMinutes(5), null, null);
        fx.store.putJob(copying);
        assertRefused(RequestRefused.Reason.IN_USE, () -> fx.engine.restore(snapshot));
        assertRefused(RequestRefused.Reason.IN_USE, () -> fx.engine.resync(snapshot));
        fx.store.deleteJob(copying.id());
        assertEquals(data, EngineFixture.sha256(sourceFile));
        assertUnchanged();
    }

    @Test
    void aRestoreRunningKeepsBothVolumesFromEveryOtherChange() throws Exception {
        String big = fx.volume("big", 256 * EngineFixture.MIB);
        String bigSnapshot = fx.replica(big, ReplicaKind.SNAPSHOT, "bigsnap");
        CreateReplicaResult restore = fx.engine.restore(bigSnapshot);
        assertEquals(Replica.State.RESTORING, fx.engine.replicaOf(bigSnapshot).orElseThrow().state());
        assertRefused(RequestRefused.Reason.IN_USE, () -> fx.engine.restore(bigSnapshot));
        assertRefused(RequestRefused.Reason.IN_USE, () -> fx.engine.resync(bigSnapshot));
        assertRefused(RequestRefused.Reason.IN_USE, () -> fx.engine.detach(bigSnapshot));
        assertRefused(RequestRefused.Reason.IN_USE, () -> fx.engine.deleteVolume(big));
        assertRefused(RequestRefused.Reason.IN_USE, () -> fx.engine.deleteVolume(bigSnapshot));
        assertRefused(RequestRefused.Reason.IN_USE, () -> fx.engine.createReplica(
                new CreateReplicaRequest(big, ReplicaKind.CLONE, null, null)));
        assertFalse(fx.engine.cancel(restore.jobId(), false), "a restore is not stopped half way");
        assertEquals(Job.State.COMPLETED, fx.awaitEnd(restore.jobId()).state());
        assertEquals(Replica.State.ESTABLISHED, fx.engine.replicaOf(bigSnapshot).orElseThrow().state());
        fx.engine.detach(bigSnapshot);
    }

    @Test
    void volumesOfDifferentSizesAreNotWrittenOverEachOther() throws Exception {
        String small = fx.volume("small", 8 * EngineFixture.MIB);
        fx.store.putReplica(new Replica(source, small, ReplicaKind.SNAPSHOT, CopyMethod.FULL_COPY,
                Replica.State.ESTABLISHED, 100, Instant.now(), null));
        String data = EngineFixture.sha256(sourceFile);
        assertRefused(RequestRefused.Reason.NOT_SUPPORTED, () -> fx.engine.restore(small));
        assertRefused(RequestRefused.Reason.NOT_SUPPORTED, () -> fx.engine.resync(small));
        assertEquals(data, EngineFixture.sha256(sourceFile));
        fx.engine.restore(snapshot); // neither volume was left marked busy
    }

    @Test
    void aRestoreRunningWhenLioSmisStoppedEndsWithBothVolumesKept() throws Exception {
        Replica relationship = fx.engine.replicaOf(snapshot).orElseThrow();
        Job running = new Job("restoring", Job.State.RUNNING, 40, "src", snapshot, source, sourceFile.toString(),
                ReplicaKind.SNAPSHOT, Instant.now(), Instant.now(), null, true, Duration.ofMinutes(5), null, null);
        fx.store.putJob(running);
        fx.store.putReplica(relationship.in(Replica.State.RESTORING));
        String serial = unitSerial("src");

        new ReplicaEngine(fx.lio, Lvm.system(), fx.inventory, fx.store, new FileReplicator(), EngineSettings.defaults())
                .close();
        Job ended = fx.store.job(running.id()).orElseThrow();
        assertEquals(Job.State.EXCEPTION, ended.state());
        assertEquals(Job.Failure.INTERRUPTED_BY_RESTART, ended.failure());
        assertTrue(ended.errorDescription().contains("ask again"), ended.errorDescription());
        assertEquals(serial, unitSerial("src"), "the source's storage object stays");
        assertTrue(java.nio.file.Files.exists(sourceFile), "and its file");
        assertEquals(Replica.State.ESTABLISHED, fx.engine.replicaOf(snapshot).orElseThrow().state());
    }

    @Test
    void aRestoreWhoseJobWasNeverStoredIsForgottenAtTheNextStart() throws Exception {
        fx.store.putReplica(fx.engine.replicaOf(snapshot).orElseThrow().in(Replica.State.RESTORING));
        new ReplicaEngine(fx.lio, Lvm.system(), fx.inventory, fx.store, new FileReplicator(), EngineSettings.defaults())
                .close();
        assertEquals(Replica.State.ESTABLISHED, fx.engine.replicaOf(snapshot).orElseThrow().state());
        assertTrue(fx.inventory.volume(source).isPresent());
    }

    private String unitSerial(String name) throws Exception {
        return fx.lio.storageObject(Plugin.FILEIO, name).orElseThrow().unitSerial();
    }

    /** The snapshot's relationship as made, no job left running, nothing marked busy. */
    private void assertUnchanged() {
        Replica relationship = fx.engine.replicaOf(snapshot).orElseThrow();
        assertEquals(Replica.State.ESTABLISHED, relationship.state());
        assertEquals(source, relationship.sourceId());
        assertTrue(fx.engine.jobs().stream().allMatch(j -> j.state().finished()));
        assertTrue(fx.engine.busy().isEmpty(), fx.engine.busy().toString());
    }

    private static void assertRefused(RequestRefused.Reason reason, org.junit.jupiter.api.function.Executable call) {
        assertEquals(reason, assertThrows(RequestRefused.class, call).reason());
    }
}
