package org.liosmis.engine;

/** How a replica's data was made. */
public enum CopyMethod {
    /** a copy-on-write clone of the backing file: instant, shares extents with the source */
    REFLINK,
    /** every data block copied, holes kept */
    FULL_COPY,
    /** an LVM thin snapshot: instant, shares the thin pool's blocks with the source */
    THIN_SNAPSHOT;

    /** The replica shares unchanged blocks with its source (SMI-S: a delta replica). */
    public boolean sharesBlocks() {
        return this != FULL_COPY;
    }
}
