package org.liosmis.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.lio.Plugin;
import org.liosmis.testing.LoopFilesystem;
import org.liosmis.testing.TestFiles;

/**
 * Async mirrors of fileio volumes on a loop-mounted XFS with reflink: each cycle clones the
 * source and ships only the extents the clone no longer shares with the last cycle's, so the
 * target equals the source's image at the cycle point; fracture, resync, detach, delete and a
 * restart in the middle of a cycle.
 */
class AsyncMirrorOnXfsTest {

    private static final long SIZE = 64 * EngineFixture.MIB;
    private static final int WRITE = 64 * 1024;

    @TempDir
    Path work;
    private LoopFilesystem xfs;
    private EngineFixture fx;

    @AfterEach
    void stop() {
        if (fx != null) {
            fx.close();
        }
        if (xfs != null) {
            xfs.close();
        }
    }

    private String mirror(EngineSettings settings) throws Exception {
        xfs = LoopFilesystem.xfsWithReflink(work, 512L * EngineFixture.MIB);
        fx = new EngineFixture(xfs.root(), settings);
        String source = fx.volume("src", SIZE);
        try (RandomAccessFile file = new RandomAccessFile(file("src.img").toFile(), "rw")) {
            file.setLength(SIZE); // the fixture's file ends with its last data; the volume is SIZE long
        }
        CreateReplicaResult made = fx.engine.createReplica(new CreateReplicaRequest(source, ReplicaKind.ASYNC_MIRROR,
                null, "mirror"));
        assertTrue(made.targetShown(), "the target is a volume while its first cycle runs");
        assertEquals(Volume.Access.NONE, fx.inventory.volume(made.targetId()).orElseThrow().access());
        assertEquals(Job.State.COMPLETED, fx.awaitEnd(made.jobId()).state());
        return made.targetId();
    }

    private Path file(String name) {
        return fx.pool.resolve(name);
    }

    @Test
    void everyCycleLeavesTheTargetEqualToTheSourceAtTheCyclePointShippingOnlyWhatChanged() throws Exception {
        String target = mirror(EngineSettings.defaults());
        Replica first = fx.engine.replicaOf(target).orElseThrow();
        assertEquals(Replica.State.SYNCHRONIZED, first.state());
        assertEquals(CopyMethod.REFLINK_DELTA, first.method());
        assertEquals(EngineFixture.sha256(file("src.img")), EngineFixture.sha256(file("mirror.img")));
        assertFalse(fx.lio.storageObject(Plugin.FILEIO, "mirror").isPresent(), "no storage object while kept");

        Random random = new Random(7);
        for (int cycle = 1; cycle <= 3; cycle++) {
            for (int i = 0; i < 4; i++) {
                long offset = (long) random.nextInt((int) (SIZE / WRITE)) * WRITE;
                TestFiles.writeRandom(file("src.img"), offset, WRITE, random);
            }
            String atCyclePoint = EngineFixture.sha256(file("src.img"));
            CreateReplicaResult resync = fx.engine.resync(target);
            assertEquals(Job.State.COMPLETED, fx.awaitEnd(resync.jobId()).state());
            assertEquals(atCyclePoint, EngineFixture.sha256(file("mirror.img")), "cycle " + cycle);
            assertEquals(atCyclePoint, EngineFixture.sha256(file(".mirror.lio-smis-base")), "the base is the image");
            Mirror mirror = fx.engine.mirror(target).orElseThrow();
            assertTrue(mirror.shippedBytes() <= 4 * WRITE, "cycle " + cycle + " shipped " + mirror.shippedBytes());
            assertTrue(mirror.shippedBytes() > 0);
            assertTrue(fx.engine.replicaOf(target).orElseThrow().whenSynced().isAfter(first.whenSynced()));
        }
        assertFalse(Files.exists(file(".mirror.lio-smis-next")));
    }

    @Test
    void cyclesRunByThemselvesEveryPeriod() throws Exception {
        String target = mirror(EngineSettings.defaults().withCyclePeriod(Duration.ofSeconds(1)));
        Instant synced = fx.engine.replicaOf(target).orElseThrow().whenSynced();
        TestFiles.writeRandom(file("src.img"), 5 * EngineFixture.MIB, WRITE, new Random(1));
        String changed = EngineFixture.sha256(file("src.img"));
        EngineFixture.await(() -> fx.engine.replicaOf(target).filter(r -> r.state() == Replica.State.SYNCHRONIZED
                && r.whenSynced().isAfter(synced.plusSeconds(1))).orElse(null), Duration.ofSeconds(20));
        EngineFixture.await(() -> fx.engine.replicaOf(target).filter(r -> r.state() == Replica.State.SYNCHRONIZED)
                .orElse(null), Duration.ofSeconds(20));
        assertEquals(changed, EngineFixture.sha256(file(".mirror.lio-smis-base")));
    }

