package org.liosmis.bench;

import java.util.Arrays;

/** Durations in nanoseconds and the order statistics the results table shows. */
record Timings(long[] sortedNanos) {

    static Timings of(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Timings(sorted);
    }

    int count() {
        return sortedNanos.length;
    }

    double minMillis() {
        return sortedNanos[0] / 1e6;
    }

    double medianMillis() {
        return percentileMillis(50);
    }

    /** Nearest-rank percentile. */
    double percentileMillis(double percent) {
        int rank = (int) Math.ceil(percent / 100 * sortedNanos.length);
        return sortedNanos[Math.max(0, rank - 1)] / 1e6;
    }
}
