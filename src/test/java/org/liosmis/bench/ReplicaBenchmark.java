package org.liosmis.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.liosmis.testing.TestFiles.MIB;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.testing.Commands;
import org.liosmis.testing.LoopFilesystem;
import org.liosmis.testing.PoolVolumes;
import org.liosmis.testing.ServerProcess;
import org.liosmis.testing.TestFiles;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * CreateReplica end to end: snapshot time of a 1 GiB and a 64 GiB volume through wbemcli on
 * a reflink XFS pool (the same data in both, so only the size differs), CreateReplica and
 * ReturnToStoragePool round trips through the Java client, and a full-copy job on ext4
 * against cp --sparse=always of the same file. Run with -Pbenchmark; see docs/performance.md.
 */
@Tag("benchmark")
class ReplicaBenchmark {

    private static final long GIB = 1024 * MIB;
    private static final int WARM_UP = 3;
    private static final int RUNS = 10;
    private static final String VOLUME_KEYS = "LIO_StorageVolume.CreationClassName=\"LIO_StorageVolume\","
            + "DeviceID=\"fileio/%s\",SystemCreationClassName=\"LIO_StorageSystem\",SystemName=\"lio-demo\"";
    private static final String SERVICE = "LIO_StorageConfigurationService.CreationClassName="
            + "\"LIO_StorageConfigurationService\",Name=\"StorageConfigurationService\","
            + "SystemCreationClassName=\"LIO_StorageSystem\",SystemName=\"lio-demo\"";

