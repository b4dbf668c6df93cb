package org.liosmis.datapath;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes chosen ranges of an image onto the same offsets of a target: how a mirror cycle brings
 * its target up to date by shipping only what changed since the last cycle ({@link CloneDelta},
 * {@link BlockCompare}). Thread-safe.
 */
public final class RangeShipper {

    private static final int CHUNK_BYTES = 1 << 20;

    private final long progressIntervalNanos;

    /** Reports progress at most once per {@code progressInterval} (plus the first and last report). */
    public RangeShipper(Duration progressInterval) {
        this.progressIntervalNanos = ThrottledProgress.intervalNanos(progressInterval);
    }

    /**
     * Writes the bytes {@code image} holds in {@code ranges} onto {@code target} at the same
     * offsets and flushes them to stable storage before it returns. Image and target may be files
     * or block devices. A file target shorter than the image is extended to the image's length
     * (a longer one keeps its length), and where the image has a hole inside a range it gets a
     * hole too, freeing its blocks; a device target gets zeros there. Progress counts bytes
     * written out of those to write. A cancelled or failed shipment leaves the target partly
     * written: ship the same ranges again.
     *
     * @return the bytes written; holes punched do not count
     * @throws IllegalArgumentException if a range reaches past the image's end
     * @throws CopyCancelledException if {@code cancel} was cancelled before all was written
     * @throws java.io.InterruptedIOException if the thread was interrupted (the flag stays set)
     */
    public long ship(Path image, Path target, ByteRanges ranges, CopyProgress progress, CancelToken cancel)
            throws IOException {
        try (NativeFile from = NativeFile.open(image, Libc.O_RDONLY, 0);
                NativeFile to = NativeFile.open(target, Libc.O_WRONLY, 0)) {
            long length = from.length();
            if (!ranges.isEmpty() && ranges.ranges().getLast().end() > length) {
                throw new IllegalArgumentException(ranges.ranges().getLast() + " reaches past the end of " + image
                        + " at " + length);
            }
            ByteRanges writes = ranges;
            if (to.stat().isRegularFile()) {
                if (to.length() < length) {
                    to.truncate(length);
                }
                writes = punchHoles(from, to, ranges, cancel);
            }
            new SparseCopy(from, to, writes, CHUNK_BYTES, false)
                    .run(new ThrottledProgress(progress, progressIntervalNanos, writes.totalBytes()), cancel);
            to.sync();
            return writes.totalBytes();
        }
    }

    // gives the target the image's holes inside the ranges; what is left to write is the image's data
    private static ByteRanges punchHoles(NativeFile image, NativeFile target, ByteRanges ranges, CancelToken cancel)
            throws IOException {
        List<ByteRange> writes = new ArrayList<>();
        for (ByteRange range : ranges.ranges()) {
            cancel.throwIfStopped(image.path());
            long at = range.offset();
            for (ByteRange data : DataRanges.within(image, range).ranges()) {
                punchOrWrite(target, ByteRange.between(at, data.offset()), writes);
                writes.add(data);
                at = data.end();
            }
            punchOrWrite(target, ByteRange.between(at, range.end()), writes);
        }
        return new ByteRanges(writes);
    }

    // a filesystem that cannot punch holes gets the hole's zeros written instead
    private static void punchOrWrite(NativeFile target, ByteRange hole, List<ByteRange> writes) throws ErrnoException {
        if (hole.length() == 0) {
            return;
        }
        try {
            target.punchHole(hole.offset(), hole.length());
        } catch (ErrnoException e) {
            if (e.errno() != Libc.EOPNOTSUPP) {
                throw e;
            }
            writes.add(hole);
        }
    }
}
