package org.liosmis.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.datapath.FileReplicator;
import org.liosmis.lvm.Lvm;
import org.liosmis.testing.RestoredData;

/** Replicas made into a volume the client names, on a directory pool without reflink: copy jobs in place. */
class ReplicaIntoVolumeTest {

    private static final long MIB = EngineFixture.MIB;
    private static final CreateReplicaRequest.Timing AS_POOL_CAN = CreateReplicaRequest.Timing.AS_POOL_CAN;

    @TempDir
    Path dir;
    private EngineFixture fx;
    private String source;
    private String target;
    private Path targetFile;

    @BeforeEach
    void start() throws Exception {
        fx = new EngineFixture(dir);
        source = fx.volume("src", 16 * MIB);
        target = fx.volume("into", 24 * MIB);
        targetFile = fx.pool.resolve("into.img");
        RestoredData.overwrite(targetFile);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void aSnapshotIsWrittenOverTheTargetsFirstBytesWhichKeepsItsSizeIdentityAndTail() throws Exception {
        byte[] before = Files.readAllBytes(targetFile);
        Object inode = RestoredData.inode(targetFile);
        String naa = fx.inventory.volume(target).orElseThrow().naaId();

        CreateReplicaResult made = fx.engine.replicateInto(source, target, ReplicaKind.SNAPSHOT, AS_POOL_CAN);
        assertEquals(target, made.targetId());
        Job job = fx.awaitEnd(made.jobId());
        assertEquals(Job.State.COMPLETED, job.state(), job.errorDescription());
        assertEquals(List.of(source, target), List.of(job.sourceId(), job.targetId()));

        byte[] after = Files.readAllBytes(targetFile);
        byte[] sourceBytes = Files.readAllBytes(fx.pool.resolve("src.img"));
        assertEquals(before.length, after.length, "the target keeps its size");
        assertArrayEquals(sourceBytes, Arrays.copyOf(after, sourceBytes.length));
        assertArrayEquals(Arrays.copyOfRange(before, sourceBytes.length, before.length),
                Arrays.copyOfRange(after, sourceBytes.length, after.length), "the bytes past the source's are kept");
        assertEquals(inode, RestoredData.inode(targetFile), "the file LIO holds open is the one written");
        assertEquals(naa, fx.inventory.volume(target).orElseThrow().naaId());

        Replica relationship = fx.engine.replicaOf(target).orElseThrow();
        assertEquals(List.of(source, Replica.State.ESTABLISHED, CopyMethod.FULL_COPY, ReplicaKind.SNAPSHOT),
                List.of(relationship.sourceId(), relationship.state(), relationship.method(), relationship.kind()));
        assertEquals(source, attribute(targetFile, "lio-smis.source"), "the file records it as a snapshot's does");
        // a replica now: no other copy may be written into it
        assertRefused(RequestRefused.Reason.IN_USE, () -> fx.engine.replicateInto(source, target, ReplicaKind.CLONE,
                AS_POOL_CAN));
    }

    @Test
    void aClonesRelationshipEndsWithItsCopy() throws Exception {
        CreateReplicaResult made = fx.engine.replicateInto(source, target, ReplicaKind.CLONE, AS_POOL_CAN);
        assertEquals(Job.State.COMPLETED, fx.awaitEnd(made.jobId()).state());
        byte[] sourceBytes = Files.readAllBytes(fx.pool.resolve("src.img"));
        assertArrayEquals(sourceBytes, Arrays.copyOf(Files.readAllBytes(targetFile), sourceBytes.length));
        assertTrue(fx.engine.replicas().isEmpty());
        // an independent volume: it can be deleted, and receive another copy
        assertEquals(Job.State.COMPLETED, fx.awaitEnd(fx.engine.replicateInto(source, target, ReplicaKind.CLONE,
                AS_POOL_CAN).jobId()).state());
    }

    @Test
    void aTargetThatCannotHoldTheCopyOrIsInUseIsRefusedAndNothingChanges() throws Exception {
        String small = fx.volume("small", 8 * MIB);
        String snapshot = fx.replica(source, ReplicaKind.SNAPSHOT, "snap");
        List<Replica> relationships = fx.engine.replicas();
        String data = EngineFixture.sha256(targetFile);

        assertRefused(RequestRefused.Reason.INVALID_PARAMETER, () -> fx.engine.replicateInto(source, source,
                ReplicaKind.SNAPSHOT, AS_POOL_CAN));
        assertRefused(RequestRefused.Reason.INVALID_PARAMETER, () -> fx.engine.replicateInto(source, small,
                ReplicaKind.SNAPSHOT, AS_POOL_CAN));
        assertRefused(RequestRefused.Reason.INVALID_PARAMETER, () -> fx.engine.replicateInto(source, "fileio/nope",
                ReplicaKind.SNAPSHOT, AS_POOL_CAN));
        assertRefused(RequestRefused.Reason.INVALID_PARAMETER, () -> fx.engine.replicateInto("fileio/nope", target,
                ReplicaKind.SNAPSHOT, AS_POOL_CAN));
        // a replica, and a source of one
        assertRefused(RequestRefused.Reason.IN_USE, () -> fx.engine.replicateInto(small, snapshot,
                ReplicaKind.SNAPSHOT, AS_POOL_CAN));
        assertRefused(RequestRefused.Reason.IN_USE, () -> fx.engine.replicateInto(small, source,
                ReplicaKind.SNAPSHOT, AS_POOL_CAN));
        // being read by a copy
        Job copying = new Job("copying", Job.State.RUNNING, 10, "other", target, "fileio/other", "other.img",
                ReplicaKind.CLONE, Instant.now(), Instant.now(), null, true, Duration.ofMinutes(5), null, null);
        fx.store.putJob(copying);
        assertRefused(RequestRefused.Reason.IN_USE, () -> fx.engine.replicateInto(source, target,
                ReplicaKind.SNAPSHOT, AS_POOL_CAN));
        fx.store.deleteJob(copying.id());
        // at once, where only a copy can write it
        assertRefused(RequestRefused.Reason.NOT_SUPPORTED, () -> fx.engine.replicateInto(source, target,
                ReplicaKind.SNAPSHOT, CreateReplicaRequest.Timing.AT_ONCE));

        assertEquals(data, EngineFixture.sha256(targetFile));
        assertEquals(relationships, fx.engine.replicas());
        assertEquals(1, fx.engine.jobs().size(), "only the snapshot's job");
        // nothing is left busy: the target can still be deleted
        fx.engine.deleteVolume(target);
    }

    @Test
    void aCopyInterruptedByAStopLeavesTheTargetAndNoRelationship() throws Exception {
        Job running = new Job("writing", Job.State.RUNNING, 40, "into", source, target, targetFile.toString(),
                ReplicaKind.SNAPSHOT, Instant.now(), Instant.now(), null, true, Duration.ofMinutes(5), null, null);
        fx.store.putReplica(new Replica(source, target, ReplicaKind.SNAPSHOT, CopyMethod.FULL_COPY,
                Replica.State.OVERWRITING, 0, null, running.id()));
        fx.store.putJob(running);
        String data = EngineFixture.sha256(targetFile);

        new ReplicaEngine(fx.lio, Lvm.system(), fx.inventory, fx.store, new FileReplicator(),
                EngineSettings.defaults()).close();

        Job ended = fx.store.job(running.id()).orElseThrow();
        assertEquals(Job.State.EXCEPTION, ended.state());
        assertTrue(ended.errorDescription().contains("holds part of the data"), ended.errorDescription());
        assertTrue(fx.engine.replicas().isEmpty());
        assertTrue(fx.inventory.volume(target).isPresent(), "the volume the client named is kept");
        assertEquals(data, EngineFixture.sha256(targetFile));
    }

    private static String attribute(Path file, String name) throws Exception {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
        ByteBuffer value = ByteBuffer.allocate(view.size(name));
        view.read(name, value);
        return StandardCharsets.UTF_8.decode(value.flip()).toString();
    }

    private static void assertRefused(RequestRefused.Reason reason, org.junit.jupiter.api.function.Executable call) {
        assertEquals(reason, assertThrows(RequestRefused.class, call).reason());
    }
}
