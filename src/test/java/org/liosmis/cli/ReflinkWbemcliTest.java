package org.liosmis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.liosmis.testing.TestFiles.MIB;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.testing.LoopFilesystem;
import org.liosmis.testing.PoolVolumes;
import org.liosmis.testing.ReplicaClient;
import org.liosmis.testing.TestFiles;

/**
 * CreateReplica on a pool that shares extents (a loop-mounted XFS with reflink), through
 * Debian's wbemcli against "serve --demo": snapshot and clone are made at once, with no job.
 */
class ReflinkWbemcliTest {

    /**
     * Finds the service and demo3 (64 MiB, 32 MiB of data) for the wbemcli lines after it. The
     * volume is named without host and namespace: in a method argument wbemcli reads
     * "root/lio:..." as host "root", namespace "lio", which lio-smis refuses.
     */
    private static final String NAMES = """
            S=$(wbemcli ein "$LIO/root/lio:LIO_StorageConfigurationService" | sed 's,^[^/]*/,,')
            V=$(wbemcli ein "$LIO/root/lio:LIO_StorageVolume" | grep '"fileio/demo3"' | sed 's,^[^/]*/[^:]*:,,')
            """;
    private static final Pattern TARGET = Pattern.compile("TargetElement \\(reference\\): (\\S+)");
    private static final Pattern DEVICE_ID = Pattern.compile("DeviceID=\"([^\"]+)\"");

    @TempDir
    static Path work;
    private static Path stateDir;
    private static LoopFilesystem xfs;
    private static DemoServer server;
    private static final Map<String, String> ENV = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        stateDir = work.resolve("state");
        xfs = LoopFilesystem.xfsWithReflink(work, 512L * MIB);
        server = DemoServer.start(stateDir, "--pool", "default=" + xfs.root());
        ENV.put("LIO", server.url("http"));
    }

    @AfterAll
    static void stop() {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (xfs != null) {
                xfs.close();
            }
        }
    }

    private static String wbemcli(String lines) throws Exception {
        Wbemcli.Result result = Wbemcli.run(NAMES + lines, ENV);
        assertEquals(0, result.exitCode(), lines + "\n" + result.output());
        return result.output();
    }

    /** CreateReplica through wbemcli; the TargetElement it returned at once. */
    private static String createReplicaAtOnce(int copyType, String elementName) throws Exception {
        String output = wbemcli("wbemcli cm \"$LIO/$S\" CreateReplica.SourceElement=\"$V\",CopyType=" + copyType
                + ",ElementName=" + elementName);
        assertTrue(output.contains(" CreateReplica: 0, TargetElement (reference): "), output);
        assertFalse(output.contains("Job"), "no Job out-parameter when nothing is left to do: " + output);
        Matcher target = TARGET.matcher(output);
        assertTrue(target.find(), output);
        return target.group(1);
    }

    private static List<String> deviceIds(String output) {
        return DEVICE_ID.matcher(output).results().map(m -> m.group(1)).sorted().toList();
    }

    @Test
    void snapshotAndCloneAreReflinksMadeAtOnceAndReturnedToThePool() throws Exception {
        Path source = xfs.root().resolve("demo3.img");
        String checksum = TestFiles.sha256(source);
        long used = xfs.usedBytes();

        String snapshot = createReplicaAtOnce(ReplicaClient.SNAPSHOT, "snap");
        assertEquals(List.of("fileio/snap"), deviceIds(snapshot));
        String clone = createReplicaAtOnce(ReplicaClient.CLONE, "clone");
        assertEquals(List.of("fileio/clone"), deviceIds(clone));

        assertEquals(checksum, TestFiles.sha256(xfs.root().resolve("snap.img")));
        assertEquals(checksum, TestFiles.sha256(xfs.root().resolve("clone.img")));
        assertTrue(xfs.usedBytes() - used < 2L * MIB,
                "two replicas of 32 MiB of data share its extents, yet XFS grew by " + (xfs.usedBytes() - used));

        String synchronizations = wbemcli("wbemcli ei \"$LIO/root/lio:LIO_StorageSynchronized\"");
        assertEquals(1, synchronizations.lines().filter(l -> !l.isBlank()).count(), "only the snapshot stays associated");
        assertTrue(synchronizations.contains("SyncedElement=root/lio:LIO_StorageVolume.CreationClassName="
                + "\"LIO_StorageVolume\",DeviceID=\"fileio/snap\""), synchronizations);
        for (String property : List.of("CopyType=4", "ReplicaType=4", "SyncState=11", "CopyState=8", "ProgressStatus=2")) {
            assertTrue(synchronizations.contains(property), property + " in " + synchronizations);
        }

        for (String replica : List.of(snapshot, clone)) {
            // without its namespace, as V: wbemcli would read "root/lio:" as host and namespace
            ENV.put("T", replica.replaceFirst("^[\\w/]+:", ""));
            String deleted = wbemcli("wbemcli cm \"$LIO/$S\" ReturnToStoragePool.TheElement=\"$T\"");
            assertTrue(deleted.contains(" ReturnToStoragePool: 0"), deleted);
        }
        List<String> volumes = deviceIds(wbemcli("wbemcli ein \"$LIO/root/lio:LIO_StorageVolume\""));
        assertEquals(List.of("fileio/demo1", "fileio/demo2", "fileio/demo3"), volumes);
        assertEquals(volumes, SavedVolumes.in(stateDir), "the saved config lists exactly LIO's volumes");
        assertEquals("", wbemcli("wbemcli ei \"$LIO/root/lio:LIO_StorageSynchronized\"").strip());
        assertEquals(List.of("demo1.img", "demo2.img", "demo3.img"), PoolVolumes.files(xfs.root()));
        assertEquals(checksum, TestFiles.sha256(source));
    }
}
