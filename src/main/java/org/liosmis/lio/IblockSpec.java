package org.liosmis.lio;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a new block (iblock) storage object should be.
 *
 * @param device     the block device, e.g. /dev/vg0/vol1; the kernel opens it on enable
 * @param readonly   opened read-only, and shown to initiators as write protected
 * @param unitSerial the VPD unit serial; empty means a random UUID, as targetcli does
 */
public record IblockSpec(String name, Path device, boolean readonly, Optional<String> unitSerial) {

    public IblockSpec {
        StorageObjectNames.validate(name);
        ControlPaths.validate(name, "device", device);
        unitSerial = unitSerial == null ? Optional.empty() : unitSerial;
    }

    /** Writable, random unit serial. */
    public static IblockSpec of(String name, Path device) {
        return new IblockSpec(name, device, false, Optional.empty());
    }

    public IblockSpec withReadonly(boolean readonly) {
        return new IblockSpec(name, device, readonly, unitSerial);
    }

    public IblockSpec withUnitSerial(String serial) {
        return new IblockSpec(name, device, readonly, Optional.of(serial));
    }
}
