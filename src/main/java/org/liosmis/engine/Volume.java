package org.liosmis.engine;

/**
 * A volume: one LIO storage object as a storage admin sees it.
 *
 * @param id         stable identity, "plugin/name" of the storage object (survives HBA renumbering)
 * @param naaId      the VPD page 0x83 NAA identifier initiators see, 32 hex digits; null without a unit serial
 * @param exported   true while a LUN links to it
 * @param access     what initiators may do with it
 */
public record Volume(String id, String name, String elementName, String poolId, Backstore backstore,
                     String backingPath, long blockSize, long numberOfBlocks, String naaId,
                     Health health, boolean exported, Access access) {

    /** What initiators may do with a volume. */
    public enum Access {
        READ_WRITE,
        /** a fractured mirror target: LIO opens it read-only, as its data must not drift from the point in time */
        READ_ONLY,
        /** a mirror target kept in step with its source: LIO has no storage object of it, so it cannot be exported */
        NONE
    }

    public long sizeBytes() {
        return blockSize * numberOfBlocks;
    }

    /** The LIO backstore types (configfs plugin names). */
    public enum Backstore {
        FILEIO, BLOCK, RAMDISK, PSCSI, USER
    }

    /** What the kernel says of the storage object. */
    public enum Health {
        /** enabled and its backing store is there */
        OK,
        /** configured but not enabled: initiators cannot use it */
        DISABLED,
        /** enabled, but its backing file or device is gone */
        BACKING_MISSING
    }
}
