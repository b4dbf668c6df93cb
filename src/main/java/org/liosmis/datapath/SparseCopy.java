package org.liosmis.datapath;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Copies ranges of a file or device onto the same offsets of a target at least that long (an
 * empty file the caller sized, or a block device), chunk by chunk: given a file's data ranges,
 * holes stay holes. Between chunks it reports progress and honours cancellation and
 * interrupts.
 */
final class SparseCopy {

    private static final long WRITE_BEHIND_BYTES = 64L << 20;

    private final NativeFile source;
    private final NativeFile target;
    private final ByteRanges data;
    private final int chunkBytes;
    private final boolean targetReadsZeros;

    /** @param targetReadsZeros the target reads as zeros where unwritten, so chunks of zeros need no write */
    SparseCopy(NativeFile source, NativeFile target, ByteRanges data, int chunkBytes, boolean targetReadsZeros) {
        this.source = source;
        this.target = target;
        this.data = data;
        this.chunkBytes = chunkBytes;
        this.targetReadsZeros = targetReadsZeros;
    }

    void run(ThrottledProgress progress, CancelToken cancel) throws IOException {
        WriteBehind writeBehind = new WriteBehind(target, WRITE_BEHIND_BYTES);
        long done = 0;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(chunkBytes, 4096);
            MemorySegment zeros = targetReadsZeros ? arena.allocate(chunkBytes) : null;
            for (ByteRange range : data.ranges()) {
                for (long offset = range.offset(); offset < range.end(); ) {
                    cancel.throwIfStopped(source.path());
                    long wanted = Math.min(chunkBytes, range.end() - offset);
                    long read = source.read(buffer, wanted, offset);
                    if (read == 0) {
                        throw new IOException(source.path() + " shrank while it was copied");
                    }
                    if (zeros == null || buffer.asSlice(0, read).mismatch(zeros.asSlice(0, read)) >= 0) {
                        target.write(buffer, read, offset);
                    }
                    offset += read;
                    done += read;
                    writeBehind.writtenUpTo(offset);
                    progress.copied(done);
                }
            }
        }
        progress.finished();
    }
}
