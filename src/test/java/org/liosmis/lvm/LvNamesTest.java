package org.liosmis.lvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LvNamesTest {

    @Test
    void reservedNamesAreMadeHarmless() {
        assertEquals("db-snap", LvNames.safe("db-snap"));
        assertEquals("lv-snapshot1", LvNames.safe("snapshot1"));
        assertEquals("lv-pvmove_x", LvNames.safe("pvmove_x"));
        assertEquals("a-tmeta", LvNames.safe("a_tmeta"));
        assertEquals("x-rimage_1", LvNames.safe("x_rimage_1"));
    }

    @Test
    void validNamesAreLvmsOwn() {
        assertTrue(LvNames.valid("vg0"));
        assertTrue(LvNames.valid("vg.a+b_c-d"));
        assertFalse(LvNames.valid("-vg"));
        assertFalse(LvNames.valid("vg/x"));
        assertFalse(LvNames.valid(".."));
        assertFalse(LvNames.valid(""));
    }

    @Test
    void devicePathsNameTheirLogicalVolume() {
        assertEquals(Path.of("/dev/vg0/vol1"), LvNames.device("vg0", "vol1"));
        assertEquals(Optional.of(new LvNames.Named("vg0", "vol1")), LvNames.ofDevice(Path.of("/dev/vg0/vol1")));
        assertEquals(Optional.of(new LvNames.Named("vg-a", "lv-b")), LvNames.ofDevice(Path.of("/dev/mapper/vg--a-lv--b")));
        assertEquals(Optional.empty(), LvNames.ofDevice(Path.of("/dev/sdb")));
        assertEquals(Optional.empty(), LvNames.ofDevice(Path.of("/srv/pool/x.img")));
        assertEquals(Path.of("/dev/mapper/vg--a-lv--b"), LvNames.mapped("vg-a", "lv-b"));
        assertEquals(Optional.of(new LvNames.Named("lio-delta", "pool_tmeta")),
                LvNames.ofDevice(LvNames.mapped("lio-delta", "pool_tmeta")));
    }
}
