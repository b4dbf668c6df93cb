package org.liosmis.lio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.lio.configfs.ConfigFs;
import org.liosmis.lio.configfs.ConfigFsException;
import org.liosmis.lio.configfs.ConfigFsLock;
import org.liosmis.lio.configfs.Errno;
import org.liosmis.lio.saveconfig.RealSavedConfig;
import org.liosmis.lio.saveconfig.SavedConfigFile;
import org.liosmis.lio.saveconfig.SavedStorageObject;
import org.liosmis.lio.saveconfig.StorageObjectDump;

/**
 * Block storage objects on the emulator, kept in step with a copy of the saved config targetcli
 * wrote (it holds one block object, blk1). A regular file stands in for the block device.
 */
class LioRootIblockTest {

    private static final String SERIAL = "e6deb258-4d72-47d5-bdd1-24fe976f9ce7";

    @TempDir
    Path temp;

    Path device;
    Path savedFile;
    SavedConfigFile saved;
    LioRoot lio;
    ConfigFs fs;

    @BeforeEach
    void setUp() throws Exception {
        device = Files.createFile(temp.resolve("loop0"));
        savedFile = RealSavedConfig.copyTo(temp.resolve("etc/saveconfig.json"));
        saved = SavedConfigFile.at(savedFile);
        lio = LioRoot.emulated(temp.resolve("lio"), saved);
        fs = lio.configFs();
    }

    @Test
    void createIblockMakesTheObjectTargetcliWouldMake() throws Exception {
        StorageObject so = lio.createIblock(IblockSpec.of("vol1", device).withUnitSerial(SERIAL));
        assertEquals(fs.root().resolve("core/iblock_0/vol1"), so.path());
        assertEquals(Plugin.IBLOCK, so.plugin());
        assertEquals(0, so.hbaIndex());
        assertEquals(Optional.of(device.toString()), so.backingPath());
        assertEquals(OptionalLong.empty(), so.sizeBytes(), "the kernel shows no size for iblock");
        assertEquals(512, so.blockSize());
        assertEquals(SERIAL, so.unitSerial());
        assertEquals(Optional.of("6001405E6DEB2584D7247D5BDD124FE9"), so.naaId());
        assertTrue(so.enabled());
        assertFalse(so.activated());
        assertFalse(so.writeBack());
        assertEquals(device + "\n", fs.read(so.path().resolve("udev_path")));
        assertEquals("1\n", fs.read(so.path().resolve("attrib/emulate_model_alias")));
        assertTrue(fs.read(so.path().resolve("info")).contains("readonly: 0"));
        assertEquals(Optional.of(so), lio.storageObject(Plugin.IBLOCK, "vol1"));
    }

    @Test
    void theConfigfsWritesAreTargetclis() throws Exception {
        List<String> calls = new ArrayList<>();
        ConfigFs recording = new ForwardingConfigFs(fs) {
            @Override
            public void mkdir(Path dir) throws ConfigFsException {
                calls.add("mkdir " + fs.root().relativize(dir));
                delegate.mkdir(dir);
            }

            @Override
            public void write(Path attribute, String value) throws ConfigFsException {
                calls.add("write " + fs.root().relativize(attribute) + " " + value);
                delegate.write(attribute, value);
            }
        };
        new LioRoot(recording, ConfigFsLock.forFile(temp.resolve("rec.lock")), null, null)
                .createIblock(IblockSpec.of("blk1", device).withUnitSerial(SERIAL));
        // strace-block-create.summary
        assertEquals(List.of("mkdir core/iblock_0", "mkdir core/iblock_0/blk1",
                "write core/iblock_0/blk1/udev_path " + device,
                "write core/iblock_0/blk1/control udev_path=" + device,
                "write core/iblock_0/blk1/control readonly=0",
                "write core/iblock_0/blk1/enable 1\n",
                "write core/iblock_0/blk1/wwn/vpd_unit_serial " + SERIAL + "\n",
                "write core/iblock_0/blk1/attrib/emulate_model_alias 1"), calls);
    }

    @Test
    void readonlyIsWrittenAndSaved() throws Exception {
        StorageObject so = lio.createIblock(IblockSpec.of("ro", device).withReadonly(true));
        assertTrue(fs.read(so.path().resolve("info")).contains("readonly: 1"));
        assertEquals(36, so.unitSerial().length(), "a UUID like targetcli's");
        assertTrue(entry("ro").get("readonly").booleanValue());
    }

