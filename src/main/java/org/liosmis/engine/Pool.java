package org.liosmis.engine;

import java.nio.file.Path;

/**
 * A storage pool: a directory whose files back fileio volumes, or the pool of volumes
 * lio-smis found in LIO but did not make in any configured pool.
 *
 * @param directory null for the external pool
 */
public record Pool(String id, String elementName, Path directory, long totalBytes, long freeBytes) {

    /** Holds every volume whose backing store lies outside the configured pools. */
    public static final String EXTERNAL_ID = "external";

    public boolean external() {
        return directory == null;
    }
}
