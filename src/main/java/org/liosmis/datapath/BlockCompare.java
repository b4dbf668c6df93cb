package org.liosmis.datapath;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a target differs from an image, found by reading both: what a mirror ships when its pool
 * cannot share extents between cycles, so {@link CloneDelta} has nothing to tell. Reads whole
 * chunks for speed and compares them block by block, so one changed byte costs a block, not a
 * chunk. Thread-safe.
 */
public final class BlockCompare {

    /** The grain of the answer: a block with one differing byte differs as a whole. */
    public static final int BLOCK_BYTES = 64 << 10;
    private static final int CHUNK_BYTES = 1 << 20;

    private final long progressIntervalNanos;

    /** Reports progress at most once per {@code progressInterval} (plus the first and last report). */
    public BlockCompare(Duration progressInterval) {
        this.progressIntervalNanos = ThrottledProgress.intervalNanos(progressInterval);
    }

    /**
     * The blocks of {@code image} whose bytes {@code target} does not hold at the same offsets,
     * the last one cut at the image's end; a target shorter than the image differs past its end.
     * Both may be files or block devices; neither is written. Progress counts bytes compared
     * out of the image's length.
     *
     * @throws CopyCancelledException if {@code cancel} was cancelled before the comparison finished
     * @throws java.io.InterruptedIOException if the thread was interrupted (the flag stays set)
     */
    public ByteRanges differences(Path image, Path target, CopyProgress progress, CancelToken cancel)
            throws IOException {
        try (NativeFile ours = NativeFile.open(image, Libc.O_RDONLY, 0);
                NativeFile theirs = NativeFile.open(target, Libc.O_RDONLY, 0);
                Arena arena = Arena.ofConfined()) {
            long length = ours.length();
            ThrottledProgress throttled = new ThrottledProgress(progress, progressIntervalNanos, length);
            MemorySegment expected = arena.allocate(CHUNK_BYTES, 4096);
            MemorySegment found = arena.allocate(CHUNK_BYTES, 4096);
            List<ByteRange> differing = new ArrayList<>();
            for (long offset = 0; offset < length; offset += CHUNK_BYTES) {
                cancel.throwIfStopped(image);
                long wanted = Math.min(CHUNK_BYTES, length - offset);
                if (ours.read(expected, wanted, offset) < wanted) {
                    throw new IOException(image + " shrank while it was compared");
                }
                long held = theirs.read(found, wanted, offset);
                for (long block = 0; block < wanted; block += BLOCK_BYTES) {
                    long size = Math.min(BLOCK_BYTES, wanted - block);
                    if (block + size > held
                            || expected.asSlice(block, size).mismatch(found.asSlice(block, size)) >= 0) {
                        differing.add(new ByteRange(offset + block, size));
                    }
                }
                ours.forget(offset, wanted);
                theirs.forget(offset, wanted);
                throttled.copied(offset + wanted);
            }
            throttled.finished();
            return new ByteRanges(differing);
        }
    }
}
