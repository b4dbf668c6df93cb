package org.liosmis.lio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.lio.configfs.ConfigFs;
import org.liosmis.lio.configfs.ConfigFsException;
import org.liosmis.lio.configfs.ConfigFsLock;
import org.liosmis.lio.configfs.Errno;

/** Creating, listing and deleting storage objects on the emulator, with real backing files. */
class LioRootTest {

    private static final long MIB = 1024 * 1024;

    @TempDir
    Path temp;

    LioRoot lio;
    ConfigFs fs;

    @BeforeEach
    void setUp() {
        lio = LioRoot.emulated(temp.resolve("lio"));
        fs = lio.configFs();
    }

    @Test
    void createFileioMakesTheObjectTargetcliWouldMake() throws Exception {
        Path file = temp.resolve("disk1.img");
        StorageObject so = lio.createFileio(FileioSpec.of("disk1", file, 64 * MIB)
                .withUnitSerial("d3f6a0d2-5b6c-4b5e-9a7e-123456789abc"));
        assertEquals(fs.root().resolve("core/fileio_0/disk1"), so.path());
        assertEquals(Plugin.FILEIO, so.plugin());
        assertEquals(0, so.hbaIndex());
        assertEquals(Optional.of(file.toString()), so.backingPath());
        assertEquals(OptionalLong.of(64 * MIB), so.sizeBytes());
        assertEquals(512, so.blockSize());
        assertEquals("d3f6a0d2-5b6c-4b5e-9a7e-123456789abc", so.unitSerial());
        assertEquals(Optional.of("6001405D3F6A0D25B6C4B5E9A7E12345"), so.naaId());
        assertTrue(so.enabled());
        assertFalse(so.activated());
        assertFalse(so.writeBack());
        assertTrue(Files.isRegularFile(file), "the backing file really exists");
        assertEquals(file + "\n", fs.read(so.path().resolve("udev_path")));
        assertEquals("1\n", fs.read(so.path().resolve("attrib/emulate_model_alias")));
    }

    @Test
    void writeBackAndRandomSerial() throws Exception {
        StorageObject so = lio.createFileio(FileioSpec.of("wb", temp.resolve("wb.img"), MIB).withWriteBack(true));
        assertTrue(so.writeBack());
        assertEquals(36, so.unitSerial().length(), "a UUID like targetcli's");
        assertTrue(fs.read(so.path().resolve("info")).contains("Mode: Buffered-WCE"));
    }

    @Test
    void listingShowsEveryPluginAndTheLunsOfEachObject() throws Exception {
        lio.createFileio(FileioSpec.of("a", temp.resolve("a.img"), MIB));
        StorageObject b = lio.createFileio(FileioSpec.of("b", temp.resolve("b.img"), MIB));
        fs.mkdir(fs.root().resolve("core/rd_mcp_5"));
        fs.mkdir(fs.root().resolve("core/rd_mcp_5/r1"));
        Path tpg = fs.root().resolve("iscsi/iqn.2024-01.org.example:t1/tpgt_1");
        fs.mkdir(tpg.getParent().getParent());
        fs.mkdir(tpg.getParent());
        fs.mkdir(tpg);
        fs.mkdir(tpg.resolve("lun/lun_3"));
        fs.symlink(tpg.resolve("lun/lun_3/port0"), b.path());

        List<StorageObject> all = lio.storageObjects();
        assertEquals(List.of("a", "b", "r1"), all.stream().map(StorageObject::name).sorted().toList());
        StorageObject exported = lio.storageObject(Plugin.FILEIO, "b").orElseThrow();
        assertEquals(List.of(new Lun("iscsi", "iqn.2024-01.org.example:t1", 1, 3, "port0", b.path())), exported.luns());
        assertTrue(exported.activated());
        assertEquals(List.of(0, 1, 5), lio.hbas().stream().map(Hba::index).sorted().toList());
        assertTrue(lio.version().startsWith("Target Engine Core ConfigFS Infrastructure v5.0"));
        assertEquals("/etc/target", lio.dbroot());
    }

