package org.liosmis.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.liosmis.testing.TestFiles.MIB;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.testing.LoopDevice;
import org.liosmis.testing.LoopFilesystem;
import org.liosmis.testing.TestFiles;

/**
 * One asynchronous mirror cycle on a loop-mounted XFS with reflink: a volume's file is cloned,
 * written in a few places, cloned again; what changed between the clones is found and shipped
 * onto a target that held the first clone's bytes.
 */
class MirrorDeltaTest {

    private static final long SIZE = 64L * MIB;
    private static final long FS_BLOCK = 4096;
    // XFS may remap a little more than the blocks written; more than this is not "only what changed"
    private static final long SLACK = 256 * 1024;

    @TempDir
    static Path work;

    @AutoClose
    private static LoopFilesystem xfs;

    private final FileReplicator replicator = new FileReplicator();
    private final Random random = new Random(42);
    private final List<ByteRange> written = new ArrayList<>();
    private Path source;
    private Path previous;
    private Path target;

    @BeforeAll
    static void mount() throws IOException {
        xfs = LoopFilesystem.xfsWithReflink(work, 400L << 20);
    }

    /** The last cycle: the volume cloned, and its bytes on the target. */
    @BeforeEach
    void lastCycle() throws IOException {
        source = TestFiles.sparse(xfs.root().resolve("volume"), SIZE, 0, SIZE);
        previous = xfs.root().resolve("previous");
        assertTrue(replicator.reflink(source, previous), "XFS with reflink=1 must clone");
        target = xfs.root().resolve("target");
        replicator.copy(previous, target, CopyProgress.NONE, CancelToken.none());
    }

    @AfterEach
    void emptyTheFilesystem() throws IOException {
        xfs.deleteFiles();
    }

    @Test
    void theChangesAreTheBlocksWrittenAndPunched() throws IOException {
        Path current = writeScatteredThenClone();

        ByteRanges changed = CloneDelta.changedRanges(previous, current);

        ByteRanges expected = inFsBlocks(written);
        for (ByteRange range : expected.ranges()) {
            assertTrue(covered(range, changed), range + " was written but is not among the changes " + changed);
        }
        assertTrue(changed.totalBytes() <= expected.totalBytes() + SLACK,
                "only what was written counts as changed: " + changed + ", written " + expected);
    }

    @Test
    void clonesOfAnUnwrittenVolumeHaveNoChanges() throws IOException {
        Path current = clone("current");
        assertEquals(ByteRanges.of(), CloneDelta.changedRanges(previous, current));
    }

    @Test
    void aVolumeGrownOrShrunkChangesOnlyAtItsEnd() throws IOException {
        resize(SIZE / 2);
        Path shrunk = clone("shrunk");
        assertEquals(ByteRanges.of(), CloneDelta.changedRanges(previous, shrunk), "nothing past the end is listed");

        resize(SIZE + MIB);
        Path grown = clone("grown");
        ByteRanges changed = CloneDelta.changedRanges(shrunk, grown);
        assertEquals(ByteRanges.of(ByteRange.between(SIZE / 2, SIZE + MIB)), changed,
                "all past the shorter clone's end, though a hole, for the target may hold anything there");
    }

    @Test
    void shippingTheChangesMakesTheTargetTheCurrentClone() throws IOException {
        Path current = writeScatteredThenClone();
        ByteRanges changed = CloneDelta.changedRanges(previous, current);
        long allocatedBefore = FileReplicator.allocatedBytes(target);
        List<long[]> reports = new CopyOnWriteArrayList<>();

        long shipped = new RangeShipper(Duration.ZERO).ship(current, target, changed,
                (done, total) -> reports.add(new long[] {done, total}), CancelToken.none());

        assertEquals(TestFiles.sha256(current), TestFiles.sha256(target));
        assertEquals(changed.totalBytes() - 2 * MIB, shipped, "the punched hole is not written");
        assertEquals(allocatedBefore - 2 * MIB, FileReplicator.allocatedBytes(target), "the hole frees its blocks");
        assertEquals(List.of(0L, shipped), List.of(reports.getFirst()[0], reports.getFirst()[1]));
        assertEquals(List.of(shipped, shipped), List.of(reports.getLast()[0], reports.getLast()[1]));
        assertEquals(ByteRanges.of(), new BlockCompare(Duration.ZERO).differences(current, target, CopyProgress.NONE,
                CancelToken.none()), "nothing differs once shipped");
    }

