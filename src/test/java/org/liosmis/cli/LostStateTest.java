package org.liosmis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.testing.ReplicaClient;

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
}