    @Test
    void hbaIndexIsTheLowestFreeAcrossPlugins() throws Exception {
        fs.mkdir(fs.root().resolve("core/iblock_0"));
        fs.mkdir(fs.root().resolve("core/rd_mcp_2"));
        assertEquals(1, lio.createFileio(FileioSpec.of("x", temp.resolve("x.img"), MIB)).hbaIndex());
        assertEquals(3, lio.createFileio(FileioSpec.of("y", temp.resolve("y.img"), MIB)).hbaIndex());
        lio.delete(Plugin.FILEIO, "x");
        assertEquals(1, lio.createFileio(FileioSpec.of("z", temp.resolve("z.img"), MIB)).hbaIndex());
    }

    @Test
    void anHbaMadeByAnotherWriterIsNotReused() throws Exception {
        assertEquals(0, create(lio, "a").hbaIndex());
        fs.mkdir(fs.root().resolve("core/iblock_1"));
        assertEquals(2, create(lio, "b").hbaIndex());
        LioRoot other = LioRoot.emulated(temp.resolve("lio"));
        assertEquals(3, create(other, "c").hbaIndex());
        assertEquals(4, create(lio, "d").hbaIndex());
    }

    @Test
    void aDuplicateMadeByAnotherWriterIsRefused() throws Exception {
        create(lio, "a");
        create(LioRoot.emulated(temp.resolve("lio")), "dup");
        assertEquals(Errno.EEXIST, assertThrows(ConfigFsException.class, () -> create(lio, "dup")).errno());
        assertEquals(2, lio.storageObjects().size());
    }

    @Test
    void anObjectDeletedByAnotherWriterIsForgotten() throws Exception {
        create(lio, "gone");
        LioRoot.emulated(temp.resolve("lio")).delete(Plugin.FILEIO, "gone");
        assertTrue(lio.storageObject(Plugin.FILEIO, "gone").isEmpty());
        assertEquals(0, create(lio, "gone").hbaIndex());
    }

    @Test
    void theLowestIndexFreedByADeleteIsReused() throws Exception {
        for (int i = 0; i < 5; i++) {
            create(lio, "o" + i);
        }
        lio.delete(Plugin.FILEIO, "o3");
        lio.delete(Plugin.FILEIO, "o0");
        assertEquals(0, create(lio, "n0").hbaIndex());
        assertEquals(3, create(lio, "n1").hbaIndex());
        assertEquals(5, create(lio, "n2").hbaIndex());
    }

    @Test
    void anIndexTakenBetweenLookAndMkdirIsClaimedAgain() throws Exception {
        LioRoot raced = new LioRoot(new RacingHbaWriter(fs, 2), ConfigFsLock.forFile(temp.resolve("raced.lock")), null,
                null);
        assertEquals(2, create(raced, "r").hbaIndex());
        assertEquals(List.of("alua", "fileio_0", "fileio_1", "fileio_2"), fs.list(fs.root().resolve("core")));

        LioRoot alwaysLoses = new LioRoot(new RacingHbaWriter(fs, 100), ConfigFsLock.forFile(temp.resolve("lost.lock")),
                null, null);
        assertEquals(Errno.EEXIST, assertThrows(ConfigFsException.class, () -> create(alwaysLoses, "l")).errno());
    }

    @Test
    void deleteRemovesObjectAndHbaButNeverTheBackingFile() throws Exception {
        Path file = temp.resolve("d.img");
        lio.createFileio(FileioSpec.of("d", file, MIB));
        Files.writeString(file, "data");
        lio.delete(Plugin.FILEIO, "d");
        assertFalse(fs.exists(fs.root().resolve("core/fileio_0")));
        assertEquals("data", Files.readString(file));
        assertEquals(Errno.ENOENT, assertThrows(ConfigFsException.class, () -> lio.delete(Plugin.FILEIO, "d")).errno());
    }

    @Test
    void deleteIsRefusedWhileALunExportsTheObject() throws Exception {
        StorageObject so = lio.createFileio(FileioSpec.of("e", temp.resolve("e.img"), MIB));
        Path tpg = fs.root().resolve("iscsi/iqn.2024-01.org.example:t1/tpgt_1");
        fs.mkdir(tpg.getParent().getParent());
        fs.mkdir(tpg.getParent());
        fs.mkdir(tpg);
        fs.mkdir(tpg.resolve("lun/lun_0"));
        fs.symlink(tpg.resolve("lun/lun_0/port0"), so.path());
        ConfigFsException refused = assertThrows(ConfigFsException.class, () -> lio.delete(Plugin.FILEIO, "e"));
        assertEquals(Errno.EBUSY, refused.errno());
        assertTrue(refused.getMessage().contains("iscsi/iqn.2024-01.org.example:t1/tpgt_1/lun_0"), refused.getMessage());
        assertTrue(fs.exists(so.path()));
    }

