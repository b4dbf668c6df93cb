package org.liosmis.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.lio.Plugin;
import org.liosmis.testing.RestoredData;
import org.liosmis.testing.LoopFilesystem;

/**
 * Restore, resync and a snapshot into a volume the client names, on a loop-mounted XFS with
 * reflink: a clone over the file in place, at once.
 */
class RestoreOnXfsTest {

    @TempDir
    Path work;
    private LoopFilesystem xfs;
    private EngineFixture fx;
    private Path sourceFile;
    private String snapshot;

    @BeforeEach
    void start() throws Exception {
        xfs = LoopFilesystem.xfsWithReflink(work, 512L * EngineFixture.MIB);
        fx = new EngineFixture(xfs.root());
        String source = fx.volume("src", 64 * EngineFixture.MIB);
        sourceFile = fx.pool.resolve("src.img");
        CreateReplicaResult made = fx.engine.createReplica(new CreateReplicaRequest(source, ReplicaKind.SNAPSHOT, null, "snap"));
        assertTrue(made.done(), "a reflink snapshot is made at once");
        snapshot = made.targetId();
    }

    @AfterEach
    void stop() {
        if (fx != null) {
            fx.close();
        }
        if (xfs != null) {
            xfs.close();
        }
    }

    @Test
    void restoreClonesTheSnapshotBackOverTheSourceAtOnce() throws Exception {
        String pattern = EngineFixture.sha256(sourceFile);
        Object inode = RestoredData.inode(sourceFile);
        String serial = fx.lio.storageObject(Plugin.FILEIO, "src").orElseThrow().unitSerial();
        RestoredData.overwrite(sourceFile);
        assertNotEquals(pattern, EngineFixture.sha256(sourceFile));

        CreateReplicaResult restore = fx.engine.restore(snapshot);
        assertTrue(restore.done(), "no job: " + restore);
        assertEquals("fileio/src", restore.targetId());
        assertEquals(pattern, EngineFixture.sha256(sourceFile));
        assertEquals(inode, RestoredData.inode(sourceFile), "the file LIO holds open is the one restored");
        assertEquals(serial, fx.lio.storageObject(Plugin.FILEIO, "src").orElseThrow().unitSerial());
        Replica relationship = fx.engine.replicaOf(snapshot).orElseThrow();
        assertEquals(Replica.State.ESTABLISHED, relationship.state());
        assertEquals(CopyMethod.REFLINK, relationship.method());
        assertTrue(fx.engine.jobs().isEmpty());
        assertTrue(fx.engine.busy().isEmpty());
    }

    @Test
    void resyncClonesTheSourceOverTheSnapshotAtOnce() throws Exception {
        Instant before = fx.engine.replicaOf(snapshot).orElseThrow().whenSynced();
        Path snapshotFile = Path.of(fx.inventory.volume(snapshot).orElseThrow().backingPath());
        Object inode = RestoredData.inode(snapshotFile);
        RestoredData.overwrite(sourceFile);
        assertTrue(fx.engine.resync(snapshot).done());
        assertEquals(EngineFixture.sha256(sourceFile), EngineFixture.sha256(snapshotFile));
        assertEquals(inode, RestoredData.inode(snapshotFile));
        assertTrue(fx.engine.replicaOf(snapshot).orElseThrow().whenSynced().isAfter(before));
    }

    @Test
    void aSnapshotIntoABiggerVolumeIsClonedOverItsFirstBytesAtOnce() throws Exception {
        String target = fx.volume("into", 96 * EngineFixture.MIB);
        Path targetFile = fx.pool.resolve("into.img");
        RestoredData.overwrite(targetFile);
        byte[] before = Files.readAllBytes(targetFile);

        CreateReplicaResult made = fx.engine.replicateInto("fileio/src", target, ReplicaKind.SNAPSHOT,
                CreateReplicaRequest.Timing.AT_ONCE);
        assertTrue(made.done(), "no job: " + made);
        byte[] after = Files.readAllBytes(targetFile);
        byte[] source = Files.readAllBytes(sourceFile);
        assertEquals(before.length, after.length, "the target keeps its size");
        assertArrayEquals(source, Arrays.copyOf(after, source.length));
        assertArrayEquals(Arrays.copyOfRange(before, source.length, before.length),
                Arrays.copyOfRange(after, source.length, after.length), "the bytes past the source's are kept");
        Replica relationship = fx.engine.replicaOf(target).orElseThrow();
        assertEquals(List.of("fileio/src", Replica.State.ESTABLISHED, CopyMethod.REFLINK),
                List.of(relationship.sourceId(), relationship.state(), relationship.method()));
        assertTrue(fx.engine.busy().isEmpty());
    }
}
