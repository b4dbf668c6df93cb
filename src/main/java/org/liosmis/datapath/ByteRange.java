package org.liosmis.datapath;

/** {@code length} bytes of a file or block device, starting at {@code offset}. */
public record ByteRange(long offset, long length) {

    public ByteRange {
        if (offset < 0 || length < 0 || offset + length < offset) {
            throw new IllegalArgumentException("not a byte range: " + length + " bytes at " + offset);
        }
    }

    /** The bytes from {@code start} up to, not including, {@code end}. */
    public static ByteRange between(long start, long end) {
        return new ByteRange(start, end - start);
    }

    /** The first byte past the range. */
    public long end() {
        return offset + length;
    }
}
