package org.liosmis.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.liosmis.testing.ReplicaClient;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * Snapshots (CreateReplica CopyType 4) of one volume, each returned to the pool, timed as a
 * client sees them: until CreateReplica answers; until the replica is usable, at once or when
 * its job has ended (polled every {@value #POLL_MILLIS} ms); and ReturnToStoragePool. Warm-up
 * runs first; a job is deleted once its replica is returned, outside the timings, so a shared
 * server is left as found.
 */
record SnapshotRoundTrips(long[] returned, long[] usable, long[] returnedToPool, int jobs) {

    // fine enough for a copy of a few MiB, coarse enough not to load the server
    static final int POLL_MILLIS = 5;

    static SnapshotRoundTrips measure(WBEMClient client, String sourceId, int warmUp, int runs) throws Exception {
        ReplicaClient replicas = new ReplicaClient(client, Duration.ofMillis(POLL_MILLIS));
        CIMObjectPath source = replicas.volume(sourceId);
        long[] returned = new long[runs];
        long[] usable = new long[runs];
        long[] returnedToPool = new long[runs];
        int jobs = 0;
        for (int i = -warmUp; i < runs; i++) {
            long start = System.nanoTime();
            ReplicaClient.Outcome outcome = replicas.createReplica(source, ReplicaClient.SNAPSHOT,
                    "round trip " + (i + warmUp), null);
            long answered = System.nanoTime();
            CIMObjectPath job = outcome.job();
            assertEquals(job == null ? 0 : 4096, outcome.returnValue(), "CreateReplica's return value");
            if (job != null) {
                assertEquals(ReplicaClient.COMPLETED, ReplicaClient.jobState(replicas.awaitEnd(job)));
            }
            long ended = System.nanoTime();
            CIMObjectPath replica = job == null ? outcome.targetElement() : replicas.madeBy(job);
            long returning = System.nanoTime();
            assertEquals(0, replicas.returnToStoragePool(replica), "ReturnToStoragePool's return value");
            long back = System.nanoTime();
            if (job != null) {
                client.deleteInstance(job);
            }
            if (i >= 0) {
                returned[i] = answered - start;
                usable[i] = ended - start;
                returnedToPool[i] = back - returning;
                jobs += job == null ? 0 : 1;
            }
        }
        return new SnapshotRoundTrips(returned, usable, returnedToPool, jobs);
    }
}
