package org.liosmis.kernel;

import static org.junit.jupiter.api.Assertions.assertAll;
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
 * Sync mirrors through CIM-XML on Debian's kernel ({@link KernelSyncMirrorMain} in a QEMU guest):
 * CreateReplica CopyType 3 gives an exported linear volume a raid1 leg while an initiator writes
 * it through tcm_loop, without an error and without the storage object changing; the relationship
 * and its job read the synchronisation; fracture, resync (far faster than the first sync), split
 * and detach leave the target's bytes equal to the source's; bad inputs are refused with nothing
 * left behind; a lio-smis killed during the sync follows the same job to its end when started again.
 */
@Tag("kernel")
class SyncMirrorThroughKernelTest {

    private static final Duration GUEST_TIMEOUT = Duration.ofMinutes(15);
    private static final List<Path> TOOLS = List.of(Path.of("/usr/sbin/lvm"), Path.of("/usr/sbin/dmsetup"),
            Path.of("/usr/sbin/thin_check"));
    private static final String TARGET = "iblock/" + KernelSyncMirrorMain.MIRROR;

    @Test
    void aSyncMirrorIsMadeFracturedResyncedAndDetachedUnderAnExportedVolume() throws Exception {
        Properties results = KernelGuest.results(KernelSyncMirrorMain.class, "/tmp/lio-smis-syncmirror",
                "syncmirror.properties", GUEST_TIMEOUT, TOOLS, "lvm2 thin-provisioning-tools", "kernel sync mirror");
        assertNull(results.getProperty("failure"), "the guest driver failed");
        assertAll(() -> made(results), () -> fractured(results), () -> resynced(results), () -> detached(results),
                () -> refused(results), () -> followedAfterAKill(results));
    }

    /** 1: made under the initiator's writes, followed from Copy In Progress to Synchronized. */
    private static void made(Properties results) {
        assertEquals("4096", results.getProperty("create.return"));
        assertEquals(TARGET, results.getProperty("create.target"));
        assertEquals("true", results.getProperty("create.job"));
        assertEquals("none", results.getProperty("writer.failure"), "the initiator's writes through tcm_loop");
        assertTrue(Long.parseLong(results.getProperty("initial.writes")) > 0, "the initiator wrote meanwhile");
        assertEquals(results.getProperty("before.info"), results.getProperty("after.info"),
                "the source's storage object keeps its device");
        assertEquals(results.getProperty("before.naa"), results.getProperty("after.naa"));
        assertEquals("15", results.getProperty("initial.syncing.SyncState"), "Copy In Progress");
        assertEquals("3", results.getProperty("initial.syncing.CopyState"), "Unsynchronized");
        int percent = Integer.parseInt(results.getProperty("initial.syncing.PercentSynced"));
        assertTrue(percent > 0 && percent < 100, "PercentSynced " + percent);
        assertEquals("4", results.getProperty("initial.syncing.job.JobState"), "the job Running");
        assertTrue(results.getProperty("initial.syncing.target.OperationalStatus").contains("15"),
                "the target is Dormant: " + results.getProperty("initial.syncing.target.OperationalStatus"));
        assertEquals("null", results.getProperty("initial.syncing.target.Access"));
        assertEquals("false", results.getProperty("initial.syncing.target.storageObject"));
        assertEquals("7", results.getProperty("initial.job.JobState"), "Completed");
        assertEquals("100", results.getProperty("initial.job.PercentComplete"));
        assertSynchronized(results, "initial.done");
        assertEquals("raid1", results.getProperty("initial.segtype"));
    }

    /** 2: fractured, the target read-only and holding the source's bytes. */
    private static void fractured(Properties results) {
        assertEquals("0", results.getProperty("fracture.return"));
        assertEquals("13", results.getProperty("fracture.SyncState"));
        assertEquals("6", results.getProperty("fracture.CopyState"));
        assertEquals("1", results.getProperty("fracture.target.Access"), "Readable");
        String expected = results.getProperty("expected.sha256");
        assertEquals(expected, results.getProperty("fracture.source.sha256"), "the source holds what was written");
        assertEquals(expected, results.getProperty("fracture.target.sha256"), "the target holds the source's bytes");
        assertFalse(results.getProperty("fracture.target.write").startsWith("rc=0"),
                "a write to the fractured target is refused: " + results.getProperty("fracture.target.write"));
        assertEquals(expected, results.getProperty("fracture.target.written.sha256"));
        assertEquals(results.getProperty("initial.syncing.target.Name"), results.getProperty("fracture.target.Name"),
                "the target keeps its NAA Name");
    }

    /** 3: the resync copies the changed region only, far faster than the first sync; then split. */
    private static void resynced(Properties results) {
        assertEquals("4096", results.getProperty("resync.return"));
        assertEquals("true", results.getProperty("resync.job"));
        assertEquals("false", results.getProperty("resync.target.storageObject"));
        assertEquals("7", results.getProperty("resync.job.JobState"));
        assertSynchronized(results, "resync.done");
        double resync = Double.parseDouble(results.getProperty("resync.seconds"));
        double initial = Double.parseDouble(results.getProperty("initial.seconds"));
        assertTrue(resync * 3 < initial, "a resync of 1 MiB changed (" + resync + " s) is far faster than the first"
                + " sync (" + initial + " s)");
        assertEquals("0", results.getProperty("split.return"));
        assertEquals("7", results.getProperty("split.CopyState"), "Split");
        assertEquals("1", results.getProperty("split.target.Access"));
        String changed = results.getProperty("changed.sha256");
        assertNotEquals(results.getProperty("expected.sha256"), changed);
        assertEquals(changed, results.getProperty("split.source.sha256"));
        assertEquals(changed, results.getProperty("split.target.sha256"), "the target took the change");
    }

