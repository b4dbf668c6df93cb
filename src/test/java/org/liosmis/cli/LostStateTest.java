package org.liosmis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.testing.ReplicaClient;
import org.liosmis.testing.ServerProcess;

/** What lio-smis keeps outside LIO cannot vanish unnoticed while it is stopped. */
class LostStateTest {

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
