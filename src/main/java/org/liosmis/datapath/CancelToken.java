package org.liosmis.datapath;

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
}
