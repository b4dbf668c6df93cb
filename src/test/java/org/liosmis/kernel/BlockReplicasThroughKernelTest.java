package org.liosmis.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Block volumes on LVM, made by lio-smis on Debian's kernel ({@link KernelBlockReplicasMain}
 * in a QEMU guest): thin snapshots and clones are instant, thick ones are copy jobs, every
 * replica read back through tcm_loop holds its source's bytes, refused requests leave no
 * logical volume or storage object behind, ReturnToStoragePool removes the logical volume,
 * a thin source overwritten and restored from its snapshot reads back its first bytes,
 * and targetctl clear/restore brings the block replicas back for a restarted lio-smis.
 */
@Tag("kernel")
class BlockReplicasThroughKernelTest {

    private static final Duration GUEST_TIMEOUT = Duration.ofMinutes(10);
    private static final List<Path> TOOLS = List.of(Path.of("/usr/sbin/lvm"), Path.of("/usr/sbin/thin_check"),
            Path.of("/usr/bin/targetctl"), Path.of("/usr/bin/targetcli"), Path.of("/usr/bin/dbus-daemon"));

    @Test
    void blockReplicasOnLvmReadBackThroughLio() throws Exception {
        Properties results = KernelGuest.results(KernelBlockReplicasMain.class, "/tmp/lio-smis-block", "block.properties",
                GUEST_TIMEOUT, TOOLS, "lvm2 thin-provisioning-tools targetcli-fb dbus", "kernel block replicas");
        assertNull(results.getProperty("failure"), "the guest driver failed");

        assertEquals("total " + results.getProperty("lvm.thin") + " free",
                results.getProperty("pool.thin").replaceAll(" free .*", " free"), "the thin pool's size comes from LVM");
        assertEquals("total " + results.getProperty("lvm.thick").replace(" ", " free "), results.getProperty("pool.thick"),
                "the volume group's size and free space come from LVM");

        for (KernelBlockReplicasMain.Replica replica : KernelBlockReplicasMain.REPLICAS) {
            String role = replica.role();
            assertEquals(replica.instant() ? "0" : "4096", results.getProperty(role + ".return"),
                    role + ": thin replicas in their source's pool are instant, others copy jobs");
            if (!replica.instant()) {
                assertEquals("JobState 7 PercentComplete 100", results.getProperty(role + ".job"), role + " job's end");
            }
            String source = replica.source().substring("iblock/".length());
            assertEquals(results.getProperty(source + ".sha256"), results.getProperty(role + ".readback.sha256"),
                    role + " read through tcm_loop differs from " + source);
        }
        double kthinFull = Double.parseDouble(results.getProperty("kthin.data_percent"));
        assertTrue(kthinFull > 45 && kthinFull < 55,
                "a copy into a thin pool skips the source's zeros, so only its half of data is allocated: " + kthinFull);
        String lvs = results.getProperty("lvs.after.replicas");
        assertTrue(lvs.contains("liothin|tsnap|tsrc") && lvs.contains("liothin|tclone|tsrc"),
                "thin replicas are thin snapshots of their source: " + lvs);
        assertTrue(lvs.contains("liothick|kclone|") && !lvs.contains(".lio-smis-src"),
                "thick copies are plain volumes, their temporary snapshots gone: " + lvs);
        assertTrue(results.getProperty("before.synchronized").contains("iblock/tsrc -> iblock/tsnap CopyType 4"),
                "the thin snapshot's LIO_StorageSynchronized: " + results.getProperty("before.synchronized"));

        for (String bad : List.of("nospace", "clash", "locked")) {
            assertEquals("false", results.getProperty("bad." + bad + ".storageObject"), bad + " left a storage object");
        }
        assertEquals("5", results.getProperty("bad.nospace.return"), "a copy the volume group has no room for");
        assertEquals("5", results.getProperty("bad.clash.return"), "an ElementName naming an existing LV");
        assertEquals("true", results.getProperty("bad.clash.lvs.unchanged"), "the clashing LV must stay as it was");
        assertEquals("6", results.getProperty("bad.locked.return"), "a volume group another LVM command holds");
        assertEquals("true", results.getProperty("bad.lvs.unchanged"), "refused requests left logical volumes behind");

        assertEquals("4096", results.getProperty("restore.return"), "a block restore is a copy job");
        assertEquals("JobState 7 PercentComplete 100", results.getProperty("restore.job"));
        assertFalse(results.getProperty("restore.overwritten.sha256").equals(results.getProperty("tsrc.sha256")));
        assertEquals(results.getProperty("tsrc.sha256"), results.getProperty("restore.readback.sha256"),
                "the restored source read through tcm_loop holds the data its snapshot was taken of");
        assertEquals("true", results.getProperty("restore.serial.kept"), "the source keeps its unit serial");
        assertFalse(results.getProperty("restore.lvs").contains(".lio-smis-src"),
                "the restore's temporary snapshot is gone: " + results.getProperty("restore.lvs"));

        assertEquals("0", results.getProperty("delete.tclone.return"), "ReturnToStoragePool of a thin clone");
        assertFalse(results.getProperty("delete.tclone.lvs").contains("|tclone|"), "its LV must be gone");

        assertTrue(results.getProperty("targetctl.clear").startsWith("rc=0"), results.getProperty("targetctl.clear"));
        assertEquals("[alua]", results.getProperty("cleared.core"), "targetctl clear left storage objects");
        assertTrue(results.getProperty("targetctl.restore").startsWith("rc=0"), results.getProperty("targetctl.restore"));
        assertTrue(results.getProperty("targetcli.ls").contains("o- tsnap "), results.getProperty("targetcli.ls"));
        assertEquals(results.getProperty("before.volumes"), results.getProperty("restored.volumes"),
                "volumes and NAA names after targetctl restore and a restart");
        assertEquals(results.getProperty("before.synchronized"), results.getProperty("restored.synchronized"),
                "replica relationships after targetctl restore and a restart");
    }
}
