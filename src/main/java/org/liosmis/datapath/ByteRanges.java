package org.liosmis.datapath;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Byte ranges in ascending order, none overlapping or touching another: the ranges given are
 * sorted, overlapping and adjacent ones merged and empty ones dropped, so each byte is listed
 * once and a writer walking the list makes as few large writes as it can.
 */
public record ByteRanges(List<ByteRange> ranges) {

    public ByteRanges {
        ranges = merged(ranges);
    }

    public static ByteRanges of(ByteRange... ranges) {
        return new ByteRanges(List.of(ranges));
    }

    private static List<ByteRange> merged(Collection<ByteRange> given) {
        List<ByteRange> sorted = new ArrayList<>(given);
        sorted.sort(Comparator.comparingLong(ByteRange::offset));
        List<ByteRange> merged = new ArrayList<>(sorted.size());
        for (ByteRange range : sorted) {
            if (range.length() == 0) {
                continue;
            }
            ByteRange last = merged.isEmpty() ? null : merged.getLast();
            if (last != null && range.offset() <= last.end()) {
                merged.set(merged.size() - 1, ByteRange.between(last.offset(), Math.max(last.end(), range.end())));
            } else {
                merged.add(range);
            }
        }
        return List.copyOf(merged);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** How many bytes the ranges hold together. */
    public long totalBytes() {
        return ranges.stream().mapToLong(ByteRange::length).sum();
    }
}
