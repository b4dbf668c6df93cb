package org.liosmis.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.liosmis.datapath.ByteRanges;

/**
 * The point-in-time images of an async mirror's source its cycles ship from: the base (the
 * last completed cycle's, which the target equals) and next (this cycle's). Both live beside
 * the source under names derived from the target's, so a restart finds them.
 */
interface CycleImages {

    /** Takes this cycle's image of the source now, dropping one an interrupted cycle left. */
    Path takeNext() throws IOException;

    /** Where next differs from the base, or empty where only comparing next with the target can tell. */
    Optional<ByteRanges> changedSinceBase() throws IOException;

    /** The target now equals next: next becomes the base. */
    void promote() throws IOException;

    /** Whether a base is there. */
    boolean hasBase() throws IOException;

    /** Whether next is there (an interrupted cycle's). */
    boolean hasNext() throws IOException;

    /** Drops next, left by an interrupted cycle. */
    void dropNext();

    /** Drops every image: the mirror ends. */
    void dropAll();

    /** Where the base is, for the relationship's record. */
    String baseName();
}
