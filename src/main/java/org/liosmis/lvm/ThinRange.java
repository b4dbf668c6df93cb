package org.liosmis.lvm;

/**
 * Bytes of a thin volume, e.g. a run of pool chunks that differ between two thin snapshots.
 *
 * @param offset where the run starts, in bytes from the volume's start
 * @param length how many bytes it spans
 */
public record ThinRange(long offset, long length) {

    public ThinRange {
        if (offset < 0 || length <= 0) {
            throw new IllegalArgumentException("a thin range needs offset >= 0 and length > 0: " + offset + "+"
                    + length);
        }
    }

    public long end() {
        return offset + length;
    }
}
