package org.liosmis.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.lio.Plugin;
import org.liosmis.testing.RestoredData;
import org.liosmis.testing.LoopFilesystem;

/** Restore and resync on a loop-mounted XFS with reflink: a clone over the file in place, at once. */
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
}
