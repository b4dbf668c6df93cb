package org.liosmis.engine;

/** How a replica's data was made. */
public enum CopyMethod {
    /** a copy-on-write clone of the backing file: instant, shares extents with the source */
    REFLINK,
    /** every data block copied, holes kept */
    FULL_COPY,
    /** an LVM thin snapshot: instant, shares the thin pool's blocks with the source */
    THIN_SNAPSHOT,
    /** a raid1 leg of the source's logical volume that LVM keeps in step */
    MIRROR_LEG,
    /** cycles ship the blocks that differ between two thin snapshots of the source */
    THIN_DELTA,
    /** cycles ship the extents of the source no longer shared with the last cycle's reflink clone */
    REFLINK_DELTA,
    /** cycles ship the blocks where a point-in-time image of the source and the target differ */
    BLOCK_COMPARE;

    /** The replica shares unchanged blocks with its source (SMI-S: a delta replica). */
    public boolean sharesBlocks() {
        return this == REFLINK || this == THIN_SNAPSHOT;
    }
}