    @Test
    void aFailedCreateLeavesNothingBehind() throws Exception {
        // the kernel cannot create a backing file in a missing directory: enable fails with ENOENT
        ConfigFsException noDir = assertThrows(ConfigFsException.class,
                () -> lio.createFileio(FileioSpec.of("bad", temp.resolve("missing/bad.img"), MIB)));
        assertEquals(Errno.ENOENT, noDir.errno());
        assertEquals(List.of(), lio.hbas());

        // a unit serial longer than the kernel accepts fails after enable
        ConfigFsException tooLong = assertThrows(ConfigFsException.class, () -> lio.createFileio(
                FileioSpec.of("bad", temp.resolve("bad.img"), MIB).withUnitSerial("s".repeat(300))));
        assertEquals(Errno.EOVERFLOW, tooLong.errno());
        assertEquals(List.of(), lio.hbas());
        assertEquals(List.of("alua"), fs.list(fs.root().resolve("core")));
    }

    @Test
    void aFailureAtAnyStepRollsBack() throws Exception {
        for (int failAt = 1; failAt <= 5; failAt++) {
            FailingWrites failing = new FailingWrites(fs, failAt);
            LioRoot flaky = new LioRoot(failing, ConfigFsLock.forFile(temp.resolve("flaky.lock")), null,
                    null);
            assertThrows(ConfigFsException.class,
                    () -> flaky.createFileio(FileioSpec.of("f", temp.resolve("f.img"), MIB)));
            assertEquals(List.of(), lio.hbas(), "after a failure at write " + failAt);
        }
    }

    @Test
    void duplicateNamesAndBadNamesAreRefused() throws Exception {
        lio.createFileio(FileioSpec.of("dup", temp.resolve("dup.img"), MIB));
        assertEquals(Errno.EEXIST, assertThrows(ConfigFsException.class,
                () -> lio.createFileio(FileioSpec.of("dup", temp.resolve("dup2.img"), MIB))).errno());
        for (String bad : new String[] {"", ".", "..", "a/b", "x".repeat(200), "with space"}) {
            assertThrows(IllegalArgumentException.class, () -> FileioSpec.of(bad, temp.resolve("n.img"), MIB), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> FileioSpec.of("rel", Path.of("rel.img"), MIB));
        assertThrows(IllegalArgumentException.class, () -> FileioSpec.of("zero", temp.resolve("z.img"), 0));
    }

    @Test
    void concurrentCreatesGetDistinctHbas() throws Exception {
        int count = 24;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<StorageObject>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            // a separate LioRoot per thread, as separate callers would have
            LioRoot own = LioRoot.emulated(temp.resolve("lio"));
            futures.add(pool.submit(() -> own.createFileio(FileioSpec.of("c" + n, temp.resolve("c" + n + ".img"), MIB))));
        }
        Set<Integer> indexes = new HashSet<>();
        for (Future<StorageObject> f : futures) {
            indexes.add(f.get().hbaIndex());
        }
        pool.shutdown();
        assertEquals(count, indexes.size());
        List<StorageObject> all = lio.storageObjects();
        assertEquals(count, all.size());
        assertTrue(all.stream().allMatch(so -> so.enabled() && so.unitSerial().length() == 36));
        assertEquals(count, lio.savedConfig().orElseThrow().load().storageObjects().size(),
                "each saved under the lock, none lost");
    }

    @Test
    void aDemoStateDirectorySurvivesARestart() throws Exception {
        lio.createFileio(FileioSpec.of("demo1", temp.resolve("demo1.img"), 8 * MIB));
        LioRoot reopened = LioRoot.emulated(temp.resolve("lio"));
        assertEquals(List.of("demo1"), reopened.storageObjects().stream().map(StorageObject::name).toList());
    }

    private StorageObject create(LioRoot root, String name) throws ConfigFsException {
        return root.createFileio(FileioSpec.of(name, temp.resolve(name + ".img"), MIB));
    }
}
