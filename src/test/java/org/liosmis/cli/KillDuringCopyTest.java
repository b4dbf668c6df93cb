package org.liosmis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.liosmis.testing.TestFiles.MIB;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.testing.PoolVolumes;
import org.liosmis.testing.ReplicaClient;
import org.liosmis.testing.ServerProcess;
import org.liosmis.testing.TestFiles;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;

/**
 * lio-smis killed with SIGKILL while a copy job runs: the next start ends the job as
 * Exception, removes whatever the copy had made and frees its ElementName.
 */
class KillDuringCopyTest {

    /** 3 GiB with 1.5 GiB of data: a copy of a few seconds, time enough to kill it midway. */
    private static final long SIZE = 3072L * MIB;

    @TempDir
    Path stateDir;

    @Test
    void aCopyCutShortByAKillEndsAsExceptionAtTheNextStartAndLeavesNothingBehind() throws Exception {
        Path pool = stateDir.resolve("pool");
        Path source = PoolVolumes.add(stateDir, pool, "big", SIZE, 0, SIZE / 4, SIZE / 2, SIZE / 4);
        String checksum = TestFiles.sha256(source);
        CIMObjectPath job;
        List<String> files;
        List<String> volumes;
        try (ServerProcess server = ServerProcess.start(stateDir)) {
            ReplicaClient client = new ReplicaClient(server.client());
            files = PoolVolumes.files(pool);
            volumes = client.volumeIds();
            ReplicaClient.Outcome outcome = client.createReplica("fileio/big", ReplicaClient.CLONE, "big copy", null);
            assertEquals(4096, outcome.returnValue());
            job = outcome.job();
            CIMInstance running = client.awaitJob(job, j -> ReplicaClient.percentComplete(j) > 0, Duration.ofSeconds(30));
            assertEquals(4, ReplicaClient.jobState(running), "the copy ended before it could be killed: " + running);
            server.kill();
        }

        try (ServerProcess server = ServerProcess.start(stateDir)) {
            ReplicaClient client = new ReplicaClient(server.client());
            CIMInstance ended = client.job(job);
            assertEquals(ReplicaClient.EXCEPTION, ReplicaClient.jobState(ended));
            assertEquals(100, ReplicaClient.percentComplete(ended));
            assertEquals(List.of(6, 17), ReplicaClient.operationalStatus(ended));
            String description = (String) ended.getPropertyValue("ErrorDescription");
            assertNotNull(description);
            assertTrue(description.contains("stopped while this copy ran") && description.contains("call CreateReplica again"),
                    description);
            List<CIMInstance> errors = client.errors(job);
            assertEquals(1, errors.size());
            assertEquals("CIM_Error", errors.getFirst().getClassName());
            assertEquals(description, errors.getFirst().getPropertyValue("Message"));

            assertEquals(files, PoolVolumes.files(pool), "no partial or target file is left in the pool");
            assertEquals(volumes, client.volumeIds(), "no storage object is left for the target");
            assertEquals(List.of(), client.storageSynchronized());
            assertEquals(checksum, TestFiles.sha256(source));

            ReplicaClient.Outcome again = client.createReplica("fileio/big", ReplicaClient.CLONE, "big copy", null);
            assertEquals(4096, again.returnValue(), "the ElementName is free again");
            assertEquals(ReplicaClient.COMPLETED, ReplicaClient.jobState(client.awaitEnd(again.job())));
            assertEquals(checksum, TestFiles.sha256(pool.resolve("big_copy.img")));
            assertTrue(client.volumeIds().contains("fileio/big_copy"), client.volumeIds().toString());
        }
    }
}
