package org.liosmis.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.lio.LioRoot;
import org.liosmis.lio.NaaIdentifier;
import org.liosmis.lio.Plugin;
import org.liosmis.lio.StorageObject;

/** The database must know every volume lio-smis made, found by the unit serial it gives them. */
class StateCheckTest {

    @TempDir
    Path dir;

    @Test
    void replicasCarryTheMarkVolumesMadeElsewhereDoNot() throws Exception {
        try (EngineFixture fx = new EngineFixture(dir)) {
            fx.replica(fx.volume("src", EngineFixture.MIB), ReplicaKind.CLONE, "c");
            StorageObject replica = fx.lio.storageObject(Plugin.FILEIO, "c").orElseThrow();
            assertTrue(LioSmisSerial.marks(replica.unitSerial()), replica.unitSerial());
            String uuidDigits = replica.unitSerial().substring("lio-smis-".length()).replace("-", "");
            assertEquals("6001405" + uuidDigits.substring(0, 25).toUpperCase(java.util.Locale.ROOT), replica.naaId().orElseThrow(),
                    "the NAA identifier is derived from the UUID's digits alone");
            assertEquals(NaaIdentifier.fromUnitSerial(uuidDigits), replica.naaId());
            assertFalse(LioSmisSerial.marks(fx.lio.storageObject(Plugin.FILEIO, "src").orElseThrow().unitSerial()));
        }
    }

    @Test
    void aHostWithoutVolumesLioSmisMadeStartsWithANewDatabase() throws Exception {
        try (EngineFixture fx = new EngineFixture(dir)) {
            fx.volume("src", EngineFixture.MIB);
        }
        Path database = dir.resolve("new.db");
        StateCheck.open(LioRoot.emulated(dir.resolve("configfs")), database, "").close();
        assertTrue(Files.exists(database));
    }

    @Test
    void aDatabaseThatMissesSomeOfThemIsRefusedNamingThose() throws Exception {
        try (EngineFixture fx = new EngineFixture(dir)) {
            String source = fx.volume("src", EngineFixture.MIB);
            fx.replica(source, ReplicaKind.SNAPSHOT, "a");
            fx.replica(source, ReplicaKind.SNAPSHOT, "b");
            // as in an older backup, made before b
            fx.store.deleteReplicasOf("fileio/b");
            fx.store.releaseElementName("fileio/b");
        }
        EngineException refused = assertThrows(EngineException.class,
                () -> StateCheck.open(LioRoot.emulated(dir.resolve("configfs")), dir.resolve("state.db"), "WAY OUT"));
        assertEquals("the state database " + dir.resolve("state.db") + " does not know 1 of the 2 volumes lio-smis"
                + " made that LIO holds (fileio/b), so their ElementNames and replica relationships would be lost."
                + " WAY OUT", refused.getMessage());
    }

    @Test
    void anObjectOnlyTheSavedConfigStillListsCounts() throws Exception {
        try (EngineFixture fx = new EngineFixture(dir)) {
            fx.replica(fx.volume("src", EngineFixture.MIB), ReplicaKind.CLONE, "c");
            // a reboot before targetctl restore ran
            StorageObject replica = fx.lio.storageObject(Plugin.FILEIO, "c").orElseThrow();
            fx.lio.configFs().rmdir(replica.path());
            fx.lio.configFs().rmdir(replica.path().getParent());
        }
        EngineException refused = assertThrows(EngineException.class,
                () -> StateCheck.open(LioRoot.emulated(dir.resolve("configfs")), dir.resolve("gone.db"), ""));
        assertTrue(refused.getMessage().contains("gone.db is missing, but LIO holds 1 volume lio-smis made (fileio/c)"),
                refused.getMessage());
        assertTrue(Files.notExists(dir.resolve("gone.db")));
    }
}
