package org.liosmis.datapath;

/**
 * Told how far a copy has come, in bytes of data (holes are not counted). Called on the
 * copying thread with {@code (0, total)} first, then at a bounded rate, and with
 * {@code (total, total)} once everything is written; keep it quick.
 */
@FunctionalInterface
public interface CopyProgress {

    CopyProgress NONE = (done, total) -> { };

    void copied(long doneBytes, long totalBytes);
}
