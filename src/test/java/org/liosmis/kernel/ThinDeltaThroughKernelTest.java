package org.liosmis.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.liosmis.lvm.ThinRange;

/**
 * The changed chunks between two thin snapshots, on Debian's kernel ({@link KernelThinDeltaMain}
 * in a QEMU guest): they cover every region written between the snapshots and little more,
 * copying them onto the older snapshot's bytes gives the newer's, a metadata snapshot left held
 * is released and taken again, and none is held afterwards.
 */
@Tag("kernel")
class ThinDeltaThroughKernelTest {

    private static final Duration GUEST_TIMEOUT = Duration.ofMinutes(5);
    private static final List<Path> TOOLS = List.of(Path.of("/usr/sbin/lvm"), Path.of("/usr/sbin/dmsetup"),
            Path.of("/usr/sbin/thin_delta"));

    @Test
    void theChangedChunksOfTwoThinSnapshotsMakeTheOlderTheNewer() throws Exception {
        Properties results = KernelGuest.results(KernelThinDeltaMain.class, "/tmp/lio-smis-thindelta",
                "thindelta.properties", GUEST_TIMEOUT, TOOLS, "lvm2 thin-provisioning-tools", "kernel thin delta");
        assertNull(results.getProperty("failure"), "the guest driver failed");
        assertEquals(Long.toString(KernelThinDeltaMain.CHUNK), results.getProperty("chunk.bytes"));

        List<ThinRange> ranges = ranges(results.getProperty("ranges"));
        for (long offset : KernelThinDeltaMain.REGIONS) {
            long start = offset / KernelThinDeltaMain.CHUNK * KernelThinDeltaMain.CHUNK;
            long end = ceilChunk(offset + KernelThinDeltaMain.REGION);
            assertTrue(ranges.stream().anyMatch(r -> r.offset() <= start && end <= r.end()),
                    "the chunks written at " + offset + " are reported: " + ranges);
        }
        long written = (long) KernelThinDeltaMain.REGIONS.size() * KernelThinDeltaMain.REGION;
        long reported = ranges.stream().mapToLong(ThinRange::length).sum();
        assertTrue(reported <= 2 * written, reported + " bytes reported for " + written + " written");
        assertEquals(results.getProperty("ranges"), results.getProperty("stale.ranges"),
                "the same ranges past a metadata snapshot left held");

        String newer = results.getProperty("newer.sha256");
        assertEquals(results.getProperty("expected.sha256"), newer, "the newer snapshot holds what was written");
        assertNotEquals(newer, results.getProperty("older.sha256"));
        assertEquals(newer, results.getProperty("shipped.sha256"), "the older copy with the ranges shipped");

        assertNotEquals("-", results.getProperty("held.root"), "a metadata snapshot held by hand shows");
        assertEquals("-", results.getProperty("stale.root"), "released after the call that found one held");
        assertEquals("-", results.getProperty("released.root"), "released after a plain call");
        assertTrue(!results.getProperty("released.thin_delta").startsWith("rc=0"),
                "thin_delta finds no metadata snapshot: " + results.getProperty("released.thin_delta"));
    }

    private static long ceilChunk(long bytes) {
        return (bytes + KernelThinDeltaMain.CHUNK - 1) / KernelThinDeltaMain.CHUNK * KernelThinDeltaMain.CHUNK;
    }

    private static List<ThinRange> ranges(String described) {
        return Stream.of(described.split(",")).map(r -> r.split("\\+"))
                .map(r -> new ThinRange(Long.parseLong(r[0]), Long.parseLong(r[1]))).toList();
    }
}
