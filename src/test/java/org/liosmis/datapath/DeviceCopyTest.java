package org.liosmis.datapath;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.liosmis.testing.TestFiles.MIB;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.testing.LoopDevice;

/** Device-to-device copies, as thick LVM replicas make them, between real loop devices. */
class DeviceCopyTest {

    @TempDir
    Path dir;

    private final FileReplicator replicator = new FileReplicator(Duration.ZERO);

    @Test
    void everyByteIsCopiedOverWhatTheTargetHeld() throws Exception {
        byte[] data = new byte[5 * MIB];
        new Random(7).nextBytes(data);
        Path sourceFile = Files.write(dir.resolve("source.img"), data);
        byte[] garbage = new byte[6 * MIB];
        Arrays.fill(garbage, (byte) 0x5a);
        Path targetFile = Files.write(dir.resolve("target.img"), garbage);
        List<Long> progress = new CopyOnWriteArrayList<>();
        try (LoopDevice source = LoopDevice.of(sourceFile); LoopDevice target = LoopDevice.of(targetFile)) {
            replicator.copyToDevice(source.device(), target.device(), data.length, false,
                    (done, total) -> progress.add(done), new CancelToken());
        }
        byte[] copied = Files.readAllBytes(targetFile);
        assertArrayEquals(data, Arrays.copyOf(copied, data.length));
        assertEquals(0x5a, copied[data.length], "bytes past the length are left alone");
        assertEquals(0L, progress.getFirst());
        assertEquals((long) data.length, progress.getLast());
    }

    @Test
    void aCancelledCopyStops() throws Exception {
        Path sourceFile = Files.write(dir.resolve("source.img"), new byte[2 * MIB]);
        Path targetFile = Files.write(dir.resolve("target.img"), new byte[2 * MIB]);
        CancelToken cancel = new CancelToken();
        cancel.cancel();
        try (LoopDevice source = LoopDevice.of(sourceFile); LoopDevice target = LoopDevice.of(targetFile)) {
            assertThrows(CopyCancelledException.class, () -> replicator.copyToDevice(source.device(), target.device(),
                    2 * MIB, false, CopyProgress.NONE, cancel));
        }
    }

    @Test
    void aSourceShorterThanTheLengthFails() throws Exception {
        Path sourceFile = Files.write(dir.resolve("source.img"), new byte[MIB]);
        Path targetFile = Files.write(dir.resolve("target.img"), new byte[2 * MIB]);
        try (LoopDevice source = LoopDevice.of(sourceFile); LoopDevice target = LoopDevice.of(targetFile)) {
            assertThrows(java.io.IOException.class, () -> replicator.copyToDevice(source.device(), target.device(),
                    2 * MIB, false, CopyProgress.NONE, new CancelToken()));
        }
    }

    @Test
    void onATargetThatReadsZerosChunksOfZerosAreNotWritten() throws Exception {
        byte[] data = new byte[6 * MIB];
        new Random(9).nextBytes(data);
        Arrays.fill(data, MIB, 5 * MIB, (byte) 0);
        Path source = Files.write(dir.resolve("source.img"), data);
        Path target = dir.resolve("thin.img");
        try (var file = java.nio.channels.FileChannel.open(target, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            file.truncate(0);
            file.write(java.nio.ByteBuffer.allocate(1), data.length - 1); // a fresh, fully sparse "thin volume"
        }
        replicator.copyToDevice(source, target, data.length, true, CopyProgress.NONE, new CancelToken());
        assertArrayEquals(data, Files.readAllBytes(target));
        long allocated = FileReplicator.allocatedBytes(target);
        assertTrue(allocated <= 2 * MIB + 64 * 1024, "only the 2 MiB of data is written, not the zeros: " + allocated);
    }
}
