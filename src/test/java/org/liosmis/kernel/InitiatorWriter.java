package org.liosmis.kernel;

import static java.nio.file.StandardOpenOption.DSYNC;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An initiator writing a disk until closed: block after block in a scattered order, each
 * block filled with its write's number, every write synchronous; what it wrote goes into
 * {@code expected}, which the disk's first bytes held when it started. It stops at its first failure.
 */
final class InitiatorWriter implements AutoCloseable {

    /** The unit of the writes. */
    static final int BLOCK = 64 << 10;

    private final FileChannel channel;
    private final byte[] expected;
    private final AtomicLong writes = new AtomicLong();
    private final Thread thread;
    private final long pauseMillis;
    private volatile boolean stopped;
    private volatile String failure = "none";

    InitiatorWriter(Path disk, byte[] expected) throws IOException {
        this(disk, expected, 0);
    }

    /** The same, pausing between writes so that the guest's other work is not starved of its CPUs. */
    InitiatorWriter(Path disk, byte[] expected, long pauseMillis) throws IOException {
        this.channel = FileChannel.open(disk, WRITE, DSYNC);
        this.expected = expected;
        this.pauseMillis = pauseMillis;
        this.thread = Thread.ofPlatform().name("initiator writer").start(this::loop);
    }

    private void loop() {
        ByteBuffer block = ByteBuffer.allocate(BLOCK);
        long blocks = expected.length / BLOCK;
        for (long n = 1; !stopped; n++) {
            // 7919 is prime to the block count, so the writes sweep every block
            long position = n * 7919 % blocks * BLOCK;
            block.clear();
            while (block.hasRemaining()) {
                block.putLong(n);
            }
            block.flip();
            try {
                while (block.hasRemaining()) {
                    channel.write(block, position + block.position());
                }
            } catch (IOException e) {
                failure = "write " + n + " at " + position + ": " + e;
                return;
            }
            System.arraycopy(block.array(), 0, expected, (int) position, BLOCK);
            writes.incrementAndGet();
            if (pauseMillis > 0) {
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    long writes() {
        return writes.get();
    }

    String failure() {
        return failure;
    }

    /** One synchronous write of {@code data} at {@code offset} of the disk. */
    static void write(Path disk, byte[] data, long offset) throws IOException {
        try (FileChannel channel = FileChannel.open(disk, WRITE, DSYNC)) {
            ByteBuffer buffer = ByteBuffer.wrap(data);
            while (buffer.hasRemaining()) {
                channel.write(buffer, offset + buffer.position());
            }
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stopped = true;
        thread.join();
        channel.close();
    }
}
