package org.liosmis.engine;

/** How a replica's data was made. */
public enum CopyMethod {
    /** a copy-on-write clone of the backing file: instant, shares extents with the source */
    REFLINK,
    /** every data block copied, holes kept */
    FULL_COPY
}
