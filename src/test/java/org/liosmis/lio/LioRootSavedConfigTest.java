package org.liosmis.lio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.lio.configfs.ConfigFsException;
import org.liosmis.lio.saveconfig.RealSavedConfig;
import org.liosmis.lio.saveconfig.SavedConfigFile;
import org.liosmis.lio.saveconfig.SavedStorageObject;
import org.liosmis.lio.saveconfig.StorageObjectDump;

/** Creates and deletes through LioRoot keep targetcli's saved config in step with configfs. */
class LioRootSavedConfigTest {

    private static final long MIB = 1024 * 1024;

    @TempDir
    Path temp;

    Path file;
    SavedConfigFile saved;
    LioRoot lio;

    @BeforeEach
    void setUp() throws Exception {
        file = RealSavedConfig.copyTo(temp.resolve("etc/saveconfig.json"));
        saved = SavedConfigFile.at(file);
        lio = LioRoot.emulated(temp.resolve("lio"), saved);
    }

    @Test
    void createAddsTheEntryAndDeleteTakesItOutLeavingTheRestAsTargetcliWroteIt() throws Exception {
        Path backing = temp.resolve("vol1.img");
        StorageObject so = lio.createFileio(FileioSpec.of("vol1", backing, 64 * MIB).withUnitSerial("serial-1"));
        assertEquals(List.of(
                new SavedStorageObject("block", "blk1", Optional.of("/dev/loop0"), OptionalLong.empty(),
                        Optional.of("e6deb258-4d72-47d5-bdd1-24fe976f9ce7")),
                new SavedStorageObject("fileio", "vol1", Optional.of(backing.toString()), OptionalLong.of(64 * MIB),
                        Optional.of("serial-1"))),
                saved.load().storageObjects());
        assertEquals(new StorageObjectDump(lio.configFs()).dump(so), saved.load().tree().get("storage_objects").get(1));
        assertEquals(Optional.of(saved), lio.savedConfig());

        lio.delete(Plugin.FILEIO, "vol1");
        assertArrayEquals(RealSavedConfig.bytes(), Files.readAllBytes(file));
    }

    @Test
    void aStaleEntryOfTheSameNameIsReplaced() throws Exception {
        lio.createFileio(FileioSpec.of("vol1", temp.resolve("old.img"), MIB));
        // configfs lost it (a reboot without restore), the saved config still has it
        StorageObject so = lio.storageObject(Plugin.FILEIO, "vol1").orElseThrow();
        lio.configFs().rmdir(so.path());
        lio.configFs().rmdir(so.path().getParent());

        lio.createFileio(FileioSpec.of("vol1", temp.resolve("new.img"), MIB));
        assertEquals(List.of("blk1", "vol1"), saved.load().storageObjects().stream().map(SavedStorageObject::name).toList());
        assertEquals(Optional.of(temp.resolve("new.img").toString()), saved.load().storageObjects().get(1).dev());
    }

