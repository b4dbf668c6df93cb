package org.liosmis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.liosmis.testing.TestFiles.MIB;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.testing.LoopFilesystem;
import org.liosmis.testing.PoolVolumes;
import org.liosmis.testing.ReplicaClient;
import org.liosmis.testing.ServerProcess;
import org.liosmis.testing.TestFiles;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;

/**
 * lio-smis killed with SIGKILL in the middle of an async mirror's cycle, on a loop-mounted XFS
 * with reflink: at the next start the same job runs the cycle again from the last base and
 * completes, leaving the target equal to the source and no cycle image behind; first during
 * the mirror's first cycle, then during a later one.
 */
class KillDuringMirrorCycleTest {

    /** 2 GiB with 1 GiB of data: a first cycle of a few seconds, time enough to kill it midway. */
    private static final long SIZE = 2048L * MIB;
    private static final int ASYNC = 2;
    private static final int RESYNC = 4;

    @TempDir
    Path work;

    @Test
    void aCycleCutShortByAKillRunsAgainAtTheNextStartAndCompletes() throws Exception {
        try (LoopFilesystem xfs = LoopFilesystem.xfsWithReflink(work, 8192L * MIB)) {
            Path stateDir = xfs.root().resolve("state");
            Path pool = stateDir.resolve("pool");
            Path source = PoolVolumes.add(stateDir, pool, "big", SIZE, 0, SIZE / 4, SIZE / 2, SIZE / 4);
            CIMObjectPath job;
            try (ServerProcess server = ServerProcess.start(stateDir)) {
                ReplicaClient client = new ReplicaClient(server.client());
                ReplicaClient.Outcome outcome = client.createReplica("fileio/big", ASYNC, "big mirror", null);
                assertEquals(4096, outcome.returnValue());
                assertEquals("fileio/big_mirror", outcome.targetElement().getKeyValue("DeviceID"),
                        "the target is a volume while its first cycle runs");
                job = outcome.job();
                killMidway(server, client, job);
            }
            CIMObjectPath synchronization = completesAfterRestart(stateDir, job, source, pool);

            // a later cycle: a quarter of the volume rewritten, then a resync killed midway
            rewrite(source, SIZE / 8, SIZE / 4);
            try (ServerProcess server = ServerProcess.start(stateDir)) {
                ReplicaClient client = new ReplicaClient(server.client());
                ReplicaClient.Outcome resync = client.modifySynchronization(RESYNC, synchronization);
                assertEquals(4096, resync.returnValue());
                killMidway(server, client, resync.job());
                job = resync.job();
            }
            completesAfterRestart(stateDir, job, source, pool);
        }
    }

    private static void killMidway(ServerProcess server, ReplicaClient client, CIMObjectPath job) throws Exception {
        CIMInstance running = client.awaitJob(job, j -> ReplicaClient.percentComplete(j) > 0, Duration.ofSeconds(60));
        assertEquals(4, ReplicaClient.jobState(running), "the cycle ended before it could be killed: " + running);
        server.kill();
    }

    /** Restarts lio-smis and waits for the job; the mirror's relationship. */
    private static CIMObjectPath completesAfterRestart(Path stateDir, CIMObjectPath job, Path source, Path pool)
            throws Exception {
        try (ServerProcess server = ServerProcess.start(stateDir)) {
            ReplicaClient client = new ReplicaClient(server.client());
            CIMInstance ended = client.awaitEnd(job);
            assertEquals(ReplicaClient.COMPLETED, ReplicaClient.jobState(ended), String.valueOf(
                    ended.getPropertyValue("ErrorDescription")));
            assertEquals(TestFiles.sha256(source), TestFiles.sha256(pool.resolve("big_mirror.img")),
                    "the target equals the source, which stood still");
            assertFalse(Files.exists(pool.resolve(".big_mirror.lio-smis-next")), "no cycle image is left over");
            assertTrue(Files.exists(pool.resolve(".big_mirror.lio-smis-base")));
            CIMInstance mirror = client.storageSynchronized().stream()
                    .filter(s -> "fileio/big_mirror".equals(((CIMObjectPath) s.getPropertyValue("SyncedElement"))
                            .getKeyValue("DeviceID"))).findFirst().orElseThrow();
            assertEquals(2, ((Number) mirror.getPropertyValue("CopyType")).intValue());
            assertEquals(6, ((Number) mirror.getPropertyValue("SyncState")).intValue());
            assertEquals(4, ((Number) mirror.getPropertyValue("CopyState")).intValue());
            assertEquals(100, ((Number) mirror.getPropertyValue("PercentSynced")).intValue());
            return mirror.getObjectPath();
        }
    }

    private static void rewrite(Path file, long offset, long length) throws Exception {
        byte[] block = new byte[(int) MIB];
        Arrays.fill(block, (byte) 0x3C);
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            for (long at = offset; at < offset + length; at += MIB) {
                out.seek(at);
                out.write(block);
            }
            out.getFD().sync();
        }
    }
}