    @Test
    void aFracturedTargetIsAVolumeOfItsOwnUntilAResyncComparesItWholeAndADetachEndsTheMirror() throws Exception {
        String target = mirror(EngineSettings.defaults());
        String atFracture = EngineFixture.sha256(file("src.img"));
        fx.engine.fracture(target, false);
        assertEquals(Replica.State.FRACTURED, fx.engine.replicaOf(target).orElseThrow().state());
        assertTrue(fx.lio.storageObject(Plugin.FILEIO, "mirror").isPresent());
        TestFiles.writeRandom(file("src.img"), 0, WRITE, new Random(2));
        // an initiator wrote the fractured target
        TestFiles.writeRandom(file("mirror.img"), 9 * EngineFixture.MIB, WRITE, new Random(3));
        assertEquals(atFracture.length(), EngineFixture.sha256(file("mirror.img")).length());

        CreateReplicaResult resync = fx.engine.resync(target);
        assertEquals(Job.State.COMPLETED, fx.awaitEnd(resync.jobId()).state());
        assertEquals(EngineFixture.sha256(file("src.img")), EngineFixture.sha256(file("mirror.img")),
                "the resync compared every block, so the target's own write is gone too");
        assertFalse(fx.lio.storageObject(Plugin.FILEIO, "mirror").isPresent());

        String naa = fx.inventory.volume(target).orElseThrow().naaId();
        fx.engine.detach(target);
        assertTrue(fx.engine.replicaOf(target).isEmpty());
        assertEquals(naa, fx.inventory.volume(target).orElseThrow().naaId(), "the target keeps its identity");
        assertFalse(Files.exists(file(".mirror.lio-smis-base")), "the cycle images went with the mirror");
    }

    @Test
    void theSourceCannotBeDeletedWhileMirroredAndDeletingTheTargetRemovesEverything() throws Exception {
        String target = mirror(EngineSettings.defaults());
        RequestRefused refused = assertThrows(RequestRefused.class, () -> fx.engine.deleteVolume("fileio/src"));
        assertEquals(RequestRefused.Reason.IN_USE, refused.reason());
        fx.engine.deleteVolume(target);
        assertFalse(Files.exists(file("mirror.img")));
        assertFalse(Files.exists(file(".mirror.lio-smis-base")));
        assertTrue(fx.inventory.volume(target).isEmpty());
        assertTrue(fx.engine.replicas().isEmpty());
    }

    @Test
    void aCycleStoppedWithLioSmisRunsAgainAfterTheRestartFromTheSameBase() throws Exception {
        String target = mirror(EngineSettings.defaults());
        TestFiles.writeRandom(file("src.img"), 3 * EngineFixture.MIB, WRITE, new Random(4));
        String expected = EngineFixture.sha256(file("src.img"));
        CreateReplicaResult resync = fx.engine.resync(target);
        fx.close(); // stops the cycle wherever it is
        fx = new EngineFixture(xfs.root(), EngineSettings.defaults());
        Job ended = fx.awaitEnd(resync.jobId());
        assertEquals(Job.State.COMPLETED, ended.state(), ended.errorDescription());
        assertEquals(expected, EngineFixture.sha256(file("mirror.img")));
        assertFalse(Files.exists(file(".mirror.lio-smis-next")));
        assertNotNull(fx.engine.replicaOf(target).orElseThrow().whenSynced());
    }

    @Test
    void aPoolThatCannotCloneFilesRefusesAnAsyncMirror() throws Exception {
        fx = new EngineFixture(work); // the temporary directory's filesystem: no reflink here
        String source = fx.volume("src", SIZE);
        org.junit.jupiter.api.Assumptions.assumeFalse(fx.engine.canMirror(fx.inventory.pool("default").orElseThrow(),
                ReplicaKind.ASYNC_MIRROR), "the temporary directory clones files");
        RequestRefused refused = assertThrows(RequestRefused.class, () -> fx.engine.createReplica(
                new CreateReplicaRequest(source, ReplicaKind.ASYNC_MIRROR, null, "mirror")));
        assertEquals(RequestRefused.Reason.NOT_SUPPORTED, refused.reason());
        assertTrue(refused.getMessage().contains("reflink"), refused.getMessage());
        assertFalse(Files.exists(fx.pool.resolve("mirror.img")));
    }

}