    @Test
    void aFailedSaveRollsTheCreateBack() throws Exception {
        try (ReadOnlyDirectory readOnly = new ReadOnlyDirectory(file.getParent())) {
            ConfigFsException e = assertThrows(ConfigFsException.class,
                    () -> lio.createFileio(FileioSpec.of("vol1", temp.resolve("vol1.img"), MIB)));
            assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("removed again"),
                    e.getMessage());
        }
        assertEquals(List.of(), lio.hbas());
        assertArrayEquals(RealSavedConfig.bytes(), Files.readAllBytes(file));
    }

    @Test
    void aFailedSaveAfterADeleteIsReportedClearly() throws Exception {
        lio.createFileio(FileioSpec.of("vol1", temp.resolve("vol1.img"), MIB));
        byte[] withVol1 = Files.readAllBytes(file);
        try (ReadOnlyDirectory readOnly = new ReadOnlyDirectory(file.getParent())) {
            ConfigFsException e = assertThrows(ConfigFsException.class, () -> lio.delete(Plugin.FILEIO, "vol1"));
            assertTrue(e.getMessage().contains(file.toString())
                    && e.getMessage().contains("targetctl restore would bring it back"), e.getMessage());
        }
        assertEquals(List.of(), lio.hbas());
        assertArrayEquals(withVol1, Files.readAllBytes(file));
    }

    @Test
    void aCorruptSavedConfigRefusesChangesAndStaysAsItIs() throws Exception {
        lio.createFileio(FileioSpec.of("vol1", temp.resolve("vol1.img"), MIB));
        Files.writeString(file, "{\"storage_objects\": [");
        ConfigFsException create = assertThrows(ConfigFsException.class,
                () -> lio.createFileio(FileioSpec.of("vol2", temp.resolve("vol2.img"), MIB)));
        assertTrue(create.getMessage().contains(file + ": it is not valid JSON")
                && create.getMessage().contains("configfs was left unchanged"), create.getMessage());
        assertThrows(ConfigFsException.class, () -> lio.delete(Plugin.FILEIO, "vol1"));
        assertEquals(List.of("vol1"), lio.storageObjects().stream().map(StorageObject::name).toList());
        assertEquals("{\"storage_objects\": [", Files.readString(file));
    }

    @Test
    void theEmulatorKeepsItsSavedConfigNextToItsState() throws Exception {
        LioRoot emulated = LioRoot.emulated(temp.resolve("state/configfs"));
        emulated.createFileio(FileioSpec.of("demo1", temp.resolve("demo1.img"), MIB));
        Path expected = temp.resolve("state/saveconfig.json");
        assertEquals(expected, emulated.savedConfig().orElseThrow().path());
        assertEquals(List.of("demo1"),
                SavedConfigFile.at(expected).load().storageObjects().stream().map(SavedStorageObject::name).toList());
        assertEquals(Optional.empty(), LioRoot.emulated(temp.resolve("other"), null).savedConfig());
    }

    @Test
    void aDeletedSavedConfigIsRebuiltWithEveryStorageObjectAtTheNextCreate() throws Exception {
        StorageObject vol1 = lio.createFileio(FileioSpec.of("vol1", temp.resolve("vol1.img"), MIB));
        StorageObject vol2 = lio.createFileio(FileioSpec.of("vol2", temp.resolve("vol2.img"), 2 * MIB).withWriteBack(true));
        Files.delete(file);

        StorageObject vol3 = lio.createFileio(FileioSpec.of("vol3", temp.resolve("vol3.img"), MIB));
        StorageObjectDump dump = new StorageObjectDump(lio.configFs());
        assertEquals(List.of(dump.dump(vol1), dump.dump(vol2), dump.dump(vol3)), entries());
    }

    @Test
    void aDeletedSavedConfigIsRebuiltWithoutTheObjectADeleteRemoves() throws Exception {
        lio.createFileio(FileioSpec.of("vol1", temp.resolve("vol1.img"), MIB));
        StorageObject vol2 = lio.createFileio(FileioSpec.of("vol2", temp.resolve("vol2.img"), MIB));
        Files.delete(file);

        lio.delete(Plugin.FILEIO, "vol1");
        assertEquals(List.of(new StorageObjectDump(lio.configFs()).dump(vol2)), entries());
    }

    @Test
    void aMissingSavedConfigIsWrittenAtStartAndAPresentOneLeftAlone() throws Exception {
        StorageObject vol1 = lio.createFileio(FileioSpec.of("vol1", temp.resolve("vol1.img"), MIB));
        byte[] present = Files.readAllBytes(file);
        lio.restoreMissingSavedConfig();
        assertArrayEquals(present, Files.readAllBytes(file));

        Files.delete(file);
        lio.restoreMissingSavedConfig();
        assertEquals(List.of(new StorageObjectDump(lio.configFs()).dump(vol1)), entries());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        LioRoot empty = LioRoot.emulated(temp.resolve("empty"), SavedConfigFile.at(temp.resolve("none.json")));
        empty.restoreMissingSavedConfig();
        assertFalse(Files.exists(temp.resolve("none.json")), "no storage objects, nothing to save");
    }

    private List<JsonNode> entries() throws Exception {
        List<JsonNode> entries = new ArrayList<>();
        saved.load().tree().get("storage_objects").forEach(entries::add);
        return entries;
    }
}
