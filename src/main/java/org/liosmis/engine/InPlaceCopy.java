package org.liosmis.engine;

import java.io.IOException;
import org.liosmis.datapath.CancelToken;
import org.liosmis.datapath.CopyProgress;

/**
 * A restore's or resync's copy: one volume's data written over another existing volume's, in
 * place, so the overwritten volume keeps its storage object, its identity and its LUNs.
 */
interface InPlaceCopy {

    /** Writes the data; the overwritten volume holds part of it when this fails. */
    void copy(CopyProgress progress, CancelToken cancel) throws IOException;

    /** Removes what the copy read from meanwhile (a temporary snapshot); for any outcome. Never throws. */
    void cleanUp();
}
