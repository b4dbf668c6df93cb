package org.liosmis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.testing.ReplicaClient;
import org.liosmis.testing.ServerProcess;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;

/** What lio-smis keeps outside LIO cannot vanish unnoticed while it is stopped. */
class LostStateTest {

    /** SyncState of a snapshot by copy once its data is complete. */
    private static final int FROZEN = 14;

    @TempDir
    Path stateDir;

    @Test
    void aDeletedSavedConfigIsWrittenWholeAtStart() throws Exception {
        DemoServer.start(stateDir).close();
        Files.delete(stateDir.resolve("saveconfig.json"));
        try (DemoServer server = DemoServer.start(stateDir)) {
            List<String> volumes = new ReplicaClient(server.client()).volumeIds();
            assertEquals(List.of("fileio/demo1", "fileio/demo2", "fileio/demo3"), volumes);
            assertEquals(volumes, SavedVolumes.in(stateDir));
        }
    }

    @Test
    void aDeletedDatabaseOfADemoWithoutReplicasStartsAsNew() throws Exception {
        DemoServer.start(stateDir).close();
        deleteDatabase();
        try (DemoServer server = DemoServer.start(stateDir)) {
            assertEquals(3, new ReplicaClient(server.client()).volumeIds().size());
        }
    }

    @Test
    void aDeletedDatabaseIsRefusedAtStartAndServeExitsNamingTheWayOut() throws Exception {
        makeReplicas();
        deleteDatabase();
        AssertionError exited = assertThrows(AssertionError.class, () -> ServerProcess.start(stateDir).close());
        assertTrue(exited.getMessage().contains("lio-smis exited with 1"), exited.getMessage());
        assertWayOut(exited.getMessage(), "is missing");
        assertFalse(Files.exists(database()), "a refused start makes no database");
    }

    @Test
    void anEmptiedDatabaseIsRefusedAtStart() throws Exception {
        makeReplicas();
        deleteDatabase();
        Files.createFile(database());
        Exception refused = assertThrows(Exception.class, () -> DemoServer.start(stateDir).close());
        assertWayOut(refused.getMessage(), "is empty");
        assertEquals(0, Files.size(database()), "a refused start leaves the database as it found it");
    }

    @Test
    void rebuildStateRestoresTheElementNamesAndTheSnapshotAndServeShowsThemAgain() throws Exception {
        makeReplicas();
        deleteDatabase();
        String report = rebuildState();
        assertTrue(report.contains("rebuilt the state database " + database()), report);
        assertTrue(report.contains("  fileio/nightly_1: ElementName \"nightly #1\", snapshot of fileio/demo1\n"), report);
        assertTrue(report.contains("  fileio/copy_one: ElementName \"copy one\"\n"), report);
        assertTrue(report.contains("not restored:\n  jobs:"), report);
        try (DemoServer server = DemoServer.start(stateDir)) {
            ReplicaClient replicas = new ReplicaClient(server.client());
            assertEquals(Map.of("fileio/copy_one", "copy one", "fileio/demo1", "demo1", "fileio/demo2", "demo2",
                    "fileio/demo3", "demo3", "fileio/nightly_1", "nightly #1"), replicas.elementNames());
            CIMInstance snapshot = replicas.storageSynchronized().getFirst();
            assertEquals(1, replicas.storageSynchronized().size());
            assertEquals("fileio/demo1", ((CIMObjectPath) snapshot.getPropertyValue("SystemElement")).getKeyValue("DeviceID"));
            assertEquals("fileio/nightly_1", ((CIMObjectPath) snapshot.getPropertyValue("SyncedElement")).getKeyValue("DeviceID"));
            assertEquals(List.of(ReplicaClient.SNAPSHOT, FROZEN), List.of(
                    ((Number) snapshot.getPropertyValue("CopyType")).intValue(),
                    ((Number) snapshot.getPropertyValue("SyncState")).intValue()));
            assertTrue(snapshot.getPropertyValue("WhenSynced") != null, snapshot.toString());
        }
    }

    @Test
    void rebuildStateKeepsTheOldDatabaseAsideAndWaitsForServeToStop() throws Exception {
        makeReplicas();
        Files.write(database(), new byte[0]);
        String report = rebuildState();
        Path previous;
        try (var files = Files.list(stateDir)) {
            previous = files.filter(f -> f.getFileName().toString().startsWith("lio-smis.db.before-rebuild-"))
                    .findFirst().orElseThrow(() -> new AssertionError(report));
        }
        assertEquals(0, Files.size(previous));
        assertTrue(report.contains("the previous database is kept as " + previous), report);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(database())));
        try (DemoServer server = DemoServer.start(stateDir)) {
            Exception refused = assertThrows(Exception.class, this::rebuildState);
            assertTrue(refused.getMessage().contains("is using the state directory " + stateDir + "; stop it first"),
                    refused.getMessage());
        }
    }

    private String rebuildState() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RebuildStateCommand.run(List.of("--demo", "--state-dir", stateDir.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A snapshot and a clone of demo1, with ElementNames of their own, then a clean stop. */
    private void makeReplicas() throws Exception {
        try (DemoServer server = DemoServer.start(stateDir)) {
            ReplicaClient replicas = new ReplicaClient(server.client());
            replicas.awaitEnd(replicas.createReplica("fileio/demo1", ReplicaClient.SNAPSHOT, "nightly #1", null).job());
            replicas.awaitEnd(replicas.createReplica("fileio/demo1", ReplicaClient.CLONE, "copy one", null).job());
            assertEquals(List.of("fileio/copy_one", "fileio/demo1", "fileio/demo2", "fileio/demo3",
                    "fileio/nightly_1"), replicas.volumeIds());
        }
    }

    private void assertWayOut(String message, String what) {
        assertTrue(message.contains("the state database " + database() + " " + what), message);
        assertTrue(message.contains("fileio/copy_one, fileio/nightly_1"), message);
        assertTrue(message.contains("from a backup"), message);
        assertTrue(message.contains("lio-smis rebuild-state --demo --state-dir " + stateDir), message);
    }

    private Path database() {
        return stateDir.resolve("lio-smis.db");
    }

    private void deleteDatabase() throws Exception {
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(database() + suffix));
        }
    }
}
