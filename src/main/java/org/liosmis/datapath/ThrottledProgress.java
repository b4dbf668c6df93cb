package org.liosmis.datapath;

import java.time.Duration;

/** Passes progress on at most once per interval, except the first and the final report. */
final class ThrottledProgress {

    private final CopyProgress progress;
    private final long intervalNanos;
    private final long total;
    private long lastReport;

    ThrottledProgress(CopyProgress progress, long intervalNanos, long total) {
        this.progress = progress;
        this.intervalNanos = intervalNanos;
        this.total = total;
        this.lastReport = System.nanoTime();
        progress.copied(0, total);
    }

    /** The interval a caller chose, checked. */
    static long intervalNanos(Duration interval) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("negative progress interval " + interval);
        }
        return interval.toNanos();
    }

    void copied(long done) {
        long now = System.nanoTime();
        if (now - lastReport >= intervalNanos) {
            lastReport = now;
            progress.copied(done, total);
        }
    }

    void finished() {
        progress.copied(total, total);
    }
}
