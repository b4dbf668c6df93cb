package org.liosmis.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.liosmis.datapath.ExtentMap.Extent;

/** The comparison of two extent maps, on maps made up to show each case. */
class CloneDeltaMapsTest {

    private static final int DELALLOC = 0x4;
    private static final int UNKNOWN = 0x2;

    @Test
    void theSameAddressesAreUnchangedHoweverTheExtentsAreSplit() {
        List<Extent> before = List.of(new Extent(0, 1000, 300, 0));
        List<Extent> now = List.of(new Extent(0, 1000, 100, 0), new Extent(100, 1100, 200, 0));
        assertEquals(List.of(), CloneDelta.differing(before, now, 300));
    }

    @Test
    void anotherAddressIsAChange() {
        List<Extent> before = List.of(new Extent(0, 1000, 300, 0));
        List<Extent> now = List.of(new Extent(0, 1000, 100, 0), new Extent(100, 9000, 50, 0),
                new Extent(150, 1150, 150, 0));
        assertEquals(List.of(new ByteRange(100, 50)), CloneDelta.differing(before, now, 300));
    }

    @Test
    void dataAgainstAHoleIsAChangeAndHolesInBothAreNot() {
        List<Extent> before = List.of(new Extent(100, 1100, 100, 0));
        List<Extent> now = List.of(new Extent(200, 5000, 100, 0));
        assertEquals(List.of(new ByteRange(100, 100), new ByteRange(200, 100)),
                CloneDelta.differing(before, now, 400));
    }

    @Test
    void extentsWithoutAPlainAddressCountAsChanged() {
        List<Extent> before = List.of(new Extent(0, 1000, 100, 0), new Extent(100, 1100, 100, 0));
        List<Extent> now = List.of(new Extent(0, 1000, 100, DELALLOC), new Extent(100, 1100, 100, UNKNOWN));
        assertEquals(List.of(new ByteRange(0, 100), new ByteRange(100, 100)), CloneDelta.differing(before, now, 200));
    }

    @Test
    void writtenAgainstUnwrittenIsAChange() {
        List<Extent> before = List.of(new Extent(0, 1000, 100, ExtentMap.EXTENT_UNWRITTEN));
        List<Extent> now = List.of(new Extent(0, 1000, 100, 0));
        assertEquals(List.of(new ByteRange(0, 100)), CloneDelta.differing(before, now, 100));
    }

    @Test
    void extentsPastTheEndAreCut() {
        List<Extent> before = List.of(new Extent(0, 1000, 4096, 0));
        List<Extent> now = List.of(new Extent(0, 7000, 4096, 0));
        assertEquals(List.of(new ByteRange(0, 1000)), CloneDelta.differing(before, now, 1000));
    }
}
