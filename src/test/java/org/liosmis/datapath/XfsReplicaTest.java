package org.liosmis.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.liosmis.testing.TestFiles.MIB;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.testing.LoopFilesystem;
import org.liosmis.testing.TestFiles;

/** Clones and copies on a loop-mounted XFS with reflink, made and removed by the test. */
class XfsReplicaTest {

    @TempDir
    static Path work;

    private static LoopFilesystem xfs;

    private final FileReplicator replicator = new FileReplicator();

    @BeforeAll
    static void mount() throws IOException {
        xfs = LoopFilesystem.xfsWithReflink(work, 1L << 30);
    }

    @AfterAll
    static void unmount() {
        if (xfs != null) {
            xfs.close();
        }
    }

    @AfterEach
    void emptyTheFilesystem() throws IOException {
        xfs.deleteFiles();
    }

    @Test
    void reflinkSharesExtentsAndCopiesOnWrite() throws IOException {
        Path source = TestFiles.sparse(xfs.root().resolve("source"), 256L * MIB, 0, 256L * MIB);
        Path clone = xfs.root().resolve("clone");
        String checksum = TestFiles.sha256(source);
        long usedBefore = xfs.usedBytes();

        long start = System.nanoTime();
        assertTrue(replicator.reflink(source, clone));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertTrue(millis < 2_000, "reflink of 256 MiB took " + millis + " ms");
        assertTrue(xfs.usedBytes() - usedBefore < 4L * MIB,
                "a clone shares its extents, yet the filesystem grew by " + (xfs.usedBytes() - usedBefore));
        assertEquals(checksum, TestFiles.sha256(clone));

        try (RandomAccessFile writable = new RandomAccessFile(clone.toFile(), "rw")) {
            writable.seek(100L * MIB);
            writable.write(new byte[MIB]);
        }
        assertEquals(checksum, TestFiles.sha256(source), "writing the clone must not change the source");
        assertNotEquals(checksum, TestFiles.sha256(clone));
    }

    @Test
    void reflinkAcrossFilesystemsIsRefusedAndLeavesNothing() throws IOException {
        Path source = TestFiles.sparse(work.resolve("on-ext4"), 4L * MIB, 0, 4L * MIB);
        try {
            assertFalse(replicator.reflink(source, xfs.root().resolve("clone")));
            try (Stream<Path> files = Files.list(xfs.root())) {
                assertEquals(0, files.count());
            }
        } finally {
            Files.delete(source);
        }
    }

    @Test
    void copyKeepsHolesAndSharesNothing() throws IOException {
        long size = 256L * MIB;
        long[] data = new long[16];
        for (int i = 0; i < 8; i++) {
            data[2 * i] = i * 32L * MIB + 8L * MIB;
            data[2 * i + 1] = 16L * MIB;
        }
        Path source = TestFiles.sparse(xfs.root().resolve("source"), size, data);
        Path target = xfs.root().resolve("target");
        long usedBefore = xfs.usedBytes();

        replicator.copy(source, target, CopyProgress.NONE, CancelToken.none());

        assertEquals(TestFiles.sha256(source), TestFiles.sha256(target));
        assertEquals(FileReplicator.allocatedBytes(source), FileReplicator.allocatedBytes(target), "allocated bytes");
        assertTrue(xfs.usedBytes() - usedBefore >= 128L * MIB, "a full copy owns its blocks");
    }
}
