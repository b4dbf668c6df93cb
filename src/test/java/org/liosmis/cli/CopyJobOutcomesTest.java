package org.liosmis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.liosmis.testing.TestFiles.MIB;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.datapath.FileReplicator;
import org.liosmis.testing.LoopFilesystem;
import org.liosmis.testing.PoolVolumes;
import org.liosmis.testing.ReplicaClient;
import org.liosmis.testing.TestFiles;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;

/**
 * How copy jobs end, through the SBLIM Java client against "serve --demo" on ext4 (no
 * reflink, so every replica is a copy job): with the source's bytes and holes, stopped on
 * request, or out of space in a small loop-mounted pool. Each test leaves the pools as it
 * found them, and the saved LIO configuration always lists exactly the volumes LIO has.
 */
class CopyJobOutcomesTest {

    /** 2 GiB with 1 GiB of data: a copy that runs for a second or more. */
    private static final long BIG = 2048L * MIB;
    /** 24 MiB of data: fits once in the small pool (about 39 MiB free), not twice. */
    private static final long HALF_DATA = 24L * MIB;

    @TempDir
    static Path work;
    private static Path stateDir;
    private static Path pool;
    private static LoopFilesystem small;
    private static LoopFilesystem held1;
    private static LoopFilesystem held2;
    private static DemoServer server;
    private static ReplicaClient client;
    private static String bigChecksum;
    private static String halfChecksum;

    private List<String> volumesBefore;
    private List<String> poolFilesBefore;

    @BeforeAll
    static void start() throws Exception {
        stateDir = work.resolve("state");
        pool = stateDir.resolve("pool");
        bigChecksum = TestFiles.sha256(PoolVolumes.add(stateDir, pool, "big", BIG, 0, BIG / 4, BIG / 2, BIG / 4));
        halfChecksum = TestFiles.sha256(PoolVolumes.add(stateDir, pool, "half", 2 * HALF_DATA, 0, HALF_DATA));
        small = LoopFilesystem.ext4(Files.createDirectories(work.resolve("small")), 48L * MIB);
        held1 = LoopFilesystem.ext4(Files.createDirectories(work.resolve("held1")), BIG * 5 / 8);
        held2 = LoopFilesystem.ext4(Files.createDirectories(work.resolve("held2")), BIG * 5 / 8);
        server = DemoServer.start(stateDir, "--pool", "default=" + pool, "--pool", "small=" + small.root(),
                "--pool", "held1=" + held1.root(), "--pool", "held2=" + held2.root());
        client = new ReplicaClient(server.client());
    }

