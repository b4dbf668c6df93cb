package org.liosmis.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.liosmis.testing.TestFiles.MIB;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.testing.LoopFilesystem;
import org.liosmis.testing.PoolVolumes;
import org.liosmis.testing.ReplicaClient;
import org.liosmis.testing.ServerProcess;
import org.liosmis.testing.TestFiles;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;

/**
 * An async mirror's cycle against a full copy, end to end through a {@code serve --demo}
 * process: a 1 GiB volume of data on a reflink XFS pool, 1% of it rewritten (160 scattered
 * 64 KiB writes) before each of 5 cycles, each cycle a Resync whose job is timed until it
 * ends; against a CopyType 5 copy job of the same volume into a pool on another filesystem.
 * Run with -Pbenchmark; see docs/performance.md.
 */
@Tag("benchmark")
class MirrorCycleBenchmark {

    private static final long GIB = 1024 * MIB;
    private static final int WRITE = 64 * 1024;
    private static final int WRITES_PER_CYCLE = 160;
    private static final int CYCLES = 5;
    private static final int COPIES = 3;

    @TempDir
    Path work;
    private final List<String> rows = new ArrayList<>();

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void aCycleShipsWhatChangedAndTakesAFractionOfAFullCopy() throws Exception {
        try (LoopFilesystem xfs = LoopFilesystem.xfsWithReflink(work, 8 * GIB)) {
            Path state = xfs.root().resolve("state");
            Path pool = xfs.root().resolve("pool");
            Path copyPool = work.resolve("other-pool");
            Path source = PoolVolumes.add(state, pool, "vol", GIB, 0, GIB);
            try (ServerProcess server = ServerProcess.start(state, "--pool", "default=" + pool,
                    "--pool", "other=" + copyPool)) {
                ReplicaClient client = new ReplicaClient(server.client());
                long[] copies = new long[COPIES];
                for (int i = 0; i < COPIES; i++) {
                    long start = System.nanoTime();
                    ReplicaClient.Outcome copy = client.createReplica("fileio/vol", ReplicaClient.CLONE, "copy" + i,
                            "other");
                    assertEquals(ReplicaClient.COMPLETED, ReplicaClient.jobState(client.awaitEnd(copy.job())));
                    copies[i] = System.nanoTime() - start;
                    assertEquals(0, client.returnToStoragePool(client.volume("fileio/copy" + i)));
                }
                row("full copy of the 1 GiB volume (CopyType 5 job into another filesystem)", copies, "");

                long start = System.nanoTime();
                ReplicaClient.Outcome mirror = client.createReplica("fileio/vol", 2, "mirror", null);
                assertEquals(ReplicaClient.COMPLETED, ReplicaClient.jobState(client.awaitEnd(mirror.job())));
                row("async mirror's first cycle (every block compared and shipped)", new long[] {System.nanoTime() - start},
                        shipped(client));
                cycles(client, source, pool);
            }
        }
        System.out.println("\n| measurement | median | min | max | shipped by the last |\n|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    private void cycles(ReplicaClient client, Path source, Path pool) throws Exception {
        Random random = new Random(11);
        long[] nanos = new long[CYCLES];
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            try (RandomAccessFile out = new RandomAccessFile(source.toFile(), "rw")) {
                byte[] data = new byte[WRITE];
                for (int i = 0; i < WRITES_PER_CYCLE; i++) {
                    random.nextBytes(data);
                    out.seek((long) random.nextInt((int) (GIB / WRITE)) * WRITE);
                    out.write(data);
                }
                out.getFD().sync();
            }
            long start = System.nanoTime();
            ReplicaClient.Outcome resync = client.modifySynchronization(4, synchronization(client).getObjectPath());
            assertEquals(ReplicaClient.COMPLETED, ReplicaClient.jobState(client.awaitEnd(resync.job())));
            nanos[cycle] = System.nanoTime() - start;
            assertEquals(TestFiles.sha256(source), TestFiles.sha256(pool.resolve("mirror.img")));
            long shipped = ((Number) synchronization(client).getPropertyValue("LastCycleBytes")).longValue();
            assertTrue(shipped <= (long) WRITES_PER_CYCLE * WRITE, "a cycle shipped " + shipped);
        }
        row("async mirror cycle after 1% of the volume changed (Resync until its job ends)", nanos, shipped(client));
    }

    private static CIMInstance synchronization(ReplicaClient client) throws Exception {
        return client.storageSynchronized().stream().filter(s -> "fileio/mirror".equals(
                ((CIMObjectPath) s.getPropertyValue("SyncedElement")).getKeyValue("DeviceID"))).findFirst().orElseThrow();
    }

    private static String shipped(ReplicaClient client) throws Exception {
        CIMInstance sync = synchronization(client);
        return String.format(Locale.ROOT, "%.1f MiB in %s ms", ((Number) sync.getPropertyValue("LastCycleBytes"))
                .longValue() / (double) MIB, sync.getPropertyValue("LastCycleMilliseconds"));
    }

    private void row(String what, long[] nanos, String shipped) {
        Timings timings = Timings.of(nanos);
        rows.add(String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms | %s |", what, timings.medianMillis(),
                timings.minMillis(), timings.percentileMillis(100), shipped));
    }
}
