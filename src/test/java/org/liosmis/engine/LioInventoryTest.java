package org.liosmis.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.lio.FileioSpec;
import org.liosmis.lio.LioRoot;

/** The inventory over an emulated LIO with real backing files. */
class LioInventoryTest {

    private static final long MIB = 1024 * 1024;

    @TempDir
    Path dir;

    private LioInventory inventory(LioRoot lio) {
        return new LioInventory(lio, EngineFixture.directoryPools(Map.of("fast", dir.resolve("pool"))), "target.example", new ElementNames() {
            @Override
            public Optional<String> elementName(String volumeId) {
                return Optional.ofNullable(elementNames().get(volumeId));
            }

            @Override
            public Map<String, String> elementNames() {
                return Map.of("fileio/inside", "Inside volume");
            }
        });
    }

    private LioRoot lioWithVolumes() throws Exception {
        Files.createDirectories(dir.resolve("pool"));
        Files.createDirectories(dir.resolve("elsewhere"));
        LioRoot lio = LioRoot.emulated(dir.resolve("configfs"));
        lio.createFileio(FileioSpec.of("inside", dir.resolve("pool/inside.img"), 8 * MIB)
                .withUnitSerial("d3f6a0d2-5b6c-4b5e-9a7e-123456789abc"));
        lio.createFileio(FileioSpec.of("outside", dir.resolve("elsewhere/outside.img"), 4 * MIB));
        return lio;
    }

    @Test
    void volumesComeFromTheStorageObjectsWithTheirPool() throws Exception {
        LioInventory inventory = inventory(lioWithVolumes());
        Volume inside = inventory.volume("fileio/inside").orElseThrow();
        assertEquals("fast", inside.poolId());
        assertEquals("Inside volume", inside.elementName());
        assertEquals(512, inside.blockSize());
        assertEquals(8 * MIB / 512, inside.numberOfBlocks());
        assertEquals("6001405D3F6A0D25B6C4B5E9A7E12345", inside.naaId());
        assertEquals(Volume.Health.OK, inside.health());
        assertEquals(Pool.EXTERNAL_ID, inventory.volume("fileio/outside").orElseThrow().poolId());
        assertEquals(2, inventory.volumes().count());
        assertEquals("Inside volume", inventory.volumes().filter(v -> v.name().equals("inside")).findFirst()
                .orElseThrow().elementName());
    }

    @Test
    void externalPoolHoldsWhatLiesOutsideTheConfiguredPools() throws Exception {
        LioInventory inventory = inventory(lioWithVolumes());
        List<Pool> pools = inventory.pools();
        assertEquals(List.of("fast", Pool.EXTERNAL_ID), pools.stream().map(Pool::id).toList());
        Pool external = inventory.pool(Pool.EXTERNAL_ID).orElseThrow();
        assertEquals(4 * MIB, external.totalBytes());
        assertEquals(0, external.freeBytes());
        assertTrue(inventory.pool("fast").orElseThrow().totalBytes() > 0);
    }

    @Test
    void noExternalPoolWithoutExternalVolumes() throws Exception {
        Files.createDirectories(dir.resolve("pool"));
        LioInventory inventory = inventory(LioRoot.emulated(dir.resolve("configfs")));
        assertEquals(List.of("fast"), inventory.pools().stream().map(Pool::id).toList());
        assertTrue(inventory.pool(Pool.EXTERNAL_ID).isEmpty());
    }

    @Test
    void aMissingBackingFileShowsInTheVolumesHealth() throws Exception {
        LioInventory inventory = inventory(lioWithVolumes());
        Files.delete(dir.resolve("pool/inside.img"));
        assertEquals(Volume.Health.BACKING_MISSING, inventory.volume("fileio/inside").orElseThrow().health());
    }

    @Test
    void unknownOrMalformedVolumeIdsFindNothing() throws Exception {
        LioInventory inventory = inventory(lioWithVolumes());
        assertTrue(inventory.volume("fileio/nope").isEmpty());
        assertTrue(inventory.volume("bogus/inside").isEmpty());
        assertTrue(inventory.volume("inside").isEmpty());
        assertTrue(inventory.pool("nope").isEmpty());
    }

    @Test
    void hasVolumeAnswersWithoutReadingTheVolume() throws Exception {
        LioInventory inventory = inventory(lioWithVolumes());
        assertTrue(inventory.hasVolume("fileio/inside"));
        assertFalse(inventory.hasVolume("fileio/nope"));
        assertFalse(inventory.hasVolume("bogus/inside"));
        assertFalse(inventory.hasVolume("inside"));
    }

    @Test
    void anUnreadableStorageObjectIsReportedWithoutItsConfigfsPath() throws Exception {
        LioInventory inventory = inventory(lioWithVolumes());
        // the object is still there but its info cannot be read: LIO itself is unwell
        Files.delete(dir.resolve("configfs/core/fileio_0/inside/info"));
        for (Executable read : List.<Executable>of(() -> inventory.volumes().toList(),
                () -> inventory.volume("fileio/inside"))) {
            EngineException e = assertThrows(EngineException.class, read);
            assertFalse(e.getMessage().contains(dir.toString()), e.getMessage());
            assertFalse(e.getMessage().contains("ENOENT"), e.getMessage());
            assertTrue(e.getMessage().contains("the lio-smis log says why"), e.getMessage());
        }
    }

    @Test
    void systemReportsTheTargetCoreVersion() throws Exception {
        StorageSystem system = inventory(lioWithVolumes()).system();
        assertEquals("target.example", system.name());
        assertTrue(system.lioVersion().matches("\\d.*"), system.lioVersion());
    }
}
