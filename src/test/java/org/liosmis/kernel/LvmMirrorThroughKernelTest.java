package org.liosmis.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * raid1 legs of a linear LVM volume that LIO exports, on Debian's kernel ({@link KernelLvmMirrorMain}
 * in a QEMU guest): the leg is added and synchronised while an initiator writes through tcm_loop
 * without an error, the storage object keeps its device throughout, a leg split with change
 * tracking holds the volume's bytes, merging it back resynchronises only the changed region,
 * a leg split for good holds the volume's new bytes; thin volumes, linear ones, missing ones and
 * groups without room are refused with their kinds.
 */
@Tag("kernel")
class LvmMirrorThroughKernelTest {

    private static final Duration GUEST_TIMEOUT = Duration.ofMinutes(10);
    private static final List<Path> TOOLS = List.of(Path.of("/usr/sbin/lvm"), Path.of("/usr/sbin/dmsetup"),
            Path.of("/usr/sbin/thin_check"));

    @Test
    void aRaid1LegIsAddedSplitMergedAndRemovedUnderAnExportedVolume() throws Exception {
        Properties results = KernelGuest.results(KernelLvmMirrorMain.class, "/tmp/lio-smis-mirror", "mirror.properties",
                GUEST_TIMEOUT, TOOLS, "lvm2 thin-provisioning-tools", "kernel lvm mirror");
        assertNull(results.getProperty("failure"), "the guest driver failed");

        assertEquals("none", results.getProperty("writer.failure"), "the initiator's writes through tcm_loop");
        assertTrue(Long.parseLong(results.getProperty("initial.writes")) > 0,
                "the initiator wrote while the leg was added and synchronised");
        String device = results.getProperty("linear.device");
        for (String stage : KernelLvmMirrorMain.STAGES) {
            assertEquals(device, results.getProperty(stage + ".device"), stage + ": the storage object's device");
            assertEquals(results.getProperty("linear.dm"), results.getProperty(stage + ".dm"),
                    stage + ": the volume's device-mapper numbers");
        }
        assertEquals("raid1", results.getProperty("raid1.segtype"));
        assertEquals("linear", results.getProperty("removed.segtype"));

        String expected = results.getProperty("expected.sha256");
        assertEquals(expected, results.getProperty("tracked.disk.sha256"), "the disk holds what the initiator wrote");
        assertEquals(expected, results.getProperty("tracked.origin.sha256"), "the volume, its leg split off");
        assertEquals(expected, results.getProperty("tracked.leg.sha256"), "the split leg holds the volume's bytes");
        assertTrue(results.getProperty("tracked.leg").startsWith("msrc_rimage_1 Iri"),
                "the tracked leg is a read-only image: " + results.getProperty("tracked.leg"));
        assertTrue(results.getProperty("tracked.leg.write").startsWith("rc=0"),
                "the kernel takes a write to the leg LVM calls read-only: " + results.getProperty("tracked.leg.write"));

        String changed = results.getProperty("changed.sha256");
        assertEquals(changed, results.getProperty("changed.origin.sha256"), "the volume takes the change");
        assertEquals(results.getProperty("tracked.leg.written.sha256"), results.getProperty("changed.leg.sha256"),
                "the split leg does not take the volume's change, only the write made to it");
        assertEquals(results.getProperty("split.copy.expected.sha256"), results.getProperty("split.copy.sha256"),
                "the merge resynchronised the region the volume changed, and only that: the leg's own write stays");
        assertEquals(changed, results.getProperty("removed.disk.sha256"), "the volume after its leg is removed");
        assertEquals("none", results.getProperty("removed.mirrorSync"));
        assertFalse(results.getProperty("removed.lvs").contains("rimage"), results.getProperty("removed.lvs"));

        double merge = seconds(results, "merge.command") + seconds(results, "merge.sync");
        double full = seconds(results, "idle.command") + seconds(results, "idle.sync");
        assertTrue(merge * 3 < full, "merging 1 MiB of changes back (" + merge + " s) takes far less than a"
                + " new leg of the whole volume (" + full + " s)");

        assertTrue(results.getProperty("refused.thin").startsWith("UNSUPPORTED: "), results.getProperty("refused.thin"));
        assertTrue(results.getProperty("refused.linear.split").startsWith("UNSUPPORTED: "),
                results.getProperty("refused.linear.split"));
        assertTrue(results.getProperty("refused.missing").startsWith("NOT_FOUND: "), results.getProperty("refused.missing"));
        assertTrue(results.getProperty("refused.onepv").startsWith("NO_SPACE: "), results.getProperty("refused.onepv"));
        assertTrue(results.getProperty("refused.short").startsWith("NO_SPACE: "), results.getProperty("refused.short"));
        assertFalse(results.getProperty("refused.lvs").contains("rimage"), "refusals leave no leg behind: "
                + results.getProperty("refused.lvs"));
        assertNotEquals(expected, changed);
    }

    private static double seconds(Properties results, String what) {
        return Double.parseDouble(results.getProperty(what + ".seconds"));
    }
}
