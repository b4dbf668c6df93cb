package org.liosmis.lvm;

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

    public boolean thinVolume() {
        return attributes.charAt(0) == 'V';
    }

    public boolean thinPool() {
        return attributes.charAt(0) == 't';
    }
}
