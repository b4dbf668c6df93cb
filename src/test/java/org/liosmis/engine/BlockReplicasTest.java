package org.liosmis.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.datapath.FileReplicator;
import org.liosmis.lio.FileioSpec;
import org.liosmis.lio.IblockSpec;
import org.liosmis.lio.LioRoot;
import org.liosmis.lio.Plugin;
import org.liosmis.lvm.Lvm;

/**
 * The block backend's decisions and its clean-up on every failure, over an emulated LIO and a
 * fake volume group (LVM itself runs in the kernel tests). Each refused request must leave no
 * logical volume and no storage object behind.
 */
class BlockReplicasTest {

    private static final int SIZE = 1 << 20;

    @TempDir
    Path dir;

    private final FakeLvm lvm = new FakeLvm(64L << 20);
    private LioRoot lio;
    private StateStore store;
    private LioInventory inventory;
    private ReplicaEngine engine;
    private byte[] data;

    private void start(PoolBacking pool) throws Exception {
        lio = LioRoot.emulated(dir.resolve("configfs"));
        store = StateStore.open(dir.resolve("state.db"));
        Lvm commands = new Lvm(lvm, Duration.ofMillis(300));
        inventory = new LioInventory(lio, new PoolCatalog(Map.of("block", pool), commands), "target.example", store);
        engine = new ReplicaEngine(lio, commands, inventory, store, new FileReplicator(), EngineSettings.defaults());
    }

    /** A source volume of random data on an LV of the fake group, exported as iblock. */
    private String source(boolean thin) throws Exception {
        data = new byte[SIZE];
        new Random(3).nextBytes(data);
        String name = lvm.name("src");
        lvm.add(name, thin, data);
        lio.createIblock(IblockSpec.of(name, lvm.device(name)));
        return "iblock/" + name;
    }