    @Test
    void createAddsTheEntryTargetcliSavesAndDeleteTakesItOut() throws Exception {
        StorageObject so = lio.createIblock(IblockSpec.of("vol1", device).withUnitSerial("serial-1"));
        assertEquals(List.of(
                new SavedStorageObject("block", "blk1", Optional.of("/dev/loop0"), OptionalLong.empty(),
                        Optional.of(SERIAL)),
                new SavedStorageObject("block", "vol1", Optional.of(device.toString()), OptionalLong.empty(),
                        Optional.of("serial-1"))),
                saved.load().storageObjects());
        JsonNode entry = entry("vol1");
        assertEquals(new StorageObjectDump(fs).dump(so), entry);
        JsonNode real = saved.load().tree().get("storage_objects").get(0);
        List<String> realKeys = new ArrayList<>();
        real.fieldNames().forEachRemaining(realKeys::add);
        List<String> keys = new ArrayList<>();
        entry.fieldNames().forEachRemaining(keys::add);
        assertEquals(realKeys.stream().sorted().toList(), keys.stream().sorted().toList());
        assertEquals(real.get("plugin"), entry.get("plugin"));
        assertEquals(real.get("readonly"), entry.get("readonly"));
        assertEquals(real.get("write_back"), entry.get("write_back"));

        Files.writeString(device, "data");
        lio.delete(Plugin.IBLOCK, "vol1");
        assertFalse(fs.exists(fs.root().resolve("core/iblock_0")));
        assertEquals(List.of(), lio.hbas());
        assertArrayEquals(RealSavedConfig.bytes(), Files.readAllBytes(savedFile));
        assertEquals("data", Files.readString(device), "the device is never touched");
    }

    @Test
    void aDuplicateIsRefusedAndLeavesNothing() throws Exception {
        lio.createIblock(IblockSpec.of("dup", device));
        byte[] before = Files.readAllBytes(savedFile);
        ConfigFsException e = assertThrows(ConfigFsException.class,
                () -> lio.createIblock(IblockSpec.of("dup", Files.createFile(temp.resolve("loop1")))));
        assertEquals(Errno.EEXIST, e.errno());
        assertTrue(e.getMessage().contains("iblock storage object named 'dup' already exists"), e.getMessage());
        assertEquals(List.of(0), lio.hbas().stream().map(Hba::index).toList());
        assertArrayEquals(before, Files.readAllBytes(savedFile));
    }

    @Test
    void pluginsShareHbaNumberingButNotNames() throws Exception {
        lio.createFileio(FileioSpec.of("same", temp.resolve("same.img"), 1024 * 1024));
        StorageObject block = lio.createIblock(IblockSpec.of("same", device));
        assertEquals(1, block.hbaIndex());
        assertEquals(List.of("blk1", "same", "same"),
                saved.load().storageObjects().stream().map(SavedStorageObject::name).toList());
    }

    @Test
    void aDeviceTheKernelCannotOpenLeavesNothing() throws Exception {
        ConfigFsException e = assertThrows(ConfigFsException.class,
                () -> lio.createIblock(IblockSpec.of("gone", temp.resolve("no-such-device"))));
        assertEquals(Errno.ENOENT, e.errno());
        assertEquals(List.of("alua"), fs.list(fs.root().resolve("core")));
        assertArrayEquals(RealSavedConfig.bytes(), Files.readAllBytes(savedFile));
    }

    @Test
    void aFailureAtAnyWriteRollsBack() throws Exception {
        for (int failAt = 1; failAt <= 6; failAt++) {
            LioRoot flaky = new LioRoot(new FailingWrites(fs, failAt), ConfigFsLock.forFile(temp.resolve("flaky.lock")),
                    null, saved);
            assertThrows(ConfigFsException.class, () -> flaky.createIblock(IblockSpec.of("f", device)));
            assertEquals(List.of(), lio.hbas(), "after a failure at write " + failAt);
        }
        assertArrayEquals(RealSavedConfig.bytes(), Files.readAllBytes(savedFile));
    }

    @Test
    void aFailedSaveRollsTheCreateBack() throws Exception {
        try (ReadOnlyDirectory readOnly = new ReadOnlyDirectory(savedFile.getParent())) {
            ConfigFsException e = assertThrows(ConfigFsException.class,
                    () -> lio.createIblock(IblockSpec.of("vol1", device)));
            assertTrue(e.getMessage().contains(savedFile.toString()) && e.getMessage().contains("removed again"),
                    e.getMessage());
        }
        assertEquals(List.of(), lio.hbas());
        assertArrayEquals(RealSavedConfig.bytes(), Files.readAllBytes(savedFile));
    }

    @Test
    void badSpecsAreRefused() {
        for (String bad : new String[] {"", "..", "a/b", "with space"}) {
            assertThrows(IllegalArgumentException.class, () -> IblockSpec.of(bad, device), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> IblockSpec.of("rel", Path.of("dev/loop0")));
        assertThrows(IllegalArgumentException.class, () -> IblockSpec.of("comma", Path.of("/dev/a,b")));
        assertThrows(IllegalArgumentException.class, () -> IblockSpec.of("nl", Path.of("/dev/a\nb")));
        assertThrows(IllegalArgumentException.class, () -> IblockSpec.of("null", null));
    }

    private JsonNode entry(String name) throws Exception {
        for (JsonNode entry : saved.load().tree().get("storage_objects")) {
            if (entry.get("name").textValue().equals(name)) {
                return entry;
            }
        }
        throw new AssertionError("no saved entry " + name);
    }
}