    @AfterAll
    static void stop() {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            for (LoopFilesystem fs : new LoopFilesystem[] {small, held1, held2}) {
                if (fs != null) {
                    fs.close();
                }
            }
        }
    }

    @BeforeEach
    void remember() throws Exception {
        volumesBefore = client.volumeIds();
        poolFilesBefore = PoolVolumes.files(pool);
    }

    @AfterEach
    void nothingChangedBehindTheClientsBack() throws Exception {
        held1.thaw(); // a failed test must not leave a pool frozen
        held2.thaw();
        assertEquals(bigChecksum, TestFiles.sha256(pool.resolve("big.img")));
        assertEquals(halfChecksum, TestFiles.sha256(pool.resolve("half.img")));
        assertEquals(client.volumeIds(), SavedVolumes.in(stateDir), "the saved config lists exactly LIO's volumes");
    }

    private void assertNothingLeftBehind() throws Exception {
        assertEquals(poolFilesBefore, PoolVolumes.files(pool), "no partial or target file");
        assertEquals(List.of("lost+found"), PoolVolumes.files(small.root()));
        assertEquals(List.of("lost+found"), PoolVolumes.files(held1.root()));
        assertEquals(List.of("lost+found"), PoolVolumes.files(held2.root()));
        assertEquals(volumesBefore, client.volumeIds(), "no storage object for the target");
        assertEquals(List.of(), client.storageSynchronized());
    }

    private CIMObjectPath startCopy(String sourceId, String elementName, String poolId) throws Exception {
        ReplicaClient.Outcome outcome = client.createReplica(sourceId, ReplicaClient.CLONE, elementName, poolId);
        assertEquals(4096, outcome.returnValue());
        return outcome.job();
    }

    private CIMInstance awaitRunning(CIMObjectPath job) throws Exception {
        return client.awaitJob(job, j -> ReplicaClient.jobState(j) == 4, Duration.ofSeconds(30));
    }

    @Test
    void aCopyHasTheSourcesBytesAndHoles() throws Exception {
        CIMObjectPath job = startCopy("fileio/demo3", "demo3 copy", null);
        assertEquals(ReplicaClient.COMPLETED, ReplicaClient.jobState(client.awaitEnd(job)));

        Path source = pool.resolve("demo3.img");
        Path replica = pool.resolve("demo3_copy.img");
        assertEquals(TestFiles.sha256(source), TestFiles.sha256(replica));
        // st_blocks also counts ext4's extent-tree blocks, which follow fragmentation, not the data
        assertEquals(FileReplicator.allocatedBytes(source), FileReplicator.allocatedBytes(replica), 2 * 4096.0,
                "the replica allocates what the source does");
        assertTrue(FileReplicator.allocatedBytes(replica) < 33L * MIB, "holes stay holes");

        assertEquals(0, client.returnToStoragePool(client.volume("fileio/demo3_copy")));
        assertNothingLeftBehind();
    }

    @Test
    void terminateAndKillStopACopyAndRemoveWhatItMade() throws Exception {
        CIMObjectPath terminated = startCopy("fileio/big", "stopped copy", null);
        awaitRunning(terminated);
        assertEquals(5, client.requestStateChange(terminated, 2), "a running copy cannot be started");
        assertEquals(4096, client.requestStateChange(terminated, 4));
        CIMInstance ended = client.awaitEnd(terminated);
        assertEquals(ReplicaClient.TERMINATED, ReplicaClient.jobState(ended));
        assertEquals(List.of(10, 17), ReplicaClient.operationalStatus(ended));
        assertNothingLeftBehind();
        assertEquals(4097, client.requestStateChange(terminated, 4), "an ended job cannot be stopped");

        // the ElementName is free again; KillJob and RequestedState 5 both kill
        CIMObjectPath killedByKillJob = startCopy("fileio/big", "stopped copy", null);
        awaitRunning(killedByKillJob);
        assertEquals(4096, client.invoke(killedByKillJob, "KillJob"));
        assertKilled(killedByKillJob);
        CIMObjectPath killedOnRequest = startCopy("fileio/big", "stopped copy", null);
        awaitRunning(killedOnRequest);
        assertEquals(4096, client.requestStateChange(killedOnRequest, 5));
        assertKilled(killedOnRequest);
    }

    private void assertKilled(CIMObjectPath job) throws Exception {
        CIMInstance ended = client.awaitEnd(job);
        assertEquals(ReplicaClient.KILLED, ReplicaClient.jobState(ended));
        assertEquals(List.of(14, 17), ReplicaClient.operationalStatus(ended));
        assertNothingLeftBehind();
    }

    @Test
    void aSecondCopyIntoRoomForOneIsRefusedAndACopyOutOfSpaceEndsAsException() throws Exception {
        long free = small.freeBytes();
        // two copies held in frozen pools take both copy threads: a copy into "small" waits in line
        CIMObjectPath first = holdACopyThread(held1, "held1");
        CIMObjectPath second = holdACopyThread(held2, "held2");
        CIMObjectPath squeezed = startCopy("fileio/half", "squeezed", "small");

        // the room is promised to the waiting copy: a second one is refused at once
        ReplicaClient.Outcome refused = client.createReplica("fileio/half", ReplicaClient.CLONE, "one too many", "small");
        assertEquals(5, refused.returnValue());
        assertEquals(null, refused.job());

        // another writer takes most of that room while the copy waits: it runs out of space
        Path filler = TestFiles.sparse(small.root().resolve("filler"), 20L * MIB, 0, 20L * MIB);
        assertEquals(4096, client.requestStateChange(first, 4));
        held1.thaw();
        CIMInstance failed = client.awaitEnd(squeezed);
        assertEquals(ReplicaClient.EXCEPTION, ReplicaClient.jobState(failed));
        assertEquals(List.of(6, 17), ReplicaClient.operationalStatus(failed));
        String description = (String) failed.getPropertyValue("ErrorDescription");
        assertTrue(description.contains("no space left in " + small.root()) && description.contains("pool small"),
                description);
        assertEquals(50, ((Number) client.errors(squeezed).getFirst().getPropertyValue("ProbableCause")).intValue(),
                "Storage Capacity Problem");
        assertEquals(4096, client.requestStateChange(second, 4));
        held2.thaw();
        assertEquals(ReplicaClient.TERMINATED, ReplicaClient.jobState(client.awaitEnd(first)));
        assertEquals(ReplicaClient.TERMINATED, ReplicaClient.jobState(client.awaitEnd(second)));

        assertEquals(List.of("filler", "lost+found"), PoolVolumes.files(small.root()));
        Files.delete(filler);
        assertEquals(free, small.freeBytes(), (double) 64 * 1024, "the failed copy left no space taken");
        assertEquals(List.of(), client.storageSynchronized());
        assertNothingLeftBehind();
    }

    /** A long copy into the pool, stopped in its tracks by freezing the pool's filesystem. */
    private CIMObjectPath holdACopyThread(LoopFilesystem fs, String poolId) throws Exception {
        CIMObjectPath job = startCopy("fileio/big", "held in " + poolId, poolId);
        awaitRunning(job);
        fs.freeze();
        assertEquals(4, ReplicaClient.jobState(client.job(job)), "the copy ended before its pool was frozen");
        return job;
    }

    @Test
    void aTargetPoolWithLessFreeSpaceThanTheSourcesDataIsRefusedAtOnce() throws Exception {
        ReplicaClient.Outcome outcome = client.createReplica("fileio/big", ReplicaClient.CLONE, "too big", "small");
        assertEquals(5, outcome.returnValue());
        assertEquals(null, outcome.job());
        assertNothingLeftBehind();
    }
}
