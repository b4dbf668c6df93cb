package org.liosmis.datapath;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import org.liosmis.testing.Commands;

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
            replicator.copyToDevice(source.device, target.device, data.length, (done, total) -> progress.add(done),
                    new CancelToken());
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
            assertThrows(CopyCancelledException.class, () -> replicator.copyToDevice(source.device, target.device,
                    2 * MIB, CopyProgress.NONE, cancel));
        }
    }

    @Test
    void aSourceShorterThanTheLengthFails() throws Exception {
        Path sourceFile = Files.write(dir.resolve("source.img"), new byte[MIB]);
        Path targetFile = Files.write(dir.resolve("target.img"), new byte[2 * MIB]);
        try (LoopDevice source = LoopDevice.of(sourceFile); LoopDevice target = LoopDevice.of(targetFile)) {
            assertThrows(java.io.IOException.class, () -> replicator.copyToDevice(source.device, target.device,
                    2 * MIB, CopyProgress.NONE, new CancelToken()));
        }
    }

    /** A file attached to a free loop device, detached on close. */
    private record LoopDevice(Path device) implements AutoCloseable {
        static LoopDevice of(Path file) {
            return new LoopDevice(Path.of(Commands.run("losetup", "--find", "--show", file.toString()).strip()));
        }

        @Override
        public void close() {
            Commands.run("losetup", "--detach", device.toString());
        }
    }
}
