package org.liosmis.lio.saveconfig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.lio.Plugin;

/** Reading and writing targetcli's saved config file, on real files. */
class SavedConfigFileTest {

    @TempDir
    Path temp;

    @Test
    void theRealFileSurvivesALoadAndSaveByteForByte() throws Exception {
        Path file = RealSavedConfig.copyTo(temp.resolve("saveconfig.json"));
        SavedConfigFile saved = SavedConfigFile.at(file);
        SavedConfig config = saved.load();
        saved.save(config);
        assertArrayEquals(RealSavedConfig.bytes(), Files.readAllBytes(file));
        assertEquals(TargetcliJson.parse(new String(RealSavedConfig.bytes())), saved.load().tree());
    }

    @Test
    void addingAndRemovingAnEntryKeepsEverythingElse() throws Exception {
        ObjectNode original = (ObjectNode) TargetcliJson.parse(new String(RealSavedConfig.bytes()));
        original.put("written_by_a_newer_targetcli", "keep me");
        ((ObjectNode) original.get("storage_objects").get(0)).put("unknown_key", 7);
        Path file = temp.resolve("saveconfig.json");
        Files.writeString(file, TargetcliJson.format(original));
        SavedConfigFile saved = SavedConfigFile.at(file);

        SavedConfig config = saved.load();
        config.put(fileioEntry("vol1", "/pool/vol1.img"));
        saved.save(config);
        ObjectNode added = saved.load().tree();
        assertEquals(original.get("targets"), added.get("targets"));
        assertEquals(original.get("fabric_modules"), added.get("fabric_modules"));
        assertEquals("keep me", added.get("written_by_a_newer_targetcli").textValue());
        assertEquals(List.of(original.get("storage_objects").get(0), fileioEntry("vol1", "/pool/vol1.img")),
                List.of(added.get("storage_objects").get(0), added.get("storage_objects").get(1)));

        SavedConfig again = saved.load();
        assertTrue(again.remove(Plugin.FILEIO, "vol1"));
        assertFalse(again.remove(Plugin.FILEIO, "vol1"));
        saved.save(again);
        assertEquals(TargetcliJson.format(original), Files.readString(file));
    }

    @Test
    void anEntryReplacesTheStaleOneOfTheSameStorageObject() {
        SavedConfig config = SavedConfig.empty();
        config.put(fileioEntry("vol1", "/old.img"));
        config.put(fileioEntry("other", "/other.img"));
        config.put(fileioEntry("vol1", "/new.img"));
        assertEquals(List.of("other/" + Optional.of("/other.img"), "vol1/" + Optional.of("/new.img")),
                config.storageObjects().stream().map(so -> so.name() + "/" + so.dev()).toList());

        // restore accepts the configfs names too: they are the same storage object
        ObjectNode iblock = TargetcliJson.NODES.objectNode().put("plugin", "iblock").put("name", "b");
        config.put(iblock);
        assertTrue(config.remove(Plugin.IBLOCK, "b"));
        assertFalse(config.remove(Plugin.FILEIO, "other.img"));
    }

    @Test
    void storageObjectsListWhatRestoreWillCreate() throws Exception {
        SavedConfig config = SavedConfigFile.at(RealSavedConfig.copyTo(temp.resolve("s.json"))).load();
        config.put(fileioEntry("vol1", "/pool/vol1.img"));
        assertEquals(List.of(
                new SavedStorageObject("block", "blk1", Optional.of("/dev/loop0"), OptionalLong.empty(),
                        Optional.of("e6deb258-4d72-47d5-bdd1-24fe976f9ce7")),
                new SavedStorageObject("fileio", "vol1", Optional.of("/pool/vol1.img"), OptionalLong.of(67108864),
                        Optional.of("0b1c2d3e-0000-4000-8000-000000000001"))),
                config.storageObjects());
        assertEquals(Optional.of(Plugin.IBLOCK), config.storageObjects().getFirst().lioPlugin());
    }

    @Test
    void aMissingFileIsAnEmptyConfig() throws Exception {
        SavedConfig config = SavedConfigFile.at(temp.resolve("none.json")).load();
        assertEquals(List.of(), config.storageObjects());
        assertEquals("{\n  \"fabric_modules\": [],\n  \"storage_objects\": [],\n  \"targets\": []\n}\n",
                TargetcliJson.format(config.tree()));
    }

