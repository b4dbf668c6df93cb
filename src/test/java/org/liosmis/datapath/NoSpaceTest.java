package org.liosmis.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.liosmis.testing.TestFiles.MIB;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.testing.LoopFilesystem;
import org.liosmis.testing.TestFiles;

/** A copy into a full filesystem (a 64 MiB loop-mounted ext4) fails cleanly. */
class NoSpaceTest {

    @TempDir
    Path work;

    private LoopFilesystem small;

    private final FileReplicator replicator = new FileReplicator(Duration.ZERO);

    @BeforeEach
    void mount() throws IOException {
        small = LoopFilesystem.ext4(work, 64L * MIB);
    }

    @AfterEach
    void unmount() {
        small.close();
    }

    @Test
    void refusesACopyBiggerThanTheFreeSpace() throws IOException {
        Path source = TestFiles.sparse(work.resolve("source"), 256L * MIB, 0, 100L * MIB);
        Path target = small.root().resolve("replica");
        long free = small.freeBytes();

        NoSpaceException e = assertThrows(NoSpaceException.class,
                () -> replicator.copy(source, target, CopyProgress.NONE, CancelToken.none()));

        assertEquals(small.root(), e.directory());
        assertEquals(100L * MIB, e.neededBytes());
        assertTrue(e.getMessage().startsWith("no space left in " + small.root() + " for 104857600 bytes (100.0 MiB)"),
                e.getMessage());
        assertEquals(List.of("lost+found"), names());
        assertEquals(free, small.freeBytes());
    }

    @Test
    void reportsAFilesystemThatFillsUpDuringTheCopy() throws IOException {
        Path source = TestFiles.sparse(work.resolve("source"), 40L * MIB, 0, 40L * MIB);
        Path target = small.root().resolve("replica");
        Path filler = small.root().resolve("filler");
        long free = small.freeBytes();

        NoSpaceException e = assertThrows(NoSpaceException.class,
                () -> replicator.copy(source, target, (done, total) -> {
                    if (done > 0 && !Files.exists(filler)) {
                        fill(filler);
                    }
                }, CancelToken.none()));

        assertTrue(e.getMessage().contains("no space left in " + small.root()), e.getMessage());
        assertEquals(List.of("filler", "lost+found"), names());
        Files.delete(filler);
        assertEquals(free, small.freeBytes(), "the partial replica's blocks are free again");
    }

    // another writer takes the rest of the space while the copy runs
    private static void fill(Path filler) {
        byte[] block = new byte[MIB];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // the filesystem is full now
        }
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(small.root())) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