    /** 4: detached into a writable volume of its own with the same NAA Name; the source linear again. */
    private static void detached(Properties results) {
        assertEquals("1", results.getProperty("bad.detachFractured.return"), "LVM splits no tracked leg for good");
        assertEquals("4096", results.getProperty("resync2.return"));
        assertEquals("7", results.getProperty("resync2.job.JobState"));
        assertSynchronized(results, "resync2.done");
        assertEquals("0", results.getProperty("detach.return"));
        assertEquals("0", results.getProperty("detach.synchronized"), "no relationship left");
        assertEquals("3", results.getProperty("detach.target.Access"), "Read/Write");
        assertEquals(results.getProperty("initial.syncing.target.Name"), results.getProperty("detach.target.Name"));
        assertTrue(results.getProperty("detach.target.naa").length() == 32, results.getProperty("detach.target.naa"));
        assertTrue(results.getProperty("detach.target.info").contains("/" + KernelSyncMirrorMain.MIRROR),
                "the storage object opens the new volume: " + results.getProperty("detach.target.info"));
        assertEquals("linear", results.getProperty("detach.source.segtype"));
        assertTrue(results.getProperty("detach.lvs").contains(KernelSyncMirrorMain.MIRROR + " linear"),
                results.getProperty("detach.lvs"));
        assertFalse(results.getProperty("detach.lvs").contains("rimage"), results.getProperty("detach.lvs"));
        String changed = results.getProperty("changed.sha256");
        assertEquals(changed, results.getProperty("detach.source.sha256"));
        assertEquals(changed, results.getProperty("detach.target.sha256"));
        assertTrue(results.getProperty("detach.target.write").startsWith("rc=0"),
                "the detached target is writable: " + results.getProperty("detach.target.write"));
    }

    /** 5: bad inputs. */
    private static void refused(Properties results) {
        assertEquals("6", results.getProperty("bad.fracture.syncing.return"), "a fracture while synchronising");
        assertEquals("1", results.getProperty("bad.thin.return"), "a thin volume cannot have a raid1 leg");
        assertEquals("5", results.getProperty("bad.onepv.return"), "no second physical volume for the leg");
        assertFalse(results.getProperty("bad.onepv.lvs").contains("rimage"), results.getProperty("bad.onepv.lvs"));
        assertFalse(results.getProperty("bad.onepv.volumes").contains("omirror"),
                results.getProperty("bad.onepv.volumes"));
        assertEquals("6", results.getProperty("bad.deleteSource.return"), "a mirrored source is not deleted");
        assertEquals("0", results.getProperty("bad.deleteTarget.return"));
        assertFalse(results.getProperty("deleteTarget.lvs").contains("rimage"), results.getProperty("deleteTarget.lvs"));
        assertEquals("linear", results.getProperty("deleteTarget.source.segtype"));
        assertFalse(results.getProperty("deleteTarget.volumes").contains(KernelSyncMirrorMain.KILLED),
                results.getProperty("deleteTarget.volumes"));
        assertEquals("0", results.getProperty("deleteTarget.synchronized"));
        assertEquals("false", results.getProperty("deleteTarget.storageObject"));
        assertEquals("5", results.getProperty("bad.resyncDeleted.return"), "a deleted mirror's relationship");
    }

    /** 6: killed while Copy In Progress; started again, the same job ends Completed and the mirror Synchronized. */
    private static void followedAfterAKill(Properties results) {
        assertEquals("4096", results.getProperty("kill.create.return"));
        assertEquals("15", results.getProperty("kill.before.SyncState"));
        assertEquals("4", results.getProperty("kill.before.job.JobState"));
        assertTrue(results.getProperty("kill.after.lvs").startsWith("raid1|"), "the kernel goes on synchronising: "
                + results.getProperty("kill.after.lvs"));
        int killed = Integer.parseInt(results.getProperty("kill.before.PercentSynced"));
        int restarted = Integer.parseInt(results.getProperty("restart.first.PercentSynced"));
        assertTrue(restarted >= killed, "followed on from " + killed + "% after the restart, not from 0: " + restarted);
        assertEquals("7", results.getProperty("restart.job.JobState"), results.getProperty("restart.job.description"));
        assertEquals("100", results.getProperty("restart.job.PercentComplete"));
        assertSynchronized(results, "restart.done");
        assertEquals("0", results.getProperty("kill.fracture.return"));
    }

    private static void assertSynchronized(Properties results, String prefix) {
        assertEquals("6", results.getProperty(prefix + ".SyncState"), prefix + ": Synchronized");
        assertEquals("4", results.getProperty(prefix + ".CopyState"), prefix);
        assertEquals("100", results.getProperty(prefix + ".PercentSynced"), prefix);
    }
}