    @Test
    void saveWritesAFullFileWithMode0600AndLeavesNoTemporaryFile() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("etc"));
        Path file = Files.writeString(dir.resolve("saveconfig.json"), "{}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        SavedConfig config = SavedConfig.empty();
        config.put(fileioEntry("vol1", "/pool/vol1.img"));
        SavedConfigFile.at(file).save(config);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(List.of("saveconfig.json"), names(dir));
        assertEquals(config.tree(), SavedConfigFile.at(file).load().tree());
    }

    @Test
    void aCrashBeforeTheRenameLeavesTheOldFile() throws Exception {
        Path file = RealSavedConfig.copyTo(temp.resolve("etc/saveconfig.json"));
        SavedConfig config = SavedConfigFile.at(file).load();
        config.put(fileioEntry("vol1", "/pool/vol1.img"));
        SavedConfigFile crashing = new SavedConfigFile(file, (tempFile, target) -> {
            // everything is on disk before the rename
            assertEquals(tempFile.getParent(), target.getParent());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tempFile)));
            assertEquals(TargetcliJson.format(config.tree()), Files.readString(tempFile));
            throw new IOException("simulated crash");
        });
        SavedConfigException e = assertThrows(SavedConfigException.class, () -> crashing.save(config));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("simulated crash"),
                e.getMessage());
        assertArrayEquals(RealSavedConfig.bytes(), Files.readAllBytes(file));
        assertEquals(List.of("saveconfig.json"), names(file.getParent()));
    }

    @Test
    void aCorruptFileIsAClearErrorAndStaysAsItIs() throws Exception {
        Path file = temp.resolve("saveconfig.json");
        for (String[] corrupt : new String[][] {
                {"{\n  \"storage_objects\": [\n", "not valid JSON"},
                {"{} {}", "not valid JSON"},
                {"", "it is empty"},
                {" \n", "it is empty"},
                {"[]", "the top level is ARRAY, not an object"},
                {"{\"storage_objects\": {}}", "\"storage_objects\" is OBJECT, not a list"},
                {"{\"targets\": 1}", "\"targets\" is NUMBER, not a list"}}) {
            Files.writeString(file, corrupt[0]);
            SavedConfigException e = assertThrows(SavedConfigException.class, () -> SavedConfigFile.at(file).load());
            assertEquals(file, e.file());
            assertTrue(e.getMessage().startsWith("saved config " + file + ": "), e.getMessage());
            assertTrue(e.getMessage().contains(corrupt[1]), e.getMessage());
            assertEquals(corrupt[0], Files.readString(file));
        }
        Files.write(file, new byte[] {'{', (byte) 0xff, '}'});
        assertTrue(assertThrows(SavedConfigException.class, () -> SavedConfigFile.at(file).load())
                .getMessage().contains("not UTF-8"));
    }

    @Test
    void theDefaultLocationIsDebiansThenUpstreams() throws Exception {
        Path debian = temp.resolve("rtslib-fb-target/saveconfig.json");
        Path upstream = temp.resolve("target/saveconfig.json");
        assertEquals(debian, SavedConfigFile.defaultLocation(debian, upstream), "neither exists");
        Files.createDirectories(upstream.getParent());
        assertEquals(upstream, SavedConfigFile.defaultLocation(debian, upstream));
        Files.createDirectories(debian.getParent());
        assertEquals(debian, SavedConfigFile.defaultLocation(debian, upstream));
        assertEquals(Path.of("/etc/rtslib-fb-target/saveconfig.json"), SavedConfigFile.DEBIAN);
        assertEquals(Path.of("/etc/target/saveconfig.json"), SavedConfigFile.UPSTREAM);
    }

    @Test
    void saveCreatesAMissingDirectory() throws Exception {
        Path file = temp.resolve("etc/rtslib-fb-target/saveconfig.json");
        SavedConfigFile.at(file).save(SavedConfig.empty());
        assertTrue(Files.isRegularFile(file));
    }

    static ObjectNode fileioEntry(String name, String dev) {
        ObjectNode entry = TargetcliJson.NODES.objectNode();
        entry.put("plugin", "fileio").put("name", name).put("dev", dev).put("size", 67108864)
                .put("wwn", "0b1c2d3e-0000-4000-8000-000000000001").put("write_back", false).put("aio", false);
        entry.putArray("alua_tpgs");
        entry.putObject("attributes").put("block_size", 512);
        return entry;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

}
