package org.liosmis.lio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** info texts copied from a real 6.1 kernel (kernel-observations/guest.out). */
class StorageObjectInfoTest {

    private static StorageObjectInfo parse(String fixture) throws Exception {
        try (InputStream in = StorageObjectInfoTest.class.getResourceAsStream(fixture)) {
            return StorageObjectInfo.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void fileioBeforeControl() throws Exception {
        StorageObjectInfo info = parse("fileio-new.info");
        assertFalse(info.activated());
        assertEquals(0, info.sectorSize());
        assertEquals(Optional.empty(), info.backingPath());
        assertEquals(OptionalLong.of(0), info.sizeBytes());
    }

    @Test
    void fileioEnabledAndActivated() throws Exception {
        StorageObjectInfo enabled = parse("fileio-enabled.info");
        assertFalse(enabled.activated());
        assertEquals(512, enabled.sectorSize());
        assertEquals(Optional.of("/tmp/vol1.img"), enabled.backingPath());
        assertEquals(OptionalLong.of(67108864), enabled.sizeBytes());
        assertFalse(enabled.writeBack());
        assertTrue(parse("fileio-activated.info").activated());
    }

    @Test
    void fileioWriteBack() {
        assertTrue(StorageObjectInfo.parse("Status: DEACTIVATED  Max Queue Depth: 0  SectorSize: 512  HwMaxSectors: 16384\n"
                + "        TCM FILEIO ID: 0        File: /a b.img  Size: 4096  Mode: Buffered-WCE Async: 0\n").writeBack());
    }

    @Test
    void iblock() throws Exception {
        StorageObjectInfo enabled = parse("iblock-enabled.info");
        assertEquals(Optional.of("/dev/vg0/vol1_snap1"), enabled.backingPath());
        assertEquals(OptionalLong.empty(), enabled.sizeBytes());
        assertEquals(Optional.empty(), parse("iblock-new.info").backingPath());
    }

    @Test
    void ramdiskAndUser() throws Exception {
        assertEquals(OptionalLong.of(1024L * 4096), parse("rd_mcp-enabled.info").sizeBytes());
        assertEquals(OptionalLong.of(0), parse("user-new.info").sizeBytes());
    }
}
