package org.liosmis.datapath;

import java.io.IOException;
import java.nio.file.Path;

/** The copy was cancelled through its {@link CancelToken}; nothing of it was left behind. */
public final class CopyCancelledException extends IOException {

    public CopyCancelledException(Path source) {
        super("copy of " + source + " cancelled");
    }
}
