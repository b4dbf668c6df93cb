package org.liosmis.datapath;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;

/** Asks a running copy to stop; any thread may cancel, the copy checks between chunks. */
public final class CancelToken {

    private volatile boolean cancelled;

    /** A token nobody cancels. */
    public static CancelToken none() {
        return new CancelToken();
    }

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Called between chunks of work on {@code source}: stops it when cancelled or interrupted. */
    void throwIfStopped(Path source) throws IOException {
        if (cancelled) {
            throw new CopyCancelledException(source);
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("copy of " + source + " interrupted");
        }
    }
}
