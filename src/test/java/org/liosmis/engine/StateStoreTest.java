package org.liosmis.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state database on disk: only its owner may read it, whatever the umask. */
class StateStoreTest {

    @TempDir
    Path dir;

    @Test
    void aNewDatabaseItsWalAndItsDirectoryAreTheOwnersOnly() throws Exception {
        Path file = dir.resolve("state/lio-smis.db");
        try (StateStore store = StateStore.open(file)) {
            store.claimElementName("fileio/a", "a");
            assertEquals("rwx------", mode(file.getParent()));
            assertEquals("rw-------", mode(file));
            assertEquals("rw-------", mode(Path.of(file + "-wal")));
            assertEquals("rw-------", mode(Path.of(file + "-shm")));
        }
    }

    @Test
    void anExistingDatabaseOthersCouldReadIsTightenedAtOpen() throws Exception {
        Path file = dir.resolve("lio-smis.db");
        StateStore.open(file).close();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(Path.of(file + "-shm"), "");
        Files.setPosixFilePermissions(Path.of(file + "-shm"), PosixFilePermissions.fromString("rw-rw-rw-"));
        try (StateStore store = StateStore.open(file)) {
            assertEquals("rw-------", mode(file));
            assertEquals("rw-------", mode(Path.of(file + "-shm")));
        }
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
