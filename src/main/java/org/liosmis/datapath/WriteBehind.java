package org.liosmis.datapath;

/**
 * Writes a growing file back to disk in windows while it is being written: each full window
 * starts its writeback, and the window before it is waited for and dropped from the page
 * cache. Dirty memory stays within two windows, and the final fsync has little left to do.
 */
final class WriteBehind {

    private final NativeFile file;
    private final long windowBytes;
    private long windowStart;
    private long previousStart = -1;

    WriteBehind(NativeFile file, long windowBytes) {
        this.file = file;
        this.windowBytes = windowBytes;
    }

    /** Everything before {@code end} has been written. */
    void writtenUpTo(long end) throws ErrnoException {
        if (end - windowStart < windowBytes) {
            return;
        }
        file.startWriteback(windowStart, end - windowStart);
        if (previousStart >= 0) {
            file.finishWriteback(previousStart, windowStart - previousStart);
        }
        previousStart = windowStart;
        windowStart = end;
    }
}
