package org.liosmis.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** What restore tests do to a source's data: write over it, and tell its file apart from a new one. */
public final class RestoredData {

    private RestoredData() {
    }

    /** Writes 0x5A over every byte of the file, holes included, keeping its size. */
    public static void overwrite(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            long size = channel.size();
            ByteBuffer block = ByteBuffer.allocate(1 << 20);
            for (long offset = 0; offset < size; offset += block.capacity()) {
                block.clear();
                while (block.hasRemaining()) {
                    block.put((byte) 0x5A);
                }
                block.flip().limit((int) Math.min(block.capacity(), size - offset));
                channel.write(block, offset);
            }
        }
    }

    /** The file's inode: the same once restored in place, another once replaced. */
    public static Object inode(Path file) throws IOException {
        return Files.getAttribute(file, "unix:ino");
    }
}
