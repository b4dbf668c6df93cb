package org.liosmis.datapath;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The target's filesystem is full (ENOSPC, or the quota is: EDQUOT). Whatever was written
 * has been deleted again. The message says where and how much was needed.
 */
public final class NoSpaceException extends IOException {

    private final Path directory;
    private final long neededBytes;
    private final long freeBytes;

    /**
     * @param neededBytes what the operation needed to write, or 0 when it was metadata only (a clone)
     * @param freeBytes what the filesystem had free before the operation started
     */
    public NoSpaceException(Path directory, long neededBytes, long freeBytes, Throwable cause) {
        super(message(directory, neededBytes, freeBytes), cause);
        this.directory = directory;
        this.neededBytes = neededBytes;
        this.freeBytes = freeBytes;
    }

    private static String message(Path directory, long neededBytes, long freeBytes) {
        String what = neededBytes > 0 ? "for " + Bytes.describe(neededBytes) : "for the clone's metadata";
        return "no space left in " + directory + " " + what + "; " + Bytes.describe(freeBytes)
                + " were free when it started: free space there, raise the quota or choose another pool";
    }

    public Path directory() {
        return directory;
    }

    public long neededBytes() {
        return neededBytes;
    }

    public long freeBytes() {
        return freeBytes;
    }
}
