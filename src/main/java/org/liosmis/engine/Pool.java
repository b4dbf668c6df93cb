package org.liosmis.engine;

/**
 * A storage pool: a directory of fileio backing files, an LVM thin pool or volume group of
 * block volumes, or the pool of volumes lio-smis found in LIO but did not make in any of them.
 *
 * @param backing null for the external pool
 */
public record Pool(String id, String elementName, PoolBacking backing, long totalBytes, long freeBytes) {

    /** Holds every volume whose backing store lies outside the configured pools. */
    public static final String EXTERNAL_ID = "external";

    public boolean external() {
        return backing == null;
    }
}
