package org.liosmis.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Ranges given in any order come out sorted, merged and without empty ones. */
class ByteRangesTest {

    @Test
    void overlappingAndAdjacentRangesMerge() {
        ByteRanges ranges = ByteRanges.of(
                new ByteRange(100, 50), // 100..150
                new ByteRange(0, 10),
                new ByteRange(140, 20), // overlaps: 100..160
                new ByteRange(160, 5), // touches: 100..165
                new ByteRange(10, 0), // empty
                new ByteRange(120, 10), // inside
                new ByteRange(200, 1));

        assertEquals(List.of(new ByteRange(0, 10), new ByteRange(100, 65), new ByteRange(200, 1)), ranges.ranges());
        assertEquals(76, ranges.totalBytes());
    }

    @Test
    void rangesApartStayApart() {
        ByteRanges ranges = ByteRanges.of(new ByteRange(11, 1), new ByteRange(0, 10));
        assertEquals(List.of(new ByteRange(0, 10), new ByteRange(11, 1)), ranges.ranges());
    }

    @Test
    void nothingGivenIsEmpty() {
        assertTrue(ByteRanges.of().isEmpty());
        assertTrue(ByteRanges.of(new ByteRange(5, 0)).isEmpty());
        assertEquals(0, ByteRanges.of().totalBytes());
    }

    @Test
    void negativeOrOverflowingRangesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ByteRange(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> new ByteRange(0, -1));
        assertThrows(IllegalArgumentException.class, () -> new ByteRange(Long.MAX_VALUE, 1));
        assertThrows(IllegalArgumentException.class, () -> ByteRange.between(10, 5));
    }
}
