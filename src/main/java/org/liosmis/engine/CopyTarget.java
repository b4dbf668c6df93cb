package org.liosmis.engine;

import java.io.IOException;
import org.liosmis.datapath.CancelToken;
import org.liosmis.datapath.CopyProgress;
import org.liosmis.lio.configfs.ConfigFsException;

/** What a copy job writes, and how the written replica becomes a volume or is taken away. */
interface CopyTarget {

    /** Space in the target pool the copy will still take once admitted (0 where it is taken already). */
    long reserveBytes();

    /** Writes the replica's data. */
    void copy(CopyProgress progress, CancelToken cancel) throws IOException;

    /** Creates the replica's storage object once its data is complete. */
    void publish() throws ConfigFsException;

    /** Removes whatever the copy made; for any failure, at any step. Never throws. */
    void discard();
}
