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
 * Async mirrors of block volumes on Debian's kernel ({@link KernelAsyncMirrorMain} in a QEMU
 * guest): after every cycle the target holds the source's bytes of the cycle point; a thin
 * source's cycles ship only the chunks that changed, a thick source's compare blocks; the
 * target has no storage object while the mirror is kept, a read-only one once fractured, a
 * writable one with the same NAA name once detached; a sync mirror in a thin pool is refused.
 */
@Tag("kernel")
class AsyncMirrorThroughKernelTest {

    private static final Duration GUEST_TIMEOUT = Duration.ofMinutes(10);
    private static final List<Path> TOOLS = List.of(Path.of("/usr/sbin/lvm"), Path.of("/usr/sbin/dmsetup"),
            Path.of("/usr/sbin/thin_delta"));
    private static final long CHUNK = 64 << 10;

    @Test
    void everyCycleLeavesTheTargetHoldingTheSourceOfTheCyclePoint() throws Exception {
        Properties results = KernelGuest.results(KernelAsyncMirrorMain.class, "/tmp/lio-smis-async", "async.properties",
                GUEST_TIMEOUT, TOOLS, "lvm2 thin-provisioning-tools", "kernel async mirrors");
        assertNull(results.getProperty("failure"), "the guest driver failed");

        for (String role : List.of("tmir", "kmir")) {
            assertEquals("4096", results.getProperty(role + ".return"), role);
            assertEquals("iblock/" + role, results.getProperty(role + ".target"), role + ": the target is named at once");
            assertEquals("false", results.getProperty(role + ".storageObject.while.kept"),
                    role + ": no storage object while the mirror is kept");
            assertEquals("JobState 7 PercentComplete 100", results.getProperty(role + ".first.job"), role);
            String previous = null;
            for (int cycle = 1; cycle <= KernelAsyncMirrorMain.CYCLES; cycle++) {
                String at = role + ".cycle" + cycle;
                assertEquals("4096", results.getProperty(at + ".return"), at);
                assertEquals("JobState 7 PercentComplete 100", results.getProperty(at + ".job"), at);
                assertEquals(results.getProperty(at + ".source.sha256"), results.getProperty(at + ".target.sha256"),
                        at + ": the target holds the source's bytes of the cycle point");
                assertNotEquals(previous, results.getProperty(at + ".target.sha256"), at + ": the source changed");
                previous = results.getProperty(at + ".target.sha256");
                assertEquals("CopyType 2 SyncState 6 CopyState 4 Mode 3 SyncType 6 PercentSynced 100",
                        results.getProperty(at + ".state"), at);
                long shipped = Long.parseLong(results.getProperty(at + ".shipped"));
                if (role.equals("tmir")) {
                    assertEquals(results.getProperty(at + ".source.sha256"), results.getProperty(at + ".base.sha256"),
                            at + ": the thin snapshot kept as the base is the cycle's image");
                    assertTrue(shipped > 0 && shipped <= 2L * KernelAsyncMirrorMain.WRITES_PER_CYCLE * CHUNK,
                            at + ": a thin cycle ships the changed chunks only, not " + shipped);
                } else {
                    assertTrue(shipped > 0 && shipped <= 2L * KernelAsyncMirrorMain.WRITES_PER_CYCLE * CHUNK,
                            at + ": a thick cycle ships the blocks that differ only, not " + shipped);
                }
            }
            assertEquals("OperationalStatus [2, 15] Access null", results.getProperty(role + ".volume.status"), role);
        }

        assertEquals("1", results.getProperty("bad.sync.thin.return"), "a thin pool cannot hold a sync mirror");
        assertEquals("0", results.getProperty("fracture.return"));
        assertEquals("SyncState 13 CopyState 6", results.getProperty("fracture.state"));
        assertEquals(results.getProperty("fracture.expected.sha256"), results.getProperty("fracture.readback.sha256"),
                "the fractured target read through tcm_loop");
        assertNotEquals("rc=0", results.getProperty("fracture.write"), "the fractured target is read-only");
        assertEquals("JobState 7 PercentComplete 100", results.getProperty("refracture.resync.job"));
        assertEquals("false", results.getProperty("refracture.storageObject"), "a resync takes the target out of LIO");
        assertEquals("0", results.getProperty("detach.return"));
        assertEquals("true", results.getProperty("detach.naa.kept"), "the detached target keeps its NAA name");
        assertEquals("[iblock/kmir]", results.getProperty("detach.synchronized"),
                "the detached mirror's relationship is gone, the other stays");
        assertEquals("0", results.getProperty("delete.kmir.return"));
        String lvs = results.getProperty("lvs.end");
        assertFalse(lvs.contains("lio-smis-"), "no cycle image is left once the mirrors are gone: " + lvs);
        assertFalse(lvs.contains("kmir"), lvs);
        assertTrue(lvs.contains("tmir"), lvs);
    }
}
