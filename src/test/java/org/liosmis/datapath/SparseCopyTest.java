package org.liosmis.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.liosmis.testing.TestFiles.MIB;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.liosmis.testing.TestFiles;

/** Full copies and refused clones on the machine's ext4 (/tmp). */
class SparseCopyTest {

    @TempDir
    Path dir;

    private final FileReplicator replicator = new FileReplicator(Duration.ZERO);

    @BeforeEach
    void onExt4() throws IOException {
        assertEquals("ext4", Files.getFileStore(dir).type(), "these tests expect java.io.tmpdir on ext4");
    }

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of("empty", 0L, new long[] {}),
                Arguments.of("only a hole", 16L * MIB, new long[] {}),
                Arguments.of("dense, not a multiple of the block size", 5L * MIB + 123, new long[] {0, 5L * MIB + 123}),
                Arguments.of("data then a hole to the end", 8L * MIB, new long[] {0, MIB}),
                Arguments.of("hole, data, hole, data at the end", 12L * MIB,
                        new long[] {2L * MIB, 3L * MIB, 9L * MIB, 3L * MIB}),
                Arguments.of("data over several chunks at an odd offset", 40L * MIB + 777,
                        new long[] {MIB + 4096, 20L * MIB, 40L * MIB, 777}),
                Arguments.of("many small extents", 4L * MIB, everyOther(4096, 65536, 4L * MIB)));
    }

    private static long[] everyOther(long length, long stride, long size) {
        long[] ranges = new long[(int) (size / stride) * 2];
        for (int i = 0; i < ranges.length; i += 2) {
            ranges[i] = (i / 2) * stride;
            ranges[i + 1] = length;
        }
        return ranges;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void copiesDataAndKeepsHoles(String shape, long size, long[] data) throws IOException {
        Path source = TestFiles.sparse(dir.resolve("source"), size, data);
        Path target = dir.resolve("target");
        List<long[]> reports = new CopyOnWriteArrayList<>();

        replicator.copy(source, target, (done, total) -> reports.add(new long[] {done, total}), CancelToken.none());

        assertEquals(TestFiles.sha256(source), TestFiles.sha256(target));
        assertEquals(size, Files.size(target));
        assertEquals(FileReplicator.allocatedBytes(source), FileReplicator.allocatedBytes(target), "allocated bytes");
        long total = dataBytes(data);
        assertEquals(0, reports.getFirst()[0]);
        assertEquals(List.of(total, total), List.of(reports.getLast()[0], reports.getLast()[1]));
        for (int i = 1; i < reports.size(); i++) {
            assertTrue(reports.get(i)[0] >= reports.get(i - 1)[0], "progress never goes back");
        }
        assertEquals(List.of(source, target), listing());
    }

    private static long dataBytes(long[] ranges) {
        long sum = 0;
        for (int i = 1; i < ranges.length; i += 2) {
            sum += ranges[i];
        }
        return sum;
    }

    @Test
    void leavesTheSourceUntouched() throws IOException {
        Path source = TestFiles.sparse(dir.resolve("source"), 12L * MIB, 0, MIB, 6L * MIB, 2L * MIB);
        Files.setLastModifiedTime(source, FileTime.fromMillis(1_000_000_000_000L));
        String checksum = TestFiles.sha256(source);

        replicator.copy(source, dir.resolve("target"), CopyProgress.NONE, CancelToken.none());

        assertEquals(checksum, TestFiles.sha256(source));
        assertEquals(FileTime.fromMillis(1_000_000_000_000L), Files.getLastModifiedTime(source));
    }

    @Test
    void givesTheReplicaTheSourcesPermissions() throws IOException {
        Path source = TestFiles.sparse(dir.resolve("source"), MIB, 0, MIB);
        Files.setPosixFilePermissions(source, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));

        replicator.copy(source, dir.resolve("target"), CopyProgress.NONE, CancelToken.none());

        assertEquals(Files.getPosixFilePermissions(source), Files.getPosixFilePermissions(dir.resolve("target")));
    }

    @Test
    void copiesConcurrentlyFromSeveralThreads() throws Exception {
        Path source = TestFiles.sparse(dir.resolve("source"), 64L * MIB, 0, 8L * MIB, 32L * MIB, 8L * MIB);
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            List<Future<Path>> copies = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Path target = dir.resolve("replica-" + i);
                copies.add(threads.submit(() -> {
                    replicator.copy(source, target, CopyProgress.NONE, CancelToken.none());
                    return target;
                }));
            }
            for (Future<Path> copy : copies) {
                assertEquals(TestFiles.sha256(source), TestFiles.sha256(copy.get(60, TimeUnit.SECONDS)));
            }
        }
    }

    @Test
    void cancelMidCopyLeavesNothing() throws IOException {
        Path source = TestFiles.sparse(dir.resolve("source"), 1L << 30, 0, 32L * MIB, 512L * MIB, 32L * MIB);
        Path target = dir.resolve("target");
        CancelToken cancel = new CancelToken();
        List<Long> reports = new CopyOnWriteArrayList<>();

        assertThrows(CopyCancelledException.class, () -> replicator.copy(source, target, (done, total) -> {
            reports.add(done);
            if (done > 0) {
                cancel.cancel();
            }
        }, cancel));

        assertTrue(reports.getLast() > 0 && reports.getLast() < 64L * MIB, "cancelled mid-copy: " + reports);
        assertEquals(List.of(source), listing());
    }

    @Test
    void interruptStopsTheCopyAndKeepsTheFlag() throws IOException {
        Path source = TestFiles.sparse(dir.resolve("source"), 4L * MIB, 0, 4L * MIB);
        Thread.currentThread().interrupt();
        try {
            assertThrows(InterruptedIOException.class,
                    () -> replicator.copy(source, dir.resolve("target"), CopyProgress.NONE, CancelToken.none()));
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
        assertEquals(List.of(source), listing());
    }

    @Test
    void refusesAnExistingTarget() throws IOException {
        Path source = TestFiles.sparse(dir.resolve("source"), MIB, 0, MIB);
        Path target = Files.writeString(dir.resolve("target"), "keep me");

        assertThrows(FileAlreadyExistsException.class,
                () -> replicator.copy(source, target, CopyProgress.NONE, CancelToken.none()));
        assertThrows(FileAlreadyExistsException.class, () -> replicator.reflink(source, target));

        assertEquals("keep me", Files.readString(target));
        assertEquals(List.of(source, target), listing());
    }

    @Test
    void neverFollowsASymlinkAtTheTarget() throws IOException {
        Path source = TestFiles.sparse(dir.resolve("source"), MIB, 0, MIB);
        Path target = Files.createSymbolicLink(dir.resolve("target"), dir.resolve("elsewhere"));

        assertThrows(FileAlreadyExistsException.class,
                () -> replicator.copy(source, target, CopyProgress.NONE, CancelToken.none()));

        assertFalse(Files.exists(dir.resolve("elsewhere")));
        assertTrue(Files.isSymbolicLink(target));
    }

    @Test
    void reportsAMissingSource() {
        assertThrows(NoSuchFileException.class, () -> replicator.copy(dir.resolve("missing"), dir.resolve("target"),
                CopyProgress.NONE, CancelToken.none()));
        assertThrows(NoSuchFileException.class, () -> replicator.reflink(dir.resolve("missing"), dir.resolve("target")));
    }

    @Test
    void refusesADirectoryAsSource() throws IOException {
        Path source = Files.createDirectory(dir.resolve("source"));

        IOException e = assertThrows(IOException.class,
                () -> replicator.copy(source, dir.resolve("target"), CopyProgress.NONE, CancelToken.none()));

        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        assertEquals(List.of(source), listing());
    }

    @Test
    void reflinkIsRefusedOnExt4AndLeavesNothing() throws IOException {
        Path source = TestFiles.sparse(dir.resolve("source"), 4L * MIB, 0, MIB);

        assertFalse(replicator.reflink(source, dir.resolve("target")));

        assertEquals(List.of(source), listing());
    }

    @Test
    void recognisesPartialFiles() {
        assertTrue(FileReplicator.isPartialFile(dir.resolve(".vol1.partial-0123456789abcdef")));
        assertFalse(FileReplicator.isPartialFile(dir.resolve("vol1")));
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
