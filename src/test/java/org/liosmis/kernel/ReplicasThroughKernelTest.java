package org.liosmis.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Snapshot and clone made by lio-smis on Debian's kernel ({@link KernelReplicasMain} in a QEMU
 * guest): the jobs end, each replica read back through tcm_loop holds the source's bytes, and
 * after targetctl clear and restore a restarted lio-smis finds the same volumes and relationships.
 */
@Tag("kernel")
class ReplicasThroughKernelTest {

    /** Boot, two JVM server starts, two 8 MiB copies and hashes on TCG; the rest is slack. */
    private static final Duration GUEST_TIMEOUT = Duration.ofMinutes(8);
    /** On the guest's tmpfs: no reflink there, so the replicas are copy jobs. */
    private static final String GUEST_WORK = "/tmp/lio-smis-replicas";
    /** rtslib's tools and the system bus targetcli wants, run from the host's / in the guest. */
    private static final List<Path> TOOLS = List.of(Path.of("/usr/bin/targetctl"), Path.of("/usr/bin/targetcli"),
            Path.of("/usr/bin/dbus-daemon"));

    @Test
    void replicasReadBackThroughLioAndSurviveTargetctlRestore() throws Exception {
        Properties results = KernelGuest.results(KernelReplicasMain.class, GUEST_WORK, "replicas.properties",
                GUEST_TIMEOUT, TOOLS, "targetcli-fb dbus", "kernel replicas");
        assertNull(results.getProperty("failure"), "the guest driver failed");

        String source = results.getProperty("source.sha256");
        for (String role : KernelReplicasMain.ROLES) {
            assertEquals("4096", results.getProperty(role + ".return"), role + ": tmpfs has no reflink, so a copy job");
            assertEquals("JobState 7 PercentComplete 100", results.getProperty(role + ".job"), role + " job's end");
            assertEquals(source, results.getProperty(role + ".readback.sha256"),
                    role + " read through tcm_loop (" + results.getProperty(role + ".readback.device")
                            + ") differs from the source");
        }
        String snapshot = results.getProperty("snapshot.volume");
        assertTrue(results.getProperty("before.synchronized").contains(KernelReplicasMain.SOURCE + " -> " + snapshot),
                "the snapshot's LIO_StorageSynchronized: " + results.getProperty("before.synchronized"));

        assertTrue(results.getProperty("targetctl.clear").startsWith("rc=0"), "targetctl clear: " + results.getProperty("targetctl.clear"));
        assertEquals("[alua]", results.getProperty("cleared.core"), "targetctl clear left storage objects");
        assertTrue(results.getProperty("targetctl.restore").startsWith("rc=0"),
                "targetctl restore of lio-smis' saved config: " + results.getProperty("targetctl.restore")
                        + "\nsaved config:\n" + results.getProperty("saveconfig"));
        String listing = results.getProperty("targetcli.ls");
        assertTrue(listing.startsWith("rc=0") && listing.contains("o- snapshot ") && listing.contains("o- clone "),
                "targetcli ls after the restore lists both replicas: " + listing);
        assertEquals(results.getProperty("before.volumes"), results.getProperty("restored.volumes"),
                "volumes and NAA names after targetctl restore and a restart");
        assertEquals(results.getProperty("before.synchronized"), results.getProperty("restored.synchronized"),
                "replica relationships after targetctl restore and a restart");
    }
}
