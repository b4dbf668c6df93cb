package org.liosmis.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.liosmis.testing.DemoClients;
import org.liosmis.testing.ServerProcess;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.wbem.CloseableIterator;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.EnumerateResponse;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * LIO_StorageVolume with 10,000 volumes (plus the demo's three) over CIM-XML on 127.0.0.1:
 * enumeration time and server heap, plain and paged with the pull operations, and GetInstance
 * throughput with concurrent clients. The
 * server runs in its own JVM with -Xmx512m. Prints a results table; see docs/performance.md.
 */
@Tag("benchmark")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class StorageVolumeBenchmark {

    /** -Dbench.volumes=N for a quick run with fewer volumes. */
    private static final int EXTRA_VOLUMES = Integer.getInteger("bench.volumes", 10_000);
    private static final int EXPECTED_VOLUMES = EXTRA_VOLUMES + 3;
    private static final String NAMESPACE = "root/lio";
    private static final String SERVER_HEAP = "-Xmx512m";
    private static final int ENUMERATION_WARMUPS = 2;
    private static final int ENUMERATION_RUNS = 5;
    private static final int PAGE = 100;
    private static final int CLIENTS = 16;
    private static final long GET_WARMUP_MILLIS = 3_000;
    private static final long GET_MEASURE_MILLIS = 10_000;

    private static DemoStateDir state;
    private static ServerProcess server;
    private static HeapProbe heap;
    private static final List<String> rows = new ArrayList<>();

    @BeforeAll
    static void startServer() throws Exception {
        state = DemoStateDir.withVolumes(EXTRA_VOLUMES);
        server = ServerProcess.start(state.path(), List.of(SERVER_HEAP));
        heap = new HeapProbe(server.pid());
        rows.add(String.format(Locale.ROOT, "| creating %,d fileio volumes on the emulator | %.1f s (%.2f ms each) | |",
                EXTRA_VOLUMES, state.creationSeconds(), state.creationSeconds() * 1000 / EXTRA_VOLUMES));
        rows.add(String.format(Locale.ROOT, "| server heap after start, live after full GC | %,d KiB | |",
                heap.liveKib()));
    }

    @AfterAll
    static void stopServer() throws Exception {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (state != null) {
                state.close();
            }
        }
        System.out.println();
        System.out.println("| measurement | result | detail |");
        System.out.println("|---|---|---|");
        rows.forEach(System.out::println);
    }

    @Test
    @Order(1)
    void enumerateInstanceNames() throws Exception {
        try (Client client = new Client()) {
            enumeration("EnumerateInstanceNames", client,
                    c -> count(c.wbem.enumerateInstanceNames(volumes())));
        }
    }

    @Test
    @Order(2)
    void enumerateInstances() throws Exception {
        try (Client client = new Client()) {
            enumeration("EnumerateInstances", client,
                    c -> count(c.wbem.enumerateInstances(volumes(), true, false, false, null)));
        }
    }

    @Test
    @Order(3)
    void pullInstancesWithPath() throws Exception {
        try (Client client = new Client()) {
            enumeration("OpenEnumerateInstances + PullInstancesWithPath (MaxObjectCount " + PAGE + ")", client,
                    StorageVolumeBenchmark::pullAll);
            // what an enumeration context holds: the live heap with one open after its first page
            long before = heap.liveKib();
            EnumerateResponse<CIMInstance> first = client.wbem.enumerateInstances(volumes(), true, false, null,
                    null, null, null, false, new UnsignedInteger32(PAGE));
            assertEquals(PAGE, count(first.getResponses()));
            long open = heap.liveKib();
            client.wbem.closeEnumeration(volumes(), first.getContext());
            rows.add(String.format(Locale.ROOT, "| one enumeration context open after its first page of %d "
                    + "| live %,d KiB more than before it | server heap: live %,d KiB before, %,d KiB open, %,d KiB "
                    + "after CloseEnumeration |", PAGE, open - before, before, open, heap.liveKib()));
        }
    }

    /** One pull enumeration to its end, as a client paging through every volume does. */
    private static int pullAll(Client client) throws WBEMException {
        UnsignedInteger32 page = new UnsignedInteger32(PAGE);
        EnumerateResponse<CIMInstance> response = client.wbem.enumerateInstances(volumes(), true, false, null, null,
                null, null, false, page);
        int count = count(response.getResponses());
        while (!response.isEnd()) {
            response = client.wbem.getInstancesWithPath(volumes(), response.getContext(), page);
            count += count(response.getResponses());
        }
        return count;
    }

    @Test
    @Order(4)
    void getInstanceWithConcurrentClients() throws Exception {
        List<CIMObjectPath> names;
        try (Client client = new Client()) {
            names = new ArrayList<>();
            CloseableIterator<CIMObjectPath> all = client.wbem.enumerateInstanceNames(volumes());
            all.forEachRemaining(names::add);
            all.close();
        }
        ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
        try {
            long start = System.nanoTime();
            long measureFrom = start + TimeUnit.MILLISECONDS.toNanos(GET_WARMUP_MILLIS);
            long end = measureFrom + TimeUnit.MILLISECONDS.toNanos(GET_MEASURE_MILLIS);
            List<Future<long[]>> perClient = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                perClient.add(threads.submit(() -> getInstancesUntil(names, measureFrom, end)));
            }
            List<Long> latencies = new ArrayList<>();
            for (Future<long[]> f : perClient) {
                for (long nanos : f.get()) {
                    latencies.add(nanos);
                }
            }
            Timings timings = Timings.of(latencies.stream().mapToLong(Long::longValue).toArray());
            rows.add(String.format(Locale.ROOT, "| GetInstance, %d clients, %d s | %,.0f requests/s "
                    + "| latency median %.2f ms, p99 %.2f ms, %,d requests |", CLIENTS, GET_MEASURE_MILLIS / 1000,
                    timings.count() * 1000.0 / GET_MEASURE_MILLIS, timings.medianMillis(),
                    timings.percentileMillis(99), timings.count()));
        } finally {
            threads.shutdownNow();
        }
    }

    /** One client's loop: random volumes; latencies of the calls that start in the measured window. */
    private static long[] getInstancesUntil(List<CIMObjectPath> names, long measureFrom, long end) throws Exception {
        List<Long> latencies = new ArrayList<>();
        try (Client client = new Client()) {
            for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                CIMObjectPath name = names.get(ThreadLocalRandom.current().nextInt(names.size()));
                CIMInstance instance = client.wbem.getInstance(name, false, false, null);
                long done = System.nanoTime();
                assertEquals(name.getKeyValue("DeviceID"), instance.getPropertyValue("DeviceID"));
                if (now >= measureFrom && done <= end) {
                    latencies.add(done - now);
                }
            }
        }
        return latencies.stream().mapToLong(Long::longValue).toArray();
    }

    private static void enumeration(String operation, Client client, Enumeration call) throws Exception {
        for (int i = 0; i < ENUMERATION_WARMUPS; i++) {
            assertEquals(EXPECTED_VOLUMES, call.count(client));
        }
        long before = heap.liveKib();
        long[] nanos = new long[ENUMERATION_RUNS];
        long peak = heap.peakKibDuring(() -> {
            for (int i = 0; i < ENUMERATION_RUNS; i++) {
                long start = System.nanoTime();
                assertEquals(EXPECTED_VOLUMES, call.count(client));
                nanos[i] = System.nanoTime() - start;
            }
        });
        long after = heap.liveKib();
        Timings timings = Timings.of(nanos);
        assertTrue(timings.count() == ENUMERATION_RUNS);
        rows.add(String.format(Locale.ROOT, "| %s LIO_StorageVolume (%,d returned) | median %.0f ms, min %.0f ms "
                + "| server heap: live %,d KiB before, %,d KiB after, peak in use %,d KiB |", operation,
                EXPECTED_VOLUMES, timings.medianMillis(), timings.minMillis(), before, after, peak));
    }

    private static CIMObjectPath volumes() {
        return new CIMObjectPath(null, null, null, NAMESPACE, "LIO_StorageVolume", null);
    }

    private static int count(CloseableIterator<?> iterator) {
        int count = 0;
        try {
            while (iterator.hasNext()) {
                iterator.next();
                count++;
            }
        } finally {
            iterator.close();
        }
        return count;
    }

    @FunctionalInterface
    private interface Enumeration {
        int count(Client client) throws WBEMException;
    }

    /** A WBEMClient of its own, logged in as the demo's admin. */
    private static final class Client implements AutoCloseable {

        final WBEMClient wbem;

        Client() throws Exception {
            wbem = DemoClients.connect(server.httpPort(), server.password());
        }

        @Override
        public void close() {
            wbem.close();
        }
    }
}