    /** The request is refused for this reason, and says why. */
    private RequestRefused refused(RequestRefused.Reason reason, String source, ReplicaKind kind, String name) {
        RequestRefused refused = assertThrows(RequestRefused.class, () ->
                engine.createReplica(new CreateReplicaRequest(source, kind, null, name)));
        assertEquals(reason, refused.reason(), refused.getMessage());
        return refused;
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
            store.close();
        }
        lvm.close();
    }

    @Test
    void aThinSnapshotIsInstantAndKeepsItsSource() throws Exception {
        start(new PoolBacking.ThinPool(FakeLvm.GROUP, FakeLvm.THIN_POOL));
        String source = source(true);
        String name = lvm.name("snap");
        CreateReplicaResult result = engine.createReplica(new CreateReplicaRequest(source, ReplicaKind.SNAPSHOT, null, name));
        assertTrue(result.done());
        assertEquals("iblock/" + name, result.targetId());
        assertTrue(lvm.has(name));
        assertEquals(CopyMethod.THIN_SNAPSHOT, engine.replicaOf(result.targetId()).orElseThrow().method());
        assertEquals("block", inventory.volume(result.targetId()).orElseThrow().poolId());
    }

    @Test
    void aSnapshotLioRefusesIsRemovedFromLvm() throws Exception {
        start(new PoolBacking.ThinPool(FakeLvm.GROUP, FakeLvm.THIN_POOL));
        String source = source(true);
        String name = lvm.name("nodevice");
        lvm.noDeviceFor(name);
        RequestRefused refused = refused(RequestRefused.Reason.FAILED, source, ReplicaKind.SNAPSHOT, name);
        assertFalse(lvm.has(name), "the snapshot LIO could not open is removed");
        assertTrue(lio.storageObject(Plugin.IBLOCK, name).isEmpty());
        assertTrue(store.volumeNamed(name).isEmpty(), "the ElementName is free again");
    }

    @Test
    void aNameClashWithAnExistingLvIsRefusedAndTheLvKept() throws Exception {
        start(new PoolBacking.ThinPool(FakeLvm.GROUP, FakeLvm.THIN_POOL));
        String source = source(true);
        String name = lvm.name("theirs");
        lvm.add(name, true, new byte[SIZE]);
        RequestRefused refused = refused(RequestRefused.Reason.INVALID_PARAMETER, source, ReplicaKind.SNAPSHOT, name);
        assertTrue(refused.getMessage().contains("exists already"), refused.getMessage());
        assertTrue(lvm.has(name) && lvm.removed().isEmpty());
    }

    @Test
    void aVolumeGroupHeldByAnotherCommandAnswersInUse() throws Exception {
        start(new PoolBacking.ThinPool(FakeLvm.GROUP, FakeLvm.THIN_POOL));
        String source = source(true);
        String name = lvm.name("locked");
        lvm.lock(true);
        RequestRefused refused = refused(RequestRefused.Reason.IN_USE, source, ReplicaKind.SNAPSHOT, name);
        assertTrue(refused.getMessage().contains("another LVM command holds"), refused.getMessage());
        lvm.lock(false);
        assertFalse(lvm.has(name));
        assertTrue(lio.storageObject(Plugin.IBLOCK, name).isEmpty());
    }

    @Test
    void aSnapshotAskedOfACopyJobIsCopiedEvenInItsThinPool() throws Exception {
        start(new PoolBacking.ThinPool(FakeLvm.GROUP, FakeLvm.THIN_POOL));
        String source = source(true);
        String name = lvm.name("copied");
        CreateReplicaResult result = engine.createReplica(new CreateReplicaRequest(source, ReplicaKind.SNAPSHOT, null,
                name, CreateReplicaRequest.Timing.BY_COPY));
        assertFalse(result.done());
        Job job = EngineFixture.await(() -> store.job(result.jobId()).filter(j -> j.state().finished()).orElse(null),
                Duration.ofSeconds(30));
        assertEquals(Job.State.COMPLETED, job.state(), job.errorDescription());
        assertArrayEquals(data, Files.readAllBytes(lvm.device(name)));
        assertEquals(CopyMethod.FULL_COPY, engine.replicaOf(result.targetId()).orElseThrow().method());
    }

    @Test
    void aThickCopyReadsATemporarySnapshotAndRemovesIt() throws Exception {
        start(new PoolBacking.VolumeGroup(FakeLvm.GROUP));
        String source = source(false);
        String name = lvm.name("copy");
        CreateReplicaResult result = engine.createReplica(new CreateReplicaRequest(source, ReplicaKind.CLONE, null, name));
        assertFalse(result.done());
        Job job = EngineFixture.await(() -> store.job(result.jobId()).filter(j -> j.state().finished()).orElse(null),
                Duration.ofSeconds(30));
        assertEquals(Job.State.COMPLETED, job.state(), job.errorDescription());
        assertArrayEquals(data, Files.readAllBytes(lvm.device(name)));
        assertTrue(lvm.removed().contains(name + BlockReplicas.COPY_SOURCE_SUFFIX), "the temporary snapshot is gone");
        assertTrue(lio.storageObject(Plugin.IBLOCK, name).isPresent());
    }

    @Test
    void aSnapshotWithoutRoomRemovesTheNewVolume() throws Exception {
        start(new PoolBacking.VolumeGroup(FakeLvm.GROUP));
        String source = source(false);
        String name = lvm.name("nospace");
        lvm.failNext("--snapshot", "  Volume group \"shm\" has insufficient free space (0 extents): 1 required.\n");
        RequestRefused refused = refused(RequestRefused.Reason.INVALID_PARAMETER, source, ReplicaKind.CLONE, name);
        assertTrue(refused.getMessage().contains("has no room"), refused.getMessage());
        assertFalse(lvm.has(name), "the replica's LV made before the snapshot is removed");
        assertTrue(store.jobs().isEmpty(), "no job was started");
    }

    @Test
    void aVolumeLvmWillNotRemoveIsExportedAgainUnchanged() throws Exception {
        start(new PoolBacking.ThinPool(FakeLvm.GROUP, FakeLvm.THIN_POOL));
        String source = source(true);
        String naa = inventory.volume(source).orElseThrow().naaId();
        lvm.failNext("lvremove", "  Logical volume shm/" + source.substring("iblock/".length()) + " in use.\n");
        RequestRefused refused = assertThrows(RequestRefused.class, () -> engine.deleteVolume(source));
        assertEquals(RequestRefused.Reason.IN_USE, refused.reason(), refused.getMessage());
        assertEquals(naa, inventory.volume(source).orElseThrow().naaId(), "the same volume, as initiators know it");
        engine.deleteVolume(source);
        assertTrue(inventory.volume(source).isEmpty());
        assertFalse(lvm.has(source.substring("iblock/".length())));
    }

    @Test
    void aFileioVolumeCannotBeReplicatedIntoAnLvmPool() throws Exception {
        start(new PoolBacking.ThinPool(FakeLvm.GROUP, FakeLvm.THIN_POOL));
        Path file = Files.write(dir.resolve("f.img"), new byte[SIZE]);
        lio.createFileio(FileioSpec.of("f", file, SIZE));
        RequestRefused refused = assertThrows(RequestRefused.class, () ->
                engine.createReplica(new CreateReplicaRequest("fileio/f", ReplicaKind.SNAPSHOT, "block", null)));
        assertEquals(RequestRefused.Reason.INVALID_PARAMETER, refused.reason());
        assertTrue(refused.getMessage().contains("holds block volumes"), refused.getMessage());
    }

    @Test
    void restoreCopiesTheThinSnapshotBackOverTheSourceFromATemporarySnapshot() throws Exception {
        start(new PoolBacking.ThinPool(FakeLvm.GROUP, FakeLvm.THIN_POOL));
        String source = source(true);
        String sourceLv = source.substring("iblock/".length());
        String serial = lio.storageObject(Plugin.IBLOCK, sourceLv).orElseThrow().unitSerial();
        String snapshot = engine.createReplica(new CreateReplicaRequest(source, ReplicaKind.SNAPSHOT, null,
                lvm.name("snap"))).targetId();
        Files.write(lvm.device(sourceLv), new byte[SIZE]);

        CreateReplicaResult restore = engine.restore(snapshot);
        Job job = EngineFixture.await(() -> store.job(restore.jobId()).filter(j -> j.state().finished()).orElse(null),
                Duration.ofSeconds(60));
        assertEquals(Job.State.COMPLETED, job.state(), job.errorDescription());
        assertArrayEquals(data, Files.readAllBytes(lvm.device(sourceLv)));
        String temporary = snapshot.substring("iblock/".length()) + BlockReplicas.COPY_SOURCE_SUFFIX;
        assertTrue(lvm.removed().contains(temporary), "the temporary snapshot is gone");
        assertEquals(serial, lio.storageObject(Plugin.IBLOCK, sourceLv).orElseThrow().unitSerial());
        assertEquals(Replica.State.ESTABLISHED, engine.replicaOf(snapshot).orElseThrow().state());
    }

    @Test
    void aRestoreLvmRefusesChangesNothing() throws Exception {
        start(new PoolBacking.ThinPool(FakeLvm.GROUP, FakeLvm.THIN_POOL));
        String source = source(true);
        String snapshot = engine.createReplica(new CreateReplicaRequest(source, ReplicaKind.SNAPSHOT, null,
                lvm.name("snap"))).targetId();
        lvm.failNext("--snapshot", "  Volume group \"shm\" has insufficient free space (0 extents): 1 required.\n");
        RequestRefused refused = assertThrows(RequestRefused.class, () -> engine.restore(snapshot));
        assertEquals(RequestRefused.Reason.INVALID_PARAMETER, refused.reason(), refused.getMessage());
        assertEquals(Replica.State.ESTABLISHED, engine.replicaOf(snapshot).orElseThrow().state());
        assertTrue(engine.jobs().isEmpty());
        assertTrue(engine.busy().isEmpty());
        assertArrayEquals(data, Files.readAllBytes(lvm.device(source.substring("iblock/".length()))));
    }
}
