package org.liosmis.lvm;

import java.nio.file.Path;

/**
 * A logical volume as {@code lvs} reports it.
 *
 * @param attributes  lv_attr, e.g. "Vwi-a-tz--" (see lvs(8))
 * @param pool        the thin pool of a thin volume, else ""
 * @param origin      the origin of a snapshot, else ""
 * @param dataPercent how full a thin pool, thin volume or snapshot is; 0 where LVM shows none
 */
public record LogicalVolume(String volumeGroup, String name, long sizeBytes, String attributes, String pool,
                            String origin, double dataPercent) {

    /** The device node udev makes, which targetcli uses for block backstores. */
    public Path device() {
        return Path.of("/dev", volumeGroup, name);
    }

    public boolean thinVolume() {
        return attributes.charAt(0) == 'V';
    }

    public boolean thinPool() {
        return attributes.charAt(0) == 't';
    }

    public boolean active() {
        return attributes.length() > 4 && attributes.charAt(4) == 'a';
    }

    /** Some process (LIO's iblock, a mount) holds the device open. */
    public boolean open() {
        return attributes.length() > 5 && attributes.charAt(5) == 'o';
    }
}