    @TempDir
    Path work;
    private final List<String> rows = new ArrayList<>();
    private int replicas;

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void replicas() throws Exception {
        try (LoopFilesystem xfs = LoopFilesystem.xfsWithReflink(work, 100 * GIB)) {
            Path state = work.resolve("state");
            Path reflinkPool = xfs.root().resolve("pool");
            Path copyPool = work.resolve("ext4-pool");
            PoolVolumes.add(state, reflinkPool, "small", GIB, spread(GIB));
            PoolVolumes.add(state, reflinkPool, "large", 64 * GIB, spread(64 * GIB));
            Path copySource = PoolVolumes.add(state, copyPool, "dense", 2 * GIB, halves(2 * GIB));
            try (ServerProcess server = ServerProcess.start(state, "--pool", "default=" + reflinkPool,
                    "--pool", "ext4=" + copyPool)) {
                snapshotsThroughWbemcli(server, "small");
                snapshotsThroughWbemcli(server, "large");
                roundTrips(server);
                fullCopy(server, copySource, copyPool);
            }
        }
        System.out.println("\n| measurement | median | min | max |\n|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    /** 16 data ranges of 4 MiB spread over the volume: 64 MiB of data whatever its size. */
    private static long[] spread(long size) {
        long[] ranges = new long[32];
        for (int i = 0; i < 16; i++) {
            ranges[2 * i] = i * (size / 16);
            ranges[2 * i + 1] = 4 * MIB;
        }
        return ranges;
    }

    /** 64 MiB of data in every other 128 MiB: half the volume is data. */
    private static long[] halves(long size) {
        int count = (int) (size / (128 * MIB));
        long[] ranges = new long[2 * count];
        for (int i = 0; i < count; i++) {
            ranges[2 * i] = i * 128 * MIB;
            ranges[2 * i + 1] = 64 * MIB;
        }
        return ranges;
    }

    private void snapshotsThroughWbemcli(ServerProcess server, String volume) throws Exception {
        String base = "http://admin:" + server.password() + "@127.0.0.1:" + server.httpPort() + "/root/lio:";
        long[] nanos = new long[RUNS];
        WBEMClient client = server.client();
        for (int i = -WARM_UP; i < RUNS; i++) {
            String name = "snap" + replicas++;
            long start = System.nanoTime();
            String out = Commands.run("wbemcli", "cm", base + SERVICE, "CreateReplica.ElementName=\"" + name
                    + "\",CopyType=4,SourceElement=" + String.format(VOLUME_KEYS, volume));
            long took = System.nanoTime() - start;
            assertTrue(out.contains("CreateReplica: 0"), out);
            if (i >= 0) {
                nanos[i] = took;
            }
            returnToPool(client, name);
        }
        row("snapshot (CopyType 4, reflink) of the " + volume + " volume through wbemcli, process start included", nanos);
    }

    private void roundTrips(ServerProcess server) throws Exception {
        SnapshotRoundTrips trips = SnapshotRoundTrips.measure(server.client(), "fileio/small", WARM_UP, RUNS);
        assertEquals(0, trips.jobs(), "a reflink snapshot needs no job");
        row("CreateReplica round trip (reflink snapshot, Java client)", trips.returned());
        row("ReturnToStoragePool round trip (Java client)", trips.returnedToPool());
    }

    private void fullCopy(ServerProcess server, Path source, Path pool) throws Exception {
        WBEMClient client = server.client();
        TestFiles.sha256(source); // the source in the page cache for both contenders
        long[] cp = new long[3];
        long[] job = new long[3];
        for (int i = 0; i < 3; i++) {
            Path byCp = pool.resolve("by-cp.img");
            long start = System.nanoTime();
            Commands.run("cp", "--sparse=always", source.toString(), byCp.toString());
            Commands.run("sync", byCp.toString());
            cp[i] = System.nanoTime() - start;
            Files.delete(byCp);

            String name = "copy" + replicas++;
            start = System.nanoTime();
            CIMArgument<?>[] out = new CIMArgument<?>[2];
            Object value = client.invokeMethod(service(), "CreateReplica", new CIMArgument<?>[] {
                new CIMArgument<>("ElementName", CIMDataType.STRING_T, name),
                new CIMArgument<>("CopyType", CIMDataType.UINT16_T, new UnsignedInteger16(5)),
                reference("SourceElement", volume("dense"))}, out);
            assertEquals(4096, ((Number) value).intValue());
            awaitJob(client, (CIMObjectPath) out[0].getValue());
            job[i] = System.nanoTime() - start;
            returnToPool(client, name);
        }
        row("cp --sparse=always + sync of a 2 GiB volume, 1 GiB data (ext4)", cp);
        row("full-copy job of the same volume (CopyType 5, ext4), until PercentComplete=100", job);
        rows.add(String.format(Locale.ROOT, "| full copy: cp time / job time (goal: at least 0.9) | %.2f | | |",
                Timings.of(cp).medianMillis() / Timings.of(job).medianMillis()));
    }

    private static void awaitJob(WBEMClient client, CIMObjectPath job) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            CIMInstance instance = client.getInstance(job, false, false, new String[] {"PercentComplete", "JobState"});
            if (((Number) instance.getPropertyValue("PercentComplete")).intValue() == 100) {
                assertEquals(7, ((Number) instance.getPropertyValue("JobState")).intValue());
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("copy job did not end: " + job);
    }

    private void row(String what, long[] nanos) {
        Timings timings = Timings.of(nanos);
        rows.add(String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms |", what, timings.medianMillis(),
                timings.minMillis(), timings.percentileMillis(100)));
    }

    private static void returnToPool(WBEMClient client, String name) throws Exception {
        assertEquals(0, invoke(client, "ReturnToStoragePool", reference("TheElement", volume(name))));
    }

    private static int invoke(WBEMClient client, String method, CIMArgument<?>... in) throws Exception {
        return ((Number) client.invokeMethod(service(), method, in, new CIMArgument<?>[2])).intValue();
    }

    private static CIMArgument<?> reference(String name, CIMObjectPath path) {
        return new CIMArgument<>(name, new CIMDataType(path.getObjectName()), path);
    }

    private static CIMObjectPath service() {
        return path("LIO_StorageConfigurationService", Map.of("CreationClassName", "LIO_StorageConfigurationService",
                "Name", "StorageConfigurationService", "SystemCreationClassName", "LIO_StorageSystem",
                "SystemName", "lio-demo"));
    }

    private static CIMObjectPath volume(String name) {
        return path("LIO_StorageVolume", Map.of("CreationClassName", "LIO_StorageVolume", "DeviceID", "fileio/" + name,
                "SystemCreationClassName", "LIO_StorageSystem", "SystemName", "lio-demo"));
    }

    private static CIMObjectPath path(String className, Map<String, String> keys) {
        CIMProperty<?>[] properties = keys.entrySet().stream().map(e -> new CIMProperty<>(e.getKey(),
                CIMDataType.STRING_T, e.getValue(), true, false, null)).toArray(CIMProperty<?>[]::new);
        return new CIMObjectPath(null, null, null, "root/lio", className, properties);
    }
}
