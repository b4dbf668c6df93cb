package org.liosmis.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.liosmis.lio.FileioSpec;
import org.liosmis.lio.LioRoot;
import org.liosmis.lio.configfs.ConfigFsException;

/**
 * A temporary "serve --demo" state directory whose emulated LIO already holds many fileio
 * volumes; the demo then adds only its own three. Backing files are created by the emulator,
 * sparse, in the demo's pool directory.
 */
final class DemoStateDir implements AutoCloseable {

    private static final long VOLUME_BYTES = 1024 * 1024;

    private final Path dir;
    private final long creationNanos;

    private DemoStateDir(Path dir, long creationNanos) {
        this.dir = dir;
        this.creationNanos = creationNanos;
    }

    static DemoStateDir withVolumes(int count) throws IOException, ConfigFsException {
        Path dir = Files.createTempDirectory("lio-smis-bench");
        Path pool = Files.createDirectories(dir.resolve("pool"));
        // no saved config: it is rewritten whole on every change (as targetcli does), which
        // setting up ten thousand volumes in a row does not need to measure
        LioRoot lio = LioRoot.emulated(dir.resolve("configfs"), null);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String name = "bench" + i;
            lio.createFileio(FileioSpec.of(name, pool.resolve(name + ".img"), VOLUME_BYTES));
        }
        return new DemoStateDir(dir, System.nanoTime() - start);
    }

    Path path() {
        return dir;
    }

    /** How long creating the volumes took. */
    double creationSeconds() {
        return creationNanos / 1e9;
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
