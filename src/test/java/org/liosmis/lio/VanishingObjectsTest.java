package org.liosmis.lio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.liosmis.lio.configfs.ConfigFs;
import org.liosmis.lio.configfs.ConfigFsException;
import org.liosmis.lio.configfs.ConfigFsLock;
import org.liosmis.lio.configfs.Errno;

/**
 * Reading LIO while another writer deletes storage objects, HBAs and LUNs, on the emulator:
 * what vanishes while it is listed is left out, what vanishes between being found and being
 * read is not found, and a storage object that is still there but cannot be read is an error.
 */
class VanishingObjectsTest {

    private static final long MIB = 1024 * 1024;

    @TempDir
    Path temp;

    private LioRoot lio;
    private ConfigFs fs;
    private StorageObject b;

    @BeforeEach
    void threeObjects() throws Exception {
        lio = LioRoot.emulated(temp.resolve("lio"));
        fs = lio.configFs();
        create("a");
        b = create("b");
        create("c");
    }

    private StorageObject create(String name) throws ConfigFsException {
        return lio.createFileio(FileioSpec.of(name, temp.resolve(name + ".img"), MIB));
    }

    /** A LioRoot of its own (nothing cached) reading through the deleter. */
    private LioRoot reading(ConcurrentDeleter deleter) {
        return new LioRoot(deleter, ConfigFsLock.forFile(temp.resolve("reading.lock")), null, null);
    }

    /** Deletes b and its HBA when {@code trigger} is first listed or read. */
    private ConcurrentDeleter deletingB(Path trigger) {
        return new ConcurrentDeleter(fs, trigger, b.path(), b.path().getParent());
    }

    private static List<String> names(List<StorageObject> objects) {
        return objects.stream().map(StorageObject::name).sorted().toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"info", "wwn/vpd_unit_serial", "enable", "attrib/emulate_write_cache"})
    void anObjectDeletedWhileItIsReadIsLeftOutOfTheListing(String attribute) throws Exception {
        ConcurrentDeleter deleter = deletingB(b.path().resolve(attribute));
        assertEquals(List.of("a", "c"), names(reading(deleter).storageObjects()));
        assertTrue(deleter.happened());
    }

    @Test
    void anHbaDeletedAfterTheCoreWasListedIsLeftOutOfTheListing() throws Exception {
        ConcurrentDeleter deleter = deletingB(b.path().getParent());
        assertEquals(List.of("a", "c"), names(reading(deleter).storageObjects()));
        assertTrue(deleter.happened());
    }

    @Test
    void anObjectDeletedBetweenBeingFoundAndReadIsNotFound() throws Exception {
        ConcurrentDeleter deleter = deletingB(b.path().resolve("info"));
        LioRoot reading = reading(deleter);
        assertTrue(reading.storageObject(Plugin.FILEIO, "b").isEmpty());
        assertTrue(deleter.happened());
        assertEquals("c", reading.storageObject(Plugin.FILEIO, "c").orElseThrow().name());
    }

    @Test
    void anObjectIsFoundWhileAnotherHbaVanishesDuringTheLookup() throws Exception {
        // "c" was never seen by this LioRoot: looking it up scans every HBA, b's vanishes meanwhile
        ConcurrentDeleter deleter = deletingB(b.path().getParent());
        assertEquals("c", reading(deleter).storageObject(Plugin.FILEIO, "c").orElseThrow().name());
        assertTrue(deleter.happened());
    }

    @Test
    void aLunDeletedWhileTheLunsAreScannedExportsNothing() throws Exception {
        Path tpg = fs.root().resolve("iscsi/iqn.2024-01.org.example:t1/tpgt_1");
        fs.mkdir(tpg.getParent().getParent());
        fs.mkdir(tpg.getParent());
        fs.mkdir(tpg);
        Path lun = tpg.resolve("lun/lun_0");
        fs.mkdir(lun);
        fs.symlink(lun.resolve("port0"), b.path());
        ConcurrentDeleter deleter = new ConcurrentDeleter(fs, lun, lun.resolve("port0"), lun);
        List<StorageObject> objects = reading(deleter).storageObjects();
        assertTrue(deleter.happened());
        assertEquals(List.of("a", "b", "c"), names(objects));
        assertFalse(objects.stream().anyMatch(StorageObject::exported));
    }

    @Test
    void anObjectThatIsThereButCannotBeReadIsAnError() throws Exception {
        // an attribute missing from an object still in configfs is no deletion: it is reported
        Path info = b.path().resolve("info");
        Files.delete(info);
        ConfigFsException e = assertThrows(ConfigFsException.class, () -> lio.storageObjects());
        assertEquals(Errno.ENOENT, e.errno());
        assertEquals(info, e.path());
        assertThrows(ConfigFsException.class, () -> lio.storageObject(Plugin.FILEIO, "b"));
    }
}
