package org.liosmis.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Sizes of block devices, which Java's file API reports as 0: read from sysfs instead. */
final class BlockDevices {

    private static final Path SYS_CLASS_BLOCK = Path.of("/sys/class/block");
    private static final long SECTOR = 512;

    private BlockDevices() {
    }

    static OptionalLong sizeBytes(Path device) {
        try {
            Path kernelName = device.toRealPath().getFileName();
            String sectors = Files.readString(SYS_CLASS_BLOCK.resolve(kernelName).resolve("size")).strip();
            return OptionalLong.of(Long.parseLong(sectors) * SECTOR);
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