    @Test
    void blockCompareFindsTheWrittenBlocks() throws IOException {
        Path current = writeScatteredThenClone();
        List<Long> reports = new CopyOnWriteArrayList<>();

        ByteRanges differing = new BlockCompare(Duration.ZERO)
                .differences(current, target, (done, total) -> reports.add(done), CancelToken.none());

        assertEquals(inBlocks(written, BlockCompare.BLOCK_BYTES), differing);
        assertEquals(0L, reports.getFirst());
        assertEquals(SIZE, reports.getLast());
    }

    @Test
    void shippingOntoABlockDeviceWritesZerosForHoles() throws IOException {
        Path current = writeScatteredThenClone();
        Path backing = Files.copy(previous, work.resolve("device.img"));
        try (LoopDevice device = LoopDevice.of(backing)) {
            ByteRanges changed = CloneDelta.changedRanges(previous, current);

            long shipped = new RangeShipper(Duration.ZERO).ship(current, device.device(), changed, CopyProgress.NONE,
                    CancelToken.none());

            assertEquals(changed.totalBytes(), shipped, "a device gets the hole's zeros written");
            assertEquals(TestFiles.sha256(current), TestFiles.sha256(device.device()));
            assertEquals(ByteRanges.of(), new BlockCompare(Duration.ZERO).differences(current, device.device(),
                    CopyProgress.NONE, CancelToken.none()));
        } finally {
            Files.delete(backing);
        }
    }

    @Test
    void cancellingStopsShipping() throws IOException {
        Path current = writeScatteredThenClone();
        CancelToken cancel = new CancelToken();
        List<Long> reports = new CopyOnWriteArrayList<>();
        ByteRanges everything = ByteRanges.of(new ByteRange(0, SIZE));

        assertThrows(CopyCancelledException.class, () -> new RangeShipper(Duration.ZERO).ship(current, target,
                everything, (done, total) -> {
                    reports.add(done);
                    if (done > 0) {
                        cancel.cancel();
                    }
                }, cancel));

        assertEquals(MIB, reports.getLast(), "one chunk, then it stopped");
        assertNotEquals(TestFiles.sha256(current), TestFiles.sha256(target));
    }

    @Test
    void cancellingStopsComparing() {
        CancelToken cancel = new CancelToken();
        cancel.cancel();
        assertThrows(CopyCancelledException.class,
                () -> new BlockCompare(Duration.ZERO).differences(previous, target, CopyProgress.NONE, cancel));
    }

    @Test
    void aRangePastTheImageIsRefused() throws IOException {
        Path current = clone("current");
        ByteRanges tooFar = ByteRanges.of(new ByteRange(SIZE - 1, 2));
        RangeShipper shipper = new RangeShipper(Duration.ZERO);
        assertThrows(IllegalArgumentException.class,
                () -> shipper.ship(current, target, tooFar, CopyProgress.NONE, CancelToken.none()));
    }

    /** Writes unaligned and aligned regions of the volume and punches a hole, then clones it as this cycle's. */
    private Path writeScatteredThenClone() throws IOException {
        write(MIB + 100, 5000);
        write(20L * MIB, 3 * MIB);
        write(63L * MIB + 4000, 10);
        try (NativeFile volume = NativeFile.open(source, Libc.O_WRONLY, 0)) {
            volume.punchHole(40L * MIB, 2 * MIB);
            written.add(new ByteRange(40L * MIB, 2 * MIB));
        }
        return clone("current");
    }

    private void write(long offset, int length) throws IOException {
        byte[] data = new byte[length];
        random.nextBytes(data);
        try (FileChannel file = FileChannel.open(source, StandardOpenOption.WRITE)) {
            file.write(ByteBuffer.wrap(data), offset);
            file.force(true);
        }
        written.add(new ByteRange(offset, length));
    }

    private void resize(long length) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(source.toFile(), "rw")) {
            file.setLength(length);
        }
    }

    private Path clone(String name) throws IOException {
        Path clone = xfs.root().resolve(name);
        assertTrue(replicator.reflink(source, clone));
        return clone;
    }

    private static ByteRanges inFsBlocks(List<ByteRange> ranges) {
        return inBlocks(ranges, FS_BLOCK);
    }

    private static ByteRanges inBlocks(List<ByteRange> ranges, long block) {
        return new ByteRanges(ranges.stream()
                .map(r -> ByteRange.between(r.offset() / block * block,
                        Math.min(SIZE, (r.end() + block - 1) / block * block)))
                .toList());
    }

    private static boolean covered(ByteRange range, ByteRanges by) {
        return by.ranges().stream().anyMatch(r -> r.offset() <= range.offset() && range.end() <= r.end());
    }
}
