package org.liosmis.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.datapath.FileReplicator;
import org.liosmis.lio.FileioSpec;
import org.liosmis.lio.Plugin;
import org.liosmis.lio.configfs.ConfigFs;
import org.liosmis.lvm.Lvm;

/** The engine on ext4 (no reflink): every replica is a copy job. */
class ReplicaEngineTest {

    @TempDir
    Path dir;
    private EngineFixture fx;
    private String source;

    @BeforeEach
    void start() throws Exception {
        fx = new EngineFixture(dir);
        source = fx.volume("src", 16 * EngineFixture.MIB);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void snapshotByCopyStaysAssociatedAndHasTheSourcesBytes() throws Exception {
        CreateReplicaResult result = fx.engine.createReplica(new CreateReplicaRequest(source, ReplicaKind.SNAPSHOT, null, "snap one"));
        assertFalse(result.done());
        Job job = fx.awaitEnd(result.jobId());
        assertEquals(Job.State.COMPLETED, job.state(), job.errorDescription());
        assertEquals(100, job.percentComplete());
        Volume replica = fx.inventory.volume(result.targetId()).orElseThrow();
        assertEquals("snap one", replica.elementName());
        assertEquals("fileio/snap_one", replica.id());
        assertEquals(EngineFixture.sha256(fx.pool.resolve("src.img")), EngineFixture.sha256(Path.of(replica.backingPath())));
        Replica relationship = fx.engine.replicas().get(0);
        assertEquals(Replica.State.ESTABLISHED, relationship.state());
        assertEquals(CopyMethod.FULL_COPY, relationship.method());
        assertEquals(source, relationship.sourceId());
    }

    @Test
    void aReplicaAskedAtOnceIsRefusedWhereThePoolCanOnlyCopyAndLeavesNothing() throws Exception {
        RequestRefused refused = assertThrows(RequestRefused.class, () -> fx.engine.createReplica(
                new CreateReplicaRequest(source, ReplicaKind.SNAPSHOT, null, "now", CreateReplicaRequest.Timing.AT_ONCE)));
        assertEquals(RequestRefused.Reason.NOT_SUPPORTED, refused.reason(), refused.getMessage());
        assertTrue(fx.engine.jobs().isEmpty());
        assertTrue(fx.engine.replicas().isEmpty());
        assertFalse(Files.exists(fx.pool.resolve("now.img")));
        // the name is free again
        CreateReplicaResult copy = fx.engine.createReplica(new CreateReplicaRequest(source, ReplicaKind.SNAPSHOT, null, "now"));
        assertEquals(Job.State.COMPLETED, fx.awaitEnd(copy.jobId()).state());
    }

    @Test
    void aJobItsClientKeepsOutlivesItsTimeBeforeRemovalAndCopyProgressKeepsTheChoice() throws Exception {
        CreateReplicaResult copy = fx.engine.createReplica(new CreateReplicaRequest(source, ReplicaKind.CLONE, null, "kept"));
        assertTrue(fx.engine.setJobRetention(copy.jobId(), false, Duration.ZERO));
        Job ended = fx.awaitEnd(copy.jobId());
        assertFalse(ended.deleteOnCompletion(), "progress written after the change keeps it");
        assertEquals(Duration.ZERO, ended.timeBeforeRemoval());
        Thread.sleep(2500); // ended jobs are swept every second
        assertTrue(fx.engine.job(copy.jobId()).isPresent());
        assertTrue(fx.engine.setJobRetention(copy.jobId(), true, Duration.ZERO));
        EngineFixture.await(() -> fx.engine.job(copy.jobId()).isEmpty() ? Boolean.TRUE : null, Duration.ofSeconds(10));
        assertFalse(fx.engine.setJobRetention("no-such-job", true, Duration.ZERO));
    }

    @Test
    void aFileInThePoolThatIsNoVolumeGetsTheReplicaANewName() throws Exception {
        Files.writeString(fx.pool.resolve("stray.img"), "not a volume");
        CreateReplicaResult result = fx.engine.createReplica(new CreateReplicaRequest(source, ReplicaKind.CLONE, null, "stray"));
        assertEquals(Job.State.COMPLETED, fx.awaitEnd(result.jobId()).state());
        assertEquals("fileio/stray-2", result.targetId());
        assertEquals("not a volume", Files.readString(fx.pool.resolve("stray.img")));
    }

    @Test
    void cloneEndsItsAssociationWhenTheCopyIsDone() throws Exception {
        CreateReplicaResult result = fx.engine.createReplica(new CreateReplicaRequest(source, ReplicaKind.CLONE, "default", null));
        assertEquals(Job.State.COMPLETED, fx.awaitEnd(result.jobId()).state());
        assertTrue(fx.engine.replicas().isEmpty());
        assertEquals("src-clone", fx.inventory.volume(result.targetId()).orElseThrow().elementName());
    }

    @Test
    void badRequestsAreRefusedWithTheirReason() throws Exception {
        fx.engine.createReplica(new CreateReplicaRequest(source, ReplicaKind.SNAPSHOT, null, "taken"));
        assertRefused(RequestRefused.Reason.INVALID_PARAMETER, "taken",
                new CreateReplicaRequest(source, ReplicaKind.SNAPSHOT, null, "taken"));
        assertRefused(RequestRefused.Reason.INVALID_PARAMETER, "does not exist",
                new CreateReplicaRequest("fileio/nope", ReplicaKind.SNAPSHOT, null, null));
        assertRefused(RequestRefused.Reason.INVALID_PARAMETER, "TargetPool",
                new CreateReplicaRequest(source, ReplicaKind.SNAPSHOT, "nope", null));
        assertRefused(RequestRefused.Reason.INVALID_PARAMETER, "printable",
                new CreateReplicaRequest(source, ReplicaKind.SNAPSHOT, null, "bad\nname"));
    }

    @Test
    void namesNeverLeaveThePoolDirectory() throws Exception {
        CreateReplicaResult result = fx.engine.createReplica(
                new CreateReplicaRequest(source, ReplicaKind.CLONE, null, "../../etc/passwd"));
        fx.awaitEnd(result.jobId());
        Volume replica = fx.inventory.volume(result.targetId()).orElseThrow();
        assertEquals(fx.pool, Path.of(replica.backingPath()).getParent());
        assertEquals("../../etc/passwd", replica.elementName());
        assertTrue(replica.name().matches("[A-Za-z0-9_-]+"), replica.name());
    }

    @Test
    void aVolumeBeingMadeIsInUseAsASource() throws Exception {
        String big = fx.volume("big", 1024 * EngineFixture.MIB);
        CreateReplicaResult copy = fx.engine.createReplica(new CreateReplicaRequest(big, ReplicaKind.CLONE, null, "c"));
        RequestRefused refused = assertThrows(RequestRefused.class,
                () -> fx.engine.deleteVolume(big));
        assertEquals(RequestRefused.Reason.IN_USE, refused.reason());
        fx.engine.cancel(copy.jobId(), false);
        fx.awaitEnd(copy.jobId());
    }

    @Test
    void cancelledCopyLeavesNothingBehind() throws Exception {
        String big = fx.volume("big", 1024 * EngineFixture.MIB);
        CreateReplicaResult copy = fx.engine.createReplica(new CreateReplicaRequest(big, ReplicaKind.CLONE, null, "gone"));
        assertTrue(fx.engine.cancel(copy.jobId(), true));
        Job job = fx.awaitEnd(copy.jobId());
        assertEquals(Job.State.KILLED, job.state());
        assertEquals(100, job.percentComplete());
        assertTrue(fx.inventory.volume(copy.targetId()).isEmpty());
        try (var files = Files.list(fx.pool)) {
            assertEquals(List.of("big.img", "src.img"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertTrue(fx.engine.replicas().isEmpty());
        assertTrue(fx.store.volumeNamed("gone").isEmpty());
        assertFalse(fx.engine.cancel(copy.jobId(), false));
    }

    @Test
    void returnToStoragePoolDeletesTheVolumeItsFileAndItsRelationships() throws Exception {
        CreateReplicaResult result = fx.engine.createReplica(new CreateReplicaRequest(source, ReplicaKind.SNAPSHOT, null, "s"));
        fx.awaitEnd(result.jobId());
        Path file = Path.of(fx.inventory.volume(result.targetId()).orElseThrow().backingPath());
        fx.engine.deleteVolume(result.targetId());
        assertTrue(fx.inventory.volume(result.targetId()).isEmpty());
        assertFalse(Files.exists(file));
        assertTrue(fx.engine.replicas().isEmpty());
        assertTrue(fx.store.volumeNamed("s").isEmpty());
    }

    @Test
    void anExportedVolumeIsInUseAndOneOutsideThePoolsIsNotOurs() throws Exception {
        ConfigFs fs = fx.lio.configFs();
        Path tpg = fs.root().resolve("iscsi/iqn.2024-01.org.example:t1/tpgt_1");
        fs.mkdir(tpg.getParent().getParent());
        fs.mkdir(tpg.getParent());
        fs.mkdir(tpg);
        fs.mkdir(tpg.resolve("lun/lun_0"));
        fs.symlink(tpg.resolve("lun/lun_0/port0"), fx.lio.storageObject(Plugin.FILEIO, "src").orElseThrow().path());
        assertEquals(RequestRefused.Reason.IN_USE,
                assertThrows(RequestRefused.class, () -> fx.engine.deleteVolume(source)).reason());
        Files.createDirectories(dir.resolve("elsewhere"));
        fx.lio.createFileio(FileioSpec.of("outside", dir.resolve("elsewhere/o.img"), EngineFixture.MIB));
        assertEquals(RequestRefused.Reason.INVALID_PARAMETER,
                assertThrows(RequestRefused.class, () -> fx.engine.deleteVolume("fileio/outside")).reason());
        assertEquals(RequestRefused.Reason.INVALID_PARAMETER,
                assertThrows(RequestRefused.class, () -> fx.engine.createReplica(
                        new CreateReplicaRequest("fileio/outside", ReplicaKind.SNAPSHOT, null, null))).reason());
    }

    @Test
    void aRestartEndsTheRunningJobAndRemovesWhatItMade() throws Exception {
        String big = fx.volume("big", 1024 * EngineFixture.MIB);
        CreateReplicaResult copy = fx.engine.createReplica(new CreateReplicaRequest(big, ReplicaKind.SNAPSHOT, null, "r"));
        Job running = fx.store.job(copy.jobId()).orElseThrow();
        fx.engine.close();
        // as if the process had died mid-copy: the job still RUNNING, a published file without its storage object
        fx.store.putJob(running.running(running.submitted()));
        Files.writeString(Path.of(running.targetFile()), "half");
        ReplicaEngine restarted = new ReplicaEngine(fx.lio, Lvm.system(), fx.inventory, fx.store,
                new FileReplicator(), EngineSettings.defaults());
        try {
            Job ended = fx.store.job(copy.jobId()).orElseThrow();
            assertEquals(Job.State.EXCEPTION, ended.state());
            assertEquals(Job.Failure.INTERRUPTED_BY_RESTART, ended.failure());
            assertEquals(100, ended.percentComplete());
            assertTrue(ended.errorDescription().contains("call CreateReplica again"), ended.errorDescription());
            assertFalse(Files.exists(Path.of(running.targetFile())));
            assertTrue(fx.store.replicas().isEmpty());
            assertTrue(fx.store.volumeNamed("r").isEmpty());
        } finally {
            restarted.close();
        }
    }

    private void assertRefused(RequestRefused.Reason reason, String text, CreateReplicaRequest request) {
        RequestRefused refused = assertThrows(RequestRefused.class, () -> fx.engine.createReplica(request));
        assertEquals(reason, refused.reason(), refused.getMessage());
        assertTrue(refused.getMessage().contains(text), refused.getMessage());
    }

    @Test
    void endedJobsGoAwayAfterTimeBeforeRemoval() throws Exception {
        try (StateStore store = StateStore.open(dir.resolve("short.db"));
             ReplicaEngine engine = new ReplicaEngine(fx.lio, Lvm.system(), new LioInventory(fx.lio, EngineFixture.directoryPools(Map.of("default", fx.pool)),
                     "target.example", store), store, new FileReplicator(),
                     new EngineSettings(1, Duration.ofMillis(200), Clock.systemUTC()))) {
            CreateReplicaResult result = engine.createReplica(new CreateReplicaRequest(source, ReplicaKind.CLONE, null, "brief"));
            Job ended = EngineFixture.await(() -> store.job(result.jobId()).filter(j -> j.state().finished()).orElse(null),
                    Duration.ofSeconds(30));
            assertEquals(Duration.ofMillis(200), ended.timeBeforeRemoval());
            EngineFixture.await(() -> store.job(result.jobId()).isEmpty() ? Boolean.TRUE : null,
                    Duration.ofSeconds(10));
        }
    }

    @Test
    void jobsCanBeDeletedOnlyOnceEnded() throws Exception {
        CreateReplicaResult result = fx.engine.createReplica(new CreateReplicaRequest(source, ReplicaKind.CLONE, null, null));
        fx.awaitEnd(result.jobId());
        assertTrue(fx.engine.deleteJob(result.jobId()));
        assertNull(fx.engine.job(result.jobId()).orElse(null));
    }
}
