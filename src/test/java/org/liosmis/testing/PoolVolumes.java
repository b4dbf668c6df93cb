package org.liosmis.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.liosmis.lio.FileioSpec;
import org.liosmis.lio.LioRoot;

/** Volumes an administrator made in a pool before lio-smis started, and what a pool directory holds. */
public final class PoolVolumes {

    private PoolVolumes() {
    }

    /**
     * A fileio volume in the demo's emulated LIO, backed by a sparse file in {@code poolDir}
     * holding data in the given {@code (offset, length)} ranges; its backing file.
     */
    public static Path add(Path stateDir, Path poolDir, String name, long size, long... dataRanges) throws Exception {
        Files.createDirectories(poolDir);
        Path file = TestFiles.sparse(poolDir.resolve(name + ".img").toAbsolutePath(), size, dataRanges);
        LioRoot.emulated(stateDir.resolve("configfs")).createFileio(FileioSpec.of(name, file, size));
        return file;
    }

    /** The names of every file in the pool, hidden ones (partial copies) included, sorted. */
    public static List<String> files(Path poolDir) throws IOException {
        try (Stream<Path> files = Files.list(poolDir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
