package org.liosmis.datapath;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.liosmis.testing.TestFiles.MIB;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.liosmis.testing.Commands;
import org.liosmis.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The full copy against {@code cp --sparse=always} on a 2 GiB file with 1 GiB of data
 * (16 × 64 MiB), source in the page cache. Both timings include making the copy durable
 * (cp is followed by {@code sync <file>}, FileReplicator fsyncs). Run with {@code -Pbenchmark}.
 */
@Tag("benchmark")
class CopyThroughputBenchmark {

    private static final int ROUNDS = 10;

    @TempDir
    Path dir;

    @Test
    void copiesAtLeastNineTenthsAsFastAsCp() throws IOException {
        long[] data = new long[32];
        for (int i = 0; i < 16; i++) {
            data[2 * i] = i * 128L * MIB;
            data[2 * i + 1] = 64L * MIB;
        }
        Path source = TestFiles.sparse(dir.resolve("source"), 2048L * MIB, data);
        TestFiles.sha256(source); // into the page cache for both contenders
        FileReplicator replicator = new FileReplicator();
        runCp(source);
        runReplicator(replicator, source); // warm-up rounds, not counted
        long[] cpNanos = new long[ROUNDS];
        long[] ownNanos = new long[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            // alternating who goes first evens out the page cache and writeback each one inherits
            if (round % 2 == 0) {
                cpNanos[round] = runCp(source);
                ownNanos[round] = runReplicator(replicator, source);
            } else {
                ownNanos[round] = runReplicator(replicator, source);
                cpNanos[round] = runCp(source);
            }
        }
        double cpSeconds = median(cpNanos);
        double ownSeconds = median(ownNanos);
        System.out.printf("copy of 2 GiB (1 GiB data): cp --sparse=always + sync %.2f s, FileReplicator %.2f s"
                + " (medians of %d; cp %s, FileReplicator %s)%n", cpSeconds, ownSeconds, ROUNDS,
                Arrays.toString(seconds(cpNanos)), Arrays.toString(seconds(ownNanos)));
        assertTrue(ownSeconds <= cpSeconds / 0.9, "FileReplicator is slower than 0.9 × cp");
    }

    private long runCp(Path source) throws IOException {
        Path byCp = dir.resolve("by-cp");
        long start = System.nanoTime();
        Commands.run(Commands.require("cp", "coreutils"), "--sparse=always", source.toString(), byCp.toString());
        Commands.run(Commands.require("sync", "coreutils"), byCp.toString());
        long nanos = System.nanoTime() - start;
        Files.delete(byCp);
        return nanos;
    }

    private long runReplicator(FileReplicator replicator, Path source) throws IOException {
        Path byReplicator = dir.resolve("by-replicator");
        long start = System.nanoTime();
        replicator.copy(source, byReplicator, CopyProgress.NONE, CancelToken.none());
        long nanos = System.nanoTime() - start;
        Files.delete(byReplicator);
        return nanos;
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e9;
    }

    private static String[] seconds(long[] nanos) {
        return Arrays.stream(nanos).mapToObj(n -> String.format("%.2f", n / 1e9)).toArray(String[]::new);
    }
}
