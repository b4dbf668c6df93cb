package org.liosmis.testing;

import java.nio.file.Path;

/** A file attached to a free loop device, so a test has a real block device; detached on close. */
public record LoopDevice(Path device) implements AutoCloseable {

    public static LoopDevice of(Path file) {
        return new LoopDevice(Path.of(Commands.run(Commands.require("losetup", "mount"), "--find", "--show",
                file.toString()).strip()));
    }

    @Override
    public void close() {
        Commands.run(Commands.require("losetup", "mount"), "--detach", device.toString());
    }
}
