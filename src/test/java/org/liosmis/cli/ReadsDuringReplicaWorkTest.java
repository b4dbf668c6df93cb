package org.liosmis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.liosmis.testing.TestFiles.MIB;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.testing.CimQueries;
import org.liosmis.testing.PoolVolumes;
import org.liosmis.testing.ReplicaClient;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * Reads over HTTP against "serve --demo" while replicas are copied and deleted: 32 independent
 * copies (CopyType 5) and 8 snapshots made by copying (CopyType 4) of four sources with some
 * MiB of data, each deleted with ReturnToStoragePool once its job completed, while three
 * clients enumerate volumes and StorageSynchronized, follow References and Associators of the
 * sources and of the jobs, and get every instance those returned. No read may fail, and
 * nothing an association returns may be missing, unless its deletion had been asked for.
 */
class ReadsDuringReplicaWorkTest {

    private static final int SOURCES = 4;
    private static final int COPIES = 32;
    private static final int SNAPSHOTS = 8;
    private static final int MAKERS = 4;
    private static final int READERS = 3;
    private static final long SOURCE_SIZE = 64 * MIB;
    private static final Duration BOUND = Duration.ofSeconds(75);

    @TempDir
    Path work;

    /** A replica asked for: its job and the DeviceID its volume will have. */
    private record Made(CIMObjectPath job, String volumeId) {
    }

    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private final Set<String> deletionAsked = ConcurrentHashMap.newKeySet();
    private final List<CIMObjectPath> jobs = new CopyOnWriteArrayList<>();
    private final AtomicBoolean churnDone = new AtomicBoolean();
    private final AtomicInteger readsWhileCopying = new AtomicInteger();

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void readsNeverFailWhileReplicasAreCopiedAndDeleted() throws Exception {
        Path stateDir = work.resolve("state");
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < SOURCES; i++) {
            // 4 MiB of data in two ranges, holes elsewhere: a sparse copy of some MiB
            PoolVolumes.add(stateDir, stateDir.resolve("pool"), "src" + i, SOURCE_SIZE, 0, 2 * MIB, 32 * MIB, 2 * MIB);
            sources.add("fileio/src" + i);
        }
        long deadline = System.nanoTime() + BOUND.toNanos();
        try (DemoServer server = DemoServer.start(stateDir)) {
            List<String> volumesBefore = new ReplicaClient(server.client()).volumeIds();
            List<WBEMClient> makers = new ArrayList<>();
            for (int i = 0; i < MAKERS; i++) {
                makers.add(server.client());
            }
            WBEMClient deleter = server.client();
            List<WBEMClient> readers = new ArrayList<>();
            for (int i = 0; i < READERS; i++) {
                readers.add(server.client());
            }
            ExecutorService threads = Executors.newFixedThreadPool(MAKERS + 1 + READERS);
            try {
                BlockingQueue<Made> made = new LinkedBlockingQueue<>();
                List<Future<?>> tasks = new ArrayList<>();
                for (int m = 0; m < MAKERS; m++) {
                    ReplicaClient client = new ReplicaClient(makers.get(m));
                    int first = m;
                    tasks.add(threads.submit(() -> make(client, sources, first, made)));
                }
                tasks.add(threads.submit(() -> deleteEach(new ReplicaClient(deleter), made, deadline)));
                for (int r = 0; r < READERS; r++) {
                    WBEMClient client = readers.get(r);
                    String source = sources.get(r % SOURCES);
                    tasks.add(threads.submit(() -> read(client, source, deadline)));
                }
                for (Future<?> future : tasks) {
                    future.get(BOUND.toSeconds() + 10, TimeUnit.SECONDS);
                }
            } finally {
                churnDone.set(true);
                threads.shutdownNow();
            }
            assertEquals(List.of(), List.copyOf(failures));
            assertTrue(readsWhileCopying.get() >= READERS, "the reads overlapped the copies only "
                    + readsWhileCopying.get() + " times: give the sources more data");
            ReplicaClient client = new ReplicaClient(server.client());
            assertEquals(volumesBefore, client.volumeIds(), "every replica was deleted");
            assertEquals(List.of(), client.storageSynchronized());
        }
    }

    /** CreateReplica of every MAKERS-th replica from {@code first}: copies, then snapshots. */
    private void make(ReplicaClient client, List<String> sources, int first, BlockingQueue<Made> made) {
        try {
            for (int i = first; i < COPIES + SNAPSHOTS; i += MAKERS) {
                boolean copy = i < COPIES;
                String name = (copy ? "copy" : "snap") + i;
                ReplicaClient.Outcome outcome = client.createReplica(sources.get(i % SOURCES),
                        copy ? ReplicaClient.CLONE : ReplicaClient.SNAPSHOT, name, null);
                if (outcome.returnValue() != 4096 || outcome.job() == null) {
                    failures.add("CreateReplica " + name + " returned " + outcome.returnValue()
                            + " instead of starting a copy job");
                    continue;
                }
                jobs.add(outcome.job());
                made.add(new Made(outcome.job(), "fileio/" + name));
            }
        } catch (Exception | AssertionError e) {
            failures.add("CreateReplica failed: " + e);
        }
    }

    /** Waits for each job to complete, then deletes the volume it made. */
    private void deleteEach(ReplicaClient client, BlockingQueue<Made> made, long deadline) {
        try {
            for (int n = 0; n < COPIES + SNAPSHOTS && failures.isEmpty(); n++) {
                Made next = made.poll(1, TimeUnit.SECONDS);
                for (; next == null && failures.isEmpty(); next = made.poll(1, TimeUnit.SECONDS)) {
                    if (System.nanoTime() > deadline) {
                        failures.add("only " + n + " replicas were started in time");
                    }
                }
                if (next == null) {
                    return;
                }
                CIMInstance ended = client.awaitEnd(next.job());
                if (ReplicaClient.jobState(ended) != ReplicaClient.COMPLETED) {
                    failures.add("job of " + next.volumeId() + " ended " + ended.getPropertyValue("JobState")
                            + ": " + ended.getPropertyValue("ErrorDescription"));
                    return;
                }
                deletionAsked.add(next.volumeId());
                int deleted = client.returnToStoragePool(client.volume(next.volumeId()));
                if (deleted != 0) {
                    failures.add("ReturnToStoragePool of " + next.volumeId() + " returned " + deleted);
                }
            }
        } catch (Exception | AssertionError e) {
            failures.add("deleting failed: " + e);
        } finally {
            churnDone.set(true);
        }
    }

    /**
     * The reads a console makes, again and again until the churn is over: each round also
     * follows the newest job and one more in turn, so every job is read while others run.
     */
    private void read(WBEMClient client, String source, long deadline) {
        String step = "";
        try {
            for (int round = 0; !churnDone.get() && failures.isEmpty() && System.nanoTime() < deadline; round++) {
                List<CIMObjectPath> known = List.copyOf(jobs);
                boolean copying = false;
                for (CIMObjectPath job : known.isEmpty() ? List.<CIMObjectPath>of()
                        : List.of(known.getLast(), known.get(round % known.size()))) {
                    String id = String.valueOf(job.getKeyValue("InstanceID"));
                    step = "GetInstance of job " + id;
                    copying |= ReplicaClient.jobState(client.getInstance(job, false, false, null)) < ReplicaClient.COMPLETED;
                    step = "";
                    follow(client, job, "job " + id);
                }
                step = "EnumerateInstances LIO_StorageVolume";
                CimQueries.all(client.enumerateInstances(path("LIO_StorageVolume"), true, false, false, null));
                step = "EnumerateInstances LIO_StorageSynchronized";
                for (CIMInstance sync : CimQueries.all(client.enumerateInstances(path("LIO_StorageSynchronized"),
                        true, false, false, null))) {
                    getEveryReference(client, sync, step);
                }
                step = "";
                follow(client, DemoReplicaClientTest.volume(source), source);
                if (copying) {
                    readsWhileCopying.incrementAndGet();
                }
            }
        } catch (Exception | AssertionError e) {
            failures.add(step.isEmpty() ? e.getMessage() : step + " failed: " + e);
        }
    }

    /** References and Associators of the object, and GetInstance of everything they name. */
    private void follow(WBEMClient client, CIMObjectPath object, String what) {
        String step = "References of " + what;
        try {
            for (CIMInstance reference : CimQueries.all(client.referenceInstances(object, null, null, false, null))) {
                getEveryReference(client, reference, step);
            }
            step = "Associators of " + what;
            for (CIMInstance associated : CimQueries.all(client.associatorInstances(object, null, null, null, null,
                    false, null))) {
                get(client, associated.getObjectPath(), step);
            }
        } catch (WBEMException e) {
            throw new AssertionError(step + " failed: " + e, e);
        }
    }

    private void getEveryReference(WBEMClient client, CIMInstance association, String step) throws WBEMException {
        for (CIMProperty<?> property : association.getProperties()) {
            if (property.getValue() instanceof CIMObjectPath reference) {
                get(client, reference, step);
            }
        }
    }

    /** GetInstance of what an association named: only a volume being deleted may be gone. */
    private void get(WBEMClient client, CIMObjectPath name, String step) throws WBEMException {
        try {
            client.getInstance(name, false, false, null);
        } catch (WBEMException e) {
            boolean deleted = e.getID() == WBEMException.CIM_ERR_NOT_FOUND
                    && deletionAsked.contains(String.valueOf(name.getKeyValue("DeviceID")));
            if (!deleted) {
                failures.add(step + " returned " + name + ", whose GetInstance failed: " + e);
            }
        }
    }

    private static CIMObjectPath path(String className) {
        return CimQueries.path(ReplicaClient.NAMESPACE, className);
    }
}
