package org.liosmis.bench;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CreateReplica round trip against the server {@link BenchTarget} names: a snapshot of
 * fileio/demo1 in the demo's pool, then ReturnToStoragePool of it, 3 warm-up and 10 measured
 * runs. Where the pool cannot reflink the snapshot is a copy job, followed until it ends.
 * Prints the results rows naming the server; see docs/performance.md.
 */
@Tag("benchmark")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RoundTripBenchmark {

    private static final int WARM_UP = 3;
    private static final int RUNS = 10;

    @Test
    void snapshotAndReturnToPool(@TempDir Path state) throws Exception {
        try (BenchTarget server = BenchTarget.open(state.resolve("lio"))) {
            SnapshotRoundTrips trips = SnapshotRoundTrips.measure(server.client(), "fileio/demo1", WARM_UP, RUNS);
            System.out.printf(Locale.ROOT, "%n| server | measurement, %d runs (%d of them a job) | median | p90 |%n"
                    + "|---|---|---|---|%n", RUNS, trips.jobs());
            row(server, "CreateReplica returned (CopyType 4 of fileio/demo1, SBLIM Java client)", trips.returned());
            row(server, "replica usable: CreateReplica returned without a job, or its job ended (polled every "
                    + SnapshotRoundTrips.POLL_MILLIS + " ms)", trips.usable());
            row(server, "ReturnToStoragePool returned", trips.returnedToPool());
        }
    }

    private static void row(BenchTarget server, String what, long[] nanos) {
        Timings timings = Timings.of(nanos);
        System.out.printf(Locale.ROOT, "| %s | %s | %.1f ms | %.1f ms |%n", server.label(), what,
                timings.medianMillis(), timings.percentileMillis(90));
    }
}
